/* record.c — see record.h. The only file that knows json-c. */
#include <errno.h>
#include <math.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>
#include "filter.h"
#include "record.h"

/* Compact, "/" unescaped; json-c keeps UTF-8 as it is. */
#define SERIALIZE_FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

const char *record_text(const struct record *r, size_t *len_bytes)
{
	return zj_str(record_get(r, "text"), len_bytes);
}

const char *record_id(const struct record *r)
{
	return zj_str(record_get(r, "id"), NULL);
}

zjson *record_get(const struct record *r, const char *key)
{
	return zj_get(r->obj, key);
}

void record_set(struct record *r, const char *key, zjson *value)
{
	zj_add(r->obj, key, value);
}

void record_set_text(struct record *r, const char *s, size_t len)
{
	zj_add(r->obj, "text", zj_string(s, len));
}

static void prefix(FILE *f, const struct record *r)
{
	const char *id = r->obj ? record_id(r) : NULL;

	fprintf(f, "%s: %s:%ld: ", filter_name(), r->file ? r->file : "<stdin>", r->line);
	if (id)
		fprintf(f, "id=%s: ", id);
}

int record_error(struct record *r, const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	free(r->error);
	r->error = msg ? msg : strdup("bad record");
	return EXIT_DATAERR;
}

void record_warn(const struct record *r, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	prefix(stderr, r);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Used by filter.c: print R's error with its prefix and SUFFIX. */
void record_print_error(const struct record *r, const char *suffix)
{
	prefix(stderr, r);
	fprintf(stderr, "%s%s\n", r->error ? r->error : "bad record", suffix);
}

static struct json_tokener *tokener;

/* json-c turns integers outside 64 bits into the nearest 64-bit value,
 * which would change fields a filter must keep as they are. Such values are
 * rare: a walk of the parsed tree looks for integers at the 64-bit limits,
 * and only then are the integers' original texts put back as their
 * serialisation (the Nth number of the line is the Nth number node in
 * document order). -0 reads as 0, the same number.
 * The same walk finds NaN, Infinity and -Infinity, which json-c accepts even
 * in strict mode but JSON has no such numbers: the line is not JSON. (1e999
 * is JSON: it reads as infinite, and keeps its text.) */
enum { NUM_LIMIT_INTEGER = 1, NUM_NOT_JSON = 2 };

static int scan_numbers(zjson *v)
{
	int found = 0;

	switch (json_object_get_type(v)) {
	case json_type_object: {
		json_object_object_foreach(v, key, val) {
			(void)key;
			found |= scan_numbers(val);
			if (found & NUM_NOT_JSON)
				break;
		}
		return found;
	}
	case json_type_array:
		for (size_t i = 0; i < json_object_array_length(v) && !(found & NUM_NOT_JSON); i++)
			found |= scan_numbers(json_object_array_get_idx(v, i));
		return found;
	case json_type_int: {
		int64_t n = json_object_get_int64(v);
		return n == INT64_MAX || n == INT64_MIN ? NUM_LIMIT_INTEGER : 0;
	}
	case json_type_double: {
		if (isfinite(json_object_get_double(v)))
			return 0;
		const char *text = json_object_to_json_string(v);
		if (text && *text == '-')
			text++;
		return text && (*text == 'N' || *text == 'I') ? NUM_NOT_JSON : 0;
	}
	default:
		return 0;
	}
}

struct number_token {
	size_t start, len;
	int is_integer;
};

/* The number tokens of a JSON text, strings skipped. Returns the count or
 * -1 when out of memory; *out is malloc'ed. */
static long number_tokens(const char *s, size_t len, struct number_token **out)
{
	size_t n = 0, cap = 16;
	struct number_token *t = malloc(cap * sizeof *t);

	for (size_t i = 0; t && i < len; i++) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
			size_t a = i;
			int integer = 1;
			while (i < len && strchr("0123456789+-.eE", s[i])) {
				if (s[i] == '.' || s[i] == 'e' || s[i] == 'E')
					integer = 0;
				i++;
			}
			if (n == cap) {
				struct number_token *nt = realloc(t, 2 * cap * sizeof *t);
				if (!nt)
					break;
				t = nt;
				cap *= 2;
			}
			t[n++] = (struct number_token){a, i - a, integer};
			i--;
		}
	}
	*out = t;
	return t ? (long)n : -1;
}

