/*
 * cli_check.c -- the 'check' and 'rules' commands.
 *
 * check loads the active rules (catalog.c), then streams every input
 * through the checker (check.c) into the chosen output format (emit.c).
 * rules lists the active rules, or their patterns for pcre2grep -f.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess.h"
#include "catalog.h"
#include "check.h"
#include "cli.h"
#include "diag.h"
#include "duration.h"
#include "emit.h"
#include "letter.h"
#include "settings.h"
#include "summary_html.h"
#include "tally.h"
#include "text.h"
#include "xmalloc.h"

static void
check_usage(FILE *fp)
{
	fputs("Usage: infocoach check [OPTION]... FILE...\n"
	    "Check draft lists of informational-interview questions, one question a\n"
	    "line ('-' reads standard input; .yaml files are checked as banks).\n"
	    "Each question is flagged if it asks for a job, pries into pay, can be\n"
	    "answered by the company website, or is a closed yes/no question; each\n"
	    "list is checked for the closing questions, both tiers, its length and\n"
	    "duplicates.\n"
	    "\n"
	    "  -b, --bank NAME|FILE   use this bank's rules and questions (repeatable;\n"
	    "                         default: general); rule files always apply\n"
	    "  -p, --policy POLICY    severities: strict, default or lenient\n"
	    "  -f, --format FORMAT    text (default), json, sarif, github, or csv (a row\n"
	    "                         per file: questions, findings, job asks, pay\n"
	    "                         questions, closing questions, tiers)\n"
	    "      --summary-html FILE  also write a class summary page to FILE: a row\n"
	    "                         per file and each file's findings beneath\n"
	    "      --fail-on LEVEL    exit 1 on findings at LEVEL or above: error\n"
	    "                         (default), warning, info, or never\n"
	    "  -d, --duration D       planned meeting length (default 30m), e.g. 20m\n"
	    "  -j, --jobs N           check up to N files at a time, in separate processes\n"
	    "                         (default: the number of processors), or share one\n"
	    "                         long draft (256 KiB or more) among N processes; the\n"
	    "                         output is the same as with -j 1, in the order given\n"
	    "  -q, --quiet            text: no suggestions and no summary line\n"
	    "      --color WHEN       text: colour the severities: auto (default, on a\n"
	    "                         terminal), always or never; NO_COLOR is honoured\n"
	    "      --stdin-filename NAME  show standard input ('-') as NAME, as an\n"
	    "                         editor sending its buffer would want\n"
	    "      --letter           the files are requests for an informational interview:\n"
	    "                         check they say how you found the host, value their\n"
	    "                         advice, ask for a short meeting, are not a job ask,\n"
	    "                         offer ways to meet and promise a follow-up\n"
	    "      --thank-you        the files are thank-you notes: brief, thanking the host\n"
	    "                         for their time, naming one thing learned\n"
	    "  -c, --config FILE      read settings from FILE (default:\n"
	    "                         .infocoach.yaml here or in a parent, else\n"
	    "                         $XDG_CONFIG_HOME/infocoach/config.yaml)\n"
	    "      --no-config        read no config file\n"
	    "  -h, --help             show this help\n"
	    "\n"
	    "The config file's bank, policy, duration, color and fail-on apply unless given\n"
	    "here; its severity (such as {too_many: warning}) sets a kind's severity.\n"
	    "\n"
	    "Text output is FILE:LINE:COL: SEVERITY: MESSAGE [RULE], then the suggestion.\n"
	    "Files are read as UTF-8 or UTF-16; one that cannot be read or decoded is a\n"
	    "finding of kind 'unreadable' (an error, status 2), and a draft with no\n"
	    "question a 'no_questions' warning.\n"
	    "Comments turn rules off: '# infocoach: off [RULE...]' up to\n"
	    "'# infocoach: on [RULE...]', '# infocoach: ignore-next-line [RULE...]', or\n"
	    "a question ending in '# infocoach: ignore [RULE...]'; '<!-- ... -->' works\n"
	    "too.  RULE is a rule id or a flag kind (job_ask); none means every rule.\n"
	    "\n"
	    "Exit status: 0 no finding at the failing level, 1 findings at the failing\n"
	    "level, 2 usage error, unreadable or invalid input, or a rule that could\n"
	    "not be evaluated, 3 the --summary-html page could not be written.\n", fp);
}

/* Load the rule set of the banks named (none: the default bank), printing
 * problems.  NULL on error. */
static struct ruleset *
open_rules(const char **banks, size_t nbanks)
{
	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	/* check and rules need the rules, cues and questions, not the
	 * personas: their replies and glossaries are most of a bank. */
	cat.bank_flags = BANK_NO_PERSONAS;
	struct ruleset *rs = catalog_open(&cat, banks, nbanks, &dl);
	diag_flush(&dl, stderr);
	catalog_free(&cat);
	if (rs != NULL && rs->nrules == 0)
		diag_warning("no rules found; is the rules/ folder of the question banks installed?");
	return rs;
}

