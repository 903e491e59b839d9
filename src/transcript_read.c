/*
 * transcript_read.c -- reading a session's transcript back (see
 * transcript_read.h).
 *
 * One pass, one line at a time (linereader.h): the title first, then
 * header lines up to the first record, then records and the blank lines
 * between them.  A record's clock time is
 * turned into time since the start by walking forward from the start
 * time: each record is at most a day after the one before, so a meeting
 * that runs past midnight (UTC) still adds up.  A clock that goes back a
 * little (the wall clock was set back) counts as no time passing.
 */
#include <config.h>

#include "transcript_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duration.h"
#include "linereader.h"
#include "text.h"
#include "transcript.h"
#include "xmalloc.h"

/* Where the parser is. */
enum state {
	ST_TITLE,               /* expecting the "# infocoach ... session" line */
	ST_HEADER,              /* "- key: value" lines and blank lines */
	ST_RECORDS,             /* records and blank lines */
	ST_REVIEW_HEADER,       /* after "## infocoach review": its "- key:
	                           value" lines */
	ST_REVIEW,              /* a review's records */
	ST_STOPPED,             /* not a transcript: read no further */
};

struct reader {
	const char *name;       /* for messages (borrowed) */
	struct diag_list *dl;   /* where problems go (borrowed) */
	struct transcript_doc *d;   /* being filled (owned until returned) */
	enum state st;
	size_t errors;          /* errors in this file */
	bool header_checked;    /* the header's required lines were checked */
	long prev_tod;          /* time of day of the last record, ms */
	uint64_t prev_ms;       /* its milliseconds since the start */
	size_t total_records;   /* in the session and its reviews */
};

/* The title of a review section. */
static const char review_title[] = "## infocoach review";

