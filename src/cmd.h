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

#include <stddef.h>

struct session;

/* Run a line that starts with '/'.  Problems (unknown command, wrong
 * number of arguments) are told to the user; nothing is returned. */
void cmd_run(struct session *s, const char *line);

/*
 * A line the user typed: a /command goes to the commands, anything else
 * is said to the host (session_input).  When the meeting ends, the report
 * follows (cmd_conclude).  The REPL and the tests call this; the session
 * itself only hears speech.
 */
void cmd_input(struct session *s, const char *line, size_t len);

/* The report, once, when the meeting is over and the user did not leave
 * with /quit.  Call it whenever the session may have ended (after a
 * line, after a tick of the clock). */
void cmd_conclude(struct session *s);

/* End the meeting as /end does, with the report. */
void cmd_finish(struct session *s);

/* The n-th (0-based) command name starting with prefix (which includes
 * the '/'), or NULL; for readline's completion. */
const char *cmd_complete(const char *prefix, int n);

#endif
