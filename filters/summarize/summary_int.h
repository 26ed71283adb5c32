/* summary_int.h — the summarizer's state, shared by its modules: analyse.c
 * (words, kinds, article type, sentence features), model.c (the ranking
 * model), summary.c (selection) and train.c (--train). Not for callers
 * outside filters/summarize: they use summary.h.
 *
 * Units: offsets are bytes into the document's text; sentence indices are
 * 0-based positions in the document's sentence list.
 */
#ifndef ZEEF_SUMMARY_INT_H
#define ZEEF_SUMMARY_INT_H

#include <stddef.h>
#include <stdint.h>
#include "lexicon.h"
#include "model.h"
#include "summary.h"

/* A distinct word of the document. */
struct term {
	uint64_t hash;
	size_t off;          /* its lowercased bytes: sz->fold[off, off+len) */
	uint32_t len;
	uint32_t sf;         /* sentences containing it */
	uint32_t last;       /* 1 + last sentence seen in */
	uint32_t post;       /* start of its postings */
	uint32_t slot;       /* its place in sz->index */
	double w;            /* weight: inverse document frequency, 0 for stopwords */
	int covered;         /* in a chosen sentence */
	unsigned flags;      /* LEX_* of the word */
	int verb_ending;     /* ends like a finite verb: 1, 0, or -1 not yet known */
};

/* What analyse.c finds out about one sentence. */
struct sent {
	size_t term0, nterm;   /* its distinct terms: sz->sterm[term0 .. +nterm) */
	unsigned words;        /* summary_word_next words */
	unsigned names;        /* capitalised words after the first (not stopwords) */
	unsigned numbers;      /* words that start with a digit */
	unsigned times;        /* time words (weekdays, months, gisteren ...) */
	unsigned persons;      /* first- and second-person pronouns */
	enum summary_kind kind;
	unsigned points_back : 1;     /* opens with a word pointing back */
	unsigned paragraph_first : 1; /* first sentence of its paragraph */
	unsigned question : 1;        /* ends in a question mark */
	unsigned quote_open : 1;      /* starts with a quotation mark */
	unsigned personal_first : 1;  /* a personal pronoun before any name */
	unsigned verb : 1;            /* has a finite verb */
	unsigned punct : 1;           /* ends like a sentence */
	unsigned mostly_quoted : 1;   /* its feature SF_QUOTED is at least 0.5 */
	size_t rank;           /* place among the running text (not headings,
	                          captions, bylines); (size_t)-1 for those */
	size_t antecedent;     /* the running-text sentence before it, or
	                          (size_t)-1: what a back-pointer points to */
	double quoted;         /* share of its bytes in quotation marks */
	double centrality;     /* 0..1 */
	double base;           /* model score of its features (summary_features) */
	double weight;         /* sum of its terms' weights */
	double covered;        /* weight of its terms in chosen sentences */
	int chosen, skipped;
};

/* A place in the term index: the term's id (-1: empty) and the low bits of
 * its hash, so that most mismatches never touch the term itself. */
struct slot {
	int32_t id;
	uint32_t tag;
};

/* A sentence in the priority queue: lower tier first, then higher score,
 * then the earlier sentence. */
struct cand {
	double score;
	int tier;
	size_t i;
};

struct summarizer {
	struct summary_lexicon *lx;
	struct summary_model model;
	char *fold;          size_t nfold, fold_cap;   /* the terms, lowercased */
	char *word;          size_t word_cap;          /* the word at hand, lowercased */
	struct term *term;   size_t nterm, term_cap;
	struct slot *index;  size_t index_cap;     /* power of two */
	uint32_t *sterm;     size_t nsterm, sterm_cap;
	uint32_t *posting;   size_t posting_cap;
	struct sent *sent;   size_t sent_cap, n;
	struct cand *heap;   size_t nheap, heap_cap;
	size_t *picked;      size_t picked_cap;
	enum summary_type type;
	size_t running;      /* sentences of running text (rank < running) */
	size_t lead;         /* the first real sentence, or (size_t)-1 */
	size_t start;        /* where the news starts (analyse.c), or (size_t)-1 */
};

/* analyse.c: read DOC into SZ (words, terms, kinds, ranks, article type,
 * centrality, features). Returns 0, or -1 when out of memory. */
int summary_analyse(struct summarizer *sz, const struct summary_doc *doc);

/* After summary_analyse: the features (model.h) of DOC's sentence K into
 * X[0, SUMMARY_NFEATURES). Computed when asked rather than kept: a long
 * document's sentences stay small. */
void summary_features(const struct summarizer *sz, const struct summary_doc *doc, size_t k,
                      double *x);

/* Selection priority tiers: a lower tier is always taken first. */
int summary_tier(const struct summarizer *sz, size_t k);

#endif
