/* Unit tests for trigger.c: the automaton finds what a search for each
 * trigger in turn finds, wherever a trigger lies in a line of any length
 * (a long line is scanned as two halves at once). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "trigger.h"

/* What trigger_scan must find: each owner's words looked for one by one. */
static void
expected(char **const *words, const size_t *nwords, size_t n, const char *s, size_t len, bool *hit)
{
	for (size_t i = 0; i < n; i++) {
		hit[i] = false;
		for (size_t j = 0; !hit[i] && j < nwords[i]; j++)
			hit[i] = memmem(s, len, words[i][j], strlen(words[i][j])) != NULL;
	}
}

int
main(void)
{
	/* Owners sharing words, words inside other words, one long word
	 * (the overlap of the two halves), one of a single letter, and an
	 * owner with none. */
	static const char *const lists[][3] = {
		{"hire", "hiring", "job"}, {"pay", "paid", "salary"}, {"i", NULL, NULL},
		{"job", "opening", NULL}, {"compensation package", NULL, NULL}, {"ab", "ba", "aab"},
		{NULL, NULL, NULL},
	};
	char **words[7];
	size_t nwords[7];
	for (size_t i = 0; i < 7; i++) {
		words[i] = calloc(3, sizeof *words[i]);
		nwords[i] = 0;
		while (nwords[i] < 3 && lists[i][nwords[i]] != NULL) {
			words[i][nwords[i]] = strdup(lists[i][nwords[i]]);
			nwords[i]++;
		}
	}
	const size_t n = sizeof nwords / sizeof nwords[0];
	struct trigger_set *t = trigger_set_new((char **const *)words, nwords, n);

	bool got[7], want[7];
	const char *line = "are you hiring? what would the compensation package be? i ask as a job seeker";
	trigger_scan(t, line, strlen(line), got);
	ok(got[0] && !got[1] && got[2] && got[3] && got[4] && !got[5] && !got[6],
	    "a long line: the owners of the words in it, and no others");
	trigger_scan(t, "", 0, got);
	ok(!got[0] && !got[1] && !got[2] && !got[3] && !got[4] && !got[5] && !got[6], "an empty line: none");

	/* Every length up to 120, each word put at every place, in a
	 * filler of letters that make the short words by chance too. */
	static const char *const filler = "xabzqbayaxqzpxabqz";
	static const char *const put[] = {"hiring", "paid", "i", "opening", "compensation package", "aab", "salary"};
	bool same = true;
	size_t tried = 0;
	char s[128];
	for (size_t len = 1; len <= 120; len++) {
		for (size_t w = 0; w < sizeof put / sizeof put[0]; w++) {
			size_t wl = strlen(put[w]);
			for (size_t at = 0; at + wl <= len; at++) {
				for (size_t i = 0; i < len; i++)
					s[i] = filler[(i * 7 + len) % strlen(filler)];
				memcpy(s + at, put[w], wl);
				trigger_scan(t, s, len, got);
				expected((char **const *)words, nwords, n, s, len, want);
				same &= memcmp(got, want, sizeof got) == 0;
				tried++;
			}
		}
	}
	ok(same, "every word at every place of lines of 1 to 120 bytes: as searched one by one (%zu lines)", tried);
	/* A trigger ending at nearly every byte, long past what a scan keeps
	 * to look at later, then one word at the very end. */
	char many[601];
	for (size_t i = 0; i < 594; i++)
		many[i] = "ab"[i % 2];
	memcpy(many + 594, "hiring", 6);
	trigger_scan(t, many, 600, got);
	expected((char **const *)words, nwords, n, many, 600, want);
	ok(memcmp(got, want, sizeof got) == 0 && got[0] && got[5], "a trigger at every byte of 600, and one at the end");
	trigger_set_free(t);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < nwords[i]; j++)
			free(words[i][j]);
		free(words[i]);
	}
	return tap_done();
}
