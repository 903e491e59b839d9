/*
 * trigger.c -- which rules a line may concern, in one pass (see
 * trigger.h).
 *
 * A classic Aho-Corasick automaton turned into a full DFA: a trie of the
 * triggers, failure links found breadth first, and every missing
 * transition filled from the failure state's, so scanning is one table
 * look-up per byte.  The table's columns are byte classes, not bytes:
 * every byte that occurs in no trigger is one class, so the table is a
 * few dozen columns wide instead of 256, quick to build at start-up and
 * small in the cache.  Each state lists the owners of every trigger that
 * ends there, its failure states' included; those states are numbered
 * last, so a scan looks for owners only past one number.  Transitions
 * are 16 bits; a set with more states than that (a few thousand
 * triggers) falls back to one search per trigger.
 *
 * Building the table is most of the cost of a set, so a built one is kept
 * in the shared cache file (patcache.h) under a key that spells out every
 * trigger of every owner, and the next run with the same triggers reads
 * it there, in the cache's map, without copying it.  A record is checked
 * before use (every transition, class and owner in range), so a bad one
 * is built afresh, never trusted.
 */
#include <config.h>

#include "trigger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "patcache.h"
#include "xmalloc.h"

#define MAX_STATES 65535u

/* A table while it is built (build, encode). */
struct table {
	uint16_t *next;         /* nstates x ncls transitions */
	size_t nstates;
	unsigned char cls[256]; /* each byte's class: 0 for a byte in no trigger */
	size_t ncls;            /* classes, 0 included */
	size_t *out_off;        /* state s reports out[out_off[s]..out_off[s+1]) */
	size_t *out;            /* owner indexes */
};

/* A set reads its table in place, in the record encode() writes: the
 * cache's own bytes when the record came from there (mapped, not copied:
 * a run that scans a few lines touches a few pages of it), else a record
 * this run built.  Its numbers may be unaligned: they are read with
 * rd16 and rd32. */
struct trigger_set {
	size_t nowners;
	const unsigned char *next;  /* nstates x ncls transitions, 2 bytes
	                               each; NULL: no automaton */
	const unsigned char *out_off; /* state s reports the owners
	                               out[out_off[s]..out_off[s+1]), 4 bytes each */
	const unsigned char *out;   /* owner indexes, 4 bytes each */
	unsigned char *own;         /* the record, when this run built it
	                               (owned); NULL when it is the cache's */
	size_t nstates;
	unsigned char cls[256];     /* each byte's class */
	size_t ncls;                /* classes, 0 included */
	size_t first_out;           /* no state below this one reports owners */
	size_t longest;             /* the length of the longest trigger */
	/* The fallback, when the automaton would be too big. */
	char **const *words;
	const size_t *nwords;
};

static inline uint32_t
rd16(const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}

static inline uint32_t
rd32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* The automaton while build() makes it, its states in their first
 * numbering (the order the trie made them). */
struct trie {
	size_t K;               /* columns: the table's byte classes */
	int32_t *go;            /* nstates x K transitions; -1 is "no edge"
	                           until the DFA is filled in */
	size_t nstates;
	size_t *fail;           /* each state's failure state */
	size_t *order;          /* the states but the root, breadth first */
	size_t norder;
	size_t **own;           /* each state's owners (owned lists) */
	size_t *nown, *capown;
};

/* An owner's trigger ending at a state of the trie. */
struct end {
	size_t owner;
	size_t state;
};

/* Give every byte that occurs in a trigger a class of its own, in t->cls. */
static void
byte_classes(struct table *t, size_t n, char **const *triggers, const size_t *ntriggers)
{
	t->ncls = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++)
			for (const unsigned char *w = (const unsigned char *)triggers[i][j]; *w != '\0'; w++)
				if (t->cls[*w] == 0)
					t->cls[*w] = (unsigned char)t->ncls++;
}

/* Put every trigger into the trie (room for total states); returns where each ends, *nends of them. */
static struct end *
trie_insert(struct trie *tr, const struct table *t, size_t total, size_t n, char **const *triggers,
    const size_t *ntriggers, size_t *nends)
{
	const size_t K = tr->K;
	tr->go = xmalloc(total * K * sizeof *tr->go);
	memset(tr->go, 0xff, total * K * sizeof *tr->go);
	tr->nstates = 1;
	struct end *ends = NULL;
	size_t capends = 0;
	*nends = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++) {
			const unsigned char *w = (const unsigned char *)triggers[i][j];
			if (*w == '\0')
				continue;
			size_t s = 0;
			for (; *w != '\0'; w++) {
				size_t c = t->cls[*w];
				if (tr->go[s * K + c] < 0)
					tr->go[s * K + c] = (int32_t)tr->nstates++;
				s = (size_t)tr->go[s * K + c];
			}
			xgrow((void **)&ends, &capends, *nends + 1, sizeof *ends);
			ends[(*nends)++] = (struct end){i, s};
		}
	return ends;
}

