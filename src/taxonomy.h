/*
 * taxonomy.h -- the fixed vocabularies of SPEC section 3.
 *
 * Categories and their tiers, flag kinds and severities, with the stable
 * identifiers that banks and JSON output use.  Pure tables: no state.
 */
#ifndef INFOCOACH_TAXONOMY_H
#define INFOCOACH_TAXONOMY_H

#include <stdbool.h>
#include <stddef.h>

enum category {
	CAT_NONE = -1,
	CAT_TYPICAL_DAY,
	CAT_LIKES,
	CAT_CHALLENGES,
	CAT_QUALITIES,
	CAT_MISSION,
	CAT_ADVANCEMENT,
	CAT_ENTRY_PATH,
	CAT_EXPECTATIONS,
	CAT_INFLUENCES,
	CAT_ADVICE,
	CAT_WORKPLACE,
	CAT_INDUSTRY_TRENDS,
	CAT_REFERRALS,
	CAT_MENTION_NAME,
	CAT_COUNT
};

enum tier { TIER_NONE = -1, TIER_JOB, TIER_INDUSTRY, TIER_CLOSING, TIER_COUNT };

enum flag_kind { KIND_NONE = -1, KIND_JOB_ASK, KIND_SALARY, KIND_GOOGLEABLE, KIND_CLOSED, KIND_COUNT };

enum severity { SEV_NONE = -1, SEV_INFO, SEV_WARNING, SEV_ERROR, SEV_COUNT };

enum policy { POLICY_DEFAULT, POLICY_STRICT, POLICY_LENIENT, POLICY_COUNT };

/* Dialogue acts (SPEC section 5a): what a line said to the host does. */
enum act {
	ACT_NONE = -1,
	ACT_QUESTION,           /* asks about the host's work, path or field */
	ACT_FOLLOW_UP,          /* asks the host to go on */
	ACT_CLARIFY,            /* asks what a word the host used means */
	ACT_SELF,               /* the user talks about themselves */
	ACT_ACK,                /* a reaction without a new question */
	ACT_THANKS,             /* thanks the host */
	ACT_APOLOGY,            /* apologises */
	ACT_GREETING,           /* hello, small talk about the meeting */
	ACT_TIME_FRAME,         /* agrees or checks the meeting's length */
	ACT_GOODBYE,            /* takes leave */
	ACT_OFF_TOPIC,          /* personal or unrelated */
	ACT_COUNT
};

/* Identifier of a value ("typical_day", "job", "job_ask", "error",
 * "strict"); NULL for the NONE values.  The strings are static. */
const char *category_name(enum category c);
const char *tier_name(enum tier t);
const char *kind_name(enum flag_kind k);
const char *severity_name(enum severity s);
const char *policy_name(enum policy p);
const char *act_name(enum act a);

/* The kinds of finding 'check' gives whose severity a config file may
 * set: the flag kinds, then those of lists and letters.  An unreadable
 * file is always an error and is not among them. */
#define FINDING_KIND_COUNT 12

/* The checks 'check' makes on a question list as a whole. */
enum list_check {
	LIST_REFERRALS,         /* a closing question: whom else to talk to */
	LIST_MENTION_NAME,      /* a closing question: may I use your name */
	LIST_TIER_JOB,          /* a question about the host's own job */
	LIST_TIER_INDUSTRY,     /* a question about the industry */
	LIST_TOO_MANY,          /* no more questions than the meeting holds */
	LIST_DUPLICATE,         /* no question twice */
	LIST_NO_QUESTIONS,      /* at least one question */
	LIST_CHECK_COUNT
};

/* What a list check's findings carry; check.c gives them, emit.c lists
 * them for SARIF and tally.c counts them, all from this one table. */
struct list_check_info {
	const char *id;         /* the rule id: "list.referrals" */
	const char *kind;       /* its finding kind, a finding_kind_name() */
	enum severity sev;      /* unless a config file sets the kind's */
	const char *about;      /* what it asks of a list, one sentence */
};

extern const struct list_check_info list_checks[LIST_CHECK_COUNT];

/* The name of finding kind k (0 <= k < FINDING_KIND_COUNT), else NULL. */
const char *finding_kind_name(int k);

/* The index of the finding kind named name, or -1. */
int finding_kind_lookup(const char *name);

/* A short human description of a category ("daily or weekly tasks"). */
const char *category_about(enum category c);

/* Why asking about a category matters to the seeker, one sentence
 * ("Where the field is heading shows ..."); NULL for CAT_NONE.  The one
 * place these reasons are kept. */
const char *category_why(enum category c);

/* The tier a category belongs to. */
enum tier category_tier(enum category c);

/* Look a name up; the NONE value (or -1) when it is not known. */
enum category category_lookup(const char *name);

/* A category as people read it: its identifier with spaces for the
 * underscores ("industry trends"); NULL for CAT_NONE. */
const char *category_words(enum category c);

/* Whether what a person typed, s[0..n), starts the category c, in either
 * form and any case ("Industry t", "industry_t"); with whole, whether
 * it is the whole of it. */
bool category_matches(enum category c, const char *s, size_t n, bool whole);

/* The category a person typed, in either form ("industry trends",
 * "industry_trends", "Industry-Trends"), or CAT_NONE. */
enum category category_read(const char *s);
enum tier tier_lookup(const char *name);
enum flag_kind kind_lookup(const char *name);
enum severity severity_lookup(const char *name);
int policy_lookup(const char *name);
enum act act_lookup(const char *name);

/* A category as people read it, for the host's and the coach's words
 * ("how you got into this work"); NULL for CAT_NONE. */
const char *category_topic(enum category c);

#endif
