/*
 * model.c -- the learned second opinion (see model.h).
 *
 * Features are hashed into NBUCKETS buckets; each bucket holds one int16
 * weight per class of every head (29 in all, so one bucket is one cache
 * line or two).  A line's features are collected in three blocks (stems,
 * stem bigrams and the like, character n-grams), each scaled to a fixed
 * length so a long rambling line weighs as much as a terse one.
 *
 * The file:
 *
 *   offset  size         what
 *   0       8            magic "ICMODEL1"
 *   8       4 x 4        version, buckets, classes, lexicon words
 *   24      4 x 4        thresholds: job_ask, salary, category, closing
 *   40      3 x 4        the scale of each head's int16 weights
 *   52      29 x 4       the biases
 *   168     4 x words    the lexicon: sorted word hashes
 *   ...     2 x 29 x buckets   the weights, bucket by bucket
 *
 * all little-endian (the build and the program run on one machine, and
 * the loader refuses any size that does not add up).
 */
#include <config.h>

#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "patcache.h"
#include "stemmer.h"
#include "xmalloc.h"

#define MAGIC "ICMODEL1"
#define MODEL_VERSION 1
#define NBUCKETS (1u << 16)
#define NCLS (MFLAG_COUNT + MCAT_COUNT + ACT_COUNT)
#define HEADER (8 + 4 * 4 + 4 * 4 + 3 * 4 + NCLS * 4)
#define MAX_FEATS 768           /* features looked at per line */
#define MAX_TOKENS 96           /* words looked at per line */
#define MAX_TOKEN 40            /* bytes of a word that count */

static const int head_off[3] = {0, MFLAG_COUNT, MFLAG_COUNT + MCAT_COUNT};
static const int head_n[3] = {MFLAG_COUNT, MCAT_COUNT, ACT_COUNT};

/* How much each block of features weighs (its vector's length). */
static const float block_weight[3] = {1.0f, 0.8f, 1.0f};

struct feat {
	uint32_t b;             /* bucket */
	float v;                /* value */
};

/* Words stemmed lately: the Snowball stemmer costs more than the rest of
 * a word's features, and a draft says the same words again and again.
 * Direct-mapped by the word's hash; a slot holds exactly what
 * stemmer_stem gave (or the word itself), so results are the same. */
#define STEM_CACHE 4096         /* slots at most, a power of two */
#define STEM_CACHE_FIRST 256    /* slots at first: a short draft touches
                                   few pages (each a fault) */
struct stem_slot {
	unsigned char wlen;     /* the word's length; 0: empty slot */
	unsigned char slen;     /* its stem's */
	char word[MAX_TOKEN];
	char stem[MAX_TOKEN];
};

struct model {
	void *map;              /* the file, mapped (or read) */
	size_t maplen;
	bool mapped;
	struct model_thresholds thr;
	float scale[3];
	float bias[NCLS];
	struct lexicon lex;
	const int16_t *w;       /* NBUCKETS x NCLS */
	float *fw;              /* training only: float weights */
	struct stemmer *stem;
	struct stem_slot *stems; /* nstems slots, made on first use */
	size_t nstems;
	size_t stem_misses;     /* since the slots were made */
	/* Scratch for one line. */
	struct feat feats[MAX_FEATS];
	size_t nfeats;
	char names[MAX_FEATS][48]; /* feature names, when explaining */
	bool keep_names;
};

/* FNV-1a, one byte of it. */
static inline uint32_t
fnv_byte(uint32_t h, char c)
{
	return (h ^ (unsigned char)c) * 16777619u;
}

static uint32_t
fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = fnv_byte(h, s[i]);
	return h;
}

static void
add_feat(struct model *m, char kind, const char *a, size_t la, const char *b, size_t lb)
{
	if (m->nfeats >= MAX_FEATS)
		return;
	uint32_t h = fnv(2166136261u, &kind, 1);
	h = fnv(h, a, la);
	if (b != NULL) {
		h = fnv(h, " ", 1);
		h = fnv(h, b, lb);
	}
	struct feat *f = &m->feats[m->nfeats];
	f->b = h & (NBUCKETS - 1);
	f->v = 1.0f;
	if (m->keep_names) {
		if (b != NULL)
			snprintf(m->names[m->nfeats], sizeof m->names[0], "%.*s %.*s", (int)la, a, (int)lb, b);
		else
			snprintf(m->names[m->nfeats], sizeof m->names[0], "%c:%.*s", kind, (int)la, a);
	}
	m->nfeats++;
}

/* add_feat for a feature whose hash is known and whose name is never
 * kept. */
static inline void
add_hashed(struct model *m, uint32_t h)
{
	if (m->nfeats >= MAX_FEATS)
		return;
	m->feats[m->nfeats].b = h & (NBUCKETS - 1);
	m->feats[m->nfeats].v = 1.0f;
	m->nfeats++;
}

