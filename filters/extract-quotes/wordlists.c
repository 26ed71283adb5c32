/* wordlists.c — which language lists extract-quotes reads, and the word
 * class (LX_*, doc.h) each stands for. The lists are loaded through the
 * shared lexicon service (common/wordclass.h); this file only names them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "lang.h"

/* The lists and the word class (LX_*) each stands for (TAG: only entries
 * carrying it), loaded as words (AS_WORDS), as endings (AS_ENDINGS: a
 * word ending in one is of its class too) or both. A missing required list
 * is an error; optional ones may be absent. */
enum { AS_WORDS = 1, AS_ENDINGS = 2 };
static const struct list {
	const char *file, *tag;
	uint32_t bits;
	int optional;
	unsigned as;
} lists[] = {
	{ "nl/quotes-function-words.txt", NULL, LX_FUNCTION, 0, AS_WORDS },
	{ "nl/quotes-function-words.txt", "det", LX_DET | LX_DEFINITE, 0, AS_WORDS },
	{ "nl/quotes-function-words.txt", "indef", LX_DET, 0, AS_WORDS },
	{ "nl/quotes-function-words.txt", "poss", LX_DET | LX_POSSESSIVE, 0, AS_WORDS },
	{ "nl/quotes-function-words.txt", "prep", LX_PREP, 0, AS_WORDS },
	{ "nl/quotes-function-words.txt", "sub", LX_SUB, 0, AS_WORDS },
	{ "nl/quotes-name-particles.txt", NULL, LX_PARTICLE, 0, AS_WORDS },
	{ "nl/quotes-term-markers.txt", NULL, LX_TERM, 0, AS_WORDS },
	{ "nl/quotes-organisations.txt", NULL, LX_ORG, 0, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-complementizers.txt", NULL, LX_COMPLEMENTIZER, 0, AS_WORDS },
	{ "nl/quotes-roles.txt", NULL, LX_ROLE, 0, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-person-nouns.txt", NULL, LX_PERSON, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-person-nouns.txt", "role", LX_ROLE, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-person-nouns.txt", "f", LX_FEMALE, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-person-nouns.txt", "m", LX_MALE, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-person-nouns.txt", "pl", LX_PLURAL, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-group-nouns.txt", NULL, LX_GROUP, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-group-nouns.txt", "pl", LX_PLURAL, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/quotes-organisation-nouns.txt", NULL, LX_ORG, 1, AS_WORDS | AS_ENDINGS },
	{ "nl/speakers-pronouns.txt", NULL, LX_PRONOUN | LX_FUNCTION, 0, AS_WORDS },
	{ "nl/speakers-titles.txt", NULL, LX_TITLE, 0, AS_WORDS },
	{ "nl/speakers-titles.txt", "m", LX_MALE, 0, AS_WORDS },
	{ "nl/speakers-titles.txt", "f", LX_FEMALE, 0, AS_WORDS },
	{ "nl/first-names.txt", "m", LX_MALE, 0, AS_WORDS },
	{ "nl/first-names.txt", "f", LX_FEMALE, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "m", LX_MALE | LX_PERSON, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "f", LX_FEMALE | LX_PERSON, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "plural-det", LX_PLURAL_DET | LX_DET, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "someone", LX_SOMEONE | LX_FUNCTION, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "someone-pl", LX_SOMEONE | LX_FUNCTION | LX_PLURAL, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "neuter", LX_NEUTER, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "negation", LX_NEGATION, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "particle", LX_PARTICLE, 0, AS_WORDS },
	{ "nl/speakers-words.txt", "press", LX_ORG, 0, AS_WORDS | AS_ENDINGS },
	{ "nl/abbreviations.txt", NULL, LX_ABBREV, 1, AS_WORDS },
	{ "nl/stopwords.txt", NULL, LX_STOP, 0, AS_WORDS },
	{ "nl/gazetteer-loc.txt", NULL, LX_PLACE, 1, AS_WORDS },
	{ "nl/gazetteer-loc-common.txt", NULL, LX_PLACE, 1, AS_WORDS },
	{ "nl/gazetteer-org.txt", NULL, LX_PLACE, 1, AS_WORDS },
	{ "nl/gazetteer-org-common.txt", NULL, LX_PLACE, 1, AS_WORDS },
	{ "nl/quotes-adjective-suffixes.txt", NULL, LX_ADJ, 0, AS_ENDINGS },
	{ "nl/speakers-words.txt", "f-ending", LX_FEMALE, 0, AS_ENDINGS },
};


static int missing(const char *file)
{
	fprintf(stderr, "extract-quotes: language file %s is missing\n", file);
	return -1;
}

/* "FORM [PARTICLE...]" lines of the reporting-verb lists: a form alone is a
 * cue; with particles it is one only with a particle later in its clause,
 * and "form particle" is kept as a pair. */
static void add_cue(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	if (!sp) {
		wordclass_add(lx->wc, line, len, LX_CUE);
		return;
	}
	size_t fl = (size_t)(sp - line);
	wordclass_add(lx->wc, line, fl, LX_CUE_SEP);
	for (const char *p = sp + 1, *end = line + len; p < end;) {
		const char *q = memchr(p, ' ', (size_t)(end - p));
		size_t pl = q ? (size_t)(q - p) : (size_t)(end - p);
		char pair[256];
		if (fl + 1 + pl < sizeof pair) {
			memcpy(pair, line, fl);
			pair[fl] = ' ';
			memcpy(pair + fl + 1, p, pl);
			wordclass_add(lx->wc, pair, fl + 1 + pl, LX_CUE_PAIR);
		}
		p += pl + 1;
	}
}

static void add_opinion(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	wordclass_add(lx->wc, line, sp ? (size_t)(sp - line) : len, LX_OPINION);
	add_cue(line, len, ctx);
}

/* Cue phrases ("volgens", "in de woorden van"): whole, and their first word. */
static void add_phrase(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	size_t words = 1;
	for (size_t i = 0; i < len; i++)
		words += line[i] == ' ';
	wordclass_add(lx->wc, line, len, LX_PHRASE);
	wordclass_add(lx->wc, line, sp ? (size_t)(sp - line) : len, LX_PHRASE_FIRST);
	if (words > lx->longest_phrase_words)
		lx->longest_phrase_words = words;
}

/* A word that may open a cue phrase built by cues.c (a speech noun). */
static void add_phrase_first(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	wordclass_add(lx->wc, line, len, LX_PHRASE_FIRST);
}

/* The shape (length, first byte) of the first word of LINE into SHAPE
 * (MAX lengths), both cases of a first letter: a word of another shape is
 * in none of the lists read so, without a look-up. */
static void add_shape(unsigned char (*shape)[256], size_t max, const char *line, size_t len)
{
	const char *sp = memchr(line, ' ', len);
	size_t n = sp ? (size_t)(sp - line) : len;
	if (n > 0 && n < max) {
		char low[16];
		wordclass_fold(line, n, low);
		shape[n][(unsigned char)low[0]] = 1;
		/* a capitalised one opens a sentence */
		if (low[0] >= 'a' && low[0] <= 'z')
			shape[n][(unsigned char)(low[0] - 32)] = 1;
	}
}

/* Every determiner (any line of a list with determiners: a wider net than
 * needed, and that is all a shape must be). */
static void add_det_shape(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	add_shape(lx->det_shape, sizeof lx->det_shape / sizeof lx->det_shape[0], line, len);
}

/* Every abbreviation and title (tokens.c: the full stop after one). */
static void add_abbr_shape(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	add_shape(lx->abbr_shape, sizeof lx->abbr_shape / sizeof lx->abbr_shape[0], line, len);
}

static const struct { const char *tag; unsigned bit; } pron_tags[] = {
	{ "subj", PR_SUBJ }, { "obj", PR_OBJ }, { "first", PR_FIRST }, { "second", PR_SECOND },
	{ "m", PR_MALE }, { "f", PR_FEMALE }, { "pl", PR_PLURAL }, { "sg", PR_SINGULAR },
	{ "poss", PR_POSSESSIVE }, { "dem", PR_DEMONSTRATIVE },
};

static void add_pronoun(const char *line, size_t len, void *ctx)
{
	struct quotes_lexicon *lx = ctx;
	const char *sp = memchr(line, ' ', len);
	size_t wl = sp ? (size_t)(sp - line) : len;
	unsigned bits = 0;
	for (const char *p = sp, *end = line + len; p && p < end;) {
		p++;
		const char *q = memchr(p, ' ', (size_t)(end - p));
		size_t tl = q ? (size_t)(q - p) : (size_t)(end - p);
		for (size_t i = 0; i < sizeof pron_tags / sizeof pron_tags[0]; i++)
			if (strlen(pron_tags[i].tag) == tl && memcmp(pron_tags[i].tag, p, tl) == 0)
				bits |= pron_tags[i].bit;
		p = q;
	}
	wordclass_add(lx->pron, line, wl, bits);
}

/* The lines of language file NAME (0 when there is none). */
static size_t lines_of(const char *name)
{
	size_t len = 0, lines = 0;
	const char *text = lang_file(name, &len);
	if (!text)
		return 0;
	for (const char *p = text, *end = text + len; p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		lines++;
	return lines + (len && text[len - 1] != '\n');
}

enum { TABLE_USES = 20, MAX_USES = 2 * sizeof lists / sizeof lists[0] + TABLE_USES };

/* Every list of lists[] and of the small tables of quotes_lexicon (one
 * class each, or the CW_* and PA_* bits; all required) read once: each file
 * in one pass for all the classes and tables it fills. 0, or -1 after a
 * message. */
static int load_lists(struct quotes_lexicon *lx)
{
	const char *fw = "nl/quotes-function-words.txt", *pa = "nl/quotes-participle-affixes.txt";
	const struct { const char *file, *tag; struct wordclass *wc; unsigned bits; } tables[] = {
		{ fw, "agent", lx->agent, 1 },
		{ "nl/speakers-words.txt", "share", lx->share, 1 },
		{ fw, "naming", lx->naming, 1 },
		{ fw, "article", lx->clause_words, CW_ARTICLE },
		{ fw, "coord", lx->clause_words, CW_COORD },
		{ fw, "passive", lx->clause_words, CW_PASSIVE },
		{ pa, "ge", lx->participle, PA_GE },
		{ pa, "prefix", lx->participle, PA_PREFIX },
		{ pa, "ending", lx->participle, PA_ENDING },
		{ pa, "past", lx->participle, PA_PAST },
		{ pa, "particle", lx->participle, PA_PARTICLE },
		{ "nl/quotes-naming-verbs.txt", NULL, lx->naming_verbs, 1 },
		{ "nl/speakers-copulas.txt", NULL, lx->copulas, 1 },
		{ "nl/speakers-relatives.txt", NULL, lx->relatives, 1 },
		{ "nl/quotes-speech-nouns.txt", NULL, lx->speech_nouns, 1 },
		{ fw, "of", lx->genitive, 1 },
		{ "nl/quotes-person-nouns.txt", "kin", lx->kin, 1 },
	};
	_Static_assert(sizeof tables / sizeof tables[0] <= TABLE_USES, "room for the tables' uses");
	struct { const char *file; int optional; struct wordclass_use use; } all[MAX_USES];
	size_t n = 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		all[n].file = tables[i].file;
		all[n].optional = 0;
		all[n++].use = (struct wordclass_use){ tables[i].wc, tables[i].tag, tables[i].bits, 0 };
	}
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		for (unsigned as = AS_WORDS; as <= AS_ENDINGS; as <<= 1)
			if (lists[i].as & as) {
				all[n].file = lists[i].file;
				all[n].optional = lists[i].optional;
				all[n++].use = (struct wordclass_use){ lx->wc, lists[i].tag, lists[i].bits, as == AS_ENDINGS };
			}
	/* the main table made at its size up front: each file's lines are a
	 * bound on the words (or endings) it adds */
	size_t words = 0, endings = 0;
	for (size_t i = 0; i < n; i++) {
		if (all[i].use.wc != lx->wc)
			continue;
		int seen = 0;   /* the file is counted for this kind already */
		for (size_t j = 0; j < i && !seen; j++)
			seen = all[j].use.wc == lx->wc && all[j].use.ending == all[i].use.ending &&
			       strcmp(all[j].file, all[i].file) == 0;
		if (!seen)
			*(all[i].use.ending ? &endings : &words) += lines_of(all[i].file);
	}
	wordclass_reserve(lx->wc, words, endings);
	int done[MAX_USES] = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		struct wordclass_use uses[MAX_USES];
		size_t k = 0;
		int required = 0;
		for (size_t j = i; j < n; j++)
			if (!done[j] && strcmp(all[j].file, all[i].file) == 0) {
				uses[k++] = all[j].use;
				required |= !all[j].optional;
				done[j] = 1;
			}
		if (wordclass_load_uses(all[i].file, uses, k) < 0 && required)
			return missing(all[i].file);
	}
	return 0;
}

