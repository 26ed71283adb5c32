/* ner.h — the named-entity tagger behind tag-entities: features, the
 * averaged structured perceptron with BIO-constrained Viterbi decoding, the
 * model file, and training on CoNLL/IOB files.
 *
 * Words are byte strings (UTF-8) owned by the caller. Labels are small
 * integers: 0 is O, then B- and I- of each type in ner_type_names order.
 * Nothing here allocates per token: callers pass scratch buffers or reuse a
 * struct ner_tagger across sentences.
 */
#ifndef ZEEF_NER_H
#define ZEEF_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum { NER_NTYPES = 4, NER_NLABELS = 1 + 2 * NER_NTYPES };
extern const char *const ner_type_names[NER_NTYPES];   /* PER LOC ORG MISC */
extern const char *const ner_label_names[NER_NLABELS]; /* O B-PER I-PER ... */

static inline int ner_label_type(int label) { return label ? (label - 1) / 2 : -1; }
static inline int ner_label_is_begin(int label) { return label && (label - 1) % 2 == 0; }
static inline int ner_label_begin(int type) { return 1 + 2 * type; }
/* Label index of NAME ("B-PER", "O"...), -1 when unknown. */
int ner_label_parse(const char *name, size_t len);

struct ner_word {
	const char *s;
	size_t len;   /* bytes */
};

/* --- hashing (features.c) ---------------------------------------------- */

/* Feature keys are 32-bit hashes, never 0. */
uint32_t ner_hash_bytes(const char *s, size_t len);
static inline uint32_t ner_hash_mix(uint32_t a, uint32_t b)
{
	uint32_t h = a ^ (b * 0x9E3779B1u);
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return h ? h : 1;
}

/* --- gazetteers (gazetteer.c) ------------------------------------------ */

/* Names of known people, places and organisations, as token sequences. */
struct ner_gazetteer;
struct ner_gazetteer *ner_gazetteer_new(void);
/* Add every name of word list TEXT (lang.h convention: one a line, `#`
 * comments) as type TYPE; with TYPE NER_PARTICLES, the entries are the
 * lower-case particles that begin a surname (`van`), with
 * NER_PARTICLES_INNER those that may follow one (`de`). Returns the number
 * added, -1 when out of memory. */
enum { NER_PARTICLES = NER_NTYPES, NER_PARTICLES_INNER };
long ner_gazetteer_add_list(struct ner_gazetteer *g, const char *text, size_t len, int type);
void ner_gazetteer_free(struct ner_gazetteer *g);
/* Add the name made of words W[0,N) as type TYPE. Returns 0 or -1. */
int ner_gazetteer_add_words(struct ner_gazetteer *g, const struct ner_word *w, size_t n, int type);
/* A copy of G (G may be NULL: an empty gazetteer); NULL when out of memory. */
struct ner_gazetteer *ner_gazetteer_copy(const struct ner_gazetteer *g);
/* Type bitmask (1 << type) of the name whose words hash (ner_hash_bytes) to
 * H[0,N) in order; 0 when none. */
unsigned ner_gazetteer_phrase(const struct ner_gazetteer *g, const uint32_t *h, size_t n);
/* For the word hashing to H: 1 if it may begin a surname's particles, 2 if
 * it may follow such a particle (bits; 0 if neither). */
unsigned ner_gazetteer_particle(const struct ner_gazetteer *g, uint32_t h);
/* Type bitmask of the names that contain the word hashing to H. */
unsigned ner_gazetteer_word(const struct ner_gazetteer *g, uint32_t h);
enum { NER_GAZ_MAX_WORDS = 6 };

/* --- document memory (features.c) --------------------------------------- */

/* What the same document says about a word: the words around its
 * capitalised mentions (ner_doc_scan), and the types the tagger gave it in
 * earlier sentences, and where in a name it stood (ner_doc_learn). */
struct ner_doc;
struct ner_doc *ner_doc_new(void);
void ner_doc_reset(struct ner_doc *d);
/* Before tagging a document: note the words beside every capitalised word
 * of each sentence, so each mention sees the contexts of all the others.
 * Returns 0 or -1 (memory). */
int ner_doc_scan(struct ner_doc *d, const struct ner_word *w, size_t n);
/* Remember sentence W[0,N) tagged with LABELS. Returns 0 or -1 (memory). */
int ner_doc_learn(struct ner_doc *d, const struct ner_word *w, size_t n, const uint8_t *labels);
void ner_doc_free(struct ner_doc *d);

/* --- features (features.c) ---------------------------------------------- */

enum { NER_MAX_FEATS = 64 };

/* Scratch space for feature extraction, reusable across sentences. */
struct ner_scratch {
	char *lower;          /* lower-cased words, concatenated */
	size_t lower_cap;
	struct ner_token_info *info;
	size_t info_cap;
	uint32_t *feats;      /* n * NER_MAX_FEATS feature hashes, 0 = none */
	size_t feats_cap;     /* in tokens */
	const float **rows;   /* the weights of each feature, or NULL */
	size_t rows_cap;
	float *score;         /* Viterbi tables */
	uint8_t *back;
	size_t score_cap;     /* in tokens */
};
void ner_scratch_free(struct ner_scratch *s);

/* Fill s->feats with the features of every token of W[0,N). G and D may be
 * NULL. Returns 0, or -1 when out of memory. */
int ner_features(struct ner_scratch *s, const struct ner_gazetteer *g,
                 const struct ner_doc *d, const struct ner_word *w, size_t n);

