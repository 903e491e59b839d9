/*
 * cli_practice.c -- the 'practice' command (and 'infocoach' alone).
 *
 * Sets up what a rehearsal needs: the rules and the bank (catalog.c),
 * the persona, the transcript, the clock, the display; then hands over
 * to the session (session.c) and the input loop (repl.c).  Returns 3
 * when a turn could not be saved, and re-raises a terminating signal
 * once everything is flushed.
 */
#include <config.h>

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assess.h"
#include "catalog.h"
#include "cli.h"
#include "clock.h"
#include "diag.h"
#include "duration.h"
#include "files.h"
#include "plan.h"
#include "plan_load.h"
#include "repl.h"
#include "settings.h"
#include "session.h"
#include "text.h"
#include "transcript.h"
#include "xmalloc.h"

static void
mock_usage(FILE *fp)
{
	fputs("Usage: infocoach mock [OPTION]...\n"
	    "A mock informational interview under a real clock (default 30 minutes):\n"
	    "the coach tells you when to agree the time frame, at half time, when five\n"
	    "minutes remain and when time is up; after a short grace (10% of the time,\n"
	    "at most 3 minutes) the host ends the meeting, and the report adds pacing\n"
	    "and a score out of 100.  The prompt shows the minutes left.  The clock\n"
	    "keeps running while the program is suspended (Ctrl-Z), as a meeting would.\n"
	    "\n"
	    "  -d, --duration D         the agreed length, e.g. 20m, 1h, 90s (default 30m,\n"
	    "                           or the config file's duration)\n"
	    "Every option of 'infocoach practice' works here too; see its --help.\n", fp);
}

static void
practice_usage(FILE *fp)
{
	fputs("Usage: infocoach [practice] [OPTION]...\n"
	    "Rehearse an informational interview: the program plays the host, you ask\n"
	    "the questions, and a coach flags job asks, pay questions and other slips\n"
	    "as you make them.  Lines starting with '/' are commands (/help lists them).\n"
	    "\n"
	    "  -b, --bank NAME|FILE     the question bank (default: general)\n"
	    "  -P, --persona ID         the host to talk to (default: the bank's first)\n"
	    "  -s, --seed N             make every choice of reply reproducible\n"
	    "  -d, --duration D         time the rehearsal, e.g. 30m (default: untimed)\n"
	    "  -p, --policy POLICY      severities: strict, default or lenient\n"
	    "      --questions FILE     rehearse your own list of questions: checked as\n"
	    "                           'infocoach check' checks it first, then /next\n"
	    "                           and Tab offer its questions and the report says\n"
	    "                           which were asked; a list that asks for a job is\n"
	    "                           refused\n"
	    "      --force              rehearse a list that asks for a job anyway\n"
	    "  -t, --transcript FILE    write the transcript here (default: a new file in\n"
	    "                           $XDG_STATE_HOME/infocoach/sessions/)\n"
	    "      --no-transcript      keep no transcript (and no thank-you draft file)\n"
	    "      --events FILE        append one JSON object per line said to the host:\n"
	    "                           how it was understood, the flags, the reply\n"
	    "      --no-history         do not read or save the input history\n"
	    "      --color WHEN         auto (default), always or never; NO_COLOR is honoured\n"
	    "  -c, --config FILE        read settings from FILE (default:\n"
	    "                           .infocoach.yaml here or in a parent, else\n"
	    "                           $XDG_CONFIG_HOME/infocoach/config.yaml)\n"
	    "      --no-config          read no config file\n"
	    "  -h, --help               show this help\n"
	    "\n"
	    "The config file can set bank, persona, duration (mock's), policy, color\n"
	    "and transcript-dir; options here win.  'infocoach config' shows them.\n"
	    "A file named /dev/null (--config, --transcript, --events, transcript-dir)\n"
	    "means none.\n"
	    "\n"
	    "Keys: Tab completes commands and the bank's questions, Ctrl-C clears the\n"
	    "line, Ctrl-D ends the meeting as /end does.  When standard input is not a\n"
	    "terminal, lines are read from it with no prompt, so a rehearsal can be\n"
	    "scripted.\n"
	    "\n"
	    "Exit status: 0 done, 2 usage error or invalid bank, 3 a turn or the\n"
	    "thank-you draft could not be saved, 128+N ended by signal N.\n", fp);
}

/* What the command line (and the config file under it) asked of a
 * practice or mock session. */
