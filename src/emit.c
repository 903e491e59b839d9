/*
 * emit.c -- the output formats of 'infocoach check' (see emit.h).
 */
#include <config.h>

#include "emit.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "diag.h"
#include "text.h"
#include "xmalloc.h"

struct emitter {
	enum emit_format format;     /* what to write */
	const struct emit_listener *listener; /* also told, or NULL */
	FILE *out;                   /* where */
	bool quiet;                  /* text: no suggestions, no summary */
	bool color;                  /* text: ANSI colours, as GCC uses them */
	const char *path;            /* the file being reported (borrowed) */
	FILE *spool;                 /* json: the current file's findings */
	bool first_file;             /* json/sarif: no comma yet */
	bool first_question;         /* json: no comma yet */
	bool first_finding;          /* json/sarif: no comma yet */
	unsigned long count[SEV_COUNT]; /* findings by severity */
	bool failed;                 /* a write or spool error happened */
	FILE *rec;                   /* recording: the records go here
	                                (borrowed), nothing is written */
	bool part;                   /* recording: the output is formatted here
	                                and recorded as bytes (out is a buffer),
	                                rather than every hook's call recorded */
	char *obuf;                  /* part: what out holds (owned) */
	size_t olen;
	unsigned long files, questions; /* recording: inputs begun and questions
	                                checked since the last result */
	char *notes;                 /* sarif: the tool execution notifications
	                                for unreadable files (owned) */
	size_t notes_len;
	FILE *notes_fp;              /* ... written through this, or NULL */
	char *rpath;                 /* replay: the path being reported (owned) */
	bool sev_set[FINDING_KIND_COUNT]; /* the severity of this kind of finding */
	bool sev_any;                /* ... any of sev_set is */
	enum severity sev[FINDING_KIND_COUNT]; /* ... is this, not its rule's */
	struct tally *tally;         /* counts per file, or NULL (borrowed, or
	                                own_tally) */
	struct tally *own_tally;     /* csv without emit_set_tally (owned) */
	char *rbuf[5];               /* replay: reused string buffers (owned) */
	size_t rcap[5];
	struct text_buf line;        /* text: the finding being written (owned) */
};

/* Records, for check -j: a type byte, then numbers as uint64_t and
 * strings as a length (UINT64_MAX for NULL) and their bytes, in the
 * machine's own byte order (writer and reader are one program).  A worker
 * that formats its output writes O (bytes of output), S (a comma here
 * unless first), N (sarif notifications) and D (diagnostics); one that
 * records every call writes B, Q, F and E (the hooks) and D; both end
 * each input with R (its result and counts). */
static void
rec_u64(FILE *f, uint64_t v)
{
	fwrite(&v, sizeof v, 1, f);
}

static void
rec_str(FILE *f, const char *s, size_t len)
{
	rec_u64(f, s == NULL ? UINT64_MAX : (uint64_t)len);
	if (s != NULL)
		fwrite(s, 1, len, f);
}

static void
rec_cstr(FILE *f, const char *s)
{
	rec_str(f, s, s != NULL ? strlen(s) : 0);
}

static bool
get_u64(FILE *f, uint64_t *v)
{
	return fread(v, sizeof *v, 1, f) == 1;
}

/* Read a string into replay buffer k; *s is NULL for a NULL string. */
static bool
get_str(struct emitter *e, FILE *f, int k, const char **s, size_t *len)
{
	uint64_t n;
	if (!get_u64(f, &n))
		return false;
	if (n == UINT64_MAX) {
		*s = NULL;
		*len = 0;
		return true;
	}
	if (n > SIZE_MAX / 2)
		return false;
	xgrow((void **)&e->rbuf[k], &e->rcap[k], (size_t)n + 1, 1);
	if (n > 0 && fread(e->rbuf[k], 1, (size_t)n, f) != n)
		return false;
	e->rbuf[k][n] = '\0';
	*s = e->rbuf[k];
	*len = (size_t)n;
	return true;
}

/* Write s[0..n) as a JSON string body (no quotes). */
static void
json_text(FILE *fp, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		if (i > start)
			fwrite(s + start, 1, i - start, fp);
		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default: fprintf(fp, "\\u%04x", c); break;
		}
		start = i + 1;
	}
	if (n > start)
		fwrite(s + start, 1, n - start, fp);
}

