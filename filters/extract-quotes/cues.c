/* cues.c — is a quotation speech, of which kind, and what attributes it.
 * The rules, in the order they are tried for each quotation:
 *   after   a reporting verb right after it ("…", zegt X / "…" noemt X)
 *   before  a reporting verb or prepositional cue earlier in its sentence
 *           (the main clause's first: "X zei dat Y weet …"), or a colon
 *           right before it ("X zei: …", "volgens X …", "X: …")
 *   end     a reporting clause closing its sentence after a comma
 *           ("… het 'onrecht' ter sprake brengen, zegt de pastoor")
 *   prev    a quotation that opens its sentence takes the cue of the
 *           sentence before it ("…, zegt X. "…"") unless it continues the
 *           quotation there
 *   next    "“…”. Dat zegt X." — the next sentence opens with a
 *           demonstrative and a reporting verb
 * Speech is a quotation that opens its sentence (and ends it, or a cue
 * follows), follows a colon or a dialogue dash, or resumes after an
 * inserted cue: kind direct. Inside a sentence it is a fragment (partial)
 * only with a cue and a speaker at it who is a person or a body; otherwise,
 * and for anything in title case, after a term marker ("de zogenoemde") or
 * before a year in brackets, it is a scare quote, a term or a title, and
 * dropped. Who the speaker is, is the ranker's question (features.c): the
 * mention at the cue is its strongest clue.
 *
 * The words at a cue and the mention that speaks at them (a verb's
 * subject, cue phrases, nouns for what was said) are cuewords.c's.
 * What a quotation's form says before any cue (a title, an item of a
 * listing, an aside in brackets, a full utterance) and indirect speech
 * are forms.c's.
 *
 * Each rule looks at a bounded number of tokens, and the cues of a
 * sentence are searched once for all its quotations (struct cue_memo,
 * filled by cuememo.c), so
 * a sentence of any length with any number of quotations costs linear time.
 */
#include <string.h>
#include "attrib.h"
#include "wordclass.h"

enum { BACK_REACH = CUE_BACK_REACH, AFTER_REACH = CUE_AFTER_REACH, END_REACH = CUE_END_REACH, SELF_REACH = 8 };


struct cue {
	size_t first, last;   /* tokens */
	long subject;         /* mention, -1 */
};

/* The first reporting verb with a speaker in tokens [FROM, TO) of one
 * sentence, else the first cue phrase with one (the previous sentence:
 * without the memo, at most BACK_REACH tokens). */
static int find_cue(const struct doc *d, size_t from, size_t to, struct cue *c)
{
	/* a verb in a fronted subordinate clause gives way to the main
	 * clause's right after its comma (cues_memo_scan) */
	int fronted = cues_opens_with_subordinate_clause(d, from), found = 0;
	if (to > from + BACK_REACH)
		from = to - BACK_REACH, fronted = 0;
	size_t main = SIZE_MAX;   /* the token after the comma closing that clause */
	for (size_t t = from; t < to; t++) {
		if (found && main != SIZE_MAX && t > main)
			return 1;
		if (doc_punct(d, t, ',')) {
			if (found)
				main = t + 1;
			fronted = 0;
			continue;
		}
		if (!(doc_tok(d, t)->flags & TK_WORD) || !doc_cue_verb(d, t) || cues_phrase_at(d, t) ||
		    (found && t != main))
			continue;
		long m = cues_speaker_of_verb(d, t);
		if (m >= 0) {
			*c = (struct cue){ t, t, m };
			if (!fronted || found)
				return 1;
			found = 1;
		}
	}
	if (found)
		return 1;
	for (size_t t = from; t < to; t++) {
		size_t np = (doc_tok(d, t)->flags & TK_WORD) ? cues_phrase_at(d, t) : 0;
		long m;
		if (np && (m = cues_phrase_speaker(d, t, np)) >= 0) {
			*c = (struct cue){ t, t + np - 1, m };
			return 1;
		}
	}
	return 0;
}

/* The clause of the reporting verb at V denies it ("schrijven de kranten
 * niet"): a negation before the clause ends. */
