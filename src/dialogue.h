/*
 * dialogue.h -- what a line means in the conversation so far.
 *
 * The assessor judges a line alone (assess.h): its flags, its likeliest
 * category and act.  The dialogue keeps what the conversation has been
 * about and settles what the line does here: "Why is that?" goes on with
 * the topic the host just answered; a line after the host asked about the
 * user is the user's answer; a reaction that then asks is the question.
 * It also says when the host should not guess: a question whose topic is
 * too uncertain is "unsure", with the two likeliest topics to offer.
 *
 * The same code judges a conversation in practice, in mock, in a replayed
 * report and in the accuracy test.  It prints nothing.
 */
#ifndef INFOCOACH_DIALOGUE_H
#define INFOCOACH_DIALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "assess.h"
#include "host.h"
#include "taxonomy.h"

struct dialogue {
	enum category topic;     /* what the last question was about */
	bool host_asked;         /* the host just asked the user something */
	float unsure_below;      /* category confidence below which to ask */
	float closing_from;      /* confidence from which a closing question
	                            counts */
	enum category offered[2]; /* the host just asked which of these was
	                            meant (CAT_NONE: it did not) */
	enum category suggested; /* the host just offered to talk about this */
};

/* What a line means here. */
struct understanding {
	enum act act;            /* its dialogue act */
	enum category cat;       /* its topic (for question, follow_up and
	                            clarify), or CAT_NONE */
	float conf;              /* how sure of act and topic, 0..1 */
	bool unsure;             /* a question whose topic is too uncertain:
	                            ask which of cat and alt was meant */
	enum category alt;       /* the runner-up topic when unsure */
	bool closing;            /* a closing question sure enough to count */
	bool sorry;              /* a question that apologises first */
	bool corrects;           /* it puts the last question right ("sorry,
	                            I meant what made you leave banking") */
	bool leaving;            /* it takes leave ("see ya"), whatever its act */
	bool leave;              /* asks leave for something other than the
	                            host's name ("may I take notes?") */
	bool topic_sure;         /* a question whose topic is sure enough
	                            (unsure_below or more, or picked by the
	                            user) to count as covered */
	bool thanks;             /* it thanks the host, whatever its act
	                            ("Thanks so much! Who else should I ask?") */
	bool more;               /* it only asks the host to go on ("tell me
	                            more", "go on"), said when the host had
	                            just asked the user something */
};

/* A fresh conversation; the thresholds come from the model (or fixed
 * ones when there is none). */
void dialogue_init(struct dialogue *d, const struct model_thresholds *thr);

/* The topic of the last question turned out to be cat after all (the
 * host knew which it was): nothing is left to choose between. */
void dialogue_settle(struct dialogue *d, enum category cat);

/* The host offered to talk about cat instead: a "yes" takes it up. */
void dialogue_suggest(struct dialogue *d, enum category cat);

/* The host has asked the user a question (about themselves). */
void dialogue_host_asked(struct dialogue *d);

/*
 * Understand a line from its assessment and its text (as typed), and
 * move the conversation on.
 */
void dialogue_hear(struct dialogue *d, const struct assessment *as, const char *text,
    struct understanding *u);

/*
 * Judge a line said to the host as a session does: assess it (a with
 * match state m), understand it here (dialogue_hear(), which moves the
 * conversation on), and take out the flags that do not apply to what the
 * line does: only a question can be closed, and only a question (or
 * going on with one: a follow-up, a request to explain) can ask what the
 * website says.  The session, the review of a session and their tests
 * call this one function, so a line is judged the same in each.
 */
void dialogue_judge(struct dialogue *d, struct assessor *a, struct matcher *m, const char *text,
    size_t len, struct assessment *as, struct understanding *u);

/* The worst kind among as's flags (job asks first, then pay, then the
 * website, then closed questions), or KIND_NONE.  A closed question is
 * worth the coach's word only when it is the worst. */
enum flag_kind dialogue_worst(const struct assessment *as);

/* Whether text is an aside about the user's day that asks nothing ("the
 * weather here is terrible today", "my cat knocked my coffee over,
 * sorry!", "haha my dog just barked lol"), and of what kind. */
enum aside dialogue_aside(const char *text);

/* Whether text asks who the host's team are ("who is your team?",
 * "who do u work with?") or whom it reports to ("who is your boss?"). */
enum colleagues dialogue_asks_colleagues(const char *text);

/* Whether text asks what the host's organisation does ("what does your
 * company sell?"; named, when named_employer says text names it: "what
 * does harwood lisle sell?") or whom it works for ("which retailers do
 * you work for?"). */
enum firm_ask dialogue_asks_firm(const char *text, bool named_employer);

/* Whether text asks the host for a story from its work ("what's the
 * weirdest thing that happened at work?", "worst crisis you dealt
 * with?"), and for which kind. */
enum story dialogue_asks_story(const char *text);

/* Whether text asks the host something no host could answer from its own
 * work, and what. */
enum unknowable dialogue_asks_unknowable(const char *text);

/* Whether text asks how much of the meeting's time is left ("what time
 * is it?", "how many minutes do we have left?", "how are we doing for
 * time?"), whatever else it seems to be about. */
bool dialogue_asks_time_left(const char *text);

/* Whether text asks what came before the part of the host's path it
 * has just told ("and before that?", "what did you do before that?"),
 * not what came next. */
bool dialogue_asks_before(const char *text);

/* Whether text asks, yes or no, whether the host's organisation is
 * growing ("are you taking on more clients this year?", "is the firm
 * growing?"). */
bool dialogue_asks_growth(const char *text);

/* Whether text, a short line, asks the host for an example ("can you
 * give an example?", "like what?", "for instance?"). */
bool dialogue_asks_example(const char *text);

/* Whether the normalised line text opens with a greeting ("hi", "good
 * morning"). */
bool dialogue_greets(const char *text);

#endif
