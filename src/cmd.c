/*
 * cmd.c -- the REPL's /commands, from one table (see cmd.h).
 */
#include <config.h>

#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
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
static void cmd_why(struct session *s, int argc, char **argv);
static void cmd_next(struct session *s, int argc, char **argv);
static void cmd_review(struct session *s, int argc, char **argv);

static const struct cmd commands[] = {
	{"help", 0, 1, "[COMMAND]", "list the commands, or explain one", cmd_help},
	{"time", 0, 0, "", "show the time used (and left, in a timed session)", cmd_time},
	{"suggest", 0, 2, "[TOPIC]", "suggest a next question for a topic not yet covered", cmd_suggest},
	{"next", 0, 0, "", "the next question of your own list (--questions) not asked yet", cmd_next},
	{"tips", 0, 0, "", "etiquette tips for an informational interview", cmd_tips},
	{"flags", 0, 0, "", "list the coach's flags so far, with better ways to ask", cmd_flags},
	{"report", 0, 0, "", "show the report so far without ending", cmd_report},
	{"why", 0, 0, "", "how your last line was understood, and what weighed most", cmd_why},
	{"end", 0, 0, "", "end the meeting: farewell, report, thank-you draft (then /review is offered)", cmd_end},
	{"review", 0, 0, "", "end the meeting as /end does, then redo each flagged line and missed topic", cmd_review},
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
	const char *tail = "\nAnything else you type is said to the host. Ctrl-D ends the meeting with the report.";
	xgrow((void **)&buf, &cap, len + strlen(tail) + 1, 1);
	memcpy(buf + len, tail, strlen(tail) + 1);
	info(s, buf);
	free(buf);
}

/* "name p" for the likeliest values of p[0..n) after the first, at most
 * two, as "follow_up 0.04, clarify 0.01", into buf. */
static void
runners_up(char *buf, size_t len, const float *p, int n, int best, const char *(*name)(int))
{
	int first = -1, second = -1;
	for (int i = 0; i < n; i++) {
		if (i == best)
			continue;
		if (first < 0 || p[i] > p[first]) {
			second = first;
			first = i;
		} else if (second < 0 || p[i] > p[second]) {
			second = i;
		}
	}
	buf[0] = '\0';
	const int pick[2] = {first, second};
	for (int k = 0; k < 2; k++) {
		if (pick[k] < 0 || p[pick[k]] < 0.005f)
			break;
		size_t used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s %.2f", used ? ", " : "", name(pick[k]), p[pick[k]]);
	}
}

/* snprintf into buf, returning buf. */
static const char *
xsfmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static const char *
xsfmt(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return buf;
}

static const char *
act_id(int a)
{
	return act_name((enum act)a);
}

