/* attribution.c — see attribution.h. The rules, in the order they are tried
 * for each quotation:
 *   after   a reporting verb right after it ("…", zegt X / "…" noemt X)
 *   before  a reporting verb or prepositional cue earlier in its sentence
 *           (the main clause's first: "X zei dat Y weet …"), or a colon
 *           right before it ("X zei: …", "volgens X …", "X: …")
 *   prev    a quotation that opens its sentence takes the cue of the sentence
 *           before it ("…, zegt X. "…"") or the speaker of the quotation
 *           there (a continuation)
 *   next    "“…”. Dat zegt X." — the next sentence opens with a
 *           demonstrative and a reporting verb (reported as after)
 *   none    else the person the text is about: the first subject-like
 *           mention of the nearest sentence that has one, in the paragraph
 *           first; across a paragraph break the most-named person in reach;
 *           pronouns and definite descriptions are resolved the same way
 * Speech is a quotation that opens its sentence (and ends it, or a cue
 * follows), follows a colon, or resumes after an inserted cue: kind direct.
 * Inside a sentence it is a fragment (partial) only with a cue and a
 * speaker who is a person or a body; otherwise, and for anything in title
 * case, after a term marker ("de zogenoemde") or before a year in brackets,
 * it is a scare quote, a term or a title, and dropped.
 */
#include <stdlib.h>
#include <string.h>
#include "attribution.h"
#include "mentions.h"
#include "salience.h"

struct attributor {
	struct quotes_lexicon lx;
	struct doc d;
	struct attributed_quote *out;
	int *speaker_person;   /* per quotation */
	int *speaker_mention;  /* per quotation: mention index, or -1 */
	size_t cap;
	int indirect;          /* also find indirect speech */
	struct attributed_quote *ind;
	size_t nind, indcap;
};

struct attributor *attributor_new(void)
{
	struct attributor *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	if (quotes_lexicon_load(&a->lx) < 0) {
		attributor_free(a);
		return NULL;
	}
	return a;
}

void attributor_free(struct attributor *a)
{
	if (!a)
		return;
	quotes_lexicon_free(&a->lx);
	quotes_doc_free(&a->d);
	free(a->out);
	free(a->speaker_person);
	free(a->speaker_mention);
	free(a->ind);
	free(a);
}

void attributor_set_indirect(struct attributor *a, int on)
{
	a->indirect = on;
}

const struct attributed_quote *attribution_indirect(const struct attributor *a, size_t *n)
{
	*n = a->nind;
	return a->ind;
}

/* --- cues -------------------------------------------------------------- */

static int same_sentence(const struct doc *d, size_t a, size_t b)
{
	return a < d->ntok && b < d->ntok && d->tok[a].sent == d->tok[b].sent;
}

static int clause_stop(const struct doc *d, size_t t)
{
	return (d->tok[t].flags & TK_QUOTE) || quotes_tok_is(d, t, '.') || quotes_tok_is(d, t, '!') ||
	       quotes_tok_is(d, t, '?') || quotes_tok_is(d, t, ';') || quotes_tok_is(d, t, ':');
}

/* Token T is a reporting verb (a separable one only with its particle later
 * in the clause). */
static int cue_verb_at(const struct attributor *a, size_t t)
{
	const struct doc *d = &a->d;
	if (quotes_tok_has(d, t, LX_CUE))
		return 1;
	if (!quotes_tok_has(d, t, LX_CUE_SEP))
		return 0;
	char form[64], pair[128];
	size_t fl = quotes_tok_lower(d, &d->tok[t], form, sizeof form);
	for (size_t p = t + 1; p < d->ntok && same_sentence(d, t, p) && !clause_stop(d, p); p++) {
		size_t pl = d->tok[p].end - d->tok[p].start;
		if (!(d->tok[p].flags & TK_WORD) || fl + 1 + pl >= sizeof pair)
			continue;
		memcpy(pair, form, fl);
		pair[fl] = ' ';
		quotes_tok_lower(d, &d->tok[p], pair + fl + 1, sizeof pair - fl - 1);
		if (wordset_has(a->lx.cue_sep_pairs, pair, fl + 1 + pl))
			return 1;
	}
	return 0;
}

