/* Unit tests for sentence.c and markdown.c: where sentences and
 * questions end, and a question's text without its Markdown. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "sentence.h"
#include "tap.h"

/* The sentences of s, each followed by "|". */
static char *
sentences(const char *s)
{
	size_t len = strlen(s);
	char *out = calloc(1, 2 * len + 2);
	for (size_t st = 0; st < len;) {
		while (st < len && (s[st] == ' ' || s[st] == '\n'))
			st++;
		if (st >= len)
			break;
		size_t en = sentence_end(s, len, st);
		strncat(out, s + st, en - st);
		strcat(out, "|");
		st = en;
	}
	return out;
}

/* The questions of one draft line, each followed by "|". */
static char *
questions(const char *s)
{
	size_t len = strlen(s);
	char *out = calloc(1, 2 * len + 2);
	for (size_t st = 0; st < len;) {
		size_t en = sentence_question_end(s, len, st);
		strncat(out, s + st, en - st);
		strcat(out, "|");
		st = en;
		while (st < len && s[st] == ' ')
			st++;
	}
	return out;
}

static void
strip_is(const char *in, const char *want, const char *name)
{
	size_t len = strlen(in);
	char buf[256];
	size_t map[256];
	size_t n = md_strip(in, len, buf, map);
	const char *out = buf;
	is_str(out, want, name);
	ok(map[n] == len, "%s: the map ends at the line's end", name);
}

int
main(void)
{
	char *s;
	s = sentences("I met Dr. Lopez. She said hi! Did she? Yes.");
	is_str(s, "I met Dr. Lopez.|She said hi!|Did she?|Yes.|", "abbreviation, ! and ?");
	free(s);
	s = sentences("Ms. J. R. Smith wrote 3.5 pages, e.g. on costs, i.e. money. Next one.");
	is_str(s, "Ms. J. R. Smith wrote 3.5 pages, e.g. on costs, i.e. money.|Next one.|",
	    "initials, decimals, e.g. and i.e.");
	free(s);
	s = sentences("See https://example.org/a.pdf and mail a.b@example.org. Thanks.");
	is_str(s, "See https://example.org/a.pdf and mail a.b@example.org.|Thanks.|", "a URL and an e-mail address");
	free(s);
	s = sentences("We start at 9 a.m. and finish late. It is \"fine.\" Then (at last.) more");
	is_str(s, "We start at 9 a.m. and finish late.|It is \"fine.\"|Then (at last.)|more|",
	    "a.m. before a lower-case word, closing quotes and brackets");
	free(s);
	s = sentences("Dear Sam,\nI would like\nto talk.\n\nBest regards,\nAlex");
	is_str(s, "Dear Sam,\nI would like\nto talk.|Best regards,\nAlex|", "a line break goes on, a blank line ends");
	free(s);
	s = sentences("No end here\n\nNew paragraph");
	is_str(s, "No end here|New paragraph|", "a paragraph without a full stop");
	free(s);

	s = questions("What do you do? How did you start?");
	is_str(s, "What do you do?|How did you start?|", "two questions");
	free(s);
	s = questions("Are you hiring? Just curious.");
	is_str(s, "Are you hiring? Just curious.|", "a remark stays with its question");
	free(s);
	s = questions("Is it hard?! \"Why?\" And https://x.org/?a=1 ok?");
	is_str(s, "Is it hard?!|\"Why?\"|And https://x.org/?a=1 ok?|", "?!, a quoted question and a URL's ?");
	free(s);

	const char *line = "> - [x] What **is** it?";
	is_int(md_prefix(line, strlen(line)), 8, "a block quote, a list marker and a task box");
	line = "12) [ ] > Why?";
	is_int(md_prefix(line, strlen(line)), 10, "a number, a box, then a quote");
	line = "[link](u) first";
	is_int(md_prefix(line, strlen(line)), 0, "a link is not a task box");
	line = "- [ ]";
	is_int(md_prefix(line, strlen(line)), 5, "an empty task box");

	strip_is("What **is** a _typical_ day?", "What is a typical day?", "bold and italics");
	strip_is("How did you get into [public health](https://x.org/a_b)?", "How did you get into public health?",
	    "a link keeps its text");
	strip_is("Is ![a logo](l.png) `R` ~~old~~ fine?", "Is a logo R old fine?", "an image, code and strikethrough");
	strip_is("snake_case and 2 * 3 and a_b_c", "snake_case and 2 * 3 and a_b_c", "no emphasis inside words");
	strip_is("[not a link] and [x]", "[not a link] and [x]", "brackets without a URL stay");
	size_t map[64];
	char out[64];
	md_strip("a **b**", 7, out, map);
	ok(map[0] == 0 && map[2] == 4 && map[3] == 7, "the map points into the line");
	return tap_done();
}
