/* score_entities.c — `zeef score entities [--json] GOLD PRED`: conlleval-
 * style entity precision, recall and F1, overall and per type.
 *
 * GOLD and PRED are both CoNLL/IOB files (`TOKEN [COLUMN...] TAG`, blank
 * line between sentences, -DOCSTART- lines; the tokens must line up) or both
 * JSON Lines files of records with "entities" (records pair up in order;
 * when both have an "id" the ids must agree). An entity counts as correct
 * when its type, start and end all match a gold entity.
 */
#include "score.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../filters/tag-entities/ner.h"
#include "esc.h"
#include "filter.h"
#include "output.h"
#include "record.h"

static int is_jsonl(const char *path, int *kind)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	int c;
	while ((c = getc(f)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		;
	fclose(f);
	*kind = c == '{';
	return 0;
}

struct span_set {
	long (*e)[3];   /* start, end, type */
	size_t n, cap;
};

/* Read the entities of line LINENO of PATH's record O into S. */
static int read_entities(zjson *o, struct span_set *s, const char *path, long lineno)
{
	s->n = 0;
	zjson *list = zj_get(o, "entities");
	if (!list)
		return 0;
	if (zj_type(list) != ZJ_ARRAY) {
		fprintf(stderr, "zeef score entities: %s:%ld: \"entities\" is not an array\n", zeef_esc(path), lineno);
		return -1;
	}
	for (size_t i = 0; i < zj_len(list); i++) {
		zjson *e = zj_at(list, i);
		int ok1 = 0, ok2 = 0;
		int64_t a = zj_intval(zj_get(e, "start"), &ok1), b = zj_intval(zj_get(e, "end"), &ok2);
		size_t tl;
		const char *t = zj_str(zj_get(e, "type"), &tl);
		int type = -1;
		for (int k = 0; t && k < NER_NTYPES; k++)
			if (strlen(ner_type_names[k]) == tl && !memcmp(ner_type_names[k], t, tl))
				type = k;
		if (!ok1 || !ok2 || type < 0) {
			fprintf(stderr, "zeef score entities: %s:%ld: entity %zu needs integer start and end "
			        "and a type PER, LOC, ORG or MISC\n", zeef_esc(path), lineno, i);
			return -1;
		}
		if (s->n == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 64;
			long (*ne)[3] = realloc(s->e, cap * sizeof *ne);
			if (!ne)
				return -1;
			s->e = ne;
			s->cap = cap;
		}
		s->e[s->n][0] = (long)a;
		s->e[s->n][1] = (long)b;
		s->e[s->n][2] = type;
		s->n++;
	}
	return 0;
}

static void count_type(struct ner_counts *k, int type, int which)
{
	long *a = which == 0 ? k->gold : which == 1 ? k->pred : k->correct;
	a[type]++;
	a[NER_NTYPES]++;
}

static int score_jsonl(const char *gold_path, const char *pred_path, struct ner_counts *k)
{
	struct score_input g, p;
	struct span_set gs = {0}, ps = {0};
	int rc = score_open(&g, "entities", gold_path);
	if (rc)
		return rc;
	if ((rc = score_open(&p, "entities", pred_path)) != 0) {
		score_close(&g);
		return rc;
	}
	long gl, pl;
	for (;;) {
		int grc = 0, prc = 0;
		zjson *go = score_next(&g, &grc);
		zjson *po = go || !grc ? score_next(&p, &prc) : NULL;
		gl = g.lr.line;
		pl = p.lr.line;
		if (grc || prc) {
			zj_free(go);
			zj_free(po);
			rc = grc ? grc : prc;
			goto out;
		}
		if (!go && !po)
			break;
		if (!go || !po) {
			fprintf(stderr, "zeef score entities: %s has more records than %s\n",
			        zeef_esc(go ? gold_path : pred_path), zeef_esc(go ? pred_path : gold_path));
			zj_free(go);
			zj_free(po);
			rc = EXIT_DATAERR;
			goto out;
		}
		const char *gid = zj_str(zj_get(go, "id"), NULL), *pid = zj_str(zj_get(po, "id"), NULL);
		if (gid && pid && strcmp(gid, pid)) {
			fprintf(stderr, "zeef score entities: %s:%ld: id %s, but %s:%ld has id %s\n",
			        zeef_esc(pred_path), pl, zeef_esc(pid), zeef_esc(gold_path), gl, zeef_esc(gid));
			rc = EXIT_DATAERR;
		} else if (read_entities(go, &gs, gold_path, gl) < 0 || read_entities(po, &ps, pred_path, pl) < 0) {
			rc = EXIT_DATAERR;
		} else {
			rc = 0;
			for (size_t i = 0; i < gs.n; i++)
				count_type(k, (int)gs.e[i][2], 0);
			for (size_t j = 0; j < ps.n; j++) {
				count_type(k, (int)ps.e[j][2], 1);
				for (size_t i = 0; i < gs.n; i++)
					if (!memcmp(gs.e[i], ps.e[j], sizeof gs.e[i])) {
						count_type(k, (int)ps.e[j][2], 2);
						gs.e[i][2] = -1;   /* each gold entity matches once */
						break;
					}
			}
		}
		zj_free(go);
		zj_free(po);
		if (rc)
			goto out;
	}
	rc = 0;
out:
	score_close(&g);
	score_close(&p);
	free(gs.e);
	free(ps.e);
	return rc;
}

static int score_conll(const char *gold_path, const char *pred_path, struct ner_counts *k)
{
	struct ner_corpus g = {0}, p = {0};
	char err[512];
	int rc = 0;
	if (ner_corpus_load(&g, gold_path, err, sizeof err) < 0 ||
	    ner_corpus_load(&p, pred_path, err, sizeof err) < 0) {
		fprintf(stderr, "zeef score entities: %s\n", zeef_esc(err));
		rc = strstr(err, ".") && errno == ENOENT ? EXIT_NOINPUT : EXIT_DATAERR;
		goto out;
	}
	if (g.n != p.n || g.nsent != p.nsent) {
		fprintf(stderr, "zeef score entities: %s has %zu tokens in %zu sentences, %s %zu in %zu: "
		        "they do not line up\n", zeef_esc(gold_path), g.n, g.nsent, zeef_esc(pred_path), p.n,
		        p.nsent);
		rc = EXIT_DATAERR;
		goto out;
	}
	for (size_t s = 0; s < g.nsent; s++) {
		size_t a = g.sent[s], n = g.sent[s + 1] - a;
		if (p.sent[s] != a) {
			fprintf(stderr, "zeef score entities: sentence %zu differs in length between %s and %s\n",
			        s + 1, zeef_esc(gold_path), zeef_esc(pred_path));
			rc = EXIT_DATAERR;
			goto out;
		}
		ner_count_sentence(k, g.label + a, p.label + a, n);
	}
out:
	ner_corpus_free(&g);
	ner_corpus_free(&p);
	return rc;
}

static double ratio(long a, long b)
{
	return b ? (double)a / b : 0;
}

static int report(const struct ner_counts *k, int json)
{
	if (json) {
		zjson *o = zj_object(), *types = zj_object();
		for (int t = 0; t <= NER_NTYPES; t++) {
			zjson *x = t < NER_NTYPES ? zj_object() : o;
			zj_add(x, "precision", zj_double(ratio(k->correct[t], k->pred[t])));
			zj_add(x, "recall", zj_double(ratio(k->correct[t], k->gold[t])));
			zj_add(x, "f1", zj_double(ner_f1(k, t)));
			zj_add(x, "gold", zj_int(k->gold[t]));
			zj_add(x, "pred", zj_int(k->pred[t]));
			zj_add(x, "correct", zj_int(k->correct[t]));
			if (t < NER_NTYPES)
				zj_add(types, ner_type_names[t], x);
		}
		zj_add(o, "types", types);
		size_t len;
		const char *s = zj_serialize(o, &len);
		fwrite(s, 1, len, stdout);
		putchar('\n');
		zj_free(o);
	} else {
		printf("%-5s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred", "correct");
		for (int t = 0; t <= NER_NTYPES; t++)
			printf("%-5s %9.4f %9.4f %9.4f %7ld %7ld %7ld\n", t < NER_NTYPES ? ner_type_names[t] : "all",
			       ratio(k->correct[t], k->pred[t]), ratio(k->correct[t], k->gold[t]), ner_f1(k, t),
			       k->gold[t], k->pred[t], k->correct[t]);
	}
	return zeef_flush_stdout("zeef score entities", 0);
}

int score_entities(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	int json = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'j') {
			json = 1;
		} else if (c == 'h') {
			printf("Usage: zeef score entities [--json] GOLD PRED\n"
			       "Entity precision, recall and F1 (conlleval rules: type, start and end must\n"
			       "all match), overall and per type PER LOC ORG MISC. GOLD and PRED are both\n"
			       "CoNLL/IOB files (TOKEN [COLUMN...] TAG, the tag in the last column, blank\n"
			       "lines between sentences, tokens lined up) or both JSON Lines records with\n"
			       "\"entities\" (paired in order; ids must agree when both have one).\n"
			       "  --json   one JSON object instead of the table\n");
			return zeef_flush_stdout("zeef score entities", 0);
		} else {
			fprintf(stderr, "zeef score entities: unrecognized option '%s'\n",
			        zeef_esc(argv[optind - 1]));
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, "zeef score entities: expected GOLD and PRED files\n"
		        "Usage: zeef score entities [--json] GOLD PRED\n");
		return EXIT_USAGE;
	}
	const char *gold = argv[optind], *pred = argv[optind + 1];
	int gk, pk;
	if (is_jsonl(gold, &gk) < 0 || is_jsonl(pred, &pk) < 0) {
		fprintf(stderr, "zeef score entities: %s: %s\n", zeef_esc(is_jsonl(gold, &gk) < 0 ? gold : pred),
		        strerror(errno));
		return EXIT_NOINPUT;
	}
	if (gk != pk) {
		fprintf(stderr, "zeef score entities: %s and %s must both be CoNLL/IOB or both JSON Lines\n",
		        zeef_esc(gold), zeef_esc(pred));
		return EXIT_DATAERR;
	}
	struct ner_counts k = {0};
	int rc = gk ? score_jsonl(gold, pred, &k) : score_conll(gold, pred, &k);
	return rc ? rc : report(&k, json);
}
