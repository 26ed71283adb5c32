/* score_summary.h — the ROUGE measure behind `zeef score summary`
 * (score_summary.c), for unit tests and other scorers. */
#ifndef ZEEF_SCORE_SUMMARY_H
#define ZEEF_SCORE_SUMMARY_H

/* ROUGE-N F1 (N = 1 or 2) of the text PRED against the text REF: words as
 * summary_word_next() finds them, lowercased; clipped n-gram overlap; 0 when
 * either has no n-gram. Both are NUL-terminated UTF-8. */
double score_summary_rouge(const char *pred, const char *ref, int n);

#endif
