/*
 * cli_prepare.c -- the 'prepare' command: a starter list of questions
 * for a meeting, to edit and then check.
 *
 * Loads the rules and the bank as 'check' does (catalog.c), has
 * prepare.c choose and format the list, and writes it to standard
 * output or, atomically, to the file named by -o.  Which questions make
 * a good list is prepare.c's business, not this file's.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assess.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "duration.h"
#include "prepare.h"
#include "settings.h"
#include "text.h"
#include "xmalloc.h"

static void
prepare_usage(FILE *fp)
{
	fputs("Usage: infocoach prepare [OPTION]...\n"
	    "Write a starter list of questions for an informational interview, sized\n"
	    "to the meeting (about one question for every two to three minutes): an\n"
	    "opener, more on the host's job, the industry, and the closing questions\n"
	    "(whom else to talk to, whether you may mention the host's name) last.\n"
	    "The questions come from the bank and are ones 'infocoach check' accepts\n"
	    "as they are; a comment at the top says how to make the list your own.\n"
	    "\n"
	    "  -b, --bank NAME|FILE     the bank to draw from (default: general, or the\n"
	    "                           config file's bank)\n"
	    "  -d, --duration D         the meeting's length, 10m to 1h (default 30m, or\n"
	    "                           the config file's duration)\n"
	    "  -s, --seed N             which questions: the same N gives the same list\n"
	    "                           (default: a new choice each time)\n"
	    "  -o, --output FILE        write the list to FILE, replaced atomically (never\n"
	    "                           through a symbolic link); '-' or no -o: standard\n"
	    "                           output\n"
	    "  -c, --config FILE        read settings from FILE\n"
	    "      --no-config          read no config file\n"
	    "  -h, --help               show this help\n"
	    "\n"
	    "Exit status: 0 done, 2 usage error, or a bank that cannot be loaded or has\n"
	    "no usable question for a part of the list, 3 the list could not be written.\n", fp);
}

/* Whether s can be shown in a command line as it is, without quotes. */
static bool
plain_word(const char *s)
{
	if (s[0] == '\0' || s[0] == '-')
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("._/+-", *p) != NULL))
			return false;
	return true;
}

int
cli_prepare(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bank", required_argument, NULL, 'b'},
		{"duration", required_argument, NULL, 'd'},
		{"seed", required_argument, NULL, 's'},
		{"output", required_argument, NULL, 'o'},
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *bank_name = NULL, *output = "-", *config_path = NULL;
	bool no_config = false, seeded = false, duration_given = false;
	unsigned long long seed = 0;
	unsigned long duration = 0;
	struct settings cf = {0};
	struct ruleset *rs = NULL;
	struct prepared list = {0};
	struct assessor *as = NULL;
	char *text = NULL, *made_by = NULL, *check_cmd = NULL;
	int status = STATUS_INVALID, c;

	optind = 0;   /* GNU getopt: start afresh; options and operands in any order */
	while ((c = getopt_long(argc, argv, "b:d:s:o:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			bank_name = optarg;
			break;
		case 'd':
			if (!duration_parse(optarg, &duration)) {
				cli_usage_error("prepare", "invalid duration '%s' (" DURATION_HINT ")", optarg);
				goto out;
			}
			duration_given = true;
			break;
		case 's': {
			char *end;
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || optarg[0] == '\0' || optarg[0] == '-') {
				cli_usage_error("prepare", "invalid seed '%s' (a whole number)", optarg);
				goto out;
			}
			seeded = true;
			break;
		}
		case 'o':
			if (optarg[0] == '\0') {
				cli_usage_error("prepare", "--output needs a file name ('-' for standard output)");
				goto out;
			}
			output = optarg;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'N':
			no_config = true;
			break;
		case 'h':
			prepare_usage(stdout);
			status = STATUS_OK;
			goto out;
		default:
			fprintf(stderr, "Try 'infocoach prepare --help' for more information.\n");
			goto out;
		}
	}
	if (optind < argc) {
		cli_usage_error("prepare", "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (!cli_settings("prepare", config_path, no_config, &cf))
		goto out;
	if (bank_name == NULL)
		bank_name = cf.value[SETTING_BANK];
	if (!duration_given)
		duration = cf.value[SETTING_DURATION] != NULL ? cf.duration : MEETING_DEFAULT_S;
	if (duration < PREPARE_MIN_DURATION || duration > PREPARE_MAX_DURATION) {
		char d[32];
		duration_format(duration, d, sizeof d);
		if (duration_given)
			cli_usage_error("prepare", "a list for a meeting of %s: prepare plans meetings of 10 minutes "
			    "to an hour (informational interviews usually last 20 to 30)", d);
		else
			diag_error("the config file's duration %s is outside what prepare plans for (10 minutes to "
			    "an hour); give --duration", d);
		goto out;
	}
	if (!seeded)
		seed = ((unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 16)) % 1000000;

	struct catalog cat;
	struct diag_list dl = {0};
	catalog_init(&cat);
	cat.bank_flags = BANK_NO_PERSONAS;   /* as check loads it */
	rs = catalog_open(&cat, bank_name ? &bank_name : NULL, bank_name ? 1 : 0, &dl);
	diag_flush(&dl, stderr);
	catalog_free(&cat);
	if (rs == NULL)
		goto out;
	if (rs->nbanks == 0) {
		diag_error("'%s' is a rule file, not a bank with questions", bank_name);
		goto out;
	}
	const struct bank *bank = rs->banks[0];
	as = assessor_new(rs, POLICY_DEFAULT);
	assessor_set_all_rules(as, true);    /* as check judges a line */
	char err[512];
	if (prepare_list(as, bank, duration, seed, &list, err, sizeof err) != 0) {
		diag_error("%s", err);
		goto out;
	}
	if (list.n < list.wanted)
		diag_warning("the bank '%s' has only %zu usable questions for the %zu a meeting of this length "
		    "takes; the list is shorter", bank->id, list.n, list.wanted);

	/* The commands in the comment name the bank as it was given. */
	char d[32];
	duration_format(duration, d, sizeof d);
	const char *shown_bank = bank_name != NULL && !catalog_names_file(bank_name) ? bank_name : bank->id;
	char *bank_arg = bank_name != NULL && catalog_names_file(bank_name) ?
	    (plain_word(bank_name) ? xstrdup(bank_name) : xstrdup("BANK-FILE")) : xstrdup(shown_bank);
	const char *file = strcmp(output, "-") != 0 && plain_word(output) ? output : "FILE";
	made_by = xasprintf("infocoach prepare --bank %s --duration %s --seed %llu", bank_arg, d, seed);
	check_cmd = xasprintf("infocoach check --bank %s --duration %s %s", bank_arg, d, file);
	free(bank_arg);
	text = prepare_text(&list, bank, duration, made_by, check_cmd);
	status = cli_write_output("the list", output, text, strlen(text));
out:
	free(text);
	free(made_by);
	free(check_cmd);
	prepared_free(&list);
	assessor_free(as);
	ruleset_free(rs);
	settings_free(&cf);
	return status;
}
