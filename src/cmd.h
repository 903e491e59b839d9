/*
 * cmd.h -- the REPL's /commands, from one table.
 *
 * Each command is a table entry: its name, how many arguments it takes,
 * its usage and help text, and its handler.  /help, the error for an
 * unknown command and readline's completion are all generated from the
 * table, so they cannot disagree with what the commands do.
 */
#ifndef INFOCOACH_CMD_H
#define INFOCOACH_CMD_H

struct session;

/* Run a line that starts with '/'.  Problems (unknown command, wrong
 * number of arguments) are told to the user; nothing is returned. */
void cmd_run(struct session *s, const char *line);

/* The n-th (0-based) command name starting with prefix (which includes
 * the '/'), or NULL; for readline's completion. */
const char *cmd_complete(const char *prefix, int n);

#endif
