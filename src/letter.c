/*
 * letter.c -- checks for requests and thank-you notes (see letter.h).
 *
 * The elements are recognised with caseless PCRE2 patterns over the
 * whole letter (with line breaks as spaces); a letter that says a thing
 * in words none of them knows gets a finding it does not deserve, so the
 * messages say "does not seem to".
 */
#include <config.h>

#include "letter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "sentence.h"
#include "text.h"
#include "xmalloc.h"

/* One element a letter should have. */
struct element {
	const char *rule;        /* rule id in the output */
	const char *message;     /* what seems to be missing */
	const char *suggestion;  /* how to say it */
	const char *pattern;     /* present when this matches */
};

static const struct element request[] = {
	{"letter.how-found", "the letter does not seem to say how you got the host's name",
	    "Say who suggested them or where you found them: \"Maria Lopez suggested I contact you.\"",
	    "\\b(?:suggested|recommended|referred|pointed|gave me your (?:name|details|contact)|passed (?:on|along) your|"
	    "mutual (?:friend|colleague|contact)|found your (?:name|profile|article|talk)|(?:read|saw|heard) your|"
	    "through (?:the |our |my )?(?:alumni|linkedin|association|network|university|college|school|society)|"
	    "(?:on|via) linkedin|thought you (?:would|might) be|your name (?:was given|came up)|c(?:a|o)me across your)\\b"},
	{"letter.value", "the letter does not seem to say that you value the host's experience and advice",
	    "Tell them why them: \"I would value your perspective on how you built your career in nursing.\"",
	    "\\b(?:value|appreciate|benefit from|learn from|grateful for|interested in|admire|respect)\\b[^.]{0,60}"
	    "\\byour\\b[^.]{0,30}\\b(?:experience|advice|insight|insights|perspective|expertise|views|thoughts|"
	    "knowledge|career|path|work)\\b"},
	{"letter.short-meeting", "the letter does not seem to ask for a short meeting of half an hour at most",
	    "Ask for a set, short time: \"Could we talk for 20 minutes in the next few weeks?\"",
	    "\\b(?:(?:10|15|20|25|30|ten|fifteen|twenty|twenty-five|thirty)[ -]?(?:minutes?|mins?)|half an hour|"
	    "half-hour|(?:a |one )?half[ -]hour|brief (?:conversation|meeting|chat|call|talk)|short (?:conversation|meeting|chat|call|talk)|"
	    "quick (?:chat|call|conversation))\\b"},
	{"letter.not-a-job", "the letter does not seem to say that you are not asking for a job",
	    "Put their mind at rest: \"I am not asking for a job; I would like to learn about your work.\"",
	    "\\b(?:not|n['’]t|no|never)\\b[^.]{0,40}\\b(?:ask|look|seek|request|expect|apply|after|about|hunting|"
	    "searching|pitch)\\w*\\b[^.]{0,30}\\b(?:jobs?|positions?|roles?|employment|openings?|vacanc(?:y|ies)|"
	    "work from you|hired?|hiring)\\b|\\b(?:isn['’]t|is not|not)\\b[^.]{0,20}\\bjob (?:request|application|pitch|hunt)\\b"},
	{"letter.ways-to-meet", "the letter does not seem to offer ways to meet (in person, phone, video or e-mail)",
	    "Offer a choice: \"I'm glad to meet in person, by phone or by video, whichever suits you.\"",
	    "\\b(?:in person|(?:by|over the|on the) (?:phone|telephone)|phone call|video|zoom|teams|google meet|"
	    "(?:by|over) e-?mail|coffee|(?:a|quick|short|brief|video|phone) call|on a call)\\b"},
	{"letter.follow-up", "the letter does not seem to say that you will follow up",
	    "Say when: \"I will call your office next week to see whether a time suits you.\"",
	    "\\b(?:follow(?:ing)? up|I(?:'ll| will) (?:call|contact|phone|e-?mail|write|reach out|be in touch|get in touch|"
	    "try you|send|ring|drop)|be in touch|get back to you|check in with you|check again)\\b"},
	{NULL, NULL, NULL, NULL},
};

