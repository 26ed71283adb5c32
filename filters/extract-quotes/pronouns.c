/* pronouns.c — which person a pronoun stands for (see doc.h): a person's
 * gender (from a title or noun, a first name used alone, the pronouns
 * that stood for it), agreement of number and gender, and resolution to
 * the latest subject among the newest people that agree, "ik" to the
 * narrator. The people themselves are people.c's. Each pronoun looks at
 * the eight newest people at most: bounded time.
 */
#include "doc.h"

int doc_gender(const struct person *x)
{
	if (x->lex_gender)
		return x->lex_gender;
	if (x->name_gender)
		return x->name_gender;
	return doc_gender_told(x);
}

int doc_gender_told(const struct person *x)
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
	/* "hen" and "hun" stand for people, not for a body ("boven hen": the
	 * two people there, not the bank named last) */
	if (m->plural && x->kind == P_BODY && !(m->pron & PR_SUBJ))
		return 0;
	if (m->plural)
		return group;
	if (group)
		return (m->pron & PR_PLURAL) != 0;
	int g = doc_gender(x);
	if (m->gender && g)
		return m->gender == g;
	return 1;
}

/* Person X, of no known gender, may be the antecedent of a gendered
 * pronoun in sentence SENT: a person described by a noun for a person who
 * was the subject of that sentence or the one before ("De bisschop hoorde
 * het aan. ... vroeg hij"), or a named one who was the subject of the
 * sentence before and not of this one ("Aan den drank is Bekker niet
 * gegaan. Hij ..."; in one sentence, a pronoun subject after a named one
 * is mostly someone else: "toen zij ging zitten, beefden hare handen").
 * Not a place named in passing. */
static int continues(const struct person *x, uint32_t sent)
{
	if (x->last_subject_sent < 0 || x->places)
		return 0;
	if (x->kind == P_DESCRIBED)
		return x->person_noun && (long)x->last_subject_sent + 1 >= (long)sent;
	return x->kind == P_NAMED && (long)x->last_subject_sent + 1 == (long)sent;
}

/* The finite verb beside the subject pronoun at token T: the one right
 * before it when that is a reporting verb ("vroeg ze"), else the word
 * right after it when it opens its sentence ("Ze legde"); 0 when none. */
static size_t verb_beside(const struct doc *d, size_t t)
{
	if (t > 0 && doc_has(d, t - 1) && doc_tok(d, t - 1)->sent == doc_tok(d, t)->sent &&
	    doc_is(d, t - 1, LX_CUE | LX_CUE_SEP))
		return t - 1;
	if ((doc_tok(d, t)->flags & TK_SENT) && doc_has(d, t + 1) && !(doc_tok(d, t + 1)->flags & TK_SENT) &&
	    (doc_tok(d, t + 1)->flags & (TK_WORD | TK_CAP)) == TK_WORD && !doc_is(d, t + 1, LX_FUNCTION))
		return t + 1;
	return 0;
}

/* "ze" or "zij" as the subject of a verb in the singular ("vroeg ze",
 * "Ze legde"): she, not they. A finite verb in the plural ends in -n
 * ("vroegen", "gaan"), and so do a few in the singular ("kon", "begon"):
 * only a form that does not is read as singular. */
static int singular_verb(const struct doc *d, const struct mention *m)
{
	size_t t = (size_t)m->first, v = verb_beside(d, t);
	if (!v)
		return 0;
	const struct qtoken *k = doc_tok(d, v);
	char c = d->text[k->end - 1];
	return k->end - k->start > 1 && c != 'n' && c != 'N';
}

int32_t doc_resolve(struct doc *d, size_t mi)
{
	struct mention *m = doc_men(d, mi);
	if (m->type != M_PRONOUN)
		return m->person;
	if (m->person >= 0)
		return m->person;
	if ((m->pron & (PR_PLURAL | PR_SINGULAR | PR_SUBJ | PR_FIRST)) == (PR_PLURAL | PR_SINGULAR | PR_SUBJ) &&
	    m->subject && singular_verb(d, m))
		m->pron &= (uint16_t)~PR_PLURAL;
	int32_t p = -1;
	if (m->pron & PR_FIRST) {
		if (m->plural)
			return -1;   /* "wij": the narrator and others */
		if ((p = doc_narrator(d)) < 0)
			return -2;
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
				/* a person of no known gender who was the subject
				 * just before stays (continues): a pronoun goes on
				 * with the subject before, not with the man of three
				 * sentences back whose gender is known */
				int g = doc_gender(x);
				if (pass == 0 && m->gender && g != m->gender && !(g == GENDER_UNKNOWN && continues(x, sent)))
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
