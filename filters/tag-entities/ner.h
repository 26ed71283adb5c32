/* ner.h — the named-entity tagger behind tag-entities: features, the
 * averaged structured perceptron with BIO-constrained Viterbi decoding, the
 * model file, and training on CoNLL/IOB files.
 *
 * Words are byte strings (UTF-8) owned by the caller. Labels are small
 * integers: 0 is O, then B- and I- of each type in ner_type_names order.
 * Training works on float weights (struct ner_weights) and writes a model
 * file; tagging reads one into a compact integer model (struct ner_model).
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

/* Why a model file or word list was refused: the line (1-based; 0 when
 * not about one line) and a message without the file name. */
struct ner_file_error {
	long line;
	char message[200];
};

/* --- gazetteers (gazetteer.c) ------------------------------------------ */

/* Names of known people, places and organisations, as token sequences. */
struct ner_gazetteer;
struct ner_gazetteer *ner_gazetteer_new(void);
/* Add every name of word list TEXT (lang.h convention: one a line, `#`
 * comments) as type TYPE; names of more than NER_GAZ_MAX_WORDS tokens are
 * left out. With TYPE NER_PARTICLES, the entries are the lower-case
 * particles that begin a surname (`van`), with NER_PARTICLES_INNER those
 * that may follow one (`de`): one word each. Returns the number added; -1
 * when out of memory; -2 with *ERR set when a line is not valid UTF-8,
 * holds a control character, or is a particle of more than one word. */
enum { NER_PARTICLES = NER_NTYPES, NER_PARTICLES_INNER };
long ner_gazetteer_add_list(struct ner_gazetteer *g, const char *text, size_t len, int type,
                            struct ner_file_error *err);
void ner_gazetteer_free(struct ner_gazetteer *g);
/* Add the name made of words W[0,N) as type TYPE. Returns 0 or -1. */
int ner_gazetteer_add_words(struct ner_gazetteer *g, const struct ner_word *w, size_t n, int type);
/* A copy of G (G may be NULL: an empty gazetteer); NULL when out of memory. */
struct ner_gazetteer *ner_gazetteer_copy(const struct ner_gazetteer *g);
/* Type bitmask (1 << type) of the name whose words hash (ner_hash_bytes) to
 * H[0,N) in order; 0 when none. */
unsigned ner_gazetteer_phrase(const struct ner_gazetteer *g, const uint32_t *h, size_t n);
/* The longest name of G that the words hashing to H[0,N) begin with: its
 * number of words, its type bitmask in *MASK; 0 when none. */
size_t ner_gazetteer_longest(const struct ner_gazetteer *g, const uint32_t *h, size_t n,
                             unsigned *mask);
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

/* Scratch space for feature extraction and decoding, reusable across
 * sentences. */
struct ner_scratch {
	struct ner_token_info *info;
	size_t info_cap;
	uint32_t *feats;      /* n * NER_MAX_FEATS feature keys; a 0 ends a token's */
	size_t feats_cap;     /* in tokens */
	uint8_t *gaz_mark;    /* gazetteer phrases begun and continued, 2 * n */
	size_t gaz_mark_cap;
	float *emit;          /* decoding: n * NER_VLABELS label scores */
	size_t emit_cap;      /* in tokens */
	struct ner_memo *memo;   /* the tagger's word types (tagger.c) */
};
void ner_scratch_free(struct ner_scratch *s);

/* Fill s->feats with the features of every token of W[0,N). G and D may be
 * NULL. Returns 0, or -1 when out of memory. */
int ner_features(struct ner_scratch *s, const struct ner_gazetteer *g,
                 const struct ner_doc *d, const struct ner_word *w, size_t n);

/* --- the tagging model (model.c) ---------------------------------------- */

/* A model as read from a model file (format: model.c and README.md): per
 * feature key one row of 16-bit integer weights, frozen. Scores are in
 * units of the file's quantum. */
struct ner_model;


/* Parse and validate model TEXT[0,LEN) (TEXT[LEN] must be readable and
 * NUL: the buffers of lang_file and ner_model_read_file are). Returns NULL
 * and fills *ERR when it is not a valid model, or when out of memory
 * (err->line 0, message "out of memory"). */
struct ner_model *ner_model_parse(const char *text, size_t len, struct ner_file_error *err);
void ner_model_free(struct ner_model *m);
size_t ner_model_features(const struct ner_model *m);
/* Names the model was trained with (entities of its training data): adds
 * them to G and returns their number, or -1 when out of memory. */
long ner_model_names(const struct ner_model *m, struct ner_gazetteer *g);
/* Read the model file at PATH into a NUL-terminated buffer (*LEN bytes):
 * regular files only (a FIFO or a directory is refused without blocking)
 * of at most NER_MODEL_MAX_BYTES. NULL with a message in ERR (ERRLEN
 * bytes, without the path) when it cannot be read. */
enum { NER_MODEL_MAX_BYTES = 256 << 20 };
char *ner_model_read_file(const char *path, size_t *len, char *err, size_t errlen);

/* Label scores of the N tokens whose features are in s->feats into
 * s->emit (label L of token I at I * NER_VLABELS + L): sums of the rows of
 * their features, minus O's. Returns 0 or -1 (memory). */
int ner_label_scores(const struct ner_model *m, struct ner_scratch *s, size_t n);
/* Best label sequence for the N tokens whose features are in s->feats, BIO
 * constraints respected (I-T only after B-T or I-T). Writes LABELS[0,N).
 * Returns 0 or -1 (memory). */
int ner_decode(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels);

