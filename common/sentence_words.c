/* sentence_words.c — word lists and word shapes for the sentence splitter
 * (see sentence_words.h). */
#include "sentence_words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "lang.h"
#include "sentence_chars.h"

/* A hash of the word W (LEN bytes, LEN >= 1) with its first byte taken as
 * FIRST (so that "Bijv" is looked up as "bijv" without a copy): from its
 * length and five of its bytes, with no loop, as words come in every
 * length. */
static inline uint32_t word_hash(unsigned char first, const char *w, size_t len)
{
	const unsigned char *u = (const unsigned char *)w;
	uint64_t h = (uint64_t)len | (uint64_t)first << 8 | (uint64_t)u[len > 1] << 16 |
	             (uint64_t)u[len / 2] << 24 | (uint64_t)u[len - 1] << 32 |
	             (uint64_t)u[len - 1 - (len > 2)] << 40;
	h *= 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(h >> 32);
}

/* Is W (LEN bytes, its first byte taken as FIRST) in L? */
static inline int list_has(const struct word_list *l, unsigned char first, const char *w, size_t len)
{
	uint32_t h = word_hash(first, w, len);
	for (size_t i = h & l->mask; l->slots[i].word; i = (i + 1) & l->mask) {
		const struct word_slot *s = &l->slots[i];
		if (s->hash == h && s->len == len && (unsigned char)s->word[0] == first) {
			/* the hash matched: the bytes almost always do; no call */
			size_t k = 1;
			while (k < len && s->word[k] == w[k])
				k++;
			if (k == len)
				return 1;
		}
	}
	return 0;
}

/* sentence_in_list past its length and first-byte test. */
int sentence_list_lookup(const struct word_list *l, const char *w, size_t len, int cap_ok)
{
	unsigned char c = (unsigned char)w[0];
	if (l->exact[c] && list_has(l, c, w, len))
		return 1;
	if (cap_ok && c >= 'A' && c <= 'Z' && len < 64)
		return list_has(l, (unsigned char)(c - 'A' + 'a'), w, len);
	return 0;
}

/* Add W (LEN bytes, not in L yet), growing the table to keep it at most
 * a quarter full: most words looked up are in no list, and their probe
 * then mostly ends at the first slot. */
static void list_insert(struct word_list *l, const char *w, size_t len)
{
	if (!l->slots || (l->n + 1) * 4 > l->mask + 1) {
		size_t cap = l->slots ? 2 * (l->mask + 1) : 64;
		struct word_slot *old = l->slots, *slots = calloc(cap, sizeof *slots);
		if (!slots)
			filter_out_of_memory();
		for (size_t i = 0; old && i <= l->mask; i++) {
			if (!old[i].word)
				continue;
			size_t j = old[i].hash & (cap - 1);
			while (slots[j].word)
				j = (j + 1) & (cap - 1);
			slots[j] = old[i];
		}
		free(old);
		l->slots = slots;
		l->mask = cap - 1;
	}
	uint32_t h = word_hash((unsigned char)w[0], w, len);
	size_t i = h & l->mask;
	while (l->slots[i].word)
		i = (i + 1) & l->mask;
	char *copy = malloc(len);
	if (!copy)
		filter_out_of_memory();
	memcpy(copy, w, len);
	l->slots[i] = (struct word_slot){h, (uint32_t)len, copy};
	l->n++;
}

void sentence_free_list(struct word_list *l)
{
	for (size_t i = 0; l->slots && i <= l->mask; i++)
		free(l->slots[i].word);
	free(l->slots);
	l->slots = NULL;
	l->n = l->mask = 0;
}

static int is_vowel(unsigned char c)
{
	/* bits of a-z (either case): a e i o u y; accented letters are vowels
	 * in Dutch. A mask, not a chain of tests, as vowels come unpredictably. */
	const uint32_t vowels = 1u << 0 | 1u << 4 | 1u << 8 | 1u << 14 | 1u << 20 | 1u << 24;
	unsigned k = (unsigned)((c | 0x20) - 'a');
	return c >= 0x80 || (k < 26 && (vowels >> k & 1));
}

