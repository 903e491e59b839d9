/*
 * linereader.c -- text lines from a file descriptor (see linereader.h).
 *
 * One buffer of twice the longest line (and a byte for a terminating
 * NUL): bytes are read into its free end, lines are handed out from its
 * start, and what is left of a line not yet complete is moved to the
 * front before the next read.  A line that outgrows the limit is handed
 * out (cut, or as its number only) when it does, and its remaining bytes
 * are read and dropped until its newline: the buffer never holds more
 * than one line's worth of a partial line, so there is always room to
 * read at least max_line bytes.
 */
#include <config.h>

#include "linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

/* U+FFFD REPLACEMENT CHARACTER in UTF-8, for a NUL byte in typed text. */
static const char replacement[] = "\xef\xbf\xbd";

struct linereader {
	struct linereader_options o;   /* as asked */
	int fd;                 /* read when o.source is NULL (borrowed) */
	char *buf;              /* cap + 1 bytes (owned) */
	size_t cap;             /* 2 * o.max_line */
	size_t start, end;      /* the bytes not yet handed out */
	size_t scanned;         /* buf[start..scanned) holds no newline */
	unsigned long lines;    /* lines handed out or skipped so far */
	uint64_t bytes;         /* bytes read so far */
	bool read_any;          /* a read has returned bytes or the end */
	bool skipping;          /* inside a long line already handed out */
	bool eof;               /* the input has ended */
	bool done;              /* the end was handed out: LR_EOF from now on */
	char *text;             /* nul_to_fffd: a line's text (owned) */
	size_t text_cap;
};

struct linereader *
linereader_new(int fd, const struct linereader_options *o)
{
	struct linereader *lr = xcalloc(1, sizeof *lr);
	lr->o = *o;
	if (lr->o.max_line < 4)
		lr->o.max_line = 4;
	lr->fd = fd;
	lr->cap = 2 * lr->o.max_line;
	lr->buf = xmalloc(lr->cap + 1);
	return lr;
}

void
linereader_free(struct linereader *lr)
{
	if (lr == NULL)
		return;
	free(lr->buf);
	free(lr->text);
	free(lr);
}

uint64_t
linereader_bytes(const struct linereader *lr)
{
	return lr->bytes;
}

/* Read into buf[end..cap): the bytes read, 0 at the end, -1 with errno.
 * EINTR is retried unless the caller waits for signals. */
static ssize_t
read_more(struct linereader *lr)
{
	char *at = lr->buf + lr->end;
	size_t n = lr->cap - lr->end;
	for (;;) {
		ssize_t r = lr->o.source != NULL ? lr->o.source(lr->o.source_arg, at, n) : read(lr->fd, at, n);
		if (r >= 0 || errno != EINTR || lr->o.interruptible)
			return r;
	}
}

/*
 * Hand out buf[at..at+len) (raw, without its newline) as line number
 * lr->lines (already counted): cut or skipped when too long, CR and BOM
 * taken off as asked, terminated, its first NUL found and the NUL rule
 * applied.
 */
static enum linereader_status
hand_out(struct linereader *lr, size_t at, size_t len, bool unterminated, struct linereader_line *out)
{
	char *s = lr->buf + at;

	out->no = lr->lines;
	out->unterminated = unterminated;
	if (len > lr->o.max_line) {
		if (!lr->o.cut_long)
			return LR_LONG;
		len = lr->o.max_line;
		out->cut = true;
	}
	if (lr->o.strip_cr && len > 0 && s[len - 1] == '\r')
		len--;
	if (lr->o.strip_bom && lr->lines == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	s[len] = '\0';
	out->s = s;
	out->len = len;
	const char *nul = memchr(s, '\0', len);
	out->nul = nul != NULL ? (size_t)(nul - s) : len;
	out->text = s;
	out->text_len = len;
	if (lr->o.nul_to_fffd && nul != NULL) {
		xgrow((void **)&lr->text, &lr->text_cap, 3 * len + 1, 1);
		size_t n = 0;
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '\0') {
				memcpy(lr->text + n, replacement, 3);
				n += 3;
			} else {
				lr->text[n++] = s[i];
			}
		}
		lr->text[n] = '\0';
		out->text = lr->text;
		out->text_len = n;
	}
	return LR_LINE;
}

/* The input stops here with status st: LR_EOF from the next call on. */
static enum linereader_status
stop(struct linereader *lr, enum linereader_status st, struct linereader_line *out)
{
	lr->done = true;
	lr->eof = true;
	out->no = lr->lines + 1;
	return st;
}

enum linereader_status
linereader_next(struct linereader *lr, struct linereader_line *out)
{
	*out = (struct linereader_line){.s = NULL, .text = NULL};
	if (lr->done) {
		out->no = lr->lines + 1;
		return LR_EOF;
	}
	for (;;) {
		/* A whole line in the buffer. */
		char *nl = memchr(lr->buf + lr->scanned, '\n', lr->end - lr->scanned);
		if (nl != NULL) {
			size_t at = lr->start, len = (size_t)(nl - (lr->buf + at));
			lr->start = lr->scanned = at + len + 1;
			if (lr->skipping) {
				lr->skipping = false;   /* the end of a long line */
				continue;
			}
			lr->lines++;
			return hand_out(lr, at, len, false, out);
		}
		lr->scanned = lr->end;
		if (lr->eof) {
			size_t at = lr->start, len = lr->end - lr->start;
			bool last = len > 0 && !lr->skipping;
			lr->start = lr->scanned = lr->end;
			if (last) {
				lr->lines++;
				return hand_out(lr, at, len, true, out);
			}
			return stop(lr, LR_EOF, out);
		}
		if (lr->skipping) {
			lr->start = lr->scanned = lr->end;
		} else if (lr->end - lr->start > lr->o.max_line) {
			/* Too long already: hand it out now, drop the rest. */
			size_t at = lr->start, len = lr->end - lr->start;
			lr->start = lr->scanned = lr->end;
			lr->skipping = true;
			lr->lines++;
			return hand_out(lr, at, len, false, out);
		}
		/* Make room at the end, then read. */
		if (lr->start > 0) {
			memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
			lr->end -= lr->start;
			lr->scanned -= lr->start;
			lr->start = 0;
		}
		ssize_t r = read_more(lr);
		if (r < 0 && errno == EINTR) {
			out->no = lr->lines + 1;
			return LR_INTERRUPTED;
		}
		if (r < 0 && lr->o.error_ends_input) {
			lr->eof = true;
			continue;
		}
		if (r < 0) {
			out->err = errno;
			return stop(lr, LR_ERROR, out);
		}
		if (!lr->read_any && r > 0 && lr->o.binary_probe > 0) {
			size_t probe = (size_t)r < lr->o.binary_probe ? (size_t)r : lr->o.binary_probe;
			const char *nul = memchr(lr->buf + lr->end, '\0', probe);
			if (nul != NULL) {
				out->nul = (size_t)(nul - (lr->buf + lr->end));
				return stop(lr, LR_BINARY, out);
			}
		}
		lr->read_any = true;
		lr->bytes += (uint64_t)r;
		if (lr->o.max_bytes > 0 && lr->bytes > lr->o.max_bytes)
			return stop(lr, LR_TOO_BIG, out);
		if (r == 0)
			lr->eof = true;
		lr->end += (size_t)r;
	}
}
