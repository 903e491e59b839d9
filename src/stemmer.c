/*
 * stemmer.c -- English stems (see stemmer.h).
 */
#include <config.h>

#include "stemmer.h"

#include <limits.h>
#include <stdlib.h>

#ifdef STEMMER_STATIC_ENGLISH
/*
 * The English stemmer of libstemmer.a, called as libstemmer's own
 * sb_stemmer_stem calls it.  Its header is not installed, so the few
 * declarations are here; of its state only the first members are read
 * (the word, as the stemmer left it: its bytes and, two ints on, its
 * length).  configure builds a program that stems a list of words both
 * this way and through sb_stemmer_stem, and defines STEMMER_STATIC_ENGLISH
 * only when every stem is the same; tests/unit/test_stemmer checks known
 * stems again.
 */
struct SN_env;
struct SN_env *english_UTF_8_create_env(void);
void english_UTF_8_close_env(struct SN_env *z);
int english_UTF_8_stem(struct SN_env *z);
int SN_set_current(struct SN_env *z, int size, const unsigned char *s);

struct sn_head {                /* how struct SN_env begins */
	unsigned char *p;       /* the word */
	int c;                  /* the cursor */
	int l;                  /* the word's length */
};

struct stemmer {
	struct SN_env *env;
};

struct stemmer *
stemmer_new(void)
{
	struct stemmer *s = malloc(sizeof *s);
	if (s == NULL)
		return NULL;
	s->env = english_UTF_8_create_env();
	if (s->env == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

const char *
stemmer_stem(struct stemmer *s, const char *w, size_t len, size_t *stem_len)
{
	if (len > INT_MAX || SN_set_current(s->env, (int)len, (const unsigned char *)w) != 0 ||
	    english_UTF_8_stem(s->env) < 0)
		return NULL;
	const struct sn_head *h = (const struct sn_head *)(const void *)s->env;
	*stem_len = (size_t)h->l;
	return (const char *)h->p;
}

void
stemmer_free(struct stemmer *s)
{
	if (s == NULL)
		return;
	english_UTF_8_close_env(s->env);
	free(s);
}

#else

#include <libstemmer.h>

struct stemmer {
	struct sb_stemmer *sb;
};

struct stemmer *
stemmer_new(void)
{
	struct stemmer *s = malloc(sizeof *s);
	if (s == NULL)
		return NULL;
	s->sb = sb_stemmer_new("english", NULL);
	if (s->sb == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

const char *
stemmer_stem(struct stemmer *s, const char *w, size_t len, size_t *stem_len)
{
	if (len > INT_MAX)
		return NULL;
	const sb_symbol *st = sb_stemmer_stem(s->sb, (const sb_symbol *)w, (int)len);
	if (st == NULL)
		return NULL;
	*stem_len = (size_t)sb_stemmer_length(s->sb);
	return (const char *)st;
}

void
stemmer_free(struct stemmer *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->sb);
	free(s);
}

#endif
