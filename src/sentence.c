/*
 * sentence.c -- where a sentence or a question ends (see sentence.h).
 */
#include <config.h>

#include "sentence.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Words that end in a dot and never end a sentence. */
static const char *const never_last[] = {
	"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "cf", "approx",
	"dept", "no", "fig", "vol", "ca", "rev", "hon", "gen", "col", "capt", "lt", "sgt", NULL,
};

static bool
space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static bool
letter(char ch)
{
	return (unsigned char)ch >= 0x80 || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* Past closing quotes and brackets at s[i]: " ' ) ] and the curly ones. */
static size_t
past_closers(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i < len && strchr("\"')]", s[i]) != NULL && s[i] != '\0')
			i++;
		else if (i + 2 < len && (memcmp(s + i, "\xe2\x80\x9d", 3) == 0 || memcmp(s + i, "\xe2\x80\x99", 3) == 0))
			i += 3;
		else
			return i;
	}
}

/* Whether the dot at s[dot] ends the word before it as an abbreviation
 * or an initial, with the text going on at s[next]. */
static bool
abbreviation(const char *s, size_t len, size_t from, size_t dot, size_t next)
{
	size_t w = dot;
	while (w > from && (letter(s[w - 1]) || s[w - 1] == '.'))
		w--;
	size_t n = dot - w;
	if (n == 0)
		return false;
	/* An initial: one capital letter ("J. Smith"). */
	if (n == 1 && s[w] >= 'A' && s[w] <= 'Z')
		return true;
	for (const char *const *a = never_last; *a; a++)
		if (strlen(*a) == n && strncasecmp(s + w, *a, n) == 0)
			return true;
	/* "a.m." or "etc." before a word in lower case goes on. */
	return next < len && s[next] >= 'a' && s[next] <= 'z';
}

size_t
sentence_end(const char *s, size_t len, size_t from)
{
	for (size_t i = from; i < len; i++) {
		char ch = s[i];
		if (ch == '\n') {
			/* A blank line ends the paragraph, and the sentence. */
			size_t j = i + 1;
			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j >= len || s[j] == '\n')
				return i > from ? i : i + 1;
			continue;
		}
		bool ellipsis = i + 2 < len && memcmp(s + i, "\xe2\x80\xa6", 3) == 0;
		if (ch != '.' && ch != '?' && ch != '!' && !ellipsis)
			continue;
		size_t j = i;
		while (j < len && (s[j] == '.' || s[j] == '?' || s[j] == '!' ||
		    (j + 2 < len && memcmp(s + j, "\xe2\x80\xa6", 3) == 0)))
			j += s[j] == '\xe2' ? 3 : 1;
		j = past_closers(s, len, j);
		if (j < len && !space(s[j])) {
			/* 3.5, example.com, a.b@c.org: no blank after the dot. */
			i = j - 1;
			continue;
		}
		size_t next = j;
		while (next < len && space(s[next]))
			next++;
		if (ch == '.' && j == i + 1 && abbreviation(s, len, from, i, next)) {
			i = j - 1;
			continue;
		}
		return j;
	}
	return len;
}

size_t
sentence_question_end(const char *s, size_t len, size_t from)
{
	for (size_t i = from; i < len; i++) {
		const char *mark = memchr(s + i, '?', len - i);
		if (mark == NULL)
			break;
		i = (size_t)(mark - s);
		size_t j = i;
		while (j < len && (s[j] == '?' || s[j] == '!'))
			j++;
		j = past_closers(s, len, j);
		if (j >= len || (s[j] != ' ' && s[j] != '\t'))
			continue;
		if (memchr(s + j, '?', len - j) != NULL)
			return j;
		return len;
	}
	return len;
}
