/* record.c — see record.h: a record's members found once, parsed only when
 * a filter reads them, and written back as the bytes they came in as. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "filter.h"
#include "grow.h"
#include "record.h"

static int key_is(const struct record_field *f, const char *key, size_t klen)
{
	if (f->key)
		return strlen(f->key) == klen && memcmp(f->key, key, klen) == 0;
	return json_key_is(f->key_raw, key, klen);
}

/* The field a reader takes for KEY: its last occurrence. */
static struct record_field *find_last(struct record *r, const char *key)
{
	size_t klen = strlen(key);

	for (size_t i = r->nfields; i-- > 0;)
		if (!r->fields[i].gone && key_is(&r->fields[i], key, klen))
			return &r->fields[i];
	return NULL;
}

/* The place a writer takes for KEY: its first occurrence. */
static struct record_field *find_first(struct record *r, const char *key)
{
	size_t klen = strlen(key);

	for (size_t i = 0; i < r->nfields; i++)
		if (!r->fields[i].gone && key_is(&r->fields[i], key, klen))
			return &r->fields[i];
	return NULL;
}

static struct record_field *add_field(struct record *r)
{
	if (grow_array((void **)&r->fields, &r->cap, r->nfields + 1, sizeof *r->fields) != 0)
		filter_out_of_memory();
	struct record_field *f = &r->fields[r->nfields++];
	*f = (struct record_field){0};
	return f;
}

/* The string value of KEY, decoded into *OUT (owned by R) on first use. */
static const char *decoded_string(struct record *r, const char *key, char **out, size_t *out_len)
{
	struct record_field *f = find_last(r, key);

	if (!f)
		return NULL;
	if (f->set)
		return zj_str(f->value, out_len);
	if (json_first(f->raw) != '"')
		return NULL;
	if (!*out) {
		*out = filter_checked(malloc(f->raw.len - 1));
		*out_len = json_unescape(f->raw.json + 1, f->raw.len - 2, *out);
		(*out)[*out_len] = '\0';
	}
	return *out;
}

const char *record_text(struct record *r, size_t *len_bytes)
{
	const char *t = decoded_string(r, "text", &r->text, &r->text_len);
	if (t && len_bytes)
		*len_bytes = r->text_len;
	return t;
}

const char *record_id(struct record *r)
{
	return decoded_string(r, "id", &r->id, &r->id_len);
}

zjson *record_get(struct record *r, const char *key)
{
	struct record_field *f = find_last(r, key);

	if (!f)
		return NULL;
	if (!f->value && !f->set && json_first(f->raw) != 'n') {
		/* Valid JSON already; zj_parse fails here only for want of memory. */
		f->value = filter_checked(zj_from_view(f->raw));
	}
	return f->value;
}

int record_view(struct record *r, const char *key, struct zj_view *v)
{
	struct record_field *f = find_last(r, key);

	if (!f)
		return 0;
	if (f->set) {
		size_t len = 4;
		const char *s = f->value ? zj_serialize(f->value, &len) : "null";
		*v = (struct zj_view){s, len};
	} else {
		*v = f->raw;
	}
	return 1;
}

/* The decoded strings made from a field that changes. */
static void forget_decoded(struct record *r, const char *key)
{
	if (strcmp(key, "text") == 0) {
		free(r->text);
		r->text = NULL;
	} else if (strcmp(key, "id") == 0) {
		free(r->id);
		r->id = NULL;
	}
}

void record_set(struct record *r, const char *key, zjson *value)
{
	struct record_field *f = find_first(r, key);
	size_t klen = strlen(key);

	forget_decoded(r, key);
	if (!f) {
		f = add_field(r);
		f->key = filter_checked(strdup(key));
	} else {
		for (struct record_field *d = f + 1; d < r->fields + r->nfields; d++) {
			if (!d->gone && key_is(d, key, klen)) {
				d->gone = 1;
				zj_free(d->value);
				d->value = NULL;
			}
		}
		zj_free(f->value);
	}
	f->value = value;
	f->set = 1;
}

void record_set_text(struct record *r, const char *s, size_t len)
{
	record_set(r, "text", zj_string(s, len));
}

int record_set_member(struct record *r, const char *field, const char *key, zjson *value)
{
	struct record_field *f = find_first(r, field);

	if (!f) {
		zjson *o = zj_object();
		zj_add(o, key, value);
		record_set(r, field, o);
		return 0;
	}
	if (f->set) {
		if (zj_type(f->value) != ZJ_OBJECT) {
			zj_free(value);
			return -1;
		}
		zj_add(f->value, key, value);
		return 0;
	}
	/* The first occurrence is the one written; find_last's is the one
	 * read. Rewrite the object as text: its other members keep their
	 * bytes, KEY is written once, where it first stood or at the end. */
	struct record_field *last = find_last(r, field);
	if (json_first(last->raw) != '{') {
		zj_free(value);
		return -1;
	}
	struct zj_text t = {0};
	struct json_iter it;
	struct zj_view k, v;
	size_t klen = strlen(key);
	int done = 0, n = 0;

	zj_text_raw(&t, "{", 1);
	json_iter_init(&it, last->raw);
	while (json_next_member(&it, &k, &v)) {
		int is_key = json_key_is(k, key, klen);
		if (is_key && done)
			continue;
		if (n++)
			zj_text_raw(&t, ",", 1);
		zj_text_raw(&t, "\"", 1);
		zj_text_raw(&t, k.json, k.len);
		zj_text_raw(&t, "\":", 2);
		if (is_key) {
			zj_text_json(&t, value);
			done = 1;
		} else {
			zj_text_raw(&t, v.json, v.len);
		}
	}
	if (!done) {
		if (n)
			zj_text_raw(&t, ",", 1);
		zj_text_string(&t, key, klen);
		zj_text_raw(&t, ":", 1);
		zj_text_json(&t, value);
	}
	zj_text_raw(&t, "}", 1);
	zj_free(value);
	record_set(r, field, zj_text_value(&t));
	zj_text_free(&t);
	return 0;
}

