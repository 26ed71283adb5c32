/* cuememo.c — the reporting verbs and cue phrases of the sentence being
 * read, found once for all its quotations (struct cue_memo, attrib.h):
 * the first verb with a speaker, the first cue phrase, the clauses that
 * end a verb's reach (a subordinate clause, a relative clause set off by
 * commas, a fronted subordinate clause giving way to the main clause's
 * verb, a clause of its own after a quotation). cues.c asks it for each
 * quotation; each token of a sentence is read once.
 */
#include "attrib.h"
#include "wordclass.h"

enum { NAMING_REACH = 8 };

/* Token T is "als" (class naming of quotes-function-words.txt) in the
 * clause of the memo's reporting verb, a few words after it with no comma
 * between, and it opens no clause: before a role or person noun it is the
 * role the subject speaks in ("vroeg Versnick als commissievoorzitter aan X
 * om '…'"); right before a quotation (an article may stand between) it
 * introduces what a naming verb (quotes-naming-verbs.txt) calls something
 * ("omschreef hij zich als \"…\"", "bestempelden hem als een '…'"), the
 * verb's words; after another verb it gives a role or a term ("sprak als
 * 'ervaringsdeskundige'"). */
static int als_of_the_verb(const struct doc *d, const struct cue_memo *m, size_t t)
{
	size_t q = t + 1;
	if (m->verb < 0 || (size_t)m->verb + NAMING_REACH < t || !doc_word_in(d, t, d->lx->naming))
		return 0;
	/* the verb's own clause: no comma between */
	for (size_t p = (size_t)m->verb + 1; p < t; p++)
		if (doc_punct(d, p, ',') || doc_clause_stop(d, p))
			return 0;
	if (doc_has(d, q) && doc_is(d, q, LX_DET))
		q++;
	if (!doc_has(d, q) || !doc_same_sentence(d, t, q))
		return 0;
	if (!(doc_tok(d, q)->flags & TK_QUOTE))
		return doc_is(d, q, LX_ROLE | LX_PERSON);
	return doc_word_in(d, (size_t)m->verb, d->lx->naming_verbs) != 0;
}

/* The sentence whose first token is FIRST opens with a subordinate
 * clause: its first word subordinates and is no complementizer. After such
 * a clause and its comma Dutch puts the main clause's finite verb first,
 * so a reporting verb there is the main clause's, and what the sentence
 * reports is its speaker's, not the words of a verb in the clause before
 * ("Hoewel de politie het niet wil bevestigen, verklaarde een woordvoerder
 * dat '…'": the spokesman's). */
int cues_opens_with_subordinate_clause(const struct doc *d, size_t first)
{
	return doc_has(d, first) && (doc_tok(d, first)->flags & TK_WORD) && doc_is(d, first, LX_SUB) &&
	       !doc_is(d, first, LX_COMPLEMENTIZER);
}

/* The reporting verb at T opens a clause of its own after a quotation of
 * the sentence's first reporting verb: a coordinator or a comma stands
 * between that quotation and T ("De minister noemde het plan 'een
 * goede stap', maar de oppositie vindt het 'te weinig'"); its own
 * subject after the quotation then speaks for the fragments that follow,
 * when it is a name or a description: a pronoun there mostly goes on with
 * the subject before ("Jansen noemde het '…', al vindt hij het '…'"),
 * whose mention says better who it is (nor a relative "die"). */
static int next_clause(const struct doc *d, const struct cue_memo *m, size_t t)
{
	if (m->verb < 0 || m->last_quote < m->verb)
		return 0;
	for (size_t p = (size_t)m->last_quote + 1; p < t; p++)
		if (doc_punct(d, p, ',') || (doc_clause_word(d, p) & CW_COORD))
			return 1;
	return 0;
}