/* Scale features [from, to) to length w. */
static void
scale_block(struct model *m, size_t from, size_t to, float w)
{
	if (to <= from)
		return;
	float s = w / sqrtf((float)(to - from));
	for (size_t i = from; i < to; i++)
		m->feats[i].v = s;
}

/* Stem word w[0..k) (k <= MAX_TOKEN) into out (MAX_TOKEN + 1 bytes). */
static void
stem_word(struct model *m, const char *w, size_t k, char *out)
{
	/* The cache starts small and grows when it misses often: slots are
	 * scattered by hash, so every slot used in a big table would be a
	 * page touched for the first time. */
	if (m->stems == NULL || (m->stem_misses > 4 * m->nstems && m->nstems < STEM_CACHE)) {
		size_t old_n = m->nstems;
		struct stem_slot *old = m->stems;
		m->nstems = old == NULL ? STEM_CACHE_FIRST : 4 * old_n;
		m->stems = xcalloc(m->nstems, sizeof *m->stems);
		m->stem_misses = 0;
		for (size_t i = 0; i < old_n; i++)
			if (old[i].wlen > 0)
				m->stems[fnv(2166136261u, old[i].word, old[i].wlen) & (m->nstems - 1)] = old[i];
		free(old);
	}
	struct stem_slot *sl = &m->stems[fnv(2166136261u, w, k) & (m->nstems - 1)];
	if (sl->wlen == k && memcmp(sl->word, w, k) == 0) {
		memcpy(out, sl->stem, sl->slen);
		out[sl->slen] = '\0';
		return;
	}
	m->stem_misses++;
	size_t len = 0;
	const char *st = stemmer_stem(m->stem, w, k, &len);
	if (st == NULL || len == 0 || len > MAX_TOKEN) {
		memcpy(out, w, k);
		out[k] = '\0';
		len = k;
	} else {
		memcpy(out, st, len);
		out[len] = '\0';
	}
	sl->wlen = (unsigned char)k;
	sl->slen = (unsigned char)len;
	memcpy(sl->word, w, k);
	memcpy(sl->stem, out, len);
}

static void
extract(struct model *m, const char *text, size_t len)
{
	char tok[MAX_TOKENS][MAX_TOKEN + 1];
	char stem[MAX_TOKENS][MAX_TOKEN + 1];
	size_t nt = 0;
	bool asks = false;

	for (size_t i = 0; i < len && nt < MAX_TOKENS;) {
		unsigned char c = (unsigned char)text[i];
		if (c == '?')
			asks = true;
		bool wc = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '\'' ||
		    (c >= 'A' && c <= 'Z') || c == '$';
		if (!wc) {
			i++;
			continue;
		}
		size_t k = 0;
		while (i < len) {
			c = (unsigned char)text[i];
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '\'' ||
			    (c >= 'A' && c <= 'Z') || c == '$'))
				break;
			if (c != '\'' && k < MAX_TOKEN)
				tok[nt][k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
		}
		if (k == 0)
			continue;
		tok[nt][k] = '\0';
		/* Digits are all alike to the model. */
		for (size_t j = 0; j < k; j++)
			if (tok[nt][j] >= '0' && tok[nt][j] <= '9')
				tok[nt][j] = '0';
		stem_word(m, tok[nt], k, stem[nt]);
		nt++;
	}

	m->nfeats = 0;
	/* Block 1: stems. */
	for (size_t i = 0; i < nt; i++)
		add_feat(m, 'w', stem[i], strlen(stem[i]), NULL, 0);
	if (nt == 0)
		add_feat(m, 'w', "", 0, NULL, 0);
	scale_block(m, 0, m->nfeats, block_weight[0]);
	/* Block 2: bigrams, the opening, whether it asks, its length. */
	size_t b2 = m->nfeats;
	for (size_t i = 0; i <= nt; i++) {
		const char *a = i == 0 ? "^" : stem[i - 1];
		const char *b = i == nt ? "$" : stem[i];
		add_feat(m, 'b', a, strlen(a), b, strlen(b));
	}
	if (nt > 0)
		add_feat(m, 'f', stem[0], strlen(stem[0]), NULL, 0);
	if (nt > 1)
		add_feat(m, 'g', stem[0], strlen(stem[0]), stem[1], strlen(stem[1]));
	if (asks)
		add_feat(m, 'q', "?", 1, NULL, 0);
	char lb = (char)('0' + (nt < 24 ? nt / 3 : 8));   /* one digit */
	add_feat(m, 'l', &lb, 1, NULL, 0);
	scale_block(m, b2, m->nfeats, block_weight[1]);
	/* Block 3: character 3- and 4-grams of each word, with its edges. */
	size_t b3 = m->nfeats;
	bool keep = m->keep_names;
	m->keep_names = false;
	/* add_feat's hashes, the kind's byte hashed once: these are most
	 * of a line's features. */
	const uint32_t kind3 = fnv(2166136261u, "3", 1), kind4 = fnv(2166136261u, "4", 1);
	for (size_t i = 0; i < nt; i++) {
		char w[MAX_TOKEN + 2];     /* "<" word ">" */
		size_t tl = strlen(tok[i]);
		w[0] = '<';
		memcpy(w + 1, tok[i], tl);
		w[tl + 1] = '>';
		size_t wl = tl + 2;
		for (size_t j = 0; j + 3 <= wl; j++)
			add_hashed(m, fnv_byte(fnv_byte(fnv_byte(kind3, w[j]), w[j + 1]), w[j + 2]));
		for (size_t j = 0; j + 4 <= wl; j++)
			add_hashed(m, fnv_byte(fnv_byte(fnv_byte(fnv_byte(kind4, w[j]), w[j + 1]), w[j + 2]),
			    w[j + 3]));
	}
	m->keep_names = keep;
	scale_block(m, b3, m->nfeats, block_weight[2]);
}

