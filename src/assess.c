/*
 * assess.c -- what the coach makes of one line (see assess.h).
 *
 * Most lines break no rule, so all rule patterns are first tried as one
 * alternation (the gate); only a line that passes the gate, or a gate
 * that hit a limit, is checked rule by rule.
 */
#include <config.h>

#include "assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "classify.h"
#include "hash.h"
#include "literals.h"
#include "text.h"
#include "trigger.h"
#include "xmalloc.h"

/* What the cues and the model made of a line: it depends on the
 * normalised text alone, so a line seen again is not judged again. */
struct assess_memo {
	uint64_t hash;              /* of the normalised line, 0 = empty */
	bool has_votes;             /* votes were counted (not on a line
	                               flagged as a job ask or pay question) */
	float votes[CAT_COUNT];     /* the cues' votes */
	struct judgement j;         /* the model's judgement */
};
#define ASSESS_MEMO 4096        /* lines remembered */
#define MAX_ALTS 32             /* alternatives a pattern is cut into at most */

/* What an assessor holds (assess.h). */
struct assessor {
	const struct ruleset *rs;   /* the rules (borrowed) */
	enum policy policy;         /* which severity column applies */
	struct classifier *cls;     /* owned */
	struct pattern gate;        /* alternation of the patterns of the
	                               rules without triggers */
	bool has_gate;              /* gate compiled */
	size_t ungated;             /* rules without triggers */
	size_t ungated_raw;         /* ... of which see the line as typed */
	struct trigger_set *triggers; /* every rule's triggers and every
	                               pattern's words (below), one automaton:
	                               owners 0 to nrules - 1 are the rules,
	                               then the patterns */
	bool *hit, *hit_raw;        /* per rule: a trigger occurs (scratch;
	                               hit goes on with pat_hit) */
	bool raw_triggers;          /* a rule with triggers sees the raw line */
	char *raw_lower;            /* scratch: the raw line, lowercased */
	size_t raw_lower_cap;
	char ***trig_words;         /* the automaton's words, per owner (owned
	                               array, borrowed strings) */
	size_t *trig_counts;
	/* The words each pattern's every match holds (literals.h), for the
	 * rules that see the normalised line: a pattern whose words a line
	 * lacks is not run on it.  Patterns are numbered rule by rule, each
	 * rule's pats, then its unless. */
	size_t *pat_base;           /* per rule: its first pattern's number */
	size_t npat_all;
	char ***pat_words;          /* per pattern (owned; the words are in
	                               pat_words_mem) */
	size_t *pat_nwords;
	void *pat_words_mem;        /* literals_list's block (owned) */
	bool *pat_hit;              /* scratch: per pattern, its words found
	                               (hit + nrules, not owned) */
	size_t pat_disclaimer;      /* the disclaimer's number among them (the
	                               last) */
	size_t *gate_pats;          /* the numbers of the patterns the gate
	                               joins (owned) */
	/* Rules' patterns cut into their alternatives (literals.h), which
	 * are numbered after the patterns, with words of their own: on an
	 * ASCII line only the alternatives whose words it holds are run,
	 * each alone (cheaper than the whole pattern), when that leaves out
	 * most; the leftmost of their matches (the first alternative's, on a
	 * tie) is where the whole pattern matches. */
	size_t *alt_first;          /* per pattern: its first alternative's number */
	size_t *alt_count;          /* ... and how many it has (0: not cut) */
	struct pattern *alts;       /* the alternatives (owned) */
	size_t nalts;
	size_t ngate_pats;
	struct model *model;        /* the learned model (borrowed; may be NULL) */
	bool no_model_flags;        /* the model judges, but flags nothing
	                               (letters: it learned from questions) */
	bool all_rules;             /* check: a flag for every rule that fires,
	                               sorted by column, and no closed flag on a
	                               line with a job ask or a pay question
	                               (a session keeps one flag per kind) */
	struct pattern disclaimer;  /* "I'm not asking for a job": the model
	                               does not overrule it */
	struct norm norm;           /* the line, normalised */
	struct pattern own_pay, general_pay; /* whose pay a question asks about */
	struct pattern output, money; /* a question about what the work turns
	                               out, not pay (asks_output) */
	struct pattern business, wage; /* ... or about how the organisation
	                               earns its money (asks_business) */
	struct pattern takes_on, staff; /* taking on pupils or clients, not
	                               staff (takes_on_work) */
	struct pattern employer;    /* the host's employer named as the one
	                               that makes or earns (asks_employer) */
	bool has_employer;
	struct rule model_rules[MODEL_RULES]; /* job-ask.model, salary.model and
	                               salary.model-own */
	struct assess_memo *memo;   /* lines seen before (owned) */
};

/* The rules the learned model's flags are reported under.  They have no
 * patterns; their messages say the finding is a judgement.  Pay asked of
 * the host is an error, as salary.own is; pay in general a warning. */
static char job_id[] = "job-ask.model";
static char job_msg[] = "This reads as asking the host for a job, a place or a push for a "
    "position (judged from many examples, not by a fixed rule): hosts agree to these meetings "
    "on the promise that you will not ask.";
static char job_sugg[] = "Ask how people usually find their way into the work, or what would "
    "make someone ready for it; if there is an opening, the host will mention it.";
static char pay_id[] = "salary.model";
static char pay_msg[] = "This reads as a question about pay (judged from many examples, not by "
    "a fixed rule): what people earn is private, and published surveys answer it better.";
static char pay_sugg[] = "Ask what shapes how a career grows over the years, or where people in "
    "the field find fair figures.";
static char own_id[] = "salary.model-own";
static char own_msg[] = "This reads as asking the host what they are paid (judged from many "
    "examples, not by a fixed rule): it is personal, and it puts them on the spot.";
static char own_sugg[] = "If pay matters to your decision, look up published surveys for the "
    "role, and ask the host what they find rewarding about the work instead.";

static const struct {
	char *id;
	enum flag_kind kind;
	enum severity strict, dflt, lenient;
	char *message, *suggestion;
} model_rule_text[MODEL_RULES] = {
	{job_id, KIND_JOB_ASK, SEV_ERROR, SEV_ERROR, SEV_WARNING, job_msg, job_sugg},
	{pay_id, KIND_SALARY, SEV_ERROR, SEV_WARNING, SEV_WARNING, pay_msg, pay_sugg},
	{own_id, KIND_SALARY, SEV_ERROR, SEV_ERROR, SEV_WARNING, own_msg, own_sugg},
};

