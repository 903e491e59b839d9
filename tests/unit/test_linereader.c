/*
 * test_linereader.c -- the one line reader: CRLF, a last line without a
 * newline, NUL bytes, lines over the limit, input in small pieces and
 * from a pipe, signals, empty input and read errors.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "linereader.h"
#include "tap.h"

/* Bytes served from memory, at most step at a time, with one injected
 * failure (errno fail_errno) before byte fail_at. */
struct mem {
	const char *p;          /* the input */
	size_t len, pos;        /* its length, what was served */
	size_t step;            /* the most one read returns; 0: all */
	size_t fail_at;         /* fail before serving this byte ... */
	int fail_errno;         /* ... with this errno (0: never) */
	int fails;              /* how many times to fail there */
};

static ssize_t
mem_read(void *arg, char *buf, size_t n)
{
	struct mem *m = arg;
	if (m->fail_errno != 0 && m->fails > 0 && m->pos == m->fail_at) {
		m->fails--;
		errno = m->fail_errno;
		return -1;
	}
	size_t k = m->len - m->pos;
	if (m->step > 0 && k > m->step)
		k = m->step;
	if (m->fail_errno != 0 && m->fails > 0 && m->pos < m->fail_at && k > m->fail_at - m->pos)
		k = m->fail_at - m->pos;
	if (k > n)
		k = n;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

/* A reader of the string s (len bytes) with options o, in steps. */
static struct linereader *
mem_reader(struct mem *m, const char *s, size_t len, size_t step, struct linereader_options o)
{
	*m = (struct mem){.p = s, .len = len, .step = step, .fail_at = 0, .fail_errno = 0, .fails = 0};
	o.source = mem_read;
	o.source_arg = m;
	return linereader_new(-1, &o);
}

/* The next line is LR_LINE with text want (NUL-free), number no. */
static void
expect_line(struct linereader *lr, const char *want, unsigned long no, const char *name)
{
	struct linereader_line l;
	enum linereader_status st = linereader_next(lr, &l);
	ok(st == LR_LINE && l.len == strlen(want) && memcmp(l.s, want, l.len) == 0 && l.s[l.len] == '\0' &&
	    l.no == no, "%s", name);
	if (st != LR_LINE)
		printf("#   status %d\n", (int)st);
	else if (l.len != strlen(want) || memcmp(l.s, want, l.len) != 0 || l.no != no)
		printf("#   got '%.*s' (%zu bytes), line %lu\n", (int)l.len, l.s, l.len, l.no);
}

static void
expect_status(struct linereader *lr, enum linereader_status want, unsigned long no, const char *name)
{
	struct linereader_line l;
	enum linereader_status st = linereader_next(lr, &l);
	ok(st == want && l.no == no, "%s", name);
	if (st != want || l.no != no)
		printf("#   got status %d at line %lu, want %d at %lu\n", (int)st, l.no, (int)want, no);
}

static const struct linereader_options plain = {
	.max_line = 64, .cut_long = false, .strip_cr = false, .strip_bom = false, .nul_to_fffd = false,
	.binary_probe = 0, .max_bytes = 0, .interruptible = false, .error_ends_input = false,
	.source = NULL, .source_arg = NULL,
};

static void
test_crlf(void)
{
	static const char in[] = "one\r\ntwo\r\n\r\nthree\r";
	struct mem m;
	struct linereader_options o = plain;
	o.strip_cr = true;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 0, o);
	expect_line(lr, "one", 1, "CRLF: the CR is not part of the line");
	expect_line(lr, "two", 2, "CRLF: the second line");
	expect_line(lr, "", 3, "CRLF: an empty line is empty");
	expect_line(lr, "three", 4, "CRLF: a last line ending in CR without LF");
	expect_status(lr, LR_EOF, 5, "CRLF: then the end");
	linereader_free(lr);

	lr = mem_reader(&m, in, sizeof in - 1, 0, plain);
	expect_line(lr, "one\r", 1, "without strip_cr the CR is kept");
	linereader_free(lr);

	o.strip_bom = true;
	static const char bom[] = "\xef\xbb\xbfone\r\n\xef\xbb\xbftwo\n";
	lr = mem_reader(&m, bom, sizeof bom - 1, 0, o);
	expect_line(lr, "one", 1, "a byte-order mark before line 1 is not part of it");
	expect_line(lr, "\xef\xbb\xbftwo", 2, "one before line 2 is");
	linereader_free(lr);
}

