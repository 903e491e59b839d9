/*
 * host.c -- the host's words (see host.h).
 */
#include <config.h>

#include "host.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

size_t
host_random(struct host *h, size_t n)
{
	/* xorshift64*: small, fast, and the same on every platform. */
	uint64_t x = h->rng;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	h->rng = x;
	return (size_t)((x * 2685821657736338717ULL) >> 11) % n;
}

static void
bag_init(struct bag *b, size_t n)
{
	b->n = n;
	b->next = n; /* shuffled on first use */
	b->order = xcalloc(n + 1, sizeof *b->order);
	for (size_t i = 0; i < n; i++)
		b->order[i] = i;
}

static size_t
bag_draw(struct host *h, struct bag *b)
{
	if (b->next >= b->n) {
		size_t last = b->n > 0 && b->next == b->n && b->n > 1 ? b->order[b->n - 1] : (size_t)-1;
		/* Fisher-Yates; avoid starting a new round with the variant just
		 * given, so even a bag of two never repeats back to back. */
		for (size_t i = b->n; i > 1; i--) {
			size_t j = host_random(h, i);
			size_t t = b->order[i - 1];
			b->order[i - 1] = b->order[j];
			b->order[j] = t;
		}
		if (b->n > 1 && b->order[0] == last) {
			size_t t = b->order[0];
			b->order[0] = b->order[1];
			b->order[1] = t;
		}
		b->next = 0;
	}
	return b->order[b->next++];
}

void
host_init(struct host *h, const struct persona *p, uint64_t seed)
{
	memset(h, 0, sizeof *h);
	h->p = p;
	h->rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
	for (int c = 0; c < CAT_COUNT; c++)
		bag_init(&h->replies[c], p->replies[c].n);
	for (int k = 0; k < KIND_COUNT; k++)
		bag_init(&h->reactions[k], p->reactions[k].n);
	bag_init(&h->fallback, p->fallback.n);
	bag_init(&h->asks, p->asks.n);
	bag_init(&h->acks, p->acks.n);
}

void
host_free(struct host *h)
{
	for (int c = 0; c < CAT_COUNT; c++)
		free(h->replies[c].order);
	for (int k = 0; k < KIND_COUNT; k++)
		free(h->reactions[k].order);
	free(h->fallback.order);
	free(h->asks.order);
	free(h->acks.order);
}

/* The first sentence of s (up to and including its full stop, question
 * or exclamation mark followed by a space), newly allocated. */
static char *
first_sentence(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ')
			return xstrndup(s, (size_t)(p - s + 1));
	return xstrdup(s);
}

char *
host_reply(struct host *h, enum category cat)
{
	const struct strlist *l = cat == CAT_NONE ? &h->p->fallback : &h->p->replies[cat];
	struct bag *b = cat == CAT_NONE ? &h->fallback : &h->replies[cat];
	if (l->n == 0)
		return xstrdup("...");
	const char *text = l->v[bag_draw(h, b)];
	if (h->guarded > 0 && cat != CAT_NONE) {
		h->guarded--;
		return first_sentence(text);
	}
	return xstrdup(text);
}

char *
host_react(struct host *h, enum flag_kind k)
{
	const struct strlist *l = &h->p->reactions[k];
	if (l->n == 0)
		return xstrdup("...");
	return xstrdup(l->v[bag_draw(h, &h->reactions[k])]);
}

const char *
host_ask(struct host *h)
{
	if (h->p->asks.n == 0)
		return NULL;
	return h->p->asks.v[bag_draw(h, &h->asks)];
}

char *
host_ack(struct host *h)
{
	if (h->p->acks.n == 0)
		return NULL;
	return xstrdup(h->p->acks.v[bag_draw(h, &h->acks)]);
}

void
host_guard(struct host *h)
{
	h->guarded = HOST_GUARDED_TURNS;
}
