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
 *    word sets; each category keeps its best.  An index from each word to
 *    the questions holding it finds the questions sharing a word with the
 *    line; the others' cosine is 0.
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
#include "text.h"
#include "trigger.h"
#include "xmalloc.h"

#define WORD_WEIGHT   0.9    /* a full word match is worth most of a cue */
#define WORD_ALONE    0.34   /* least cosine to place a line with no cue */
#define MAX_WORDS     64     /* content words looked at per line */

/* One word of one bank question, in the index. */
struct posting {
	uint32_t h;             /* the word's hash */
	uint32_t q;             /* the question's number */
};

/* A bank question, as the index knows it. */
struct qinfo {
	enum category cat;
	uint32_t nwords;        /* its content words */
};

struct classifier {
	struct pattern gate[CAT_COUNT];   /* alternation of the category's cues */
	bool has_gate[CAT_COUNT];         /* gate compiled */
	const struct cue **cues[CAT_COUNT]; /* the cues of each category */
	size_t ncues[CAT_COUNT];
	struct posting *post;        /* every question's words, by hash */
	size_t npost;
	struct qinfo *qs;            /* the bank questions */
	size_t nq;
	uint32_t *common;            /* scratch: per question, words shared
	                                with the line (0 between lines) */
	uint32_t *touched;           /* scratch: the questions with some */
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

/* w[0..n) (n <= 8) as one number, for comparing words in one step. */
static uint64_t
packed(const char *w, size_t n)
{
	uint64_t x = 0;
	memcpy(&x, w, n);
	return x;
}

/* Whether w[0..n) is a stop word.  Called for every word of every line
 * and bank question, so the stop words are packed into numbers once,
 * by length. */
static bool
is_stop(const char *w, size_t n)
{
	enum { LONGEST = 8 };
	static uint64_t by_len[LONGEST + 1][sizeof stopwords / sizeof *stopwords];
	static size_t count[LONGEST + 1];
	static bool ready;
	if (!ready) {
		for (size_t i = 0; stopwords[i] != NULL; i++) {
			size_t l = strlen(stopwords[i]);
			if (l <= LONGEST)
				by_len[l][count[l]++] = packed(stopwords[i], l);
		}
		ready = true;
	}
	if (n > LONGEST)
		return false;
	uint64_t x = packed(w, n);
	for (size_t i = 0; i < count[n]; i++)
		if (by_len[n][i] == x)
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
	/* A handful of words: an insertion sort. */
	for (size_t k = 1; k < n; k++) {
		uint32_t x = out[k];
		size_t j = k;
		for (; j > 0 && out[j - 1] > x; j--)
			out[j] = out[j - 1];
		out[j] = x;
	}
	size_t u = 0;
	for (size_t k = 0; k < n; k++)
		if (u == 0 || out[u - 1] != out[k])
			out[u++] = out[k];
	return u;
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

static int
cmp_posting(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->q < y->q ? -1 : x->q > y->q;
}

/* Index the content words of every bank question. */
static void
index_questions(struct classifier *c, const struct ruleset *rs)
{
	size_t cap = 0, qcap = 0;
	for (size_t b = 0; b <= rs->nbanks; b++) {
		const struct bank *bk = b < rs->nbanks ? rs->banks[b] : rs->reference;
		if (bk == NULL)
			continue;
		for (size_t q = 0; q < bk->nquestions; q++) {
			const struct question *qu = &bk->questions[q];
			uint32_t tmp[MAX_WORDS];
			size_t n = words(qu->text, strlen(qu->text), tmp);
			if (n == 0)
				continue;   /* its cosine is 0 with any line */
			xgrow((void **)&c->qs, &qcap, c->nq + 1, sizeof *c->qs);
			c->qs[c->nq] = (struct qinfo){qu->cat, (uint32_t)n};
			xgrow((void **)&c->post, &cap, c->npost + n, sizeof *c->post);
			for (size_t k = 0; k < n; k++)
				c->post[c->npost++] = (struct posting){tmp[k], (uint32_t)c->nq};
			c->nq++;
		}
	}
	if (c->npost > 0)
		qsort(c->post, c->npost, sizeof *c->post, cmp_posting);
	c->common = xcalloc(c->nq + 1, sizeof *c->common);
	c->touched = xcalloc(c->nq + 1, sizeof *c->touched);
}

/* Each category's best cosine between the line's words w[0..nw) and a bank
 * question's, into sim (0 where no question shares a word). */
static void
best_cosines(struct classifier *c, const uint32_t *w, size_t nw, double sim[CAT_COUNT])
{
	for (int cat = 0; cat < CAT_COUNT; cat++)
		sim[cat] = 0;
	size_t nt = 0;
	for (size_t i = 0; i < nw; i++) {
		/* The first posting of w[i]. */
		size_t lo = 0, hi = c->npost;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->post[mid].h < w[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < c->npost && c->post[lo].h == w[i]; lo++) {
			uint32_t q = c->post[lo].q;
			if (c->common[q]++ == 0)
				c->touched[nt++] = q;
		}
	}
	for (size_t k = 0; k < nt; k++) {
		uint32_t q = c->touched[k];
		double x = (double)c->common[q] / sqrt((double)nw * (double)c->qs[q].nwords);
		c->common[q] = 0;
		if (x > sim[c->qs[q].cat])
			sim[c->qs[q].cat] = x;
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
	index_questions(c, rs);
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
	}
	free(c->post);
	free(c->qs);
	free(c->common);
	free(c->touched);
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
	double sim[CAT_COUNT];
	best_cosines(c, w, nw, sim);

	for (int cat = 0; cat < CAT_COUNT; cat++)
		out[cat] = 0;
	/* Which cues' words the line holds: only said of pure ASCII, since
	 * caseless matching takes a few other letters for ASCII ones.  The
	 * gates serve the other lines. */
	bool ascii = text_is_ascii(s, len);
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
		if (votes == 0 && sim[cat] < WORD_ALONE)
			continue;
		out[cat] = (float)(votes + WORD_WEIGHT * sim[cat]);
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