/* Number of tokens of a cue phrase starting at T ("volgens", "in de
 * woorden van"), or 0. */
static size_t cue_phrase_at(const struct attributor *a, size_t t)
{
	const struct doc *d = &a->d;
	if (!quotes_tok_has(d, t, LX_PHRASE_FIRST))
		return 0;
	char buf[160];
	size_t n = 0, best = 0;
	for (size_t k = 0; k < a->lx.longest_phrase_words && t + k < d->ntok; k++) {
		const struct token *tk = &d->tok[t + k];
		if (!(tk->flags & TK_WORD) || n + (tk->end - tk->start) + 2 >= sizeof buf)
			break;
		if (k > 0)
			buf[n++] = ' ';
		n += quotes_tok_lower(d, tk, buf + n, sizeof buf - n);
		if (wordset_has(a->lx.cue_phrases, buf, n))
			best = k + 1;
	}
	return best;
}

/* --- mentions and their persons (salience.h) ---------------------------- */

static int mention_person(struct attributor *a, int m)
{
	return salience_person(&a->d, a->speaker_person, m);
}

static int salient_before(struct attributor *a, int from, int sent, int max_back, int para)
{
	return salience_before(&a->d, a->speaker_person, from, sent, max_back, para);
}

static int topic_across_paragraphs(struct attributor *a, int m, int from, int sent,
                                   int max_back, int here_para)
{
	return salience_topic(&a->d, a->speaker_person, m, from, sent, max_back, here_para);
}

/* The mention starting at or covering token T, or -1. */
static int mention_at(const struct doc *d, size_t t)
{
	return d->tok[t].mention;
}

static int usable_speaker(const struct doc *d, int m)
{
	return m >= 0 && d->men[m].type != M_QUOTE;
}

/* Speaker after a cue ending at token V: the first mention within a few
 * tokens of the clause ("zei Trimble gisteren", "stelt econoom Elina
 * Ribakova", "riep volgens overlevering een priester"). */
static int speaker_after(const struct attributor *a, size_t v)
{
	const struct doc *d = &a->d;
	for (size_t p = v + 1; p < d->ntok && p <= v + 5 && same_sentence(d, v, p); p++) {
		if (clause_stop(d, p) || quotes_tok_is(d, p, ',') || quotes_tok_has(d, p, LX_SUB))
			return -1;
		int m = mention_at(d, p);
		if (usable_speaker(d, m))
			return m;
	}
	return -1;
}

/* Speaker before token V in its sentence: the nearest subject-like mention
 * (not in a prepositional phrase, not an object pronoun), not crossing a
 * quotation; -1 when there is none. */
static int speaker_before(const struct attributor *a, size_t v)
{
	const struct doc *d = &a->d;
	for (size_t p = v; p-- > 0 && same_sentence(d, v, p);) {
		if (d->tok[p].flags & TK_QUOTE)
			break;
		int m = mention_at(d, p);
		if (usable_speaker(d, m) && !d->men[m].in_pp && !d->men[m].object_pronoun)
			return m;
	}
	return -1;
}

/* Speaker of a reporting verb at V: a subject pronoun right after it; after
 * a comma or at the start of a clause the subject follows the verb (Dutch
 * inversion); else the subject before it, then a mention after it. */
static int speaker_of_verb(const struct attributor *a, size_t v)
{
	const struct doc *d = &a->d;
	int m = v + 1 < d->ntok ? mention_at(d, v + 1) : -1;
	if (usable_speaker(d, m) && d->men[m].type == M_PRONOUN && !d->men[m].object_pronoun)
		return m;
	/* Verb first, after a comma or a quotation, or second after a word
	 * that is no mention ("Daarop antwoordde De Morgan"). */
	int inverted = v == 0 || (d->tok[v].flags & TK_SENT) || quotes_tok_is(d, v - 1, ',') ||
	               (d->tok[v - 1].flags & TK_QUOTE) ||
	               ((d->tok[v - 1].flags & TK_SENT) && d->tok[v - 1].mention < 0);
	if (inverted && (m = speaker_after(a, v)) >= 0)
		return m;
	if ((m = speaker_before(a, v)) >= 0)
		return m;
	return speaker_after(a, v);
}

