/* train.c — `summarize --train [--folds=K] [--nested] [--model-out=FILE]
 * FILE...` (train.h).
 *
 * The parameters that are not learned by the fit itself — the L2 strength
 * of the fit, short_news and redundancy (model.h) — are chosen from a small
 * grid by K-fold cross-validation over all the training documents
 * (document i in fold i mod K; K = the number of documents, leave-one-out,
 * by default): the figure is the mean ROUGE-1 F1 of the held-out summaries
 * against their references. The best grid point (the first of equals) is
 * then fitted on all documents. --nested wraps the whole choice in an
 * outer cross-validation, for a figure that no choice has seen.
 * Deterministic: no random numbers, documents in input order.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "filter.h"
#include "lang.h"
#include "summary_int.h"
#include "train.h"
#include "train_corpus.h"
#include "../../pipelines/zeef/score_summary.h"

#define NF SUMMARY_NFEATURES
#define LONG_DOCUMENT 10   /* sentences: "long" documents are reported apart */

/* The grid: each value has a reason (README.md, "The model and its parameters"). */
static const double grid_l2[] = { 0.3, 1, 3 };
static const long grid_short[] = { 0, 6, 10 };
static const double grid_redundancy[] = { 0, 0.5 };
#define NL2 (sizeof grid_l2 / sizeof *grid_l2)
#define NSHORT (sizeof grid_short / sizeof *grid_short)
#define NRED (sizeof grid_redundancy / sizeof *grid_redundancy)
#define NGRID (NL2 * NSHORT * NRED)

struct params {
	double l2;
	long short_news;
	double redundancy;
};

static struct params grid_point(size_t g)
{
	struct params p = { grid_l2[g / (NSHORT * NRED)], grid_short[g / NRED % NSHORT],
	                    grid_redundancy[g % NRED] };
	return p;
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "summarize: %s%s%s\nTry 'summarize --help' for more information.\n", msg,
	        arg ? " " : "", arg ? arg : "");
	return EXIT_USAGE;
}

static struct summary_doc as_summary_doc(const struct tdoc *d)
{
	struct summary_doc s = { d->text, d->len, d->spans, d->n, d->entities, d->quoted };
	return s;
}

/* The features of each document's candidates (real sentences and
 * fragments: the kinds the model decides between); they do not depend on
 * the model. */
static int analyse_corpus(struct summarizer *sz, struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct tdoc *d = &c->doc[i];
		struct summary_doc sd = as_summary_doc(d);
		if (summary_analyse(sz, &sd) < 0)
			return -1;
		d->x = train_calloc(d->n * NF + 1, sizeof *d->x);
		d->ycand = train_calloc(d->n + 1, sizeof *d->ycand);
		d->ncand = 0;
		for (size_t k = 0; k < d->n; k++) {
			const struct sent *st = &sz->sent[k];
			if (st->kind != SUMMARY_SENTENCE && st->kind != SUMMARY_FRAGMENT &&
			    st->kind != SUMMARY_QUESTION)
				continue;
			summary_features(sz, &sd, k, d->x + d->ncand * NF);
			d->ycand[d->ncand++] = d->y[k];
		}
		d->news = sz->type == SUMMARY_NEWS;
		d->running = sz->running;
	}
	return 0;
}

/* Mean ROUGE-1 F1 of D's summary under SZ's model against its references. */
static double evaluate(struct summarizer *sz, const struct tdoc *d, enum summary_method method,
                       char **buf, size_t *cap)
{
	struct summary_doc sd = as_summary_doc(d);
	const size_t *picked;
	size_t m = summarizer_run(sz, &sd, method, NULL, &picked);
	if (m == (size_t)-1) {
		fprintf(stderr, "summarize: out of memory\n");
		exit(EXIT_SOFTWARE);
	}
	size_t need = 1, at = 0;
	for (size_t i = 0; i < m; i++)
		need += d->spans[picked[i]].end - d->spans[picked[i]].start + 1;
	if (need > *cap) {
		free(*buf);
		*buf = train_calloc(need, 1);
		*cap = need;
	}
	for (size_t i = 0; i < m; i++) {
		const struct sentence_span *s = &d->spans[picked[i]];
		if (i)
			(*buf)[at++] = ' ';
		memcpy(*buf + at, d->text + s->start, s->end - s->start);
		at += s->end - s->start;
	}
	(*buf)[at] = '\0';
	if (method == SUMMARY_RANK) {   /* the last run's picks, for --per-document */
		char *p = ((struct tdoc *)d)->picks;
		size_t room = sizeof d->picks;
		p[0] = '\0';
		for (size_t i = 0; i < m && room > 12; i++) {
			int w = snprintf(p, room, "%s%zu", i ? "," : "", picked[i]);
			p += w;
			room -= (size_t)w;
		}
	}
	double sum = 0;
	for (size_t j = 0; j < d->nref; j++)
		sum += score_summary_rouge(*buf, d->ref[j], 1);
	return sum / (double)d->nref;
}

