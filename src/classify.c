/*
 * classify.c -- which category of the taxonomy a question belongs to
 * (see classify.h).
 *
 * Two cheap signals, combined:
 *
 *  - cues: a cue is counted when it matches; one is not even run on a
 *    line in ASCII that lacks every word its matches hold (literals.h,
 *    all cues' words in one automaton), and for other lines each
 *    category's cues are also compiled into one alternation, a gate, run
 *    first, so such a line costs about one match per category;
 *  - words: the line's content words (lowercased, stop words dropped,
 *    crudely stemmed) against those of every bank question, as a cosine of
 *    word sets; each category keeps its best.
 *
 * score = cues + WORD_WEIGHT * best cosine; the highest score wins.
 */
#include <config.h>

#include "classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "literals.h"
#include "trigger.h"
#include "xmalloc.h"

#define WORD_WEIGHT   0.9    /* a full word match is worth most of a cue */
#define WORD_ALONE    0.34   /* least cosine to place a line with no cue */
#define MAX_WORDS     64     /* content words looked at per line */

struct wordset {
	uint32_t *h;            /* sorted word hashes */
	size_t n;
};

struct classifier {
	struct pattern gate[CAT_COUNT];   /* alternation of the category's cues */
	bool has_gate[CAT_COUNT];         /* gate compiled */
	const struct cue **cues[CAT_COUNT]; /* the cues of each category */
	size_t ncues[CAT_COUNT];
	struct wordset *qwords[CAT_COUNT];  /* word sets of the bank questions */
	size_t nq[CAT_COUNT];
	/* Words one of which each cue's every match holds (literals.h), all
	 * cues in one automaton: a cue whose words a line lacks is skipped. */
	size_t cue_base[CAT_COUNT];  /* each category's first cue below */
	size_t ncue_all;
	char ***cue_words;           /* per cue (owned; the words are in
	                                cue_words_mem); none: always run */
	size_t *cue_nwords;
	void *cue_words_mem;         /* literals_list's block (owned) */
	struct trigger_set *cue_trig;
	bool *cue_hit;               /* scratch: per cue, its words found */
	char *lower;                 /* scratch: the line, ASCII lowercased */
	size_t lower_cap;
	unsigned long calls;         /* lines not in ASCII classified so far */
	bool gates_built;            /* build_gates has run */
};

#define GATE_AFTER 64   /* lines not in ASCII classified before the gates
                           are built */

static const char *const stopwords[] = {
	"the", "and", "for", "you", "your", "are", "was", "were", "what", "how", "does",
	"did", "can", "could", "would", "will", "with", "about", "this", "that", "have",
	"has", "had", "there", "any", "some", "who", "why", "when", "where", "which",
	"like", "into", "from", "been", "being", "they", "them", "their", "our", "out",
	"its", "it's", "than", "then", "also", "just", "more", "most", "much", "many",
	"very", "really", "should", "may", "might", "tell", "me", "i'm", "i've", "someone",
	"people", "work", "job", "role", "field", "think", "get", "got", "one", "all",
	"not", "but", "her", "his", "she", "him", "do", "is", "of", "to", "in", "on",
	"a", "an", "or", "be", "my", "we", "us", "so", "if", "at", "by", "as", "it",
	NULL,
};

/* Whether w[0..n) is a stop word.  Called for every word of every line
 * and bank question, so the words' lengths are found once. */
static bool
is_stop(const char *w, size_t n)
{
	/* The stop words of each length, as one string per length:
	 * by_len[3] is "theandfor...", each word n bytes. */
	enum { LONGEST = 8 };
	static char by_len[LONGEST + 1][sizeof stopwords / sizeof *stopwords * LONGEST];
	static size_t count[LONGEST + 1];
	static bool ready;
	if (!ready) {
		for (size_t i = 0; stopwords[i] != NULL; i++) {
			size_t l = strlen(stopwords[i]);
			if (l <= LONGEST)
				memcpy(by_len[l] + l * count[l]++, stopwords[i], l);
		}
		ready = true;
	}
	if (n > LONGEST)
		return false;
	for (size_t i = 0; i < count[n]; i++)
		if (memcmp(by_len[n] + n * i, w, n) == 0)
			return true;
	return false;
}

