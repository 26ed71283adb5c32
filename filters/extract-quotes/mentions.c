/* mentions.c — names, pronouns and descriptions among the tokens of the
 * window (see doc.h); the people they name are people.c's. Every rule looks
 * at a bounded number of tokens around its own, so a block costs time
 * linear in its tokens.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "wordclass.h"


static int ascii_letter_or_digit(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static const struct qtoken *tk(const struct doc *d, size_t t)
{
	return doc_has(d, t) ? doc_tok(d, t) : NULL;
}

static uint32_t flags(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	return k ? k->flags : 0;
}

static int word(const struct doc *d, size_t t)
{
	return (flags(d, t) & TK_WORD) != 0;
}

static int capitalised(const struct doc *d, size_t t)
{
	return (flags(d, t) & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP);
}

/* Scanning back from T over adjectives, numbers and roles (at most four
 * words) reaches a word of class KIND (an article, a preposition). */
static int governed_by(const struct doc *d, size_t t, uint32_t kind)
{
	int content = 0, after_e = 0;
	for (int k = 0; k < 5 && t > (size_t)k; k++) {
		size_t p = t - 1 - (size_t)k;
		const struct qtoken *pt = tk(d, p);
		if (!pt || !(pt->flags & TK_WORD))
			return 0;
		if (doc_is(d, p, kind))
			return 1;
		if (kind != LX_DET && doc_is(d, p, LX_DET) && !(pt->flags & TK_SENT))
			continue;   /* "tegen de Spaanse krant El Pais" */
		if (doc_is(d, p, LX_FUNCTION) || (pt->flags & TK_SENT))
			return 0;
		if (!(pt->flags & TK_CAP) && !doc_is(d, p, LX_ROLE | LX_PERSON) &&
		    ++content > (kind == LX_DET ? 2 : 1))
			return 0;   /* "... koers had Van Alebeek": a verb */
		if (kind == LX_DET && !(pt->flags & TK_CAP)) {
			/* between an article and its noun: adjectives in -e and an
			 * adverb before one; not a verb ("Dat zei Kok") */
			int e = d->text[pt->end - 1] == 'e';
			if (!e && !after_e && !doc_is(d, p, LX_ROLE | LX_PERSON))
				return 0;
			after_e = e;
		}
		if ((pt->flags & TK_CAP) && !(pt->flags & TK_HYPHEN_ROLE) && !doc_is(d, p, LX_ADJ))
			return 0;
	}
	return 0;
}

static int sentence_initial(const struct doc *d, size_t t)
{
	uint32_t f = flags(d, t);
	if (f & TK_SENT)
		return 1;
	if (t == 0)
		return 1;
	uint32_t pf = flags(d, t - 1);
	if (pf & (TK_QUOTE | TK_DASH))
		return 1;
	/* "'s Avonds": the word after a leading elision */
	return (pf & (TK_SENT | TK_ELISION)) == (TK_SENT | TK_ELISION);
}

static int known_free(const struct doc *d, size_t t)
{
	const struct qtoken *k = doc_tok(d, t);
	return doc_free_name(d, d->text + k->start, k->end - k->start);
}

/* Nouns (roles, persons, groups, bodies): a capitalised one is a name
 * only without an article before it and without a name after it ("zei
 * Bakker", not "de Bakker", not "Minister Bos"). */
static const uint32_t NOUN = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;

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
static int capitalised_adjective(const struct doc *d, size_t t)
{
	const struct qtoken *n = tk(d, t + 1);
	int after_article = t > 0 && doc_is(d, t - 1, LX_DET) && !doc_is(d, t - 1, LX_PARTICLE) &&
	                    !(flags(d, t - 1) & TK_CAP);
	return (flags(d, t) & TK_CAP) && (after_article || doc_is(d, t, LX_ADJ)) &&
	       n && (n->flags & TK_WORD) && !(n->flags & (TK_CAP | TK_QUOTE)) &&
	       !doc_is(d, t + 1, LX_FUNCTION | LX_CUE | LX_CUE_SEP) && n->sent == tk(d, t)->sent;
}

/* Can T begin a name (capitalised, not a function word, title, cue)? */
static int name_word(const struct doc *d, size_t t)
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
		return !capitalised(d, t + 1) && !governed_by(d, t, LX_DET);
	return !capitalised_adjective(d, t);
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

/* The last token of a name starting at T, or -1; -2 when the next word
 * starts the name ("de Argentijn Guillermo Canas"). */
