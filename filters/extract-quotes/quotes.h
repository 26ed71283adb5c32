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

/* The pairing as a scanner that yields one outermost quotation at a time,
 * in text order, in constant memory: zero-initialise nothing, call
 * quote_scan_init, then quote_scan_next until it returns 0. */
enum { QUOTE_SCAN_DEPTH = 64 };
struct quote_scanner {
	const struct quote_marks *qm;
	const char *s;
	size_t len, i, para;      /* bytes: scan position, paragraph start */
	int depth, done;
	struct open_mark {
		int mark;
		size_t pos, end;
	} stack[QUOTE_SCAN_DEPTH];
};
void quote_scan_init(struct quote_scanner *sc, const struct quote_marks *qm, const char *text,
                     size_t len);
/* The next quotation into *Q: 1, or 0 at the end of the text. */
int quote_scan_next(struct quote_scanner *sc, struct quote_span *q);

/* Find the outermost quotations in the LEN valid UTF-8 bytes at TEXT and
 * store them in L (cleared first), in text order. Returns the count, or
 * (size_t)-1 when out of memory. Linear in LEN. */
size_t quotes_find(const struct quote_marks *qm, const char *text, size_t len,
                   struct quote_list *l);

#endif
