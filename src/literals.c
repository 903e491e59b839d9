/*
 * literals.c -- words any match of a pattern must contain (see literals.h).
 *
 * A small recursive descent over the pattern's source, computing for each
 * piece one of three facts (as in Russ Cox's trigram index):
 *
 *   EXACT s   the piece matches exactly one of the strings s
 *   REQ s     every match of the piece contains one of the strings s
 *   ANY       nothing is known
 *
 * A literal is EXACT {c}; \b, ^, $ and lookarounds are EXACT {""}; \d is
 * EXACT {"0", ..., "9"} (on an ASCII line it is no more); a class, '.', \w
 * and the like are ANY; a sequence crosses EXACT sets while they
 * stay small and otherwise keeps the better requirement of its parts; an
 * alternation unites its branches' sets.  Anything this reader does not
 * know (inline options, back references, \p, \x, \Q...) gives up on the
 * whole pattern: no answer is always safe.  Letters are lowercased, as the
 * patterns are caseless; only ASCII is ever returned, and a byte of 0x80
 * or more in the pattern is ANY.
 */
#include <config.h>

#include "literals.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "patcache.h"
#include "xmalloc.h"

#define MAX_SET 32              /* strings in a set */
#define MAX_LEN 24              /* bytes in a string */

enum kind { EXACT, REQ, ANY };

struct set {
	enum kind kind;
	char s[MAX_SET][MAX_LEN + 1]; /* the strings, for EXACT and REQ */
	size_t n;
};

struct parser {
	const char *p;          /* the rest of the pattern */
	bool bad;               /* something this reader does not know */
};

static void
set_clear(struct set *a)
{
	a->n = 0;
}

static void
set_one(struct set *a, enum kind k, const char *s, size_t len)
{
	a->kind = k;
	memcpy(a->s[0], s, len);   /* len is 0 or 1 */
	a->s[0][len] = '\0';
	a->n = 1;
}

static void
set_any(struct set *a)
{
	set_clear(a);
	a->kind = ANY;
}

/* dst = src, src emptied (dst must be empty); only the strings in use
 * are copied. */
static void
set_move(struct set *dst, struct set *src)
{
	dst->kind = src->kind;
	dst->n = src->n;
	memcpy(dst->s, src->s, src->n * sizeof src->s[0]);
	src->n = 0;
	src->kind = ANY;
}

/* Add s to a unless it is there; false when the set is full. */
static bool
set_add(struct set *a, const char *s)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->s[i], s) == 0)
			return true;
	size_t len = strlen(s);
	if (a->n == MAX_SET || len > MAX_LEN)
		return false;
	memcpy(a->s[a->n++], s, len + 1);
	return true;
}

/* Whether a can stand as a requirement: a set without "". */
static bool
usable(const struct set *a)
{
	if (a->kind == ANY || a->n == 0)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->s[i][0] == '\0')
			return false;
	return true;
}

/* Words nearly every question holds: a requirement met by one of them
 * (or by a piece of one: "hat" is in "what") lets almost every line
 * through, however long it is. */
static const char *const everyday[] = {
	"you", "your", "what", "how", "the", "do", "does", "did", "are", "is", "can", "could",
	"would", "and", "for", "with", "that", "this", "have", "about", "when", "where", "which",
	"who", "why", "work", NULL,
};
#define EVERYDAY_LONGEST 5      /* the longest of them */

/* How selective a string is: its length, or 1 for a piece of an
 * everyday word. */
static int
cmp_piece(const void *a, const void *b)
{
	return strcmp(a, b);
}