/* cli_save_page's maker for the class summary. */
static int
make_summary(FILE *fp, void *arg)
{
	return summary_html(fp, arg);
}

/* A --fail-on level or the config file's into *level: a severity, or
 * SEV_NONE for "never".  False when name is neither. */
static bool
fail_on_lookup(const char *name, int *level)
{
	if (strcmp(name, "never") == 0) {
		*level = SEV_NONE;
		return true;
	}
	enum severity sev = severity_lookup(name);
	if (sev == SEV_NONE)
		return false;
	*level = (int)sev;
	return true;
}

/* What the command line (and the config file under it) asked of check. */
struct check_opts {
	struct cli_common co;           /* policy, duration, color, config
	                                   (co.cf: severity per kind) */
	const char **banks;             /* --bank values, else the file's bank
	                                   (borrowed; the array is owned) */
	size_t nbanks;                  /* ... how many */
	enum emit_format format;        /* -f/--format */
	const char *summary;            /* --summary-html FILE, or NULL */
	const char *stdin_name;         /* --stdin-filename NAME, or NULL */
	int letter;                     /* --letter or --thank-you: a
	                                   letter_kind, or -1 for question
	                                   lists */
	int fail_on;                    /* the failing severity; SEV_NONE:
	                                   never */
	bool fail_on_given;             /* ... given on the command line */
	bool quiet;                     /* -q/--quiet */
	size_t jobs;                    /* -j/--jobs */
	char **files;                   /* the operands (in argv) */
	size_t nfiles;                  /* ... how many, at least one */
};

/* check's --format. */
static const struct {
	const char *name;
	enum emit_format format;
} formats[] = {
	{"text", EMIT_TEXT}, {"json", EMIT_JSON}, {"sarif", EMIT_SARIF}, {"github", EMIT_GITHUB}, {"csv", EMIT_CSV},
};

/* cli_parse()'s taker for check's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct check_opts *o = data;
	switch (c) {
	case 'b':
		o->banks[o->nbanks++] = arg;
		return true;
	case 'j': {
		char *end;
		errno = 0;
		unsigned long v = strtoul(arg, &end, 10);
		if (arg[0] < '1' || arg[0] > '9' || *end != '\0' || errno != 0 || v > 1024) {
			cli_usage_error("check", "invalid number of jobs '%s' (expected 1 to 1024)", arg);
			return false;
		}
		o->jobs = (size_t)v;
		return true;
	}
	case 'f':
		for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
			if (strcmp(arg, formats[i].name) == 0) {
				o->format = formats[i].format;
				return true;
			}
		}
		cli_usage_error("check", "invalid format '%s' (expected text, json, sarif, github or csv)", arg);
		return false;
	case 'F':
		o->fail_on_given = true;
		if (!fail_on_lookup(arg, &o->fail_on)) {
			cli_usage_error("check", "invalid level '%s' (expected error, warning, info or never)", arg);
			return false;
		}
		return true;
	case 'H':
		if (arg[0] == '\0' || strcmp(arg, "-") == 0) {
			cli_usage_error("check", "--summary-html needs a file name (standard output has "
			    "the check's own output)");
			return false;
		}
		o->summary = arg;
		return true;
	case 'S':
		if (arg[0] == '\0') {
			cli_usage_error("check", "--stdin-filename needs a name");
			return false;
		}
		o->stdin_name = arg;
		return true;
	case 'q':
		o->quiet = true;
		return true;
	case 'L':
	case 'T': {
		int k = c == 'L' ? LETTER_REQUEST : LETTER_THANKS;
		if (o->letter >= 0 && o->letter != k) {
			cli_usage_error("check", "--letter and --thank-you do not go together");
			return false;
		}
		o->letter = k;
		return true;
	}
	default:
		return false;   /* not in the option table */
	}
}

/*
 * Parse check's options into o and merge the config file under them.
 * Returns CLI_RUN, or an exit status after the help or a message.  o is
 * to be freed with check_opts_free().
 */
