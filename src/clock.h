/*
 * clock.h -- the one place infocoach reads the time.
 *
 * Elapsed time comes from CLOCK_MONOTONIC through a struct clock, which a
 * test can replace with a virtual clock that only moves when told to, so
 * timed sessions are tested without sleeping.  Wall-clock time (UTC) is
 * read only for timestamps shown to the user or written to transcripts.
 */
#ifndef INFOCOACH_CLOCK_H
#define INFOCOACH_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct clock {
	uint64_t (*now_ms)(void *arg);   /* milliseconds since some start */
	void *arg;                       /* passed to now_ms */
	uint64_t virtual_ms;             /* the virtual clock's time */
	uint64_t wall0_ms;               /* the wall clock (ms since the epoch)
	                                    when now_ms read mono0_ms */
	uint64_t mono0_ms;
	int held;                        /* clock_hold() depth: while > 0 the
	                                    clock reads held_ms */
	uint64_t held_ms;
};

/* Whether c is a virtual clock (clock_init_virtual): its wall time is a
 * fixed day, not the user's. */
bool clock_is_virtual(const struct clock *c);

/* A clock reading CLOCK_MONOTONIC. */
void clock_init_monotonic(struct clock *c);

/* A virtual clock starting at 0 that moves only with clock_advance. */
void clock_init_virtual(struct clock *c);

/* Move a virtual clock forward (no effect on a monotonic one). */
void clock_advance(struct clock *c, uint64_t ms);

/* The clock's time in milliseconds. */
uint64_t clock_now(const struct clock *c);

/* Wall-clock time for display; honours a virtual clock by counting from
 * a fixed epoch (2026-01-01T00:00:00Z) so golden output is stable. */
time_t clock_wall(const struct clock *c);

/*
 * The same in milliseconds since the epoch, for transcripts: the wall
 * clock read once, when the clock was made, plus the clock's own time
 * since then, so that two stamps differ by exactly the elapsed time the
 * session measured (a replay then gives the same times to the ms).
 */
uint64_t clock_wall_ms(const struct clock *c);

/*
 * Stop the clock at its present time until the matching clock_release():
 * everything done for one line or one tick of the timer happens at one
 * instant, so the time a turn is written with in the transcript is the
 * time the session counts it at.  Holds nest.  clock_advance() still
 * moves a held virtual clock.
 */
void clock_hold(struct clock *c);
void clock_release(struct clock *c);

/* "HH:MM:SS" in UTC into buf (at least 9 bytes). */
void clock_hms(time_t t, char *buf, size_t len);

/* "M:SS" or "H:MM:SS" for a span of milliseconds. */
void clock_span(uint64_t ms, char *buf, size_t len);

#endif
