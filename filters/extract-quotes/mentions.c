/* mentions.c — names, pronouns and descriptions, and the people they
 * name (see mentions.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mentions.h"
#include "utf8.h"

/* --- names ------------------------------------------------------------- */


static int all_caps(const struct doc *d, size_t t)
{
	const struct token *k = &d->tok[t];
	if (k->end - k->start < 2)
		return 0;
	for (size_t i = k->start; i < k->end; i++) {
		char c = d->text[i];
		if (c >= 'a' && c <= 'z')
			return 0;
	}
	return 1;
}

/* Scanning back from T over adjectives, numbers and roles (at most three
 * words) reaches an article (KIND det) or a preposition (KIND prep). */
static int governed_by(const struct doc *d, size_t t, unsigned kind)
{
	int content = 0;   /* lower-case words passed that are not roles */
	int after_e = 0;   /* the word passed before ends in -e */
	for (int k = 0; k < 5 && t > 0; k++) {
		size_t p = t - 1 - (size_t)k;
		const struct token *pt = &d->tok[p];
		if (!(pt->flags & TK_WORD))
			return 0;
		if (quotes_tok_has(d, p, kind))
			return 1;
		if (kind != LX_DET && quotes_tok_has(d, p, LX_DET) && !(pt->flags & TK_SENT))
			continue;   /* "tegen de Spaanse krant El Pais" */
		if (quotes_tok_has(d, p, LX_FUNCTION) || (pt->flags & TK_SENT))
			return 0;
		if (!(pt->flags & TK_CAP) && !quotes_tok_has(d, p, LX_ROLE) && ++content > (kind == LX_DET ? 2 : 1))
			return 0;   /* "… koers had Van Alebeek": a verb, not a phrase */
		if (kind == LX_DET && !(pt->flags & TK_CAP)) {
			/* Between an article and its noun: adjectives in -e, and an
			 * adverb before one ("de mentaal onevenwichtige Rus"); not a
			 * verb ("Dat zei Kok"). */
			int e = d->text[pt->end - 1] == 'e';
			if (!e && !after_e && !quotes_tok_has(d, p, LX_ROLE))
				return 0;
			after_e = e;
		}
		if ((pt->flags & TK_CAP) && !(pt->flags & TK_HYPHEN_ROLE)) {
			if (!quotes_tok_has(d, p, LX_ADJ))
				return 0;
		}
		if (p == 0)
			return 0;
	}
	return 0;
}

/* Can token T be a word of a name (capitalised, not a role or article)? */
static int name_word(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	const struct token *k = &d->tok[t];
	if ((k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) || (k->flags & TK_HYPHEN_ROLE))
		return 0;
	(void)lx;
	return !quotes_tok_has(d, t, LX_FUNCTION | LX_ROLE | LX_CUE) && k->end - k->start < 64;
}

/* A capitalised word inside a name, after its first word or particles: a
 * function word is allowed there ("Van der Meer", "Jan Wel"). */
static int inner_name_word(const struct doc *d, size_t t, int after_particle)
{
	const struct token *k = &d->tok[t];
	/* After a particle a surname may be a role word too (De Koning,
	 * Pieter de Boer); right after a name it may not (Rutte Premier). */
	unsigned not = LX_CUE | LX_DET | LX_PREP | LX_PRON_SUBJ | LX_PRON_OBJ |
	               (after_particle ? 0 : LX_ROLE);
	return (k->flags & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP) && !(k->flags & TK_HYPHEN_ROLE) &&
	       !quotes_tok_has(d, t, not) && !all_caps(d, t) && k->end - k->start < 64;
}

static int sentence_initial(const struct doc *d, size_t t)
{
	size_t an;
	if ((d->tok[t].flags & TK_SENT) || (t > 0 && (d->tok[t - 1].flags & TK_QUOTE)))
		return 1;
	/* "'s Avonds": the word after a leading elision. */
	return t > 0 && (d->tok[t - 1].flags & (TK_SENT | TK_WORD)) == (TK_SENT | TK_WORD) &&
	       quotes_apostrophe_at(d->text, d->len, d->tok[t - 1].start, &an);
}

