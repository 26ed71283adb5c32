/* features.c — what the tagger sees of each token: hashed feature keys.
 *
 * Every feature is a template number mixed with a value hash into one
 * 32-bit key (ner_hash_mix), so no feature string is ever built. Per token:
 * the word, its lower-cased form, prefixes and suffixes of 1-4 code points,
 * its shape (`Xx`, `X`, `d.d`; runs collapsed), capitalisation at the
 * sentence start or inside, the words and shapes two either side, word
 * pairs, affixes of the neighbours, surname particles between capitalised
 * words, gazetteer matches, and what the document says about the same
 * capitalised word: the words around its other mentions, and the types
 * earlier sentences were given (struct ner_doc).
 */
#include "ner.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

uint32_t ner_hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return ner_hash_mix(h, (uint32_t)len);
}

enum {
	F_CAP = 1,        /* first character upper case */
	F_ALLCAP = 2,     /* letters, all upper case */
	F_DIGIT = 4,
	F_HYPHEN = 8,
	F_LOWER = 16,     /* has a lower-case letter */
	F_START = 32      /* no word before it in the sentence */
};

struct ner_token_info {
	uint32_t word, lower, shape, pre[4], suf[4];
	unsigned flags, len_cp;
	uint32_t bridge;   /* surname particles around it, see ner_features */
};

/* Templates: each feature key is mix(template, value). */
enum {
	T_BIAS = 1, T_WORD, T_LOWER, T_PRE, T_SUF = T_PRE + 4, T_SHAPE = T_SUF + 4,
	T_CLASS, T_LEN, T_WM1, T_WP1, T_WM2, T_WP2, T_SM1, T_SP1, T_SM2, T_SP2,
	T_BIGRAM_L, T_BIGRAM_R, T_SHAPE3, T_WM1_S, T_S_WP1, T_LOWER_CLASS,
	T_SUF3_M1, T_SUF3_P1, T_GAZ_B, T_GAZ_I, T_GAZ_WORD, T_HIST, T_HIST_ENT,
	T_HIST_LC, T_CLASS_M1, T_CLASS_P1, T_AGG, T_SUF4_M1, T_PRE4_M1, T_PRE4_P1, T_BRIDGE, T_HIST_POS
};

static inline uint32_t feat(uint32_t t, uint32_t v) { return ner_hash_mix(t * 0x27D4EB2Du, v); }

/* Boundaries of code points in S[0,LEN): prefix of K code points. */
static size_t prefix_bytes(const char *s, size_t len, unsigned k)
{
	size_t i = 0;
	while (i < len && k) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

static size_t suffix_start(const char *s, size_t len, unsigned k)
{
	size_t i = len;
	while (i > 0 && k) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return i;
}


/* Lower-case W into OUT (room for 2 * len + 4), describe it in INFO. */
static size_t analyse(const struct ner_word *w, char *out, struct ner_token_info *in)
{
	unsigned flags = 0, ncp = 0;
	int letters = 0, upper = 0;
	uint32_t shape = 2166136261u;
	char last = 0;
	size_t o = 0;
	for (size_t i = 0; i < w->len;) {
		unsigned char c = (unsigned char)w->s[i];
		char cls;
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z') {
				cls = 'X';
				out[o++] = (char)(c | 0x20);
				upper++, letters++;
			} else if (c >= 'a' && c <= 'z') {
				cls = 'x';
				out[o++] = (char)c;
				letters++;
			} else if (c >= '0' && c <= '9') {
				cls = 'd';
				out[o++] = (char)c;
				flags |= F_DIGIT;
			} else {
				cls = (char)c;
				out[o++] = (char)c;
				if (c == '-')
					flags |= F_HYPHEN;
			}
			i++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w->s + i,
			                                      (utf8proc_ssize_t)(w->len - i), &cp);
			if (k <= 0) {
				k = 1;
				cp = 0xFFFD;
			}
			const utf8proc_property_t *p = utf8proc_get_property(cp);
			utf8proc_int32_t lc = utf8proc_tolower(cp);
			if (p->category == UTF8PROC_CATEGORY_LU || p->category == UTF8PROC_CATEGORY_LT) {
				cls = 'X';
				upper++, letters++;
			} else if (p->category >= UTF8PROC_CATEGORY_LL && p->category <= UTF8PROC_CATEGORY_LO) {
				cls = 'x';
				letters++;
			} else if (p->category == UTF8PROC_CATEGORY_ND) {
				cls = 'd';
				flags |= F_DIGIT;
			} else {
				cls = 'o';
			}
			o += (size_t)utf8proc_encode_char(lc, (utf8proc_uint8_t *)out + o);
			i += (size_t)k;
		}
		if (ncp == 0 && cls == 'X')
			flags |= F_CAP;
		if (cls != last)
			shape = (shape ^ (unsigned char)cls) * 16777619u;
		last = cls;
		ncp++;
	}
	if (letters && upper == letters)
		flags |= F_ALLCAP;
	if (letters > upper)
		flags |= F_LOWER;
	in->flags = flags;
	in->len_cp = ncp;
	in->word = ner_hash_bytes(w->s, w->len);
	in->lower = ner_hash_bytes(out, o);
	in->shape = ner_hash_mix(shape, 7);
	for (unsigned k = 1; k <= 4; k++) {
		in->pre[k - 1] = k < ncp ? ner_hash_bytes(out, prefix_bytes(out, o, k)) : 0;
		size_t st = suffix_start(out, o, k);
		in->suf[k - 1] = k < ncp ? ner_hash_bytes(out + st, o - st) : 0;
	}
	return o;
}

