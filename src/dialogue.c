/*
 * dialogue.c -- what a line means in the conversation so far (see
 * dialogue.h).
 */
#include <config.h>

#include "dialogue.h"
#include "text.h"
#include "xmalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Without a model: the thresholds the rules alone can honour. */
static const struct model_thresholds no_model = {1.0f, 1.0f, 0.0f, 0.0f};

/* A cue vote at least this strong, with a question mark, makes a
 * reaction that then asks a question. */
#define ASKS_VOTES 1.0f

/* A question pointing back whose own topic is less sure than this goes
 * on with the last topic. */
#define FOLLOW_BELOW 0.5f

/* Cue votes that make a closing question count whatever the model's
 * confidence: two of the hand-written closing cues at least. */
#define CLOSING_VOTES 2.0f

/* An answer to "which did you mean?" is a short line. */
#define ANSWER_WORDS 8

/* A line that answers the host's question about the user without a
 * question mark is about the user, unless the model is this sure it is a
 * question ("what does a normal night shift look like"). */
#define SURE_QUESTION 0.8f

/* Two topics are a close call when the runner-up has at least this share
 * of the first's confidence. */
#define CLOSE_CALL 0.5f

/* A hello with "nice to meet you" or "how are you" in it is at most this
 * long. */
#define GREETING_WORDS 16
/* "Sorry, who's Raj again?" is at most this long. */
#define WHO_WORDS 8
/* "How are you?" with no hello before it is still small talk, this short. */
#define PLEASANTRY_ALONE 5

/* A request for leave ("would you mind if I jotted a few notes as we
 * go?") is at most this long. */
#define LEAVE_WORDS 30

/* An apology that asks a question of its own, sure of its topic, has
 * at least this many words ("sorry, what's your day like?"). */
#define SORRY_AND_ASK 5

/* "Sorry about that, my mistake." before a question is at most this
 * long. */
#define SORRY_WORDS 8

/* A "yes" to the host's offer of another topic is a short line. */
#define YES_WORDS 4

/* A line with a question mark is a question unless the model is this
 * sure it is something else, and gives a question at least ASK_AT_LEAST. */
#define ASK_UNLESS_SURE 0.6f
#define ASK_AT_LEAST 0.3f

/* ... and leans to the one it picks at least this much (probability plus
 * cue votes). */
#define PICK_LEAN 0.2f
/* Below this the model is not sure a short question that leans on the
 * last answer is off topic or a mere reaction. */
#define SURE_OTHER 0.7f

void
dialogue_init(struct dialogue *d, const struct model_thresholds *thr)
{
	if (thr == NULL)
		thr = &no_model;
	memset(d, 0, sizeof *d);
	d->topic = CAT_NONE;
	d->offered[0] = d->offered[1] = CAT_NONE;
	d->suggested = CAT_NONE;
	d->unsure_below = thr->category;
	d->closing_from = thr->closing;
}

void
dialogue_settle(struct dialogue *d, enum category cat)
{
	d->topic = cat;
	d->offered[0] = d->offered[1] = CAT_NONE;
}

void
dialogue_suggest(struct dialogue *d, enum category cat)
{
	d->suggested = cat;
}

void
dialogue_host_asked(struct dialogue *d)
{
	d->host_asked = true;
}

static bool
has_flag(const struct assessment *as, enum flag_kind k)
{
	for (size_t i = 0; i < as->nflags; i++)
		if (as->flags[i].rule->kind == k)
			return true;
	return false;
}

/* Whether the rules' cues vote clearly for cat: at least CLOSING_VOTES,
 * and more than for any other category. */
static bool
cues_agree(const struct assessment *as, enum category cat)
{
	for (int c = 0; c < CAT_COUNT; c++)
		if (c != (int)cat && as->votes[c] >= as->votes[cat])
			return false;
	return as->votes[cat] >= CLOSING_VOTES;
}

/* Whether a word of text (lowercase ASCII, at a word start) is w. */
static bool
has_word(const char *text, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = text; (p = strcasestr(p, w)) != NULL; p++) {
		bool start = p == text || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
		bool end = !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
		if (start && end)
			return true;
	}
	return false;
}

/* Whether text holds any of the words or phrases in list (as has_word). */
static bool
has_any_word(const char *text, const char *const *list)
{
	for (const char *const *w = list; *w != NULL; w++)
		if (has_word(text, *w))
			return true;
	return false;
}

/* The act of a line when there is no model: a few plain signs. */
static enum act
act_without_model(const struct assessment *as, const char *text, bool asks)
{
	if (asks || as->cat != CAT_NONE)
		return ACT_QUESTION;
	if (has_word(text, "thanks") || has_word(text, "thank"))
		return ACT_THANKS;
	if (has_word(text, "sorry") || has_word(text, "apologies"))
		return ACT_APOLOGY;
	if (has_word(text, "bye") || has_word(text, "goodbye"))
		return ACT_GOODBYE;
	if (has_word(text, "hello") || has_word(text, "hi"))
		return ACT_GREETING;
	return ACT_ACK;
}

/* Whether text starts with one of the words in list (caseless, whole
 * words). */
static bool
starts_with_word(const char *text, const char *const *list)
{
	while (*text == ' ' || *text == '"' || *text == '\'' || *text == '(')
		text++;
	for (const char *const *w = list; *w != NULL; w++) {
		size_t n = strlen(*w);
		if (strncasecmp(text, *w, n) == 0 && !((text[n] | 32) >= 'a' && (text[n] | 32) <= 'z'))
			return true;
	}
	return false;
}

/* Words a line about oneself starts with. */
static const char *const first_person[] = {"i", "i'm", "im", "i've", "ive", "i'd", "my", "we",
	"well i", "honestly i", NULL};

static const char *const greeting_words[] = {"hi", "hey", "hello", "hiya", "good morning",
	"good afternoon", "good evening", "morning", "dear", "greetings", NULL};

/* Whether text tells the speaker's background: their studies or work
 * ("i'm in my second year of nursing school", "i work in retail"). */
static bool
says_about_self(const char *text)
{
	static const char *const background[] = {"school", "degree", "student", "studying", "study",
		"studied", "graduate", "graduated", "university", "uni", "college", "course", "major",
		"year of", "yr of", "i work", "i worked", "working as", "work as", "my job", "career",
		"retail", "internship", "i was a", "i was an", "i used to", "used to work", "my background", "background in", "experience in", "manager",
		"years as", "years at", "years in", "for years", "yrs", "master", "masters", "master's",
		"mba", "phd", "bachelor", "bachelors", "bachelor's", "diploma", "apprentice",
		"apprenticeship", "i finish", "i finished", "i just finished", "bootcamp", "boot camp",
		"i do a", "i'm doing a", "im doing a", "i am doing a", "i made", "i built", "i build",
		"i've built", "ive built", "i've made", "ive made", "i am a", "i'm a", "im a", "i am an",
		"i'm an", "im an", "i'm learning", "im learning", "i am learning", "i learn", "learning to",
		"self-taught", "self taught", "trainee", "intern", "currently a", "currently an",
		"currently in", "currently working", "currently teaching", "currently studying", NULL};
	return has_any_word(text, background);
}

/* Whether text opens with a greeting, stretched or not ("hii", "heyyy",
 * "hellooo"): the first word with each run of one letter made one, as the
 * greetings are. */
static size_t words_in(const char *text);

bool
dialogue_asks_example(const char *text)
{
	static const char *const example[] = {"example", "an example", "examples", "like what",
		"such as what", "for instance", "eg", "e.g.", NULL};
	return words_in(text) <= 8 && has_any_word(text, example);
}

