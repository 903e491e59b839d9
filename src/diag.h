/*
 * diag.h -- positioned diagnostics in GNU style.
 *
 * Problems caused by the user's input are values: a loader adds each one
 * to a diag_list with its file, line and column, keeps going, and the
 * caller prints them all at once, sorted by position, as
 *
 *     infocoach: FILE:LINE:COL: error: MESSAGE
 *
 * Lines and columns are 1-based; columns count code points.  A line of 0
 * means the message is about the whole file ("FILE: error: ...").  File
 * names and messages are printed with control characters escaped.  This
 * module never exits; main.c turns a non-empty list into a status.
 */
#ifndef INFOCOACH_DIAG_H
#define INFOCOACH_DIAG_H

#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>

#include "taxonomy.h"

struct text_buf;

struct diag {
	char *file;            /* file name as the user gave it (owned) */
	unsigned long line;    /* 1-based line, 0 for the whole file */
	unsigned long col;     /* 1-based column in code points, 0 if none */
	enum severity sev;     /* SEV_ERROR, SEV_WARNING or SEV_INFO */
	char *msg;             /* the message (owned) */
	size_t fileord;        /* order of the file's first appearance */
	size_t seq;            /* order of insertion, to keep sorting stable */
};

struct diag_list {
	struct diag *v;        /* the diagnostics, in insertion order */
	size_t n;              /* how many */
	size_t cap;            /* allocated slots */
	size_t errors;         /* how many have SEV_ERROR (kept or dropped) */
	size_t dropped;        /* not kept: past DIAG_MAX */
};

/* At most this many diagnostics are kept; the rest are counted. */
#define DIAG_MAX 500

/* Add a diagnostic; file is copied.  Returns nothing: it cannot fail. */
void diag_add(struct diag_list *dl, const char *file, unsigned long line,
    unsigned long col, enum severity sev, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Sort by file order of first appearance, then line, then column. */
void diag_sort(struct diag_list *dl);

/* Print every diagnostic to fp in GNU style; then empty the list. */
void diag_flush(struct diag_list *dl, FILE *fp);

/* Write "PREFIX FILE:LINE:COL: SEVERITY: " (LINE and COL when not 0),
 * with the place in bold and the severity in GCC's colours when color. */
void diag_put_place(FILE *fp, bool color, const char *prefix, const char *file,
    unsigned long line, unsigned long col, enum severity sev);

/* The same, appended to b. */
void diag_format_place(struct text_buf *b, bool color, const char *prefix, const char *file,
    unsigned long line, unsigned long col, enum severity sev);

/* Colour the diagnostics written to stderr from now on (GCC's colours);
 * main() turns it on when stderr is a terminal, and commands with a
 * --color option decide again. */
void diag_set_color(bool on);

/* Free the list's contents (the struct itself is the caller's). */
void diag_clear(struct diag_list *dl);

/* Print "infocoach: MESSAGE" to stderr (for errors without a position). */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "infocoach: warning: MESSAGE" to stderr. */
void diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A file name made safe to print (control characters escaped); owned by
 * the caller. */
char *diag_quote(const char *name);

#endif
