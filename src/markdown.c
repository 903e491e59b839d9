/*
 * markdown.c -- the Markdown around a question in a draft (see
 * markdown.h).
 *
 * Only what students put around questions is known: block quotes, list
 * markers, task boxes, emphasis, inline code and links.  The rules are
 * CommonMark's in spirit (a run of '*' or '_' opens or closes a span when
 * it touches a word on one side), not to the letter: a line is read
 * once, left to right, with no nesting beyond a link's text.
 */
#include <config.h>

#include "markdown.h"

#include <stdbool.h>
#include <string.h>

static bool
blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool
alnum(char ch)
{
	unsigned char u = (unsigned char)ch;
	return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

/* The length of a list marker and its blank at s[i], or 0. */
static size_t
list_marker(const char *s, size_t len, size_t i)
{
	if (i + 1 < len && strchr("-*+", s[i]) != NULL && blank(s[i + 1]))
		return 2;
	size_t d = i;
	while (d < len && s[d] >= '0' && s[d] <= '9' && d - i < 4)
		d++;
	if (d > i && d + 1 < len && (s[d] == '.' || s[d] == ')') && blank(s[d + 1]))
		return d + 2 - i;
	return 0;
}

size_t
md_prefix(const char *s, size_t len)
{
	size_t i = 0;
	bool list = false, box = false;
	for (;;) {
		while (i < len && blank(s[i]))
			i++;
		if (i < len && s[i] == '>') {
			i++;
			continue;
		}
		size_t n;
		if (!list && !box && (n = list_marker(s, len, i)) > 0) {
			list = true;
			i += n;
			continue;
		}
		if (!box && i + 2 < len && s[i] == '[' && strchr(" xX", s[i + 1]) != NULL && s[i + 2] == ']' &&
		    (i + 3 == len || blank(s[i + 3]))) {
			box = true;
			i += 3;
			continue;
		}
		return i;
	}
}

/* Whether a run of marker characters s[i..j) opens or closes a span:
 * it touches a word on one side ('_' not inside a word). */
static bool
flanking(const char *s, size_t len, size_t i, size_t j)
{
	char before = i > 0 ? s[i - 1] : ' ';
	char after = j < len ? s[j] : ' ';
	bool left = !blank(after), right = !blank(before);
	if (s[i] == '_' || s[i] == '~')
		return (left && !alnum(before)) || (right && !alnum(after));
	return left || right;
}

/* The bytes markup that md_strip takes out starts with. */
static const bool markup_byte[256] = {
	['['] = true, ['!'] = true, ['*'] = true, ['_'] = true, ['~'] = true, ['`'] = true,
};

bool
md_plain(const char *s, size_t len)
{
	/* Without a branch a byte: most lines are looked at to the end. */
	bool any = false;
	for (size_t i = 0; i < len; i++)
		any |= markup_byte[(unsigned char)s[i]];
	return !any;
}

size_t
md_strip(const char *s, size_t len, char *out, size_t *map)
{
	/* Most questions have no markup at all: copied as they are. */
	size_t plain = 0;
	while (plain < len && !markup_byte[(unsigned char)s[plain]])
		plain++;
	if (plain == len) {
		memcpy(out, s, len);
		size_t i = 0;
		for (; i + 4 <= len + 1; i += 4) {
			map[i] = i;
			map[i + 1] = i + 1;
			map[i + 2] = i + 2;
			map[i + 3] = i + 3;
		}
		for (; i <= len; i++)
			map[i] = i;
		out[len] = '\0';
		return len;
	}
	size_t n = 0;
	size_t link_text_end = len, link_end = len;   /* inside "[text](url)": its "]" and past its ")" */
	for (size_t i = 0; i < len;) {
		char ch = s[i];
		if (i == link_text_end) {
			i = link_end;
			link_text_end = link_end = len;
			continue;
		}
		if ((ch == '[' || (ch == '!' && i + 1 < len && s[i + 1] == '[')) && link_text_end == len) {
			size_t open = ch == '!' ? i + 1 : i;
			const char *close = memchr(s + open + 1, ']', len - open - 1);
			size_t c = close != NULL ? (size_t)(close - s) : len;
			const char *nested = memchr(s + open + 1, '[', c < len ? c - open - 1 : 0);
			const char *paren = c + 1 < len && s[c + 1] == '(' ? memchr(s + c + 2, ')', len - c - 2) : NULL;
			if (close != NULL && nested == NULL && paren != NULL) {
				link_text_end = c;
				link_end = (size_t)(paren - s) + 1;
				i = open + 1;
				continue;
			}
		}
		if (ch == '*' || ch == '_' || ch == '~' || ch == '`') {
			size_t j = i;
			while (j < len && s[j] == ch && j < link_text_end)
				j++;
			bool marker = ch == '~' ? j - i == 2 : ch == '`' || j - i <= 3;
			if (marker && flanking(s, len, i, j)) {
				i = j;
				continue;
			}
			while (i < j) {
				map[n] = i;
				out[n++] = s[i++];
			}
			continue;
		}
		map[n] = i;
		out[n++] = s[i++];
	}
	map[n] = len;
	out[n] = '\0';
	return n;
}
