/* ner_model.h — the inside of struct ner_model, shared by model.c (the
 * file) and tagger.c (label scores). Not for other users. */
#ifndef ZEEF_NER_MODEL_H
#define ZEEF_NER_MODEL_H

#include "ner.h"

/* Rows are stored minus their O weight: ROW int16 values for labels 1-8. */
enum {
	NER_MODEL_MAX_INT = 16383,   /* so a row minus its O weight fits in int16 */
	NER_HOT_ROWS = 4096,
	FILTER_BITS = 20,            /* 128 KiB */
	ROW = NER_NLABELS - 1        /* int16 weights per row: labels 1..8 */
};

struct slot {
	uint32_t key, row;
};

struct ner_model {
	struct slot *hot, *cold;      /* key 0: empty */
	size_t hot_mask, cold_mask;
	/* a Bloom filter of the keys: two bits per key in one of 2^FILTER_BITS
	 * / 64 words, so that most keys the model lacks (word pairs, rare
	 * words) cost one memory access and no search */
	uint64_t *filter;
	int16_t (*row)[ROW];
	size_t n;
	float trans[NER_NLABELS + 1][NER_VLABELS];   /* quanta; NER_NEVER where BIO forbids */
	char *names;                  /* lines "TYPE<TAB>WORD WORD...\n" */
	size_t names_len, names_count;
	unsigned long id;             /* unique among the models of a run */
};

/* Row of KEY in table T, or -1. */
static inline long ner_model_find(const struct slot *t, size_t mask, uint32_t key)
{
	for (size_t j = key & mask;; j = (j + 1) & mask) {
		if (t[j].key == key)
			return t[j].row;
		if (!t[j].key)
			return -1;
	}
}

/* The filter word of KEY, and its two bits there (one memory access). */
static inline uint64_t ner_filter_bits(uint32_t key)
{
	return (uint64_t)1 << (key & 63) | (uint64_t)1 << (key >> 6 & 63);
}

static inline size_t ner_filter_word(uint32_t key)
{
	return key >> (32 - (FILTER_BITS - 6));
}

static inline int ner_filter_has(const uint64_t *filter, uint32_t key)
{
	uint64_t bits = ner_filter_bits(key);
	return (filter[ner_filter_word(key)] & bits) == bits;
}

/* Token scores E (NER_VLABELS lanes) from the sums SUM of its rows: O is 0,
 * the lanes past the labels too. */
static inline void ner_model_scores(float *e, const int32_t *sum)
{
	e[0] = 0;
	for (int l = 0; l < ROW; l++)
		e[1 + l] = (float)sum[l];
	for (int l = NER_NLABELS; l < NER_VLABELS; l++)
		e[l] = 0;
}

/* Row of KEY in M, or -1. */
static inline long ner_model_row(const struct ner_model *m, uint32_t key)
{
	if (!ner_filter_has(m->filter, key))
		return -1;
	long r = ner_model_find(m->hot, m->hot_mask, key);
	return r >= 0 || !m->cold ? r : ner_model_find(m->cold, m->cold_mask, key);
}

#endif
