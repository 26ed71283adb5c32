/* json_scan.c — see json_scan.h. */
#include "json_scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* --- validation ---------------------------------------------------------- */

struct validator {
	const char *s;
	size_t len, i;
	int depth, max_depth;
	struct json_error *err;
	json_member_fn *member;   /* told each top-level member, or NULL */
	void *ctx;
};

static int fail(struct validator *v, const char *what)
{
	v->err->what = what;
	v->err->at = v->i;
	return -1;
}

/* White space is rare between the tokens of a JSON line: test one byte
 * here, and walk a run only when there may be one. */
static inline void skip_space(struct validator *v)
{
	if (v->i < v->len && (unsigned char)v->s[v->i] <= ' ')
		v->i = (size_t)(json_skip_space(v->s + v->i, v->s + v->len) - v->s);
}

/* A string starting at the opening quote. */
static int check_string(struct validator *v)
{
	const char *s = v->s;
	size_t i = v->i + 1;

	for (;;) {
		i = (size_t)(json_string_run(s + i, s + v->len) - s);
		if (i >= v->len) {
			v->i = i;
			return fail(v, "unterminated string");
		}
		if (s[i] == '"') {
			v->i = i + 1;
			return 0;
		}
		if (s[i] != '\\') {
			v->i = i;
			return fail(v, "control character in a string (must be escaped)");
		}
		if (i + 1 >= v->len) {
			v->i = i;
			return fail(v, "unterminated string");
		}
		switch (s[i + 1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			i += 2;
			break;
		case 'u':
			for (int k = 2; k < 6; k++) {
				if (i + (size_t)k >= v->len || hex_value(s[i + k]) < 0) {
					v->i = i;
					return fail(v, "bad \\u escape in a string");
				}
			}
			i += 6;
			break;
		default:
			v->i = i;
			return fail(v, "bad escape in a string");
		}
	}
}

/* One or more digits from I: *END after them and 0, or -1 with *END = I
 * when there is none (a fraction or exponent needs a digit). */
static int digits(const char *s, size_t i, size_t n, size_t *end)
{
	size_t j = i;
	while (j < n && is_digit(s[j]))
		j++;
	*end = j;
	return j > i ? 0 : -1;
}

static int check_number(struct validator *v)
{
	const char *s = v->s;
	size_t i = v->i, n = v->len;

	if (s[i] == '-')
		i++;
	if (i < n && s[i] == '0') {
		i++;
	} else if (digits(s, i, n, &i) != 0) {
		goto bad;
	}
	if (i < n && s[i] == '.' && digits(s, i + 1, n, &i) != 0)
		goto bad;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (digits(s, i, n, &i) != 0)
			goto bad;
	}
	v->i = i;
	return 0;
bad:
	v->i = i;
	return fail(v, "bad number");
}

static int check_word(struct validator *v, const char *word)
{
	size_t n = strlen(word);
	if (v->len - v->i < n || memcmp(v->s + v->i, word, n) != 0)
		return fail(v, "unexpected character");
	v->i += n;
	return 0;
}

static int check_value(struct validator *v);

/* json_skip_space by byte offset: the usual case (no white space) tested
 * here on the offset. */
static inline size_t spaces_from(const char *s, size_t i, size_t n)
{
	if (i < n && (unsigned char)s[i] > ' ')
		return i;
	return (size_t)(json_skip_space(s + i, s + n) - s);
}

/* Fail at byte I. */
static int fail_at(struct validator *v, size_t i, const char *what)
{
	v->i = i;
	return fail(v, what);
}

/* A string at I (its opening quote), or any value there: where the record
 * layer spends its time is keys, plain strings and small integers, which
 * are checked here in place; anything else (an escape, a fraction, a
 * container) by the general functions, from the same byte, so that the
 * result and the place of an error are theirs. *I is set after it. */
static inline int check_string_at(struct validator *v, size_t *i)
{
	const char *q = json_string_run(v->s + *i + 1, v->s + v->len);
	if (q < v->s + v->len && *q == '"') {
		*i = (size_t)(q - v->s) + 1;
		return 0;
	}
	v->i = *i;
	if (check_string(v) != 0)
		return -1;
	*i = v->i;
	return 0;
}

static int check_value_at(struct validator *v, size_t *i)
{
	const char *s = v->s;
	size_t j = *i, n = v->len;
	if (j < n && s[j] == '"')
		return check_string_at(v, i);
	if (j < n && s[j] >= '1' && s[j] <= '9') {
		while (++j < n && is_digit(s[j]))
			;
		if (j >= n || (s[j] != '.' && s[j] != 'e' && s[j] != 'E')) {
			*i = j;
			return 0;
		}
	}
	v->i = *i;
	if (check_value(v) != 0)
		return -1;
	*i = v->i;
	return 0;
}

