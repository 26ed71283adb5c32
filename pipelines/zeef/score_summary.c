/* score_summary.c — `zeef score summary [--json] GOLD... PRED`: ROUGE-1 and
 * ROUGE-2 F1 of predicted summaries against one or more reference files.
 *
 * GOLD lines: {"doc":ID,"pick_text":[SENTENCE,...],"source":S (optional)}.
 * PRED lines: records with "id" and "summary":{"text":T} (summarize's output).
 * A reference document matches the prediction whose id equals its doc, or
 * its doc without a file extension ("a.txt" matches "a"). Summaries are
 * compared by text, never by sentence index.
 *
 * Words: summary_word_next() (runs of letters and digits; punctuation and
 * quote marks dropped), lowercased by summary_word_fold(). ROUGE-N F1 of one
 * prediction and one reference: clipped n-gram overlap, precision over the
 * prediction's n-grams, recall over the reference's, harmonic mean (0 when
 * either side has no n-gram). A document's score is the mean over the
 * references that have it; the report gives the mean over documents, overall
 * and per "source". A reference document without a prediction scores 0 and
 * is counted as missing.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record.h"
#include "esc.h"
#include "output.h"
#include "score.h"
#include "score_summary.h"
#include "../../filters/summarize/summary.h"

#define MAX_REFS 16

struct doc {
	char *id;                 /* reference doc id */
	char *source;             /* "" when absent */
	char *ref[MAX_REFS];      /* reference text per GOLD file, NULL if absent */
	const char *pred;         /* predicted text (borrowed from preds), or NULL */
};

struct table {
	struct doc *doc;
	size_t n, cap;
};