bool
dialogue_asks_growth(const char *text)
{
	static const char *const opens[] = {"are", "r", "is", "will", "do", "does", "have", "has",
		"any", "u", "you", "so", "and", NULL};
	static const char *const growth[] = {"more clients", "new clients", "more customers",
		"new customers", "more business", "taking on more", "take on more", "taking more clients",
		"firm growing", "company growing", "agency growing", "team growing", "business growing",
		"you growing", "u growing", "growing this year", "grow this year", "expanding this year",
		"expand this year", "business good", "business going well", "busier this year", NULL};
	if (words_in(text) > 14)
		return false;
	size_t n = strcspn(text, " ");
	bool yes_no = false;
	for (const char *const *o = opens; *o != NULL && !yes_no; o++)
		yes_no = strlen(*o) == n && strncmp(text, *o, n) == 0;
	return yes_no && has_any_word(text, growth);
}

bool
dialogue_asks_before(const char *text)
{
	static const char *const before[] = {"before that", "before then", "prior to that",
		"before this", "came before", "earlier than that", "before you got there",
		"before you started", "before all that", NULL};
	return words_in(text) <= 8 && has_any_word(text, before);
}

bool
dialogue_asks_time_left(const char *text)
{
	static const char *const clock_words[] = {"what time is it", "whats the time",
		"what's the time", "how much time do we have", "how much time is left",
		"how much time we have", "how much time have we", "how long do we have", "how long have we got",
		"how long we have", "time left", "minutes left", "time do we have", "time have we got",
		"time remaining", "are we running out of time", "how many minutes", "time remains",
		"doing for time", "doing on time", "are we on time", "we on time", "for time",
		"how much longer can we", "how much longer do we", "how much longer have we", NULL};
	return has_any_word(text, clock_words);
}

bool
dialogue_greets(const char *text)
{
	if (starts_with_word(text, greeting_words))
		return true;
	while (*text == ' ' || *text == '"' || *text == '\'' || *text == '(')
		text++;
	char first[16];
	size_t n = 0;
	for (const char *p = text; isalpha((unsigned char)*p); p++) {
		if (n + 1 >= sizeof first)
			return false;
		char c = (char)tolower((unsigned char)*p);
		if (n == 0 || first[n - 1] != c)
			first[n++] = c;
	}
	first[n] = '\0';
	static const char *const stretched[] = {"hi", "hey", "helo", "hiya", "heya", "halo", "yo", NULL};
	for (const char *const *w = stretched; *w != NULL; w++)
		if (strcmp(first, *w) == 0)
			return true;
	return false;
}

/* Words a question opens with. */
static const char *const question_opens[] = {"how", "what", "whats", "what's", "wat", "why",
	"when", "where", "who", "which", "do", "did", "does", "can", "could", "would", "have", "are",
	"is", NULL};

/* Whether text asks the host something without a question mark: it
 * opens with a question word and speaks to them ("how did you start",
 * "what do u do all day"). */
static bool
asks_host(const char *text)
{
	static const char *const you[] = {"you", "u", "your", "ur", "ya", "yours", NULL};
	/* "...I'd love to hear about is what a normal week looks like for
	 * you": a question word later on, asking about them. */
	static const char *const about_them[] = {"for you", "for u", "you do", "you did", "you got",
		"you started", "you became", "you chose", "your day", "your week", "your work",
		"your job", "your role", NULL};
	static const char *const wh[] = {"what", "how", "why", "which", NULL};
	return (starts_with_word(text, question_opens) && has_any_word(text, you)) ||
	    (has_any_word(text, wh) && has_any_word(text, about_them));
}

/* Words that open a line going on with what was just said. */
static const char *const going_on[] = {"and", "so", "but", "wait", "then", "oh so", "ok so",
	"okay so", "right so", "so then", "and then", "n", NULL};

/* Whether a short line points back at what the host just said: it opens
 * with "and", "so", "wait"..., or leans on "that", "it", "she"... */
static bool
points_back(const char *text)
{
	if (starts_with_word(text, going_on))
		return true;
	static const char *const back[] = {"that", "this", "it", "those", "them", "he", "she", "his",
		"her", "they", NULL};
	/* "Is there room for people without a PhD?" points nowhere. */
	static const char *const is_there[] = {"is there", "are there", "was there", "were there",
		"isn't there", "aren't there", "there is", "there are", "theres", "there's", NULL};
	size_t words = 0;
	for (const char *p = text; *p != '\0'; p++)
		if (*p == ' ')
			words++;
	if (words > 10)
		return false;
	bool there = has_word(text, "there") && !has_any_word(text, is_there);
	if (there)
		return true;
	for (const char *const *w = back; *w != NULL; w++)
		if (has_word(text, *w))
			return true;
	return false;
}

/* Whether text asks for the reason or for more ("why?", "is that
 * normal?", "and then?", "could you say more?"). */
static bool
goes_deeper(const char *text)
{
	static const char *const deeper[] = {"why", "how come", "how so", "is that normal",
		"is that common", "is that usual", "is that typical", "is it normal", "is it common",
		"what happened next", "and then", "like what", "such as", "for example", "say more",
		"tell me more", "go on", NULL};
	return has_any_word(text, deeper);
}

/* Whether text only asks the host to go on, every word of it a plea
 * for more ("tell me more", "go on pls", "more about that?", "can you
 * say a bit more?", "continue"). */
static size_t words_in(const char *text);

static bool
only_asks_for_more(const char *text)
{
	static const char *const filler[] = {"tell", "me", "us", "more", "about", "that", "this",
		"it", "those", "go", "on", "please", "pls", "plz", "plss", "pleas", "ok", "okay", "oh",
		"and", "so", "keep", "going", "continue", "say", "a", "bit", "little", "can", "could",
		"would", "you", "u", "ya", "elaborate", "expand", "further", "interesting", "wow",
		"really", "hmm", "please,", "some", "something", "explain", "little", "do", "mind",
		"thats", "that's", "sounds", "yes", "yeah", "then", "of", "one", "part", "the",
		"detail", "details", "mor", "moar", "plese", "again", NULL};
	static const char *const plea[] = {"more", "go on", "continue", "keep going", "elaborate",
		"expand", "further", "details", "detail", "mor", "moar", NULL};
	if (words_in(text) > 9 || !has_any_word(text, plea))
		return false;
	return text_words_all_in(text, filler, NULL);
}

/* Whether text speaks of using the host's name or of saying who sent
 * the user ("your name", "mention", "say we spoke", "you referred me"). */
static bool
speaks_of_name(const char *text)
{
	static const char *const words[] = {"name", "names", "mention", "mentioned", "mentioning",
		"say you", "say that you", "say we", "say that we", "said you", "tell them",
		"tell her", "tell him", "told them", "let them know", "refer", "referred", "reference",
		"you sent", "sent me", "suggested", "recommended", "pointed", "drop", "cite",
		"bring you up", "we spoke", "we talked", "we met", "we've spoken", "introduce",
		"introduced", "credit", "know you", NULL};
	return has_any_word(text, words);
}

/* Whether text asks leave to do something ("may I...", "is it okay
 * if I...", "do you mind if I..."). */
static bool
asks_leave(const char *text)
{
	static const char *const leave[] = {"may i", "can i", "could i", "is it ok", "is it okay",
		"is it alright", "is it all right", "would it be ok", "would it be okay",
		"would it be alright", "would it be all right", "do you mind", "would you mind",
		"mind if", "ok if", "okay if", "alright if", "all right if", NULL};
	return has_any_word(text, leave);
}

/* Words in text (runs of non-spaces). */
static size_t
words_in(const char *text)
{
	size_t n = 0;
	for (const char *p = text; *p != '\0'; p++)
		if (*p != ' ' && (p == text || p[-1] == ' '))
			n++;
	return n;
}

