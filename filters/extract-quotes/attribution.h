/* attribution.h — who said each quotation of a text, and with which cue
 * (extract-quotes).
 *
 * attribute_text() reads a text once, front to back, in a window of a few
 * paragraphs (doc.h), and decides for each quotation whether it is speech
 * at all (a scare quote, a term or a title is dropped), its kind (direct
 * or partial), its cue (a reporting verb, a prepositional phrase, or the
 * colon that introduces it: rules, cues.c) and its speaker: the person a
 * trained ranker (features.c, an averaged perceptron) picks among the
 * people the text has named so far, the narrator and the latest speakers;
 * shown as the mention at the cue (a name, a pronoun or a description) or
 * the person's latest mention, with the fullest name the text gives.
 *
 * Every word it knows comes from language files (wordlists.c), the model
 * from nl/speakers-model.txt. It works without the record's sentences and
 * entities, and uses them when given.
 *
 * Offsets: xspan holds bytes and code points of the same span. Memory: an
 * attributor owns reusable buffers; results stay valid until its next call.
 */
#ifndef ZEEF_ATTRIBUTION_H
#define ZEEF_ATTRIBUTION_H

#include <stddef.h>
#include <stdint.h>

enum quote_kind { QUOTE_DROPPED = 0, QUOTE_DIRECT, QUOTE_PARTIAL, QUOTE_INDIRECT };
enum cue_pos { CUE_NONE = 0, CUE_AFTER, CUE_BEFORE, CUE_PREV_SENTENCE };

/* A span with both kinds of offsets. */
struct xspan {
	uint32_t start, end;         /* bytes, half-open */
	uint32_t start_cp, end_cp;   /* code points */
};

/* A span the record's entities mark: PER or another type. */
struct entity_hint {
	size_t start, end;   /* bytes */
	int person;          /* 1 for PER */
};

struct attributed_quote {
	enum quote_kind kind;        /* never QUOTE_DROPPED in results */
	enum cue_pos cue_pos;
	struct xspan quote;          /* the quoted text, marks left out */
	struct xspan cue;            /* when cue_pos != CUE_NONE */
	struct xspan speaker;        /* when has_speaker */
	int has_speaker;
	uint32_t name_start, name_end;  /* bytes of the speaker's fullest name;
	                                   equal when the text gives none */
	int32_t person;              /* internal: who said it, -1 */
	int32_t quote_index;         /* internal: its quotation, -1 indirect */
};

struct attributor;

/* Load the word lists, the quotation marks and the built-in model; NULL
 * (after a message) when one is missing or malformed. */
struct attributor *attributor_new(void);
void attributor_free(struct attributor *a);

/* Use the model in the LEN bytes at TEXT (a speakers-model file) instead
 * of the built-in one. Returns 0, or -1 with *WHY and *LINE set. */
int attributor_set_model(struct attributor *a, const char *text, size_t len,
                         const char **why, long *line);

/* Also report indirect speech without quotation marks (kind
 * QUOTE_INDIRECT): a sentence with no quotation whose first reporting verb
 * (not an opinion verb) has a speaker and is followed by a complementizer
 * ("Rutte zei dat het kabinet doorgaat"); the span is the reported clause
 * up to the end of the sentence, at least three words. Off by default. */
void attributor_set_indirect(struct attributor *a, int on);

/* Attribute the quotations in the LEN bytes of valid UTF-8 at TEXT.
 * SENTENCES (may be NULL) are extra sentence starts in bytes (sorted),
 * ENTITIES (may be NULL) entity spans (sorted by start, not overlapping).
 * Returns the speech found, quotations and (when on) indirect speech, in
 * text order, *N of them, owned by A until its next call; NULL when out of
 * memory. */
const struct attributed_quote *attribute_text(struct attributor *a, const char *text,
	size_t len, const size_t *sentences, size_t nsentences,
	const struct entity_hint *entities, size_t nentities, size_t *n);

/* Give back memory that an unusually large text made A hold (call when its
 * results are no longer needed). */
void attribution_release(struct attributor *a);

#endif
