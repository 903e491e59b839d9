/*
 * progress_print.c -- past sessions as text and JSON (see
 * progress_print.h).
 *
 * The text table's columns are as wide as their widest cell, or fitted
 * to the width given (table.c); every text that came from a file
 * (names, ids) is written with its control characters escaped.
 */
#include <config.h>

#include "progress_print.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "emit.h"
#include "report.h"
#include "table.h"
#include "text.h"
#include "xmalloc.h"

/* The name of a path without its directories. */
static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s != NULL && s[1] != '\0' ? s + 1 : path;
}

const char *
progress_file_cell(const struct progress_session *e)
{
	return base(e->file);
}

void
progress_length(const struct progress_session *e, char *buf, size_t len)
{
	char used[32], planned[32];
	clock_span(e->used_ms, used, sizeof used);
	if (e->planned > 0) {
		clock_span((uint64_t)e->planned * 1000, planned, sizeof planned);
		snprintf(buf, len, "%s/%s", used, planned);
	} else {
		snprintf(buf, len, "%s", used);
	}
}

void
progress_review_cell(const struct progress_session *e, char *buf, size_t len)
{
	if (e->reviews == 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%u of %u put better", e->lines_better + e->topics_better,
		    e->lines_flagged + e->topics_missed);
}

char *
progress_flag_cell(const struct progress_session *e)
{
	char buf[128] = "";
	size_t at = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		if (e->flags[k] == 0)
			continue;
		/* Words people read: "job ask 1, pay 2". */
		static const char *const label[KIND_COUNT] = {[KIND_JOB_ASK] = "job ask",
			[KIND_SALARY] = "pay", [KIND_GOOGLEABLE] = "googleable", [KIND_CLOSED] = "closed"};
		const char *l = label[k] != NULL ? label[k] : kind_name((enum flag_kind)k);
		int w = snprintf(buf + at, sizeof buf - at, "%s%s %u", at > 0 ? ", " : "", l, e->flags[k]);
		if (w > 0 && (size_t)w < sizeof buf - at)
			at += (size_t)w;
	}
	return xstrdup(at > 0 ? buf : "none");
}

const char *
progress_closing_cell(const struct progress_session *e)
{
	return e->referrals && e->mention_name ? "both" :
	    e->referrals ? "referrals" : e->mention_name ? "name" : "none";
}

/* The table's cells of one session (each newly allocated, safe to print). */
enum { COL_DATE, COL_KIND, COL_BANK, COL_LENGTH, COL_SCORE, COL_QUESTIONS, COL_FLAGS, COL_CLOSING,
	COL_REVIEW, COL_FILE, NCOLS };

static void
cells(const struct progress_session *e, char *c[NCOLS])
{
	char b[64];
	c[COL_DATE] = xstrdup(e->date);
	c[COL_KIND] = xstrdup(e->mock ? "mock" : "practice");
	char *bank = xasprintf("%s/%s", e->bank, e->persona);
	c[COL_BANK] = text_sanitize(bank, strlen(bank));
	free(bank);
	progress_length(e, b, sizeof b);
	c[COL_LENGTH] = xstrdup(b);
	c[COL_SCORE] = e->score >= 0 ? xasprintf("%d", e->score) : xstrdup("-");
	c[COL_QUESTIONS] = xasprintf("%u", e->questions);
	c[COL_FLAGS] = progress_flag_cell(e);
	c[COL_CLOSING] = xstrdup(progress_closing_cell(e));
	progress_review_cell(e, b, sizeof b);
	c[COL_REVIEW] = xstrdup(b);
	c[COL_FILE] = text_sanitize(progress_file_cell(e), strlen(progress_file_cell(e)));
}

/* One session as a block of lines: its number, date, kind and host,
 * then the figures, then the file, each wrapped to width. */
