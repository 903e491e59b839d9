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
#include "model.h"
#include "normalize.h"
#include "rule.h"
#include "taxonomy.h"

#define MODEL_RULES 3           /* rules the learned model's flags are
                                   reported under (assess_model_rule_id) */
#define ASSESS_MAX_FLAGS 32     /* flags kept for one line (all_rules) */

/* The rules, the policy, the classifier and their scratch space, private
 * to assess.c: made by assessor_new, freed by assessor_free. */
struct assessor;

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

/*
 * A new assessor for the rules rs (which must outlive it) under policy,
 * using rs's learned model if it has one.  Judges as a session does (one
 * flag per kind) until assessor_set_all_rules says otherwise.  Free it
 * with assessor_free.
 */
struct assessor *assessor_new(const struct ruleset *rs, enum policy policy);

/* Use the learned model m (which must outlive a; NULL: none) from now on. */
void assessor_set_model(struct assessor *a, struct model *m);

/*
 * The host's employer ("Kestrel Outdoor Gear"), or NULL for none: a
 * question of what it makes, sells or earns, named ("what does kestrel
 * make?"), is about the business, not pay, as "what does your company
 * make?" is.  A session sets it from its persona.
 */
void assessor_set_employer(struct assessor *a, const char *employer);

/* The learned model in use (borrowed), or NULL. */
struct model *assessor_model(const struct assessor *a);

/* The rules a judges by (borrowed from the caller of assessor_new). */
const struct ruleset *assessor_rules(const struct assessor *a);

/*
 * With on, judge as 'check' does: a flag for every rule that fires,
 * sorted by column, and no closed flag on a line with a job ask or a pay
 * question; without, as a session does: at most one flag per kind.
 * Returns the setting it replaces, so a caller can put it back.
 */
bool assessor_set_all_rules(struct assessor *a, bool on);

/*
 * With on false, the model still judges each line (its category and
 * act) but raises no flag of its own (letter.c: the model learned from
 * questions, not from letters).  Returns the setting it replaces.
 */
bool assessor_set_model_flags(struct assessor *a, bool on);

/* The id of the i-th rule (i < MODEL_RULES) the learned model's flags
 * are reported under: "job-ask.model", "salary.model", "salary.model-own". */
const char *assess_model_rule_id(size_t i);

/*
 * How sure the judgement of a line is, 0..1: 1 for a job ask or a pay
 * question a rule found, the model's probability for one it found, else
 * the confidence of its category.
 */
float assess_confidence(const struct assessment *as);

/* Whether the line's category is sure enough to count towards coverage
 * (the model's threshold; any category the rules alone found). */
bool assess_sure(const struct assessor *a, const struct assessment *as);

/* Take the pay question on as as one about the host's own pay (the
 * caller knows the line names the host's job): pay_own, and its pay flags
 * as severe as salary.own under the policy. */
void assess_pay_is_own(const struct assessor *a, struct assessment *as);

/* The line last assessed, normalised (borrowed until the next
 * assess_line on a). */
const struct norm *assess_normalized(const struct assessor *a);

/* Free a and everything it owns; NULL is fine. */
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
