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
 *   - key: value rows run together ("Inwoners: 52.000 Oppervlakte: 12 km²",
 *     "2007: 21 februari 2008: 6 februari"): a second key with as many
 *     words as the first, after a value without a finite verb, starts a row,
 *     and so does the first;
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

static int is_space_at(const char *t, size_t i, size_t len)
{
	return i >= len || space_len((const unsigned char *)t, i, len) > 0;
}

/* End of the chunk before white space that ends at byte S (S itself when
 * there is none). */
static size_t before_space(const char *t, size_t s)
{
	size_t k;
	while ((k = sent_space_before((const unsigned char *)t, s)) > 0)
		s -= k;
	return s;
}

/* Start of the word that ends at byte E, not before LO. */
static size_t word_start(const char *t, size_t e, size_t lo)
{
	while (e > lo && !sent_space_before((const unsigned char *)t, e))
		e--;
	return e;
}

void sent_end_at(struct scan *sc, size_t e)
{
	if (sc->sent == NO_SENTENCE)
		return;
	e = before_space(sc->t, e);
	if (e > sc->sent)
		sent_push(sc->sp, sc->sent, e);
	sc->sent = NO_SENTENCE;
}

/* Split before byte AT (a chunk start after the current sentence's start):
 * the sentence so far ends, a new one opens at AT. */
static void split_before(struct scan *sc, size_t at)
{
	sent_end_at(sc, at);
	sent_open(sc, at);
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
		size_t b = before_space(t, k);
		return b > i && punct_in(PUNCT_END, t[b - 1]);
	}
	return 0;
}

/* ---- key: value rows ---------------------------------------------------- */

/* Walk back from the colon at byte COLON over the words of a key: names
 * and numbers (lowercase words too when LOWER), name particles in between
 * not counted. Stops at WANT counted words (0: at most four), at a word
 * that cannot be in a key (a function word, a finite verb, punctuation)
 * or at the sentence start. Returns the words counted; *START gets the
 * start of the first of them. A key of a capitalised word or a number and
 * up to three lowercase words ("Hoogste punt:", "2 bestuurlijke
 * arrondissementen:") starts at that word: *FIXED is set then. */
static unsigned key_words(const struct scan *sc, size_t colon, int lower, unsigned want,
                          size_t *start, int *fixed)
{
	const struct splitter *sp = sc->sp;
	const char *t = sc->t;
	unsigned n = 0, tail = 0;
	size_t e = colon;
	*fixed = 0;
	if (want == 0 || want > 4)
		want = 4;
	for (int words = 0; words < 8 && e > sc->sent; words++) {
		size_t s = word_start(t, e, sc->sent), k;
		if (s == e || e - s > 64)
			break;
		for (k = s; k < e && !(t[k] && punct_in(PUNCT_KEY, t[k])); k++)
			;
		if (k < e)
			break;
		if (!(n > 0 && sentence_in_list(&sp->particles, t + s, e - s, 1))) {
			/* not "De" in "Bart De Wever": that is part of the name */
			enum ccase c = char_case(t, s, e);
			if (sentence_in_list(&sp->stopwords, t + s, e - s, 1) ||
			    sentence_in_list(&sp->verbs, t + s, e - s, 1))
				break;
			if (!lower && c == C_LOWER) {
				if (n > 0 || tail == 3)
					break;
				tail++;                   /* "punt" in "Hoogste punt:" */
			} else if (c == C_UPPER || c == C_DIGIT || (lower && c == C_LOWER)) {
				*start = s;
				n++;
				if (tail > 0) {
					*fixed = 1;
					return n + tail;
				}
				if (n == want)
					break;
			} else {
				break;
			}
		}
		size_t b = before_space(t, s);
		if (b == s)
			break;
		e = b;
	}
	return tail > 0 ? 0 : n;
}