void
emit_json_string(FILE *fp, const char *s)
{
	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	/* Text from outside (file names, rule messages) may not be UTF-8:
	 * bad bytes are written as \\xNN so the JSON stays valid. */
	char *safe = utf8_valid(s, strlen(s), NULL) ? NULL : text_sanitize(s, strlen(s));
	fputc('"', fp);
	json_text(fp, safe ? safe : s, strlen(safe ? safe : s));
	fputc('"', fp);
	free(safe);
}

static void
json_num(FILE *fp, unsigned long v)
{
	if (v == 0)
		fputs("null", fp);
	else
		fprintf(fp, "%lu", v);
}

static const char *
sarif_level(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* Why a file was not checked: SARIF's notification descriptors; check.c
 * and letter.c give unreadable findings these ids. */
static const struct {
	const char *id, *about;
} input_notes[] = {
	{"input.unreadable", "The file could not be opened or read, or is not a text file."},
	{"input.encoding", "The file, or some of its lines, is not in an encoding infocoach reads "
	    "(UTF-8 or UTF-16)."},
	{"input.invalid-bank", "The bank could not be loaded ('infocoach validate' shows why)."},
	{"input.too-long", "The letter is too long to be read whole."},
};

void
emit_set_severities(struct emitter *e, const bool *set, const enum severity *sev)
{
	memcpy(e->sev_set, set, sizeof e->sev_set);
	memcpy(e->sev, sev, sizeof e->sev);
	e->sev_any = false;
	for (size_t k = 0; k < FINDING_KIND_COUNT; k++)
		e->sev_any |= set[k];
}

void
emit_set_tally(struct emitter *e, struct tally *t)
{
	tally_free(e->own_tally);
	e->own_tally = NULL;
	e->tally = t;
}

void
emit_set_color(struct emitter *e, bool on)
{
	e->color = on && e->format == EMIT_TEXT;
}

struct emitter *
emit_begin(enum emit_format format, FILE *out, const struct ruleset *rs, bool quiet)
{
	struct emitter *e = xcalloc(1, sizeof *e);
	e->format = format;
	e->out = out;
	e->quiet = quiet;
	e->first_file = true;
	if (format == EMIT_JSON) {
		fputs("{\n  \"version\": 1,\n  \"files\": [", out);
	} else if (format == EMIT_CSV) {
		e->tally = e->own_tally = tally_new(false);
		fputs("path,questions,errors,warnings,infos,job_asks,pay_questions,closing_questions,"
		    "job_tier,industry_tier\r\n", out);
	} else if (format == EMIT_SARIF) {
		fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		    "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
		    "      \"tool\": {\n        \"driver\": {\n"
		    "          \"name\": \"infocoach\",\n"
		    "          \"version\": \"" PACKAGE_VERSION "\",\n"
		    "          \"rules\": [", out);
		for (size_t i = 0; rs != NULL && i < rs->nrules; i++) {
			const struct rule *r = rs->rules[i];
			fprintf(out, "%s\n            {\"id\": ", i ? "," : "");
			emit_json_string(out, r->id);
			fputs(", \"shortDescription\": {\"text\": ", out);
			emit_json_string(out, r->message);
			fputs("}, \"help\": {\"text\": ", out);
			emit_json_string(out, r->suggestion);
			fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}, "
			    "\"properties\": {\"kind\": \"%s\"}}",
			    sarif_level(r->sev[POLICY_DEFAULT]), kind_name(r->kind));
		}
		for (size_t i = 0; i < LIST_CHECK_COUNT; i++) {
			fprintf(out, "%s\n            {\"id\": ", rs != NULL && rs->nrules + i > 0 ? "," : "");
			emit_json_string(out, list_checks[i].id);
			fputs(", \"shortDescription\": {\"text\": ", out);
			emit_json_string(out, list_checks[i].about);
			fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}, "
			    "\"properties\": {\"kind\": \"%s\"}}",
			    sarif_level(list_checks[i].sev), list_checks[i].kind);
		}
		fputs("\n          ],\n          \"notifications\": [", out);
		for (size_t i = 0; i < sizeof input_notes / sizeof input_notes[0]; i++) {
			fprintf(out, "%s\n            {\"id\": \"%s\", \"shortDescription\": {\"text\": ", i ? "," : "",
			    input_notes[i].id);
			emit_json_string(out, input_notes[i].about);
			fputs("}, \"defaultConfiguration\": {\"level\": \"error\"}}", out);
		}
		fputs("\n          ]\n        }\n      },\n      \"results\": [", out);
		e->first_finding = true;
	}
	return e;
}

