/* sentence_words.h — word lists and word shapes for the sentence splitter
 * (private to common/sentence*.c). Words are byte ranges of valid UTF-8.
 */
#ifndef ZEEF_SENTENCE_WORDS_H
#define ZEEF_SENTENCE_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"

/* A word list with a cheap pre-check: most words are rejected by their
 * length or first byte without hashing. */
struct word_slot {
	uint32_t hash;
	uint32_t len;                    /* bytes */
	char *word;                      /* NULL: empty */
};

struct word_list {
	struct word_slot *slots;         /* open addressing, a power of two */
	size_t mask, n;
	size_t min_len, max_len;         /* bytes */
	unsigned char first[256];        /* 1 for a possible first byte */
	unsigned char exact[256];        /* 1 for a first byte of an entry */
	uint32_t lens[256];              /* per possible first byte, bit L set
	                                    for an entry of L bytes (31: 31 or
	                                    more) */
};

/* Load language word list NAME (lang.h) into *L. Returns 0, or -1 with a
 * message when the file is missing. Free with sentence_free_list. */
int sentence_load_list(struct word_list *l, const char *name);
void sentence_free_list(struct word_list *l);
/* Load only the first word of each entry of list NAME that has more than
 * one ("zie" for "zie ook"). Same return. */
int sentence_load_first_words(struct word_list *l, const char *name);
/* Add the words of list NAME to L (loaded before). Same return. */
int sentence_add_list(struct word_list *l, const char *name);

/* Is the LEN bytes at W in L, exactly or (when CAP_OK) with its first
 * letter lowercased ("Bijv" for "bijv")? Inline, as most words fail on
 * their length or first byte; sentence_list_lookup looks up the rest. */
int sentence_list_lookup(const struct word_list *l, const char *w, size_t len, int cap_ok);
static inline int sentence_in_list(const struct word_list *l, const char *w, size_t len,
                                   int cap_ok)
{
	/* one branch for the three tests: their outcome is hard to predict
	 * (an empty word is no entry and reads no byte) */
	unsigned char c = len ? (unsigned char)w[0] : 0;
	if (!((len >= l->min_len) & (len <= l->max_len) & (l->lens[c] >> (len < 31 ? len : 31))))
		return 0;
	return sentence_list_lookup(l, w, len, cap_ok);
}

/* What the word T[s, e) before a full stop is (openers and closers around
 * it ignored): a listed abbreviation (in ABBR, which holds those of
 * ABBR_FINAL too; ABBR_FINAL: one that may end a sentence), initials ("J", "J.P"), another dotted abbreviation ("m.b.t"),
 * a number, or a plain word. FIRST: the word starts its sentence, so a
 * capitalised form of a listed abbreviation counts. */
enum word_kind { W_EMPTY, W_WORD, W_ABBR, W_ABBR_FINAL, W_INITIALS, W_NUMBER };
enum word_kind sentence_word_kind(const struct word_list *abbr,
                                  const struct word_list *abbr_final,
                                  const char *t, size_t s, size_t e, int first);

/* A sentence boundary glued inside the word T[s, e): after a lowercase word
 * of two letters or more (not an abbreviation in ABBR), . ? ! or an
 * ellipsis (closing quotes allowed), then an uppercase letter and a
 * lowercase one ("rechtvaardigt.Inclusief", "niet...Misschien"). Returns
 * the byte where the next sentence starts, or 0. URLs, e-mail addresses and host names (a / or @ in the
 * word, www. before, or a further dot after) are never cut. */
size_t sentence_glued_boundary(const struct word_list *abbr, const char *t, size_t s, size_t e);

/* The sentence-final mark of the word T[s, e), closing quotes and brackets
 * after it skipped: a full stop, ? or ! (STRONG), an ellipsis (... or the
 * character), or none. *CORE gets the end of the word before the mark,
 * *CLOSED whether closers follow the mark. */
enum mark { M_NONE, M_STOP, M_STRONG, M_ELLIPSIS };
enum mark sentence_mark(const char *t, size_t s, size_t e, size_t *core, int *closed);

#endif
