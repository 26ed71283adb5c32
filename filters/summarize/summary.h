/* summary.h — extractive summaries of news documents: which sentences of a
 * document say the most, read well on their own, and do not repeat each
 * other. Used by filters/summarize (the filter) and by its unit tests; the
 * word functions are shared with `zeef score summary` so that both count
 * words the same way.
 *
 * Units: every offset and length here is in BYTES of valid UTF-8 text.
 * Sentence indices are 0-based positions in the document's sentence list.
 *
 * How a summary is chosen (method "rank"):
 *   - each sentence gets a kind: a real sentence; a fragment without a
 *     finite verb; a heading (short, no final punctuation, also a dateline
 *     on its own line); a photo caption or credit (a credit line such as
 *     "Beeld AP", and the caption text before it in its paragraph); a
 *     byline; an attribution that says only who said something ("Dat meldt
 *     ANP.", "zei hij."); a question. Real sentences are taken first, then
 *     fragments and questions, the others only when nothing else is left;
 *   - a sentence that opens with a word pointing back (a personal pronoun,
 *     a demonstrative, a pronominal adverb, a connective; also after a
 *     connective or preposition, "Volgens hem"; classes in
 *     summary-word-classes.txt) is taken only when the sentence of running
 *     text before it (its antecedent) is taken too, or when nothing else of
 *     its kind is left;
 *   - the article type: a news report opens with a real sentence stating
 *     news facts (a name, a number, a time word); a feature (also an
 *     interview, column or brochure) opens with a scene, a quotation, a
 *     question, a pronoun before any name, or the first or second person;
 *   - a news report with few sentences (the model's short_news) is
 *     summarized by its lead; otherwise each sentence is scored by the
 *     model (model.h: lead, position and next-to-lead per article type,
 *     paragraph start, centrality, depth, numbers, time words, length,
 *     quoted share), and sentences are taken best first, each one's score
 *     lowered by the share of its informative words already covered by the
 *     chosen ones (maximal marginal relevance), with a lazy priority queue.
 * Words are weighted by inverse document frequency (summary-df.txt);
 * stopwords (stopwords.txt) weigh nothing. Everything is deterministic and
 * linear in the document's length; ties go to the earlier sentence.
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
	SUMMARY_BYLINE,     /* author line ("Door ...") */
	SUMMARY_ATTRIBUTION,/* only who said it ("Dat meldt ANP.") */
	SUMMARY_QUESTION    /* a question: it states no fact */
};

enum summary_type {
	SUMMARY_NEWS,       /* opens with the news facts */
	SUMMARY_FEATURE     /* a feature, interview, column or document */
};

/* "news" or "feature": the value of the output field summary.type. */
const char *summary_type_name(enum summary_type t);

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
 * lang.h (stopwords.txt, quotes-speech-verbs.txt and the summary-*.txt
 * files of LANG, e.g. "nl", the model summary-model.txt among them).
 * NULL when a file is missing or malformed (a message naming the file and
 * line has been printed) or when out of memory; *STATUS is then the exit
 * status to end with (EXIT_NOINPUT for a malformed file, EXIT_SOFTWARE
 * otherwise), else 0. Reusable for any number of documents. */
struct summarizer *summarizer_new(const char *lang, int *status);
void summarizer_free(struct summarizer *sz);

/* Choose the summary of DOC. Returns the number of chosen sentences and
 * points *picked at their indices in ascending (document) order; the array
 * belongs to SZ and is valid until the next call. Returns (size_t)-1 when
 * out of memory. Time and memory are linear in DOC's length. */
size_t summarizer_run(struct summarizer *sz, const struct summary_doc *doc,
                      enum summary_method method,
                      const struct summary_limits *limits,
                      const size_t **picked);

/* After summarizer_run: the article type of the last document; the kind of
 * its sentence I, whether it opens with a word pointing back, and the
 * model's score for it (before redundancy). */
enum summary_type summarizer_type(const struct summarizer *sz);
enum summary_kind summarizer_kind(const struct summarizer *sz, size_t i);
int summarizer_points_back(const struct summarizer *sz, size_t i);
double summarizer_score(const struct summarizer *sz, size_t i);

#endif
