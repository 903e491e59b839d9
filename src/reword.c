/*
 * reword.c -- a closed (yes/no) question opened up (see reword.h).
 */
#include <config.h>

#include "reword.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "normalize.h"
#include "xmalloc.h"

/* Words that make a question about a job or pay: a yes/no question with
 * one of them is never recast as an example to copy. */
#define W(s) {s, sizeof s - 1}
static const struct {
	const char *w;
	size_t len;             /* strlen(w), so a word is compared only with
	                           words of its length */
} job_pay_words[] = {
	W("hire"), W("hiring"), W("hired"), W("job"), W("jobs"), W("opening"), W("openings"),
	W("position"), W("positions"), W("vacancy"), W("vacancies"), W("role"), W("roles"),
	W("internship"), W("internships"), W("intern"), W("employ"), W("employing"), W("recruit"),
	W("recruiting"), W("resume"), W("résumé"), W("cv"), W("refer"), W("referral"), W("salary"),
	W("salaries"), W("pay"), W("paid"), W("earn"), W("earnings"), W("money"), W("wage"),
	W("wages"), W("bonus"), W("benefits"), W("compensation"), W("raise"), W("apply"),
	W("application"), W("placement"),
};
#undef W

/* Whether q[0..len) holds one of job_pay_words, as a whole word, other
 * than after "your" (the host's own job is a fine topic). */
static bool
mentions_job_or_pay(const char *q, size_t len)
{
#define LETTER(ch) ((unsigned char)(ch) >= 0x80 || ((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z'))
	size_t i = 0, prev = 0, prevlen = 0;
	while (i < len) {
		while (i < len && !LETTER(q[i]))
			i++;
		size_t st = i;
		while (i < len && LETTER(q[i]))
			i++;
		bool yours = prevlen == 4 && strncasecmp(q + prev, "your", 4) == 0;
		for (size_t k = 0; st < i && !yours && k < sizeof job_pay_words / sizeof *job_pay_words; k++)
			if (job_pay_words[k].len == i - st && strncasecmp(q + st, job_pay_words[k].w, i - st) == 0)
				return true;
		prev = st;
		prevlen = i - st;
	}
	return false;
#undef LETTER
}

/* Whether the word w (lowercase) starts q[*at..len), followed by a space;
 * then *at moves past the space. */
static bool
word_at(const char *q, size_t len, size_t *at, const char *w)
{
	size_t n = strlen(w);
	if (*at + n >= len || strncasecmp(q + *at, w, n) != 0 || q[*at + n] != ' ')
		return false;
	*at += n + 1;
	return true;
}

/* The first of w[] that starts q[*at..len), or NULL. */
static const char *
one_of(const char *q, size_t len, size_t *at, const char *const *w)
{
	for (; *w; w++)
		if (word_at(q, len, at, *w))
			return *w;
	return NULL;
}

/* Whether q[b..e) has more than n words, or one of the words that start
 * a clause ("how", "if", "to"...): not a short noun to move about. */
static bool
not_a_short_noun(const char *q, size_t b, size_t e, int n)
{
	static const char *const clause[] = {"how", "what", "why", "when", "where", "who", "whether",
		"if", "that", "to", NULL};
	int words = 0;
	for (size_t i = b; i < e;) {
		while (i < e && q[i] == ' ')
			i++;
		size_t st = i;
		while (i < e && q[i] != ' ')
			i++;
		if (st == i)
			break;
		words++;
		for (const char *const *c = clause; *c; c++)
			if (strlen(*c) == i - st && strncasecmp(q + st, *c, i - st) == 0)
				return true;
	}
	return words > n;
}

/* The general advice when there is no example to give. */
static const char plain[] = "Rephrase it to start with what, how or why, so that the host "
    "can tell you more than yes or no.";
static const char think[] = "Ask for their view rather than a yes or no: start with \"What do "
    "you think about\" or \"How do you see\", and name what you want their view on.";

/* Adjectives that a "What makes X ...?" question can hold: anywhere for
 * the first list ("What makes it possible to switch later?"), at the end
 * only for the second ("What makes nursing stressful?", never "What makes
 * it normal?"). */
static const char *const adjs[] = {"hard", "difficult", "easy", "common", "stressful",
    "possible", "usual", "normal", "rewarding", NULL};
static const char *const adjs_last[] = {"hard", "difficult", "easy", "stressful", "rewarding",
    "fun", "interesting", "challenging", "satisfying", "exhausting", "tiring", "competitive",
    "demanding", "boring", "fulfilling", NULL};

/* The word of list that is all of q[at..len), or NULL. */
static const char *
last_of(const char *q, size_t len, size_t at, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == len - at && strncasecmp(q + at, *list, len - at) == 0)
			return *list;
	return NULL;
}

/* "Is nursing stressful?", "Is the work rewarding?", "Is it hard to get
 * in?": q[at..len), after "is" or "was", holds a subject of one to three
 * words (not a person: "Is he easy to work for?" would not read), then
 * an adjective and whatever follows.  Returns "What makes nursing
 * stressful?" (tense "makes" or "made"), or NULL. */
