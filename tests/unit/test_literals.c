/* Unit tests for literals.c: the words every match of a pattern holds.
 * A table of patterns first; then, for every cue of the shipped rule
 * file, every line that matches it (a rule's example or a question of
 * the general bank) must hold one of its words, which is what lets the
 * classifier skip a cue on a line without them; and the same of every
 * pattern of the shipped rules. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "literals.h"
#include "normalize.h"
#include "rule.h"
#include "tap.h"

/* The words of pattern, each followed by one space; "-" for none. */
static char *
words(const char *pattern)
{
	char **v = NULL;
	size_t n = literals_required(pattern, &v);
	char *out = calloc(1, 1024);
	if (n == 0)
		strcat(out, "-");
	for (size_t i = 0; i < n; i++) {
		strncat(out, v[i], 1000 - strlen(out));
		strcat(out, " ");
		free(v[i]);
	}
	free(v);
	return out;
}

static const struct {
	const char *pattern;
	const char *want;
} table[] = {
	{"\\bhiring\\b", "hiring "},
	{"Hiring", "hiring "},
	{"\\b(?:job|jobs)\\b", "job jobs "},
	{"\\bjobs?\\b", "jobs job "},
	{"\\bfavou?rite\\b", "favourite favorite "},
	{"\\bpay\\s+(?:rise|cut)\\b", "pay "},
	/* "what" and "you" are in nearly every question: "earn" tells more. */
	{"\\bwhat\\s+you\\s+earn\\b", "earn "},
	{"\\byour\\s+(?:boss|manager)\\b", "boss manager "},
	{"\\bI\\s+should\\b", "should "},
	{"\\bday.to.day\\b", "day "},
	{"\\bchalleng\\w*", "challeng "},
	{"a|b", "a b "},
	{"\\bfulfil+", "fulfi "},
	{"(?:x\\w+)?y", "y "},                 /* the optional part adds nothing */
	{"\\w+", "-"},
	{"a*", "-"},
	{"(?i)job", "-"},                      /* inline options: not read */
	{"\\x41bc", "-"},                      /* \x: not read */
	{"\\p{L}ob", "-"},
	{"(job)\\1", "-"},                     /* a back reference */
	{"job{,2}", "-"},                      /* '{' as a literal */
	{"job|\\w", "-"},                      /* one branch needs nothing */
	{"caf\xc3\xa9", "caf "},               /* non-ASCII is ANY */
	{"\\bpay\\b(?!\\s+back)", "pay "},
	{"(?<!not\\s)\\bpaid\\b", "paid "},
	{"[abc]def", "def "},
	{"\\.net\\b", ".net "},
	/* On an ASCII line a digit is one of ten; a figure tells more than
	 * "is", and "k" is in "work". */
	{"\\d+k", "0 1 2 3 4 5 6 7 8 9 "},
	{"\\bis\\s+\\d+\\s*k\\b", "0 1 2 3 4 5 6 7 8 9 "},
	{"\\d\\d\\d\\d", "0 1 2 3 4 5 6 7 8 9 "},   /* 10,000 strings: one digit stands */
	{"\\bover\\s+\\d", "over "},
	{"(", "-"},
	{"", "-"},
};

/* The text as the classifier scans it: ASCII lowercase; NULL when it is
 * not ASCII (then no cue is skipped). */
static char *
lower_ascii(const char *s)
{
	char *l = strdup(s);
	for (char *p = l; *p; p++) {
		if ((unsigned char)*p >= 0x80) {
			free(l);
			return NULL;
		}
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	}
	return l;
}

/* Whether every line matching p holds one of its words; counts the
 * matches checked in *checked. */
static bool
holds(struct matcher *m, const struct pattern *p, char **lines, size_t n, size_t *checked)
{
	char **v = NULL;
	size_t nw = literals_required(p->src, &v);
	bool good = true;
	for (size_t i = 0; i < n; i++) {
		char *l = lower_ascii(lines[i]);
		if (l == NULL || pattern_match(m, p, lines[i], strlen(lines[i]), NULL, NULL) != 1) {
			free(l);
			continue;
		}
		(*checked)++;
		bool found = nw == 0;
		for (size_t w = 0; !found && w < nw; w++)
			found = strstr(l, v[w]) != NULL;
		if (!found) {
			printf("# '%s' matches \"%s\" but holds none of its words\n", p->src, lines[i]);
			good = false;
		}
		free(l);
	}
	for (size_t w = 0; w < nw; w++)
		free(v[w]);
	free(v);
	return good;
}

