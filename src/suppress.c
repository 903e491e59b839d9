/*
 * suppress.c -- what a draft's comments tell the checker to leave alone
 * (see suppress.h).
 */
#include <config.h>

#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static const char tag[] = "infocoach:";

void
suppress_reset(struct suppress *s)
{
	for (size_t i = 0; i < s->noff; i++)
		free(s->off[i]);
	s->noff = 0;
	for (size_t i = 0; i < s->nnext; i++)
		free(s->next[i]);
	s->nnext = 0;
	s->next_set = false;
}

void
suppress_free(struct suppress *s)
{
	suppress_reset(s);
	free(s->off);
	free(s->next);
	free(s->effect);
	memset(s, 0, sizeof *s);
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The next word of text[*at..len), separated by blanks, commas or NULs
 * (suppress_trailing ends the words it keeps with a NUL). */
static bool
next_word(const char *text, size_t len, size_t *at, const char **w, size_t *wl)
{
	size_t i = *at;
	while (i < len && (is_space(text[i]) || text[i] == ',' || text[i] == '\0'))
		i++;
	if (i == len)
		return false;
	size_t j = i;
	while (j < len && !is_space(text[j]) && text[j] != ',' && text[j] != '\0')
		j++;
	*w = text + i;
	*wl = j - i;
	*at = j;
	return true;
}

static bool
word_is(const char *w, size_t wl, const char *s)
{
	return wl == strlen(s) && memcmp(w, s, wl) == 0;
}

static bool
in_set(char *const *set, size_t n, const char *w, size_t wl)
{
	for (size_t i = 0; i < n; i++)
		if (word_is(w, wl, set[i]))
			return true;
	return false;
}

static void
off_add(struct suppress *s, const char *id, size_t idl)
{
	if (in_set(s->off, s->noff, id, idl))
		return;
	xgrow((void **)&s->off, &s->capoff, s->noff + 1, sizeof *s->off);
	s->off[s->noff++] = xstrndup(id, idl);
}

static void
off_remove(struct suppress *s, const char *id, size_t idl)
{
	for (size_t i = 0; i < s->noff; i++) {
		if (word_is(id, idl, s->off[i])) {
			free(s->off[i]);
			s->off[i--] = s->off[--s->noff];
		}
	}
}

static void
off_clear(struct suppress *s)
{
	for (size_t i = 0; i < s->noff; i++)
		free(s->off[i]);
	s->noff = 0;
}

enum directive
suppress_comment(struct suppress *s, const char *text, size_t len, const char **word, size_t *wordlen)
{
	size_t at = 0;
	const char *w;
	size_t wl;
	if (!next_word(text, len, &at, &w, &wl) || !word_is(w, wl, tag))
		return DIRECTIVE_NONE;
	if (!next_word(text, len, &at, &w, &wl)) {
		*word = text + len;
		*wordlen = 0;
		return DIRECTIVE_UNKNOWN;
	}
	bool any = false;
	const char *id;
	size_t idl;
	char *neg;
	if (word_is(w, wl, "off")) {
		while (next_word(text, len, &at, &id, &idl)) {
			any = true;
			neg = xasprintf("!%.*s", (int)idl, id);
			off_remove(s, neg, strlen(neg));
			free(neg);
			off_add(s, id, idl);
		}
		if (!any) {
			off_clear(s);
			off_add(s, "all", 3);
		}
	} else if (word_is(w, wl, "on")) {
		while (next_word(text, len, &at, &id, &idl)) {
			any = true;
			off_remove(s, id, idl);
			if (in_set(s->off, s->noff, "all", 3)) {
				/* Back on while everything else stays off. */
				neg = xasprintf("!%.*s", (int)idl, id);
				off_add(s, neg, strlen(neg));
				free(neg);
			}
		}
		if (!any)
			off_clear(s);
	} else if (word_is(w, wl, "ignore-next-line")) {
		for (size_t i = 0; i < s->nnext; i++)
			free(s->next[i]);
		s->nnext = 0;
		if (s->next == NULL)
			s->next = xcalloc(SUPPRESS_MAX_IDS, sizeof *s->next);
		while (next_word(text, len, &at, &id, &idl) && s->nnext < SUPPRESS_MAX_IDS)
			s->next[s->nnext++] = xstrndup(id, idl);
		if (s->nnext == 0)
			s->next[s->nnext++] = xstrdup("all");
		s->next_set = true;
	} else {
		*word = w;
		*wordlen = wl;
		return DIRECTIVE_UNKNOWN;
	}
	return DIRECTIVE_OK;
}

/* Where a trailing directive starts in s[0..len): "# infocoach:" or
 * "<!-- infocoach:"; NULL when there is none.  *html says which. */
static char *
find_trailing(char *s, size_t len, bool *html)
{
	/* Most lines say nothing to the checker: no "infocoach:" at all,
	 * which one pass of the C library finds out. */
	if (memchr(s, ':', len) == NULL || memmem(s, len, tag, sizeof tag - 1) == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		size_t j;
		if (s[i] == '#')
			j = i + 1;
		else if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			j = i + 4;
		else
			continue;
		while (j < len && is_space(s[j]))
			j++;
		if (len - j >= sizeof tag - 1 && memcmp(s + j, tag, sizeof tag - 1) == 0) {
			*html = s[i] == '<';
			return s + i;
		}
	}
	return NULL;
}

size_t
suppress_trailing(char *s, size_t len, char **ids, size_t *nids)
{
	*nids = 0;
	bool html = false;
	char *at = find_trailing(s, len, &html);
	if (at == NULL)
		return len;
	char *d = (char *)memchr(at, ':', (size_t)(s + len - at)) + 1;
	size_t dl = (size_t)(s + len - d);
	if (html) {
		char *end = NULL;
		for (char *p = d; p + 3 <= s + len; p++)
			if (memcmp(p, "-->", 3) == 0)
				end = p;
		if (end == NULL)
			return len;     /* not closed: not a directive */
		dl = (size_t)(end - d);
	}
	size_t pos = 0;
	const char *w;
	size_t wl;
	if (!next_word(d, dl, &pos, &w, &wl) || !word_is(w, wl, "ignore"))
		return len;     /* not a directive we know: the text stays whole */
	while (*nids < SUPPRESS_MAX_IDS && next_word(d, dl, &pos, &w, &wl)) {
		char *id = d + (w - d);         /* the same place, writable */
		id[wl] = '\0';
		ids[(*nids)++] = id;
	}
	static char all[] = "all";
	if (*nids == 0)
		ids[(*nids)++] = all;
	size_t keep = (size_t)(at - s);
	while (keep > 0 && is_space(s[keep - 1]))
		keep--;
	return keep;
}

char **
suppress_collect(struct suppress *s, char *const *own, size_t nown, size_t *n)
{
	xgrow((void **)&s->effect, &s->capeffect, nown + s->nnext + s->noff + 1, sizeof *s->effect);
	char **out = s->effect;
	*n = 0;
	for (size_t i = 0; i < nown; i++)
		out[(*n)++] = own[i];
	s->next_used = s->next_set;
	if (s->next_set) {
		for (size_t i = 0; i < s->nnext; i++)
			out[(*n)++] = s->next[i];
		s->next_set = false;    /* used up by this question; freed later */
	}
	for (size_t i = 0; i < s->noff; i++) {
		/* A rule this line ignores by name stays ignored. */
		const char *o = s->off[i];
		if (o[0] == '!' && (in_set(own, nown, o + 1, strlen(o + 1)) ||
		    (s->next_used && in_set(s->next, s->nnext, o + 1, strlen(o + 1)))))
			continue;
		out[(*n)++] = s->off[i];
	}
	return out;
}
