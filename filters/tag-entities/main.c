/* tag-entities — add "entities" to each record (entities.h), or train a
 * model (train_cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entities.h"
#include "filter.h"
#include "sentence.h"
#include "train_cli.h"
#include "utf8.h"

enum { OPT_MODEL = 1000, OPT_STATS, OPT_SPLIT_COMPOUNDS };

static const char *model_path;
static int stats, split_compounds;
static double load_secs, tag_secs, run_start, run_start_cpu;
static unsigned long long n_records, n_sentences, n_tokens, n_entities;
static struct entities_tagger tagger;
static struct splitter *splitter;
static struct sentence_span *spans;
static size_t spans_cap;

static int option(int opt, const char *arg)
{
	if (opt == OPT_MODEL) {
		model_path = arg;
		return 0;
	}
	if (opt == OPT_STATS) {
		stats = 1;
		return 0;
	}
	if (opt == OPT_SPLIT_COMPOUNDS) {
		split_compounds = 1;
		return 0;
	}
	return EXIT_USAGE;
}

/* Seconds of wall-clock time, or of this process's CPU time: on a busy
 * machine the CPU time still says what the program costs. */
static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int start(void)
{
	run_start = now(CLOCK_MONOTONIC);
	run_start_cpu = now(CLOCK_PROCESS_CPUTIME_ID);
	int rc = entities_open(&tagger, model_path, "tag-entities");
	if (rc != EXIT_OK)
		return rc;
	load_secs = now(CLOCK_MONOTONIC) - run_start;
	tagger.split_compounds = split_compounds;
	splitter = splitter_new();
	return splitter ? 0 : EXIT_SOFTWARE;
}

static struct zj_text entities_json;
/* Tables larger than this are given back after each record (a huge record
 * must not keep them while the next ones are read and written). */
enum { KEEP_BYTES = 4 << 20 };

static int tag_record(struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	long n = sentences_of(r, splitter, &spans, &spans_cap);
	if (n < 0)
		return EXIT_DATAERR;
	double t0 = stats ? now(CLOCK_PROCESS_CPUTIME_ID) : 0;
	if (entities_tag(&tagger, text, len, spans, (size_t)n) < 0)
		return EXIT_SOFTWARE;
	/* a huge record: its token tables go before the entities' JSON comes */
	entities_trim(&tagger, KEEP_BYTES, 0);
	if (stats) {
		tag_secs += now(CLOCK_PROCESS_CPUTIME_ID) - t0;
		n_records++;
		n_sentences += (unsigned long long)n;
		n_tokens += tagger.n_tokens;
		n_entities += tagger.n_ent;
	}
	struct cp_cursor cur;
	cp_cursor_init(&cur, text);
	/* Written as JSON text: a json-c object per entity cost about 1.8 KB
	 * each, 50 times the record on text dense with names. */
	zj_text_reset(&entities_json);
	zj_text_raw(&entities_json, "[", 1);
	for (size_t i = 0; i < tagger.n_ent; i++) {
		const struct entity *e = &tagger.ent[i];
		size_t s = cp_cursor_at(&cur, e->start);
		size_t end = cp_cursor_at(&cur, e->end);
		const char *type = ner_type_names[e->type];
		zj_text_raw(&entities_json, i ? ",{\"start\":" : "{\"start\":", i ? 10 : 9);
		zj_text_int(&entities_json, (int64_t)s);
		zj_text_raw(&entities_json, ",\"end\":", 7);
		zj_text_int(&entities_json, (int64_t)end);
		zj_text_raw(&entities_json, ",\"text\":", 8);
		zj_text_string(&entities_json, text + e->start, e->end - e->start);
		zj_text_raw(&entities_json, ",\"type\":", 8);
		zj_text_string(&entities_json, type, strlen(type));
		zj_text_raw(&entities_json, ",\"sentence\":", 12);
		zj_text_int(&entities_json, (int64_t)e->sentence);
		zj_text_raw(&entities_json, "}", 1);
	}
	zj_text_raw(&entities_json, "]", 1);
	if (entities_json.cap > KEEP_BYTES) {
		/* the value is a copy: only that lives on while the record is written */
		char *s = realloc(entities_json.s, entities_json.len);
		if (s) {
			entities_json.s = s;
			entities_json.cap = entities_json.len;
		}
		record_set(r, "entities", zj_text_value(&entities_json));
		zj_text_free(&entities_json);
		entities_trim(&tagger, KEEP_BYTES, 1);
		return 0;
	}
	record_set(r, "entities", zj_text_value(&entities_json));
	return 0;
}

