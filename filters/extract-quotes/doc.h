/* doc.h — internal to extract-quotes: the text as a sliding window of
 * tokens, sentences, quotations and mentions, and the people the text names.
 *
 * The text is read block by block (a paragraph, or a slice of a very long
 * one: doc_feed), so memory is bounded by the window, not by the text. The
 * window holds the tokens of the last few blocks; older ones are dropped
 * (doc_drop) once every quotation before them is attributed. Indexes of
 * tokens, mentions and quotations are global (they count from the start of
 * the text); the window holds [base, base + n) of each. People (struct
 * person) are kept for the whole text: a compact record each.
 *
 * A token is a word, a number or a punctuation mark (common/tokenize.h), or
 * a whole quotation (marks included): a quotation is one token of the
 * sentence around it. A dialogue paragraph opened by a dash ("--Kom je?
 * vroeg hij.") is a quotation too, up to a reporting clause that ends it.
 * All offsets are BYTES into the text unless named _cp (code points).
 */
#ifndef ZEEF_QUOTES_DOC_H
#define ZEEF_QUOTES_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "attribution.h"
#include "quotes.h"
#include "wordclass.h"

/* --- word classes (wordlists.c) ---------------------------------------- */

enum {
	LX_FUNCTION = 1u << 0,      /* never (the start of) a name */
	LX_DET = 1u << 1,           /* article, demonstrative, quantifier */
	LX_DEFINITE = 1u << 2,      /* "de", "die": refers back */
	LX_POSSESSIVE = 1u << 3,    /* "haar coach" */
	LX_PREP = 1u << 4,
	LX_SUB = 1u << 5,           /* subordinating conjunction */
	LX_PARTICLE = 1u << 6,      /* name particle: van, de, ter */
	LX_PRONOUN = 1u << 7,       /* personal pronoun (speakers-pronouns.txt) */
	LX_CUE = 1u << 8,           /* reporting verb form, a cue alone */
	LX_CUE_SEP = 1u << 9,       /* form of a separable reporting verb */
	LX_CUE_PAIR = 1u << 10,     /* "form particle" of a separable verb */
	LX_PHRASE_FIRST = 1u << 11, /* first word of a cue phrase */
	LX_PHRASE = 1u << 12,       /* a whole cue phrase: "in de woorden van" */
	LX_ROLE = 1u << 13,         /* a role or title noun, or ends in one */
	LX_PERSON = 1u << 14,       /* a noun for a person: vader, Duitser */
	LX_GROUP = 1u << 15,        /* a noun for a group of people: bewoners */
	LX_ORG = 1u << 16,          /* a body that speaks: politie, gemeente */
	LX_ADJ = 1u << 17,          /* ends in an adjective suffix */
	LX_TERM = 1u << 18,         /* marks a following quotation as a term */
	LX_OPINION = 1u << 19,      /* an opinion verb form (vindt, meent) */
	LX_COMPLEMENTIZER = 1u << 20, /* "dat": opens reported speech */
	LX_TITLE = 1u << 21,        /* a title before a name: dhr., mevrouw */
	LX_MALE = 1u << 22,         /* a male title or noun */
	LX_FEMALE = 1u << 23,       /* a female title or noun */
	LX_PLURAL_DET = 1u << 24,   /* a determiner of a plural: enkele, alle */
	LX_SOMEONE = 1u << 25,      /* a person word heading a phrase: iemand */
	LX_ABBREV = 1u << 26,       /* an abbreviation written with a full stop */
	LX_NEUTER = 1u << 27,       /* a neuter determiner: het, dat */
	LX_STOP = 1u << 28,         /* a stopword: no name starts with it */
	LX_PLACE = 1u << 29,        /* a place or an organisation (gazetteers) */
	LX_PLURAL = 1u << 30,       /* a plural noun of the person or group lists */
	LX_NEGATION = 1u << 31      /* denies its clause: niet, nooit */
};

