/* entities.c — tag-entities on whole texts (see entities.h).
 *
 * Hyphenated compounds are one token, as in the CoNLL-2002 data, where a
 * compound holding a name (NAVO-top, CVP-voorzitter) is mostly MISC as a
 * whole. With split_compounds set, one that mixes a part in lower case
 * with a part that starts with a capital or digit (NAVO-chef, G7-top,
 * nazi-Duitsland, NAVO- of `NAVO- en EU-landen`) is split at its hyphens
 * for tagging, so the name inside is found on its own. Compounds of names
 * (Noord-Holland) and of plain words always stay whole.
 *
 * A person whose surname begins with a capitalised particle (`De Graaf`,
 * `Van den Berg`) gets the particles the tagger left out.
 *
 * A name that the hand-made lists (gazetteer-TYPE-common.txt) give exactly
 * one type keeps that type when the tagger finds it: `G7` is an ORG even
 * where the model, which never saw it, leans to MISC.
 *
 * A text is one document: the document memory is reset, every sentence is
 * tokenized and scanned first (so each mention sees the contexts of all the
 * others), then the sentences are tagged in order and each maximal B/I run
 * of one type becomes an entity from its first token's start to its last
 * token's end.
 */
#include "entities.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "lang.h"
#include "grow.h"
#include "filter.h"

/* "PROG: FILE:LINE: MESSAGE" (LINE 0: none); the file's name and the
 * message, which may quote the file, escaped for the terminal. */
static void print_file_error(const char *prog, const char *file, const char *file2,
                             const struct ner_file_error *e)
{
	fprintf(stderr, "%s: ", prog);
	escape_fputs(stderr, file);
	escape_fputs(stderr, file2);
	if (e->line)
		fprintf(stderr, ":%ld", e->line);
	fputs(": ", stderr);
	escape_fputs(stderr, e->message);
	fputc('\n', stderr);
}

/* The same for language file NAME, from --data DIR or built in. */
static void file_error(const char *prog, const char *name, const struct ner_file_error *e)
{
	const char *origin = lang_file_origin(name);
	print_file_error(prog, origin ? origin : "built-in common/lang/", origin ? NULL : name, e);
}

/* Add list NAME (if it exists) to G as TYPE. An exit status. */
static int load_list(struct ner_gazetteer *g, const char *name, int type, const char *prog)
{
	size_t len;
	const char *text = lang_file(name, &len);
	struct ner_file_error err;
	long n = text ? ner_gazetteer_add_list(g, text, len, type, &err) : 0;
	if (n == -1) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return EXIT_SOFTWARE;
	}
	if (n == -2) {
		file_error(prog, name, &err);
		return EXIT_NOINPUT;
	}
	return EXIT_OK;
}

/* The gazetteer files of the types, the -common ones only when ONLY_COMMON,
 * into a new *G. An exit status. */
static int load_lists(struct ner_gazetteer **g, int only_common, const char *prog)
{
	if (!(*g = ner_gazetteer_new())) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return EXIT_SOFTWARE;
	}
	int rc = EXIT_OK;
	for (int t = 0; t < NER_NTYPES && rc == EXIT_OK; t++) {
		char name[64], lower[16];
		size_t k = 0;
		for (const char *p = ner_type_names[t]; *p && k + 1 < sizeof lower; p++)
			lower[k++] = (char)(*p | 0x20);
		lower[k] = 0;
		for (int common = only_common; common < 2 && rc == EXIT_OK; common++) {
			snprintf(name, sizeof name, "nl/gazetteer-%s%s.txt", lower, common ? "-common" : "");
			rc = load_list(*g, name, t, prog);
		}
	}
	if (rc == EXIT_OK && !only_common)
		rc = load_list(*g, "nl/name-particles.txt", NER_PARTICLES, prog);
	if (rc == EXIT_OK && !only_common)
		rc = load_list(*g, "nl/name-particles-inner.txt", NER_PARTICLES_INNER, prog);
	if (rc != EXIT_OK) {
		ner_gazetteer_free(*g);
		*g = NULL;
	}
	return rc;
}

