/*
 * ytree.c -- a bounded YAML reader that builds a small positioned tree
 * (see ytree.h).
 *
 * libyaml's document API is avoided on purpose: in 0.2.5 it resolves each
 * alias with a linear search (quadratic on alias-heavy input) and has no
 * nesting limit.  Its event API is lazy, so stopping at the first event
 * past a limit keeps even 100,000 unclosed brackets fast.
 */
#include <config.h>

#include "ytree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"
#include "xmalloc.h"

/* State of one parse: where problems go and how far we have come. */
struct loader {
	const char *name;        /* file name for messages */
	const char *buf;         /* the text libyaml reads (BOM skipped) */
	size_t len;              /* its length */
	struct diag_list *dl;    /* where problems go */
	size_t nodes;            /* nodes made so far */
	struct ynode *stack[YTREE_MAX_DEPTH + 1]; /* open collections */
	int depth;               /* entries used in stack */
	struct ynode *root;      /* the document's root node */
	int documents;           /* documents started */
};

static struct ynode *
node_new(enum ynode_type type, const yaml_mark_t *m)
{
	struct ynode *n = xcalloc(1, sizeof *n);
	n->type = type;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

void
ynode_free(struct ynode *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		ynode_free(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

static void
error_at(struct loader *ld, const yaml_mark_t *m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
error_at(struct loader *ld, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(ld->dl, ld->name, m->line + 1, m->column + 1, SEV_ERROR, "%s", msg);
	free(msg);
}

/*
 * Byte offset of libyaml's 0-based (line, column) mark in buf, counting
 * line breaks as libyaml does (LF, CR, CRLF, NEL, LS, PS) and columns in
 * code points.  Returns len when the mark is past the end.
 */
static size_t
mark_offset(const char *buf, size_t len, size_t line, size_t col)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = 0, l = 0, c = 0;
	uint32_t cp;

	while (i < len && (l < line || c < col)) {
		size_t w = utf8_decode(p + i, len - i, &cp);
		if (w == 0)
			w = 1;
		if (cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
			if (l == line)
				break;
			if (cp == '\r' && i + 1 < len && p[i + 1] == '\n')
				w = 2;
			l++;
			c = 0;
		} else if (l == line) {
			c++;
		}
		i += w;
	}
	return i;
}

/*
 * Check the encoding before libyaml does, so every problem gets a true
 * position and a message a person understands.  Returns the number of
 * problems found.
 */
static size_t
check_encoding(struct loader *ld)
{
	const unsigned char *p = (const unsigned char *)ld->buf;
	size_t len = ld->len, i = 0, problems = 0;
	unsigned long line = 1, col = 1;
	uint32_t cp;

	while (i < len) {
		/* Printable ASCII, the bulk of any bank, needs no decoding. */
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			col++;
			continue;
		}
		size_t w = utf8_decode(p + i, len - i, &cp);
		const char *what = NULL;
		char detail[64];

		if (w == 0) {
			snprintf(detail, sizeof detail, "invalid UTF-8 (byte 0x%02X); bank files must be UTF-8", p[i]);
			what = detail;
			/* One message per bad sequence: skip its continuation bytes. */
			w = 1;
			while (i + w < len && w < 4 && (p[i + w] & 0xc0) == 0x80)
				w++;
		} else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
			snprintf(detail, sizeof detail, "line separator U+%04X is not allowed; use a plain line break",
			    (unsigned)cp);
			what = detail;
		} else if (cp == 0) {
			what = "NUL byte is not allowed in a bank file";
		} else if (cp == '\n' || (cp == '\r' && !(i + 1 < len && p[i + 1] == '\n'))) {
			line++;
			col = 1;
			i += w;
			continue;
		} else if ((cp < 0x20 && cp != '\t' && cp != '\r') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0 && cp != 0x85) || cp == 0xfffe || cp == 0xffff) {
			snprintf(detail, sizeof detail, "control character U+%04X is not allowed", (unsigned)cp);
			what = detail;
		} else if (cp == 0xfeff) {
			what = "byte order mark (U+FEFF) is only allowed at the start of the file";
		}
		if (what != NULL) {
			diag_add(ld->dl, ld->name, line, col, SEV_ERROR, "%s", what);
			problems++;
		}
		i += w;
		col++;
	}
	return problems;
}

