/* mentions.h — internal to extract-quotes: the lexicons, words, sentences
 * and person mentions that attribution.c reasons over.
 *
 * The text is cut into tokens (words, punctuation, and each quotation as one
 * token), tokens into sentences (outside quotations only: a quotation is one
 * token of the sentence around it), and person mentions are found among the
 * tokens: names (capitalised words joined by particles), third-person
 * pronouns, and descriptions (article + words + a role: "de woordvoerster").
 * Names are linked by surname to the fullest name in the text.
 * All offsets are BYTES into the text.
 */
#ifndef ZEEF_MENTIONS_H
#define ZEEF_MENTIONS_H

#include <stddef.h>
#include "attribution.h"
#include "lang.h"

struct quotes_lexicon {
	struct wordset *function, *det, *prep, *roles, *particles;
	struct wordset *det_definite, *det_possessive, *subordinator;
	struct wordset *pron_subj, *pron_obj, *adj_suffixes, *abbreviations;
	struct wordset *cue_forms;      /* verb forms that are cues alone */
	struct wordset *cue_sep_forms;  /* forms that need a particle */
	struct wordset *cue_sep_pairs;  /* "form particle" */
	struct wordset *cue_phrase_first; /* first words of cue phrases */
	struct wordset *cue_phrases;    /* whole phrases, words joined by ' ' */
	size_t longest_phrase_words;
};

int quotes_lexicon_load(struct quotes_lexicon *lx);
void quotes_lexicon_free(struct quotes_lexicon *lx);

enum {
	TK_WORD = 1 << 0,
	TK_CAP = 1 << 1,       /* begins with an upper-case letter */
	TK_PUNCT = 1 << 2,
	TK_QUOTE = 1 << 3,     /* a whole quotation, marks included */
	TK_INITIAL = 1 << 4,   /* "J." or "M.C." */
	TK_SENT = 1 << 5,      /* first token of a sentence */
	TK_PARA = 1 << 6,      /* first token of a paragraph */
	TK_HYPHEN_ROLE = 1 << 7 /* capitalised compound with a lower-case tail:
	                           EU-correspondent, NAVO-chef */
};

struct token {
	size_t start, end;
	unsigned flags;
	int sent, para;
	int quote;     /* index of the quotation for TK_QUOTE, else -1 */
	int mention;   /* mention starting here, else -1 */
};

enum mention_type { M_NAME, M_PRONOUN, M_DESCRIPTION, M_QUOTE };

struct mention {
	int first, last;       /* tokens, inclusive */
	enum mention_type type;
	int subject;           /* subject-like: not in a prepositional phrase or
	                          a subordinate clause */
	int in_pp;             /* in a prepositional phrase */
	int object_pronoun;
	int person;            /* index into persons, -1 when unknown */
	int resolved;          /* pronoun resolution done */
	int role;              /* role token right before a name, else -1 */
	int quote;             /* M_QUOTE: the quotation's index */
	int definite;          /* M_DESCRIPTION: "de …" (refers back) */
};

struct person {
	int best;              /* mention with the fullest name, or -1 */
	int nwords;            /* words in it */
	int count;             /* mentions by name */
	int evidence;          /* PER entity, a role, or a first name + surname */
};

struct doc {
	const char *text;
	size_t len;
	struct token *tok;
	size_t ntok, tokcap;
	struct mention *men;
	size_t nmen, mencap;
	struct person *per;
	size_t nper, percap;
	struct wordset *names_mid;   /* capitalised words seen mid-sentence */
};

/* Lower-case copy of token T into BUF (size CAP); returns its length, or 0
 * when it does not fit. ASCII and Latin-1 letters are folded. */
size_t tok_lower(const struct doc *d, const struct token *t, char *buf, size_t cap);
/* 1 when token T, lower-cased, is in WS. */
int tok_in(const struct doc *d, size_t t, const struct wordset *ws);
/* 1 when token T is the punctuation character C. */
int tok_is(const struct doc *d, size_t t, char c);

/* Tokens, sentences and mentions of TEXT with quotations Q. Returns 0 or -1
 * (out of memory). */
int doc_build(struct doc *d, const struct quotes_lexicon *lx, const char *text, size_t len,
              const struct quote_span *q, size_t nq, const size_t *sentence_starts,
              size_t nsentences, const struct entity_hint *ent, size_t nent);
void doc_free(struct doc *d);

/* A lower-case word ends in a role of the lexicon (woordvoerster,
 * EU-buitenlandchef, diplomatiedeskundige). */
int is_role_word(const struct quotes_lexicon *lx, const char *low, size_t n);

#endif
