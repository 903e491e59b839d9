/*
 * cli_config.c -- infocoach config: the effective settings and where each
 * came from (the config file, the environment or the built-in default),
 * and the files and directories the program uses.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cli.h"
#include "settings.h"
#include "diag.h"
#include "duration.h"
#include "files.h"
#include "text.h"
#include "xmalloc.h"

static void
config_usage(FILE *fp)
{
	fputs("Usage: infocoach config [OPTION]... [KEY]\n"
	    "Show the settings practice, mock and check use, and where each comes\n"
	    "from: the config file (FILE:LINE), the environment, or the default.\n"
	    "With KEY, print only that setting's value.  Options on a command's own\n"
	    "command line override all of these.\n"
	    "\n"
	    "  -c, --config FILE    read settings from FILE instead of the default file\n"
	    "      --no-config      read no config file: show the defaults\n"
	    "  -h, --help           show this help\n"
	    "\n"
	    "Keys: bank, persona, duration, policy, color, transcript-dir, fail-on,\n"
	    "severity (check's per kind, as {too_many: warning, closed: error}).  The\n"
	    "file is the first of: --config FILE; $INFOCOACH_CONFIG; .infocoach.yaml in\n"
	    "this directory or the nearest parent with one (a project file); then\n"
	    "$XDG_CONFIG_HOME/infocoach/config.yaml (default ~/.config/infocoach/);\n"
	    "then infocoach/config.yaml in $XDG_CONFIG_DIRS (default /etc/xdg).  Relative\n"
	    "paths in it are taken from its own directory.  For example:\n"
	    "\n"
	    "  bank: nursing\n"
	    "  duration: 25m\n"
	    "  transcript-dir: ~/interviews\n"
	    "\n"
	    "Exit status: 0 shown, 2 usage error or an invalid config file.\n", fp);
}

/* One setting's effective value and origin (both newly allocated). */
static void
effective(const struct settings *cf, enum setting k, char **value, char **origin)
{
	if (cf->value[k] != NULL) {
		*value = xstrdup(cf->value[k]);
		*origin = settings_origin(cf, k);
		return;
	}
	*origin = xstrdup("default");
	switch (k) {
	case SETTING_BANK:
		*value = xstrdup(CATALOG_DEFAULT_BANK);
		break;
	case SETTING_PERSONA:
		*value = xstrdup("(the bank's first host)");
		break;
	case SETTING_DURATION:
		*value = xstrdup("30m");
		break;
	case SETTING_POLICY:
		*value = xstrdup("default");
		break;
	case SETTING_COLOR: {
		const char *nc = getenv("NO_COLOR");
		*value = xstrdup("auto");
		if (nc != NULL && nc[0] != '\0') {
			free(*origin);
			*origin = xstrdup("default; NO_COLOR is set, so no colour");
		}
		break;
	}
	case SETTING_FAIL_ON:
		*value = xstrdup("error");
		break;
	case SETTING_SEVERITY:
		*value = xstrdup("(each rule's own)");
		break;
	case SETTING_TRANSCRIPT_DIR: {
		char *dir = files_state_dir();
		const char *xdg = getenv("XDG_STATE_HOME");
		*value = dir != NULL ? xasprintf("%s/sessions", dir) : xstrdup("(no home directory)");
		if (xdg != NULL && xdg[0] == '/') {
			free(*origin);
			*origin = xstrdup("XDG_STATE_HOME");
		}
		free(dir);
		break;
	}
	default:
		*value = xstrdup("");
		break;
	}
}

/* config has no option of its own: every one is cli_parse()'s. */
static bool
take_no_option(int c, const char *arg, void *data)
{
	(void)c, (void)arg, (void)data;
	return false;
}

/* The config file read (co's), the history file and the bank folders. */
static void
print_files(const struct cli_common *co)
{
	const struct settings *cf = &co->cf;
	fputs("\n", stdout);
	if (co->no_config) {
		fputs("config file     none (--no-config)\n", stdout);
	} else if (cf->none) {
		text_printf(stdout, "config file     none (%s is /dev/null)\n",
		    cf->source == SETTINGS_ENV ? "INFOCOACH_CONFIG" : "--config");
	} else if (cf->path != NULL) {
		static const char *const how[] = {
			[SETTINGS_OPTION] = "--config", [SETTINGS_ENV] = "INFOCOACH_CONFIG",
			[SETTINGS_PROJECT] = "project file", [SETTINGS_USER] = "XDG_CONFIG_HOME",
			[SETTINGS_SYSTEM] = "XDG_CONFIG_DIRS",
		};
		text_printf(stdout, "config file     %s (%s)\n", cf->path, how[cf->source]);
	} else {
		char *user = settings_user_path();
		text_printf(stdout, "config file     none; create %s\n", user != NULL ? user : "(no home directory)");
		free(user);
	}
	const char *origin;
	char *hist = files_history_path(&origin);
	if (origin != NULL)
		text_printf(stdout, "history         %s (%s)\n", hist != NULL ? hist : "none", origin);
	else if (hist != NULL)
		text_printf(stdout, "history         %s\n", hist);
	free(hist);
	struct catalog cat;
	catalog_init(&cat);
	for (size_t i = 0; i < cat.ndirs; i++)
		text_printf(stdout, "%-15s %s (%s)\n", i == 0 ? "banks" : "", cat.dirs[i].path, cat.dirs[i].origin);
	if (cat.ndirs == 0)
		fputs("banks           none found\n", stdout);
	catalog_free(&cat);
}

int
cli_config(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"no-config", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	/* from_config 0: the settings are shown as the file has them. */
	struct cli_common co = {.cmd = "config", .usage = config_usage};
	int status = cli_parse(argc, argv, "c:h", opts, &co, take_no_option, NULL);
	if (status != CLI_RUN)
		return status;
	int only = -1;
	if (optind < argc) {
		if (optind + 1 < argc)
			return cli_usage_error("config", "unexpected argument '%s'", argv[optind + 1]);
		only = settings_key_lookup(argv[optind]);
		if (only < 0) {
			char known[200];
			return cli_usage_error("config", "unknown setting '%s' (known: %s)", argv[optind],
			    settings_known(known, sizeof known));
		}
	}
	if (!cli_merge_settings(&co))
		return STATUS_INVALID;

	if (only >= 0) {
		char *v, *o;
		effective(&co.cf, (enum setting)only, &v, &o);
		text_printf(stdout, "%s\n", v);
		free(v);
		free(o);
		cli_common_free(&co);
		return STATUS_OK;
	}

	char *values[SETTING_COUNT], *origins[SETTING_COUNT];
	int width = 0;
	for (int k = 0; k < SETTING_COUNT; k++) {
		effective(&co.cf, (enum setting)k, &values[k], &origins[k]);
		int w = (int)strlen(values[k]);
		if (w > width)
			width = w;
	}
	for (int k = 0; k < SETTING_COUNT; k++) {
		text_printf(stdout, "%-15s %-*s  (%s)\n", settings_key_name((enum setting)k), width, values[k],
		    origins[k]);
		free(values[k]);
		free(origins[k]);
	}
	print_files(&co);
	cli_common_free(&co);
	return STATUS_OK;
}
