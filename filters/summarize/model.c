/* model.c — summarize's ranking model: load, write, score, fit (model.h).
 *
 * Why each feature (all in [0, 1]):
 *   lead_*      a news report puts who, what and when in its first sentence
 *               (the inverted pyramid); a feature opens with a scene, a
 *               quotation or a question instead, so the article type
 *               (summary.h) splits the feature in two;
 *   next_*      the sentence after the lead completes it in a report; in a
 *               feature it is often where the news starts after the opening;
 *   position_*  2^(-rank/4): the further into the running text, the further
 *               from the news; again per article type;
 *   paragraph   a paragraph opens with its topic;
 *   centrality  a sentence whose informative words recur in other sentences
 *               is about what the article is about;
 *   names, numbers, time   the news facts: who and where, how many, when;
 *   length      a longer sentence carries more facts (up to 25 words);
 *   quoted      quotations give colour and opinion rather than the news.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lang.h"
#include "model.h"

const char *const summary_feature_names[SUMMARY_NFEATURES] = {
	[SF_LEAD_NEWS] = "lead_news",
	[SF_LEAD_FEATURE] = "lead_feature",
	[SF_NEXT_NEWS] = "next_news",
	[SF_NEXT_FEATURE] = "next_feature",
	[SF_POSITION_NEWS] = "position_news",
	[SF_POSITION_FEATURE] = "position_feature",
	[SF_PARAGRAPH] = "paragraph",
	[SF_CENTRALITY] = "centrality",
	[SF_NAMES] = "names",
	[SF_NUMBERS] = "numbers",
	[SF_TIME] = "time",
	[SF_LENGTH] = "length",
	[SF_QUOTED] = "quoted",
};

#define MODEL_MAGIC "zeef-summary-model 1"

struct load_ctx {
	struct summary_model *m;
	int lines, bad;      /* lines read; first bad line (1-based), 0 if none */
	int magic;
};

/* Lines: the magic line first, then "short_news N", "redundancy X" and
 * "weight NAME X". */
