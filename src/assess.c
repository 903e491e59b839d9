/*
 * assess.c -- what the coach makes of one line (see assess.h).
 *
 * Most lines break no rule, so all rule patterns are first tried as one
 * alternation (the gate); only a line that passes the gate, or a gate
 * that hit a limit, is checked rule by rule.
 */
#include <config.h>

#include "assess.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
assessor_init(struct assessor *a, const struct ruleset *rs, enum policy policy)
{
	memset(a, 0, sizeof *a);
	a->rs = rs;
	a->policy = policy;
	a->cls = classifier_new(rs);

	size_t len = 1;
	for (size_t i = 0; i < rs->nrules; i++) {
		if (rs->rules[i]->ntriggers > 0)
			continue;
		a->ungated++;
		for (size_t j = 0; j < rs->rules[i]->npats; j++)
			len += strlen(rs->rules[i]->pats[j].src) + 5;
	}
	if (len == 1)
		return;
	char *alt = xmalloc(len);
	size_t used = 0;
	for (size_t i = 0; i < rs->nrules; i++)
		for (size_t j = 0; rs->rules[i]->ntriggers == 0 && j < rs->rules[i]->npats; j++)
			used += (size_t)snprintf(alt + used, len - used, "%s(?:%s)", used ? "|" : "",
			    rs->rules[i]->pats[j].src);
	char err[200];
	a->has_gate = pattern_compile(&a->gate, alt, err, sizeof err);
	if (!a->has_gate)
		pattern_free(&a->gate);
	free(alt);
}

void
assessor_free(struct assessor *a)
{
	if (a->has_gate)
		pattern_free(&a->gate);
	classifier_free(a->cls);
	memset(a, 0, sizeof *a);
}

/* Whether id names the kind, written with '_' or '-' (job_ask, job-ask). */
static bool
names_kind(const char *id, const char *kind)
{
	for (; *id != '\0' && *kind != '\0'; id++, kind++)
		if (*id != *kind && !(*id == '-' && *kind == '_'))
			return false;
	return *id == '\0' && *kind == '\0';
}

static bool
names_rule(const char *id, const char *rule_id, const char *kind)
{
	return strcmp(id, rule_id) == 0 || names_kind(id, kind);
}

bool
assess_ignored(const char *rule_id, const char *kind, char *const *ignore, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ignore[i][0] == '!' && names_rule(ignore[i] + 1, rule_id, kind))
			return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ignore[i], "all") == 0 || names_rule(ignore[i], rule_id, kind))
			return true;
	return false;
}

int
assess_line(struct assessor *a, struct matcher *m, const char *s, size_t len,
    char *const *ignore, size_t nignore, struct assessment *out)
{
	bool seen[KIND_COUNT] = {false};
	char small[512];
	char *lower = len < sizeof small ? small : xmalloc(len + 1);
	memset(out, 0, sizeof *out);
	out->cat = CAT_NONE;

	/* Rules with triggers run only on lines holding one; the others only
	 * when their alternation (the gate) matches. */
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	bool gate = a->ungated > 0;
	if (a->has_gate)
		gate = pattern_match(m, &a->gate, s, len, NULL, NULL) != 0;
	for (size_t i = 0; i < a->rs->nrules; i++) {
		const struct rule *r = a->rs->rules[i];
		if (seen[r->kind] || assess_ignored(r->id, kind_name(r->kind), ignore, nignore))
			continue;
		if (r->ntriggers > 0 ? !rule_triggered(r, lower, len) : !gate)
			continue;
		size_t so, eo;
		int rc = rule_eval(m, r, s, len, &so, &eo, NULL);
		if (rc < 0) {
			if (out->err == 0) {
				out->err = rc;
				out->err_rule = r;
			}
			continue;
		}
		if (rc == 0)
			continue;
		seen[r->kind] = true;
		struct flag *f = &out->flags[out->nflags++];
		f->rule = r;
		f->sev = r->sev[a->policy];
		f->so = so;
		f->eo = eo;
	}
	if (lower != small)
		free(lower);
	/* A job ask or a pay question is not a question of any category: the
	 * host answers it with a reaction, not a reply. */
	if (seen[KIND_JOB_ASK] || seen[KIND_SALARY])
		return out->err;
	/* The category depends on the text alone: remember recent answers. */
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	h |= 1;
	size_t slot = (size_t)(h % (sizeof a->memo / sizeof *a->memo));
	if (a->memo[slot].hash == h) {
		out->cat = a->memo[slot].cat;
		return out->err;
	}
	int cerr = 0;
	out->cat = classify(a->cls, m, s, len, &cerr);
	if (cerr < 0 && out->err == 0)
		out->err = cerr;
	else if (cerr == 0) {
		a->memo[slot].hash = h;
		a->memo[slot].cat = out->cat;
	}
	return out->err;
}
