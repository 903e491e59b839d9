/*
 * lookahead.c -- a long draft's questions assessed ahead, in helper
 * processes (see lookahead.h).
 *
 * The helpers and the checker share one anonymous mapping: the checker's
 * current block, a stop word and a window of LA_WINDOW slots, each
 * holding one block's results (up to LA_RESULTS questions of its LA_LINES
 * lines, in order; the checker assesses any past them) and a tag saying
 * which block the slot holds and who has it:
 *
 *     tag = (block + 1) << 8 | helper << 2 | state      (0: no block yet)
 *
 * Block b lives in slot b % LA_WINDOW.  A helper may take block b only
 * while b < current + LA_WINDOW, that is once the slot's earlier block
 * is used up; whoever changes the tag to block b first (compare and
 * swap) has it.  A helper that finishes a block marks it done and writes
 * a byte to a pipe, on which the checker waits (with a time-out, to
 * notice a helper that stopped without finishing its block).
 */
#include <config.h>

#include "lookahead.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include "hash.h"
#include "xmalloc.h"

#define LA_LINES   64           /* lines in a block */
#define LA_RESULTS 128          /* results a block holds at most */
#define LA_WINDOW  16           /* blocks a helper may be ahead */
#define LA_GAP     6            /* ... and the least, when it takes a block */
#define LA_HELPERS 63           /* at most: the helper field of a tag */

enum { FREE, CLAIMED, DONE, CHECKER };

struct slot {
	_Atomic uint64_t tag;
	size_t n;                       /* results (set before the tag says DONE) */
	unsigned long line[LA_RESULTS]; /* ... each one's line */
	uint64_t key[LA_RESULTS];       /* ... and key */
	struct assessment as[LA_RESULTS];
};

struct shared {
	atomic_size_t current;  /* the block the checker is at */
	atomic_bool stop;       /* the checker wants no more */
	struct slot slot[LA_WINDOW];
};

struct lookahead {
	struct shared *sh;
	int note[2];            /* helpers write a byte when a block is done */
	size_t n;               /* helpers started */
	pid_t *pid;             /* ... each one's process, 0 once reaped */
	pid_t checker;          /* the checker's process */
	/* In a helper: */
	size_t self;            /* its number */
	size_t block;           /* the block it is at, SIZE_MAX: none yet */
	bool mine;              /* ... and has */
	size_t nres;            /* ... the results in it so far */
	bool quit;              /* the checker stopped or is gone: take no more */
	/* In the checker: */
	size_t cblock;          /* the block it is at, SIZE_MAX: none yet */
	bool theirs;            /* ... which a helper assessed */
	size_t next;            /* ... the first of its results not yet used */
};

static uint64_t
tag_of(size_t block, size_t helper, int state)
{
	return (uint64_t)(block + 1) << 8 | (uint64_t)helper << 2 | (uint64_t)state;
}

static size_t tag_block_plus1(uint64_t t) { return (size_t)(t >> 8); }
static size_t tag_helper(uint64_t t) { return (size_t)(t >> 2 & 63); }
static int tag_state(uint64_t t) { return (int)(t & 3); }

uint64_t
lookahead_key(unsigned long line, const char *q, size_t len, char *const *ignore, size_t nignore)
{
	uint64_t h = hash_bytes(q, len, line);
	for (size_t k = 0; k < nignore; k++)
		h = hash_bytes(ignore[k], strlen(ignore[k]), h);
	return h;
}

static void
nap(void)
{
	struct timespec ts = {0, 100 * 1000};
	nanosleep(&ts, NULL);
}

