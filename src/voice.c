/*
 * voice.c -- how each voice is printed (see voice.h).
 */
#include <config.h>

#include "voice.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "text.h"

/*
 * Write the words of safe text from column col, breaking lines between
 * words so that none passes width (a word longer than a line stands
 * alone); a new line starts indent columns in.  Words are joined by one
 * space, or with keep_spaces by the spaces between them in the text
 * (leading spaces too), so a table row keeps its columns.
 */
static void
wrap_words(FILE *fp, const char *safe, unsigned col, unsigned indent, unsigned width, bool keep_spaces)
{
	bool line_start = true;   /* nothing written yet */
	const char *p = safe;
	while (*p) {
		const char *w = p;
		while (*w == ' ')
			w++;
		const char *e = w;
		while (*e && *e != ' ')
			e++;
		if (e == w)
			break;
		unsigned sp = keep_spaces ? (unsigned)(w - p) : !line_start;
		unsigned wl = (unsigned)utf8_columns(w, (size_t)(e - w));
		if (!line_start && col > indent && col + sp + wl > width) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			fprintf(fp, "%*s", (int)sp, "");
			col += sp;
		}
		fwrite(w, 1, (size_t)(e - w), fp);
		col += wl;
		line_start = false;
		p = e;
	}
	fputc('\n', fp);
}

/* Print text safely, wrapped at width; the first line follows a label
 * of label_w columns, later lines are indented by indent. */
static void
print_wrapped(FILE *fp, const char *text, unsigned label_w, unsigned indent, unsigned width)
{
	char *safe = text_sanitize(text, strlen(text));
	wrap_words(fp, safe, label_w, indent, width, false);
	free(safe);
}

/* The widest hanging indent a line may take: at least this many
 * columns are left for its text. */
#define HANG_TEXT_MIN 20
#define HANG_MAX 40
/* A label has at most this many words ("Permission to use their name:";
 * a part in brackets is one: "Next on your list (line 3):"). */
#define LABEL_WORDS 5

/*
 * The hanging indent for a program line that must wrap at width, so
 * that a wrapped line goes on under its own text:
 *   a list item ("- by Friday: ...")         after the "- ";
 *   a table row ("  /help  [COMMAND]  list")  at its last column, after
 *                                           the last gap of two or more
 *                                           spaces (its first cell, of
 *                                           up to three words, is
 *                                           followed by such a gap);
 *   a quoted item ("error [rule] \"...\"")    inside the quotation marks;
 *   a labelled line ("  Closing: ...")       after the label's ": " (a
 *                                           label of LABEL_WORDS words
 *                                           at most, a part in brackets
 *                                           one word);
 *   anything else                            at the line's own indent,
 *                                           or, for a message's first
 *                                           line at the margin ("Left
 *                                           the meeting. ...", a
 *                                           heading), two columns in,
 *                                           as the host's and the
 *                                           coach's words hang (a
 *                                           letter's paragraphs below
 *                                           its heading stay flush).
 * A column past HANG_MAX, or leaving fewer than HANG_TEXT_MIN columns,
 * is not used.
 */
static unsigned
hang_of(const char *line, size_t n, unsigned width, bool first)
{
	unsigned limit = width > HANG_TEXT_MIN + HANG_TEXT_MIN ? width - HANG_TEXT_MIN : HANG_TEXT_MIN;
	if (limit > HANG_MAX)
		limit = HANG_MAX;
	size_t lead = 0;
	while (lead < n && line[lead] == ' ')
		lead++;
	if (lead + 1 < n && line[lead] == '-' && line[lead + 1] == ' ')
		return (unsigned)lead + 2;
	/* A table row: a first cell of up to three words ("industry
	 * trends"), then two spaces or more. */
	size_t w = lead;
	for (int words = 0; words < 3; words++) {
		while (w < n && line[w] != ' ')
			w++;
		if (w + 1 >= n || line[w + 1] == ' ')
			break;
		w++;
	}
	if (w + 1 < n && line[w + 1] == ' ') {
		size_t col = 0;
		for (size_t i = w; i < n;) {
			size_t g = i;
			while (g < n && line[g] == ' ')
				g++;
			if (g - i >= 2 && g < n) {
				if (utf8_columns(line, g) > limit)
					break;
				col = g;
			}
			i = g;
			while (i < n && line[i] != ' ')
				i++;
		}
		if (col > 0)
			return (unsigned)utf8_columns(line, col);
	}
	/* A quoted item: the quotation ends the line. */
	const char *q = memchr(line + lead, '"', n - lead);
	if (q != NULL && n - lead >= 2 && line[n - 1] == '"' && q < line + n - 1 &&
	    (q == line + lead || q[-1] == ' ') && utf8_columns(line, (size_t)(q - line) + 1) <= limit)
		return (unsigned)utf8_columns(line, (size_t)(q - line) + 1);
	/* A label: a few words and a ": " (not inside a quotation). */
	size_t words = 1;
	bool bracket = false;
	for (size_t i = lead; i + 1 < n && line[i] != '"' && words <= LABEL_WORDS; i++) {
		bracket = line[i] == '(' ? true : line[i] == ')' ? false : bracket;
		words += line[i] == ' ' && !bracket;
		if (line[i] == ':' && line[i + 1] == ' ' && words <= LABEL_WORDS) {
			unsigned col = (unsigned)utf8_columns(line, i + 2);
			if (col <= limit)
				return col;
			break;
		}
	}
	return lead > 0 || !first ? (unsigned)lead : 2;
}

/* Print multi-line program text, each line made safe; with width, a
 * line too long for it is wrapped between words with its hanging indent
 * (width 0: lines are left whole). */
static void
print_lines(FILE *fp, const char *text, unsigned width)
{
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (width == 0 || utf8_columns(p, n) <= width) {
			text_write_safe(fp, p, n);
			fputc('\n', fp);
		} else {
			char *safe = text_sanitize(p, n);
			wrap_words(fp, safe, 0, hang_of(safe, strlen(safe), width, p == text), width, true);
			free(safe);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

unsigned
voice_width(int fd)
{
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col > VOICE_MAX_WIDTH ? VOICE_MAX_WIDTH : ws.ws_col;
	return 0;
}

void
voice_print(FILE *fp, enum voice v, const char *who, const char *text, unsigned width,
    bool color, bool wrap_info)
{
	switch (v) {
	case VOICE_HOST: {
		char first[64];
		snprintf(first, sizeof first, "%s", who);
		char *sp = strchr(first, ' ');
		if (sp != NULL)
			*sp = '\0';
		char *safe = text_sanitize(first, strlen(first));
		fprintf(fp, "%s%s:%s ", color ? "\033[1;36m" : "", safe, color ? "\033[0m" : "");
		print_wrapped(fp, text, (unsigned)utf8_columns(safe, strlen(safe)) + 2, 4, width);
		free(safe);
		break;
	}
	case VOICE_COACH:
		fprintf(fp, "%s  coach:%s ", color ? "\033[33m" : "", color ? "\033[0m" : "");
		if (color)
			fputs("\033[33m", fp);
		print_wrapped(fp, text, 9, 9, width);
		if (color)
			fputs("\033[0m", fp);
		break;
	case VOICE_INFO:
		print_lines(fp, text, wrap_info ? width : 0);
		break;
	}
}

