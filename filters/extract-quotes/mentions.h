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
#include <stdint.h>
#include "attribution.h"
#include "lang.h"

/* Word classes of the lexicons, as bits of token.lex. */
enum {
	LX_FUNCTION = 1 << 0, LX_DET = 1 << 1, LX_DEFINITE = 1 << 2, LX_POSSESSIVE = 1 << 3,
	LX_PREP = 1 << 4, LX_SUB = 1 << 5, LX_PARTICLE = 1 << 6, LX_PRON_SUBJ = 1 << 7,
	LX_PRON_OBJ = 1 << 8, LX_CUE = 1 << 9, LX_CUE_SEP = 1 << 10, LX_PHRASE_FIRST = 1 << 11,
	LX_ROLE = 1 << 12,   /* a role, or ends in one */
	LX_ADJ = 1 << 13,    /* ends in an adjective suffix */
	LX_TERM = 1 << 14,   /* marks a following quotation as a term or title */
	LX_ORG = 1 << 15,    /* a body that speaks: "de politie" */
	LX_OPINION = 1 << 16, /* a cue form from the opinion verbs */
	LX_COMPLEMENTIZER = 1 << 17 /* opens reported speech: "zei dat" */
};

struct lexmap;

struct quotes_lexicon {
	struct lexmap *map;             /* lower-case word -> LX_* bits */
	unsigned char role_tail[256 * 256 / 8], adj_tail[256 * 256 / 8];
	                                /* hashed last bytes of roles and suffixes */
	size_t role_min, role_max;      /* shortest and longest role, bytes */
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

/* lexicon.c: load and free the lists (0 or -1 after a message). */
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
	unsigned lex;  /* LX_* bits of the lower-cased word */
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
	int from_entity;       /* M_NAME taken from a PER entity */
	int body;              /* M_DESCRIPTION of a body or its spokesperson */
};

struct person {
	unsigned last_hash;    /* of the lower-cased last word of its names */
	int best;              /* mention with the fullest name, or -1 */
	int nwords;            /* words in it */
	int count;             /* mentions by name */
	int evidence;          /* PER entity, a role, or a first name + surname */
};

struct doc {
	const struct quotes_lexicon *lx;
	int whole_text;              /* tokenize all of it, not only up to the
	                                paragraph of the last quotation */
	const char *text;
	size_t len;
	struct token *tok;
	size_t ntok, tokcap;
	struct mention *men;
	size_t nmen, mencap;
	struct person *per;
	size_t nper, percap;
	/* Capitalised words seen free mid-sentence: a set of token indexes,
	 * hashed by the word's bytes (open addressing, -1 empty). */
	int *free_names;
	size_t free_cap, free_n;
};

/* Lower-case copy of token T into BUF (size CAP); returns its length, or 0
 * when it does not fit. ASCII and Latin-1 letters are folded. */
size_t quotes_tok_lower(const struct doc *d, const struct token *t, char *buf, size_t cap);
/* 1 when word token T has any of the LX_* BITS. */
int quotes_tok_has(const struct doc *d, size_t t, unsigned bits);
/* 1 when token T is the punctuation character C. */
int quotes_tok_is(const struct doc *d, size_t t, char c);

/* mentions.c: tokens, sentences and mentions of TEXT with quotations Q.
 * Returns 0 or -1 (out of memory). */
int quotes_doc_build(struct doc *d, const struct quotes_lexicon *lx, const char *text, size_t len,
              const struct quote_span *q, size_t nq, const size_t *sentence_starts,
              size_t nsentences, const struct entity_hint *ent, size_t nent);
void quotes_doc_free(struct doc *d);

/* The quoted text [START, END) is in title case (every content word
 * capitalised): a name or a title, not a fragment of speech. */
int quotes_is_title_case(const struct doc *d, size_t start, size_t end);

/* lexicon.c: the length of the longest role of the lexicon that a
 * lower-case word ends in, 0 if none (woordvoerster, EU-buitenlandchef,
 * diplomatiedeskundige); 1 when it ends in an adjective suffix; all its
 * LX_* classes (CAPITALISED: the word was written with a capital). */
size_t quotes_is_role_word(const struct quotes_lexicon *lx, const char *low, size_t n);
int quotes_ends_with_suffix(const struct quotes_lexicon *lx, const char *low, size_t n);
unsigned quotes_word_class(const struct quotes_lexicon *lx, const char *low, size_t n,
                           int capitalised);
/* FNV-1a hash of N bytes. */
uint64_t quotes_hash(const char *s, size_t n);

/* words.c: characters (code points; invalid bytes decode as U+FFFD, *N >= 1),
 * the tokens of a text, and its sentence boundaries. */
int32_t quotes_cp_at(const char *s, size_t len, size_t i, int *n);
int quotes_is_letter(int32_t c);
int quotes_is_upper(int32_t c);
/* An apostrophe (ASCII or curly) at I; *N its length in bytes. */
int quotes_apostrophe_at(const char *s, size_t len, size_t i, size_t *n);
int quotes_tokenize(struct doc *d, const struct quotes_lexicon *lx,
                    const struct quote_span *q, size_t nq);
void quotes_mark_sentences(struct doc *d, const struct quote_span *q,
                           const size_t *starts, size_t nstarts);

#endif
