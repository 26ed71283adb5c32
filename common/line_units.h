/* line_units.h — what a single line break inside a paragraph means: the end
 * of a unit of its own (a list item, a bullet, a heading, a key: value row,
 * a line ended on purpose) or only the wrapping of running prose.
 *
 * Shared by normalize, which keeps the first kind as "\n" and joins the
 * second with a space, and by the sentence splitter, which ends a sentence
 * at the first kind; so text normalize kept apart is split there too.
 *
 * The rule, for a break between A (the text since the last kept break or
 * the start of the paragraph, joined as normalize joins it) and the next
 * line B, in this order:
 *   1. B starts with a bullet (• * · ▪ ► ...) and a space: keep;
 *   2. B starts with a dash (- – —) or an enumerator (1. 1) (1) a. a))
 *      and a space, which running prose may wrap to a line start too: keep
 *      when A is an item too, ends in a colon, or rule 5 or 9 holds;
 *   3. A ends in a hyphen glued to a letter or digit and B starts with one:
 *      wrap (a word broken at the hyphen);
 *   4. B starts with a lowercase letter: wrap (the sentence goes on);
 *   5. the paragraph is a list: three or more breaks (not counting those of
 *      rule 3) and no line after one starts with a lowercase letter: keep;
 *   6. A ends a sentence (. ! ? … and perhaps closing quotes or brackets):
 *      keep;
 *   7. A's last line is longer than LINE_UNITS_LONG code points: keep (such
 *      a line was never wrapped to a width);
 *   8. A and B start with the same item shape (a key "Inwoners:", a year
 *      "1985 -"): keep;
 *   9. A and B's first word would have fit within the paragraph's width
 *      (its longest line, but at least LINE_UNITS_MIN_WIDTH), with room to
 *      spare (1/8 of the width, for proportional fonts): keep, as the
 *      writer ended the line before it had to; otherwise wrap.
 * Each decision depends on A's start and end, B's start, A's length and
 * the paragraph's width and list-ness, and joining only makes lines (and so
 * the width) longer and keeps both the breaks counted by rule 5 and the
 * starts of lines: what is kept once is kept again, so normalize stays a
 * fixed point.
 *
 * Lengths are in code points of the text as normalize writes it: runs of
 * white space count as one, ends trimmed. Offsets and sizes of byte
 * ranges are bytes.
 */
#ifndef ZEEF_LINE_UNITS_H
#define ZEEF_LINE_UNITS_H

#include <stddef.h>

#define LINE_UNITS_MIN_WIDTH 40   /* code points: narrower text is a list */
#define LINE_UNITS_LONG 110       /* code points: a longer line is unwrapped */

/* Length of the N bytes at S in code points, white-space runs counted as
 * one and white space at both ends left out. */
size_t line_units_length(const char *s, size_t n);

/* The same length, measured piece by piece: start with {0}, add pieces in
 * text order; CP is the length of all of them together. */
struct line_measure {
	size_t cp;
	int gap, any;   /* white space is pending; a character was seen */
};
void line_measure_add(struct line_measure *m, const char *s, size_t n);

/* What line_units_keep needs to know of a whole paragraph. */
struct line_para {
	size_t width;   /* its longest line (line_units_length) */
	int list;       /* rule 5 */
};

/* Measure the paragraph that starts at byte START of the LEN bytes at S
 * into *P; *END gets the byte where it ends: the first line break of a
 * blank line (a line of only white space), or LEN. Lines end at "\n",
 * "\r\n" or "\r". */
void line_units_paragraph(const char *s, size_t len, size_t start, size_t *end,
                          struct line_para *p);

/* Item shapes a line or a sentence can start with (rules 1 and 5). */
enum item_shape {
	ITEM_NONE,
	ITEM_BULLET,       /* - – — • * · ▪ ► and a space */
	ITEM_ENUM,         /* 1. 1) (1) a. a) (a) and a space */
	ITEM_KEY,          /* one to four words and a colon: "Inwoners:" */
	ITEM_YEAR          /* a year or year range, then a dash or colon */
};

/* The item shape at the start of the N bytes at S (which start with a
 * non-space byte). For ITEM_KEY, *WORDS gets the number of words before
 * the colon (may be NULL). *MARK (may be NULL) gets the byte length of the
 * marker: bullet or enumerator, key or year with its colon or dash. A key
 * is capitalised or a number, or lowercase when LOWER_KEYS; its words have
 * no sentence punctuation. */
enum item_shape line_units_item(const char *s, size_t n, int lower_keys,
                                size_t *words, size_t *mark);

/* The byte length of a bullet character at S (N bytes), else 0. */
size_t line_units_bullet(const char *s, size_t n);

/* Does the single line break between A and B separate two units (1) or
 * wrap prose (0)? A: the A_LEN bytes of the text since the last kept break
 * (trimmed), A_CP its length in code points and LAST_CP that of its last
 * line; B: the B_LEN bytes of the next line (trimmed); P: the paragraph
 * (line_units_paragraph). */
int line_units_keep(const char *a, size_t a_len, size_t a_cp, size_t last_cp,
                    const char *b, size_t b_len, const struct line_para *p);

#endif
