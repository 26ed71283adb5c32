/* normalize — clean up the text of Dutch news records (see normalize.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "filter.h"
#include "normalize.h"
#include "utf8.h"

enum {
	OPT_FORM = 1000, OPT_NO_MOJIBAKE, OPT_NO_ENTITIES, OPT_HTML, OPT_KEEP_INVISIBLE,
	OPT_KEEP_SPACES, OPT_KEEP_BREAKS, OPT_KEEP_LINES, OPT_JOIN_LINES, OPT_NO_DEHYPHENATE, OPT_NO_DATE,
	OPT_STRICT_UTF8
};

static const struct option options[] = {
	{"form", required_argument, NULL, OPT_FORM},
	{"no-mojibake", no_argument, NULL, OPT_NO_MOJIBAKE},
	{"no-entities", no_argument, NULL, OPT_NO_ENTITIES},
	{"html", no_argument, NULL, OPT_HTML},
	{"keep-invisible", no_argument, NULL, OPT_KEEP_INVISIBLE},
	{"keep-spaces", no_argument, NULL, OPT_KEEP_SPACES},
	{"keep-breaks", no_argument, NULL, OPT_KEEP_BREAKS},
	{"keep-lines", no_argument, NULL, OPT_KEEP_LINES},
	{"join-lines", no_argument, NULL, OPT_JOIN_LINES},
	{"no-dehyphenate", no_argument, NULL, OPT_NO_DEHYPHENATE},
	{"no-date", no_argument, NULL, OPT_NO_DATE},
	{"strict-utf8", no_argument, NULL, OPT_STRICT_UTF8},
	{NULL, 0, NULL, 0}};

static const char help[] =
	"Reads news records and rewrites their \"text\" into clean, comparable Unicode\n"
	"text, the form every later Zeef stage expects. Each step below is on unless\n"
	"said otherwise, and each has an option to switch it:\n"
	"\n"
	"  - invalid UTF-8 is repaired: a document FILE that is not UTF-8 at all is\n"
	"    read as Windows-1252; otherwise each invalid sequence becomes U+FFFD. A\n"
	"    warning says how many were replaced. A document that starts with a\n"
	"    UTF-16 byte order mark is read as UTF-16;\n"
	"  - HTML character references are decoded (&amp; &eacute; &#8217; &#x2019;);\n"
	"  - mojibake, UTF-8 that was once decoded as Windows-1252 or Latin-1, is\n"
	"    repaired where the repair is plausible (\"Ã«\" becomes \"ë\", \"â€™\" \"’\");\n"
	"  - control characters, zero-width and other invisible format characters,\n"
	"    soft hyphens and byte order marks are removed;\n"
	"  - no-break and other Unicode spaces and tabs become plain spaces, runs of\n"
	"    spaces one space, and spaces at the start and end of lines are dropped;\n"
	"  - the text is put in Unicode Normalization Form C;\n"
	"  - line ends become \"\\n\"; paragraphs (separated by one or more blank\n"
	"    lines) are separated by exactly one blank line, \"\\n\\n\";\n"
	"  - a single line break inside a paragraph stays when it ends a unit of its\n"
	"    own, and becomes a space when it only wraps prose. It stays before a\n"
	"    bullet (- * \u2022) or a number (1. 1) a.) that starts a list item, after a\n"
	"    line that ends a sentence, in a list (three lines or more, none\n"
	"    starting lowercase), between rows of the same shape (\"Inwoners: 52.000\",\n"
	"    \"1985 - studie\"), after a line longer than 110 characters, and after a\n"
	"    line the next word would have fit on (a heading, a short item); never\n"
	"    before a lowercase word. A word hyphenated across a joined break is\n"
	"    joined (\"gezamen-\" + \"lijk\" gives \"gezamenlijk\"); the hyphen\n"
	"    stays before a capital, after an acronym or digit (\"NAVO-chef\"), and\n"
	"    before a word listed in nl/hyphen-coordinators.txt, the conjunctions\n"
	"    that follow a suspended hyphen, where a space is put back;\n"
	"  - a leading tag \"date YYYY-MM\" or \"date YYYY-MM-DD\" is removed from the\n"
	"    text and its date stored as \"meta\".\"date\" (\"meta\" is made when absent;\n"
	"    a malformed tag is left alone);\n"
	"  - a record without \"id\" gets \"FILE:LINE\" as its id.\n"
	"Quote characters are left as written. Running normalize on its own output\n"
	"changes nothing.\n"
	"\n"
	"Options:\n"
	"      --form=FORM       Unicode normalization form: NFC (default), NFKC\n"
	"                        (also folds compatibility characters: ligatures,\n"
	"                        fullwidth forms, superscripts), or none\n"
	"      --no-mojibake     do not repair mojibake\n"
	"      --no-entities     do not decode HTML character references\n"
	"      --html            the text is HTML: also remove tags, comments and the\n"
	"                        content of script and style elements; block elements\n"
	"                        (p, div, h1, li, ...) end a paragraph, br a line.\n"
	"                        Without it, a text that looks like HTML (a doctype,\n"
	"                        or two tags such as <p> or </div>) gets a warning\n"
	"      --keep-invisible  keep control, zero-width and format characters, soft\n"
	"                        hyphens and byte order marks\n"
	"      --keep-spaces     keep spaces and tabs exactly as written\n"
	"      --keep-breaks     keep every line break as written (\"\\r\\n\", blank\n"
	"                        lines); implies --keep-lines\n"
	"      --keep-lines      keep every single line break inside a paragraph (and\n"
	"                        do not dehyphenate)\n"
	"      --join-lines      join every single line break inside a paragraph, as\n"
	"                        wrapped prose (units and lists too)\n"
	"      --no-dehyphenate  join lines with a space even after a hyphen\n"
	"      --no-date         leave a leading date tag in the text\n"
	"      --strict-utf8     treat invalid UTF-8 as bad input (see --on-error)\n"
	"                        instead of repairing it\n"
	"\n"
	"Fields:\n"
	"  Requires \"text\"; rewrites \"text\"; adds \"id\" when absent and \"meta\".\"date\"\n"
	"  when the text has a date tag. Every other field is kept as it is.\n"
	"\n"
	"Examples:\n"
	"  normalize article.txt                 one document, id \"article\"\n"
	"  normalize --html --text < page.html   a web page as one document\n"
	"  normalize news.jsonl | jq -r .text    the clean text of each record\n"
	"  normalize --form=NFKC --keep-lines < in.jsonl > out.jsonl\n";

static struct normalize_options opt;
static int use_date_tag = 1, strict_utf8;
static struct normalizer *normalizer;
/* What decode_document found, reported with its record. */
static int document_repairs, document_cp1252;

