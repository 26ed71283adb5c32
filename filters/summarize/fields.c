/* fields.c — "entities" and "quotes" read and checked by common/spans.h
 * (one scan of the field's JSON, byte offsets found in one walk of the
 * text) and turned into per-sentence figures in linear time (fields.h). */
#include <stdlib.h>
#include "fields.h"
#include "filter.h"
#include "json_scan.h"
#include "spans.h"
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

/* The spans of the field being read: one array for the records and fields
 * in turn (each field is done with before the next is read), given back
 * after an unusually large one. */
static struct field_span *field_buf;
static size_t field_cap;

static void field_done(void)
{
	if (field_cap > ((size_t)1 << 16)) {
		free(field_buf);
		field_buf = NULL;
		field_cap = 0;
	}
}

/* FIELD's spans, checked (spans.h) against the text's TEXT_CP code points
 * (only code points are used here: no walk over the text), into field_buf
 * (*SPANS); *N their count. Returns 1 when read, 0 when absent,
 * EXIT_DATAERR when malformed (record_error called). */
static int read_field(struct record *r, const char *field, const char *item,
                      const char *stage, size_t text_cp, struct field_span **spans, size_t *n)
{
	struct zj_view v;
	*spans = NULL;
	*n = 0;
	if (!record_view(r, field, &v) || json_first(v) == 'n')   /* absent or null */
		return 0;
	long got = spans_from_record_cp(r, field, item, stage, &field_buf, &field_cap, text_cp);
	*spans = field_buf;
	if (got < 0)
		return EXIT_DATAERR;
	*n = (size_t)got;
	return 1;
}

int fields_entities(struct record *r, const struct field_sentences *s,
                    unsigned *per_sentence)
{
	struct field_span *e;
	size_t m;
	int rc = read_field(r, "entities", "\"entities\" element", "tag-entities", s->ncp, &e,
	                    &m);
	if (rc != 1) {
		field_done();
		return rc;
	}
	for (size_t k = 0; k < s->n; k++)
		per_sentence[k] = 0;
	size_t k = 0;
	for (size_t i = 0; i < m; i++) {
		if (e[i].sentence >= 0 && (uint64_t)e[i].sentence >= s->n) {
			field_done();
			return record_error(r, "\"entities\" element %zu: \"sentence\" is not "
			                    "the index of one of the %zu sentences", i, s->n);
		}
		while (k < s->n && s->end[k] <= e[i].start)   /* starts are in order */
			k++;
		if (k < s->n && s->start[k] <= e[i].start)
			per_sentence[k]++;
	}
	field_done();
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
	struct field_span *q;
	size_t m;
	int rc = read_field(r, "quotes", "\"quotes\" element", "extract-quotes", s->ncp, &q, &m);
	if (rc != 1) {
		field_done();
		return rc;
	}
	for (size_t k = 0; k < s->n; k++)
		share[k] = 0;
	/* The quotations are in order of start: their union is built as it
	 * comes, and each stretch of it is added to the sentences it covers. */
	size_t k = 0, ua = 0, ub = 0;
	int open = 0;
	for (size_t i = 0; i < m; i++) {
		size_t a = q[i].start, b = q[i].end;
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
	field_done();
	return 1;
}
