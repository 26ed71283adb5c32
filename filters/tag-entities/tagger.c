/* tagger.c — tagging a sentence: features, label scores, decoding, and
 * the document memory.
 *
 * With a model (not while training), the features of a token alone and
 * those of each neighbour alone (ner_features.h: NER_PART_WORD and
 * NER_PART_NEIGHBOURS) depend only on one word's bytes and on whether it
 * starts the sentence, and label scores are exact integer sums whose order
 * does not matter. So the tagger keeps a cache of word types (struct
 * ner_memo, direct-mapped): what the context needs of the word, and five
 * sums of rows: of its own features, and of the features it gives the
 * tokens one and two places before and after it. A frequent word costs one
 * hash of its bytes and one comparison; only word pairs, gazetteer and
 * document features are looked up in the model for each token. The result
 * is the same as without the cache, whatever the cache holds.
 */
#include "ner_features.h"
#include "ner_model.h"
#include "ner_weights.h"

#include <stdlib.h>
#include <string.h>
#include "grow.h"

enum {
	MEMO_SIZE = 65536,   /* entries, a power of two */
	MEMO_WORD = 24      /* longest word cached, in bytes */
};

/* Sums of rows, for: the word itself, and the tokens it is the word 2
 * before (M2: it is at -2 for them), 1 before, 1 after, 2 after. */
enum { AS_SELF, AS_M2, AS_M1, AS_P1, AS_P2, AS_N };
static const int as_at[AS_N] = { 0, -2, -1, 1, 2 };

/* 128 bytes. A word whose sums do not all fit in 16 bits is not cached. */
struct memo_entry {
	uint32_t hash;       /* ner_hash_bytes of the word */
	uint8_t len;         /* bytes; 0: an empty entry */
	uint8_t start;       /* the word starts its sentence */
	uint16_t flags, len_cp;   /* of struct ner_token_info */
	uint32_t lower, shape, doc_lower;
	char bytes[MEMO_WORD];
	int16_t sum[AS_N][ROW];
};

struct ner_memo {
	unsigned long model;       /* id of the model the sums come from */
	int32_t edge[AS_N][ROW];   /* no word there: past the sentence's edge */
	struct memo_entry e[MEMO_SIZE];
};

_Static_assert(sizeof(struct memo_entry) == 128, "a cache entry is two cache lines");

void ner_memo_free(struct ner_memo *m)
{
	free(m);
}

/* SUM += the rows of the K keys F in M. (A local sum: SUM could alias F,
 * and the compiler would keep it in memory.) */
static void add_rows(int32_t *sum, const struct ner_model *m, const uint32_t *f, size_t k)
{
	int32_t acc[ROW];
	memcpy(acc, sum, sizeof acc);
	for (size_t j = 0; j < k; j++) {
		long r = ner_model_row(m, f[j]);
		if (r >= 0)
			for (int l = 0; l < ROW; l++)
				acc[l] += m->row[r][l];
	}
	memcpy(sum, acc, sizeof acc);
}

/* A word's description and its sums of rows in M (32 bits wide). */
struct word_sums {
	struct ner_token_info in;
	int32_t sum[AS_N][ROW];
};

static void word_sums(struct word_sums *ws, const struct ner_model *m, const struct ner_word *w,
                      int start)
{
	ner_analyse(w, start, &ws->in);
	memset(ws->sum, 0, sizeof ws->sum);
	uint32_t f[NER_MAX_FEATS];
	add_rows(ws->sum[AS_SELF], m, f,
	         ner_token_features(&ws->in, 0, 1, NULL, NULL, NULL, NULL, f, NER_PART_WORD));
	for (int as = AS_M2; as < AS_N; as++)
		add_rows(ws->sum[as], m, f, ner_neighbour_features(&ws->in, as_at[as], f));
}

/* Put WS in E; 0 when its sums do not fit (then E is empty). */
static int memo_put(struct memo_entry *e, const struct word_sums *ws, const struct ner_word *w,
                    int start)
{
	for (int as = 0; as < AS_N; as++)
		for (int l = 0; l < ROW; l++) {
			if (ws->sum[as][l] < INT16_MIN || ws->sum[as][l] > INT16_MAX) {
				e->len = 0;
				return 0;
			}
			e->sum[as][l] = (int16_t)ws->sum[as][l];
		}
	e->hash = ws->in.word;
	e->len = (uint8_t)w->len;
	e->start = (uint8_t)start;
	e->flags = ws->in.flags;
	e->len_cp = ws->in.len_cp;
	e->lower = ws->in.lower;
	e->shape = ws->in.shape;
	e->doc_lower = ws->in.doc_lower;
	memcpy(e->bytes, w->s, w->len);
	return 1;
}