/* Which of the two offered topics a short answer picks: by "the first",
 * "the second" or "both", else the one the line itself leans to; -1 when
 * it leans to neither. */
static int
pick_by_word(const char *text)
{
	static const char *const first[] = {"first", "former", "the first one", "1", "both", "the former",
		NULL};
	static const char *const second[] = {"second", "latter", "the second one", "2", "other",
		"the latter", "the other one", NULL};
	for (const char *const *w = first; *w != NULL; w++)
		if (has_word(text, *w))
			return 0;
	for (const char *const *w = second; *w != NULL; w++)
		if (has_word(text, *w))
			return 1;
	return -1;
}

static int
pick_offered(const struct assessment *as, const char *text, const enum category offered[2])
{
	int byword = pick_by_word(text);
	if (byword >= 0)
		return byword;
	float a = as->judged ? as->j.cat[offered[0]] : 0, b = as->judged ? as->j.cat[offered[1]] : 0;
	a += as->votes[offered[0]];
	b += as->votes[offered[1]];
	/* It must lean clearly to one of them. */
	if (a < PICK_LEAN && b < PICK_LEAN)
		return -1;
	if (a == b)
		return -1;
	return a > b ? 0 : 1;
}

/* The line dialogue_hear works on, with what it needs to know of it. */
struct heard {
	const char *text;               /* the line as typed */
	const struct assessment *as;    /* what the rules and the model made of it */
	bool asks;                      /* it has a question mark */
	bool answering;                 /* the host had just asked the user something */
	enum category offered[2];       /* the two topics the host asked to choose
	                                   between ("X, or Y?"), or CAT_NONE */
	enum category suggested;        /* the topic the host offered instead, or
	                                   CAT_NONE */
};

/* "Shall I tell you about X instead?" "Yes, please.": a short yes takes
 * up the host's offer, a no declines it.  Whether that decided the act. */
static bool
hear_offer(struct dialogue *d, const struct heard *h, struct understanding *u)
{
	static const char *const yes[] = {"yes", "yeah", "yep", "sure", "please", "ok", "okay",
		"go on", "go ahead", "sounds good", "why not", NULL};
	static const char *const no[] = {"no", "nah", "no thanks", "not really", NULL};
	if (h->suggested == CAT_NONE || words_in(h->text) > YES_WORDS || h->asks)
		return false;
	if (starts_with_word(h->text, no)) {
		/* "No thanks, I'm good": the offer is declined. */
		u->act = ACT_ACK;
		u->conf = 1;
		return true;
	}
	for (const char *const *w = yes; *w != NULL; w++)
		if (has_word(h->text, *w)) {
			u->act = ACT_QUESTION;
			u->cat = h->suggested;
			u->conf = 1;
			d->topic = h->suggested;
			return true;
		}
	return false;
}

/* A job ask, a pay question and a question about the meeting's time are
 * what they are, whatever the model says.  Whether that decided the act. */
static bool
hear_outright(const struct heard *h, struct understanding *u)
{
	/* A job ask or a pay question is a question, whatever else it is. */
	if (has_flag(h->as, KIND_JOB_ASK) || has_flag(h->as, KIND_SALARY)) {
		u->act = ACT_QUESTION;
		u->conf = 1;
		return true;
	}
	/* "What time is it?", "how long have we got left?" ask about the
	 * meeting's time, whatever topic a word of it seems to cue. */
	if (dialogue_asks_time_left(h->text)) {
		u->act = ACT_TIME_FRAME;
		u->conf = 1;
		return true;
	}
	return false;
}

/* "Who's Raj?", "sorry, who is Marco again?" just after the host spoke:
 * who that was.  Whether that decided the act. */
static bool
hear_who(const struct dialogue *d, const struct heard *h, struct understanding *u)
{
	static const char *const who[] = {"who's", "whos", "who is", "who was", "sorry who's",
		"sorry whos", "sorry who is", "sorry, who's", "sorry, whos", "sorry, who is", "wait who's",
		"wait, who's", "wait who is", "wait, who is", "and who's", "and who is", "um who's",
		"sorry, who was", "sorry who was", NULL};
	/* "Who is Gail? She is still working there?", "who is Alan Pritchard,
	 * sorry, is he well known?": the first sentence or clause. */
	const char *mark = strpbrk(h->text, "?,");
	size_t first_words = words_in(h->text);
	if (mark != NULL) {
		char first[128];
		size_t n = (size_t)(mark - h->text);
		if (n < sizeof first) {
			memcpy(first, h->text, n);
			first[n] = '\0';
			first_words = words_in(first);
		}
	}
	/* "Who's the best person to ask about X?" asks whom to contact, not
	 * who someone the host named is. */
	static const char *const seeks[] = {"best person", "right person", "best people", "right people",
		"best contact", "right contact", "good person", "person to", "people to", "someone to",
		"anyone to", "to ask", "to talk to", "to talk with", "to speak to", "to speak with", "to contact",
		"to reach out", "to get in touch", "to approach", NULL};
	/* "Who was your biggest influence?", "who's ur mentor": someone the
	 * user describes, not one the host named: a question. */
	static const char *const described[] = {"your", "ur", "yr", "biggest", "greatest", "main",
		"favourite", "favorite", NULL};
	if (d->topic != CAT_NONE && first_words <= WHO_WORDS && starts_with_word(h->text, who) &&
	    !has_any_word(h->text, seeks) && !has_any_word(h->text, described)) {
		u->act = ACT_CLARIFY;
		u->cat = d->topic;
		u->conf = 1;
		return true;
	}
	return false;
}

/* The answer to "do you mean X, or Y?": a short line picks one, unless it
 * is plainly something else (a reaction, thanks) or a new question of its
 * own: sure of another topic, or a whole question ("is there much
 * paperwork?") whose likeliest topic is neither.  Whether that decided
 * the act. */
static bool
hear_pick(struct dialogue *d, const struct heard *h, struct understanding *u)
{
	const struct assessment *as = h->as;
	const enum category *offered = h->offered;
	bool other_act = as->judged && as->act != ACT_QUESTION && as->act != ACT_SELF &&
	    as->act != ACT_FOLLOW_UP && as->act != ACT_CLARIFY && as->act_conf >= 0.5f;
	bool new_question = h->asks && starts_with_word(h->text, question_opens) &&
	    words_in(h->text) >= 3 && !points_back(h->text) && !goes_deeper(h->text) &&
	    pick_by_word(h->text) < 0;
	bool own_topic = as->cat != CAT_NONE && as->cat != offered[0] && as->cat != offered[1] &&
	    as->judged && (as->cat_conf >= d->unsure_below || new_question);
	/* "The second", "the latter", "both" pick whatever the model makes
	 * of so short a line. */
	bool by_word = offered[0] != CAT_NONE && words_in(h->text) <= 4 && !h->asks &&
	    pick_by_word(h->text) >= 0;
	if (offered[0] == CAT_NONE || words_in(h->text) > ANSWER_WORDS ||
	    !(by_word || (!other_act && !own_topic)))
		return false;
	int pick = pick_offered(as, h->text, offered);
	/* "Could you say more?", "why is that?" to "did you mean X or Y?":
	 * the likelier one. */
	if (pick < 0 && (goes_deeper(h->text) || points_back(h->text)))
		pick = 0;
	if (pick < 0)
		return false;
	u->act = ACT_QUESTION;
	u->cat = offered[pick];
	u->conf = as->judged ? as->j.cat[offered[0]] + as->j.cat[offered[1]] : 1;
	u->closing = u->cat == CAT_REFERRALS || u->cat == CAT_MENTION_NAME;
	u->topic_sure = true;   /* the user said which */
	d->topic = u->cat;
	return true;
}

