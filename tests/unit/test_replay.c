/*
 * test_replay.c -- a session rebuilt from its transcript has the record
 * of the live session: the same turns with the same categories, the same
 * flags, the same end, and so the same pacing, flags report and score.
 * Each case holds a live session on a virtual clock with a transcript,
 * reads the transcript back, replays it and compares.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess.h"
#include "catalog.h"
#include "cmd.h"
#include "replay.h"
#include "report.h"
#include "session.h"
#include "tap.h"
#include "transcript.h"
#include "transcript_read.h"
#include "xmalloc.h"

static char *dir;           /* scratch directory (tap_tmpdir) */
static struct ruleset *rs;

static void
discard(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)v;
	(void)who;
	(void)text;
}

/* One step of a scripted session: at second `at` (and `ms` more), the
 * user types line (a /command or something said), or only the clock
 * moves (line NULL). */
struct step {
	unsigned at;
	const char *line;
	unsigned ms;
};

/* Where the virtual clock is when the session starts: a live session
 * rarely starts on a whole second of the wall clock. */
static unsigned start_ms;

/* Run a live session and its replay; compare their records. */
static void
compare(const char *name, unsigned long duration, enum policy policy, const struct step *steps, size_t n)
{
	char err[512];
	char *path = xasprintf("%s/%s.md", dir, name);
	struct transcript *tr = transcript_open(path, err, sizeof err);
	struct assessor *as;
	struct clock clk;
	const struct bank *b = rs->banks[0];
	const struct persona *p = &b->personas[1 % b->npersonas];

	as = assessor_new(rs, policy);
	clock_init_virtual(&clk);
	clock_advance(&clk, start_ms);
	char *host = xasprintf("%s, %s at %s", p->name, p->role, p->employer);
	struct transcript_meta meta = {
		.mock = duration > 0, .bank_id = b->id, .bank_title = b->title, .host = host,
		.persona_id = p->id, .started_ms = clock_wall_ms(&clk), .duration = duration,
		.policy = policy_name(policy),
	};
	transcript_begin(tr, &meta);
	free(host);
	struct session_config cfg = {
		.bank = b, .persona = p, .assessor = as, .clock = &clk, .transcript = tr,
		.seed = 7, .duration = duration, .say = discard,
	};
	struct session *live = session_new(&cfg);
	for (size_t i = 0; i < n && !session_over(live); i++) {
		clock_advance(&clk, start_ms + (uint64_t)steps[i].at * 1000 + steps[i].ms - clock_now(&clk));
		session_tick(live);
		if (steps[i].line != NULL)
			cmd_input(live, steps[i].line, strlen(steps[i].line));
	}
	cmd_finish(live);
	transcript_close(tr);

	struct diag_list dl = {0};
	struct transcript_doc *d = transcript_read(path, &dl);
	struct replay *r = d != NULL ? replay_run(d, NULL, &dl) : NULL;
	diag_flush(&dl, stdout);
	if (!ok(r != NULL, "%s: the transcript replays", name))
		goto out;
	struct session *s = r->s;
	ok(strcmp(r->persona->id, p->id) == 0, "%s: the same persona (%s)", name, p->id);
	bool same = s->nturns == live->nturns;
	for (size_t i = 0; same && i < s->nturns; i++)
		same = strcmp(s->turns[i].text, live->turns[i].text) == 0 && s->turns[i].cat == live->turns[i].cat &&
		    s->turns[i].at_ms == live->turns[i].at_ms && s->turns[i].flagged == live->turns[i].flagged;
	ok(same, "%s: the same %zu turns, categories and times", name, live->nturns);
	ok(memcmp(s->asked, live->asked, sizeof s->asked) == 0, "%s: the same questions by category", name);
	ok(session_over(s) && session_time_used(s) == session_time_used(live) &&
	    session_state(s) == session_state(live) && s->thanked == live->thanked,
	    "%s: the same end (at %lu ms%s%s)", name, (unsigned long)session_time_used(live),
	    session_ended_by_clock(live) ? ", by the clock" : "", session_quit(live) ? ", /quit" : "");
	char *f1 = report_flags(live), *f2 = report_flags(s);
	ok(strcmp(f1, f2) == 0, "%s: the same flags report", name);
	free(f1);
	free(f2);
	if (duration > 0) {
		char *p1 = report_pacing(live), *p2 = report_pacing(s);
		if (!ok(strcmp(p1, p2) == 0, "%s: the same pacing and score", name))
			printf("# live:\n%s\n# replay:\n%s\n", p1, p2);
		free(p1);
		free(p2);
	}
	size_t you = 0, mapped = 0;
	for (size_t i = 0; i < d->nrecords; i++) {
		you += d->records[i].speaker == SPEAKER_YOU;
		mapped += r->turn[i] != REPLAY_NO_TURN && d->records[i].speaker == SPEAKER_YOU &&
		    strcmp(s->turns[r->turn[i]].text, d->records[i].text) == 0;
	}
	ok(you == live->nturns && mapped == you, "%s: every 'you' record maps to its turn", name);
out:
	replay_free(r);
	transcript_doc_free(d);
	session_free(live);
	assessor_free(as);
	free(path);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	dir = tap_tmpdir("infocoach-replay");
	/* The replay finds its bank like the program: through XDG_DATA_HOME. */
	char *data = xasprintf("%s/data/infocoach", dir);
	char *cmd = xasprintf("mkdir -p '%s' && ln -s '%s/questionbanks' '%s/questionbanks'", data,
	    top ? top : ".", data);
	if (system(cmd) != 0)
		printf("# %s failed\n", cmd);
	free(cmd);
	char *xdg = xasprintf("%s/data", dir);
	setenv("XDG_DATA_HOME", xdg, 1);
	free(xdg);
	free(data);

	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	catalog_free(&cat);
	if (!ok(rs != NULL, "the default bank loads"))
		return tap_done();

	static const struct step good[] = {
		{30, "I trained as a chemist and want to see other work.", 0},
		{95, "What does a typical week look like for you?", 0},
		{200, "How much do you make?", 0},
		{330, "How did you get into this line of work?", 0},
		{420, "Are you hiring at the moment?", 0},
		{610, "How is your field changing at the moment?", 0},
		{800, "/report", 0},
		{930, "Who else would you suggest I talk to?", 0},
		{1010, "May I mention your name when I contact them?", 0},
		{1100, "Thank you so much for your time.", 0},
		{1175, "/end", 0},
	};
	compare("mock-end", 20 * 60, POLICY_DEFAULT, good, sizeof good / sizeof *good);
	compare("mock-strict", 20 * 60, POLICY_STRICT, good, sizeof good / sizeof *good);
	static const struct step late[] = {
		{61, "What does a typical week look like for you?", 0},
		{250, "What do you enjoy most?", 0},
		{570, "Who else would you suggest I talk to?", 0},
		{640, NULL, 0},
		{700, "Anything else?", 0},
	};
	compare("mock-clock", 10 * 60, POLICY_DEFAULT, late, sizeof late / sizeof *late);
	compare("mock-eof", 10 * 60, POLICY_DEFAULT, late, 3);
	static const struct step quit[] = {
		{40, "What does a typical week look like for you?", 0},
		{100, "What is your salary?", 0},
		{130, "/quit", 0},
	};
	compare("mock-quit", 25 * 60, POLICY_DEFAULT, quit, sizeof quit / sizeof *quit);
	compare("practice", 0, POLICY_LENIENT, good, sizeof good / sizeof *good);
	/* Started at .600 of a second, lines at odd milliseconds: the
	 * transcript's times are to the ms, so the replay is not a second
	 * off (issue 15: the live report said 1:46, the replay 1:47). */
	static const struct step odd[] = {
		{21, "What does a typical week look like for you?", 350},
		{66, "How is your field changing at the moment?", 500},
		{106, "Who else would you suggest I talk to?", 450},
		{150, "May I mention your name when I contact them?", 999},
		{175, "/end", 401},
	};
	start_ms = 600;
	compare("mock-subsecond", 3 * 60, POLICY_DEFAULT, odd, sizeof odd / sizeof *odd);
	compare("practice-subsecond", 0, POLICY_DEFAULT, odd, sizeof odd / sizeof *odd);
	start_ms = 0;

	ruleset_free(rs);
	tap_rmtree(dir);
	free(dir);
	return tap_done();
}
