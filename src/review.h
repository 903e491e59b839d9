/*
 * review.h -- redo what went wrong: a walk through a finished session.
 *
 * A review takes a session that is over (a live one after /review, or
 * one rebuilt from its transcript by replay.c) and goes through each
 * line the coach flagged, in the order said, then each topic never
 * asked (the closing questions first): it shows what was said and why
 * it hurt (the rule's message), or which topic was missed, and takes the
 * user's better version.  Each try is judged at once by the same
 * understanding as the session (dialogue_judge()): a flagged line is
 * better when no flag of its kind is left, nothing as bad took its place
 * and it asks about the host's work; a missed topic when the try asks
 * about that topic surely enough to count.  An item an earlier review of
 * the same transcript put better is left out, so a second review goes on
 * with what is left.  Up to REVIEW_TRIES tries an
 * item; after the last, a way to put it is shown.  An empty line or
 * /skip moves on, /stop ends the review.
 *
 * The review is appended to the transcript (transcript_review_begin(),
 * then records by "flagged", "missed", "try", "better" and "not yet"),
 * each saved and synced as it is made, as every turn of the session
 * was; what the session said is never touched.  review_log.c reads
 * those records back.  This module reads no input and prints nothing:
 * lines come from review_input(), words go through the say() callback.
 */
#ifndef INFOCOACH_REVIEW_H
#define INFOCOACH_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "clock.h"
#include "session.h"
#include "transcript.h"
#include "transcript_read.h"

/* Tries on one item before the review moves on. */
#define REVIEW_TRIES 3

struct review_config {
	struct session *s;          /* the session, over (borrowed): its
	                               turns, flags, assessor and bank */
	struct transcript *t;       /* where the review is appended, or NULL
	                               for nowhere (borrowed) */
	struct clock *clock;        /* the time of each record (borrowed) */
	const struct transcript_doc *before;   /* the session's transcript as
	                               read, whose earlier reviews' items put
	                               better are left out, or NULL (a live
	                               session: none) (borrowed) */
	void (*say)(void *arg, enum voice v, const char *who, const char *text);
	void *say_arg;
};

/* One thing to redo. */
struct review_item {
	size_t turn;                /* the flagged line (index into s->turns),
	                               or SIZE_MAX for a missed topic */
	size_t flag0, nflags;       /* its flags: s->flags[flag0..+nflags) */
	enum category cat;          /* the missed topic, or CAT_NONE */
	const char *example;        /* a way to put it: the rule's suggestion
	                               or a bank question, or NULL (borrowed) */
};

struct review {
	struct review_config cfg;   /* as given */
	struct review_item *items;  /* in the order they are gone through */
	size_t n;                   /* how many */
	size_t done_before;         /* items left out: an earlier review put
	                               them better */
	size_t at;                  /* the item being redone */
	unsigned tries;             /* tries on it so far */
	size_t better;              /* items put better */
	size_t tried;               /* items with at least one try */
	bool started, over;         /* review_start() called; finished */
	bool save_failed;           /* a record could not be saved */
	struct matcher *m;          /* match state (owned) */
};

/* The things to redo in cfg->s, which must be over; review_start()
 * begins.  Free with review_free(). */
struct review *review_new(const struct review_config *cfg);

/* Why there is nothing to review (rv->n is 0), newly allocated: nothing
 * went wrong, or an earlier review put it all better. */
char *review_nothing(const struct review *rv);

/* Say what the review will go through, record its start and show the
 * first item (or say there is nothing to redo, and be over). */
void review_start(struct review *rv);

/* The user's line (no newline): a try, an empty line or /skip (the next
 * item), /stop (the end), /help. */
void review_input(struct review *rv, const char *line, size_t len);

/* Whether every item is done, or the review was stopped. */
bool review_over(const struct review *rv);

/* End the review (input ended, or it is over): say how it went, once. */
void review_finish(struct review *rv);

/* Free rv (not the borrowed parts); NULL is fine. */
void review_free(struct review *rv);

#endif
