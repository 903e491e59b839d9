/*
 * transcript.h -- the session journal: an append-only Markdown file.
 *
 * A practice session is written as it happens, one record per turn:
 *
 *     **14:03:09.274 you:** What does a normal week look like for you?
 *
 * (UTC, to the millisecond; older transcripts have whole seconds,
 * "**14:03:09 you:**", and still read.)  Words typed but not
 * sent when the meeting ended are a record by TRANSCRIPT_UNSENT.
 *
 * Each record is appended with a single write() of the whole record and
 * then fdatasync(), so a crash, Ctrl-C, a closed terminal or kill -9
 * leaves every completed record intact and at most the last one missing.
 * Control characters and newlines in what is recorded are escaped
 * (text_sanitize), so one record is always one line.  A record that
 * cannot be saved (disk full, I/O error) is cut off the file again, kept
 * in memory and retried on the next append; after a failed sync the file
 * descriptor is closed and the file reopened, never trusted again.
 *
 * Files are 0600 in 0700 directories whatever the umask, are never
 * written through a symbolic link, and must be regular files owned by
 * the user.
 *
 * A session's transcript starts with a header that says what a replay
 * needs (transcript_begin()) and ends, when the meeting ended normally,
 * with a record by TRANSCRIPT_PROGRAM saying how it ended.
 * transcript_read.c reads the format back; change the two together.
 * This module does not read transcripts, print anything or decide what
 * to do when saving fails: error messages are returned raw, to be
 * printed with diag_error(), which escapes control characters.
 */
#ifndef INFOCOACH_TRANSCRIPT_H
#define INFOCOACH_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "plan.h"

/* Recorded text longer than this many bytes is cut and ends in " [...]". */
#define TRANSCRIPT_MAX_TEXT (64 * 1024)

/* Who the program's own records are by, and what the last record of a
 * session says: the meeting ended (/end, Ctrl-D or the end of input),
 * the host ended it after the grace, or the user left with /quit. */
#define TRANSCRIPT_PROGRAM "infocoach"
#define TRANSCRIPT_END "The meeting ended."
#define TRANSCRIPT_END_CLOCK "The host ended the meeting: the time and its grace were over."
#define TRANSCRIPT_END_QUIT "You left the meeting with /quit."

/* Who a record of words typed but never sent is by: what was on the
 * user's line when the meeting ended.  Not something said. */
#define TRANSCRIPT_UNSENT "you (unsent)"

/* What the header of a session's transcript says, one line each. */
struct transcript_meta {
	bool mock;                  /* title "infocoach mock session", else
	                               "infocoach practice session" */
	const char *bank_id;        /* "- bank: ID (TITLE)" */
	const char *bank_title;
	const char *host;           /* "- host: NAME, ROLE at EMPLOYER" */
	const char *persona_id;     /* "- persona: ID" */
	uint64_t started_ms;        /* "- started: YYYY-MM-DD HH:MM:SS.mmm UTC"
	                               (ms since the epoch) */
	unsigned long duration;     /* "- duration: 30m" (duration_format()),
	                               no line when 0 (untimed) */
	const char *policy;         /* "- policy: NAME" (strict, default...) */
	const struct plan *plan;    /* the user's own list (--questions), or
	                               NULL: "- questions: FILE", then one
	                               "- question: line N, CATEGORY: TEXT"
	                               each ("none" when it has no category) */
};

struct transcript;

/*
 * Open the transcript at path for appending, creating it (mode 0600) and
 * its missing parent directories (mode 0700) as needed.  An existing file
 * with group or other permissions is changed to 0600.  Returns a new
 * transcript to be closed with transcript_close(), or NULL with a message
 * in err[0..errlen) when path is a symbolic link ("refusing to write
 * through the symbolic link 'PATH'"), not a regular file, owned by
 * another user, or cannot be opened.
 */
struct transcript *transcript_open(const char *path, char *err, size_t errlen);

