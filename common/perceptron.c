/* perceptron.c — see perceptron.h. */
#include "perceptron.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { QUANT_LEVELS = 10000 };

int perceptron_init(struct perceptron *p, size_t n, int training)
{
	*p = (struct perceptron){0};
	p->w = calloc(n ? n : 1, sizeof *p->w);
	if (training)
		p->acc = calloc(n ? n : 1, sizeof *p->acc);
	if (!p->w || (training && !p->acc)) {
		perceptron_free(p);
		return -1;
	}
	p->n = n;
	return 0;
}

void perceptron_free(struct perceptron *p)
{
	free(p->w);
	free(p->acc);
	*p = (struct perceptron){0};
}

static void add(struct perceptron *p, uint32_t i, float delta)
{
	p->w[i] += delta;
	if (p->acc)
		p->acc[i] += p->clock * delta;
}

void perceptron_update(struct perceptron *p, const uint32_t *good, size_t ngood,
                       const uint32_t *bad, size_t nbad)
{
	for (size_t i = 0; i < ngood; i++)
		add(p, good[i], 1);
	for (size_t i = 0; i < nbad; i++)
		add(p, bad[i], -1);
}

void perceptron_tick(struct perceptron *p)
{
	p->clock += 1;
}

void perceptron_average(struct perceptron *p)
{
	if (!p->acc || p->clock <= 0)
		return;
	for (size_t i = 0; i < p->n; i++)
		p->w[i] = (float)(p->w[i] - p->acc[i] / p->clock);
	free(p->acc);
	p->acc = NULL;
}

/* --- the text file ---------------------------------------------------------- */

int perceptron_write(const struct perceptron *p, FILE *f, const char *magic, int version,
                     const char *header, void (*name)(size_t i, char *buf, size_t cap, void *ctx),
                     void *ctx)
{
	float max = 0;
	for (size_t i = 0; i < p->n; i++)
		if (fabsf(p->w[i]) > max)
			max = fabsf(p->w[i]);
	double q = max > 0 ? max / QUANT_LEVELS : 1;
	size_t kept = 0;
	for (size_t i = 0; i < p->n; i++)
		kept += lround(p->w[i] / q) != 0;
	for (const char *s = header; s && *s;) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (fprintf(f, "# %.*s\n", (int)n, s) < 0)
			return -1;
		s += n + (e != NULL);
	}
	if (fprintf(f, "%s %d\nquantum %.9g\nfeatures %zu\n", magic, version, q, kept) < 0)
		return -1;
	char buf[128];
	for (size_t i = 0; i < p->n; i++) {
		long v = lround(p->w[i] / q);
		if (!v)
			continue;
		name(i, buf, sizeof buf, ctx);
		if (fprintf(f, "%s %ld\n", buf, v) < 0)
			return -1;
	}
	return ferror(f) ? -1 : 0;
}

struct cursor {
	const char *p, *end;
	long line;
};

/* The next line (without its end) into *S, *N; 0 at the end. */
static int next_line(struct cursor *c, const char **s, size_t *n)
{
	if (c->p >= c->end)
		return 0;
	const char *e = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (!e)
		e = c->end;
	*s = c->p;
	*n = (size_t)(e - c->p);
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	c->p = e < c->end ? e + 1 : e;
	c->line++;
	return 1;
}

/* The whole of S (N bytes) as an integer of at most 15 digits. */
static int parse_int(const char *s, size_t n, long long *v)
{
	size_t i = 0, digits = 0;
	int neg = 0;
	if (i < n && s[i] == '-')
		neg = 1, i++;
	long long x = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && digits < 15; i++, digits++)
		x = x * 10 + (s[i] - '0');
	if (!digits || i != n)
		return 0;
	*v = neg ? -x : x;
	return 1;
}

/* "KEY NUMBER" with an integer NUMBER. */
static int key_int(const char *s, size_t n, const char *key, long long *v)
{
	size_t k = strlen(key);
	return n > k + 1 && memcmp(s, key, k) == 0 && s[k] == ' ' && parse_int(s + k + 1, n - k - 1, v);
}

int perceptron_parse(struct perceptron *p, const char *text, size_t len, const char *magic,
                     int version, long (*number)(const char *name, size_t len, void *ctx),
                     void *ctx, const char **why, long *line)
{
	struct cursor c = { text, text + len, 0 };
	const char *s;
	size_t n;
	long long v;
	memset(p->w, 0, p->n * sizeof *p->w);
	do {
		if (!next_line(&c, &s, &n)) {
			*why = "no model in the file";
			goto bad;
		}
	} while (n == 0 || s[0] == '#');
	if (!key_int(s, n, magic, &v) || v != version) {
		*why = "not a model of this program or version";
		goto bad;
	}
	if (!next_line(&c, &s, &n) || n <= 8 || memcmp(s, "quantum ", 8) != 0) {
		*why = "no 'quantum' line";
		goto bad;
	}
	char num[40];
	if (n - 8 >= sizeof num) {
		*why = "bad 'quantum' line";
		goto bad;
	}
	memcpy(num, s + 8, n - 8);
	num[n - 8] = 0;
	char *e;
	double q = strtod(num, &e);
	if (*e || !(q > 0) || !isfinite(q)) {
		*why = "bad 'quantum' line";
		goto bad;
	}
	if (!next_line(&c, &s, &n) || !key_int(s, n, "features", &v) || v < 0 || (size_t)v > p->n) {
		*why = "bad 'features' line (a count no larger than the program's features)";
		goto bad;
	}
	long long want = v;
	for (long long i = 0; i < want; i++) {
		if (!next_line(&c, &s, &n)) {
			*why = "fewer feature lines than the 'features' line says";
			goto bad;
		}
		const char *sp = s + n;
		while (sp > s && sp[-1] != ' ')
			sp--;
		long long w;
		if (sp - 1 <= s || !parse_int(sp, (size_t)(s + n - sp), &w)) {
			*why = "a feature line is not 'NAME WEIGHT'";
			goto bad;
		}
		const char *last = sp;
		long f = number(s, (size_t)(last - 1 - s), ctx);
		if (f < 0 || (size_t)f >= p->n) {
			*why = "an unknown feature";
			goto bad;
		}
		if (llabs(w) > 1000000) {
			*why = "a weight out of range";
			goto bad;
		}
		p->w[f] = (float)(w * q);
	}
	while (next_line(&c, &s, &n))
		if (n && s[0] != '#') {
			*why = "more feature lines than the 'features' line says";
			goto bad;
		}
	return 0;
bad:
	*line = c.line;
	return -1;
}