/* Labels padded for vector code: scores of label L at s->emit[i * NER_VLABELS + L]. */
enum { NER_VLABELS = 12 };
/* Viterbi over the label scores s->emit[0, N * NER_VLABELS) with
 * transition scores TRANS[p][l] (p NER_NLABELS: the sentence start),
 * NER_NEVER where BIO forbids; writes LABELS. Exact when every score is an
 * integer of magnitude below 2^22. */
#define NER_NEVER (-1e30f)
void ner_viterbi(const float trans[NER_NLABELS + 1][NER_VLABELS], struct ner_scratch *s, size_t n,
                 uint8_t *labels);
/* Room for N tokens in s->emit; 0 or -1 (memory). */
int ner_scratch_decode_room(struct ner_scratch *s, size_t n);
/* 1 when BIO allows label L after label P (P NER_NLABELS: sentence start). */
int ner_allowed(int p, int l);

/* --- training weights (weights.c, perceptron.c) ------------------------- */

/* Float weights: feature key -> one score per label, plus label
 * transitions; what training changes, and what a model file is written
 * from. */
struct ner_weights;
struct ner_weights *ner_weights_new(void);
void ner_weights_free(struct ner_weights *w);
size_t ner_weights_features(const struct ner_weights *w);
/* Remember a name seen in the training data (it goes into the model file,
 * and so into the gazetteer when tagging). Returns 0 or -1 (memory). */
int ner_weights_add_name(struct ner_weights *w, const struct ner_word *words, size_t n, int type);
/* Count how often each feature of W occurs in tagging the N tokens whose
 * features are in s->feats (for ner_weights_write). 0 or -1 (memory). */
int ner_weights_count(struct ner_weights *w, const struct ner_scratch *s, size_t n);

/* Write W as a model file (format 2, model.c): weights rounded to
 * integers in steps of one quantum (the largest weight / NER_QUANT_LEVELS);
 * a feature whose weights all round alike is left out, and so is one seen
 * fewer than MIN_COUNT times by ner_weights_count (when it counted);
 * counted features are written most frequent first. HEADER (may be NULL)
 * becomes comment lines. Returns 0, or -1 on a write error. */
enum { NER_QUANT_LEVELS = 2000 };
int ner_weights_write(const struct ner_weights *w, FILE *f, const char *header, unsigned min_count);
/* The model that ner_weights_write would write, read back: what tagging
 * will use. NULL and *ERR set on failure (out of memory). */
struct ner_model *ner_weights_model(const struct ner_weights *w, unsigned min_count,
                                    struct ner_file_error *err);

/* Best label sequence under W, with COST added to every label but GOLD's
 * at each token (loss-augmented decoding, for training with a margin);
 * GOLD may be NULL (then COST is ignored). Returns 0 or -1 (memory). */
int ner_decode_cost(const struct ner_weights *w, struct ner_scratch *s, size_t n, uint8_t *labels,
                    const uint8_t *gold, float cost);
/* One perceptron step on a decoded sentence: reward GOLD, penalise PRED.
 * Returns 0 or -1 (memory). */
int ner_update(struct ner_weights *w, const struct ner_scratch *s, size_t n,
               const uint8_t *gold, const uint8_t *pred);
/* Advance the averaging clock by one example. */
void ner_tick(struct ner_weights *w);
/* A new copy of W whose weights are their average over all ticks (the
 * averaged perceptron); NULL when out of memory. */
struct ner_weights *ner_weights_average_copy(const struct ner_weights *w);

/* --- the tagger (tagger.c) ------------------------------------------ */

/* A model (or, while training, float weights) with its gazetteers and
 * per-document memory (tagger.c). Exactly one of MODEL and WEIGHTS is
 * set. With a model, the scratch space caches the words seen. */
struct ner_tagger {
	const struct ner_model *model;
	const struct ner_weights *weights;
	const struct ner_gazetteer *gaz;
	struct ner_doc *doc;
	struct ner_scratch scratch;
};
/* Before tagging a document (after ner_doc_reset of its memory): note the
 * words around the capitalised words of each of its sentences W[0,N)
 * (ner_doc_scan). Returns 0 or -1 (memory). */
int ner_tagger_scan(struct ner_tagger *t, const struct ner_word *w, size_t n);
/* The same for a part W[0,N) of a sentence, with a model: BEFORE is 1 when
 * the sentence has a word W[-1] before the part, AFTER when it has W[N]. */
int ner_tagger_scan_part(struct ner_tagger *t, const struct ner_word *w, size_t n, int before,
                         int after);
/* With a model: the label scores of sentence W[0,N) into t->scratch.emit
 * (as ner_label_scores after ner_features, by way of T's cache of word
 * types). Returns 0 or -1 (memory). */
int ner_tagger_scores(struct ner_tagger *t, const struct ner_word *w, size_t n);
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
/* Train weights on TRAIN; after each epoch, report dev F1 when DEV is not
 * NULL. Returns the averaged weights (of the best dev epoch when DEV is
 * given), with their features counted on TRAIN (ner_weights_count), or
 * NULL when out of memory. */
struct ner_weights *ner_train(const struct ner_corpus *train, const struct ner_corpus *dev,
                              const struct ner_gazetteer *g, const struct ner_train_options *o);
/* Tag corpus C with the tagger T's model or weights and gazetteer
 * (documents reset its memory), counting entities into K (may be NULL)
 * and writing the labels to PRED_OUT (may be NULL). T's gazetteer should
 * hold the model's names. Returns 0 or -1 (memory). */
int ner_evaluate(struct ner_tagger *t, const struct ner_corpus *c, struct ner_counts *k,
                 uint8_t *pred_out);

#endif
