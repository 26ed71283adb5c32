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
 *
 * One file, a few lines over 600, on purpose: the document memory (its
 * hash table, below) is read by the feature functions at every capitalised
 * token, looked up inline, and training and tagging share these functions,
 * so they cannot drift apart.
 */
#include "ner_features.h"
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

/* Templates: each feature key is mix(template, value). */
enum {
	T_BIAS = 1, T_WORD, T_LOWER, T_PRE, T_SUF = T_PRE + 4, T_SHAPE = T_SUF + 4,
	T_CLASS, T_LEN, T_WM1, T_WP1, T_WM2, T_WP2, T_SM1, T_SP1, T_SM2, T_SP2,
	T_BIGRAM_L, T_BIGRAM_R, T_SHAPE3, T_WM1_S, T_S_WP1, T_LOWER_CLASS,
	T_SUF3_M1, T_SUF3_P1, T_GAZ_B, T_GAZ_I, T_GAZ_WORD, T_HIST, T_HIST_ENT,
	T_HIST_LC, T_CLASS_M1, T_CLASS_P1, T_AGG, T_SUF4_M1, T_PRE4_M1, T_PRE4_P1, T_BRIDGE, T_HIST_POS
};

static inline uint32_t feat(uint32_t t, uint32_t v) { return ner_hash_mix(t * 0x27D4EB2Du, v); }

enum { FNV_BASIS = 2166136261u, FNV_PRIME = 16777619u };

/* One pass over the word: its hash, and those of its lower-cased form, of
 * the lower-cased prefixes and suffixes of 1-4 code points, and of its
 * shape, without writing the lower-cased form anywhere. */
void ner_analyse(const struct ner_word *w, int start, struct ner_token_info *in)
{
	const unsigned char *s = (const unsigned char *)w->s;
	unsigned flags = start ? F_START : 0;
	size_t ncp = 0, low_len = 0, pre_len[4] = {0};
	int letters = 0, upper = 0;
	uint32_t hw = FNV_BASIS, hl = FNV_BASIS, shape = FNV_BASIS, pre[4] = {0};
	unsigned char tail[4][4], tail_len[4];   /* the last 4 code points, lower-cased */
	char last = 0;
	for (size_t i = 0; i < w->len;) {
		unsigned char c = s[i], lc[4];
		int lcn = 1;
		char cls;
		if (c < 0x80) {
			hw = (hw ^ c) * FNV_PRIME;
			lc[0] = c;
			if (c >= 'A' && c <= 'Z') {
				cls = 'X';
				lc[0] = (unsigned char)(c | 0x20);
				upper++, letters++;
			} else if (c >= 'a' && c <= 'z') {
				cls = 'x';
				letters++;
			} else if (c >= '0' && c <= '9') {
				cls = 'd';
				flags |= F_DIGIT;
			} else {
				cls = (char)c;
				if (c == '-')
					flags |= F_HYPHEN;
			}
			i++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(w->len - i), &cp);
			if (k <= 0) {
				k = 1;
				cp = 0xFFFD;
			}
			for (utf8proc_ssize_t j = 0; j < k; j++)
				hw = (hw ^ s[i + (size_t)j]) * FNV_PRIME;
			const utf8proc_property_t *p = utf8proc_get_property(cp);
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
			lcn = (int)utf8proc_encode_char(utf8proc_tolower(cp), lc);
			i += (size_t)k;
		}
		for (int j = 0; j < lcn; j++)
			hl = (hl ^ lc[j]) * FNV_PRIME;
		low_len += (size_t)lcn;
		if (ncp < 4) {
			pre[ncp] = hl;
			pre_len[ncp] = low_len;
		}
		memcpy(tail[ncp & 3], lc, (size_t)lcn);
		tail_len[ncp & 3] = (unsigned char)lcn;
		if (ncp == 0 && cls == 'X')
			flags |= F_CAP;
		if (cls != last)
			shape = (shape ^ (unsigned char)cls) * FNV_PRIME;
		last = cls;
		ncp++;
	}
	if (letters && upper == letters)
		flags |= F_ALLCAP;
	if (letters > upper)
		flags |= F_LOWER;
	in->flags = (uint16_t)flags;
	in->len_cp = (uint16_t)(ncp < UINT16_MAX ? ncp : UINT16_MAX);
	in->word = ner_hash_mix(hw, (uint32_t)w->len);
	in->lower = ner_hash_mix(hl, (uint32_t)low_len);
	/* the document memory hashes long words as they are */
	in->doc_lower = w->len >= 64 ? in->word : in->lower;
	in->shape = ner_hash_mix(shape, 7);
	in->bridge = 0;
	for (size_t k = 1; k <= 4; k++) {
		in->pre[k - 1] = k < ncp ? ner_hash_mix(pre[k - 1], (uint32_t)pre_len[k - 1]) : 0;
		in->suf[k - 1] = 0;
		if (k >= ncp)
			continue;
		uint32_t h = FNV_BASIS;
		size_t len = 0;
		for (size_t j = k; j > 0; j--) {
			size_t t = (ncp - j) & 3;
			for (unsigned b = 0; b < tail_len[t]; b++)
				h = (h ^ tail[t][b]) * FNV_PRIME;
			len += tail_len[t];
		}
		in->suf[k - 1] = ner_hash_mix(h, (uint32_t)len);
	}
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

