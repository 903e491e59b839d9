/*
 * host.c -- the host's words (see host.h).
 */
#include <config.h>

#include "host.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "firm.h"
#include "people.h"
#include "sentence.h"
#include "text.h"
#include "xmalloc.h"
#include "yesno.h"

/* What any host says to the acts that are not questions.  A bank's
 * persona speaks its own replies to questions; these short lines are the
 * same for every persona, written so that any of them could say them.
 * %s, where there is one, is the meeting's length ("30 minutes"). */
static const char *const act_words[ACT_COUNT][4] = {
	[ACT_CLARIFY] = {
		"Sorry, that's shop talk, and I'm not sure I have a plain word for it. Tell me which "
		"part of what I said lost you and I'll go through it more slowly.",
		"Fair question: we use our words so much we forget nobody else does. Which bit of what "
		"I just said should I put another way?",
		"Ah, jargon, sorry. Let me put it differently: ask me about the piece that lost you and "
		"I'll explain it without the shorthand.",
		NULL},
	[ACT_SELF] = {
		"That helps, thanks. It gives me a sense of where you're coming from. What would you "
		"like to ask?",
		"Good to know. Plenty of people come into this from a similar place. Go ahead with "
		"your questions.",
		"Thanks for telling me. I'll keep that in mind as we talk. Where shall we start?",
		NULL},
	[ACT_ACK] = {
		"Mm. What else would you like to know?",
		"Right. Ask away if something else comes to mind.",
		"Yes. It's one of those things you only see from the inside. Anything else?",
		NULL},
	[ACT_THANKS] = {
		"You're welcome. Happy to help.",
		"My pleasure. It's nice to talk about the work for a change.",
		"Of course. What else is on your list?",
		NULL},
	[ACT_APOLOGY] = {
		"No harm done. Go on, what else would you like to know?",
		"Don't worry about it, really. Let's carry on.",
		"That's all right, I know what you meant. Ask me anything about the work.",
		NULL},
	[ACT_GREETING] = {
		"Hello! Good to meet you. I'm glad we could find the time.",
		"Hi! It's good to meet you. Make yourself comfortable.",
		"Hello, and thanks for getting in touch. Shall we get started?",
		NULL},
	[ACT_TIME_FRAME] = {
		"Yes, %s still works for me. Go ahead.",
		"That's fine, I've kept %s free. Let's make the most of it.",
		"Thanks for checking. %s is fine on my side.",
		NULL},
	[ACT_GOODBYE] = {
		"Goodbye, and good luck. Do keep in touch.",
		"Take care, and let me know how you get on.",
		"Bye for now. It was good to talk.",
		NULL},
	[ACT_OFF_TOPIC] = {
		"Ha, that's a conversation for another day. What else would you like to know about "
		"the work?",
		"Maybe another time! Let's keep our time for your questions.",
		"Ha, I could talk about that all day, but it's your time. What's next on your list?",
		NULL},
};

static const char *const unsure_words[] = {
	"Just so I answer the right thing: do you mean %s, or %s?",
	"Good question. Are you asking about %s, or more about %s?",
	"I could take that two ways: %s, or %s. Which did you mean?",
	NULL,
};

/* What a host says to a question about pay in general. */
static const char *const pay_general[] = {
	"Pay depends so much on the employer and the region that I'd only mislead you. The "
	"published salary surveys are a better guide.",
	"I'd rather not put numbers on other people's pay. The salary surveys for the field "
	"will give you a fairer picture than I can.",
	"That varies a lot, and I'm not the right source for it. Look at the published pay "
	"data, then ask me about the work itself.",
	NULL,
};

/* Whether a persona's reaction to a pay question refuses to give its own
 * pay ("I shall keep my own remuneration private", "Not sharing that"):
 * not what it says to a question about pay in general. */
static bool
about_own_pay(const char *r)
{
	static const char *const own[] = {"my own", "my pay", "my remuneration", "personal", "Not sharing",
		"Not going into", "skip that", NULL};
	for (const char *const *o = own; *o != NULL; o++)
		if (strstr(r, *o) != NULL)
			return true;
	return false;
}

/* The persona's reactions to pay that do not refuse its own, by index,
 * into out (at most max); how many. */
static size_t
general_pay_lines(const struct persona *p, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < p->reactions[KIND_SALARY].n && n < max; i++)
		if (!about_own_pay(p->reactions[KIND_SALARY].v[i]))
			out[n++] = i;
	return n;
}

/* What a host says when asked leave for something other than using
 * its name ("is it okay if I take notes?"). */
static const char *const leave_words[] = {
	"Of course, go ahead.",
	"Please do, that's no trouble at all.",
	"By all means.",
	NULL,
};

/* What a host says to a user who says they are nervous. */
static const char *const calm_words[] = {
	"Don't worry at all; there's no wrong way to do this, and I was just as nervous at my first "
	"one. Ask me whatever you're curious about.",
	"You're doing fine. This is a chat, not a test, so take your time and ask what you like.",
	"Nerves are normal, and it's a good sign that you care. There are no wrong questions here; "
	"go ahead whenever you're ready.",
	NULL,
};

/* What a host says to the user telling about themselves: what they
 * study (another subject, or the host's own field), changing careers,
 * the last year of study.  The subject is echoed inside a sentence, and
 * a first sentence leans back ("That's", "So") or is short, so that the
 * thank-you note never quotes it as something the host told. */
static const char *const study[] = {
	"That's a good angle, coming from %s. People here come from all sorts of subjects, and "
	"the different way of thinking shows.",
	"So %s is your background. You'd be surprised how often that kind of training turns out "
	"to be useful in this work.",
	"Good. Keep hold of what %s taught you; it will set you apart from people who only ever "
	"studied the field itself.",
	NULL,
};
/* ... the same, when what they named is no clean subject to echo ("my
 * nephew's primary"); one for each of study[], drawn alike. */
static const char *const study_plain[] = {
	"That's useful to know. People come to this work from all sorts of places, and the "
	"different way of thinking shows.",
	"Good to know. You'd be surprised how often experience from elsewhere turns out to be "
	"useful in this work.",
	"Good. Keep hold of what that has taught you; it will set you apart from people who only "
	"ever studied the field itself.",
	NULL,
};
static const char *const change[] = {
	"Changing careers takes some nerve, and it brings experience with it that people "
	"straight out of school don't have.",
	"Plenty of the best people I know came to this from another career. What you already "
	"know will count for more than you think.",
	NULL,
};
static const char *const final_year[] = {
	"The last year of study is a good time to be asking these questions, before the "
	"decisions are made for you.",
	"Good timing, then: this is exactly the moment to look around before you commit.",
	NULL,
};
static const char *const same[] = {
	"So you already know the ground from %s. The real job will still surprise you in places.",
	"Good: with %s behind you, you'll have the basics already, and the rest is learned on the "
	"job.",
	NULL,
};
static const char *const same_plain[] = {
	"So you already know the ground. The real job will still surprise you in places.",
	"Good: you'll have the basics already, and the rest is learned on the job.",
	NULL,
};

/* The persona's manner, as its style names it: formal, brisk or (any
 * other) warm. */
enum manner { MANNER_WARM, MANNER_FORMAL, MANNER_BRISK };

static enum manner
manner_of(const struct host *h)
{
	const char *st = h->p->style;
	if (st != NULL && strcmp(st, "formal") == 0)
		return MANNER_FORMAL;
	if (st != NULL && strcmp(st, "brisk") == 0)
		return MANNER_BRISK;
	return MANNER_WARM;
}

/* tmpl with its first "%s" replaced by a and its second by b (newly
 * allocated); the templates are ours, so no other % appears. */
static char *
fill(const char *tmpl, const char *a, const char *b)
{
	size_t need = strlen(tmpl) + strlen(a) + (b != NULL ? strlen(b) : 0) + 1;
	char *out = xmalloc(need), *o = out;
	const char *args[2] = {a, b};
	int used = 0;
	for (const char *p = tmpl; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 's' && used < 2 && args[used] != NULL) {
			size_t n = strlen(args[used]);
			memcpy(o, args[used++], n);
			o += n;
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

static size_t
count(const char *const *v, size_t max)
{
	size_t n = 0;
	while (n < max && v[n] != NULL)
		n++;
	return n;
}

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
	for (int a = 0; a < ACT_COUNT; a++)
		bag_init(&h->act_lines[a], p->acts[a].n > 0 ? p->acts[a].n : count(act_words[a], 4));
	bag_init(&h->unsure, count(unsure_words, 4));
	bag_init(&h->asks_back, p->asks_back.n);
	/* Pay in general: the persona's own words for it, in its manner;
	 * the built-in ones when it has none. */
	size_t mine[8], nmine = general_pay_lines(p, mine, 8);
	bag_init(&h->pay_general, nmine > 0 ? nmine : count(pay_general, 8));
	bag_init(&h->leave, count(leave_words, 8));
	bag_init(&h->calm, count(calm_words, 8));
	bag_init(&h->self_study, count(study, 8));
	bag_init(&h->self_same, count(same, 8));
	bag_init(&h->self_change, count(change, 8));
	bag_init(&h->self_final, count(final_year, 8));
	for (int c = 0; c < CAT_COUNT; c++) {
		h->used[c] = xcalloc(p->replies[c].n + 1, sizeof *h->used[c]);
		h->said[c] = xcalloc(p->replies[c].n + 1, sizeof *h->said[c]);
		h->more_given[c] = xcalloc(p->replies[c].n + 1, sizeof *h->more_given[c]);
		h->why_given[c] = xcalloc(p->replies[c].n + 1, sizeof *h->why_given[c]);
	}
	h->last_cat = CAT_NONE;
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
	for (int a = 0; a < ACT_COUNT; a++)
		free(h->act_lines[a].order);
	free(h->unsure.order);
	free(h->asks_back.order);
	free(h->pay_general.order);
	free(h->leave.order);
	free(h->calm.order);
	free(h->self_study.order);
	free(h->self_same.order);
	free(h->self_change.order);
	free(h->self_final.order);
	for (int c = 0; c < CAT_COUNT; c++) {
		free(h->used[c]);
		free(h->said[c]);
		free(h->more_given[c]);
		free(h->why_given[c]);
	}
}

/* Whether the sentence s[0..n) reads as one a person says whole, not a
 * fragment ("Drivers' hours.", "Geography degree.", "In at six."): it
 * has a subject pronoun, a common verb, a contraction ("it's",
 * "don't") or a word in -ed. */
static bool
has_verb(const char *s, size_t n)
{
	static const char *const verbs[] = {"i", "we", "you", "he", "she", "they", "it", "there",
		"is", "are", "was", "were", "be", "been", "am", "have", "has", "had", "do", "does", "did",
		"can", "could", "will", "would", "should", "may", "might", "must", "get", "gets", "got",
		"go", "goes", "went", "make", "makes", "made", "take", "takes", "took", "need", "needs",
		"want", "wants", "keep", "keeps", "kept", "mean", "means", "meant", "run", "runs", "ran",
		"come", "comes", "came", "work", "works", "depends", "let", "check", "call", "see", NULL};
	for (size_t i = 0; i < n;) {
		while (i < n && !isalpha((unsigned char)s[i]))
			i++;
		size_t k = 0;
		while (i + k < n && (isalpha((unsigned char)s[i + k]) || s[i + k] == '\''))
			k++;
		if (k == 0)
			break;
		const char *w = s + i;
		const char *apo = memchr(w, '\'', k);
		if (apo != NULL && apo + 1 < w + k)
			return true;   /* "it's", "don't", "we're" */
		if (k >= 5 && w[k - 2] == 'e' && w[k - 1] == 'd')
			return true;
		for (const char *const *v = verbs; *v != NULL; v++)
			if (strlen(*v) == k && strncasecmp(*v, w, k) == 0)
				return true;
		i += k;
	}
	return false;
}

/* A verbless opening of a reply of up to this many words is a label
 * ("Staffing.", "The ratios.", "Data quality, always."), not a sentence. */
#define LABEL_WORDS 3

/* The sentence a label opening a reply on a topic is put in: the first
 * time on the topic, then later.  Topics without one keep their replies as
 * they are (a label there reads as an answer: "In at half seven."). */
static const char *const label_frames[CAT_COUNT][2] = {
	[CAT_LIKES] = {"What I like most is %s.", "I also like %s."},
	[CAT_CHALLENGES] = {"The hardest part is %s.", "Another hard part is %s."},
	[CAT_EXPECTATIONS] = {"What surprised me was %s.", "Something else that surprised me was %s."},
	[CAT_INDUSTRY_TRENDS] = {"The big change is %s.", "Another big change is %s."},
};

/* Whether the label text[0..n) of the given number of words reads right
 * after "The hardest part is": one word ("Staffing"), words opening with
 * a determiner ("The ratios") or a word in -ing ("Catching something
 * early"), or ending in a plural ("AI tools", "Drivers' hours").  "Big
 * legacy codebase" would want an article no one can choose for it, so it
 * stays a label. */
static bool
framed_whole(const char *text, size_t n, size_t words)
{
	static const char *const determiners[] = {"the", "a", "an", "my", "our", "your", "their",
		"his", "her", "its", "this", "that", "these", "those", "all", "every", "each", "some",
		"any", "no", NULL};
	if (words <= 1)
		return true;
	size_t k = 0;
	while (k < n && isalpha((unsigned char)text[k]))
		k++;
	for (const char *const *d = determiners; *d != NULL; d++)
		if (strlen(*d) == k && strncasecmp(*d, text, k) == 0)
			return true;
	if (k > 4 && strncmp(text + k - 3, "ing", 3) == 0)
		return true;
	/* The last word before any comma: "Data quality, always" ends in
	 * "quality". */
	size_t e = 0;
	while (e < n && text[e] != ',')
		e++;
	return e >= 3 && text[e - 1] == 's' && text[e - 2] != 's' && isalpha((unsigned char)text[e - 2]);
}

/* text, a reply on cat, with a label that opens it put in a whole
 * sentence ("Staffing. Some mornings..." becomes "The hardest part is
 * staffing. Some mornings..."), newly allocated. */
static char *
whole_opening(enum category cat, const char *text, bool first_on_topic)
{
	const char *frame = cat != CAT_NONE ? label_frames[cat][first_on_topic ? 0 : 1] : NULL;
	size_t len = strlen(text), end = sentence_end(text, len, 0);
	size_t n = end;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '.'))
		n--;
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		words += text[i] != ' ' && (i == 0 || text[i - 1] == ' ');
	if (frame == NULL || n == 0 || text[end - 1] != '.' || n < end - 1 ||
	    words > LABEL_WORDS || has_verb(text, n) || !framed_whole(text, n, words))
		return xstrdup(text);
	char *label = xstrndup(text, n);
	/* "The ratios" is lower-cased in the middle of a sentence, "AI
	 * tools" not. */
	if (isupper((unsigned char)label[0]) && islower((unsigned char)label[1]))
		label[0] = (char)tolower((unsigned char)label[0]);
	char *opening = fill(frame, label, NULL);
	char *r = xasprintf("%s%s", opening, text + end);
	free(label);
	free(opening);
	return r;
}

/* What a guarded host says of reply s: its first sentence (up to and
 * including its full stop, question or exclamation mark followed by a
 * space), and the next ones too while what it has said so far is only a
 * fragment ("Drivers' hours." goes on to "The legal limits are
 * fixed..."), newly allocated. */
static char *
first_sentence(const char *s)
{
	/* Sentences as sentence.h reads them: "at St. Brendan's" is not
	 * the end of one. */
	size_t len = strlen(s), from = 0;
	while (from < len) {
		size_t end = sentence_end(s, len, from);
		if (end < len && has_verb(s + from, end - from))
			return xstrndup(s, end);
		from = end;
		while (from < len && s[from] == ' ')
			from++;
	}
	return xstrdup(s);
}

