/*
 * prepare.c -- a starter list of questions for a meeting (see prepare.h).
 *
 * First every bank question is judged as 'check' would judge it, and
 * those with no finding whose understood category is their own are
 * sorted into pools by category.  Then the list is laid out: an opener
 * (the host's typical day or how they got into the work), the other job
 * questions from job categories drawn at random (each category once
 * before any comes twice), the industry, and the closing questions; and
 * finally put in the order a conversation takes them (topic_order).
 */
#include <config.h>

#include "prepare.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "duration.h"
#include "rule.h"
#include "text.h"
#include "xmalloc.h"

/* The order in which a conversation takes the topics, as report.c
 * suggests them but with the advice among the job's questions, so the
 * list goes job, industry, closing: the list is sorted by it. */
static const enum category topic_order[] = {
	CAT_TYPICAL_DAY, CAT_ENTRY_PATH, CAT_LIKES, CAT_CHALLENGES, CAT_QUALITIES,
	CAT_WORKPLACE, CAT_ADVANCEMENT, CAT_MISSION, CAT_EXPECTATIONS, CAT_INFLUENCES,
	CAT_ADVICE, CAT_INDUSTRY_TRENDS, CAT_REFERRALS, CAT_MENTION_NAME,
};

/* The usable questions of one category, and how many are taken. */
struct pool {
	const struct question **q;  /* array owned, questions borrowed */
	size_t n, cap;
	size_t taken;               /* q[0..taken) are in the list */
};

/* xorshift64*, as the host's choices use: the same on every platform. */
static size_t
draw(uint64_t *rng, size_t n)
{
	uint64_t x = *rng;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*rng = x;
	return (size_t)((x * 2685821657736338717ULL) >> 11) % n;
}

/* Shuffle v[0..n) (Fisher-Yates). */
static void
shuffle_questions(const struct question **v, size_t n, uint64_t *rng)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = draw(rng, i);
		const struct question *t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* The same for categories. */
static void
shuffle_categories(enum category *v, size_t n, uint64_t *rng)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = draw(rng, i);
		enum category t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Whether 'check' would accept q as it is, under its own category. */
static bool
usable(struct assessor *a, struct matcher *m, const struct question *q)
{
	struct assessment as;
	size_t len = strlen(q->text);
	if (assess_line(a, m, q->text, len, NULL, 0, &as) != 0)
		return false;
	return as.nflags == 0 && as.cat == q->cat && assess_sure(a, &as);
}

/* Take the next question of pool p into the list; false when p is used up. */
static bool
take(struct pool *p, struct prepared *out)
{
	if (p->taken >= p->n)
		return false;
	out->q[out->n++] = p->q[p->taken++];
	return true;
}

/* Where c comes in a conversation. */
static size_t
rank(enum category c)
{
	for (size_t i = 0; i < sizeof topic_order / sizeof *topic_order; i++)
		if (topic_order[i] == c)
			return i;
	return sizeof topic_order / sizeof *topic_order;
}

/* Sort the list by topic, keeping the drawing order within a topic
 * (insertion sort: a list has a few dozen questions at most). */
static void
sort_list(struct prepared *p)
{
	for (size_t i = 1; i < p->n; i++) {
		const struct question *q = p->q[i];
		size_t j = i;
		while (j > 0 && rank(p->q[j - 1]->cat) > rank(q->cat)) {
			p->q[j] = p->q[j - 1];
			j--;
		}
		p->q[j] = q;
	}
}

