/*
 * diag.c -- positioned diagnostics in GNU style (see diag.h).
 */
#include <config.h>

#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

void
diag_add(struct diag_list *dl, const char *file, unsigned long line,
    unsigned long col, enum severity sev, const char *fmt, ...)
{
	va_list ap;
	size_t ord = 0;

	if (sev == SEV_ERROR)
		dl->errors++;
	if (dl->n >= DIAG_MAX) {
		dl->dropped++;
		return;
	}
	for (size_t i = dl->n; i-- > 0;) {
		if (strcmp(dl->v[i].file, file) == 0) {
			ord = dl->v[i].fileord;
			goto found;
		}
		if (dl->v[i].fileord >= ord)
			ord = dl->v[i].fileord + 1;
	}
found:
	xgrow((void **)&dl->v, &dl->cap, dl->n + 1, sizeof *dl->v);
	struct diag *d = &dl->v[dl->n];
	d->fileord = ord;
	d->file = xstrdup(file);
	d->line = line;
	d->col = col;
	d->sev = sev;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
	d->seq = dl->n++;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	if (x->fileord != y->fileord)
		return x->fileord < y->fileord ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_sort(struct diag_list *dl)
{
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof *dl->v, cmp_diag);
}

static bool color;   /* colour what goes to stderr */

void
diag_set_color(bool on)
{
	color = on;
}

/* GCC's colours: the place in bold, errors bold red, warnings bold
 * magenta, notes bold cyan. */
static const char *const sev_color[SEV_COUNT] = {
	[SEV_ERROR] = "\033[1;31m", [SEV_WARNING] = "\033[1;35m", [SEV_INFO] = "\033[1;36m",
};

/* Append ":" and n in decimal to b. */
static void
put_number(struct text_buf *b, unsigned long n)
{
	char d[24];
	size_t i = sizeof d;
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	d[--i] = ':';
	text_buf_put(b, d + i, sizeof d - i);
}

static void
put_str(struct text_buf *b, const char *s)
{
	text_buf_put(b, s, strlen(s));
}

void
diag_format_place(struct text_buf *b, bool c, const char *prefix, const char *file,
    unsigned long line, unsigned long col, enum severity sev)
{
	if (c)
		put_str(b, "\033[1m");
	put_str(b, prefix);
	text_buf_put_safe(b, file, strlen(file));
	/* Put together without printf: a long check prints one place a
	 * finding. */
	if (line > 0)
		put_number(b, line);
	if (line > 0 && col > 0)
		put_number(b, col);
	if (c) {
		put_str(b, ":\033[0m ");
		put_str(b, sev_color[sev]);
		put_str(b, severity_name(sev));
		put_str(b, ":\033[0m ");
	} else {
		put_str(b, ": ");
		put_str(b, severity_name(sev));
		put_str(b, ": ");
	}
}

void
diag_put_place(FILE *fp, bool c, const char *prefix, const char *file, unsigned long line,
    unsigned long col, enum severity sev)
{
	struct text_buf b = {NULL, 0, 0};
	diag_format_place(&b, c, prefix, file, line, col, sev);
	fwrite(b.p, 1, b.len, fp);
	free(b.p);
}

void
diag_flush(struct diag_list *dl, FILE *fp)
{
	diag_sort(dl);
	bool c = color && fp == stderr;
	for (size_t i = 0; i < dl->n; i++) {
		struct diag *d = &dl->v[i];
		diag_put_place(fp, c, "infocoach: ", d->file, d->line, d->col, d->sev);
		text_write_safe(fp, d->msg, strlen(d->msg));
		fputc('\n', fp);
	}
	if (dl->dropped > 0)
		fprintf(fp, "infocoach: %zu more problems not shown\n", dl->dropped);
	fflush(fp);
	diag_clear(dl);
}

void
diag_clear(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	free(dl->v);
	memset(dl, 0, sizeof *dl);
}

static void
vreport(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	if (color && prefix[0] != '\0')
		fprintf(stderr, "\033[1minfocoach:\033[0m %s%s\033[0m", sev_color[SEV_WARNING], prefix);
	else
		fprintf(stderr, "infocoach: %s", prefix);
	text_write_safe(stderr, msg, strlen(msg));
	fputc('\n', stderr);
	fflush(stderr);
	free(msg);
}

void
diag_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

void
diag_warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

char *
diag_quote(const char *name)
{
	return text_sanitize(name, strlen(name));
}