static long name_at(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = tk(d, t);
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
		if (p == t + 1 && doc_is(d, t, LX_DET) && sentence_initial(d, t) && !known_free(d, p) &&
		    !doc_punct(d, p + 1, ':'))
			return -1;   /* "De Italianen": an article */
		if (doc_is(d, t, LX_DET) && doc_is(d, p, NOUN) && !known_free(d, p) &&
		    (!capitalised(d, p) || sentence_initial(d, t)))
			return -1;   /* "De bisschop"; but "zei De Graaf" is a name */
		j = p;
		particle_start = 1;
	} else if (!name_word(d, t) || doc_is(d, t, LX_STOP)) {
		return -1;   /* "Te Amsterdam", "Toen" */
	} else if (doc_is(d, t, LX_ADJ) && (governed_by(d, t, LX_DET) || (word(d, t + 1) && !capitalised(d, t + 1)))) {
		return -1;   /* de Franse krachtpatser; but "zei Louise." */
	} else if (doc_is(d, t + 1, LX_ROLE | LX_PERSON) && !(flags(d, t) & TK_INITIAL) &&
	           (!capitalised(d, t + 1) || capitalised(d, t + 2))) {
		return -1;   /* "Joegoslavisch minister Matic", "Europees Commissaris
		                Monti": it qualifies the role */
	} else if (t > 0 && capitalised(d, t - 1) && doc_is(d, t - 1, LX_ADJ) && !doc_is(d, t - 1, LX_TITLE)) {
		return -1;   /* "minister van Buitenlandse Zaken Louis Michel": the
		                name of a body, then the person's */
	}
	/* extend: capitalised words, or particles and a capitalised word */
	size_t words = 1;
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
		if (p > j + 1 && p < end && inner_name_word(d, p) && !affiliation &&
		    !(words >= 2 && belongs_to(d, p, end))) {
			j = p;
			words++;
			continue;
		}
		break;
	}
	if (particle_start)
		return (long)j;
	/* "de Argentijn Guillermo Canas": the word after an article is a noun */
	if (j > t && !(k->flags & TK_INITIAL) && t > 0 && doc_is(d, t - 1, LX_DET))
		return -2;
	int after_role = t > 0 && word(d, t - 1) &&
	                 ((flags(d, t - 1) & TK_HYPHEN_ROLE) || doc_is(d, t - 1, LX_TITLE) ||
	                  (!capitalised(d, t - 1) && doc_is(d, t - 1, NOUN)));
	if (j == t && !after_role) {
		if (governed_by(d, t, LX_DET) && !known_free(d, t))
			return -1;   /* de Rus, de mentaal onevenwichtige Rus */
		if (sentence_initial(d, t) && !known_free(d, t) && !known_person(d, t)) {
			int cue_next = doc_punct(d, t + 1, ':') ||
			               ((doc_is(d, t + 1, LX_CUE | LX_CUE_SEP)) && !subject_after_verb(d, t + 1));
			if (!cue_next)
				return -1;   /* a capitalised first word */
		}
	}
	if (sentence_initial(d, t) && doc_is(d, t + 1, LX_CUE | LX_CUE_SEP) && subject_after_verb(d, t + 1) &&
	    j == t && !known_free(d, t))
		return -1;   /* "Toen zei hij": an adverb opens the clause */
	return (long)j;
}

/* --- mentions ------------------------------------------------------------ */

/* A subject-like mention starts between the clause's start and token T:
 * then the mention at T is an object or the like ("Eva Smit belde haar
 * aanvoerder"). */
static int clause_has_subject(const struct doc *d, size_t t)
{
	for (size_t p = t; p-- > 0 && p + 12 >= t;) {
		const struct qtoken *k = tk(d, p);
		if (!k || ((k->flags & (TK_QUOTE | TK_PUNCT)) && !(k->flags & TK_DASH)) || (k->lex & LX_SUB))
			return 0;
		if (k->mention >= 0 && (size_t)k->mention >= d->men_base &&
		    doc_men(d, (size_t)k->mention)->subject)
			return 1;
		if (k->flags & TK_SENT)
			return 0;
	}
	return 0;
}

static int push_mention(struct doc *d, size_t first, size_t last, enum mention_type type)
{
	if (grow_array((void **)&d->men, &d->mencap, d->nmen + 1, sizeof *d->men) < 0)
		return -1;
	struct mention *m = &d->men[d->nmen++];
	*m = (struct mention){ .first = (int32_t)first, .last = (int32_t)last,
	                       .name_first = (int32_t)first, .type = type, .subject = 1,
	                       .person = -1 };
	doc_tok(d, first)->mention = (int32_t)(d->men_base + d->nmen - 1);
	return 0;
}

