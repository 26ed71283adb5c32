/* zjson.c — JSON values (the zj_* functions of record.h) and the JSON text
 * writer the record layer shares. The only file that knows json-c. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>
#include "filter.h"
#include "json_scan.h"
#include "record.h"

/* Compact, "/" unescaped; json-c keeps UTF-8 as it is. */
#define SERIALIZE_FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

/* json-c does not always say when an allocation failed: it may return a
 * parse error, or an object with a member silently left out. malloc sets
 * errno to ENOMEM when it fails, so errno is cleared before a json-c call
 * and checked after it: out of memory ends the program (exit 70) instead of
 * passing for bad input or losing data. */
static void check_errno_oom(void)
{
	if (errno == ENOMEM)
		filter_out_of_memory();
}

/* The record writer. json-c's own serialiser escapes strings one character
 * at a time, which cost more than half of a pass-through; this one copies
 * runs that need no escape with memcpy and writes the same bytes json-c
 * writes (short escapes for \b \t \n \f \r, "\u00xx" with lower-case hex for
 * other control characters, "/" unescaped). A value json-c holds with a
 * serialiser of its own (a parsed double's original text, an integer beyond
 * 64 bits, zj_raw) keeps that text. */
static void out_reserve(struct zj_text *b, size_t more)
{
	if (b->len + more <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 1 << 16;
	while (cap < b->len + more)
		cap *= 2;
	b->s = filter_checked(realloc(b->s, cap));
	b->cap = cap;
}

static void out_bytes(struct zj_text *b, const char *s, size_t n)
{
	out_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

/* 1 for the bytes a JSON string must escape. */
static const unsigned char needs_escape[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* '"' */
	['\\'] = 1,
};

size_t zj_escape_stop(const char *s, size_t i, size_t n)
{
	return (size_t)(json_string_run(s + i, s + n) - s);
}

size_t zj_escape_byte(unsigned char c, char esc[6])
{
	static const char hex[] = "0123456789abcdef";
	esc[0] = '\\';
	switch (c) {
	case '\b': esc[1] = 'b'; return 2;
	case '\t': esc[1] = 't'; return 2;
	case '\n': esc[1] = 'n'; return 2;
	case '\f': esc[1] = 'f'; return 2;
	case '\r': esc[1] = 'r'; return 2;
	case '"': esc[1] = '"'; return 2;
	case '\\': esc[1] = '\\'; return 2;
	default:
		memcpy(esc + 1, "u00", 3);
		esc[4] = hex[c >> 4];
		esc[5] = hex[c & 15];
		return 6;
	}
}

/* The string S (N bytes) quoted and escaped: runs that need no escape are
 * copied eight bytes at a time as they are tested. */
static void out_string(struct zj_text *b, const char *s, size_t n)
{
	size_t i = 0;

	out_reserve(b, n + 2);
	char *o = b->s + b->len;
	*o++ = '"';
	for (;;) {
#ifdef JSON_SCAN_SSE2
		for (__m128i x; i + 16 <= n; i += 16, o += 16) {
			x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			if (json_string_stops16(x))
				break;
			_mm_storeu_si128((__m128i *)(void *)o, x);
		}
		if (i < n && n >= 16 && i + 16 > n) {
			/* the tail: the sixteen bytes that end the string, when
			 * none needs an escape (those before I are copied again) */
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
			if (!json_string_stops16(x)) {
				_mm_storeu_si128((__m128i *)(void *)(o + (n - i) - 16), x);
				o += n - i;
				i = n;
			}
		}
#endif
		for (uint64_t w; i + 8 <= n; i += 8, o += 8) {
			memcpy(&w, s + i, 8);
			if (json_string_stops(w))
				break;
			memcpy(o, &w, 8);
		}
		while (i < n && !needs_escape[(unsigned char)s[i]])
			*o++ = s[i++];
		if (i == n)
			break;
		/* an escape: room for it and for the rest as it is */
		b->len = (size_t)(o - b->s);
		out_reserve(b, 6 + (n - i) + 1);
		o = b->s + b->len;
		o += zj_escape_byte((unsigned char)s[i++], o);
	}
	*o++ = '"';
	b->len = (size_t)(o - b->s);
}

void zj_text_reset(struct zj_text *t)
{
	t->len = 0;
}

void zj_text_raw(struct zj_text *t, const char *json, size_t len)
{
	out_bytes(t, json, len);
}

void zj_text_string(struct zj_text *t, const char *s, size_t len)
{
	out_string(t, s, len);
}

const char zj_two_digits[200] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void zj_text_int(struct zj_text *t, int64_t v)
{
	char *o = zj_text_room(t, 1 + ZJ_COUNT_ROOM), *o0 = o;
	if (v < 0)
		*o++ = '-';
	o = zj_put_count(o, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
	t->len += (size_t)(o - o0);
}

char *zj_text_room(struct zj_text *t, size_t more)
{
	out_reserve(t, more);
	return t->s + t->len;
}

const char *zj_written_text(const zjson *v, size_t *len)
{
	const char *text = v ? json_object_get_userdata((zjson *)v) : NULL;
	if (text)
		*len = strlen(text);
	return text;
}

zjson *zj_text_value(struct zj_text *t)
{
	if (t->len < ((size_t)1 << 20))
		return zj_raw(t->s ? t->s : "", t->len);
	/* A large text is handed over, not copied: on a huge record a second
	 * copy would be as big as the field itself. */
	out_reserve(t, 1);
	t->s[t->len] = '\0';
	zjson *v = filter_checked(json_object_new_object());
	json_object_set_serializer(v, json_object_userdata_to_json_string, t->s,
	                           json_object_free_userdata);
	*t = (struct zj_text){0};
	return v;
}

void zj_text_free(struct zj_text *t)
{
	free(t->s);
	*t = (struct zj_text){0};
}

void zj_text_json(struct zj_text *b, zjson *v)
{
	const char *text;

	if (v && json_object_get_userdata(v)) {
		text = json_object_get_userdata(v);
		out_bytes(b, text, strlen(text));
		return;
	}
	switch (json_object_get_type(v)) {
	case json_type_null:
		out_bytes(b, "null", 4);
		break;
	case json_type_boolean:
		if (json_object_get_boolean(v))
			out_bytes(b, "true", 4);
		else
			out_bytes(b, "false", 5);
		break;
	case json_type_int:
		zj_text_int(b, json_object_get_int64(v));
		break;
	case json_type_string:
		out_string(b, json_object_get_string(v), (size_t)json_object_get_string_len(v));
		break;
	case json_type_array: {
		size_t len = json_object_array_length(v);
		out_bytes(b, "[", 1);
		for (size_t i = 0; i < len; i++) {
			if (i)
				out_bytes(b, ",", 1);
			zj_text_json(b, json_object_array_get_idx(v, i));
		}
		out_bytes(b, "]", 1);
		break;
	}
	case json_type_object: {
		int first = 1;
		out_bytes(b, "{", 1);
		json_object_object_foreach(v, key, val) {
			if (!first)
				out_bytes(b, ",", 1);
			first = 0;
			out_string(b, key, strlen(key));
			out_bytes(b, ":", 1);
			zj_text_json(b, val);
		}
		out_bytes(b, "}", 1);
		break;
	}
	default: {     /* a double made here: json-c's formatting */
		size_t len = 0;
		errno = 0;
		text = json_object_to_json_string_length(v, SERIALIZE_FLAGS, &len);
		check_errno_oom();
		out_bytes(b, filter_checked((void *)text), len);
	}
	}
}

/* --- values ------------------------------------------------------------- */

zjson *zj_object(void) { return filter_checked(json_object_new_object()); }
zjson *zj_array(void) { return filter_checked(json_object_new_array()); }
zjson *zj_int(int64_t v) { return filter_checked(json_object_new_int64(v)); }
zjson *zj_double(double v) { return filter_checked(json_object_new_double(v)); }
zjson *zj_bool(int v) { return filter_checked(json_object_new_boolean(v != 0)); }
zjson *zj_cstring(const char *s) { return zj_string(s, strlen(s)); }

zjson *zj_string(const char *s, size_t len)
{
	if (len > (size_t)INT32_MAX - 1) {
		fprintf(stderr, "%s: string of %zu bytes is too long\n", filter_name(), len);
		exit(EXIT_SOFTWARE);
	}
	return filter_checked(json_object_new_string_len(s, (int)len));
}

zjson *zj_copy(const zjson *v)
{
	zjson *out = NULL;

	if (!v)
		return NULL;
	errno = 0;
	if (json_object_deep_copy((zjson *)v, &out, NULL) != 0)
		filter_out_of_memory();
	check_errno_oom();
	return out;
}

void zj_free(zjson *v)
{
	json_object_put(v);
}

void zj_add(zjson *o, const char *key, zjson *v)
{
	/* json-c replaces an existing key's value in place, keeping its
	 * position in the object's ordered entries. */
	if (json_object_object_add(o, key, v) != 0)
		filter_out_of_memory();
}

void zj_push(zjson *a, zjson *v)
{
	if (json_object_array_add(a, v) != 0)
		filter_out_of_memory();
}

zjson *zj_raw(const char *json, size_t len)
{
	zjson *v = filter_checked(json_object_new_object());
	char *text = filter_checked(malloc(len + 1));
	memcpy(text, json, len);
	text[len] = 0;
	json_object_set_serializer(v, json_object_userdata_to_json_string, text,
	                           json_object_free_userdata);
	return v;
}

zjson *zj_span(int64_t start_cp, int64_t end_cp, const char *text, size_t len)
{
	zjson *o = zj_object();
	zj_add(o, "start", zj_int(start_cp));
	zj_add(o, "end", zj_int(end_cp));
	zj_add(o, "text", zj_string(text, len));
	return o;
}

enum zj_type zj_type(const zjson *v)
{
	switch (json_object_get_type(v)) {
	case json_type_boolean: return ZJ_BOOL;
	case json_type_int: return ZJ_INT;
	case json_type_double: return ZJ_DOUBLE;
	case json_type_string: return ZJ_STRING;
	case json_type_array: return ZJ_ARRAY;
	case json_type_object: return ZJ_OBJECT;
	default: return ZJ_NULL;
	}
}

zjson *zj_get(const zjson *o, const char *key)
{
	zjson *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object))
		return NULL;
	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

size_t zj_len(const zjson *a)
{
	if (!a || !json_object_is_type(a, json_type_array))
		return 0;
	return json_object_array_length(a);
}

zjson *zj_at(const zjson *a, size_t i)
{
	if (i >= zj_len(a))
		return NULL;
	return json_object_array_get_idx(a, i);
}

const char *zj_str(const zjson *v, size_t *len)
{
	if (!v || !json_object_is_type(v, json_type_string))
		return NULL;
	if (len)
		*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string((zjson *)v);
}

int64_t zj_intval(const zjson *v, int *ok)
{
	int is = v && json_object_is_type(v, json_type_int);

	if (ok)
		*ok = is;
	return is ? json_object_get_int64(v) : 0;
}

double zj_num(const zjson *v)
{
	if (v && (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)))
		return json_object_get_double(v);
	return 0;
}

const char *zj_serialize(zjson *v, size_t *len)
{
	size_t n = 0;
	const char *s;

	errno = 0;
	s = json_object_to_json_string_length(v, SERIALIZE_FLAGS, &n);
	check_errno_oom();
	filter_checked((void *)s);
	if (len)
		*len = n;
	return s;
}

zjson *zj_parse(const char *s, size_t len)
{
	struct json_tokener *tok;
	zjson *v;

	if (len > (size_t)INT32_MAX - 1)
		return NULL;
	tok = filter_checked(json_tokener_new_ex(ZJ_MAX_DEPTH));
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	errno = 0;
	v = json_tokener_parse_ex(tok, s, (int)len);
	check_errno_oom();
	if (v && json_tokener_get_parse_end(tok) != len) {
		/* Only white space may follow the value. */
		for (size_t i = json_tokener_get_parse_end(tok); i < len; i++) {
			if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
				json_object_put(v);
				v = NULL;
				break;
			}
		}
	}
	json_tokener_free(tok);
	return v;
}

zjson *zj_from_view(struct zj_view v)
{
	int64_t n;

	switch (json_first(v)) {
	case '{':
	case '[':
		return zj_parse(v.json, v.len);
	case '"': {
		char *buf = filter_checked(malloc(v.len));
		size_t len = json_unescape(v.json + 1, v.len - 2, buf);
		zjson *s = zj_string(buf, len);
		free(buf);
		return s;
	}
	case 't':
		return zj_bool(1);
	case 'f':
		return zj_bool(0);
	case 'n':
		return NULL;
	default:
		if (json_int(v, &n))
			return zj_int(n);
		/* A fraction, an exponent or an integer past 64 bits: a double
		 * that keeps its text. */
		char *text = filter_checked(strndup(v.json, v.len));
		zjson *d = filter_checked(json_object_new_double_s(strtod(text, NULL), text));
		free(text);
		return d;
	}
}
