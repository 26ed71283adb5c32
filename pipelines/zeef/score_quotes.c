/* score_quotes.c — `zeef score quotes [--scare FILE]... [--json] GOLD PRED`.
 *
 * GOLD: one quotation a line, {"doc","start","end","speaker","cue_pos",…}
 * (code points into the document's text). PRED: records {"id","quotes":[…]}
 * as extract-quotes writes them, matched to GOLD by id = doc. Reports span
 * precision, recall and F1 (exact: both ends equal; overlap: any shared code
 * point), speaker accuracy over exactly matched quotations, both per cue_pos,
 * and how many predicted quotations are listed in the --scare files (scare
 * quotes, terms, titles: {"doc","start","end"}). Predictions of kind
 * "indirect" are left out: the gold marks quotations only.
 * A speaker is right when the predicted "name", or the mention's text, equals
 * the gold speaker or its surname part ("Van de Roer" for "Robert van de
 * Roer"), ignoring case.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record.h"
#include "esc.h"
#include "output.h"
#include "score.h"
#include "grow.h"

enum { S_OK = 0, S_USAGE = 64, S_DATA = 65, S_NOINPUT = 66, S_SOFTWARE = 70 };

struct gquote {
	char *doc, *speaker, *cue_pos;
	long start, end;
	int found, overlapped, speaker_ok;
};

struct pquote {
	char *doc, *name, *mention;
	long start, end;
	int matched, overlaps, scare;
};

struct qlist {
	struct gquote *g;
	struct pquote *p;
	size_t n, cap;
};

static const char *prog = "zeef score quotes";

static char *dup_str(const zjson *v)
{
	size_t n;
	const char *s = zj_str(v, &n);
	if (!s)
		return NULL;
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}


/* Read FILE record by record; call FN(obj, list, file, line) for each. */
static int read_jsonl(const char *file, struct qlist *l,
                      int (*fn)(zjson *, struct qlist *, const char *, long))
{
	struct score_input in;
	int rc = score_open(&in, "quotes", file);
	zjson *o;

	while (rc == S_OK && (o = score_next(&in, &rc)) != NULL) {
		rc = fn(o, l, file, in.lr.line);
		zj_free(o);
	}
	score_close(&in);
	return rc;
}

static int span_of(const zjson *o, long *s, long *e)
{
	int ok1, ok2;
	*s = (long)zj_intval(zj_get(o, "start"), &ok1);
	*e = (long)zj_intval(zj_get(o, "end"), &ok2);
	return ok1 && ok2 && *s <= *e ? 0 : -1;
}

static int add_gold(zjson *o, struct qlist *l, const char *file, long no)
{
	struct gquote g = {0};
	g.doc = dup_str(zj_get(o, "doc"));
	if (!g.doc || span_of(o, &g.start, &g.end) < 0) {
		fprintf(stderr, "%s: %s:%ld: needs \"doc\", \"start\" and \"end\"\n", prog, zeef_esc(file), no);
		free(g.doc);
		return S_DATA;
	}
	g.speaker = dup_str(zj_get(o, "speaker"));
	g.cue_pos = dup_str(zj_get(o, "cue_pos"));
	if (grow_array((void **)&l->g, &l->cap, l->n + 1, sizeof *l->g) < 0)
		return S_SOFTWARE;
	l->g[l->n++] = g;
	return S_OK;
}

static int add_pred(zjson *o, struct qlist *l, const char *file, long no)
{
	zjson *qs = zj_get(o, "quotes");
	const char *id = zj_str(zj_get(o, "id"), NULL);
	if (!id || (qs && zj_type(qs) != ZJ_ARRAY)) {
		fprintf(stderr, "%s: %s:%ld: needs a string \"id\" and a \"quotes\" array\n", prog, zeef_esc(file), no);
		return S_DATA;
	}
	for (size_t i = 0; i < zj_len(qs); i++) {
		zjson *q = zj_at(qs, i);
		struct pquote p = {0};
		const char *kind = zj_str(zj_get(q, "kind"), NULL);
		if (kind && !strcmp(kind, "indirect"))
			continue;   /* the gold marks quotations only */
		if (span_of(q, &p.start, &p.end) < 0) {
			fprintf(stderr, "%s: %s:%ld: quote %zu needs \"start\" and \"end\"\n", prog, zeef_esc(file), no, i);
			return S_DATA;
		}
		p.doc = dup_str(zj_get(o, "id"));
		zjson *sp = zj_get(q, "speaker");
		p.name = dup_str(zj_get(sp, "name"));
		p.mention = dup_str(zj_get(sp, "text"));
		if (grow_array((void **)&l->p, &l->cap, l->n + 1, sizeof *l->p) < 0)
			return S_SOFTWARE;
		l->p[l->n++] = p;
	}
	return S_OK;
}

