/* summary.c — sentence features, scores and selection for summarize.
 * See summary.h for the method; all offsets are bytes. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lexicon.h"
#include "summary.h"
#include "grow.h"

/* Tuned on the Alpino dev references (README, "summarize"). */
const struct summary_weights summary_default_weights = {
	.position = 1.0,
	.position_scale = 4.0,
	.centrality = 0.5,
	.names = 0.12,
	.numbers = 0.2,
	.length = 0.3,
	.quote = 0.6,
	.opener = 0.5,
	.redundancy = 1.7,
};

/* Score offset per kind tier: real sentences always come before fragments,
 * and fragments before headings, captions and bylines. */
#define TIER_GAP 100.0

struct term {
	uint64_t hash;
	size_t off;          /* bytes into the folded text */
	uint32_t len;
	uint32_t sf;         /* sentences containing it */
	uint32_t last;       /* 1 + last sentence seen in */
	uint32_t post;       /* start of its postings */
	uint32_t slot;       /* its place in sz->index */
	double w;            /* weight: inverse document frequency, 0 for stopwords */
	int covered;         /* in a chosen sentence */
	unsigned flags;      /* LEX_* of the word */
	int verb_ending;     /* ends like a finite verb */
};

struct sent {
	size_t term0, nterm; /* its distinct terms: sz->sterm[term0 .. +nterm) */
	unsigned words, caps, numbers;
	enum summary_kind kind;
	int opener, chosen, skipped;
	double quoted;
	double base;         /* score without opener and redundancy */
	double weight;       /* sum of its terms' weights */
	double covered;      /* weight of its terms in chosen sentences */
};

/* A place in the term index: the term's id (-1: empty) and the low bits
 * of its hash, so that most mismatches never touch the term itself. */
struct slot {
	int32_t id;
	uint32_t tag;
};

struct cand {
	double score;
	size_t i;
};

struct summarizer {
	struct summary_lexicon *lx;
	struct summary_weights w;
	char *fold;          size_t fold_cap;
	struct term *term;   size_t nterm, term_cap;
	struct slot *index;  size_t index_cap;     /* power of two */
	uint32_t *sterm;     size_t nsterm, sterm_cap;
	uint32_t *posting;   size_t posting_cap;
	struct sent *sent;   size_t sent_cap, n;
	struct cand *heap;   size_t nheap, heap_cap;
	size_t *picked;
};

#define RESERVE(ptr, cap, need) grow_array((void **)&(ptr), &(cap), (need), sizeof *(ptr))

struct summarizer *summarizer_new(const char *lang)
{
	struct summarizer *sz = calloc(1, sizeof *sz);
	if (!sz)
		return NULL;
	sz->w = summary_default_weights;
	sz->lx = summary_lexicon_load(lang);
	if (!sz->lx) {
		free(sz);
		return NULL;
	}
	return sz;
}

void summarizer_free(struct summarizer *sz)
{
	if (!sz)
		return;
	summary_lexicon_free(sz->lx);
	free(sz->fold);
	free(sz->term);
	free(sz->index);
	free(sz->sterm);
	free(sz->posting);
	free(sz->sent);
	free(sz->heap);
	free(sz->picked);
	free(sz);
}

void summarizer_set_weights(struct summarizer *sz, const struct summary_weights *w)
{
	sz->w = *w;
}