/* The act the model gives (or the plain signs, with no model); a line
 * that asks, which the model is unsure is anything else, is a question. */
static void
hear_model_act(const struct heard *h, struct understanding *u)
{
	const struct assessment *as = h->as;
	u->act = as->judged ? as->act : act_without_model(as, h->text, h->asks);
	u->conf = as->judged ? as->act_conf : 1;
	if (as->judged && h->asks && u->act != ACT_QUESTION && u->act != ACT_FOLLOW_UP &&
	    u->act != ACT_CLARIFY && as->act_conf < ASK_UNLESS_SURE &&
	    as->j.act[ACT_QUESTION] >= ASK_AT_LEAST)
		u->act = ACT_QUESTION;
}

/* Hellos, thanks and "how are you?": which of them open the meeting,
 * answer the host or are only small talk.  Whether that decided the act. */
static bool
hear_small_talk(struct dialogue *d, const struct heard *h, struct understanding *u)
{
	const char *text = h->text;
	/* "Hi, thanks for making the time" opens the meeting: a greeting,
	 * and the host's question still waits for its answer. */
	if (u->act == ACT_THANKS && d->topic == CAT_NONE && dialogue_greets(text))
		u->act = ACT_GREETING;
	/* "I am indebted to you for your time. Good afternoon." once the
	 * meeting is under way thanks and takes leave. */
	if (u->act == ACT_GREETING && u->thanks && d->topic != CAT_NONE && !h->asks) {
		u->act = ACT_THANKS;
		u->leaving = true;
	}
	/* "Nice weather today, no?", "what do you do for fun?": small talk,
	 * whatever topic a word of it seems to cue. */
	static const char *const chat[] = {"weather", "good weekend", "nice weekend", "your weekend",
		"the weekend go", "for fun", "hobbies", "hobby", "your holiday", "your vacation",
		"living in the city", "live in the city", "the game", "the match", "busy week for you",
		"been a busy week", "traffic this morning", "week going", "week been", "week so far",
		"weekend been", "hows ur day", "how's ur day", "hows your day", "how's your day",
		"how is your day", "how was your day", "in your spare time", "in your free time",
		"in ur spare time", "in ur free time", "half term", "half-term", "good holiday",
		"good break", "good christmas", "good easter", "good summer", "your break", NULL};
	/* "Did you have a good half term?" is a school holiday, not the
	 * meeting's half hour, whatever the model makes of "half". */
	bool clock = u->act == ACT_TIME_FRAME && !dialogue_asks_time_left(text);
	if ((u->act == ACT_QUESTION || u->act == ACT_ACK || u->act == ACT_OFF_TOPIC || clock) &&
	    has_any_word(text, chat) && !has_flag(h->as, KIND_JOB_ASK) && !has_flag(h->as, KIND_SALARY)) {
		u->act = ACT_OFF_TOPIC;
		u->conf = 1;
		return true;
	}
	/* "hey, ya im in my 2nd yr of nursing school. thx for doin this",
	 * said to the host's opening question, answers it. */
	if (h->answering && !h->asks && (u->act == ACT_GREETING || u->act == ACT_THANKS) &&
	    words_in(text) >= 5 && says_about_self(text)) {
		u->act = ACT_SELF;
		return false;
	}
	if (h->answering && (u->act == ACT_GREETING || u->act == ACT_TIME_FRAME))
		d->host_asked = true;

	/* "Hello Malcolm, nice to meet you. How are you today?" is a
	 * greeting, whatever topic "meet" seems to cue. */
	static const char *const pleased[] = {"meet you", "for meet you", "how are you", "how r u",
		"how are u", "hows it going", "how's it going", "how you doing", NULL};
	bool pleasantry = has_any_word(text, pleased);
	if (pleasantry && (dialogue_greets(text) || words_in(text) <= PLEASANTRY_ALONE) &&
	    words_in(text) <= GREETING_WORDS &&
	    !has_word(text, "what") && !has_word(text, "who") && !has_word(text, "why") &&
	    !has_word(text, "which")) {
		u->act = ACT_GREETING;
		u->conf = 1;
		return true;
	}
	return false;
}

/* Whether a line asks or answers: a reaction that asks about the work is
 * a question, an answer to the host is about the user, a reaction asking
 * why goes on with the last answer, and one bare word asks nothing. */
static void
hear_asks_or_answers(const struct dialogue *d, const struct heard *h, struct understanding *u)
{
	const struct assessment *as = h->as;
	const char *text = h->text;
	/* A reaction, thanks or an answer that then asks about the work is
	 * the question. */
	if (u->act != ACT_QUESTION && u->act != ACT_FOLLOW_UP && u->act != ACT_CLARIFY && h->asks &&
	    as->cat != CAT_NONE && as->votes[as->cat] >= ASKS_VOTES && u->act != ACT_TIME_FRAME)
		u->act = ACT_QUESTION;
	/* A line that answers what the host asked, without asking, is about
	 * the user ("in the shop i organized the stock..."). */
	static const char *const me[] = {"i", "i'm", "im", "i've", "ive", "my", "me", NULL};
	if (h->answering && !h->asks && (u->act == ACT_QUESTION || u->act == ACT_ACK) &&
	    !(as->judged && u->act == ACT_QUESTION && as->act_conf >= SURE_QUESTION &&
	    !starts_with_word(text, first_person) && !has_any_word(text, me)) &&
	    !(u->act == ACT_QUESTION && asks_host(text)))
		u->act = ACT_SELF;
	/* "I see. Why is it like this?", "is that normal?", "how come?": a
	 * reaction that asks for the reason or for more goes on with the
	 * last answer, however sure the model is that it is a reaction. */
	if ((u->act == ACT_ACK || u->act == ACT_OFF_TOPIC || u->act == ACT_SELF) && h->asks &&
	    d->topic != CAT_NONE && words_in(text) <= 12 &&
	    (as->cat == CAT_NONE || as->votes[as->cat] < ASKS_VOTES) && goes_deeper(text))
		u->act = ACT_FOLLOW_UP;
	/* One word with no question mark and no cue of a topic ("maybe",
	 * "yeah") asks nothing. */
	if (u->act == ACT_QUESTION && !h->asks && words_in(text) <= 1 &&
	    (as->cat == CAT_NONE || as->votes[as->cat] < ASKS_VOTES))
		u->act = h->answering ? ACT_SELF : ACT_ACK;
}

/* Whether text takes leave in so many words, each phrase ending its
 * clause ("thx, see ya", "gotta run now!", "ok bye"): "I have to go
 * back to school" and "I see you went into sales" do not. */
static bool
takes_leave_now(const char *text)
{
	static const char *const leaving_now[] = {"bye", "goodbye", "see ya", "see u", "see you", "cya",
		"ttyl", "talk soon", "take care", "gotta go", "got to go", "have to go", "must go",
		"gotta run", "got to run", "have to run", "must run", "see you later", "see you soon",
		"see you around", NULL};
	for (const char *const *w = leaving_now; *w != NULL; w++) {
		size_t k = strlen(*w);
		for (const char *at = strcasestr(text, *w); at != NULL; at = strcasestr(at + 1, *w)) {
			if (at > text && isalpha((unsigned char)at[-1]))
				continue;
			const char *end = at + k;
			if (strncasecmp(end, " now", 4) == 0)
				end += 4;
			while (*end == ' ')
				end++;
			if (*end == '\0' || (!isalnum((unsigned char)*end) && *end != '\''))
				return true;
		}
	}
	return false;
}

