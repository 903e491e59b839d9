/*
 * progress_html.c -- past sessions as one self-contained HTML page (see
 * progress_html.h).
 *
 * Both charts share one geometry: a 1000-unit-wide view box, one slot
 * per session from left to right in the order held.  The score chart is
 * a line through the timed sessions only (0 to 100); the flags chart a
 * stacked bar per session, one colour per kind.  With many sessions the
 * slots get narrow and the labels under them are thinned out.
 */
#include <config.h>

#include "progress_html.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "progress_print.h"
#include "session.h"
#include "taxonomy.h"
#include "text.h"
#include "xmalloc.h"

#define CH_W 1000       /* view box width */
#define CH_LEFT 48      /* room for the y axis' labels */
#define CH_RIGHT 16
#define CH_TOP 16
#define CH_H 220        /* the plot's height */
#define CH_AXIS 40      /* room for the session labels */
#define MAX_LABELS 24   /* session labels under a chart, at most */

/* Text made safe for HTML: control characters escaped as on the
 * terminal, then the five special characters as entities. */
static void
esc(FILE *fp, const char *s)
{
	char *t = text_sanitize(s, strlen(s));
	for (const char *p = t; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(*p, fp);
		}
	}
	free(t);
}

static const char css[] =
    ":root{color-scheme:light dark;--bg:#f6f6f3;--card:#fff;--fg:#1c2230;--muted:#5d6575;"
    "--line:#e2e4e8;--accent:#3454c4;--job_ask:#c4321c;--salary:#a95a06;--googleable:#2c7f47;"
    "--closed:#6b4fb8}\n"
    "@media screen and (prefers-color-scheme:dark){:root{--bg:#121419;--card:#1b1e25;--fg:#e7e9ee;"
    "--muted:#a1a8b6;--line:#2f343e;--accent:#93abff;--job_ask:#ff7b66;--salary:#f4b350;"
    "--googleable:#72d193;--closed:#b9a4ff}}\n"
    "@media print{:root{--bg:#fff;--card:#fff;--fg:#000;--muted:#444}}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}\n"
    "header,main{max-width:1120px;margin:0 auto;padding:0 24px}\n"
    "header{padding-top:32px}\n"
    "h1{font-size:1.9rem;margin:0 0 .2em}\n"
    ".sub{color:var(--muted);margin:0 0 1em}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:14px;"
    "padding:20px 24px;margin:20px 0}\n"
    "h2{font-size:1.25rem;margin:0 0 .6em}\n"
    ".scroll{overflow-x:auto}\n"
    "svg{width:100%;min-width:560px;height:auto;display:block;font:12px system-ui,sans-serif}\n"
    "svg text{fill:var(--muted)}\n"
    "svg .grid{stroke:var(--line)}\n"
    "svg .score{fill:none;stroke:var(--accent);stroke-width:2.5}\n"
    "svg .dot{fill:var(--accent)}\n"
    ".k-job_ask{fill:var(--job_ask);background:var(--job_ask)}\n"
    ".k-salary{fill:var(--salary);background:var(--salary)}\n"
    ".k-googleable{fill:var(--googleable);background:var(--googleable)}\n"
    ".k-closed{fill:var(--closed);background:var(--closed)}\n"
    ".legend{list-style:none;padding:0;margin:.6em 0;display:flex;gap:18px;flex-wrap:wrap}\n"
    ".legend span{display:inline-block;width:.9em;height:.9em;border-radius:3px;margin-right:6px;"
    "vertical-align:-.1em}\n"
    "table{border-collapse:collapse;width:100%;font-size:.88rem}\n"
    "th,td{text-align:left;padding:5px 6px;border-bottom:1px solid var(--line);vertical-align:top}\n"
    /* Words wrap in a cell (a date before its time); a number or a
     * length stays whole, and a file name breaks where it must, so the
     * table fits its card. */
    "td.num,.nw{white-space:nowrap}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.file{overflow-wrap:anywhere}\n"
    "details{margin-top:.8em}\n"
    ".next{font-size:1.1rem}\n";

/* The x of session slot i of n: the middle of its slot. */
static double
slot_x(size_t i, size_t n)
{
	double w = (double)(CH_W - CH_LEFT - CH_RIGHT) / (double)(n > 0 ? n : 1);
	return CH_LEFT + w * ((double)i + 0.5);
}

/* The axis under a chart: a label (the session's number) every so many
 * sessions, so that at most MAX_LABELS are drawn. */
static void
session_labels(FILE *fp, size_t n)
{
	size_t every = n <= MAX_LABELS ? 1 : (n + MAX_LABELS - 1) / MAX_LABELS;
	for (size_t i = 0; i < n; i += every)
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%zu</text>", slot_x(i, n),
		    CH_TOP + CH_H + 18, i + 1);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">session, in the order held</text>",
	    CH_LEFT + (CH_W - CH_LEFT - CH_RIGHT) / 2, CH_TOP + CH_H + 36);
}