/*
 * The default transcript path for a session with bank bank_id started at
 * now: "<dir>/<YYYYmmdd>-<HHMMSS>-<bank_id>.md", in UTC, where dir is
 * the given directory or, when it is NULL, "<state dir>/sessions" (see
 * files_state_dir()).  Characters of bank_id other than letters,
 * digits, '.', '-' and '_' become '_'.  Returns a newly allocated string,
 * or NULL when there is no state directory.  The path may already exist;
 * transcript_create() finds a free one.
 */
char *transcript_default_path(const char *dir, const char *bank_id, time_t now);

/*
 * Create a new transcript at the default path in dir (NULL: the state
 * directory's sessions/), creating dir (0700) when needed, or at the same path ending
 * in "-2.md", "-3.md" ... up to "-100.md" when that name is taken; an
 * existing file is never reused.  Otherwise like transcript_open().
 */
struct transcript *transcript_create(const char *dir, const char *bank_id, time_t now,
    char *err, size_t errlen);

/*
 * Record that who said text at when_ms (milliseconds since the epoch):
 * queue the record "**HH:MM:SS.mmm who:** text" (UTC) and save everything
 * queued, oldest
 * first.  who and text must not be NULL; text is cut at
 * TRANSCRIPT_MAX_TEXT bytes.  Returns 0 when every queued record is
 * saved, or -1 with the reason in transcript_error(); the records that
 * were not saved stay queued (see transcript_pending()) and the file
 * holds exactly the records saved before.
 */
int transcript_append(struct transcript *t, const char *who, const char *text,
    uint64_t when_ms);

/*
 * Append line (one line, no newline: a JSON object of an events file)
 * as a record of its own, saved like transcript_append().
 */
int transcript_append_line(struct transcript *t, const char *line);

/*
 * Record a header block "# title" followed by a bulleted list of the n
 * strings in lines (lines may be NULL when n is 0), as one record saved
 * like transcript_append().  Returns 0 or -1 in the same way.
 */
int transcript_header(struct transcript *t, const char *title,
    const char *const *lines, size_t n);

/*
 * Record the header of a session's transcript (see struct
 * transcript_meta) with transcript_header().  Every field must be set.
 * Returns 0 or -1 like transcript_append().
 */
int transcript_begin(struct transcript *t, const struct transcript_meta *m);

/*
 * Record the start of a review of the session (review.c): the line
 * "## infocoach review", "- started: YYYY-MM-DD HH:MM:SS.mmm UTC"
 * (started_ms, ms since the epoch) and "- items: N" (how many things it
 * will go through; no line when 0), as one record saved like
 * transcript_append().  The review's own records follow it; what the
 * session said before is never touched.
 */
int transcript_review_begin(struct transcript *t, uint64_t started_ms, size_t items);

/*
 * Try again to save the queued records.  Returns 0 when nothing is left
 * queued, or -1 with the reason in transcript_error().
 */
int transcript_flush(struct transcript *t);

/* How many records are queued but not saved yet. */
size_t transcript_pending(const struct transcript *t);

/* The file's path; valid until transcript_close(). */
const char *transcript_path(const struct transcript *t);

/*
 * Why the last append or flush failed, e.g. "cannot save the transcript
 * 'PATH': No space left on device", or "" after a success.  Valid until
 * the next call on t.
 */
const char *transcript_error(const struct transcript *t);

/*
 * Try one last time to save the queued records, then close the file and
 * free t.  Returns 0 when every record was saved, or -1 when some never
 * were; those are lost.  To tell the user why, call transcript_flush()
 * and read transcript_error() before closing.  NULL is fine: returns 0.
 */
int transcript_close(struct transcript *t);

/*
 * Save text atomically (files_save_atomic()) next to the transcript: at
 * its path with the ending ".md" replaced by suffix (e.g. ".thanks.txt"),
 * or with suffix added when the path does not end in ".md".  Returns 0,
 * with the path saved to in *saved (newly allocated) when saved is not
 * NULL, or -1 with a message in err[0..errlen).
 */
int transcript_save_beside(const struct transcript *t, const char *suffix,
    const char *text, char **saved, char *err, size_t errlen);

#endif
