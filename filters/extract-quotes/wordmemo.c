/* wordmemo.c — the word classes of tokens (doc.h: doc_classify, doc_lex,
 * doc_is), remembered per spelling.
 *
 * A token's classes depend on its bytes alone: its shape (capitals, a
 * roman numeral, a hyphenated role), the classes the lists give the folded
 * word, its pronoun features and, when first asked for, the classes from
 * its endings (plurals, compounds, suffixes: the costly part). A text uses
 * few words many times over, so each spelling's classes are kept in a
 * table of MEMO_SLOTS slots that lives as long as the doc: two slots a
 * hash, the one used less lately giving way to a new spelling (two
 * spellings that share a hash both stay; the bytes are compared, so a
 * clash costs a recomputation, never a wrong answer). Words longer than
 * MEMO_WORD bytes are classified afresh each time.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "wordclass.h"

struct word_memo {
	uint32_t hash;       /* the high half of memo_hash of the bytes as
	                        written (the low half chose the pair) */
	uint32_t lex;        /* LX_* of the word itself */
	uint32_t full;       /* LX_* with those from endings, when KNOWN_FULL */
	uint32_t lower;      /* doc_lex_lower's, when KNOWN_LOWER */
	uint16_t flags;      /* TK_* of its shape */
	uint16_t pron;       /* PR_* */
	uint16_t aux;        /* AUX_* */
	uint8_t len;         /* its bytes; 0: an empty slot */
	uint8_t known;       /* KNOWN_* */
	uint8_t noun_end;    /* its noun ending (doc_noun_ending), when
	                        KNOWN_NOUN */
	char w[MEMO_WORD];
};

/* KNOWN_RECENT: of the two slots of a pair, the one found or filled last */
enum { KNOWN_FULL = 1, KNOWN_NOUN = 2, KNOWN_RECENT = 4, KNOWN_LOWER = 8 };

int doc_memo_alloc(struct doc *d)
{
	if (!d->memo && !(d->memo = calloc(MEMO_SLOTS, sizeof *d->memo)))
		return -1;
	return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
enum { MEMO_LITTLE_ENDIAN = 1 };
#else
enum { MEMO_LITTLE_ENDIAN = 0 };
#endif

/* The N bytes at W (a slot's, MEMO_WORD of them) are the N at S (AVAIL
 * readable): a short word in one masked compare, without a call. */
static inline int same_spelling(const char *w, const char *s, size_t n, size_t avail)
{
	if (MEMO_LITTLE_ENDIAN && n >= 1 && n <= 8 && avail >= 8) {
		uint64_t x, y;
		memcpy(&x, w, 8);
		memcpy(&y, s, 8);
		return ((x ^ y) & (~0ULL >> (64 - 8 * n))) == 0;
	}
	return memcmp(w, s, n) == 0;
}

/* The slot token K was classified through when it still holds K's
 * spelling, else NULL. */
static struct word_memo *memo_of(const struct doc *d, const struct qtoken *k)
{
	if (k->memo == NO_MEMO)
		return NULL;
	struct word_memo *m = &d->memo[k->memo];
	size_t n = k->end - k->start;
	return m->len == n && same_spelling(m->w, d->text + k->start, n, d->len - k->start) ? m : NULL;
}

uint32_t doc_lex(const struct doc *d, size_t t)
{
	if (!doc_has(d, t))
		return 0;
	/* the window is the doc's own: completing a token's classes is a
	 * cache, not a change anyone can see */
	struct qtoken *k = (struct qtoken *)doc_tok(d, t);
	if (!(k->flags & TK_WORD))
		return 0;
	if (!(k->flags & TK_LEX_ENDINGS)) {
		size_t n = k->end - k->start;
		char low[64];
		struct word_memo *m = memo_of(d, k);
		if (m && (m->known & KNOWN_FULL)) {
			k->lex = m->full;
		} else if (n < sizeof low) {
			wordclass_fold(d->text + k->start, n, low);
			k->lex = quotes_word_endings(d->lx, low, n, (k->flags & TK_CAP) != 0, k->lex);
			if (m) {
				m->full = k->lex;
				m->known |= KNOWN_FULL;
			}
		}
		k->flags |= TK_LEX_ENDINGS;
	}
	return k->lex;
}

uint32_t doc_lex_lower(const struct doc *d, size_t t)
{
	const struct qtoken *k = doc_tok(d, t);
	if (!(k->flags & TK_CAP))
		return doc_lex(d, t);
	char low[64];
	size_t n = k->end - k->start;
	if (n >= sizeof low)
		return 0;
	struct word_memo *m = memo_of(d, k);
	if (m && (m->known & KNOWN_LOWER))
		return m->lower;
	wordclass_fold(d->text + k->start, n, low);
	uint32_t lex = quotes_word_class(d->lx, low, n, 0);
	if (m) {
		m->lower = lex;
		m->known |= KNOWN_LOWER;
	}
	return lex;
}

size_t doc_noun_ending(const struct doc *d, size_t t, const char *low, size_t n)
{
	const wc_bits noun = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;
	struct word_memo *m = doc_has(d, t) ? memo_of(d, doc_tok(d, t)) : NULL;
	if (m && (m->known & KNOWN_NOUN))
		return m->noun_end;
	size_t e = wordclass_ending(d->lx->wc, low, n, noun, 0, NULL);
	if (m) {
		m->noun_end = (uint8_t)e;
		m->known |= KNOWN_NOUN;
	}
	return e;
}

int doc_is_slow(const struct doc *d, size_t t, uint32_t bits)
{
	return (doc_lex(d, t) & bits) != 0;
}

static int ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_roman(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("IVXLCDM", s[i]))
			return 0;
	return n > 0;
}

