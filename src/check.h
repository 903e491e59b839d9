/*
 * check.h -- batch checking of draft question lists (infocoach check).
 *
 * A checker streams each input one line at a time with a fixed buffer,
 * so memory does not grow with the input: it strips a BOM, CR, list
 * markers, Markdown (markdown.h) and inline suppressions (columns still
 * point into the original line), skips blanks and '#' comments, splits a
 * line holding several questions (sentence.h), assesses each question
 * (assess.h) and hands questions and findings to an emitter (emit.h).  At the end of
 * each file it adds the list findings: missing closing questions, a tier
 * never covered, more questions than fit the planned time, duplicates.
 * Files ending in .yaml or .yml are loaded as banks and their questions
 * checked the same way.  Problems with the input itself (unreadable,
 * binary, invalid UTF-8, over-long lines, a rule that could not be
 * evaluated) are printed to stderr as positioned errors.
 */
#ifndef INFOCOACH_CHECK_H
#define INFOCOACH_CHECK_H

#include <stdbool.h>

#include "assess.h"
#include "emit.h"

#define CHECK_MAX_LINE       65536     /* bytes in one checked line */
#define CHECK_SECONDS_PER_Q  120       /* planned time per question */
#define CHECK_MAX_DISTINCT   (1UL << 18) /* duplicate tracking per file */

struct checker;

/* A checker over a (borrowed, outliving it) and emitter e; duration is
 * the planned meeting length in seconds. */
struct checker *checker_new(struct assessor *a, struct emitter *e, unsigned long duration);

/* Check one input ("-" is standard input, shown as name when that is not
 * NULL).  Returns false when the input had problems of its own (then
 * stderr has the message). */
bool checker_file(struct checker *c, const char *path, const char *stdin_name);

/* Check a draft already open on fd (not closed), named path in output. */
bool checker_fd(struct checker *c, const char *path, int fd);

/*
 * check -j: check paths[0..n) with up to jobs worker processes (forked
 * from this one, so each has its own copy of a and of every matcher and
 * cache), each taking the next input not yet taken whenever it is free.
 * Each records its output and messages into an unlinked temporary file
 * (emit_record_begin); this process replays them into e in the order of
 * the arguments, so stdout and stderr are the same byte for byte as
 * checking them one after another with checker_file.
 * *files and *questions grow by those checked.  Returns false when an
 * input had problems of its own or a worker failed (then stderr says so).
 */
bool checker_parallel(struct assessor *a, struct emitter *e, unsigned long duration,
    char *const *paths, size_t n, const char *stdin_name, size_t jobs,
    unsigned long *files, unsigned long *questions);

/*
 * Let c use up to jobs processes (this one included) for one long draft:
 * helpers forked for it assess its questions ahead (lookahead.h), and the
 * output is the same byte for byte.  Default 1: none.
 */
void checker_set_jobs(struct checker *c, size_t jobs);

/* Files and questions seen so far. */
unsigned long checker_files(const struct checker *c);
unsigned long checker_questions(const struct checker *c);

/* Free c; NULL is fine. */
void checker_free(struct checker *c);

#endif