/* Find the failure links breadth first and fill in every missing edge from them. */
static void
fail_links(struct trie *tr)
{
	const size_t K = tr->K;
	int32_t *go = tr->go;
	size_t *fail = tr->fail = xcalloc(tr->nstates, sizeof *tr->fail);
	size_t *queue = xcalloc(tr->nstates, sizeof *queue);
	tr->order = xcalloc(tr->nstates, sizeof *tr->order);
	size_t qh = 0, qt = 0;
	tr->norder = 0;
	for (size_t c = 0; c < K; c++) {
		if (go[c] < 0) {
			go[c] = 0;
		} else {
			fail[go[c]] = 0;
			queue[qt++] = (size_t)go[c];
		}
	}
	while (qh < qt) {
		size_t u = queue[qh++];
		tr->order[tr->norder++] = u;
		for (size_t c = 0; c < K; c++) {
			int32_t v = go[u * K + c];
			if (v < 0) {
				go[u * K + c] = go[fail[u] * K + c];
			} else {
				fail[v] = (size_t)go[fail[u] * K + c];
				queue[qt++] = (size_t)v;
			}
		}
	}
	free(queue);
}

/* List each state's owners: those of the triggers ending there, then its failure chain's. */
static void
state_owners(struct trie *tr, const struct end *ends, size_t nends)
{
	tr->own = xcalloc(tr->nstates, sizeof *tr->own);
	tr->nown = xcalloc(tr->nstates, sizeof *tr->nown);
	tr->capown = xcalloc(tr->nstates, sizeof *tr->capown);
	for (size_t e = 0; e < nends; e++) {
		size_t s = ends[e].state;
		xgrow((void **)&tr->own[s], &tr->capown[s], tr->nown[s] + 1, sizeof **tr->own);
		tr->own[s][tr->nown[s]++] = ends[e].owner;
	}
	/* In breadth-first order, the failure chain's lists are already
	 * complete. */
	for (size_t k = 0; k < tr->norder; k++) {
		size_t s = tr->order[k], f = tr->fail[s];
		for (size_t x = 0; x < tr->nown[f]; x++) {
			xgrow((void **)&tr->own[s], &tr->capown[s], tr->nown[s] + 1, sizeof **tr->own);
			tr->own[s][tr->nown[s]++] = tr->own[f][x];
		}
	}
}

/* Write the trie into t, its states numbered again with those that report owners last. */
static void
write_table(struct table *t, const struct trie *tr, size_t n)
{
	const size_t K = tr->K, nstates = tr->nstates;
	/* The states are numbered again: those that report owners last, so
	 * a scan tells them by their number alone, and each part breadth
	 * first, so the states a scan is in most (the shallow ones) share a
	 * few cache lines.  The root, which reports none, stays 0.  New
	 * number perm[s], old number inv[new]. */
	size_t *perm = xcalloc(nstates, sizeof *perm), *inv = xcalloc(nstates, sizeof *inv);
	size_t nn = 1;
	for (int reports = 0; reports < 2; reports++)
		for (size_t k = 0; k < tr->norder; k++)
			if ((tr->nown[tr->order[k]] > 0) == (reports == 1)) {
				perm[tr->order[k]] = nn;
				inv[nn++] = tr->order[k];
			}
	t->nstates = nstates;
	t->next = xmalloc(nstates * K * sizeof *t->next);
	for (size_t s = 0; s < nstates; s++)
		for (size_t c = 0; c < K; c++)
			t->next[perm[s] * K + c] = (uint16_t)perm[tr->go[s * K + c]];
	t->out_off = xcalloc(nstates + 1, sizeof *t->out_off);
	size_t nout = 0;
	for (size_t s = 0; s < nstates; s++)
		nout += tr->nown[s];
	t->out = xcalloc(nout + 1, sizeof *t->out);
	bool *mark = xcalloc(n + 1, sizeof *mark);
	nout = 0;
	for (size_t ns = 0; ns < nstates; ns++) {
		size_t s = inv[ns];
		t->out_off[ns] = nout;
		/* Each owner once per state. */
		for (size_t x = 0; x < tr->nown[s]; x++)
			if (!mark[tr->own[s][x]]) {
				mark[tr->own[s][x]] = true;
				t->out[nout++] = tr->own[s][x];
			}
		for (size_t x = t->out_off[ns]; x < nout; x++)
			mark[t->out[x]] = false;
	}
	t->out_off[nstates] = nout;
	free(perm);
	free(inv);
	free(mark);
}