int quotes_lexicon_load(struct quotes_lexicon *lx)
{
	memset(lx, 0, sizeof *lx);
	lx->wc = wordclass_new();
	lx->pron = wordclass_new();
	lx->agent = wordclass_new();
	lx->share = wordclass_new();
	lx->naming = wordclass_new();
	lx->clause_words = wordclass_new();
	lx->participle = wordclass_new();
	lx->naming_verbs = wordclass_new();
	lx->copulas = wordclass_new();
	lx->relatives = wordclass_new();
	lx->speech_nouns = wordclass_new();
	lx->genitive = wordclass_new();
	lx->kin = wordclass_new();
	if (load_lists(lx) < 0)
		return -1;
	/* "naar eigen zeggen": a cue phrase whose speaker stands before it */
	lx->self_phrases = wordclass_new();
	if (wordclass_load_phrases(lx->self_phrases, "nl/quotes-self-cue-phrases.txt", 1) < 0 ||
	    lang_each_line("nl/quotes-self-cue-phrases.txt", add_phrase, lx) < 0)
		return missing("nl/quotes-self-cue-phrases.txt");
	/* a speech noun may open a cue phrase ("een uitspraak van X") */
	if (lang_each_line("nl/quotes-speech-nouns.txt", add_phrase_first, lx) < 0)
		return missing("nl/quotes-speech-nouns.txt");
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		if ((lists[i].as & AS_WORDS) && (lists[i].bits & LX_DET))
			lang_each_line(lists[i].file, add_det_shape, lx);
		if ((lists[i].as & AS_WORDS) && (lists[i].bits & (LX_ABBREV | LX_TITLE)))
			lang_each_line(lists[i].file, add_abbr_shape, lx);
	}
	if (lang_each_line("nl/quotes-speech-verbs.txt", add_cue, lx) < 0)
		return missing("nl/quotes-speech-verbs.txt");
	if (lang_each_line("nl/speakers-verbs.txt", add_cue, lx) < 0)
		return missing("nl/speakers-verbs.txt");
	if (lang_each_line("nl/quotes-opinion-verbs.txt", add_opinion, lx) < 0)
		return missing("nl/quotes-opinion-verbs.txt");
	if (lang_each_line("nl/quotes-cue-phrases.txt", add_phrase, lx) < 0)
		return missing("nl/quotes-cue-phrases.txt");
	if (lang_each_line("nl/speakers-pronouns.txt", add_pronoun, lx) < 0)
		return missing("nl/speakers-pronouns.txt");
	/* the one-word lists kept with every token (AUX_*) */
	const struct { const struct wordclass *wc; unsigned bit, mask; } aux[AUX_LISTS] = {
		{ lx->agent, AUX_AGENT, 1 }, { lx->naming, AUX_NAMING, 1 },
		{ lx->clause_words, 1u << AUX_CLAUSE_SHIFT, CW_ARTICLE | CW_COORD | CW_PASSIVE },
		{ lx->naming_verbs, AUX_NAMING_VERB, 1 }, { lx->copulas, AUX_COPULA, 1 },
		{ lx->relatives, AUX_RELATIVE, 1 }, { lx->speech_nouns, AUX_SPEECH_NOUN, 1 },
		{ lx->genitive, AUX_GENITIVE, 1 }, { lx->share, AUX_SHARE, 1 }, { lx->kin, AUX_KIN, 1 },
	};
	for (size_t i = 0; i < AUX_LISTS; i++) {
		unsigned shift = (unsigned)__builtin_ctz(aux[i].bit);
		wordclass_add_all(lx->wc, aux[i].wc, AUX_SHIFT + shift);
		lx->aux[lx->naux++] = (struct aux_list){ aux[i].wc, shift, aux[i].mask };
	}
	return 0;
}

