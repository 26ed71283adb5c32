/* mentions.c — the mentions among the tokens of the window (see doc.h):
 * pronouns, descriptions (a noun phrase headed by a noun for a person, a
 * group or a body; those without an article are found by barenouns.c) and
 * names (what a name is, is names.c's), each with its place in the
 * clause (subject, in a prepositional phrase, a passive agent, in a
 * subordinate clause); the people they name are people.c's.
 * Every rule looks at a bounded number of tokens around its own, so a
 * block costs time linear in its tokens.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "mentions.h"
#include "wordclass.h"

/* Scanning back from T over adjectives, numbers and roles (at most four
 * words) reaches a word of class KIND (an article, a preposition). */
int doc_governed_by(const struct doc *d, size_t t, uint32_t kind)
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

int doc_sentence_initial(const struct doc *d, size_t t)
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

/* Token P is a relative pronoun right after a comma: it opens a relative
 * clause ("de vragen, die Sherlock Holmes haar stelde"). */
static int relative_clause_start(const struct doc *d, size_t p)
{
	const struct qtoken *k = tk(d, p);
	return k && (k->aux & AUX_RELATIVE) && p > 0 && doc_punct(d, p - 1, ',') &&
	       doc_word_in(d, p, d->lx->relatives);
}

/* Token T stands in a subordinate clause: a subordinating conjunction, or
 * a relative pronoun after a comma, comes before it in its clause (at most
 * 12 tokens back). */
