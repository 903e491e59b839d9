/*
 * patcache.c -- compiled patterns kept between runs (see patcache.h).
 *
 * The file, all little-endian (it never leaves the machine):
 *
 *   offset  size   what
 *   0       8      magic "ICPATC03"
 *   8       4      PCRE2_MAJOR * 1000 + PCRE2_MINOR of the build
 *   12      4      entries
 *   16      ...    entries: options (4), source length (4), code length
 *                  (4), the source's fnv64 (8), the code's checksum (8),
 *                  the source, the code (pcre2_serialize_encode)
 *
 * A blob (patcache_put_blob) is an entry whose options are BLOB_OPTS,
 * which no pattern's are; its source is the key and its code the bytes.
 *
 * Each entry's code is checked against its checksum when a run first
 * uses it, not when the file is opened: a short run uses a fraction of
 * the file, and should not read the rest.  A changed byte in a source or
 * a header only makes a look-up miss (the source is compared whole); one
 * in a length throws the walk off, and the entries after it fail their
 * checksums.  An entry that fails is dropped, and its pattern compiled
 * and kept afresh.
 */
#include <config.h>

#include "patcache.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "files.h"
#include "xmalloc.h"

#define MAGIC "ICPATC03"
#define ENTRY 28                /* bytes before an entry's source */
#define HEADER 16
#define MAX_FILE (8u << 20)     /* a bigger file is not ours */
#define MAX_ENTRIES 4096        /* kept across runs, most recent first */
#define BLOB_OPTS 0xffffffffu   /* the options of a blob entry */
#define MAX_OLD_BLOBS 8         /* blobs kept that this run did not use */

struct entry {
	uint64_t key;               /* fnv64 of the source, to find it fast */
	uint32_t opts;
	const char *src;            /* in the file's map, or owned */
	const unsigned char *code;  /* the serialized code: likewise */
	uint32_t srclen, codelen;
	uint64_t sum;               /* the code's checksum */
	char *own_src;              /* src and code when put in this run */
	unsigned char *own_code;    /* (owned), else NULL: in the map */
	bool used;                  /* got or put in this run */
	bool checked;               /* the code matched its checksum (or was
	                               made in this run) */
	bool bad;                   /* ... or failed it: never used or kept */
};

struct patcache {
	char *path;                 /* NULL: never saved */
	unsigned char *map;         /* the file as read, mapped (or NULL) */
	size_t maplen;
	struct entry *v;
	size_t n, cap;
	size_t *index;              /* open addressing by key: entry + 1, or 0 */
	size_t nindex;              /* slots, a power of two, at least 2n */
	bool dirty;                 /* something new to save */
};

/* A checksum of p[0..n) (patcache_checksum: FNV-1a's constants over
 * 8-byte words in four lanes, with a shift to mix the high bits down). */
static uint64_t
fnv64(const unsigned char *p, size_t n)
{
	return patcache_checksum(p, n);
}

/* One lane's step over the 8 bytes at p. */
static inline uint64_t
lane(uint64_t h, const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	h = (h ^ w) * 1099511628211ULL;
	return h ^ (h >> 29);
}

uint64_t
patcache_checksum(const void *data, size_t n)
{
	const unsigned char *p = data;
	/* Four lanes of 8 bytes, so the multiplications overlap. */
	uint64_t a = 14695981039346656037ULL, b = 1, c = 2, d = 3;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		a = lane(a, p + i);
		b = lane(b, p + i + 8);
		c = lane(c, p + i + 16);
		d = lane(d, p + i + 24);
	}
	uint64_t r = a;
	r = ((r ^ b) * 1099511628211ULL) ^ (r >> 31);
	r = ((r ^ c) * 1099511628211ULL) ^ (r >> 31);
	r = ((r ^ d) * 1099511628211ULL) ^ (r >> 31);
	for (; i < n; i++)
		r = (r ^ p[i]) * 1099511628211ULL;
	return r ^ n;
}

static uint32_t
get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

