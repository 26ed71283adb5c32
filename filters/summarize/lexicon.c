/* lexicon.c — word lists and document frequencies for the summarizer, and
 * the word scanner it shares with `zeef score summary`. See lexicon.h and
 * summary.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "filter.h"
#include "grow.h"
#include "lang.h"
#include "lexicon.h"
#include "summary.h"
#include "words.h"

/* --- words ------------------------------------------------------------- */

int summary_word_next(const char *text, size_t len, size_t *pos,
                      size_t *start, size_t *end)
{
	return word_next(text, len, pos, start, end, NULL);
}


size_t summary_word_fold(const char *w, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)w;
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t i = 0;
	while (i < n) {
		/* Eight ASCII bytes at a time: 0x20 added to each of 'A'..'Z'. */
		for (; i + 8 <= n; i += 8) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (x & high)
				break;
			uint64_t upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & high;
			x |= upper >> 2;
			memcpy(out + i, &x, 8);
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		else if (c == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E &&
		         s[i + 1] != 0x97) {
			out[i++] = (char)c;
			c = (unsigned char)(s[i] + 0x20);
		}
		out[i++] = (char)c;
	}
	return n;
}

/* --- the table --------------------------------------------------------- */

/* An entry while loading: 16 bytes (its hash is computed again when
 * needed: the table is large, and touching it costs most of the start). */
struct entry {
	uint32_t word;       /* 1 + its offset in lx->words; 0: empty slot */
	uint32_t len;
	uint32_t df;
	uint32_t flags;
};

/* A slot as look-ups see it: 16 bytes, so that the table stays in cache.
 * A word is recognised by its 64-bit hash and length alone (a collision
 * between a listed word and another word is astronomically unlikely, and
 * would only lend it the listed word's weight). */
struct probe {
	uint64_t hash;       /* 0: empty (a real hash of 0 is stored as 1) */
	float idf;
	uint16_t flags;
	uint16_t len;
};

struct summary_lexicon {
	struct entry *slot;
	size_t cap, used;    /* cap is a power of two */
	char *words;         /* the entries' words, lowercased, one after another */
	size_t nwords, words_cap;
	struct probe *probe; /* per slot, what a look-up needs, packed */
	double units;        /* corpus units behind the df counts */
	double unseen_idf;   /* idf of a word not in the table */
	char **endings;
	size_t *ending_len;
	size_t n_endings;
	unsigned char last[256]; /* 1: some ending ends in this byte */
	int empty_ending;    /* an empty ending: every word ends in it */
	int failed;          /* 1 out of memory, 2 a malformed entry */
	const char *bad;     /* the first malformed entry (lang.h's buffer) */
	const char *loading; /* file being loaded, for messages */
};


static struct entry *find(const struct summary_lexicon *lx, const char *w, size_t n,
                          uint64_t h)
{
	size_t mask = lx->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct entry *e = &lx->slot[i];
		if (!e->word)
			return e;
		if (e->len == n) {
			const char *x = lx->words + e->word - 1;
			size_t j = 0;
			while (j < n && x[j] == w[j])
				j++;
			if (j == n)
				return e;
		}
	}
}

/* Double the table, or make it MIN slots (a power of two) when empty. */
static int grow(struct summary_lexicon *lx, size_t min)
{
	size_t cap = lx->cap ? lx->cap * 2 : min;
	struct entry *old = lx->slot;
	size_t oldcap = lx->cap;
	lx->slot = calloc(cap, sizeof *lx->slot);
	if (!lx->slot) {
		lx->slot = old;
		return -1;
	}
	lx->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].word)
			*find(lx, lx->words + old[i].word - 1, old[i].len,
			      summary_lexicon_hash(lx->words + old[i].word - 1, old[i].len)) = old[i];
	free(old);
	return 0;
}

