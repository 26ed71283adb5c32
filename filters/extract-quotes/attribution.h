/* attribution.h — who said a quotation, and with which cue (extract-quotes).
 *
 * Given a text and its quotations (quotes.h), attribute_quotes() decides for
 * each quotation whether it is speech at all (a scare quote or a title is
 * dropped), its kind (direct or partial), its cue (a reporting verb such as
 * the Dutch verb for "says", a prepositional phrase, or the colon that
 * introduces it) and its speaker: the mention (a name, a pronoun or a
 * description) and the fullest name the text gives for that person.
 *
 * Every word it knows comes from language files (nl/quotes-*.txt, see
 * attribution_lexicon_load); names are found by capitalisation, particles
 * and the record's PER entities when given. It works without sentences or
 * entities, and uses them when given.
 *
 * All offsets are BYTES into the text, half-open. Memory: an attributor owns
 * reusable buffers; results stay valid until its next call.
 */
#ifndef ZEEF_ATTRIBUTION_H
#define ZEEF_ATTRIBUTION_H

#include <stddef.h>
#include "quotes.h"

enum quote_kind { QUOTE_DROPPED = 0, QUOTE_DIRECT, QUOTE_PARTIAL, QUOTE_INDIRECT };
enum cue_pos { CUE_NONE = 0, CUE_AFTER, CUE_BEFORE, CUE_PREV_SENTENCE };

struct byte_span {
	size_t start, end;   /* bytes; start == end means absent */
};

struct attributed_quote {
	struct quote_span quote;
	enum quote_kind kind;
	enum cue_pos cue_pos;
	struct byte_span cue;      /* absent when cue_pos is CUE_NONE */
	struct byte_span speaker;  /* the mention; absent when unknown */
	struct byte_span name;     /* fullest name of the speaker in the text;
	                              absent when the text gives none */
};

/* A span the record's entities mark: PER or another type. */
struct entity_hint {
	size_t start, end;   /* bytes */
	int person;          /* 1 for PER */
};

struct attributor;

/* Load the lexicons; NULL (after a message) when one is missing. */
struct attributor *attributor_new(void);
void attributor_free(struct attributor *a);

/* Attribute the NQ quotations Q (text order, from quotes_find) in the LEN
 * bytes at TEXT. SENTENCES (may be NULL) are extra sentence starts in bytes
 * (sorted), ENTITIES (may be NULL) entity spans (sorted by start). Returns
 * an array of NQ results owned by A (valid until the next call), or NULL when
 * out of memory. Dropped quotations have kind QUOTE_DROPPED. */
const struct attributed_quote *attribute_quotes(struct attributor *a,
	const char *text, size_t len, const struct quote_span *q, size_t nq,
	const size_t *sentence_starts, size_t nsentences,
	const struct entity_hint *entities, size_t nentities);

/* With ON, attribute_quotes() also finds indirect speech without quotation
 * marks: a sentence with no quotation whose first reporting verb (not an
 * opinion verb) has a speaker and is followed by a complementizer ("Rutte
 * zei dat het kabinet doorgaat"); the span is the reported clause up to the
 * end of the sentence, at least three words. Off by default. */
void attributor_set_indirect(struct attributor *a, int on);

/* The indirect speech found by the last attribute_quotes() call (kind
 * QUOTE_INDIRECT, text order, owned by A); *N gets the count. */
const struct attributed_quote *attribution_indirect(const struct attributor *a, size_t *n);

#endif