static void
init_model_rules(struct assessor *a)
{
	for (int i = 0; i < MODEL_RULES; i++) {
		struct rule *r = &a->model_rules[i];
		/* The rule's strings are never freed or written through. */
		r->id = model_rule_text[i].id;
		r->kind = model_rule_text[i].kind;
		r->sev[POLICY_STRICT] = model_rule_text[i].strict;
		r->sev[POLICY_DEFAULT] = model_rule_text[i].dflt;
		r->sev[POLICY_LENIENT] = model_rule_text[i].lenient;
		r->message = model_rule_text[i].message;
		r->suggestion = model_rule_text[i].suggestion;
		r->file = "(learned model)";
	}
}

/* Whether a pay question is put to the host ("what do you take home?")
 * rather than about people in general ("what do juniors take home?",
 * "do you earn more if you specialise?"): on the normalised line.  The
 * host's workplace is not the host: "what do grads get paid at your
 * place?" and "at a firm like yours" ask the going rate for a role. */
static const char own_pay_pattern[] =
    "\\b(?:you|yourself)\\b|\\byour\\b(?!\\s+(?:own\\s+)?(?:company|firm|school|place|team|org|"
    "organi[sz]ation|agency|practice|hospital|clinic|plant|shop|studio|business|office|department|"
    "dept|ward|lab|unit|site|industry|field|sector|area|city|country|region|store|restaurant|"
    "kitchen|warehouse|factory|trust|district|university|uni|college)(?:'s)?\\b)|"
    "(?<!like\\s)\\byours\\b";
static const char general_pay_pattern[] =
    "\\b(?:people|someone|somebody|they|them|their|new\\s+grads?|graduates?|juniors?|freshers?|"
    "everyone|anyone|folks|workers|staff|nurses|teachers|engineers|analysts|accountants|devs|"
    "developers|employees|interns|an?\\s+\\w+|if\\s+you|do\\s+you\\s+think|would\\s+you\\s+say|"
    "in\\s+general|typically|usually|average|normal|typical)\\b";

static bool
asks_host_pay(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return pattern_match(m, &a->own_pay, ns, nl, NULL, NULL) == 1 &&
	    pattern_match(m, &a->general_pay, ns, nl, NULL, NULL) == 0;
}

/* "How many bags of peas did you make last year?", "how much product
 * does the plant make?": a question about what the work turns out, not
 * about pay, though the model may hear "how much do you make" in it.  A
 * word between "how many/much" and the verb says what is counted; money
 * named anywhere ("how many k", "pounds an hour", "$") keeps it pay. */
static const char output_pattern[] =
    "\\bhow\\s+(?:many|much)\\s+(?!(?:do|does|did|can|could|will|would|are|is|was|were|you|they)\\b)"
    "\\w+(?:\\s+\\S+){0,6}?\\s+(?:make|makes|made|produce[sd]?|manufacture[sd]?|turn\\s+out|"
    "bake[sd]?|brew(?:s|ed)?|build|builds|built|grow|grows|grew|pack(?:s|ed)?|ship(?:s|ped)?)\\b";
static const char money_pattern[] =
    "[$\\x{a3}\\x{20ac}]|\\b(?:money|cash|pay|paid|salary|salaries|wages?|income|dollars?|bucks|"
    "euros?|quid|grand|k|lpa|rupees?|pesos?|yen|pounds?(?!\\s+of\\b)|earn\\w*|figures?)\\b";

static bool
asks_output(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return pattern_match(m, &a->output, ns, nl, NULL, NULL) == 1 &&
	    pattern_match(m, &a->money, ns, nl, NULL, NULL) == 0;
}

/* "What does your plant make?", "how does the firm earn its money?", "is
 * the company making money yet?": the organisation is the one that makes,
 * sells or earns, so the question is about its products or its business,
 * not about anyone's pay, though the model hears "what do you make" in
 * it.  The organisation must be the verb's subject: "what does an
 * engineer make at your plant?" stays pay.  A word of pay anywhere
 * ("pay", "salary", "take home", "$") keeps it pay too. */
#define ORG_WORDS "(?:company|companies|firm|business|plant|factory|mill|bakery|brewery|farm|studio|agency|" \
	"practice|charity|non-?profit|start-?up|organi[sz]ation|org|shop|store|restaurant|lab|school|" \
	"hospital|clinic|trust|co-?op|cooperative|brand|publisher|site|warehouse|team|department|office|" \
	"place|app|platform|outfit)"
static const char business_pattern[] =
    "\\b(?:do|does|did|is|are|was|were|will|would|can|could|how|what|where)\\s+"
    "(?:your|the|this|that|their|its|a|an)\\s+(?:(?!(?:at|in|for|of|with|from|on|like)\\b)[\\w-]+\\s+){0,2}?"
    ORG_WORDS "(?:'s)?\\s+(?:like\\s+(?:yours|that|this)\\s+)?(?:(?:is|are)\\s+)?"
    "(?:(?:actually|really|mainly|mostly|still|now|currently|usually|even|basically)\\s+)?"
    "(?:make|makes|making|made|produce[sd]?|producing|sell|sells|selling|earn|earns|earning|"
    "bring\\s+in|brings\\s+in|bringing\\s+in|generate[sd]?|generating)\\b";
static const char wage_pattern[] =
    "[$\\x{a3}\\x{20ac}]|\\b(?:pay|pays|paid|paying|salary|salaries|wages?|compensation|stipends?|"
    "bonus(?:es)?|raises?|take[- ]home|hourly|an\\s+hour|per\\s+hour|\\d+\\s*k)\\b";

static bool
asks_business(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return pattern_match(m, &a->business, ns, nl, NULL, NULL) == 1 &&
	    pattern_match(m, &a->wage, ns, nl, NULL, NULL) == 0;
}

/* "What does Kestrel make?", "how does kestrel outdoor gear earn its
 * money?": the host's employer by name, as the one that makes, sells or
 * earns (and no word of pay): its business, as asks_business. */
static bool
asks_employer(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return a->has_employer && pattern_match(m, &a->employer, ns, nl, NULL, NULL) == 1 &&
	    pattern_match(m, &a->wage, ns, nl, NULL, NULL) == 0;
}

/* Append name, lowercased, to the pattern in *buf as one literal
 * alternative (\Q...\E; a name holding "\E" is left out). */