static void restore_numbers(zjson *v, const char *s, const struct number_token *t, long n, long *k)
{
	switch (json_object_get_type(v)) {
	case json_type_object: {
		json_object_object_foreach(v, key, val) {
			(void)key;
			restore_numbers(val, s, t, n, k);
		}
		break;
	}
	case json_type_array:
		for (size_t i = 0; i < json_object_array_length(v); i++)
			restore_numbers(json_object_array_get_idx(v, i), s, t, n, k);
		break;
	case json_type_int:
	case json_type_double:
		if (*k < n && t[*k].is_integer && json_object_is_type(v, json_type_int)) {
			char *text = strndup(s + t[*k].start, t[*k].len);
			if (text)
				json_object_set_serializer(v, json_object_userdata_to_json_string,
				                           text, json_object_free_userdata);
		}
		(*k)++;
		break;
	default:
		break;
	}
}

static long count_numbers(zjson *v)
{
	long n = 0;

	switch (json_object_get_type(v)) {
	case json_type_object: {
		json_object_object_foreach(v, key, val) {
			(void)key;
			n += count_numbers(val);
		}
		return n;
	}
	case json_type_array:
		for (size_t i = 0; i < json_object_array_length(v); i++)
			n += count_numbers(json_object_array_get_idx(v, i));
		return n;
	case json_type_int:
	case json_type_double:
		return 1;
	default:
		return 0;
	}
}

static void keep_integer_texts(zjson *obj, const char *s, size_t len)
{
	struct number_token *t;
	long n = number_tokens(s, len, &t), k = 0;

	/* A duplicate key drops a value, and then tokens and nodes no longer
	 * pair up: leave such a record as json-c read it. */
	if (n > 0 && count_numbers(obj) == n)
		restore_numbers(obj, s, t, n, &k);
	free(t);
}

/* json-c does not always say when an allocation failed: it may return a
 * parse error, or an object with a member silently left out. malloc sets
 * errno to ENOMEM when it fails, so errno is cleared before a json-c call
 * and checked after it: out of memory ends the program (exit 70) instead of
 * passing for bad input or losing data. */
static void check_errno_oom(void)
{
	if (errno == ENOMEM) {
		fprintf(stderr, "%s: out of memory\n", filter_name());
		exit(EXIT_SOFTWARE);
	}
}

int record_parse(struct record *r, const char *line, size_t len)
{
	enum json_tokener_error err;
	size_t end;

	if (!tokener) {
		tokener = json_tokener_new_ex(ZJ_MAX_DEPTH);
		if (!tokener) {
			fprintf(stderr, "%s: out of memory\n", filter_name());
			exit(EXIT_SOFTWARE);
		}
		json_tokener_set_flags(tokener, JSON_TOKENER_STRICT);
	}
	json_tokener_reset(tokener);
	if (len > (size_t)INT32_MAX - 1)
		return record_error(r, "not JSON: line of %zu bytes is too long to parse", len);
	errno = 0;
	r->obj = json_tokener_parse_ex(tokener, line, (int)len);
	err = json_tokener_get_error(tokener);
	check_errno_oom();
	if (!r->obj && err == json_tokener_continue)
		return record_error(r, "not JSON: unexpected end of line");
	if (!r->obj && err != json_tokener_success)
		return record_error(r, "not JSON: %s at byte %zu", json_tokener_error_desc(err),
		                    json_tokener_get_parse_end(tokener) + 1);
	end = json_tokener_get_parse_end(tokener);
	for (; end < len; end++) {
		if (line[end] != ' ' && line[end] != '\t') {
			json_object_put(r->obj);
			r->obj = NULL;
			return record_error(r, "not JSON: unexpected text after the value at byte %zu", end + 1);
		}
	}
	if (!json_object_is_type(r->obj, json_type_object)) {
		json_object_put(r->obj);
		r->obj = NULL;
		return record_error(r, "not a JSON object");
	}
	int numbers = scan_numbers(r->obj);
	if (numbers & NUM_NOT_JSON) {
		json_object_put(r->obj);
		r->obj = NULL;
		return record_error(r, "not JSON: NaN and Infinity are not JSON numbers");
	}
	if (numbers & NUM_LIMIT_INTEGER) {
		keep_integer_texts(r->obj, line, len);
		check_errno_oom();
	}
	return 0;
}

/* The record writer. json-c's own serialiser escapes strings one character
 * at a time, which cost more than half of a pass-through; this one copies
 * runs that need no escape with memcpy and writes the same bytes json-c
 * writes (short escapes for \b \t \n \f \r, "\u00xx" with lower-case hex for
 * other control characters, "/" unescaped). A value json-c holds with a
 * serialiser of its own (a parsed double's original text, an integer beyond
 * 64 bits, zj_raw) keeps that text. */
static struct zj_text out_buf;

