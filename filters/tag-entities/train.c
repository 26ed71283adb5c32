/* train.c — training the tagger on CoNLL/IOB corpora, and tagging a corpus
 * for evaluation.
 *
 * Each epoch visits the documents in an order shuffled by the seed (so a
 * run is repeatable), and the sentences of a document in file order, so the
 * document memory sees what the model itself predicted for earlier
 * sentences, exactly as when tagging. The returned weights are the
 * averages over all updates (averaged perceptron).
 *
 * The names of the training data become part of the model and of the
 * gazetteer when it tags. So that the model learns how far to trust a
 * gazetteer hit on names it has not seen, training splits the documents
 * into TRAIN_FOLDS folds by position and gives each fold a gazetteer with
 * the names of the other folds only (jackknifing).
 */
#include "ner_weights.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "perceptron.h"

enum { TRAIN_FOLDS = 2 };

int ner_evaluate(struct ner_tagger *t, const struct ner_corpus *c, struct ner_counts *k,
                 uint8_t *pred_out)
{
	struct ner_doc *own = t->doc ? NULL : (t->doc = ner_doc_new());
	uint8_t *pred = pred_out ? pred_out : malloc(c->n ? c->n : 1);
	int rc = -1;
	if (!t->doc || !pred)
		goto out;
	for (size_t d = 0; d < c->ndoc; d++) {
		ner_doc_reset(t->doc);
		for (size_t s = c->doc[d]; s < c->doc[d + 1]; s++)
			if (ner_tagger_scan(t, c->word + c->sent[s], c->sent[s + 1] - c->sent[s]) < 0)
				goto out;
		for (size_t s = c->doc[d]; s < c->doc[d + 1]; s++) {
			size_t a = c->sent[s], n = c->sent[s + 1] - a;
			if (ner_tag_sentence(t, c->word + a, n, pred + a) < 0)
				goto out;
			if (k)
				ner_count_sentence(k, c->label + a, pred + a, n);
			if (t->weights && t->weights->count &&
			    ner_weights_count((struct ner_weights *)t->weights, &t->scratch, n) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	if (pred != pred_out)
		free(pred);
	if (own) {
		ner_doc_free(own);
		t->doc = NULL;
	}
	return rc;
}

/* Tag corpus C with W and gazetteer G, to evaluate (K) or to count W's
 * features (W's count array set). */
static int evaluate_weights(const struct ner_weights *w, const struct ner_gazetteer *g,
                            const struct ner_corpus *c, struct ner_counts *k)
{
	struct ner_tagger t = { .weights = w, .gaz = g };
	int rc = ner_evaluate(&t, c, k, NULL);
	ner_scratch_free(&t.scratch);
	return rc;
}

static void log_counts(FILE *log, const struct ner_counts *k)
{
	for (int t = 0; t <= NER_NTYPES; t++)
		fprintf(log, " %s %.4f", t < NER_NTYPES ? ner_type_names[t] : "all", ner_f1(k, t));
}

/* 1 if the N words W hold no control character (a model file's name
 * lines may not). */
static int printable(const struct ner_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < w[i].len; k++)
			if ((unsigned char)w[i].s[k] < 0x20 || w[i].s[k] == 0x7f)
				return 0;
	return 1;
}

/* Add the entities of the documents not in fold SKIP (every document when
 * SKIP is -1) to G, and when M is not NULL to M's names, once each. */
static int add_names(const struct ner_corpus *c, int skip,
                     struct ner_gazetteer *g, struct ner_weights *m, struct ner_gazetteer *seen)
{
	for (size_t d = 0; d < c->ndoc; d++) {
		if ((int)(d % TRAIN_FOLDS) == skip)
			continue;
		for (size_t i = c->sent[c->doc[d]]; i < c->sent[c->doc[d + 1]]; i++) {
			if (!c->label[i] || !ner_label_is_begin(c->label[i]))
				continue;
			int type = ner_label_type(c->label[i]);
			size_t j = i + 1;
			while (j < c->n && c->label[j] == c->label[i] + 1)
				j++;
			if (j - i > NER_GAZ_MAX_WORDS || !printable(c->word + i, j - i))
				continue;
			if (ner_gazetteer_add_words(g, c->word + i, j - i, type) < 0)
				return -1;
			if (!m)
				continue;
			uint32_t h[NER_GAZ_MAX_WORDS];
			for (size_t k = i; k < j; k++)
				h[k - i] = ner_hash_bytes(c->word[k].s, c->word[k].len);
			if (ner_gazetteer_phrase(seen, h, j - i) >> type & 1)
				continue;
			if (ner_gazetteer_add_words(seen, c->word + i, j - i, type) < 0 ||
			    ner_weights_add_name(m, c->word + i, j - i, type) < 0)
				return -1;
		}
	}
	return 0;
}

struct ner_weights *ner_train(const struct ner_corpus *train, const struct ner_corpus *dev,
                              const struct ner_gazetteer *g0, const struct ner_train_options *o)
{
	struct ner_weights *m = ner_weights_new(), *best = NULL;
	struct ner_gazetteer *fold[TRAIN_FOLDS];
	for (int f = 0; f < TRAIN_FOLDS; f++)
		fold[f] = ner_gazetteer_copy(g0);
	struct ner_gazetteer *g = ner_gazetteer_copy(g0), *seen = ner_gazetteer_new();
	struct ner_doc *doc = ner_doc_new();
	struct ner_scratch s = {0};
	size_t *order = malloc((train->ndoc ? train->ndoc : 1) * sizeof *order);
	uint8_t *pred = malloc(train->n ? train->n : 1);
	double best_f1 = -1;
	uint64_t rng = 0x9E3779B97F4A7C15ull ^ (o->seed * 0xBF58476D1CE4E5B9ull);
	if (!rng)
		rng = 1;
	if (!m || !doc || !order || !pred || !g || !seen)
		goto fail;
	for (int f = 0; f < TRAIN_FOLDS; f++)
		if (!fold[f] || add_names(train, f, fold[f], NULL, NULL) < 0)
			goto fail;
	if (add_names(train, -1, g, m, seen) < 0)
		goto fail;
	for (size_t d = 0; d < train->ndoc; d++)
		order[d] = d;
	for (int epoch = 1; epoch <= o->epochs; epoch++) {
		clock_t t0 = clock();
		for (size_t d = train->ndoc; d > 1; d--) {
			size_t j = (size_t)(perceptron_random(&rng) % d);
			size_t tmp = order[d - 1];
			order[d - 1] = order[j];
			order[j] = tmp;
		}
		size_t wrong = 0;
		for (size_t di = 0; di < train->ndoc; di++) {
			size_t d = order[di];
			ner_doc_reset(doc);
			for (size_t si = train->doc[d]; si < train->doc[d + 1]; si++)
				if (ner_doc_scan(doc, train->word + train->sent[si],
				                 train->sent[si + 1] - train->sent[si]) < 0)
					goto fail;
			for (size_t si = train->doc[d]; si < train->doc[d + 1]; si++) {
				size_t a = train->sent[si], n = train->sent[si + 1] - a;
				const struct ner_word *w = train->word + a;
				const uint8_t *gold = train->label + a;
				if (ner_features(&s, fold[d % TRAIN_FOLDS], doc, w, n) < 0 || 
				    ner_decode_cost(m, &s, n, pred + a, gold, o->margin) < 0)
					goto fail;
				if (memcmp(gold, pred + a, n)) {
					for (size_t i = 0; i < n; i++)
						wrong += gold[i] != pred[a + i];
					if (ner_update(m, &s, n, gold, pred + a) < 0)
						goto fail;
				}
				ner_tick(m);
				if (ner_doc_learn(doc, w, n, pred + a) < 0)
					goto fail;
			}
		}
		double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (o->log)
			fprintf(o->log, "epoch %d: %.1fs, train token errors %.4f, %zu features",
			        epoch, secs, train->n ? (double)wrong / train->n : 0, m->n);
		if (dev) {
			struct ner_weights *avg = ner_weights_average_copy(m);
			struct ner_counts k = {0};
			if (!avg || evaluate_weights(avg, g, dev, &k) < 0) {
				ner_weights_free(avg);
				goto fail;
			}
			double f1 = ner_f1(&k, NER_NTYPES);
			if (o->log) {
				fprintf(o->log, ", dev F1");
				log_counts(o->log, &k);
			}
			if (f1 > best_f1) {
				best_f1 = f1;
				ner_weights_free(best);
				best = avg;
			} else {
				ner_weights_free(avg);
			}
		}
		if (o->log) {
			fputc('\n', o->log);
			fflush(o->log);
		}
	}
	if (!best)
		best = ner_weights_average_copy(m);
	/* how often tagging the training data meets each feature, with every
	 * name in the gazetteer as when tagging: the model file lists the
	 * frequent ones first and leaves out the rarest */
	if (!best || !(best->count = calloc(best->cap, sizeof *best->count)) ||
	    evaluate_weights(best, g, train, NULL) < 0)
		goto fail;
	for (int f = 0; f < TRAIN_FOLDS; f++)
		ner_gazetteer_free(fold[f]);
	ner_gazetteer_free(g);
	ner_gazetteer_free(seen);
	ner_weights_free(m);
	ner_doc_free(doc);
	ner_scratch_free(&s);
	free(order);
	free(pred);
	return best;
fail:
	for (int f = 0; f < TRAIN_FOLDS; f++)
		ner_gazetteer_free(fold[f]);
	ner_gazetteer_free(g);
	ner_gazetteer_free(seen);
	ner_weights_free(m);
	ner_weights_free(best);
	ner_doc_free(doc);
	ner_scratch_free(&s);
	free(order);
	free(pred);
	return NULL;
}