char *
host_reply(struct host *h, enum category cat)
{
	const struct strlist *l = cat == CAT_NONE ? &h->p->fallback : &h->p->replies[cat];
	struct bag *b = cat == CAT_NONE ? &h->fallback : &h->replies[cat];
	if (l->n == 0)
		return xstrdup("...");
	size_t pick = bag_draw(h, b);
	const char *text = l->v[pick];
	if (cat != CAT_NONE) {
		h->referred |= cat == CAT_REFERRALS;
		h->last_cat = cat;
		h->last_variant = pick;
		h->used[cat][pick] = true;
		h->said[cat][pick] = true;
	}
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

/* Lead-ins the host puts before an answer, which say nothing of it. */
static const char *const lead_ins[] = {"Fairly typical, yes, at least where I've worked.",
	"There's another side to it, too.", "One more thing on that:", "It goes a bit further.",
	"As I said earlier:", "Of course.", "What I mean is this.", "Hello!", "Hi.", "Good morning!",
	"Good afternoon!",
	"Good evening!", NULL};

/* Whether the full stop at e ends an abbreviation ("St. Brendan's",
 * "Dr. Okafor"), not the sentence that starts at p. */
static bool
abbreviation(const char *p, const char *e)
{
	static const char *const abbr[] = {"St", "Dr", "Mr", "Mrs", "Ms", "Prof", "vs", "e.g", "i.e",
		"etc", "a.m", "p.m", NULL};
	if (*e != '.')
		return false;
	const char *w = e;
	while (w > p && w[-1] != ' ')
		w--;
	for (const char *const *a = abbr; *a != NULL; a++)
		if ((size_t)(e - w) == strlen(*a) && strncmp(w, *a, strlen(*a)) == 0)
			return strcmp(*a, "etc") != 0 || e[1] != '\0';
	return false;
}

/* The n-th sentence (from 0, counting round) of text that is about the
 * work, past the lead-ins; newly allocated, NULL when there is none.  How
 * many there are goes in *count unless count is NULL. */
static char *
sentence_of(const char *text, size_t n, size_t *count)
{
	const char *starts[64];
	size_t len[64], k = 0;
	const char *p = text;
	while (*p != '\0' && k < 64) {
		while (*p == ' ')
			p++;
		bool skipped = false;
		for (const char *const *l = lead_ins; *l != NULL && !skipped; l++)
			if (strncmp(p, *l, strlen(*l)) == 0) {
				p += strlen(*l);
				skipped = true;
			}
		if (skipped)
			continue;
		const char *e = p;
		while (*e != '\0' && !((*e == '.' || *e == '!' || *e == '?') && (e[1] == ' ' || e[1] == '\0') &&
		    !abbreviation(p, e)))
			e++;
		if (*e != '\0')
			e++;
		if (e > p) {
			starts[k] = p;
			len[k++] = (size_t)(e - p);
		}
		p = e;
	}
	if (count != NULL)
		*count = k;
	if (k == 0)
		return NULL;
	return xstrndup(starts[n % k], len[n % k]);
}

static char *
nth_sentence(const char *text, size_t n)
{
	return sentence_of(text, n, NULL);
}

/* A clause needs this many words to stand as a plainer sentence. */
#define CLAUSE_WORDS 4

/* sentence cut to its first clause ("A training contract is the
 * apprenticeship of our profession." of "...profession: a firm employs
 * you..."), newly allocated; NULL when it has no clause to cut at. */
static char *
main_clause(const char *sentence)
{
	static const char *const breaks[] = {": ", "; ", " - ", ", because ", " because ", ", which ", ", and ",
		", so ", ", but ", NULL};
	size_t best = 0;
	for (const char *const *b = breaks; *b != NULL; b++) {
		const char *at = strstr(sentence, *b);
		size_t words = 1;
		for (const char *p = sentence; at != NULL && p < at; p++)
			words += *p == ' ';
		size_t cut = at != NULL ? (size_t)(at - sentence) : 0;
		if (at != NULL && words >= CLAUSE_WORDS && strlen(at + strlen(*b)) > 2 * CLAUSE_WORDS &&
		    (best == 0 || cut < best))
			best = cut;
	}
	if (best == 0)
		return NULL;
	return xasprintf("%.*s.", (int)best, sentence);
}

static void glossary_find(const struct persona *p, const char *q, const struct term **best,
    const char **form, size_t *best_len);

/* The opening words of sentence, up to a colon, a comma or "such as",
 * as a sentence ("A reporter's patch."), newly allocated; NULL when they
 * are too few to say anything or the sentence has no such break. */
static char *
lead_phrase(const char *sentence)
{
	static const char *const breaks[] = {": ", ", ", " such as ", "; ", NULL};
	size_t best = 0;
	for (const char *const *b = breaks; *b != NULL; b++) {
		const char *at = strstr(sentence, *b);
		size_t cut = at != NULL ? (size_t)(at - sentence) : 0;
		if (at != NULL && (best == 0 || cut < best))
			best = cut;
	}
	size_t words = 1;
	for (size_t i = 0; i < best; i++)
		words += sentence[i] == ' ';
	if (best == 0 || words < 3)
		return NULL;
	return xasprintf("%.*s.", (int)best, sentence);
}

/* The n-th sentence of said (as nth_sentence), past a bare yes or no
 * the host put first ("Yes, I do."): that is no gist of it. */
static char *
gist_sentence(const char *said, size_t n)
{
	char *first = nth_sentence(said, 0);
	bool bare = first != NULL && yesno_bare(first);
	free(first);
	return nth_sentence(said, bare ? n + 1 : n);
}

char *
host_plainer(const struct host *h, const char *said, enum category about, size_t n)
{
	if (said == NULL)
		return NULL;
	size_t k;
	char *first = sentence_of(said, 0, &k);
	if (first == NULL)
		return NULL;
	free(first);
	/* Never the reply's words over again: its n-th sentence cut to its
	 * main clause, or (asked again) a sentence it did not open with. */
	char *sn = gist_sentence(said, n);
	char *gist = main_clause(sn);
	if (gist == NULL && n % k != 0) {
		gist = xstrdup(sn);
	}
	/* ... or, the first time, its opening words when they say it in
	 * short ("A reporter's patch" of "A reporter's patch: the subject
	 * they cover, such as..."). */
	if (gist == NULL && n == 0)
		gist = lead_phrase(sn);
	if (gist != NULL) {
		free(sn);
		if (n != 0)
			host_lower_first(h, gist);
		char *r = xasprintf(n == 0 ? "Let me put it more simply. %s" : "Another way to put it: %s",
		    gist);
		free(gist);
		return r;
	}
	/* Else a word of the field that sentence used, explained, or the
	 * gist. */
	const struct term *best = NULL;
	const char *form = NULL;
	size_t best_len = 0;
	char *low = sn;
	for (char *p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (h != NULL)
		glossary_find(h->p, low, &best, &form, &best_len);
	free(low);
	/* (not when that was the explanation) */
	if (best != NULL && form != NULL && strstr(said, best->means) == NULL)
		return xasprintf("The word that matters there is \"%s\": %s", form, best->means);
	if (about != CAT_NONE)
		return xasprintf("Put plainly, I was telling you about %s. Which part shall I go over "
		    "again?", category_topic(about));
	/* An explanation of more than one sentence: its first, alone. */
	if (k > 1 && n == 0) {
		char *one = sentence_of(said, 0, NULL);
		/* "In short: a discredited way...", "... working in one". */
		size_t w = strcspn(one, " ");
		if (strncmp(one, "A ", 2) == 0 || strncmp(one, "An ", 3) == 0 ||
		    strncmp(one, "The ", 4) == 0 || (w > 4 && strncmp(one + w - 3, "ing", 3) == 0))
			one[0] = (char)tolower((unsigned char)one[0]);
		char *r = xasprintf("In short: %s", one);
		free(one);
		return r;
	}
	return xstrdup("That is as plain as I can make it, I am afraid. Which part is unclear?");
}

/* The word a clarify asks about when it is no glossary term ("what do
 * you mean by synergy?" gives "synergy"), copied into buf; false for
 * "what do you mean (by that)?". */
static bool
asked_word(const char *q, char *buf, size_t len)
{
	static const char *const lead[] = {"mean by ", "meant by ", "meaning of ", "what's a ",
		"what is a ", "whats a ", "what's an ", "what is an ", "who's ", "who is ", "whos ",
		"what means ", "what does it mean ", "mean with ", "wdym by ", "wdym ", "you mean ",
		"u mean ", "ya mean ", NULL};
	static const char *const pointing[] = {"that", "this", "it", "those", "these", "all that",
		"all this", "exactly", "like", "by", "then", "here", "there", "so", NULL};
	const char *at = NULL;
	for (const char *const *l = lead; *l != NULL && at == NULL; l++) {
		const char *p = strstr(q, *l);
		if (p != NULL)
			at = p + strlen(*l);
	}
	/* "what does salaried mean?": the words before "mean" (the tail
	 * goes below). */
	static const char *const does[] = {"what does ", "what do ", "wat does ", "what dose ", NULL};
	for (const char *const *l = does; *l != NULL && at == NULL; l++) {
		const char *p = strstr(q, *l);
		if (p != NULL && strstr(p, " mean") != NULL && strncmp(p + strlen(*l), "you ", 4) != 0 &&
		    strncmp(p + strlen(*l), "u ", 2) != 0)
			at = p + strlen(*l);
	}
	if (at == NULL)
		return false;
	static const char *const article[] = {"the ", "a ", "an ", "\"", "'", NULL};
	for (const char *const *a = article; *a != NULL; a++)
		if (strncmp(at, *a, strlen(*a)) == 0)
			at += strlen(*a);
	size_t n = 0;
	while (at[n] != '\0' && at[n] != '?' && at[n] != '.' && at[n] != ',' && at[n] != '"' &&
	    at[n] != '\'' && at[n] != '!')
		n++;
	while (n > 0 && at[n - 1] == ' ')
		n--;
	/* "who's Raj again?", "what's a huddle exactly?": not the word. */
	static const char *const tails[] = {" again", " exactly", " then", " you mentioned",
		" u mentioned", " you said", " u said", " you just said", " mean", " means", NULL};
	for (const char *const *t = tails; *t != NULL; t++) {
		size_t tn = strlen(*t);
		if (n > tn && strncmp(at + n - tn, *t, tn) == 0) {
			n -= tn;
			t = tails - 1;   /* "exactly again": look again */
		}
	}
	if (n == 0 || n >= len)
		return false;
	for (const char *const *w = pointing; *w != NULL; w++)
		if (strlen(*w) == n && strncmp(at, *w, n) == 0)
			return false;
	/* "what do you mean by exactly?": no word worth naming. */
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		words += at[i] == ' ';
	if (words > 3)
		return false;
	memcpy(buf, at, n);
	buf[n] = '\0';
	return true;
}

/* How many bytes of text at p spell word, ignoring case and taking "&"
 * for "and" ("pell and archer" for "Pell & Archer"); 0
 * when they do not. */
static size_t
spells(const char *p, const char *word)
{
	const char *t = p;
	for (const char *w = word; *w != '\0';) {
		if (*t == '&' && strncmp(w, "and", 3) == 0 && (w == word || w[-1] == ' ')) {
			t++;
			w += 3;
		} else if (*t != '\0' && tolower((unsigned char)*t) == tolower((unsigned char)*w)) {
			t++;
			w++;
		} else {
			return 0;
		}
	}
	return (size_t)(t - p);
}

/* Whether word (lower case) occurs in text, ignoring case. */
static bool
said_word(const char *text, const char *word)
{
	for (const char *p = text; *p != '\0'; p++) {
		size_t n = spells(p, word);
		if (n > 0 && (p == text || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
			return true;
	}
	return false;
}

bool
host_said_name(const char *text, const char *word)
{
	for (const char *p = text; *p != '\0'; p++) {
		size_t n = isupper((unsigned char)*p) ? spells(p, word) : 0;
		if (n > 0 && (p == text || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
			return true;
	}
	return false;
}

static bool has_phrase_near(const char *q, const char *w);

/* Whether text uses word, or something a typo or two from it ("legal aid
 * clnic" for "legal aid clinic"). */
static bool
said_near(const char *text, const char *word)
{
	if (said_word(text, word))
		return true;
	char *low = xstrdup(text);
	for (char *p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	bool near = has_phrase_near(low, word);
	free(low);
	return near;
}

/* A sentence naming someone shorter than this says too little alone. */
#define WHO_SENTENCE_WORDS 10

/* The sentence of text that uses word (newly allocated), or NULL. */
static char *
sentence_with(const char *text, const char *word)
{
	char *first = nth_sentence(text, 0);
	for (size_t i = 0; first != NULL && i < 64; i++) {
		char *sn = nth_sentence(text, i);
		/* nth_sentence goes round again after the last one. */
		if (i > 0 && strcmp(sn, first) == 0) {
			free(sn);
			break;
		}
		if (said_near(sn, word)) {
			/* "My manager, Aisha Noor." says little: the sentence
			 * after it too, when there is one. */
			char *next = nth_sentence(text, i + 1);
			size_t words = 1;
			for (const char *p = sn; *p != '\0'; p++)
				words += *p == ' ';
			if (words < WHO_SENTENCE_WORDS && next != NULL && strcmp(next, first) != 0) {
				char *both = xasprintf("%s %s", sn, next);
				free(sn);
				sn = both;
			}
			free(next);
			free(first);
			return sn;
		}
		free(sn);
	}
	free(first);
	return NULL;
}

const char *
host_reply_naming(const char *const *recent, size_t n, const char *q)
{
	char word[48];
	if (!asked_word(q, word, sizeof word))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (recent[i] != NULL && said_near(recent[i], word))
			return recent[i];
	return NULL;
}

bool
host_names_word(const char *q)
{
	char word[48];
	return asked_word(q, word, sizeof word);
}

bool
host_asked_word(const char *q, char *buf, size_t len)
{
	return asked_word(q, buf, len);
}

/* word with each of its words capitalised ("alan pritchard" reads "Alan
 * Pritchard"); true. */
static bool
capitalise_name(char *word)
{
	for (char *p = word; *p != '\0'; p++)
		if (p == word || p[-1] == ' ' || p[-1] == '-')
			*p = (char)toupper((unsigned char)*p);
	return true;
}

/* Where persona p used word (any case, a typo allowed): the category and
 * variant of the reply whose text or follow-ups hold it; false when none
 * does. */
static bool
variant_using(const struct persona *p, const char *word, enum category *cat, size_t *variant)
{
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < p->replies[c].n; i++) {
			bool uses = said_near(p->replies[c].v[i], word);
			const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			for (size_t j = 0; !uses && x != NULL && j < x->more.n; j++)
				uses = said_near(x->more.v[j], word);
			if (uses) {
				*cat = (enum category)c;
				*variant = i;
				return true;
			}
		}
	return false;
}

/* What the host meant by word, a word of its own that its glossary does
 * not hold, said in something (said) on topic about: what it was telling
 * about when it used the word, then what that
 * looks like in practice (a follow-up of the reply that used it, not
 * given yet); never the sentence that used it again.  Newly allocated. */
static char *
explain_used(struct host *h, const char *word, const char *said, enum category about)
{
	enum category c = CAT_NONE;
	size_t i = 0;
	const char *example = NULL;
	if (variant_using(h->p, word, &c, &i)) {
		const struct reply_extra *x = h->p->extra[c] != NULL ? &h->p->extra[c][i] : NULL;
		size_t *mg = h->more_given[c] != NULL ? &h->more_given[c][i] : NULL;
		if (x != NULL && mg != NULL && *mg < x->more.n && strcmp(x->more.v[*mg], said) != 0)
			example = x->more.v[(*mg)++];
		/* "One example: we replaced..." after "an example of what I
		 * mean:" says it twice. */
		static const char *const said_example[] = {"One example: ", "For example, ",
			"For example: ", "For instance, ", NULL};
		for (const char *const *e = said_example; example != NULL && *e != NULL; e++)
			if (strncmp(example, *e, strlen(*e)) == 0 && example[strlen(*e)] != '\0') {
				example += strlen(*e);
				break;
			}
		if (about == CAT_NONE)
			about = c;
	}
	if (about == CAT_NONE) {
		/* Only in passing (its opening words): nothing it answered
		 * about, so nothing to show in practice either. */
		static const char *const passing[3] = {
			[MANNER_WARM] = "Oh, I only said \"%s\" in passing; it's nothing you need for "
			    "today. Ask me about anything in my work and I'll explain as I go.",
			[MANNER_FORMAL] = "I only mentioned \"%s\" in passing; it has no special meaning "
			    "here. Do ask about the work itself and I will explain as I go.",
			[MANNER_BRISK] = "I only said \"%s\" in passing. Nothing you need for today. Ask "
			    "about the work and I'll explain as I go.",
		};
		return fill(passing[manner_of(h)], word, NULL);
	}
	const char *topic = category_topic(about);
	static const char *const words[3][2] = {
		[MANNER_WARM] = {"I used \"%s\" talking about %s.",
			"Here's an example of what I mean: %s"},
		[MANNER_FORMAL] = {"I used \"%s\" when speaking of %s.",
			"To give you an example of what I meant: %s"},
		[MANNER_BRISK] = {"\"%s\" was about %s.", "For example: %s"},
	};
	/* Of people ("who shaped my career", "whom else to talk to") a word
	 * is no part of the work: it meant what it says. */
	static const char *const plainly[3] = {
		[MANNER_WARM] = "Nothing technical: by \"%s\" I meant just what the words say.",
		[MANNER_FORMAL] = "Nothing technical: by \"%s\" I meant just what the words say.",
		[MANNER_BRISK] = "Nothing technical. \"%s\" means what it says.",
	};
	enum manner m = manner_of(h);
	bool people = about == CAT_INFLUENCES || about == CAT_REFERRALS || about == CAT_MENTION_NAME;
	char *head = people ? fill(plainly[m], word, NULL) : fill(words[m][0], word, topic);
	if (example == NULL) {
		char *r = xasprintf("%s Ask me about that part and I'll take you through it step by step.",
		    head);
		free(head);
		return r;
	}
	char *tail = fill(words[m][1], example, NULL);
	char *r = xasprintf("%s %s", head, tail);
	free(head);
	free(tail);
	return r;
}

/* The answer to "who is Pell & Archer?", firm a firm's name as asked:
 * what the host's words say of it, other than said, the reply just
 * given; else that it does not know the firm. */
static char *
firm_answer(struct host *h, const char *firm, const char *said)
{
	char name[64];
	const char *const recent[] = {said};
	char *about = firm_about(h->p, firm, recent, said != NULL, name, sizeof name);
	if (about != NULL)
		return about;
	snprintf(name, sizeof name, "%s", firm);
	firm_spell(name);
	static const char *const words[3] = {
		[MANNER_WARM] = "%s? I don't know them, I'm afraid. It's not a firm I've come across.",
		[MANNER_FORMAL] = "I am afraid I do not know %s; it is not a firm I have come across.",
		[MANNER_BRISK] = "Don't know %s, sorry. Not a firm I've dealt with.",
	};
	return fill(words[manner_of(h)], name, NULL);
}

/* A sentence of persona p's replies in which its own organisation
 * grows ("Our client list has doubled..."), newly allocated, or NULL. */
static char *
growth_sentence(const struct persona *p)
{
	static const char *const grows[] = {"growing", "grown", "grew", "expanding", "expanded",
		"new clients", "more clients", "doubled", "busier", "taking on", NULL};
	static const char *const ours[] = {"we", "our", "us", "the firm", "the company", "the agency",
		NULL};
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < p->replies[c].n; i++) {
			const char *text = p->replies[c].v[i];
			size_t k = 0;
			char *sn = sentence_of(text, 0, &k);
			for (size_t j = 0; sn != NULL && j < k; j++) {
				free(sn);
				sn = sentence_of(text, j, NULL);
				bool grows_here = false, own = false;
				for (const char *const *w = grows; *w != NULL && !grows_here; w++)
					grows_here = said_word(sn, *w);
				for (const char *const *w = ours; *w != NULL && !own; w++)
					own = said_word(sn, *w);
				if (grows_here && own && strstr(sn, "grew up") == NULL)
					return sn;
			}
			free(sn);
		}
	return NULL;
}

char *
host_growth(struct host *h)
{
	enum manner m = manner_of(h);
	char *sn = growth_sentence(h->p);
	if (sn != NULL) {
		static const char *const grows[3] = {
			[MANNER_WARM] = "I think so, yes, though I couldn't promise numbers. %s",
			[MANNER_FORMAL] = "I believe so, although I could not promise any numbers. %s",
			[MANNER_BRISK] = "Probably. No promises on numbers. %s",
		};
		char *r = fill(grows[m], sn, NULL);
		free(sn);
		return r;
	}
	static const char *const unsure[3] = {
		[MANNER_WARM] = "We'll see! I honestly couldn't promise numbers; that's decided well "
		    "above me. There's no shortage of work as it is, I can tell you that.",
		[MANNER_FORMAL] = "We shall see. I could not promise any numbers; that is decided "
		    "above me. There is certainly no shortage of work at present.",
		[MANNER_BRISK] = "We'll see. Can't promise numbers, that's not my call. Plenty of work "
		    "as it is.",
	};
	return xstrdup(unsure[m]);
}

/* The glossary term of persona p (or a peer of host h) whose
 * explanation is said, or NULL. */
static const struct term *
term_explained(const struct host *h, const char *said)
{
	for (size_t i = 0; i < h->p->nterms; i++)
		if (strcmp(h->p->terms[i].means, said) == 0)
			return &h->p->terms[i];
	for (size_t k = 0; k < h->npeers; k++)
		for (size_t i = 0; i < h->peers[k].nterms; i++)
			if (strcmp(h->peers[k].terms[i].means, said) == 0)
				return &h->peers[k].terms[i];
	return NULL;
}

/* A sentence of text that uses term t (any of its forms) in the course
 * of the work, not in a list of words to learn; newly allocated, or
 * NULL. */
static char *
sentence_using(const char *text, const struct term *t)
{
	size_t k = 0;
	char *sn = sentence_of(text, 0, &k);
	for (size_t j = 0; sn != NULL && j < k; j++) {
		free(sn);
		sn = sentence_of(text, j, NULL);
		/* Its other forms of more than one word only: "beats" may
		 * be the verb. */
		bool uses = said_word(sn, t->term);
		for (size_t a = 0; a < t->also.n && !uses; a++)
			uses = strchr(t->also.v[a], ' ') != NULL && said_word(sn, t->also.v[a]);
		/* Someone at work in it ("I'm drafting holding statements"),
		 * not a list ("Bank recs, accruals, journal entries..."). */
		bool at_work = said_word(sn, "i") || said_word(sn, "i'm") || said_word(sn, "we") ||
		    said_word(sn, "i'd") || said_word(sn, "i've");
		if (uses && at_work && !said_word(sn, "words") && !said_word(sn, "word"))
			return sn;
	}
	free(sn);
	return NULL;
}

char *
host_term_example(const struct host *h, const char *said)
{
	const struct term *t = said != NULL ? term_explained(h, said) : NULL;
	if (t == NULL)
		return NULL;
	enum manner m = manner_of(h);
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < h->p->replies[c].n; i++) {
			const struct reply_extra *x = h->p->extra[c] != NULL ? &h->p->extra[c][i] : NULL;
			char *sn = sentence_using(h->p->replies[c].v[i], t);
			for (size_t j = 0; sn == NULL && x != NULL && j < x->more.n; j++)
				sn = sentence_using(x->more.v[j], t);
			if (sn == NULL)
				continue;
			static const char *const from_work[3] = {
				[MANNER_WARM] = "Here's one from my own work: %s",
				[MANNER_FORMAL] = "An example from my own work: %s",
				[MANNER_BRISK] = "From my own work: %s",
			};
			host_lower_first(h, sn);
			char *r = fill(from_work[m], sn, NULL);
			free(sn);
			return r;
		}
	/* "... Like a shipment we received in March": the explanation gave
	 * one already. */
	static const char *const gave[] = {"Like ", "For example, ", "For instance, ", NULL};
	for (const char *const *g = gave; *g != NULL; g++) {
		const char *at = strstr(said, *g);
		if (at == NULL || (at != said && at[-1] != ' '))
			continue;
		char *one = xstrdup(at + strlen(*g));
		if (one[0] != 'I' || one[1] != ' ')
			one[0] = (char)tolower((unsigned char)one[0]);
		static const char *const again[3] = {
			[MANNER_WARM] = "The best one I have is the one I gave: %s",
			[MANNER_FORMAL] = "The best example I have is the one I gave: %s",
			[MANNER_BRISK] = "The one I gave: %s",
		};
		char *r = fill(again[m], one, NULL);
		free(one);
		return r;
	}
	/* "Anyone with an interest in the project: the client's boss, their
	 * staff..." named its examples already. */
	const char *list = strstr(said, ": ");
	const char *such = strstr(said, "such as ");
	const char *ex = such != NULL ? such + 8 : list != NULL ? list + 2 : NULL;
	if (ex != NULL && strchr(ex, ',') != NULL) {
		size_t n = strcspn(ex, ".;");
		static const char *const named[3] = {
			[MANNER_WARM] = "The ones I'd point to are the ones I mentioned: %s.",
			[MANNER_FORMAL] = "The examples I would give are those I mentioned: %s.",
			[MANNER_BRISK] = "The ones I said: %s.",
		};
		char *part = xstrndup(ex, n);
		char *r = fill(named[m], part, NULL);
		free(part);
		return r;
	}
	static const char *const none[3] = {
		[MANNER_WARM] = "I haven't a good example of \"%s\" to hand, I'm afraid. Ask me about my "
		    "work and you'll hear it in use.",
		[MANNER_FORMAL] = "I do not have a good example of \"%s\" to hand, I am afraid. Ask me "
		    "about my work and you will hear it in use.",
		[MANNER_BRISK] = "No good example of \"%s\" to hand. Ask about the work; you'll hear it.",
	};
	return fill(none[m], t->term, NULL);
}

/* Words that speak of studying. */
static const char *const studies[] = {"degree", "studied", "studying", "university", "college",
	"course", "graduated", "student", "apprenticeship", "diploma", "school", NULL};

/* Whether text (lower case) speaks of studying. */
static bool
of_studies(const char *text)
{
	for (const char *const *w = studies; *w != NULL; w++)
		if (said_word(text, *w))
			return true;
	return false;
}

/* A sentence of persona p's replies and follow-ups in which it tells of
 * its own studies ("I took a one-year postgraduate teaching course, ..."),
 * newly allocated; NULL when there is none. */
static char *
studies_sentence(const struct persona *p)
{
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < p->replies[c].n; i++) {
			const char *text = p->replies[c].v[i];
			size_t k = 0;
			char *sn = sentence_of(text, 0, &k);
			for (size_t j = 0; sn != NULL && j < k; j++) {
				free(sn);
				sn = sentence_of(text, j, NULL);
				bool own = strncmp(sn, "I ", 2) == 0 || strncmp(sn, "My ", 3) == 0;
				if (own && of_studies(sn))
					return sn;
			}
			free(sn);
		}
	return NULL;
}

char *
host_before(struct host *h)
{
	enum manner m = manner_of(h);
	const struct strlist *l = &h->p->replies[CAT_ENTRY_PATH];
	const char *told = h->last_cat == CAT_ENTRY_PATH && h->last_variant < l->n ?
	    l->v[h->last_variant] : NULL;
	if (told != NULL && of_studies(told)) {
		static const char *const began[3] = {
			[MANNER_WARM] = "That's where it began, really, with my studies. There isn't much "
			    "before that worth telling!",
			[MANNER_FORMAL] = "That is really where it began, with my studies; there is little "
			    "before that worth telling.",
			[MANNER_BRISK] = "That's the start. My studies, then that. Nothing much before.",
		};
		return xstrdup(began[m]);
	}
	char *sn = studies_sentence(h->p);
	if (sn != NULL && (told == NULL || strstr(told, sn) == NULL)) {
		static const char *const first[3] = {
			[MANNER_WARM] = "Before that, my studies. %s",
			[MANNER_FORMAL] = "Before that came my studies. %s",
			[MANNER_BRISK] = "Before that, studying. %s",
		};
		char *r = fill(first[m], sn, NULL);
		free(sn);
		return r;
	}
	free(sn);
	static const char *const little[3] = {
		[MANNER_WARM] = "Honestly, that's where it began. There isn't much before that worth "
		    "telling!",
		[MANNER_FORMAL] = "That is really where it began; there is little before it worth "
		    "telling.",
		[MANNER_BRISK] = "That's the start. Nothing much before it.",
	};
	return xstrdup(little[m]);
}

char *
host_firm_still(struct host *h, const char *firm)
{
	char name[64];
	char *about = firm_about(h->p, firm, NULL, 0, name, sizeof name);
	size_t k = strlen(firm);
	/* Its first sentence, when that says what the firm is. */
	if (about != NULL && strncmp(about, firm, k) == 0 && strncmp(about + k, " is ", 4) == 0) {
		about[strcspn(about, ".") + 1] = '\0';
	} else {
		free(about);
		about = xasprintf("%s is a firm, not a person.", firm);
	}
	static const char *const words[3] = {
		[MANNER_WARM] = "%s I'm not there myself these days, though.",
		[MANNER_FORMAL] = "%s I am no longer there myself.",
		[MANNER_BRISK] = "%s I'm not there now.",
	};
	char *r = fill(words[manner_of(h)], about, NULL);
	free(about);
	return r;
}

static char *field_term(const struct host *h, const char *word, const char *said);

char *
host_unknown_term(struct host *h, const char *said, enum category about, bool latest,
    const char *q, size_t n)
{
	char word[48];
	bool person = strstr(q, "who's ") != NULL || strstr(q, "who is ") != NULL ||
	    strstr(q, "whos ") != NULL;
	if (!asked_word(q, word, sizeof word))
		return host_plainer(h, said, about, n);
	bool named = said != NULL && said_near(said, word);
	char *gist = said != NULL ? gist_sentence(said, n) : NULL;
	/* It follows a colon ("What I was getting at is this: most days"). */
	if (gist != NULL)
		host_lower_first(h, gist);
	char *r;
	char name[64];
	if (person && firm_name(word)) {
		/* "who is pell and archer?": a firm, no one. */
		r = firm_answer(h, word, said);
	} else if (person && named) {
		/* "Who's Raj again?", Raj being someone the host just named:
		 * the sentence that said who; a firm or a place is no one. */
		char *who = sentence_with(said, word);
		if (who != NULL && !host_person_named(h, who, word, name, sizeof name))
			r = xasprintf("That's not a person, as it happens, but a name from something I "
			    "said: %s", who);
		else if (who != NULL)
			r = xasprintf("Sorry, I went quickly there. %s", who);
		else
			r = xasprintf("Someone I've worked with; the name matters less than the point%s%s",
			    gist != NULL ? ", which is this: " : ".", gist != NULL ? gist : "");
		free(who);
	} else if (named) {
		/* A word of its own, from the last answer or from earlier on:
		 * what it meant, never the sentence that used it again. */
		r = explain_used(h, word, said, about);
	} else if (person && capitalise_name(word))
		r = xasprintf("I don't think I mentioned anyone called %s%s%s", word,
		    gist != NULL ? ". What I was getting at is this: " : ".", gist != NULL ? gist : "");
	else if (!person && (r = field_term(h, word, said)) != NULL)
		;   /* a word of its own field, said another way */
	else if (gist == NULL)
		r = xasprintf("I didn't use \"%s\" just now, and people mean different things by it, so "
		    "I'd rather not guess. Ask me about the work itself and I'll keep it plain.", word);
	else
		r = xasprintf("I didn't use \"%s\" just now, and people mean different things by it, so "
		    "I'd rather not guess. What I was getting at is this: %s", word, gist);
	free(gist);
	return r;
}

/* From this many minutes left there is plenty of time. */
#define PLENTY_MINUTES 15

/* "Is it normal, then?" is at most this many words, and one that opens
 * "is that ..." at most CONFIRM_POINTING_WORDS. */
#define CONFIRM_WORDS 6
#define CONFIRM_POINTING_WORDS 12

/* q with its fillers ("um", "uh", "like,") and punctuation left out, into
 * buf: "is that, um, normal?" reads "is that normal". */
static void
without_fillers(const char *q, char *buf, size_t len)
{
	static const char *const fillers[] = {"um", "umm", "uh", "uhm", "erm", "er", "hmm", "ah", NULL};
	size_t n = 0;
	for (const char *p = q; *p != '\0';) {
		while (*p != '\0' && !isalnum((unsigned char)*p) && *p != '\'')
			p++;
		size_t w = 0;
		while (isalnum((unsigned char)p[w]) || p[w] == '\'')
			w++;
		if (w == 0)
			break;
		bool filler = false;
		for (const char *const *f = fillers; *f != NULL && !filler; f++)
			filler = strlen(*f) == w && strncmp(p, *f, w) == 0;
		if (!filler && n + w + 2 < len) {
			if (n > 0)
				buf[n++] = ' ';
			memcpy(buf + n, p, w);
			n += w;
		}
		p += w;
	}
	buf[n] = '\0';
}

const char *
host_confirms(const char *q)
{
	static const char *const typical[] = {"is that normal", "is that common", "is that usual",
		"is that typical", "is it normal", "is it common", "is it usual", "is it typical",
		"is this normal", "is this common", "is this typical", "is that the norm",
		"is it always like that", "is it always like this", "is that always", "is normal",
		"is common", "is usual", "is typical", "it's normal", "its normal", NULL};
	/* "What is normal for a new nurse?" asks what, not whether. */
	static const char *const asks_what[] = {"what", "whats", "what's", "how", "who", "which",
		"when", "where", NULL};
	char plain[512];
	without_fillers(q, plain, sizeof plain);
	/* "Is it normal that analysts have no degree?" asks about something
	 * new: no yes to it unheard.  Only a short line leans on the answer. */
	size_t words = plain[0] != '\0';
	for (const char *p = plain; *p != '\0'; p++)
		words += *p == ' ';
	/* "Is that normal, to switch like that?" opens by pointing back at
	 * the answer, however it goes on. */
	static const char *const pointing[] = {"is that ", "is this ", "so is that ", "and is that ",
		"but is that ", NULL};
	bool points = false;
	for (const char *const *p = pointing; *p != NULL && !points; p++)
		points = strncmp(plain, *p, strlen(*p)) == 0;
	if (words > (points ? CONFIRM_POINTING_WORDS : CONFIRM_WORDS))
		return NULL;
	for (const char *const *w = typical; *w != NULL; w++) {
		const char *at = strstr(plain, *w);
		if (at == NULL || (at > plain && at[-1] != ' '))
			continue;
		const char *prev = at;
		if (prev > plain)
			for (prev--; prev > plain && prev[-1] != ' '; prev--)
				;
		bool what = false;
		for (const char *const *x = asks_what; *x != NULL && at > plain && !what; x++)
			what = strlen(*x) == (size_t)(at - 1 - prev) && strncmp(prev, *x, strlen(*x)) == 0;
		if (!what)
			return "Fairly typical, yes, at least where I've worked.";
	}
	return NULL;
}

char *
host_another(struct host *h, enum category cat)
{
	static const char *const joins[] = {
		"There's another side to it, too.",
		"One more thing on that:",
		"It goes a bit further.",
	};
	if (cat == CAT_NONE || cat == CAT_REFERRALS || cat == CAT_MENTION_NAME)
		return NULL;
	const struct strlist *l = &h->p->replies[cat];
	size_t start = l->n > 0 ? host_random(h, l->n) : 0;
	for (size_t k = 0; k < l->n; k++) {
		size_t i = (start + k) % l->n;
		if (h->said[cat][i])
			continue;
		h->used[cat][i] = true;
		h->said[cat][i] = true;
		h->last_cat = cat;
		h->last_variant = i;
		char *text = h->guarded > 0 ? first_sentence(l->v[i]) : xstrdup(l->v[i]);
		if (h->guarded > 0)
			h->guarded--;
		char *r = xasprintf("%s %s", joins[host_random(h, sizeof joins / sizeof *joins)], text);
		free(text);
		return r;
	}
	return NULL;
}

/* Whether reply i on cat, with its follow-ups, speaks of what the yes/no
 * question q asks about. */
static bool
reply_speaks_of(const struct persona *p, enum category cat, size_t i, const char *q)
{
	const struct reply_extra *x = p->extra[cat] != NULL ? &p->extra[cat][i] : NULL;
	size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
	const char **texts = xmalloc((1 + nmore + nwhy) * sizeof *texts);
	texts[0] = p->replies[cat].v[i];
	for (size_t j = 0; j < nmore; j++)
		texts[1 + j] = x->more.v[j];
	for (size_t j = 0; j < nwhy; j++)
		texts[1 + nmore + j] = x->why.v[j];
	bool r = yesno_speaks_of(q, texts, 1 + nmore + nwhy);
	free(texts);
	return r;
}

char *
host_reply_speaking_of(struct host *h, enum category cat, const char *q)
{
	/* cat first, then every other topic but the closing ones; on each,
	 * a reply not yet given first. */
	for (int pass = 0; pass < 2; pass++)
		for (int c = 0; c < CAT_COUNT; c++) {
			if ((pass == 0) != (c == (int)cat) || c == CAT_REFERRALS || c == CAT_MENTION_NAME)
				continue;
			const struct strlist *l = &h->p->replies[c];
			size_t pick = SIZE_MAX;
			for (size_t i = 0; i < l->n; i++)
				if (reply_speaks_of(h->p, (enum category)c, i, q) && (pick == SIZE_MAX ||
				    (h->said[c][pick] && !h->said[c][i])))
					pick = i;
			if (pick == SIZE_MAX)
				continue;
			bool first_on_topic = true;
			for (size_t i = 0; i < l->n; i++)
				first_on_topic &= !h->said[c][i];
			h->used[c][pick] = true;
			h->said[c][pick] = true;
			h->last_cat = (enum category)c;
			h->last_variant = pick;
			char *text = whole_opening((enum category)c, l->v[pick], first_on_topic);
			if (h->guarded > 0) {
				h->guarded--;
				char *first = first_sentence(text);
				free(text);
				text = first;
			}
			/* "Accounting degree, then a tax associate job..." says
			 * nothing of data entry; its next follow-up ("Lots of data
			 * entry...") goes with it when that one does. */
			const struct reply_extra *x = h->p->extra[c] != NULL ? &h->p->extra[c][pick] : NULL;
			size_t *mg = &h->more_given[c][pick];
			const char *both[2] = {text, x != NULL && *mg < x->more.n ? x->more.v[*mg] : NULL};
			if (!yesno_speaks_of(q, both, 1) && both[1] != NULL && yesno_speaks_of(q, both, 2)) {
				char *r = xasprintf("%s %s", text, both[1]);
				(*mg)++;
				free(text);
				text = r;
			}
			return text;
		}
	return NULL;
}

char *
host_calm(struct host *h, const char *q)
{
	static const char *const nerves[] = {"nervous", "nerves", "anxious", "scared", "first time",
		"never done", "my first", "bit shy", "shaking", NULL};
	for (const char *const *w = nerves; *w != NULL; w++)
		if (strstr(q, *w) != NULL)
			return xstrdup(calm_words[bag_draw(h, &h->calm)]);
	return NULL;
}

char *
host_time_left(struct host *h, unsigned long minutes)
{
	if (minutes == 0)
		return xstrdup("We're at the end of our time, I'm afraid, so let's make this the last "
		    "question or two.");
	if (minutes == 1)
		return xstrdup("About a minute left, so let's make the next question count.");
	char words[32];
	host_duration_words(minutes, words, sizeof words);
	/* In the persona's own manner, and not the same words twice running. */
	bool brisk = h->p->style != NULL && strcmp(h->p->style, "brisk") == 0;
	static const char *const warm[] = {
		"We've about %s left, so there's plenty of time.",
		"Still about %s, so no need to rush.",
	};
	static const char *const nearly[] = {
		"We've about %s left, so there's time for a few more questions.",
		"About %s to go, so a few more questions, then we should wrap up.",
	};
	static const char *const short_[] = {
		"About %s. Keep going.",
		"%s or so. We're fine.",
	};
	const char *const *lines = brisk ? short_ : minutes >= PLENTY_MINUTES ? warm : nearly;
	char *r = fill(lines[h->time_asked++ % 2], words, NULL);
	r[0] = (char)toupper((unsigned char)r[0]);
	return r;
}

char *
host_no_rush(struct host *h)
{
	static const char *const words[3][4] = {
		[MANNER_WARM] = {"Oh, there's no rush at all; we have plenty of time. Ask away.",
			"Plenty of time, don't worry. Take it at your own pace.",
			"We're fine for time, honestly. Go on.",
			"Still plenty of time. Don't give the clock a thought."},
		[MANNER_FORMAL] = {"There is no need to hurry; we have ample time. Please, go on.",
			"We have plenty of time, so there is no need to rush.",
			"Time is not a concern today. Please continue.",
			"We still have ample time, I assure you."},
		[MANNER_BRISK] = {"Plenty of time. Keep going.", "No rush. We're fine.",
			"We're good for time.", "Still fine. Go on."},
	};
	return xstrdup(words[manner_of(h)][h->time_asked++ % 4]);
}

char *
host_run_over(struct host *h)
{
	(void)h;
	return xstrdup("A few minutes over is fine, but let's aim to finish on time; I have "
	    "something straight after.");
}

char *
host_leave(struct host *h)
{
	return xstrdup(leave_words[bag_draw(h, &h->leave)]);
}

/* Whether a sentence of a reaction to a closed question guesses an
 * answer ("Yeah, mostly.", "In a word, sometimes.") or tells the user
 * how to ask ("Ask me how or why..."), which is the coach's part. */
static bool
guesses_or_coaches(const char *sentence)
{
	static const char *const words[] = {"yes", "yeah", "yep", "mostly", "sometimes", "sort of",
		"more or less", "broadly", "in most cases", "no", "not really", "ask", "asking",
		"question", "questions", "phrase", "put it to me", "try", "turn that", "make it",
		NULL};
	char *low = xstrdup(sentence);
	for (char *c = low; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	bool bad = false;
	for (const char *const *w = words; *w != NULL && !bad; w++)
		bad = said_word(low, *w);
	free(low);
	return bad;
}

/* What is left of the persona's reaction r to a closed question once the
 * sentences that guess or coach are gone (newly allocated), or NULL when
 * nothing is. */
static char *
honest_part(const char *r)
{
	size_t len = strlen(r);
	char *out = xmalloc(len + 1);
	size_t o = 0;
	for (size_t from = 0; from < len;) {
		size_t end = sentence_end(r, len, from);
		while (from < end && r[from] == ' ')
			from++;
		char *one = xstrndup(r + from, end - from);
		if (one[0] != '\0' && !guesses_or_coaches(one)) {
			if (o > 0)
				out[o++] = ' ';
			memcpy(out + o, one, strlen(one));
			o += strlen(one);
		}
		free(one);
		from = end;
	}
	out[o] = '\0';
	if (o == 0) {
		free(out);
		return NULL;
	}
	return out;
}

char *
host_react_neither(struct host *h)
{
	static const char *const own[] = {
		"It isn't a simple yes or no, that one.",
		"There's no flat yes or no to that, I'm afraid.",
	};
	/* The persona's words, less what guesses or coaches, then the
	 * built-in ones, in turn, so the same words do not come twice
	 * running. */
	const struct strlist *l = &h->p->reactions[KIND_CLOSED];
	char *kept[8];
	size_t n = 0;
	for (size_t i = 0; i < l->n && n < sizeof kept / sizeof *kept; i++) {
		char *part = honest_part(l->v[i]);
		if (part != NULL)
			kept[n++] = part;
	}
	size_t k = h->neither++ % (n + sizeof own / sizeof *own);
	char *r = k < n ? xstrdup(kept[k]) : xstrdup(own[k - n]);
	for (size_t i = 0; i < n; i++)
		free(kept[i]);
	return r;
}

char *
host_react_pay(struct host *h, bool own)
{
	if (own)
		return host_react(h, KIND_SALARY);
	size_t mine[8];
	size_t n = general_pay_lines(h->p, mine, 8);
	size_t k = bag_draw(h, &h->pay_general);
	return xstrdup(n > 0 ? h->p->reactions[KIND_SALARY].v[mine[k]] : pay_general[k]);
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

void
host_unguard(struct host *h)
{
	h->guarded = 0;
}

char *
host_act(struct host *h, enum act a, unsigned long minutes)
{
	if (a < 0 || a >= ACT_COUNT || h->act_lines[a].n == 0)
		return xstrdup("Go on.");
	size_t i = bag_draw(h, &h->act_lines[a]);
	bool own = h->p->acts[a].n > 0;
	const char *line = own ? h->p->acts[a].v[i] : act_words[a][i];
	if (a != ACT_TIME_FRAME)
		return xstrdup(line);
	char span[32];
	host_duration_words(minutes, span, sizeof span);
	char *out = own ? host_fill_duration(line, span) : fill(line, span, NULL);
	/* "{duration} suits me" opens a sentence: "Half an hour suits me". */
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 32);
	return out;
}

char *
host_time_of_day(const char *text, int hour)
{
	static const char *const part[] = {"morning", "afternoon", "evening"};
	int now = hour >= 5 && hour < 12 ? 0 : hour >= 12 && hour < 18 ? 1 : hour >= 18 && hour < 23 ? 2 : -1;
	for (int i = 0; i < 3; i++) {
		/* "Good afternoon, and welcome." */
		char good[32];
		snprintf(good, sizeof good, "Good %s", part[i]);
		size_t n = strlen(good);
		if (strncmp(text, good, n) == 0 && !isalpha((unsigned char)text[n]))
			return now < 0 ? xasprintf("Hello%s", text + n) : xasprintf("Good %s%s", part[now], text + n);
		/* "Morning. Find the place okay?" */
		char one[16];
		snprintf(one, sizeof one, "%c%s", part[i][0] - 32, part[i] + 1);
		n = strlen(one);
		if (strncmp(text, one, n) == 0 && !isalpha((unsigned char)text[n]))
			return now < 0 ? xasprintf("Hi%s", text + n) :
			    xasprintf("%c%s%s", part[now][0] - 32, part[now] + 1, text + n);
	}
	return xstrdup(text);
}

void
host_duration_words(unsigned long minutes, char *buf, size_t len)
{
	if (minutes == 30)
		snprintf(buf, len, "half an hour");
	else if (minutes == 60)
		snprintf(buf, len, "an hour");
	else
		snprintf(buf, len, "%lu minute%s", minutes, minutes == 1 ? "" : "s");
}

char *
host_fill_duration(const char *line, const char *words)
{
	static const char key[] = "{duration}";
	size_t n = 0;
	for (const char *at = strstr(line, key); at != NULL; at = strstr(at + 1, key))
		n++;
	char *out = xmalloc(strlen(line) + n * strlen(words) + 1), *o = out;
	for (const char *at; (at = strstr(line, key)) != NULL; line = at + strlen(key)) {
		memcpy(o, line, (size_t)(at - line));
		o += at - line;
		memcpy(o, words, strlen(words));
		o += strlen(words);
	}
	strcpy(o, line);
	return out;
}

/* Whether word w[0..n) occurs in q as a whole word (or words). */
static bool
has_phrase(const char *q, const char *w, size_t n)
{
	if (n == 0)
		return false;
	for (const char *p = q; (p = strstr(p, w)) != NULL; p++) {
		bool start = p == q || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9'));
		char e = p[n];
		/* A plural or possessive of the word still names it. */
		if (e == 's' || e == '\'')
			e = p[n + 1];
		bool end = !((e >= 'a' && e <= 'z') || (e >= '0' && e <= '9'));
		if (start && end)
			return true;
	}
	return false;
}

/* A job title named in a question has at least this many letters
 * ("audit partner", not "lead"). */
#define TITLE_AT_LEAST 8

/* Words of at least this many letters may be matched with one typo, and
 * from TYPO2_FROM with two. */
#define TYPO_FROM 6
#define TYPO2_FROM 9

/* A keyword the question names outweighs any number of shared words up
 * to this many. */
#define KEYWORD_WEIGHT 3

/* Words too common to say what a question is about. */
static bool
common_word(const char *w)
{
	static const char *const common[] = {"about", "would", "could", "should", "there", "their",
		"which", "where", "what's", "these", "those", "thing", "things", "really", "other", "being",
		"doing", "think", "you're", "years", "people", "work", "first", "every", "always", NULL};
	for (const char *const *c = common; *c != NULL; c++)
		if (strcmp(*c, w) == 0)
			return true;
	return false;
}

/* How well variant i of category cat fits question q: each keyword it
 * names counts KEYWORD_WEIGHT, and every longer word the two share
 * counts once. */
static int
fit(const struct host *h, enum category cat, size_t i, const char *q)
{
	int score = 0;
	const struct reply_extra *x = h->p->extra[cat] != NULL ? &h->p->extra[cat][i] : NULL;
	for (size_t k = 0; x != NULL && k < x->keywords.n; k++)
		if (has_phrase(q, x->keywords.v[k], strlen(x->keywords.v[k])))
			score += KEYWORD_WEIGHT;
	/* Words of five letters or more in the question, found in the reply. */
	const char *text = h->p->replies[cat].v[i];
	for (const char *p = q; *p != '\0';) {
		while (*p != '\0' && !(*p >= 'a' && *p <= 'z'))
			p++;
		const char *w = p;
		while (*p >= 'a' && *p <= 'z')
			p++;
		size_t n = (size_t)(p - w);
		if (n < 5)
			continue;
		char word[48];
		if (n >= sizeof word)
			continue;
		memcpy(word, w, n);
		word[n] = '\0';
		if (!common_word(word) && strcasestr(text, word) != NULL)
			score++;
	}
	return score;
}

/* Whether q names a distinctive keyword of variant i of cat: a phrase,
 * or a word of six letters or more ("code review", "rostering"). */
static bool
strong_keyword(const struct host *h, enum category cat, size_t i, const char *q)
{
	const struct reply_extra *x = h->p->extra[cat] != NULL ? &h->p->extra[cat][i] : NULL;
	int words = 0;
	bool long_one = false;
	for (size_t k = 0; x != NULL && k < x->keywords.n; k++) {
		const char *kw = x->keywords.v[k];
		size_t n = strlen(kw);
		if (!has_phrase(q, kw, n))
			continue;
		/* A phrase is distinctive; single words only two together, one
		 * of them long ("outreach in a van"). */
		if (strchr(kw, ' ') != NULL)
			return true;
		words++;
		long_one |= n >= 6;
	}
	return words >= 2 && long_one;
}

/* Whether q names a keyword of variant i of cat that text never says
 * ("football" when the last answer spoke of photocopying). */
static bool
names_keyword_not_in(const struct host *h, enum category cat, size_t i, const char *q,
    const char *text)
{
	const struct reply_extra *x = h->p->extra[cat] != NULL ? &h->p->extra[cat][i] : NULL;
	for (size_t k = 0; x != NULL && k < x->keywords.n; k++) {
		const char *kw = x->keywords.v[k];
		if (has_phrase(q, kw, strlen(kw)) && strcasestr(text, kw) == NULL)
			return true;
	}
	return false;
}

enum category
host_other_subject(const struct host *h, const char *q)
{
	if (h->last_cat == CAT_NONE || h->p->replies[h->last_cat].n <= h->last_variant)
		return CAT_NONE;
	enum category lc = h->last_cat;
	size_t lv = h->last_variant;
	const struct reply_extra *lx = h->p->extra[lc] != NULL ? &h->p->extra[lc][lv] : NULL;
	/* A keyword of the last reply itself: more of it is what is asked. */
	for (size_t k = 0; lx != NULL && k < lx->keywords.n; k++)
		if (has_phrase(q, lx->keywords.v[k], strlen(lx->keywords.v[k])))
			return CAT_NONE;
	const char *last = h->p->replies[lc].v[lv];
	enum category best = CAT_NONE;
	int best_score = 0;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (c == CAT_REFERRALS || c == CAT_MENTION_NAME)
			continue;
		for (size_t i = 0; i < h->p->replies[c].n; i++) {
			if ((c == (int)lc && i == lv) || !strong_keyword(h, (enum category)c, i, q) ||
			    !names_keyword_not_in(h, (enum category)c, i, q, last))
				continue;
			int sc = fit(h, (enum category)c, i, q);
			if (sc > best_score) {
				best_score = sc;
				best = (enum category)c;
			}
		}
	}
	return best;
}

enum category
host_keyword_pick(const struct host *h, const char *q, enum category a, enum category b)
{
	bool has[2] = {false, false};
	enum category c[2] = {a, b};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; c[k] != CAT_NONE && i < h->p->replies[c[k]].n && !has[k]; i++)
			has[k] = strong_keyword(h, c[k], i, q);
	if (has[0] == has[1])
		return CAT_NONE;
	return has[0] ? a : b;
}

/* "Would you mind if I said you suggested it?" is answered "not at all",
 * not "yes": a reply that opens with a yes (text) is turned round when q,
 * the line as normalised, asks whether the host minds. */
static char *
mind_answer(char *text, const char *q)
{
	static const char *const yes[] = {"Yes, of course", "Yes, by all means", "Of course",
		"Absolutely", "Certainly", "Yes", "Sure", NULL};
	if (q == NULL || (strstr(q, "you mind") == NULL && strstr(q, "bother you") == NULL))
		return text;
	for (const char *const *y = yes; *y != NULL; y++) {
		size_t n = strlen(*y);
		if (strncmp(text, *y, n) == 0 && (text[n] == ',' || text[n] == '.' || text[n] == '!')) {
			char *r = xasprintf("Not at all%s", text + n);
			free(text);
			return r;
		}
	}
	return text;
}

/* Advice asked "for someone like me" draws on what the user said they
 * study: "Coming from biology, choose a first hospital..." */
static char *
for_you(const struct host *h, enum category cat, char *text, const char *q)
{
	static const char *const me[] = {"like me", "my situation", "my position", "my background",
		"my case", "in my shoes", "for me", "someone with my", NULL};
	if (h->subject[0] == '\0' || q == NULL || cat != CAT_ADVICE)
		return text;
	bool asks_for_me = false;
	for (const char *const *m = me; *m != NULL && !asks_for_me; m++)
		asks_for_me = strstr(q, *m) != NULL;
	/* The reply's first word is lowered unless it is "I" or a name. */
	bool lower = text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z' &&
	    !(text[0] == 'I' && (text[1] == ' ' || text[1] == '\''));
	if (!asks_for_me || !lower)
		return text;
	char first[2] = {(char)(text[0] + 32), '\0'};
	char *r = xasprintf("Coming from %s, %s%s", h->subject, first, text + 1);
	free(text);
	return r;
}

/* Whether a reply to "may I use your name?" speaks of people already
 * named: in one sentence the host does something itself ("I'll", "let
 * me", "give me a day") to or about "them", "they" or "those" ("I'll let
 * them know to expect your email"). */
static bool
presumes_people(const char *text)
{
	static const char *const host_does[] = {"I'll", "I will", "I'd", "I can", "let me", "give me",
		"allow me", "Let me", "Give me", NULL};
	static const char *const people[] = {"them", "they", "those", NULL};
	const char *p = text;
	while (*p != '\0') {
		size_t n = strcspn(p, ".;!?");
		char sentence[256];
		if (n < sizeof sentence) {
			memcpy(sentence, p, n);
			sentence[n] = '\0';
			bool does = false, whom = false;
			for (const char *const *w = host_does; *w != NULL && !does; w++)
				does = said_word(sentence, *w);
			for (const char *const *w = people; *w != NULL && !whom; w++)
				whom = said_word(sentence, *w);
			if (does && whom)
				return true;
		}
		p += n;
		if (*p != '\0')
			p++;
	}
	return false;
}

/* r with the "also" of an "I also" or "we also" in its first sentence
 * taken out, in place: what it would add to was never said. */
static void
drop_also(char *r)
{
	static const char *const also[] = {"I also ", "we also ", "We also ", NULL};
	size_t end = strcspn(r, ".!?:");
	for (const char *const *a = also; *a != NULL; a++) {
		char *at = strstr(r, *a);
		if (at == NULL || (size_t)(at - r) > end || (at != r && at[-1] != ' '))
			continue;
		char *w = strstr(at, "also ");
		memmove(w, w + 5, strlen(w + 5) + 1);
		return;
	}
}

/* "May I mention your name?" before the host has named anyone to talk
 * to: a reply that grants the name in general, never one that speaks of
 * people already named; the persona's own when it has one, else the
 * built-in words in its manner.  Newly allocated. */
static char *
grant_name(struct host *h, const char *q)
{
	static const char *const general[3] = {
		[MANNER_WARM] = "Of course, you're welcome to mention my name to anyone you get in touch "
		    "with.",
		[MANNER_FORMAL] = "Certainly, you may mention my name to anyone you contact.",
		[MANNER_BRISK] = "Sure, use my name with whoever you contact.",
	};
	const struct strlist *l = &h->p->replies[CAT_MENTION_NAME];
	size_t start = l->n > 0 ? host_random(h, l->n) : 0;
	/* The best fitting of those not given yet, else of any. */
	for (int pass = 0; pass < 2; pass++) {
		size_t best = SIZE_MAX;
		int best_score = -1;
		for (size_t k = 0; k < l->n; k++) {
			size_t i = (start + k) % l->n;
			if ((pass == 0 && h->said[CAT_MENTION_NAME][i]) || presumes_people(l->v[i]))
				continue;
			int sc = q != NULL ? fit(h, CAT_MENTION_NAME, i, q) : 0;
			if (sc > best_score) {
				best_score = sc;
				best = i;
			}
		}
		if (best == SIZE_MAX)
			continue;
		h->used[CAT_MENTION_NAME][best] = h->said[CAT_MENTION_NAME][best] = true;
		h->last_cat = CAT_MENTION_NAME;
		h->last_variant = best;
		return mind_answer(xstrdup(l->v[best]), q);
	}
	return mind_answer(xstrdup(general[manner_of(h)]), q);
}

enum category
host_topic_of(const struct host *h, const char *q)
{
	enum category best = CAT_NONE;
	int best_score = 0;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (c == CAT_REFERRALS || c == CAT_MENTION_NAME)
			continue;
		for (size_t i = 0; i < h->p->replies[c].n; i++) {
			int sc = fit(h, (enum category)c, i, q);
			if (sc > best_score) {
				best_score = sc;
				best = (enum category)c;
			}
		}
	}
	return best;
}

char *
host_reply_to(struct host *h, enum category cat, const char *q, bool sure)
{
	if (cat == CAT_NONE || h->p->replies[cat].n == 0)
		return host_reply(h, cat);
	if (cat == CAT_MENTION_NAME && !h->referred)
		return grant_name(h, q);
	if (cat == CAT_REFERRALS)
		h->referred = true;
	const struct strlist *l = &h->p->replies[cat];
	bool *used = h->used[cat];
	bool any = false;
	for (size_t i = 0; i < l->n; i++)
		any |= !used[i];
	if (!any)
		memset(used, 0, l->n * sizeof *used);
	/* A random starting point decides among equally fitting variants. */
	size_t start = host_random(h, l->n);
	size_t best = SIZE_MAX;
	int best_score = -1;
	for (size_t k = 0; k < l->n; k++) {
		size_t i = (start + k) % l->n;
		if (used[i])
			continue;
		int sc = q != NULL ? fit(h, cat, i, q) : 0;
		if (sc > best_score) {
			best_score = sc;
			best = i;
		}
	}
	if (best == SIZE_MAX)
		best = 0;
	/* The first question on a topic, naming nothing in particular, gets
	 * the topic's first reply: the bank's overview ("what's a typical
	 * day?" is answered with the usual day, not the odd afternoon). */
	bool first_time = true;
	for (size_t i = 0; i < l->n; i++)
		first_time &= !h->said[cat][i];
	if (first_time && q != NULL && best_score < KEYWORD_WEIGHT && fit(h, cat, 0, q) + 1 >= best_score)
		best = 0;
	/* A question that names a keyword of no variant here but of one in
	 * another topic ("how do code reviews work?" asked as a question
	 * about the workplace) gets that variant. */
	if (q != NULL && !sure && best_score < KEYWORD_WEIGHT) {
		int other_score = KEYWORD_WEIGHT;
		enum category oc = CAT_NONE;
		size_t ov = 0;
		for (int c = 0; c < CAT_COUNT; c++)
			for (size_t i = 0; c != (int)cat && c != CAT_REFERRALS && c != CAT_MENTION_NAME &&
			    i < h->p->replies[c].n; i++) {
				int sc = h->used[c][i] || !strong_keyword(h, (enum category)c, i, q) ? 0 :
				    fit(h, (enum category)c, i, q);
				if (sc >= other_score + (oc == CAT_NONE ? 0 : 1)) {
					other_score = sc;
					oc = (enum category)c;
					ov = i;
				}
			}
		if (oc != CAT_NONE) {
			cat = oc;
			l = &h->p->replies[cat];
			used = h->used[cat];
			best = ov;
		}
	}
	used[best] = true;
	bool again = h->said[cat][best];
	bool first_on_topic = true;
	for (size_t i = 0; i < l->n; i++)
		first_on_topic &= !h->said[cat][i];
	h->said[cat][best] = true;
	h->last_cat = cat;
	h->last_variant = best;
	char *text = whole_opening(cat, l->v[best], first_on_topic);
	char *r;
	if (h->guarded > 0) {
		h->guarded--;
		r = mind_answer(first_sentence(text), q);
	} else {
		r = for_you(h, cat, mind_answer(xstrdup(text), q), q);
	}
	free(text);
	/* "As clinical lead I also spend...": no "also" before anything on
	 * the topic was said. */
	if (first_on_topic)
		drop_also(r);
	/* Every reply on the topic was given: the session has the host say
	 * it has nothing new rather than give this one again. */
	h->repeated = again;
	return r;
}

/* Whether q names a keyword of six letters or more of variant i of
 * cat ("banking", "clinic"). */
static bool
long_keyword(const struct host *h, enum category cat, size_t i, const char *q)
{
	const struct reply_extra *x = h->p->extra[cat] != NULL ? &h->p->extra[cat][i] : NULL;
	for (size_t k = 0; x != NULL && k < x->keywords.n; k++) {
		size_t n = strlen(x->keywords.v[k]);
		if (n >= 6 && has_phrase(q, x->keywords.v[k], n))
			return true;
	}
	return false;
}

/* The subject of a correction q ("sorry, I mean why you chose family
 * practice and not hospital"), into buf (len bytes), lower case: its
 * words after "I mean" up to a "not", "rather than" or a guess at a
 * reason (", was it the culture?"), without the words of a question's
 * frame (why, you, choose...) or of before, the question it puts right
 * (may be NULL).  Whether any word is left. */
static bool
correction_subject(const char *q, const char *before, char *buf, size_t len)
{
	static const char *const meant[] = {"i mean ", "i meant ", "meant to say ", "meant to ask ",
		"i wanted to ask ", NULL};
	static const char *const stops[] = {" not ", " rather than ", " instead of ",
		" as opposed to ", ", was it ", ", is it ", " was it ", ", or ", NULL};
	static const char *const frame[] = {"why", "how", "what", "when", "where", "who", "which",
		"you", "your", "u", "ur", "did", "do", "does", "is", "was", "are", "were", "it", "the",
		"a", "an", "and", "or", "of", "to", "for", "in", "on", "at", "with", "about", "like",
		"made", "make", "makes", "drew", "draw", "brought", "bring", "led", "lead", "choose", "chose", "chosen", "pick", "picked", "decide",
		"decided", "get", "got", "go", "went", "into", "someone", "somebody", "people", "me",
		"my", "i", "that", "this", "no", "all", "any", "some", "be", "have", "has", "had",
		"would", "could", "can", "give", "tell", "more", "just", "really", "actually", "sorry",
		"so", "then", "there", "much", "many", "situation", "thing", "things", "stuff", "part",
		"bit", "side", "kind", "sort", "way", NULL};
	const char *from = NULL;
	for (const char *const *m = meant; *m != NULL && from == NULL; m++) {
		const char *at = strcasestr(q, *m);
		if (at != NULL)
			from = at + strlen(*m);
	}
	if (from == NULL)
		return false;
	size_t end = strlen(from);
	for (const char *const *st = stops; *st != NULL; st++) {
		const char *at = strcasestr(from, *st);
		if (at != NULL && (size_t)(at - from) < end)
			end = (size_t)(at - from);
	}
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < end;) {
		size_t n = 0;
		while (i + n < end && (isalnum((unsigned char)from[i + n]) || from[i + n] == '\'' ||
		    from[i + n] == '-'))
			n++;
		if (n == 0) {
			i++;
			continue;
		}
		char w[48];
		if (n < sizeof w) {
			for (size_t k = 0; k < n; k++)
				w[k] = (char)tolower((unsigned char)from[i + k]);
			w[n] = '\0';
			bool letters = false;
			for (size_t k = 0; k < n && !letters; k++)
				letters = isalpha((unsigned char)w[k]) != 0;
			bool skip = !letters || text_word_listed(w, n, frame) ||
			    (before != NULL && said_word(before, w));
			if (!skip && used + n + 2 < len)
				used += (size_t)snprintf(buf + used, len - used, "%s%s", used > 0 ? " " : "", w);
		}
		i += n;
	}
	return used > 0;
}