/* Read the tokens of QT's sentence before QT into the memo. */
void cues_memo_scan(struct attributor *a, size_t qt)
{
	const struct doc *d = &a->d;
	struct cue_memo *m = &a->memo;
	const struct qtoken *q = doc_tok(d, qt);
	size_t first = q->sent_first < d->tok_base ? d->tok_base : q->sent_first;
	if (m->sent != q->sent || m->first != first || m->to < d->tok_base || m->to > qt)
		*m = (struct cue_memo){ q->sent, first, first, -1, -1, -1, -1, -1, -1, -1, -1,
		                        cues_opens_with_subordinate_clause(d, first), -1, -1, -1 };
	for (size_t t = m->to; t < qt; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->flags & TK_QUOTE) {
			m->last_quote = (long)t;
			continue;
		}
		/* a comma closes a subordinate clause set into the reporting
		 * verb's own ("beweerden, al was het niet duidelijk of ze
		 * vrijuit spraken, '…'", "noemt hij de crisis, waarin …,
		 * '…'"): the words after it are the verb's again */
		if (m->last_sub > m->verb && m->verb >= 0 && doc_punct(d, t, ','))
			m->last_sub = -1;
		/* a comma closing a relative clause that a comma opened takes
		 * its reporting verb with it: the main clause goes on ("Ruggiu,
		 * die schuld bekende, kreeg 'genade'") */
		if (m->relative >= 0 && doc_punct(d, t, ',')) {
			if (m->verb > m->relative)
				m->verb = -1;
			m->relative = -1;
		}
		if (t > first && doc_punct(d, t - 1, ',') && (k->flags & TK_WORD) &&
		    doc_word_in(d, t, d->lx->relatives))
			m->relative = (long)t;
		/* the first comma closes a fronted subordinate clause with a
		 * reporting verb in it: the main clause's verb may follow
		 * (opens_with_subordinate_clause) */
		if (doc_punct(d, t, ','))
			m->fronted = m->fronted == 1 && m->verb >= 0 ? 2 : 0;
		if (!(k->flags & TK_WORD))
			continue;
		int main_verb = m->fronted == 2 && doc_punct(d, t - 1, ',');
		if (m->fronted == 2)
			m->fronted = 0;
		if (doc_is(d, t, LX_SUB) && !doc_is(d, t, LX_COMPLEMENTIZER) && !als_of_the_verb(d, m, t))
			m->last_sub = (long)t;
		size_t np = cues_phrase_at(d, t);
		if (!np && doc_cue_verb(d, t)) {
			m->last_cue = (long)t;
			long s;
			/* a clause of its own after a quotation (next_clause) */
			if (m->verb >= 0 && !main_verb && next_clause(d, m, t) && (s = cues_speaker_of_verb(d, t)) >= 0 &&
			    doc_men(d, (size_t)s)->first > m->last_quote &&
			    doc_men(d, (size_t)s)->type != M_PRONOUN) {
				m->next_verb = (long)t;
				m->next_subject = s;
			/* the main clause's verb right after a fronted
			 * subordinate clause takes over from the verb in it */
			} else if ((m->verb < 0 || main_verb) && (s = cues_speaker_of_verb(d, t)) >= 0) {
				m->verb = (long)t;
				m->verb_subject = s;
				if (main_verb)
					m->last_sub = -1;
			}
		} else if (np) {
			m->last_cue = (long)t;
			long s;
			int self = cues_self_phrase(d, t, np);
			if ((m->phrase < 0 || self) && (s = cues_phrase_speaker(d, t, np)) >= 0) {
				m->phrase = (long)t;
				m->phrase_last = (long)(t + np - 1);
				m->phrase_subject = s;
				/* "naar eigen zeggen" attributes its own clause,
				 * whatever verb came before ("Zoals verwacht is
				 * X, naar eigen zeggen een '…'") */
				if (self)
					m->verb = -1;
			}
			t += np - 1;   /* its words are no cues of their own ("zeggen") */
		}
	}
	m->to = qt;
}

/* A cue phrase opening the sentence ("Volgens Tom Wauters dreigen
 * schippers '…'") names the source of what the sentence says; a verb of
 * its clause whose subject is a bare plural, a kind of people and no one
 * who said words ("schippers", "boze bewoners"), gives it no speaker of
 * its own. A definite subject speaks ("Volgens de krant noemde de minister
 * het '…'"). */
int cues_source_opens(const struct doc *d, const struct cue_memo *m)
{
	if (m->phrase < 0 || (size_t)m->phrase != m->first || m->verb < m->phrase_last || m->verb_subject < 0)
		return 0;
	const struct mention *s = doc_men(d, (size_t)m->verb_subject);
	return s->type == M_DESCRIPTION && s->plural && !doc_is(d, (size_t)s->first, LX_DET) &&
	       s->first > m->verb;
}