/* The entry of W (folded here), made when absent; NULL when out of memory. */
static struct entry *intern(struct summary_lexicon *lx, const char *w, size_t n)
{
	if ((lx->used + 1) * 2 > lx->cap && grow(lx, 1024) < 0)
		return NULL;
	/* folded at the end of lx->words, kept there only when new */
	if (n >= UINT32_MAX - 1 - lx->nwords ||   /* offsets are 32 bits */
	    grow_array((void **)&lx->words, &lx->words_cap, lx->nwords + n + 1, 1) < 0)
		return NULL;
	char *f = lx->words + lx->nwords;
	summary_word_fold(w, n, f);
	f[n] = '\0';
	uint64_t h = summary_lexicon_hash(f, n);
	struct entry *e = find(lx, f, n, h);
	if (e->word)
		return e;
	e->word = (uint32_t)(lx->nwords + 1);
	e->len = (uint32_t)n;
	lx->nwords += n + 1;
	lx->used++;
	return e;
}

/* Note the malformed entry LINE (the first one is reported). */
static void malformed(struct summary_lexicon *lx, const char *line)
{
	if (!lx->failed) {
		lx->failed = 2;
		lx->bad = line;
	}
}

int summary_lang_error(const char *name, const char *entry, const char *message)
{
	size_t len;
	const char *s = lang_file(name, &len), *origin = lang_file_origin(name);
	fputs("summarize: ", stderr);
	if (origin)
		escape_fputs(stderr, origin);
	else
		fprintf(stderr, "built-in common/lang/%s", name);
	if (s && entry && entry >= s && entry <= s + len) {
		long line = 1;
		for (const char *p = s; (p = memchr(p, '\n', (size_t)(entry - p))) != NULL; p++)
			line++;
		fprintf(stderr, ":%ld", line);
	}
	fprintf(stderr, ": %s\n", message);
	return EXIT_NOINPUT;
}

struct list_ctx {
	struct summary_lexicon *lx;
	unsigned flag;
};

static void add_word(const char *line, size_t len, void *vctx)
{
	struct list_ctx *c = vctx;
	struct entry *e = intern(c->lx, line, len);
	if (e)
		e->flags |= c->flag;
	else
		c->lx->failed = 1;
}

/* summary-df.txt: "@units N", then "COUNT WORD" lines. */
static void add_df(const char *line, size_t len, void *vctx)
{
	struct list_ctx *c = vctx;
	char buf[32];
	size_t i = 0;
	if (len > 7 && memcmp(line, "@units ", 7) == 0) {
		size_t m = len - 7 < sizeof buf - 1 ? len - 7 : sizeof buf - 1;
		char *end;
		memcpy(buf, line + 7, m);
		buf[m] = '\0';
		c->lx->units = strtod(buf, &end);
		if (end == buf || *end || !(c->lx->units >= 1))
			malformed(c->lx, line);
		return;
	}
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	if (i == 0 || i >= len || i > 9 || line[i] != ' ') {
		malformed(c->lx, line);
		return;
	}
	unsigned long df = strtoul(line, NULL, 10);
	struct entry *e = intern(c->lx, line + i + 1, len - i - 1);
	if (e)
		e->df = (uint32_t)df;
	else
		c->lx->failed = 1;
}

/* summary-word-classes.txt: "WORD CLASS [CLASS...]". */
static void add_classed(const char *line, size_t len, void *vctx)
{
	static const struct { const char *name; unsigned flag; } classes[] = {
		{"personal", LEX_PERSONAL}, {"possessive", LEX_POSSESSIVE},
		{"demonstrative", LEX_DEMONSTRATIVE}, {"pronominal", LEX_PRONOMINAL},
		{"connective", LEX_CONNECTIVE}, {"preposition", LEX_PREPOSITION},
		{"determiner", LEX_DETERMINER}, {"time", LEX_TIME},
		{"first-person", LEX_FIRST_PERSON}, {"second-person", LEX_SECOND_PERSON},
		{"reporting", LEX_SPEECH},
	};
	struct list_ctx *c = vctx;
	size_t w = 0;
	while (w < len && line[w] != ' ' && line[w] != '\t')
		w++;
	unsigned flags = 0;
	for (size_t i = w; i < len;) {
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		size_t j = i;
		while (j < len && line[j] != ' ' && line[j] != '\t')
			j++;
		if (j == i)
			break;
		size_t k = 0, nc = sizeof classes / sizeof *classes;
		while (k < nc && !(strlen(classes[k].name) == j - i &&
		                   memcmp(classes[k].name, line + i, j - i) == 0))
			k++;
		if (k == nc) {
			malformed(c->lx, line);
			return;
		}
		flags |= classes[k].flag;
		i = j;
	}
	if (!flags) {
		malformed(c->lx, line);
		return;
	}
	struct entry *e = intern(c->lx, line, w);
	if (e)
		e->flags |= flags;
	else
		c->lx->failed = 1;
}

