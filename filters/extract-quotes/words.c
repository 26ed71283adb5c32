/* words.c — tokens and sentence boundaries for extract-quotes (see
 * mentions.h): each quotation is one token of the sentence around it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mentions.h"
#include "utf8.h"

/* --- characters and tokens --------------------------------------------- */


int32_t quotes_cp_at(const char *s, size_t len, size_t i, int *n)
{
	int32_t c;
	*n = utf8_decode(s + i, len - i, &c);
	if (*n < 1) {
		*n = 1;
		return 0xFFFD;
	}
	return c;
}

int quotes_is_letter(int32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if ((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
	    (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD)
		return 0;
	return 1;
}

int quotes_is_upper(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) == 0;
	if (c >= 0x391 && c <= 0x3A9)
		return 1;
	if (c >= 0x410 && c <= 0x42F)
		return 1;
	return 0;
}

static int is_digit_byte(char c)
{
	return c >= '0' && c <= '9';
}

size_t quotes_tok_lower(const struct doc *d, const struct token *t, char *buf, size_t cap)
{
	size_t n = t->end - t->start;
	if (n >= cap)
		return 0;
	const unsigned char *s = (const unsigned char *)d->text + t->start;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		else if (c >= 0x80 && c <= 0x9E && i > 0 && s[i - 1] == 0xC3 && c != 0x97)
			c += 0x20;
		buf[i] = (char)c;
	}
	buf[n] = 0;
	return n;
}

int quotes_tok_has(const struct doc *d, size_t t, unsigned bits)
{
	return t < d->ntok && (d->tok[t].flags & TK_WORD) && (d->tok[t].lex & bits);
}

int quotes_tok_is(const struct doc *d, size_t t, char c)
{
	return t < d->ntok && d->tok[t].end - d->tok[t].start == 1 && d->text[d->tok[t].start] == c;
}

static int push_token(struct doc *d, size_t start, size_t end, unsigned flags, int quote)
{
	if (d->ntok == d->tokcap) {
		size_t cap = d->tokcap ? d->tokcap * 2 : 256;
		struct token *t = realloc(d->tok, cap * sizeof *t);
		if (!t)
			return -1;
		d->tok = t;
		d->tokcap = cap;
	}
	struct token *t = &d->tok[d->ntok++];
	*t = (struct token){ start, end, flags, 0, 0, quote, -1, 0 };
	if (flags & TK_WORD) {
		char buf[64];
		size_t n = quotes_tok_lower(d, t, buf, sizeof buf);
		if (n) {
			t->lex = quotes_word_class(d->lx, buf, n, (flags & TK_CAP) != 0);
		}
	}
	return 0;
}

/* Bytes of letters from I on: ASCII fast, other code points decoded. */
static size_t letters_end(const char *s, size_t len, size_t i)
{
	int n;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
				break;
			i++;
		} else if (quotes_is_letter(quotes_cp_at(s, len, i, &n))) {
			i += (size_t)n;
		} else {
			break;
		}
	}
	return i;
}

int quotes_apostrophe_at(const char *s, size_t len, size_t i, size_t *n)
{
	if (s[i] == '\'') {
		*n = 1;
		return 1;
	}
	if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
		*n = 3;
		return 1;
	}
	return 0;
}

/* One word starting at I: letters, inner hyphens and apostrophes, a leading
 * apostrophe ('t), and dotted short segments (M.C., o.a.). */
static size_t scan_word(const struct doc *d, const struct quotes_lexicon *lx, size_t i,
                        unsigned *flags)
{
	const char *s = d->text;
	size_t len = d->len, j = i, an;
	int n;
	if (quotes_apostrophe_at(s, len, j, &an))
		j += an;
	j = letters_end(s, len, j);
	for (;;) {
		size_t k = j;
		if (k < len && s[k] == '-')
			k++;
		else if (k < len && quotes_apostrophe_at(s, len, k, &an))
			k += an;
		else
			break;
		if (k < len && quotes_is_letter(quotes_cp_at(s, len, k, &n))) {
			j = letters_end(s, len, k);
		} else {
			break;
		}
	}
	int32_t c0 = quotes_cp_at(s, len, i, &n);
	*flags = TK_WORD | (quotes_is_upper(c0) ? TK_CAP : 0);
	/* Dotted segments of one letter each: initials and short abbreviations. */
	if (j - i == 1 && j < len && s[j] == '.' && !is_digit_byte(s[i])) {
		j++;
		while (j + 1 < len && quotes_is_letter((unsigned char)s[j]) && s[j + 1] == '.' &&
		       (j + 2 == len || !quotes_is_letter((unsigned char)s[j + 2])))
			j += 2;
		if (*flags & TK_CAP)
			*flags |= TK_INITIAL;
		return j;
	}
	if (j < len && s[j] == '.' && lx->abbreviations && j - i < 32) {
		char buf[32];
		struct token t = { i, j, 0, 0, 0, 0, 0, 0 };
		size_t bn = quotes_tok_lower(d, &t, buf, sizeof buf);
		if (bn && wordset_has(lx->abbreviations, buf, bn))
			j++;
	}
	/* A capitalised compound with a lower-case tail is a noun (NAVO-chef). */
	if (*flags & TK_CAP) {
		const char *dash = NULL;
		for (size_t k = i; k < j; k++)
			if (s[k] == '-')
				dash = s + k;
		if (dash && dash + 1 < s + j && !quotes_is_upper(quotes_cp_at(s, len, (size_t)(dash + 1 - s), &n)))
			*flags |= TK_HYPHEN_ROLE;
	}
	return j;
}