char *
patcache_path(void)
{
	const char *env = getenv("INFOCOACH_CACHE");
	if (env != NULL)
		return env[0] != '\0' && strcmp(env, "/dev/null") != 0 ? xstrdup(env) : NULL;
	const char *xdg = getenv("XDG_CACHE_HOME");
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/infocoach/patterns.cache", xdg);
	const char *home = files_home_dir();
	return home != NULL ? xasprintf("%s/.cache/infocoach/patterns.cache", home) : NULL;
}

/* Put entry i in the index, growing it to keep it at most half full. */
static void
index_add(struct patcache *c, size_t i)
{
	if (2 * c->n > c->nindex) {
		free(c->index);
		c->nindex = c->nindex ? 2 * c->nindex : 64;
		while (c->nindex < 2 * c->n)
			c->nindex *= 2;
		c->index = xcalloc(c->nindex, sizeof *c->index);
		for (size_t k = 0; k < c->n; k++)
			if (k != i)
				index_add(c, k);
	}
	size_t s = (size_t)c->v[i].key & (c->nindex - 1);
	while (c->index[s] != 0)
		s = (s + 1) & (c->nindex - 1);
	c->index[s] = i + 1;
}

/* Add an entry; src and code are copied when owned (made in this run,
 * so trusted), else borrowed from the map and checked when first used. */
static void
add(struct patcache *c, uint64_t key, uint32_t opts, const char *src, size_t srclen,
    const unsigned char *code, uint32_t codelen, uint64_t sum, bool owned)
{
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v);
	struct entry *e = &c->v[c->n++];
	e->key = key;
	e->opts = opts;
	e->srclen = (uint32_t)srclen;
	e->codelen = codelen;
	e->sum = sum;
	e->used = owned;
	e->checked = owned;
	e->bad = false;
	e->own_src = NULL;
	e->own_code = NULL;
	e->src = src;
	e->code = code;
	if (owned) {
		e->src = e->own_src = xstrndup(src, srclen);
		e->own_code = xmalloc(codelen);
		memcpy(e->own_code, code, codelen);
		e->code = e->own_code;
	}
	index_add(c, c->n - 1);
}

/* Map the file at path and take its entries into c: none when its
 * header is wrong, those before the first that does not fit in the file
 * otherwise.  The entries point into the map, which stays until the
 * cache is closed: decoding a pattern copies its code anyway. */
static void
load(struct patcache *c, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return;
	struct stat st;
	unsigned char *buf = MAP_FAILED;
	size_t size = 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < HEADER ||
	    (uint64_t)st.st_size > MAX_FILE)
		goto done;
	size = (size_t)st.st_size;
	buf = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (buf == MAP_FAILED)
		goto done;
	if (memcmp(buf, MAGIC, 8) != 0 || get32(buf + 8) != PCRE2_MAJOR * 1000 + PCRE2_MINOR)
		goto done;
	uint32_t count = get32(buf + 12);
	/* Room for every entry at once: grown entry by entry, the entries
	 * were copied and the index made again several times, a good part
	 * of the cost of opening the cache. */
	size_t want = count < MAX_ENTRIES ? count : MAX_ENTRIES;
	if (want > (size - HEADER) / ENTRY)
		want = (size - HEADER) / ENTRY;
	xgrow((void **)&c->v, &c->cap, want + 1, sizeof *c->v);
	for (c->nindex = 64; c->nindex < 2 * (want + 1);)
		c->nindex *= 2;
	c->index = xcalloc(c->nindex, sizeof *c->index);
	size_t at = HEADER;
	for (uint32_t i = 0; i < count && i < MAX_ENTRIES; i++) {
		if (size - at < ENTRY)
			break;
		uint32_t opts = get32(buf + at), sl = get32(buf + at + 4), cl = get32(buf + at + 8);
		uint64_t key, sum;
		memcpy(&key, buf + at + 12, 8);
		memcpy(&sum, buf + at + 20, 8);
		at += ENTRY;
		/* Sources are compared by length: no NUL ends them in the map. */
		if (sl > size - at || cl > size - at - sl)
			break;
		add(c, key, opts, (const char *)buf + at, sl, buf + at + sl, cl, sum, false);
		at += (size_t)sl + cl;
	}
	c->map = buf;
	c->maplen = size;
	buf = MAP_FAILED;