/* A key whose length a person's name before it tells: walking back from
 * the colon at byte COLON over name words, the nearest first name
 * (nl/first-names.txt) with a surname after it either is the key ("Jan
 * Hofkens:") or ends the value before it ("Gerda Van Langendonck
 * West-Vlaanderen:" has the key "West-Vlaanderen"). Returns the key's
 * words (particles not counted), or 0 when no first name tells. */
#define KEY_WALK 8
static unsigned key_by_name(const struct scan *sc, size_t colon)
{
	const struct splitter *sp = sc->sp;
	const char *t = sc->t;
	size_t ws[KEY_WALK], we[KEY_WALK], e = colon;
	int n = 0;
	while (n < KEY_WALK && e > sc->sent) {
		size_t s = word_start(t, e, sc->sent);
		if (s == e || e - s > 64 || char_case(t, s, e) != C_UPPER)
			break;
		ws[n] = s;
		we[n++] = e;
		size_t b = before_space(t, s);
		if (b == s)
			break;
		e = b;
	}
	for (int f = 1; f < n; f++) {
		if (!sentence_in_list(&sp->first_names, t + ws[f], we[f] - ws[f], 0))
			continue;
		int sur = f - 1;             /* the surname: the next word, particles skipped */
		while (sur > 0 && sentence_in_list(&sp->particles, t + ws[sur], we[sur] - ws[sur], 1))
			sur--;
		int from = sur == 0 ? f : sur - 1;
		unsigned words = 0;
		for (int j = from; j >= 0; j--)
			words += !sentence_in_list(&sp->particles, t + ws[j], we[j] - ws[j], 1) || j == from;
		return words;
	}
	return 0;
}

/* Does T[s, e) hold a finite verb (a word of the verb list)? */
static int has_verb(const struct splitter *sp, const char *t, size_t s, size_t e)
{
	while (s < e) {
		size_t w = s;
		while (w < e && !is_space_at(t, w, e))
			w++;
		size_t a = skip_openers(t, s, w), b = w;
		while (b > a && punct_in(PUNCT_CLOSING, t[b - 1]))
			b--;
		if (b > a && sentence_in_list(&sp->verbs, t + a, b - a, 0))
			return 1;
		s = w;
		while (s < e && is_space_at(t, s, e))
			s++;
	}
	return 0;
}

/* A key after a value of one number ("CD&V: 22 VLD: 21 sp.a: 12 Vlaams
 * Belang: 10 Groen!: 8"): a table of counts run together, whose keys may
 * differ in length, be lowercase or hold punctuation. The previous key's
 * colon is at byte C1, this one's at byte I; the words between the number
 * and I are the key when they are one to four, none a finite verb, none
 * with a comma or a bracket, function words only between capitalised
 * words ("Partij voor de Dieren:"), and a key of more words not
 * starting lowercase (that is a unit: "12 km² Burgemeester:"). Returns
 * the key's words and *START its start, else 0. */
#define COUNT_KEY_WORDS 4
static unsigned key_after_count(const struct scan *sc, size_t c1, size_t i, size_t *start)
{
	const struct splitter *sp = sc->sp;
	const char *t = sc->t;
	struct chunk v, w;
	if (!sent_read_chunk(sp, t, sc->len, c1 + 1, &v) || v.e >= i ||
	    char_case(t, v.s, v.e) != C_DIGIT)
		return 0;
	for (size_t k = v.s; k < v.e; k++)
		if (!((t[k] >= '0' && t[k] <= '9') || t[k] == '.' || t[k] == ','))
			return 0;             /* "12 km²" is no count: the other rule's */
	if (t[v.e - 1] == '.' || t[v.e - 1] == ',')
		return 0;
	unsigned n = 0;
	int inner = 0;                    /* function words inside the key */
	size_t last = i;
	for (w = v; sent_next_chunk(sp, t, sc->len, &w, &w) && w.s < i; ) {
		size_t e = w.e == i + 1 ? i : w.e;
		if (++n > COUNT_KEY_WORDS || e == w.s ||
		    sentence_in_list(&sp->verbs, t + w.s, e - w.s, 1))
			return 0;
		if (sentence_in_list(&sp->stopwords, t + w.s, e - w.s, 1)) {
			if (n == 1)
				return 0;
			inner = 1;
		}
		last = w.s;
		for (size_t k = w.s; k < e; k++)
			if (strchr(",;:()[]\"", t[k]))
				return 0;
		if (n == 1)
			*start = w.s;
		else if (char_case(t, *start, i) == C_LOWER)
			return 0;             /* "12 km² Burgemeester:": a unit */
	}
	if (inner && char_case(t, last, i) != C_UPPER)
		return 0;                     /* "Partij voor de Dieren:", not "... in de:" */
	return n;
}