/* --- document memory ---------------------------------------------------- */

enum { DOC_MAX_CONTEXTS = 8 };

struct doc_entry {
	uint32_t key;
	uint16_t count[NER_NTYPES + 1];   /* [0] tagged O, [1 + t] type t */
	uint16_t begin, inside;           /* tagged first in a name, or later */
	uint8_t nctx;
	uint32_t ctx[DOC_MAX_CONTEXTS];   /* words beside its mentions (ner_doc_scan) */
};

struct ner_doc {
	struct doc_entry *slot;
	size_t cap, used;
	uint32_t *filled;   /* indices of used slots, for a cheap reset */
};

enum { DOC_LOWER_SEED = 0x5bd1e995u };

struct ner_doc *ner_doc_new(void)
{
	struct ner_doc *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->cap = 256;
	d->slot = calloc(d->cap, sizeof *d->slot);
	d->filled = malloc(d->cap * sizeof *d->filled);
	if (!d->slot || !d->filled) {
		ner_doc_free(d);
		return NULL;
	}
	return d;
}

void ner_doc_free(struct ner_doc *d)
{
	if (!d)
		return;
	free(d->slot);
	free(d->filled);
	free(d);
}

void ner_doc_reset(struct ner_doc *d)
{
	for (size_t i = 0; i < d->used; i++)
		d->slot[d->filled[i]].key = 0;
	d->used = 0;
}

static const struct doc_entry *doc_find(const struct ner_doc *d, uint32_t key)
{
	if (!d || !d->used)
		return NULL;
	size_t mask = d->cap - 1;
	for (size_t i = key & mask;; i = (i + 1) & mask) {
		if (d->slot[i].key == key)
			return &d->slot[i];
		if (!d->slot[i].key)
			return NULL;
	}
}

static struct doc_entry *doc_add(struct ner_doc *d, uint32_t key)
{
	if (2 * (d->used + 1) > d->cap) {
		size_t cap = d->cap * 2;
		struct doc_entry *slot = calloc(cap, sizeof *slot);
		uint32_t *filled = malloc(cap * sizeof *filled);
		if (!slot || !filled) {
			free(slot);
			free(filled);
			return NULL;
		}
		size_t n = 0;
		for (size_t k = 0; k < d->used; k++) {
			struct doc_entry *e = &d->slot[d->filled[k]];
			size_t i = e->key & (cap - 1);
			while (slot[i].key)
				i = (i + 1) & (cap - 1);
			slot[i] = *e;
			filled[n++] = (uint32_t)i;
		}
		free(d->slot);
		free(d->filled);
		d->slot = slot;
		d->filled = filled;
		d->cap = cap;
	}
	size_t mask = d->cap - 1;
	size_t i = key & mask;
	while (d->slot[i].key && d->slot[i].key != key)
		i = (i + 1) & mask;
	if (!d->slot[i].key) {
		memset(&d->slot[i], 0, sizeof d->slot[i]);
		d->slot[i].key = key;
		d->filled[d->used++] = (uint32_t)i;
	}
	return &d->slot[i];
}

