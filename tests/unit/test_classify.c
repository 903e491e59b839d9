/*
 * test_classify.c -- classify.c on its own: the shipped banks' cues and
 * questions place a clear question in its category, a line about
 * nothing in none, the scores agree with the verdict, and the gates
 * built after the first lines change no verdict.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "classify.h"
#include "tap.h"
#include "xmalloc.h"

static const struct {
	const char *line;
	enum category cat;
} cases[] = {
	{"What does a typical day look like for you?", CAT_TYPICAL_DAY},
	{"What do you enjoy most about your job?", CAT_LIKES},
	{"What are the biggest challenges in your role?", CAT_CHALLENGES},
	{"What skills are most important in this field?", CAT_QUALITIES},
	{"How did you get started in this career?", CAT_ENTRY_PATH},
	{"What advice would you give someone starting out?", CAT_ADVICE},
	{"How is the industry changing?", CAT_INDUSTRY_TRENDS},
	{"Who else would you recommend I speak with?", CAT_REFERRALS},
	{"May I use your name when I reach out to them?", CAT_MENTION_NAME},
	{"The weather was lovely on Sunday.", CAT_NONE},
};
#define NCASES (sizeof cases / sizeof *cases)

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
	struct classifier *c = classifier_new(rs);
	struct matcher *m = matcher_new();

	enum category first[NCASES];
	for (size_t i = 0; i < NCASES; i++) {
		int err = -1;
		first[i] = classify(c, m, cases[i].line, strlen(cases[i].line), &err);
		ok(first[i] == cases[i].cat && err == 0, "\"%s\" is %s (got %s)", cases[i].line,
		    cases[i].cat == CAT_NONE ? "none" : category_name(cases[i].cat),
		    first[i] == CAT_NONE ? "none" : category_name(first[i]));

		/* The verdict is the category with the highest score. */
		float score[CAT_COUNT];
		ok(classify_scores(c, m, cases[i].line, strlen(cases[i].line), score) == 0,
		    "the scores of \"%s\" are computed", cases[i].line);
		int best = 0;
		for (int k = 1; k < CAT_COUNT; k++)
			if (score[k] > score[best])
				best = k;
		if (cases[i].cat != CAT_NONE)
			ok(best == (int)cases[i].cat, "its highest score is %s's", category_name(cases[i].cat));
	}

	/* Enough lines for the classifier to build its gates: the same
	 * lines get the same verdicts afterwards. */
	for (int round = 0; round < 40; round++)
		for (size_t i = 0; i < NCASES; i++)
			(void)classify(c, m, cases[i].line, strlen(cases[i].line), NULL);
	size_t same = 0;
	for (size_t i = 0; i < NCASES; i++)
		same += classify(c, m, cases[i].line, strlen(cases[i].line), NULL) == first[i];
	is_int(same, NCASES, "after hundreds of lines (gates built) every verdict is the same");
	int err = -1;
	ok(classify(c, m, "", 0, &err) == CAT_NONE && err == 0, "an empty line has no category");

	matcher_free(m);
	classifier_free(c);
	classifier_free(NULL);
	ruleset_free(rs);
	free(cat.dirs[0].path);
	return tap_done();
}
