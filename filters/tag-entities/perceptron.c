/* perceptron.c — the averaged structured perceptron: Viterbi decoding over
 * the nine BIO labels with first-order transitions, label scores from the
 * float weights of training, the update that moves weights from the
 * predicted sequence toward the gold one, and the tagger that puts
 * features and decoding together.
 *
 * BIO constraint: I-T may only follow B-T or I-T; it never starts a
 * sentence (its transition score is NER_NEVER). Decoding is
 * O(tokens * features * labels + tokens * labels^2); the label loops run
 * over NER_VLABELS lanes so that the compiler makes vector code of them.
 */
#include "ner_weights.h"

#include <stdlib.h>
#include <string.h>
#include "grow.h"

int ner_scratch_decode_room(struct ner_scratch *s, size_t n)
{
	return grow_array((void **)&s->emit, &s->emit_cap, n, NER_VLABELS * sizeof *s->emit);
}

/* The best of FROM[0, NER_NLABELS): of all NER_VLABELS lanes, as the
 * lanes past the labels always hold about NER_NEVER. */
static inline float top_of(const float *from)
{
	float m[4];
	for (int l = 0; l < 4; l++) {
		m[l] = from[l] > from[4 + l] ? from[l] : from[4 + l];
		m[l] = m[l] > from[8 + l] ? m[l] : from[8 + l];
	}
	float a = m[0] > m[1] ? m[0] : m[1], b = m[2] > m[3] ? m[2] : m[3];
	return a > b ? a : b;
}

_Static_assert(NER_VLABELS == 12, "ner_viterbi works on three groups of 4 lanes");

/* best[l] = max(best[l], from + t[l]) for 4 lanes; NER_VLABELS is 12, and
 * three groups of 4 written apart are kept by compilers in three vector
 * registers. */
static inline void best4(float *best, float from, const float *t)
{
	for (int l = 0; l < 4; l++) {
		float v = from + t[l];
		best[l] = v > best[l] ? v : best[l];
	}
}

/* Scores are kept relative to the best label of the previous token, so
 * that with integer inputs they stay small integers and float sums are
 * exact: a label's score is within a few tokens' worth of scores of the
 * best one, as O and every B-T may follow any label. The forward pass
 * keeps only the best score of each label, replacing s->emit[i] by the
 * scores of token i (a plain max, which compilers turn into vector code);
 * the way back finds which label gave each best score by computing it
 * again, the same float operations in the same order, so exactly. Ties
 * go to the lower label. */
void ner_viterbi(const float trans[NER_NLABELS + 1][NER_VLABELS], struct ner_scratch *s, size_t n,
                 uint8_t *labels)
{
	float *score = s->emit;
	for (int l = 0; l < NER_VLABELS; l++)
		score[l] += trans[NER_NLABELS][l];
	for (size_t i = 1; i < n; i++) {
		const float *prev = score + (i - 1) * NER_VLABELS;
		float *cur = score + i * NER_VLABELS;
		float top = top_of(prev), b0[4], b1[4], b2[4];
		for (int l = 0; l < 4; l++)
			b0[l] = b1[l] = b2[l] = 2 * NER_NEVER;
		for (int p = 0; p < NER_NLABELS; p++) {
			float from = prev[p] - top;
			best4(b0, from, trans[p]);
			best4(b1, from, trans[p] + 4);
			best4(b2, from, trans[p] + 8);
		}
		for (int l = 0; l < 4; l++) {
			cur[l] += b0[l];
			cur[4 + l] += b1[l];
			cur[8 + l] += b2[l];
		}
	}
	const float *last = score + (n - 1) * NER_VLABELS;
	int a = 0;
	for (int l = 1; l < NER_NLABELS; l++)
		if (last[l] > last[a])
			a = l;
	labels[n - 1] = (uint8_t)a;
	for (size_t i = n - 1; i > 0; i--) {
		const float *prev = score + (i - 1) * NER_VLABELS;
		float top = top_of(prev), best = 2 * NER_NEVER;
		int arg = 0;
		for (int p = 0; p < NER_NLABELS; p++) {
			float v = (prev[p] - top) + trans[p][a];
			if (v > best) {
				best = v;
				arg = p;
			}
		}
		labels[i - 1] = (uint8_t)(a = arg);
	}
}

int ner_decode_cost(const struct ner_weights *w, struct ner_scratch *s, size_t n, uint8_t *labels,
                    const uint8_t *gold, float cost)
{
	if (n == 0)
		return 0;
	if (ner_scratch_decode_room(s, n) < 0)
		return -1;
	float trans[NER_NLABELS + 1][NER_VLABELS];
	for (int p = 0; p <= NER_NLABELS; p++)
		for (int l = 0; l < NER_VLABELS; l++)
			trans[p][l] = l < NER_NLABELS && ner_allowed(p, l) ? w->trans[p][l] : NER_NEVER;
	for (size_t i = 0; i < n; i++) {
		float *e = s->emit + i * NER_VLABELS;
		memset(e, 0, NER_VLABELS * sizeof *e);
		const uint32_t *f = s->feats + i * NER_MAX_FEATS;
		for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++) {
			long j = ner_weights_find(w, f[k]);
			if (j >= 0)
				for (int l = 0; l < NER_NLABELS; l++)
					e[l] += w->w[(size_t)j * NER_NLABELS + l];
		}
		if (gold)
			for (int l = 0; l < NER_NLABELS; l++)
				e[l] += l == gold[i] ? 0 : cost;
	}
	ner_viterbi((const float (*)[NER_VLABELS])trans, s, n, labels);
	return 0;
}

static int add(struct ner_weights *w, uint32_t key, int label, float delta)
{
	long j = ner_weights_slot(w, key);
	if (j < 0)
		return -1;
	w->w[(size_t)j * NER_NLABELS + label] += delta;
	w->acc[(size_t)j * NER_NLABELS + label] += (float)(w->clock * delta);
	return 0;
}

static void add_trans(struct ner_weights *w, int p, int l, float delta)
{
	w->trans[p][l] += delta;
	w->trans_acc[p][l] += (float)(w->clock * delta);
}

int ner_update(struct ner_weights *w, const struct ner_scratch *s, size_t n,
               const uint8_t *gold, const uint8_t *pred)
{
	if (!w->acc) {
		w->acc = calloc(w->cap * NER_NLABELS, sizeof *w->acc);
		if (!w->acc)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int gp = i ? gold[i - 1] : NER_NLABELS, pp = i ? pred[i - 1] : NER_NLABELS;
		if (gold[i] != pred[i] || gp != pp) {
			add_trans(w, gp, gold[i], 1);
			add_trans(w, pp, pred[i], -1);
		}
		if (gold[i] == pred[i])
			continue;
		const uint32_t *f = s->feats + i * NER_MAX_FEATS;
		for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++)
			if (add(w, f[k], gold[i], 1) < 0 || add(w, f[k], pred[i], -1) < 0)
				return -1;
	}
	return 0;
}

void ner_tick(struct ner_weights *w)
{
	w->clock += 1;
}
