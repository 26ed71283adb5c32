/* lexicon.h — the summarizer's word knowledge, loaded from common/lang/LANG/
 * into the shared lexicon service (common/wordclass.h): a lowercased word's
 * flags (stopword, word classes, caption word, byline word, finite verb,
 * reporting verb) and its document frequency in the reference corpus of
 * summary-df.txt, and the endings of finite verbs. What is summarize's own
 * here is which list gives which flag, the checks of summary-df.txt and
 * summary-word-classes.txt, and the weight (idf) made from the frequency.
 * Internal to filters/summarize; lengths are bytes.
 */
#ifndef ZEEF_SUMMARY_LEXICON_H
#define ZEEF_SUMMARY_LEXICON_H

#include <stddef.h>
#include <stdint.h>

enum {
	LEX_STOP = 1 << 0,           /* stopwords.txt */
	LEX_CREDIT = 1 << 1,         /* summary-credits.txt */
	LEX_BYLINE = 1 << 2,         /* summary-bylines.txt */
	LEX_VERB = 1 << 3,           /* summary-verbs.txt */
	LEX_SPEECH = 1 << 4,         /* quotes-speech-verbs.txt (forms without a
	                                particle), and the class "reporting" */
	/* classes of summary-word-classes.txt */
	LEX_PERSONAL = 1 << 5,
	LEX_POSSESSIVE = 1 << 6,
	LEX_DEMONSTRATIVE = 1 << 7,
	LEX_PRONOMINAL = 1 << 8,
	LEX_CONNECTIVE = 1 << 9,
	LEX_PREPOSITION = 1 << 10,
	LEX_DETERMINER = 1 << 11,
	LEX_TIME = 1 << 12,
	LEX_FIRST_PERSON = 1 << 13,
	LEX_SECOND_PERSON = 1 << 14
};
/* Words that point back wherever they open a sentence (also after a
 * connective or a preposition). */
#define LEX_POINTS_BACK (LEX_PERSONAL | LEX_DEMONSTRATIVE | LEX_PRONOMINAL)

struct summary_lexicon;

/* Load the files of LANG ("nl"). NULL when one is missing or malformed
 * or when out of memory, after a message naming the file (and the line);
 * *STATUS is then EXIT_NOINPUT (a malformed file: an edited --data copy)
 * or EXIT_SOFTWARE, else 0. */
struct summary_lexicon *summary_lexicon_load(const char *lang, int *status);

/* Print "summarize: FILE:LINE: MESSAGE" about language file NAME
 * ("nl/summary-df.txt"), where FILE is the --data file it was read from or
 * the built-in one, and LINE the line of ENTRY, a pointer into the file's
 * text as lang_each_line passed it (no LINE when ENTRY is NULL). Returns
 * EXIT_NOINPUT. */
int summary_lang_error(const char *name, const char *entry, const char *message);
void summary_lexicon_free(struct summary_lexicon *lx);

/* Look up the lowercased word W (N bytes), of which KEY is a 64-bit hash
 * (any good one, always the same for the same word: the key of a memo of
 * recent answers): its LEX_* flags (0 when unknown), its inverse document
 * frequency log((units + 1) / (df + 1)) with df the number of corpus units
 * (sentences) containing it (0 when unseen). */
void summary_lexicon_lookup(struct summary_lexicon *lx, const char *w, size_t n, uint64_t key,
                            unsigned *flags, double *idf);

/* 1 when W (at least 4 bytes) ends in one of summary-verb-endings.txt. */
int summary_lexicon_verb_ending(const struct summary_lexicon *lx, const char *w, size_t n);

#endif
