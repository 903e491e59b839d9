/*
 * literals.h -- words any match of a pattern must contain.
 *
 * For a caseless pattern (rule.h's options), the lowercase ASCII strings
 * of which every match holds at least one, when they can be told from
 * the pattern's source: then a line holding none of them, in ASCII
 * lowercase and with no byte of 0x80 or more (where caseless matching
 * reaches beyond ASCII: the Kelvin sign is a 'k'), cannot match, and the
 * pattern need not be run on it.  Knows nothing of what the patterns are
 * for; classify.c uses it to skip cues.
 */
#ifndef INFOCOACH_LITERALS_H
#define INFOCOACH_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The strings every match of pattern contains one of, into *out (a
 * NULL-terminated array; free each string and the array), and their
 * count; 0 (and *out NULL) when nothing safe can be said.
 */
size_t literals_required(const char *pattern, char ***out);

/*
 * literals_required for each of patterns[0..n): words[k] and counts[k]
 * (words[k] NULL-terminated, counts[k] 0 when nothing safe can be said).
 * The words and their arrays are all in one block of memory, returned:
 * free it, and nothing else, when done with them.  Reading patterns
 * costs, so the whole list is kept in the shared cache (patcache.h) and
 * taken from there by a run with the same patterns.
 */
void *literals_list(const char *const *patterns, size_t n, char ***words, size_t *counts);

/*
 * The top-level alternatives of pattern ("a|b(c|d)|e" has three): the
 * offset and length of each in start[] and len[] (room for max), and
 * their number; 0 when the pattern is not safely so cut: one alternative,
 * more than max, or anything that makes a part's meaning depend on the
 * rest (inline options or a verb at the top level, back references,
 * recursion, named groups, \Q...\E, comments).  Each part matches,
 * alone, where it matches as a branch of the whole.
 */
size_t literals_alternatives(const char *pattern, size_t *start, size_t *len, size_t max);

#endif
