/* wordclass.c — see wordclass.h.
 *
 * Two open-addressing tables (words, endings) of 24-byte slots: the word's
 * hash, where its bytes are in a shared pool, its length, its value and its
 * classes. A probe compares hashes first, so a look-up of a word that is in
 * no list usually touches one slot and never the pool.
 */
#include "wordclass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "filter.h"
#include "lang.h"

struct slot {
	uint64_t hash;       /* 0: empty (a real hash of 0 is stored as 1) */
	uint32_t off, len;   /* bytes in the pool */
	uint32_t value;
	wc_bits bits;
};

struct table {
	struct slot *slot;
	size_t cap, n;       /* cap a power of two, at most half full */
	size_t min_len, max_len;
	/* endings: a bit for each ending's length and last (up to three)
	 * bytes, so that a word is tested for an ending of length K with one
	 * bit, and probed only when some ending of that length ends alike */
	unsigned char tail[1 << 13];
};

/* The bit of tail[] for an ending of K bytes whose last bytes end at E. */
static unsigned tail_key(const char *e, size_t k)
{
	const unsigned char *s = (const unsigned char *)e;
	unsigned h = (unsigned)(k < 8 ? k : 8) * 0x9E37u + s[-1];
	if (k >= 2)
		h = h * 31u + s[-2];
	if (k >= 3)
		h = h * 31u + s[-3];
	h *= 0x45D9F3Bu;
	return (h ^ (h >> 16)) & ((1u << 16) - 1);
}

struct wordclass {
	struct table words, endings;
	char *pool;
	size_t pool_len, pool_cap;
};

static void out_of_memory(void)
{
	fprintf(stderr, "%s: out of memory\n", filter_name());
	exit(EXIT_SOFTWARE);
}

uint64_t wordclass_hash(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h ? h : 1;
}

size_t wordclass_fold(const char *w, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)w;
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t i = 0;
	while (i < n) {
		/* Eight ASCII bytes at a time: 0x20 added to each of 'A'..'Z'. */
		for (; i + 8 <= n; i += 8) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (x & high)
				break;
			uint64_t upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & high;
			x |= upper >> 2;
			memcpy(out + i, &x, 8);
		}
		/* then up to eight bytes one at a time (the rest of a short
		 * word, or the eight that held a byte above ASCII) */
		size_t stop = i + 8 <= n ? i + 8 : n;
		while (i < stop) {
			unsigned char c = s[i];
			if (c < 0x80) {
				out[i++] = (char)(c | ((unsigned)(c - 'A') < 26u) << 5);
			} else if (c == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E &&
			           s[i + 1] != 0x97) {
				out[i] = (char)c;   /* U+00C0..U+00DE, not U+00D7 */
				out[i + 1] = (char)(s[i + 1] + 0x20);
				i += 2;
			} else {
				out[i++] = (char)c;
			}
		}
	}
	return n;
}

int wordclass_is_upper(const char *w, size_t n)
{
	unsigned char c = (unsigned char)w[0];
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

struct wordclass *wordclass_new(void)
{
	struct wordclass *wc = calloc(1, sizeof *wc);
	if (!wc)
		out_of_memory();
	return wc;
}

void wordclass_free(struct wordclass *wc)
{
	if (!wc)
		return;
	free(wc->words.slot);
	free(wc->endings.slot);
	free(wc->pool);
	free(wc);
}

static const struct slot *find(const struct wordclass *wc, const struct table *t, const char *w,
                               size_t n, uint64_t h)
{
	if (!t->cap)
		return NULL;
	size_t mask = t->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		const struct slot *s = &t->slot[i];
		if (!s->hash)
			return NULL;
		if (s->hash == h && s->len == n && memcmp(wc->pool + s->off, w, n) == 0)
			return s;
	}
}

/* Table T moved to CAP slots (a power of two, more than it has). */
static void grow_to(struct table *t, size_t cap)
{
	struct slot *s = calloc(cap, sizeof *s);
	if (!s)
		out_of_memory();
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slot[i].hash)
			continue;
		size_t j = (size_t)t->slot[i].hash & (cap - 1);
		while (s[j].hash)
			j = (j + 1) & (cap - 1);
		s[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = s;
	t->cap = cap;
}

static void grow(struct table *t)
{
	grow_to(t, t->cap ? t->cap * 2 : 256);
}

/* Room in T for N more entries (at most half full). */
static void reserve(struct table *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 256;
	while ((t->n + n) * 2 > cap)
		cap *= 2;
	if (cap > t->cap)
		grow_to(t, cap);
}

void wordclass_reserve(struct wordclass *wc, size_t words, size_t endings)
{
	reserve(&wc->words, words);
	reserve(&wc->endings, endings);
}