/* Token T stands in a subordinate clause: a subordinating conjunction
 * comes before it in its clause (at most 12 tokens back). */
static int subordinate(const struct doc *d, size_t t)
{
	for (size_t p = t; p-- > 0 && p + 12 >= t;) {
		const struct qtoken *k = tk(d, p);
		if (!k || ((k->flags & (TK_QUOTE | TK_PUNCT)) && !(k->flags & TK_DASH)))
			return 0;
		if (k->lex & LX_SUB)
			return 1;
		if (k->flags & TK_SENT)
			return 0;
	}
	return 0;
}

/* Token P of a description starting at the indefinite article T is a comma
 * between adjectives ("een klein, donker uitziend, levendig man"): one
 * lower-case word before it (not the article), one after it, at most three
 * such commas. The head must then be a listed noun for a person. */
static int commas_between_adjectives(const struct doc *d, size_t t, size_t p, size_t commas)
{
	if (commas >= 3 || p < t + 2 || !doc_punct(d, p, ',') || doc_is(d, t, LX_DEFINITE | LX_POSSESSIVE))
		return 0;
	const struct qtoken *b = tk(d, p - 1), *a = tk(d, p + 1);
	return b && a && (b->flags & TK_WORD) && (a->flags & TK_WORD) && !(b->flags & TK_CAP) &&
	       !(a->flags & TK_CAP) && !(doc_lex(d, p - 1) & (LX_FUNCTION | NOUN)) &&
	       !(doc_lex(d, p + 1) & LX_FUNCTION) && a->sent == b->sent;
}

/* The head noun of a description starting at the determiner T: up to
 * three words later, a role, person, group or body noun; after a reporting
 * verb, or before one at the start of a clause, any noun that ends the
 * phrase ("zei de buurvrouw", "De buurman zei"). Returns the head token or
 * -1. */
static long description_at(struct doc *d, size_t t, size_t end)
{
	if (!doc_is(d, t, LX_DET))
		return -1;
	/* a capitalised article inside a sentence starts a surname ("zei De
	 * Graaf", "volgens De Vries"), not a description */
	if ((flags(d, t) & TK_CAP) && !sentence_initial(d, t))
		return -1;
	int after_cue = t > 0 && doc_is(d, t - 1, LX_CUE | LX_CUE_SEP);
	size_t commas = 0;
	for (size_t p = t + 1; p < end && p <= t + 4 + 2 * commas; p++) {
		const struct qtoken *k = doc_tok(d, p);
		if (commas_between_adjectives(d, t, p, commas)) {
			commas++;
			continue;
		}
		if (!(k->flags & TK_WORD) || (k->flags & TK_QUOTE))
			return -1;
		uint32_t lex = doc_lex(d, p);
		if ((lex & NOUN) && (!(k->flags & TK_CAP) || (k->flags & TK_HYPHEN_ROLE) ||
		                     (lex & (LX_PERSON | LX_GROUP)))) {
			if (p + 1 < end && name_word(d, p + 1))
				return -1;   /* "de president Biden": the name is the mention */
			if (commas && !(lex & (LX_PERSON | LX_ROLE)))
				return -1;
			return (long)p;
		}
		if (commas)
			continue;   /* another adjective of the row */
		if (doc_is(d, p, LX_FUNCTION | LX_DET))
			return -1;   /* "dat de bisschop": the article starts it */
		/* the noun ends the phrase: punctuation, a quotation, a
		 * preposition or the reporting verb follow; only adjectives
		 * (in -e) stand between it and the article */
		const struct qtoken *n = tk(d, p + 1);
		int ends = !n || (n->flags & (TK_PUNCT | TK_QUOTE)) || (n->lex & LX_PREP) ||
		           (n->lex & (LX_CUE | LX_CUE_SEP));
		int before_cue = n && (n->lex & (LX_CUE | LX_CUE_SEP)) && sentence_initial(d, t);
		/* a capitalised word after the article is a noun only after the
		 * verb ("zei de Belg"): before it, it names a paper or a club
		 * ("De Telegraaf meldt") */
		/* after the verb and a definite article, a capitalised word that
		 * ends the phrase is a noun too ("zei de 30-jarige Fries"); after
		 * an indefinite one, a name ("schreef een zekere Chalux") */
		int cap_ok = !(k->flags & TK_CAP) ||
		             (after_cue && doc_is(d, t, LX_DEFINITE) && !(flags(d, t) & TK_CAP) &&
		              !(k->flags & TK_ALLCAPS));
		/* a noun of our lists only after a neuter or possessive article
		 * ("het meisje", "haar coach") */
		/* nor after a quantifier: a count of a noun we do not know
		 * is how often or how long ("zei enkele malen", "riep twee
		 * keer"), not who; a listed plural ("enkele bewoners") is a
		 * speaker by the branch above */
		int det_ok = !doc_is(d, t, LX_NEUTER | LX_POSSESSIVE | LX_PLURAL_DET);
		if (ends && (after_cue || before_cue) && cap_ok && det_ok && !doc_is(d, p, LX_ADJ | LX_PARTICLE) &&
		    !known_free(d, p) && !(k->flags & TK_NUMBER) && k->end - k->start > 2)
			return (long)p;
		if (!doc_is(d, p, LX_ADJ) && d->text[k->end - 1] != 'e' && !(k->flags & TK_NUMBER) &&
		    !commas_between_adjectives(d, t, p + 1, commas) && !capitalised_adjective(d, p))
			return -1;   /* not an adjective: no noun phrase of ours */
	}
	return -1;
}

