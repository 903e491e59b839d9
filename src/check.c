/*
 * check.c -- batch checking of draft question lists (see check.h).
 */
#include <config.h>

#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bank.h"
#include "diag.h"
#include "hash.h"
#include "linereader.h"
#include "lookahead.h"
#include "markdown.h"
#include "reword.h"
#include "sentence.h"
#include "suppress.h"
#include "text.h"
#include "xmalloc.h"

#define RAW_BUF (64 * 1024)     /* the first read; UTF-16 read ahead of decoding */
#define LOOKAHEAD_MIN (256 * 1024) /* bytes from which a draft is worth helpers */

/* Open-addressing set of normalised question hashes, for duplicates. */
struct seen {
	uint64_t *hash;          /* 0 = empty slot */
	unsigned long *line;     /* line of the first occurrence */
	size_t cap, n;           /* slots (power of two), used */
};

struct checker {
	struct assessor *a;         /* rules and classifier (borrowed) */
	struct emitter *e;          /* output (borrowed) */
	struct matcher *m;          /* match state (owned) */
	unsigned long duration;     /* planned seconds */
	unsigned long files;        /* inputs checked */
	unsigned long questions;    /* questions checked, all inputs */
	/* Per file: */
	const char *path;           /* for messages (borrowed) */
	unsigned long nq;           /* questions in this file */
	unsigned long last_line;    /* the last line a question is on */
	unsigned long lines;        /* lines read */
	bool cat_seen[CAT_COUNT];   /* categories covered */
	struct seen seen;           /* for duplicates */
	bool input_ok;              /* no problem with the input itself */
	struct suppress sup;        /* the draft's directives so far */
	bool in_comment;            /* inside a <!-- --> comment of several lines */
	bool unreadable;            /* the file (or part of it) could not be read or
	                               decoded: an unreadable finding was given, and
	                               the list as a whole is not judged */
	int fd;                     /* what is read (borrowed) */
	enum text_encoding enc;     /* what the file is in (UTF-16 is decoded) */
	char *raw;                  /* RAW_BUF bytes as read: the first read, and
	                               UTF-16 before it is decoded (owned) */
	size_t raw_s, raw_e;        /* ... the part not yet handed on */
	bool raw_eof;               /* ... and nothing more to read */
	int raw_errno;              /* the first read failed: its errno, for
	                               the line reader */
	unsigned long bad_lines;    /* lines not checked: not in the encoding */
	unsigned long bad_line, bad_col; /* where the first of them went wrong */
	char *bad_msg, *bad_sugg;   /* ... and what to say about it (owned) */
	char *md;                   /* a line's questions without Markdown (owned) */
	size_t md_cap;
	size_t *md_map;             /* ... and where each byte is in the line (owned) */
	size_t md_map_cap;
	char *fold;                 /* a question folded for dup_hash (owned) */
	size_t fold_cap;
	/* Helper processes (lookahead.h): */
	size_t jobs;                /* processes a draft may use, this one included */
	struct lookahead *la;       /* the helpers of the draft being read, or NULL */
	bool helper;                /* this checker is a helper: it only assesses */
	off_t pos;                  /* ... reading its draft here (pread) */
};

struct checker *
checker_new(struct assessor *a, struct emitter *e, unsigned long duration)
{
	struct checker *c = xcalloc(1, sizeof *c);
	c->a = a;
	c->e = e;
	c->m = matcher_new();
	c->duration = duration;
	c->raw = xmalloc(RAW_BUF);
	c->jobs = 1;
	return c;
}

void
checker_set_jobs(struct checker *c, size_t jobs)
{
	c->jobs = jobs > 0 ? jobs : 1;
}

void
checker_free(struct checker *c)
{
	if (c == NULL)
		return;
	matcher_free(c->m);
	suppress_free(&c->sup);
	free(c->seen.hash);
	free(c->seen.line);
	free(c->raw);
	free(c->bad_msg);
	free(c->bad_sugg);
	free(c->md);
	free(c->md_map);
	free(c->fold);
	free(c);
}

unsigned long
checker_files(const struct checker *c)
{
	return c->files;
}

unsigned long
checker_questions(const struct checker *c)
{
	return c->questions;
}

