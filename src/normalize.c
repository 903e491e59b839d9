/*
 * normalize.c -- what a line says, before any rule or model sees it
 * (see normalize.h).
 *
 * Two passes over the line:
 *
 *  1. characters: ASCII letters lowercased, curly quotes, primes and
 *     dashes made plain, no-break and thin spaces made spaces, common
 *     Latin accents folded;
 *  2. words: texting forms and spellings from a table, then a likely
 *     misspelling of a word from the vocabulary below corrected when it
 *     is one edit away from exactly one such word (two for long words),
 *     starts with the same letter, and is not itself a word we know.
 *
 * Each output byte carries the original byte range it came from.
 */
#include <config.h>

#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "text.h"
#include "xmalloc.h"

/* Texting forms and other spellings, written out.  Matched against whole
 * words of the line after pass 1. */
static const struct {
	const char *from, *to;
} respell[] = {
	{"u", "you"}, {"ya", "you"}, {"yu", "you"}, {"ur", "your"}, {"urs", "yours"},
	{"r", "are"}, {"pls", "please"}, {"plz", "please"}, {"plse", "please"},
	{"thx", "thanks"}, {"thnx", "thanks"}, {"thanx", "thanks"}, {"tks", "thanks"},
	{"ty", "thank you"}, {"tysm", "thank you so much"}, {"fwd", "forward"},
	{"tho", "though"}, {"thru", "through"}, {"wat", "what"}, {"wht", "what"},
	{"wut", "what"}, {"whats", "what's"}, {"hows", "how's"}, {"hw", "how"},
	{"whos", "who's"}, {"wheres", "where's"}, {"im", "i'm"}, {"ive", "i've"},
	{"dont", "don't"}, {"cant", "can't"}, {"didnt", "didn't"}, {"doesnt", "doesn't"},
	{"isnt", "isn't"}, {"wouldnt", "wouldn't"}, {"couldnt", "couldn't"},
	{"arent", "aren't"}, {"youre", "you're"}, {"youve", "you've"}, {"theyre", "they're"},
	{"wanna", "want to"}, {"gonna", "going to"}, {"gotta", "got to"},
	{"ppl", "people"}, {"abt", "about"}, {"b4", "before"}, {"bc", "because"},
	{"bcoz", "because"}, {"coz", "because"}, {"cuz", "because"}, {"bcuz", "because"},
	{"sry", "sorry"}, {"srry", "sorry"}, {"soz", "sorry"}, {"idk", "i don't know"},
	{"kk", "ok"}, {"okay", "ok"}, {"tmrw", "tomorrow"},
	{"ofc", "of course"}, {"yr", "year"}, {"yrs", "years"}, {"hrs", "hours"},
	{"gr8", "great"}, {"any1", "anyone"}, {"sum1", "someone"}, {"some1", "someone"},
	{"every1", "everyone"}, {"no1", "no one"}, {"n", "and"}, {"wrk", "work"}, {"becuz", "because"},
	{"lemme", "let me"}, {"gimme", "give me"}, {"kinda", "kind of"},
	{"sorta", "sort of"}, {"dunno", "don't know"}, {"ya'll", "you all"},
	{"cv", "resume"}, {"cvs", "resumes"}, {"résumé", "resume"},
	{"btw", "by the way"}, {"tbh", "to be honest"}, {"imo", "in my opinion"},
	{"asap", "as soon as possible"}, {"info", "information"},
	{"cud", "could"}, {"cld", "could"}, {"wud", "would"}, {"wld", "would"}, {"shud", "should"},
	{"shld", "should"}, {"cn", "can"}, {"gud", "good"}, {"lmk", "let me know"},
	{"hbu", "how about you"}, {"thr", "there"}, {"nxt", "next"}, {"w", "with"},
	{"bf", "before"}, {"smth", "something"}, {"sth", "something"},
	{"ppl's", "people's"}, {"abt", "about"}, {"alot", "a lot"}, {"ez", "easy"},
	{"yall", "you all"}, {"y'all", "you all"}, {"u're", "you're"}, {"u'd", "you'd"},
	{"ur's", "yours"}, {"wats", "what's"}, {"hw's", "how's"}, {"wen", "when"},
	{"wer", "where"}, {"bcos", "because"}, {"cos", "because"}, {"anythin", "anything"},
	{"somethin", "something"}, {"nothin", "nothing"}, {"mgr", "manager"}, {"dept", "department"},
	{"yrs'", "years'"}, 
	{"wkend", "weekend"}, {"wknd", "weekend"}, {"wk", "week"}, {"wks", "weeks"},
	{"tmr", "tomorrow"}, {"mgmt", "management"}, {"convo", "conversation"},
	{"organisation", "organization"}, {"organisations", "organizations"},
	{"programme", "program"}, {"programmes", "programs"},
};

