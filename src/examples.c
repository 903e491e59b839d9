/*
 * examples.c -- the labelled examples the model learns from (see
 * examples.h).
 */
#include <config.h>

#include "examples.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "normalize.h"
#include "text.h"
#include "xmalloc.h"

#define MIN_SEEN 3   /* examples a word must be in to be trusted */

static const char conv_header[] = "conv\tbank\tline\tact\tcategory\tflag\ttext";

static void
add(struct example_set *es, const char *text, size_t len, int flag, int cat, int act)
{
	xgrow((void **)&es->v, &es->cap, es->n + 1, sizeof *es->v);
	struct example *e = &es->v[es->n++];
	e->text = xstrndup(text, len);
	e->flag = flag;
	e->cat = cat;
	e->act = act;
}

/* The words of text, normalised, into list (owned copies). */
static void
collect_words(const char *text, char ***list, size_t *n, size_t *cap)
{
	struct norm nm;
	norm_init(&nm);
	normalize(&nm, text, strlen(text));
	for (size_t i = 0; i < nm.len;) {
		while (i < nm.len && !((nm.text[i] >= 'a' && nm.text[i] <= 'z') || nm.text[i] == '\''))
			i++;
		size_t j = i;
		while (j < nm.len && ((nm.text[j] >= 'a' && nm.text[j] <= 'z') || nm.text[j] == '\''))
			j++;
		if (j - i >= 2) {
			xgrow((void **)list, cap, *n + 1, sizeof **list);
			(*list)[(*n)++] = xstrndup(nm.text + i, j - i);
		}
		i = j;
	}
	norm_free(&nm);
}

/* A label's meaning for the three heads; false when it is not one. */
static bool
label(const char *s, int *flag, int *cat, int *act)
{
	*flag = *cat = *act = -1;
	if (strcmp(s, kind_name(KIND_JOB_ASK)) == 0 || strcmp(s, kind_name(KIND_SALARY)) == 0) {
		*flag = kind_lookup(s) == KIND_JOB_ASK ? MFLAG_JOB_ASK : MFLAG_SALARY;
		*act = ACT_QUESTION;
		return true;
	}
	if (strcmp(s, "ok") == 0) {
		*flag = MFLAG_OK;
		return true;
	}
	enum category c = category_lookup(s);
	if (c != CAT_NONE) {
		*flag = MFLAG_OK;
		*cat = c;
		*act = ACT_QUESTION;
		return true;
	}
	enum act a = act_lookup(s);
	if (a != ACT_NONE) {
		/* Only a question has a topic of its own: the category head
		 * learns from questions, the act head decides whether a line is
		 * one. */
		*flag = MFLAG_OK;
		*act = a;
		return true;
	}
	return false;
}

/* The nearest label to s, in the order label() tries them: the flags,
 * "ok", the categories, the acts. */
static const char *
closest_label(const char *s)
{
	struct text_closest near;
	text_closest_begin(&near, s, TEXT_CLOSE);
	text_closest(&near, kind_name(KIND_JOB_ASK));
	text_closest(&near, kind_name(KIND_SALARY));
	text_closest(&near, "ok");
	for (int c = 0; c < CAT_COUNT; c++)
		text_closest(&near, category_name((enum category)c));
	for (int a = 0; a < ACT_COUNT; a++)
		text_closest(&near, act_name((enum act)a));
	return near.best;
}