void quotes_lexicon_free(struct quotes_lexicon *lx)
{
	wordclass_free(lx->wc);
	wordclass_free(lx->pron);
	wordclass_free(lx->agent);
	wordclass_free(lx->share);
	wordclass_free(lx->naming);
	wordclass_free(lx->clause_words);
	wordclass_free(lx->participle);
	wordclass_free(lx->naming_verbs);
	wordclass_free(lx->copulas);
	wordclass_free(lx->relatives);
	wordclass_free(lx->speech_nouns);
	wordclass_free(lx->genitive);
	wordclass_free(lx->kin);
	wordclass_free(lx->self_phrases);
	memset(lx, 0, sizeof *lx);
}

/* A feminine form of a listed masculine noun: koningin (koning), vriendin,
 * woordvoerster (woordvoerder), zangeres (zanger), lerares (leraar). */
static int female(const struct quotes_lexicon *lx, const char *w, size_t n)
{
	size_t e = wordclass_ending(lx->wc, w, n, LX_FEMALE, 3, NULL);
	if (!e || n - e + 4 > 64)
		return 0;
	static const char *const back[] = { "", "er", "der", "aar" };
	char base[64];
	size_t bn = n - e;
	memcpy(base, w, bn);
	/* lerares: the long vowel of leraar is written single before -es */
	int single = bn >= 2 && base[bn - 1] == 'r' && strchr("aeou", base[bn - 2]);
	for (size_t i = 0; i < sizeof back / sizeof back[0]; i++) {
		size_t k = strlen(back[i]);
		if (i == 3 && single) {
			memcpy(base + bn - 1, "ar", 2);
			if (wordclass_get(lx->wc, base, bn + 1) & (LX_ROLE | LX_PERSON))
				return 1;
			base[bn - 1] = 'r';
			continue;
		}
		memcpy(base + bn, back[i], k);
		if (wordclass_get(lx->wc, base, bn + k) & (LX_ROLE | LX_PERSON))
			return 1;
	}
	return 0;
}

