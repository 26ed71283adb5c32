/* sentence_layout.c — sentence boundaries that layout makes rather than
 * punctuation (see sentence_impl.h):
 *   - a single line break between two units (line_units.h) ends a
 *     sentence, unless the line ends in an abbreviation or initials that
 *     cannot end one;
 *   - a bullet (• * ▪ ► ...) standing alone starts an item; so does a dash
 *     (- – —) after a colon or inside a list of dash items;
 *   - an enumerator (1. 1) (1) a. a) (a) or a bare number) after a colon
 *     starts the first item when the second follows after a semicolon or
 *     a sentence mark ("1 ...; 2 ..."), not after a comma (an enumeration
 *     inside one sentence); one that follows the previous item's number
 *     after a semicolon or in running text ("1) ... 2) ...") the next;
 *   - key: value rows run together ("Inwoners: 52.000 Oppervlakte: 12 km²"):
 *     sentence_rows.c, asked at each colon;
 *   - a year or a span of years in brackets before a capitalised word or a
 *     number ends a row of a CV ("Brugge (1982) Licentiaat ...").
 * Offsets are bytes. Everything looks at a bounded stretch around the byte
 * the scanner stops at, so the time stays linear.
 */
#include <string.h>

#include "sentence_impl.h"

unsigned char sent_layout_stop[256] = {
	[':'] = 1, [';'] = 1, [')'] = 1, ['*'] = 1, ['-'] = 1, [0xE2] = 1};

/* ---- helpers ------------------------------------------------------------ */

void sent_end_at(struct scan *sc, size_t e)
{
	if (sc->sent == NO_SENTENCE)
		return;
	e = sent_before_space(sc->t, e);
	if (e > sc->sent)
		sent_push(sc->sp, sc->sent, e);
	sc->sent = NO_SENTENCE;
}

/* ---- enumerators -------------------------------------------------------- */

enum marker_kind { MK_NONE, MK_BARE, MK_DOT, MK_PAREN, MK_BOTH };

struct marker {
	enum marker_kind kind;
	int letter;      /* a letter (a, b, ...) rather than a number */
	int value;       /* 1 for "1" or "a" */
};

/* The enumerator that the chunk T[s, e) is: "3", "3.", "3)", "(3)", "c.",
 * "c)", "(c)". A bare letter is no enumerator; a bare number of at most
 * two digits is. */
static struct marker marker_at(const char *t, size_t s, size_t e)
{
	struct marker m = {MK_NONE, 0, 0};
	int open = s < e && t[s] == '(';
	size_t i = s + (size_t)open, d = i;
	while (d < e && d - i < 2 && t[d] >= '0' && t[d] <= '9')
		m.value = m.value * 10 + (t[d++] - '0');
	if (d == i) {
		if (d < e && t[d] >= 'a' && t[d] <= 'z') {
			m.letter = 1;
			m.value = t[d++] - 'a' + 1;
		} else {
			return m;
		}
	}
	if (d == e)
		m.kind = open || m.letter ? MK_NONE : MK_BARE;
	else if (d + 1 == e && t[d] == ')')
		m.kind = open ? MK_BOTH : MK_PAREN;
	else if (d + 1 == e && t[d] == '.' && !open)
		m.kind = MK_DOT;
	return m;
}

/* The enumerator the current sentence starts with, if any. */
static struct marker sentence_marker(const struct scan *sc)
{
	struct chunk c;
	struct marker none = {MK_NONE, 0, 0};
	if (sc->sent == NO_SENTENCE || !sent_read_chunk(sc->sp, sc->t, sc->len, sc->sent, &c) ||
	    c.e - c.s > 4)
		return none;
	return marker_at(sc->t, c.s, c.e);
}

/* Does marker N follow marker P (same kind, next value)? */
static int follows(struct marker p, struct marker n)
{
	return p.kind != MK_NONE && p.kind == n.kind && p.letter == n.letter &&
	       n.value == p.value + 1;
}

/* Does the second item of a list whose first marker is M follow within a
 * short stretch after byte I, after a semicolon or a sentence mark ("1
 * preventie; 2 zorg", "a) de trein; b) de bus", "1. Sparen. 2. Lenen")?
 * Items after commas are an enumeration inside one sentence: "in vier
 * groepen: (1) Nederlandstaligen ..., (2) Franstaligen ...". */
#define ITEM_LOOKAHEAD 400
static int second_item_follows(const char *t, size_t i, size_t len, struct marker m)
{
	size_t end = i + ITEM_LOOKAHEAD < len ? i + ITEM_LOOKAHEAD : len;
	for (size_t k = i + 1; k < end; k++) {
		if (t[k - 1] != ' ' && t[k - 1] != '\n')
			continue;
		size_t e = k;
		while (e < end && e - k < 5 && t[e] != ' ' && t[e] != '\n')
			e++;
		struct marker n = marker_at(t, k, e);
		if (n.kind != m.kind || n.letter != m.letter || n.value != 2 || e == end)
			continue;
		size_t b = sent_before_space(t, k);
		return b > i && punct_in(PUNCT_END, t[b - 1]);
	}
	return 0;
}