static size_t
worth(const char *s)
{
	/* Every piece of an everyday word, sorted, made once: a set of
	 * strings is weighed often while a pattern is read. */
	static char piece[512][EVERYDAY_LONGEST + 1];
	static size_t npiece;
	if (npiece == 0) {
		for (const char *const *w = everyday; *w != NULL; w++)
			for (size_t i = 0; (*w)[i] != '\0'; i++)
				for (size_t l = 1; (*w)[i + l - 1] != '\0' && npiece < 512; l++) {
					memcpy(piece[npiece], *w + i, l);
					piece[npiece++][l] = '\0';
				}
		qsort(piece, npiece, sizeof *piece, cmp_piece);
	}
	size_t len = strlen(s);
	if (len <= EVERYDAY_LONGEST && bsearch(s, piece, npiece, sizeof *piece, cmp_piece) != NULL)
		return 1;
	/* Few questions hold a figure: a digit tells as much as a short
	 * word. */
	if (len == 1 && s[0] >= '0' && s[0] <= '9')
		return 2;
	return len;
}

/* How selective a requirement is: its least selective string's worth. */
static size_t
shortest(const struct set *a)
{
	size_t m = MAX_LEN + 1;
	for (size_t i = 0; i < a->n; i++) {
		size_t w = worth(a->s[i]);
		if (w < m)
			m = w;
	}
	return m;
}

/* a = a followed by b, both EXACT, when the product stays within the
 * limits (b is then emptied); false, and nothing changed, otherwise. */
static bool
cross(struct set *a, struct set *b)
{
	if (a->kind != EXACT || b->kind != EXACT || a->n * b->n > MAX_SET)
		return false;
	if (b->n == 1) {
		/* The common case, one more letter: appended in place (the
		 * strings stay distinct). */
		size_t lb = strlen(b->s[0]);
		for (size_t i = 0; i < a->n; i++)
			if (strlen(a->s[i]) + lb > MAX_LEN)
				return false;
		for (size_t i = 0; i < a->n; i++)
			memcpy(a->s[i] + strlen(a->s[i]), b->s[0], lb + 1);
		set_any(b);
		return true;
	}
	struct set r;
	r.kind = EXACT;
	r.n = 0;
	bool fits = true;
	for (size_t i = 0; fits && i < a->n; i++)
		for (size_t j = 0; fits && j < b->n; j++) {
			size_t la = strlen(a->s[i]), lb = strlen(b->s[j]);
			char buf[MAX_LEN + 1];
			if (la + lb > MAX_LEN) {
				fits = false;
				break;
			}
			memcpy(buf, a->s[i], la);
			memcpy(buf + la, b->s[j], lb);
			buf[la + lb] = '\0';
			fits = set_add(&r, buf);
		}
	if (!fits) {
		set_clear(&r);
		return false;
	}
	set_clear(a);
	set_any(b);
	set_move(a, &r);
	return true;
}

/* Make x the requirement in best when it is usable and more selective;
 * x is emptied either way. */
static void
keep_better(struct set *best, struct set *x)
{
	if (usable(x) && (!usable(best) || shortest(x) > shortest(best))) {
		set_clear(best);
		set_move(best, x);
		best->kind = REQ;
	}
	set_any(x);
}

/* a = a or b (b is emptied). */
static void
either(struct set *a, struct set *b)
{
	if (a->kind == EXACT && b->kind == EXACT) {
		bool fits = true;
		for (size_t i = 0; fits && i < b->n; i++)
			fits = set_add(a, b->s[i]);
		set_any(b);
		if (!fits)
			set_any(a);
		return;
	}
	if (!usable(a) || !usable(b)) {
		set_any(a);
		set_any(b);
		return;
	}
	bool fits = true;
	for (size_t i = 0; fits && i < b->n; i++)
		fits = set_add(a, b->s[i]);
	a->kind = fits ? REQ : ANY;
	if (!fits)
		set_any(a);
	set_any(b);
}

static void alternation(struct parser *ps, struct set *out);

/* A quantifier after an atom, if any: its least count (or -1 when there
 * is none), and at most (or -1 for no limit). */
