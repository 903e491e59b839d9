/*
 * progress.c -- past sessions side by side (see progress.h).
 *
 * Adding a file: read it, find its bank in the cache (loaded on first
 * use, or remembered as not loadable), replay it, and keep what its
 * report would say.  The replay of the latest session is kept until the
 * end, because the next thing to practise is drawn from it (its flags,
 * its closing questions, a bank question for a topic never asked).
 */
#include <config.h>

#include "progress.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "diag.h"
#include "replay.h"
#include "report.h"
#include "review_log.h"
#include "session.h"
#include "transcript_read.h"
#include "xmalloc.h"

/* One bank's rules, loaded once for all its sessions. */
struct progress_bank {
	char *id;               /* as the transcripts name it (owned) */
	struct ruleset *rs;     /* NULL when it could not be loaded */
	char *error;            /* why not, then (owned) */
};

struct progress_cache {
	struct catalog cat;
	struct progress_bank *v;
	size_t n, cap;
};

struct progress *
progress_new(void)
{
	struct progress *p = xcalloc(1, sizeof *p);
	p->cache = xcalloc(1, sizeof *p->cache);
	catalog_init(&p->cache->cat);
	return p;
}

/* The first problem in dl, as "line N: message" (newly allocated). */
static char *
first_problem(struct diag_list *dl)
{
	diag_sort(dl);
	for (size_t i = 0; i < dl->n; i++) {
		if (dl->v[i].sev != SEV_ERROR)
			continue;
		if (dl->v[i].line > 0)
			return xasprintf("line %lu: %s", dl->v[i].line, dl->v[i].msg);
		return xstrdup(dl->v[i].msg);
	}
	return xstrdup("not a transcript");
}

static void
skip(struct progress *p, const char *file, char *reason)
{
	xgrow((void **)&p->skipped, &p->capskipped, p->nskipped + 1, sizeof *p->skipped);
	p->skipped[p->nskipped].file = xstrdup(file);
	p->skipped[p->nskipped].reason = reason;
	p->nskipped++;
}

/* The rules for bank id, loaded on first use; NULL with the reason in
 * *why (borrowed) when the bank cannot be loaded. */
static struct ruleset *
bank_rules(struct progress_cache *c, const char *id, const char **why)
{
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->v[i].id, id) == 0) {
			*why = c->v[i].error;
			return c->v[i].rs;
		}
	}
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v);
	struct progress_bank *b = &c->v[c->n++];
	memset(b, 0, sizeof *b);
	b->id = xstrdup(id);
	char *path = catalog_find(&c->cat, id);
	if (path == NULL || catalog_names_file(id)) {
		/* A transcript names a bank, never a file to open. */
		b->error = xasprintf("the bank '%s' is not installed (see 'infocoach banks')", id);
	} else {
		struct diag_list dl = {0};
		b->rs = catalog_open(&c->cat, &id, 1, &dl);
		if (b->rs != NULL && b->rs->nbanks == 0) {
			ruleset_free(b->rs);
			b->rs = NULL;
			b->error = xasprintf("'%s' is a rule file, not a bank", id);
		} else if (b->rs == NULL) {
			char *first = first_problem(&dl);
			b->error = xasprintf("the bank '%s' cannot be loaded: %s", id, first);
			free(first);
		}
		diag_clear(&dl);
	}
	free(path);
	*why = b->error;
	return b->rs;
}

/* Whether the file with this identity is in p already. */
static bool
seen(const struct progress *p, dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->s[i].dev == dev && p->s[i].ino == ino)
			return true;
	return false;
}

