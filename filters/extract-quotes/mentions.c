/* mentions.c — names, pronouns and descriptions among the tokens of the
 * window, and the people they name (see doc.h). Every rule looks at a
 * bounded number of tokens around its own, so a block costs time linear
 * in its tokens; people are found by the hash of their name's last word (or
 * a description's head), at most KEY_CHAIN of them compared.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "wordclass.h"

enum { KEY_CHAIN = 8, MAX_NAME_WORDS = 8 };

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

static uint64_t token_key(const struct doc *d, size_t t)
{
	const struct qtoken *k = doc_tok(d, t);
	char low[64];
	size_t n = k->end - k->start;
	if (n > sizeof low)
		n = sizeof low;
	wordclass_fold(d->text + k->start, n, low);
	return wordclass_hash(low, n);
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
	return 1;
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
		if (doc_is(d, t, LX_DET) && doc_is(d, p, NOUN) && !known_free(d, p))
			return -1;   /* "De bisschop" */
		j = p;
		particle_start = 1;
	} else if (!name_word(d, t) || doc_is(d, t, LX_STOP)) {
		return -1;   /* "Te Amsterdam", "Toen" */
	} else if (doc_is(d, t, LX_ADJ) && (governed_by(d, t, LX_DET) || !capitalised(d, t + 1))) {
		return -1;   /* de Franse krachtpatser */
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
		if (sentence_initial(d, t) && !known_free(d, t)) {
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

/* The head noun of a description starting at the determiner T: up to
 * three words later, a role, person, group or body noun; after a reporting
 * verb, or before one at the start of a clause, any noun that ends the
 * phrase ("zei de buurvrouw", "De buurman zei"). Returns the head token or
 * -1. */
static long description_at(struct doc *d, size_t t, size_t end)
{
	if (!doc_is(d, t, LX_DET))
		return -1;
	int after_cue = t > 0 && doc_is(d, t - 1, LX_CUE | LX_CUE_SEP);
	for (size_t p = t + 1; p < end && p <= t + 4; p++) {
		const struct qtoken *k = doc_tok(d, p);
		if (!(k->flags & TK_WORD) || (k->flags & TK_QUOTE))
			return -1;
		uint32_t lex = doc_lex(d, p);
		if ((lex & NOUN) && (!(k->flags & TK_CAP) || (k->flags & TK_HYPHEN_ROLE) ||
		                     (lex & (LX_PERSON | LX_GROUP)))) {
			if (p + 1 < end && name_word(d, p + 1))
				return -1;   /* "de president Biden": the name is the mention */
			return (long)p;
		}
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
		int det_ok = !doc_is(d, t, LX_NEUTER | LX_POSSESSIVE);
		if (ends && (after_cue || before_cue) && cap_ok && det_ok && !doc_is(d, p, LX_ADJ | LX_PARTICLE) &&
		    !known_free(d, p) && !(k->flags & TK_NUMBER) && k->end - k->start > 2)
			return (long)p;
		if (!doc_is(d, p, LX_ADJ) && d->text[k->end - 1] != 'e' && !(k->flags & TK_NUMBER))
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
	const struct qtoken *det = doc_tok(d, first);
	size_t dn = det->end - det->start;
	if (dn == 3 && (d->text[det->start + 1] == 'e' || d->text[det->start + 1] == 'E') &&
	    (d->text[det->start] | 0x20) == 'h')
		return 0;   /* "het": a singular */
	uint32_t stem = quotes_word_class(d->lx, low, n - cut, 0);
	return (stem & NOUN) != 0 && !(doc_lex(d, head) & NOUN);
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
			m->plural = 0;
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
			m->agent = m->in_pp && t > 0 && doc_is(d, t - 1, LX_PREP) &&
			           doc_tok(d, t - 1)->end - doc_tok(d, t - 1)->start == 4 &&
			           memcmp(d->text + doc_tok(d, t - 1)->start, "door", 4) == 0;
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
		m->agent = m->in_pp && t > 0 && doc_tok(d, t - 1)->end - doc_tok(d, t - 1)->start == 4 &&
		           memcmp(d->text + doc_tok(d, t - 1)->start, "door", 4) == 0;
		m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
		m->gender = (uint8_t)gender;
		if (!role && t > 0 && word(d, t - 1) &&
		    ((flags(d, t - 1) & TK_HYPHEN_ROLE) || doc_is(d, t - 1, NOUN | LX_TITLE)))
			role = 1, m->gender = (uint8_t)gender_of(d, t - 1);
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

/* --- people -------------------------------------------------------------- */

/* Words of a byte span, split at spaces: up to MAX_NAME_WORDS. */
static size_t split_words(const char *s, size_t a, size_t b, size_t w[][2])
{
	size_t n = 0, i = a;
	while (i < b && n < MAX_NAME_WORDS) {
		while (i < b && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
			i++;
		size_t e = i;
		while (e < b && s[e] != ' ' && s[e] != '\n' && s[e] != '\t')
			e++;
		if (e > i) {
			w[n][0] = i;
			w[n++][1] = e;
		}
		i = e;
	}
	return n;
}

static int same_word(const char *s, const size_t x[2], const size_t y[2])
{
	size_t n = x[1] - x[0];
	if (n != y[1] - y[0] || n > 64)
		return 0;
	char a[64], b[64];
	wordclass_fold(s + x[0], n, a);
	wordclass_fold(s + y[0], n, b);
	return memcmp(a, b, n) == 0;
}

/* An initial ("K.") and a word starting with its letter. */
static int initial_of(const char *s, const size_t x[2], const size_t y[2])
{
	return x[1] - x[0] == 2 && s[x[0] + 1] == '.' && y[1] - y[0] > 2 && s[x[0]] == s[y[0]];
}

/* One of the names [A0, A1) and [B0, B1) ends with all the words of the
 * other, or both have the same surname and initials that fit ("K. de Wit"
 * and "Karin de Wit"). */
static int names_match(const char *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t wa[MAX_NAME_WORDS][2], wb[MAX_NAME_WORDS][2];
	size_t na = split_words(s, a0, a1, wa), nb = split_words(s, b0, b1, wb);
	if (!na || !nb)
		return 0;
	size_t n = na < nb ? na : nb, i = 0;
	while (i < n && same_word(s, wa[na - 1 - i], wb[nb - 1 - i]))
		i++;
	if (i == n)
		return 1;
	if (i == 0 || na != nb)
		return 0;
	for (size_t k = 0; k < na - i; k++)
		if (!same_word(s, wa[k], wb[k]) && !initial_of(s, wa[k], wb[k]) && !initial_of(s, wb[k], wa[k]))
			return 0;
	return 1;
}

static int grow_keys(struct doc *d)
{
	size_t cap = d->keycap ? d->keycap * 2 : 1024;
	uint64_t *ko = calloc(cap, sizeof *ko);
	int32_t *kh = malloc(cap * sizeof *kh);
	if (!ko || !kh) {
		free(ko);
		free(kh);
		return -1;
	}
	for (size_t i = 0; i < d->keycap; i++) {
		if (!d->key_of[i])
			continue;
		size_t j = (size_t)d->key_of[i] & (cap - 1);
		while (ko[j])
			j = (j + 1) & (cap - 1);
		ko[j] = d->key_of[i];
		kh[j] = d->key_head[i];
	}
	free(d->key_of);
	free(d->key_head);
	d->key_of = ko;
	d->key_head = kh;
	d->keycap = cap;
	return 0;
}

/* The map slot of KEY (kinds are told apart by the key's hash). */
static int32_t *key_slot(struct doc *d, uint64_t key, int make)
{
	if (make && 2 * (d->nkeys + 1) > d->keycap && grow_keys(d) < 0)
		return NULL;
	if (!d->keycap)
		return NULL;
	size_t mask = d->keycap - 1;
	for (size_t i = (size_t)key & mask;; i = (i + 1) & mask) {
		if (d->key_of[i] == key)
			return &d->key_head[i];
		if (!d->key_of[i]) {
			if (!make)
				return NULL;
			d->key_of[i] = key;
			d->key_head[i] = -1;
			d->nkeys++;
			return &d->key_head[i];
		}
	}
}

static int32_t new_person(struct doc *d, enum person_kind kind, uint64_t key)
{
	if (grow_array((void **)&d->per, &d->percap, d->nper + 1, sizeof *d->per) < 0)
		return -2;
	int32_t p = (int32_t)d->nper++;
	d->per[p] = (struct person){ .kind = kind, .key = key, .next_same_key = -1,
	                             .last_mention = -1, .last_subject_sent = -1,
	                             .last_quote = -1, .newer = -1, .older = -1 };
	if (key) {
		int32_t *head = key_slot(d, key, 1);
		if (!head)
			return -2;
		d->per[p].next_same_key = *head;
		*head = p;
	}
	return p;
}

enum { SALIENCE_DECAY_PERCENT = 85 };

float doc_salience(const struct doc *d, int32_t p, uint32_t sent)
{
	/* DECAY^k for k < 64, and nothing worth counting after that */
	static float decay[64];
	if (!decay[0]) {
		decay[0] = 1;
		for (int k = 1; k < 64; k++)
			decay[k] = decay[k - 1] * (SALIENCE_DECAY_PERCENT / 100.0f);
	}
	const struct person *x = &d->per[p];
	uint32_t k = sent > x->salience_sent ? sent - x->salience_sent : 0;
	return k < 64 ? x->salience * decay[k] : 0;
}

void doc_touch(struct doc *d, int32_t p, size_t m)
{
	struct person *x = &d->per[p];
	const struct mention *mm = doc_men(d, m);
	const struct qtoken *a = doc_tok(d, (size_t)mm->first), *b = doc_tok(d, (size_t)mm->last);
	x->salience = doc_salience(d, p, a->sent) + (mm->subject ? 2.0f : 1.0f);
	x->salience_sent = a->sent;
	if (mm->place && x->places < 60000)
		x->places++;
	x->count++;
	x->last_mention = (int32_t)m;
	x->last_start = a->start;
	x->last_end = b->end;
	x->last_start_cp = a->cp;
	x->last_end_cp = doc_cp_of(d, (size_t)mm->last, b->end);
	x->last_sent = a->sent;
	x->last_para = a->para;
	if (mm->type == M_DESCRIPTION)
		x->described = (struct xspan){ a->start, b->end, a->cp, x->last_end_cp };
	if (mm->subject || mm->agent) {
		x->last_subject_sent = (int32_t)a->sent;
		if (x->subjects < 60000)
			x->subjects++;
	}
	if (mm->type != M_PRONOUN && mm->gender && !x->lex_gender)
		x->lex_gender = mm->gender;
	else if (mm->type == M_PRONOUN && mm->gender == GENDER_MALE && x->pron_male < 60000)
		x->pron_male++;
	else if (mm->type == M_PRONOUN && mm->gender == GENDER_FEMALE && x->pron_female < 60000)
		x->pron_female++;
	if (d->newest == p)
		return;
	/* unlink, then put in front */
	if (x->newer >= 0)
		d->per[x->newer].older = x->older;
	if (x->older >= 0)
		d->per[x->older].newer = x->newer;
	x->newer = -1;
	x->older = d->newest;
	if (d->newest >= 0)
		d->per[d->newest].newer = p;
	d->newest = p;
}

/* The key of a noun for descriptions and roles: the longest listed noun
 * it ends in ("NAVO-chef": chef), apart from names' keys. */
static uint64_t noun_key_bytes(const struct doc *d, const char *s, size_t n, uint64_t kind)
{
	char low[64];
	if (n > sizeof low)
		n = sizeof low;
	wordclass_fold(s, n, low);
	size_t e = wordclass_ending(d->lx->wc, low, n, NOUN, 0, NULL);
	if (!e)
		e = n;
	return wordclass_hash(low + n - e, e) ^ kind;
}

static uint64_t noun_key(const struct doc *d, size_t t, uint64_t kind)
{
	const struct qtoken *k = doc_tok(d, t);
	return noun_key_bytes(d, d->text + k->start, k->end - k->start, kind);
}

static const uint64_t KEY_DESCRIPTION = 0x5bd1e9955bd1e995ULL, KEY_ROLE = 0x27d4eb2f165667c5ULL,
                      KEY_FIRST = 0x9e3779b97f4a7c15ULL;

/* The key of the first name of a name of two or more words that starts at
 * token T ("Kees" of "Kees de Boer"), or 0 when it starts with an initial,
 * a particle or a title. */
static uint64_t first_name_key(const struct doc *d, size_t t)
{
	if ((flags(d, t) & TK_INITIAL) || doc_is(d, t, LX_PARTICLE | LX_TITLE))
		return 0;
	uint64_t k = token_key(d, t) ^ KEY_FIRST;
	return k ? k : 1;
}

/* The person named most recently with the role noun whose key is KEY. */
static int32_t role_person(struct doc *d, uint64_t key)
{
	int32_t *slot = key_slot(d, key, 0);
	return slot ? *slot : -1;
}

/* A definite description met for the first time right after a named
 * person was the subject ("Schaatser Kjeld Nuis won de 1500 meter. ...,
 * zei de 30-jarige Fries"): that person, when the description's gender
 * does not say otherwise; -1 when it names someone new, and always for a
 * description by whom the person belongs to ("zei zijn zus": the subject
 * before is whose sister she is). */
static int32_t refers_back(const struct doc *d, const struct mention *m)
{
	if (doc_is(d, (size_t)m->first, LX_POSSESSIVE))
		return -1;
	uint32_t sent = doc_tok(d, (size_t)m->first)->sent;
	int seen = 0;
	for (int32_t c = d->newest; c >= 0 && seen < 3; c = d->per[c].older, seen++) {
		const struct person *x = &d->per[c];
		if (x->kind != P_NAMED || !x->evidence || x->places || x->last_subject_sent < 0 ||
		    (long)x->last_subject_sent + 1 < (long)sent)
			continue;
		int g = doc_gender(x);
		if (m->gender && g && m->gender != g)
			continue;
		return c;
	}
	return -1;
}

int32_t doc_person_of(struct doc *d, size_t mi)
{
	struct mention *m = doc_men(d, mi);
	int32_t p = -1;
	if (m->type == M_NAME) {
		const struct qtoken *a = doc_tok(d, (size_t)m->first), *b = doc_tok(d, (size_t)m->last);
		uint64_t key = token_key(d, (size_t)m->last);
		int32_t *head = key_slot(d, key, 0);
		int tried = 0;
		for (int32_t c = head ? *head : -1; c >= 0 && tried < KEY_CHAIN; c = d->per[c].next_same_key, tried++) {
			const struct person *x = &d->per[c];
			if (x->kind == P_NAMED &&
			    names_match(d->text, a->start, b->end, x->name_start, x->name_end)) {
				p = c;
				break;
			}
		}
		/* a first name alone is the person named with it in full
		 * before ("Kees de Boer ... vroeg Kees") */
		uint64_t fk = first_name_key(d, (size_t)m->first);
		if (p < 0 && m->first == m->last && fk) {
			int32_t *slot = key_slot(d, fk, 0);
			if (slot && *slot >= 0 && d->per[*slot].kind == P_NAMED)
				p = *slot;
		}
		if (p < 0 && (p = new_person(d, P_NAMED, key)) < 0)
			return -2;
		struct person *x = &d->per[p];
		uint16_t words = (uint16_t)(m->last - m->first + 1);
		if (words >= 2 && fk) {
			int32_t *slot = key_slot(d, fk, 1);
			if (!slot)
				return -2;
			*slot = p;
		}
		int initials = (a->flags & TK_INITIAL) != 0;
		if (words > x->name_words || (words == x->name_words && x->name_initials && !initials)) {
			x->name_start = a->start;
			x->name_end = b->end;
			x->name_words = words;
			x->name_initials = (uint8_t)initials;
		}
		if (m->role || words >= 2 || m->from_entity)
			x->evidence = 1;
		/* "minister Bos": a later "de minister" is Bos */
		if (m->role && m->first > 0 && doc_has(d, (size_t)m->first - 1) &&
		    doc_is(d, (size_t)m->first - 1, NOUN)) {
			int32_t *slot = key_slot(d, noun_key(d, (size_t)m->first - 1, KEY_ROLE), 1);
			if (!slot)
				return -2;
			*slot = p;
		}
		if (a->flags & TK_ALLCAPS)
			x->kind = P_NAMED;
	} else if (m->type == M_DESCRIPTION) {
		uint64_t key = noun_key(d, (size_t)m->last, KEY_DESCRIPTION);
		if (m->definite && !m->plural) {
			/* the same description before names the same one; a role
			 * names the person named with it ("de Amerikaanse
			 * president" after "President Biden"), the newer of the
			 * two */
			int32_t *head = key_slot(d, key, 0);
			int32_t r = role_person(d, noun_key(d, (size_t)m->last, KEY_ROLE));
			if (head && *head >= 0)
				p = *head;
			if (r >= 0 && (p < 0 || d->per[r].last_sent >= d->per[p].last_sent))
				p = r;
		}
		/* not a spokesperson ("de NS-woordvoerder" speaks for a body,
		 * not for the person named before) nor a group or an object */
		if (p < 0 && m->definite && !m->plural && !m->body && m->subject &&
		    !doc_is(d, (size_t)m->last, LX_ORG | LX_GROUP))
			p = refers_back(d, m);
		if (p < 0) {
			p = new_person(d, m->body ? P_BODY : P_DESCRIBED, key);
			if (p < 0)
				return -2;
			d->per[p].plural = m->plural;
			d->per[p].evidence = 1;
			/* a described person's "name" is its description (never
			 * written as a name: see attribution.c) */
			d->per[p].name_start = doc_tok(d, (size_t)m->first)->start;
			d->per[p].name_end = doc_tok(d, (size_t)m->last)->end;
		}
	} else {
		return -1;
	}
	m->person = p;
	doc_touch(d, p, mi);
	return p;
}

int32_t doc_seed_person(struct doc *d, size_t a, size_t b)
{
	char low[64];
	if (b - a > sizeof low || b == a)
		return -1;
	wordclass_fold(d->text + a, b - a, low);
	int32_t p = new_person(d, P_NAMED, wordclass_hash(low, b - a));
	if (p < 0)
		return -2;
	d->per[p].name_start = (uint32_t)a;
	d->per[p].name_end = (uint32_t)b;
	d->per[p].name_words = 1;
	return p;
}

int32_t doc_person_by_key(struct doc *d, uint64_t key)
{
	int32_t *head = key_slot(d, key, 0);
	int tried = 0;
	for (int32_t c = head ? *head : -1; c >= 0 && tried < KEY_CHAIN; c = d->per[c].next_same_key, tried++)
		if (d->per[c].kind == P_NAMED)
			return c;
	return -1;
}

int doc_gender(const struct person *x)
{
	if (x->lex_gender)
		return x->lex_gender;
	if (x->pron_male >= x->pron_female + 2)
		return GENDER_MALE;
	if (x->pron_female >= x->pron_male + 2)
		return GENDER_FEMALE;
	return GENDER_UNKNOWN;
}

int doc_agrees(const struct mention *m, const struct person *x)
{
	if ((m->pron & PR_FIRST) != 0 || x->kind == P_NARRATOR)
		return (m->pron & PR_FIRST) && x->kind == P_NARRATOR;
	int group = x->plural || x->kind == P_BODY;
	if (m->plural)
		return group;
	if (group)
		return (m->pron & PR_PLURAL) != 0;
	int g = doc_gender(x);
	if (m->gender && g)
		return m->gender == g;
	return 1;
}

int32_t doc_resolve(struct doc *d, size_t mi)
{
	struct mention *m = doc_men(d, mi);
	if (m->type != M_PRONOUN)
		return m->person;
	if (m->person >= 0)
		return m->person;
	int32_t p = -1;
	if (m->pron & PR_FIRST) {
		if (m->plural)
			return -1;   /* "wij": the narrator and others */
		if (d->narrator < 0) {
			d->narrator = new_person(d, P_NARRATOR, 0);
			if (d->narrator < 0)
				return -2;
			d->per[d->narrator].evidence = 1;
		}
		p = d->narrator;
	} else {
		/* among the newest people that agree and are people (not a
		 * place named in passing), the latest subject of the last few
		 * sentences, else the newest; a person known to be of the
		 * pronoun's gender before one of unknown gender */
		uint32_t sent = doc_tok(d, (size_t)m->first)->sent;
		int32_t newest = -1, subject = -1;
		for (int pass = 0; pass < 2 && newest < 0; pass++) {
			int seen = 0;
			for (int32_t c = d->newest; c >= 0 && seen < 8; c = d->per[c].older, seen++) {
				const struct person *x = &d->per[c];
				if (!doc_agrees(m, x) || (x->kind == P_NAMED && !x->evidence && (!x->subjects || x->places)))
					continue;
				if (pass == 0 && m->gender && doc_gender(x) != m->gender)
					continue;
				if (newest < 0)
					newest = c;
				if (!(m->pron & PR_DEMONSTRATIVE) && x->last_subject_sent >= 0 &&
				    (long)x->last_subject_sent + 3 >= (long)sent &&
				    (subject < 0 || x->last_subject_sent > d->per[subject].last_subject_sent))
					subject = c;
			}
		}
		p = subject >= 0 ? subject : newest;
	}
	if (p >= 0) {
		m->person = p;
		doc_touch(d, p, mi);
	}
	return p;
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