static void
add_name(char **buf, size_t *len, size_t *cap, const char *name, size_t n)
{
	if (n == 0 || memmem(name, n, "\\E", 2) != NULL)
		return;
	xgrow((void **)buf, cap, *len + n + 8, 1);
	memcpy(*buf + *len, *len > 0 ? "|\\Q" : "\\Q", *len > 0 ? 3 : 2);
	*len += *len > 0 ? 3 : 2;
	for (size_t i = 0; i < n; i++)
		(*buf)[(*len)++] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
	memcpy(*buf + *len, "\\E", 2);
	*len += 2;
}

void
assessor_set_employer(struct assessor *a, const char *employer)
{
	if (a->has_employer)
		pattern_free(&a->employer);
	a->has_employer = false;
	if (employer == NULL || employer[0] == '\0')
		return;
	/* The whole name and its first word, when that is a name of four
	 * letters or more ("Kestrel" of "Kestrel Outdoor Gear"). */
	char *names = NULL;
	size_t len = 0, cap = 0;
	add_name(&names, &len, &cap, employer, strlen(employer));
	size_t first = strcspn(employer, " ");
	if (first >= 4 && employer[first] == ' ')
		add_name(&names, &len, &cap, employer, first);
	if (names == NULL)
		return;
	names[len] = '\0';
	char *src = xasprintf("\\b(?:do|does|did|is|are|was|were|will|would|can|could|how|what|where)\\s+"
	    "(?:the\\s+)?(?:%s)(?:'s)?\\s+"
	    "(?:(?:actually|really|mainly|mostly|still|now|currently|usually|even|basically)\\s+)?"
	    "(?:make|makes|making|made|produce[sd]?|producing|sell|sells|selling|earn|earns|earning|"
	    "bring\\s+in|brings\\s+in|bringing\\s+in|generate[sd]?|generating)\\b", names);
	char err[200];
	a->has_employer = pattern_compile(&a->employer, src, err, sizeof err);
	if (!a->has_employer)
		pattern_free(&a->employer);
	free(src);
	free(names);
}

/* Whether a pay question the model hears in the line is none: what the
 * work turns out, or how the organisation earns its money. */
static bool
not_pay(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return asks_output(a, m, ns, nl) || asks_business(a, m, ns, nl) || asks_employer(a, m, ns, nl);
}

/* Drop the rules' pay flags from a line that asks what the host's
 * employer, named, makes or earns: the rules cannot know the name. */
static void
drop_employer_pay(struct assessor *a, struct matcher *m, const char *ns, size_t nl, bool seen[KIND_COUNT],
    struct assessment *out)
{
	if (!seen[KIND_SALARY] || !asks_employer(a, m, ns, nl))
		return;
	size_t k = 0;
	for (size_t i = 0; i < out->nflags; i++)
		if (out->flags[i].rule->kind != KIND_SALARY)
			out->flags[k++] = out->flags[i];
	out->nflags = k;
	seen[KIND_SALARY] = false;
}

/* "Is your school taking on more pupils next year?", "are you taking on
 * new clients?", "does your team take on a lot of projects?": an
 * organisation taking on pupils, clients, patients or work is growing,
 * not hiring, though the model hears "are you taking on ..." in it.  A
 * word for staff or for the user anywhere ("new staff", "people like
 * me", "could your school take me on?") keeps it a job ask. */
static const char takes_on_work_pattern[] =
    "\\b(?:take|takes|taking|took|taken)\\s+on\\s+(?:(?:a\\s+lot\\s+of|lots\\s+of|loads\\s+of|a\\s+few|any|more|"
    "new|extra|additional|fewer|less|many|much|the|some|bigger|larger|smaller|big|small|private|"
    "international|overseas|local|corporate|paying|regular|repeat|other|enough|too\\s+many|too\\s+much|"
    "so\\s+many|so\\s+much)\\s+){0,3}(?:pupils?|students?|kids|children|learners|clients?|customers?|"
    "patients?|projects?|work|contracts?|cases|caseloads?|accounts|orders|commissions|business|"
    "members|families|tenants|bookings|briefs|risk|debt|responsibilit(?:y|ies)|challenges)\\b";
static const char staff_pattern[] =
    "\\b(?:me|myself|i|i'm|i'd|i'll|my|staff|people|hires?|hiring|recruit\\w*|employees?|workers?|"
    "grads?|graduates?|interns?|internships?|trainees?|traineeships?|apprentice\\w*|juniors?|"
    "freshers?|volunteers?|placements?|work\\s+experience|shadow\\w*|teachers?|nurses?|tutors?|"
    "assistants?|someone|somebody|anyone|anybody|starters?|cvs?|resumes?|jobs?|positions?|roles?|"
    "vacanc(?:y|ies)|openings?|help|hands|\\w+ists|\\w+ians)\\b";

static bool
takes_on_work(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	return pattern_match(m, &a->takes_on, ns, nl, NULL, NULL) == 1 &&
	    pattern_match(m, &a->staff, ns, nl, NULL, NULL) == 0;
}

/* A promise not to ask for a job, or about pay (on the normalised line).
 * The rules have the same exception in their 'unless' patterns. */
static const char disclaimer_pattern[] =
    "(?:\\bnot|n't|\\bnever|\\bno\\s+intention\\s+of)\\s+(?:\\S+\\s+){0,4}?(?:an?\\s+)?"
    "(?:jobs?|hire|hiring|positions?|referrals?|internships?|openings?|salary|salaries|pay|money)\\b";

/* Number every rule's patterns and find the words each one's matches
 * hold (literals.h), all in one automaton (trigger.h). */
