/*
 * plan_load.h -- reading the user's list of questions for a session
 * (practice --questions FILE).
 *
 * The list is read by the same checker as 'infocoach check' (the same
 * parsing: comments, list markers, a BOM, CRLF, suppressions, UTF-16),
 * and its findings are printed as 'check' prints them, before the
 * session starts.  A list that cannot be read, holds no question, or
 * asks for a job (unless forced) is refused with the reason.
 */
#ifndef INFOCOACH_PLAN_LOAD_H
#define INFOCOACH_PLAN_LOAD_H

#include <stdbool.h>
#include <stdio.h>

#include "assess.h"
#include "plan.h"

/*
 * Check the list at path with the session's assessor a (its rules and
 * policy; a->all_rules is set for the check, as 'check' sets it, and
 * restored after) for a meeting of duration seconds (0: 30 minutes, as
 * check's default); print the findings to out in check's text format,
 * and the refusal, if any, to stderr.  force: rehearse a list with a job ask
 * anyway.  Returns the plan (free with plan_free()), or NULL after a
 * message: unreadable, not UTF-8 or UTF-16, no question, a job ask.
 */
struct plan *plan_load(const char *path, struct assessor *a, unsigned long duration, bool force, FILE *out);

#endif
