/* ner_weights.h — the inside of struct ner_weights, shared by weights.c
 * (table and model file writer), perceptron.c (decoding and updates) and
 * train.c. Not for other users. */
#ifndef ZEEF_NER_WEIGHTS_H
#define ZEEF_NER_WEIGHTS_H

#include "ner.h"

struct ner_weights {
	/* open addressing, cap a power of two; keys apart from the weights so
	 * that the many lookups of features the table lacks touch only them */
	uint32_t *key;            /* cap keys, 0: empty */
	float *w;                 /* cap * NER_NLABELS weights */
	size_t cap, n;
	float *acc;               /* training only: cap * NER_NLABELS sums */
	uint32_t *count;          /* cap occurrence counts (ner_weights_count), or NULL */
	/* trans[p][l]: from label p (p == NER_NLABELS: sentence start) to l */
	float trans[NER_NLABELS + 1][NER_NLABELS];
	float trans_acc[NER_NLABELS + 1][NER_NLABELS];
	double clock;             /* training examples seen */
	/* names seen in the training data, lines "TYPE<TAB>WORD WORD...\n" */
	char *names;
	size_t names_len, names_cap, names_count;
};

/* Slot index of KEY, inserted when absent; -1 when out of memory. */
long ner_weights_slot(struct ner_weights *w, uint32_t key);

/* Slot of KEY, or -1 when the table lacks it. */
static inline long ner_weights_find(const struct ner_weights *w, uint32_t key)
{
	size_t mask = w->cap - 1;
	for (size_t j = key & mask;; j = (j + 1) & mask) {
		if (w->key[j] == key)
			return (long)j;
		if (!w->key[j])
			return -1;
	}
}

#endif