/* The alternatives literals_alternatives cuts pattern into, each in
 * brackets; "-" when it does not cut it. */
static char *
cut(const char *pattern, size_t max)
{
	size_t st[8], ln[8];
	size_t n = literals_alternatives(pattern, st, ln, max);
	char *out = calloc(1, 1024);
	if (n == 0)
		strcat(out, "-");
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), 1024 - strlen(out), "[%.*s]", (int)ln[i], pattern + st[i]);
	return out;
}

static const struct {
	const char *pattern, *want;
} cuts[] = {
	{"a|b(c|d)|e", "[a][b(c|d)][e]"},
	{"abc", "-"},
	{"(?:a|b)", "-"},
	{"[|]|x", "[[|]][x]"},
	{"[]|]a|b", "[[]|]a][b]"},
	{"[^]|]a|b", "[[^]|]a][b]"},
	{"[[:alpha:]|]x|y", "[[[:alpha:]|]x][y]"},
	{"\\|a|b", "[\\|a][b]"},
	{"(?<=a)b|(?<!c)d|(?=e)f|(?!g)h|(?>i)j", "[(?<=a)b][(?<!c)d][(?=e)f][(?!g)h][(?>i)j]"},
	{"(a)b|c", "[(a)b][c]"},
	{"(?i)a|b", "-"},
	{"a|(?i:b)", "-"},
	{"(a)|\\1", "-"},
	{"(?<n>a)|b", "-"},
	{"(?P<n>a)|b", "-"},
	{"a|\\k<n>", "-"},
	{"a|\\g1", "-"},
	{"(?#note)a|b", "-"},
	{"(*UCP)a|b", "-"},
	{"\\Qa|b\\E", "-"},
	{"(?|a)|b", "-"},
	{"a)|b", "-"},
	{"(a|b", "-"},
	{"[a|b", "-"},
	{"a|b|c", "-"},         /* more than max (2) */
};

/*
 * Whether, on every line, the leftmost match of p's alternatives (the
 * first alternative's on a tie) is p's own match, start and end; counts
 * the lines p matches in *checked.
 */
static bool
cut_same(struct matcher *m, const struct pattern *p, char **lines, size_t n, size_t *checked)
{
	size_t st[32], ln[32];
	size_t na = literals_alternatives(p->src, st, ln, 32);
	if (na == 0)
		return true;
	struct pattern alt[32];
	char err[200];
	for (size_t x = 0; x < na; x++) {
		char *src = strndup(p->src + st[x], ln[x]);
		if (!pattern_compile(&alt[x], src, err, sizeof err)) {
			fprintf(stderr, "# an alternative of %s does not compile: %s\n", p->src, err);
			free(src);
			return false;
		}
		free(src);
	}
	bool good = true;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]), so = 0, eo = 0, bs = 0, be = 0;
		int whole = pattern_match(m, p, lines[i], len, &so, &eo);
		int found = 0;
		for (size_t x = 0; x < na; x++) {
			size_t xs, xe;
			if (pattern_match(m, &alt[x], lines[i], len, &xs, &xe) == 1 && (!found || xs < bs)) {
				found = 1;
				bs = xs;
				be = xe;
			}
		}
		if (whole != found || (found && (so != bs || eo != be))) {
			fprintf(stderr, "# %s on \"%s\": whole %d %zu-%zu, alternatives %d %zu-%zu\n", p->src, lines[i],
			    whole, so, eo, found, bs, be);
			good = false;
		}
		*checked += whole == 1;
	}
	for (size_t x = 0; x < na; x++) {
		good &= holds(m, &alt[x], lines, n, checked);
		pattern_free(&alt[x]);
	}
	return good;
}

