/*
 * test_report.c -- report.c on its own: the score's parts as the one
 * table that the man page repeats, each part's points for a scripted
 * meeting, and the pacing lines that the text report indents and the
 * HTML page lists.  Sessions run on a virtual clock; nothing sleeps.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "cmd.h"
#include "report.h"
#include "session.h"
#include "tap.h"
#include "xmalloc.h"

static struct ruleset *rs;
static struct assessor *as;
static struct clock clk;

static void
quiet(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)v;
	(void)who;
	(void)text;
}

static struct session *
start(unsigned long duration)
{
	clock_init_virtual(&clk);
	struct session_config cfg = {
		.bank = rs->banks[0], .persona = &rs->banks[0]->personas[0], .assessor = as,
		.clock = &clk, .transcript = NULL, .seed = 1, .duration = duration,
		.say = quiet, .say_arg = NULL,
	};
	return session_new(&cfg);
}

/* Say line at minute:second of the meeting. */
static void
say(struct session *s, unsigned min, unsigned sec, const char *line)
{
	uint64_t target = ((uint64_t)min * 60 + sec) * 1000;
	clock_advance(&clk, target - clk.virtual_ms);
	session_tick(s);
	cmd_input(s, line, strlen(line));
	cmd_conclude(s);
}

/* The man page, its lines as they are in the file; NULL if unread. */
static char *
read_man(const char *top)
{
	char *path = xasprintf("%s/man/infocoach.1", top);
	FILE *fp = fopen(path, "r");
	free(path);
	if (fp == NULL)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, len = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		xgrow((void **)&buf, &cap, len + n + 1, 1);
		memcpy(buf + len, chunk, n);
		len += n;
		buf[len] = '\0';
	}
	fclose(fp);
	return buf;
}

/* Whether the score lines, the pacing lines and the text report's pacing
 * part agree: heading, each line indented by two, then the score. */
static void
check_pacing_text(struct session *s, const char *what)
{
	struct pacing p;
	report_pacing_lines(s, &p);
	struct score sc;
	report_score(s, &sc);
	char *text = report_pacing(s);
	char *want = xstrdup("\nPacing\n");
	for (size_t i = 0; i < p.n; i++) {
		char *next = xasprintf("%s  %s\n", want, p.line[i]);
		free(want);
		want = next;
	}
	char *score = xasprintf("%sScore: %d/100 (etiquette %d/40, coverage of both tiers %d/25, closing "
	    "questions and thanks %d/20, pacing %d/15)\n", want, sc.total, sc.part[SCORE_ETIQUETTE],
	    sc.part[SCORE_COVERAGE], sc.part[SCORE_CLOSING], sc.part[SCORE_PACING]);
	is_str(text, score, what);
	free(score);
	free(want);
	free(text);
	report_pacing_free(&p);
	ok(p.n == 0, "%s: the pacing lines are freed", what);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	if (top == NULL)
		top = ".";

	/* The table: maxima adding up to 100, each part described. */
	int sum = 0;
	for (int i = 0; i < SCORE_PARTS; i++) {
		sum += score_parts[i].max;
		ok(score_parts[i].name != NULL && score_parts[i].label != NULL && score_parts[i].why != NULL &&
		    score_parts[i].why[strlen(score_parts[i].why) - 1] != '.',
		    "score part %d has a name, a label and a reason without a full stop", i);
	}
	is_int(sum, 100, "the score's parts add up to 100");

	/* The man page gives every part as ".It Name, out of N" with the
	 * table's reason on the next line. */
	char *man = read_man(top);
	ok(man != NULL, "the man page is read");
	for (int i = 0; man != NULL && i < SCORE_PARTS; i++) {
		char *entry = xasprintf("\n.It %s, out of %d\n%s.\n", score_parts[i].name, score_parts[i].max,
		    score_parts[i].why);
		if (!ok(strstr(man, entry) != NULL, "the man page describes the score part %s as the report does",
		    score_parts[i].name))
			printf("# want in man/infocoach.1:%s", entry);
		free(entry);
	}
	free(man);

	struct catalog cat = {0};
	cat.dirs[0].path = xasprintf("%s/questionbanks", top);
	cat.ndirs = 1;
	struct diag_list dl = {0};
	rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL, "the shipped banks load"))
		return tap_done();
	as = assessor_new(rs, POLICY_DEFAULT);

	/* Nothing said: nothing practised, no points at all. */
	struct session *s = start(20 * 60);
	say(s, 1, 0, "/end");
	struct score sc;
	report_score(s, &sc);
	is_int(sc.total, 0, "a meeting where nothing was asked scores 0");
	struct pacing p;
	report_pacing_lines(s, &p);
	ok(p.n == 4 && strcmp(p.line[0], "You asked nothing.") == 0 &&
	    strcmp(p.line[3], "You ended the meeting without asking anything: there was no pace to keep.") == 0,
	    "its pacing: nothing asked, neither closing question, no pace to keep");
	report_pacing_free(&p);
	check_pacing_text(s, "nothing asked");
	session_free(s);

	/* Two job topics, the industry, a job ask (an error), referrals
	 * late, no thanks, ended by the user in time. */
	s = start(20 * 60);
	say(s, 1, 0, "What does a typical week look like for you?");
	say(s, 3, 0, "How did you get into this line of work?");
	say(s, 6, 0, "How is your field changing at the moment?");
	say(s, 8, 0, "Are you hiring at the moment? Could you pass my CV on?");
	say(s, 17, 0, "Who else would you suggest I talk to?");
	say(s, 18, 0, "/end");
	report_score(s, &sc);
	is_int(sc.part[SCORE_COVERAGE], 2 * 3 + 10, "coverage: 3 for each of two job topics, 10 for the industry");
	is_int(sc.part[SCORE_CLOSING], 8, "closing: referrals only");
	is_int(sc.part[SCORE_PACING], 10, "pacing: ended by the user; the name never asked");
	ok(sc.part[SCORE_ETIQUETTE] <= 40 - 15, "etiquette: the job ask costs at least an error's 15");
	is_int(sc.total, sc.part[0] + sc.part[1] + sc.part[2] + sc.part[3], "the total is the sum of the parts");
	report_pacing_lines(s, &p);
	bool referrals = false, name = false, on_time = false;
	for (size_t i = 0; i < p.n; i++) {
		referrals |= strcmp(p.line[i], "Referrals: asked at 17:00, in the last five minutes (from 15:00): good timing") == 0;
		name |= strcmp(p.line[i], "Permission to use their name: never asked") == 0;
		on_time |= strcmp(p.line[i], "You wrapped up on time.") == 0;
		ok(p.line[i][0] != ' ' && strchr(p.line[i], '\n') == NULL, "pacing line %zu has no indent or newline", i);
	}
	ok(referrals && name && on_time, "the pacing lines: referrals late, the name never, on time");
	report_pacing_free(&p);
	check_pacing_text(s, "a short meeting");
	session_free(s);

	/* Left with /quit: no pacing points for ending. */
	s = start(20 * 60);
	say(s, 1, 0, "What does a typical week look like for you?");
	say(s, 2, 0, "/quit");
	report_score(s, &sc);
	is_int(sc.part[SCORE_PACING], 0, "leaving with /quit earns no pacing points");
	check_pacing_text(s, "left with /quit");
	session_free(s);

	assessor_free(as);
	ruleset_free(rs);
	free(cat.dirs[0].path);
	return tap_done();
}
