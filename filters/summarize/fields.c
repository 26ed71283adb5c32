/* fields.c — "entities" and "quotes" read, checked and turned into
 * per-sentence figures in linear time (fields.h). */
#include <string.h>
#include "fields.h"
#include "filter.h"
#include "utf8.h"

void fields_sentences(struct field_sentences *s, const char *text, size_t len,
                      const struct sentence_span *spans, size_t n)
{
	struct cp_cursor c;
	cp_cursor_init(&c, text);
	for (size_t k = 0; k < n; k++) {   /* spans are in text order */
		s->start[k] = cp_cursor_at(&c, spans[k].start);
		s->end[k] = cp_cursor_at(&c, spans[k].end);
	}
	s->n = n;
	s->ncp = cp_cursor_at(&c, len);
}

/* Element I of FIELD: an object whose "start" and "end" are integers with
 * 0 <= start <= end <= NCP, and start >= *PREV (the previous start, which
 * is updated). Returns 0, or record_error's code. */
static int span_of(struct record *r, const char *field, zjson *o, size_t i, size_t ncp,
                   size_t *prev, size_t *start, size_t *end)
{
	int ok1 = 0, ok2 = 0;
	if (zj_type(o) != ZJ_OBJECT)
		return record_error(r, "\"%s\" element %zu is not an object", field, i);
	int64_t a = zj_intval(zj_get(o, "start"), &ok1);
	int64_t b = zj_intval(zj_get(o, "end"), &ok2);
	if (!ok1 || !ok2 || a < 0 || b < a || (uint64_t)b > ncp)
		return record_error(r, "\"%s\" element %zu needs integer \"start\" <= \"end\" "
		                    "within the text (%zu code points)", field, i, ncp);
	if ((size_t)a < *prev)
		return record_error(r, "\"%s\" element %zu starts at %lld, before element %zu "
		                    "(%zu): the elements must be in text order",
		                    field, i, (long long)a, i - 1, *prev);
	*prev = *start = (size_t)a;
	*end = (size_t)b;
	return 0;
}

int fields_entities(struct record *r, const struct field_sentences *s,
                    unsigned *per_sentence)
{
	zjson *f = record_get(r, "entities");
	if (!f)
		return 0;
	if (zj_type(f) != ZJ_ARRAY)
		return record_error(r, "\"entities\" is not an array (run tag-entities to make it)");
	memset(per_sentence, 0, s->n * sizeof *per_sentence);
	size_t prev = 0, k = 0;
	for (size_t i = 0, m = zj_len(f); i < m; i++) {
		zjson *o = zj_at(f, i);
		size_t a, b;
		int rc = span_of(r, "entities", o, i, s->ncp, &prev, &a, &b);
		if (rc)
			return rc;
		zjson *sv = zj_get(o, "sentence");
		if (sv) {
			int ok = 0;
			int64_t j = zj_intval(sv, &ok);
			if (!ok || j < 0 || (uint64_t)j >= s->n)
				return record_error(r, "\"entities\" element %zu: \"sentence\" is not "
				                    "the index of one of the %zu sentences", i, s->n);
		}
		while (k < s->n && s->end[k] <= a)   /* starts are in order */
			k++;
		if (k < s->n && s->start[k] <= a)
			per_sentence[k]++;
	}
	return 1;
}

/* Add the quoted stretch [A, B) to the sentences from *K on; moves *K past
 * the sentences that end inside it. */
static void cover(const struct field_sentences *s, size_t a, size_t b, size_t *k, float *share)
{
	while (*k < s->n && s->end[*k] <= a)
		(*k)++;
	for (size_t j = *k; j < s->n && s->start[j] < b; j++) {
		size_t lo = s->start[j] > a ? s->start[j] : a;
		size_t hi = s->end[j] < b ? s->end[j] : b;
		if (hi > lo)
			share[j] += (float)(hi - lo) / (float)(s->end[j] - s->start[j]);
		if (s->end[j] <= b)
			*k = j + 1;
	}
}

int fields_quotes(struct record *r, const struct field_sentences *s, float *share)
{
	zjson *f = record_get(r, "quotes");
	if (!f)
		return 0;
	if (zj_type(f) != ZJ_ARRAY)
		return record_error(r, "\"quotes\" is not an array (run extract-quotes to make it)");
	for (size_t k = 0; k < s->n; k++)
		share[k] = 0;
	/* The quotations are in order of start: their union is built as it
	 * comes, and each stretch of it is added to the sentences it covers. */
	size_t prev = 0, k = 0, ua = 0, ub = 0;
	int open = 0;
	for (size_t i = 0, m = zj_len(f); i < m; i++) {
		size_t a, b;
		int rc = span_of(r, "quotes", zj_at(f, i), i, s->ncp, &prev, &a, &b);
		if (rc)
			return rc;
		if (a == b)
			continue;
		if (open && a <= ub) {
			if (b > ub)
				ub = b;
			continue;
		}
		if (open)
			cover(s, ua, ub, &k, share);
		ua = a, ub = b, open = 1;
	}
	if (open)
		cover(s, ua, ub, &k, share);
	for (size_t j = 0; j < s->n; j++)
		if (share[j] > 1)
			share[j] = 1;
	return 1;
}
