/* mentions.h — internal to mentions.c, names.c and barenouns.c: the
 * questions about a token in the window that finding mentions asks (see
 * doc.h). Where a token stands in its clause is mentions.c's; whether
 * capitalised words are a name is names.c's; where a noun without an
 * article speaks is barenouns.c's. Every question looks at a bounded
 * number of tokens around T; a token outside the window is no word.
 */
#ifndef ZEEF_QUOTES_MENTIONS_H
#define ZEEF_QUOTES_MENTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "doc.h"

/* Nouns (roles, persons, groups, bodies): a capitalised one is a name
 * only without an article before it and without a name after it ("zei
 * Bakker", not "de Bakker", not "Minister Bos"). */
static const uint32_t NOUN = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;

static inline const struct qtoken *tk(const struct doc *d, size_t t)
{
	return doc_has(d, t) ? doc_tok(d, t) : NULL;
}

static inline uint32_t flags(const struct doc *d, size_t t)
{
	const struct qtoken *k = tk(d, t);
	return k ? k->flags : 0;
}

static inline int word(const struct doc *d, size_t t)
{
	return (flags(d, t) & TK_WORD) != 0;
}

static inline int capitalised(const struct doc *d, size_t t)
{
	return (flags(d, t) & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP);
}

/* mentions.c: scanning back from T over adjectives, numbers and roles (at
 * most four words) reaches a word of class KIND (LX_DET, LX_PREP). */
int doc_governed_by(const struct doc *d, size_t t, uint32_t kind);
/* T opens its sentence (or follows a quotation, a dash, a leading
 * elision: "'s Avonds"). */
int doc_sentence_initial(const struct doc *d, size_t t);

/* Token T is the preposition of a passive agent ("door de wethouder"). */
static inline int doc_agent_prep(const struct doc *d, size_t t)
{
	return doc_word_in(d, t, d->lx->agent) != 0;
}

/* barenouns.c: a role in lower case right after a reporting verb that ends
 * its phrase ("zegt burgemeester na rellen"). */
int doc_bare_role_at(const struct doc *d, size_t t);
/* barenouns.c: the role noun at T is followed by "van", its portfolio and
 * a first name ("minister van Defensie Ludivine Dedonder"): the name that
 * follows is the person's (names.c skips the portfolio), not the role. */
int doc_portfolio_then_name(const struct doc *d, size_t t);
/* The head of a bare plural starting at T where a group speaks ("Critici
 * noemen", "zeggen deskundigen", "door vrouwen"), or -1. */
long doc_bare_plural_at(struct doc *d, size_t t, size_t end);
/* Its first test, of word token K alone: a word that may open such a
 * phrase (no function word, verb or determiner; a listed plural, or the
 * last letter of a plural noun, or an adjective's -e before one: the
 * last byte spares most words the rest). */
static inline int doc_bare_plural_may_open(const struct doc *d, const struct qtoken *k)
{
	if ((k->flags & (TK_QUOTE | TK_NUMBER | TK_HYPHEN_ROLE | TK_ALLCAPS)) ||
	    (k->lex & (LX_FUNCTION | LX_CUE | LX_CUE_SEP | LX_DET)))
		return 0;
	char z = (char)(d->text[k->end - 1] | 0x20);
	return (k->lex & LX_PLURAL) || z == 's' || z == 'n' || z == 'i' || z == 'e';
}
/* The last token of a share of a group starting at T right before its
 * reporting verb ("Dertig procent van de kinderen zegt"), or -1. */
long doc_share_at(const struct doc *d, size_t t, size_t end);
/* T is a kinship noun used as a name ("Vader ging zitten", "zei moeder"). */
int doc_kin_name_at(const struct doc *d, size_t t);

/* names.c: the capitalised word T stands free mid-sentence somewhere in
 * the text (prepass.c), so it is a name also where it opens a sentence. */
int doc_known_free(const struct doc *d, size_t t);
/* The capitalised word T is an adjective of a people or a place ("een
 * Hindoesch bediende"), not a name. */
int doc_capitalised_adjective(const struct doc *d, size_t t);
/* T can begin a name (capitalised, not a function word, title, cue). */
int doc_name_word(const struct doc *d, size_t t);
/* The last token of a name starting at T (looking no further than END),
 * or -1; -2 when the next word starts the name ("de Argentijn Guillermo
 * Canas"). */
long doc_name_at(struct doc *d, size_t t, size_t end);
/* The last token of a name that a PER entity hint starting at the
 * sentence-opening token T marks, or -1. */
long doc_entity_name_at(struct doc *d, size_t t, size_t end);
/* The name of tokens [A, B] is a place or an organisation (an entity hint
 * of another type, or the gazetteers). */
int doc_place_name(struct doc *d, size_t a, size_t b);

#endif