/* The words the rules, the banks and the model lean on: a misspelling of
 * one of these is corrected.  Lowercase ASCII. */
static const char *const vocabulary[] = {
	"about", "advancement", "advice", "anyone", "application", "applications", "apply",
	"applying", "background", "benefits", "bonus", "bonuses", "business", "candidate",
	"career", "careers", "challenge", "challenges", "challenging", "colleague",
	"colleagues", "company", "compensation", "consider", "considered", "contact",
	"culture", "department", "difficult", "employee", "employees", "employer",
	"engineer", "engineering", "environment", "equity", "everyone", "expected",
	"experience", "forward", "graduate", "graduates", "happened", "hired", "hiring",
	"income", "industry", "influence", "interested", "internship", "internships",
	"interview", "interviews", "manager", "mention", "mentor", "mentors", "mission",
	"money", "nursing", "openings", "opportunities", "opportunity", "organization",
	"paycheck", "people", "placement", "position", "positions", "possible", "promoted",
	"promotion", "qualifications", "question", "questions", "recommend",
	"recommendation", "recruit", "recruiter", "recruiting", "refer", "referral",
	"referrals", "resume", "resumes", "salaries", "salary", "schedule", "someone",
	"starting", "suggest", "surprised", "surprising", "teaching", "team", "typical",
	"vacancies", "vacancy", "wages", "would", "yourself", "because", "please",
	"advise", "earning", "earnings", "thanks", "really", "different", "accounting",
	"software", "logistics", "company's", "business", "definitely", "interesting",
	"responsibilities", "technology", "education", "training", "certification",
	"qualified", "skills", "knowledge", "recommendations", "introduce", "introduction",
	"anybody", "somebody", "else", "name", "using", "apprenticeship", "apprenticeships",
	"traineeship", "traineeships", "apprentice", "apprentices", "internal", "referrals",
	"scheme", "available", "shortlist", "considering", "salaried", "opening", "looking",
	"working", "trying", "going", "doing", "thinking", "wondering", "manufacturing",
	"recruitment", "temporary", "warehouse", "agency", "portfolio", "hospital", "enterprise",
	"factory", "overtime", "hourly", "negotiate", "pension", "thousand", "wondering",
	"actually", "something", "anything", "everything", "nothing", "tomorrow", "message",
	"probably", "whether", "weather", "though", "through", "thought", "believe", "receive",
	"definitely", "necessary", "separate", "occasionally", "environment", "government",
	"department", "beginning", "business", "colleagues", "schedule", "interesting",
	"manager", "managers", "hiring", "teacher", "teachers", "student", "students",
	"graduate", "university", "college", "degree", "certificate", "professional",
};

/* Real words one edit from a vocabulary word, which must never be
 * "corrected" into it. */
