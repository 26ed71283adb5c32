/* wordclass.h — the lexicon service: word lists of common/lang/ loaded into
 * one table from a folded (lower-case) word to what the lists say about it.
 *
 * A filter declares its classes as bits (up to 64) and loads each list into
 * the table with the bit it stands for; looking a word up is one hash probe
 * and gives all its classes at once. An entry may also carry a number (a
 * count such as a document frequency) and may be a phrase (words joined by
 * single spaces: "in de woorden van"). Endings are a second table: "which
 * listed ending of class C does this word end in" (a role in a compound:
 * "EU-buitenlandchef", a suffix: "-ische").
 *
 * Words are byte strings of UTF-8; the table folds them on the way in
 * (wordclass_fold: ASCII and Latin-1 letters to lower case), and look-ups
 * expect folded words. Lists follow the lang.h convention: one entry a line,
 * "#" comments; an entry is "WORD [TAG...]", and a load may take only the
 * entries that carry a given TAG.
 *
 * Out of memory while loading ends the program (exit 70, as lang.h's
 * wordsets do): a NULL or -1 from a loader always means a missing file.
 * Look-ups never allocate and never fail. Lengths are bytes.
 */
#ifndef ZEEF_WORDCLASS_H
#define ZEEF_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t wc_bits;

struct wordclass;

struct wordclass *wordclass_new(void);
void wordclass_free(struct wordclass *wc);

/* Add word (or phrase) W of N bytes, folded here, with BITS (or'ed into what
 * it has). */
void wordclass_add(struct wordclass *wc, const char *w, size_t n, wc_bits bits);

/* Load language list NAME (e.g. "nl/stopwords.txt"): the first word of every
 * entry gets BITS; with TAG, only the entries that list TAG after the word
 * ("hij subj"). With WHOLE_LINE the entry's whole text is the key (phrases).
 * Returns the number of entries added, or -1 when the file does not exist. */
long wordclass_load(struct wordclass *wc, const char *name, const char *tag, wc_bits bits);
long wordclass_load_phrases(struct wordclass *wc, const char *name, wc_bits bits);

/* Several loads of one list in one pass over it (a list read for many
 * classes and tables is read once): each use adds the first word of the
 * entries listing TAG (NULL: of every entry) to WC with BITS, as a word or
 * (ENDING) as an ending, as wordclass_load and wordclass_load_endings do.
 * Returns the number of entries of the list, or -1 when it does not exist. */
struct wordclass_use {
	struct wordclass *wc;
	const char *tag;
	wc_bits bits;
	int ending;
};
long wordclass_load_uses(const char *name, const struct wordclass_use *uses, size_t n);

/* Room for WORDS more words and ENDINGS more endings, so that a table
 * filled from large lists is made once at its size, not grown through
 * every power of two (each growth a new table to fill and fault in). An
 * upper bound does; far above the truth it makes the table larger. */
void wordclass_reserve(struct wordclass *wc, size_t words, size_t endings);

/* Every entry of SRC (word or phrase) is added to DST with its classes
 * moved SHIFT bits up (values are not copied): a filter that keeps small
 * lists apart may also find them in one probe of its main table. */
void wordclass_add_all(struct wordclass *dst, const struct wordclass *src, unsigned shift);

/* The classes of the folded word W (N bytes); 0 when it is in no list. */
wc_bits wordclass_get(const struct wordclass *wc, const char *w, size_t n);

/* A number kept with the folded word W: set (the word is added with no
 * class when absent) and read (0 when absent or never set). */
void wordclass_set_value(struct wordclass *wc, const char *w, size_t n, uint32_t value);
uint32_t wordclass_value(const struct wordclass *wc, const char *w, size_t n);

/* Classes and value in one probe; the word's hash comes from
 * wordclass_hash (for callers that hash once and look up often). */
uint64_t wordclass_hash(const char *w, size_t n);
wc_bits wordclass_get_hashed(const struct wordclass *wc, const char *w, size_t n, uint64_t hash,
                             uint32_t *value);

/* --- endings ------------------------------------------------------------ */

/* Add ending E (folded here) with BITS; load the first word of every entry
 * of list NAME (with TAG: of the entries listing it) as an ending with BITS
 * (-1 when the file does not exist). */
void wordclass_add_ending(struct wordclass *wc, const char *e, size_t n, wc_bits bits);
long wordclass_load_endings(struct wordclass *wc, const char *name, const char *tag,
                            wc_bits bits);

/* The length of the longest listed ending with any of BITS that the folded
 * word W ends in, the ending starting on a character boundary and at least
 * MIN_REST bytes into W (MIN_REST 0: the whole word counts too); 0 when
 * none. *FOUND (may be NULL) gets all the classes of that ending. One pass
 * over the word's last bytes (endings are hashed backwards) and one probe
 * per length that some ending has. */
size_t wordclass_ending(const struct wordclass *wc, const char *w, size_t n, wc_bits bits,
                        size_t min_rest, wc_bits *found);

/* --- folding ------------------------------------------------------------ */

/* Write the lower-case form of W (N bytes) to OUT (N bytes of room): ASCII
 * and Latin-1 letters (À-Þ) folded, everything else copied; the length does
 * not change. Returns N. */
size_t wordclass_fold(const char *w, size_t n, char *out);

/* 1 when the code point at W (N > 0 bytes) is an upper-case letter: ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic capitals. */
int wordclass_is_upper(const char *w, size_t n);

#endif
