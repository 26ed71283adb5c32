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
static const uint32_t DESCRIBED_BIT = 0x80000000u;
static const uint64_t DESCRIBED_KEY = 0x9ae16a3b2f90404fULL;

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
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
			d->free_n++;
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

/* The classes of the word S[a, b). */
static uint32_t classes(const struct doc *d, size_t a, size_t b)
{
	char low[64];
	if (b - a >= sizeof low || b == a)
		return 0;
	wordclass_fold(d->text + a, b - a, low);
	return quotes_word_class(d->lx, low, b - a, 0);
}

/* The end of the word starting at I. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	while (i < len && !is_space((unsigned char)s[i]) &&
	       ((unsigned char)s[i] >= 0x80 || ascii_letter((unsigned char)s[i]) || s[i] == '-' ||
	        s[i] == '\'' || (s[i] >= '0' && s[i] <= '9')))
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
		if (!f || !c || !p)
			return -1;
		d->free_alloc = want;
	}
	d->free_cap = want;
	memset(d->free_names, 0, want * sizeof *d->free_names);
	d->free_n = 0;
	return 0;
}

/* The first byte of the entry at slot I (DESCRIBED: it counts a
 * description, and A is its article, HEAD its noun). */
static size_t entry_start(const struct doc *d, size_t i, int *described, size_t *head)
{
	uint32_t f = d->free_first[i];
	*described = (f & DESCRIBED_BIT) != 0;
	size_t a = f & ~DESCRIBED_BIT;
	*head = a;
	if (*described) {
		/* the head is the last word before the next space-run ends a
		 * word that is no adjective: the word after the article, or
		 * after its adjective */
		size_t e = word_end(d->text, d->len, a), h = e;
		while (h < d->len && is_space((unsigned char)d->text[h]))
			h++;
		*head = h;
		size_t he = word_end(d->text, d->len, h);
		if (he > h && d->text[he - 1] == 'e' && !(classes(d, h, he) & (LX_PERSON | LX_ROLE))) {
			size_t h2 = he;
			while (h2 < d->len && is_space((unsigned char)d->text[h2]))
				h2++;
			*head = h2;
		}
	}
	return a;
}

/* Seed the PROMINENT people the text names or describes most often (at
 * least three times): capitalised words standing free (not a function
 * word, title, noun or place), and person nouns after an article ("de
 * bisschop"). */
static int seed_prominent(struct doc *d)
{
	size_t best[PROMINENT];
	size_t nb = 0;
	for (size_t i = 0; i < d->free_cap; i++) {
		if (!d->free_names[i] || d->free_count[i] < 3)
			continue;
		int described;
		size_t head, a = entry_start(d, i, &described, &head), b = word_end(d->text, d->len, head);
		if (described && d->free_count[i] < 5)
			continue;
		if (!described &&
		    (classes(d, a, b) & (LX_FUNCTION | LX_TITLE | LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG |
		                         LX_CUE | LX_CUE_SEP | LX_DET | LX_STOP | LX_PLACE)))
			continue;
		/* insert by count, then by first place (the same order on every
		 * machine) */
		size_t k = nb < PROMINENT ? nb++ : PROMINENT;
		while (k > 0 && (d->free_count[best[k - 1]] < d->free_count[i] ||
		                 (d->free_count[best[k - 1]] == d->free_count[i] &&
		                  (d->free_first[best[k - 1]] & ~DESCRIBED_BIT) >
		                  (d->free_first[i] & ~DESCRIBED_BIT)))) {
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
		int described;
		size_t head, a = entry_start(d, best[k], &described, &head);
		size_t b = word_end(d->text, d->len, head);
		int32_t p = described ? doc_seed_described(d, a, head, b) : doc_seed_person(d, a, b);
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
		int upper = e - i < 64 && wordclass_is_upper(s + i, e - i);
		/* an article (a short word) right before, or before an
		 * adjective in -e */
		size_t det_at = SIZE_MAX;
		uint32_t c1 = w1[1] > w1[0] && w1[1] - w1[0] <= 5 ? classes(d, w1[0], w1[1]) : 0, c2 = 0;
		if (c1 & LX_DET)
			det_at = w1[0];
		else if (w1[1] > w1[0] && s[w1[1] - 1] == 'e' && w2[1] > w2[0] && w2[1] - w2[0] <= 5 &&
		         ((c2 = classes(d, w2[0], w2[1])) & LX_DET))
			det_at = w2[0];
		/* "de bisschop": a definite article, not a possessive one */
		uint32_t dc = det_at == w1[0] ? c1 : c2;
		int definite = (dc & LX_DEFINITE) && !(dc & (LX_POSSESSIVE | LX_NEUTER));
		if (after_word && upper && det_at == SIZE_MAX)
			free_add(d, wordclass_hash(s + i, e - i), i);
		if (!upper && det_at != SIZE_MAX && definite && e - i < 64) {
			uint32_t cl = classes(d, i, e);
			if ((cl & (LX_PERSON | LX_ROLE)) && !(cl & (LX_PLURAL | LX_FUNCTION))) {
				char low[64];
				wordclass_fold(s + i, e - i, low);
				free_add(d, wordclass_hash(low, e - i) ^ DESCRIBED_KEY, det_at | DESCRIBED_BIT);
			}
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