char *
host_correction(struct host *h, enum category cat, bool sure, const char *q, const char *before,
    enum category *got)
{
	static const char *const missed[3] = {
		[MANNER_WARM] = "Ah, I see, I answered the wrong thing there, sorry. Honestly, that's "
		"not something I know much about, so I'd rather not guess.",
		[MANNER_FORMAL] = "I beg your pardon; I answered a different question. I am afraid "
		"that is not something I can speak to with any authority.",
		[MANNER_BRISK] = "Ah, got it, wrong end of the stick. Honestly, I don't know much "
		"about that one.",
	};
	char subject[256];
	*got = CAT_NONE;
	if (q == NULL || !correction_subject(q, before, subject, sizeof subject))
		return NULL;
	/* The best fit among the replies on cat, else, by a long keyword
	 * ("banking", not "first"), on any topic; never the reply it has
	 * just given. */
	enum category best_cat = CAT_NONE;
	size_t best = 0;
	int best_score = 0;
	for (int pass = 0; pass < 2 && best_cat == CAT_NONE; pass++) {
		for (int c = 0; c < CAT_COUNT; c++) {
			if ((pass == 0 && c != (int)cat) || c == CAT_REFERRALS || c == CAT_MENTION_NAME)
				continue;
			for (size_t i = 0; i < h->p->replies[c].n; i++) {
				if ((c == (int)h->last_cat && i == h->last_variant) ||
				    (pass == 1 && !long_keyword(h, (enum category)c, i, subject)))
					continue;
				int sc = fit(h, (enum category)c, i, subject);
				if (sc > best_score) {
					best_score = sc;
					best_cat = (enum category)c;
					best = i;
				}
			}
		}
	}
	/* Nothing fits: the admission only when the topic is sure and every
	 * reply on it has been given (a host that says it knows nothing of
	 * its own reports or its field's certificates is worse than one
	 * that answers as it would have); else as without a correction. */
	bool more_on_cat = false;
	for (size_t i = 0; cat != CAT_NONE && i < h->p->replies[cat].n; i++)
		more_on_cat |= !h->said[cat][i];
	if (best_cat == CAT_NONE && (more_on_cat || !sure))
		return NULL;
	if (best_cat == CAT_NONE) {
		h->last_cat = CAT_NONE;
		return xstrdup(missed[manner_of(h)]);
	}
	/* Drawn as host_reply_to() draws, so that what follows draws the
	 * same whichever of the two answered. */
	(void)host_random(h, h->p->replies[best_cat].n);
	bool first_on_topic = true;
	for (size_t i = 0; i < h->p->replies[best_cat].n; i++)
		first_on_topic &= !h->said[best_cat][i];
	h->used[best_cat][best] = h->said[best_cat][best] = true;
	h->last_cat = best_cat;
	h->last_variant = best;
	*got = best_cat;
	char *text = whole_opening(best_cat, h->p->replies[best_cat].v[best], first_on_topic);
	char *r = mind_answer(text, q);
	if (first_on_topic)
		drop_also(r);
	return r;
}