/* Word W (starting its sentence or not): its entry in the cache, or NULL
 * with its description and sums in *WS. */
static const struct memo_entry *memo_get(struct ner_memo *mm, const struct ner_model *m,
                                         const struct ner_word *w, int start, struct word_sums *ws)
{
	struct memo_entry *e = NULL;
	if (w->len && w->len <= MEMO_WORD) {
		uint32_t h = ner_hash_bytes(w->s, w->len);
		e = &mm->e[(h ^ (start ? 0x5bd1e995u : 0)) & (MEMO_SIZE - 1)];
		if (e->hash == h && e->len == w->len && e->start == start && !memcmp(e->bytes, w->s, w->len))
			return e;
	}
	word_sums(ws, m, w, start);
	return e && memo_put(e, ws, w, start) ? e : NULL;
}

static void add8(int32_t *to, const int32_t *from)
{
	for (int l = 0; l < ROW; l++)
		to[l] += from[l];
}

static void add8s(int32_t *to, const int16_t *from)
{
	for (int l = 0; l < ROW; l++)
		to[l] += from[l];
}

/* T's cache, for its model; NULL when out of memory. */
static struct ner_memo *memo_ready(struct ner_tagger *t)
{
	struct ner_memo *mm = t->scratch.memo;
	if (!mm || mm->model != t->model->id) {
		if (!mm && !(mm = t->scratch.memo = malloc(sizeof *mm)))
			return NULL;
		memset(mm, 0, sizeof *mm);
		mm->model = t->model->id;
		uint32_t f[NER_MAX_FEATS];
		for (int as = AS_M2; as < AS_N; as++)
			add_rows(mm->edge[as], t->model, f, ner_neighbour_features(NULL, as_at[as], f));
	}
	return mm;
}

/* What the document memory needs of word W. */
static void word_info(struct ner_memo *mm, const struct ner_model *m, const struct ner_word *w,
                      int start, struct ner_token_info *in)
{
	struct word_sums ws;
	const struct memo_entry *e = memo_get(mm, m, w, start, &ws);
	if (!e) {
		*in = ws.in;
		return;
	}
	in->word = e->hash;
	in->doc_lower = e->doc_lower;
	in->flags = e->flags;
}

/* Describe the N words of W in s->info; when SUM is not NULL, put in
 * SUM[N * ROW] the rows of every token's features of its own and of its
 * neighbours alone. */
static int describe(struct ner_tagger *t, const struct ner_word *w, size_t n, int32_t *sum)
{
	struct ner_scratch *s = &t->scratch;
	struct ner_memo *mm = memo_ready(t);
	if (!mm)
		return -1;
	if (sum) {
		memset(sum, 0, n * ROW * sizeof *sum);
		for (size_t i = 0; i < n && i < 2; i++) {   /* nothing before the first words */
			add8(sum + i * ROW, mm->edge[AS_M2]);
			if (i == 0)
				add8(sum, mm->edge[AS_M1]);
		}
		for (size_t i = n > 2 ? n - 2 : 0; i < n; i++) {   /* nor after the last */
			add8(sum + i * ROW, mm->edge[AS_P2]);
			if (i == n - 1)
				add8(sum + i * ROW, mm->edge[AS_P1]);
		}
	}
	struct word_sums ws;
	int start = 1;
	for (size_t i = 0; i < n; i++) {
		const struct memo_entry *e = memo_get(mm, t->model, &w[i], start, &ws);
		struct ner_token_info *in = &s->info[i];
		if (e) {
			in->word = e->hash;
			in->lower = e->lower;
			in->shape = e->shape;
			in->doc_lower = e->doc_lower;
			in->flags = e->flags;
			in->len_cp = e->len_cp;
		} else {
			*in = ws.in;
		}
		if (sum && e) {
			add8s(sum + i * ROW, e->sum[AS_SELF]);
			if (i >= 2)
				add8s(sum + (i - 2) * ROW, e->sum[AS_P2]);
			if (i >= 1)
				add8s(sum + (i - 1) * ROW, e->sum[AS_P1]);
			if (i + 1 < n)
				add8s(sum + (i + 1) * ROW, e->sum[AS_M1]);
			if (i + 2 < n)
				add8s(sum + (i + 2) * ROW, e->sum[AS_M2]);
		} else if (sum) {
			add8(sum + i * ROW, ws.sum[AS_SELF]);
			if (i >= 2)
				add8(sum + (i - 2) * ROW, ws.sum[AS_P2]);
			if (i >= 1)
				add8(sum + (i - 1) * ROW, ws.sum[AS_P1]);
			if (i + 1 < n)
				add8(sum + (i + 1) * ROW, ws.sum[AS_M1]);
			if (i + 2 < n)
				add8(sum + (i + 2) * ROW, ws.sum[AS_M2]);
		}
		if (ner_wordlike(&w[i]))
			start = 0;
	}
	return 0;
}

