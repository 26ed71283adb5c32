/* quotes.c — see quotes.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lang.h"
#include "quotes.h"
#include "utf8.h"

#define MAX_MARKS 32
#define MARK_BYTES 8

struct quote_marks {
	char mark[MAX_MARKS][MARK_BYTES];
	size_t len[MAX_MARKS];
	int n;
	unsigned char opens[MAX_MARKS], closes[MAX_MARKS];
	unsigned char pairs[MAX_MARKS][MAX_MARKS]; /* [open][close] */
	unsigned char first[256];   /* first bytes of marks, and '\n' */
	struct wordset *elisions;
};

enum cls { C_NONE, C_SPACE, C_WORD, C_PUNCT };

static enum cls class_of(int32_t c)
{
	if (c < 0)
		return C_NONE;
	if (c < 0x80) {
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			return C_SPACE;
		if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return C_WORD;
		return C_PUNCT;
	}
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000)
		return C_SPACE;
	if ((c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2010 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F))
		return C_PUNCT;
	return C_WORD;
}

/* The code point ending at byte POS (C_NONE at the start). */
static int32_t cp_before(const char *s, size_t pos)
{
	if (pos == 0)
		return -1;
	size_t i = pos - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && pos - i < 4)
		i--;
	int32_t c;
	if (utf8_decode(s + i, pos - i, &c) < 0)
		return 0xFFFD;
	return c;
}

static int32_t cp_at(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return -1;
	int32_t c;
	if (utf8_decode(s + pos, len - pos, &c) < 0)
		return 0xFFFD;
	return c;
}

static int find_mark(const struct quote_marks *qm, const char *m, size_t len)
{
	for (int i = 0; i < qm->n; i++)
		if (qm->len[i] == len && memcmp(qm->mark[i], m, len) == 0)
			return i;
	return -1;
}

static int add_mark(struct quote_marks *qm, const char *m, size_t len)
{
	int i = find_mark(qm, m, len);
	if (i >= 0)
		return i;
	if (qm->n == MAX_MARKS || len == 0 || len >= MARK_BYTES)
		return -1;
	i = qm->n++;
	memcpy(qm->mark[i], m, len);
	qm->len[i] = len;
	qm->first[(unsigned char)m[0]] = 1;
	return i;
}

static void add_pair_line(const char *line, size_t len, void *ctx)
{
	struct quote_marks *qm = ctx;
	const char *sp = memchr(line, ' ', len);
	if (!sp || sp == line || sp + 1 >= line + len)
		return;
	int o = add_mark(qm, line, (size_t)(sp - line));
	int c = add_mark(qm, sp + 1, (size_t)(line + len - sp - 1));
	if (o < 0 || c < 0)
		return;
	qm->opens[o] = qm->closes[c] = 1;
	qm->pairs[o][c] = 1;
}

static void add_elision(const char *line, size_t len, void *ctx)
{
	wordset_add(ctx, line, len);
}

static struct quote_marks *marks_new(void)
{
	struct quote_marks *qm = calloc(1, sizeof *qm);
	if (!qm)
		return NULL;
	qm->elisions = wordset_new();
	if (!qm->elisions) {
		free(qm);
		return NULL;
	}
	qm->first['\n'] = 1;
	return qm;
}

/* Call FN for each trimmed, non-comment line of TEXT (for tests). */
static void each_line(const char *text, void (*fn)(const char *, size_t, void *), void *ctx)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		const char *b = text, *e = text + n;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (e > b && *b != '#')
			fn(b, (size_t)(e - b), ctx);
		text = nl ? nl + 1 : text + n;
	}
}

struct quote_marks *quote_marks_from(const char *pairs, const char *elisions)
{
	struct quote_marks *qm = marks_new();
	if (!qm)
		return NULL;
	each_line(pairs, add_pair_line, qm);
	each_line(elisions, add_elision, qm->elisions);
	if (qm->n == 0) {
		quote_marks_free(qm);
		return NULL;
	}
	return qm;
}

struct quote_marks *quote_marks_load(void)
{
	struct quote_marks *qm = marks_new();
	if (!qm)
		return NULL;
	if (lang_each_line("nl/quotes-marks.txt", add_pair_line, qm) <= 0 || qm->n == 0) {
		fprintf(stderr, "extract-quotes: language file nl/quotes-marks.txt is missing or empty\n");
		quote_marks_free(qm);
		return NULL;
	}
	lang_each_line("nl/quotes-elisions.txt", add_elision, qm->elisions);
	return qm;
}

void quote_marks_free(struct quote_marks *qm)
{
	if (!qm)
		return;
	wordset_free(qm->elisions);
	free(qm);
}

void quote_list_free(struct quote_list *l)
{
	free(l->q);
	l->q = NULL;
	l->n = l->cap = 0;
}

