/*
 * test_session.c -- session.c through its interface: the host opens,
 * answers a question and is quiet on a blank line; the coach flags a
 * job ask; the meeting ends once however it is ended; the clock's
 * figures (elapsed, time used, the next notice, the grace); words left
 * unsent.  Sessions run on a virtual clock; nothing sleeps.
 */
#include <config.h>

#include <stdint.h>

#include "session_fixture.h"

static void
advance(unsigned sec)
{
	clock_advance(&clk, (uint64_t)sec * 1000);
}

int
main(void)
{
	if (!fixture_open())
		return tap_done();

	struct session *s = start(0);
	ok(heard("host: "), "the host opens the meeting");
	ok(!session_over(s), "a new session is not over");
	is_int(session_state(s), SESSION_OPEN, "a new session is open");
	is_int(session_planned_ms(s), 0, "untimed: nothing planned");
	is_int(session_next_due(s), UINT64_MAX, "untimed: no notice will fall due");

	reset();
	session_input(s, "", 0);
	session_input(s, "   ", 3);
	ok(said_len == 0, "blank lines are not heard");
	session_input(s, "/help", 5);
	ok(said_len == 0, "a /command is not speech: the session ignores it");

	advance(30);
	type(s, "What does a typical week look like for you?");
	ok(heard("host: "), "a question gets the host's reply");
	ok(!heard("coach: "), "a good question gets no remark from the coach");
	type(s, "Are you hiring at the moment?");
	ok(heard("coach: "), "a job ask gets the coach's remark");
	is_int(session_elapsed(s), 30000, "elapsed time follows the clock");

	advance(60);
	session_finish(s);
	ok(session_over(s), "session_finish ends the meeting");
	uint64_t used = session_time_used(s);
	is_int(used, 90000, "the time used is the meeting's length");
	reset();
	session_finish(s);
	session_leave(s);
	ok(said_len == 0, "ending it again says nothing");
	is_int(session_state(s), SESSION_ENDED, "it stays ended by the user, not quit");
	advance(600);
	is_int(session_time_used(s), used, "the time used stops at the end");
	ok(session_elapsed(s) > used, "while the clock goes on");
	reset();
	session_input(s, "Are you still there?", 20);
	ok(!heard("host: "), "nothing is heard once the meeting is over");
	session_free(s);

	/* Leaving: over, with the words typed kept aside. */
	s = start(0);
	session_leave(s);
	ok(session_over(s), "session_leave ends the meeting");
	ok(session_quit(s) && !session_ended_by_clock(s), "... as the user leaving");
	reset();
	session_finish(s);
	ok(said_len == 0 && session_state(s) == SESSION_QUIT, "finishing after /quit says nothing and changes nothing");
	session_free(s);
	s = start(20 * 60);
	session_unsent(s, "What does a typ");
	is_str(s->unsent, "What does a typ", "words typed but not sent are kept for the report");
	session_free(s);

	/* The clock's figures in a timed session. */
	s = start(20 * 60);
	ok(session_next_due(s) <= 20 * 60 * 1000, "timed: a notice is due within the meeting");
	is_int(session_planned_ms(s), 20 * 60 * 1000, "20 minutes planned, in milliseconds");
	ok(session_usual_length(s), "20 minutes is a meeting of usual length");
	is_int(session_grace_ms(s), 120000, "20 minutes: a grace of a tenth, 2 minutes");
	session_free(s);
	s = start(60 * 60);
	is_int(session_grace_ms(s), 180000, "an hour: the grace stops at 3 minutes");
	session_free(s);
	s = start(12 * 60);
	ok(!session_usual_length(s), "12 minutes is shorter than usual");
	session_free(s);
	session_free(NULL);

	fixture_close();
	return tap_done();
}
