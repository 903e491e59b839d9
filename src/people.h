/*
 * people.h -- who the people a host names are to it.
 *
 * A persona's replies name people ("Talk to Bev Thornton, our senior
 * planner.", "My preceptor, Marisol Vega.", "Colin Ferris, who ran model
 * validation").  This module reads those words, in every reply the
 * persona has and their follow-ups, to say who someone is when the user
 * asks: their full name from a part of it ("Bev"), and a sentence of who
 * they are to the host ("Bev Thornton is our senior planner.").  It
 * knows nothing of the conversation: what has been said is the
 * session's and the host's business.
 */
#ifndef INFOCOACH_PEOPLE_H
#define INFOCOACH_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"

/*
 * Who the person whose name holds want (lower case: "bev", "marisol
 * vega") is to persona p, from the first of its words that says so with
 * an apposition ("NAME, our senior planner", "my preceptor, NAME",
 * "NAME, who ran model validation"): a whole sentence such as "Marisol
 * Vega was my preceptor.", newly allocated, with the full name (without
 * a title) copied into name (len bytes).  NULL when none of its words
 * says who they are.
 */
char *people_identity(const struct persona *p, const char *want, char *name, size_t len);

/*
 * Who the first person is whom persona p's words name with one of the
 * phrases as in their apposition ("Aisha Noor, my manager" for "my
 * manager"): as people_identity(), NULL when none of its words does.
 */
char *people_as(const struct persona *p, const char *const *as, char *name, size_t len);

/*
 * Whether text (something the host said) names by a word of their name
 * alone ("Bev made me put the phone down") someone whom people_identity()
 * knows: that person's full name into name (len bytes).
 */
bool people_named_in(const struct persona *p, const char *text, char *name, size_t len);

/*
 * One more thing persona p's words say about the person named name (as
 * people_identity() gives it: "Hannah Kim", "Ruth"), newly allocated: a
 * sentence that goes on about them after one naming them ("She came from
 * audit, so she knows both sides."), else one that opens with their name
 * and says what they do ("Hannah marks up my entries every close.").
 * None that any of said[0..n) holds (what the host has already said);
 * NULL when there is no such sentence.
 */
char *people_more(const struct persona *p, const char *name, const char *const *said, size_t n);

/* Whether the n bytes at w make a capitalised word, as a name's are
 * ("Bev", "O'Neill", "Castellano-Ruiz"). */
bool people_capitalised(const char *w, size_t n);

#endif
