/* cuewords.c — the words that report speech at a token and the mention
 * that speaks at them: a reporting verb's subject (after it when the
 * clause is inverted, else before it), the speaker before a colon, cue
 * phrases ("volgens", "in de woorden van") and nouns for what was said
 * ("een uitspraak van X"), the phrases that attribute their own clause
 * ("naar eigen zeggen"), and an inverted clause after a quotation whose
 * verb no list need know ("…", pruilde Anna). The rules that decide which cue a quotation has
 * are cues.c's; these answer for one token, looking at a bounded number of
 * tokens around it (CUE_BACK_REACH before, CUE_AFTER_REACH after).
 */
#include "attrib.h"
#include "mentions.h"
#include "wordclass.h"

enum { BACK_REACH = CUE_BACK_REACH, AFTER_REACH = CUE_AFTER_REACH, PASSIVE_REACH = 8 };

long cues_mention_at(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	return k ? k->mention : -1;
}

int cues_object_only(const struct mention *m)
{
	return m->type == M_PRONOUN && !(m->pron & PR_SUBJ);
}

long cues_speaker_after(const struct doc *d, size_t v)
{
	for (size_t p = v + 1; p <= v + AFTER_REACH && doc_same_sentence(d, v, p); p++) {
		/* a coordinator before any mention starts the next clause
		 * ("als 'mooi' omschreven en door mannen sexy gevonden") */
		if (doc_clause_stop(d, p) || doc_punct(d, p, ',') || doc_is(d, p, LX_SUB) ||
		    (doc_clause_word(d, p) & CW_COORD))
			return -1;
		/* the mention after a cue phrase is the phrase's speaker, the
		 * source the words came through, not the verb's subject
		 * ("oordeelde het Hof gisteren volgens het persbureau X", "zei
		 * volgens de krant de woordvoerder"): past both */
		size_t np = (doc_tok(d, p)->flags & TK_WORD) ? cues_phrase_at(d, p) : 0;
		if (np && !cues_self_phrase(d, p, np)) {
			size_t e = p + np;   /* the phrase's noun: after determiners */
			while (e < p + np + 3 && doc_same_sentence(d, v, e) && cues_mention_at(d, e) < 0 &&
			       doc_is(d, e, LX_DET | LX_POSSESSIVE))
				e++;
			if (!doc_same_sentence(d, v, e))
				return -1;
			long s = cues_mention_at(d, e);
			p = s >= 0 ? (size_t)doc_men(d, (size_t)s)->last : e;   /* or a word: "volgens overlevering" */
			continue;
		}
		long m = cues_mention_at(d, p);
		if (m >= 0)
			return m;
	}
	return -1;
}

/* The nearest subject-like mention before V in its sentence, not across a
 * quotation: a subject of a main clause first ("Bild, dat Kohl steunde,
 * vroeg": Bild), else one in a subordinate clause ("Terwijl Lavrova
 * klaagde"); never one in a prepositional phrase or an object pronoun. */
long cues_speaker_before(const struct doc *d, size_t v)
{
	long any = -1;
	for (size_t p = v; p-- > 0 && p + BACK_REACH > v && doc_same_sentence(d, v, p);) {
		if (doc_tok(d, p)->flags & TK_QUOTE)
			break;
		long m = cues_mention_at(d, p);
		if (m < 0)
			continue;
		const struct mention *x = doc_men(d, (size_t)m);
		if (x->in_pp || cues_object_only(x))
			continue;
		if (x->subject)
			return m;
		if (any < 0)
			any = m;
	}
	return any;
}

/* The speaker before a colon: the first subject of the sentence ("Hugo
 * Koeman, bestuurslid van het Landelijk Overleg: ..."), else the nearest. */
long cues_speaker_before_colon(const struct doc *d, size_t colon)
{
	size_t first = doc_tok(d, colon)->sent_first;
	if (first < d->tok_base || first + BACK_REACH < colon)
		return cues_speaker_before(d, colon);
	for (size_t p = first; p < colon; p++) {
		if (doc_tok(d, p)->flags & TK_QUOTE)
			break;
		long m = cues_mention_at(d, p);
		if (m >= 0 && doc_men(d, (size_t)m)->subject && !doc_men(d, (size_t)m)->in_pp)
			return m;
	}
	return cues_speaker_before(d, colon);
}

/* Token V, a reporting verb's form, may be a past participle, the form a
 * passive takes (quotes-participle-affixes.txt): "ge" at its start or after
 * a particle ("genoemd", "afgeschilderd"), or an unstressed prefix and a
 * participle's ending but not a past tense's ("verklaard", "omschreven";
 * not "verklaarde", "verklaarden", "verklaart", "zei", "noemt"). */
