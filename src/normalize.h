/*
 * normalize.h -- what a line says, before any rule or model sees it.
 *
 * One function turns a line as typed into a normalised form: ASCII
 * letters lowercased, curly quotes and dashes made plain, common accents
 * folded (résumé -> resume), texting forms spelt out (u -> you,
 * pls -> please, ur -> your), CV and curriculum vitae called resume, and
 * likely misspellings of the words the rules and the model rely on
 * corrected (salery -> salary, hirng -> hiring).  Every byte of the
 * result remembers which bytes of the original it came from, so a
 * finding made on the normalised text points at the right columns of the
 * line the user wrote.
 *
 * A struct norm is reusable: after the first few lines it allocates
 * nothing.  Nothing here knows about rules, banks or sessions.
 */
#ifndef INFOCOACH_NORMALIZE_H
#define INFOCOACH_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct norm_word;

/* Words known to be spelt right (beyond the built-in vocabulary), as
 * sorted hashes of their normalised form (norm_hash). */
struct lexicon {
	const uint32_t *h;
	size_t n;
};

struct norm {
	char *text;             /* the normalised line, NUL-terminated */
	size_t len;             /* its length in bytes */
	size_t *so;             /* so[i]: where the original bytes that made
	                           text[i] start */
	size_t *eo;             /* eo[i]: where they end */
	size_t cap;             /* allocated for text, so and eo */
	bool ident;             /* so[i] is i and eo[i] is i + 1 for every i,
	                           and neither is written (most lines: ASCII,
	                           nothing respelt); read them with norm_span */
	unsigned corrected;     /* words respelt in the last line */
	char dropped_g[40];     /* scratch for a word given back its g */
	const struct lexicon *lex; /* extra known words (borrowed; may be NULL) */
	struct norm_word *words; /* what recent words stand for (owned; made
	                            on first use, see normalize.c) */
	const struct lexicon *words_lex; /* the lexicon words was made with */
	unsigned lines;         /* lines normalised so far (counts up to 2) */
};

/* An empty struct norm; free with norm_free. */
void norm_init(struct norm *n);
void norm_free(struct norm *n);

/*
 * Normalise s[0..len) (valid UTF-8) into n->text.  Never fails (memory
 * aside).
 */
void normalize(struct norm *n, const char *s, size_t len);

/* The original byte range of the normalised range [so, eo). */
void norm_span(const struct norm *n, size_t so, size_t eo, size_t *oso, size_t *oeo);

/* The hash of a word as the lexicon keeps it (FNV-1a, 32 bits). */
uint32_t norm_hash(const char *w, size_t len);

/* Whether w[0..len) is a word the built-in vocabulary or n's lexicon
 * knows. */
bool norm_known(const struct norm *n, const char *w, size_t len);

#endif
