/* sentence_lists.c — lists whose line breaks were lost: runs of capitalised
 * names without punctuation between them (see sentence_impl.h).
 *
 *   - places: three or more known place names in a row (nl/gazetteer-loc*.txt,
 *     names of up to three words) are a list, one item each, and the list
 *     ends after the last of them ("Antwerpen Limburg Oost-Vlaanderen");
 *   - people: a run of capitalised words (name particles allowed) in which
 *     a first name (nl/first-names.txt) follows a surname at least three
 *     times is a list of names, split before each such first name ("Kris
 *     Van Dijck Mark Demesmaeker Bart De Wever ...").
 * No Dutch sentence puts three names in a row without punctuation, so both
 * hold outside lists too. A run is read once, from its first word, and is
 * at most RUN_MAX words long: the time stays linear. Offsets are bytes.
 */
#include <string.h>

#include "lang.h"
#include "sentence_impl.h"

#define RUN_MAX 48
#define PLACE_MAX_WORDS 3

struct run {
	size_t s[RUN_MAX], e[RUN_MAX];   /* the words, trailing punctuation off */
	int n;
};

/* Is the chunk C a word of a name: capitalised letters (hyphens and
 * apostrophes allowed), or a name particle? *LAST is set when punctuation
 * after it ends the run. */
static int name_word(const struct splitter *sp, const char *t, const struct chunk *c,
                     size_t *e, int *last)
{
	size_t end = c->e;
	*last = 0;
	while (end > c->s && punct_in(PUNCT_NAME_END, t[end - 1])) {
		end--;
		*last = 1;
	}
	if (end == c->s)
		return 0;
	if (sentence_in_list(&sp->particles, t + c->s, end - c->s, 1)) {
		*e = end;
		return !*last;
	}
	if (char_case(t, c->s, end) != C_UPPER)
		return 0;
	for (size_t i = c->s; i < end; i++) {
		unsigned char b = (unsigned char)t[i];
		if (b < 0x80 && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z') && b != '-' && b != '\'')
			return 0;
	}
	*e = end;
	return 1;
}

/* Read the run of name words that starts with chunk C. */
static void read_run(const struct splitter *sp, const char *t, size_t len, struct chunk c,
                     struct run *r)
{
	r->n = 0;
	for (;;) {
		size_t e;
		int last;
		if (!name_word(sp, t, &c, &e, &last))
			return;
		r->s[r->n] = c.s;
		r->e[r->n] = e;
		r->n++;
		if (last || r->n == RUN_MAX || !sent_next_chunk(sp, t, len, &c, &c))
			return;
	}
}

/* Words of the known place that starts at word K of R, or 0. */
static int place_at(const struct splitter *sp, const char *t, const struct run *r, int k)
{
	for (int m = PLACE_MAX_WORDS; m >= 1; m--) {
		if (k + m > r->n)
			continue;
		size_t s = r->s[k], e = r->e[k + m - 1];
		int plain = 1;       /* one space between the words */
		for (int j = k; j + 1 < k + m; j++)
			plain &= r->s[j + 1] == r->e[j] + 1 && t[r->e[j]] == ' ';
		if (plain && e - s <= 64 && sentence_in_list(&sp->places, t + s, e - s, 0))
			return m;
	}
	return 0;
}

/* Split before byte AT when it is past the sentence's start. */
static void split_at(struct scan *sc, size_t at)
{
	if (sc->sent != NO_SENTENCE && at > sc->sent) {
		sent_end_at(sc, at);
		sent_open(sc, at);
	}
}

/* Places in a row: returns 1 when a list of three or more was split. */
static int place_list(struct scan *sc, const struct run *r)
{
	int done = 0;
	for (int k = 0; k < r->n;) {
		int starts[RUN_MAX], n = 0, j = k, m;
		while (j < r->n && (m = place_at(sc->sp, sc->t, r, j)) > 0) {
			starts[n++] = j;
			j += m;
		}
		if (n >= 3) {
			for (int i = 0; i < n; i++)
				split_at(sc, r->s[starts[i]]);
			if (j < r->n)
				split_at(sc, r->s[j]);
			done = 1;
		}
		k = j > k ? j : k + 1;
	}
	return done;
}

/* People in a row: returns 1 when a list was split. */
static int name_list(struct scan *sc, const struct run *r)
{
	const struct splitter *sp = sc->sp;
	const char *t = sc->t;
	int at[RUN_MAX], n = 0;
	for (int k = 1; k < r->n; k++) {
		size_t ps = r->s[k - 1], pe = r->e[k - 1];
		if (sentence_in_list(&sp->first_names, t + r->s[k], r->e[k] - r->s[k], 0) &&
		    !sentence_in_list(&sp->first_names, t + ps, pe - ps, 0) &&
		    !sentence_in_list(&sp->particles, t + ps, pe - ps, 1))
			at[n++] = k;
	}
	if (n < 3)
		return 0;
	for (int i = 0; i < n; i++)
		split_at(sc, r->s[at[i]]);
	return 1;
}

/* sent_name_run past its quick look: the run read and split. */
static SENT_COLD int name_run_at(struct scan *sc, size_t i)
{
	const char *t = sc->t;
	struct chunk c;
	if (!sent_read_chunk(sc->sp, t, sc->len, i, &c))
		return 0;
	struct run r;
	read_run(sc->sp, t, sc->len, c, &r);
	if (r.n < 3)
		return 0;
	sc->run_end = r.e[r.n - 1];
	return place_list(sc, &r) | name_list(sc, &r);
}

int sent_name_run(struct scan *sc, size_t i)
{
	const char *t = sc->t;
	if (i < sc->run_end || sc->sent == NO_SENTENCE ||
	    (i > 0 && !sent_space_before((const unsigned char *)t, i)))
		return 0;
	/* the next two words must start with a capital (or be a short name
	 * particle): a quick look first, in a frame of its own, as most
	 * capitals fail it */
	size_t k = i;
	for (int w = 0; w < 2; w++) {
		k = space_in(t, k, sc->len - k < 64 ? sc->len - k : 64, sc->len);
		if (k == (size_t)-1)
			return 0;
		if (k + 1 >= sc->len)
			return 0;
		unsigned char b = (unsigned char)t[++k];
		if (!((b >= 'A' && b <= 'Z') || b >= 0xC3 ||
		      (w == 1 && b >= 'a' && b <= 'z' && k + 3 < sc->len &&
		       (t[k + 2] == ' ' || t[k + 3] == ' ')))) {
			if (w == 1)
				sc->run_end = k;   /* the next word fails the same way */
			return 0;
		}
	}
	return name_run_at(sc, i);
}