struct practice_opts {
	struct cli_common co;           /* bank, policy, duration, seed, color,
	                                   config (co.cf: persona and
	                                   transcript-dir) */
	bool mock;                      /* mock: timed, with pacing and a score */
	const char *persona;            /* -P/--persona ID, or NULL */
	const char *questions;          /* --questions FILE, or NULL */
	bool force;                     /* --force: rehearse a list that asks
	                                   for a job */
	const char *transcript;         /* -t/--transcript FILE, or NULL */
	bool no_transcript;             /* --no-transcript */
	const char *events;             /* --events FILE, or NULL */
	bool no_history;                /* --no-history */
};

/* cli_parse()'s taker for practice's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct practice_opts *o = data;
	switch (c) {
	case 'b':
		o->co.bank = arg;
		return true;
	case 'P':
		o->persona = arg;
		return true;
	case 'Q':
		if (arg[0] == '\0') {
			cli_usage_error(o->co.cmd, "--questions needs a file");
			return false;
		}
		o->questions = arg;
		return true;
	case 'F':
		o->force = true;
		return true;
	case 't':
		o->transcript = arg;
		return true;
	case 'E':
		o->events = arg;
		return true;
	case 'T':
		o->no_transcript = true;
		return true;
	case 'H':
		o->no_history = true;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/*
 * Parse practice's (mock's) options into o, check how they go together and
 * merge the config file under them.  Returns CLI_RUN, or an exit status
 * after the help or a message.  o is to be freed with cli_common_free().
 */
static int
parse_options(int argc, char **argv, bool mock, struct practice_opts *o)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"persona", required_argument, NULL, 'P'},
		{"seed", required_argument, NULL, 's'},
		{"duration", required_argument, NULL, 'd'},
		{"policy", required_argument, NULL, 'p'},
		{"questions", required_argument, NULL, 'Q'},
		{"force", no_argument, NULL, 'F'},
		{"transcript", required_argument, NULL, 't'},
		{"no-transcript", no_argument, NULL, 'T'},
		{"events", required_argument, NULL, 'E'},
		{"no-history", no_argument, NULL, 'H'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	*o = (struct practice_opts){
		.co = {
			.cmd = mock ? "mock" : "practice",
			.usage = mock ? mock_usage : practice_usage,
			/* practice is untimed unless asked: the file's
			 * duration is mock's */
			.from_config = CLI_FROM(SETTING_BANK) | CLI_FROM(SETTING_PERSONA) |
			    CLI_FROM(SETTING_POLICY) | CLI_FROM(SETTING_COLOR) |
			    CLI_FROM(SETTING_TRANSCRIPT_DIR) | (mock ? CLI_FROM(SETTING_DURATION) : 0),
			.policy = POLICY_DEFAULT,
			.duration = mock ? MEETING_DEFAULT_S : 0,
		},
		.mock = mock,
	};
	const char *cmd = o->co.cmd;
	int status = cli_parse(argc, argv, "b:P:s:d:p:t:c:h", opts, &o->co, take_option, o);
	if (status != CLI_RUN)
		return status;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (o->force && o->questions == NULL)
		return cli_usage_error(cmd, "--force goes with --questions FILE");
	if (o->questions != NULL && strcmp(o->questions, "-") == 0)
		return cli_usage_error(cmd, "--questions cannot read standard input: the session reads it");
	if (o->transcript != NULL && o->no_transcript)
		return cli_usage_error(cmd, "--transcript and --no-transcript do not go together");
	if (!cli_merge_settings(&o->co))
		return STATUS_INVALID;
	return CLI_RUN;
}

/* What a rehearsal holds while it runs; finish() releases it. */
struct rehearsal {
	struct ruleset *rs;             /* the rules and the bank (owned) */
	const struct bank *bank;        /* the bank talked about (in rs) */
	const struct persona *persona;  /* the host (in bank) */
	bool interactive;               /* a terminal on both sides */
	struct clock clk;               /* the session's clock */
	uint64_t step_ms;               /* the test clock's step per piped
	                                   line, or 0 */
	struct assessor *as;            /* judges each line (NULL: not yet) */
	struct plan *plan;              /* --questions' list, or NULL (owned) */
	struct transcript *tr;          /* the transcript, or NULL (owned) */
	struct transcript *ev;          /* the events file, or NULL (owned) */
	char *history;                  /* the input history's file, or NULL
	                                   (owned) */
	struct session *s;              /* the conversation (owned) */
};

/* Load the rules and the bank into r and choose the host, saying why
 * not when either cannot be had.  Returns false after a message. */
