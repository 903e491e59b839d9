/*
 * summary_html.h -- the class summary page of 'check --summary-html'.
 *
 * One self-contained HTML page for an adviser: a table with a row per
 * file checked (questions, findings by severity, job asks, pay
 * questions, closing questions, tiers), then each file's findings with
 * their suggestions.  Every text from a file or a rule is escaped; the
 * page loads nothing (a Content-Security-Policy forbids it).  It is made
 * from a tally that kept every file (tally.h); writing it to disk is the
 * caller's (cli_save_page).
 */
#ifndef INFOCOACH_SUMMARY_HTML_H
#define INFOCOACH_SUMMARY_HTML_H

#include <stdio.h>

#include "tally.h"

/* Write the page for t to fp.  Returns 0, or -1 when fp has an error. */
int summary_html(FILE *fp, const struct tally *t);

#endif
