/* model.h — the ranking model of summarize: a linear score over a few
 * sentence features, trained as a pairwise ranker (logistic loss on the
 * score differences between picked and other sentences of a document) on
 * reference extracts, and the two selection parameters beside it. Stored as
 * common/lang/<lang>/summary-model.txt.
 *
 * Every feature is a number in [0, 1]; see model.c for why each is there.
 */
#ifndef ZEEF_SUMMARY_MODEL_H
#define ZEEF_SUMMARY_MODEL_H

#include <stddef.h>
#include <stdio.h>

enum summary_feature {
	SF_LEAD_NEWS,          /* the first real sentence of a news report */
	SF_LEAD_FEATURE,       /* ... of a feature (another article type) */
	SF_NEXT_NEWS,          /* the sentence after it, news report */
	SF_NEXT_FEATURE,       /* ... feature */
	SF_POSITION_NEWS,      /* 2^(-rank/4) in the running text, news report */
	SF_POSITION_FEATURE,   /* ... feature */
	SF_DEPTH,              /* 2^(-rank/16): how far into the article */
	SF_PARAGRAPH,          /* opens a paragraph */
	SF_CENTRALITY,         /* shares its informative words with the rest */
	SF_NUMBERS,            /* numbers, up to 2 */
	SF_TIME,               /* a time word (when) */
	SF_LENGTH,             /* words, up to 25 */
	SF_QUOTED,             /* share inside quotation marks */
	SUMMARY_NFEATURES
};

extern const char *const summary_feature_names[SUMMARY_NFEATURES];

struct summary_model {
	double w[SUMMARY_NFEATURES];
	/* A news report with at most this many sentences of running text is
	 * summarized by its lead (0: never). */
	long short_news;
	/* Penalty for a sentence whose informative words are all in the
	 * sentences already chosen (maximal marginal relevance). */
	double redundancy;
};

/* Load the model file NAME ("nl/summary-model.txt", through lang.h) into M.
 * Returns 0, or after a message naming the file (and the line) an exit
 * status: EXIT_NOINPUT when it is malformed, EXIT_SOFTWARE when missing. */
int summary_model_load(struct summary_model *m, const char *name);

/* Write M to F with HEADER (lines, each written as a "# " comment) first.
 * Returns 0, or -1 on a write error. */
int summary_model_write(const struct summary_model *m, FILE *f, const char *header);

/* The score of feature vector X under M. */
double summary_model_score(const struct summary_model *m, const double *x);

/* Training data for summary_model_fit: NDOC documents; document d has
 * NSENT[d] candidate sentences whose features are X[d][i*SUMMARY_NFEATURES
 * + f] and whose target Y[d][i] is the share of the references that picked
 * sentence i. */
struct summary_train_set {
	size_t ndoc;
	const size_t *nsent;
	const double *const *x;
	const double *const *y;
};

/* Fit M's weights: minimise, over the pairs (i, j) of candidates of a
 * document with Y[i] > Y[j], (Y[i] - Y[j]) log(1 + exp(-(s_i - s_j))), the
 * pairs of each document weighted to sum to 1 (so every document counts
 * the same), plus L2/2 times the squared weights; by Newton's method from
 * zero. Deterministic. Returns 0, or -1 when the system cannot be solved. */
int summary_model_fit(struct summary_model *m, const struct summary_train_set *t, double l2);

#endif
