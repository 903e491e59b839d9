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

/* What the command line asked of train. */
struct train_opts {
	struct cli_common co;           /* only the command's name and help */
	const char *output;             /* -o/--output FILE, or NULL: the
	                                   user's model */
	int folds;                      /* --folds */
	const char **wordfiles;         /* --words FILEs (borrowed; the array
	                                   is owned) */
	size_t nwordfiles;              /* ... how many */
	size_t capwf;                   /* ... room for */
	bool quiet;                     /* -q/--quiet */
};

/* cli_parse()'s taker for train's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct train_opts *o = data;
	switch (c) {
	case 'o':
		o->output = arg;
		return true;
	case 'F': {
		char *end;
		long v = strtol(arg, &end, 10);
		if (*end != '\0' || v < 1 || v > 20) {
			cli_usage_error("train", "--folds takes a number from 1 to 20, not '%s'", arg);
			return false;
		}
		o->folds = (int)v;
		return true;
	}
	case 'W':
		xgrow((void **)&o->wordfiles, &o->capwf, o->nwordfiles + 1, sizeof *o->wordfiles);
		o->wordfiles[o->nwordfiles++] = arg;
		return true;
	case 'q':
		o->quiet = true;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/* Read the examples of the paths named (none: the example directories
 * and the banks found) and o's word lists into es, printing every
 * problem.  False when one was found. */
static bool
gather_examples(const struct train_opts *o, char **paths, size_t npaths, struct example_set *es)
{
	struct diag_list dl = {0};
	bool ok = true;
	if (npaths > 0) {
		for (size_t i = 0; i < npaths; i++)
			ok = add_path(es, paths[i], &dl) && ok;
	} else {
		struct catalog cat;
		catalog_init(&cat);
		char **dirs;
		size_t nd = catalog_example_dirs(&cat, &dirs);
		for (size_t i = 0; i < nd; i++) {
			ok = add_path(es, dirs[i], &dl) && ok;
			free(dirs[i]);
		}
		free(dirs);
		char **banks;
		size_t nb = catalog_list(&cat, "", &banks, NULL);
		for (size_t i = 0; i < nb; i++) {
			ok = add_file(es, banks[i], &dl) && ok;
			free(banks[i]);
		}
		free(banks);
		catalog_free(&cat);
	}
	for (size_t i = 0; i < o->nwordfiles; i++)
		ok = examples_read_words(es, o->wordfiles[i], &dl) && ok;
	diag_sort(&dl);
	diag_flush(&dl, stderr);
	return ok;
}

/* Make the directories above path (the user's model); false after a
 * message. */
static bool
make_parents(const char *path)
{
	char *dir = xstrdup(path);
	bool ok = true;
	for (char *p = dir + 1; *p != '\0' && ok; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			diag_error("train: cannot make %s: %s", dir, strerror(errno));
			ok = false;
		}
		*p = '/';
	}
	free(dir);
	return ok;
}

/* What training gave, for the one who ran it. */
static void
print_report(const struct example_set *es, const struct train_report *rep, int folds, const char *path)
{
	char *q = diag_quote(path);
	printf("trained on %zu examples (%zu with a flag, %zu with a category, %zu with an act), "
	    "%zu trusted words\n", es->n, rep->examples[0], rep->examples[1], rep->examples[2], es->nwords);
	if (folds > 1) {
		printf("%d-fold cross-validation:\n", folds);
		printf("  job_ask: precision %.3f, recall %.3f, flagged from p >= %.2f\n", rep->job_p,
		    rep->job_r, rep->thr.job_ask);
		printf("  salary:  precision %.3f, recall %.3f, flagged from p >= %.2f\n", rep->pay_p,
		    rep->pay_r, rep->thr.salary);
		printf("  category accuracy %.3f; the host asks below p %.2f; closing questions "
		    "counted from p >= %.2f\n", rep->cat_acc, rep->thr.category, rep->thr.closing);
		printf("  act accuracy %.3f\n", rep->act_acc);
	}
	printf("saved %s\n", q);
	free(q);
}

/* Train on what o and the paths name and save the model; returns the
 * exit status. */
static int
run_train(const struct train_opts *o, char **paths, size_t npaths)
{
	struct example_set es = {0};
	char *path = NULL;
	int status = STATUS_INVALID;
	if (!gather_examples(o, paths, npaths, &es))
		goto out;
	if (es.n == 0) {
		diag_error("train: no examples found");
		goto out;
	}
	examples_finish(&es);

	path = o->output != NULL ? xstrdup(o->output) : catalog_user_model();
	if (o->output == NULL && !make_parents(path)) {
		status = STATUS_UNSAVED;
		goto out;
	}
	struct train_report rep;
	char err[512];
	if (model_train(es.v, es.n, es.words, es.nwords, o->folds, path, &rep, err, sizeof err) != 0) {
		char *q = diag_quote(path);
		diag_error("train: cannot save %s: %s", q, err);
		free(q);
		status = STATUS_UNSAVED;
		goto out;
	}
	if (!o->quiet)
		print_report(&es, &rep, o->folds, path);
	status = STATUS_OK;
out:
	free(path);
	examples_free(&es);
	return status;
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
	struct train_opts o = {.co = {.cmd = "train", .usage = train_usage}, .folds = DEFAULT_FOLDS};
	int status = cli_parse(argc, argv, "o:qh", opts, &o.co, take_option, &o);
	if (status == CLI_RUN)
		status = run_train(&o, argv + optind, (size_t)(argc - optind));
	free(o.wordfiles);
	return status;
}
