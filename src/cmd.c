/*
 * cmd.c -- the REPL's /commands, from one table (see cmd.h).
 */
#include <config.h>

#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "session.h"
#include "text.h"
#include "xmalloc.h"

#define MAX_ARGS 4

struct cmd {
	const char *name;      /* without the '/' */
	int min_args, max_args;
	const char *usage;     /* arguments, e.g. "[COMMAND]" */
	const char *help;      /* one line */
	void (*run)(struct session *s, int argc, char **argv);
};

static void cmd_help(struct session *s, int argc, char **argv);
static void cmd_time(struct session *s, int argc, char **argv);
static void cmd_suggest(struct session *s, int argc, char **argv);
static void cmd_tips(struct session *s, int argc, char **argv);
static void cmd_flags(struct session *s, int argc, char **argv);
static void cmd_report(struct session *s, int argc, char **argv);
static void cmd_end(struct session *s, int argc, char **argv);
static void cmd_quit(struct session *s, int argc, char **argv);

static const struct cmd commands[] = {
	{"help", 0, 1, "[COMMAND]", "list the commands, or explain one", cmd_help},
	{"time", 0, 0, "", "show the time used (and left, in a timed session)", cmd_time},
	{"suggest", 0, 1, "[CATEGORY]", "suggest a next question for a topic not yet covered", cmd_suggest},
	{"tips", 0, 0, "", "etiquette tips for an informational interview", cmd_tips},
	{"flags", 0, 0, "", "list the coach's flags so far, with better ways to ask", cmd_flags},
	{"report", 0, 0, "", "show the report so far without ending", cmd_report},
	{"end", 0, 0, "", "end the meeting: farewell, report and thank-you draft", cmd_end},
	{"quit", 0, 0, "", "leave at once, without the report (the transcript is kept)", cmd_quit},
	{NULL, 0, 0, NULL, NULL, NULL},
};

static void
info(struct session *s, const char *text)
{
	session_say(s, VOICE_INFO, text);
}