static int
parse_check(int argc, char **argv, struct check_opts *o)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"policy", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'f'},
		{"fail-on", required_argument, NULL, 'F'},
		{"duration", required_argument, NULL, 'd'},
		{"quiet", no_argument, NULL, 'q'},
		{"jobs", required_argument, NULL, 'j'},
		{"letter", no_argument, NULL, 'L'},
		{"thank-you", no_argument, NULL, 'T'},
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"stdin-filename", required_argument, NULL, 'S'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"summary-html", required_argument, NULL, 'H'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long nproc = sysconf(_SC_NPROCESSORS_ONLN);
	*o = (struct check_opts){
		.co = {
			.cmd = "check", .usage = check_usage,
			.from_config = CLI_FROM(SETTING_BANK) | CLI_FROM(SETTING_POLICY) |
			    CLI_FROM(SETTING_DURATION) | CLI_FROM(SETTING_COLOR) |
			    CLI_FROM(SETTING_FAIL_ON) | CLI_FROM(SETTING_SEVERITY),
			.policy = POLICY_DEFAULT, .duration = MEETING_DEFAULT_S,
		},
		.banks = xcalloc((size_t)argc + 1, sizeof *o->banks),
		.format = EMIT_TEXT, .letter = -1, .fail_on = SEV_ERROR,
		.jobs = nproc > 0 ? (size_t)nproc : 1,
	};
	int status = cli_parse(argc, argv, "b:p:f:d:c:j:qh", opts, &o->co, take_option, o);
	if (status != CLI_RUN)
		return status;
	if (optind >= argc)
		return cli_usage_error("check", "no file given (use '-' to read standard input)");
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	if (!cli_merge_settings(&o->co))
		return STATUS_INVALID;
	const struct settings *cf = &o->co.cf;
	if (o->nbanks == 0 && o->co.bank != NULL)
		o->banks[o->nbanks++] = o->co.bank;     /* the config file's */
	if (!o->fail_on_given && cf->value[SETTING_FAIL_ON] != NULL)
		fail_on_lookup(cf->value[SETTING_FAIL_ON], &o->fail_on);   /* checked when read */
	if (isatty(STDIN_FILENO)) {
		for (size_t i = 0; i < o->nfiles; i++) {
			if (strcmp(o->files[i], "-") == 0) {
				diag_error("refusing to read questions from a terminal; pipe or redirect a file into '-'");
				return STATUS_INVALID;
			}
		}
	}
	return CLI_RUN;
}

static void
check_opts_free(struct check_opts *o)
{
	cli_common_free(&o->co);
	free(o->banks);
}

/* Check every file o names, in the order named; inputs_ok is cleared
 * when one could not be read. */
static void
check_files(const struct check_opts *o, struct assessor *as, struct emitter *em, bool *inputs_ok,
    unsigned long *files, unsigned long *questions)
{
	unsigned long duration = o->co.duration;
	struct checker *ck = checker_new(as, em, duration);
	checker_set_jobs(ck, o->jobs);
	/* Standard input can be read by one process only: named twice, the
	 * second read finds it at its end, as one process would. */
	size_t stdins = 0;
	for (size_t i = 0; i < o->nfiles; i++)
		stdins += strcmp(o->files[i], "-") == 0;
	if (o->letter < 0 && o->jobs > 1 && o->nfiles > 1 && stdins <= 1) {
		*inputs_ok = checker_parallel(as, em, duration, o->files, o->nfiles, o->stdin_name, o->jobs,
		    files, questions);
	} else {
		for (size_t i = 0; i < o->nfiles; i++) {
			const char *name = strcmp(o->files[i], "-") == 0 ? o->stdin_name : NULL;
			*inputs_ok &= o->letter < 0 ? checker_file(ck, o->files[i], name) :
			    letter_check(as, em, o->files[i], name, (enum letter_kind)o->letter);
		}
		*files = o->letter < 0 ? checker_files(ck) : (unsigned long)o->nfiles;
		*questions = checker_questions(ck);
	}
	checker_free(ck);
}

/* Check what o names into the chosen format; returns the exit status. */
static int
run_check(const struct check_opts *o)
{
	struct ruleset *rs = open_rules(o->banks, o->nbanks);
	if (rs == NULL)
		return STATUS_INVALID;
	struct tally *tally = NULL;
	struct assessor *as = assessor_new(rs, o->co.policy);
	assessor_set_all_rules(as, true);    /* a finding for every rule that fires */
	struct emitter *em = emit_begin(o->format, stdout, rs, o->quiet);
	emit_set_color(em, cli_use_color(o->co.color, isatty(STDOUT_FILENO)));
	emit_set_severities(em, o->co.cf.kind_sev_set, o->co.cf.kind_sev);
	if (o->summary != NULL) {
		tally = tally_new(true);
		emit_set_tally(em, tally);
	}
	diag_set_color(cli_use_color(o->co.color, isatty(STDERR_FILENO)));
	bool inputs_ok = true;
	unsigned long files = 0, questions = 0;
	check_files(o, as, em, &inputs_ok, &files, &questions);
	bool failing = false;
	for (int s = o->fail_on; o->fail_on != SEV_NONE && s < SEV_COUNT; s++)
		failing |= emit_count(em, (enum severity)s) > 0;
	int wrote = emit_end(em, files, questions);
	assessor_free(as);
	ruleset_free(rs);
	int saved = o->summary != NULL ? cli_save_page(o->summary, make_summary, tally) : STATUS_OK;
	tally_free(tally);
	if (wrote < 0 || !inputs_ok)
		return STATUS_INVALID;
	if (saved != STATUS_OK)
		return saved;
	return failing ? STATUS_FINDINGS : STATUS_OK;
}