int ner_doc_mention(struct ner_doc *d, uint32_t key, uint32_t c0, uint32_t c1)
{
	struct doc_entry *e = doc_add(d, key);
	if (!e)
		return -1;
	uint32_t c[2] = { c0, c1 };
	for (int side = 0; side < 2; side++) {
		int seen = 0;
		for (int k = 0; k < e->nctx; k++)
			seen |= e->ctx[k] == c[side];
		if (!seen && e->nctx < DOC_MAX_CONTEXTS)
			e->ctx[e->nctx++] = c[side];
	}
	return 0;
}

int ner_doc_scan(struct ner_doc *d, const struct ner_word *w, size_t n)
{
	struct ner_token_info cur, side;
	for (size_t i = 0; i < n; i++) {
		if (!w[i].len)
			continue;
		ner_analyse(&w[i], 0, &cur);
		if (!(cur.flags & F_CAP))
			continue;
		uint32_t c0 = 11, c1 = 12;
		if (i) {
			ner_analyse(&w[i - 1], 0, &side);
			c0 = ner_hash_mix(1, side.doc_lower);
		}
		if (i + 1 < n) {
			ner_analyse(&w[i + 1], 0, &side);
			c1 = ner_hash_mix(2, side.doc_lower);
		}
		if (ner_doc_mention(d, cur.word, c0, c1) < 0)
			return -1;
	}
	return 0;
}

static void bump(uint16_t *c)
{
	if (*c < UINT16_MAX)
		++*c;
}

int ner_doc_learn_info(struct ner_doc *d, const struct ner_token_info *in, size_t n,
                       const uint8_t *labels)
{
	for (size_t i = 0; i < n; i++) {
		if (!in[i].len_cp)   /* an empty word */
			continue;
		int type = ner_label_type(labels[i]);
		if (in[i].flags & F_CAP) {
			struct doc_entry *e = doc_add(d, in[i].word);
			if (!e)
				return -1;
			bump(&e->count[type + 1]);
			if (type >= 0)
				bump(ner_label_is_begin(labels[i]) ? &e->begin : &e->inside);
		}
		if (type >= 0) {
			/* the lower-cased form, so `Van` finds `van` of `Robert van de Roer` */
			struct doc_entry *e = doc_add(d, ner_hash_mix(DOC_LOWER_SEED, in[i].doc_lower));
			if (!e)
				return -1;
			bump(&e->count[type + 1]);
		}
	}
	return 0;
}

