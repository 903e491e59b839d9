/*
 * fuzz_check.c -- libFuzzer target: the batch checker on an arbitrary
 * draft, with the shipped rules, every output format in turn.  Any input
 * must be checked or reported, never crash or hang.
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "assess.h"
#include "catalog.h"
#include "check.h"
#include "emit.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct ruleset *rs;
static struct assessor *as;
static FILE *devnull;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct catalog cat = {0};
	const char *top = getenv("TOP_SRCDIR");
	cat.dirs[0].path = xasprintf("%s/questionbanks", top ? top : ABS_TOP_SRCDIR);
	cat.ndirs = 1;
	struct diag_list dl = {0};
	rs = catalog_open(&cat, NULL, 0, &dl);
	diag_flush(&dl, stderr);
	free(cat.dirs[0].path);
	if (rs == NULL)
		abort();
	as = assessor_new(rs, POLICY_DEFAULT);
	devnull = fopen("/dev/null", "w");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int round;
	int fd = memfd_create("draft", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	struct emitter *e = emit_begin((enum emit_format)(round++ % 4), devnull, rs, false);
	struct checker *c = checker_new(as, e, 1800);
	checker_fd(c, "fuzz.txt", fd);
	checker_free(c);
	emit_end(e, 1, 0);
	close(fd);
	return 0;
}
