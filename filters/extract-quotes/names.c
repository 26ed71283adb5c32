/* names.c — which capitalised words are names of people (see doc.h and
 * mentions.h): where a name starts and ends (particles, initials, titles
 * left out, an affiliation after "van" left off), when a capitalised word
 * is no name (a sentence's first word, an adjective of a people or a
 * place, a noun after an article), the entity hints of tag-entities that
 * decide a capitalised word opening a sentence, whether a name is a place,
 * and whether a quotation is in title case. The mentions that use them are
 * mentions.c's. Each question looks at a bounded number of tokens around
 * its own.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "mentions.h"
#include "wordclass.h"

static int ascii_letter_or_digit(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

int doc_known_free(const struct doc *d, size_t t)
{
	const struct qtoken *k = doc_tok(d, t);
	return doc_free_name(d, d->text + k->start, k->end - k->start);
}

/* A capitalised first name of `first-names.txt` at T, no noun. */
static int first_name_at(const struct doc *d, size_t t)
{
	return capitalised(d, t) && doc_is(d, t, LX_MALE | LX_FEMALE) && !doc_is(d, t, NOUN | LX_TITLE);
}

/* The word at T is a first name of `first-names.txt` (which lists none
 * that is a common word) or names someone the text has named in full
 * before ("Marloes" opening a sentence after "Marloes de Wit"): a name,
 * not a capitalised first word. */
static int known_person(struct doc *d, size_t t)
{
	const struct qtoken *k = doc_tok(d, t);
	char low[64];
	size_t n = k->end - k->start;
	if (n > sizeof low || doc_is(d, t, LX_FUNCTION | LX_TITLE))
		return 0;
	if (doc_is(d, t, LX_MALE | LX_FEMALE) && !doc_is(d, t, NOUN))
		return 1;
	wordclass_fold(d->text + k->start, n, low);
	return doc_person_by_key(d, wordclass_hash(low, n)) >= 0;
}

/* The capitalised word T stands between an article (not a name particle)
 * and a word in lower case, or has an adjective's ending and a word in
 * lower case after it: an adjective of a people or a place ("deze
 * Oostersche figuur", "een Hindoesch bediende", "van Oostersche weelde"),
 * not a name. */
int doc_capitalised_adjective(const struct doc *d, size_t t)
{
	const struct qtoken *n = tk(d, t + 1);
	int after_article = t > 0 && doc_is(d, t - 1, LX_DET) && !doc_is(d, t - 1, LX_PARTICLE) &&
	                    !(flags(d, t - 1) & TK_CAP);
	return (flags(d, t) & TK_CAP) && (after_article || doc_is(d, t, LX_ADJ)) &&
	       n && (n->flags & TK_WORD) && !(n->flags & (TK_CAP | TK_QUOTE)) &&
	       !doc_is(d, t + 1, LX_FUNCTION | LX_CUE | LX_CUE_SEP) && n->sent == tk(d, t)->sent;
}

/* Can T begin a name (capitalised, not a function word, title, cue)? */
int doc_name_word(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	if (!k || (k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) ||
	    (k->flags & (TK_HYPHEN_ROLE | TK_ROMAN | TK_ELISION | TK_NUMBER)) ||
	    k->end - k->start >= 64)
		return 0;
	uint32_t lex = doc_lex(d, t);
	if (lex & (LX_FUNCTION | LX_CUE | LX_TITLE | LX_PRONOUN | LX_CUE_SEP))
		return 0;
	if (lex & NOUN)
		return !capitalised(d, t + 1) && !doc_governed_by(d, t, LX_DET);
	return !doc_capitalised_adjective(d, t);
}

/* A capitalised word inside a name, after its first word or particles. */
static int inner_name_word(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	if (!k || (k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) ||
	    (k->flags & (TK_HYPHEN_ROLE | TK_ALLCAPS | TK_ROMAN | TK_SENT)) || k->end - k->start >= 64)
		return 0;
	/* a role before a name is no part of the one before it ("Europees
	 * Commissaris Mario Monti") */
	uint32_t lex = doc_lex(d, t);
	if ((lex & (LX_ROLE | LX_PERSON)) && capitalised(d, t + 1) && !doc_is(d, t + 1, LX_FUNCTION))
		return 0;
	/* a function word may be a surname ("Van der Meer", "Jan Wel") */
	return !(lex & (LX_CUE | LX_DET | LX_PREP | LX_PRONOUN | LX_TITLE | LX_CUE_SEP)) ||
	       (lex & LX_PARTICLE);
}

