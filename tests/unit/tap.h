/*
 * tap.h -- a tiny Test Anything Protocol emitter for the unit tests.
 *
 * ok(cond, fmt, ...) prints "ok N - ..." or "not ok N - ..." with the
 * file and line of a failure on stderr; tap_done() prints the plan and
 * returns the exit status (automake's TAP driver reads the lines).
 */
#ifndef INFOCOACH_TAP_H
#define INFOCOACH_TAP_H

#include <stdarg.h>
#include <stdio.h>
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

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