static int subordinate(const struct doc *d, size_t t)
{
	for (size_t p = t; p-- > 0 && p + 12 >= t;) {
		const struct qtoken *k = tk(d, p);
		if (!k || ((k->flags & (TK_QUOTE | TK_PUNCT)) && !(k->flags & TK_DASH)))
			return 0;
		if ((k->lex & LX_SUB) || relative_clause_start(d, p))
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

/* The capitalised noun of a people at P, spelt as an adjective ("De
 * Joegoslavische autoriteiten beweren"), is one before a word in lower
 * case that the lists do not know when that word ends the phrase at the
 * reporting verb, before it or, AFTER_CUE, after it ("zeggen de
 * Servische autoriteiten."): the word is the head. */
static int unlisted_head(const struct doc *d, size_t p, size_t end, int after_cue)
{
	const struct qtoken *n = tk(d, p + 1), *n2 = tk(d, p + 2);
	if (!doc_is(d, p, LX_ADJ) || !n || (n->flags & (TK_WORD | TK_CAP)) != TK_WORD ||
	    doc_is(d, p + 1, LX_FUNCTION | LX_DET | LX_CUE | LX_CUE_SEP))
		return 0;
	if (p + 2 >= end || !n2 || n2->sent != n->sent)
		return after_cue;
	return (n2->lex & (LX_CUE | LX_CUE_SEP)) ||
	       (after_cue && ((n2->flags & (TK_PUNCT | TK_QUOTE)) || (n2->lex & LX_PREP)));
}

/* Token T is "van", an article and a short phrase after it (at most four
 * words, no punctuation) are followed by a reporting verb: the body or
 * the work of the noun before T ("Een recensent van de krant noemde", "Een
 * medewerker van het ministerie zei"; not "De stem van Ruggiu riep", whose
 * words are Ruggiu's). */
static int whose_then_cue(const struct doc *d, size_t t)
{
	if (!doc_has(d, t) || !doc_word_in(d, t, d->lx->genitive) || !doc_has(d, t + 1) ||
	    !(doc_is(d, t + 1, LX_DET) || (doc_clause_word(d, t + 1) & CW_ARTICLE)) || doc_is(d, t + 1, LX_POSSESSIVE))
		return 0;
	for (size_t p = t + 1; p <= t + 5 && doc_has(d, p) && doc_same_sentence(d, t, p); p++) {
		if (!(doc_tok(d, p)->flags & TK_WORD))
			return 0;
		if (p > t + 1 && doc_is(d, p, LX_CUE | LX_CUE_SEP))
			return 1;
	}
	return 0;
}

/* Token T may be a finite verb with its subject after it: a word in lower
 * case of no function class, then a pronoun, an article or a capitalised
 * word ("behoort ze", "is de schade", "vindt Jansen"). */
static int verb_then_subject(const struct doc *d, size_t t)
{
	const struct qtoken *v = tk(d, t), *s = tk(d, t + 1);
	if (!v || !s || (v->flags & (TK_WORD | TK_CAP)) != TK_WORD || !(s->flags & TK_WORD) ||
	    v->sent != s->sent || doc_is(d, t, LX_FUNCTION | LX_DET | LX_ADJ | NOUN))
		return 0;
	/* a possessive's form before an article is the verb ("zijn de") */
	if (v->pron)
		return (v->pron & PR_POSSESSIVE) && doc_is(d, t + 1, LX_DET);
	return s->pron || doc_is(d, t + 1, LX_DET) || (s->flags & TK_CAP);
}

/* The head noun of a description starting at the determiner T: up to
 * three words later, a role, person, group or body noun; after a reporting
 * verb, or before one at the start of a clause, any noun that ends the
 * phrase ("zei de buurvrouw", "De buurman zei"). Returns the head token or
 * -1. */
static long description_at(struct doc *d, size_t t, size_t end, int *institution)
{
	*institution = 0;
	if (!doc_is(d, t, LX_DET))
		return -1;
	/* a capitalised article inside a sentence starts a surname ("zei De
	 * Graaf", "volgens De Vries"), not a description */
	if ((flags(d, t) & TK_CAP) && !doc_sentence_initial(d, t))
		return -1;
	int after_cue = t > 0 && doc_is(d, t - 1, LX_CUE | LX_CUE_SEP);
	/* a cue phrase opening the sentence ("Volgens het museum behoort
	 * ze"): Dutch puts the finite verb and then its subject right after
	 * it, so a noun we do not list ends the phrase there */
	int source = t > 0 && doc_is(d, t - 1, LX_PHRASE) && doc_sentence_initial(d, t - 1);
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
			if (p + 1 < end && (doc_name_word(d, p + 1) || doc_portfolio_then_name(d, p)))
				return -1;   /* "de president Biden", "de minister van
				                Defensie Ludivine Dedonder": the name
				                is the mention */
			/* "De Britse premier": a capitalised noun of a people
			 * ("een Britse") before a listed noun in lower case is
			 * the adjective; the noun after it is the head */
			if ((k->flags & TK_CAP) && p + 1 < end && p < t + 4 &&
			    ((doc_lex(d, p + 1) & NOUN) || unlisted_head(d, p, end, after_cue)) &&
			    (tk(d, p + 1)->flags & (TK_WORD | TK_CAP)) == TK_WORD && tk(d, p + 1)->sent == k->sent)
				continue;
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
		           (n->lex & (LX_CUE | LX_CUE_SEP)) || (source && verb_then_subject(d, p + 1));
		int before_cue = n && doc_sentence_initial(d, t) &&
		                 ((n->lex & (LX_CUE | LX_CUE_SEP)) || whose_then_cue(d, p + 1));
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
		/* a capitalised adjective of origin ending the phrase is a
		 * noun for someone from there ("zegt de 42-jarige Utrechtse,") */
		int origin = (k->flags & TK_CAP) && doc_is(d, p, LX_ADJ);
		/* a capitalised word names a body (a court, a paper, a
		 * ministry) after "het" in lower case right after the verb,
		 * before an adverb too ("oordeelde het Hof gisteren"), or
		 * after the article opening the sentence right before the
		 * verb, an adjective too ("De Süddeutsche schreef"); "zei de
		 * Belg" is the branch below's, acronyms are names.c's, a
		 * word the text uses bare a surname's (unless an adjective,
		 * which names.c never takes after an article: "De
		 * Süddeutsche" after "Süddeutsche Zeitung") */
		int after_het = after_cue && doc_is(d, t, LX_NEUTER) && !(flags(d, t) & TK_CAP) && !doc_is(d, p, LX_ADJ) &&
		                (ends || (n && (n->flags & TK_WORD) && !(n->flags & TK_CAP) && n->sent == k->sent));
		if ((k->flags & TK_CAP) && !(k->flags & (TK_ALLCAPS | TK_NUMBER)) && doc_is(d, t, LX_DEFINITE) &&
		    (after_het || (before_cue && p == t + 1)) && !doc_is(d, p, LX_PARTICLE) &&
		    (!doc_known_free(d, p) || doc_is(d, p, LX_ADJ)) &&
		    k->end - k->start > 2) {
			*institution = 1;
			return (long)p;
		}
		if (ends && (after_cue || before_cue || source) && cap_ok && (det_ok || source) &&
		    (!doc_is(d, p, LX_ADJ | LX_PARTICLE) || origin) && !doc_known_free(d, p) &&
		    !(k->flags & TK_NUMBER) && k->end - k->start > 2)
			return (long)p;
		if (!doc_is(d, p, LX_ADJ) && d->text[k->end - 1] != 'e' && !(k->flags & TK_NUMBER) &&
		    !commas_between_adjectives(d, t, p + 1, commas) && !doc_capitalised_adjective(d, p))
			return -1;   /* not an adjective: no noun phrase of ours */
	}
	return -1;
}

/* The mention of a share of a group at T (doc_share_at), when there is one:
 * its last token, -1 without one, -2 out of memory. Out of line: the
 * loop of doc_mentions_until stays small enough for its other rules to be
 * inlined, and most words leave at the first test. */
__attribute__((noinline)) static long share_mention(struct doc *d, size_t t, size_t end)
{
	long last = doc_share_at(d, t, end);
	if (last < 0)
		return -1;
	if (push_mention(d, t, (size_t)last, M_DESCRIPTION) < 0)
		return -2;
	struct mention *m = &d->men[d->nmen - 1];
	m->subject = !subordinate(d, t);
	m->plural = 1;
	return doc_person_of(d, d->men_base + d->nmen - 1) < -1 ? -2 : last;
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

static int gender_of(const struct doc *d, size_t t)
{
	if (doc_is(d, t, LX_FEMALE))
		return GENDER_FEMALE;
	if (doc_is(d, t, LX_MALE))
		return GENDER_MALE;
	return GENDER_UNKNOWN;
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
			/* "haar" or "hun" before a content word is a possessive;
			 * before a copula or a reporting verb, the verb's
			 * subject or object ("Volgens haar is het '…'") */
			int poss = (k->pron & PR_POSSESSIVE) && word(d, t + 1) &&
			           !doc_is(d, t + 1, LX_FUNCTION | LX_CUE | LX_OPINION) &&
			           !doc_word_in(d, t + 1, d->lx->copulas);
			if (!poss) {
				if (push_mention(d, t, t, M_PRONOUN) < 0)
					return -1;
				struct mention *m = &d->men[d->nmen - 1];
				m->pron = k->pron;
				m->subject = (k->pron & PR_SUBJ) && !subordinate(d, t) && !doc_governed_by(d, t, LX_PREP) &&
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
			m->subject = !doc_governed_by(d, t, LX_PREP) && !subordinate(d, t);
			m->plural = doc_is(d, t, LX_PLURAL) != 0;   /* "allen", "velen" */
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			continue;
		}
		/* barenouns.c's rules are asked only where their trigger is
		 * (each tests it again): a reporting verb before the word, a
		 * word that may open a bare plural, a kinship noun */
		const struct qtoken *before = t > 0 ? tk(d, t - 1) : NULL;
		if (before && (before->lex & (LX_CUE | LX_CUE_SEP)) && doc_bare_role_at(d, t)) {
			/* a role without its article, as headlines write it */
			if (push_mention(d, t, t, M_DESCRIPTION) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->definite = 1;
			m->gender = gender_of(d, t);
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			continue;
		}
		/* a share noun in lower case before a reporting verb or a
		 * preposition: most words leave here */
		long last = t + 2 < to && (doc_tok(d, t + 1)->aux & AUX_SHARE) &&
		                    (doc_tok(d, t + 2)->lex & (LX_CUE | LX_CUE_SEP | LX_PREP)) &&
		                    (doc_tok(d, t + 1)->flags & (TK_WORD | TK_CAP)) == TK_WORD
		                ? share_mention(d, t, to)
		                : -1;
		if (last < -1)
			return -1;
		if (last >= 0) {
			t = (size_t)last;
			continue;
		}
		int institution;
		last = description_at(d, t, to, &institution);
		if (last >= 0) {
			if (push_mention(d, t, (size_t)last, M_DESCRIPTION) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->in_pp = doc_governed_by(d, t + 1, LX_PREP) || (t > 0 && doc_is(d, t - 1, LX_PREP));
			m->agent = m->in_pp && t > 0 && doc_is(d, t - 1, LX_PREP) && doc_agent_prep(d, t - 1);
			m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
			m->definite = doc_is(d, t, LX_DEFINITE | LX_POSSESSIVE);
			m->body = institution ||
			          (doc_is(d, (size_t)last, LX_ORG) && !doc_is(d, (size_t)last, LX_ROLE | LX_PERSON));
			m->plural = plural_description(d, t, (size_t)last);
			m->gender = gender_of(d, (size_t)last);
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			t = (size_t)last;
			continue;
		}
		last = doc_bare_plural_may_open(d, k) ? doc_bare_plural_at(d, t, to) : -1;
		if (last >= 0) {
			if (push_mention(d, t, (size_t)last, M_DESCRIPTION) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->in_pp = t > 0 && doc_is(d, t - 1, LX_PREP);
			m->agent = m->in_pp && doc_agent_prep(d, t - 1);
			/* right after a coordinator it opens a clause of its own
			 * ("De regering is tevreden en bewoners noemen ...") */
			int coord = t > 0 && doc_is(d, t - 1, LX_FUNCTION) && (doc_clause_word(d, t - 1) & CW_COORD);
			m->subject = !m->in_pp && !subordinate(d, t) && (coord || !clause_has_subject(d, t));
			m->body = doc_is(d, (size_t)last, LX_ORG) && !doc_is(d, (size_t)last, LX_ROLE | LX_PERSON);
			m->plural = 1;
			m->gender = gender_of(d, (size_t)last);
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
			t = (size_t)last;
			continue;
		}
		if ((k->aux & AUX_KIN) && doc_kin_name_at(d, t)) {
			if (push_mention(d, t, t, M_NAME) < 0)
				return -1;
			struct mention *m = &d->men[d->nmen - 1];
			m->in_pp = doc_governed_by(d, t, LX_PREP) || (t > 0 && doc_is(d, t - 1, LX_PREP));
			m->agent = m->in_pp && t > 0 && doc_agent_prep(d, t - 1);
			m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
			m->gender = (uint8_t)gender_of(d, t);
			m->role = 1;   /* a person: "Vader" is no place */
			if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
				return -1;
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
		/* a name starts with a capitalised word or, after a
		 * reporting verb, a particle in lower case ("zei van Dijk") */
		if (start == t && !(k->flags & TK_CAP) && !(k->lex & LX_PARTICLE))
			continue;
		long endn = doc_name_at(d, start, to);
		if (endn == -2)
			continue;   /* the next word starts the name */
		int from_entity = 0;
		if (endn == -1 && start == t && (endn = doc_entity_name_at(d, t, to)) >= 0)
			from_entity = 1;
		if (endn < 0) {
			continue;
		}
		if (push_mention(d, start, (size_t)endn, M_NAME) < 0)
			return -1;
		struct mention *m = &d->men[d->nmen - 1];
		m->from_entity = (uint8_t)from_entity;
		m->in_pp = doc_governed_by(d, t, LX_PREP) || (t > 0 && doc_is(d, t - 1, LX_PREP));
		m->agent = m->in_pp && t > 0 && doc_agent_prep(d, t - 1);
		m->subject = !m->in_pp && !subordinate(d, t) && !clause_has_subject(d, t);
		m->gender = (uint8_t)gender;
		if (!role && t > 0 && word(d, t - 1) &&
		    ((flags(d, t - 1) & TK_HYPHEN_ROLE) || doc_is(d, t - 1, NOUN | LX_TITLE)))
			role = 1, m->gender = (uint8_t)gender_of(d, t - 1);
		if (!m->gender && (size_t)endn > start)
			m->gender = (uint8_t)gender_of(d, start);   /* a first name's */
		m->role = (uint8_t)role;
		m->place = doc_place_name(d, start, (size_t)endn);
		if (doc_person_of(d, d->men_base + d->nmen - 1) < -1)
			return -1;
		t = (size_t)endn;
	}
	if (t > d->men_done)
		d->men_done = t;
	return 0;
}
