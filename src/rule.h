/*
 * rule.h -- PCRE2 patterns and the rules built from them.
 *
 * Compiles patterns once (caseless, UTF, Unicode properties, \C refused,
 * length and nesting capped, JIT when the library has it) and matches
 * them under match, depth and heap limits, so no rule can hang a run.  A
 * match that runs into a limit is an error the caller must report, never
 * a silent "no match".  Where rules come from (banks, rule files) is
 * bank.c's business; what is done with a match is check.c's and the
 * coach's.
 */
#ifndef INFOCOACH_RULE_H
#define INFOCOACH_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "taxonomy.h"

/* A compiled PCRE2 pattern: pcre2_code for 8-bit code units, declared
 * by its tag so that only the modules that call PCRE2 (rule.c and
 * patcache.c) include <pcre2.h>. */
struct pcre2_real_code_8;

#define RULE_MAX_PATTERN     4096     /* bytes in one pattern */
#define RULE_MAX_PARENS      64       /* nested parentheses */
#define RULE_MATCH_LIMIT     200000   /* backtracking steps per match */
#define RULE_DEPTH_LIMIT     2000     /* backtracking depth */
#define RULE_HEAP_LIMIT_KIB  16384    /* heap for one match */
#define RULE_JIT_STACK_MAX   (1024 * 1024)

/* A pattern's compiled code, made ready as it is used: a pattern found
 * in the cache of compiled patterns (patcache.h) is decoded at its first
 * match, so a short run decodes only what it matches; it is JIT-compiled
 * only once it has been matched RULE_JIT_AFTER times, so short runs
 * start fast. */
struct pattern_code {
	struct pcre2_real_code_8 *re; /* the compiled pattern (owned), or NULL
	                           until the first match decodes it */
	size_t cached;          /* ... from this entry of the shared cache
	                           (patcache_find; 0: look it up then) */
	bool tried;             /* the first match made re, or failed to */
	unsigned matches;       /* matches attempted so far */
	bool jit_tried;         /* JIT compilation attempted */
	bool jit_ok;            /* ... and done: matches take the JIT's
	                           fast path */
};

#define RULE_JIT_AFTER 32    /* matches before a pattern is JIT-compiled */
#define RULE_JIT_LONG 512    /* ... or at once for a subject this long */

struct pattern {
	char *src;              /* the pattern as written (owned) */
	struct pattern_code *code; /* compiled form (owned; mutable even when
	                           the pattern is reached through const), NULL
	                           if invalid */
	unsigned long line;     /* where it was written, for messages */
	unsigned long col;
};

struct rule {
	char *id;               /* e.g. "job-ask.hiring" */
	enum flag_kind kind;    /* what it flags */
	enum severity sev[POLICY_COUNT]; /* severity under each policy */
	struct pattern *pats;   /* any of these matching flags the line */
	size_t npats;
	struct pattern *unless; /* ... unless one of these matches */
	size_t nunless;
	char **triggers;        /* the rule runs only on a line holding one of
	                           these (ASCII-lowercased); none: always */
	size_t ntriggers;
	bool raw;               /* match the line as typed, not normalised */
	char *message;          /* why it hurts (owned) */
	char *suggestion;       /* a better way to ask (owned) */
	char **flag_ex;         /* examples that must be flagged (owned) */
	size_t nflag;
	char **pass_ex;         /* examples that must pass (owned) */
	size_t npass;
	const char *file;       /* borrowed from the bank that defined it */
	unsigned long line;     /* where the rule starts */
	unsigned long col;
};

struct cue {
	enum category cat;      /* the category it votes for */
	struct pattern pat;     /* what it looks for */
};

/* Reusable match state: one per thread of work, never shared. */
struct matcher;

/*
 * Compile src into p (src is copied).  Returns true, or false with a
 * message like "invalid pattern at offset 9: missing closing parenthesis"
 * in err.  A pattern that matches the empty string is refused too, since
 * it would flag every line.  On failure p owns nothing (pattern_free on
 * it is still harmless).
 */
bool pattern_compile(struct pattern *p, const char *src, char *err, size_t errlen);

/*
 * Take src (owned by p from now on) as p's source, known to compile: it
 * did when pattern_compile checked it before, in a bank kept in the
 * cache (bankcache.h).  Its code is found in the cache of compiled
 * patterns, or compiled, at its first match.
 */
void pattern_adopt(struct pattern *p, char *src);

/*
 * Compile a pattern written into the program itself.  Its failing is a
 * bug in infocoach, not in anything the user wrote, so it is never
 * passed over: the message goes to stderr and the process aborts.
 */
void pattern_compile_builtin(struct pattern *p, const char *src);

/* Free what pattern_compile made (p itself is the caller's). */
void pattern_free(struct pattern *p);

/* A matcher with the limits above; free with matcher_free (NULL-safe). */
struct matcher *matcher_new(void);
void matcher_free(struct matcher *m);

/*
 * Match p against s[0..len), which must be valid UTF-8 (the caller has
 * checked it).  Returns 1 on a match (byte offsets in *so, *eo when not
 * NULL), 0 on none, or a negative PCRE2 error code (a limit was hit).
 */
int pattern_match(struct matcher *m, const struct pattern *p, const char *s,
    size_t len, size_t *so, size_t *eo);

/*
 * Whether rule r flags s[0..len): 1 (with the first match's byte range in
 * *so, *eo), 0, or a negative PCRE2 error code; *bad (may be NULL) gets
 * the pattern that failed.
 */
int rule_eval(struct matcher *m, const struct rule *r, const char *s, size_t len,
    size_t *so, size_t *eo, const struct pattern **bad);

/*
 * rule_eval, leaving out the patterns known not to match s: may[i] false
 * for pats[i] (i < npats) or unless[i - npats] skips it (may NULL: none
 * is skipped).  The result is rule_eval's as long as every pattern left
 * out would not have matched.
 */
int rule_eval_some(struct matcher *m, const struct rule *r, const bool *may, const char *s,
    size_t len, size_t *so, size_t *eo, const struct pattern **bad);

/*
 * Whether a line may concern rule r: true when r has no triggers or when
 * lower[0..len) (the line with ASCII letters lowercased) contains one.
 */
bool rule_triggered(const struct rule *r, const char *lower, size_t len);

/* A short text for a negative code from the functions above. */
void rule_strerror(int code, char *buf, size_t len);

/* Free everything a rule owns (r itself is the caller's). */
void rule_free(struct rule *r);

#endif
