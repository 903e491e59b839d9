/*
 * test_accuracy.c -- how well infocoach understands lines it was never
 * tuned on: the frozen third of the corpora, tests/corpus/frozen/.
 *
 *   flags.tsv          LABEL<TAB>TEXT[<TAB>own|general], LABEL job_ask,
 *                      salary or ok
 *   categories.tsv     CATEGORY<TAB>TEXT
 *   conversations.tsv  conv bank line act category flag text (SPEC 5a)
 *
 * The rules are the shipped ones and the model the one 'make' trained
 * from examples/ and the banks (never from these files).  Flags and
 * categories are judged as 'infocoach check' judges them (every rule
 * file plus the general bank); a conversation as 'practice' hears it,
 * with its own bank, line by line through the dialogue.
 *
 * Every miss is printed as a TAP comment; the figures are printed and
 * must reach the floors below.  CORPUS_DIR and INFOCOACH_MODEL point the
 * test elsewhere (a development split, another model).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "dialogue.h"
#include "model.h"
#include "tap.h"
#include "xmalloc.h"

/* Floors on the frozen part.  Issue 11 asks for precision 0.97 and
 * recall 0.95 on both flags, category accuracy 0.92, turn accuracy 0.92
 * and no closing false positive.  Where a floor here is lower, it is the
 * figure the frozen part gave, rounded down: the figure is not
 * reached yet, and nothing may be tuned on these lines to reach it.
 * First run (c26e44f): job asks 0.980 / 0.865, pay 0.990 / 0.843,
 * categories 0.915, turns 0.916, own pay as errors 0.571, closing false
 * positives 0.  Second run, after fixes from a user test and a closing
 * threshold chosen on the examples (0.68 instead of 0.92): job asks
 * 0.980 / 0.877, pay 0.990 / 0.843, categories 0.917, turns 0.908, own
 * pay 0.587, closing false positives 1 (a time-frame question read as
 * asking to use the host's name).  Third run (session 5), after two more
 * sets of examples by writers who had seen neither the rules nor these
 * lines, a rule for the words people use for pay, and pay asked of the
 * host raised to an error whichever rule caught it: job asks 0.982 /
 * 0.965, pay 0.991 / 0.922, categories 0.920, turns 0.916, own pay as
 * errors 0.873 (general pay 0.058), closing false positives 1.  Fourth
 * run, after a third such set (pay asked worldwide and casually, topics
 * easily confused, 20 conversations): job asks 0.982 / 0.953, pay 0.991 /
 * 0.957, categories 0.929, turns 0.936, own pay as errors 0.889 (general
 * 0.058), closing false positives 1.  Fifth run, after two phrasings
 * from a user test were added to the examples and "any1", "sum1" and
 * the like are written out: job asks 0.981 / 0.930, pay 0.991 / 0.948,
 * categories 0.926, turns 0.920.  The model is fitted by SGD, whose
 * result depends on the order of the examples, and its thresholds are
 * chosen on cross-validation: a few lines more move these figures by
 * up to 0.02 either way.  Sixth run, with weight decay (L2 0.002, chosen
 * by cross-validation on the examples, which also makes the fit depend
 * far less on their order): job asks 0.982 / 0.947, pay 0.991 / 0.974,
 * categories 0.921, turns 0.920, own pay as errors 0.889 (general 0.058),
 * closing false positives 0.  Seventh run, after a seventh set of
 * examples (subtle job asks, 16 conversations): job asks 0.982 / 0.953,
 * pay 0.991 / 0.974, categories 0.9196 (618/672, one line short of
 * 0.92), turns 0.936, closing false positives 0.  Eighth run, after 700
 * fresh category lines (0.979 on them before training): categories 0.924
 * (621/672), job asks 0.982 / 0.947, turns 0.928.  Ninth run, after 650
 * fresh flag lines and 16 conversations: job asks 0.982 / 0.971, pay
 * 0.991 / 0.974, categories 0.924, turns 0.948, closing false positives
 * 0: every floor of issue 11.  The severity split is asserted from
 * issue 17 on: general pay lines flagged as warnings 0.885 (46/52). */