/* Whether persona p's words write w[0..n) capitalised inside a
 * sentence, as a name ("Hannah", "Monday"), not only at a sentence's
 * start. */
static bool
persona_capitalises(const struct persona *p, const char *w, size_t n)
{
	for (int c = -2; c < CAT_COUNT; c++) {
		size_t nv = c == -2 ? 1 : c == -1 ? p->nterms : p->replies[c].n;
		for (size_t i = 0; i < nv; i++) {
			const struct reply_extra *x = c >= 0 && p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
			for (size_t j = 0; j <= nmore + nwhy; j++) {
				const char *text = c == -2 ? p->opening : c == -1 ? p->terms[i].means :
				    j == 0 ? p->replies[c].v[i] :
				    j <= nmore ? x->more.v[j - 1] : x->why.v[j - 1 - nmore];
				for (const char *at = text != NULL ? strstr(text, w) : NULL; at != NULL;
				    at = strstr(at + 1, w)) {
					if (at == text || isalnum((unsigned char)at[n]) || at[-1] != ' ')
						continue;
					const char *b = at - 1;
					while (b > text && *b == ' ')
						b--;
					if (isalnum((unsigned char)*b) || *b == ',' || *b == ';')
						return true;
				}
			}
		}
	}
	return false;
}

void
host_lower_first(const struct host *h, char *text)
{
	size_t n = 0;
	while (isalpha((unsigned char)text[n]))
		n++;
	if (n < 2 || !isupper((unsigned char)text[0]))
		return;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)text[i]))
			return;
	char w[64];
	if (n >= sizeof w)
		return;
	memcpy(w, text, n);
	w[n] = '\0';
	/* "Theo Brandt, a principal engineer...": a next word written as a
	 * name too ("Brandt", not "SQL") makes a name. */
	if (text[n] == ' ' && isupper((unsigned char)text[n + 1]) && islower((unsigned char)text[n + 2]))
		return;
	if (persona_capitalises(h->p, w, n))
		return;
	text[0] = (char)tolower((unsigned char)text[0]);
}

