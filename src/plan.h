/*
 * plan.h -- the user's own list of questions, rehearsed in a session
 * (practice --questions FILE).
 *
 * A plan holds the list's questions in order, each with the category the
 * checker understood it under.  During the session each line said to
 * the host is matched to the list by understanding, not by its words
 * alone: the unasked question it says nearly word for word, else the
 * unasked question of the same category that shares the most content
 * with it (the earliest of equals).  A line of that category that shares
 * no content with any of them asks something else: it is added on the
 * spot, and the list's questions stay unasked.  From
 * that the plan knows the next unasked question, and at the end what was
 * asked, skipped, asked out of order and added on the spot.
 *
 * Reading the list (with the checker) is plan_load.c's job; this module
 * only keeps and matches, and prints nothing.
 */
#ifndef INFOCOACH_PLAN_H
#define INFOCOACH_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "taxonomy.h"

/* A question of the list not asked (yet). */
#define PLAN_NOT_ASKED ((size_t)-1)

struct plan_item {
	char *text;             /* as written in the list, safe to show (owned) */
	unsigned long line;     /* where it is in the list */
	enum category cat;      /* as the checker understood it, or CAT_NONE */
	size_t turn;            /* the turn that asked it, or PLAN_NOT_ASKED */
	size_t rank;            /* 0 for the first asked, 1 for the next... */
};

struct plan {
	char *file;             /* the list's name, for the report (owned) */
	struct plan_item *items;    /* in the list's order (owned) */
	size_t n, cap;
	size_t nasked;          /* how many were asked */
	char **added;           /* questions asked that were not on the list
	                           (owned) */
	size_t nadded, capadded;
};

/* A new, empty plan for the list named file; free with plan_free(). */
struct plan *plan_new(const char *file);

/* Add the question text[0..len) of the list's line, understood as cat. */
void plan_add(struct plan *p, unsigned long line, const char *text, size_t len, enum category cat);

/* The list question not asked yet that text says nearly word for word
 * (at least PLAN_CLOSE_WORDS and two thirds of its words of four letters
 * or more), or NULL: its topic settles a line the understanding found
 * unclear. */
#define PLAN_CLOSE_WORDS 3
const struct plan_item *plan_closest(const struct plan *p, const char *text);

/*
 * Turn number turn said text, understood as the act act about cat
 * (CAT_NONE: not about the work).  Marks the question of the list it
 * asks, if any (nearly its words, whatever the act and topic; or, for a
 * question or a follow-up, its topic and some of its content), or, for a
 * question (ACT_QUESTION) with a category, keeps it as added on the
 * spot; a follow-up, a clarification or a remark is never added.
 * Returns the item asked, or NULL.
 */
const struct plan_item *plan_hear(struct plan *p, size_t turn, const char *text, enum category cat,
    enum act act);

/* The first question of the list not asked yet, or NULL. */
const struct plan_item *plan_next(const struct plan *p);

/* Whether item i was asked after a question that comes later in the
 * list. */
bool plan_late(const struct plan *p, size_t i);

/* The report's part about the plan: asked, skipped, asked out of order,
 * added on the spot, indented as report.c's lines are; newly allocated,
 * ending in a newline. */
char *plan_report(const struct plan *p);

/* Free p; NULL is fine. */
void plan_free(struct plan *p);

#endif
