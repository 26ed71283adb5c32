/* sentence_heading.c — headings and captions that lost their line break:
 * text without final punctuation before a sentence on the same line (see
 * sentence_impl.h), taken off where a sentence begins (sent_begin).
 * Offsets are bytes. */
#include <string.h>

#include "sentence_impl.h"
#include "utf8.h"

/* Is chunk C only opening punctuation ("«", ",,", "(")? */
static int only_openers(const char *t, const struct chunk *c)
{
	return skip_openers(t, c->s, c->e) == c->e;
}

/* Same word, ignoring the case of the first letter (ASCII)? */
static int same_word(const char *t, const struct chunk *x, const struct chunk *y)
{
	size_t n = x->e - x->s;
	if (n != y->e - y->s || n == 0)
		return 0;
	char a = t[x->s], b = t[y->s];
	if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
	return a == b && memcmp(t + x->s + 1, t + y->s + 1, n - 1) == 0;
}

/* Is the word T[s, e) a role before a name: a word of nl/quotes-roles.txt
 * or one that ends in one ("oud-premier", "ploegleider")? */
static int role_word(const struct splitter *sp, const char *t, size_t s, size_t e)
{
	char buf[48];
	if (e - s >= sizeof buf)
		return 0;
	for (size_t i = s; i < e; i++)
		buf[i - s] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
	for (size_t k = 0; k + 3 <= e - s; k++)
		if (sentence_in_list(&sp->roles, buf + k, e - s - k, 0))
			return 1;
	return 0;
}

/* The end of chunk C's word without the marks and commas after it. */
static size_t bare_end(const char *t, const struct chunk *c)
{
	size_t e = c->e;
	while (e > c->s && punct_in(PUNCT_TRAIL, t[e - 1]))
		e--;
	return e;
}

/* Does a sentence with a name for subject start at chunk C, after the word
 * PREV of a heading: a capitalised article, a capitalised word, and a
 * finite verb within a few words ("Jeugdjaren De Morgan werd geboren")?
 * Dutch puts the verb second, so a word without a verb before such a
 * subject is no part of the sentence, unless it is part of the name: a
 * first name ("Bart De Wever") or a role ("Premier De Croo"). */
#define SUBJECT_MAX_WORDS 6
static int named_subject_at(const struct splitter *sp, const char *t, size_t len,
                            const struct chunk *c, const struct chunk *prev)
{
	struct chunk n;
	if (char_case(t, c->s, c->e) != C_UPPER ||
	    !sentence_in_list(&sp->title_articles, t + c->s, c->e - c->s, 1) ||
	    !sent_next_chunk(sp, t, len, c, &n) || char_case(t, n.s, n.e) != C_UPPER ||
	    sentence_in_list(&sp->first_names, t + prev->s, prev->e - prev->s, 0) ||
	    role_word(sp, t, prev->s, prev->e))
		return 0;
	for (int k = 0; k < SUBJECT_MAX_WORDS && sent_next_chunk(sp, t, len, &n, &n); k++) {
		size_t e = bare_end(t, &n);
		if (sentence_in_list(&sp->verbs, t + n.s, e - n.s, 0))
			return 1;
		if (e < n.e)
			return 0;
	}
	return 0;
}

/* Does a sentence with a bare name or noun for subject start at chunk C,
 * no STARTER (those have their rule), after the heading of H words from
 * chunk A to PREV: one capitalised word
 * and then a finite verb ("Ongedierte en ziektes Vee is vatbaar", "Azië
 * Japan had")? The heading must end in a lowercase word after two words
 * or more, or be a known place before a known place (the list has
 * adjectives of names too: "Nieuwe"): a capitalised word before a name may be
 * part of it ("Zeilster Carolijn Brouwer is", "krant El Pais zei"). After
 * a lowercase word the subject must be no known place, which would stand
 * in apposition ("Fietsenstalling bij station Zwolle wordt"); and no
 * word of the heading may be a first name or a role ("Minister van
 * Financiën Zalm was"). */
