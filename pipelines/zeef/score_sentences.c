/* score_sentences.c — `zeef score sentences [--json] GOLD PRED`.
 *
 * GOLD and PRED are JSON Lines records with "id", "text" and "sentences"
 * ([{"start","end",...}], code points). Records are matched by id; a gold
 * document without a prediction counts as all sentences missed, a predicted
 * document without gold is ignored (and reported). Spans are compared on
 * NON-SPACE character offsets, so PRED's text may differ from GOLD's in white
 * space only (e.g. paragraphs flattened).
 *
 * Scores: sentence-span P/R/F1 (a sentence counts when both ends match),
 * boundary P/R/F1 (sentence ends other than the end of the text), and the
 * share of documents whose sentences all match exactly.
 */
#include "esc.h"
#include "output.h"
#include "score.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "lines.h"
#include "record.h"
#include "utf8.h"

enum { SCORE_OK = 0, SCORE_USAGE = 64, SCORE_DATA = 65, SCORE_NOINPUT = 66 };

struct ns_span {
	size_t start, end;   /* non-space characters before each end */
};

struct doc {
	char *id;
	struct ns_span *spans;
	size_t n;
	size_t total;        /* non-space characters in the text */
};

struct doc_list {
	struct doc *d;
	size_t n, cap;
};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("zeef score sentences: out of memory\n", stderr);
		exit(70);
	}
	return p;
}

static int is_space_cp(int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return 1;
	if (cp < 0x80)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x85 ||
	       cp == 0x2028 || cp == 0x2029;
}

/* Read record O, at LINE of FILE, into *D and free O. Returns 0 or -1
 * (message printed). */
static int read_doc(const char *file, long lineno, zjson *o, struct doc *d)
{
	const char *why = NULL;
	size_t tlen = 0, idlen = 0;
	const char *text = NULL, *id = NULL;
	zjson *list = NULL;
	if (!(id = zj_str(zj_get(o, "id"), &idlen)))
		why = "no string \"id\"";
	else if (!(text = zj_str(zj_get(o, "text"), &tlen)))
		why = "no string \"text\"";
	else if (zj_type(list = zj_get(o, "sentences")) != ZJ_ARRAY)
		why = "no \"sentences\" array";
	if (why) {
		fprintf(stderr, "zeef score sentences: %s:%ld: %s\n", zeef_esc(file), lineno, why);
		zj_free(o);
		return -1;
	}
	d->id = xrealloc(NULL, idlen + 1);
	memcpy(d->id, id, idlen);
	d->id[idlen] = 0;
	d->n = zj_len(list);
	d->spans = xrealloc(NULL, d->n * sizeof *d->spans);

	/* ns[cp] for every code point offset: walk the text once, answering the
	 * span ends in order; out-of-order spans restart the walk. */
	size_t byte = 0, cp = 0, ns = 0;
	for (size_t i = 0; i < d->n && !why; i++) {
		zjson *s = zj_at(list, i);
		for (int k = 0; k < 2; k++) {
			int ok = 0;
			int64_t want = zj_intval(zj_get(s, k ? "end" : "start"), &ok);
			if (!ok || want < 0) {
				why = "a sentence without integer \"start\" and \"end\"";
				break;
			}
			if ((size_t)want < cp)
				byte = cp = ns = 0;
			while (cp < (size_t)want && byte < tlen) {
				int32_t c;
				int n = utf8_decode(text + byte, tlen - byte, &c);
				if (n < 0) n = 1;
				if (!is_space_cp(c)) ns++;
				byte += (size_t)n;
				cp++;
			}
			if (cp < (size_t)want) {
				why = "a sentence past the end of the text";
				break;
			}
			if (k) d->spans[i].end = ns;
			else d->spans[i].start = ns;
		}
		if (!why && d->spans[i].end < d->spans[i].start)
			why = "a sentence with \"end\" before \"start\"";
	}
	if (why) {
		fprintf(stderr, "zeef score sentences: %s:%ld: id=%s: %s\n", zeef_esc(file), lineno,
		        zeef_esc(d->id), why);
		free(d->id);
		free(d->spans);
		zj_free(o);
		return -1;
	}
	/* total non-space characters */
	d->total = ns;
	while (byte < tlen) {
		int32_t c;
		int n = utf8_decode(text + byte, tlen - byte, &c);
		if (n < 0) n = 1;
		if (!is_space_cp(c)) d->total++;
		byte += (size_t)n;
	}
	zj_free(o);
	return 0;
}