static uint32_t
hash_word(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The content words of s as a sorted set of hashes, in out[0..MAX_WORDS). */
static size_t
words(const char *s, size_t len, uint32_t *out)
{
	size_t n = 0, i = 0;
	char w[48];

	while (i < len && n < MAX_WORDS) {
		unsigned char c = (unsigned char)s[i];
		bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'';
		if (!letter) {
			i++;
			continue;
		}
		size_t wl = 0;
		while (i < len) {
			c = (unsigned char)s[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\''))
				break;
			if (wl < sizeof w)
				w[wl++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
		}
		if (wl < 3 || wl == sizeof w || is_stop(w, wl))
			continue;
		/* A crude stemmer: enough to match "trends" with "trend". */
		if (wl > 5 && memcmp(w + wl - 3, "ing", 3) == 0)
			wl -= 3;
		else if (wl > 4 && memcmp(w + wl - 2, "ed", 2) == 0)
			wl -= 2;
		else if (wl > 4 && w[wl - 1] == 's' && w[wl - 2] != 's')
			wl -= 1;
		out[n++] = hash_word(w, wl);
	}
	qsort(out, n, sizeof *out, cmp_u32);
	size_t u = 0;
	for (size_t k = 0; k < n; k++)
		if (u == 0 || out[u - 1] != out[k])
			out[u++] = out[k];
	return u;
}

static double
cosine(const uint32_t *a, size_t na, const struct wordset *b)
{
	size_t i = 0, j = 0, common = 0;
	if (na == 0 || b->n == 0)
		return 0;
	while (i < na && j < b->n) {
		if (a[i] == b->h[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b->h[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)common / sqrt((double)na * (double)b->n);
}

/* Compile each category's gate; worth it only for long inputs, so it is
 * done once GATE_AFTER lines not in ASCII have been classified. */
static void
build_gates(struct classifier *c)
{
	c->gates_built = true;
	for (int cat = 0; cat < CAT_COUNT; cat++) {
		if (c->ncues[cat] < 2)
			continue;
		size_t len = 1;
		for (size_t i = 0; i < c->ncues[cat]; i++)
			len += strlen(c->cues[cat][i]->pat.src) + 5;
		char *alt = xmalloc(len);
		size_t used = 0;
		for (size_t i = 0; i < c->ncues[cat]; i++)
			used += (size_t)snprintf(alt + used, len - used, "%s(?:%s)", i ? "|" : "",
			    c->cues[cat][i]->pat.src);
		char err[200];
		/* A gate that cannot be compiled (too long) is simply not used. */
		c->has_gate[cat] = pattern_compile(&c->gate[cat], alt, err, sizeof err);
		if (!c->has_gate[cat])
			pattern_free(&c->gate[cat]);
		free(alt);
	}
}

struct classifier *
classifier_new(const struct ruleset *rs)
{
	struct classifier *c = xcalloc(1, sizeof *c);

	for (size_t i = 0; i < rs->ncues; i++) {
		enum category cat = rs->cues[i]->cat;
		c->cues[cat] = xreallocarray(c->cues[cat], c->ncues[cat] + 1, sizeof *c->cues[cat]);
		c->cues[cat][c->ncues[cat]++] = rs->cues[i];
	}
	for (int cat = 0; cat < CAT_COUNT; cat++) {
		c->cue_base[cat] = c->ncue_all;
		c->ncue_all += c->ncues[cat];
	}
	c->cue_words = xcalloc(c->ncue_all + 1, sizeof *c->cue_words);
	c->cue_nwords = xcalloc(c->ncue_all + 1, sizeof *c->cue_nwords);
	c->cue_hit = xcalloc(c->ncue_all + 1, sizeof *c->cue_hit);
	const char **srcs = xcalloc(c->ncue_all + 1, sizeof *srcs);
	for (int cat = 0; cat < CAT_COUNT; cat++)
		for (size_t i = 0; i < c->ncues[cat]; i++)
			srcs[c->cue_base[cat] + i] = c->cues[cat][i]->pat.src;
	c->cue_words_mem = literals_list(srcs, c->ncue_all, c->cue_words, c->cue_nwords);
	free(srcs);
	c->cue_trig = trigger_set_new((char **const *)c->cue_words, c->cue_nwords, c->ncue_all);
	for (size_t b = 0; b <= rs->nbanks; b++) {
		const struct bank *bk = b < rs->nbanks ? rs->banks[b] : rs->reference;
		if (bk == NULL)
			continue;
		for (size_t q = 0; q < bk->nquestions; q++) {
			const struct question *qu = &bk->questions[q];
			uint32_t tmp[MAX_WORDS];
			size_t n = words(qu->text, strlen(qu->text), tmp);
			struct wordset ws = {xcalloc(n + 1, sizeof *ws.h), n};
			memcpy(ws.h, tmp, n * sizeof *tmp);
			c->qwords[qu->cat] = xreallocarray(c->qwords[qu->cat], c->nq[qu->cat] + 1,
			    sizeof *c->qwords[qu->cat]);
			c->qwords[qu->cat][c->nq[qu->cat]++] = ws;
		}
	}
	return c;
}

void
classifier_free(struct classifier *c)
{
	if (c == NULL)
		return;
	for (int cat = 0; cat < CAT_COUNT; cat++) {
		if (c->has_gate[cat])
			pattern_free(&c->gate[cat]);
		free(c->cues[cat]);
		for (size_t i = 0; i < c->nq[cat]; i++)
			free(c->qwords[cat][i].h);
		free(c->qwords[cat]);
	}
	trigger_set_free(c->cue_trig);
	free(c->cue_words_mem);
	free(c->cue_words);
	free(c->cue_nwords);
	free(c->cue_hit);
	free(c->lower);
	free(c);
}

int
classify_scores(struct classifier *c, struct matcher *m, const char *s, size_t len,
    float out[CAT_COUNT])
{
	uint32_t w[MAX_WORDS];
	size_t nw = words(s, len, w);

	for (int cat = 0; cat < CAT_COUNT; cat++)
		out[cat] = 0;
	/* Which cues' words the line holds: only said of pure ASCII, since
	 * caseless matching takes a few other letters for ASCII ones.  The
	 * gates serve the other lines. */
	bool ascii = true;
	for (size_t i = 0; ascii && i < len; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (!ascii && !c->gates_built && ++c->calls > GATE_AFTER)
		build_gates(c);
	if (ascii) {
		xgrow((void **)&c->lower, &c->lower_cap, len + 1, 1);
		for (size_t i = 0; i < len; i++)
			c->lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		trigger_scan(c->cue_trig, c->lower, len, c->cue_hit);
	}
	for (int cat = 0; cat < CAT_COUNT; cat++) {
		int votes = 0;
		bool gated = ascii || !c->has_gate[cat];
		if (!gated) {
			int rc = pattern_match(m, &c->gate[cat], s, len, NULL, NULL);
			/* On a limit, fall back to the cues one by one. */
			gated = rc != 0;
		}
		for (size_t i = 0; gated && i < c->ncues[cat]; i++) {
			size_t q = c->cue_base[cat] + i;
			if (ascii && c->cue_nwords[q] > 0 && !c->cue_hit[q])
				continue;   /* none of its words: it cannot match */
			int rc = pattern_match(m, &c->cues[cat][i]->pat, s, len, NULL, NULL);
			if (rc < 0) {
				for (int k = 0; k < CAT_COUNT; k++)
					out[k] = 0;
				return rc;
			}
			votes += rc;
		}
		double sim = 0;
		for (size_t i = 0; i < c->nq[cat]; i++) {
			double x = cosine(w, nw, &c->qwords[cat][i]);
			if (x > sim)
				sim = x;
		}
		if (votes == 0 && sim < WORD_ALONE)
			continue;
		out[cat] = (float)(votes + WORD_WEIGHT * sim);
	}
	return 0;
}

enum category
classify(struct classifier *c, struct matcher *m, const char *s, size_t len, int *err)
{
	float sc[CAT_COUNT];
	int rc = classify_scores(c, m, s, len, sc);
	if (err != NULL)
		*err = rc;
	if (rc < 0)
		return CAT_NONE;
	float best = 0;
	enum category pick = CAT_NONE;
	for (int cat = 0; cat < CAT_COUNT; cat++)
		if (sc[cat] > best) {
			best = sc[cat];
			pick = (enum category)cat;
		}
	return pick;
}