#define MIN_JOB_PRECISION  0.97
#define MIN_JOB_RECALL     0.95
#define MIN_PAY_PRECISION  0.97
#define MIN_PAY_RECALL     0.95
#define MIN_CAT_ACCURACY   0.92
#define MIN_TURN_ACCURACY  0.93
#define MIN_OWN_PAY_ERROR  0.88   /* own-pay lines flagged as errors */
#define MAX_CLOSING_FP     0
#define MAX_GENERAL_PAY_ERROR 0.10 /* general pay lines flagged as errors */
#define MIN_GENERAL_PAY_WARNING 0.85 /* general pay lines flagged as warnings
                                       (0.885, 46/52, when first asserted; less
                                       the 0.02 a retraining may move it) */
#define MIN_PAY_LABELLED 40  /* pay lines labelled own, and general */

static const char *corpus_dir;
static unsigned long closing_fp, closing_hit, closing_all;

static FILE *
open_corpus(const char *name)
{
	char *path = xasprintf("%s/%s", corpus_dir, name);
	FILE *fp = fopen(path, "r");
	if (fp == NULL) {
		printf("Bail out! cannot open %s\n", path);
		exit(1);
	}
	free(path);
	return fp;
}

static bool
has_kind(const struct assessment *as, enum flag_kind k, enum severity *sev)
{
	for (size_t i = 0; i < as->nflags; i++)
		if (as->flags[i].rule->kind == k) {
			if (sev != NULL)
				*sev = as->flags[i].sev;
			return true;
		}
	return false;
}