/* An object or array starting at its opening bracket. */
static int check_container(struct validator *v)
{
	const char *s = v->s;
	size_t n = v->len, i = v->i;
	char close = s[i] == '{' ? '}' : ']';
	int object = close == '}';

	if (++v->depth > v->max_depth)
		return fail(v, "nesting too deep");
	i = spaces_from(s, i + 1, n);
	if (i < n && s[i] == close) {
		v->i = i + 1;
		v->depth--;
		return 0;
	}
	for (;;) {
		size_t key = i, key_end = 0, value;
		if (object) {
			if (i >= n)
				return fail_at(v, i, "unexpected end of line");
			if (s[i] != '"')
				return fail_at(v, i, "expected a key in quotes");
			if (check_string_at(v, &i) != 0)
				return -1;
			key_end = i;
			i = spaces_from(s, i, n);
			if (i >= n)
				return fail_at(v, i, "unexpected end of line");
			if (s[i] != ':')
				return fail_at(v, i, "expected ':' after a key");
			i = spaces_from(s, i + 1, n);
		}
		value = i;
		if (check_value_at(v, &i) != 0)
			return -1;
		if (object && v->member && v->depth == 1)
			v->member(v->ctx, (struct zj_view){s + key + 1, key_end - key - 2},
			          (struct zj_view){s + value, i - value});
		i = spaces_from(s, i, n);
		if (i >= n)
			return fail_at(v, i, "unexpected end of line");
		if (s[i] == close) {
			v->i = i + 1;
			v->depth--;
			return 0;
		}
		if (s[i] != ',')
			return fail_at(v, i, object ? "expected ',' or '}'" : "expected ',' or ']'");
		i = spaces_from(s, i + 1, n);
	}
}

static int check_value(struct validator *v)
{
	skip_space(v);
	if (v->i >= v->len)
		return fail(v, "unexpected end of line");
	switch (v->s[v->i]) {
	case '{':
	case '[':
		return check_container(v);
	case '"':
		return check_string(v);
	case 't':
		return check_word(v, "true");
	case 'f':
		return check_word(v, "false");
	case 'n':
		return check_word(v, "null");
	case 'N':
	case 'I':
		return fail(v, "NaN and Infinity are not JSON numbers");
	default:
		if (v->s[v->i] == '-' && v->i + 1 < v->len && v->s[v->i + 1] == 'I')
			return fail(v, "NaN and Infinity are not JSON numbers");
		if (v->s[v->i] == '-' || is_digit(v->s[v->i]))
			return check_number(v);
		return fail(v, "unexpected character");
	}
}

int json_validate(const char *s, size_t len, int max_depth, struct json_error *err)
{
	return json_validate_members(s, len, max_depth, err, NULL, NULL);
}

int json_validate_members(const char *s, size_t len, int max_depth, struct json_error *err,
                          json_member_fn *member, void *ctx)
{
	struct validator v = {s, len, 0, 0, max_depth, err, member, ctx};

	if (check_value(&v) != 0)
		return -1;
	skip_space(&v);
	if (v.i < len)
		return fail(&v, "unexpected text after the value");
	return 0;
}

/* --- walking validated text -------------------------------------------- */

/* The end of the string whose opening quote is at P (validated text: a
 * stop is a quote or a backslash, which takes the byte after it). */
static const char *skip_string(const char *p, const char *end)
{
	p++;
	while (p < end) {
		p = json_string_run(p, end);
		if (p >= end)
			break;
		if (*p == '"')
			return p + 1;
		p += *p == '\\' ? 2 : 1;
	}
	return end;
}

const char *json_skip(const char *p, const char *end)
{
	if (p >= end)
		return end;
	if (*p == '"')
		return skip_string(p, end);
	if (*p == '{' || *p == '[') {
		int depth = 0;
		while (p < end) {
			char c = *p;
			if (c == '"') {
				p = skip_string(p, end);
				continue;
			}
			if (c == '{' || c == '[')
				depth++;
			else if ((c == '}' || c == ']') && --depth == 0)
				return p + 1;
			p++;
		}
		return end;
	}
	while (p < end && *p != ',' && *p != '}' && *p != ']' && !is_space(*p))
		p++;
	return p;
}

void json_iter_init(struct json_iter *it, struct zj_view c)
{
	const char *end = c.json + c.len;
	it->p = json_skip_space(c.json, end);
	if (it->p < end && (*it->p == '{' || *it->p == '['))
		it->p++;
	else
		it->p = end;
	/* The closing bracket is the last non-space byte of the view. */
	while (end > it->p && is_space(end[-1]))
		end--;
	it->end = end > it->p ? end - 1 : it->p;
}

