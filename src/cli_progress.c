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
	const char *dir = NULL, *html = NULL, *config_path = NULL;
	bool json = false, no_config = false, format_given = false;
	struct settings cf = {0};
	struct progress *p = NULL;
	char *state = NULL, *buf = NULL;
	int status = STATUS_INVALID, c;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "D:f:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			if (optarg[0] == '\0') {
				cli_usage_error("progress", "--dir needs a directory");
				goto out;
			}
			dir = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
				cli_usage_error("progress", "invalid format '%s' (expected text or json)", optarg);
				goto out;
			}
			json = strcmp(optarg, "json") == 0;
			format_given = true;
			break;
		case 'H':
			if (optarg[0] == '\0') {
				cli_usage_error("progress", "--html needs a file name ('-' for standard output)");
				goto out;
			}
			html = optarg;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'N':
			no_config = true;
			break;
		case 'h':
			progress_usage(stdout);
			status = STATUS_OK;
			goto out;
		default:
			fprintf(stderr, "Try 'infocoach progress --help' for more information.\n");
			goto out;
		}
	}
	if (html != NULL && format_given) {
		cli_usage_error("progress", "--html and --format do not go together");
		goto out;
	}
	if (!cli_settings("progress", config_path, no_config, &cf))
		goto out;
	if (dir == NULL)
		dir = cf.value[SETTING_TRANSCRIPT_DIR];
	if (dir == NULL) {
		state = files_state_dir();
		if (state != NULL) {
			char *sessions = xasprintf("%s/sessions", state);
			free(state);
			state = sessions;
		}
		dir = state;
	}

	p = progress_new();
	if (dir != NULL && !files_is_none(dir))
		progress_add_dir(p, dir);
	for (int i = optind; i < argc; i++)
		progress_add_file(p, argv[i], true);
	progress_finish(p);

	if (html != NULL) {
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		if (mem == NULL)
			xalloc_die();
		int rc = progress_html(mem, p);
		if (fclose(mem) != 0 || rc != 0) {
			diag_error("cannot make the page: %s", strerror(errno));
			status = STATUS_UNSAVED;
			goto out;
		}
		status = cli_write_output("the page", html, buf, len);
	} else {
		if (json)
			progress_print_json(stdout, p);
		else
			progress_print_text(stdout, p, table_width(fileno(stdout)));
		status = STATUS_OK;
	}
out:
	free(buf);
	free(state);
	progress_free(p);
	settings_free(&cf);
	return status;
}
