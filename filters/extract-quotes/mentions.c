/* mentions.c — see mentions.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mentions.h"
#include "utf8.h"

/* --- lexicons ---------------------------------------------------------- */

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
		return;
	}
	wordset_add(lx->cue_sep_forms, line, (size_t)(sp - line));
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
	memset(lx, 0, sizeof *lx);
}

int is_role_word(const struct quotes_lexicon *lx, const char *low, size_t n)
{
	/* The word itself or any tail of it that starts a code point. */
	for (size_t i = 0; i + 2 < n || i == 0; i++) {
		if (((unsigned char)low[i] & 0xC0) == 0x80)
			continue;
		if (wordset_has(lx->roles, low + i, n - i))
			return 1;
		if (i + 2 >= n)
			break;
	}
	return 0;
}

/* --- characters and tokens --------------------------------------------- */

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

int tok_in(const struct doc *d, size_t t, const struct wordset *ws)
{
	char buf[64];
	if (t >= d->ntok || !(d->tok[t].flags & TK_WORD))
		return 0;
	size_t n = tok_lower(d, &d->tok[t], buf, sizeof buf);
	return n > 0 && wordset_has(ws, buf, n);
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
	d->tok[d->ntok++] = (struct token){ start, end, flags, 0, 0, quote, -1 };
	return 0;
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
	while (j < len && is_letter(cp_at(s, len, j, &n)))
		j += (size_t)n;
	for (;;) {
		size_t k = j;
		if (k < len && s[k] == '-')
			k++;
		else if (k < len && apostrophe_at(s, len, k, &an))
			k += an;
		else
			break;
		if (k < len && is_letter(cp_at(s, len, k, &n))) {
			j = k;
			while (j < len && is_letter(cp_at(s, len, j, &n)))
				j += (size_t)n;
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
		struct token t = { i, j, 0, 0, 0, 0, 0 };
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
			int next_opens = (k->flags & (TK_CAP | TK_QUOTE)) ||
			                 ((k->flags & TK_WORD) && is_digit_byte(d->text[k->start]));
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

/* --- names ------------------------------------------------------------- */

static int ends_with_suffix(const struct quotes_lexicon *lx, const char *low, size_t n)
{
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

static int tok_role(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	char buf[64];
	size_t n = tok_lower(d, &d->tok[t], buf, sizeof buf);
	return n && is_role_word(lx, buf, n);
}

/* Scanning back from T over adjectives, numbers and roles (at most three
 * words) reaches an article (KIND det) or a preposition (KIND prep). */
static int governed_by(const struct doc *d, const struct quotes_lexicon *lx, size_t t,
                       const struct wordset *kind)
{
	int content = 0;   /* lower-case words passed that are not roles */
	for (int k = 0; k < 5 && t > 0; k++) {
		size_t p = t - 1 - (size_t)k;
		const struct token *pt = &d->tok[p];
		if (!(pt->flags & TK_WORD))
			return 0;
		if (tok_in(d, p, kind))
			return 1;
		if (kind != lx->det && tok_in(d, p, lx->det) && !(pt->flags & TK_SENT))
			continue;   /* "tegen de Spaanse krant El Pais" */
		if (tok_in(d, p, lx->function) || (pt->flags & TK_SENT))
			return 0;
		if (!(pt->flags & TK_CAP) && !tok_role(d, lx, p) && ++content > (kind == lx->det ? 2 : 1))
			return 0;   /* "… koers had Van Alebeek": a verb, not a phrase */
		if ((pt->flags & TK_CAP) && !(pt->flags & TK_HYPHEN_ROLE)) {
			char buf[64];
			size_t n = tok_lower(d, pt, buf, sizeof buf);
			if (!n || !ends_with_suffix(lx, buf, n))
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
	char buf[64];
	size_t n = tok_lower(d, k, buf, sizeof buf);
	if (!n || wordset_has(lx->function, buf, n) || is_role_word(lx, buf, n) ||
	    wordset_has(lx->cue_forms, buf, n))
		return 0;
	return 1;
}

static int sentence_initial(const struct doc *d, size_t t)
{
	return (d->tok[t].flags & TK_SENT) || (t > 0 && (d->tok[t - 1].flags & TK_QUOTE));
}

/* Collect capitalised words that stand free mid-sentence: such a word at a
 * sentence start, or after an article, is a name too. */
static void collect_free_names(struct doc *d, const struct quotes_lexicon *lx)
{
	for (size_t t = 0; t < d->ntok; t++) {
		if (!name_word(d, lx, t) || sentence_initial(d, t) || all_caps(d, t))
			continue;
		int after_particle = t > 0 && tok_in(d, t - 1, lx->particles) &&
		                     ((d->tok[t - 1].flags & TK_CAP) ||
		                      (t > 1 && (d->tok[t - 2].flags & TK_CAP)));
		if (governed_by(d, lx, t, lx->det) && !after_particle)
			continue;
		wordset_add(d->names_mid, d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start);
	}
}

static int known_free(const struct doc *d, size_t t)
{
	return wordset_has(d->names_mid, d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start);
}

/* The last token of a name starting at T, or -1. */
static long name_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t,
                    const struct wordset *cue_forms)
{
	const struct token *k = &d->tok[t];
	if ((k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) || (k->flags & TK_HYPHEN_ROLE) ||
	    all_caps(d, t))
		return -1;
	char buf[64];
	size_t n = tok_lower(d, k, buf, sizeof buf);
	if (!n)
		return -1;
	size_t j = t;
	int particle_start = 0;
	if (wordset_has(lx->particles, buf, n)) {
		/* Van de Roer, De Rooij, Van 't Klooster */
		size_t p = t + 1;
		while (p < d->ntok && tok_in(d, p, lx->particles) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p >= d->ntok || !name_word(d, lx, p))
			return -1;
		char sur[64];
		size_t sn = tok_lower(d, &d->tok[p], sur, sizeof sur);
		if (!sn || ends_with_suffix(lx, sur, sn))
			return -1;   /* "De Israëlische …": an article and an adjective */
		if (p == t + 1 && wordset_has(lx->det, buf, n) && sentence_initial(d, t) &&
		    !known_free(d, p) && !(p + 1 < d->ntok && tok_is(d, p + 1, ':')))
			return -1;   /* "De Italianen": an article */
		j = p;
		particle_start = 1;
	} else if (!name_word(d, lx, t)) {
		return -1;
	} else if (ends_with_suffix(lx, buf, n) &&
	           (governed_by(d, lx, t, lx->det) || t + 1 >= d->ntok ||
	            !(d->tok[t + 1].flags & TK_CAP))) {
		return -1;   /* de Franse krachtpatser */
	}
	/* Extend: more capitalised words, or particles then a capitalised word. */
	for (;;) {
		size_t p = j + 1;
		if (p < d->ntok && name_word(d, lx, p) && !all_caps(d, p)) {
			j = p;
			continue;
		}
		while (p < d->ntok && tok_in(d, p, lx->particles) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p > j + 1 && p < d->ntok && name_word(d, lx, p)) {
			j = p;
			continue;
		}
		break;
	}
	if (particle_start)
		return (long)j;
	/* "de Argentijn Guillermo Canas": the word after an article is a noun. */
	if (j > t && (d->tok[t].flags & TK_INITIAL) == 0 && t > 0 && tok_in(d, t - 1, lx->det))
		return -2;
	int after_role = t > 0 && (d->tok[t - 1].flags & TK_WORD) &&
	                 ((d->tok[t - 1].flags & TK_HYPHEN_ROLE) ||
	                  (!(d->tok[t - 1].flags & TK_CAP) && tok_role(d, lx, t - 1)));
	if (j == t && !after_role) {
		if (governed_by(d, lx, t, lx->det) && !known_free(d, t))
			return -1;   /* de Rus, de mentaal onevenwichtige Rus */
		if (sentence_initial(d, t) && !known_free(d, t) &&
		    !(t + 1 < d->ntok && (tok_is(d, t + 1, ':') || tok_in(d, t + 1, cue_forms))))
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
	d->men[d->nmen] = (struct mention){ first, last, type, 1, 0, 0, -1, 0, -1, quote, 0 };
	if (type != M_QUOTE || d->tok[first].mention < 0)
		d->tok[first].mention = (int)d->nmen;
	d->nmen++;
	return 0;
}

/* Article, up to three words, a role: "de Amerikaanse president". */
static long description_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	if (!tok_in(d, t, lx->det))
		return -1;
	for (size_t p = t + 1; p < d->ntok && p <= t + 4; p++) {
		const struct token *k = &d->tok[p];
		if (!(k->flags & TK_WORD))
			return -1;
		char buf[64];
		size_t n = tok_lower(d, k, buf, sizeof buf);
		if (!n)
			return -1;
		if (is_role_word(lx, buf, n) && (!(k->flags & TK_CAP) || (k->flags & TK_HYPHEN_ROLE))) {
			if (p + 1 < d->ntok && name_word(d, lx, p + 1))
				return -1;   /* "de president Biden": the name is the mention */
			return (long)p;
		}
		if (wordset_has(lx->function, buf, n) && !wordset_has(lx->det, buf, n))
			return -1;
	}
	return -1;
}

/* Token T stands in a subordinate clause: a subordinating conjunction
 * comes before it in its clause ("Terwijl Jennifer Capriati won, …"). */
static int subordinate(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	for (size_t p = t; p-- > 0;) {
		const struct token *k = &d->tok[p];
		if ((k->flags & (TK_QUOTE | TK_PUNCT)) && !tok_is(d, p, '-'))
			return 0;
		if (tok_in(d, p, lx->subordinator))
			return 1;
		if (k->flags & TK_SENT)
			return 0;
	}
	return 0;
}

static int hint_overlaps(const struct entity_hint *e, size_t ne, size_t start, size_t end, int person)
{
	for (size_t i = 0; i < ne; i++)
		if (e[i].start < end && start < e[i].end && e[i].person == person)
			return 1;
	return 0;
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
		/* A PER entity of the record is a name as it stands. */
		while (ei < nent && ent[ei].end <= k->start)
			ei++;
		if (ei < nent && ent[ei].person && ent[ei].start == k->start) {
			size_t j = t;
			while (j + 1 < d->ntok && d->tok[j + 1].end <= ent[ei].end &&
			       !(d->tok[j + 1].flags & TK_QUOTE))
				j++;
			if (push_mention(d, (int)t, (int)j, M_NAME, -1) < 0)
				return -1;
			t = j;
			continue;
		}
		if (tok_in(d, t, lx->pron_subj) || tok_in(d, t, lx->pron_obj)) {
			int obj = !tok_in(d, t, lx->pron_subj);
			/* "haar" before a content word is a possessive. */
			int possessive = obj && t + 1 < d->ntok && (d->tok[t + 1].flags & TK_WORD) &&
			                 !tok_in(d, t + 1, lx->function);
			if (!possessive && push_mention(d, (int)t, (int)t, M_PRONOUN, -1) < 0)
				return -1;
			if (!possessive) {
				d->men[d->nmen - 1].object_pronoun = obj;
				d->men[d->nmen - 1].subject = !obj && !subordinate(d, lx, t);
				continue;
			}
		}
		long last = description_at(d, lx, t);
		if (last >= 0) {
			if (push_mention(d, (int)t, (int)last, M_DESCRIPTION, -1) < 0)
				return -1;
			d->men[d->nmen - 1].in_pp = governed_by(d, lx, t + 1, lx->prep);
			d->men[d->nmen - 1].subject = !d->men[d->nmen - 1].in_pp && !subordinate(d, lx, t);
			d->men[d->nmen - 1].definite = tok_in(d, t, lx->det_definite);
			t = (size_t)last;
			continue;
		}
		long end = name_at(d, lx, t, lx->cue_forms);
		if (end == -2)
			continue;   /* the next word starts the name */
		if (end < 0 || hint_overlaps(ent, nent, k->start, d->tok[end].end, 0))
			continue;
		if (push_mention(d, (int)t, (int)end, M_NAME, -1) < 0)
			return -1;
		struct mention *m = &d->men[d->nmen - 1];
		m->in_pp = governed_by(d, lx, t, lx->prep) || (t > 0 && tok_in(d, t - 1, lx->prep));
		m->subject = !m->in_pp && !subordinate(d, lx, t);
		if (t > 0 && (d->tok[t - 1].flags & TK_WORD)) {
			char buf[64];
			size_t n = tok_lower(d, &d->tok[t - 1], buf, sizeof buf);
			if ((d->tok[t - 1].flags & TK_HYPHEN_ROLE) || (n && is_role_word(lx, buf, n)))
				m->role = (int)t - 1;
		}
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

static int link_names(struct doc *d, const struct entity_hint *ent, size_t nent)
{
	for (size_t i = 0; i < d->nmen; i++) {
		struct mention *m = &d->men[i];
		if (m->type != M_NAME)
			continue;
		int found = -1;
		for (size_t p = 0; p < d->nper && found < 0; p++) {
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
			d->per[found] = (struct person){ (int)i, 0, 0, 0 };
		}
		struct person *p = &d->per[found];
		int words = m->last - m->first + 1;
		if (words > p->nwords) {
			p->best = (int)i;
			p->nwords = words;
		}
		p->count++;
		if (m->role >= 0 || hint_overlaps(ent, nent, d->tok[m->first].start, d->tok[m->last].end, 1) ||
		    words >= 2)
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
	d->text = text;
	d->len = len;
	d->ntok = d->nmen = d->nper = 0;
	wordset_free(d->names_mid);
	if (!(d->names_mid = wordset_new()))
		return -1;
	if (tokenize_text(d, lx, q, nq) < 0)
		return -1;
	mark_sentences(d, q, sentence_starts, nsentences);
	collect_free_names(d, lx);
	if (find_mentions(d, lx, ent, nent) < 0 || link_names(d, ent, nent) < 0)
		return -1;
	return 0;
}

void doc_free(struct doc *d)
{
	free(d->tok);
	free(d->men);
	free(d->per);
	wordset_free(d->names_mid);
	memset(d, 0, sizeof *d);
}
