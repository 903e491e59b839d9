/*
 * ytree.h -- a bounded YAML reader that builds a small positioned tree.
 *
 * Reads one file (a regular file, at most YTREE_MAX_FILE bytes), checks
 * its encoding itself (libyaml reports bad UTF-8 and NUL bytes at 0:0),
 * and turns libyaml's *event* stream into a tree of mappings, sequences
 * and scalars that remember their line and column.  It refuses what banks
 * never need and what makes YAML dangerous: anchors and aliases, tags,
 * merge keys, more than one document, duplicate keys; and it enforces
 * depth, scalar-length and node-count limits while parsing, so hostile
 * input fails fast and in bounded memory.  It knows nothing of banks:
 * bank.c gives the tree its meaning.
 */
#ifndef INFOCOACH_YTREE_H
#define INFOCOACH_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define YTREE_MAX_FILE   (4UL << 20)   /* bytes in one file */
#define YTREE_MAX_DEPTH  64            /* nested collections */
#define YTREE_MAX_SCALAR (64UL << 10)  /* bytes in one scalar */
#define YTREE_MAX_NODES  200000        /* nodes in one file */

enum ynode_type { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ };

struct ynode {
	enum ynode_type type;   /* what this node is */
	unsigned long line;     /* 1-based line where it starts */
	unsigned long col;      /* 1-based column where it starts */
	char *str;              /* YNODE_SCALAR: the value, NUL-terminated */
	size_t len;             /* YNODE_SCALAR: its length in bytes */
	bool plain;             /* YNODE_SCALAR: written without quotes */
	bool reported;          /* stands for something already reported (an
	                           alias): the schema says nothing more of it */
	struct ynode **kids;    /* MAP: key, value, key, value...; SEQ: items */
	size_t nkids;           /* number of entries in kids */
	size_t cap;             /* allocated entries in kids */
};

/*
 * Load path.  Problems go to dl, positioned in path.  Returns the root
 * node (owned by the caller, free with ynode_free) when the file is
 * well-formed YAML within the limits, even if dl received errors about
 * duplicate keys, anchors or tags (so the schema can be checked too);
 * returns NULL when nothing usable could be read.  *bytes (may be NULL)
 * receives the file size.
 */
struct ynode *ytree_load(const char *path, struct diag_list *dl);

/* ytree_load with flags: YTREE_EMPTY_OK makes a file with no document
 * (empty, or only comments) an empty mapping instead of an error. */
#define YTREE_EMPTY_OK 1u
struct ynode *ytree_load_opt(const char *path, struct diag_list *dl, unsigned flags);

/* Parse an in-memory buffer the same way; name is used in messages. */
struct ynode *ytree_parse(const char *name, const char *buf, size_t len,
    struct diag_list *dl);

/* Free a tree (NULL is fine). */
void ynode_free(struct ynode *n);

/* In a mapping, the value for key, or NULL; *keynode gets the key node
 * when keynode is not NULL. */
struct ynode *ynode_get(const struct ynode *map, const char *key,
    const struct ynode **keynode);

/* Whether a plain scalar is a YAML 1.2 core-schema null, bool or number
 * (so a string field can refuse it); NULL when it is a string. */
const char *ynode_plain_type(const struct ynode *n);

#endif