/* The entity hint covering byte B, or NULL. */
static const struct entity_hint *hint_at(struct doc *d, size_t b)
{
	while (d->hint_i < d->nhints && d->hints[d->hint_i].end <= b)
		d->hint_i++;
	if (d->hint_i < d->nhints && d->hints[d->hint_i].start <= b)
		return &d->hints[d->hint_i];
	return NULL;
}

/* After a name of two words or more, "van X" is an organisation or a
 * place it belongs to, not a part of the name, when X is an entity other
 * than a person, or two capitalised words or more, or holds an adjective
 * or a body ("Sophie Hermans van Economische Zaken"). */
static int belongs_to(struct doc *d, size_t p, size_t end)
{
	const struct entity_hint *h = hint_at(d, doc_tok(d, p)->start);
	if (h && !h->person)
		return 1;
	size_t caps = 0;
	for (size_t k = p; k < end && capitalised(d, k) && k < p + 4; k++) {
		if (doc_is(d, k, LX_ADJ | LX_ORG))
			return 1;
		caps++;
	}
	return caps >= 2;
}

/* A name's last token, from its word J (WORDS words so far): capitalised
 * words, or particles and a capitalised word, follow. */
static long extend_name(struct doc *d, size_t j, size_t words, size_t end)
{
	for (;;) {
		size_t p = j + 1;
		if (words >= MAX_NAME_WORDS)
			break;
		if (p < end && inner_name_word(d, p)) {
			j = p;
			words++;
			continue;
		}
		while (p < end && doc_is(d, p, LX_PARTICLE) && !capitalised(d, p) && p < j + 4)
			p++;
		/* "van" after a first name and a surname names what the
		 * person belongs to ("Harold Dumoulin van Adecco"); "van der"
		 * goes on to a surname */
		int affiliation = p == j + 2 && words >= 2 && doc_is(d, j + 1, LX_PREP) &&
		                  !(flags(d, j) & TK_INITIAL);
		/* tag-entities' hint that the word after "van" names no person
		 * parts a surname alone from it too ("woordvoerder Verstraete
		 * van Sidmar"); after a capitalised particle the surname
		 * follows, even one spelt like an adjective ("Dirk Van den
		 * Bossche") */
		const struct entity_hint *h = p > j + 1 && p < end ? hint_at(d, doc_tok(d, p)->start) : NULL;
		if (p > j + 1 && p < end && inner_name_word(d, p) && !affiliation &&
		    !(words >= 2 && !doc_is(d, j, LX_PARTICLE) && belongs_to(d, p, end)) &&
		    !(h && !h->person && doc_is(d, j + 1, LX_PREP))) {
			j = p;
			words++;
			continue;
		}
		break;
	}
	return (long)j;
}

/* A subject pronoun comes right after the verb at V (a word or two of
 * function words between): the word before V opened an inverted clause
 * ("Dan zei hij"); a name or an article there may be the object
 * ("Bakker voegde de stukken bij"). */
static int subject_after_verb(const struct doc *d, size_t v)
{
	for (size_t p = v + 1; p <= v + 3 && word(d, p); p++) {
		const struct qtoken *k = doc_tok(d, p);
		if (k->pron & PR_SUBJ)
			return 1;
		if (!(k->lex & LX_FUNCTION))
			return 0;
	}
	return 0;
}

/* A name whose first particle is written in lower case, as Dutch and
 * Flemish text write a surname without its first name ("zei van Dijk",
 * "volgens van der Meer", "ondervond ter Horst"), right after a reporting
 * verb or a cue phrase, where a particle and a capitalised word can be
 * nothing else; not an article ("zei de Waal" is read as a description,
 * which links to the person named with it), not a place ("sprak van
 * Brussel"). The last token of the name, or -1. */