static int is_capitalised(const struct ner_word *w)
{
	unsigned char c = (unsigned char)w->s[0];
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)w->s, (utf8proc_ssize_t)w->len, &cp) <= 0)
		return 0;
	utf8proc_category_t k = utf8proc_category(cp);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_wordlike(const struct ner_word *w)
{
	unsigned char c = (unsigned char)w->s[0];
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Lower-cased hash of W. */
static uint32_t lower_hash(const struct ner_word *w)
{
	if (w->len >= 64)
		return ner_hash_bytes(w->s, w->len);
	char buf[2 * 64 + 8];
	struct ner_token_info tmp;
	size_t o = analyse(w, buf, &tmp);
	return ner_hash_bytes(buf, o);
}

int ner_doc_scan(struct ner_doc *d, const struct ner_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!w[i].len || !is_capitalised(&w[i]))
			continue;
		struct doc_entry *e = doc_add(d, ner_hash_bytes(w[i].s, w[i].len));
		if (!e)
			return -1;
		uint32_t c[2];
		c[0] = i ? ner_hash_mix(1, lower_hash(&w[i - 1])) : 11;
		c[1] = i + 1 < n ? ner_hash_mix(2, lower_hash(&w[i + 1])) : 12;
		for (int side = 0; side < 2; side++) {
			int seen = 0;
			for (int k = 0; k < e->nctx; k++)
				seen |= e->ctx[k] == c[side];
			if (!seen && e->nctx < DOC_MAX_CONTEXTS)
				e->ctx[e->nctx++] = c[side];
		}
	}
	return 0;
}

static void bump(uint16_t *c)
{
	if (*c < UINT16_MAX)
		++*c;
}

int ner_doc_learn(struct ner_doc *d, const struct ner_word *w, size_t n, const uint8_t *labels)
{
	for (size_t i = 0; i < n; i++) {
		if (!w[i].len)
			continue;
		int type = ner_label_type(labels[i]);
		if (is_capitalised(&w[i])) {
			struct doc_entry *e = doc_add(d, ner_hash_bytes(w[i].s, w[i].len));
			if (!e)
				return -1;
			bump(&e->count[type + 1]);
			if (type >= 0)
				bump(ner_label_is_begin(labels[i]) ? &e->begin : &e->inside);
		}
		if (type >= 0) {
			/* the lower-cased form, so `Van` finds `van` of `Robert van de Roer` */
			struct doc_entry *e = doc_add(d, ner_hash_mix(DOC_LOWER_SEED, lower_hash(&w[i])));
			if (!e)
				return -1;
			bump(&e->count[type + 1]);
		}
	}
	return 0;
}

/* Index of the largest count among COUNT[FROM, NER_NTYPES]; -1 if all 0. */
static int argmax(const uint16_t *count, int from)
{
	int best = -1;
	for (int t = from; t <= NER_NTYPES; t++)
		if (count[t] && (best < 0 || count[t] > count[best]))
			best = t;
	return best;
}

/* --- feature extraction -------------------------------------------------- */

void ner_scratch_free(struct ner_scratch *s)
{
	free(s->lower);
	free(s->info);
	free(s->feats);
	free(s->emit);
	memset(s, 0, sizeof *s);
}