/* The id of the term at FOLD[off, off+len), added when new; -1 on no memory. */
static long term_id(struct summarizer *sz, size_t off, size_t len)
{
	if ((sz->nterm + 1) * 2 > sz->index_cap) {
		size_t cap = sz->index_cap ? sz->index_cap * 2 : 1024;
		struct slot *ix = malloc(cap * sizeof *ix);
		if (!ix)
			return -1;
		for (size_t j = 0; j < cap; j++)
			ix[j].id = -1;
		for (size_t t = 0; t < sz->nterm; t++) {
			size_t j = sz->term[t].hash & (cap - 1);
			while (ix[j].id >= 0)
				j = (j + 1) & (cap - 1);
			ix[j].id = (int32_t)t;
			ix[j].tag = (uint32_t)sz->term[t].hash;
			sz->term[t].slot = (uint32_t)j;
		}
		free(sz->index);
		sz->index = ix;
		sz->index_cap = cap;
	}
	const char *w = sz->fold + off;
	uint64_t h = summary_lexicon_hash(w, len);
	size_t mask = sz->index_cap - 1, j = h & mask;
	for (; sz->index[j].id >= 0; j = (j + 1) & mask) {
		if (sz->index[j].tag != (uint32_t)h)
			continue;
		struct term *t = &sz->term[sz->index[j].id];
		if (t->hash == h && t->len == len) {
			const char *x = sz->fold + t->off;
			size_t i = 0;
			while (i < len && x[i] == w[i])
				i++;
			if (i == len)
				return sz->index[j].id;
		}
	}
	if (RESERVE(sz->term, sz->term_cap, sz->nterm + 1) < 0)
		return -1;
	struct term *t = &sz->term[sz->nterm];
	memset(t, 0, sizeof *t);
	t->hash = h;
	t->off = off;
	t->len = (uint32_t)len;
	t->slot = (uint32_t)j;
	double idf;
	summary_lexicon_lookup(sz->lx, w, len, h, &t->flags, &idf, &t->verb_ending);
	t->w = (t->flags & LEX_STOP) || len < 2 ? 0 : idf;
	sz->index[j].id = (int32_t)sz->nterm;
	sz->index[j].tag = (uint32_t)h;
	return (long)sz->nterm++;
}

static int is_upper_start(const unsigned char *s, size_t n)
{
	return (s[0] >= 'A' && s[0] <= 'Z') ||
	       (n > 1 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97);
}

/* 1 when the sentence ends in . ! ? : ; or an ellipsis, possibly followed by
 * closing quotes or brackets. */
static int ends_like_sentence(const unsigned char *s, size_t a, size_t b)
{
	while (b > a) {
		unsigned char c = s[b - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '"' ||
		    c == ')')
			b--;
		else if (b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 &&
		         (s[b - 1] == 0x9D || s[b - 1] == 0x99))   /* ” ’ */
			b -= 3;
		else if (b - a >= 2 && s[b - 2] == 0xC2 && s[b - 1] == 0xBB)   /* » */
			b -= 2;
		else
			break;
	}
	if (b == a)
		return 0;
	unsigned char c = s[b - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
		return 1;
	return b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && s[b - 1] == 0xA6;
}

/* Share of each sentence's bytes inside quotation marks, from the marks
 * alone: ,, „ “ « open, '' ” » close, " toggles; a blank line between
 * sentences closes any open quote. */
static void estimate_quotes(struct summarizer *sz, const struct summary_doc *d)
{
	/* Bytes that may start a quote mark; all others are skipped in runs. */
	static const unsigned char mark[256] = {
		[','] = 1, ['\''] = 1, ['"'] = 1, [0xC2] = 1, [0xE2] = 1
	};
	const unsigned char *s = (const unsigned char *)d->text;
	int inside = 0;
	size_t prev_end = 0;
	for (size_t k = 0; k < d->n; k++) {
		size_t a = d->spans[k].start, b = d->spans[k].end, in = 0;
		for (size_t i = prev_end; i < a; i++)
			if (s[i] == '\n' && i + 1 < a && s[i + 1] == '\n')
				inside = 0;
		for (size_t i = a; i < b; i++) {
			size_t run = i;
			while (i < b && !mark[s[i]])
				i++;
			if (inside)
				in += i - run;
			if (i >= b)
				break;
			unsigned char c = s[i];
			if (c == ',' && i + 1 < b && s[i + 1] == ',') {
				inside = 1;
				i++;
			} else if (c == '\'' && i + 1 < b && s[i + 1] == '\'') {
				inside = 0;
				i++;
			} else if (c == '"') {
				inside = !inside;
			} else if (c == 0xE2 && i + 2 < b && s[i + 1] == 0x80 &&
			           (s[i + 2] == 0x9C || s[i + 2] == 0x9E)) {   /* “ „ */
				inside = 1;
				i += 2;
			} else if (c == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] == 0x9D) {
				inside = 0;                                    /* ” */
				i += 2;
			} else if (c == 0xC2 && i + 1 < b && s[i + 1] == 0xAB) {   /* « */
				inside = 1;
				i++;
			} else if (c == 0xC2 && i + 1 < b && s[i + 1] == 0xBB) {   /* » */
				inside = 0;
				i++;
			} else if (inside) {
				in++;
			}
		}
		sz->sent[k].quoted = b > a ? (double)in / (double)(b - a) : 0;
		prev_end = b;
	}
}

