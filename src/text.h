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

/* Like text_sanitize, but line breaks are kept as they are. */
char *text_sanitize_lines(const char *s);

/* printf to fp with the result made safe (line breaks kept); returns 0,
 * or -1 on a write error. */
int text_printf(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Edit distance of two short strings (capped at 100 for long input). */
size_t text_distance(const char *a, const char *b);

#endif