/* Pronoun features (speakers-pronouns.txt), in token.pron. */
enum {
	PR_SUBJ = 1 << 0, PR_OBJ = 1 << 1, PR_FIRST = 1 << 2, PR_SECOND = 1 << 3,
	PR_MALE = 1 << 4, PR_FEMALE = 1 << 5, PR_PLURAL = 1 << 6, PR_SINGULAR = 1 << 7,
	PR_POSSESSIVE = 1 << 8, PR_DEMONSTRATIVE = 1 << 9
};

/* Classes of quotes-function-words.txt that tell a verb's clause, in
 * quotes_lexicon.clause_words. */
enum { CW_ARTICLE = 1, CW_COORD = 2, CW_PASSIVE = 4 };
/* The small one-word lists of quotes_lexicon (agent ... kin) are also in
 * wc, AUX_SHIFT bits up, so that a word's classes and these come in one
 * look-up and are kept with the token (qtoken.aux: these bits);
 * doc_word_in reads them there. */
enum {
	AUX_AGENT = 1 << 0, AUX_NAMING = 1 << 1,
	AUX_CLAUSE_SHIFT = 2,   /* CW_*, three bits */
	AUX_NAMING_VERB = 1 << 5, AUX_COPULA = 1 << 6, AUX_RELATIVE = 1 << 7,
	AUX_SPEECH_NOUN = 1 << 8, AUX_GENITIVE = 1 << 9, AUX_SHARE = 1 << 10, AUX_KIN = 1 << 11,
	AUX_SHIFT = 32, AUX_LISTS = 10
};
/* Classes of quotes-participle-affixes.txt, in quotes_lexicon.participle. */
enum { PA_GE = 1, PA_PREFIX = 2, PA_ENDING = 4, PA_PAST = 8, PA_PARTICLE = 16 };

struct quotes_lexicon {
	struct wordclass *wc;
	struct wordclass *pron;          /* pronoun -> PR_* bits */
	struct wordclass *agent;         /* the passive agent's preposition */
	struct wordclass *naming;        /* "als": names what a naming verb calls it */
	struct wordclass *clause_words;  /* CW_*: articles, coordinators, the
	                                    passive auxiliary */
	struct wordclass *participle;    /* PA_*: how a past participle is spelt */
	struct wordclass *naming_verbs;  /* quotes-naming-verbs.txt: noemde,
	                                    omschreef (the first word of a line) */
	struct wordclass *copulas;       /* speakers-copulas.txt: was, bleek */
	struct wordclass *relatives;     /* speakers-relatives.txt: die, wiens:
	                                    after a comma, a relative clause */
	struct wordclass *speech_nouns;  /* quotes-speech-nouns.txt: what someone
	                                    said (uitspraak, woorden) */
	struct wordclass *genitive;      /* "van": whose words a speech noun names */
	struct wordclass *share;         /* speakers-words.txt share: procent, helft */
	struct wordclass *kin;           /* the kinship nouns of the person list
	                                    (tag kin): "Vader", "moeder" without an
	                                    article are used as names */
	struct wordclass *self_phrases;  /* quotes-self-cue-phrases.txt: "naar
	                                    eigen zeggen", the speaker before */
	size_t longest_phrase_words;
	/* which of the lists above are kept with a token, and where (AUX_*) */
	struct aux_list {
		const struct wordclass *wc;
		unsigned shift, mask;
	} aux[AUX_LISTS];
	size_t naux;
	/* the lengths (up to 7 bytes) and first bytes of the determiners: a
	 * word of another shape is none, without a look-up */
	unsigned char det_shape[8][256];
	/* the same for the abbreviations and titles (up to 15 bytes): a word
	 * before a full stop of another shape takes no full stop */
	unsigned char abbr_shape[16][256];

};

/* Load and free the lists (0, or -1 after a message). */
int quotes_lexicon_load(struct quotes_lexicon *lx);
void quotes_lexicon_free(struct quotes_lexicon *lx);
/* LX_* classes of the folded word W (N bytes); CAPITALISED: it was written
 * with a capital (a surname may end in a short role: Verheer). The classes
 * of the word itself are one look-up; those from its endings (a compound
 * ending in a noun, an adjective suffix, a feminine form: LX_ENDING_BITS)
 * cost more, and quotes_word_endings adds them to DIRECT (the word's own). */
uint32_t quotes_word_class(const struct quotes_lexicon *lx, const char *w, size_t n,
                           int capitalised);