static const struct element thanks[] = {
	{"thanks.for-time", "the note does not seem to thank the host for their time",
	    "Start with it: \"Thank you for taking the time to talk with me yesterday.\"",
	    "\\b(?:thank|thanks|grateful|appreciate)\\b[^.]{0,80}\\b(?:time|meeting|conversation|talk|chat|call|"
	    "speaking|meeting with me|advice|seeing me|see me|showing me|having me|fitting me in)\\b"},
	{"thanks.learned", "the note does not seem to name one thing you learned",
	    "Name it: \"Your point about starting in a smaller agency gave me a plan for my next step.\"",
	    "\\b(?:learn(?:ed|t)|struck|stayed with me|took away|taught|eye-opening|showed me|reali[sz]ed|"
	    "now (?:understand|see|know)|surprised|especially (?:valued|appreciated|liked|enjoyed)|"
	    "your (?:point|advice|suggestion|description|story|explanation|comment) (?:about|on|that|of|to)|"
	    "you (?:explained|described|mentioned|said|told me|pointed out))\\b"},
	{NULL, NULL, NULL, NULL},
};

/* An opening the host mentioned: the accepted way to show interest. */
static const char mentioned_opening[] =
    "\\b(?:openings?|positions?|roles?|vacanc(?:y|ies)|jobs?|posts?)\\b[^.]{0,40}\\byou (?:mentioned|told me about|"
    "spoke (?:about|of)|talked about|brought up|pointed out|said)\\b|\\byou (?:mentioned|told me about|said|"
    "talked about|spoke of)\\b(?![^.]{0,40}\\byour (?:first|old|previous|last|early) (?:job|role|position))"
    "[^.]{0,60}\\b(?:openings?|positions?|roles?|vacanc(?:y|ies)|jobs?|posts?|advertis\\w*|recruit\\w*|hiring)\\b";

static const char attachment[] =
    "\\b(?:attached|enclosed|attaching|enclosing|I(?:'ve| have) included)\\b[^.]{0,40}\\b(?:r[ée]sum[ée]|cv|"
    "curriculum vitae|portfolio|application)\\b|\\b(?:r[ée]sum[ée]|cv)\\b[^.]{0,20}\\b(?:attached|enclosed)\\b";

#define REQUEST_MAX_WORDS 250
#define THANKS_MAX_WORDS 200

/* The letter cannot be read: an unreadable finding under rule. */
static void
file_error(struct emitter *e, const char *rule, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
file_error(struct emitter *e, const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	emit_unreadable(e, 0, 0, rule, msg, NULL);
	free(msg);
}

/* Read the letter whole into *out (NUL-terminated, *len bytes); false
 * after an unreadable finding. */
static bool
read_all(struct emitter *e, const char *path, char **out, size_t *len)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		file_error(e, "input.unreadable", "cannot open: %s", strerror(errno));
		return false;
	}
	struct stat st;
	if (fd != STDIN_FILENO && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		file_error(e, "input.unreadable", S_ISDIR(st.st_mode) ? "is a directory, not a letter" :
		    "not a regular file");
		close(fd);
		return false;
	}
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		xgrow((void **)&buf, &cap, n + 65536 + 1, 1);
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r < 0) {
				file_error(e, "input.unreadable", "read error: %s", strerror(errno));
				free(buf);
				buf = NULL;
			}
			break;
		}
		n += (size_t)r;
		if (n > LETTER_MAX_BYTES) {
			file_error(e, "input.too-long", "longer than %d bytes; a letter should fit on a page, and "
			    "this one was not checked", LETTER_MAX_BYTES);
			free(buf);
			buf = NULL;
			break;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (buf == NULL)
		return false;
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return true;
}

/* Run one caseless pattern over text; 1 if it matches. */
static int
matches(struct matcher *m, const char *pat, const char *text, size_t len, size_t *so)
{
	struct pattern p;
	pattern_compile_builtin(&p, pat);
	size_t eo;
	int rc = pattern_match(m, &p, text, len, so, &eo);
	pattern_free(&p);
	return rc > 0;
}

/* The 1-based line and column of byte offset off in text. */
static void
position(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = 1 + utf8_columns(text + start, off - start);
}

/* Reports, positioned, why body (len bytes, enc the encoding it was
 * sniffed as) cannot be checked: a NUL byte, or the bytes at offset bad
 * that are not UTF-8, with a guess at the encoding the file is in. */
