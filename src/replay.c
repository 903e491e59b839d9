/*
 * replay.c -- a session rebuilt from its transcript (see replay.h).
 */
#include <config.h>

#include "replay.h"

#include <stdlib.h>
#include <string.h>

#include "transcript.h"
#include "xmalloc.h"

/* The host's choices in a rebuilt session: any fixed seed will do, so
 * that the same transcript always gives the same report. */
#define REPLAY_SEED 1

/* The rebuilt session's display: nobody is watching. */
static void
discard(void *arg, enum voice v, const char *who, const char *text)
{
	(void)arg;
	(void)v;
	(void)who;
	(void)text;
}

/* The persona of d in bank b, or NULL with a message in dl. */
static const struct persona *
find_persona(const struct transcript_doc *d, const struct bank *b, struct diag_list *dl)
{
	if (d->persona_id != NULL) {
		const struct persona *p = bank_persona(b, d->persona_id);
		if (p == NULL)
			diag_add(dl, d->file, d->persona_line, 0, SEV_ERROR,
			    "the bank '%s' has no persona '%s' (see 'infocoach banks')", b->id, d->persona_id);
		return p;
	}
	/* An older transcript: the host line starts with the persona's name. */
	for (size_t i = 0; d->host != NULL && i < b->npersonas; i++) {
		size_t n = strlen(b->personas[i].name);
		if (strncmp(d->host, b->personas[i].name, n) == 0 && d->host[n] == ',')
			return &b->personas[i];
	}
	return &b->personas[0];
}

/* Move the virtual clock forward to ms (never back). */
static void
clock_to(struct clock *c, uint64_t ms)
{
	if (ms > clock_now(c))
		clock_advance(c, ms - clock_now(c));
}

/* Rebuild d's session in r, whose rs is loaded: find the bank and
 * persona, then feed the user's lines.  other_bank: the bank was chosen
 * by the caller, so say so when it is not d's.  False after an error
 * in dl. */
static bool
replay_session(struct replay *r, const struct transcript_doc *d, bool other_bank, struct diag_list *dl)
{
	r->bank = r->rs->banks[0];
	if (other_bank && strcmp(r->bank->id, d->bank_id) != 0)
		diag_add(dl, d->file, d->bank_line, 0, SEV_WARNING,
		    "the session was held with the bank '%s'; replaying it with '%s'", d->bank_id, r->bank->id);
	r->persona = find_persona(d, r->bank, dl);
	if (r->persona == NULL)
		return false;

	r->as = assessor_new(r->rs, d->policy);
	assessor_set_employer(r->as, r->persona->employer);
	clock_init_virtual(&r->clk);
	if (d->plan != NULL) {
		/* A fresh copy: what was asked is found again by the replay. */
		r->plan = plan_new(d->plan->file);
		for (size_t i = 0; i < d->plan->n; i++) {
			const struct plan_item *it = &d->plan->items[i];
			plan_add(r->plan, it->line, it->text, strlen(it->text), it->cat);
		}
	}
	struct session_config cfg = {
		.bank = r->bank, .persona = r->persona, .assessor = r->as, .clock = &r->clk,
		.plan = r->plan, .transcript = NULL, .seed = REPLAY_SEED, .duration = d->duration,
		.say = discard, .say_arg = NULL,
	};
	r->s = session_new(&cfg);
	r->turn = xcalloc(d->nrecords + 1, sizeof *r->turn);
	for (size_t i = 0; i < d->nrecords; i++) {
		const struct transcript_record *rec = &d->records[i];
		r->turn[i] = REPLAY_NO_TURN;
		if (rec->speaker == SPEAKER_UNSENT) {
			/* Typed but never said: only the report mentions it. */
			session_unsent(r->s, rec->text);
			continue;
		}
		if (session_over(r->s))
			continue;
		clock_to(&r->clk, rec->at_ms);
		if (rec->speaker == SPEAKER_YOU) {
			/* The program never records a /command as said: a line
			 * starting with '/' was written by hand, and is not run. */
			if (rec->text[0] == '/')
				continue;
			size_t before = r->s->nturns;
			session_input(r->s, rec->text, strlen(rec->text));
			if (r->s->nturns > before) {
				r->turn[i] = before;
				/* As cmd_input() does in a live session. */
				if (r->plan != NULL)
					plan_hear(r->plan, before, r->s->turns[before].text,
					    r->s->turns[before].cat, r->s->turns[before].act);
			}
		} else if (rec->speaker == SPEAKER_PROGRAM && strcmp(rec->text, TRANSCRIPT_END_QUIT) == 0) {
			session_tick(r->s);
			session_leave(r->s);
		} else if (rec->speaker == SPEAKER_PROGRAM && strcmp(rec->text, TRANSCRIPT_END_CLOCK) == 0) {
			/* The record is to the second; the clock ended it on the ms. */
			clock_to(&r->clk, session_notice_at(r->s, NOTICE_END));
			session_tick(r->s);
		} else {
			session_tick(r->s);
		}
	}
	/* /end, Ctrl-D, or a transcript that just stops: end it here. */
	session_tick(r->s);
	session_finish(r->s);
	return true;
}

struct replay *
replay_run(const struct transcript_doc *d, const char *bank, struct diag_list *dl)
{
	struct replay *r = xcalloc(1, sizeof *r);
	struct catalog cat;
	const char *name = bank != NULL ? bank : d->bank_id;
	bool ok = false;

	catalog_init(&cat);
	if (bank == NULL) {
		char *path = catalog_find(&cat, d->bank_id);
		if (path == NULL) {
			diag_add(dl, d->file, d->bank_line, 0, SEV_ERROR,
			    "the bank '%s' is not installed (see 'infocoach banks'); "
			    "give its file with --bank FILE", d->bank_id);
			goto out;
		}
		free(path);
	}
	r->rs = catalog_open(&cat, &name, 1, dl);
	if (r->rs == NULL)
		goto out;
	if (r->rs->nbanks == 0) {
		diag_add(dl, name, 0, 0, SEV_ERROR, "a rule file, not a bank with personas");
		goto out;
	}
	if (!replay_session(r, d, bank != NULL, dl))
		goto out;
	ok = true;
out:
	catalog_free(&cat);
	if (!ok) {
		replay_free(r);
		return NULL;
	}
	return r;
}

struct replay *
replay_run_rules(const struct transcript_doc *d, struct ruleset *rs, struct diag_list *dl)
{
	struct replay *r = xcalloc(1, sizeof *r);
	r->rs = rs;
	r->rs_borrowed = true;
	if (!replay_session(r, d, false, dl)) {
		replay_free(r);
		return NULL;
	}
	return r;
}

void
replay_free(struct replay *r)
{
	if (r == NULL)
		return;
	session_free(r->s);
	assessor_free(r->as);
	if (!r->rs_borrowed)
		ruleset_free(r->rs);
	plan_free(r->plan);
	free(r->turn);
	free(r);
}
