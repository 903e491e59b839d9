/*
 * tally.c -- what 'check' found in each file, counted (see tally.h).
 */
#include <config.h>

#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct tally *
tally_new(bool keep)
{
	struct tally *t = xcalloc(1, sizeof *t);
	t->keep = keep;
	return t;
}

static void
file_free(struct tally_file *f)
{
	free(f->path);
	for (size_t i = 0; i < f->nfindings; i++) {
		free(f->findings[i].kind);
		free(f->findings[i].rule);
		free(f->findings[i].message);
		free(f->findings[i].suggestion);
	}
	free(f->findings);
	memset(f, 0, sizeof *f);
}

void
tally_free(struct tally *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nfiles; i++)
		file_free(&t->files[i]);
	free(t->files);
	free(t);
}

void
tally_file_begin(struct tally *t, const char *path)
{
	if (!t->keep && t->nfiles > 0) {
		file_free(&t->files[0]);
		t->nfiles = 0;
	}
	xgrow((void **)&t->files, &t->capfiles, t->nfiles + 1, sizeof *t->files);
	struct tally_file *f = &t->files[t->nfiles++];
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
}

const struct tally_file *
tally_current(const struct tally *t)
{
	return t->nfiles > 0 ? &t->files[t->nfiles - 1] : NULL;
}

void
tally_question(struct tally *t)
{
	if (t->nfiles > 0)
		t->files[t->nfiles - 1].questions++;
}

void
tally_finding(struct tally *t, unsigned long line, unsigned long col, enum severity sev,
    const char *kind, const char *rule, const char *message, const char *suggestion)
{
	if (t->nfiles == 0)
		return;
	struct tally_file *f = &t->files[t->nfiles - 1];
	f->count[sev]++;
	int ask = strcmp(kind, "job_ask") == 0 ? 0 : strcmp(kind, "salary") == 0 ? 1 : -1;
	if (ask >= 0) {
		/* A question two rules flag is one ask: in a list, counted per
		 * question; in a letter, per place. */
		uint64_t where = f->questions > 0 ? f->questions : ((uint64_t)line << 24 | col);
		if (f->last_ask[ask] != where) {
			f->last_ask[ask] = where;
			if (ask == 0)
				f->job_asks++;
			else
				f->pay++;
		}
	}
	f->unreadable |= strcmp(kind, "unreadable") == 0;
	f->closing_missing += strcmp(kind, list_checks[LIST_REFERRALS].kind) == 0;
	f->job_tier_missing |= strcmp(rule, list_checks[LIST_TIER_JOB].id) == 0;
	f->industry_tier_missing |= strcmp(rule, list_checks[LIST_TIER_INDUSTRY].id) == 0;
	if (!t->keep)
		return;
	xgrow((void **)&f->findings, &f->capfindings, f->nfindings + 1, sizeof *f->findings);
	f->findings[f->nfindings++] = (struct tally_finding){
		.line = line, .col = col, .sev = sev, .kind = xstrdup(kind), .rule = xstrdup(rule),
		.message = xstrdup(message), .suggestion = suggestion != NULL ? xstrdup(suggestion) : NULL,
	};
}

bool
tally_judged(const struct tally_file *f)
{
	return f->questions > 0 && !f->unreadable;
}