static bool
open_host(const struct practice_opts *o, struct rehearsal *r)
{
	const struct settings *cf = &o->co.cf;
	const char *bank_name = o->co.bank;
	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	r->rs = catalog_open(&cat, bank_name ? &bank_name : NULL, bank_name ? 1 : 0, &dl);
	diag_flush(&dl, stderr);
	catalog_free(&cat);
	if (r->rs == NULL) {
		if (o->co.bank_from_config) {
			char *origin = settings_origin(cf, SETTING_BANK);
			text_printf(stderr, "(The bank is set in %s; use --bank or --no-config.)\n", origin);
			free(origin);
		}
		return false;
	}
	if (r->rs->nbanks == 0) {
		diag_error("'%s' is a rule file, not a bank with personas", bank_name);
		return false;
	}
	const struct bank *bank = r->rs->banks[0];
	const struct persona *persona = o->persona ? bank_persona(bank, o->persona) : &bank->personas[0];
	if (o->persona == NULL && cf->value[SETTING_PERSONA] != NULL) {
		/* A host from the config file belongs to one bank; with another
		 * bank, say so and talk to that bank's first host. */
		const struct persona *p = bank_persona(bank, cf->value[SETTING_PERSONA]);
		if (p != NULL) {
			persona = p;
		} else {
			char *origin = settings_origin(cf, SETTING_PERSONA);
			text_printf(stderr, "infocoach: %s: warning: bank '%s' has no persona '%s'; talking to %s\n",
			    origin, bank->id, cf->value[SETTING_PERSONA], persona->name);
			free(origin);
		}
	}
	if (persona == NULL) {
		diag_error("bank '%s' has no persona '%s'; it has:", bank->id, o->persona);
		for (size_t i = 0; i < bank->npersonas; i++)
			text_printf(stderr, "  %s (%s, %s)\n", bank->personas[i].id, bank->personas[i].name,
			    bank->personas[i].style);
		return false;
	}
	r->bank = bank;
	r->persona = persona;
	return true;
}

/* Start r's clock: the monotonic one, or with INFOCOACH_TEST_CLOCK=STEP
 * and piped input a virtual clock that moves STEP before each line, so
 * timed sessions can be tested without waiting.  False after a message. */
static bool
start_clock(struct rehearsal *r)
{
	const char *test_clock = getenv("INFOCOACH_TEST_CLOCK");
	if (test_clock == NULL || test_clock[0] == '\0' || r->interactive) {
		clock_init_monotonic(&r->clk);
		return true;
	}
	unsigned long step = 0;
	if (!duration_parse(test_clock, &step)) {
		diag_error("invalid INFOCOACH_TEST_CLOCK '%s' (a duration such as 90s)", test_clock);
		return false;
	}
	clock_init_virtual(&r->clk);
	r->step_ms = (uint64_t)step * 1000;
	return true;
}

/* Open the transcript (and write its header) and the events file the
 * options ask for.  False after a message. */
static bool
open_records(const struct practice_opts *o, struct rehearsal *r)
{
	const char *dir = o->co.cf.value[SETTING_TRANSCRIPT_DIR];
	char err[512];
	/* /dev/null for a file means none, as --no-transcript does. */
	bool none = o->no_transcript || files_is_none(o->transcript) ||
	    (o->transcript == NULL && files_is_none(dir));
	if (!none) {
		r->tr = o->transcript ? transcript_open(o->transcript, err, sizeof err) :
		    transcript_create(dir, r->bank->id, clock_wall(&r->clk), err, sizeof err);
		if (r->tr == NULL) {
			diag_error("%s", err);
			fprintf(stderr, "Use --transcript FILE to choose another place, or --no-transcript.\n");
			return false;
		}
		const struct persona *p = r->persona;
		char *host = xasprintf("%s, %s at %s", p->name, p->role, p->employer);
		struct transcript_meta meta = {
			.mock = o->mock, .bank_id = r->bank->id, .bank_title = r->bank->title, .host = host,
			.persona_id = p->id, .started_ms = clock_wall_ms(&r->clk), .duration = o->co.duration,
			.policy = policy_name(o->co.policy), .plan = r->plan,
		};
		if (transcript_begin(r->tr, &meta) != 0)
			diag_error("%s", transcript_error(r->tr));
		free(host);
	}
	if (o->events != NULL && !files_is_none(o->events) &&
	    (r->ev = transcript_open(o->events, err, sizeof err)) == NULL) {
		diag_error("%s", err);
		return false;
	}
	return true;
}

