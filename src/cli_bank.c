/*
 * cli_bank.c -- the 'validate' and 'banks' commands.
 *
 * validate loads each file given with bank.c and prints every problem;
 * banks lists what the catalog finds.  Neither changes anything on disk.
 */
#include <config.h>

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "text.h"
#include "xmalloc.h"

static void
validate_usage(FILE *fp)
{
	fputs("Usage: infocoach validate [OPTION]... FILE...\n"
	    "Check question banks and rule files: the YAML, the schema, that every\n"
	    "pattern compiles and that every rule's examples hold.  Problems are\n"
	    "printed as FILE:LINE:COL: error: MESSAGE, all of them in one run.\n"
	    "\n"
	    "  -q, --quiet    print nothing for files without problems\n"
	    "  -h, --help     show this help\n"
	    "\n"
	    "Exit status: 0 every file is valid, 2 a file has problems or cannot be read.\n", fp);
}

int
cli_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool quiet = false;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+qh", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = true;
			break;
		case 'h':
			validate_usage(stdout);
			return STATUS_OK;
		default:
			fprintf(stderr, "Try 'infocoach validate --help' for more information.\n");
			return STATUS_INVALID;
		}
	}
	if (optind >= argc)
		return cli_usage_error("validate", "no file given");

	int status = STATUS_OK;
	for (int i = optind; i < argc; i++) {
		struct diag_list dl = {0};
		struct bank *b = bank_load(argv[i], &dl, BANK_EXAMPLES);
		diag_flush(&dl, stderr);
		if (b == NULL) {
			status = STATUS_INVALID;
			continue;
		}
		if (!quiet) {
			char *name = diag_quote(argv[i]);
			if (b->rules_only)
				printf("%s: rule file '%s': %zu %s, %zu %s\n", name, b->id,
				    b->nrules, b->nrules == 1 ? "rule" : "rules",
				    b->ncues, b->ncues == 1 ? "cue" : "cues");
			else
				printf("%s: bank '%s': %zu %s, %zu %s, %zu %s\n", name, b->id,
				    b->npersonas, b->npersonas == 1 ? "persona" : "personas",
				    b->nquestions, b->nquestions == 1 ? "question" : "questions",
				    b->nrules, b->nrules == 1 ? "rule" : "rules");
			free(name);
		}
		bank_free(b);
	}
	return status;
}

static void
banks_usage(FILE *fp)
{
	fputs("Usage: infocoach banks [OPTION]...\n"
	    "List the question banks and rule files found, where they were found, and\n"
	    "their personas.  Banks are searched in $XDG_DATA_HOME/infocoach/questionbanks,\n"
	    "the source tree (when run from the build tree) and the installed data\n"
	    "directory, in that order; the first file with a given name wins.\n"
	    "\n"
	    "  -b, --bank NAME|FILE  also list this bank (repeatable)\n"
	    "      --names           print only the names of the banks found, one a line\n"
	    "      --personas        print only the persona ids of the --bank given (or of\n"
	    "                        the default bank), one a line\n"
	    "  -h, --help            show this help\n", fp);
}

static bool
print_bank(const char *path, const char *origin, struct diag_list *dl)
{
	struct bank *b = bank_load(path, dl, 0);
	if (b == NULL)
		return false;
	char *p = diag_quote(path);
	if (b->rules_only) {
		text_printf(stdout, "%-18s %-40s (%s: %s)\n", b->id, b->title, origin, p);
		printf("  %zu rules, %zu cues\n", b->nrules, b->ncues);
	} else {
		text_printf(stdout, "%-18s %-40s (%s: %s)\n", b->id, b->title, origin, p);
		text_printf(stdout, "  field: %s; %zu questions, %zu rules\n", b->field, b->nquestions, b->nrules);
		for (size_t i = 0; i < b->npersonas; i++) {
			const struct persona *ps = &b->personas[i];
			text_printf(stdout, "  persona %-10s %s, %s at %s (%d years, %s)\n", ps->id, ps->name,
			    ps->role, ps->employer, ps->years, ps->style);
		}
	}
	free(p);
	bank_free(b);
	return true;
}

static int
list_names(const struct catalog *cat)
{
	char **paths;
	size_t n = catalog_list(cat, "", &paths, NULL);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(paths[i], '/');
		base = base ? base + 1 : paths[i];
		size_t l = strlen(base);
		printf("%.*s\n", (int)(l > 5 ? l - 5 : l), base);
		free(paths[i]);
	}
	free(paths);
	return STATUS_OK;
}

static int
list_personas(const struct catalog *cat, const char *bank)
{
	struct diag_list dl = {0};
	char *path = catalog_find(cat, bank ? bank : CATALOG_DEFAULT_BANK);
	struct bank *b = path ? bank_load(path, &dl, 0) : NULL;
	free(path);
	diag_flush(&dl, stderr);
	if (b == NULL)
		return STATUS_INVALID;
	for (size_t i = 0; i < b->npersonas; i++)
		printf("%s\n", b->personas[i].id);
	bank_free(b);
	return STATUS_OK;
}

int
cli_banks(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"names", no_argument, NULL, 'N'},
		{"personas", no_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct catalog cat;
	struct diag_list dl = {0};
	char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
	size_t nextra = 0;
	int status = STATUS_OK, c;
	bool names = false, personas = false;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+b:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			extra[nextra++] = optarg;
			break;
		case 'N':
			names = true;
			break;
		case 'P':
			personas = true;
			break;
		case 'h':
			banks_usage(stdout);
			free(extra);
			return STATUS_OK;
		default:
			fprintf(stderr, "Try 'infocoach banks --help' for more information.\n");
			free(extra);
			return STATUS_INVALID;
		}
	}
	if (optind < argc) {
		free(extra);
		return cli_usage_error("banks", "unexpected argument '%s'", argv[optind]);
	}
	catalog_init(&cat);
	if (names || personas) {
		/* Plain lists, for shell completion and scripts. */
		status = names ? list_names(&cat) : list_personas(&cat, nextra ? extra[nextra - 1] : NULL);
		catalog_free(&cat);
		free(extra);
		return status;
	}
	for (size_t i = 0; i < nextra; i++) {
		char *path = catalog_find(&cat, extra[i]);
		if (path == NULL) {
			diag_add(&dl, extra[i], 0, 0, SEV_ERROR, "no such bank");
			status = STATUS_INVALID;
			continue;
		}
		if (!print_bank(path, "--bank", &dl))
			status = STATUS_INVALID;
		free(path);
	}
	const char *subs[] = {"", "rules"};
	size_t total = 0;
	for (size_t s = 0; s < 2; s++) {
		char **paths;
		const char **origins;
		size_t n = catalog_list(&cat, subs[s], &paths, &origins);
		if (s == 1 && n > 0)
			printf("\nRule files:\n");
		for (size_t i = 0; i < n; i++) {
			if (!print_bank(paths[i], origins[i], &dl))
				status = STATUS_INVALID;
			free(paths[i]);
		}
		total += n;
		free(paths);
		free(origins);
	}
	if (total + nextra == 0) {
		diag_error("no question banks found in $XDG_DATA_HOME/infocoach/questionbanks "
		    "(default ~/.local/share/infocoach/questionbanks) or %s", PKGDATADIR "/questionbanks");
		status = STATUS_INVALID;
	}
	diag_flush(&dl, stderr);
	catalog_free(&cat);
	free(extra);
	return status;
}
