/*
 * prepare.h -- a starter list of questions for a meeting of a given
 * length, drawn from a bank (infocoach prepare).
 *
 * The list holds about one question for every two and a half minutes,
 * never more than 'check' says fit (CHECK_SECONDS_PER_Q): an opener on
 * the host's day or path, more questions on the job from categories
 * chosen at random, one or two on the industry, and the two closing
 * questions (whom else to talk to, whether the user may mention the
 * host's name) last.  Only bank questions that the same assessor as
 * 'check' judges clean (no finding at all) and files under their own
 * category are used, so the list passes 'check' with that bank and
 * duration.  The choice depends on the seed alone: the same seed, bank
 * and duration give the same list.
 *
 * This module chooses and formats; it reads and writes no file.
 */
#ifndef INFOCOACH_PREPARE_H
#define INFOCOACH_PREPARE_H

#include <stddef.h>
#include <stdint.h>

#include "assess.h"
#include "bank.h"

/* The meetings a list can be made for, in seconds: a shorter one fits
 * fewer than the four questions a list needs (a job, the industry and
 * the two closing ones); a longer one is no informational interview. */
#define PREPARE_MIN_DURATION (10 * 60)
#define PREPARE_MAX_DURATION (60 * 60)

/* The planned time per question, in seconds. */
#define PREPARE_SECONDS_PER_Q 150

struct prepared {
	const struct question **q;  /* the list in order (array owned,
	                               questions borrowed from the bank) */
	size_t n;                   /* how many were chosen */
	size_t wanted;              /* how many the duration asked for */
};

/*
 * Choose a list from bank b (which must outlive out) for a meeting of
 * duration seconds (PREPARE_MIN_DURATION..PREPARE_MAX_DURATION), judging
 * each question with a (set up as 'check' sets it up, with all_rules),
 * the random choices made from seed.  Returns 0 and fills out (free it
 * with prepared_free()), or -1 with a message in err[0..errlen) when the
 * bank has no usable question for a part the list must have.  A bank
 * with too few usable questions for the duration gives a shorter list
 * (out->n < out->wanted), not an error.
 */
int prepare_list(struct assessor *a, const struct bank *b, unsigned long duration, uint64_t seed,
    struct prepared *out, char *err, size_t errlen);

/*
 * The file for list p: a comment saying what it is for, how to edit it
 * and how to check it (check_cmd, e.g. "infocoach check --bank general
 * --duration 25m FILE"; made_by, the command that makes the same list
 * again), then the questions, one a line, under a comment for each
 * part.  Newly allocated.
 */
char *prepare_text(const struct prepared *p, const struct bank *b, unsigned long duration,
    const char *made_by, const char *check_cmd);

/* Free what p owns (not p); NULL-safe. */
void prepared_free(struct prepared *p);

#endif
