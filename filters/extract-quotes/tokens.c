/* tokens.c — reading the text into the window of doc.h, block by block:
 * tokens (common/tokenize.h between the quotations, each quotation one
 * token), their word classes, sentences and paragraphs. Each block is a
 * paragraph, or a slice of BLOCK_BYTES or so of a very long one, so that
 * the window stays small whatever the text. A paragraph opened by a dash
 * is turned into dialogue by dialogue.c.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "tokenize.h"
#include "utf8.h"
#include "wordclass.h"

enum { BLOCK_BYTES = 16384 };

/* --- small helpers ------------------------------------------------------- */

int doc_punct(const struct doc *d, size_t t, char c)
{
	if (!doc_has(d, t))
		return 0;
	const struct qtoken *k = doc_tok(d, t);
	return k->end - k->start == 1 && d->text[k->start] == c && !(k->flags & TK_QUOTE);
}

int doc_same_sentence(const struct doc *d, size_t a, size_t b)
{
	return doc_has(d, a) && doc_has(d, b) && doc_tok(d, a)->sent == doc_tok(d, b)->sent;
}

/* The code points in S[FROM, TO) (common/utf8.h). */
static inline size_t count_cp(const char *s, size_t from, size_t to)
{
	return utf8_count_cp(s + from, to - from);
}