struct cue {
	size_t first, last;  /* tokens of the cue */
	int speaker;         /* mention, or -1 */
};

/* A cue in tokens [FROM, TO) of one sentence that has a speaker: the first
 * reporting verb (the main clause's: "X zei dat Y weet dat …"), else the
 * first prepositional cue ("volgens X"). */
static int find_cue(const struct attributor *a, size_t from, size_t to, struct cue *c)
{
	const struct doc *d = &a->d;
	for (size_t t = from; t < to; t++)
		if ((d->tok[t].flags & TK_WORD) && cue_verb_at(a, t) && !cue_phrase_at(a, t)) {
			int m = speaker_of_verb(a, t);
			if (m >= 0) {
				*c = (struct cue){ t, t, m };
				return 1;
			}
		}
	for (size_t t = from; t < to; t++) {
		if (!(d->tok[t].flags & TK_WORD))
			continue;
		size_t np = cue_phrase_at(a, t);
		if (np > 0) {
			int m = speaker_after(a, t + np - 1);
			if (m >= 0) {
				*c = (struct cue){ t, t + np - 1, m };
				return 1;
			}
		}
	}
	return 0;
}

/* A reporting verb right after quotation token QT: "“…”, zegt X",
 * "“…” noemt X", ", zo zegt hij". */
static int cue_after(const struct attributor *a, size_t qt, struct cue *c)
{
	const struct doc *d = &a->d;
	size_t t = qt + 1;
	if (t < d->ntok && quotes_tok_is(d, t, ','))
		t++;
	for (int skip = 0; skip < 2 && t < d->ntok && same_sentence(d, qt, t); skip++, t++) {
		if (!(d->tok[t].flags & TK_WORD))
			return 0;
		size_t np = cue_phrase_at(a, t);
		if (np > 0 || cue_verb_at(a, t)) {
			size_t last = np > 0 ? t + np - 1 : t;
			int m = speaker_after(a, last);
			*c = (struct cue){ t, last, m };
			return 1;
		}
		if (!quotes_tok_has(d, t, LX_FUNCTION))
			return 0;
	}
	return 0;
}

/* --- per quotation ----------------------------------------------------- */

static size_t sentence_first(const struct doc *d, size_t t)
{
	while (t > 0 && d->tok[t - 1].sent == d->tok[t].sent)
		t--;
	return t;
}

/* A quotation followed by a year in brackets is the title of a work; one
 * right after a term marker ("de zogenoemde", "de film", "bijgenaamd"; an
 * article may stand between) is a term or a name. */
static int title_of_work(const struct doc *d, size_t qt)
{
	if (qt > 0 && (quotes_tok_has(d, qt - 1, LX_TERM) ||
	               (qt > 1 && quotes_tok_has(d, qt - 1, LX_DET) && quotes_tok_has(d, qt - 2, LX_TERM))))
		return 1;
	return qt + 3 < d->ntok && quotes_tok_is(d, qt + 1, '(') && quotes_tok_is(d, qt + 3, ')') &&
	       d->tok[qt + 2].end - d->tok[qt + 2].start == 4 &&
	       d->text[d->tok[qt + 2].start] >= '0' && d->text[d->tok[qt + 2].start] <= '9';
}

