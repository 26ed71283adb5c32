/* model.c — the tagging model: reading and validating a model file into a
 * compact, cache-friendly form, and the label scores of a sentence.
 *
 * The file, plain text (written by weights.c):
 *   # comment lines (what the model is, its training data and licence)
 *   zeef-ner-model 2
 *   labels O B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC
 *   quantum Q                 weights are integers times Q (finite, > 0)
 *   transitions               then 10 lines of 9 integers: from START, O,
 *                             B-PER, ... (rows) to each label (columns)
 *   features N                then N lines: a feature key in hex (1 to 8
 *                             digits, not 0), then LABEL:INT pairs (label
 *                             index 0-8, each at most once); most frequent
 *                             features first
 *   names N                   then N lines: a type index 0-3, a tab, the
 *                             1 to 6 space-separated words of a name seen
 *                             in training (for the gazetteer)
 *   end
 * Every integer is within +-NER_MODEL_MAX_INT. Counts must match the lines
 * that follow, and nothing but blank lines may follow `end`. Version 1
 * (no `end`, features in any order) is read too.
 *
 * In memory, a score that adds the same amount to every label changes no
 * decision, so each row is stored minus its O weight: 8 int16 values, 16
 * bytes, four rows to a cache line, O always 0. The rows keep the file's
 * order, and the first NER_HOT_ROWS (the most frequent) have a small hash
 * table of their own that stays in the caches; the others are found in a
 * larger one. A token's label scores are integer sums, exact, so the
 * result does not depend on the order of the additions.
 */
#include "ner_model.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int ner_allowed(int p, int l)
{
	if (l == 0 || ner_label_is_begin(l))
		return 1;
	if (p == NER_NLABELS || p == 0)
		return 0;
	return ner_label_type(p) == ner_label_type(l);
}

void ner_model_free(struct ner_model *m)
{
	if (!m)
		return;
	free(m->hot);
	free(m->cold);
	free(m->filter);
	free(m->row);
	free(m->names);
	free(m);
}

size_t ner_model_features(const struct ner_model *m)
{
	return m->n;
}

/* 0, or -1 when KEY is there already. */
static int insert(struct slot *t, size_t mask, uint32_t key, uint32_t row)
{
	size_t j = key & mask;
	while (t[j].key) {
		if (t[j].key == key)
			return -1;
		j = (j + 1) & mask;
	}
	t[j] = (struct slot){ key, row };
	return 0;
}

/* A table for N keys, at most half full; NULL when out of memory. */
static struct slot *table_new(size_t n, size_t *mask)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	*mask = cap - 1;
	return calloc(cap, sizeof(struct slot));
}

long ner_model_names(const struct ner_model *m, struct ner_gazetteer *g)
{
	long count = 0;
	struct ner_word w[NER_GAZ_MAX_WORDS];
	const char *p = m->names, *end = m->names + m->names_len;
	while (p && p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));   /* the parser ended each line */
		size_t n = 0;
		for (const char *q = p + 2; q < e && n < NER_GAZ_MAX_WORDS;) {
			const char *sp = memchr(q, ' ', (size_t)(e - q));
			if (!sp)
				sp = e;
			w[n++] = (struct ner_word){ q, (size_t)(sp - q) };
			q = sp + 1;
		}
		if (ner_gazetteer_add_words(g, w, n, *p - '0') < 0)
			return -1;
		count++;
		p = e + 1;
	}
	return count;
}

/* --- reading the file ------------------------------------------------------ */

/* The text line by line. */
struct reader {
	const char *p, *end;   /* the rest of the text */
	const char *a, *b;     /* the current line, without its break */
	long line;
	struct ner_file_error *err;
};

/* Move to the next line; 0 at the end of the text. */
static int next_line(struct reader *r)
{
	if (r->p >= r->end) {
		r->a = r->b = r->end;
		return 0;
	}
	r->a = r->p;
	const char *e = memchr(r->p, '\n', (size_t)(r->end - r->p));
	r->b = e ? e : r->end;
	r->p = e ? e + 1 : r->end;
	if (r->b > r->a && r->b[-1] == '\r')
		r->b--;
	r->line++;
	return 1;
}

static int fail(struct reader *r, const char *fmt, ...)
{
	r->err->line = r->line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
	va_end(ap);
	return -1;
}

static int oom(struct reader *r)
{
	r->err->line = 0;
	snprintf(r->err->message, sizeof r->err->message, "out of memory");
	return -1;
}