/* Horizontal grid lines with their values, from 0 to top in steps. */
static void
grid(FILE *fp, unsigned top, unsigned step)
{
	for (unsigned v = 0; v <= top; v += step) {
		double y = CH_TOP + CH_H - (double)CH_H * v / top;
		fprintf(fp, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
		    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%u</text>",
		    CH_LEFT, CH_W - CH_RIGHT, y, y, CH_LEFT - 8, y + 4, v);
	}
}

static void
score_chart(FILE *fp, const struct progress *p)
{
	fputs("<section id=\"score\"><h2>Score over time</h2>\n", fp);
	if (p->timed == 0) {
		fputs("<p>No timed session yet: a mock interview, or practice with <code>--duration</code>, "
		    "is scored out of 100.</p></section>\n", fp);
		return;
	}
	fprintf(fp, "<div class=\"scroll\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"score-t\">"
	    "<title id=\"score-t\">The score of each timed session, out of 100</title>", CH_W,
	    CH_TOP + CH_H + CH_AXIS + 8);
	grid(fp, 100, 25);
	fputs("<polyline class=\"score\" points=\"", fp);
	for (size_t i = 0; i < p->n; i++)
		if (p->s[i].score >= 0)
			fprintf(fp, "%.1f,%.1f ", slot_x(i, p->n), CH_TOP + CH_H - CH_H * p->s[i].score / 100.0);
	fputs("\"/>", fp);
	for (size_t i = 0; i < p->n; i++) {
		if (p->s[i].score < 0)
			continue;
		fprintf(fp, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"><title>%s: %d/100</title></circle>",
		    slot_x(i, p->n), CH_TOP + CH_H - CH_H * p->s[i].score / 100.0, p->s[i].date, p->s[i].score);
	}
	session_labels(fp, p->n);
	fputs("</svg></div>\n<details><summary>The scores as a table</summary><table>"
	    "<tr><th>session</th><th>date (UTC)</th><th>score</th></tr>", fp);
	for (size_t i = 0; i < p->n; i++)
		if (p->s[i].score >= 0)
			fprintf(fp, "<tr><td class=\"num\">%zu</td><td>%s</td><td class=\"num\">%d</td></tr>", i + 1,
			    p->s[i].date, p->s[i].score);
	fputs("</table></details></section>\n", fp);
}

static void
flags_chart(FILE *fp, const struct progress *p)
{
	unsigned most = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->s[i].nflags > most)
			most = p->s[i].nflags;
	fputs("<section id=\"flags\"><h2>Flags by kind, per session</h2>\n<ul class=\"legend\">", fp);
	for (int k = 0; k < KIND_COUNT; k++)
		fprintf(fp, "<li><span class=\"k-%s\"></span>%s</li>", kind_name((enum flag_kind)k),
		    session_kind_label((enum flag_kind)k));
	fputs("</ul>\n", fp);
	if (most == 0) {
		fputs("<p>No flag in any session.</p></section>\n", fp);
		return;
	}
	unsigned step = most <= 5 ? 1 : (most + 4) / 5;
	unsigned top = (most + step - 1) / step * step;
	double w = (double)(CH_W - CH_LEFT - CH_RIGHT) / (double)p->n;
	double bar = w * 0.6 > 40 ? 40 : w * 0.6;
	fprintf(fp, "<div class=\"scroll\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"flags-t\">"
	    "<title id=\"flags-t\">The flags of each session, by kind</title>", CH_W, CH_TOP + CH_H + CH_AXIS + 8);
	grid(fp, top, step);
	for (size_t i = 0; i < p->n; i++) {
		double y = CH_TOP + CH_H;
		for (int k = 0; k < KIND_COUNT; k++) {
			unsigned c = p->s[i].flags[k];
			if (c == 0)
				continue;
			double h = (double)CH_H * c / top;
			y -= h;
			fprintf(fp, "<rect class=\"k-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
			    "<title>%s: %u %s</title></rect>", kind_name((enum flag_kind)k), slot_x(i, p->n) - bar / 2,
			    y, bar, h, p->s[i].date, c, session_kind_label((enum flag_kind)k));
		}
	}
	session_labels(fp, p->n);
	fputs("</svg></div>\n<details><summary>The flags as a table</summary><table><tr><th>session</th>"
	    "<th>date (UTC)</th>", fp);
	for (int k = 0; k < KIND_COUNT; k++)
		fprintf(fp, "<th>%s</th>", session_kind_label((enum flag_kind)k));
	fputs("</tr>", fp);
	for (size_t i = 0; i < p->n; i++) {
		fprintf(fp, "<tr><td class=\"num\">%zu</td><td>%s</td>", i + 1, p->s[i].date);
		for (int k = 0; k < KIND_COUNT; k++)
			fprintf(fp, "<td class=\"num\">%u</td>", p->s[i].flags[k]);
		fputs("</tr>", fp);
	}
	fputs("</table></details></section>\n", fp);
}