/* --- messages ------------------------------------------------------------ */

void record_print_prefix(struct record *r, FILE *f)
{
	const char *id = record_id(r);

	fprintf(f, "%s: ", filter_name());
	escape_fputs(f, r->file ? r->file : "<stdin>");
	fprintf(f, ":%ld: ", r->line);
	if (id) {
		fputs("id=", f);
		escape_fputs(f, id);
		fputs(": ", f);
	}
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

void record_warn(struct record *r, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	record_print_prefix(r, stderr);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void record_print_error(struct record *r, const char *suffix)
{
	record_print_prefix(r, stderr);
	fprintf(stderr, "%s%s\n", r->error ? r->error : "bad record", suffix);
}

/* --- reading and writing ------------------------------------------------ */

static void note_member(void *ctx, struct zj_view key, struct zj_view value)
{
	struct record_field *f = add_field(ctx);
	f->key_raw = key;
	f->raw = value;
}

int record_parse(struct record *r, const char *line, size_t len)
{
	struct json_error err;
	size_t i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
		i++;
	if (i < len && line[i] != '{' && json_validate(line, len, ZJ_MAX_DEPTH, &err) == 0)
		return record_error(r, "not a JSON object");
	if (json_validate_members(line, len, ZJ_MAX_DEPTH, &err, note_member, r) != 0) {
		r->nfields = 0;
		if (err.at >= len)
			return record_error(r, "not JSON: %s", err.what);
		return record_error(r, "not JSON: %s at byte %zu", err.what, err.at + 1);
	}
	return 0;
}

/* The writer: small pieces gather in OUT_BUF; a piece of 64 KiB or more
 * (a long text, a big field passed through) goes to the stream as it is,
 * so a huge record is never copied whole into a second buffer. */
static struct zj_text out_buf;
#define DIRECT_BYTES ((size_t)1 << 16)

static int out_flush(FILE *out)
{
	size_t n = out_buf.len;
	out_buf.len = 0;
	return n && fwrite(out_buf.s, 1, n, out) != n ? -1 : 0;
}

static int out_piece(FILE *out, const char *s, size_t n)
{
	if (n < DIRECT_BYTES) {
		zj_text_raw(&out_buf, s, n);
		return out_buf.len >= DIRECT_BYTES ? out_flush(out) : 0;
	}
	if (out_flush(out) != 0 || fwrite(s, 1, n, out) != n)
		return -1;
	return 0;
}

int record_write(const struct record *r, FILE *out)
{
	int first = 1, rc = 0;

	zj_text_reset(&out_buf);
	zj_text_raw(&out_buf, "{", 1);
	for (size_t i = 0; rc == 0 && i < r->nfields; i++) {
		const struct record_field *f = &r->fields[i];
		if (f->gone)
			continue;
		if (!first)
			zj_text_raw(&out_buf, ",", 1);
		first = 0;
		if (f->key) {
			zj_text_string(&out_buf, f->key, strlen(f->key));
		} else {
			zj_text_raw(&out_buf, "\"", 1);
			rc = out_piece(out, f->key_raw.json, f->key_raw.len);
			zj_text_raw(&out_buf, "\"", 1);
		}
		zj_text_raw(&out_buf, ":", 1);
		if (!f->set) {
			rc = rc ? rc : out_piece(out, f->raw.json, f->raw.len);
		} else if (!f->value) {
			zj_text_raw(&out_buf, "null", 4);
		} else {
			size_t n;
			const char *text = zj_written_text(f->value, &n);
			if (text)
				rc = rc ? rc : out_piece(out, text, n);
			else
				zj_text_json(&out_buf, f->value);
		}
	}
	zj_text_raw(&out_buf, "}\n", 2);
	if (rc == 0)
		rc = out_flush(out);
	/* Give back the memory of an unusually large record. */
	if (out_buf.cap > ((size_t)4 << 20))
		zj_text_free(&out_buf);
	return rc;
}

void record_clear(struct record *r)
{
	for (size_t i = 0; i < r->nfields; i++) {
		zj_free(r->fields[i].value);
		free(r->fields[i].key);
	}
	free(r->fields);
	r->fields = NULL;
	r->nfields = r->cap = 0;
	free(r->text);
	free(r->id);
	free(r->error);
	r->text = r->id = r->error = NULL;
	r->text_len = r->id_len = 0;
	r->utf8_repairs = 0;
}
