/* yaml_tree.h — YAML text to a tree of scalars, lists and mappings, each
 * node with its 1-based line and column. Used by pipeline.c only.
 *
 * Refused with a "FILE:LINE:COL: …" message: syntax errors, anchors, aliases,
 * explicit tags, several documents, an empty file, nesting deeper than 16,
 * more than 200000 nodes, one value over ZEEF_MAX_SCALAR_BYTES.
 */
#ifndef ZEEF_YAML_TREE_H
#define ZEEF_YAML_TREE_H

#include <stddef.h>
#include <stdio.h>

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
	enum ynode_kind kind;
	int line, col;        /* where the node starts, 1-based */
	char *text;           /* scalar: its value, NUL-terminated (owned) */
	size_t len;           /* scalar: bytes */
	int plain;            /* scalar: written without quotes */
	struct ynode **kids;  /* list: items; mapping: key, value, key, value… */
	size_t n, cap;
};

/* Parse LEN bytes of YAML; messages name FILE. NULL after printing every
 * problem on ERR. The caller frees the tree with zeef_ytree_free. */
struct ynode *zeef_ytree_parse(const char *file, const char *text, size_t len, FILE *err);
void zeef_ytree_free(struct ynode *n);

/* 1 when N is a plain empty, "~" or "null" scalar. */
int zeef_ytree_is_null(const struct ynode *n);
/* "a scalar", "a list", "a mapping" or "nothing", for messages. */
const char *zeef_ytree_kind_name(const struct ynode *n);

#endif
