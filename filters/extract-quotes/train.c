/* train.c — `extract-quotes --train`: learn the speaker ranker's weights
 * from records and gold quotations, and write a model file: the options,
 * the perceptron steps and the training loop. Reading the gold and the
 * records, and matching predictions to the gold, is gold.c's.
 *
 * Each epoch runs the filter's own attribution over every record, in an
 * order shuffled by the seed, and makes one perceptron step for each
 * quotation whose chosen speaker is wrong while a right one was among the
 * candidates (the ranker's later choices see its earlier ones, as when
 * tagging). The result is the average over all steps. Same files, same
 * options: the same model, byte for byte.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attrib.h"
#include "extract.h"
#include "filter.h"
#include "gold.h"
#include "lang.h"
#include "perceptron.h"
#include "train.h"

struct train_stats {
	long examples, right, unreachable, steps;
	long speech, speech_right;   /* the speech classifier's examples */
	int evaluate;            /* count only, learn nothing */
};

static const struct gold_quote *match_gold(struct gold_doc *g, long s, long e)
{
	return gold_match_span(g->q, g->n, &g->at, s, e);
}

int train_speech(struct attributor *a, size_t qi, const uint32_t *f, size_t n, float score)
{
	const struct wquote *w = doc_quote(&a->d, qi);
	struct gold_doc *g = a->gold;
	size_t at = g->at;   /* the speaker step moves g->at; this one looks only */
	int yes = gold_match_span(g->q, g->n, &at, w->start_cp, w->end_cp) != NULL;
	int no = !yes && gold_match_span(g->scare, g->nscare, &g->scare_at, w->start_cp, w->end_cp) != NULL;
	if (!yes && !no)
		return 0;   /* neither listed: nothing to learn */
	a->stats->speech++;
	if ((yes && score >= 0) || (no && score < 0))
		a->stats->speech_right++;
	else if (!a->stats->evaluate && yes)
		perceptron_update(&a->model, f, n, NULL, 0);
	else if (!a->stats->evaluate)
		perceptron_update(&a->model, NULL, 0, f, n);
	if (!a->stats->evaluate)
		perceptron_tick(&a->model);
	return 0;
}

int train_step(struct attributor *a, size_t qi, size_t *bestp)
{
	size_t best = *bestp;
	const struct wquote *w = doc_quote(&a->d, qi);
	const struct gold_quote *g = match_gold(a->gold, w->start_cp, w->end_cp);
	if (!g || !g->nspeakers)
		return 0;
	unsigned char right[CANDIDATES_MAX];
	size_t nright = 0;
	for (size_t i = 0; i < a->ncand; i++)
		nright += right[i] = (unsigned char)gold_person_matches(&a->d, &a->d.per[a->cand[i]], g);
	a->stats->examples++;
	if (!nright) {
		a->stats->unreachable++;
		if (getenv("ZEEF_TRAIN_DEBUG")) {
			fprintf(stderr, "UNREACHABLE gold '%s' quote '%.40s' cands:", g->speakers[0],
			        a->d.text + w->span.start);
			for (size_t i = 0; i < a->ncand; i++) {
				const struct person *x = &a->d.per[a->cand[i]];
				fprintf(stderr, " [%d:%.*s]", x->kind, (int)(x->name_end - x->name_start),
				        a->d.text + x->name_start);
			}
			fprintf(stderr, "\n");
		}
		return 0;
	}
	if (right[best]) {
		a->stats->right++;
	} else if (a->stats->evaluate) {
		if (getenv("ZEEF_TRAIN_DEBUG")) {
			fprintf(stderr, "WRONG gold '%s' quote '%.50s' chose %d of", g->speakers[0],
			        a->d.text + w->span.start, (int)best);
			for (size_t i = 0; i < a->ncand; i++) {
				const struct person *x = &a->d.per[a->cand[i]];
				fprintf(stderr, " [%s%d:%.*s %.1f]", right[i] ? "+" : "", x->kind,
				        (int)(x->name_end - x->name_start), a->d.text + x->name_start,
				        (double)perceptron_score(&a->model, a->feat + i * FEATURES_MAX, a->nfeat[i]));
			}
			fprintf(stderr, "\n");
		}
	} else {
		size_t r = 0;
		float rs = 0;
		int any = 0;
		for (size_t i = 0; i < a->ncand; i++) {
			if (!right[i])
				continue;
			float s = perceptron_score(&a->model, a->feat + i * FEATURES_MAX, a->nfeat[i]);
			if (!any || s > rs) {
				r = i;
				rs = s;
				any = 1;
			}
		}
		perceptron_update(&a->model, a->feat + r * FEATURES_MAX, a->nfeat[r],
		                  a->feat + best * FEATURES_MAX, a->nfeat[best]);
		a->stats->steps++;
	}
	if (!a->stats->evaluate)
		perceptron_tick(&a->model);
	return 0;
}