/* Fit a model with parameters P on the documents of C for which USE[i] is
 * set (and that the model would rank: not short news reports). */
static int fit(struct summary_model *m, const struct corpus *c, const char *use,
               struct params p)
{
	size_t *nsent = train_calloc(c->n, sizeof *nsent);
	const double **x = train_calloc(c->n, sizeof *x), **y = train_calloc(c->n, sizeof *y);
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct tdoc *d = &c->doc[i];
		if (!use[i] || (d->news && (long)d->running <= p.short_news))
			continue;
		nsent[k] = d->ncand;
		x[k] = d->x;
		y[k++] = d->ycand;
	}
	struct summary_train_set t = { k, nsent, x, y };
	memset(m, 0, sizeof *m);
	int rc = summary_model_fit(m, &t, p.l2);
	m->short_news = p.short_news;
	m->redundancy = p.redundancy;
	free(nsent);
	free(x);
	free(y);
	return rc;
}

/* Cross-validated ROUGE-1 per document (SCORE[i] for the documents in
 * MEMBER) with parameters P and K folds over the members. */
static int cross_validate(struct summarizer *sz, const struct corpus *c, const char *member,
                          struct params p, size_t k, double *score)
{
	char *use = train_calloc(c->n, 1);
	char *buf = NULL;
	size_t cap = 0, nm = 0;
	size_t *order = train_calloc(c->n, sizeof *order);   /* rank among the members */
	for (size_t i = 0; i < c->n; i++)
		if (member[i])
			order[i] = nm++;
	if (k > nm)
		k = nm;
	for (size_t f = 0; f < k; f++) {
		for (size_t i = 0; i < c->n; i++)
			use[i] = member[i] && order[i] % k != f;
		if (fit(&sz->model, c, use, p) < 0)
			return -1;
		for (size_t i = 0; i < c->n; i++)
			if (member[i] && order[i] % k == f)
				score[i] = evaluate(sz, &c->doc[i], SUMMARY_RANK, &buf, &cap);
	}
	free(use);
	free(buf);
	free(order);
	return 0;
}

static double mean_over(const struct corpus *c, const char *member, const double *v)
{
	double s = 0;
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		if (member[i]) {
			s += v[i];
			n++;
		}
	return n ? s / (double)n : 0;
}

/* The grid point with the best cross-validated mean over MEMBER; with LOG,
 * each point's figure is printed. */
static size_t choose_params(struct summarizer *sz, const struct corpus *c, const char *member,
                            size_t k, FILE *log, double *best_score)
{
	double *score = train_calloc(c->n, sizeof *score), best = -1;
	size_t bi = 0;
	for (size_t g = 0; g < NGRID; g++) {
		struct params p = grid_point(g);
		if (cross_validate(sz, c, member, p, k, score) < 0) {
			fprintf(stderr, "summarize: out of memory\n");
			exit(EXIT_SOFTWARE);
		}
		double m = mean_over(c, member, score);
		if (log)
			fprintf(log, "  l2 %-5g short_news %-3ld redundancy %-4g  CV ROUGE-1 %.4f\n", p.l2,
			        p.short_news, p.redundancy, m);
		if (m > best + 1e-12) {
			best = m;
			bi = g;
		}
	}
	free(score);
	*best_score = best;
	return bi;
}

/* Groups of the report: all documents, each source, and each source's long
 * documents (more than LONG_DOCUMENT sentences). */
