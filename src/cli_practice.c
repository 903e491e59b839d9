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

#include <errno.h>
#include <getopt.h>
#include <signal.h>
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

/* practice and mock: the same conversation, mock with a clock. */
static int
run(int argc, char **argv, bool mock)
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
	/* NULL or false: not given, so the config file or the default decides. */
	const char *bank_name = NULL, *persona_id = NULL, *transcript_file = NULL, *color = NULL;
	const char *config_path = NULL, *events_file = NULL, *questions = NULL;
	bool force = false;
	struct plan *plan = NULL;
	bool no_transcript = false, no_history = false, seeded = false, no_config = false;
	bool duration_given = false, policy_given = false;
	unsigned long long seed = 0;
	unsigned long duration = 0;
	const char *cmd = mock ? "mock" : "practice";
	enum policy policy = POLICY_DEFAULT;
	struct settings cf = {0};
	int status = STATUS_INVALID, c;
	struct ruleset *rs = NULL;
	struct transcript *tr = NULL, *ev = NULL;
	char *history = NULL;
	struct session *s = NULL;
	struct assessor as;
	bool as_ready = false;
	int sig = 0;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "b:P:s:d:p:t:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			bank_name = optarg;
			break;
		case 'P':
			persona_id = optarg;
			break;
		case 's': {
			char *end;
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || optarg[0] == '\0' || optarg[0] == '-') {
				cli_usage_error(cmd, "invalid seed '%s' (a whole number)", optarg);
				goto out;
			}
			seeded = true;
			break;
		}
		case 'd':
			if (!duration_parse(optarg, &duration)) {
				cli_usage_error(cmd, "invalid duration '%s' (" DURATION_HINT ")", optarg);
				goto out;
			}
			duration_given = true;
			break;
		case 'p': {
			int p = policy_lookup(optarg);
			if (p < 0) {
				cli_usage_error(cmd, "invalid policy '%s' (expected strict, default or lenient)", optarg);
				goto out;
			}
			policy = (enum policy)p;
			policy_given = true;
			break;
		}
		case 'Q':
			if (optarg[0] == '\0') {
				cli_usage_error(cmd, "--questions needs a file");
				goto out;
			}
			questions = optarg;
			break;
		case 'F':
			force = true;
			break;
		case 't':
			transcript_file = optarg;
			break;
		case 'E':
			events_file = optarg;
			break;
		case 'T':
			no_transcript = true;
			break;
		case 'H':
			no_history = true;
			break;
		case 'C':
			if (!cli_color_ok(cmd, optarg))
				goto out;
			color = optarg;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'N':
			no_config = true;
			break;
		case 'h':
			if (mock)
				mock_usage(stdout);
			else
				practice_usage(stdout);
			status = STATUS_OK;
			goto out;
		default:
			fprintf(stderr, "Try 'infocoach %s --help' for more information.\n", cmd);
			goto out;
		}
	}
	if (optind < argc) {
		cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (force && questions == NULL) {
		cli_usage_error(cmd, "--force goes with --questions FILE");
		goto out;
	}
	if (questions != NULL && strcmp(questions, "-") == 0) {
		cli_usage_error(cmd, "--questions cannot read standard input: the session reads it");
		goto out;
	}
	if (transcript_file != NULL && no_transcript) {
		cli_usage_error(cmd, "--transcript and --no-transcript do not go together");
		goto out;
	}
	/* The command line wins over the config file, the file over the defaults. */
	if (!cli_settings(cmd, config_path, no_config, &cf))
		goto out;
	bool bank_from_config = bank_name == NULL && cf.value[SETTING_BANK] != NULL;
	if (bank_name == NULL)
		bank_name = cf.value[SETTING_BANK];
	if (!duration_given)
		duration = !mock ? 0 : cf.value[SETTING_DURATION] != NULL ? cf.duration : MEETING_DEFAULT_S;
	if (!policy_given && cf.value[SETTING_POLICY] != NULL)
		policy = cf.policy;
	if (color == NULL)
		color = cf.value[SETTING_COLOR] != NULL ? cf.value[SETTING_COLOR] : "auto";

	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	rs = catalog_open(&cat, bank_name ? &bank_name : NULL, bank_name ? 1 : 0, &dl);
	diag_flush(&dl, stderr);
	catalog_free(&cat);
	if (rs == NULL) {
		if (bank_from_config) {
			char *o = settings_origin(&cf, SETTING_BANK);
			text_printf(stderr, "(The bank is set in %s; use --bank or --no-config.)\n", o);
			free(o);
		}
		goto out;
	}
	if (rs->nbanks == 0) {
		diag_error("'%s' is a rule file, not a bank with personas", bank_name);
		goto out;
	}
	const struct bank *bank = rs->banks[0];
	const struct persona *persona = persona_id ? bank_persona(bank, persona_id) : &bank->personas[0];
	if (persona_id == NULL && cf.value[SETTING_PERSONA] != NULL) {
		/* A host from the config file belongs to one bank; with another
		 * bank, say so and talk to that bank's first host. */
		const struct persona *p = bank_persona(bank, cf.value[SETTING_PERSONA]);
		if (p != NULL) {
			persona = p;
		} else {
			char *o = settings_origin(&cf, SETTING_PERSONA);
			text_printf(stderr, "infocoach: %s: warning: bank '%s' has no persona '%s'; talking to %s\n", o, bank->id,
			    cf.value[SETTING_PERSONA], persona->name);
			free(o);
		}
	}
	if (persona == NULL) {
		diag_error("bank '%s' has no persona '%s'; it has:", bank->id, persona_id);
		for (size_t i = 0; i < bank->npersonas; i++)
			text_printf(stderr, "  %s (%s, %s)\n", bank->personas[i].id, bank->personas[i].name,
			    bank->personas[i].style);
		goto out;
	}

	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool use_color = cli_use_color(color, interactive);
	diag_set_color(cli_use_color(color, isatty(STDERR_FILENO)));

	/* INFOCOACH_TEST_CLOCK=STEP: a virtual clock that moves STEP before
	 * each piped line, so timed sessions can be tested without waiting. */
	struct clock clk;
	uint64_t step_ms = 0;
	const char *test_clock = getenv("INFOCOACH_TEST_CLOCK");
	unsigned long step = 0;
	if (test_clock != NULL && test_clock[0] != '\0' && !interactive) {
		if (!duration_parse(test_clock, &step)) {
			diag_error("invalid INFOCOACH_TEST_CLOCK '%s' (a duration such as 90s)", test_clock);
			goto out;
		}
		clock_init_virtual(&clk);
		step_ms = (uint64_t)step * 1000;
	} else {
		clock_init_monotonic(&clk);
	}
	assessor_init(&as, rs, policy);
	as_ready = true;
	if (questions != NULL) {
		/* Before the transcript is made: a refused list leaves none. */
		plan = plan_load(questions, &as, duration, force, stdout);
		fflush(stdout);
		if (plan == NULL)
			goto out;
	}
	/* The header's start, the host's opening and the session's own
	 * start are one instant, so the transcript's times are the session's. */
	clock_hold(&clk);
	char err[512];
	/* /dev/null for a file means none, as --no-transcript does. */
	if (files_is_none(transcript_file) ||
	    (transcript_file == NULL && files_is_none(cf.value[SETTING_TRANSCRIPT_DIR])))
		no_transcript = true;
	if (files_is_none(events_file))
		events_file = NULL;
	if (!no_transcript) {
		tr = transcript_file ? transcript_open(transcript_file, err, sizeof err) :
		    transcript_create(cf.value[SETTING_TRANSCRIPT_DIR], bank->id, clock_wall(&clk), err, sizeof err);
		if (tr == NULL) {
			diag_error("%s", err);
			fprintf(stderr, "Use --transcript FILE to choose another place, or --no-transcript.\n");
			goto out;
		}
		char *host = xasprintf("%s, %s at %s", persona->name, persona->role, persona->employer);
		struct transcript_meta meta = {
			.mock = mock, .bank_id = bank->id, .bank_title = bank->title, .host = host,
			.persona_id = persona->id, .started_ms = clock_wall_ms(&clk), .duration = duration,
			.policy = policy_name(policy), .plan = plan,
		};
		if (transcript_begin(tr, &meta) != 0)
			diag_error("%s", transcript_error(tr));
		free(host);
	}
	if (events_file != NULL && (ev = transcript_open(events_file, err, sizeof err)) == NULL) {
		diag_error("%s", err);
		goto out;
	}
	if (!no_history && interactive) {
		const char *origin;
		history = files_history_path(&origin);
	}
	if (!seeded)
		seed = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 16);

	struct repl_options ro = {
		.interactive = interactive, .step_ms = step_ms, .color = use_color,
		.history = history, .bank = bank,
	};
	struct session_config cfg = {
		.bank = bank, .persona = persona, .assessor = &as, .clock = &clk,
		.transcript = tr, .events = ev, .plan = plan, .seed = seed, .duration = duration,
		.say = repl_say, .say_arg = &ro,
	};
	if (interactive) {
		char *banner = xasprintf("%s with %s (%s). Type /help for commands, /end to finish.\n",
		    mock ? "Mock interview" : "Practice", persona->name, bank->title);
		repl_say(&ro, VOICE_INFO, NULL, banner);
		free(banner);
	}
	if (duration > 0 && (duration < MEETING_USUAL_MIN_S || duration > MEETING_USUAL_MAX_S)) {
		char d[32];
		duration_format(duration, d, sizeof d);
		char *note = xasprintf("Note: informational interviews usually last 20 to 30 minutes; "
		    "this one is planned for %s.", d);
		repl_say(&ro, VOICE_INFO, NULL, note);
		free(note);
	}
	s = session_new(&cfg);
	clock_release(&clk);
	sig = repl_run(s, &ro);
	status = s->save_failed || s->events_failed ? STATUS_UNSAVED : STATUS_OK;
