/* sentence_impl.h — the sentence splitter's internals, shared by its files
 * (not for other modules): sentence.c (the scanner, chunks, the scan
 * loop), sentence_marks.c (does a sentence end at a mark or a quote),
 * sentence_lists.c (runs of names), sentence_heading.c (headings and
 * captions that lost their line break), sentence_layout.c (line breaks,
 * lists, bullets) and sentence_rows.c (key: value rows).
 * All offsets are bytes into the text.
 */
#ifndef ZEEF_SENTENCE_IMPL_H
#define ZEEF_SENTENCE_IMPL_H

#include <stddef.h>

#include "line_units.h"
#include "sentence.h"
#include "sentence_chars.h"
#include "sentence_words.h"

/* A chunk: a run of bytes without white space. */
enum { CH_PARA_END = 1, CH_FORCED = 2, CH_MARK = 4, CH_DQUOTE = 8, CH_SQUOTE = 16 };

struct chunk {
	size_t s, e;      /* bytes, [s, e) */
	unsigned flags;   /* CH_* */
};

/* The chunks read lately, by the byte they were read from: the rules read
 * the same few chunks around a capital or a mark again and again
 * (sentence.c). Emptied by splitter_split for each text. */
#define CHUNK_MEMO_SLOTS 64
struct chunk_memo {
	size_t pos[CHUNK_MEMO_SLOTS];    /* or NO_SENTENCE: empty */
	struct chunk c[CHUNK_MEMO_SLOTS];
	unsigned char found[CHUNK_MEMO_SLOTS];
	size_t word_at, word_end;        /* the last sent_word_end asked */
};

struct splitter {
	struct chunk_memo *memo;       /* written through a const splitter too */
	struct word_list abbr, abbr_final, abbr_number, clitics, starters, title_articles,
	                 title_nouns, particles, stopwords, verbs, first_names, roles,
	                 headings, heading_first,
	                 places;           /* nl/gazetteer-loc*.txt */
	struct sentence_span *spans;   /* the last result */
	size_t n, cap;
};

/* The scanner's state over one text. */
struct scan {
	struct splitter *sp;
	const char *t;
	size_t len;
	size_t sent;           /* start of the current sentence, or NO_SENTENCE */
	int dq_open, sq_open;  /* a straight " or ' quote is open */
	/* line structure (sentence_layout.c) */
	size_t para;           /* start of the current paragraph */
	size_t para_end;       /* end of the paragraph measured (0: none yet) */
	struct line_para lp;   /* its width and list-ness */
	size_t line;           /* start of the current line */
	size_t unit;           /* start of the text since the last unit break */
	size_t measured;       /* that text is measured up to here, into M */
	struct line_measure m;
	/* the last key ("Inwoners:") seen in the current sentence */
	size_t key_start;      /* or NO_SENTENCE */
	unsigned key_words;    /* its words, name particles left out */
	int key_row;           /* that key starts the sentence: a row split off */
	int dash_list;         /* the sentence is an item of a dash list */
	size_t run_end;        /* end of the last run of names read */
};
#define NO_SENTENCE ((size_t)-1)

/* sentence.c */
void sent_push(struct splitter *sp, size_t s, size_t e);
/* The end of the run at byte I of bytes that continue a chunk and are no
 * mark, quote or possible white space, over at most 64 bytes: the end of a
 * capital's word for the rules that look it up, asked twice at most
 * capitals. */
size_t sent_word_end(const struct splitter *sp, const char *t, size_t len, size_t i);
size_t sent_skip_space(const unsigned char *t, size_t i, size_t len, int *nl);
/* The chunk at byte POS or after the white space there, within the
 * paragraph: 0 when a paragraph break or the end of the text comes first.
 * sent_read_chunk looks in the memo first (inline: half the chunks asked
 * are there), sent_read_chunk_new reads and memoises. */
int sent_read_chunk_new(const struct splitter *sp, const char *text, size_t len,
                        size_t pos, struct chunk *c);

/* sentence_marks.c */
/* The chunk at POS holds a mark or a quote: end the sentence there when it
 * ends, and open the next. Returns where scanning goes on. */
size_t sent_mark_chunk(struct scan *sc, size_t pos);
/* Count the straight quotes in chunk C into the open flags. */
void sent_track_quotes(const char *t, const struct chunk *c, const struct splitter *sp,
                       int *dq_open, int *sq_open);
/* Does chunk C start a sentence by its form: a capitalised sentence
 * starter followed by a lowercase word or a number? */
int sent_starter_at(const struct splitter *sp, const char *t, size_t len,
                    const struct chunk *c);

/* sentence_heading.c */
/* A sentence starts at chunk start POS: takes a glued heading off first;
 * returns where scanning goes on. */
