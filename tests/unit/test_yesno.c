/*
 * test_yesno.c -- which lines are yes/no questions, and the yes or no a
 * shipped persona's own words give them: a reply on what the host likes
 * or on the hard parts, the sentence of its words that speaks of what is
 * asked ("first writing code and these days leading..." is a no to "do
 * you still write code?"), its title for "are you a ...?", and nothing at
 * all when its words do not say.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "tap.h"
#include "xmalloc.h"
#include "yesno.h"

static struct bank *
load(const char *top, const char *id)
{
	char *path = xasprintf("%s/questionbanks/%s.yaml", top, id);
	struct diag_list dl;
	memset(&dl, 0, sizeof dl);
	struct bank *b = bank_load(path, &dl, 0);
	free(path);
	if (b == NULL) {
		printf("Bail out! cannot load the %s bank\n", id);
		exit(1);
	}
	return b;
}

static void
stance(const struct persona *p, const char *q, enum category cat, enum yesno want)
{
	char *evidence = NULL;
	enum yesno got = yesno_stance(p, q, cat, NULL, &evidence);
	ok(got == want, "%s: \"%s\" gets %s", p->id, q,
	    want == YESNO_YES ? "yes" : want == YESNO_NO ? "no" : "neither");
	free(evidence);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	top = top != NULL ? top : ".";
	struct bank *se = load(top, "software-engineering");
	struct bank *nursing = load(top, "nursing");
	struct bank *logistics = load(top, "logistics");
	const struct persona *malcolm = bank_persona(logistics, "malcolm");
	const struct persona *ruth = bank_persona(se, "ruth");
	const struct persona *tomas = bank_persona(se, "tomas");
	const struct persona *tyler = bank_persona(nursing, "tyler");
	const struct persona *leo = bank_persona(logistics, "leo");
	struct bank *ds = load(top, "data-science");
	const struct persona *helena = bank_persona(ds, "helena");
	struct bank *teaching = load(top, "teaching");
	struct bank *food = load(top, "food-processing");
	const struct persona *jordan = bank_persona(food, "jordan");
	const struct persona *catriona = bank_persona(teaching, "catriona");

	ok(yesno_question("do u like it?"), "\"do u like it?\" is a yes/no question");
	ok(yesno_question("so is the job stressful?"), "... and \"so is the job stressful?\"");
	ok(yesno_question("r u a manager"), "... and \"r u a manager\"");
	ok(!yesno_question("what do you like about it?"), "\"what do you like...?\" is not");
	ok(!yesno_question("do it"), "nor \"do it\"");
	ok(yesno_question("u like it?"), "\"u like it?\" is one, its verb left out");
	ok(!yesno_question("you know what i mean"), "\"you know what i mean\" is not");
	is_str(yesno_words("u like it?", CAT_LIKES, YESNO_YES), "Yes, I do.", "u like it? -> Yes, I do.");

	stance(ruth, "do u like it?", CAT_LIKES, YESNO_YES);
	stance(tyler, "is it stressful?", CAT_CHALLENGES, YESNO_YES);
	/* Her opening: "first writing code and these days leading the
	 * people who write it". */
	stance(ruth, "do u still write code?", CAT_NONE, YESNO_NO);
	stance(malcolm, "have you always worked in logistics?", CAT_NONE, YESNO_YES);
	/* "About half writing code, a quarter reviewing...": how much of
	 * its own time, with the "I" left out, is a yes. */
	stance(tomas, "do u still write code?", CAT_NONE, YESNO_YES);
	stance(tyler, "are you a nurse?", CAT_NONE, YESNO_YES);
	/* "Fewer managers around" is no answer to whether he is one. */
	stance(tyler, "r u a manager?", CAT_NONE, YESNO_UNKNOWN);
	/* "nights are when the confusion is worst" says nothing of liking
	 * them. */
	stance(tyler, "do u like nights?", CAT_WORKPLACE, YESNO_UNKNOWN);
	stance(tyler, "do you keep bees?", CAT_NONE, YESNO_UNKNOWN);
	/* "Staff who want to drive" and "agency drivers" are other people:
	 * no yes to whether the host drives; "boilerplate code" is no yes
	 * to whether Helena codes, but "Much less coding than people
	 * picture, I'm afraid" says a little. */
	stance(leo, "do you still drive sometimes?", CAT_NONE, YESNO_UNKNOWN);
	stance(leo, "u still drive?", CAT_NONE, YESNO_UNKNOWN);
	stance(helena, "do you still code?", CAT_NONE, YESNO_LITTLE);
	stance(helena, "do you still write code yourself?", CAT_NONE, YESNO_UNKNOWN);
	/* "I still have a Year 10 class of my own": a yes to still
	 * teaching classes, in any form of the word. */
	stance(catriona, "do you still teach classes?", CAT_NONE, YESNO_YES);
	stance(catriona, "do u still have a class?", CAT_NONE, YESNO_YES);
	stance(catriona, "do you still take classes yourself?", CAT_NONE, YESNO_YES);
	/* "I've been teaching for eighteen years, history mostly": yes. */
	stance(catriona, "do you still teach history?", CAT_NONE, YESNO_YES);
	/* "starting on a warehouse night shift" was then; a title that
	 * says "night shift" is now. */
	stance(malcolm, "do u still do night shifts?", CAT_NONE, YESNO_NO);
	stance(tyler, "do u still do night shifts?", CAT_NONE, YESNO_YES);
	/* "Walking the line first means I see problems..." is no "at
	 * first", and "we can't staff the end of the line" no "I no
	 * longer": Jordan still walks the line. */
	stance(jordan, "do you still work on the line sometimes?", CAT_NONE, YESNO_YES);
	char *why = NULL;
	yesno_stance(jordan, "do you still work on the line sometimes?", CAT_NONE, NULL, &why);
	is_str(why, "Walking the line first means I see problems before they show up in the numbers.",
	    "... by walking the line, the host the one who walks it");
	free(why);
	/* A reply on what she likes says yes to liking the job or working
	 * at her firm, not to liking on-call. */
	stance(helena, "do u like working at larkspur?", CAT_LIKES, YESNO_YES);
	stance(helena, "do you like on-call?", CAT_LIKES, YESNO_UNKNOWN);

	/* With the reply to be given, only its words decide. */
	ok(yesno_stance(tyler, "is there a lot of travel?", CAT_WORKPLACE,
	    "Culture on my unit is good.", NULL) == YESNO_UNKNOWN, "a reply that does not say: neither");
	ok(yesno_stance(tyler, "is there a lot of travel?", CAT_WORKPLACE,
	    "I travel to two sites a week.", NULL) == YESNO_YES, "a reply that says: yes");
	/* "Fewer managers around" is not the host speaking of itself. */
	ok(yesno_stance(tyler, "do you manage people?", CAT_WORKPLACE,
	    "Fewer managers around, more people helping each other out.", NULL) == YESNO_UNKNOWN,
	    "words not about the host: neither");
	ok(yesno_stance(tyler, "do you work days?", CAT_WORKPLACE,
	    "Some weeks I get four days off in a row.", NULL) == YESNO_NO, "days off: no");
	ok(yesno_stance(tyler, "do you travel for work?", CAT_WORKPLACE,
	    "I travel very little, a few trips a year.", NULL) == YESNO_LITTLE, "very little: a little");
	is_str(yesno_words("do you travel for work?", CAT_WORKPLACE, YESNO_LITTLE), "Not much.",
	    "a little -> Not much.");
	is_str(yesno_words("do u like it?", CAT_LIKES, YESNO_YES), "Yes, I do.", "do -> Yes, I do.");
	is_str(yesno_words("is it stressful?", CAT_CHALLENGES, YESNO_YES), "It can be, yes.",
	    "hard parts -> It can be, yes.");
	is_str(yesno_words("is there a lot of travel?", CAT_WORKPLACE, YESNO_YES), "Yes, there is.",
	    "is there -> Yes, there is.");
	is_str(yesno_words("do you still write code?", CAT_NONE, YESNO_NO), "Not any more, no.",
	    "still, no -> Not any more, no.");
	ok(yesno_words("do u?", CAT_NONE, YESNO_UNKNOWN) == NULL, "neither: no words");
	ok(yesno_opens("Yeah, mostly."), "\"Yeah, mostly.\" opens with a yes");
	ok(!yesno_opens("Years ago, I..."), "\"Years ago\" does not");
	bank_free(se);
	bank_free(nursing);
	bank_free(logistics);
	bank_free(ds);
	bank_free(teaching);
	bank_free(food);
	return tap_done();
}