static int denied(const struct doc *d, size_t v)
{
	for (size_t p = v + 1; p < v + 10 && doc_same_sentence(d, v, p) && !doc_clause_stop(d, p) &&
	                       !doc_punct(d, p, ','); p++)
		if (doc_is(d, p, LX_NEGATION))
			return 1;
	return 0;
}

/* A reporting verb right after quotation token QT: "“…”, zegt X",
 * "“…” noemt X", ", zo zegt hij". */
static int cue_after(const struct doc *d, size_t qt, struct cue *c)
{
	size_t t = qt + 1;
	if (doc_punct(d, t, ','))
		t++;
	/* "“…” is een uitspraak van X", "“…”, waren de laatste woorden van
	 * X", "“…”, luidde de verklaring van X": a copula or a reporting verb
	 * and a noun for what was said, whose speaker follows */
	size_t noun = cues_speech_noun_subject(d, qt, t);
	if (noun) {
		*c = (struct cue){ noun, noun + 1, cues_speaker_after(d, noun + 1) };
		return 1;
	}
	for (int skip = 0; skip < 2 && doc_same_sentence(d, qt, t); skip++, t++) {
		if (!(doc_tok(d, t)->flags & TK_WORD))
			return 0;
		size_t np = cues_phrase_at(d, t);
		if (np > 0 && cues_self_phrase(d, t, np))
			return 0;
		if (np > 0 || doc_cue_verb(d, t)) {
			size_t last = np > 0 ? t + np - 1 : t;
			if (denied(d, last))
				return 0;
			*c = (struct cue){ t, last, np > 0 ? cues_speaker_after(d, last) : cues_subject_after_verb(d, last) };
			return 1;
		}
		if (!doc_is(d, t, LX_FUNCTION))
			return 0;
	}
	return 0;
}

/* A reporting clause that closes the sentence after a comma, a few words
 * after quotation token QT: ", zegt de pastoor." */
static int cue_at_end(const struct doc *d, size_t qt, struct cue *c)
{
	for (size_t t = qt + 1; t < qt + END_REACH && doc_same_sentence(d, qt, t); t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->flags & TK_QUOTE)
			return 0;
		if (!doc_punct(d, t - 1, ',') || !doc_cue_verb(d, t) || denied(d, t))
			continue;
		long m = cues_speaker_after(d, t);
		if (m < 0)
			continue;
		/* the subject ends the sentence, or a phrase after it does
		 * ("zegt de pastoor tegen de krant"); not a negation ("schrijven
		 * de kranten niet") */
		size_t e = (size_t)doc_men(d, (size_t)m)->last + 1;
		if (doc_same_sentence(d, t, e) && !(doc_tok(d, e)->flags & TK_PUNCT) && !doc_is(d, e, LX_PREP))
			continue;
		while (e < t + 8 && doc_same_sentence(d, t, e) && !(doc_tok(d, e)->flags & TK_PUNCT))
			e++;
		if (!doc_same_sentence(d, t, e) || doc_clause_stop(d, e) || !doc_has(d, e + 1) ||
		    !doc_same_sentence(d, t, e + 1)) {
			*c = (struct cue){ t, t, m };
			return 1;
		}
	}
	return 0;
}

/* A reporting verb that closes the clause right after fragment QT, as
 * Dutch puts the verb last in a subordinate clause or a perfect tense
 * ("die het als 'fantastisch realisme' omschrijft", "leuzen als '…'
 * riepen", "het een '…' te noemen"): its speaker is the clause's subject,
 * before the fragment. */
static int cue_verb_last(const struct doc *d, size_t qt, struct cue *c)
{
	for (size_t t = qt + 1; t < qt + 4 && doc_same_sentence(d, qt, t); t++) {
		if (!(doc_tok(d, t)->flags & TK_WORD) || doc_clause_stop(d, t))
			return 0;
		if (doc_cue_verb(d, t) && !cues_phrase_at(d, t)) {
			long m = cues_speaker_before(d, qt);
			if (m < 0 || denied(d, t))
				return 0;
			*c = (struct cue){ t, t, m };
			return 1;
		}
	}
	return 0;
}

