/*
 * report.h -- what the coach says about a session as a whole.
 *
 * The report (time used, questions by category and tier, topics not yet
 * touched with a bank question for each, flags with their suggestions,
 * the closing questions) and the thank-you note draft, built from the
 * session's record.  Text is returned, not printed: the session decides
 * where it goes.
 */
#ifndef INFOCOACH_REPORT_H
#define INFOCOACH_REPORT_H

#include "bank.h"
#include "taxonomy.h"

struct flagnote;
struct session;

/* The parts of a timed session's score, in the order they are shown. */
enum score_part {
	SCORE_ETIQUETTE,
	SCORE_COVERAGE,
	SCORE_CLOSING,
	SCORE_PACING,
	SCORE_PARTS
};

/* What a part is worth and how it is earned: the one description the
 * text report, the HTML page and the man page (tests/unit/test_report.c
 * holds it to this table) all give. */
struct score_part_info {
	const char *name;       /* as a heading: "Etiquette" */
	const char *label;      /* in the text report's score line */
	int max;                /* points at most; the maxima add up to 100 */
	const char *why;        /* how the points are earned, one sentence
	                           with no full stop */
};

extern const struct score_part_info score_parts[SCORE_PARTS];

/* A timed session's score out of 100. */
struct score {
	int part[SCORE_PARTS];  /* points of each part, 0 to its max */
	int total;              /* their sum */
};

void report_score(struct session *s, struct score *sc);

/* How many questions the user asked (lines understood as one of the
 * taxonomy's categories). */
unsigned report_questions(const struct session *s);

/* The findings on pacing, one sentence a line: the pace and the time by
 * tier (or that nothing was asked), when each closing question came, and
 * how the meeting ended. */
#define PACING_LINES 5
struct pacing {
	char *line[PACING_LINES]; /* each newly allocated, with no indent or
	                             newline */
	size_t n;                 /* lines used */
};

/* The pacing lines of a timed session, into *p; free with
 * report_pacing_free. */
void report_pacing_lines(struct session *s, struct pacing *p);

/* Free the lines (p itself is the caller's). */
void report_pacing_free(struct pacing *p);

/* The pacing part of a timed session's text report, newly allocated:
 * a "Pacing" heading, the lines indented, and the score. */
char *report_pacing(struct session *s);

/* The report so far, newly allocated. */
char *report_text(struct session *s);

/* The flags so far with their suggestions, newly allocated. */
char *report_flags(struct session *s);

/* The better way to ask the line that raised f: for a closed question,
 * that question opened up where its words allow (as the coach said it),
 * else the rule's suggestion.  Newly allocated. */
char *report_try(const struct session *s, const struct flagnote *f);

/* A bank question for category want, or (CAT_NONE) for the first topic
 * not yet covered, in the order a good interview covers them; NULL when
 * the bank has none.  Borrowed from the bank. */
const struct question *report_suggest(struct session *s, enum category want);

/*
 * For every category never asked, the bank question the report suggests
 * for it (NULL when the bank has none); NULL for the others.  The
 * questions are picked in the order report_text() picks them, so a caller
 * that calls this instead of report_text() on the same session state
 * gets the same suggestions.  Borrowed from the bank.
 */
void report_untouched(struct session *s, const struct question *out[CAT_COUNT]);

/* The order in which a good interview covers the topics. */
extern const enum category report_order[CAT_COUNT];

/* A topic as one names it to the user ("how the field is changing"). */
const char *report_topic(enum category c);

/*
 * A persona's role as the thank-you note says it after "your work as":
 * with an article, and in lower case when it is a common noun ("Family
 * Nurse Practitioner" becomes "a family nurse practitioner", "Operations
 * manager" "an operations manager"); acronyms and names with capitals
 * inside (RN, QA, iOS) keep their case and an acronym takes the article
 * of its sound ("an RN").  A capitalised proper noun cannot be told from
 * a title-case word and is lowered too.  Only the part before the first
 * comma is the role ("Registered nurse, night shift" is "a registered
 * nurse"), and a post of one ("Head of supply chain planning", "Director
 * of nursing") takes no article.  Newly allocated.
 */
char *report_role(const char *role);

/* A short thank-you note draft that names something the host said (a
 * sentence of substance from a reply to a question on the job or the
 * industry, never small talk or a one-word answer), newly allocated. */
char *report_thanks(struct session *s);

/* The follow-up plan: the thank-you note within a day, the referrals,
 * an update, and keeping in touch about once a year; newly allocated.
 * report_final gives none when no question was asked. */
char *report_reminders(struct session *s);

/* At the end: say the report, save the thank-you draft beside the
 * transcript (when there is one) and say it too. */
void report_final(struct session *s);

#endif