/* Split line at tabs into at most max fields; returns the count. */
static size_t
split(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p != '\0' && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

static bool
conv_line(struct example_set *es, char **f, size_t nf, const char *path, unsigned long ln,
    struct diag_list *dl)
{
	if (nf < 7) {
		diag_add(dl, path, ln, 1, SEV_ERROR, "a conversation line has 7 fields "
		    "(conv, bank, line, act, category, flag, text); this one has %zu", nf);
		return false;
	}
	unsigned long col = 1;
	for (int i = 0; i < 3; i++)
		col += utf8_columns(f[i], strlen(f[i])) + 1;
	enum act a = act_lookup(f[3]);
	if (a == ACT_NONE) {
		const char *near = closest_label(f[3]);
		diag_add(dl, path, ln, col, SEV_ERROR, "unknown act '%s'%s%s%s", f[3],
		    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		return false;
	}
	col += utf8_columns(f[3], strlen(f[3])) + 1;
	enum category c = CAT_NONE;
	if (strcmp(f[4], "-") != 0 && (c = category_lookup(f[4])) == CAT_NONE) {
		const char *near = closest_label(f[4]);
		diag_add(dl, path, ln, col, SEV_ERROR, "unknown category '%s'%s%s%s", f[4],
		    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		return false;
	}
	col += utf8_columns(f[4], strlen(f[4])) + 1;
	int flag = strcmp(f[5], "none") == 0 ? MFLAG_OK : strcmp(f[5], "job_ask") == 0 ? MFLAG_JOB_ASK :
	    strcmp(f[5], "salary") == 0 ? MFLAG_SALARY : -1;
	if (flag < 0) {
		diag_add(dl, path, ln, col, SEV_ERROR, "unknown flag '%s'; expected job_ask, salary or none", f[5]);
		return false;
	}
	/* A question's topic (none when it fits no category); nothing for
	 * other acts, whose topic their words do not tell. */
	int cat = -1;
	if (flag == MFLAG_OK && a == ACT_QUESTION)
		cat = c == CAT_NONE ? MCAT_NONE : c;
	add(es, f[6], strlen(f[6]), flag, cat, a);
	collect_words(f[6], &es->seen, &es->nseen, &es->capseen);
	return true;
}

bool
examples_read(struct example_set *es, const char *path, struct diag_list *dl)
{
	FILE *fp = fopen(path, "re");
	if (fp == NULL) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read it: %s", strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "not a regular file");
		fclose(fp);
		return false;
	}
	if ((unsigned long long)st.st_size > EXAMPLES_MAX_FILE) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "the file is over %u MiB", EXAMPLES_MAX_FILE >> 20);
		fclose(fp);
		return false;
	}
	char *line = xmalloc(EXAMPLES_MAX_LINE + 2);
	unsigned long ln = 0;
	bool ok = true, conv = false;
	size_t bad = 0;
	while (fgets(line, EXAMPLES_MAX_LINE + 2, fp) != NULL) {
		ln++;
		size_t len = strlen(line);
		if (len > EXAMPLES_MAX_LINE && line[len - 1] != '\n') {
			diag_add(dl, path, ln, 1, SEV_ERROR, "line longer than %d bytes", EXAMPLES_MAX_LINE);
			ok = false;
			int c;
			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
			continue;
		}
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (memchr(line, '\0', len) != NULL || strlen(line) != len) {
			diag_add(dl, path, ln, 1, SEV_ERROR, "NUL byte in an example file");
			ok = false;
			continue;
		}
		char *s = line;
		if (ln == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			len -= 3;
		}
		if (!utf8_valid(s, len, &bad)) {
			diag_add(dl, path, ln, utf8_columns(s, bad) + 1, SEV_ERROR, "invalid UTF-8 (byte 0x%02X)",
			    (unsigned char)s[bad]);
			ok = false;
			continue;
		}
		if (len == 0 || s[0] == '#')
			continue;
		if (ln == 1 && strcmp(s, conv_header) == 0) {
			conv = true;
			continue;
		}
		char *f[8];
		size_t nf = split(s, f, 8);
		if (conv) {
			ok = conv_line(es, f, nf, path, ln, dl) && ok;
			continue;
		}
		if (nf < 2 || f[1][0] == '\0') {
			diag_add(dl, path, ln, utf8_columns(f[0], strlen(f[0])) + 1, SEV_ERROR,
			    "expected LABEL<TAB>TEXT");
			ok = false;
			continue;
		}
		int flag, cat, act;
		if (!label(f[0], &flag, &cat, &act)) {
			const char *near = closest_label(f[0]);
			diag_add(dl, path, ln, 1, SEV_ERROR, "unknown label '%s'%s%s%s; a label is a flag, "
			    "a category or a dialogue act", f[0], near ? " (did you mean '" : "", near ? near : "",
			    near ? "'?)" : "");
			ok = false;
			continue;
		}
		add(es, f[1], strlen(f[1]), flag, cat, act);
		collect_words(f[1], &es->seen, &es->nseen, &es->capseen);
	}
	if (ferror(fp)) {
		diag_add(dl, path, ln, 0, SEV_ERROR, "read error: %s", strerror(errno));
		ok = false;
	}
	free(line);
	fclose(fp);
	return ok;
}

