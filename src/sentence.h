/*
 * sentence.h -- where a sentence or a question ends.
 *
 * Letters and thank-you notes are judged a sentence at a time, and a
 * draft line that holds two questions a question at a time, so that one
 * part of a paragraph cannot hide (or excuse) another.  The split is by
 * punctuation, with the usual exceptions: abbreviations (Dr., e.g.),
 * initials (J. Smith), decimals (3.5), and URLs and e-mail addresses,
 * whose dots are not followed by a blank.  A blank line ends a sentence
 * too.  Offsets are bytes; nothing is copied or allocated.
 */
#ifndef INFOCOACH_SENTENCE_H
#define INFOCOACH_SENTENCE_H

#include <stddef.h>

/*
 * The end of the sentence that starts at s[from], in s[0..len): just past
 * its final punctuation and any closing quotes or brackets, or the first
 * newline of a blank line, or len.  A sentence runs over single line
 * breaks.  Always more than from when from < len.
 */
size_t sentence_end(const char *s, size_t len, size_t from);

/*
 * The end of the question that starts at s[from] on one draft line
 * s[0..len): just past a question mark (and closing quotes or brackets)
 * followed by a blank, when another question mark follows later, else
 * len.  "What do you do? How did you start?" holds two questions; in
 * "Are you hiring? Just curious." the remark stays with its question.
 */
size_t sentence_question_end(const char *s, size_t len, size_t from);

#endif