/* Taking leave: whether the line says goodbye in words, and a goodbye
 * only when the model is sure of one or the line says it. */
static void
hear_goodbye(const struct heard *h, struct understanding *u)
{
	/* A goodbye ends the meeting, so the model must be sure of one or the
	 * line must say it: "maybe" is no goodbye. */
	static const char *const leaving[] = {"cheers", "bye", "goodbye", "see you", "see ya", "see u",
		"cya", "ttyl", "take care", "have a good", "talk soon", "farewell", "later", "gotta go",
		"got to go", "must go", "have to go", "gotta run", "have to run", "must run",
		"i'll let you go", "let you go", NULL};
	/* Thanks that take leave ("thanks, see ya") end the meeting too
	 * ("cheers" alone is only thanks). */
	for (const char *const *w = leaving + 1; *w != NULL && !u->leaving; w++)
		u->leaving = has_word(h->text, *w);
	if (u->act == ACT_GOODBYE && h->as->judged && h->as->act_conf < SURE_OTHER) {
		bool says = has_any_word(h->text, leaving);
		if (!says)
			u->act = h->answering ? ACT_SELF : ACT_ACK;
	}
	/* "ok cool thx, see ya", "right, gotta run, bye" asks nothing and
	 * takes leave in so many words, whatever else it reacts to: thanks
	 * that take leave, or a goodbye. */
	if ((u->act == ACT_ACK || u->act == ACT_SELF || u->act == ACT_OFF_TOPIC) && !h->asks &&
	    takes_leave_now(h->text)) {
		u->act = u->thanks ? ACT_THANKS : ACT_GOODBYE;
		u->leaving = true;
	}
}

/* "Is that a good thing?" just after an answer leans on it: going on
 * with it, unless the model is sure it is something else. */
static void
hear_leaning(const struct dialogue *d, const struct heard *h, struct understanding *u)
{
	const struct assessment *as = h->as;
	if ((u->act == ACT_OFF_TOPIC || u->act == ACT_ACK) && h->asks && d->topic != CAT_NONE &&
	    words_in(h->text) <= 8 && points_back(h->text) && (!as->judged || as->act_conf < SURE_OTHER) &&
	    (as->cat == CAT_NONE || as->votes[as->cat] < ASKS_VOTES))
		u->act = ACT_FOLLOW_UP;
}

/* An apology that asks, puts a question right or tells about the user is
 * that question, follow-up or answer. */
static void
hear_apology(const struct dialogue *d, const struct heard *h, struct understanding *u)
{
	const struct assessment *as = h->as;
	const char *text = h->text;
	/* "Sorry, I meant during the school day, what happens when the kids
	 * arrive?" apologises and asks: the question is what to answer;
	 * "sorry, who's Dorothy?" asks about the last answer. */
	if (u->act == ACT_APOLOGY && h->asks) {
		static const char *const what[] = {"who's", "whos", "who is", "what's", "whats",
			"what is", "what do you mean", "what does", "meaning", NULL};
		bool asks_what = has_any_word(text, what);
		if (as->cat != CAT_NONE && as->judged && as->cat_conf >= d->unsure_below &&
		    words_in(text) >= SORRY_AND_ASK) {
			u->act = ACT_QUESTION;
			u->sorry = true;
		} else if (asks_what && d->topic != CAT_NONE) {
			u->act = ACT_CLARIFY;
		}
	}
	/* "sorry i mean how you balance it", "sorry i meant the school
	 * itself - how big is it?": a question put right, with or without
	 * a question mark, is that question, however unsure its topic. */
	static const char *const meant[] = {"i mean", "i meant", "meant to say", "what i meant",
		"i wanted to ask", "meant to ask", NULL};
	if (u->act == ACT_APOLOGY && words_in(text) >= SORRY_AND_ASK && has_any_word(text, meant)) {
		if (as->cat != CAT_NONE) {
			u->act = ACT_QUESTION;
			u->sorry = true;
		} else if (d->topic != CAT_NONE) {
			u->act = ACT_FOLLOW_UP;
		}
	}
	/* ... and so is one the model heard as a question already: the
	 * session answers what the correction adds, not the guess. */
	static const char *const puts_right[] = {"sorry", "apologies", "oops", "no", NULL};
	static const char *const opens_meant[] = {"i mean", "i meant", NULL};
	if ((u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP) && has_any_word(text, meant) &&
	    (has_any_word(text, puts_right) || starts_with_word(text, opens_meant)))
		u->corrects = true;
	/* "I'm doing a PGCE, well, applying for one, sorry, I'm in my final
	 * year" is about the user, sorry or not. */
	if (u->act == ACT_APOLOGY && !h->asks && says_about_self(text) && starts_with_word(text, first_person))
		u->act = ACT_SELF;
}

/* "May I record this?" asks leave, not for more: a question the host says
 * yes to, unless it asks to ask ("may I ask how you started?") or about
 * the host's name.  Whether the line asks such leave. */
static bool
hear_leave(const struct heard *h, struct understanding *u)
{
	/* Only leave for something that is plainly not the host's name:
	 * notes, a recording, a photo, a glass of water... */
	static const char *const things[] = {"notes", "note", "jot", "jotted", "write down",
		"write things down", "record", "recording", "notebook", "laptop", "photo", "picture",
		"water", "coffee", "tea", "sit", "close the door", "step out", "bathroom", "restroom",
		"toilet", "phone", "coat", "jacket", "window", NULL};
	const char *text = h->text;
	bool of_things = has_any_word(text, things);
	bool asks_for_leave = of_things && words_in(text) <= LEAVE_WORDS && asks_leave(text) &&
	    !speaks_of_name(text) && !has_word(text, "ask") && !has_word(text, "question");
	if (asks_for_leave && (u->act == ACT_FOLLOW_UP || u->act == ACT_ACK || u->act == ACT_OFF_TOPIC ||
	    u->act == ACT_APOLOGY || u->act == ACT_SELF || u->act == ACT_GREETING))
		u->act = ACT_QUESTION;
	return asks_for_leave;
}

/* The topic of a question: the model's, unless it is a close call between
 * two (then the host asks which), or leave asked for something; and how
 * sure of it.  A follow-up or a request to explain keeps the last topic. */