/* Free what the trie holds. */
static void
trie_free(struct trie *tr)
{
	for (size_t s = 0; s < tr->nstates; s++)
		free(tr->own[s]);
	free(tr->own);
	free(tr->nown);
	free(tr->capown);
	free(tr->fail);
	free(tr->order);
	free(tr->go);
}

/* Build the automaton of n owners' triggers into t; false (t untouched)
 * when it would have too many states. */
static bool
build(struct table *t, size_t n, char **const *triggers, const size_t *ntriggers)
{
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++)
			total += strlen(triggers[i][j]);
	if (total > MAX_STATES)
		return false;
	byte_classes(t, n, triggers, ntriggers);
	/* The trie, then a full DFA from it (Aho-Corasick), then the table. */
	struct trie tr = {.K = t->ncls};
	size_t nends;
	struct end *ends = trie_insert(&tr, t, total, n, triggers, ntriggers, &nends);
	fail_links(&tr);
	state_owners(&tr, ends, nends);
	write_table(t, &tr, n);
	free(ends);
	trie_free(&tr);
	return true;
}

/* A growing byte string: the key and the record. */
struct bytes {
	char *p;                /* owned */
	size_t len, cap;
};

static void
add_bytes(struct bytes *b, const void *p, size_t n)
{
	xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
add32(struct bytes *b, size_t v)
{
	uint32_t x = (uint32_t)v;
	add_bytes(b, &x, 4);
}

/* Append v in decimal and then c. */
static void
add_num(struct bytes *b, size_t v, char c)
{
	char num[24];
	size_t i = sizeof num;
	num[--i] = c;
	do
		num[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	add_bytes(b, num + i, sizeof num - i);
}

/* The cache's key for these triggers: each owner's count, then each word
 * as its length and its bytes, in decimal, so no two sets share one.
 * "triggers2": tables with the reporting states last (those kept under
 * "triggers", by older versions, had them anywhere). */
static struct bytes
make_key(char **const *triggers, const size_t *ntriggers, size_t n)
{
	struct bytes k = {NULL, 0, 0};
	add_bytes(&k, "triggers2 ", 10);
	for (size_t i = 0; i < n; i++) {
		add_num(&k, ntriggers[i], ':');
		for (size_t j = 0; j < ntriggers[i]; j++) {
			size_t len = strlen(triggers[i][j]);
			add_num(&k, len, '=');
			add_bytes(&k, triggers[i][j], len);
		}
	}
	return k;
}

/* The record of a built table: states, classes, outputs (4 bytes each),
 * the 256 byte classes, the transitions (2 bytes each), out_off and out
 * (4 bytes each). */
static struct bytes
encode(const struct table *t)
{
	struct bytes r = {NULL, 0, 0};
	size_t nout = t->out_off[t->nstates];
	add32(&r, t->nstates);
	add32(&r, t->ncls);
	add32(&r, nout);
	add_bytes(&r, t->cls, sizeof t->cls);
	add_bytes(&r, t->next, t->nstates * t->ncls * sizeof *t->next);
	for (size_t s = 0; s <= t->nstates; s++)
		add32(&r, t->out_off[s]);
	for (size_t x = 0; x < nout; x++)
		add32(&r, t->out[x]);
	return r;
}

/* The highest of the n 2-byte numbers at p.  In blocks of a fixed size,
 * copied out, so that the compiler turns the inner loop into vector
 * instructions: a cached table is read whole by every run. */
static uint32_t
highest16(const unsigned char *p, size_t n)
{
	uint16_t most = 0;
	size_t i = 0;
	for (; i + 64 <= n; i += 64) {
		uint16_t block[64];
		memcpy(block, p + 2 * i, sizeof block);
		for (size_t j = 0; j < 64; j++)
			most = block[j] > most ? block[j] : most;
	}
	for (; i < n; i++)
		most = rd16(p + 2 * i) > most ? (uint16_t)rd16(p + 2 * i) : most;
	return most;
}

/* Take the record r[0..len) as t's table, in place; false (t untouched)
 * unless every part of it is in range. */
static bool
attach(struct trigger_set *t, const unsigned char *r, size_t len)
{
	if (len < 12 + 256)
		return false;
	size_t nstates = rd32(r), ncls = rd32(r + 4), nout = rd32(r + 8);
	if (nstates == 0 || nstates > MAX_STATES || ncls == 0 || ncls > 256 ||
	    nout > (len / 4) || len != 12 + 256 + 2 * nstates * ncls + 4 * (nstates + 1) + 4 * nout)
		return false;
	const unsigned char *cls = r + 12, *next = cls + 256, *off = next + 2 * nstates * ncls,
	    *out = off + 4 * (nstates + 1);
	bool ok = true;
	for (size_t i = 0; i < 256; i++)
		ok &= cls[i] < ncls;
	ok &= highest16(next, nstates * ncls) < nstates;
	size_t first_out = nstates;
	for (size_t s = 0; s <= nstates; s++) {
		size_t o = rd32(off + 4 * s);
		ok &= o <= nout && (s == 0 || o >= rd32(off + 4 * (s - 1)));
		if (s > 0 && o > rd32(off + 4 * (s - 1)) && first_out == nstates)
			first_out = s - 1;
	}
	ok &= rd32(off + 4 * nstates) == nout;
	for (size_t x = 0; x < nout; x++)
		ok &= rd32(out + 4 * x) < t->nowners;
	if (!ok)
		return false;
	memcpy(t->cls, cls, 256);
	t->ncls = ncls;
	t->nstates = nstates;
	t->next = next;
	t->out_off = off;
	t->out = out;
	/* build numbers the states that report owners last; were a state
	 * after the first of them to report none, it would only be looked
	 * at for nothing. */
	t->first_out = first_out;
	return true;
}

struct trigger_set *
trigger_set_new(char **const *triggers, const size_t *ntriggers, size_t n)
{
	struct trigger_set *t = xcalloc(1, sizeof *t);
	t->nowners = n;
	t->words = triggers;
	t->nwords = ntriggers;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++)
			if (strlen(triggers[i][j]) > t->longest)
				t->longest = strlen(triggers[i][j]);
	struct patcache *pc = patcache_shared();
	struct bytes key = make_key(triggers, ntriggers, n);
	size_t len = 0;
	const unsigned char *rec = patcache_get_blob(pc, key.p, &len);
	struct table tab;
	memset(&tab, 0, sizeof tab);
	if ((rec == NULL || !attach(t, rec, len)) && build(&tab, n, triggers, ntriggers)) {
		struct bytes r = encode(&tab);
		if (attach(t, (const unsigned char *)r.p, r.len)) {
			t->own = (unsigned char *)r.p;
			patcache_put_blob(pc, key.p, r.p, r.len);
		} else {
			free(r.p);
		}
		free(tab.next);
		free(tab.out_off);
		free(tab.out);
	}
	free(key.p);
	return t;
}

void
trigger_set_free(struct trigger_set *t)
{
	if (t == NULL)
		return;
	free(t->own);
	free(t);
}

/* States a scan passed that report owners, waiting to be looked at (see
 * trigger_scan). */
struct reports {
	uint16_t st[64];
	size_t n;
};

/* Mark the owners of the states in r in hit, and empty r. */
static void
report(const struct trigger_set *t, struct reports *r, bool *hit)
{
	for (size_t k = 0; k < r->n; k++)
		for (size_t x = rd32(t->out_off + 4 * r->st[k]); x < rd32(t->out_off + 4 * (r->st[k] + 1)); x++)
			hit[rd32(t->out + 4 * x)] = true;
	r->n = 0;
}

/* The state after byte c from state st; a state that reports owners is
 * put in r (with no branch: every state is written, and counted only
 * when it reports). */
static inline size_t
step(const struct trigger_set *t, size_t st, char c, struct reports *r)
{
	st = rd16(t->next + 2 * (st * t->ncls + t->cls[(unsigned char)c]));
	r->st[r->n] = (uint16_t)st;
	r->n += st >= t->first_out;
	return st;
}

void
trigger_scan(const struct trigger_set *t, const char *s, size_t len, bool *hit)
{
	memset(hit, 0, t->nowners * sizeof *hit);
	if (t->next == NULL) {
		for (size_t i = 0; i < t->nowners; i++)
			for (size_t j = 0; !hit[i] && j < t->nwords[i]; j++)
				hit[i] = memmem(s, len, t->words[i][j], strlen(t->words[i][j])) != NULL;
		return;
	}
	/* Each look-up waits on the one before, and a state that reports
	 * owners is looked at later, out of that chain.  A long line is
	 * scanned as two halves at once, each from the start state: the
	 * second begins longest - 1 bytes before the first ends, so every
	 * trigger ends in one half and lies whole in it (one ending in the
	 * overlap is found twice, which changes nothing). */
	struct reports r = {.n = 0};
	size_t i = 0, st = 0;
	if (t->longest > 0 && len >= 2 * t->longest) {
		size_t mid = (len + t->longest - 1) / 2;
		size_t j = mid - (t->longest - 1), st2 = 0;
		for (; i < mid; i++) {
			st = step(t, st, s[i], &r);
			st2 = step(t, st2, s[j + i], &r);
			if (r.n >= sizeof r.st / sizeof r.st[0] - 2)
				report(t, &r, hit);
		}
		i += j;
		st = st2;
	}
	for (; i < len; i++) {
		st = step(t, st, s[i], &r);
		if (r.n == sizeof r.st / sizeof r.st[0] - 1)
			report(t, &r, hit);
	}
	report(t, &r, hit);
}