static const char *const guard[] = {
	"hiking", "firing", "hiding", "wager", "wages", "ages", "sage", "mention",
	"mentions", "mentioned", "mentoring", "mentored", "wonder", "hire", "hires",
	"fired", "tired", "wired", "paid", "said", "raid", "maid", "referee", "refers",
	"referred", "referring", "preferral", "prefer", "teams", "teach", "teacher",
	"teachers", "teaches", "tram", "steam", "team's", "money's", "honey", "monkey",
	"mission's", "missions", "position's", "posting", "posted", "apply's", "apple",
	"applied", "supply", "reply", "apps", "cover", "coder", "codes", "cater",
	"carer", "carers", "career's", "manage", "managed", "manages", "managers",
	"mangers", "income's", "incomes", "outcome", "intern", "interns", "interned",
	"internal", "eternal", "bones", "bonuses", "onus", "bogus", "equality", "equities",
	"wage", "wave", "stage", "stages", "engine", "engines", "engineers", "people's",
	"peoples", "purple", "person", "prison", "season", "reason", "lesson", "nurse",
	"nurses", "nursery", "cursing", "typically", "topical", "tropical", "graduated",
	"gradual", "experiment", "expert", "expect", "expects", "expected", "recall",
	"schedules", "scheduled", "someone's", "somehow", "suggests", "suggested",
	"surprise", "promote", "promotes", "promoting", "company", "companion",
	"forward", "forwards", "awkward", "coward", "contact", "contract", "contacts",
	"consider", "considers", "cultural", "cultures", "mentee", "mentees",
	"missing", "misson", "skill", "skilled", "questioned", "training's", "trainee",
	"trainees", "training", "raining", "draining", "naming", "names", "named",
	"dame", "game", "same", "came", "fame", "lame", "tame", "email", "else's",
	"pleasure", "pleased", "plead", "really", "reality", "realty", "ready",
	"thank", "thinks", "think", "hanks", "ranks", "banks", "tanks", "stake",
	"salad", "salads", "celery", "gallery", "salami", "calories", "sales",
	"hiring's", "wiring", "siring", "tiring", "airing", "hearing", "hiving",
	"refit", "rifer", "defer", "deferral", "differ", "offer", "offers",
	"referendum", "reference", "references", "position", "deposition", "earrings",
	"earring", "hopping", "shopping", "hoping",
};

#define NRESPELL (sizeof respell / sizeof *respell)
#define NVOCAB (sizeof vocabulary / sizeof *vocabulary)
#define NGUARD (sizeof guard / sizeof *guard)
#define MAX_WORD 32              /* longer words are never corrected */
#define MIN_CORRECT 4            /* nor shorter ones */
#define LONG_WORD 8              /* from here, two edits are allowed */

