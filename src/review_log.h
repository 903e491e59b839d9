/*
 * review_log.h -- the reviews a transcript holds, as the report shows them.
 *
 * review.c appends a review to a session's transcript as records by
 * "flagged" ("turn N [RULE...]: what was said"), "missed" (a topic id),
 * "try", and the verdict on each try, "better" or "not yet".
 * transcript_read.c keeps those records apart from the session's; this
 * module groups them into items with their tries, and lays them out as
 * text for 'infocoach report' (report_html.c draws the same items).  A
 * record it does not know (a newer program's) is passed over.  It judges
 * nothing: the verdicts are the ones given at the time.
 */
#ifndef INFOCOACH_REVIEW_LOG_H
#define INFOCOACH_REVIEW_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "taxonomy.h"
#include "transcript_read.h"

/* One try and its verdict. */
struct review_log_try {
	const char *text;           /* as typed, escapes kept (borrowed) */
	const char *verdict;        /* why, or NULL when none was recorded
	                               (borrowed) */
	bool better;                /* the verdict was "better" */
};

/* One thing redone. */
struct review_log_item {
	bool missed;                /* a topic never asked; else a flagged line */
	enum category cat;          /* the topic (missed), or CAT_NONE */
	unsigned long turn;         /* the flagged line's turn (1-based), or 0 */
	char *rules;                /* its rule ids, space-separated (owned) */
	const char *said;           /* what was said, or the record's text as
	                               written when it is not in the usual
	                               form (borrowed) */
	struct review_log_try *tries;   /* in order (owned) */
	size_t ntries, captries;
	bool better;                /* some try was better */
};

/* One review. */
struct review_log {
	const struct transcript_review *src;   /* borrowed */
	struct review_log_item *items;         /* in order (owned) */
	size_t n, cap;              /* the items it reached */
	size_t total;               /* the items it set out to go through
	                               ("- items: N"), or n for an older
	                               review that does not say */
	size_t better;              /* items put better */
	size_t tried;               /* items with at least one try */
};

/*
 * How a review went, in the one wording every place uses (the review's
 * last words, 'report', its page): "2 of 14 put better; 1 not yet, 1
 * skipped, 10 not reached".  Of total items, better were put better;
 * tried had at least one try (the better ones among them), reached
 * were shown (the tried ones among them); a part of none is left out.
 * Newly allocated.
 */
char *review_summary(size_t better, size_t total, size_t tried, size_t reached);

/* The items of review rv (which must outlive the log); free with
 * review_log_free(). */
struct review_log *review_log_read(const struct transcript_review *rv);

/* Free a log; NULL is fine. */
void review_log_free(struct review_log *l);

/* Whether some review in d put better the flagged line of turn turn
 * (1-based, as the "flagged" records count; 0 for none), or, with turn
 * 0, the missed topic cat. */
bool review_log_better(const struct transcript_doc *d, unsigned long turn, enum category cat);

/* Every review in d as the report's text (newly allocated, ending
 * without a newline), or NULL when d holds none. */
char *review_log_text(const struct transcript_doc *d);

#endif