static void
test_no_final_newline(void)
{
	static const char in[] = "first\nsecond";
	struct mem m;
	struct linereader_line l;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 0, plain);
	ok(linereader_next(lr, &l) == LR_LINE && !l.unterminated, "a line with its newline is terminated");
	ok(linereader_next(lr, &l) == LR_LINE && l.len == 6 && strcmp(l.s, "second") == 0 && l.unterminated &&
	    l.no == 2, "the last line without a newline is a line, marked unterminated");
	expect_status(lr, LR_EOF, 3, "then the end, where line 3 would be");
	expect_status(lr, LR_EOF, 3, "and the end again");
	is_int(linereader_bytes(lr), sizeof in - 1, "every byte was read");
	linereader_free(lr);
}

static void
test_nul(void)
{
	static const char in[] = "a\0b\0\nclean\n";
	struct mem m;
	struct linereader_line l;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 0, plain);
	ok(linereader_next(lr, &l) == LR_LINE && l.len == 4 && l.nul == 1 && l.text == l.s && l.text_len == 4,
	    "a NUL is kept by default and its place given");
	ok(linereader_next(lr, &l) == LR_LINE && l.nul == l.len && l.len == 5, "no NUL: nul is the length");
	linereader_free(lr);

	struct linereader_options o = plain;
	o.nul_to_fffd = true;
	lr = mem_reader(&m, in, sizeof in - 1, 0, o);
	ok(linereader_next(lr, &l) == LR_LINE && l.len == 4 && memcmp(l.s, "a\0b\0", 4) == 0 &&
	    l.text_len == 8 && strcmp(l.text, "a\xef\xbf\xbd" "b\xef\xbf\xbd") == 0,
	    "nul_to_fffd: each NUL is U+FFFD in the text, nothing after it lost, the line as read kept");
	ok(linereader_next(lr, &l) == LR_LINE && l.text == l.s, "a line without NUL is its own text");
	linereader_free(lr);

	/* Binary: a NUL early in the first read. */
	static const char bin[] = "PK\003\004\0\0binary\nmore\n";
	o = plain;
	o.binary_probe = 8000;
	lr = mem_reader(&m, bin, sizeof bin - 1, 0, o);
	ok(linereader_next(lr, &l) == LR_BINARY && l.nul == 4, "a NUL in the probe: binary, at offset 4");
	expect_status(lr, LR_EOF, 1, "nothing is read after binary input");
	linereader_free(lr);

	o.binary_probe = 3;
	lr = mem_reader(&m, bin, sizeof bin - 1, 0, o);
	ok(linereader_next(lr, &l) == LR_LINE && l.nul == 4, "a NUL after the probe is a line's NUL");
	linereader_free(lr);

	o.binary_probe = 8000;
	lr = mem_reader(&m, bin, sizeof bin - 1, 2, o);
	ok(linereader_next(lr, &l) == LR_LINE && l.nul == 4, "only the first read is probed");
	linereader_free(lr);
}

