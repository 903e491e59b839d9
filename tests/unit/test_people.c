/*
 * test_people.c -- who the people a host names are: the full name from a
 * part of it, a whole sentence of who they are to the host, from the
 * words after the name before those before it, in the right tense; and
 * nothing for someone no reply describes.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "firm.h"
#include "people.h"
#include "tap.h"
#include "xmalloc.h"

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

/* Who want is to persona id of bank b, checked against who (NULL: no
 * one) and, when found, the full name. */
static void
check(const struct bank *b, const char *id, const char *want, const char *who, const char *full)
{
	char name[64] = "";
	char *got = people_identity(bank_persona(b, id), want, name, sizeof name);
	char *label = xasprintf("%s: who is %s?", id, want);
	if (who == NULL) {
		ok(got == NULL, "%s (no one)", label);
	} else {
		is_str(got, who, label);
		ok(strcmp(name, full) == 0, "... and the full name is %s (got '%s')", full, name);
	}
	free(label);
	free(got);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	top = top != NULL ? top : ".";
	struct bank *logistics = load(top, "logistics");
	struct bank *nursing = load(top, "nursing");
	struct bank *pr = load(top, "public-relations");
	struct bank *ds = load(top, "data-science");
	struct bank *food = load(top, "food-processing");
	struct bank *se = load(top, "software-engineering");
	struct bank *teaching = load(top, "teaching");
	struct bank *acc = load(top, "accounting");
	/* A first name alone finds the whole name. */
	check(logistics, "leo", "bev", "Bev Thornton is our senior planner.", "Bev Thornton");
	check(logistics, "leo", "bev thornton", "Bev Thornton is our senior planner.", "Bev Thornton");
	/* "My preceptor, Marisol Vega": the words before, and a preceptor
	 * was. */
	check(nursing, "tyler", "marisol vega", "Marisol Vega was my preceptor.", "Marisol Vega");
	/* "My boss, Rachel Imrie, our director of communications": the
	 * words after say more. */
	check(pr, "nadia", "rachel", "Rachel Imrie is our director of communications.", "Rachel Imrie");
	/* "Colin Ferris, who ran model validation": who he is, without
	 * "who"; the title stays out of the name. */
	check(ds, "helena", "ferris", "Colin Ferris ran model validation.", "Colin Ferris");
	check(ds, "helena", "kettering", "Amos Kettering was my master's supervisor.", "Amos Kettering");
	/* "Priya Shah works ER nights." says what she does, not who she
	 * is; nobody is called Zed. */
	/* "Owen Bassett, who leads our automation projects": what he does now. */
	check(logistics, "malcolm", "owen", "Owen Bassett leads our automation projects.", "Owen Bassett");
	check(nursing, "tyler", "priya", NULL, NULL);
	check(nursing, "tyler", "zed", NULL, NULL);
	check(nursing, "tyler", "", NULL, NULL);
	/* A first name alone, with who they are after a comma ("Gail, our
	 * night production manager"); "Well, the short answer" and "Tests, a
	 * README" name no one. */
	check(food, "jordan", "gail", "Gail is our night production manager.", "Gail");
	check(se, "tomas", "marco", "Marco is our on-call lead.", "Marco");
	check(ds, "helena", "tomasz", "Tomasz came to us from physics.", "Tomasz");
	check(acc, "aisha", "sophie", "Sophie is a senior accountant.", "Sophie");
	check(se, "tomas", "tests", NULL, NULL);
	check(food, "denise", "well", NULL, NULL);
	check(acc, "aisha", "hannah", "Hannah Kim is our controller.", "Hannah Kim");
	/* Someone introduced by "named": who the words before say they
	 * were ("My first supervisor at the dairy, a woman named Ruth"),
	 * else what introduced them ("A packer named Luis"); "a
	 * comprehensive called Hawthorn Lane" is a school, no one. */
	check(food, "denise", "ruth", "Ruth was my first supervisor at the dairy.", "Ruth");
	check(food, "denise", "luis", "Luis is a packer.", "Luis");
	check(logistics, "malcolm", "sunita", "Sunita had worked on the same site for twenty years.",
	    "Sunita");
	check(teaching, "catriona", "hawthorn", NULL, NULL);
	/* Firms are no one: "Pell & Archer", "Harlow Group Ltd"; two
	 * people joined by "and" are two people. */
	ok(firm_name("pell and archer") && firm_name("Harlow Group Ltd") && !firm_name("hannah kim"),
	    "firm_name: a firm's name, not a person's");
	char firm[64] = "";
	ok(firm_in("an internship at Pell & Archer, a small agency.", NULL, firm, sizeof firm) &&
	    strcmp(firm, "Pell & Archer") == 0, "firm_in: Pell & Archer (got '%s')", firm);
	ok(!firm_in("Talk to Bev Thornton and Owen Bassett.", NULL, firm, sizeof firm),
	    "firm_in: Bev Thornton and Owen Bassett are no firm");
	ok(!firm_around("internship at Pell & Archer, a small agency.", 0, 10) &&
	    firm_around("internship at Pell & Archer, a small agency.", 21, 27),
	    "firm_around: Archer belongs to Pell & Archer");
	check(pr, "nadia", "archer", NULL, NULL);
	/* One more thing about someone, never what was said already. */
	const char *said[] = {"Hannah Kim, our controller. She reviews my work and explains why, "
		"not just what."};
	char *more = people_more(bank_persona(acc, "aisha"), "Hannah Kim", said, 1);
	is_str(more, "She came from audit, so she knows both sides.", "aisha: more about Hannah");
	free(more);
	/* "Ruth understood that long before..." points back at what went
	 * before it: not said alone. */
	more = people_more(bank_persona(food, "denise"), "Ruth", NULL, 0);
	ok(more == NULL || strstr(more, "understood that") == NULL, "denise: no 'Ruth understood that' alone");
	free(more);
	/* Whoever the words call "my boss" or "my manager", for "who is
	 * your boss?"; nobody when no words do. */
	static const char *const boss[] = {"my manager", "my boss", NULL};
	char name[64] = "";
	char *who = people_as(bank_persona(pr, "nadia"), boss, name, sizeof name);
	is_str(who, "Rachel Imrie is my boss.", "nadia: who is your boss?");
	free(who);
	who = people_as(bank_persona(food, "jordan"), boss, name, sizeof name);
	ok(who == NULL, "jordan: no one is called her boss");
	free(who);
	bank_free(food);
	bank_free(teaching);
	bank_free(se);
	bank_free(acc);
	bank_free(logistics);
	bank_free(nursing);
	bank_free(pr);
	bank_free(ds);
	return tap_done();
}
