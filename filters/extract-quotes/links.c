/* links.c — what the text says a person is (see doc.h): a description
 * after a copula ("Zij was een blonde jonge dame"), a bare role after a
 * copula next to a name ("Myriel was bisschop van Digne"), a description
 * set off by commas beside a name ("Anna Bos, de meid," / "de meid, Anna
 * Bos,"). Such a noun is linked to the person (people.c's table of keys),
 * so that a later description with it as its head is that person. Each
 * look is a few tokens around the mention: bounded time.
 */
#include "doc.h"
#include "mentions.h"
#include "wordclass.h"

/* Token T is a copula (speakers-copulas.txt: was, werd, bleek). */
static int copula(const struct doc *d, size_t t)
{
	return doc_word_in(d, t, d->lx->copulas) != 0;
}

/* An indefinite description right after a copula right after a mention
 * of a person in the same sentence ("Zij was een blonde jonge dame"): it
 * says who that person is, so it names them; -1 otherwise, and for a
 * group, a body or a person of the other gender. */
int32_t doc_predicate_of(const struct doc *d, const struct mention *m)
{
	size_t v = (size_t)m->first - 1;
	if (m->first < 2 || !doc_has(d, v - 1))
		return -1;
	uint32_t sent = doc_tok(d, (size_t)m->first)->sent;
	if (doc_tok(d, v)->sent != sent || !copula(d, v))
		return -1;
	for (size_t t = v, k = 0; t-- > 0 && k < MAX_NAME_WORDS && doc_has(d, t); k++) {
		const struct qtoken *q = doc_tok(d, t);
		if (q->sent != sent)
			return -1;
		if (q->mention < 0 || (size_t)q->mention < d->men_base ||
		    (size_t)q->mention >= d->men_base + d->nmen)
			continue;
		const struct mention *s = doc_men(d, (size_t)q->mention);
		if ((size_t)s->last + 1 != v || s->person < 0 || s->plural || s->in_quote)
			return -1;
		const struct person *x = &d->per[s->person];
		int g = doc_gender(x);
		if (x->kind == P_BODY || x->kind == P_NARRATOR || x->plural ||
		    (m->gender && g && m->gender != g))
			return -1;
		return s->person;
	}
	return -1;
}

/* Token T is a bare noun for a person, in lower case, without an article:
 * the predicate of "Myriel was bisschop van Digne". */
static int bare_person_noun(const struct doc *d, size_t t)
{
	return doc_has(d, t) && (doc_tok(d, t)->flags & TK_WORD) && !(doc_tok(d, t)->flags & TK_CAP) &&
	       doc_is(d, t, LX_ROLE | LX_PERSON) && !doc_is(d, t, LX_PLURAL | LX_FUNCTION);
}

/* The noun at token T is said of person P (a predicate or an apposition):
 * a later description with it as its head ("de bisschop", "de dienstbode")
 * is P, and P takes its gender when P has none. */
int doc_link_noun(struct doc *d, int32_t p, size_t t)
{
	int32_t *slot = doc_key_slot(d, doc_noun_key(d, t, 0), 1);
	if (!slot)
		return -2;
	*slot = p;
	if (doc_is(d, t, LX_ROLE)) {
		uint64_t role = doc_noun_key(d, t, 1);
		if (!(slot = doc_key_slot(d, role, 1)))
			return -2;
		*slot = p;
		d->per[p].role_noun = role;
	}
	if (!d->per[p].lex_gender)
		d->per[p].lex_gender = doc_is(d, t, LX_FEMALE) ? GENDER_FEMALE
		                       : doc_is(d, t, LX_MALE) ? GENDER_MALE : GENDER_UNKNOWN;
	return 0;
}

/* The mention of a single person that ends at token T, or NULL. */
static const struct mention *person_mention_ending(const struct doc *d, size_t t)
{
	for (size_t k = 0; k < MAX_NAME_WORDS + 4 && k <= t && doc_has(d, t - k); k++) {
		const struct qtoken *q = doc_tok(d, t - k);
		if (q->mention < 0 || (size_t)q->mention < d->men_base || (size_t)q->mention >= d->men_base + d->nmen)
			continue;
		const struct mention *s = doc_men(d, (size_t)q->mention);
		if ((size_t)s->last != t)
			return NULL;
		if (s->person < 0 || s->plural || s->in_quote || s->type == M_PRONOUN)
			return NULL;
		const struct person *x = &d->per[s->person];
		return x->kind == P_BODY || x->kind == P_NARRATOR || x->plural || x->places ? NULL : s;
	}
	return NULL;
}

