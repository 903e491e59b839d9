/*
 * cli.c -- what every command shares: the options several commands take
 * (parsed and checked here once), the config file merged under them,
 * usage errors, colour, writing the output and closing stdout.  What a
 * command does with its options is in its own cli_*.c.
 */
#include <config.h>

#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "duration.h"
#include "files.h"
#include "settings.h"
#include "xmalloc.h"

bool
cli_use_color(const char *when, bool on_terminal)
{
	if (strcmp(when, "always") == 0)
		return true;
	if (strcmp(when, "auto") != 0 || !on_terminal)
		return false;
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	bool dumb = term == NULL || term[0] == '\0' || strcmp(term, "dumb") == 0;
	return !dumb && (no_color == NULL || no_color[0] == '\0');
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error("%s", msg);
	fprintf(stderr, "Try 'infocoach %s%s--help' for more information.\n", cmd ? cmd : "",
	    cmd ? " " : "");
	free(msg);
	return STATUS_INVALID;
}

/* Parse a --policy value into co; false after a usage error. */
static bool
parse_policy(struct cli_common *co, const char *arg)
{
	int p = policy_lookup(arg);
	if (p < 0) {
		cli_usage_error(co->cmd, "invalid policy '%s' (expected strict, default or lenient)", arg);
		return false;
	}
	co->policy = (enum policy)p;
	co->policy_given = true;
	return true;
}

/* Parse a --duration value into co; false after a usage error. */
static bool
parse_duration(struct cli_common *co, const char *arg)
{
	if (!duration_parse(arg, &co->duration)) {
		cli_usage_error(co->cmd, "invalid duration '%s' (" DURATION_HINT ")", arg);
		return false;
	}
	co->duration_given = true;
	return true;
}

/* Parse a --seed value into co; false after a usage error. */
static bool
parse_seed(struct cli_common *co, const char *arg)
{
	char *end;
	errno = 0;
	co->seed = strtoull(arg, &end, 10);
	if (errno != 0 || *end != '\0' || arg[0] == '\0' || arg[0] == '-') {
		cli_usage_error(co->cmd, "invalid seed '%s' (a whole number)", arg);
		return false;
	}
	co->seeded = true;
	return true;
}

/* Parse a --color value into co; false after a usage error. */
static bool
parse_color(struct cli_common *co, const char *arg)
{
	if (strcmp(arg, "auto") != 0 && strcmp(arg, "always") != 0 && strcmp(arg, "never") != 0) {
		cli_usage_error(co->cmd, "invalid --color '%s' (expected auto, always or never)", arg);
		return false;
	}
	co->color = arg;
	return true;
}

int
cli_parse(int argc, char **argv, const char *shortopts, const struct option *longopts,
    struct cli_common *co, bool (*take)(int c, const char *arg, void *opts), void *opts)
{
	int c;
	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		bool ok = true;
		switch (c) {
		case 'h':
			co->usage(stdout);
			return STATUS_OK;
		case '?':
			/* getopt_long() has said what is wrong. */
			fprintf(stderr, "Try 'infocoach %s --help' for more information.\n", co->cmd);
			return STATUS_INVALID;
		case 'c':
			co->config = optarg;
			break;
		case 'N':
			co->no_config = true;
			break;
		case 'p':
			ok = parse_policy(co, optarg);
			break;
		case 'd':
			ok = parse_duration(co, optarg);
			break;
		case 's':
			ok = parse_seed(co, optarg);
			break;
		case 'C':
			ok = parse_color(co, optarg);
			break;
		default:
			ok = take(c, optarg, opts);
			break;
		}
		if (!ok)
			return STATUS_INVALID;
	}
	return CLI_RUN;
}

bool
cli_merge_settings(struct cli_common *co)
{
	struct settings *cf = &co->cf;
	if (co->config != NULL && co->no_config) {
		cli_usage_error(co->cmd, "--config and --no-config do not go together");
		return false;
	}
	if (!settings_load(cf, co->config, co->no_config))
		return false;
	if (co->bank == NULL && (co->from_config & CLI_FROM(SETTING_BANK)) && cf->value[SETTING_BANK] != NULL) {
		co->bank = cf->value[SETTING_BANK];
		co->bank_from_config = true;
	}
	if (!co->policy_given && (co->from_config & CLI_FROM(SETTING_POLICY)) && cf->value[SETTING_POLICY] != NULL)
		co->policy = cf->policy;
	if (!co->duration_given && (co->from_config & CLI_FROM(SETTING_DURATION)) &&
	    cf->value[SETTING_DURATION] != NULL)
		co->duration = cf->duration;
	if (co->color == NULL)
		co->color = (co->from_config & CLI_FROM(SETTING_COLOR)) && cf->value[SETTING_COLOR] != NULL ?
		    cf->value[SETTING_COLOR] : "auto";
	return true;
}

void
cli_common_free(struct cli_common *co)
{
	settings_free(&co->cf);
}

int
cli_close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		if (e != 0)
			diag_error("write error on standard output: %s", strerror(e));
		else
			diag_error("write error on standard output");
		return STATUS_INVALID;
	}
	return status;
}

int
cli_write_output(const char *what, const char *path, const char *data, size_t len)
{
	struct stat st;
	char err[512];

	if (files_is_none(path))
		return STATUS_OK;
	if (strcmp(path, "-") == 0) {
		if (files_write_all(STDOUT_FILENO, data, len) < 0) {
			diag_error("cannot write %s to standard output: %s", what, strerror(errno));
			return STATUS_UNSAVED;
		}
		return STATUS_OK;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		diag_error("refusing to write %s through the symbolic link '%s'; name the file itself",
		    what, path);
		return STATUS_UNSAVED;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_error("cannot write %s to '%s': it is a directory", what, path);
		return STATUS_UNSAVED;
	}
	if (files_save_atomic(path, data, len, err, sizeof err) != 0) {
		diag_error("%s", err);
		return STATUS_UNSAVED;
	}
	return STATUS_OK;
}

int
cli_save_page(const char *path, int (*make)(FILE *fp, void *arg), void *arg)
{
	if (files_is_none(path))
		return STATUS_OK;       /* /dev/null: no page wanted */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL) {
		diag_error("cannot make the page: %s", strerror(errno));
		return STATUS_UNSAVED;
	}
	int rc = make(mem, arg);
	if (fclose(mem) != 0)
		rc = -1;
	int status = STATUS_UNSAVED;
	if (rc != 0)
		diag_error("cannot make the page: %s", strerror(errno));
	else
		status = cli_write_output("the page", path, buf, len);
	free(buf);
	return status;
}

void
cli_die_of(int sig)
{
	fflush(stdout);
	signal(sig, SIG_DFL);
	raise(sig);
}
