/*
 * bankcache.h -- banks loaded before, kept between runs.
 *
 * 'check' needs a bank's rules, cues and questions, and parsing the YAML
 * they come in costs more than the rest of a short run.  bankcache_load
 * loads a bank as bank_load does, but rebuilds one whose bytes it has
 * seen load cleanly before from a record in the shared cache file
 * (patcache.h) instead of parsing it again.  The record is keyed by the
 * file's bytes, the flags and the program, so what a run finds cannot
 * depend on the cache; a file with any problem is always loaded, and
 * reported, by bank_load.  A file left unchanged for a few seconds is
 * known by its identity (device, inode, size and change times), and then
 * not even read.
 */
#ifndef INFOCOACH_BANKCACHE_H
#define INFOCOACH_BANKCACHE_H

#include "bank.h"
#include "diag.h"

/*
 * bank_load(path, dl, flags), from the cache when it can be: only loads
 * with BANK_NO_PERSONAS and without BANK_EXAMPLES are kept.  Returns the
 * bank (free with bank_free) or NULL, with the problems in dl, exactly as
 * bank_load does.
 */
struct bank *bankcache_load(const char *path, struct diag_list *dl, unsigned flags);

#endif