static void
softmax(float *z, int n)
{
	float mx = z[0];
	for (int i = 1; i < n; i++)
		if (z[i] > mx)
			mx = z[i];
	float sum = 0;
	for (int i = 0; i < n; i++) {
		z[i] = expf(z[i] - mx);
		sum += z[i];
	}
	for (int i = 0; i < n; i++)
		z[i] /= sum;
}

#define NCLS_PAD 32     /* NCLS rounded up to whole vectors */
#define PREFETCH_AHEAD 8 /* features */

/* On x86-64 the baseline has only 16-byte vectors; a processor with AVX2
 * sums eight classes in one instruction, which accumulate_avx2 spells
 * out (GCC splits the generic code's conversions in halves).  AVX2 brings
 * no fused multiply-add, so each product is still rounded before it is
 * added: the same floats as the generic code. */
#if defined(__x86_64__) && defined(__GNUC__) && ((__GNUC__ >= 9) || defined(__clang__))
#include <immintrin.h>
#define MODEL_AVX2 1
/* Whether the CPU and the kernel let AVX2 run.  glibc's answer comes from
 * what it found at start-up; GCC's __builtin_cpu_supports would link a
 * constructor that runs CPUID again in every process, before main, for
 * every command (about a tenth of a millisecond where CPUID traps to a
 * hypervisor), though only a model's sum asks. */
#ifdef HAVE_SYS_PLATFORM_X86_H
#include <sys/platform/x86.h>
#define HAVE_AVX2() (CPU_FEATURE_ACTIVE(AVX2) != 0)
#else
#define HAVE_AVX2() (__builtin_cpu_supports("avx2") != 0)
#endif

__attribute__((target("avx2"))) static void
accumulate_avx2(const struct model *m, float acc[NCLS_PAD])
{
	_Static_assert(NCLS > 24 && NCLS <= NCLS_PAD && NCLS_PAD == 32, "four vectors of eight classes");
	__m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
	for (size_t i = 0; i < m->nfeats; i++) {
		if (i + PREFETCH_AHEAD < m->nfeats) {
			const int16_t *p = m->w + (size_t)m->feats[i + PREFETCH_AHEAD].b * NCLS;
			__builtin_prefetch(p);
			__builtin_prefetch(p + NCLS - 1);
		}
		const int16_t *w = m->w + (size_t)m->feats[i].b * NCLS;
		int16_t tail[8] = {0};  /* classes 24 and up, then zeros */
		memcpy(tail, w + 24, (NCLS - 24) * sizeof *w);
		__m256 v = _mm256_set1_ps(m->feats[i].v);
#define TERM(p) _mm256_mul_ps(v, _mm256_cvtepi32_ps(_mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(p)))))
		a0 = _mm256_add_ps(a0, TERM(w));
		a1 = _mm256_add_ps(a1, TERM(w + 8));
		a2 = _mm256_add_ps(a2, TERM(w + 16));
		a3 = _mm256_add_ps(a3, TERM(tail));
#undef TERM
	}
	_mm256_storeu_ps(acc, a0);
	_mm256_storeu_ps(acc + 8, a1);
	_mm256_storeu_ps(acc + 16, a2);
	_mm256_storeu_ps(acc + 24, a3);
}
#endif

/* acc[c] = the sum over the features of value * weight of class c, in
 * feature order.  Each class is summed alone, so working on eight classes
 * at once (GCC's and Clang's vector types) gives the very same floats. */