/* Does the current line read WORD, then (if ARGS) a space and more? */
static int line_is(const struct reader *r, const char *word, int args)
{
	size_t n = strlen(word);
	if ((size_t)(r->b - r->a) < n || memcmp(r->a, word, n))
		return 0;
	return args ? r->a + n < r->b && r->a[n] == ' ' : r->a + n == r->b;
}

static void skip_spaces(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/* An integer within +-MAX at *P (no more than 18 digits). */
static int read_int(const char **p, const char *end, long long max, long *v)
{
	const char *s = *p;
	int neg = s < end && *s == '-';
	s += neg;
	long long x = 0;
	int digits = 0;
	while (s < end && *s >= '0' && *s <= '9' && digits < 19) {
		x = x * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits || digits > 18 || x > max || x > LONG_MAX)
		return -1;
	*v = neg ? -x : x;
	*p = s;
	return 0;
}

/* The line's text for messages: at most 40 bytes of it. */
#define SHOWN(r) (int)((r)->b - (r)->a < 40 ? (r)->b - (r)->a : 40), (r)->a

/* "WORD N" on the current line, N from 0 to MAX. */
static int read_count(struct reader *r, const char *word, long max, long *n)
{
	const char *p = r->a + strlen(word) + 1;
	if (!line_is(r, word, 1) || read_int(&p, r->b, LONG_MAX, n) < 0 || *n < 0 || p != r->b)
		return fail(r, "expected '%s COUNT', not '%.*s'", word, SHOWN(r));
	if (*n > max)
		return fail(r, "'%s %ld' declares more lines than the file has", word, *n);
	return 0;
}

/* Lines left in the text, for bounding the declared counts. */
static long lines_left(const struct reader *r)
{
	long n = 0;
	for (const char *p = r->p; p < r->end; p++) {
		p = memchr(p, '\n', (size_t)(r->end - p));
		n++;
		if (!p)
			break;
	}
	return n;
}

static int read_header(struct reader *r, double *q, int *version)
{
	while (next_line(r) && (r->a == r->b || r->a[0] == '#'))
		;
	if (line_is(r, "zeef-ner-model 1", 0))
		*version = 1;
	else if (line_is(r, "zeef-ner-model 2", 0))
		*version = 2;
	else if (line_is(r, "zeef-ner-model", 1))
		return fail(r, "model format '%.*s' is not one this program reads (1 or 2)", SHOWN(r));
	else
		return fail(r, "not a tag-entities model (no 'zeef-ner-model 2' line)");
	next_line(r);
	const char *p = r->a + 6;
	if (!line_is(r, "labels", 1))
		return fail(r, "expected the 'labels' line");
	for (int l = 0; l < NER_NLABELS; l++) {
		size_t len = strlen(ner_label_names[l]);
		if (*p != ' ' || (size_t)(r->b - p - 1) < len || memcmp(p + 1, ner_label_names[l], len))
			return fail(r, "the model's labels differ from this program's (%s)", ner_label_names[l]);
		p += 1 + len;
	}
	if (p != r->b)
		return fail(r, "the model has more labels than this program's nine");
	next_line(r);
	if (!line_is(r, "quantum", 1))
		return fail(r, "expected 'quantum Q', not '%.*s'", SHOWN(r));
	char buf[64];
	size_t len = (size_t)(r->b - r->a) - 8;
	memcpy(buf, r->a + 8, len < sizeof buf ? len : sizeof buf - 1);
	buf[len < sizeof buf ? len : sizeof buf - 1] = 0;
	char *e;
	errno = 0;
	*q = strtod(buf, &e);
	if (len >= sizeof buf || e == buf || *e || errno || !isfinite(*q) || !(*q > 0))
		return fail(r, "the quantum must be a finite number above 0, not '%.*s'", SHOWN(r));
	return 0;
}

static int read_transitions(struct reader *r, struct ner_model *m)
{
	next_line(r);
	if (!line_is(r, "transitions", 0))
		return fail(r, "expected the 'transitions' line");
	for (int p = 0; p <= NER_NLABELS; p++) {
		if (!next_line(r))
			return fail(r, "the file ends inside the transitions");
		const char *s = r->a;
		for (int l = 0; l < NER_NLABELS; l++) {
			long v;
			skip_spaces(&s, r->b);
			if (read_int(&s, r->b, NER_MODEL_MAX_INT, &v) < 0)
				return fail(r, "expected 9 integers from -%d to %d", NER_MODEL_MAX_INT,
				            NER_MODEL_MAX_INT);
			m->trans[p][l] = ner_allowed(p, l) ? (float)v : NER_NEVER;
		}
		skip_spaces(&s, r->b);
		if (s != r->b)
			return fail(r, "more than 9 numbers on a transition line");
		for (int l = NER_NLABELS; l < NER_VLABELS; l++)
			m->trans[p][l] = NER_NEVER;
	}
	return 0;
}

/* One feature line into ROW (minus its O weight); its key in *KEY. A
 * loop of its own: most of the file is these lines. */
static int read_feature(struct reader *r, int16_t *row, uint32_t *key)
{
	const char *s = r->a, *end = r->b;
	uint32_t k = 0;
	int digits = 0;
	for (; s < end && digits <= 8; s++, digits++) {
		unsigned c = (unsigned char)*s, d = c - '0';
		if (d > 9) {
			d = c - 'a' + 10;
			if (d < 10 || d > 15)
				break;
		}
		k = k << 4 | d;
	}
	if (!digits || digits > 8 || !k || (s < end && *s != ' ' && *s != '\t'))
		return fail(r, "expected a feature line 'KEY LABEL:WEIGHT...' (KEY 1 to 8 hex digits,"
		            " not 0), not '%.*s'", SHOWN(r));
	int32_t w[NER_NLABELS] = {0};
	unsigned seen = 0;
	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		if (s == end)
			break;
		unsigned l = (unsigned)(unsigned char)*s - '0';
		if (l >= NER_NLABELS || end - s < 3 || s[1] != ':')
			goto bad;
		s += 2;
		int neg = *s == '-';
		s += neg;
		int32_t v = 0;
		digits = 0;
		while (s < end && (unsigned)(unsigned char)*s - '0' <= 9 && digits <= 5) {
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits || v > NER_MODEL_MAX_INT || (s < end && *s != ' ' && *s != '\t'))
			goto bad;
		if (seen >> l & 1)
			return fail(r, "label %u appears twice", l);
		seen |= 1u << l;
		w[l] = neg ? -v : v;
	}
	for (int l = 1; l < NER_NLABELS; l++)
		row[l - 1] = (int16_t)(w[l] - w[0]);
	*key = k;
	return 0;
bad:
	return fail(r, "expected LABEL:WEIGHT pairs (LABEL 0 to 8, WEIGHT from -%d to %d)",
	            NER_MODEL_MAX_INT, NER_MODEL_MAX_INT);
}

