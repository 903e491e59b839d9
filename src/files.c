/*
 * files.c -- private files and directories, written durably (see files.h).
 *
 * The durable replace follows rename(2) and fsync(2): the data is synced
 * before the rename so the new name never points at empty blocks, and the
 * directory is synced after it so the rename itself survives a crash.
 * The fault-injection counters live here and nowhere else; without
 * ENABLE_FAULT_INJECTION they are not compiled at all.
 */
#include <config.h>

#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

#ifdef ENABLE_FAULT_INJECTION
static unsigned long write_calls;   /* files_write_all() calls so far */
static unsigned long fsync_calls;   /* files_fsync() calls so far */

/*
 * Count one more call and say whether the variable name asks for it to
 * fail: "N" fails the Nth call, "N+" the Nth and every later one.
 * Anything else (unset, empty, 0, not a number) fails nothing.
 */
static bool
fault_due(const char *name, unsigned long *calls)
{
	const char *v = getenv(name);
	unsigned long n = 0;

	++*calls;
	if (v == NULL || *v < '0' || *v > '9')
		return false;
	for (; *v >= '0' && *v <= '9'; v++) {
		if (n > 100000000)
			return false;
		n = n * 10 + (unsigned long)(*v - '0');
	}
	if (n == 0)
		return false;
	if (strcmp(v, "+") == 0)
		return *calls >= n;
	return *v == '\0' && *calls == n;
}
#endif

/* Create one directory; an existing directory is fine. */
static bool
mkdir_one(const char *path, char *err, size_t errlen)
{
	struct stat st;

	if (mkdir(path, 0700) == 0) {
		/* The umask may have taken bits away; put them back. */
		if (chmod(path, 0700) < 0) {
			snprintf(err, errlen, "cannot set the mode of the directory '%s': %s",
			    path, strerror(errno));
			return false;
		}
		return true;
	}
	if (errno != EEXIST) {
		snprintf(err, errlen, "cannot create the directory '%s': %s",
		    path, strerror(errno));
		return false;
	}
	if (stat(path, &st) < 0) {
		snprintf(err, errlen, "cannot create the directory '%s': %s",
		    path, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "'%s' exists and is not a directory", path);
		return false;
	}
	return true;
}

bool
files_mkdir_private(const char *dir, char *err, size_t errlen)
{
	char *path = xstrdup(dir);
	size_t len = strlen(path);
	bool ok = false;

	if (len == 0) {
		snprintf(err, errlen, "cannot create a directory with an empty name");
		goto out;
	}
	/* Each prefix ending before a '/' (or at the end) is one directory. */
	for (size_t i = 1; i <= len; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		if (path[i - 1] == '/')
			continue;       /* the root, or "//" */
		char saved = path[i];
		path[i] = '\0';
		bool made = mkdir_one(path, err, errlen);
		path[i] = saved;
		if (!made)
			goto out;
	}
	ok = true;
out:
	free(path);
	return ok;
}

const char *
files_home_dir(void)
{
	const char *home = getenv("HOME");
	if (home == NULL || home[0] == '\0') {
		struct passwd *pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	return home != NULL && home[0] != '\0' ? home : NULL;
}

char *
files_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/infocoach", xdg);
	const char *home = files_home_dir();
	return home != NULL ? xasprintf("%s/.local/state/infocoach", home) : NULL;
}

bool
files_is_none(const char *path)
{
	return path != NULL && strcmp(path, "/dev/null") == 0;
}

char *
files_history_path(const char **origin)
{
	*origin = NULL;
	const char *env = getenv("INFOCOACH_HISTORY");
	if (env != NULL) {
		*origin = "INFOCOACH_HISTORY";
		return env[0] != '\0' && !files_is_none(env) ? xstrdup(env) : NULL;
	}
	char *dir = files_state_dir();
	char *path = dir != NULL ? xasprintf("%s/history", dir) : NULL;
	free(dir);
	return path;
}

int
files_save_atomic(const char *path, const char *data, size_t len,
    char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	char *dir, *tmp;
	int fd = -1, dirfd = -1, rc = -1;

	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	tmp = xasprintf("%s/.%s.XXXXXX", dir, slash != NULL ? slash + 1 : path);

	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot save '%s': cannot create a temporary file in '%s': %s",
		    path, dir, strerror(errno));
		free(tmp);
		tmp = NULL;     /* nothing to remove */
		goto out;
	}
	if (fchmod(fd, 0600) < 0) {
		snprintf(err, errlen, "cannot save '%s': %s", path, strerror(errno));
		goto out;
	}
	if (files_write_all(fd, data, len) < 0) {
		snprintf(err, errlen, "cannot save '%s': %s", path, strerror(errno));
		goto out;
	}
	if (files_fsync(fd) < 0) {
		snprintf(err, errlen, "cannot save '%s': flushing to disk failed: %s",
		    path, strerror(errno));
		goto out;
	}
	if (close(fd) < 0) {
		fd = -1;
		snprintf(err, errlen, "cannot save '%s': %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		snprintf(err, errlen, "cannot save '%s': cannot rename '%s' over it: %s",
		    path, tmp, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;             /* renamed: nothing to remove any more */

	/* Make the rename itself durable.  Some file systems cannot sync a
	 * directory and say EINVAL; the data is as safe as they allow. */
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0 || (files_fsync(dirfd) < 0 && errno != EINVAL)) {
		snprintf(err, errlen, "'%s' was saved, but flushing the directory '%s' to disk failed: %s",
		    path, dir, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (dirfd >= 0)
		close(dirfd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(dir);
	return rc;
}

ssize_t
files_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;

#ifdef ENABLE_FAULT_INJECTION
	if (fault_due("INFOCOACH_FAULT_WRITE", &write_calls)) {
		errno = ENOSPC;
		return -1;
	}
#endif
	if (len > SSIZE_MAX) {
		errno = EINVAL;
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, p + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			/* Not expected for a file; avoid looping forever. */
			errno = EIO;
			return -1;
		}
		done += (size_t)n;
	}
	return (ssize_t)len;
}

int
files_fsync(int fd)
{
#ifdef ENABLE_FAULT_INJECTION
	if (fault_due("INFOCOACH_FAULT_FSYNC", &fsync_calls)) {
		errno = EIO;
		return -1;
	}
#endif
	return fdatasync(fd);
}
