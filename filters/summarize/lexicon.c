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
#include "lang.h"
#include "lexicon.h"
#include "summary.h"
#include "wordclass.h"
#include "words.h"

/* --- words ------------------------------------------------------------- */

int summary_word_next(const char *text, size_t len, size_t *pos,
                      size_t *start, size_t *end)
{
	return word_next(text, len, pos, start, end, NULL);
}


size_t summary_word_fold(const char *w, size_t n, char *out)
{
	return wordclass_fold(w, n, out);
}

/* --- the lists ----------------------------------------------------------- */

/* The lists' words and endings live in a common/wordclass table: a word's
 * classes are its LEX_* flags, its value 1 + its document frequency (0: not
 * in summary-df.txt); the verb endings are the table's endings, of class
 * VERB_ENDING. */
enum { VERB_ENDING = 1 };

/* The answers for the words looked up last, by the caller's hash of the
 * word: a word is recognised by that 64-bit hash and its length alone (a
 * collision would only lend a word another's weight); the same common
 * words come back in every document. */
enum { MEMO_SLOTS = 16384 };
struct memo {
	uint64_t key;
	float idf;
	uint16_t flags;
	uint8_t len;         /* 0: empty; words of 256 bytes or more are not kept */
	uint8_t info;        /* MEMO_UNSEEN: in no list */
};
enum { MEMO_UNSEEN = 1 };

struct summary_lexicon {
	struct wordclass *wc;
	struct memo memo[MEMO_SLOTS];
	double units;        /* corpus units behind the df counts */
	double unseen_idf;   /* idf of a word in no list */
	float listed_idf;    /* of a listed word not in summary-df.txt */
	int failed;          /* 2: a malformed entry */
	const char *bad;     /* the first malformed entry (lang.h's buffer) */
};

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
	wordclass_add(c->lx->wc, line, len, c->flag);
}

/* summary-df.txt: "@units N", then "COUNT WORD" lines, COUNT at most N.
 * A word's value in the table is its weight as a float (what the model was
 * trained with), its bits with the sign bit set: a weight is never
 * negative, and a value of 0 means "not in this file". */
static void add_df(const char *line, size_t len, void *vctx)
{
	struct list_ctx *c = vctx;
	struct summary_lexicon *lx = c->lx;
	char buf[32];
	size_t i = 0;
	if (len > 7 && memcmp(line, "@units ", 7) == 0) {
		size_t m = len - 7 < sizeof buf - 1 ? len - 7 : sizeof buf - 1;
		char *end;
		memcpy(buf, line + 7, m);
		buf[m] = '\0';
		lx->units = strtod(buf, &end);
		if (end == buf || *end || !(lx->units >= 1))
			malformed(lx, line);
		return;
	}
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	if (i == 0 || i >= len || i > 9 || line[i] != ' ' || !(lx->units >= 1)) {
		malformed(lx, line);   /* also a count before "@units N" */
		return;
	}
	unsigned long df = strtoul(line, NULL, 10);   /* at most 9 digits */
	if (df > lx->units) {
		malformed(lx, line);
		return;
	}
	float idf = (float)log((lx->units + 1) / (df + 1.0));
	uint32_t bits;
	memcpy(&bits, &idf, sizeof bits);
	wordclass_set_value(lx->wc, line + i + 1, len - i - 1, bits | 0x80000000u);
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
	wordclass_add(c->lx->wc, line, w, flags);
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
	wordclass_add_ending(((struct list_ctx *)vctx)->lx->wc, line, len, VERB_ENDING);
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
	if (lx->failed) {
		snprintf(message, sizeof message, "malformed line: expected %s", expected);
		return summary_lang_error(name, lx->bad, message);
	}
	return 0;
}

struct summary_lexicon *summary_lexicon_load(const char *lang, int *status)
{
	struct summary_lexicon *lx = calloc(1, sizeof *lx);
	*status = EXIT_SOFTWARE;
	if (!lx)
		return NULL;
	lx->wc = wordclass_new();   /* out of memory there exits 70 */
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
	                         "\"@units N\" first, then \"COUNT WORD\" with COUNT at most N"))) {
		summary_lexicon_free(lx);
		return NULL;
	}
	lx->unseen_idf = log(lx->units + 1);
	lx->listed_idf = (float)lx->unseen_idf;
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
	wordclass_free(lx->wc);
	free(lx);
}

void summary_lexicon_lookup(struct summary_lexicon *lx, const char *w, size_t n, uint64_t key,
                            unsigned *flags, double *idf)
{
	struct memo *m = &lx->memo[key & (MEMO_SLOTS - 1)];
	if (m->len != n || m->key != key) {
		uint32_t value;
		unsigned f = (unsigned)wordclass_get_hashed(lx->wc, w, n, wordclass_hash(w, n), &value);
		float weight = lx->listed_idf;
		if (value) {
			value &= 0x7FFFFFFFu;
			memcpy(&weight, &value, sizeof weight);
		}
		if (n == 0 || n > 255) {   /* not kept */
			*flags = f;
			*idf = value || f ? weight : lx->unseen_idf;
			return;
		}
		*m = (struct memo){ key, weight, (uint16_t)f, (uint8_t)n, value || f ? 0 : MEMO_UNSEEN };
	}
	*flags = m->flags;
	*idf = m->info & MEMO_UNSEEN ? lx->unseen_idf : m->idf;
}

int summary_lexicon_verb_ending(const struct summary_lexicon *lx, const char *w, size_t n)
{
	return n >= 4 && wordclass_ending(lx->wc, w, n, VERB_ENDING, 1, NULL) > 0;
}
