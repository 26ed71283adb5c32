/* ner_features.h — the pieces of feature extraction (features.c) that the
 * tagger (tagger.c) puts together in its own order, with its cache of word
 * types. Not for other users.
 *
 * A token's features are of three kinds: those of the token alone (its
 * word, affixes, shape, class: NER_PART_WORD), those of one neighbour
 * alone (the word before it, its shape...: NER_PART_NEIGHBOURS), and the
 * rest (word pairs, gazetteer phrases, surname particles, the document:
 * NER_PART_CONTEXT). The first two depend only on one word's bytes and
 * whether it starts the sentence, so the tagger may add up their weights
 * once per word type.
 */
#ifndef ZEEF_NER_FEATURES_H
#define ZEEF_NER_FEATURES_H

#include "ner.h"

enum {
	F_CAP = 1,        /* first character upper case */
	F_ALLCAP = 2,     /* letters, all upper case */
	F_DIGIT = 4,
	F_HYPHEN = 8,
	F_LOWER = 16,     /* has a lower-case letter */
	F_START = 32      /* no word before it in the sentence */
};

struct ner_token_info {
	uint32_t word;        /* ner_hash_bytes of the word */
	uint32_t lower, shape, pre[4], suf[4];   /* hashes; an affix of the whole word is 0 */
	uint32_t doc_lower;   /* the document memory's hash of the lower-cased word */
	uint16_t flags, len_cp;
	uint32_t bridge;      /* surname particles around it (context) */
};

/* Describe word W in INFO (its bridge 0). START: it begins the sentence
 * (F_START). */
void ner_analyse(const struct ner_word *w, int start, struct ner_token_info *info);
/* 1 if W makes the words after it no longer the start of the sentence. */
static inline int ner_wordlike(const struct ner_word *w)
{
	unsigned char c = w->len ? (unsigned char)w->s[0] : 0;
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Context of a sentence's tokens IN[0,N): sets each bridge (surname
 * particles between capitalised words, from G's particle lists) and, per
 * token, the types of the gazetteer phrases it begins (GB) or continues
 * (GI), bit masks. G may be NULL. */
void ner_sentence_context(struct ner_token_info *in, size_t n, const struct ner_gazetteer *g,
                          uint8_t *gb, uint8_t *gi);

enum {
	NER_PART_WORD = 1,         /* of the token alone */
	NER_PART_NEIGHBOURS = 2,   /* of one neighbour alone: ner_neighbour_features */
	NER_PART_CONTEXT = 4,      /* the rest: word pairs, gazetteers, the document */
	NER_PART_ALL = 7
};
/* The feature keys of token I of IN[0,N) of the kinds PARTS into F (room
 * for NER_MAX_FEATS); returns their number. GB, GI from
 * ner_sentence_context; G and D may be NULL. All kinds together come in
 * the order training has always summed them in. */
size_t ner_token_features(const struct ner_token_info *in, size_t i, size_t n, const uint8_t *gb,
                          const uint8_t *gi, const struct ner_gazetteer *g, const struct ner_doc *d,
                          uint32_t *f, int parts);
/* The NER_PART_CONTEXT keys of token I (ner_token_features). */
size_t ner_context_features(const struct ner_token_info *in, size_t i, size_t n, const uint8_t *gb,
                            const uint8_t *gi, const struct ner_gazetteer *g, const struct ner_doc *d,
                            uint32_t *f);
/* The NER_PART_NEIGHBOURS keys that word W gives the token AT places
 * before it (AT -1, -2) or after it (1, 2): W NULL for no word there, past
 * the sentence's edge. Returns their number (at most 6). */
size_t ner_neighbour_features(const struct ner_token_info *w, int at, uint32_t *f);

/* For ner_doc_scan: note the mention of the capitalised word hashing to
 * KEY, between words whose doc_lower hashes mixed give BEFORE and AFTER
 * (ner_hash_mix(1, before's), ner_hash_mix(2, after's); 11 and 12 at the
 * sentence's ends). Returns 0 or -1 (memory). */
int ner_doc_mention(struct ner_doc *d, uint32_t key, uint32_t before, uint32_t after);
/* ner_doc_learn with the tokens described already. */
int ner_doc_learn_info(struct ner_doc *d, const struct ner_token_info *in, size_t n,
                       const uint8_t *labels);

/* Room in S for sentences of N tokens: info, feats, gaz_mark, emit. */
int ner_scratch_room(struct ner_scratch *s, size_t n);
void ner_memo_free(struct ner_memo *m);

#endif