/* Report duplicate keys of a finished mapping, each at the later key. */
static int
cmp_keyptr(const void *a, const void *b)
{
	const struct ynode *x = *(const struct ynode *const *)a;
	const struct ynode *y = *(const struct ynode *const *)b;
	int c = strcmp(x->str, y->str);
	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void
check_duplicates(struct loader *ld, const struct ynode *map)
{
	size_t n = 0;
	const struct ynode **keys = xcalloc(map->nkids / 2 + 1, sizeof *keys);

	for (size_t i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i]->type == YNODE_SCALAR)
			keys[n++] = map->kids[i];
	qsort(keys, n, sizeof *keys, cmp_keyptr);
	for (size_t i = 1; i < n; i++) {
		size_t first = i - 1;
		while (i < n && strcmp(keys[i]->str, keys[first]->str) == 0) {
			char *k = text_sanitize(keys[i]->str, keys[i]->len);
			diag_add(ld->dl, ld->name, keys[i]->line, keys[i]->col, SEV_ERROR,
			    "duplicate key '%s' (first defined at %lu:%lu)", k,
			    keys[first]->line, keys[first]->col);
			free(k);
			i++;
		}
	}
	free(keys);
}

/* Attach a finished node to the open collection, or make it the root. */
static void
attach(struct loader *ld, struct ynode *n)
{
	if (ld->depth == 0) {
		if (ld->root == NULL)
			ld->root = n;
		else
			ynode_free(n);
		return;
	}
	struct ynode *parent = ld->stack[ld->depth - 1];
	if (parent->type == YNODE_MAP && parent->nkids % 2 == 0) {
		if (n->type != YNODE_SCALAR) {
			diag_add(ld->dl, ld->name, n->line, n->col, SEV_ERROR,
			    "a mapping key must be a plain string, not a %s",
			    n->type == YNODE_MAP ? "mapping" : "sequence");
		} else if (n->plain && strcmp(n->str, "<<") == 0) {
			diag_add(ld->dl, ld->name, n->line, n->col, SEV_ERROR,
			    "merge keys ('<<') are not supported");
			n->reported = true;
		}
	}
	xgrow((void **)&parent->kids, &parent->cap, parent->nkids + 1, sizeof *parent->kids);
	parent->kids[parent->nkids++] = n;
}

/* Refuse anchors and tags on a node; they are reported, then ignored. */
static void
check_props(struct loader *ld, const yaml_mark_t *m, const yaml_char_t *anchor,
    const yaml_char_t *tag)
{
	if (anchor != NULL) {
		char *a = text_sanitize((const char *)anchor, strlen((const char *)anchor));
		error_at(ld, m, "anchors are not supported in banks ('&%s'); repeat the text instead", a);
		free(a);
	}
	if (tag != NULL) {
		char *t = text_sanitize((const char *)tag, strlen((const char *)tag));
		error_at(ld, m, "tags are not supported in banks ('%s')", t);
		free(t);
	}
}