static int blank_line(const char *s, size_t len, size_t i, size_t end)
{
	int nl = 0;
	for (; i < end && i < len; i++)
		nl += s[i] == '\n';
	return nl >= 2;
}

int quotes_tokenize(struct doc *d, const struct quotes_lexicon *lx,
                         const struct quote_span *q, size_t nq)
{
	const char *s = d->text;
	size_t len = d->len, i = 0, qi = 0, last_end = 0;
	int para = 0, first = 1;
	/* Nothing after the paragraph of the last quotation is needed. */
	if (nq > 0 && !d->whole_text) {
		const char *end = s + q[nq - 1].close_end, *p;
		while ((p = memchr(end, '\n', (size_t)(s + len - end))) != NULL) {
			size_t k = (size_t)(p - s) + 1;
			while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
				k++;
			if (k < len && s[k] == '\n') {
				len = (size_t)(p - s);
				break;
			}
			end = p + 1;
		}
	}
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		int n;
		int32_t cp = quotes_cp_at(s, len, i, &n);
		if (cp == 0xA0) {
			i += (size_t)n;
			continue;
		}
		unsigned pflags = 0;
		if (first || blank_line(s, len, last_end, i)) {
			pflags = TK_PARA | TK_SENT;
			para += !first;
			first = 0;
		}
		size_t end;
		unsigned flags;
		int quote = -1;
		if (qi < nq && i >= q[qi].open) {
			end = q[qi].close_end > i ? q[qi].close_end : i + 1;
			flags = TK_QUOTE;
			quote = (int)qi++;
		} else if (quotes_is_letter(cp) || (c == '\'' && i + 1 < len && quotes_is_letter((unsigned char)s[i + 1]))) {
			end = scan_word(d, lx, i, &flags);
		} else {
			end = i + (size_t)n;
			flags = TK_PUNCT;
		}
		if (qi < nq && end > q[qi].open && !(flags & TK_QUOTE))
			end = q[qi].open > i ? q[qi].open : i + 1;
		if (push_token(d, i, end, flags | pflags, quote) < 0)
			return -1;
		d->tok[d->ntok - 1].para = para;
		last_end = i = end;
	}
	return 0;
}

/* Last byte of the quotation's text ends a sentence (. ! ? …). */
static int quote_ends_sentence(const struct doc *d, const struct quote_span *q)
{
	if (q->end == q->start)
		return 0;
	size_t e = q->end;
	while (e > q->start && (d->text[e - 1] == ')' || d->text[e - 1] == ' '))
		e--;
	char c = d->text[e - 1];
	if (c == '.' || c == '!' || c == '?')
		return 1;
	return e >= 3 && memcmp(d->text + e - 3, "\xE2\x80\xA6", 3) == 0;
}

void quotes_mark_sentences(struct doc *d, const struct quote_span *q,
                           const size_t *starts, size_t nstarts)
{
	size_t si = 0;
	int sent = 0;
	for (size_t t = 0; t < d->ntok; t++) {
		struct token *k = &d->tok[t];
		if (t > 0) {
			struct token *p = &d->tok[t - 1];
			size_t an;
			int next_opens = (k->flags & (TK_CAP | TK_QUOTE)) ||
			                 ((k->flags & TK_WORD) && is_digit_byte(d->text[k->start])) ||
			                 ((k->flags & TK_WORD) && quotes_apostrophe_at(d->text, d->len, k->start, &an) &&
			                  t + 1 < d->ntok && (d->tok[t + 1].flags & TK_CAP));   /* 's Avonds */
			if ((p->flags & TK_PUNCT) && next_opens &&
			    (quotes_tok_is(d, t - 1, '.') || quotes_tok_is(d, t - 1, '!') || quotes_tok_is(d, t - 1, '?') ||
			     (p->end - p->start == 3 && memcmp(d->text + p->start, "\xE2\x80\xA6", 3) == 0)))
				k->flags |= TK_SENT;
			if ((p->flags & TK_QUOTE) && next_opens && quote_ends_sentence(d, &q[p->quote]))
				k->flags |= TK_SENT;
			/* A quotation opening right after a sentence-ending word
			 * glued to it (",,Ja.'' Hij ...") is handled above. */
		}
		while (si < nstarts && starts[si] < k->start)
			si++;
		if (si < nstarts && starts[si] == k->start)
			k->flags |= TK_SENT;
		if (t > 0 && (k->flags & TK_SENT))
			sent++;
		k->sent = sent;
	}
}

/* Every word of TEXT[START, END) that is not a function word or particle
 * is capitalised, and the first is: a name or a title ("Kuifje", "De
 * Bruegel van het Beeldverhaal"), not a fragment of speech. */
int quotes_is_title_case(const struct doc *d, size_t start, size_t end)
{
	const char *s = d->text;
	size_t i = start;
	int first = 1;
	while (i < end) {
		while (i < end && (s[i] == ' ' || s[i] == '\n'))
			i++;
		size_t w = i;
		while (i < end && s[i] != ' ' && s[i] != '\n')
			i++;
		if (w == i)
			break;
		int n;
		int32_t c = quotes_cp_at(s, end, w, &n);
		if (!quotes_is_letter(c))
			continue;
		if (quotes_is_upper(c)) {
			first = 0;
			continue;
		}
		if (first)
			return 0;
		char low[64];
		size_t k = 0;
		while (w + k < i && k < sizeof low && quotes_is_letter((unsigned char)s[w + k]))
			low[k] = s[w + k], k++;
		if (k == 0 || k == sizeof low || !(quotes_word_class(d->lx, low, k, 0) & (LX_FUNCTION | LX_PARTICLE)))
			return 0;
	}
	return !first;
}