static void
error_at(struct reader *r, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
error_at(struct reader *r, unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(r->dl, r->name, line, col, SEV_ERROR, "%s", msg);
	free(msg);
	r->errors++;
}

/* n decimal digits at s, or -1. */
static long
digits(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "HH:MM:SS" at s (8 bytes, len available) as seconds of the day, or
 * -1; followed by ".mmm" (12 bytes) in transcripts to the millisecond,
 * which sets *ms (else 0) and *used to 12 (else 8). */
static long
parse_hms(const char *s, size_t len, long *ms, size_t *used)
{
	*ms = 0;
	*used = 8;
	if (len < 8)
		return -1;
	long h = digits(s, 2), m = digits(s + 3, 2), sec = digits(s + 6, 2);
	if (s[2] != ':' || s[5] != ':' || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60)
		return -1;
	if (len >= 12 && s[8] == '.' && digits(s + 9, 3) >= 0) {
		*ms = digits(s + 9, 3);
		*used = 12;
	}
	return h * 3600 + m * 60 + sec;
}

/* "YYYY-MM-DD HH:MM:SS[.mmm] UTC" as a time and its milliseconds, or
 * false. */
static bool
parse_started(const char *s, size_t len, time_t *out, long *ms)
{
	size_t used;
	if (len < 23 || s[4] != '-' || s[7] != '-' || s[10] != ' ')
		return false;
	long y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	long tod = parse_hms(s + 11, len - 11, ms, &used);
	if (len != 11 + used + 4 || memcmp(s + 11 + used, " UTC", 4) != 0)
		return false;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || tod < 0)
		return false;
	struct tm tm = {0};
	tm.tm_year = (int)y - 1900;
	tm.tm_mon = (int)mo - 1;
	tm.tm_mday = (int)d;
	tm.tm_hour = (int)(tod / 3600);
	tm.tm_min = (int)(tod / 60 % 60);
	tm.tm_sec = (int)(tod % 60);
	*out = timegm(&tm);
	return *out != (time_t)-1;
}

/* The header must name the bank and the start before any record. */
static void
check_header(struct reader *r, unsigned long line)
{
	r->header_checked = true;
	if (r->d->bank_id == NULL)
		error_at(r, line, 0, "the header has no '- bank: ID (TITLE)' line");
	if (r->d->started == NULL)
		error_at(r, line, 0, "the header has no '- started: YYYY-MM-DD HH:MM:SS UTC' line");
}

/* Store a header value once; a repeated line is an error. */
static bool
set_once(struct reader *r, char **field, unsigned long line, const char *key, const char *v, size_t n)
{
	if (*field != NULL) {
		error_at(r, line, 1, "the header says '%s' twice", key);
		return false;
	}
	*field = xstrndup(v, n);
	return true;
}

/* "line N, CATEGORY: TEXT" of a "- question:" header line, v[0..vlen)
 * at column vcol: one question of the user's own list. */
static void
question_line(struct reader *r, unsigned long line, const char *v, size_t vlen, unsigned long vcol)
{
	static const char expect[] = "expected 'line N, CATEGORY: TEXT' for a question of the list";
	char *tmp = xstrndup(v, vlen);
	char *end = NULL;
	unsigned long n = 0;
	if (strncmp(tmp, "line ", 5) == 0 && tmp[5] >= '0' && tmp[5] <= '9')
		n = strtoul(tmp + 5, &end, 10);
	char *cat = end != NULL && end[0] == ',' && end[1] == ' ' ? end + 2 : NULL;
	char *colon = cat != NULL ? strstr(cat, ": ") : NULL;
	if (colon == NULL || colon == cat || n == 0) {
		error_at(r, line, vcol, "%s", expect);
		goto out;
	}
	*colon = '\0';
	enum category c = category_lookup(cat);
	if (c == CAT_NONE && strcmp(cat, "none") != 0) {
		error_at(r, line, vcol + (unsigned long)(cat - tmp), "unknown category '%s' in a question of the list", cat);
		goto out;
	}
	/* Before the "- questions:" line: it names the file when it comes. */
	if (r->d->plan == NULL)
		r->d->plan = plan_new("");
	plan_add(r->d->plan, n, colon + 2, strlen(colon + 2), c);
out:
	free(tmp);
}

/* "- key: value" in the header (s[0..len) without the "- "). */
static void
header_line(struct reader *r, unsigned long line, const char *s, size_t len)
{
	struct transcript_doc *d = r->d;
	const char *colon = memchr(s, ':', len);
	if (colon == NULL || colon + 1 >= s + len || colon[1] != ' ')
		return;         /* not "key: value": a line we do not know */
	size_t klen = (size_t)(colon - s);
	const char *v = colon + 2;
	size_t vlen = len - klen - 2;
	unsigned long vcol = utf8_columns(s, (size_t)(v - s)) + 3;   /* after "- " */
	char *tmp = NULL;

	if (klen == 4 && memcmp(s, "bank", 4) == 0) {
		const char *sp = memchr(v, ' ', vlen);
		size_t idlen = sp ? (size_t)(sp - v) : vlen;
		if (idlen == 0) {
			error_at(r, line, vcol, "the bank line names no bank");
			return;
		}
		if (!set_once(r, &d->bank_id, line, "bank", v, idlen))
			return;
		d->bank_line = line;
		/* "ID (TITLE)": the title without its parentheses. */
		if (sp != NULL && vlen - idlen >= 3 && sp[1] == '(' && v[vlen - 1] == ')')
			d->bank_title = xstrndup(sp + 2, vlen - idlen - 3);
		else
			d->bank_title = xstrdup("");
	} else if (klen == 4 && memcmp(s, "host", 4) == 0) {
		set_once(r, &d->host, line, "host", v, vlen);
	} else if (klen == 7 && memcmp(s, "persona", 7) == 0) {
		if (set_once(r, &d->persona_id, line, "persona", v, vlen))
			d->persona_line = line;
	} else if (klen == 7 && memcmp(s, "started", 7) == 0) {
		if (!set_once(r, &d->started, line, "started", v, vlen))
			return;
		long ms = 0;
		if (!parse_started(d->started, vlen, &d->started_at, &ms))
			error_at(r, line, vcol, "invalid start time '%s' (expected YYYY-MM-DD HH:MM:SS UTC)", d->started);
		r->prev_tod = (long)(d->started_at % 86400) * 1000 + ms;
	} else if (klen == 8 && memcmp(s, "duration", 8) == 0) {
		tmp = xstrndup(v, vlen);
		if (d->duration != 0)
			error_at(r, line, 1, "the header says 'duration' twice");
		else if (!duration_parse(tmp, &d->duration))
			error_at(r, line, vcol, "invalid duration '%s' (written like 90s, 20m, 1h or 1h30m)", tmp);
	} else if (klen == 9 && memcmp(s, "questions", 9) == 0) {
		if (d->plan != NULL && d->plan->file[0] != '\0') {
			error_at(r, line, 1, "the header says 'questions' twice");
		} else {
			tmp = xstrndup(v, vlen);
			if (d->plan == NULL)
				d->plan = plan_new(tmp);
			else {
				free(d->plan->file);
				d->plan->file = tmp;
				tmp = NULL;
			}
		}
	} else if (klen == 8 && memcmp(s, "question", 8) == 0) {
		question_line(r, line, v, vlen, vcol);
	} else if (klen == 6 && memcmp(s, "policy", 6) == 0) {
		tmp = xstrndup(v, vlen);
		int p = policy_lookup(tmp);
		if (p < 0)
			error_at(r, line, vcol, "unknown policy '%s' (expected strict, default or lenient)", tmp);
		else
			d->policy = (enum policy)p;
	}
	free(tmp);
}

/* "**HH:MM:SS.mmm who:** text", or "**HH:MM:SS who:** text" in older
 * transcripts. */
static void
record_line(struct reader *r, unsigned long line, const char *s, size_t len)
{
	static const char expect[] = "expected a record '**HH:MM:SS.mmm NAME:** TEXT'";
	if (len < 2 || s[0] != '*' || s[1] != '*') {
		error_at(r, line, 1, "%s", expect);
		return;
	}
	long ms;
	size_t used;
	long tod = parse_hms(s + 2, len - 2, &ms, &used);
	if (tod < 0 || len < 2 + used + 2 || s[2 + used] != ' ') {
		error_at(r, line, 3, "%s: the time is not HH:MM:SS.mmm", expect);
		return;
	}
	tod = tod * 1000 + ms;
	const char *who = s + 2 + used + 1;
	const char *end = s + len;
	const char *mark = NULL;
	for (const char *p = who; p + 3 <= end && mark == NULL; p++)
		if (p[0] == ':' && p[1] == '*' && p[2] == '*')
			mark = p;
	if (mark == NULL || mark == who) {
		error_at(r, line, (unsigned long)(2 + used + 2), "%s: no 'NAME:**' after the time", expect);
		return;
	}
	const char *text = mark + 3;
	if (text < end && *text != ' ') {
		error_at(r, line, (unsigned long)utf8_columns(s, (size_t)(text - s)) + 1,
		    "%s: a space should follow 'NAME:**'", expect);
		return;
	}
	if (text < end)
		text++;

	/* Forward from the record before, at most a day; a step back of
	 * up to an hour (the clock was set back) counts as none. */
	const long day = 86400L * 1000;
	if (r->prev_tod < 0)
		r->prev_tod = tod;      /* a review with no start: from here */
	long step = (tod - r->prev_tod + day) % day;
	if (step > day - 3600L * 1000)
		step = 0;
	r->prev_ms += (uint64_t)step;
	r->prev_tod = tod;

	struct transcript_doc *d = r->d;
	if (r->total_records == TRANSCRIPT_READ_MAX_RECORDS) {
		error_at(r, line, 0, "more than %d records, more than any session's transcript holds",
		    TRANSCRIPT_READ_MAX_RECORDS);
		r->st = ST_STOPPED;
		return;
	}
	r->total_records++;
	/* A review's records are its own, after the session's. */
	struct transcript_record **list = &d->records;
	size_t *n = &d->nrecords, *cap = &d->caprecords;
	if (r->st == ST_REVIEW) {
		struct transcript_review *rv = &d->reviews[d->nreviews - 1];
		list = &rv->records;
		n = &rv->nrecords;
		cap = &rv->caprecords;
	}
	xgrow((void **)list, cap, *n + 1, sizeof **list);
	struct transcript_record *rec = &(*list)[(*n)++];
	rec->line = line;
	rec->at_ms = r->prev_ms;
	rec->who = xstrndup(who, (size_t)(mark - who));
	rec->text = xstrndup(text, (size_t)(end - text));
	if (strcmp(rec->who, "you") == 0)
		rec->speaker = SPEAKER_YOU;
	else if (strcmp(rec->who, TRANSCRIPT_UNSENT) == 0)
		rec->speaker = SPEAKER_UNSENT;
	else if (strcmp(rec->who, "coach") == 0)
		rec->speaker = SPEAKER_COACH;
	else if (strcmp(rec->who, TRANSCRIPT_PROGRAM) == 0)
		rec->speaker = SPEAKER_PROGRAM;
	else
		rec->speaker = SPEAKER_HOST;
}

/* "## infocoach review": a review of the session starts here. */
static void
begin_review(struct reader *r, unsigned long line)
{
	struct transcript_doc *d = r->d;
	xgrow((void **)&d->reviews, &d->capreviews, d->nreviews + 1, sizeof *d->reviews);
	struct transcript_review *rv = &d->reviews[d->nreviews++];
	memset(rv, 0, sizeof *rv);
	rv->line = line;
	r->st = ST_REVIEW_HEADER;
	r->prev_tod = -1;
	r->prev_ms = 0;
}

/* "- key: value" after "## infocoach review" (s[0..len) without the
 * "- "): the start; other keys are a newer program's, and skipped. */
static void
review_header_line(struct reader *r, unsigned long line, const char *s, size_t len)
{
	struct transcript_review *rv = &r->d->reviews[r->d->nreviews - 1];
	if (len > 7 && memcmp(s, "items: ", 7) == 0) {
		char *tmp = xstrndup(s + 7, len - 7), *end = NULL;
		unsigned long n = tmp[0] >= '0' && tmp[0] <= '9' ? strtoul(tmp, &end, 10) : 0;
		if (end == NULL || *end != '\0' || n == 0 || rv->items != 0)
			error_at(r, line, rv->items != 0 ? 1 : 10, rv->items != 0 ? "the review says 'items' twice" :
			    "expected a number of items, such as '- items: 5'");
		else
			rv->items = (size_t)n;
		free(tmp);
		return;
	}
	if (len < 9 || memcmp(s, "started: ", 9) != 0)
		return;
	if (rv->started != NULL) {
		error_at(r, line, 1, "the review says 'started' twice");
		return;
	}
	rv->started = xstrndup(s + 9, len - 9);
	long ms = 0;
	if (!parse_started(rv->started, len - 9, &rv->started_at, &ms)) {
		error_at(r, line, 12, "invalid start time '%s' (expected YYYY-MM-DD HH:MM:SS UTC)", rv->started);
		return;
	}
	r->prev_tod = (long)(rv->started_at % 86400) * 1000 + ms;
}

/* One line, without its newline. */
static void
one_line(struct reader *r, unsigned long line, char *s, size_t len)
{
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (line == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	const char *nul = memchr(s, '\0', len);
	if (nul != NULL) {
		error_at(r, line, (unsigned long)utf8_columns(s, (size_t)(nul - s)) + 1,
		    "a NUL byte: binary data is not a transcript");
		return;
	}
	size_t bad;
	if (!utf8_valid(s, len, &bad)) {
		error_at(r, line, (unsigned long)utf8_columns(s, bad) + 1, "invalid UTF-8");
		return;
	}
	switch (r->st) {
	case ST_TITLE:
		if ((len == 28 && memcmp(s, "# infocoach practice session", 28) == 0) ||
		    (len == 24 && memcmp(s, "# infocoach mock session", 24) == 0)) {
			r->d->mock = len == 24;
			r->st = ST_HEADER;
		} else {
			error_at(r, line, 1, "not an infocoach transcript: it should start with "
			    "'# infocoach practice session' or '# infocoach mock session'");
			r->st = ST_STOPPED;
		}
		return;
	case ST_HEADER:
		if (len == 0)
			return;
		if (len >= 2 && s[0] == '-' && s[1] == ' ') {
			header_line(r, line, s + 2, len - 2);
			return;
		}
		check_header(r, line);
		r->st = ST_RECORDS;
		/* FALLTHROUGH */
	case ST_RECORDS:
	case ST_REVIEW:
		if (len == sizeof review_title - 1 && memcmp(s, review_title, len) == 0) {
			begin_review(r, line);
			return;
		}
		if (len > 0)
			record_line(r, line, s, len);
		return;
	case ST_REVIEW_HEADER:
		if (len == 0)
			return;
		if (len >= 2 && s[0] == '-' && s[1] == ' ') {
			review_header_line(r, line, s + 2, len - 2);
			return;
		}
		r->st = ST_REVIEW;
		one_line(r, line, s, len);
		return;
	case ST_STOPPED:
		return;
	}
}

struct transcript_doc *
transcript_read_fd(const char *name, int fd, struct diag_list *dl)
{
	struct reader r = {
		.name = name, .dl = dl, .st = ST_TITLE,
	};
	r.d = xcalloc(1, sizeof *r.d);
	r.d->file = xstrdup(name);
	r.d->policy = POLICY_DEFAULT;

	/* one_line() takes a line's CR and byte-order mark off itself: it
	 * also reads a line again (the first after a review's header), and
	 * takes a second CR off then, as it always has. */
	const struct linereader_options lo = {
		.max_line = TRANSCRIPT_READ_MAX_LINE, .cut_long = false,
		.strip_cr = false, .strip_bom = false, .nul_to_fffd = false,
		.binary_probe = LINEREADER_BINARY_PROBE, .max_bytes = TRANSCRIPT_READ_MAX_BYTES,
		.interruptible = false, .error_ends_input = false,
		.source = NULL, .source_arg = NULL,
	};
	struct linereader *lr = linereader_new(fd, &lo);
	struct linereader_line l;
	unsigned long line = 0;     /* the last line read */
	bool more = true;
	while (more && r.st != ST_STOPPED) {
		switch (linereader_next(lr, &l)) {
		case LR_LINE:
			line = l.no;
			if (l.unterminated)
				error_at(&r, l.no, 0, "the file ends in the middle of a line: it was cut short");
			else
				one_line(&r, l.no, l.s, l.len);
			break;
		case LR_LONG:
			line = l.no;
			error_at(&r, l.no, 0, "line longer than %d bytes", TRANSCRIPT_READ_MAX_LINE);
			break;
		case LR_EOF:
			if (linereader_bytes(lr) == 0)
				error_at(&r, 1, 0, "empty file, not an infocoach transcript");
			more = false;
			break;
		case LR_BINARY:
			error_at(&r, 1, 0, "binary file (a NUL byte at offset %zu), not a transcript", l.nul);
			more = false;
			break;
		case LR_TOO_BIG:
			error_at(&r, l.no, 0, "the file is larger than %ld MiB, more than any session's transcript",
			    TRANSCRIPT_READ_MAX_BYTES / (1024 * 1024));
			more = false;
			break;
		case LR_ERROR:
			error_at(&r, l.no, 0, "read error: %s", strerror(l.err));
			more = false;
			break;
		case LR_INTERRUPTED:
			break;      /* not asked for */
		}
	}
	linereader_free(lr);
	if (r.errors == 0 && r.st == ST_HEADER)
		check_header(&r, line);      /* a header and no record */
	if (r.errors > 0) {
		transcript_doc_free(r.d);
		return NULL;
	}
	return r.d;
}

struct transcript_doc *
transcript_read(const char *path, struct diag_list *dl)
{
	if (strcmp(path, "-") == 0)
		return transcript_read_fd(path, STDIN_FILENO, dl);
	/* O_NONBLOCK: a FIFO without a writer must not hang the open. */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	struct transcript_doc *d = NULL;
	if (fstat(fd, &st) != 0)
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		diag_add(dl, path, 0, 0, SEV_ERROR, "is a directory, not a transcript");
	else if (!S_ISREG(st.st_mode))
		diag_add(dl, path, 0, 0, SEV_ERROR, "not a regular file");
	else if (st.st_size > TRANSCRIPT_READ_MAX_BYTES)
		diag_add(dl, path, 0, 0, SEV_ERROR, "the file is larger than %ld MiB, more than any session's transcript",
		    TRANSCRIPT_READ_MAX_BYTES / (1024 * 1024));
	else
		d = transcript_read_fd(path, fd, dl);
	close(fd);
	return d;
}

void
transcript_doc_free(struct transcript_doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nrecords; i++) {
		free(d->records[i].who);
		free(d->records[i].text);
	}
	free(d->records);
	plan_free(d->plan);
	for (size_t i = 0; i < d->nreviews; i++) {
		for (size_t k = 0; k < d->reviews[i].nrecords; k++) {
			free(d->reviews[i].records[k].who);
			free(d->reviews[i].records[k].text);
		}
		free(d->reviews[i].records);
		free(d->reviews[i].started);
	}
	free(d->reviews);
	free(d->file);
	free(d->bank_id);
	free(d->bank_title);
	free(d->host);
	free(d->persona_id);
	free(d->started);
	free(d);
}
