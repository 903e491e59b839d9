/*
 * session.h -- one rehearsal: the conversation's state and its turns.
 *
 * The session is the engine behind 'practice' and 'mock': it takes what
 * the user types (a /command or something said to the host), judges it
 * with the assessor, has the host answer in character, has the coach
 * speak up, keeps the record the report is made from, and appends every
 * turn to the transcript as it happens.  It never touches the terminal:
 * everything it says goes through the say() callback, so the same engine
 * runs under readline, under a pipe, and in unit tests.
 */
#ifndef INFOCOACH_SESSION_H
#define INFOCOACH_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assess.h"
#include "bank.h"
#include "clock.h"
#include "dialogue.h"
#include "host.h"
#include "transcript.h"
#include "voice.h"

/* Where the meeting is in its life.  It starts open and ends once, in
 * one of three ways; an ended session stays as it ended. */
enum session_state {
	SESSION_OPEN,           /* under way */
	SESSION_ENDED,          /* the user ended it (/end, end of input, a
	                           signal): the host said goodbye */
	SESSION_ENDED_BY_CLOCK, /* the grace after time up ran out: the host
	                           ended it */
	SESSION_QUIT,           /* the user left with /quit: no farewell, no
	                           report */
};

/* The timer's notices, in the order they fall due. */
enum notice {
	NOTICE_START,           /* agree the time frame with the host */
	NOTICE_HALF,            /* half the time is gone */
	NOTICE_FIVE,            /* five minutes left (5/6 of a short meeting) */
	NOTICE_TIMEUP,          /* time is up: tell the host, close now */
	NOTICE_END,             /* the grace is over: the host ends it */
	NOTICE_COUNT
};

/* One line the user said to the host. */
struct turn {
	uint64_t at_ms;         /* session clock when it was said */
	char *text;             /* what was said (owned) */
	enum category cat;      /* its category, or CAT_NONE */
	enum category cat2;     /* the topic of a second question asked in
	                           the same line ("who else ...? and may I
	                           use your name?"), or CAT_NONE */
	enum act act;           /* what it did in the conversation */
	float conf;             /* how sure the understanding was */
	bool flagged;           /* at least one flag */
	bool counted;           /* a question counted towards its topic */
	char *reply;            /* what the host answered (owned) */
	bool answered;          /* the reply was about the work itself */
	bool late;              /* said after the host's farewell: it only
	                           heard that the meeting is over, and counts
	                           for nothing */
};

/* One flag the coach raised. */
struct flagnote {
	size_t turn;            /* index into turns */
	const struct rule *rule;   /* borrowed */
	enum severity sev;
};

/* What only session.c reads (session.c). */
struct session_private;

struct session_config {
	const struct bank *bank;          /* borrowed */
	const struct persona *persona;    /* borrowed */
	struct assessor *assessor;        /* borrowed */
	struct clock *clock;              /* borrowed */
	struct transcript *transcript;    /* borrowed; may be NULL */
	struct transcript *events;        /* borrowed; may be NULL: one JSON
	                                     line per line said to the host */
	struct plan *plan;                /* borrowed; may be NULL: the user's
	                                     own list (--questions), which
	                                     cmd.c keeps up to date */
	uint64_t seed;                    /* for the host's choices */
	unsigned long duration;           /* planned seconds; 0 = untimed */
	bool local_greeting;              /* fit the host's "Good afternoon" to
	                                     the user's hour (a person at a
	                                     terminal; not a script or replay,
	                                     which say what the bank says) */
	void (*say)(void *arg, enum voice v, const char *who, const char *text);
	void *say_arg;
};

/* A session as the commands, the REPL, the replay and the report read
 * it; what only session.c needs is behind priv. */