struct emitter *
emit_record_begin(FILE *rec, const struct emitter *like)
{
	struct emitter *e = xcalloc(1, sizeof *e);
	e->rec = rec;
	/* A tally (the summary page) or a listener wants every call. */
	if (like == NULL || like->listener != NULL || like->tally != like->own_tally)
		return e;
	e->part = true;
	e->format = like->format;
	e->quiet = like->quiet;
	e->color = like->color;
	memcpy(e->sev_set, like->sev_set, sizeof e->sev_set);
	memcpy(e->sev, like->sev, sizeof e->sev);
	e->sev_any = like->sev_any;
	e->first_file = e->first_finding = true;
	if (e->format == EMIT_CSV)
		e->tally = e->own_tally = tally_new(false);
	e->out = open_memstream(&e->obuf, &e->olen);
	if (e->out == NULL)
		xalloc_die();
	return e;
}

/* Part of the output: what out holds becomes an 'O' record, and out is
 * emptied. */
static void
part_flush(struct emitter *e)
{
	if (fflush(e->out) != 0)
		xalloc_die();
	off_t n = ftello(e->out);       /* the size: out is only written */
	if (n <= 0)
		return;
	fputc('O', e->rec);
	rec_str(e->rec, e->obuf, (size_t)n);
	rewind(e->out);
}

/* Part of the output: an item of the output's top-level list begins here
 * (a json file, a sarif result); the parent knows whether a comma goes
 * before it, this process writes it without one. */
static void
part_item(struct emitter *e)
{
	part_flush(e);
	fputc('S', e->rec);
}

void
emit_record_result(struct emitter *e, bool ok)
{
	if (e->part) {
		part_flush(e);
		if (e->notes_fp != NULL) {
			if (fclose(e->notes_fp) != 0)
				xalloc_die();
			e->notes_fp = NULL;
			fputc('N', e->rec);
			rec_str(e->rec, e->notes, e->notes_len);
			free(e->notes);
			e->notes = NULL;
		}
		e->first_file = e->first_finding = true;
	}
	fputc('R', e->rec);
	rec_u64(e->rec, ok);
	rec_u64(e->rec, e->failed);
	rec_u64(e->rec, e->files);
	rec_u64(e->rec, e->questions);
	for (int s = 0; s < SEV_COUNT; s++)
		rec_u64(e->rec, e->count[s]);
	e->failed = false;
	e->files = e->questions = 0;
	memset(e->count, 0, sizeof e->count);
}

void
emit_diag(struct emitter *e, struct diag_list *dl)
{
	if (e->rec == NULL) {
		fflush(stdout);
		diag_flush(dl, stderr);
		return;
	}
	if (e->part)
		part_flush(e);
	diag_sort(dl);
	fputc('D', e->rec);
	rec_u64(e->rec, dl->n);
	rec_u64(e->rec, dl->dropped);
	rec_u64(e->rec, dl->errors);
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		rec_cstr(e->rec, d->file);
		rec_u64(e->rec, d->line);
		rec_u64(e->rec, d->col);
		rec_u64(e->rec, d->sev);
		rec_cstr(e->rec, d->msg);
		rec_u64(e->rec, d->fileord);
		rec_u64(e->rec, d->seq);
	}
	diag_clear(dl);
}

/* Replay a 'D' record (after its type): the diagnostics, to stderr. */
static int
replay_diag(struct emitter *e, FILE *rec)
{
	uint64_t a, b, c;
	const char *s[2];
	size_t len[2];
	struct diag_list dl = {0};
	if (!get_u64(rec, &a) || !get_u64(rec, &b) || !get_u64(rec, &c) || a > DIAG_MAX)
		return -1;
	dl.dropped = (size_t)b;
	dl.errors = (size_t)c;
	dl.v = xcalloc((size_t)a + 1, sizeof *dl.v);
	dl.cap = (size_t)a + 1;
	for (; dl.n < a; dl.n++) {
		struct diag *g = &dl.v[dl.n];
		uint64_t sev, ord, seq;
		if (!get_str(e, rec, 0, &s[0], &len[0]) || s[0] == NULL)
			break;
		g->file = xstrdup(s[0]);
		if (!get_u64(rec, &b) || !get_u64(rec, &c) || !get_u64(rec, &sev) || sev >= SEV_COUNT ||
		    !get_str(e, rec, 1, &s[1], &len[1]) || s[1] == NULL || !get_u64(rec, &ord) ||
		    !get_u64(rec, &seq)) {
			dl.n++;
			break;
		}
		g->line = (unsigned long)b;
		g->col = (unsigned long)c;
		g->sev = (enum severity)sev;
		g->msg = xstrdup(s[1]);
		g->fileord = (size_t)ord;
		g->seq = (size_t)seq;
	}
	if (dl.n < a || (dl.n > 0 && dl.v[dl.n - 1].msg == NULL)) {
		diag_clear(&dl);
		return -1;
	}
	fflush(stdout);
	diag_flush(&dl, stderr);
	return 0;
}

