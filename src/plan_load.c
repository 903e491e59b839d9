/*
 * plan_load.c -- reading the user's list of questions for a session
 * (see plan_load.h).
 *
 * The checker streams the list into a text emitter, as 'check' does; a
 * listener on the emitter keeps each question (with its category) and
 * notes the findings that decide whether the list can be rehearsed.
 */
#include <config.h>

#include "plan_load.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "duration.h"
#include "emit.h"
#include "xmalloc.h"

/* What the listener learns. */
struct heard {
	struct plan *p;
	unsigned long job_line;     /* the first job ask's line, or 0 */
	char *job_rule;             /* its rule (owned) */
	bool unreadable;            /* the list, or part of it, could not be read */
};

static void
on_question(void *arg, unsigned long line, const char *text, size_t len, enum category cat)
{
	struct heard *h = arg;
	plan_add(h->p, line, text, len, cat);
}

static void
on_finding(void *arg, const struct finding *f)
{
	struct heard *h = arg;
	if (strcmp(f->kind, "unreadable") == 0)
		h->unreadable = true;
	if (strcmp(f->kind, "job_ask") == 0 && h->job_line == 0) {
		h->job_line = f->line;
		h->job_rule = xstrdup(f->rule);
	}
}

struct plan *
plan_load(const char *path, struct assessor *a, unsigned long duration, bool force, FILE *out)
{
	struct heard h = {.p = plan_new(path)};
	struct emit_listener l = {.question = on_question, .finding = on_finding, .arg = &h};
	bool all_rules = assessor_set_all_rules(a, true);    /* as check judges a line */
	struct emitter *e = emit_begin(EMIT_TEXT, out, assessor_rules(a), false);
	emit_set_listener(e, &l);
	struct checker *c = checker_new(a, e, duration > 0 ? duration : MEETING_DEFAULT_S);
	bool ok = checker_file(c, path, NULL);
	unsigned long files = checker_files(c), questions = checker_questions(c);
	checker_free(c);
	if (emit_end(e, files, questions) != 0)
		ok = false;
	assessor_set_all_rules(a, all_rules);

	char *name = diag_quote(path);
	if (!ok || h.unreadable) {
		diag_error("cannot rehearse the list '%s': it was not read in full (see the error above)", name);
		goto fail;
	}
	if (h.p->n == 0) {
		diag_error("the list '%s' has no question to rehearse", name);
		goto fail;
	}
	if (h.job_line > 0 && !force) {
		diag_error("%s:%lu: the list asks for a job [%s]; a host who hears that becomes guarded, so "
		    "take it out (or use --force to rehearse the list as it is)", name, h.job_line, h.job_rule);
		goto fail;
	}
	free(name);
	free(h.job_rule);
	return h.p;
fail:
	free(name);
	free(h.job_rule);
	plan_free(h.p);
	return NULL;
}
