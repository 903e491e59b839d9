/*
 * tally.h -- what 'check' found in each file, counted for a class.
 *
 * An adviser reading thirty drafts wants a row per student: how many
 * questions, how many findings of each severity, how many job asks and
 * pay questions, whether the closing questions and both tiers are there.
 * The emitter (emit.h) feeds a tally as it writes its own format; the CSV
 * format prints each file's row from it, and the class summary page
 * (summary_html.h) is made from it at the end, with each file's findings
 * (kept only when asked for).  It prints nothing.
 */
#ifndef INFOCOACH_TALLY_H
#define INFOCOACH_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "taxonomy.h"

/* One finding, as the page shows it (strings owned). */
struct tally_finding {
	unsigned long line, col;        /* 0 for a finding about the whole file */
	enum severity sev;
	char *kind, *rule, *message, *suggestion; /* suggestion may be NULL */
};

struct tally_file {
	char *path;                     /* as shown in the output (owned) */
	unsigned long questions;        /* questions checked */
	unsigned long count[SEV_COUNT]; /* findings by severity */
	unsigned long job_asks;         /* questions (or, in a letter, places)
	                                   with a job ask */
	unsigned long pay;              /* ... with a pay question */
	bool unreadable;                /* the file, or part of it, was not read */
	unsigned closing_missing;       /* missing_closing findings (of 2) */
	bool job_tier_missing;          /* list.tier-job was given */
	bool industry_tier_missing;     /* list.tier-industry was given */
	struct tally_finding *findings; /* when kept (owned) */
	size_t nfindings, capfindings;
	uint64_t last_ask[2];           /* where the last job ask and pay
	                                   question were counted */
};

struct tally {
	bool keep;                      /* keep every file and its findings */
	struct tally_file *files;       /* kept: all; else only the last */
	size_t nfiles, capfiles;
};

/* A new tally; keep: remember every file and finding (for the page),
 * else only the current file's counts.  Free with tally_free. */
struct tally *tally_new(bool keep);
void tally_free(struct tally *t);

/* A file begins (path copied), a question was checked in it, a finding
 * was given (its strings copied when kept). */
void tally_file_begin(struct tally *t, const char *path);
void tally_question(struct tally *t);
void tally_finding(struct tally *t, unsigned long line, unsigned long col, enum severity sev,
    const char *kind, const char *rule, const char *message, const char *suggestion);

/* The file begun last (borrowed until the next tally_file_begin), or
 * NULL before the first. */
const struct tally_file *tally_current(const struct tally *t);

/* Whether the file was judged as a list of questions: it had some and
 * was read whole, so the closing and tier columns mean something. */
bool tally_judged(const struct tally_file *f);

#endif
