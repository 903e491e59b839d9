/*
 * text.c -- UTF-8 and display helpers (see text.h).
 *
 * Validation follows RFC 3629 exactly; it is used on every bank before
 * libyaml sees it and on every draft line before PCRE2 does, so it must
 * never read past the end of its input.
 */
#include <config.h>

#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t len;
	uint32_t v, min;

	*cp = c;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2; v = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3; v = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

bool
utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_decode(p + i, n - i, &cp);
		if (len == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

size_t
utf8_columns(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t cols = 0;
	uint32_t cp;

	for (size_t i = 0; i < n; cols++) {
		size_t len = p[i] < 0x80 ? 1 : utf8_decode(p + i, n - i, &cp);
		i += len ? len : 1;
	}
	return cols;
}

/* Append the safe form of s[0..n) to a buffer through a callback. */
static int
sanitize_each(const char *s, size_t n, int (*put)(void *, const char *, size_t), void *arg)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0;
	char esc[8];

	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(p + i, n - i, &cp);
		bool control = len == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
		if (!control) {
			i += len;
			continue;
		}
		if (i > start && put(arg, s + start, i - start) < 0)
			return -1;
		if (len == 0)
			snprintf(esc, sizeof esc, "\\x%02X", p[i]);
		else if (cp == '\t')
			snprintf(esc, sizeof esc, "\\t");
		else if (cp == '\n')
			snprintf(esc, sizeof esc, "\\n");
		else if (cp == '\r')
			snprintf(esc, sizeof esc, "\\r");
		else if (cp < 0x100)
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
		if (put(arg, esc, strlen(esc)) < 0)
			return -1;
		i += len ? len : 1;
		start = i;
	}
	if (i > start && put(arg, s + start, i - start) < 0)
		return -1;
	return 0;
}

static int
put_file(void *arg, const char *s, size_t n)
{
	return fwrite(s, 1, n, (FILE *)arg) == n ? 0 : -1;
}

int
text_write_safe(FILE *fp, const char *s, size_t n)
{
	return sanitize_each(s, n, put_file, fp);
}

struct sbuf {
	char *p;
	size_t len, cap;
};

static int
put_buf(void *arg, const char *s, size_t n)
{
	struct sbuf *b = arg;
	xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

char *
text_sanitize(const char *s, size_t n)
{
	struct sbuf b = {NULL, 0, 0};
	put_buf(&b, "", 0);
	sanitize_each(s, n, put_buf, &b);
	return b.p;
}

char *
text_sanitize_lines(const char *s)
{
	struct sbuf b = {NULL, 0, 0};
	put_buf(&b, "", 0);
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		sanitize_each(s, n, put_buf, &b);
		if (nl == NULL)
			break;
		put_buf(&b, "\n", 1);
		s = nl + 1;
	}
	return b.p;
}

int
text_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *raw = xvasprintf(fmt, ap);
	va_end(ap);
	char *safe = text_sanitize_lines(raw);
	int rc = fputs(safe, fp) < 0 ? -1 : 0;
	free(safe);
	free(raw);
	return rc;
}

size_t
text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[65];

	if (la > 64 || lb > 64)
		return 100;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}