/* The first byte of S[FROM, TO) that is not ASCII, or TO. */
static size_t ascii_until(const char *s, size_t from, size_t to)
{
	size_t i = from;
	for (; i + 8 <= to; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (x & 0x8080808080808080ULL)
			break;
	}
	while (i < to && !((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

/* Code points counted up to byte START (at or after d->cp_byte): between
 * the tokens of plain ASCII stretches, the bytes are the code points; the
 * next byte that is not ASCII is looked for once per stretch. */
static void count_to(struct doc *d, size_t start)
{
	if (start >= d->cp_byte && start <= d->ascii_end) {
		d->cp_count += start - d->cp_byte;
	} else {
		d->cp_count += count_cp(d->text, d->cp_byte, start);
		if (start < d->len)
			d->ascii_end = ascii_until(d->text, start, d->len);
	}
	d->cp_byte = start;
}

uint32_t doc_cp_of(const struct doc *d, size_t t, size_t b)
{
	const struct qtoken *k = doc_tok(d, t);
	return k->cp + (uint32_t)count_cp(d->text, k->start, b);
}

struct xspan doc_span(const struct doc *d, size_t first, size_t last)
{
	const struct qtoken *a = doc_tok(d, first), *b = doc_tok(d, last);
	return (struct xspan){ a->start, b->end, a->cp, doc_cp_of(d, last, b->end) };
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* --- the window ---------------------------------------------------------- */

int doc_begin(struct doc *d, const struct quotes_lexicon *lx, const struct quote_marks *marks,
              const char *text, size_t len, const size_t *sent_starts, size_t nsent,
              const struct entity_hint *hints, size_t nhints, int whole)
{
	if (doc_memo_alloc(d) < 0)
		return -1;
	d->lx = lx;
	d->marks = marks;
	d->text = text;
	d->len = len;
	if (d->tok)
		d->tok -= d->tok_off;   /* the window back to its allocation's start */
	d->tok_off = 0;
	d->tok_base = d->ntok = 0;
	d->men_base = d->nmen = 0;
	d->q_base = d->nq = 0;
	d->nper = 0;
	d->newest = -1;
	d->narrator = -1;
	if (d->nkeys)   /* (no key in it: the map is empty already) */
		memset(d->key_of, 0, d->keycap * sizeof *d->key_of);
	d->nkeys = 0;
	d->pos_scan = d->para_end = d->last_end = 0;
	d->cp_byte = d->cp_count = d->ascii_end = 0;
	d->para = d->sent = 0;
	d->sent_starts = sent_starts;
	d->nsent_starts = nsent;
	d->sent_i = 0;
	d->hints = hints;
	d->nhints = nhints;
	d->hint_i = 0;
	d->block_start = 0;
	d->men_done = 0;
	d->ended = 0;
	d->whole = whole;
	d->tail_blocks = 0;
	d->last_dash_para = -2;
	quote_scan_init(&d->scan, marks, text, len);
	d->have_next_quote = quote_scan_next(&d->scan, &d->next_quote);
	d->next_dash = SIZE_MAX;
	d->dash_from = 0;
	if (!whole && !d->have_next_quote && doc_next_dash_paragraph(d, 0) == SIZE_MAX) {
		d->ended = 1;   /* no quotation: nothing to read */
		return 0;
	}
	return doc_prepass(d);
}

/* The allocation the window's tokens lie in. */
static struct qtoken *tok_alloc(const struct doc *d)
{
	return d->tok ? d->tok - d->tok_off : NULL;
}

/* Move the window's tokens to the start of their allocation. */
static void tok_compact(struct doc *d)
{
	if (!d->tok_off)
		return;
	struct qtoken *mem = tok_alloc(d);
	memmove(mem, d->tok, d->ntok * sizeof *d->tok);
	d->tok = mem;
	d->tok_off = 0;
}

void doc_free(struct doc *d)
{
	free(tok_alloc(d));
	free(d->memo);
	free(d->men);
	free(d->q);
	free(d->per);
	free(d->key_head);
	free(d->key_of);
	free(d->free_names);
	free(d->free_count);
	free(d->free_first);
	free(d->free_used);
	memset(d, 0, sizeof *d);
}

void doc_release(struct doc *d)
{
	enum { KEEP = 1 << 16 };
	if (d->tokcap > KEEP) {
		free(tok_alloc(d));
		d->tok = NULL;
		d->tokcap = d->ntok = d->tok_off = 0;
	}
	if (d->mencap > KEEP) {
		free(d->men);
		d->men = NULL;
		d->mencap = d->nmen = 0;
	}
	if (d->qcap > KEEP) {
		free(d->q);
		d->q = NULL;
		d->qcap = d->nq = 0;
	}
	if (d->percap > KEEP) {
		free(d->per);
		d->per = NULL;
		d->percap = d->nper = 0;
	}
	if (d->keycap > KEEP) {
		free(d->key_of);
		free(d->key_head);
		d->key_of = NULL;
		d->key_head = NULL;
		d->keycap = d->nkeys = 0;
	}
	if (d->free_alloc > KEEP) {
		free(d->free_names);
		free(d->free_count);
		free(d->free_first);
		free(d->free_used);
		d->free_names = NULL;
		d->free_count = NULL;
		d->free_first = NULL;
		d->free_used = NULL;
		d->free_alloc = d->free_cap = d->free_n = 0;
	}
}

void doc_drop(struct doc *d, size_t t)
{
	if (d->ntok && t >= doc_end(d))
		t = doc_end(d) - 1;   /* the last token stays: the next one is
		                         marked against it */
	if (t <= d->tok_base)
		return;
	size_t k = t - d->tok_base;
	/* the tokens before T are left where they lie (push_token moves the
	 * window back when the allocation is full and they are as many) */
	d->tok += k;
	d->tok_off += k;
	d->ntok -= k;
	d->tok_base = t;
	size_t m = 0;
	while (m < d->nmen && (size_t)d->men[m].first < t)
		m++;
	if (m)
		memmove(d->men, d->men + m, (d->nmen - m) * sizeof *d->men);
	d->nmen -= m;
	d->men_base += m;
	size_t q = 0;
	while (q < d->nq && (size_t)d->q[q].tok < t)
		q++;
	if (q)   /* (never with no array: memmove of a null pointer) */
		memmove(d->q, d->q + q, (d->nq - q) * sizeof *d->q);
	d->nq -= q;
	d->q_base += q;
	/* people keep their latest mention's span; the mention itself may be
	 * gone (person.last_mention < men_base: see doc_has_mention) */
	/* give back the memory of an unusually long stretch */
	if (d->tokcap > 65536 && d->ntok < d->tokcap / 8) {
		tok_compact(d);
		struct qtoken *nt = realloc(d->tok, (d->ntok + 1024) * sizeof *nt);
		if (nt) {
			d->tok = nt;
			d->tokcap = d->ntok + 1024;
		}
	}
}

static struct qtoken *push_token(struct doc *d, size_t start, size_t end, uint32_t flags)
{
	if (d->tok_off + d->ntok == d->tokcap) {
		/* full: move the window back over the dropped tokens when they
		 * are at least as many (each token is moved once for one
		 * dropped), else grow */
		if (d->tok_off && d->tok_off >= d->ntok) {
			tok_compact(d);
		} else {
			struct qtoken *mem = tok_alloc(d);
			if (grow_array((void **)&mem, &d->tokcap, d->tok_off + d->ntok + 1, sizeof *mem) < 0)
				return NULL;
			d->tok = mem + d->tok_off;
		}
	}
	struct qtoken *k = &d->tok[d->ntok++];
	count_to(d, start);
	*k = (struct qtoken){ .start = (uint32_t)start, .end = (uint32_t)end,
	                     .cp = (uint32_t)d->cp_count, .mention = -1, .quote = -1, .flags = flags,
	                     .memo = NO_MEMO };
	return k;
}

/* A paragraph break (doc_para_break) in the white space [A, B): a long
 * stretch by memchr, out of line. */
static int para_between_long(const char *s, size_t len, size_t a, size_t b)
{
	for (const char *p; a < b && (p = memchr(s + a, '\n', b - a)) != NULL; a = (size_t)(p - s) + 1)
		if (doc_para_break(s, len, (size_t)(p - s)))
			return 1;
	return 0;
}

/* The same, inline for the gaps of most tokens: a space or none. */
__attribute__((always_inline)) static inline int para_between(const char *s, size_t len, size_t a, size_t b)
{
	if (b - a > 8)
		return para_between_long(s, len, a, b);
	for (size_t i = a; i < b; i++)
		if (s[i] == '\n' && doc_para_break(s, len, i))
			return 1;
	return 0;
}

/* The quoted text of Q ends a sentence (. ! ? …). */
static int quote_ends_sentence(const char *s, const struct quote_span *q)
{
	size_t e = q->end;
	while (e > q->start && (s[e - 1] == ')' || s[e - 1] == ' '))
		e--;
	if (e == q->start)
		return 0;
	char c = s[e - 1];
	if (c == '.' || c == '!' || c == '?')
		return 1;
	return e - q->start >= 3 && memcmp(s + e - 3, "\xE2\x80\xA6", 3) == 0;
}

/* Tokens of the text [A, B) between quotations. */
static int add_words(struct doc *d, size_t a, size_t b)
{
	static struct token_list tl;   /* reused; tokens of one stretch */
	tl.n = 0;
	if (tokenize(d->text + a, b - a, a, &tl) == (size_t)-1)
		return -1;
	for (size_t i = 0; i < tl.n; i++) {
		size_t start = tl.tok[i].start, end = tl.tok[i].end;
		uint32_t flags;
		switch (tl.tok[i].kind) {
		case TOK_WORD:
			flags = TK_WORD;
			break;
		case TOK_NUMBER:
			flags = TK_WORD | TK_NUMBER;
			break;
		case TOK_OTHER:
			flags = ascii_letter((unsigned char)d->text[start]) ? TK_WORD : TK_PUNCT;
			break;
		default:
			flags = TK_PUNCT;
		}
		/* A listed abbreviation takes its full stop (dhr., prof.). */
		if ((flags & TK_WORD) && i + 1 < tl.n && tl.tok[i + 1].start == end &&
		    d->text[end] == '.' && tl.tok[i + 1].end == end + 1 && end - start < 16 &&
		    d->lx->abbr_shape[end - start][(unsigned char)d->text[start]]) {
			char low[16];
			wordclass_fold(d->text + start, end - start, low);
			if (wordclass_get(d->lx->wc, low, end - start) & (LX_ABBREV | LX_TITLE)) {
				end++;
				i++;
				flags |= TK_ABBR;
			}
		}
		if ((flags & TK_WORD) && end - start == 2 && (d->text[start + 1] == '.') &&
		    wordclass_is_upper(d->text + start, 1))
			flags |= TK_INITIAL;
		else if ((flags & TK_WORD) && end - start >= 3 && d->text[end - 1] == '.' &&
		         !(flags & TK_ABBR) && wordclass_is_upper(d->text + start, 1))
			flags |= TK_INITIAL;   /* M.C., J.P. */
		if ((flags & TK_WORD) && (d->text[start] == '\'' ||
		                          (unsigned char)d->text[start] == 0xE2))
			flags |= TK_ELISION;
		if ((flags & TK_PUNCT) && (d->text[start] == '-' ||
		    (end - start >= 3 && (unsigned char)d->text[start] == 0xE2 &&
		     (unsigned char)d->text[start + 1] == 0x80 &&
		     ((unsigned char)d->text[start + 2] >= 0x93 && (unsigned char)d->text[start + 2] <= 0x95))))
			flags |= TK_DASH;
		/* "had-ie", "zei-ie": the clitic pronoun is a word of its own */
		size_t clitic = 0;
		if ((flags & TK_WORD) && end - start >= 5 && d->text[end - 3] == '-' &&
		    (d->text[end - 2] | 0x20) == 'i' && (d->text[end - 1] | 0x20) == 'e')
			clitic = 3;
		struct qtoken *k = push_token(d, start, end - clitic, flags);
		if (!k)
			return -1;
		if (flags & TK_WORD)
			doc_classify(d, k);
		if (clitic) {
			if (!(k = push_token(d, end - clitic, end, TK_WORD)))
				return -1;
			doc_classify(d, k);
		}
	}
	return 0;
}

/* Sentence and paragraph marks of token T (just added). */
__attribute__((always_inline)) static inline void mark_token(struct doc *d, size_t t, size_t gap_from)
{
	struct qtoken *k = doc_tok(d, t);
	int first = t == 0;
	if (first || para_between(d->text, d->len, gap_from, k->start)) {
		k->flags |= TK_PARA | TK_SENT;
		if (!first)
			d->para++;
	}
	if (!first && !(k->flags & TK_SENT)) {
		struct qtoken *p = doc_tok(d, t - 1);
		int opens = (k->flags & (TK_CAP | TK_QUOTE | TK_NUMBER | TK_DASH)) != 0;
		if (opens && (p->flags & TK_PUNCT) && !(p->flags & TK_QUOTE)) {
			const char *ps = d->text + p->start;
			size_t pn = p->end - p->start;
			if (ps[0] == '.' || ps[0] == '!' || ps[0] == '?' ||
			    (pn >= 3 && memcmp(ps, "\xE2\x80\xA6", 3) == 0))
				k->flags |= TK_SENT;
		}
		if (opens && (p->flags & TK_QUOTE) && quote_ends_sentence(d->text, &doc_quote(d, (size_t)p->quote)->span))
			k->flags |= TK_SENT;
		/* "'s Avonds": the elision after a full stop opens it */
		if ((k->flags & TK_CAP) && (p->flags & TK_ELISION) && t >= 2 && doc_has(d, t - 2) &&
		    !(p->flags & TK_SENT)) {
			struct qtoken *pp = doc_tok(d, t - 2);
			if ((pp->flags & TK_PUNCT) && strchr(".!?", d->text[pp->start])) {
				p->flags |= TK_SENT;
				p->sent = ++d->sent;
				p->sent_first = (uint32_t)(t - 1);
				k->sent_first = (uint32_t)(t - 1);
			}
		}
	}
	while (d->sent_i < d->nsent_starts && d->sent_starts[d->sent_i] < k->start)
		d->sent_i++;
	if (d->sent_i < d->nsent_starts && d->sent_starts[d->sent_i] == k->start)
		k->flags |= TK_SENT;
	if ((k->flags & TK_SENT) && !first)
		d->sent++;
	k->sent = d->sent;
	k->para = d->para;
	k->sent_first = (k->flags & TK_SENT) ? (uint32_t)t : doc_tok(d, t - 1)->sent_first;
}

static int push_quote(struct doc *d, const struct quote_span *q, int dash)
{
	if (grow_array((void **)&d->q, &d->qcap, d->nq + 1, sizeof *d->q) < 0)
		return -1;
	struct wquote *w = &d->q[d->nq++];
	*w = (struct wquote){ .span = *q, .dash = dash, .subject = -1, .person = -1, .vocative = -1,
	                      .merged_into = -1 };
	return 0;
}

/* The end of the paragraph that holds byte POS: the first blank line
 * after it, or the end of the text. */
static size_t paragraph_end(const struct doc *d, size_t pos)
{
	const char *s = d->text, *p;
	size_t i = pos;
	while ((p = memchr(s + i, '\n', d->len - i)) != NULL) {
		if (doc_para_break(s, d->len, (size_t)(p - s)))
			return (size_t)(p - s);
		i = (size_t)(p - s) + 1;
	}
	return d->len;
}

long doc_feed(struct doc *d)
{
	/* past the last quotation one block is enough: the look-ahead of
	 * its attribution */
	if (!d->ended && !d->whole && !d->have_next_quote &&
	    doc_next_dash_paragraph(d, d->pos_scan) == SIZE_MAX && d->tail_blocks++ >= 1)
		d->ended = 1;
	if (d->ended)
		return 0;
	size_t first_tok = doc_end(d);
	size_t q0 = d->q_base + d->nq;
	const char *s = d->text;
	/* skip white space to the next token */
	size_t a = d->pos_scan;
	while (a < d->len && is_space((unsigned char)s[a]))
		a++;
	if (a >= d->len) {
		d->ended = 1;
		return 0;
	}
	if (d->para_end <= a)
		d->para_end = paragraph_end(d, a);
	size_t b = d->para_end;
	if (b - a > BLOCK_BYTES) {
		/* a slice of a long paragraph, cut after a full stop and a
		 * space when there is one soon, else at a space */
		size_t c = a + BLOCK_BYTES;
		size_t lim = c + BLOCK_BYTES / 4 < b ? c + BLOCK_BYTES / 4 : b;
		while (c < lim && !(is_space((unsigned char)s[c]) && (s[c - 1] == '.' || s[c - 1] == '?' ||
		                                                      s[c - 1] == '!')))
			c++;
		if (c >= lim) {
			c = a + BLOCK_BYTES;
			while (c < b && !is_space((unsigned char)s[c]))
				c++;
		}
		b = c;
	}
	size_t gap = d->last_end;
	while (a < b) {
		/* quotations opening in the block; one opening before A is gone
		 * (it lay inside a dash dialogue) */
		while (d->have_next_quote && d->next_quote.open < a)
			d->have_next_quote = quote_scan_next(&d->scan, &d->next_quote);
		size_t stop = d->have_next_quote && d->next_quote.open < b ? d->next_quote.open : b;
		size_t before = doc_end(d);
		if (stop > a && add_words(d, a, stop) < 0)
			return -1;
		for (size_t t = before; t < doc_end(d); t++) {
			mark_token(d, t, gap);
			gap = doc_tok(d, t)->end;
		}
		a = stop;
		if (a < b) {
			struct quote_span q = d->next_quote;
			if (push_quote(d, &q, 0) < 0)
				return -1;
			size_t end = q.close_end > q.open ? q.close_end : q.open + 1;
			struct qtoken *k = push_token(d, q.open, end, TK_QUOTE);
			if (!k)
				return -1;
			k->quote = (int32_t)(d->q_base + d->nq - 1);
			d->q[d->nq - 1].tok = (int32_t)(doc_end(d) - 1);
			mark_token(d, doc_end(d) - 1, gap);
			gap = end;
			a = end;
			if (a > b)
				b = a;   /* the block ends after the quotation */
			d->have_next_quote = quote_scan_next(&d->scan, &d->next_quote);
		}
	}
	d->pos_scan = b;
	d->last_end = gap;
	size_t last_tok = doc_end(d);
	if (b >= d->para_end && first_tok < last_tok && (doc_tok(d, first_tok)->flags & TK_PARA))
		if (doc_dash_dialogue(d, first_tok) < 0)
			return -1;
	last_tok = doc_end(d);
	/* code points of the quotations */
	for (size_t qi = q0; qi < d->q_base + d->nq; qi++) {
		struct wquote *w = doc_quote(d, qi);
		w->start_cp = doc_cp_of(d, (size_t)w->tok, w->span.start);
		w->end_cp = doc_cp_of(d, (size_t)w->tok, w->span.end);
	}
	d->block_start = first_tok;
	return (long)(last_tok - first_tok);
}
