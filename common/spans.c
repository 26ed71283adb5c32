/* spans.c — see spans.h. One pass over the field's JSON text: each span
 * object's members are read where they lie (integers parsed in place, the
 * values of other members skipped), and code-point offsets become byte
 * offsets by two walkers over the text that hand each other their place,
 * so that spans in text order cost one walk over the text in all. */
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

/* W past N bytes in which STARTS code points start, and past the
 * continuation bytes of the last one. */
static inline void walk_past(struct cp_walk *w, size_t n, size_t starts)
{
	w->byte += n;
	w->cp += starts;
	while (w->byte < w->len && ((unsigned char)w->text[w->byte] & 0xC0) == 0x80)
		w->byte++;
}

/* Move W to code point CP, or to the end of the text when CP is past it
 * (then W->cp < CP). When OTHER (a walker over the same text, or NULL)
 * already stands between W and CP, W starts from there. */
static size_t walk_to(struct cp_walk *w, const struct cp_walk *other, size_t cp)
{
	if (other && other->cp <= cp && other->cp > w->cp) {
		w->cp = other->cp;
		w->byte = other->byte;
	}
	/* sixteen bytes at a time where SSE2 is, else eight, while the code
	 * points that start in them (the bytes that are not 10xxxxxx) do not
	 * take W past CP; ASCII by one test; then one at a time */
	while (w->cp < cp && w->byte < w->len) {
#ifdef UTF8_SSE2
		if (cp - w->cp >= 16 && w->len - w->byte >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(w->text + w->byte));
			if (!_mm_movemask_epi8(x)) {
				w->byte += 16;   /* ASCII: nothing continues after it */
				w->cp += 16;
				continue;
			}
			size_t starts = 16 - mask16_count(utf8_cont16(x));
			if (starts <= cp - w->cp) {
				walk_past(w, 16, starts);
				continue;
			}
		}
#endif
		if (cp - w->cp >= 8 && w->len - w->byte >= 8) {
			uint64_t x;
			memcpy(&x, w->text + w->byte, 8);
			if (!(x & 0x8080808080808080ULL)) {
				w->byte += 8;
				w->cp += 8;
				continue;
			}
			size_t starts = utf8_starts8(x);
			if (starts <= cp - w->cp) {
				walk_past(w, 8, starts);
				continue;
			}
		}
		walk_past(w, 1, 1);
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
		s[refs[i].index].end_byte = walk_to(&w, NULL, refs[i].cp);
	free(refs);
}

/* --- reading validated JSON text in place ------------------------------- */

/* An integer value at P (json_int's rule: no fraction or exponent, fits in
 * 64 bits): *OUT set and 1, else 0. *NEXT is set after the number either
 * way; P must start a number. */
static inline int read_int(const char *p, const char *end, const char **next, int64_t *out)
{
	int neg = *p == '-', ok = 1;
	uint64_t n = 0;

	p += neg;
	const char *digits = p;
	for (; p < end && (unsigned)(*p - '0') < 10; p++)
		n = n * 10 + (unsigned)(*p - '0');
	if (p - digits > 19) {
		/* 20 digits or more may not fit: again, with the check (19
		 * never overflow) */
		n = 0;
		for (const char *q = digits; q < p; q++) {
			unsigned d = (unsigned)(*q - '0');
			if (n > (UINT64_MAX - d) / 10)
				ok = 0;
			n = n * 10 + d;
		}
	}
	if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) {
		ok = 0;   /* a fraction or an exponent */
		while (p < end && (*p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-' ||
		                   (unsigned)(*p - '0') < 10))
			p++;
	}
	*next = p;
	if (!ok || (neg ? n > (uint64_t)INT64_MAX + 1 : n > (uint64_t)INT64_MAX))
		return 0;
	*out = neg ? (int64_t)(0 - n) : (int64_t)n;
	return 1;
}

/* The span objects Zeef writes: {"start":S,"end":E} with, in this order,
 * any of "text" and "type" (strings) and "sentence" (N), each once, no
 * white space, S <= E and N not negative; read without looking the keys
 * up. 1 when the object at P is one (then *NEXT and S are set as read_span
 * sets them), else 0: read_span reads it from the start. */
static int read_span_compact(const char *p, const char *end, const char **next,
                             struct field_span *s)
{
	int64_t start, stop, n;
	if (end - p < 16 || memcmp(p, "{\"start\":", 9) != 0)
		return 0;
	p += 9;
	if ((unsigned)(*p - '0') >= 10 || !read_int(p, end, &p, &start) || end - p < 8 ||
	    memcmp(p, ",\"end\":", 7) != 0)
		return 0;
	p += 7;
	if ((unsigned)(*p - '0') >= 10 || !read_int(p, end, &p, &stop) || stop < start)
		return 0;
	s->sentence = -1;
	s->type = NULL;
	s->type_len = 0;
	if (end - p > 9 && memcmp(p, ",\"text\":\"", 9) == 0)
		p = json_skip(p + 8, end);
	if (end - p > 9 && memcmp(p, ",\"type\":\"", 9) == 0) {
		const char *v = p + 8;
		p = json_skip(v, end);
		s->type = v + 1;
		s->type_len = (size_t)(p - v) - 2;
	}
	if (end - p > 12 && memcmp(p, ",\"sentence\":", 12) == 0) {
		p += 12;
		if ((unsigned)(*p - '0') >= 10 || !read_int(p, end, &p, &n))
			return 0;
		s->sentence = n;
	}
	if (p >= end || *p != '}')
		return 0;
	*next = p + 1;
	s->start = (size_t)start;
	s->end = (size_t)stop;
	return 1;
}