static void
cmd_why(struct session *s, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (s->last_text == NULL) {
		info(s, "Nothing said to the host yet: /why explains the last line you said.");
		return;
	}
	const struct assessment *as = &s->last_as;
	const struct understanding *u = &s->last_u;
	struct model *m = assessor_model(s->cfg.assessor);
	char *said = text_sanitize(s->last_text, strlen(s->last_text));
	char *norm = text_sanitize(s->last_norm, strlen(s->last_norm));
	char *out = xasprintf("\"%s\"\n  read as: %s", said, norm);
	free(said);
	free(norm);
	char more[160], *old;
	/* The act, and what came close. */
	if (as->judged) {
		runners_up(more, sizeof more, as->j.act, ACT_COUNT, (int)u->act, act_id);
		old = out;
		out = xasprintf("%s\n  act: %s %.2f%s%s%s", old, act_name(u->act), as->j.act[u->act],
		    more[0] ? " (then " : "", more, more[0] ? ")" : "");
		free(old);
	} else {
		old = out;
		out = xasprintf("%s\n  act: %s (no learned model: by plain signs)", old, act_name(u->act));
		free(old);
	}
	/* The topic. */
	old = out;
	if (u->act != ACT_QUESTION && u->act != ACT_FOLLOW_UP && u->act != ACT_CLARIFY)
		out = xasprintf("%s\n  topic: none (a line of this act has no topic)", old);
	else if (u->cat != CAT_NONE && u->act != ACT_QUESTION)
		out = xasprintf("%s\n  topic: %s, the topic of the conversation so far", old,
		    category_name(u->cat));
	else if (as->cat != CAT_NONE)
		out = xasprintf("%s\n  topic: %s %.2f%s%s%s%s%s", old, category_name(as->cat), as->cat_conf,
		    as->cat2 != CAT_NONE ? " (then " : "", as->cat2 != CAT_NONE ? category_name(as->cat2) : "",
		    as->cat2 != CAT_NONE ? xsfmt(more, sizeof more, " %.2f)", as->cat2_conf) : "",
		    u->unsure ? "; too close to call, so the host asked" : "",
		    (as->cat == CAT_REFERRALS || as->cat == CAT_MENTION_NAME) ?
		    (u->closing ? "; counted as a closing question" : "; not sure enough to count as a closing question") : "");
	else
		out = xasprintf("%s\n  topic: none", old);
	free(old);
	old = out;
	out = xasprintf("%s\n  understood as: %s%s%s, confidence %.2f (the act's probability%s)", old,
	    act_name(u->act), u->cat != CAT_NONE ? " about " : "", u->cat != CAT_NONE ? category_name(u->cat) : "",
	    u->conf, u->act == ACT_QUESTION && u->cat != CAT_NONE ? " times the topic's" : "");
	free(old);
	/* Flags: the rules', and the model's own view. */
	char flags[256] = "";
	for (size_t i = 0; i < as->nflags; i++) {
		size_t used = strlen(flags);
		snprintf(flags + used, sizeof flags - used, "%s%s", used ? ", " : "", as->flags[i].rule->id);
	}
	old = out;
	if (as->judged)
		out = xasprintf("%s\n  flags: %s (the model: job ask %.2f, pay %.2f; it flags from %.2f "
		    "and %.2f)", old, flags[0] ? flags : "none", as->j.flag[MFLAG_JOB_ASK],
		    as->j.flag[MFLAG_SALARY], model_thresholds(m)->job_ask, model_thresholds(m)->salary);
	else
		out = xasprintf("%s\n  flags: %s", old, flags[0] ? flags : "none");
	free(old);
	/* The rules' cue votes. */
	char votes[256] = "";
	for (int c = 0; c < CAT_COUNT; c++)
		if (as->votes[c] > 0) {
			size_t used = strlen(votes);
			snprintf(votes + used, sizeof votes - used, "%s%s %.1f", used ? ", " : "",
			    category_name((enum category)c), as->votes[c]);
		}
	old = out;
	out = xasprintf("%s\n  rule cues: %s", old, votes[0] ? votes : "none");
	free(old);
	/* The words that weighed most for what was decided. */
	if (m != NULL) {
		char words[200];
		int head = 2, cls = (int)u->act;
		if (as->nflags > 0 && (as->flags[0].rule->kind == KIND_JOB_ASK ||
		    as->flags[0].rule->kind == KIND_SALARY)) {
			head = 0;
			cls = as->flags[0].rule->kind == KIND_JOB_ASK ? MFLAG_JOB_ASK : MFLAG_SALARY;
		} else if (u->act == ACT_QUESTION && as->cat != CAT_NONE) {
			head = 1;
			cls = (int)as->cat;
		}
		if (model_explain(m, head, cls, s->last_norm, strlen(s->last_norm), words, sizeof words, 6) > 0) {
			old = out;
			out = xasprintf("%s\n  words that weighed most: %s", old, words);
			free(old);
		}
	}
	info(s, out);
	free(out);
}