/* Rows found: the first key at S1 (NO_SENTENCE: none to split, its row
 * was split before) and the one at S2, whose colon at byte I has K words. */
static int split_rows(struct scan *sc, size_t s1, size_t s2, size_t i, unsigned k)
{
	if (s1 != NO_SENTENCE && s1 > sc->sent)
		split_before(sc, s1);
	split_before(sc, s2);
	sc->key_start = i;
	sc->key_words = k;
	sc->key_row = 1;
	return 1;
}

/* A colon that ends a key, at byte I: rows run together split before each
 * key once a second one with as many words is seen. */
static int on_key(struct scan *sc, size_t i)
{
	const char *t = sc->t;
	int lower = char_case(t, sc->sent, sc->len) == C_LOWER;
	size_t s2 = NO_SENTENCE, s1 = NO_SENTENCE;
	int fixed, f1;
	unsigned c2;
	if (sc->key_start != NO_SENTENCE &&
	    (c2 = key_after_count(sc, sc->key_start, i, &s2)) > 0) {
		/* the first key, when it starts no row yet, as long as the
		 * shorter key, as below */
		unsigned k1 = c2 < sc->key_words ? c2 : sc->key_words;
		if (sc->key_row || key_words(sc, sc->key_start, lower, k1, &s1, &f1) == 0)
			s1 = NO_SENTENCE;
		return split_rows(sc, s1, s2, i, c2);
	}
	c2 = key_words(sc, i, lower, 0, &s2, &fixed);
	unsigned named = key_by_name(sc, i);
	if (c2 == 0)
		return 0;
	if (!fixed && named && named < c2)
		c2 = named;
	if (sc->key_start == NO_SENTENCE) {
		/* the first key of the sentence: remembered by its colon */
		sc->key_start = i;
		sc->key_words = c2;
		return 0;
	}
	/* as many words as the shorter key, unless a name or a lowercase
	 * word tells where the key starts */
	unsigned k = fixed ? c2 : named && named <= c2 ? named :
	             c2 < sc->key_words ? c2 : sc->key_words;
	size_t c1 = sc->key_start;
	key_words(sc, c1, lower, fixed ? sc->key_words : k, &s1, &f1);
	if (!fixed)
		key_words(sc, i, lower, k, &s2, &f1);
	if (s2 <= c1 + 1 || has_verb(sc->sp, t, c1 + 1, s2))
		return 0;
	return split_rows(sc, s1, s2, i, k);
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
	if (e >= len || !strchr(")(DPp", t[e]) || !t[e] || !is_space_at(t, e + 1, len) ||
	    !sent_read_chunk(sc->sp, t, len, e + 1, &n) ||
	    char_case(t, skip_openers(t, n.s, n.e), n.e) != C_UPPER)
		return 0;
	split_before(sc, n.s);
	*next = n.s;
	return 1;
}

