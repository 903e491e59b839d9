/* Unit tests for hash.h: every byte of a string counts, whatever its
 * length (the last bytes are read in overlapping loads). */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "tap.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Whether the n hashes in h are all different (sorts h). */
static bool
distinct(uint64_t *h, size_t n)
{
	qsort(h, n, sizeof *h, cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (h[i] == h[i - 1])
			return false;
	return true;
}

int
main(void)
{
	/* Every string of up to two bytes, and the empty one. */
	size_t n = 0;
	uint64_t *h = malloc((1 + 256 + 65536) * sizeof *h);
	unsigned char s[40] = {0};
	h[n++] = hash_bytes(s, 0, 0);
	for (int a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		h[n++] = hash_bytes(s, 1, 0);
		for (int b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			h[n++] = hash_bytes(s, 2, 0);
		}
	}
	ok(distinct(h, n), "every string of 0 to 2 bytes has a hash of its own (%zu)", n);
	/* Strings of 3 to 40 bytes, each byte in turn changed to each value. */
	bool all = true;
	for (size_t len = 3; len <= 40; len++) {
		n = 0;
		memset(s, 'a', sizeof s);
		h[n++] = hash_bytes(s, len, 7);
		for (size_t at = 0; at < len; at++) {
			for (int b = 0; b < 256; b++) {
				if (b == 'a')
					continue;
				s[at] = (unsigned char)b;
				h[n++] = hash_bytes(s, len, 7);
			}
			s[at] = 'a';
		}
		all &= distinct(h, n);
	}
	ok(all, "strings of 3 to 40 bytes: a change to any one byte changes the hash");
	memset(s, 'a', sizeof s);
	ok(hash_bytes(s, 12, 0) != hash_bytes(s, 13, 0) && hash_bytes(s, 12, 0) != hash_bytes(s, 12, 1),
	    "the length and the seed count");
	free(h);
	return tap_done();
}
