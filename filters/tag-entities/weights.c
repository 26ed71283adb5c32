/* model.c — the weight table and its text file.
 *
 * In memory: an open-addressing table of feature keys, with one weight per
 * label for each key in a parallel array, and the label
 * transition weights. While training, a parallel table accumulates the
 * averaging sums (weight change times the clock, the usual trick).
 *
 * On disk, plain text:
 *   # comment lines
 *   zeef-ner-model 1
 *   labels O B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC
 *   quantum Q                 weights are integers times Q
 *   transitions               then 10 lines of 9 integers: from START, O,
 *                             B-PER, ... (rows) to each label (columns)
 *   features N                then N lines: hex key, then LABEL:INT pairs
 *   names N                   then N lines: type index, a tab, the words
 *                             of a name seen in training (for the gazetteer)
 * Weights that round to 0 are left out, and keys without weights too: that
 * is the pruning. Loading is one pass over the bytes.
 */
#include "ner_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const ner_type_names[NER_NTYPES] = { "PER", "LOC", "ORG", "MISC" };
const char *const ner_label_names[NER_NLABELS] = {
	"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"
};

int ner_label_parse(const char *name, size_t len)
{
	for (int l = 0; l < NER_NLABELS; l++)
		if (strlen(ner_label_names[l]) == len && !memcmp(ner_label_names[l], name, len))
			return l;
	return -1;
}

struct ner_model *ner_model_new(void)
{
	struct ner_model *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->cap = 1024;
	m->key = calloc(m->cap, sizeof *m->key);
	m->w = calloc(m->cap * NER_NLABELS, sizeof *m->w);
	if (!m->key || !m->w) {
		free(m->key);
		free(m->w);
		free(m);
		return NULL;
	}
	return m;
}

void ner_model_free(struct ner_model *m)
{
	if (!m)
		return;
	free(m->key);
	free(m->w);
	free(m->acc);
	free(m->names);
	free(m);
}

static int names_append(struct ner_model *m, const char *s, size_t len)
{
	if (m->names_len + len + 1 > m->names_cap) {
		size_t cap = m->names_cap ? m->names_cap : 4096;
		while (cap < m->names_len + len + 1)
			cap *= 2;
		char *p = realloc(m->names, cap);
		if (!p)
			return -1;
		m->names = p;
		m->names_cap = cap;
	}
	memcpy(m->names + m->names_len, s, len);
	m->names_len += len;
	m->names[m->names_len] = 0;
	return 0;
}

int ner_model_add_name(struct ner_model *m, const struct ner_word *w, size_t n, int type)
{
	char t[4] = { (char)('0' + type), '\t', 0 };
	if (names_append(m, t, 2) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i && names_append(m, " ", 1) < 0) || names_append(m, w[i].s, w[i].len) < 0)
			return -1;
	m->names_count++;
	return names_append(m, "\n", 1);
}

long ner_model_names(const struct ner_model *m, struct ner_gazetteer *g)
{
	long count = 0;
	struct ner_word w[NER_GAZ_MAX_WORDS];
	const char *p = m->names, *end = m->names + m->names_len;
	while (p && p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		int type = *p - '0';
		size_t n = 0;
		const char *q = p + 2;
		while (q < e && n < NER_GAZ_MAX_WORDS) {
			const char *sp = memchr(q, ' ', (size_t)(e - q));
			if (!sp)
				sp = e;
			w[n++] = (struct ner_word){ q, (size_t)(sp - q) };
			q = sp + 1;
		}
		if (type >= 0 && type < NER_NTYPES && e - p > 2) {
			if (ner_gazetteer_add_words(g, w, n, type) < 0)
				return -1;
			count++;
		}
		p = e + 1;
	}
	return count;
}

size_t ner_model_features(const struct ner_model *m)
{
	return m->n;
}

static int model_grow(struct ner_model *m)
{
	size_t cap = m->cap * 2;
	uint32_t *key = calloc(cap, sizeof *key);
	float *w = calloc(cap * NER_NLABELS, sizeof *w);
	float *acc = m->acc ? calloc(cap * NER_NLABELS, sizeof *acc) : NULL;
	if (!key || !w || (m->acc && !acc)) {
		free(key);
		free(w);
		free(acc);
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
	}
	free(m->key);
	free(m->w);
	free(m->acc);
	m->key = key;
	m->w = w;
	m->acc = acc;
	m->cap = cap;
	return 0;
}