/* Scare entries are read as predicted-like spans. */
static int add_scare(zjson *o, struct qlist *l, const char *file, long no)
{
	struct pquote p = {0};
	p.doc = dup_str(zj_get(o, "doc"));
	if (!p.doc || span_of(o, &p.start, &p.end) < 0) {
		fprintf(stderr, "%s: %s:%ld: needs \"doc\", \"start\" and \"end\"\n", prog, zeef_esc(file), no);
		free(p.doc);
		return S_DATA;
	}
	if (grow_array((void **)&l->p, &l->cap, l->n + 1, sizeof *l->p) < 0)
		return S_SOFTWARE;
	l->p[l->n++] = p;
	return S_OK;
}

/* ASCII and Latin-1 case folding, in place. */
static void fold(char *s)
{
	for (unsigned char *u = (unsigned char *)s; *u; u++) {
		if (*u >= 'A' && *u <= 'Z')
			*u |= 0x20;
		else if (u > (unsigned char *)s && u[-1] == 0xC3 && *u >= 0x80 && *u <= 0x9E && *u != 0x97)
			*u += 0x20;
	}
}

/* The surname part of a full name: from the first lower-case word after
 * the first word (a particle: "van de Roer"), else the last word. */
static const char *surname(const char *name)
{
	const char *sp = strchr(name, ' ');
	if (!sp)
		return name;
	for (const char *p = sp; p && *p; p = strchr(p + 1, ' ')) {
		unsigned char c = (unsigned char)p[1];
		if (c >= 'a' && c <= 'z')
			return p + 1;
	}
	return strrchr(name, ' ') + 1;
}

static int speaker_matches(const char *gold, const struct pquote *p)
{
	if (!gold)
		return 0;
	char *g = strdup(gold);
	if (!g)
		return 0;
	fold(g);
	const char *sur = surname(g);
	int ok = 0;
	const char *cand[2] = { p->name, p->mention };
	for (int i = 0; i < 2 && !ok; i++) {
		if (!cand[i])
			continue;
		char *c = strdup(cand[i]);
		if (!c)
			break;
		fold(c);
		ok = !strcmp(c, g) || !strcmp(c, sur);
		free(c);
	}
	free(g);
	return ok;
}

static int by_doc_start_g(const void *a, const void *b)
{
	const struct gquote *x = a, *y = b;
	int c = strcmp(x->doc, y->doc);
	return c ? c : (x->start > y->start) - (x->start < y->start);
}

static int by_doc_start_p(const void *a, const void *b)
{
	const struct pquote *x = a, *y = b;
	int c = strcmp(x->doc, y->doc);
	return c ? c : (x->start > y->start) - (x->start < y->start);
}

/* For each predicted quotation, compare with every listed span of the same
 * document (both lists sorted by doc). */