/* The classes of word token K, worked out. */
static void classify(const struct doc *d, struct qtoken *k)
{
	const char *s = d->text + k->start;
	size_t n = k->end - k->start;
	char low[64];
	wordclass_fold(s, n, low);
	if (wordclass_is_upper(s, n))
		k->flags |= TK_CAP;
	int lower = 0, letters = 0;
	for (size_t i = 0; i < n; i++) {
		lower |= s[i] >= 'a' && s[i] <= 'z';
		letters += ascii_letter((unsigned char)s[i]);
	}
	if ((k->flags & TK_CAP) && !lower && letters >= 2)
		k->flags |= TK_ALLCAPS;
	if ((k->flags & TK_ALLCAPS) && is_roman(s, n))
		k->flags |= TK_ROMAN;
	wc_bits all = wordclass_get(d->lx->wc, low, n);   /* quotes_word_direct and AUX_* */
	k->lex = (uint32_t)all;
	k->aux = (uint16_t)(all >> AUX_SHIFT);
	if (k->lex & LX_PRONOUN)
		k->pron = (uint16_t)quotes_pronoun(d->lx, low, n);
	if ((k->flags & TK_CAP) && !(k->flags & TK_ALLCAPS)) {
		/* A capitalised compound with a lower-case tail is a noun
		 * (NAVO-chef, EU-correspondent). */
		const char *dash = memchr(s, '-', n);
		if (dash && dash + 1 < s + n && !wordclass_is_upper(dash + 1, (size_t)(s + n - dash - 1)))
			k->flags |= TK_HYPHEN_ROLE;
	}
}

enum { SHAPE = TK_CAP | TK_ALLCAPS | TK_ROMAN | TK_HYPHEN_ROLE };

/* A hash of the N (at most MEMO_WORD) bytes at S, eight at a time; AVAIL
 * bytes may be read from S. The last 1..7 bytes are one little-endian
 * number, read as 8 bytes and masked when 8 may be read. */
__attribute__((always_inline)) static inline uint64_t memo_hash(const char *s, size_t n, size_t avail)
{
	const uint64_t mul = 0x9E3779B97F4A7C15ULL;
	uint64_t h = n * mul, x;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		h = (h ^ x) * mul;
		h ^= h >> 29;
	}
	x = 0;
	if (i < n && MEMO_LITTLE_ENDIAN && avail >= i + 8) {
		memcpy(&x, s + i, 8);
		x &= ~0ULL >> (64 - 8 * (n - i));
	} else {
		for (size_t j = n; j > i; j--)
			x = x << 8 | (unsigned char)s[j - 1];
	}
	h = (h ^ x) * mul;
	h ^= h >> 32;
	return h ? h : 1;
}

