/*
 * cli_review.c -- the 'review' command: redo what went wrong in a past
 * session.
 *
 * Finds the transcript (the one named, else the latest session in the
 * transcript directory, found as 'progress' finds them), rebuilds the
 * session as 'report' does (replay.c), opens the transcript for
 * appending with the transcript's own rules (transcript.c), and runs the
 * walk-through (review.c) on standard input through the REPL (repl.c):
 * readline on a terminal, plain lines from a pipe.
 */
#include <config.h>

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "diag.h"
#include "files.h"
#include "progress.h"
#include "repl.h"
#include "replay.h"
#include "review.h"
#include "settings.h"
#include "text.h"
#include "transcript.h"
#include "transcript_read.h"
#include "xmalloc.h"

static void
review_usage(FILE *fp)
{
	fputs("Usage: infocoach review [OPTION]... [TRANSCRIPT]\n"
	    "Redo what went wrong in a practice or mock session: each line the coach\n"
	    "flagged, then each topic you never asked about.  For each, type a better\n"
	    "version and the coach judges it at once, as in the session (up to 3\n"
	    "tries); an empty line or /skip moves on, /stop ends the review.  The tries\n"
	    "and the verdicts are appended to the transcript as a review (nothing said\n"
	    "in the session is changed), and 'infocoach report' shows them.  Without a\n"
	    "TRANSCRIPT, the latest session in the transcript directory.  What an\n"
	    "earlier review of the transcript put better is left out.  When\n"
	    "standard input is not a terminal, the tries are read from it.\n"
	    "\n"
	    "  -b, --bank NAME|FILE     the bank to replay with, when the transcript's\n"
	    "                           bank is not installed any more\n"
	    "  -D, --dir DIR            where to look for the latest session (default:\n"
	    "                           the config file's transcript-dir, else\n"
	    "                           $XDG_STATE_HOME/infocoach/sessions/)\n"
	    "      --color WHEN         auto (default), always or never\n"
	    "  -c, --config FILE        read settings from FILE\n"
	    "      --no-config          read no config file\n"
	    "  -h, --help               show this help\n"
	    "\n"
	    "Exit status: 0 done (or nothing to review), 2 usage error, no session, or\n"
	    "a transcript or bank that cannot be read or is not valid, 3 a try could\n"
	    "not be saved to the transcript, 128+N ended by signal N.\n", fp);
}

/* The latest session in dir, as 'progress' orders them (newly allocated),
 * or NULL after a message. */
static char *
latest_in(const char *dir)
{
	struct progress *p = progress_new();
	char *path = NULL;
	if (!files_is_none(dir))
		progress_add_dir(p, dir);
	progress_finish(p);
	if (p->n > 0)
		path = xstrdup(p->s[p->n - 1].file);
	else
		diag_error("no session to review in %s%s; name a transcript, or hold a session first "
		    "('infocoach practice')", dir, p->nskipped > 0 ? " (only files that are not sessions)" : "");
	progress_free(p);
	return path;
}

/* What the command line (and the config file under it) asked of review. */
struct review_opts {
	struct cli_common co;           /* bank (never the file's), color,
	                                   config (co.cf: transcript-dir) */
	const char *dir;                /* -D/--dir DIR, or NULL */
	const char *transcript;         /* the operand, or NULL: the latest */
};

/* cli_parse()'s taker for review's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct review_opts *o = data;
	switch (c) {
	case 'b':
		o->co.bank = arg;
		return true;
	case 'D':
		if (arg[0] == '\0') {
			cli_usage_error("review", "--dir needs a directory");
			return false;
		}
		o->dir = arg;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/*
 * Parse review's options into o and merge the config file under them.
 * Returns CLI_RUN, or an exit status after the help or a message.  o is
 * to be freed with cli_common_free().
 */
