/* barenouns.c — speakers named by a noun without an article (see doc.h
 * and mentions.h): a role right after a reporting verb, as headlines write
 * it ("zegt burgemeester"), a bare plural where a group speaks ("Critici
 * noemen", "volgens ingewijden"), a share of a group before its verb
 * ("Dertig procent van de kinderen zegt") and a kinship noun used as a
 * name ("Vader ging zitten", "zei moeder"). Each question says where such a
 * phrase is; mentions.c makes the mentions, and reads the descriptions with
 * an article and the names itself. Each looks at a bounded number of tokens
 * around its own.
 */
#include "doc.h"
#include "mentions.h"

/* A role noun in lower case right after a reporting verb, without an
 * article or a name after it, ends its phrase: a headline's or a
 * caption's speaker ("'…', zegt burgemeester na rellen", "aldus
 * minister."). */
int doc_bare_role_at(const struct doc *d, size_t t)
{
	/* the verb before first: it spares most words the look-up of
	 * their endings */
	if (t == 0 || (flags(d, t) & TK_CAP) || !word(d, t - 1) || !doc_is(d, t - 1, LX_CUE | LX_CUE_SEP) ||
	    !doc_is(d, t, LX_ROLE) || doc_is(d, t, LX_PLURAL | LX_FUNCTION))
		return 0;
	const struct qtoken *n = tk(d, t + 1);
	if (doc_portfolio_then_name(d, t))
		return 0;   /* "zei minister van Defensie Ludivine Dedonder" */
	return !n || n->sent != tk(d, t)->sent || (n->flags & TK_PUNCT) || (n->lex & LX_PREP);
}

int doc_portfolio_then_name(const struct doc *d, size_t t)
{
	return doc_is(d, t, LX_ROLE) && word(d, t + 1) && !capitalised(d, t + 1) && doc_is(d, t + 1, LX_PREP) &&
	       capitalised(d, t + 2) && capitalised(d, t + 3) && doc_is(d, t + 3, LX_MALE | LX_FEMALE) &&
	       !doc_is(d, t + 3, NOUN);
}

/* A bare plural: a plural noun for people or a group (listed as a plural,
 * or the plural of a listed noun: critici, ingewijden, vrouwen) heading a
 * noun phrase without an article, after at most two adjectives, where a
 * group speaks: opening its sentence ("Critici noemen het ...", "Boze
 * bewoners ..."), or a clause after a coordinator or a subordinating
 * conjunction ("maar critici noemen", "terwijl critici het ... noemen"),
 * right after a reporting verb or a cue phrase ("zeggen deskundigen",
 * "volgens ingewijden") or as a passive agent ("door vrouwen"). Not
 * before a name ("Ministers Kok en Zalm": the names are the mentions), nor
 * a capitalised word the text uses as a name. Returns the head token or
 * -1. */
long doc_bare_plural_at(struct doc *d, size_t t, size_t end)
{
	const struct qtoken *k = doc_tok(d, t);
	/* the phrase opens with its plural noun (vrouwen, critici, opa's, or
	 * a listed irregular plural) or an adjective before it, inflected in
	 * -e */
	if (!doc_bare_plural_may_open(d, k))
		return -1;
	/* where it stands first (cheap, before the words' classes): opening
	 * its sentence (a capitalised word only there), or after a reporting
	 * verb, a cue phrase, a subordinator, the preposition of an agent or
	 * a coordinator */
	const struct qtoken *b = t > 0 ? tk(d, t - 1) : NULL;
	int after_opener = b && (b->flags & TK_WORD) && b->sent == k->sent && !(k->flags & TK_CAP) &&
	            ((b->lex & (LX_CUE | LX_CUE_SEP | LX_PHRASE | LX_SUB)) ||
	             ((b->lex & LX_PREP) && (b->aux & AUX_AGENT)) ||
	             ((b->lex & LX_FUNCTION) && (b->aux & (CW_COORD << AUX_CLAUSE_SHIFT))));
	if (!after_opener && !doc_sentence_initial(d, t))
		return -1;
	long head = -1;
	for (size_t p = t; head < 0 && p < end && p <= t + 2; p++) {
		const struct qtoken *w = doc_tok(d, p);
		if (!(w->flags & TK_WORD) || (w->flags & (TK_QUOTE | TK_NUMBER | TK_HYPHEN_ROLE | TK_ALLCAPS)) ||
		    w->sent != k->sent || (p > t && (w->flags & TK_CAP)))
			return -1;
		if (w->lex & (LX_FUNCTION | LX_CUE | LX_CUE_SEP | LX_DET))
			return -1;
		/* an adjective before a plural noun ends in -e; a plural noun
		 * does not, unless listed */
		int e = d->text[w->end - 1] == 'e';
		if (e && !(w->lex & LX_PLURAL))
			continue;
		uint32_t lex = doc_lex_lower(d, p);
		if ((lex & LX_PLURAL) && (lex & (LX_PERSON | LX_GROUP | LX_ROLE)) && !(lex & LX_FUNCTION))
			head = (long)p;
		else if (!e)
			return -1;
	}
	if (head < 0 || ((size_t)head + 1 < end && doc_name_word(d, (size_t)head + 1)))
		return -1;
	if ((k->flags & TK_CAP) && (doc_known_free(d, t) || doc_is(d, t, LX_MALE | LX_FEMALE)))
		return -1;
	return head;
}

