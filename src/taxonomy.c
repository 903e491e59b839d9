/*
 * taxonomy.c -- the fixed vocabularies of SPEC section 3 (see taxonomy.h).
 */
#include <config.h>

#include "taxonomy.h"

#include <string.h>

static const struct {
	const char *name;   /* stable identifier */
	enum tier tier;     /* the tier it belongs to */
	const char *about;  /* what a question of this category is about */
	const char *why;    /* why asking about it matters, to the seeker */
} categories[CAT_COUNT] = {
	{"typical_day", TIER_JOB, "daily or weekly tasks, how time is spent",
	    "What fills their days is the plainest picture of the job you would be doing."},
	{"likes", TIER_JOB, "best parts, what motivates them",
	    "What keeps them in the work hints at what could keep you there, and people enjoy answering it."},
	{"challenges", TIER_JOB, "difficult or frustrating parts, downsides",
	    "The hard parts are what job adverts leave out; hearing them now spares you a surprise later."},
	{"qualities", TIER_JOB, "skills, characteristics, training and education needed",
	    "The skills and training they name tell you what to build before you apply."},
	{"mission", TIER_JOB, "how the work fits the organisation's mission",
	    "How the work serves the organisation shows whether its purpose is one you would share."},
	{"advancement", TIER_JOB, "advancement, promotion, the typical career path",
	    "How people move up tells you where the job could lead a few years on."},
	{"entry_path", TIER_JOB, "how the host got into this line of work",
	    "How they got in is a route you might follow, and most hosts like telling it."},
	{"expectations", TIER_JOB, "what differs from what they expected",
	    "What surprised them is what an outsider like you is most likely to get wrong."},
	{"influences", TIER_JOB, "who influenced their career, mentors",
	    "Who shaped their career points you to mentors, groups and people worth knowing."},
	{"advice", TIER_JOB, "advice for you, resources, what to do next",
	    "Asking for their advice turns what they know into your next step."},
	{"workplace", TIER_JOB, "culture, hours, travel, work-life balance",
	    "Hours, culture and pace decide whether you would be happy there from day to day."},
	{"industry_trends", TIER_INDUSTRY, "how the field is changing, current events",
	    "Where the field is heading shows which skills will count by the time you arrive."},
	{"referrals", TIER_CLOSING, "other people you could speak to",
	    "Asking whom else you could talk to is how one conversation leads to the next."},
	{"mention_name", TIER_CLOSING, "permission to use the host's name",
	    "Asking whether you may use their name makes your next introduction a warm one."},
};

static const char *const tiers[TIER_COUNT] = {"job", "industry", "closing"};
static const char *const kinds[KIND_COUNT] = {"job_ask", "salary", "googleable", "closed"};
static const char *const finding_kinds[FINDING_KIND_COUNT] = {"job_ask", "salary", "googleable",
	"closed", "duplicate", "too_many", "missing_closing", "missing_tier", "no_questions",
	"missing_element", "attachment", "too_long"};
static const char *const severities[SEV_COUNT] = {"info", "warning", "error"};
static const char *const policies[POLICY_COUNT] = {"default", "strict", "lenient"};
static const char *const acts[ACT_COUNT] = {"question", "follow_up", "clarify", "self", "ack",
	"thanks", "apology", "greeting", "time_frame", "goodbye", "off_topic"};

/* What a question of each category asks the host about, in the host's
 * own words: "Do you mean <topic>, or <topic>?" */
static const char *const topics[CAT_COUNT] = {
	"what my days look like", "what I like about the work", "the hard parts of the job",
	"the skills and training it takes", "how the work fits what we're here for",
	"how people move up from here", "how I got into this work",
	"what surprised me about it", "the people who shaped my career",
	"my advice for you", "what it's like to work here", "where the field is heading",
	"other people you could talk to", "using my name when you get in touch",
};

const char *
category_name(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? categories[c].name : NULL;
}

/* The categories as people read them. */
static const char *const words[CAT_COUNT] = {
	"typical day", "likes", "challenges", "qualities", "mission", "advancement", "entry path",
	"expectations", "influences", "advice", "workplace", "industry trends", "referrals",
	"mention name",
};