int
cli_check(int argc, char **argv)
{
	struct check_opts o;
	int status = parse_check(argc, argv, &o);
	if (status == CLI_RUN)
		status = run_check(&o);
	check_opts_free(&o);
	return status;
}

static void
rules_usage(FILE *fp)
{
	fputs("Usage: infocoach rules [OPTION]...\n"
	    "List the active rules: those of every rule file, plus the chosen banks'.\n"
	    "\n"
	    "  -b, --bank NAME|FILE   add this bank's rules (repeatable; default: general)\n"
	    "  -p, --policy POLICY    show severities under strict, default or lenient\n"
	    "  -f, --format FORMAT    text (default), json, or pcre2grep: every positive\n"
	    "                         pattern, one a line, for 'pcre2grep -f'\n"
	    "  -h, --help             show this help\n", fp);
}

/* What the command line asked of rules. */
struct rules_opts {
	struct cli_common co;           /* policy */
	const char **banks;             /* --bank values (borrowed; the array
	                                   is owned) */
	size_t nbanks;                  /* ... how many */
	const char *format;             /* -f/--format: text, json or
	                                   pcre2grep */
};

/* cli_parse()'s taker for rules' own options. */
static bool
take_rules_option(int c, const char *arg, void *data)
{
	struct rules_opts *o = data;
	switch (c) {
	case 'b':
		o->banks[o->nbanks++] = arg;
		return true;
	case 'f':
		if (strcmp(arg, "text") != 0 && strcmp(arg, "json") != 0 && strcmp(arg, "pcre2grep") != 0) {
			cli_usage_error("rules", "invalid format '%s' (expected text, json or pcre2grep)", arg);
			return false;
		}
		o->format = arg;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/* One rule as a JSON object, its severity under policy. */
static void
print_rule_json(const struct rule *r, enum policy policy)
{
	fputs("{\"id\": ", stdout);
	emit_json_string(stdout, r->id);
	printf(", \"kind\": \"%s\", \"severity\": \"%s\", \"file\": ", kind_name(r->kind),
	    severity_name(r->sev[policy]));
	emit_json_string(stdout, r->file);
	printf(", \"line\": %lu, \"message\": ", r->line);
	emit_json_string(stdout, r->message);
	fputs(", \"suggestion\": ", stdout);
	emit_json_string(stdout, r->suggestion);
	fputs(", \"patterns\": [", stdout);
	for (size_t j = 0; j < r->npats; j++) {
		fputs(j ? ", " : "", stdout);
		emit_json_string(stdout, r->pats[j].src);
	}
	fputs("], \"unless\": [", stdout);
	for (size_t j = 0; j < r->nunless; j++) {
		fputs(j ? ", " : "", stdout);
		emit_json_string(stdout, r->unless[j].src);
	}
	fputs("]}", stdout);
}

int
cli_rules(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"policy", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct rules_opts o = {
		.co = {.cmd = "rules", .usage = rules_usage, .policy = POLICY_DEFAULT},
		.banks = xcalloc((size_t)argc + 1, sizeof *o.banks), .format = "text",
	};
	struct ruleset *rs = NULL;
	int status = cli_parse(argc, argv, "b:p:f:h", opts, &o.co, take_rules_option, &o);
	if (status != CLI_RUN)
		goto out;
	status = STATUS_INVALID;
	if (optind < argc) {
		cli_usage_error("rules", "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if ((rs = open_rules(o.banks, o.nbanks)) == NULL)
		goto out;
	bool json = strcmp(o.format, "json") == 0;
	if (json)
		fputs("[", stdout);
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct rule *r = rs->rules[i];
		if (strcmp(o.format, "pcre2grep") == 0) {
			/* Our compile options, spelled as pattern-start verbs. */
			for (size_t j = 0; j < r->npats; j++)
				printf("(*UTF)(*UCP)(?i)%s\n", r->pats[j].src);
		} else if (json) {
			fputs(i ? ",\n  " : "\n  ", stdout);
			print_rule_json(r, o.co.policy);
		} else {
			printf("%-28s %-10s %-7s ", r->id, kind_name(r->kind), severity_name(r->sev[o.co.policy]));
			text_write_safe(stdout, r->message, strlen(r->message));
			putchar('\n');
		}
	}
	if (json)
		fputs(rs->nrules ? "\n]\n" : "]\n", stdout);
	status = STATUS_OK;
out:
	ruleset_free(rs);
	free(o.banks);
	return status;
}
