/*
 * progress.h -- past sessions side by side (infocoach progress).
 *
 * Each transcript is read (transcript_read.c) and its session rebuilt by
 * the same replay as 'report' (replay.c), so a session's score, flags
 * and closing questions here are the ones its report gives.  A bank's
 * rules are loaded once for all its sessions, so a directory of
 * thousands of transcripts takes seconds.  A file that cannot be read,
 * is not a transcript, or names a bank or persona that is not installed
 * is kept as skipped, with the reason: never fatal.  In a directory,
 * files whose names start with '.' (temporary files) and the thank-you
 * and follow-up drafts saved beside each transcript are passed over
 * without a word.  The same file given twice (or given and in the
 * directory) counts once.
 *
 * The reviews appended to a transcript (review_log.c) count too: how
 * many of the session's flagged lines and missed topics were put better
 * in one of them.
 *
 * Then the sessions are put in the order they were held, and the
 * trends worked out: topics never asked in any session, and the next
 * thing to practise.  This module prints nothing; progress_print.c and
 * progress_html.c lay it out.
 */
#ifndef INFOCOACH_PROGRESS_H
#define INFOCOACH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "taxonomy.h"

/* One past session, as its report would sum it up. */
struct progress_session {
	char *file;             /* the path as found or given (owned) */
	time_t started;         /* when the meeting started */
	char date[24];          /* "YYYY-MM-DD HH:MM" (UTC) */
	bool mock;              /* a mock interview (else practice) */
	char *bank;             /* the bank's id (owned) */
	char *persona;          /* the host's persona id (owned) */
	char *host;             /* the host's name (owned) */
	unsigned long planned;  /* planned seconds; 0 when untimed */
	uint64_t used_ms;       /* the meeting's length */
	unsigned questions;     /* questions asked (with a topic) */
	size_t lines;           /* lines said to the host */
	int score;              /* out of 100; -1 for an untimed session */
	unsigned flags[KIND_COUNT]; /* flags raised, by kind */
	unsigned nflags;        /* all of them */
	bool referrals;         /* asked whom else to talk to */
	bool mention_name;      /* asked to use the host's name */
	bool thanked;           /* thanked the host */
	bool asked[CAT_COUNT];  /* topics asked */
	unsigned reviews;       /* reviews appended to its transcript */
	unsigned lines_flagged; /* lines the coach flagged */
	unsigned lines_better;  /* of them, put better in some review */
	unsigned topics_missed; /* topics never asked */
	unsigned topics_better; /* of them, put better in some review */
	bool practised[CAT_COUNT];  /* topics not asked but put better in a
	                               review */
	dev_t dev;              /* the file's identity, to count it once */
	ino_t ino;
};

/* A file that is not a session that can be shown. */
struct progress_skip {
	char *file;             /* (owned) */
	char *reason;           /* the first problem, with its line (owned) */
};

struct progress_cache;
struct replay;

struct progress {
	struct progress_session *s; /* in the order held, after progress_finish() */
	size_t n, cap;
	struct progress_skip *skipped;  /* in the order met */
	size_t nskipped, capskipped;
	bool asked_ever[CAT_COUNT]; /* a topic asked in some session */
	bool practised_ever[CAT_COUNT]; /* a topic put better in some review */
	size_t reviewed;        /* sessions with a review */
	size_t timed;           /* sessions with a score */
	char *next;             /* the next thing to practise (owned) */
	char *next_question;    /* a bank question that goes with it, or NULL
	                           (owned) */
	struct progress_cache *cache;   /* banks loaded so far (owned) */
	struct replay *latest;  /* the replay of the latest session so far,
	                           until progress_finish() (owned) */
	time_t latest_started;  /* when it was held */
	char *latest_file;      /* its file (borrowed from s[]) */
};

/* An empty set of sessions; free it with progress_free(). */
struct progress *progress_new(void);

/* Read the transcript at path ("-": standard input) and add its
 * session, or a skip.  given:
 * named by the user (a directory among them is a skip), not found in
 * the transcript directory. */
void progress_add_file(struct progress *p, const char *path, bool given);

/*
 * Add every transcript in dir, in the order of their names.  A directory
 * that does not exist holds no session (nothing is added); one that
 * cannot be read is a skip.  Returns the number of entries looked at.
 */
size_t progress_add_dir(struct progress *p, const char *dir);

/* Put the sessions in the order held and work out the trends and the
 * next thing to practise.  Call once, after adding everything. */
void progress_finish(struct progress *p);

/* Free p and everything it owns; NULL is fine. */
void progress_free(struct progress *p);

#endif