/* Replay an 'F' record (after its type): a finding. */
static int
replay_finding(struct emitter *e, FILE *rec)
{
	uint64_t a, b, c, d, sev;
	const char *s[4];
	size_t len[4];
	if (!get_u64(rec, &a) || !get_u64(rec, &b) || !get_u64(rec, &c) || !get_u64(rec, &d) ||
	    !get_u64(rec, &sev) || sev >= SEV_COUNT)
		return -1;
	for (int k = 0; k < 4; k++)
		if (!get_str(e, rec, k + 1, &s[k], &len[k]))
			return -1;
	if (s[0] == NULL || s[1] == NULL || s[2] == NULL)
		return -1;
	struct finding f = {.line = (unsigned long)a, .col = (unsigned long)b,
	    .end_col = (unsigned long)c, .end_line = (unsigned long)d, .sev = (enum severity)sev,
	    .kind = s[0], .rule = s[1], .message = s[2], .suggestion = s[3]};
	emit_finding(e, &f);
	return 0;
}

/* Replay an 'O' record (after its type): copy its bytes to the output. */
static int
replay_output(struct emitter *e, FILE *rec)
{
	uint64_t n;
	if (!get_u64(rec, &n))
		return -1;
	xgrow((void **)&e->rbuf[0], &e->rcap[0], 65536, 1);
	while (n > 0) {
		size_t k = n < 65536 ? (size_t)n : 65536;
		if (fread(e->rbuf[0], 1, k, rec) != k)
			return -1;
		fwrite(e->rbuf[0], 1, k, e->out);
		n -= k;
	}
	return 0;
}

/* Replay an 'N' record (after its type): sarif notifications, added to
 * the ones of the inputs before. */
static int
replay_notes(struct emitter *e, FILE *rec)
{
	const char *s;
	size_t len;
	if (!get_str(e, rec, 0, &s, &len) || s == NULL || e->format != EMIT_SARIF)
		return -1;
	if (e->notes_fp == NULL) {
		e->notes_fp = open_memstream(&e->notes, &e->notes_len);
		if (e->notes_fp == NULL)
			xalloc_die();
	} else {
		fputc(',', e->notes_fp);
	}
	fwrite(s, 1, len, e->notes_fp);
	return 0;
}

/* Replay an 'S' record: the comma before an item of the top-level list,
 * unless it is the first. */
static void
replay_item(struct emitter *e)
{
	bool *first = e->format == EMIT_JSON ? &e->first_file : &e->first_finding;
	if (!*first)
		fputc(',', e->out);
	*first = false;
}

/* Replay an 'R' record (after its type): the end of an input. */
static int
replay_result(struct emitter *e, FILE *rec, bool *ok, unsigned long *files,
    unsigned long *questions)
{
	uint64_t v[4 + SEV_COUNT];
	for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
		if (!get_u64(rec, &v[k]))
			return -1;
	*ok = v[0] != 0;
	e->failed |= v[1] != 0;
	*files += (unsigned long)v[2];
	*questions += (unsigned long)v[3];
	for (int s = 0; s < SEV_COUNT; s++)
		e->count[s] += (unsigned long)v[4 + s];
	return 0;
}

