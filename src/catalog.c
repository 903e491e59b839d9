/*
 * catalog.c -- where banks and rule files are found, and which are active
 * (see catalog.h).
 */
#include <config.h>

#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

static bool
is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
add_dir(struct catalog *c, char *path, const char *origin)
{
	for (size_t i = 0; i < c->ndirs; i++) {
		if (strcmp(c->dirs[i].path, path) == 0) {
			free(path);
			return;
		}
	}
	if (c->ndirs < sizeof c->dirs / sizeof *c->dirs && is_dir(path)) {
		c->dirs[c->ndirs].path = path;
		c->dirs[c->ndirs].origin = origin;
		c->ndirs++;
	} else {
		free(path);
	}
}

/* Whether this process is the binary in the build tree. */
static bool
running_from_build_tree(void)
{
	char self[PATH_MAX], built[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	if (realpath(ABS_TOP_BUILDDIR "/src/infocoach", built) == NULL)
		return false;
	return strcmp(self, built) == 0;
}

void
catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof *c);
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	/* The XDG spec says relative values are to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		add_dir(c, xasprintf("%s/infocoach/questionbanks", xdg), "XDG_DATA_HOME");
	else if (home != NULL && home[0] == '/')
		add_dir(c, xasprintf("%s/.local/share/infocoach/questionbanks", home), "XDG_DATA_HOME");
	if (running_from_build_tree())
		add_dir(c, xstrdup(ABS_TOP_SRCDIR "/questionbanks"), "source tree");
	add_dir(c, xstrdup(PKGDATADIR "/questionbanks"), "installed");
}

void
catalog_free(struct catalog *c)
{
	for (size_t i = 0; i < c->ndirs; i++)
		free(c->dirs[i].path);
	c->ndirs = 0;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

char *
catalog_find(const struct catalog *c, const char *name)
{
	if (strchr(name, '/') != NULL || ends_with(name, ".yaml") || ends_with(name, ".yml"))
		return xstrdup(name);
	for (size_t i = 0; i < c->ndirs; i++) {
		char *p = xasprintf("%s/%s.yaml", c->dirs[i].path, name);
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

struct found {
	char *name;             /* file name */
	char *path;             /* full path */
	const char *origin;     /* directory origin */
};

static int
cmp_found(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->name, ((const struct found *)b)->name);
}

size_t
catalog_list(const struct catalog *c, const char *sub, char ***paths, const char ***origins)
{
	struct found *f = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < c->ndirs; i++) {
		char *dir = sub[0] ? xasprintf("%s/%s", c->dirs[i].path, sub) : xstrdup(c->dirs[i].path);
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d != NULL && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || !ends_with(e->d_name, ".yaml"))
				continue;
			bool seen = false;
			for (size_t j = 0; j < n && !seen; j++)
				seen = strcmp(f[j].name, e->d_name) == 0;
			if (seen)
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			struct stat st;
			if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
				free(p);
				continue;
			}
			xgrow((void **)&f, &cap, n + 1, sizeof *f);
			f[n].name = xstrdup(e->d_name);
			f[n].path = p;
			f[n].origin = c->dirs[i].origin;
			n++;
		}
		if (d != NULL)
			closedir(d);
		free(dir);
	}
	if (n > 1)
		qsort(f, n, sizeof *f, cmp_found);
	*paths = xcalloc(n + 1, sizeof **paths);
	if (origins != NULL)
		*origins = xcalloc(n + 1, sizeof **origins);
	for (size_t i = 0; i < n; i++) {
		(*paths)[i] = f[i].path;
		if (origins != NULL)
			(*origins)[i] = f[i].origin;
		free(f[i].name);
	}
	free(f);
	return n;
}

static void
add_file(struct ruleset *rs, struct bank *b)
{
	rs->files = xreallocarray(rs->files, rs->nfiles + 1, sizeof *rs->files);
	rs->files[rs->nfiles++] = b;
}

/* Order rules by id, then by file order (their address within the
 * loading sequence is not meaningful, so use file and line). */
static int
cmp_rule_id(const void *a, const void *b)
{
	const struct rule *x = *(const struct rule *const *)a, *y = *(const struct rule *const *)b;
	int c = strcmp(x->id, y->id);
	if (c != 0)
		return c;
	c = strcmp(x->file, y->file);
	if (c != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

struct ruleset *
catalog_open(const struct catalog *c, const char *const *names, size_t n, struct diag_list *dl)
{
	struct ruleset *rs = xcalloc(1, sizeof *rs);
	const char *deflt = CATALOG_DEFAULT_BANK;
	bool ok = true;
	char **paths = NULL;
	size_t nrf = catalog_list(c, "rules", &paths, NULL);

	for (size_t i = 0; i < nrf; i++) {
		struct bank *b = bank_load(paths[i], dl, 0);
		if (b == NULL)
			ok = false;
		else
			add_file(rs, b);
		free(paths[i]);
	}
	free(paths);
	if (n == 0) {
		names = &deflt;
		n = 1;
	}
	rs->banks = xcalloc(n, sizeof *rs->banks);
	for (size_t i = 0; i < n; i++) {
		char *path = catalog_find(c, names[i]);
		if (path == NULL) {
			diag_add(dl, names[i], 0, 0, SEV_ERROR,
			    "no such bank (see 'infocoach banks' for the banks found)");
			ok = false;
			continue;
		}
		struct bank *b = bank_load(path, dl, 0);
		free(path);
		if (b == NULL) {
			ok = false;
			continue;
		}
		if (b->rules_only) {
			add_file(rs, b);
			continue;
		}
		add_file(rs, b);
		rs->banks[rs->nbanks++] = b;
	}
	for (size_t i = 0; i < rs->nfiles; i++) {
		struct bank *b = rs->files[i];
		rs->rules = xreallocarray(rs->rules, rs->nrules + b->nrules + 1, sizeof *rs->rules);
		for (size_t j = 0; j < b->nrules; j++)
			rs->rules[rs->nrules++] = &b->rules[j];
		rs->cues = xreallocarray(rs->cues, rs->ncues + b->ncues + 1, sizeof *rs->cues);
		for (size_t j = 0; j < b->ncues; j++)
			rs->cues[rs->ncues++] = &b->cues[j];
	}
	/* The same rule id in two files: sort a copy to find them fast. */
	const struct rule **sorted = xcalloc(rs->nrules + 1, sizeof *sorted);
	memcpy(sorted, rs->rules, rs->nrules * sizeof *sorted);
	qsort(sorted, rs->nrules, sizeof *sorted, cmp_rule_id);
	for (size_t i = 1; i < rs->nrules; i++) {
		if (strcmp(sorted[i]->id, sorted[i - 1]->id) != 0)
			continue;
		const struct rule *r = sorted[i], *first = sorted[i - 1];
		diag_add(dl, r->file, r->line, r->col, SEV_ERROR, "rule '%s' is already defined in %s:%lu:%lu",
		    r->id, first->file, first->line, first->col);
		ok = false;
	}
	free(sorted);
	if (!ok) {
		ruleset_free(rs);
		return NULL;
	}
	return rs;
}

void
ruleset_free(struct ruleset *rs)
{
	if (rs == NULL)
		return;
	for (size_t i = 0; i < rs->nfiles; i++)
		bank_free(rs->files[i]);
	free(rs->files);
	free(rs->banks);
	free(rs->rules);
	free(rs->cues);
	free(rs);
}
