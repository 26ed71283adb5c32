/* sentence.c — Dutch sentence boundaries (see sentence.h).
 *
 * Words are "chunks": runs of bytes without white space. A sentence is a run
 * of whole chunks, except where a boundary is glued inside one
 * ("einde.Nieuw"), which is cut as if there were an empty space there. A
 * blank line (paragraph break) always ends a sentence.
 *
 * The scanner skips every byte that cannot matter (letters, digits, most
 * punctuation, spaces) through a table, and stops only at . ? ! quotes,
 * newlines, the lead byte of the ellipsis and typographic quotes, capital
 * letters, and : ; ) * - (list items and keys). At a mark or quote
 * sentence_marks.c reads the chunk around the byte and decides whether the
 * sentence ends; at a capital the scanner looks for a run of names
 * (sentence_lists.c), a section heading or a sentence that starts without a
 * mark before it (sentence_heading.c); at a single newline and at list
 * bytes, sentence_layout.c decides. Chunks are read on demand and never
 * stored, so memory is only the result; every byte is looked at a bounded
 * number of times (linear time).
 *
 * This file holds what runs at every byte: the byte tables and their
 * sixteen-byte tests (SSSE3 nibble tables, SSE2 compares, eight-byte table
 * look-ups), the chunk reader and the scan loop. They stay in one file
 * so that the byte tests are inlined into the reader and the loop (the
 * build has no link-time optimisation).
 *
 * All offsets are bytes. Word lists come from lang.h (nl/...).
 */
#include "sentence.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "filter.h"
#include "lang.h"
#include "sentence_impl.h"
#include "utf8.h"

/* ---- results ------------------------------------------------------------- */

/* splitter_split never fails: running out of memory ends the program (70). */
static void out_of_memory(void)
{
	filter_out_of_memory();
}

void sent_push(struct splitter *sp, size_t s, size_t e)
{
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 64;
		struct sentence_span *n = realloc(sp->spans, cap * sizeof *n);
		if (!n) out_of_memory();
		sp->spans = n; sp->cap = cap;
	}
	sp->spans[sp->n++] = (struct sentence_span){ s, e };
}

/* ---- chunks, read on demand ------------------------------------------------ */

/* Byte classes for the chunk reader, and the bytes the scanner stops at:
 * sentence marks, quotes, newlines, and E2 (the ellipsis and typographic
 * quotes). Every other byte is skipped without a look at its chunk. */
enum { B_PLAIN, B_SPACE, B_NEWLINE, B_MARK, B_DQUOTE, B_SQUOTE, B_LEAD };
static unsigned char byte_class[256];
static unsigned char stop_byte[256];
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
/* stop_byte written out for sixteen bytes at a time: the capitals and
 * these. Checked against the table when it is made (stop_simd): a stop
 * added to the table and not here falls back to first_set, slower. */
#define SIMD_STOPS ".?!\"'\n\xE2:;)*-"
static int stop_simd;

/* Bytes of X that are . ? ! " or ': a stop, and no plain chunk byte. */
static inline __m128i marks_quotes16(__m128i x)
{
	__m128i m = _mm_cmpeq_epi8(x, _mm_set1_epi8('.'));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('?')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('!')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	return _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
}

/* Bit K set when byte K of X is a stop byte (stop_simd). */
static inline unsigned stops16(__m128i x)
{
	__m128i d = _mm_sub_epi8(x, _mm_set1_epi8('A'));
	__m128i m = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8('Z' - 'A')), d);
	m = _mm_or_si128(m, marks_quotes16(x));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2)));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(':')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(';')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(')')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('*')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
	return (unsigned)_mm_movemask_epi8(m);
}

/* Bit K set when byte K of X may be no B_PLAIN byte (plain_simd): white
 * space and control bytes, the marks and quotes, and the lead bytes C2 E2
 * E3; a control byte found is looked up in byte_class. */