uint32_t
norm_hash(const char *w, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

void
norm_init(struct norm *n)
{
	memset(n, 0, sizeof *n);
}

void
norm_free(struct norm *n)
{
	free(n->text);
	free(n->so);
	free(n->eo);
	free(n->words);
	memset(n, 0, sizeof *n);
}

static void
reserve(struct norm *n, size_t need)
{
	if (need + 1 <= n->cap)
		return;
	size_t cap = n->cap ? n->cap : 256;
	while (cap < need + 1)
		cap *= 2;
	n->text = xreallocarray(n->text, cap, 1);
	n->so = xreallocarray(n->so, cap, sizeof *n->so);
	n->eo = xreallocarray(n->eo, cap, sizeof *n->eo);
	n->cap = cap;
}

/* Where the original bytes of n's text[i] start and end. */
static inline size_t
so_at(const struct norm *n, size_t i)
{
	return n->ident ? i : n->so[i];
}

static inline size_t
eo_at(const struct norm *n, size_t i)
{
	return n->ident ? i + 1 : n->eo[i];
}

/* Write out n's map, the identity so far: a byte is about to come from
 * elsewhere. */
static void
unident(struct norm *n)
{
	if (!n->ident)
		return;
	for (size_t i = 0; i < n->len; i++) {
		n->so[i] = i;
		n->eo[i] = i + 1;
	}
	n->ident = false;
}

/* Append t[from..to) of the pass-1 text p1, each byte with its own
 * original range. */
static void
put_run(struct norm *n, const struct norm *p1, size_t from, size_t to)
{
	size_t k = to - from;
	reserve(n, n->len + k);
	memcpy(n->text + n->len, p1->text + from, k);
	/* Copied to where it was, from an identity: still the identity. */
	if (n->ident && !(p1->ident && n->len == from))
		unident(n);
	if (!n->ident) {
		for (size_t i = 0; i < k; i++) {
			n->so[n->len + i] = so_at(p1, from + i);
			n->eo[n->len + i] = eo_at(p1, from + i);
		}
	}
	n->len += k;
	n->text[n->len] = '\0';
}

/* Append bytes b[0..k) that came from the original range [so, eo). */
static void
put(struct norm *n, const char *b, size_t k, size_t so, size_t eo)
{
	reserve(n, n->len + k);
	unident(n);
	for (size_t i = 0; i < k; i++) {
		n->text[n->len] = b[i];
		n->so[n->len] = so;
		n->eo[n->len] = eo;
		n->len++;
	}
	n->text[n->len] = '\0';
}

/* What pass 1 makes of code point cp: a replacement, or NULL to keep the
 * character's own bytes. */
static const char *
fold_char(uint32_t cp, char *one)
{
	if (cp >= 'A' && cp <= 'Z') {
		one[0] = (char)(cp + 32);
		one[1] = '\0';
		return one;
	}
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	case '\t': case 0x00A0: case 0x2009: case 0x202F: case 0x2007: case 0x3000:
		return " ";
	default:
		break;
	}
	/* Latin-1 and Latin Extended-A letters with accents. */
	static const char *const latin1 =
	    "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; /* U+00E0..U+00FF */
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
		one[0] = latin1[cp - 0xC0];
		one[1] = '\0';
		return one[0] == 'd' && cp == 0xD0 ? "d" : one;
	}
	if (cp >= 0xE0 && cp <= 0xFF && cp != 0xF7) {
		one[0] = latin1[cp - 0xE0];
		one[1] = '\0';
		return one;
	}
	if (cp == 0xDF)
		return "ss";
	if (cp == 0x0153 || cp == 0x0152)
		return "oe";
	return NULL;
}

/* What each byte is, looked up rather than worked out a byte at a time
 * (made with the tables below). */
enum {
	BYTE_WORD = 1,          /* part of a word in pass 2 */
	BYTE_PLAIN = 2,         /* ASCII that pass 1 keeps or only lowercases */
};
static unsigned char byte_class[256];

static bool
word_byte(unsigned char c)
{
	return byte_class[c] & BYTE_WORD;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The tables as sorted hashes, made once: a word is looked up in a few
 * steps, not by comparing it with every entry. */
struct hashed {
	uint32_t h;
	unsigned short idx;     /* into its table */
};

static struct hashed known_h[NVOCAB + NGUARD], respell_h[NRESPELL];
static unsigned short by_letter[27][NVOCAB]; /* vocabulary by first letter */
static unsigned short nby_letter[27];
static unsigned char vocab_len[NVOCAB];
static bool tables_ready;

static int
cmp_hashed(const void *a, const void *b)
{
	uint32_t x = ((const struct hashed *)a)->h, y = ((const struct hashed *)b)->h;
	return x < y ? -1 : x > y;
}

static void
make_tables(void)
{
	for (size_t i = 0; i < NVOCAB; i++) {
		known_h[i] = (struct hashed){norm_hash(vocabulary[i], strlen(vocabulary[i])), (unsigned short)i};
		vocab_len[i] = (unsigned char)strlen(vocabulary[i]);
		int l = vocabulary[i][0] >= 'a' && vocabulary[i][0] <= 'z' ? vocabulary[i][0] - 'a' : 26;
		by_letter[l][nby_letter[l]++] = (unsigned short)i;
	}
	for (size_t i = 0; i < NGUARD; i++)
		known_h[NVOCAB + i] = (struct hashed){norm_hash(guard[i], strlen(guard[i])), (unsigned short)i};
	qsort(known_h, NVOCAB + NGUARD, sizeof *known_h, cmp_hashed);
	for (size_t i = 0; i < NRESPELL; i++)
		respell_h[i] = (struct hashed){norm_hash(respell[i].from, strlen(respell[i].from)), (unsigned short)i};
	qsort(respell_h, NRESPELL, sizeof *respell_h, cmp_hashed);
	for (unsigned c = 0; c < 256; c++) {
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80)
			byte_class[c] |= BYTE_WORD;
		if (c < 0x80 && c != '\t' && c != '`')
			byte_class[c] |= BYTE_PLAIN;
	}
	tables_ready = true;
}