/* Handle one event.  Returns false to stop parsing (a fatal problem). */
static bool
handle(struct loader *ld, yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++ld->documents > 1) {
			error_at(ld, &ev->start_mark, "expected a single document in the file, found a second one");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT: {
		char *a = text_sanitize((const char *)ev->data.alias.anchor,
		    strlen((const char *)ev->data.alias.anchor));
		error_at(ld, &ev->start_mark, "aliases are not supported in banks ('*%s'); repeat the text instead", a);
		free(a);
		n = node_new(YNODE_SCALAR, &ev->start_mark);
		n->str = xstrdup("");
		n->plain = true;
		n->reported = true;
		break;
	}
	case YAML_SCALAR_EVENT:
		check_props(ld, &ev->start_mark, ev->data.scalar.anchor, ev->data.scalar.tag);
		if (ev->data.scalar.length > YTREE_MAX_SCALAR)
			error_at(ld, &ev->start_mark, "text longer than %lu bytes (%zu)",
			    YTREE_MAX_SCALAR, ev->data.scalar.length);
		n = node_new(YNODE_SCALAR, &ev->start_mark);
		n->str = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		if (memchr(ev->data.scalar.value, '\0', n->len) != NULL) {
			error_at(ld, &ev->start_mark, "NUL character (\\0) is not allowed in text");
			n->len = strlen(n->str);
		}
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		break;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT: {
		bool map = ev->type == YAML_MAPPING_START_EVENT;
		if (ld->depth >= YTREE_MAX_DEPTH) {
			error_at(ld, &ev->start_mark, "nesting deeper than %d levels", YTREE_MAX_DEPTH);
			return false;
		}
		if (map)
			check_props(ld, &ev->start_mark, ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
		else
			check_props(ld, &ev->start_mark, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
		if (++ld->nodes > YTREE_MAX_NODES) {
			error_at(ld, &ev->start_mark, "more than %d nodes in one file", YTREE_MAX_NODES);
			return false;
		}
		n = node_new(map ? YNODE_MAP : YNODE_SEQ, &ev->start_mark);
		attach(ld, n);
		ld->stack[ld->depth++] = n;
		return true;
	}
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (ld->depth > 0) {
			n = ld->stack[--ld->depth];
			if (n->type == YNODE_MAP)
				check_duplicates(ld, n);
		}
		return true;
	default:
		return true;
	}
	if (++ld->nodes > YTREE_MAX_NODES) {
		error_at(ld, &ev->start_mark, "more than %d nodes in one file", YTREE_MAX_NODES);
		ynode_free(n);
		return false;
	}
	attach(ld, n);
	return true;
}

/* Turn libyaml's error into one positioned diagnostic. */
static void
report_parser_error(struct loader *ld, const yaml_parser_t *p)
{
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "cannot parse the file";
	char ctx[160] = "";

	if (p->error == YAML_READER_ERROR) {
		/* Marks are not set for reader errors: find the line ourselves. */
		diag_add(ld->dl, ld->name, 0, 0, SEV_ERROR, "%s (at byte %zu)", problem,
		    p->problem_offset);
		return;
	}
	if (p->context != NULL && strcmp(p->context, "while scanning a simple key") == 0 &&
	    m.line == p->context_mark.line && m.column - p->context_mark.column >= 1024) {
		error_at(ld, &p->context_mark, "a key longer than 1024 characters; "
		    "keys are limited to 1024 characters, put long text in a value");
		return;
	}
	if (p->context != NULL)
		snprintf(ctx, sizeof ctx, " %s that started at %lu:%lu", p->context,
		    (unsigned long)p->context_mark.line + 1, (unsigned long)p->context_mark.column + 1);
	size_t off = mark_offset(ld->buf, ld->len, m.line, m.column);
	if (off < ld->len && ld->buf[off] == '\t') {
		error_at(ld, &m, "tab character where YAML expects indentation or a value; "
		    "tabs cannot be used for indentation, use spaces");
		return;
	}
	error_at(ld, &m, "%s%s", problem, ctx);
}

static struct ynode *parse(const char *name, const char *buf, size_t len, struct diag_list *dl,
    unsigned flags);

struct ynode *
ytree_parse(const char *name, const char *buf, size_t len, struct diag_list *dl)
{
	return parse(name, buf, len, dl, 0);
}

static struct ynode *
parse(const char *name, const char *buf, size_t len, struct diag_list *dl, unsigned flags)
{
	struct loader ld = {0};
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true;

	ld.name = name;
	ld.dl = dl;
	/* UTF-16, with a BOM or recognisable by a NUL in the first two bytes
	 * of text that is otherwise ASCII. */
	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') || (buf[0] == '\xfe' && buf[1] == '\xff') ||
	    ((buf[0] == '\0') != (buf[1] == '\0')))) {
		diag_add(dl, name, 0, 0, SEV_ERROR, "the file is UTF-16; bank files must be UTF-8");
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	ld.buf = buf;
	ld.len = len;
	if (check_encoding(&ld) > 0)
		return NULL;

	yaml_parser_initialize(&parser);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&ld, &parser);
			ok = false;
			break;
		}
		bool go = handle(&ld, &ev);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (!go) {
			ok = false;
			break;
		}
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	if (!ok) {
		ynode_free(ld.root);
		return NULL;
	}
	if (ld.root == NULL && (flags & YTREE_EMPTY_OK)) {
		ld.root = xcalloc(1, sizeof *ld.root);
		ld.root->type = YNODE_MAP;
		ld.root->line = ld.root->col = 1;
	} else if (ld.root == NULL) {
		diag_add(dl, name, 1, 1, SEV_ERROR, "the file holds no YAML document (it is empty or only comments)");
	}
	return ld.root;
}

