/*
 * yesno.c -- the host's yes or no to a yes/no question (see yesno.h).
 *
 * The question's key words (what it asks about, up to its question
 * mark, without the little words and the verb it opens with) are looked
 * for, in any of their forms ("writing" for "write"), in the persona's
 * sentences in the order a
 * user meets them: the opening first, then each topic's replies and
 * follow-ups.  The first sentence that holds them all decides, by the
 * clause that holds the first of them: a negation or a change over time
 * there ("these days", "used to", "no longer"; "at first" or "starting
 * on" too when the question says "still") is a no, when the sentence is
 * the host's about itself ("I", "we", "my"); anything else is a yes, when
 * the clause itself is ("I travel between our sites", not "people are
 * happier").
 */
#include <config.h>

#include "yesno.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sentence.h"
#include "xmalloc.h"

/* At most this many key words of a question are looked for. */
#define KEYS_MAX 3

/* A key word longer than this is compared by its stem ("writ" of
 * "write" finds "writing"). */
#define STEM 4

/* Words a question may open with before its verb. */
static const char *const lead[] = {"so", "and", "ok", "okay", "oh", "but", "well", "wait", "hmm",
	"um", "also", "then", "just", "sorry", "lol", "haha", "ha", "ah", "right", "cool", "nice",
	"great", "alright", "k", NULL};

/* The verbs a yes/no question opens with. */
static const char *const aux[] = {"do", "does", "did", "is", "are", "was", "were", "can", "could",
	"have", "has", "will", "would", "r", NULL};

/* The host, as a question names it. */
static const char *const you[] = {"you", "u", "ya", "ye", NULL};

/* ... and what may follow them. */
static const char *const subjects[] = {"you", "u", "ya", "ye", "it", "that", "this", "there",
	"the", "your", "ur", "yr", "nurses", "people", "teachers", "engineers", "most", NULL};

/* Words that say nothing of what is asked about. */
static const char *const little[] = {"do", "does", "did", "is", "are", "was", "were", "can",
	"could", "have", "has", "will", "would", "r", "you", "u", "ya", "ye", "it", "that", "this",
	"there", "the", "a", "an", "your", "ur", "yr", "still", "really", "ever", "usually", "often",
	"much", "many", "lot", "lots", "to", "of", "in", "on", "at", "for", "with", "from", "and",
	"or", "like", "likes", "enjoy", "love", "get", "job", "work", "role", "very", "too", "so",
	"any", "some", "all", "always", "sometimes", "ok", "okay", "find", "think", "feel", "be",
	"been", "being", "kind", "sort", "bit", "quite", "pretty", "there's", "it's", "its", "i",
	"me", "my", "we", "our", "they", "them", "she", "he", "now", "then", "yourself", "yourselves",
	"myself", "urself", "tho", "though", "honestly", "honest", "lol", "haha", "out", "about",
	"into", "over", "off", NULL};

/* Verbs of liking. */
static const char *const liking[] = {"like", "likes", "enjoy", "enjoys", "love", "loves", NULL};

/* Words that make a job hard. */
static const char *const hard[] = {"stressful", "stress", "hard", "difficult", "tough",
	"demanding", "tiring", "exhausting", "intense", "draining", "challenging", "busy", "pressure",
	"overwhelming", "hectic", NULL};

/* Words that make a job dull: the host's likes say no to them. */
static const char *const dull[] = {"boring", "dull", "tedious", "monotonous", "repetitive",
	NULL};

/* What makes "it" the work itself. */
static const char *const the_work[] = {"it", "this", "that", "the job", "your job", "ur job",
	"the work", "your work", "ur work", "working", "the role", "your role", "ur role", NULL};

/* How the host says it likes or dislikes something: in its own voice,
 * not "nights are when the confusion is worst". */
static const char *const pleased[] = {"i love", "i like", "i enjoy", "i really like",
	"i really love", "i really enjoy", "i'd miss", "love it", "love the", "enjoy the",
	"best part", "favourite", "favorite", "suits me", "i'm a night owl", "proud of", NULL};
static const char *const displeased[] = {"i hate", "i dislike", "i don't like", "i do not like",
	"i dread", "worst part", "can't stand", NULL};