/* Cue C, a reporting verb right after fragment QT with no subject after
 * it, closes the fragment's clause, verb last as Dutch puts it ("die het
 * als 'ludiek' bestempelt", "leuzen zoals 'Sieg Heil' riepen", "hebben hem
 * de '…' genoemd"): the fragment is the verb's object, and the clause's
 * subject, before it, speaks. Not when a preposition governs the fragment
 * ("van al die '…' sprak", "voor '…' opmerkte": it is part of a phrase, not
 * what was said) or the verb is one of opinion ("zoo '…' vond"). */
static int verb_final_object(const struct doc *d, size_t qt, const struct cue *c)
{
	if (c->first != qt + 1 || c->last != qt + 1 || doc_is(d, c->first, LX_OPINION))
		return 0;
	/* the preposition may stand before its determiners ("van al die '…'") */
	size_t p = qt;
	while (p > 0 && p + 4 > qt && doc_has(d, p - 1) && doc_same_sentence(d, qt, p - 1) &&
	       doc_is(d, p - 1, LX_DET | LX_POSSESSIVE | LX_PLURAL_DET) && !doc_is(d, p - 1, LX_PREP))
		p--;
	return !(p > 0 && doc_has(d, p - 1) && doc_is(d, p - 1, LX_PREP));
}

/* The speaker of a verb-final clause that fragment QT closes: the passive
 * agent of its clause ("worden door vrouwen als '…' omschreven"), else the
 * subject before it. */
static long verb_final_speaker(const struct doc *d, size_t qt)
{
	for (size_t p = qt; p-- > 0 && p + END_REACH > qt && doc_same_sentence(d, qt, p);) {
		if ((doc_tok(d, p)->flags & TK_QUOTE) || doc_clause_stop(d, p) || doc_punct(d, p, ','))
			break;
		long m = cues_mention_at(d, p);
		if (m >= 0 && doc_men(d, (size_t)m)->agent)
			return m;
	}
	return cues_speaker_before(d, qt);
}

/* A subordinate clause right after fragment QT whose subject opens it and
 * whose reporting verb closes it, as Dutch puts the verb last ("'…',
 * zoals de Mossad dat zelf omschrijft", "'…', zoals een tijdschrift hem
 * omschreef,"): that subject speaks. */
static int cue_clause_after(const struct doc *d, size_t qt, struct cue *c)
{
	size_t t = qt + 1;
	if (doc_punct(d, t, ','))
		t++;
	if (!doc_same_sentence(d, qt, t) || !doc_is(d, t, LX_SUB) || doc_is(d, t, LX_COMPLEMENTIZER))
		return 0;
	long m = -1;
	for (size_t p = t + 1; p < t + 3 && m < 0 && doc_same_sentence(d, qt, p) &&
	                       (doc_tok(d, p)->flags & TK_WORD); p++)
		m = cues_mention_at(d, p);
	if (m < 0 || cues_object_only(doc_men(d, (size_t)m)) || (doc_men(d, (size_t)m)->pron & PR_DEMONSTRATIVE))
		return 0;
	for (size_t v = (size_t)doc_men(d, (size_t)m)->last + 1; v < t + 10 && doc_same_sentence(d, qt, v); v++) {
		if (!(doc_tok(d, v)->flags & TK_WORD))
			return 0;
		if (doc_cue_verb(d, v) && !cues_phrase_at(d, v) &&
		    (!doc_same_sentence(d, v, v + 1) || doc_punct(d, v + 1, ',') || doc_clause_stop(d, v + 1))) {
			if (denied(d, v))
				return 0;
			*c = (struct cue){ v, v, m };
			return 1;
		}
	}
	return 0;
}

/* The first token of the sentence after QT's (within reach), or 0. */
static size_t next_sentence(const struct doc *d, size_t qt)
{
	for (size_t t = qt + 1; t < qt + BACK_REACH && doc_has(d, t); t++)
		if (doc_tok(d, t)->flags & TK_SENT)
			return t;
	return 0;
}

/* "“…”. Dat zegt minister Bos.": the next sentence of the paragraph
 * opens with a demonstrative and a reporting verb. */
