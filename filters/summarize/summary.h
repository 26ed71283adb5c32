/* summary.h — extractive summaries of news documents: which sentences of a
 * document say the most, read well on their own, and do not repeat each
 * other. Used by filters/summarize (the filter) and by its unit tests; the
 * word functions are shared with `zeef score summary` so that both count
 * words the same way.
 *
 * Units: every offset and length here is in BYTES of valid UTF-8 text.
 * Sentence indices are 0-based positions in the document's sentence list.
 *
 * How a sentence is scored (method "rank"; weights in summary_weights):
 *   - kind: a real sentence, a fragment without a finite verb, a heading
 *     (short, no final punctuation), a caption or picture credit, a byline.
 *     Only real sentences are picked while enough of them exist; then
 *     fragments; headings, captions and bylines last.
 *   - position among the real sentences (news puts the facts first),
 *   - centrality: how much of the sentence's weighted vocabulary the other
 *     sentences share (a degree centrality over the sparse graph of
 *     sentences joined by shared informative words, computed through the
 *     words, so in time linear in the document's length),
 *   - names: entity mentions (the `entities` field) or, without it,
 *     capitalised words inside the sentence; and numbers,
 *   - length (very short sentences say little),
 *   - quoted speech (the `quotes` field, or quote marks) lowers the score,
 *   - a sentence that starts with a pronoun or demonstrative pointing back
 *     (common/lang/<lang>/summary-openers.txt; looked for after a
 *     connective of summary-connectives.txt) is penalised unless the
 *     sentence before it is in the summary too.
 * Words are weighted by inverse document frequency (summary-df.txt);
 * stopwords (stopwords.txt) weigh nothing. Sentences are then taken
 * greedily, best first, each one's score lowered by the share of its word
 * weight already covered by the sentences taken (maximal marginal
 * relevance). Everything is deterministic; ties go to the earlier sentence.
 */
#ifndef ZEEF_SUMMARY_H
#define ZEEF_SUMMARY_H

#include <stddef.h>
#include "sentence.h"

/* --- words ------------------------------------------------------------- */

/* Find the next word in S[*pos, len): a maximal run of letters and digits
 * (ASCII letters and digits, and every non-ASCII character except the
 * Latin-1 and General Punctuation blocks: quotes, dashes, spaces, symbols).
 * Sets *start and *end (bytes) and moves *pos past it; returns 0 when no
 * word is left. */
int summary_word_next(const char *s, size_t len, size_t *pos,
                      size_t *start, size_t *end);

/* Lowercase the word W (N bytes) into OUT (room for N bytes): ASCII and
 * Latin-1 capitals (À..Þ) are folded, other bytes copied. Returns N. */
size_t summary_word_fold(const char *w, size_t n, char *out);

/* --- the summarizer ---------------------------------------------------- */

enum summary_method { SUMMARY_RANK, SUMMARY_LEAD };

enum summary_kind {
	SUMMARY_SENTENCE,   /* a real sentence */
	SUMMARY_FRAGMENT,   /* no finite verb */
	SUMMARY_HEADING,    /* short, no final punctuation */
	SUMMARY_CAPTION,    /* photo caption or credit line ("Beeld AP") */
	SUMMARY_BYLINE      /* author line ("Door ...") */
};

/* How long a summary may be; a value <= 0 means "no limit of this kind".
 * All given limits apply together. With none given: 3 sentences, or a
 * third of the document's sentences when that is fewer, but at least 2. */
struct summary_limits {
	long sentences;     /* at most this many sentences */
	double ratio;       /* at most round(ratio * sentences in the document),
	                       at least 1 */
	long words;         /* at most this many words (summary_word_next) in
	                       all chosen sentences together */
};

/* Weights of the scoring features; see summary.c for how each is used. */
struct summary_weights {
	double position;        /* weight of the position score */
	double position_scale;  /* real sentences until the position score halves */
	double centrality;
	double names;           /* entity mentions or capitalised words (up to 4) */
	double numbers;         /* numbers in the sentence (up to 2) */
	double length;
	double quote;           /* penalty for a sentence all in quotes */
	double opener;          /* penalty for an unresolved pronoun opener */
	double redundancy;      /* penalty for a sentence all covered already */
};
extern const struct summary_weights summary_default_weights;

/* One document, as the summarizer reads it. Borrowed for one call. */
struct summary_doc {
	const char *text;                    /* valid UTF-8 */
	size_t len;                          /* bytes */
	const struct sentence_span *spans;   /* N sentences, in text order */
	size_t n;
	/* Optional, NULL when unknown (then estimated from the text): */
	const unsigned *entities;            /* entity mentions per sentence */
	const float *quoted;                 /* share (0..1) of each sentence's
	                                        bytes inside quotes */
};

struct summarizer;

/* A summarizer with the language data of common/lang/ loaded through
 * lang.h (stopwords.txt and the summary-*.txt files of LANG, e.g. "nl").
 * NULL when a file is missing or malformed (a message has been printed)
 * or when out of memory. Reusable for any number of documents. */
struct summarizer *summarizer_new(const char *lang);
void summarizer_free(struct summarizer *sz);
void summarizer_set_weights(struct summarizer *sz, const struct summary_weights *w);

/* Choose the summary of DOC. Returns the number of chosen sentences and
 * points *picked at their indices in ascending (document) order; the array
 * belongs to SZ and is valid until the next call. Returns (size_t)-1 when
 * out of memory. Time and memory are linear in DOC's length. */
size_t summarizer_run(struct summarizer *sz, const struct summary_doc *doc,
                      enum summary_method method,
                      const struct summary_limits *limits,
                      const size_t **picked);

/* After summarizer_run: the kind and the score that sentence I of the last
 * document got on its own: before redundancy, without the kind's tier, with
 * the opener penalty as if the sentence before it were not chosen. */
enum summary_kind summarizer_kind(const struct summarizer *sz, size_t i);
double summarizer_score(const struct summarizer *sz, size_t i);

#endif