/* Apostrophe-like marks: one single quotation mark, ASCII or curly. */
static int apostrophe_like(const struct quote_marks *qm, int m)
{
	const char *s = qm->mark[m];
	return (qm->len[m] == 1 && s[0] == '\'') ||
	       (qm->len[m] == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	        ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99));
}

/* After a leading apostrophe at POS: an elided word ('s, 't) or a two-digit
 * year ('90) followed by a non-letter. */
static int elision_follows(const struct quote_marks *qm, const char *s, size_t len, size_t pos)
{
	size_t e = pos;
	char low[8];
	while (e < len && e - pos < sizeof low && class_of((unsigned char)s[e]) == C_WORD &&
	       (unsigned char)s[e] < 0x80) {
		low[e - pos] = (char)(s[e] | ((s[e] >= 'A' && s[e] <= 'Z') ? 0x20 : 0));
		e++;
	}
	if (e == pos || e - pos >= sizeof low || class_of(cp_at(s, len, e)) == C_WORD)
		return 0;
	if (e - pos == 2 && s[pos] >= '0' && s[pos] <= '9' && s[pos + 1] >= '0' && s[pos + 1] <= '9')
		return 1;
	return wordset_has(qm->elisions, low, e - pos);
}

enum { CAN_OPEN = 1, CAN_CLOSE = 2 };

/* What mark M at [POS, END) can do here. */
static int mark_role(const struct quote_marks *qm, int m, const char *s, size_t len,
                     size_t pos, size_t end)
{
	int32_t next_cp = cp_at(s, len, end);
	enum cls prev = class_of(cp_before(s, pos)), next = class_of(next_cp);
	/* No quotation starts with a comma or a full stop. */
	int next_closing = next_cp == ',' || next_cp == '.' || next_cp == ';' || next_cp == ':' ||
	                   next_cp == '!' || next_cp == '?' || next_cp == ')';
	int role = (qm->opens[m] ? CAN_OPEN : 0) | (qm->closes[m] ? CAN_CLOSE : 0);

	if (apostrophe_like(qm, m)) {
		if (prev == C_WORD && next == C_WORD)
			return 0;                       /* China’s, z'n */
		if (prev != C_WORD && elision_follows(qm, s, len, end))
			return 0;                       /* 's avonds, '90 */
	}
	if (role != (CAN_OPEN | CAN_CLOSE))
		return role;
	int lf = next != C_SPACE && next != C_NONE && prev != C_WORD && !next_closing;
	int rf = prev != C_SPACE && prev != C_NONE && next != C_WORD;
	if (!lf && !rf && !apostrophe_like(qm, m))
		return role;   /* glued to words or spaced on both sides (« non »):
		                  let the stack decide */
	return (lf ? CAN_OPEN : 0) | (rf ? CAN_CLOSE : 0);
}

/* The longest mark at POS, or -1. Runs of one ASCII byte (",,," or "'''")
 * are split so that the longer mark faces the quoted text: after a word the
 * run ends with it ("gisteren,,,maar": "," then ",,"), before a word it
 * starts with it. */
