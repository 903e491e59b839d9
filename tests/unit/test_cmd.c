/*
 * test_cmd.c -- cmd.c on its own: completion from the command table,
 * "did you mean" for a mistyped command, the number of arguments, /help,
 * /suggest with a topic and with none it knows, /flags, /time, and how
 * /end and /quit end the meeting.
 */
#include <config.h>

#include "session_fixture.h"

static const char *const names[] = {"help", "time", "suggest", "next", "tips", "flags", "report",
	"why", "end", "review", "quit"};
#define NNAMES (sizeof names / sizeof *names)

int
main(void)
{
	/* Completion: every command from "/", one from "/he", none else. */
	size_t n = 0;
	while (cmd_complete("/", (int)n) != NULL)
		n++;
	is_int(n, NNAMES, "'/' completes to every command");
	is_str(cmd_complete("/he", 0), "help", "'/he' completes to help");
	ok(cmd_complete("/he", 1) == NULL, "... and to nothing else");
	ok(cmd_complete("/zz", 0) == NULL && cmd_complete("he", 0) == NULL,
	    "no command starts with /zz, and a word without '/' completes to none");

	if (!fixture_open())
		return tap_done();
	struct session *s = start(0);

	type(s, "/help");
	size_t listed = 0;
	for (size_t i = 0; i < NNAMES; i++) {
		char *row = xasprintf("  /%s", names[i]);
		listed += heard(row);
		free(row);
	}
	is_int(listed, NNAMES, "/help lists every command");
	type(s, "/help end");
	ok(heard("info: /end: end the meeting"), "/help end explains /end");
	type(s, "/help nosuch");
	ok(heard("No command 'nosuch'."), "/help of an unknown command says so");

	type(s, "/hlep");
	ok(heard("Unknown command '/hlep'; did you mean /help?"), "a mistyped command gets a 'did you mean'");
	type(s, "/xyzzy");
	ok(heard("Unknown command '/xyzzy'.") && !heard("did you mean"), "a command far from any gets none");
	type(s, "/time now");
	ok(heard("/time takes no arguments."), "a command given arguments it does not take says so");

	type(s, "/time");
	ok(heard("untimed practice"), "/time in untimed practice says so");
	type(s, "/flags");
	ok(heard("No flags so far."), "/flags with none says so");
	type(s, "/suggest nonsense");
	ok(heard("No topic 'nonsense'. Topics: typical day, likes,") && heard(", mention name."),
	    "/suggest of an unknown topic lists the topics as people read them");
	type(s, "/suggest industry trends");
	ok(heard("On how the field is changing, you could ask:"), "/suggest industry trends suggests a question");
	type(s, "/suggest industry_trends");
	ok(heard("On how the field is changing, you could ask:"), "/suggest takes the identifier as well");

	type(s, "Are you hiring at the moment?");
	type(s, "/flags");
	ok(!heard("No flags so far.") && heard("hiring"), "/flags lists a job ask once one was made");

	type(s, "/end");
	ok(session_over(s) && heard("Report: your conversation"), "/end ends the meeting with the report");
	session_free(s);

	s = start(0);
	type(s, "/quit");
	ok(session_over(s) && !heard("Report: your conversation"), "/quit ends it without the report");
	session_free(s);

	fixture_close();
	return tap_done();
}