static int participle_like(const struct doc *d, size_t v)
{
	const struct wordclass *pa = d->lx->participle;
	char w[32];
	const struct qtoken *k = doc_tok(d, v);
	size_t n = k->end - k->start;
	if (n >= sizeof w || n < 5)
		return 0;
	wordclass_fold(d->text + k->start, n, w);
	for (size_t i = 0; i + 4 < n && i <= 4; i++)
		if ((wordclass_get(pa, w + i, 2) & PA_GE) && (i == 0 || (wordclass_get(pa, w, i) & PA_PARTICLE)))
			return 1;
	if (!(wordclass_get(pa, w, 2) & PA_PREFIX) && !(wordclass_get(pa, w, 3) & PA_PREFIX))
		return 0;
	if (wordclass_get(pa, w + n - 3, 3) & PA_PAST)
		return 0;
	return ((wordclass_get(pa, w + n - 1, 1) | wordclass_get(pa, w + n - 2, 2)) & PA_ENDING) != 0;
}

/* Reporting verb V is passive: a form of "worden" in its clause, at most
 * two words after it ("omschreven wordt als", "afgeschilderd te worden
 * als") or before it, back to the clause's start or a coordinator ("werd
 * hij genoemd", "wordt in de stad omschreven als"; not "werd kwaad en
 * riep"). */
static int passive_verb(const struct doc *d, size_t v)
{
	if (!participle_like(d, v))
		return 0;
	for (size_t p = v + 1; p <= v + 2 && doc_has(d, p) && doc_same_sentence(d, v, p) &&
	                       (doc_tok(d, p)->flags & TK_WORD); p++)
		if (doc_clause_word(d, p) & CW_PASSIVE)
			return 1;
	for (size_t p = v; p-- > 0 && p + PASSIVE_REACH > v && doc_has(d, p) && doc_same_sentence(d, v, p);) {
		if (!(doc_tok(d, p)->flags & TK_WORD))
			return 0;
		unsigned cw = doc_clause_word(d, p);
		if (cw & CW_PASSIVE)
			return 1;
		if ((cw & CW_COORD) || doc_is(d, p, LX_SUB))
			return 0;
	}
	return 0;
}

long cues_subject_after_verb(const struct doc *d, size_t v)
{
	long m = cues_speaker_after(d, v);
	if (m < 0)
		return -1;
	const struct mention *x = doc_men(d, (size_t)m);
	return !x->agent || participle_like(d, v) ? m : -1;
}

/* The passive agent of the clause of verb V ("door de wethouder"), or -1:
 * before V back to a comma or the clause's start (past a fragment the
 * verb governs: "door vrouwen als 'erg mooi' omschreven"), or a few words
 * after, up to a coordinator ("… omschreven en door mannen …" is the next
 * clause's). */
static long passive_agent(const struct doc *d, size_t v)
{
	size_t from = v;
	while (from > 0 && from + BACK_REACH > v && doc_has(d, from - 1) && doc_same_sentence(d, v, from - 1) &&
	       (!doc_clause_stop(d, from - 1) || (doc_tok(d, from - 1)->flags & TK_QUOTE)) &&
	       !doc_punct(d, from - 1, ','))
		from--;
	for (size_t p = from; p <= v + AFTER_REACH && doc_has(d, p) && doc_same_sentence(d, v, p); p++) {
		if (p > v && (doc_clause_word(d, p) & CW_COORD))
			break;
		long m = cues_mention_at(d, p);
		if (m >= 0 && doc_men(d, (size_t)m)->agent)
			return m;
	}
	return -1;
}

/* The comma at C closes a relative clause set off by commas ("De minister,
 * die gisteren werd herkozen, noemde …"): the verb after it follows its
 * subject, it is no inversion. */
static int after_relative_clause(const struct doc *d, size_t c)
{
	for (size_t p = c; p-- > 0 && p + BACK_REACH > c && doc_has(d, p) && doc_same_sentence(d, c, p);) {
		if (!doc_punct(d, p, ','))
			continue;
		return doc_word_in(d, p + 1, d->lx->relatives) != 0;
	}
	return 0;
}

/* The comma at C closes an apposition ("De premier van Thailand, Chuan
 * Leekpai, vroeg …", "Haar advocaat, mr. De Wit, noemde …"): one mention
 * stands between it and the comma before, and the sentence opens with a
 * mention (an article may come first), perhaps with a prepositional phrase
 * after it, up to that comma. The verb after C follows its subject; it is
 * no inversion. */