struct ynode *
ytree_load(const char *path, struct diag_list *dl)
{
	return ytree_load_opt(path, dl, 0);
}

struct ynode *
ytree_load_opt(const char *path, struct diag_list *dl, unsigned flags)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	struct ynode *root = NULL;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "is a directory, not a bank file");
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "not a regular file (%s)",
		    S_ISFIFO(st.st_mode) ? "a pipe" : S_ISCHR(st.st_mode) ? "a character device" :
		    S_ISSOCK(st.st_mode) ? "a socket" : "a device");
		goto out;
	}
	if ((unsigned long long)st.st_size > YTREE_MAX_FILE) {
		diag_add(dl, path, 0, 0, SEV_ERROR, "file too large (%lld bytes, limit %lu)",
		    (long long)st.st_size, YTREE_MAX_FILE);
		goto out;
	}
	/* Read the whole file once, never more than the limit, even if it
	 * grows while we read; the parser then works on this snapshot. */
	for (;;) {
		xgrow((void **)&buf, &cap, len + 65536 + 1, 1);
		ssize_t r = read(fd, buf + len, cap - len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			diag_add(dl, path, 0, 0, SEV_ERROR, "cannot read: %s", strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > YTREE_MAX_FILE) {
			diag_add(dl, path, 0, 0, SEV_ERROR, "file too large (more than %lu bytes)", YTREE_MAX_FILE);
			goto out;
		}
	}
	buf[len] = '\0';
	root = parse(path, buf, len, dl, flags);
out:
	free(buf);
	close(fd);
	return root;
}

struct ynode *
ynode_get(const struct ynode *map, const char *key, const struct ynode **keynode)
{
	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = map->kids[i];
		if (k->type == YNODE_SCALAR && strcmp(k->str, key) == 0) {
			if (keynode != NULL)
				*keynode = k;
			return map->kids[i + 1];
		}
	}
	return NULL;
}

const char *
ynode_plain_type(const struct ynode *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	static const char *const bools[] = {"true", "True", "TRUE", "false", "False", "FALSE"};

	if (n->type != YNODE_SCALAR || !n->plain)
		return NULL;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return "null";
	for (size_t i = 0; i < sizeof bools / sizeof *bools; i++)
		if (strcmp(n->str, bools[i]) == 0)
			return "boolean";
	const char *s = n->str;
	if (*s == '-' || *s == '+')
		s++;
	if (*s == '\0')
		return NULL;
	bool digits = false, dot = false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits = true;
		else if (*s == '.' && !dot)
			dot = true;
		else if ((*s == 'e' || *s == 'E') && digits)
			continue;
		else
			return NULL;
	}
	return digits ? "number" : NULL;
}