static int cue_next_sentence(struct attributor *a, size_t qt, struct cue *c)
{
	struct doc *d = &a->d;
	size_t n = next_sentence(d, qt);
	if (!n || !doc_has(d, n + 1) || doc_tok(d, n)->para != doc_tok(d, qt)->para ||
	    !doc_is(d, n, LX_DEFINITE) || !doc_cue_verb(d, n + 1))
		return 0;
	if (doc_mentions_until(d, n + 2 + AFTER_REACH) < 0)
		return -1;
	long m = cues_speaker_after(d, n + 1);
	if (m < 0)
		return 0;
	*c = (struct cue){ n + 1, n + 1, m };
	return 1;
}

/* Mention M is the subject of the clause whose reporting verb closes at
 * token V, words only between them ("Katzav heeft na zijn verkiezing al
 * verklaard"). */
static int subject_of_clause(const struct doc *d, const struct mention *m, size_t v)
{
	if (!m->subject || m->in_pp || (size_t)m->last >= v || (size_t)m->last + BACK_REACH < v ||
	    !doc_is(d, v, LX_CUE | LX_CUE_SEP))
		return 0;
	for (size_t p = (size_t)m->last + 1; p < v; p++)
		if (!(doc_tok(d, p)->flags & TK_WORD))
			return 0;
	return 1;
}

static void set_cue(struct attributor *a, struct wquote *w, enum cue_pos pos, const struct cue *c)
{
	struct doc *d = &a->d;
	w->cue_pos = pos;
	w->cue = doc_span(d, c->first, c->last);
	w->subject = (int32_t)c->subject;
	if (c->subject < 0)
		return;
	/* a name right beside its reporting verb or after a cue phrase is a
	 * person ("zei Lavrova", "Lavrova klaagde", "volgens Lavrova") */
	const struct mention *m = doc_men(d, (size_t)c->subject);
	if (m->person >= 0 && ((size_t)m->last + 1 == c->first || (size_t)m->first == c->last + 1 ||
	                       (size_t)m->first == c->last + 2 || subject_of_clause(d, m, c->first)))
		d->per[m->person].evidence = 1;
}

