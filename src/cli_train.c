/*
 * cli_train.c -- the 'train' command: the learned model, from examples.
 *
 * Reads labelled example files (examples.h) and the questions of banks,
 * cross-validates to choose the model's confidence thresholds, trains on
 * everything and saves the model.  'make' runs it on the shipped
 * examples and banks; a bank author runs it after adding a phrasing.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "examples.h"
#include "files.h"
#include "model.h"
#include "xmalloc.h"

#define DEFAULT_FOLDS 5

static void
train_usage(FILE *fp)
{
	fputs("Usage: infocoach train [OPTION]... [PATH]...\n"
	    "Train the learned model that judges each line's flag, topic and dialogue\n"
	    "act, from labelled examples and the questions of banks.  A PATH is an\n"
	    "example file (.tsv), a bank (.yaml) or a directory of them.  With no\n"
	    "PATH, the example directories and the banks that infocoach finds.\n"
	    "\n"
	    "  -o, --output FILE  where to save the model (default:\n"
	    "                     $XDG_DATA_HOME/infocoach/" MODEL_FILE ",\n"
	    "                     which then wins over the installed one)\n"
	    "      --words FILE   a list of correctly spelt words, one a line (such as\n"
	    "                     /usr/share/dict/words), which the normaliser then\n"
	    "                     never corrects; repeatable\n"
	    "      --folds N      folds of cross-validation to choose the thresholds\n"
	    "                     (default 5; 1 skips it and keeps fixed thresholds)\n"
	    "  -q, --quiet        print nothing but problems\n"
	    "  -h, --help         show this help\n"
	    "\n"
	    "An example file has one LABEL<TAB>TEXT per line, the label a flag\n"
	    "(job_ask, salary, ok), a category or a dialogue act; or it is a labelled\n"
	    "conversation with the header 'conv bank line act category flag text'.\n"
	    "Training is deterministic: the same inputs give the same model.\n"
	    "\n"
	    "Exit status: 0 saved, 2 an input is invalid or unreadable, 3 the model\n"
	    "could not be saved.\n", fp);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add one file: examples or a bank.  False on any problem. */
static bool
add_file(struct example_set *es, const char *path, struct diag_list *dl)
{
	if (ends_with(path, ".yaml") || ends_with(path, ".yml")) {
		struct bank *b = bank_load(path, dl, 0);
		if (b == NULL)
			return false;
		examples_add_bank(es, b);
		bank_free(b);
		return true;
	}
	return examples_read(es, path, dl);
}

/* Add a path: a file, or every .tsv and .yaml of a directory, sorted. */
static bool
add_path(struct example_set *es, const char *path, struct diag_list *dl)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read it: %s", strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode))
		return add_file(es, path, dl);
	DIR *d = opendir(path);
	if (d == NULL) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read the directory: %s", strerror(errno));
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !(ends_with(e->d_name, ".tsv") || ends_with(e->d_name, ".yaml")))
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", path, e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		ok = add_file(es, names[i], dl) && ok;
		free(names[i]);
	}
	free(names);
	return ok;
}

int
cli_train(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"folds", required_argument, NULL, 'F'},
		{"words", required_argument, NULL, 'W'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL;
	bool quiet = false;
	int folds = DEFAULT_FOLDS;
	int c;
	char **wordfiles = NULL;
	size_t nwordfiles = 0, capwf = 0;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'F': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 20)
				return cli_usage_error("train", "--folds takes a number from 1 to 20, not '%s'", optarg);
			folds = (int)v;
			break;
		}
		case 'W':
			xgrow((void **)&wordfiles, &capwf, nwordfiles + 1, sizeof *wordfiles);
			wordfiles[nwordfiles++] = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			train_usage(stdout);
			free(wordfiles);
			return STATUS_OK;
		default:
			fprintf(stderr, "Try 'infocoach train --help' for more information.\n");
			free(wordfiles);
			return STATUS_INVALID;
		}
	}

	struct example_set es = {0};
	struct diag_list dl = {0};
	bool ok = true;
	if (optind < argc) {
		for (int i = optind; i < argc; i++)
			ok = add_path(&es, argv[i], &dl) && ok;
	} else {
		struct catalog cat;
		catalog_init(&cat);
		char **dirs;
		size_t nd = catalog_example_dirs(&cat, &dirs);
		for (size_t i = 0; i < nd; i++) {
			ok = add_path(&es, dirs[i], &dl) && ok;
			free(dirs[i]);
		}
		free(dirs);
		char **paths;
		size_t nb = catalog_list(&cat, "", &paths, NULL);
		for (size_t i = 0; i < nb; i++) {
			ok = add_file(&es, paths[i], &dl) && ok;
			free(paths[i]);
		}
		free(paths);
		catalog_free(&cat);
	}
	for (size_t i = 0; i < nwordfiles; i++)
		ok = examples_read_words(&es, wordfiles[i], &dl) && ok;
	free(wordfiles);
	diag_sort(&dl);
	diag_flush(&dl, stderr);
	if (!ok) {
		examples_free(&es);
		return STATUS_INVALID;
	}
	if (es.n == 0) {
		examples_free(&es);
		diag_error("train: no examples found");
		return STATUS_INVALID;
	}
	examples_finish(&es);

	char *path = output != NULL ? xstrdup(output) : catalog_user_model();
	if (output == NULL) {
		char *dir = xstrdup(path);
		char err[256];
		for (char *p = dir + 1; *p != '\0'; p++)
			if (*p == '/') {
				*p = '\0';
				if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
					diag_error("train: cannot make %s: %s", dir, strerror(errno));
					free(dir);
					free(path);
					examples_free(&es);
					return STATUS_UNSAVED;
				}
				*p = '/';
			}
		(void)err;
		free(dir);
	}
	struct train_report rep;
	char err[512];
	int rc = model_train(es.v, es.n, es.words, es.nwords, folds, path, &rep, err, sizeof err);
	int status = STATUS_OK;
	if (rc != 0) {
		char *q = diag_quote(path);
		diag_error("train: cannot save %s: %s", q, err);
		free(q);
		status = STATUS_UNSAVED;
	} else if (!quiet) {
		char *q = diag_quote(path);
		printf("trained on %zu examples (%zu with a flag, %zu with a category, %zu with an act), "
		    "%zu trusted words\n", es.n, rep.examples[0], rep.examples[1], rep.examples[2], es.nwords);
		if (folds > 1) {
			printf("%d-fold cross-validation:\n", folds);
			printf("  job_ask: precision %.3f, recall %.3f, flagged from p >= %.2f\n", rep.job_p,
			    rep.job_r, rep.thr.job_ask);
			printf("  salary:  precision %.3f, recall %.3f, flagged from p >= %.2f\n", rep.pay_p,
			    rep.pay_r, rep.thr.salary);
			printf("  category accuracy %.3f; the host asks below p %.2f; closing questions "
			    "counted from p >= %.2f\n", rep.cat_acc, rep.thr.category, rep.thr.closing);
			printf("  act accuracy %.3f\n", rep.act_acc);
		}
		printf("saved %s\n", q);
		free(q);
	}
	free(path);
	examples_free(&es);
	return status;
}
