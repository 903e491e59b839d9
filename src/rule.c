/*
 * rule.c -- PCRE2 patterns and the rules built from them (see rule.h).
 *
 * The limits follow the measurements in the project's hostile-input
 * notes: PCRE2's default match limit (10 million) lets ^(a+)+$ spin for
 * a quarter of a second per line, and its default 32 KiB JIT stack fails
 * on ordinary 2 KB lines, so both are set explicitly here.
 */
#include <config.h>

#include "rule.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patcache.h"
#include "xmalloc.h"

struct matcher {
	pcre2_match_context *mctx;   /* limits and JIT stack */
	pcre2_jit_stack *jit;        /* enlarged JIT stack, or NULL */
	pcre2_match_data *md;        /* reused for every match */
};

/* The options every pattern is compiled under (and kept in the cache
 * with). */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NEVER_BACKSLASH_C)

/* src compiled under our options and limits, or NULL with PCRE2's error
 * code in *code and the offset in *off. */
static pcre2_code *
compile(const char *src, int *code, PCRE2_SIZE *off)
{
	pcre2_compile_context *cctx = pcre2_compile_context_create(NULL);
	if (cctx == NULL)
		xalloc_die();
	pcre2_set_max_pattern_length(cctx, RULE_MAX_PATTERN);
	pcre2_set_parens_nest_limit(cctx, RULE_MAX_PARENS);
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS, code,
	    off, cctx);
	pcre2_compile_context_free(cctx);
	return re;
}

/* Whether re matches the empty string (or runs into a limit trying). */
static bool
matches_empty(const pcre2_code *re)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	if (md == NULL || mc == NULL)
		xalloc_die();
	pcre2_set_match_limit(mc, RULE_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, RULE_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, RULE_HEAP_LIMIT_KIB);
	int rc = pcre2_match(re, (PCRE2_SPTR)"", 0, 0, 0, md, mc);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	return rc != PCRE2_ERROR_NOMATCH;
}

bool
pattern_compile(struct pattern *p, const char *src, char *err, size_t errlen)
{
	p->src = xstrdup(src);
	p->code = NULL;
	if (strlen(src) > RULE_MAX_PATTERN) {
		snprintf(err, errlen, "pattern longer than %d bytes", RULE_MAX_PATTERN);
		goto fail;
	}
	/* Without the JIT a pattern like \s+$ on a long line takes minutes;
	 * the JIT is our protection, so a pattern may not turn it off. */
	if (strstr(src, "(*NO_JIT)") != NULL) {
		snprintf(err, errlen, "(*NO_JIT) is not allowed: patterns always run under the JIT when there is one");
		goto fail;
	}
	p->code = xcalloc(1, sizeof *p->code);
	/* A pattern compiled before (and found sound then) is decoded at its
	 * first match. */
	p->code->cached = patcache_find(patcache_shared(), src, COMPILE_OPTIONS);
	if (p->code->cached != 0)
		return true;
	int code;
	PCRE2_SIZE off;
	p->code->re = compile(src, &code, &off);
	if (p->code->re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "invalid pattern at offset %zu: %s", (size_t)off, (char *)msg);
		goto fail;
	}
	/* Refuse a pattern that matches the empty string: it flags everything. */
	if (matches_empty(p->code->re)) {
		snprintf(err, errlen, "pattern matches the empty string, so it would match every line");
		goto fail;
	}
	patcache_put(patcache_shared(), src, COMPILE_OPTIONS, p->code->re);
	return true;
fail:
	/* On failure the pattern owns nothing. */
	pattern_free(p);
	return false;
}

void
pattern_adopt(struct pattern *p, char *src)
{
	p->src = src;
	p->code = xcalloc(1, sizeof *p->code);
}

void
pattern_compile_builtin(struct pattern *p, const char *src)
{
	char err[200];
	if (!pattern_compile(p, src, err, sizeof err)) {
		fprintf(stderr, "infocoach: internal error: a built-in pattern does not compile: %s\n", err);
		abort();
	}
}

void
pattern_free(struct pattern *p)
{
	if (p == NULL)
		return;
	if (p->code != NULL)
		pcre2_code_free(p->code->re);
	free(p->code);
	free(p->src);
	p->code = NULL;
	p->src = NULL;
}

struct matcher *
matcher_new(void)
{
	struct matcher *m = xcalloc(1, sizeof *m);
	m->mctx = pcre2_match_context_create(NULL);
	m->md = pcre2_match_data_create(16, NULL);
	if (m->mctx == NULL || m->md == NULL)
		xalloc_die();
	pcre2_set_match_limit(m->mctx, RULE_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, RULE_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mctx, RULE_HEAP_LIMIT_KIB);
	m->jit = pcre2_jit_stack_create(32 * 1024, RULE_JIT_STACK_MAX, NULL);
	if (m->jit != NULL)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
	return m;
}

void
matcher_free(struct matcher *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	pcre2_jit_stack_free(m->jit);
	pcre2_match_context_free(m->mctx);
	free(m);
}

/* INFOCOACH_NO_JIT=1 keeps every match in the interpreter: valgrind
 * cannot follow JIT code, whose vector loads it reports falsely. */
static bool
jit_allowed(void)
{
	static int allowed = -1;
	if (allowed < 0) {
		const char *v = getenv("INFOCOACH_NO_JIT");
		allowed = v == NULL || v[0] == '\0' || strcmp(v, "0") == 0;
	}
	return allowed;
}