static int
parse_review(int argc, char **argv, struct review_opts *o)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"dir", required_argument, NULL, 'D'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	/* The transcript names its bank: --bank only stands in for one that
	 * is gone, and the config file's bank is not asked. */
	*o = (struct review_opts){
		.co = {
			.cmd = "review", .usage = review_usage,
			.from_config = CLI_FROM(SETTING_COLOR) | CLI_FROM(SETTING_TRANSCRIPT_DIR),
		},
	};
	int status = cli_parse(argc, argv, "b:D:c:h", opts, &o->co, take_option, o);
	if (status != CLI_RUN)
		return status;
	if (argc - optind > 1)
		return cli_usage_error("review", "unexpected argument '%s'", argv[optind + 1]);
	if (optind < argc && strcmp(argv[optind], "-") == 0)
		return cli_usage_error("review", "the transcript cannot come from standard input: the tries are "
		    "read from it");
	if (optind < argc && o->dir != NULL)
		return cli_usage_error("review", "--dir finds the latest session; it does not go with a transcript");
	if (optind < argc)
		o->transcript = argv[optind];
	if (!cli_merge_settings(&o->co))
		return STATUS_INVALID;
	return CLI_RUN;
}

/* The transcript o names, else the latest session in the transcript
 * directory (newly allocated); NULL after a message. */
static char *
find_transcript(const struct review_opts *o)
{
	if (o->transcript != NULL)
		return xstrdup(o->transcript);
	const char *dir = o->dir != NULL ? o->dir : o->co.cf.value[SETTING_TRANSCRIPT_DIR];
	char *state = NULL, *path = NULL;
	if (dir == NULL && (state = files_state_dir()) != NULL) {
		char *sessions = xasprintf("%s/sessions", state);
		free(state);
		dir = state = sessions;
	}
	if (dir == NULL)
		diag_error("cannot find the transcript directory: HOME is not set; name a transcript");
	else
		path = latest_in(dir);
	free(state);
	return path;
}

/* Walk through what went wrong in the session o names, appending the
 * tries to its transcript.  Returns the exit status; *sig is the signal
 * that ended it, or 0. */
static int
run_review(const struct review_opts *o, int *sig)
{
	struct diag_list dl = {0};
	struct transcript_doc *doc = NULL;
	struct replay *r = NULL;
	struct transcript *t = NULL;
	struct review *rv = NULL;
	int status = STATUS_INVALID;
	char *path = find_transcript(o);
	if (path == NULL)
		goto out;

	doc = transcript_read(path, &dl);
	diag_flush(&dl, stderr);
	if (doc == NULL)
		goto out;
	r = replay_run(doc, o->co.bank, &dl);
	diag_flush(&dl, stderr);
	if (r == NULL)
		goto out;

	bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	struct repl_options ro = {
		.interactive = interactive, .color = cli_use_color(o->co.color, interactive),
		.history = NULL, .bank = r->bank,
	};
	/* The records' times are today's: a real clock, read for them only. */
	struct clock clk;
	clock_init_monotonic(&clk);
	struct review_config rc = {
		.s = r->s, .t = NULL, .clock = &clk, .before = doc, .say = repl_say, .say_arg = &ro,
	};
	rv = review_new(&rc);
	if (rv->n == 0) {
		/* Nothing to add: the file is left as it is. */
		char *why = review_nothing(rv);
		why[0] = (char)(why[0] - 'A' + 'a');   /* after "FILE: " */
		text_printf(stdout, "%s: %s\n", path, why);
		free(why);
		status = STATUS_OK;
		goto out;
	}
	char err[512];
	if ((t = transcript_open(path, err, sizeof err)) == NULL) {
		diag_error("%s", err);
		goto out;
	}
	rv->cfg.t = t;
	if (interactive) {
		char *head = xasprintf("Review of %s: your %s with %s (%s), started %s.\n", path,
		    doc->mock ? "mock interview" : "practice session", r->persona->name, r->bank->title, doc->started);
		repl_say(&ro, VOICE_INFO, NULL, head);
		free(head);
	}
	*sig = repl_review(rv, &ro);
	status = rv->save_failed ? STATUS_UNSAVED : STATUS_OK;
out:
	if (t != NULL) {
		size_t lost = transcript_pending(t);
		if (transcript_close(t) != 0 || lost > 0) {
			status = STATUS_UNSAVED;
			diag_error("the review in %s is incomplete: %zu records could not be saved", path, lost);
		}
	}
	review_free(rv);
	replay_free(r);
	transcript_doc_free(doc);
	free(path);
	return status;
}

int
cli_review(int argc, char **argv)
{
	struct review_opts o;
	int sig = 0;
	int status = parse_review(argc, argv, &o);
	if (status == CLI_RUN)
		status = run_review(&o, &sig);
	cli_common_free(&o.co);
	if (sig != 0)
		cli_die_of(sig);
	return status;
}