/* A noun phrase headed by a word for someone: "iemand (uit het publiek)". */
static int someone_at(const struct doc *d, size_t t)
{
	return doc_is(d, t, LX_SOMEONE);
}

/* A description's number: a plural determiner, a group noun, or a plural
 * form of a listed noun ("de agenten": agent). */
static int plural_description(const struct doc *d, size_t first, size_t head)
{
	if (doc_is(d, first, LX_PLURAL_DET) || doc_is(d, head, LX_PLURAL))
		return 1;
	if (doc_is(d, head, LX_PERSON | LX_GROUP | LX_ORG))
		return 0;   /* listed, and not as a plural */
	const struct qtoken *k = doc_tok(d, head);
	size_t n = k->end - k->start;
	char low[64];
	if (n < 4 || n >= sizeof low)
		return 0;
	wordclass_fold(d->text + k->start, n, low);
	size_t cut = low[n - 1] == 's' ? 1 : (low[n - 2] == 'e' && low[n - 1] == 'n') ? 2 : 0;
	if (!cut)
		return 0;
	if (doc_is(d, first, LX_NEUTER))
		return 0;   /* "het": a singular */
	uint32_t stem = quotes_word_class(d->lx, low, n - cut, 0);
	return (stem & NOUN) != 0 && !(doc_lex(d, head) & NOUN);
}

/* Token T is the preposition of a passive agent ("door de wethouder"). */
static int agent_prep(const struct doc *d, size_t t)
{
	char low[16];
	size_t n = doc_tok(d, t)->end - doc_tok(d, t)->start;
	return n < sizeof low && wordclass_get(d->lx->agent, low, doc_fold(d, t, low, n)) != 0;
}

static int gender_of(const struct doc *d, size_t t)
{
	if (doc_is(d, t, LX_FEMALE))
		return GENDER_FEMALE;
	if (doc_is(d, t, LX_MALE))
		return GENDER_MALE;
	return GENDER_UNKNOWN;
}

/* The name of tokens [A, B] is a place or an organisation: an entity
 * hint of another type than PER covers it, or the gazetteers list it. */