/* Split a line at tabs into f[0..max); returns the count. */
static size_t
fields(char *line, char **f, size_t max)
{
	line[strcspn(line, "\r\n")] = '\0';
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/* The rules and one bank, as check or practice would load them. */
struct judge {
	struct ruleset *rs;
	struct assessor *a;
	char *bank;
};

static struct judge judges[16];
static size_t njudges;
static struct catalog cat;
static struct model *model;

static struct assessor *
judge_for(const char *bank)
{
	for (size_t i = 0; i < njudges; i++)
		if (strcmp(judges[i].bank, bank) == 0)
			return judges[i].a;
	if (njudges == sizeof judges / sizeof *judges)
		return judges[0].a;
	struct judge *j = &judges[njudges];
	struct diag_list dl = {0};
	const char *names[1] = {bank};
	j->rs = catalog_open(&cat, names, 1, &dl);
	diag_flush(&dl, stdout);
	if (j->rs == NULL) {
		printf("Bail out! cannot load bank %s\n", bank);
		exit(1);
	}
	j->a = assessor_new(j->rs, POLICY_DEFAULT);
	assessor_set_model(j->a, model);
	j->bank = xstrdup(bank);
	njudges++;
	return j->a;
}

static void
figure(const char *what, unsigned long tp, unsigned long fp, unsigned long fn, double pmin,
    double rmin)
{
	double p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	double r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	printf("# %s: precision %.3f (%lu/%lu), recall %.3f (%lu/%lu)\n", what, p, tp, tp + fp, r, tp,
	    tp + fn);
	ok(p >= pmin, "%s precision %.3f >= %.2f", what, p, pmin);
	ok(r >= rmin, "%s recall %.3f >= %.2f", what, r, rmin);
}

static void
test_flags(struct matcher *m)
{
	struct assessor *a = judge_for(CATALOG_DEFAULT_BANK);
	unsigned long tp[2] = {0}, fp[2] = {0}, fn[2] = {0}, lines = 0, own = 0, own_err = 0, general = 0, general_err = 0,
	    general_warn = 0;
	char buf[4096];
	FILE *f = open_corpus("flags.tsv");
	while (fgets(buf, sizeof buf, f) != NULL) {
		char *fl[4];
		size_t nf = fields(buf, fl, 4);
		if (nf < 2 || fl[0][0] == '#')
			continue;
		lines++;
		struct assessment as;
		assess_line(a, m, fl[1], strlen(fl[1]), NULL, 0, &as);
		const enum flag_kind kinds[2] = {KIND_JOB_ASK, KIND_SALARY};
		for (int k = 0; k < 2; k++) {
			bool want = strcmp(fl[0], kind_name(kinds[k])) == 0;
			enum severity sev = SEV_NONE;
			bool got = has_kind(&as, kinds[k], &sev);
			if (want && got)
				tp[k]++;
			else if (got) {
				fp[k]++;
				printf("# false %s: %s (%s)\n", kind_name(kinds[k]), fl[1], fl[0]);
			} else if (want) {
				fn[k]++;
				printf("# missed %s: %s\n", kind_name(kinds[k]), fl[1]);
			}
			if (kinds[k] == KIND_SALARY && want && nf > 2 && strcmp(fl[2], "own") == 0) {
				own++;
				own_err += got && sev == SEV_ERROR;
			}
			if (kinds[k] == KIND_SALARY && want && nf > 2 && strcmp(fl[2], "general") == 0) {
				general++;
				general_err += got && sev == SEV_ERROR;
				general_warn += got && sev == SEV_WARNING;
			}
		}
	}
	fclose(f);
	ok(lines >= 500, "frozen flags corpus has at least 500 lines (%lu)", lines);
	figure("job_ask", tp[0], fp[0], fn[0], MIN_JOB_PRECISION, MIN_JOB_RECALL);
	figure("salary", tp[1], fp[1], fn[1], MIN_PAY_PRECISION, MIN_PAY_RECALL);
	/* Asking the host's own pay is an error; general ranges a warning.
	 * Both labels must be there, or a share below could not fail. */
	ok(own >= MIN_PAY_LABELLED && general >= MIN_PAY_LABELLED,
	    "the corpus labels pay lines own (%lu) and general (%lu), at least %d each", own, general,
	    MIN_PAY_LABELLED);
	double share = own ? (double)own_err / (double)own : 0;
	printf("# own-pay questions flagged as errors: %.3f (%lu/%lu)\n", share, own_err, own);
	ok(share >= MIN_OWN_PAY_ERROR, "own-pay questions are errors: %.3f >= %.2f", share,
	    MIN_OWN_PAY_ERROR);
	share = general ? (double)general_err / (double)general : 0;
	printf("# general pay questions flagged as errors: %.3f (%lu/%lu)\n", share, general_err, general);
	ok(share <= MAX_GENERAL_PAY_ERROR, "general pay questions are warnings: %.3f of them errors <= %.2f",
	    share, MAX_GENERAL_PAY_ERROR);
	share = general ? (double)general_warn / (double)general : 0;
	printf("# general pay questions flagged as warnings: %.3f (%lu/%lu)\n", share, general_warn, general);
	ok(share >= MIN_GENERAL_PAY_WARNING, "general pay questions are flagged as warnings: %.3f >= %.2f",
	    share, MIN_GENERAL_PAY_WARNING);
}

static void
test_categories(struct matcher *m)
{
	struct assessor *a = judge_for(CATALOG_DEFAULT_BANK);
	unsigned long right = 0, total = 0;
	char buf[4096];
	FILE *f = open_corpus("categories.tsv");
	while (fgets(buf, sizeof buf, f) != NULL) {
		char *fl[3];
		if (fields(buf, fl, 3) < 2 || fl[0][0] == '#')
			continue;
		struct assessment as;
		assess_line(a, m, fl[1], strlen(fl[1]), NULL, 0, &as);
		struct dialogue d;
		dialogue_init(&d, model != NULL ? model_thresholds(model) : NULL);
		struct understanding u;
		dialogue_hear(&d, &as, fl[1], &u);
		total++;
		const char *got = category_name(as.cat);
		if (got != NULL && strcmp(got, fl[0]) == 0)
			right++;
		else
			printf("# category %s (%.2f), expected %s: %s\n", got ? got : "null", as.cat_conf, fl[0],
			    fl[1]);
		if (u.closing && strcmp(category_name(u.cat), fl[0]) != 0) {
			closing_fp++;
			printf("# closing false positive %s: %s\n", category_name(u.cat), fl[1]);
		}
		if (strcmp(fl[0], "referrals") == 0 || strcmp(fl[0], "mention_name") == 0) {
			closing_all++;
			closing_hit += u.closing && strcmp(category_name(u.cat), fl[0]) == 0;
		}
	}
	fclose(f);
	double acc = total ? (double)right / (double)total : 0;
	printf("# category accuracy %.3f (%lu/%lu)\n", acc, right, total);
	ok(total >= 600, "frozen categories corpus has at least 600 lines (%lu)", total);
	ok(acc >= MIN_CAT_ACCURACY, "category accuracy %.3f >= %.2f", acc, MIN_CAT_ACCURACY);
}

static void
test_conversations(struct matcher *m)
{
	unsigned long right = 0, total = 0, convs = 0;
	unsigned long act_right[ACT_COUNT] = {0}, act_total[ACT_COUNT] = {0};
	char buf[4096], conv[64] = "";
	struct dialogue d;
	FILE *f = open_corpus("conversations.tsv");
	while (fgets(buf, sizeof buf, f) != NULL) {
		char *fl[8];
		if (fields(buf, fl, 8) < 7 || strcmp(fl[0], "conv") == 0 || fl[0][0] == '#')
			continue;
		struct assessor *a = judge_for(fl[1]);
		if (strcmp(conv, fl[0]) != 0) {
			snprintf(conv, sizeof conv, "%s", fl[0]);
			dialogue_init(&d, model != NULL ? model_thresholds(model) : NULL);
			/* Every persona opens by asking what the user hopes to learn. */
			dialogue_host_asked(&d);
			convs++;
		}
		struct assessment as;
		assess_line(a, m, fl[6], strlen(fl[6]), NULL, 0, &as);
		struct understanding u;
		dialogue_hear(&d, &as, fl[6], &u);
		enum act want = act_lookup(fl[3]);
		enum category wcat = strcmp(fl[4], "-") == 0 ? CAT_NONE : category_lookup(fl[4]);
		bool has_cat = want == ACT_QUESTION || want == ACT_FOLLOW_UP || want == ACT_CLARIFY;
		bool good = u.act == want && (!has_cat || u.cat == wcat);
		total++;
		if (want != ACT_NONE) {
			act_total[want]++;
			act_right[want] += u.act == want;
		}
		if (good)
			right++;
		else
			printf("# turn %s:%s: %s/%s, expected %s/%s: %s\n", fl[0], fl[2], act_name(u.act),
			    u.cat != CAT_NONE ? category_name(u.cat) : "-", fl[3], fl[4], fl[6]);
		if (u.closing && u.cat != wcat) {
			closing_fp++;
			printf("# closing false positive %s: %s\n", category_name(u.cat), fl[6]);
		}
		if (want == ACT_QUESTION && (wcat == CAT_REFERRALS || wcat == CAT_MENTION_NAME)) {
			closing_all++;
			closing_hit += u.closing && u.cat == wcat;
		}
	}
	fclose(f);
	for (int k = 0; k < ACT_COUNT; k++)
		printf("# act %s: %lu/%lu\n", act_name((enum act)k), act_right[k], act_total[k]);
	double acc = total ? (double)right / (double)total : 0;
	printf("# turn accuracy %.3f (%lu/%lu, %lu conversations)\n", acc, right, total, convs);
	ok(convs >= 12 && total >= 200, "frozen conversations: %lu, %lu lines", convs, total);
	ok(acc >= MIN_TURN_ACCURACY, "turn accuracy %.3f >= %.2f", acc, MIN_TURN_ACCURACY);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR"), *build = getenv("TOP_BUILDDIR");
	if (top == NULL)
		top = ".";
	if (build == NULL)
		build = top;
	char *dir = xasprintf("%s/tests/corpus/frozen", top);
	corpus_dir = getenv("CORPUS_DIR") != NULL ? getenv("CORPUS_DIR") : dir;
	cat.dirs[0].path = xasprintf("%s/questionbanks", top);
	cat.dirs[0].origin = "source tree";
	cat.ndirs = 1;
	char *mpath = getenv("INFOCOACH_MODEL") != NULL ? xstrdup(getenv("INFOCOACH_MODEL")) :
	    xasprintf("%s/%s", build, MODEL_FILE);
	char err[300];
	model = model_load(mpath, err, sizeof err);
	if (!ok(model != NULL, "the trained model loads (%s%s%s)", mpath, model ? "" : ": ",
	    model ? "" : err))
		return tap_done();
	struct matcher *m = matcher_new();

	test_flags(m);
	test_categories(m);
	test_conversations(m);
	printf("# closing questions counted that were not: %lu\n", closing_fp);
	printf("# closing questions counted: %lu of %lu\n", closing_hit, closing_all);
	ok(closing_fp <= MAX_CLOSING_FP, "closing false positives %lu <= %d", closing_fp, MAX_CLOSING_FP);

	matcher_free(m);
	for (size_t i = 0; i < njudges; i++) {
		assessor_free(judges[i].a);
		ruleset_free(judges[i].rs);
		free(judges[i].bank);
	}
	model_free(model);
	free(mpath);
	free(dir);
	free(cat.dirs[0].path);
	return tap_done();
}