int
main(void)
{
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		char *got = cut(cuts[i].pattern, 5);
		if (strcmp(cuts[i].pattern, "a|b|c") == 0) {
			free(got);
			got = cut(cuts[i].pattern, 2);
		}
		is_str(got, cuts[i].want, cuts[i].pattern);
		free(got);
	}
	for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
		char *got = words(table[i].pattern);
		is_str(got, table[i].want, table[i].pattern);
		free(got);
	}

	const char *top = getenv("TOP_SRCDIR");
	char path[4096];
	struct diag_list dl = {0};
	snprintf(path, sizeof path, "%s/questionbanks/rules/core.yaml", top ? top : ".");
	struct bank *core = bank_load(path, &dl, BANK_NO_PERSONAS);
	snprintf(path, sizeof path, "%s/questionbanks/general.yaml", top ? top : ".");
	struct bank *gen = bank_load(path, &dl, BANK_NO_PERSONAS);
	ok(core != NULL && gen != NULL && core->ncues > 50, "the shipped rule file and bank load");
	if (core == NULL || gen == NULL)
		return tap_done();
	char **lines = NULL;
	size_t n = 0;
	for (size_t r = 0; r < core->nrules; r++) {
		const struct rule *ru = &core->rules[r];
		lines = realloc(lines, (n + ru->nflag + ru->npass + 1) * sizeof *lines);
		for (size_t i = 0; i < ru->nflag; i++)
			lines[n++] = ru->flag_ex[i];
		for (size_t i = 0; i < ru->npass; i++)
			lines[n++] = ru->pass_ex[i];
	}
	lines = realloc(lines, (n + gen->nquestions + 1) * sizeof *lines);
	for (size_t q = 0; q < gen->nquestions; q++)
		lines[n++] = gen->questions[q].text;
	struct matcher *m = matcher_new();
	size_t checked = 0, with_words = 0;
	bool all = true;
	for (size_t c = 0; c < core->ncues; c++) {
		char **v = NULL;
		size_t nw = literals_required(core->cues[c].pat.src, &v);
		with_words += nw > 0;
		for (size_t w = 0; w < nw; w++)
			free(v[w]);
		free(v);
		all &= holds(m, &core->cues[c].pat, lines, n, &checked);
	}
	ok(all, "every match of a shipped cue holds one of its words (%zu matches in %zu lines)", checked, n);
	/* The same of every pattern of the shipped rules (assess.c skips
	 * those too), on the lines as the rules see them: normalised. */
	checked = 0;
	all = true;
	struct norm nm = {0};
	char **normed = calloc(n + 1, sizeof *normed);
	for (size_t i = 0; i < n; i++) {
		normalize(&nm, lines[i], strlen(lines[i]));
		normed[i] = strndup(nm.text, nm.len);
	}
	for (size_t r = 0; r < core->nrules; r++) {
		const struct rule *ru = &core->rules[r];
		for (size_t j = 0; j < ru->npats; j++)
			all &= holds(m, &ru->pats[j], ru->raw ? lines : normed, n, &checked);
		for (size_t j = 0; j < ru->nunless; j++)
			all &= holds(m, &ru->unless[j], ru->raw ? lines : normed, n, &checked);
	}
	ok(all && checked > 100, "every match of a shipped rule's pattern holds one of its words (%zu matches)",
	    checked);
	/* assess.c runs a rule's pattern as its alternatives, each alone,
	 * where that leaves most out: the leftmost of their matches must be
	 * the pattern's, and each alternative's words hold for it. */
	checked = 0;
	all = true;
	for (size_t r = 0; r < core->nrules; r++) {
		const struct rule *ru = &core->rules[r];
		for (size_t j = 0; j < ru->npats; j++)
			all &= cut_same(m, &ru->pats[j], ru->raw ? lines : normed, n, &checked);
		for (size_t j = 0; j < ru->nunless; j++)
			all &= cut_same(m, &ru->unless[j], ru->raw ? lines : normed, n, &checked);
	}
	ok(all && checked > 100, "every shipped rule pattern cut into alternatives matches where it matches whole (%zu matches)",
	    checked);
	for (size_t i = 0; i < n; i++)
		free(normed[i]);
	free(normed);
	norm_free(&nm);
	ok(with_words * 10 >= core->ncues * 9, "%zu of %zu cues have words", with_words, core->ncues);
	matcher_free(m);
	free(lines);
	bank_free(core);
	bank_free(gen);
	diag_clear(&dl);
	return tap_done();
}
