/* Unit tests for bank.c: schema validation of banks and rule files. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "tap.h"

static const char rules_ok[] =
    "format: 1\n"
    "id: mini\n"
    "title: Mini rules\n"
    "rules:\n"
    "  - id: job-ask.hiring\n"
    "    kind: job_ask\n"
    "    severity: error\n"
    "    policy: {lenient: warning}\n"
    "    patterns: ['\\bare you hiring\\b']\n"
    "    unless: ['\\bnot asking\\b']\n"
    "    message: It turns the meeting into a job interview.\n"
    "    suggestion: Ask how people find their way into the team.\n"
    "    examples:\n"
    "      flag: [Are you hiring?, 'ARE YOU HIRING now']\n"
    "      pass: [I'm not asking but are you hiring?, How did you get hired?]\n"
    "cues:\n"
    "  typical_day: ['\\btypical day\\b']\n";

/* Load text; the number of diagnostics, and all of them as "L:C: msg\n" lines. */
static struct bank *
load(const char *text, char *first, size_t n, size_t *count)
{
	struct diag_list dl = {0};
	struct bank *b = bank_parse("b.yaml", text, strlen(text), &dl, BANK_EXAMPLES);
	diag_sort(&dl);
	first[0] = '\0';
	for (size_t i = 0, used = 0; i < dl.n && used < n; i++)
		used += (size_t)snprintf(first + used, n - used, "%lu:%lu: %s\n", dl.v[i].line,
		    dl.v[i].col, dl.v[i].msg);
	*count = dl.n;
	diag_clear(&dl);
	return b;
}

/* The rule file above with one substring replaced. */
static char *
variant(const char *from, const char *to)
{
	const char *at = strstr(rules_ok, from);
	if (at == NULL)
		abort();
	size_t a = (size_t)(at - rules_ok), lf = strlen(from), lt = strlen(to);
	char *s = malloc(sizeof rules_ok + lt);
	memcpy(s, rules_ok, a);
	memcpy(s + a, to, lt);
	strcpy(s + a + lt, at + lf);
	return s;
}

int
main(void)
{
	char e[4000];
	size_t n;
	struct bank *b = load(rules_ok, e, sizeof e, &n);

	ok(b != NULL && n == 0, "a valid rule file loads");
	ok(b && b->rules_only && b->nrules == 1 && b->ncues == 1, "one rule, one cue");
	ok(b && b->rules[0].kind == KIND_JOB_ASK && b->rules[0].sev[POLICY_DEFAULT] == SEV_ERROR &&
	    b->rules[0].sev[POLICY_LENIENT] == SEV_WARNING && b->rules[0].sev[POLICY_STRICT] == SEV_ERROR,
	    "severity and policy");
	bank_free(b);

	struct { const char *from, *to, *want; } cases[] = {
		{"severity: error", "severity: fatal",
		    "7:15: unknown severity 'fatal'; expected one of: info, warning, error"},
		{"    message:", "    mesage:",
		    "11:5: unknown key 'mesage' in rule 'job-ask.hiring'; did you mean 'message'?"},
		{"'\\bare you hiring\\b'", "'(are you hiring'",
		    "9:16: rule 'job-ask.hiring': invalid pattern at offset 15: missing closing parenthesis"},
		{"'\\bare you hiring\\b'", "'x*'",
		    "9:16: rule 'job-ask.hiring': pattern matches the empty string, so it would match every line"},
		{"'\\bare you hiring\\b'", "'a\\Cb'",
		    "9:16: rule 'job-ask.hiring': invalid pattern at offset 3: using \\C is disabled"},
		{"How did you get hired?", "Are you hiring anyone?",
		    "15:50: rule 'job-ask.hiring' flags its pass example \"Are you hiring anyone?\" (matched \"Are you hiring\")"},
		{"'ARE YOU HIRING now'", "'Any openings?'",
		    "14:31: rule 'job-ask.hiring' does not flag its example \"Any openings?\""},
		{"format: 1", "format: 2", "1:9: unsupported format 2; this version of infocoach reads format 1"},
		{"id: mini", "id: 12", "2:5: 'id' must be text, not a number (put it in quotes)"},
		{"id: mini", "id: Mini", "2:5: 'id' must be lowercase letters, digits and '-_', starting with a letter or digit: 'Mini'"},
		{"  typical_day:", "  typical_days:", "17:3: unknown category 'typical_days'; did you mean 'typical_day'?"},
		{"    kind: job_ask\n", "", "5:5: rule 'job-ask.hiring' lacks the required key 'kind'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = variant(cases[i].from, cases[i].to);
		b = load(text, e, sizeof e, &n);
		char line[300];
		snprintf(line, sizeof line, "%s", cases[i].want);
		if (!ok(b == NULL && n >= 1 && strstr(e, line) != NULL, "%s", cases[i].want))
			printf("#   got: %s\n", e);
		bank_free(b);
		free(text);
	}

	/* All problems of a file in one run. */
	char *two = variant("severity: error", "severity: fatal\n    colour: red");
	b = load(two, e, sizeof e, &n);
	ok(b == NULL && n == 2, "two problems reported in one run (%zu)", n);
	free(two);
	return tap_done();
}
