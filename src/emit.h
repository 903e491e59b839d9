/*
 * emit.h -- the output formats of 'infocoach check'.
 *
 * The checker calls these hooks as it streams through its input; each
 * format writes as it goes so memory does not grow with the input:
 *
 *   text   FILE:LINE:COL: SEVERITY: MESSAGE [RULE], then the suggestion;
 *   json   the public shape of SPEC section 4 (findings of a file are
 *          spooled to a temporary file while its questions are written);
 *   sarif  SARIF 2.1.0, one run, results streamed;
 *   github one "::error file=...,line=...::..." workflow command a finding;
 *   csv    a header, then one row a file (RFC 4180, CRLF line ends) with
 *          its counts from a tally (tally.h).
 *
 * Write errors are remembered and reported by emit_end().
 */
#ifndef INFOCOACH_EMIT_H
#define INFOCOACH_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "diag.h"
#include "tally.h"
#include "taxonomy.h"

enum emit_format { EMIT_TEXT, EMIT_JSON, EMIT_SARIF, EMIT_GITHUB, EMIT_CSV };

struct finding {
	unsigned long line;     /* 1-based, 0 for a list finding (null) */
	unsigned long col;      /* 1-based column in code points, 0 = null */
	unsigned long end_col;  /* column just past the match, 0 = null */
	unsigned long end_line; /* a list finding: the last line of the list
	                           it is about (for SARIF's region), else 0 */
	enum severity sev;
	const char *kind;       /* job_ask, salary, ..., missing_closing */
	const char *rule;       /* rule id */
	const char *message;
	const char *suggestion; /* may be NULL */
};

struct emitter;

/* Start writing to out in format; rs lists the rules (for SARIF). */
struct emitter *emit_begin(enum emit_format format, FILE *out, const struct ruleset *rs,
    bool quiet);

/* From now on, a finding of kind finding_kind_name(k) gets severity
 * sev[k] where set[k] (both arrays of FINDING_KIND_COUNT, copied): the
 * config file's 'severity'. */
void emit_set_severities(struct emitter *e, const bool *set, const enum severity *sev);

/* Feed every file, question and finding to t as well (borrowed; it must
 * outlive e), after the severities are set: for the class summary page.
 * The csv format then takes its rows from t. */
void emit_set_tally(struct emitter *e, struct tally *t);

/* Colour the text format's findings (GCC's colours); other formats stay
 * plain. */
void emit_set_color(struct emitter *e, bool on);

/*
 * Someone who also wants the questions and findings as they come (the
 * practice command, for a list given with --questions): each hook, when
 * not NULL, is called with arg before the format writes anything.
 */
struct emit_listener {
	void (*question)(void *arg, unsigned long line, const char *text, size_t len, enum category cat);
	void (*finding)(void *arg, const struct finding *f);
	void *arg;
};

/* Call l's hooks from now on (l is borrowed and must outlive e; NULL:
 * none). */
void emit_set_listener(struct emitter *e, const struct emit_listener *l);

void emit_file_begin(struct emitter *e, const char *path);
void emit_question(struct emitter *e, unsigned long line, const char *text, size_t len,
    enum category cat, float confidence);
void emit_finding(struct emitter *e, const struct finding *f);
void emit_file_end(struct emitter *e);

/*
 * A file, or part of one, that could not be read or decoded (between
 * emit_file_begin and emit_file_end): a finding of kind "unreadable",
 * severity error, under rule (input.unreadable, input.encoding, ...),
 * positioned at line and col when they are not 0; sugg may be NULL.
 * SARIF writes it as a tool execution notification (the analysis of that
 * file did not happen), the other formats as a finding; json, sarif and
 * github also print it to stderr, where a person reading a CI log looks
 * (except input.invalid-bank: the loader has printed its errors there).
 */
void emit_unreadable(struct emitter *e, unsigned long line, unsigned long col, const char *rule,
    const char *msg, const char *sugg);

/*
 * Finish the output (closing JSON, the text summary) and free e.  Returns
 * 0, or -1 when the output could not be written completely (a message
 * has been printed).
 */
int emit_end(struct emitter *e, unsigned long files, unsigned long questions);

/* Write s as a JSON string ("null" for NULL), with control characters
 * escaped and invalid UTF-8 bytes written as \\xNN. */
void emit_json_string(FILE *fp, const char *s);

/* Print the diagnostics in dl to stderr (after flushing stdout, so a
 * terminal shows them where they belong) and empty dl; a recording
 * emitter records them instead. */
void emit_diag(struct emitter *e, struct diag_list *dl);

/*
 * Recording, for 'check -j': a worker process writes records of what it
 * checks to rec; the parent replays them, in the order of the arguments,
 * into the real emitter, so the output is the same byte for byte as when
 * one process checks every file.  The recording emitter formats each
 * input's output itself, as like (the parent's emitter, inherited by
 * fork) would, and records the bytes with the little the parent must add:
 * the comma before an item of the output's top-level list (a json file, a
 * sarif result), sarif's notifications, the counts.  When like feeds a
 * tally (the summary page) or a listener, or is NULL, it records every
 * hook's call instead, for the parent to make.  emit_record_result ends
 * the records of one input with whether it was read without problems.
 * Free a recording emitter with emit_record_end (NULL-safe).
 */
struct emitter *emit_record_begin(FILE *rec, const struct emitter *like);
void emit_record_result(struct emitter *e, bool ok);
void emit_record_end(struct emitter *e);

/*
 * Replay the records of one input from rec into e (a real emitter):
 * diagnostics go to stderr where they fell.  *ok gets the input's result;
 * *files and *questions grow by the files begun and questions checked.
 * Returns 0, or -1 when the records are cut short or malformed.
 */
int emit_replay(struct emitter *e, FILE *rec, bool *ok, unsigned long *files,
    unsigned long *questions);

/* Counts of findings by severity so far. */
unsigned long emit_count(const struct emitter *e, enum severity sev);

#endif