static void
report_unreadable(struct emitter *e, const char *body, size_t len, enum text_encoding enc, size_t bad)
{
	unsigned long line, col;
	bool nul = memchr(body, '\0', len) != NULL;
	size_t at = nul ? (size_t)((char *)memchr(body, '\0', len) - body) : bad;
	position(body, at, &line, &col);
	size_t ls = at;
	while (ls > 0 && body[ls - 1] != '\n')
		ls--;
	const char *le = memchr(body + at, '\n', len - at);
	uint32_t cp = 0;
	const char *guess = nul || enc != TEXT_UTF8 ? NULL :
	    text_guess_encoding(body + ls, (size_t)((le ? le : body + len) - (body + ls)), at - ls, &cp);
	char *msg;
	if (nul) {
		msg = xstrdup("a NUL byte: this is not a text file; the letter was not checked");
	} else if (enc != TEXT_UTF8) {
		msg = xasprintf("invalid %s (a surrogate without its pair); the letter was not checked",
		    text_encoding_name(enc));
	} else if (guess != NULL) {
		char ch[5];
		ch[utf8_encode(cp, ch)] = '\0';
		msg = xasprintf("not UTF-8: the file looks like %s (byte 0x%02X, %s); the letter was not "
		    "checked", guess, (unsigned char)body[at], ch);
	} else {
		msg = xasprintf("not UTF-8 (byte 0x%02X), nor an encoding infocoach recognises; the "
		    "letter was not checked", (unsigned char)body[at]);
	}
	emit_unreadable(e, line, col, "input.encoding", msg, guess != NULL ?
	    "Save it as UTF-8 (Notepad: Save As, Encoding UTF-8; Word: Save As, Plain Text, "
	    "Unicode (UTF-8)) and check it again." : "Save it as UTF-8 text and check it again.");
	free(msg);
}

/* Job asks (and pay questions) a sentence at a time, positioned, by the
 * rules: the model learned from questions, not from paragraphs.  A
 * sentence may run over a line break (flat, text with spaces for line
 * breaks and tabs, is what is assessed); a job ask is let through when
 * the letter mentions an opening (opening_mentioned). */
static void
check_sentences(struct assessor *a, struct emitter *e, struct matcher *m, const char *text,
    const char *flat, size_t len, bool opening_mentioned)
{
	bool model_flags = assessor_set_model_flags(a, false);
	for (size_t st = 0; st < len;) {
		while (st < len && (flat[st] == ' ' || flat[st] == '\n'))
			st++;
		if (st >= len)
			break;
		size_t en = sentence_end(text, len, st);
		struct assessment as;
		assess_line(a, m, flat + st, en - st, NULL, 0, &as);
		for (size_t i = 0; i < as.nflags; i++) {
			const struct flag *f = &as.flags[i];
			if (f->rule->kind != KIND_JOB_ASK && f->rule->kind != KIND_SALARY)
				continue;
			if (f->rule->kind == KIND_JOB_ASK && opening_mentioned)
				continue;
			struct finding fd = {
				.sev = f->sev, .kind = kind_name(f->rule->kind), .rule = f->rule->id,
				.message = f->rule->message, .suggestion = f->rule->suggestion,
			};
			position(text, st + f->so, &fd.line, &fd.col);
			/* A match over a line break ends, in the finding, where its
			 * first line does. */
			const char *nl = memchr(text + st + f->so, '\n', f->eo - f->so);
			size_t to = nl != NULL ? (size_t)(nl - text) : st + f->eo;
			if (to > st + f->so && text[to - 1] == '\r')
				to--;
			fd.end_col = fd.col + utf8_columns(text + st + f->so, to - st - f->so);
			emit_finding(e, &fd);
		}
		st = en;
	}
	assessor_set_model_flags(a, model_flags);
}

/* What the letter of this kind holds or lacks, looked for in flat (the
 * letter on one line) and positioned in text: an attached résumé, the
 * elements it should have, a meeting longer than half an hour. */