static int plain_simd;
static inline unsigned maybe_unplain16(__m128i x)
{
	__m128i m = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(' ')), x);
	m = _mm_or_si128(m, marks_quotes16(x));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xC2)));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE2)));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xE3)));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The last block of bytes the scanner tested: stops come every few bytes
 * (each capital is one), so the next one is mostly in the same block. */
struct stop_block {
	size_t at;       /* first byte of the block, or NO_SENTENCE */
	unsigned mask;   /* bit K: byte AT + K is a stop */
	size_t bytes;    /* 16 or 32 */
};

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(SENTENCE_NO_NIBBLES)
#define NIBBLE_SCAN 1          /* -DSENTENCE_NO_NIBBLES tests the paths without */
#include <tmmintrin.h>
/* A byte table of at most eight high nibbles in use as two sixteen-byte
 * tables, LO by low nibble and HI by high nibble, with byte C in the set
 * when LO[C & 15] & HI[C >> 4]: one PSHUFB each tests sixteen bytes
 * (SSSE3, when the CPU has it), where SSE2 needs a compare per byte value. */
struct nibbles {
	unsigned char lo[16], hi[16];
	int ok;                  /* the table fits and the CPU has SSSE3 */
};
static struct nibbles stop_nib, plain_nib;

static void nibbles_of(const unsigned char *table, struct nibbles *nb)
{
	int groups = 0;
	memset(nb, 0, sizeof *nb);
	for (int h = 0; h < 16; h++) {
		int any = 0;
		for (int n = 0; n < 16; n++)
			any |= table[h * 16 + n] != 0;
		if (!any)
			continue;
		if (groups == 8)
			return;
		unsigned char bit = (unsigned char)(1u << groups++);
		nb->hi[h] = bit;
		for (int n = 0; n < 16; n++)
			if (table[h * 16 + n])
				nb->lo[n] |= bit;
	}
	__builtin_cpu_init();
	nb->ok = __builtin_cpu_supports("ssse3");
}

/* Bit K set when byte K of T[i, i + 16) is in NB's set. */
__attribute__((target("ssse3"))) static inline unsigned nibbles16(const struct nibbles *nb,
                                                                 const unsigned char *t)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)t);
	__m128i low = _mm_set1_epi8(0x0F);
	__m128i l = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)nb->lo),
	                             _mm_and_si128(x, low));
	__m128i h = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)nb->hi),
	                             _mm_and_si128(_mm_srli_epi16(x, 4), low));
	return ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(l, h),
	                                                  _mm_setzero_si128())) & 0xFFFFu;
}

/* The first byte of the B_PLAIN complement at or after I where a block
 * of sixteen bytes ends, or the first I not tested (LEN - I < 16). */
