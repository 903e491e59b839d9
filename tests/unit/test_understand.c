/*
 * test_understand.c -- the normaliser, the learned model's file and
 * training, the example reader and the dialogue's use of context.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "assess.h"
#include "catalog.h"
#include "dialogue.h"
#include "examples.h"
#include "model.h"
#include "normalize.h"
#include "tap.h"
#include "xmalloc.h"

/* normalize(in) is want, and the span of want's first occurrence of
 * piece maps back to orig_piece in the input. */
static void
norm_is(struct norm *n, const char *in, const char *want)
{
	normalize(n, in, strlen(in));
	ok(strcmp(n->text, want) == 0, "normalize \"%s\" -> \"%s\" (got \"%s\")", in, want, n->text);
}

static void
span_is(struct norm *n, const char *in, const char *piece, const char *orig_piece)
{
	normalize(n, in, strlen(in));
	const char *at = strstr(n->text, piece);
	size_t so = 0, eo = 0;
	if (at != NULL)
		norm_span(n, (size_t)(at - n->text), (size_t)(at - n->text) + strlen(piece), &so, &eo);
	ok(at != NULL && eo - so == strlen(orig_piece) && memcmp(in + so, orig_piece, eo - so) == 0,
	    "\"%s\" in \"%s\" points back at \"%s\" (got \"%.*s\")", piece, in, orig_piece,
	    (int)(eo - so), in + so);
}

