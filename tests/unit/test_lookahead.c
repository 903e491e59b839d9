/*
 * test_lookahead.c -- questions assessed ahead by helper processes: the
 * checker gets a helper's result only for the very question it is at
 * (same number, same key), and goes on alone, without waiting for ever,
 * when helpers read something else, stop in the middle of a block or read
 * fewer questions than it does.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lookahead.h"
#include "tap.h"

#define N 20000         /* questions in the "draft" */

enum mode {
	GOOD,           /* helpers read what the checker reads */
	OTHER_KEYS,     /* ... something else (a file changed under them) */
	DIE,            /* a helper ends in the middle of its second block */
	SHORT,          /* helpers read only the first half */
};

static uint64_t
key_of(size_t seq)
{
	char q[32];
	int n = snprintf(q, sizeof q, "question %zu?", seq);
	return lookahead_key((unsigned long)seq + 1, q, (size_t)n, NULL, 0);
}

/* What assessing question seq gives, helper or checker. */
static void
assess_fake(size_t seq, struct assessment *as)
{
	memset(as, 0, sizeof *as);
	as->cat = (enum category)(seq % 7);
	as->cat_conf = (float)(seq % 100) / 100.0f;
	as->nflags = seq % 3;
	for (size_t i = 0; i < as->nflags; i++) {
		as->flags[i].so = seq;
		as->flags[i].eo = seq + i + 1;
	}
	as->err = -(int)(seq % 5);
}

static bool
same(const struct assessment *a, const struct assessment *b)
{
	if (a->cat != b->cat || a->cat_conf != b->cat_conf || a->nflags != b->nflags || a->err != b->err)
		return false;
	for (size_t i = 0; i < a->nflags; i++)
		if (a->flags[i].so != b->flags[i].so || a->flags[i].eo != b->flags[i].eo)
			return false;
	return true;
}

static void
help(struct lookahead *la, void *arg)
{
	enum mode m = *(const enum mode *)arg;
	size_t claimed = 0;
	size_t n = m == SHORT ? N / 2 : N;
	for (size_t seq = 0; seq < n; seq++) {
		if (!lookahead_claim(la, seq))
			continue;
		if (m == DIE && ++claimed == 64 + 10)
			_exit(1);       /* mid-block, as a crash would */
		struct assessment as;
		assess_fake(seq, &as);
		lookahead_put(la, seq, key_of(seq) + (m == OTHER_KEYS), &as);
	}
	lookahead_done(la);
}

/* Check N questions with helpers in mode m; returns how many results
 * came from them, or -1 when one was wrong. */
static long
run(enum mode m, size_t helpers)
{
	struct lookahead *la = lookahead_start(helpers, help, &m);
	if (la == NULL)
		return -2;
	long theirs = 0;
	bool right = true;
	for (size_t seq = 0; seq < N; seq++) {
		struct assessment got, want;
		assess_fake(seq, &want);
		if (lookahead_get(la, seq, key_of(seq), &got)) {
			theirs++;
			right &= same(&got, &want);
		}
		/* The checker's own work on the question, so that helpers
		 * get ahead of it. */
		for (volatile int spin = 0; spin < 2000; spin++)
			continue;
	}
	lookahead_finish(la);
	return right ? theirs : -1;
}

int
main(void)
{
	long t = run(GOOD, 1);
	ok(t >= 0, "one helper: every result the checker took is its question's (%ld of %d from the helper)", t, N);
	t = run(GOOD, 3);
	ok(t >= 0, "three helpers: likewise (%ld of %d from them)", t, N);
	t = run(OTHER_KEYS, 2);
	is_int(t, 0, "helpers that read other questions: the checker takes none of their results");
	t = run(DIE, 1);
	ok(t >= 0, "a helper that ends mid-block: the checker goes on alone (%ld from it)", t);
	t = run(SHORT, 2);
	ok(t >= 0 && t <= N / 2, "helpers that read half the questions: results for that half only (%ld)", t);
	ok(lookahead_start(0, help, NULL) == NULL, "no helpers asked for: none started");
	return tap_done();
}