int
emit_replay(struct emitter *e, FILE *rec, bool *ok, unsigned long *files, unsigned long *questions)
{
	for (;;) {
		int type = fgetc(rec), r = 0;
		uint64_t a, b;
		const char *s;
		size_t len;
		float conf;
		switch (type) {
		case 'O':
			r = replay_output(e, rec);
			break;
		case 'S':
			replay_item(e);
			break;
		case 'N':
			r = replay_notes(e, rec);
			break;
		case 'B':
			if (!get_str(e, rec, 0, &s, &len) || s == NULL)
				return -1;
			free(e->rpath);
			e->rpath = xstrdup(s);
			emit_file_begin(e, e->rpath);
			break;
		case 'Q':
			if (!get_u64(rec, &a) || !get_str(e, rec, 0, &s, &len) || s == NULL ||
			    !get_u64(rec, &b) || fread(&conf, sizeof conf, 1, rec) != 1 || b > CAT_COUNT)
				return -1;
			emit_question(e, (unsigned long)a, s, len, (enum category)((int)b - 1), conf);
			break;
		case 'F':
			r = replay_finding(e, rec);
			break;
		case 'E':
			emit_file_end(e);
			break;
		case 'D':
			r = replay_diag(e, rec);
			break;
		case 'R':
			return replay_result(e, rec, ok, files, questions);
		default:
			return -1;
		}
		if (r != 0)
			return -1;
	}
}

void
emit_file_begin(struct emitter *e, const char *path)
{
	e->files++;
	if (e->rec != NULL && !e->part) {
		fputc('B', e->rec);
		rec_cstr(e->rec, path);
		return;
	}
	e->path = path;
	if (e->tally != NULL)
		tally_file_begin(e->tally, path);
	if (e->format != EMIT_JSON)
		return;
	if (e->part)
		part_item(e);
	fprintf(e->out, "%s\n    {\n      \"path\": ", e->first_file ? "" : ",");
	emit_json_string(e->out, path);
	fputs(",\n      \"questions\": [", e->out);
	e->first_file = false;
	e->first_question = true;
	e->first_finding = true;
	e->spool = tmpfile();
	if (e->spool == NULL) {
		diag_error("cannot create a temporary file for the findings: %s", strerror(errno));
		e->failed = true;
	}
}

void
emit_set_listener(struct emitter *e, const struct emit_listener *l)
{
	e->listener = l;
}

void
emit_question(struct emitter *e, unsigned long line, const char *text, size_t len,
    enum category cat, float confidence)
{
	if (e->listener != NULL && e->listener->question != NULL)
		e->listener->question(e->listener->arg, line, text, len, cat);
	e->questions++;
	if (e->rec != NULL && !e->part) {
		fputc('Q', e->rec);
		rec_u64(e->rec, line);
		rec_str(e->rec, text, len);
		rec_u64(e->rec, (uint64_t)(cat + 1));   /* CAT_NONE is -1 */
		fwrite(&confidence, sizeof confidence, 1, e->rec);
		return;
	}
	if (e->tally != NULL)
		tally_question(e->tally);
	if (e->format != EMIT_JSON)
		return;
	fprintf(e->out, "%s\n        {\"line\": %lu, \"text\": \"", e->first_question ? "" : ",", line);
	json_text(e->out, text, len);
	fputs("\", \"category\": ", e->out);
	emit_json_string(e->out, category_name(cat));
	fputs(", \"tier\": ", e->out);
	emit_json_string(e->out, tier_name(category_tier(cat)));
	fprintf(e->out, ", \"confidence\": %.2f}", confidence);
	e->first_question = false;
}

/* A finding as text, put together in e->line and written in one go. */
static void
text_finding(struct emitter *e, const struct finding *f)
{
	struct text_buf *b = &e->line;
	b->len = 0;
	diag_format_place(b, e->color, "", e->path, f->line, f->col, f->sev);
	text_buf_put_safe(b, f->message, strlen(f->message));
	text_buf_put(b, " [", 2);
	text_buf_put(b, f->rule, strlen(f->rule));
	text_buf_put(b, "]\n", 2);
	if (f->suggestion != NULL && !e->quiet) {
		text_buf_put(b, "  suggestion: ", 14);
		text_buf_put_safe(b, f->suggestion, strlen(f->suggestion));
		text_buf_put(b, "\n", 1);
	}
	fwrite(b->p, 1, b->len, e->out);
}

static void
json_finding(FILE *o, const struct finding *f, bool first)
{
	fprintf(o, "%s\n        {\"line\": ", first ? "" : ",");
	json_num(o, f->line);
	fputs(", \"column\": ", o);
	json_num(o, f->col);
	fputs(", \"end_column\": ", o);
	json_num(o, f->end_col);
	fprintf(o, ", \"severity\": \"%s\", \"kind\": \"%s\", \"rule\": ", severity_name(f->sev), f->kind);
	emit_json_string(o, f->rule);
	fputs(", \"message\": ", o);
	emit_json_string(o, f->message);
	fputs(", \"suggestion\": ", o);
	emit_json_string(o, f->suggestion);
	fputc('}', o);
}

