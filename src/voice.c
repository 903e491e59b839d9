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

/*
 * The hanging indent for a program line that must wrap: the column of
 * the text after a short first word and a gap of two or more spaces (a
 * table row), else after a leading "- " (a list item), else the line's
 * own indent.
 */
static unsigned
hang_of(const char *line, size_t n)
{
	size_t lead = 0;
	while (lead < n && line[lead] == ' ')
		lead++;
	if (lead + 1 < n && line[lead] == '-' && line[lead + 1] == ' ')
		return (unsigned)lead + 2;
	size_t w = lead;
	while (w < n && line[w] != ' ')
		w++;
	size_t gap = w;
	while (gap < n && line[gap] == ' ')
		gap++;
	if (gap - w >= 2 && gap < n && gap <= 32)
		return (unsigned)utf8_columns(line, gap);
	return (unsigned)lead;
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
			wrap_words(fp, safe, 0, hang_of(safe, strlen(safe)), width, true);
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

