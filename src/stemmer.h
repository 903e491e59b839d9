/*
 * stemmer.h -- English stems (the Snowball "english" stemmer).
 *
 * The learned model's features are stems.  This is libstemmer's English
 * stemmer behind one small interface, so that model.c does not care how
 * it was linked: through libstemmer's own interface (sb_stemmer_new), or,
 * where configure found it works the same (STEMMER_STATIC_ENGLISH), by
 * calling the English stemmer of the static library alone.  That spares
 * every process loading the shared library, whose tables of some thirty
 * languages take ten thousand relocations and eighty-odd written pages
 * before main: about a quarter of a millisecond of a short check.
 */
#ifndef INFOCOACH_STEMMER_H
#define INFOCOACH_STEMMER_H

#include <stddef.h>

struct stemmer;

/* A new English stemmer; NULL when out of memory. */
struct stemmer *stemmer_new(void);

/* The stem of w[0..len) (UTF-8), *stem_len bytes at the address returned,
 * which is good until the next call; NULL if it cannot be stemmed (out
 * of memory). */
const char *stemmer_stem(struct stemmer *s, const char *w, size_t len, size_t *stem_len);

void stemmer_free(struct stemmer *s);

#endif