/*
 * A path as a SARIF artifact URI (RFC 3986): an absolute path becomes a
 * file:// URI, a relative one stays a relative reference (resolved
 * against the directory the check ran in), and one with "." or ".."
 * segments becomes the file:// URI of its real path; bytes other than unreserved
 * characters and '/' are percent-encoded.
 */
static void
sarif_uri(FILE *o, const char *path)
{
	if (strcmp(path, "-") == 0) {
		emit_json_string(o, "stdin");
		return;
	}
	/* A path with "." or ".." segments is resolved first: SARIF
	 * consumers must not have to guess what ".." means past a link. */
	char *real = NULL;
	if (strcmp(path, ".") == 0 || strcmp(path, "..") == 0 || strncmp(path, "./", 2) == 0 ||
	    strncmp(path, "../", 3) == 0 || strstr(path, "/./") != NULL || strstr(path, "/../") != NULL) {
		real = realpath(path, NULL);
		if (real != NULL)
			path = real;
	}
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = xmalloc(3 * n + sizeof "file://");
	char *w = uri;
	if (path[0] == '/')
		w = stpcpy(w, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p) != NULL) {
			*w++ = (char)*p;
		} else {
			*w++ = '%';
			*w++ = hex[*p >> 4];
			*w++ = hex[*p & 15];
		}
	}
	*w = '\0';
	emit_json_string(o, uri);
	free(uri);
	free(real);
}

/* A SARIF message (the finding, then the suggestion as its own sentence)
 * and the start of its location, up to the artifact's closing brace. */
static void
sarif_message_location(FILE *o, const struct emitter *e, const struct finding *f)
{
	size_t mlen = strlen(f->message);
	bool ends = mlen > 0 && strchr(".?!", f->message[mlen - 1]) != NULL;
	char *msg = f->suggestion ? xasprintf("%s%s %s", f->message, ends ? "" : ".", f->suggestion) :
	    xasprintf("%s%s", f->message, ends ? "" : ".");
	emit_json_string(o, msg);
	free(msg);
	fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", o);
	sarif_uri(o, e->path);
	fputc('}', o);
}

static void
sarif_finding(struct emitter *e, const struct finding *f)
{
	FILE *o = e->out;
	if (e->part && e->first_finding)
		part_item(e);
	fprintf(o, "%s\n        {\"ruleId\": ", e->first_finding ? "" : ",");
	emit_json_string(o, f->rule);
	fprintf(o, ", \"level\": \"%s\", \"message\": {\"text\": ", sarif_level(f->sev));
	sarif_message_location(o, e, f);
	if (f->line > 0)
		fprintf(o, ", \"region\": {\"startLine\": %lu, \"startColumn\": %lu, \"endColumn\": %lu}",
		    f->line, f->col, f->end_col > f->col ? f->end_col : f->col + 1);
	else if (f->end_line > 0)
		fprintf(o, ", \"region\": {\"startLine\": 1, \"endLine\": %lu}", f->end_line);
	fprintf(o, "}}], \"properties\": {\"kind\": \"%s\"}}", f->kind);
	e->first_finding = false;
}

/* An unreadable file in SARIF: a notification of the run's invocation
 * (SARIF 2.1.0, 3.20.21: "a file could not be opened"), not a result. */
static void
sarif_note(struct emitter *e, const struct finding *f)
{
	if (e->notes_fp == NULL) {
		e->notes_fp = open_memstream(&e->notes, &e->notes_len);
		if (e->notes_fp == NULL)
			xalloc_die();
	} else {
		fputc(',', e->notes_fp);
	}
	FILE *o = e->notes_fp;
	fputs("\n            {\"level\": \"error\", \"message\": {\"text\": ", o);
	sarif_message_location(o, e, f);
	if (f->line > 0)
		fprintf(o, ", \"region\": {\"startLine\": %lu, \"startColumn\": %lu}", f->line,
		    f->col > 0 ? f->col : 1);
	fputs("}}], \"descriptor\": {\"id\": ", o);
	emit_json_string(o, f->rule);
	fputs("}, \"properties\": {\"kind\": \"unreadable\"}}", o);
}

