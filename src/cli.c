/*
 * cli.c -- what every command shares: usage errors, settings, colour and
 * closing stdout.
 */
#include <config.h>

#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "files.h"
#include "settings.h"
#include "xmalloc.h"

bool
cli_color_ok(const char *cmd, const char *when)
{
	if (strcmp(when, "auto") == 0 || strcmp(when, "always") == 0 || strcmp(when, "never") == 0)
		return true;
	cli_usage_error(cmd, "invalid --color '%s' (expected auto, always or never)", when);
	return false;
}

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

bool
cli_settings(const char *cmd, const char *path, bool none, struct settings *cf)
{
	if (path != NULL && none) {
		cli_usage_error(cmd, "--config and --no-config do not go together");
		return false;
	}
	return settings_load(cf, path, none);
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