/* The texting form w[0..len) stands for, or NULL. */
static const char *
respelt(const char *w, size_t len)
{
	struct hashed key = {norm_hash(w, len), 0};
	const struct hashed *e = bsearch(&key, respell_h, NRESPELL, sizeof key, cmp_hashed);
	if (e == NULL)
		return NULL;
	/* Walk to the first of equal hashes, then compare the words. */
	while (e > respell_h && e[-1].h == key.h)
		e--;
	for (; e < respell_h + NRESPELL && e->h == key.h; e++)
		if (strlen(respell[e->idx].from) == len && memcmp(respell[e->idx].from, w, len) == 0)
			return respell[e->idx].to;
	return NULL;
}

bool
norm_known(const struct norm *n, const char *w, size_t len)
{
	if (!tables_ready)
		make_tables();
	struct hashed key = {norm_hash(w, len), 0};
	if (bsearch(&key, known_h, NVOCAB + NGUARD, sizeof key, cmp_hashed) != NULL)
		return true;
	if (n->lex != NULL && n->lex->n > 0) {
		uint32_t h = norm_hash(w, len);
		return bsearch(&h, n->lex->h, n->lex->n, sizeof h, cmp_u32) != NULL;
	}
	return false;
}

/* Optimal string alignment distance of a and b (both at most MAX_WORD
 * bytes), or limit + 1 once it must exceed limit. */
static size_t
osa_distance(const char *a, size_t la, const char *b, size_t lb, size_t limit)
{
	size_t d[MAX_WORD + 1][MAX_WORD + 1];
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t rowmin = SIZE_MAX;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		if (rowmin > limit)
			return limit + 1;
	}
	return d[la][lb];
}

/* The vocabulary word w[0..len) is a likely misspelling of, or NULL. */
static const char *
correction(const struct norm *n, const char *w, size_t len)
{
	if (len < MIN_CORRECT || len > MAX_WORD)
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (!(w[i] >= 'a' && w[i] <= 'z'))
			return NULL;
	if (norm_known(n, w, len))
		return NULL;
	size_t limit = len >= LONG_WORD ? 2 : 1;
	const char *best = NULL;
	size_t bestd = limit + 1;
	bool tie = false;
	int letter = w[0] - 'a';
	for (size_t k = 0; k < nby_letter[letter]; k++) {
		size_t i = by_letter[letter][k];
		const char *v = vocabulary[i];
		size_t lv = vocab_len[i];
		if (lv > MAX_WORD || (lv > len ? lv - len : len - lv) > limit)
			continue;
		size_t d = osa_distance(w, len, v, lv, limit);
		if (d < bestd) {
			bestd = d;
			best = v;
			tie = false;
		} else if (d == bestd && best != NULL && strcmp(best, v) != 0) {
			tie = true;
		}
	}
	return best != NULL && !tie ? best : NULL;
}

/* What a word stands for, remembered: a draft uses the same few hundred
 * words again and again, and looking one up (a texting form? a known
 * word? one edit from which word of the vocabulary?) is most of what
 * pass 2 costs.  A table of WORD_MEMO slots, each word in the slot its
 * hash picks, the last one there winning. */
#define WORD_MEMO 1024

struct norm_word {
	uint32_t hash;          /* hash_bytes of the word (cut to 32 bits) */
	unsigned char len;      /* its length; 0 for an empty slot */
	bool fix_known;         /* fix holds correction()'s answer */
	char w[MAX_WORD];       /* the word */
	const char *respell;    /* respelt()'s answer */
	const char *fix;        /* correction()'s answer, once fix_known */
};

