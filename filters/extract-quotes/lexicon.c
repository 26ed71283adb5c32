/* lexicon.c — the word lists of extract-quotes, loaded into one map from
 * lower-case word to LX_* classes (see mentions.h). */
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

uint64_t quotes_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static size_t lexmap_slot(const struct lexmap *m, const char *s, size_t n)
{
	size_t i = (size_t)quotes_hash(s, n) & (m->cap - 1);
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
		{ "nl/quotes-opinion-verbs.txt", NULL, LX_OPINION },
		{ "nl/quotes-complementizers.txt", NULL, LX_COMPLEMENTIZER },
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

size_t quotes_is_role_word(const struct quotes_lexicon *lx, const char *low, size_t n)
{
	if (n < lx->role_min || !has_tail(lx->role_tail, low, n, ROLE_TAIL))
		return 0;
	/* The word itself or the longest tail of it, starting a code point. */
	for (size_t i = n > lx->role_max ? n - lx->role_max : 0; i + lx->role_min <= n; i++) {
		if (((unsigned char)low[i] & 0xC0) == 0x80)
			continue;
		if (wordset_has(lx->roles, low + i, n - i))
			return n - i;
	}
	return 0;
}

int quotes_ends_with_suffix(const struct quotes_lexicon *lx, const char *low, size_t n)
{
	if (!has_tail(lx->adj_tail, low, n, ADJ_TAIL))
		return 0;
	for (size_t k = 1; k < n && k <= 6; k++)
		if (wordset_has(lx->adj_suffixes, low + n - k, k))
			return 1;
	return 0;
}

unsigned quotes_word_class(const struct quotes_lexicon *lx, const char *low, size_t n,
                           int capitalised)
{
	unsigned bits = lexmap_get(lx->map, low, n);
	/* A surname may end in a short role (Verheer, Swarts): a capitalised
	 * word is a role when it is one, or ends in one of five bytes or more
	 * (Bondscoach). */
	size_t role = quotes_is_role_word(lx, low, n);
	if (role == n || (role > 0 && (!capitalised || role >= 5)))
		bits |= LX_ROLE;
	if (quotes_ends_with_suffix(lx, low, n))
		bits |= LX_ADJ;
	return bits;
}
