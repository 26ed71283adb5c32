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
 * letters, and : ; ) * - (list items and keys). At a mark or quote it reads
 * the chunk around the byte, and, when it ends in a sentence mark, the word
 * before the mark and the chunks after it decide whether the sentence ends;
 * at a capital it looks for a run of names (sentence_lists.c), a section
 * heading or a sentence that starts without a mark before it
 * (sentence_heading.c); at a single newline and at list bytes,
 * sentence_layout.c decides. Chunks are read on demand and never stored, so
 * memory is only the result; every byte is looked at a bounded number of
 * times (linear time).
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


enum next_kind { N_END, N_UPPER, N_LOWER, N_DIGIT, N_CONT, N_OTHER };

/* What starts the text after chunk C: the case of the first letter or digit
 * after opening punctuation, looking over chunks that are only openers. */
static enum next_kind sent_next_start(const struct splitter *sp, const char *t, size_t len,
                                 const struct chunk *prev)
{
	struct chunk c = *prev;
	for (int hops = 0; hops < 3; hops++) {
		if (!sent_next_chunk(sp, t, len, &c, &c))
			return N_END;
		if (sentence_in_list(&sp->clitics, t + c.s, c.e - c.s, 0))
			return N_UPPER;
		size_t s = skip_openers(t, c.s, c.e);
		if (s == c.e)
			continue;
		unsigned char b = (unsigned char)t[s];
		if (b == ',' || b == ';' || b == ':' || b == ')' || b == ']' || b == '%')
			return N_CONT;
		switch (char_case(t, s, c.e)) {
		case C_UPPER: return N_UPPER;
		case C_LOWER: return N_LOWER;
		case C_DIGIT: return N_DIGIT;
		default: return N_OTHER;
		}
	}
	return N_OTHER;
}

/* Is chunk C only closing punctuation that belongs to the sentence before
 * it? DQ_OPEN / SQ_OPEN: a straight quote of that kind is open. */
static int closes_sentence(const char *t, const struct chunk *c, int dq_open, int sq_open)
{
	size_t e = c->e;
	while (e > c->s && (t[e - 1] == '.' || t[e - 1] == '?' || t[e - 1] == '!'))
		e--;                          /* a stray mark after the quote: " . */
	if (e == c->s || skip_closers(t, c->s, e) != c->s)
		return 0;
	/* only closers: unambiguous ones always close */
	for (size_t i = c->s; i < e; i++) {
		if (t[i] == '"' && !dq_open) return 0;
		if (t[i] == '\'' && !sq_open && !(i + 1 < e && t[i + 1] == '\'')) return 0;
		if (t[i] == '\'' && i + 1 < e && t[i + 1] == '\'') i++;
	}
	return 1;
}

/* Count straight quotes in chunk C into the open flags. */
void sent_track_quotes(const char *t, const struct chunk *c, const struct splitter *sp,
                         int *dq_open, int *sq_open)
{
	if (c->flags & CH_DQUOTE)
		for (size_t i = c->s; i < c->e; i++)
			if (t[i] == '"') *dq_open = !*dq_open;
	if (c->flags & CH_SQUOTE) {
		/* a single quote opens at a chunk start (not 's, not '') and closes
		 * at a chunk end after something that is not a letter s */
		unsigned char b0 = (unsigned char)t[c->s];
		int opens = (b0 == '\'' && !(c->s + 1 < c->e && t[c->s + 1] == '\'') &&
		             !sentence_in_list(&sp->clitics, t + c->s, c->e - c->s, 0)) ||
		            (b0 == 0xE2 && c->e - c->s >= 3 && (unsigned char)t[c->s + 1] == 0x80 &&
		             (unsigned char)t[c->s + 2] == 0x98);
		size_t e = c->e;
		while (e > c->s && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ';' ||
		                    t[e - 1] == ':' || t[e - 1] == '?' || t[e - 1] == '!'))
			e--;
		int closes = e > c->s && ((t[e - 1] == '\'' && !(e - c->s >= 2 && t[e - 2] == '\'')) ||
		             (e - c->s >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
		              (unsigned char)t[e - 2] == 0x80 && (unsigned char)t[e - 1] == 0x99));
		if (c->e - c->s == 1 && b0 == '\'')
			*sq_open = !*sq_open;            /* a quote standing alone */
		else {
			if (opens) *sq_open = 1;
			if (closes) *sq_open = 0;
		}
	}
}

