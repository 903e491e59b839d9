/*
 * bank.c -- question banks and rule files: loading and validation
 * (see bank.h and questionbanks/README.md for the format).
 *
 * The YAML tree from ytree.c is walked once.  Each mapping is checked
 * against a small table of the keys it may hold; values are converted
 * with helpers that report a positioned error and keep going, so one run
 * shows every problem in the file.
 */
#include <config.h>

#include "bank.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "normalize.h"
#include "text.h"
#include "xmalloc.h"
#include "ytree.h"

/* What one validation run needs at hand. */
struct ctx {
	const char *name;        /* file name for messages */
	struct diag_list *dl;    /* where problems go */
	size_t errors;           /* errors reported by this run */
	unsigned flags;          /* BANK_EXAMPLES */
	struct norm norm;        /* for running rules' examples */
};

/* A key a mapping may hold. */
struct keyspec {
	const char *key;         /* the key */
	bool required;           /* must be present */
};

static void
err(struct ctx *c, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err(struct ctx *c, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(c->dl, c->name, at ? at->line : 0, at ? at->col : 0, SEV_ERROR, "%s", msg);
	c->errors++;
	free(msg);
}

/*
 * validate: a warning naming the categories no question of bank b is
 * about, at the questions key.  What a question is about does not depend
 * on the bank (the default bank and the examples teach the classifier),
 * but practice suggests a bank's own questions for topics not touched.
 */
static void
missing_categories(struct ctx *c, const struct ynode *at, const struct bank *b)
{
	bool have[CAT_COUNT] = {false};
	for (size_t i = 0; i < b->nquestions; i++)
		if (b->questions[i].cat != CAT_NONE)
			have[b->questions[i].cat] = true;
	char *list = xstrdup("");
	int n = 0;
	for (int k = 0; k < CAT_COUNT; k++) {
		if (have[k])
			continue;
		char *more = xasprintf("%s%s%s", list, n++ ? ", " : "", category_name((enum category)k));
		free(list);
		list = more;
	}
	if (n > 0 && b->nquestions > 0)
		diag_add(c->dl, c->name, at ? at->line : 0, at ? at->col : 0, SEV_WARNING,
		    "no question for %s %s; check and practice still recognise %s, but practice "
		    "cannot suggest a question of this bank for %s",
		    n == 1 ? "the category" : "the categories", list, n == 1 ? "it" : "them",
		    n == 1 ? "it" : "them");
	free(list);
}

static const char *
type_name(const struct ynode *n)
{
	if (n->type == YNODE_MAP)
		return "a mapping";
	if (n->type == YNODE_SEQ)
		return "a list";
	const char *t = ynode_plain_type(n);
	if (t == NULL)
		return "text";
	if (strcmp(t, "null") == 0)
		return "nothing";
	return strcmp(t, "number") == 0 ? "a number" : "a boolean";
}

/* Report keys not in spec (with a suggestion) and missing required ones.
 * what names the mapping in messages ("persona 'rosa'"). */
static void
check_keys(struct ctx *c, const struct ynode *map, const struct keyspec *spec,
    const char *what)
{
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = map->kids[i];
		if (k->type != YNODE_SCALAR || k->reported)
			continue;
		bool known = false;
		struct text_closest near;
		text_closest_begin(&near, k->str, TEXT_CLOSE);
		for (const struct keyspec *s = spec; s->key; s++) {
			if (strcmp(s->key, k->str) == 0) {
				known = true;
				break;
			}
			text_closest(&near, s->key);
		}
		if (known)
			continue;
		char *q = text_sanitize(k->str, k->len);
		if (near.best != NULL)
			err(c, k, "unknown key '%s' in %s; did you mean '%s'?", q, what, near.best);
		else
			err(c, k, "unknown key '%s' in %s", q, what);
		free(q);
	}
	for (const struct keyspec *s = spec; s->key; s++)
		if (s->required && ynode_get(map, s->key, NULL) == NULL)
			err(c, map, "%s lacks the required key '%s'", what, s->key);
}

/* Whether v is a plain scalar that YAML split at ": " into a mapping of
 * one key ("- Note: mornings are busy"), written in block style (the key
 * where the mapping starts, not after a '{'). */
static bool
split_at_colon(const struct ynode *v)
{
	return v != NULL && v->type == YNODE_MAP && v->nkids == 2 && v->kids[0]->type == YNODE_SCALAR &&
	    v->kids[0]->plain && v->kids[1]->type == YNODE_SCALAR && v->kids[0]->line == v->line &&
	    v->kids[0]->col == v->col;
}

/* A non-empty text value, copied; NULL (after an error) otherwise. */
static char *
as_text(struct ctx *c, const struct ynode *v, const char *key)
{
	if (v == NULL || v->reported)
		return NULL;
	if (split_at_colon(v)) {
		char *k = text_sanitize(v->kids[0]->str, v->kids[0]->len);
		err(c, v, "'%s' must be text, not a mapping: YAML split the text at the colon after "
		    "'%s'; put the whole text in quotes", key, k);
		free(k);
		return NULL;
	}
	if (v->type != YNODE_SCALAR || ynode_plain_type(v) != NULL) {
		err(c, v, "'%s' must be text, not %s%s", key, type_name(v),
		    v->type == YNODE_SCALAR && ynode_plain_type(v) != NULL &&
		    strcmp(ynode_plain_type(v), "null") != 0 ? " (put it in quotes)" : "");
		return NULL;
	}
	const char *s = v->str;
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	if (*s == '\0') {
		err(c, v, "'%s' must not be empty", key);
		return NULL;
	}
	return xstrdup(v->str);
}