void
emit_unreadable(struct emitter *e, unsigned long line, unsigned long col, const char *rule,
    const char *msg, const char *sugg)
{
	struct finding f = {.line = line, .col = line > 0 && col == 0 ? 1 : col, .sev = SEV_ERROR,
	    .kind = "unreadable", .rule = rule, .message = msg, .suggestion = sugg};
	f.end_col = f.col > 0 ? f.col + 1 : 0;
	emit_finding(e, &f);
}

/* GitHub workflow commands: properties and message need %-escaping,
 * and control characters are shown escaped like everywhere else. */
static void
gh_escape(FILE *o, const char *raw, bool property)
{
	char *safe = text_sanitize(raw, strlen(raw));
	for (const char *s = safe; *s; s++) {
		if (*s == '%')
			fputs("%25", o);
		else if (*s == '\r')
			fputs("%0D", o);
		else if (*s == '\n')
			fputs("%0A", o);
		else if (property && *s == ':')
			fputs("%3A", o);
		else if (property && *s == ',')
			fputs("%2C", o);
		else
			fputc(*s, o);
	}
	free(safe);
}

static void
github_finding(struct emitter *e, const struct finding *f)
{
	FILE *o = e->out;
	fprintf(o, "::%s file=", f->sev == SEV_ERROR ? "error" : f->sev == SEV_WARNING ? "warning" : "notice");
	gh_escape(o, e->path, true);
	if (f->line > 0)
		fprintf(o, ",line=%lu,col=%lu,endColumn=%lu", f->line, f->col, f->end_col);
	fputs(",title=", o);
	gh_escape(o, f->rule, true);
	fputs("::", o);
	gh_escape(o, f->message, false);
	/* The suggestion on a line of its own, as SARIF keeps it apart. */
	if (f->suggestion != NULL) {
		fputs("%0Asuggestion: ", o);
		gh_escape(o, f->suggestion, false);
	}
	fputc('\n', o);
}

void
emit_finding(struct emitter *e, const struct finding *f)
{
	if (e->listener != NULL && e->listener->finding != NULL)
		e->listener->finding(e->listener->arg, f);
	if (e->rec != NULL && !e->part) {
		fputc('F', e->rec);
		rec_u64(e->rec, f->line);
		rec_u64(e->rec, f->col);
		rec_u64(e->rec, f->end_col);
		rec_u64(e->rec, f->end_line);
		rec_u64(e->rec, (uint64_t)f->sev);
		rec_cstr(e->rec, f->kind);
		rec_cstr(e->rec, f->rule);
		rec_cstr(e->rec, f->message);
		rec_cstr(e->rec, f->suggestion);
		return;
	}
	/* (Looked up only when a severity of a kind was set: most runs set
	 * none, and a long draft has many findings.) */
	int k = e->sev_any ? finding_kind_lookup(f->kind) : -1;
	struct finding as_set;
	if (k >= 0 && e->sev_set[k]) {
		as_set = *f;
		as_set.sev = e->sev[k];
		f = &as_set;
	}
	e->count[f->sev]++;
	if (e->tally != NULL)
		tally_finding(e->tally, f->line, f->col, f->sev, f->kind, f->rule, f->message, f->suggestion);
	bool unreadable = strcmp(f->kind, "unreadable") == 0;
	if (unreadable && e->format != EMIT_TEXT && strcmp(f->rule, "input.invalid-bank") != 0) {
		/* (A bank that does not load has had its errors printed.) */
		/* Machine output goes to a file or a tool; a person reading
		 * the log sees why the status is 2 here. */
		struct diag_list dl = {0};
		diag_add(&dl, e->path, f->line, f->col, SEV_ERROR, "%s", f->message);
		if (e->part) {
			emit_diag(e, &dl);
		} else {
			fflush(e->out);
			diag_flush(&dl, stderr);
		}
	}
	switch (e->format) {
	case EMIT_TEXT:
		text_finding(e, f);
		break;
	case EMIT_JSON:
		if (e->spool != NULL)
			json_finding(e->spool, f, e->first_finding);
		e->first_finding = false;
		break;
	case EMIT_SARIF:
		if (unreadable)
			sarif_note(e, f);
		else
			sarif_finding(e, f);
		break;
	case EMIT_GITHUB:
		github_finding(e, f);
		break;
	case EMIT_CSV:
		break;
	}
}

/* One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a
 * comma, a quote, a line break or blanks at either end. */
static void
csv_field(FILE *o, const char *s)
{
	size_t n = strlen(s);
	if (strpbrk(s, ",\"\r\n") == NULL && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
		fputs(s, o);
		return;
	}
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', o);
		fputc(*s, o);
	}
	fputc('"', o);
}