long ner_model_slot(struct ner_model *m, uint32_t key)
{
	if (4 * (m->n + 1) > 3 * m->cap && model_grow(m) < 0)
		return -1;
	size_t mask = m->cap - 1;
	size_t j = key & mask;
	while (m->key[j] && m->key[j] != key)
		j = (j + 1) & mask;
	if (!m->key[j]) {
		m->key[j] = key;
		m->n++;
	}
	return (long)j;
}

/* --- text format -------------------------------------------------------- */

static int write_int_row(FILE *f, const float *w, double q)
{
	for (int l = 0; l < NER_NLABELS; l++)
		if (fprintf(f, "%s%ld", l ? " " : "", lround(w[l] / q)) < 0)
			return -1;
	return fputc('\n', f) == EOF ? -1 : 0;
}

int ner_model_write(const struct ner_model *m, FILE *f, const char *header)
{
	float max = 0;
	for (size_t i = 0; i < m->cap; i++)
		for (int l = 0; m->key[i] && l < NER_NLABELS; l++)
			if (fabsf(m->w[i * NER_NLABELS + l]) > max)
				max = fabsf(m->w[i * NER_NLABELS + l]);
	double q = max > 0 ? max / NER_QUANT_LEVELS : 1;
	size_t kept = 0;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->key[i])
			continue;
		for (int l = 0; l < NER_NLABELS; l++)
			if (lround(m->w[i * NER_NLABELS + l] / q)) {
				kept++;
				break;
			}
	}
	if (header) {
		const char *p = header;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			if (fprintf(f, "# %.*s\n", (int)n, p) < 0)
				return -1;
			p += n + (e != NULL);
		}
	}
	if (fprintf(f, "zeef-ner-model 1\nlabels") < 0)
		return -1;
	for (int l = 0; l < NER_NLABELS; l++)
		fprintf(f, " %s", ner_label_names[l]);
	if (fprintf(f, "\nquantum %.9g\ntransitions\n", q) < 0)
		return -1;
	for (int p = 0; p <= NER_NLABELS; p++)
		if (write_int_row(f, m->trans[p], q) < 0)
			return -1;
	if (fprintf(f, "features %zu\n", kept) < 0)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->key[i])
			continue;
		long v[NER_NLABELS];
		int any = 0;
		for (int l = 0; l < NER_NLABELS; l++)
			any |= (v[l] = lround(m->w[i * NER_NLABELS + l] / q)) != 0;
		if (!any)
			continue;
		fprintf(f, "%x", m->key[i]);
		for (int l = 0; l < NER_NLABELS; l++)
			if (v[l])
				fprintf(f, " %d:%ld", l, v[l]);
		if (fputc('\n', f) == EOF)
			return -1;
	}
	if (fprintf(f, "names %zu\n", m->names_count) < 0 ||
	    (m->names_len && fwrite(m->names, 1, m->names_len, f) != m->names_len))
		return -1;
	return ferror(f) ? -1 : 0;
}

/* A cursor over the model text. */
struct reader {
	const char *p, *end;
};

static void skip_blanks(struct reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
		r->p++;
}

static int next_line(struct reader *r)
{
	while (r->p < r->end && *r->p != '\n')
		r->p++;
	if (r->p < r->end)
		r->p++;
	return r->p < r->end;
}

static int read_word(struct reader *r, const char *want)
{
	skip_blanks(r);
	size_t n = strlen(want);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, want, n))
		return 0;
	r->p += n;
	return 1;
}

static int read_long(struct reader *r, long *v)
{
	skip_blanks(r);
	int neg = 0;
	if (r->p < r->end && *r->p == '-') {
		neg = 1;
		r->p++;
	}
	if (r->p >= r->end || *r->p < '0' || *r->p > '9')
		return 0;
	long x = 0;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && x < 100000000L)
		x = x * 10 + (*r->p++ - '0');
	*v = neg ? -x : x;
	return 1;
}

static int read_hex(struct reader *r, uint32_t *v)
{
	skip_blanks(r);
	uint32_t x = 0;
	int n = 0;
	for (; r->p < r->end && n < 8; n++, r->p++) {
		char c = *r->p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			break;
		x = x << 4 | (uint32_t)d;
	}
	*v = x;
	return n > 0;
}

