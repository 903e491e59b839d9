/*
 * review_log.c -- the reviews a transcript holds (see review_log.h).
 */
#include <config.h>

#include "review_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* "turn N [RULE...]: TEXT" into it; anything else is kept as written. */
static void
read_flagged(struct review_log_item *it, const char *text)
{
	it->said = text;
	it->rules = xstrdup("");
	if (strncmp(text, "turn ", 5) != 0)
		return;
	char *end;
	unsigned long n = strtoul(text + 5, &end, 10);
	if (end == text + 5 || strncmp(end, " [", 2) != 0)
		return;
	const char *close = strstr(end, "]: ");
	if (close == NULL)
		return;
	free(it->rules);
	it->rules = xstrndup(end + 2, (size_t)(close - end - 2));
	it->turn = n;
	it->said = close + 3;
}

struct review_log *
review_log_read(const struct transcript_review *rv)
{
	struct review_log *l = xcalloc(1, sizeof *l);
	l->src = rv;
	struct review_log_item *it = NULL;
	for (size_t i = 0; i < rv->nrecords; i++) {
		const struct transcript_record *rec = &rv->records[i];
		bool flagged = strcmp(rec->who, "flagged") == 0, missed = strcmp(rec->who, "missed") == 0;
		if (flagged || missed) {
			xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
			it = &l->items[l->n++];
			memset(it, 0, sizeof *it);
			it->cat = CAT_NONE;
			it->missed = missed;
			if (flagged) {
				read_flagged(it, rec->text);
			} else {
				it->rules = xstrdup("");
				it->said = rec->text;
				it->cat = category_read(rec->text);
			}
		} else if (it != NULL && strcmp(rec->who, "try") == 0) {
			xgrow((void **)&it->tries, &it->captries, it->ntries + 1, sizeof *it->tries);
			it->tries[it->ntries++] = (struct review_log_try){rec->text, NULL, false};
		} else if (it != NULL && it->ntries > 0 && it->tries[it->ntries - 1].verdict == NULL &&
		    (strcmp(rec->who, "better") == 0 || strcmp(rec->who, "not yet") == 0)) {
			struct review_log_try *t = &it->tries[it->ntries - 1];
			t->verdict = rec->text;
			t->better = rec->who[0] == 'b';
			it->better |= t->better;
		}
	}
	for (size_t i = 0; i < l->n; i++) {
		l->better += l->items[i].better;
		l->tried += l->items[i].ntries > 0;
	}
	l->total = rv->items > l->n ? rv->items : l->n;
	return l;
}

void
review_log_free(struct review_log *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].rules);
		free(l->items[i].tries);
	}
	free(l->items);
	free(l);
}
char *
review_summary(size_t better, size_t total, size_t tried, size_t reached)
{
	struct text_buf b = {0};
	size_t not_yet = tried - better, skipped = reached - tried, unreached = total - reached;
	text_buf_add(&b, "%zu of %zu put better", better, total);
	const char *sep = "; ";
	if (not_yet > 0) {
		text_buf_add(&b, "%s%zu not yet", sep, not_yet);
		sep = ", ";
	}
	if (skipped > 0) {
		text_buf_add(&b, "%s%zu skipped", sep, skipped);
		sep = ", ";
	}
	if (unreached > 0)
		text_buf_add(&b, "%s%zu not reached", sep, unreached);
	return b.p;
}

bool
review_log_better(const struct transcript_doc *d, unsigned long turn, enum category cat)
{
	bool better = false;
	for (size_t r = 0; r < d->nreviews && !better; r++) {
		struct review_log *l = review_log_read(&d->reviews[r]);
		for (size_t i = 0; i < l->n && !better; i++) {
			const struct review_log_item *it = &l->items[i];
			better = it->better && (turn > 0 ? !it->missed && it->turn == turn :
			    it->missed && it->cat == cat && cat != CAT_NONE);
		}
		review_log_free(l);
	}
	return better;
}

char *
review_log_text(const struct transcript_doc *d)
{
	if (d->nreviews == 0)
		return NULL;
	struct text_buf b = {0};
	for (size_t r = 0; r < d->nreviews; r++) {
		struct review_log *l = review_log_read(&d->reviews[r]);
		char *sum = review_summary(l->better, l->total, l->tried, l->n);
		text_buf_add(&b, "%sReview%s%s: %s\n", r > 0 ? "\n" : "", d->reviews[r].started != NULL ? " of " : "",
		    d->reviews[r].started != NULL ? d->reviews[r].started : "", sum);
		free(sum);
		for (size_t i = 0; i < l->n; i++) {
			const struct review_log_item *it = &l->items[i];
			if (it->missed)
				text_buf_add(&b, "  Not asked: %s\n", it->cat != CAT_NONE ? report_topic(it->cat) : it->said);
			else if (it->turn > 0)
				text_buf_add(&b, "  You said (turn %lu): \"%s\" [%s]\n", it->turn, it->said, it->rules);
			else
				text_buf_add(&b, "  \"%s\"\n", it->said);
			if (it->ntries == 0)
				text_buf_add(&b, "    (no try)\n");
			for (size_t k = 0; k < it->ntries; k++) {
				const struct review_log_try *t = &it->tries[k];
				text_buf_add(&b, "    try %zu: \"%s\"\n", k + 1, t->text);
				if (t->verdict != NULL)
					text_buf_add(&b, "      %s: %s\n", t->better ? "better" : "not yet", t->verdict);
			}
		}
		review_log_free(l);
	}
	if (b.len > 0 && b.p[b.len - 1] == '\n')
		b.p[--b.len] = '\0';
	return b.p;
}