static long lower_particle_name(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = tk(d, t);
	if (!k || (k->flags & (TK_WORD | TK_CAP)) != TK_WORD || !(k->lex & LX_PARTICLE) || t == 0 || !word(d, t - 1) ||
	    tk(d, t - 1)->sent != k->sent || !doc_is(d, t, LX_PARTICLE) || doc_is(d, t, LX_DET) ||
	    !doc_is(d, t - 1, LX_CUE | LX_CUE_SEP | LX_PHRASE))
		return -1;
	size_t p = t + 1;
	while (p < end && p < t + 4 && doc_is(d, p, LX_PARTICLE) && !capitalised(d, p))
		p++;
	if (p >= end || !inner_name_word(d, p) || doc_is(d, p, LX_ADJ | NOUN) || tk(d, p)->sent != k->sent)
		return -1;
	long j = extend_name(d, p, 1, end);
	return doc_place_name(d, t, (size_t)j) ? -1 : j;
}

/* The last token of a name starting at T, or -1; -2 when the next word
 * starts the name ("de Argentijn Guillermo Canas"). */
long doc_name_at(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = tk(d, t);
	long low = lower_particle_name(d, t, end);
	if (low != -1)
		return low;
	if (!k || (k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) ||
	    (k->flags & (TK_HYPHEN_ROLE | TK_ROMAN)))
		return -1;
	if (k->flags & TK_ALLCAPS) {
		/* an acronym speaks only next to a reporting verb or a colon
		 * ("de KNVB zegt", "aldus het OM", "NOS:") */
		int next = doc_punct(d, t + 1, ':') || doc_is(d, t + 1, LX_CUE);
		int prev = t > 0 && (doc_is(d, t - 1, LX_CUE) ||
		                     (t > 1 && doc_is(d, t - 1, LX_DET) && doc_is(d, t - 2, LX_CUE)));
		return next || prev ? (long)t : -1;
	}
	if (t > 0 && (flags(d, t - 1) & TK_ELISION) && word(d, t - 1))
		return -1;   /* 's Avonds */
	size_t j = t;
	int particle_start = 0;
	if (doc_is(d, t, LX_PARTICLE)) {
		/* Van de Roer, De Rooij, Van 't Klooster */
		size_t p = t + 1;
		while (p < end && doc_is(d, p, LX_PARTICLE) && !capitalised(d, p))
			p++;
		if (p >= end || !inner_name_word(d, p) || doc_is(d, p, LX_ADJ))
			return -1;   /* "De Israëlische ...": an article and an adjective */
		if (p == t + 1 && doc_is(d, t, LX_DET) && doc_sentence_initial(d, t) && !doc_known_free(d, p) &&
		    !doc_punct(d, p + 1, ':'))
			return -1;   /* "De Italianen": an article */
		if (doc_is(d, t, LX_DET) && doc_is(d, p, NOUN) && !doc_known_free(d, p) &&
		    (!capitalised(d, p) || doc_sentence_initial(d, t)))
			return -1;   /* "De bisschop"; but "zei De Graaf" is a name */
		j = p;
		particle_start = 1;
	} else if (!doc_name_word(d, t) || doc_is(d, t, LX_STOP)) {
		return -1;   /* "Te Amsterdam", "Toen" */
	} else if (doc_is(d, t, LX_ADJ) && (doc_governed_by(d, t, LX_DET) || (word(d, t + 1) && !capitalised(d, t + 1)))) {
		return -1;   /* de Franse krachtpatser; but "zei Louise." */
	} else if (doc_is(d, t + 1, LX_ROLE | LX_PERSON) && !(flags(d, t) & TK_INITIAL) &&
	           (!capitalised(d, t + 1) || capitalised(d, t + 2)) && !known_person(d, t)) {
		return -1;   /* "Joegoslavisch minister Matic", "Europees Commissaris
		                Monti": it qualifies the role; a first name does not
		                ("Bram wees naar", wees a noun too) */
	} else if ((t > 1 && capitalised(d, t + 1) && doc_is(d, t - 1, LX_PREP) && doc_is(d, t - 2, LX_ROLE) &&
	            first_name_at(d, t + 1) && !known_person(d, t)) ||
	           (word(d, t + 1) && !capitalised(d, t + 1) && capitalised(d, t + 2) && capitalised(d, t + 3) &&
	            doc_is(d, t + 1, LX_PREP) && doc_is(d, t, LX_ROLE) && first_name_at(d, t + 3))) {
		return -1;   /* "(Minister) van Volksgezondheid Frank Vandenbroucke": a
		                role, its portfolio, then a first name opens the
		                person's */
	} else if (t > 0 && capitalised(d, t - 1) && doc_is(d, t - 1, LX_ADJ) && !doc_is(d, t - 1, LX_TITLE)) {
		return -1;   /* "minister van Buitenlandse Zaken Louis Michel": the
		                name of a body, then the person's */
	}
	j = (size_t)extend_name(d, j, 1, end);
	if (particle_start)
		return (long)j;
	/* "de Argentijn Guillermo Canas": the word after an article is a noun */
	if (j > t && !(k->flags & TK_INITIAL) && t > 0 && doc_is(d, t - 1, LX_DET))
		return -2;
	int after_role = t > 0 && word(d, t - 1) &&
	                 ((flags(d, t - 1) & TK_HYPHEN_ROLE) || doc_is(d, t - 1, LX_TITLE) ||
	                  (!capitalised(d, t - 1) && doc_is(d, t - 1, NOUN)));
	if (j == t && !after_role) {
		if (doc_governed_by(d, t, LX_DET) && !doc_known_free(d, t))
			return -1;   /* de Rus, de mentaal onevenwichtige Rus */
		if (doc_sentence_initial(d, t) && !doc_known_free(d, t) && !known_person(d, t)) {
			int cue_next = doc_punct(d, t + 1, ':') ||
			               ((doc_is(d, t + 1, LX_CUE | LX_CUE_SEP)) && !subject_after_verb(d, t + 1));
			if (!cue_next)
				return -1;   /* a capitalised first word */
		}
	}
	if (doc_sentence_initial(d, t) && doc_is(d, t + 1, LX_CUE | LX_CUE_SEP) && subject_after_verb(d, t + 1) &&
	    j == t && !doc_known_free(d, t))
		return -1;   /* "Toen zei hij": an adverb opens the clause */
	return (long)j;
}