/* N lines "TYPE<TAB>WORDS" into m->names, each ending in a line break. */
static int read_names(struct reader *r, struct ner_model *m, long n)
{
	size_t bytes = 0;
	const char *from = r->p;
	for (long i = 0; i < n; i++) {
		if (!next_line(r))
			return fail(r, "the file ends after %ld of the %ld names declared", i, n);
		const char *a = r->a, *b = r->b;
		if (b - a < 3 || a[0] < '0' || a[0] >= '0' + NER_NTYPES || a[1] != '\t')
			return fail(r, "expected a name line 'TYPE<tab>WORDS' (TYPE 0 to 3)");
		int words = 1;
		for (const char *p = a + 2; p < b; p++) {
			unsigned char c = (unsigned char)*p;
			if (c < 0x20 || c == 0x7f)
				return fail(r, "a control character in a name");
			if (c == ' ' && (p == a + 2 || p + 1 == b || p[1] == ' '))
				return fail(r, "an empty word in a name");
			words += c == ' ';
		}
		if (words > NER_GAZ_MAX_WORDS)
			return fail(r, "a name of more than %d words", NER_GAZ_MAX_WORDS);
		bytes += (size_t)(b - a) + 1;
	}
	m->names = malloc(bytes + 1);
	if (!m->names)
		return oom(r);
	/* copy the lines again, each with a plain line break */
	struct reader again = { from, r->end, NULL, NULL, 0, r->err };
	for (long i = 0; i < n; i++) {
		next_line(&again);
		memcpy(m->names + m->names_len, again.a, (size_t)(again.b - again.a));
		m->names_len += (size_t)(again.b - again.a);
		m->names[m->names_len++] = '\n';
	}
	m->names[m->names_len] = 0;
	m->names_count = (size_t)n;
	return 0;
}

