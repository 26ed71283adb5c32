/* prepass.c — what the whole text tells before the window reads it: which
 * capitalised words stand free in the middle of a sentence somewhere (such
 * a word is a name also where it opens a sentence: "Mertens keek ..."),
 * and which of them the text uses most: the people it is about, who may
 * speak before the window reaches their name ("zei hij" in a chapter that
 * names Holmes only later).
 *
 * One pass over the bytes, no tokens: a word is a run of letters, digits,
 * hyphens and apostrophes. The table is sized to the text (at most
 * MAX_SLOTS entries: a bounded share of a huge text).
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "wordclass.h"

enum { MAX_SLOTS = 1 << 20 };

static int is_space(unsigned char c)
{
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
}

static void free_add(struct doc *d, uint64_t h, size_t start)
{
	size_t mask = d->free_cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		if (d->free_names[i] == h) {
			if (d->free_count[i] < UINT16_MAX)
				d->free_count[i]++;
			return;
		}
		if (!d->free_names[i]) {
			if (2 * (d->free_n + 1) > d->free_cap)
				return;   /* full: only a pathological text */
			d->free_names[i] = h;
			d->free_count[i] = 1;
			d->free_first[i] = (uint32_t)start;
			d->free_used[d->free_n++] = (uint32_t)i;
			return;
		}
	}
}

int doc_free_name(const struct doc *d, const char *s, size_t n)
{
	if (!d->free_cap)
		return 0;
	uint64_t h = wordclass_hash(s, n);
	size_t mask = d->free_cap - 1;
	for (size_t i = (size_t)h & mask; d->free_names[i]; i = (i + 1) & mask)
		if (d->free_names[i] == h)
			return 1;
	return 0;
}

/* The word S[a, b) is a determiner (its own classes, DET among them, in
 * *CL); a shape test first spares most words the look-up. */
static int determiner(const struct doc *d, size_t a, size_t b, uint32_t *cl)
{
	*cl = 0;
	if (b <= a || b - a >= 8 || !d->lx->det_shape[b - a][(unsigned char)d->text[a]])
		return 0;
	*cl = doc_spelling_direct(d, a, b);
	return (*cl & LX_DET) != 0;
}

/* The bytes that may be in a word: letters, digits, hyphens, apostrophes
 * and the bytes of multi-byte characters. */
static const unsigned char word_bytes[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 0x10 */
	0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0,   /* 0x20 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,   /* 0x30 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,   /* 0x50 */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,   /* 0x70 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x80 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x90 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xA0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xB0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xC0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xD0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xE0 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0xF0 */
};

/* The word S (N bytes) begins with a capital: ASCII without a call. */
static int upper_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	return c < 0x80 ? c >= 'A' && c <= 'Z' : wordclass_is_upper(s, n);
}

/* The end of the word starting at I. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	while (i < len && word_bytes[(unsigned char)s[i]])
		i++;
	return i;
}

static int alloc_table(struct doc *d)
{
	size_t want = 1024;
	while (want < d->len / 16 && want < MAX_SLOTS)
		want *= 2;
	if (want > d->free_alloc) {
		uint64_t *f = realloc(d->free_names, want * sizeof *f);
		if (f)
			d->free_names = f;
		uint16_t *c = realloc(d->free_count, want * sizeof *c);
		if (c)
			d->free_count = c;
		uint32_t *p = realloc(d->free_first, want * sizeof *p);
		if (p)
			d->free_first = p;
		uint32_t *u = realloc(d->free_used, want / 2 * sizeof *u);
		if (u)
			d->free_used = u;
		if (!f || !c || !p || !u)
			return -1;
		memset(d->free_names, 0, want * sizeof *d->free_names);
		d->free_alloc = want;
	} else {
		/* only the last text's slots hold a name */
		for (size_t k = 0; k < d->free_n; k++)
			d->free_names[d->free_used[k]] = 0;
	}
	d->free_cap = want;
	d->free_n = 0;
	return 0;
}

/* Seed the PROMINENT capitalised words standing free most often (at least
 * three times; not a function word, title, noun or place, nor an adjective
 * of a people or a place: "Oostersche", "Hollandsch") as people. */
static int seed_prominent(struct doc *d)
{
	size_t best[PROMINENT];
	size_t nb = 0;
	/* the slots in use, in the order filled: the order of the best
	 * does not depend on it (no two names share a first place) */
	for (size_t u = 0; u < d->free_n; u++) {
		size_t i = d->free_used[u];
		if (d->free_count[i] < 3)
			continue;
		size_t a = d->free_first[i], b = word_end(d->text, d->len, a);
		if ((doc_spelling_class(d, a, b, 0) & (LX_FUNCTION | LX_TITLE | LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG |
		                           LX_CUE | LX_CUE_SEP | LX_DET | LX_STOP | LX_PLACE)) ||
		    (doc_spelling_class(d, a, b, 1) & LX_ADJ))
			continue;
		/* insert by count, then by first place (the same order on every
		 * machine) */
		size_t k = nb < PROMINENT ? nb++ : PROMINENT;
		while (k > 0 && (d->free_count[best[k - 1]] < d->free_count[i] ||
		                 (d->free_count[best[k - 1]] == d->free_count[i] &&
		                  d->free_first[best[k - 1]] > d->free_first[i]))) {
			if (k < PROMINENT)
				best[k] = best[k - 1];
			k--;
		}
		if (k < PROMINENT)
			best[k] = i;
	}
	for (size_t k = 0; k < PROMINENT; k++)
		d->prominent[k] = -1;
	for (size_t k = 0; k < nb; k++) {
		size_t a = d->free_first[best[k]];
		int32_t p = doc_seed_person(d, a, word_end(d->text, d->len, a));
		if (p < -1)
			return -1;
		if (p >= 0)
			d->per[p].prominence = (uint8_t)(k + 1);
		d->prominent[k] = p;
	}
	return 0;
}

int doc_prepass(struct doc *d)
{
	if (alloc_table(d) < 0)
		return -1;
	const char *s = d->text;
	size_t len = d->len, i = 0;
	size_t w1[2] = { 0, 0 }, w2[2] = { 0, 0 };   /* the word before, and the one before it */
	int after_word = 0;   /* a word or a comma comes right before */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (is_space(c)) {
			i++;
			continue;
		}
		size_t e = word_end(s, len, i);
		if (e == i) {
			/* punctuation: after a comma, a hyphen or a bracket the
			 * sentence goes on */
			size_t n = 1;
			while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
				n++;
			after_word = c == ',' || c == '-' || c == '(';
			w1[0] = w1[1] = w2[0] = w2[1] = 0;
			i += n;
			continue;
		}
		if (after_word && e - i < 64 && upper_at(s + i, e - i)) {
			/* not after an article, with adjectives in -e between */
			uint32_t c1, c2;
			int det = determiner(d, w1[0], w1[1], &c1) ||
			          (w1[1] > w1[0] && s[w1[1] - 1] == 'e' && determiner(d, w2[0], w2[1], &c2));
			if (!det)
				free_add(d, wordclass_hash(s + i, e - i), i);
		}
		/* an elision ('t, 's) before a word opens its sentence as well:
		 * "'t Is" */
		after_word = !(s[i] == '\'' || (unsigned char)s[i] == 0xE2);
		w2[0] = w1[0];
		w2[1] = w1[1];
		w1[0] = i;
		w1[1] = e;
		i = e;
	}
	return seed_prominent(d);
}