bool
examples_read_words(struct example_set *es, const char *path, struct diag_list *dl)
{
	FILE *fp = fopen(path, "re");
	if (fp == NULL) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read it: %s", strerror(errno));
		return false;
	}
	char line[256];
	unsigned long ln = 0;
	while (fgets(line, sizeof line, fp) != NULL) {
		ln++;
		size_t len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len < 2 || !utf8_valid(line, len, NULL))
			continue;
		/* Lowercase ASCII, as the normaliser makes words; keep only
		 * plain words (letters and apostrophes). */
		bool plain = true;
		for (size_t i = 0; i < len; i++) {
			char c = line[i];
			if (c >= 'A' && c <= 'Z')
				line[i] = (char)(c + 32);
			else if (!((c >= 'a' && c <= 'z') || c == '\''))
				plain = false;
		}
		if (!plain)
			continue;
		xgrow((void **)&es->words, &es->capwords, es->nwords + 1, sizeof *es->words);
		es->words[es->nwords++] = xstrndup(line, len);
	}
	bool ok = !ferror(fp);
	if (!ok)
		diag_add(dl, path, ln, 0, SEV_ERROR, "read error: %s", strerror(errno));
	fclose(fp);
	return ok;
}

void
examples_add_bank(struct example_set *es, const struct bank *b)
{
	for (size_t i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];
		add(es, q->text, strlen(q->text), MFLAG_OK, q->cat, ACT_QUESTION);
		collect_words(q->text, &es->words, &es->nwords, &es->capwords);
	}
	for (size_t p = 0; p < b->npersonas; p++) {
		const struct persona *ps = &b->personas[p];
		for (int c = 0; c < CAT_COUNT; c++)
			for (size_t v = 0; v < ps->replies[c].n; v++)
				collect_words(ps->replies[c].v[v], &es->words, &es->nwords, &es->capwords);
		for (size_t v = 0; v < ps->fallback.n; v++)
			collect_words(ps->fallback.v[v], &es->words, &es->nwords, &es->capwords);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
examples_finish(struct example_set *es)
{
	/* Only banks given: nothing seen, and es->seen is NULL, which qsort
	 * may not be passed even for no elements. */
	if (es->nseen > 1)
		qsort(es->seen, es->nseen, sizeof *es->seen, cmp_str);
	for (size_t i = 0; i < es->nseen;) {
		size_t j = i;
		while (j < es->nseen && strcmp(es->seen[i], es->seen[j]) == 0)
			j++;
		if (j - i >= MIN_SEEN) {
			xgrow((void **)&es->words, &es->capwords, es->nwords + 1, sizeof *es->words);
			es->words[es->nwords++] = xstrdup(es->seen[i]);
		}
		i = j;
	}
	for (size_t i = 0; i < es->nseen; i++)
		free(es->seen[i]);
	free(es->seen);
	es->seen = NULL;
	es->nseen = es->capseen = 0;
	/* Each trusted word once. */
	if (es->nwords > 1)
		qsort(es->words, es->nwords, sizeof *es->words, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < es->nwords; i++) {
		if (u > 0 && strcmp(es->words[u - 1], es->words[i]) == 0)
			free(es->words[i]);
		else
			es->words[u++] = es->words[i];
	}
	es->nwords = u;
}

void
examples_free(struct example_set *es)
{
	for (size_t i = 0; i < es->n; i++)
		free(es->v[i].text);
	free(es->v);
	for (size_t i = 0; i < es->nwords; i++)
		free(es->words[i]);
	free(es->words);
	for (size_t i = 0; i < es->nseen; i++)
		free(es->seen[i]);
	free(es->seen);
	memset(es, 0, sizeof *es);
}