static void
hear_topic(struct dialogue *d, const struct heard *h, bool asks_for_leave, struct understanding *u)
{
	const struct assessment *as = h->as;
	/* How sure: the model's probability for the act it ends up with
	 * (times the topic's, for a question). */
	u->conf = as->judged ? as->j.act[u->act] : 1;
	switch (u->act) {
	case ACT_QUESTION:
		u->cat = as->cat;
		if (as->judged && u->cat != CAT_NONE)
			u->conf *= as->cat_conf;
		/* A close call between two topics, neither of them a closing
		 * question asked by mistake ("...or using my name?"). */
		bool closing_alt = (as->cat2 == CAT_REFERRALS || as->cat2 == CAT_MENTION_NAME) &&
		    as->cat != CAT_REFERRALS && as->cat != CAT_MENTION_NAME;
		if (u->cat != CAT_NONE && as->judged && as->cat_conf < d->unsure_below &&
		    as->cat2 != CAT_NONE && !closing_alt && as->cat2_conf >= CLOSE_CALL * as->cat_conf) {
			u->unsure = true;
			u->alt = as->cat2;
			d->offered[0] = u->cat;
			d->offered[1] = u->alt;
		}
		/* "Is it okay if I take notes?" asks leave, like "may I use
		 * your name?", but not for the name: no closing question. */
		if (asks_for_leave) {
			u->cat = CAT_NONE;
			u->unsure = false;
			u->leave = true;
			d->offered[0] = d->offered[1] = CAT_NONE;
		}
		u->closing = (u->cat == CAT_REFERRALS || u->cat == CAT_MENTION_NAME) && !u->unsure &&
		    (!as->judged || as->cat_conf >= d->closing_from || cues_agree(as, u->cat));
		/* "...more than the other persons in the team?" names people but
		 * asks for none to talk to: no referral without a word of
		 * meeting or being put in touch. */
		static const char *const meet[] = {"talk", "speak", "meet", "contact", "reach out",
			"connect", "introduce", "suggest", "recommend", "refer", "get in touch", "chat",
			"who else", "anyone else", "someone else", "email", "e-mail", "write to", "names",
			NULL};
		if (u->cat == CAT_REFERRALS && !u->closing && !u->unsure && as->cat2 != CAT_NONE &&
		    as->cat2 != CAT_MENTION_NAME && !has_any_word(h->text, meet)) {
			u->cat = as->cat2;
			u->unsure = false;
		}
		/* A closing question not sure enough to count is not answered as
		 * one either: the host asks. */
		if ((u->cat == CAT_REFERRALS || u->cat == CAT_MENTION_NAME) && !u->closing && !u->unsure &&
		    as->cat2 != CAT_NONE) {
			u->unsure = true;
			u->alt = as->cat2;
			d->offered[0] = u->cat;
			d->offered[1] = u->alt;
		}
		if (u->cat != CAT_NONE && !u->unsure)
			d->topic = u->cat;
		/* Below the threshold the host still answers its best guess,
		 * but the topic does not count as covered. */
		u->topic_sure = u->cat != CAT_NONE && !u->unsure &&
		    (!as->judged || as->cat_conf >= d->unsure_below);
		break;
	case ACT_FOLLOW_UP:
	case ACT_CLARIFY:
		u->cat = d->topic;
		break;
	default:
		break;
	}
}

/* Whether text asks what the host's own work is ("what is ur job
 * exactly?", "what do you do exactly?"), however much its "exactly"
 * sounds like "what do you mean exactly?": not what a word meant. */
static bool
asks_own_work(const char *text)
{
	static const char *const work[] = {"your job", "ur job", "yr job", "your role", "ur role",
		"your work", "ur work", "your position", "your title", "your job title", "you do",
		"u do", "you guys do", "you actually do", NULL};
	static const char *const meaning[] = {"mean", "meant", "means", "meaning", "by that",
		"explain", "jargon", "stand for", "again", NULL};
	return has_any_word(text, work) && !has_any_word(text, meaning) &&
	    (has_word(text, "what") || has_word(text, "whats") || has_word(text, "what's") ||
	    has_word(text, "wat"));
}

/* Whether the last of two or more sentences asks the host something,
 * though no "?" says so: "im jay, journalism student. wat do u do all day
 * at kestrel". */
static bool
asks_without_mark(const char *text)
{
	const char *last = text;
	for (const char *p = text; *p != '\0'; p++)
		if ((*p == '.' || *p == '!') && p[1] == ' ' && p[2] != '\0')
			last = p + 2;
	while (*last == ' ')
		last++;
	/* Only a question after something said first: a line of one
	 * sentence is left to the rules below. */
	return last != text && words_in(last) >= 3 && asks_host(last);
}

/* The rules run in this order, and the order matters: a rule sees the act
 * the rules before it left.  Those that decide the act outright come
 * first (the host's offer, job asks and pay, the time, "who's that?", a
 * pick between two topics), then the model's act and the rules that
 * correct it. */
void
dialogue_hear(struct dialogue *d, const struct assessment *as, const char *text,
    struct understanding *u)
{
	struct heard h = {
		.text = text,
		.as = as,
		.asks = strchr(text, '?') != NULL || asks_without_mark(text),
		.answering = d->host_asked,
		.offered = {d->offered[0], d->offered[1]},
		.suggested = d->suggested,
	};
	d->host_asked = false;
	memset(u, 0, sizeof *u);
	u->cat = u->alt = CAT_NONE;
	static const char *const thanks[] = {"thanks", "thank", "thx", "ty", "tysm", "tyvm", "thanx",
		"thnx", "thnks", "thankyou", "appreciate", "grateful", "indebted", "obliged", "cheers", NULL};
	for (const char *const *w = thanks; *w != NULL && !u->thanks; w++)
		u->thanks = has_word(text, *w);
	d->offered[0] = d->offered[1] = CAT_NONE;
	d->suggested = CAT_NONE;

	if (hear_offer(d, &h, u) || hear_outright(&h, u) || hear_who(d, &h, u) || hear_pick(d, &h, u))
		return;
	/* "Tell me more", "go on" just after an answer goes on with it,
	 * whatever topic the model guesses; just after the host asked the
	 * user something, it is no answer: the host asks again. */
	if (only_asks_for_more(text) && (h.answering || d->topic != CAT_NONE)) {
		if (h.answering) {
			u->act = ACT_ACK;
			u->more = true;
			d->host_asked = true;
		} else {
			u->act = ACT_FOLLOW_UP;
			u->cat = d->topic;
		}
		u->conf = as->judged ? as->j.act[u->act] : 1;
		return;
	}
	hear_model_act(&h, u);
	if (hear_small_talk(d, &h, u))
		return;
	/* A clarification needs something the host said to clarify: "what
	 * is your job exactly?" asks about the work itself. */
	bool own_work = u->act == ACT_CLARIFY && asks_own_work(text);
	if (own_work)
		u->act = ACT_QUESTION;
	hear_asks_or_answers(d, &h, u);
	hear_goodbye(&h, u);
	hear_leaning(d, &h, u);
	hear_apology(d, &h, u);
	/* Going on needs something to go on with. */
	if (u->act == ACT_FOLLOW_UP && d->topic == CAT_NONE)
		u->act = ACT_QUESTION;
	bool asks_for_leave = hear_leave(&h, u);
	/* A question that points back at the last answer, on its topic or
	 * without a clear one of its own, goes on with it. */
	if (u->act == ACT_QUESTION && d->topic != CAT_NONE &&
	    (h.asks || starts_with_word(text, going_on)) && points_back(text) && !asks_for_leave &&
	    d->topic != CAT_REFERRALS && d->topic != CAT_MENTION_NAME &&
	    (as->cat == d->topic || as->cat_conf < FOLLOW_BELOW))
		u->act = ACT_FOLLOW_UP;
	hear_topic(d, &h, asks_for_leave, u);
	if (own_work && u->act == ACT_QUESTION) {
		u->cat = d->topic = CAT_TYPICAL_DAY;
		u->unsure = false;
		u->topic_sure = true;
		d->offered[0] = d->offered[1] = CAT_NONE;
	}
	/* "Sorry, that was cheeky, forget I asked. What would you...?"
	 * apologises as well as asking. */
	static const char *const sorry[] = {"sorry", "so sorry", "apologies", "my apologies",
		"forgive me", "my bad", "oops", "i apologise", "i apologize", NULL};
	if (u->act == ACT_QUESTION && starts_with_word(text, sorry))
		u->sorry = true;
}