/* The compiled code of p, decoded from the cache at its first use (or,
 * when the cache has none, or its copy has gone bad since, compiled
 * again), or NULL when it cannot be had. */
static pcre2_code *
code_of(const struct pattern *p)
{
	struct pattern_code *c = p->code;
	if (c == NULL || c->re != NULL || c->tried)
		return c != NULL ? c->re : NULL;
	c->tried = true;
	if (c->cached == 0)
		c->cached = patcache_find(patcache_shared(), p->src, COMPILE_OPTIONS);
	c->re = patcache_decode(patcache_shared(), c->cached);
	if (c->re == NULL) {
		int code;
		PCRE2_SIZE off;
		c->re = compile(p->src, &code, &off);
		if (c->re != NULL)
			patcache_put(patcache_shared(), p->src, COMPILE_OPTIONS, c->re);
	}
	return c->re;
}

int
pattern_match(struct matcher *m, const struct pattern *p, const char *s, size_t len,
    size_t *so, size_t *eo)
{
	pcre2_code *re = code_of(p);
	if (re == NULL)
		return PCRE2_ERROR_NULL;
	/* JIT pays off for a pattern used often, and is a must on a long
	 * subject: the interpreter's match limit restarts at every start
	 * position, so \s+$ on 64 KiB of spaces would take minutes.  The
	 * interpreter is the fallback when the library has no JIT. */
	if (!p->code->jit_tried && (++p->code->matches >= RULE_JIT_AFTER || len > RULE_JIT_LONG) &&
	    jit_allowed()) {
		p->code->jit_tried = true;
		p->code->jit_ok = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	}
	/* The caller validated s as UTF-8, so PCRE2 need not check it again
	 * for every pattern (the JIT's fast path never does). */
	int rc = p->code->jit_ok ?
	    pcre2_jit_match(re, (PCRE2_SPTR)s, len, 0, 0, m->md, m->mctx) :
	    pcre2_match(re, (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return rc;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	if (so != NULL)
		*so = ov[0];
	if (eo != NULL)
		*eo = ov[1];
	return 1;
}

int
rule_eval(struct matcher *m, const struct rule *r, const char *s, size_t len,
    size_t *so, size_t *eo, const struct pattern **bad)
{
	return rule_eval_some(m, r, NULL, s, len, so, eo, bad);
}

int
rule_eval_some(struct matcher *m, const struct rule *r, const bool *may, const char *s,
    size_t len, size_t *so, size_t *eo, const struct pattern **bad)
{
	size_t a = 0, b = 0;
	int hit = 0;

	for (size_t i = 0; i < r->npats && !hit; i++) {
		if (may != NULL && !may[i])
			continue;
		int rc = pattern_match(m, &r->pats[i], s, len, &a, &b);
		if (rc < 0) {
			if (bad != NULL)
				*bad = &r->pats[i];
			return rc;
		}
		hit = rc;
	}
	if (!hit)
		return 0;
	for (size_t i = 0; i < r->nunless; i++) {
		if (may != NULL && !may[r->npats + i])
			continue;
		int rc = pattern_match(m, &r->unless[i], s, len, NULL, NULL);
		if (rc < 0) {
			if (bad != NULL)
				*bad = &r->unless[i];
			return rc;
		}
		if (rc > 0)
			return 0;
	}
	if (so != NULL)
		*so = a;
	if (eo != NULL)
		*eo = b;
	return 1;
}

bool
rule_triggered(const struct rule *r, const char *lower, size_t len)
{
	if (r->ntriggers == 0)
		return true;
	for (size_t i = 0; i < r->ntriggers; i++)
		if (memmem(lower, len, r->triggers[i], strlen(r->triggers[i])) != NULL)
			return true;
	return false;
}

void
rule_strerror(int code, char *buf, size_t len)
{
	switch (code) {
	case PCRE2_ERROR_MATCHLIMIT:
		snprintf(buf, len, "match limit exceeded");
		break;
	case PCRE2_ERROR_DEPTHLIMIT:
		snprintf(buf, len, "depth limit exceeded");
		break;
	case PCRE2_ERROR_HEAPLIMIT:
		snprintf(buf, len, "heap limit exceeded");
		break;
	case PCRE2_ERROR_JIT_STACKLIMIT:
		snprintf(buf, len, "JIT stack limit exceeded");
		break;
	default: {
		PCRE2_UCHAR msg[200];
		if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
			snprintf(buf, len, "PCRE2 error %d", code);
		else
			snprintf(buf, len, "%s", (char *)msg);
	}
	}
}

void
rule_free(struct rule *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->npats; i++)
		pattern_free(&r->pats[i]);
	for (size_t i = 0; i < r->nunless; i++)
		pattern_free(&r->unless[i]);
	for (size_t i = 0; i < r->nflag; i++)
		free(r->flag_ex[i]);
	for (size_t i = 0; i < r->npass; i++)
		free(r->pass_ex[i]);
	for (size_t i = 0; i < r->ntriggers; i++)
		free(r->triggers[i]);
	free(r->triggers);
	free(r->pats);
	free(r->unless);
	free(r->flag_ex);
	free(r->pass_ex);
	free(r->id);
	free(r->message);
	free(r->suggestion);
}
