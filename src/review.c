/*
 * review.c -- redo what went wrong (see review.h).
 *
 * Each try is judged in a fresh conversation: a better version has to
 * stand on its own, as the first line of a meeting would.
 */
#include <config.h>

#include "review.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialogue.h"
#include "report.h"
#include "review_log.h"
#include "reword.h"
#include "text.h"
#include "xmalloc.h"

struct review *
review_new(const struct review_config *cfg)
{
	struct review *rv = xcalloc(1, sizeof *rv);
	struct session *s = cfg->s;
	size_t cap = 0;

	rv->cfg = *cfg;
	rv->m = matcher_new();
	/* The flagged lines, in the order said (s->flags is in that order). */
	for (size_t i = 0; i < s->nflags;) {
		size_t k = i;
		while (k < s->nflags && s->flags[k].turn == s->flags[i].turn)
			k++;
		xgrow((void **)&rv->items, &cap, rv->n + 1, sizeof *rv->items);
		rv->items[rv->n++] = (struct review_item){
			.turn = s->flags[i].turn, .flag0 = i, .nflags = k - i, .cat = CAT_NONE,
			.example = s->flags[i].rule->suggestion,
		};
		i = k;
	}
	/* The topics never asked: the closing ones first, then the others
	 * in the order a good interview takes them. */
	const struct question *sugg[CAT_COUNT];
	report_untouched(s, sugg);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < CAT_COUNT; i++) {
			enum category c = report_order[i];
			if (s->asked[c] > 0 || (category_tier(c) == TIER_CLOSING) != (pass == 0))
				continue;
			xgrow((void **)&rv->items, &cap, rv->n + 1, sizeof *rv->items);
			rv->items[rv->n++] = (struct review_item){
				.turn = SIZE_MAX, .cat = c, .example = sugg[c] != NULL ? sugg[c]->text : NULL,
			};
		}
	/* What an earlier review put better is done: leave it out. */
	size_t kept = 0;
	for (size_t i = 0; i < rv->n; i++) {
		const struct review_item *it = &rv->items[i];
		if (cfg->before != NULL && (it->turn != SIZE_MAX ?
		    review_log_better(cfg->before, (unsigned long)it->turn + 1, CAT_NONE) :
		    review_log_better(cfg->before, 0, it->cat)))
			rv->done_before++;
		else
			rv->items[kept++] = *it;
	}
	rv->n = kept;
	return rv;
}

void
review_free(struct review *rv)
{
	if (rv == NULL)
		return;
	matcher_free(rv->m);
	free(rv->items);
	free(rv);
}

bool
review_over(const struct review *rv)
{
	return rv->over;
}

static void
say(struct review *rv, enum voice v, const char *text)
{
	rv->cfg.say(rv->cfg.say_arg, v, v == VOICE_COACH ? "coach" : "infocoach", text);
}