enum aside
dialogue_aside(const char *text)
{
	static const char *const asking[] = {"how", "what", "whats", "what's", "wat", "why", "when",
		"where", "which", "who", "do you", "do u", "can you", "can u", "could you", "would you",
		"are you", "r u", "is it", "tell me", "i wonder", "wondering", "curious", "ask", NULL};
	static const char *const bad[] = {"sick", "ill", "unwell", "flu", "tired", "exhausted",
		"terrible", "awful", "horrible", "miserable", "rough", "ugh", "knocked", "spilled",
		"spilt", "broke", "broken", "crashed", "lost", "stuck", "pouring", "freezing", "raining",
		"cold", "storm", "headache", "no sleep", "bad day", "so bad", "stressed", "nervous wreck",
		NULL};
	static const char *const funny[] = {"haha", "hahaha", "lol", "lmao", "rofl", "hehe", "funny",
		"joke", "kidding", ":)", ":d", NULL};
	/* About the user's own day: "my", "I", or the weather and such. */
	static const char *const own[] = {"my", "i", "i'm", "im", "i've", "ive", "me", "weather",
		"here", "today", "this morning", NULL};
	/* ... not about the work the user asks of: "nights are rough". */
	if (strchr(text, '?') != NULL || has_any_word(text, asking) || words_in(text) > 20 ||
	    !has_any_word(text, own))
		return ASIDE_NONE;
	/* "I'm tired of retail" is a reason for a change, not a bad day;
	 * "sorry, I'm so nervous lol" wants calming, not a laugh. */
	static const char *const not_news[] = {"tired of", "sick of", "sick and tired", "fed up",
		"nervous", "anxious", NULL};
	static const char *const sorry[] = {"sorry", "sry", "soz", NULL};
	if (has_any_word(text, not_news))
		return ASIDE_NONE;
	/* "Ugh, raining here" is small talk, not trouble: the weather
	 * alone, with nothing of illness, a mishap or a bad day. */
	static const char *const weather[] = {"weather", "rain", "raining", "rainy", "pouring",
		"drizzle", "drizzly", "snow", "snowing", "snowy", "freezing", "cold out", "so cold",
		"cold here", "cold today", "storm", "stormy", "windy", "foggy", "hot", "heatwave",
		"humid", "sunny", "miserable out", NULL};
	static const char *const trouble[] = {"sick", "ill", "unwell", "flu", "a cold", "tired",
		"exhausted", "knocked", "spilled", "spilt", "broke", "broken", "crashed", "lost", "stuck",
		"headache", "no sleep", "bad day", "stressed", "nervous wreck", "power", "flooded",
		"flood", "cancelled", "canceled", "late", "delayed", "soaked", NULL};
	if (has_any_word(text, weather) && !has_any_word(text, trouble))
		return ASIDE_WEATHER;
	if (has_any_word(text, bad))
		return ASIDE_BAD;
	/* "My sister is a teacher actually": news of the user's family. */
	static const char *const family[] = {"my brother", "my sister", "my mum", "my mom",
		"my mother", "my dad", "my father", "my parents", "my wife", "my husband", "my partner",
		"my son", "my daughter", "my cousin", "my aunt", "my uncle", "my gran", "my grandma",
		"my grandad", "my grandpa", "my grandmother", "my grandfather", "my best friend", NULL};
	static const char *const is[] = {"is", "was", "are", "were", "works", "worked", NULL};
	if (has_any_word(text, family) && has_any_word(text, is))
		return ASIDE_FAMILY;
	/* A joke is a little story: "haha my dog just barked". */
	if (has_any_word(text, funny) && has_word(text, "my") && !has_any_word(text, sorry))
		return ASIDE_FUNNY;
	return ASIDE_NONE;
}

enum colleagues
dialogue_asks_colleagues(const char *text)
{
	static const char *const team[] = {"who is your team", "who's your team", "whos your team",
		"who is on your team", "who's on your team", "whos on your team", "who is in your team",
		"who's in your team", "who are your colleagues", "who are your coworkers",
		"who are your co-workers", "who are your teammates", "who is in your team",
		"who do you work with", "who are you working with", "who are the people you work with",
		"who else is on your team", "who makes up your team", "who are your team", NULL};
	static const char *const boss[] = {"who is your boss", "who's your boss", "whos your boss",
		"who is your manager", "who's your manager", "whos your manager",
		"who is your line manager", "who's your line manager", "who is your supervisor",
		"who's your supervisor", "who do you report to", "who do you answer to",
		"who are you reporting to", "who's above you", "who is above you", "who's your head",
		"who is your head", "who is your director", "who's your director",
		"what is your boss like", "what's your boss like", "whats your boss like",
		"whats ur boss like", "what is your manager like", "what's your manager like",
		"whats your manager like", "whats ur manager like", "what's ur manager like",
		"how is your manager", "how's your manager", "hows your manager", "how is your boss",
		"how's your boss", "hows your boss", NULL};
	if (has_any_word(text, boss))
		return COLLEAGUES_BOSS;
	if (has_any_word(text, team))
		return COLLEAGUES_TEAM;
	return COLLEAGUES_NONE;
}

enum firm_ask
dialogue_asks_firm(const char *text, bool named_employer)
{
	static const char *const asking[] = {"what", "whats", "what's", "wat", "which", "who", "so",
		"and", NULL};
	static const char *const clients[] = {"clients", "customers", "retailers", "brands",
		"companies", "manufacturers", NULL};
	static const char *const for_them[] = {"work for", "work with", "you serve", "u serve",
		"are your", "are ur", "r ur", "do you have", "do u have", NULL};
	static const char *const sells[] = {"sell", "sells", "make", "makes", "produce", "produces",
		"offer", "offers", "do exactly", "actually do", NULL};
	static const char *const yours[] = {"your company", "ur company", "your firm", "ur firm",
		"your business", "your organisation", "your organization", "you guys", "u guys",
		"you sell", "u sell", "you make", "u make", "the company", "the firm", NULL};
	if (!starts_with_word(text, asking))
		return FIRM_ASK_NONE;
	if (has_any_word(text, clients) && has_any_word(text, for_them))
		return FIRM_ASK_CLIENTS;
	if (has_any_word(text, sells) && (named_employer || has_any_word(text, yours)))
		return FIRM_ASK_WHAT;
	return FIRM_ASK_NONE;
}

enum story
dialogue_asks_story(const char *text)
{
	static const char *const worst[] = {"worst", "hardest", "toughest", "scariest", "biggest",
		"most stressful", "most difficult", "biggest crisis", "biggest disaster", "worst crisis",
		NULL};
	static const char *const odd[] = {"weirdest", "strangest", "funniest", "craziest", "oddest",
		"wildest", "most memorable", "most unusual", "most embarrassing", "most surprising",
		"best", "proudest", "most interesting", NULL};
	/* ... of something that happened, not of the job as it is ("the
	 * hardest thing about your job" asks about the hard parts). */
	static const char *const event[] = {"happened", "happen", "dealt", "deal with", "handled",
		"faced", "had to", "seen", "saw", "ever", "remember", "been through", "went through",
		"crisis", "crises", "incident", "story", "stories", "moment", "mistake", "disaster",
		"day you", "shift you", "night you", NULL};
	static const char *const about[] = {"about your", "about ur", "about the job", "about being",
		"about working", "part of", "advice", NULL};
	if (!has_any_word(text, event) || has_any_word(text, about))
		return STORY_NONE;
	if (has_any_word(text, worst))
		return STORY_WORST;
	if (has_any_word(text, odd))
		return STORY_ODD;
	return STORY_NONE;
}