static void
test_long(void)
{
	/* max_line 8: a buffer of 16 bytes. */
	static const char in[] = "12345678\n123456789\nok\n123456789012345678901234567890\nafter\n1234567\r\nend";
	struct mem m;
	struct linereader_options o = plain;
	o.max_line = 8;
	o.strip_cr = true;
	for (size_t step = 0; step <= 5; step += 5) {
		struct linereader *lr = mem_reader(&m, in, sizeof in - 1, step, o);
		expect_line(lr, "12345678", 1, "a line of max_line bytes is whole");
		expect_status(lr, LR_LONG, 2, "one byte more is too long: its number only");
		expect_line(lr, "ok", 3, "the next line follows");
		expect_status(lr, LR_LONG, 4, "a line of several buffers is one long line");
		expect_line(lr, "after", 5, "the line after it is whole");
		expect_line(lr, "1234567", 6, "the CR counts in the limit, then goes");
		expect_line(lr, "end", 7, "the last line");
		expect_status(lr, LR_EOF, 8, step ? "the end (read 5 bytes at a time)" : "the end (read at once)");
		linereader_free(lr);
	}

	o.cut_long = true;
	struct linereader_line l;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 3, o);
	expect_line(lr, "12345678", 1, "cut_long: a line that fits is not cut");
	ok(linereader_next(lr, &l) == LR_LINE && l.cut && l.len == 8 && strcmp(l.s, "12345678") == 0 && l.no == 2,
	    "cut_long: a longer line is its first max_line bytes, marked cut");
	expect_line(lr, "ok", 3, "cut_long: its end is dropped");
	ok(linereader_next(lr, &l) == LR_LINE && l.cut && strcmp(l.s, "12345678") == 0,
	    "cut_long: a line of several buffers keeps its start");
	expect_line(lr, "after", 5, "cut_long: the line after it is whole");
	linereader_free(lr);

	/* A long last line without a newline. */
	static const char tail[] = "ok\n1234567890123";
	o.cut_long = false;
	lr = mem_reader(&m, tail, sizeof tail - 1, 4, o);
	expect_line(lr, "ok", 1, "a short line");
	expect_status(lr, LR_LONG, 2, "a long unterminated last line is long");
	expect_status(lr, LR_EOF, 3, "then the end");
	linereader_free(lr);
}

/* Many lines of every length through a small buffer, read in odd steps:
 * every byte of every line comes out in order. */
static void
test_many(void)
{
	char *in = malloc(20000);
	size_t n = 0;
	unsigned long lines = 0;
	for (unsigned i = 0; n < 19000; i++) {
		size_t len = (i * 7) % 17;     /* 0..16 */
		for (size_t k = 0; k < len; k++)
			in[n++] = (char)('a' + (i + k) % 26);
		in[n++] = '\n';
		lines++;
	}
	struct linereader_options o = plain;
	o.max_line = 16;
	bool same = true;
	for (size_t step = 1; step <= 40 && same; step += 13) {
		struct mem m;
		struct linereader *lr = mem_reader(&m, in, n, step, o);
		struct linereader_line l;
		size_t at = 0;
		unsigned long got = 0;
		while (same && linereader_next(lr, &l) == LR_LINE) {
			char *nl = memchr(in + at, '\n', n - at);
			same = nl != NULL && (size_t)(nl - (in + at)) == l.len && memcmp(in + at, l.s, l.len) == 0 &&
			    l.no == ++got;
			at += l.len + 1;
		}
		same = same && got == lines && at == n;
		linereader_free(lr);
	}
	ok(same, "%lu lines of 0 to 16 bytes through a 32-byte buffer, read 1, 14, 27 and 40 bytes at a time", lines);
	free(in);
}

static void
test_pipe(void)
{
	int data[2], go[2];
	if (pipe(data) != 0 || pipe(go) != 0) {
		ok(0, "pipe: %s", strerror(errno));
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		/* The writer: a line and a half, then (when told) the rest. */
		char c;
		close(data[0]);
		close(go[1]);
		int bad = write(data[1], "one\ntw", 6) != 6 || read(go[0], &c, 1) != 1 ||
		    write(data[1], "o\nthree", 7) != 7;
		_exit(bad);
	}
	close(data[1]);
	close(go[0]);
	struct linereader *lr = linereader_new(data[0], &plain);
	struct linereader_line l;
	expect_line(lr, "one", 1, "pipe: the first line, while the writer waits");
	ok(write(go[1], "x", 1) == 1, "pipe: the writer is told to go on");
	ok(linereader_next(lr, &l) == LR_LINE && strcmp(l.s, "two") == 0 && !l.unterminated,
	    "pipe: a line in two writes is one line");
	ok(linereader_next(lr, &l) == LR_LINE && strcmp(l.s, "three") == 0 && l.unterminated,
	    "pipe: the last line, the writer gone");
	expect_status(lr, LR_EOF, 4, "pipe: the end");
	int status = 1;
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "pipe: the writer wrote everything");
	linereader_free(lr);
	close(data[0]);
	close(go[1]);
}