static void
pattern_words(struct assessor *a)
{
	const struct ruleset *rs = a->rs;
	a->pat_base = xcalloc(rs->nrules + 1, sizeof *a->pat_base);
	for (size_t i = 0; i < rs->nrules; i++) {
		a->pat_base[i] = a->npat_all;
		a->npat_all += rs->rules[i]->npats + rs->rules[i]->nunless;
	}
	/* The disclaimer is numbered last: it too is looked for only on
	 * lines holding one of its words. */
	a->pat_disclaimer = a->npat_all++;
	const char **srcs = xcalloc(a->npat_all + 1, sizeof *srcs);
	srcs[a->pat_disclaimer] = disclaimer_pattern;
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct rule *r = rs->rules[i];
		for (size_t j = 0; j < r->npats; j++)
			srcs[a->pat_base[i] + j] = r->pats[j].src;
		for (size_t j = 0; j < r->nunless; j++)
			srcs[a->pat_base[i] + r->npats + j] = r->unless[j].src;
	}
	/* The rules' patterns' alternatives, after them. */
	a->alt_first = xcalloc(a->npat_all + 1, sizeof *a->alt_first);
	a->alt_count = xcalloc(a->npat_all + 1, sizeof *a->alt_count);
	size_t cap = 0;
	char **alt_src = NULL;
	for (size_t k = 0; k < a->pat_disclaimer; k++) {
		size_t st[MAX_ALTS], ln[MAX_ALTS];
		size_t n = literals_alternatives(srcs[k], st, ln, MAX_ALTS);
		if (n < 2)
			continue;
		xgrow((void **)&alt_src, &cap, a->nalts + n, sizeof *alt_src);
		a->alt_first[k] = a->nalts;
		a->alt_count[k] = n;
		for (size_t x = 0; x < n; x++)
			alt_src[a->nalts++] = xstrndup(srcs[k] + st[x], ln[x]);
	}
	size_t nall = a->npat_all + a->nalts;
	srcs = xreallocarray(srcs, nall + 1, sizeof *srcs);
	for (size_t x = 0; x < a->nalts; x++)
		srcs[a->npat_all + x] = alt_src[x];
	a->pat_words = xcalloc(nall + 1, sizeof *a->pat_words);
	a->pat_nwords = xcalloc(nall + 1, sizeof *a->pat_nwords);
	a->pat_words_mem = literals_list(srcs, nall, a->pat_words, a->pat_nwords);
	free(srcs);
	a->alts = xcalloc(a->nalts + 1, sizeof *a->alts);
	for (size_t x = 0; x < a->nalts; x++)
		pattern_adopt(&a->alts[x], alt_src[x]);
	free(alt_src);
}

struct assessor *
assessor_new(const struct ruleset *rs, enum policy policy)
{
	struct assessor *a = xcalloc(1, sizeof *a);
	a->rs = rs;
	a->policy = policy;
	a->cls = classifier_new(rs);
	a->memo = xcalloc(ASSESS_MEMO, sizeof *a->memo);
	norm_init(&a->norm);
	init_model_rules(a);
	pattern_compile_builtin(&a->disclaimer, disclaimer_pattern);
	pattern_compile_builtin(&a->own_pay, own_pay_pattern);
	pattern_compile_builtin(&a->general_pay, general_pay_pattern);
	pattern_compile_builtin(&a->output, output_pattern);
	pattern_compile_builtin(&a->money, money_pattern);
	pattern_compile_builtin(&a->business, business_pattern);
	pattern_compile_builtin(&a->wage, wage_pattern);
	pattern_compile_builtin(&a->takes_on, takes_on_work_pattern);
	pattern_compile_builtin(&a->staff, staff_pattern);
	assessor_set_model(a, rs->model);

	/* Every rule's triggers and every pattern's words in one automaton:
	 * a line is scanned once. */
	pattern_words(a);
	size_t nown = rs->nrules + a->npat_all + a->nalts;
	char ***trig = xcalloc(nown + 1, sizeof *trig);
	size_t *ntrig = xcalloc(nown + 1, sizeof *ntrig);
	for (size_t i = 0; i < rs->nrules; i++) {
		trig[i] = rs->rules[i]->triggers;
		ntrig[i] = rs->rules[i]->ntriggers;
		a->raw_triggers |= rs->rules[i]->raw && rs->rules[i]->ntriggers > 0;
	}
	for (size_t k = 0; k < a->npat_all + a->nalts; k++) {
		trig[rs->nrules + k] = a->pat_words[k];
		ntrig[rs->nrules + k] = a->pat_nwords[k];
	}
	a->triggers = trigger_set_new((char **const *)trig, ntrig, nown);
	a->trig_words = trig;
	a->trig_counts = ntrig;
	a->hit = xcalloc(nown + 1, sizeof *a->hit);
	a->pat_hit = a->hit + rs->nrules;
	a->hit_raw = xcalloc(nown + 1, sizeof *a->hit_raw);

	size_t len = 1;
	a->gate_pats = xcalloc(a->npat_all + 1, sizeof *a->gate_pats);
	for (size_t i = 0; i < rs->nrules; i++) {
		if (rs->rules[i]->ntriggers > 0)
			continue;
		a->ungated++;
		a->ungated_raw += rs->rules[i]->raw;
		for (size_t j = 0; j < rs->rules[i]->npats; j++) {
			len += strlen(rs->rules[i]->pats[j].src) + 5;
			a->gate_pats[a->ngate_pats++] = a->pat_base[i] + j;
		}
	}
	if (len == 1)
		return a;
	char *alt = xmalloc(len);
	size_t used = 0;
	for (size_t i = 0; i < rs->nrules; i++)
		for (size_t j = 0; rs->rules[i]->ntriggers == 0 && j < rs->rules[i]->npats; j++)
			used += (size_t)snprintf(alt + used, len - used, "%s(?:%s)", used ? "|" : "",
			    rs->rules[i]->pats[j].src);
	char err[200];
	a->has_gate = pattern_compile(&a->gate, alt, err, sizeof err);
	if (!a->has_gate)
		pattern_free(&a->gate);
	free(alt);
	return a;
}

void
assessor_set_model(struct assessor *a, struct model *m)
{
	a->model = m;
	a->norm.lex = m != NULL ? model_lexicon(m) : NULL;
}

void
assess_pay_is_own(const struct assessor *a, struct assessment *as)
{
	enum severity own = a->model_rules[2].sev[a->policy];
	as->pay_own = true;
	for (size_t i = 0; i < as->nflags; i++)
		if (as->flags[i].rule->kind == KIND_SALARY && as->flags[i].sev < own)
			as->flags[i].sev = own;
}

struct model *
assessor_model(const struct assessor *a)
{
	return a->model;
}

const struct ruleset *
assessor_rules(const struct assessor *a)
{
	return a->rs;
}

bool
assessor_set_all_rules(struct assessor *a, bool on)
{
	bool was = a->all_rules;
	a->all_rules = on;
	return was;
}

bool
assessor_set_model_flags(struct assessor *a, bool on)
{
	bool was = !a->no_model_flags;
	a->no_model_flags = !on;
	return was;
}

const char *
assess_model_rule_id(size_t i)
{
	return i < MODEL_RULES ? model_rule_text[i].id : NULL;
}

const struct norm *
assess_normalized(const struct assessor *a)
{
	return &a->norm;
}

