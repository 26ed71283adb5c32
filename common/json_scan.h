/* json_scan.h — JSON text read where it lies: validate a line, walk the
 * members of an object or the elements of an array, read a number or a
 * string, without building a tree.
 *
 * The record layer (record.c) validates each input line once with
 * json_validate and from then on only walks text it knows to be JSON: the
 * walking functions assume valid JSON and do not check it again. A field a
 * filter does not read is never looked inside; it is written out as the
 * bytes it came in as.
 *
 * A `struct zj_view` is the JSON text of one value: a string with its
 * quotes, a number, an object with its braces. Views borrow the text they
 * point into. All lengths and positions are bytes.
 */
#ifndef ZEEF_JSON_SCAN_H
#define ZEEF_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct zj_view {
	const char *json;   /* first byte of the value */
	size_t len;         /* bytes */
};

/* The bytes a JSON string cannot hold raw: '"', '\\' and those below
 * 0x20. Of the 8 bytes in W (read with memcpy, any byte order), returns a
 * word whose high bit is set in each byte that is one of them, 0 when none
 * is. */
static inline uint64_t json_string_stops(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
	uint64_t low = (w - ones * 0x20) & ~w;
	return (((quote - ones) & ~quote) | ((slash - ones) & ~slash) | low) & high;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define JSON_SCAN_SSE2 1
/* The same test on sixteen bytes: bit K of the result is set when byte K
 * of X is one of them. */
static inline unsigned json_string_stops16(__m128i x)
{
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
	__m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
	__m128i slash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, slash)));
}
#endif

/* The first of those bytes in [P, END), or END when there is none: sixteen
 * bytes tested at a time where SSE2 is (every x86-64), else eight; shared
 * by the validator, the walker and the writer. */
static inline const char *json_string_run(const char *p, const char *end)
{
#ifdef JSON_SCAN_SSE2
	while (end - p >= 16) {
		unsigned bits = json_string_stops16(_mm_loadu_si128((const __m128i *)(const void *)p));
		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#endif
	while (end - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		if (json_string_stops(w))
			break;
		p += 8;
	}
	while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
		p++;
	return p;
}

/* The first byte in [P, END) that is no JSON white space (space, tab, CR,
 * LF), or END: one test when a token follows at once, as in the compact
 * JSON Zeef writes. Shared by the validator, the walkers and spans.c. */
static inline const char *json_skip_space(const char *p, const char *end)
{
	if (p < end && (unsigned char)*p > ' ')
		return p;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* What json_validate found wrong: WHAT is a fixed message, AT the byte
 * offset (0-based) where it was found. */
struct json_error {
	const char *what;
	size_t at;
};

/* Check that the LEN bytes at S are exactly one JSON value (RFC 8259),
 * with white space around it allowed, strings free of raw control
 * characters and valid escapes, numbers in JSON's grammar (no NaN,
 * Infinity, leading zeros or "+"), and arrays and objects nested at most
 * MAX_DEPTH deep. S must be valid UTF-8 (the caller checks). Returns 0, or
 * -1 with *ERR set. Duplicate keys are allowed (see record.h). */
int json_validate(const char *s, size_t len, int max_depth, struct json_error *err);

/* json_validate that also tells MEMBER(CTX, KEY, VALUE) each member of
 * the top-level object as it is checked (KEY between its quotes, as
 * written): one pass for checking a record and noting its fields. MEMBER
 * may be told members of a line that turns out bad further on. */
typedef void json_member_fn(void *ctx, struct zj_view key, struct zj_view value);
int json_validate_members(const char *s, size_t len, int max_depth, struct json_error *err,
                          json_member_fn *member, void *ctx);

/* The byte that starts V's value: '{', '[', '"', 't', 'f', 'n', '-' or a
 * digit; 0 for an empty view. */
static inline char json_first(struct zj_view v)
{
	return v.len ? v.json[0] : 0;
}

/* Walking a container. Start with json_iter_init on an object or array view
 * (validated text); then json_next_member (objects) or json_next_element
 * (arrays) give one entry per call and return 0 after the last. KEY is the
 * key's text between its quotes, escapes not decoded. */
struct json_iter {
	const char *p, *end;
};
void json_iter_init(struct json_iter *it, struct zj_view container);
int json_next_member(struct json_iter *it, struct zj_view *key, struct zj_view *value);
int json_next_element(struct json_iter *it, struct zj_view *value);

/* The end of the value that starts at P (validated text, no white space
 * before it), END at most: for a reader that walks a container itself. */
const char *json_skip(const char *p, const char *end);

/* The value of KEY in object OBJ (its last occurrence, as JSON readers
 * take it), 1 when found; KEY is compared with each key's decoded text. */
int json_member(struct zj_view obj, const char *key, struct zj_view *value);

/* 1 when the key text RAW (between its quotes, as written) decodes to the
 * KLEN bytes at KEY. */
int json_key_is(struct zj_view raw, const char *key, size_t klen);

/* An integer value (no fraction, no exponent) that fits in 64 bits: 1 and
 * *OUT set; else 0. */
int json_int(struct zj_view v, int64_t *out);

/* Decode a JSON string's text RAW (between the quotes, escapes as written)
 * into OUT, which must hold RAW_LEN bytes (decoding never grows a string).
 * A lone surrogate escape becomes U+FFFD. Returns the decoded length. */
size_t json_unescape(const char *raw, size_t raw_len, char *out);

/* 1 when the string text RAW holds an escape (a backslash). */
int json_has_escape(const char *raw, size_t raw_len);

#endif
