/*
 * cli_report.c -- the 'report' command: a session's report, again, from
 * its transcript.
 *
 * Reads the transcript (transcript_read.c), rebuilds the session by
 * replaying what the user said (replay.c), and prints the same text
 * report the session printed (report.c), or writes it as an HTML page
 * (report_html.c), replaced atomically like the program's other files.
 * Nothing here judges a line or computes a figure.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "files.h"
#include "replay.h"
#include "report.h"
#include "report_html.h"
#include "review_log.h"
#include "text.h"
#include "transcript_read.h"
#include "voice.h"
#include "xmalloc.h"

static void
report_usage(FILE *fp)
{
	fputs("Usage: infocoach report [OPTION]... TRANSCRIPT\n"
	    "Show the report of a practice or mock session again, from its transcript\n"
	    "('-' reads standard input): what you said is replayed through the same\n"
	    "coach, so the categories, flags, coverage, pacing and score are computed\n"
	    "as in the session, with today's rules and bank.\n"
	    "\n"
	    "  -b, --bank NAME|FILE     the bank to replay with, when the transcript's\n"
	    "                           bank is not installed any more\n"
	    "      --html FILE          write the report as one self-contained HTML page\n"
	    "                           (timeline, coverage, flags, score); '-' is\n"
	    "                           standard output\n"
	    "  -h, --help               show this help\n"
	    "\n"
	    "Exit status: 0 done, 2 usage error, or a transcript or bank that cannot be\n"
	    "read or is not valid, 3 the page could not be written.\n", fp);
}

/* cli_save_page's maker for the report's page. */
struct page_args {
	const struct transcript_doc *doc;
	struct replay *r;
};

static int
make_page(FILE *fp, void *arg)
{
	struct page_args *pa = arg;
	return report_html(fp, pa->doc, pa->r);
}

/* What the command line asked of report. */
struct report_opts {
	const char *bank;               /* -b/--bank, or NULL: the transcript's */
	const char *html;               /* --html FILE, or NULL: text */
};

/* cli_parse()'s taker for report's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct report_opts *o = data;
	switch (c) {
	case 'b':
		o->bank = arg;
		return true;
	case 'H':
		if (arg[0] == '\0') {
			cli_usage_error("report", "--html needs a file name ('-' for standard output)");
			return false;
		}
		o->html = arg;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

int
cli_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"html", required_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cli_common co = {.cmd = "report", .usage = report_usage};
	struct report_opts o = {NULL, NULL};
	struct diag_list dl = {0};
	struct transcript_doc *doc = NULL;
	struct replay *r = NULL;
	int status = cli_parse(argc, argv, "b:h", opts, &co, take_option, &o);
	if (status != CLI_RUN)
		return status;
	status = STATUS_INVALID;
	if (optind == argc)
		return cli_usage_error("report", "no transcript given");
	if (argc - optind > 1)
		return cli_usage_error("report", "unexpected argument '%s'", argv[optind + 1]);

	doc = transcript_read(argv[optind], &dl);
	diag_flush(&dl, stderr);
	if (doc == NULL)
		goto out;
	r = replay_run(doc, o.bank, &dl);
	diag_flush(&dl, stderr);
	if (r == NULL)
		goto out;
	if (o.html != NULL) {
		struct page_args pa = {doc, r};
		status = cli_save_page(o.html, make_page, &pa);
	} else {
		/* On a terminal the report wraps as the session's did. */
		char *text = report_text(r->s);
		/* The reviews of the session, as they went, after its report. */
		char *reviews = review_log_text(doc);
		if (reviews != NULL) {
			char *both = xasprintf("%s\n\n%s", text, reviews);
			free(text);
			free(reviews);
			text = both;
		}
		unsigned width = voice_width(STDOUT_FILENO);
		if (width != 0)
			voice_print(stdout, VOICE_INFO, NULL, text, width, false, true);
		else
			text_printf(stdout, "%s\n", text);
		free(text);
		status = STATUS_OK;
	}
out:
	replay_free(r);
	transcript_doc_free(doc);
	return status;
}
