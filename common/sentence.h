/* sentence.h — Dutch sentence boundaries, shared by split-sentences and by
 * every filter that needs sentences when the record has none.
 *
 * Spans are BYTE offsets into the text, half-open, trimmed of surrounding
 * white space; filters turn them into code points (utf8.h) when writing.
 * Rules and word lists come from common/lang/nl/ through lang.h.
 */
#ifndef ZEEF_SENTENCE_H
#define ZEEF_SENTENCE_H

#include <stddef.h>
#include "record.h"

struct sentence_span {
	size_t start, end;   /* bytes, [start, end) */
};

struct splitter;

/* A splitter with the language data loaded; NULL when the data is missing
 * or malformed (a message has been printed). Reusable for many texts. */
struct splitter *splitter_new(void);
void splitter_free(struct splitter *sp);

/* Split the LEN valid UTF-8 bytes at TEXT. Returns the number of sentences
 * and points *spans at them, in text order; the array belongs to SP and is
 * valid until the next call. Never fails; runs in time linear in LEN. */
size_t splitter_split(struct splitter *sp, const char *text, size_t len,
                      const struct sentence_span **spans);

/* Read a record's "sentences" field (code-point spans) as byte spans into
 * *spans (realloc'ed, *cap its capacity). Returns the count, 0 when the field
 * is absent, or -1 when it is malformed: not an array, a span without
 * integer start <= end inside the text, or spans out of text order or
 * overlapping (then record_error has been called). */
long sentences_from_record(struct record *r, struct sentence_span **spans, size_t *cap);

/* The sentences of record R: from its "sentences" field when present, else
 * computed with SP. Same return and ownership as sentences_from_record. */
long sentences_of(struct record *r, struct splitter *sp,
                  struct sentence_span **spans, size_t *cap);

/* The value of a "sentences" field for the N SPANS (bytes) over the LEN
 * bytes of TEXT: [{"start":S,"end":E,"text":T},...] with code-point offsets,
 * already serialised (zj_raw): the same bytes as an array of zj_span, in
 * about half the time. The caller owns it (record_set takes it). */
zjson *sentences_json(const char *text, size_t len,
                      const struct sentence_span *spans, size_t n);

#endif