static void
input_error(struct checker *c, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
input_error(struct checker *c, unsigned long line, unsigned long col, const char *fmt, ...)
{
	struct diag_list dl = {0};
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(&dl, c->path, line, col, SEV_ERROR, "%s", msg);
	free(msg);
	emit_diag(c->e, &dl);
	c->input_ok = false;
}

/* The file, or a part of it, cannot be read: a finding of kind
 * unreadable (an error), and the input has a problem (status 2). */
static void
unreadable(struct checker *c, unsigned long line, unsigned long col, const char *rule,
    const char *msg, const char *sugg)
{
	emit_unreadable(c->e, line, col, rule, msg, sugg);
	c->input_ok = false;
	c->unreadable = true;
}

/*
 * Line lineno, s[0..len), is not text in the file's encoding (its first
 * bad byte at offset bad, or a NUL byte there when nul): count it, and
 * remember what to say about the first such line.  end_file() reports
 * them all as one finding.
 */
static void
bad_line(struct checker *c, unsigned long lineno, const char *s, size_t len, size_t bad, bool nul)
{
	if (c->bad_lines++ > 0)
		return;
	c->bad_line = lineno;
	c->bad_col = 1 + utf8_columns(s, bad);
	uint32_t cp = 0;
	const char *guess = NULL;
	if (nul) {
		c->bad_msg = xstrdup("a NUL byte: this is not a text file");
		c->bad_sugg = xstrdup("Save the draft as plain text (UTF-8) and check it again.");
		return;
	}
	if (c->enc != TEXT_UTF8) {
		c->bad_msg = xasprintf("invalid %s (a surrogate without its pair)", text_encoding_name(c->enc));
	} else if ((guess = text_guess_encoding(s, len, bad, &cp)) != NULL) {
		/* Name the character the byte stands for there. */
		char ch[5] = "";
		ch[utf8_encode(cp, ch)] = '\0';
		c->bad_msg = xasprintf("not UTF-8: the file looks like %s (byte 0x%02X, %s)", guess,
		    (unsigned char)s[bad], ch);
		c->bad_sugg = xasprintf("Save it as UTF-8 (Notepad: Save As, Encoding UTF-8; Word: Save As, "
		    "Plain Text, Unicode (UTF-8)) and check it again.");
	} else {
		c->bad_msg = xasprintf("not UTF-8 (byte 0x%02X), nor an encoding infocoach recognises",
		    (unsigned char)s[bad]);
		c->bad_sugg = xstrdup("Save it as UTF-8 and check it again.");
	}
}

/* Hash of the question with case, spaces and final punctuation folded:
 * the folded text is written to c->fold, then hashed. */
static uint64_t
dup_hash(struct checker *c, const char *s, size_t len)
{
	while (len > 0 && strchr("?!. ", s[len - 1]) != NULL)
		len--;
	xgrow((void **)&c->fold, &c->fold_cap, len + 1, 1);
	char *out = c->fold;
	/* Most questions have no tab and no two spaces in a row: only
	 * lowercased, eight bytes at a time. */
	size_t n = len;
	if (!text_has_odd_space(s, len)) {
		text_lower_ascii(out, s, len);
	} else {
		/* Without branches: a space or tab is written as ' ', and
		 * kept only after something else. */
		n = 0;
		bool space = false;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)s[i];
			bool sp = ch == ' ' || ch == '\t';
			out[n] = (char)(sp ? ' ' : ((unsigned)(ch - 'A') < 26u ? ch + 32 : ch));
			n += !(sp && space);
			space = sp;
		}
	}
	uint64_t h = hash_bytes(out, n, 0);
	return h ? h : 1;
}

/* Record a question; returns the line of an earlier equal one, or 0. */
static unsigned long
seen_add(struct checker *c, uint64_t h, unsigned long line)
{
	struct seen *s = &c->seen;
	if (s->cap == 0 || (s->n + 1) * 2 > s->cap) {
		if (s->cap >= CHECK_MAX_DISTINCT * 2) {
			/* Full: only look up.  No note says so: the man page
			 * states the limit (a list of over 262,144 distinct
			 * questions is not one a person wrote), and a note
			 * would have no place in the JSON or SARIF output. */
			for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
				if (s->hash[i] == 0)
					return 0;
				if (s->hash[i] == h)
					return s->line[i];
			}
		}
		size_t ncap = s->cap ? s->cap * 2 : 1024;
		uint64_t *nh = xcalloc(ncap, sizeof *nh);
		unsigned long *nl = xcalloc(ncap, sizeof *nl);
		for (size_t i = 0; i < s->cap; i++) {
			if (s->hash[i] == 0)
				continue;
			size_t j = s->hash[i] & (ncap - 1);
			while (nh[j] != 0)
				j = (j + 1) & (ncap - 1);
			nh[j] = s->hash[i];
			nl[j] = s->line[i];
		}
		free(s->hash);
		free(s->line);
		s->hash = nh;
		s->line = nl;
		s->cap = ncap;
	}
	size_t i = h & (s->cap - 1);
	while (s->hash[i] != 0) {
		if (s->hash[i] == h)
			return s->line[i];
		i = (i + 1) & (s->cap - 1);
	}
	s->hash[i] = h;
	s->line[i] = line;
	s->n++;
	return 0;
}

/* The column of byte i of a question (see check_question). */
static unsigned long
question_col(const char *line, const char *q, const size_t *map, size_t i, unsigned long col_base)
{
	return col_base + utf8_columns(line, map != NULL ? map[i] : (size_t)(q - line) + i);
}

/* The column just past byte i - 1 of a question, i > 0. */
static unsigned long
question_end_col(const char *line, const char *q, const size_t *map, size_t i, unsigned long col_base)
{
	return col_base + utf8_columns(line, map != NULL ? map[i - 1] + 1 : (size_t)(q - line) + i);
}

/*
 * Check one question, q[0..len).  line is the whole original line, for
 * columns: byte i of q is at line[map[i]], or, when map is NULL, q lies
 * in line as it is.  Returns nothing; findings go out.
 */