void
assessor_free(struct assessor *a)
{
	if (a == NULL)
		return;
	if (a->has_gate)
		pattern_free(&a->gate);
	classifier_free(a->cls);
	norm_free(&a->norm);
	free(a->gate_pats);
	pattern_free(&a->disclaimer);
	pattern_free(&a->own_pay);
	pattern_free(&a->general_pay);
	pattern_free(&a->output);
	pattern_free(&a->money);
	pattern_free(&a->business);
	pattern_free(&a->wage);
	pattern_free(&a->takes_on);
	pattern_free(&a->staff);
	if (a->has_employer)
		pattern_free(&a->employer);
	trigger_set_free(a->triggers);
	free(a->pat_words_mem);
	free(a->pat_words);
	free(a->pat_nwords);
	free(a->pat_base);
	for (size_t x = 0; x < a->nalts; x++)
		pattern_free(&a->alts[x]);
	free(a->alts);
	free(a->alt_first);
	free(a->alt_count);
	free(a->raw_lower);
	free(a->memo);
	free(a->trig_words);
	free(a->trig_counts);
	free(a->hit);
	free(a->hit_raw);
	free(a);
}

/* Whether id names the kind, written with '_' or '-' (job_ask, job-ask). */
static bool
names_kind(const char *id, const char *kind)
{
	for (; *id != '\0' && *kind != '\0'; id++, kind++)
		if (*id != *kind && !(*id == '-' && *kind == '_'))
			return false;
	return *id == '\0' && *kind == '\0';
}

static bool
names_rule(const char *id, const char *rule_id, const char *kind)
{
	return strcmp(id, rule_id) == 0 || names_kind(id, kind);
}

bool
assess_ignored(const char *rule_id, const char *kind, char *const *ignore, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ignore[i][0] == '!' && names_rule(ignore[i] + 1, rule_id, kind))
			return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ignore[i], "all") == 0 || names_rule(ignore[i], rule_id, kind))
			return true;
	return false;
}

/* Whether ignore[0..n) turns off any rule of kind k. */
static bool
kind_ignored(const struct assessor *a, enum flag_kind k, char *const *ignore, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < a->rs->nrules; i++)
		if (a->rs->rules[i]->kind == k && assess_ignored(a->rs->rules[i]->id, kind_name(k), ignore, n))
			return true;
	return false;
}

/* Add flag f of rule r (byte range so..eo of the line as typed). */
static void
add_flag(struct assessor *a, struct assessment *out, const struct rule *r, size_t so, size_t eo)
{
	struct flag *f = &out->flags[out->nflags++];
	f->rule = r;
	f->sev = r->sev[a->policy];
	f->so = so;
	f->eo = eo;
}

/* Whether a clause ends or starts at ns[i] (a punctuation mark, or
 * " but ", " - " and a dash with blanks around them). */
