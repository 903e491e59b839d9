/*
 * xmalloc.h -- allocation that cannot fail.
 *
 * Out of memory is fatal in infocoach: these wrappers print
 * "infocoach: out of memory" and exit with status 2 instead of returning
 * NULL, so callers never test for it.  They do not track or pool memory;
 * everything they return is released with plain free().
 */
#ifndef INFOCOACH_XMALLOC_H
#define INFOCOACH_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Like malloc(), but never returns NULL (a request for 0 bytes gets 1). */
/* Report that memory ran out and exit with status 2 (for a library
 * that says so by returning NULL). */
void xalloc_die(void) __attribute__((noreturn));

void *xmalloc(size_t size);

/* Like calloc(nmemb, size): zeroed, overflow-checked, never NULL. */
void *xcalloc(size_t nmemb, size_t size);

/* Like reallocarray(ptr, nmemb, size): overflow-checked, never NULL. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);

/* Copies of a NUL-terminated string, or of its first n bytes (the copy is
 * always NUL-terminated).  A NULL argument gives NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A newly allocated string formatted like printf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grow *vec (of *cap elements of size elem) so it holds at least need
 * elements; doubles the capacity to keep appends amortised O(1). */
void xgrow(void **vec, size_t *cap, size_t need, size_t elem);

#endif
