/*
 * reword.h -- a closed (yes/no) question opened up.
 *
 * "Do you like your job?" gets the host's yes and little more.  Where the
 * question's own words can be moved into an open question that stays
 * grammatical ("What do you like most about your job?", "What makes
 * nursing stressful?") the advice shows it; else it is general advice.
 * check writes it beside each closed question, the practice coach says it
 * at once, and the review judges a try with it.
 */
#ifndef INFOCOACH_REWORD_H
#define INFOCOACH_REWORD_H

#include <stdbool.h>
#include <stddef.h>

/* The advice for the closed question q[0..len): the question opened up
 * ("Open it up, for example: ..."), from its words as typed or else as
 * normalised ("do u like ur job"), else advice with no example.  Never
 * an example for a question about a job or pay (job_or_pay, or one of
 * the words of such a question), which would only teach the ask in other
 * words.  Newly allocated. */
char *reword_closed(const char *q, size_t len, bool job_or_pay);

#endif
