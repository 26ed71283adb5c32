/* extract-quotes — quotations in Dutch news, with their speakers and cues. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "extract.h"
#include "filter.h"
#include "train.h"

static struct extractor *extractor;
static int indirect;
static const char *model_path;

enum { OPT_INDIRECT = 1000, OPT_MODEL };

static const struct option options[] = {
	{"indirect", no_argument, NULL, OPT_INDIRECT},
	{"model", required_argument, NULL, OPT_MODEL},
	{NULL, 0, NULL, 0}
};

static int option(int opt, const char *arg)
{
	if (opt == OPT_INDIRECT)
		indirect = 1;
	else if (opt == OPT_MODEL)
		model_path = arg;
	return 0;
}

static const char help[] =
	"Adds \"quotes\" to each record: the quotations in its \"text\", each with its\n"
	"kind, its speaker and the cue that attributes it. Every quotation-mark\n"
	"style of Dutch news is paired (\xE2\x80\x9E\xE2\x80\xA6\xE2\x80\x9D \xE2\x80\x9E\xE2\x80\xA6\" \xE2\x80\x9C\xE2\x80\xA6\xE2\x80\x9D \"\xE2\x80\xA6\" ,,\xE2\x80\xA6'' \xE2\x80\x98\xE2\x80\xA6\xE2\x80\x99 '\xE2\x80\xA6' \xC2\xAB\xE2\x80\xA6\xC2\xBB), nested quotations and\n"
	"apostrophes (China\xE2\x80\x99s, 's avonds) included; quotations may span sentences,\n"
	"and paragraphs when each paragraph opens with the mark again.\n"
	"\n"
	"A quotation is reported when it is speech: a full utterance (it opens its\n"
	"sentence or follows a colon), or a fragment inside a sentence that a\n"
	"reporting verb or phrase attributes to someone. Scare quotes, terms and\n"
	"titles in quotation marks are left out. The speaker is found after the\n"
	"quotation (\"\xE2\x80\xA6\", zegt Van Dam), before it (Van Dam zei: \"\xE2\x80\xA6\"; volgens Van Dam\n"
	"\xE2\x80\xA6), in the sentence before it, or, without any cue, as the person the text\n"
	"is about there (a quotation that follows another continues its speaker).\n"
	"Pronouns are resolved to the person they refer to; titles and roles are\n"
	"not part of a name; a surname is linked to the fullest name in the text.\n"
	"\n"
	"Options:\n"
	"      --indirect        also report indirect speech without quotation\n"
	"                        marks, kind \"indirect\": in a sentence without a\n"
	"                        quotation, the clause after the first reporting\n"
	"                        verb and \"dat\" (Rutte zei dat het kabinet\n"
	"                        doorgaat), when the verb has a speaker; off by\n"
	"                        default, and it never changes the quotations\n"
	"\n"
	"      --model FILE      use the speaker model in FILE instead of the\n"
	"                        built-in one (made by --train)\n"
	"\n"
	"Training (extract-quotes --train --gold GOLD... --model-out FILE RECORDS...):\n"
	"learns the speaker ranker and the speech classifier from RECORDS (JSON\n"
	"Lines with \"id\" and \"text\") and GOLD quotations (one a line: \"doc\" = a\n"
	"record's id, \"start\", \"end\" in code points, \"speaker\", and optionally\n"
	"\"aliases\" and \"names\"), and writes a model file. Training options:\n"
	"      --train           train instead of reading records to annotate\n"
	"      --gold FILE       gold quotations (repeatable)\n"
	"      --scare FILE      marks in RECORDS that quote no one, as GOLD lines\n"
	"                        (repeatable): the speech classifier's negatives\n"
	"      --model-out FILE  where to write the model\n"
	"      --epochs N        passes over the records (default 10)\n"
	"      --seed N          the first shuffling seed (default 1)\n"
	"      --ensemble N      average N models, seeds SEED to SEED+N-1\n"
	"                        (default 5)\n"
	"      --exclude PREFIX  leave out records whose id starts with PREFIX\n"
	"                        (repeatable; e.g. one novel, for a held-out fold)\n"
	"      --evaluate MODEL  learn nothing: print how often MODEL's speaker\n"
	"                        choices match GOLD\n"
	"The same files and options give the same model, byte for byte.\n"
	"\n"
	"\"sentences\" (split-sentences) are used as extra sentence starts when\n"
	"present; without them the program finds its own boundaries, each\n"
	"quotation one unit of its sentence. \"entities\" (tag-entities) are used\n"
	"when present: a PER entity decides whether a capitalised word opening a\n"
	"sentence is a name; entities add no other names. Word lists (reporting,\n"
	"separable and opinion verbs, roles, bodies, pronouns, name particles,\n"
	"term markers, quotation marks) are in common/lang/nl/quotes-*.txt and\n"
	"compiled in; --data DIR overrides them.\n"
	"\n"
	"Output field (replaced when present):\n"
	"  quotes   [{\"start\",\"end\",\"text\",\"kind\",\"speaker\",\"cue\"}], in text order\n"
	"    start, end   code points into \"text\", half-open: the quoted words\n"
	"                 without the marks and the white space inside them\n"
	"    text         that slice of \"text\"\n"
	"    kind         \"direct\" (a full quoted utterance), \"partial\" (a\n"
	"                 fragment quoted inside a reporting sentence) or, with\n"
	"                 --indirect, \"indirect\" (reported speech without marks)\n"
	"    speaker      {\"start\",\"end\",\"text\",\"name\"} or null: the mention that\n"
	"                 names the speaker (a name, a pronoun or a description)\n"
	"                 and \"name\", the fullest name the text gives for that\n"
	"                 person, the same for each of their quotations; for\n"
	"                 a person it only describes, that description (\"de\n"
	"                 woordvoerster\"); null for the narrator (\"ik\")\n"
	"    cue          {\"start\",\"end\",\"text\"} or null: the reporting verb, the\n"
	"                 prepositional phrase or the colon that attributes it\n"
	"\n"
	"Examples:\n"
	"  normalize article.txt | extract-quotes | jq -c '.quotes[]'\n"
	"  extract-quotes news.jsonl | jq -r '.quotes[] | [.speaker.name, .text] | @tsv'\n"
	"  normalize *.txt | split-sentences | tag-entities | extract-quotes\n"
	"\n"
	"Exit status: 0 on success, 64 on a usage error, 65 on bad input (also a\n"
	"malformed \"sentences\" or \"entities\" field), 66 when an input cannot be\n"
	"opened, 70 on an internal error, 74 on a read or write error.\n";

/* The model file at PATH: a regular file (a FIFO or a folder would
 * block or fail), read whole. NULL after a message. */
