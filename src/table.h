/*
 * table.h -- text tables and listings that fit the terminal.
 *
 * table_width() decides how wide the output may be: $COLUMNS when it
 * holds a number, else the terminal's width when the output is one,
 * else no limit (piped output keeps whole lines, for scripts and
 * pagers).  table_print() lays out a table in that width: columns as
 * wide as their widest cell when that fits; else the widest columns give
 * way first, their cells wrapped onto more lines between words (or after
 * a '/', or a '-' after a letter, inside one), and when even the longest
 * words do not fit, the columns that may be cut are narrowed further and
 * a word too long is cut with "…" (a path keeps its end, where its file
 * name is); in a terminal narrower still, every column is.  Only a
 * terminal too narrow for four columns of each is overrun.  table_line() does the same for one line of a listing, its
 * wrapped part going on under a given column.
 *
 * Cells are printed as given: the caller makes them safe to show
 * (text_sanitize).  Widths are counted in code points.  This module
 * knows nothing of what the tables hold.
 */
#ifndef INFOCOACH_TABLE_H
#define INFOCOACH_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Narrower $COLUMNS or terminals are taken as this wide. */
#define TABLE_MIN_WIDTH 20

/* The width output to fd may take: $COLUMNS, the terminal's, or 0 for
 * no limit. */
unsigned table_width(int fd);

/* A table's columns. */
struct table_col {
	const char *head;       /* the header cell */
	bool right;             /* right-aligned (numbers) */
	bool cut;               /* may be narrowed below its longest word,
	                           cutting words with "…", before the
	                           others are */
};

/*
 * Print the header and nrows rows of ncols cells each (rows[i][k], none
 * NULL) to fp, each line after indent spaces, columns two spaces apart,
 * in at most width columns (0: no limit; see above).  Nothing is
 * written past a row's last cell but its line end.
 */
void table_print(FILE *fp, const struct table_col *cols, size_t ncols, const char *const *const *rows,
    size_t nrows, unsigned indent, unsigned width);

/*
 * Print line (no newline in it) to fp in at most width columns (0: no
 * limit), wrapped between words; the lines after the first start at
 * column hang.  A word too long for its line is cut with "…".
 */
void table_line(FILE *fp, const char *line, unsigned hang, unsigned width);

#endif
