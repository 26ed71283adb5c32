/* render_doc.c — one record as an <article>: its spans checked, nested and
 * escaped. The side panel and the document list entry are in render_panel.c. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "record.h"
#include "utf8.h"
#include "esc.h"
#include "render_doc.h"
#include "render_int.h"

/* How messages name a span of each kind, before its index. */
static const char *const kind_name[] = {
	[K_SENTENCE] = "sentence", [K_QUOTE] = "quote",
	[K_SPEAKER] = "speaker of quote", [K_CUE] = "cue of quote", [K_ENTITY] = "entity"
};

/* Layers: spans of one layer may not overlap; spans of different layers
 * nest, and are split into pieces where they cross. */
static int layer_of(int kind)
{
	return kind == K_CUE ? K_SPEAKER : kind;
}

void render_msg(struct render *r, const char *fmt, ...)
{
	va_list ap;
	fprintf(r->messages, "zeef render: %s:%ld: ", zeef_esc(r->file), r->line_no);
	if (r->id)
		fprintf(r->messages, "id=%s: ", zeef_esc(r->id));
	va_start(ap, fmt);
	vfprintf(r->messages, fmt, ap);
	va_end(ap);
	fputc('\n', r->messages);
	r->messages_count++;
}

void *render_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 64;
	while (n < need)
		n *= 2;
	p = realloc(p, n * size);
	if (!p) {
		fputs("zeef render: out of memory\n", stderr);
		exit(70);
	}
	*cap = n;
	return p;
}

/* --- code points to bytes ----------------------------------------------- */

static size_t seq_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Byte offset of every 64th code point, so that any offset converts in at
 * most 63 steps; ASCII text (bytes == code points) needs no table. */
static void index_text(struct render *r)
{
	r->len_cp = (int64_t)utf8_count_cp(r->text, r->len);
	if ((size_t)r->len_cp == r->len)
		return;
	size_t n = (size_t)r->len_cp / 64 + 1;
	r->cp_index = render_grow(r->cp_index, &r->cp_index_cap, n, sizeof *r->cp_index);
	size_t b = 0, cp = 0;
	for (size_t i = 0; i < n; i++) {
		r->cp_index[i] = b;
		for (size_t k = 0; k < 64 && cp < (size_t)r->len_cp; k++, cp++)
			b += seq_len((unsigned char)r->text[b]);
	}
}

size_t render_byte_at(const struct render *r, int64_t cp)
{
	if ((size_t)r->len_cp == r->len)
		return (size_t)cp;
	size_t b = r->cp_index[cp >> 6];
	for (int64_t k = cp & 63; k > 0; k--)
		b += seq_len((unsigned char)r->text[b]);
	return b;
}

/* --- reading spans -------------------------------------------------------- */

/* Check span object O, element I of the KIND's array (for speakers and cues:
 * of the quote I). Returns 1 and sets *start, *end when it can be drawn;
 * else reports why and returns 0. A speaker or cue with neither start nor
 * end is not in the text: 0, and nothing to report. */
static int read_span(struct render *r, const zjson *o, int kind, size_t i,
                     int64_t *start, int64_t *end)
{
	const char *what = kind_name[kind];
	int ok_s, ok_e;
	if (zj_type(o) != ZJ_OBJECT) {
		render_msg(r, "%s %zu: not an object; left out", what, i);
		return 0;
	}
	if ((kind == K_SPEAKER || kind == K_CUE) && !zj_get(o, "start") && !zj_get(o, "end"))
		return 0;   /* a speaker known by name only, not in the text */
	int64_t s = zj_intval(zj_get(o, "start"), &ok_s);
	int64_t e = zj_intval(zj_get(o, "end"), &ok_e);
	if (!ok_s || !ok_e) {
		render_msg(r, "%s %zu: %s is not an integer; left out", what, i,
		           ok_s ? "end" : "start");
		return 0;
	}
	if (s < 0) {
		render_msg(r, "%s %zu: start %" PRId64 " is negative; left out",
		           what, i, s);
		return 0;
	}
	if (s >= e) {
		render_msg(r, "%s %zu: start %" PRId64 " is not before end %" PRId64
		           "; left out", what, i, s, e);
		return 0;
	}
	if (e > r->len_cp) {
		render_msg(r, "%s %zu: end %" PRId64 " is past the end of the text"
		           " (%" PRId64 " code points); left out", what, i, e, r->len_cp);
		return 0;
	}
	size_t tlen;
	const char *t = zj_str(zj_get(o, "text"), &tlen);
	if (t) {
		size_t b0 = render_byte_at(r, s), b1 = render_byte_at(r, e);
		if (tlen != b1 - b0 || memcmp(t, r->text + b0, tlen) != 0) {
			render_msg(r, "%s %zu: text differs from the text at [%" PRId64
			           ",%" PRId64 "); left out", what, i, s, e);
			return 0;
		}
	}
	*start = s;
	*end = e;
	return 1;
}