static void
accumulate(const struct model *m, float acc[NCLS_PAD])
{
#ifdef MODEL_AVX2
	static int avx2 = -1;
	if (avx2 < 0)
		avx2 = HAVE_AVX2();
	if (avx2) {
		accumulate_avx2(m, acc);
		return;
	}
#endif
#if defined(__GNUC__) && ((__GNUC__ >= 9) || defined(__clang__))
	typedef float vf8 __attribute__((vector_size(32)));
	typedef int16_t vs8 __attribute__((vector_size(16)));
	_Static_assert(NCLS > 24 && NCLS <= NCLS_PAD && NCLS_PAD == 32, "four vectors of eight classes");
	/* Four sums of eight classes, kept in registers. */
	vf8 a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
	for (size_t i = 0; i < m->nfeats; i++) {
		/* The weights are a few MB read at random: ask for a later
		 * feature's while this one's are summed. */
		if (i + PREFETCH_AHEAD < m->nfeats) {
			const int16_t *p = m->w + (size_t)m->feats[i + PREFETCH_AHEAD].b * NCLS;
			__builtin_prefetch(p);
			__builtin_prefetch(p + NCLS - 1);
		}
		const int16_t *w = m->w + (size_t)m->feats[i].b * NCLS;
		int16_t tail[8] = {0};  /* classes 24 and up, then zeros */
		vs8 s0, s1, s2, s3;
		memcpy(&s0, w, sizeof s0);
		memcpy(&s1, w + 8, sizeof s1);
		memcpy(&s2, w + 16, sizeof s2);
		memcpy(tail, w + 24, (NCLS - 24) * sizeof *w);
		memcpy(&s3, tail, sizeof s3);
		float v = m->feats[i].v;
		a0 += v * __builtin_convertvector(s0, vf8);
		a1 += v * __builtin_convertvector(s1, vf8);
		a2 += v * __builtin_convertvector(s2, vf8);
		a3 += v * __builtin_convertvector(s3, vf8);
	}
	memcpy(acc, &a0, sizeof a0);
	memcpy(acc + 8, &a1, sizeof a1);
	memcpy(acc + 16, &a2, sizeof a2);
	memcpy(acc + 24, &a3, sizeof a3);
#else
	for (int c = 0; c < NCLS_PAD; c++)
		acc[c] = 0;
	for (size_t i = 0; i < m->nfeats; i++) {
		const int16_t *w = m->w + (size_t)m->feats[i].b * NCLS;
		for (int c = 0; c < NCLS; c++)
			acc[c] += m->feats[i].v * (float)w[c];
	}
#endif
}

/* The scores of every class for the features extracted. */
static void
scores(const struct model *m, float z[NCLS])
{
	memcpy(z, m->bias, sizeof m->bias);
	if (m->fw != NULL) {
		for (size_t i = 0; i < m->nfeats; i++) {
			const float *w = m->fw + (size_t)m->feats[i].b * NCLS;
			for (int c = 0; c < NCLS; c++)
				z[c] += m->feats[i].v * w[c];
		}
		return;
	}
	float acc[NCLS_PAD];
	accumulate(m, acc);
	for (int h = 0; h < 3; h++)
		for (int c = head_off[h]; c < head_off[h] + head_n[h]; c++)
			z[c] += acc[c] * m->scale[h];
}

void
model_judge(struct model *m, const char *text, size_t len, struct judgement *out)
{
	float z[NCLS];
	extract(m, text, len);
	scores(m, z);
	for (int h = 0; h < 3; h++)
		softmax(z + head_off[h], head_n[h]);
	memcpy(out->flag, z, sizeof out->flag);
	memcpy(out->cat, z + head_off[1], sizeof out->cat);
	memcpy(out->act, z + head_off[2], sizeof out->act);
}

int
model_top(const float *p, int n, int *second)
{
	int best = 0, next = -1;
	for (int i = 1; i < n; i++) {
		if (p[i] > p[best]) {
			next = best;
			best = i;
		} else if (next < 0 || p[i] > p[next]) {
			next = i;
		}
	}
	if (second != NULL)
		*second = n < 2 ? -1 : next;
	return best;
}

size_t
model_explain(struct model *m, int head, int cls, const char *text, size_t len,
    char *buf, size_t buflen, size_t k)
{
	if (head < 0 || head > 2 || cls < 0 || cls >= head_n[head] || buflen == 0)
		return 0;
	m->keep_names = true;
	extract(m, text, len);
	m->keep_names = false;
	/* What each named feature adds to cls over the head's mean. */
	float contrib[MAX_FEATS];
	int c0 = head_off[head];
	for (size_t i = 0; i < m->nfeats; i++) {
		const int16_t *w = m->w + (size_t)m->feats[i].b * NCLS;
		float mean = 0;
		for (int c = 0; c < head_n[head]; c++)
			mean += (float)w[c0 + c];
		mean /= (float)head_n[head];
		contrib[i] = m->names[i][0] != '\0' ? m->feats[i].v * ((float)w[c0 + cls] - mean) : 0;
	}
	buf[0] = '\0';
	size_t used = 0, got = 0;
	for (; got < k; got++) {
		size_t best = SIZE_MAX;
		for (size_t i = 0; i < m->nfeats; i++)
			if (contrib[i] > 0 && (best == SIZE_MAX || contrib[i] > contrib[best]))
				best = i;
		if (best == SIZE_MAX)
			break;
		contrib[best] = 0;
		const char *name = m->names[best];
		if (name[1] == ':')
			name += 2;
		/* Only words a person reads: no edges, no lengths, no repeats. */
		bool skip = strchr(name, '^') != NULL || strchr(name, '$') != NULL ||
		    strcmp(name, "?") == 0 || (name[0] >= '0' && name[0] <= '9');
		for (const char *p = buf; !skip && (p = strstr(p, name)) != NULL; p++)
			if ((p == buf || p[-1] == ' ') && (p[strlen(name)] == ',' || p[strlen(name)] == '\0') &&
			    (p == buf || p[-2] == ','))
				skip = true;
		if (skip) {
			got--;
			continue;
		}
		int w = snprintf(buf + used, buflen - used, "%s%s", used ? ", " : "", name);
		if (w < 0 || (size_t)w >= buflen - used)
			break;
		used += (size_t)w;
	}
	for (size_t i = 0; i < m->nfeats; i++)
		m->names[i][0] = '\0';
	return got;
}