static void
check_question(struct checker *c, unsigned long lineno, const char *line, const char *q,
    size_t len, const size_t *map, unsigned long col_base, char *const *ignore, size_t nignore)
{
	struct assessment as;

	/* Helpers may have assessed it (lookahead.h); a helper assesses
	 * only the lines of the blocks it takes (see draft_line), and says
	 * nothing. */
	if (c->helper) {
		assess_line(c->a, c->m, q, len, ignore, nignore, &as);
		lookahead_put(c->la, lineno, lookahead_key(lineno, q, len, ignore, nignore), &as);
		return;
	}
	if (c->la == NULL || !lookahead_get(c->la, lineno, lookahead_key(lineno, q, len, ignore, nignore), &as))
		assess_line(c->a, c->m, q, len, ignore, nignore, &as);
	c->nq++;
	c->questions++;
	if (lineno > c->last_line)
		c->last_line = lineno;
	/* Only a topic the understanding is sure of counts as covered. */
	if (assess_sure(c->a, &as))
		c->cat_seen[as.cat] = true;
	emit_question(c->e, lineno, q, len, as.cat, assess_confidence(&as));
	unsigned long qcol = question_col(line, q, map, 0, col_base);
	if (as.err < 0) {
		char e[120];
		rule_strerror(as.err, e, sizeof e);
		input_error(c, lineno, qcol, "rule '%s' could not be evaluated (%s)",
		    as.err_rule ? as.err_rule->id : "cue", e);
	}
	for (size_t i = 0; i < as.nflags; i++) {
		const struct flag *fl = &as.flags[i];
		struct finding f = {
			.line = lineno,
			.col = question_col(line, q, map, fl->so, col_base),
			.sev = fl->sev,
			.kind = kind_name(fl->rule->kind),
			.rule = fl->rule->id,
			.message = fl->rule->message,
			.suggestion = fl->rule->suggestion,
		};
		f.end_col = fl->eo > fl->so ? question_end_col(line, q, map, fl->eo, col_base) : f.col;
		char *sugg = NULL;
		if (fl->rule->kind == KIND_CLOSED) {
			/* Rewritten from the question itself; the model's view of
			 * a job ask or pay question counts even where the user
			 * turned the rules of that kind off. */
			const struct model_thresholds *th = as.judged ? model_thresholds(assessor_model(c->a)) : NULL;
			bool risky = th != NULL && (as.j.flag[MFLAG_JOB_ASK] >= th->job_ask / 2 ||
			    as.j.flag[MFLAG_SALARY] >= th->salary / 2);
			f.suggestion = sugg = reword_closed(q, len, risky);
		}
		emit_finding(c->e, &f);
		free(sugg);
	}
	unsigned long first = seen_add(c, dup_hash(c, q, len), lineno);
	const struct list_check_info *dup = &list_checks[LIST_DUPLICATE];
	if (first != 0 && !assess_ignored(dup->id, dup->kind, ignore, nignore)) {
		/* On the stack, without printf: a long list may repeat a
		 * question on every line. */
		static const char head[] = "the same question as line ";
		char msg[sizeof head + 24];
		memcpy(msg, head, sizeof head - 1);
		char digits[24];
		size_t nd = 0;
		do
			digits[nd++] = (char)('0' + first % 10);
		while ((first /= 10) != 0);
		for (size_t i = 0; i < nd; i++)
			msg[sizeof head - 1 + i] = digits[nd - 1 - i];
		msg[sizeof head - 1 + nd] = '\0';
		struct finding f = {
			.line = lineno, .col = qcol, .end_col = question_end_col(line, q, map, len, col_base),
			.sev = dup->sev, .kind = dup->kind, .rule = dup->id,
			.message = msg,
			.suggestion = "Ask each question once; drop this one or make it more specific.",
		};
		emit_finding(c->e, &f);
	}
}

/* Whether name[0..len) equals s, with '-' in name standing for '_' in s
 * when kind is set (job-ask for job_ask). */
static bool
same_name(const char *name, size_t len, const char *s, bool kind)
{
	if (strlen(s) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (name[i] != s[i] && !(kind && name[i] == '-' && s[i] == '_'))
			return false;
	return true;
}

/*
 * Whether name[0..len) is something a directive may name: "all", a flag
 * kind (job_ask or job-ask), "duplicate", or the id of an active rule, of
 * the model's flags or of list.duplicate.  Otherwise *best gets the
 * nearest such name when one is close (for "did you mean"), else NULL.
 */
static bool
known_name(const struct checker *c, const char *name, size_t len, const char **best)
{
	const char *const fixed[] = {"all", list_checks[LIST_DUPLICATE].kind, list_checks[LIST_DUPLICATE].id, NULL};
	char *w = xstrndup(name, len);
	struct text_closest near;
	text_closest_begin(&near, w, text_close_below(w));
	bool found = false;
#define CANDIDATE(s, kind) do { \
		if (same_name(name, len, (s), (kind))) \
			found = true; \
		text_closest(&near, (s)); \
	} while (0)
	for (const char *const *f = fixed; *f && !found; f++)
		CANDIDATE(*f, false);
	for (int k = 0; k < KIND_COUNT && !found; k++)
		CANDIDATE(kind_name((enum flag_kind)k), true);
	const struct ruleset *rs = assessor_rules(c->a);
	for (size_t i = 0; i < rs->nrules && !found; i++)
		CANDIDATE(rs->rules[i]->id, false);
	for (size_t i = 0; i < MODEL_RULES && !found; i++)
		CANDIDATE(assess_model_rule_id(i), false);
#undef CANDIDATE
	*best = near.best;
	free(w);
	return found;
}