static int option(int c, const char *arg)
{
	switch (c) {
	case OPT_FORM:
		if (strcmp(arg, "NFC") == 0 || strcmp(arg, "nfc") == 0)
			opt.form = NORMALIZE_NFC;
		else if (strcmp(arg, "NFKC") == 0 || strcmp(arg, "nfkc") == 0)
			opt.form = NORMALIZE_NFKC;
		else if (strcmp(arg, "none") == 0)
			opt.form = NORMALIZE_NONE;
		else
			return filter_usage_error("--form: expected NFC, NFKC or none, not '%s'", arg);
		break;
	case OPT_NO_MOJIBAKE: opt.mojibake = 0; break;
	case OPT_NO_ENTITIES: opt.entities = 0; break;
	case OPT_HTML: opt.html = 1; break;
	case OPT_KEEP_INVISIBLE: opt.invisible = 0; break;
	case OPT_KEEP_SPACES: opt.spaces = 0; break;
	case OPT_KEEP_BREAKS: opt.breaks = 0; break;
	case OPT_KEEP_LINES: opt.lines = NORMALIZE_LINES_KEEP; break;
	case OPT_JOIN_LINES: opt.lines = NORMALIZE_LINES_JOIN; break;
	case OPT_NO_DEHYPHENATE: opt.dehyphenate = 0; break;
	case OPT_NO_DATE: use_date_tag = 0; break;
	case OPT_STRICT_UTF8: strict_utf8 = 1; break;
	default: return EXIT_USAGE;
	}
	return 0;
}

