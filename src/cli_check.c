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
	    "                         (default: the number of processors); the output\n"
	    "                         is the same as with -j 1, in the order of the files\n"
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

/* Options shared by check and rules. */
struct common {
	const char **banks;     /* --bank values (borrowed from argv) */
	size_t nbanks;
	enum policy policy;
};

static bool
parse_policy(const char *cmd, const char *arg, enum policy *out)
{
	int p = policy_lookup(arg);
	if (p < 0) {
		cli_usage_error(cmd, "invalid policy '%s' (expected strict, default or lenient)", arg);
		return false;
	}
	*out = (enum policy)p;
	return true;
}

/* Load the rule set for the options, printing problems.  NULL on error. */
static struct ruleset *
open_rules(const struct common *co)
{
	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	/* check and rules need the rules, cues and questions, not the
	 * personas: their replies and glossaries are most of a bank. */
	cat.bank_flags = BANK_NO_PERSONAS;
	struct ruleset *rs = catalog_open(&cat, co->banks, co->nbanks, &dl);
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

int
cli_check(int argc, char **argv)
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
	struct common co = {xcalloc((size_t)argc + 1, sizeof *co.banks), 0, POLICY_DEFAULT};
	enum emit_format format = EMIT_TEXT;
	const char *summary = NULL;   /* --summary-html FILE */
	struct tally *tally = NULL;
	const char *stdin_name = NULL, *color = NULL;
	int letter = -1;   /* a letter_kind, or -1 for question lists */
	int fail_on = SEV_ERROR;   /* SEV_NONE: never */
	bool fail_on_given = false;
	unsigned long duration = MEETING_DEFAULT_S;
	bool quiet = false, duration_given = false, policy_given = false, no_config = false;
	long nproc = sysconf(_SC_NPROCESSORS_ONLN);
	size_t jobs = nproc > 0 ? (size_t)nproc : 1;
	const char *config_path = NULL;
	struct settings cf = {0};
	int status = STATUS_INVALID, c;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "b:p:f:d:c:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			co.banks[co.nbanks++] = optarg;
			break;
		case 'j': {
			char *end;
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (optarg[0] < '1' || optarg[0] > '9' || *end != '\0' || errno != 0 || v > 1024) {
				cli_usage_error("check", "invalid number of jobs '%s' (expected 1 to 1024)", optarg);
				goto out;
			}
			jobs = (size_t)v;
			break;
		}
		case 'p':
			if (!parse_policy("check", optarg, &co.policy))
				goto out;
			policy_given = true;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = EMIT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = EMIT_JSON;
			else if (strcmp(optarg, "sarif") == 0)
				format = EMIT_SARIF;
			else if (strcmp(optarg, "github") == 0)
				format = EMIT_GITHUB;
			else if (strcmp(optarg, "csv") == 0)
				format = EMIT_CSV;
			else {
				cli_usage_error("check", "invalid format '%s' (expected text, json, sarif, github or csv)",
				    optarg);
				goto out;
			}
			break;
		case 'F':
			fail_on_given = true;
			if (strcmp(optarg, "never") == 0)
				fail_on = SEV_NONE;
			else if ((fail_on = severity_lookup(optarg)) == SEV_NONE) {
				cli_usage_error("check", "invalid level '%s' (expected error, warning, info or never)", optarg);
				goto out;
			}
			break;
		case 'd':
			if (!duration_parse(optarg, &duration)) {
				cli_usage_error("check", "invalid duration '%s' (" DURATION_HINT ")", optarg);
				goto out;
			}
			duration_given = true;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'H':
			if (optarg[0] == '\0' || strcmp(optarg, "-") == 0) {
				cli_usage_error("check", "--summary-html needs a file name (standard output has "
				    "the check's own output)");
				goto out;
			}
			summary = optarg;
			break;
		case 'N':
			no_config = true;
			break;
		case 'S':
			if (optarg[0] == '\0') {
				cli_usage_error("check", "--stdin-filename needs a name");
				goto out;
			}
			stdin_name = optarg;
			break;
		case 'C':
			if (!cli_color_ok("check", optarg))
				goto out;
			color = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'L':
		case 'T': {
			int k = c == 'L' ? LETTER_REQUEST : LETTER_THANKS;
			if (letter >= 0 && letter != k) {
				cli_usage_error("check", "--letter and --thank-you do not go together");
				goto out;
			}
			letter = k;
			break;
		}
		case 'h':
			check_usage(stdout);
			status = STATUS_OK;
			goto out;
		default:
			fprintf(stderr, "Try 'infocoach check --help' for more information.\n");
			goto out;
		}
	}
	if (optind >= argc) {
		cli_usage_error("check", "no file given (use '-' to read standard input)");
		goto out;
	}
	/* The command line wins over the config file, the file over the defaults. */
	if (!cli_settings("check", config_path, no_config, &cf))
		goto out;
	if (co.nbanks == 0 && cf.value[SETTING_BANK] != NULL)
		co.banks[co.nbanks++] = cf.value[SETTING_BANK];
	if (!policy_given && cf.value[SETTING_POLICY] != NULL)
		co.policy = cf.policy;
	if (!duration_given && cf.value[SETTING_DURATION] != NULL)
		duration = cf.duration;
	if (color == NULL)
		color = cf.value[SETTING_COLOR] != NULL ? cf.value[SETTING_COLOR] : "auto";
	if (!fail_on_given && cf.value[SETTING_FAIL_ON] != NULL)
		fail_on = strcmp(cf.value[SETTING_FAIL_ON], "never") == 0 ? SEV_NONE :
		    (int)severity_lookup(cf.value[SETTING_FAIL_ON]);
	if (isatty(STDIN_FILENO)) {
		for (int i = optind; i < argc; i++) {
			if (strcmp(argv[i], "-") == 0) {
				diag_error("refusing to read questions from a terminal; pipe or redirect a file into '-'");
				goto out;
			}
		}
	}

	struct ruleset *rs = open_rules(&co);
	if (rs == NULL)
		goto out;
	struct assessor *as = assessor_new(rs, co.policy);
	assessor_set_all_rules(as, true);    /* a finding for every rule that fires */
	struct emitter *em = emit_begin(format, stdout, rs, quiet);
	emit_set_color(em, cli_use_color(color, isatty(STDOUT_FILENO)));
	emit_set_severities(em, cf.kind_sev_set, cf.kind_sev);
	if (summary != NULL) {
		tally = tally_new(true);
		emit_set_tally(em, tally);
	}
	diag_set_color(cli_use_color(color, isatty(STDERR_FILENO)));
	struct checker *ck = checker_new(as, em, duration);
	bool inputs_ok = true;
	unsigned long files = 0, questions = 0;
	/* Standard input can be read by one process only: named twice, the
	 * second read finds it at its end, as one process would. */
	size_t stdins = 0;
	for (int i = optind; i < argc; i++)
		stdins += strcmp(argv[i], "-") == 0;
	if (letter < 0 && jobs > 1 && argc - optind > 1 && stdins <= 1) {
		inputs_ok = checker_parallel(as, em, duration, argv + optind, (size_t)(argc - optind),
		    stdin_name, jobs, &files, &questions);
	} else {
		for (int i = optind; i < argc; i++) {
			const char *name = strcmp(argv[i], "-") == 0 ? stdin_name : NULL;
			inputs_ok &= letter < 0 ? checker_file(ck, argv[i], name) :
			    letter_check(as, em, argv[i], name, (enum letter_kind)letter);
		}
		files = letter < 0 ? checker_files(ck) : (unsigned long)(argc - optind);
		questions = checker_questions(ck);
	}
	checker_free(ck);
	bool failing = false;
	for (int s = fail_on; fail_on != SEV_NONE && s < SEV_COUNT; s++)
		failing |= emit_count(em, (enum severity)s) > 0;
	int wrote = emit_end(em, files, questions);
	assessor_free(as);
	ruleset_free(rs);
	int saved = summary != NULL ? cli_save_page(summary, make_summary, tally) : STATUS_OK;
	if (wrote < 0 || !inputs_ok)
		status = STATUS_INVALID;
	else if (saved != STATUS_OK)
		status = saved;
	else
		status = failing ? STATUS_FINDINGS : STATUS_OK;
