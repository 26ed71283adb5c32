/* spans.h — the span fields earlier stages write ("sentences", "entities",
 * "quotes"), read from a record as a C array and checked before use.
 *
 * The field is walked as JSON text (json_scan.h): no JSON objects are made,
 * so a record carrying thousands of spans costs a scan, not a tree. What is
 * checked: the field is an array of objects; each has integer "start" and
 * "end" with 0 <= start <= end <= the text's length in code points; starts
 * do not go back (spans in text order, as every Zeef stage writes them).
 * Anything else is bad input: record_error has been called with a message
 * naming the field, the span and the stage that makes it.
 */
#ifndef ZEEF_SPANS_H
#define ZEEF_SPANS_H

#include <stddef.h>
#include <stdint.h>
#include "record.h"

struct field_span {
	size_t start, end;             /* code points, as in the record */
	size_t start_byte, end_byte;   /* the same, as bytes into the text */
	int64_t sentence;              /* "sentence" when an integer, else -1 */
	const char *type;              /* "type" as written between its quotes
	                                  (escapes not decoded), or NULL */
	size_t type_len;               /* bytes */
};

/* Read field FIELD of R ("entities", "quotes", "sentences") into *SPANS
 * (realloc'ed; *CAP its capacity). ITEM names one span and STAGE the
 * program that writes the field, for messages ("entity", "tag-entities"). Returns the number of spans, 0 when
 * the field is absent or null, -1 when it is malformed (record_error set).
 * Out of memory exits 70. Borrowed pointers (type) live as long as R. */
long spans_from_record(struct record *r, const char *field, const char *item,
                       const char *stage, struct field_span **spans, size_t *cap);

/* spans_from_record for a reader that needs only the code points: TEXT_CP
 * is the length of the record's text in code points, which "end" must not
 * pass; start_byte and end_byte are left 0 (no walk over the text). The
 * same checks and messages. */
long spans_from_record_cp(struct record *r, const char *field, const char *item,
                          const char *stage, struct field_span **spans, size_t *cap,
                          size_t text_cp);

/* 1 when span S has type TYPE ("PER"). */
int span_type_is(const struct field_span *s, const char *type);

#endif