static void
test_normalize(void)
{
	struct norm n;
	norm_init(&n);
	norm_is(&n, "Can U get me in at UR place?", "can you get me in at your place?");
	norm_is(&n, "What\xe2\x80\x99s the salery like \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9, CV", "what's the salary like - resume, resume");
	norm_is(&n, "pls reccomend someone, thx", "please recommend someone, thanks");
	norm_is(&n, "cud u fwd my cv 2 ur boss", "could you forward my resume to your boss");
	norm_is(&n, "im lookin 4 work", "i'm looking for work");
	norm_is(&n, "is there any1 else u think i shud talk to", "is there anyone else you think i should talk to");
	norm_is(&n, "send my curriculum vitae", "send my resume");
	/* Real words are not "corrected"; texting forms inside other words
	 * and abbreviations stay. */
	norm_is(&n, "Do you go hiking? I love your earrings", "do you go hiking? i love your earrings");
	norm_is(&n, "R&D in the U.S. w/o a PhD", "r&d in the u.s. w/o a phd");
	norm_is(&n, "4 years ago i was 2 late", "4 years ago i was 2 late");
	norm_is(&n, "", "");
	/* Columns stay true to the line as typed. */
	span_is(&n, "Are U hirng now?", "you hiring", "U hirng");
	span_is(&n, "\xe2\x80\x9cWhat\xe2\x80\x9d is your salery?", "salary", "salery");
	span_is(&n, "send my curriculum vitae now", "resume", "curriculum vitae");
	/* Invalid bytes and a long line do not trip it up. */
	char *big = xmalloc(200001);
	memset(big, 'a', 200000);
	big[200000] = '\0';
	normalize(&n, big, 200000);
	ok(n.len == 200000, "a 200,000-byte line normalises whole");
	free(big);
	norm_free(&n);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (fp == NULL) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
	fputs(text, fp);
	fclose(fp);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

static void
test_examples_and_model(const char *dir)
{
	char *ex = xasprintf("%s/ex.tsv", dir);
	write_file(ex,
	    "# a comment\n"
	    "job_ask\tAre you hiring?\n"
	    "job_ask\tCould you pass my resume to your manager?\n"
	    "job_ask\tany openings on your team\n"
	    "salary\tHow much do you make?\town\n"
	    "salary\tWhat do juniors earn?\tgeneral\n"
	    "ok\tWhat was your first job like?\n"
	    "typical_day\tWhat does a normal day look like?\n"
	    "typical_day\tHow do you spend your week?\n"
	    "entry_path\tHow did you get into this work?\n"
	    "entry_path\tWhat made you choose this field?\n"
	    "follow_up\tWhy is that?\n"
	    "follow_up\tCould you say more?\n"
	    "thanks\tThank you so much\n"
	    "\n");
	char *conv = xasprintf("%s/conv.tsv", dir);
	write_file(conv,
	    "conv\tbank\tline\tact\tcategory\tflag\ttext\n"
	    "c1\tgeneral\t1\tgreeting\t-\tnone\tHi there\n"
	    "c1\tgeneral\t2\tquestion\ttypical_day\tnone\twhat's a typical day\n"
	    "c1\tgeneral\t3\tfollow_up\ttypical_day\tnone\tand then?\n");
	struct example_set es = {0};
	struct diag_list dl = {0};
	ok(examples_read(&es, ex, &dl) && dl.n == 0, "an example file of every label reads cleanly");
	ok(examples_read(&es, conv, &dl) && dl.n == 0, "a conversation file reads cleanly");
	ok(es.n == 16, "16 examples (%zu)", es.n);
	ok(es.v[0].flag == MFLAG_JOB_ASK && es.v[0].act == ACT_QUESTION && es.v[0].cat == -1,
	    "a job ask teaches the flag and the act, not a topic");
	ok(es.v[6].cat == CAT_TYPICAL_DAY && es.v[6].flag == MFLAG_OK, "a category line teaches its topic");
	ok(es.v[15].act == ACT_FOLLOW_UP && es.v[15].cat == -1, "a follow-up teaches no topic of its own");

	/* Bad labels are positioned errors with a suggestion. */
	char *bad = xasprintf("%s/bad.tsv", dir);
	write_file(bad, "jobask\thello\nok\n");
	struct diag_list bdl = {0};
	ok(!examples_read(&es, bad, &bdl) && bdl.n == 2 && bdl.v[0].line == 1 && bdl.v[0].col == 1 &&
	    strstr(bdl.v[0].msg, "did you mean 'job_ask'") != NULL && bdl.v[1].line == 2,
	    "an unknown label and a line without text are errors at their place");
	diag_clear(&bdl);
	ok(es.n == 16, "a file with errors adds nothing (%zu)", es.n);

	examples_finish(&es);
	char *m1 = xasprintf("%s/a.model", dir), *m2 = xasprintf("%s/b.model", dir);
	struct train_report rep;
	char err[300] = "";
	ok(model_train(es.v, es.n, es.words, es.nwords, 1, m1, &rep, err, sizeof err) == 0,
	    "training saves a model (%s)", err);
	ok(model_train(es.v, es.n, es.words, es.nwords, 1, m2, &rep, err, sizeof err) == 0,
	    "and again");
	size_t l1 = 0, l2 = 0;
	char *b1 = slurp(m1, &l1), *b2 = slurp(m2, &l2);
	ok(b1 != NULL && b2 != NULL && l1 == l2 && memcmp(b1, b2, l1) == 0,
	    "training is deterministic: the two files are identical (%zu bytes)", l1);
	struct stat st;
	ok(stat(m1, &st) == 0 && (st.st_mode & 0777) == 0644, "the model file is 0644");

	struct model *m = model_load(m1, err, sizeof err);
	ok(m != NULL, "the model loads (%s)", m ? "" : err);
	if (m != NULL) {
		struct judgement j;
		model_judge(m, "are you hiring?", 15, &j);
		ok(j.flag[MFLAG_JOB_ASK] > j.flag[MFLAG_OK], "it learned a job ask it was shown (%.2f)",
		    j.flag[MFLAG_JOB_ASK]);
		float sum = 0;
		for (int c = 0; c < MCAT_COUNT; c++)
			sum += j.cat[c];
		ok(sum > 0.999f && sum < 1.001f, "the category probabilities sum to 1");
		model_judge(m, "why is that?", 12, &j);
		ok(model_top(j.act, ACT_COUNT, NULL) == ACT_FOLLOW_UP, "and a follow-up");
		char words[200];
		ok(model_explain(m, 0, MFLAG_JOB_ASK, "are you hiring?", 15, words, sizeof words, 3) > 0 &&
		    strstr(words, "hire") != NULL, "/why's words for it name 'hire' (%s)", words);
		model_free(m);
	}

	/* Files that are not models of this version are refused, never used. */
	char *cut = xasprintf("%s/cut.model", dir);
	FILE *fp = fopen(cut, "wb");
	fwrite(b1, 1, l1 / 2, fp);
	fclose(fp);
	ok(model_load(cut, err, sizeof err) == NULL && strstr(err, "size does not match") != NULL,
	    "a model cut short is refused: %s", err);
	b1[0] = 'X';
	fp = fopen(cut, "wb");
	fwrite(b1, 1, l1, fp);
	fclose(fp);
	ok(model_load(cut, err, sizeof err) == NULL && strstr(err, "not an infocoach model") != NULL,
	    "a model with a bad magic is refused: %s", err);
	b1[0] = 'I';
	float nan = 0.0f / 0.0f;
	memcpy(b1 + 24, &nan, 4);
	fp = fopen(cut, "wb");
	fwrite(b1, 1, l1, fp);
	fclose(fp);
	ok(model_load(cut, err, sizeof err) == NULL && strstr(err, "byte 24") != NULL,
	    "a threshold that is not a probability is refused at its byte: %s", err);
	ok(model_load(dir, err, sizeof err) == NULL && strstr(err, "not a regular file") != NULL,
	    "a directory is refused: %s", err);
	free(b1);
	free(b2);
	free(cut);
	free(m1);
	free(m2);
	free(bad);
	free(ex);
	free(conv);
	examples_free(&es);
	diag_clear(&dl);
}

static void
test_dialogue(void)
{
	const char *top = getenv("TOP_SRCDIR");
	struct catalog cat = {0};
	cat.dirs[0].path = xasprintf("%s/questionbanks", top ? top : ".");
	cat.ndirs = 1;
	struct diag_list dl = {0};
	struct ruleset *rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL && rs->model != NULL, "the shipped rules and the built model load"))
		return;
	struct assessor *a = assessor_new(rs, POLICY_DEFAULT);
	struct matcher *m = matcher_new();
	struct dialogue d;
	dialogue_init(&d, model_thresholds(rs->model));
	dialogue_host_asked(&d);
	static const struct {
		const char *text;
		enum act act;
		enum category cat;
	} conv[] = {
		{"Hi, thanks so much for making the time!", ACT_GREETING, CAT_NONE},
		{"I'm in my last year of a history degree.", ACT_SELF, CAT_NONE},
		{"How did you get into this line of work?", ACT_QUESTION, CAT_ENTRY_PATH},
		{"Why is that?", ACT_FOLLOW_UP, CAT_ENTRY_PATH},
		{"Could you say more about that?", ACT_FOLLOW_UP, CAT_ENTRY_PATH},
		{"Are you hiring at the moment?", ACT_QUESTION, CAT_NONE},
		{"Sorry, I didn't mean to ask for a job.", ACT_APOLOGY, CAT_NONE},
		{"Who else would you suggest I talk to?", ACT_QUESTION, CAT_REFERRALS},
		{"Thank you so much for your time.", ACT_THANKS, CAT_NONE},
	};
	for (size_t i = 0; i < sizeof conv / sizeof *conv; i++) {
		struct assessment as;
		struct understanding u;
		assess_line(a, m, conv[i].text, strlen(conv[i].text), NULL, 0, &as);
		dialogue_hear(&d, &as, conv[i].text, &u);
		ok(u.act == conv[i].act && u.cat == conv[i].cat, "\"%s\" is %s/%s (got %s/%s)", conv[i].text,
		    act_name(conv[i].act), conv[i].cat == CAT_NONE ? "-" : category_name(conv[i].cat),
		    act_name(u.act), u.cat == CAT_NONE ? "-" : category_name(u.cat));
		if (conv[i].cat == CAT_REFERRALS)
			ok(u.closing, "a clear referral question counts as a closing question");
	}
	/* The model flags what no rule catches, under its own rule id, and
	 * stays quiet where the user turned the kind off. */
	const char *ask = "Would your lab have room for a keen grad like me this autumn, asking for myself";
	struct assessment as;
	assess_line(a, m, ask, strlen(ask), NULL, 0, &as);
	bool any_job = false;
	for (size_t i = 0; i < as.nflags; i++)
		any_job |= as.flags[i].rule->kind == KIND_JOB_ASK;
	ok(any_job, "a roundabout job ask is flagged by a rule or the model");
	char job_kind[] = "job_ask";
	char *ignore[1] = {job_kind};
	assess_line(a, m, ask, strlen(ask), ignore, 1, &as);
	any_job = false;
	for (size_t i = 0; i < as.nflags; i++)
		any_job |= as.flags[i].rule->kind == KIND_JOB_ASK;
	ok(!any_job, "with job_ask turned off, nothing flags it, the model included");
	matcher_free(m);
	assessor_free(a);
	ruleset_free(rs);
	free(cat.dirs[0].path);
}

int
main(void)
{
	char *dir = tap_tmpdir("test_understand");
	test_normalize();
	test_examples_and_model(dir);
	test_dialogue();
	tap_rmtree(dir);
	free(dir);
	return tap_done();
}