char *
host_about_person(struct host *h, const char *q)
{
	if (h->last_cat == CAT_NONE || h->p->extra[h->last_cat] == NULL)
		return NULL;
	enum category c = h->last_cat;
	size_t i = h->last_variant;
	const struct reply_extra *x = &h->p->extra[c][i];
	size_t *mg = &h->more_given[c][i];
	if (*mg >= x->more.n)
		return NULL;
	const char *m = x->more.v[*mg];
	/* It goes on about someone: it opens with She, He'd, Their..., or
	 * names the one asked about ("who's Colin?"). */
	static const char *const pronoun[] = {"She", "He", "They", "Her", "His", "Their", NULL};
	char word[48];
	bool about = q != NULL && asked_word(q, word, sizeof word) && said_near(m, word);
	for (const char *const *p = pronoun; *p != NULL && !about; p++) {
		size_t n = strlen(*p);
		about = strncmp(m, *p, n) == 0 && (m[n] == ' ' || m[n] == '\'');
	}
	if (!about)
		return NULL;
	(*mg)++;
	return xstrdup(m);
}

/* Whether q (normalised) asks who someone is by a pronoun or by pointing
 * ("who is she, exactly?", "who is that person again", "whos that"),
 * not by a name. */
bool
host_asks_who_pointing(const char *q)
{
	static const char *const lead[] = {"who's ", "who is ", "whos ", "who was ", "who are ",
		"who were ", "who ", NULL};
	static const char *const pointing[] = {"he", "she", "they", "him", "her", "them", "that",
		"this", "that person", "this person", "the person", "that guy", "this guy", "that woman",
		"that man", "that lady", "that one", "this one", "he again", "she again", NULL};
	static const char *const tails[] = {" again", " exactly", " then", " you mentioned",
		" u mentioned", " you said", " u said", " you just said", " sorry", NULL};
	const char *at = NULL;
	for (const char *const *l = lead; *l != NULL && at == NULL; l++) {
		const char *p = strstr(q, *l);
		if (p != NULL && (p == q || p[-1] == ' '))
			at = p + strlen(*l);
	}
	if (at == NULL)
		return false;
	size_t n = strcspn(at, "?.,!;");
	while (n > 0 && at[n - 1] == ' ')
		n--;
	for (const char *const *t = tails; *t != NULL; t++) {
		size_t tn = strlen(*t);
		if (n > tn && strncmp(at + n - tn, *t, tn) == 0) {
			n -= tn;
			t = tails - 1;
		}
	}
	for (const char *const *w = pointing; *w != NULL; w++)
		if (strlen(*w) == n && strncmp(at, *w, n) == 0)
			return true;
	return false;
}

/* Whether the n bytes at w are one of words. */
static bool
one_of(const char *w, size_t n, const char *const *words)
{
	for (const char *const *x = words; *x != NULL; x++)
		if (strlen(*x) == n && strncmp(w, *x, n) == 0)
			return true;
	return false;
}

bool
host_person_named(const struct host *h, const char *text, const char *want, char *buf, size_t len)
{
	/* Words that open a sentence or a place, never a person's name. */
	static const char *const not_first[] = {"The", "And", "Or", "But", "At", "In", "On", "By",
		"From", "When", "Try", "Say", "Now", "My", "Our", "Every", "Some", "Last", "One",
		"Before", "After", "Then", "Office", "Learn", "Keeping", "Saw", "If", "As", "For",
		"Talk", "Ask", "Meet", "You", "She", "He", "They", "Christmas", "East", "West", "North",
		"South", "Eastern", "Western", "United", "County", "Red", "American", "European", "I'm",
		"I've", "I'd", "I'll", "Hi", "Hello", "Hey", "Morning", "Afternoon", "Evening", "Good",
		"Thanks", "Yes", "No", "Well", "So", NULL};
	/* ... and words before a place or firm ("at Alderbank Group"). */
	static const char *const before_place[] = {"at", "in", "from", "the", "of", "for", "near",
		"with", NULL};
	static const char *const titles[] = {"Mrs", "Mr", "Ms", "Dr", "Professor", NULL};
	const char *prev = NULL;
	size_t prev_n = 0;
	for (const char *p = text; *p != '\0';) {
		while (*p != '\0' && !isalpha((unsigned char)*p))
			p++;
		size_t n = 0;
		while (isalpha((unsigned char)p[n]) || p[n] == '\'' || p[n] == '-')
			n++;
		if (n == 0)
			break;
		/* the next word, when only a space stands between */
		const char *q = p[n] == ' ' ? p + n + 1 : p + n;
		if (p[n] == '.' && p[n + 1] == ' ' && one_of(p, n, titles))
			q = p + n + 2;
		size_t qn = 0;
		while (q != p + n && (isalpha((unsigned char)q[qn]) || q[qn] == '\'' || q[qn] == '-'))
			qn++;
		if (qn > 2 && q[qn - 2] == '\'' && q[qn - 1] == 's')
			qn -= 2;   /* "Devika Raman's team" */
		bool first = people_capitalised(p, n) && !one_of(p, n, not_first) &&
		    !(prev != NULL && one_of(prev, prev_n, before_place));
		if (first && q != p + n && people_capitalised(q, qn) && !one_of(q, qn, not_first)) {
			size_t whole = (size_t)(q + qn - p);
			char *name = xstrndup(p, whole);
			char *last = xstrndup(q, qn);
			bool own = strstr(h->p->name, name) != NULL || strstr(h->p->name, last) != NULL ||
			    (h->p->employer != NULL && strstr(h->p->employer, name) != NULL);
			bool wanted = want == NULL || said_word(name, want);
			free(name);
			free(last);
			if (!own && wanted && whole < len) {
				memcpy(buf, p, whole);
				buf[whole] = '\0';
				return true;
			}
		}
		prev = p;
		prev_n = n;
		p += n;
	}
	return false;
}

/* The host's words when it is asked who someone is: that it has told
 * all it knows about word (a name, or "him"/"her"/"them"). */
static char *
no_more_about(struct host *h, const char *word)
{
	static const char *const words[3] = {
		[MANNER_WARM] = "I've told you all I really know about %s, I'm afraid. What else would "
		    "you like to know?",
		[MANNER_FORMAL] = "I am afraid that is all I can tell you about %s. Is there anything "
		    "else you would like to ask?",
		[MANNER_BRISK] = "That's all I know about %s, honestly. Next question?",
	};
	return fill(words[manner_of(h)], word, NULL);
}

char *
host_told_all_about(struct host *h, const char *name)
{
	return no_more_about(h, name);
}

char *
host_unnamed_person(const char *text)
{
	static const char *const dets[] = {"the", "a", "an", "my", "our", NULL};
	static const char *const vague[] = {"one", "ones", "kind", "sort", "type", "person",
		"people", "someone", "anyone", "everyone", "thing", NULL};
	for (const char *at = strstr(text, " who "); at != NULL; at = strstr(at + 1, " who ")) {
		/* The words before "who" (less a comma), back to a determiner
		 * within four words: "the transport manager". */
		const char *end = at;
		if (end > text && end[-1] == ',')
			end--;
		const char *p = end, *det = NULL;
		for (int words = 0; words < 5 && p > text && det == NULL; words++) {
			const char *e = p;
			while (p > text && isalpha((unsigned char)p[-1]))
				p--;
			if (p == e || (p > text && p[-1] != ' '))
				break;
			if (one_of(p, (size_t)(e - p), dets) && words > 0)
				det = p;
			else if (p > text)
				p--;
		}
		if (det == NULL)
			continue;
		/* "the people who", "the kind who", a plural: nobody in
		 * particular. */
		const char *last = end;
		while (last > det && isalpha((unsigned char)last[-1]))
			last--;
		size_t ln = (size_t)(end - last);
		if (one_of(last, ln, vague) || (ln > 3 && last[ln - 1] == 's' && last[ln - 2] != 's'))
			continue;
		/* Someone of the host's story did something once ("who had
		 * noticed me", "who showed us"); "a partner who gives way" is
		 * anyone. */
		static const char *const past[] = {"had", "was", "took", "gave", "brought", "made",
			"saw", "told", "taught", "got", "said", "put", "let", "sent", "came", "found",
			"knew", "ran", NULL};
		const char *v = at + 5;
		size_t vn = 0;
		while (isalpha((unsigned char)v[vn]))
			vn++;
		if (!one_of(v, vn, past) && !(vn > 3 && v[vn - 2] == 'e' && v[vn - 1] == 'd'))
			continue;
		/* ... and what the reply said of them, to the next comma or the
		 * end of the sentence. */
		const char *c = at + 1;
		size_t cn = strcspn(c, ",.;!?");
		char *phrase = xstrndup(det, (size_t)(end - det));
		phrase[0] = (char)tolower((unsigned char)phrase[0]);
		char *r = xasprintf("%s, %.*s", phrase, (int)cn, c);
		free(phrase);
		return r;
	}
	return NULL;
}

char *
host_who_do_you_mean(struct host *h)
{
	static const char *const words[3][3] = {
		[MANNER_WARM] = {"Sorry, who do you mean? I don't think I've mentioned anyone by name "
			"just now.",
			"I'm not sure who you mean; I haven't named anyone yet. Ask me who's worth talking "
			"to and I'll gladly tell you.",
			"Who's that, sorry? I haven't brought anyone up by name."},
		[MANNER_FORMAL] = {"Forgive me, whom do you mean? I have not named anyone just now.",
			"I am not certain whom you mean; I have not mentioned anyone by name.",
			"I do not believe I have named anyone yet. Whom did you have in mind?"},
		[MANNER_BRISK] = {"Who do you mean? I haven't named anyone just now.",
			"Not sure who you mean. I haven't named anybody.",
			"Nobody's been named yet. Who did you have in mind?"},
	};
	return xstrdup(words[manner_of(h)][h->who_unknown++ % 3]);
}

char *
host_follow_up(struct host *h, const char *q)
{
	if (h->last_cat == CAT_NONE || h->p->extra[h->last_cat] == NULL)
		return NULL;
	enum category c = h->last_cat;
	size_t i = h->last_variant;
	const struct reply_extra *x = &h->p->extra[c][i];
	bool why = q != NULL && (strstr(q, "why") != NULL || strcmp(q, "y?") == 0 || strcmp(q, "y") == 0 ||
	    strcmp(q, "y tho?") == 0 || strstr(q, "how come") != NULL ||
	    strstr(q, "what made") != NULL || strstr(q, "reason") != NULL);
	size_t *mg = &h->more_given[c][i], *wg = &h->why_given[c][i];
	/* "Why?" gets the reason (or, with none left, more of the story);
	 * anything else ("and then?", "for example?") more of the story: a
	 * "Because..." never answers "what happened next?". */
	if (why && *wg < x->why.n)
		return xstrdup(x->why.v[(*wg)++]);
	return *mg < x->more.n ? xstrdup(x->more.v[(*mg)++]) : NULL;
}

/* The sentence of text that names word with a reason ("My own history
 * teacher at school, Mrs Darby, made the past feel like gossip..."),
 * newly allocated, or NULL. */
static char *
reason_with(const char *text, const char *word)
{
	static const char *const reasons[] = {"because", "made", "love", "loved", "liked", "enjoyed",
		"fascinated", "interested", "curious", "hooked", "drew me", "got me", NULL};
	char *first = nth_sentence(text, 0);
	for (size_t i = 0; first != NULL && i < 64; i++) {
		char *sn = nth_sentence(text, i);
		if (i > 0 && strcmp(sn, first) == 0) {
			free(sn);
			break;
		}
		bool why = false;
		for (const char *const *r = reasons; *r != NULL && !why; r++)
			why = said_word(sn, *r);
		/* The host's own reason, not why something else is so. */
		bool own = said_word(sn, "I") || said_word(sn, "my") || said_word(sn, "me");
		if (why && own && strncmp(sn, "Because", 7) != 0 && said_word(sn, word)) {
			free(first);
			return sn;
		}
		free(sn);
	}
	free(first);
	return NULL;
}

