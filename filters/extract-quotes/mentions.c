/* mentions.c — see mentions.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mentions.h"
#include "utf8.h"

/* --- lexicons ---------------------------------------------------------- */

/* Open addressing, lower-case word -> bits; keys owned. */
struct lexmap {
	char **key;
	size_t *klen;
	unsigned *bits;
	size_t cap, n;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static size_t lexmap_slot(const struct lexmap *m, const char *s, size_t n)
{
	size_t i = (size_t)hash_bytes(s, n) & (m->cap - 1);
	while (m->key[i] && (m->klen[i] != n || memcmp(m->key[i], s, n) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static unsigned lexmap_get(const struct lexmap *m, const char *s, size_t n)
{
	size_t i = lexmap_slot(m, s, n);
	return m->key[i] ? m->bits[i] : 0;
}

static int lexmap_add(struct lexmap *m, const char *s, size_t n, unsigned bits)
{
	if (2 * (m->n + 1) > m->cap) {
		struct lexmap g = { NULL, NULL, NULL, m->cap ? m->cap * 2 : 1024, 0 };
		g.key = calloc(g.cap, sizeof *g.key);
		g.klen = calloc(g.cap, sizeof *g.klen);
		g.bits = calloc(g.cap, sizeof *g.bits);
		if (!g.key || !g.klen || !g.bits) {
			free(g.key);
			free(g.klen);
			free(g.bits);
			return -1;
		}
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i]) {
				size_t j = lexmap_slot(&g, m->key[i], m->klen[i]);
				g.key[j] = m->key[i];
				g.klen[j] = m->klen[i];
				g.bits[j] = m->bits[i];
				g.n++;
			}
		free(m->key);
		free(m->klen);
		free(m->bits);
		*m = g;
	}
	size_t i = lexmap_slot(m, s, n);
	if (!m->key[i]) {
		if (!(m->key[i] = malloc(n + 1)))
			return -1;
		memcpy(m->key[i], s, n);
		m->key[i][n] = 0;
		m->klen[i] = n;
		m->n++;
	}
	m->bits[i] |= bits;
	return 0;
}

static void lexmap_free(struct lexmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->klen);
	free(m->bits);
	free(m);
}

/* Put every word of list WS-loading file NAME into the map with BITS. */
struct map_add {
	struct lexmap *map;
	unsigned bits;
	const char *tag;   /* only lines "WORD TAG", or NULL: the first word */
};

static void add_to_map(const char *line, size_t len, void *ctx)
{
	struct map_add *a = ctx;
	const char *sp = memchr(line, ' ', len);
	size_t wl = sp ? (size_t)(sp - line) : len;
	if (a->tag) {
		size_t tl = strlen(a->tag);
		if (!sp || len - wl - 1 != tl || memcmp(sp + 1, a->tag, tl) != 0)
			return;
	}
	lexmap_add(a->map, line, wl, a->bits);
}

/* A 16-bit hash of the last (up to) K bytes of a word. */
static unsigned tail_key(const char *w, size_t n, size_t k)
{
	unsigned h = 0;
	for (size_t i = n > k ? n - k : 0; i < n; i++)
		h = h * 131 + (unsigned char)w[i];
	return (h ^ (h >> 16)) & 0xFFFF;
}

/* Tables of word endings: roles by their last three bytes (the shortest
 * role has four), adjective suffixes by their last two (the shortest has
 * two). */
enum { ROLE_TAIL = 3, ADJ_TAIL = 2 };

static void set_tail(unsigned char *tab, const char *w, size_t n, size_t k)
{
	unsigned h = tail_key(w, n, k);
	tab[h >> 3] |= (unsigned char)(1u << (h & 7));
}

static int has_tail(const unsigned char *tab, const char *w, size_t n, size_t k)
{
	unsigned h = tail_key(w, n, k);
	return tab[h >> 3] >> (h & 7) & 1;
}

static void add_tail(const char *line, size_t len, void *ctx)
{
	set_tail(ctx, line, len, ADJ_TAIL);
}

static void add_role(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	set_tail(lx->role_tail, line, len, ROLE_TAIL);
	if (lx->role_min == 0 || len < lx->role_min)
		lx->role_min = len;
	if (len > lx->role_max)
		lx->role_max = len;
}

static int build_map(struct quotes_lexicon *lx)
{
	static const struct { const char *file, *tag; unsigned bits; } lists[] = {
		{ "nl/quotes-function-words.txt", NULL, LX_FUNCTION },
		{ "nl/quotes-function-words.txt", "det", LX_DET | LX_DEFINITE },
		{ "nl/quotes-function-words.txt", "indef", LX_DET },
		{ "nl/quotes-function-words.txt", "poss", LX_DET | LX_POSSESSIVE },
		{ "nl/quotes-function-words.txt", "prep", LX_PREP },
		{ "nl/quotes-function-words.txt", "sub", LX_SUB },
		{ "nl/quotes-name-particles.txt", NULL, LX_PARTICLE },
		{ "nl/quotes-pronouns.txt", "subj", LX_PRON_SUBJ },
		{ "nl/quotes-pronouns.txt", "obj", LX_PRON_OBJ },
		{ "nl/quotes-term-markers.txt", NULL, LX_TERM },
		{ "nl/quotes-organisations.txt", NULL, LX_ORG },
	};
	if (!(lx->map = calloc(1, sizeof *lx->map)))
		return -1;
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		struct map_add a = { lx->map, lists[i].bits, lists[i].tag };
		if (lang_each_line(lists[i].file, add_to_map, &a) < 0) {
			fprintf(stderr, "extract-quotes: language file %s is missing\n", lists[i].file);
			return -1;
		}
	}
	lang_each_line("nl/quotes-roles.txt", add_role, lx);
	lang_each_line("nl/quotes-adjective-suffixes.txt", add_tail, lx->adj_tail);
	return 0;
}