/* Dotted letters: segments of 1-2 letters (3 without a vowel: "Chr")
 * separated by single dots, with at least one dot or a single letter ("J",
 * "J.P", "m.b.t", "Th.J"). Segments that all start with a capital are
 * initials, and so is one capital followed by lowercase letters without a
 * vowel ("Th", "Chr": no Dutch word is written so); other dotted forms are
 * abbreviations. */
static enum word_kind dotted_kind(const char *t, size_t s, size_t e)
{
	/* most words: four ASCII letters in a row are more than a segment */
	int ascii4 = e - s >= 4;
	for (size_t i = s; ascii4 && i < s + 4; i++)
		ascii4 = ((unsigned char)t[i] | 0x20) >= 'a' && ((unsigned char)t[i] | 0x20) <= 'z';
	if (ascii4)
		return W_WORD;
	size_t seg = 0, segs = 1, letters = 0;
	int upper = 1, vowels = 0, seg_vowel = 0, title = 1;
	for (size_t i = s; i < e;) {
		if (t[i] == '.') {
			if (seg == 0 || (seg == 3 && seg_vowel)) return W_WORD;
			seg = 0; segs++; i++; seg_vowel = 0;
			continue;
		}
		enum ccase k = char_case(t, i, e);
		if (k != C_UPPER && k != C_LOWER) return W_WORD;
		if (seg == 0 && k != C_UPPER) upper = 0;
		if (seg > 0 && k != C_LOWER) title = 0;
		if (is_vowel((unsigned char)t[i])) vowels = seg_vowel = 1;
		if (++seg > 3) return W_WORD;     /* "nos.nl" is no abbreviation */
		letters++;
		i++;
		while (i < e && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
	}
	if (seg == 0 || (seg == 3 && seg_vowel)) return W_WORD;
	if (segs == 1)
		return upper && (letters == 1 || (title && !vowels)) ? W_INITIALS : W_WORD;
	return upper ? W_INITIALS : W_ABBR;
}

enum word_kind sentence_word_kind(const struct word_list *abbr,
                                  const struct word_list *abbr_final,
                                  const char *t, size_t s, size_t e, int first)
{
	s = skip_openers(t, s, e);
	e = skip_closers(t, s, e);
	if (s >= e) return W_EMPTY;
	/* ABBR holds the final ones too (splitter_new): one lookup for a word */
	if (sentence_in_list(abbr, t + s, e - s, first))
		return sentence_in_list(abbr_final, t + s, e - s, first) ? W_ABBR_FINAL : W_ABBR;
	unsigned char c = (unsigned char)t[s];
	if (c >= '0' && c <= '9') {
		for (size_t i = s; i < e; i++)
			if (!((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ',' ||
			      t[i] == ':' || t[i] == '-' || t[i] == '/'))
				return W_WORD;
		return W_NUMBER;
	}
	return dotted_kind(t, s, e);
}

static void add_word(const char *w, size_t len, void *ctx)
{
	struct word_list *l = ctx;
	if (len == 0 || (l->slots && list_has(l, (unsigned char)w[0], w, len)))
		return;
	list_insert(l, w, len);
	if (len < l->min_len) l->min_len = len;
	if (len > l->max_len) l->max_len = len;
	unsigned char c = (unsigned char)w[0];
	uint32_t bit = 1u << (len < 31 ? len : 31);
	l->first[c] = l->exact[c] = 1;
	l->lens[c] |= bit;
	if (c >= 'a' && c <= 'z') {
		l->first[c - 'a' + 'A'] = 1;       /* capitalised at a sentence start */
		l->lens[c - 'a' + 'A'] |= bit;
	}
}

/* Read list NAME into L through ADD; a missing file is reported. */
static int read_list(struct word_list *l, const char *name,
                     void (*add)(const char *, size_t, void *))
{
	if (lang_each_line(name, add, l) < 0) {
		filter_warn("language file %s is missing", name);
		return -1;
	}
	return 0;
}

static void empty_list(struct word_list *l)
{
	l->slots = NULL;
	l->n = l->mask = 0;
	l->min_len = (size_t)-1;
	l->max_len = 0;
}

int sentence_load_list(struct word_list *l, const char *name)
{
	empty_list(l);
	return read_list(l, name, add_word);
}

static void add_first_word(const char *w, size_t len, void *ctx)
{
	const char *sp = memchr(w, ' ', len);
	if (sp)
		add_word(w, (size_t)(sp - w), ctx);
}

int sentence_load_first_words(struct word_list *l, const char *name)
{
	empty_list(l);
	return read_list(l, name, add_first_word);
}

int sentence_add_list(struct word_list *l, const char *name)
{
	return read_list(l, name, add_word);
}

size_t sentence_glued_boundary(const struct word_list *abbr, const char *t, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (t[i] == '/' || t[i] == '@')
			return 0;
	for (size_t p = s + 2; p + 2 < e; p++) {
		char c = t[p];
		int ellipsis = is_ellipsis_at(t, p, e) || (c == '.' && t[p + 1] == '.');
		if (c != '.' && c != '?' && c != '!' && !ellipsis)
			continue;
		/* the word before: letters back to a non-letter */
		size_t w = p, nl = 0;
		while (w > s) {
			size_t q = prev_char(t, w);
			if (!is_letter(t, q, e)) break;
			w = q; nl++;
		}
		if (nl < 2 || char_case(t, prev_char(t, p), e) != C_LOWER)
			continue;
		if (c == '.' && (w > s && t[w - 1] == '.'))
			continue;
		if (c == '.' && !ellipsis && sentence_in_list(abbr, t + w, p - w, 1))
			continue;
		size_t q = p + (is_ellipsis_at(t, p, e) ? 3 : 1);
		while (q < e && (t[q] == '.' || t[q] == '?' || t[q] == '!' || is_ellipsis_at(t, q, e)))
			q += is_ellipsis_at(t, q, e) ? 3 : 1;     /* more marks: ?! ... */
		while (q < e) {
			unsigned char b = (unsigned char)t[q];
			if (b == '"' || b == '\'') q++;
			else if (b == 0xE2 && q + 2 < e && (unsigned char)t[q + 1] == 0x80 &&
			         ((unsigned char)t[q + 2] == 0x9D || (unsigned char)t[q + 2] == 0x99))
				q += 3;
			else break;
		}
		if (q >= e || char_case(t, q, e) != C_UPPER)
			continue;
		/* a host name goes on with more dots: www.Gemeente.nl */
		int host = 0;
		for (size_t k = q; k + 1 < e && !host; k++)
			host = t[k] == '.' && is_letter(t, k + 1, e);
		if (host || (p - w == 3 && t[w] == 'w' && t[w + 1] == 'w' && t[w + 2] == 'w'))
			continue;
		int32_t cp;
		int k = utf8_decode(t + q, e - q, &cp);
		if (k < 0 || q + (size_t)k >= e || char_case(t, q + (size_t)k, e) != C_LOWER)
			continue;
		return q;
	}
	return 0;
}

enum mark sentence_mark(const char *t, size_t s, size_t e, size_t *core, int *closed)
{
	size_t ce = skip_closers(t, s, e);
	*closed = ce != e;
	if (ce == s) return M_NONE;
	unsigned char c = (unsigned char)t[ce - 1];
	if (c == '?' || c == '!') {
		while (ce > s && (t[ce - 1] == '?' || t[ce - 1] == '!')) ce--;
		*core = ce;
		return M_STRONG;
	}
	if (c == '.') {
		if (ce - s >= 2 && t[ce - 2] == '.') {
			while (ce > s && t[ce - 1] == '.') ce--;
			*core = ce;
			return M_ELLIPSIS;
		}
		*core = ce - 1;
		return M_STOP;
	}
	if (ce - s >= 3 && is_ellipsis_at(t, ce - 3, ce)) {
		*core = ce - 3;
		return M_ELLIPSIS;
	}
	return M_NONE;
}
