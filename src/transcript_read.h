/*
 * transcript_read.h -- reading a session's transcript back.
 *
 * transcript_read() parses the Markdown that transcript.c writes: the
 * header ("# infocoach mock session", then "- bank: ...", "- host: ...",
 * "- persona: ...", "- started: ...", "- duration: ...", "- policy: ...",
 * and for a session with the user's own list "- questions: FILE" and a
 * "- question: line N, CATEGORY: TEXT" for each of its questions)
 * and the records ("**HH:MM:SS.mmm who:** text", or whole seconds
 * "**HH:MM:SS who:** text" in older transcripts), each record's time
 * turned into the time since the meeting started.  Transcripts written before
 * the persona, duration and policy lines existed still read: untimed,
 * default policy, no persona id.  Unknown header lines are skipped, so a
 * newer program's transcripts read too.  After the session's records come
 * any reviews of it, each from a "## infocoach review" line on (struct
 * transcript_review); their records are kept apart, never replayed.
 *
 * The file is streamed through a fixed buffer and bounded: a line longer
 * than TRANSCRIPT_READ_MAX_LINE bytes, a file larger than
 * TRANSCRIPT_READ_MAX_BYTES or with more than TRANSCRIPT_READ_MAX_RECORDS
 * records is refused.  A file that is not a transcript,
 * binary data (a NUL byte), text that is not UTF-8, a line that is not a
 * record, a file cut in the middle of a line, or a header without its
 * bank or start time gives positioned diagnostics (FILE:LINE[:COL]), all
 * of them in one run, and no document.  Records keep their text as
 * written, control characters still escaped.
 *
 * This module knows nothing of banks, sessions or reports (replay.c
 * rebuilds a session from a document) and prints nothing.
 */
#ifndef INFOCOACH_TRANSCRIPT_READ_H
#define INFOCOACH_TRANSCRIPT_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "plan.h"
#include "taxonomy.h"

/* A line longer than this many bytes is refused: it holds more than
 * transcript.c ever writes in a record (TRANSCRIPT_MAX_TEXT, escaped). */
#define TRANSCRIPT_READ_MAX_LINE (512 * 1024)

/* A larger file, or one with more records, is refused before it fills
 * the memory: a half-hour session has about a hundred records. */
#define TRANSCRIPT_READ_MAX_BYTES (64L * 1024 * 1024)
#define TRANSCRIPT_READ_MAX_RECORDS 200000

/* Who a record is by. */
enum speaker {
	SPEAKER_YOU,            /* the user ("you") */
	SPEAKER_HOST,           /* the host, by their name */
	SPEAKER_COACH,          /* the coach ("coach") */
	SPEAKER_PROGRAM,        /* the program itself (TRANSCRIPT_PROGRAM) */
	SPEAKER_UNSENT,         /* words typed but never sent, when the
	                           meeting ended (TRANSCRIPT_UNSENT) */
};

/* One "**HH:MM:SS.mmm who:** text" line. */
struct transcript_record {
	unsigned long line;     /* where it is in the file (1-based) */
	uint64_t at_ms;         /* time since the meeting started, to the ms
	                           (whole seconds in older transcripts) */
	enum speaker speaker;   /* who said it */
	char *who;              /* the name as written (owned) */
	char *text;             /* as written, escapes kept (owned) */
};

/* A review of the session appended after it (review.c): the line
 * "## infocoach review", "- started: ...", "- items: N" and its own records ("flagged",
 * "missed", "try", "better", "not yet"; review_log.c says what they
 * mean), each record's time counted from the review's start. */
struct transcript_review {
	unsigned long line;     /* where its "## infocoach review" line is */
	char *started;          /* "- started:" as written, or NULL (owned) */
	time_t started_at;      /* the same as a time, or 0 */
	size_t items;           /* "- items: N", what it set out to go
	                           through, or 0 (older reviews) */
	struct transcript_record *records;  /* in file order (owned) */
	size_t nrecords;        /* how many */
	size_t caprecords;      /* allocated slots */
};

/* A transcript as read. */
struct transcript_doc {
	char *file;             /* the name given, for messages (owned) */
	bool mock;              /* the title says "mock session" */
	char *bank_id;          /* "- bank: ID (TITLE)" (owned) */
	char *bank_title;       /* the TITLE, or "" (owned) */
	unsigned long bank_line;    /* where the bank line is */
	char *host;             /* "- host:" as written, or NULL (owned) */
	char *persona_id;       /* "- persona:", or NULL in older files (owned) */
	unsigned long persona_line; /* where it is, or 0 */
	char *started;          /* "- started:" as written (owned) */
	time_t started_at;      /* the same as a time */
	unsigned long duration; /* planned seconds, 0 when untimed */
	enum policy policy;     /* POLICY_DEFAULT when not written */
	struct transcript_record *records;  /* in file order (owned) */
	size_t nrecords;        /* how many */
	size_t caprecords;      /* allocated slots */
	struct plan *plan;      /* the user's own list ("- questions:" and
	                           "- question:" lines), nothing marked asked
	                           yet, or NULL (owned) */
	struct transcript_review *reviews; /* the reviews after the session,
	                           in file order (owned) */
	size_t nreviews, capreviews;
};

/*
 * Read the transcript at path ("-" is standard input).  Problems go to
 * dl, each with its position.  Returns the document (free it with
 * transcript_doc_free()), or NULL when the file could not be read or has
 * at least one error.
 */
struct transcript_doc *transcript_read(const char *path, struct diag_list *dl);

/* The same from an open descriptor (not closed); name is used in
 * messages. */
struct transcript_doc *transcript_read_fd(const char *name, int fd, struct diag_list *dl);

/* Free a document and everything it owns; NULL is fine. */
void transcript_doc_free(struct transcript_doc *d);

#endif