/* Words, terms and kind of sentence K. Returns 0 or -1 (no memory). */
static int read_sentence(struct summarizer *sz, const struct summary_doc *d, size_t k)
{
	const unsigned char *s = (const unsigned char *)d->text;
	struct sent *st = &sz->sent[k];
	size_t a = d->spans[k].start, b = d->spans[k].end, pos = a, ws, we;
	unsigned first = 0, lead = 0;
	int verb = 0, skipped_connective = 0;
	st->term0 = sz->nsterm;
	while (summary_word_next(d->text, b, &pos, &ws, &we)) {
		size_t len = we - ws;
		long id = term_id(sz, ws, len);
		if (id < 0)
			return -1;
		struct term *t = &sz->term[id];
		unsigned flags = t->flags;
		if (t->last != k + 1) {
			if (RESERVE(sz->sterm, sz->sterm_cap, sz->nsterm + 1) < 0)
				return -1;
			sz->sterm[sz->nsterm++] = (uint32_t)id;
			t->last = (uint32_t)(k + 1);
			t->sf++;
			st->weight += t->w;
		}
		if (flags & LEX_VERB)
			verb = 1;
		else if (t->verb_ending && !is_upper_start(s + ws, len))
			verb = 1;
		if (s[ws] >= '0' && s[ws] <= '9')
			st->numbers++;
		if (st->words == 0) {
			first = flags;
			lead = flags;
			if (flags & LEX_CONNECTIVE)
				skipped_connective = 1;
		} else {
			if (st->words == 1 && skipped_connective)
				lead = flags;
			if (is_upper_start(s + ws, len) && !(flags & LEX_STOP))
				st->caps++;
		}
		st->words++;
	}
	st->nterm = sz->nsterm - st->term0;
	st->opener = (lead & LEX_OPENER) != 0;
	int punct = ends_like_sentence(s, a, b);
	if ((first & LEX_CREDIT) && st->words <= 6 && (!verb || !punct))
		st->kind = SUMMARY_CAPTION;
	else if ((first & LEX_BYLINE) && st->words <= 6 && !punct)
		st->kind = SUMMARY_BYLINE;
	else if (!punct && st->words <= 15)
		st->kind = SUMMARY_HEADING;
	else if (!verb)
		st->kind = SUMMARY_FRAGMENT;
	else
		st->kind = SUMMARY_SENTENCE;
	return 0;
}

static int tier(enum summary_kind k)
{
	return k == SUMMARY_SENTENCE ? 0 : k == SUMMARY_FRAGMENT ? 1 : 2;
}

/* Base scores: kind, position, centrality, names, numbers, length, quotes. */
static void score_sentences(struct summarizer *sz, const struct summary_doc *d)
{
	const struct summary_weights *w = &sz->w;
	double maxc = 0;
	/* Centrality: the weight a sentence shares with the other sentences
	 * (each word's weight squared times the number of other sentences that
	 * have it), over the sentence's own norm; held in ->base until scaled
	 * by the document's maximum below. */
	for (size_t k = 0; k < sz->n; k++) {
		struct sent *st = &sz->sent[k];
		double c = 0, norm = 0;
		for (size_t j = 0; j < st->nterm; j++) {
			const struct term *t = &sz->term[sz->sterm[st->term0 + j]];
			c += t->w * t->w * (double)(t->sf - 1);
			norm += t->w * t->w;
		}
		st->base = norm > 0 ? c / sqrt(norm) : 0;
		if (st->base > maxc)
			maxc = st->base;
	}
	size_t rank = 0;   /* position among sentences and fragments */
	double scale = w->position_scale > 0 ? w->position_scale : 1;
	for (size_t k = 0; k < sz->n; k++) {
		struct sent *st = &sz->sent[k];
		double centrality = maxc > 0 ? st->base / maxc : 0;
		double position = exp2(-(double)rank / scale);
		double names = d->entities ? d->entities[k] : st->caps;
		double quoted = d->quoted ? d->quoted[k] : st->quoted;
		double length = st->words < 4 ? 0 : (st->words > 12 ? 12 : st->words) / 12.0;
		double numbers = st->numbers > 2 ? 1 : st->numbers / 2.0;
		st->base = w->position * position + w->centrality * centrality +
		           w->names * (names > 4 ? 4 : names) / 4 + w->numbers * numbers +
		           w->length * length - w->quote * (quoted > 1 ? 1 : quoted) -
		           TIER_GAP * tier(st->kind);
		if (st->kind == SUMMARY_SENTENCE || st->kind == SUMMARY_FRAGMENT)
			rank++;
	}
}