/* The word before T is an elision ('s, 't): T is no name ("'s Avonds"). */
static int after_elision(const struct doc *d, size_t t)
{
	size_t an;
	return t > 0 && (d->tok[t - 1].flags & TK_WORD) &&
	       quotes_apostrophe_at(d->text, d->len, d->tok[t - 1].start, &an);
}

static int same_bytes(const struct doc *d, size_t a, size_t b)
{
	size_t n = d->tok[a].end - d->tok[a].start;
	return n == d->tok[b].end - d->tok[b].start &&
	       memcmp(d->text + d->tok[a].start, d->text + d->tok[b].start, n) == 0;
}

/* Slot of the word of token T in the free-name set (found or empty). */
static size_t free_name_slot(const struct doc *d, size_t t)
{
	size_t mask = d->free_cap - 1;
	size_t i = (size_t)quotes_hash(d->text + d->tok[t].start, d->tok[t].end - d->tok[t].start) & mask;
	while (d->free_names[i] >= 0 && !same_bytes(d, (size_t)d->free_names[i], t))
		i = (i + 1) & mask;
	return i;
}

static long free_name_find(const struct doc *d, size_t t)
{
	if (!d->free_cap)
		return -1;
	size_t i = free_name_slot(d, t);
	return d->free_names[i];
}

static void free_name_add(struct doc *d, size_t t)
{
	if (2 * (d->free_n + 1) > d->free_cap)
		return;   /* sized in doc_build: never full */
	size_t i = free_name_slot(d, t);
	if (d->free_names[i] < 0) {
		d->free_names[i] = (int)t;
		d->free_n++;
	}
}

/* Collect capitalised words that stand free mid-sentence: such a word at a
 * sentence start, or after an article, is a name too. */
static void collect_free_names(struct doc *d, const struct quotes_lexicon *lx)
{
	for (size_t t = 0; t < d->ntok; t++) {
		if (!name_word(d, lx, t) || sentence_initial(d, t) || all_caps(d, t))
			continue;
		int after_particle = t > 0 && quotes_tok_has(d, t - 1, LX_PARTICLE) &&
		                     ((d->tok[t - 1].flags & TK_CAP) ||
		                      (t > 1 && (d->tok[t - 2].flags & TK_CAP)));
		if (governed_by(d, t, LX_DET) && !after_particle)
			continue;
		free_name_add(d, t);
	}
}

static int known_free(const struct doc *d, size_t t)
{
	return free_name_find(d, t) >= 0;
}

/* The last token of a name starting at T, or -1. */
static long name_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	const struct token *k = &d->tok[t];
	if ((k->flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) || (k->flags & TK_HYPHEN_ROLE))
		return -1;
	if (all_caps(d, t)) {
		/* An acronym speaks only next to a reporting verb or a colon
		 * ("de KNVB zegt", "aldus het OM", "NOS:"). */
		int next_cue = t + 1 < d->ntok && (quotes_tok_is(d, t + 1, ':') || quotes_tok_has(d, t + 1, LX_CUE));
		int prev_cue = t > 0 && quotes_tok_has(d, t - 1, LX_CUE);
		int prev_det_cue = t > 1 && quotes_tok_has(d, t - 1, LX_DET) && quotes_tok_has(d, t - 2, LX_CUE);
		return next_cue || prev_cue || prev_det_cue ? (long)t : -1;
	}
	size_t j = t;
	int particle_start = 0;
	if (after_elision(d, t))
		return -1;
	if (quotes_tok_has(d, t, LX_PARTICLE)) {
		/* Van de Roer, De Rooij, Van 't Klooster */
		size_t p = t + 1;
		while (p < d->ntok && quotes_tok_has(d, p, LX_PARTICLE) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p >= d->ntok || !inner_name_word(d, p, 1))
			return -1;
		if (quotes_tok_has(d, p, LX_ADJ))
			return -1;   /* "De Israëlische …": an article and an adjective */
		if (p == t + 1 && quotes_tok_has(d, t, LX_DET) && sentence_initial(d, t) &&
		    !known_free(d, p) && !(p + 1 < d->ntok && quotes_tok_is(d, p + 1, ':')))
			return -1;   /* "De Italianen": an article */
		j = p;
		particle_start = 1;
	} else if (!name_word(d, lx, t)) {
		return -1;
	} else if (quotes_tok_has(d, t, LX_ADJ) &&
	           (governed_by(d, t, LX_DET) || t + 1 >= d->ntok ||
	            !(d->tok[t + 1].flags & TK_CAP))) {
		return -1;   /* de Franse krachtpatser */
	}
	/* Extend: more capitalised words, or particles then a capitalised word. */
	for (;;) {
		size_t p = j + 1;
		if (p < d->ntok && inner_name_word(d, p, 0)) {
			j = p;
			continue;
		}
		while (p < d->ntok && quotes_tok_has(d, p, LX_PARTICLE) && !(d->tok[p].flags & TK_CAP))
			p++;
		if (p > j + 1 && p < d->ntok && inner_name_word(d, p, 1)) {
			j = p;
			continue;
		}
		break;
	}
	if (particle_start)
		return (long)j;
	/* "de Argentijn Guillermo Canas": the word after an article is a noun. */
	if (j > t && (d->tok[t].flags & TK_INITIAL) == 0 && t > 0 && quotes_tok_has(d, t - 1, LX_DET))
		return -2;
	int after_role = t > 0 && (d->tok[t - 1].flags & TK_WORD) &&
	                 ((d->tok[t - 1].flags & TK_HYPHEN_ROLE) ||
	                  (!(d->tok[t - 1].flags & TK_CAP) && quotes_tok_has(d, t - 1, LX_ROLE)));
	if (j == t && !after_role) {
		if (governed_by(d, t, LX_DET) && !known_free(d, t))
			return -1;   /* de Rus, de mentaal onevenwichtige Rus */
		if (sentence_initial(d, t) && !known_free(d, t) &&
		    !(t + 1 < d->ntok && (quotes_tok_is(d, t + 1, ':') || quotes_tok_has(d, t + 1, LX_CUE | LX_CUE_SEP))))
			return -1;   /* a capitalised first word */
	}
	return (long)j;
}