/* A description set off by commas right after a name names that person
 * ("Myriel, de bisschop van Digne, kwam"): the named person, or -1. The
 * apposition ends at a comma or closes its sentence. */
int32_t doc_apposition_of(const struct doc *d, const struct mention *m)
{
	size_t c = (size_t)m->first - 1;
	if (m->first < 2 || m->plural || m->body || !doc_punct(d, c, ',') ||
	    doc_is(d, (size_t)m->first, LX_POSSESSIVE))
		return -1;
	const struct mention *s = person_mention_ending(d, c - 1);
	if (!s || s->type != M_NAME || doc_tok(d, c - 1)->sent != doc_tok(d, (size_t)m->first)->sent)
		return -1;
	const struct qtoken *after = doc_has(d, (size_t)m->last + 1) ? doc_tok(d, (size_t)m->last + 1) : NULL;
	if (after && !(after->flags & TK_PUNCT) && !(after->lex & LX_PREP))
		return -1;
	int g = doc_gender(&d->per[s->person]);
	return m->gender && g && m->gender != g ? -1 : s->person;
}

/* Description S, set off by a comma before a name of person P, is P
 * ("sprak de wethouder, Anke Schouten, van '…'": Anke Schouten speaks;
 * "Haar man, Gerrit, ... zegt hij": Gerrit). The person S was taken
 * for, when S is all it has, leaves the recency list, so that no pronoun
 * or quotation goes to it; P is the subject S was. */
static void absorb(struct doc *d, int32_t p, struct mention *s)
{
	int32_t o = s->person;
	if (o < 0 || o == p)
		return;
	s->person = p;
	struct person *x = &d->per[o], *y = &d->per[p];
	if (x->count > 1 || x->quotes || x->kind != P_DESCRIBED)
		return;
	if (x->last_subject_sent > y->last_subject_sent) {
		y->last_subject_sent = x->last_subject_sent;
		if (y->subjects < 60000)
			y->subjects++;
	}
	doc_unlink_person(d, o);
}

/* The named person P of mention M is said to be what a noun says: the
 * description before it, set off by a comma ("de dienstbode, Magloire,"),
 * or a bare noun after a copula next to it ("Myriel was bisschop", "was
 * Myriel pastoor"). Links that noun to P (link_noun). */
int doc_name_predicates(struct doc *d, int32_t p, const struct mention *m)
{
	size_t a = (size_t)m->first, b = (size_t)m->last;
	if (a >= 2 && doc_has(d, a - 2) && doc_punct(d, a - 1, ',') && doc_tok(d, a - 2)->sent == doc_tok(d, a)->sent &&
	    (doc_punct(d, b + 1, ',') || !doc_has(d, b + 1) || (doc_tok(d, b + 1)->flags & TK_PUNCT))) {
		/* the description may have the body or the field of its role
		 * after it ("de wethouder van Cultuur, Anke Schouten,") */
		size_t e = a - 2;
		for (size_t k = e; k > 1 && e - k < 3 && capitalised(d, k) && !(flags(d, k) & TK_SENT); k--)
			if (doc_is(d, k - 1, LX_PREP) && doc_tok(d, k - 1)->sent == doc_tok(d, a)->sent) {
				e = k - 2;
				break;
			}
		const struct mention *s = person_mention_ending(d, e);
		if (s && s->type == M_DESCRIPTION) {
			if (doc_link_noun(d, p, e) < 0)
				return -2;
			absorb(d, p, &d->men[s - d->men]);
		}
	}
	if (copula(d, b + 1) && bare_person_noun(d, b + 2))
		return doc_link_noun(d, p, b + 2);
	/* the copula before the name, its titles and article ("was de heer
	 * Myriel bisschop") */
	size_t v = a;
	while (v > 0 && a - v < 3 && doc_is(d, v - 1, LX_TITLE | LX_DET))
		v--;
	if (v > 0 && copula(d, v - 1) && bare_person_noun(d, b + 1))
		return doc_link_noun(d, p, b + 1);
	return 0;
}
