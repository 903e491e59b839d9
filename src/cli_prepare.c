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

/* What the command line (and the config file under it) asked of prepare. */
struct prepare_opts {
	struct cli_common co;           /* bank, duration, seed, config */
	const char *output;             /* -o/--output FILE; "-": standard
	                                   output */
};

/* cli_parse()'s taker for prepare's own options. */
static bool
take_option(int c, const char *arg, void *data)
{
	struct prepare_opts *o = data;
	switch (c) {
	case 'b':
		o->co.bank = arg;
		return true;
	case 'o':
		if (arg[0] == '\0') {
			cli_usage_error("prepare", "--output needs a file name ('-' for standard output)");
			return false;
		}
		o->output = arg;
		return true;
	default:
		return false;   /* not in the option table */
	}
}

/*
 * Parse prepare's options into o, merge the config file under them and
 * check the meeting's length.  Returns CLI_RUN, or an exit status after
 * the help or a message.  o is to be freed with cli_common_free().
 */
static int
parse_prepare(int argc, char **argv, struct prepare_opts *o)
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
	*o = (struct prepare_opts){
		.co = {
			.cmd = "prepare", .usage = prepare_usage,
			.from_config = CLI_FROM(SETTING_BANK) | CLI_FROM(SETTING_DURATION),
			.policy = POLICY_DEFAULT, .duration = MEETING_DEFAULT_S,
		},
		.output = "-",
	};
	int status = cli_parse(argc, argv, "b:d:s:o:c:h", opts, &o->co, take_option, o);
	if (status != CLI_RUN)
		return status;
	if (optind < argc)
		return cli_usage_error("prepare", "unexpected argument '%s'", argv[optind]);
	if (!cli_merge_settings(&o->co))
		return STATUS_INVALID;
	unsigned long duration = o->co.duration;
	if (duration < PREPARE_MIN_DURATION || duration > PREPARE_MAX_DURATION) {
		char d[32];
		duration_format(duration, d, sizeof d);
		if (o->co.duration_given)
			return cli_usage_error("prepare", "a list for a meeting of %s: prepare plans meetings of 10 "
			    "minutes to an hour (informational interviews usually last 20 to 30)", d);
		diag_error("the config file's duration %s is outside what prepare plans for (10 minutes to "
		    "an hour); give --duration", d);
		return STATUS_INVALID;
	}
	if (!o->co.seeded)
		o->co.seed = ((unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 16)) % 1000000;
	return CLI_RUN;
}

/* The list's own comment: the commands that made it and that check it,
 * naming the bank as it was given (both newly allocated). */
static void
list_commands(const struct prepare_opts *o, const struct bank *bank, char **made_by, char **check_cmd)
{
	const char *bank_name = o->co.bank, *output = o->output;
	char d[32];
	duration_format(o->co.duration, d, sizeof d);
	const char *shown_bank = bank_name != NULL && !catalog_names_file(bank_name) ? bank_name : bank->id;
	char *bank_arg = bank_name != NULL && catalog_names_file(bank_name) ?
	    (plain_word(bank_name) ? xstrdup(bank_name) : xstrdup("BANK-FILE")) : xstrdup(shown_bank);
	const char *file = strcmp(output, "-") != 0 && plain_word(output) ? output : "FILE";
	*made_by = xasprintf("infocoach prepare --bank %s --duration %s --seed %llu", bank_arg, d, o->co.seed);
	*check_cmd = xasprintf("infocoach check --bank %s --duration %s %s", bank_arg, d, file);
	free(bank_arg);
}

/* Write the list o asks for; returns the exit status. */
static int
run_prepare(const struct prepare_opts *o)
{
	const char *bank_name = o->co.bank;
	unsigned long duration = o->co.duration;
	struct ruleset *rs = NULL;
	struct prepared list = {0};
	struct assessor *as = NULL;
	char *text = NULL, *made_by = NULL, *check_cmd = NULL;
	int status = STATUS_INVALID;

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
	if (prepare_list(as, bank, duration, o->co.seed, &list, err, sizeof err) != 0) {
		diag_error("%s", err);
		goto out;
	}
	if (list.n < list.wanted)
		diag_warning("the bank '%s' has only %zu usable questions for the %zu a meeting of this length "
		    "takes; the list is shorter", bank->id, list.n, list.wanted);
	list_commands(o, bank, &made_by, &check_cmd);
	text = prepare_text(&list, bank, duration, made_by, check_cmd);
	status = cli_write_output("the list", o->output, text, strlen(text));
out:
	free(text);
	free(made_by);
	free(check_cmd);
	prepared_free(&list);
	assessor_free(as);
	ruleset_free(rs);
	return status;
}

int
cli_prepare(int argc, char **argv)
{
	struct prepare_opts o;
	int status = parse_prepare(argc, argv, &o);
	if (status == CLI_RUN)
		status = run_prepare(&o);
	cli_common_free(&o.co);
	return status;
}
