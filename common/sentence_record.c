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
	if (grow_array((void **)spans, cap, n, sizeof **spans) != 0) {
		filter_warn("out of memory reading sentences");
		exit(EXIT_SOFTWARE);
	}
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

/* A growing buffer for sentences_json, kept between calls. */
static char *json_buf;
static size_t json_len, json_cap;

static void json_put(const char *s, size_t n)
{
	if (json_len + n > json_cap) {
		size_t cap = json_cap ? json_cap : 4096;
		while (cap < json_len + n)
			cap *= 2;
		char *b = realloc(json_buf, cap);
		if (!b) {
			filter_warn("out of memory writing sentences");
			exit(EXIT_SOFTWARE);
		}
		json_buf = b;
		json_cap = cap;
	}
	memcpy(json_buf + json_len, s, n);
	json_len += n;
}

/* The LEN bytes at S as a JSON string, escaped as zj_serialize does
 * (json-c: \" \\ \b \f \n \r \t, other control characters \u00xx, "/"
 * and everything else as is). */
static void json_put_string(const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	json_put("\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		json_put(s + run, i - run);
		run = i + 1;
		char esc[6] = { '\\', 0 };
		size_t k = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			k = 6;
		}
		json_put(esc, k);
	}
	json_put(s + run, len - run);
	json_put("\"", 1);
}

/* Decimal digits of V. */
static void json_put_size(size_t v)
{
	char d[24];
	size_t k = sizeof d;
	do d[--k] = (char)('0' + v % 10); while ((v /= 10) > 0);
	json_put(d + k, sizeof d - k);
}

zjson *sentences_json(const char *text, size_t len,
                      const struct sentence_span *spans, size_t n)
{
	struct cp_cursor cur;
	(void)len;
	cp_cursor_init(&cur, text);
	json_len = 0;
	json_put("[", 1);
	for (size_t i = 0; i < n; i++) {
		size_t s = cp_cursor_at(&cur, spans[i].start);
		size_t e = cp_cursor_at(&cur, spans[i].end);
		if (i)
			json_put(",", 1);
		json_put("{\"start\":", 9);
		json_put_size(s);
		json_put(",\"end\":", 7);
		json_put_size(e);
		json_put(",\"text\":", 8);
		json_put_string(text + spans[i].start, spans[i].end - spans[i].start);
		json_put("}", 1);
	}
	json_put("]", 1);
	return zj_raw(json_buf, json_len);
}
