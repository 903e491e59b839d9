/*
 * transcript.c -- the session journal (see transcript.h).
 *
 * Every record goes into a queue first, and transcript_flush() empties the
 * queue front to back: one files_write_all() and one files_fsync() per
 * record, and only after both succeed does the record leave the queue and
 * the file's "good" size grow.  Whatever goes wrong, the file is cut back
 * to that good size, so it always ends after a whole record.  A failed
 * sync means the kernel may have dropped the unsaved data while still
 * reporting success later (PostgreSQL's "fsyncgate"), so the descriptor
 * is closed and the file reopened instead of trusting it again.
 */
#include <config.h>

#include "transcript.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duration.h"
#include "files.h"
#include "text.h"
#include "xmalloc.h"

/* The flags every transcript is opened with, plus O_CREAT or O_EXCL. */
#define OPEN_FLAGS (O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)

/* How many names transcript_create() tries: NAME.md, NAME-2.md ... */
#define CREATE_TRIES 100

/* Room for a message that names a path. */
#define MSG_MAX (PATH_MAX + 256)

struct transcript {
	char *path;         /* the file (owned) */
	int fd;             /* open for appending; -1 after a failed reopen */
	off_t good;         /* file size with exactly the saved records */
	char **pending;     /* records not saved yet, oldest first (owned) */
	size_t npending;    /* how many */
	size_t cap;         /* allocated slots in pending */
	char *err;          /* why the last save failed, or "" (owned) */
};

