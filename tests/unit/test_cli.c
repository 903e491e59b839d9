/* Unit tests for cli.c: the options several commands share, parsed once,
 * and the config file merged under them as each command asks. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "duration.h"
#include "tap.h"

static int usage_shown;

/* The command's --help: counted, not printed (stdout is the TAP stream). */
static void
no_usage(FILE *fp)
{
	(void)fp;
	usage_shown++;
}

/* A command's own options: -o FILE and -q; -o '' is a usage error. */
struct own {
	const char *output;
	int quiet;
};

static bool
take(int c, const char *arg, void *data)
{
	struct own *o = data;
	if (c == 'o' && arg[0] != '\0') {
		o->output = arg;
		return true;
	}
	if (c == 'q') {
		o->quiet++;
		return true;
	}
	return false;
}

static const struct option opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, 'q'},
	{"policy", required_argument, NULL, 'p'},
	{"duration", required_argument, NULL, 'd'},
	{"seed", required_argument, NULL, 's'},
	{"color", required_argument, NULL, 'C'},
	{"config", required_argument, NULL, 'c'},
	{"no-config", no_argument, NULL, 'N'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* Parse the words of line (at most 15, split at spaces) as command "cmd". */
static int
parse(const char *line, struct cli_common *co, struct own *o)
{
	static char buf[256], name[] = "cmd";
	static char *argv[16];
	int argc = 1;
	argv[0] = name;
	snprintf(buf, sizeof buf, "%s", line);
	for (char *w = strtok(buf, " "); w != NULL && argc < 15; w = strtok(NULL, " "))
		argv[argc++] = w;
	*co = (struct cli_common){.cmd = "cmd", .usage = no_usage, .policy = POLICY_DEFAULT, .duration = 7};
	*o = (struct own){NULL, 0};
	return cli_parse(argc, argv, "o:qp:d:s:c:h", opts, co, take, o);
}

int
main(void)
{
	struct cli_common co;
	struct own o;

	/* The shared options land in co, the command's own in its struct. */
	int rc = parse("-q a.txt --policy strict -d 20m --seed 42 --color never -o out b.txt", &co, &o);
	is_int(rc, CLI_RUN, "good options: run");
	ok(o.quiet == 1 && o.output != NULL && strcmp(o.output, "out") == 0, "the command's own options go to it");
	ok(co.policy == POLICY_STRICT && co.policy_given, "--policy is parsed once, for every command");
	ok(co.duration == 20 * 60 && co.duration_given, "--duration in seconds");
	ok(co.seed == 42 && co.seeded, "--seed");
	is_str(co.color, "never", "--color");
	is_int(optind, 12, "optind at the first operand, options and operands in any order");

	/* Bad values are usage errors, before anything runs. */
	is_int(parse("--policy harsh", &co, &o), STATUS_INVALID, "an unknown policy is a usage error");
	is_int(parse("--duration soon", &co, &o), STATUS_INVALID, "a bad duration is a usage error");
	is_int(parse("--seed -3", &co, &o), STATUS_INVALID, "a negative seed is a usage error");
	is_int(parse("--color pink", &co, &o), STATUS_INVALID, "a bad --color is a usage error");
	is_int(parse("--bogus", &co, &o), STATUS_INVALID, "an unknown option is a usage error");
	is_int(parse("--help", &co, &o), STATUS_OK, "--help: done, status 0");
	is_int(usage_shown, 1, "--help shows the command's help");

	/* The config file under the command line, as from_config lets it. */
	char *dir = tap_tmpdir("test_cli");
	char path[512];
	snprintf(path, sizeof path, "%s/config.yaml", dir);
	FILE *fp = fopen(path, "w");
	if (fp == NULL)
		return 99;
	fputs("bank: nursing\nduration: 25m\npolicy: lenient\ncolor: always\n", fp);
	fclose(fp);

	parse("--policy strict", &co, &o);
	co.config = path;
	co.from_config = CLI_FROM(SETTING_BANK) | CLI_FROM(SETTING_POLICY) | CLI_FROM(SETTING_COLOR);
	ok(cli_merge_settings(&co), "the file is read");
	ok(co.bank != NULL && strcmp(co.bank, "nursing") == 0 && co.bank_from_config, "the file's bank, marked so");
	ok(co.policy == POLICY_STRICT, "the command line's policy wins over the file's");
	is_int(co.duration, 7, "a duration the command does not take from the file keeps its default");
	is_str(co.color, "always", "the file's color");
	cli_common_free(&co);

	parse("-d 10m --color never", &co, &o);
	co.config = path;
	co.from_config = CLI_FROM(SETTING_DURATION) | CLI_FROM(SETTING_POLICY);
	ok(cli_merge_settings(&co), "the file is read again");
	ok(co.bank == NULL && !co.bank_from_config, "a bank the command does not take from the file stays unset");
	ok(co.policy == POLICY_LENIENT, "the file's policy");
	is_int(co.duration, 10 * 60, "the command line's duration wins over the file's");
	is_str(co.color, "never", "the command line's color");
	cli_common_free(&co);

	parse("--no-config", &co, &o);
	co.from_config = ~0u;
	ok(cli_merge_settings(&co), "--no-config reads nothing");
	ok(co.bank == NULL && co.policy == POLICY_DEFAULT && co.duration == 7, "the defaults stand");
	is_str(co.color, "auto", "color defaults to auto");
	cli_common_free(&co);

	parse("--no-config", &co, &o);
	co.config = path;
	ok(!cli_merge_settings(&co), "--config and --no-config together are a usage error");
	cli_common_free(&co);

	remove(path);
	tap_rmtree(dir);
	free(dir);
	return tap_done();
}
