/*
 * test_transcript_read.c -- reading transcripts back: what transcript.c
 * writes reads back field for field (a round trip), older headers still
 * read, times add up across midnight, and every kind of broken file gets
 * its message at the right line and column.  A review appended after
 * the session reads apart from it, on its own clock, and review_log
 * groups its records into items with their tries.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "transcript.h"
#include "review_log.h"
#include "transcript_read.h"
#include "xmalloc.h"

static char *dir;           /* scratch directory (tap_tmpdir) */
static char err[512];

/* Write content (len bytes) to a file in the test directory. */
static char *
put(const char *name, const char *content, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	if (fp != NULL) {
		fwrite(content, 1, len, fp);
		fclose(fp);
	}
	return path;
}

/* Read path; the first diagnostic as "LINE:COL: MESSAGE", or "" when it
 * read cleanly.  *doc gets the document (may be NULL). */
static char *
read_first(const char *path, struct transcript_doc **doc)
{
	struct diag_list dl = {0};
	*doc = transcript_read(path, &dl);
	diag_sort(&dl);
	char *s = dl.n == 0 ? xstrdup("") :
	    xasprintf("%lu:%lu: %s", dl.v[0].line, dl.v[0].col, dl.v[0].msg);
	diag_clear(&dl);
	return s;
}

static void
test_round_trip(void)
{
	char *path = xasprintf("%s/rt.md", dir);
	struct transcript *t = transcript_open(path, err, sizeof err);
	ok(t != NULL, "open a transcript to write");
	if (t == NULL)
		return;
	time_t start = 1767225600 + 23 * 3600 + 59 * 60;    /* 2026-01-01 23:59:00 */
	struct transcript_meta m = {
		.mock = true, .bank_id = "general", .bank_title = "General (informational)",
		.host = "Dolores Whitfield, Operations manager at Brightwater", .persona_id = "dolores",
		.started_ms = (uint64_t)start * 1000 + 500, .duration = 600, .policy = "strict",
	};
	is_int(transcript_begin(t, &m), 0, "header written");
	uint64_t ms = (uint64_t)start * 1000;
	transcript_append(t, "Dolores Whitfield", "Hello!", ms + 500);
	transcript_append(t, "you", "What is <your> day\x1b[2J like?", ms + 30750);
	transcript_append(t, "coach", "Half time.", ms + 70500);
	transcript_append(t, "you", "", ms + 65000);       /* the clock went back */
	transcript_append(t, TRANSCRIPT_UNSENT, "How did you", ms + 65000);
	transcript_append(t, TRANSCRIPT_PROGRAM, TRANSCRIPT_END, ms + 86400000 + 71000);
	transcript_close(t);

	struct transcript_doc *d;
	char *e = read_first(path, &d);
	is_str(e, "", "what transcript.c writes reads back without a problem");
	free(e);
	if (!ok(d != NULL, "a document"))
		return;
	ok(d->mock, "the title says mock");
	is_str(d->bank_id, "general", "bank id");
	is_str(d->bank_title, "General (informational)", "bank title, parentheses inside kept");
	is_int(d->bank_line, 3, "bank line");
	is_str(d->host, "Dolores Whitfield, Operations manager at Brightwater", "host");
	is_str(d->persona_id, "dolores", "persona id");
	is_int(d->persona_line, 5, "persona line");
	is_str(d->started, "2026-01-01 23:59:00.500 UTC", "started as written, to the ms");
	ok(d->started_at == start, "started as a time");
	is_int(d->duration, 600, "duration");
	is_int(d->policy, POLICY_STRICT, "policy");
	is_int(d->nrecords, 6, "six records");
	if (d->nrecords == 6) {
		is_int(d->records[0].speaker, SPEAKER_HOST, "the host by name");
		is_int(d->records[0].line, 10, "the first record's line");
		is_int(d->records[1].speaker, SPEAKER_YOU, "you");
		is_str(d->records[1].text, "What is <your> day\\x1b[2J like?", "text kept as written, escapes and all");
		is_int(d->records[1].at_ms, 30250, "30.25 s in: times to the ms");
		is_int(d->records[2].speaker, SPEAKER_COACH, "coach");
		is_int(d->records[2].at_ms, 70000, "past midnight: 70 s in");
		is_str(d->records[3].text, "", "empty text");
		is_int(d->records[3].at_ms, 70000, "a clock set back counts as no time");
		is_int(d->records[4].speaker, SPEAKER_UNSENT, "words typed but not sent are marked so");
		is_str(d->records[4].text, "How did you", "  with the words as typed");
		is_int(d->records[5].speaker, SPEAKER_PROGRAM, "the program's end record");
		is_str(d->records[5].text, TRANSCRIPT_END, "its text");
		is_int(d->records[5].at_ms, 76000, "a day later reads as 6 s later: a step is at most a day");
	}
	transcript_doc_free(d);
	transcript_doc_free(NULL);
	free(path);
}

