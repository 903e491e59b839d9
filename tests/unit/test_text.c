/* Unit tests for text.c: UTF-8 validation, columns, sanitizing, distance. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

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

	/* Encodings: UTF-16 found with and without a BOM, decoded, and
	 * another code page named. */
	is_int(text_sniff("\xff\xfeW\0", 4), TEXT_UTF16LE, "a UTF-16LE BOM");
	is_int(text_sniff("\xfe\xff\0W", 4), TEXT_UTF16BE, "a UTF-16BE BOM");
	is_int(text_sniff("W\0h\0a\0t\0?\0\n\0", 12), TEXT_UTF16LE, "UTF-16LE without a BOM");
	is_int(text_sniff("\0W\0h\0a\0t", 8), TEXT_UTF16BE, "UTF-16BE without a BOM");
	is_int(text_sniff("What?\n", 6), TEXT_UTF8, "ASCII is UTF-8");
	is_int(text_sniff("\0\0\0\0ab\0\0", 8), TEXT_UTF8, "NULs on both sides are not UTF-16");
	char out[32];
	size_t used;
	/* "é€😀" in UTF-16LE, then half of another pair. */
	const char u16[] = "\xe9\0\xac\x20\x3d\xd8\x00\xde\x3d\xd8";
	size_t w = utf16_to_utf8(TEXT_UTF16LE, u16, 10, false, out, sizeof out, &used);
	ok(w == 9 && memcmp(out, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9) == 0 && used == 8,
	    "UTF-16LE decoded, a high surrogate at the end kept for the next read (%zu bytes, %zu used)", w, used);
	w = utf16_to_utf8(TEXT_UTF16LE, u16 + 8, 2, true, out, sizeof out, &used);
	ok(w == 1 && (unsigned char)out[0] == 0xff && used == 2, "a lone surrogate at the end becomes an invalid byte");
	w = utf16_to_utf8(TEXT_UTF16BE, "\0a\0b", 4, true, out, 4, &used);
	ok(w == 1 && used == 2, "no more than fits in the output, four bytes free per character");
	uint32_t cp = 0;
	is_str(text_guess_encoding("What\x92s your day like?", strlen("What\x92s your day like?"), 4, &cp), "Windows-1252",
	    "a curly apostrophe in Windows-1252 is recognised");
	is_int(cp, 0x2019, "... as U+2019");
	ok(text_guess_encoding("Are you hiring \xff now?", strlen("Are you hiring \xff now?"), 15, &cp) == NULL, "a lone 0xFF names no encoding");
	ok(text_guess_encoding("x\x81y", 3, 1, &cp) == NULL, "a byte Windows-1252 does not define names none");

	is_int(text_distance("qustion", "question"), 1, "distance of one deletion");
	is_int(text_distance("id", "id"), 0, "distance of equal strings");
	is_int(text_distance("persona", "replies"), 6, "distance of different words");

	/* "Did you mean": the nearest name under the bound, the first of a tie. */
	static const char *const names[] = {"duration", "policy", "persona", "bank"};
	struct text_closest near;
	text_closest_begin(&near, "persnoa", TEXT_CLOSE);
	for (size_t i = 0; i < 4; i++)
		text_closest(&near, names[i]);
	is_str(near.best, "persona", "a transposition in a long word finds the name");
	text_closest_begin(&near, "policies", TEXT_CLOSE);
	for (size_t i = 0; i < 4; i++)
		text_closest(&near, names[i]);
	ok(near.best == NULL, "three edits away is no near miss");
	text_closest_begin(&near, "bnk", text_close_below("bnk"));
	for (size_t i = 0; i < 4; i++)
		text_closest(&near, names[i]);
	is_str(near.best, "bank", "one slip in a short word finds the name");
	text_closest_begin(&near, "bx", text_close_below("bx"));
	for (size_t i = 0; i < 4; i++)
		text_closest(&near, names[i]);
	ok(near.best == NULL, "a short word two edits away is offered nothing");
	static const char *const tie[] = {"cat", "car"};
	text_closest_begin(&near, "cab", TEXT_CLOSE);
	text_closest(&near, tie[0]);
	text_closest(&near, tie[1]);
	is_str(near.best, "cat", "of two equally near names the first offered wins");
	/* Every word in a list, and one of another. */
	static const char *const lean[] = {"why", "is", "that", "how", "come", NULL};
	static const char *const asks[] = {"why", "come", NULL};
	ok(text_words_all_in("Why is that?", lean, asks), "text_words_all_in: 'Why is that?' leans and asks why");
	ok(text_words_all_in("how come!!", lean, asks), "text_words_all_in: 'how come!!' too");
	ok(!text_words_all_in("is that so?", lean, asks), "text_words_all_in: a word not in the list");
	ok(!text_words_all_in("is that", lean, asks), "text_words_all_in: none of the second list");
	ok(text_words_all_in("is that", lean, NULL), "text_words_all_in: no second list asked for");
	ok(!text_words_all_in(" ?! ", lean, NULL), "text_words_all_in: no word at all");
	/* Eight bytes at a time, against one at a time: every byte value at
	 * every place of a 19-byte string, among letters and among bytes
	 * with the top bit set. */
	{
		bool lower_ok = true, prefix_ok = true;
		for (int fill = 0; fill < 2; fill++) {
			for (size_t at = 0; at < 19; at++) {
				for (int b = 0; b < 256; b++) {
					char in[19], got[19];
					for (size_t i = 0; i < sizeof in; i++)
						in[i] = fill ? (char)(0xc3 - (i & 1) * 0x43) : (char)('A' + i % 26 + (i & 4) * 8);
					in[at] = (char)b;
					text_lower_ascii(got, in, sizeof in);
					for (size_t i = 0; i < sizeof in; i++) {
						unsigned char c = (unsigned char)in[i];
						lower_ok &= (unsigned char)got[i] == (c >= 'A' && c <= 'Z' ? c + 32 : c);
					}
					size_t want = 0;
					while (want < sizeof in && (unsigned char)in[want] < 0x80 &&
					    in[want] != '\t' && in[want] != '`')
						want++;
					prefix_ok &= text_ascii_prefix_but(in, sizeof in, '\t', '`') == want;
				}
			}
		}
		ok(lower_ok, "text_lower_ascii: every byte anywhere, as one at a time would");
		ok(prefix_ok, "text_ascii_prefix_but: every byte anywhere, as one at a time would");
	}
	/* Tabs and two spaces in a row, found eight bytes at a time: lines
	 * of 0 to 40 bytes of letters and single spaces, with a tab, two
	 * spaces or neither at each place. */
	{
		bool same = true;
		for (size_t len = 0; len <= 40; len++) {
			for (size_t at = 0; at <= len; at++) {
				for (int what = 0; what < 3; what++) {
					char line[41];
					for (size_t i = 0; i < len; i++)
						line[i] = (i % 3 == 2) ? ' ' : 'a';
					if (at < len && what == 1)
						line[at] = '\t';
					if (at + 1 < len && what == 2)
						line[at] = line[at + 1] = ' ';
					bool want = false;
					for (size_t i = 0; i < len; i++)
						want |= line[i] == '\t' || (line[i] == ' ' && i + 1 < len && line[i + 1] == ' ');
					same &= text_has_odd_space(line, len) == want;
				}
			}
		}
		ok(same, "text_has_odd_space: a tab or two spaces anywhere, as one byte at a time finds");
	}
	return tap_done();
}
