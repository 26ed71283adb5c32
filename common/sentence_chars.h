/* sentence_chars.h — character tests for the sentence splitter (private to
 * common/sentence*.c). Offsets are bytes into valid UTF-8; END or LEN bound
 * every read. Typographic quotes, the ellipsis and spaces are tested on
 * their UTF-8 bytes, so ASCII text never leaves the fast path.
 */
#ifndef ZEEF_SENTENCE_CHARS_H
#define ZEEF_SENTENCE_CHARS_H

#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "utf8.h"

/* Byte length of the white-space character at T[i] (LEN bytes), else 0. */
static inline size_t space_len(const unsigned char *t, size_t i, size_t len)
{
	unsigned char c = t[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c < 0xC2)
		return 0;
	if (c == 0xC2 && i + 1 < len && t[i + 1] == 0xA0)
		return 2;                                   /* no-break space */
	if (c == 0xE2 && i + 2 < len) {
		unsigned char c1 = t[i + 1], c2 = t[i + 2];
		if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF))
			return 3;                           /* U+2000..200A, U+202F */
		if (c1 == 0x81 && c2 == 0x9F)
			return 3;                           /* U+205F */
	}
	if (c == 0xE3 && i + 2 < len && t[i + 1] == 0x80 && t[i + 2] == 0x80)
		return 3;                                   /* U+3000 */
	return 0;
}

/* The first ' ' in T[i, i + n), I + N at most LEN (the text's length), or
 * (size_t)-1: memchr without a call, sixteen bytes at a time where SSE2 is
 * (words are short: mostly one block). */
static inline size_t space_in(const char *t, size_t i, size_t n, size_t len)
{
	size_t k = 0;
#if defined(__SSE2__) && defined(__GNUC__)
	for (; k < n && i + k + 16 <= len; k += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(
		        _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(t + i + k)),
		                       _mm_set1_epi8(' ')));
		if (n - k < 16)
			m &= (1u << (n - k)) - 1;
		if (m)
			return i + k + (size_t)__builtin_ctz(m);
	}
#else
	(void)len;
#endif
	for (; k < n; k++)
		if (t[i + k] == ' ')
			return i + k;
	return (size_t)-1;
}

/* strchr(SET, C) != NULL for a SET of ASCII bytes below '@', as a bit mask
 * of PUNCT_BIT: no call per byte. Bit 0 is in every set, as strchr finds
 * the terminating NUL. */
#define PUNCT_BIT(c) ((uint64_t)1 << (c))
#define PUNCT_TRAIL (1 | PUNCT_BIT(',') | PUNCT_BIT(';') | PUNCT_BIT(':') | PUNCT_BIT('.') | \
	PUNCT_BIT('!') | PUNCT_BIT('?'))
#define PUNCT_CLAUSE (1 | PUNCT_BIT(',') | PUNCT_BIT(';') | PUNCT_BIT(':') | PUNCT_BIT('(') | \
	PUNCT_BIT(')') | PUNCT_BIT('"'))
#define PUNCT_END (1 | PUNCT_BIT(';') | PUNCT_BIT('.') | PUNCT_BIT('!') | PUNCT_BIT('?'))
#define PUNCT_KEY (1 | PUNCT_BIT(',') | PUNCT_BIT(';') | PUNCT_BIT('.') | PUNCT_BIT('!') | \
	PUNCT_BIT('?') | PUNCT_BIT('(') | PUNCT_BIT(')') | PUNCT_BIT('"') | PUNCT_BIT(':'))
#define PUNCT_CLOSING (1 | PUNCT_BIT(',') | PUNCT_BIT(';') | PUNCT_BIT(':') | PUNCT_BIT('.') | \
	PUNCT_BIT('!') | PUNCT_BIT('?') | PUNCT_BIT(')') | PUNCT_BIT('"') | PUNCT_BIT('\''))