struct pred {
	char *id, *text;
};

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d) {
		fprintf(stderr, "zeef score summary: out of memory\n");
		exit(70);
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static struct doc *find_doc(struct table *t, const char *id)
{
	for (size_t i = 0; i < t->n; i++)   /* reference files are small */
		if (strcmp(t->doc[i].id, id) == 0)
			return &t->doc[i];
	return NULL;
}

/* Read reference file NAME as reference number R. Returns 0 or an exit code. */
static int read_gold(const char *name, int r, struct table *t)
{
	struct score_input in;
	int rc = score_open(&in, "summary", name);
	zjson *o;
	while (rc == 0 && (o = score_next(&in, &rc)) != NULL) {
		long line = in.lr.line;
		const char *id = zj_str(zj_get(o, "doc"), NULL);
		zjson *picks = zj_get(o, "pick_text");
		if (!id || zj_type(picks) != ZJ_ARRAY) {
			fprintf(stderr, "zeef score summary: %s:%ld: expected an object with "
			        "\"doc\" and a \"pick_text\" array\n", zeef_esc(name), line);
			zj_free(o);
			rc = 65;
			break;
		}
		struct doc *d = find_doc(t, id);
		if (!d) {
			if (t->n == t->cap) {
				t->cap = t->cap ? t->cap * 2 : 64;
				t->doc = realloc(t->doc, t->cap * sizeof *t->doc);
				if (!t->doc)
					exit(70);
			}
			d = &t->doc[t->n++];
			memset(d, 0, sizeof *d);
			d->id = dup_n(id, strlen(id));
			const char *src = zj_str(zj_get(o, "source"), NULL);
			d->source = dup_n(src ? src : "", src ? strlen(src) : 0);
		}
		size_t total = 0, sl;
		for (size_t i = 0; i < zj_len(picks); i++)
			if (zj_str(zj_at(picks, i), &sl))
				total += sl + 1;
		char *text = malloc(total + 1), *p = text;
		if (!text)
			exit(70);
		for (size_t i = 0; i < zj_len(picks); i++) {
			const char *s = zj_str(zj_at(picks, i), &sl);
			if (!s)
				continue;
			if (p != text)
				*p++ = ' ';
			memcpy(p, s, sl);
			p += sl;
		}
		*p = '\0';
		free(d->ref[r]);
		d->ref[r] = text;
		zj_free(o);
	}
	score_close(&in);
	return rc;
}

static int read_pred(const char *name, struct pred **preds, size_t *n)
{
	struct score_input in;
	size_t pcap = 0;
	int rc = score_open(&in, "summary", name);
	zjson *o;
	while (rc == 0 && (o = score_next(&in, &rc)) != NULL) {
		long line = in.lr.line;
		size_t il, tl;
		const char *id = zj_str(zj_get(o, "id"), &il);
		const char *text = zj_str(zj_get(zj_get(o, "summary"), "text"), &tl);
		if (!id || !text) {
			fprintf(stderr, "zeef score summary: %s:%ld: expected a record with "
			        "\"id\" and \"summary\":{\"text\"} (run summarize first)\n", zeef_esc(name), line);
			zj_free(o);
			rc = 65;
			break;
		}
		if (*n == pcap) {
			pcap = pcap ? pcap * 2 : 64;
			*preds = realloc(*preds, pcap * sizeof **preds);
			if (!*preds)
				exit(70);
		}
		(*preds)[*n].id = dup_n(id, il);
		(*preds)[(*n)++].text = dup_n(text, tl);
		zj_free(o);
	}
	score_close(&in);
	return rc;
}

/* --- ROUGE ------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t word_hash(const char *w, size_t n, char *fold)
{
	summary_word_fold(w, n, fold);
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)fold[i]) * 1099511628211ull;
	return h;
}

/* Sorted n-gram keys of TEXT into *out; returns their number. */
static size_t ngrams(const char *text, int n, uint64_t **out)
{
	size_t len = strlen(text), pos = 0, ws, we, cnt = 0, cap = 16;
	uint64_t *g = malloc(cap * sizeof *g), prev = 0;
	char *fold = malloc(len + 1);
	if (!g || !fold)
		exit(70);
	int have = 0;
	while (summary_word_next(text, len, &pos, &ws, &we)) {
		uint64_t h = word_hash(text + ws, we - ws, fold);
		if (n == 1 || have) {
			if (cnt == cap) {
				cap *= 2;
				if (!(g = realloc(g, cap * sizeof *g)))
					exit(70);
			}
			g[cnt++] = n == 1 ? h : (prev * 0x9E3779B97F4A7C15ull) ^ h;
		}
		prev = h;
		have = 1;
	}
	free(fold);
	qsort(g, cnt, sizeof *g, cmp_u64);
	*out = g;
	return cnt;
}

double score_summary_rouge(const char *pred, const char *ref, int n)
{
	uint64_t *p, *r;
	size_t np = ngrams(pred, n, &p), nr = ngrams(ref, n, &r), i = 0, j = 0, hit = 0;
	while (i < np && j < nr) {
		if (p[i] == r[j])
			hit++, i++, j++;
		else if (p[i] < r[j])
			i++;
		else
			j++;
	}
	free(p);
	free(r);
	if (hit == 0)
		return 0;
	double prec = (double)hit / (double)np, rec = (double)hit / (double)nr;
	return 2 * prec * rec / (prec + rec);
}

/* --- report ------------------------------------------------------------ */

struct total {
	const char *source;
	size_t docs, missing;
	double r1, r2;
};

static void usage(FILE *f)
{
	fputs("Usage: zeef score summary [--json] GOLD... PRED\n"
	      "ROUGE-1 and ROUGE-2 F1 of the summaries in PRED (records with \"id\" and\n"
	      "\"summary\":{\"text\"}) against every reference file GOLD (lines with \"doc\",\n"
	      "\"pick_text\" and optionally \"source\"). Words are runs of letters and digits,\n"
	      "lowercased; punctuation is dropped. Each document's F1 is the mean over its\n"
	      "references; the report is the mean over documents, overall and per source.\n"
	      "A document without a prediction scores 0 and is counted as missing.\n"
	      "  --json   one JSON object instead of a table\n", f);
}

int score_summary(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}
	};
	int json = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'h') {
			usage(stdout);
			return zeef_flush_stdout("zeef score summary", 0);
		} else {
			fprintf(stderr, "zeef score summary: unknown option '%s'\n",
			        zeef_esc(argv[optind - 1]));
			fputs("Try 'zeef score summary --help' for more information.\n", stderr);
			return 64;
		}
	}
	int nfiles = argc - optind;
	if (nfiles < 2 || nfiles - 1 > MAX_REFS) {
		fprintf(stderr, "zeef score summary: expected 1 to %d GOLD files and one PRED file\n",
		        MAX_REFS);
		fputs("Try 'zeef score summary --help' for more information.\n", stderr);
		return 64;
	}
	struct table t = { NULL, 0, 0 };
	struct pred *preds = NULL;
	size_t npred = 0;
	int rc = 0, nref = nfiles - 1;
	for (int r = 0; r < nref && rc == 0; r++)
		rc = read_gold(argv[optind + r], r, &t);
	if (rc == 0)
		rc = read_pred(argv[argc - 1], &preds, &npred);
	if (rc == 0) {
		for (size_t i = 0; i < npred; i++) {
			struct doc *d = find_doc(&t, preds[i].id);
			for (size_t k = 0; !d && k < t.n; k++) {   /* "a.txt" for "a" */
				const char *dot = strrchr(t.doc[k].id, '.');
				size_t l = strlen(preds[i].id);
				if (dot && (size_t)(dot - t.doc[k].id) == l &&
				    strncmp(t.doc[k].id, preds[i].id, l) == 0)
					d = &t.doc[k];
			}
			if (d && !d->pred)
				d->pred = preds[i].text;
		}
		struct total *tot = calloc(t.n + 1, sizeof *tot);
		size_t ntot = 1;
		tot[0].source = "all";
		for (size_t i = 0; i < t.n; i++) {
			struct doc *d = &t.doc[i];
			double r1 = 0, r2 = 0;
			int k = 0;
			for (int r = 0; r < nref; r++) {
				if (!d->ref[r])
					continue;
				k++;
				if (d->pred) {
					r1 += score_summary_rouge(d->pred, d->ref[r], 1);
					r2 += score_summary_rouge(d->pred, d->ref[r], 2);
				}
			}
			size_t s = 1;
			while (s < ntot && strcmp(tot[s].source, d->source) != 0)
				s++;
			if (s == ntot && d->source[0])
				tot[ntot++].source = d->source;
			for (size_t x = 0; x < 2; x++) {
				struct total *to = x == 0 ? &tot[0] : s < ntot ? &tot[s] : NULL;
				if (!to)
					continue;
				to->docs++;
				to->missing += !d->pred;
				to->r1 += r1 / k;
				to->r2 += r2 / k;
			}
		}
		if (json) {
			printf("{\"documents\":%zu,\"references\":%d,\"missing\":%zu,"
			       "\"rouge1_f1\":%.4f,\"rouge2_f1\":%.4f,\"by_source\":{",
			       tot[0].docs, nref, tot[0].missing,
			       tot[0].docs ? tot[0].r1 / tot[0].docs : 0,
			       tot[0].docs ? tot[0].r2 / tot[0].docs : 0);
			for (size_t s = 1; s < ntot; s++) {
				zjson *name = zj_cstring(tot[s].source);
				printf("%s%s:{\"documents\":%zu,\"missing\":%zu,\"rouge1_f1\":%.4f,"
				       "\"rouge2_f1\":%.4f}", s > 1 ? "," : "", zj_serialize(name, NULL),
				       tot[s].docs, tot[s].missing, tot[s].r1 / tot[s].docs,
				       tot[s].r2 / tot[s].docs);
				zj_free(name);
			}
			printf("}}\n");
		} else {
			printf("%-20s %9s %8s %11s %11s\n", "source", "documents", "missing",
			       "ROUGE-1 F1", "ROUGE-2 F1");
			for (size_t s = 0; s < ntot; s++)
				printf("%-20s %9zu %8zu %11.4f %11.4f\n", tot[s].source, tot[s].docs,
				       tot[s].missing, tot[s].docs ? tot[s].r1 / tot[s].docs : 0,
				       tot[s].docs ? tot[s].r2 / tot[s].docs : 0);
			printf("(%d reference file%s)\n", nref, nref == 1 ? "" : "s");
		}
		free(tot);
		rc = zeef_flush_stdout("zeef score summary", rc);
	}
	for (size_t i = 0; i < t.n; i++) {
		free(t.doc[i].id);
		free(t.doc[i].source);
		for (int r = 0; r < nref; r++)
			free(t.doc[i].ref[r]);
	}
	free(t.doc);
	for (size_t i = 0; i < npred; i++) {
		free(preds[i].id);
		free(preds[i].text);
	}
	free(preds);
	return rc;
}