static int after_apposition(const struct doc *d, size_t c)
{
	/* the comma before, a few words back */
	size_t p = c;
	while (p > 0 && p + 8 > c && doc_has(d, p - 1) && doc_same_sentence(d, c, p - 1) && !doc_punct(d, p - 1, ','))
		p--;
	if (p == 0 || !doc_has(d, p - 1) || !doc_punct(d, p - 1, ',') || !doc_same_sentence(d, c, p - 1))
		return 0;
	long a = cues_mention_at(d, p);
	if (a < 0 || (size_t)doc_men(d, (size_t)a)->last + 1 != c)
		return 0;
	size_t first = doc_tok(d, c)->sent_first, t = first;
	if (first < d->tok_base)
		return 0;
	if (doc_is(d, t, LX_DET) && cues_mention_at(d, t) < 0)
		t++;
	long h = cues_mention_at(d, t);
	if (h < 0 || h == a || doc_men(d, (size_t)h)->in_pp)
		return 0;
	/* what is left before the first comma: a phrase opened by a
	 * preposition, words only */
	size_t e = (size_t)doc_men(d, (size_t)h)->last + 1, comma = p - 1;
	if (e < comma && !doc_is(d, e, LX_PREP))
		return 0;
	for (; e < comma; e++)
		if (!(doc_tok(d, e)->flags & TK_WORD) || e > t + 8)
			return 0;
	return 1;
}

/* A preposition stands between verb V and mention M after it. */
static int prep_between(const struct doc *d, size_t v, long m)
{
	for (size_t p = v + 1; p < (size_t)doc_men(d, (size_t)m)->first; p++)
		if (doc_is(d, p, LX_PREP))
			return 1;
	return 0;
}

long cues_speaker_of_verb(const struct doc *d, size_t v)
{
	/* a passive's subject is the one spoken of */
	if (passive_verb(d, v))
		return passive_agent(d, v);
	long m = cues_mention_at(d, v + 1);
	if (m >= 0 && doc_men(d, (size_t)m)->type == M_PRONOUN && !cues_object_only(doc_men(d, (size_t)m)) &&
	    doc_same_sentence(d, v, v + 1))
		return m;
	/* verb first, after a comma, a quotation or a dash, or second after a
	 * word that is no mention ("Daarop antwoordde De Morgan") */
	const struct qtoken *k = tk(d, v), *p = v > 0 ? tk(d, v - 1) : NULL;
	int inverted = !p || (k->flags & TK_SENT) || (doc_punct(d, v - 1, ',') && !after_relative_clause(d, v - 1) &&
	                                                        !after_apposition(d, v - 1)) ||
	               (p->flags & (TK_QUOTE | TK_DASH)) || ((p->flags & TK_SENT) && p->mention < 0);
	/* the subject after the verb stands after no preposition ("Gevraagd
	 * naar het genoegen …, repliceerde hij"), nor is it an object pronoun
	 * ("bestempelden hem als") */
	if (inverted && (m = cues_speaker_after(d, v)) >= 0 && !prep_between(d, v, m))
		return m;
	if ((m = cues_speaker_before(d, v)) >= 0)
		return m;
	m = cues_speaker_after(d, v);
	return m >= 0 && (cues_object_only(doc_men(d, (size_t)m)) || prep_between(d, v, m)) ? -1 : m;
}

/* A noun for what someone said and the preposition naming whose words
 * they are, at T ("een uitspraak van John Cage", "de woorden van de
 * minister"): 2 tokens, else 0. */
size_t cues_speech_noun_at(const struct doc *d, size_t t)
{
	/* the preposition first: it is one of the function words' (every
	 * word of class "of" is a "prep" too), so most phrase-first words
	 * ("in", "naar") are turned away without a look-up */
	if (!doc_has(d, t) || !doc_has(d, t + 1) || !doc_is(d, t + 1, LX_PREP))
		return 0;
	if (!doc_word_in(d, t, d->lx->speech_nouns) || !doc_same_sentence(d, t, t + 1))
		return 0;
	return doc_word_in(d, t + 1, d->lx->genitive) ? 2 : 0;
}

/* The noun for what was said that is the subject of the verb at T right
 * after quotation token QT, a copula or a reporting verb: an article and
 * at most two words (adverbs, adjectives) before it, no one and no
 * preposition ("is een
 * uitspraak van", "waren de laatste woorden van", "luidde nadien de
 * verklaring van"); its token, else 0. */