/* The slot of w[0..len) (1 to MAX_WORD bytes), filled in if it held
 * another word; NULL while n has normalised only this one line (a struct
 * norm made for one line, as reword.c's is, would spend more clearing the
 * table than the table saves). */
static struct norm_word *
word_slot(struct norm *n, const char *w, size_t len)
{
	if (n->words == NULL || n->words_lex != n->lex) {
		if (n->lines < 2)
			return NULL;
		/* Corrections depend on the lexicon: a new one, a new table. */
		free(n->words);
		n->words = xcalloc(WORD_MEMO, sizeof *n->words);
		n->words_lex = n->lex;
	}
	uint32_t h = (uint32_t)hash_bytes(w, len, 0);
	struct norm_word *e = &n->words[h % WORD_MEMO];
	if (e->len == len && e->hash == h && memcmp(e->w, w, len) == 0)
		return e;
	e->hash = h;
	e->len = (unsigned char)len;
	memcpy(e->w, w, len);
	e->respell = respelt(w, len);
	e->fix_known = false;
	e->fix = NULL;
	return e;
}

/* A texting form may stand for a word only between spaces or
 * punctuation that ends a phrase, never inside "r&d", "u.s." or "w/o". */
static bool
free_standing(const char *s, size_t len, size_t a, size_t b)
{
	if (a > 0 && strchr("&./-@_", s[a - 1]) != NULL)
		return false;
	if (b < len && strchr("&/-@_", s[b]) != NULL)
		return false;
	if (b + 1 < len && s[b] == '.' && s[b + 1] >= 'a' && s[b + 1] <= 'z')
		return false;
	return true;
}

/* Whether the word at s is one that "2" (to) or "4" (for) goes before
 * in texting: "2 ur boss", "4 me". */
static bool
digit_word_before(const char *s, size_t len)
{
	static const char *const next[] = {"u", "ur", "you", "your", "me", "my", "the", "him", "her",
		"them", "us", "work", "be", "get", "see", "talk", "join", "apply", "ask", "a", "an", "sure",
		"now", NULL};
	size_t k = 0;
	while (k < len && s[k] >= 'a' && s[k] <= 'z')
		k++;
	for (const char *const *w = next; *w != NULL; w++)
		if (strlen(*w) == k && memcmp(*w, s, k) == 0)
			return true;
	return false;
}

/* Pass 1: s[0..len) into p1, characters folded (fold_char), each byte
 * with the original range it came from. */
