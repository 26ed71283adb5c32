/* spans.c — see spans.h. */
#include "spans.h"

#include <stdlib.h>
#include <string.h>
#include "filter.h"
#include "grow.h"
#include "json_scan.h"
#include "utf8.h"

/* Walks code points forward over valid UTF-8, giving the byte offset of each
 * code-point offset asked for, in non-decreasing order. */
struct cp_walk {
	const char *text;
	size_t len, byte, cp;
};

static size_t walk_to(struct cp_walk *w, size_t cp)
{
	while (w->cp < cp && w->byte < w->len) {
		if (cp - w->cp >= 8 && w->len - w->byte >= 8) {
			uint64_t x;   /* eight ASCII bytes are eight code points */
			memcpy(&x, w->text + w->byte, 8);
			if (!(x & 0x8080808080808080ULL)) {
				w->byte += 8;
				w->cp += 8;
				continue;
			}
		}
		w->byte++;
		while (w->byte < w->len && ((unsigned char)w->text[w->byte] & 0xC0) == 0x80)
			w->byte++;
		w->cp++;
	}
	return w->byte;
}

/* Ends that come out of order (a span inside another): their byte offsets
 * by one sorted walk, so that no order of spans costs more than
 * n log n + the text. */
struct end_ref {
	size_t cp, index;
};

static int by_cp(const void *a, const void *b)
{
	const struct end_ref *x = a, *y = b;
	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

static void ends_by_sorting(struct field_span *s, size_t n, const char *text, size_t len)
{
	struct end_ref *refs = malloc((n ? n : 1) * sizeof *refs);
	if (!refs)
		filter_out_of_memory();
	for (size_t i = 0; i < n; i++)
		refs[i] = (struct end_ref){s[i].end, i};
	qsort(refs, n, sizeof *refs, by_cp);
	struct cp_walk w = {text, len, 0, 0};
	for (size_t i = 0; i < n; i++)
		s[refs[i].index].end_byte = walk_to(&w, refs[i].cp);
	free(refs);
}

/* One span object: its members, the last occurrence of each taken. */
static int read_span(struct zj_view o, struct field_span *s)
{
	struct json_iter it;
	struct zj_view k, v;
	int64_t start = -1, end = -1, n;

	if (json_first(o) != '{')
		return -1;
	s->sentence = -1;
	s->type = NULL;
	s->type_len = 0;
	json_iter_init(&it, o);
	while (json_next_member(&it, &k, &v)) {
		if (k.len == 5 && memcmp(k.json, "start", 5) == 0)
			start = json_int(v, &n) ? n : -2;
		else if (k.len == 3 && memcmp(k.json, "end", 3) == 0)
			end = json_int(v, &n) ? n : -2;
		else if (k.len == 8 && memcmp(k.json, "sentence", 8) == 0)
			s->sentence = json_int(v, &n) && n >= 0 ? n : -1;
		else if (k.len == 4 && memcmp(k.json, "type", 4) == 0 && json_first(v) == '"') {
			s->type = v.json + 1;
			s->type_len = v.len - 2;
		}
	}
	if (start < 0 || end < start)
		return -1;
	s->start = (size_t)start;
	s->end = (size_t)end;
	return 0;
}

long spans_from_record(struct record *r, const char *field, const char *item,
                       const char *stage, struct field_span **spans, size_t *cap)
{
	struct zj_view f, o;
	struct json_iter it;

	if (!record_view(r, field, &f) || json_first(f) == 'n')
		return 0;
	if (json_first(f) != '[') {
		record_error(r, "\"%s\" is not an array (run %s to make it)", field, stage);
		return -1;
	}
	size_t len;
	const char *text = record_text(r, &len);
	if (!text) {
		text = "";
		len = 0;
	}
	size_t ncp = utf8_count_cp(text, len), n = 0;
	struct cp_walk starts = {text, len, 0, 0}, ends = starts;
	int ends_in_order = 1;

	json_iter_init(&it, f);
	while (json_next_element(&it, &o)) {
		if (grow_array((void **)spans, cap, n + 1, sizeof **spans) != 0)
			filter_out_of_memory();
		struct field_span *s = &(*spans)[n];
		if (read_span(o, s) != 0 || s->end > ncp) {
			record_error(r, "%s %zu: needs integer \"start\" <= \"end\" within the text "
			             "(code points)", item, n);
			return -1;
		}
		if (n > 0 && s->start < (*spans)[n - 1].start) {
			record_error(r, "%s %zu: starts at %zu, before %s %zu (%zu): %s must be in text "
			             "order", item, n, s->start, item, n - 1, (*spans)[n - 1].start, field);
			return -1;
		}
		s->start_byte = walk_to(&starts, s->start);
		if (ends_in_order && s->end >= ends.cp)
			s->end_byte = walk_to(&ends, s->end);
		else
			ends_in_order = 0;
		n++;
	}
	if (!ends_in_order)
		ends_by_sorting(*spans, n, text, len);
	return (long)n;
}

int span_type_is(const struct field_span *s, const char *type)
{
	size_t n = strlen(type);
	return s->type && s->type_len == n && memcmp(s->type, type, n) == 0;
}
