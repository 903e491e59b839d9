/*
 * hash.h -- a quick 64-bit hash of bytes, for tables kept in memory only
 * (never written to a file: its values may change between versions).
 *
 * Eight bytes at a time, each word folded in with two multiplications, so
 * the cost is a cycle or two a byte rather than the several of a
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
	/* Two rounds: a product carries a change only upwards, so after one
	 * a change in a word's top byte is still in two bytes of h, where
	 * the next word's bytes could cancel it. */
	h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ULL;
	return h ^ (h >> 32);
}

/* The hash of p[0..n), starting from seed (a hash to continue, or any
 * number). */
static inline uint64_t
hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = hash_mix(seed, n);
	for (; n > 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = hash_mix(h, w);
	}
	/* The last 1 to 8 bytes (the length is in h already) in loads of a
	 * fixed size, which the compiler makes single instructions: two of
	 * four bytes, overlapping when fewer than eight are left, or, of
	 * fewer than four, the first, middle and last byte. */
	uint64_t w = 0;
	if (n == 8) {
		memcpy(&w, s, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n > 0) {
		w = (uint64_t)s[0] << 16 | (uint64_t)s[n / 2] << 8 | s[n - 1];
	}
	return hash_mix(h, w);
}

#endif
