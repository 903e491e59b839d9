/*
 * progress_print.h -- past sessions as text for people and JSON for
 * scripts (infocoach progress).
 *
 * Text: a table of the sessions in the order held (date, kind, bank and
 * host, length, score, questions, flags by kind, closing questions,
 * what its reviews put better, file name), the files skipped with the
 * reason, the trends (score over the timed sessions, flags per session,
 * what the reviews put better, topics never asked) and the
 * next thing to practise.  JSON: the same figures, every file's path,
 * one object.  Only the layout is here: the figures are progress.c's.
 */
#ifndef INFOCOACH_PROGRESS_PRINT_H
#define INFOCOACH_PROGRESS_PRINT_H

#include <stdio.h>

#include "progress.h"

/* At most this many skipped files are listed in the text (JSON lists
 * them all), and this many sessions in a trend's line. */
#define PROGRESS_TEXT_SKIPS 20
#define PROGRESS_TREND_LAST 20

/* Write p (finished) as text to fp, in at most width columns (0: no
 * limit; see table_width()). */
void progress_print_text(FILE *fp, const struct progress *p, unsigned width);

/* Write p (finished) as one JSON object to fp. */
void progress_print_json(FILE *fp, const struct progress *p);

/* A session's length as the text shows it ("20:10 of 20:00", "6:30"),
 * into buf. */
void progress_length(const struct progress_session *e, char *buf, size_t len);

/* The flags of e by kind in words ("job ask 1, pay 2", or "none"), newly
 * allocated. */
char *progress_flag_cell(const struct progress_session *e);

/* The closing questions e asked: "both", "referrals", "name" or "none". */
const char *progress_closing_cell(const struct progress_session *e);

/* What the reviews of a session put better, as the text shows it: "-"
 * when it has none, else "N of M put better" (of its flagged lines and
 * topics never asked), into buf. */
void progress_review_cell(const struct progress_session *e, char *buf, size_t len);

/* What the reviews of every session put better, as one sentence ("2 of 4
 * sessions; put better in a review: 2 of 3 flagged lines, 1 of 19 missed
 * topics", or how to review when none was), newly allocated; NULL when
 * there is no session. */
char *progress_reviewed_line(const struct progress *p);

/* The name of e's file without its directories, as the table shows it
 * (the JSON keeps the whole path). */
const char *progress_file_cell(const struct progress_session *e);

#endif