done:
	if (buf != MAP_FAILED)
		munmap(buf, size);
	close(fd);
}

struct patcache *
patcache_open(const char *path)
{
	struct patcache *c = xcalloc(1, sizeof *c);
	if (path != NULL) {
		c->path = xstrdup(path);
		load(c, path);
	}
	return c;
}

static struct entry *
find(struct patcache *c, const char *src, uint32_t opts)
{
	size_t len = strlen(src);
	uint64_t key = fnv64((const unsigned char *)src, len);
	if (c->nindex == 0)
		return NULL;
	for (size_t s = (size_t)key & (c->nindex - 1); c->index[s] != 0; s = (s + 1) & (c->nindex - 1)) {
		struct entry *e = &c->v[c->index[s] - 1];
		if (e->key == key && e->opts == opts && e->srclen == len && !e->bad &&
		    memcmp(e->src, src, len) == 0)
			return e;
	}
	return NULL;
}

/* The shared cache: opened at the first use, saved when the process
 * that opened it exits. */
static struct patcache *shared;
static pid_t shared_pid;
static bool shared_opened;

static void
shared_save(void)
{
	if (getpid() == shared_pid)
		patcache_close(shared);
	shared = NULL;
}

struct patcache *
patcache_shared(void)
{
	if (!shared_opened) {
		shared_opened = true;
		char *path = patcache_path();
		shared = patcache_open(path);
		free(path);
		shared_pid = getpid();
		atexit(shared_save);
	}
	return shared;
}

/* Whether e's code matches its checksum (checked once a run); one that
 * does not is bad from then on: found no more, and not saved. */
static bool
sound(struct entry *e)
{
	if (!e->checked && !e->bad) {
		e->checked = fnv64(e->code, e->codelen) == e->sum;
		e->bad = !e->checked;
	}
	return e->checked;
}

size_t
patcache_find(struct patcache *c, const char *src, uint32_t opts)
{
	struct entry *e = c != NULL && opts != BLOB_OPTS ? find(c, src, opts) : NULL;
	if (e == NULL)
		return 0;
	e->used = true;
	return (size_t)(e - c->v) + 1;
}

pcre2_code *
patcache_decode(struct patcache *c, size_t found)
{
	if (c == NULL || found == 0 || found > c->n)
		return NULL;
	struct entry *e = &c->v[found - 1];
	pcre2_code *code = NULL;
	if (!sound(e) || pcre2_serialize_decode(&code, 1, e->code, NULL) != 1) {
		e->bad = true;
		return NULL;
	}
	return code;
}

void
patcache_put(struct patcache *c, const char *src, uint32_t opts, const pcre2_code *code)
{
	if (c == NULL || c->path == NULL || opts == BLOB_OPTS || find(c, src, opts) != NULL)
		return;
	uint8_t *bytes = NULL;
	PCRE2_SIZE len = 0;
	const pcre2_code *list[1] = {code};
	if (pcre2_serialize_encode(list, 1, &bytes, &len, NULL) < 0)
		return;
	if (len <= UINT32_MAX) {
		add(c, fnv64((const unsigned char *)src, strlen(src)), opts, src, strlen(src), bytes,
		    (uint32_t)len, fnv64(bytes, len), true);
		c->dirty = true;
	}
	pcre2_serialize_free(bytes);
}

const unsigned char *
patcache_get_blob(struct patcache *c, const char *key, size_t *len)
{
	struct entry *e = c != NULL ? find(c, key, BLOB_OPTS) : NULL;
	if (e == NULL || !sound(e))
		return NULL;
	e->used = true;
	*len = e->codelen;
	return e->code;
}

void
patcache_put_blob(struct patcache *c, const char *key, const void *bytes, size_t len)
{
	if (c == NULL || c->path == NULL || len > UINT32_MAX || find(c, key, BLOB_OPTS) != NULL)
		return;
	add(c, fnv64((const unsigned char *)key, strlen(key)), BLOB_OPTS, key, strlen(key), bytes,
	    (uint32_t)len, fnv64(bytes, len), true);
	c->dirty = true;
}

