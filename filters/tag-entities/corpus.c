/* corpus.c — CoNLL/IOB files in memory, and conlleval-style entity counts.
 *
 * A line is `TOKEN [COLUMN...] TAG`, separated by spaces or tabs; a blank
 * line ends a sentence; a line whose first field is -DOCSTART- starts a
 * document. Tags are IOB2 or IOB1 (an I-T that does not continue a T entity
 * begins one).
 */
#include "ner.h"
#include "grow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>


/* sent[0..nsent] are sentence starts, sent[nsent] the open sentence's;
 * doc[0..ndoc] likewise in sentences. Empty sentences and documents are
 * never closed. */
static int add_sentence_end(struct ner_corpus *c)
{
	if (c->sent[c->nsent] == c->n)
		return 0;
	if (grow_array((void **)&c->sent, &c->sent_cap, c->nsent + 2, sizeof *c->sent) < 0)
		return -1;
	c->sent[++c->nsent] = c->n;
	return 0;
}

static int add_doc_end(struct ner_corpus *c)
{
	if (c->doc[c->ndoc] == c->nsent)
		return 0;
	if (grow_array((void **)&c->doc, &c->doc_cap, c->ndoc + 2, sizeof *c->doc) < 0)
		return -1;
	c->doc[++c->ndoc] = c->nsent;
	return 0;
}

int ner_corpus_load(struct ner_corpus *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!c->sent) {
		c->sent_cap = 1024;
		c->doc_cap = 64;
		c->sent = malloc(c->sent_cap * sizeof *c->sent);
		c->doc = malloc(c->doc_cap * sizeof *c->doc);
		if (!c->sent || !c->doc)
			goto oom;
		c->sent[0] = 0;
		c->doc[0] = 0;
	}
	char *line = NULL;
	size_t linecap = 0;
	ssize_t got;
	long lineno = 0;
	int prev = 0;   /* previous label in the sentence */
	while ((got = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		size_t len = (size_t)got;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ' ||
		               line[len - 1] == '\t'))
			len--;
		if (len == 0) {
			if (add_sentence_end(c) < 0)
				goto oom_line;
			prev = 0;
			continue;
		}
		size_t a = 0;
		while (a < len && line[a] != ' ' && line[a] != '\t')
			a++;
		if (a == 10 && !memcmp(line, "-DOCSTART-", 10)) {
			if (add_sentence_end(c) < 0 || add_doc_end(c) < 0)
				goto oom_line;
			prev = 0;
			continue;
		}
		size_t b = len;
		while (b > a && line[b - 1] != ' ' && line[b - 1] != '\t')
			b--;
		if (b <= a) {
			snprintf(err, errlen, "%s:%ld: expected 'TOKEN [COLUMN...] TAG'", path, lineno);
			free(line);
			fclose(f);
			return -1;
		}
		int label = ner_label_parse(line + b, len - b);
		if (label < 0) {
			snprintf(err, errlen, "%s:%ld: unknown tag '%.*s' (want O, B-T or I-T, T one of PER LOC ORG MISC)",
			         path, lineno, (int)(len - b), line + b);
			free(line);
			fclose(f);
			return -1;
		}
		if (label && !ner_label_is_begin(label) && ner_label_type(prev) != ner_label_type(label))
			label--;   /* IOB1: I-T starting an entity */
		prev = label;
		size_t cap = c->cap;
		if (grow_array((void **)&c->word_off, &cap, c->n + 1, sizeof *c->word_off) < 0)
			goto oom_line;
		cap = c->cap;
		if (grow_array((void **)&c->label, &cap, c->n + 1, sizeof *c->label) < 0)
			goto oom_line;
		c->cap = cap;
		if (grow_array((void **)&c->pool, &c->pool_cap, c->pool_len + a + 1, 1) < 0)
			goto oom_line;
		memcpy(c->pool + c->pool_len, line, a);
		c->word_off[c->n] = c->pool_len;
		c->pool_len += a;
		c->pool[c->pool_len++] = 0;
		c->label[c->n++] = (uint8_t)label;
	}
	free(line);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		fclose(f);
		return -1;
	}
	fclose(f);
	if (add_sentence_end(c) < 0 || add_doc_end(c) < 0)
		goto oom;
	/* words point into the pool now that it has stopped moving */
	free(c->word);
	c->word = malloc((c->n ? c->n : 1) * sizeof *c->word);
	if (!c->word)
		goto oom;
	for (size_t i = 0; i < c->n; i++) {
		c->word[i].s = c->pool + c->word_off[i];
		c->word[i].len = (i + 1 < c->n ? c->word_off[i + 1] : c->pool_len) - c->word_off[i] - 1;
	}
	return 0;
oom_line:
	free(line);
	fclose(f);
oom:
	snprintf(err, errlen, "%s: out of memory", path);
	return -1;
}

void ner_corpus_free(struct ner_corpus *c)
{
	free(c->pool);
	free(c->word);
	free(c->word_off);
	free(c->label);
	free(c->sent);
	free(c->doc);
	memset(c, 0, sizeof *c);
}

/* --- entity counts ------------------------------------------------------- */

/* End (exclusive) of the entity beginning at I in labels L[0,N). */
static size_t entity_end(const uint8_t *l, size_t n, size_t i)
{
	int t = ner_label_type(l[i]);
	size_t j = i + 1;
	while (j < n && l[j] && !ner_label_is_begin(l[j]) && ner_label_type(l[j]) == t)
		j++;
	return j;
}

/* Does an entity start at I? (B-T, or an I-T not continuing T.) */
static int entity_starts(const uint8_t *l, size_t i)
{
	if (!l[i])
		return 0;
	if (ner_label_is_begin(l[i]) || i == 0)
		return 1;
	return ner_label_type(l[i - 1]) != ner_label_type(l[i]);
}

void ner_count_sentence(struct ner_counts *k, const uint8_t *gold, const uint8_t *pred, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int gs = entity_starts(gold, i), ps = entity_starts(pred, i);
		size_t ge = gs ? entity_end(gold, n, i) : 0, pe = ps ? entity_end(pred, n, i) : 0;
		if (gs) {
			k->gold[ner_label_type(gold[i])]++;
			k->gold[NER_NTYPES]++;
		}
		if (ps) {
			k->pred[ner_label_type(pred[i])]++;
			k->pred[NER_NTYPES]++;
		}
		if (gs && ps && ge == pe && ner_label_type(gold[i]) == ner_label_type(pred[i])) {
			k->correct[ner_label_type(gold[i])]++;
			k->correct[NER_NTYPES]++;
		}
	}
}

double ner_f1(const struct ner_counts *k, int type)
{
	double p = k->pred[type] ? (double)k->correct[type] / k->pred[type] : 0;
	double r = k->gold[type] ? (double)k->correct[type] / k->gold[type] : 0;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
