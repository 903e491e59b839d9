/*
 * test_shipped.c -- the shipped question banks are deep enough to hold a
 * good conversation: at least two personas of different styles, at least
 * 60 questions covering every category, at least three reply variants
 * per category per persona, and acks for the user's answer.
 * (tests/banks.sh checks that they validate.)
 */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "tap.h"
#include "xmalloc.h"

static void
check_bank(const char *path)
{
	struct diag_list dl = {0};
	struct bank *b = bank_load(path, &dl, BANK_EXAMPLES);
	diag_flush(&dl, stdout);
	const char *name = strrchr(path, '/') + 1;
	if (!ok(b != NULL, "%s loads", name))
		return;
	ok(b->npersonas >= 2, "%s: at least two personas (%zu)", name, b->npersonas);
	bool styles_differ = false;
	for (size_t i = 1; i < b->npersonas; i++)
		styles_differ |= strcmp(b->personas[i].style, b->personas[0].style) != 0;
	ok(styles_differ, "%s: the personas have different styles", name);
	ok(b->nquestions >= 60, "%s: at least 60 questions (%zu)", name, b->nquestions);
	for (int c = 0; c < CAT_COUNT; c++) {
		size_t n = 0;
		for (size_t q = 0; q < b->nquestions; q++)
			n += b->questions[q].cat == (enum category)c;
		ok(n >= 3, "%s: at least 3 questions for %s (%zu)", name, category_name((enum category)c), n);
	}
	for (size_t i = 0; i < b->npersonas; i++) {
		const struct persona *p = &b->personas[i];
		size_t thin = 0;
		for (int c = 0; c < CAT_COUNT; c++)
			if (p->replies[c].n < 3) {
				thin++;
				printf("# %s: %s has %zu replies for %s\n", name, p->id, p->replies[c].n,
				    category_name((enum category)c));
			}
		ok(thin == 0, "%s: %s has at least 3 replies for every category", name, p->id);
		ok(p->acks.n >= 1, "%s: %s can acknowledge the user's answer", name, p->id);
		size_t few = 0;
		for (int k = 0; k < KIND_COUNT; k++)
			few += p->reactions[k].n < 2;
		ok(few == 0, "%s: %s has at least 2 reactions to every flag kind", name, p->id);
	}
	bank_free(b);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	char *dir = xasprintf("%s/questionbanks", top ? top : ".");
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort), banks = 0;
	for (int i = 0; i < n; i++) {
		size_t l = strlen(list[i]->d_name);
		if (l > 5 && strcmp(list[i]->d_name + l - 5, ".yaml") == 0) {
			char *p = xasprintf("%s/%s", dir, list[i]->d_name);
			check_bank(p);
			free(p);
			banks++;
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	ok(banks >= 9, "at least nine banks are shipped (%d)", banks);
	free(dir);
	return tap_done();
}