static void
session_block(FILE *fp, size_t n, char *const c[NCOLS], unsigned width)
{
	char *head = xasprintf("  %zu. %s  %s  %s", n, c[COL_DATE], c[COL_KIND], c[COL_BANK]);
	char *figures = xasprintf("     length %s; score %s; asked %s; flags: %s; closing: %s; review: %s",
	    c[COL_LENGTH], c[COL_SCORE], c[COL_QUESTIONS], c[COL_FLAGS], c[COL_CLOSING], c[COL_REVIEW]);
	char *file = xasprintf("     file %s", c[COL_FILE]);
	table_line(fp, head, 5, width);
	table_line(fp, figures, 5, width);
	table_line(fp, file, 5, width);
	free(head);
	free(figures);
	free(file);
}

static void
sessions_table(FILE *fp, const struct progress *p, unsigned width)
{
	/* The numbers are right-aligned; the text columns may be cut to fit. */
	static const struct table_col cols[NCOLS] = {
		[COL_DATE] = {"date (UTC)", false, false}, [COL_KIND] = {"kind", false, true},
		[COL_BANK] = {"bank/host", false, true}, [COL_LENGTH] = {"length", false, false},
		[COL_SCORE] = {"score", true, false}, [COL_QUESTIONS] = {"asked", true, false},
		[COL_FLAGS] = {"flags", false, true}, [COL_CLOSING] = {"closing", false, true},
		[COL_REVIEW] = {"review", false, true}, [COL_FILE] = {"file", false, true},
	};
	char ***rows = xcalloc(p->n + 1, sizeof *rows);
	for (size_t i = 0; i < p->n; i++) {
		rows[i] = xcalloc(NCOLS, sizeof *rows[i]);
		cells(&p->s[i], rows[i]);
	}
	fprintf(fp, "Sessions, in the order held (%zu):\n", p->n);
	/* A table wider than the terminal would cut its cells to nothing:
	 * then each session is a short block of its own, as psql's \x. */
	size_t need = 2;
	for (int k = 0; k < NCOLS; k++) {
		size_t w = utf8_columns(cols[k].head, strlen(cols[k].head));
		for (size_t i = 0; i < p->n; i++) {
			size_t c = utf8_columns(rows[i][k], strlen(rows[i][k]));
			w = c > w ? c : w;
		}
		need += w + (k > 0 ? 2 : 0);
	}
	if (width == 0 || need <= width)
		table_print(fp, cols, NCOLS, (const char *const *const *)rows, p->n, 2, width);
	else
		for (size_t i = 0; i < p->n; i++)
			session_block(fp, i + 1, rows[i], width);
	for (size_t i = 0; i < p->n; i++) {
		for (int k = 0; k < NCOLS; k++)
			free(rows[i][k]);
		free(rows[i]);
	}
	free(rows);
}

/* "the last N: " when a trend line shows only the last sessions. */
static size_t
trend_from(FILE *fp, size_t n)
{
	if (n <= PROGRESS_TREND_LAST)
		return 0;
	fprintf(fp, "the last %d: ", PROGRESS_TREND_LAST);
	return n - PROGRESS_TREND_LAST;
}

