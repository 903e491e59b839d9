/*
 * linereader.h -- text lines from a file descriptor, one at a time,
 * through a bounded buffer.
 *
 * The line reader of drafts (check.c), transcripts (transcript_read.c)
 * and a conversation piped to the REPL (repl.c).  Each caller states its limits in struct linereader_options:
 * the longest line, whether a longer one is dropped or cut, whether a NUL
 * early in the input means a binary file, how much input is too much,
 * and the NUL rule of typed text: a NUL byte is not text, but what
 * follows it is not to be lost, so it becomes U+FFFD.  A read
 * interrupted by a signal is retried, or handed back when the caller
 * waits for signals.  Memory stays bounded by a few times the longest
 * line whatever the input holds.
 *
 * The reader does not open or close the descriptor, decode encodings
 * (the caller may pass its own source of bytes), check UTF-8 or print:
 * what a line means, and what to say about a long one or a read error,
 * is the caller's.
 */
#ifndef INFOCOACH_LINEREADER_H
#define INFOCOACH_LINEREADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* How far to look for a NUL that makes a text file binary: the
 * binary_probe of drafts and transcripts. */
#define LINEREADER_BINARY_PROBE 8000

/* What the caller asks of the reader. */
struct linereader_options {
	size_t max_line;        /* bytes in a line, without its newline (4 at
	                           least: a source may need that much room) */
	bool cut_long;          /* a longer line is handed out as its first
	                           max_line bytes, with cut set; otherwise only
	                           its number, as LR_LONG */
	bool strip_cr;          /* a carriage return before the newline (CRLF)
	                           is not part of the line */
	bool strip_bom;         /* a UTF-8 byte-order mark at the start of line 1
	                           is not part of it */
	bool nul_to_fffd;       /* a line's text has U+FFFD for each NUL byte */
	size_t binary_probe;    /* a NUL byte in the first this many bytes of
	                           the first read makes the input binary
	                           (LR_BINARY); 0: never */
	uint64_t max_bytes;     /* more input than this is LR_TOO_BIG; 0: no limit */
	bool interruptible;     /* a read interrupted by a signal returns
	                           LR_INTERRUPTED (call again to go on);
	                           otherwise it is retried */
	bool error_ends_input;  /* a read error is the end of the input, as if
	                           the file ended there; otherwise LR_ERROR */
	ssize_t (*source)(void *arg, char *buf, size_t n);
	                        /* where the bytes come from, read(2)'s way
	                           (-1 with errno); NULL: read(2) on the fd */
	void *source_arg;       /* the source's first argument */
};

/* What linereader_next() found. */
enum linereader_status {
	LR_LINE,                /* a line */
	LR_LONG,                /* a line longer than max_line, skipped (only
	                           without cut_long): its number, no text */
	LR_EOF,                 /* no more lines */
	LR_BINARY,              /* the input is binary: nul is where its first
	                           NUL byte is; nothing more is read */
	LR_TOO_BIG,             /* more than max_bytes: nothing more is read */
	LR_ERROR,               /* a read failed (err): nothing more is read */
	LR_INTERRUPTED,         /* a signal came while waiting (interruptible) */
};

/* One line, or where the input stopped.  The text is the reader's until
 * its next call; s and text are NULL unless the status is LR_LINE. */
struct linereader_line {
	char *s;                /* the line as read, without its newline (CR
	                           and BOM as asked), NUL-terminated at len;
	                           the caller may change its bytes */
	size_t len;             /* its length */
	const char *text;       /* with nul_to_fffd the line with U+FFFD for
	                           each NUL byte, else s; NUL-terminated */
	size_t text_len;        /* its length */
	size_t nul;             /* the first NUL byte in s, or len when none;
	                           LR_BINARY: its offset in the input */
	unsigned long no;       /* the line's number from 1 (a skipped long
	                           line counts); for LR_EOF, LR_ERROR and the
	                           rest, the number a next line would have */
	bool cut;               /* cut_long: the line was longer, its end dropped */
	bool unterminated;      /* the input ended inside it: no newline */
	int err;                /* LR_ERROR: errno */
};

struct linereader;

/*
 * A reader of fd (or of o->source) with options o (copied).  The
 * descriptor stays the caller's: it is neither closed nor read before the
 * first linereader_next().  Out of memory is fatal.
 */
struct linereader *linereader_new(int fd, const struct linereader_options *o);

/*
 * The next line into *out.  A line is handed out when its newline has
 * been read, or at the end of the input without one (unterminated).
 * A line longer than max_line is handed out as soon as that many bytes
 * of it are read, cut or as LR_LONG; the rest of it up to its newline is
 * dropped.  LR_EOF, LR_BINARY, LR_TOO_BIG and LR_ERROR are final: every
 * later call returns LR_EOF.
 */
enum linereader_status linereader_next(struct linereader *lr, struct linereader_line *out);

/* The bytes read so far (0 after LR_EOF: the input was empty). */
uint64_t linereader_bytes(const struct linereader *lr);

/* Free the reader (not its descriptor); NULL is fine. */
void linereader_free(struct linereader *lr);

#endif
