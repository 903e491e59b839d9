/*
 * replay.h -- a session rebuilt from its transcript.
 *
 * replay_run() loads the rules and the bank a transcript names, finds
 * its persona, and feeds every line the user said (the "you" records) to
 * a new session: the same engine, assessor and host as practice and
 * mock, on a virtual clock moved to each record's time, with no
 * transcript and a display that discards everything.  The meeting then
 * ends the way the transcript says it ended (/end, the clock, /quit; a
 * transcript without an end, from a crash or an older version, ends at
 * its last record).  So the categories, flags, coverage, pacing and
 * score of the rebuilt session are what report.c computes for a live
 * one, by the same code, and so is the part about the user's own list
 * (--questions) when the header names one.
 *
 * What a transcript does not keep cannot come back: times are whole
 * seconds, the rules and bank are today's (a changed rule can flag a
 * line differently), and the host's words in the rebuilt session are
 * not the ones recorded (the transcript's own records are those).
 */
#ifndef INFOCOACH_REPLAY_H
#define INFOCOACH_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess.h"
#include "catalog.h"
#include "clock.h"
#include "diag.h"
#include "session.h"
#include "transcript_read.h"

/* A record that is not a turn of the rebuilt session. */
#define REPLAY_NO_TURN SIZE_MAX

struct replay {
	struct ruleset *rs;          /* the rules and the bank (owned unless
	                                rs_borrowed) */
	bool rs_borrowed;            /* rs is the caller's (replay_run_rules) */
	const struct bank *bank;     /* the bank (borrowed from rs) */
	const struct persona *persona;   /* the host (borrowed from bank) */
	struct assessor *as;         /* judges each line (owned) */
	struct clock clk;            /* virtual; at the end of the meeting */
	struct plan *plan;           /* the user's own list as the transcript
	                                has it, marked as the rebuilt session
	                                asked it, or NULL (owned) */
	struct session *s;           /* the rebuilt session, over (owned) */
	size_t *turn;                /* for each record of the document, its
	                                index in s->turns, or REPLAY_NO_TURN
	                                (owned) */
};

/*
 * Rebuild the session of transcript d.  bank, when not NULL, is the bank
 * to use instead of the one d names (a name or a file, as for --bank).
 * Problems go to dl with positions in d's file: a bank that is not
 * installed (at the "- bank:" line), a persona the bank does not have
 * (at the "- persona:" line), or the bank's own errors.  Returns the
 * replay (free with replay_free(); d must outlive it only for the
 * caller's own use of d), or NULL after an error.
 */
struct replay *replay_run(const struct transcript_doc *d, const char *bank, struct diag_list *dl);

/*
 * The same with the rules and bank rs (borrowed: it must outlive the
 * replay), loaded by the caller for d's bank, so that many transcripts
 * of one bank load it once.  rs must hold a bank (nbanks > 0).
 */
struct replay *replay_run_rules(const struct transcript_doc *d, struct ruleset *rs, struct diag_list *dl);

/* Free a replay; NULL is fine. */
void replay_free(struct replay *r);

#endif
