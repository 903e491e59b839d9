/*
 * text.c -- UTF-8 and display helpers (see text.h).
 *
 * Validation follows RFC 3629 exactly; it is used on every bank before
 * libyaml sees it and on every draft line before PCRE2 does, so it must
 * never read past the end of its input.
 */
#include <config.h>

#include "text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* How many bytes at the start of p[0..n) are ASCII (below 0x80): most
 * lines are all ASCII, looked at here eight bytes at a time. */
static size_t
ascii_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		if (v & 0x8080808080808080u)
			break;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* The top bit of each byte of v that equals the byte whose copies fill
 * rep (0x0101... times it), and no other bit: the bytes of v ^ rep that
 * are zero, found without a carry from one byte to the next. */
static inline uint64_t
bytes_equal(uint64_t v, uint64_t rep)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
	uint64_t t = v ^ rep;
	return ~(((t & low7) + low7) | t) & ~low7;
}

#define EVERY_BYTE(c) (0x0101010101010101u * (uint64_t)(c))

void
text_lower_ascii(char *out, const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		/* A byte below 0x80 is a capital when adding 0x80 - 'A' sets
		 * its top bit and adding 0x80 - 'Z' - 1 does not (neither
		 * sum passes 0xff, so no carry crosses bytes); 0x20 is the top
		 * bit moved down two places. */
		uint64_t v;
		memcpy(&v, s + i, 8);
		uint64_t h = v & EVERY_BYTE(0x7f);
		uint64_t cap = (h + EVERY_BYTE(0x80 - 'A')) & ~(h + EVERY_BYTE(0x80 - 'Z' - 1)) & ~v &
		    EVERY_BYTE(0x80);
		v |= cap >> 2;
		memcpy(out + i, &v, 8);
	}
	for (; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
}

bool
text_has_odd_space(const char *s, size_t n)
{
	/* Blocks of eight bytes, each starting at the last byte of the one
	 * before, so every two bytes side by side are in one block.  Of a
	 * block's space bytes, two side by side have their top bits eight
	 * places apart, whichever way the machine orders bytes. */
	size_t i = 0;
	if (n >= 8) {
		for (;; i += 7) {
			if (i + 8 > n)
				i = n - 8;
			uint64_t v;
			memcpy(&v, s + i, 8);
			uint64_t sp = bytes_equal(v, EVERY_BYTE(' '));
			if ((sp & (sp >> 8)) != 0 || bytes_equal(v, EVERY_BYTE('\t')) != 0)
				return true;
			if (i + 8 == n)
				return false;
		}
	}
	for (; i < n; i++)
		if (s[i] == '\t' || (s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
			return true;
	return false;
}

size_t
text_ascii_prefix_but(const char *s, size_t n, unsigned char a, unsigned char b)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		if ((v | bytes_equal(v, EVERY_BYTE(a)) | bytes_equal(v, EVERY_BYTE(b))) & EVERY_BYTE(0x80))
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80 && (unsigned char)s[i] != a && (unsigned char)s[i] != b)
		i++;
	return i;
}

bool
text_is_ascii(const char *s, size_t n)
{
	return ascii_prefix((const unsigned char *)s, n) == n;
}

/* How many bytes at the start of p[0..n) are printable ASCII (0x20 to
 * 0x7e), eight at a time.  Of a block of eight bytes all in that range,
 * none has its top bit set, nor has it once 0x20 is taken from each or 1
 * added to each (no borrow or carry crosses from one byte to the next);
 * the first byte out of range sets its top bit in one of the three. */
static size_t
printable_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		if ((v | (v - 0x2020202020202020u) | (v + 0x0101010101010101u)) & 0x8080808080808080u)
			break;
	}
	while (i < n && p[i] >= 0x20 && p[i] < 0x7f)
		i++;
	return i;
}

bool
utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		i += ascii_prefix(p + i, n - i);
		if (i == n)
			break;
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
		size_t k = ascii_prefix(p + i, n - i);
		i += k;
		cols += k;
		if (i == n)
			break;
		size_t len = utf8_decode(p + i, n - i, &cp);
		i += len ? len : 1;
	}
	return cols;
}

enum text_encoding
text_sniff(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return TEXT_UTF16LE;
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return TEXT_UTF16BE;
	size_t pairs = n / 2, even = 0, odd = 0;
	if (pairs == 0)
		return TEXT_UTF8;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	/* ASCII in UTF-16LE is "c\0"; a few non-Latin characters may have
	 * no NUL at all, binary data has NULs on both sides. */
	if (odd * 2 >= pairs && even * 20 <= pairs)
		return TEXT_UTF16LE;
	if (even * 2 >= pairs && odd * 20 <= pairs)
		return TEXT_UTF16BE;
	return TEXT_UTF8;
}