/* ---- the bytes the scanner stops at -------------------------------------- */

/* An emoticon standing alone at byte I (":-)", ";)", ":(", ":D", ":P")
 * before a capitalised word ends the sentence it closes: "Ik ben blij :-)
 * Jij ook?" */
static int on_emoticon(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	size_t e = i + 1, len = sc->len;
	struct chunk n;
	if (sc->sent == NO_SENTENCE || i <= sc->sent || !sent_space_before((const unsigned char *)t, i))
		return 0;
	if (e < len && t[e] == '-')
		e++;
	if (e >= len || !strchr(")(DPp", t[e]) || !t[e] || !sent_is_space_at(t, e + 1, len) ||
	    !sent_read_chunk(sc->sp, t, len, e + 1, &n) ||
	    char_case(t, skip_openers(t, n.s, n.e), n.e) != C_UPPER)
		return 0;
	sent_split_before(sc, n.s);
	*next = n.s;
	return 1;
}

/* A colon at byte I: a key, or the start of a list after it. */
static int on_colon(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	*next = i + 1;
	if (!sent_is_space_at(t, i + 1, sc->len))
		return on_emoticon(sc, i, next);
	if (sc->sent == NO_SENTENCE)
		return 0;
	int done = sent_key_colon(sc, i);
	struct chunk n;
	if (!sent_read_chunk(sc->sp, t, sc->len, i + 1, &n) || n.e - n.s > 4)
		return done;
	struct marker m = marker_at(t, n.s, n.e);
	if (m.kind == MK_NONE || m.value != 1 || !second_item_follows(t, n.e, sc->len, m))
		return done;
	sent_split_before(sc, n.s);
	*next = n.e;
	return 1;
}

/* A semicolon at byte I: the next numbered item. */
static int on_semicolon(struct scan *sc, size_t i, size_t *next)
{
	struct chunk n;
	if (!sent_is_space_at(sc->t, i + 1, sc->len))
		return on_emoticon(sc, i, next);
	if (sc->sent == NO_SENTENCE ||
	    !sent_read_chunk(sc->sp, sc->t, sc->len, i + 1, &n) || n.e - n.s > 4 ||
	    !follows(sentence_marker(sc), marker_at(sc->t, n.s, n.e)))
		return 0;
	sent_split_before(sc, n.s);
	*next = n.e;
	return 1;
}

/* A closing bracket at byte I: an enumerator "2)" "(b)", or a year in
 * brackets that ends a row. */
static int on_bracket(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	if (!sent_is_space_at(t, i + 1, sc->len) || sc->sent == NO_SENTENCE)
		return 0;
	size_t s = sent_word_start(t, i + 1, i + 1 >= 32 ? i + 1 - 32 : 0);
	if (s > sc->sent && (s == 0 || sent_space_before((const unsigned char *)t, s))) {
		struct marker m = marker_at(t, s, i + 1);
		if (m.kind == MK_PAREN || m.kind == MK_BOTH) {
			/* the next item; not inside an enumeration of one
			 * sentence: ", (2) ..." or "en (4) ..." */
			size_t pe = sent_before_space(t, s), ps = sent_word_start(t, pe, sc->sent);
			if (follows(sentence_marker(sc), m) && pe > 0 && t[pe - 1] != ',' &&
			    !sentence_in_list(&sc->sp->stopwords, t + ps, pe - ps, 0)) {
				sent_split_before(sc, s);
				*next = i + 1;
				return 1;
			}
			return 0;
		}
	}
	/* a bracket that holds only a year or dates: "(1982)", "(1987-1989)",
	 * "(1995-...)", "(05.10.96-02.02.97)" */
	size_t k = i;
	while (k > sc->sent && i - k < 32 && t[k - 1] != '(' && t[k - 1] != ')')
		k--;
	if (k == sc->sent || t[k - 1] != '(' || k == i)
		return 0;
	int run = 0, year = 0;
	for (size_t j = k; j < i; j++) {
		if (t[j] >= '0' && t[j] <= '9')
			year |= ++run == 4;
		else if (t[j] == '-' || t[j] == '.' || t[j] == '/')
			run = 0;
		else
			return 0;
	}
	if (!year)
		return 0;
	struct chunk n;
	if (!sent_read_chunk(sc->sp, t, sc->len, i + 1, &n))
		return 0;
	enum ccase nk = char_case(t, n.s, n.e);
	if (nk != C_UPPER && nk != C_DIGIT)
		return 0;
	sent_split_before(sc, n.s);
	*next = n.s;
	return 1;
}