/* quotes-speech-verbs.txt: "FORM [PARTICLE...]". Only the forms that
 * report speech on their own get the list's flag: with a particle
 * ("geeft ... toe"), the form alone is a common verb ("geeft"). */
static void add_speech_verb(const char *line, size_t len, void *vctx)
{
	size_t w = 0;
	while (w < len && line[w] != ' ' && line[w] != '\t')
		w++;
	if (w == len)
		add_word(line, w, vctx);
}

static void add_ending(const char *line, size_t len, void *vctx)
{
	struct summary_lexicon *lx = ((struct list_ctx *)vctx)->lx;
	char **e = realloc(lx->endings, (lx->n_endings + 1) * sizeof *e);
	size_t *l = realloc(lx->ending_len, (lx->n_endings + 1) * sizeof *l);
	if (e)
		lx->endings = e;
	if (l)
		lx->ending_len = l;
	char *w = malloc(len + 1);
	if (!e || !l || !w) {
		free(w);
		lx->failed = 1;
		return;
	}
	summary_word_fold(line, len, w);
	w[len] = '\0';
	if (len)
		lx->last[(unsigned char)w[len - 1]] = 1;
	else
		lx->empty_ending = 1;
	lx->endings[lx->n_endings] = w;
	lx->ending_len[lx->n_endings++] = len;
}

/* Load FILE of LANG with FN; EXPECTED says what its lines look like, for
 * the message about a malformed one. Returns 0 or an exit status. */
static int load_list(struct summary_lexicon *lx, const char *lang, const char *file,
                     unsigned flag, void (*fn)(const char *, size_t, void *),
                     const char *expected)
{
	char name[256], message[256];
	snprintf(name, sizeof name, "%s/%s", lang, file);
	struct list_ctx c = { lx, flag };
	if (lang_each_line(name, fn, &c) < 0) {
		fprintf(stderr, "summarize: language file %s is missing\n", name);
		return EXIT_SOFTWARE;
	}
	if (lx->failed == 1) {
		fprintf(stderr, "summarize: %s: out of memory\n", name);
		return EXIT_SOFTWARE;
	}
	if (lx->failed) {
		snprintf(message, sizeof message, "malformed line: expected %s", expected);
		return summary_lang_error(name, lx->bad, message);
	}
	return 0;
}

/* The number of lines of LANG's FILE (0 when missing). */
static size_t lines_of(const char *lang, const char *file)
{
	char name[256];
	size_t len, n = 1;
	snprintf(name, sizeof name, "%s/%s", lang, file);
	const char *s = lang_file(name, &len), *end = s + len;
	if (!s)
		return 0;
	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL)
		s++, n++;
	return n;
}

