/* summarize — add an extractive summary to each record (summary.h), or
 * train its ranking model (train.h). */
#include <stdlib.h>
#include <string.h>
#include "fields.h"
#include "filter.h"
#include "record.h"
#include "sentence.h"
#include "summary.h"
#include "train.h"

enum { OPT_RATIO = 1000, OPT_WORDS, OPT_METHOD };

static const struct option options[] = {
	{"sentences", required_argument, NULL, 'n'},
	{"ratio", required_argument, NULL, OPT_RATIO},
	{"words", required_argument, NULL, OPT_WORDS},
	{"method", required_argument, NULL, OPT_METHOD},
	{NULL, 0, NULL, 0}
};

static struct summary_limits limits;
static enum summary_method method = SUMMARY_RANK;
static struct summarizer *summarizer;
static struct splitter *splitter;
static struct sentence_span *spans;
static size_t spans_cap;
static size_t *cp_start, *cp_end;   /* sentence spans in code points */
static unsigned *entities;
static float *quoted;
static size_t doc_cap;
static char *joined;
static size_t joined_cap;

static int option(int opt, const char *arg)
{
	long long v;
	char *end;
	switch (opt) {
	case 'n':
		v = filter_parse_count(arg);
		if (v < 1 || v > 1000000000)
			return filter_usage_error("--sentences: expected a whole number from 1, not '%s'", arg);
		limits.sentences = (long)v;
		return 0;
	case OPT_WORDS:
		v = filter_parse_count(arg);
		if (v < 1 || v > 1000000000)
			return filter_usage_error("--words: expected a whole number from 1, not '%s'", arg);
		limits.words = (long)v;
		return 0;
	case OPT_RATIO:
		limits.ratio = strtod(arg, &end);
		if (end == arg || *end || !(limits.ratio > 0 && limits.ratio <= 1))
			return filter_usage_error("--ratio: expected a number above 0 and at most 1, not '%s'", arg);
		return 0;
	case OPT_METHOD:
		if (strcmp(arg, "rank") == 0)
			method = SUMMARY_RANK;
		else if (strcmp(arg, "lead") == 0)
			method = SUMMARY_LEAD;
		else
			return filter_usage_error("--method: expected rank or lead, not '%s'", arg);
		return 0;
	}
	return EXIT_USAGE;
}

static int start(void)
{
	int status;
	summarizer = summarizer_new("nl", &status);
	if (!summarizer)
		return status;
	splitter = splitter_new();
	return splitter ? 0 : EXIT_SOFTWARE;
}

static void finish(void)
{
	summarizer_free(summarizer);
	splitter_free(splitter);
	free(spans);
	free(cp_start);
	free(cp_end);
	free(entities);
	free(quoted);
	free(joined);
}

static int grow(void **p, size_t n, size_t size)
{
	void *q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	return 0;
}

static int reserve_doc(size_t n)
{
	if (n <= doc_cap)
		return 0;
	size_t c = doc_cap ? doc_cap : 64;
	while (c < n)
		c *= 2;
	if (grow((void **)&cp_start, c, sizeof *cp_start) < 0 ||
	    grow((void **)&cp_end, c, sizeof *cp_end) < 0 ||
	    grow((void **)&entities, c, sizeof *entities) < 0 ||
	    grow((void **)&quoted, c, sizeof *quoted) < 0)
		return -1;
	doc_cap = c;
	return 0;
}

static int summarize_record(struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	long n = sentences_of(r, splitter, &spans, &spans_cap);
	if (n < 0)
		return EXIT_DATAERR;
	if (reserve_doc((size_t)n + 1) < 0)
		return EXIT_SOFTWARE;
	struct summary_doc doc = { text, len, spans, (size_t)n, NULL, NULL };
	struct zj_view v;
	if (record_view(r, "entities", &v) || record_view(r, "quotes", &v)) {
		struct field_sentences fs = { cp_start, cp_end, 0, 0 };
		fields_sentences(&fs, text, len, spans, (size_t)n);
		int rc = fields_entities(r, &fs, entities);
		if (rc > 1)
			return rc;
		if (rc == 1)
			doc.entities = entities;
		rc = fields_quotes(r, &fs, quoted);
		if (rc > 1)
			return rc;
		if (rc == 1)
			doc.quoted = quoted;
	}
	const size_t *picked;
	size_t m = summarizer_run(summarizer, &doc, method, &limits, &picked);
	if (m == (size_t)-1)
		return EXIT_SOFTWARE;

	zjson *idx = zj_array();
	size_t need = 1;
	for (size_t i = 0; i < m; i++)
		need += spans[picked[i]].end - spans[picked[i]].start + 1;
	if (need > joined_cap) {
		if (grow((void **)&joined, need, 1) < 0) {
			zj_free(idx);
			return EXIT_SOFTWARE;
		}
		joined_cap = need;
	}
	size_t at = 0;
	for (size_t i = 0; i < m; i++) {
		const struct sentence_span *s = &spans[picked[i]];
		zj_push(idx, zj_int((int64_t)picked[i]));
		if (i)
			joined[at++] = ' ';
		memcpy(joined + at, text + s->start, s->end - s->start);
		at += s->end - s->start;
	}
	zjson *summary = zj_object();
	zj_add(summary, "sentences", idx);
	zj_add(summary, "text", zj_string(joined ? joined : "", at));
	zj_add(summary, "type", zj_cstring(summary_type_name(summarizer_type(summarizer))));
	record_set(r, "summary", summary);
	return 0;
}