/* What makes a clause a no, and what makes it one when the question
 * asks about now ("still"). */
static const char *const nay[] = {"not", "never", "no longer", "anymore", "any more", "used to",
	"back then", "gave up", "stopped", "these days", "nowadays", "days off", "time off",
	"off work", NULL};

/* ... of them, those that say the host's work has changed. */
static const char *const changes[] = {"no longer", "anymore", "any more", "used to", "back then",
	"gave up", "stopped", "these days", "nowadays", NULL};

/* ... and what makes it "a little". */
static const char *const little_of[] = {"very little", "little", "light", "rarely", "seldom",
	"hardly", "less", "much less", "far less", "a handful", "a few times", "occasionally",
	"now and then", "now and again", NULL};

/* The host speaking of itself: only such a sentence answers for it
 * ("fewer managers around" says nothing of whether it manages). */
static const char *const self[] = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're",
	"we've", "our", "us", NULL};
/* ... and what makes a clause about the host's start a no to "still":
 * "at first", "my first years", "starting on a night shift"; not a
 * "first" that only orders things ("walking the line first means..."). */
static const char *const once[] = {"at first", "at the start", "early on", "my first",
	"when i first", "i first", "first year", "first years", "first job", "first post",
	"first role", "first few", "first month", "first months", "in the first", "starting on",
	"starting out", "started out", "started as", "starting as", "began as", "began on", NULL};

/* The word at p (letters and apostrophes, and hyphens within it:
 * "hands-on") and its length. */
static size_t
word_at(const char *p)
{
	size_t n = 0;
	while (isalpha((unsigned char)p[n]) || p[n] == '\'' ||
	    (p[n] == '-' && n > 0 && isalpha((unsigned char)p[n + 1])))
		n++;
	return n;
}

/* Whether w[0..n) is one of list (any case). */
static bool
is_one(const char *w, size_t n, const char *const *list)
{
	for (const char *const *x = list; *x != NULL; x++)
		if (strlen(*x) == n && strncasecmp(*x, w, n) == 0)
			return true;
	return false;
}

/* Whether text[0..n) holds the phrase ph as whole words (any case). */
static bool
holds(const char *text, size_t n, const char *ph)
{
	size_t k = strlen(ph);
	for (size_t i = 0; i + k <= n; i++)
		if ((i == 0 || !isalpha((unsigned char)text[i - 1])) && strncasecmp(text + i, ph, k) == 0 &&
		    (i + k == n || !isalpha((unsigned char)text[i + k])))
			return true;
	return false;
}

/* Whether text[0..n) holds any of list as whole words. */
static bool
holds_any(const char *text, size_t n, const char *const *list)
{
	for (const char *const *x = list; *x != NULL; x++)
		if (holds(text, n, *x))
			return true;
	return false;
}

/* Whether text[0..n) holds a word of list, as typed ("don't" holds
 * "n't" below). */
static bool
negated(const char *text, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (strncasecmp(text + i, "n't", 3) == 0 || strncasecmp(text + i, "n\xe2\x80\x99t", 5) == 0)
			return true;
	return holds_any(text, n, nay);
}

/* Where q's words begin after "so", "and", "ok" and the like. */
static const char *
past_lead(const char *q)
{
	const char *p = q;
	for (;;) {
		while (*p != '\0' && !isalpha((unsigned char)*p))
			p++;
		size_t n = word_at(p);
		if (n == 0 || !is_one(p, n, lead))
			return p;
		p += n;
	}
}

bool
yesno_question(const char *q)
{
	const char *p = past_lead(q);
	size_t n = word_at(p);
	/* "u like it?", "you enjoy your work?": the verb left out, the
	 * question mark says it. */
	if (n > 0 && is_one(p, n, you) && strchr(p, '?') != NULL && word_at(p + n + 1) > 0)
		return true;
	if (n == 0 || !is_one(p, n, aux))
		return false;
	p += n;
	while (*p == ' ')
		p++;
	/* ... and something after it: "do it" bids, "do it often?" asks. */
	size_t sn = word_at(p);
	if (!is_one(p, sn, subjects))
		return false;
	p += sn;
	while (*p != '\0' && !isalpha((unsigned char)*p))
		p++;
	return *p != '\0';
}

