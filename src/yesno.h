/*
 * yesno.h -- the host's yes or no to a yes/no question.
 *
 * "Do u like it?", "is it stressful?", "do you still write code?" want a
 * yes or a no before anything else.  This module says whether a line is
 * such a question, and which of the two the persona's own words support:
 * a reply on what the host likes is a yes to "do you like it?", one on
 * the hard parts a yes to "is it stressful?", and otherwise the sentence
 * of the persona's words (its opening, replies and their follow-ups) that
 * speaks of what the question names decides, a "no", "never", "these
 * days" or "at first" in it making it a no.  When its words say neither, it
 * says nothing: a host never guesses a yes.  It knows nothing of the
 * conversation and prints nothing.
 */
#ifndef INFOCOACH_YESNO_H
#define INFOCOACH_YESNO_H

#include <stdbool.h>

#include "bank.h"

enum yesno {
	YESNO_UNKNOWN,          /* its words do not say */
	YESNO_YES,
	YESNO_NO,
	YESNO_LITTLE,           /* a little: "I travel very little" */
};

/* Whether the normalised line q asks the host a yes/no question: it
 * opens (after "so", "and", "ok"...) with a verb before "you", "it",
 * "that" or "there" ("do u like it?", "is the job stressful?"). */
bool yesno_question(const char *q);

/*
 * The persona p's answer to the yes/no question q (normalised), whose
 * topic is cat (CAT_NONE when it has none), given in reply (the reply it
 * is about to give, whose sentences alone then decide), or, with reply
 * NULL, in any of its words.  When evidence is not NULL and the answer
 * comes from a sentence, that sentence is put there (newly allocated;
 * else NULL).
 */
enum yesno yesno_stance(const struct persona *p, const char *q, enum category cat, const char *reply,
    char **evidence);

/* The topic of the yes/no question q when it asks how the work itself
 * feels to the host: CAT_LIKES for "do u like it tho?" or "is it
 * boring?", CAT_CHALLENGES for "is it stressful?"; else CAT_NONE. */
enum category yesno_feeling(const char *q);

/* The words a reply to q starts with for answer a ("Yes, I do.", "It
 * can be, yes.", "Not really."): borrowed, static; NULL for
 * YESNO_UNKNOWN. */
const char *yesno_words(const char *q, enum category cat, enum yesno a);

/* Whether sentence is nothing but words yesno_words() gives ("Yes, I
 * do.", "Not really."): no gist of what the host said. */
bool yesno_bare(const char *sentence);

/* Whether text already opens with a yes or a no ("Yes, mostly.", "No.",
 * "Not really", "Yeah"). */
bool yesno_opens(const char *text);

/* Whether texts[0..n) (a reply and its follow-ups) speak of what the
 * yes/no question q asks about: they hold every key word of q but words
 * of feeling ("tired of"), in any of their forms ("Messy data" does not
 * speak of "do you still do data entry?", "freight and returns" not of
 * "do you still do tax returns?").  True when q names nothing. */
bool yesno_speaks_of(const char *q, const char *const *texts, size_t n);

#endif