const char *
text_encoding_name(enum text_encoding enc)
{
	return enc == TEXT_UTF16LE ? "UTF-16LE" : enc == TEXT_UTF16BE ? "UTF-16BE" : "UTF-8";
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf16_to_utf8(enum text_encoding enc, const char *in, size_t n, bool at_end,
    char *out, size_t cap, size_t *used)
{
	const unsigned char *p = (const unsigned char *)in;
	bool le = enc == TEXT_UTF16LE;
	size_t i = 0, w = 0;
#define UNIT(k) (le ? (uint32_t)(p[k] | p[(k) + 1] << 8) : (uint32_t)(p[k] << 8 | p[(k) + 1]))
	while (cap - w >= 4) {
		if (n - i < 2) {
			if (n - i == 1 && at_end) {
				out[w++] = (char)0xff;      /* an odd byte at the end */
				i++;
			}
			break;
		}
		uint32_t u = UNIT(i);
		if (u >= 0xd800 && u <= 0xdbff) {
			if (n - i < 4) {
				if (!at_end)
					break;              /* its pair may come in the next read */
				out[w++] = (char)0xff;
				i += 2;
				continue;
			}
			uint32_t lo = UNIT(i + 2);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				w += utf8_encode(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), out + w);
				i += 4;
			} else {
				out[w++] = (char)0xff;      /* a high surrogate alone */
				i += 2;
			}
			continue;
		}
		if (u >= 0xdc00 && u <= 0xdfff)
			out[w++] = (char)0xff;              /* a low surrogate alone */
		else
			w += utf8_encode(u, out + w);
		i += 2;
	}
#undef UNIT
	*used = i;
	return w;
}

/* Windows-1252's characters for the bytes 0x80..0x9F (0: undefined). */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

const char *
text_guess_encoding(const char *s, size_t n, size_t bad, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	/* Every byte that is not part of a UTF-8 sequence must be a
	 * character of the code page, and one at least must be what such
	 * files are full of: curly quotes, dashes, an ellipsis, the euro or
	 * an accented letter. */
	bool typical = false;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = p[i] < 0x80 ? 1 : utf8_decode(p + i, n - i, &c);
		if (len == 0) {
			if (p[i] < 0xa0 && cp1252[p[i] - 0x80] == 0)
				return NULL;
			typical |= p[i] == 0x80 || p[i] == 0x85 || (p[i] >= 0x91 && p[i] <= 0x97) ||
			    (p[i] >= 0xc0 && p[i] <= 0xfd && p[i] != 0xd7 && p[i] != 0xf7);
			len = 1;
		}
		i += len;
	}
	if (!typical)
		return NULL;
	if (bad >= n || p[bad] < 0x80)
		return NULL;
	*cp = p[bad] < 0xa0 ? cp1252[p[bad] - 0x80] : p[bad];
	return "Windows-1252";
}

/* Append the safe form of s[0..n) to a buffer through a callback. */
static int
sanitize_each(const char *s, size_t n, int (*put)(void *, const char *, size_t), void *arg)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0;
	char esc[8];

	while (i < n) {
		i += printable_prefix(p + i, n - i);     /* most of any text */
		if (i == n)
			break;
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

char *
text_join_names(char *buf, size_t len, const char *(*name)(int), int n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", name(i));
	return buf;
}

size_t
text_close_below(const char *word)
{
	return strlen(word) > 4 ? TEXT_CLOSE : TEXT_CLOSE_SHORT;
}

void
text_closest_begin(struct text_closest *tc, const char *word, size_t below)
{
	tc->word = word;
	tc->best = NULL;
	tc->bestd = below;
}

void
text_closest(struct text_closest *tc, const char *name)
{
	size_t d = text_distance(name, tc->word);
	if (d < tc->bestd) {
		tc->bestd = d;
		tc->best = name;
	}
}

void
text_write_html(FILE *fp, const char *s, size_t max)
{
	size_t n = strlen(s);
	bool cut = n > max;
	if (cut) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	char *t = text_sanitize(s, n);
	const char *p = t, *start = t;
	for (; *p; p++) {
		const char *ent = NULL;
		switch (*p) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		fwrite(start, 1, (size_t)(p - start), fp);
		fputs(ent, fp);
		start = p + 1;
	}
	fwrite(start, 1, (size_t)(p - start), fp);
	if (cut)
		fputs("\xe2\x80\xa6", fp);
	free(t);
}

void
text_buf_put(struct text_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)    /* (a finding's pieces rarely grow it) */
		xgrow((void **)&b->p, &b->cap, b->len + n + 1, 1);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static int
put_text_buf(void *arg, const char *s, size_t n)
{
	text_buf_put(arg, s, n);
	return 0;
}

void
text_buf_put_safe(struct text_buf *b, const char *s, size_t n)
{
	sanitize_each(s, n, put_text_buf, b);
}

void
text_buf_add(struct text_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(fmt, ap);
	va_end(ap);
	size_t l = strlen(t);
	xgrow((void **)&b->p, &b->cap, b->len + l + 1, 1);
	memcpy(b->p + b->len, t, l + 1);
	b->len += l;
	free(t);
}

size_t
text_word_len(const char *p)
{
	size_t n = 0;
	while (isalpha((unsigned char)p[n]) || p[n] == '\'' || p[n] == '-')
		n++;
	return n;
}

bool
text_word_listed(const char *w, size_t n, const char *const *words)
{
	for (const char *const *x = words; *x != NULL; x++)
		if (strlen(*x) == n && strncasecmp(w, *x, n) == 0)
			return true;
	return false;
}

bool
text_words_all_in(const char *s, const char *const *words, const char *const *some)
{
	bool any = false, seen_some = some == NULL;
	for (const char *p = s; *p != '\0';) {
		while (*p != '\0' && !isalpha((unsigned char)*p) && *p != '\'')
			p++;
		size_t n = 0;
		while (isalpha((unsigned char)p[n]) || p[n] == '\'')
			n++;
		if (n == 0)
			break;
		if (!text_word_listed(p, n, words))
			return false;
		any = true;
		seen_some = seen_some || text_word_listed(p, n, some);
		p += n;
	}
	return any && seen_some;
}