/* Replace the message transcript_error() returns. */
static void set_error(struct transcript *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
set_error(struct transcript *t, const char *fmt, ...)
{
	va_list ap;

	free(t->err);
	va_start(ap, fmt);
	t->err = xvasprintf(fmt, ap);
	va_end(ap);
}

/* The directory part of path ("." when there is none). */
static char *
parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Open path with OPEN_FLAGS | extra and make sure it is a regular file of
 * ours with mode 0600 (fixing the mode when it is not).  Returns the
 * descriptor and stores the file size in *size, or -1 with a message in
 * err; errno is then EEXIST when O_EXCL found the name taken.
 */
static int
open_private(const char *path, int extra, off_t *size, char *err, size_t errlen)
{
	struct stat st;
	int fd, flags;

	/* O_NONBLOCK so that a FIFO without a reader fails instead of
	 * hanging; it is cleared again below. */
	fd = open(path, OPEN_FLAGS | O_NONBLOCK | extra, 0600);
	if (fd < 0) {
		int e = errno;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			snprintf(err, errlen, "refusing to write through the symbolic link '%s'", path);
		else if (e != EEXIST && lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
			snprintf(err, errlen, "refusing to write the transcript to '%s': not a regular file", path);
		else
			snprintf(err, errlen, "cannot open the transcript '%s': %s", path, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "cannot open the transcript '%s': %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "refusing to write the transcript to '%s': not a regular file", path);
		goto fail;
	}
	if (st.st_uid != geteuid()) {
		snprintf(err, errlen, "refusing to write the transcript to '%s': it belongs to another user", path);
		goto fail;
	}
	if ((st.st_mode & 07777) != 0600 && fchmod(fd, 0600) < 0) {
		snprintf(err, errlen, "cannot make the transcript '%s' private: %s", path, strerror(errno));
		goto fail;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		snprintf(err, errlen, "cannot open the transcript '%s': %s", path, strerror(errno));
		goto fail;
	}
	*size = st.st_size;
	return fd;
fail:
	close(fd);
	errno = 0;
	return -1;
}

/* A transcript over fd, open on path, whose file is size bytes long. */
static struct transcript *
transcript_new(const char *path, int fd, off_t size)
{
	struct transcript *t = xcalloc(1, sizeof *t);

	t->path = xstrdup(path);
	t->fd = fd;
	t->good = size;
	t->err = xstrdup("");
	return t;
}

struct transcript *
transcript_open(const char *path, char *err, size_t errlen)
{
	char *dir = parent_dir(path);
	off_t size = 0;
	int fd = -1;

	if (files_mkdir_private(dir, err, errlen))
		fd = open_private(path, O_CREAT, &size, err, errlen);
	free(dir);
	return fd < 0 ? NULL : transcript_new(path, fd, size);
}

char *
transcript_default_path(const char *in, const char *bank_id, time_t now)
{
	char *state = in == NULL ? files_state_dir() : NULL;
	char *dir = in != NULL ? xstrdup(in) : state != NULL ? xasprintf("%s/sessions", state) : NULL;
	char *id, *path;
	char stamp[32];
	struct tm tm;

	if (dir == NULL)
		return NULL;
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "00000000-000000");
	/* The id becomes part of a file name: keep it to one harmless word. */
	id = xstrdup(bank_id[0] != '\0' ? bank_id : "session");
	for (char *p = id; *p != '\0'; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_';
		if (!plain)
			*p = '_';
	}
	path = xasprintf("%s/%s-%s.md", dir, stamp, id);
	free(id);
	free(dir);
	free(state);
	return path;
}

struct transcript *
transcript_create(const char *in, const char *bank_id, time_t now, char *err, size_t errlen)
{
	char *stem = transcript_default_path(in, bank_id, now);
	char *dir = NULL, *path = NULL;
	struct transcript *t = NULL;
	off_t size = 0;

	if (stem == NULL) {
		snprintf(err, errlen, "cannot find a directory for transcripts: "
		    "HOME is not set and the user has no home directory");
		return NULL;
	}
	dir = parent_dir(stem);
	if (!files_mkdir_private(dir, err, errlen))
		goto out;
	stem[strlen(stem) - 3] = '\0';  /* drop ".md" */
	for (int i = 1; i <= CREATE_TRIES; i++) {
		free(path);
		path = i == 1 ? xasprintf("%s.md", stem) : xasprintf("%s-%d.md", stem, i);
		int fd = open_private(path, O_CREAT | O_EXCL, &size, err, errlen);
		if (fd >= 0) {
			t = transcript_new(path, fd, size);
			goto out;
		}
		if (errno != EEXIST)
			goto out;
	}
	snprintf(err, errlen, "cannot create a new transcript: '%s.md' and %d more names like it are taken",
	    stem, CREATE_TRIES - 1);
out:
	free(path);
	free(dir);
	free(stem);
	return t;
}

/*
 * Open the file again after its descriptor was given up, and cut it back
 * to the last good size.  Returns 0, or -1 with a message in why.
 */
static int
reopen(struct transcript *t, char *why, size_t whylen)
{
	off_t size;
	int fd = open_private(t->path, 0, &size, why, whylen);

	if (fd < 0)
		return -1;
	if (ftruncate(fd, t->good) < 0) {
		snprintf(why, whylen, "cannot cut the transcript '%s' back to its last saved record: %s",
		    t->path, strerror(errno));
		close(fd);
		return -1;
	}
	t->fd = fd;
	return 0;
}

int
transcript_flush(struct transcript *t)
{
	char why[MSG_MAX];

	while (t->npending > 0) {
		const char *rec = t->pending[0];
		size_t len = strlen(rec);

		if (t->fd < 0 && reopen(t, why, sizeof why) < 0) {
			set_error(t, "%s", why);
			return -1;
		}
		if (files_write_all(t->fd, rec, len) < 0) {
			set_error(t, "cannot save the transcript '%s': %s", t->path, strerror(errno));
			/* Cut off whatever part of the record did get written;
			 * if even that fails, reopen and cut before the retry. */
			if (ftruncate(t->fd, t->good) < 0) {
				close(t->fd);
				t->fd = -1;
			}
			return -1;
		}
		if (files_fsync(t->fd) < 0) {
			set_error(t, "cannot save the transcript '%s': flushing to disk failed: %s",
			    t->path, strerror(errno));
			close(t->fd);
			t->fd = -1;
			/* If this fails too, the next flush tries again. */
			(void)reopen(t, why, sizeof why);
			return -1;
		}
		t->good += (off_t)len;
		free(t->pending[0]);
		t->npending--;
		memmove(t->pending, t->pending + 1, t->npending * sizeof *t->pending);
	}
	set_error(t, "%s", "");
	return 0;
}

/* Queue a record (taking ownership of it) and save the queue. */
static int
add_record(struct transcript *t, char *rec)
{
	xgrow((void **)&t->pending, &t->cap, t->npending + 1, sizeof *t->pending);
	t->pending[t->npending++] = rec;
	return transcript_flush(t);
}

/* s made fit for one line of the transcript: cut, then escaped. */
static char *
one_line(const char *s)
{
	size_t n = strlen(s);
	char *safe, *cut;

	if (n <= TRANSCRIPT_MAX_TEXT)
		return text_sanitize(s, n);
	n = TRANSCRIPT_MAX_TEXT;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;            /* do not split a UTF-8 sequence */
	safe = text_sanitize(s, n);
	cut = xasprintf("%s [...]", safe);
	free(safe);
	return cut;
}

int
transcript_append(struct transcript *t, const char *who, const char *text, uint64_t when_ms)
{
	char stamp[16];
	struct tm tm;
	time_t when = (time_t)(when_ms / 1000);
	char *w = one_line(who), *s = one_line(text);

	if (gmtime_r(&when, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%H:%M:%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "--:--:--");
	char *rec = xasprintf("**%s.%03u %s:** %s\n\n", stamp, (unsigned)(when_ms % 1000), w, s);
	free(w);
	free(s);
	return add_record(t, rec);
}

int
transcript_append_line(struct transcript *t, const char *line)
{
	char *s = one_line(line);
	char *rec = xasprintf("%s\n", s);
	free(s);
	return add_record(t, rec);
}

int
transcript_header(struct transcript *t, const char *title,
    const char *const *lines, size_t n)
{
	char *s = one_line(title);
	char *rec = xasprintf("# %s\n\n", s);

	free(s);
	for (size_t i = 0; i < n; i++) {
		char *old = rec;
		s = one_line(lines[i]);
		rec = xasprintf("%s- %s\n%s", old, s, i + 1 == n ? "\n" : "");
		free(s);
		free(old);
	}
	return add_record(t, rec);
}

/* "YYYY-MM-DD HH:MM:SS.mmm UTC" for ms since the epoch, into buf. */
static void
stamp_utc(uint64_t ms, char *buf, size_t len)
{
	struct tm tm;
	time_t when = (time_t)(ms / 1000);

	if (gmtime_r(&when, &tm) == NULL || strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		snprintf(buf, len, "unknown");
	else
		snprintf(buf + strlen(buf), len - strlen(buf), ".%03u UTC", (unsigned)(ms % 1000));
}

int
transcript_begin(struct transcript *t, const struct transcript_meta *m)
{
	char started[64], planned[32];
	size_t cap = 7 + (m->plan != NULL ? 1 + m->plan->n : 0);
	char **lines = xcalloc(cap, sizeof *lines);
	size_t n = 0;
	int rc;

	stamp_utc(m->started_ms, started, sizeof started);
	lines[n++] = xasprintf("bank: %s (%s)", m->bank_id, m->bank_title);
	lines[n++] = xasprintf("host: %s", m->host);
	lines[n++] = xasprintf("persona: %s", m->persona_id);
	lines[n++] = xasprintf("started: %s", started);
	if (m->duration > 0) {
		duration_format(m->duration, planned, sizeof planned);
		lines[n++] = xasprintf("duration: %s", planned);
	}
	lines[n++] = xasprintf("policy: %s", m->policy);
	if (m->plan != NULL) {
		/* So that a report rebuilt from the file has the plan too. */
		char *file = text_sanitize(m->plan->file, strlen(m->plan->file));
		lines[n++] = xasprintf("questions: %s", file);
		free(file);
		for (size_t i = 0; i < m->plan->n; i++) {
			const struct plan_item *it = &m->plan->items[i];
			lines[n++] = xasprintf("question: line %lu, %s: %s", it->line,
			    it->cat == CAT_NONE ? "none" : category_name(it->cat), it->text);
		}
	}
	rc = transcript_header(t, m->mock ? "infocoach mock session" : "infocoach practice session",
	    (const char *const *)lines, n);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return rc;
}

int
transcript_review_begin(struct transcript *t, uint64_t started_ms, size_t items)
{
	char started[64], count[48] = "";

	stamp_utc(started_ms, started, sizeof started);
	if (items > 0)
		snprintf(count, sizeof count, "- items: %zu\n", items);
	return add_record(t, xasprintf("## infocoach review\n\n- started: %s\n%s\n", started, count));
}

size_t
transcript_pending(const struct transcript *t)
{
	return t->npending;
}

const char *
transcript_path(const struct transcript *t)
{
	return t->path;
}

const char *
transcript_error(const struct transcript *t)
{
	return t->err;
}

int
transcript_close(struct transcript *t)
{
	int rc;

	if (t == NULL)
		return 0;
	transcript_flush(t);
	rc = t->npending == 0 ? 0 : -1;
	/* Every saved record has been synced, so an error from close()
	 * cannot mean lost data. */
	if (t->fd >= 0)
		close(t->fd);
	for (size_t i = 0; i < t->npending; i++)
		free(t->pending[i]);
	free(t->pending);
	free(t->path);
	free(t->err);
	free(t);
	return rc;
}

int
transcript_save_beside(const struct transcript *t, const char *suffix,
    const char *text, char **saved, char *err, size_t errlen)
{
	size_t stem = strlen(t->path);
	char *path;
	int rc;

	if (stem >= 3 && strcmp(t->path + stem - 3, ".md") == 0)
		stem -= 3;
	path = xasprintf("%.*s%s", (int)stem, t->path, suffix);
	rc = files_save_atomic(path, text, strlen(text), err, errlen);
	if (rc == 0 && saved != NULL)
		*saved = path;
	else
		free(path);
	return rc;
}
