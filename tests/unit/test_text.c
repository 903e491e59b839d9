/* Unit tests for text.c: UTF-8 validation, columns, sanitizing, distance. */
#include <config.h>

#include <stdlib.h>

#include "tap.h"
#include "text.h"

int
main(void)
{
	size_t bad = 99;

	ok(utf8_valid("caf\xc3\xa9", 5, &bad), "valid two-byte sequence");
	ok(!utf8_valid("ab\xff", 3, &bad) && bad == 2, "0xFF is invalid, at offset 2");
	ok(!utf8_valid("\xc0\xaf", 2, &bad) && bad == 0, "overlong '/' is invalid");
	ok(!utf8_valid("x\xed\xa0\x80", 4, &bad) && bad == 1, "UTF-16 surrogate is invalid");
	ok(!utf8_valid("\xf4\x90\x80\x80", 4, &bad), "code point past U+10FFFF is invalid");
	ok(!utf8_valid("\xe2\x82", 2, &bad), "truncated sequence is invalid");
	is_int(utf8_columns("caf\xc3\xa9 x", 7), 6, "columns count code points");

	char *s = text_sanitize("a\x1b[2Jb\tc\x7f\xff", 10);
	is_str(s, "a\\x1b[2Jb\\tc\\x7f\\xFF", "control characters and bad bytes are escaped");
	free(s);
	s = text_sanitize("\xc2\x9b" "31m", 5);
	is_str(s, "\\x9b31m", "C1 CSI is escaped");
	free(s);

	is_int(text_distance("qustion", "question"), 1, "distance of one deletion");
	is_int(text_distance("id", "id"), 0, "distance of equal strings");
	is_int(text_distance("persona", "replies"), 6, "distance of different words");
	return tap_done();
}
