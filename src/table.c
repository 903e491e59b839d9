/*
 * table.c -- text tables and listings that fit the terminal (see
 * table.h).
 *
 * A cell is cut into pieces at its break points: a space between two
 * pieces (dropped at a line's end), or the end of a '/' or of a '-' after
 * a letter inside a word ("software-" "engineering/" "ruth", but
 * "2026-01-03" whole).  Lines are filled with whole
 * pieces; a piece longer than a whole line is cut with "…".
 */
#include <config.h>

#include "table.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "text.h"
#include "xmalloc.h"

/* Columns between two cells of a row. */
#define GAP 2
/* A column that may be cut keeps at least this many columns. */
#define CUT_MIN 4

unsigned
table_width(int fd)
{
	const char *env = getenv("COLUMNS");
	if (env != NULL && env[0] >= '1' && env[0] <= '9' && strspn(env, "0123456789") == strlen(env) &&
	    strlen(env) <= 5) {
		unsigned long c = strtoul(env, NULL, 10);
		return c < TABLE_MIN_WIDTH ? TABLE_MIN_WIDTH : (unsigned)c;
	}
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < TABLE_MIN_WIDTH ? TABLE_MIN_WIDTH : ws.ws_col;
	return 0;
}

/* Columns (code points) of s[0..n). */
static size_t
width_of(const char *s, size_t n)
{
	return utf8_columns(s, n);
}

/* The byte length of the first cols columns of s[0..n). */
static size_t
bytes_of(const char *s, size_t n, size_t cols)
{
	size_t i = 0;
	while (i < n && cols > 0) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		cols--;
	}
	return i;
}

/* The next piece of s from *at: its start and length, whether a space
 * came before it; false at the end. */
static bool
next_piece(const char *s, size_t *at, const char **start, size_t *len, bool *spaced)
{
	size_t i = *at;
	*spaced = false;
	while (s[i] == ' ') {
		i++;
		*spaced = true;
	}
	if (s[i] == '\0')
		return false;
	size_t b = i;
	while (s[i] != '\0' && s[i] != ' ') {
		char c = s[i++];
		/* After a '/', or a '-' after a letter ("software-", not
		 * "2026-"), with more of the word to come. */
		bool letter = i >= 2 && ((s[i - 2] >= 'a' && s[i - 2] <= 'z') || (s[i - 2] >= 'A' && s[i - 2] <= 'Z'));
		if ((c == '/' || (c == '-' && letter)) && s[i] != '\0' && s[i] != ' ' && i - b > 1)
			break;
	}
	*start = s + b;
	*len = i - b;
	*at = i;
	return true;
}

/* Add s[0..n) cut to w columns with "…" to b: a path (a '/' before its
 * last character) keeps its end. */
static void
add_cut(struct text_buf *b, const char *s, size_t n, size_t w)
{
	size_t cols = width_of(s, n);
	if (cols <= w) {
		text_buf_add(b, "%.*s", (int)n, s);
		return;
	}
	if (w < 2) {
		text_buf_add(b, "%.*s", (int)bytes_of(s, n, w), s);
		return;
	}
	if (n > 1 && memchr(s, '/', n - 1) != NULL) {
		size_t skip = bytes_of(s, n, cols - (w - 1));
		text_buf_add(b, "…%.*s", (int)(n - skip), s + skip);
	} else {
		text_buf_add(b, "%.*s…", (int)bytes_of(s, n, w - 1), s);
	}
}

/* The widest piece of s. */
static size_t
longest_piece(const char *s)
{
	size_t at = 0, len, most = 0;
	const char *p;
	bool sp;
	while (next_piece(s, &at, &p, &len, &sp)) {
		size_t w = width_of(p, len);
		if (w > most)
			most = w;
	}
	return most;
}

/* s laid out in lines of at most w columns (w > 0): *lines gets them
 * (each newly allocated; at least one); returns how many. */
static size_t
wrap(const char *s, size_t w, char ***lines)
{
	size_t n = 0, cap = 0, at = 0, len, curw = 0;
	struct text_buf cur = {0};
	const char *p;
	bool spaced;
	*lines = NULL;
	text_buf_add(&cur, "%s", "");
	while (next_piece(s, &at, &p, &len, &spaced)) {
		size_t pw = width_of(p, len);
		size_t glue = curw > 0 && spaced ? 1 : 0;
		if (curw > 0 && curw + glue + pw > w) {
			xgrow((void **)lines, &cap, n + 1, sizeof **lines);
			(*lines)[n++] = cur.p;
			cur = (struct text_buf){0};
			text_buf_add(&cur, "%s", "");
			curw = 0;
			glue = 0;
		}
		if (glue)
			text_buf_add(&cur, " ");
		if (curw == 0 && pw > w) {
			add_cut(&cur, p, len, w);
			curw = w;
		} else {
			text_buf_add(&cur, "%.*s", (int)len, p);
			curw += glue + pw;
		}
	}
	xgrow((void **)lines, &cap, n + 1, sizeof **lines);
	(*lines)[n++] = cur.p;
	return n;
}

static void
free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Narrow the columns w[] (least[k] at the least each) until they add up to
 * avail or none can give way: the widest first. */
static size_t
narrow(size_t *w, const size_t *least, size_t ncols, size_t total, size_t avail)
{
	while (total > avail) {
		size_t pick = ncols;
		for (size_t k = 0; k < ncols; k++)
			if (w[k] > least[k] && (pick == ncols || w[k] > w[pick]))
				pick = k;
		if (pick == ncols)
			break;
		w[pick]--;
		total--;
	}
	return total;
}