static void
test_older(void)
{
	static const char old[] =
	    "# infocoach practice session\n\n"
	    "- bank: nursing (Nursing)\n"
	    "- host: Annette Tyler, Ward sister at St Elsewhere\n"
	    "- started: 2025-12-31 10:00:00 UTC\n"
	    "- mood: sunny\n\n"
	    "**10:00:00 Annette Tyler:** Hello.\r\n\r\n"
	    "**10:02:00 you:** How did you start?\n\n";
	char *path = put("old.md", old, sizeof old - 1);
	struct transcript_doc *d;
	char *e = read_first(path, &d);
	is_str(e, "", "an older header (no persona, duration, policy) and an unknown line read, CRLF too");
	free(e);
	if (ok(d != NULL, "older transcript: a document")) {
		ok(!d->mock && d->persona_id == NULL && d->duration == 0 && d->policy == POLICY_DEFAULT,
		    "older transcript: practice, no persona id, untimed, default policy");
		ok(d->nrecords == 2 && d->records[1].at_ms == 120000, "older transcript: 2 records, 2 min in");
	}
	transcript_doc_free(d);
	free(path);
}

/* A broken file: the first message is want. */
static void
broken(const char *name, const char *content, size_t len, const char *want)
{
	char *path = put(name, content, len);
	struct transcript_doc *d;
	char *e = read_first(path, &d);
	is_str(e, want, name);
	ok(d == NULL, "%s: no document", name);
	transcript_doc_free(d);
	free(e);
	free(path);
}

#define HEAD "# infocoach mock session\n\n- bank: general (General)\n- started: 2026-01-01 00:00:00 UTC\n\n"
#define BROKEN(name, text, want) broken(name, text, sizeof text - 1, want)