static void report(FILE *f, const struct corpus *c, const double *lead, const double *cv,
                   const double *nested, const double *train)
{
	fprintf(f, "%-22s %9s %8s %8s %8s %8s\n", "documents", "count", "lead", "CV",
	        nested ? "nested" : "", "training");
	for (size_t g = 0; g <= c->n; g++) {
		/* group g: 0 = all; else the source of document g-1, when first seen */
		const char *src = g ? c->doc[g - 1].source : NULL;
		int seen = 0;
		for (size_t j = 0; g && j + 1 < g; j++)
			if (strcmp(c->doc[j].source, src) == 0)
				seen = 1;
		if (seen)
			continue;
		for (int longer = 0; longer <= (g > 0); longer++) {
			double s[4] = {0};
			size_t n = 0;
			for (size_t i = 0; i < c->n; i++) {
				if (src && strcmp(c->doc[i].source, src) != 0)
					continue;
				if (longer && c->doc[i].n <= LONG_DOCUMENT)
					continue;
				s[0] += lead[i];
				s[1] += cv[i];
				s[2] += nested ? nested[i] : 0;
				s[3] += train[i];
				n++;
			}
			if (!n)
				continue;
			char name[64];
			snprintf(name, sizeof name, "%s%s", src ? (*src ? src : "(no source)") : "all",
			         longer ? ", long" : "");
			fprintf(f, "%-22s %9zu %8.4f %8.4f ", name, n, s[0] / n, s[1] / n);
			if (nested)
				fprintf(f, "%8.4f ", s[2] / n);
			else
				fprintf(f, "%8s ", "");
			fprintf(f, "%8.4f\n", s[3] / n);
		}
	}
}