char *
host_why_word(struct host *h, const char *word)
{
	static const char *const honest[][2] = {
		[MANNER_WARM] = {"Honestly, there was no deep reason behind ", ". It's simply how "
			"things went for me."},
		[MANNER_FORMAL] = {"There was no deep reason behind ", ", to be candid; that is "
			"simply how things went."},
		[MANNER_BRISK] = {"No deep reason for ", ", honestly. It's just how it went."},
	};
	const char *last = NULL;
	if (h->last_cat != CAT_NONE && h->last_variant < h->p->replies[h->last_cat].n) {
		last = h->p->replies[h->last_cat].v[h->last_variant];
		/* The last reply's own reason, when it speaks of word. */
		const struct reply_extra *x = h->p->extra[h->last_cat] != NULL ?
		    &h->p->extra[h->last_cat][h->last_variant] : NULL;
		size_t wg = h->why_given[h->last_cat][h->last_variant];
		if (x != NULL && wg < x->why.n && said_word(x->why.v[wg], word))
			return NULL;
	}
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < h->p->replies[c].n; i++) {
			const struct reply_extra *x = h->p->extra[c] != NULL ? &h->p->extra[c][i] : NULL;
			size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
			for (size_t j = 0; j < 1 + nmore + nwhy; j++) {
				const char *t = j == 0 ? h->p->replies[c].v[i] : j <= nmore ?
				    x->more.v[j - 1] : x->why.v[j - 1 - nmore];
				char *sn = t != last ? reason_with(t, word) : NULL;
				if (sn != NULL)
					return sn;
			}
		}
	/* "No deep reason" fits a step of the host's own path (a subject, a
	 * job it took), not a word for its work ("translator", a product):
	 * for those the reply goes on as before. */
	bool path = h->p->opening != NULL && said_word(h->p->opening, word);
	for (size_t i = 0; !path && i < h->p->replies[CAT_ENTRY_PATH].n; i++)
		path = said_word(h->p->replies[CAT_ENTRY_PATH].v[i], word);
	if (!path)
		return NULL;
	return xasprintf("%s%s%s", honest[manner_of(h)][0], word, honest[manner_of(h)][1]);
}

char *
host_no_more(struct host *h, enum category offer)
{
	static const char *const words[] = {
		"I think that's all I can usefully say on that one. Shall I tell you about %s instead?",
		"Honestly, I've told you the best of it. Would %s be useful?",
		"That's about everything I know on that. We could talk about %s, if you like.",
	};
	static const char *const plain[] = {
		"I think that's all I can usefully say on that one. What else would you like to know?",
		"Honestly, I've told you the best of it. What else is on your list?",
		"That's about everything I know on that. Ask me anything else.",
	};
	size_t i = h->no_more++ % 3;
	if (offer == CAT_NONE)
		return xstrdup(plain[i]);
	return fill(words[i], category_topic(offer), NULL);
}

char *
host_nothing_new(struct host *h, enum category offer)
{
	static const char *const said[3][3] = {
		[MANNER_WARM] = {"I think I've told you everything I know on that one, I'm afraid.",
			"Honestly, that's all I have on it; I'd only be repeating myself.",
			"I've nothing new to add there, I'm afraid."},
		[MANNER_FORMAL] = {"I am afraid I have nothing to add to what I have already said.",
			"I have told you all I can on that point, I am afraid.",
			"There is nothing more I can usefully add there."},
		[MANNER_BRISK] = {"That's all I've got on that.", "Nothing more to add there, honestly.",
			"Already told you all I know on that one."},
	};
	static const char *const offers[3] = {
		[MANNER_WARM] = "Shall I tell you about %s instead?",
		[MANNER_FORMAL] = "Perhaps I could tell you about %s instead?",
		[MANNER_BRISK] = "Want to hear about %s?",
	};
	static const char *const plain[3] = {
		[MANNER_WARM] = "What else would you like to know?",
		[MANNER_FORMAL] = "Is there anything else you would like to ask?",
		[MANNER_BRISK] = "Next question?",
	};
	enum manner m = manner_of(h);
	const char *first = said[m][h->nothing_new++ % 3];
	if (offer == CAT_NONE)
		return xasprintf("%s %s", first, plain[m]);
	char *ask = fill(offers[m], category_topic(offer), NULL);
	char *r = xasprintf("%s %s", first, ask);
	free(ask);
	return r;
}

char *
host_finished(struct host *h)
{
	static const char *const words[3][3] = {
		[MANNER_WARM] = {"Oh, I think we've said our goodbyes already! I really must get on "
			"now, but do email me if anything else comes up.",
			"We've finished for today, I'm afraid. Write to me with anything you forgot to ask.",
			"I'm on my way out, sorry. Send me a note and I'll answer when I can."},
		[MANNER_FORMAL] = {"I am afraid we have concluded for today. Please write to me if "
			"anything further occurs to you.",
			"Our meeting is over, I am sorry to say. Any further questions are welcome by "
			"email.",
			"I must leave it there, as we have already said goodbye. Do write if you need to."},
		[MANNER_BRISK] = {"We're done for today. Email me if something else comes up.",
			"Already said bye, and I've got to go. Email me.",
			"That's us finished. Drop me a line if you need anything."},
	};
	return xstrdup(words[manner_of(h)][h->finished++ % 3]);
}

char *
host_nothing_yet(struct host *h)
{
	static const char *const words[3][3] = {
		[MANNER_WARM] = {"There's nothing to explain yet, I'm afraid; we've hardly begun! Ask me "
			"anything you like about the work.",
			"I haven't told you anything yet that needs a reason! What would you like to know?",
			"We've not got going yet, so there's nothing to explain. Ask away, and I'll tell you "
			"the why as well."},
		[MANNER_FORMAL] = {"I have not yet said anything that needs explaining. Please, ask me "
			"whatever you would like to know about the work.",
			"There is nothing to explain as yet. What would you like to ask me?",
			"We have not begun, so there is nothing yet to account for. Please, go ahead with your "
			"first question."},
		[MANNER_BRISK] = {"Nothing to explain yet. Ask me something first.",
			"Haven't said anything yet. What do you want to know?",
			"We haven't started. Fire away."},
	};
	return xstrdup(words[manner_of(h)][h->nothing_yet++ % 3]);
}

char *
host_no_need(struct host *h)
{
	static const char *const words[3][3] = {
		[MANNER_WARM] = {"No need to apologise at all! Ask away.",
			"Goodness, nothing to be sorry for. Go on, what would you like to know?",
			"You've nothing to apologise for, honestly. Carry on."},
		[MANNER_FORMAL] = {"There is nothing to apologise for. Please, ask whatever you wish.",
			"No apology is needed. Please go on.",
			"You have not said anything amiss. What would you like to ask?"},
		[MANNER_BRISK] = {"No need to apologise. Ask away.", "Nothing to be sorry for. Go on.",
			"You're fine. Next question?"},
	};
	return xstrdup(words[manner_of(h)][h->no_need++ % 3]);
}

char *
host_small_talk(struct host *h, const char *q)
{
	static const char *const asks[] = {"how", "what", "whats", "what's", "did", "do", "does",
		"have", "are", "is", "was", "were", "any", "where", "when", NULL};
	static const char *const you[] = {"you", "your", "u", "ur", "yours", "ya", NULL};
	bool asking = strchr(q, '?') != NULL;
	for (const char *const *w = asks; *w != NULL && !asking; w++)
		asking = strncmp(q, *w, strlen(*w)) == 0 && !isalpha((unsigned char)q[strlen(*w)]);
	bool to_host = false;
	for (const char *const *w = you; *w != NULL && !to_host; w++)
		to_host = has_phrase(q, *w, strlen(*w));
	if (!asking || !to_host)
		return NULL;
	/* What the question is about: free time, or how a week, a weekend
	 * or a holiday went.  Anything else ("did you watch the match?") has
	 * no answer here that would not make something up. */
	static const char *const leisure[] = {"fun", "hobby", "hobbies", "free time", "spare time",
		"downtime", "unwind", "relax", NULL};
	static const char *const times[] = {"weekend", "holiday", "holidays", "vacation", "break",
		"trip", "christmas", "easter", "summer", "half term", "half-term", "time off", "day off",
		"week", NULL};
	bool fun = false, went = false;
	for (const char *const *w = leisure; *w != NULL && !fun; w++)
		fun = has_phrase(q, *w, strlen(*w));
	for (const char *const *w = times; *w != NULL && !went; w++)
		went = has_phrase(q, *w, strlen(*w));
	if (!fun && !went)
		return NULL;
	static const char *const answer[2][3][3] = {
		[0] = {
			[MANNER_WARM] = {"Lovely, thank you for asking!",
				"Oh, very nice, thank you! Kind of you to ask.",
				"Busy, but in a good way, thank you!"},
			[MANNER_FORMAL] = {"Very pleasant, thank you for asking.",
				"Most agreeable, thank you. It is kind of you to ask.",
				"Quiet and restful, thank you."},
			[MANNER_BRISK] = {"Good, thanks.", "Not bad at all, thanks.", "Fine, thanks."},
		},
		[1] = {
			[MANNER_WARM] = {"Oh, a good long walk and time with family, mostly!",
				"Reading, walking, seeing friends. Nothing very exciting, I'm afraid!",
				"Whatever gets me outdoors, really. Thank you for asking!"},
			[MANNER_FORMAL] = {"Time with my family, for the most part, and a long walk when I "
				"can manage one.", "Reading, chiefly, and walking when the weather allows.",
				"Very little of note, I am afraid: a book and a quiet evening."},
			[MANNER_BRISK] = {"Family, and a run when I can.", "Not much. Sleep, mostly.",
				"Telly and a takeaway, honestly."},
		},
	};
	static const char *const back[3] = {
		[MANNER_WARM] = "But it's your time: what would you like to know about the work?",
		[MANNER_FORMAL] = "But let us keep to your questions. What would you like to ask?",
		[MANNER_BRISK] = "Anyway, back to the job. What's next?",
	};
	enum manner m = manner_of(h);
	return xasprintf("%s %s", answer[fun][m][h->chatted++ % 3], back[m]);
}

char *
host_react_aside(struct host *h, enum aside k)
{
	static const char *const bad[3][3] = {
		[MANNER_WARM] = {"Oh no, I'm sorry to hear that. Go on whenever you're ready.",
			"Oh dear, that doesn't sound like fun at all. Don't worry, we'll carry on whenever "
			"you're ready.",
			"Ah, I'm sorry. That sounds hard. Whenever you're ready."},
		[MANNER_FORMAL] = {"I am sorry to hear that. Please take your time.",
			"How unfortunate; I am sorry. Do carry on whenever you are ready.",
			"That sounds trying. There is no hurry at all."},
		[MANNER_BRISK] = {"Ah, sorry to hear it. Go on.", "Rough. Take a sec, then go ahead.",
			"That's bad luck. Carry on when you're ready."},
	};
	static const char *const funny[3][3] = {
		[MANNER_WARM] = {"Ha! I love that. Right, where were we?",
			"Ha, that made me smile. Go on, what's next?",
			"Oh, that's brilliant. Anyway, what else would you like to know?"},
		[MANNER_FORMAL] = {"Ha, quite. Now, where were we?", "That is rather funny. Shall we go on?",
			"Very good. Now, what would you like to ask next?"},
		[MANNER_BRISK] = {"Ha. Fair enough. Next question?", "Ha, good one. Go on.",
			"Ha. Right, what else?"},
	};
	static const char *const family[3][3] = {
		[MANNER_WARM] = {"Oh, how nice! Thank you for telling me. What would you like to ask?",
			"Oh, lovely. It's good to hear a bit about you. Go on, ask away.",
			"How nice to know. Now, what else would you like to ask me?"},
		[MANNER_FORMAL] = {"How interesting; thank you for telling me. What would you like to ask?",
			"Thank you, that is nice to know. Please go on.",
			"I see; thank you for sharing that. What shall we talk about next?"},
		[MANNER_BRISK] = {"Nice. Go on, what's your question?", "Good to know. Next question?",
			"Cool. What else?"},
	};
	/* Rain is no trouble to be sorry for: a light word, as between
	 * neighbours. */
	static const char *const weather[3][3] = {
		[MANNER_WARM] = {"Ha, same here, I'm afraid! Good weather for staying in and talking. "
			"What would you like to ask?",
			"Isn't it always the way? Well, at least we're both indoors. Go on.",
			"Ha, we're having our share of it too. Right, where were we?"},
		[MANNER_FORMAL] = {"Ha, it is much the same here. All the more reason to stay indoors "
			"and talk. Please, go on.",
			"Quite; one learns to keep an umbrella by the door. Now, where were we?",
			"We are having much the same, I'm afraid. What would you like to ask next?"},
		[MANNER_BRISK] = {"Ha, same here. Go on.", "Typical. Anyway, next question?",
			"Same story here. What else?"},
	};
	const char *const (*words)[3] = k == ASIDE_FUNNY ? funny : k == ASIDE_FAMILY ? family :
	    k == ASIDE_WEATHER ? weather : bad;
	return xstrdup(words[manner_of(h)][h->asides++ % 3]);
}

char *
host_cannot_know(struct host *h, enum unknowable k)
{
	static const char *const future[3][3] = {
		[MANNER_WARM] = {"Oh, I wish I knew! Nobody can tell you that yet, me included.",
			"Honestly, that's anyone's guess; I don't have a crystal ball.",
			"I really couldn't say; that hasn't happened yet, and I'd only be guessing."},
		[MANNER_FORMAL] = {"I am afraid nobody can tell you that yet, and I would not like to "
			"guess.", "That is not something I can know in advance, I'm afraid.",
			"I could only speculate about that, and I would rather not."},
		[MANNER_BRISK] = {"No idea. Nobody knows that yet.", "Can't know that. Nobody can.",
			"Your guess is as good as mine."},
	};
	static const char *const figure[3][3] = {
		[MANNER_WARM] = {"I honestly don't have that number, and I'd hate to make one up.",
			"That's not a figure I'd know, I'm afraid.",
			"I wouldn't know that one, sorry; it's not a number I ever see."},
		[MANNER_FORMAL] = {"I do not have that figure, and I would rather not guess at it.",
			"I'm afraid that is not a number I would know.",
			"That figure is not one I have, I'm afraid."},
		[MANNER_BRISK] = {"Don't know that number. Wouldn't guess.",
			"No idea, honestly. Not my numbers.", "Couldn't tell you. Never see that figure."},
	};
	static const char *const client[3][3] = {
		[MANNER_WARM] = {"Client fees are confidential, so that's one I can't share, sorry.",
			"I'm afraid what clients pay stays between us and them.",
			"That's confidential, I'm afraid; fees are between us and each client."},
		[MANNER_FORMAL] = {"Client fees are confidential, so I cannot discuss them.",
			"I am afraid what our clients pay is confidential.",
			"Fee arrangements are confidential to each client, I'm afraid."},
		[MANNER_BRISK] = {"Client fees are confidential. Can't share.", "Confidential, sorry.",
			"Can't go into fees. Confidential."},
	};
	const char *const (*words)[3] = k == UNKNOWABLE_CLIENT ? client : k == UNKNOWABLE_FIGURE ||
	    k == UNKNOWABLE_HEADCOUNT ? figure : future;
	return xstrdup(words[manner_of(h)][h->cannot_know[k % UNKNOWABLE_KINDS]++ % 3]);
}

/* Words that open a sentence telling of one time, as a story does:
 * "Last month...", "One Saturday...", "Yesterday..." (not "in my last
 * year" or "in one morning"); and words that tell of one time anywhere
 * ("I once held...", "two years ago"). */
static const char *const one_time_opens[] = {"last month", "last week", "last year",
	"last spring", "last summer", "last autumn", "last winter", "last fall", "last night",
	"one night", "one day", "one morning", "one afternoon", "one evening", "one monday",
	"one tuesday", "one wednesday", "one thursday", "one friday", "one saturday", "one sunday",
	"one time", "yesterday", "my first month", "my first week", "my first day", "my first year",
	"my first shift", NULL};
static const char *const one_time[] = {"i once", "we once", "someone once", "i remember",
	"years ago", NULL};

/* Where in text the sentence that first tells of one time starts, or
 * NULL. */
static const char *
story_start(const char *text)
{
	size_t len = strlen(text);
	for (size_t from = 0; from < len;) {
		size_t end = sentence_end(text, len, from);
		const char *s = text + from;
		while (*s == ' ')
			s++;
		char *one = xstrndup(s, end - (size_t)(s - text));
		bool told = false;
		/* "Last week of August is..." tells of no one time. */
		for (const char *const *w = one_time_opens; *w != NULL && !told; w++)
			told = strncasecmp(one, *w, strlen(*w)) == 0 && !isalpha((unsigned char)one[strlen(*w)]) &&
			    strncmp(one + strlen(*w), " of ", 4) != 0;
		for (const char *const *w = one_time; *w != NULL && !told; w++)
			told = said_word(one, *w);
		free(one);
		if (told)
			return s;
		from = end;
	}
	return NULL;
}

char *
host_story(struct host *h, enum story k)
{
	/* The worst of it only from the hard parts; anything memorable from
	 * what it likes first. */
	static const enum category worst_first[] = {CAT_CHALLENGES, CAT_COUNT};
	static const enum category odd_first[] = {CAT_LIKES, CAT_EXPECTATIONS, CAT_CHALLENGES,
		CAT_TYPICAL_DAY, CAT_WORKPLACE, CAT_QUALITIES, CAT_ENTRY_PATH, CAT_COUNT};
	/* Short enough (under seven words) that a thank-you note quotes the
	 * story, not these. */
	static const char *const opens[2][3][2] = {
		{[MANNER_WARM] = {"The one I still think about.", "Oh, there was another."},
			[MANNER_FORMAL] = {"One difficult episode comes to mind.",
				"Another comes to mind."},
			[MANNER_BRISK] = {"Worst one I've had.", "Another bad one."}},
		{[MANNER_WARM] = {"Oh, one has stuck with me.", "Oh, here's another."},
			[MANNER_FORMAL] = {"One episode comes to mind.", "Another comes to mind."},
			[MANNER_BRISK] = {"One comes to mind.", "Here's another."}},
	};
	/* The first story told, then "another". */
	bool told_one = false;
	for (int c = 0; c < CAT_COUNT; c++)
		told_one |= h->stories_told[c] != 0;
	for (const enum category *c = k == STORY_WORST ? worst_first : odd_first; *c != CAT_COUNT; c++) {
		const struct strlist *r = &h->p->replies[*c];
		for (size_t i = 0; i < r->n && i < STORY_VARIANTS; i++) {
			const struct reply_extra *x = h->p->extra[*c] != NULL ? &h->p->extra[*c][i] : NULL;
			size_t nmore = x != NULL ? x->more.n : 0;
			for (size_t j = 0; j <= nmore && j < STORY_TEXTS; j++) {
				const char *text = j == 0 ? r->v[i] : x->more.v[j - 1];
				uint32_t bit = (uint32_t)1 << (i * STORY_TEXTS + j);
				const char *from = story_start(text);
				if (from == NULL || (h->stories_told[*c] & bit) != 0)
					continue;
				h->stories_told[*c] |= bit;
				return xasprintf("%s %s",
				    opens[k == STORY_WORST ? 0 : 1][manner_of(h)][told_one ? 1 : 0], from);
			}
		}
	}
	return NULL;
}

/* The first sentence of the host's words (its opening, then its replies
 * and their follow-ups and reasons) that says who its team are: "a team
 * of" or "my team is" with the host in it ("I lead a team of about
 * thirty analysts..."), newly allocated; or NULL. */