static void
fold_chars(struct norm *p1, const char *s, size_t len)
{
	p1->len = 0;
	reserve(p1, len * 3 + 1);
	/* Most lines are ASCII that fold_char keeps or only lowercases, all
	 * through: their map is the identity, not written. */
	size_t plain = text_ascii_prefix_but(s, len, '\t', '`');
	text_lower_ascii(p1->text, s, plain);
	p1->len = plain;
	p1->ident = true;
	if (plain == len) {
		p1->text[len] = '\0';
		return;
	}
	unident(p1);
	for (size_t i = plain; i < len;) {
		/* A run of ASCII that fold_char keeps, or only lowercases:
		 * most lines are one such run. */
		char *text = p1->text + p1->len;
		size_t *so = p1->so + p1->len, *eo = p1->eo + p1->len;
		size_t j = i;
		for (; j < len; j++) {
			unsigned char c = (unsigned char)s[j];
			if (!(byte_class[c] & BYTE_PLAIN))
				break;
			text[j - i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			so[j - i] = j;
			eo[j - i] = j + 1;
		}
		p1->len += j - i;
		i = j;
		if (i == len)
			break;
		uint32_t cp;
		size_t k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		char one[2];
		const char *r = fold_char(cp, one);
		if (r != NULL)
			put(p1, r, strlen(r), i, i + k);
		else
			put(p1, s + i, k, i, i + k);
		i += k;
	}
	p1->text[p1->len] = '\0';
}

void
normalize(struct norm *n, const char *s, size_t len)
{
	if (!tables_ready)
		make_tables();
	if (n->lines < 2)
		n->lines++;
	/* Pass 1 into a scratch buffer, with its own map. */
	static __thread struct norm scratch;
	fold_chars(&scratch, s, len);
	const struct norm p1 = scratch;

	/* Pass 2: word by word. */
	n->len = 0;
	n->corrected = 0;
	n->ident = true;
	reserve(n, p1.len + 16);
	n->text[0] = '\0';
	const char *t = p1.text;
	size_t tl = p1.len;
	/* What pass 1 made is copied only up to a word that is replaced,
	 * and the rest at the end: most lines are copied in one go. */
	size_t copied = 0;
	for (size_t i = 0; i < tl;) {
		if (!word_byte((unsigned char)t[i])) {
			size_t j = i + 1;
			while (j < tl && !word_byte((unsigned char)t[j]))
				j++;
			i = j;
			continue;
		}
		size_t j = i;
		while (j < tl && word_byte((unsigned char)t[j]))
			j++;
		/* Trailing apostrophes belong to the punctuation. */
		size_t end = j;
		while (end > i + 1 && t[end - 1] == '\'')
			end--;
		const char *w = t + i;
		size_t wl = end - i;
		size_t oso = so_at(&p1, i), oeo = eo_at(&p1, end - 1);
		const char *to = NULL;
		size_t consumed = end;
		if (wl == 1 && t[i] == 'w' && end < tl && t[end] == '/' &&
		    (end + 1 == tl || t[end + 1] == ' ')) {
			to = "with";
			oeo = eo_at(&p1, end);
			consumed = end + 1;
		} else if (wl == 10 && memcmp(w, "curriculum", 10) == 0 && end + 6 <= tl &&
		    memcmp(t + end, " vitae", 6) == 0) {
			to = "resume";
			oeo = eo_at(&p1, end + 5);
			consumed = end + 6;
		} else if (wl == 1 && (t[i] == '2' || t[i] == '4') && free_standing(t, tl, i, end) &&
		    end + 1 < tl && t[end] == ' ' && digit_word_before(t + end + 1, tl - end - 1)) {
			/* "fwd my cv 2 ur boss", "a good word 4 me" */
			to = t[i] == '2' ? "to" : "for";
		} else {
			struct norm_word *e = wl <= MAX_WORD ? word_slot(n, w, wl) : NULL;
			to = e != NULL ? e->respell : respelt(w, wl);
			if (to != NULL && wl <= 2 && !free_standing(t, tl, i, end))
				to = NULL;
			if (to == NULL && wl >= 5 && wl < MAX_WORD && w[wl - 2] == 'i' && w[wl - 1] == 'n') {
				/* "lookin", "hirin": the g people drop when typing fast */
				char g[MAX_WORD + 1];
				memcpy(g, w, wl);
				g[wl] = 'g';
				if (norm_known(n, g, wl + 1) && !norm_known(n, w, wl)) {
					memcpy(n->dropped_g, g, wl + 1);
					n->dropped_g[wl + 1] = '\0';
					to = n->dropped_g;
				}
			}
			if (to == NULL && e != NULL && !e->fix_known) {
				e->fix = correction(n, w, wl);
				e->fix_known = true;
			}
			if (to == NULL && (to = e != NULL ? e->fix : correction(n, w, wl)) != NULL)
				n->corrected++;
		}
		if (to != NULL) {
			put_run(n, &p1, copied, i);
			put(n, to, strlen(to), oso, oeo);
			copied = consumed;
		}
		i = consumed;
	}
	put_run(n, &p1, copied, tl);
	if (n->len == 0)
		reserve(n, 1);
	n->text[n->len] = '\0';
}

void
norm_span(const struct norm *n, size_t so, size_t eo, size_t *oso, size_t *oeo)
{
	if (n->len == 0) {
		*oso = *oeo = 0;
		return;
	}
	if (so >= n->len)
		so = n->len - 1;
	*oso = so_at(n, so);
	*oeo = eo > 0 ? eo_at(n, eo > n->len ? n->len - 1 : eo - 1) : *oso;
	if (*oeo < *oso)
		*oeo = *oso;
}