struct ner_model *ner_model_parse(const char *text, size_t len, const char **why)
{
	struct reader r = { text, text + len };
	while (r.p < r.end && *r.p == '#')
		next_line(&r);
	*why = "not a tag-entities model (no 'zeef-ner-model 1' line)";
	if (!read_word(&r, "zeef-ner-model 1"))
		return NULL;
	next_line(&r);
	*why = "model labels differ from this program's";
	if (!read_word(&r, "labels"))
		return NULL;
	for (int l = 0; l < NER_NLABELS; l++)
		if (!read_word(&r, ner_label_names[l]))
			return NULL;
	next_line(&r);
	*why = "bad 'quantum' line in model";
	if (!read_word(&r, "quantum"))
		return NULL;
	skip_blanks(&r);
	char *e;
	double q = strtod(r.p, &e);   /* the text always ends in a line break or NUL */
	if (e == r.p || !(q > 0))
		return NULL;
	r.p = e;
	next_line(&r);
	*why = "bad transitions in model";
	if (!read_word(&r, "transitions"))
		return NULL;
	next_line(&r);
	struct ner_model *m = ner_model_new();
	if (!m) {
		*why = "out of memory";
		return NULL;
	}
	for (int p = 0; p <= NER_NLABELS; p++) {
		for (int l = 0; l < NER_NLABELS; l++) {
			long v;
			if (!read_long(&r, &v))
				goto bad;
			m->trans[p][l] = (float)(v * q);
		}
		next_line(&r);
	}
	*why = "bad 'features' line in model";
	long n;
	if (!read_word(&r, "features") || !read_long(&r, &n) || n < 0)
		goto bad;
	next_line(&r);
	size_t cap = 1024;
	while (3 * cap < 4 * (size_t)n + 4)   /* at most 3/4 full: few probes, a small key array */
		cap *= 2;
	free(m->key);
	free(m->w);
	m->cap = cap;
	m->key = calloc(cap, sizeof *m->key);
	m->w = calloc(cap * NER_NLABELS, sizeof *m->w);
	if (!m->key || !m->w) {
		*why = "out of memory";
		goto bad;
	}
	*why = "bad feature line in model";
	for (long i = 0; i < n; i++) {
		uint32_t key;
		if (!read_hex(&r, &key) || !key)
			goto bad;
		long j = ner_model_slot(m, key);
		if (j < 0)
			goto bad;
		float *w = m->w + (size_t)j * NER_NLABELS;
		for (;;) {
			skip_blanks(&r);
			if (r.p >= r.end || *r.p == '\n')
				break;
			long l, v;
			if (!read_long(&r, &l) || l < 0 || l >= NER_NLABELS || r.p >= r.end || *r.p++ != ':' ||
			    !read_long(&r, &v))
				goto bad;
			w[l] = (float)(v * q);
		}
		if (r.p < r.end)
			r.p++;
	}
	if (read_word(&r, "names")) {
		*why = "bad 'names' section in model";
		if (!read_long(&r, &n) || n < 0)
			goto bad;
		next_line(&r);
		for (long i = 0; i < n; i++) {
			const char *a = r.p;
			if (a >= r.end || *a < '0' || *a >= '0' + NER_NTYPES || a + 1 >= r.end || a[1] != '\t')
				goto bad;
			next_line(&r);
			size_t len = (size_t)(r.p - a);
			if (a[len - 1] != '\n') {   /* the last line without its break */
				if (names_append(m, a, len) < 0 || names_append(m, "\n", 1) < 0)
					goto bad;
			} else if (names_append(m, a, len) < 0) {
				goto bad;
			}
			m->names_count++;
		}
	}
	return m;
bad:
	ner_model_free(m);
	return NULL;
}

int ner_model_accumulate(struct ner_model *into, const struct ner_model *m, float weight)
{
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->key[i])
			continue;
		long j = ner_model_slot(into, m->key[i]);
		if (j < 0)
			return -1;
		for (int l = 0; l < NER_NLABELS; l++)
			into->w[(size_t)j * NER_NLABELS + l] += weight * m->w[i * NER_NLABELS + l];
	}
	for (int p = 0; p <= NER_NLABELS; p++)
		for (int l = 0; l < NER_NLABELS; l++)
			into->trans[p][l] += weight * m->trans[p][l];
	return 0;
}