static int place_name(struct doc *d, size_t a, size_t b)
{
	const struct entity_hint *h = hint_at(d, doc_tok(d, a)->start);
	if (h)
		return !h->person;
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
static long entity_name_at(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = doc_tok(d, t);
	const struct entity_hint *h = hint_at(d, k->start);
	if (!h || !h->person || h->start != k->start || !sentence_initial(d, t))
		return -1;
	size_t j = t;
	while (j + 1 < end && doc_tok(d, j + 1)->end <= h->end)
		j++;
	for (size_t p = t; p <= j; p++)
		if (!capitalised(d, p) || doc_is(d, p, LX_FUNCTION | LX_CUE | LX_TITLE))
			return -1;
	return (long)j;
}

int doc_mentions_until(struct doc *d, size_t until)
{
	size_t to = doc_end(d);   /* names may look this far */
	size_t t = d->men_done < d->tok_base ? d->tok_base : d->men_done;
	for (; t < until && t < to; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (!(k->flags & TK_WORD))
			continue;
		/* "deze"/"die" stand for a person only right before a reporting
		 * verb ("en deze zeide") */
		int dem_ok = !(k->pron & PR_DEMONSTRATIVE) || doc_is(d, t + 1, LX_CUE | LX_CUE_SEP);
		if (k->pron && !(k->pron & PR_SECOND) && dem_ok) {
			/* "haar" or "hun" before a content word is a possessive */
			int poss = (k->pron & PR_POSSESSIVE) && word(d, t + 1) && !doc_is(d, t + 1, LX_FUNCTION);
			if (!poss) {
				if (push_mention(d, t, t, M_PRONOUN) < 0)
					return -1;
				struct mention *m = &d->men[d->nmen - 1];
				m->pron = k->pron;
				m->subject = (k->pron & PR_SUBJ) && !subordinate(d, t) && !governed_by(d, t, LX_PREP) &&
				             !(t > 0 && doc_is(d, t - 1, LX_PREP)) && !clause_has_subject(d, t);
				m->plural = (k->pron & PR_PLURAL) && !(k->pron & PR_SINGULAR);
				/* "zij", "ze": a woman, or a group (doc_agrees) */
				m->gender = (k->pron & PR_MALE) ? GENDER_MALE
				            : (k->pron & PR_FEMALE) ? GENDER_FEMALE : GENDER_UNKNOWN;
				if (doc_resolve(d, d->men_base + d->nmen - 1) < -1)
					return -1;
				continue;
			}
		}
		if (someone_at(d, t)) {
			if (push_mention(d, t, t, M_DESCRIPTION) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->subject = !governed_by(d, t, LX_PREP) && !subordinate(d, t);
			m->plural = doc_is(d, t, LX_PLURAL) != 0;   /* "allen", "velen" */
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			continue;
		}
		long last = description_at(d, t, to);
		if (last >= 0) {
			if (push_mention(d, t, (size_t)last, M_DESCRIPTION) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->in_pp = governed_by(d, t + 1, LX_PREP) || (t > 0 && doc_is(d, t - 1, LX_PREP));
			m->agent = m->in_pp && t > 0 && doc_is(d, t - 1, LX_PREP) && agent_prep(d, t - 1);
			m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
			m->definite = doc_is(d, t, LX_DEFINITE | LX_POSSESSIVE);
			m->body = doc_is(d, (size_t)last, LX_ORG) && !doc_is(d, (size_t)last, LX_ROLE | LX_PERSON);
			m->plural = plural_description(d, t, (size_t)last);
			m->gender = gender_of(d, (size_t)last);
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			t = (size_t)last;
			continue;
		}
		size_t start = t;
		int role = 0, gender = GENDER_UNKNOWN;
		/* titles before a name: "Dhr. P. de Boer", "Mr. Holmes" */
		while (start < to && doc_is(d, start, LX_TITLE) && start < t + 3 && capitalised(d, start + 1) &&
		       !doc_is(d, start + 1, LX_FUNCTION)) {
			if (!gender)
				gender = gender_of(d, start);
			role = 1;
			start++;
		}
		long endn = name_at(d, start, to);
		if (endn == -2)
			continue;   /* the next word starts the name */
		int from_entity = 0;
		if (endn == -1 && start == t && (endn = entity_name_at(d, t, to)) >= 0)
			from_entity = 1;
		if (endn < 0) {
			continue;
		}
		if (push_mention(d, start, (size_t)endn, M_NAME) < 0)
			return -1;
		struct mention *m = &d->men[d->nmen - 1];
		m->from_entity = (uint8_t)from_entity;
		m->in_pp = governed_by(d, t, LX_PREP) || (t > 0 && doc_is(d, t - 1, LX_PREP));
		m->agent = m->in_pp && t > 0 && agent_prep(d, t - 1);
		m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
		m->gender = (uint8_t)gender;
		if (!role && t > 0 && word(d, t - 1) &&
		    ((flags(d, t - 1) & TK_HYPHEN_ROLE) || doc_is(d, t - 1, NOUN | LX_TITLE)))
			role = 1, m->gender = (uint8_t)gender_of(d, t - 1);
		if (!m->gender && (size_t)endn > start)
			m->gender = (uint8_t)gender_of(d, start);   /* a first name's */
		m->role = (uint8_t)role;
		m->place = place_name(d, start, (size_t)endn);
		if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
			return -1;
		t = (size_t)endn;
	}
	if (t > d->men_done)
		d->men_done = t;
	return 0;
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