struct tagged_sets {
	struct wordset *all;
	const char *tag[5];
	struct wordset *set[5];
};

/* "WORD [TAG]" lines: WORD into all, and into the set of its TAG. */
static void add_tagged(const char *line, size_t len, void *ctx)
{
	struct tagged_sets *s = ctx;
	const char *sp = memchr(line, ' ', len);
	size_t wl = sp ? (size_t)(sp - line) : len;
	if (s->all)
		wordset_add(s->all, line, wl);
	if (!sp)
		return;
	const char *tag = sp + 1;
	size_t tl = len - wl - 1;
	for (int i = 0; i < 5 && s->tag[i]; i++)
		if (strlen(s->tag[i]) == tl && memcmp(tag, s->tag[i], tl) == 0)
			wordset_add(s->set[i], line, wl);
}

/* "FORM [PARTICLE...]" lines of the cue-verb files. */
static void add_cue(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	if (!sp) {
		wordset_add(lx->cue_forms, line, len);
		lexmap_add(lx->map, line, len, LX_CUE);
		return;
	}
	wordset_add(lx->cue_sep_forms, line, (size_t)(sp - line));
	lexmap_add(lx->map, line, (size_t)(sp - line), LX_CUE_SEP);
	/* One pair per particle: "form particle". */
	const char *p = sp + 1, *end = line + len;
	while (p < end) {
		const char *q = memchr(p, ' ', (size_t)(end - p));
		size_t pl = q ? (size_t)(q - p) : (size_t)(end - p);
		char buf[128];
		size_t fl = (size_t)(sp - line);
		if (fl + 1 + pl < sizeof buf) {
			memcpy(buf, line, fl);
			buf[fl] = ' ';
			memcpy(buf + fl + 1, p, pl);
			wordset_add(lx->cue_sep_pairs, buf, fl + 1 + pl);
		}
		p += pl + 1;
	}
}

static void add_phrase(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	size_t words = 1;
	for (size_t i = 0; i < len; i++)
		words += line[i] == ' ';
	wordset_add(lx->cue_phrases, line, len);
	wordset_add(lx->cue_phrase_first, line, sp ? (size_t)(sp - line) : len);
	lexmap_add(lx->map, line, sp ? (size_t)(sp - line) : len, LX_PHRASE_FIRST);
	if (words > lx->longest_phrase_words)
		lx->longest_phrase_words = words;
}

static void add_word(const char *line, size_t len, void *ctx)
{
	wordset_add(ctx, line, len);
}

static int load_list(const char *name, struct wordset **ws, int required)
{
	*ws = wordset_new();
	if (!*ws)
		return -1;
	if (lang_each_line(name, add_word, *ws) < 0 && required) {
		fprintf(stderr, "extract-quotes: language file %s is missing\n", name);
		return -1;
	}
	return 0;
}