/* --- mentions ---------------------------------------------------------- */

static int push_mention(struct doc *d, int first, int last, enum mention_type type, int quote)
{
	if (d->nmen == d->mencap) {
		size_t cap = d->mencap ? d->mencap * 2 : 64;
		struct mention *m = realloc(d->men, cap * sizeof *m);
		if (!m)
			return -1;
		d->men = m;
		d->mencap = cap;
	}
	d->men[d->nmen] = (struct mention){ first, last, type, 1, 0, 0, -1, 0, -1, quote, 0, 0, 0 };
	if (type != M_QUOTE || d->tok[first].mention < 0)
		d->tok[first].mention = (int)d->nmen;
	d->nmen++;
	return 0;
}

/* Article, up to three words, a role: "de Amerikaanse president". */
static long description_at(const struct doc *d, const struct quotes_lexicon *lx, size_t t)
{
	if (!quotes_tok_has(d, t, LX_DET))
		return -1;
	for (size_t p = t + 1; p < d->ntok && p <= t + 4; p++) {
		const struct token *k = &d->tok[p];
		if (!(k->flags & TK_WORD))
			return -1;
		if (quotes_tok_has(d, p, LX_ROLE | LX_ORG) && (!(k->flags & TK_CAP) || (k->flags & TK_HYPHEN_ROLE))) {
			if (p + 1 < d->ntok && name_word(d, lx, p + 1))
				return -1;   /* "de president Biden": the name is the mention */
			return (long)p;
		}
		if (quotes_tok_has(d, p, LX_FUNCTION) && !quotes_tok_has(d, p, LX_DET))
			return -1;
		/* Right after a reporting verb, a capitalised noun ends one:
		 * "zei de Belg", "aldus de 34-jarige Amsterdammer". */
		if ((k->flags & TK_CAP) && t > 0 && quotes_tok_has(d, t - 1, LX_CUE | LX_CUE_SEP) &&
		    !quotes_tok_has(d, p, LX_ADJ) && !known_free(d, p) &&
		    (p + 1 >= d->ntok || (d->tok[p + 1].flags & (TK_PUNCT | TK_QUOTE))))
			return (long)p;
	}
	return -1;
}

/* The head of a description is a body or speaks for one ("de politie",
 * "de ProRail-woordvoerder"): it names no person met before. */
