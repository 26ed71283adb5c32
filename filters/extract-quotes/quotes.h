/* quotes.h — finding and pairing quotation marks (extract-quotes).
 *
 * The marks come from a language file (nl/quotes-marks.txt: OPEN CLOSE pairs)
 * and the elided words that follow a leading apostrophe from
 * nl/quotes-elisions.txt. Pairing works on bytes, one paragraph (text between
 * blank lines) at a time, with a stack: inner quotations are paired but only
 * the outermost ones are returned. An apostrophe between letters (China’s,
 * z'n), before an elided word ('s avonds) or a two-digit year ('90) is not a
 * mark. A quotation left open at the end of a paragraph is returned only when
 * it opened the paragraph and the next paragraph opens with the same mark
 * (a quotation running over several paragraphs); other unpaired marks are
 * ignored.
 *
 * All offsets are BYTES into the text, half-open.
 */
#ifndef ZEEF_QUOTES_H
#define ZEEF_QUOTES_H

#include <stddef.h>

struct quote_span {
	size_t open;       /* first byte of the opening mark */
	size_t start, end; /* the quoted text between the marks, without the
	                      white space just inside them */
	size_t close_end;  /* byte after the closing mark (paragraph end when the
	                      quotation runs on into the next paragraph) */
	int continued;     /* 1 when it runs on into the next paragraph */
};

struct quote_marks;

/* Load the marks and elisions from the language files; NULL (after a
 * message) when they are missing or malformed. */
struct quote_marks *quote_marks_load(void);
/* Build marks from PAIRS ("OPEN CLOSE" lines) and ELISIONS (one a line);
 * for tests. NULL when PAIRS holds no valid pair. */
struct quote_marks *quote_marks_from(const char *pairs, const char *elisions);
void quote_marks_free(struct quote_marks *qm);

/* A growable list of quotations; zero-initialise, free with quote_list_free. */
struct quote_list {
	struct quote_span *q;
	size_t n, cap;
};
void quote_list_free(struct quote_list *l);

/* Find the outermost quotations in the LEN valid UTF-8 bytes at TEXT and
 * store them in L (cleared first), in text order. Returns the count, or
 * (size_t)-1 when out of memory. Linear in LEN. */
size_t quotes_find(const struct quote_marks *qm, const char *text, size_t len,
                   struct quote_list *l);

#endif
