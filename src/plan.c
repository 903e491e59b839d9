/*
 * plan.c -- the user's own list of questions in a session (see plan.h).
 *
 * Words are compared without case, letters and digits only.  Nearly
 * word for word counts words of four letters or more; the content two
 * questions share counts words of three letters or more that are not
 * filler ("what", "your", "work"), a word's kin with the same first five
 * letters included: what two questions on one topic share that matters
 * is their content.
 */
#include <config.h>

#include "plan.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The next word of *p (its start, its length in *n), moving *p past it;
 * NULL at the end. */
static const char *
next_word(const char **p, size_t *n)
{
	const char *s = *p;
	while (*s && !word_char(*s))
		s++;
	const char *start = s;
	while (*s && word_char(*s))
		s++;
	*p = s;
	*n = (size_t)(s - start);
	return *n > 0 ? start : NULL;
}

/* Whether the word w[0..n) occurs in s, compared without case. */
static bool
has_word(const char *s, const char *w, size_t n)
{
	size_t m;
	for (const char *start; (start = next_word(&s, &m)) != NULL;)
		if (m == n && strncasecmp(start, w, n) == 0)
			return true;
	return false;
}

/* How many words of four letters or more a and b share. */
static size_t
shared_words(const char *a, const char *b)
{
	size_t n = 0, m;
	for (const char *start; (start = next_word(&a, &m)) != NULL;)
		n += m >= 4 && has_word(b, start, m);
	return n;
}

/* Words that carry no content of a question: what, how, your, do... and
 * "work" and "job", which nearly every question to a host has. */
static const char *const filler[] = {
	"about", "also", "and", "any", "are", "been", "but", "can", "could", "did", "does", "done",
	"far", "for", "from", "had", "has", "have", "her", "here", "his", "how", "its", "job", "just",
	"know", "many", "may", "might", "more", "most", "much", "not", "our", "please", "really", "she",
	"should", "some", "tell", "that", "the", "their", "them", "there", "these", "they", "think",
	"this", "those", "very", "was", "were", "what", "when", "where", "which", "who", "whom", "whose",
	"why", "will", "with", "work", "would", "yes", "you", "your", "yours", "yourself",
};

/* Whether the word w[0..n) is a content word: three letters or more,
 * not filler. */
static bool
content_word(const char *w, size_t n)
{
	if (n < 3)
		return false;
	for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
		if (strlen(filler[i]) == n && strncasecmp(filler[i], w, n) == 0)
			return false;
	return true;
}

/* Whether s has a word that is w[0..n) or, both being five letters or
 * more, starts the same five ("suggest", "suggested"; "change",
 * "changing"). */
static bool
has_kin(const char *s, const char *w, size_t n)
{
	size_t m;
	for (const char *start; (start = next_word(&s, &m)) != NULL;)
		if ((m == n && strncasecmp(start, w, n) == 0) || (m >= 5 && n >= 5 && strncasecmp(start, w, 5) == 0))
			return true;
	return false;
}

/* How many content words of question q the line text has (or kin of). */
static size_t
shared_content(const char *q, const char *text)
{
	size_t n = 0, m;
	for (const char *start; (start = next_word(&q, &m)) != NULL;)
		n += content_word(start, m) && has_kin(text, start, m);
	return n;
}

/* How many words of four letters or more s has. */
static size_t
long_words(const char *s)
{
	size_t n = 0, m;
	while (next_word(&s, &m) != NULL)
		n += m >= 4;
	return n;
}

/* The unasked question text says nearly word for word (see
 * plan_closest), with uncategorised: also one the list's check left
 * without a topic. */
static const struct plan_item *
closest(const struct plan *p, const char *text, bool uncategorised)
{
	const struct plan_item *best = NULL;
	size_t best_shared = 0, best_all = 1;
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_item *it = &p->items[i];
		if (it->turn != PLAN_NOT_ASKED || (it->cat == CAT_NONE && !uncategorised))
			continue;
		size_t shared = shared_words(it->text, text), all = long_words(it->text);
		/* Most of its long words, and at least PLAN_CLOSE_WORDS of them;
		 * the most shared wins, then the greater share of its words. */
		if (shared < PLAN_CLOSE_WORDS || shared * 3 < all * 2)
			continue;
		if (shared > best_shared || (shared == best_shared && shared * best_all > best_shared * all)) {
			best = it;
			best_shared = shared;
			best_all = all;
		}
	}
	return best;
}

const struct plan_item *
plan_closest(const struct plan *p, const char *text)
{
	return closest(p, text, false);
}

const struct plan_item *
plan_hear(struct plan *p, size_t turn, const char *text, enum category cat, enum act act)
{
	/* Said nearly word for word, whatever it was taken for; else, for a
	 * question or a follow-up with a topic, the unasked question of
	 * that topic that shares the most content with it, the earliest of
	 * equals.  Sharing nothing is not asking it: another question on
	 * the same topic is an addition, but a follow-up ("why?") or a
	 * clarification is no new question. */
	const struct plan_item *close = closest(p, text, true);
	if (close == NULL && (cat == CAT_NONE || (act != ACT_QUESTION && act != ACT_FOLLOW_UP)))
		return NULL;
	struct plan_item *best = close != NULL ? &p->items[close - p->items] : NULL;
	size_t best_shared = 0;
	/* A closing question needs no words in common: "who else should I
	 * talk to?" asks the list's "could you suggest other people...?". */
	bool closing = act == ACT_QUESTION && (cat == CAT_REFERRALS || cat == CAT_MENTION_NAME);
	for (size_t i = 0; i < p->n && close == NULL; i++) {
		struct plan_item *it = &p->items[i];
		if (it->turn != PLAN_NOT_ASKED || it->cat != cat)
			continue;
		size_t s = shared_content(it->text, text);
		if (s > best_shared || (best == NULL && closing)) {
			best = it;
			best_shared = s;
		}
	}
	if (best == NULL) {
		if (act != ACT_QUESTION)
			return NULL;
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

bool
plan_late(const struct plan *p, size_t i)
{
	if (p->items[i].turn == PLAN_NOT_ASKED)
		return false;
	for (size_t j = i + 1; j < p->n; j++)
		if (p->items[j].turn != PLAN_NOT_ASKED && p->items[j].rank < p->items[i].rank)
			return true;
	return false;
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
	size_t out = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_item *it = &p->items[i];
		if (!plan_late(p, i))
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