static void add_el(struct render *r, int kind, size_t idx, int64_t s, int64_t e)
{
	r->els = render_grow(r->els, &r->els_cap, r->nels + 1, sizeof *r->els);
	r->els[r->nels++] = (struct el){ .start = s, .end = e, .idx = idx, .kind = kind };
}

/* The label shown beside quote Q: the speaker's name, else the speaker's
 * text, else NULL (no speaker). */
const char *render_speaker_label(const zjson *q, size_t *len)
{
	const zjson *sp = zj_get(q, "speaker");
	const char *s = zj_str(zj_get(sp, "name"), len);
	if (!s || !*len)
		s = zj_str(zj_get(sp, "text"), len);
	return s && *len ? s : NULL;
}

/* Top-level array KEY of REC, or NULL (reported when present but not an
 * array). */
static zjson *span_array(struct render *r, zjson *rec, const char *key)
{
	zjson *a = zj_get(rec, key);
	if (a && zj_type(a) != ZJ_ARRAY && zj_type(a) != ZJ_NULL) {
		render_msg(r, "%s is not an array; left out", key);
		return NULL;
	}
	return a;
}

static void collect(struct render *r, zjson *rec)
{
	zjson *a;
	size_t n;
	int64_t s, e;
	r->nels = 0;

	a = span_array(r, rec, "sentences");
	r->sentences = a;
	n = zj_len(a);
	for (size_t i = 0; i < n; i++)
		if (read_span(r, zj_at(a, i), K_SENTENCE, i, &s, &e))
			add_el(r, K_SENTENCE, i, s, e);

	a = span_array(r, rec, "quotes");
	r->quotes = a;
	n = zj_len(a);
	for (size_t i = 0; i < n; i++) {
		zjson *q = zj_at(a, i);
		if (!read_span(r, q, K_QUOTE, i, &s, &e))
			continue;
		add_el(r, K_QUOTE, i, s, e);
		zjson *sp = zj_get(q, "speaker"), *cue = zj_get(q, "cue");
		if (zj_type(sp) != ZJ_NULL && read_span(r, sp, K_SPEAKER, i, &s, &e))
			add_el(r, K_SPEAKER, i, s, e);
		if (zj_type(cue) != ZJ_NULL && read_span(r, cue, K_CUE, i, &s, &e))
			add_el(r, K_CUE, i, s, e);
	}

	a = span_array(r, rec, "entities");
	r->entities = a;
	n = zj_len(a);
	for (size_t i = 0; i < n; i++)
		if (read_span(r, zj_at(a, i), K_ENTITY, i, &s, &e))
			add_el(r, K_ENTITY, i, s, e);
}