static int org_head(const struct doc *d, size_t t)
{
	const struct token *k = &d->tok[t];
	if (quotes_tok_has(d, t, LX_ORG))
		return 1;
	const char *dash = NULL;
	for (size_t i = k->start; i < k->end; i++)
		if (d->text[i] == '-')
			dash = d->text + i;
	char low[64];
	size_t n = dash ? (size_t)(d->text + k->end - dash - 1) : 0;
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = dash[1 + i];
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	return (quotes_word_class(d->lx, low, n, 0) & LX_ORG) != 0;
}

/* Token T stands in a subordinate clause: a subordinating conjunction
 * comes before it in its clause ("Terwijl Jennifer Capriati won, …"). */
static int subordinate(const struct doc *d, size_t t)
{
	for (size_t p = t; p-- > 0;) {
		const struct token *k = &d->tok[p];
		if ((k->flags & (TK_QUOTE | TK_PUNCT)) && !quotes_tok_is(d, p, '-'))
			return 0;
		if (quotes_tok_has(d, p, LX_SUB))
			return 1;
		if (k->flags & TK_SENT)
			return 0;
	}
	return 0;
}

/* Where the rules cannot tell (a capitalised word opening a sentence), a
 * PER entity of the record starting at T decides: the last token of the
 * name, or -1. The entities are hints: a tagger's errors must not add
 * names the capitalisation rules reject elsewhere. */
static long entity_name_at(const struct doc *d, size_t t, const struct entity_hint *ent,
                           size_t nent, size_t *ei)
{
	const struct token *k = &d->tok[t];
	while (*ei < nent && ent[*ei].end <= k->start)
		(*ei)++;
	if (*ei >= nent || !ent[*ei].person || ent[*ei].start != k->start || !sentence_initial(d, t))
		return -1;
	size_t j = t;
	while (j + 1 < d->ntok && d->tok[j + 1].end <= ent[*ei].end)
		j++;
	for (size_t p = t; p <= j; p++)
		if ((d->tok[p].flags & (TK_WORD | TK_CAP)) != (TK_WORD | TK_CAP) ||
		    quotes_tok_has(d, p, LX_FUNCTION | LX_ROLE | LX_CUE))
			return -1;
	return (long)j;
}

static int find_mentions(struct doc *d, const struct quotes_lexicon *lx,
                         const struct entity_hint *ent, size_t nent)
{
	size_t ei = 0;
	for (size_t t = 0; t < d->ntok; t++) {
		struct token *k = &d->tok[t];
		if (k->flags & TK_QUOTE) {
			if (push_mention(d, (int)t, (int)t, M_QUOTE, k->quote) < 0)
				return -1;
			d->men[d->nmen - 1].person = -1;
			continue;
		}
		if (!(k->flags & TK_WORD))
			continue;
		if (quotes_tok_has(d, t, LX_PRON_SUBJ | LX_PRON_OBJ)) {
			int obj = !quotes_tok_has(d, t, LX_PRON_SUBJ);
			/* "haar" before a content word is a possessive. */
			int possessive = obj && t + 1 < d->ntok && (d->tok[t + 1].flags & TK_WORD) &&
			                 !quotes_tok_has(d, t + 1, LX_FUNCTION);
			if (!possessive && push_mention(d, (int)t, (int)t, M_PRONOUN, -1) < 0)
				return -1;
			if (!possessive) {
				d->men[d->nmen - 1].object_pronoun = obj;
				d->men[d->nmen - 1].subject = !obj && !subordinate(d, t);
				continue;
			}
		}
		long last = description_at(d, lx, t);
		if (last >= 0) {
			if (push_mention(d, (int)t, (int)last, M_DESCRIPTION, -1) < 0)
				return -1;
			d->men[d->nmen - 1].in_pp = governed_by(d, t + 1, LX_PREP);
			d->men[d->nmen - 1].subject = !d->men[d->nmen - 1].in_pp && !subordinate(d, t);
			d->men[d->nmen - 1].definite = quotes_tok_has(d, t, LX_DEFINITE);
			d->men[d->nmen - 1].body = org_head(d, (size_t)last);
			t = (size_t)last;
			continue;
		}
		long end = name_at(d, lx, t);
		if (end == -2)
			continue;   /* the next word starts the name */
		int from_entity = 0;
		if (end == -1 && (end = entity_name_at(d, t, ent, nent, &ei)) >= 0)
			from_entity = 1;
		if (end < 0)
			continue;
		if (push_mention(d, (int)t, (int)end, M_NAME, -1) < 0)
			return -1;
		struct mention *m = &d->men[d->nmen - 1];
		m->from_entity = from_entity;
		m->in_pp = governed_by(d, t, LX_PREP) || (t > 0 && quotes_tok_has(d, t - 1, LX_PREP));
		m->subject = !m->in_pp && !subordinate(d, t);
		if (t > 0 && (d->tok[t - 1].flags & TK_HYPHEN_ROLE || quotes_tok_has(d, t - 1, LX_ROLE)))
			m->role = (int)t - 1;
		t = (size_t)end;
	}
	return 0;
}