uint32_t quotes_word_direct(const struct quotes_lexicon *lx, const char *w, size_t n)
{
	return (uint32_t)wordclass_get(lx->wc, w, n);
}

/* The noun classes (role, person, group, body) of the singular STEM (N
 * bytes): listed, or by its ending: what word_endings would give among
 * them, without the adjective and feminine endings it would also try. */
static uint32_t singular(const struct quotes_lexicon *lx, const char *stem, size_t n)
{
	const uint32_t noun = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;
	uint32_t bits = quotes_word_direct(lx, stem, n);
	if ((bits & (LX_FUNCTION | LX_CUE | LX_CUE_SEP)) || (bits & noun))
		return bits & noun;
	wc_bits found;
	return wordclass_ending(lx->wc, stem, n, noun, 0, &found) ? (uint32_t)found & noun : 0;
}

/* The person, group or body classes of the singular of plural W (N bytes,
 * lower case), by the regular Dutch plural endings: -s and -'s
 * (schrijvers, opa's), -en with its spelling rules (vrouwen, mannen:
 * man, leraren: leraar), -eren (kinderen: kind), -n after -e
 * (ingewijden: ingewijde); 0 when none is listed. */
static uint32_t plural_of_noun(const struct quotes_lexicon *lx, const char *w, size_t n)
{
	const uint32_t noun = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;
	char stem[64];
	if (n < 5 || n >= sizeof stem)
		return 0;
	memcpy(stem, w, n);
	uint32_t b = 0;
	if (w[n - 1] == 's') {
		size_t k = n >= 3 && (w[n - 2] == '\'' ) ? n - 2 : n - 1;
		b = singular(lx, stem, k);
	} else if (w[n - 2] == 'e' && w[n - 1] == 'n') {
		size_t k = n - 2;
		b = singular(lx, stem, k);
		if (!(b & noun) && k >= 3 && stem[k - 1] == stem[k - 2] && !strchr("aeiou", stem[k - 1]))
			b = singular(lx, stem, k - 1);   /* mannen */
		if (!(b & noun) && k >= 3 && k + 1 < sizeof stem && strchr("aeou", stem[k - 2]) &&
		    !strchr("aeiou", stem[k - 1]) && (k < 3 || !strchr("aeiou", stem[k - 3]))) {
			stem[k] = stem[k - 1];   /* leraren: leraar */
			stem[k - 1] = stem[k - 2];
			b = singular(lx, stem, k + 1);
			memcpy(stem, w, n);
		}
		if (!(b & noun) && k >= 5 && stem[k - 2] == 'e' && stem[k - 1] == 'r')
			b = singular(lx, stem, k - 2);   /* kinderen */
		if (!(b & noun))   /* ingewijden: ingewijde (listed: no compounds) */
			b = quotes_word_direct(lx, stem, n - 1) & noun;
	}
	return b & noun ? (b & noun) | LX_PLURAL : 0;
}