static char *
team_sentence(const struct persona *p)
{
	static const char *const team[] = {"team of", "my team is", "our team is", "my team are",
		"our team are", "report to me", "reports to me", NULL};
	static const char *const self[] = {"i", "i'm", "my", "we", "we're", "our", "it's", NULL};
	for (int c = -1; c < CAT_COUNT; c++) {
		size_t nv = c < 0 ? 1 : p->replies[c].n;
		for (size_t i = 0; i < nv; i++) {
			const struct reply_extra *x = c >= 0 && p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
			for (size_t j = 0; j <= nmore + nwhy; j++) {
				const char *text = c < 0 ? p->opening : j == 0 ? p->replies[c].v[i] :
				    j <= nmore ? x->more.v[j - 1] : x->why.v[j - 1 - nmore];
				size_t len = text != NULL ? strlen(text) : 0;
				for (size_t from = 0; from < len;) {
					size_t end = sentence_end(text, len, from);
					char *one = xstrndup(text + from, end - from);
					bool says = false, mine = false;
					for (const char *const *w = team; *w != NULL && !says; w++)
						says = said_word(one, *w);
					for (const char *const *w = self; *w != NULL && says && !mine; w++)
						mine = said_word(one, *w);
					if (says && mine && strchr(one, '{') == NULL) {
						char *r = xstrdup(one + strspn(one, " \n"));
						for (char *n = r; *n != '\0'; n++)
							if (*n == '\n')
								*n = ' ';
						free(one);
						return r;
					}
					free(one);
					from = end;
				}
			}
		}
	}
	return NULL;
}

/* The first sentence of persona p's replies, follow-ups and reasons
 * that holds one of words and none of past (a manager now, not "my old
 * manager"), newly allocated; or NULL. */
static char *
sentence_holding(const struct persona *p, const char *const *words, const char *const *past)
{
	for (int c = 0; c < CAT_COUNT; c++) {
		for (size_t i = 0; i < p->replies[c].n; i++) {
			const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			size_t nmore = x != NULL ? x->more.n : 0, nwhy = x != NULL ? x->why.n : 0;
			for (size_t j = 0; j <= nmore + nwhy; j++) {
				const char *text = j == 0 ? p->replies[c].v[i] :
				    j <= nmore ? x->more.v[j - 1] : x->why.v[j - 1 - nmore];
				size_t len = strlen(text);
				for (size_t from = 0; from < len;) {
					size_t end = sentence_end(text, len, from);
					char *one = xstrndup(text + from, end - from);
					bool holds = false, was = false;
					for (const char *const *w = words; *w != NULL && !holds; w++)
						holds = said_word(one, *w);
					for (const char *const *w = past; *w != NULL && holds && !was; w++)
						was = said_word(one, *w);
					if (holds && !was && strchr(one, '{') == NULL) {
						char *r = xstrdup(one + strspn(one, " \n"));
						free(one);
						return r;
					}
					free(one);
					from = end;
				}
			}
		}
	}
	return NULL;
}

/* Who persona p names in role ("controller": "Hannah Kim, our
 * controller"), as people_as() gives it; or NULL. */
static char *
person_in_role(const struct persona *p, const char *role, char *name, size_t len)
{
	char ours[64], mine[64];
	snprintf(ours, sizeof ours, "our %s", role);
	snprintf(mine, sizeof mine, "my %s", role);
	const char *const as[] = {ours, mine, NULL};
	return people_as(p, as, name, len);
}

/* Whom the host reports to by persona p's own words, newly allocated, or
 * NULL: someone it calls "my manager" or "my boss"; else someone in the
 * role the user's question q names ("who is your boss, the
 * controller?"); else the role its glossary says reviews its work ("The
 * controller ... Reviews our work"), with whoever holds it.  Their
 * name into name (len bytes), or "" when none is named. */
static char *
boss_named(const struct persona *p, const char *q, char *name, size_t len)
{
	static const char *const boss_words[] = {"my manager", "my boss", "my line manager",
		"my supervisor", "my director", "my head of department", NULL};
	static const char *const not_role[] = {"boss", "manager", "line", "supervisor", "head",
		"one", "person", "same", "company", "team", "firm", NULL};
	static const char *const reviews[] = {"reviews our work", "reviews my work",
		"checks our work", "checks my work", "signs off our work", "signs off my work", NULL};
	name[0] = '\0';
	char *said = people_as(p, boss_words, name, len);
	for (const char *w = q; said == NULL && w != NULL && *w != '\0'; w++) {
		if ((w != q && isalnum((unsigned char)w[-1])) ||
		    (strncasecmp(w, "the ", 4) != 0 && strncasecmp(w, "your ", 5) != 0))
			continue;
		const char *role = w + (tolower((unsigned char)*w) == 't' ? 4 : 5);
		size_t n = text_word_len(role);
		if (n < 2 || n > 30 || text_word_listed(role, n, not_role))
			continue;
		char one[32];
		for (size_t i = 0; i < n; i++)
			one[i] = (char)tolower((unsigned char)role[i]);
		one[n] = '\0';
		said = person_in_role(p, one, name, len);
	}
	for (size_t t = 0; said == NULL && t < p->nterms; t++) {
		bool is_boss = false;
		for (const char *const *r = reviews; *r != NULL && !is_boss; r++)
			is_boss = said_word(p->terms[t].means, *r);
		if (!is_boss)
			continue;
		said = person_in_role(p, p->terms[t].term, name, len);
		if (said == NULL)
			said = xasprintf("I report to our %s.", p->terms[t].term);
	}
	return said;
}

/* Whether persona p's role is near the top ("Director of ...", "Audit
 * partner"), so that it reports to the leadership, not to a manager. */
static bool
senior_role(const struct persona *p)
{
	static const char *const top[] = {"director", "head", "vp", "vice president", "chief",
		"partner", "president", "founder", "owner", NULL};
	for (const char *const *w = top; p->role != NULL && *w != NULL; w++)
		if (said_word(p->role, *w))
			return true;
	return false;
}

/* Whom a deputy or an assistant reports to, by persona p's title:
 * "Deputy Headteacher" reports to the headteacher (newly allocated);
 * NULL for any other title. */
static char *
role_above(const struct persona *p)
{
	static const char *const under[] = {"deputy ", "assistant ", NULL};
	for (const char *const *u = under; p->role != NULL && *u != NULL; u++) {
		if (strncasecmp(p->role, *u, strlen(*u)) != 0 || p->role[strlen(*u)] == '\0')
			continue;
		char *rest = xstrdup(p->role + strlen(*u));
		/* "Headteacher" is lower case mid-sentence, "IT Manager" keeps
		 * its "IT". */
		for (char *w = rest; *w != '\0'; w++)
			if ((w == rest || w[-1] == ' ') && isupper((unsigned char)w[0]) && islower((unsigned char)w[1]))
				*w = (char)tolower((unsigned char)*w);
		char *r = xasprintf("I report to the %s.", rest);
		free(rest);
		return r;
	}
	return NULL;
}

char *
host_colleagues(struct host *h, enum colleagues k, const char *q)
{
	static const char *const no_names[3] = {
		[MANNER_WARM] = "Oh, a lovely bunch, though their names wouldn't mean much to you. "
		"Ask me how we work together and I'll happily tell you.",
		[MANNER_FORMAL] = "A capable group of colleagues; their names would mean little to "
		"you, but I am glad to describe how we work together.",
		[MANNER_BRISK] = "Good people. Names won't mean much to you, but ask how we work "
		"together if you like."};
	/* Nobody named: the role it reports to, by how senior it is. */
	static const char *const reports_to[2][3] = {
		{[MANNER_WARM] = "I report to the manager of our team, though the name wouldn't "
			"mean much to you.",
			[MANNER_FORMAL] = "I report to the head of our team; the name would mean little "
			"to you.",
			[MANNER_BRISK] = "I report to our team's manager. The name won't mean anything "
			"to you."},
		{[MANNER_WARM] = "I report to our executive team, though the names wouldn't mean "
			"much to you.",
			[MANNER_FORMAL] = "I report to the leadership of the organisation; the names "
			"would mean little to you.",
			[MANNER_BRISK] = "I report to the exec team. Names won't mean anything to you."},
	};
	static const char *const boss_now[] = {"my manager", "my boss", "my line manager",
		"my supervisor", NULL};
	static const char *const past[] = {"old", "former", "first", "used", "was", "were",
		"then", "previous", NULL};
	if (k != COLLEAGUES_BOSS) {
		char *said = team_sentence(h->p);
		return said != NULL ? said : xstrdup(no_names[manner_of(h)]);
	}
	char name[64];
	char *said = boss_named(h->p, q, name, sizeof name);
	/* "Hannah Kim is our controller. She reviews my work and explains
	 * why": one more thing its words say about them. */
	char *about = said != NULL && name[0] != '\0' ? people_more(h->p, name, NULL, 0) : NULL;
	if (about != NULL) {
		char *r = xasprintf("%s %s", said, about);
		free(said);
		free(about);
		return r;
	}
	if (said != NULL)
		return said;
	/* "My manager and I check progress every month" goes on to say
	 * what the manager is to it. */
	char *above = role_above(h->p);
	const char *role = above != NULL ? above : reports_to[senior_role(h->p) ? 1 : 0][manner_of(h)];
	char *more = sentence_holding(h->p, boss_now, past);
	char *r = more != NULL ? xasprintf("%s %s", role, more) : xstrdup(role);
	free(more);
	free(above);
	return r;
}

char *
host_firm_does(struct host *h, enum firm_ask k)
{
	static const char *const no_names[] = {
		[MANNER_WARM] = "I can't name our clients, I'm afraid, but they're mostly",
		[MANNER_FORMAL] = "I cannot name our clients, but they are mostly",
		[MANNER_BRISK] = "Can't name clients, but mostly",
	};
	char *kinds = k == FIRM_ASK_CLIENTS ? firm_own_clients(h->p) : NULL;
	if (kinds != NULL) {
		char *r = xasprintf("%s %s.", no_names[manner_of(h)], kinds);
		free(kinds);
		return r;
	}
	return firm_own_does(h->p);
}

char *
host_forecast(struct host *h, const char *q)
{
	static const char *const then[3] = {
		[MANNER_WARM] = "What I can tell you is what I'm seeing now:",
		[MANNER_FORMAL] = "What I can speak to is what I observe at present:",
		[MANNER_BRISK] = "What I do see right now:",
	};
	char *none = host_cannot_know(h, UNKNOWABLE_FORECAST);
	char *seen = host_reply_to(h, CAT_INDUSTRY_TRENDS, q, true);
	/* Every trend told already: nobody knows is the whole answer. */
	if (h->repeated) {
		h->repeated = false;
		free(seen);
		return none;
	}
	char *r = xasprintf("%s %s %s", none, then[manner_of(h)], seen);
	free(none);
	free(seen);
	return r;
}

char *
host_act_plain(enum act a, size_t i, unsigned long minutes)
{
	if (a < 0 || a >= ACT_COUNT || i >= count(act_words[a], 4))
		return NULL;
	char span[32];
	host_duration_words(minutes, span, sizeof span);
	return fill(act_words[a][i], span, NULL);
}

const char *
host_explain(const struct host *h, const char *q)
{
	return host_explain_as(h, q, NULL);
}

/* The longest term of persona p's glossary that q names, with the form
 * named in *form, and its length in *best_len (a longer one than
 * *best_len, or *best unchanged). */
static void
glossary_find(const struct persona *p, const char *q, const struct term **best, const char **form,
    size_t *best_len)
{
	for (size_t i = 0; i < p->nterms; i++) {
		const struct term *t = &p->terms[i];
		size_t n = strlen(t->term);
		if (n > *best_len && has_phrase(q, t->term, n)) {
			*best = t;
			*form = t->term;
			*best_len = n;
		}
		for (size_t j = 0; j < t->also.n; j++) {
			n = strlen(t->also.v[j]);
			if (n > *best_len && has_phrase(q, t->also.v[j], n)) {
				*best = t;
				*form = t->also.v[j];
				*best_len = n;
			}
		}
	}
}

/* Whether word a[0..an) could be word b[0..bn) mistyped: the same first
 * letter, and a letter or two apart in a long word ("practioner",
 * "practitioner"); short words must be exact. */
static bool
near_word(const char *a, size_t an, const char *b, size_t bn)
{
	if (an == bn && strncmp(a, b, an) == 0)
		return true;
	size_t longer = an > bn ? an : bn, shorter = an > bn ? bn : an;
	if (shorter < TYPO_FROM - 2 || longer < TYPO_FROM || a[0] != b[0])
		return false;
	char x[40], y[40];
	if (an >= sizeof x || bn >= sizeof y)
		return false;
	memcpy(x, a, an);
	x[an] = '\0';
	memcpy(y, b, bn);
	y[bn] = '\0';
	return text_distance(x, y) <= (longer >= TYPO2_FROM ? 2 : 1);
}

/* Whether q names phrase w (words of letters) with a typo or two: as
 * many words in a row, each near its own. */
static bool
has_phrase_near(const char *q, const char *w)
{
	for (const char *p = q; *p != '\0'; p++) {
		if (!isalpha((unsigned char)*p) || (p > q && isalpha((unsigned char)p[-1])))
			continue;
		const char *qa = p, *wa = w;
		bool all = true;
		while (all && *wa != '\0') {
			size_t qn = 0, wn = 0;
			while (isalpha((unsigned char)qa[qn]))
				qn++;
			while (isalpha((unsigned char)wa[wn]))
				wn++;
			all = qn > 0 && wn > 0 && near_word(qa, qn, wa, wn);
			qa += qn;
			wa += wn;
			if (*wa == '\0')
				break;
			if (*wa != ' ' || *qa != ' ')
				all = false;
			qa++;
			wa++;
		}
		if (all)
			return true;
	}
	return false;
}

/* The term of persona p's glossary that q names with a typo (only forms
 * of TYPO_FROM letters or more), into *best and *form. */
static void
glossary_find_near(const struct persona *p, const char *q, const struct term **best, const char **form)
{
	for (size_t i = 0; i < p->nterms && *best == NULL; i++) {
		const struct term *t = &p->terms[i];
		if (strlen(t->term) >= TYPO_FROM && has_phrase_near(q, t->term)) {
			*best = t;
			*form = t->term;
		}
		for (size_t j = 0; j < t->also.n && *best == NULL; j++)
			if (strlen(t->also.v[j]) >= TYPO_FROM && has_phrase_near(q, t->also.v[j])) {
				*best = t;
				*form = t->also.v[j];
			}
	}
}

const char *
host_explain_as(const struct host *h, const char *q, const char **named)
{
	const struct term *best = NULL;
	const char *form = NULL;
	size_t best_len = 0;
	glossary_find(h->p, q, &best, &form, &best_len);
	/* A word of the field the host did not use itself, but a colleague
	 * in the same bank would: the host knows it too. */
	for (size_t i = 0; best == NULL && i < h->npeers; i++)
		if (&h->peers[i] != h->p)
			glossary_find(&h->peers[i], q, &best, &form, &best_len);
	/* "nurse practioner": the host's own words first, typed loosely. */
	if (best == NULL)
		glossary_find_near(h->p, q, &best, &form);
	for (size_t i = 0; best == NULL && i < h->npeers; i++)
		if (&h->peers[i] != h->p)
			glossary_find_near(&h->peers[i], q, &best, &form);
	if (named != NULL)
		*named = form;
	return best != NULL ? best->means : NULL;
}

/* Words of a question back too common to say what it asks about. */
static bool
plain_ask_word(const char *w, size_t n)
{
	static const char *const plain[] = {"about", "would", "could", "should", "there", "their",
		"which", "where", "these", "those", "thing", "things", "really", "other", "being", "doing",
		"think", "years", "people", "first", "every", "always", "after", "today", "something",
		"anything", "while", "least", "what's", "you've", "you're", "you'd", "have", "been",
		"even", "most", "next", "kind", "part", "like", "much", "many", "ever", "what", "your",
		"with", "that", "this", "from", "into", "when", "want", "wasn't", "isn't", "don't",
		"heard", "since", "before", "right", "sort", "chance", "spend", "briefly", "perhaps",
		"already", "still", "again", "enough", "going", "might", "maybe", "quite", NULL};
	for (const char *const *x = plain; *x != NULL; x++)
		if (strlen(*x) == n && strncasecmp(*x, w, n) == 0)
			return true;
	return false;
}

/* Whether text has a word sharing its first six letters with w[0..n)
 * ("warehouses" for "warehouse"), or, for a shorter w, the word itself. */
static bool
has_stem(const char *text, const char *w, size_t n)
{
	size_t stem = n > 6 ? 6 : n;
	for (const char *u = text; *u != '\0'; u++) {
		if (!isalpha((unsigned char)*u) || (u > text && isalpha((unsigned char)u[-1])))
			continue;
		size_t un = 0;
		while (isalpha((unsigned char)u[un]) || u[un] == '\'')
			un++;
		if (un >= stem && strncasecmp(u, w, stem) == 0 && (n > 6 || un == n))
			return true;
	}
	return false;
}

/* Whether text has a stem of every word of four letters or more in
 * phrase, and at least one. */
static bool
has_all_stems(const char *text, const char *phrase)
{
	size_t found = 0;
	for (const char *w = phrase; *w != '\0';) {
		size_t n = 0;
		while (isalpha((unsigned char)w[n]))
			n++;
		if (n == 0) {
			w++;
			continue;
		}
		if (n >= 4 && !has_stem(text, w, n))
			return false;
		found += n >= 4;
		w += n;
	}
	return found > 0;
}

/* "What do you mean by demand planning?" asked of a head of supply
 * chain planning, who never said it: the glossary entry whose term and
 * meaning hold every word of it, the most of them in the term ("In my
 * work, demand planning comes under sales and operations planning: ..."),
 * else the first sentence of its words that holds them all, not one of
 * said (its last answer, or NULL).  Newly allocated, or NULL when its
 * words do not speak of it. */
static char *
field_term(const struct host *h, const char *word, const char *said)
{
	const struct term *best = NULL;
	size_t most = 0;
	for (size_t i = 0; i < h->p->nterms; i++) {
		const struct term *t = &h->p->terms[i];
		char *both = xasprintf("%s %s", t->term, t->means);
		bool all = has_all_stems(both, word);
		free(both);
		size_t in_term = 0;
		for (const char *w = word; all && *w != '\0';) {
			size_t n = 0;
			while (isalpha((unsigned char)w[n]))
				n++;
			in_term += n >= 4 && has_stem(t->term, w, n);
			w += n > 0 ? n : 1;
		}
		if (all && in_term > most) {
			best = t;
			most = in_term;
		}
	}
	if (best != NULL && has_all_stems(best->term, word))
		return xstrdup(best->means);
	if (best != NULL)
		return xasprintf("In my work, %s comes under %s. %s", word, best->term, best->means);
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < h->p->replies[c].n; i++) {
			const char *text = h->p->replies[c].v[i];
			for (size_t k = 0; k < 16; k++) {
				char *sn = nth_sentence(text, k);
				if (sn == NULL)
					break;
				if (k > 0 && strncmp(text, sn, strlen(sn)) == 0) {
					free(sn);
					break;
				}
				if (has_all_stems(sn, word) && (said == NULL || strstr(said, sn) == NULL)) {
					char *r = xasprintf("Here is how it looks in my work. %s", sn);
					free(sn);
					return r;
				}
				free(sn);
			}
		}
	return NULL;
}

/* Words for the same kind of workplace: someone who has worked "at a
 * dermatology clinic" has spent time around patients, and a summer "in a
 * dairy lab" has been inside a food plant. */
static const char *const settings[][12] = {
	{"patient", "patients", "clinic", "clinics", "hospital", "hospitals", "medical", "ward",
		"dermatology", "healthcare", "caregiver", NULL},
	{"plant", "plants", "factory", "factories", "dairy", "bakery", "manufacturing",
		"processing", "production", NULL},
	{"classroom", "classrooms", "school", "schools", "pupils", "tutoring", "tutor", NULL},
	{"warehouse", "warehouses", "depot", "depots", "distribution", NULL},
};

/* Whether w[0..n), a word of a question back, names a kind of workplace
 * that said names by another word of it. */
