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
 *   depth       2^(-rank/16): a slower decay, for long articles and
 *               features whose news lies further in;
 *   numbers, time   news facts: how many, when. (A count of names was
 *               tried and left out: lists of players and results have the
 *               most, and the names that matter are in the lead anyway; it
 *               lowered the cross-validated figure by 0.015);
 *   length      a longer sentence carries more facts (up to 25 words);
 *   quoted      quotations give colour and opinion rather than the news.
 */
#include <math.h>
#include <string.h>
#include "filter.h"
#include "lang.h"
#include "lexicon.h"
#include "model.h"

const char *const summary_feature_names[SUMMARY_NFEATURES] = {
	[SF_LEAD_NEWS] = "lead_news",
	[SF_LEAD_FEATURE] = "lead_feature",
	[SF_NEXT_NEWS] = "next_news",
	[SF_NEXT_FEATURE] = "next_feature",
	[SF_POSITION_NEWS] = "position_news",
	[SF_POSITION_FEATURE] = "position_feature",
	[SF_DEPTH] = "depth",
	[SF_PARAGRAPH] = "paragraph",
	[SF_CENTRALITY] = "centrality",
	[SF_NUMBERS] = "numbers",
	[SF_TIME] = "time",
	[SF_LENGTH] = "length",
	[SF_QUOTED] = "quoted",
};

#define MODEL_MAGIC "zeef-summary-model 1"

struct load_ctx {
	struct summary_model *m;
	int lines, bad;      /* entries read; first bad entry (1-based), 0 if none */
	const char *bad_at;  /* that entry (lang.h's buffer) */
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
		c->bad_at = line;
		return;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	if (!c->magic) {
		if (strcmp(buf, MODEL_MAGIC) == 0)
			c->magic = 1;
		else
			c->bad = c->lines, c->bad_at = line;
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
	c->bad_at = line;
}

int summary_model_load(struct summary_model *m, const char *name)
{
	memset(m, 0, sizeof *m);
	struct load_ctx c = { m, 0, 0, NULL, 0 };
	if (lang_each_line(name, model_line, &c) < 0) {
		fprintf(stderr, "summarize: language file %s is missing\n", name);
		return EXIT_SOFTWARE;
	}
	if (c.bad || !c.magic)
		return summary_lang_error(name, c.bad_at, "not a model line (\"" MODEL_MAGIC
		                          "\", then short_news N, redundancy X, weight NAME X)");
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

/* Pairwise objective: for each document, every pair of candidates (i, j)
 * with y_i > y_j adds (y_i - y_j) log(1 + exp(-(s_i - s_j))), the pairs of a
 * document weighted to sum to 1. Adds the gradient to G and the Hessian to
 * H (lower triangle) at weights W. */
static void pairwise_terms(const struct summary_train_set *t, const double *w, double *g,
                           double *h)
{
	enum { F = SUMMARY_NFEATURES };
	for (size_t doc = 0; doc < t->ndoc; doc++) {
		size_t n = t->nsent[doc];
		const double *x = t->x[doc], *y = t->y[doc];
		double total = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++)
				if (y[i] > y[j])
					total += y[i] - y[j];
		if (!(total > 0))
			continue;
		for (size_t i = 0; i < n; i++) {
			if (!(y[i] > 0))
				continue;
			for (size_t j = 0; j < n; j++) {
				if (!(y[i] > y[j]))
					continue;
				double d[F], s = 0, c = (y[i] - y[j]) / total;
				for (int f = 0; f < F; f++) {
					d[f] = x[i * F + f] - x[j * F + f];
					s += w[f] * d[f];
				}
				double sig = 1 / (1 + exp(-s));
				for (int a = 0; a < F; a++) {
					if (d[a] == 0)
						continue;
					g[a] -= c * (1 - sig) * d[a];
					for (int b = 0; b <= a; b++)
						h[a * F + b] += c * sig * (1 - sig) * d[a] * d[b];
				}
			}
		}
	}
}

int summary_model_fit(struct summary_model *m, const struct summary_train_set *t, double l2)
{
	enum { F = SUMMARY_NFEATURES, ITERATIONS = 50 };
	double w[F] = {0}, g[F], h[F * F], step[F];
	if (!(l2 > 0))
		l2 = 1e-6;
	for (int it = 0; it < ITERATIONS; it++) {
		for (int a = 0; a < F; a++) {
			g[a] = l2 * w[a];
			for (int b = 0; b < F; b++)
				h[a * F + b] = a == b ? l2 : 0;
		}
		pairwise_terms(t, w, g, h);
		for (int a = 0; a < F; a++)
			for (int b = a + 1; b < F; b++)
				h[a * F + b] = h[b * F + a];
		if (cholesky_solve(h, g, step, F) < 0)
			return -1;
		double change = 0;
		for (int f = 0; f < F; f++) {
			w[f] -= step[f];
			change += fabs(step[f]);
		}
		if (change < 1e-10)
			break;
	}
	memcpy(m->w, w, sizeof w);
	return 0;
}