static void
test_broken(void)
{
	BROKEN("empty", "", "1:0: empty file, not an infocoach transcript");
	BROKEN("not-a-transcript", "# Shopping list\n- eggs\n",
	    "1:1: not an infocoach transcript: it should start with '# infocoach practice session' "
	    "or '# infocoach mock session'");
	BROKEN("binary", "# infocoach mock session\n\0\1\2",
	    "1:0: binary file (a NUL byte at offset 25), not a transcript");
	BROKEN("invalid-utf8", HEAD "**00:00:01 you:** caf\xc3\xa9 \xff!\n",
	    "6:24: invalid UTF-8");
	BROKEN("bad-record", HEAD "**00:00:01 you:** fine\n\nJust some text\n",
	    "8:1: expected a record '**HH:MM:SS.mmm NAME:** TEXT'");
	BROKEN("bad-time", HEAD "**0:00:01 you:** hi\n",
	    "6:3: expected a record '**HH:MM:SS.mmm NAME:** TEXT': the time is not HH:MM:SS.mmm");
	BROKEN("no-name", HEAD "**00:00:01 you** hi\n",
	    "6:12: expected a record '**HH:MM:SS.mmm NAME:** TEXT': no 'NAME:**' after the time");
	BROKEN("truncated", HEAD "**00:00:01 you:** What does a typ",
	    "6:0: the file ends in the middle of a line: it was cut short");
	BROKEN("no-bank", "# infocoach mock session\n\n- started: 2026-01-01 00:00:00 UTC\n\n**00:00:01 you:** hi\n",
	    "5:0: the header has no '- bank: ID (TITLE)' line");
	BROKEN("no-started", "# infocoach mock session\n\n- bank: general\n",
	    "3:0: the header has no '- started: YYYY-MM-DD HH:MM:SS UTC' line");
	BROKEN("bad-started", "# infocoach mock session\n- bank: general\n- started: yesterday\n",
	    "3:12: invalid start time 'yesterday' (expected YYYY-MM-DD HH:MM:SS UTC)");
	BROKEN("bad-duration", HEAD "- duration: forever\n",
	    "6:13: invalid duration 'forever' (written like 90s, 20m, 1h or 1h30m)");
	BROKEN("bad-duration-header", "# infocoach mock session\n- bank: general\n- duration: 5 minutes\n",
	    "3:13: invalid duration '5 minutes' (written like 90s, 20m, 1h or 1h30m)");
	BROKEN("bad-policy", "# infocoach mock session\n- bank: general\n- policy: harsh\n",
	    "3:11: unknown policy 'harsh' (expected strict, default or lenient)");
	BROKEN("twice", "# infocoach mock session\n- bank: general\n- bank: nursing\n",
	    "3:1: the header says 'bank' twice");
	/* A NUL past the first 8,000 bytes: that line is reported. */
	char *pad = xmalloc(9000);
	memset(pad, 'x', 9000);
	char *nul = xasprintf(HEAD "**00:00:01 you:** %.*s\n\n**00:00:02 you:** a", 9000, pad);
	size_t nl = strlen(nul);
	nul = xreallocarray(nul, nl + 4, 1);
	memcpy(nul + nl, "\0b\n", 4);
	broken("nul-later", nul, nl + 4, "8:20: a NUL byte: binary data is not a transcript");
	free(nul);
	free(pad);

	/* A huge line: reported once, and the lines after it keep their numbers. */
	size_t big = TRANSCRIPT_READ_MAX_LINE + 10;
	const char *tail = "\n\nnot a record\n";
	size_t hl = strlen(HEAD);
	char *s = xmalloc(hl + 20 + big + strlen(tail));
	memcpy(s, HEAD "**00:00:01 you:** ", hl + 18);
	memset(s + hl + 18, 'y', big);
	memcpy(s + hl + 18 + big, tail, strlen(tail));
	char *path = put("huge.md", s, hl + 18 + big + strlen(tail));
	struct diag_list dl = {0};
	struct transcript_doc *d = transcript_read(path, &dl);
	diag_sort(&dl);
	ok(d == NULL && dl.n == 2 && dl.v[0].line == 6 &&
	    strcmp(dl.v[0].msg, "line longer than 524288 bytes") == 0 && dl.v[1].line == 8,
	    "a line over the limit is reported once, and the line numbers after it hold");
	diag_clear(&dl);
	free(path);
	free(s);

	/* Too many records: refused at the first one over, reading stops. */
	size_t nrec = TRANSCRIPT_READ_MAX_RECORDS + 1000;
	static const char rec[] = "**00:00:01 you:** hi\n";
	s = xmalloc(hl + nrec * (sizeof rec - 1));
	memcpy(s, HEAD, hl);
	for (size_t i = 0; i < nrec; i++)
		memcpy(s + hl + i * (sizeof rec - 1), rec, sizeof rec - 1);
	path = put("many.md", s, hl + nrec * (sizeof rec - 1));
	d = transcript_read(path, &dl);
	ok(d == NULL && dl.n == 1 && dl.v[0].line == 6 + TRANSCRIPT_READ_MAX_RECORDS &&
	    strstr(dl.v[0].msg, "more than 200000 records") != NULL,
	    "more than TRANSCRIPT_READ_MAX_RECORDS records: one error, at the first record too many");
	diag_clear(&dl);
	free(path);
	free(s);

	path = xasprintf("%s/missing.md", dir);
	char *e = read_first(path, &d);
	is_str(e, "0:0: cannot open: No such file or directory", "a missing file");
	free(e);
	free(path);
	e = read_first(dir, &d);
	is_str(e, "0:0: is a directory, not a transcript", "a directory");
	free(e);
}