struct summary_lexicon *summary_lexicon_load(const char *lang, int *status)
{
	/* The table made as large as the files' lines need at once: growing it
	 * step by step from 1024 slots touched twice the memory at start. */
	static const char *const sized[] = { "stopwords.txt", "summary-word-classes.txt",
		"quotes-speech-verbs.txt", "summary-credits.txt", "summary-bylines.txt",
		"summary-verbs.txt", "summary-df.txt" };
	size_t lines = 0, cap = 1024;
	for (size_t i = 0; i < sizeof sized / sizeof *sized; i++)
		lines += lines_of(lang, sized[i]);
	while ((lines + 1) * 2 > cap)
		cap *= 2;
	struct summary_lexicon *lx = calloc(1, sizeof *lx);
	*status = EXIT_SOFTWARE;
	if (!lx || grow(lx, cap) < 0) {
		free(lx);
		return NULL;
	}
	const char *word = "a word", *classed = "a word and its classes (personal, "
		"possessive, demonstrative, pronominal, connective, preposition, determiner, "
		"time, first-person, second-person, reporting)";
	if ((*status = load_list(lx, lang, "stopwords.txt", LEX_STOP, add_word, word)) ||
	    (*status = load_list(lx, lang, "summary-word-classes.txt", 0, add_classed, classed)) ||
	    (*status = load_list(lx, lang, "quotes-speech-verbs.txt", LEX_SPEECH,
	                         add_speech_verb, word)) ||
	    (*status = load_list(lx, lang, "summary-credits.txt", LEX_CREDIT, add_word, word)) ||
	    (*status = load_list(lx, lang, "summary-bylines.txt", LEX_BYLINE, add_word, word)) ||
	    (*status = load_list(lx, lang, "summary-verbs.txt", LEX_VERB, add_word, word)) ||
	    (*status = load_list(lx, lang, "summary-verb-endings.txt", 0, add_ending, word)) ||
	    (*status = load_list(lx, lang, "summary-df.txt", 0, add_df,
	                         "\"@units N\" or \"COUNT WORD\""))) {
		summary_lexicon_free(lx);
		return NULL;
	}
	*status = EXIT_SOFTWARE;
	lx->unseen_idf = log(lx->units + 1);
	lx->probe = calloc(lx->cap, sizeof *lx->probe);
	if (!lx->probe) {
		summary_lexicon_free(lx);
		return NULL;
	}
	for (size_t i = 0; i < lx->cap; i++) {
		const struct entry *e = &lx->slot[i];
		if (!e->word)
			continue;
		uint64_t h = summary_lexicon_hash(lx->words + e->word - 1, e->len);
		lx->probe[i].hash = h ? h : 1;
		lx->probe[i].idf = (float)log((lx->units + 1) / (e->df + 1.0));
		lx->probe[i].flags = (uint16_t)e->flags;
		lx->probe[i].len = e->len < 0xFFFF ? (uint16_t)e->len : 0xFFFF;
	}
	if (lx->units < 1) {
		char name[256];
		snprintf(name, sizeof name, "%s/summary-df.txt", lang);
		*status = summary_lang_error(name, NULL, "no \"@units N\" line");
		summary_lexicon_free(lx);
		return NULL;
	}
	*status = 0;
	return lx;
}

void summary_lexicon_free(struct summary_lexicon *lx)
{
	if (!lx)
		return;
	free(lx->words);
	for (size_t i = 0; i < lx->n_endings; i++)
		free(lx->endings[i]);
	free(lx->slot);
	free(lx->probe);
	free(lx->endings);
	free(lx->ending_len);
	free(lx);
}

void summary_lexicon_lookup(const struct summary_lexicon *lx, const char *w, size_t n,
                            uint64_t h, unsigned *flags, double *idf, int *verb_ending)
{
	const struct probe *p = NULL;
	uint64_t want = h ? h : 1;
	size_t mask = lx->cap - 1;
	(void)w;
	for (size_t i = h & mask; lx->probe[i].hash; i = (i + 1) & mask)
		if (lx->probe[i].hash == want && lx->probe[i].len == n) {
			p = &lx->probe[i];
			break;
		}
	*flags = p ? p->flags : 0;
	*idf = p ? p->idf : lx->unseen_idf;
	*verb_ending = summary_lexicon_verb_ending(lx, w, n);
}

int summary_lexicon_verb_ending(const struct summary_lexicon *lx, const char *w, size_t n)
{
	if (n < 4)
		return 0;
	if (!lx->last[(unsigned char)w[n - 1]])   /* no ending ends in its last byte */
		return lx->empty_ending;
	/* Endings are a few bytes: compared from the last byte back, inline,
	 * most fail on the first byte (a call to memcmp each costs more). */
	for (size_t i = 0; i < lx->n_endings; i++) {
		size_t l = lx->ending_len[i], j = 0;
		const char *e = lx->endings[i];
		if (l >= n)
			continue;
		while (j < l && w[n - 1 - j] == e[l - 1 - j])
			j++;
		if (j == l)
			return 1;
	}
	return 0;
}