/* Does chunk C start a sentence by its form: a capitalised sentence starter
 * ("De", "Hij", "In") followed, in the same paragraph, by a lowercase word
 * or a number ("In 1823")? Names such as "De Wever" are followed by a
 * capital and do not count. */
int sent_starter_at(const struct splitter *sp, const char *t, size_t len,
                               const struct chunk *c)
{
	struct chunk n;
	if (char_case(t, c->s, c->e) != C_UPPER)
		return 0;
	int starter = sentence_in_list(&sp->starters, t + c->s, c->e - c->s, 1);
	/* a name particle ("Van", "Ter") starts a sentence before a lowercase
	 * word that is no particle: "Van oudsher", not "Van der Wal" */
	if ((!starter && !sentence_in_list(&sp->particles, t + c->s, c->e - c->s, 1)) ||
	    !sent_next_chunk(sp, t, len, c, &n))
		return 0;
	enum ccase k = char_case(t, n.s, n.e);
	if (!starter)
		return k == C_LOWER && !sentence_in_list(&sp->particles, t + n.s, n.e - n.s, 0);
	return k == C_LOWER || k == C_DIGIT ||
	       (k == C_UPPER && sent_verb_second(sp, t, len, c, &n));
}

/* Does chunk C end with a quote that can only close: '' ” » (or a straight
 * " that closes, DQ_WAS_OPEN), with no sentence mark before it? */
static int ends_in_closing_quote(const char *t, const struct chunk *c, int dq_was_open)
{
	size_t n = c->e - c->s;
	const unsigned char *e = (const unsigned char *)t + c->e;
	if (n >= 3 && e[-1] == '\'' && e[-2] == '\'')
		return 1;
	if (n >= 4 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0x9D)
		return 1;
	if (n >= 3 && e[-2] == 0xC2 && e[-1] == 0xBB)
		return 1;
	return n >= 2 && e[-1] == '"' && dq_was_open;
}

/* Does a sentence end with chunk C? Quote state: DQ_BEFORE before C, and
 * *DQ_OPEN / *SQ_OPEN after it (updated for closing quotes taken along).
 * *END gets the end of the sentence: C's end, or that of the closing quotes
 * standing alone after it. */
static int ends_sentence(const struct splitter *sp, const char *t, size_t len,
                         const struct chunk *c, int first, int dq_before,
                         int *dq_open, int *sq_open, size_t *end)
{
	*end = c->e;
	if (c->flags & (CH_PARA_END | CH_FORCED))
		return 1;
	size_t core = 0;
	int closed = 0;
	enum mark m = (c->flags & CH_MARK) ? sentence_mark(t, c->s, c->e, &core, &closed) : M_NONE;
	struct chunk n;
	if (m == M_NONE) {
		/* a quotation without final mark, then a new sentence: ... gras'' De ... */
		return (c->flags & (CH_DQUOTE | CH_SQUOTE)) &&
		       ends_in_closing_quote(t, c, dq_before) &&
		       sent_next_chunk(sp, t, len, c, &n) && sent_starter_at(sp, t, len, &n);
	}
	/* closing quotes standing alone after the mark stay with this sentence */
	struct chunk j = *c;
	while (!(j.flags & CH_FORCED) && sent_next_chunk(sp, t, len, &j, &n) &&
	       closes_sentence(t, &n, *dq_open, *sq_open)) {
		j = n;
		sent_track_quotes(t, &j, sp, dq_open, sq_open);
		closed = 1;
	}
	enum next_kind nk = sent_next_start(sp, t, len, &j);
	int split;
	if (nk == N_END) split = 1;
	else if (nk == N_CONT || nk == N_LOWER) split = 0;
	else if (m == M_STRONG) split = nk != N_OTHER;    /* "(in Arabisch: ???? / ..." */
	else if (m == M_ELLIPSIS) split = nk != N_DIGIT;
	else {
		enum word_kind wk = sentence_word_kind(&sp->abbr, &sp->abbr_final, t, c->s, core, first);
		if (closed && wk != W_NUMBER && wk != W_EMPTY) wk = W_WORD;
		switch (wk) {
		case W_ABBR:
			/* "... werd hij ten slotte prof. Daarna ...": before a
			 * capitalised function word (not an article, which may
			 * start a title) and a lowercase word */
			split = sent_next_chunk(sp, t, len, &j, &n) &&
			        !sentence_in_list(&sp->title_articles, t + n.s, n.e - n.s, 1) &&
			        sent_starter_at(sp, t, len, &n);
			break;
		case W_INITIALS:
			split = sent_next_chunk(sp, t, len, &j, &n) && sent_starter_at(sp, t, len, &n);
			break;
		case W_ABBR_FINAL: split = nk != N_DIGIT; break;
		case W_NUMBER:         /* "1. Eerste punt": a number first is a list marker */
			split = nk != N_DIGIT && !first;
			break;
		default: {
			/* "op di. 14 mrt.": an abbreviation only before a number */
			size_t ws = skip_openers(t, c->s, core);
			split = nk != N_DIGIT ||
			        !sentence_in_list(&sp->abbr_number, t + ws, core - ws, first);
			break;
		}
		}
	}
	if (split)
		*end = j.e;
	return split;
}