uint32_t quotes_word_direct(const struct quotes_lexicon *lx, const char *w, size_t n);
uint32_t quotes_word_endings(const struct quotes_lexicon *lx, const char *w, size_t n,
                             int capitalised, uint32_t direct);
enum { LX_ENDING_BITS = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG | LX_ADJ | LX_FEMALE };
/* PR_* features of the folded pronoun W, 0 when it is none. */
unsigned quotes_pronoun(const struct quotes_lexicon *lx, const char *w, size_t n);

/* --- tokens ------------------------------------------------------------ */

enum {
	TK_WORD = 1u << 0,
	TK_CAP = 1u << 1,        /* begins with an upper-case letter */
	TK_ALLCAPS = 1u << 2,    /* two letters or more, none lower-case */
	TK_PUNCT = 1u << 3,
	TK_NUMBER = 1u << 4,
	TK_QUOTE = 1u << 5,      /* a whole quotation, marks included */
	TK_INITIAL = 1u << 6,    /* "J." or "M.C." */
	TK_SENT = 1u << 7,       /* first token of a sentence */
	TK_PARA = 1u << 8,       /* first token of a paragraph */
	TK_HYPHEN_ROLE = 1u << 9, /* capitalised compound, lower-case tail:
	                             NAVO-chef, EU-correspondent */
	TK_ELISION = 1u << 10,   /* 's, 't */
	TK_ABBR = 1u << 11,      /* a listed abbreviation with its full stop */
	TK_ROMAN = 1u << 12,     /* a roman numeral: II, XIV */
	TK_DASH = 1u << 13,      /* a dash of dialogue or aside: -- – — */
	TK_LEX_ENDINGS = 1u << 14 /* lex holds the classes from endings too */
};

struct qtoken {
	uint32_t start, end;     /* bytes */
	uint32_t cp;             /* code points before start */
	uint32_t sent, para;     /* sentence and paragraph numbers */
	uint32_t sent_first;     /* first token of its sentence */
	int32_t mention;         /* mention starting here, else -1 */
	int32_t quote;           /* TK_QUOTE: its quotation, else -1 */
	uint32_t flags;          /* TK_* */
	uint32_t lex;            /* LX_* of the folded word */
	uint16_t pron;           /* PR_* when a pronoun */
	uint16_t aux;            /* AUX_* of the folded word */
	uint16_t memo;           /* word tokens: the slot of doc.memo its
	                            classes are kept in, or NO_MEMO */
};

/* The classes of every spelling are remembered (wordmemo.c): MEMO_SLOTS
 * slots, for words of up to MEMO_WORD bytes. */
enum { MEMO_SLOTS = 32768, MEMO_WORD = 23, NO_MEMO = 0xFFFF };
struct word_memo;

/* --- quotations in the window ----------------------------------------- */

struct wquote {
	struct quote_span span;  /* bytes: marks and quoted text */
	uint32_t start_cp, end_cp;
	int32_t tok;             /* its token */
	int dash;                /* a dialogue paragraph opened by a dash */
	int32_t merged_into;     /* a later part of a dash dialogue, after an
	                            inserted cue: the part it continues, else -1 */
	enum quote_kind kind;
	enum cue_pos cue_pos;
	struct xspan cue;        /* when cue_pos != CUE_NONE */
	int32_t subject;         /* mention at the cue naming the speaker, -1 */
	int32_t vocative;        /* person addressed inside it, or -1 */
	int32_t person;          /* who said it, or -1 */
	struct xspan speaker;    /* the mention shown as its speaker */
	int has_speaker;
};

/* --- mentions and people ----------------------------------------------- */

enum mention_type { M_NAME, M_PRONOUN, M_DESCRIPTION };
enum { MAX_NAME_WORDS = 8 };   /* the longest name, in words */

enum { GENDER_UNKNOWN = 0, GENDER_MALE = 1, GENDER_FEMALE = 2 };