static int read_docs(const char *file, struct doc_list *l)
{
	struct score_input in;
	int rc = score_open(&in, "sentences", file);
	zjson *o;

	while (rc == SCORE_OK && (o = score_next(&in, &rc)) != NULL) {
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->d = xrealloc(l->d, l->cap * sizeof *l->d);
		}
		if (read_doc(file, in.lr.line, o, &l->d[l->n]))
			rc = SCORE_DATA;
		else
			l->n++;
	}
	score_close(&in);
	return rc;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct doc *)a)->id, ((const struct doc *)b)->id);
}

static int by_span(const void *a, const void *b)
{
	const struct ns_span *x = a, *y = b;
	if (x->start != y->start) return x->start < y->start ? -1 : 1;
	if (x->end != y->end) return x->end < y->end ? -1 : 1;
	return 0;
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort D's spans, drop duplicates and empty spans (a sentence of only white
 * space). Returns the count kept. */
static size_t clean_spans(struct doc *d)
{
	qsort(d->spans, d->n, sizeof *d->spans, by_span);
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (d->spans[i].start == d->spans[i].end) continue;
		if (k && by_span(&d->spans[k - 1], &d->spans[i]) == 0) continue;
		d->spans[k++] = d->spans[i];
	}
	return d->n = k;
}

/* Internal sentence ends of D (not the end of the text), sorted, unique. */
static size_t boundaries(const struct doc *d, size_t **out)
{
	size_t *b = xrealloc(NULL, d->n * sizeof *b), k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->spans[i].end > 0 && d->spans[i].end < d->total)
			b[k++] = d->spans[i].end;
	qsort(b, k, sizeof *b, by_size);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || b[u - 1] != b[i]) b[u++] = b[i];
	*out = b;
	return u;
}

/* Matches between two sorted arrays. */
static size_t common_spans(const struct doc *g, const struct doc *p)
{
	size_t i = 0, j = 0, m = 0;
	while (i < g->n && j < p->n) {
		int c = by_span(&g->spans[i], &p->spans[j]);
		if (c == 0) { m++; i++; j++; }
		else if (c < 0) i++;
		else j++;
	}
	return m;
}

static size_t common_sizes(const size_t *a, size_t na, const size_t *b, size_t nb)
{
	size_t i = 0, j = 0, m = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) { m++; i++; j++; }
		else if (a[i] < b[j]) i++;
		else j++;
	}
	return m;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

static void usage_error(const char *msg)
{
	fprintf(stderr, "zeef score sentences: %s\n"
	        "Usage: zeef score sentences [--json] GOLD PRED\n", msg);
}

static void free_docs(struct doc_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->d[i].id);
		free(l->d[i].spans);
	}
	free(l->d);
}

