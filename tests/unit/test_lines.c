/*
 * test_lines.c -- the rule table: how lines said to the host are
 * understood, one case a line of tests/unit/lines.test (as jq's
 * tests/jq.test), run through the same assessor and dialogue as a
 * practice session.
 *
 * A case is four fields: the act, the category ("-" for none), the flags
 * ("-" for none, else their kinds joined with '+', the first with
 * ":severity" for the highest severity among them) and the line as typed
 * (the rest of the row).  The first three are separated by blanks.  A
 * blank row starts a new conversation; rows of one block are heard in
 * order, so a follow-up has the question before it.  '#' starts a
 * comment row.  A row that cannot be read fails, with its line number.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "catalog.h"
#include "dialogue.h"
#include "tap.h"
#include "xmalloc.h"

/* The next blank-separated word of *p, NUL-terminated in place. */
static char *
word(char **p)
{
	char *s = *p + strspn(*p, " \t");
	if (*s == '\0')
		return NULL;
	char *e = s + strcspn(s, " \t");
	if (*e != '\0')
		*e++ = '\0';
	*p = e;
	return s;
}

/* Whether the flags in as are what want ("-", "kind+kind", "kind:sev")
 * says; got gets them written the same way. */
static bool
flags_are(const struct assessment *as, char *want, char *got, size_t len, const char **bad)
{
	bool kinds[KIND_COUNT] = {false};
	enum severity top = SEV_NONE;
	for (size_t i = 0; i < as->nflags; i++) {
		if (as->flags[i].rule->kind >= 0 && as->flags[i].rule->kind < KIND_COUNT)
			kinds[as->flags[i].rule->kind] = true;
		if (as->flags[i].sev > top)
			top = as->flags[i].sev;
	}
	size_t used = 0;
	got[0] = '\0';
	for (int k = 0; k < KIND_COUNT; k++)
		if (kinds[k])
			used += (size_t)snprintf(got + used, len - used, "%s%s", used ? "+" : "",
			    kind_name((enum flag_kind)k));
	if (used == 0)
		snprintf(got, len, "-");
	else
		snprintf(got + used, len - used, ":%s", severity_name(top));

	*bad = NULL;
	if (strcmp(want, "-") == 0)
		return as->nflags == 0;
	char *sev = strchr(want, ':');
	if (sev != NULL)
		*sev++ = '\0';
	bool wanted[KIND_COUNT] = {false};
	for (char *save = NULL, *k = strtok_r(want, "+", &save); k != NULL; k = strtok_r(NULL, "+", &save)) {
		enum flag_kind fk = kind_lookup(k);
		if (fk == KIND_NONE) {
			*bad = "an unknown flag kind";
			return false;
		}
		wanted[fk] = true;
	}
	if (sev != NULL && severity_lookup(sev) == SEV_NONE) {
		*bad = "an unknown severity";
		return false;
	}
	return memcmp(kinds, wanted, sizeof kinds) == 0 && (sev == NULL || severity_lookup(sev) == top);
}

int
main(void)
{
	const char *top = getenv("TOP_SRCDIR");
	if (top == NULL)
		top = ".";
	struct catalog cat = {0};
	cat.dirs[0].path = xasprintf("%s/questionbanks", top);
	cat.ndirs = 1;
	struct diag_list dl = {0};
	struct ruleset *rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stdout);
	if (!ok(rs != NULL && rs->model != NULL, "the shipped rules and the built model load"))
		return tap_done();
	struct assessor *a = assessor_new(rs, POLICY_DEFAULT);
	struct matcher *m = matcher_new();

	char *path = xasprintf("%s/tests/unit/lines.test", top);
	FILE *fp = fopen(path, "r");
	if (!ok(fp != NULL, "%s is read", path))
		return tap_done();
	struct dialogue d;
	bool fresh = true;
	unsigned long lineno = 0, cases = 0;
	char buf[2048];
	while (fgets(buf, sizeof buf, fp) != NULL) {
		lineno++;
		buf[strcspn(buf, "\n")] = '\0';
		char *p = buf;
		if (buf[strspn(buf, " \t")] == '\0') {
			fresh = true;
			continue;
		}
		if (buf[strspn(buf, " \t")] == '#')
			continue;
		char *act = word(&p), *category = word(&p), *flags = word(&p);
		char *text = p + strspn(p, " \t");
		enum act want_act = act != NULL ? act_lookup(act) : ACT_NONE;
		enum category want_cat = CAT_NONE;
		bool cat_ok = category != NULL && (strcmp(category, "-") == 0 ||
		    (want_cat = category_lookup(category)) != CAT_NONE);
		if (!ok(want_act != ACT_NONE && cat_ok && flags != NULL && *text != '\0',
		    "lines.test:%lu has an act, a category, flags and a line", lineno))
			continue;
		if (fresh) {
			dialogue_init(&d, model_thresholds(rs->model));
			dialogue_host_asked(&d);
			fresh = false;
		}
		struct assessment as;
		struct understanding u;
		assess_line(a, m, text, strlen(text), NULL, 0, &as);
		dialogue_hear(&d, &as, text, &u);
		char got[128];
		const char *bad;
		char want_flags[128];
		snprintf(want_flags, sizeof want_flags, "%s", flags);
		bool flags_ok = flags_are(&as, want_flags, got, sizeof got, &bad);
		cases++;
		if (!ok(u.act == want_act && u.cat == want_cat && flags_ok && bad == NULL,
		    "lines.test:%lu: \"%s\" is %s %s %s", lineno, text, act, category, flags))
			printf("#   got: %s %s %s%s%s\n", act_name(u.act), u.cat == CAT_NONE ? "-" : category_name(u.cat),
			    got, bad ? "; the row names " : "", bad ? bad : "");
	}
	fclose(fp);
	ok(cases >= 40, "lines.test holds at least 40 cases (%lu)", cases);
	free(path);
	matcher_free(m);
	assessor_free(a);
	ruleset_free(rs);
	free(cat.dirs[0].path);
	return tap_done();
}