/* Endings are hashed from their last byte backwards, so that the endings
 * of one word are hashed in one pass (wordclass_ending). */
static uint64_t hash_backwards(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = n; i-- > 0;)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h ? h : 1;
}

/* The slot of W (N bytes, folded here), made when absent. */
static struct slot *intern(struct wordclass *wc, struct table *t, const char *w, size_t n)
{
	if (n > UINT32_MAX / 2)
		out_of_memory();
	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	if (wc->pool_len + n > wc->pool_cap) {
		size_t cap = wc->pool_cap ? wc->pool_cap : 4096;
		while (cap < wc->pool_len + n)
			cap *= 2;
		if (cap > UINT32_MAX)
			out_of_memory();
		char *p = realloc(wc->pool, cap);
		if (!p)
			out_of_memory();
		wc->pool = p;
		wc->pool_cap = cap;
	}
	char *f = wc->pool + wc->pool_len;   /* fold into the pool's free end */
	wordclass_fold(w, n, f);
	uint64_t h = t == &wc->endings ? hash_backwards(f, n) : wordclass_hash(f, n);
	size_t mask = t->cap - 1, i = (size_t)h & mask;
	for (;; i = (i + 1) & mask) {
		struct slot *s = &t->slot[i];
		if (!s->hash)
			break;
		if (s->hash == h && s->len == n && memcmp(wc->pool + s->off, f, n) == 0)
			return s;
	}
	struct slot *s = &t->slot[i];
	*s = (struct slot){ h, (uint32_t)wc->pool_len, (uint32_t)n, 0, 0 };
	wc->pool_len += n;
	t->n++;
	if (t->min_len == 0 || n < t->min_len)
		t->min_len = n;
	if (n > t->max_len)
		t->max_len = n;
	return s;
}

void wordclass_add(struct wordclass *wc, const char *w, size_t n, wc_bits bits)
{
	if (n)
		intern(wc, &wc->words, w, n)->bits |= bits;
}

void wordclass_set_value(struct wordclass *wc, const char *w, size_t n, uint32_t value)
{
	if (n)
		intern(wc, &wc->words, w, n)->value = value;
}

void wordclass_add_ending(struct wordclass *wc, const char *e, size_t n, wc_bits bits)
{
	if (!n)
		return;
	struct slot *s = intern(wc, &wc->endings, e, n);
	s->bits |= bits;
	unsigned k = tail_key(wc->pool + s->off + n, n);
	wc->endings.tail[k >> 3] |= (unsigned char)(1u << (k & 7));
}

void wordclass_add_all(struct wordclass *dst, const struct wordclass *src, unsigned shift)
{
	for (size_t i = 0; i < src->words.cap; i++) {
		const struct slot *s = &src->words.slot[i];
		if (s->hash && s->bits)
			wordclass_add(dst, src->pool + s->off, s->len, s->bits << shift);
	}
}

wc_bits wordclass_get_hashed(const struct wordclass *wc, const char *w, size_t n, uint64_t hash,
                             uint32_t *value)
{
	const struct slot *s = n >= wc->words.min_len && n <= wc->words.max_len
	                       ? find(wc, &wc->words, w, n, hash) : NULL;
	if (value)
		*value = s ? s->value : 0;
	return s ? s->bits : 0;
}

wc_bits wordclass_get(const struct wordclass *wc, const char *w, size_t n)
{
	if (n < wc->words.min_len || n > wc->words.max_len)
		return 0;
	return wordclass_get_hashed(wc, w, n, wordclass_hash(w, n), NULL);
}

uint32_t wordclass_value(const struct wordclass *wc, const char *w, size_t n)
{
	uint32_t v = 0;
	if (n >= wc->words.min_len && n <= wc->words.max_len)
		wordclass_get_hashed(wc, w, n, wordclass_hash(w, n), &v);
	return v;
}

size_t wordclass_ending(const struct wordclass *wc, const char *w, size_t n, wc_bits bits,
                        size_t min_rest, wc_bits *found)
{
	const struct table *t = &wc->endings;
	if (found)
		*found = 0;
	if (!t->n || n < t->min_len + min_rest)
		return 0;
	size_t longest = n - min_rest < t->max_len ? n - min_rest : t->max_len, best = 0;
	uint64_t h = 1469598103934665603ULL;
	for (size_t k = 1; k <= longest; k++) {
		const char *e = w + n - k;
		h = (h ^ (unsigned char)*e) * 1099511628211ULL;
		if (k < t->min_len || ((unsigned char)*e & 0xC0) == 0x80)
			continue;   /* too short, or not a character boundary */
		unsigned key = tail_key(w + n, k);
		if (!(t->tail[key >> 3] >> (key & 7) & 1)) {
			/* no ending of this length ends like the word; from eight
			 * bytes on the key is one for every length: none longer */
			if (k >= 8)
				break;
			continue;
		}
		const struct slot *s = find(wc, t, e, k, h ? h : 1);
		if (s && (s->bits & bits)) {
			best = k;
			if (found)
				*found = s->bits;
		}
	}
	return best;
}

