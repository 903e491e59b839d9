/*
 * cli.h -- the subcommands behind main.c.
 *
 * Each cli_* function parses its own options (getopt_long, GNU style),
 * does its work and returns an exit status from the table below; none of
 * them calls exit().  main.c only picks the command.
 */
#ifndef INFOCOACH_CLI_H
#define INFOCOACH_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses (SPEC section 2). */
enum {
	STATUS_OK = 0,          /* success, nothing at the failing severity */
	STATUS_FINDINGS = 1,    /* check found failing findings */
	STATUS_INVALID = 2,     /* usage error, bad or unreadable input */
	STATUS_UNSAVED = 3,     /* a transcript or output was not saved */
};

int cli_validate(int argc, char **argv);
int cli_banks(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_practice(int argc, char **argv);
int cli_mock(int argc, char **argv);
int cli_config(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_train(int argc, char **argv);
int cli_prepare(int argc, char **argv);
int cli_progress(int argc, char **argv);
int cli_review(int argc, char **argv);

struct settings;

/* The settings for command cmd from --config path or --no-config (none);
 * false after a message (both options given, or a bad config file). */
bool cli_settings(const char *cmd, const char *path, bool none, struct settings *cf);

/* Whether when ("auto", "always" or "never") is a valid --color value;
 * false after a usage error for cmd. */
bool cli_color_ok(const char *cmd, const char *when);

/* Whether to colour: "always", or "auto" on a terminal (on_terminal) whose
 * TERM is not dumb, with NO_COLOR unset or empty. */
bool cli_use_color(const char *when, bool on_terminal);

/* Print the program's usage to fp. */
void cli_usage(FILE *fp);

/* Report a usage error: "infocoach: MSG" and a hint; returns STATUS_INVALID. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Write data[0..len), what the user asked for (what: "the list", "the
 * page"), to path: "-" is standard output, /dev/null nothing; a file is
 * replaced atomically (files_save_atomic(), mode 0600).  A directory or a
 * symbolic link at path is refused, never written through or replaced.
 * Returns STATUS_OK, or STATUS_UNSAVED after a message.
 */
int cli_write_output(const char *what, const char *path, const char *data, size_t len);

/*
 * Write the page make(fp, arg) writes (returning 0, or -1 on failure) to
 * path, as cli_write_output() does: made in memory, then written in one
 * go.  Returns STATUS_OK, or STATUS_UNSAVED after a message.
 */
int cli_save_page(const char *path, int (*make)(FILE *fp, void *arg), void *arg);

/* Flush stdout and report a write error (e.g. a full disk); returns
 * status unchanged, or STATUS_INVALID when stdout could not be written. */
int cli_close_stdout(int status);

#endif