int ner_features(struct ner_scratch *s, const struct ner_gazetteer *g,
                 const struct ner_doc *d, const struct ner_word *w, size_t n)
{
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++)
		bytes += 2 * w[i].len + 4;
	if (grow_array((void **)&s->lower, &s->lower_cap, bytes, 1) < 0 ||
	    grow_array((void **)&s->info, &s->info_cap, n + 1, sizeof *s->info) < 0 ||
	    grow_array((void **)&s->feats, &s->feats_cap, n + 1, NER_MAX_FEATS * sizeof *s->feats) < 0)
		return -1;
	struct ner_token_info *in = s->info;
	size_t o = 0;
	int start = 1;
	for (size_t i = 0; i < n; i++) {
		size_t k = analyse(&w[i], s->lower + o, &in[i]);
		if (start)
			in[i].flags |= F_START;
		if (w[i].len && is_wordlike(&w[i]))
			start = 0;
		o += k;
	}
	/* particles between capitalised words (`van de` in `Robert van de Roer`):
	 * 1 on the particles, 2 on the word before, 3 on the word after */
	for (size_t i = 0; i < n; i++)
		in[i].bridge = 0;
	for (size_t i = 1; g && i + 1 < n; i++) {
		if (!(in[i - 1].flags & F_CAP) || in[i].flags & F_CAP || !(ner_gazetteer_particle(g, in[i].lower) & 1))
			continue;
		size_t j = i + 1;
		while (j < n && j < i + 3 && !(in[j].flags & F_CAP) && (ner_gazetteer_particle(g, in[j].lower) & 2))
			j++;
		if (j < n && (in[j].flags & F_CAP) && !(in[j].flags & F_START)) {
			/* which particles: `de` alone is often an article */
			uint32_t which = in[i].lower ^ (uint32_t)(j - i);
			if (!in[i - 1].bridge)
				in[i - 1].bridge = ner_hash_mix(2, which);
			for (size_t k = i; k < j; k++)
				in[k].bridge = ner_hash_mix(1, which);
			in[j].bridge = ner_hash_mix(3, which);
			i = j - 1;
		}
	}
	/* gazetteer: phrase matches mark their tokens B or I per type */
	unsigned gb[256], gi[256];
	uint32_t hw[NER_GAZ_MAX_WORDS];
	for (size_t i0 = 0; i0 < n; i0 += 256) {
		size_t n0 = n - i0 < 256 ? n - i0 : 256;
		memset(gb, 0, sizeof gb);
		memset(gi, 0, sizeof gi);
		for (size_t i = 0; g && i < n0; i++) {
			if (!(in[i0 + i].flags & (F_CAP | F_DIGIT)))
				continue;
			size_t max = n0 - i < NER_GAZ_MAX_WORDS ? n0 - i : NER_GAZ_MAX_WORDS;
			for (size_t l = 0; l < max; l++)
				hw[l] = in[i0 + i + l].word;
			for (size_t l = max; l >= 1; l--) {
				unsigned m = ner_gazetteer_phrase(g, hw, l);
				if (!m)
					continue;
				gb[i] |= m;
				for (size_t j = 1; j < l; j++)
					gi[i + j] |= m;
				break;
			}
		}
		for (size_t j = 0; j < n0; j++) {
			size_t i = i0 + j;
			const struct ner_token_info *t = &in[i];
			uint32_t *f = s->feats + i * NER_MAX_FEATS;
			size_t k = 0;
			uint32_t none = 0x9E3779B9u;
			uint32_t wm1 = i >= 1 ? in[i - 1].lower : none, wm2 = i >= 2 ? in[i - 2].lower : none ^ 1;
			uint32_t wp1 = i + 1 < n ? in[i + 1].lower : none ^ 2, wp2 = i + 2 < n ? in[i + 2].lower : none ^ 3;
			uint32_t sm1 = i >= 1 ? in[i - 1].shape : none, sm2 = i >= 2 ? in[i - 2].shape : none ^ 1;
			uint32_t sp1 = i + 1 < n ? in[i + 1].shape : none ^ 2, sp2 = i + 2 < n ? in[i + 2].shape : none ^ 3;
			uint32_t cls = t->flags | (t->len_cp > 3 ? 64 : 0);
			f[k++] = feat(T_BIAS, 1);
			f[k++] = feat(T_WORD, t->word);
			f[k++] = feat(T_LOWER, t->lower);
			for (unsigned a = 0; a < 4; a++) {
				if (t->pre[a])
					f[k++] = feat(T_PRE + a, t->pre[a]);
				if (t->suf[a])
					f[k++] = feat(T_SUF + a, t->suf[a]);
			}
			f[k++] = feat(T_SHAPE, t->shape);
			f[k++] = feat(T_CLASS, cls);
			f[k++] = feat(T_LEN, t->len_cp < 12 ? t->len_cp : 12);
			f[k++] = feat(T_WM1, wm1);
			f[k++] = feat(T_WP1, wp1);
			f[k++] = feat(T_WM2, wm2);
			f[k++] = feat(T_WP2, wp2);
			f[k++] = feat(T_SM1, sm1);
			f[k++] = feat(T_SP1, sp1);
			f[k++] = feat(T_SM2, sm2);
			f[k++] = feat(T_SP2, sp2);
			f[k++] = feat(T_BIGRAM_L, ner_hash_mix(wm1, t->lower));
			f[k++] = feat(T_BIGRAM_R, ner_hash_mix(t->lower, wp1));
			f[k++] = feat(T_SHAPE3, ner_hash_mix(ner_hash_mix(sm1, t->shape), sp1));
			f[k++] = feat(T_WM1_S, ner_hash_mix(wm1, t->shape));
			f[k++] = feat(T_S_WP1, ner_hash_mix(t->shape, wp1));
			f[k++] = feat(T_LOWER_CLASS, ner_hash_mix(t->lower, cls & (F_CAP | F_START)));
			f[k++] = feat(T_CLASS_M1, i >= 1 ? in[i - 1].flags : 128);
			f[k++] = feat(T_CLASS_P1, i + 1 < n ? in[i + 1].flags : 128);
			if (i >= 1 && in[i - 1].suf[2])
				f[k++] = feat(T_SUF3_M1, in[i - 1].suf[2]);
			if (i + 1 < n && in[i + 1].suf[2])
				f[k++] = feat(T_SUF3_P1, in[i + 1].suf[2]);
			if (i >= 1 && in[i - 1].suf[3])
				f[k++] = feat(T_SUF4_M1, in[i - 1].suf[3]);
			if (i >= 1 && in[i - 1].pre[3])
				f[k++] = feat(T_PRE4_M1, in[i - 1].pre[3]);
			if (i + 1 < n && in[i + 1].pre[3])
				f[k++] = feat(T_PRE4_P1, in[i + 1].pre[3]);
			for (int ty = 0; ty < NER_NTYPES; ty++) {
				if (gb[j] >> ty & 1)
					f[k++] = feat(T_GAZ_B, (uint32_t)ty);
				if (gi[j] >> ty & 1)
					f[k++] = feat(T_GAZ_I, (uint32_t)ty);
			}
			if (t->bridge)
				f[k++] = feat(T_BRIDGE, t->bridge);
			if (g && (t->flags & F_CAP)) {
				unsigned m = ner_gazetteer_word(g, t->word);
				if (m)
					f[k++] = feat(T_GAZ_WORD, m);
			}
			if (d && (t->flags & F_CAP)) {
				const struct doc_entry *e = doc_find(d, t->word);
				for (int c = 0; e && c < e->nctx; c++)
					f[k++] = feat(T_AGG, e->ctx[c]);
				if (e) {
					int a = argmax(e->count, 0), b = argmax(e->count, 1);
					if (a >= 0)
						f[k++] = feat(T_HIST, (uint32_t)a);
					if (b >= 1)
						f[k++] = feat(T_HIST_ENT, (uint32_t)b);
					if (e->begin || e->inside)
						f[k++] = feat(T_HIST_POS, e->begin > e->inside ? 1u : e->inside > e->begin ? 2u : 3u);
				}
				e = doc_find(d, ner_hash_mix(DOC_LOWER_SEED, t->lower));
				if (e) {
					int b = argmax(e->count, 1);
					if (b >= 1)
						f[k++] = feat(T_HIST_LC, (uint32_t)b);
				}
			}
			while (k < NER_MAX_FEATS)
				f[k++] = 0;
		}
	}
	return 0;
}
