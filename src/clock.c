/*
 * clock.c -- the one place infocoach reads the time (see clock.h).
 */
#include <config.h>

#include "clock.h"

#include <stdio.h>

#define VIRTUAL_EPOCH 1767225600  /* 2026-01-01T00:00:00Z */

static uint64_t
monotonic_ms(void *arg)
{
	struct timespec ts;
	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static uint64_t
virtual_ms(void *arg)
{
	return ((struct clock *)arg)->virtual_ms;
}

void
clock_init_monotonic(struct clock *c)
{
	struct timespec ts;
	c->now_ms = monotonic_ms;
	c->arg = NULL;
	c->virtual_ms = 0;
	c->held = 0;
	c->held_ms = 0;
	c->mono0_ms = monotonic_ms(NULL);
	clock_gettime(CLOCK_REALTIME, &ts);
	c->wall0_ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
clock_init_virtual(struct clock *c)
{
	c->now_ms = virtual_ms;
	c->arg = c;
	c->virtual_ms = 0;
	c->held = 0;
	c->held_ms = 0;
	c->mono0_ms = 0;
	c->wall0_ms = (uint64_t)VIRTUAL_EPOCH * 1000;
}

void
clock_advance(struct clock *c, uint64_t ms)
{
	c->virtual_ms += ms;
	if (c->held > 0 && c->now_ms == virtual_ms)
		c->held_ms += ms;
}

uint64_t
clock_now(const struct clock *c)
{
	return c->held > 0 ? c->held_ms : c->now_ms(c->arg);
}

void
clock_hold(struct clock *c)
{
	if (c->held++ == 0)
		c->held_ms = c->now_ms(c->arg);
}

void
clock_release(struct clock *c)
{
	if (c->held > 0)
		c->held--;
}

uint64_t
clock_wall_ms(const struct clock *c)
{
	return c->wall0_ms + (clock_now(c) - c->mono0_ms);
}

bool
clock_is_virtual(const struct clock *c)
{
	return c->now_ms == virtual_ms;
}

time_t
clock_wall(const struct clock *c)
{
	if (c->now_ms == virtual_ms)
		return (time_t)(VIRTUAL_EPOCH + clock_now(c) / 1000);
	return time(NULL);
}

void
clock_hms(time_t t, char *buf, size_t len)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(buf, len, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void
clock_span(uint64_t ms, char *buf, size_t len)
{
	uint64_t s = ms / 1000;
	if (s >= 3600)
		snprintf(buf, len, "%u:%02u:%02u", (unsigned)(s / 3600), (unsigned)(s / 60 % 60), (unsigned)(s % 60));
	else
		snprintf(buf, len, "%u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
}