/* A sentence starts at chunk start POS (a paragraph start or after a
 * sentence end): take a glued heading off first. Returns where scanning
 * goes on. */
size_t sent_begin(struct scan *sc, size_t pos)
{
	struct chunk a;
	size_t head_end, next;
	sent_open(sc, pos);
	/* a known section heading ("Externe links"), twice at most: "Zie ook
	 * Externe links" */
	for (int k = 0; k < 2 && (head_end = sent_section_heading(sc->sp, sc->t, sc->len, pos, 1)) > 0; k++) {
		if (!sent_read_chunk(sc->sp, sc->t, sc->len, head_end, &a))
			return pos;
		sent_push(sc->sp, pos, head_end);
		pos = a.s;
		sent_open(sc, pos);
	}
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, pos, &a) ||
	    !sent_glued_heading(sc->sp, sc->t, sc->len, &a, &head_end, &next))
		return pos;
	sent_push(sc->sp, pos, head_end);
	/* the heading's quotes count too: Geen 'gamechanger' */
	for (struct chunk c = a; c.s < head_end;) {
		sent_track_quotes(sc->t, &c, sc->sp, &sc->dq_open, &sc->sq_open);
		if (!sent_next_chunk(sc->sp, sc->t, sc->len, &c, &c)) break;
	}
	sent_open(sc, next);
	return next;
}

/* Decide on the chunk at POS (which holds a mark or a quote). Returns where
 * scanning goes on. */
/* Is chunk C a list marker: one or two digits and a full stop ("2.")? */
static int list_marker(const char *t, const struct chunk *c)
{
	size_t n = c->e - c->s;
	return (n == 2 || n == 3) && t[c->e - 1] == '.' &&
	       t[c->s] >= '0' && t[c->s] <= '9' &&
	       (n == 2 || (t[c->s + 1] >= '0' && t[c->s + 1] <= '9'));
}

static size_t on_chunk(struct scan *sc, size_t pos)
{
	struct chunk c, first;
	size_t end;
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, pos, &c))
		return pos + 1;
	if (sc->sent == NO_SENTENCE)
		sent_open(sc, c.s);
	/* a list run into one line, "1. Eerste punt 2. Tweede punt": the next
	 * marker starts the next item */
	if (c.s != sc->sent && list_marker(sc->t, &c) &&
	    sent_read_chunk(sc->sp, sc->t, sc->len, sc->sent, &first) && list_marker(sc->t, &first) &&
	    sent_next_start(sc->sp, sc->t, sc->len, &c) == N_UPPER) {
		size_t e = c.s, k;
		while ((k = sent_space_before((const unsigned char *)sc->t, e)) > 0)
			e -= k;
		sent_push(sc->sp, sc->sent, e);
		sent_open(sc, c.s);
		return c.e;
	}
	int dq_before = sc->dq_open;
	sent_track_quotes(sc->t, &c, sc->sp, &sc->dq_open, &sc->sq_open);
	if (!ends_sentence(sc->sp, sc->t, sc->len, &c, c.s == sc->sent, dq_before,
	                   &sc->dq_open, &sc->sq_open, &end))
		return c.e;
	sent_push(sc->sp, sc->sent, end);
	sc->sent = NO_SENTENCE;
	struct chunk n;
	if (!sent_read_chunk(sc->sp, sc->t, sc->len, end, &n))
		return end;                   /* the paragraph ends here */
	if (c.flags & CH_FORCED) {
		sent_open(sc, n.s);
		return n.s;
	}
	return sent_begin(sc, n.s);
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
			i = on_chunk(&sc, cs), cs = i;
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
