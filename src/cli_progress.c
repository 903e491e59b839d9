/*
 * cli_progress.c -- the 'progress' command: past sessions side by side,
 * the trends and the next thing to practise.
 *
 * Finds the transcript directory as practice does (--dir, the config
 * file's transcript-dir, else the state directory's sessions/), hands it
 * and the files named to progress.c, and prints the result as text or
 * JSON (progress_print.c) or writes it as a page (progress_html.c).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "files.h"
#include "progress.h"
#include "progress_html.h"
#include "progress_print.h"
#include "settings.h"
#include "table.h"
#include "xmalloc.h"

static void
progress_usage(FILE *fp)
{
	fputs("Usage: infocoach progress [OPTION]... [TRANSCRIPT]...\n"
	    "List your past practice and mock sessions, from the transcript directory\n"
	    "and any transcripts named ('-' reads one from standard input): date,\n"
	    "kind, bank and host, length, score, questions, flags by kind, closing\n"
	    "questions and what its reviews put better; then the trends (score over\n"
	    "the timed sessions, flags per session, what the reviews put better,\n"
	    "topics never asked in any session) and the next thing to practise.\n"
	    "Each session is replayed as 'infocoach report' replays it.  On a\n"
	    "terminal (or with $COLUMNS) the table fits the width, its cells wrapped.\n"
	    "Files that are not sessions that can be shown are listed as skipped,\n"
	    "with the reason.\n"
	    "\n"
	    "  -D, --dir DIR            read the sessions in DIR (default: the config\n"
	    "                           file's transcript-dir, else\n"
	    "                           $XDG_STATE_HOME/infocoach/sessions/); /dev/null:\n"
	    "                           none, only the transcripts named\n"
	    "  -f, --format FORMAT      text (default) or json\n"
	    "      --html FILE          write one self-contained HTML page instead (score\n"
	    "                           over time, flags by kind per session); '-' is\n"
	    "                           standard output\n"
	    "  -c, --config FILE        read settings from FILE\n"
	    "      --no-config          read no config file\n"
	    "  -h, --help               show this help\n"
	    "\n"
	    "Exit status: 0 done (files skipped too), 2 usage error or a config file\n"
	    "that is not valid, 3 the page could not be written.\n", fp);
}

/* What the command line (and the config file under it) asked of
 * progress. */
struct progress_opts {
	struct cli_common co;           /* config (co.cf: transcript-dir) */
	const char *dir;                /* -D/--dir DIR, or NULL */
	const char *html;               /* --html FILE, or NULL */
	bool json;                      /* -f json */
	bool format_given;              /* -f given */
};

/* cli_parse()'s taker for progress's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct progress_opts *o = data;
	switch (c) {
	case 'D':
		if (arg[0] == '\0') {
			cli_usage_error("progress", "--dir needs a directory");
			return false;
		}
		o->dir = arg;
		return true;
	case 'f':
		if (strcmp(arg, "json") != 0 && strcmp(arg, "text") != 0) {
			cli_usage_error("progress", "invalid format '%s' (expected text or json)", arg);
			return false;
		}
		o->json = strcmp(arg, "json") == 0;
		o->format_given = true;
		return true;
	case 'H':
		if (arg[0] == '\0') {
			cli_usage_error("progress", "--html needs a file name ('-' for standard output)");
			return false;
		}
		o->html = arg;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/* Show the sessions found as o asks: text, JSON or a page.  Returns the
 * exit status. */
static int
show(const struct progress_opts *o, const struct progress *p)
{
	if (o->html == NULL) {
		if (o->json)
			progress_print_json(stdout, p);
		else
			progress_print_text(stdout, p, table_width(fileno(stdout)));
		return STATUS_OK;
	}
	char *buf = NULL;
	size_t len = 0;
	int status;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL)
		xalloc_die();
	int rc = progress_html(mem, p);
	if (fclose(mem) != 0 || rc != 0) {
		diag_error("cannot make the page: %s", strerror(errno));
		status = STATUS_UNSAVED;
	} else {
		status = cli_write_output("the page", o->html, buf, len);
	}
	free(buf);
	return status;
}

int
cli_progress(int argc, char **argv)
{
	static const struct option opts[] = {
		{"dir", required_argument, NULL, 'D'},
		{"format", required_argument, NULL, 'f'},
		{"html", required_argument, NULL, 'H'},
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct progress_opts o = {
		.co = {.cmd = "progress", .usage = progress_usage, .from_config = CLI_FROM(SETTING_TRANSCRIPT_DIR)},
	};
	char *state = NULL;
	int status = cli_parse(argc, argv, "D:f:c:h", opts, &o.co, take_option, &o);
	if (status != CLI_RUN)
		goto out;
	status = STATUS_INVALID;
	if (o.html != NULL && o.format_given) {
		cli_usage_error("progress", "--html and --format do not go together");
		goto out;
	}
	if (!cli_merge_settings(&o.co))
		goto out;
	const char *dir = o.dir != NULL ? o.dir : o.co.cf.value[SETTING_TRANSCRIPT_DIR];
	if (dir == NULL) {
		state = files_state_dir();
		if (state != NULL) {
			char *sessions = xasprintf("%s/sessions", state);
			free(state);
			state = sessions;
		}
		dir = state;
	}

	struct progress *p = progress_new();
	if (dir != NULL && !files_is_none(dir))
		progress_add_dir(p, dir);
	for (int i = optind; i < argc; i++)
		progress_add_file(p, argv[i], true);
	progress_finish(p);
	status = show(&o, p);
	progress_free(p);
out:
	free(state);
	cli_common_free(&o.co);
	return status;
}
