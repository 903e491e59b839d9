/*
 * Unit tests for transcript.c and files.c: record format and escaping,
 * private modes under any umask, refusing links, FIFOs, directories and
 * other users' files, unique names, the XDG state directory, and what
 * the file holds after a failed write or sync (fault injection, and a
 * real short write through RLIMIT_FSIZE).  Everything happens in a
 * temporary directory that is removed at the end.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "tap.h"
#include "transcript.h"
#include "xmalloc.h"

#define SKIP_FAULT "# SKIP fault injection not compiled in"

static char *top;               /* the temporary directory */
static char err[4096];          /* messages from the functions under test */

/* The last message, as a pointer (for is_str). */
static const char *
last_err(void)
{
	return err;
}

/* The path of t, or NULL when there is no t. */
static const char *
path_of(const struct transcript *t)
{
	return t != NULL ? transcript_path(t) : NULL;
}

/* A path inside the temporary directory (newly allocated). */
static char *
in_top(const char *name)
{
	return xasprintf("%s/%s", top, name);
}

/* The whole file as a string, or NULL when it cannot be read. */
static char *
slurp(const char *path)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NONBLOCK);

	if (fd < 0)
		return NULL;
	do {
		xgrow((void **)&buf, &cap, len + 4097, 1);
		n = read(fd, buf + len, 4096);
		if (n > 0)
			len += (size_t)n;
	} while (n > 0);
	close(fd);
	buf[len] = '\0';
	return buf;
}

/* Make path a 0644 file holding text. */
static void
spit(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		perror(path);
	close(fd);
}

/* Permission bits of path (not following a link), or -1. */
static int
mode_of(const char *path)
{
	struct stat st;
	return path != NULL && lstat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* How many names in dir start with '.' (other than "." and ".."). */
static int
dot_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	if (d != NULL)
		closedir(d);
	return n;
}