enum unknowable
dialogue_asks_unknowable(const char *text)
{
	static const char *const asks_figure[] = {"what will", "what'll", "how many", "how much",
		"what is going to", "what's going to", "whats going to", "will the", "how high",
		"how low", "what would", NULL};
	static const char *const ahead[] = {"next year", "next quarter", "next month", "next week",
		"tomorrow", "tmrw", "tmr", "in five years", "in 5 years", "in ten years", "in 10 years",
		"next yr", "nxt year", NULL};
	static const char *const market[] = {"share price", "stock price", "shares be", "stock be",
		"stock go", "shares go", "stock market", NULL};
	static const char *const past_day[] = {"yesterday", "last night", "this morning", "today",
		"last week", NULL};
	static const char *const counted[] = {"orders", "sales", "revenue", "deliveries",
		"shipments", "patients", "customers", "clicks", "visitors", "calls", "followers",
		"pallets", "profit", "turnover", NULL};
	static const char *const figures[] = {"budget", "budgets", "price", "prices", "cost", "costs",
		"revenue", "sales", "profit", "profits", "turnover", "number", "numbers", "figure",
		"figures", "rate", "rates", "headcount", "followers", "orders", "percent", "percentage",
		NULL};
	static const char *const fees[] = {"fee", "fees", "charge", "charges", "bill", "billed",
		"invoice", NULL};
	static const char *const clients[] = {"client", "clients", "customer", "customers", NULL};
	static const char *const yours[] = {"your", "ur", "yr", "you", "u", "the", "this", "a", "an",
		"our", "my", "that", NULL};
	if (has_any_word(text, market))
		return UNKNOWABLE_FUTURE;
	/* "What will happen with tariffs next year?", "will there be a
	 * recession?": what the economy or the government will do, which no
	 * one in the field can tell (what the host sees of it, it can). */
	static const char *const world[] = {"tariff", "tariffs", "interest rate", "interest rates",
		"inflation", "recession", "election", "elections", "the economy", "economy",
		"the government", "government", "minimum wage", "the markets", "trade war", "trade deal",
		"oil price", "oil prices", "fuel price", "fuel prices", "exchange rate", "brexit", NULL};
	static const char *const will_happen[] = {"what will happen", "what'll happen",
		"whats going to happen", "what's going to happen", "what is going to happen",
		"what happens", "gonna happen", "will there be", "is there going to be", "will we see",
		"will it", "will they", NULL};
	static const char *const will[] = {"will", "'ll", "going to", "gonna", NULL};
	if (has_any_word(text, world) && (has_any_word(text, will_happen) ||
	    (has_any_word(text, will) && has_any_word(text, ahead))))
		return UNKNOWABLE_FORECAST;
	/* "What will change in five years?" asks about trends, which the host
	 * can speak to; a figure ahead ("what will flour cost next year?",
	 * "how many kids will be in ur class next year") nobody knows. */
	bool a_figure = has_word(text, "how many") || has_word(text, "how much") ||
	    has_any_word(text, figures);
	/* "How many hours will I work next year?" asks what is usual, which
	 * the host knows. */
	static const char *const usual[] = {"i", "i'll", "ill", "me", "my", "usually", "typically",
		"normally", "new grad", "a new", NULL};
	if (has_any_word(text, asks_figure) && a_figure && has_any_word(text, ahead) &&
	    !has_any_word(text, usual))
		return UNKNOWABLE_FUTURE;
	if ((has_word(text, "how many") || has_word(text, "how much")) &&
	    has_any_word(text, past_day) && has_any_word(text, counted))
		return UNKNOWABLE_FIGURE;
	if ((has_word(text, "how much") || has_word(text, "what")) && has_any_word(text, fees) &&
	    has_any_word(text, clients))
		return UNKNOWABLE_CLIENT;
	/* "How many people work at Amazon?": another firm's headcount. */
	if (has_word(text, "how many")) {
		const char *at = strcasestr(text, " work at ");
		size_t skip = 9;
		if (at == NULL && (at = strcasestr(text, " employees at ")) != NULL)
			skip = 14;
		if (at == NULL && (at = strcasestr(text, " working at ")) != NULL)
			skip = 12;
		if (at != NULL && !starts_with_word(at + skip, yours) && isalpha((unsigned char)at[skip]))
			return UNKNOWABLE_HEADCOUNT;
	}
	return UNKNOWABLE_NONE;
}

/* Words an apology opens with. */
static const char *const apologising[] = {"sorry", "sry", "srry", "soz", "so sorry", "apologies",
	"my apologies", "forgive me", "my bad", "oops", "i apologise", "i apologize", "i'm sorry", "im sorry",
	"i am sorry", "pardon me", "excuse me", NULL};

/* Where the question after an apology starts in text[0..len) ("sorry
 * about that. do u like nights?", "my bad, what's your day like?"): the
 * apology ends its sentence, or its clause before a question word, and
 * what follows asks the host.  0 when text is not that. */
static size_t
asks_after_apology(const char *text, size_t len)
{
	/* "Sorry, I didn't catch that. Can u repeat?" is no apology for a
	 * slip but a request, which the whole line makes. */
	static const char *const not_a_slip[] = {"catch", "caught", "understand", "understood",
		"get that", "got that", "hear", "heard", "follow", "mean", "meant", "lost", "again",
		"repeat", "interrupt", "late", NULL};
	if (!starts_with_word(text, apologising))
		return 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (text[i] == '?')
			return 0;   /* the apology itself asks */
		bool stop = (text[i] == '.' || text[i] == '!' || text[i] == ';') && text[i + 1] == ' ';
		/* "sorry for being blunt, but what...", "sry if this is rude
		 * but whats...": a comma or a "but" ends the apology's clause. */
		bool but = i > 0 && text[i - 1] != ',' && strncasecmp(text + i, " but ", 5) == 0;
		bool comma = (text[i] == ',' && text[i + 1] == ' ') || but;
		if (!stop && !comma)
			continue;
		char *sorry = xstrndup(text, i);
		bool slip = words_in(sorry) <= SORRY_WORDS && !has_any_word(sorry, not_a_slip);
		free(sorry);
		if (!slip)
			return 0;
		size_t at = i + 1;
		while (at < len && text[at] == ' ')
			at++;
		if (len - at > 4 && strncasecmp(text + at, "but ", 4) == 0)
			at += 4;
		while (at < len && text[at] == ' ')
			at++;
		char *rest = xstrndup(text + at, len - at);
		bool asks = (strchr(rest, '?') != NULL || asks_host(rest)) && words_in(rest) >= 2 &&
		    (stop || starts_with_word(rest, question_opens));
		free(rest);
		if (asks)
			return at;
		if (stop)
			return 0;
	}
	return 0;
}

void
dialogue_judge(struct dialogue *d, struct assessor *a, struct matcher *m, const char *text,
    size_t len, struct assessment *as, struct understanding *u)
{
	/* "Sorry about that. Do u like nights?": the question is what the
	 * line asks; the apology's "that" is no pointer back to the last
	 * answer.  The question alone is judged, and it apologises. */
	size_t after = asks_after_apology(text, len);
	if (after > 0) {
		char *q = xstrndup(text + after, len - after);
		assess_line(a, m, q, len - after, NULL, 0, as);
		dialogue_hear(d, as, q, u);
		free(q);
		u->sorry = u->act == ACT_QUESTION || u->act == ACT_FOLLOW_UP || u->act == ACT_CLARIFY;
	} else {
		assess_line(a, m, text, len, NULL, 0, as);
		dialogue_hear(d, as, text, u);
	}
	if (u->act == ACT_QUESTION)
		return;
	bool continues = u->act == ACT_FOLLOW_UP || u->act == ACT_CLARIFY;
	size_t k = 0;
	for (size_t i = 0; i < as->nflags; i++)
		if (as->flags[i].rule->kind != KIND_CLOSED &&
		    (continues || as->flags[i].rule->kind != KIND_GOOGLEABLE))
			as->flags[k++] = as->flags[i];
	as->nflags = k;
}

enum flag_kind
dialogue_worst(const struct assessment *as)
{
	enum flag_kind worst = KIND_NONE;
	for (size_t i = 0; i < as->nflags; i++)
		if (worst == KIND_NONE || as->flags[i].rule->kind < worst)
			worst = as->flags[i].rule->kind;
	return worst;
}