int quotes_lexicon_load(struct quotes_lexicon *lx)
{
	memset(lx, 0, sizeof *lx);
	if (build_map(lx) < 0)
		return -1;
	struct wordset **all[] = { &lx->function, &lx->det, &lx->prep, &lx->pron_subj,
	                           &lx->det_definite, &lx->det_possessive, &lx->subordinator,
	                           &lx->pron_obj, &lx->cue_forms, &lx->cue_sep_forms,
	                           &lx->cue_sep_pairs, &lx->cue_phrase_first, &lx->cue_phrases };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (!(*all[i] = wordset_new()))
			return -1;
	/* Every determiner class goes into det as well. */
	struct tagged_sets fw = { lx->function, { "det", "indef", "poss", "prep", "sub" },
	                          { lx->det, lx->det, lx->det, lx->prep, lx->subordinator } };
	struct tagged_sets fw2 = { NULL, { "det", "poss" }, { lx->det_definite, lx->det_possessive } };
	struct tagged_sets pr = { NULL, { "subj", "obj" }, { lx->pron_subj, lx->pron_obj } };
	if (lang_each_line("nl/quotes-function-words.txt", add_tagged, &fw) < 0 ||
	    lang_each_line("nl/quotes-function-words.txt", add_tagged, &fw2) < 0 ||
	    lang_each_line("nl/quotes-pronouns.txt", add_tagged, &pr) < 0 ||
	    lang_each_line("nl/quotes-speech-verbs.txt", add_cue, lx) < 0 ||
	    lang_each_line("nl/quotes-opinion-verbs.txt", add_cue, lx) < 0 ||
	    lang_each_line("nl/quotes-cue-phrases.txt", add_phrase, lx) < 0) {
		fprintf(stderr, "extract-quotes: a language file nl/quotes-*.txt is missing\n");
		return -1;
	}
	if (load_list("nl/quotes-roles.txt", &lx->roles, 1) < 0 ||
	    load_list("nl/quotes-name-particles.txt", &lx->particles, 1) < 0 ||
	    load_list("nl/quotes-adjective-suffixes.txt", &lx->adj_suffixes, 1) < 0 ||
	    load_list("nl/abbreviations.txt", &lx->abbreviations, 0) < 0)
		return -1;
	return 0;
}

void quotes_lexicon_free(struct quotes_lexicon *lx)
{
	struct wordset *all[] = { lx->function, lx->det, lx->prep, lx->roles, lx->particles,
	                          lx->det_definite, lx->det_possessive, lx->subordinator,
	                          lx->pron_subj, lx->pron_obj, lx->adj_suffixes,
	                          lx->abbreviations, lx->cue_forms, lx->cue_sep_forms,
	                          lx->cue_sep_pairs, lx->cue_phrase_first, lx->cue_phrases };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		wordset_free(all[i]);
	lexmap_free(lx->map);
	memset(lx, 0, sizeof *lx);
}

int is_role_word(const struct quotes_lexicon *lx, const char *low, size_t n)
{
	if (n < lx->role_min || !has_tail(lx->role_tail, low, n, ROLE_TAIL))
		return 0;
	/* The word itself or any tail of it that starts a code point. */
	for (size_t i = n > lx->role_max ? n - lx->role_max : 0; i + lx->role_min <= n; i++) {
		if (((unsigned char)low[i] & 0xC0) == 0x80)
			continue;
		if (wordset_has(lx->roles, low + i, n - i))
			return 1;
	}
	return 0;
}

/* --- characters and tokens --------------------------------------------- */

static int ends_with_suffix(const struct quotes_lexicon *lx, const char *low, size_t n);

static int32_t cp_at(const char *s, size_t len, size_t i, int *n)
{
	int32_t c;
	*n = utf8_decode(s + i, len - i, &c);
	if (*n < 1) {
		*n = 1;
		return 0xFFFD;
	}
	return c;
}

static int is_letter(int32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if ((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
	    (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD)
		return 0;
	return 1;
}

static int is_upper(int32_t c)
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

size_t tok_lower(const struct doc *d, const struct token *t, char *buf, size_t cap)
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

int tok_has(const struct doc *d, size_t t, unsigned bits)
{
	return t < d->ntok && (d->tok[t].flags & TK_WORD) && (d->tok[t].lex & bits);
}

int tok_is(const struct doc *d, size_t t, char c)
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
		size_t n = tok_lower(d, t, buf, sizeof buf);
		if (n) {
			t->lex = lexmap_get(d->lx->map, buf, n);
			if (is_role_word(d->lx, buf, n))
				t->lex |= LX_ROLE;
			if (ends_with_suffix(d->lx, buf, n))
				t->lex |= LX_ADJ;
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
		} else if (is_letter(cp_at(s, len, i, &n))) {
			i += (size_t)n;
		} else {
			break;
		}
	}
	return i;
}

