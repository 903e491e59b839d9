/*
 * session_fixture.h -- what test_cmd.c, test_session.c and test_mock.c share: the
 * shipped banks, an assessor, a virtual clock, and a display that keeps
 * everything said ("host: ...", "coach: ...", "info: ..." lines) so a
 * test can ask whether a sentence was heard.
 */
#ifndef INFOCOACH_SESSION_FIXTURE_H
#define INFOCOACH_SESSION_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "clock.h"
#include "cmd.h"
#include "session.h"
#include "tap.h"
#include "voice.h"
#include "xmalloc.h"

static char said[200000];
static size_t said_len;
static struct ruleset *rs;
static struct assessor *as;
static struct clock clk;
static struct catalog cat;

static void
capture(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)who;
	said_len += (size_t)snprintf(said + said_len, sizeof said - said_len, "%s: %s\n",
	    v == VOICE_HOST ? "host" : v == VOICE_COACH ? "coach" : "info", text);
	if (said_len >= sizeof said)
		said_len = sizeof said - 1;
}

static __attribute__((unused)) bool
heard(const char *text)
{
	return strstr(said, text) != NULL;
}

static void
reset(void)
{
	said_len = 0;
	said[0] = '\0';
}

/* Load the shipped banks; false (with a failed test) when they do not. */
static bool
fixture_open(void)
{
	const char *top = getenv("TOP_SRCDIR");
	cat.dirs[0].path = xasprintf("%s/questionbanks", top ? top : ".");
	cat.ndirs = 1;
	struct diag_list dl = {0};
	rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL, "the shipped banks load"))
		return false;
	as = assessor_new(rs, POLICY_DEFAULT);
	return true;
}

static void
fixture_close(void)
{
	assessor_free(as);
	ruleset_free(rs);
	free(cat.dirs[0].path);
}

/* A session with the default bank's first persona; duration 0: untimed. */
static struct session *
start(unsigned long duration)
{
	clock_init_virtual(&clk);
	struct session_config cfg = {
		.bank = rs->banks[0], .persona = &rs->banks[0]->personas[0], .assessor = as,
		.clock = &clk, .transcript = NULL, .seed = 1, .duration = duration,
		.say = capture, .say_arg = NULL,
	};
	reset();
	return session_new(&cfg);
}

/* Type line (a /command or speech), as the REPL hands it over. */
static __attribute__((unused)) void
type(struct session *s, const char *line)
{
	reset();
	cmd_input(s, line, strlen(line));
}

#endif
