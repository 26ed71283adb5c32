/* analyse.c — what the summarizer knows about each sentence before it
 * chooses: its words and their weights, its kind, whether it opens with a
 * word pointing back, its place in the running text, the article type, and
 * its features for the model. One pass over the text plus passes over the
 * sentences: linear time. See summary.h for the method, summary_int.h for
 * the state. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "grow.h"
#include "summary_int.h"
#include "words.h"

#define RESERVE(ptr, cap, need) grow_array((void **)&(ptr), &(cap), (need), sizeof *(ptr))
#define NONE ((size_t)-1)

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TERM_LITTLE_ENDIAN 1
#else
#define TERM_LITTLE_ENDIAN 0
#endif

/* The hash, with PADDED: W is followed by at least 8 readable bytes (the
 * same value, without a loop over the last bytes). */
static inline uint64_t term_hash(const char *w, size_t n, int padded)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, w + i, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	if (i < n) {
		/* the last 1..7 bytes as a little-endian number: a variable memcpy
		 * would be a call */
		uint64_t x = 0;
		if (padded && TERM_LITTLE_ENDIAN) {
			memcpy(&x, w + i, 8);
			x &= ~0ull >> (64 - 8 * (n - i));
		} else {
			for (size_t j = n; j > i; j--)
				x = x << 8 | (unsigned char)w[j - 1];
		}
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	}
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	return h ^ (h >> 29);
}

/* The hash of a term W (N bytes) for the document's term index, 8 bytes at
 * a time, multiplied and folded, with the length mixed in; W is followed by
 * at least 8 readable bytes. */
static inline uint64_t term_hash_padded(const char *w, size_t n)
{
	return term_hash(w, n, 1);
}

/* The id of the lowercased word W (LEN bytes, hash H), added when new (its
 * bytes copied to sz->fold); -1 on no memory. */
static long term_id(struct summarizer *sz, const char *w, size_t len, uint64_t h)
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
	size_t mask = sz->index_cap - 1, j = h & mask;
	for (; sz->index[j].id >= 0; j = (j + 1) & mask) {
		if (sz->index[j].tag != (uint32_t)h)
			continue;
		struct term *t = &sz->term[sz->index[j].id];
		if (t->hash == h && t->len == len) {
			/* words are short: a loop beats a call to memcmp; eight
			 * bytes at a time, the last ones masked (both W and the
			 * stored terms have 8 bytes readable after them) */
			const char *x = sz->fold + t->off;
			size_t i = 0;
			if (TERM_LITTLE_ENDIAN) {
				uint64_t p, q;
				for (; i + 8 <= len; i += 8) {
					memcpy(&p, x + i, 8);
					memcpy(&q, w + i, 8);
					if (p != q)
						break;
				}
				if (i < len && i + 8 > len) {
					memcpy(&p, x + i, 8);
					memcpy(&q, w + i, 8);
					if (!((p ^ q) & (~0ull >> (64 - 8 * (len - i)))))
						i = len;
				}
			} else {
				while (i < len && x[i] == w[i])
					i++;
			}
			if (i == len)
				return sz->index[j].id;
		}
	}
	if ((sz->nterm >= sz->term_cap && RESERVE(sz->term, sz->term_cap, sz->nterm + 1) < 0) ||
	    (sz->nfold + len + 8 > sz->fold_cap &&
	     RESERVE(sz->fold, sz->fold_cap, sz->nfold + len + 8) < 0))
		return -1;
	memcpy(sz->fold + sz->nfold, w, len);
	memset(sz->fold + sz->nfold + len, 0, 8);   /* the bytes a compare may read */
	struct term *t = &sz->term[sz->nterm];
	memset(t, 0, sizeof *t);
	t->hash = h;
	t->off = sz->nfold;
	sz->nfold += len;
	t->len = (uint32_t)len;
	t->slot = (uint32_t)j;
	double idf;
	summary_lexicon_lookup(sz->lx, w, len, h, &t->flags, &idf);
	t->verb_ending = -1;   /* worked out when a sentence needs it */
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