struct mention {
	int32_t first, last;     /* tokens, inclusive */
	int32_t name_first;      /* M_NAME: first token of the name proper
	                            (after titles) */
	enum mention_type type;
	uint16_t pron;           /* M_PRONOUN: PR_* */
	uint8_t subject;         /* subject-like: not in a prepositional phrase,
	                            not an object, not in a subordinate clause */
	uint8_t in_pp, agent;    /* in a prepositional phrase; "door X" */
	uint8_t definite;        /* M_DESCRIPTION: "de ...", refers back */
	uint8_t body;            /* M_DESCRIPTION: a body or its spokesperson */
	uint8_t plural;
	uint8_t gender;          /* GENDER_*: from a title or the noun */
	uint8_t from_entity;     /* M_NAME taken from a PER entity */
	uint8_t role;            /* M_NAME with a role or title before it */
	uint8_t in_quote;        /* inside a quotation (a vocative) */
	uint8_t place;           /* M_NAME of a place or an organisation */
	int32_t person;          /* who it names, -1 when unknown */
};

enum person_kind { P_NAMED, P_DESCRIBED, P_NARRATOR, P_BODY };

struct person {
	enum person_kind kind;
	uint32_t name_start, name_end;   /* bytes of its fullest name (titles
	                                    left out); equal for none */
	uint16_t name_words;
	uint8_t name_initials;           /* its fullest name has initials */
	uint8_t plural;
	uint8_t lex_gender;              /* GENDER_* from a title or a noun */
	uint8_t name_gender;             /* GENDER_* of a first name used alone */
	uint16_t pron_male, pron_female; /* pronouns resolved to it, by gender */
	uint16_t subjects;               /* subject-like mentions */
	uint16_t places;                 /* mentions as a place or organisation */
	float salience;                  /* mentions, each counting less by
	                                    SALIENCE_DECAY a sentence since */
	uint32_t salience_sent;          /* the sentence salience is as of */
	uint8_t evidence;                /* a person: PER entity, role, first
	                                    and last name, or speaks at a cue */
	uint64_t key;                    /* hash of the last word of its name,
	                                    or of its description's head */
	int32_t next_same_key;           /* older person with the same key */
	uint32_t count;                  /* mentions */
	int32_t last_mention;            /* its latest mention, -1 */
	uint32_t last_start, last_end, last_start_cp, last_end_cp;
	                                 /* bytes and code points of it */
	uint32_t last_sent, last_para;
	uint8_t person_noun;             /* P_DESCRIBED: described by a listed
	                                    noun for a person ("de bisschop",
	                                    not "de deuren") */
	uint64_t role_noun;              /* the key (KEY_ROLE) of the role noun
	                                    last said of it ("Myriel was
	                                    bisschop", "de bisschop"), or 0 */
	struct xspan described;          /* its latest description ("de jonge
	                                    dame"): shown for a pronoun that
	                                    stands for a person with no name */
	int32_t last_subject_sent;       /* latest sentence with it as subject */
	uint32_t quotes;                 /* quotations attributed to it */
	int32_t last_quote;              /* its latest quotation, -1 */
	int32_t newer, older;            /* recency list, by latest mention */
	uint8_t prominence;              /* 1 + its place among the names the
	                                    text uses most, 0 when not */
};

/* --- the document ------------------------------------------------------ */

enum { PROMINENT = 3 };