/* On a terminal, say what is starting; for any unusual length, say so. */
static void
greet(const struct practice_opts *o, const struct rehearsal *r, struct repl_options *ro)
{
	unsigned long duration = o->co.duration;
	if (r->interactive) {
		char *banner = xasprintf("%s with %s (%s). Type /help for commands, /end to finish.\n",
		    o->mock ? "Mock interview" : "Practice", r->persona->name, r->bank->title);
		repl_say(ro, VOICE_INFO, NULL, banner);
		free(banner);
	}
	if (duration > 0 && (duration < MEETING_USUAL_MIN_S || duration > MEETING_USUAL_MAX_S)) {
		char d[32];
		duration_format(duration, d, sizeof d);
		char *note = xasprintf("Note: informational interviews usually last 20 to 30 minutes; "
		    "this one is planned for %s.", d);
		repl_say(ro, VOICE_INFO, NULL, note);
		free(note);
	}
}

/* Close what r holds, saying what could not be saved; returns status, or
 * STATUS_UNSAVED when a record was lost. */
static int
finish(struct rehearsal *r, int status)
{
	session_free(r->s);
	if (r->tr != NULL) {
		size_t lost = transcript_pending(r->tr);
		char *path = xstrdup(transcript_path(r->tr));
		/* STATUS_UNSAVED here can only come from the session, which has
		 * been freed above: its verdict is all that is left of it. */
		if (transcript_close(r->tr) != 0 || status == STATUS_UNSAVED) {
			status = STATUS_UNSAVED;
			if (lost > 0)
				diag_error("the transcript %s is incomplete: %zu records could not be saved", path, lost);
			else
				diag_error("saving to %s failed during the session; the turns were saved later, "
				    "but check the file", path);
		}
		free(path);
	}
	if (r->ev != NULL) {
		size_t lost = transcript_pending(r->ev);
		char *path = xstrdup(transcript_path(r->ev));
		if (transcript_close(r->ev) != 0 || lost > 0) {
			status = STATUS_UNSAVED;
			diag_error("the events file %s is incomplete: %zu lines could not be saved", path, lost);
		}
		free(path);
	}
	assessor_free(r->as);
	plan_free(r->plan);
	ruleset_free(r->rs);
	free(r->history);
	return status;
}

/*
 * Hold the rehearsal o asks for: set up the host, the clock, the records
 * and the input, then hand over to the session and the input loop.
 * Returns the exit status; *sig is the signal that ended it, or 0.
 */
static int
run(const struct practice_opts *o, int *sig)
{
	struct rehearsal r = {0};
	int status = STATUS_INVALID;

	if (!open_host(o, &r))
		goto out;
	r.interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool use_color = cli_use_color(o->co.color, r.interactive);
	diag_set_color(cli_use_color(o->co.color, isatty(STDERR_FILENO)));
	if (!start_clock(&r))
		goto out;
	r.as = assessor_new(r.rs, o->co.policy);
	assessor_set_employer(r.as, r.persona->employer);
	if (o->questions != NULL) {
		/* Before the transcript is made: a refused list leaves none. */
		r.plan = plan_load(o->questions, r.as, o->co.duration, o->force, stdout);
		fflush(stdout);
		if (r.plan == NULL)
			goto out;
	}
	/* The header's start, the host's opening and the session's own
	 * start are one instant, so the transcript's times are the session's. */
	clock_hold(&r.clk);
	if (!open_records(o, &r))
		goto out;
	if (!o->no_history && r.interactive) {
		const char *origin;
		r.history = files_history_path(&origin);
	}
	unsigned long long seed = o->co.seeded ? o->co.seed :
	    (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 16);

	struct repl_options ro = {
		.interactive = r.interactive, .step_ms = r.step_ms, .color = use_color,
		.history = r.history, .bank = r.bank,
	};
	struct session_config cfg = {
		.bank = r.bank, .persona = r.persona, .assessor = r.as, .clock = &r.clk,
		.transcript = r.tr, .events = r.ev, .plan = r.plan, .seed = seed, .duration = o->co.duration,
		.local_greeting = r.interactive,
		.say = repl_say, .say_arg = &ro,
	};
	greet(o, &r, &ro);
	r.s = session_new(&cfg);
	clock_release(&r.clk);
	*sig = repl_run(r.s, &ro);
	status = r.s->save_failed || r.s->events_failed ? STATUS_UNSAVED : STATUS_OK;
out:
	return finish(&r, status);
}

/* practice and mock: the same conversation, mock with a clock. */
static int
practice_or_mock(int argc, char **argv, bool mock)
{
	struct practice_opts o;
	int sig = 0;
	int status = parse_options(argc, argv, mock, &o);
	if (status == CLI_RUN)
		status = run(&o, &sig);
	cli_common_free(&o.co);
	if (sig != 0)
		cli_die_of(sig);
	return status;
}

int
cli_practice(int argc, char **argv)
{
	return practice_or_mock(argc, argv, false);
}

int
cli_mock(int argc, char **argv)
{
	return practice_or_mock(argc, argv, true);
}