static void
trends(FILE *fp, const struct progress *p)
{
	fputs("\nTrends\n", fp);
	/* Score over the timed sessions. */
	fputs("  Score (timed sessions): ", fp);
	if (p->timed == 0) {
		fputs("none yet; a mock interview, or practice with --duration, is scored\n", fp);
	} else {
		int *sc = xcalloc(p->timed, sizeof *sc);
		size_t m = 0;
		for (size_t i = 0; i < p->n; i++)
			if (p->s[i].score >= 0)
				sc[m++] = p->s[i].score;
		size_t from = trend_from(fp, m);
		for (size_t i = from; i < m; i++)
			fprintf(fp, "%s%d", i > from ? " " : "", sc[i]);
		if (m > 1) {
			int d = sc[m - 1] - sc[0];
			if (d > 0)
				fprintf(fp, " (up %d since the first)", d);
			else if (d < 0)
				fprintf(fp, " (down %d since the first)", -d);
			else
				fputs(" (the same as the first)", fp);
		}
		fputs("\n", fp);
		free(sc);
	}
	/* Flags per session. */
	fputs("  Flags per session: ", fp);
	if (p->n == 0) {
		fputs("no session yet\n", fp);
	} else {
		size_t from = trend_from(fp, p->n);
		for (size_t i = from; i < p->n; i++)
			fprintf(fp, "%s%u", i > from ? " " : "", p->s[i].nflags);
		unsigned errors = 0;
		for (size_t i = 0; i < p->n; i++)
			errors += p->s[i].flags[KIND_JOB_ASK] + p->s[i].flags[KIND_SALARY];
		fprintf(fp, " (job asks and pay questions in all: %u)\n", errors);
	}
	/* What the reviews put better, of everything there was to redo. */
	char *rev = progress_reviewed_line(p);
	if (rev != NULL)
		fprintf(fp, "  Reviewed: %s\n", rev);
	free(rev);
	/* Topics never asked. */
	fputs("  Topics never asked in any session: ", fp);
	bool any = false;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (p->asked_ever[c])
			continue;
		fprintf(fp, "%s%s", any ? ", " : "", category_words((enum category)c));
		any = true;
	}
	if (!any) {
		fputs("none: every topic has been asked at least once\n", fp);
		return;
	}
	/* Rehearsed in a review is a start, not the real thing. */
	bool practised = false;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (p->asked_ever[c] || !p->practised_ever[c])
			continue;
		fprintf(fp, "%s%s", practised ? ", " : " (put better in a review: ", category_words((enum category)c));
		practised = true;
	}
	fputs(practised ? ")\n" : "\n", fp);
}

char *
progress_reviewed_line(const struct progress *p)
{
	unsigned lines = 0, lines_better = 0, topics = 0, topics_better = 0;
	for (size_t i = 0; i < p->n; i++) {
		lines += p->s[i].lines_flagged;
		lines_better += p->s[i].lines_better;
		topics += p->s[i].topics_missed;
		topics_better += p->s[i].topics_better;
	}
	if (p->n == 0)
		return NULL;
	if (p->reviewed == 0)
		return xasprintf("none of %zu session%s; 'infocoach review' redoes a session's flagged lines "
		    "and missed topics", p->n, p->n == 1 ? "" : "s");
	return xasprintf("%zu of %zu session%s; put better in a review: %u of %u flagged line%s, %u of %u "
	    "missed topic%s", p->reviewed, p->n, p->n == 1 ? "" : "s", lines_better, lines,
	    lines == 1 ? "" : "s", topics_better, topics, topics == 1 ? "" : "s");
}

void
progress_print_text(FILE *fp, const struct progress *p, unsigned width)
{
	if (p->n > 0)
		sessions_table(fp, p, width);
	else
		fputs("No sessions yet.\n", fp);
	/* The rest is written whole, then each line fitted to the width:
	 * its wrapped part goes on under the text after the label. */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (mem == NULL)
		xalloc_die();
	if (p->nskipped > 0) {
		fprintf(mem, "\nSkipped, not sessions that can be shown (%zu):\n", p->nskipped);
		for (size_t i = 0; i < p->nskipped && i < PROGRESS_TEXT_SKIPS; i++)
			text_printf(mem, "  %s: %s\n", base(p->skipped[i].file), p->skipped[i].reason);
		if (p->nskipped > PROGRESS_TEXT_SKIPS)
			fprintf(mem, "  and %zu more (--format json lists them all)\n",
			    p->nskipped - PROGRESS_TEXT_SKIPS);
	}
	trends(mem, p);
	text_printf(mem, "\nNext: %s\n", p->next);
	if (p->next_question != NULL)
		text_printf(mem, "  For example: \"%s\"\n", p->next_question);
	if (fclose(mem) != 0)
		xalloc_die();
	for (char *line = buf, *nl; line < buf + len; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		table_line(fp, line, line[0] == ' ' ? 4 : 2, width);
	}
	free(buf);
}

