/* summary.c — choosing the summary's sentences (summary.h): kinds first,
 * back-pointers only with their antecedent, then the model's score lowered
 * by redundancy, through a lazy priority queue. Sentence analysis is in
 * analyse.c, the model in model.c. All offsets are bytes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "filter.h"
#include "grow.h"
#include "summary_int.h"

#define RESERVE(ptr, cap, need) grow_array((void **)&(ptr), &(cap), (need), sizeof *(ptr))
#define NONE ((size_t)-1)

const char *summary_type_name(enum summary_type t)
{
	return t == SUMMARY_NEWS ? "news" : "feature";
}

struct summarizer *summarizer_new(const char *lang, int *status)
{
	struct summarizer *sz = calloc(1, sizeof *sz);
	*status = EXIT_SOFTWARE;
	if (!sz)
		return NULL;
	char name[256];
	snprintf(name, sizeof name, "%s/summary-model.txt", lang);
	sz->lx = summary_lexicon_load(lang, status);
	if (!sz->lx || (*status = summary_model_load(&sz->model, name)) != 0) {
		summarizer_free(sz);
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
	free(sz->word);
	free(sz->term);
	free(sz->index);
	free(sz->sterm);
	free(sz->posting);
	free(sz->sent);
	free(sz->heap);
	free(sz->picked);
	free(sz);
}

static int kind_tier(enum summary_kind k)
{
	return k == SUMMARY_SENTENCE ? 0 : k == SUMMARY_FRAGMENT || k == SUMMARY_QUESTION ? 1 : 2;
}

/* A sentence adds next to nothing when at least this share of its word
 * weight is in the sentences already chosen: a repetition. */
#define REPEATED 0.9

/* Kind tier times two, plus one while the sentence points back to an
 * antecedent that is not chosen, or repeats the chosen sentences. */
int summary_tier(const struct summarizer *sz, size_t k)
{
	const struct sent *st = &sz->sent[k];
	int unresolved = st->points_back &&
	                 !(st->antecedent != NONE && sz->sent[st->antecedent].chosen);
	int repeated = st->weight > 0 && st->covered >= REPEATED * st->weight;
	return 2 * kind_tier(st->kind) + (unresolved || repeated);
}

/* How the sentences are ordered within a tier. */
enum order {
	BY_MODEL,      /* the model's score, lowered by redundancy */
	BY_POSITION,   /* the lead method: first come first */
	BY_LEAD        /* a short news report: first come first, but a sentence
	                  that is mostly quotation after the others */
};

/* A candidate's key: its tier, and its score within the tier. */
static struct cand current(const struct summarizer *sz, size_t k, enum order lead)
{
	const struct sent *st = &sz->sent[k];
	struct cand c = { 0, summary_tier(sz, k), k };
	if (lead == BY_POSITION) {
		c.score = -(double)k;
	} else if (lead == BY_LEAD) {
		c.score = -(double)k - (st->mostly_quoted ? (double)sz->n : 0);
	} else {
		c.score = st->base;
		if (st->weight > 0)
			c.score -= sz->model.redundancy * st->covered / st->weight;
	}
	return c;
}

static int better(const struct cand *x, const struct cand *y)
{
	if (x->tier != y->tier)
		return x->tier < y->tier;
	return x->score > y->score || (x->score == y->score && x->i < y->i);
}

static int same(const struct cand *x, const struct cand *y)
{
	return x->tier == y->tier && x->score == y->score;
}

static int heap_push(struct summarizer *sz, struct cand c)
{
	if (RESERVE(sz->heap, sz->heap_cap, sz->nheap + 1) < 0)
		return -1;
	size_t j = sz->nheap++;
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

/* Take sentence K: its words count as covered for the sentences sharing
 * them, and the sentences whose antecedent it is are queued again (their
 * tier may have dropped). */
static int choose(struct summarizer *sz, size_t k, enum order lead)
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
	for (size_t j = k + 1; j < sz->n && sz->sent[j].antecedent == k; j++)
		if (!sz->sent[j].chosen && sz->sent[j].points_back &&
		    heap_push(sz, current(sz, j, lead)) < 0)
			return -1;
	return 0;
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
	if (summary_analyse(sz, d) < 0 || build_postings(sz) < 0 ||
	    RESERVE(sz->picked, sz->picked_cap, d->n + 1) < 0)
		return (size_t)-1;
	enum order lead = method == SUMMARY_LEAD ? BY_POSITION :
	                  sz->type == SUMMARY_NEWS && (long)sz->running <= sz->model.short_news ?
	                  BY_LEAD : BY_MODEL;
	size_t want = limit_count(limits, d->n), got = 0;
	long budget = limits && limits->words > 0 ? limits->words : -1;
	/* A lower kind is only taken when every sentence of the better kinds is
	 * taken: never a caption to fill the words a real sentence did not fit. */
	int blocked = 2;
	for (size_t k = 0; k < d->n; k++)
		if (heap_push(sz, current(sz, k, lead)) < 0)
			return (size_t)-1;
	while (got < want && sz->nheap > 0) {
		struct cand c = heap_pop(sz);
		struct sent *st = &sz->sent[c.i];
		if (st->chosen || st->skipped)
			continue;
		struct cand now = current(sz, c.i, lead);
		if (!same(&now, &c)) {
			if (heap_push(sz, now) < 0)
				return (size_t)-1;
			continue;
		}
		if (kind_tier(st->kind) > blocked)
			break;
		if (budget >= 0 && (long)st->words > budget) {
			st->skipped = 1;
			blocked = kind_tier(st->kind);
			continue;
		}
		if (choose(sz, c.i, lead) < 0)
			return (size_t)-1;
		got++;
		if (budget >= 0)
			budget -= st->words;
	}
	size_t m = 0;
	for (size_t k = 0; k < d->n; k++)
		if (sz->sent[k].chosen)
			sz->picked[m++] = k;
	*picked = sz->picked;
	return m;
}

enum summary_type summarizer_type(const struct summarizer *sz)
{
	return sz->type;
}

enum summary_kind summarizer_kind(const struct summarizer *sz, size_t i)
{
	return i < sz->n ? sz->sent[i].kind : SUMMARY_SENTENCE;
}

int summarizer_points_back(const struct summarizer *sz, size_t i)
{
	return i < sz->n && sz->sent[i].points_back;
}

double summarizer_score(const struct summarizer *sz, size_t i)
{
	return i < sz->n ? sz->sent[i].base : 0;
}
