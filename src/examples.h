/*
 * examples.h -- the labelled examples the model learns from.
 *
 * Plain tab-separated UTF-8 files that anyone can extend, one example a
 * line, in either of two forms:
 *
 *   LABEL<TAB>TEXT[<TAB>...]      LABEL a flag (job_ask, salary, ok), a
 *                                 category (typical_day ...) or a
 *                                 dialogue act (follow_up, thanks ...)
 *   conv bank line act category flag text
 *                                 a labelled conversation (SPEC 5a), from
 *                                 a header line of exactly these names
 *
 * Blank lines and lines starting with '#' are skipped.  Every question of
 * a bank is an example of its category too (examples_add_bank).  The set
 * also gathers the words the normaliser may trust as spelt right: every
 * word of the banks, and words used in three or more examples.
 */
#ifndef INFOCOACH_EXAMPLES_H
#define INFOCOACH_EXAMPLES_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "diag.h"
#include "model.h"

#define EXAMPLES_MAX_FILE (16u << 20)   /* bytes in one example file */
#define EXAMPLES_MAX_LINE 4096          /* bytes in one line */

struct example_set {
	struct example *v;      /* the examples (texts owned) */
	size_t n, cap;
	char **words;           /* trusted words (owned) */
	size_t nwords, capwords;
	char **seen;            /* every word of the examples, for counting */
	size_t nseen, capseen;
};

/*
 * Add the examples of the file at path.  Problems (an unknown label, a
 * line without a tab, text that is not UTF-8, a file too large) go to dl
 * with their line and column.  Returns false when there was any.
 */
bool examples_read(struct example_set *es, const char *path, struct diag_list *dl);

/* Add the words of a word list (one a line, as /usr/share/dict/words)
 * as trusted.  False, with the problem in dl, when it cannot be read. */
bool examples_read_words(struct example_set *es, const char *path, struct diag_list *dl);

/* Add every question of bank b as an example of its category, and the
 * words of its questions and replies as trusted. */
void examples_add_bank(struct example_set *es, const struct bank *b);

/* Settle the trusted words (call once, after the last file). */
void examples_finish(struct example_set *es);

void examples_free(struct example_set *es);

#endif
