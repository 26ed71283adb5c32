/* weights.c — the float weights of training, and the model file written
 * from them.
 *
 * In memory: an open-addressing table of feature keys, with one weight per
 * label for each key in a parallel array, and the label transition
 * weights. While training, a parallel table accumulates the averaging sums
 * (weight change times the clock, the usual trick). The format of the file
 * written is described in model.c, which reads it.
 */
#include "ner_weights.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct ner_weights *ner_weights_new(void)
{
	struct ner_weights *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->cap = 1024;
	w->key = calloc(w->cap, sizeof *w->key);
	w->w = calloc(w->cap * NER_NLABELS, sizeof *w->w);
	if (!w->key || !w->w) {
		ner_weights_free(w);
		return NULL;
	}
	return w;
}

void ner_weights_free(struct ner_weights *w)
{
	if (!w)
		return;
	free(w->key);
	free(w->w);
	free(w->acc);
	free(w->count);
	free(w->names);
	free(w);
}

size_t ner_weights_features(const struct ner_weights *w)
{
	return w->n;
}

static int names_append(struct ner_weights *w, const char *s, size_t len)
{
	if (w->names_len + len + 1 > w->names_cap) {
		size_t cap = w->names_cap ? w->names_cap : 4096;
		while (cap < w->names_len + len + 1)
			cap *= 2;
		char *p = realloc(w->names, cap);
		if (!p)
			return -1;
		w->names = p;
		w->names_cap = cap;
	}
	memcpy(w->names + w->names_len, s, len);
	w->names_len += len;
	w->names[w->names_len] = 0;
	return 0;
}

int ner_weights_add_name(struct ner_weights *w, const struct ner_word *words, size_t n, int type)
{
	char t[4] = { (char)('0' + type), '\t', 0 };
	if (names_append(w, t, 2) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i && names_append(w, " ", 1) < 0) || names_append(w, words[i].s, words[i].len) < 0)
			return -1;
	w->names_count++;
	return names_append(w, "\n", 1);
}

static int weights_grow(struct ner_weights *m)
{
	size_t cap = m->cap * 2;
	uint32_t *key = calloc(cap, sizeof *key);
	float *w = calloc(cap * NER_NLABELS, sizeof *w);
	float *acc = m->acc ? calloc(cap * NER_NLABELS, sizeof *acc) : NULL;
	uint32_t *count = m->count ? calloc(cap, sizeof *count) : NULL;
	if (!key || !w || (m->acc && !acc) || (m->count && !count)) {
		free(key);
		free(w);
		free(acc);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->key[i])
			continue;
		size_t j = m->key[i] & (cap - 1);
		while (key[j])
			j = (j + 1) & (cap - 1);
		key[j] = m->key[i];
		memcpy(w + j * NER_NLABELS, m->w + i * NER_NLABELS, NER_NLABELS * sizeof *w);
		if (acc)
			memcpy(acc + j * NER_NLABELS, m->acc + i * NER_NLABELS, NER_NLABELS * sizeof *acc);
		if (count)
			count[j] = m->count[i];
	}
	free(m->key);
	free(m->w);
	free(m->acc);
	free(m->count);
	m->key = key;
	m->w = w;
	m->acc = acc;
	m->count = count;
	m->cap = cap;
	return 0;
}

long ner_weights_slot(struct ner_weights *w, uint32_t key)
{
	if (4 * (w->n + 1) > 3 * w->cap && weights_grow(w) < 0)
		return -1;
	size_t mask = w->cap - 1;
	size_t j = key & mask;
	while (w->key[j] && w->key[j] != key)
		j = (j + 1) & mask;
	if (!w->key[j]) {
		w->key[j] = key;
		w->n++;
	}
	return (long)j;
}

int ner_weights_count(struct ner_weights *w, const struct ner_scratch *s, size_t n)
{
	if (!w->count && !(w->count = calloc(w->cap, sizeof *w->count)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const uint32_t *f = s->feats + i * NER_MAX_FEATS;
		for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++) {
			long j = ner_weights_find(w, f[k]);
			if (j >= 0 && w->count[j] < UINT32_MAX)
				w->count[j]++;
		}
	}
	return 0;
}

struct ner_weights *ner_weights_average_copy(const struct ner_weights *m)
{
	struct ner_weights *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->cap = m->cap;
	a->n = m->n;
	if (m->names_len) {
		a->names = malloc(m->names_len + 1);
		if (!a->names) {
			free(a);
			return NULL;
		}
		memcpy(a->names, m->names, m->names_len + 1);
		a->names_len = m->names_len;
		a->names_cap = m->names_len + 1;
		a->names_count = m->names_count;
	}
	a->key = malloc(m->cap * sizeof *a->key);
	a->w = malloc(m->cap * NER_NLABELS * sizeof *a->w);
	if (!a->key || !a->w) {
		ner_weights_free(a);
		return NULL;
	}
	double c = m->clock > 0 ? m->clock : 1;
	for (size_t i = 0; i < m->cap; i++) {
		a->key[i] = m->key[i];
		for (int l = 0; l < NER_NLABELS; l++) {
			size_t k = i * NER_NLABELS + l;
			a->w[k] = m->w[k];
			if (m->key[i] && m->acc)
				a->w[k] -= (float)(m->acc[k] / c);
		}
	}
	for (int p = 0; p <= NER_NLABELS; p++)
		for (int l = 0; l < NER_NLABELS; l++)
			a->trans[p][l] = m->trans[p][l] - (float)(m->trans_acc[p][l] / c);
	return a;
}

