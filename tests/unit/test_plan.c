/* Unit tests for plan.c: the user's own list of questions, matched to
 * what was said. */
#include <config.h>

#include <string.h>

#include "plan.h"
#include "tap.h"

int
main(void)
{
	struct plan *p = plan_new("list.md");
	static const char q1[] = "How do you keep going through the long weeks of busy season?";
	static const char q2[] = "What skills does someone need to do well here?";
	plan_add(p, 19, q1, strlen(q1), CAT_LIKES);
	plan_add(p, 20, q2, strlen(q2), CAT_QUALITIES);

	/* Nearly word for word: that question, whatever else. */
	const struct plan_item *it = plan_closest(p,
	    "How do you keep yourself going through those long weeks of busy season?");
	ok(it != NULL && it->line == 19, "a question said nearly word for word is found in the list");
	ok(plan_closest(p, "What do you like about the work?") == NULL,
	    "a question on the topic in other words is not 'nearly word for word'");
	ok(plan_closest(p, "long weeks?") == NULL, "two shared words are not enough");

	/* Heard by topic and content: "skills" is in both. */
	it = plan_hear(p, 3, "What skills matter most?", CAT_QUALITIES);
	ok(it != NULL && it->line == 20 && it->turn == 3, "a question on a listed topic marks it asked");
	ok(plan_closest(p, "What skills does someone need to do well here?") == NULL,
	    "an asked question is not found again");
	ok(plan_hear(p, 4, "What is the hardest part?", CAT_CHALLENGES) == NULL,
	    "a topic not on the list is an addition");
	plan_free(p);

	/* Two questions on one topic: the one whose content was asked. */
	p = plan_new("list.md");
	static const char w1[] = "What does a typical week look like for you?";
	static const char w2[] = "Who do you work with most closely from day to day?";
	plan_add(p, 1, w1, strlen(w1), CAT_TYPICAL_DAY);
	plan_add(p, 2, w2, strlen(w2), CAT_TYPICAL_DAY);
	ok(plan_hear(p, 1, "How much of your time goes on meetings?", CAT_TYPICAL_DAY) == NULL && p->nadded == 1,
	    "a question on a listed topic that shares none of its questions' content is an addition");
	it = plan_hear(p, 2, "Which people do you deal with day to day?", CAT_TYPICAL_DAY);
	ok(it != NULL && it->line == 2, "the question of the topic whose content it shares is marked, not the first");
	ok(p->items[0].turn == PLAN_NOT_ASKED, "the other question of the topic stays unasked");
	it = plan_hear(p, 3, "What does a typical week look like for you?", CAT_LIKES);
	ok(it != NULL && it->line == 1, "said word for word, it is asked even when taken for another topic");
	plan_free(p);
	return tap_done();
}