__attribute__((target("ssse3"), noinline))
static size_t plain_find(const unsigned char *t, size_t i, size_t len)
{
	for (; i + 16 <= len; i += 16) {
		unsigned m = nibbles16(&plain_nib, t + i);
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	return i;
}

/* The first stop at or after I where a block of 32 or sixteen bytes
 * ends, into *B; or the first I not tested (LEN - I < 16) with B->at
 * NO_SENTENCE. Stops come every twenty bytes or so: a block of 32 holds
 * one more often, and the next ones are then found in B->mask. */
__attribute__((target("ssse3"), noinline))
static size_t stops_find(const unsigned char *t, size_t i, size_t len, struct stop_block *b)
{
	for (; i + 32 <= len; i += 32) {
		unsigned m = nibbles16(&stop_nib, t + i) | nibbles16(&stop_nib, t + i + 16) << 16;
		if (m) {
			*b = (struct stop_block){ i, m, 32 };
			return i + (size_t)__builtin_ctz(m);
		}
	}
	for (; i + 16 <= len; i += 16) {
		unsigned m = nibbles16(&stop_nib, t + i);
		if (m) {
			*b = (struct stop_block){ i, m, 16 };
			return i + (size_t)__builtin_ctz(m);
		}
	}
	b->at = NO_SENTENCE;
	return i;
}
#endif

static void init_byte_class(void)
{
	byte_class[' '] = byte_class['\t'] = byte_class['\r'] = B_SPACE;
	byte_class['\f'] = byte_class['\v'] = B_SPACE;
	byte_class['\n'] = B_NEWLINE;
	byte_class['.'] = byte_class['?'] = byte_class['!'] = B_MARK;
	byte_class['"'] = B_DQUOTE;
	byte_class['\''] = B_SQUOTE;
	/* lead bytes of no-break and other spaces (see space_len), and of the
	 * typographic quotes and the ellipsis (E2 80 xx) */
	byte_class[0xC2] = byte_class[0xE2] = byte_class[0xE3] = B_LEAD;
	stop_byte['.'] = stop_byte['?'] = stop_byte['!'] = 1;
	stop_byte['"'] = stop_byte['\''] = stop_byte['\n'] = stop_byte[0xE2] = 1;
	for (int c = 'A'; c <= 'Z'; c++)
		stop_byte[c] = 1;     /* a sentence starter after a lowercase word */
	for (int c = 0; c < 256; c++)
		stop_byte[c] |= sent_layout_stop[c];   /* list items, keys */
#if defined(__SSE2__) && defined(__GNUC__)
	stop_simd = 1;
	for (int c = 1; c < 256; c++)
		stop_simd &= stop_byte[c] == ((c >= 'A' && c <= 'Z') || strchr(SIMD_STOPS, c) != NULL);
	stop_simd &= !stop_byte[0];
	plain_simd = 1;
	for (int c = 0; c < 256; c++)
		plain_simd &= !byte_class[c] || c <= ' ' || strchr(".?!\"'\xC2\xE2\xE3", c) != NULL;
#endif
#ifdef NIBBLE_SCAN
	nibbles_of(stop_byte, &stop_nib);
	nibbles_of(byte_class, &plain_nib);
#endif
}

/* The first byte at or after I of T (LEN bytes) with a nonzero entry in
 * TABLE (values below 8), or LEN. Eight bytes are looked up at a time into
 * one word whose first nonzero byte is found without a branch per byte:
 * runs between stops have any length, and a loop that stops on a byte
 * mispredicts its exit once more for each run. */
static inline size_t first_set(const unsigned char *table, const unsigned char *t, size_t i,
                               size_t len)
{
#ifdef __GNUC__
	for (; i + 8 <= len; i += 8) {
		uint64_t m = (uint64_t)table[t[i]] | (uint64_t)table[t[i + 1]] << 8 |
		             (uint64_t)table[t[i + 2]] << 16 | (uint64_t)table[t[i + 3]] << 24 |
		             (uint64_t)table[t[i + 4]] << 32 | (uint64_t)table[t[i + 5]] << 40 |
		             (uint64_t)table[t[i + 6]] << 48 | (uint64_t)table[t[i + 7]] << 56;
		if (m)
			return i + (size_t)__builtin_ctzll(m) / 8;
	}
#endif
	while (i < len && !table[t[i]])
		i++;
	return i;
}

/* The first byte at or after I that is no B_PLAIN byte, or LEN: sixteen
 * bytes at a time where SSE2 is, first_set otherwise. */
static inline size_t plain_end(const unsigned char *t, size_t i, size_t len)
{
#ifdef NIBBLE_SCAN
	if (plain_nib.ok) {
		/* a byte found, or the tail from there */
		i = plain_find(t, i, len);
		if (i < len && byte_class[t[i]])
			return i;
	} else
#endif
	{
#if defined(__SSE2__) && defined(__GNUC__)
		if (plain_simd) {
			for (; i + 16 <= len; i += 16) {
				unsigned m = maybe_unplain16(
				        _mm_loadu_si128((const __m128i *)(const void *)(t + i)));
				for (; m; m &= m - 1) {
					size_t k = i + (size_t)__builtin_ctz(m);
					if (byte_class[t[k]])
						return k;
				}
			}
		}
#endif
	}
	return first_set(byte_class, t, i, len);
}


/* The first stop byte at or after I, or LEN. */
static size_t next_stop(const unsigned char *t, size_t i, size_t len, struct stop_block *b)
{
#ifdef __GNUC__
	if (i >= b->at && i - b->at < b->bytes) {
		unsigned m = b->mask >> (i - b->at) << (i - b->at);
		if (m)
			return b->at + (size_t)__builtin_ctz(m);
		i = b->at + b->bytes;
	}
#endif
#ifdef NIBBLE_SCAN
	if (stop_nib.ok) {
		size_t k = stops_find(t, i, len, b);
		if (b->at != NO_SENTENCE)
			return k;
		i = k;
	} else
#endif
	{
#if defined(__SSE2__) && defined(__GNUC__)
		if (stop_simd) {
			for (; i + 16 <= len; i += 16) {
				unsigned m = stops16(_mm_loadu_si128((const __m128i *)(const void *)(t + i)));
				if (m) {
					*b = (struct stop_block){ i, m, 16 };
					return i + (size_t)__builtin_ctz(m);
				}
			}
		}
#endif
	}
	return first_set(stop_byte, t, i, len);
}

/* End of the white space at T[i]; *NL gets the number of newlines in it. */
size_t sent_skip_space(const unsigned char *t, size_t i, size_t len, int *nl)
{
	size_t k;
	*nl = 0;
	while (i < len) {
		unsigned char c = byte_class[t[i]];
		if (c == B_SPACE) i++;
		else if (c == B_NEWLINE) { ++*nl; i++; }
		else if (c == B_LEAD && (k = space_len(t, i, len)) > 0) i += k;
		else break;
	}
	return i;
}

#define GLUED_MAX_BYTES 256

/* The chunk at byte POS or after the white space there, within the
 * paragraph: 0 when a paragraph break or the end of the text comes first.
 * A chunk with a boundary glued inside ends there (CH_FORCED); the last
 * chunk of a paragraph has CH_PARA_END. */
static int read_chunk(const struct splitter *sp, const char *text, size_t len,
                      size_t pos, struct chunk *c)
{
	const unsigned char *t = (const unsigned char *)text;
	int nl = 0;
	size_t i = pos;
	/* most chunks are read from their start or from the one space before */
	if (i < len && byte_class[t[i]] != B_PLAIN) {
		if (t[i] == ' ' && i + 1 < len && byte_class[t[i + 1]] == B_PLAIN)
			i++;
		else
			i = sent_skip_space(t, i, len, &nl);
	}
	if (i >= len || nl >= 2)
		return 0;
	size_t s = i, inner = NO_SENTENCE;   /* first mark from the third byte on */
	unsigned flags = 0;
	for (;;) {
		i = plain_end(t, i, len);
		if (i >= len)
			break;
		unsigned char k = byte_class[t[i]];
		if (k == B_SPACE || k == B_NEWLINE)
			break;
		if (k == B_LEAD) {
			if (space_len(t, i, len)) break;
			if (t[i] == 0xE2) {
				flags |= CH_MARK | CH_SQUOTE;
				if (inner == NO_SENTENCE && i >= s + 2) inner = i;
			}
		} else if (k == B_MARK) {
			flags |= CH_MARK;
			if (inner == NO_SENTENCE && i >= s + 2) inner = i;
		} else if (k == B_DQUOTE) {
			flags |= CH_DQUOTE;
		} else {
			flags |= CH_SQUOTE;
		}
		i++;
	}
	/* a chunk longer than any word or URL is no text to cut (and a cap keeps
	 * the time linear on a megabyte without spaces) */
	/* a boundary is glued after a mark with two bytes before it and two
	 * after: most words have their marks at the end */
	size_t g = inner != NO_SENTENCE && inner + 2 < i && i - s <= GLUED_MAX_BYTES ?
	           sentence_glued_boundary(&sp->abbr, text, s, i) : 0;
	if (g) {
		i = g;
		flags |= CH_FORCED;
	} else if (i + 1 >= len || t[i] != ' ' || byte_class[t[i + 1]] != B_PLAIN) {
		size_t after = sent_skip_space(t, i, len, &nl);
		if (after >= len || nl >= 2)
			flags |= CH_PARA_END;
	}
	*c = (struct chunk){ s, i, flags };
	return 1;
}

static void memo_clear(struct chunk_memo *m)
{
	for (size_t k = 0; k < CHUNK_MEMO_SLOTS; k++)
		m->pos[k] = NO_SENTENCE;
	m->word_at = NO_SENTENCE;
}

size_t sent_word_end(const struct splitter *sp, const char *t, size_t len, size_t i)
{
	struct chunk_memo *m = sp->memo;
	if (m->word_at != i) {
		m->word_at = i;
		m->word_end = plain_end((const unsigned char *)t, i, len - i < 64 ? len : i + 64);
	}
	return m->word_end;
}

static void memo_put(struct chunk_memo *m, size_t pos, int found, const struct chunk *c)
{
	size_t k = pos % CHUNK_MEMO_SLOTS;
	m->pos[k] = pos;
	m->found[k] = (unsigned char)found;
	m->c[k] = *c;
}

/* read_chunk into the memo: the same chunk is read from its start and
 * from the white space before it. */
int sent_read_chunk_new(const struct splitter *sp, const char *text, size_t len,
                        size_t pos, struct chunk *c)
{
	struct chunk_memo *m = sp->memo;
	int found = read_chunk(sp, text, len, pos, c);
	memo_put(m, pos, found, c);
	if (found && c->s != pos)
		memo_put(m, c->s, found, c);
	return found;
}


/* ---- public ----------------------------------------------------------------- */

struct splitter *splitter_new(void)
{
	struct splitter *sp = calloc(1, sizeof *sp);
	if (!sp) {
		filter_warn("out of memory");
		return NULL;
	}
	init_byte_class();
	sp->memo = malloc(sizeof *sp->memo);
	if (!sp->memo || sentence_load_list(&sp->abbr, "nl/abbreviations.txt") ||
	    sentence_add_list(&sp->abbr, "nl/abbreviations-final.txt") ||
	    sentence_load_list(&sp->abbr_final, "nl/abbreviations-final.txt") ||
	    sentence_load_list(&sp->abbr_number, "nl/abbreviations-number.txt") ||
	    sentence_load_list(&sp->clitics, "nl/sentence-clitics.txt") ||
	    sentence_load_list(&sp->starters, "nl/sentence-starters.txt") ||
	    sentence_load_list(&sp->title_articles, "nl/title-articles.txt") ||
	    sentence_load_list(&sp->title_nouns, "nl/title-nouns.txt") ||
	    sentence_load_list(&sp->particles, "nl/name-particles.txt") ||
	    sentence_add_list(&sp->particles, "nl/name-particles-inner.txt") ||
	    sentence_load_list(&sp->stopwords, "nl/stopwords.txt") ||
	    sentence_load_list(&sp->verbs, "nl/summary-verbs.txt") ||
	    sentence_load_first_words(&sp->first_names, "nl/first-names.txt") ||
	    sentence_load_list(&sp->roles, "nl/quotes-roles.txt") ||
	    sentence_load_list(&sp->headings, "nl/section-headings.txt") ||
	    sentence_load_first_words(&sp->heading_first, "nl/section-headings.txt") ||
	    sentence_load_list(&sp->places, "nl/gazetteer-loc.txt") ||
	    sentence_add_list(&sp->places, "nl/gazetteer-loc-common.txt")) {
		splitter_free(sp);
		return NULL;
	}
	return sp;
}

void splitter_free(struct splitter *sp)
{
	if (!sp) return;
	sentence_free_list(&sp->abbr);
	sentence_free_list(&sp->abbr_final);
	sentence_free_list(&sp->abbr_number);
	sentence_free_list(&sp->clitics);
	sentence_free_list(&sp->starters);
	sentence_free_list(&sp->title_articles);
	sentence_free_list(&sp->title_nouns);
	sentence_free_list(&sp->particles);
	sentence_free_list(&sp->stopwords);
	sentence_free_list(&sp->verbs);
	sentence_free_list(&sp->first_names);
	sentence_free_list(&sp->roles);
	sentence_free_list(&sp->headings);
	sentence_free_list(&sp->heading_first);
	sentence_free_list(&sp->places);
	free(sp->spans);
	free(sp->memo);
	free(sp);
}

size_t splitter_split(struct splitter *sp, const char *text, size_t len,
                      const struct sentence_span **spans)
{
	const unsigned char *t = (const unsigned char *)text;
	struct scan sc = { .sp = sp, .t = text, .len = len, .sent = NO_SENTENCE };
	int nl;
	sp->n = 0;
	memo_clear(sp->memo);
	size_t i = sent_skip_space(t, 0, len, &nl);
	sent_new_paragraph(&sc, i);
	if (i < len)
		i = sent_begin(&sc, i);
	size_t lo = i;                /* a chunk start or white space before I */
	struct stop_block block = { NO_SENTENCE, 0, 16 };
	while (i < len) {
		i = next_stop(t, i, len, &block);
		if (i >= len)
			break;
		if (t[i] >= 'A' && t[i] <= 'Z') {
			size_t at = i;
			i = at + 1;
			if (sent_name_run(&sc, at))
				continue;
			size_t he;
			if (sc.sent != NO_SENTENCE && at > sc.sent && sent_space_before(t, at) &&
			    (he = sent_section_heading(sp, text, len, at, 2)) > 0) {
				sent_end_at(&sc, at);     /* "... vlaggen Externe links Dag ..." */
				sent_push(sp, at, he);
				i = lo = sent_skip_space(t, he, len, &nl);
				sent_open(&sc, i);
				continue;
			}
			if (sent_starts_mid(&sc, at)) {
				lo = sent_begin(&sc, at);
				if (lo > at)
					i = lo;
			}
			continue;
		}
		if (sent_layout_stop[t[i]]) {
			size_t next;
			if (sent_layout_byte(&sc, i, &next)) {
				i = next;
				continue;
			}
			if (t[i] != 0xE2) {
				i++;
				continue;
			}
		}
		if (t[i] == '\n') {
			/* white space with two newlines: a paragraph break; with
			 * one, perhaps the end of a unit (sentence_layout.c) */
			size_t ws = i, we = sent_skip_space(t, i, len, &nl), k;
			while ((k = sent_space_before(t, ws)) > 0)
				ws -= k;
			if (nl >= 2) {
				if (sc.sent != NO_SENTENCE && ws > sc.sent)
					sent_push(sp, sc.sent, ws);
				sc.sent = NO_SENTENCE;
				sc.dq_open = sc.sq_open = 0;
				sent_new_paragraph(&sc, we);
				if (we < len)
					we = sent_begin(&sc, we);
			} else if (we < len) {
				we = sent_line_break(&sc, ws, we);
			}
			i = lo = we;
			continue;
		}
		/* the chunk holding this byte, processed piece by piece up to it */
		size_t cs = i, stop = i;
		while (cs > lo && !sent_space_before(t, cs))
			cs--;
		do
			i = sent_mark_chunk(&sc, cs), cs = i;
		while (i <= stop && i < len);
		lo = i;
		/* a colon ending that chunk ("sp.a:") was passed over */
		size_t next;
		if (t[i - 1] == ':' && sc.sent != NO_SENTENCE && i - 1 > sc.sent &&
		    sent_layout_byte(&sc, i - 1, &next) && next > i)
			i = lo = next;
	}
	if (sc.sent != NO_SENTENCE) {
		size_t e = len, k;
		while (e > sc.sent && (k = sent_space_before(t, e)) > 0)
			e -= k;
		if (e > sc.sent)
			sent_push(sp, sc.sent, e);
	}
	*spans = sp->spans;
	return sp->n;
}