static int bare_subject_at(const struct splitter *sp, const char *t, size_t len,
                           const struct chunk *c, const struct chunk *a,
                           const struct chunk *prev, int h, int starter)
{
	struct chunk w;
	if (starter || char_case(t, c->s, c->e) != C_UPPER ||
	    (c->flags & (CH_PARA_END | CH_FORCED | CH_MARK)) ||
	    (h >= 2 && char_case(t, prev->s, prev->e) != C_LOWER) ||
	    !(unsigned char)t[c->e - 1] || punct_in(PUNCT_CLAUSE, t[c->e - 1]) ||
	    !(h >= 2 ? !sentence_in_list(&sp->places, t + c->s, c->e - c->s, 0)
	             : sentence_in_list(&sp->places, t + prev->s, prev->e - prev->s, 0) &&
	               sentence_in_list(&sp->places, t + c->s, c->e - c->s, 0)) ||
	    !sent_next_chunk(sp, t, len, c, &w))
		return 0;
	size_t e = bare_end(t, &w);
	if (char_case(t, w.s, e) != C_LOWER || !sentence_in_list(&sp->verbs, t + w.s, e - w.s, 0))
		return 0;
	for (struct chunk x = *a;; ) {
		if (sentence_in_list(&sp->first_names, t + x.s, x.e - x.s, 0) ||
		    role_word(sp, t, x.s, x.e))
			return 0;
		if (x.e >= prev->e || !sent_next_chunk(sp, t, len, &x, &x))
			break;
	}
	return 1;
}

#define V2_NAME_WORDS 3
int sent_verb_second(const struct splitter *sp, const char *t, size_t len,
                     const struct chunk *c, const struct chunk *n)
{
	if (sentence_in_list(&sp->title_articles, t + c->s, c->e - c->s, 1))
		return 0;                     /* "De Vries is": a name, as far as we know */
	struct chunk w = *n;
	for (int k = 0; k < V2_NAME_WORDS; k++) {
		if (w.flags & (CH_PARA_END | CH_FORCED | CH_MARK) ||
		    punct_in(PUNCT_CLAUSE, t[w.e - 1]) || !sent_next_chunk(sp, t, len, &w, &w))
			return 0;
		size_t e = bare_end(t, &w);
		if (char_case(t, w.s, e) == C_LOWER)
			return sentence_in_list(&sp->verbs, t + w.s, e - w.s, 0);
		if (char_case(t, w.s, e) != C_UPPER)
			return 0;
	}
	return 0;
}

static SENT_COLD size_t section_heading_at(const struct splitter *sp, const char *t, size_t len,
                                          size_t i, int min_words)
{
	struct chunk c, nx;
	const struct word_list *f = &sp->heading_first, *h = &sp->headings;
	size_t we = sent_word_end(sp, t, len, i);
	while (we < len && we - i < 64 && !space_len((const unsigned char *)t, we, len))
		we++;
	if (!sentence_in_list(f, t + i, we - i, 1) &&
	    (min_words > 1 || !sentence_in_list(h, t + i, we - i, 1)))
		return 0;
	if (!sent_read_chunk(sp, t, len, i, &c) || c.s != i || char_case(t, c.s, c.e) != C_UPPER)
		return 0;
	char buf[96];
	size_t n = 0, best = 0;
	for (int words = 1; words <= 4; words++) {
		if (n + (c.e - c.s) + 1 > sizeof buf)
			break;
		if (words > 1)
			buf[n++] = ' ';
		for (size_t j = c.s; j < c.e; j++)
			buf[n++] = (char)(t[j] >= 'A' && t[j] <= 'Z' ? t[j] - 'A' + 'a' : t[j]);
		if (words >= min_words && sentence_in_list(&sp->headings, buf, n, 0))
			best = c.e;
		if (!sent_next_chunk(sp, t, len, &c, &c))
			break;
	}
	/* then a capitalised word, a number, an opening quote or bracket, or a
	 * bullet */
	if (!best || !sent_read_chunk(sp, t, len, best, &nx) || nx.s == best)
		return 0;
	size_t s = skip_openers(t, nx.s, nx.e);
	if (s == nx.s && s < nx.e && char_case(t, s, nx.e) != C_UPPER &&
	    char_case(t, s, nx.e) != C_DIGIT && !line_units_bullet(t + s, nx.e - s))
		return 0;
	return best;
}