/* Whether s (which may be NULL) contains part. */
static bool
contains(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

/*
 * INFOCOACH_FAULT_*=N count every call in the process, so this test runs
 * first, when nothing has been written or synced yet.
 */
static void
test_fault_nth(void)
{
#ifdef ENABLE_FAULT_INJECTION
	char *path = in_top("nth/t.md");
	char *saved = in_top("nth.txt");
	char *got;

	/* Sync 1 is the temporary file's, sync 2 the directory's. */
	setenv("INFOCOACH_FAULT_FSYNC", "2", 1);
	is_int(files_save_atomic(saved, "x\n", 2, err, sizeof err), -1, "fault N: sync 2 (the directory) fails");
	unsetenv("INFOCOACH_FAULT_FSYNC");
	ok(contains(err, "was saved, but flushing the directory"), "  and the message says the file is in place");

	/* Write 1 was the save above. */
	struct transcript *t = transcript_open(path, err, sizeof err);
	setenv("INFOCOACH_FAULT_WRITE", "3", 1);
	ok(t != NULL && transcript_append(t, "you", "one", 0) == 0, "fault N: write 2 succeeds");
	ok(transcript_append(t, "you", "two", 1000) == -1, "fault N: write 3 fails");
	ok(transcript_append(t, "you", "three", 2000) == 0, "fault N: writes 4 and 5 succeed");
	unsetenv("INFOCOACH_FAULT_WRITE");
	got = slurp(path);
	is_str(got, "**00:00:00.000 you:** one\n\n**00:00:01.000 you:** two\n\n**00:00:02.000 you:** three\n\n",
	    "fault N: the retried record comes back in its place");
	free(got);
	transcript_close(t);
	free(saved);
	free(path);
#else
	for (int i = 0; i < 6; i++)
		ok(1, "fault N %s", SKIP_FAULT);
#endif
}

static void
test_records(void)
{
	char *path = in_top("a/b/t.md");
	const char *lines[] = {"bank: general", "persona: Dana\x1b[2J"};
	struct transcript *t = transcript_open(path, err, sizeof err);

	ok(t != NULL, "open creates the file and its parent directories");
	if (t == NULL) {
		printf("# %s\n", err);
		return;
	}
	is_str(transcript_path(t), path, "transcript_path");
	is_int(transcript_header(t, "Practice session", lines, 2), 0, "header saved");
	is_int(transcript_append(t, "you", "What does a normal week look like?", (3600 + 62) * 1000 + 274), 0,
	    "first record saved, to the millisecond");
	is_int(transcript_append(t, "Dana", "Line one\nline two\r\tand \x1b]0;x\x07 \xc2\x9b" "31m", 86399000), 0,
	    "second record saved");
	is_int(transcript_append(t, "y\nou", "", 0), 0, "empty text saved");
	is_int(transcript_pending(t), 0, "nothing pending");
	is_str(transcript_error(t), "", "no error");
	char *got = slurp(path);
	is_str(got,
	    "# Practice session\n\n- bank: general\n- persona: Dana\\x1b[2J\n\n"
	    "**01:01:02.274 you:** What does a normal week look like?\n\n"
	    "**23:59:59.000 Dana:** Line one\\nline two\\r\\tand \\x1b]0;x\\x07 \\x9b31m\n\n"
	    "**00:00:00.000 y\\nou:** \n\n",
	    "records in order, one line each, control characters escaped");
	free(got);
	is_int(transcript_close(t), 0, "close returns 0 when all was saved");
	is_int(transcript_close(NULL), 0, "close(NULL) returns 0");

	t = transcript_open(path, err, sizeof err);
	char *big = xmalloc(TRANSCRIPT_MAX_TEXT + 100);
	memset(big, 'a', TRANSCRIPT_MAX_TEXT + 99);
	big[TRANSCRIPT_MAX_TEXT + 99] = '\0';
	ok(t != NULL && transcript_append(t, "you", big, 0) == 0, "reopened and appended a long text");
	transcript_close(t);
	got = slurp(path);
	char *rec = got != NULL ? strstr(got, "**00:00:00.000 you:** aaa") : NULL;
	ok(rec != NULL && strlen(rec) == strlen("**00:00:00.000 you:** ") + TRANSCRIPT_MAX_TEXT + 8 &&
	    strcmp(rec + strlen(rec) - 8, " [...]\n\n") == 0, "a long text is cut with ' [...]'");
	ok(contains(got, "**00:00:00.000 y\\nou:** \n\n**00:00:00.000 you:**"), "reopening appends after the old records");
	free(got);

	/* An e-acute (2 bytes) straddling the limit is dropped whole. */
	memcpy(big + TRANSCRIPT_MAX_TEXT - 1, "\xc3\xa9", 2);
	t = transcript_open(path, err, sizeof err);
	ok(t != NULL && transcript_append(t, "you", big, 1000) == 0, "appended a long text with UTF-8 at the cut");
	transcript_close(t);
	got = slurp(path);
	rec = got != NULL ? strstr(got, "**00:00:01.000 you:** ") : NULL;
	ok(contains(rec, "a [...]\n\n") && !contains(rec, "\\x"), "  the cut does not split a character");
	free(got);
	free(big);
	free(path);
}

static void
test_modes(void)
{
	const mode_t masks[] = {0, 077, 0277};

	for (size_t i = 0; i < 3; i++) {
		char *name = xasprintf("umask%03o/sub/t.md", (unsigned)masks[i]);
		char *path = in_top(name);
		char *dir = xasprintf("%s/umask%03o", top, (unsigned)masks[i]);
		char *sub = xasprintf("%s/sub", dir);
		mode_t old = umask(masks[i]);
		struct transcript *t = transcript_open(path, err, sizeof err);
		umask(old);

		ok(t != NULL, "umask %03o: opened", (unsigned)masks[i]);
		is_int(mode_of(path), 0600, "file is 0600");
		is_int(mode_of(dir), 0700, "created directory is 0700");
		is_int(mode_of(sub), 0700, "created parent directory is 0700");
		transcript_close(t);
		free(sub);
		free(dir);
		free(path);
		free(name);
	}

	char *path = in_top("loose.md");
	spit(path, "old\n\n");
	chmod(path, 0644);
	struct transcript *t = transcript_open(path, err, sizeof err);
	ok(t != NULL && mode_of(path) == 0600, "an existing 0644 file becomes 0600");
	transcript_append(t, "you", "new", 0);
	transcript_close(t);
	char *got = slurp(path);
	is_str(got, "old\n\n**00:00:00.000 you:** new\n\n", "its content is kept and appended to");
	free(got);
	free(path);

	char *file = in_top("plain");
	char *below = in_top("plain/x/y");
	spit(file, "");
	ok(!files_mkdir_private(below, err, sizeof err), "a file where a directory should be is an error");
	char *want = xasprintf("'%s' exists and is not a directory", file);
	is_str(last_err(), want, "  and says which path");
	free(want);
	free(below);
	free(file);
}

static void
test_refusals(void)
{
	char *target = in_top("target");
	char *link = in_top("link.md");
	char *want;

	spit(target, "secret\n");
	symlink(target, link);
	ok(transcript_open(link, err, sizeof err) == NULL, "a symbolic link at the path is refused");
	want = xasprintf("refusing to write through the symbolic link '%s'", link);
	is_str(last_err(), want, "  with a clear message");
	free(want);
	char *got = slurp(target);
	is_str(got, "secret\n", "  and the link target is untouched");
	free(got);
	is_int(mode_of(target), 0644, "  and keeps its mode");

	char *nowhere = in_top("nowhere");
	char *dangling = in_top("dangling.md");
	symlink(nowhere, dangling);
	ok(transcript_open(dangling, err, sizeof err) == NULL && access(nowhere, F_OK) < 0,
	    "a dangling link is refused and its target not created");
	free(dangling);
	free(nowhere);

	char *fifo = in_top("fifo.md");
	mkfifo(fifo, 0600);
	ok(transcript_open(fifo, err, sizeof err) == NULL && contains(err, "not a regular file"),
	    "a FIFO is refused without hanging");
	free(fifo);

	char *dir = in_top("dir.md");
	mkdir(dir, 0700);
	ok(transcript_open(dir, err, sizeof err) == NULL && contains(err, "not a regular file"),
	    "a directory is refused");
	free(dir);

	char *theirs = in_top("theirs.md");
	spit(theirs, "");
	if (geteuid() == 0 && chown(theirs, 4242, 4242) == 0)
		ok(transcript_open(theirs, err, sizeof err) == NULL && contains(err, "belongs to another user"),
		    "another user's file is refused");
	else
		ok(1, "another user's file is refused # SKIP needs root to chown");
	free(theirs);
	free(link);
	free(target);
}

static void
test_paths(void)
{
	char *state = in_top("state");
	char *home = in_top("home");
	char *p;

	setenv("XDG_STATE_HOME", state, 1);
	setenv("HOME", home, 1);
	p = transcript_default_path(NULL, "general", 1704164645);
	char *want = xasprintf("%s/infocoach/sessions/20240102-030405-general.md", state);
	is_str(p, want, "default path under XDG_STATE_HOME, in UTC");
	free(want);
	free(p);

	setenv("XDG_STATE_HOME", "relative/state", 1);
	p = transcript_default_path(NULL, "../x/y z", 0);
	want = xasprintf("%s/.local/state/infocoach/sessions/19700101-000000-.._x_y_z.md", home);
	is_str(p, want, "a relative XDG_STATE_HOME is ignored; the bank id cannot add directories");
	free(want);
	free(p);

	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	p = files_state_dir();
	ok(p != NULL && contains(p, "/.local/state/infocoach"), "without HOME the password database is used");
	free(p);

	setenv("XDG_STATE_HOME", state, 1);
	setenv("HOME", home, 1);
	struct transcript *a = transcript_create(NULL, "general", 1704164645, err, sizeof err);
	struct transcript *b = transcript_create(NULL, "general", 1704164645, err, sizeof err);
	want = xasprintf("%s/infocoach/sessions/20240102-030405-general-2.md", state);
	ok(a != NULL && b != NULL, "create twice at the same second");
	is_str(path_of(b), want, "  the second one gets '-2'");
	free(want);
	char *sessions = xasprintf("%s/infocoach/sessions", state);
	is_int(mode_of(sessions), 0700, "  the sessions directory is 0700");
	is_int(mode_of(path_of(a)), 0600, "  the file is 0600");

	char *target = in_top("target3");
	char *planted = xasprintf("%s/20240102-030405-general-3.md", sessions);
	spit(target, "keep\n");
	symlink(target, planted);
	struct transcript *c = transcript_create(NULL, "general", 1704164645, err, sizeof err);
	ok(contains(path_of(c), "-4.md"), "a planted link is skipped, never opened");
	if (c != NULL)
		transcript_append(c, "you", "hi", 0);
	char *got = slurp(target);
	is_str(got, "keep\n", "  and its target is untouched");
	free(got);
	transcript_close(c);
	transcript_close(b);
	transcript_close(a);
	free(planted);
	free(target);
	free(sessions);
	free(home);
	free(state);
}

#ifdef ENABLE_FAULT_INJECTION
/* A transcript at name holding one saved record. */
static struct transcript *
one_record(const char *name, char **path)
{
	*path = in_top(name);
	struct transcript *t = transcript_open(*path, err, sizeof err);
	transcript_append(t, "you", "saved", 0);
	return t;
}
#endif

static void
test_faults(void)
{
#ifdef ENABLE_FAULT_INJECTION
	char *path, *before, *got;
	struct transcript *t = one_record("full.md", &path);

	before = slurp(path);
	setenv("INFOCOACH_FAULT_WRITE", "1+", 1);
	is_int(transcript_append(t, "you", "first", 1000), -1, "disk full: append fails");
	char *want = xasprintf("cannot save the transcript '%s': No space left on device", path);
	is_str(transcript_error(t), want, "  the error names the file and ENOSPC");
	free(want);
	got = slurp(path);
	is_str(got, before, "  the file is byte-identical to before");
	free(got);
	is_int(transcript_pending(t), 1, "  the record is kept");
	is_int(transcript_append(t, "you", "second", 2000), -1, "  a second append fails too");
	unsetenv("INFOCOACH_FAULT_WRITE");
	is_int(transcript_append(t, "you", "third", 3000), 0, "space again: the next append succeeds");
	got = slurp(path);
	want = xasprintf("%s**00:00:01.000 you:** first\n\n**00:00:02.000 you:** second\n\n**00:00:03.000 you:** third\n\n", before);
	is_str(got, want, "  and saves every record once, in order");
	is_str(transcript_error(t), "", "  and clears the error");
	free(want);
	free(got);
	free(before);
	transcript_close(t);
	free(path);

	t = one_record("eio.md", &path);
	before = slurp(path);
	setenv("INFOCOACH_FAULT_FSYNC", "1+", 1);
	is_int(transcript_append(t, "you", "lost?", 1000), -1, "fsync fails: append fails");
	ok(contains(transcript_error(t), "Input/output error"), "  the error says EIO");
	got = slurp(path);
	is_str(got, before, "  the written record is cut off again");
	free(got);
	is_int(transcript_pending(t), 1, "  and kept");
	unsetenv("INFOCOACH_FAULT_FSYNC");
	is_int(transcript_flush(t), 0, "flush saves it on a reopened file");
	got = slurp(path);
	want = xasprintf("%s**00:00:01.000 you:** lost?\n\n", before);
	is_str(got, want, "  exactly once");
	free(want);
	free(got);
	free(before);
	is_int(transcript_close(t), 0, "  and close returns 0");
	free(path);

	t = one_record("unsaved.md", &path);
	setenv("INFOCOACH_FAULT_WRITE", "1+", 1);
	transcript_append(t, "you", "never", 1000);
	is_int(transcript_close(t), -1, "close returns -1 when a record stays unsaved");
	unsetenv("INFOCOACH_FAULT_WRITE");
	free(path);
#else
	for (int i = 0; i < 16; i++)
		ok(1, "transcript faults %s", SKIP_FAULT);
#endif
}

/* A real partial write: the file size limit lets part of a record in. */
static void
test_short_write(void)
{
	char *path = in_top("limit.md");
	struct transcript *t = transcript_open(path, err, sizeof err);
	struct rlimit old, lim;
	char *before, *got;
	int rc, closed;

	transcript_append(t, "you", "saved", 0);
	before = slurp(path);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = strlen(before) + 10;
	setrlimit(RLIMIT_FSIZE, &lim);
	rc = transcript_append(t, "you", "a record longer than ten bytes", 1000);
	got = slurp(path);
	setrlimit(RLIMIT_FSIZE, &old);
	is_int(rc, -1, "file size limit: append fails");
	is_str(got, before, "  the partly written record is cut off");
	free(got);
	is_int(transcript_flush(t), 0, "  and saved by the next flush");
	free(before);

	lim.rlim_cur = 0;
	setrlimit(RLIMIT_FSIZE, &lim);
	transcript_append(t, "you", "never", 2000);
	closed = transcript_close(t);
	setrlimit(RLIMIT_FSIZE, &old);
	is_int(closed, -1, "close returns -1 when a record stays unsaved");
	free(path);
}

static void
test_save_atomic(void)
{
	char *dir = in_top("export");
	char *path = in_top("export/notes.txt");
	char *got;

	mkdir(dir, 0700);
	spit(path, "old\n");
	is_int(files_save_atomic(path, "new\n", 4, err, sizeof err), 0, "atomic save");
	got = slurp(path);
	is_str(got, "new\n", "  replaces the content");
	free(got);
	is_int(mode_of(path), 0600, "  with mode 0600");
	is_int(dot_files(dir), 0, "  and leaves no temporary file");

#ifdef ENABLE_FAULT_INJECTION
	setenv("INFOCOACH_FAULT_WRITE", "1+", 1);
	is_int(files_save_atomic(path, "newer\n", 6, err, sizeof err), -1, "atomic save, disk full: fails");
	unsetenv("INFOCOACH_FAULT_WRITE");
	ok(contains(err, "No space left on device"), "  and says ENOSPC");
	got = slurp(path);
	is_str(got, "new\n", "  the old content is untouched");
	free(got);
	is_int(dot_files(dir), 0, "  no temporary file is left");

	setenv("INFOCOACH_FAULT_FSYNC", "1+", 1);
	is_int(files_save_atomic(path, "newer\n", 6, err, sizeof err), -1, "atomic save, fsync fails: fails");
	unsetenv("INFOCOACH_FAULT_FSYNC");
	got = slurp(path);
	ok(got != NULL && strcmp(got, "new\n") == 0 && dot_files(dir) == 0,
	    "  the old content is untouched and no temporary file left");
	free(got);
#else
	for (int i = 0; i < 6; i++)
		ok(1, "atomic save faults %s", SKIP_FAULT);
#endif

	char *target = in_top("export-target");
	char *link = in_top("export/link.txt");
	spit(target, "theirs\n");
	symlink(target, link);
	is_int(files_save_atomic(link, "mine\n", 5, err, sizeof err), 0, "atomic save over a symbolic link");
	got = slurp(target);
	is_str(got, "theirs\n", "  replaces the link, not its target");
	free(got);
	free(link);
	free(target);

	char *md = in_top("export/session.md");
	struct transcript *t = transcript_open(md, err, sizeof err);
	char *saved = NULL;
	is_int(transcript_save_beside(t, ".thanks.txt", "Thank you!\n", &saved, err, sizeof err), 0,
	    "save beside");
	char *beside = in_top("export/session.thanks.txt");
	got = slurp(beside);
	is_str(got, "Thank you!\n", "  writes NAME.thanks.txt next to NAME.md");
	is_str(saved, beside, "  and says where");
	free(saved);
	free(got);
	free(beside);
	transcript_close(t);
	free(md);
	/* Not ending in .md: the suffix is added, and the path said is the
	 * one written (not "s2..thanks.txt"). */
	char *log = in_top("export/s2.log");
	t = transcript_open(log, err, sizeof err);
	saved = NULL;
	is_int(transcript_save_beside(t, ".thanks.txt", "Thanks\n", &saved, err, sizeof err), 0,
	    "save beside a .log transcript");
	beside = in_top("export/s2.log.thanks.txt");
	is_str(saved, beside, "  says NAME.log.thanks.txt, the file it wrote");
	got = slurp(beside);
	is_str(got, "Thanks\n", "  which holds the note");
	free(got);
	free(beside);
	free(saved);
	transcript_close(t);
	free(log);
	free(path);
	free(dir);
}

int
main(void)
{
	unsetenv("INFOCOACH_FAULT_WRITE");
	unsetenv("INFOCOACH_FAULT_FSYNC");
	char *tmp = tap_tmpdir("test_transcript");
	top = tmp;
	alarm(120);         /* a hang (say, opening a FIFO) is a failure */
	test_fault_nth();
	test_records();
	test_modes();
	test_refusals();
	test_paths();
	test_faults();
	test_short_write();
	test_save_atomic();
	tap_rmtree(tmp);
	free(tmp);
	return tap_done();
}
