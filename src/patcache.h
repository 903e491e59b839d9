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
 * a magic, the PCRE2 version, a count, a checksum of the rest, then one
 * entry per pattern: its options, its source and its serialized code.  A
 * file that is missing, of another PCRE2, cut short or failing its
 * checksum is ignored and rewritten; a cache that cannot be written is
 * left alone.  The cache never prints and never fails a run: it is only
 * ever a shortcut.
 *
 * The same file keeps blobs: bytes under a key, for other caches of what
 * is costly to rebuild (bankcache.c keeps loaded banks there).
 */
#ifndef INFOCOACH_PATCACHE_H
#define INFOCOACH_PATCACHE_H

#include <stddef.h>
#include <stdint.h>

/* A compiled PCRE2 pattern (pcre2_code for 8-bit code units; see
 * rule.h): callers need not include <pcre2.h>. */
struct pcre2_real_code_8;

struct patcache;

/* The cache file's path (newly allocated), or NULL for none. */
char *patcache_path(void);

/* Open the cache at path (NULL: an empty cache that is never saved). */
struct patcache *patcache_open(const char *path);

/* The compiled code of src under opts from the cache, or NULL. */
struct pcre2_real_code_8 *patcache_get(struct patcache *c, const char *src, uint32_t opts);

/* Remember code, compiled from src under opts, for the next run. */
void patcache_put(struct patcache *c, const char *src, uint32_t opts,
    const struct pcre2_real_code_8 *code);

/* The bytes kept under key (borrowed until the cache is closed, *len
 * their count), or NULL. */
const unsigned char *patcache_get_blob(struct patcache *c, const char *key, size_t *len);

/* Keep bytes[0..len) under key for the next run (copied). */
void patcache_put_blob(struct patcache *c, const char *key, const void *bytes, size_t len);

/* The cache of this process, at patcache_path(): opened at the first
 * call, saved and freed at exit by the process that opened it (not by a
 * child that forked from it).  NULL-safe to use when there is none. */
struct patcache *patcache_shared(void);

/* A 64-bit checksum of data[0..n) (not cryptographic). */
uint64_t patcache_checksum(const void *data, size_t n);

/* Save the cache if anything new was put in it, and free it. */
void patcache_close(struct patcache *c);

#endif