static void
cmd_time(struct session *s, int argc, char **argv)
{
	char used[32], left[32];
	uint64_t el = session_elapsed(s);
	clock_span(el, used, sizeof used);
	if (session_planned_ms(s) == 0) {
		infof(s, "Time used: %s (untimed practice; a real meeting usually runs 20 to 30 minutes).", used);
		return;
	}
	uint64_t total = session_planned_ms(s);
	if (el >= total) {
		clock_span(el - total, left, sizeof left);
		infof(s, "Time used: %s; the agreed time ran out %s ago.", used, left);
	} else {
		clock_span(total - el, left, sizeof left);
		infof(s, "Time used: %s; time left: %s.", used, left);
	}
}

static const char *topic_words(int c) { return category_words((enum category)c); }

static void
cmd_suggest(struct session *s, int argc, char **argv)
{
	enum category want = CAT_NONE;
	/* "industry trends" or "industry_trends": the words people read, or
	 * the identifier. */
	char *typed = argc == 2 ? xasprintf("%s %s", argv[0], argv[1]) : argc == 1 ? xstrdup(argv[0]) : NULL;
	if (typed != NULL) {
		want = category_read(typed);
		if (want == CAT_NONE) {
			char *q = text_sanitize(typed, strlen(typed));
			char list[400];
			text_join_names(list, sizeof list, topic_words, CAT_COUNT);
			infof(s, "No topic '%s'. Topics: %s.", q, list);
			free(q);
			free(typed);
			return;
		}
		free(typed);
	}
	const struct question *q = report_suggest(s, want);
	if (q == NULL) {
		info(s, "The bank has no question for that topic.");
		return;
	}
	/* The question on a line of its own, so that it wraps under itself. */
	if (argc >= 1 || s->asked[q->cat] > 0)
		infof(s, "On %s, you could ask:\n  %s", report_topic(q->cat), q->text);
	else
		infof(s, "You have not asked about %s yet. You could ask:\n  %s", report_topic(q->cat), q->text);
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
	/* After the report, the REPL offers /review. */
	s->review_offer = true;
	cmd_finish(s);
}

static void
cmd_review(struct session *s, int argc, char **argv)
{
	/* The walk-through itself reads lines: the REPL runs it once the
	 * report is given. */
	s->review_wanted = true;
	cmd_finish(s);
}

void
cmd_conclude(struct session *s)
{
	if (!session_over(s) || session_quit(s) || s->reported)
		return;
	s->reported = true;
	report_final(s);
}

void
cmd_finish(struct session *s)
{
	session_finish(s);
	cmd_conclude(s);
}

void
cmd_input(struct session *s, const char *line, size_t len)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i < len && line[i] == '/' && !session_over(s)) {
		/* A notice that fell due while the line was typed comes first. */
		session_tick(s);
		if (!session_over(s)) {
			char *copy = xstrndup(line + i, len - i);
			size_t n = strlen(copy);
			while (n > 0 && (copy[n - 1] == ' ' || copy[n - 1] == '\t' || copy[n - 1] == '\r'))
				copy[--n] = '\0';
			cmd_run(s, copy);
			free(copy);
		}
	} else {
		size_t before = s->nturns;
		session_input(s, line, len);
		/* A line said to the host may be one of the user's own list. */
		if (s->cfg.plan != NULL && s->nturns > before)
			plan_hear(s->cfg.plan, before, s->turns[before].text, s->turns[before].cat,
			    s->turns[before].act);
	}
	cmd_conclude(s);
}

static void
cmd_next(struct session *s, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (s->cfg.plan == NULL) {
		info(s, "You are not rehearsing a list of your own: start with --questions FILE for that. "
		    "/suggest proposes a question from the bank.");
		return;
	}
	const struct plan_item *it = plan_next(s->cfg.plan);
	if (it == NULL)
		info(s, "You have asked every question on your list. Close when you are ready: /end.");
	else
		infof(s, "Next on your list (line %lu): %s", it->line, it->text);
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
		struct text_closest near;
		text_closest_begin(&near, name + 1, TEXT_CLOSE);
		for (const struct cmd *k = commands; k->name; k++)
			text_closest(&near, k->name);
		char *q = text_sanitize(name, strlen(name));
		if (near.best != NULL)
			infof(s, "Unknown command '%s'; did you mean /%s? Type /help for the list.", q, near.best);
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
