/*
 * letter.h -- checks for the two letters around an informational
 * interview: the request for a meeting and the thank-you note.
 *
 * A request should say how the writer got the host's name, that they
 * value the host's experience, ask for a short meeting (half an hour at
 * most), say they are not asking for a job, offer ways to meet and say
 * they will follow up; it should not ask for a job, attach a résumé or
 * run long.  A thank-you note should be brief, thank the host for their
 * time and name one thing learned; it may express interest in an opening
 * only when it refers to one the host mentioned.  Each missing element is
 * a finding with a suggestion; job asks and pay questions are looked for
 * a sentence at a time (sentence.h), positioned like check's.
 */
#ifndef INFOCOACH_LETTER_H
#define INFOCOACH_LETTER_H

#include <stdbool.h>

#include "assess.h"
#include "emit.h"

#define LETTER_MAX_BYTES (256 * 1024)  /* a letter is read whole */

enum letter_kind {
	LETTER_REQUEST,         /* asking for an informational interview */
	LETTER_THANKS,          /* the thank-you note afterwards */
};

/*
 * Check the letter in path ("-" is standard input) with the assessor's
 * job-ask and salary rules, writing findings to e under name (path when
 * NULL).  Returns false when the file could not be read or is not text
 * (a message is printed).
 */
bool letter_check(struct assessor *a, struct emitter *e, const char *path, const char *name,
    enum letter_kind kind);

#endif
