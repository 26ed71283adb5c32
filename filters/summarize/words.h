/* words.h — the word scanner of summary_word_next (summary.h), inline so
 * that analyse.c reads each word and lowercases it in one pass without a
 * call per word. Internal to filters/summarize; offsets are bytes. */
#ifndef ZEEF_SUMMARY_WORDS_H
#define ZEEF_SUMMARY_WORDS_H

#include <stddef.h>

/* ASCII letters and digits: 1, and for a capital also 0x20, the bit that
 * lowercases it. */
#define U 0x21
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = U, ['B'] = U, ['C'] = U, ['D'] = U, ['E'] = U, ['F'] = U, ['G'] = U,
	['H'] = U, ['I'] = U, ['J'] = U, ['K'] = U, ['L'] = U, ['M'] = U, ['N'] = U,
	['O'] = U, ['P'] = U, ['Q'] = U, ['R'] = U, ['S'] = U, ['T'] = U, ['U'] = U,
	['V'] = U, ['W'] = U, ['X'] = U, ['Y'] = U, ['Z'] = U,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};
#undef U

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
/* The ASCII letters and digits among the 16 bytes at S lowercased into
 * OUT (all 16 bytes written); returns how many of them, from the first,
 * are such (16: all). The same as the byte loop of word_next over the
 * table. */
static inline unsigned ascii_word16(const unsigned char *s, char *out)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
	__m128i al = _mm_sub_epi8(lower, _mm_set1_epi8('a'));
	__m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(al, _mm_set1_epi8(25)), al);
	__m128i dg = _mm_sub_epi8(x, _mm_set1_epi8('0'));
	__m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(dg, _mm_set1_epi8(9)), dg);
	__m128i au = _mm_sub_epi8(x, _mm_set1_epi8('A'));
	__m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(au, _mm_set1_epi8(25)), au);
	_mm_storeu_si128((__m128i *)(void *)out,
	                 _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
	unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
	return word == 0xFFFF ? 16 : (unsigned)__builtin_ctz(~word);
}
#define SUMMARY_WORDS_SSE2 1
#endif

/* 1 when the character starting at S[i] (L bytes left) is part of a word;
 * *clen gets its length in bytes. */
static inline int word_char(const unsigned char *s, size_t l, size_t *clen)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*clen = 1;
		return ascii_word[c] != 0;
	}
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (n > l)
		n = l;
	*clen = n;
	if (c == 0xC2)                       /* U+0080..U+00BF: Latin-1 signs */
		return 0;
	if (c == 0xC3 && l > 1 && (s[1] == 0x97 || s[1] == 0xB7))  /* × ÷ */
		return 0;
	if (c == 0xE2 && l > 1 && s[1] <= 0x82)  /* U+2000..U+20BF: punctuation */
		return 0;
	if (c == 0xE3 && l > 2 && s[1] == 0x80 && s[2] <= 0xBF)  /* CJK punctuation */
		return 0;
	if (c == 0xEF && l > 2 && s[1] == 0xBB && s[2] == 0xBF)  /* BOM */
		return 0;
	return n > 1 || c >= 0xC0;
}

/* summary_word_next, and when OUT is not NULL the word lowercased into OUT
 * as summary_word_fold would (inlined with OUT a constant NULL or not). */
static inline int word_next(const char *text, size_t len, size_t *pos,
                            size_t *start, size_t *end, char *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = *pos, cl;
	for (;;) {             /* ASCII fast path, then the general case */
		while (i < len && s[i] < 0x80 && !ascii_word[s[i]])
			i++;
		if (i >= len || s[i] < 0x80 || word_char(s + i, len - i, &cl))
			break;
		i += cl;
	}
	if (i >= len) {
		*pos = len;
		return 0;
	}
	size_t a = *start = i;
	for (;;) {
		if (out) {
#ifdef SUMMARY_WORDS_SSE2
			/* sixteen bytes at a time while there are sixteen (OUT
			 * has room for the rest of the text, so for them) */
			unsigned k = 16;
			while (k == 16 && len - i >= 16) {
				k = ascii_word16(s + i, out + (i - a));
				i += k;
			}
			if (k < 16)
				goto ascii_done;
#endif
			for (unsigned char c, w; i < len && (c = s[i]) < 0x80 && (w = ascii_word[c]); i++)
				out[i - a] = (char)(c | (w & 0x20));
		} else {
			while (i < len && s[i] < 0x80 && ascii_word[s[i]])
				i++;
		}
#ifdef SUMMARY_WORDS_SSE2
	ascii_done:
#endif
		if (i >= len || s[i] < 0x80 || !word_char(s + i, len - i, &cl))
			break;
		if (out) {
			/* Latin-1 capitals: C3 80..9E but not the sign C3 97 */
			out[i - a] = (char)s[i];
			for (size_t j = 1; j < cl; j++)
				out[i - a + j] = (char)s[i + j];
			if (s[i] == 0xC3 && cl == 2 && s[i + 1] <= 0x9E && s[i + 1] != 0x97)
				out[i - a + 1] = (char)(s[i + 1] + 0x20);
		}
		i += cl;
	}
	*end = *pos = i;
	return 1;
}

/* summary_word_next that also writes the word, lowercased as
 * summary_word_fold would, to OUT[0, *end - *start): room for the rest of
 * TEXT[*pos, len). */
static inline int summary_word_next_folded(const char *text, size_t len, size_t *pos,
                                           size_t *start, size_t *end, char *out)
{
	return word_next(text, len, pos, start, end, out);
}

#endif
