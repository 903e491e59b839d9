/*
 * test_shipped.c -- the shipped question banks are deep enough to hold a
 * good conversation: at least two personas of different styles, at least
 * 60 questions covering every category, at least three reply variants
 * per category per persona, and acks for the user's answer. No two
 * personas, in one bank or in two, say the same reaction or act line
 * word for word.
 * (tests/banks.sh checks that they validate.)
 */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "tap.h"
#include "xmalloc.h"

/* Every reaction and act line of every persona of every bank, with the
 * persona that says it ("bank.yaml: id"). */
struct line {
	char *text;
	char *who;
};
static struct line *lines;
static size_t nlines, lines_cap;

static void
keep_lines(const char *name, const struct persona *p, const struct strlist *l)
{
	for (size_t j = 0; j < l->n; j++) {
		xgrow((void **)&lines, &lines_cap, nlines + 1, sizeof *lines);
		lines[nlines].text = xstrdup(l->v[j]);
		lines[nlines].who = xasprintf("%s: %s", name, p->id);
		nlines++;
	}
}

static int
by_text_then_who(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	return c != 0 ? c : strcmp(x->who, y->who);
}

/* Fails when a line is said by two personas, printing each shared line
 * and who says it as TAP comments. */
static void
check_shared_lines(void)
{
	qsort(lines, nlines, sizeof *lines, by_text_then_who);
	size_t shared = 0;
	for (size_t i = 0; i < nlines;) {
		size_t j = i + 1, owners = 1;
		for (; j < nlines && strcmp(lines[j].text, lines[i].text) == 0; j++)
			owners += strcmp(lines[j].who, lines[j - 1].who) != 0;
		if (owners > 1) {
			shared++;
			printf("# shared line: \"%s\"\n", lines[i].text);
			for (size_t k = i; k < j; k++)
				if (k == i || strcmp(lines[k].who, lines[k - 1].who) != 0)
					printf("#   said by %s\n", lines[k].who);
		}
		i = j;
	}
	ok(shared == 0, "no reaction or act line is shared by two personas (%zu shared of %zu)", shared,
	    nlines);
	for (size_t i = 0; i < nlines; i++) {
		free(lines[i].text);
		free(lines[i].who);
	}
	free(lines);
}

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
		for (int k = 0; k < KIND_COUNT; k++)
			keep_lines(name, p, &p->reactions[k]);
		for (int a = 0; a < ACT_COUNT; a++)
			keep_lines(name, p, &p->acts[a]);
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
	check_shared_lines();
	free(dir);
	return tap_done();
}
