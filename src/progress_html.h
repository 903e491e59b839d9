/*
 * progress_html.h -- past sessions as one self-contained HTML page
 * (infocoach progress --html).
 *
 * The page has two inline SVG charts, the score of each timed session
 * over the sessions and the flags of each session by kind (stacked
 * bars), each followed by the same figures as a table that reads
 * without the chart; then the sessions, the files skipped, the topics
 * never asked and the next thing to practise.  Like the session report's
 * page it loads nothing (inline style, no script, a
 * Content-Security-Policy that forbids every load) and escapes every
 * text that came from a file.  Writing it safely is the caller's job.
 */
#ifndef INFOCOACH_PROGRESS_HTML_H
#define INFOCOACH_PROGRESS_HTML_H

#include <stdio.h>

#include "progress.h"

/* Write the page for p (finished) to fp.  Returns 0, or -1 when fp
 * reported a write error. */
int progress_html(FILE *fp, const struct progress *p);

#endif