struct doc {
	const struct quotes_lexicon *lx;
	const struct quote_marks *marks;
	const char *text;
	size_t len;
	/* the window: element i (global) is at [i - base] */
	struct qtoken *tok;
	size_t tok_base, ntok, tokcap;
	size_t tok_off;                  /* tok is tok_off elements into its
	                                    allocation (tokcap of them): the
	                                    dropped ones, moved out lazily */
	struct word_memo *memo;          /* MEMO_SLOTS, kept across texts */
	struct mention *men;
	size_t men_base, nmen, mencap;
	struct wquote *q;
	size_t q_base, nq, qcap;
	/* people, for the whole text */
	struct person *per;
	size_t nper, percap;
	int32_t *key_head;               /* open-addressing map key -> person */
	uint64_t *key_of;
	size_t keycap, nkeys;
	int32_t newest;                  /* head of the recency list, -1 */
	size_t men_done;                 /* tokens before this one have had
	                                    their mentions found */
	int32_t narrator;                /* the first person outside quotes */
	/* capitalised words standing free mid-sentence somewhere in the text
	 * (prepass.c: hashes, open addressing, 0 empty): such a word is a name
	 * also where it opens a sentence; with how often it stands free and
	 * where first */
	uint64_t *free_names;
	uint16_t *free_count;
	uint32_t *free_first;
	uint32_t *free_used;             /* the slots in use, free_n of them:
	                                    cleared one by one for the next
	                                    text, the rest of the table is 0 */
	size_t free_alloc, free_cap, free_n;
	int32_t prominent[PROMINENT];   /* the people named most often, seeded
	                                   before reading (-1 when fewer) */
	/* reading state */
	struct quote_scanner scan;
	struct quote_span next_quote;
	int have_next_quote;
	size_t pos_scan;                 /* bytes read into tokens */
	size_t para_end;                 /* end of the paragraph being read */
	size_t last_end;                 /* end of the last token */
	size_t cp_byte, cp_count;        /* code points before byte cp_byte */
	size_t ascii_end;                /* the bytes from cp_byte up to this
	                                    one are ASCII */
	uint32_t para, sent;
	long last_dash_para;             /* latest dialogue paragraph opened by
	                                    a dash, or -2 */
	const size_t *sent_starts;       /* the record's sentence starts */
	size_t nsent_starts, sent_i;
	const struct entity_hint *hints;
	size_t nhints, hint_i;
	size_t block_start;              /* first token of the last block */
	int ended;                       /* the whole text is read */
	int whole;                       /* read it all (indirect speech), not
	                                    only up to a block past the last
	                                    quotation */
	int tail_blocks;                 /* blocks read after the last quotation */
	size_t next_dash;                /* the next paragraph opened by a dash
	                                    at or after dash_from (SIZE_MAX:
	                                    none), for dialogue without marks */
	size_t dash_from;
};

/* Start reading TEXT (LEN bytes; kept, not copied) with its quotation marks
 * MARKS, the record's sentence starts (sorted bytes, may be NULL) and PER /
 * other entity hints (sorted, may be NULL); empties the window and the
 * people. With WHOLE the whole text is read, else only up to a block past
 * the last quotation (nothing when there is none). Returns 0 or -1 (out of
 * memory). */
int doc_begin(struct doc *d, const struct quotes_lexicon *lx, const struct quote_marks *marks,
              const char *text, size_t len, const size_t *sent_starts, size_t nsent,
              const struct entity_hint *hints, size_t nhints, int whole);
/* Read the next block into the window: its tokens, sentences and
 * quotations (mentions come with doc_mentions_until). Returns the number of tokens added (0
 * at the end of the text), or -1 (out of memory). */
long doc_feed(struct doc *d);
/* Forget the tokens before token T (and the mentions and quotations that
 * start there). */
void doc_drop(struct doc *d, size_t t);
void doc_free(struct doc *d);
/* Free the tables that an unusually large text grew (the window, people,
 * names); the next doc_begin makes them again. */
void doc_release(struct doc *d);

/* Element access; the index must lie in the window. */
static inline struct qtoken *doc_tok(const struct doc *d, size_t t)
{
	return &d->tok[t - d->tok_base];
}
/* Token T's word folded to lower case into LOW (CAP bytes); its length,
 * cut at CAP. */
static inline size_t doc_fold(const struct doc *d, size_t t, char *low, size_t cap)
{
	const struct qtoken *k = doc_tok(d, t);
	size_t n = k->end - k->start;
	if (n > cap)
		n = cap;
	wordclass_fold(d->text + k->start, n, low);
	return n;
}
static inline struct mention *doc_men(const struct doc *d, size_t m)
{
	return &d->men[m - d->men_base];
}
static inline struct wquote *doc_quote(const struct doc *d, size_t q)
{
	return &d->q[q - d->q_base];
}
/* 1 when token T is in the window. */
static inline int doc_has(const struct doc *d, size_t t)
{
	return t >= d->tok_base && t < d->tok_base + d->ntok;
}
/* The bits the word at T has in word class WC, folded to lower case; 0
 * when T is out of the window, no word, or longer than any listed word.
 * The lists kept with the token (AUX_*) need no look-up. */