int ner_doc_learn(struct ner_doc *d, const struct ner_word *w, size_t n, const uint8_t *labels)
{
	struct ner_token_info in;
	for (size_t i = 0; i < n; i++) {
		if (!w[i].len)
			continue;
		ner_analyse(&w[i], 0, &in);
		if (ner_doc_learn_info(d, &in, 1, labels + i) < 0)
			return -1;
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
	free(s->info);
	free(s->feats);
	free(s->emit);
	free(s->gaz_mark);
	ner_memo_free(s->memo);
	memset(s, 0, sizeof *s);
}

void ner_sentence_context(struct ner_token_info *in, size_t n, const struct ner_gazetteer *g,
                          uint8_t *gb, uint8_t *gi)
{
	memset(gb, 0, n);
	memset(gi, 0, n);
	for (size_t i = 0; i < n; i++)
		in[i].bridge = 0;
	if (!g)
		return;
	/* particles between capitalised words (`van de` in `Robert van de Roer`):
	 * 1 on the particles, 2 on the word before, 3 on the word after */
	for (size_t i = 1; i + 1 < n; i++) {
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
	/* gazetteer: phrase matches (within blocks of 256 tokens) mark their
	 * tokens B or I per type */
	uint32_t hw[NER_GAZ_MAX_WORDS];
	for (size_t i0 = 0; i0 < n; i0 += 256) {
		size_t n0 = n - i0 < 256 ? n - i0 : 256;
		for (size_t i = 0; i < n0; i++) {
			if (!(in[i0 + i].flags & (F_CAP | F_DIGIT)))
				continue;
			/* the capitalised first word of a name is in the word table */
			if ((in[i0 + i].flags & F_CAP) && !ner_gazetteer_word(g, in[i0 + i].word))
				continue;
			size_t max = n0 - i < NER_GAZ_MAX_WORDS ? n0 - i : NER_GAZ_MAX_WORDS;
			for (size_t l = 0; l < max; l++)
				hw[l] = in[i0 + i + l].word;
			unsigned m = 0;
			size_t l = ner_gazetteer_longest(g, hw, max, &m);
			if (!l)
				continue;
			gb[i0 + i] |= (uint8_t)m;
			for (size_t j = 1; j < l; j++)
				gi[i0 + i + j] |= (uint8_t)m;
		}
	}
}

enum { NONE = 0x9E3779B9u };   /* the value of a word past the sentence's edge */

/* Word pairs and triples of shapes (NER_PART_CONTEXT, first part). */
static inline size_t pair_features(const struct ner_token_info *in, size_t i, size_t n, uint32_t *f)
{
	const struct ner_token_info *t = &in[i];
	uint32_t wm1 = i >= 1 ? in[i - 1].lower : NONE, wp1 = i + 1 < n ? in[i + 1].lower : NONE ^ 2;
	uint32_t sm1 = i >= 1 ? in[i - 1].shape : NONE, sp1 = i + 1 < n ? in[i + 1].shape : NONE ^ 2;
	f[0] = feat(T_BIGRAM_L, ner_hash_mix(wm1, t->lower));
	f[1] = feat(T_BIGRAM_R, ner_hash_mix(t->lower, wp1));
	f[2] = feat(T_SHAPE3, ner_hash_mix(ner_hash_mix(sm1, t->shape), sp1));
	f[3] = feat(T_WM1_S, ner_hash_mix(wm1, t->shape));
	f[4] = feat(T_S_WP1, ner_hash_mix(t->shape, wp1));
	return 5;
}

/* Gazetteers, surname particles and the document (NER_PART_CONTEXT,
 * second part). */
static inline size_t list_features(const struct ner_token_info *t, uint8_t gb, uint8_t gi,
                                   const struct ner_gazetteer *g, const struct ner_doc *d,
                                   uint32_t *f)
{
	size_t k = 0;
	for (int ty = 0; (gb | gi) && ty < NER_NTYPES; ty++) {
		if (gb >> ty & 1)
			f[k++] = feat(T_GAZ_B, (uint32_t)ty);
		if (gi >> ty & 1)
			f[k++] = feat(T_GAZ_I, (uint32_t)ty);
	}
	if (t->bridge)
		f[k++] = feat(T_BRIDGE, t->bridge);
	if (!(t->flags & F_CAP))
		return k;
	if (g) {
		unsigned m = ner_gazetteer_word(g, t->word);
		if (m)
			f[k++] = feat(T_GAZ_WORD, m);
	}
	if (d) {
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
	return k;
}

size_t ner_context_features(const struct ner_token_info *in, size_t i, size_t n, const uint8_t *gb,
                            const uint8_t *gi, const struct ner_gazetteer *g, const struct ner_doc *d,
                            uint32_t *f)
{
	size_t k = pair_features(in, i, n, f);
	return k + list_features(&in[i], gb[i], gi[i], g, d, f + k);
}

size_t ner_token_features(const struct ner_token_info *in, size_t i, size_t n, const uint8_t *gb,
                          const uint8_t *gi, const struct ner_gazetteer *g, const struct ner_doc *d,
                          uint32_t *f, int parts)
{
	const struct ner_token_info *t = &in[i];
	size_t k = 0;
	uint32_t cls = t->flags | (t->len_cp > 3 ? 64 : 0);
	int word = parts & NER_PART_WORD, nb = parts & NER_PART_NEIGHBOURS;
	int context = parts & NER_PART_CONTEXT;
	if (word) {
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
	}
	if (nb) {   /* as ner_neighbour_features gives them */
		f[k++] = feat(T_WM1, i >= 1 ? in[i - 1].lower : NONE);
		f[k++] = feat(T_WP1, i + 1 < n ? in[i + 1].lower : NONE ^ 2);
		f[k++] = feat(T_WM2, i >= 2 ? in[i - 2].lower : NONE ^ 1);
		f[k++] = feat(T_WP2, i + 2 < n ? in[i + 2].lower : NONE ^ 3);
		f[k++] = feat(T_SM1, i >= 1 ? in[i - 1].shape : NONE);
		f[k++] = feat(T_SP1, i + 1 < n ? in[i + 1].shape : NONE ^ 2);
		f[k++] = feat(T_SM2, i >= 2 ? in[i - 2].shape : NONE ^ 1);
		f[k++] = feat(T_SP2, i + 2 < n ? in[i + 2].shape : NONE ^ 3);
	}
	if (context)
		k += pair_features(in, i, n, f + k);
	if (word)
		f[k++] = feat(T_LOWER_CLASS, ner_hash_mix(t->lower, cls & (F_CAP | F_START)));
	if (nb) {
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
	}
	if (context)
		k += list_features(t, gb[i], gi[i], g, d, f + k);
	return k;
}

size_t ner_neighbour_features(const struct ner_token_info *w, int at, uint32_t *f)
{
	size_t k = 0;
	switch (at) {
	case -1:
		f[k++] = feat(T_WM1, w ? w->lower : NONE);
		f[k++] = feat(T_SM1, w ? w->shape : NONE);
		f[k++] = feat(T_CLASS_M1, w ? w->flags : 128);
		if (w && w->suf[2])
			f[k++] = feat(T_SUF3_M1, w->suf[2]);
		if (w && w->suf[3])
			f[k++] = feat(T_SUF4_M1, w->suf[3]);
		if (w && w->pre[3])
			f[k++] = feat(T_PRE4_M1, w->pre[3]);
		break;
	case 1:
		f[k++] = feat(T_WP1, w ? w->lower : NONE ^ 2);
		f[k++] = feat(T_SP1, w ? w->shape : NONE ^ 2);
		f[k++] = feat(T_CLASS_P1, w ? w->flags : 128);
		if (w && w->suf[2])
			f[k++] = feat(T_SUF3_P1, w->suf[2]);
		if (w && w->pre[3])
			f[k++] = feat(T_PRE4_P1, w->pre[3]);
		break;
	case -2:
		f[k++] = feat(T_WM2, w ? w->lower : NONE ^ 1);
		f[k++] = feat(T_SM2, w ? w->shape : NONE ^ 1);
		break;
	case 2:
		f[k++] = feat(T_WP2, w ? w->lower : NONE ^ 3);
		f[k++] = feat(T_SP2, w ? w->shape : NONE ^ 3);
		break;
	}
	return k;
}

int ner_scratch_room(struct ner_scratch *s, size_t n)
{
	size_t cap = s->info_cap;
	if (grow_array((void **)&s->info, &s->info_cap, n + 1, sizeof *s->info) < 0 ||
	    grow_array((void **)&s->feats, &s->feats_cap, n + 1, NER_MAX_FEATS * sizeof *s->feats) < 0)
		return -1;
	cap = s->gaz_mark_cap;
	if (grow_array((void **)&s->gaz_mark, &cap, n + 1, 2) < 0)
		return -1;
	s->gaz_mark_cap = cap;
	return ner_scratch_decode_room(s, n + 1);
}

int ner_features(struct ner_scratch *s, const struct ner_gazetteer *g,
                 const struct ner_doc *d, const struct ner_word *w, size_t n)
{
	if (ner_scratch_room(s, n) < 0)
		return -1;
	struct ner_token_info *in = s->info;
	int start = 1;
	for (size_t i = 0; i < n; i++) {
		ner_analyse(&w[i], start, &in[i]);
		if (ner_wordlike(&w[i]))
			start = 0;
	}
	uint8_t *gb = s->gaz_mark, *gi = s->gaz_mark + n;
	ner_sentence_context(in, n, g, gb, gi);
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = s->feats + i * NER_MAX_FEATS;
		size_t k = ner_token_features(in, i, n, gb, gi, g, d, f, NER_PART_ALL);
		if (k < NER_MAX_FEATS)
			f[k] = 0;
	}
	return 0;
}
