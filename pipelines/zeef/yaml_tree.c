/* yaml_tree.c — a pipeline file's YAML as a small tree with positions.
 *
 * libyaml's event parser is used (not its document loader) so that anchors
 * and aliases can be refused before anything is expanded, and so that every
 * node keeps the mark where it starts. Limits: ZEEF_MAX_* in pipeline.h and
 * YTREE_MAX_DEPTH / YTREE_MAX_NODES below.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "esc.h"
#include "yaml_tree.h"
#include "pipeline.h"

#define YTREE_MAX_DEPTH 16
#define YTREE_MAX_NODES 200000

struct ytree_state {
	yaml_parser_t parser;
	const char *text;     /* the whole input, LEN bytes */
	size_t len;
	const char *file;
	FILE *err;
	long nodes;
	int failed;
};

/* "FILE:LINE:COL: MSG[: DETAIL]". DETAIL is libyaml's own wording, never
 * text from the file: a file that is not a pipeline at all (a password
 * file, a key) must not have its lines echoed into a log. */
static void perr(struct ytree_state *st, yaml_mark_t m, const char *msg, const char *detail)
{
	fprintf(st->err, "%s:%lu:%lu: %s%s%s\n", zeef_esc(st->file), (unsigned long)m.line + 1,
	        (unsigned long)m.column + 1, msg, detail ? ": " : "", detail ? detail : "");
	st->failed = 1;
}

/* A syntax error that a tab in the indentation causes: libyaml says
 * "found a tab character that violates indentation", or "found character
 * that cannot start any token" at the tab. *TAB is where the tab is: at M,
 * or the first one in the leading blanks of M's line. */
static int tab_at(const struct ytree_state *st, const char *problem, yaml_mark_t m, yaml_mark_t *tab)
{
	if (!problem || m.index > st->len ||
	    (!strstr(problem, "tab character") && !strstr(problem, "cannot start any token")))
		return 0;
	*tab = m;
	if (m.index < st->len && st->text[m.index] == '\t')
		return 1;
	size_t line_start = m.index;
	while (line_start > 0 && st->text[line_start - 1] != '\n')
		line_start--;
	for (size_t i = line_start; i < st->len && (st->text[i] == ' ' || st->text[i] == '\t'); i++)
		if (st->text[i] == '\t') {
			tab->index = i;
			tab->column = i - line_start;
			return 1;
		}
	return 0;
}

static int next_event(struct ytree_state *st, yaml_event_t *ev)
{
	if (yaml_parser_parse(&st->parser, ev))
		return 0;
	yaml_parser_t *p = &st->parser;
	const char *what = p->error == YAML_MEMORY_ERROR ? "out of memory" : "YAML syntax error";
	if (p->error == YAML_READER_ERROR) {
		/* the reader gives a byte offset, not a mark: count lines up to it */
		yaml_mark_t m = { 0, 0, 0 };
		for (size_t i = 0; i < p->problem_offset && i < st->len; i++) {
			if (st->text[i] == '\n') {
				m.line++;
				m.column = 0;
			} else if (((unsigned char)st->text[i] & 0xC0) != 0x80)
				m.column++;
		}
		perr(st, m, "not valid UTF-8 text", p->problem ? p->problem : NULL);
		return -1;
	}
	yaml_mark_t tab;
	if (tab_at(st, p->problem, p->problem_mark, &tab)) {
		perr(st, tab, "tabs are not allowed for indentation in YAML; use spaces", NULL);
		return -1;
	}
	char detail[512];
	if (p->context)
		snprintf(detail, sizeof detail, "%s %s (line %lu)", p->problem ? p->problem : "?",
		         p->context, (unsigned long)p->context_mark.line + 1);
	else
		snprintf(detail, sizeof detail, "%s", p->problem ? p->problem : "?");
	perr(st, p->problem_mark, what, detail);
	return -1;
}

static struct ynode *node_new(struct ytree_state *st, enum ynode_kind kind, yaml_mark_t m)
{
	if (++st->nodes > YTREE_MAX_NODES) {
		perr(st, m, "too many YAML nodes for a pipeline", NULL);
		return NULL;
	}
	struct ynode *n = calloc(1, sizeof *n);
	if (!n) {
		perr(st, m, "out of memory", NULL);
		return NULL;
	}
	n->kind = kind;
	n->line = (int)m.line + 1;
	n->col = (int)m.column + 1;
	return n;
}

static int node_push(struct ytree_state *st, struct ynode *parent, struct ynode *kid, yaml_mark_t m)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 8;
		struct ynode **k = realloc(parent->kids, cap * sizeof *k);
		if (!k) {
			perr(st, m, "out of memory", NULL);
			return -1;
		}
		parent->kids = k;
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
	return 0;
}

