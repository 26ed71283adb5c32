/* gazetteer.c — lists of names as token sequences, for the gazetteer
 * features. Names are tokenized with the shared tokenizer, so a name and
 * the same words in a text hash alike. Keys are 32-bit hashes in two open-
 * addressing tables: whole names and the capitalised words inside them.
 */
#include "ner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tokenize.h"
#include "utf8.h"

struct gaz_table {
	uint32_t *key;
	uint8_t *mask;
	size_t cap, n;
};

struct ner_gazetteer {
	struct gaz_table phrase, word, particle;
};

enum { PHRASE_SEED = 0x3C6EF372u };

static int table_put(struct gaz_table *t, uint32_t key, unsigned mask)
{
	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		uint32_t *k = calloc(cap, sizeof *k);
		uint8_t *m = calloc(cap, 1);
		if (!k || !m) {
			free(k);
			free(m);
			return -1;
		}
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->key[i])
				continue;
			size_t j = t->key[i] & (cap - 1);
			while (k[j])
				j = (j + 1) & (cap - 1);
			k[j] = t->key[i];
			m[j] = t->mask[i];
		}
		free(t->key);
		free(t->mask);
		t->key = k;
		t->mask = m;
		t->cap = cap;
	}
	size_t j = key & (t->cap - 1);
	while (t->key[j] && t->key[j] != key)
		j = (j + 1) & (t->cap - 1);
	if (!t->key[j]) {
		t->key[j] = key;
		t->n++;
	}
	t->mask[j] |= (uint8_t)mask;
	return 0;
}

static unsigned table_get(const struct gaz_table *t, uint32_t key)
{
	if (!t->n)
		return 0;
	for (size_t j = key & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
		if (t->key[j] == key)
			return t->mask[j];
		if (!t->key[j])
			return 0;
	}
}

static uint32_t phrase_key(const uint32_t *h, size_t n)
{
	uint32_t k = PHRASE_SEED;
	for (size_t i = 0; i < n; i++)
		k = ner_hash_mix(k, h[i]);
	return k;
}

struct ner_gazetteer *ner_gazetteer_new(void)
{
	return calloc(1, sizeof(struct ner_gazetteer));
}

void ner_gazetteer_free(struct ner_gazetteer *g)
{
	if (!g)
		return;
	free(g->phrase.key);
	free(g->phrase.mask);
	free(g->word.key);
	free(g->word.mask);
	free(g->particle.key);
	free(g->particle.mask);
	free(g);
}

/* Why line LINE (bytes [A,B)) of a list is refused, or NULL. */
static const char *bad_line(const char *a, const char *b, int one_word)
{
	for (const char *p = a; p < b; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return "a control character";
		if (one_word && (c == ' ' || c == '\t'))
			return "more than one word (a particle list has one word a line)";
	}
	return utf8_valid(a, (size_t)(b - a)) ? NULL : "not valid UTF-8";
}

long ner_gazetteer_add_list(struct ner_gazetteer *g, const char *text, size_t len, int type,
                            struct ner_file_error *err)
{
	int particles = type == NER_PARTICLES || type == NER_PARTICLES_INNER;
	struct token_list tl = {0};
	long added = 0, line = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t a = i, b = e;
		i = e + 1;
		line++;
		while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
			a++;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
			b--;
		if (a == b || text[a] == '#')
			continue;
		const char *why = bad_line(text + a, text + b, particles);
		if (why) {
			err->line = line;
			snprintf(err->message, sizeof err->message, "%s", why);
			token_list_free(&tl);
			return -2;
		}
		if (particles) {
			if (table_put(&g->particle, ner_hash_bytes(text + a, b - a),
			              type == NER_PARTICLES ? 1 : 2) < 0)
				goto oom;
			added++;
			continue;
		}
		tl.n = 0;
		if (tokenize(text + a, b - a, a, &tl) == (size_t)-1)
			goto oom;
		if (tl.n == 0 || tl.n > NER_GAZ_MAX_WORDS)
			continue;
		uint32_t h[NER_GAZ_MAX_WORDS];
		for (size_t k = 0; k < tl.n; k++) {
			const char *s = text + tl.tok[k].start;
			size_t n = tl.tok[k].end - tl.tok[k].start;
			h[k] = ner_hash_bytes(s, n);
			unsigned char c = (unsigned char)s[0];
			if ((c >= 'A' && c <= 'Z') || c >= 0xC0)
				if (table_put(&g->word, h[k], 1u << type) < 0)
					goto oom;
		}
		if (table_put(&g->phrase, phrase_key(h, tl.n), 1u << type) < 0)
			goto oom;
		added++;
	}
	token_list_free(&tl);
	return added;
oom:
	token_list_free(&tl);
	return -1;
}

int ner_gazetteer_add_words(struct ner_gazetteer *g, const struct ner_word *w, size_t n, int type)
{
	if (n == 0 || n > NER_GAZ_MAX_WORDS)
		return 0;
	uint32_t h[NER_GAZ_MAX_WORDS];
	for (size_t k = 0; k < n; k++) {
		h[k] = ner_hash_bytes(w[k].s, w[k].len);
		unsigned char c = w[k].len ? (unsigned char)w[k].s[0] : 0;
		if (((c >= 'A' && c <= 'Z') || c >= 0xC0) && table_put(&g->word, h[k], 1u << type) < 0)
			return -1;
	}
	return table_put(&g->phrase, phrase_key(h, n), 1u << type);
}

static int table_copy(struct gaz_table *to, const struct gaz_table *from)
{
	*to = *from;
	to->key = NULL;
	to->mask = NULL;
	if (!from->cap)
		return 0;
	to->key = malloc(from->cap * sizeof *to->key);
	to->mask = malloc(from->cap);
	if (!to->key || !to->mask)
		return -1;
	memcpy(to->key, from->key, from->cap * sizeof *to->key);
	memcpy(to->mask, from->mask, from->cap);
	return 0;
}

struct ner_gazetteer *ner_gazetteer_copy(const struct ner_gazetteer *g)
{
	struct ner_gazetteer *c = ner_gazetteer_new();
	if (!c)
		return NULL;
	if (g && (table_copy(&c->phrase, &g->phrase) < 0 || table_copy(&c->word, &g->word) < 0 ||
	          table_copy(&c->particle, &g->particle) < 0)) {
		ner_gazetteer_free(c);
		return NULL;
	}
	return c;
}

unsigned ner_gazetteer_phrase(const struct ner_gazetteer *g, const uint32_t *h, size_t n)
{
	return table_get(&g->phrase, phrase_key(h, n));
}

size_t ner_gazetteer_longest(const struct ner_gazetteer *g, const uint32_t *h, size_t n,
                             unsigned *mask)
{
	uint32_t key[NER_GAZ_MAX_WORDS + 1];
	key[0] = PHRASE_SEED;
	if (n > NER_GAZ_MAX_WORDS)
		n = NER_GAZ_MAX_WORDS;
	for (size_t i = 0; i < n; i++)
		key[i + 1] = ner_hash_mix(key[i], h[i]);
	for (size_t l = n; l >= 1; l--)
		if ((*mask = table_get(&g->phrase, key[l])))
			return l;
	return 0;
}

unsigned ner_gazetteer_particle(const struct ner_gazetteer *g, uint32_t h)
{
	return table_get(&g->particle, h);
}

unsigned ner_gazetteer_word(const struct ner_gazetteer *g, uint32_t h)
{
	return table_get(&g->word, h);
}
