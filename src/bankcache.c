/*
 * bankcache.c -- banks loaded before, kept between runs (see bankcache.h).
 *
 * Parsing a bank's YAML and validating it is most of the start-up of a
 * short 'check'.  A bank that loaded without a problem is written down,
 * as what bank_load built (without the personas, which such a load
 * skips), in the shared cache file (patcache.h) under a key made of the
 * file's bytes, the load's flags and the program that made it; the next
 * run that reads the same bytes rebuilds the bank from that record and
 * compiles its patterns (from the same cache).  Anything else -- a file
 * that cannot be read, a record that does not decode -- goes to
 * bank_load, so every message about a bad file is the loader's own.
 *
 * Reading and summing a bank's bytes costs more than the rest of a short
 * 'check' from the cache, so a file that has not changed for a few
 * seconds is also kept under its identity (device, inode, size, change
 * times), with the checksum and length of its bytes: the next run that
 * finds the same identity goes to the record without reading the file.
 * Any change to the file gives it a later change time, hence another
 * identity; the few seconds make sure of that whatever the resolution of
 * the file system's times.
 *
 * A record, all little-endian: numbers as 4 bytes, a string as its
 * length (4 bytes, NONE for a NULL string) and its bytes, a list as its
 * count and its items:
 *
 *   bank      rules_only, id, title, field, description, questions,
 *             rules, cues
 *   question  id, text, category, tier, notes, line, col, text_line,
 *             text_col
 *   rule      id, kind, the severity under each policy, patterns, unless,
 *             triggers (strings), raw, message, suggestion, flag and pass
 *             examples (strings), line, col
 *   pattern   source, line, col
 *   cue       category, pattern
 */
#include <config.h>

#include "bankcache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patcache.h"
#include "xmalloc.h"
#include "ytree.h"

#define NONE 0xffffffffu        /* the length of a NULL string */

/* Writing ------------------------------------------------------------- */

struct out {
	unsigned char *buf;     /* the record so far (owned) */
	size_t len, cap;
};