static const char help[] =
"Adds \"summary\" to each record: the sentences that say the most, read well\n"
"on their own and do not repeat each other, chosen from the record's own\n"
"sentences (an extractive summary). Deterministic; time and memory linear in\n"
"the length of the record.\n"
"\n"
"Output field:\n"
"  \"summary\": {\"sentences\":[I,...],\"text\":T,\"type\":TYPE}\n"
"      I: 0-based indices into the record's \"sentences\", in document order;\n"
"      T: the chosen sentences' texts, in that order, joined by one space;\n"
"      TYPE: \"news\" when the article opens as a news report (a real\n"
"      sentence with a name, a number or a time word), else \"feature\" (a\n"
"      feature, interview, column or document: it opens with a scene, a\n"
"      quotation, a question, a pronoun before any name, or addresses the\n"
"      reader).\n"
"  An existing \"summary\" is replaced; every other field is left as it is.\n"
"\n"
"Input fields:\n"
"  \"text\"       required.\n"
"  \"sentences\"  [{\"start\",\"end\",\"text\"}] from split-sentences. When the\n"
"               field is absent, summarize splits the text itself with the\n"
"               same splitter, so the indices are those split-sentences would\n"
"               write; the field is not added.\n"
"  \"entities\"   used when present (tag-entities): names in the opening.\n"
"  \"quotes\"     used when present (extract-quotes): quoted speech lowers a\n"
"               sentence's score. Without it, quote marks are used.\n"
"  A present field that is malformed (not an array of objects with integer\n"
"  \"start\" <= \"end\" within the text, in text order; an entity's\n"
"  \"sentence\" not one of the sentences) is bad input.\n"
"\n"
"Method (--method rank, the default): a sentence that opens with a word\n"
"pointing back (a pronoun, a demonstrative, a connective: \"Hij\", \"Dat\",\n"
"\"Maar\", \"Volgens hem\") is taken only with the sentence before it, or when\n"
"nothing else is left; so are repetitions. Headings and datelines, photo\n"
"captions and credits, bylines, attributions (\"Dat meldt ANP.\") and\n"
"fragments without a verb are taken only when too few real sentences exist.\n"
"A short news report (up to short_news sentences) is summarized by its lead.\n"
"Otherwise each sentence is scored by a trained linear model over its\n"
"position (per article type), whether it opens a paragraph, its centrality\n"
"(how much of its weighted vocabulary the other sentences share), numbers,\n"
"time words, length and quoted speech, and sentences are taken best first.\n"
"Language data and the model are in common/lang/nl/ (stopwords.txt,\n"
"quotes-speech-verbs.txt, summary-*.txt, summary-model.txt).\n"
"\n"
"Options:\n"
"  -n, --sentences=N     at most N sentences\n"
"      --ratio=R         at most R times the number of sentences, rounded,\n"
"                        at least 1 (0 < R <= 1)\n"
"      --words=W         at most W words in all: the best sentences that fit;\n"
"                        empty when no sentence is that short\n"
"      --method=METHOD   rank (default) or lead: the first sentences that\n"
"                        read on their own, for comparison (headings,\n"
"                        captions, bylines and attributions skipped)\n"
"  Limits given together all apply. With none, the summary has 3 sentences,\n"
"  or a third of the document's sentences when that is fewer, but at least 2.\n"
"\n"
"Training (a developer's tool; filters/summarize/README.md):\n"
"  summarize --train [--folds=K] [--nested] [--per-document]\n"
"            [--model-out=FILE] [--data=DIR] FILE...\n"
"      --train           fit the model on the training records in FILE...:\n"
"                        records with \"text\", optionally \"sentences\",\n"
"                        \"entities\", \"quotes\" and \"source\", and\n"
"                        \"references\": [{\"pick\":[I,...],\"text\":T},...],\n"
"                        one per annotator; the L2 strength, short_news and\n"
"                        redundancy are chosen by cross-validated ROUGE-1\n"
"      --folds=K         K folds (document i in fold i mod K; default: one\n"
"                        per document, leave-one-out)\n"
"      --nested          also cross-validate the choice of those parameters\n"
"      --per-document    a line per document: type, figures, picks\n"
"      --model-out=FILE  write the model (a summary-model.txt for --data)\n"
"\n"
"Examples:\n"
"  normalize article.txt | split-sentences | summarize | jq -r .summary.text\n"
"  summarize --words 60 --method lead < records.jsonl\n"
"\n"
"Exit status: 0 ok, 64 bad option, 65 bad input record (e.g. malformed\n"
"\"sentences\", \"entities\" or \"quotes\"), 66 cannot open a FILE, 70 internal\n"
"error, 74 write error.\n";

static const struct filter_spec spec = {
	.name = "summarize",
	.purpose = "Add an extractive summary to each record: its best sentences, in order.",
	.help = help,
	.requires = "text",
	.uses = "sentences entities quotes",
	.provides = "summary",
	.options = options,
	.shortopts = "n:",
	.option = option,
	.start = start,
	.record = summarize_record,
	.finish = finish,
};

int main(int argc, char **argv)
{
	if (filter_mode_asked(argc, argv, "--train"))
		return summary_train_main(argc, argv);
	return filter_main(&spec, argc, argv);
}