static int start(void)
{
	errno = 0;
	normalizer = normalizer_new(&opt);
	if (!normalizer) {
		if (errno == ENOMEM)
			filter_warn("out of memory");
		else
			filter_warn("cannot load its language data (html-entities.txt, nl/hyphen-coordinators.txt)");
		return EXIT_SOFTWARE;
	}
	return 0;
}

static void finish(void)
{
	normalizer_free(normalizer);
}

static int decode_document(const char *in, size_t len, char **out, size_t *out_len)
{
	if (strict_utf8 && !utf8_valid(in, len)) {
		/* No text: filter_main reports the document as bad input. */
		*out = NULL;
		*out_len = 0;
		return 0;
	}
	return normalize_decode_document(in, len, out, out_len, &document_repairs, &document_cp1252);
}

/* Move a date tag at the start of TEXT into meta.date; returns the bytes to
 * drop from TEXT. Tags repeated right after the first are dropped too (the
 * first one's date is kept), so that a second run finds none. */
static size_t take_date(struct record *r, const char *text, size_t len)
{
	char date[11], again[11];
	size_t skip = normalize_date_tag(text, len, date), more;
	if (!skip)
		return 0;
	while ((more = normalize_date_tag(text + skip, len - skip, again)) > 0)
		skip += more;
	if (record_set_member(r, "meta", "date", zj_cstring(date)) != 0) {
		record_warn(r, "\"meta\" is not an object; date tag left in the text");
		return 0;
	}
	return skip;
}

static int normalize_record(struct record *r)
{
	int repairs = r->utf8_repairs + document_repairs;
	size_t len, out_len;
	const char *text, *out;

	if (document_cp1252)
		record_warn(r, "not UTF-8; read as Windows-1252");
	document_repairs = document_cp1252 = 0;
	if (repairs > 0 && strict_utf8)
		return record_error(r, "invalid UTF-8");
	if (repairs > 0)
		record_warn(r, "invalid UTF-8: %d sequence%s replaced by U+FFFD",
		            repairs, repairs == 1 ? "" : "s");

	text = record_text(r, &len);
	if (!opt.html && normalize_looks_like_html(text, len))
		record_warn(r, "the text looks like HTML; --html would remove its tags");
	out = normalize_text(normalizer, text, len, &out_len);
	if (!out) {
		filter_warn("out of memory");
		return EXIT_SOFTWARE;
	}
	size_t skip = use_date_tag ? take_date(r, out, out_len) : 0;
	/* Always written: the text normalize gives is written as UTF-8, also
	 * where the input had escapes (a lone surrogate became U+FFFD). */
	record_set_text(r, out + skip, out_len - skip);
	if (!record_get(r, "id")) {
		char id[64];
		snprintf(id, sizeof id, ":%ld", r->line);
		size_t flen = strlen(r->file);
		char *full = malloc(flen + strlen(id) + 1);
		if (!full) {
			filter_warn("out of memory");
			return EXIT_SOFTWARE;
		}
		memcpy(full, r->file, flen);
		strcpy(full + flen, id);
		record_set(r, "id", zj_cstring(full));
		free(full);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct filter_spec spec = {
		.name = "normalize",
		.purpose = "Clean up the text of news records: Unicode, encoding errors, markup, spaces and lines.",
		.help = help,
		.requires = "text",
		.uses = "id meta",
		.provides = "text id meta",
		.flags = FILTER_DOCUMENTS | FILTER_REPAIR_UTF8,
		.options = options,
		.option = option,
		.start = start,
		.record = normalize_record,
		.decode_document = decode_document,
		.finish = finish,
	};
	normalize_defaults(&opt);
	return filter_main(&spec, argc, argv);
}