static bool
quantifier(struct parser *ps, long *min, long *max)
{
	const char *p = ps->p;
	*min = -1;
	if (*p == '?' || *p == '*' || *p == '+') {
		*min = *p == '+';
		*max = *p == '?' ? 1 : -1;
		p++;
	} else if (*p == '{') {
		/* {n}, {n,} or {n,m}; anything else is a literal '{' to PCRE2,
		 * which this reader leaves alone. */
		const char *q = p + 1;
		long lo = 0, hi = -1;
		if (!(*q >= '0' && *q <= '9')) {
			ps->bad = true;
			return false;
		}
		while (*q >= '0' && *q <= '9' && lo < 100000)
			lo = lo * 10 + (*q++ - '0');
		hi = lo;
		if (*q == ',') {
			q++;
			hi = -1;
			if (*q >= '0' && *q <= '9')
				for (hi = 0; *q >= '0' && *q <= '9' && hi < 100000;)
					hi = hi * 10 + (*q++ - '0');
		}
		if (*q != '}') {
			ps->bad = true;
			return false;
		}
		*min = lo;
		*max = hi;
		p = q + 1;
	} else {
		return false;
	}
	if (*p == '?' || *p == '+')   /* lazy or possessive: the same strings */
		p++;
	ps->p = p;
	return true;
}

/* One atom with its quantifier into out. */
static void
atom(struct parser *ps, struct set *out)
{
	const char *p = ps->p;
	unsigned char c = (unsigned char)*p;
	set_any(out);
	if (c == '(') {
		bool look = false;
		p++;
		if (*p == '?') {
			if (p[1] == ':') {
				p += 2;
			} else if (p[1] == '=' || p[1] == '!') {
				look = true;
				p += 2;
			} else if (p[1] == '<' && (p[2] == '=' || p[2] == '!')) {
				look = true;
				p += 3;
			} else {
				ps->bad = true;
				return;
			}
		} else if (*p == '*') {
			ps->bad = true;
			return;
		}
		ps->p = p;
		alternation(ps, out);
		if (ps->bad || *ps->p != ')') {
			ps->bad = true;
			return;
		}
		ps->p++;
		if (look) {
			set_clear(out);
			set_one(out, EXACT, "", 0);
		}
	} else if (c == '[') {
		p++;
		if (*p == '^')
			p++;
		if (*p == ']')
			p++;
		while (*p != '\0' && *p != ']') {
			if (p[0] == '[' && p[1] == ':') {
				ps->bad = true;
				return;
			}
			if (*p == '\\' && p[1] != '\0')
				p++;
			p++;
		}
		if (*p != ']') {
			ps->bad = true;
			return;
		}
		ps->p = p + 1;
	} else if (c == '.') {
		ps->p = p + 1;
	} else if (c == '^' || c == '$') {
		set_one(out, EXACT, "", 0);
		ps->p = p + 1;
	} else if (c == '\\') {
		unsigned char e = (unsigned char)p[1];
		if (e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'G') {
			set_one(out, EXACT, "", 0);
		} else if (e == 'd') {
			out->kind = EXACT;
			for (char d = '0'; d <= '9'; d++)
				set_add(out, (char[]){d, '\0'});
		} else if (strchr("sSwWdDhHvVRN", e) != NULL && e != '\0') {
			/* a class: ANY */
		} else if (e != '\0' && e < 0x80 && !(e >= 'a' && e <= 'z') && !(e >= 'A' && e <= 'Z') &&
		    !(e >= '0' && e <= '9')) {
			char lit = (char)e;
			set_one(out, EXACT, &lit, 1);
		} else {
			ps->bad = true;
			return;
		}
		ps->p = p + 2;
	} else if (c >= 0x80) {
		ps->p = p + 1;   /* one byte of a UTF-8 character: ANY */
	} else if (c == ')' || c == '|' || c == '\0' || c == '?' || c == '*' || c == '+' || c == '{') {
		ps->bad = true;
		return;
	} else {
		char lit = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		set_one(out, EXACT, &lit, 1);
		ps->p = p + 1;
	}
	long min, max;
	if (!ps->bad && quantifier(ps, &min, &max)) {
		if (min == 0 && max == 1 && out->kind == EXACT) {
			if (!set_add(out, ""))
				set_any(out);
		} else if (min == 0) {
			set_any(out);
		} else if (!(min == 1 && max == 1)) {
			if (usable(out))
				out->kind = REQ;
			else
				set_any(out);
		}
	}
}