int cues_of_quote(struct attributor *a, size_t qi)
{
	struct doc *d = &a->d;
	struct wquote *w = doc_quote(d, qi);
	size_t qt = (size_t)w->tok;
	const struct qtoken *q = doc_tok(d, qt);
	cues_memo_scan(a, qt);
	size_t first = a->memo.first;
	int colon = qt > first && doc_punct(d, qt - 1, ':');
	/* opens its sentence, follows a colon or a dash, or resumes a direct
	 * quotation after an inserted cue (",,Ja'', zei hij, ,,maar …'') */
	int standalone = qt == first || colon || w->dash || (q->flags & TK_SENT) ||
	                 (qt > 0 && doc_has(d, qt - 1) && (doc_tok(d, qt - 1)->flags & TK_DASH));
	if (!standalone && doc_punct(d, qt - 1, ',') && a->memo.last_quote >= 0 &&
	    a->memo.last_cue > a->memo.last_quote && doc_has(d, (size_t)a->memo.last_quote)) {
		const struct wquote *p = doc_quote(d, (size_t)doc_tok(d, (size_t)a->memo.last_quote)->quote);
		standalone = p->kind == QUOTE_DIRECT;
	}
	struct cue c;
	int skind = SPEECH_CUE_NONE;
	size_t cfirst = qt, clast = qt;
	int after = cue_after(d, qt, &c);
	if (after && c.subject < 0 && !standalone && verb_final_object(d, qt, &c))
		c.subject = verb_final_speaker(d, qt);
	/* a verb after a fragment with no one to say it, where the verb
	 * before it has a speaker, is the next clause's ("Ze noemden hem
	 * '…', en stelden dat"): the verb before attributes the fragment */
	if (after && c.subject < 0 && !standalone && a->memo.verb >= 0 && a->memo.last_sub < a->memo.verb)
		after = 0;
	/* a quotation that opens a sentence which then goes on without a
	 * reporting verb ("'Gamechanger' is een groot woord") is part of it;
	 * a note in brackets after it is no such sentence ("'…' (1988)") */
	if (standalone && !after && !w->dash && !doc_punct(d, qt + 1, '(')) {
		size_t n = qt + 1;
		while (n < qt + 4 && doc_same_sentence(d, qt, n) && (doc_tok(d, n)->flags & TK_PUNCT) &&
		       !doc_punct(d, n, ','))
			n++;
		if (doc_same_sentence(d, qt, n) && !doc_punct(d, n, ',') && !(doc_tok(d, n)->flags & TK_QUOTE))
			standalone = 0;
	}
	w->kind = standalone ? QUOTE_DIRECT : QUOTE_PARTIAL;
	/* the next item of a series whose first item was left out as a title
	 * or a term ("…: 'A', 'B', 'C'") is one too */
	if (forms_title_of_work(d, qt) || forms_after_dropped_item(d, qt)) {
		w->kind = QUOTE_DROPPED;
		return 0;
	}
	/* "naar eigen zeggen" reaches a fragment of its own clause, a few
	 * words on, not one in a clause further on ("waarop … door de '…'") */
	int phrase = a->memo.phrase >= 0 &&
	             !(qt > (size_t)a->memo.phrase_last + SELF_REACH &&
	               cues_self_phrase(d, (size_t)a->memo.phrase, (size_t)(a->memo.phrase_last - a->memo.phrase + 1)));
	if (after) {
		set_cue(a, w, CUE_AFTER, &c);
		skind = SPEECH_CUE_AFTER, cfirst = c.first, clast = c.last;
	} else if ((a->memo.verb >= 0 && (standalone || a->memo.last_sub < a->memo.verb)) || phrase) {
		/* a fragment is the words of a reporting verb before it only in
		 * its clause or the clause it reports: not past "toen", "omdat"
		 * ("België vroeg om problemen toen het koos voor een '...'") */
		int verb = a->memo.verb >= 0 && (standalone || a->memo.last_sub < a->memo.verb) &&
		           !(phrase && cues_source_opens(d, &a->memo));
		struct cue m = verb
			? (struct cue){ (size_t)a->memo.verb, (size_t)a->memo.verb, a->memo.verb_subject }
			: (struct cue){ (size_t)a->memo.phrase, (size_t)a->memo.phrase_last, a->memo.phrase_subject };
		/* a fragment after a clause of its own with a reporting verb
		 * and subject is that verb's (next_clause) */
		if (verb && !standalone && a->memo.next_verb > a->memo.verb && a->memo.last_sub < a->memo.next_verb)
			m = (struct cue){ (size_t)a->memo.next_verb, (size_t)a->memo.next_verb, a->memo.next_subject };
		set_cue(a, w, CUE_BEFORE, &m);
		skind = verb ? SPEECH_CUE_VERB : SPEECH_CUE_PHRASE;
		cfirst = m.first, clast = m.last;
	} else if (!standalone && cue_clause_after(d, qt, &c)) {
		/* a reporting clause of its own, like one closing the sentence */
		set_cue(a, w, CUE_AFTER, &c);
		skind = SPEECH_CUE_END, cfirst = c.first, clast = c.last;
	} else if (colon) {
		c = (struct cue){ qt - 1, qt - 1, cues_speaker_before_colon(d, qt - 1) };
		set_cue(a, w, CUE_BEFORE, &c);
		skind = SPEECH_CUE_COLON, cfirst = clast = qt - 1;
	} else if (!w->dash && cue_at_end(d, qt, &c)) {
		set_cue(a, w, CUE_AFTER, &c);
		skind = SPEECH_CUE_END, cfirst = c.first, clast = c.last;
	} else if (!standalone && cue_verb_last(d, qt, &c)) {
		set_cue(a, w, CUE_AFTER, &c);
		skind = SPEECH_CUE_AFTER, cfirst = c.first, clast = c.last;
	} else if (standalone && !w->dash && (c.subject = cues_inverted_clause(d, qt, &c.first)) >= 0 &&
	           !denied(d, c.first)) {
		/* an inverted clause with a verb the lists lack reports it */
		c.last = c.first;
		set_cue(a, w, CUE_AFTER, &c);
		skind = SPEECH_CUE_AFTER, cfirst = c.first, clast = c.last;
	} else if (standalone && first > d->tok_base) {
		/* the cue of the sentence before, unless a quotation there
		 * with a speaker goes on here (a ranker's feature) */
		size_t pf = doc_tok(d, first - 1)->sent_first;
		if (pf < d->tok_base)
			pf = d->tok_base;
		int cont = 0;
		for (size_t p = first > pf + BACK_REACH ? first - BACK_REACH : pf; p < first; p++)
			if ((doc_tok(d, p)->flags & TK_QUOTE) &&
			    doc_quote(d, (size_t)doc_tok(d, p)->quote)->kind != QUOTE_DROPPED &&
			    doc_quote(d, (size_t)doc_tok(d, p)->quote)->person >= 0)
				cont = 1;
		if (!cont && find_cue(d, pf, first, &c))
			set_cue(a, w, CUE_PREV_SENTENCE, &c);
	}
	if (w->cue_pos == CUE_NONE && standalone) {
		int r = cue_next_sentence(a, qt, &c);
		if (r < 0)
			return -1;
		if (r)
			set_cue(a, w, CUE_AFTER, &c);
	}
	/* a quotation standing alone that only a cue outside its sentence, a
	 * colon or nothing attributes, and that a comma continues without
	 * any reporting word, is an item of a listing; so is the first of a
	 * series of quotations after a colon (titles: "…: 'A', 'B', 'C'") */
	if (standalone && !w->dash &&
	    (((w->cue_pos == CUE_NONE || w->cue_pos == CUE_PREV_SENTENCE || skind == SPEECH_CUE_COLON) &&
	      forms_listed_item(d, qt)) ||
	     (colon && doc_punct(d, qt + 1, ',') && doc_has(d, qt + 2) &&
	      (doc_tok(d, qt + 2)->flags & TK_QUOTE)))) {
		w->kind = QUOTE_DROPPED;
		return 0;
	}
	if (w->cue_pos == CUE_NONE && !standalone) {
		w->kind = QUOTE_DROPPED;   /* a term in quotation marks */
		return 0;
	}
	/* a fragment in brackets that a cue outside them attributes is an
	 * aside, a term glossed in passing ("denkt dat … (de 'interne
	 * markt') al …") */
	if (w->kind == QUOTE_PARTIAL && w->cue_pos != CUE_NONE) {
		long b = forms_open_bracket(d, qt);
		if (b >= 0 && cfirst < (size_t)b) {
			w->kind = QUOTE_DROPPED;
			return 0;
		}
	}
	/* a fragment needs a speaker at its cue who is a person (or a body),
	 * and is not a name or a title in quotation marks */
	if (w->kind == QUOTE_PARTIAL) {
		const struct mention *m = w->subject >= 0 ? doc_men(d, (size_t)w->subject) : NULL;
		if (!m || (m->type == M_NAME && (m->person < 0 || !d->per[m->person].evidence)) ||
		    doc_title_case(d, w->span.start, w->span.end)) {
			w->kind = QUOTE_DROPPED;
			return 0;
		}
	}
	if (w->subject >= 0) {
		const struct mention *m = doc_men(d, (size_t)w->subject);
		if (m->person >= 0)
			d->per[m->person].evidence = 1;   /* it speaks */
	}
	if (w->cue_pos == CUE_NONE && !w->dash && !forms_utterance_like(d, &w->span)) {
		w->kind = QUOTE_DROPPED;
		return 0;
	}
	/* a fragment, or a short quotation that does not end a sentence: is it
	 * someone's words (speech.c)? */
	if ((w->kind == QUOTE_PARTIAL || (!w->dash && !forms_utterance_like(d, &w->span))) &&
	    (skind == SPEECH_CUE_VERB || skind == SPEECH_CUE_AFTER)) {
		uint32_t f[SPEECH_FEATURES_MAX];
		size_t n = speech_features(a, qi, skind, cfirst, clast, f);
		float score = perceptron_score(&a->model, f, n);
		if (a->gold && train_speech(a, qi, f, n, score) < 0)
			return -1;
		if (score < 0)
			w->kind = QUOTE_DROPPED;
	}
	return 0;
}