/* EPOCHS passes over the NS samples SV in an order shuffled by SEED,
 * learning into a->model. Returns 0 or an exit code. */
static int train_one(struct attributor *a, struct sample *sv, size_t ns, long epochs, long seed,
                     int evaluate)
{
	int rc = 0;
	size_t *order = malloc((ns ? ns : 1) * sizeof *order);
	if (!order)
		return EXIT_SOFTWARE;
	for (size_t i = 0; i < ns; i++)
		order[i] = i;
	uint64_t rng = 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed * 0xBF58476D1CE4E5B9ull);
	if (!rng)
		rng = 1;
	struct extractor_buffers {
		struct sentence_span *spans;
		size_t spancap, *starts, nstarts, startcap;
		struct field_span *espans;
		size_t espancap;
		struct entity_hint *ent;
		size_t nent, entcap;
	} b = {0};
	for (long ep = 1; rc == 0 && ep <= epochs; ep++) {
		for (size_t i = ns; i > 1; i--) {
			size_t j = (size_t)(perceptron_random(&rng) % i), t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		struct train_stats st = { .evaluate = evaluate };
		a->stats = &st;
		for (size_t k = 0; rc == 0 && k < ns; k++) {
			struct sample *s = &sv[order[k]];
			size_t len, n;
			const char *text = record_text(&s->rec, &len);
			if ((rc = extract_read_sentences(&s->rec, &b.spans, &b.spancap, &b.starts, &b.nstarts,
			                                 &b.startcap)) != 0 ||
			    (rc = extract_read_entities(&s->rec, &b.espans, &b.espancap, &b.ent, &b.nent,
			                                &b.entcap)) != 0) {
				fprintf(stderr, "extract-quotes: %s:%ld: %s\n", s->rec.file, s->rec.line,
				        s->rec.error ? s->rec.error : "bad record");
				break;
			}
			s->gold.at = s->gold.scare_at = 0;
			a->gold = &s->gold;
			if (!attribute_text(a, text, len, b.starts, b.nstarts, b.ent, b.nent, &n))
				rc = EXIT_SOFTWARE;
		}
		printf("seed %ld epoch %ld: %ld quotations with a gold speaker, %ld right (%.4f), %ld "
		       "without the speaker among the candidates, %ld steps; speech %ld/%ld right\n",
		       seed, ep, st.examples, st.right, st.examples ? (double)st.right / st.examples : 0.0,
		       st.unreachable, st.steps, st.speech_right, st.speech);
	}
	a->gold = NULL;
	free(order);
	free(b.spans);
	free(b.starts);
	free(b.ent);
	free(b.espans);
	return rc;
}

static int usage(const char *msg, const char *arg)
{
	fprintf(stderr, "extract-quotes: %s%s%s\nTry 'extract-quotes --help' for more information.\n",
	        msg, arg ? " " : "", arg ? arg : "");
	return EXIT_USAGE;
}

static int write_model(struct attributor *a, const char *out, const char *header)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", out);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "extract-quotes: %s: cannot write\n", tmp);
		return EXIT_IOERR;
	}
	int bad = perceptron_write(&a->model, f, "zeef-speakers-model", 1, header, features_name,
	                           NULL) < 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, out) != 0) {
		fprintf(stderr, "extract-quotes: cannot write %s\n", out);
		remove(tmp);
		return EXIT_IOERR;
	}
	return 0;
}

