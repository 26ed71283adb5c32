/* perceptron.c — the averaged structured perceptron: Viterbi decoding over
 * the nine BIO labels with first-order transitions, and the update that
 * moves weights from the predicted sequence toward the gold one.
 *
 * BIO constraint: I-T may only follow B-T or I-T; it never starts a
 * sentence. Decoding is O(tokens * features * labels + tokens * labels^2).
 */
#include "ner_model.h"

#include <stdlib.h>
#include <string.h>

static int allowed(int prev, int label)
{
	if (label == 0 || ner_label_is_begin(label))
		return 1;
	if (prev == NER_NLABELS || prev == 0)
		return 0;
	return ner_label_type(prev) == ner_label_type(label);
}

int ner_decode(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels)
{
	return ner_decode_cost(m, s, n, labels, NULL, 0);
}

int ner_decode_cost(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels,
                    const uint8_t *gold, float cost)
{
	if (n == 0)
		return 0;
	if (s->score_cap < n) {
		size_t cap = s->score_cap ? s->score_cap : 64;
		while (cap < n)
			cap *= 2;
		float *score = realloc(s->score, cap * NER_NLABELS * sizeof *score);
		if (!score)
			return -1;
		s->score = score;
		uint8_t *back = realloc(s->back, cap * NER_NLABELS);
		if (!back)
			return -1;
		s->back = back;
		s->score_cap = cap;
	}
	/* Look the features up in three passes over the sentence, so that the
	 * memory loads of one pass overlap instead of waiting one by one: touch
	 * every key's slot, then find each key and touch its weights, then add
	 * the weights up (during Viterbi). */
	size_t nf = n * NER_MAX_FEATS;
	if (s->rows_cap < nf) {
		const float **rows = realloc(s->rows, nf * sizeof *rows);
		if (!rows)
			return -1;
		s->rows = rows;
		s->rows_cap = nf;
	}
	size_t mask = m->cap - 1;
	for (size_t k = 0; k < nf; k++)
		if (s->feats[k])
			__builtin_prefetch(&m->key[s->feats[k] & mask]);
	for (size_t k = 0; k < nf; k++) {
		const float *w = s->feats[k] ? ner_model_find(m, s->feats[k]) : NULL;
		if (w)
			__builtin_prefetch(w);
		s->rows[k] = w;
	}
	for (size_t i = 0; i < n; i++) {
		float e[NER_NLABELS] = {0};
		const float *const *row = s->rows + i * NER_MAX_FEATS;
		for (size_t k = 0; k < NER_MAX_FEATS; k++) {
			const float *w = row[k];
			if (w)
				for (int l = 0; l < NER_NLABELS; l++)
					e[l] += w[l];
		}
		if (gold)
			for (int l = 0; l < NER_NLABELS; l++)
				e[l] += l == gold[i] ? 0 : cost;
		float *sc = s->score + i * NER_NLABELS;
		uint8_t *bk = s->back + i * NER_NLABELS;
		for (int l = 0; l < NER_NLABELS; l++) {
			if (i == 0) {
				sc[l] = allowed(NER_NLABELS, l) ? e[l] + m->trans[NER_NLABELS][l] : -1e30f;
				bk[l] = 0;
				continue;
			}
			const float *prev = sc - NER_NLABELS;
			float best = -3e38f;
			int arg = 0;
			for (int p = 0; p < NER_NLABELS; p++) {
				if (!allowed(p, l))
					continue;
				float v = prev[p] + m->trans[p][l];
				if (v > best) {
					best = v;
					arg = p;
				}
			}
			sc[l] = best + e[l];
			bk[l] = (uint8_t)arg;
		}
	}
	const float *last = s->score + (n - 1) * NER_NLABELS;
	int arg = 0;
	for (int l = 1; l < NER_NLABELS; l++)
		if (last[l] > last[arg])
			arg = l;
	for (size_t i = n; i-- > 0;) {
		labels[i] = (uint8_t)arg;
		arg = s->back[i * NER_NLABELS + arg];
	}
	return 0;
}

static int add(struct ner_model *m, uint32_t key, int label, float delta)
{
	long j = ner_model_slot(m, key);
	if (j < 0)
		return -1;
	m->w[(size_t)j * NER_NLABELS + label] += delta;
	m->acc[(size_t)j * NER_NLABELS + label] += (float)(m->clock * delta);
	return 0;
}

static void add_trans(struct ner_model *m, int p, int l, float delta)
{
	m->trans[p][l] += delta;
	m->trans_acc[p][l] += (float)(m->clock * delta);
}

int ner_update(struct ner_model *m, const struct ner_scratch *s, size_t n,
               const uint8_t *gold, const uint8_t *pred)
{
	if (!m->acc) {
		m->acc = calloc(m->cap * NER_NLABELS, sizeof *m->acc);
		if (!m->acc)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int gp = i ? gold[i - 1] : NER_NLABELS, pp = i ? pred[i - 1] : NER_NLABELS;
		if (gold[i] != pred[i] || gp != pp) {
			add_trans(m, gp, gold[i], 1);
			add_trans(m, pp, pred[i], -1);
		}
		if (gold[i] == pred[i])
			continue;
		const uint32_t *f = s->feats + i * NER_MAX_FEATS;
		for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++)
			if (add(m, f[k], gold[i], 1) < 0 || add(m, f[k], pred[i], -1) < 0)
				return -1;
	}
	return 0;
}

void ner_tick(struct ner_model *m)
{
	m->clock += 1;
}

struct ner_model *ner_model_average_copy(const struct ner_model *m)
{
	struct ner_model *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->cap = m->cap;
	a->n = m->n;
	if (m->names_len) {
		a->names = malloc(m->names_len + 1);
		if (!a->names) {
			free(a);
			return NULL;
		}
		memcpy(a->names, m->names, m->names_len + 1);
		a->names_len = m->names_len;
		a->names_cap = m->names_len + 1;
		a->names_count = m->names_count;
	}
	a->key = malloc(m->cap * sizeof *a->key);
	a->w = malloc(m->cap * NER_NLABELS * sizeof *a->w);
	if (!a->key || !a->w) {
		ner_model_free(a);
		return NULL;
	}
	double c = m->clock > 0 ? m->clock : 1;
	for (size_t i = 0; i < m->cap; i++) {
		a->key[i] = m->key[i];
		for (int l = 0; l < NER_NLABELS; l++) {
			size_t k = i * NER_NLABELS + l;
			a->w[k] = m->w[k];
			if (m->key[i] && m->acc)
				a->w[k] -= (float)(m->acc[k] / c);
		}
	}
	for (int p = 0; p <= NER_NLABELS; p++)
		for (int l = 0; l < NER_NLABELS; l++)
			a->trans[p][l] = m->trans[p][l] - (float)(m->trans_acc[p][l] / c);
	return a;
}

int ner_tag_sentence(struct ner_tagger *t, const struct ner_word *w, size_t n, uint8_t *labels)
{
	if (ner_features(&t->scratch, t->gaz, t->doc, w, n) < 0 ||
	    ner_decode(t->model, &t->scratch, n, labels) < 0)
		return -1;
	if (t->doc && ner_doc_learn(t->doc, w, n, labels) < 0)
		return -1;
	return 0;
}
