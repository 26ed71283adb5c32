/* sentence_record.c — a record's "sentences" field as byte spans
 * (sentences_from_record, sentences_of; see sentence.h).
 *
 * The field holds code-point spans; they are turned into byte spans with one
 * forward walk over the text when they come in order (the usual case), and
 * with utf8_byte_offset otherwise. sentences_json writes spans as JSON text.
 */
#include "sentence.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "grow.h"
#include "utf8.h"

/* Grow *SPANS to hold N entries. */
static void reserve(struct sentence_span **spans, size_t *cap, size_t n)
{
	if (grow_array((void **)spans, cap, n, sizeof **spans) != 0)
		filter_out_of_memory();
}

/* Byte offset of code point CP, walking forward from (*byte, *at_cp). */
static size_t forward(const char *text, size_t len, size_t *byte, size_t *at_cp, size_t cp)
{
	if (cp < *at_cp) {
		*byte = 0;
		*at_cp = 0;
	}
	while (*at_cp < cp && *byte < len) {
		(*byte)++;
		while (*byte < len && ((unsigned char)text[*byte] & 0xC0) == 0x80)
			(*byte)++;
		(*at_cp)++;
	}
	return *byte;
}

long sentences_from_record(struct record *r, struct sentence_span **spans, size_t *cap)
{
	zjson *f = record_get(r, "sentences");
	if (!f)
		return 0;
	if (zj_type(f) != ZJ_ARRAY) {
		record_error(r, "\"sentences\" is not an array (run split-sentences to make it)");
		return -1;
	}
	size_t len;
	const char *text = record_text(r, &len);
	if (!text)
		text = "", len = 0;
	size_t n = zj_len(f), byte = 0, at_cp = 0;
	size_t ncp = utf8_count_cp(text, len);
	int64_t prev_end = 0;
	reserve(spans, cap, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		zjson *o = zj_at(f, i);
		int ok1 = 0, ok2 = 0;
		int64_t s = zj_intval(zj_get(o, "start"), &ok1);
		int64_t e = zj_intval(zj_get(o, "end"), &ok2);
		if (zj_type(o) != ZJ_OBJECT || !ok1 || !ok2 || s < 0 || e < s || (uint64_t)e > ncp) {
			record_error(r, "sentence %zu: needs integer \"start\" <= \"end\" "
			             "within the text (code points)", i);
			return -1;
		}
		if (s < prev_end) {
			record_error(r, "sentence %zu: starts at %lld, before the end of sentence %zu "
			             "(%lld): sentences must be in text order and not overlap",
			             i, (long long)s, i - 1, (long long)prev_end);
			return -1;
		}
		prev_end = e;
		(*spans)[i].start = forward(text, len, &byte, &at_cp, (size_t)s);
		(*spans)[i].end = forward(text, len, &byte, &at_cp, (size_t)e);
	}
	return (long)n;
}

long sentences_of(struct record *r, struct splitter *sp,
                  struct sentence_span **spans, size_t *cap)
{
	if (record_get(r, "sentences"))
		return sentences_from_record(r, spans, cap);
	size_t len;
	const char *text = record_text(r, &len);
	if (!text)
		return 0;
	const struct sentence_span *got;
	size_t n = splitter_split(sp, text, len, &got);
	reserve(spans, cap, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		(*spans)[i] = got[i];
	return (long)n;
}

/* The JSON text of sentences_json, kept between calls. */
static struct zj_text json;

zjson *sentences_json(const char *text, size_t len,
                      const struct sentence_span *spans, size_t n)
{
	struct cp_cursor cur;
	(void)len;
	cp_cursor_init(&cur, text);
	zj_text_reset(&json);
	zj_text_raw(&json, "[", 1);
	for (size_t i = 0; i < n; i++) {
		size_t s = cp_cursor_at(&cur, spans[i].start);
		size_t e = cp_cursor_at(&cur, spans[i].end);
		zj_text_raw(&json, i ? ",{\"start\":" : "{\"start\":", i ? 10 : 9);
		zj_text_int(&json, (int64_t)s);
		zj_text_raw(&json, ",\"end\":", 7);
		zj_text_int(&json, (int64_t)e);
		zj_text_raw(&json, ",\"text\":", 8);
		zj_text_string(&json, text + spans[i].start, spans[i].end - spans[i].start);
		zj_text_raw(&json, "}", 1);
	}
	zj_text_raw(&json, "]", 1);
	return zj_text_value(&json);
}