static void
test_signals(void)
{
	static const char in[] = "hello\nworld\n";
	struct mem m;
	struct linereader_line l;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 3, plain);
	m.fail_at = 3;
	m.fail_errno = EINTR;
	m.fails = 2;
	expect_line(lr, "hello", 1, "EINTR in the middle of a line is retried");
	ok(m.fails == 0, "both interrupted reads were retried");
	linereader_free(lr);

	struct linereader_options o = plain;
	o.interruptible = true;
	lr = mem_reader(&m, in, sizeof in - 1, 3, o);
	m.fail_at = 3;
	m.fail_errno = EINTR;
	m.fails = 1;
	ok(linereader_next(lr, &l) == LR_INTERRUPTED && l.no == 1, "interruptible: EINTR is handed back");
	expect_line(lr, "hello", 1, "interruptible: and the line goes on whole when called again");
	expect_line(lr, "world", 2, "interruptible: the next line");
	linereader_free(lr);
}

static void
test_empty(void)
{
	struct mem m;
	struct linereader_line l;
	struct linereader_options o = plain;
	o.binary_probe = 8000;
	struct linereader *lr = mem_reader(&m, "", 0, 0, o);
	ok(linereader_next(lr, &l) == LR_EOF && l.no == 1 && l.s == NULL, "empty input: the end at once, at line 1");
	is_int(linereader_bytes(lr), 0, "empty input: no bytes read");
	linereader_free(lr);

	lr = mem_reader(&m, "\n", 1, 0, o);
	expect_line(lr, "", 1, "a lone newline is one empty line");
	expect_status(lr, LR_EOF, 2, "then the end");
	is_int(linereader_bytes(lr), 1, "one byte read");
	linereader_free(lr);

	int fd = open("/dev/null", O_RDONLY);
	lr = linereader_new(fd, &plain);
	expect_status(lr, LR_EOF, 1, "/dev/null: the end at once");
	linereader_free(lr);
	close(fd);
}

static void
test_errors(void)
{
	static const char in[] = "ab\ncd";
	struct mem m;
	struct linereader_line l;
	struct linereader *lr = mem_reader(&m, in, sizeof in - 1, 0, plain);
	m.fail_at = 5;
	m.fail_errno = EIO;
	m.fails = 1;
	expect_line(lr, "ab", 1, "the line before a read error");
	ok(linereader_next(lr, &l) == LR_ERROR && l.err == EIO && l.no == 2,
	    "a read error: LR_ERROR with errno, at the line being read");
	expect_status(lr, LR_EOF, 2, "nothing is read after an error");
	linereader_free(lr);

	struct linereader_options o = plain;
	o.error_ends_input = true;
	lr = mem_reader(&m, in, sizeof in - 1, 0, o);
	m.fail_at = 5;
	m.fail_errno = EIO;
	m.fails = 1;
	expect_line(lr, "ab", 1, "error_ends_input: the first line");
	ok(linereader_next(lr, &l) == LR_LINE && strcmp(l.s, "cd") == 0 && l.unterminated,
	    "error_ends_input: what was read of the last line is a line");
	expect_status(lr, LR_EOF, 3, "error_ends_input: then the end");
	linereader_free(lr);

	/* A real one: read(2) on a directory. */
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	lr = linereader_new(fd, &plain);
	ok(linereader_next(lr, &l) == LR_ERROR && l.err == EISDIR && l.no == 1, "a directory: EISDIR at line 1");
	linereader_free(lr);
	close(fd);

	/* Too much input. */
	o = plain;
	o.max_bytes = 10;
	lr = mem_reader(&m, "12345\n12345\n12345\n", 18, 6, o);
	expect_line(lr, "12345", 1, "max_bytes: a line within the limit");
	expect_status(lr, LR_TOO_BIG, 2, "max_bytes: the read that passes it stops the input");
	expect_status(lr, LR_EOF, 2, "max_bytes: nothing after");
	linereader_free(lr);
}

int
main(void)
{
	test_crlf();
	test_no_final_newline();
	test_nul();
	test_long();
	test_many();
	test_pipe();
	test_signals();
	test_empty();
	test_errors();
	return tap_done();
}