out:
	settings_free(&cf);
	session_free(s);
	if (tr != NULL) {
		size_t lost = transcript_pending(tr);
		char *path = xstrdup(transcript_path(tr));
		/* STATUS_UNSAVED here can only come from the session, which has
		 * been freed above: its verdict is all that is left of it. */
		if (transcript_close(tr) != 0 || status == STATUS_UNSAVED) {
			status = STATUS_UNSAVED;
			if (lost > 0)
				diag_error("the transcript %s is incomplete: %zu records could not be saved", path, lost);
			else
				diag_error("saving to %s failed during the session; the turns were saved later, "
				    "but check the file", path);
		}
		free(path);
	}
	if (ev != NULL) {
		size_t lost = transcript_pending(ev);
		char *path = xstrdup(transcript_path(ev));
		if (transcript_close(ev) != 0 || lost > 0) {
			status = STATUS_UNSAVED;
			diag_error("the events file %s is incomplete: %zu lines could not be saved", path, lost);
		}
		free(path);
	}
	if (as_ready)
		assessor_free(&as);
	plan_free(plan);
	ruleset_free(rs);
	free(history);
	if (sig != 0) {
		/* Everything is flushed: die of the signal, as the caller expects. */
		fflush(stdout);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}

int
cli_practice(int argc, char **argv)
{
	return run(argc, argv, false);
}

int
cli_mock(int argc, char **argv)
{
	return run(argc, argv, true);
}