int entities_load_gazetteers(struct ner_gazetteer **g, const char *prog)
{
	return load_lists(g, 0, prog);
}

int entities_open(struct entities_tagger *t, const char *model_path, const char *prog)
{
	memset(t, 0, sizeof *t);
	struct ner_file_error err;
	if (model_path) {
		size_t len = 0;
		char *text = ner_model_read_file(model_path, &len, err.message, sizeof err.message);
		if (!text) {
			err.line = 0;
			print_file_error(prog, model_path, NULL, &err);
			return strcmp(err.message, "out of memory") ? EXIT_NOINPUT : EXIT_SOFTWARE;
		}
		t->model = ner_model_parse(text, len, &err);
		free(text);
		if (!t->model) {
			print_file_error(prog, model_path, NULL, &err);
			return err.line || strcmp(err.message, "out of memory") ? EXIT_NOINPUT : EXIT_SOFTWARE;
		}
	} else {
		size_t len;
		const char *text = lang_file(ENTITIES_MODEL_NAME, &len);
		if (!text) {
			fprintf(stderr, "%s: language file %s is missing\n", prog, ENTITIES_MODEL_NAME);
			return EXIT_SOFTWARE;
		}
		t->model = ner_model_parse(text, len, &err);
		if (!t->model) {
			file_error(prog, ENTITIES_MODEL_NAME, &err);
			return err.line || strcmp(err.message, "out of memory") ? EXIT_NOINPUT : EXIT_SOFTWARE;
		}
	}
	int rc = load_lists(&t->gaz, 0, prog);
	if (rc == EXIT_OK)
		rc = load_lists(&t->curated, 1, prog);
	if (rc != EXIT_OK) {
		entities_close(t);
		return rc;
	}
	t->tagger.doc = ner_doc_new();
	if (!t->tagger.doc || ner_model_names(t->model, t->gaz) < 0) {
		fprintf(stderr, "%s: out of memory\n", prog);
		entities_close(t);
		return EXIT_SOFTWARE;
	}
	t->tagger.model = t->model;
	t->tagger.gaz = t->gaz;
	return EXIT_OK;
}

/* Free *P when its capacity *CAP of elements of SIZE bytes exceeds KEEP. */
static void trim(void **p, size_t *cap, size_t size, size_t keep)
{
	if (*cap * size > keep) {
		free(*p);
		*p = NULL;
		*cap = 0;
	}
}

void entities_trim(struct entities_tagger *t, size_t keep, int entities)
{
	trim((void **)&t->off, &t->off_cap, sizeof *t->off, keep);
	trim((void **)&t->sent_first, &t->sent_cap, sizeof *t->sent_first, keep);
	trim((void **)&t->labels, &t->label_cap, 1, keep);
	trim((void **)&t->tokens.tok, &t->tokens.cap, sizeof *t->tokens.tok, keep);
	t->tokens.n = 0;
	if (entities) {
		trim((void **)&t->ent, &t->ent_cap, sizeof *t->ent, keep);
		t->n_ent = 0;
	}
}

void entities_close(struct entities_tagger *t)
{
	ner_model_free(t->model);
	ner_gazetteer_free(t->gaz);
	ner_gazetteer_free(t->curated);
	ner_doc_free(t->tagger.doc);
	ner_scratch_free(&t->tagger.scratch);
	token_list_free(&t->tokens);
	free(t->off);
	free(t->sent_first);
	free(t->words);
	free(t->labels);
	free(t->ent);
	memset(t, 0, sizeof *t);
}

static int starts_lower(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	return len && c >= 'a' && c <= 'z';
}