static void match(struct qlist *gold, struct qlist *pred, struct qlist *scare)
{
	size_t gi = 0;
	for (size_t i = 0; i < pred->n; i++) {
		struct pquote *p = &pred->p[i];
		while (gi < gold->n && strcmp(gold->g[gi].doc, p->doc) < 0)
			gi++;
		for (size_t k = gi; k < gold->n && !strcmp(gold->g[k].doc, p->doc); k++) {
			struct gquote *g = &gold->g[k];
			if (g->start < p->end && p->start < g->end) {
				p->overlaps = g->overlapped = 1;
			}
			if (g->start == p->start && g->end == p->end && !g->found) {
				g->found = p->matched = 1;
				g->speaker_ok = speaker_matches(g->speaker, p);
			}
		}
		for (size_t k = 0; scare && k < scare->n; k++)
			if (!strcmp(scare->p[k].doc, p->doc) && scare->p[k].start < p->end &&
			    p->start < scare->p[k].end)
				p->scare = 1;
	}
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

static const char *const positions[] = { "after", "before", "prev_sentence", "none" };

static void report(const struct qlist *gold, const struct qlist *pred, size_t nscare, int json)
{
	size_t found = 0, ok = 0, pm = 0, pover = 0, gover = 0, scared = 0;
	for (size_t i = 0; i < gold->n; i++) {
		found += gold->g[i].found;
		ok += gold->g[i].speaker_ok;
		gover += gold->g[i].overlapped;
	}
	for (size_t i = 0; i < pred->n; i++) {
		pm += pred->p[i].matched;
		pover += pred->p[i].overlaps;
		scared += pred->p[i].scare;
	}
	double P = ratio(pm, pred->n), R = ratio(found, gold->n);
	double oP = ratio(pover, pred->n), oR = ratio(gover, gold->n);
	if (json)
		printf("{\"gold\":%zu,\"predicted\":%zu,\"matched\":%zu,"
		       "\"exact\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
		       "\"overlap\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
		       "\"speaker\":{\"correct\":%zu,\"accuracy\":%.4f},\"by_cue_pos\":{",
		       gold->n, pred->n, found, P, R, f1(P, R), oP, oR, f1(oP, oR), ok, ratio(ok, found));
	else
		printf("quotations: gold %zu, predicted %zu, exactly matched %zu\n"
		       "span exact     P %.3f  R %.3f  F1 %.3f\n"
		       "span overlap   P %.3f  R %.3f  F1 %.3f\n"
		       "speaker        %zu/%zu = %.3f (over exactly matched quotations)\n"
		       "by cue_pos      gold  found  recall  speaker\n",
		       gold->n, pred->n, found, P, R, f1(P, R), oP, oR, f1(oP, oR), ok, found,
		       ratio(ok, found));
	for (size_t k = 0; k < sizeof positions / sizeof positions[0]; k++) {
		size_t n = 0, f = 0, s = 0;
		for (size_t i = 0; i < gold->n; i++)
			if (gold->g[i].cue_pos && !strcmp(gold->g[i].cue_pos, positions[k])) {
				n++;
				f += gold->g[i].found;
				s += gold->g[i].speaker_ok;
			}
		if (json)
			printf("%s\"%s\":{\"gold\":%zu,\"found\":%zu,\"recall\":%.4f,"
			       "\"speaker_correct\":%zu,\"speaker_accuracy\":%.4f}",
			       k ? "," : "", positions[k], n, f, ratio(f, n), s, ratio(s, f));
		else
			printf("  %-13s %5zu  %5zu   %.3f  %zu/%zu %.3f\n", positions[k], n, f,
			       ratio(f, n), s, f, ratio(s, f));
	}
	if (json)
		printf("},\"scare\":{\"listed\":%zu,\"reported\":%zu}}\n", nscare, scared);
	else
		printf("scare quotes reported: %zu (of %zu listed)\n", scared, nscare);
}

static void free_list(struct qlist *l)
{
	for (size_t i = 0; l->g && i < l->n; i++) {
		free(l->g[i].doc);
		free(l->g[i].speaker);
		free(l->g[i].cue_pos);
	}
	for (size_t i = 0; l->p && i < l->n; i++) {
		free(l->p[i].doc);
		free(l->p[i].name);
		free(l->p[i].mention);
	}
	free(l->g);
	free(l->p);
}

static void usage_error(const char *msg)
{
	fprintf(stderr, "%s: %s\nUsage: %s [--scare FILE]... [--json] GOLD PRED\n", prog, msg, prog);
}

int score_quotes(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"scare", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct qlist gold = {0}, pred = {0}, scare = {0};
	int json = 0, c, rc = S_OK;
	optind = 1;
	opterr = 0;
	while (rc == S_OK && (c = getopt_long(argc, argv, "+js:h", opts, NULL)) != -1) {
		if (c == 'j') {
			json = 1;
		} else if (c == 's') {
			rc = read_jsonl(optarg, &scare, add_scare);
		} else if (c == 'h') {
			printf("Usage: %s [--scare FILE]... [--json] GOLD PRED\n"
			       "Score predicted quotations (PRED: records with \"id\" and \"quotes\", as\n"
			       "extract-quotes writes them) against gold ones (GOLD: one quotation a\n"
			       "line with \"doc\" = the record's id, \"start\", \"end\" in code points,\n"
			       "\"speaker\" and \"cue_pos\").\n"
			       "Prints span precision, recall and F1, exact (both ends equal) and\n"
			       "by overlap; speaker accuracy over the exactly matched quotations (right\n"
			       "when the predicted name or mention equals the gold speaker or its\n"
			       "surname part, ignoring case); both per cue_pos (after, before,\n"
			       "prev_sentence, none). Predictions of kind \"indirect\" (reported\n"
			       "speech without marks) are left out: the gold marks quotations.\n"
			       "  --scare FILE  spans that are not speech ({\"doc\",\"start\",\"end\"} a\n"
			       "                line); counts the predicted quotations overlapping\n"
			       "                them. May be given more than once.\n"
			       "  --json        one JSON object instead of a table\n"
			       "Exit status: 0, 64 usage, 65 bad data, 66 cannot open a file.\n", prog);
			free_list(&scare);
			return zeef_flush_stdout(prog, S_OK);
		} else {
			usage_error("unknown option or missing argument");
			rc = S_USAGE;
		}
	}
	if (rc == S_OK && argc - optind != 2) {
		usage_error("needs two files, GOLD and PRED");
		rc = S_USAGE;
	}
	if (rc == S_OK)
		rc = read_jsonl(argv[optind], &gold, add_gold);
	if (rc == S_OK)
		rc = read_jsonl(argv[optind + 1], &pred, add_pred);
	if (rc == S_OK) {
		if (gold.n)
			qsort(gold.g, gold.n, sizeof *gold.g, by_doc_start_g);
		if (pred.n)
			qsort(pred.p, pred.n, sizeof *pred.p, by_doc_start_p);
		match(&gold, &pred, &scare);
		report(&gold, &pred, scare.n, json);
		rc = zeef_flush_stdout(prog, rc);
	}
	free_list(&gold);
	free_list(&pred);
	free_list(&scare);
	return rc;
}