static bool
clause_break(const char *ns, size_t nl, size_t i)
{
	if (strchr(",;:.?!", ns[i]) != NULL)
		return true;
	static const char *const words[] = {" but ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL};
	for (const char *const *w = words; *w; w++)
		if (nl - i >= strlen(*w) && memcmp(ns + i, *w, strlen(*w)) == 0)
			return true;
	return false;
}

/*
 * A promise not to ask ("I'm not asking for a job") covers its own clause
 * only.  The job-ask and pay rules know the promise in their 'unless'
 * patterns, so they let the whole line through; here they run again on
 * the text before and after the clause holding ns[ds..de), and what they
 * find there is flagged ("I'm not asking for a job, but are you hiring?").
 */
static void
beyond_disclaimer(struct assessor *a, struct matcher *m, const char *ns, size_t nl, size_t ds, size_t de,
    char *const *ignore, size_t nignore, bool *seen, struct assessment *out)
{
	size_t cs = ds, ce = de;
	while (cs > 0 && !clause_break(ns, nl, cs - 1))
		cs--;
	while (ce < nl && !clause_break(ns, nl, ce))
		ce++;
	const size_t from[2] = {0, ce}, to[2] = {cs, nl};
	for (int part = 0; part < 2; part++) {
		if (to[part] <= from[part] + 1)
			continue;
		for (size_t i = 0; i < a->rs->nrules && out->nflags < ASSESS_MAX_FLAGS; i++) {
			const struct rule *r = a->rs->rules[i];
			if (r->raw || (r->kind != KIND_JOB_ASK && r->kind != KIND_SALARY))
				continue;
			bool flagged = !a->all_rules && seen[r->kind];
			for (size_t k = 0; k < out->nflags && !flagged; k++)
				flagged = out->flags[k].rule == r;
			if (flagged || assess_ignored(r->id, kind_name(r->kind), ignore, nignore))
				continue;
			size_t so, eo;
			if (rule_eval(m, r, ns + from[part], to[part] - from[part], &so, &eo, NULL) != 1)
				continue;
			norm_span(&a->norm, so + from[part], eo + from[part], &so, &eo);
			seen[r->kind] = true;
			add_flag(a, out, r, so, eo);
		}
	}
}

/* Cue votes for a closing question that outvote the model's job-ask
 * flag: two cue patterns, or one with nothing else. */
#define CLOSING_CUE_VOTES 1.0f

/* Whether the rules' cues take the normalised line ns[0..nl) for a
 * closing question: referrals or the host's name, ahead of any topic. */
static bool
closing_cued(struct assessor *a, struct matcher *m, const char *ns, size_t nl)
{
	float votes[CAT_COUNT];
	if (classify_scores(a->cls, m, ns, nl, votes) < 0)
		return false;
	int best = 0;
	for (int c = 1; c < CAT_COUNT; c++)
		if (votes[c] > votes[best])
			best = c;
	if (!((best == CAT_REFERRALS || best == CAT_MENTION_NAME) && votes[best] >= CLOSING_CUE_VOTES))
		return false;
	/* ... and nothing in it is about a post for the user ("could you
	 * mention to your director that I'm available?", "may I mention
	 * your name in my cover letter for it?"). */
	static const char *const post[] = {"job", "jobs", "role", "roles", "position", "opening",
		"openings", "vacancy", "post", "application", "apply", "applying", "cv", "resume",
		"interview", "hire", "hiring", "available", "cover letter", "myself", "consider",
		"in mind", "my name", "intern", "internship", "placement", "recruit", "recruiter",
		"recruitment", "hr", "manager", "director", "boss", "team", "contract", "colleagues",
		"a referral", "your company", "your firm", "your unit", "your school", NULL};
	for (const char *const *w = post; *w != NULL; w++) {
		size_t n = strlen(*w);
		for (const char *p = ns; (p = memmem(p, nl - (size_t)(p - ns), *w, n)) != NULL; p++)
			if ((p == ns || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
				return false;
	}
	/* "me" only as the one sent ("you referred me", "sent me"). */
	for (const char *p = ns; (p = memmem(p, nl - (size_t)(p - ns), "me", 2)) != NULL; p++) {
		if ((p != ns && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[2]))
			continue;
		static const char *const sent[] = {"referred ", "sent ", "pointed ", "suggested ",
			"recommended ", "told ", NULL};
		bool ok = false;
		for (const char *const *w = sent; *w != NULL && !ok; w++) {
			size_t n = strlen(*w);
			ok = (size_t)(p - ns) >= n && strncmp(p - n, *w, n) == 0;
		}
		if (!ok)
			return false;
	}
	return true;
}

/* How much the rules' cue votes count beside the model's probability. */
#define CUE_WEIGHT 0.25f

/* The line's category from the cue votes and (when there is a model)
 * the model's probabilities, with a confidence for the first two. */
static void
settle_category(struct assessor *a, struct assessment *out)
{
	float score[MCAT_COUNT];
	float total = 0;
	if (out->judged) {
		for (int c = 0; c < MCAT_COUNT; c++)
			score[c] = out->j.cat[c] + (c < CAT_COUNT ? CUE_WEIGHT * out->votes[c] : 0);
	} else {
		/* Rules alone: the best-voted category, sure in proportion. */
		for (int c = 0; c < CAT_COUNT; c++)
			score[c] = out->votes[c];
		score[MCAT_NONE] = 0.5f;
	}
	for (int c = 0; c < MCAT_COUNT; c++)
		total += score[c];
	int second;
	int top = model_top(score, MCAT_COUNT, &second);
	out->cat = top == MCAT_NONE ? CAT_NONE : (enum category)top;
	out->cat_conf = total > 0 ? score[top] / total : 0;
	out->cat2 = second < 0 || second == MCAT_NONE ? CAT_NONE : (enum category)second;
	out->cat2_conf = second >= 0 && total > 0 ? score[second] / total : 0;
	(void)a;
}

/* Mark the rules' triggers and the patterns' words the line holds; true if it is pure ASCII. */
static bool
scan_triggers(struct assessor *a, const char *s, size_t len, const char *ns, size_t nl)
{
	/* The rules' triggers and which patterns' words the normalised line
	 * holds (in ASCII lowercase already), in one scan.  The patterns'
	 * words are only trusted on a line in pure ASCII, since caseless
	 * matching takes a few other letters for ASCII ones (literals.h). */
	trigger_scan(a->triggers, ns, nl, a->hit);
	bool ascii = text_is_ascii(ns, nl);
	if (a->raw_triggers) {
		/* A rule that sees the line as typed: its triggers, in the line
		 * lowercased. */
		xgrow((void **)&a->raw_lower, &a->raw_lower_cap, len + 1, 1);
		for (size_t i = 0; i < len; i++)
			a->raw_lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		/* Most lines normalise to themselves lowercased: the scan
		 * above found the same. */
		if (len == nl && memcmp(a->raw_lower, ns, nl) == 0)
			memcpy(a->hit_raw, a->hit, a->rs->nrules * sizeof *a->hit_raw);
		else
			trigger_scan(a->triggers, a->raw_lower, len, a->hit_raw);
	}
	return ascii;
}

/* Whether the rules without triggers run on the line: their gate matches it. */
static bool
gate_open(struct assessor *a, struct matcher *m, const char *s, size_t len, const char *ns, size_t nl,
    bool ascii)
{
	/* On an ASCII line, the gate cannot match where none of the
	 * patterns it joins may. */
	bool gate_may = !ascii || a->ungated_raw > 0;
	for (size_t i = 0; !gate_may && i < a->ngate_pats; i++)
		gate_may = a->pat_nwords[a->gate_pats[i]] == 0 || a->pat_hit[a->gate_pats[i]];
	bool gate = a->ungated > 0;
	if (a->has_gate)
		gate = gate_may && (pattern_match(m, &a->gate, ns, nl, NULL, NULL) != 0 ||
		    (a->ungated_raw > 0 && pattern_match(m, &a->gate, s, len, NULL, NULL) != 0));
	return gate;
}

/* Whether pattern number k may match the line (its words are there, or
 * it has none). */
static bool
pat_may(const struct assessor *a, size_t k)
{
	return a->pat_nwords[k] == 0 || a->pat_hit[k];
}

/* Whether alternative x may match the line (its words are there, or it
 * has none). */
static bool
alt_may(const struct assessor *a, size_t x)
{
	return pat_may(a, a->npat_all + x);
}

/*
 * Pattern number k, p, on an ASCII line t[0..tl) that holds its words:
 * as pattern_match.  When p is cut into alternatives and the line lacks
 * the words of most of them, only the others run, and the leftmost of
 * their matches (the first alternative's, on a tie) is p's: where p
 * itself would match.  Should one fail, p runs whole, so a failure is
 * p's own.
 */
static int
match_pattern(const struct assessor *a, struct matcher *m, size_t k, const struct pattern *p,
    const char *t, size_t tl, size_t *so, size_t *eo)
{
	size_t n = a->alt_count[k], first = a->alt_first[k], run = 0;
	for (size_t x = first; x < first + n; x++)
		run += alt_may(a, x);
	if (n == 0 || run * 2 > n)
		return pattern_match(m, p, t, tl, so, eo);
	bool found = false;
	size_t bs = 0, be = 0;
	for (size_t x = first; x < first + n; x++) {
		if (!alt_may(a, x))
			continue;
		size_t xs, xe;
		int rc = pattern_match(m, &a->alts[x], t, tl, &xs, &xe);
		if (rc < 0)
			return pattern_match(m, p, t, tl, so, eo);
		if (rc == 1 && (!found || xs < bs)) {
			found = true;
			bs = xs;
			be = xe;
		}
	}
	if (found && so != NULL)
		*so = bs;
	if (found && eo != NULL)
		*eo = be;
	return found;
}

/* Rule i, r, on the normalised ASCII line t[0..tl), running only the
 * patterns whose words the line holds: as rule_eval_some, with each
 * pattern run by match_pattern. */
static int
eval_rule(const struct assessor *a, struct matcher *m, size_t i, const struct rule *r,
    const char *t, size_t tl, size_t *so, size_t *eo)
{
	size_t base = a->pat_base[i], s0 = 0, e0 = 0;
	int hit = 0;
	for (size_t j = 0; j < r->npats && !hit; j++) {
		if (!pat_may(a, base + j))
			continue;
		int rc = match_pattern(a, m, base + j, &r->pats[j], t, tl, &s0, &e0);
		if (rc < 0)
			return rc;
		hit = rc;
	}
	if (!hit)
		return 0;
	for (size_t j = 0; j < r->nunless; j++) {
		if (!pat_may(a, base + r->npats + j))
			continue;
		int rc = match_pattern(a, m, base + r->npats + j, &r->unless[j], t, tl, NULL, NULL);
		if (rc < 0)
			return rc;
		if (rc > 0)
			return 0;
	}
	*so = s0;
	*eo = e0;
	return 1;
}

/* Run the rules the triggers and the gate let through; flag what they find, marking seen. */
static void
run_rules(struct assessor *a, struct matcher *m, const char *s, size_t len, const char *ns, size_t nl,
    bool ascii, bool gate, char *const *ignore, size_t nignore, bool seen[KIND_COUNT],
    struct assessment *out)
{
	struct flag *kind_flag[KIND_COUNT] = {NULL};
	for (size_t i = 0; i < a->rs->nrules; i++) {
		const struct rule *r = a->rs->rules[i];
		/* One flag per kind: the first rule's, unless a later rule of
		 * the kind is more severe (the host's own pay over a range);
		 * with all_rules, one per rule. */
		if (!a->all_rules && seen[r->kind] && kind_flag[r->kind]->sev >= r->sev[a->policy])
			continue;
		if (a->all_rules && out->nflags == ASSESS_MAX_FLAGS)
			break;
		if (r->ntriggers > 0 ? !(r->raw ? a->hit_raw : a->hit)[i] : !gate)
			continue;
		if (assess_ignored(r->id, kind_name(r->kind), ignore, nignore))
			continue;
		const char *t = r->raw ? s : ns;
		size_t tl = r->raw ? len : nl;
		size_t so, eo;
		int rc = ascii && !r->raw ? eval_rule(a, m, i, r, t, tl, &so, &eo) :
		    rule_eval_some(m, r, NULL, t, tl, &so, &eo, NULL);
		if (rc < 0) {
			if (out->err == 0) {
				out->err = rc;
				out->err_rule = r;
			}
			continue;
		}
		if (rc == 0)
			continue;
		if (!r->raw)
			norm_span(&a->norm, so, eo, &so, &eo);
		if (seen[r->kind] && !a->all_rules) {
			*kind_flag[r->kind] = (struct flag){r, r->sev[a->policy], so, eo};
			continue;
		}
		seen[r->kind] = true;
		add_flag(a, out, r, so, eo);
		kind_flag[r->kind] = &out->flags[out->nflags - 1];
	}
}

/* The hash of the normalised line, never 0 (an empty memo slot). */
static uint64_t
line_hash(const char *ns, size_t nl)
{
	return hash_bytes(ns, nl, 0) | 1;
}

/* The model's flags where no rule spoke, and its act; true if closing cues outvoted its job ask. */
static bool
model_flags(struct assessor *a, struct matcher *m, const char *ns, size_t nl, size_t len,
    bool may_disclaim, char *const *ignore, size_t nignore, bool seen[KIND_COUNT],
    struct assessment *out)
{
	bool closing_first = false;
	const struct model_thresholds *th = model_thresholds(a->model);
	const struct rule *mr[2] = {&a->model_rules[0], &a->model_rules[1]};
	float p[2] = {out->j.flag[MFLAG_JOB_ASK], out->j.flag[MFLAG_SALARY]};
	/* What the work turns out, or how the organisation earns, is not
	 * pay, and taking on pupils or clients is not hiring, whatever the
	 * model hears. */
	if (p[1] >= th->salary && not_pay(a, m, ns, nl))
		p[1] = 0;
	if (p[0] >= th->job_ask && takes_on_work(a, m, ns, nl))
		p[0] = 0;
	if (p[1] >= th->salary && !seen[KIND_SALARY] && asks_host_pay(a, m, ns, nl))
		mr[1] = &a->model_rules[2];
	const float thr[2] = {th->job_ask, th->salary};
	/* The model stays quiet where the user turned a rule of the kind
	 * off for this line, or promised not to ask (looked for only when
	 * the model would flag: most lines it would not). */
	int promised = -1;
	for (int k = 0; k < 2 && !a->no_model_flags && out->nflags < ASSESS_MAX_FLAGS; k++)
		if (!seen[mr[k]->kind] && p[k] >= thr[k] &&
		    !(promised < 0 ? (promised = may_disclaim &&
		    pattern_match(m, &a->disclaimer, ns, nl, NULL, NULL) == 1) : promised) &&
		    !kind_ignored(a, mr[k]->kind, ignore, nignore) &&
		    !assess_ignored(mr[k]->id, kind_name(mr[k]->kind), ignore, nignore)) {
			seen[mr[k]->kind] = true;
			add_flag(a, out, mr[k], 0, len);
		}
	/* "Could I mention you referred me?": the model alone may take a
	 * closing question for a job ask; the closing cues outvote it
	 * (the closing questions must pass). */
	if (seen[KIND_JOB_ASK] && out->nflags > 0 && out->flags[out->nflags - 1].rule == mr[0] &&
	    closing_cued(a, m, ns, nl)) {
		out->nflags--;
		seen[KIND_JOB_ASK] = false;
		closing_first = true;
	}
	int second;
	out->act = (enum act)model_top(out->j.act, ACT_COUNT, &second);
	out->act_conf = out->j.act[out->act];
	out->act2 = (enum act)second;
	return closing_first;
}

/* Raise a flag on pay asked of the host to salary.own's severity. */
static void
raise_own_pay(struct assessor *a, struct matcher *m, const char *ns, size_t nl, struct assessment *out)
{
	/* Pay asked of the host is as severe as salary.own, whichever rule
	 * caught it ("what's your TC?" is caught by a rule about pay words). */
	for (size_t i = 0; i < out->nflags; i++) {
		struct flag *f = &out->flags[i];
		if (f->rule->kind != KIND_SALARY)
			continue;
		enum severity own = a->model_rules[2].sev[a->policy];
		out->pay_own = strncmp(f->rule->id, "salary.own", 10) == 0 ||
		    f->rule == &a->model_rules[2] || asks_host_pay(a, m, ns, nl);
		if (f->sev < own && out->pay_own)
			f->sev = own;
	}
}

/* For check's every-rule mode: no closed-question note beside a job or pay ask; column order. */
static void
order_all_flags(const bool seen[KIND_COUNT], struct assessment *out)
{
	/* A job ask or a pay question is what to fix on the line: a
	 * note that it is closed would only invite rewording the ask
	 * ("Are you hiring?" as "What openings do you have?"). */
	size_t k = 0;
	for (size_t i = 0; i < out->nflags; i++)
		if (!(out->flags[i].rule->kind == KIND_CLOSED && (seen[KIND_JOB_ASK] || seen[KIND_SALARY])))
			out->flags[k++] = out->flags[i];
	out->nflags = k;
	/* By column, then in rule order (insertion sort: stable). */
	for (size_t i = 1; i < out->nflags; i++) {
		struct flag f = out->flags[i];
		size_t j = i;
		for (; j > 0 && out->flags[j - 1].so > f.so; j--)
			out->flags[j] = out->flags[j - 1];
		out->flags[j] = f;
	}
}

/* The cues' votes for the line's category (hash h), from the memo or counted and remembered. */
static void
category_votes(struct assessor *a, struct matcher *m, const char *ns, size_t nl,
    struct assess_memo *memo, uint64_t h, bool memo_j, struct assessment *out)
{
	/* Fresh votes are remembered with the model's judgement when that
	 * is fresh too (memo_j), absent, or the memo's already. */
	if (memo->hash == h && memo->has_votes) {
		memcpy(out->votes, memo->votes, sizeof out->votes);
		return;
	}
	int cerr = classify_scores(a->cls, m, ns, nl, out->votes);
	if (cerr < 0 && out->err == 0)
		out->err = cerr;
	else if (cerr == 0 && (memo_j || !out->judged || memo->hash == h)) {
		memo->hash = h;
		memo->has_votes = true;
		memcpy(memo->votes, out->votes, sizeof out->votes);
		memo->j = out->j;
	}
}

int
assess_line(struct assessor *a, struct matcher *m, const char *s, size_t len,
    char *const *ignore, size_t nignore, struct assessment *out)
{
	bool seen[KIND_COUNT] = {false};
	memset(out, 0, sizeof *out);
	out->cat = out->cat2 = CAT_NONE;
	out->act = out->act2 = ACT_NONE;

	/* Rules and the model see the line normalised: case, quotes,
	 * texting forms and likely misspellings (normalize.h); a rule may
	 * ask for the line as typed. */
	normalize(&a->norm, s, len);
	const char *ns = a->norm.text;
	size_t nl = a->norm.len;
	/* Rules with triggers run only on lines holding one; the others only
	 * when their alternation (the gate) matches. */
	bool ascii = scan_triggers(a, s, len, ns, nl);
	/* On an ASCII line, the disclaimer cannot match where its words are
	 * missing. */
	bool may_disclaim = !ascii || a->pat_nwords[a->pat_disclaimer] == 0 || a->pat_hit[a->pat_disclaimer];
	bool gate = gate_open(a, m, s, len, ns, nl, ascii);
	run_rules(a, m, s, len, ns, nl, ascii, gate, ignore, nignore, seen, out);
	size_t ds, de;
	if (may_disclaim && pattern_match(m, &a->disclaimer, ns, nl, &ds, &de) == 1)
		beyond_disclaimer(a, m, ns, nl, ds, de, ignore, nignore, seen, out);
	drop_employer_pay(a, m, ns, nl, seen, out);

	/* The line's judgement depends on its normalised text alone: lines
	 * seen before are remembered. */
	uint64_t h = line_hash(ns, nl);
	struct assess_memo *memo = &a->memo[h % ASSESS_MEMO];
	bool memo_j = false;
	bool closing_first = false;  /* closing cues outvoted the model's job ask */
	/* The model's opinion, and its flags where no rule spoke. */
	if (a->model != NULL) {
		if (memo->hash == h) {
			out->j = memo->j;
		} else {
			model_judge(a->model, ns, nl, &out->j);
			memo_j = true;
		}
		out->judged = true;
		closing_first = model_flags(a, m, ns, nl, len, may_disclaim, ignore, nignore, seen, out);
	}
	raise_own_pay(a, m, ns, nl, out);
	if (a->all_rules)
		order_all_flags(seen, out);
	/* A job ask or a pay question is a question with no category: the
	 * host answers it with a reaction, not a reply. */
	if (seen[KIND_JOB_ASK] || seen[KIND_SALARY]) {
		out->act = ACT_QUESTION;
		out->act_conf = 1;
		/* Such lines come back too: remember the model's judgement,
		 * with no votes. */
		if (memo_j)
			*memo = (struct assess_memo){.hash = h, .has_votes = false, .j = out->j};
		return out->err;
	}
	category_votes(a, m, ns, nl, memo, h, memo_j, out);
	settle_category(a, out);
	/* "What does Kestrel make?" asks what the host's organisation is
	 * there to do: its mission, where nothing surer was heard. */
	if (!assess_sure(a, out) && asks_employer(a, m, ns, nl)) {
		out->cat2 = out->cat != CAT_MISSION ? out->cat : CAT_NONE;
		out->cat2_conf = out->cat != CAT_MISSION ? out->cat_conf : 0;
		out->cat = CAT_MISSION;
		out->cat_conf = out->judged && a->model != NULL ? model_thresholds(a->model)->category : 1;
	}
	/* A line the model takes for a job ask or a pay question is not a
	 * question about the work, even where its flag is turned off. */
	if (out->judged && !closing_first &&
	    ((out->j.flag[MFLAG_JOB_ASK] >= model_thresholds(a->model)->job_ask && !takes_on_work(a, m, ns, nl)) ||
	    (out->j.flag[MFLAG_SALARY] >= model_thresholds(a->model)->salary && !not_pay(a, m, ns, nl)))) {
		out->cat = out->cat2 = CAT_NONE;
		out->cat_conf = out->j.flag[MFLAG_JOB_ASK] + out->j.flag[MFLAG_SALARY];
		out->cat2_conf = 0;
	}
	return out->err;
}

float
assess_confidence(const struct assessment *as)
{
	for (size_t i = 0; i < as->nflags; i++) {
		enum flag_kind k = as->flags[i].rule->kind;
		if (k != KIND_JOB_ASK && k != KIND_SALARY)
			continue;
		if (as->flags[i].rule->npats > 0 || !as->judged)
			return 1.0f;
		return as->j.flag[k == KIND_JOB_ASK ? MFLAG_JOB_ASK : MFLAG_SALARY];
	}
	return as->cat_conf;
}

bool
assess_sure(const struct assessor *a, const struct assessment *as)
{
	if (as->cat == CAT_NONE)
		return false;
	return !as->judged || a->model == NULL || as->cat_conf >= model_thresholds(a->model)->category;
}
