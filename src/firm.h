/*
 * firm.h -- firms, agencies and other organisations a host names.
 *
 * "Pell & Archer", "Harlow Group", "Bright Lane Ltd" are no one: asked
 * who they are, or whether the host still works with them, the host
 * says what its words say of the firm, or that it does not know it.
 * This module tells such a name from a person's and finds what a
 * persona's words say of it; what has been said is the session's
 * business.
 */
#ifndef INFOCOACH_FIRM_H
#define INFOCOACH_FIRM_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"

/* Whether name (as a user typed it, any case: "pell and archer",
 * "Harlow Group") is an organisation's: two names joined by "&" or
 * "and", or a name ending in a word such as Ltd, Inc, LLP, Group,
 * Agency or Partners. */
bool firm_name(const char *name);

/* name (a firm's, as a user typed it: "pell and archer llp") spelt as
 * a firm's is, in place: "Pell and Archer LLP". */
void firm_spell(char *name);

/* Whether the capitalised words at text[at..end) belong to an
 * organisation's name in text ("Archer" of "Pell & Archer"). */
bool firm_around(const char *text, size_t at, size_t end);

/* The first organisation text names (not employer, the host's own,
 * which may be NULL), into buf (len bytes) as written ("Pell & Archer");
 * false when it names none. */
bool firm_in(const char *text, const char *employer, char *buf, size_t len);

/* What persona p's words say of the firm named firm (any case): "Pell &
 * Archer is a small agency." from an apposition, then a sentence of
 * theirs that names it and none of said[0..n) holds; newly allocated,
 * with the name as the persona writes it into name (len bytes).  NULL
 * when its words never name it. */
char *firm_about(const struct persona *p, const char *firm, const char *const *said, size_t n,
    char *name, size_t len);

/* What persona p's opening says its own employer does, as a sentence
 * of the host's: "Harwood Lisle is a mid-sized accounting firm serving
 * manufacturers, nonprofits and private companies." from an apposition
 * to the employer's name, else its first sentence that opens with "We"
 * up to where the host turns to itself ("We do online grocery
 * delivery."); newly allocated, or NULL when the opening says neither. */
char *firm_own_does(const struct persona *p);

/* The kinds of client in what firm_own_does says ("retailers and
 * manufacturers" of "...on behalf of retailers and manufacturers."),
 * newly allocated, or NULL when it names none. */
char *firm_own_clients(const struct persona *p);

#endif