/* A sequence of atoms, up to '|' or ')' or the end: runs of EXACT atoms
 * are multiplied out, and the most selective run or requirement of any
 * atom stands for the whole. */
static void
sequence(struct parser *ps, struct set *out)
{
	struct set best, cur;
	best.kind = cur.kind = ANY;
	best.n = cur.n = 0;
	bool exact = true;   /* every atom so far went into cur */
	set_one(&cur, EXACT, "", 0);
	while (!ps->bad && *ps->p != '\0' && *ps->p != '|' && *ps->p != ')') {
		struct set a;
		a.kind = ANY;
		a.n = 0;
		atom(ps, &a);
		if (cross(&cur, &a))
			continue;
		exact = false;
		keep_better(&best, &cur);
		if (a.kind == EXACT) {
			set_move(&cur, &a);
		} else {
			set_one(&cur, EXACT, "", 0);
			keep_better(&best, &a);
		}
	}
	set_clear(out);
	if (exact) {
		set_move(out, &cur);
	} else {
		keep_better(&best, &cur);
		set_move(out, &best);
	}
}

static void
alternation(struct parser *ps, struct set *out)
{
	sequence(ps, out);
	while (!ps->bad && *ps->p == '|') {
		ps->p++;
		struct set b;
		b.kind = ANY;
		b.n = 0;
		sequence(ps, &b);
		either(out, &b);
		set_clear(&b);
	}
}

size_t
literals_required(const char *pattern, char ***out)
{
	struct parser ps = {pattern, false};
	struct set s;
	s.kind = ANY;
	s.n = 0;
	alternation(&ps, &s);
	*out = NULL;
	if (ps.bad || *ps.p != '\0' || !usable(&s)) {
		set_clear(&s);
		return 0;
	}
	*out = xcalloc(s.n + 1, sizeof **out);
	for (size_t i = 0; i < s.n; i++)
		(*out)[i] = xstrdup(s.s[i]);
	return s.n;
}

/* Append n bytes of p to buf (NUL-terminated). */
static void
put_bytes(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	xgrow((void **)buf, cap, *len + n + 1, 1);
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* Append v in decimal and a colon (by hand: snprintf was a quarter of
 * the cost of a list read from the cache). */
static void
put_num(char **buf, size_t *len, size_t *cap, size_t v)
{
	char num[24];
	size_t i = sizeof num;
	num[--i] = ':';
	do
		num[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put_bytes(buf, len, cap, num + i, sizeof num - i);
}

/* The lists of the record r[0..len) for n patterns (see literals_list)
 * in one block of memory, which words[k] and counts[k] point into; NULL
 * unless the record holds exactly n lists.  The record is read twice:
 * once to check it and size the block, once to fill it. */
static void *
unpack(const char *r, size_t len, size_t n, char ***words, size_t *counts)
{
	size_t at = 0, nptrs = 0, nbytes = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t nw = 0, wl = 0;
		if (len - at < 4)
			return NULL;
		memcpy(&nw, r + at, 4), at += 4;
		for (uint32_t w = 0; w < nw; w++) {
			if (len - at < 4)
				return NULL;
			memcpy(&wl, r + at, 4), at += 4;
			if (wl == 0 || wl > len - at)
				return NULL;
			at += wl;
			nbytes += (size_t)wl + 1;
		}
		nptrs += (size_t)nw + 1;
	}
	if (at != len)
		return NULL;
	char **ptrs = xmalloc(nptrs * sizeof *ptrs + nbytes), *block = (char *)ptrs;
	char *text = (char *)(ptrs + nptrs);
	at = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t nw = 0, wl = 0;
		memcpy(&nw, r + at, 4), at += 4;
		words[k] = ptrs;
		counts[k] = nw;
		for (uint32_t w = 0; w < nw; w++) {
			memcpy(&wl, r + at, 4), at += 4;
			memcpy(text, r + at, wl);
			text[wl] = '\0';
			*ptrs++ = text;
			text += (size_t)wl + 1;
			at += wl;
		}
		*ptrs++ = NULL;
	}
	return block;
}

