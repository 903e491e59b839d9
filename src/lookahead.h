/*
 * lookahead.h -- a long draft's questions assessed ahead, in helper
 * processes.
 *
 * Checking a long draft is mostly assessing its questions (assess.h),
 * and one question's assessment does not depend on another's: helper
 * processes, forked once the rules are loaded (so each has its own copy
 * of the assessor, at the same addresses), read the same draft and
 * assess questions ahead of the checker, which does everything else (the
 * reading, the list findings, the output) in its own order, exactly as
 * alone.
 *
 * The draft's lines are taken in blocks: whoever comes to a block first,
 * a helper or the checker, assesses all of its questions.  A helper
 * follows every line's comments and directives (so it knows which rules
 * are off) but prepares and assesses only the lines of the blocks it
 * takes, at most a few blocks ahead of the checker (the results wait in
 * a small shared window).  Each result carries a key of its question
 * (the text, line and rules turned off), and the checker uses it only
 * when its own question has the same key, so a helper that read
 * something else (a file changed under it) or stopped never changes the
 * output: the checker assesses such questions itself.
 */
#ifndef INFOCOACH_LOOKAHEAD_H
#define INFOCOACH_LOOKAHEAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess.h"

struct lookahead;

/*
 * Fork n helpers; each calls run(la, arg) (which checks the draft again,
 * asking lookahead_claim and calling lookahead_put) and then ends.
 * Returns NULL when no helper could be started (then the caller assesses
 * everything itself, as without one).
 */
struct lookahead *lookahead_start(size_t n, void (*run)(struct lookahead *la, void *arg), void *arg);

/* The key of a question: its line, its text and the rules turned off for
 * it (ignore[0..nignore)). */
uint64_t lookahead_key(unsigned long line, const char *q, size_t len, char *const *ignore, size_t nignore);

/* In a helper: whether to assess the questions of line (numbered from 1,
 * no lower than the line asked about before; false: the checker or
 * another helper has its block, or the checker is gone). */
bool lookahead_claim(struct lookahead *la, unsigned long line);

/* In a helper: the assessment of a question of line (claimed), with its
 * key; the questions of a line in their order. */
void lookahead_put(struct lookahead *la, unsigned long line, uint64_t key, const struct assessment *as);

/* In a helper: its draft is read to the end (every claimed block is done). */
void lookahead_done(struct lookahead *la);

/*
 * In the checker: the assessment of the next question of line (no lower
 * than the line asked about before) into *out, when a helper made it for
 * a question with this key (waiting for it when a helper is at it).
 * False: assess it yourself.
 */
bool lookahead_get(struct lookahead *la, unsigned long line, uint64_t key, struct assessment *out);

/* In the checker: stop the helpers, wait for them and free la (NULL is
 * fine). */
void lookahead_finish(struct lookahead *la);

#endif