size_t cues_speech_noun_subject(const struct doc *d, size_t qt, size_t t)
{
	const struct qtoken *k = tk(d, t);
	if (!k || !(k->flags & TK_WORD) || !doc_same_sentence(d, qt, t) ||
	    !(doc_word_in(d, t, d->lx->copulas) || doc_cue_verb(d, t)))
		return 0;
	int det = 0;
	for (size_t p = t + 1; p <= t + 4 && doc_has(d, p) && doc_same_sentence(d, qt, p) &&
	                       (doc_tok(d, p)->flags & TK_WORD); p++) {
		if (det && cues_speech_noun_at(d, p))
			return p;
		/* someone, or a phrase, before it: the verb's subject is
		 * someone ("zei de minister in een verklaring van …") */
		long m = cues_mention_at(d, p);
		if (doc_is(d, p, LX_PREP) ||
		    (m >= 0 && !cues_speech_noun_at(d, (size_t)doc_men(d, (size_t)m)->last)))
			return 0;
		det |= doc_is(d, p, LX_DET) != 0;
	}
	return 0;
}

size_t cues_phrase_at(const struct doc *d, size_t t)
{
	if (!doc_is(d, t, LX_PHRASE_FIRST))
		return 0;
	size_t noun = cues_speech_noun_at(d, t);
	if (noun)
		return noun;
	char buf[160];
	size_t n = 0, best = 0;
	for (size_t k = 0; k < d->lx->longest_phrase_words && doc_has(d, t + k); k++) {
		const struct qtoken *w = doc_tok(d, t + k);
		size_t wl = w->end - w->start;
		if (!(w->flags & TK_WORD) || n + wl + 2 >= sizeof buf)
			break;
		if (k > 0)
			buf[n++] = ' ';
		n += wordclass_fold(d->text + w->start, wl, buf + n);
		if (wordclass_get(d->lx->wc, buf, n) & LX_PHRASE)
			best = k + 1;
	}
	return best;
}

/* The NP-word cue phrase at T attributes to the subject before it ("Chávez,
 * naar eigen zeggen een '…'"), not to the mention after it. */
int cues_self_phrase(const struct doc *d, size_t t, size_t np)
{
	char buf[160];
	size_t n = 0;
	for (size_t k = 0; k < np; k++) {
		const struct qtoken *w = doc_tok(d, t + k);
		size_t wl = w->end - w->start;
		if (n + wl + 2 >= sizeof buf)
			return 0;
		if (k > 0)
			buf[n++] = ' ';
		n += wordclass_fold(d->text + w->start, wl, buf + n);
	}
	return wordclass_get(d->lx->self_phrases, buf, n) != 0;
}

/* The speaker of the NP-word cue phrase at T. */
long cues_phrase_speaker(const struct doc *d, size_t t, size_t np)
{
	return cues_self_phrase(d, t, np) ? cues_speaker_before(d, t) : cues_speaker_after(d, t + np - 1);
}

/* ", VERB SUBJECT" right after quotation token QT: an inverted clause
 * whose verb the lists may lack ("…", pruilde Anna; "…", zo schreef hij;
 * "…", blikt Bové terug): Dutch puts the finite verb before the subject
 * only in a main clause that the quotation opens, so it reports it. The
 * verb's token in *V; returns the subject mention, or -1. */
long cues_inverted_clause(const struct doc *d, size_t qt, size_t *vp)
{
	if (!doc_punct(d, qt + 1, ',') || !doc_has(d, qt + 2) || !(doc_tok(d, qt + 2)->flags & TK_WORD))
		return -1;
	size_t v = qt + 2;
	if (doc_is(d, v, LX_FUNCTION) && !doc_is(d, v, LX_PRONOUN | LX_SUB))
		v++;
	/* the verb: a word of no function class ("zoals men X noemde" is a
	 * subordinate clause) */
	if (!doc_has(d, v + 1) || !doc_same_sentence(d, qt, v + 1) || !(doc_tok(d, v)->flags & TK_WORD) ||
	    (doc_tok(d, v)->flags & TK_CAP) || doc_is(d, v, LX_FUNCTION | LX_PRONOUN | LX_SUB))
		return -1;
	long m = cues_speaker_after(d, v);
	if (m < 0 || (size_t)doc_men(d, (size_t)m)->first > v + 2 || cues_object_only(doc_men(d, (size_t)m)) ||
	    doc_men(d, (size_t)m)->in_pp)
		return -1;
	/* an auxiliary before the subject: the reporting verb may close
	 * the clause ("…", had hij aangekondigd) */
	size_t last = (size_t)doc_men(d, (size_t)m)->last;
	for (size_t t = last + 1; t <= last + 10 && doc_same_sentence(d, v, t) && !doc_clause_stop(d, t) &&
	                          !doc_punct(d, t, ','); t++)
		if ((doc_tok(d, t)->flags & TK_WORD) && doc_cue_verb(d, t)) {
			v = t;
			break;
		}
	*vp = v;
	return m;
}
