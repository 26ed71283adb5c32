/* sentence_marks.c — does a sentence end at a mark or a quote? The
 * scanner (sentence.c) hands over the chunk holding a . ? ! or a quote;
 * the word before the mark (an abbreviation, initials, a number), the
 * quotes open around it and the chunks after it (their case, a sentence
 * starter) decide. Also the straight-quote bookkeeping and the starter test
 * the heading rules share (sentence_heading.c). Offsets are bytes.
 */
#include "sentence_impl.h"

enum next_kind { N_END, N_UPPER, N_LOWER, N_DIGIT, N_CONT, N_OTHER };

/* What starts the text after chunk C: the case of the first letter or digit
 * after opening punctuation, looking over chunks that are only openers. */
static enum next_kind sent_next_start(const struct splitter *sp, const char *t, size_t len,
                                 const struct chunk *prev)
{
	struct chunk c = *prev;
	for (int hops = 0; hops < 3; hops++) {
		if (!sent_next_chunk(sp, t, len, &c, &c))
			return N_END;
		if (sentence_in_list(&sp->clitics, t + c.s, c.e - c.s, 0))
			return N_UPPER;
		size_t s = skip_openers(t, c.s, c.e);
		if (s == c.e)
			continue;
		unsigned char b = (unsigned char)t[s];
		if (b == ',' || b == ';' || b == ':' || b == ')' || b == ']' || b == '%')
			return N_CONT;
		switch (char_case(t, s, c.e)) {
		case C_UPPER: return N_UPPER;
		case C_LOWER: return N_LOWER;
		case C_DIGIT: return N_DIGIT;
		default: return N_OTHER;
		}
	}
	return N_OTHER;
}

/* Is chunk C only closing punctuation that belongs to the sentence before
 * it? DQ_OPEN / SQ_OPEN: a straight quote of that kind is open. */
static int closes_sentence(const char *t, const struct chunk *c, int dq_open, int sq_open)
{
	size_t e = c->e;
	while (e > c->s && (t[e - 1] == '.' || t[e - 1] == '?' || t[e - 1] == '!'))
		e--;                          /* a stray mark after the quote: " . */
	if (e == c->s || skip_closers(t, c->s, e) != c->s)
		return 0;
	/* only closers: unambiguous ones always close */
	for (size_t i = c->s; i < e; i++) {
		if (t[i] == '"' && !dq_open) return 0;
		if (t[i] == '\'' && !sq_open && !(i + 1 < e && t[i + 1] == '\'')) return 0;
		if (t[i] == '\'' && i + 1 < e && t[i + 1] == '\'') i++;
	}
	return 1;
}

/* Count straight quotes in chunk C into the open flags. */
void sent_track_quotes(const char *t, const struct chunk *c, const struct splitter *sp,
                         int *dq_open, int *sq_open)
{
	if (c->flags & CH_DQUOTE)
		for (size_t i = c->s; i < c->e; i++)
			if (t[i] == '"') *dq_open = !*dq_open;
	if (c->flags & CH_SQUOTE) {
		/* a single quote opens at a chunk start (not 's, not '') and closes
		 * at a chunk end after something that is not a letter s */
		unsigned char b0 = (unsigned char)t[c->s];
		int opens = (b0 == '\'' && !(c->s + 1 < c->e && t[c->s + 1] == '\'') &&
		             !sentence_in_list(&sp->clitics, t + c->s, c->e - c->s, 0)) ||
		            (b0 == 0xE2 && c->e - c->s >= 3 && (unsigned char)t[c->s + 1] == 0x80 &&
		             (unsigned char)t[c->s + 2] == 0x98);
		size_t e = c->e;
		while (e > c->s && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ';' ||
		                    t[e - 1] == ':' || t[e - 1] == '?' || t[e - 1] == '!'))
			e--;
		int closes = e > c->s && ((t[e - 1] == '\'' && !(e - c->s >= 2 && t[e - 2] == '\'')) ||
		             (e - c->s >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
		              (unsigned char)t[e - 2] == 0x80 && (unsigned char)t[e - 1] == 0x99));
		if (c->e - c->s == 1 && b0 == '\'')
			*sq_open = !*sq_open;            /* a quote standing alone */
		else {
			if (opens) *sq_open = 1;
			if (closes) *sq_open = 0;
		}
	}
}

/* Does chunk C start a sentence by its form: a capitalised sentence starter
 * ("De", "Hij", "In") followed, in the same paragraph, by a lowercase word
 * or a number ("In 1823")? Names such as "De Wever" are followed by a
 * capital and do not count. */
int sent_starter_at(const struct splitter *sp, const char *t, size_t len,
                               const struct chunk *c)
{
	struct chunk n;
	if (char_case(t, c->s, c->e) != C_UPPER)
		return 0;
	int starter = sentence_in_list(&sp->starters, t + c->s, c->e - c->s, 1);
	/* a name particle ("Van", "Ter") starts a sentence before a lowercase
	 * word that is no particle: "Van oudsher", not "Van der Wal" */
	if ((!starter && !sentence_in_list(&sp->particles, t + c->s, c->e - c->s, 1)) ||
	    !sent_next_chunk(sp, t, len, c, &n))
		return 0;
	enum ccase k = char_case(t, n.s, n.e);
	if (!starter)
		return k == C_LOWER && !sentence_in_list(&sp->particles, t + n.s, n.e - n.s, 0);
	return k == C_LOWER || k == C_DIGIT ||
	       (k == C_UPPER && sent_verb_second(sp, t, len, c, &n));
}

/* Does chunk C end with a quote that can only close: '' ” » (or a straight
 * " that closes, DQ_WAS_OPEN), with no sentence mark before it? */