static int match_mark(const struct quote_marks *qm, const char *s, size_t len, size_t pos,
                      size_t *mlen)
{
	unsigned char b = (unsigned char)s[pos];
	if (b < 0x80) {
		size_t r = 1;
		while (pos + r < len && (unsigned char)s[pos + r] == b)
			r++;
		if (r > 1) {
			/* The longest mark made of this byte that fits in the run. */
			size_t best = 0;
			for (int i = 0; i < qm->n; i++) {
				if (qm->len[i] > r || qm->len[i] <= best)
					continue;
				size_t k = 0;
				while (k < qm->len[i] && (unsigned char)qm->mark[i][k] == b)
					k++;
				if (k == qm->len[i])
					best = k;
			}
			if (best > 0 && best < r) {
				int after_word = class_of(cp_before(s, pos)) != C_SPACE &&
				                 class_of(cp_before(s, pos)) != C_NONE;
				size_t take = after_word ? r - best : best;
				/* take may exceed the marks of this byte: then the
				 * leading bytes are plain punctuation. */
				int m = find_mark(qm, s + pos, take);
				*mlen = take;
				return m;
			}
		}
	}
	int best = -1;
	for (int i = 0; i < qm->n; i++)
		if (qm->mark[i][0] == s[pos] && qm->len[i] <= len - pos &&
		    (best < 0 || qm->len[i] > qm->len[best]) && memcmp(s + pos, qm->mark[i], qm->len[i]) == 0)
			best = i;
	*mlen = best >= 0 ? qm->len[best] : 1;
	return best;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim white space (ASCII and U+00A0) from both ends of [*b, *e). */
static void trim(const char *s, size_t *b, size_t *e)
{
	for (;;) {
		if (*b < *e && is_space((unsigned char)s[*b]))
			(*b)++;
		else if (*e - *b >= 2 && (unsigned char)s[*b] == 0xC2 && (unsigned char)s[*b + 1] == 0xA0)
			*b += 2;
		else
			break;
	}
	for (;;) {
		if (*e > *b && is_space((unsigned char)s[*e - 1]))
			(*e)--;
		else if (*e - *b >= 2 && (unsigned char)s[*e - 2] == 0xC2 && (unsigned char)s[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

/* A blank line at POS ('\n', spaces, '\n')? Sets *next to the byte after it. */
static int blank_line_at(const char *s, size_t len, size_t pos, size_t *next)
{
	size_t i = pos + 1;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i < len && s[i] == '\n') {
		*next = i + 1;
		return 1;
	}
	return 0;
}

void quote_scan_init(struct quote_scanner *sc, const struct quote_marks *qm, const char *text,
                     size_t len)
{
	/* field by field: the stack (1.5 KiB) is read only below depth */
	sc->qm = qm;
	sc->s = text;
	sc->len = len;
	sc->i = sc->para = 0;
	sc->depth = sc->done = 0;
}

/* Store quotation [open, start, end, close_end) in *OUT (trimmed); 0 when it
 * is empty after trimming. */
static int make_quote(const char *s, struct quote_span *out, size_t open, size_t start,
                      size_t end, size_t close_end, int continued)
{
	trim(s, &start, &end);
	if (start >= end)
		return 0;
	*out = (struct quote_span){ open, start, end, close_end, continued };
	return 1;
}

int quote_scan_next(struct quote_scanner *sc, struct quote_span *out)
{
	const struct quote_marks *qm = sc->qm;
	const char *s = sc->s;
	size_t len = sc->len;
	struct open_mark *stack = sc->stack;

	while (!sc->done) {
		size_t i = sc->i;
		/* eight bytes a test: most text holds no mark, comma or line end */
		const unsigned char *u = (const unsigned char *)s, *f = qm->first;
		while (i + 8 <= len && !(f[u[i]] | f[u[i + 1]] | f[u[i + 2]] | f[u[i + 3]] |
		                         f[u[i + 4]] | f[u[i + 5]] | f[u[i + 6]] | f[u[i + 7]]))
			i += 8;
		while (i < len && !f[u[i]])
			i++;
		sc->i = i;
		size_t next_para;
		int para_end = i == len || (s[i] == '\n' && blank_line_at(s, len, i, &next_para));
		if (para_end) {
			if (i == len)
				next_para = len;
			int found = 0;
			if (sc->depth > 0) {
				/* Runs on when it opened the paragraph and the next
				 * paragraph opens with the same mark. */
				struct open_mark *b = &stack[0];
				size_t k = sc->para, n = next_para;
				while (k < b->pos && is_space((unsigned char)s[k]))
					k++;
				while (n < len && is_space((unsigned char)s[n]))
					n++;
				if (k == b->pos && n + qm->len[b->mark] <= len &&
				    memcmp(s + n, qm->mark[b->mark], qm->len[b->mark]) == 0)
					found = make_quote(s, out, b->pos, b->end, i, i, 1);
				sc->depth = 0;
			}
			if (i == len)
				sc->done = 1;
			else
				sc->para = sc->i = next_para;
			if (found)
				return 1;
			continue;
		}
		if (s[i] == '\n') {
			sc->i = i + 1;
			continue;
		}
		size_t mlen;
		int m = match_mark(qm, s, len, i, &mlen);
		sc->i = i + mlen;
		if (m < 0)
			continue;
		int role = mark_role(qm, m, s, len, i, i + mlen);
		int match = -1;
		if (role & CAN_CLOSE)
			for (int d = sc->depth - 1; d >= 0 && match < 0; d--)
				if (qm->pairs[stack[d].mark][m])
					match = d;
		if (match >= 0) {
			sc->depth = match;
			if (match == 0 && make_quote(s, out, stack[0].pos, stack[0].end, i, i + mlen, 0))
				return 1;
		} else if ((role & CAN_OPEN) && sc->depth < QUOTE_SCAN_DEPTH) {
			stack[sc->depth++] = (struct open_mark){ m, i, i + mlen };
		}
	}
	return 0;
}

size_t quotes_find(const struct quote_marks *qm, const char *s, size_t len,
                   struct quote_list *l)
{
	struct quote_scanner sc;
	struct quote_span q;
	quote_scan_init(&sc, qm, s, len);
	l->n = 0;
	while (quote_scan_next(&sc, &q)) {
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 16;
			struct quote_span *nq = realloc(l->q, cap * sizeof *nq);
			if (!nq)
				return (size_t)-1;
			l->q = nq;
			l->cap = cap;
		}
		l->q[l->n++] = q;
	}
	return l->n;
}
