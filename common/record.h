/* record.h — one JSON Lines record: parse, inspect, change, write.
 *
 * A record is one JSON object on one line (DESIGN.md, "The record contract").
 * Filters never call json-c directly: every JSON value is a `zjson`, made and
 * read with the zj_* functions below, so the JSON library can be swapped by
 * changing record.c alone.
 *
 * Ownership: a zjson made by zj_object/zj_array/zj_string/... belongs to the
 * caller until it is handed to zj_add, zj_push or record_set, which take it.
 * zjson pointers returned by record_get/zj_get/zj_at are borrowed: valid until
 * the record or the container changes or is freed.
 *
 * Offsets in records are Unicode code points (see utf8.h for conversion);
 * lengths in this header are bytes unless a name says otherwise.
 */
#ifndef ZEEF_RECORD_H
#define ZEEF_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "json_scan.h"

typedef struct json_object zjson;

/* A top-level member of a record: its key and value as written in the input
 * line, and what the filter has made of it. */
struct record_field {
	struct zj_view key_raw;   /* key text between its quotes, as written;
	                             json NULL for a field the filter added */
	char *key;                /* the added field's key (owned), else NULL */
	struct zj_view raw;       /* the value as written; json NULL when added */
	zjson *value;             /* parsed on first record_get (read-only), or
	                             the value record_set gave (owned) */
	unsigned char set;        /* write VALUE instead of RAW */
	unsigned char gone;       /* a duplicate key that record_set replaced */
};

struct record {
	const char *file;    /* input name for messages: a path or "<stdin>" */
	long line;           /* 1-based line number in that input */
	const char *raw;     /* the input line as read, without its line end */
	size_t raw_len;      /* bytes */
	int utf8_repairs;    /* invalid UTF-8 sequences replaced by U+FFFD on read
	                        (only with FILTER_REPAIR_UTF8, else always 0) */
	char *error;         /* message set by record_error(), owned; NULL if none */
	/* The members, in input order (filter.c and record.c only). */
	struct record_field *fields;
	size_t nfields, cap;
	char *text, *id;     /* decoded "text" and "id", owned, made on demand */
	size_t text_len, id_len;
};

/* Duplicate keys. JSON allows a key twice in an object; readers disagree on
 * what it means. Zeef: a filter reads the LAST occurrence (as JavaScript,
 * Python and jq do); a field the filter does not write is passed through
 * with every occurrence, byte for byte; a field the filter writes is
 * written once, at the place of its first occurrence. */

/* The "text" field: a valid UTF-8 string (checked on read), or NULL when the
 * record has none or it is not a string (only possible for filters that do
 * not require text). *len_bytes is set when non-NULL. The bytes are
 * NUL-terminated and borrowed: valid until the record changes or is freed. */
const char *record_text(struct record *r, size_t *len_bytes);

/* The "id" field when it is a string, else NULL. Borrowed, as above. */
const char *record_id(struct record *r);

/* The value of top-level KEY, or NULL when absent. Borrowed and read-only:
 * a change to it is not written out (use record_set). A field the filter
 * did not set is parsed on the first call. */
zjson *record_get(struct record *r, const char *key);

/* The JSON text of top-level KEY, without parsing it: 1 and *V set, or 0
 * when absent. Cheaper than record_get for fields read once (spans): walk
 * V with json_scan.h. Borrowed, as above. */
int record_view(struct record *r, const char *key, struct zj_view *v);

/* Set top-level KEY to VALUE (taken). An existing key keeps its position in
 * the object (its later duplicates are dropped); a new key is appended.
 * VALUE NULL writes JSON null. */
void record_set(struct record *r, const char *key, zjson *value);

/* Replace "text" with the LEN bytes at S (copied; must be valid UTF-8). */
void record_set_text(struct record *r, const char *s, size_t len);

/* Set KEY to VALUE (taken) inside the object field FIELD, making FIELD
 * {KEY: VALUE} when it is absent; the field's other members keep their
 * bytes and order. Returns 0, or -1 (VALUE freed) when FIELD is not an
 * object. */
int record_set_member(struct record *r, const char *field, const char *key, zjson *value);

/* Mark the record as bad input: formats the message that the record loop
 * prints ("filter: FILE:LINE: id=ID: MESSAGE") before applying --on-error.
 * Returns EX_DATAERR (65) so a record callback can `return record_error(...)`. */