/* Closing quotation marks and brackets after a sentence's last sign. */
static size_t trim_closers(const unsigned char *s, size_t a, size_t b)
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
	return b;
}

/* 1 when the sentence ends in . ! ? : ; or an ellipsis, possibly followed by
 * closing quotes or brackets. */
static int ends_like_sentence(const unsigned char *s, size_t a, size_t b)
{
	b = trim_closers(s, a, b);
	if (b == a)
		return 0;
	unsigned char c = s[b - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
		return 1;
	return b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && s[b - 1] == 0xA6;
}

/* 1 when the sentence at S[a, b) starts with an opening quotation mark:
 * ,, " „ “ ‘ ' « */
static int opens_with_quote(const unsigned char *s, size_t a, size_t b)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
		a++;
	if (a >= b)
		return 0;
	if (s[a] == '"' || s[a] == '\'' || (s[a] == ',' && a + 1 < b && s[a + 1] == ','))
		return 1;
	if (a + 1 < b && s[a] == 0xC2 && s[a + 1] == 0xAB)
		return 1;
	return a + 2 < b && s[a] == 0xE2 && s[a + 1] == 0x80 &&
	       (s[a + 2] == 0x9C || s[a + 2] == 0x9E || s[a + 2] == 0x98);
}

/* Bytes that may start a quote mark; all others are skipped in runs. */
static const unsigned char mark[256] = {
	[','] = 1, ['\''] = 1, ['"'] = 1, [0xC2] = 1, [0xE2] = 1
};

/* The first byte of S[i, b) that may start a quote mark, or B: eight bytes
 * at a time while none is , ' " or above 0x7F (which 0xC2 and 0xE2 are). */
static size_t next_mark(const unsigned char *s, size_t i, size_t b)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	for (; i + 8 <= b; i += 8) {
		uint64_t x, c, q, d;
		memcpy(&x, s + i, 8);
		c = x ^ (ones * ',');
		q = x ^ (ones * '\'');
		d = x ^ (ones * '"');
		/* a zero byte of c, q or d sets its high bit (and maybe others
		 * above it): nonzero exactly when one of the bytes is a match */
		if ((((c - ones) & ~c) | ((q - ones) & ~q) | ((d - ones) & ~d) | x) & high)
			break;
	}
	while (i < b && !mark[s[i]])
		i++;
	return i;
}

/* Share of each sentence's bytes inside quotation marks, from the marks
 * alone: ,, „ “ « open, '' ” » close, " toggles; a blank line between
 * sentences closes any open quote. */
