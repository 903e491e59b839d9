/*
 * text.h -- small UTF-8 and display helpers shared by every module.
 *
 * Decoding and validating UTF-8 (strictly: no overlong forms, surrogates or
 * code points past U+10FFFF), counting columns in code points, and making
 * text that came from files safe to print on a terminal.  Nothing here
 * allocates except text_sanitize().
 */
#ifndef INFOCOACH_TEXT_H
#define INFOCOACH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Decode one UTF-8 sequence at s (n bytes available).  Returns its length
 * (1..4) and stores the code point in *cp, or returns 0 when the bytes at s
 * do not start a valid sequence (then *cp is the offending byte).
 */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/*
 * Check that s[0..n) is valid UTF-8.  Returns true, or false with the byte
 * offset of the first bad sequence in *bad (may be NULL).
 */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Whether every byte of s[0..n) is ASCII (below 0x80). */
bool text_is_ascii(const char *s, size_t n);

/* Copy s[0..n) to out with the ASCII capitals A-Z made small letters and
 * every other byte as it is (eight bytes at a time). */
void text_lower_ascii(char *out, const char *s, size_t n);

/* Whether s[0..n) has a tab or two spaces in a row (eight bytes at a
 * time). */
bool text_has_odd_space(const char *s, size_t n);

/* How many bytes at the start of s[0..n) are ASCII (below 0x80) other
 * than the two bytes a and b. */
size_t text_ascii_prefix_but(const char *s, size_t n, unsigned char a, unsigned char b);

/* Number of code points in s[0..n) (invalid bytes count one each). */
size_t utf8_columns(const char *s, size_t n);

/*
 * Write s[0..n) to fp with every control character (C0, DEL, C1) shown as
 * an escape (\t, \n, \x1b ...) and invalid bytes as \xNN, so nothing read
 * from a file can drive the terminal.  Returns 0, or -1 on a write error.
 */
int text_write_safe(FILE *fp, const char *s, size_t n);

/* The same as a newly allocated NUL-terminated string. */
char *text_sanitize(const char *s, size_t n);

/* Write at most max bytes of s (cut at a character, with "…" after a
 * cut) to fp as HTML text: control characters escaped as
 * text_sanitize does, then & < > " ' as entities. */
void text_write_html(FILE *fp, const char *s, size_t max);

/* Like text_sanitize, but line breaks are kept as they are. */
char *text_sanitize_lines(const char *s);

/* printf to fp with the result made safe (line breaks kept); returns 0,
 * or -1 on a write error. */
int text_printf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write code point cp (at most U+10FFFF) as UTF-8 at out, which has room
 * for 4 bytes; returns the length, 1..4. */
size_t utf8_encode(uint32_t cp, char *out);

/* The encoding of a text file, as far as its first bytes tell. */
enum text_encoding {
	TEXT_UTF8,              /* UTF-8 (or ASCII): read as it is */
	TEXT_UTF16LE,           /* UTF-16, little-endian (Windows Notepad's "Unicode") */
	TEXT_UTF16BE,           /* UTF-16, big-endian */
};

/*
 * Which encoding the first n bytes of a file (a few thousand, or all of a
 * short file) are in: UTF-16 when they start with its byte-order mark, or
 * when, without one, at least half of the even (little-endian) or odd
 * (big-endian) bytes are NUL and almost none of the others: English text
 * in UTF-16 (a binary file has NULs in both); else TEXT_UTF8.
 */
enum text_encoding text_sniff(const char *s, size_t n);

/* "UTF-16LE", "UTF-16BE" or "UTF-8". */
const char *text_encoding_name(enum text_encoding enc);

/*
 * Decode UTF-16 in[0..n) (enc) into UTF-8 at out[0..cap): every complete
 * code unit or surrogate pair while at least 4 bytes of out are free.
 * Sets *used to the bytes of in consumed: a final odd byte or a high
 * surrogate waiting for its pair is left for the next call, unless at_end.
 * A lone surrogate (or at_end, a final odd byte or a high surrogate) is
 * written as the byte 0xFF, which is never valid UTF-8, so the caller's
 * UTF-8 check finds it.  Returns the bytes written.  A byte-order mark is
 * decoded like any character (U+FEFF, EF BB BF in UTF-8).
 */
size_t utf16_to_utf8(enum text_encoding enc, const char *in, size_t n, bool at_end,
    char *out, size_t cap, size_t *used);

/*
 * The encoding a line that is not UTF-8 (s[0..n), its first bad byte at
 * offset bad) was most likely written in: "Windows-1252" when its bytes
 * read as that code page and include what such files are full of (curly
 * quotes, dashes, accented letters, as Word and Notepad write them), else
 * NULL.  When it names one, *cp gets the Unicode
 * character the byte at bad stands for.
 */
const char *text_guess_encoding(const char *s, size_t n, size_t bad, uint32_t *cp);

/* Edit distance of two short strings (capped at 100 for long input). */
size_t text_distance(const char *a, const char *b);

/*
 * name(0) .. name(n - 1) joined with ", " into buf, for "expected one
 * of ..." messages: the list comes from the table it names, never typed
 * again.  Cut short at len bytes, always terminated; returns buf.
 */
char *text_join_names(char *buf, size_t len, const char *(*name)(int), int n);

/*
 * "Did you mean": the known name nearest to what the user wrote.  A name
 * is offered only when its distance is below a bound; the bound is
 * TEXT_CLOSE, or text_close_below(word) where a short word should get
 * a suggestion for one slip only.  Of equally near names the first
 * offered wins.
 */
#define TEXT_CLOSE        3   /* two edits at most */
#define TEXT_CLOSE_SHORT  2   /* one edit, for a word of 4 bytes or fewer */

struct text_closest {
	const char *word;       /* what the user wrote (borrowed) */
	const char *best;       /* the nearest name so far (borrowed), or NULL */
	size_t bestd;           /* its distance; the bound while best is NULL */
};

/* The bound for word: TEXT_CLOSE, or TEXT_CLOSE_SHORT for a short word. */
size_t text_close_below(const char *word);

/* Start a search for names near word (borrowed) closer than below. */
void text_closest_begin(struct text_closest *tc, const char *word, size_t below);

/* Offer one known name (borrowed: it must outlive tc->best's use);
 * tc->best is the nearest one offered so far, or NULL while none is
 * close. */
void text_closest(struct text_closest *tc, const char *name);


/* A growing string: text_buf_add() appends a formatted piece; p is
 * NUL-terminated once anything is added (free it when done). */
struct text_buf {
	char *p;
	size_t len, cap;
};
void text_buf_add(struct text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append s[0..n) to b as it is (text_buf_put), or made safe as
 * text_write_safe writes it (text_buf_put_safe): a line put together
 * here is written with one call rather than one a piece. */
void text_buf_put(struct text_buf *b, const char *s, size_t n);
void text_buf_put_safe(struct text_buf *b, const char *s, size_t n);

/* The length of the word at p: its ASCII letters, apostrophes and
 * hyphens. */
size_t text_word_len(const char *p);

/* Whether the n bytes at w are one of words (NULL-terminated), ASCII case
 * aside. */
bool text_word_listed(const char *w, size_t n, const char *const *words);

/*
 * Whether every word of s (its runs of ASCII letters and apostrophes) is
 * one of words, ASCII case aside, and, when some is not NULL, at least
 * one of them is one of some.  False when s has no word.
 */
bool text_words_all_in(const char *s, const char *const *words, const char *const *some);

#endif