static char *
get_text(struct ctx *c, const struct ynode *map, const char *key)
{
	return as_text(c, ynode_get(map, key, NULL), key);
}

/* An identifier: lowercase letters, digits, and the characters in extra,
 * starting with a letter or digit. */
static char *
get_id(struct ctx *c, const struct ynode *map, const char *key, const char *extra)
{
	const struct ynode *v = ynode_get(map, key, NULL);
	char *s = as_text(c, v, key);
	if (s == NULL)
		return NULL;
	bool ok = (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9');
	for (const char *p = s; *p && ok; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr(extra, *p) != NULL;
	if (!ok) {
		char *q = text_sanitize(s, strlen(s));
		err(c, v, "'%s' must be lowercase letters, digits and '%s', starting with a letter or digit: '%s'",
		    key, extra, q);
		free(q);
		free(s);
		return NULL;
	}
	return s;
}

/* A whole number in [lo, hi]; returns false after an error. */
static bool
get_int(struct ctx *c, const struct ynode *map, const char *key, long lo, long hi, long *out)
{
	const struct ynode *v = ynode_get(map, key, NULL);
	if (v == NULL || v->reported)
		return false;
	size_t sign = v->type == YNODE_SCALAR && v->str[0] == '-';
	if (v->type != YNODE_SCALAR || !v->plain || v->len == sign || v->len > 9 ||
	    strspn(v->str + sign, "0123456789") != v->len - sign) {
		if (v->type == YNODE_SCALAR) {
			char *q = text_sanitize(v->str, v->len);
			err(c, v, "'%s' must be a whole number, not '%s'", key, q);
			free(q);
		} else {
			err(c, v, "'%s' must be a whole number, not %s", key, type_name(v));
		}
		return false;
	}
	long n = strtol(v->str, NULL, 10);
	if (n < lo || n > hi) {
		err(c, v, "'%s' must be between %ld and %ld, not %ld", key, lo, hi, n);
		return false;
	}
	*out = n;
	return true;
}

static void
strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* A list of one or more texts.  A list given twice (a duplicate key,
 * reported already) replaces the first. */
static void
get_list(struct ctx *c, const struct ynode *v, const char *key, bool allow_empty,
    struct strlist *out)
{
	if (v == NULL || v->reported)
		return;
	if (v->type != YNODE_SEQ) {
		err(c, v, "'%s' must be a list of texts, not %s", key, type_name(v));
		return;
	}
	if (v->nkids == 0 && !allow_empty) {
		err(c, v, "'%s' must hold at least one entry", key);
		return;
	}
	strlist_free(out);
	out->v = xcalloc(v->nkids, sizeof *out->v);
	for (size_t i = 0; i < v->nkids; i++) {
		char *s = as_text(c, v->kids[i], key);
		if (s != NULL)
			out->v[out->n++] = s;
	}
}

/* A mapping, or an error naming what was expected. */
static bool
need_map(struct ctx *c, const struct ynode *v, const char *what)
{
	if (v == NULL || v->reported)
		return false;
	if (v->type != YNODE_MAP) {
		err(c, v, "%s must be a mapping, not %s", what, type_name(v));
		return false;
	}
	return true;
}

static bool
need_seq(struct ctx *c, const struct ynode *v, const char *what)
{
	if (v == NULL || v->reported)
		return false;
	if (v->type != YNODE_SEQ) {
		err(c, v, "'%s' must be a list, not %s", what, type_name(v));
		return false;
	}
	if (v->nkids == 0) {
		err(c, v, "'%s' must hold at least one entry", what);
		return false;
	}
	return true;
}

/* Report every second use of an id among ids[0..n) (NULL entries are
 * skipped), at its node, naming the first.  Sorting keeps this fast for
 * banks of tens of thousands of questions. */
struct idref {
	const char *id;
	size_t index;
};

static int
cmp_idref(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c != 0 ? c : (x->index < y->index ? -1 : x->index > y->index);
}

static void
check_unique(struct ctx *c, const char *what, char **ids, const struct ynode **nodes, size_t n)
{
	struct idref *r = xcalloc(n + 1, sizeof *r);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (ids[i] != NULL)
			r[m++] = (struct idref){ids[i], i};
	qsort(r, m, sizeof *r, cmp_idref);
	for (size_t i = 1; i < m; i++) {
		size_t first = i - 1;
		while (i < m && strcmp(r[i].id, r[first].id) == 0) {
			const struct ynode *at = nodes[r[i].index], *was = nodes[r[first].index];
			err(c, at, "duplicate %s id '%s' (first used at %lu:%lu)", what, r[i].id, was->line, was->col);
			i++;
		}
	}
	free(r);
}

static const char *cat_name_i(int i) { return category_name((enum category)i); }
static const char *kind_name_i(int i) { return kind_name((enum flag_kind)i); }
static const char *sev_name_i(int i) { return severity_name((enum severity)i); }
static const char *tier_name_i(int i) { return tier_name((enum tier)i); }

/* Look a value up with one of the taxonomy's functions, with an error
 * that lists the allowed values. */
static int
get_enum(struct ctx *c, const struct ynode *map, const char *key,
    int (*lookup)(const char *), const char *(*name)(int), int n)
{
	const struct ynode *v = ynode_get(map, key, NULL);
	char *s = as_text(c, v, key);
	if (s == NULL)
		return -1;
	int r = lookup(s);
	if (r < 0) {
		char names[400];
		char *q = text_sanitize(s, strlen(s));
		text_join_names(names, sizeof names, name, n);
		/* A near miss ("job-ask" for job_ask) gets a "did you mean". */
		struct text_closest near;
		text_closest_begin(&near, s, text_close_below(s));
		for (int i = 0; i < n; i++)
			text_closest(&near, name(i));
		if (near.best != NULL)
			err(c, v, "unknown %s '%s'; did you mean '%s'? (expected one of: %s)", key, q, near.best, names);
		else
			err(c, v, "unknown %s '%s'; expected one of: %s", key, q, names);
		free(q);
	}
	free(s);
	return r;
}

static int cat_lookup_i(const char *s) { return category_lookup(s); }
static int kind_lookup_i(const char *s) { return kind_lookup(s); }
static int sev_lookup_i(const char *s) { return severity_lookup(s); }
static int tier_lookup_i(const char *s) { return tier_lookup(s); }

/* A key naming a category or kind is offered a name up to three edits
 * away: those names are long, and a list of them follows otherwise. */
#define NAME_KEY_CLOSE (TEXT_CLOSE + 1)

/* For a key naming a category or kind in a mapping, the suggestion. */
static void
unknown_name(struct ctx *c, const struct ynode *k, const char *what,
    const char *(*name)(int), int n)
{
	struct text_closest near;
	text_closest_begin(&near, k->str, NAME_KEY_CLOSE);
	for (int i = 0; i < n; i++)
		text_closest(&near, name(i));
	char *q = text_sanitize(k->str, k->len);
	if (near.best != NULL)
		err(c, k, "unknown %s '%s'; did you mean '%s'?", what, q, near.best);
	else {
		char names[400];
		text_join_names(names, sizeof names, name, n);
		err(c, k, "unknown %s '%s'; expected one of: %s", what, q, names);
	}
	free(q);
}

static const struct keyspec persona_keys[] = {
	{"id", true}, {"name", true}, {"role", true}, {"employer", true},
	{"years", true}, {"style", true}, {"opening", true}, {"asks", true}, {"acks", false},
	{"replies", true}, {"fallback", true}, {"reactions", true},
	{"farewell", true}, {"terms", false}, {"acts", false}, {"asks_back", false}, {NULL, false},
};
static const struct keyspec variant_keys[] = {
	{"text", true}, {"keywords", false}, {"more", false}, {"why", false}, {NULL, false},
};
static const struct keyspec term_keys[] = {
	{"term", true}, {"also", false}, {"means", true}, {NULL, false},
};
/* The acts a persona may word itself (question and follow-up are its
 * replies, clarify its glossary). */
static const enum act persona_acts[] = {
	ACT_GREETING, ACT_THANKS, ACT_APOLOGY, ACT_ACK, ACT_SELF, ACT_TIME_FRAME, ACT_GOODBYE,
	ACT_OFF_TOPIC,
};

/* Lowercase ASCII letters in place. */
static void
lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* The variants of one category: each a text, or a mapping with its text,
 * keywords and follow-ups. */
static void
load_variants(struct ctx *c, const struct ynode *v, const char *key, struct strlist *texts,
    struct reply_extra **extra)
{
	if (v == NULL || v->reported)
		return;
	if (v->type != YNODE_SEQ) {
		err(c, v, "'%s' must be a list of replies, not %s", key, type_name(v));
		return;
	}
	if (v->nkids == 0) {
		err(c, v, "'%s' must hold at least one entry", key);
		return;
	}
	/* A category given twice (a duplicate key, reported already): the
	 * second list replaces the first. */
	for (size_t j = 0; *extra != NULL && j < texts->n; j++) {
		strlist_free(&(*extra)[j].keywords);
		strlist_free(&(*extra)[j].more);
		strlist_free(&(*extra)[j].why);
	}
	free(*extra);
	strlist_free(texts);
	texts->v = xcalloc(v->nkids, sizeof *texts->v);
	*extra = xcalloc(v->nkids, sizeof **extra);
	for (size_t i = 0; i < v->nkids; i++) {
		const struct ynode *k = v->kids[i];
		if (k->type != YNODE_MAP) {
			char *s = as_text(c, k, key);
			if (s != NULL)
				texts->v[texts->n++] = s;
			continue;
		}
		bool known = false;
		for (const struct keyspec *ks = variant_keys; ks->key && k->nkids > 0; ks++)
			known |= k->kids[0]->type == YNODE_SCALAR && strcmp(k->kids[0]->str, ks->key) == 0;
		if (!known && split_at_colon(k)) {
			char *q = text_sanitize(k->kids[0]->str, k->kids[0]->len);
			err(c, k, "a reply in '%s' is a mapping: YAML split the text at the colon after '%s'; "
			    "put the whole text in quotes", key, q);
			free(q);
			continue;
		}
		check_keys(c, k, variant_keys, "a reply");
		char *s = get_text(c, k, "text");
		if (s == NULL)
			continue;
		struct reply_extra *x = &(*extra)[texts->n];
		texts->v[texts->n++] = s;
		get_list(c, ynode_get(k, "keywords", NULL), "keywords", true, &x->keywords);
		for (size_t w = 0; w < x->keywords.n; w++)
			lower_ascii(x->keywords.v[w]);
		get_list(c, ynode_get(k, "more", NULL), "more", true, &x->more);
		get_list(c, ynode_get(k, "why", NULL), "why", true, &x->why);
		/* A follow-up that says the reply again adds nothing. */
		const struct ynode *lists[2] = {ynode_get(k, "more", NULL), ynode_get(k, "why", NULL)};
		for (int l = 0; l < 2; l++)
			for (size_t j = 0; lists[l] != NULL && lists[l]->type == YNODE_SEQ && j < lists[l]->nkids; j++)
				if (lists[l]->kids[j]->type == YNODE_SCALAR && strcmp(lists[l]->kids[j]->str, s) == 0)
					err(c, lists[l]->kids[j], "a follow-up must add to its reply, not repeat it");
	}
}

/* People type "standup" or "stand up" for "stand-up": each hyphenated
 * form of a term is also known without its hyphens, both ways. */
static void
add_unhyphenated(struct term *tm)
{
	size_t n = tm->also.n;
	for (size_t i = 0; i <= n; i++) {
		const char *f = i == n ? tm->term : tm->also.v[i];
		if (strchr(f, '-') == NULL)
			continue;
		for (int spaced = 0; spaced < 2; spaced++) {
			char *v = xmalloc(strlen(f) + 1), *o = v;
			for (const char *p = f; *p != '\0'; p++)
				if (*p != '-')
					*o++ = *p;
				else if (spaced)
					*o++ = ' ';
			*o = '\0';
			tm->also.v = xreallocarray(tm->also.v, tm->also.n + 1, sizeof *tm->also.v);
			tm->also.v[tm->also.n++] = v;
		}
	}
}

/* The glossary: terms the persona uses and what they mean. */
static void
load_terms(struct ctx *c, const struct ynode *v, struct persona *p)
{
	if (v == NULL || v->reported)
		return;
	if (v->type != YNODE_SEQ) {
		err(c, v, "'terms' must be a list of terms, not %s", type_name(v));
		return;
	}
	p->terms = xcalloc(v->nkids + 1, sizeof *p->terms);
	for (size_t i = 0; i < v->nkids; i++) {
		const struct ynode *k = v->kids[i];
		if (!need_map(c, k, "a term"))
			continue;
		check_keys(c, k, term_keys, "a term");
		char *t = get_text(c, k, "term");
		char *means = get_text(c, k, "means");
		if (t == NULL || means == NULL) {
			free(t);
			free(means);
			continue;
		}
		struct term *tm = &p->terms[p->nterms++];
		lower_ascii(t);
		tm->term = t;
		tm->means = means;
		tm->line = k->line;
		tm->col = k->col;
		get_list(c, ynode_get(k, "also", NULL), "also", true, &tm->also);
		for (size_t w = 0; w < tm->also.n; w++)
			lower_ascii(tm->also.v[w]);
		add_unhyphenated(tm);
	}
}

/* Whether anything the persona says (the opening, the farewell, its
 * questions back, replies and follow-ups) uses word w (caseless). */
static bool
persona_uses(const struct persona *p, const char *w)
{
	if ((p->opening != NULL && strcasestr(p->opening, w) != NULL) ||
	    (p->farewell != NULL && strcasestr(p->farewell, w) != NULL))
		return true;
	for (size_t i = 0; i < p->asks.n; i++)
		if (strcasestr(p->asks.v[i], w) != NULL)
			return true;
	for (int c = 0; c < CAT_COUNT; c++)
		for (size_t i = 0; i < p->replies[c].n; i++) {
			if (strcasestr(p->replies[c].v[i], w) != NULL)
				return true;
			const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
			for (size_t j = 0; x != NULL && j < x->more.n; j++)
				if (strcasestr(x->more.v[j], w) != NULL)
					return true;
			for (size_t j = 0; x != NULL && j < x->why.n; j++)
				if (strcasestr(x->why.v[j], w) != NULL)
					return true;
		}
	return false;
}

/* The persona's own words for acts. */
static void
load_acts(struct ctx *c, const struct ynode *m, struct persona *p)
{
	if (!need_map(c, m, "'acts'"))
		return;
	for (size_t i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *k = m->kids[i];
		if (k->type != YNODE_SCALAR)
			continue;
		enum act a = act_lookup(k->str);
		bool allowed = false;
		for (size_t j = 0; j < sizeof persona_acts / sizeof *persona_acts; j++)
			allowed |= persona_acts[j] == a;
		if (!allowed) {
			char *q = text_sanitize(k->str, k->len);
			err(c, k, "unknown act '%s' in 'acts'; expected one of: greeting, thanks, apology, ack, "
			    "self, time_frame, goodbye, off_topic", q);
			free(q);
			continue;
		}
		get_list(c, m->kids[i + 1], k->str, false, &p->acts[a]);
		if (a == ACT_TIME_FRAME)
			for (size_t j = 0; j < p->acts[a].n; j++)
				if (strstr(p->acts[a].v[j], "{duration}") == NULL)
					err(c, m->kids[i + 1]->kids[j], "a time_frame line must say the length as {duration}");
	}
}

static void
load_persona(struct ctx *c, const struct ynode *m, struct persona *p)
{
	char what[120];
	const struct ynode *idn = ynode_get(m, "id", NULL);
	snprintf(what, sizeof what, "persona '%.60s'",
	    idn && idn->type == YNODE_SCALAR ? idn->str : "?");
	check_keys(c, m, persona_keys, what);
	p->id = get_id(c, m, "id", "-_");
	p->name = get_text(c, m, "name");
	p->role = get_text(c, m, "role");
	p->employer = get_text(c, m, "employer");
	long years = 0;
	if (get_int(c, m, "years", 0, 70, &years))
		p->years = (int)years;
	p->style = get_id(c, m, "style", "-");
	p->opening = get_text(c, m, "opening");
	p->farewell = get_text(c, m, "farewell");
	get_list(c, ynode_get(m, "asks", NULL), "asks", false, &p->asks);
	get_list(c, ynode_get(m, "acks", NULL), "acks", false, &p->acks);
	get_list(c, ynode_get(m, "fallback", NULL), "fallback", false, &p->fallback);

	const struct ynode *rep = ynode_get(m, "replies", NULL);
	if (need_map(c, rep, "'replies'")) {
		for (size_t i = 0; i + 1 < rep->nkids; i += 2) {
			const struct ynode *k = rep->kids[i];
			if (k->type != YNODE_SCALAR)
				continue;
			enum category cat = category_lookup(k->str);
			if (cat == CAT_NONE)
				unknown_name(c, k, "category", cat_name_i, CAT_COUNT);
			else
				load_variants(c, rep->kids[i + 1], k->str, &p->replies[cat], &p->extra[cat]);
		}
		for (int i = 0; i < CAT_COUNT; i++)
			if (ynode_get(rep, category_name((enum category)i), NULL) == NULL)
				err(c, rep, "%s has no replies for category '%s'", what,
				    category_name((enum category)i));
	}
	load_terms(c, ynode_get(m, "terms", NULL), p);
	for (size_t i = 0; i < p->nterms; i++) {
		bool used = persona_uses(p, p->terms[i].term);
		for (size_t j = 0; !used && j < p->terms[i].also.n; j++)
			used = persona_uses(p, p->terms[i].also.v[j]);
		if (!used) {
			char *q = text_sanitize(p->terms[i].term, strlen(p->terms[i].term));
			struct ynode at = {.line = p->terms[i].line, .col = p->terms[i].col};
			err(c, &at, "%s never uses the term '%s' it explains", what, q);
			free(q);
		}
	}
	if (ynode_get(m, "acts", NULL) != NULL)
		load_acts(c, ynode_get(m, "acts", NULL), p);
	get_list(c, ynode_get(m, "asks_back", NULL), "asks_back", true, &p->asks_back);
	const struct ynode *rea = ynode_get(m, "reactions", NULL);
	if (need_map(c, rea, "'reactions'")) {
		for (size_t i = 0; i + 1 < rea->nkids; i += 2) {
			const struct ynode *k = rea->kids[i];
			if (k->type != YNODE_SCALAR)
				continue;
			enum flag_kind kind = kind_lookup(k->str);
			if (kind == KIND_NONE)
				unknown_name(c, k, "flag kind", kind_name_i, KIND_COUNT);
			else
				get_list(c, rea->kids[i + 1], k->str, false, &p->reactions[kind]);
		}
		for (int i = 0; i < KIND_COUNT; i++)
			if (ynode_get(rea, kind_name((enum flag_kind)i), NULL) == NULL)
				err(c, rea, "%s has no reaction for flag kind '%s'", what,
				    kind_name((enum flag_kind)i));
	}
}

static void
persona_free(struct persona *p)
{
	free(p->id);
	free(p->name);
	free(p->role);
	free(p->employer);
	free(p->style);
	free(p->opening);
	free(p->farewell);
	strlist_free(&p->asks);
	strlist_free(&p->acks);
	strlist_free(&p->fallback);
	for (int i = 0; i < CAT_COUNT; i++) {
		for (size_t j = 0; p->extra[i] != NULL && j < p->replies[i].n; j++) {
			strlist_free(&p->extra[i][j].keywords);
			strlist_free(&p->extra[i][j].more);
			strlist_free(&p->extra[i][j].why);
		}
		free(p->extra[i]);
		strlist_free(&p->replies[i]);
	}
	for (int i = 0; i < KIND_COUNT; i++)
		strlist_free(&p->reactions[i]);
	for (size_t i = 0; i < p->nterms; i++) {
		free(p->terms[i].term);
		free(p->terms[i].means);
		strlist_free(&p->terms[i].also);
	}
	free(p->terms);
	for (int i = 0; i < ACT_COUNT; i++)
		strlist_free(&p->acts[i]);
	strlist_free(&p->asks_back);
}

static const struct keyspec question_keys[] = {
	{"id", true}, {"text", true}, {"category", true}, {"tier", true},
	{"notes", false}, {NULL, false},
};

static void
load_question(struct ctx *c, const struct ynode *m, struct question *q)
{
	char what[120];
	const struct ynode *idn = ynode_get(m, "id", NULL);
	snprintf(what, sizeof what, "question '%.60s'",
	    idn && idn->type == YNODE_SCALAR ? idn->str : "?");
	check_keys(c, m, question_keys, what);
	q->line = m->line;
	q->col = m->col;
	q->id = get_id(c, m, "id", "-_");
	q->text = get_text(c, m, "text");
	const struct ynode *tn = ynode_get(m, "text", NULL);
	if (tn != NULL) {
		q->text_line = tn->line;
		q->text_col = tn->col + (tn->plain ? 0 : 1); /* past the quote */
	}
	q->notes = ynode_get(m, "notes", NULL) ? get_text(c, m, "notes") : NULL;
	q->cat = (enum category)get_enum(c, m, "category", cat_lookup_i, cat_name_i, CAT_COUNT);
	q->tier = (enum tier)get_enum(c, m, "tier", tier_lookup_i, tier_name_i, TIER_COUNT);
	if (q->cat != CAT_NONE && q->tier != TIER_NONE && category_tier(q->cat) != q->tier)
		err(c, ynode_get(m, "tier", NULL), "tier '%s' does not match category '%s', which is in tier '%s'",
		    tier_name(q->tier), category_name(q->cat), tier_name(category_tier(q->cat)));
}

static void
question_free(struct question *q)
{
	free(q->id);
	free(q->text);
	free(q->notes);
}

/* Compile one pattern node into p; reports and returns false on error.
 * owner names it in messages ("rule 'x'", "cue for 'likes'"). */
static bool
compile_at(struct ctx *c, const struct ynode *v, const char *owner, struct pattern *p)
{
	char e[300];
	char *src = as_text(c, v, "pattern");
	if (src == NULL)
		return false;
	bool ok = pattern_compile(p, src, e, sizeof e);
	p->line = v->line;
	p->col = v->col;
	if (!ok)
		err(c, v, "%s: %s", owner, e);
	free(src);
	return ok;
}

/* Compile a list of patterns; returns false if any failed. */
static bool
compile_list(struct ctx *c, const struct ynode *v, const char *key, const char *rule_id,
    struct pattern **out, size_t *n)
{
	char owner[100];
	snprintf(owner, sizeof owner, "rule '%s'", rule_id ? rule_id : "?");
	bool ok = true;
	if (v == NULL || v->reported)
		return true;
	if (v->type != YNODE_SEQ || v->nkids == 0) {
		err(c, v, "'%s' must be a list of one or more patterns, not %s", key,
		    v->type == YNODE_SEQ ? "an empty list" : type_name(v));
		return false;
	}
	*out = xcalloc(v->nkids, sizeof **out);
	for (size_t i = 0; i < v->nkids; i++) {
		if (compile_at(c, v->kids[i], owner, &(*out)[*n]))
			(*n)++;
		else
			ok = false;
	}
	return ok;
}

static const struct keyspec rule_keys[] = {
	{"id", true}, {"kind", true}, {"severity", true}, {"policy", false},
	{"triggers", false}, {"raw", false}, {"patterns", true}, {"unless", false}, {"message", true},
	{"suggestion", true}, {"examples", true}, {NULL, false},
};
static const struct keyspec policy_keys[] = {{"strict", false}, {"lenient", false}, {NULL, false}};
static const struct keyspec example_keys[] = {{"flag", true}, {"pass", true}, {NULL, false}};

/* Run a rule's examples; each failure is an error at the example. */
static void
check_examples(struct ctx *c, const struct rule *r, const struct ynode *list, bool flag)
{
	struct matcher *m = matcher_new();
	for (size_t i = 0; list != NULL && list->type == YNODE_SEQ && i < list->nkids; i++) {
		const struct ynode *ex = list->kids[i];
		if (ex->type != YNODE_SCALAR)
			continue;
		size_t so = 0, eo = 0;
		/* The rule sees the example as it sees a line: normalised,
		 * unless it asked for the raw text. */
		const char *text = ex->str;
		size_t len = ex->len;
		if (!r->raw) {
			normalize(&c->norm, ex->str, ex->len);
			text = c->norm.text;
			len = c->norm.len;
		}
		int rc = rule_eval(m, r, text, len, &so, &eo, NULL);
		char *lower = xstrndup(text, len);
		for (char *p = lower; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p + 32);
		bool triggered = rule_triggered(r, lower, len);
		free(lower);
		char *q = text_sanitize(ex->str, ex->len);
		if (flag && !triggered) {
			err(c, ex, "rule '%s': its example \"%s\" holds none of the rule's triggers, "
			    "so the rule would never look at it", r->id, q);
		} else if (rc < 0) {
			char e[120];
			rule_strerror(rc, e, sizeof e);
			err(c, ex, "rule '%s' could not be evaluated on this example (%s)", r->id, e);
		} else if (flag && rc == 0) {
			err(c, ex, "rule '%s' does not flag its example \"%s\"", r->id, q);
		} else if (!flag && rc == 1) {
			if (!r->raw)
				norm_span(&c->norm, so, eo, &so, &eo);
			char *hit = text_sanitize(ex->str + so, eo - so);
			err(c, ex, "rule '%s' flags its pass example \"%s\" (matched \"%s\")", r->id, q, hit);
			free(hit);
		}
		free(q);
	}
	matcher_free(m);
}

static void
load_rule(struct ctx *c, const struct ynode *m, struct rule *r, const char *file)
{
	char what[120];
	size_t before = c->errors;
	const struct ynode *idn = ynode_get(m, "id", NULL);
	snprintf(what, sizeof what, "rule '%.60s'", idn && idn->type == YNODE_SCALAR ? idn->str : "?");
	check_keys(c, m, rule_keys, what);
	r->file = file;
	r->line = m->line;
	r->col = m->col;
	r->id = get_id(c, m, "id", "-_.");
	r->kind = (enum flag_kind)get_enum(c, m, "kind", kind_lookup_i, kind_name_i, KIND_COUNT);
	enum severity sev = (enum severity)get_enum(c, m, "severity", sev_lookup_i, sev_name_i, SEV_COUNT);
	for (int p = 0; p < POLICY_COUNT; p++)
		r->sev[p] = sev;
	const struct ynode *pol = ynode_get(m, "policy", NULL);
	if (pol != NULL && need_map(c, pol, "'policy'")) {
		check_keys(c, pol, policy_keys, "'policy'");
		if (ynode_get(pol, "strict", NULL))
			r->sev[POLICY_STRICT] = (enum severity)get_enum(c, pol, "strict", sev_lookup_i, sev_name_i, SEV_COUNT);
		if (ynode_get(pol, "lenient", NULL))
			r->sev[POLICY_LENIENT] = (enum severity)get_enum(c, pol, "lenient", sev_lookup_i, sev_name_i, SEV_COUNT);
	}
	r->message = get_text(c, m, "message");
	r->suggestion = get_text(c, m, "suggestion");
	struct strlist trig = {0};
	get_list(c, ynode_get(m, "triggers", NULL), "triggers", false, &trig);
	for (size_t i = 0; i < trig.n; i++)
		for (char *p = trig.v[i]; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p + 32);
	r->triggers = trig.v;
	r->ntriggers = trig.n;
	const struct ynode *raw = ynode_get(m, "raw", NULL);
	if (raw != NULL) {
		if (raw->type == YNODE_SCALAR && (strcmp(raw->str, "true") == 0 || strcmp(raw->str, "false") == 0))
			r->raw = strcmp(raw->str, "true") == 0;
		else
			err(c, raw, "'raw' must be true or false");
	}
	bool compiled = compile_list(c, ynode_get(m, "patterns", NULL), "patterns", r->id, &r->pats, &r->npats);
	compiled &= compile_list(c, ynode_get(m, "unless", NULL), "unless", r->id, &r->unless, &r->nunless);

	const struct ynode *ex = ynode_get(m, "examples", NULL);
	if (ex != NULL && need_map(c, ex, "'examples'")) {
		check_keys(c, ex, example_keys, "'examples'");
		struct strlist fl = {0}, pl = {0};
		get_list(c, ynode_get(ex, "flag", NULL), "flag", false, &fl);
		get_list(c, ynode_get(ex, "pass", NULL), "pass", true, &pl);
		r->flag_ex = fl.v;
		r->nflag = fl.n;
		r->pass_ex = pl.v;
		r->npass = pl.n;
		/* Examples only mean something for a rule that is otherwise sound. */
		if (compiled && c->errors == before && r->npats > 0 && (c->flags & BANK_EXAMPLES)) {
			check_examples(c, r, ynode_get(ex, "flag", NULL), true);
			check_examples(c, r, ynode_get(ex, "pass", NULL), false);
		}
	}
}

static void
load_cues(struct ctx *c, const struct ynode *m, struct bank *b)
{
	if (!need_map(c, m, "'cues'"))
		return;
	size_t total = 0;
	for (size_t i = 1; i < m->nkids; i += 2)
		if (m->kids[i]->type == YNODE_SEQ)
			total += m->kids[i]->nkids;
	b->cues = xcalloc(total + 1, sizeof *b->cues);
	for (size_t i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *k = m->kids[i], *v = m->kids[i + 1];
		if (k->type != YNODE_SCALAR)
			continue;
		enum category cat = category_lookup(k->str);
		if (cat == CAT_NONE) {
			unknown_name(c, k, "category", cat_name_i, CAT_COUNT);
			continue;
		}
		if (!need_seq(c, v, k->str))
			continue;
		for (size_t j = 0; j < v->nkids; j++) {
			char label[80];
			snprintf(label, sizeof label, "cue for '%s'", k->str);
			if (compile_at(c, v->kids[j], label, &b->cues[b->ncues].pat))
				b->cues[b->ncues++].cat = cat;
		}
	}
}

static const struct keyspec bank_keys[] = {
	{"format", true}, {"id", true}, {"title", true}, {"field", true},
	{"description", true}, {"personas", true}, {"questions", true},
	{"cues", false}, {"rules", false}, {NULL, false},
};
static const struct keyspec rules_keys[] = {
	{"format", true}, {"id", true}, {"title", true}, {"description", false},
	{"cues", false}, {"rules", false}, {NULL, false},
};

static void
load_root(struct ctx *c, const struct ynode *root, struct bank *b)
{
	if (root->type != YNODE_MAP) {
		err(c, root, "a bank must be a mapping with 'format', 'id', 'title'...; this file holds %s",
		    type_name(root));
		return;
	}
	b->rules_only = ynode_get(root, "personas", NULL) == NULL &&
	    ynode_get(root, "questions", NULL) == NULL &&
	    (ynode_get(root, "rules", NULL) != NULL || ynode_get(root, "cues", NULL) != NULL);
	check_keys(c, root, b->rules_only ? rules_keys : bank_keys,
	    b->rules_only ? "the rule file" : "the bank");

	long format = 0;
	const struct ynode *fv = ynode_get(root, "format", NULL);
	if (get_int(c, root, "format", 0, 1000000, &format) && format != BANK_FORMAT)
		err(c, fv, "unsupported format %ld; this version of infocoach reads format %d", format,
		    BANK_FORMAT);
	b->id = get_id(c, root, "id", "-_");
	b->title = get_text(c, root, "title");
	if (!b->rules_only)
		b->field = get_text(c, root, "field");
	if (ynode_get(root, "description", NULL))
		b->description = get_text(c, root, "description");

	const struct ynode *ps = ynode_get(root, "personas", NULL);
	if (!b->rules_only && (c->flags & BANK_NO_PERSONAS) == 0 && need_seq(c, ps, "personas")) {
		b->personas = xcalloc(ps->nkids, sizeof *b->personas);
		char **ids = xcalloc(ps->nkids, sizeof *ids);
		const struct ynode **nodes = xcalloc(ps->nkids, sizeof *nodes);
		for (size_t i = 0; i < ps->nkids; i++) {
			if (!need_map(c, ps->kids[i], "a persona"))
				continue;
			load_persona(c, ps->kids[i], &b->personas[b->npersonas]);
			ids[i] = b->personas[b->npersonas].id;
			nodes[i] = ynode_get(ps->kids[i], "id", NULL);
			b->npersonas++;
		}
		check_unique(c, "persona", ids, nodes, ps->nkids);
		free(ids);
		free(nodes);
	}
	const struct ynode *qkey = NULL;
	const struct ynode *qs = ynode_get(root, "questions", &qkey);
	if (!b->rules_only && need_seq(c, qs, "questions")) {
		b->questions = xcalloc(qs->nkids, sizeof *b->questions);
		char **ids = xcalloc(qs->nkids, sizeof *ids);
		const struct ynode **nodes = xcalloc(qs->nkids, sizeof *nodes);
		for (size_t i = 0; i < qs->nkids; i++) {
			if (!need_map(c, qs->kids[i], "a question"))
				continue;
			load_question(c, qs->kids[i], &b->questions[b->nquestions]);
			ids[i] = b->questions[b->nquestions].id;
			nodes[i] = ynode_get(qs->kids[i], "id", NULL);
			b->nquestions++;
		}
		check_unique(c, "question", ids, nodes, qs->nkids);
		free(ids);
		free(nodes);
	}
	const struct ynode *rs = ynode_get(root, "rules", NULL);
	if (rs != NULL && rs->type != YNODE_SEQ) {
		err(c, rs, "'rules' must be a list, not %s", type_name(rs));
	} else if (rs != NULL) {
		b->rules = xcalloc(rs->nkids + 1, sizeof *b->rules);
		char **ids = xcalloc(rs->nkids + 1, sizeof *ids);
		const struct ynode **nodes = xcalloc(rs->nkids + 1, sizeof *nodes);
		for (size_t i = 0; i < rs->nkids; i++) {
			if (!need_map(c, rs->kids[i], "a rule"))
				continue;
			load_rule(c, rs->kids[i], &b->rules[b->nrules], b->path);
			ids[i] = b->rules[b->nrules].id;
			nodes[i] = ynode_get(rs->kids[i], "id", NULL);
			b->nrules++;
		}
		check_unique(c, "rule", ids, nodes, rs->nkids);
		free(ids);
		free(nodes);
	}
	const struct ynode *cs = ynode_get(root, "cues", NULL);
	if (cs != NULL)
		load_cues(c, cs, b);
	/* Only for a bank with no error: those come first. */
	if ((c->flags & BANK_EXAMPLES) && !b->rules_only && c->errors == 0)
		missing_categories(c, qkey, b);
}

static struct bank *
finish(struct ctx *c, struct ynode *root, const char *name)
{
	struct bank *b = xcalloc(1, sizeof *b);
	b->path = xstrdup(name);
	if (root != NULL)
		load_root(c, root, b);
	ynode_free(root);
	if (root == NULL || c->errors > 0) {
		bank_free(b);
		return NULL;
	}
	return b;
}

struct bank *
bank_load(const char *path, struct diag_list *dl, unsigned flags)
{
	struct ctx c = {path, dl, 0, flags, {0}};
	size_t before = dl->errors;
	struct ynode *root = ytree_load(path, dl);
	c.errors = dl->errors - before;
	struct bank *b = finish(&c, root, path);
	norm_free(&c.norm);
	return b;
}

struct bank *
bank_parse(const char *name, const char *buf, size_t len, struct diag_list *dl, unsigned flags)
{
	struct ctx c = {name, dl, 0, flags, {0}};
	size_t before = dl->errors;
	struct ynode *root = ytree_parse(name, buf, len, dl);
	c.errors = dl->errors - before;
	struct bank *b = finish(&c, root, name);
	norm_free(&c.norm);
	return b;
}

void
bank_free(struct bank *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->npersonas; i++)
		persona_free(&b->personas[i]);
	for (size_t i = 0; i < b->nquestions; i++)
		question_free(&b->questions[i]);
	for (size_t i = 0; i < b->nrules; i++)
		rule_free(&b->rules[i]);
	for (size_t i = 0; i < b->ncues; i++)
		pattern_free(&b->cues[i].pat);
	free(b->personas);
	free(b->questions);
	free(b->rules);
	free(b->cues);
	free(b->path);
	free(b->id);
	free(b->title);
	free(b->field);
	free(b->description);
	free(b);
}

const struct persona *
bank_persona(const struct bank *b, const char *id)
{
	for (size_t i = 0; i < b->npersonas; i++)
		if (b->personas[i].id != NULL && strcmp(b->personas[i].id, id) == 0)
			return &b->personas[i];
	return NULL;
}

/* Whether word w (lowercase) is at s, whole. */
static bool
word_at(const char *s, const char *w)
{
	size_t n = strlen(w);
	return strncasecmp(s, w, n) == 0 && !((s[n] | 32) >= 'a' && (s[n] | 32) <= 'z');
}

bool
question_leans_back(const struct question *q)
{
	const char *t = q->text;
	while (*t == ' ' || *t == '"' || *t == '\'')
		t++;
	/* "And how...", "Also, what...": going on from the last one. */
	if (word_at(t, "and") || word_at(t, "also") || word_at(t, "then"))
		return true;
	/* In its first clause, "these changes" or "those skills" point
	 * back; "these days" and "those who" do not, nor a "those" after a
	 * comma ("..., and what are those interactions like?"). */
	for (const char *p = t; *p && *p != ','; p++) {
		bool start = p == t || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
		if (!start || !(word_at(p, "these") || word_at(p, "those")))
			continue;
		const char *next = p + 5;
		while (*next == ' ')
			next++;
		if (!word_at(next, "days") && !word_at(next, "who") && !word_at(next, "which") &&
		    !word_at(next, "that") && !word_at(next, "of"))
			return true;
	}
	return false;
}