/* A bullet at byte I (B bytes) standing alone before a word. */
static int on_bullet(struct scan *sc, size_t i, size_t b, size_t *next)
{
	const char *t = sc->t;
	struct chunk n;
	if ((i > 0 && !sent_space_before((const unsigned char *)t, i)) ||
	    i + b >= sc->len || !sent_is_space_at(t, i + b, sc->len) ||
	    !sent_read_chunk(sc->sp, t, sc->len, i + b, &n))
		return 0;
	int dash = t[i] == '-' || ((unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
	                           ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94));
	if (sc->sent == NO_SENTENCE || sc->sent == i) {
		if (sc->sent == NO_SENTENCE)
			sent_open(sc, i);
		sc->dash_list = dash;
		return 0;
	}
	if (dash) {
		/* a dash inside prose is punctuation: only after a colon or in a
		 * list of dash items, before a word */
		size_t pe = sent_before_space(t, i);
		enum ccase k = char_case(t, n.s, n.e);
		if (!(sc->dash_list || (pe > 0 && t[pe - 1] == ':')) || (k != C_UPPER && k != C_LOWER))
			return 0;
	}
	sent_split_before(sc, i);
	sc->dash_list = dash;
	*next = i + b;
	return 1;
}

/* A span of years standing between two titles in quotes, at the dash at
 * byte I: "« Suske en Wiske » 1945-heden « De familie Snoek » 1945-1972":
 * the span ends a row of a list of works. */
static int on_year_span(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	size_t s = sent_word_start(t, i, i >= 8 ? i - 8 : 0), e = i + 1;
	while (e < sc->len && e - i < 16 && !sent_is_space_at(t, e, sc->len))
		e++;
	if (sc->sent == NO_SENTENCE || s <= sc->sent || i - s != 4 || e - i < 2 ||
	    !sent_space_before((const unsigned char *)t, s) || !sent_is_space_at(t, e, sc->len))
		return 0;
	for (size_t k = s; k < i; k++)
		if (t[k] < '0' || t[k] > '9')
			return 0;
	size_t pe = sent_before_space(t, s);
	struct chunk n;
	if (pe == 0 || pe <= sc->sent || !closer_len(t, sc->sent, pe) ||
	    !sent_read_chunk(sc->sp, t, sc->len, e, &n) || opener_len(t, n.s, n.e) == 0 ||
	    t[n.s] == '-' || t[n.s] == '*')
		return 0;
	sent_split_before(sc, n.s);
	*next = n.s;
	return 1;
}

int sent_layout_byte(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	size_t b;
	switch (t[i]) {
	case ':': return on_colon(sc, i, next);
	case ';': return on_semicolon(sc, i, next);
	case ')': return on_bracket(sc, i, next);
	default:
		b = line_units_bullet(t + i, sc->len - i);
		return b > 0 && (on_bullet(sc, i, b, next) || (t[i] == '-' && on_year_span(sc, i, next)));
	}
}

/* ---- line breaks ----------------------------------------------------------- */

void sent_new_paragraph(struct scan *sc, size_t p)
{
	sc->para = sc->line = sc->unit = sc->measured = p;
	sc->para_end = 0;
	sc->m = (struct line_measure){0};
}

/* May a sentence end after the line that ends at byte E? Not after an
 * abbreviation or initials that cannot end a sentence. */
static int line_may_end(const struct scan *sc, size_t e)
{
	const char *t = sc->t;
	if (t[e - 1] != '.')
		return 1;
	size_t s = sent_word_start(t, e, sc->sent);
	enum word_kind k = sentence_word_kind(&sc->sp->abbr, &sc->sp->abbr_final, t, s, e - 1,
	                                      s == sc->sent);
	return k != W_ABBR && k != W_INITIALS;
}

size_t sent_line_break(struct scan *sc, size_t ws, size_t we)
{
	const char *t = sc->t;
	/* a line break the scanner went past (a heading taken off at a
	 * sentence start): the line starts after it, and so does the unit
	 * when the sentence does */
	if (sc->line < ws) {
		size_t k = ws;
		while (k > sc->line && t[k - 1] != '\n')
			k--;
		if (k > sc->line) {
			int nl;
			sc->line = sent_skip_space((const unsigned char *)t, k, sc->len, &nl);
			if (sc->sent != NO_SENTENCE && sc->sent >= sc->line && sc->sent > sc->unit) {
				sc->unit = sc->measured = sc->sent;
				sc->m = (struct line_measure){0};
			}
		}
	}
	if (sc->para_end <= we)
		line_units_paragraph(t, sc->len, sc->para_end > sc->para ? sc->line : sc->para,
		                     &sc->para_end, &sc->lp);
	if (ws > sc->measured) {
		line_measure_add(&sc->m, t + sc->measured, ws - sc->measured);
		sc->measured = ws;
	}
	size_t be = we;
	const char *nl = memchr(t + we, '\n', sc->len - we);
	be = nl ? (size_t)(nl - t) : sc->len;
	be = sent_before_space(t, be);
	size_t line = sc->line < ws ? sc->line : ws, unit = sc->unit < ws ? sc->unit : ws;
	int keep = line_units_keep(t + unit, ws - unit, sc->m.cp,
	                           line_units_length(t + line, ws - line), t + we, be - we, &sc->lp);
	sc->line = we;
	if (!keep)
		return we;
	sc->unit = sc->measured = we;
	sc->m = (struct line_measure){0};
	if (sc->sent == NO_SENTENCE || sc->sent >= ws || !line_may_end(sc, ws))
		return we;
	sent_end_at(sc, ws);
	sc->dq_open = sc->sq_open = 0;
	return sent_begin(sc, we);
}