static bool
same_setting(const char *said, const char *w, size_t n)
{
	for (size_t g = 0; g < sizeof settings / sizeof settings[0]; g++) {
		bool in = false;
		for (size_t i = 0; settings[g][i] != NULL && !in; i++)
			in = strlen(settings[g][i]) == n && strncasecmp(settings[g][i], w, n) == 0;
		for (size_t i = 0; in && settings[g][i] != NULL; i++)
			if (said_word(said, settings[g][i]))
				return true;
	}
	return false;
}

/* Whether the user's words (said) already answer the question back q: a
 * key word of q (five letters or more, not a plain one) is among them. */
static bool
answered_already(const char *q, const char *said)
{
	for (const char *p = q; *p != '\0';) {
		while (*p != '\0' && !isalpha((unsigned char)*p))
			p++;
		size_t n = 0;
		while (isalpha((unsigned char)p[n]) || p[n] == '\'')
			n++;
		if (n >= 5 && !plain_ask_word(p, n) && (has_stem(said, p, n) || same_setting(said, p, n)))
			return true;
		p += n;
	}
	return false;
}

const char *
host_ask_back(struct host *h, const char *said)
{
	/* The first question back the user has not already answered. */
	for (size_t k = 0; k < h->p->asks_back.n; k++) {
		const char *q = h->p->asks_back.v[bag_draw(h, &h->asks_back)];
		if (said == NULL || !answered_already(q, said))
			return q;
	}
	return NULL;
}

char *
host_unsure(struct host *h, enum category a, enum category b)
{
	const char *fmt = unsure_words[bag_draw(h, &h->unsure)];
	return fill(fmt, category_topic(a), category_topic(b));
}

/* Whether w[0..n) is the second word of a subject's name ("food
 * science", "business studies"). */
static bool
subject_word(const char *w, size_t n)
{
	static const char *const second[] = {"science", "sciences", "studies", "engineering",
		"management", "technology", "administration", "economics", "history", "literature",
		"design", "analytics", "health", "chemistry", "biology", "physics", "accounting",
		"education", "nursing", "relations", "languages", NULL};
	for (const char *const *x = second; *x != NULL; x++)
		if (strlen(*x) == n && strncmp(*x, w, n) == 0)
			return true;
	return false;
}

/* Words that end (or, before it, open) the name of a subject in a line
 * about one's studies: "supply chain" ends before "and", "student",
 * "since"; "a supply chain student" opens after "a". */
static bool
subject_edge(const char *w, size_t n)
{
	static const char *const edge[] = {"and", "or", "but", "so", "then", "at", "in", "on", "from",
		"to", "for", "with", "since", "now", "too", "also", "as", "because", "while", "when",
		"where", "which", "who", "that", "it", "is", "was", "are", "were", "am", "be", "been",
		"i", "im", "i'm", "my", "me", "a", "an", "the", "this", "last", "next", "years", "year",
		"ago", "before", "after", "until", "here", "there", "not", "only", "just", "still",
		"already", "recently", "online", "student", "students", "graduate", "grad", "degree",
		"major", "course", "courses", "program", "programme", "class", "classes", "school",
		"university", "uni", "college", "final", "first", "second", "third", "part-time",
		"full-time", "currently", "really", "very", "of", "by", "about", "some", "lot", "bit",
		"study", "studied", "studying", "studies", "majoring", "majored", "masters", "master's",
		"have", "has", "had", "did", "do", "doing", "got", "get", "getting", "finished",
		"finishing", "completed", "hold", "earned", "work", "working", "worked", NULL};
	for (const char *const *x = edge; *x != NULL; x++)
		if (strlen(*x) == n && strncmp(*x, w, n) == 0)
			return true;
	return false;
}

/* Widen the subject (*word, *n bytes of q) to the whole name it is a
 * part of, at most SUBJECT_WORDS words: the words around it up to an
 * edge (subject_edge) or a mark.  False when the name runs longer than
 * that (it cannot be echoed whole). */
#define SUBJECT_WORDS 4
static bool
whole_subject(const char *q, const char **word, size_t *n)
{
	const char *b = *word, *e = *word + *n;
	size_t words = 1;
	for (const char *p = b; p < e; p++)
		words += *p == ' ';
	for (;;) {
		/* the word after */
		if (*e != ' ')
			break;
		const char *w = e + 1;
		size_t k = strspn(w, "abcdefghijklmnopqrstuvwxyz'-");
		if (k == 0 || subject_edge(w, k))
			break;
		if (++words > SUBJECT_WORDS)
			return false;
		e = w + k;
	}
	while (b - q >= 2 && b[-1] == ' ') {
		/* the word before */
		const char *w = b - 1;
		while (w > q && strchr("abcdefghijklmnopqrstuvwxyz'-", w[-1]) != NULL && w[-1] != '\0')
			w--;
		size_t k = (size_t)(b - 1 - w);
		if (k == 0 || subject_edge(w, k) || (w > q && w[-1] != ' '))
			break;
		if (++words > SUBJECT_WORDS)
			return false;
		b = w;
	}
	*word = b;
	*n = (size_t)(e - b);
	return true;
}

/* The subject of "studying X", "a degree in X", "an X graduate" in q, into
 * buf; false when q names none. */
static bool
find_study(const char *q, char *buf, size_t len)
{
	static const char *const before[] = {"student of ", "students of ", "student in ",
		"studying ", "study ", "studied ", "degree in ",
		"major in ", "majoring in ", "masters in ", "master's in ", "phd in ", "diploma in ",
		NULL};
	static const char *const after[] = {" student", " graduate", " grad", " degree", " major",
		" school", NULL};
	static const char *const not_subjects[] = {"a", "an", "the", "my", "this", "that", "final",
		"first", "last", "second", "third", "new", "recent", "mature", "university", "college",
		"school", "phd", "masters", "master's", "undergraduate", "it", "and", "for", "in", "year",
		"just", "recently", "only", "also", "already", "still", "a", "w",
		"years", "time", "level", "international", "exchange", "postgrad", "postgraduate", "grad",
		"student", "nursing school", "full", "part", "high", "secondary", "middle", "primary",
		"elementary", "summer", "night", "old", "my", "grad", "graduate", "boarding", "public",
		"private", "driving", "sunday", "of", "at", "from", "to", "on", "here", "there", "now",
		"hard", "abroad", "online", "since", "with", "part-time", "full-time", "have", "has",
		"had", "got", "hold", "did", "done", "doing", "finished", "completed", "earned", "get",
		"getting", "foreign", "overseas", "proper", "good", "useless", "general", "same", "any",
		"no", "without", NULL};
	const char *word = NULL;
	size_t n = 0;
	for (const char *const *b = before; word == NULL && *b != NULL; b++) {
		const char *p = strstr(q, *b);
		if (p != NULL && (p == q || p[-1] == ' ')) {
			word = p + strlen(*b);
			/* "study master of supply chain management": past the
			 * degree to its subject. */
			static const char *const degree[] = {"a master of ", "master of ", "masters of ",
				"master in ", "masters in ", "a masters in ", "a master's in ", "master's in ",
				"bachelor of ", "a bachelor of ", "bachelor in ", "a degree in ", "degree in ",
				"msc in ", "msc ", "ma in ", "ba in ", "bsc in ", "bsc ", "phd in ", "a phd in ",
				"mba in ", NULL};
			for (const char *const *d = degree; *d != NULL; d++)
				if (strncmp(word, *d, strlen(*d)) == 0) {
					word += strlen(*d);
					break;
				}
			n = strspn(word, "abcdefghijklmnopqrstuvwxyz");
			/* "food science", "business studies", "supply chain
			 * management": up to two words more, to a subject word. */
			const char *w = word + n;
			for (int more = 0; more < 2 && *w == ' '; more++) {
				size_t m = strspn(w + 1, "abcdefghijklmnopqrstuvwxyz");
				if (m < 3)
					break;
				if (subject_word(w + 1, m)) {
					n = (size_t)(w + 1 + m - word);
					break;
				}
				w += 1 + m;
			}
			/* "I study here since two years": no subject; try the
			 * next way of saying it. */
			for (const char *const *x = not_subjects; *x != NULL && word != NULL; x++)
				if (strlen(*x) == n && strncmp(*x, word, n) == 0)
					word = NULL;
		}
	}
	for (const char *const *a = after; word == NULL && *a != NULL; a++) {
		const char *p = strstr(q, *a);
		/* " grad" must be the word grad, not "graduated". */
		while (p != NULL && p[strlen(*a)] >= 'a' && p[strlen(*a)] <= 'z' && p[strlen(*a)] != 's')
			p = strstr(p + 1, *a);
		if (p == NULL || p == q)
			continue;
		const char *e = p;
		const char *st = e;
		while (st > q && st[-1] >= 'a' && st[-1] <= 'z')
			st--;
		/* "a food science graduate": the word before may belong too. */
		if (subject_word(st, (size_t)(e - st)) && st - q >= 2 && st[-1] == ' ') {
			const char *s0 = st - 1;
			while (s0 > q && s0[-1] >= 'a' && s0[-1] <= 'z')
				s0--;
			bool skip = false;
			for (const char *const *x = not_subjects; *x != NULL; x++)
				skip |= strlen(*x) == (size_t)(st - 1 - s0) && strncmp(*x, s0, (size_t)(st - 1 - s0)) == 0;
			if (!skip && st - 1 > s0)
				st = s0;
		}
		word = st;
		n = (size_t)(e - st);
	}
	if (word == NULL)
		return false;
	/* A whole name, not the part of one the rules above stopped at:
	 * "supply chain", not "supply" of "studied supply chain" nor
	 * "chain" of "a supply chain student". */
	if (!whole_subject(q, &word, &n))
		return false;
	if (n < 3 || n >= len)
		return false;
	for (const char *const *x = not_subjects; *x != NULL; x++)
		if (strlen(*x) == n && strncmp(*x, word, n) == 0)
			return false;
	memcpy(buf, word, n);
	buf[n] = '\0';
	return true;
}

/* What a host says to someone whose studies are its own way in. */
static const char *const shared[3] = {
	[MANNER_WARM] = "So you came through %s! That's how I came in myself, so you won't hear me "
	    "say a word against it.",
	[MANNER_FORMAL] = "You came through %s, then. That was my own way into this work, so I can "
	    "hardly speak ill of it.",
	[MANNER_BRISK] = "Through %s. Same way I came in. Good choice.",
};

/* subject (lower case, as find_study() gives it) made a phrase fit to
 * echo, in place: in lower case ("Accounting", the field's name), a
 * degree's letters after it dropped ("stats msc": "stats").  False when what is left is none: a possessive ("nephew's
 * primary"), a digit, or nothing. */
static bool
clean_subject(char *subject)
{
	static const char *const letters[] = {"msc", "bsc", "ba", "ma", "bs", "ms", "phd", "mba",
		"hons", "bcom", "beng", "meng", "mphil", "degree", "diploma", NULL};
	for (;;) {
		size_t n = strlen(subject);
		char *last = strrchr(subject, ' ');
		const char *w = last != NULL ? last + 1 : subject;
		if (last == NULL || !text_word_listed(w, n - (size_t)(w - subject), letters))
			break;
		*last = '\0';
	}
	if (subject[0] == '\0' || text_word_listed(subject, strlen(subject), (const char *const[]){
	    "msc", "bsc", "ba", "ma", "phd", "mba", NULL}))
		return false;
	for (char *p = subject; *p != '\0'; p++) {
		*p = (char)tolower((unsigned char)*p);
		if (!islower((unsigned char)*p) && *p != ' ' && *p != '-')
			return false;
	}
	return true;
}

/* Whether the host's own account of how it got in names subject ("I
 * came in through journalism"). */
static bool
came_same_way(const struct host *h, const char *subject)
{
	const struct strlist *l = &h->p->replies[CAT_ENTRY_PATH];
	for (size_t i = 0; i < l->n && strlen(subject) >= 4; i++)
		if (strcasestr(l->v[i], subject) != NULL)
			return true;
	return false;
}

/* A reaction to a stage of learning q names without a subject ("still in
 * school, doing a bcom", "in a bootcamp", "made a small todo app"), in a
 * sentence of what they said; NULL when it names none. */
static char *
self_stage(struct host *h, const char *q)
{
	static const struct {
		const char *abbr, *degree;
	} degrees[] = {
		{"bcom", "a commerce degree"}, {"b.com", "a commerce degree"},
		{"bba", "a business degree"}, {"mba", "an MBA"}, {"bsc", "a science degree"},
		{"beng", "an engineering degree"}, {"btech", "a technology degree"},
		{"bsn", "a nursing degree"}, {"bed", "an education degree"}, {NULL, NULL},
	};
	static const char *const building[] = {"made a ", "built a ", "building a ", "making a ",
		"made an ", "built an ", "made my own", "built my own", "made small ", "built small ",
		"made simple ", NULL};
	static const char *const school[] = {"still in school", "still at school", "still at uni",
		"still in uni", "still in college", "still at college", "still studying",
		"still a student", NULL};
	enum manner m = manner_of(h);
	bool built = false, in_school = false;
	for (const char *const *b = building; *b != NULL && !built; b++)
		built = strstr(q, *b) != NULL;
	for (const char *const *w = school; *w != NULL && !in_school; w++)
		in_school = strstr(q, *w) != NULL;
	const char *degree = NULL;
	for (size_t i = 0; degrees[i].abbr != NULL && degree == NULL; i++)
		if (said_word(q, degrees[i].abbr))
			degree = degrees[i].degree;
	if (said_word(q, "bootcamp") || said_word(q, "boot camp")) {
		static const char *const camp[3][2] = {
			[MANNER_WARM] = {"A bootcamp, good. You'll come out of it having built real things.",
				"A bootcamp, and you've already built something of your own: that's a "
				"good start."},
			[MANNER_FORMAL] = {"A bootcamp: a sensible, concentrated way in.",
				"A bootcamp, and something built already. That is a good start."},
			[MANNER_BRISK] = {"Bootcamp. Fine. Build things.",
				"Bootcamp, and you've shipped something already. Good."},
		};
		return xstrdup(camp[m][built]);
	}
	if (degree != NULL) {
		static const char *const doing[3] = {
			[MANNER_WARM] = "So you're partway through %s. Good time to be asking these "
			    "questions, while you can still shape what comes next.",
			[MANNER_FORMAL] = "You are partway through %s, then. This is a good time to ask, "
			    "while your choices are still open.",
			[MANNER_BRISK] = "Still doing %s. Good time to ask.",
		};
		return fill(doing[m], degree, NULL);
	}
	if (in_school) {
		static const char *const studying[3] = {
			[MANNER_WARM] = "Still studying, then. That's a good time to be asking, while "
			    "you can still shape what comes next.",
			[MANNER_FORMAL] = "Still studying, then. This is a good time to ask, while your "
			    "choices are still open.",
			[MANNER_BRISK] = "Still studying. Good time to ask.",
		};
		return xstrdup(studying[m]);
	}
	if (built) {
		static const char *const made[3] = {
			[MANNER_WARM] = "You've built something of your own already; that counts for "
			    "more than people think.",
			[MANNER_FORMAL] = "You have built something of your own already, which counts "
			    "for a good deal.",
			[MANNER_BRISK] = "You've built something. That counts.",
		};
		return xstrdup(made[m]);
	}
	return NULL;
}

char *
host_self(struct host *h, const char *q)
{
	char subject[48];
	if (find_study(q, subject, sizeof subject)) {
		memcpy(h->subject, subject, sizeof h->subject);
		/* Studying the host's own field is not "another angle". */
		char stem[5];
		memcpy(stem, subject, 4);
		stem[4] = '\0';
		bool own = strlen(subject) >= 4 && (strcasestr(h->p->role, stem) != NULL ||
		    (h->field != NULL && strcasestr(h->field, stem) != NULL));
		/* "an accounting and finance degree" to an accountant: the
		 * field itself is named, whichever word came out as the
		 * subject. */
		if (!own && h->field != NULL) {
			/* The field's name, or its first word when that word
			 * says it alone ("logistics", not "school" or "data"). */
			static const char *const vague[] = {"school", "any", "data", "public", "food",
				"software", NULL};
			size_t fn = strcspn(h->field, " ");
			char first[32];
			bool alone = true;
			for (const char *const *v = vague; *v != NULL; v++)
				alone &= !(strlen(*v) == fn && strncasecmp(h->field, *v, fn) == 0);
			if (!alone)
				fn = strlen(h->field);
			if (fn >= 4 && fn < sizeof first) {
				memcpy(first, h->field, fn);
				first[fn] = '\0';
				if (strcasestr(q, first) != NULL) {
					own = true;
					snprintf(subject, sizeof subject, "%s", h->field);
					memcpy(h->subject, subject, sizeof h->subject);
				}
			}
		}
		/* "Journalism" to a host who came in through journalism: it
		 * says so. */
		/* The echo is a phrase in a sentence ("Coming from business is
		 * a good angle."), or none when it is no clean subject; advice
		 * "for someone like me" draws on it only when clean. */
		bool clean = clean_subject(subject);
		if (clean)
			memcpy(h->subject, subject, sizeof h->subject);
		else
			h->subject[0] = '\0';
		bool shares = clean && !own && !h->came_same_said && came_same_way(h, subject);
		h->came_same_said |= shares;
		size_t k = own ? bag_draw(h, &h->self_same) : shares ? 0 : bag_draw(h, &h->self_study);
		char *text = own ? fill(clean ? same[k] : same_plain[k], subject, NULL) :
		    shares ? fill(shared[manner_of(h)], subject, NULL) :
		    fill(clean ? study[k] : study_plain[k], subject, NULL);
		if (text[0] >= 'a' && text[0] <= 'z')
			text[0] = (char)(text[0] - 32);
		return text;
	}
	static const char *const changing[] = {"career change", "changing career", "change career",
		"switch career", "switching career", "career changer", "done with", "leaving my",
		"leave my", "switching from", "switch from", "moving from", "move from", "moving into",
		"move into", "retrain", "pivot", "transition", "years managing", "years in retail",
		"years as a", "years as an", "after years", "second career", "years in ", "years of ",
		"years working", "years doing", "years teaching", "years at ", "make the jump",
		"making the jump", "working since", "work since", "i've been working", "ive been working",
		"been working in", "worked in retail", "worked for years", NULL};
	for (const char *const *c = changing; *c != NULL; c++)
		if (strstr(q, *c) != NULL)
			return xstrdup(change[bag_draw(h, &h->self_change)]);
	if (strstr(q, "final year") != NULL || strstr(q, "last year of") != NULL ||
	    strstr(q, "about to graduate") != NULL || strstr(q, "graduating") != NULL)
		return xstrdup(final_year[bag_draw(h, &h->self_final)]);
	return self_stage(h, q);
}

/* Whether q names the job title t[0..n) by its last two words (its last
 * word alone when it has one), caselessly. */
static bool
names_title(const char *q, const char *t, size_t n)
{
	while (n > 0 && t[n - 1] == ' ')
		n--;
	size_t start = n, words = 0;
	while (start > 0 && words < 2) {
		while (start > 0 && t[start - 1] != ' ')
			start--;
		words++;
		if (words < 2)
			while (start > 0 && t[start - 1] == ' ')
				start--;
	}
	char title[64];
	if (n - start < TITLE_AT_LEAST || n - start >= sizeof title)
		return false;
	for (size_t i = start; i < n; i++)
		title[i - start] = (char)tolower((unsigned char)t[i]);
	title[n - start] = '\0';
	return has_phrase(q, title, n - start);
}

bool
host_names_role(const struct host *h, const char *q)
{
	const char *role = h->p->role;
	if (role == NULL)
		return false;
	const char *and = strstr(role, " and ");
	if (and != NULL)
		return names_title(q, role, (size_t)(and - role)) || names_title(q, and + 5, strlen(and + 5));
	return names_title(q, role, strlen(role));
}