out:
	tally_free(tally);
	settings_free(&cf);
	free(co.banks);
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
	struct common co = {xcalloc((size_t)argc + 1, sizeof *co.banks), 0, POLICY_DEFAULT};
	const char *format = "text";
	int status = STATUS_INVALID, c;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "b:p:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			co.banks[co.nbanks++] = optarg;
			break;
		case 'p':
			if (!parse_policy("rules", optarg, &co.policy))
				goto out;
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "pcre2grep") != 0) {
				cli_usage_error("rules", "invalid format '%s' (expected text, json or pcre2grep)", optarg);
				goto out;
			}
			format = optarg;
			break;
		case 'h':
			rules_usage(stdout);
			status = STATUS_OK;
			goto out;
		default:
			fprintf(stderr, "Try 'infocoach rules --help' for more information.\n");
			goto out;
		}
	}
	if (optind < argc) {
		cli_usage_error("rules", "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	struct ruleset *rs = open_rules(&co);
	if (rs == NULL)
		goto out;
	bool json = strcmp(format, "json") == 0;
	if (json)
		fputs("[", stdout);
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct rule *r = rs->rules[i];
		if (strcmp(format, "pcre2grep") == 0) {
			/* Our compile options, spelled as pattern-start verbs. */
			for (size_t j = 0; j < r->npats; j++)
				printf("(*UTF)(*UCP)(?i)%s\n", r->pats[j].src);
		} else if (json) {
			printf("%s\n  {\"id\": ", i ? "," : "");
			emit_json_string(stdout, r->id);
			printf(", \"kind\": \"%s\", \"severity\": \"%s\", \"file\": ", kind_name(r->kind),
			    severity_name(r->sev[co.policy]));
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
		} else {
			printf("%-28s %-10s %-7s ", r->id, kind_name(r->kind), severity_name(r->sev[co.policy]));
			text_write_safe(stdout, r->message, strlen(r->message));
			putchar('\n');
		}
	}
	if (json)
		fputs(rs->nrules ? "\n]\n" : "]\n", stdout);
	ruleset_free(rs);
	status = STATUS_OK;
out:
	free(co.banks);
	return status;
}