/* The key words of q into keys (pointers into q, lengths in kn); how
 * many. */
static size_t
key_words(const char *q, const char **keys, size_t *kn)
{
	size_t k = 0;
	/* The question's own words: not an aside after it ("... ? my mum
	 * says she never slept"). */
	for (const char *p = q; *p != '\0' && *p != '?' && k < KEYS_MAX;) {
		if (!isalpha((unsigned char)*p)) {
			p++;
			continue;
		}
		size_t n = word_at(p);
		if (n >= 3 && !is_one(p, n, little) && !is_one(p, n, lead) && !is_one(p, n, hard)) {
			keys[k] = p;
			kn[k++] = n;
		}
		p += n;
	}
	return k;
}

/* Endings a word may add to a key's stem and still be the same word
 * ("writing" for "write", "managers" for "manage"), but not "happens" for
 * "happy". */
static const char *const endings[] = {"", "e", "s", "es", "d", "ed", "ing", "er", "ers", "y", "ies",
	"ied", "ier", "iest", "iness", "ily", "ly", "ling", "led", "ting", "ning", "ping", "ming",
	"ment", "ments", NULL};

/* The forms of a verb the host says of itself ("I drive", "I'm driving",
 * "I've coded"): not "drivers" or "codes", which are other people or
 * things. */
static const char *const own_endings[] = {"", "e", "d", "ed", "ing", "ting", "ning", "ping",
	"ming", "ling", "led", NULL};

/* Where text[0..n) has a word that is key (kn bytes) or a form of it:
 * its stem (the key less a final "e", "s" or "y", when longer than
 * STEM) and one of forms (endings, or own_endings for a verb the
 * question asks the host of); or NULL. */
static const char *
find_form(const char *text, size_t n, const char *key, size_t kn, const char *const *forms)
{
	size_t stem = kn;
	if (kn > STEM && strchr("esy", key[kn - 1]) != NULL)
		stem--;
	/* ... and "code" finds "coding", "make" "making". */
	else if (kn == STEM && tolower((unsigned char)key[kn - 1]) == 'e')
		stem--;
	/* "classes" finds "class", "boxes" "box". */
	if (kn > STEM + 1 && strncasecmp(key + kn - 3, "ses", 3) == 0)
		stem--;
	for (size_t i = 0; i < n; i++) {
		if (!isalpha((unsigned char)text[i]) || (i > 0 && isalpha((unsigned char)text[i - 1])))
			continue;
		/* Each part of "night-shift" is a word of its own. */
		size_t w = 0;
		while (isalpha((unsigned char)text[i + w]) || text[i + w] == '\'')
			w++;
		if (w < stem || strncasecmp(text + i, key, stem) != 0)
			continue;
		for (const char *const *e = forms; *e != NULL; e++)
			if (strlen(*e) == w - stem && strncasecmp(text + i + stem, *e, w - stem) == 0)
				return text + i;
	}
	return NULL;
}

static const char *
find_key(const char *text, size_t n, const char *key, size_t kn)
{
	return find_form(text, n, key, kn, endings);
}

/* The clause of sentence s[0..n) around at: between commas, semicolons,
 * colons or " but ". */
static void
clause_around(const char *s, size_t n, const char *at, const char **cb, size_t *cn)
{
	const char *b = at, *e = at;
	while (b > s && strchr(",;:", b[-1]) == NULL && !(b - s >= 5 && strncasecmp(b - 5, " but ", 5) == 0))
		b--;
	while (e < s + n && strchr(",;:", *e) == NULL && !(strncasecmp(e, " but ", 5) == 0))
		e++;
	*cb = b;
	*cn = (size_t)(e - b);
}

/* Whether the host is the one doing the verb at at, in the sentence
 * s[0..n): "I", "we" or the like in the few words before it ("I still
 * drive", "we code", "I'm driving"), or a verb in -ing opening a sentence
 * that says "I" ("Walking the line first means I see..."). */
