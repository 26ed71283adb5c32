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

/* Longest run of tokens tagged at once; longer sentences are cut. */
enum { ENTITIES_MAX_RUN = 1000 };

struct entity {
	size_t start, end;   /* bytes, [start, end) */
	int type;            /* index into ner_type_names */
	size_t sentence;     /* index of its sentence */
};

/* A tagger for documents, reusable; all memory is kept between texts. */
struct entities_tagger {
	struct ner_model *model;
	struct ner_gazetteer *gaz;
	struct ner_gazetteer *curated;    /* the hand-made lists alone */
	int split_compounds;              /* find names inside NAVO-chef (entities.c) */
	struct ner_tagger tagger;
	struct token_list tokens;     /* one sentence from the tokenizer */
	struct token_list split;      /* the text's tokens as tagged */
	size_t *sent_first;           /* first token of each sentence, + fence */
	size_t sent_cap;
	struct ner_word *words;
	uint8_t *labels;
	size_t word_cap;
	struct entity *ent;           /* the result of the last entities_tag */
	size_t n_ent, ent_cap;
};

/* The gazetteers named nl/gazetteer-TYPE.txt and nl/gazetteer-TYPE-common.txt
 * (type in lower case) among the language files, with the surname particles
 * of nl/name-particles.txt and nl/name-particles-inner.txt; missing files
 * are left out. NULL when out of
 * memory. */
struct ner_gazetteer *entities_load_gazetteers(void);

/* Set up T with MODEL_PATH (a model file) or, when NULL, the default model
 * from the language data. Returns 0, or -1 after printing "PROG: why" to
 * stderr. */
int entities_open(struct entities_tagger *t, const char *model_path, const char *prog);
void entities_close(struct entities_tagger *t);

/* Tag TEXT[0,LEN) (valid UTF-8) whose sentences are SPANS[0,N): fills
 * t->ent in text order. Returns 0 or -1 (out of memory). */
int entities_tag(struct entities_tagger *t, const char *text, size_t len,
                 const struct sentence_span *spans, size_t n);

#endif
