/*
 * firm.c -- firms, agencies and other organisations a host names (see
 * firm.h).
 *
 * An organisation's name is capitalised words joined by "&" or "and"
 * ("Pell & Archer") or ending in a word that only firms use ("Harlow
 * Group", "Bright Lane Ltd").
 */
#include <config.h>

#include "firm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "xmalloc.h"

/* Words that end a firm's name. */
static const char *const suffixes[] = {"ltd", "inc", "llp", "llc", "plc", "corp", "co", "group",
	"agency", "partners", "associates", "consulting", "consultancy", "holdings", "corporation",
	"company", "limited", "incorporated", NULL};

/* Whether the word at w (n bytes) is capitalised. */
static bool
capital(const char *w, size_t n)
{
	return n > 0 && isupper((unsigned char)w[0]);
}

/* Where a joiner ("& " or "and ") at p ends, or NULL. */
static const char *
joiner(const char *p)
{
	if (strncmp(p, "& ", 2) == 0)
		return p + 2;
	if (strncasecmp(p, "and ", 4) == 0)
		return p + 4;
	return NULL;
}

bool
firm_name(const char *name)
{
	size_t words = 0;
	const char *last = NULL;
	size_t last_n = 0;
	for (const char *p = name; *p != '\0';) {
		while (*p == ' ')
			p++;
		const char *j = joiner(p);
		if (j != NULL && words > 0 && text_word_len(j) > 0)
			return true;
		size_t n = text_word_len(p);
		if (n == 0) {
			p += *p != '\0';
			continue;
		}
		words++;
		last = p;
		last_n = n;
		p += n;
	}
	return words >= 2 && text_word_listed(last, last_n, suffixes);
}

/* The span of the organisation's name in text that starts at the
 * capitalised word at p: its end, or NULL when the words from p make no
 * firm's name. */
static const char *
firm_from(const char *p)
{
	const char *e = p;
	bool joined = false, suffixed = false;
	size_t words = 0;
	for (;;) {
		size_t n = text_word_len(e);
		if (!capital(e, n))
			break;
		words++;
		suffixed = text_word_listed(e, n, suffixes);
		const char *next = e + n;
		if (*next == '.' && suffixed)
			next++;   /* "Co." */
		e = next;
		if (*next != ' ')
			break;
		/* Only "&" joins names into a firm's in the host's words:
		 * "Bev Thornton and Owen Bassett" are two people. */
		const char *j = strncmp(next + 1, "& ", 2) == 0 ? next + 3 : NULL;
		if (j != NULL && capital(j, text_word_len(j)) && !suffixed) {
			joined = true;
			e = j;
			continue;
		}
		if (!capital(next + 1, text_word_len(next + 1)))
			break;
		e = next + 1;
	}
	return (joined || (suffixed && words >= 2)) ? e : NULL;
}

bool
firm_around(const char *text, size_t at, size_t end)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (!isupper((unsigned char)*p) || (p > text && isalpha((unsigned char)p[-1])))
			continue;
		const char *e = firm_from(p);
		if (e != NULL && (size_t)(p - text) <= at && (size_t)(e - text) >= end)
			return true;
		if (e != NULL)
			p = e - 1;
	}
	return false;
}

bool
firm_in(const char *text, const char *employer, char *buf, size_t len)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (!isupper((unsigned char)*p) || (p > text && isalpha((unsigned char)p[-1])))
			continue;
		const char *e = firm_from(p);
		if (e == NULL)
			continue;
		size_t n = (size_t)(e - p);
		if (n < len && (employer == NULL || strncmp(employer, p, n) != 0)) {
			memcpy(buf, p, n);
			buf[n] = '\0';
			return true;
		}
		p = e - 1;
	}
	return false;
}

/* Where text names firm (as a user typed it: "pell and archer" matches
 * "Pell & Archer"), or NULL; the length written in *n. */
static const char *
names_firm(const char *text, const char *firm, size_t *n)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (!isupper((unsigned char)*p) || (p > text && isalpha((unsigned char)p[-1])))
			continue;
		const char *t = p, *f = firm;
		while (*t != '\0' && *f != '\0') {
			const char *tj = joiner(t), *fj = joiner(f);
			if (tj != NULL && fj != NULL) {
				t = tj;
				f = fj;
			} else if (tolower((unsigned char)*t) == tolower((unsigned char)*f)) {
				t++;
				f++;
			} else {
				break;
			}
		}
		if (*f == '\0' && !isalpha((unsigned char)*t)) {
			*n = (size_t)(t - p);
			return p;
		}
	}
	return NULL;
}

/* "Pell & Archer is a small agency." when text follows the name at at
 * (n bytes) with ", a small agency" or ", an agency in Leeds"; else
 * NULL. */
static char *
apposition(const char *at, size_t n)
{
	const char *d = at + n;
	if (strncmp(d, ", a ", 4) != 0 && strncmp(d, ", an ", 5) != 0 && strncmp(d, ", the ", 6) != 0)
		return NULL;
	d += 2;
	size_t dn = strcspn(d, ",.;:!?");
	return xasprintf("%.*s is %.*s.", (int)n, at, (int)dn, d);
}

/* The sentence of text around at (newly allocated). */
static char *
sentence_around(const char *text, const char *at)
{
	const char *b = at;
	while (b > text && !((b[-1] == ' ') && b - 1 > text && strchr(".!?", b[-2]) != NULL))
		b--;
	const char *e = at;
	while (*e != '\0' && !(strchr(".!?", *e) != NULL && (e[1] == ' ' || e[1] == '\0')))
		e++;
	if (*e != '\0')
		e++;
	return xstrndup(b, (size_t)(e - b));
}