size_t sent_section_heading(const struct splitter *sp, const char *t, size_t len, size_t i,
                            int min_words)
{
	/* most words fail on their first byte or length, before a chunk is
	 * read; in the middle of a sentence only headings of two words or
	 * more count, whose first words are few */
	unsigned char b = (unsigned char)t[i];
	if (!sp->heading_first.first[b] && (min_words > 1 || !sp->headings.first[b]))
		return 0;
	return section_heading_at(sp, t, len, i, min_words);
}

/* A short heading glued before a sentence that starts with chunk A: chunks
 * A .. H-1 with no punctuation and no finite verb (nl/summary-verbs.txt),
 * the first capitalised and not a sentence starter, the last no function
 * word (nl/stopwords.txt); then at chunk H either a sentence starter
 * followed by a lowercase word, a subject with a name and its verb
 * (named_subject_at), or the heading's first or last word repeated (after
 * an optional starter: "Balkan De Balkan kwam ..."). Returns 1 with
 * *HEAD_END the end of chunk H-1 and *NEXT the start of chunk H. */
#define HEADING_MAX_WORDS 6

/* Can one of the HEADING_MAX_WORDS words after byte I start with a capital,
 * as the chunk H must? A quick look at the bytes: no when each of them
 * starts with an ASCII byte that is no capital, and no byte is beyond
 * ASCII (a capital or a space of its own); no too when a word ends in
 * , ; : . ? or ! before a space first (the heading walk stops at that
 * chunk: a mark or a comma). Sixteen bytes at a time where SSE2 is. */
static int capital_ahead(const char *text, size_t len, size_t i)
{
	const unsigned char *t = (const unsigned char *)text;
	int words = 0;
#if defined(__SSE2__) && defined(__GNUC__)
	for (; i + 17 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1));
		/* white space at byte K: ' ' or \t \n \v \f \r (9 to 13) */
		__m128i d = _mm_sub_epi8(x, _mm_set1_epi8(9));
		__m128i ws = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
		                          _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(4)), d));
		/* the byte after it a capital or beyond ASCII; above ' ' */
		__m128i dy = _mm_sub_epi8(y, _mm_set1_epi8('A'));
		unsigned cap = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		        _mm_cmpeq_epi8(_mm_min_epu8(dy, _mm_set1_epi8('Z' - 'A')), dy), y));
		unsigned low = (unsigned)_mm_movemask_epi8(
		        _mm_cmpeq_epi8(_mm_min_epu8(y, _mm_set1_epi8(' ')), y));
		/* , ; : . ? ! before ' ' */
		__m128i p = _mm_or_si128(
		        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')), _mm_cmpeq_epi8(x, _mm_set1_epi8(';'))),
		        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')), _mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
		p = _mm_or_si128(p, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('?')),
		                                 _mm_cmpeq_epi8(x, _mm_set1_epi8('!'))));
		unsigned stop = (unsigned)_mm_movemask_epi8(
		        _mm_and_si128(p, _mm_cmpeq_epi8(y, _mm_set1_epi8(' '))));
		unsigned s = (unsigned)_mm_movemask_epi8(ws);
		unsigned yes = (unsigned)_mm_movemask_epi8(x) | (s & cap);
		unsigned cnt = s & ~cap & ~low;
		unsigned first = yes | stop;
		unsigned before = first ? cnt & ((1u << __builtin_ctz(first)) - 1) : cnt;
		if (words + mask16_count(before) >= HEADING_MAX_WORDS)
			return 0;
		if (first)
			return (yes & first & -first) != 0;
		words += mask16_count(cnt);
	}
