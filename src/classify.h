/*
 * classify.h -- which category of the taxonomy a question belongs to.
 *
 * The same classifier serves the batch checker and the practice host, so
 * a line gets one category wherever it is typed.  It is built from the
 * active rule set: the cue patterns of every loaded file vote for their
 * category (one point per cue that matches), and the words a line shares
 * with the banks' own questions (the default bank's always, as
 * rs->reference when it is not chosen) add a smaller bonus, which settles
 * ties and places questions no cue recognises.  A line with no cue and little
 * in common with any bank question gets CAT_NONE.
 */
#ifndef INFOCOACH_CLASSIFY_H
#define INFOCOACH_CLASSIFY_H

#include <stddef.h>

#include "catalog.h"
#include "rule.h"
#include "taxonomy.h"

struct classifier;

/* Build a classifier from rs (which must outlive it).  Never fails. */
struct classifier *classifier_new(const struct ruleset *rs);

/* Free it; NULL is fine. */
void classifier_free(struct classifier *c);

/*
 * The category of s[0..len) (valid UTF-8), or CAT_NONE.  A cue that could
 * not be evaluated (a PCRE2 limit) makes the result CAT_NONE and stores
 * the negative PCRE2 code in *err (when err is not NULL; 0 otherwise).
 */
enum category classify(struct classifier *c, struct matcher *m, const char *s,
    size_t len, int *err);

/*
 * What classify() weighs: each category's score (cue votes plus the
 * weighted word similarity; 0 for a category with neither) in
 * out[0..CAT_COUNT).  Returns 0, or the negative PCRE2 code of a cue that
 * could not be evaluated (then out is all 0).
 */
int classify_scores(struct classifier *c, struct matcher *m, const char *s, size_t len,
    float out[CAT_COUNT]);

#endif