static void
put(struct out *o, const void *p, size_t n)
{
	xgrow((void **)&o->buf, &o->cap, o->len + n, 1);
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void
put32(struct out *o, unsigned long v)
{
	uint32_t x = (uint32_t)v;
	put(o, &x, 4);
}

static void
put_str(struct out *o, const char *s)
{
	if (s == NULL) {
		put32(o, NONE);
		return;
	}
	size_t n = strlen(s);
	put32(o, n);
	put(o, s, n);
}

static void
put_strs(struct out *o, char *const *v, size_t n)
{
	put32(o, n);
	for (size_t i = 0; i < n; i++)
		put_str(o, v[i]);
}

static void
put_pats(struct out *o, const struct pattern *p, size_t n)
{
	put32(o, n);
	for (size_t i = 0; i < n; i++) {
		put_str(o, p[i].src);
		put32(o, p[i].line);
		put32(o, p[i].col);
	}
}

static void
encode(struct out *o, const struct bank *b)
{
	put32(o, b->rules_only);
	put_str(o, b->id);
	put_str(o, b->title);
	put_str(o, b->field);
	put_str(o, b->description);
	put32(o, b->nquestions);
	for (size_t i = 0; i < b->nquestions; i++) {
		const struct question *q = &b->questions[i];
		put_str(o, q->id);
		put_str(o, q->text);
		put32(o, (unsigned long)q->cat);
		put32(o, (unsigned long)q->tier);
		put_str(o, q->notes);
		put32(o, q->line);
		put32(o, q->col);
		put32(o, q->text_line);
		put32(o, q->text_col);
	}
	put32(o, b->nrules);
	for (size_t i = 0; i < b->nrules; i++) {
		const struct rule *r = &b->rules[i];
		put_str(o, r->id);
		put32(o, (unsigned long)r->kind);
		for (int p = 0; p < POLICY_COUNT; p++)
			put32(o, (unsigned long)r->sev[p]);
		put_pats(o, r->pats, r->npats);
		put_pats(o, r->unless, r->nunless);
		put_strs(o, r->triggers, r->ntriggers);
		put32(o, r->raw);
		put_str(o, r->message);
		put_str(o, r->suggestion);
		put_strs(o, r->flag_ex, r->nflag);
		put_strs(o, r->pass_ex, r->npass);
		put32(o, r->line);
		put32(o, r->col);
	}
	put32(o, b->ncues);
	for (size_t i = 0; i < b->ncues; i++) {
		put32(o, (unsigned long)b->cues[i].cat);
		put_pats(o, &b->cues[i].pat, 1);
	}
}

/* Reading ------------------------------------------------------------- */

struct in {
	const unsigned char *p; /* the record (borrowed) */
	size_t len, at;
	bool bad;               /* ran past the end, or a pattern failed */
};

static uint32_t
get32(struct in *in)
{
	uint32_t v = 0;
	if (in->len - in->at < 4) {
		in->bad = true;
		return 0;
	}
	memcpy(&v, in->p + in->at, 4);
	in->at += 4;
	return v;
}

/* A count of things each at least min bytes long, checked against what
 * is left, so a damaged count cannot ask for a huge allocation. */
static size_t
get_count(struct in *in, size_t min)
{
	uint32_t n = get32(in);
	if (in->bad || (size_t)n > (in->len - in->at) / min) {
		in->bad = true;
		return 0;
	}
	return n;
}

static char *
get_str(struct in *in)
{
	uint32_t n = get32(in);
	if (in->bad || n == NONE)
		return NULL;
	if (n > in->len - in->at) {
		in->bad = true;
		return NULL;
	}
	char *s = xstrndup((const char *)in->p + in->at, n);
	in->at += n;
	return s;
}

static char **
get_strs(struct in *in, size_t *n)
{
	*n = get_count(in, 4);
	char **v = xcalloc(*n + 1, sizeof *v);
	for (size_t i = 0; i < *n; i++)
		v[i] = get_str(in);
	return v;
}

/* One pattern: it compiled when the record was made, so it is only
 * compiled (from the cache of compiled patterns, normally) when a run
 * first matches it. */
static void
get_pat(struct in *in, struct pattern *p)
{
	char *src = get_str(in);
	if (src == NULL)
		in->bad = true;
	else
		pattern_adopt(p, src);
	p->line = get32(in);
	p->col = get32(in);
}

static struct pattern *
get_pats(struct in *in, size_t *n)
{
	*n = get_count(in, 12);
	struct pattern *v = xcalloc(*n + 1, sizeof *v);
	for (size_t i = 0; i < *n && !in->bad; i++)
		get_pat(in, &v[i]);
	return v;
}

static struct bank *
decode(const unsigned char *rec, size_t len, const char *path)
{
	struct in in = {rec, len, 0, false};
	struct bank *b = xcalloc(1, sizeof *b);
	b->path = xstrdup(path);
	b->rules_only = get32(&in) != 0;
	b->id = get_str(&in);
	b->title = get_str(&in);
	b->field = get_str(&in);
	b->description = get_str(&in);
	size_t nq = get_count(&in, 36);
	b->questions = xcalloc(nq + 1, sizeof *b->questions);
	for (; b->nquestions < nq && !in.bad; b->nquestions++) {
		struct question *q = &b->questions[b->nquestions];
		q->id = get_str(&in);
		q->text = get_str(&in);
		q->cat = (enum category)get32(&in);
		q->tier = (enum tier)get32(&in);
		q->notes = get_str(&in);
		q->line = get32(&in);
		q->col = get32(&in);
		q->text_line = get32(&in);
		q->text_col = get32(&in);
	}
	size_t nr = get_count(&in, 4);
	b->rules = xcalloc(nr + 1, sizeof *b->rules);
	for (; b->nrules < nr && !in.bad; b->nrules++) {
		struct rule *r = &b->rules[b->nrules];
		r->file = b->path;
		r->id = get_str(&in);
		r->kind = (enum flag_kind)get32(&in);
		for (int p = 0; p < POLICY_COUNT; p++)
			r->sev[p] = (enum severity)get32(&in);
		r->pats = get_pats(&in, &r->npats);
		r->unless = get_pats(&in, &r->nunless);
		r->triggers = get_strs(&in, &r->ntriggers);
		r->raw = get32(&in) != 0;
		r->message = get_str(&in);
		r->suggestion = get_str(&in);
		r->flag_ex = get_strs(&in, &r->nflag);
		r->pass_ex = get_strs(&in, &r->npass);
		r->line = get32(&in);
		r->col = get32(&in);
	}
	size_t nc = get_count(&in, 16);
	b->cues = xcalloc(nc + 1, sizeof *b->cues);
	for (; b->ncues < nc && !in.bad; b->ncues++) {
		b->cues[b->ncues].cat = (enum category)get32(&in);
		if (get32(&in) != 1)
			in.bad = true;
		else
			get_pat(&in, &b->cues[b->ncues].pat);
	}
	if (in.bad || in.at != in.len) {
		bank_free(b);
		return NULL;
	}
	return b;
}

/* The file ------------------------------------------------------------ */

/* The whole of a regular file of at most YTREE_MAX_FILE bytes in *buf
 * (NUL-terminated; free it) and its status once read in *st, or false
 * for anything else. */
static bool
read_file(const char *path, char **buf, size_t *len, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = false;
	*buf = NULL;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || (unsigned long long)st->st_size > YTREE_MAX_FILE)
		goto out;
	size_t size = (size_t)st->st_size, got = 0;
	*buf = xmalloc(size + 1);
	while (got < size) {
		ssize_t r = read(fd, *buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			goto out;
		got += (size_t)r;
	}
	/* A file that grew while we read is the loader's business. */
	char extra;
	ok = read(fd, &extra, 1) == 0 && fstat(fd, st) == 0;
	(*buf)[size] = '\0';
	*len = size;
out:
	if (!ok) {
		free(*buf);
		*buf = NULL;
	}
	close(fd);
	return ok;
}

/* The key of a load: the checksum and length of the file's bytes, the
 * flags, and this program (its size and time on disk, read once), since
 * another build may load a bank otherwise.  False when the program
 * cannot be told apart. */
static bool
make_key(char *key, size_t keylen, uint64_t sum, size_t len, unsigned flags)
{
	static struct stat prog;
	static int known = -1;
	if (known < 0)
		known = stat("/proc/self/exe", &prog) == 0;
	if (!known)
		return false;
	snprintf(key, keylen, "bank %016llx %zu %u prog %lld %lld.%09ld", (unsigned long long)sum, len,
	    flags, (long long)prog.st_size, (long long)prog.st_mtim.tv_sec, (long)prog.st_mtim.tv_nsec);
	return true;
}

/* What the cache keeps of a file known by its identity: the checksum and
 * length of its bytes. */
struct content {
	uint64_t sum;
	uint64_t len;
};

/* The bank from the record of a load of the bytes described by what
 * (NULL: none), or NULL. */
static struct bank *
from_content(struct patcache *pc, const unsigned char *what, size_t whatlen, const char *path,
    unsigned flags)
{
	struct content ct;
	char key[160];
	size_t reclen = 0;
	if (what == NULL || whatlen != sizeof ct)
		return NULL;
	memcpy(&ct, what, sizeof ct);
	if (!make_key(key, sizeof key, ct.sum, (size_t)ct.len, flags))
		return NULL;
	const unsigned char *rec = patcache_get_blob(pc, key, &reclen);
	return rec != NULL ? decode(rec, reclen, path) : NULL;
}

struct bank *
bankcache_load(const char *path, struct diag_list *dl, unsigned flags)
{
	/* Only loads that skip the personas and the examples are kept: the
	 * record has no personas, and running examples may warn. */
	if ((flags & BANK_NO_PERSONAS) == 0 || (flags & BANK_EXAMPLES) != 0)
		return bank_load(path, dl, flags);
	struct patcache *pc = patcache_shared();
	char id[160] = "", key[160];
	size_t n = 0;
	/* A file that has settled is known by its identity, without reading
	 * it. */
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !patcache_identity(id, sizeof id, "bankfile", &st))
		id[0] = '\0';
	const unsigned char *what = id[0] ? patcache_get_blob(pc, id, &n) : NULL;
	struct bank *b = from_content(pc, what, n, path, flags);
	if (b != NULL)
		return b;
	char *buf = NULL;
	size_t len = 0;
	if (!read_file(path, &buf, &len, &st))
		return bank_load(path, dl, flags);
	struct content ct = {patcache_checksum(buf, len), len};
	if (!make_key(key, sizeof key, ct.sum, len, flags)) {
		free(buf);
		return bank_load(path, dl, flags);
	}
	b = from_content(pc, (const unsigned char *)&ct, sizeof ct, path, flags);
	if (b == NULL) {
		size_t before = dl->n + dl->dropped;
		b = bank_parse(path, buf, len, dl, flags);
		/* Only a load that said nothing at all is kept. */
		if (b != NULL && dl->n + dl->dropped == before) {
			struct out o = {NULL, 0, 0};
			encode(&o, b);
			patcache_put_blob(pc, key, o.buf, o.len);
			free(o.buf);
		}
	}
	/* The identity is kept for these bytes only when the file did not
	 * change while it was read. */
	char after[160];
	if (b != NULL && id[0] && patcache_identity(after, sizeof after, "bankfile", &st) &&
	    strcmp(id, after) == 0)
		patcache_put_blob(pc, id, &ct, sizeof ct);
	free(buf);
	return b;
}