#endif
	for (; i < len; i++) {
		if (t[i] >= 0x80)
			return 1;
		if ((t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r' ||
		     t[i] == '\f' || t[i] == '\v') && i + 1 < len) {
			unsigned char b = t[i + 1];
			if ((b >= 'A' && b <= 'Z') || b >= 0x80)
				return 1;
			if (b > ' ' && ++words == HEADING_MAX_WORDS)
				return 0;
		}
		if (t[i] && punct_in(PUNCT_TRAIL, (char)t[i]) && i + 1 < len && t[i + 1] == ' ')
			return 0;   /* the set the heading walk trims; NUL is no mark here */
	}
	return 0;
}

int sent_glued_heading(const struct splitter *sp, const char *t, size_t len,
                         const struct chunk *a, size_t *head_end, size_t *next)
{
	size_t s = skip_openers(t, a->s, a->e);
	if (s >= a->e || char_case(t, s, a->e) != C_UPPER ||
	    sentence_in_list(&sp->starters, t + s, a->e - s, 1) ||   /* also after "„(" */
	    !capital_ahead(t, len, a->e))
		return 0;
	struct chunk c = *a, prev = *a;
	for (int h = 0; h <= HEADING_MAX_WORDS; h++) {
		/* every way to end the heading before chunk C needs C capitalised */
		if (h > 0 && char_case(t, c.s, c.e) == C_UPPER && !only_openers(t, &prev) &&
		    !sentence_in_list(&sp->title_nouns, t + prev.s, prev.e - prev.s, 0)) {
			int starter = sentence_in_list(&sp->starters, t + c.s, c.e - c.s, 1);
			struct chunk r = c;
			if (starter && !sent_next_chunk(sp, t, len, &c, &r))
				r = c;
			int repeat = 0;
			if (char_case(t, r.s, r.e) == C_UPPER) {
				char z = t[r.e - 1];  /* "Pluimvee Pluimvee, waartoe ..." */
				if (r.e > r.s + 1 && (z == ',' || z == ';' || z == ':'))
					r.e--;
				repeat = same_word(t, &r, a) || same_word(t, &r, &prev);
			}
			if (repeat || sent_starter_at(sp, t, len, &c) ||
			    named_subject_at(sp, t, len, &c, &prev) ||
			    bare_subject_at(sp, t, len, &c, a, &prev, h, starter)) {
				/* a heading has no finite verb and does not end in
				 * a function word ("Koen De Graeve speelde in De
				 * helaasheid ...") */
				if (sentence_in_list(&sp->stopwords, t + prev.s, prev.e - prev.s, 0))
					return 0;
				for (struct chunk w = *a;; ) {
					if (sentence_in_list(&sp->verbs, t + w.s, w.e - w.s, 1))
						return 0;
					if (w.e >= prev.e || !sent_next_chunk(sp, t, len, &w, &w))
						break;
				}
				*head_end = prev.e;
				*next = c.s;
				return 1;
			}
		}
		size_t core;
		int closed;
		if ((c.flags & (CH_PARA_END | CH_FORCED)) ||
		    sentence_mark(t, c.s, c.e, &core, &closed) != M_NONE)
			return 0;
		size_t e = skip_closers(t, c.s, c.e);
		if (e == c.s || t[c.s] == '(' || t[c.s] == '[' ||
		    (e < c.e && (t[e] == ')' || t[e] == ']')))
			return 0;                     /* brackets belong to a sentence */
		unsigned char b = (unsigned char)t[e - 1];
		if (b == ',' || b == ';' || b == ':')
			return 0;
		prev = c;
		if (!sent_next_chunk(sp, t, len, &prev, &c))
			return 0;
	}
	return 0;
}