/* --- loading lists ------------------------------------------------------ */

struct load {
	struct wordclass *wc;
	const char *tag;
	wc_bits bits;
	int mode;            /* LOAD_WORD, LOAD_PHRASE or LOAD_ENDING */
	long added;
};

enum { LOAD_WORD, LOAD_PHRASE, LOAD_ENDING };

/* 1 when the entry LINE (LEN bytes) lists TAG (TL bytes) after its first
 * word. */
static inline int has_tag(const char *line, size_t len, const char *tag, size_t tl)
{
	const char *p = memchr(line, ' ', len), *end = line + len;
	while (p && p < end) {
		p++;
		const char *q = memchr(p, ' ', (size_t)(end - p));
		size_t wl = q ? (size_t)(q - p) : (size_t)(end - p);
		if (wl == tl && memcmp(p, tag, tl) == 0)
			return 1;
		p = q;
	}
	return 0;
}

static void load_line(const char *line, size_t len, void *ctx)
{
	struct load *l = ctx;
	if (l->tag && !has_tag(line, len, l->tag, strlen(l->tag)))
		return;
	const char *sp = memchr(line, ' ', len);
	size_t n = l->mode == LOAD_PHRASE || !sp ? len : (size_t)(sp - line);
	if (l->mode == LOAD_ENDING)
		wordclass_add_ending(l->wc, line, n, l->bits);
	else
		wordclass_add(l->wc, line, n, l->bits);
	l->added++;
}

static long load(struct wordclass *wc, const char *name, const char *tag, wc_bits bits, int mode)
{
	struct load l = { wc, tag, bits, mode, 0 };
	if (lang_each_line(name, load_line, &l) < 0)
		return -1;
	return l.added;
}

enum { USES = 32 };   /* the uses of one pass */

struct uses {
	const struct wordclass_use *use;
	size_t n;
	size_t tag_len[USES];
	long lines;
};

static void use_line(const char *line, size_t len, void *ctx)
{
	struct uses *u = ctx;
	u->lines++;
	const char *sp = memchr(line, ' ', len), *end = line + len;
	size_t n = sp ? (size_t)(sp - line) : len;
	/* the entry's tags, split once for all the uses */
	enum { TAGS = 16 };
	const char *tag[TAGS];
	size_t tag_len[TAGS], ntags = 0;
	int more = 0;   /* more tags than TAGS: each use asks has_tag */
	for (const char *p = sp; p && p < end;) {
		p++;
		const char *q = memchr(p, ' ', (size_t)(end - p));
		if (ntags == TAGS) {
			more = 1;
			break;
		}
		tag[ntags] = p;
		tag_len[ntags++] = q ? (size_t)(q - p) : (size_t)(end - p);
		p = q;
	}
	for (size_t i = 0; i < u->n; i++) {
		const struct wordclass_use *use = &u->use[i];
		if (use->tag) {
			int found = 0;
			for (size_t k = 0; k < ntags && !found; k++)
				found = tag_len[k] == u->tag_len[i] && memcmp(tag[k], use->tag, tag_len[k]) == 0;
			if (!found && !(more && has_tag(line, len, use->tag, u->tag_len[i])))
				continue;
		}
		if (use->ending)
			wordclass_add_ending(use->wc, line, n, use->bits);
		else
			wordclass_add(use->wc, line, n, use->bits);
	}
}

long wordclass_load_uses(const char *name, const struct wordclass_use *use, size_t n)
{
	struct uses u = { .lines = 0 };
	do {   /* USES at a time */
		u.use = use;
		u.n = n < USES ? n : USES;
		for (size_t i = 0; i < u.n; i++)
			u.tag_len[i] = use[i].tag ? strlen(use[i].tag) : 0;
		u.lines = 0;
		if (lang_each_line(name, use_line, &u) < 0)
			return -1;
		use += u.n;
		n -= u.n;
	} while (n);
	return u.lines;
}

long wordclass_load(struct wordclass *wc, const char *name, const char *tag, wc_bits bits)
{
	return load(wc, name, tag, bits, LOAD_WORD);
}

long wordclass_load_phrases(struct wordclass *wc, const char *name, wc_bits bits)
{
	return load(wc, name, NULL, bits, LOAD_PHRASE);
}

long wordclass_load_endings(struct wordclass *wc, const char *name, const char *tag,
                            wc_bits bits)
{
	return load(wc, name, tag, bits, LOAD_ENDING);
}
