/* sentence_rows.c — key: value rows run together on one line
 * ("Inwoners: 52.000 Oppervlakte: 12 km²", "2007: 21 februari 2008: 6
 * februari"): a second key with as many words as the first, after a value
 * without a finite verb, starts a row, and so does the first. Called by
 * sentence_layout.c at each colon that may end a key. Offsets are bytes;
 * each key is looked for over a bounded stretch before its colon.
 */
#include "sentence_impl.h"

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
		size_t s = sent_word_start(t, e, sc->sent), k;
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
		size_t b = sent_before_space(t, s);
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
		size_t s = sent_word_start(t, e, sc->sent);
		if (s == e || e - s > 64 || char_case(t, s, e) != C_UPPER)
			break;
		ws[n] = s;
		we[n++] = e;
		size_t b = sent_before_space(t, s);
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
		while (w < e && !sent_is_space_at(t, w, e))
			w++;
		size_t a = skip_openers(t, s, w), b = w;
		while (b > a && punct_in(PUNCT_CLOSING, t[b - 1]))
			b--;
		if (b > a && sentence_in_list(&sp->verbs, t + a, b - a, 0))
			return 1;
		s = w;
		while (s < e && sent_is_space_at(t, s, e))
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
		sent_split_before(sc, s1);
	sent_split_before(sc, s2);
	sc->key_start = i;
	sc->key_words = k;
	sc->key_row = 1;
	return 1;
}

/* A colon that ends a key, at byte I: rows run together split before each
 * key once a second one with as many words is seen. */
int sent_key_colon(struct scan *sc, size_t i)
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