static bool
said_by_host(const char *s, size_t n, const char *at)
{
	static const char *const subject[] = {"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "we",
		"we're", "we've", "we'd", NULL};
	static const char *const me[] = {"i", "me", "my", NULL};
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	const char *p = at;
	for (int words = 0; words < 3 && p > s; words++) {
		while (p > s && !isalpha((unsigned char)p[-1]))
			p--;
		if (p > s && (p[-1] == ',' || p[-1] == ';'))
			return false;
		const char *e = p;
		while (p > s && (isalpha((unsigned char)p[-1]) || p[-1] == '\''))
			p--;
		if (e > p && is_one(p, (size_t)(e - p), subject))
			return true;
		/* "Walking the line first means I see problems...": a verb in
		 * -ing opening a sentence in which the host tells of itself. */
		if (p == s && e - p > 4 && strncmp(e - 3, "ing", 3) == 0 && isupper((unsigned char)*p) &&
		    holds_any(s, n, me))
			return true;
	}
	return false;
}

/* Whether the clause c[0..n), which opens its sentence, is a fragment
 * telling how much of its time the host spends doing something, with no
 * subject of its own ("About half writing code", "Much less coding than
 * people picture"): only words of amount before at (where the key is),
 * and the key in -ing. */
static bool
subjectless(const char *c, size_t n, const char *at)
{
	static const char *const amount[] = {"about", "around", "roughly", "half", "a", "quarter",
		"third", "much", "far", "less", "more", "most", "mostly", "lots", "plenty", "of", "some",
		"little", "bit", "still", "loads", "nearly", "almost", "all", "the", NULL};
	size_t w = word_at(at);
	if (w < 4 || strncasecmp(at + w - 3, "ing", 3) != 0 || at <= c || at > c + n)
		return false;
	for (const char *p = c; p < at; p++)
		if (isalpha((unsigned char)*p) && (p == c || !isalpha((unsigned char)p[-1])) &&
		    !is_one(p, word_at(p), amount))
			return false;
	return true;
}

/* The sentence s[0..n) as the evidence for an answer, into *evidence
 * (newly allocated) when evidence is not NULL. */
static void
keep_evidence(char **evidence, const char *s, size_t n)
{
	if (evidence == NULL)
		return;
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	*evidence = xstrndup(s, n);
}

/* The answer one text gives: its first sentence holding every key (and,
 * for a question of liking, saying it likes or not).  YESNO_UNKNOWN
 * when none does. */
static enum yesno
stance_in(const char *text, const char **keys, const size_t *kn, size_t nk, bool likes, bool now,
    bool verb, char **evidence)
{

	size_t len = strlen(text);
	for (size_t from = 0; from < len;) {
		size_t end = sentence_end(text, len, from);
		const char *s = text + from;
		size_t n = end - from;
		from = end;
		const char *first = NULL;
		bool all = true;
		for (size_t i = 0; i < nk && all; i++) {
			const char *at = find_form(s, n, keys[i], kn[i], verb && i == 0 ? own_endings :
			    endings);
			all = at != NULL;
			if (at != NULL && (first == NULL || at < first))
				first = at;
		}
		if (!all)
			continue;
		const char *cb;
		size_t cn;
		clause_around(s, n, first, &cb, &cn);
		bool nays = negated(cb, cn) || (now && holds_any(cb, cn, once));
		/* "About half writing code, a quarter reviewing..." leaves out
		 * the "I" a reply of the host's goes without saying. */
		const char *lead_at = s;
		while (lead_at < s + n && *lead_at == ' ')
			lead_at++;
		bool fragment = cb <= lead_at && subjectless(lead_at, cn - (size_t)(lead_at - cb), first);
		if (!fragment && !holds_any(cb, cn, self) && !(nays && holds_any(s, n, self)))
			continue;
		/* "I still drive on Saturdays" says the host does; "staff who
		 * want to drive" does not; nor does "we can't staff the end of
		 * the line" say it no longer works on the line.  A change over
		 * time ("first writing code and these days leading") needs no
		 * "I". */
		bool changed = holds_any(cb, cn, changes) || (now && holds_any(cb, cn, once));
		if (verb && !changed && !fragment && !said_by_host(s, n, first))
			continue;
		enum yesno a;
		if (likes) {
			if (holds_any(cb, cn, displeased))
				a = YESNO_NO;
			else if (holds_any(cb, cn, pleased))
				a = negated(cb, cn) ? YESNO_NO : YESNO_YES;
			else
				continue;
		} else {
			a = nays ? YESNO_NO : holds_any(cb, cn, little_of) ? YESNO_LITTLE : YESNO_YES;
		}
		keep_evidence(evidence, s, n);
		return a;
	}
	return YESNO_UNKNOWN;
}

