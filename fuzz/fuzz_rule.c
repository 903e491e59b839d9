/*
 * fuzz_rule.c -- libFuzzer target: the rule compiler and matcher.  The
 * first line of the input is a pattern, the rest a subject line; the
 * pattern is compiled as banks' patterns are, and matched under the
 * limits.  Any input must compile or be refused, and match or report a
 * limit, never crash or hang.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "text.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t plen = nl ? (size_t)(nl - (const char *)data) : size;
	char *src = xstrndup((const char *)data, plen);
	const char *subject = nl ? nl + 1 : "";
	size_t slen = nl ? size - plen - 1 : 0;
	struct pattern p = {0};
	char err[300];

	if (strlen(src) == plen && pattern_compile(&p, src, err, sizeof err) &&
	    utf8_valid(subject, slen, NULL)) {
		struct matcher *m = matcher_new();
		size_t so, eo;
		/* Enough matches to reach the JIT-compiled path too. */
		for (int i = 0; i < RULE_JIT_AFTER + 1; i++)
			pattern_match(m, &p, subject, slen, &so, &eo);
		matcher_free(m);
	}
	pattern_free(&p);
	free(src);
	return 0;
}