/* Outer spans first: by start, then the longer, then the outer layer. */
static int el_order(const void *pa, const void *pb)
{
	const struct el *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	if (layer_of(a->kind) != layer_of(b->kind))
		return layer_of(a->kind) - layer_of(b->kind);
	if (a->kind != b->kind)
		return a->kind - b->kind;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Leave out every span that overlaps an earlier one of its layer (the same
 * speaker span shared by two quotes is drawn once), and mark the summary's
 * sentences. R->els must be sorted. */
static void drop_overlaps(struct render *r)
{
	int64_t layer_end[K_COUNT] = { 0 };
	size_t layer_last[K_COUNT] = { 0 };
	size_t kept = 0;
	for (size_t i = 0; i < r->nels; i++) {
		struct el *x = &r->els[i];
		int l = layer_of(x->kind);
		if (x->start < layer_end[l]) {
			struct el *p = &r->els[layer_last[l]];
			if (p->kind == x->kind && p->start == x->start && p->end == x->end)
				continue;
			render_msg(r, "%s %zu [%" PRId64 ",%" PRId64 ") overlaps %s %zu [%"
			           PRId64 ",%" PRId64 "); left out", kind_name[x->kind],
			           x->idx, x->start, x->end, kind_name[p->kind], p->idx,
			           p->start, p->end);
			continue;
		}
		layer_end[l] = x->end;
		r->els[kept] = *x;
		layer_last[l] = kept++;
	}
	r->nels = kept;
}

static void mark_summary(struct render *r, zjson *rec)
{
	zjson *summary = zj_get(rec, "summary");
	zjson *pick = zj_get(summary, "sentences");
	if (zj_type(summary) != ZJ_NULL && zj_type(summary) != ZJ_OBJECT)
		render_msg(r, "summary is not an object; left out");
	else if (pick && zj_type(pick) != ZJ_ARRAY)
		render_msg(r, "summary sentences is not an array; left out");
	size_t n = zj_len(pick), nsent = zj_len(r->sentences);
	if (!n || !nsent)
		return;
	r->picked = render_grow(r->picked, &r->picked_cap, nsent, 1);
	memset(r->picked, 0, nsent);
	for (size_t i = 0; i < n; i++) {
		int ok;
		int64_t k = zj_intval(zj_at(pick, i), &ok);
		if (!ok || k < 0 || (size_t)k >= nsent)
			render_msg(r, "summary sentence %zu: not an index into sentences;"
			           " left out", i);
		else
			r->picked[k] = 1;
	}
	for (size_t j = 0; j < r->nels; j++)
		if (r->els[j].kind == K_SENTENCE && r->picked[r->els[j].idx])
			r->els[j].summary = 1;
}

/* --- drawing --------------------------------------------------------------- */

static const char *const known_types[] = { "PER", "LOC", "ORG", "MISC" };

/* The CSS class suffix for an entity type: the type when known, else
 * "other" (types come from the records and are never put in a class). */
const char *render_type_class(const char *type)
{
	for (size_t i = 0; i < sizeof known_types / sizeof *known_types; i++)
		if (type && strcmp(type, known_types[i]) == 0)
			return known_types[i];
	return "other";
}

static void open_tag(struct render *r, const struct el *x, int piece)
{
	FILE *f = r->page;
	const char *cont = piece ? " cont" : "";
	switch (x->kind) {
	case K_SENTENCE:
		fprintf(f, "<span class=\"s%s%s\">", x->summary ? " sum" : "", cont);
		break;
	case K_QUOTE: {
		zjson *q = zj_at(r->quotes, x->idx);
		if (piece) {
			fprintf(f, "<span class=\"q cont\" data-q=\"%zu\">", x->idx);
			break;
		}
		size_t klen, llen;
		const char *kind = zj_str(zj_get(q, "kind"), &klen);
		const char *label = render_speaker_label(q, &llen);
		fprintf(f, "<span class=\"q\" id=\"d%ld-q%zu\" data-q=\"%zu\"",
		        r->ordinal, x->idx, x->idx);
		if (kind) {
			fputs(" title=\"", f);
			render_escape(f, kind, klen);
			fputs(" quote\"", f);
		}
		if (label) {
			fputs("><span class=\"who\">", f);
			render_escape(f, label, llen);
		} else {
			fputs("><span class=\"who none\">unattributed", f);
		}
		fputs("</span>", f);
		break;
	}
	case K_SPEAKER:
	case K_CUE:
		fprintf(f, "<span class=\"%s%s\" data-q=\"%zu\">",
		        x->kind == K_CUE ? "cue" : "spk", cont, x->idx);
		break;
	case K_ENTITY: {
		const char *type = zj_str(zj_get(zj_at(r->entities, x->idx), "type"), NULL);
		fprintf(f, "<mark class=\"e e-%s%s\" data-e=\"%zu\">",
		        render_type_class(type), cont, x->idx);
		break;
	}
	}
}

static void close_tag(struct render *r, const struct el *x, int last)
{
	if (x->kind != K_ENTITY) {
		fputs("</span>", r->page);
		return;
	}
	if (last) {
		size_t tlen;
		const char *type = zj_str(zj_get(zj_at(r->entities, x->idx), "type"), &tlen);
		fputs("<span class=\"t\">", r->page);
		if (type)
			render_escape(r->page, type, tlen);
		fputs("</span>", r->page);
	}
	fputs("</mark>", r->page);
}

static void put_text(struct render *r, int64_t from_cp, int64_t to_cp)
{
	if (to_cp > from_cp) {
		size_t b0 = render_byte_at(r, from_cp), b1 = render_byte_at(r, to_cp);
		render_escape(r->page, r->text + b0, b1 - b0);
	}
}

/* The text with every kept span as an element. Spans of different layers
 * that cross are split: the inner ones are closed and reopened as pieces
 * (class "cont"); an entity's type label goes on its last piece, a quote's
 * speaker label on its first. At most one span per layer is open at once,
 * so the stack holds at most K_COUNT - 1 elements. */
static void draw_text(struct render *r)
{
	size_t stack[K_COUNT], depth = 0, next = 0;
	int64_t at = 0;
	for (;;) {
		/* the next boundary: the nearest end of an open span, or start */
		int64_t p = r->len_cp;
		for (size_t i = 0; i < depth; i++)
			if (r->els[stack[i]].end < p)
				p = r->els[stack[i]].end;
		if (next < r->nels && r->els[next].start < p)
			p = r->els[next].start;
		put_text(r, at, p);
		at = p;
		size_t low = depth;
		for (size_t i = 0; i < depth; i++)
			if (r->els[stack[i]].end == p) {
				low = i;
				break;
			}
		if (low < depth) {
			for (size_t i = depth; i-- > low;)
				close_tag(r, &r->els[stack[i]], r->els[stack[i]].end == p);
			size_t kept = low;
			for (size_t i = low; i < depth; i++)
				if (r->els[stack[i]].end != p) {
					open_tag(r, &r->els[stack[i]], 1);
					stack[kept++] = stack[i];
				}
			depth = kept;
		}
		while (next < r->nels && r->els[next].start == p) {
			open_tag(r, &r->els[next], 0);
			stack[depth++] = next++;
		}
		if (p == r->len_cp && depth == 0 && next == r->nels)
			break;
	}
}

/* --- one record ------------------------------------------------------------- */

int render_record(struct render *r, const char *line, size_t len,
                  const char *file, long line_no)
{
	r->file = file;
	r->line_no = line_no;
	r->id = NULL;
	zjson *rec = zj_parse(line, len);
	if (zj_type(rec) != ZJ_OBJECT) {
		render_msg(r, rec ? "not a JSON object; left out" : "not valid JSON; left out");
		zj_free(rec);
		return 65;
	}
	r->id = zj_str(zj_get(rec, "id"), NULL);
	if (r->id && !utf8_valid(r->id, strlen(r->id)))
		r->id = NULL;
	r->text = zj_str(zj_get(rec, "text"), &r->len);
	if (!r->text || !utf8_valid(r->text, r->len)) {
		render_msg(r, r->text ? "text is not valid UTF-8; left out"
		                      : "no text string; left out");
		zj_free(rec);
		return 65;
	}
	r->ordinal++;
	index_text(r);
	collect(r, rec);
	if (r->nels)
		qsort(r->els, r->nels, sizeof *r->els, el_order);
	drop_overlaps(r);
	mark_summary(r, rec);

	FILE *f = r->page;
	fprintf(f, "<article class=\"doc\" id=\"d%ld\">\n<header><h2>", r->ordinal);
	if (r->id)
		render_escape(f, r->id, strlen(r->id));
	else
		render_escape(f, file, strlen(file)), fprintf(f, ":%ld", line_no);
	fputs("</h2>", f);
	render_counts(r);
	fputs("</header>\n<div class=\"cols\"><div class=\"text\">", f);
	draw_text(r);
	fputs("</div>\n", f);
	render_panel(r, rec);
	fputs("</div>\n</article>\n", f);
	render_list_entry(r);
	zj_free(rec);
	return 0;
}