/* The csv row of the file just checked. */
static void
csv_row(struct emitter *e)
{
	const struct tally_file *f = tally_current(e->tally);
	if (f == NULL)
		return;
	csv_field(e->out, f->path);
	fprintf(e->out, ",%lu,%lu,%lu,%lu,%lu,%lu,", f->questions, f->count[SEV_ERROR], f->count[SEV_WARNING],
	    f->count[SEV_INFO], f->job_asks, f->pay);
	/* Only a list read whole has closing questions and tiers to count. */
	if (tally_judged(f))
		fprintf(e->out, "%u,%s,%s\r\n", 2 - f->closing_missing, f->job_tier_missing ? "no" : "yes",
		    f->industry_tier_missing ? "no" : "yes");
	else
		fputs(",,\r\n", e->out);
}

void
emit_file_end(struct emitter *e)
{
	if (e->rec != NULL && !e->part) {
		fputc('E', e->rec);
		return;
	}
	if (e->format == EMIT_CSV)
		csv_row(e);
	if (e->format != EMIT_JSON)
		return;
	fputs(e->first_question ? "],\n      \"findings\": [" : "\n      ],\n      \"findings\": [", e->out);
	if (e->spool != NULL) {
		char buf[65536];
		size_t n;
		if (fflush(e->spool) != 0 || ferror(e->spool))
			e->failed = true;
		rewind(e->spool);
		while ((n = fread(buf, 1, sizeof buf, e->spool)) > 0)
			fwrite(buf, 1, n, e->out);
		if (ferror(e->spool)) {
			diag_error("cannot read back the spooled findings");
			e->failed = true;
		}
		fclose(e->spool);
		e->spool = NULL;
	}
	fputs(e->first_finding ? "]\n    }" : "\n      ]\n    }", e->out);
}

void
emit_record_end(struct emitter *e)
{
	if (e == NULL)
		return;
	free(e->rpath);
	if (e->part) {
		fclose(e->out);
		free(e->obuf);
	}
	tally_free(e->own_tally);
	if (e->notes_fp != NULL)
		fclose(e->notes_fp);
	free(e->notes);
	for (int k = 0; k < 5; k++)
		free(e->rbuf[k]);
	free(e->line.p);
	free(e);
}

unsigned long
emit_count(const struct emitter *e, enum severity sev)
{
	return e->count[sev];
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int
emit_end(struct emitter *e, unsigned long files, unsigned long questions)
{
	FILE *o = e->out;
	unsigned long er = e->count[SEV_ERROR], wa = e->count[SEV_WARNING], in = e->count[SEV_INFO];

	switch (e->format) {
	case EMIT_TEXT:
		if (!e->quiet) {
			fprintf(o, "%lu %s, %lu %s and %lu %s in %lu %s", er, plural(er, "error", "errors"),
			    wa, plural(wa, "warning", "warnings"), in, plural(in, "info", "infos"), files,
			    plural(files, "file", "files"));
			if (questions > 0)
				fprintf(o, " (%lu %s checked)", questions, plural(questions, "question", "questions"));
			fputc('\n', o);
		}
		break;
	case EMIT_JSON:
		fprintf(o, "%s],\n  \"summary\": {\"errors\": %lu, \"warnings\": %lu, \"infos\": %lu}\n}\n",
		    e->first_file ? "" : "\n  ", er, wa, in);
		break;
	case EMIT_SARIF:
		fputs(e->first_finding ? "]" : "\n      ]", o);
		if (e->notes_fp != NULL) {
			/* Files that were not analysed: the run did not succeed. */
			if (fclose(e->notes_fp) != 0)
				xalloc_die();
			e->notes_fp = NULL;
			fputs(",\n      \"invocations\": [\n        {\"executionSuccessful\": false, "
			    "\"toolExecutionNotifications\": [", o);
			fwrite(e->notes, 1, e->notes_len, o);
			fputs("\n        ]}\n      ]", o);
		}
		fputs("\n    }\n  ]\n}\n", o);
		break;
	case EMIT_GITHUB:
	case EMIT_CSV:
		break;
	}
	bool failed = e->failed;
	emit_record_end(e);
	if (fflush(o) != 0 || ferror(o)) {
		diag_error("write error: %s", strerror(errno ? errno : EIO));
		return -1;
	}
	return failed ? -1 : 0;
}
