/*
 * trigger.h -- which rules a line may concern, in one pass.
 *
 * Every rule may name trigger words (rule.h): it only runs on a line
 * holding one.  A trigger set puts the triggers of all rules into one
 * Aho-Corasick automaton, built once, so a line is scanned once, whatever
 * the number of rules and triggers, instead of once per trigger.
 */
#ifndef INFOCOACH_TRIGGER_H
#define INFOCOACH_TRIGGER_H

#include <stdbool.h>
#include <stddef.h>

struct trigger_set;

/*
 * Build a set for n owners (rules): triggers[i][0..ntriggers[i]) are
 * owner i's words (lowercase).  Never fails (memory aside); an owner with
 * no triggers is never reported.
 */
struct trigger_set *trigger_set_new(char **const *triggers, const size_t *ntriggers, size_t n);
void trigger_set_free(struct trigger_set *t);

/*
 * Scan s[0..len) (lowercase) and set hit[i] for every owner one of whose
 * triggers occurs in it; hit[0..n) is cleared first.
 */
void trigger_scan(const struct trigger_set *t, const char *s, size_t len, bool *hit);

#endif
