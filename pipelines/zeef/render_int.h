/* render_int.h — what the files of `zeef render` share (not for callers:
 * they use render_doc.h). Offsets are code points, lengths bytes. */
#ifndef ZEEF_RENDER_INT_H
#define ZEEF_RENDER_INT_H

#include <stdint.h>
#include <stdio.h>
#include "record.h"

/* Kinds of span, also their layers (a cue shares the speaker's layer). */
enum { K_SENTENCE, K_QUOTE, K_SPEAKER, K_CUE, K_ENTITY, K_COUNT };

/* One span to draw: KIND's element IDX of the record (for speakers and
 * cues: of quote IDX). */
struct el {
	int64_t start, end;   /* code points, start < end <= text length */
	size_t idx;
	int kind;
	int summary;          /* sentences: picked by the summary */
};

/* A quote or an entity in the side panel, grouped by KEY (+ KEY2). */
struct panel_item {
	const char *key, *key2;   /* NULL sorts last */
	size_t key_len, key2_len;
	int64_t start, end;
	size_t idx;
};
struct panel_group {
	size_t first, n;          /* items[first .. first + n) */
};

struct render {
	FILE *page, *messages;
	const char *title;     /* the caller's */
	FILE *list;            /* temporary file: the document list so far */
	long ordinal;          /* documents drawn so far (the current one) */
	long messages_count;

	/* the current record (borrowed from its JSON) */
	const char *file, *id;
	long line_no;
	const char *text;
	size_t len;
	int64_t len_cp;
	zjson *sentences, *quotes, *entities;

	/* reused from record to record */
	size_t *cp_index;      /* byte offset of code point 64*i */
	size_t cp_index_cap;
	struct el *els;        /* kept spans, sorted outer first */
	size_t nels, els_cap;
	unsigned char *picked;  /* per sentence: in the summary */
	size_t picked_cap;
	size_t count[K_COUNT]; /* kept spans by kind */
	struct panel_item *items;  /* the side panel's scratch */
	size_t items_cap;
	struct panel_group *groups;
	size_t groups_cap;
};

/* Make room for NEED elements of SIZE bytes in P (capacity *CAP, doubled as
 * needed); exits 70 when out of memory. */
void *render_grow(void *p, size_t *cap, size_t need, size_t size);
/* Print "zeef render: FILE:LINE: id=ID: MESSAGE" for the current record. */
void render_msg(struct render *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Byte offset of code point CP (0 <= CP <= len_cp) of the current text. */
size_t render_byte_at(const struct render *r, int64_t cp);
/* Quote Q's speaker label (name, else text; NULL if none), borrowed. */
const char *render_speaker_label(const zjson *q, size_t *len);
/* "PER", "LOC", "ORG", "MISC" for those types, else "other". */
const char *render_type_class(const char *type);

/* render_panel.c: the counts line in the document's header, the side
 * panel, and the document's entry in R->list. */
void render_counts(struct render *r);
void render_panel(struct render *r, zjson *rec);
void render_list_entry(struct render *r);

#endif