#define PUNCT_NAME_END (1 | PUNCT_BIT('.') | PUNCT_BIT(',') | PUNCT_BIT(';') | \
	PUNCT_BIT(':') | PUNCT_BIT('!') | PUNCT_BIT('?') | PUNCT_BIT(')'))
static inline int punct_in(uint64_t set, char c)
{
	unsigned char u = (unsigned char)c;
	return u < 64 && (set >> u & 1);
}

enum ccase { C_OTHER, C_UPPER, C_LOWER, C_DIGIT };

/* Case of the character at T[i] (valid UTF-8 up to END). */
static inline enum ccase char_case(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z') return C_UPPER;
		if (c >= 'a' && c <= 'z') return C_LOWER;
		if (c >= '0' && c <= '9') return C_DIGIT;
		return C_OTHER;
	}
	int32_t cp;
	if (utf8_decode(t + i, end - i, &cp) < 0)
		return C_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return C_UPPER;
	case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_LM: return C_LOWER;
	case UTF8PROC_CATEGORY_ND: return C_DIGIT;
	default: return C_OTHER;
	}
}

static inline int is_letter(const char *t, size_t i, size_t end)
{
	enum ccase k = char_case(t, i, end);
	return k == C_UPPER || k == C_LOWER;
}

/* Start of the character that ends just before byte I (I > 0). */
static inline size_t prev_char(const char *t, size_t i)
{
	do i--; while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80);
	return i;
}

/* Opening punctuation at T[i] before END: its byte length, else 0. Quotes,
 * brackets, the Dutch ,, and dashes or bullets that start a line. */
static inline size_t opener_len(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char)t[i];
	switch (c) {
	case '(': case '[': case '{': case '"': case '\'': case '*':
	case '-': case 0xBF: case 0xA1:
		return 1;
	case ',':
		return i + 1 < end && t[i + 1] == ',' ? 2 : 0;
	case 0xC2:                                  /* « ¿ ¡ */
		if (i + 1 < end && ((unsigned char)t[i + 1] == 0xAB ||
		    (unsigned char)t[i + 1] == 0xBF || (unsigned char)t[i + 1] == 0xA1))
			return 2;
		return 0;
	case 0xE2:
		if (i + 2 < end && (unsigned char)t[i + 1] == 0x80) {
			unsigned char c2 = (unsigned char)t[i + 2];
			/* – — ‘ ‚ “ ” „ • ‹ */
			if (c2 == 0x93 || c2 == 0x94 || c2 == 0x98 || c2 == 0x9A ||
			    c2 == 0x9C || c2 == 0x9D || c2 == 0x9E || c2 == 0xA2 || c2 == 0xB9)
				return 3;
		}
		return 0;
	default:
		return 0;
	}
}

/* Closing punctuation ending just before byte E (after S): its byte length,
 * else 0. Quotes (including the Dutch ''), brackets. */
static inline size_t closer_len(const char *t, size_t s, size_t e)
{
	unsigned char c = (unsigned char)t[e - 1];
	if (c == ')' || c == ']' || c == '}' || c == '"' || c == '\'')
		return 1;
	if (e - s >= 2 && c == 0xBB && (unsigned char)t[e - 2] == 0xC2)
		return 2;                                   /* » */
	if (e - s >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
	    (c == 0x9D || c == 0x99 || c == 0xBA))
		return 3;                                   /* ” ’ › */
	return 0;
}

static inline size_t skip_openers(const char *t, size_t s, size_t e)
{
	size_t k;
	while (s < e && (k = opener_len(t, s, e)) > 0)
		s += k;
	return s;
}

static inline size_t skip_closers(const char *t, size_t s, size_t e)
{
	size_t k;
	while (e > s && (k = closer_len(t, s, e)) > 0)
		e -= k;
	return e;
}

static inline int is_ellipsis_at(const char *t, size_t i, size_t e)
{
	return i + 2 < e && (unsigned char)t[i] == 0xE2 &&
	       (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0xA6;
}

#endif