static void out_reserve(struct zj_text *b, size_t more)
{
	if (b->len + more <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 1 << 16;
	while (cap < b->len + more)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		fprintf(stderr, "%s: out of memory\n", filter_name());
		exit(EXIT_SOFTWARE);
	}
	b->s = s;
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

static void out_string(struct zj_text *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run;

	out_reserve(b, n + 2);
	b->s[b->len++] = '"';
	while (i < n) {
		for (run = i; run < n && !needs_escape[(unsigned char)s[run]]; run++)
			;
		out_bytes(b, s + i, run - i);
		if (run >= n)
			break;
		unsigned char c = (unsigned char)s[run];
		char esc[6] = {'\\', 0};
		size_t elen = 2;
		switch (c) {
		case '\b': esc[1] = 'b'; break;
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		case '\f': esc[1] = 'f'; break;
		case '\r': esc[1] = 'r'; break;
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		out_bytes(b, esc, elen);
		i = run + 1;
	}
	out_reserve(b, 1);
	b->s[b->len++] = '"';
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

void zj_text_int(struct zj_text *t, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%" PRId64, v);
	out_bytes(t, num, (size_t)n);
}

zjson *zj_text_value(const struct zj_text *t)
{
	return zj_raw(t->s ? t->s : "", t->len);
}

void zj_text_free(struct zj_text *t)
{
	free(t->s);
	*t = (struct zj_text){0};
}

static void out_value(struct zj_text *b, zjson *v)
{
	const char *text;
	char num[24];
	int n;

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
		n = snprintf(num, sizeof num, "%" PRId64, json_object_get_int64(v));
		out_bytes(b, num, (size_t)n);
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
			out_value(b, json_object_array_get_idx(v, i));
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
			out_value(b, val);
		}
		out_bytes(b, "}", 1);
		break;
	}
	default: {     /* a double made here: json-c's formatting */
		size_t len = 0;
		errno = 0;
		text = json_object_to_json_string_length(v, SERIALIZE_FLAGS, &len);
		check_errno_oom();
		if (!text) {
			fprintf(stderr, "%s: out of memory\n", filter_name());
			exit(EXIT_SOFTWARE);
		}
		out_bytes(b, text, len);
	}
	}
}

int record_write(const struct record *r, FILE *out)
{
	out_buf.len = 0;
	out_value(&out_buf, r->obj);
	out_bytes(&out_buf, "\n", 1);
	if (fwrite(out_buf.s, 1, out_buf.len, out) != out_buf.len)
		return -1;
	/* Give back the memory of an unusually large record. */
	if (out_buf.cap > ((size_t)64 << 20)) {
		free(out_buf.s);
		out_buf = (struct zj_text){0};
	}
	return 0;
}

void record_clear(struct record *r)
{
	json_object_put(r->obj);
	r->obj = NULL;
	free(r->error);
	r->error = NULL;
	r->utf8_repairs = 0;
}

/* --- values ------------------------------------------------------------- */

static void *check(void *p)
{
	if (!p) {
		fprintf(stderr, "%s: out of memory\n", filter_name());
		exit(EXIT_SOFTWARE);
	}
	return p;
}

zjson *zj_object(void) { return check(json_object_new_object()); }
zjson *zj_array(void) { return check(json_object_new_array()); }
zjson *zj_int(int64_t v) { return check(json_object_new_int64(v)); }
zjson *zj_double(double v) { return check(json_object_new_double(v)); }
zjson *zj_bool(int v) { return check(json_object_new_boolean(v != 0)); }
zjson *zj_cstring(const char *s) { return zj_string(s, strlen(s)); }

zjson *zj_string(const char *s, size_t len)
{
	if (len > (size_t)INT32_MAX - 1) {
		fprintf(stderr, "%s: string of %zu bytes is too long\n", filter_name(), len);
		exit(EXIT_SOFTWARE);
	}
	return check(json_object_new_string_len(s, (int)len));
}

zjson *zj_copy(const zjson *v)
{
	zjson *out = NULL;

	if (!v)
		return NULL;
	errno = 0;
	if (json_object_deep_copy((zjson *)v, &out, NULL) != 0)
		check(NULL);
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
		check(NULL);
}

void zj_push(zjson *a, zjson *v)
{
	if (json_object_array_add(a, v) != 0)
		check(NULL);
}

zjson *zj_raw(const char *json, size_t len)
{
	zjson *v = check(json_object_new_object());
	char *text = check(malloc(len + 1));
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
	check((void *)s);
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
	tok = check(json_tokener_new_ex(ZJ_MAX_DEPTH));
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
