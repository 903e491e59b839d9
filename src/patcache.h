/*
 * patcache.h -- compiled patterns kept between runs.
 *
 * Compiling the rules' PCRE2 patterns is a third of the start-up of a
 * short 'check'.  The compiled code of every pattern is saved (with
 * pcre2_serialize_encode) in a cache file, and the next run decodes it
 * instead of compiling: the same source and options always give the same
 * code, so what a run finds cannot depend on the cache.
 *
 * The file: "$XDG_CACHE_HOME/infocoach/patterns.cache" (else under
 * ~/.cache), or $INFOCOACH_CACHE (empty or /dev/null: no cache).  It holds
 * a magic, the PCRE2 version, a count, then one entry per pattern: its
 * options, its source, its serialized code and the code's checksum.  A
 * run decodes only the patterns it matches, and checks an entry's code
 * against its checksum when it first uses it.  A file that is missing or
 * of another PCRE2 is ignored and rewritten, and so is an entry that is
 * cut short or fails its checksum; a cache that cannot be written is
 * left alone.  The cache never prints and never fails a run: it is only
 * ever a shortcut.
 *
 * The same file keeps blobs: bytes under a key, for other caches of what
 * is costly to rebuild (bankcache.c keeps loaded banks there).
 */
#ifndef INFOCOACH_PATCACHE_H
#define INFOCOACH_PATCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* A compiled PCRE2 pattern (pcre2_code for 8-bit code units; see
 * rule.h): callers need not include <pcre2.h>. */
struct pcre2_real_code_8;

struct patcache;

/* The cache file's path (newly allocated), or NULL for none. */
char *patcache_path(void);

/* Open the cache at path (NULL: an empty cache that is never saved). */
struct patcache *patcache_open(const char *path);

/* Whether the cache holds the code of src under opts: the entry's
 * number, for patcache_decode, or 0 for none. */
size_t patcache_find(struct patcache *c, const char *src, uint32_t opts);

/* The compiled code of entry found (patcache_find) of c, decoded (free it
 * with pcre2_code_free), or NULL when its bytes fail their checksum or do
 * not decode: the entry is then dropped, and the caller compiles the
 * pattern and puts it again. */
struct pcre2_real_code_8 *patcache_decode(struct patcache *c, size_t found);

/* Remember code, compiled from src under opts, for the next run. */
void patcache_put(struct patcache *c, const char *src, uint32_t opts,
    const struct pcre2_real_code_8 *code);

/* The bytes kept under key (borrowed until the cache is closed, *len
 * their count), or NULL when there are none or they fail their checksum
 * (the entry is then dropped, and the caller puts the bytes again). */
const unsigned char *patcache_get_blob(struct patcache *c, const char *key, size_t *len);

/* Keep bytes[0..len) under key for the next run (copied). */
void patcache_put_blob(struct patcache *c, const char *key, const void *bytes, size_t len);

/* The cache of this process, at patcache_path(): opened at the first
 * call, saved and freed at exit by the process that opened it (not by a
 * child that forked from it).  NULL-safe to use when there is none. */
struct patcache *patcache_shared(void);

/*
 * The key under which a file is known by its identity, from its status
 * st: what, then its device, inode, size and change times.  Only for a
 * file left alone for a few seconds, since any change from then on gives
 * it another identity: for one changed more recently, false (and key
 * empty), and the caller must read the file.
 */
bool patcache_identity(char *key, size_t keylen, const char *what, const struct stat *st);

/* A 64-bit checksum of data[0..n) (not cryptographic). */
uint64_t patcache_checksum(const void *data, size_t n);

/* Save the cache if anything new was put in it, and free it. */
void patcache_close(struct patcache *c);

#endif