static void
check_elements(struct emitter *e, struct matcher *m, enum letter_kind kind, const char *text,
    const char *flat, size_t len)
{
	size_t so = 0;
	if (kind == LETTER_REQUEST && matches(m, attachment, flat, len, &so)) {
		struct finding fd = {.sev = SEV_WARNING, .kind = "attachment", .rule = "letter.resume-attached",
		    .message = "the letter attaches a résumé, which reads as a job application",
		    .suggestion = "Leave the résumé out; offer it only if the host asks for it."};
		position(text, so, &fd.line, &fd.col);
		fd.end_col = fd.col + 1;
		emit_finding(e, &fd);
	}
	/* The elements a letter of this kind should have. */
	for (const struct element *el = kind == LETTER_REQUEST ? request : thanks; el->rule; el++) {
		if (matches(m, el->pattern, flat, len, &so))
			continue;
		struct finding fd = {.sev = SEV_WARNING, .kind = "missing_element", .rule = el->rule,
		    .message = el->message, .suggestion = el->suggestion};
		emit_finding(e, &fd);
	}
	if (kind == LETTER_REQUEST && matches(m, "\\b(?:(?<!half )an hour|one hour|(?:45|forty-five|60|sixty|90|ninety)[ -]?minutes?|"
	    "(?:a|one|two) hours?)\\b", flat, len, &so)) {
		struct finding fd = {.sev = SEV_WARNING, .kind = "too_long", .rule = "letter.meeting-too-long",
		    .message = "the letter asks for more than half an hour of the host's time",
		    .suggestion = "Ask for 20 to 30 minutes; if the host wants more, they will offer it."};
		position(text, so, &fd.line, &fd.col);
		fd.end_col = fd.col + 1;
		emit_finding(e, &fd);
	}
}

/* Warns when the letter (text, len bytes) has more words than a letter
 * of its kind should. */
static void
check_length(struct emitter *e, enum letter_kind kind, const char *text, size_t len)
{
	unsigned long words = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		bool sp = text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r';
		words += !sp && !in;
		in = !sp;
	}
	unsigned long max = kind == LETTER_REQUEST ? REQUEST_MAX_WORDS : THANKS_MAX_WORDS;
	if (words > max) {
		char *msg = xasprintf("the %s has %lu words; keep it under %lu", kind == LETTER_REQUEST ?
		    "letter" : "note", words, max);
		struct finding fd = {.sev = SEV_WARNING, .kind = "too_long", .rule = kind == LETTER_REQUEST ?
		    "letter.length" : "thanks.length", .message = msg,
		    .suggestion = "Cut it to a few short paragraphs the host can read in a minute."};
		emit_finding(e, &fd);
		free(msg);
	}
}

bool
letter_check(struct assessor *a, struct emitter *e, const char *path, const char *name,
    enum letter_kind kind)
{
	char *text;
	size_t len, bad;
	if (name == NULL)
		name = path;
	emit_file_begin(e, name);
	if (!read_all(e, path, &text, &len)) {
		emit_file_end(e);
		return false;
	}
	enum text_encoding enc = text_sniff(text, len < 8000 ? len : 8000);
	if (enc != TEXT_UTF8) {
		/* UTF-16 (Notepad's "Unicode"): read as the same text in UTF-8. */
		size_t cap = len * 2 + 8, used;
		char *u8 = xmalloc(cap);
		size_t n = utf16_to_utf8(enc, text, len, true, u8, cap, &used);
		u8[n] = '\0';
		free(text);
		text = u8;
		len = n;
	}
	char *body = text;
	if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) {
		/* A byte-order mark is not a character: column 1 follows it. */
		body += 3;
		len -= 3;
	}
	if (memchr(body, '\0', len) != NULL || !utf8_valid(body, len, &bad)) {
		report_unreadable(e, body, len, enc, bad);
		emit_file_end(e);
		free(text);
		return false;
	}
	char *whole = text;
	text = body;
	struct matcher *m = matcher_new();
	/* The whole letter on one line, for elements that span line breaks. */
	char *flat = xstrndup(text, len);
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	size_t so = 0;
	bool opening_mentioned = kind == LETTER_THANKS && matches(m, mentioned_opening, flat, len, &so);
	check_sentences(a, e, m, text, flat, len, opening_mentioned);
	check_elements(e, m, kind, text, flat, len);
	check_length(e, kind, text, len);
	emit_file_end(e);
	free(flat);
	free(whole);
	matcher_free(m);
	return true;
}
