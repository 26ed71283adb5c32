/* entities.h — tag-entities on whole texts: the model and gazetteers from
 * the language data (or a model file), tokens from the shared tokenizer,
 * and entity spans out. The record glue is in main.c.
 *
 * Offsets here are BYTES into the text; the filter writes code points.
 */
#ifndef ZEEF_ENTITIES_H
#define ZEEF_ENTITIES_H

#include <stddef.h>
#include "ner.h"
#include "sentence.h"
#include "tokenize.h"

/* Name of the default model among the language files (lang.h). */
#define ENTITIES_MODEL_NAME "nl/ner-model.txt"
/* Features seen fewer times in tagging the training data are left out of
 * a trained model file (tag-entities --train --min-count). */
enum { ENTITIES_MIN_COUNT = 3 };

/* Longest run of tokens tagged at once; longer sentences are cut. */
enum { ENTITIES_MAX_RUN = 1000 };

struct entity {
	uint32_t start, end;   /* bytes, [start, end) */
	uint32_t sentence;     /* index of its sentence */
	uint8_t type;          /* index into ner_type_names */
};

/* A tagger for documents, reusable; all memory is kept between texts and
 * grows with the largest: 8 bytes a token of a text, a byte a token of its
 * longest sentence, 16 bytes an entity. */
struct entities_tagger {
	struct ner_model *model;
	struct ner_gazetteer *gaz;
	struct ner_gazetteer *curated;    /* the hand-made lists alone */
	int split_compounds;              /* find names inside NAVO-chef (entities.c) */
	struct ner_tagger tagger;
	struct token_list tokens;     /* one sentence from the tokenizer */
	const char *text;             /* the text being tagged */
	uint32_t *off;                /* its tokens as tagged: start, end (bytes) */
	size_t off_cap;               /* in uint32_t */
	size_t n_tokens;              /* tokens of the last text */
	size_t *sent_first;           /* first token of each sentence, + fence */
	size_t sent_cap;
	struct ner_word *words;       /* one run of tokens */
	size_t word_cap;
	uint8_t *labels;              /* one sentence's */
	size_t label_cap;
	struct entity *ent;           /* the result of the last entities_tag */
	size_t n_ent, ent_cap;
};

/* The gazetteers named nl/gazetteer-TYPE.txt and nl/gazetteer-TYPE-common.txt
 * (type in lower case) among the language files, with the surname particles
 * of nl/name-particles.txt and nl/name-particles-inner.txt, into a new *G;
 * missing files are left out. Returns an exit status (filter.h): 0, 66
 * when a list is not valid (after "PROG: FILE:LINE: why" on stderr), 70
 * when out of memory. */
int entities_load_gazetteers(struct ner_gazetteer **g, const char *prog);

/* Set up T with MODEL_PATH (a model file) or, when NULL, the default model
 * from the language data. Returns an exit status: 0; 66 when the model
 * file cannot be opened or is not a valid model, or a gazetteer is not
 * valid, whichever way it came (--model, --data or built in); 70 when out
 * of memory. Failures are told on stderr as "PROG: FILE[:LINE]: why". */
int entities_open(struct entities_tagger *t, const char *model_path, const char *prog);
void entities_close(struct entities_tagger *t);
/* After a large text: free the tables for the text's tokens that hold more
 * than KEEP bytes, and when ENTITIES, t->ent too (then n_ent is 0). */
void entities_trim(struct entities_tagger *t, size_t keep, int entities);

/* Tag TEXT[0,LEN) (valid UTF-8, LEN below 4 GiB) whose sentences are
 * SPANS[0,N): fills t->ent in text order. Returns 0 or -1 (out of memory,
 * or LEN too large). */
int entities_tag(struct entities_tagger *t, const char *text, size_t len,
                 const struct sentence_span *spans, size_t n);

#endif
