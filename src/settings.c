/*
 * settings.c -- the user's settings file (see settings.h).
 */
#include <config.h>

#include "settings.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "diag.h"
#include "duration.h"
#include "files.h"
#include "text.h"
#include "xmalloc.h"
#include "ytree.h"

static const char *const key_names[SETTING_COUNT] = {
	[SETTING_BANK] = "bank",
	[SETTING_PERSONA] = "persona",
	[SETTING_DURATION] = "duration",
	[SETTING_POLICY] = "policy",
	[SETTING_COLOR] = "color",
	[SETTING_TRANSCRIPT_DIR] = "transcript-dir",
	[SETTING_FAIL_ON] = "fail-on",
	[SETTING_SEVERITY] = "severity",
};

const char *
settings_key_name(enum setting k)
{
	return (unsigned)k < SETTING_COUNT ? key_names[k] : NULL;
}

static const char *key_name_i(int k) { return key_names[k]; }

char *
settings_known(char *buf, size_t len)
{
	return text_join_names(buf, len, key_name_i, SETTING_COUNT);
}

int
settings_key_lookup(const char *name)
{
	for (int k = 0; k < SETTING_COUNT; k++)
		if (strcmp(key_names[k], name) == 0)
			return k;
	if (strcmp(name, "colour") == 0)
		return SETTING_COLOR;
	return -1;
}

char *
settings_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/infocoach/config.yaml", xdg);
	const char *home = files_home_dir();
	return home != NULL ? xasprintf("%s/.config/infocoach/config.yaml", home) : NULL;
}

/*
 * A project file is used only when it is the user's (or root's) and no
 * one else can write to it: a file left in a shared parent directory
 * such as /tmp must not choose where transcripts go.
 */
static bool
project_file_ok(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	const char *why = NULL;
	if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (st.st_uid != geteuid() && st.st_uid != 0)
		why = "owned by another user";
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		why = "others can write to it";
	if (why != NULL) {
		char *q = diag_quote(path);
		diag_warning("ignoring the project config file %s: %s", q, why);
		free(q);
		return false;
	}
	return true;
}

/* The project file: SETTINGS_PROJECT_FILE in the current directory or the
 * nearest of its parents. */
static char *
find_project(void)
{
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof cwd) == NULL)
		return NULL;
	size_t len = strlen(cwd);
	for (;;) {
		char *p = xasprintf("%.*s/" SETTINGS_PROJECT_FILE, (int)len, len == 1 ? "" : cwd);
		if (access(p, F_OK) == 0 && project_file_ok(p))
			return p;
		free(p);
		if (len <= 1)
			return NULL;
		while (len > 1 && cwd[len - 1] != '/')
			len--;
		if (len > 1)
			len--;      /* drop the slash, except the root's */
	}
}

/* The search: the project file, the user's file, then each of
 * $XDG_CONFIG_DIRS. */
static char *
find_config(enum settings_source *source)
{
	char *project = find_project();
	if (project != NULL) {
		*source = SETTINGS_PROJECT;
		return project;
	}
	char *user = settings_user_path();
	*source = SETTINGS_USER;
	if (user != NULL && access(user, F_OK) == 0)
		return user;
	free(user);
	*source = SETTINGS_SYSTEM;
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	if (dirs == NULL || dirs[0] == '\0')
		dirs = "/etc/xdg";
	char *copy = xstrdup(dirs), *save = NULL;
	char *found = NULL;
	for (char *d = strtok_r(copy, ":", &save); d != NULL && found == NULL; d = strtok_r(NULL, ":", &save)) {
		if (d[0] != '/')
			continue;   /* relative entries are ignored, as XDG says */
		char *p = xasprintf("%s/infocoach/config.yaml", d);
		if (access(p, F_OK) == 0)
			found = p;
		else
			free(p);
	}
	free(copy);
	return found;
}

/* rel, a relative path in the config file at path, as a path from the
 * file's own directory (newly allocated). */
static char *
beside(const char *path, const char *rel)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(rel);
	if (slash == path)
		return xasprintf("/%s", rel);
	return xasprintf("%.*s/%s", (int)(slash - path), path, rel);
}

/*
 * severity: a mapping of finding kinds to severities, {too_many: warning}.
 * Problems go to dl; the value shown by 'infocoach config' is the
 * mapping as read, in flow style.
 */