/* Move past white space and one ',' before the next entry; 0 at the end. */
static int next_entry(struct json_iter *it)
{
	it->p = json_skip_space(it->p, it->end);
	if (it->p < it->end && *it->p == ',')
		it->p = json_skip_space(it->p + 1, it->end);
	return it->p < it->end;
}

int json_next_element(struct json_iter *it, struct zj_view *value)
{
	if (!next_entry(it))
		return 0;
	const char *e = json_skip(it->p, it->end);
	*value = (struct zj_view){it->p, (size_t)(e - it->p)};
	it->p = e;
	return 1;
}

int json_next_member(struct json_iter *it, struct zj_view *key, struct zj_view *value)
{
	if (!next_entry(it) || *it->p != '"')
		return 0;
	const char *k = it->p, *ke = skip_string(k, it->end);
	*key = (struct zj_view){k + 1, ke > k + 1 ? (size_t)(ke - k - 2) : 0};
	const char *p = json_skip_space(ke, it->end);
	if (p < it->end && *p == ':')
		p = json_skip_space(p + 1, it->end);
	const char *e = json_skip(p, it->end);
	*value = (struct zj_view){p, (size_t)(e - p)};
	it->p = e;
	return 1;
}

int json_has_escape(const char *raw, size_t raw_len)
{
	return memchr(raw, '\\', raw_len) != NULL;
}

int json_key_is(struct zj_view raw, const char *key, size_t klen)
{
	/* An escape stands for at least one byte and takes at most six: the
	 * lengths turn most keys away before the text is looked at. */
	if (raw.len < klen || raw.len > 6 * klen + 6)
		return 0;
	if (!json_has_escape(raw.json, raw.len))
		return raw.len == klen && memcmp(raw.json, key, klen) == 0;
	char small[512], *buf = raw.len <= sizeof small ? small : malloc(raw.len);
	if (!buf)
		return 0;
	size_t n = json_unescape(raw.json, raw.len, buf);
	int same = n == klen && memcmp(buf, key, klen) == 0;
	if (buf != small)
		free(buf);
	return same;
}

int json_member(struct zj_view obj, const char *key, struct zj_view *value)
{
	struct json_iter it;
	struct zj_view k, v;
	size_t klen = strlen(key);
	int found = 0;

	json_iter_init(&it, obj);
	while (json_next_member(&it, &k, &v)) {
		if (json_key_is(k, key, klen)) {
			*value = v;
			found = 1;
		}
	}
	return found;
}

int json_int(struct zj_view v, int64_t *out)
{
	const char *p = v.json, *end = v.json + v.len;
	int neg = 0;
	uint64_t n = 0;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	if (p >= end || !is_digit(*p))
		return 0;
	for (; p < end && is_digit(*p); p++) {
		unsigned d = (unsigned)(*p - '0');
		if (n > (UINT64_MAX - d) / 10)
			return 0;
		n = n * 10 + d;
	}
	if (p != end)
		return 0;   /* a fraction or an exponent */
	if (neg ? n > (uint64_t)INT64_MAX + 1 : n > (uint64_t)INT64_MAX)
		return 0;
	*out = neg ? (int64_t)(0 - n) : (int64_t)n;
	return 1;
}

static unsigned hex4(const char *p)
{
	return (unsigned)(hex_value(p[0]) << 12 | hex_value(p[1]) << 8 |
	                  hex_value(p[2]) << 4 | hex_value(p[3]));
}

size_t json_unescape(const char *raw, size_t raw_len, char *out)
{
	size_t i = 0, o = 0;

	while (i < raw_len) {
		const char *bs = memchr(raw + i, '\\', raw_len - i);
		size_t run = bs ? (size_t)(bs - raw) - i : raw_len - i;
		memmove(out + o, raw + i, run);
		o += run;
		i += run;
		if (i + 1 >= raw_len)
			break;
		char c = raw[i + 1];
		i += 2;
		switch (c) {
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u': {
			if (i + 4 > raw_len)
				return o;
			unsigned cp = hex4(raw + i);
			i += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= raw_len &&
			    raw[i] == '\\' && raw[i + 1] == 'u') {
				unsigned lo = hex4(raw + i + 2);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					i += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD;   /* a lone surrogate */
			/* Six bytes of escape give at most four of UTF-8, twelve
			 * (a pair) four: the output never overtakes the input. */
			o += (size_t)utf8_encode((int32_t)cp, out + o);
			break;
		}
		default:   /* '"', '\\', '/' */
			out[o++] = c;
		}
	}
	return o;
}