/* What s's report would say about it, into e. */
static void
sum_up(struct progress_session *e, const struct transcript_doc *d, struct replay *r)
{
	struct session *s = r->s;
	struct tm tm;
	e->started = d->started_at;
	if (gmtime_r(&d->started_at, &tm) == NULL || strftime(e->date, sizeof e->date, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(e->date, sizeof e->date, "?");
	e->mock = d->mock;
	e->bank = xstrdup(r->bank->id);
	e->persona = xstrdup(r->persona->id);
	e->host = xstrdup(r->persona->name);
	e->planned = d->duration;
	e->used_ms = session_time_used(s);
	e->questions = report_questions(s);
	e->lines = s->nturns;
	e->score = -1;
	if (d->duration > 0) {
		struct score sc;
		report_score(s, &sc);
		e->score = sc.total;
	}
	for (size_t i = 0; i < s->nflags; i++) {
		enum flag_kind k = s->flags[i].rule->kind;
		if (k >= 0 && k < KIND_COUNT)
			e->flags[k]++;
		e->nflags++;
	}
	for (int c = 0; c < CAT_COUNT; c++)
		e->asked[c] = s->asked[c] > 0;
	/* The things a review redoes, and which of them one put better. */
	e->reviews = (unsigned)d->nreviews;
	for (size_t i = 0; i < s->nflags; i++) {
		if (i > 0 && s->flags[i].turn == s->flags[i - 1].turn)
			continue;
		e->lines_flagged++;
		e->lines_better += review_log_better(d, (unsigned long)s->flags[i].turn + 1, CAT_NONE);
	}
	for (int c = 0; c < CAT_COUNT; c++) {
		if (e->asked[c])
			continue;
		e->topics_missed++;
		e->practised[c] = review_log_better(d, 0, (enum category)c);
		e->topics_better += e->practised[c];
	}
	e->referrals = e->asked[CAT_REFERRALS];
	e->mention_name = e->asked[CAT_MENTION_NAME];
	e->thanked = s->thanked;
}

void
progress_add_file(struct progress *p, const char *path, bool given)
{
	struct stat st;
	struct diag_list dl = {0};

	bool in = strcmp(path, "-") == 0;   /* standard input, read once */
	if (in) {
		memset(&st, 0, sizeof st);
	} else if (stat(path, &st) != 0) {
		skip(p, path, xasprintf("cannot open: %s", strerror(errno)));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		/* A folder in the transcript directory is not ours to read. */
		skip(p, path, xstrdup(given ? "a directory, not a transcript (give it as --dir)" :
		    "a directory, not a transcript"));
		return;
	}
	if (!in && seen(p, st.st_dev, st.st_ino))
		return;
	struct transcript_doc *d = transcript_read(path, &dl);
	if (d == NULL) {
		skip(p, path, first_problem(&dl));
		diag_clear(&dl);
		return;
	}
	const char *why = NULL;
	struct ruleset *rs = bank_rules(p->cache, d->bank_id, &why);
	struct replay *r = rs != NULL ? replay_run_rules(d, rs, &dl) : NULL;
	if (r == NULL) {
		skip(p, path, rs == NULL ? xstrdup(why) : first_problem(&dl));
		diag_clear(&dl);
		transcript_doc_free(d);
		return;
	}
	diag_clear(&dl);
	xgrow((void **)&p->s, &p->cap, p->n + 1, sizeof *p->s);
	struct progress_session *e = &p->s[p->n++];
	memset(e, 0, sizeof *e);
	e->file = xstrdup(path);
	e->dev = st.st_dev;
	e->ino = st.st_ino;     /* 0 for standard input: never seen again */
	sum_up(e, d, r);
	transcript_doc_free(d);
	/* Keep the replay of the latest session (by start, then name). */
	if (p->latest == NULL || e->started > p->latest_started ||
	    (e->started == p->latest_started && strcmp(e->file, p->latest_file) > 0)) {
		replay_free(p->latest);
		p->latest = r;
		p->latest_started = e->started;
		p->latest_file = e->file;
	} else {
		replay_free(r);
	}
}

/* Whether a file in the transcript directory is one of the program's
 * own that is not a transcript: a temporary file or a draft saved
 * beside a transcript. */
static bool
companion(const char *name)
{
	static const char *const ends[] = {".thanks.txt", ".follow-up.txt"};
	if (name[0] == '.')
		return true;
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t m = strlen(ends[i]);
		if (n > m && strcmp(name + n - m, ends[i]) == 0)
			return true;
	}
	return false;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
progress_add_dir(struct progress *p, const char *dir)
{
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		if (errno != ENOENT)
			skip(p, dir, xasprintf("cannot read the directory: %s", strerror(errno)));
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(dp)) != NULL) {
		if (companion(de->d_name))
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	if (errno != 0)
		skip(p, dir, xasprintf("cannot read the whole directory: %s", strerror(errno)));
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	size_t dl = strlen(dir);
	bool slash = dl > 0 && dir[dl - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s%s%s", dir, slash ? "" : "/", names[i]);
		progress_add_file(p, path, false);
		free(path);
		free(names[i]);
	}
	free(names);
	return n;
}

static int
cmp_session(const void *a, const void *b)
{
	const struct progress_session *x = a, *y = b;
	if (x->started != y->started)
		return x->started < y->started ? -1 : 1;
	return strcmp(x->file, y->file);
}

/* n flags of kind k, in words ("1 job ask", "2 pay questions"). */
static char *
kind_words(enum flag_kind k, unsigned n)
{
	const char *one = k == KIND_JOB_ASK ? "job ask" : k == KIND_SALARY ? "pay question" :
	    k == KIND_GOOGLEABLE ? "question the website answers" : "yes/no question";
	const char *many = k == KIND_JOB_ASK ? "job asks" : k == KIND_SALARY ? "pay questions" :
	    k == KIND_GOOGLEABLE ? "questions the website answers" : "yes/no questions";
	return xasprintf("%u %s", n, n == 1 ? one : many);
}

/* What to do about the flagged lines of e, after the advice: redo them
 * in a review, or, once a review put them all better, in a session. */
static const char *
redo_words(const struct progress_session *e)
{
	return e->lines_better < e->lines_flagged ? " 'infocoach review' takes you back to it." :
	    " Your review put it better; now say it that way in a session.";
}

/* The next thing to practise, from the latest session s (which e sums
 * up) and what no session asked yet. */
static void
choose_next(struct progress *p, const struct progress_session *e, struct session *s)
{
	/* An error first (a job ask, the host's pay): it costs the most. */
	for (size_t i = 0; i < s->nflags; i++) {
		const struct flagnote *f = &s->flags[i];
		if (f->sev != SEV_ERROR)
			continue;
		char *w = kind_words(f->rule->kind, e->flags[f->rule->kind]);
		p->next = xasprintf("Your last session had %s. Rehearse that moment: %s%s", w, f->rule->suggestion,
		    redo_words(e));
		free(w);
		return;
	}
	if (!e->referrals || !e->mention_name) {
		enum category c = !e->referrals ? CAT_REFERRALS : CAT_MENTION_NAME;
		const struct question *q = report_suggest(s, c);
		if (!e->referrals && !e->mention_name)
			p->next = xstrdup("Close the meeting: your last session asked neither whom else you could "
			    "talk to nor whether you may use their name.");
		else
			p->next = xasprintf("Close the meeting: your last session did not ask %s.", report_topic(c));
		p->next_question = q != NULL ? xstrdup(q->text) : NULL;
		return;
	}
	if (e->nflags > 0) {
		const struct flagnote *f = &s->flags[0];
		char *w = kind_words(f->rule->kind, e->flags[f->rule->kind]);
		char *try = report_try(s, f);
		p->next = xasprintf("Your last session had %s. %s%s", w, try, redo_words(e));
		free(try);
		free(w);
		return;
	}
	static const enum category order[] = {
		CAT_TYPICAL_DAY, CAT_ENTRY_PATH, CAT_LIKES, CAT_CHALLENGES, CAT_QUALITIES,
		CAT_WORKPLACE, CAT_ADVANCEMENT, CAT_MISSION, CAT_EXPECTATIONS, CAT_INFLUENCES,
		CAT_INDUSTRY_TRENDS, CAT_ADVICE,
	};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		if (p->asked_ever[order[i]])
			continue;
		const struct question *q = report_suggest(s, order[i]);
		p->next = xasprintf("Ask about %s: no session has yet.", report_topic(order[i]));
		p->next_question = q != NULL ? xstrdup(q->text) : NULL;
		return;
	}
	if (p->timed == 0) {
		p->next = xstrdup("Try it under a clock: 'infocoach mock --duration 25m' paces the meeting and "
		    "gives a score.");
		return;
	}
	p->next = xstrdup("Every topic asked and nothing flagged last time: try another host or another "
	    "field ('infocoach banks' lists them).");
}

