/* forms.c — what the form of words says of them, apart from the search
 * for their cue (cues.c): a quotation that is the title of a work, an item
 * of a listing, an aside in brackets, or a full utterance; and indirect
 * speech, the words after a reporting verb and "dat" reported without
 * quotation marks (--indirect). Each looks at a bounded number of tokens.
 */
#include <string.h>
#include "attrib.h"
#include "grow.h"
#include "wordclass.h"

/* The term marker at T is the object of a naming verb before it in its
 * clause, and what the verb calls it, in lower case, follows ("Critici
 * noemen het boek 'een meesterwerk'", "Ze noemde het project 'kansrijk'"):
 * the quotation says what it is, not what it is called. */
static int named_object(const struct doc *d, size_t t, size_t qt)
{
	const struct wquote *w = doc_quote(d, (size_t)doc_tok(d, qt)->quote);
	unsigned char c = (unsigned char)d->text[w->span.start];
	size_t after = doc_tok(d, qt)->end;
	if (!((c >= 'a' && c <= 'z') || c >= 0xC0) || wordclass_is_upper(d->text + w->span.start, w->span.end - w->span.start))
		return 0;
	if (after < d->len && d->text[after] != ' ' && d->text[after] != '\n' && !strchr(".,;:!?)", d->text[after]))
		return 0;   /* glued to a word: "het zogenaamde 'elk wat wils'-plan" */
	for (size_t p = t; p-- > 0 && p + 4 >= t && doc_has(d, p) && doc_same_sentence(d, t, p);) {
		if (!(doc_tok(d, p)->flags & TK_WORD))
			return 0;
		if (doc_word_in(d, p, d->lx->naming_verbs))
			return 1;
	}
	return 0;
}

/* Word token T is a reporting verb or opens a cue phrase. */
static int reports(const struct doc *d, size_t t)
{
	return (doc_tok(d, t)->flags & TK_WORD) && (doc_cue_verb(d, t) || cues_phrase_at(d, t));
}

/* A quotation after a term marker ("de zogenoemde", "de film"; an article
 * may stand between) is a term or a name, unless a naming verb says what
 * the marked noun is (named_object); one followed by a year in brackets
 * is the title of a work, unless it ends with a full stop: a sentence
 * dated, as a list of someone's sayings gives it ("'Kunst is werk.'
 * (1962)"). */
int forms_title_of_work(const struct doc *d, size_t qt)
{
	if (qt > 0 && doc_is(d, qt - 1, LX_TERM))
		return !named_object(d, qt - 1, qt);
	if (qt > 1 && doc_is(d, qt - 1, LX_DET) && doc_is(d, qt - 2, LX_TERM))
		return !named_object(d, qt - 2, qt);
	if (!doc_punct(d, qt + 1, '(') || !doc_punct(d, qt + 3, ')'))
		return 0;
	const struct wquote *w = doc_quote(d, (size_t)doc_tok(d, qt)->quote);
	if (d->text[w->span.end - 1] == '.')
		return 0;
	const struct qtoken *y = doc_tok(d, qt + 2);
	return y->end - y->start == 4 && d->text[y->start] >= '0' && d->text[y->start] <= '9';
}

/* An item of a listing: quotation token QT is followed by a comma, a word,
 * and the rest of its sentence (within reach) holds no reporting verb, so nothing
 * attributes it ("'Swedish Ceramics', tot 15/10, Nationalmuseum", "Boek:
 * 'De Strafschop', 144 blz.", "…: 'Les paradoxes de la mode', 'Body
 * works'"): a title, a name or a term, not an utterance. */
int forms_listed_item(const struct doc *d, size_t qt)
{
	if (!doc_punct(d, qt + 1, ',') || !doc_has(d, qt + 2) || !(doc_tok(d, qt + 2)->flags & TK_WORD))
		return 0;
	/* ", VERB SUBJECT": an inverted clause with a verb the lists lack
	 * attributes it */
	size_t v;
	if (cues_inverted_clause(d, qt, &v) >= 0)
		return 0;
	for (size_t t = qt + 2; t < qt + CUE_END_REACH && doc_same_sentence(d, qt, t); t++)
		if (reports(d, t) || doc_is(d, t, LX_OPINION))
			return 0;
	return 1;
}