/* --- model and decoding (model.c, perceptron.c) ------------------------- */

/* Weights: feature hash -> one score per label, plus label transitions. */
struct ner_model;
struct ner_model *ner_model_new(void);
void ner_model_free(struct ner_model *m);

/* Parse the text model format (see model.c). Returns NULL and sets *why to
 * a static message when TEXT is not a model. */
struct ner_model *ner_model_parse(const char *text, size_t len, const char **why);
/* Write M as a model file: weights whose magnitude rounds to zero at the
 * model's precision are left out. HEADER (may be NULL) is written as
 * comment lines first. Returns 0, or -1 on a write error. */
int ner_model_write(const struct ner_model *m, FILE *f, const char *header);
size_t ner_model_features(const struct ner_model *m);
/* Names the model was trained with (entities of its training data). The
 * model remembers them, and its file carries them: tagging adds them to
 * the gazetteer. add_name returns 0 or -1 (memory); names adds M's names
 * to G and returns their number or -1. */
int ner_model_add_name(struct ner_model *m, const struct ner_word *w, size_t n, int type);
long ner_model_names(const struct ner_model *m, struct ner_gazetteer *g);

/* Best label sequence for the N tokens whose features are in s->feats, BIO
 * constraints respected (I-T only after B-T or I-T). Writes LABELS[0,N).
 * Returns 0 or -1 (memory). */
int ner_decode(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels);
/* The same with COST added to every label but GOLD's at each token
 * (loss-augmented decoding, for training with a margin). */
int ner_decode_cost(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels,
                    const uint8_t *gold, float cost);

/* One perceptron step on a decoded sentence: reward GOLD, penalise PRED.
 * Returns 0 or -1 (memory). */
int ner_update(struct ner_model *m, const struct ner_scratch *s, size_t n,
               const uint8_t *gold, const uint8_t *pred);
/* Advance the averaging clock by one example. */
void ner_tick(struct ner_model *m);
/* Replace the weights by their average over all ticks (end of training);
 * ner_model_average_copy returns a new averaged model, leaving M as is. */
struct ner_model *ner_model_average_copy(const struct ner_model *m);
/* Add WEIGHT times the weights of M to INTO (for an ensemble of models
 * trained with different seeds). Returns 0 or -1 (memory). */
int ner_model_accumulate(struct ner_model *into, const struct ner_model *m, float weight);

/* --- the tagger (perceptron.c) ------------------------------------------ */

/* A model with its gazetteers and per-document memory. */
struct ner_tagger {
	const struct ner_model *model;
	const struct ner_gazetteer *gaz;
	struct ner_doc *doc;
	struct ner_scratch scratch;
};
/* Tag one sentence W[0,N) of the current document into LABELS, and
 * remember it for the sentences that follow. Returns 0 or -1 (memory). */
int ner_tag_sentence(struct ner_tagger *t, const struct ner_word *w, size_t n, uint8_t *labels);

/* --- corpora and training (corpus.c, train.c) --------------------------- */

/* A CoNLL/IOB corpus in memory: words, labels, sentence and document
 * boundaries. */
struct ner_corpus {
	char *pool;                 /* word bytes */
	size_t pool_len, pool_cap;
	struct ner_word *word;      /* s points into pool after loading */
	size_t *word_off;           /* offsets into pool while loading */
	uint8_t *label;
	size_t n, cap;              /* tokens */
	size_t *sent;               /* sentence i is tokens [sent[i], sent[i+1]) */
	size_t nsent, sent_cap;
	size_t *doc;                /* document j is sentences [doc[j], doc[j+1]) */
	size_t ndoc, doc_cap;
};
/* Append the CoNLL/IOB file at PATH (token [columns] tag; blank line between
 * sentences; -DOCSTART- between documents; IOB1 tags become IOB2). Returns
 * 0, or -1 with a message in ERR (ERRLEN bytes). */
int ner_corpus_load(struct ner_corpus *c, const char *path, char *err, size_t errlen);
void ner_corpus_free(struct ner_corpus *c);

/* Entity counts for P/R/F1: correct, predicted, gold; per type and total. */
struct ner_counts {
	long correct[NER_NTYPES + 1], pred[NER_NTYPES + 1], gold[NER_NTYPES + 1];
};
/* Add the entities of one sentence (conlleval rules: a span is correct when
 * its type, start and end all match). */
void ner_count_sentence(struct ner_counts *k, const uint8_t *gold, const uint8_t *pred, size_t n);
double ner_f1(const struct ner_counts *k, int type);   /* type NER_NTYPES: all */

struct ner_train_options {
	int epochs;
	unsigned long seed;
	float margin;               /* cost of a wrong label while training (0: none) */
	FILE *log;                  /* per-epoch lines, or NULL */
};
/* Train a model on TRAIN; after each epoch, report dev F1 when DEV is not
 * NULL. Returns the averaged model (of the best dev epoch when DEV is
 * given), or NULL when out of memory. */
struct ner_model *ner_train(const struct ner_corpus *train, const struct ner_corpus *dev,
                            const struct ner_gazetteer *g, const struct ner_train_options *o);
/* Tag corpus C with M (documents reset the memory), counting entities.
 * G should hold M's names (ner_model_names). */
int ner_evaluate(const struct ner_model *m, const struct ner_gazetteer *g,
                 const struct ner_corpus *c, struct ner_counts *k, uint8_t *pred_out);

#endif
