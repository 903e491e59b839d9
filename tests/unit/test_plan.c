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
	it = plan_hear(p, 3, "What skills matter most?", CAT_QUALITIES, ACT_QUESTION);
	ok(it != NULL && it->line == 20 && it->turn == 3, "a question on a listed topic marks it asked");
	ok(plan_closest(p, "What skills does someone need to do well here?") == NULL,
	    "an asked question is not found again");
	ok(plan_hear(p, 4, "What is the hardest part?", CAT_CHALLENGES, ACT_QUESTION) == NULL,
	    "a topic not on the list is an addition");
	plan_free(p);

	/* Two questions on one topic: the one whose content was asked. */
	p = plan_new("list.md");
	static const char w1[] = "What does a typical week look like for you?";
	static const char w2[] = "Who do you work with most closely from day to day?";
	plan_add(p, 1, w1, strlen(w1), CAT_TYPICAL_DAY);
	plan_add(p, 2, w2, strlen(w2), CAT_TYPICAL_DAY);
	ok(plan_hear(p, 1, "How much of your time goes on meetings?", CAT_TYPICAL_DAY, ACT_QUESTION) == NULL && p->nadded == 1,
	    "a question on a listed topic that shares none of its questions' content is an addition");
	it = plan_hear(p, 2, "Which people do you deal with day to day?", CAT_TYPICAL_DAY, ACT_QUESTION);
	ok(it != NULL && it->line == 2, "the question of the topic whose content it shares is marked, not the first");
	ok(p->items[0].turn == PLAN_NOT_ASKED, "the other question of the topic stays unasked");
	it = plan_hear(p, 3, "What does a typical week look like for you?", CAT_LIKES, ACT_QUESTION);
	ok(it != NULL && it->line == 1, "said word for word, it is asked even when taken for another topic");
	plan_free(p);

	/* A user's list from a rehearsal: the line typed almost word for
	 * word is that line, not another that shares some of its words, even
	 * when check left it without a topic; follow-ups and clarifications
	 * are not added on the spot. */
	p = plan_new("my.txt");
	static const char e22[] = "What do you wish you had known before you started in the plant?";
	static const char e24[] = "What kind of skill you wish you had learn before starting in plant?";
	plan_add(p, 22, e22, strlen(e22), CAT_EXPECTATIONS);
	plan_add(p, 24, e24, strlen(e24), CAT_NONE);
	it = plan_hear(p, 5, "What kind of skill you wish you had learn before you start in the plant?", CAT_EXPECTATIONS,
	    ACT_QUESTION);
	ok(it != NULL && it->line == 24, "typed almost word for word, line 24 is asked, not line 22 (got %lu)",
	    it != NULL ? it->line : 0UL);
	ok(p->items[0].turn == PLAN_NOT_ASKED && p->nadded == 0, "line 22 stays unasked, and nothing is added");
	ok(plan_hear(p, 6, "why?", CAT_EXPECTATIONS, ACT_FOLLOW_UP) == NULL &&
	    plan_hear(p, 7, "like what exactly?", CAT_EXPECTATIONS, ACT_FOLLOW_UP) == NULL &&
	    plan_hear(p, 8, "sorry, who's Raj again?", CAT_EXPECTATIONS, ACT_CLARIFY) == NULL &&
	    plan_hear(p, 9, "ok, thanks", CAT_NONE, ACT_ACK) == NULL && p->nadded == 0,
	    "a follow-up, a clarification or a remark is not added on the spot");
	ok(plan_hear(p, 10, "How do audits work in your plant?", CAT_CHALLENGES, ACT_QUESTION) == NULL &&
	    p->nadded == 1, "a new question is");
	plan_free(p);

	/* A closing question shares no words with the list's and is asked. */
	p = plan_new("close.txt");
	static const char r1[] = "Could you suggest other people in specialties like intensive care or emergency nursing?";
	plan_add(p, 32, r1, strlen(r1), CAT_REFERRALS);
	it = plan_hear(p, 7, "Who else do you think I should talk to, maybe someone in the ICU or the ER?",
	    CAT_REFERRALS, ACT_QUESTION);
	ok(it != NULL && it->line == 32 && p->nadded == 0,
	    "'who else should I talk to?' asks the list's referral question, sharing no words with it");
	plan_free(p);
	return tap_done();
}