static struct model *
model_empty(void)
{
	struct model *m = xcalloc(1, sizeof *m);
	m->stem = stemmer_new();
	if (m->stem == NULL)
		xalloc_die();
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	if (m->mapped)
		munmap(m->map, m->maplen);
	else
		free(m->map);
	free(m->fw);
	free(m->stems);
	stemmer_free(m->stem);
	free(m);
}

const struct model_thresholds *
model_thresholds(const struct model *m)
{
	return &m->thr;
}

const struct lexicon *
model_lexicon(const struct model *m)
{
	return &m->lex;
}

static uint32_t
get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static float
getf(const unsigned char *p)
{
	float v;
	memcpy(&v, p, 4);
	return v;
}

/* Whether the n 4-byte numbers at p rise strictly; if not, *at is the
 * file offset of the first that does not.  The numbers are compared in
 * blocks of a fixed size, copied out, so that the compiler turns the
 * inner loop into vector instructions: every run reads the whole
 * lexicon. */
static bool
lexicon_sorted(const unsigned char *p, uint32_t n, size_t *at)
{
	unsigned down = 0;
	size_t i = 0;
	for (; i + 65 <= n && !down; i += 64) {
		uint32_t block[65];
		memcpy(block, p + 4 * i, sizeof block);
		for (size_t j = 0; j < 64; j++)
			down |= block[j + 1] <= block[j];
	}
	/* The rest, and the block that went wrong, one by one. */
	if (down)
		i -= 64;
	for (; i + 1 < n; i++)
		if (get32(p + 4 * (i + 1)) <= get32(p + 4 * i)) {
			*at = HEADER + 4 * (i + 1);
			return false;
		}
	return true;
}

struct model *
model_load(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open it: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size;
	if (size < HEADER) {
		snprintf(err, errlen, "not an infocoach model (only %zu bytes)", size);
		close(fd);
		return NULL;
	}
	void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		snprintf(err, errlen, "cannot map it: %s", strerror(errno));
		return NULL;
	}
	const unsigned char *p = map;
	const char *why = NULL;
	size_t at = 0;
	uint32_t version = get32(p + 8), buckets = get32(p + 12), classes = get32(p + 16),
	    nlex = get32(p + 20);
	if (memcmp(p, MAGIC, 8) != 0)
		why = "not an infocoach model (bad magic)";
	else if (version != MODEL_VERSION)
		why = "a model of another version; retrain it with 'infocoach train'", at = 8;
	else if (buckets != NBUCKETS || classes != NCLS)
		why = "a model of another shape; retrain it with 'infocoach train'", at = 12;
	else if ((uint64_t)HEADER + 4ull * nlex + 2ull * NCLS * NBUCKETS != size)
		why = "the file's size does not match its header (cut short or padded?)", at = 20;
	struct model_thresholds thr = {getf(p + 24), getf(p + 28), getf(p + 32), getf(p + 36)};
	const float tv[4] = {thr.job_ask, thr.salary, thr.category, thr.closing};
	for (int i = 0; why == NULL && i < 4; i++)
		if (!(tv[i] >= 0.0f && tv[i] <= 1.0f))
			why = "a threshold is not a probability", at = 24 + 4 * (size_t)i;
	for (int i = 0; why == NULL && i < 3 + NCLS; i++)
		if (!isfinite(getf(p + 40 + 4 * i)))
			why = "a scale or bias is not a finite number", at = 40 + 4 * (size_t)i;
	/* A file whose lexicon was found in order since it last changed is
	 * not read through again (patcache_identity). */
	char id[200];
	size_t n = 0;
	struct patcache *pc = patcache_shared();
	bool known = patcache_identity(id, sizeof id, "sound model", &st) &&
	    patcache_get_blob(pc, id, &n) != NULL;
	if (why == NULL && !known && !lexicon_sorted(p + HEADER, nlex, &at))
		why = "the lexicon is not sorted";
	if (why == NULL && !known && id[0] != '\0')
		patcache_put_blob(pc, id, "", 0);
	if (why != NULL) {
		snprintf(err, errlen, "byte %zu: %s", at, why);
		munmap(map, size);
		return NULL;
	}
	struct model *m = model_empty();
	m->map = map;
	m->maplen = size;
	m->mapped = true;
	m->thr = thr;
	for (int i = 0; i < 3; i++)
		m->scale[i] = getf(p + 40 + 4 * i);
	for (int i = 0; i < NCLS; i++)
		m->bias[i] = getf(p + 52 + 4 * i);
	m->lex.h = (const uint32_t *)(p + HEADER);
	m->lex.n = nlex;
	m->w = (const int16_t *)(p + HEADER + 4 * (size_t)nlex);
	return m;
}

