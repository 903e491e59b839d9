/*
 * report_html.h -- a session's report as one self-contained HTML page.
 *
 * The page has the session's header (bank, host, date, time used), the
 * score and its parts (or, for an untimed session, why there is none),
 * a timeline (an inline SVG chart of the user's questions by topic over
 * time, the flags and the timer's notices marked), coverage by topic and
 * tier, the flags with their suggestions, the closing questions, and at
 * the end the whole conversation as a list with times and speakers,
 * which the chart's points link to and which reads without the chart.
 * Every figure comes from the rebuilt session through report.c; this
 * module only lays them out.
 *
 * The page loads nothing: the style is inline, there is no script, and
 * a Content-Security-Policy forbids every load.  Every text from the
 * transcript or the bank is escaped for HTML, with control characters
 * shown as escapes.  Writing the page to a file safely is the caller's
 * job.
 */
#ifndef INFOCOACH_REPORT_HTML_H
#define INFOCOACH_REPORT_HTML_H

#include <stdio.h>

#include "replay.h"
#include "transcript_read.h"

/*
 * Write the page for the session r rebuilt from transcript d to fp.
 * The session's host generator is used for the suggested questions, as
 * report_text() uses it.  Returns 0, or -1 when fp reported a write
 * error (see ferror()).
 */
int report_html(FILE *fp, const struct transcript_doc *d, struct replay *r);

#endif