int record_error(struct record *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print a warning for this record on stderr, same prefix, "warning: " first. */
void record_warn(struct record *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "NAME: FILE:LINE: id=ID: " for R on F: the prefix of every message
 * about a record. The file name and the id are escaped (escape.h). */
void record_print_prefix(struct record *r, FILE *f);

/* --- for the record loop (filter.c); filters do not call these ---------- */

/* Check that the LEN bytes at LINE (valid UTF-8) are one JSON object and
 * note its members; LINE must stay valid until the record is written.
 * Returns 0, or EXIT_DATAERR with R->error set ("not JSON: …", "not a JSON
 * object"). Nesting deeper than ZJ_MAX_DEPTH is an error, not a crash. */
#define ZJ_MAX_DEPTH 512
int record_parse(struct record *r, const char *line, size_t len);
/* Print R's error as "NAME: FILE:LINE: id=ID: ERROR" followed by SUFFIX. */
void record_print_error(struct record *r, const char *suffix);
/* Write R as one line to OUT: members in order, each one the filter did
 * not set as the exact bytes of its key and value in the input, the others
 * serialised compactly. Returns 0 or -1 (see errno). */
int record_write(const struct record *r, FILE *out);
/* Free what R holds (fields, values, message); R can be reused. */
void record_clear(struct record *r);

/* --- JSON values ------------------------------------------------------- */

zjson *zj_object(void);
zjson *zj_array(void);
zjson *zj_string(const char *s, size_t len_bytes);   /* copies S */
zjson *zj_cstring(const char *s);                     /* copies S */
zjson *zj_int(int64_t v);
zjson *zj_double(double v);
zjson *zj_bool(int v);
zjson *zj_copy(const zjson *v);                       /* deep copy */
void zj_free(zjson *v);                               /* NULL is fine */

/* Add KEY=V (taken) to object O; an existing KEY is replaced in place. */
void zj_add(zjson *o, const char *key, zjson *v);
/* Append V (taken) to array A. */
void zj_push(zjson *a, zjson *v);
/* {"start":START,"end":END,"text":TEXT}: the usual span object. */
zjson *zj_span(int64_t start_cp, int64_t end_cp, const char *text, size_t len_bytes);
/* A value given as the LEN bytes of compact JSON text at JSON (copied),
 * written out verbatim: for a filter that writes many small objects (a span
 * per sentence) faster than one zjson each allows. The caller guarantees
 * valid JSON serialised as zj_serialize would. Write-only: zj_get, zj_at
 * and zj_len see an empty object. */
zjson *zj_raw(const char *json, size_t len_bytes);

enum zj_type { ZJ_NULL, ZJ_BOOL, ZJ_INT, ZJ_DOUBLE, ZJ_STRING, ZJ_ARRAY, ZJ_OBJECT };
enum zj_type zj_type(const zjson *v);                 /* NULL pointer is ZJ_NULL */
zjson *zj_get(const zjson *o, const char *key);       /* NULL if absent or O not an object */
size_t zj_len(const zjson *a);                        /* 0 if not an array */
zjson *zj_at(const zjson *a, size_t i);
/* String value and its length, or NULL if V is not a string. Borrowed. */
const char *zj_str(const zjson *v, size_t *len_bytes);
/* Integer value; *ok (when non-NULL) is 0 if V is not an integer. */
int64_t zj_intval(const zjson *v, int *ok);
double zj_num(const zjson *v);                        /* int or double, else 0 */

/* Building a value as JSON text, for long lists of small objects (spans):
 * one zjson per element costs a json-c object and hash table each, which
 * dominates time and memory in filters that write thousands of spans. The
 * text is written the way the record writer writes, so the bytes are the
 * same as with zj_span. Zero-initialise a zj_text; reuse it with
 * zj_text_reset; zj_text_value copies the text into a write-only value
 * (a text of 1 MiB or more is handed over instead, leaving T empty)
 * (like zj_raw) that record_set takes. Out of memory exits 70. */
struct zj_text {
	char *s;
	size_t len, cap;   /* bytes */
};
void zj_text_reset(struct zj_text *t);
void zj_text_raw(struct zj_text *t, const char *json, size_t len_bytes);  /* as is */
void zj_text_string(struct zj_text *t, const char *s, size_t len_bytes);  /* escaped */
/* The escaping every writer shares: the first byte at or after I of S (N
 * bytes) that a JSON string must escape ('"', '\\', below 0x20), N when
 * none; and the escape of such a byte C written to ESC, its length (2 or
 * 6) returned. */
size_t zj_escape_stop(const char *s, size_t i, size_t n);
size_t zj_escape_byte(unsigned char c, char esc[6]);
void zj_text_int(struct zj_text *t, int64_t v);
/* The decimal digits of V written at O, which must have room for
 * ZJ_COUNT_ROOM bytes (all of them may be written: a copy of fixed length);
 * returns the end of the digits. Inline, for writers of long lists of
 * offsets into zj_text_room (zj_text_int uses it too). */
enum { ZJ_COUNT_ROOM = 20 };
extern const char zj_two_digits[200];
static inline char *zj_put_count(char *o, uint64_t v)
{
	char buf[2 * ZJ_COUNT_ROOM], *end = buf + ZJ_COUNT_ROOM, *p = end;
	/* two digits a step: half the divisions */
	for (; v >= 100; v /= 100) {
		p -= 2;
		memcpy(p, zj_two_digits + 2 * (v % 100), 2);
	}
	if (v >= 10) {
		p -= 2;
		memcpy(p, zj_two_digits + 2 * v, 2);
	} else {
		*--p = (char)('0' + v);
	}
	memcpy(o, p, ZJ_COUNT_ROOM);     /* a fixed length: no call */
	return o + (end - p);
}
/* Room for MORE bytes at the end of T's text: where they go. The caller
 * writes them and adds what it wrote to T->len. */
char *zj_text_room(struct zj_text *t, size_t more);
zjson *zj_text_value(struct zj_text *t);
void zj_text_free(struct zj_text *t);

/* The JSON text V is written as when it holds one already (zj_raw,
 * zj_text_value, a number that keeps its text), with its length; else
 * NULL. Borrowed from V. */
const char *zj_written_text(const zjson *v, size_t *len_bytes);

/* Append V's JSON text, written the way the record writer writes. */
void zj_text_json(struct zj_text *t, zjson *v);

/* Serialise V compactly (no spaces, "/" unescaped, UTF-8 kept) as
 * NUL-terminated text owned by V, valid until V changes. */
const char *zj_serialize(zjson *v, size_t *len_bytes);
/* Parse LEN bytes of JSON text (strict; NULL on any error). Caller owns it. */
zjson *zj_parse(const char *s, size_t len_bytes);
/* The value of V, validated JSON text (json_scan.h). Caller owns it; JSON
 * null is NULL. A number that is not a 64-bit integer keeps its text. */
zjson *zj_from_view(struct zj_view v);


#endif