/* Training --------------------------------------------------------- */

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#define CLOSING_PRECISION 0.995
#define EPOCHS 14
#define RATE0 0.8f
/* Weight decay on the weights a step touches (L2 regularisation): chosen
 * by 5-fold cross-validation on the examples (0, 0.001, 0.002, 0.003,
 * 0.01 tried; 0.002 gave job-ask recall 0.922 against 0.882 unregularised
 * at the same precision, pay 0.838 against 0.785, categories 0.937 against
 * 0.922, acts 0.956 against 0.962), and it makes the fit depend far less
 * on the order of the examples. */
#define L2 0.002f

/* Features of every example, extracted once. */
struct featcache {
	struct feat *f;
	size_t *off;            /* example i's features: f[off[i]..off[i+1]) */
};

static void
cache_features(struct model *m, const struct example *ex, size_t n, struct featcache *fc)
{
	struct norm nm;
	norm_init(&nm);
	size_t cap = 0, used = 0;
	fc->f = NULL;
	fc->off = xcalloc(n + 1, sizeof *fc->off);
	for (size_t i = 0; i < n; i++) {
		normalize(&nm, ex[i].text, strlen(ex[i].text));
		extract(m, nm.text, nm.len);
		xgrow((void **)&fc->f, &cap, used + m->nfeats, sizeof *fc->f);
		memcpy(fc->f + used, m->feats, m->nfeats * sizeof *fc->f);
		used += m->nfeats;
		fc->off[i + 1] = used;
	}
	norm_free(&nm);
}

static int
label_of(const struct example *e, int h)
{
	return h == 0 ? e->flag : h == 1 ? e->cat : e->act;
}