void
progress_finish(struct progress *p)
{
	if (p->n > 1)
		qsort(p->s, p->n, sizeof *p->s, cmp_session);
	for (size_t i = 0; i < p->n; i++) {
		for (int c = 0; c < CAT_COUNT; c++) {
			p->asked_ever[c] |= p->s[i].asked[c];
			p->practised_ever[c] |= p->s[i].practised[c];
		}
		p->timed += p->s[i].score >= 0;
		p->reviewed += p->s[i].reviews > 0;
	}
	if (p->n == 0)
		p->next = xstrdup("Hold a first session: 'infocoach prepare' writes a list of questions, and "
		    "'infocoach practice' rehearses them.");
	else
		choose_next(p, &p->s[p->n - 1], p->latest->s);
	replay_free(p->latest);
	p->latest = NULL;
	p->latest_file = NULL;
}

void
progress_free(struct progress *p)
{
	if (p == NULL)
		return;
	replay_free(p->latest);
	for (size_t i = 0; i < p->n; i++) {
		free(p->s[i].file);
		free(p->s[i].bank);
		free(p->s[i].persona);
		free(p->s[i].host);
	}
	free(p->s);
	for (size_t i = 0; i < p->nskipped; i++) {
		free(p->skipped[i].file);
		free(p->skipped[i].reason);
	}
	free(p->skipped);
	for (size_t i = 0; p->cache != NULL && i < p->cache->n; i++) {
		free(p->cache->v[i].id);
		free(p->cache->v[i].error);
		ruleset_free(p->cache->v[i].rs);
	}
	if (p->cache != NULL) {
		catalog_free(&p->cache->cat);
		free(p->cache->v);
		free(p->cache);
	}
	free(p->next);
	free(p->next_question);
	free(p);
}
