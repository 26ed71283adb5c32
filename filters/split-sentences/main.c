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
	"Rules (word lists in common/lang/nl/, compiled in; see --data; more in\n"
	"filters/split-sentences/README.md):\n"
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
	"  - an abbreviation ends a sentence only before a capitalised function\n"
	"    word and a lowercase word (\"... ten slotte prof. Daarna ging ...\");\n"
	"    initials may be written together or without a vowel (Th.J. Smit);\n"
	"  - layout: a single line break ends a sentence where it ends a unit of\n"
	"    its own (the rule normalize uses to keep it: a list item, a heading,\n"
	"    a key: value row, a line that ends a sentence or that the next word\n"
	"    would have fit on), but not after an abbreviation; a bullet (* \u2022)\n"
	"    starts an item, and so does a dash (- \u2013) after a colon or in a list of\n"
	"    dash items (\"onder meer: - wonen - zorg\"); an enumerator (1. 1) a)\n"
	"    (1)) after a colon, or the next number after a semicolon (\"1 ...; 2\n"
	"    ...\"); key: value rows run together (\"Inwoners: 52.000 Oppervlakte:\n"
	"    12 km\u00b2\"), rows of a CV that end in years in brackets, and runs of\n"
	"    three place names or more or of people's names are split into rows;\n"
	"  - best effort: a short heading glued between two sentences on one line\n"
	"    is a sentence of its own (no finite verb, not ending in a function\n"
	"    word), and so is a known section heading (\"Externe links\", \"Zie\n"
	"    ook\", nl/section-headings.txt), a caption or heading that lost its\n"
	"    line break before a capitalised function word and a lowercase word\n"
	"    (\"... verbouwd In een tropisch klimaat ...\"), or a heading before a\n"
	"    subject with a name and its verb (\"Jeugdjaren De Morgan werd ...\");\n"
	"    an article there may start a title (\"het boek De avonden\") and does\n"
	"    not count.\n"
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