void
progress_print_json(FILE *fp, const struct progress *p)
{
	fputs("{\n  \"version\": 1,\n  \"sessions\": [", fp);
	for (size_t i = 0; i < p->n; i++) {
		const struct progress_session *e = &p->s[i];
		fprintf(fp, "%s\n    {\"file\": ", i > 0 ? "," : "");
		emit_json_string(fp, e->file);
		char iso[32];
		struct tm tm;
		if (gmtime_r(&e->started, &tm) == NULL || strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
			iso[0] = '\0';
		fprintf(fp, ", \"started\": \"%s\", \"kind\": \"%s\", \"bank\": ", iso, e->mock ? "mock" : "practice");
		emit_json_string(fp, e->bank);
		fputs(", \"persona\": ", fp);
		emit_json_string(fp, e->persona);
		fputs(", \"host\": ", fp);
		emit_json_string(fp, e->host);
		fprintf(fp, ",\n     \"planned_seconds\": %lu, \"length_ms\": %llu, \"questions\": %u, \"lines\": %zu, "
		    "\"score\": ", e->planned, (unsigned long long)e->used_ms, e->questions, e->lines);
		if (e->score >= 0)
			fprintf(fp, "%d", e->score);
		else
			fputs("null", fp);
		fputs(",\n     \"flags\": {", fp);
		for (int k = 0; k < KIND_COUNT; k++)
			fprintf(fp, "%s\"%s\": %u", k > 0 ? ", " : "", kind_name((enum flag_kind)k), e->flags[k]);
		fprintf(fp, "}, \"closing\": {\"referrals\": %s, \"mention_name\": %s, \"thanked\": %s},\n"
		    "     \"asked\": [", e->referrals ? "true" : "false", e->mention_name ? "true" : "false",
		    e->thanked ? "true" : "false");
		bool first = true;
		for (int c = 0; c < CAT_COUNT; c++) {
			if (!e->asked[c])
				continue;
			fprintf(fp, "%s\"%s\"", first ? "" : ", ", category_name((enum category)c));
			first = false;
		}
		fprintf(fp, "],\n     \"review\": {\"reviews\": %u, \"lines_flagged\": %u, \"lines_better\": %u, "
		    "\"topics_missed\": %u, \"topics_better\": %u}}", e->reviews, e->lines_flagged, e->lines_better,
		    e->topics_missed, e->topics_better);
	}
	fputs(p->n > 0 ? "\n  ],\n  \"skipped\": [" : "],\n  \"skipped\": [", fp);
	for (size_t i = 0; i < p->nskipped; i++) {
		fprintf(fp, "%s\n    {\"file\": ", i > 0 ? "," : "");
		emit_json_string(fp, p->skipped[i].file);
		fputs(", \"reason\": ", fp);
		emit_json_string(fp, p->skipped[i].reason);
		fputs("}", fp);
	}
	fputs(p->nskipped > 0 ? "\n  ],\n" : "],\n", fp);
	fputs("  \"trends\": {\n    \"scores\": [", fp);
	bool first = true;
	for (size_t i = 0; i < p->n; i++) {
		if (p->s[i].score < 0)
			continue;
		fprintf(fp, "%s%d", first ? "" : ", ", p->s[i].score);
		first = false;
	}
	fputs("],\n    \"flags_per_session\": [", fp);
	for (size_t i = 0; i < p->n; i++)
		fprintf(fp, "%s%u", i > 0 ? ", " : "", p->s[i].nflags);
	fputs("],\n    \"never_asked\": [", fp);
	first = true;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (p->asked_ever[c])
			continue;
		fprintf(fp, "%s\"%s\"", first ? "" : ", ", category_name((enum category)c));
		first = false;
	}
	fprintf(fp, "],\n    \"reviewed_sessions\": %zu,\n    \"put_better_in_review\": [", p->reviewed);
	first = true;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (p->asked_ever[c] || !p->practised_ever[c])
			continue;
		fprintf(fp, "%s\"%s\"", first ? "" : ", ", category_name((enum category)c));
		first = false;
	}
	fputs("]\n  },\n  \"next\": ", fp);
	emit_json_string(fp, p->next);
	fputs(",\n  \"next_question\": ", fp);
	emit_json_string(fp, p->next_question);
	fputs("\n}\n", fp);
}
