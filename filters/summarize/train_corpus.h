/* train_corpus.h — the training records of `summarize --train` (train.h
 * says their fields), read into memory: train.c's input. Every allocation
 * here exits 70 when out of memory.
 */
#ifndef ZEEF_SUMMARY_TRAIN_CORPUS_H
#define ZEEF_SUMMARY_TRAIN_CORPUS_H

#include <stddef.h>
#include "sentence.h"

/* One training document and what training works out for it. */
struct tdoc {
	char *id, *source;
	char *text;
	size_t len;
	struct sentence_span *spans;
	size_t n;
	unsigned *entities;    /* NULL when the record has none */
	float *quoted;
	double *y;             /* per sentence: share of the references that picked it */
	char picks[64];        /* the cross-validated summary's sentences, for --per-document */
	char **ref;            /* reference texts */
	size_t nref;
	double *x;             /* candidate features, NF per candidate */
	size_t ncand;
	double *ycand;         /* targets of the candidates */
	int news;              /* analysed as a news report (SUMMARY_NEWS) */
	size_t running;        /* the summarizer's running-text count for it */
};

/* The training documents, in input order. */
struct corpus {
	struct tdoc *doc;
	size_t n, cap;
};

/* calloc of N elements of SIZE bytes (at least one); exits 70 when out of
 * memory. */
void *train_calloc(size_t n, size_t size);

/* Append the records of the file PATH to C, their sentences split by SP
 * where a record has none. Returns 0, or an exit code after a message
 * (EXIT_NOINPUT, EXIT_DATAERR, EXIT_IOERR); the documents read before a
 * bad record stay in C. */
int train_read_corpus(const char *path, struct splitter *sp, struct corpus *c);

/* Free what D owns (not D itself). */
void train_free_doc(struct tdoc *d);

#endif
