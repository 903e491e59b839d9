/* Unit tests for ytree.c: the bounded YAML reader. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tap.h"
#include "ytree.h"

/* Parse text; return the first diagnostic as "L:C: msg" in buf. */
static struct ynode *
parse(const char *text, size_t len, char *buf, size_t n, size_t *count)
{
	struct diag_list dl = {0};
	struct ynode *root = ytree_parse("t.yaml", text, len, &dl);
	buf[0] = '\0';
	if (dl.n > 0)
		snprintf(buf, n, "%lu:%lu: %s", dl.v[0].line, dl.v[0].col, dl.v[0].msg);
	*count = dl.n;
	diag_clear(&dl);
	return root;
}

#define P(text, buf, count) parse(text, sizeof(text) - 1, buf, sizeof buf, count)

int
main(void)
{
	char e[300];
	size_t n;
	struct ynode *r;

	r = P("a: 1\nb: [x, 'y']\n", e, &n);
	ok(r != NULL && n == 0, "a small mapping loads");
	ok(r && r->type == YNODE_MAP && r->nkids == 4, "two keys, two values");
	const struct ynode *k;
	const struct ynode *b = ynode_get(r, "b", &k);
	ok(b && b->type == YNODE_SEQ && b->nkids == 2, "b is a list of two");
	ok(k && k->line == 2 && k->col == 1, "key b is at 2:1");
	ok(b && b->kids[1]->line == 2 && b->kids[1]->col == 8 && !b->kids[1]->plain,
	    "'y' is at 2:8 and quoted");
	ynode_free(r);

	r = P("a:\n  b: 1\n c: 2\n", e, &n);
	ok(r == NULL && strstr(e, "3:2: did not find expected key while parsing a block mapping that started at 1:1") == e, "bad indentation at 3:2 (%s)", e);

	r = P("a:\n\tb: 1\n", e, &n);
	ok(r == NULL && strstr(e, "2:1: ") == e && strstr(e, "tabs cannot be used for indentation"),
	    "tab indentation named at 2:1 (%s)", e);

	r = P("a: b\nc: \0d\n", e, &n);
	ok(r == NULL && strcmp(e, "2:4: NUL byte is not allowed in a bank file") == 0, "NUL at 2:4 (%s)", e);

	r = P("q: \xff\n", e, &n);
	ok(r == NULL && strncmp(e, "1:4: invalid UTF-8 (byte 0xFF)", 30) == 0, "bad UTF-8 at 1:4 (%s)", e);

	r = P("q: caf\xc3\xa9 \x07\n", e, &n);
	ok(r == NULL && strcmp(e, "1:9: control character U+0007 is not allowed") == 0,
	    "control character column counts code points (%s)", e);

	r = P("\xef\xbb\xbf" "q: [1, *x]\n", e, &n);
	ok(strncmp(e, "1:8: aliases are not supported", 30) == 0, "BOM does not shift columns (%s)", e);
	ynode_free(r);

	r = P("a: 1\r\nb: 2\r\na: 3\r\n", e, &n);
	ok(r != NULL && strcmp(e, "3:1: duplicate key 'a' (first defined at 1:1)") == 0,
	    "duplicate key with CRLF at 3:1 (%s)", e);
	ok(r && strcmp(ynode_get(r, "b", NULL)->str, "2") == 0, "CRLF leaves no stray CR");
	ynode_free(r);

	r = P("a: &x 1\nb: *x\n", e, &n);
	ok(n == 2 && strncmp(e, "1:4: anchors are not supported", 30) == 0, "anchors refused (%s)", e);
	ynode_free(r);

	r = P("a: !!binary aGk=\n", e, &n);
	ok(strncmp(e, "1:4: tags are not supported", 27) == 0, "tags refused (%s)", e);
	ynode_free(r);

	r = P("<<: {a: 1}\n", e, &n);
	ok(strncmp(e, "1:1: merge keys", 15) == 0, "merge keys refused (%s)", e);
	ynode_free(r);

	r = P("a: 1\n---\nb: 2\n", e, &n);
	ok(r == NULL && strncmp(e, "2:1: expected a single document", 31) == 0, "second document refused (%s)", e);

	r = P("", e, &n);
	ok(r == NULL && strstr(e, "no YAML document") != NULL, "empty file (%s)", e);

	r = P("q: \"abc\nx: 1", e, &n);
	ok(r == NULL && strstr(e, "quoted scalar that started at 1:4") != NULL, "unclosed quote names its start (%s)", e);

	/* Deep nesting stops at the cap, fast, with the position of the level past it. */
	size_t deep = 100000;
	char *big = malloc(deep * 2);
	memset(big, '[', deep);
	memset(big + deep, ']', deep);
	struct diag_list dl = {0};
	r = ytree_parse("deep.yaml", big, deep * 2, &dl);
	ok(r == NULL && dl.n == 1 && dl.v[0].line == 1 && dl.v[0].col == 65 &&
	    strstr(dl.v[0].msg, "nesting deeper than 64") != NULL, "100,000 brackets: depth error at 1:65");
	diag_clear(&dl);
	free(big);

	r = P("a: 12\nb: '12'\nc: ~\nd: true\ne: no\n", e, &n);
	ok(r && strcmp(ynode_plain_type(ynode_get(r, "a", NULL)), "number") == 0, "plain 12 is a number");
	ok(r && ynode_plain_type(ynode_get(r, "b", NULL)) == NULL, "quoted '12' is text");
	ok(r && strcmp(ynode_plain_type(ynode_get(r, "c", NULL)), "null") == 0, "~ is null");
	ok(r && strcmp(ynode_plain_type(ynode_get(r, "d", NULL)), "boolean") == 0, "true is a boolean");
	ok(r && ynode_plain_type(ynode_get(r, "e", NULL)) == NULL, "YAML 1.1 'no' is text");
	ynode_free(r);

	dl = (struct diag_list){0};
	r = ytree_load("/nonexistent/bank.yaml", &dl);
	ok(r == NULL && dl.n == 1 && strstr(dl.v[0].msg, "No such file") != NULL, "missing file");
	diag_clear(&dl);
	r = ytree_load("/", &dl);
	ok(r == NULL && dl.n == 1 && strstr(dl.v[0].msg, "directory") != NULL, "a directory is refused");
	diag_clear(&dl);
	r = ytree_load("/dev/zero", &dl);
	ok(r == NULL && dl.n == 1 && strstr(dl.v[0].msg, "not a regular file") != NULL, "/dev/zero is refused");
	diag_clear(&dl);
	return tap_done();
}