/* Refuse anchors and explicit tags on the node that EV starts. */
static int check_decorations(struct ytree_state *st, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	int implicit = 1;
	if (ev->type == YAML_SCALAR_EVENT) {
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		implicit = ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		implicit = ev->data.sequence_start.implicit;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		implicit = ev->data.mapping_start.implicit;
	}
	if (anchor) {
		perr(st, ev->start_mark, "anchors (&NAME) are not allowed in a pipeline", NULL);
		return -1;
	}
	if (tag && !implicit) {
		perr(st, ev->start_mark, "tags (!TAG) are not allowed in a pipeline", NULL);
		return -1;
	}
	return 0;
}

/* Build the node that event EV starts (EV is consumed). */
static struct ynode *parse_node(struct ytree_state *st, yaml_event_t *ev, int depth)
{
	struct ynode *n = NULL;
	if (ev->type == YAML_ALIAS_EVENT) {
		perr(st, ev->start_mark, "aliases (*NAME) are not allowed in a pipeline", NULL);
		yaml_event_delete(ev);
		return NULL;
	}
	if (check_decorations(st, ev)) {
		yaml_event_delete(ev);
		return NULL;
	}
	if (depth > YTREE_MAX_DEPTH) {
		perr(st, ev->start_mark, "nested too deeply for a pipeline", NULL);
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > ZEEF_MAX_SCALAR_BYTES) {
			perr(st, ev->start_mark, "value too long for a pipeline", NULL);
			break;
		}
		/* "\0" in a quoted string: a C string (an argument, a variable)
		 * would end there, and the stage would run with less than written */
		if (memchr(ev->data.scalar.value, 0, ev->data.scalar.length)) {
			perr(st, ev->start_mark, "a NUL character (\\0) cannot be part of a program's "
			     "argument, name or environment", NULL);
			break;
		}
		if ((n = node_new(st, YN_SCALAR, ev->start_mark))) {
			n->len = ev->data.scalar.length;
			n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->text = malloc(n->len + 1);
			if (!n->text) {
				perr(st, ev->start_mark, "out of memory", NULL);
				free(n);
				n = NULL;
				break;
			}
			memcpy(n->text, ev->data.scalar.value, n->len);
			n->text[n->len] = 0;
		}
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int seq = ev->type == YAML_SEQUENCE_START_EVENT;
		yaml_event_type_t end = seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
		if (!(n = node_new(st, seq ? YN_SEQ : YN_MAP, ev->start_mark)))
			break;
		for (;;) {
			yaml_event_t kid_ev;
			if (next_event(st, &kid_ev)) {
				zeef_ytree_free(n);
				n = NULL;
				break;
			}
			if (kid_ev.type == end) {
				yaml_event_delete(&kid_ev);
				break;
			}
			yaml_mark_t m = kid_ev.start_mark;
			struct ynode *kid = parse_node(st, &kid_ev, depth + 1);
			if (!kid || node_push(st, n, kid, m)) {
				zeef_ytree_free(kid);
				zeef_ytree_free(n);
				n = NULL;
				break;
			}
		}
		break;
	}
	default:
		perr(st, ev->start_mark, "unexpected YAML event", NULL);
		break;
	}
	yaml_event_delete(ev);
	return n;
}

struct ynode *zeef_ytree_parse(const char *file, const char *text, size_t len, FILE *err)
{
	struct ytree_state st = { .file = file, .err = err, .text = text, .len = len };
	struct ynode *root = NULL;
	yaml_event_t ev;
	int stage = 0; /* 0 before the document, 1 after its root, 2 done */

	if (!yaml_parser_initialize(&st.parser)) {
		fprintf(err, "%s: out of memory\n", file);
		return NULL;
	}
	yaml_parser_set_input_string(&st.parser, (const unsigned char *)text, len);
	while (stage < 2 && !st.failed) {
		if (next_event(&st, &ev))
			break;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (root || stage)
				perr(&st, ev.start_mark, "a pipeline file holds one YAML document", NULL);
			yaml_event_delete(&ev);
			break;
		case YAML_STREAM_END_EVENT:
			if (!root && !st.failed)
				perr(&st, ev.start_mark, "empty pipeline file", NULL);
			stage = 2;
			yaml_event_delete(&ev);
			break;
		default:
			root = parse_node(&st, &ev, 0);
			stage = 1;
			break;
		}
	}
	yaml_parser_delete(&st.parser);
	if (st.failed) {
		zeef_ytree_free(root);
		return NULL;
	}
	return root;
}

void zeef_ytree_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		zeef_ytree_free(n->kids[i]);
	free(n->kids);
	free(n->text);
	free(n);
}

int zeef_ytree_is_null(const struct ynode *n)
{
	if (!n || n->kind != YN_SCALAR || !n->plain)
		return 0;
	return !strcmp(n->text, "") || !strcmp(n->text, "~") || !strcmp(n->text, "null") ||
	       !strcmp(n->text, "Null") || !strcmp(n->text, "NULL");
}

const char *zeef_ytree_kind_name(const struct ynode *n)
{
	if (zeef_ytree_is_null(n))
		return "nothing";
	switch (n->kind) {
	case YN_SCALAR: return "a scalar";
	case YN_SEQ: return "a list";
	default: return "a mapping";
	}
}