static void
sessions(FILE *fp, const struct progress *p)
{
	fprintf(fp, "<section id=\"sessions\"><h2>Sessions (%zu)</h2>\n", p->n);
	if (p->n == 0) {
		fputs("<p>No sessions yet.</p></section>\n", fp);
		return;
	}
	fputs("<div class=\"scroll\"><table><tr><th>#</th><th>date (UTC)</th><th>kind</th><th>bank</th>"
	    "<th>host</th><th>length</th><th>score</th><th>asked</th><th>flags</th><th>closing</th>"
	    "<th>review</th><th>file</th></tr>\n", fp);
	for (size_t i = 0; i < p->n; i++) {
		const struct progress_session *e = &p->s[i];
		char len[64];
		progress_length(e, len, sizeof len);
		/* The date may go under the time, never break at its '-', and
		 * "14:00/20:00" may break after the '/'. */
		const char *sp = strchr(e->date, ' ');
		int dl = sp != NULL ? (int)(sp - e->date) : (int)strlen(e->date);
		fprintf(fp, "<tr><td class=\"num\">%zu</td><td><span class=\"nw\">%.*s</span> "
		    "<span class=\"nw\">%s</span></td><td>%s</td><td>", i + 1, dl, e->date,
		    sp != NULL ? sp + 1 : "", e->mock ? "mock" : "practice");
		esc(fp, e->bank);
		fputs("</td><td>", fp);
		esc(fp, e->host);
		const char *slash = strchr(len, '/');
		int ll = slash != NULL ? (int)(slash - len) + 1 : (int)strlen(len);
		fprintf(fp, "</td><td>%.*s%s%s</td><td class=\"num\">", ll, len, slash != NULL ? "<wbr>" : "",
		    slash != NULL ? slash + 1 : "");
		if (e->score >= 0)
			fprintf(fp, "%d", e->score);
		else
			fputs("&ndash;", fp);
		char *flags = progress_flag_cell(e);
		fprintf(fp, "</td><td class=\"num\">%u</td><td>%s</td><td>%s</td><td>", e->questions, flags,
		    progress_closing_cell(e));
		free(flags);
		char rev[64];
		progress_review_cell(e, rev, sizeof rev);
		fprintf(fp, "%s</td><td class=\"file\">", rev);
		esc(fp, progress_file_cell(e));
		fputs("</td></tr>\n", fp);
	}
	fputs("</table></div></section>\n", fp);
}

static void
rest(FILE *fp, const struct progress *p)
{
	fputs("<section id=\"next\"><h2>Next</h2>\n<p class=\"next\">", fp);
	esc(fp, p->next);
	fputs("</p>\n", fp);
	if (p->next_question != NULL) {
		fputs("<p>For example: &ldquo;", fp);
		esc(fp, p->next_question);
		fputs("&rdquo;</p>\n", fp);
	}
	fputs("<h2>Topics never asked in any session</h2>\n<p>", fp);
	bool any = false;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (p->asked_ever[c])
			continue;
		fprintf(fp, "%s%s", any ? ", " : "", category_words((enum category)c));
		any = true;
	}
	fputs(any ? "</p>\n" : "None: every topic has been asked at least once.</p>\n", fp);
	char *rev = progress_reviewed_line(p);
	if (rev != NULL) {
		fputs("<h2>Reviewed</h2>\n<p>", fp);
		esc(fp, rev);
		fputs("</p>\n", fp);
	}
	free(rev);
	fputs("</section>\n", fp);
	if (p->nskipped == 0)
		return;
	fprintf(fp, "<section id=\"skipped\"><h2>Skipped (%zu)</h2>\n<p>Files that are not sessions that can "
	    "be shown.</p><ul>\n", p->nskipped);
	for (size_t i = 0; i < p->nskipped; i++) {
		fputs("<li>", fp);
		esc(fp, p->skipped[i].file);
		fputs(": ", fp);
		esc(fp, p->skipped[i].reason);
		fputs("</li>\n", fp);
	}
	fputs("</ul></section>\n", fp);
}

int
progress_html(FILE *fp, const struct progress *p)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>infocoach: your progress</title>\n<style>\n", fp);
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n<header><h1>Your progress</h1>\n<p class=\"sub\">", fp);
	if (p->n == 0)
		fputs("No sessions yet.", fp);
	else
		fprintf(fp, "%zu session%s from %s to %s (UTC); %zu scored.", p->n, p->n == 1 ? "" : "s",
		    p->s[0].date, p->s[p->n - 1].date, p->timed);
	fputs("</p></header>\n<main>\n", fp);
	score_chart(fp, p);
	flags_chart(fp, p);
	rest(fp, p);
	sessions(fp, p);
	fputs("</main>\n</body>\n</html>\n", fp);
	return ferror(fp) ? -1 : 0;
}