static double current(const struct summarizer *sz, size_t k)
{
	const struct sent *st = &sz->sent[k];
	double s = st->base;
	if (st->opener && !(k > 0 && sz->sent[k - 1].chosen))
		s -= sz->w.opener;
	if (st->weight > 0)
		s -= sz->w.redundancy * st->covered / st->weight;
	return s;
}

static int better(const struct cand *x, const struct cand *y)
{
	return x->score > y->score || (x->score == y->score && x->i < y->i);
}

static int heap_push(struct summarizer *sz, double score, size_t i)
{
	if (RESERVE(sz->heap, sz->heap_cap, sz->nheap + 1) < 0)
		return -1;
	size_t j = sz->nheap++;
	struct cand c = { score, i };
	while (j > 0 && better(&c, &sz->heap[(j - 1) / 2])) {
		sz->heap[j] = sz->heap[(j - 1) / 2];
		j = (j - 1) / 2;
	}
	sz->heap[j] = c;
	return 0;
}

static struct cand heap_pop(struct summarizer *sz)
{
	struct cand top = sz->heap[0], last = sz->heap[--sz->nheap];
	size_t j = 0, n = sz->nheap;
	for (;;) {
		size_t c = 2 * j + 1;
		if (c >= n)
			break;
		if (c + 1 < n && better(&sz->heap[c + 1], &sz->heap[c]))
			c++;
		if (!better(&sz->heap[c], &last))
			break;
		sz->heap[j] = sz->heap[c];
		j = c;
	}
	if (n > 0)
		sz->heap[j] = last;
	return top;
}

/* Postings: for each term, the sentences containing it (CSR). */
static int build_postings(struct summarizer *sz)
{
	if (RESERVE(sz->posting, sz->posting_cap, sz->nsterm + 1) < 0)
		return -1;
	uint32_t at = 0;
	for (size_t t = 0; t < sz->nterm; t++) {
		sz->term[t].post = at;
		at += sz->term[t].sf;
		sz->term[t].sf = 0;   /* refilled below */
	}
	for (size_t k = 0; k < sz->n; k++) {
		const struct sent *st = &sz->sent[k];
		for (size_t j = 0; j < st->nterm; j++) {
			struct term *t = &sz->term[sz->sterm[st->term0 + j]];
			sz->posting[t->post + t->sf++] = (uint32_t)k;
		}
	}
	return 0;
}

static void choose(struct summarizer *sz, size_t k)
{
	struct sent *st = &sz->sent[k];
	st->chosen = 1;
	for (size_t j = 0; j < st->nterm; j++) {
		struct term *t = &sz->term[sz->sterm[st->term0 + j]];
		if (t->covered || t->w == 0)
			continue;
		t->covered = 1;
		for (uint32_t p = 0; p < t->sf; p++)
			sz->sent[sz->posting[t->post + p]].covered += t->w;
	}
}

