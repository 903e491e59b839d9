/*
 * settings.h -- the user's settings file and where each setting came from.
 *
 * The file is the one given with --config, else in $INFOCOACH_CONFIG,
 * else the project file .infocoach.yaml in the current directory or the
 * nearest parent that has one (used only when it is the user's or root's
 * and no one else may write to it), else
 * $XDG_CONFIG_HOME/infocoach/config.yaml (~/.config when XDG_CONFIG_HOME
 * is unset or relative), else the first infocoach/config.yaml in
 * $XDG_CONFIG_DIRS (default /etc/xdg); none with --no-config, or when
 * --config or $INFOCOACH_CONFIG is /dev/null.  The first
 * found is the only one read.  It is one YAML mapping, read with the same
 * bounded reader as the banks:
 *
 *     bank: nursing            # NAME or FILE, for practice, mock and check
 *     persona: tyler           # the host, when the bank has one by that id
 *     duration: 25m            # mock's length and check's planned length
 *     policy: strict           # strict, default or lenient
 *     color: never             # auto, always or never (practice, mock, check)
 *     transcript-dir: ~/notes/interviews
 *     fail-on: warning         # check's exit 1: error, warning, info or never
 *     severity: {too_many: warning, closed: error}   # check, per kind
 *
 * A relative transcript-dir, and a bank given as a relative file, are
 * taken from the config file's own directory.
 *
 * Every key is optional; an unknown key, a wrong type or a bad value is a
 * positioned error (FILE:LINE:COL), so a typo never passes silently.
 * Options on the command line win over the file, and the file over the
 * built-in defaults; 'infocoach config' (cli_config.c) shows the
 * effective settings and their origin.
 */
#ifndef INFOCOACH_SETTINGS_H
#define INFOCOACH_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>

#include "taxonomy.h"

enum setting {
	SETTING_BANK,
	SETTING_PERSONA,
	SETTING_DURATION,
	SETTING_POLICY,
	SETTING_COLOR,
	SETTING_TRANSCRIPT_DIR,
	SETTING_FAIL_ON,
	SETTING_SEVERITY,
	SETTING_COUNT
};

/* The name of the project file, looked for in the current directory and
 * its parents. */
#define SETTINGS_PROJECT_FILE ".infocoach.yaml"

/* How the file was chosen. */
enum settings_source {
	SETTINGS_OPTION,        /* --config FILE */
	SETTINGS_ENV,           /* $INFOCOACH_CONFIG */
	SETTINGS_PROJECT,       /* .infocoach.yaml here or in a parent */
	SETTINGS_USER,          /* $XDG_CONFIG_HOME/infocoach/config.yaml */
	SETTINGS_SYSTEM,        /* infocoach/config.yaml in $XDG_CONFIG_DIRS */
};

struct settings {
	char *path;                     /* the file read, or NULL (owned) */
	enum settings_source source;    /* how it was chosen, when path or
	                                   none */
	bool none;                      /* --config or $INFOCOACH_CONFIG said
	                                   /dev/null: no file is read */
	char *value[SETTING_COUNT];      /* as written in the file, NULL when
	                                   absent (owned; transcript-dir with
	                                   ~ expanded) */
	unsigned long line[SETTING_COUNT]; /* where, when present */
	/* Parsed forms of the values that have one: */
	unsigned long duration;         /* seconds, when value[SETTING_DURATION] */
	enum policy policy;             /* when value[SETTING_POLICY] */
	bool kind_sev_set[FINDING_KIND_COUNT]; /* severity: this kind's is given */
	enum severity kind_sev[FINDING_KIND_COUNT]; /* ... as this */
};

/*
 * Read the settings: from path when it is not NULL, else from
 * $INFOCOACH_CONFIG when set (either must exist), else from the first
 * file of the search above (none is fine); nothing at all when
 * disabled or when the file given is /dev/null (c->none).  Problems are
 * printed to stderr, positioned in the file.
 * Returns false when the file exists but cannot be used; c is then empty.
 */
bool settings_load(struct settings *c, const char *path, bool disabled);

void settings_free(struct settings *c);

/* The keys, for messages. */
/* The keys a config file may set, "bank, persona, ...", into buf
 * (cut short at len); returns buf. */
char *settings_known(char *buf, size_t len);

/* The key's name in the file ("transcript-dir"); NULL past the end. */
const char *settings_key_name(enum setting k);

/* The key named name, or -1. */
int settings_key_lookup(const char *name);

/* "FILE:LINE" for a value from the file (newly allocated). */
char *settings_origin(const struct settings *c, enum setting k);

/* The user's config file as the XDG search would find or create it
 * (newly allocated), or NULL when there is no home directory. */
char *settings_user_path(void);

#endif