static const char *flag_kind_name(int k) { return kind_name((enum flag_kind)k); }

/* Warn about a name a directive gives, name[0..len) at column col of
 * line lineno, that names no rule or kind. */
static void
check_name(struct checker *c, unsigned long lineno, unsigned long col, const char *name, size_t len)
{
	const char *best;
	if (len > 0 && name[0] == '!')
		return;
	if (known_name(c, name, len, &best))
		return;
	struct diag_list dl = {0};
	if (best != NULL)
		diag_add(&dl, c->path, lineno, col, SEV_WARNING,
		    "no rule or kind is named '%.*s'; did you mean '%s'? (the directive leaves it alone)",
		    (int)len, name, best);
	else {
		char kinds[200];
		text_join_names(kinds, sizeof kinds, flag_kind_name, KIND_COUNT);
		diag_add(&dl, c->path, lineno, col, SEV_WARNING,
		    "no rule or kind is named '%.*s' ('infocoach rules' lists the rules; the kinds are "
		    "%s and %s)", (int)len, name, kinds, list_checks[LIST_DUPLICATE].kind);
	}
	emit_diag(c->e, &dl);
}

/* The names after a directive word in s[from..to) of line lineno (the
 * text of a comment: "infocoach: off NAME..."), checked. */
static void
check_directive_names(struct checker *c, unsigned long lineno, const char *s, size_t from, size_t to)
{
	size_t i = from;
	for (int word = 0; i < to; word++) {
		while (i < to && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
			i++;
		size_t st = i;
		while (i < to && s[i] != ' ' && s[i] != '\t' && s[i] != ',')
			i++;
		if (word >= 2 && i > st)
			check_name(c, lineno, 1 + utf8_columns(s, st), s + st, i - st);
	}
}

/* A comment, s[from..to) of line lineno: apply it when it is a
 * directive, and warn about a directive we do not know. */
static void
comment_line(struct checker *c, unsigned long lineno, const char *s, size_t from, size_t to)
{
	const char *w;
	size_t wl;
	enum directive d = suppress_comment(&c->sup, s + from, to - from, &w, &wl);
	if (d == DIRECTIVE_OK)
		check_directive_names(c, lineno, s, from, to);
	if (d != DIRECTIVE_UNKNOWN)
		return;
	struct diag_list dl = {0};
	diag_add(&dl, c->path, lineno, 1 + utf8_columns(s, (size_t)(w - s)), SEV_WARNING,
	    "unknown infocoach directive '%.*s' (expected off, on, ignore-next-line or a "
	    "trailing ignore); the comment is skipped", (int)wl, w);
	emit_diag(c->e, &dl);
}

/* One line of a draft, its newline, CR and byte-order mark taken off. */
static void
draft_line(struct checker *c, const struct linereader_line *l)
{
	unsigned long lineno = l->no;
	char *s = l->s;
	size_t len = l->len;
	size_t off = 0;
	unsigned long col_base = 1;
	char *ids[SUPPRESS_MAX_IDS];
	size_t nids = 0;

	c->lines = lineno;
	size_t bad;
	if (l->nul < len) {
		bad_line(c, lineno, s, len, l->nul, true);
		return;
	}
	if (!utf8_valid(s, len, &bad)) {
		bad_line(c, lineno, s, len, bad, false);
		return;
	}
	while (off < len && (s[off] == ' ' || s[off] == '\t'))
		off++;
	if (c->in_comment) {
		/* Inside a <!-- --> comment of several lines: skip to its end. */
		c->in_comment = memmem(s + off, len - off, "-->", 3) == NULL;
		return;
	}
	if (len - off >= 4 && memcmp(s + off, "<!--", 4) == 0) {
		/* An HTML comment, as Markdown drafts have them. */
		const char *end = memmem(s + off + 4, len - off - 4, "-->", 3);
		size_t to = end != NULL ? (size_t)(end - s) : len;
		size_t after = end != NULL ? to + 3 : len;
		while (after < len && (s[after] == ' ' || s[after] == '\t'))
			after++;
		if (after == len) {
			comment_line(c, lineno, s, off + 4, to);
			c->in_comment = end == NULL;
			return;
		}
		off = after;    /* a comment before the question: the question is checked */
	}
	if (off == len)
		return;
	if (s[off] == '#') {
		comment_line(c, lineno, s, off + 1, len);
		return;
	}
	/* Block quotes, list markers and task boxes: "> - [ ] Question". */
	off += md_prefix(s + off, len - off);
	size_t whole = len;
	len = suppress_trailing(s, len, ids, &nids);
	for (size_t i = 0; i < nids; i++)
		if (ids[i] >= s && ids[i] < s + whole)
			check_name(c, lineno, col_base + utf8_columns(s, (size_t)(ids[i] - s)), ids[i], strlen(ids[i]));
	while (len > off && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len <= off)
		return;
	size_t n;
	char **in_effect = suppress_collect(&c->sup, ids, nids, &n);
	/* A helper follows the comments and directives of every line, but
	 * the questions only of the lines it assesses (lookahead.h). */
	if (c->helper && !lookahead_claim(c->la, lineno))
		return;
	/* The question without emphasis or link syntax, and for each of its
	 * bytes where it is in the line (no map: where it is, as most
	 * questions have no such syntax). */
	const char *text = s + off;
	const size_t *map = NULL;
	size_t ml = len - off;
	if (!md_plain(text, ml)) {
		xgrow((void **)&c->md, &c->md_cap, len - off + 1, 1);
		xgrow((void **)&c->md_map, &c->md_map_cap, len - off + 1, sizeof *c->md_map);
		ml = md_strip(s + off, len - off, c->md, c->md_map);
		for (size_t i = 0; i <= ml; i++)
			c->md_map[i] += off;
		text = c->md;
		map = c->md_map;
	}
	/* Each question on the line on its own: "What do you do? How did
	 * you start?" is two. */
	for (size_t st = 0; st < ml;) {
		size_t en = sentence_question_end(text, ml, st);
		size_t qe = en;
		while (qe > st && (text[qe - 1] == ' ' || text[qe - 1] == '\t'))
			qe--;
		if (qe > st)
			check_question(c, lineno, s, text + st, qe - st, map != NULL ? map + st : NULL, col_base,
			    in_effect, n);
		st = en;
		while (st < ml && (text[st] == ' ' || text[st] == '\t'))
			st++;
	}
}

static void
begin_file(struct checker *c, const char *path)
{
	c->path = path;
	c->nq = 0;
	c->last_line = 0;
	c->lines = 0;
	memset(c->cat_seen, 0, sizeof c->cat_seen);
	c->seen.n = 0;
	if (c->seen.hash != NULL)
		memset(c->seen.hash, 0, c->seen.cap * sizeof *c->seen.hash);
	c->input_ok = true;
	suppress_reset(&c->sup);
	c->in_comment = false;
	c->unreadable = false;
	c->enc = TEXT_UTF8;
	c->raw_s = c->raw_e = 0;
	c->raw_eof = false;
	c->raw_errno = 0;
	c->bad_lines = 0;
	free(c->bad_msg);
	free(c->bad_sugg);
	c->bad_msg = c->bad_sugg = NULL;
	c->files++;
	emit_file_begin(c->e, path);
}

/* List findings at the end of a file. */
static void
end_file(struct checker *c)
{
	if (c->bad_lines > 0) {
		char *msg = xasprintf("%s; %lu %s not checked", c->bad_msg, c->bad_lines,
		    c->bad_lines == 1 ? "line was" : "lines were");
		unreadable(c, c->bad_line, c->bad_col, "input.encoding", msg, c->bad_sugg);
		free(msg);
	}
	if (c->nq == 0 && !c->unreadable) {
		/* SARIF wants a region even for an empty file: its line 1. */
		const struct list_check_info *lc = &list_checks[LIST_NO_QUESTIONS];
		struct finding f = {.sev = lc->sev, .kind = lc->kind, .rule = lc->id,
		    .end_line = c->lines > 0 ? c->lines : 1,
		    .message = "no questions: the file has no line to check",
		    .suggestion = "Write one question a line; blank lines and lines starting with # are skipped."};
		emit_finding(c->e, &f);
	}
	/* A list read only in part cannot be judged as a whole: what is
	 * missing may be on a line that could not be read. */
	if (c->nq > 0 && !c->unreadable) {
		static const struct {
			enum category cat; enum list_check check; const char *msg; const char *sugg;
		} closing[] = {
			{CAT_REFERRALS, LIST_REFERRALS,
			    "no question asks the host for other people to talk to",
			    "End with something like: Who else would you suggest I speak with?"},
			{CAT_MENTION_NAME, LIST_MENTION_NAME,
			    "no question asks whether you may mention the host's name",
			    "Add: When I contact them, may I say that you suggested it?"},
		};
		for (size_t i = 0; i < 2; i++) {
			if (c->cat_seen[closing[i].cat])
				continue;
			const struct list_check_info *lc = &list_checks[closing[i].check];
			struct finding f = {.sev = lc->sev, .kind = lc->kind, .end_line = c->last_line,
			    .rule = lc->id, .message = closing[i].msg, .suggestion = closing[i].sugg};
			emit_finding(c->e, &f);
		}
		bool tier[TIER_COUNT] = {false};
		for (int k = 0; k < CAT_COUNT; k++)
			if (c->cat_seen[k])
				tier[category_tier((enum category)k)] = true;
		if (!tier[TIER_JOB]) {
			const struct list_check_info *lc = &list_checks[LIST_TIER_JOB];
			struct finding f = {.sev = lc->sev, .kind = lc->kind, .rule = lc->id,
			    .end_line = c->last_line,
			    .message = "no question asks about the host's own job (their day, path, likes, challenges)",
			    .suggestion = "Add a question such as: What does a typical week look like for you?"};
			emit_finding(c->e, &f);
		}
		if (!tier[TIER_INDUSTRY]) {
			const struct list_check_info *lc = &list_checks[LIST_TIER_INDUSTRY];
			struct finding f = {.sev = lc->sev, .kind = lc->kind, .rule = lc->id,
			    .end_line = c->last_line,
			    .message = "no question asks about the industry and how it is changing",
			    .suggestion = "Add a question such as: How is your field changing, and what is driving it?"};
			emit_finding(c->e, &f);
		}
		unsigned long fit = c->duration / CHECK_SECONDS_PER_Q;
		if (fit < 1)
			fit = 1;
		if (c->nq > fit) {
			char *msg = xasprintf("%lu questions will not fit in %lu minutes (about %lu will)",
			    c->nq, c->duration / 60, fit);
			const struct list_check_info *lc = &list_checks[LIST_TOO_MANY];
			struct finding f = {.sev = lc->sev, .kind = lc->kind, .rule = lc->id,
			    .end_line = c->last_line,
			    .message = msg,
			    .suggestion = "Put the questions you most want answered first, and keep the closing ones."};
			emit_finding(c->e, &f);
			free(msg);
		}
	}
	emit_file_end(c->e);
}

/* Check a bank's questions, positioned where their text is written. */
static bool
check_bank(struct checker *c, const char *path)
{
	struct diag_list dl = {0};
	struct bank *b = bank_load(path, &dl, 0);
	char *first = NULL;
	unsigned long fl = 0, fc = 0;
	diag_sort(&dl);
	for (size_t i = 0; b == NULL && first == NULL && i < dl.n; i++) {
		if (dl.v[i].sev == SEV_ERROR) {
			first = xasprintf("not a valid bank: %s", dl.v[i].msg);
			fl = dl.v[i].line;
			fc = fl > 0 && dl.v[i].col == 0 ? 1 : dl.v[i].col;
		}
	}
	emit_diag(c->e, &dl);
	begin_file(c, path);
	if (b == NULL) {
		unreadable(c, fl, fc, "input.invalid-bank", first ? first : "not a valid bank",
		    "Run 'infocoach validate' on it for every problem, and check it again.");
		free(first);
		emit_file_end(c->e);
		return false;
	}
	for (size_t i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];
		check_question(c, q->text_line, q->text, q->text, strlen(q->text), NULL, q->text_col, NULL, 0);
	}
	end_file(c);
	bank_free(b);
	return c->input_ok;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

bool
checker_file(struct checker *c, const char *path, const char *name)
{
	int fd;
	bool is_stdin = strcmp(path, "-") == 0;

	if (is_stdin && name != NULL)
		return checker_fd(c, name, STDIN_FILENO);

	if (!is_stdin && (ends_with(path, ".yaml") || ends_with(path, ".yml")))
		return check_bank(c, path);
	if (is_stdin) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
		struct stat st;
		bool dir = fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
		if (fd < 0 || dir) {
			/* Accounted for in the output like every other file. */
			char *msg = dir ? xstrdup("is a directory, not a draft") :
			    xasprintf("cannot open: %s", strerror(errno));
			begin_file(c, path);
			unreadable(c, 0, 0, "input.unreadable", msg, NULL);
			emit_file_end(c->e);
			free(msg);
			if (fd >= 0)
				close(fd);
			return false;
		}
	}
	bool ok = checker_fd(c, path, fd);
	if (!is_stdin)
		close(fd);
	return ok;
}

