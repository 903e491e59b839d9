/*
 * catalog.h -- where banks and rule files are found, and which are active.
 *
 * Banks are looked up by name (NAME.yaml) in a fixed list of directories:
 * $XDG_DATA_HOME/infocoach/questionbanks, the source tree when the program
 * runs from its build tree, $(pkgdatadir)/questionbanks, and
 * infocoach/questionbanks in each of $XDG_DATA_DIRS.  The first
 * file with a given name wins.  Rule files live in a rules/ folder of the
 * same directories.  catalog_open() then loads the rule files and the
 * chosen banks into one set of rules and cues for the checker and the
 * coach.  Loading and validating a single file is bank.c's job.
 */
#ifndef INFOCOACH_CATALOG_H
#define INFOCOACH_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "bank.h"
#include "diag.h"
#include "model.h"

#define CATALOG_DEFAULT_BANK "general"

struct catalog_dir {
	char *path;             /* directory (owned) */
	const char *origin;     /* "XDG_DATA_HOME", "source tree", "installed",
	                           "XDG_DATA_DIRS" */
};

struct catalog {
	struct catalog_dir dirs[12]; /* search order; further ones are ignored */
	size_t ndirs;
	unsigned bank_flags;    /* passed to bank_load by catalog_open (0:
	                           everything; BANK_NO_PERSONAS for check) */
};

/* Fill c with the search directories that exist.  Never fails. */
void catalog_init(struct catalog *c);
void catalog_free(struct catalog *c);

/*
 * The file for a --bank argument: an existing path (anything with a '/'
 * or ending in .yaml) is taken as it is; a name is looked up as NAME.yaml.
 * Returns a newly allocated path, or NULL when no such bank is found.
 */
char *catalog_find(const struct catalog *c, const char *name_or_path);

/*
 * The learned model's file (MODEL_FILE under the data directories, in
 * the order banks are searched, the build tree's own when the program
 * runs from it), or $INFOCOACH_MODEL when set.  Returns a newly
 * allocated path, or NULL when there is none.
 */
char *catalog_find_model(const struct catalog *c);

/* Where 'infocoach train' saves by default: MODEL_FILE under
 * $XDG_DATA_HOME/infocoach (newly allocated). */
char *catalog_user_model(void);

/* The example directories that exist (examples/ beside each bank
 * directory), in search order; returns the count, free each and the
 * array. */
size_t catalog_example_dirs(const struct catalog *c, char ***dirs);

/* Whether a --bank argument names a file (it has a '/' or ends in .yaml
 * or .yml) rather than a bank. */
bool catalog_names_file(const char *name);

/*
 * Every *.yaml in sub ("" for banks, "rules" for rule files) of the
 * search directories, the first of each file name winning, sorted by file
 * name.  *origins (may be NULL) receives each file's origin.  Returns the
 * count; free the paths and both arrays.
 */
size_t catalog_list(const struct catalog *c, const char *sub, char ***paths,
    const char ***origins);

/* The active rules, cues and banks of one run. */
struct ruleset {
	struct bank **files;    /* every loaded file (owned) */
	size_t nfiles;
	struct bank **banks;    /* the banks among them, in --bank order (borrowed) */
	size_t nbanks;
	const struct rule **rules; /* every rule, rule files first (borrowed) */
	size_t nrules;
	const struct cue **cues;   /* every cue (borrowed) */
	size_t ncues;
	struct model *model;    /* the learned model (owned), or NULL */
	struct bank *reference; /* the default bank, when it is not among
	                           banks: its questions teach the classifier
	                           all the same, so what a question is about
	                           does not depend on the bank chosen (owned),
	                           or NULL */
};

/*
 * Load every rule file, then the banks named in names[0..n) (the default
 * bank when n is 0), and the default bank as the reference when it is not
 * one of them and can be found.  All problems go to dl.  Returns the set, or NULL
 * when any file failed to load or two files define the same rule id.
 */
struct ruleset *catalog_open(const struct catalog *c, const char *const *names, size_t n,
    struct diag_list *dl);

/* Free a ruleset and the banks it loaded; NULL is fine. */
void ruleset_free(struct ruleset *rs);

#endif