/* Slot M of a pair (the other one at OTHER) was found or filled last. */
static void memo_used(struct word_memo *m, struct word_memo *other)
{
	if (!(m->known & KNOWN_RECENT)) {
		m->known |= KNOWN_RECENT;
		other->known &= (uint8_t)~KNOWN_RECENT;
	}
}

/* The slot that holds spelling S (N bytes, 0 < N <= MEMO_WORD; AVAIL
 * bytes readable at S), or NO_MEMO; *PAIR and *TAG where it belongs. */
__attribute__((always_inline)) static inline size_t memo_find(const struct doc *d, const char *s, size_t n,
                                                              size_t avail, size_t *pair, uint32_t *tag)
{
	uint64_t h = memo_hash(s, n, avail);
	*tag = (uint32_t)(h >> 32);
	*pair = ((size_t)h & (MEMO_SLOTS / 2 - 1)) * 2;
	struct word_memo *two = &d->memo[*pair];
	for (size_t i = 0; i < 2; i++)
		if (two[i].hash == *tag && two[i].len == n && same_spelling(two[i].w, s, n, avail)) {
			memo_used(&two[i], &two[i ^ 1]);
			return *pair + i;
		}
	return NO_MEMO;
}

void doc_classify(struct doc *d, struct qtoken *k)
{
	size_t n = k->end - k->start;
	k->memo = NO_MEMO;
	if (n >= 64)
		return;
	if (n > MEMO_WORD || !d->memo) {
		classify(d, k);
		return;
	}
	const char *s = d->text + k->start;
	size_t pair;
	uint32_t tag;
	size_t i = memo_find(d, s, n, d->len - k->start, &pair, &tag);
	if (i != NO_MEMO) {
		struct word_memo *m = &d->memo[i];
		k->memo = (uint16_t)i;
		k->flags |= m->flags;
		k->lex = m->lex;
		k->pron = m->pron;
		k->aux = m->aux;
		return;
	}
	classify(d, k);
	/* an empty slot, else the one used less lately */
	struct word_memo *two = &d->memo[pair];
	i = !two[0].len ? 0 : !two[1].len ? 1 : (two[0].known & KNOWN_RECENT) ? 1 : 0;
	struct word_memo *m = &two[i];
	*m = (struct word_memo){ .hash = tag, .lex = k->lex, .flags = (uint16_t)(k->flags & SHAPE),
	                         .pron = k->pron, .aux = k->aux, .len = (uint8_t)n };
	memcpy(m->w, s, n);
	memo_used(m, &two[i ^ 1]);
	k->memo = (uint16_t)(pair + i);
}

/* The slot that holds the word S[A, A + N) of the text, or NULL. */
static struct word_memo *spelling_slot(const struct doc *d, size_t a, size_t n)
{
	size_t pair, i;
	uint32_t tag;
	if (!d->memo || n > MEMO_WORD ||
	    (i = memo_find(d, d->text + a, n, d->len - a, &pair, &tag)) == NO_MEMO)
		return NULL;
	return &d->memo[i];
}

uint32_t doc_spelling_class(const struct doc *d, size_t a, size_t b, int capitalised)
{
	size_t n = b - a;
	char low[64];
	if (n == 0 || n >= sizeof low)
		return 0;
	struct word_memo *m = spelling_slot(d, a, n);
	/* a slot of a capitalised spelling keeps both readings */
	int cap = m && (m->flags & TK_CAP);
	unsigned known = capitalised ? KNOWN_FULL : KNOWN_LOWER;
	if (cap && (m->known & known))
		return capitalised ? m->full : m->lower;
	wordclass_fold(d->text + a, n, low);
	uint32_t lex = quotes_word_class(d->lx, low, n, capitalised);
	if (cap) {
		*(capitalised ? &m->full : &m->lower) = lex;
		m->known |= (uint8_t)known;
	}
	return lex;
}

uint32_t doc_spelling_direct(const struct doc *d, size_t a, size_t b)
{
	size_t n = b - a;
	char low[64];
	if (n == 0 || n >= sizeof low)
		return 0;
	struct word_memo *m = spelling_slot(d, a, n);
	if (m)
		return m->lex;
	wordclass_fold(d->text + a, n, low);
	return quotes_word_direct(d->lx, low, n);
}
