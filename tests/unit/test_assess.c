/*
 * test_assess.c -- assess.c on its own: which rules flag a line and how
 * severely under each policy, pay asked of the host against pay in
 * general, a disclaimer ("not asking for a job"), suppression by id,
 * kind or "all", and the confidence of a judgement.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "tap.h"
#include "xmalloc.h"

static struct matcher *m;

/* The highest severity of a flag of kind k on line, or SEV_NONE. */
static enum severity
worst(struct assessor *a, const char *line, enum flag_kind k, char *const *ignore, size_t n)
{
	struct assessment as;
	assess_line(a, m, line, strlen(line), ignore, n, &as);
	enum severity top = SEV_NONE;
	for (size_t i = 0; i < as.nflags; i++)
		if (as.flags[i].rule->kind == k && as.flags[i].sev > top)
			top = as.flags[i].sev;
	return top;
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	struct catalog cat = {0};
	cat.dirs[0].path = xasprintf("%s/questionbanks", top ? top : ".");
	cat.ndirs = 1;
	struct diag_list dl = {0};
	struct ruleset *rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL, "the shipped banks load"))
		return tap_done();
	m = matcher_new();
	struct assessor *a = assessor_new(rs, POLICY_DEFAULT);
	struct assessor *strict = assessor_new(rs, POLICY_STRICT);
	struct assessor *lenient = assessor_new(rs, POLICY_LENIENT);

	/* Suppression names. */
	char id[] = "job-ask.hiring", kind[] = "job_ask", dashed[] = "job-ask", all[] = "all",
	    back[] = "!job-ask.hiring";
	char *by_id[] = {id}, *by_kind[] = {kind}, *by_dash[] = {dashed}, *by_all[] = {all},
	    *all_but[] = {all, back};
	ok(assess_ignored("job-ask.hiring", "job_ask", by_id, 1), "a rule is ignored by its id");
	ok(assess_ignored("job-ask.hiring", "job_ask", by_kind, 1), "... by its kind");
	ok(assess_ignored("job-ask.hiring", "job_ask", by_dash, 1), "... by its kind written with a dash");
	ok(assess_ignored("salary.own", "salary", by_all, 1), "... by 'all'");
	ok(!assess_ignored("job-ask.hiring", "job_ask", all_but, 2), "'!id' keeps a rule on while all are off");
	ok(!assess_ignored("salary.own", "salary", by_kind, 1), "another kind is not ignored");

	/* Flags and their severities. */
	const char *hiring = "Are you hiring at the moment?";
	is_int(worst(a, hiring, KIND_JOB_ASK, NULL, 0), SEV_ERROR, "a job ask is an error by default");
	ok(worst(strict, hiring, KIND_JOB_ASK, NULL, 0) >= worst(a, hiring, KIND_JOB_ASK, NULL, 0) &&
	    worst(lenient, hiring, KIND_JOB_ASK, NULL, 0) <= worst(a, hiring, KIND_JOB_ASK, NULL, 0),
	    "strict is no milder than the default, lenient no harsher");
	is_int(worst(a, hiring, KIND_JOB_ASK, by_kind, 1), SEV_NONE, "ignoring job_ask leaves it unflagged");
	is_int(worst(a, "What does a typical week look like for you?", KIND_JOB_ASK, NULL, 0), SEV_NONE,
	    "a question about their week is no job ask");
	is_int(worst(a, "I'm not asking for a job, but how did you get into this work?", KIND_JOB_ASK, NULL, 0),
	    SEV_NONE, "a disclaimer is no job ask");

	/* Pay: the host's own is an error, the range in general a warning. */
	struct assessment as;
	const char *own = "How much do you earn?";
	assess_line(a, m, own, strlen(own), NULL, 0, &as);
	ok(as.pay_own && worst(a, own, KIND_SALARY, NULL, 0) == SEV_ERROR, "asking the host's pay is an error");
	const char *range = "What is the typical salary range for an entry-level analyst?";
	assess_line(a, m, range, strlen(range), NULL, 0, &as);
	ok(!as.pay_own && worst(a, range, KIND_SALARY, NULL, 0) == SEV_WARNING,
	    "asking the range in general is a warning");

	/* A flag's match lies within the line; the confidence is 0..1. */
	assess_line(a, m, hiring, strlen(hiring), NULL, 0, &as);
	bool inside = as.nflags > 0;
	for (size_t i = 0; i < as.nflags; i++)
		inside &= as.flags[i].so < as.flags[i].eo && as.flags[i].eo <= strlen(hiring);
	ok(inside, "every flag's match lies within the line");
	float conf = assess_confidence(&as);
	ok(conf >= 0 && conf <= 1, "the confidence is a probability (%.2f)", conf);
	ok(as.err == 0, "no rule failed");
	const char *week = "What does a typical week look like for you?";
	assess_line(a, m, week, strlen(week), NULL, 0, &as);
	ok(as.cat == CAT_TYPICAL_DAY && assess_sure(a, &as), "a clear question's category is sure enough to count");

	/* The same line twice gives the same verdict (the memo). */
	struct assessment again;
	assess_line(a, m, week, strlen(week), NULL, 0, &again);
	ok(again.cat == as.cat && again.nflags == as.nflags && again.act == as.act,
	    "a line assessed again is judged the same");

	/* The settings a caller may change, and what it may read. */
	ok(assessor_rules(a) == rs, "an assessor judges by the rules it was given");
	ok(!assessor_set_all_rules(a, true), "a new assessor keeps one flag per kind, as a session does");
	ok(assessor_set_all_rules(a, false), "... and says what it replaces, to be put back");
	ok(assessor_set_model_flags(a, false), "the model's own flags are on at first");
	ok(!assessor_set_model_flags(a, true), "... and off once turned off");
	is_str(assess_model_rule_id(0), "job-ask.model", "the model's job asks are reported as job-ask.model");
	ok(assess_model_rule_id(MODEL_RULES) == NULL, "there are MODEL_RULES model rules");

	assessor_free(a);
	assessor_free(strict);
	assessor_free(lenient);
	assessor_free(NULL);
	matcher_free(m);
	ruleset_free(rs);
	free(cat.dirs[0].path);
	return tap_done();
}