/* How long a file must have been left alone to be known by its identity:
 * then any change from now on gives it a later change time, however
 * coarse the file system's clock.  (A file changed twice within one tick
 * of that clock could keep its identity: this is why a file just changed
 * is not known by it.) */
#define SETTLED_SECONDS 3

bool
patcache_identity(char *key, size_t keylen, const char *what, const struct stat *st)
{
	struct clock c;
	clock_init_monotonic(&c);
	if (keylen == 0 || clock_wall(&c) - st->st_ctim.tv_sec < SETTLED_SECONDS) {
		if (keylen > 0)
			key[0] = '\0';
		return false;
	}
	snprintf(key, keylen, "%s %llu %llu %lld %lld.%09ld %lld.%09ld", what,
	    (unsigned long long)st->st_dev, (unsigned long long)st->st_ino, (long long)st->st_size,
	    (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec,
	    (long)st->st_ctim.tv_nsec);
	return true;
}

/* Append n bytes of p to buf. */
static void
put_bytes(unsigned char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	xgrow((void **)buf, cap, *len + n, 1);
	memcpy(*buf + *len, p, n);
	*len += n;
}

/* A save's temporary file this old was left by a process killed between
 * writing it and renaming it over the cache: saves take milliseconds. */
#define STALE_TEMP_SECONDS 3600

/* Remove what saves of dir/base killed half-way left behind: files named
 * as files_save_atomic names its temporary files (".base.XXXXXX"). */
static void
remove_stale_temps(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	size_t blen = strlen(base);
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] != '.' || strncmp(n + 1, base, blen) != 0 || n[1 + blen] != '.' ||
		    strlen(n + 2 + blen) != 6)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), n, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    now - st.st_mtime > STALE_TEMP_SECONDS)
			(void)unlinkat(dirfd(d), n, 0);
	}
	closedir(d);
}

static void
save(struct patcache *c)
{
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	uint32_t hdr[2] = {PCRE2_MAJOR * 1000 + PCRE2_MINOR, 0};
	put_bytes(&buf, &len, &cap, MAGIC, 8);
	put_bytes(&buf, &len, &cap, hdr, sizeof hdr);
	/* This run's patterns first, then the others, up to the limit. */
	uint32_t count = 0, old_blobs = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->n && count < MAX_ENTRIES; i++) {
			const struct entry *e = &c->v[i];
			if (e->used != (pass == 0) || e->bad)
				continue;
			/* Blobs are big and go stale (a bank edited, the program
			 * rebuilt): only the latest few unused ones are kept. */
			if (!e->used && e->opts == BLOB_OPTS && old_blobs++ >= MAX_OLD_BLOBS)
				continue;
			uint32_t f[3] = {e->opts, e->srclen, e->codelen};
			if (len + ENTRY + f[1] + f[2] > MAX_FILE)
				continue;
			put_bytes(&buf, &len, &cap, f, sizeof f);
			put_bytes(&buf, &len, &cap, &e->key, sizeof e->key);
			put_bytes(&buf, &len, &cap, &e->sum, sizeof e->sum);
			put_bytes(&buf, &len, &cap, e->src, f[1]);
			put_bytes(&buf, &len, &cap, e->code, f[2]);
			count++;
		}
	memcpy(buf + 12, &count, 4);
	/* The cache is a shortcut: when it cannot be written, the next run
	 * compiles again, and nobody needs to hear about it. */
	char err[300];
	char *dir = xstrdup(c->path);
	char *slash = strrchr(dir, '/');
	if (slash != NULL && slash != dir)
		*slash = '\0';
	if (slash == NULL || slash == dir || files_mkdir_private(dir, err, sizeof err)) {
		if (slash != NULL && slash != dir)
			remove_stale_temps(dir, slash + 1);
		(void)files_save_atomic(c->path, (const char *)buf, len, err, sizeof err);
	}
	free(dir);
	free(buf);
}

void
patcache_close(struct patcache *c)
{
	if (c == NULL)
		return;
	if (c->dirty)
		save(c);
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].own_src);
		free(c->v[i].own_code);
	}
	free(c->v);
	free(c->index);
	if (c->map != NULL)
		munmap(c->map, c->maplen);
	free(c->path);
	free(c);
}