int ner_tagger_scan(struct ner_tagger *t, const struct ner_word *w, size_t n)
{
	if (!t->model)
		return ner_doc_scan(t->doc, w, n);
	return ner_tagger_scan_part(t, w, n, 0, 0);
}

int ner_tagger_scan_part(struct ner_tagger *t, const struct ner_word *w, size_t n, int before,
                         int after)
{
	struct ner_memo *mm = memo_ready(t);
	if (!mm)
		return -1;
	/* a word's flag F_START changes nothing that is noted here: the cache
	 * is asked with the flag the sentence would give when it is known */
	size_t first = 0;
	while (!before && first < n && !ner_wordlike(&w[first]))
		first++;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = w[i].len ? (unsigned char)w[i].s[0] : 0;
		if (c < 0x80 && !(c >= 'A' && c <= 'Z'))
			continue;   /* not capitalised */
		struct ner_token_info cur, side;
		word_info(mm, t->model, &w[i], !before && i <= first, &cur);
		if (!(cur.flags & F_CAP))
			continue;
		uint32_t left = 11, right = 12;
		if (i || before) {
			word_info(mm, t->model, &w[i - 1], !before && i - 1 <= first, &side);
			left = ner_hash_mix(1, side.doc_lower);
		}
		if (i + 1 < n || after) {
			word_info(mm, t->model, &w[i + 1], !before && i + 1 <= first, &side);
			right = ner_hash_mix(2, side.doc_lower);
		}
		if (ner_doc_mention(t->doc, cur.word, left, right) < 0)
			return -1;
	}
	return 0;
}

/* Label scores of the N words described in s->info, the sums of their
 * own and neighbours' features in SUM, into s->emit. */
static void score(struct ner_tagger *t, size_t n, const int32_t *sum)
{
	struct ner_scratch *s = &t->scratch;
	const struct ner_model *m = t->model;
	uint8_t *gb = s->gaz_mark, *gi = s->gaz_mark + n;
	ner_sentence_context(s->info, n, t->gaz, gb, gi);
	for (size_t i = 0; i < n; i++) {
		uint32_t f[NER_MAX_FEATS];
		size_t k = ner_context_features(s->info, i, n, gb, gi, t->gaz, t->doc, f);
		int32_t acc[ROW];
		memcpy(acc, sum + i * ROW, sizeof acc);
		add_rows(acc, m, f, k);
		ner_model_scores(s->emit + i * NER_VLABELS, acc);
	}
}

int ner_tagger_scores(struct ner_tagger *t, const struct ner_word *w, size_t n)
{
	struct ner_scratch *s = &t->scratch;
	if (ner_scratch_room(s, n) < 0)
		return -1;
	/* the sums wait in the feature-key space, which this path does not use */
	int32_t *sum = (int32_t *)s->feats;
	if (describe(t, w, n, sum) < 0)
		return -1;
	score(t, n, sum);
	return 0;
}

int ner_tag_sentence(struct ner_tagger *t, const struct ner_word *w, size_t n, uint8_t *labels)
{
	struct ner_scratch *s = &t->scratch;
	if (!t->model) {
		if (ner_features(s, t->gaz, t->doc, w, n) < 0 ||
		    ner_decode_cost(t->weights, s, n, labels, NULL, 0) < 0)
			return -1;
		return t->doc ? ner_doc_learn_info(t->doc, s->info, n, labels) : 0;
	}
	if (n == 0)
		return 0;
	if (ner_tagger_scores(t, w, n) < 0)
		return -1;
	ner_viterbi(t->model->trans, s, n, labels);
	return t->doc ? ner_doc_learn_info(t->doc, s->info, n, labels) : 0;
}
