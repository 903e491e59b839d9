/*
 * turns.c -- the time of one practice turn, for scripts/bench.
 *
 * Loads the source tree's default bank, rules and model, starts a
 * session with the bank's first persona on a virtual clock (nothing is
 * printed, no transcript), says every line of standard input to the host
 * and prints the median, 90th percentile and mean time of one turn
 * (understanding, flags, the reply chosen) in microseconds.  Not a test:
 * 'make tests/bench/turns' builds it and scripts/bench runs it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assess.h"
#include "catalog.h"
#include "clock.h"
#include "diag.h"
#include "session.h"
#include "xmalloc.h"

static void
sink(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)v;
	(void)who;
	(void)text;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int
main(void)
{
	/* The source tree's banks and the model built beside them, as the
	 * program finds them when it runs from its build tree. */
	struct catalog cat = {0};
	cat.dirs[0].path = xstrdup(ABS_TOP_SRCDIR "/questionbanks");
	cat.dirs[0].origin = "source tree";
	cat.ndirs = 1;
	struct diag_list dl = {0};
	struct ruleset *rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stderr);
	if (rs == NULL || rs->nbanks == 0 || rs->banks[0]->npersonas == 0)
		return 2;
	struct assessor *as = assessor_new(rs, POLICY_DEFAULT);
	struct clock clk;
	clock_init_virtual(&clk);
	struct session_config cfg = {
		.bank = rs->banks[0], .persona = &rs->banks[0]->personas[0], .assessor = as,
		.clock = &clk, .seed = 1, .say = sink,
	};
	struct session *s = session_new(&cfg);
	double *us = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '/')
			continue;
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		session_input(s, line, (size_t)len);
		clock_gettime(CLOCK_MONOTONIC, &b);
		xgrow((void **)&us, &cap, n + 1, sizeof *us);
		us[n++] = (double)(b.tv_sec - a.tv_sec) * 1e6 + (double)(b.tv_nsec - a.tv_nsec) / 1e3;
		clock_advance(&clk, 20000);
	}
	if (n == 0)
		return 2;
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += us[i];
	qsort(us, n, sizeof *us, cmp_double);
	printf("%zu %.1f %.1f %.1f\n", n, us[n / 2], us[n * 9 / 10], sum / (double)n);
	free(us);
	free(line);
	session_free(s);
	assessor_free(as);
	ruleset_free(rs);
	catalog_free(&cat);
	return 0;
}
