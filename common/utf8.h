/* utf8.h — UTF-8 checks, repair, and code-point offsets.
 *
 * Records carry offsets in Unicode code points; C code works in bytes. These
 * helpers convert between the two. All lengths are bytes unless the name
 * ends in _cp. Functions never read past LEN and never allocate unless said.
 */
#ifndef ZEEF_UTF8_H
#define ZEEF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if the LEN bytes at S are valid UTF-8 (no overlongs, no surrogates, no
 * code points past U+10FFFF), else 0. NUL bytes are valid. ASCII is checked
 * eight bytes at a time. */
int utf8_valid(const char *s, size_t len);

/* Copy S to a new buffer with every invalid sequence replaced by U+FFFD
 * (one per maximal invalid subpart, as Unicode recommends). *out_len gets the
 * new length, *repairs (may be NULL) the number of replacements. The result
 * is malloc'ed and NUL-terminated; NULL only when out of memory. */
char *utf8_repair(const char *s, size_t len, size_t *out_len, int *repairs);

/* Decode one code point at S (LEN bytes available). Returns the number of
 * bytes used (1..4) and sets *cp; returns -1 on an invalid sequence (then
 * *cp is 0xFFFD and the caller should skip one byte). */
int utf8_decode(const char *s, size_t len, int32_t *cp);

/* Encode CP at OUT (room for 4 bytes); returns bytes written (0 if invalid). */
int utf8_encode(int32_t cp, char *out);

/* Number of code points in the LEN valid UTF-8 bytes at S. */
size_t utf8_count_cp(const char *s, size_t len);

/* Counting in blocks, for scanners that walk code points themselves (and
 * utf8_count_cp): in valid UTF-8 a code point starts at every byte that is
 * not a continuation byte (10xxxxxx). */

/* The number of bits set in M, a mask of sixteen bytes (bit K for byte K,
 * as _mm_movemask_epi8 gives it), summed pairwise: no call where the CPU's
 * popcnt is not assumed. */
static inline unsigned mask16_count(unsigned m)
{
	m = m - ((m >> 1) & 0x5555u);
	m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
	m = (m + (m >> 4)) & 0x0F0Fu;
	return (m + (m >> 8)) & 0x1Fu;
}

/* The code points that start in the eight bytes of W (read with memcpy,
 * any byte order). */
static inline size_t utf8_starts8(uint64_t w)
{
	uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
	return 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define UTF8_SSE2 1
/* Bit K set when byte K of X is a continuation byte (10xxxxxx). */
static inline unsigned utf8_cont16(__m128i x)
{
	__m128i top = _mm_and_si128(x, _mm_set1_epi8((char)0xC0));
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(top, _mm_set1_epi8((char)0x80)));
}
#endif

/* Walks a valid UTF-8 string forward, turning increasing byte offsets into
 * code-point offsets in amortised O(1): the usual way to emit spans while
 * scanning text once. */
struct cp_cursor {
	const char *s;
	size_t byte;   /* current byte offset */
	size_t cp;     /* code points before it */
};
void cp_cursor_init(struct cp_cursor *c, const char *s);
/* Code-point offset of byte offset BYTE (>= the previous call's BYTE, else
 * the cursor restarts from 0). BYTE must be on a character boundary. */
size_t cp_cursor_at(struct cp_cursor *c, size_t byte);

/* Byte offset of code point CP in S (LEN bytes); LEN if CP is past the end. */
size_t utf8_byte_offset(const char *s, size_t len, size_t cp);

#endif