/* Same word, ignoring case. */
static int same_word(const struct doc *d, size_t a, size_t b)
{
	char x[64], y[64];
	size_t nx = quotes_tok_lower(d, &d->tok[a], x, sizeof x), ny = quotes_tok_lower(d, &d->tok[b], y, sizeof y);
	return nx && nx == ny && memcmp(x, y, nx) == 0;
}

/* The words of mention A end with all the words of mention B. */
static int ends_with_name(const struct doc *d, const struct mention *a, const struct mention *b)
{
	int na = a->last - a->first + 1, nb = b->last - b->first + 1;
	if (nb > na)
		return 0;
	for (int i = 0; i < nb; i++)
		if (!same_word(d, (size_t)(a->last - i), (size_t)(b->last - i)))
			return 0;
	return 1;
}

static int link_names(struct doc *d)
{
	for (size_t i = 0; i < d->nmen; i++) {
		struct mention *m = &d->men[i];
		if (m->type != M_NAME)
			continue;
		char low[64];
		size_t ln = quotes_tok_lower(d, &d->tok[m->last], low, sizeof low);
		unsigned h = (unsigned)quotes_hash(low, ln);
		int found = -1;
		for (size_t p = 0; p < d->nper && found < 0; p++) {
			if (d->per[p].last_hash != h)
				continue;
			const struct mention *b = &d->men[d->per[p].best];
			if (ends_with_name(d, b, m) || ends_with_name(d, m, b))
				found = (int)p;
		}
		if (found < 0) {
			if (d->nper == d->percap) {
				size_t cap = d->percap ? d->percap * 2 : 32;
				struct person *np = realloc(d->per, cap * sizeof *np);
				if (!np)
					return -1;
				d->per = np;
				d->percap = cap;
			}
			found = (int)d->nper++;
			d->per[found] = (struct person){ h, (int)i, 0, 0, 0 };
		}
		struct person *p = &d->per[found];
		int words = m->last - m->first + 1;
		if (words > p->nwords) {
			p->best = (int)i;
			p->nwords = words;
		}
		p->count++;
		if (m->role >= 0 || words >= 2 || m->from_entity)
			p->evidence = 1;
		m->person = found;
		m->resolved = 1;
	}
	return 0;
}

int quotes_doc_build(struct doc *d, const struct quotes_lexicon *lx, const char *text, size_t len,
              const struct quote_span *q, size_t nq, const size_t *sentence_starts,
              size_t nsentences, const struct entity_hint *ent, size_t nent)
{
	d->lx = lx;
	d->text = text;
	d->len = len;
	d->ntok = d->nmen = d->nper = 0;
	if (quotes_tokenize(d, lx, q, nq) < 0)
		return -1;
	size_t cap = 16;
	while (cap < 2 * d->ntok + 2)
		cap *= 2;
	if (cap > d->free_cap) {
		int *f = realloc(d->free_names, cap * sizeof *f);
		if (!f)
			return -1;
		d->free_names = f;
		d->free_cap = cap;
	}
	for (size_t i = 0; i < d->free_cap; i++)
		d->free_names[i] = -1;
	d->free_n = 0;
	quotes_mark_sentences(d, q, sentence_starts, nsentences);
	collect_free_names(d, lx);
	if (find_mentions(d, lx, ent, nent) < 0 || link_names(d) < 0)
		return -1;
	return 0;
}

void quotes_doc_free(struct doc *d)
{
	free(d->tok);
	free(d->men);
	free(d->per);
	free(d->free_names);
	memset(d, 0, sizeof *d);
}