static int starts_name(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	return len && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

/* Append token [A,B) to the text's tokens (t->off; *NTOK of them). */
static int push_token(struct entities_tagger *t, size_t *ntok, size_t a, size_t b)
{
	if (grow_array((void **)&t->off, &t->off_cap, 2 * (*ntok + 1), sizeof *t->off) < 0)
		return -1;
	t->off[2 * *ntok] = (uint32_t)a;
	t->off[2 * *ntok + 1] = (uint32_t)b;
	++*ntok;
	return 0;
}

/* Append TOK to the text's tokens, split at its hyphens when
 * t->split_compounds and it mixes the two kinds of parts (see above).
 * Returns 0 or -1 (memory). */
static int push_tagging_tokens(struct entities_tagger *t, size_t *ntok, struct token tok)
{
	const char *text = t->text;
	size_t a = tok.start, b = tok.end;
	int lower = 0, name = 0;
	if (t->split_compounds && tok.kind == TOK_WORD) {
		for (size_t p = a, q; p < b; p = q + 1) {
			q = p;
			while (q < b && text[q] != '-')
				q++;
			lower |= q == p || starts_lower(text + p, q - p);
			name |= starts_name(text + p, q - p);
		}
		lower |= text[b - 1] == '-';   /* `NAVO-` of `NAVO- en EU-landen` */
	}
	if (!(lower && name))
		return push_token(t, ntok, a, b);
	for (size_t p = a, q; p < b; p = q + 1) {
		q = p;
		while (q < b && text[q] != '-')
			q++;
		if ((q > p && push_token(t, ntok, p, q) < 0) || (q < b && push_token(t, ntok, q, q + 1) < 0))
			return -1;
	}
	return 0;
}

/* Token K of the text being tagged. */
static struct ner_word word_at(const struct entities_tagger *t, size_t k)
{
	return (struct ner_word){ t->text + t->off[2 * k], t->off[2 * k + 1] - t->off[2 * k] };
}

/* The type of the curated list (gazetteer-*-common.txt) that names tokens
 * [I,J) exactly, when just one does; else TYPE. */
static int curated_type(const struct entities_tagger *t, size_t i, size_t j, int type)
{
	if (j - i > NER_GAZ_MAX_WORDS)
		return type;
	uint32_t h[NER_GAZ_MAX_WORDS];
	for (size_t k = i; k < j; k++) {
		struct ner_word w = word_at(t, k);
		h[k - i] = ner_hash_bytes(w.s, w.len);
	}
	unsigned m = ner_gazetteer_phrase(t->curated, h, j - i);
	if (m && !(m & (m - 1)))
		for (int c = 0; c < NER_NTYPES; c++)
			if (m == 1u << c)
				return c;
	return type;
}

/* 1 if word K is a surname particle, in any case (`De`, `van`, `der`). */
static int is_particle(const struct entities_tagger *t, size_t k)
{
	struct ner_word w = word_at(t, k);
	char low[16];
	if (w.len >= sizeof low)
		return 0;
	for (size_t i = 0; i < w.len; i++) {
		unsigned char c = (unsigned char)w.s[i];
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	return ner_gazetteer_particle(t->gaz, ner_hash_bytes(low, w.len)) != 0;
}

/* 1 if word K begins with a capital A-Z. */
static int is_upper(const struct entities_tagger *t, size_t k)
{
	unsigned char c = (unsigned char)t->text[t->off[2 * k]];
	return c >= 'A' && c <= 'Z';
}

/* Where a person's name that the tagger starts at token I really starts:
 * before the particles of its surname when they begin with a capital
 * (`zei De Graaf`, `Van den Berg rekende`), which the tagger, trained on
 * Flemish names, tends to leave out. A is the sentence's first token. */
static size_t particles_before(const struct entities_tagger *t, size_t a, size_t i)
{
	size_t k = i;
	while (k > a && i - k < 3 && is_particle(t, k - 1))
		k--;
	while (k < i && !is_upper(t, k))   /* the first particle must be the capitalised one */
		k++;
	if (k == i || t->labels[k - a])
		return i;
	/* and not be preceded by a capitalised word: that case the tagger has */
	if (k > a && is_upper(t, k - 1))
		return i;
	return k;
}

/* The words of tokens [A, B) into t->words. */
static void words_of(struct entities_tagger *t, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		t->words[k - a] = word_at(t, k);
}

int entities_tag(struct entities_tagger *t, const char *text, size_t len,
                 const struct sentence_span *spans, size_t n)
{
	t->n_ent = 0;
	t->n_tokens = 0;
	t->text = text;
	if (len > UINT32_MAX ||
	    grow_array((void **)&t->sent_first, &t->sent_cap, n + 1, sizeof *t->sent_first) < 0 ||
	    grow_array((void **)&t->words, &t->word_cap, ENTITIES_MAX_RUN + 2, sizeof *t->words) < 0)
		return -1;
	/* the tokens of the whole text, as 32-bit offsets: 8 bytes a token */
	size_t ntok = 0, longest = 0;
	for (size_t s = 0; s < n; s++) {
		t->sent_first[s] = ntok;
		t->tokens.n = 0;
		if (tokenize(text + spans[s].start, spans[s].end - spans[s].start, spans[s].start,
		             &t->tokens) == (size_t)-1)
			return -1;
		for (size_t i = 0; i < t->tokens.n; i++)
			if (push_tagging_tokens(t, &ntok, t->tokens.tok[i]) < 0)
				return -1;
		if (ntok - t->sent_first[s] > longest)
			longest = ntok - t->sent_first[s];
	}
	t->sent_first[n] = ntok;
	t->n_tokens = ntok;
	if (grow_array((void **)&t->labels, &t->label_cap, longest + 1, 1) < 0)
		return -1;
	/* every mention of a capitalised word before tagging, in windows of a
	 * run and the tokens either side */
	ner_doc_reset(t->tagger.doc);
	for (size_t s = 0; s < n; s++) {
		size_t a = t->sent_first[s], b = t->sent_first[s + 1];
		for (size_t c = a; c < b; c += ENTITIES_MAX_RUN) {
			size_t e = b - c > ENTITIES_MAX_RUN ? c + ENTITIES_MAX_RUN : b;
			size_t lo = c > a ? c - 1 : c, hi = e < b ? e + 1 : e;
			words_of(t, lo, hi);
			if (ner_tagger_scan_part(&t->tagger, t->words + (c - lo), e - c, c > a, e < b) < 0)
				return -1;
		}
	}
	for (size_t s = 0; s < n; s++) {
		size_t a = t->sent_first[s], b = t->sent_first[s + 1];
		/* a "sentence" of thousands of tokens (a text without stops) is
		 * tagged in pieces, so the tagger's tables stay small */
		for (size_t c = a; c < b; c += ENTITIES_MAX_RUN) {
			size_t e = b - c > ENTITIES_MAX_RUN ? c + ENTITIES_MAX_RUN : b;
			words_of(t, c, e);
			if (ner_tag_sentence(&t->tagger, t->words, e - c, t->labels + (c - a)) < 0)
				return -1;
		}
		const uint8_t *l = t->labels;   /* l[i - a]: the label of token i of the text */
		for (size_t i = a; i < b;) {
			if (!l[i - a]) {
				i++;
				continue;
			}
			int type = ner_label_type(l[i - a]);
			size_t j = i + 1;
			while (j < b && l[j - a] && !ner_label_is_begin(l[j - a]) && ner_label_type(l[j - a]) == type)
				j++;
			type = curated_type(t, i, j, type);
			size_t from = type == 0 ? particles_before(t, a, i) : i;
			if (grow_array((void **)&t->ent, &t->ent_cap, t->n_ent + 1, sizeof *t->ent) < 0)
				return -1;
			t->ent[t->n_ent++] = (struct entity){
				.start = t->off[2 * from], .end = t->off[2 * (j - 1) + 1],
				.type = (uint8_t)type, .sentence = (uint32_t)s
			};
			i = j;
		}
	}
	return 0;
}