static char *
what_makes(const char *q, size_t len, size_t at, const char *tense)
{
	static const char *const people[] = {"i", "you", "he", "she", "we", "they", "there", NULL};
	/* "Is it really as stressful as people say?" has no subject to move. */
	static const char *const degree[] = {"really", "so", "very", "as", "too", "more", "less", "most",
	    "least", "actually", "always", "still", "quite", "pretty", "that", "this", "much", "usually",
	    "generally", "often", "ever", "also", "not", NULL};
	size_t subj = at, b = at;
	if (one_of(q, len, &b, people) != NULL)
		return NULL;
	for (int words = 0; words <= 4 && at < len; words++) {
		const char *w;
		b = at;
		if (words > 0 && one_of(q, len, &b, degree) != NULL)
			return NULL;
		if (words > 0 && ((w = one_of(q, len, &b, adjs)) != NULL ||
		    (w = last_of(q, len, at, adjs_last)) != NULL)) {
			if (not_a_short_noun(q, subj, at, 4))
				return NULL;
			if (b == at)     /* the adjective ends the question */
				return xasprintf("What %s %.*s%s?", tense, (int)(at - subj), q + subj, w);
			return xasprintf("What %s %.*s%s %.*s?", tense, (int)(at - subj), q + subj, w,
			    (int)(len - b), q + b);
		}
		while (at < len && q[at] != ' ')
			at++;
		at++;
	}
	return NULL;
}

/*
 * The open question for a closed (yes/no) question q[0..len) when its
 * form is one we can rewrite and stay grammatical ("Do you like your
 * job?" -> "What do you like most about your job?", "Do you have any tips
 * for me?" -> "What tips do you have for me?", "Is nursing stressful?" ->
 * "What makes nursing stressful?"), else NULL: "Do you think in 5 years
 * supervisors still needed?" holds no clause we could trust to move.
 * Never an example for a question about a job or pay (job_or_pay, or one
 * of job_pay_words), which would only teach the ask in other words.
 */
static char *
open_up(const char *q, size_t len, bool job_or_pay)
{
	static const char *const likes[] = {"like", "enjoy", "love", "dislike", "miss", NULL};
	static const char *const preps[] = {" about ", " for ", " in ", " on ", " with ", " from ", NULL};
	while (len > 0 && (q[len - 1] == '?' || q[len - 1] == ' ' || q[len - 1] == '.'))
		len--;
	if (job_or_pay || mentions_job_or_pay(q, len))
		return NULL;
	/* "haha do u like ur job", "So, is it stressful?": the words that
	 * lead in are left out of the rewrite. */
	static const char *const lead[] = {"so", "and", "but", "also", "ok", "okay", "now", "well",
	    "then", "haha", "lol", "um", "uh", "hmm", "so,", "and,", "ok,", "okay,", "well,", "haha,",
	    "lol,", "um,", "hmm,", NULL};
	for (int i = 0; i < 2; i++) {
		size_t at = 0;
		if (one_of(q, len, &at, lead) == NULL)
			break;
		q += at;
		len -= at;
	}
	/* "do u enjoy pr more than journalism?" compares: moved after
	 * "What do you enjoy most about" it would not read. */
	static const char *const compares[] = {" more than ", " less than ", " rather than ", " better than ",
	    " compared ", " or ", NULL};
	for (const char *const *c = compares; *c != NULL; c++)
		if (memmem(q, len, *c, strlen(*c)) != NULL)
			return NULL;
	size_t at = 0;
	const char *w;
	if (word_at(q, len, &at, "do") && word_at(q, len, &at, "you")) {
		size_t b = at;
		/* "Do you like to travel?" or "...like it when..." would not
		 * read after "about": only a short object is moved. */
		if ((w = one_of(q, len, &b, likes)) != NULL && b < len) {
			if (!not_a_short_noun(q, b, len, 4))
				return xasprintf("What do you %s most about %.*s?", w, (int)(len - b), q + b);
		} else if (b = at, word_at(q, len, &b, "have") && word_at(q, len, &b, "any") && b < len) {
			/* "any regrets about the switch" -> "What regrets do you
			 * have about the switch?" */
			size_t cut = len;
			for (const char *const *p = preps; *p; p++) {
				const char *hit = memmem(q + b, len - b, *p, strlen(*p));
				if (hit != NULL && (size_t)(hit - q) < cut)
					cut = (size_t)(hit - q);
			}
			/* "any idea how long it takes" is no noun to move. */
			if (!not_a_short_noun(q, b, cut, 2))
				return xasprintf("What %.*s do you have%.*s?", (int)(cut - b), q + b, (int)(len - cut),
				    q + cut);
		}
		return NULL;
	}
	at = 0;
	const char *tense = word_at(q, len, &at, "is") ? "makes" : word_at(q, len, &at, "was") ? "made" : NULL;
	return tense != NULL ? what_makes(q, len, at, tense) : NULL;
}

/* Whether q[0..len) asks "Do you think ...?" */
static bool
asks_think(const char *q, size_t len)
{
	size_t at = 0;
	return word_at(q, len, &at, "do") && word_at(q, len, &at, "you") && word_at(q, len, &at, "think");
}

char *
reword_closed(const char *q, size_t len, bool job_or_pay)
{
	/* "do u like ur job" is opened up as "do you like your job".  One
	 * struct norm serves every call (as norm_init leaves it, to begin
	 * with): the words it has looked up stay known (normalize.c), and a
	 * draft's closed questions share most of their words. */
	static __thread struct norm n;
	normalize(&n, q, len);
	char *open = open_up(q, len, job_or_pay);
	if (open == NULL && (open = open_up(n.text, n.len, job_or_pay)) != NULL) {
		/* The normalised words are lowercase: "...i could talk to?" */
		for (char *i = open + 1; *i; i++)
			if (*i == 'i' && i[-1] == ' ' && (i[1] == ' ' || i[1] == '\'' || i[1] == '?'))
				*i = 'I';
	}
	/* What follows "do you think" is the user's own clause, often not
	 * one that reads after "How do you think". */
	bool thinks = open == NULL && !job_or_pay && !mentions_job_or_pay(q, len) &&
	    (asks_think(q, len) || asks_think(n.text, n.len));
	if (open == NULL)
		return xstrdup(thinks ? think : plain);
	char *out = xasprintf("Open it up, for example: \"%s\"", open);
	free(open);
	return out;
}
