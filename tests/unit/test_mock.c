/*
 * test_mock.c -- whole timed sessions driven through a virtual clock:
 * every notice at its moment, the grace, the hard stop, and the pacing
 * figures and score in the report.  Nothing sleeps.
 */
#include <config.h>

#include "report.h"
#include "session_fixture.h"

/* Move the clock to minute:second and let the session notice. */
static void
at(struct session *s, unsigned min, unsigned sec)
{
	uint64_t target = ((uint64_t)min * 60 + sec) * 1000;
	clock_advance(&clk, target - clk.virtual_ms);
	session_tick(s);
	cmd_conclude(s);
}

static void
say(struct session *s, unsigned min, unsigned sec, const char *line)
{
	at(s, min, sec);
	cmd_input(s, line, strlen(line));
}

int
main(void)
{
	if (!fixture_open())
		return tap_done();

	/* A 30-minute meeting, nobody typing. */
	struct session *s = start(30 * 60);
	ok(heard("coach: The clock is running: 30:00."), "start notice at 0:00");
	ok(heard("Agree the time frame"), "it says to agree the time frame");
	reset();
	at(s, 14, 59);
	ok(said_len == 0, "nothing before half time");
	at(s, 15, 0);
	ok(heard("coach: Half time: 15:00 left."), "half-time notice at 15:00");
	reset();
	at(s, 24, 59);
	ok(said_len == 0, "nothing between half time and 25:00");
	at(s, 25, 0);
	ok(heard("coach: 5:00 left. Start wrapping up"), "five-minute notice at 25:00");
	reset();
	at(s, 30, 0);
	ok(heard("coach: Time is up."), "time-up notice at 30:00");
	ok(!session_over(s), "the meeting goes on in the grace");
	reset();
	at(s, 32, 59);
	ok(said_len == 0 && !session_over(s), "still in the grace at 32:59");
	at(s, 33, 0);
	ok(session_over(s) && session_ended_by_clock(s), "the host ends it at 33:00 (grace 3 minutes)");
	ok(heard("The grace after time up (3:00) is over"), "the coach names the grace");
	ok(heard("host: ") && heard("Report: your conversation"),
	    "the host's farewell and the report follow");
	ok(heard("You did not wrap up in time"), "the report says the host had to end it");
	ok(heard("\n    industry trends  "), "a 'Not touched yet' row has two spaces after the longest "
	    "name, so a wrapped row goes on under its text");
	ok(heard("pacing 0/15"), "no pacing points");
	reset();
	at(s, 40, 0);
	ok(said_len == 0, "nothing after the end");
	session_free(s);

	/* A 12-minute meeting: five sixths, and a 72-second grace. */
	s = start(12 * 60);
	reset();
	at(s, 9, 59);
	ok(heard("Half time: 6:00 left.") && !heard("left. Start wrapping"),
	    "12m: half at 6:00, nothing else by 9:59");
	reset();
	at(s, 10, 0);
	ok(heard("2:00 left. Start wrapping up"), "12m: wrap-up notice at five sixths (10:00)");
	at(s, 13, 11);
	ok(!session_over(s), "12m: still on at 13:11");
	at(s, 13, 12);
	ok(session_over(s), "12m: ended at 13:12 (grace 10%% = 72 s)");
	session_free(s);

	/* A one-hour meeting: the grace is capped at 3 minutes. */
	s = start(60 * 60);
	ok(session_grace_ms(s) == 180000, "1h: grace capped at 3 minutes");
	at(s, 55, 0);
	ok(heard("5:00 left."), "1h: five-minute notice at 55:00");
	session_free(s);

	/* A whole interview with pacing figures. */
	s = start(30 * 60);
	say(s, 0, 30, "I studied logistics and want to learn about operations.");
	say(s, 2, 0, "What does a typical week look like for you?");
	say(s, 5, 0, "How did you get into this line of work?");
	say(s, 8, 0, "What do you enjoy most about your work?");
	say(s, 11, 0, "What are the hardest parts of the job?");
	say(s, 14, 0, "Which skills matter most for someone starting out?");
	say(s, 18, 0, "How is your field changing at the moment?");
	say(s, 26, 0, "Who else would you suggest I talk to?");
	say(s, 27, 0, "May I mention your name when I contact them?");
	say(s, 28, 0, "Thank you so much for your time today.");
	reset();
	say(s, 29, 0, "/end");
	ok(session_over(s) && !session_ended_by_clock(s), "the user ends it at 29:00");
	ok(heard("Time used: 29:00 of 30:00 planned"), "time used 29:00");
	ok(heard("10 lines in 29:00: one every 2:54 on average; the longest stretch without one: 8:00"),
	    "time per line and the longest gap (18:00 to 26:00)");
	ok(heard("Referrals: asked at 26:00, in the last five minutes (from 25:00)"),
	    "referrals came in the last five minutes of a 30-minute meeting");
	ok(heard("You wrapped up on time."), "wrapped up on time");
	ok(heard("Time by tier: the job 16:00, the industry 8:00, closing 2:00, other 2:30"),
	    "time by tier");
	ok(heard("Score: 100/100"), "a clean, complete, timely interview scores 100");
	session_free(s);

	/* A 3-minute meeting has no five-minute mark: its pacing speaks of
	 * the last sixth, from 2:30; one line is "1 line". */
	s = start(3 * 60);
	say(s, 1, 46, "Who else would you suggest I talk to?");
	reset();
	say(s, 2, 50, "/end");
	ok(heard("Referrals: asked at 1:46, before the last sixth of the meeting (from 2:30)") &&
	    !heard("five-minute") && !heard("five minutes"), "3 minutes: the referrals' pacing is by the last sixth");
	ok(heard("  1 line in 2:50: one every 2:50"), "3 minutes: '1 line', in the singular");
	session_free(s);

	/* The report's rows wrap under their own text at any width. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *mf = open_memstream(&buf, &len);
		voice_print(mf, VOICE_INFO, "infocoach",
		    "  Not touched yet:\n"
		    "    industry_trends  How is the mix of audit, tax and advisory work shifting across the industry?\n"
		    "  Flags (1):\n"
		    "    error [salary.own] \"how much do you make?\"\n"
		    "      If pay matters to your decision, look up published salary surveys for the role.",
		    60, false, true);
		fclose(mf);
		bool row = strstr(buf, "\n                     ") != NULL;
		bool flag = strstr(buf, "\n      salary surveys for the role.") != NULL;
		ok(row, "a wrapped 'Not touched yet' row goes on under its text (column 21)");
		ok(flag, "a flag's wrapped suggestion keeps its indent under the flag");
		if (!row || !flag)
			printf("# got:\n%s", buf);
		free(buf);
	}

	/* The thank-you note's role: an article, lower case, acronyms kept. */
	static const char *const roles[][2] = {
		{"Family Nurse Practitioner", "a family nurse practitioner"},
		{"Operations manager", "an operations manager"},
		{"Registered Nurse, night shift, medical-surgical unit", "a registered nurse"},
		{"RN, night shift", "an RN"},
		{"QA lead", "a QA lead"},
		{"Senior iOS Developer", "a senior iOS developer"},
		{"Head of Supply Chain Planning", "head of supply chain planning"},
		{"Senior Partner, Corporate Reputation and Crisis Practice", "a senior partner"},
		{"Director of Nursing", "director of nursing"},
		{"Year 4 class teacher", "a Year 4 class teacher"},
	};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
		char *got = report_role(roles[i][0]);
		if (!ok(strcmp(got, roles[i][1]) == 0, "thank-you role '%s' reads '%s'", roles[i][0], roles[i][1]))
			printf("#   got '%s'\n", got);
		free(got);
	}

	/* The notices speak to what has been asked so far. */
	s = start(30 * 60);
	say(s, 3, 0, "How is your industry changing at the moment?");
	reset();
	at(s, 15, 0);
	ok(heard("Half time: 15:00 left. Have you asked about their own work as well as the industry?"),
	    "half time, only the industry asked: ask about their own work");
	say(s, 16, 0, "What does a typical week look like for you?");
	reset();
	say(s, 24, 0, "Who else would you suggest I talk to?");
	at(s, 25, 0);
	ok(heard("5:00 left. Start wrapping up: ask whether you may use their name") &&
	    !heard("ask whom else"), "five minutes left, referrals asked: only the name is left to ask");
	say(s, 26, 0, "May I mention your name when I contact them?");
	reset();
	at(s, 30, 0);
	ok(heard("Time is up. Tell the host you want to respect their time, thank them and /end."),
	    "time up with both closing questions asked: thank them and end");
	session_free(s);
	s = start(30 * 60);
	say(s, 1, 0, "What does a typical week look like for you?");
	say(s, 2, 0, "How is your industry changing at the moment?");
	say(s, 3, 0, "May I mention your name when I contact them?");
	reset();
	at(s, 15, 0);
	ok(heard("Half time: 15:00 left. You have covered the job and the industry"),
	    "half time with both tiers asked");
	at(s, 25, 0);
	ok(heard("5:00 left. Start wrapping up: ask whom else you could talk to."),
	    "five minutes left, the name asked: only referrals are left to ask");
	at(s, 30, 0);
	ok(heard("Time is up. Tell the host you want to respect their time, ask whom else you could talk to, "
	    "thank them and /end.") && !heard("closing questions"),
	    "time up with the name asked: only referrals are named, not the closing questions");
	session_free(s);
	s = start(30 * 60);
	say(s, 24, 0, "Who else would you suggest I talk to?");
	reset();
	at(s, 30, 0);
	ok(heard("Time is up. Tell the host you want to respect their time, ask whether you may use their name, "
	    "thank them and /end.") && !heard("closing questions"),
	    "time up with referrals asked: only the name is named, not the closing questions");
	session_free(s);
	s = start(30 * 60);
	say(s, 23, 0, "What does a typical week look like for you?");
	say(s, 24, 0, "Thank you so much for your time today.");
	reset();
	at(s, 30, 0);
	ok(heard("Time is up. Tell the host you want to respect their time, ask your closing questions now and /end."),
	    "time up, thanked but nothing closing asked: the closing questions, no 'thank them'");
	session_free(s);
	/* Closed and thanked before the notices: they do not ask for it again. */
	s = start(30 * 60);
	say(s, 20, 0, "Who else would you suggest I talk to?");
	say(s, 21, 0, "May I mention your name when I contact them?");
	say(s, 22, 0, "Thank you so much for your time today.");
	reset();
	at(s, 25, 0);
	ok(heard("You have asked your closing questions and thanked the host: /end when you are ready") &&
	    !heard("thank the host"), "five minutes left, closed and thanked: no 'thank the host'");
	at(s, 30, 0);
	ok(heard("Time is up. You have closed well: /end for your report.") && !heard("thank them"),
	    "time up, closed and thanked: no 'thank them'");
	session_free(s);

	/* A tick that comes late (a piped line long after the grace ran
	 * out) still ends the meeting when the grace ran out. */
	s = start(20 * 60);
	say(s, 1, 0, "What does a typical week look like for you?");
	reset();
	at(s, 30, 0);
	ok(session_over(s) && session_ended_by_clock(s) && session_time_used(s) == 22 * 60 * 1000,
	    "a late tick: the meeting ended at 22:00, when the grace ran out");
	ok(heard("Time used: 22:00 of 20:00 planned"), "a late tick: time used 22:00");
	session_free(s);

	/* Flags cost etiquette points. */
	s = start(20 * 60);
	say(s, 1, 0, "Are you hiring right now?");
	say(s, 2, 0, "How much do you make?");
	say(s, 3, 0, "/end");
	ok(heard("etiquette 10/40"), "two errors cost 30 etiquette points");
	session_free(s);

	/* A meeting in which nothing was asked earns no etiquette credit
	 * and gets no follow-up plan. */
	s = start(20 * 60);
	reset();
	say(s, 1, 0, "/end");
	ok(heard("etiquette 0/40"), "nothing asked: no etiquette credit");
	ok(heard("nothing was practised: you asked no questions"), "nothing asked: the verdict says so");
	ok(heard("No follow-up plan") && !heard("Follow-up plan after"), "nothing asked: no follow-up plan");
	session_free(s);

	/* Thanks said in the same line as a closing question still counts. */
	s = start(20 * 60);
	reset();
	say(s, 1, 0, "Thanks so much, this was really helpful. Who else would you suggest I talk to?");
	say(s, 2, 0, "/end");
	ok(heard("thanked the host: yes"), "thanks inside a closing question counts as thanking the host");
	session_free(s);

	fixture_close();
	return tap_done();
}