static void estimate_quotes(struct summarizer *sz, const struct summary_doc *d)
{
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
			i = next_mark(s, i, b);
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

/* The word classes of the contraction at the start of a sentence: a first
 * word TEXT[ws, we) (FOLDED: lowercased) followed by an apostrophe and
 * letters ("zo'n") is one word to the class lists, not the word before the
 * apostrophe. */
static unsigned first_word_flags(struct summarizer *sz, const char *text, const char *folded,
                                 size_t ws, size_t we, size_t b, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t q = we;
	if (q < b && s[q] == '\'')
		q++;
	else if (q + 2 < b && s[q] == 0xE2 && s[q + 1] == 0x80 && s[q + 2] == 0x99)   /* ’ */
		q += 3;
	else
		return flags;
	size_t pos = q, a2, e2;
	if (!summary_word_next(text, b, &pos, &a2, &e2) || a2 != q)
		return flags;
	unsigned f;
	double idf;
	char buf[64];
	if (e2 - ws >= sizeof buf)
		return 0;
	memcpy(buf, folded, we - ws);
	memcpy(buf + (we - ws), text + we, q - we);
	summary_word_fold(text + q, e2 - q, buf + (q - ws));
	summary_lexicon_lookup(sz->lx, buf, e2 - ws, term_hash(buf, e2 - ws, 0), &f, &idf);
	return f;
}

/* Words, terms and the properties of sentence K. Returns 0 or -1 (no memory). */
static int read_sentence(struct summarizer *sz, const struct summary_doc *d, size_t k)
{
	const unsigned char *s = (const unsigned char *)d->text;
	struct sent *st = &sz->sent[k];
	size_t a = d->spans[k].start, b = d->spans[k].end, pos = a, ws, we;
	unsigned first = 0, second = 0, prev = 0, speech_early = 0;
	int named = 0;
	st->term0 = sz->nsterm;
	/* room for the longest word, and the 8 bytes term_hash_padded
	 * may read past it */
	if (b - a + 8 > sz->word_cap) {
		if (RESERVE(sz->word, sz->word_cap, b - a + 8) < 0)
			return -1;
		memset(sz->word, 0, sz->word_cap);   /* no byte it reads is undefined */
	}
	while (summary_word_next_folded(d->text, b, &pos, &ws, &we, sz->word)) {
		size_t len = we - ws;
		long id = term_id(sz, sz->word, len, term_hash_padded(sz->word, len));
		if (id < 0)
			return -1;
		struct term *t = &sz->term[id];
		unsigned flags = t->flags;
		int upper = is_upper_start(s + ws, len);
		if (t->last != k + 1) {
			if (sz->nsterm >= sz->sterm_cap &&
			    RESERVE(sz->sterm, sz->sterm_cap, sz->nsterm + 1) < 0)
				return -1;
			sz->sterm[sz->nsterm++] = (uint32_t)id;
			t->last = (uint32_t)(k + 1);
			t->sf++;
			st->weight += t->w;
		}
		/* A finite verb: a listed form, or a lowercase word with a verb
		 * ending that no determiner or preposition puts in a noun phrase. */
		if (flags & LEX_VERB) {
			st->verb = 1;
		} else if (!st->verb && !upper && !(prev & (LEX_DETERMINER | LEX_PREPOSITION))) {
			if (t->verb_ending < 0)
				t->verb_ending = summary_lexicon_verb_ending(sz->lx, sz->fold + t->off, t->len);
			st->verb |= t->verb_ending;
		}
		if (s[ws] >= '0' && s[ws] <= '9')
			st->numbers++;
		if (flags & LEX_TIME)
			st->times++;
		if (flags & (LEX_FIRST_PERSON | LEX_SECOND_PERSON))
			st->persons++;
		if ((flags & LEX_SPEECH) && st->words < 3)
			speech_early = 1;
		if (st->words == 0) {
			first = first_word_flags(sz, d->text, sz->word, ws, we, b, flags);
		} else {
			if (st->words == 1)
				second = flags;
			if (upper && !(flags & LEX_STOP) && len > 1) {
				st->names++;
				named = 1;
			}
		}
		if ((flags & LEX_PERSONAL) && !named)
			st->personal_first = 1;
		prev = flags;
		st->words++;
	}
	st->nterm = sz->nsterm - st->term0;
	/* "Hij", "Dat", "Daarmee", "Zijn ploeg", "Maar", "Volgens hem". */
	st->points_back = (first & (LEX_POINTS_BACK | LEX_POSSESSIVE | LEX_CONNECTIVE)) ||
	                  ((first & LEX_PREPOSITION) && (second & LEX_POINTS_BACK));
	st->punct = ends_like_sentence(s, a, b);
	size_t e = trim_closers(s, a, b);
	st->question = e > a && s[e - 1] == '?';
	st->quote_open = opens_with_quote(s, a, b);
	if ((first & LEX_CREDIT) && st->words <= 6 && (!st->verb || !st->punct))
		st->kind = SUMMARY_CAPTION;
	else if ((first & LEX_BYLINE) && st->words <= 6 && !st->punct)
		st->kind = SUMMARY_BYLINE;
	else if (!st->punct && st->words <= 15)
		st->kind = SUMMARY_HEADING;
	else if (speech_early && st->words <= 8 &&
	         (first & (LEX_POINTS_BACK | LEX_CONNECTIVE | LEX_SPEECH)))
		st->kind = SUMMARY_ATTRIBUTION;   /* "Dat meldt ANP.", "zei hij." */
	else if (!st->verb)
		st->kind = SUMMARY_FRAGMENT;
	else if (st->question)
		st->kind = SUMMARY_QUESTION;
	else
		st->kind = SUMMARY_SENTENCE;
	return 0;
}

/* 1 when there is a blank line in TEXT[a, b). */
static int blank_line(const char *text, size_t a, size_t b)
{
	for (size_t i = a; i + 1 < b; i++)
		if (text[i] == '\n') {
			size_t j = i + 1;
			while (j < b && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
				j++;
			if (j < b && text[j] == '\n')
				return 1;
		}
	return 0;
}

/* Paragraphs, captions above credit lines, ranks in the running text and
 * the sentence each one's back-pointer points to. */
static void place_sentences(struct summarizer *sz, const struct summary_doc *d)
{
	size_t rank = 0, last = NONE;
	sz->lead = NONE;
	for (size_t k = 0; k < d->n; k++) {
		struct sent *st = &sz->sent[k];
		st->paragraph_first = k == 0 ||
		                      blank_line(d->text, d->spans[k - 1].end, d->spans[k].start);
		/* The text of a photo caption: what precedes its credit line
		 * ("Beeld ANP") in the same paragraph. */
		if (k + 1 < d->n && sz->sent[k + 1].kind == SUMMARY_CAPTION &&
		    !blank_line(d->text, d->spans[k].end, d->spans[k + 1].start) &&
		    (st->kind == SUMMARY_SENTENCE || st->kind == SUMMARY_FRAGMENT))
			st->kind = SUMMARY_CAPTION;
	}
	for (size_t k = 0; k < d->n; k++) {
		struct sent *st = &sz->sent[k];
		st->antecedent = last;
		if (st->kind == SUMMARY_HEADING || st->kind == SUMMARY_CAPTION ||
		    st->kind == SUMMARY_BYLINE) {
			st->rank = NONE;
			continue;
		}
		st->rank = rank++;
		last = k;
		if (sz->lead == NONE && st->kind == SUMMARY_SENTENCE)
			sz->lead = k;
	}
	sz->running = rank;
}

/* The article type, from the opening (the first sentence of running text):
 * a news report opens with a real sentence that states news facts (a name, a
 * number or a time word), not with a question, a quotation, a personal
 * pronoun before any name, or the first or second person. */
static enum summary_type article_type(const struct summarizer *sz, const struct summary_doc *d)
{
	const struct sent *o = NULL;
	size_t k = 0;
	for (; k < sz->n; k++)
		if (sz->sent[k].rank == 0) {
			o = &sz->sent[k];
			break;
		}
	if (!o || o->kind != SUMMARY_SENTENCE || o->quote_open ||
	    (d->quoted ? d->quoted[k] : o->quoted) >= 0.5 || o->personal_first || o->persons > 0)
		return SUMMARY_FEATURE;
	unsigned names = d->entities ? d->entities[k] : o->names;
	return names > 0 || o->numbers > 0 || o->times > 0 ? SUMMARY_NEWS : SUMMARY_FEATURE;
}

/* Centrality: the weight a sentence shares with the other sentences (each
 * word's weight squared times the number of other sentences that have it),
 * over the sentence's own norm, scaled by the document's maximum: a degree
 * centrality over the graph of sentences joined by shared words, computed
 * through the words. */
static void centrality(struct summarizer *sz)
{
	double maxc = 0;
	for (size_t k = 0; k < sz->n; k++) {
		struct sent *st = &sz->sent[k];
		double c = 0, norm = 0;
		for (size_t j = 0; j < st->nterm; j++) {
			const struct term *t = &sz->term[sz->sterm[st->term0 + j]];
			c += t->w * t->w * (double)(t->sf - 1);
			norm += t->w * t->w;
		}
		st->centrality = norm > 0 ? c / sqrt(norm) : 0;
		if (st->centrality > maxc)
			maxc = st->centrality;
	}
	for (size_t k = 0; k < sz->n && maxc > 0; k++)
		sz->sent[k].centrality /= maxc;
}

static double clip01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* 1 when sentence K states a news fact: a name, a number or a time word,
 * outside a quotation. */
static int states_facts(const struct summarizer *sz, const struct summary_doc *d, size_t k)
{
	const struct sent *st = &sz->sent[k];
	double quoted = d->quoted ? d->quoted[k] : st->quoted;
	unsigned names = d->entities ? d->entities[k] : st->names;
	return st->kind == SUMMARY_SENTENCE && !st->quote_open && quoted < 0.5 &&
	       (names > 0 || st->numbers > 0 || st->times > 0);
}

/* Where the news starts: in a news report, its lead; in a feature, the
 * first sentence after the opening that states news facts (or the lead
 * when none does). Positions count from there. */
static size_t news_start(const struct summarizer *sz, const struct summary_doc *d)
{
	if (sz->type == SUMMARY_NEWS || sz->lead == NONE)
		return sz->lead;
	for (size_t k = sz->lead; k < sz->n; k++)
		if (sz->sent[k].rank != NONE && states_facts(sz, d, k))
			return k;
	return sz->lead;
}

void summary_features(const struct summarizer *sz, const struct summary_doc *d, size_t k,
                      double *x)
{
	int news = sz->type == SUMMARY_NEWS;
	size_t start = sz->start;
	size_t lead_rank = start == NONE ? NONE : sz->sent[start].rank;
	const struct sent *st = &sz->sent[k];
	memset(x, 0, SUMMARY_NFEATURES * sizeof *x);
	if (st->rank != NONE) {
		double lead = k == start;
		double next = lead_rank != NONE && st->rank == lead_rank + 1;
		double position = lead_rank == NONE ? exp2(-(double)st->rank / 4) :
		                   st->rank >= lead_rank ?
		                   exp2(-(double)(st->rank - lead_rank) / 4) : 0;
		x[news ? SF_LEAD_NEWS : SF_LEAD_FEATURE] = lead;
		x[news ? SF_NEXT_NEWS : SF_NEXT_FEATURE] = next;
		x[news ? SF_POSITION_NEWS : SF_POSITION_FEATURE] = position;
		x[SF_DEPTH] = exp2(-(double)st->rank / 16);
	}
	double quoted = d->quoted ? d->quoted[k] : st->quoted;
	x[SF_PARAGRAPH] = st->paragraph_first;
	x[SF_CENTRALITY] = st->centrality;
	x[SF_NUMBERS] = clip01(st->numbers / 2.0);
	x[SF_TIME] = st->times > 0;
	x[SF_LENGTH] = clip01(st->words / 25.0);
	x[SF_QUOTED] = clip01(quoted);
}

static void features(struct summarizer *sz, const struct summary_doc *d)
{
	sz->start = news_start(sz, d);
	for (size_t k = 0; k < sz->n; k++) {
		struct sent *st = &sz->sent[k];
		double x[SUMMARY_NFEATURES];
		summary_features(sz, d, k, x);
		st->mostly_quoted = x[SF_QUOTED] >= 0.5;
		st->base = summary_model_score(&sz->model, x);
	}
}

int summary_analyse(struct summarizer *sz, const struct summary_doc *d)
{
	sz->n = 0;
	for (size_t t = 0; t < sz->nterm; t++)   /* empty the index in O(terms) */
		sz->index[sz->term[t].slot].id = -1;
	sz->nterm = sz->nsterm = sz->nheap = sz->nfold = 0;
	if (RESERVE(sz->sent, sz->sent_cap, d->n + 1) < 0)
		return -1;
	memset(sz->sent, 0, d->n * sizeof *sz->sent);
	sz->n = d->n;
	if (!d->quoted)
		estimate_quotes(sz, d);
	for (size_t k = 0; k < d->n; k++)
		if (read_sentence(sz, d, k) < 0)
			return -1;
	place_sentences(sz, d);
	sz->type = article_type(sz, d);
	centrality(sz);
	features(sz, d);
	return 0;
}
