/*
 * assess.h -- what the coach makes of one line: its category and flags.
 *
 * An assessor holds the active rules, the severity policy and the
 * classifier.  assess_line() runs every rule on a line (in a session, at
 * most one flag per flag kind: the first rule of that kind that fires; for
 * 'check', with all_rules set, every rule that fires), honours inline
 * suppressions, and classifies the line (a job ask or a pay question has
 * no category: it is not a question about the work).  The batch checker and the
 * practice coach both call it, so a line is judged the same everywhere.
 * It prints nothing.
 */
#ifndef INFOCOACH_ASSESS_H
#define INFOCOACH_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "classify.h"
#include "model.h"
#include "normalize.h"
#include "rule.h"
#include "taxonomy.h"
#include "trigger.h"

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

#define MODEL_RULES 3
#define ASSESS_MAX_FLAGS 32     /* flags kept for one line (all_rules) */

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
	char ***pat_words;          /* per pattern (owned) */
	size_t *pat_nwords;
	bool *pat_hit;              /* scratch: per pattern, its words found
	                               (hit + nrules, not owned) */
	bool *pat_may;              /* scratch: one rule's patterns to run */
	size_t pat_disclaimer;      /* the disclaimer's number among them (the
	                               last) */
	size_t *gate_pats;          /* the numbers of the patterns the gate
	                               joins (owned) */
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
	struct rule model_rules[MODEL_RULES]; /* job-ask.model, salary.model and
	                               salary.model-own */
	struct assess_memo *memo;   /* lines seen before (owned) */
};

struct flag {
	const struct rule *rule;    /* the rule that fired (borrowed) */
	enum severity sev;          /* its severity under the policy */
	size_t so, eo;              /* byte range of the match in the line */
};

struct assessment {
	enum category cat;          /* the line's category, or CAT_NONE */
	float cat_conf;             /* how sure, 0..1 */
	enum category cat2;         /* the runner-up, or CAT_NONE */
	float cat2_conf;
	enum act act;               /* the dialogue act, on the line alone */
	float act_conf;
	enum act act2;              /* the runner-up */
	bool judged;                /* the model gave j */
	struct judgement j;         /* the model's own probabilities */
	float votes[CAT_COUNT];     /* the rules' cue votes per category */
	struct flag flags[ASSESS_MAX_FLAGS]; /* in rule order, or with all_rules
	                               by column (then rule order) */
	size_t nflags;
	bool pay_own;               /* a pay question put to the host about
	                               their own pay (else pay in general) */
	int err;                    /* 0, or a negative PCRE2 code */
	const struct rule *err_rule;   /* the rule that failed, if any */
};

/* Set up a from rs (which must outlive it). */
void assessor_init(struct assessor *a, const struct ruleset *rs, enum policy policy);

/* Use the learned model m (which must outlive a) from now on. */
void assessor_set_model(struct assessor *a, struct model *m);

/*
 * How sure the judgement of a line is, 0..1: 1 for a job ask or a pay
 * question a rule found, the model's probability for one it found, else
 * the confidence of its category.
 */
float assess_confidence(const struct assessment *as);

/* Whether the line's category is sure enough to count towards coverage
 * (the model's threshold; any category the rules alone found). */
bool assess_sure(const struct assessor *a, const struct assessment *as);

/* The line last assessed, normalised. */
const struct norm *assess_normalized(const struct assessor *a);
void assessor_free(struct assessor *a);

/*
 * Whether the rule rule_id of flag kind kind is suppressed by
 * ignore[0..n): named there by id or kind (job_ask or job-ask) or "all",
 * and not named with a '!' (back on while all rules are off).  The
 * checker's list findings (list.duplicate, kind duplicate) use it too.
 */
bool assess_ignored(const char *rule_id, const char *kind, char *const *ignore, size_t n);

/*
 * Assess s[0..len), which must be valid UTF-8.  ignore[0..nignore) are
 * suppressed rule ids or flag kinds ("all" suppresses every rule).
 * Returns 0, or the negative PCRE2 code of a rule that could not be
 * evaluated (also in out->err; the other rules still ran).
 */
int assess_line(struct assessor *a, struct matcher *m, const char *s, size_t len,
    char *const *ignore, size_t nignore, struct assessment *out);

#endif