/* The list is kept in the shared cache (patcache.h) under a key that
 * spells out every pattern; the record is each pattern's count of words,
 * then the words, each as its length and bytes. */
void *
literals_list(const char *const *patterns, size_t n, char ***words, size_t *counts)
{
	char *key = NULL, *rec = NULL;
	size_t klen = 0, kcap = 0, rlen = 0, rcap = 0;
	put_bytes(&key, &klen, &kcap, "literals3 ", 10);
	for (size_t i = 0; i < n; i++) {
		put_num(&key, &klen, &kcap, strlen(patterns[i]));
		put_bytes(&key, &klen, &kcap, patterns[i], strlen(patterns[i]));
	}
	struct patcache *pc = patcache_shared();
	size_t have = 0;
	const char *r = (const char *)patcache_get_blob(pc, key, &have);
	void *block = r != NULL ? unpack(r, have, n, words, counts) : NULL;
	if (block == NULL) {
		for (size_t k = 0; k < n; k++) {
			char **list = NULL;
			uint32_t nw = (uint32_t)literals_required(patterns[k], &list);
			put_bytes(&rec, &rlen, &rcap, &nw, 4);
			for (size_t w = 0; w < nw; w++) {
				uint32_t wl = (uint32_t)strlen(list[w]);
				put_bytes(&rec, &rlen, &rcap, &wl, 4);
				put_bytes(&rec, &rlen, &rcap, list[w], wl);
				free(list[w]);
			}
			free(list);
		}
		patcache_put_blob(pc, key, rec != NULL ? rec : "", rlen);
		block = unpack(rec != NULL ? rec : "", rlen, n, words, counts);
	}
	free(key);
	free(rec);
	return block;
}

size_t
literals_alternatives(const char *pattern, size_t *start, size_t *len, size_t max)
{
	size_t n = 0, from = 0, depth = 0;
	const char *p = pattern;
	for (size_t i = 0; p[i] != '\0'; i++) {
		char c = p[i];
		if (c == '\\') {
			char e = p[i + 1];
			/* Back references and \Q...\E tie a part to the rest;
			 * any other escape is one character or class. */
			if (e == '\0' || (e >= '1' && e <= '9') || e == 'g' || e == 'k' || e == 'Q')
				return 0;
			i++;
			continue;
		}
		if (c == '[') {
			/* A class: up to its ']', which may come first ("[]a]",
			 * "[^]a]"); POSIX names inside ("[[:alpha:]]") end at
			 * ":]". */
			size_t j = i + 1;
			if (p[j] == '^')
				j++;
			if (p[j] == ']')
				j++;
			for (; p[j] != '\0' && p[j] != ']'; j++) {
				if (p[j] == '\\' && p[j + 1] != '\0')
					j++;
				else if (p[j] == '[' && p[j + 1] == ':') {
					const char *end = strstr(p + j + 2, ":]");
					if (end == NULL)
						return 0;
					j = (size_t)(end - p) + 1;
				}
			}
			if (p[j] == '\0')
				return 0;
			i = j;
			continue;
		}
		if (c == '(') {
			/* Groups that only group or look around are fine at any
			 * depth; options, verbs, names, comments and recursion
			 * are not (at the top they reach into later parts). */
			if (p[i + 1] == '?') {
				char k = p[i + 2];
				bool plain = k == ':' || k == '=' || k == '!' || k == '>' ||
				    (k == '<' && (p[i + 3] == '=' || p[i + 3] == '!'));
				if (!plain)
					return 0;
			} else if (p[i + 1] == '*') {
				return 0;
			}
			depth++;
			continue;
		}
		if (c == ')') {
			if (depth == 0)
				return 0;
			depth--;
			continue;
		}
		if (c == '|' && depth == 0) {
			if (n == max)
				return 0;
			start[n] = from;
			len[n] = i - from;
			n++;
			from = i + 1;
		}
	}
	if (depth != 0 || n == 0 || n == max)
		return 0;
	start[n] = from;
	len[n] = strlen(p) - from;
	return n + 1;
}
