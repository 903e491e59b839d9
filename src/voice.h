/*
 * voice.h -- the voices of the conversation (enum voice, which the
 * session speaks in) and how each is printed.
 *
 * The host's lines follow the first word of their name, the coach's are
 * indented under "coach:", and both are wrapped between words at the
 * width given.  The program's own text (help, report, notes) is printed
 * line by line; with wrap_info, a line too long for the width is wrapped
 * between words with a hanging indent (under the text column of a table
 * row, after the "- " of a list item, or at the line's own indent).
 * Control characters from banks or input are escaped.
 */
#ifndef INFOCOACH_VOICE_H
#define INFOCOACH_VOICE_H

#include <stdbool.h>
#include <stdio.h>

/* Who is speaking, for the display. */
enum voice {
	VOICE_HOST,             /* the host, in character */
	VOICE_COACH,            /* the coach's aside */
	VOICE_INFO,             /* the program itself (help, report, notices) */
};

#define VOICE_MAX_WIDTH 100  /* wider lines are hard to read */
#define VOICE_PIPE_WIDTH 78  /* the width when not on a terminal */

/* The width to wrap at on the terminal fd (at most VOICE_MAX_WIDTH), or 0
 * when fd is not a terminal (or one narrower than 40 columns). */
unsigned voice_width(int fd);

void voice_print(FILE *fp, enum voice v, const char *who, const char *text, unsigned width,
    bool color, bool wrap_info);

#endif