static int ends_in_closing_quote(const char *t, const struct chunk *c, int dq_was_open)
{
	size_t n = c->e - c->s;
	const unsigned char *e = (const unsigned char *)t + c->e;
	if (n >= 3 && e[-1] == '\'' && e[-2] == '\'')
		return 1;
	if (n >= 4 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0x9D)
		return 1;
	if (n >= 3 && e[-2] == 0xC2 && e[-1] == 0xBB)
		return 1;
	return n >= 2 && e[-1] == '"' && dq_was_open;
}

/* Does a sentence end with chunk C? Quote state: DQ_BEFORE before C, and
 * *DQ_OPEN / *SQ_OPEN after it (updated for closing quotes taken along).
 * *END gets the end of the sentence: C's end, or that of the closing quotes
 * standing alone after it. */
static int ends_sentence(const struct splitter *sp, const char *t, size_t len,
                         const struct chunk *c, int first, int dq_before,
                         int *dq_open, int *sq_open, size_t *end)
{
	*end = c->e;
	if (c->flags & (CH_PARA_END | CH_FORCED))
		return 1;
	size_t core = 0;
	int closed = 0;
	enum mark m = (c->flags & CH_MARK) ? sentence_mark(t, c->s, c->e, &core, &closed) : M_NONE;
	struct chunk n;
	if (m == M_NONE) {
		/* a quotation without final mark, then a new sentence: ... gras'' De ... */
		return (c->flags & (CH_DQUOTE | CH_SQUOTE)) &&
		       ends_in_closing_quote(t, c, dq_before) &&
		       sent_next_chunk(sp, t, len, c, &n) && sent_starter_at(sp, t, len, &n);
	}
	/* closing quotes standing alone after the mark stay with this sentence */
	struct chunk j = *c;
	while (!(j.flags & CH_FORCED) && sent_next_chunk(sp, t, len, &j, &n) &&
	       closes_sentence(t, &n, *dq_open, *sq_open)) {
		j = n;
		sent_track_quotes(t, &j, sp, dq_open, sq_open);
		closed = 1;
	}
	enum next_kind nk = sent_next_start(sp, t, len, &j);
	int split;
	if (nk == N_END) split = 1;
	else if (nk == N_CONT || nk == N_LOWER) split = 0;
	else if (m == M_STRONG) split = nk != N_OTHER;    /* "(in Arabisch: ???? / ..." */
	else if (m == M_ELLIPSIS) split = nk != N_DIGIT;
	else {
		enum word_kind wk = sentence_word_kind(&sp->abbr, &sp->abbr_final, t, c->s, core, first);
		if (closed && wk != W_NUMBER && wk != W_EMPTY) wk = W_WORD;
		switch (wk) {
		case W_ABBR:
			/* "... werd hij ten slotte prof. Daarna ...": before a
			 * capitalised function word (not an article, which may
			 * start a title) and a lowercase word */
			split = sent_next_chunk(sp, t, len, &j, &n) &&
			        !sentence_in_list(&sp->title_articles, t + n.s, n.e - n.s, 1) &&
			        sent_starter_at(sp, t, len, &n);
			break;
		case W_INITIALS:
			split = sent_next_chunk(sp, t, len, &j, &n) && sent_starter_at(sp, t, len, &n);
			break;
		case W_ABBR_FINAL: split = nk != N_DIGIT; break;
		case W_NUMBER:         /* "1. Eerste punt": a number first is a list marker */
			split = nk != N_DIGIT && !first;
			break;
		default: {
			/* "op di. 14 mrt.": an abbreviation only before a number */
			size_t ws = skip_openers(t, c->s, core);
			split = nk != N_DIGIT ||
			        !sentence_in_list(&sp->abbr_number, t + ws, core - ws, first);
			break;
		}
		}
	}
	if (split)
		*end = j.e;
	return split;
}

/* Is chunk C a list marker: one or two digits and a full stop ("2.")? */
static int list_marker(const char *t, const struct chunk *c)
{
	size_t n = c->e - c->s;
	return (n == 2 || n == 3) && t[c->e - 1] == '.' &&
	       t[c->s] >= '0' && t[c->s] <= '9' &&
	       (n == 2 || (t[c->s + 1] >= '0' && t[c->s + 1] <= '9'));
}

size_t sent_mark_chunk(struct scan *sc, size_t pos)
{
	struct chunk c, first;
	size_t end;
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, pos, &c))
		return pos + 1;
	if (sc->sent == NO_SENTENCE)
		sent_open(sc, c.s);
	/* a list run into one line, "1. Eerste punt 2. Tweede punt": the next
	 * marker starts the next item */
	if (c.s != sc->sent && list_marker(sc->t, &c) &&
	    sent_read_chunk(sc->sp, sc->t, sc->len, sc->sent, &first) && list_marker(sc->t, &first) &&
	    sent_next_start(sc->sp, sc->t, sc->len, &c) == N_UPPER) {
		size_t e = c.s, k;
		while ((k = sent_space_before((const unsigned char *)sc->t, e)) > 0)
			e -= k;
		sent_push(sc->sp, sc->sent, e);
		sent_open(sc, c.s);
		return c.e;
	}
	int dq_before = sc->dq_open;
	sent_track_quotes(sc->t, &c, sc->sp, &sc->dq_open, &sc->sq_open);
	if (!ends_sentence(sc->sp, sc->t, sc->len, &c, c.s == sc->sent, dq_before,
	                   &sc->dq_open, &sc->sq_open, &end))
		return c.e;
	sent_push(sc->sp, sc->sent, end);
	sc->sent = NO_SENTENCE;
	struct chunk n;
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, end, &n))
		return end;                   /* the paragraph ends here */
	if (c.flags & CH_FORCED) {
		sent_open(sc, n.s);
		return n.s;
	}
	return sent_begin(sc, n.s);
}