/* The yes one text gives to a question asking whether the host still
 * does something ("do you still teach classes?"): its first sentence in
 * which the host says "I still ..." and that holds one of the keys, in
 * any of its forms ("I still have a Year 10 class of my own"), unless
 * that clause is negated.  YESNO_UNKNOWN when none does. */
static enum yesno
still_in(const char *text, const char **keys, const size_t *kn, size_t nk, char **evidence)
{
	static const char *const still[] = {"i still", "i'm still", "we still", "we're still", NULL};
	size_t len = strlen(text);
	for (size_t from = 0; from < len;) {
		size_t end = sentence_end(text, len, from);
		const char *s = text + from;
		size_t n = end - from;
		from = end;
		if (!holds_any(s, n, still))
			continue;
		const char *at = NULL;
		for (size_t i = 0; i < nk && at == NULL; i++)
			at = find_key(s, n, keys[i], kn[i]);
		if (at == NULL)
			continue;
		const char *cb;
		size_t cn;
		clause_around(s, n, at, &cb, &cn);
		if (negated(cb, cn))
			continue;
		keep_evidence(evidence, s, n);
		return YESNO_YES;
	}
	return YESNO_UNKNOWN;
}

/* Whether the key words of a question of liking (keys[0..nk)) speak of
 * the job as a whole: none, or words such as "working", "company",
 * "field", or words of its employer's name or its title. */
static bool
of_the_job(const struct persona *p, const char **keys, const size_t *kn, size_t nk)
{
	static const char *const whole[] = {"working", "company", "firm", "employer", "place",
		"career", "field", "industry", "profession", "team", "there", "here", "what", NULL};
	for (size_t i = 0; i < nk; i++) {
		bool ok = is_one(keys[i], kn[i], whole) ||
		    (p->employer != NULL && find_key(p->employer, strlen(p->employer), keys[i], kn[i])) ||
		    (p->role != NULL && find_key(p->role, strlen(p->role), keys[i], kn[i]));
		if (!ok)
			return false;
	}
	return true;
}

/* Whether q asks the host whether it does key ("do you still drive?",
 * "u code?"): "you", then at most little words, then key. */
static bool
asks_you_do(const char *q, const char *key)
{
	const char *p = past_lead(q);
	size_t n = word_at(p);
	if (n > 0 && is_one(p, n, aux) && !is_one(p, n, (const char *const[]){"is", "are", "r", "was",
	    "were", NULL})) {
		p += n;
		while (*p == ' ')
			p++;
		n = word_at(p);
	}
	if (n == 0 || !is_one(p, n, you))
		return false;
	for (p += n; p < key; p++)
		if (isalpha((unsigned char)*p) && !isalpha((unsigned char)p[-1]) &&
		    !is_one(p, word_at(p), little))
			return false;
	return true;
}