/* A colon at byte I: a key, or the start of a list after it. */
static int on_colon(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	*next = i + 1;
	if (!is_space_at(t, i + 1, sc->len))
		return on_emoticon(sc, i, next);
	if (sc->sent == NO_SENTENCE)
		return 0;
	int done = on_key(sc, i);
	struct chunk n;
	if (!sent_read_chunk(sc->sp, t, sc->len, i + 1, &n) || n.e - n.s > 4)
		return done;
	struct marker m = marker_at(t, n.s, n.e);
	if (m.kind == MK_NONE || m.value != 1 || !second_item_follows(t, n.e, sc->len, m))
		return done;
	split_before(sc, n.s);
	*next = n.e;
	return 1;
}

/* A semicolon at byte I: the next numbered item. */
static int on_semicolon(struct scan *sc, size_t i, size_t *next)
{
	struct chunk n;
	if (!is_space_at(sc->t, i + 1, sc->len))
		return on_emoticon(sc, i, next);
	if (sc->sent == NO_SENTENCE ||
	    !sent_read_chunk(sc->sp, sc->t, sc->len, i + 1, &n) || n.e - n.s > 4 ||
	    !follows(sentence_marker(sc), marker_at(sc->t, n.s, n.e)))
		return 0;
	split_before(sc, n.s);
	*next = n.e;
	return 1;
}

/* A closing bracket at byte I: an enumerator "2)" "(b)", or a year in
 * brackets that ends a row. */
static int on_bracket(struct scan *sc, size_t i, size_t *next)
{
	const char *t = sc->t;
	if (!is_space_at(t, i + 1, sc->len) || sc->sent == NO_SENTENCE)
		return 0;
	size_t s = word_start(t, i + 1, i + 1 >= 32 ? i + 1 - 32 : 0);
	if (s > sc->sent && (s == 0 || sent_space_before((const unsigned char *)t, s))) {
		struct marker m = marker_at(t, s, i + 1);
		if (m.kind == MK_PAREN || m.kind == MK_BOTH) {
			/* the next item; not inside an enumeration of one
			 * sentence: ", (2) ..." or "en (4) ..." */
			size_t pe = before_space(t, s), ps = word_start(t, pe, sc->sent);
			if (follows(sentence_marker(sc), m) && pe > 0 && t[pe - 1] != ',' &&
			    !sentence_in_list(&sc->sp->stopwords, t + ps, pe - ps, 0)) {
				split_before(sc, s);
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
	split_before(sc, n.s);
	*next = n.s;
	return 1;
}

/* A bullet at byte I (B bytes) standing alone before a word. */
static int on_bullet(struct scan *sc, size_t i, size_t b, size_t *next)
{
	const char *t = sc->t;
	struct chunk n;
	if ((i > 0 && !sent_space_before((const unsigned char *)t, i)) ||
	    i + b >= sc->len || !is_space_at(t, i + b, sc->len) ||
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
		size_t pe = before_space(t, i);
		enum ccase k = char_case(t, n.s, n.e);
		if (!(sc->dash_list || (pe > 0 && t[pe - 1] == ':')) || (k != C_UPPER && k != C_LOWER))
			return 0;
	}
	split_before(sc, i);
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
	size_t s = word_start(t, i, i >= 8 ? i - 8 : 0), e = i + 1;
	while (e < sc->len && e - i < 16 && !is_space_at(t, e, sc->len))
		e++;
	if (sc->sent == NO_SENTENCE || s <= sc->sent || i - s != 4 || e - i < 2 ||
	    !sent_space_before((const unsigned char *)t, s) || !is_space_at(t, e, sc->len))
		return 0;
	for (size_t k = s; k < i; k++)
		if (t[k] < '0' || t[k] > '9')
			return 0;
	size_t pe = before_space(t, s);
	struct chunk n;
	if (pe == 0 || pe <= sc->sent || !closer_len(t, sc->sent, pe) ||
	    !sent_read_chunk(sc->sp, t, sc->len, e, &n) || opener_len(t, n.s, n.e) == 0 ||
	    t[n.s] == '-' || t[n.s] == '*')
		return 0;
	split_before(sc, n.s);
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
	size_t s = word_start(t, e, sc->sent);
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
	be = before_space(t, be);
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