int train_main(int argc, char **argv)
{
	enum { O_TRAIN = 1000, O_GOLD, O_OUT, O_EPOCHS, O_SEED, O_EXCLUDE, O_DATA, O_ENSEMBLE,
	       O_EVALUATE, O_SCARE };
	static const struct option opts[] = {
		{ "train", no_argument, NULL, O_TRAIN },
		{ "gold", required_argument, NULL, O_GOLD },
		{ "model-out", required_argument, NULL, O_OUT },
		{ "epochs", required_argument, NULL, O_EPOCHS },
		{ "seed", required_argument, NULL, O_SEED },
		{ "exclude", required_argument, NULL, O_EXCLUDE },
		{ "data", required_argument, NULL, O_DATA },
		{ "ensemble", required_argument, NULL, O_ENSEMBLE },
		{ "evaluate", required_argument, NULL, O_EVALUATE },
		{ "scare", required_argument, NULL, O_SCARE },
		{ NULL, 0, NULL, 0 }
	};
	char *gold_files[64], *exclude[64], *scare_files[64];
	size_t ngold = 0, nexclude = 0, nscare = 0;
	const char *out = NULL, *evaluate = NULL;
	long epochs = 10, seed = 1, ensemble = 5;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case O_TRAIN:
			break;
		case O_GOLD:
			if (ngold == 64)
				return usage("--gold: at most 64 files", NULL);
			gold_files[ngold++] = optarg;
			break;
		case O_SCARE:
			if (nscare == 64)
				return usage("--scare: at most 64 files", NULL);
			scare_files[nscare++] = optarg;
			break;
		case O_EXCLUDE:
			if (nexclude == 64)
				return usage("--exclude: at most 64 prefixes", NULL);
			exclude[nexclude++] = optarg;
			break;
		case O_OUT:
			out = optarg;
			break;
		case O_EPOCHS:
			epochs = filter_parse_count(optarg);
			if (epochs < 1 || epochs > 1000)
				return usage("--epochs: expected a number from 1 to 1000, not", optarg);
			break;
		case O_SEED:
			seed = filter_parse_count(optarg);
			if (seed < 0)
				return usage("--seed: expected a non-negative number, not", optarg);
			break;
		case O_EVALUATE:
			evaluate = optarg;
			break;
		case O_ENSEMBLE:
			ensemble = filter_parse_count(optarg);
			if (ensemble < 1 || ensemble > 100)
				return usage("--ensemble: expected a number from 1 to 100, not", optarg);
			break;
		case O_DATA:
			if (lang_set_dir(optarg) != 0)
				return usage("--data: not a directory:", optarg);
			break;
		case ':':
			return usage("option requires an argument:", argv[optind - 1]);
		default:
			return usage("unrecognized option in training mode:", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage("--train: no records file given", NULL);
	if ((!out && !evaluate) || !ngold)
		return usage("--train needs --gold FILE and --model-out FILE (or --evaluate MODEL)", NULL);

	int rc = 0;
	struct gold_set gs = {0}, ss = {0};
	struct sample *sv = NULL;
	size_t ns = 0, scap = 0;
	struct attributor *a = NULL;
	for (size_t i = 0; rc == 0 && i < ngold; i++)
		rc = gold_load(&gs, gold_files[i]);
	for (size_t i = 0; rc == 0 && i < nscare; i++)
		rc = gold_load(&ss, scare_files[i]);
	for (int i = optind; rc == 0 && i < argc; i++)
		rc = gold_load_records(&sv, &ns, &scap, argv[i], exclude, nexclude);
	if (rc)
		goto done;
	gold_sort(&gs);
	gold_sort(&ss);
	/* each record's gold, marks left out of the spans */
	size_t nquotes = 0;
	for (size_t i = 0; i < ns; i++) {
		const char *id = record_id(&sv[i].rec);
		size_t len;
		const char *text = record_text(&sv[i].rec, &len);
		size_t lo, e = gold_of_doc(&gs, id, &lo);
		sv[i].gold = (struct gold_doc){ gs.q + lo, e - lo, 0, NULL, 0, 0 };
		for (size_t k = lo; k < e; k++)
			gold_trim_marks(text, len, &gs.q[k].start, &gs.q[k].end);
		nquotes += e - lo;
		e = gold_of_doc(&ss, id, &lo);
		sv[i].gold.scare = ss.q + lo;
		sv[i].gold.nscare = e - lo;
	}
	a = attributor_new();
	if (!a) {
		rc = EXIT_SOFTWARE;
		goto done;
	}
	if (evaluate) {
		/* score a model on the records: speaker choices only */
		FILE *f = fopen(evaluate, "rb");
		char *buf = NULL;
		long flen = -1;
		if (f && fseek(f, 0, SEEK_END) == 0 && (flen = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
			buf = malloc((size_t)flen + 1);
		if (!buf || fread(buf, 1, (size_t)flen, f) != (size_t)flen) {
			fprintf(stderr, "extract-quotes: %s: cannot read\n", evaluate);
			free(buf);
			if (f)
				fclose(f);
			rc = EXIT_NOINPUT;
			goto done;
		}
		fclose(f);
		buf[flen] = 0;
		const char *why;
		long line;
		if (attributor_set_model(a, buf, (size_t)flen, &why, &line) < 0) {
			fprintf(stderr, "extract-quotes: %s:%ld: %s\n", evaluate, line, why);
			free(buf);
			rc = EXIT_DATAERR;
			goto done;
		}
		free(buf);
		rc = train_one(a, sv, ns, 1, seed, 1);
		goto done;
	}
	printf("training on %zu records with %zu gold quotations; %ld epochs, seeds %ld to %ld\n",
	       ns, nquotes, epochs, seed, seed + ensemble - 1);
	struct perceptron sum;
	if (perceptron_init(&sum, features_count(), 0) < 0) {
		rc = EXIT_SOFTWARE;
		goto done;
	}
	for (long e = 0; rc == 0 && e < ensemble; e++) {
		perceptron_free(&a->model);
		if (perceptron_init(&a->model, features_count(), 1) < 0) {
			rc = EXIT_SOFTWARE;
			break;
		}
		rc = train_one(a, sv, ns, epochs, seed + e, 0);
		perceptron_average(&a->model);
		for (size_t i = 0; i < sum.n; i++)
			sum.w[i] += a->model.w[i] / (float)ensemble;
	}
	perceptron_free(&a->model);
	a->model = sum;
	if (rc)
		goto done;
	char header[4096];
	int hl = snprintf(header, sizeof header,
	                  "extract-quotes speaker model (averaged perceptron ranker), made by "
	                  "extract-quotes --train\ntrained on:");
	for (int i = optind; i < argc && hl < (int)sizeof header - 400; i++)
		hl += snprintf(header + hl, sizeof header - (size_t)hl, " %s", argv[i]);
	hl += snprintf(header + hl, sizeof header - (size_t)hl, "\ngold:");
	for (size_t i = 0; i < ngold && hl < (int)sizeof header - 300; i++)
		hl += snprintf(header + hl, sizeof header - (size_t)hl, " %s", gold_files[i]);
	for (size_t i = 0; i < nexclude && hl < (int)sizeof header - 200; i++)
		hl += snprintf(header + hl, sizeof header - (size_t)hl, "%s%s", i ? " " : "\nexcluded: ",
		               exclude[i]);
	snprintf(header + hl, sizeof header - (size_t)hl, "\nepochs %ld, seeds %ld to %ld (the "
	         "average of %ld models), %zu records, %zu gold quotations", epochs, seed,
	         seed + ensemble - 1, ensemble, ns, nquotes);
	rc = write_model(a, out, header);
	if (rc == 0)
		printf("model written to %s\n", out);
	if (fflush(stdout) != 0)
		rc = EXIT_IOERR;
done:
	attributor_free(a);
	for (size_t i = 0; i < ns; i++) {
		record_clear(&sv[i].rec);
		free(sv[i].line);
	}
	free(sv);
	gold_free(&gs);
	gold_free(&ss);
	return rc;
}
