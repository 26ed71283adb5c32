/* fields.h — the upstream fields summarize reads beside "text" and
 * "sentences" (which common/sentence.h reads and checks): "entities" from
 * tag-entities and "quotes" from extract-quotes. Each field is read, and
 * checked, in ONE function below, by spans_from_record (common/spans.h:
 * the field's JSON scanned once, no tree built), so that its internals can
 * be swapped without touching the summarizer.
 *
 * Units: offsets in records are code points (DESIGN.md); struct
 * field_sentences holds the document's sentences in code points too.
 * Time and memory of every function are linear in the field's length plus
 * the number of sentences, whatever the spans look like (a quotation that
 * covers many sentences is still visited once per sentence boundary).
 *
 * A field that is present but malformed is bad input: the function calls
 * record_error() with a message that names the field and the element, and
 * returns EXIT_DATAERR (65). Checked: the field is an array of objects;
 * "start" and "end" are integers with 0 <= start <= end <= the text's
 * length in code points; the elements are in text order (each "start" at
 * or after the previous one's); an entity's "sentence", when an integer,
 * is an index into the document's sentences (spans.h reads any other
 * "sentence" as none: summarize does not use it). A null field counts as
 * absent.
 */
#ifndef ZEEF_SUMMARY_FIELDS_H
#define ZEEF_SUMMARY_FIELDS_H

#include <stddef.h>
#include "record.h"
#include "sentence.h"

/* The document's sentences in code points, for the readers below. */
struct field_sentences {
	size_t *start, *end;   /* N spans, in text order, not overlapping */
	size_t n;
	size_t ncp;            /* code points in the text */
};

/* Fill S (its arrays hold N entries) from the N byte SPANS over the LEN
 * bytes of TEXT, in one pass over the text. */
void fields_sentences(struct field_sentences *s, const char *text, size_t len,
                      const struct sentence_span *spans, size_t n);

/* Entity mentions per sentence from R's "entities": PER_SENTENCE[k] (N
 * entries, zeroed here) counts the entities that start inside sentence k.
 * Returns 1 when read, 0 when the field is absent, EXIT_DATAERR when it is
 * malformed. */
int fields_entities(struct record *r, const struct field_sentences *s,
                    unsigned *per_sentence);

/* Quoted speech per sentence from R's "quotes": SHARE[k] (N entries) is the
 * share (0..1) of sentence k's code points inside at least one quotation.
 * Overlapping quotations count once. Returns 1 when read, 0 when the field
 * is absent, EXIT_DATAERR when it is malformed. */
int fields_quotes(struct record *r, const struct field_sentences *s, float *share);

#endif