/* One span object at P ('{'), its members read in one pass, the last
 * occurrence of each taken; *NEXT after its '}'. -1 when it is no object or
 * lacks integer start <= end. */
static int read_span(const char *p, const char *end, const char **next, struct field_span *s)
{
	int64_t start = -1, stop = -1, n;

	if (read_span_compact(p, end, next, s))
		return 0;

	s->sentence = -1;
	s->type = NULL;
	s->type_len = 0;
	if (p >= end || *p != '{') {
		*next = json_skip(p, end);
		return -1;
	}
	p = json_skip_space(p + 1, end);
	while (p < end && *p == '"') {
		const char *k = p + 1, *ke = json_string_run(k, end);
		if (ke < end && *ke != '"')
			ke = json_skip(p, end) - 1;   /* an escape in the key */
		if (ke >= end)
			break;   /* validated text always has the key's end, ':' and a value */
		size_t klen = (size_t)(ke - k);
		p = json_skip_space(ke + 1, end);
		if (p >= end)
			break;
		p = json_skip_space(p + 1, end);   /* the ':' */
		int number = p < end && (*p == '-' || (unsigned)(*p - '0') < 10);
		int64_t *slot = NULL;
		if (klen == 5 && memcmp(k, "start", 5) == 0)
			slot = &start;
		else if (klen == 3 && memcmp(k, "end", 3) == 0)
			slot = &stop;
		if (slot || (klen == 8 && memcmp(k, "sentence", 8) == 0)) {
			int is_int = number && read_int(p, end, &p, &n);
			if (!number)
				p = json_skip(p, end);
			if (slot)
				*slot = is_int ? n : -2;
			else
				s->sentence = is_int && n >= 0 ? n : -1;
		} else {
			const char *v = p;
			p = json_skip(p, end);
			if (klen == 4 && memcmp(k, "type", 4) == 0 && *v == '"') {
				s->type = v + 1;
				s->type_len = (size_t)(p - v) - 2;
			}
		}
		p = json_skip_space(p, end);
		if (p < end && *p == ',')
			p = json_skip_space(p + 1, end);
	}
	*next = p < end ? p + 1 : end;   /* the '}' */
	if (start < 0 || stop < start)
		return -1;
	s->start = (size_t)start;
	s->end = (size_t)stop;
	return 0;
}

/* spans_from_record, and spans_from_record_cp when TEXT_CP is not
 * SIZE_MAX: then no walk over the text, "end" checked against TEXT_CP. */
static long read_spans(struct record *r, const char *field, const char *item,
                       const char *stage, struct field_span **spans, size_t *cap,
                       size_t text_cp)
{
	struct zj_view f;

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
	/* STARTS stands at the last span's start; ENDS at the greatest end so
	 * far, which is thereby known to lie within the text. */
	struct cp_walk starts = {text, len, 0, 0}, ends = starts;
	int ends_in_order = 1;
	size_t n = 0;
	const char *p = json_skip_space(f.json + 1, f.json + f.len), *end = f.json + f.len;

	while (p < end && *p != ']') {
		if (grow_array((void **)spans, cap, n + 1, sizeof **spans) != 0)
			filter_out_of_memory();
		struct field_span *s = &(*spans)[n];
		int bad = read_span(p, end, &p, s) != 0;
		if (!bad && text_cp != SIZE_MAX) {
			s->start_byte = s->end_byte = 0;
			bad = s->end > text_cp;
		} else if (!bad) {
			s->start_byte = walk_to(&starts, &ends, s->start);
			if (s->end >= ends.cp) {
				walk_to(&ends, &starts, s->end);
				bad = ends.cp < s->end;   /* past the end of the text */
			}
		}
		if (bad) {
			record_error(r, "%s %zu: needs integer \"start\" <= \"end\" within the text "
			             "(code points)", item, n);
			return -1;
		}
		if (n > 0 && s->start < (*spans)[n - 1].start) {
			record_error(r, "%s %zu: starts at %zu, before %s %zu (%zu): %s must be in text "
			             "order", item, n, s->start, item, n - 1, (*spans)[n - 1].start, field);
			return -1;
		}
		if (text_cp != SIZE_MAX)
			;
		else if (ends.cp == s->end)
			s->end_byte = ends.byte;
		else
			ends_in_order = 0;
		n++;
		p = json_skip_space(p, end);
		if (p < end && *p == ',')
			p = json_skip_space(p + 1, end);
	}
	if (!ends_in_order)
		ends_by_sorting(*spans, n, text, len);
	return (long)n;
}

long spans_from_record(struct record *r, const char *field, const char *item,
                       const char *stage, struct field_span **spans, size_t *cap)
{
	return read_spans(r, field, item, stage, spans, cap, SIZE_MAX);
}

long spans_from_record_cp(struct record *r, const char *field, const char *item,
                          const char *stage, struct field_span **spans, size_t *cap,
                          size_t text_cp)
{
	return read_spans(r, field, item, stage, spans, cap, text_cp == SIZE_MAX ? SIZE_MAX - 1 : text_cp);
}

int span_type_is(const struct field_span *s, const char *type)
{
	size_t n = strlen(type);
	return s->type && s->type_len == n && memcmp(s->type, type, n) == 0;
}
