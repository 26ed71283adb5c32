/* ner_model.h — the inside of struct ner_model, shared by model.c (table
 * and file) and perceptron.c (decoding and updates). Not for other users. */
#ifndef ZEEF_NER_MODEL_H
#define ZEEF_NER_MODEL_H

#include "ner.h"

/* Integer levels for the largest weight in a written model. */
enum { NER_QUANT_LEVELS = 2000 };

struct ner_model {
	/* open addressing, cap a power of two; keys apart from the weights so
	 * that the many lookups of features the model lacks touch only them */
	uint32_t *key;            /* cap keys, 0: empty */
	float *w;                 /* cap * NER_NLABELS weights */
	size_t cap, n;
	float *acc;               /* training only: cap * NER_NLABELS sums */
	/* trans[p][l]: from label p (p == NER_NLABELS: sentence start) to l */
	float trans[NER_NLABELS + 1][NER_NLABELS];
	float trans_acc[NER_NLABELS + 1][NER_NLABELS];
	double clock;             /* training examples seen */
	/* names seen in the training data, lines "TYPE<TAB>WORD WORD...\n",
	 * for the gazetteer when tagging (ner_model_names) */
	char *names;
	size_t names_len, names_cap, names_count;
};

/* Slot index of KEY, inserted when absent; -1 when out of memory. */
long ner_model_slot(struct ner_model *m, uint32_t key);

/* Weights of KEY, or NULL when the model has none. */
static inline const float *ner_model_find(const struct ner_model *m, uint32_t key)
{
	size_t mask = m->cap - 1;
	for (size_t j = key & mask;; j = (j + 1) & mask) {
		if (m->key[j] == key)
			return m->w + j * NER_NLABELS;
		if (!m->key[j])
			return NULL;
	}
}

#endif
