/* train_cli.c — `tag-entities --train IOB... --model-out FILE`: the
 * training mode of the filter, with its own options (see main.c's help).
 */
#include "train_cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "entities.h"
#include "filter.h"
#include "lang.h"

static int usage_error(const char *prog, const char *msg, const char *arg)
{
	fprintf(stderr, "%s: %s%s%s\nTry '%s --help' for more information.\n", prog, msg,
	        arg ? " " : "", arg ? arg : "", prog);
	return EXIT_USAGE;
}

static void print_counts(FILE *f, const struct ner_counts *k)
{
	fprintf(f, "%-5s %9s %9s %9s %6s %6s\n", "type", "precision", "recall", "F1", "gold", "pred");
	for (int t = 0; t <= NER_NTYPES; t++) {
		double p = k->pred[t] ? (double)k->correct[t] / k->pred[t] : 0;
		double r = k->gold[t] ? (double)k->correct[t] / k->gold[t] : 0;
		fprintf(f, "%-5s %9.4f %9.4f %9.4f %6ld %6ld\n",
		        t < NER_NTYPES ? ner_type_names[t] : "all", p, r, ner_f1(k, t), k->gold[t], k->pred[t]);
	}
}

int train_cli_main(int argc, char **argv)
{
	const char *prog = "tag-entities";
	enum { O_TRAIN = 1000, O_MODEL_OUT, O_DEV, O_EPOCHS, O_SEED, O_DATA, O_MARGIN, O_MIN_COUNT };
	static const struct option opts[] = {
		{"train", no_argument, NULL, O_TRAIN},
		{"model-out", required_argument, NULL, O_MODEL_OUT},
		{"dev", required_argument, NULL, O_DEV},
		{"epochs", required_argument, NULL, O_EPOCHS},
		{"seed", required_argument, NULL, O_SEED},
		{"data", required_argument, NULL, O_DATA},
		{"margin", required_argument, NULL, O_MARGIN},
		{"min-count", required_argument, NULL, O_MIN_COUNT},
		{NULL, 0, NULL, 0}
	};
	const char *out = NULL, *dev_path = NULL;
	struct ner_train_options o = { .epochs = 20, .seed = 1, .margin = 1, .log = stdout };
	unsigned min_count = ENTITIES_MIN_COUNT;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		long long v;
		switch (c) {
		case O_TRAIN:
			break;
		case O_MODEL_OUT:
			out = optarg;
			break;
		case O_DEV:
			dev_path = optarg;
			break;
		case O_EPOCHS:
			v = filter_parse_count(optarg);
			if (v < 1 || v > 1000)
				return usage_error(prog, "--epochs: expected a number from 1 to 1000, not", optarg);
			o.epochs = (int)v;
			break;
		case O_SEED:
			v = filter_parse_count(optarg);
			if (v < 0)
				return usage_error(prog, "--seed: expected a non-negative number, not", optarg);
			o.seed = (unsigned long)v;
			break;
		case O_MARGIN: {
			char *end;
			double x = strtod(optarg, &end);
			if (end == optarg || *end || !(x >= 0 && x <= 100))
				return usage_error(prog, "--margin: expected a number from 0 to 100, not", optarg);
			o.margin = (float)x;
			break;
		}
		case O_MIN_COUNT:
			v = filter_parse_count(optarg);
			if (v < 1 || v > 1000000)
				return usage_error(prog, "--min-count: expected a number from 1 to 1000000, not", optarg);
			min_count = (unsigned)v;
			break;
		case O_DATA:
			if (lang_set_dir(optarg) != 0)
				return usage_error(prog, "--data: not a directory:", optarg);
			break;
		case ':':
			return usage_error(prog, "option requires an argument:", argv[optind - 1]);
		default:
			return usage_error(prog, "unrecognized option in training mode:", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error(prog, "--train: no CoNLL/IOB training file given", NULL);
	if (!out)
		return usage_error(prog, "--train needs --model-out FILE", NULL);

	char err[512];
	struct ner_corpus train = {0}, dev = {0};
	int rc = EXIT_OK;
	struct ner_gazetteer *g = NULL;
	struct ner_weights *w = NULL;
	struct ner_model *m = NULL;
	for (int i = optind; i < argc; i++)
		if (ner_corpus_load(&train, argv[i], err, sizeof err) < 0) {
			fprintf(stderr, "%s: %s\n", prog, err);
			rc = strstr(err, "out of memory") ? EXIT_SOFTWARE : strstr(err, ":") && strchr(err, ':')[1] == ' ' ? EXIT_NOINPUT : EXIT_DATAERR;
			goto done;
		}
	if (dev_path && ner_corpus_load(&dev, dev_path, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		rc = EXIT_DATAERR;
		goto done;
	}
	if (train.n == 0) {
		fprintf(stderr, "%s: no tokens in the training files\n", prog);
		rc = EXIT_DATAERR;
		goto done;
	}
	rc = entities_load_gazetteers(&g, prog);
	if (rc != EXIT_OK)
		goto done;
	printf("training on %zu tokens, %zu sentences, %zu documents; %d epochs, seed %lu, margin %g\n",
	       train.n, train.nsent, train.ndoc, o.epochs, o.seed, (double)o.margin);
	clock_t t0 = clock();
	w = ner_train(&train, dev_path ? &dev : NULL, g, &o);
	struct ner_file_error merr;
	if (!w || !(m = ner_weights_model(w, min_count, &merr))) {
		if (w && merr.line)   /* a bug: the writer wrote what the reader refuses */
			fprintf(stderr, "%s: the model would not read back: line %ld: %s\n", prog,
			        merr.line, merr.message);
		else
			fprintf(stderr, "%s: out of memory\n", prog);
		rc = EXIT_SOFTWARE;
		goto done;
	}
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("trained in %.1f s of CPU time\n", secs);
	char header[2048];
	int hl = snprintf(header, sizeof header,
	                  "tag-entities model (averaged perceptron), made by tag-entities --train\n"
	                  "trained on:");
	for (int i = optind; i < argc && hl < (int)sizeof header - 200; i++)
		hl += snprintf(header + hl, sizeof header - hl, " %s", argv[i]);
	hl += snprintf(header + hl, sizeof header - hl, "\nepochs %d, seed %lu, margin %g, min-count %u",
	               o.epochs, o.seed, (double)o.margin, min_count);
	if (ner_model_names(m, g) < 0) {
		rc = EXIT_SOFTWARE;
		goto done;
	}
	if (dev_path) {
		/* the model as written, read back: the figures tagging will give */
		struct ner_tagger t = { .model = m, .gaz = g };
		struct ner_counts k = {0};
		int bad = ner_evaluate(&t, &dev, &k, NULL) < 0;
		ner_scratch_free(&t.scratch);
		if (bad) {
			rc = EXIT_SOFTWARE;
			goto done;
		}
		printf("best epoch on %s:\n", dev_path);
		print_counts(stdout, &k);
		snprintf(header + hl, sizeof header - hl,
		         ", best epoch on %s (entity F1 %.4f)", dev_path, ner_f1(&k, NER_NTYPES));
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", out);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		perror(tmp);
		rc = EXIT_IOERR;
		goto done;
	}
	int bad = ner_weights_write(w, f, header, min_count) < 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, out) != 0) {
		fprintf(stderr, "%s: cannot write %s\n", prog, out);
		remove(tmp);
		rc = EXIT_IOERR;
		goto done;
	}
	printf("model written to %s (%zu features)\n", out, ner_model_features(m));
	if (fflush(stdout) != 0)
		rc = EXIT_IOERR;
done:
	ner_model_free(m);
	ner_weights_free(w);
	ner_gazetteer_free(g);
	ner_corpus_free(&train);
	ner_corpus_free(&dev);
	return rc;
}