int score_sentences(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	int json = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+jh", opts, NULL)) != -1) {
		if (c == 'j') json = 1;
		else if (c == 'h') {
			printf("Usage: zeef score sentences [--json] GOLD PRED\n"
			       "Score predicted sentences (PRED) against gold ones (GOLD): JSON Lines\n"
			       "records with \"id\", \"text\" and \"sentences\" (code-point spans),\n"
			       "matched by id. Offsets are compared on non-space characters, so the\n"
			       "texts may differ in white space. Prints sentence-span P/R/F1 (both\n"
			       "ends must match), boundary P/R/F1 (sentence ends inside the text) and\n"
			       "exact documents (all sentences right).\n"
			       "  --json   one JSON object instead of a table\n");
			return zeef_flush_stdout("zeef score sentences", SCORE_OK);
		} else {
			usage_error("unknown option");
			return SCORE_USAGE;
		}
	}
	if (argc - optind != 2) {
		usage_error("needs two files, GOLD and PRED");
		return SCORE_USAGE;
	}
	struct doc_list gold = {0}, pred = {0};
	int rc = read_docs(argv[optind], &gold);
	if (!rc) rc = read_docs(argv[optind + 1], &pred);
	if (rc) {
		free_docs(&gold);
		free_docs(&pred);
		return rc;
	}
	qsort(pred.d, pred.n, sizeof *pred.d, by_id);
	for (size_t i = 1; i < pred.n; i++)
		if (!strcmp(pred.d[i - 1].id, pred.d[i].id)) {
			fprintf(stderr, "zeef score sentences: %s: id=%s appears twice\n",
			        zeef_esc(argv[optind + 1]), zeef_esc(pred.d[i].id));
			free_docs(&gold);
			free_docs(&pred);
			return SCORE_DATA;
		}

	size_t g_spans = 0, p_spans = 0, m_spans = 0, g_b = 0, p_b = 0, m_b = 0;
	size_t exact = 0, missing = 0, matched = 0;
	for (size_t i = 0; i < gold.n; i++) {
		struct doc *g = &gold.d[i];
		clean_spans(g);
		g_spans += g->n;
		size_t *gb, ngb = boundaries(g, &gb);
		g_b += ngb;
		struct doc *p = bsearch(g, pred.d, pred.n, sizeof *pred.d, by_id);
		if (!p) {
			missing++;
			free(gb);
			continue;
		}
		matched++;
		clean_spans(p);
		p_spans += p->n;
		size_t *pb, npb = boundaries(p, &pb);
		p_b += npb;
		size_t m = common_spans(g, p);
		m_spans += m;
		m_b += common_sizes(gb, ngb, pb, npb);
		if (m == g->n && m == p->n) exact++;
		free(gb);
		free(pb);
	}
	size_t extra = pred.n - matched;
	double sp = ratio(m_spans, p_spans), sr = ratio(m_spans, g_spans);
	double bp = ratio(m_b, p_b), br = ratio(m_b, g_b);
	if (json) {
		printf("{\"documents\":%zu,\"missing\":%zu,\"unmatched\":%zu,"
		       "\"sentences\":{\"gold\":%zu,\"predicted\":%zu,\"correct\":%zu,"
		       "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
		       "\"boundaries\":{\"gold\":%zu,\"predicted\":%zu,\"correct\":%zu,"
		       "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
		       "\"exact_documents\":%zu,\"exact_share\":%.4f}\n",
		       gold.n, missing, extra, g_spans, p_spans, m_spans, sp, sr, f1(sp, sr),
		       g_b, p_b, m_b, bp, br, f1(bp, br), exact, ratio(exact, gold.n));
	} else {
		printf("%-12s %8s %8s %8s %9s %9s %9s\n", "", "gold", "pred", "correct",
		       "precision", "recall", "F1");
		printf("%-12s %8zu %8zu %8zu %9.4f %9.4f %9.4f\n", "sentences",
		       g_spans, p_spans, m_spans, sp, sr, f1(sp, sr));
		printf("%-12s %8zu %8zu %8zu %9.4f %9.4f %9.4f\n", "boundaries",
		       g_b, p_b, m_b, bp, br, f1(bp, br));
		printf("exact documents: %zu of %zu (%.4f)\n", exact, gold.n, ratio(exact, gold.n));
		if (missing)
			printf("gold documents without a prediction: %zu\n", missing);
		if (extra)
			printf("predicted documents without gold: %zu\n", extra);
	}
	free_docs(&gold);
	free_docs(&pred);
	return zeef_flush_stdout("zeef score sentences", SCORE_OK);
}