/* read(), retried after EINTR. */
static ssize_t
read_some(int fd, char *buf, size_t n)
{
	ssize_t r;
	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/* The next bytes of the draft: a helper reads at its own position, so
 * the checker's is never moved. */
static ssize_t
draft_pull(struct checker *c, char *buf, size_t n)
{
	if (!c->helper)
		return read_some(c->fd, buf, n);
	ssize_t r;
	do
		r = pread(c->fd, buf, n, c->pos);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		c->pos += r;
	return r;
}

/*
 * The draft's bytes for the line reader, into out[0..cap), cap >= 4:
 * first what checker_fd() read to tell the encoding, then the rest of
 * fd; as they are, or UTF-16 decoded to UTF-8.  Returns the bytes
 * stored, 0 at the end of the file, or -1 with errno.
 */
static ssize_t
draft_read(void *arg, char *out, size_t cap)
{
	struct checker *c = arg;
	if (c->raw_errno != 0) {
		errno = c->raw_errno;
		c->raw_errno = 0;
		return -1;
	}
	if (c->enc == TEXT_UTF8) {
		size_t n = c->raw_e - c->raw_s;
		if (n == 0)
			return c->raw_eof ? 0 : draft_pull(c, out, cap);
		if (n > cap)
			n = cap;
		memcpy(out, c->raw + c->raw_s, n);
		c->raw_s += n;
		return (ssize_t)n;
	}
	for (;;) {
		size_t used;
		size_t w = utf16_to_utf8(c->enc, c->raw + c->raw_s, c->raw_e - c->raw_s, c->raw_eof,
		    out, cap, &used);
		c->raw_s += used;
		if (w > 0 || c->raw_eof)
			return (ssize_t)w;
		memmove(c->raw, c->raw + c->raw_s, c->raw_e - c->raw_s);
		c->raw_e -= c->raw_s;
		c->raw_s = 0;
		ssize_t r = draft_pull(c, c->raw + c->raw_e, RAW_BUF - c->raw_e);
		if (r < 0)
			return -1;
		if (r == 0)
			c->raw_eof = true;
		c->raw_e += (size_t)r;
	}
}

/* What a helper of checker_fd needs: the checker, and where its draft
 * starts. */
struct helping {
	struct checker *c;
	const char *path;
	int fd;
	off_t pos;
};

/* A helper's work (lookahead.h): the draft again, from where the checker
 * started, assessing the blocks it takes; its output goes nowhere. */
static void
help(struct lookahead *la, void *arg)
{
	const struct helping *h = arg;
	FILE *none = fopen("/dev/null", "w");
	if (none == NULL)
		return;
	struct emitter *e = emit_record_begin(none, NULL);
	struct checker *hc = checker_new(h->c->a, e, h->c->duration);
	hc->helper = true;
	hc->la = la;
	hc->pos = h->pos;
	checker_fd(hc, h->path, h->fd);
	lookahead_done(la);
	checker_free(hc);
	emit_record_end(e);
	fclose(none);
}

/* Helpers for the draft on fd when it is long enough to earn them (and
 * a file, which they can read at their own position), else NULL. */
static struct lookahead *
start_helpers(struct checker *c, const char *path, int fd)
{
	struct stat st;
	if (c->jobs < 2 || c->helper || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	off_t pos = lseek(fd, 0, SEEK_CUR);
	if (pos < 0 || st.st_size - pos < LOOKAHEAD_MIN)
		return NULL;
	struct helping h = {c, path, fd, pos};
	return lookahead_start(c->jobs - 1, help, &h);
}

bool
checker_fd(struct checker *c, const char *path, int fd)
{
	if (!c->helper)
		c->la = start_helpers(c, path, fd);
	begin_file(c, path);

	/* The first bytes tell the encoding: UTF-16 is decoded as it is
	 * read, anything else must be UTF-8 text, and is binary when a NUL
	 * comes early. */
	c->fd = fd;
	ssize_t r = draft_pull(c, c->raw, RAW_BUF);
	if (r < 0)
		c->raw_errno = errno;
	else if (r == 0)
		c->raw_eof = true;
	else
		c->enc = text_sniff(c->raw, (size_t)r);
	c->raw_e = r > 0 ? (size_t)r : 0;

	const struct linereader_options lo = {
		.max_line = CHECK_MAX_LINE, .cut_long = false,
		.strip_cr = true, .strip_bom = true, .nul_to_fffd = false,
		.binary_probe = c->enc == TEXT_UTF8 ? LINEREADER_BINARY_PROBE : 0, .max_bytes = 0,
		.interruptible = false, .error_ends_input = false,
		.source = draft_read, .source_arg = c,
	};
	struct linereader *lr = linereader_new(fd, &lo);
	struct linereader_line l;
	bool more = true;
	while (more) {
		char *msg;
		switch (linereader_next(lr, &l)) {
		case LR_LINE:
			draft_line(c, &l);
			break;
		case LR_LONG:
			input_error(c, l.no, 0, "line longer than %d bytes; line not checked", CHECK_MAX_LINE);
			break;
		case LR_BINARY:
			msg = xasprintf("binary file (NUL byte at offset %zu), not checked", l.nul);
			unreadable(c, 0, 0, "input.unreadable", msg,
			    "Save the draft as plain text (UTF-8) and check it again.");
			free(msg);
			more = false;
			break;
		case LR_ERROR:
			msg = xasprintf("read error: %s", strerror(l.err));
			unreadable(c, l.no, 1, "input.unreadable", msg, NULL);
			free(msg);
			more = false;
			break;
		case LR_EOF:
		case LR_TOO_BIG:        /* not asked for */
		case LR_INTERRUPTED:    /* not asked for */
			more = false;
			break;
		}
	}
	linereader_free(lr);
	if (!c->helper) {
		lookahead_finish(c->la);
		c->la = NULL;
	}
	end_file(c);
	return c->input_ok;
}

/* Write all of buf to fd; false on an error. */
static bool
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		len -= (size_t)w;
	}
	return true;
}

