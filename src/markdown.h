/*
 * markdown.h -- the Markdown around a question in a draft.
 *
 * Students write their drafts in whatever their editor makes: plain
 * lines, numbered lists, Markdown task lists under a block quote, with
 * words in bold and a link to the host's company.  md_prefix() finds
 * where the question starts after the line's markers, md_strip() takes
 * emphasis and link syntax out of the question's text and keeps, for
 * every byte left, where it was in the line, so findings still point at
 * the columns the student sees.  It knows nothing of comments or
 * suppressions (suppress.h) and does not render Markdown.
 */
#ifndef INFOCOACH_MARKDOWN_H
#define INFOCOACH_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The offset in s[0..len) where the text of a list item starts: past
 * leading blanks, block quote markers (">", also nested), one list marker
 * ("-", "*", "+", "1." or "1)" and a blank) and a task-list box ("[ ]",
 * "[x]" or "[X]" and a blank), in any of the orders editors write them.
 * 0 or the offset of the first character that is none of these.
 */
size_t md_prefix(const char *s, size_t len);

/*
 * Copy s[0..len) to out without emphasis markers ("**", "__", "*", "_",
 * "~~" and the backticks of inline code, where they open or close a
 * span, not inside a word like snake_case or around a lone "*") and
 * with links and images reduced to their text ("[text](url)" gives
 * "text").  map[i] gets the offset in s of out[i], and map[n] is len.
 * out needs room for len + 1 bytes (it is NUL-terminated), map for
 * len + 1 offsets.  Returns n, the length of out.
 */
size_t md_strip(const char *s, size_t len, char *out, size_t *map);

/* Whether s[0..len) has nothing md_strip would take out (it would copy
 * it as it is). */
bool md_plain(const char *s, size_t len);

#endif