static int apostrophe_at(const char *s, size_t len, size_t i, size_t *n)
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
	if (apostrophe_at(s, len, j, &an))
		j += an;
	j = letters_end(s, len, j);
	for (;;) {
		size_t k = j;
		if (k < len && s[k] == '-')
			k++;
		else if (k < len && apostrophe_at(s, len, k, &an))
			k += an;
		else
			break;
		if (k < len && is_letter(cp_at(s, len, k, &n))) {
			j = letters_end(s, len, k);
		} else {
			break;
		}
	}
	int32_t c0 = cp_at(s, len, i, &n);
	*flags = TK_WORD | (is_upper(c0) ? TK_CAP : 0);
	/* Dotted segments of one letter each: initials and short abbreviations. */
	if (j - i == 1 && j < len && s[j] == '.' && !is_digit_byte(s[i])) {
		j++;
		while (j + 1 < len && is_letter((unsigned char)s[j]) && s[j + 1] == '.' &&
		       (j + 2 == len || !is_letter((unsigned char)s[j + 2])))
			j += 2;
		if (*flags & TK_CAP)
			*flags |= TK_INITIAL;
		return j;
	}
	if (j < len && s[j] == '.' && lx->abbreviations && j - i < 32) {
		char buf[32];
		struct token t = { i, j, 0, 0, 0, 0, 0, 0 };
		size_t bn = tok_lower(d, &t, buf, sizeof buf);
		if (bn && wordset_has(lx->abbreviations, buf, bn))
			j++;
	}
	/* A capitalised compound with a lower-case tail is a noun (NAVO-chef). */
	if (*flags & TK_CAP) {
		const char *dash = NULL;
		for (size_t k = i; k < j; k++)
			if (s[k] == '-')
				dash = s + k;
		if (dash && dash + 1 < s + j && !is_upper(cp_at(s, len, (size_t)(dash + 1 - s), &n)))
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

static int tokenize_text(struct doc *d, const struct quotes_lexicon *lx,
                         const struct quote_span *q, size_t nq)
{
	const char *s = d->text;
	size_t len = d->len, i = 0, qi = 0, last_end = 0;
	int para = 0, first = 1;
	/* Nothing after the paragraph of the last quotation is needed. */
	if (nq > 0) {
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
		int32_t cp = cp_at(s, len, i, &n);
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
		} else if (is_letter(cp) || (c == '\'' && i + 1 < len && is_letter((unsigned char)s[i + 1]))) {
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

static void mark_sentences(struct doc *d, const struct quote_span *q,
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
			                 ((k->flags & TK_WORD) && apostrophe_at(d->text, d->len, k->start, &an) &&
			                  t + 1 < d->ntok && (d->tok[t + 1].flags & TK_CAP));   /* 's Avonds */
			if ((p->flags & TK_PUNCT) && next_opens &&
			    (tok_is(d, t - 1, '.') || tok_is(d, t - 1, '!') || tok_is(d, t - 1, '?') ||
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
int quote_is_title_case(const struct doc *d, size_t start, size_t end)
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
		int32_t c = cp_at(s, end, w, &n);
		if (!is_letter(c))
			continue;
		if (is_upper(c)) {
			first = 0;
			continue;
		}
		if (first)
			return 0;
		char low[64];
		size_t k = 0;
		while (w + k < i && k < sizeof low && is_letter((unsigned char)s[w + k]))
			low[k] = s[w + k], k++;
		if (k == 0 || k == sizeof low || !(lexmap_get(d->lx->map, low, k) & (LX_FUNCTION | LX_PARTICLE)))
			return 0;
	}
	return !first;
}

/* --- names ------------------------------------------------------------- */

static int ends_with_suffix(const struct quotes_lexicon *lx, const char *low, size_t n)
{
	if (!has_tail(lx->adj_tail, low, n, ADJ_TAIL))
		return 0;
	for (size_t k = 1; k < n && k <= 6; k++)
		if (wordset_has(lx->adj_suffixes, low + n - k, k))
			return 1;
	return 0;
}

static int all_caps(const struct doc *d, size_t t)
{
	const struct token *k = &d->tok[t];
	if (k->end - k->start < 2)
		return 0;
	for (size_t i = k->start; i < k->end; i++) {
		char c = d->text[i];
		if (c >= 'a' && c <= 'z')
			return 0;
	}
	return 1;
}

/* Scanning back from T over adjectives, numbers and roles (at most three
 * words) reaches an article (KIND det) or a preposition (KIND prep). */
static int governed_by(const struct doc *d, size_t t, unsigned kind)
{
	int content = 0;   /* lower-case words passed that are not roles */
	int after_e = 0;   /* the word passed before ends in -e */
	for (int k = 0; k < 5 && t > 0; k++) {
		size_t p = t - 1 - (size_t)k;
		const struct token *pt = &d->tok[p];
		if (!(pt->flags & TK_WORD))
			return 0;
		if (tok_has(d, p, kind))
			return 1;
		if (kind != LX_DET && tok_has(d, p, LX_DET) && !(pt->flags & TK_SENT))
			continue;   /* "tegen de Spaanse krant El Pais" */
		if (tok_has(d, p, LX_FUNCTION) || (pt->flags & TK_SENT))
			return 0;
		if (!(pt->flags & TK_CAP) && !tok_has(d, p, LX_ROLE) && ++content > (kind == LX_DET ? 2 : 1))
			return 0;   /* "… koers had Van Alebeek": a verb, not a phrase */
		if (kind == LX_DET && !(pt->flags & TK_CAP)) {
			/* Between an article and its noun: adjectives in -e, and an
			 * adverb before one ("de mentaal onevenwichtige Rus"); not a
			 * verb ("Dat zei Kok"). */
			int e = d->text[pt->end - 1] == 'e';
			if (!e && !after_e && !tok_has(d, p, LX_ROLE))
				return 0;
			after_e = e;
		}
		if ((pt->flags & TK_CAP) && !(pt->flags & TK_HYPHEN_ROLE)) {
			if (!tok_has(d, p, LX_ADJ))
				return 0;
		}
		if (p == 0)
			return 0;
	}
	return 0;
}

/* Can token T be a word of a name (capitalised, not a role or article)? */
static int name_word(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	const struct token *k = &d->tok[t];
	if ((k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) || (k->flags & TK_HYPHEN_ROLE))
		return 0;
	(void)lx;
	return !tok_has(d, t, LX_FUNCTION | LX_ROLE | LX_CUE) && k->end - k->start < 64;
}

/* A capitalised word inside a name, after its first word or particles: a
 * function word is allowed there ("Van der Meer", "Jan Wel"). */
static int inner_name_word(const struct doc *d, size_t t)
{
	const struct token *k = &d->tok[t];
	return (k->flags & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP) && !(k->flags & TK_HYPHEN_ROLE) &&
	       !tok_has(d, t, LX_ROLE | LX_CUE | LX_DET | LX_PREP | LX_PRON_SUBJ | LX_PRON_OBJ) &&
	       !all_caps(d, t) && k->end - k->start < 64;
}

static int sentence_initial(const struct doc *d, size_t t)
{
	size_t an;
	if ((d->tok[t].flags & TK_SENT) || (t > 0 && (d->tok[t - 1].flags & TK_QUOTE)))
		return 1;
	/* "'s Avonds": the word after a leading elision. */
	return t > 0 && (d->tok[t - 1].flags & (TK_SENT | TK_WORD)) == (TK_SENT | TK_WORD) &&
	       apostrophe_at(d->text, d->len, d->tok[t - 1].start, &an);
}

/* The word before T is an elision ('s, 't): T is no name ("'s Avonds"). */
static int after_elision(const struct doc *d, size_t t)
{
	size_t an;
	return t > 0 && (d->tok[t - 1].flags & TK_WORD) &&
	       apostrophe_at(d->text, d->len, d->tok[t - 1].start, &an);
}

static int same_bytes(const struct doc *d, size_t a, size_t b)
{
	size_t n = d->tok[a].end - d->tok[a].start;
	return n == d->tok[b].end - d->tok[b].start &&
	       memcmp(d->text + d->tok[a].start, d->text + d->tok[b].start, n) == 0;
}

/* Slot of the word of token T in the free-name set (found or empty). */
static size_t free_name_slot(const struct doc *d, size_t t)
{
	size_t mask = d->free_cap - 1;
	size_t i = (size_t)hash_bytes(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start) & mask;
	while (d->free_names[i] >= 0 && !same_bytes(d, (size_t)d->free_names[i], t))
		i = (i + 1) & mask;
	return i;
}

static long free_name_find(const struct doc *d, size_t t)
{
	if (!d->free_cap)
		return -1;
	size_t i = free_name_slot(d, t);
	return d->free_names[i];
}

static void free_name_add(struct doc *d, size_t t)
{
	if (2 * (d->free_n + 1) > d->free_cap)
		return;   /* sized in doc_build: never full */
	size_t i = free_name_slot(d, t);
	if (d->free_names[i] < 0) {
		d->free_names[i] = (int)t;
		d->free_n++;
	}
}

/* Collect capitalised words that stand free mid-sentence: such a word at a
 * sentence start, or after an article, is a name too. */
static void collect_free_names(struct doc *d, const struct quotes_lexicon *lx)
{
	for (size_t t = 0; t < d->ntok; t++) {
		if (!name_word(d, lx, t) || sentence_initial(d, t) || all_caps(d, t))
			continue;
		int after_particle = t > 0 && tok_has(d, t - 1, LX_PARTICLE) &&
		                     ((d->tok[t - 1].flags & TK_CAP) ||
		                      (t > 1 && (d->tok[t - 2].flags & TK_CAP)));
		if (governed_by(d, t, LX_DET) && !after_particle)
			continue;
		free_name_add(d, t);
	}
}

static int known_free(const struct doc *d, size_t t)
{
	return free_name_find(d, t) >= 0;
}

/* The last token of a name starting at T, or -1. */
static long name_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	const struct token *k = &d->tok[t];
	if ((k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) || (k->flags & TK_HYPHEN_ROLE))
		return -1;
	if (all_caps(d, t)) {
		/* An acronym speaks only next to a reporting verb or a colon
		 * ("de KNVB zegt", "aldus het OM", "NOS:"). */
		int next_cue = t + 1 < d->ntok && (tok_is(d, t + 1, ':') || tok_has(d, t + 1, LX_CUE));
		int prev_cue = t > 0 && tok_has(d, t - 1, LX_CUE);
		int prev_det_cue = t > 1 && tok_has(d, t - 1, LX_DET) && tok_has(d, t - 2, LX_CUE);
		return next_cue || prev_cue || prev_det_cue ? (long)t : -1;
	}
	size_t j = t;
	int particle_start = 0;
	if (after_elision(d, t))
		return -1;
	if (tok_has(d, t, LX_PARTICLE)) {
		/* Van de Roer, De Rooij, Van 't Klooster */
		size_t p = t + 1;
		while (p < d->ntok && tok_has(d, p, LX_PARTICLE) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p >= d->ntok || !inner_name_word(d, p))
			return -1;
		if (tok_has(d, p, LX_ADJ))
			return -1;   /* "De Israëlische …": an article and an adjective */
		if (p == t + 1 && tok_has(d, t, LX_DET) && sentence_initial(d, t) &&
		    !known_free(d, p) && !(p + 1 < d->ntok && tok_is(d, p + 1, ':')))
			return -1;   /* "De Italianen": an article */
		j = p;
		particle_start = 1;
	} else if (!name_word(d, lx, t)) {
		return -1;
	} else if (tok_has(d, t, LX_ADJ) &&
	           (governed_by(d, t, LX_DET) || t + 1 >= d->ntok ||
	            !(d->tok[t + 1].flags & TK_CAP))) {
		return -1;   /* de Franse krachtpatser */
	}
	/* Extend: more capitalised words, or particles then a capitalised word. */
	for (;;) {
		size_t p = j + 1;
		if (p < d->ntok && inner_name_word(d, p)) {
			j = p;
			continue;
		}
		while (p < d->ntok && tok_has(d, p, LX_PARTICLE) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p > j + 1 && p < d->ntok && inner_name_word(d, p)) {
			j = p;
			continue;
		}
		break;
	}
	if (particle_start)
		return (long)j;
	/* "de Argentijn Guillermo Canas": the word after an article is a noun. */
	if (j > t && (d->tok[t].flags & TK_INITIAL) == 0 && t > 0 && tok_has(d, t - 1, LX_DET))
		return -2;
	int after_role = t > 0 && (d->tok[t - 1].flags & TK_WORD) &&
	                 ((d->tok[t - 1].flags & TK_HYPHEN_ROLE) ||
	                  (!(d->tok[t - 1].flags & TK_CAP) && tok_has(d, t - 1, LX_ROLE)));
	if (j == t && !after_role) {
		if (governed_by(d, t, LX_DET) && !known_free(d, t))
			return -1;   /* de Rus, de mentaal onevenwichtige Rus */
		if (sentence_initial(d, t) && !known_free(d, t) &&
		    !(t + 1 < d->ntok && (tok_is(d, t + 1, ':') || tok_has(d, t + 1, LX_CUE | LX_CUE_SEP))))
			return -1;   /* a capitalised first word */
	}
	return (long)j;
}

/* --- mentions ---------------------------------------------------------- */

static int push_mention(struct doc *d, int first, int last, enum mention_type type, int quote)
{
	if (d->nmen == d->mencap) {
		size_t cap = d->mencap ? d->mencap * 2 : 64;
		struct mention *m = realloc(d->men, cap * sizeof *m);
		if (!m)
			return -1;
		d->men = m;
		d->mencap = cap;
	}
	d->men[d->nmen] = (struct mention){ first, last, type, 1, 0, 0, -1, 0, -1, quote, 0, 0 };
	if (type != M_QUOTE || d->tok[first].mention < 0)
		d->tok[first].mention = (int)d->nmen;
	d->nmen++;
	return 0;
}

/* Article, up to three words, a role: "de Amerikaanse president". */
static long description_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	if (!tok_has(d, t, LX_DET))
		return -1;
	for (size_t p = t + 1; p < d->ntok && p <= t + 4; p++) {
		const struct token *k = &d->tok[p];
		if (!(k->flags & TK_WORD))
			return -1;
		if (tok_has(d, p, LX_ROLE | LX_ORG) && (!(k->flags & TK_CAP) || (k->flags & TK_HYPHEN_ROLE))) {
			if (p + 1 < d->ntok && name_word(d, lx, p + 1))
				return -1;   /* "de president Biden": the name is the mention */
			return (long)p;
		}
		if (tok_has(d, p, LX_FUNCTION) && !tok_has(d, p, LX_DET))
			return -1;
		/* Right after a reporting verb, a capitalised noun ends one:
		 * "zei de Belg", "aldus de 34-jarige Amsterdammer". */
		if ((k->flags & TK_CAP) && t > 0 && tok_has(d, t - 1, LX_CUE | LX_CUE_SEP) &&
		    !tok_has(d, p, LX_ADJ) && !known_free(d, p) &&
		    (p + 1 >= d->ntok || (d->tok[p + 1].flags & (TK_PUNCT | TK_QUOTE))))
			return (long)p;
	}
	return -1;
}

/* Token T stands in a subordinate clause: a subordinating conjunction
 * comes before it in its clause ("Terwijl Jennifer Capriati won, …"). */
static int subordinate(const struct doc *d, size_t t)
{
	for (size_t p = t; p-- > 0;) {
		const struct token *k = &d->tok[p];
		if ((k->flags & (TK_QUOTE | TK_PUNCT)) && !tok_is(d, p, '-'))
			return 0;
		if (tok_has(d, p, LX_SUB))
			return 1;
		if (k->flags & TK_SENT)
			return 0;
	}
	return 0;
}

/* Where the rules cannot tell (a capitalised word opening a sentence), a
 * PER entity of the record starting at T decides: the last token of the
 * name, or -1. The entities are hints: a tagger's errors must not add
 * names the capitalisation rules reject elsewhere. */
static long entity_name_at(const struct doc *d, size_t t, const struct entity_hint *ent,
                           size_t nent, size_t *ei)
{
	const struct token *k = &d->tok[t];
	while (*ei < nent && ent[*ei].end <= k->start)
		(*ei)++;
	if (*ei >= nent || !ent[*ei].person || ent[*ei].start != k->start || !sentence_initial(d, t))
		return -1;
	size_t j = t;
	while (j + 1 < d->ntok && d->tok[j + 1].end <= ent[*ei].end)
		j++;
	for (size_t p = t; p <= j; p++)
		if ((d->tok[p].flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) ||
		    tok_has(d, p, LX_FUNCTION | LX_ROLE | LX_CUE))
			return -1;
	return (long)j;
}

static int find_mentions(struct doc *d, const struct quotes_lexicon *lx,
                         const struct entity_hint *ent, size_t nent)
{
	size_t ei = 0;
	for (size_t t = 0; t < d->ntok; t++) {
		struct token *k = &d->tok[t];
		if (k->flags & TK_QUOTE) {
			if (push_mention(d, (int)t, (int)t, M_QUOTE, k->quote) < 0)
				return -1;
			d->men[d->nmen - 1].person = -1;
			continue;
		}
		if (!(k->flags & TK_WORD))
			continue;
		if (tok_has(d, t, LX_PRON_SUBJ | LX_PRON_OBJ)) {
			int obj = !tok_has(d, t, LX_PRON_SUBJ);
			/* "haar" before a content word is a possessive. */
			int possessive = obj && t + 1 < d->ntok && (d->tok[t + 1].flags & TK_WORD) &&
			                 !tok_has(d, t + 1, LX_FUNCTION);
			if (!possessive && push_mention(d, (int)t, (int)t, M_PRONOUN, -1) < 0)
				return -1;
			if (!possessive) {
				d->men[d->nmen - 1].object_pronoun = obj;
				d->men[d->nmen - 1].subject = !obj && !subordinate(d, t);
				continue;
			}
		}
		long last = description_at(d, lx, t);
		if (last >= 0) {
			if (push_mention(d, (int)t, (int)last, M_DESCRIPTION, -1) < 0)
				return -1;
			d->men[d->nmen - 1].in_pp = governed_by(d, t + 1, LX_PREP);
			d->men[d->nmen - 1].subject = !d->men[d->nmen - 1].in_pp && !subordinate(d, t);
			d->men[d->nmen - 1].definite = tok_has(d, t, LX_DEFINITE) &&
			                               !tok_has(d, (size_t)last, LX_ORG);
			t = (size_t)last;
			continue;
		}
		long end = name_at(d, lx, t);
		if (end == -2)
			continue;   /* the next word starts the name */
		int from_entity = 0;
		if (end == -1 && (end = entity_name_at(d, t, ent, nent, &ei)) >= 0)
			from_entity = 1;
		if (end < 0)
			continue;
		if (push_mention(d, (int)t, (int)end, M_NAME, -1) < 0)
			return -1;
		struct mention *m = &d->men[d->nmen - 1];
		m->from_entity = from_entity;
		m->in_pp = governed_by(d, t, LX_PREP) || (t > 0 && tok_has(d, t - 1, LX_PREP));
		m->subject = !m->in_pp && !subordinate(d, t);
		if (t > 0 && (d->tok[t - 1].flags & TK_HYPHEN_ROLE || tok_has(d, t - 1, LX_ROLE)))
			m->role = (int)t - 1;
		t = (size_t)end;
	}
	return 0;
}

/* Same word, ignoring case. */
static int same_word(const struct doc *d, size_t a, size_t b)
{
	char x[64], y[64];
	size_t nx = tok_lower(d, &d->tok[a], x, sizeof x), ny = tok_lower(d, &d->tok[b], y, sizeof y);
	return nx && nx == ny && memcmp(x, y, nx) == 0;
}

/* The words of mention A end with all the words of mention B. */
static int ends_with_name(const struct doc *d, const struct mention *a, const struct mention *b)
{
	int na = a->last - a->first + 1, nb = b->last - b->first + 1;
	if (nb > na)
		return 0;
	for (int i = 0; i < nb; i++)
		if (!same_word(d, (size_t)(a->last - i), (size_t)(b->last - i)))
			return 0;
	return 1;
}

static int link_names(struct doc *d)
{
	for (size_t i = 0; i < d->nmen; i++) {
		struct mention *m = &d->men[i];
		if (m->type != M_NAME)
			continue;
		char low[64];
		size_t ln = tok_lower(d, &d->tok[m->last], low, sizeof low);
		unsigned h = (unsigned)hash_bytes(low, ln);
		int found = -1;
		for (size_t p = 0; p < d->nper && found < 0; p++) {
			if (d->per[p].last_hash != h)
				continue;
			const struct mention *b = &d->men[d->per[p].best];
			if (ends_with_name(d, b, m) || ends_with_name(d, m, b))
				found = (int)p;
		}
		if (found < 0) {
			if (d->nper == d->percap) {
				size_t cap = d->percap ? d->percap * 2 : 32;
				struct person *np = realloc(d->per, cap * sizeof *np);
				if (!np)
					return -1;
				d->per = np;
				d->percap = cap;
			}
			found = (int)d->nper++;
			d->per[found] = (struct person){ h, (int)i, 0, 0, 0 };
		}
		struct person *p = &d->per[found];
		int words = m->last - m->first + 1;
		if (words > p->nwords) {
			p->best = (int)i;
			p->nwords = words;
		}
		p->count++;
		if (m->role >= 0 || words >= 2 || m->from_entity)
			p->evidence = 1;
		m->person = found;
		m->resolved = 1;
	}
	return 0;
}

int doc_build(struct doc *d, const struct quotes_lexicon *lx, const char *text, size_t len,
              const struct quote_span *q, size_t nq, const size_t *sentence_starts,
              size_t nsentences, const struct entity_hint *ent, size_t nent)
{
	d->lx = lx;
	d->text = text;
	d->len = len;
	d->ntok = d->nmen = d->nper = 0;
	if (tokenize_text(d, lx, q, nq) < 0)
		return -1;
	size_t cap = 16;
	while (cap < 2 * d->ntok + 2)
		cap *= 2;
	if (cap > d->free_cap) {
		int *f = realloc(d->free_names, cap * sizeof *f);
		if (!f)
			return -1;
		d->free_names = f;
		d->free_cap = cap;
	}
	for (size_t i = 0; i < d->free_cap; i++)
		d->free_names[i] = -1;
	d->free_n = 0;
	mark_sentences(d, q, sentence_starts, nsentences);
	collect_free_names(d, lx);
	if (find_mentions(d, lx, ent, nent) < 0 || link_names(d) < 0)
		return -1;
	return 0;
}

void doc_free(struct doc *d)
{
	free(d->tok);
	free(d->men);
	free(d->per);
	free(d->free_names);
	memset(d, 0, sizeof *d);
}