/* Read exactly len bytes from fd; false at an error or end of file. */
static bool
read_all(int fd, void *buf, size_t len)
{
	char *p = buf;
	while (len > 0) {
		ssize_t r = read(fd, p, len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p += r;
		len -= (size_t)r;
	}
	return true;
}

/* One worker of checker_parallel. */
struct worker {
	pid_t pid;              /* the process, or 0 */
	FILE *rec;              /* the parent's reading end of its records */
};

/* What the workers of checker_parallel share: the inputs are handed out
 * one at a time, to whichever worker is free, so a slow input (a long
 * file, a worker the machine gives less time) holds no other back. */
struct share {
	atomic_size_t next;     /* the next input not yet taken */
};

/* A worker's word to the parent: input i is recorded, by worker k. */
struct done {
	size_t i, k;
};

/* Worker k: take inputs from sh until none is left, check each, recording
 * into fd wfd (formatted as like, the parent's emitter, would), and tell
 * the parent on fd done after each.  Never returns. */
static void __attribute__((noreturn))
work(struct assessor *a, const struct emitter *like, unsigned long duration, char *const *paths,
    size_t n, const char *stdin_name, struct share *sh, size_t k, int wfd, int done)
{
	FILE *out = fdopen(wfd, "w");
	if (out == NULL)
		_exit(3);
	struct emitter *re = emit_record_begin(out, like);
	struct checker *c = checker_new(a, re, duration);
	for (;;) {
		size_t i = atomic_fetch_add(&sh->next, 1);
		if (i >= n)
			break;
		const char *name = strcmp(paths[i], "-") == 0 ? stdin_name : NULL;
		emit_record_result(re, checker_file(c, paths[i], name));
		if (fflush(out) != 0 || ferror(out))
			_exit(3);
		/* (A write to a pipe of at most PIPE_BUF bytes is never mixed
		 * with another process's.) */
		struct done d = {i, k};
		if (!write_all(done, &d, sizeof d))
			_exit(3);
	}
	/* What this process made is freed (valgrind counts a worker's leaks
	 * too); then _exit: the parent's buffers (its stdout) are not this
	 * process's to flush. */
	checker_free(c);
	emit_record_end(re);
	fclose(out);
	_exit(0);
}

/* Start worker k of checker_parallel: its record file (unlinked at once;
 * tmpl is mkstemp's template), then the process, which writes to done.
 * Returns false (with a message) when it could not. */
static bool
start_worker(struct worker *w, size_t k, const char *tmpl, int done[2], struct assessor *a,
    const struct emitter *like, unsigned long duration, char *const *paths, size_t n,
    const char *stdin_name, struct share *sh)
{
	struct worker *x = &w[k];
	char *path = xstrdup(tmpl);
	int wfd = mkstemp(path);
	int rfd = wfd >= 0 ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (wfd >= 0)
		unlink(path);
	free(path);
	if (rfd < 0 || (x->rec = fdopen(rfd, "r")) == NULL) {
		diag_error("cannot start the processes for -j: %s", strerror(errno));
		if (wfd >= 0)
			close(wfd);
		if (rfd >= 0)
			close(rfd);
		return false;
	}
	x->pid = fork();
	if (x->pid == 0) {
		close(done[0]);
		for (size_t v = 0; v <= k; v++)
			close(fileno(w[v].rec));
		work(a, like, duration, paths, n, stdin_name, sh, k, wfd, done[1]);
	}
	close(wfd);
	if (x->pid < 0) {
		diag_error("cannot start the processes for -j: %s", strerror(errno));
		x->pid = 0;
		fclose(x->rec);
		x->rec = NULL;
		return false;
	}
	return true;
}

/* Replay the records of paths[0..n) into e in their order, as the
 * workers w (of which started) say on fd done that each is recorded.
 * Returns false when a worker failed or stopped short (with a message). */
static bool
replay_inputs(struct emitter *e, struct worker *w, size_t started, int done, char *const *paths,
    size_t n, bool *ok, unsigned long *files, unsigned long *questions)
{
	size_t *by = xmalloc(n * sizeof *by);   /* the worker of each input, once recorded */
	for (size_t i = 0; i < n; i++)
		by[i] = SIZE_MAX;
	bool good = true;
	for (size_t i = 0; i < n && good; i++) {
		struct done d;
		while (by[i] == SIZE_MAX && read_all(done, &d, sizeof d) && d.i < n && d.k < started)
			by[d.i] = d.k;
		bool r = false;
		if (by[i] == SIZE_MAX || emit_replay(e, w[by[i]].rec, &r, files, questions) != 0) {
			char *q = diag_quote(paths[i]);
			diag_error("the process checking '%s' failed", q);
			free(q);
			good = false;
		}
		*ok &= r;
	}
	free(by);
	return good;
}

bool
checker_parallel(struct assessor *a, struct emitter *e, unsigned long duration,
    char *const *paths, size_t n, const char *stdin_name, size_t jobs,
    unsigned long *files, unsigned long *questions)
{
	bool ok = true, failed = false;
	if (jobs > n)
		jobs = n;
	struct worker *w = xcalloc(jobs, sizeof *w);
	const char *dir = getenv("TMPDIR");
	/* mkstemp's template: each worker's record file (on the stack: a
	 * worker ends without returning here to free it). */
	char tmpl[4096];
	if (dir == NULL || dir[0] != '/' || strlen(dir) + sizeof "/infocoach-check.XXXXXX" > sizeof tmpl)
		dir = "/tmp";
	snprintf(tmpl, sizeof tmpl, "%s/infocoach-check.XXXXXX", dir);
	struct share *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int done[2] = {-1, -1};
	size_t started = 0;

	fflush(stdout);
	fflush(stderr);
	if (sh == MAP_FAILED || pipe(done) != 0) {
		diag_error("cannot start the processes for -j: %s", strerror(errno));
		failed = true;
	} else {
		atomic_init(&sh->next, 0);
	}
	while (!failed && started < jobs) {
		if (start_worker(w, started, tmpl, done, a, e, duration, paths, n, stdin_name, sh))
			started++;
		else
			failed = true;
	}
	/* Only the workers hold the pipe's writing end now: when every one
	 * has ended, reading it finds its end. */
	if (done[1] >= 0)
		close(done[1]);
	if (!failed)
		failed = !replay_inputs(e, w, started, done[0], paths, n, &ok, files, questions);
	if (done[0] >= 0)
		close(done[0]);
	for (size_t k = 0; k < started; k++) {
		struct worker *x = &w[k];
		if (failed)
			kill(x->pid, SIGTERM);
		fclose(x->rec);
		int st = 0;
		pid_t got = 0;
		while ((got = waitpid(x->pid, &st, 0)) < 0 && errno == EINTR)
			continue;
		if (!failed && !(got == x->pid && WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
			diag_error("a process checking files for -j failed");
			failed = true;
		}
	}
	if (sh != MAP_FAILED)
		munmap(sh, sizeof *sh);
	free(w);
	return ok && !failed;
}