enum yesno
yesno_stance(const struct persona *p, const char *q, enum category cat, const char *reply,
    char **evidence)
{
	if (evidence != NULL)
		*evidence = NULL;
	bool likes = false, now = false, is_hard = false;
	for (const char *w = q; *w != '\0';) {
		if (!isalpha((unsigned char)*w)) {
			w++;
			continue;
		}
		size_t n = word_at(w);
		likes |= is_one(w, n, liking);
		now |= n == 5 && strncmp(w, "still", 5) == 0;
		is_hard |= is_one(w, n, hard);
		w += n;
	}
	const char *keys[KEYS_MAX];
	size_t kn[KEYS_MAX];
	size_t nk = key_words(q, keys, kn);
	/* Every reply on what the host likes is a yes to "do you like
	 * it?" (the job, its field, working at its firm), but not to "do u
	 * like on-call?"; every one on the hard parts a yes to "is it
	 * stressful?". */
	if ((likes && cat == CAT_LIKES && of_the_job(p, keys, kn, nk)) ||
	    (is_hard && cat == CAT_CHALLENGES))
		return YESNO_YES;
	/* "Is it boring?": what it likes says not. */
	if (cat == CAT_LIKES && !likes && holds_any(q, strlen(q), dull) &&
	    holds_any(q, strlen(q), the_work) && p->replies[CAT_LIKES].n > 0)
		return YESNO_NO;
	if (nk == 0)
		return YESNO_UNKNOWN;
	/* "R u a manager?" asks what the host is: its title says yes, and
	 * a word elsewhere ("fewer managers around") says nothing. */
	static const char *const what_you_are[] = {"are you a ", "are you an ", "are u a ",
		"are u an ", "r u a ", "r u an ", "r you a ", "r you an ", NULL};
	for (const char *const *w = what_you_are; *w != NULL; w++)
		if (strstr(q, *w) != NULL) {
			bool all = p->role != NULL;
			for (size_t i = 0; i < nk && all; i++)
				all = find_key(p->role, strlen(p->role), keys[i], kn[i]) != NULL;
			return all ? YESNO_YES : YESNO_UNKNOWN;
		}
	/* "Do u still do night shifts?" asked of a nurse whose title says
	 * "night shift": yes, with no sentence needed. */
	if (now && p->role != NULL) {
		bool all = true;
		for (size_t i = 0; i < nk && all; i++)
			all = find_key(p->role, strlen(p->role), keys[i], kn[i]) != NULL;
		if (all)
			return YESNO_YES;
	}
	/* "Do you still drive?" asks what the host does: its first key word
	 * is a verb, found only in the host's own forms of it. */
	bool verb = !likes && asks_you_do(q, keys[0]);
	/* "Starting on a warehouse night shift" is a no to "do u still do
	 * night shifts?", not to "do you still go out to the warehouses?":
	 * only a question whose words after "you" are its keys leans on how
	 * the host started. */
	bool since_start = now && asks_you_do(q, keys[0]);
	/* "Is there a lot of travel?" is not answered by a "travel nurse"
	 * in another reply: the reply given says, or nothing does. */
	if (reply != NULL)
		return stance_in(reply, keys, kn, nk, likes, since_start, verb, evidence);
	enum yesno a = YESNO_UNKNOWN;
	/* The sentence with every key first; failing that, for "still", one
	 * where the host says it still does something named by a key. */
	for (int pass = 0; pass < (now && !likes ? 2 : 1) && a == YESNO_UNKNOWN; pass++) {
		const char *texts[1] = {p->opening};
		if (texts[0] != NULL)
			a = pass == 0 ? stance_in(texts[0], keys, kn, nk, likes, since_start, verb, evidence) :
			    still_in(texts[0], keys, kn, nk, evidence);
		for (int c = 0; c < CAT_COUNT && a == YESNO_UNKNOWN; c++)
			for (size_t i = 0; i < p->replies[c].n && a == YESNO_UNKNOWN; i++) {
				const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
				size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
				for (size_t j = 0; j < 1 + nmore + nwhy && a == YESNO_UNKNOWN; j++) {
					const char *t = j == 0 ? p->replies[c].v[i] : j <= nmore ?
					    x->more.v[j - 1] : x->why.v[j - 1 - nmore];
					a = pass == 0 ? stance_in(t, keys, kn, nk, likes, since_start, verb, evidence) :
					    still_in(t, keys, kn, nk, evidence);
				}
			}
	}
	return a;
}

enum category
yesno_feeling(const char *q)
{
	size_t n = strlen(q);
	if (!yesno_question(q) || !holds_any(q, n, the_work))
		return CAT_NONE;
	/* "do u like it", not "like, do all nurses...". */
	static const char *const you_like[] = {"you like", "u like", "ya like", "you enjoy", "u enjoy",
		"you love", "u love", "you liking", "you enjoying", NULL};
	if (holds_any(q, n, you_like) || holds_any(q, n, dull))
		return CAT_LIKES;
	if (holds_any(q, n, hard))
		return CAT_CHALLENGES;
	return CAT_NONE;
}