/* The name of tokens [A, B] is a place or an organisation: an entity
 * hint of another type than PER covers it, or the gazetteers list it. */
int doc_place_name(struct doc *d, size_t a, size_t b)
{
	const struct entity_hint *h = hint_at(d, doc_tok(d, a)->start);
	if (h)
		return !h->person;
	const struct qtoken *k = doc_tok(d, a);
	if (a == b && k->end - k->start < 64)
		return (k->lex & LX_PLACE) != 0;   /* one word: its own classes */
	char buf[128];
	size_t n = 0;
	for (size_t t = a; t <= b; t++) {
		const struct qtoken *k = doc_tok(d, t);
		size_t l = k->end - k->start;
		if (n + l + 1 > sizeof buf)
			return 0;
		if (t > a)
			buf[n++] = ' ';
		n += wordclass_fold(d->text + k->start, l, buf + n);
	}
	return (wordclass_get(d->lx->wc, buf, n) & LX_PLACE) != 0;
}

/* The entity hint starting at token T marks a person: the last token of
 * the name, or -1. Hints only decide where rules cannot (a capitalised
 * word opening a sentence). */
long doc_entity_name_at(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = doc_tok(d, t);
	const struct entity_hint *h = hint_at(d, k->start);
	if (!h || !h->person || h->start != k->start || !doc_sentence_initial(d, t))
		return -1;
	size_t j = t;
	while (j + 1 < end && doc_tok(d, j + 1)->end <= h->end)
		j++;
	for (size_t p = t; p <= j; p++)
		if (!capitalised(d, p) || doc_is(d, p, LX_FUNCTION | LX_CUE | LX_TITLE))
			return -1;
	return (long)j;
}

/* --- title case ------------------------------------------------------------ */

int doc_title_case(const struct doc *d, size_t start, size_t end)
{
	const char *s = d->text;
	size_t i = start;
	int first = 1;
	while (i < end) {
		while (i < end && (s[i] == ' ' || s[i] == '\n'))
			i++;
		size_t w = i;
		while (i < end && s[i] != ' ' && s[i] != '\n')
			i++;
		if (w == i)
			break;
		unsigned char c = (unsigned char)s[w];
		if (c < 0x80 && !ascii_letter_or_digit(c))
			continue;
		if (wordclass_is_upper(s + w, i - w)) {
			first = 0;
			continue;
		}
		if (first)
			return 0;
		size_t k = 0;
		char low[64];
		while (w + k < i && k < sizeof low && ascii_letter_or_digit((unsigned char)s[w + k]))
			k++;
		wordclass_fold(s + w, k, low);
		if (k == 0 || k == sizeof low ||
		    !(quotes_word_class(d->lx, low, k, 0) & (LX_FUNCTION | LX_PARTICLE)))
			return 0;
	}
	return !first;
}
