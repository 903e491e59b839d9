/*
 * suppress.h -- what a draft's comments tell the checker to leave alone.
 *
 * Directives are comments that start with "infocoach:", in either of the
 * two comment styles of plain-text and Markdown drafts:
 *
 *     # infocoach: off job-ask salary      rules off from here ...
 *     # infocoach: on                      ... to here (all back on)
 *     # infocoach: ignore-next-line closed the next question only
 *     <!-- infocoach: off -->              the same, in Markdown
 *     Are you hiring?  # infocoach: ignore job-ask.hiring
 *     Are you hiring?  <!-- infocoach: ignore -->
 *
 * An id is a rule id (job-ask.hiring), a kind (job_ask, also written
 * job-ask) or "all"; a directive without ids means all.  "on" with ids
 * turns only those back on, also after an "off" of all rules.  List-level findings (missing closing
 * questions, tiers, length) are about the whole list and are not
 * suppressed; a duplicate is, on the line that repeats.
 */
#ifndef INFOCOACH_SUPPRESS_H
#define INFOCOACH_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#define SUPPRESS_MAX_IDS 16     /* ids one directive may name */

struct suppress {
	char **off;             /* ids turned off by "off", and "!id" for one
	                           turned back on while "all" is off (owned) */
	size_t noff, capoff;
	char **next;            /* ids for the next question (owned) */
	size_t nnext;
	bool next_set;          /* an ignore-next-line is pending */
	bool next_used;         /* ... and applies to the question collected now */
	char **effect;          /* what suppress_collect() returns (owned array) */
	size_t capeffect;
};

enum directive {
	DIRECTIVE_NONE,         /* not an infocoach directive: a plain comment */
	DIRECTIVE_OK,           /* understood and applied */
	DIRECTIVE_UNKNOWN,      /* "infocoach:" followed by an unknown word */
};

/* Forget every directive (at the start of each file). */
void suppress_reset(struct suppress *s);
void suppress_free(struct suppress *s);

/*
 * The text of a comment line (what follows '#', or what is inside
 * "<!--" and "-->"): apply it when it is a directive.  On
 * DIRECTIVE_UNKNOWN, *word and *wordlen give the unknown word.
 */
enum directive suppress_comment(struct suppress *s, const char *text, size_t len,
    const char **word, size_t *wordlen);

/*
 * Find a trailing "# infocoach: ignore [ID...]" or
 * "<!-- infocoach: ignore [ID...] -->" in the question line s[0..len).
 * Returns the length of the question before it (len when there is none),
 * and puts the ids named (or "all") in ids, pointing into s, which is
 * changed.  s[len] must be writable.
 */
size_t suppress_trailing(char *s, size_t len, char **ids, size_t *nids);

/*
 * The ids in effect for the next question: its own trailing ids, a
 * pending ignore-next-line (used up here) and the "off" set; *n is set
 * to their number.  The array and the strings stay valid until the next
 * call or suppress_comment().  An id "!ID" means the rule ID is on again
 * although "all" is off.
 */
char **suppress_collect(struct suppress *s, char *const *own, size_t nown, size_t *n);

#endif