/* Quotation token QT follows a comma (or "en", "of") right after a
 * quotation that was left out (a title, an item of a listing, a term, a
 * scare quote), and no reporting verb follows it: an item of the same
 * series ("zegt genoeg: 'A', 'B' en 'C'", "tussen 'het bedrijf' en 'het
 * aandeel'"; not "De film 'Zomer', 'een film over verlies', aldus de
 * recensent"). */
int forms_after_dropped_item(const struct doc *d, size_t qt)
{
	if (qt < 2 || !doc_same_sentence(d, qt - 2, qt) ||
	    !(doc_punct(d, qt - 1, ',') || (doc_clause_word(d, qt - 1) & CW_COORD)))
		return 0;
	const struct qtoken *p = doc_tok(d, qt - 2);
	if (!(p->flags & TK_QUOTE) || p->quote < 0 || doc_quote(d, (size_t)p->quote)->kind != QUOTE_DROPPED)
		return 0;
	size_t v;
	if (cues_inverted_clause(d, qt, &v) >= 0)
		return 0;
	/* its own reporting verb or phrase right after it */
	for (size_t t = qt + 1; t <= qt + 3 && doc_has(d, t) && doc_same_sentence(d, qt, t); t++)
		if (reports(d, t))
			return 0;
	return 1;
}

/* The opening bracket that quotation token QT stands inside in its
 * sentence (within reach), or -1: "(de 'interne markt')". */
long forms_open_bracket(const struct doc *d, size_t qt)
{
	for (size_t t = qt; t-- > 0 && t + CUE_BACK_REACH > qt && doc_has(d, t) && doc_same_sentence(d, qt, t);) {
		if (doc_punct(d, t, ')'))
			return -1;
		if (doc_punct(d, t, '('))
			return (long)t;
	}
	return -1;
}

/* Ends like a sentence, or holds five words or more. */
int forms_utterance_like(const struct doc *d, const struct quote_span *q)
{
	char c = d->text[q->end - 1];
	if (c == '.' || c == '!' || c == '?' || c == ')')
		return 1;
	if (q->end - q->start >= 3 && memcmp(d->text + q->end - 3, "\xE2\x80\xA6", 3) == 0)
		return 1;
	size_t n = 0;
	int in = 0;
	for (size_t i = q->start; i < q->end && n < 5; i++) {
		int sp = d->text[i] == ' ' || d->text[i] == '\n' || d->text[i] == '\t';
		n += !sp && !in;
		in = !sp;
	}
	return n >= 5;
}

/* --- indirect speech ------------------------------------------------------ */

int cues_indirect(struct attributor *a, size_t first, size_t end)
{
	struct doc *d = &a->d;
	size_t v = first;
	while (v < end && !(doc_is(d, v, LX_CUE) && doc_cue_verb(d, v)))
		v++;
	if (v >= end || doc_is(d, v, LX_OPINION))
		return 0;
	size_t c = v + 1;
	while (c < end && c <= v + 6 && !doc_is(d, c, LX_COMPLEMENTIZER) && !doc_clause_stop(d, c) &&
	       !doc_punct(d, c, ','))
		c++;
	if (c >= end || c > v + 6 || !doc_is(d, c, LX_COMPLEMENTIZER))
		return 0;
	long m = cues_speaker_of_verb(d, v);
	if (m < 0)
		return 0;
	const struct mention *mm = doc_men(d, (size_t)m);
	int32_t p = mm->person;
	if (mm->type == M_NAME && (p < 0 || !d->per[p].evidence))
		return 0;
	size_t last = end - 1, words = 0;
	while (last > c && (doc_tok(d, last)->flags & TK_PUNCT))
		last--;
	for (size_t k = c + 1; k <= last; k++)
		words += (doc_tok(d, k)->flags & TK_WORD) != 0;
	if (words < 3)
		return 0;
	if (grow_array((void **)&a->res, &a->rescap, a->nres + 1, sizeof *a->res) < 0)
		return -1;
	struct attributed_quote *r = &a->res[a->nres++];
	*r = (struct attributed_quote){ .kind = QUOTE_INDIRECT, .cue_pos = CUE_BEFORE,
	                                .quote = doc_span(d, c + 1, last), .cue = doc_span(d, v, v),
	                                .speaker = doc_span(d, (size_t)mm->first, (size_t)mm->last),
	                                .has_speaker = 1, .person = p, .quote_index = -1 };
	return 0;
}