int
prepare_list(struct assessor *a, const struct bank *b, unsigned long duration, uint64_t seed,
    struct prepared *out, char *err, size_t errlen)
{
	struct pool pools[CAT_COUNT];
	struct matcher *m = matcher_new();
	uint64_t rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(pools, 0, sizeof pools);
	for (size_t i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];
		/* A question leaning on another is never drawn: it could come
		 * alone, pointing back at nothing. */
		if (q->cat == CAT_NONE || question_leans_back(q) || !usable(a, m, q))
			continue;
		struct pool *p = &pools[q->cat];
		xgrow((void **)&p->q, &p->cap, p->n + 1, sizeof *p->q);
		p->q[p->n++] = q;
	}
	for (int c = 0; c < CAT_COUNT; c++)
		shuffle_questions(pools[c].q, pools[c].n, &rng);

	/* The parts a list must have. */
	static const struct {
		enum category cat; const char *what;
	} needed[] = {
		{CAT_INDUSTRY_TRENDS, "the industry"},
		{CAT_REFERRALS, "whom else to talk to"},
		{CAT_MENTION_NAME, "permission to mention the host's name"},
	};
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
		if (pools[needed[i].cat].n == 0) {
			snprintf(err, errlen, "the bank '%s' has no question on %s that 'check' accepts as it is",
			    b->id, needed[i].what);
			goto out;
		}
	}
	enum category job[CAT_COUNT];
	size_t njob = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		if (category_tier((enum category)c) == TIER_JOB && pools[c].n > 0)
			job[njob++] = (enum category)c;
	if (njob == 0) {
		snprintf(err, errlen, "the bank '%s' has no question on the host's job that 'check' accepts as it is",
		    b->id);
		goto out;
	}

	size_t wanted = (duration + PREPARE_SECONDS_PER_Q / 2) / PREPARE_SECONDS_PER_Q;
	size_t fit = duration / CHECK_SECONDS_PER_Q;
	if (wanted < 4)
		wanted = 4;
	if (wanted > fit)
		wanted = fit;
	out->wanted = wanted;
	out->q = xcalloc(wanted + 1, sizeof *out->q);
	size_t industry = wanted >= 10 ? 2 : 1;
	size_t njobq = wanted - 2 - industry;

	/* The opener: the host's day or their path, whichever the bank has
	 * (a coin decides when it has both). */
	enum category openers[2];
	size_t nopen = 0;
	if (pools[CAT_TYPICAL_DAY].n > 0)
		openers[nopen++] = CAT_TYPICAL_DAY;
	if (pools[CAT_ENTRY_PATH].n > 0)
		openers[nopen++] = CAT_ENTRY_PATH;
	size_t done = 0;
	if (nopen > 0 && njobq > 0) {
		enum category first = openers[draw(&rng, nopen)];
		take(&pools[first], out);
		done++;
	}
	/* The rest of the job: rounds over the job categories in a random
	 * order; in round r a category gives its (r+1)th question, so each
	 * comes once (the opener's included) before any comes twice. */
	for (size_t round = 0; done < njobq; round++) {
		bool left = false;
		for (size_t i = 0; i < njob; i++)
			left |= pools[job[i]].taken < pools[job[i]].n;
		if (!left)
			break;
		shuffle_categories(job, njob, &rng);
		for (size_t i = 0; i < njob && done < njobq; i++)
			if (pools[job[i]].taken <= round && take(&pools[job[i]], out))
				done++;
	}
	for (size_t i = 0; i < industry; i++)
		take(&pools[CAT_INDUSTRY_TRENDS], out);
	take(&pools[CAT_REFERRALS], out);
	take(&pools[CAT_MENTION_NAME], out);
	sort_list(out);
	rc = 0;
out:
	for (int c = 0; c < CAT_COUNT; c++)
		free(pools[c].q);
	matcher_free(m);
	if (rc != 0)
		prepared_free(out);
	return rc;
}

char *
prepare_text(const struct prepared *p, const struct bank *b, unsigned long duration,
    const char *made_by, const char *check_cmd)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL)
		xalloc_die();
	char d[32];
	duration_format(duration, d, sizeof d);
	/* Text from a bank may hold escaped control characters: shown, not sent. */
	char *title = text_sanitize(b->title, strlen(b->title));
	fprintf(f, "# Questions for an informational interview of %s: %zu questions, about\n"
	    "# one for every two to three minutes.\n"
	    "# From the bank '%s' (%s).\n"
	    "# Made by: %s\n"
	    "#\n"
	    "# Make the list yours before the meeting:\n"
	    "#  - say each question in your own words, and name the host's field or\n"
	    "#    organisation where that makes it sharper;\n"
	    "#  - swap any question for one you really want answered, and put the ones\n"
	    "#    that matter most to you first;\n"
	    "#  - cross questions out rather than add more: the time is short;\n"
	    "#  - keep a question on their job, one on their industry, and the last two,\n"
	    "#    which ask whom else to talk to and whether you may mention their name.\n"
	    "# One question a line; lines starting with # are notes to yourself.\n"
	    "# Check the list after each edit: %s\n",
	    d, p->n, b->id, title, made_by, check_cmd);
	free(title);
	enum tier last = TIER_NONE;
	for (size_t i = 0; i < p->n; i++) {
		enum tier t = category_tier(p->q[i]->cat);
		if (t != last) {
			fputs(t == TIER_JOB ? "\n# Their job: what they do, how they got there, what it takes\n" :
			    t == TIER_INDUSTRY ? "\n# Their industry: where it is going\n" :
			    "\n# Closing: whom else to talk to, and whether you may use their name\n", f);
			last = t;
		}
		char *text = text_sanitize(p->q[i]->text, strlen(p->q[i]->text));
		fprintf(f, "%s\n", text);
		free(text);
	}
	if (fclose(f) != 0)
		xalloc_die();
	return buf;
}

void
prepared_free(struct prepared *p)
{
	if (p == NULL)
		return;
	free(p->q);
	p->q = NULL;
	p->n = 0;
}
