/*
 * replay.c -- run a fuzz target over saved inputs, for make check: every
 * file named on the command line, and every file in each directory named,
 * is passed to LLVMFuzzerTestOneInput once.  Prints TAP: a crash or a
 * sanitizer report fails the test by killing it.
 */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int n;

static void
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL) {
		printf("not ok %d - cannot open %s\n", ++n, path);
		return;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		xgrow((void **)&buf, &cap, len + 65536, 1);
		size_t r = fread(buf + len, 1, cap - len, fp);
		len += r;
		if (r == 0)
			break;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	printf("ok %d - %s\n", ++n, path);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			struct dirent **list;
			int k = scandir(argv[i], &list, NULL, alphasort);
			for (int j = 0; j < k; j++) {
				if (list[j]->d_name[0] != '.') {
					char *p = xasprintf("%s/%s", argv[i], list[j]->d_name);
					run_file(p);
					free(p);
				}
				free(list[j]);
			}
			if (k >= 0)
				free(list);
		} else {
			run_file(argv[i]);
		}
	}
	printf("1..%d\n", n);
	return 0;
}