size_t sent_begin(struct scan *sc, size_t pos);
int sent_glued_heading(const struct splitter *sp, const char *t, size_t len,
                       const struct chunk *a, size_t *head_end, size_t *next);
int sent_starts_mid(struct scan *sc, size_t i);
/* Does a capitalised starter C that is no article open a sentence with
 * the verb second, its next chunk N capitalised: a name of one to three
 * words and then a finite verb ("In Europa waren", "Volgens Rutte is")? */
int sent_verb_second(const struct splitter *sp, const char *t, size_t len,
                     const struct chunk *c, const struct chunk *n);
/* A known section heading (nl/section-headings.txt) at chunk start I,
 * of at least MIN_WORDS words, before a capitalised word, a number or a
 * bullet: returns the end of the heading, else 0. */
size_t sent_section_heading(const struct splitter *sp, const char *t, size_t len, size_t i,
                            int min_words);

/* sentence_lists.c: a run of names starting at chunk start I (a capital);
 * returns 1 when it was split as a list. */
int sent_name_run(struct scan *sc, size_t i);

/* sentence_rows.c: a colon that ends a key, at byte I: rows run together
 * split before each key once a second one with as many words is seen.
 * Returns 1 when it split. */
int sent_key_colon(struct scan *sc, size_t i);

/* sentence_layout.c */
/* End the current sentence (when one is open) at E, trimmed of white space
 * before it. */
void sent_end_at(struct scan *sc, size_t e);
/* A single line break: the line before ends at WS, the next starts at WE.
 * Returns where scanning goes on. */
size_t sent_line_break(struct scan *sc, size_t ws, size_t we);
/* A new paragraph starts at P. */
void sent_new_paragraph(struct scan *sc, size_t p);
/* Bytes that may start a list item or end a key: the scanner calls
 * sent_layout_byte at each (and, for E2, at bullets); it returns 1 when it
 * decided something, with *NEXT where scanning goes on. */
extern unsigned char sent_layout_stop[256];
int sent_layout_byte(struct scan *sc, size_t i, size_t *next);

/* A function kept out of line: a rule's quick rejection stays in a small
 * frame of its own, the rest (most calls never get there) in this one. */
#ifdef __GNUC__
#define SENT_COLD __attribute__((noinline))
#else
#define SENT_COLD
#endif

static inline int sent_read_chunk(const struct splitter *sp, const char *text, size_t len,
                                  size_t pos, struct chunk *c)
{
	const struct chunk_memo *m = sp->memo;
	size_t k = pos % CHUNK_MEMO_SLOTS;
	if (m->pos[k] == pos) {
		*c = m->c[k];
		return m->found[k];
	}
	return sent_read_chunk_new(sp, text, len, pos, c);
}

/* The chunk after chunk C in the same paragraph, or 0. */
static inline int sent_next_chunk(const struct splitter *sp, const char *t, size_t len,
                                  const struct chunk *c, struct chunk *n)
{
	if (c->flags & CH_PARA_END)
		return 0;
	return sent_read_chunk(sp, t, len, c->e, n);
}

/* A sentence opens at POS. */
static inline void sent_open(struct scan *sc, size_t pos)
{
	sc->sent = pos;
	sc->key_start = NO_SENTENCE;
	sc->key_words = 0;
	sc->key_row = 0;
	sc->dash_list = 0;
}

/* Byte length of a white-space character ending just before byte I, else 0. */
static inline size_t sent_space_before(const unsigned char *t, size_t i)
{
	if (i == 0 || (t[i - 1] > ' ' && t[i - 1] < 0x80)) return 0;
	unsigned char c = t[i - 1];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
	if (c < 0x80) return 0;
	if (i >= 2 && t[i - 2] == 0xC2 && c == 0xA0) return 2;
	if (i >= 3 && space_len(t, i - 3, i) == 3) return 3;
	return 0;
}

/* Is byte I white space, or the end of the text? */
static inline int sent_is_space_at(const char *t, size_t i, size_t len)
{
	return i >= len || space_len((const unsigned char *)t, i, len) > 0;
}

/* End of the chunk before white space that ends at byte S (S itself when
 * there is none). */
static inline size_t sent_before_space(const char *t, size_t s)
{
	size_t k;
	while ((k = sent_space_before((const unsigned char *)t, s)) > 0)
		s -= k;
	return s;
}

/* Start of the word that ends at byte E, not before LO. */
static inline size_t sent_word_start(const char *t, size_t e, size_t lo)
{
	while (e > lo && !sent_space_before((const unsigned char *)t, e))
		e--;
	return e;
}

/* Split before byte AT (a chunk start after the current sentence's start):
 * the sentence so far ends, a new one opens at AT. */
static inline void sent_split_before(struct scan *sc, size_t at)
{
	sent_end_at(sc, at);
	sent_open(sc, at);
}

#endif