uint32_t quotes_word_endings(const struct quotes_lexicon *lx, const char *w, size_t n,
                             int capitalised, uint32_t bits)
{
	if (bits & (LX_FUNCTION | LX_CUE | LX_CUE_SEP))
		return bits;
	/* a plural of a listed noun is one too (not a capitalised word:
	 * "Bakkers" may be a surname) */
	if (!capitalised && !(bits & (LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG)))
		bits |= plural_of_noun(lx, w, n);
	/* A compound ending in a role, person, group or body noun is one too
	 * (EU-buitenlandchef, diplomatiedeskundige, ProRail-woordvoerder); a
	 * capitalised word only when the ending is five bytes or more, or the
	 * whole word: a surname may end in a short role (Verheer, Swarts). */
	uint32_t noun = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;
	if (!(bits & noun)) {
		wc_bits found;
		size_t k = wordclass_ending(lx->wc, w, n, noun, 0, &found);
		if (k && (k == n || !capitalised || k >= 5))
			bits |= (uint32_t)found & noun;
	}
	/* "VLD'er", "D66'ers", "havo'er": a person of what the word before
	 * the apostrophe names, member or pupil (a productive derivation) */
	if (!(bits & noun) && n >= 5) {
		size_t e = w[n - 1] == 's' ? n - 1 : n;
		if (e >= 5 && w[e - 2] == 'e' && w[e - 1] == 'r' &&
		    (w[e - 3] == '\'' || (e >= 7 && !memcmp(w + e - 5, "\xE2\x80\x99", 3))))
			bits |= LX_PERSON | (e < n ? LX_PLURAL : 0);
	}
	/* a listed first name is no adjective of origin (Louise, Ilse,
	 * Denise end like Franse) */
	if (!(capitalised && (bits & (LX_MALE | LX_FEMALE))) && wordclass_ending(lx->wc, w, n, LX_ADJ, 1, NULL))
		bits |= LX_ADJ;
	if ((bits & (LX_ROLE | LX_PERSON)) && !(bits & (LX_MALE | LX_FEMALE)) && female(lx, w, n))
		bits |= LX_FEMALE;
	return bits;
}

uint32_t quotes_word_class(const struct quotes_lexicon *lx, const char *w, size_t n,
                           int capitalised)
{
	return quotes_word_endings(lx, w, n, capitalised, quotes_word_direct(lx, w, n));
}

unsigned quotes_pronoun(const struct quotes_lexicon *lx, const char *w, size_t n)
{
	return (unsigned)wordclass_get(lx->pron, w, n);
}
