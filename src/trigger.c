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
 * ends there, its failure states' included.  Transitions are 16 bits; a
 * set with more states than that (a few thousand triggers) falls back to
 * one search per trigger.
 */
#include <config.h>

#include "trigger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define MAX_STATES 65535u

struct trigger_set {
	size_t nowners;
	uint16_t *next;         /* nstates x ncls transitions */
	size_t nstates;
	unsigned char cls[256]; /* each byte's class: 0 for a byte in no trigger */
	size_t ncls;            /* classes, 0 included */
	size_t *out_off;        /* state s reports out[out_off[s]..out_off[s+1]) */
	size_t *out;            /* owner indexes */
	/* The fallback, when the automaton would be too big. */
	char **const *words;
	const size_t *nwords;
};

struct trigger_set *
trigger_set_new(char **const *triggers, const size_t *ntriggers, size_t n)
{
	struct trigger_set *t = xcalloc(1, sizeof *t);
	t->nowners = n;
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++)
			total += strlen(triggers[i][j]);
	if (total > MAX_STATES) {
		t->words = triggers;
		t->nwords = ntriggers;
		return t;
	}
	/* Byte classes. */
	t->ncls = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++)
			for (const unsigned char *w = (const unsigned char *)triggers[i][j]; *w != '\0'; w++)
				if (t->cls[*w] == 0)
					t->cls[*w] = (unsigned char)t->ncls++;
	const size_t K = t->ncls;
	/* The trie; -1 is "no edge" until the DFA is filled in. */
	int32_t *go = xmalloc(total * K * sizeof *go);
	memset(go, 0xff, total * K * sizeof *go);
	size_t nstates = 1;
	/* Owners ending at each state, as a linked list while building. */
	struct end {
		size_t owner;
		size_t state;
	} *ends = NULL;
	size_t nends = 0, capends = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ntriggers[i]; j++) {
			const unsigned char *w = (const unsigned char *)triggers[i][j];
			if (*w == '\0')
				continue;
			size_t s = 0;
			for (; *w != '\0'; w++) {
				size_t c = t->cls[*w];
				if (go[s * K + c] < 0)
					go[s * K + c] = (int32_t)nstates++;
				s = (size_t)go[s * K + c];
			}
			xgrow((void **)&ends, &capends, nends + 1, sizeof *ends);
			ends[nends++] = (struct end){i, s};
		}
	/* Failure links breadth first; outputs follow them. */
	size_t *fail = xcalloc(nstates, sizeof *fail);
	size_t *queue = xcalloc(nstates, sizeof *queue);
	size_t *order = xcalloc(nstates, sizeof *order);
	size_t qh = 0, qt = 0, no = 0;
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
		order[no++] = u;
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
	/* Each state's owners: its own, then its failure chain's (which, in
	 * breadth-first order, are already complete). */
	bool *mark = xcalloc(n + 1, sizeof *mark);
	size_t **own = xcalloc(nstates, sizeof *own);
	size_t *nown = xcalloc(nstates, sizeof *nown), *capown = xcalloc(nstates, sizeof *capown);
	for (size_t e = 0; e < nends; e++) {
		size_t s = ends[e].state;
		xgrow((void **)&own[s], &capown[s], nown[s] + 1, sizeof **own);
		own[s][nown[s]++] = ends[e].owner;
	}
	for (size_t k = 0; k < no; k++) {
		size_t s = order[k], f = fail[s];
		for (size_t x = 0; x < nown[f]; x++) {
			xgrow((void **)&own[s], &capown[s], nown[s] + 1, sizeof **own);
			own[s][nown[s]++] = own[f][x];
		}
	}
	t->nstates = nstates;
	t->next = xmalloc(nstates * K * sizeof *t->next);
	for (size_t i = 0; i < nstates * K; i++)
		t->next[i] = (uint16_t)go[i];
	t->out_off = xcalloc(nstates + 1, sizeof *t->out_off);
	size_t nout = 0;
	for (size_t s = 0; s < nstates; s++)
		nout += nown[s];
	t->out = xcalloc(nout + 1, sizeof *t->out);
	nout = 0;
	for (size_t s = 0; s < nstates; s++) {
		t->out_off[s] = nout;
		/* Each owner once per state. */
		for (size_t x = 0; x < nown[s]; x++)
			if (!mark[own[s][x]]) {
				mark[own[s][x]] = true;
				t->out[nout++] = own[s][x];
			}
		for (size_t x = t->out_off[s]; x < nout; x++)
			mark[t->out[x]] = false;
		free(own[s]);
	}
	t->out_off[nstates] = nout;
	free(own);
	free(nown);
	free(capown);
	free(mark);
	free(fail);
	free(queue);
	free(order);
	free(ends);
	free(go);
	return t;
}

void
trigger_set_free(struct trigger_set *t)
{
	if (t == NULL)
		return;
	free(t->next);
	free(t->out_off);
	free(t->out);
	free(t);
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
	size_t st = 0;
	const size_t K = t->ncls;
	for (size_t i = 0; i < len; i++) {
		st = t->next[st * K + t->cls[(unsigned char)s[i]]];
		for (size_t x = t->out_off[st]; x < t->out_off[st + 1]; x++)
			hit[t->out[x]] = true;
	}
}