/* A sentence that starts without a mark before it: at byte I a capitalised
 * sentence starter after a lowercase word, followed by a lowercase word
 * ("... kan rijst worden verbouwd In een tropisch klimaat ..."). Dutch
 * capitalises these words only at a sentence start, so the text before
 * was a heading or caption that lost its line break; articles are left out,
 * as titles start with them ("het boek De avonden"), and so is the word
 * after a noun that introduces a title ("het programma Wie is de Mol").
 * Ends the current
 * sentence (of two words or more) before I and returns 1 when so. */
static SENT_COLD int starts_mid_at(struct scan *sc, size_t i)
{
	const char *t = sc->t;
	/* a word without marks or quotes is the chunk read at I: most are no
	 * sentence starter nor name particle, which sent_starter_at needs */
	size_t we = sent_word_end(sc->sp, t, sc->len, i);
	if ((we == sc->len || t[we] == ' ' || t[we] == '\n') &&
	    !sentence_in_list(&sc->sp->starters, t + i, we - i, 1) &&
	    !sentence_in_list(&sc->sp->particles, t + i, we - i, 1))
		return 0;
	size_t ps = i - 1;            /* start of the word before */
	while (ps > sc->sent && !sent_space_before((const unsigned char *)t, ps))
		ps--;
	struct chunk c;
	if (ps <= sc->sent || !sent_read_chunk(sc->sp, t, sc->len, i, &c) ||
	    sentence_in_list(&sc->sp->title_nouns, t + ps, i - 1 - ps, 0) ||
	    sentence_in_list(&sc->sp->title_articles, t + c.s, c.e - c.s, 1) ||
	    !sent_starter_at(sc->sp, t, sc->len, &c))
		return 0;                 /* not "het boek De avonden" */
	sent_push(sc->sp, sc->sent, i - 1);
	sc->sent = NO_SENTENCE;
	return 1;
}

/* sent_starts_mid: its quick rejections (most capitals follow no
 * lowercase word), then starts_mid_at. */
int sent_starts_mid(struct scan *sc, size_t i)
{
	const char *t = sc->t;
	if (sc->sent == NO_SENTENCE || i < 2 || t[i - 1] != ' ' || sc->sent + 1 >= i ||
	    char_case(t, prev_char(t, i - 1), i - 1) != C_LOWER)
		return 0;
	return starts_mid_at(sc, i);
}

/* A sentence starts at chunk start POS (a paragraph start or after a
 * sentence end): take a glued heading off first. Returns where scanning
 * goes on. */
size_t sent_begin(struct scan *sc, size_t pos)
{
	struct chunk a;
	size_t head_end, next;
	sent_open(sc, pos);
	/* a known section heading ("Externe links"), twice at most: "Zie ook
	 * Externe links" */
	for (int k = 0; k < 2 && (head_end = sent_section_heading(sc->sp, sc->t, sc->len, pos, 1)) > 0; k++) {
		if (!sent_read_chunk(sc->sp, sc->t, sc->len, head_end, &a))
			return pos;
		sent_push(sc->sp, pos, head_end);
		pos = a.s;
		sent_open(sc, pos);
	}
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, pos, &a) ||
	    !sent_glued_heading(sc->sp, sc->t, sc->len, &a, &head_end, &next))
		return pos;
	sent_push(sc->sp, pos, head_end);
	/* the heading's quotes count too: Geen 'gamechanger' */
	for (struct chunk c = a; c.s < head_end;) {
		sent_track_quotes(sc->t, &c, sc->sp, &sc->dq_open, &sc->sq_open);
		if (!sent_next_chunk(sc->sp, sc->t, sc->len, &c, &c)) break;
	}
	sent_open(sc, next);
	return next;
}