struct lookahead *
lookahead_start(size_t n, void (*run)(struct lookahead *la, void *arg), void *arg)
{
	if (n == 0)
		return NULL;
	if (n > LA_HELPERS)
		n = LA_HELPERS;
	struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return NULL;
	struct lookahead *la = xcalloc(1, sizeof *la);
	la->sh = sh;
	atomic_init(&sh->current, 0);
	atomic_init(&sh->stop, false);
	for (size_t s = 0; s < LA_WINDOW; s++)
		atomic_init(&sh->slot[s].tag, 0);
	la->cblock = SIZE_MAX;
	la->block = SIZE_MAX;
	la->checker = getpid();
	la->pid = xcalloc(n, sizeof *la->pid);
	if (pipe(la->note) != 0) {
		munmap(sh, sizeof *sh);
		free(la->pid);
		free(la);
		return NULL;
	}
	for (int e = 0; e < 2; e++) {
		fcntl(la->note[e], F_SETFD, FD_CLOEXEC);
		fcntl(la->note[e], F_SETFL, fcntl(la->note[e], F_GETFL) | O_NONBLOCK);
	}
	/* A helper that fails ends with _exit, but a message on the way
	 * (out of memory) goes through stdio: nothing of the checker's may
	 * be waiting in a buffer to be written twice. */
	fflush(stdout);
	fflush(stderr);
	for (size_t k = 0; k < n; k++) {
		pid_t p = fork();
		if (p < 0)
			break;
		if (p == 0) {
			/* A helper has no work once the checker is gone (killed,
			 * say): Linux ends it then; elsewhere it sees that it has
			 * a new parent while it waits. */
#ifdef __linux__
			prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
			if (getppid() != la->checker)
				_exit(0);
			close(la->note[0]);
			la->self = k;
			la->n = 0;
			free(la->pid);
			la->pid = NULL;
			run(la, arg);
			close(la->note[1]);
			munmap(la->sh, sizeof *la->sh);
			free(la);
			_exit(0);
		}
		la->pid[la->n++] = p;
	}
	close(la->note[1]);
	la->note[1] = -1;
	if (la->n == 0) {
		lookahead_finish(la);
		return NULL;
	}
	return la;
}

/* In a helper: wait until block b may be taken (its slot is free);
 * false if the checker stopped or is gone. */
static bool
may_take(struct lookahead *la, size_t b)
{
	while (b >= atomic_load_explicit(&la->sh->current, memory_order_acquire) + LA_WINDOW) {
		if (getppid() != la->checker)
			_exit(0);       /* nothing to clean: the checker is gone */
		if (atomic_load(&la->sh->stop))
			return false;
		nap();
	}
	return !atomic_load(&la->sh->stop);
}

/* In a helper: whether block b is far enough ahead of the checker to be
 * done before the checker comes to it (the checker does the nearer ones:
 * so it seldom waits, and each side always has work). */
static bool
ahead(const struct lookahead *la, size_t b)
{
	return b >= atomic_load_explicit(&la->sh->current, memory_order_acquire) + LA_GAP;
}

/* In a helper: block b is done. */
static void
finish_block(struct lookahead *la, size_t b)
{
	la->sh->slot[b % LA_WINDOW].n = la->nres;
	atomic_store_explicit(&la->sh->slot[b % LA_WINDOW].tag, tag_of(b, la->self, DONE), memory_order_release);
	ssize_t w = write(la->note[1], "", 1);
	(void)w;        /* a full pipe already wakes the checker */
}

bool
lookahead_claim(struct lookahead *la, unsigned long line)
{
	size_t b = line / LA_LINES;
	if (b == la->block)
		return la->mine;
	if (la->mine)
		finish_block(la, la->block);
	la->block = b;
	la->mine = false;
	if (la->quit || !may_take(la, b)) {
		la->quit = true;
		return false;
	}
	if (!ahead(la, b))
		return false;
	_Atomic uint64_t *tag = &la->sh->slot[b % LA_WINDOW].tag;
	uint64_t t = atomic_load(tag);
	while (tag_block_plus1(t) < b + 1)
		if (atomic_compare_exchange_weak(tag, &t, tag_of(b, la->self, CLAIMED))) {
			la->nres = 0;
			return la->mine = true;
		}
	return false;
}

/* Copy the parts of *from that are in use: the flags past its count are
 * not (an assessment is mostly room for flags, and every byte copied
 * passes from one processor's cache to another's). */
static void
copy_used(struct assessment *to, const struct assessment *from)
{
	const size_t head = offsetof(struct assessment, flags);
	const size_t tail = offsetof(struct assessment, nflags);
	memcpy(to, from, head);
	memcpy(to->flags, from->flags, from->nflags * sizeof from->flags[0]);
	memcpy((char *)to + tail, (const char *)from + tail, sizeof *from - tail);
}

