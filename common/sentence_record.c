/* sentence_record.c — a record's "sentences" field as byte spans
 * (sentences_from_record, sentences_of; see sentence.h).
 *
 * The field holds code-point spans, read and checked by spans.c; sentences
 * must not overlap either. sentences_json writes spans as JSON text.
 */
#include "sentence.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "grow.h"
#include "spans.h"
#include "utf8.h"

/* Grow *SPANS to hold N entries. */
static void reserve(struct sentence_span **spans, size_t *cap, size_t n)
{
	if (grow_array((void **)spans, cap, n, sizeof **spans) != 0)
		filter_out_of_memory();
}

long sentences_from_record(struct record *r, struct sentence_span **spans, size_t *cap)
{
	static struct field_span *fs;
	static size_t fcap;
	long n = spans_from_record(r, "sentences", "sentence", "split-sentences", &fs, &fcap);
	if (n <= 0)
		return n;
	reserve(spans, cap, (size_t)n);
	for (long i = 0; i < n; i++) {
		if (i > 0 && fs[i].start < fs[i - 1].end) {
			record_error(r, "sentence %ld: starts at %zu, before the end of sentence %ld "
			             "(%zu): sentences must be in text order and not overlap",
			             i, fs[i].start, i - 1, fs[i - 1].end);
			return -1;
		}
		(*spans)[i] = (struct sentence_span){fs[i].start_byte, fs[i].end_byte};
	}
	return (long)n;
}

long sentences_of(struct record *r, struct splitter *sp,
                  struct sentence_span **spans, size_t *cap)
{
	struct zj_view field;
	if (record_view(r, "sentences", &field))
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
	/* each span but the first closes the one before: "}," */
	static const char key_start[] = "},{\"start\":", key_end[] = ",\"end\":",
	                  key_text[] = ",\"text\":";
	/* one span's keys, two counts and the braces */
	enum { SPAN_ROOM = sizeof key_start + sizeof key_end + sizeof key_text + 2 * ZJ_COUNT_ROOM };
	struct cp_cursor cur;
	(void)len;
	cp_cursor_init(&cur, text);
	zj_text_reset(&json);
	zj_text_raw(&json, "[", 1);
	for (size_t i = 0; i < n; i++) {
		size_t s = cp_cursor_at(&cur, spans[i].start);
		size_t e = cp_cursor_at(&cur, spans[i].end);
		char *o = zj_text_room(&json, SPAN_ROOM), *o0 = o;
		size_t k = i ? sizeof key_start - 1 : sizeof key_start - 3;
		memcpy(o, key_start + (i ? 0 : 2), k);
		o = zj_put_count(o + k, s);
		memcpy(o, key_end, sizeof key_end - 1);
		o = zj_put_count(o + sizeof key_end - 1, e);
		memcpy(o, key_text, sizeof key_text - 1);
		o += sizeof key_text - 1;
		json.len += (size_t)(o - o0);
		zj_text_string(&json, text + spans[i].start, spans[i].end - spans[i].start);
	}
	zj_text_raw(&json, n ? "}]" : "]", n ? 2 : 1);
	return zj_text_value(&json);
}
