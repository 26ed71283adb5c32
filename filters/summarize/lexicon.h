/* lexicon.h — the summarizer's word knowledge, loaded from common/lang/LANG/:
 * one hash table from a lowercased word (summary_word_fold) to its flags
 * (stopword, word classes, caption word, byline word, finite verb,
 * reporting verb) and its document frequency in the reference corpus of
 * summary-df.txt. Internal to filters/summarize; lengths are bytes.
 */
#ifndef ZEEF_SUMMARY_LEXICON_H
#define ZEEF_SUMMARY_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Look up the lowercased word W (N bytes), whose summary_lexicon_hash() is
 * H: its LEX_* flags (0 when unknown), its inverse document frequency
 * log((units + 1) / (df + 1)) with df the number of corpus units (sentences)
 * containing it (0 when unseen), and whether it ends like a finite verb. */
void summary_lexicon_lookup(const struct summary_lexicon *lx, const char *w, size_t n,
                            uint64_t h, unsigned *flags, double *idf, int *verb_ending);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LEXICON_LITTLE_ENDIAN 1
#else
#define LEXICON_LITTLE_ENDIAN 0
#endif

/* The hash, with PADDED: W is followed by at least 8 readable bytes (the
 * same value, without a loop over the last bytes). */
static inline uint64_t lexicon_hash(const char *w, size_t n, int padded)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, w + i, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	if (i < n) {
		/* the last 1..7 bytes as a little-endian number: a variable memcpy
		 * would be a call */
		uint64_t x = 0;
		if (padded && LEXICON_LITTLE_ENDIAN) {
			memcpy(&x, w + i, 8);
			x &= ~0ull >> (64 - 8 * (n - i));
		} else {
			for (size_t j = n; j > i; j--)
				x = x << 8 | (unsigned char)w[j - 1];
		}
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	}
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	return h ^ (h >> 29);
}

/* The hash the tables use: 8 bytes at a time, multiplied and folded, with
 * the length mixed in; for summary_lexicon_lookup. */
static inline uint64_t summary_lexicon_hash(const char *w, size_t n)
{
	return lexicon_hash(w, n, 0);
}

/* The same hash of W, which is followed by at least 8 readable bytes. */
static inline uint64_t summary_lexicon_hash_padded(const char *w, size_t n)
{
	return lexicon_hash(w, n, 1);
}

/* 1 when W (at least 4 bytes) ends in one of summary-verb-endings.txt. */
int summary_lexicon_verb_ending(const struct summary_lexicon *lx, const char *w, size_t n);

#endif
