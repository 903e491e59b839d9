/*
 * duration.c -- reading and writing durations (see duration.h).
 */
#include <config.h>

#include "duration.h"

#include <stdio.h>

bool
duration_parse(const char *s, unsigned long *seconds)
{
	static const struct { char unit; unsigned long mult; } units[] = {
		{'h', 3600}, {'m', 60}, {'s', 1},
	};
	unsigned long total = 0;
	size_t next = 0;

	if (s == NULL || *s == '\0')
		return false;
	while (*s) {
		unsigned long n = 0;
		int digits = 0;
		while (*s >= '0' && *s <= '9' && digits < 6) {
			n = n * 10 + (unsigned long)(*s++ - '0');
			digits++;
		}
		if (digits == 0 || (*s >= '0' && *s <= '9'))
			return false;
		while (next < 3 && units[next].unit != *s)
			next++;
		if (next == 3)
			return false;
		total += n * units[next].mult;
		next++;
		s++;
	}
	if (total < 1 || total > 24 * 3600)
		return false;
	*seconds = total;
	return true;
}

void
duration_format(unsigned long sec, char *buf, size_t len)
{
	unsigned long h = sec / 3600, m = sec % 3600 / 60, s = sec % 60;
	if (h > 0 && m == 0 && s == 0)
		snprintf(buf, len, "%luh", h);
	else if (h > 0 && s == 0)
		snprintf(buf, len, "%luh%lum", h, m);
	else if (h > 0)
		snprintf(buf, len, "%luh%lum%lus", h, m, s);
	else if (m > 0 && s == 0)
		snprintf(buf, len, "%lum", m);
	else if (m > 0)
		snprintf(buf, len, "%lum%lus", m, s);
	else
		snprintf(buf, len, "%lus", s);
}
