/*
 * test_check.c -- check.c on its own: a draft list is read line by line,
 * each question assessed, and the list as a whole judged (duplicates,
 * closing questions, both tiers, the planned time, an empty file), with
 * the ids, kinds and severities of taxonomy.c's list_checks table.
 * Findings are caught through the emitter's listener; the text output
 * goes to a memory stream.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "check.h"
#include "emit.h"
#include "tap.h"
#include "xmalloc.h"

/* The findings of the last run, as "rule@line:severity" words. */
static char found[8192];

static void
on_finding(void *arg, const struct finding *f)
{
	(void)arg;
	size_t l = strlen(found);
	snprintf(found + l, sizeof found - l, "%s@%lu:%s ", f->rule, f->line, severity_name(f->sev));
}

static struct assessor *as;
static struct ruleset *rs;
static char *dir;
static unsigned long questions;

/* Check text (written to a file of its own) for a meeting of duration
 * seconds; found gets the findings. */
static bool
check_text(const char *text, unsigned long duration)
{
	char *path = xasprintf("%s/list.txt", dir);
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	struct emitter *e = emit_begin(EMIT_TEXT, mem, rs, true);
	struct emit_listener l = {.question = NULL, .finding = on_finding, .arg = NULL};
	emit_set_listener(e, &l);
	found[0] = '\0';
	struct checker *c = checker_new(as, e, duration);
	bool ok_ = checker_file(c, path, NULL);
	questions = checker_questions(c);
	emit_end(e, checker_files(c), questions);
	checker_free(c);
	fclose(mem);
	free(out);
	free(path);
	return ok_;
}

static bool
has(const char *word)
{
	return strstr(found, word) != NULL;
}

/* "rule@line:severity" for list check lc at line (0: the whole list). */
static const char *
expect(enum list_check lc, unsigned long line)
{
	static char buf[128];
	snprintf(buf, sizeof buf, "%s@%lu:%s ", list_checks[lc].id, line, severity_name(list_checks[lc].sev));
	return buf;
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	if (top == NULL)
		top = ".";
	dir = tap_tmpdir("test_check");

	/* The table: every list check's kind is a finding kind a config
	 * file may give a severity, and every id is distinct. */
	int same = 0;
	for (int i = 0; i < LIST_CHECK_COUNT; i++) {
		ok(finding_kind_lookup(list_checks[i].kind) >= 0 && strncmp(list_checks[i].id, "list.", 5) == 0,
		    "list check %s has a finding kind (%s)", list_checks[i].id, list_checks[i].kind);
		for (int j = 0; j < i; j++)
			same += strcmp(list_checks[i].id, list_checks[j].id) == 0;
	}
	is_int(same, 0, "no two list checks share an id");

	struct catalog cat = {0};
	cat.dirs[0].path = xasprintf("%s/questionbanks", top);
	cat.ndirs = 1;
	struct diag_list dl = {0};
	rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL, "the shipped banks load"))
		return tap_done();
	as = assessor_new(rs, POLICY_DEFAULT);

	/* A complete list: nothing to say about it as a whole. */
	ok(check_text("# my questions\n"
	    "What does a typical week look like for you?\n"
	    "\n"
	    "How is your field changing at the moment?\n"
	    "Who else would you suggest I talk to?\n"
	    "May I mention your name when I contact them?\n", 30 * 60), "a complete list is read");
	is_int(questions, 4, "blank lines and comments are no questions");
	ok(strstr(found, "list.") == NULL, "a complete list has no list findings (%s)", found);

	/* A repeated question points at its first occurrence; what is
	 * missing is named once for the list. */
	check_text("What does a typical week look like for you?\n"
	    "What do you enjoy most about your work?\n"
	    "What does a typical week look like for you?\n", 30 * 60);
	ok(has(expect(LIST_DUPLICATE, 3)) && !has(expect(LIST_DUPLICATE, 1)),
	    "the repeat on line 3 is a duplicate, the first occurrence not (%s)", found);
	ok(has(expect(LIST_REFERRALS, 0)) && has(expect(LIST_MENTION_NAME, 0)),
	    "both closing questions are missing");
	ok(has(expect(LIST_TIER_INDUSTRY, 0)) && !has(list_checks[LIST_TIER_JOB].id),
	    "the industry tier is missing, the job tier is not");
	ok(!has(list_checks[LIST_TOO_MANY].id), "three questions fit in 30 minutes");

	/* The planned time: two minutes a question. */
	check_text("What does a typical week look like for you?\n"
	    "How is your field changing at the moment?\n"
	    "Who else would you suggest I talk to?\n", 4 * 60);
	ok(has(expect(LIST_TOO_MANY, 0)), "three questions do not fit in 4 minutes");
	check_text("What does a typical week look like for you?\n"
	    "Who else would you suggest I talk to?\n", 4 * 60);
	ok(!has(list_checks[LIST_TOO_MANY].id), "two questions fit in 4 minutes");

	/* A job ask is flagged on its line; a directive turns it off. */
	check_text("Are you hiring at the moment?\n", 30 * 60);
	ok(has("job-ask.hiring@1:error"), "a job ask is an error on its line (%s)", found);
	check_text("Are you hiring at the moment?  # infocoach: ignore job-ask\n", 30 * 60);
	ok(!has("job-ask."), "an 'ignore' directive for its kind turns it off");
	check_text("# infocoach: off duplicate\n"
	    "What does a typical week look like for you?\n"
	    "What does a typical week look like for you?\n", 30 * 60);
	ok(!has(list_checks[LIST_DUPLICATE].id), "duplicates can be turned off by their kind");

	/* An empty file, and one of only comments. */
	check_text("", 30 * 60);
	ok(has(expect(LIST_NO_QUESTIONS, 0)) && !has(list_checks[LIST_REFERRALS].id),
	    "an empty file has no questions, and nothing else is said of it");
	check_text("# nothing yet\n\n", 30 * 60);
	ok(has(expect(LIST_NO_QUESTIONS, 0)), "a file of comments has no questions");

	/* Input that cannot be read is the input's problem, not a finding. */
	char *missing = xasprintf("%s/no-such-file", dir);
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	struct emitter *e = emit_begin(EMIT_TEXT, mem, rs, true);
	struct checker *c = checker_new(as, e, 30 * 60);
	ok(!checker_file(c, missing, NULL), "a file that cannot be opened is a problem of the input");
	emit_end(e, checker_files(c), checker_questions(c));
	checker_free(c);
	fclose(mem);
	free(out);
	free(missing);

	assessor_free(as);
	ruleset_free(rs);
	free(cat.dirs[0].path);
	tap_rmtree(dir);
	free(dir);
	return tap_done();
}