static void model_line(const char *line, size_t len, void *vctx)
{
	struct load_ctx *c = vctx;
	char buf[256], name[64];
	c->lines++;
	if (c->bad)
		return;
	if (len >= sizeof buf) {
		c->bad = c->lines;
		return;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	if (!c->magic) {
		if (strcmp(buf, MODEL_MAGIC) == 0)
			c->magic = 1;
		else
			c->bad = c->lines;
		return;
	}
	double v;
	long n;
	char tail;
	if (sscanf(buf, "short_news %ld %c", &n, &tail) == 1 && n >= 0) {
		c->m->short_news = n;
		return;
	}
	if (sscanf(buf, "redundancy %lf %c", &v, &tail) == 1 && isfinite(v)) {
		c->m->redundancy = v;
		return;
	}
	if (sscanf(buf, "weight %63s %lf %c", name, &v, &tail) == 2 && isfinite(v))
		for (int f = 0; f < SUMMARY_NFEATURES; f++)
			if (strcmp(name, summary_feature_names[f]) == 0) {
				c->m->w[f] = v;
				return;
			}
	c->bad = c->lines;
}

int summary_model_load(struct summary_model *m, const char *name)
{
	memset(m, 0, sizeof *m);
	struct load_ctx c = { m, 0, 0, 0 };
	if (lang_each_line(name, model_line, &c) < 0) {
		fprintf(stderr, "summarize: language file %s is missing\n", name);
		return -1;
	}
	if (c.bad || !c.magic) {
		fprintf(stderr, "summarize: language file %s: entry %d is not a model line "
		        "(\"%s\", then short_news N, redundancy X, weight NAME X)\n",
		        name, c.bad ? c.bad : 1, MODEL_MAGIC);
		return -1;
	}
	return 0;
}

int summary_model_write(const struct summary_model *m, FILE *f, const char *header)
{
	for (const char *p = header; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		fprintf(f, "# %.*s\n", (int)n, p);
		p += n + (e != NULL);
	}
	fprintf(f, "%s\nshort_news %ld\nredundancy %.6g\n", MODEL_MAGIC, m->short_news,
	        m->redundancy);
	for (int i = 0; i < SUMMARY_NFEATURES; i++)
		fprintf(f, "weight %s %.6f\n", summary_feature_names[i], m->w[i]);
	return ferror(f) ? -1 : 0;
}

double summary_model_score(const struct summary_model *m, const double *x)
{
	double s = 0;
	for (int f = 0; f < SUMMARY_NFEATURES; f++)
		s += m->w[f] * x[f];
	return s;
}

/* Solve A z = b for the symmetric positive definite A (N x N, row major;
 * overwritten by its Cholesky factor). Returns 0, or -1 when A is not
 * positive definite. */
static int cholesky_solve(double *a, double *b, double *z, int n)
{
	for (int j = 0; j < n; j++) {
		double d = a[j * n + j];
		for (int k = 0; k < j; k++)
			d -= a[j * n + k] * a[j * n + k];
		if (!(d > 0))
			return -1;
		a[j * n + j] = sqrt(d);
		for (int i = j + 1; i < n; i++) {
			double s = a[i * n + j];
			for (int k = 0; k < j; k++)
				s -= a[i * n + k] * a[j * n + k];
			a[i * n + j] = s / a[j * n + j];
		}
	}
	for (int i = 0; i < n; i++) {          /* L y = b */
		double s = b[i];
		for (int k = 0; k < i; k++)
			s -= a[i * n + k] * z[k];
		z[i] = s / a[i * n + i];
	}
	for (int i = n - 1; i >= 0; i--) {     /* L^T z = y */
		double s = z[i];
		for (int k = i + 1; k < n; k++)
			s -= a[k * n + i] * z[k];
		z[i] = s / a[i * n + i];
	}
	return 0;
}

int summary_model_fit(struct summary_model *m, const struct summary_train_set *t, double l2)
{
	enum { F = SUMMARY_NFEATURES, ITERATIONS = 50 };
	double w[F] = {0}, g[F], h[F * F], step[F], mean[F];
	size_t most = 0;
	for (size_t d = 0; d < t->ndoc; d++)
		if (t->nsent[d] > most)
			most = t->nsent[d];
	double *p = malloc((most + 1) * sizeof *p);
	if (!p)
		return -1;
	if (!(l2 > 0))
		l2 = 1e-6;
	for (int it = 0; it < ITERATIONS; it++) {
		for (int a = 0; a < F; a++) {
			g[a] = l2 * w[a];
			for (int b = 0; b < F; b++)
				h[a * F + b] = a == b ? l2 : 0;
		}
		for (size_t d = 0; d < t->ndoc; d++) {
			size_t n = t->nsent[d];
			const double *x = t->x[d], *y = t->y[d];
			double ysum = 0, top = -HUGE_VAL, z = 0;
			for (size_t i = 0; i < n; i++)
				ysum += y[i];
			if (!(ysum > 0))
				continue;
			for (size_t i = 0; i < n; i++) {
				double s = 0;
				for (int f = 0; f < F; f++)
					s += w[f] * x[i * F + f];
				p[i] = s;
				if (s > top)
					top = s;
			}
			for (size_t i = 0; i < n; i++)
				z += p[i] = exp(p[i] - top);
			memset(mean, 0, sizeof mean);
			for (size_t i = 0; i < n; i++) {
				p[i] /= z;
				for (int f = 0; f < F; f++) {
					mean[f] += p[i] * x[i * F + f];
					g[f] += (p[i] - y[i] / ysum) * x[i * F + f];
				}
			}
			/* Hessian: the covariance of x under p. */
			for (size_t i = 0; i < n; i++) {
				if (p[i] < 1e-300)
					continue;
				for (int a = 0; a < F; a++) {
					double da = x[i * F + a] - mean[a];
					if (da == 0)
						continue;
					for (int b = 0; b <= a; b++)
						h[a * F + b] += p[i] * da * (x[i * F + b] - mean[b]);
				}
			}
		}
		for (int a = 0; a < F; a++)
			for (int b = a + 1; b < F; b++)
				h[a * F + b] = h[b * F + a];
		if (cholesky_solve(h, g, step, F) < 0)
			break;
		double change = 0;
		for (int f = 0; f < F; f++) {
			w[f] -= step[f];
			change += fabs(step[f]);
		}
		if (change < 1e-10)
			break;
	}
	free(p);
	memcpy(m->w, w, sizeof w);
	return 0;
}
