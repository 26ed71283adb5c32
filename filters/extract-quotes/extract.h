/* extract.h — one record through extract-quotes: read its text, sentences
 * and entities, attribute its quotations, write its "quotes".
 *
 * Offsets in records are code points; the attribution works in bytes and
 * gives both (attribution.h). The two upstream fields are each read by one
 * function, which checks them (offsets within the text, spans in order).
 */
#ifndef ZEEF_EXTRACT_H
#define ZEEF_EXTRACT_H

#include "attribution.h"
#include "record.h"
#include "sentence.h"
#include "spans.h"

struct extractor;

/* Load the language data and the built-in model; NULL (after a message)
 * when they are missing. */
struct extractor *extractor_new(void);
void extractor_free(struct extractor *x);

/* Also report indirect speech (kind "indirect"); see attribution.h. */
void extractor_set_indirect(struct extractor *x, int on);
/* Use the speaker model in TEXT (LEN bytes); see attributor_set_model. */
int extractor_set_model(struct extractor *x, const char *text, size_t len, const char **why,
                        long *line);

/* Replace R's "quotes" with the quotations of its text. Returns 0,
 * EXIT_DATAERR after record_error() when "sentences" or "entities" is
 * malformed, or EXIT_SOFTWARE when out of memory. */
int extract_quotes(struct extractor *x, struct record *r);

/* The record's "sentences" as byte starts (*STARTS, *NSTARTS; the spans
 * and arrays are reused across calls, capacities in *SPANCAP, *STARTCAP):
 * 0, EXIT_DATAERR (record_error called) or EXIT_SOFTWARE. */
int extract_read_sentences(struct record *r, struct sentence_span **spans, size_t *spancap,
                           size_t **starts, size_t *nstarts, size_t *startcap);
/* The record's "entities" as byte spans in text order (*ENT, *NENT;
 * capacity *ENTCAP; *SPANS, *SPANCAP the spans as read, reused): read and
 * checked by common/spans.h (integer "start" <= "end" within the text,
 * starts in order). Returns 0, EXIT_DATAERR (record_error called) or
 * EXIT_SOFTWARE. */
int extract_read_entities(struct record *r, struct field_span **spans, size_t *spancap,
                          struct entity_hint **ent, size_t *nent, size_t *entcap);

#endif