static inline wc_bits doc_word_in(const struct doc *d, size_t t, const struct wordclass *wc)
{
	char low[64];
	if (!doc_has(d, t))
		return 0;
	const struct qtoken *k = doc_tok(d, t);
	if (!(k->flags & TK_WORD))
		return 0;
	for (size_t i = 0; i < d->lx->naux; i++)
		if (d->lx->aux[i].wc == wc)
			return (k->aux >> d->lx->aux[i].shift) & d->lx->aux[i].mask;
	size_t n = k->end - k->start;
	return n < sizeof low ? wordclass_get(wc, low, doc_fold(d, t, low, n)) : 0;
}
/* One past the last token in the window. */
static inline size_t doc_end(const struct doc *d)
{
	return d->tok_base + d->ntok;
}

/* Word token T has any of the LX_* BITS (the classes from endings are
 * found on the first question that needs them, and kept). */
int doc_is_slow(const struct doc *d, size_t t, uint32_t bits);
static inline int doc_is(const struct doc *d, size_t t, uint32_t bits)
{
	if (!doc_has(d, t))
		return 0;
	const struct qtoken *k = doc_tok(d, t);
	if (!(k->flags & TK_WORD))
		return 0;
	if ((k->lex & bits) || (k->flags & TK_LEX_ENDINGS) || !(bits & LX_ENDING_BITS))
		return (k->lex & bits) != 0;
	return doc_is_slow(d, t, bits);
}
/* All the LX_* classes of token T (0 when it is not in the window). */
uint32_t doc_lex(const struct doc *d, size_t t);
/* The classes of word token T (in the window) as if written in lower case:
 * a capitalised word gets no classes from the plural endings (a surname
 * may end like one: Bakkers); these are for where it is a noun. Kept with
 * the spelling. */
uint32_t doc_lex_lower(const struct doc *d, size_t t);
/* Token T is the one-byte punctuation C. */
int doc_punct(const struct doc *d, size_t t, char c);
/* Tokens A and B are in one sentence (both in the window). */
int doc_same_sentence(const struct doc *d, size_t a, size_t b);
/* The code-point offset of byte B, given a token T in the window that
 * starts at or before it (counts the bytes between). */
uint32_t doc_cp_of(const struct doc *d, size_t t, size_t b);
/* The bytes and code points of tokens FIRST to LAST (in the window). */
struct xspan doc_span(const struct doc *d, size_t first, size_t last);

/* dialogue.c: token T is a reporting verb (a separable one only with its
 * particle later in its clause); token T ends a clause (a quotation,
 * . ! ? ; :). */
int doc_cue_verb(const struct doc *d, size_t t);
int doc_clause_stop(const struct doc *d, size_t t);
/* dialogue.c: the CW_* classes of token T's word (0 for no word, or one
 * out of the window). */
unsigned doc_clause_word(const struct doc *d, size_t t);
/* wordmemo.c: the classes of word token K (just pushed: its flags say
 * only TK_WORD and what the tokenizer saw); the memo's slots (0, or -1
 * when out of memory). */
void doc_classify(struct doc *d, struct qtoken *k);
int doc_memo_alloc(struct doc *d);
/* The classes of the word S[A, B) of the text, read in lower case
 * (CAPITALISED 0: quotes_word_class's, as doc_lex_lower) or as a
 * capitalised word (1), and its own classes (quotes_word_direct): from the
 * word memo when it holds the spelling (a capitalised one keeps both
 * readings), else worked out. */
uint32_t doc_spelling_class(const struct doc *d, size_t a, size_t b, int capitalised);
uint32_t doc_spelling_direct(const struct doc *d, size_t a, size_t b);
/* The length of the longest listed role, person, group or body noun that
 * word token T ends in (wordclass_ending), LOW being its folded bytes (N);
 * remembered with its spelling. */
size_t doc_noun_ending(const struct doc *d, size_t t, const char *low, size_t n);
/* prepass.c: one pass over the bytes of the text before reading it:
 * which capitalised words stand free mid-sentence, and the PROMINENT ones
 * that do so most often, made people up front (doc->prominent). Returns 0
 * or -1 (out of memory). */
