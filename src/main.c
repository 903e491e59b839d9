/*
 * main.c -- infocoach: rehearse informational interviews offline.
 *
 * Picks the subcommand and hands over to it (cli_*.c).  This is the only
 * file that calls exit(); everything else returns a status.
 */
#include <config.h>

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "xmalloc.h"

static const struct command {
	const char *name;                   /* as typed */
	int (*run)(int argc, char **argv);  /* argv[0] is the command name */
	const char *summary;                /* one line for --help */
} commands[] = {
	{"practice", cli_practice, "rehearse with the program as the host (the default)"},
	{"mock", cli_mock, "a timed mock interview with pacing notices and a score"},
	{"report", cli_report, "a session's report again, from its transcript, as text or HTML"},
	{"review", cli_review, "redo what went wrong in a session: a better version of each slip"},
	{"progress", cli_progress, "your past sessions side by side, the trends and what to practise next"},
	{"prepare", cli_prepare, "write a starter list of questions sized to the meeting"},
	{"check", cli_check, "check draft question lists like a linter"},
	{"validate", cli_validate, "check question banks and rule files"},
	{"banks", cli_banks, "list the banks and personas found"},
	{"rules", cli_rules, "list the active rules, or their patterns for pcre2grep"},
	{"train", cli_train, "train the learned model from labelled examples and banks"},
	{"config", cli_config, "show the settings in effect and where each comes from"},
	{NULL, NULL, NULL},
};

void
cli_usage(FILE *fp)
{
	fputs("Usage: infocoach [COMMAND] [OPTION]...\n"
	    "       infocoach [practice OPTION]...   (no command: a practice session)\n"
	    "Rehearse informational interviews offline: the program plays the host,\n"
	    "you ask the questions, and a coach flags job asks and salary questions.\n"
	    "\n"
	    "Commands:\n", fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fputs("\n"
	    "Options:\n"
	    "  -h, --help     show this help, or a command's help after its name\n"
	    "      --version  show the version and licence\n"
	    "\n"
	    "Run 'infocoach COMMAND --help' for a command's options.  Options and\n"
	    "operands may come in any order ('check d.txt -f json'); '--' ends the\n"
	    "options, so 'check -- -d.txt' checks a file named '-d.txt'.\n"
	    "Exit status: 0 success, 1 check found failing findings, 2 usage error or\n"
	    "invalid input, 3 a transcript or output could not be saved.\n", fp);
}

static void
version(void)
{
	puts(PACKAGE_NAME " " PACKAGE_VERSION "\n"
	    "Copyright (C) 2026 The infocoach developers.\n"
	    "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.");
}

int
main(int argc, char **argv)
{
	/* The user's letters and messages, but numbers always as C writes
	 * them: JSON, CSV and SARIF have a decimal point, whatever the
	 * language ("0,82" is no JSON number). */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	diag_set_color(cli_use_color("auto", isatty(STDERR_FILENO)));
	static char prog[] = "infocoach";
	if (argc < 2) {
		/* No command: a practice session on the default bank. */
		argv[0] = prog;
		exit(cli_close_stdout(cli_practice(argc, argv)));
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		cli_usage(stdout);
		exit(cli_close_stdout(STATUS_OK));
	}
	if (strcmp(name, "--version") == 0) {
		version();
		exit(cli_close_stdout(STATUS_OK));
	}
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			/* getopt names argv[0] in its messages: make it ours. */
			argv[1] = prog;
			exit(cli_close_stdout(c->run(argc - 1, argv + 1)));
		}
	}
	if (name[0] == '-') {
		/* Options without a command are practice options. */
		argv[0] = prog;
		exit(cli_close_stdout(cli_practice(argc, argv)));
	}
	exit(cli_usage_error(NULL, "unknown command '%s'", name));
}