static char *read_model(const char *path, size_t *len)
{
	struct stat st;
	FILE *f = NULL;
	char *buf = NULL;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb"))) {
		fprintf(stderr, "extract-quotes: --model %s: %s\n", path,
		        errno && !(f == NULL && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		        ? strerror(errno) : "not a regular file");
		return NULL;
	}
	if (st.st_size > (1 << 26) || !(buf = malloc((size_t)st.st_size + 1))) {
		fprintf(stderr, "extract-quotes: --model %s: too large\n", path);
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)st.st_size, f);
	buf[*len] = 0;
	fclose(f);
	return buf;
}

static int start(void)
{
	extractor = extractor_new();
	if (!extractor)
		return EXIT_SOFTWARE;
	extractor_set_indirect(extractor, indirect);
	if (model_path) {
		size_t len;
		char *text = read_model(model_path, &len);
		const char *why;
		long line;
		if (!text)
			return EXIT_NOINPUT;
		int bad = extractor_set_model(extractor, text, len, &why, &line) < 0;
		free(text);
		if (bad) {
			fprintf(stderr, "extract-quotes: %s:%ld: %s\n", model_path, line, why);
			return EXIT_DATAERR;
		}
	}
	return 0;
}

static int record(struct record *r)
{
	return extract_quotes(extractor, r);
}

static void finish(void)
{
	extractor_free(extractor);
}

static const struct filter_spec spec = {
	.name = "extract-quotes",
	.purpose = "Find quotations in Dutch news text, with their speakers and cues.",
	.help = help,
	.requires = "text",
	.uses = "sentences entities",
	.provides = "quotes",
	.options = options,
	.option = option,
	.start = start,
	.record = record,
	.finish = finish,
};

int main(int argc, char **argv)
{
	if (filter_mode_asked(argc, argv, "--train"))
		return train_main(argc, argv);
	return filter_main(&spec, argc, argv);
}