static int read_body(struct reader *r, struct ner_model *m)
{
	double q;
	int version = 0;
	long n;
	if (read_header(r, &q, &version) < 0 || read_transitions(r, m) < 0)
		return -1;
	next_line(r);
	if (read_count(r, "features", lines_left(r), &n) < 0)
		return -1;
	m->row = malloc((n ? (size_t)n : 1) * sizeof *m->row);
	size_t hot = (size_t)n < NER_HOT_ROWS ? (size_t)n : NER_HOT_ROWS;
	m->hot = table_new(hot, &m->hot_mask);
	if ((size_t)n > hot)
		m->cold = table_new((size_t)n - hot, &m->cold_mask);
	m->filter = calloc((size_t)1 << (FILTER_BITS - 6), sizeof *m->filter);
	if (!m->row || !m->hot || ((size_t)n > hot && !m->cold) || !m->filter)
		return oom(r);
	for (long i = 0; i < n; i++) {
		uint32_t key;
		if (!next_line(r))
			return fail(r, "the file ends after %ld of the %ld features declared", i, n);
		if (read_feature(r, m->row[i], &key) < 0)
			return -1;
		if (ner_model_row(m, key) >= 0 ||
		    ((size_t)i < hot ? insert(m->hot, m->hot_mask, key, (uint32_t)i)
		                     : insert(m->cold, m->cold_mask, key, (uint32_t)i)) < 0)
			return fail(r, "feature %x appears twice", key);
		m->filter[ner_filter_word(key)] |= ner_filter_bits(key);
		m->n++;
	}
	int more = next_line(r);
	if (version == 1 && !more)
		return 0;
	if (more && !line_is(r, "names", 1)) {
		if (r->a < r->b && read_feature(r, (int16_t[ROW]){0}, &(uint32_t){0}) == 0)
			return fail(r, "more feature lines than the %ld declared", n);
		return fail(r, "expected 'names COUNT', not '%.*s'", SHOWN(r));
	}
	if (!more)
		return fail(r, "the file ends before its 'names' line");
	if (read_count(r, "names", lines_left(r), &n) < 0 || read_names(r, m, n) < 0)
		return -1;
	more = next_line(r);
	if (version == 1) {
		if (more && r->a != r->b)
			return fail(r, "more name lines than the %ld declared", n);
		return 0;
	}
	if (!more)
		return fail(r, "the file ends without its 'end' line (cut short?)");
	if (!line_is(r, "end", 0)) {
		if (r->b - r->a > 2 && r->a[0] >= '0' && r->a[0] <= '9' && r->a[1] == '\t')
			return fail(r, "more name lines than the %ld declared", n);
		return fail(r, "expected 'end', not '%.*s'", SHOWN(r));
	}
	while (next_line(r))
		if (r->a != r->b)
			return fail(r, "text after the 'end' line");
	return 0;
}

struct ner_model *ner_model_parse(const char *text, size_t len, struct ner_file_error *err)
{
	struct reader r = { text, text + len, NULL, NULL, 0, err };
	struct ner_model *m = calloc(1, sizeof *m);
	if (!m) {
		oom(&r);
		return NULL;
	}
	if (memchr(text, 0, len)) {
		r.line = 1;
		for (const char *p = text; p < text + len && *p; p++)
			r.line += *p == '\n';
		fail(&r, "a NUL byte: not a text file");
		ner_model_free(m);
		return NULL;
	}
	if (read_body(&r, m) < 0) {
		ner_model_free(m);
		return NULL;
	}
	static unsigned long models;
	m->id = ++models;
	return m;
}

char *ner_model_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > NER_MODEL_MAX_BYTES) {
		snprintf(err, errlen, S_ISREG(st.st_mode) ? "larger than a model can be (%d MiB)"
		         : "not a regular file", NER_MODEL_MAX_BYTES >> 20);
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		close(fd);
		return NULL;
	}
	for (;;) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errlen, "%s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (got == 0 || (n += (size_t)got) == cap - 1)
			break;
	}
	close(fd);
	buf[n] = 0;   /* a file that grew while read is cut at its size */
	*len = n;
	return buf;
}

/* --- label scores ------------------------------------------------------------ */

int ner_label_scores(const struct ner_model *m, struct ner_scratch *s, size_t n)
{
	if (ner_scratch_decode_room(s, n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const uint32_t *f = s->feats + i * NER_MAX_FEATS;
		int32_t sum[ROW] = {0};
		for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++) {
			long r = ner_model_row(m, f[k]);
			if (r < 0)
				continue;
			const int16_t *w = m->row[r];
			for (int l = 0; l < ROW; l++)
				sum[l] += w[l];
		}
		ner_model_scores(s->emit + i * NER_VLABELS, sum);
	}
	return 0;
}

int ner_decode(const struct ner_model *m, struct ner_scratch *s, size_t n, uint8_t *labels)
{
	if (n == 0)
		return 0;
	if (ner_label_scores(m, s, n) < 0)
		return -1;
	ner_viterbi(m->trans, s, n, labels);
	return 0;
}
