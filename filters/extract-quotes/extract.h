/* extract.h — one record through extract-quotes: read its text, sentences
 * and entities, find and attribute its quotations, write its "quotes".
 *
 * Offsets in records are code points; the modules below work in bytes
 * (quotes.h, attribution.h); this module converts both ways.
 */
#ifndef ZEEF_EXTRACT_H
#define ZEEF_EXTRACT_H

#include "record.h"

struct extractor;

/* Load the language data; NULL (after a message) when it is missing. */
struct extractor *extractor_new(void);
void extractor_free(struct extractor *x);

/* Also report indirect speech (kind "indirect"); see attribution.h. */
void extractor_set_indirect(struct extractor *x, int on);

/* Replace R's "quotes" with the quotations of its text. Returns 0,
 * EXIT_DATAERR after record_error() when "sentences" or "entities" is
 * malformed, or EXIT_SOFTWARE when out of memory. */
int extract_quotes(struct extractor *x, struct record *r);

#endif
