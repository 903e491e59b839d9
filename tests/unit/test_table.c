/* Unit tests for table.c: tables and lines fitted to a width. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "tap.h"

/* What fn printed, as one string (newly allocated). */
static char *
printed_table(const struct table_col *cols, size_t ncols, const char *const *const *rows, size_t nrows,
    unsigned width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	table_print(f, cols, ncols, rows, nrows, 2, width);
	fclose(f);
	return buf;
}

static char *
printed_line(const char *line, unsigned hang, unsigned width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	table_line(f, line, hang, width);
	fclose(f);
	return buf;
}

int
main(void)
{
	static const struct table_col cols[] = {
		{"name", false, false}, {"n", true, false}, {"where", false, true},
	};
	const char *r1[] = {"software-engineering/ruth", "7", "/home/someone/sessions/4-mock-software.md"};
	const char *r2[] = {"general/dolores", "31", "none"};
	const char *const *rows[] = {r1, r2};

	char *t = printed_table(cols, 3, rows, 2, 0);
	is_str(t, "  name                        n  where\n"
	    "  software-engineering/ruth   7  /home/someone/sessions/4-mock-software.md\n"
	    "  general/dolores            31  none\n", "no limit: columns as wide as their widest cell");
	free(t);

	t = printed_table(cols, 3, rows, 2, 40);
	is_str(t, "  name               n  where\n"
	    "  software-          7  /home/someone/\n"
	    "  engineering/ruth      sessions/4-mock-\n"
	    "                        software.md\n"
	    "  general/dolores   31  none\n", "40 columns: the widest gives way, wrapped after '/' and a '-' after a letter");
	free(t);

	t = printed_table(cols, 3, rows, 2, 28);
	is_str(t, "  name           n  where\n"
	    "  software-      7  /home/\n"
	    "  engineering/      someone/\n"
	    "  ruth              session…\n"
	    "                    4-mock-\n"
	    "                    softwar…\n"
	    "  general/      31  none\n"
	    "  dolores\n", "28 columns: the column that may be cut is, words cut with '…'");
	free(t);

	t = printed_line("x  /a/very-long-path-to-somewhere/that-file.md", 3, 20);
	is_str(t, "x  /a/very-long-\n   path-to-\n   somewhere/that-\n   file.md\n",
	    "a listing's path wraps after its slashes and hyphens, nothing cut");
	free(t);

	t = printed_line("persona colm   Colm Brennan, Audit Partner at Harwood Lisle LLP", 15, 40);
	is_str(t, "persona colm   Colm Brennan, Audit\n"
	    "               Partner at Harwood Lisle\n"
	    "               LLP\n", "a line wraps between words, going on under its column");
	free(t);
	t = printed_line("short line", 4, 40);
	is_str(t, "short line\n", "a line that fits is left as it is");
	free(t);
	return tap_done();
}