static void
set_severities(struct settings *c, const struct ynode *v, struct diag_list *dl)
{
	if (v->type != YNODE_MAP) {
		diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
		    "'severity' must be a mapping of kinds to severities, such as {too_many: warning}");
		return;
	}
	char *shown = xstrdup("");
	unsigned long kline[FINDING_KIND_COUNT] = {0};
	for (size_t i = 0; i + 1 < v->nkids; i += 2) {
		const struct ynode *key = v->kids[i], *val = v->kids[i + 1];
		if (key->type != YNODE_SCALAR || key->reported)
			continue;
		int k = finding_kind_lookup(key->str);
		if (k < 0) {
			struct text_closest near;
			text_closest_begin(&near, key->str, text_close_below(key->str));
			for (int j = 0; j < FINDING_KIND_COUNT; j++)
				text_closest(&near, finding_kind_name(j));
			const char *best = near.best;
			if (strcmp(key->str, "unreadable") == 0)
				diag_add(dl, c->path, key->line, key->col, SEV_ERROR,
				    "an unreadable file is always an error; its severity cannot be set");
			else if (best != NULL)
				diag_add(dl, c->path, key->line, key->col, SEV_ERROR,
				    "unknown kind '%s' in severity; did you mean '%s'?", key->str, best);
			else {
				char known[300];
				text_join_names(known, sizeof known, finding_kind_name, FINDING_KIND_COUNT);
				diag_add(dl, c->path, key->line, key->col, SEV_ERROR,
				    "unknown kind '%s' in severity (known: %s)", key->str, known);
			}
			continue;
		}
		if (kline[k] != 0) {
			diag_add(dl, c->path, key->line, key->col, SEV_ERROR,
			    "severity of '%s' is set twice (also on line %lu)", key->str, kline[k]);
			continue;
		}
		kline[k] = key->line;
		enum severity sev = val->type == YNODE_SCALAR ? severity_lookup(val->str) : SEV_NONE;
		if (sev == SEV_NONE) {
			diag_add(dl, c->path, val->line, val->col, SEV_ERROR,
			    "invalid severity for '%s' (expected error, warning or info)", key->str);
			continue;
		}
		c->kind_sev_set[k] = true;
		c->kind_sev[k] = sev;
		char *more = xasprintf("%s%s%s: %s", shown, shown[0] ? ", " : "", key->str, severity_name(sev));
		free(shown);
		shown = more;
	}
	c->value[SETTING_SEVERITY] = xasprintf("{%s}", shown);
	c->line[SETTING_SEVERITY] = v->line;
	free(shown);
}

/* Check one value; problems go to dl. */
static void
set_value(struct settings *c, enum setting k, const struct ynode *v, struct diag_list *dl)
{
	const char *name = key_names[k];
	if (k == SETTING_SEVERITY) {
		set_severities(c, v, dl);
		return;
	}
	if (v->type != YNODE_SCALAR || v->len == 0 || ynode_plain_type(v) != NULL) {
		const char *what = v->type == YNODE_MAP ? "a mapping" : v->type == YNODE_SEQ ? "a list" :
		    v->len == 0 ? "empty" : ynode_plain_type(v);
		diag_add(dl, c->path, v->line, v->col, SEV_ERROR, "'%s' must be %s, not %s", name,
		    k == SETTING_DURATION ? "a duration such as 25m" : "a string", what);
		return;
	}
	const char *s = v->str;
	if (strlen(s) != v->len) {
		diag_add(dl, c->path, v->line, v->col, SEV_ERROR, "'%s' contains a NUL character", name);
		return;
	}
	switch (k) {
	case SETTING_DURATION:
		if (!duration_parse(s, &c->duration)) {
			diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
			    "invalid duration '%s' (" DURATION_HINT ")", s);
			return;
		}
		break;
	case SETTING_POLICY: {
		int p = policy_lookup(s);
		if (p < 0) {
			diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
			    "invalid policy '%s' (expected strict, default or lenient)", s);
			return;
		}
		c->policy = (enum policy)p;
		break;
	}
	case SETTING_FAIL_ON:
		if (strcmp(s, "never") != 0 && severity_lookup(s) == SEV_NONE) {
			diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
			    "invalid fail-on '%s' (expected error, warning, info or never)", s);
			return;
		}
		break;
	case SETTING_COLOR:
		if (strcmp(s, "auto") != 0 && strcmp(s, "always") != 0 && strcmp(s, "never") != 0) {
			diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
			    "invalid color '%s' (expected auto, always or never)", s);
			return;
		}
		break;
	case SETTING_TRANSCRIPT_DIR:
		if (s[0] == '~' && (s[1] == '/' || s[1] == '\0')) {
			const char *home = files_home_dir();
			if (home == NULL) {
				diag_add(dl, c->path, v->line, v->col, SEV_ERROR,
				    "'~' in transcript-dir, but there is no home directory");
				return;
			}
			c->value[k] = xasprintf("%s%s", home, s + 1);
			c->line[k] = v->line;
			return;
		}
		if (s[0] != '/') {
			c->value[k] = beside(c->path, s);
			c->line[k] = v->line;
			return;
		}
		break;
	case SETTING_BANK:
		/* A file (not a bank's name) is found from the config file. */
		if (s[0] != '/' && catalog_names_file(s)) {
			c->value[k] = beside(c->path, s);
			c->line[k] = v->line;
			return;
		}
		break;
	default:
		break;
	}
	c->value[k] = xstrdup(s);
	c->line[k] = v->line;
}