void
lookahead_put(struct lookahead *la, unsigned long line, uint64_t key, const struct assessment *as)
{
	if (la->nres == LA_RESULTS)
		return;         /* the checker does the rest of the block */
	struct slot *s = &la->sh->slot[la->block % LA_WINDOW];
	s->line[la->nres] = line;
	s->key[la->nres] = key;
	copy_used(&s->as[la->nres], as);
	la->nres++;
}

void
lookahead_done(struct lookahead *la)
{
	if (la->mine)
		finish_block(la, la->block);
	la->mine = false;
	la->quit = true;
}

/* In the checker: whether helper k has ended (reaped here). */
static bool
helper_gone(struct lookahead *la, size_t k)
{
	if (la->pid[k] == 0)
		return true;
	int st;
	if (waitpid(la->pid[k], &st, WNOHANG) == la->pid[k]) {
		la->pid[k] = 0;
		return true;
	}
	return false;
}

/* In the checker, at block b: take it, or wait for the helper that has
 * it; true when a helper's results are there to use. */
static bool
enter_block(struct lookahead *la, size_t b)
{
	atomic_store_explicit(&la->sh->current, b, memory_order_release);
	_Atomic uint64_t *tag = &la->sh->slot[b % LA_WINDOW].tag;
	uint64_t t = atomic_load_explicit(tag, memory_order_acquire);
	for (;;) {
		if (tag_block_plus1(t) < b + 1) {
			if (atomic_compare_exchange_weak(tag, &t, tag_of(b, 0, CHECKER)))
				return false;
			continue;
		}
		if (tag_block_plus1(t) != b + 1 || tag_state(t) == CHECKER)
			return false;   /* cannot be: the checker is here first */
		if (tag_state(t) == DONE)
			return true;
		/* A helper is at it: wait for its byte, and see now and then
		 * that it is still there. */
		struct pollfd p = {.fd = la->note[0], .events = POLLIN, .revents = 0};
		int r = poll(&p, 1, 20);
		if (r > 0) {
			char buf[64];
			while (read(la->note[0], buf, sizeof buf) > 0)
				continue;
		}
		t = atomic_load_explicit(tag, memory_order_acquire);
		if (tag_state(t) == CLAIMED && tag_block_plus1(t) == b + 1 && helper_gone(la, tag_helper(t))) {
			/* It ended without finishing: the checker does the block. */
			t = atomic_load_explicit(tag, memory_order_acquire);
			if (tag_state(t) != DONE)
				return false;
		}
	}
}

bool
lookahead_get(struct lookahead *la, unsigned long line, uint64_t key, struct assessment *out)
{
	size_t b = line / LA_LINES;
	if (b != la->cblock) {
		la->cblock = b;
		la->theirs = enter_block(la, b);
		la->next = 0;
	}
	if (!la->theirs)
		return false;
	/* The helper's results of this line are the next ones not used,
	 * unless it read the line otherwise (then their keys differ). */
	const struct slot *s = &la->sh->slot[b % LA_WINDOW];
	size_t i = la->next;
	while (i < s->n && s->line[i] < line)
		i++;
	for (; i < s->n && s->line[i] == line; i++) {
		if (s->key[i] == key) {
			la->next = i + 1;
			memset(out, 0, sizeof *out);
			copy_used(out, &s->as[i]);
			return true;
		}
	}
	return false;
}

void
lookahead_finish(struct lookahead *la)
{
	if (la == NULL)
		return;
	atomic_store(&la->sh->stop, true);
	for (size_t k = 0; k < la->n; k++) {
		if (la->pid[k] == 0)
			continue;
		int st;
		while (waitpid(la->pid[k], &st, 0) < 0 && errno == EINTR)
			continue;
	}
	if (la->note[0] >= 0)
		close(la->note[0]);
	if (la->note[1] >= 0)
		close(la->note[1]);
	munmap(la->sh, sizeof *la->sh);
	free(la->pid);
	free(la);
}
