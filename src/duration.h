/*
 * duration.h -- reading and writing durations such as 90s, 20m, 1h30m.
 */
#ifndef INFOCOACH_DURATION_H
#define INFOCOACH_DURATION_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Parse s ("90s", "20m", "1h", "1h30m", "1h5m30s") into seconds.  Units
 * must come in the order h, m, s, each at most once; the total must be
 * between 1 second and 24 hours.  Returns false for anything else.
 */
bool duration_parse(const char *s, unsigned long *seconds);

/* An informational interview usually lasts 20 to 30 minutes (seconds).
 * A mock interview, and a list checked, with no length given is
 * planned for the upper end. */
#define MEETING_USUAL_MIN_S  (20 * 60)
#define MEETING_USUAL_MAX_S  (30 * 60)
#define MEETING_DEFAULT_S    MEETING_USUAL_MAX_S

/* How to write one, for messages. */
#define DURATION_HINT "write it like 90s, 20m, 1h or 1h30m"

/* Write seconds as "1h30m", "25m", "90s"-style text into buf. */
void duration_format(unsigned long seconds, char *buf, size_t len);

#endif