/* Fit float weights on the examples whose index has use[i] true. */
static void
fit(struct model *m, const struct example *ex, size_t n, const struct featcache *fc, const bool *use)
{
	memset(m->fw, 0, (size_t)NBUCKETS * NCLS * sizeof *m->fw);
	memset(m->bias, 0, sizeof m->bias);
	size_t *order = xcalloc(n, sizeof *order);
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	/* Rare classes count more, up to four times. */
	double count[NCLS] = {0};
	for (size_t i = 0; i < n; i++)
		for (int h = 0; use[i] && h < 3; h++)
			if (label_of(&ex[i], h) >= 0)
				count[head_off[h] + label_of(&ex[i], h)] += 1;
	float cw[NCLS];
	for (int h = 0; h < 3; h++) {
		double total = 0;
		for (int c = 0; c < head_n[h]; c++)
			total += count[head_off[h] + c];
		for (int c = 0; c < head_n[h]; c++) {
			double k = count[head_off[h] + c];
			double w = k > 0 ? sqrt(total / head_n[h] / k) : 1;
			cw[head_off[h] + c] = (float)(w > 4 ? 4 : w < 0.5 ? 0.5 : w);
		}
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (int epoch = 0; epoch < EPOCHS; epoch++) {
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(rnd(&seed) % i);
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		float rate = RATE0 / (1.0f + 0.35f * (float)epoch);
		for (size_t oi = 0; oi < n; oi++) {
			size_t i = order[oi];
			if (!use[i])
				continue;
			m->nfeats = fc->off[i + 1] - fc->off[i];
			memcpy(m->feats, fc->f + fc->off[i], m->nfeats * sizeof *m->feats);
			float z[NCLS];
			scores(m, z);
			for (int h = 0; h < 3; h++) {
				int y = label_of(&ex[i], h);
				if (y < 0)
					continue;
				float *zh = z + head_off[h];
				softmax(zh, head_n[h]);
				float r = rate * cw[head_off[h] + y];
				for (int c = 0; c < head_n[h]; c++) {
					float g = (c == y ? 1.0f : 0.0f) - zh[c];
					m->bias[head_off[h] + c] += r * g * 0.1f;
					for (size_t f = 0; f < m->nfeats; f++) {
						float *wp = &m->fw[(size_t)m->feats[f].b * NCLS + head_off[h] + c];
						*wp += r * (g * m->feats[f].v - L2 * *wp);
					}
				}
			}
		}
	}
	free(order);
}

/* The lowest threshold at which the predictions p[i] >= t of the
 * positives (pos[i]) reach precision want, or 1 when none does. */
static float
choose_threshold(const float *p, const bool *pos, size_t n, double want, double *prec, double *rec)
{
	float best = 1.0f;
	*prec = 1;
	*rec = 0;
	size_t npos = 0;
	for (size_t i = 0; i < n; i++)
		npos += pos[i];
	for (int k = 99; k >= 30; k--) {
		float t = (float)k / 100.0f;
		size_t tp = 0, fp = 0;
		for (size_t i = 0; i < n; i++)
			if (p[i] >= t)
				pos[i] ? tp++ : fp++;
		if (tp + fp == 0)
			continue;
		double pr = (double)tp / (double)(tp + fp);
		if (pr < want)
			break;
		best = t;
		*prec = pr;
		*rec = npos ? (double)tp / (double)npos : 0;
	}
	return best;
}

static int
save(const struct model *m, const uint32_t *lex, size_t nlex, const char *path, char *err, size_t errlen)
{
	size_t size = HEADER + 4 * nlex + 2 * (size_t)NCLS * NBUCKETS;
	unsigned char *buf = xcalloc(1, size);
	uint32_t hdr[4] = {MODEL_VERSION, NBUCKETS, NCLS, (uint32_t)nlex};
	memcpy(buf, MAGIC, 8);
	memcpy(buf + 8, hdr, sizeof hdr);
	const float thr[4] = {m->thr.job_ask, m->thr.salary, m->thr.category, m->thr.closing};
	memcpy(buf + 24, thr, sizeof thr);
	float scale[3];
	for (int h = 0; h < 3; h++) {
		float mx = 1e-6f;
		for (size_t b = 0; b < NBUCKETS; b++)
			for (int c = head_off[h]; c < head_off[h] + head_n[h]; c++)
				if (fabsf(m->fw[b * NCLS + c]) > mx)
					mx = fabsf(m->fw[b * NCLS + c]);
		scale[h] = mx / 32767.0f;
	}
	memcpy(buf + 40, scale, sizeof scale);
	memcpy(buf + 52, m->bias, sizeof m->bias);
	memcpy(buf + HEADER, lex, 4 * nlex);
	int16_t *w = (int16_t *)(buf + HEADER + 4 * nlex);
	for (size_t b = 0; b < NBUCKETS; b++)
		for (int h = 0; h < 3; h++)
			for (int c = head_off[h]; c < head_off[h] + head_n[h]; c++)
				w[b * NCLS + c] = (int16_t)lrintf(m->fw[b * NCLS + c] / scale[h]);
	int rc = files_save_atomic(path, (const char *)buf, size, err, errlen);
	free(buf);
	/* A model holds nothing private, and an installed one is read by
	 * every user: 0644, not the 0600 of a transcript. */
	if (rc == 0 && chmod(path, 0644) != 0) {
		snprintf(err, errlen, "cannot make '%s' readable: %s", path, strerror(errno));
		return -1;
	}
	return rc;
}

/* The lexicon of trusted words: their hashes, sorted and unique, in a
 * new array (the caller frees it) of *nlex entries. */
static uint32_t *
build_lexicon(char *const *words, size_t nwords, size_t *nlex)
{
	uint32_t *lex = xcalloc(nwords + 1, sizeof *lex);
	for (size_t i = 0; i < nwords; i++)
		lex[i] = norm_hash(words[i], strlen(words[i]));
	qsort(lex, nwords, sizeof *lex, cmp_u32);
	*nlex = 0;
	for (size_t i = 0; i < nwords; i++)
		if (*nlex == 0 || lex[i] != lex[*nlex - 1])
			lex[(*nlex)++] = lex[i];
	return lex;
}

/* What the model said of each example while it was held out of
 * training (cross-validation); each array has one entry per example. */
struct heldout {
	float *pj;                  /* the job-ask flag's probability */
	float *ps;                  /* the salary flag's probability */
	int *cat;                   /* the top category */
	float *pc;                  /* ... and its probability */
	int *act;                   /* the top act */
};

/* Trains m folds times, each time without one fold of the n examples,
 * and fills ho with its predictions on that fold (use is scratch). */
static void
predict_heldout(struct model *m, const struct example *ex, size_t n, const struct featcache *fc,
    int folds, bool *use, struct heldout *ho)
{
	for (int k = 0; k < folds; k++) {
		for (size_t i = 0; i < n; i++)
			use[i] = (int)(i % (size_t)folds) != k;
		fit(m, ex, n, fc, use);
		for (size_t i = 0; i < n; i++) {
			if (use[i])
				continue;
			m->nfeats = fc->off[i + 1] - fc->off[i];
			memcpy(m->feats, fc->f + fc->off[i], m->nfeats * sizeof *m->feats);
			float z[NCLS];
			scores(m, z);
			for (int h = 0; h < 3; h++)
				softmax(z + head_off[h], head_n[h]);
			ho->pj[i] = z[MFLAG_JOB_ASK];
			ho->ps[i] = z[MFLAG_SALARY];
			ho->cat[i] = model_top(z + head_off[1], MCAT_COUNT, NULL);
			ho->pc[i] = z[head_off[1] + ho->cat[i]];
			ho->act[i] = model_top(z + head_off[2], ACT_COUNT, NULL);
		}
	}
}

/* The job-ask and salary thresholds, over the examples with a flag
 * label, with their precision and recall in rep. */
static void
flag_thresholds(struct model *m, const struct example *ex, size_t n, const struct heldout *ho,
    struct train_report *rep)
{
	float *fp = xcalloc(n, sizeof *fp);
	bool *pos = xcalloc(n, sizeof *pos);
	size_t nf = 0;
	for (size_t i = 0; i < n; i++)
		if (ex[i].flag >= 0) {
			fp[nf] = ho->pj[i];
			pos[nf++] = ex[i].flag == MFLAG_JOB_ASK;
		}
	m->thr.job_ask = choose_threshold(fp, pos, nf, 0.98, &rep->job_p, &rep->job_r);
	nf = 0;
	for (size_t i = 0; i < n; i++)
		if (ex[i].flag >= 0) {
			fp[nf] = ho->ps[i];
			pos[nf++] = ex[i].flag == MFLAG_SALARY;
		}
	m->thr.salary = choose_threshold(fp, pos, nf, 0.98, &rep->pay_p, &rep->pay_r);
	free(fp);
	free(pos);
}

/* Category: accuracy (and the act's, in rep), the confidence below which
 * the top guess is right less than two times in three, and the
 * confidence from which a closing question was never wrong. */
static void
category_thresholds(struct model *m, const struct example *ex, size_t n, const struct heldout *ho,
    struct train_report *rep)
{
	size_t right = 0, total = 0, aright = 0, atotal = 0;
	for (size_t i = 0; i < n; i++) {
		if (ex[i].cat >= 0) {
			total++;
			right += ho->cat[i] == ex[i].cat;
		}
		if (ex[i].act >= 0) {
			atotal++;
			aright += ho->act[i] == ex[i].act;
		}
	}
	rep->cat_acc = total ? (double)right / (double)total : 0;
	rep->act_acc = atotal ? (double)aright / (double)atotal : 0;
	m->thr.category = 0.3f;
	for (int k = 30; k <= 80; k += 5) {
		size_t r = 0, t = 0;
		for (size_t i = 0; i < n; i++)
			if (ex[i].cat >= 0 && ho->pc[i] < (float)k / 100.0f && ho->pc[i] >= (float)(k - 5) / 100.0f) {
				t++;
				r += ho->cat[i] == ex[i].cat;
			}
		if (t >= 10 && (double)r / (double)t < 0.67)
			m->thr.category = (float)k / 100.0f;
	}
	/* Closing questions: the lowest confidence (from 0.5) at which
	 * the closing questions the model names are right CLOSING_PRECISION
	 * of the time. */
	m->thr.closing = 0.99f;
	for (int k = 99; k >= 50; k--) {
		float t = (float)k / 100.0f;
		size_t r = 0, w = 0;
		for (size_t i = 0; i < n; i++)
			if (ex[i].cat >= 0 && (ho->cat[i] == CAT_REFERRALS || ho->cat[i] == CAT_MENTION_NAME) &&
			    ho->pc[i] >= t)
				ho->cat[i] == ex[i].cat ? r++ : w++;
		if (r + w > 0 && (double)r / (double)(r + w) < CLOSING_PRECISION)
			break;
		m->thr.closing = t;
	}
}

int
model_train(const struct example *ex, size_t n, char *const *words, size_t nwords,
    int folds, const char *path, struct train_report *rep, char *err, size_t errlen)
{
	struct model *m = model_empty();
	m->fw = xcalloc((size_t)NBUCKETS * NCLS, sizeof *m->fw);
	memset(rep, 0, sizeof *rep);
	size_t nlex;
	uint32_t *lex = build_lexicon(words, nwords, &nlex);
	struct featcache fc;
	cache_features(m, ex, n, &fc);
	bool *use = xcalloc(n, sizeof *use);
	for (size_t i = 0; i < n; i++)
		for (int h = 0; h < 3; h++)
			rep->examples[h] += label_of(&ex[i], h) >= 0;

	m->thr = (struct model_thresholds){0.9f, 0.9f, 0.5f, 0.9f};
	if (folds > 1) {
		struct heldout ho = {
			.pj = xcalloc(n, sizeof *ho.pj), .ps = xcalloc(n, sizeof *ho.ps),
			.cat = xcalloc(n, sizeof *ho.cat), .pc = xcalloc(n, sizeof *ho.pc),
			.act = xcalloc(n, sizeof *ho.act),
		};
		predict_heldout(m, ex, n, &fc, folds, use, &ho);
		flag_thresholds(m, ex, n, &ho, rep);
		category_thresholds(m, ex, n, &ho, rep);
		free(ho.pj);
		free(ho.ps);
		free(ho.pc);
		free(ho.cat);
		free(ho.act);
	}
	rep->thr = m->thr;
	for (size_t i = 0; i < n; i++)
		use[i] = true;
	fit(m, ex, n, &fc, use);
	int rc = save(m, lex, nlex, path, err, errlen);
	free(use);
	free(fc.f);
	free(fc.off);
	free(lex);
	model_free(m);
	return rc;
}