int doc_prepass(struct doc *d);
/* A capitalised word S (N bytes, as written) stands free mid-sentence
 * somewhere in the text. */
int doc_free_name(const struct doc *d, const char *s, size_t n);
/* people.c: a person named S[A, B) (one word), with no mention yet. */
int32_t doc_seed_person(struct doc *d, size_t a, size_t b);
/* dialogue.c: turn the paragraph starting at token FIRST into dialogue
 * when it opens with a dash. Returns 0 or -1. */
int doc_dash_dialogue(struct doc *d, size_t first);
/* dialogue.c: the first byte of the next paragraph at or after byte FROM
 * that opens with a dash, or SIZE_MAX; remembered in D, so that the text
 * is scanned once. */
size_t doc_next_dash_paragraph(struct doc *d, size_t from);
/* The line break at byte NL of S ends a paragraph: a blank line follows,
 * or the line ends a sentence and the next opens with a dash or a
 * quotation mark (dialogue written one turn a line). */
int doc_para_break(const char *s, size_t len, size_t nl);

/* mentions.c: find the mentions of the tokens before T not done yet (a
 * name may run on past T), and the people they name. Returns 0 or -1. */
int doc_mentions_until(struct doc *d, size_t t);
/* pronouns.c: the person mention M names after resolving a pronoun or
 * description (records the link); -1 when unknown. */
int32_t doc_resolve(struct doc *d, size_t m);
/* people.c: the narrator, made when first needed; -2 when out of memory. */
int32_t doc_narrator(struct doc *d);
/* A new or existing person for mention M (a name or a description). */
int32_t doc_person_of(struct doc *d, size_t m);
/* The named person whose name's last word has the key KEY (a hash of the
 * folded word), the most recent one, else the one named in full with it
 * as first name ("Anna" for Anna de Vries); -1 when none. */
int32_t doc_person_by_key(struct doc *d, uint64_t key);
/* The slot of KEY in the table of people by key (MAKE: add it; NULL when
 * out of memory, or absent), and the key of the noun at token T as the
 * head of a description (ROLE 0) or as a role (ROLE 1). */
int32_t *doc_key_slot(struct doc *d, uint64_t key, int make);
uint64_t doc_noun_key(const struct doc *d, size_t t, int role);

/* links.c: the person an indefinite description after a copula after a
 * mention says who they are ("Zij was een blonde jonge dame"), or the
 * named person a description set off by commas after the name is ("Myriel,
 * de bisschop,"); -1 when none. */
int32_t doc_predicate_of(const struct doc *d, const struct mention *m);
int32_t doc_apposition_of(const struct doc *d, const struct mention *m);
/* The noun at token T is said of person P: later descriptions with it as
 * head are P (and P takes its gender). 0, or -2 when out of memory. */
int doc_link_noun(struct doc *d, int32_t p, size_t t);
/* Links the nouns said of named person P at its mention M: a description
 * before it set off by a comma, a bare noun after a copula next to it.
 * 0, or -2 when out of memory. */
int doc_name_predicates(struct doc *d, int32_t p, const struct mention *m);
/* pronouns.c: the gender of person X: from a title or noun ("Miss", "de dame"), else
 * from a listed first name used alone ("vroeg Eva"), else from the
 * pronouns that stood for it, when they clearly agree. */
int doc_gender(const struct person *x);
/* The same without what a first name alone says (pronouns.c). */
int doc_gender_told(const struct person *x);
/* May pronoun mention M stand for person X (number, person, gender)? */
int doc_agrees(const struct mention *m, const struct person *x);
/* Person P's salience as of sentence SENT. */
float doc_salience(const struct doc *d, int32_t p, uint32_t sent);
/* Move person P to the front of the recency list: mentioned by M now. */
void doc_touch(struct doc *d, int32_t p, size_t m);
/* people.c: take person P out of the recency list (d->newest and the
 * newer/older links), so that no pronoun or quotation goes to it. */
void doc_unlink_person(struct doc *d, int32_t p);
/* names.c: the quoted text [START, END) is in title case: a name or a
 * title. */
int doc_title_case(const struct doc *d, size_t start, size_t end);

#endif