static void
infof(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
infof(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(fmt, ap);
	va_end(ap);
	info(s, t);
	free(t);
}

static const struct cmd *
find(const char *name)
{
	if (name[0] == '/')
		name++;
	for (const struct cmd *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void
cmd_help(struct session *s, int argc, char **argv)
{
	if (argc == 1) {
		const struct cmd *c = find(argv[0]);
		if (c == NULL) {
			char *q = text_sanitize(argv[0], strlen(argv[0]));
			infof(s, "No command '%s'. Type /help for the list.", q);
			free(q);
			return;
		}
		infof(s, "/%s%s%s: %s", c->name, c->usage[0] ? " " : "", c->usage, c->help);
		return;
	}
	size_t len = 0, cap = 0;
	char *buf = NULL;
	xgrow((void **)&buf, &cap, 1, 1);
	buf[0] = '\0';
	for (const struct cmd *c = commands; c->name; c++) {
		char *line = xasprintf("%s  /%-8s %-11s %s", c == commands ? "Commands:\n" : "\n",
		    c->name, c->usage, c->help);
		size_t l = strlen(line);
		xgrow((void **)&buf, &cap, len + l + 1, 1);
		memcpy(buf + len, line, l + 1);
		len += l;
		free(line);
	}
	const char *tail = "\nAnything else you type is said to the host. Ctrl-D ends the meeting as /end does.";
	xgrow((void **)&buf, &cap, len + strlen(tail) + 1, 1);
	memcpy(buf + len, tail, strlen(tail) + 1);
	info(s, buf);
	free(buf);
}

static void
cmd_time(struct session *s, int argc, char **argv)
{
	char used[32], left[32];
	uint64_t el = session_elapsed(s);
	clock_span(el, used, sizeof used);
	if (s->cfg.duration == 0) {
		infof(s, "Time used: %s (untimed practice; a real meeting usually runs 20 to 30 minutes).", used);
		return;
	}
	uint64_t total = (uint64_t)s->cfg.duration * 1000;
	if (el >= total) {
		clock_span(el - total, left, sizeof left);
		infof(s, "Time used: %s; the agreed time ran out %s ago.", used, left);
	} else {
		clock_span(total - el, left, sizeof left);
		infof(s, "Time used: %s; time left: %s.", used, left);
	}
}

static void
cmd_suggest(struct session *s, int argc, char **argv)
{
	enum category want = CAT_NONE;
	if (argc == 1) {
		want = category_lookup(argv[0]);
		if (want == CAT_NONE) {
			char *q = text_sanitize(argv[0], strlen(argv[0]));
			infof(s, "No category '%s'. Categories: typical_day, likes, challenges, qualities, "
			    "mission, advancement, entry_path, expectations, influences, advice, workplace, "
			    "industry_trends, referrals, mention_name.", q);
			free(q);
			return;
		}
	}
	const struct question *q = report_suggest(s, want);
	if (q == NULL) {
		info(s, "The bank has no question for that topic.");
		return;
	}
	if (argc == 1 || s->asked[q->cat] > 0)
		infof(s, "On %s, you could ask: %s", report_topic(q->cat), q->text);
	else
		infof(s, "You have not asked about %s yet. You could ask: %s", report_topic(q->cat), q->text);
}

static void
cmd_tips(struct session *s, int argc, char **argv)
{
	info(s, "Tips for an informational interview:\n"
	    "  - You lead: come with questions, and keep to the time you asked for (20 to 30 minutes).\n"
	    "  - Ask about their work, their path and their field, not for a job; an opening is something "
	    "to mention in your thank-you note, never to ask for in the meeting.\n"
	    "  - Leave pay alone; published salary surveys answer that better.\n"
	    "  - Skip what the company website says; ask what only this person can tell you.\n"
	    "  - Prefer open questions (what, how, why) to yes/no ones.\n"
	    "  - Near the end, ask whom else you could talk to, and whether you may use their name.\n"
	    "  - Thank them, and send a short thank-you note within a day.");
}

static void
cmd_flags(struct session *s, int argc, char **argv)
{
	if (s->nflags == 0) {
		info(s, "No flags so far.");
		return;
	}
	char *text = report_flags(s);
	info(s, text);
	free(text);
}

static void
cmd_report(struct session *s, int argc, char **argv)
{
	char *text = report_text(s);
	info(s, text);
	free(text);
}

static void
cmd_end(struct session *s, int argc, char **argv)
{
	session_finish(s);
}

static void
cmd_quit(struct session *s, int argc, char **argv)
{
	session_leave(s);
	if (s->cfg.transcript != NULL)
		infof(s, "Left the meeting. The transcript is in %s", transcript_path(s->cfg.transcript));
	else
		info(s, "Left the meeting.");
}

void
cmd_run(struct session *s, const char *line)
{
	char *copy = xstrdup(line);
	char *argv[MAX_ARGS + 1];
	int argc = 0;
	char *save = NULL;
	char *name = strtok_r(copy, " \t", &save);
	char *w;
	while ((w = strtok_r(NULL, " \t", &save)) != NULL && argc <= MAX_ARGS)
		argv[argc++] = w;

	const struct cmd *c = find(name);
	if (c == NULL) {
		/* Name the command and offer the closest one. */
		const char *best = NULL;
		size_t bestd = 3;
		for (const struct cmd *k = commands; k->name; k++) {
			size_t d = text_distance(k->name, name + 1);
			if (d < bestd) {
				bestd = d;
				best = k->name;
			}
		}
		char *q = text_sanitize(name, strlen(name));
		if (best != NULL)
			infof(s, "Unknown command '%s'; did you mean /%s? Type /help for the list.", q, best);
		else
			infof(s, "Unknown command '%s'. Type /help for the list; anything without a '/' is said to the host.", q);
		free(q);
	} else if (argc < c->min_args || argc > c->max_args) {
		if (c->max_args == 0)
			infof(s, "/%s takes no arguments.", c->name);
		else
			infof(s, "Usage: /%s %s", c->name, c->usage);
	} else {
		c->run(s, argc, argv);
	}
	free(copy);
}

const char *
cmd_complete(const char *prefix, int n)
{
	size_t len = strlen(prefix);
	if (len == 0 || prefix[0] != '/')
		return NULL;
	for (const struct cmd *c = commands; c->name; c++)
		if (strncmp(c->name, prefix + 1, len - 1) == 0 && n-- == 0)
			return c->name;
	return NULL;
}
