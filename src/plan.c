/*
 * plan.c -- the user's own list of questions in a session (see plan.h).
 *
 * Words are compared lowercased, letters and digits only, and words of
 * fewer than four letters ("the", "you", "how") do not count: what two
 * questions on one topic share that matters is their content.
 */
#include <config.h>

#include "plan.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

struct plan *
plan_new(const char *file)
{
	struct plan *p = xcalloc(1, sizeof *p);
	p->file = xstrdup(file);
	return p;
}

void
plan_add(struct plan *p, unsigned long line, const char *text, size_t len, enum category cat)
{
	xgrow((void **)&p->items, &p->cap, p->n + 1, sizeof *p->items);
	struct plan_item *it = &p->items[p->n++];
	it->text = text_sanitize(text, len);
	it->line = line;
	it->cat = cat;
	it->turn = PLAN_NOT_ASKED;
	it->rank = 0;
}

static bool
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Whether the word w[0..n) occurs in s, compared without case. */
static bool
has_word(const char *s, const char *w, size_t n)
{
	for (const char *p = s; *p;) {
		while (*p && !word_char(*p))
			p++;
		const char *start = p;
		while (*p && word_char(*p))
			p++;
		if ((size_t)(p - start) == n && strncasecmp(start, w, n) == 0)
			return true;
	}
	return false;
}

/* How many words of four letters or more a and b share. */
static size_t
shared_words(const char *a, const char *b)
{
	size_t n = 0;
	for (const char *p = a; *p;) {
		while (*p && !word_char(*p))
			p++;
		const char *start = p;
		while (*p && word_char(*p))
			p++;
		if (p - start >= 4 && has_word(b, start, (size_t)(p - start)))
			n++;
	}
	return n;
}

/* How many words of four letters or more s has. */
static size_t
long_words(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		while (*p && !word_char(*p))
			p++;
		const char *start = p;
		while (*p && word_char(*p))
			p++;
		n += p - start >= 4;
	}
	return n;
}

const struct plan_item *
plan_closest(const struct plan *p, const char *text)
{
	const struct plan_item *best = NULL;
	size_t best_shared = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_item *it = &p->items[i];
		if (it->turn != PLAN_NOT_ASKED || it->cat == CAT_NONE)
			continue;
		size_t shared = shared_words(it->text, text), all = long_words(it->text);
		/* Most of its long words, and at least PLAN_CLOSE_WORDS of them. */
		if (shared >= PLAN_CLOSE_WORDS && shared * 3 >= all * 2 && shared > best_shared) {
			best = it;
			best_shared = shared;
		}
	}
	return best;
}

const struct plan_item *
plan_hear(struct plan *p, size_t turn, const char *text, enum category cat)
{
	if (cat == CAT_NONE)
		return NULL;
	struct plan_item *best = NULL;
	size_t best_shared = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct plan_item *it = &p->items[i];
		if (it->turn != PLAN_NOT_ASKED || it->cat != cat)
			continue;
		size_t s = shared_words(it->text, text);
		if (best == NULL || s > best_shared) {
			best = it;
			best_shared = s;
		}
	}
	if (best == NULL) {
		xgrow((void **)&p->added, &p->capadded, p->nadded + 1, sizeof *p->added);
		p->added[p->nadded++] = text_sanitize(text, strlen(text));
		return NULL;
	}
	best->turn = turn;
	best->rank = p->nasked++;
	return best;
}

const struct plan_item *
plan_next(const struct plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].turn == PLAN_NOT_ASKED)
			return &p->items[i];
	return NULL;
}

char *
plan_report(const struct plan *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL)
		xalloc_die();
	char *name = text_sanitize(p->file, strlen(p->file));
	fprintf(f, "  Your list%s%s%s: %zu of %zu question%s asked\n", name[0] ? " (" : "", name, name[0] ? ")" : "",
	    p->nasked, p->n, p->n == 1 ? "" : "s");
	free(name);
	size_t skipped = p->n - p->nasked;
	if (skipped > 0) {
		fprintf(f, "    Not asked (%zu):\n", skipped);
		for (size_t i = 0; i < p->n; i++)
			if (p->items[i].turn == PLAN_NOT_ASKED)
				fprintf(f, "      line %lu: %s\n", p->items[i].line, p->items[i].text);
	}
	/* Out of order: asked after a question that comes later in the list. */
	size_t out = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_item *it = &p->items[i];
		if (it->turn == PLAN_NOT_ASKED)
			continue;
		bool late = false;
		for (size_t j = i + 1; j < p->n && !late; j++)
			late = p->items[j].turn != PLAN_NOT_ASKED && p->items[j].rank < it->rank;
		if (!late)
			continue;
		if (out++ == 0)
			fputs("    Asked later than the list has it:\n", f);
		fprintf(f, "      line %lu: %s\n", it->line, it->text);
	}
	if (p->nadded > 0) {
		fprintf(f, "    Added on the spot (%zu):\n", p->nadded);
		for (size_t i = 0; i < p->nadded; i++)
			fprintf(f, "      %s\n", p->added[i]);
	}
	if (fclose(f) != 0)
		xalloc_die();
	return buf;
}

void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].text);
	free(p->items);
	for (size_t i = 0; i < p->nadded; i++)
		free(p->added[i]);
	free(p->added);
	free(p->file);
	free(p);
}