static size_t limit_count(const struct summary_limits *l, size_t n)
{
	size_t k = (size_t)-1;
	int any = 0;
	if (l && l->sentences > 0) {
		k = (size_t)l->sentences;
		any = 1;
	}
	if (l && l->ratio > 0) {
		size_t r = (size_t)floor(l->ratio * (double)n + 0.5);
		if (r < 1)
			r = 1;
		if (r < k)
			k = r;
		any = 1;
	}
	if (l && l->words > 0)
		any = 1;
	if (!any) {            /* 3, or a third of the document, at least 2 */
		k = n / 3;
		k = k < 2 ? 2 : k > 3 ? 3 : k;
	}
	return k < n ? k : n;
}

size_t summarizer_run(struct summarizer *sz, const struct summary_doc *d,
                      enum summary_method method, const struct summary_limits *limits,
                      const size_t **picked)
{
	sz->n = 0;
	for (size_t t = 0; t < sz->nterm; t++)   /* empty the index in O(terms) */
		sz->index[sz->term[t].slot].id = -1;
	sz->nterm = sz->nsterm = sz->nheap = 0;
	if (RESERVE(sz->fold, sz->fold_cap, d->len + 1) < 0 ||
	    RESERVE(sz->sent, sz->sent_cap, d->n + 1) < 0)
		return (size_t)-1;
	free(sz->picked);
	sz->picked = malloc((d->n + 1) * sizeof *sz->picked);
	if (!sz->picked)
		return (size_t)-1;
	summary_word_fold(d->text, d->len, sz->fold);
	memset(sz->sent, 0, d->n * sizeof *sz->sent);
	sz->n = d->n;
	if (!d->quoted)
		estimate_quotes(sz, d);
	for (size_t k = 0; k < d->n; k++)
		if (read_sentence(sz, d, k) < 0)
			return (size_t)-1;
	score_sentences(sz, d);
	if (build_postings(sz) < 0)
		return (size_t)-1;

	size_t want = limit_count(limits, d->n), got = 0;
	long budget = limits && limits->words > 0 ? limits->words : -1;
	/* A lower kind is only taken when every sentence of the better kinds is
	 * taken: never a caption to fill the words a real sentence did not fit. */
	int blocked = 2;
	if (method == SUMMARY_LEAD) {
		for (int tr = 0; tr <= 2 && got < want && tr <= blocked; tr++)
			for (size_t k = 0; k < d->n && got < want; k++) {
				struct sent *st = &sz->sent[k];
				if (tier(st->kind) != tr)
					continue;
				if (budget >= 0 && (long)st->words > budget) {
					blocked = tr;
					continue;
				}
				st->chosen = 1;
				got++;
				if (budget >= 0)
					budget -= st->words;
			}
	} else {
		for (size_t k = 0; k < d->n; k++)
			if (heap_push(sz, current(sz, k), k) < 0)
				return (size_t)-1;
		while (got < want && sz->nheap > 0) {
			struct cand c = heap_pop(sz);
			struct sent *st = &sz->sent[c.i];
			if (st->chosen || st->skipped)
				continue;
			double now = current(sz, c.i);
			if (now != c.score) {
				if (heap_push(sz, now, c.i) < 0)
					return (size_t)-1;
				continue;
			}
			if (tier(st->kind) > blocked)
				break;
			if (budget >= 0 && (long)st->words > budget) {
				st->skipped = 1;
				blocked = tier(st->kind);
				continue;
			}
			choose(sz, c.i);
			got++;
			if (budget >= 0)
				budget -= st->words;
			if (c.i + 1 < d->n && sz->sent[c.i + 1].opener && !sz->sent[c.i + 1].chosen &&
			    heap_push(sz, current(sz, c.i + 1), c.i + 1) < 0)
				return (size_t)-1;
		}
	}
	size_t m = 0;
	for (size_t k = 0; k < d->n; k++)
		if (sz->sent[k].chosen)
			sz->picked[m++] = k;
	*picked = sz->picked;
	return m;
}

enum summary_kind summarizer_kind(const struct summarizer *sz, size_t i)
{
	return i < sz->n ? sz->sent[i].kind : SUMMARY_SENTENCE;
}

double summarizer_score(const struct summarizer *sz, size_t i)
{
	if (i >= sz->n)
		return 0;
	const struct sent *st = &sz->sent[i];
	return st->base + TIER_GAP * tier(st->kind) - (st->opener ? sz->w.opener : 0);
}