static void
test_review(void)
{
	char *path = xasprintf("%s/rv.md", dir);
	struct transcript *t = transcript_open(path, err, sizeof err);
	ok(t != NULL, "review: open a transcript to write");
	if (t == NULL)
		return;
	uint64_t ms = (uint64_t)1767225600 * 1000;   /* 2026-01-01 00:00:00 */
	struct transcript_meta m = {
		.mock = false, .bank_id = "general", .bank_title = "General", .host = "Dolores",
		.persona_id = "dolores", .started_ms = ms, .duration = 0, .policy = "default",
	};
	transcript_begin(t, &m);
	transcript_append(t, "you", "Are you hiring?", ms + 60000);
	transcript_append(t, TRANSCRIPT_PROGRAM, TRANSCRIPT_END, ms + 90000);
	/* A week later. */
	uint64_t later = ms + 7ULL * 86400 * 1000;
	ok(transcript_review_begin(t, later, 2) == 0, "review: the section's start is saved");
	transcript_append(t, "flagged", "turn 1 [job-ask.hiring]: Are you hiring?", later + 1000);
	transcript_append(t, "try", "Any openings?", later + 5000);
	transcript_append(t, "not yet", "still a job ask", later + 5000);
	transcript_append(t, "try", "How did you start?", later + 9000);
	transcript_append(t, "better", "no longer a job ask", later + 9000);
	transcript_append(t, "missed", "referrals", later + 9500);
	ok(transcript_close(t) == 0, "review: everything saved");

	struct transcript_doc *d = NULL;
	char *first = read_first(path, &d);
	is_str(first, "", "review: a transcript with a review reads cleanly");
	free(first);
	if (d == NULL) {
		free(path);
		return;
	}
	ok(d->nrecords == 2, "review: the session keeps its own two records (%zu)", d->nrecords);
	ok(d->nreviews == 1 && d->reviews[0].nrecords == 6, "review: one review of six records");
	ok(d->nreviews == 1 && d->reviews[0].started != NULL &&
	    strcmp(d->reviews[0].started, "2026-01-08 00:00:00.000 UTC") == 0, "review: its start as written");
	ok(d->nreviews == 1 && d->reviews[0].records[4].at_ms == 9000,
	    "review: its records' times count from its own start");
	if (d->nreviews == 1) {
		struct review_log *l = review_log_read(&d->reviews[0]);
		ok(l->n == 2 && l->better == 1 && l->tried == 1, "review_log: two items, one put better");
		ok(l->n == 2 && l->items[0].turn == 1 && strcmp(l->items[0].rules, "job-ask.hiring") == 0 &&
		    strcmp(l->items[0].said, "Are you hiring?") == 0 && l->items[0].ntries == 2 &&
		    !l->items[0].tries[0].better && l->items[0].tries[1].better,
		    "review_log: the flagged line, its rule and both tries with their verdicts");
		ok(l->n == 2 && l->items[1].missed && l->items[1].cat == CAT_REFERRALS && l->items[1].ntries == 0,
		    "review_log: the missed topic, with no try");
		review_log_free(l);
		char *text = review_log_text(d);
		ok(text != NULL && strstr(text, "Review of 2026-01-08 00:00:00.000 UTC: 1 of 2 put better; 1 skipped\n") == text,
		    "review_log: the report's text starts with how it went");
		free(text);
	}
	transcript_doc_free(d);
	free(path);
}

int
main(void)
{
	dir = tap_tmpdir("infocoach-tread");
	test_round_trip();
	test_older();
	test_broken();
	test_review();
	tap_rmtree(dir);
	free(dir);
	return tap_done();
}
