/* ner_model.h — the inside of struct ner_model, shared by model.c (table
 * and file) and perceptron.c (decoding and updates). Not for other users. */
#ifndef ZEEF_NER_MODEL_H
#define ZEEF_NER_MODEL_H

#include "ner.h"

/* Integer levels for the largest weight in a written model. */
enum { NER_QUANT_LEVELS = 2000 };

struct ner_slot {
	uint32_t key;             /* 0: empty */
	float w[NER_NLABELS];
};

struct ner_model {
	struct ner_slot *slot;    /* open addressing, cap a power of two */
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
		if (m->slot[j].key == key)
			return m->slot[j].w;
		if (!m->slot[j].key)
			return NULL;
	}
}

#endif
