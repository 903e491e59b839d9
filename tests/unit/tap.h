/*
 * tap.h -- a tiny Test Anything Protocol emitter for the unit tests.
 *
 * ok(cond, fmt, ...) prints "ok N - ..." or "not ok N - ..." with the
 * file and line of a failure on stderr; tap_done() prints the plan and
 * returns the exit status (automake's TAP driver reads the lines).
 * tap_tmpdir() and tap_rmtree() give a test a scratch directory.
 */
#ifndef INFOCOACH_TAP_H
#define INFOCOACH_TAP_H

#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond) {
		tap_failed++;
		printf("# failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, name) \
	(ok((got) != NULL && strcmp((got), (want)) == 0, "%s", name) || \
	    (printf("#   got:  '%s'\n#   want: '%s'\n", (got) ? (got) : "(null)", (want)), 0))
#define is_int(got, want, name) \
	(ok((long)(got) == (long)(want), "%s", name) || \
	    (printf("#   got:  %ld\n#   want: %ld\n", (long)(got), (long)(want)), 0))

/* A new private directory "$TMPDIR/NAME.XXXXXX" (TMPDIR default /tmp);
 * exits with status 99 (a hard error) when it cannot be made. */
static __attribute__((unused)) char *
tap_tmpdir(const char *name)
{
	const char *tmp = getenv("TMPDIR");
	size_t n = strlen(tmp != NULL && tmp[0] == '/' ? tmp : "/tmp") + strlen(name) + 9;
	char *dir = malloc(n);
	if (dir == NULL)
		exit(99);
	snprintf(dir, n, "%s/%s.XXXXXX", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp", name);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	return dir;
}

static int
tap_remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

/* Remove dir and everything in it (symbolic links are not followed). */
static __attribute__((unused)) void
tap_rmtree(const char *dir)
{
	if (nftw(dir, tap_remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		printf("# could not remove %s\n", dir);
}

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