int summary_train_main(int argc, char **argv)
{
	enum { O_TRAIN = 1000, O_MODEL_OUT, O_FOLDS, O_NESTED, O_DATA, O_PER_DOCUMENT };
	static const struct option opts[] = {
		{"train", no_argument, NULL, O_TRAIN},
		{"model-out", required_argument, NULL, O_MODEL_OUT},
		{"folds", required_argument, NULL, O_FOLDS},
		{"nested", no_argument, NULL, O_NESTED},
		{"data", required_argument, NULL, O_DATA},
		{"per-document", no_argument, NULL, O_PER_DOCUMENT},
		{NULL, 0, NULL, 0}
	};
	const char *out = NULL;
	size_t folds = 0;
	int nested = 0, per_document = 0, c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		long long v;
		switch (c) {
		case O_TRAIN:
			break;
		case O_MODEL_OUT:
			out = optarg;
			break;
		case O_FOLDS:
			v = filter_parse_count(optarg);
			if (v < 2 || v > 1000000)
				return usage_error("--folds: expected a whole number from 2, not", optarg);
			folds = (size_t)v;
			break;
		case O_NESTED:
			nested = 1;
			break;
		case O_PER_DOCUMENT:
			per_document = 1;
			break;
		case O_DATA:
			if (lang_set_dir(optarg) != 0)
				return usage_error("--data: not a directory:", optarg);
			break;
		case ':':
			return usage_error("option requires an argument:", argv[optind - 1]);
		default:
			return usage_error("unrecognized option in training mode:", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error("--train: no training file given", NULL);

	struct corpus corpus = {0};
	struct splitter *sp = splitter_new();
	int rc;
	struct summarizer *sz = summarizer_new("nl", &rc);
	if (rc == 0 && !sp)
		rc = EXIT_SOFTWARE;
	for (int i = optind; rc == 0 && i < argc; i++)
		rc = train_read_corpus(argv[i], sp, &corpus);
	if (rc == 0 && corpus.n < 2) {
		fprintf(stderr, "summarize: --train needs at least 2 documents\n");
		rc = EXIT_DATAERR;
	}
	if (rc == 0 && analyse_corpus(sz, &corpus) < 0) {
		fprintf(stderr, "summarize: out of memory\n");
		rc = EXIT_SOFTWARE;
	}
	if (rc) {
		for (size_t i = 0; i < corpus.n; i++)
			train_free_doc(&corpus.doc[i]);
		free(corpus.doc);
		summarizer_free(sz);
		splitter_free(sp);
		return rc;
	}
	size_t n = corpus.n, k = folds ? folds : n;
	if (k > n)
		k = n;
	char *all = train_calloc(n, 1);
	memset(all, 1, n);
	double *lead = train_calloc(n, sizeof *lead), *cv = train_calloc(n, sizeof *cv);
	double *train = train_calloc(n, sizeof *train), *outer = NULL;
	char *buf = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < n; i++)
		lead[i] = evaluate(sz, &corpus.doc[i], SUMMARY_LEAD, &buf, &cap);
	printf("training on %zu documents; %zu folds%s (document i in fold i mod %zu)\n", n, k,
	       k == n ? ", leave-one-out" : "", k);
	printf("parameters by cross-validated ROUGE-1 F1 (mean over documents):\n");
	double best;
	char *cvpicks = train_calloc(n, sizeof corpus.doc[0].picks);
	size_t g = choose_params(sz, &corpus, all, k, stdout, &best);
	struct params p = grid_point(g);
	cross_validate(sz, &corpus, all, p, k, cv);
	for (size_t i = 0; i < n; i++)
		memcpy(cvpicks + i * sizeof corpus.doc[i].picks, corpus.doc[i].picks,
		       sizeof corpus.doc[i].picks);
	if (nested) {
		/* Outer folds: the whole choice (grid and fit) on the others. */
		outer = train_calloc(n, sizeof *outer);
		char *member = train_calloc(n, 1);
		for (size_t f = 0; f < k; f++) {
			for (size_t i = 0; i < n; i++)
				member[i] = i % k != f;
			double inner;
			struct params q = grid_point(choose_params(sz, &corpus, member, k - 1, NULL, &inner));
			if (fit(&sz->model, &corpus, member, q) < 0)
				exit(EXIT_SOFTWARE);
			for (size_t i = 0; i < n; i++)
				if (!member[i])
					outer[i] = evaluate(sz, &corpus.doc[i], SUMMARY_RANK, &buf, &cap);
		}
		free(member);
	}
	struct summary_model final;
	if (fit(&final, &corpus, all, p) < 0)
		exit(EXIT_SOFTWARE);
	sz->model = final;
	for (size_t i = 0; i < n; i++)
		train[i] = evaluate(sz, &corpus.doc[i], SUMMARY_RANK, &buf, &cap);
	printf("chosen: l2 %g, short_news %ld, redundancy %g\n", p.l2, p.short_news, p.redundancy);
	report(stdout, &corpus, lead, cv, outer, train);
	if (per_document) {
		printf("%-22s %-10s %5s %-8s %7s %7s %7s  %-10s %s\n", "document", "source",
		       "sents", "type", "lead", "CV", "train", "CV picks", "references");
		for (size_t i = 0; i < n; i++) {
			const struct tdoc *d = &corpus.doc[i];
			printf("%-22.22s %-10.10s %5zu %-8s %7.4f %7.4f %7.4f  %-10s", d->id, d->source,
			       d->n, d->news ? "news" : "feature", lead[i], cv[i], train[i],
			       cvpicks + i * sizeof d->picks);
			for (size_t k2 = 0; k2 < d->n; k2++)
				if (d->y[k2] > 0)
					printf(" %zu%s", k2, d->y[k2] < 1 ? "?" : "");
			printf("\n");
		}
	}
	printf("weights:");
	for (int f = 0; f < NF; f++)
		printf(" %s %.3f", summary_feature_names[f], final.w[f]);
	printf("\n");
	if (out) {
		char header[1024];
		double m_cv = mean_over(&corpus, all, cv), m_tr = mean_over(&corpus, all, train);
		snprintf(header, sizeof header,
		         "made by summarize --train on %zu documents; %zu folds%s\n"
		         "chosen by cross-validation: l2 %g, short_news %ld, redundancy %g\n"
		         "ROUGE-1 F1 over all documents: cross-validated %.4f, training %.4f%s",
		         n, k, k == n ? " (leave-one-out)" : "", p.l2, p.short_news, p.redundancy,
		         m_cv, m_tr, nested ? ", nested (see the report)" : "");
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", out);
		FILE *f = fopen(tmp, "w");
		if (!f) {
			perror(tmp);
			rc = EXIT_IOERR;
		} else {
			int bad = summary_model_write(&final, f, header) < 0;
			bad |= fclose(f) != 0;
			if (bad || rename(tmp, out) != 0) {
				fprintf(stderr, "summarize: cannot write %s\n", out);
				remove(tmp);
				rc = EXIT_IOERR;
			} else {
				printf("model written to %s\n", out);
			}
		}
	}
	if (fflush(stdout) != 0)
		rc = EXIT_IOERR;
	free(buf);
	free(cvpicks);
	free(all);
	free(lead);
	free(cv);
	free(train);
	free(outer);
	for (size_t i = 0; i < n; i++)
		train_free_doc(&corpus.doc[i]);
	free(corpus.doc);
	summarizer_free(sz);
	splitter_free(sp);
	return rc;
}