static void
sayf(struct review *rv, enum voice v, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
sayf(struct review *rv, enum voice v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(fmt, ap);
	va_end(ap);
	say(rv, v, t);
	free(t);
}

/* Append a record of the review; a failure is told once. */
static void
record(struct review *rv, const char *who, const char *text)
{
	struct transcript *t = rv->cfg.t;
	if (t == NULL || transcript_append(t, who, text, clock_wall_ms(rv->cfg.clock)) == 0)
		return;
	if (!rv->save_failed)
		say(rv, VOICE_INFO, transcript_error(t));
	rv->save_failed = true;
}

/* Show item rv->at and record that it is being redone. */
static void
show_item(struct review *rv)
{
	const struct review_item *it = &rv->items[rv->at];
	struct session *s = rv->cfg.s;
	rv->tries = 0;
	if (it->turn != SIZE_MAX) {
		const struct turn *tn = &s->turns[it->turn];
		char at[32];
		clock_span(tn->at_ms, at, sizeof at);
		char *said = text_sanitize(tn->text, strlen(tn->text));
		char *ids = xstrdup("");
		char *why = xstrdup("");
		for (size_t i = it->flag0; i < it->flag0 + it->nflags; i++) {
			const struct flagnote *f = &s->flags[i];
			char *o = ids;
			ids = xasprintf("%s%s%s", o, o[0] ? " " : "", f->rule->id);
			free(o);
			o = why;
			/* The message under its label, as a topic's reason is:
			 * both wrap at column 2 whatever the label's length. */
			why = xasprintf("%s\n  %s, %s [%s]:\n  %s", o, session_kind_label(f->rule->kind),
			    severity_name(f->sev), f->rule->id, f->rule->message);
			free(o);
		}
		sayf(rv, VOICE_INFO, "%zu of %zu. At %s you said: \"%s\"%s\nType a better version (up to %d tries; "
		    "Enter moves on).", rv->at + 1, rv->n, at, said, why, REVIEW_TRIES);
		char *rec = xasprintf("turn %zu [%s]: %s", it->turn + 1, ids, tn->text);
		record(rv, "flagged", rec);
		free(rec);
		free(said);
		free(ids);
		free(why);
	} else {
		sayf(rv, VOICE_INFO, "%zu of %zu. A topic you did not ask about: %s (%s).\n  %s\nType a question "
		    "about it (up to %d tries; Enter moves on).", rv->at + 1, rv->n, report_topic(it->cat),
		    category_words(it->cat), category_why(it->cat), REVIEW_TRIES);
		record(rv, "missed", category_name(it->cat));
	}
}

char *
review_nothing(const struct review *rv)
{
	if (rv->done_before == 0)
		return xstrdup("Nothing to review: no line was flagged and every topic was asked.");
	return xasprintf("Nothing left to review: %s put better in an earlier review ('infocoach report' "
	    "shows the tries).", rv->done_before == 1 ? "the one thing to redo was" :
	    rv->done_before == 2 ? "both things to redo were" : "every thing to redo was");
}

void
review_start(struct review *rv)
{
	rv->started = true;
	if (rv->n == 0) {
		char *what = review_nothing(rv);
		say(rv, VOICE_INFO, what);
		free(what);
		rv->over = true;
		return;
	}
	size_t lines = 0, topics = 0;
	for (size_t i = 0; i < rv->n; i++) {
		lines += rv->items[i].turn != SIZE_MAX;
		topics += rv->items[i].turn == SIZE_MAX;
	}
	/* "2 lines the coach flagged and 3 topics...", without a part of none. */
	char *l = xasprintf("%zu line%s the coach flagged", lines, lines == 1 ? "" : "s");
	char *t = xasprintf("%zu topic%s you did not ask about", topics, topics == 1 ? "" : "s");
	char *done = rv->done_before == 0 ? xstrdup("") :
	    xasprintf(" (%zu put better in an earlier review %s left out.)", rv->done_before,
	        rv->done_before == 1 ? "is" : "are");
	/* A line is put better; a topic never asked has nothing to improve:
	 * it is asked now. */
	const char *what = lines > 0 && topics > 0 ? "For each, type a better version of the line, or a "
	    "question on the topic," : lines > 0 ? "For each, type a better version" :
	    "For each, type a question on it";
	sayf(rv, VOICE_INFO, "Review: %s%s%s. %s and the coach judges it at "
	    "once. Enter or /skip moves on, /stop ends the review.%s%s", lines > 0 ? l : "",
	    lines > 0 && topics > 0 ? " and " : "", topics > 0 ? t : "", what,
	    done, rv->cfg.t == NULL ? " (There is no transcript: the tries will not be saved.)" : "");
	free(l);
	free(t);
	free(done);
	if (rv->cfg.t != NULL && transcript_review_begin(rv->cfg.t, clock_wall_ms(rv->cfg.clock), rv->n) != 0) {
		say(rv, VOICE_INFO, transcript_error(rv->cfg.t));
		rv->save_failed = true;
	}
	rv->at = 0;
	show_item(rv);
}

/* A kind of flag with its article: "a job ask", "an answer is on..." */
static const char *
a_kind(enum flag_kind k)
{
	switch (k) {
	case KIND_JOB_ASK: return "a job ask";
	case KIND_SALARY: return "a pay question";
	case KIND_GOOGLEABLE: return "a question their website answers";
	case KIND_CLOSED: return "a closed question";
	default: return "a flag";
	}
}

/* "a job ask or a pay question": the kinds of the item's flags. */
static char *
kinds_of(const struct review *rv, const struct review_item *it)
{
	char *out = xstrdup("");
	bool seen[KIND_COUNT] = {false};
	for (size_t i = it->flag0; i < it->flag0 + it->nflags; i++) {
		enum flag_kind k = rv->cfg.s->flags[i].rule->kind;
		if (k < 0 || k >= KIND_COUNT || seen[k])
			continue;
		seen[k] = true;
		char *o = out;
		out = xasprintf("%s%s%s", o, o[0] ? " or " : "", a_kind(k));
		free(o);
	}
	return out;
}

/* Whether the item's own flags include one of kind k. */
static bool
item_has_kind(const struct review *rv, const struct review_item *it, enum flag_kind k)
{
	for (size_t i = it->flag0; i < it->flag0 + it->nflags; i++)
		if (rv->cfg.s->flags[i].rule->kind == k)
			return true;
	return false;
}

/*
 * Judge a try on item it: whether it is better, and why (newly
 * allocated, starting in lower case: "no longer a job ask, and it asks
 * about how they got into the field").
 */
static bool
judge(struct review *rv, const struct review_item *it, const char *text, size_t len, char **why)
{
	struct session *s = rv->cfg.s;
	struct assessor *a = s->cfg.assessor;
	struct dialogue dlg;
	struct assessment as;
	struct understanding u;
	struct model *model = assessor_model(a);

	dialogue_init(&dlg, model != NULL ? model_thresholds(model) : NULL);
	dialogue_judge(&dlg, a, rv->m, text, len, &as, &u);
	enum flag_kind worst = dialogue_worst(&as);
	/* The flags the coach would raise: a closed question only alone. */
	const struct flag *still = NULL, *worse = NULL, *closed = NULL;
	for (size_t i = 0; i < as.nflags; i++) {
		const struct flag *f = &as.flags[i];
		if (f->rule->kind == KIND_CLOSED && worst != KIND_CLOSED)
			continue;
		if (it->turn != SIZE_MAX && item_has_kind(rv, it, f->rule->kind)) {
			if (still == NULL)
				still = f;
		} else if (f->rule->kind == KIND_CLOSED) {
			closed = f;
		} else if (worse == NULL) {
			worse = f;
		}
	}
	bool question = u.act == ACT_QUESTION;
	enum category cat = question && !u.unsure ? u.cat : CAT_NONE;
	char *lead = it->turn != SIZE_MAX ? kinds_of(rv, it) : NULL;
	char *no_longer = lead != NULL ? xasprintf("no longer %s, ", lead) : xstrdup("");
	bool better = false;
	free(lead);

	if (still != NULL) {
		*why = xasprintf("still %s [%s]: %s", a_kind(still->rule->kind), still->rule->id,
		    still->rule->message);
	} else if (worse != NULL) {
		/* A missed topic's try was nothing before: "that is a job ask". */
		*why = it->turn != SIZE_MAX ?
		    xasprintf("%sbut now %s [%s]: %s", no_longer, a_kind(worse->rule->kind), worse->rule->id,
		        worse->rule->message) :
		    xasprintf("that is %s [%s]: %s", a_kind(worse->rule->kind), worse->rule->id,
		        worse->rule->message);
	} else if (!question) {
		*why = it->turn != SIZE_MAX ?
		    xasprintf("%sbut it does not ask them anything: put it as a question about their work", no_longer) :
		    xasprintf("that does not ask them anything: ask about %s", report_topic(it->cat));
	} else if (closed != NULL) {
		/* "Were you surprised?" gets a yes: not put better yet.  The
		 * advice is written from the try, as check writes it. */
		char *how = reword_closed(text, len, false);
		*why = xasprintf("%s%sit can be answered with a yes or a no [%s]: %s", no_longer,
		    *no_longer != '\0' ? "but " : "", closed->rule->id, how);
		free(how);
	} else if (u.unsure && (it->turn != SIZE_MAX || u.cat == it->cat || u.alt == it->cat)) {
		/* A question about their work that could be read two ways is
		 * still a good one, for a flagged line or for a topic it may be
		 * about. */
		better = true;
		*why = it->turn != SIZE_MAX ?
		    xasprintf("%sand it asks about %s or %s", no_longer, report_topic(u.cat), report_topic(u.alt)) :
		    xasprintf("it asks about %s", report_topic(it->cat));
	} else if (u.unsure) {
		/* Only a missed topic's try gets here: neither reading is it. */
		*why = xasprintf("that reads as about %s or %s, not %s", report_topic(u.cat),
		    report_topic(u.alt), report_topic(it->cat));
	} else if (it->turn != SIZE_MAX) {
		if (cat == CAT_NONE) {
			*why = xasprintf("%sbut it does not ask about their work, their path or their field", no_longer);
		} else {
			better = true;
			*why = xasprintf("%sand it asks about %s", no_longer, report_topic(cat));
		}
	} else if (cat != it->cat) {
		*why = cat == CAT_NONE ? xasprintf("it does not ask about %s", report_topic(it->cat)) :
		    xasprintf("that asks about %s, not %s", report_topic(cat), report_topic(it->cat));
	} else if (category_tier(cat) == TIER_CLOSING ? !u.closing : !u.topic_sure) {
		*why = xasprintf("it is about %s, but not plainly enough to count: say it more plainly",
		    report_topic(cat));
	} else {
		better = true;
		*why = xasprintf("it asks about %s", report_topic(cat));
	}
	free(no_longer);
	return better;
}

/* On to the next item, or the end. */
static void
next_item(struct review *rv)
{
	rv->at++;
	if (rv->at >= rv->n) {
		rv->over = true;
		review_finish(rv);
		return;
	}
	show_item(rv);
}

void
review_input(struct review *rv, const char *line, size_t len)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
		len--;
	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	if (rv->over)
		return;
	if (len == 0 || (len == 5 && strncasecmp(line, "/skip", 5) == 0)) {
		next_item(rv);
		return;
	}
	if (len == 5 && strncasecmp(line, "/stop", 5) == 0) {
		rv->over = true;
		review_finish(rv);
		return;
	}
	if (line[0] == '/') {
		say(rv, VOICE_INFO, "During the review, type a better version of what is shown; Enter or /skip "
		    "moves on to the next, /stop ends the review.");
		return;
	}
	char *text = xstrndup(line, len);
	if (!utf8_valid(text, len, NULL)) {
		say(rv, VOICE_INFO, "That line is not valid UTF-8; please type it again.");
		free(text);
		return;
	}
	const struct review_item *it = &rv->items[rv->at];
	record(rv, "try", text);
	if (rv->tries == 0)
		rv->tried++;
	char *why = NULL;
	bool better = judge(rv, it, text, len, &why);
	record(rv, better ? "better" : "not yet", why);
	rv->tries++;
	int left = REVIEW_TRIES - (int)rv->tries;
	/* A rule's message ends its own sentence, or a quotation does
	 * ('for example: "What ...?"'). */
	size_t wl = strlen(why);
	if (wl > 1 && why[wl - 1] == '"')
		wl--;
	const char *stop = wl > 0 && strchr(".?!", why[wl - 1]) != NULL ? "" : ".";
	if (better)
		sayf(rv, VOICE_COACH, "Better: %s%s", why, stop);
	else if (left > 0)
		sayf(rv, VOICE_COACH, "Not yet: %s%s (%d %s left; Enter moves on.)", why, stop, left,
		    left == 1 ? "try" : "tries");
	else if (it->example != NULL)
		sayf(rv, VOICE_COACH, "Not yet: %s%s A way to put it: %s", why, stop, it->example);
	else
		sayf(rv, VOICE_COACH, "Not yet: %s%s", why, stop);
	free(why);
	free(text);
	if (better) {
		rv->better++;
		next_item(rv);
	} else if (left <= 0) {
		next_item(rv);
	}
}

void
review_finish(struct review *rv)
{
	if (!rv->started || rv->n == 0 || rv->at == SIZE_MAX)
		return;
	/* The item shown when the review stopped was reached. */
	size_t reached = rv->at < rv->n ? rv->at + 1 : rv->n;
	char *where = rv->cfg.t == NULL ? xstrdup("") :
	    rv->save_failed ? xasprintf(" The transcript %s is INCOMPLETE: some tries could not be saved.",
	        transcript_path(rv->cfg.t)) :
	    xasprintf(" The tries are saved in %s", transcript_path(rv->cfg.t));
	char *sum = review_summary(rv->better, rv->n, rv->tried, reached);
	sayf(rv, VOICE_INFO, "Review %s: %s.%s", rv->at < rv->n ? "stopped" : "done", sum, where);
	free(sum);
	free(where);
	rv->at = SIZE_MAX;   /* said once */
	rv->over = true;
}