struct session {
	struct session_config cfg;   /* as given */
	struct host host;            /* the persona's words */
	struct turn *turns;          /* every line said to the host */
	size_t nturns;
	struct flagnote *flags;      /* every flag raised */
	size_t nflags;
	unsigned asked[CAT_COUNT];   /* questions per category */
	unsigned unclear;            /* questions answered on a topic too
	                                uncertain to count (not in asked) */
	bool thanked;                /* the user thanked the host */
	struct assessment last_as;   /* how the last line was judged (/why) */
	struct understanding last_u; /* ... and understood */
	char *last_text;             /* the last line said to the host (owned) */
	char *last_norm;             /* ... normalised (owned) */
	bool events_failed;          /* an events write failed at least once */
	bool reported;               /* the final report was given (cmd.c) */
	bool review_wanted;          /* /review: once the report is given, walk
	                                through what went wrong (repl.c) */
	bool review_offer;           /* /end: once the report is given, offer
	                                /review (repl.c) */
	bool save_failed;            /* a transcript write failed at least once */
	char *thanks_path;           /* where the thank-you draft went (owned) */
	char *unsent;                /* words typed but not sent when the
	                                meeting ended, or NULL (owned) */
	struct session_private *priv; /* the rest, which only session.c reads:
	                                the conversation's working memory and
	                                where the meeting is (owned) */
};

/* Start a session: the host opens and asks the user something. */
struct session *session_new(const struct session_config *cfg);

/* Hear one line the user said to the host (no newline, and no NUL
 * byte: the line reader gives a piped line's as U+FFFD, linereader.h).
 * Blank lines and /commands are ignored: cmd_input() routes those. */
void session_input(struct session *s, const char *line, size_t len);

/* Where the meeting is: open, or how it ended. */
enum session_state session_state(const struct session *s);

/* Whether the session has ended (after /end, /quit, session_finish or
 * the clock): session_state() is not SESSION_OPEN. */
bool session_over(const struct session *s);

/* Whether the user left with /quit (no farewell, no report). */
bool session_quit(const struct session *s);

/* Whether the clock ended the meeting (the grace after time up ran
 * out). */
bool session_ended_by_clock(const struct session *s);

/* The meeting's planned length in milliseconds (the configured duration,
 * which is in seconds), or 0 for an untimed session. */
uint64_t session_planned_ms(const struct session *s);

/* Whether the meeting is planned for the usual length or longer
 * (MEETING_USUAL_MIN_S): the wrap-up notice then comes five minutes
 * before the end, else when five sixths of the time are gone. */
bool session_usual_length(const struct session *s);

/*
 * End the session if it has not ended (as /end does: the host's
 * farewell, and the record of how it ended; the report is the caller's,
 * cmd_conclude()).  Idempotent.
 */
void session_finish(struct session *s);

/*
 * Leave at once, as /quit does: the session ends with no farewell and no
 * report, and the transcript records that the user left.  Does nothing
 * when the session is already over.
 */
void session_leave(struct session *s);

/*
 * Give every timer notice that has fallen due (in a timed session); the
 * last one ends the session.  Call it whenever the clock may have moved.
 */
void session_tick(struct session *s);

/* Milliseconds until the next notice falls due, or UINT64_MAX when none
 * will (untimed, or all given). */
uint64_t session_next_due(const struct session *s);

/* The grace after time is up: 10% of the duration, at most 3 minutes. */
uint64_t session_grace_ms(const struct session *s);

/* When notice n falls due, in ms since the start (0 for every notice of
 * an untimed session). */
uint64_t session_notice_at(const struct session *s, enum notice n);

/* What notice n said (borrowed until session_free), or NULL while it has
 * not been given. */
const char *session_notice_text(const struct session *s, enum notice n);

/* Milliseconds since the session started. */
uint64_t session_elapsed(const struct session *s);

/* The meeting's length so far: until it ended, once it is over. */
uint64_t session_time_used(const struct session *s);

/*
 * The meeting ended with text typed but not sent (the clock ran out, a
 * signal came): keep a copy in s->unsent for the report and record it in
 * the transcript by TRANSCRIPT_UNSENT.  It is not said to the host and
 * counts for nothing.
 */
void session_unsent(struct session *s, const char *text);

/* Speak: append to the transcript and pass to the display.  While a
 * line said to the host is being answered, the coach's remarks wait
 * until the host has replied (or the turn is over): the coach always
 * speaks after the host. */
void session_say(struct session *s, enum voice v, const char *text);

/* A kind of flag as the coach names it before the rule's message ("job
 * ask", "pay question", "answer is on their website", "closed
 * question"). */
const char *session_kind_label(enum flag_kind k);

/* Free the session (not the borrowed parts); NULL is fine. */
void session_free(struct session *s);

#endif
