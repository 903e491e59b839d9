/*
 * hash.h -- a quick 64-bit hash of bytes, for tables kept in memory only
 * (never written to a file: its values may change between versions).
 *
 * Eight bytes at a time, each word folded in with one multiplication, so
 * the cost is about a cycle a byte rather than the several of a
 * byte-at-a-time hash such as FNV-1a, whose multiplications wait on one
 * another.
 */
#ifndef INFOCOACH_HASH_H
#define INFOCOACH_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t
hash_mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 32);
}

/* The hash of p[0..n), starting from seed (a hash to continue, or any
 * number). */
static inline uint64_t
hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = hash_mix(seed, n);
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = hash_mix(h, w);
	}
	uint64_t w = 0;
	memcpy(&w, s, n);
	return hash_mix(h, w);
}

#endif