static void finish(void)
{
	if (stats) {
		double wall = now(CLOCK_MONOTONIC) - run_start;
		double cpu = now(CLOCK_PROCESS_CPUTIME_ID) - run_start_cpu;
		fprintf(stderr, "tag-entities: %llu records, %llu sentences, %llu tokens, %llu entities; "
		        "model loaded in %.1f ms; tokenizing and tagging %.2f s of CPU (%.0f tokens/s); "
		        "whole run %.2f s of CPU (%.0f tokens/s), %.2f s of wall clock (%.0f tokens/s)\n",
		        n_records, n_sentences, n_tokens, n_entities, load_secs * 1e3, tag_secs,
		        tag_secs > 0 ? n_tokens / tag_secs : 0, cpu, cpu > 0 ? n_tokens / cpu : 0,
		        wall, wall > 0 ? n_tokens / wall : 0);
	}
	entities_close(&tagger);
	splitter_free(splitter);
	free(spans);
}

static const struct option options[] = {
	{"model", required_argument, NULL, OPT_MODEL},
	{"stats", no_argument, NULL, OPT_STATS},
	{"split-compounds", no_argument, NULL, OPT_SPLIT_COMPOUNDS},
	{NULL, 0, NULL, 0}
};

static const struct filter_spec spec = {
	.name = "tag-entities",
	.purpose = "Find the names of people, places, organisations and other named things in Dutch text.",
	.help =
	"Reads JSON Lines records with a \"text\" field and writes each record back\n"
	"with an \"entities\" field: an array of\n"
	"  {\"start\":S,\"end\":E,\"text\":T,\"type\":TYPE,\"sentence\":I}\n"
	"in text order. START and END are offsets in Unicode code points into\n"
	"\"text\", half-open, so text[S:E] (Python, jq) is T. TYPE is PER (person),\n"
	"LOC (place), ORG (organisation) or MISC (other names: events, products,\n"
	"nationalities, titles), as in the CoNLL-2002 shared task. I is the index\n"
	"of the sentence holding the entity in the record's \"sentences\" when it\n"
	"has them (from split-sentences), else in the sentences split-sentences\n"
	"would give: the same splitter is built in. An existing \"entities\" field\n"
	"is replaced; every other field is written back unchanged.\n"
	"\n"
	"The tagger is an averaged structured perceptron over the tokens of each\n"
	"sentence, decoded with Viterbi under BIO constraints. Hyphenated compounds\n"
	"are one token, and one that holds a name is MISC as a whole (NAVO-top,\n"
	"EU-buitenlandchef), as in the CoNLL-2002 data; see --split-compounds.\n"
	"It looks at the word, its lower-case form, prefixes and suffixes, its\n"
	"shape (Xxxx, XX, d.d), capitalisation at the start of a sentence or\n"
	"inside it, two words and shapes either side, surname particles (van de),\n"
	"gazetteers (common/lang/nl/gazetteer-*.txt and the names of the training\n"
	"data), and the rest of the record: the words around other mentions of the\n"
	"same capitalised word, and the types given to it in earlier sentences, so\n"
	"a surname keeps the type of the full name it came with. Each record is\n"
	"one document. A name in the hand-made lists (gazetteer-*-common.txt)\n"
	"keeps the type the list gives it whenever the tagger finds it.\n"
	"\n"
	"Options:\n"
	"      --model=FILE      tag with the model in FILE (made by --train; a\n"
	"                        regular file) instead of the built-in one\n"
	"      --split-compounds find the name inside a compound of a name and a\n"
	"                        lower-case word instead: NAVO (ORG) in NAVO-chef, G7\n"
	"                        in G7-landen, Duitsland (LOC) in nazi-Duitsland\n"
	"      --stats           at the end, print on stderr the records, sentences,\n"
	"                        tokens and entities seen, the time to load the\n"
	"                        model, and tokens per second: tokenizing and\n"
	"                        tagging alone (CPU time), and the whole run with\n"
	"                        reading and writing JSON (CPU and wall clock)\n"
	"\n"
	"Training (no records are read; the gazetteers of --data or the built-in\n"
	"ones are used, so tagging must see the same ones):\n"
	"  tag-entities --train [--dev=FILE] [--epochs=N] [--seed=N] [--margin=X]\n"
	"               --model-out=FILE IOB...\n"
	"      --train           train a model on the CoNLL/IOB files IOB...: one\n"
	"                        token a line as `TOKEN [COLUMN...] TAG`, TAG O, B-T\n"
	"                        or I-T (IOB1 or IOB2) with T one of PER LOC ORG MISC,\n"
	"                        a blank line between sentences, -DOCSTART- lines\n"
	"                        between documents\n"
	"      --model-out=FILE  where to write the model (plain text)\n"
	"      --dev=FILE        after each epoch print entity F1 on this CoNLL/IOB\n"
	"                        file, and keep the weights of the best epoch\n"
	"      --epochs=N        passes over the training data (default 20)\n"
	"      --seed=N          seed of the document order (default 1); the same\n"
	"                        files and seed give the same model\n"
	"      --margin=X        while training, every wrong label scores X more, so\n"
	"                        the model learns to win by a margin (default 1; 0\n"
	"                        is the plain perceptron)\n"
	"      --min-count=N     leave out of the model the features met fewer than N\n"
	"                        times in tagging the training files (default 3)\n"
	"      --data=DIR        read the gazetteers from DIR first (as when tagging)\n"
	"  The names in the training files are stored in the model and join the\n"
	"  gazetteer when it tags. While training, each half of the documents sees\n"
	"  only the names of the other half, so the model learns how far to trust\n"
	"  a gazetteer hit.\n"
	"  Training prints one line per epoch and a per-type table on stdout.\n"
	"\n"
	"Examples:\n"
	"  echo '{\"id\":\"a\",\"text\":\"Premier Rutte sprak in Brussel met de NAVO.\"}' |\n"
	"      tag-entities | jq -c '.entities[] | [.text, .type]'\n"
	"  normalize *.txt | split-sentences | tag-entities | jq -r '.entities[].text'\n"
	"  tag-entities --train --dev=ned.testa --model-out=mijn.model ned.train\n"
	"  tag-entities --model=mijn.model < records.jsonl\n"
	"\n"
	"Model files (plain text, format 2; 1 is read too) and word lists are\n"
	"checked as they are read: counts against the lines that follow, numbers\n"
	"in range, UTF-8; a bad one is named with its line.\n"
	"\n"
	"Exit status: 0 ok, 64 bad usage, 65 bad input record (with\n"
	"--on-error=fail) or bad training data, 66 a model or word list cannot be\n"
	"opened or is not valid, whether it came with --model, from --data DIR or\n"
	"built in (so does an input file that cannot be opened), 70 internal\n"
	"error, out of memory or missing language data, 74 read or write error.\n",
	.version_note =
	"The built-in model (common/lang/nl/ner-model.txt) was trained on the Dutch\n"
	"part of the CoNLL-2002 shared task data (ned.train; De Morgen, 2000), which\n"
	"is licensed for research use only: so is this model, and so are the names\n"
	"of that data which it carries for its gazetteer. The other gazetteers come\n"
	"from Debian's iso-codes (country names in Dutch), the Europeana Newspapers\n"
	"Dutch NER corpus (CC0) and lists made for Zeef. Retrain with --train on\n"
	"data you may use.",
	.requires = "text",
	.uses = "sentences",
	.provides = "entities",
	.options = options,
	.option = option,
	.start = start,
	.record = tag_record,
	.finish = finish,
};

int main(int argc, char **argv)
{
	if (filter_mode_asked(argc, argv, "--train"))
		return train_cli_main(argc, argv);
	return filter_main(&spec, argc, argv);
}