const char *
category_words(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? words[c] : NULL;
}

bool
category_matches(enum category c, const char *s, size_t n, bool whole)
{
	if (c < 0 || c >= CAT_COUNT)
		return false;
	const char *w = words[c];
	size_t i = 0;
	for (; i < n; i++) {
		char a = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		if (a == '_' || a == '-')
			a = ' ';
		if (w[i] == '\0' || a != w[i])
			return false;
	}
	return !whole || w[i] == '\0';
}

enum category
category_read(const char *s)
{
	for (int i = 0; i < CAT_COUNT; i++)
		if (category_matches((enum category)i, s, strlen(s), true))
			return (enum category)i;
	return CAT_NONE;
}

const char *
category_topic(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? topics[c] : NULL;
}

const char *
act_name(enum act a)
{
	return a >= 0 && a < ACT_COUNT ? acts[a] : NULL;
}

const char *
category_why(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? categories[c].why : NULL;
}

const char *
category_about(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? categories[c].about : NULL;
}

enum tier
category_tier(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? categories[c].tier : TIER_NONE;
}

const char *
tier_name(enum tier t)
{
	return t >= 0 && t < TIER_COUNT ? tiers[t] : NULL;
}

const char *
kind_name(enum flag_kind k)
{
	return k >= 0 && k < KIND_COUNT ? kinds[k] : NULL;
}

const char *
severity_name(enum severity s)
{
	return s >= 0 && s < SEV_COUNT ? severities[s] : NULL;
}

const char *
policy_name(enum policy p)
{
	return p < POLICY_COUNT ? policies[p] : NULL;
}

static int
lookup(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

enum category
category_lookup(const char *name)
{
	for (int i = 0; i < CAT_COUNT; i++)
		if (strcmp(categories[i].name, name) == 0)
			return (enum category)i;
	return CAT_NONE;
}

enum tier
tier_lookup(const char *name)
{
	return (enum tier)lookup(tiers, TIER_COUNT, name);
}

enum flag_kind
kind_lookup(const char *name)
{
	return (enum flag_kind)lookup(kinds, KIND_COUNT, name);
}

const struct list_check_info list_checks[LIST_CHECK_COUNT] = {
	[LIST_REFERRALS] = {"list.referrals", "missing_closing", SEV_WARNING,
	    "The list should ask the host whom else to talk to."},
	[LIST_MENTION_NAME] = {"list.mention-name", "missing_closing", SEV_WARNING,
	    "The list should ask whether you may mention the host's name."},
	[LIST_TIER_JOB] = {"list.tier-job", "missing_tier", SEV_WARNING,
	    "The list should ask about the host's own job: their day, path, likes and challenges."},
	[LIST_TIER_INDUSTRY] = {"list.tier-industry", "missing_tier", SEV_WARNING,
	    "The list should ask about the industry and how it is changing."},
	[LIST_TOO_MANY] = {"list.too-many", "too_many", SEV_INFO,
	    "The list should fit the planned meeting, at about two minutes a question."},
	[LIST_DUPLICATE] = {"list.duplicate", "duplicate", SEV_WARNING,
	    "Each question should be asked once."},
	[LIST_NO_QUESTIONS] = {"list.no-questions", "no_questions", SEV_WARNING,
	    "A draft should hold at least one question."},
};

const char *
finding_kind_name(int k)
{
	return k >= 0 && k < FINDING_KIND_COUNT ? finding_kinds[k] : NULL;
}

int
finding_kind_lookup(const char *name)
{
	return lookup(finding_kinds, FINDING_KIND_COUNT, name);
}

enum severity
severity_lookup(const char *name)
{
	return (enum severity)lookup(severities, SEV_COUNT, name);
}

int
policy_lookup(const char *name)
{
	return lookup(policies, POLICY_COUNT, name);
}

enum act
act_lookup(const char *name)
{
	return (enum act)lookup(acts, ACT_COUNT, name);
}