const char *
yesno_words(const char *q, enum category cat, enum yesno a)
{
	static const struct {
		const char *verb;   /* the question's verb */
		bool it;            /* ... asked of "it", not "you" */
		const char *yes;
	} tags[] = {
		{"do", false, "Yes, I do."}, {"did", false, "Yes, I did."}, {"are", false, "Yes, I am."},
		{"r", false, "Yes, I am."}, {"can", false, "Yes, I can."}, {"could", false, "Yes, I could."},
		{"have", false, "Yes, I have."}, {"was", false, "Yes, I was."},
		{"were", false, "Yes, I was."},
		{"will", false, "Yes, I will."}, {"would", false, "Yes, I would."},
		{"is", true, "Yes, it is."}, {"does", true, "Yes, it does."}, {"was", true, "Yes, it was."},
		{"can", true, "Yes, it can."}, {"has", true, "Yes, it has."}, {"did", true, "Yes, it did."},
		{"are", true, "Yes, they are."}, {"do", true, "Yes, they do."},
	};
	if (a == YESNO_UNKNOWN)
		return NULL;
	bool now = strstr(q, "still") != NULL;
	if (a == YESNO_NO)
		return now ? "Not any more, no." : "Not really.";
	if (a == YESNO_LITTLE)
		return "Not much.";
	bool is_hard = false;
	for (const char *const *h = hard; *h != NULL && !is_hard; h++)
		is_hard = holds(q, strlen(q), *h);
	if (is_hard && cat == CAT_CHALLENGES)
		return "It can be, yes.";
	const char *p = past_lead(q);
	size_t n = word_at(p);
	if (is_one(p, n, you))
		return "Yes, I do.";   /* "u like it?" */
	const char *s = p + n;
	while (*s == ' ')
		s++;
	size_t sn = word_at(s);
	bool it = !is_one(s, sn, you);
	if (sn == 5 && strncmp(s, "there", 5) == 0)
		return n == 3 && strncmp(p, "are", 3) == 0 ? "Yes, there are." : "Yes, there is.";
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		if (tags[i].it == it && strlen(tags[i].verb) == n && strncmp(p, tags[i].verb, n) == 0)
			return tags[i].yes;
	return "Yes.";
}

bool
yesno_opens(const char *text)
{
	static const char *const opens[] = {"yes", "yeah", "yep", "yup", "no", "nope", "not really",
		"mostly", "sure", "absolutely", "definitely", "of course", "it depends", "depends",
		"in a word", "the short answer", "well, the short answer", NULL};
	for (const char *const *o = opens; *o != NULL; o++) {
		size_t k = strlen(*o);
		if (strncasecmp(text, *o, k) == 0 && !isalpha((unsigned char)text[k]))
			return true;
	}
	return false;
}

bool
yesno_bare(const char *sentence)
{
	static const char *const bare[] = {"Not really.", "Not any more, no.", "It can be, yes.",
		"Not much.", "Yes.", NULL};
	for (const char *const *b = bare; *b != NULL; b++)
		if (strcmp(sentence, *b) == 0)
			return true;
	/* "Yes, I do.", "Yes, it is.", "Yes, there are.": three words. */
	size_t words = 1;
	for (const char *p = sentence; *p != '\0'; p++)
		words += *p == ' ';
	return strncmp(sentence, "Yes, ", 5) == 0 && words == 3 && sentence[strlen(sentence) - 1] == '.';
}

bool
yesno_speaks_of(const char *q, const char *const *texts, size_t n)
{
	/* How the user feels about a thing ("tired of the marking") is
	 * not what the words speak of: the thing is. */
	static const char *const feeling[] = {"tired", "sick", "bored", "fed", "worried", "scared",
		"afraid", "mind", NULL};
	const char *keys[KEYS_MAX];
	size_t kn[KEYS_MAX];
	size_t nk = key_words(q, keys, kn);
	for (size_t i = 0; i < nk; i++) {
		if (!is_one(keys[i], kn[i], feeling))
			continue;
		for (size_t j = i; j + 1 < nk; j++) {
			keys[j] = keys[j + 1];
			kn[j] = kn[j + 1];
		}
		nk--;
		i--;
	}
	for (size_t i = 0; i < nk; i++) {
		bool found = false;
		for (size_t t = 0; t < n && !found; t++)
			found = find_key(texts[t], strlen(texts[t]), keys[i], kn[i]) != NULL;
		if (!found)
			return false;
	}
	return true;
}
