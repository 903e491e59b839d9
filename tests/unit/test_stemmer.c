/* Unit tests for stemmer.c: the Snowball English stems, however the
 * stemmer was linked (configure's --disable-static-stemmer), since the
 * model's features, and so what infocoach understands, are made of them. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "stemmer.h"
#include "tap.h"

static const struct {
	const char *word;
	const char *stem;
} table[] = {
	{"running", "run"},
	{"generously", "generous"},
	{"happiness", "happi"},
	{"hiring", "hire"},
	{"recruiters", "recruit"},
	{"salaries", "salari"},
	{"internships", "internship"},
	{"referrals", "referr"},
	{"caresses", "caress"},
	{"ponies", "poni"},
	{"dying", "die"},
	{"skies", "sky"},
	{"news", "news"},
	{"organisational", "organis"},
	{"mentoring", "mentor"},
	{"doesn't", "doesn't"},
	{"caf\xc3\xa9s", "caf\xc3\xa9"},
	{"a", "a"},
	{"engineering", "engin"},
	{"typically", "typic"},
};

/* The stem of word, as a string (owned by the caller). */
static char *
stem(struct stemmer *s, const char *word)
{
	size_t n = 0;
	const char *p = stemmer_stem(s, word, strlen(word), &n);
	if (p == NULL)
		return strdup("(null)");
	char *out = malloc(n + 1);
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

int
main(void)
{
	struct stemmer *s = stemmer_new();
	ok(s != NULL, "an English stemmer is made");
	if (s == NULL)
		return tap_done();
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		char *got = stem(s, table[i].word);
		is_str(got, table[i].stem, table[i].word);
		free(got);
	}
	/* A long word, then a short one: the short one's stem is its own,
	 * not the end of the long one's left behind. */
	char *got = stem(s, "internationalisations");
	is_str(got, "internationalis", "a long word");
	free(got);
	got = stem(s, "cats");
	is_str(got, "cat", "a short word after a long one");
	free(got);
	/* Only the bytes given count: the rest of the buffer is not read. */
	size_t n = 0;
	const char *p = stemmer_stem(s, "jobsXYZ", 4, &n);
	ok(p != NULL && n == 3 && memcmp(p, "job", 3) == 0, "a word is its first len bytes");
	stemmer_free(s);
	stemmer_free(NULL);
	return tap_done();
}
