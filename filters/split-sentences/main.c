/* split-sentences — add "sentences" to each record (common/sentence.h). */
#include <stdlib.h>

#include "filter.h"
#include "sentence.h"

static struct splitter *splitter;

static int start(void)
{
	splitter = splitter_new();
	return splitter ? 0 : EXIT_SOFTWARE;
}

static int split_record(struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	const struct sentence_span *spans;
	size_t n = splitter_split(splitter, text, len, &spans);
	record_set(r, "sentences", sentences_json(text, len, spans, n));
	return 0;
}

static void finish(void)
{
	splitter_free(splitter);
}

static const struct filter_spec spec = {
	.name = "split-sentences",
	.purpose = "Split the text of each record into Dutch sentences.",
	.help =
	"Reads JSON Lines records with a \"text\" field and writes each record back\n"
	"with a \"sentences\" field: an array of {\"start\":S,\"end\":E,\"text\":T}, one\n"
	"per sentence in text order. START and END are offsets in Unicode code\n"
	"points into \"text\", half-open, so text[S:E] (Python, jq) is T; T is the\n"
	"sentence trimmed of surrounding white space. An existing \"sentences\" field\n"
	"is replaced; every other field is written back unchanged.\n"
	"\n"
	"Rules (word lists in common/lang/nl/, compiled in; see --data):\n"
	"  - a blank line (paragraph break) always ends a sentence, so headings,\n"
	"    captions and list items without final punctuation are sentences;\n"
	"  - . ? ! and ellipses end a sentence before a capitalised word (also\n"
	"    after an opening quote or bracket) or 's 't 'n; never before a\n"
	"    lowercase word, so '\"Komt hij?\", vroeg ze.' and '\"Nee!\" riep hij.'\n"
	"    stay whole; a sentence may start with a number (\"81 procent ...\"),\n"
	"    but not after a day abbreviation (\"op di. 14 mrt.\");\n"
	"  - closing quotes (\" '' ” ’ » and brackets) stay with the sentence they\n"
	"    close, also when separated by a space (,, ... . '');\n"
	"  - abbreviations (o.a. bijv. dhr. nr. jan. ...), initials (J.P.) and\n"
	"    numbers (21.30 uur, 1.000,50) do not end a sentence; enz. etc. and\n"
	"    the like do before a capitalised word;\n"
	"  - a full stop glued to the next sentence (gedaan.Daarna) still ends it,\n"
	"    but never inside URLs or e-mail addresses;\n"
	"  - best effort: a short heading glued between two sentences on one line\n"
	"    is a sentence of its own, and so is a caption or heading that lost\n"
	"    its line break before a capitalised function word and a lowercase\n"
	"    word (\"... verbouwd In een tropisch klimaat ...\"); an article there\n"
	"    may start a title (\"het boek De avonden\") and does not count.\n"
	"Concatenating the sentences and the white space between them gives the\n"
	"text back: no character is lost or duplicated.\n"
	"\n"
	"Examples:\n"
	"  echo '{\"id\":\"a\",\"text\":\"Het regent. Dhr. Jansen blijft thuis.\"}' |\n"
	"      split-sentences | jq -c '.sentences[].text'\n"
	"  normalize artikel.txt | split-sentences | jq -r '.sentences[].text'\n"
	"\n"
	"Exit status: 0 ok, 64 bad usage, 65 bad input record (with\n"
	"--on-error=fail), 66 an input file cannot be opened, 70 internal error\n"
	"or missing language data, 74 read or write error.\n",
	.requires = "text",
	.provides = "sentences",
	.start = start,
	.record = split_record,
	.finish = finish,
};

int main(int argc, char **argv)
{
	return filter_main(&spec, argc, argv);
}
