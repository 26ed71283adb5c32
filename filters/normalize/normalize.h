/* normalize.h — clean up the text of a news record: the core of `normalize`.
 *
 * Pure functions over text, no I/O (language data comes through lang.h).
 * Input and output are UTF-8; every length here is in bytes.
 *
 * What normalize_text() does, in this order, each step switchable through
 * struct normalize_options:
 *   1. markup: HTML character references decoded (&amp; &eacute; &#8217;
 *      &#x2019;), again while a decoded '&' starts a new one; with `html`,
 *      tags stripped first (script/style content dropped, block tags become
 *      paragraph breaks, <br> a line break);
 *   2. characters, only on the non-ASCII stretches of the text (plus the
 *      ASCII character before each, which a combining mark may join):
 *      mojibake repaired (UTF-8 read as Windows-1252 or Latin-1, "Ã«" → "ë",
 *      "â€™" → "’", when the repair is plausible), control, zero-width and
 *      format characters, soft hyphens and BOMs removed, Unicode spaces made
 *      plain spaces, then NFC (or NFKC);
 *   3. layout, one pass over the bytes: line ends unified, spaces collapsed
 *      and trimmed, paragraphs kept as "\n\n"; a single line break inside a
 *      paragraph is kept as "\n" when it ends a unit of its own (a list
 *      item, heading, key: value row: common/line_units.h) and joined with
 *      a space when it only wraps prose; words hyphenated across a joined
 *      break are joined.
 * The result is a fixed point: normalizing it again changes nothing.
 * Quote characters are never changed.
 */
#ifndef ZEEF_NORMALIZE_H
#define ZEEF_NORMALIZE_H

#include <stddef.h>

enum normalize_form { NORMALIZE_NONE, NORMALIZE_NFC, NORMALIZE_NFKC };

/* What becomes of a single line break inside a paragraph. */
enum normalize_lines {
	NORMALIZE_LINES_UNITS,   /* kept between units, joined in prose (default) */
	NORMALIZE_LINES_JOIN,    /* always joined (--join-lines) */
	NORMALIZE_LINES_KEEP     /* always kept (--keep-lines) */
};

struct normalize_options {
	enum normalize_form form;  /* NFC (default), NFKC, or none */
	int mojibake;       /* repair UTF-8 that was decoded as Windows-1252 */
	int entities;       /* decode HTML character references */
	int html;           /* strip HTML tags (default off) */
	int invisible;      /* remove control, zero-width and format characters,
	                       soft hyphens, BOMs */
	int spaces;         /* Unicode spaces and tabs to ' ', runs collapsed,
	                       spaces at line ends and text ends trimmed */
	int breaks;         /* line ends unified to "\n", blank lines squeezed to
	                       one paragraph break "\n\n"; off: every line break
	                       kept as written (and lines never joined) */
	enum normalize_lines lines;  /* single line breaks inside a paragraph
	                       (needs breaks; else every break is kept) */
	int dehyphenate;    /* "gezamen-\nlijk" → "gezamenlijk" where lines are
	                       joined */
};

/* Every step on, html off, NFC. */
void normalize_defaults(struct normalize_options *opt);

struct normalizer;

/* A normalizer for OPT (copied). Loads the entity table
 * "html-entities.txt" and the word list "nl/hyphen-coordinators.txt" through
 * lang.h. NULL when out of memory or a language file is missing. */
struct normalizer *normalizer_new(const struct normalize_options *opt);
void normalizer_free(struct normalizer *n);

/* Normalize the LEN bytes of valid UTF-8 at S. Returns the result (valid
 * UTF-8, *out_len bytes, not NUL-terminated): S itself when the text was
 * already normal or only loses bytes at its end (compare *out_len with
 * LEN), else memory owned by N, valid until the next call on N. NULL when
 * out of memory. */
const char *normalize_text(struct normalizer *n, const char *s, size_t len, size_t *out_len);

/* Does the text look like HTML: a doctype, or two or more tags of common
 * HTML elements (<p>, </div>, <br/>, <a href=...>)? Linear in LEN. */
int normalize_looks_like_html(const char *s, size_t len);

/* A leading date tag "date YYYY-MM" or "date YYYY-MM-DD" (as some news
 * exports put before the text), followed by white space or the end. When S
 * starts with one (after white space), copies the date to DATE
 * (NUL-terminated) and returns the number of bytes to drop from S: the tag
 * and the white space after it. Returns 0 when there is no well-formed tag
 * (month 01-12, day 01-31). */
size_t normalize_date_tag(const char *s, size_t len, char date[11]);

/* Decode a whole document of LEN bytes of unknown encoding into new
 * malloc'ed UTF-8 at *out (*out_len bytes). A text that starts with a
 * UTF-16 byte order mark is read as UTF-16 (little or big endian; bad
 * units counted in *repairs). Valid UTF-8 is copied. A text
 * that is not UTF-8 at all (invalid sequences and no more valid multi-byte
 * sequences than invalid ones) is read as Windows-1252 and *cp1252 set to 1;
 * otherwise each invalid sequence becomes U+FFFD and is counted in
 * *repairs. Returns 0, or -1 when out of memory. */
int normalize_decode_document(const char *in, size_t len, char **out, size_t *out_len,
                              int *repairs, int *cp1252);

#endif
