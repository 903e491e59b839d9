/*
 * cli.h -- the subcommands behind main.c.
 *
 * Each cli_* function parses its options into a struct (cli_parse(),
 * getopt_long, GNU style), merges the config file once
 * (cli_merge_settings()), runs, and returns an exit status from the table
 * below; none of them calls exit().  main.c only picks the command.
 */
#ifndef INFOCOACH_CLI_H
#define INFOCOACH_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "settings.h"

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

/*
 * Not an exit status: what cli_parse() and a command's own parser return
 * when the options are fine and the command is to run.
 */
#define CLI_RUN (-1)

/* The bit of struct cli_common's from_config for setting k. */
#define CLI_FROM(k) (1u << (k))

/*
 * The options several commands share, as the command line gave them; after
 * cli_merge_settings(), the values the command runs with: the command line
 * wins over the config file, the file over the defaults.  A command sets
 * cmd, usage, from_config and its defaults (policy, duration) before
 * parsing, and frees the struct with cli_common_free().
 */
struct cli_common {
	const char *cmd;                /* the command's name, for messages */
	void (*usage)(FILE *fp);        /* prints the command's --help */
	unsigned from_config;           /* the settings the config file may give
	                                   this command: CLI_FROM(SETTING_x) |
	                                   ...; cli_merge_settings() fills in
	                                   bank, policy, duration and color, the
	                                   command reads the others from cf */
	const char *config;             /* -c/--config FILE, or NULL */
	bool no_config;                 /* --no-config */
	const char *bank;               /* -b/--bank (set by the command, which
	                                   may keep several), else the file's;
	                                   NULL: the default bank */
	bool bank_from_config;          /* bank is the config file's */
	enum policy policy;             /* -p/--policy, else the file's, else
	                                   the command's default */
	bool policy_given;              /* ... given on the command line */
	unsigned long duration;         /* -d/--duration in seconds, else the
	                                   file's, else the command's default */
	bool duration_given;            /* ... given on the command line */
	unsigned long long seed;        /* -s/--seed, when seeded */
	bool seeded;                    /* ... given on the command line */
	const char *color;              /* --color, else the file's, else "auto" */
	struct settings cf;             /* the config file read by
	                                   cli_merge_settings() (owned) */
};

/*
 * Parse argv (argv[0] is the command's name) with getopt_long(), options
 * and operands in any order.  --help prints co->usage; an unknown option
 * or a missing argument points to --help; the options of struct
 * cli_common are checked and stored in co.  Their values in the command's
 * long option table are reserved: 'c' --config, 'N' --no-config, 'p'
 * --policy, 'd' --duration, 's' --seed, 'C' --color (and 'h' --help); a
 * command gives its own options other values.  Every other option is
 * handed to take(c, optarg, opts), which stores it in opts, or returns
 * false after a usage error.  Returns CLI_RUN with optind at the first
 * operand, STATUS_OK after the help, or STATUS_INVALID after a message.
 */
int cli_parse(int argc, char **argv, const char *shortopts, const struct option *longopts,
    struct cli_common *co, bool (*take)(int c, const char *arg, void *opts), void *opts);

/*
 * Read the config file (co->config, or none with co->no_config; both is a
 * usage error) into co->cf, and fill in bank, policy, duration and color
 * where the command line left them open and co->from_config lets the file
 * give them.  Returns false after a message (a bad config file).
 */
bool cli_merge_settings(struct cli_common *co);

/* Free what cli_merge_settings() read; co may be all zeros. */
void cli_common_free(struct cli_common *co);

/* Whether to colour: "always", or "auto" on a terminal (on_terminal) whose
 * TERM is not dumb, with NO_COLOR unset or empty. */
bool cli_use_color(const char *when, bool on_terminal);

/* A session ended by the terminating signal sig, everything saved: flush
 * and die of sig, as the caller (a shell, a script) expects. */
void cli_die_of(int sig);

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