/* Whether any of said[0..n) holds s. */
static bool
said_already(const char *s, const char *const *said, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (said[i] != NULL && strstr(said[i], s) != NULL)
			return true;
	return false;
}

char *
firm_about(const struct persona *p, const char *firm, const char *const *said, size_t n,
    char *name, size_t len)
{
	char *is = NULL, *more = NULL;
	bool found = false;
	for (int c = 0; c < CAT_COUNT && (is == NULL || more == NULL); c++) {
		const struct strlist *r = &p->replies[c];
		for (size_t i = 0; i < r->n && (is == NULL || more == NULL); i++) {
			const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			size_t k = x != NULL ? x->more.n : 0;
			for (size_t j = 0; j <= k && (is == NULL || more == NULL); j++) {
				const char *text = j == 0 ? r->v[i] : x->more.v[j - 1];
				size_t fn = 0;
				const char *at = names_firm(text, firm, &fn);
				if (at == NULL)
					continue;
				if (!found && fn < len) {
					memcpy(name, at, fn);
					name[fn] = '\0';
				}
				found = true;
				if (is == NULL)
					is = apposition(at, fn);
				char *s = sentence_around(text, at);
				/* Not an apposition to someone else ("Tom Haddad,
				 * my internship supervisor at Pell & Archer."). */
				bool clause = memchr(s, ',', (size_t)(strstr(s, name) != NULL ?
				    strstr(s, name) - s : 0)) != NULL || strstr(s, ", a ") != NULL;
				/* ... and a whole sentence: someone in it does
				 * something ("At Pell & Archer I built..."), or the
				 * firm does; "Tom Haddad at Pell & Archer." is not. */
				bool whole = strstr(s, " I ") != NULL || strstr(s, " we ") != NULL ||
				    strncmp(s, name, strlen(name)) == 0;
				if (more == NULL && whole && !clause && !said_already(s, said, n))
					more = s;
				else
					free(s);
			}
		}
	}
	if (!found)
		return NULL;
	if (is == NULL && more == NULL)
		return xasprintf("%s is a firm, not a person.", name);
	if (is == NULL || more == NULL) {
		char *one = is != NULL ? is : more;
		return one;
	}
	char *both = xasprintf("%s %s", is, more);
	free(is);
	free(more);
	return both;
}

void
firm_spell(char *name)
{
	static const char *const small[] = {"and", "of", "the", "for", NULL};
	static const char *const shout[] = {"llp", "llc", "plc", NULL};
	for (char *p = name; *p != '\0';) {
		size_t n = text_word_len(p);
		if (n == 0) {
			p++;
			continue;
		}
		bool upper = text_word_listed(p, n, shout);
		if (p == name || !text_word_listed(p, n, small))
			for (size_t i = 0; i < n; i++)
				if (i == 0 || upper)
					p[i] = (char)toupper((unsigned char)p[i]);
		p += n;
	}
}

/* Where the description that starts at d ends: at the end of its
 * sentence, or where the host turns to itself (", where I", ", and
 * I"). */
static size_t
description_end(const char *d)
{
	static const char *const turns[] = {", where I ", ", and I ", ", and I'", "; ", NULL};
	size_t n = 0;
	while (d[n] != '\0' && !(strchr(".!?", d[n]) != NULL && (d[n + 1] == ' ' || d[n + 1] == '\0')))
		n++;
	for (const char *const *t = turns; *t != NULL; t++) {
		const char *at = strstr(d, *t);
		if (at != NULL && (size_t)(at - d) < n)
			n = (size_t)(at - d);
	}
	return n;
}

char *
firm_own_does(const struct persona *p)
{
	if (p->opening == NULL || p->employer == NULL)
		return NULL;
	/* The employer's name, then without its last word ("Harwood Lisle"
	 * for "Harwood Lisle LLP"). */
	char name[128];
	snprintf(name, sizeof name, "%s", p->employer);
	for (char *sp = name; sp != NULL; sp = strrchr(name, ' ')) {
		if (sp != name)
			*sp = '\0';
		size_t fn = 0;
		const char *at = names_firm(p->opening, name, &fn);
		if (at == NULL)
			continue;
		const char *d = at + fn;
		if (strncmp(d, ", a ", 4) != 0 && strncmp(d, ", an ", 5) != 0)
			break;
		d += 2;
		return xasprintf("%.*s is %.*s.", (int)fn, at, (int)description_end(d), d);
	}
	for (const char *s = p->opening; *s != '\0'; s++) {
		bool starts = s == p->opening || (s - p->opening >= 2 && s[-1] == ' ' &&
		    strchr(".!?", s[-2]) != NULL);
		if (starts && strncmp(s, "We ", 3) == 0)
			return xasprintf("%.*s.", (int)description_end(s), s);
	}
	return NULL;
}

char *
firm_own_clients(const struct persona *p)
{
	static const char *const cues[] = {" serving ", " on behalf of ", " who serves ", NULL};
	char *does = firm_own_does(p);
	char *kinds = NULL;
	for (const char *const *c = cues; *c != NULL && does != NULL && kinds == NULL; c++) {
		const char *at = strstr(does, *c);
		if (at != NULL) {
			at += strlen(*c);
			kinds = xstrndup(at, strcspn(at, ".;"));
		}
	}
	free(does);
	return kinds;
}
