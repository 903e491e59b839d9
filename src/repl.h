/*
 * repl.h -- the conversation's input and output: readline or a pipe.
 *
 * Whether the session is interactive is decided once, by the caller
 * (isatty on standard input).  Interactive sessions use GNU readline's
 * callback interface in a pselect() loop, so signals are handled in the
 * loop (Ctrl-C cancels the line being typed, SIGTERM, SIGHUP and SIGQUIT
 * end the session cleanly, Ctrl-Z suspends with the terminal restored,
 * a resize redraws) and timed notices can appear while the user types
 * without garbling the line.  A line ending in a backslash continues on
 * the next (one turn, its lines joined by newlines), and a bracketed
 * paste of several lines is one turn too.  Otherwise lines are read from standard
 * input with a bounded reader: no prompt, no colour, no readline, and
 * the user's lines are echoed after "> " so a piped rehearsal reads like
 * a conversation.  Everything the session says is printed through
 * voice.h, wrapped to the terminal's width (at most 100 columns; 78 when
 * piped, where the program's own lines are left whole).
 */
#ifndef INFOCOACH_REPL_H
#define INFOCOACH_REPL_H

#include <stdbool.h>

#include "review.h"
#include "session.h"

#define REPL_MAX_LINE 65536   /* bytes in one line read from a pipe */
#define REPL_HISTORY_SIZE 1000 /* lines kept in the history file */

struct repl_options {
	bool interactive;        /* readline on a terminal */
	uint64_t step_ms;        /* piped: advance the session's virtual clock
	                            this much before each line (for tests) */
	bool color;              /* ANSI colours */
	const char *history;     /* history file, or NULL for none */
	const struct bank *bank; /* for completing questions (borrowed) */
};

/* The session's say() callback; arg is a struct repl_options. */
void repl_say(void *arg, enum voice v, const char *who, const char *text);

/*
 * Run the session until it is over or input ends (which ends it as /end
 * does).  When it ended with /review, the review follows (review.h),
 * appended to the session's transcript, on the same input; a review
 * record that could not be saved sets s->save_failed.  Returns 0, or the
 * number of the signal (SIGTERM, SIGHUP, SIGQUIT) that ended it; the
 * caller re-raises it after cleaning up.
 */
int repl_run(struct session *s, const struct repl_options *o);

/*
 * Run review rv (of a session that is over) on the input: start it,
 * hand it each line until it is over or input ends, and finish it.
 * The prompt is "try> ".  Returns 0 or a signal's number, as
 * repl_run().
 */
int repl_review(struct review *rv, const struct repl_options *o);

#endif
