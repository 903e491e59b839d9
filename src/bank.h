/*
 * bank.h -- question banks and rule files: loading and validation.
 *
 * bank_load() reads one YAML file through ytree.c, checks it against the
 * format documented in questionbanks/README.md (required keys, types,
 * unknown keys with a "did you mean", duplicate ids, the taxonomy's
 * values, patterns that compile, rule examples that hold) and builds the
 * structures below.  Every problem is reported with its position, all of
 * them in one run.  Finding banks on disk is catalog.c's job; using them
 * is the checker's and the host's.
 */
#ifndef INFOCOACH_BANK_H
#define INFOCOACH_BANK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "rule.h"
#include "taxonomy.h"

#define BANK_FORMAT 1

struct strlist {
	char **v;               /* the strings (owned) */
	size_t n;               /* how many */
};

/* What a reply variant may carry besides its text (all lists may be
 * empty). */
struct reply_extra {
	struct strlist keywords; /* words of a question this variant fits */
	struct strlist more;    /* follow-ups that go on, with an example */
	struct strlist why;     /* follow-ups that give the reason */
};

/* A word the host uses, and what it means. */
struct term {
	char *term;             /* as the replies use it, lowercase */
	struct strlist also;    /* other ways people type it, lowercase */
	char *means;            /* the host's explanation */
	unsigned long line, col; /* where it was written */
};

struct persona {
	char *id;               /* unique within the bank */
	char *name;             /* e.g. "Dolores Whitfield" */
	char *role;             /* job title */
	char *employer;         /* fictional employer */
	int years;              /* years in the field */
	char *style;            /* one word: warm, brisk, ... */
	char *opening;          /* how the host opens the meeting */
	struct strlist asks;    /* questions the host asks the user */
	struct strlist acks;    /* what the host says to the user's answer
	                           (optional, may be empty) */
	struct strlist replies[CAT_COUNT]; /* reply variants per category */
	struct reply_extra *extra[CAT_COUNT]; /* ... and their follow-ups and
	                                   keywords, one per variant */
	struct term *terms;     /* the glossary (may be empty) */
	size_t nterms;
	struct strlist acts[ACT_COUNT]; /* the persona's own words for acts
	                                   (may be empty: built-in words) */
	struct strlist asks_back; /* questions asked later in the meeting */
	struct strlist fallback;           /* for lines it cannot place */
	struct strlist reactions[KIND_COUNT]; /* reaction to each flag kind */
	char *farewell;         /* the host's last words */
};

struct question {
	char *id;               /* unique within the bank */
	char *text;             /* the question */
	enum category cat;      /* its category */
	enum tier tier;         /* its tier (agrees with cat) */
	char *notes;            /* optional remark, may be NULL */
	unsigned long line;     /* where the question's mapping starts */
	unsigned long col;
	unsigned long text_line; /* where its text starts */
	unsigned long text_col;
};

struct bank {
	char *path;             /* the file it came from (owned) */
	bool rules_only;        /* a rule file: no field, personas, questions */
	char *id;               /* e.g. "general" */
	char *title;            /* one line */
	char *field;            /* the field; NULL in a rule file */
	char *description;      /* may be NULL in a rule file */
	struct persona *personas;
	size_t npersonas;
	struct question *questions;
	size_t nquestions;
	struct rule *rules;     /* rules defined in this file */
	size_t nrules;
	struct cue *cues;       /* classifier cues defined in this file */
	size_t ncues;
};

/* Flags for bank_load and bank_parse. */
#define BANK_EXAMPLES 1   /* also run every rule's examples (validate) */
#define BANK_NO_PERSONAS 2 /* skip the personas: neither loaded nor checked
                             ('check' needs rules, cues and questions) */

/*
 * Load and validate the bank or rule file at path.  Problems go to dl.
 * Returns the bank (free with bank_free) when the file has no error, or
 * NULL when it has at least one: a bank is never used half loaded.
 * With BANK_EXAMPLES in flags the rules' examples are run too; 'validate'
 * and the test suite do, the other commands skip it to start faster.
 */
struct bank *bank_load(const char *path, struct diag_list *dl, unsigned flags);

/* The same for text already in memory (tests and fuzzing); name is used
 * in messages. */
struct bank *bank_parse(const char *name, const char *buf, size_t len,
    struct diag_list *dl, unsigned flags);

/* Free a bank and everything it owns; NULL is fine. */
void bank_free(struct bank *b);

/* The persona with this id, or NULL. */
const struct persona *bank_persona(const struct bank *b, const char *id);

/* Whether q leans on a question asked before it ("How are these changes
 * affecting...?", "And what about ...?"): it names nothing of its own,
 * so it is never offered alone (prepare, /suggest). */
bool question_leans_back(const struct question *q);

#endif