static size_t word_count(const char *s, size_t start, size_t end)
{
	size_t n = 0;
	int in = 0;
	for (size_t i = start; i < end; i++) {
		int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

static int utterance_like(const struct doc *d, const struct quote_span *q)
{
	size_t e = q->end;
	char c = d->text[e - 1];
	if (c == '.' || c == '!' || c == '?' || c == ')')
		return 1;
	if (e - q->start >= 3 && memcmp(d->text + e - 3, "\xE2\x80\xA6", 3) == 0)
		return 1;
	return word_count(d->text, q->start, q->end) >= 5;
}

static struct byte_span tok_span(const struct doc *d, size_t first, size_t last)
{
	return (struct byte_span){ d->tok[first].start, d->tok[last].end };
}

static void set_speaker(struct attributor *a, size_t qi, int m)
{
	struct doc *d = &a->d;
	struct attributed_quote *r = &a->out[qi];
	if (m < 0)
		return;
	if (d->men[m].type == M_QUOTE) {
		int prev = d->men[m].quote;
		r->speaker = a->out[prev].speaker;
		r->name = a->out[prev].name;
		a->speaker_person[qi] = a->speaker_person[prev];
		a->speaker_mention[qi] = a->speaker_mention[prev];
		return;
	}
	r->speaker = tok_span(d, (size_t)d->men[m].first, (size_t)d->men[m].last);
	int p = mention_person(a, m);
	a->speaker_person[qi] = p;
	a->speaker_mention[qi] = m;
	if (p >= 0) {
		const struct mention *b = &d->men[d->per[p].best];
		r->name = tok_span(d, (size_t)b->first, (size_t)b->last);
	}
}

/* The speaker of a quotation without any cue: the person the text is
 * about just before it; failing that, the first subject named in the
 * sentence after it (a lead quotation). */
static int salient_speaker(struct attributor *a, size_t qt)
{
	struct doc *d = &a->d;
	int sent = d->tok[qt].sent;
	/* The paragraph of the quotation first, then before it. */
	int m = salient_before(a, d->tok[qt].mention - 1, sent, 8, d->tok[qt].para);
	if (m < 0) {
		m = salient_before(a, d->tok[qt].mention - 1, sent, 8, -1);
		m = topic_across_paragraphs(a, m, d->tok[qt].mention - 1, sent, 8, d->tok[qt].para);
	}
	if (m >= 0)
		return m;
	for (size_t p = qt + 1; p < d->ntok && d->tok[p].sent <= sent + 1; p++) {
		m = mention_at(d, p);
		if (m >= 0 && d->men[m].type == M_NAME && d->men[m].subject)
			return m;
	}
	return -1;
}

/* "“…”. Dat zegt minister Bos." — the next sentence opens with a
 * demonstrative and a reporting verb: its subject is the speaker. */
static void cue_next_sentence(struct attributor *a, size_t qi, size_t qt)
{
	struct doc *d = &a->d;
	size_t n = qt + 1;
	while (n < d->ntok && same_sentence(d, qt, n))
		n++;
	if (n + 1 >= d->ntok || d->tok[n].para != d->tok[qt].para ||
	    !quotes_tok_has(d, n, LX_DEFINITE) || !cue_verb_at(a, n + 1))
		return;
	int m = speaker_after(a, n + 1);
	if (m < 0)
		return;
	a->out[qi].cue_pos = CUE_AFTER;
	a->out[qi].cue = tok_span(d, n + 1, n + 1);
	set_speaker(a, qi, m);
}

static void attribute_one(struct attributor *a, size_t qi, size_t qt)
{
	struct doc *d = &a->d;
	struct attributed_quote *r = &a->out[qi];
	size_t first = sentence_first(d, qt);
	int colon = qt > first && quotes_tok_is(d, qt - 1, ':');
	/* Opens its sentence, follows a colon, or resumes a direct quotation
	 * after an inserted cue (",,Ja'', zei hij, ,,maar …''). */
	int standalone = qt == first || colon;
	if (!standalone && quotes_tok_is(d, qt - 1, ',')) {
		/* The previous quotation of the sentence was direct and a cue
		 * stands between the two. */
		int cue = 0;
		for (size_t p = qt - 1; p-- > first;) {
			if ((d->tok[p].flags & TK_QUOTE)) {
				standalone = cue && a->out[d->tok[p].quote].kind == QUOTE_DIRECT;
				break;
			}
			cue |= cue_verb_at(a, p) || cue_phrase_at(a, p) > 0;
		}
	}
	struct cue c;
	/* A quotation that opens a sentence which then goes on without a
	 * reporting verb ("'Gamechanger' is een groot woord") is part of it. */
	if (standalone && !cue_after(a, qt, &c)) {
		size_t n = qt + 1;
		while (n < d->ntok && same_sentence(d, qt, n) && (d->tok[n].flags & TK_PUNCT) &&
		       !quotes_tok_is(d, n, ','))
			n++;
		if (n < d->ntok && same_sentence(d, qt, n) && !quotes_tok_is(d, n, ','))
			standalone = 0;
	}
	r->kind = standalone ? QUOTE_DIRECT : QUOTE_PARTIAL;
	if (title_of_work(d, qt)) {
		r->kind = QUOTE_DROPPED;
		return;
	}
	if (cue_after(a, qt, &c)) {
		r->cue_pos = CUE_AFTER;
		r->cue = tok_span(d, c.first, c.last);
		set_speaker(a, qi, c.speaker);
	} else if (find_cue(a, first, qt, &c)) {
		r->cue_pos = CUE_BEFORE;
		r->cue = tok_span(d, c.first, c.last);
		set_speaker(a, qi, c.speaker);
	} else if (colon) {
		r->cue_pos = CUE_BEFORE;
		r->cue = tok_span(d, qt - 1, qt - 1);
		int m = speaker_before(a, qt - 1);
		set_speaker(a, qi, m >= 0 ? m : salient_speaker(a, qt));
	} else if (standalone && first > 0) {
		size_t pf = sentence_first(d, first - 1);
		int cont = -1;
		for (size_t p = pf; p < first; p++)
			if ((d->tok[p].flags & TK_QUOTE) && a->out[d->tok[p].quote].kind != QUOTE_DROPPED &&
			    a->speaker_mention[d->tok[p].quote] >= 0)
				cont = d->tok[p].mention;
		if (cont >= 0) {
			set_speaker(a, qi, cont);
		} else if (find_cue(a, pf, first, &c)) {
			r->cue_pos = CUE_PREV_SENTENCE;
			r->cue = tok_span(d, c.first, c.last);
			set_speaker(a, qi, c.speaker);
		}
	}
	if (r->cue_pos == CUE_NONE && standalone && r->speaker.end == r->speaker.start)
		cue_next_sentence(a, qi, qt);
	if (r->cue_pos == CUE_NONE && !standalone) {
		r->kind = QUOTE_DROPPED;   /* a term in quotation marks */
		return;
	}
	/* A fragment needs a speaker who is a person (or a body), and is
	 * not a name or title in quotation marks. */
	if (r->kind == QUOTE_PARTIAL) {
		int m = a->speaker_mention[qi];
		int p = a->speaker_person[qi];
		if (m < 0 || (d->men[m].type == M_NAME && (p < 0 || !d->per[p].evidence)) ||
		    quotes_is_title_case(d, r->quote.start, r->quote.end)) {
			r->kind = QUOTE_DROPPED;
			return;
		}
	}
	if (r->speaker.end == r->speaker.start && r->cue_pos == CUE_NONE) {
		if (!utterance_like(d, &r->quote)) {
			r->kind = QUOTE_DROPPED;
			return;
		}
		set_speaker(a, qi, salient_speaker(a, qt));
	}
}

/* Names right next to a reporting verb, after a prepositional cue or
 * before a colon are people. */
static void mark_speaking_names(struct attributor *a)
{
	struct doc *d = &a->d;
	for (size_t i = 0; i < d->nmen; i++) {
		struct mention *m = &d->men[i];
		if (m->type != M_NAME || m->person < 0)
			continue;
		size_t f = (size_t)m->first, l = (size_t)m->last;
		int inverted = f > 1 && cue_verb_at(a, f - 1) &&
		               (quotes_tok_is(d, f - 2, ',') || (d->tok[f - 2].flags & TK_QUOTE));
		int after_phrase = 0;   /* "volgens X": X is the source */
		for (size_t k = 1; k <= a->lx.longest_phrase_words && k <= f; k++)
			after_phrase |= cue_phrase_at(a, f - k) == k ||
			                (f > k && quotes_tok_has(d, f - 1, LX_ROLE) &&
			                 cue_phrase_at(a, f - 1 - k) == k);
		if (after_phrase)
			m->subject = 1;
		inverted |= after_phrase;
		if (inverted || (l + 1 < d->ntok && (cue_verb_at(a, l + 1) || quotes_tok_is(d, l + 1, ':'))))
			d->per[m->person].evidence = 1;
	}
}

/* Indirect speech (see attributor_set_indirect). Returns 0 or -1. */
static int find_indirect(struct attributor *a)
{
	struct doc *d = &a->d;
	a->nind = 0;
	for (size_t t = 0; t < d->ntok;) {
		size_t first = t, end = t;
		int quoted = 0;
		while (end < d->ntok && d->tok[end].sent == d->tok[first].sent)
			quoted |= (d->tok[end++].flags & TK_QUOTE) != 0;
		t = end;
		size_t v = first;
		while (!quoted && v < end && !(quotes_tok_has(d, v, LX_CUE) && cue_verb_at(a, v)))
			v++;
		if (quoted || v >= end || quotes_tok_has(d, v, LX_OPINION))
			continue;
		size_t c = v + 1;
		while (c < end && c <= v + 6 && !quotes_tok_has(d, c, LX_COMPLEMENTIZER) &&
		       !clause_stop(d, c) && !quotes_tok_is(d, c, ','))
			c++;
		if (c >= end || c > v + 6 || !quotes_tok_has(d, c, LX_COMPLEMENTIZER))
			continue;
		int m = speaker_of_verb(a, v);
		int p = m >= 0 ? mention_person(a, m) : -1;
		if (m < 0 || (d->men[m].type == M_NAME && (p < 0 || !d->per[p].evidence)))
			continue;
		size_t last = end - 1, words = 0;
		while (last > c && (d->tok[last].flags & TK_PUNCT))
			last--;
		for (size_t k = c + 1; k <= last; k++)
			words += (d->tok[k].flags & TK_WORD) != 0;
		if (words < 3)
			continue;
		if (a->nind == a->indcap) {
			size_t cap = a->indcap ? a->indcap * 2 : 16;
			struct attributed_quote *n = realloc(a->ind, cap * sizeof *n);
			if (!n)
				return -1;
			a->ind = n;
			a->indcap = cap;
		}
		struct attributed_quote *r = &a->ind[a->nind++];
		*r = (struct attributed_quote){ .kind = QUOTE_INDIRECT, .cue_pos = CUE_BEFORE };
		r->quote = (struct quote_span){ d->tok[c + 1].start, d->tok[c + 1].start,
		                                d->tok[last].end, d->tok[last].end, 0 };
		r->cue = tok_span(d, v, v);
		r->speaker = tok_span(d, (size_t)d->men[m].first, (size_t)d->men[m].last);
		if (p >= 0)
			r->name = tok_span(d, (size_t)d->men[d->per[p].best].first,
			                   (size_t)d->men[d->per[p].best].last);
	}
	return 0;
}

const struct attributed_quote *attribute_quotes(struct attributor *a,
	const char *text, size_t len, const struct quote_span *q, size_t nq,
	const size_t *sentence_starts, size_t nsentences,
	const struct entity_hint *entities, size_t nentities)
{
	if (nq > a->cap || !a->out) {
		size_t cap = nq < 8 ? 16 : nq * 2;
		struct attributed_quote *o = realloc(a->out, cap * sizeof *o);
		if (o)
			a->out = o;
		int *sp = realloc(a->speaker_person, cap * sizeof *sp);
		if (sp)
			a->speaker_person = sp;
		int *sm = realloc(a->speaker_mention, cap * sizeof *sm);
		if (sm)
			a->speaker_mention = sm;
		if (!o || !sp || !sm)
			return NULL;
		a->cap = cap;
	}
	a->nind = 0;
	if (nq == 0 && !a->indirect)
		return a->out;   /* no quotations: nothing to attribute */
	for (size_t i = 0; i < nq; i++) {
		a->out[i] = (struct attributed_quote){ .quote = q[i] };
		a->speaker_person[i] = a->speaker_mention[i] = -1;
	}
	a->d.whole_text = a->indirect;
	if (quotes_doc_build(&a->d, &a->lx, text, len, q, nq, sentence_starts, nsentences,
	              entities, nentities) < 0)
		return NULL;
	mark_speaking_names(a);
	for (size_t t = 0; t < a->d.ntok; t++)
		if (a->d.tok[t].flags & TK_QUOTE)
			attribute_one(a, (size_t)a->d.tok[t].quote, t);
	if (a->indirect && find_indirect(a) < 0)
		return NULL;
	return a->out;
}