bool
settings_load(struct settings *c, const char *path, bool disabled)
{
	memset(c, 0, sizeof *c);
	if (disabled)
		return true;
	const char *env = getenv("INFOCOACH_CONFIG");
	c->source = SETTINGS_OPTION;
	if (path == NULL && env != NULL && env[0] != '\0') {
		path = env;     /* like --config: the file must exist */
		c->source = SETTINGS_ENV;
	}
	if (files_is_none(path)) {
		c->none = true;   /* --config /dev/null: no file, as --no-config */
		return true;
	}
	c->path = path != NULL ? xstrdup(path) : find_config(&c->source);
	if (c->path == NULL)
		return true;

	struct diag_list dl = {0};
	struct ynode *root = ytree_load_opt(c->path, &dl, YTREE_EMPTY_OK);
	/* An empty file, or one with only comments, holds no settings. */
	if (root != NULL && root->type != YNODE_MAP && !(root->type == YNODE_SCALAR && root->len == 0 && root->plain))
		diag_add(&dl, c->path, root->line, root->col, SEV_ERROR,
		    "a config file is a mapping of settings (key: value)");
	for (size_t i = 0; root != NULL && root->type == YNODE_MAP && i + 1 < root->nkids; i += 2) {
		const struct ynode *key = root->kids[i], *val = root->kids[i + 1];
		if (key->type != YNODE_SCALAR || key->reported)
			continue;
		int k = settings_key_lookup(key->str);
		if (k < 0) {
			struct text_closest near;
			text_closest_begin(&near, key->str, TEXT_CLOSE);
			for (int j = 0; j < SETTING_COUNT; j++)
				text_closest(&near, key_names[j]);
			const char *best = near.best;
			if (best != NULL)
				diag_add(&dl, c->path, key->line, key->col, SEV_ERROR,
				    "unknown setting '%s'; did you mean '%s'?", key->str, best);
			else {
				char known[200];
				diag_add(&dl, c->path, key->line, key->col, SEV_ERROR,
				    "unknown setting '%s' (known: %s)", key->str, settings_known(known, sizeof known));
			}
			continue;
		}
		if (c->value[k] != NULL) {
			diag_add(&dl, c->path, key->line, key->col, SEV_ERROR,
			    "'%s' is set twice (also on line %lu)", key->str, c->line[k]);
			continue;
		}
		set_value(c, (enum setting)k, val, &dl);
	}
	bool ok = root != NULL && dl.errors == 0;
	diag_sort(&dl);
	diag_flush(&dl, stderr);
	if (!ok) {
		if (root != NULL)
			fprintf(stderr, "Fix the file, or use --no-config to run without it.\n");
		settings_free(c);
	}
	ynode_free(root);
	return ok;
}

void
settings_free(struct settings *c)
{
	free(c->path);
	for (int k = 0; k < SETTING_COUNT; k++)
		free(c->value[k]);
	memset(c, 0, sizeof *c);
}

char *
settings_origin(const struct settings *c, enum setting k)
{
	return xasprintf("%s:%lu", c->path, c->line[k]);
}