/* --- the model file -------------------------------------------------------- */

static int write_int_row(FILE *f, const float *w, double q)
{
	for (int l = 0; l < NER_NLABELS; l++)
		if (fprintf(f, "%s%ld", l ? " " : "", lround(w[l] / q)) < 0)
			return -1;
	return fputc('\n', f) == EOF ? -1 : 0;
}

/* Rounded weights of slot I; 1 when they make a difference (not all alike). */
static int row_values(const struct ner_weights *w, size_t i, double q, long v[NER_NLABELS])
{
	int differ = 0;
	for (int l = 0; l < NER_NLABELS; l++) {
		v[l] = lround(w->w[i * NER_NLABELS + l] / q);
		differ |= v[l] != v[0];
	}
	return differ;
}

/* Order of the written features: most often counted first, then by key. */
static const uint32_t *sort_count, *sort_key;
static int by_count(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	uint32_t ci = sort_count ? sort_count[i] : 0, cj = sort_count ? sort_count[j] : 0;
	if (ci != cj)
		return ci > cj ? -1 : 1;
	return sort_key[i] < sort_key[j] ? -1 : sort_key[i] > sort_key[j];
}

int ner_weights_write(const struct ner_weights *w, FILE *f, const char *header, unsigned min_count)
{
	float max = 0;
	for (size_t i = 0; i < w->cap; i++)
		for (int l = 0; w->key[i] && l < NER_NLABELS; l++)
			if (fabsf(w->w[i * NER_NLABELS + l]) > max)
				max = fabsf(w->w[i * NER_NLABELS + l]);
	for (int p = 0; p <= NER_NLABELS; p++)
		for (int l = 0; l < NER_NLABELS; l++)
			if (fabsf(w->trans[p][l]) > max)
				max = fabsf(w->trans[p][l]);
	double q = max > 0 ? max / NER_QUANT_LEVELS : 1;
	size_t *keep = malloc((w->n ? w->n : 1) * sizeof *keep), kept = 0;
	if (!keep)
		return -1;
	long v[NER_NLABELS];
	for (size_t i = 0; i < w->cap; i++)
		if (w->key[i] && (!w->count || w->count[i] >= min_count) && row_values(w, i, q, v))
			keep[kept++] = i;
	sort_count = w->count;
	sort_key = w->key;
	qsort(keep, kept, sizeof *keep, by_count);
	if (header) {
		const char *p = header;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			fprintf(f, "# %.*s\n", (int)len, p);
			p += len + (e != NULL);
		}
	}
	fprintf(f, "# format: zeef-ner-model 2 (filters/tag-entities/README.md); %zu features%s,"
	        " %zu names\n", kept, w->count ? ", most frequent in training first" : "",
	        w->names_count);
	fprintf(f, "zeef-ner-model 2\nlabels");
	for (int l = 0; l < NER_NLABELS; l++)
		fprintf(f, " %s", ner_label_names[l]);
	fprintf(f, "\nquantum %.9g\ntransitions\n", q);
	int bad = 0;
	for (int p = 0; p <= NER_NLABELS && !bad; p++)
		bad = write_int_row(f, w->trans[p], q) < 0;
	fprintf(f, "features %zu\n", kept);
	for (size_t k = 0; k < kept && !bad; k++) {
		row_values(w, keep[k], q, v);
		fprintf(f, "%x", w->key[keep[k]]);
		for (int l = 0; l < NER_NLABELS; l++)
			if (v[l])
				fprintf(f, " %d:%ld", l, v[l]);
		bad = fputc('\n', f) == EOF;
	}
	free(keep);
	fprintf(f, "names %zu\n", w->names_count);
	if (w->names_len)
		fwrite(w->names, 1, w->names_len, f);
	fputs("end\n", f);
	return bad || ferror(f) ? -1 : 0;
}

struct ner_model *ner_weights_model(const struct ner_weights *w, unsigned min_count,
                                    struct ner_file_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ner_model *m = NULL;
	if (f) {
		int bad = ner_weights_write(w, f, NULL, min_count) < 0;
		if (fclose(f) == 0 && !bad && buf)
			m = ner_model_parse(buf, len, err);
		else {
			err->line = 0;
			snprintf(err->message, sizeof err->message, "out of memory");
		}
	} else {
		err->line = 0;
		snprintf(err->message, sizeof err->message, "out of memory");
	}
	free(buf);
	return m;
}