/* A share of a group opening a clause right before its reporting verb: a
 * number or an article, a share noun, and perhaps "van" and at most four
 * words that name the group ("Dertig procent van de ondervraagde kinderen
 * zegt", "en negen procent vraagt", "De helft van de leden noemt"): the
 * people it counts speak. Returns the phrase's last token or -1. */
long doc_share_at(const struct doc *d, size_t t, size_t end)
{
	/* the word after next (the verb or "van") and the share noun in
	 * lower case first, then where it stands: they spare most words the
	 * look-ups */
	if (t + 2 >= end || !(doc_tok(d, t + 2)->lex & (LX_CUE | LX_CUE_SEP | LX_PREP)))
		return -1;
	const struct qtoken *k = doc_tok(d, t), *k1 = doc_tok(d, t + 1);
	if ((k1->flags & (TK_WORD | TK_CAP)) != TK_WORD || !(k->flags & (TK_WORD | TK_NUMBER)) ||
	    (k->flags & TK_QUOTE))
		return -1;
	if (!doc_sentence_initial(d, t) &&
	    !(word(d, t - 1) && doc_is(d, t - 1, LX_FUNCTION) && tk(d, t - 1)->sent == tk(d, t)->sent &&
	      (doc_clause_word(d, t - 1) & CW_COORD)))
		return -1;
	if (!doc_word_in(d, t + 1, d->lx->share) || tk(d, t + 1)->sent != tk(d, t)->sent)
		return -1;
	size_t p = t + 2;
	if (!doc_word_in(d, p, d->lx->genitive))
		return doc_is(d, p, LX_CUE | LX_CUE_SEP) ? (long)t + 1 : -1;
	for (size_t q = p + 1; q < end && q <= p + 5; q++) {
		const struct qtoken *k = tk(d, q);
		if (!(k->flags & TK_WORD) || (k->flags & TK_QUOTE) || k->sent != tk(d, t)->sent)
			return -1;
		if (doc_is(d, q, LX_CUE | LX_CUE_SEP))
			return q > p + 1 ? (long)q - 1 : -1;
	}
	return -1;
}

/* Token T is a kinship noun used as a name ("Vader ging zitten.", "zei
 * moeder"): a singular noun of the kin class with no article or possessive
 * before it (the article phrases are descriptions, read before this), nor
 * another word in lower case but a function word or a reporting verb (an
 * adjective: "lieve Moeder"), not followed by "van" or a name ("Oom Piet":
 * the name is the mention); written in lower case only right after a
 * reporting verb ("zei moeder", not "en moeder", "als vader"). */
int doc_kin_name_at(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	size_t n = k->end - k->start;
	int cap = (k->flags & TK_CAP) != 0;
	if (n >= 32 || (k->flags & (TK_QUOTE | TK_NUMBER | TK_HYPHEN_ROLE)) ||
	    (!cap && !(t > 0 && doc_is(d, t - 1, LX_CUE | LX_CUE_SEP))))
		return 0;
	/* a kinship noun (its own class, kept with the token) that no
	 * ending makes a plural */
	if (!(k->aux & AUX_KIN) || (doc_lex(d, t) & (LX_PERSON | LX_PLURAL | LX_FUNCTION)) != LX_PERSON)
		return 0;
	if (t > 0 && word(d, t - 1) && tk(d, t - 1)->sent == k->sent) {
		const struct qtoken *p = tk(d, t - 1);
		uint32_t pl = doc_lex(d, t - 1);
		if ((pl & (LX_DET | LX_POSSESSIVE)) || (p->pron & PR_POSSESSIVE))
			return 0;
		int cue = (pl & (LX_CUE | LX_CUE_SEP)) != 0;
		if (!cap && !cue)
			return 0;
		if (!cue && !(p->flags & TK_CAP) && !(pl & LX_FUNCTION))
			return 0;   /* "lieve Moeder", "Een zonderling man": an adjective */
	} else if (!cap) {
		return 0;
	}
	if (word(d, t + 1) && tk(d, t + 1)->sent == k->sent &&
	    (doc_word_in(d, t + 1, d->lx->genitive) || doc_name_word(d, t + 1)))
		return 0;
	return 1;
}