/* Print one row (cells[k] for each column) in the widths w[]. */
static void
print_row(FILE *fp, const struct table_col *cols, size_t ncols, const char *const *cells,
    const size_t *w, unsigned indent, bool fit)
{
	char ***lines = xcalloc(ncols, sizeof *lines);
	size_t *nl = xcalloc(ncols, sizeof *nl), height = 1;
	for (size_t k = 0; k < ncols; k++) {
		if (fit) {
			nl[k] = wrap(cells[k], w[k], &lines[k]);
		} else {
			lines[k] = xcalloc(1, sizeof *lines[k]);
			lines[k][0] = xstrdup(cells[k]);
			nl[k] = 1;
		}
		if (nl[k] > height)
			height = nl[k];
	}
	for (size_t j = 0; j < height; j++) {
		struct text_buf b = {0};
		text_buf_add(&b, "%*s", (int)indent, "");
		for (size_t k = 0; k < ncols; k++) {
			const char *c = j < nl[k] ? lines[k][j] : "";
			size_t cw = width_of(c, strlen(c));
			size_t pad = w[k] > cw ? w[k] - cw : 0;
			if (cols[k].right)
				text_buf_add(&b, "%*s%s", (int)pad, "", c);
			else
				text_buf_add(&b, "%s%*s", c, (int)pad, "");
			if (k + 1 < ncols)
				text_buf_add(&b, "%*s", GAP, "");
		}
		while (b.len > 0 && b.p[b.len - 1] == ' ')
			b.p[--b.len] = '\0';
		fprintf(fp, "%s\n", b.p);
		free(b.p);
	}
	for (size_t k = 0; k < ncols; k++)
		free_lines(lines[k], nl[k]);
	free(lines);
	free(nl);
}

void
table_print(FILE *fp, const struct table_col *cols, size_t ncols, const char *const *const *rows,
    size_t nrows, unsigned indent, unsigned width)
{
	size_t *w = xcalloc(ncols, sizeof *w), *words = xcalloc(ncols, sizeof *words);
	size_t *least = xcalloc(ncols, sizeof *least);
	const char **head = xcalloc(ncols, sizeof *head);
	size_t total = indent + (ncols > 0 ? (ncols - 1) * GAP : 0);
	for (size_t k = 0; k < ncols; k++) {
		w[k] = width_of(cols[k].head, strlen(cols[k].head));
		words[k] = longest_piece(cols[k].head);
		for (size_t i = 0; i < nrows; i++) {
			size_t cw = width_of(rows[i][k], strlen(rows[i][k]));
			size_t pw = longest_piece(rows[i][k]);
			if (cw > w[k])
				w[k] = cw;
			if (pw > words[k])
				words[k] = pw;
		}
		total += w[k];
	}
	bool fit = width > 0 && total > width;
	if (fit) {
		/* Wrap between words first, then cut what may be cut. */
		total = narrow(w, words, ncols, total, width);
		for (size_t k = 0; k < ncols; k++)
			least[k] = cols[k].cut && words[k] > CUT_MIN ? CUT_MIN : words[k];
		total = narrow(w, least, ncols, total, width);
		/* A terminal narrower still: every column may be cut. */
		for (size_t k = 0; k < ncols; k++)
			least[k] = words[k] > CUT_MIN ? CUT_MIN : words[k];
		narrow(w, least, ncols, total, width);
	}
	for (size_t k = 0; k < ncols; k++)
		head[k] = cols[k].head;
	print_row(fp, cols, ncols, head, w, indent, fit);
	for (size_t i = 0; i < nrows; i++)
		print_row(fp, cols, ncols, rows[i], w, indent, fit);
	free(w);
	free(words);
	free(least);
	free(head);
}

void
table_line(FILE *fp, const char *line, unsigned hang, unsigned width)
{
	size_t n = strlen(line);
	if (width == 0 || width_of(line, n) <= width) {
		fprintf(fp, "%s\n", line);
		return;
	}
	if (hang > width / 2)
		hang = width / 2;
	/* The first line: as much as fits, up to a break point. */
	size_t brk = 0, rest = 0, at = 0, len;
	const char *p;
	bool spaced;
	while (next_piece(line, &at, &p, &len, &spaced)) {
		size_t end = (size_t)(p - line) + len;
		if (width_of(line, end) > width)
			break;
		brk = end;
		rest = end;
	}
	if (brk == 0) {
		/* Not even the first word fits: cut it. */
		struct text_buf b = {0};
		at = 0;
		next_piece(line, &at, &p, &len, &spaced);
		size_t lead = (size_t)(p - line);
		text_buf_add(&b, "%.*s", (int)lead, line);
		add_cut(&b, p, len, width > lead ? width - lead : 1);
		fprintf(fp, "%s\n", b.p);
		free(b.p);
		rest = at;
	} else {
		fprintf(fp, "%.*s\n", (int)brk, line);
	}
	while (line[rest] == ' ')
		rest++;
	if (line[rest] == '\0')
		return;
	char **lines;
	size_t nl = wrap(line + rest, width - hang, &lines);
	for (size_t i = 0; i < nl; i++)
		fprintf(fp, "%*s%s\n", (int)hang, "", lines[i]);
	free_lines(lines, nl);
}
