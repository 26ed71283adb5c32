/* utf8.c — see utf8.h. Validation follows Unicode table 3-7 (well-formed
 * byte sequences); repair replaces each maximal invalid subpart by U+FFFD. */
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

/* Length of the valid sequence at S (1..4), or -(length of the maximal
 * invalid subpart) (-1..-3). LEN >= 1. */
static int seq(const unsigned char *s, size_t len, int32_t *cp)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	int n;
	int32_t v;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (int i = 1; i < n; i++) {
		if ((size_t)i >= len)
			return -i;
		unsigned b = s[i];
		if (b < lo || b > hi)
			return -i;
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (int32_t)(b & 0x3F);
	}
	*cp = v;
	return n;
}

#ifdef UTF8_SSE2
static inline __m128i load16(const unsigned char *s)
{
	return _mm_loadu_si128((const __m128i *)(const void *)s);
}
#endif

static size_t ascii_run(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

#ifdef UTF8_SSE2
	for (int m; i + 16 <= len; i += 16)
		if ((m = _mm_movemask_epi8(load16(s + i))) != 0)
			return i + (size_t)__builtin_ctz((unsigned)m);
#endif
	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < len && s[i] < 0x80)
		i++;
	return i;
}

int utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		i += ascii_run(s + i, len - i);
		if (i >= len)
			break;
		int n = seq(s + i, len - i, &cp);
		if (n < 0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

char *utf8_repair(const char *str, size_t len, size_t *out_len, int *repairs)
{
	const unsigned char *s = (const unsigned char *)str;
	/* Each invalid byte becomes at most 3 bytes. */
	char *out = malloc(len * 3 + 1);
	size_t i = 0, o = 0;
	int fixed = 0;
	int32_t cp;

	if (!out)
		return NULL;
	while (i < len) {
		size_t a = ascii_run(s + i, len - i);
		memcpy(out + o, s + i, a);
		i += a;
		o += a;
		if (i >= len)
			break;
		int n = seq(s + i, len - i, &cp);
		if (n > 0) {
			memcpy(out + o, s + i, (size_t)n);
			o += (size_t)n;
			i += (size_t)n;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += (size_t)-n;
			fixed++;
		}
	}
	out[o] = '\0';
	*out_len = o;
	if (repairs)
		*repairs = fixed;
	return out;
}

int utf8_decode(const char *s, size_t len, int32_t *cp)
{
	if (len == 0) {
		*cp = 0xFFFD;
		return -1;
	}
	int n = seq((const unsigned char *)s, len, cp);
	if (n < 0) {
		*cp = 0xFFFD;
		return -1;
	}
	return n;
}

int utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* In valid UTF-8, code points are the bytes that are not continuation
 * bytes (10xxxxxx). */
static size_t count_cp(const unsigned char *s, size_t len)
{
	size_t n = 0, i = 0;
	uint64_t w;

#ifdef UTF8_SSE2
	/* sixteen bytes at a time: the continuation bytes (10xxxxxx) counted
	 * off; the last bytes in the sixteen that end the text */
	if (len >= 16) {
		for (; i + 16 <= len; i += 16) {
			unsigned m = utf8_cont16(load16(s + i));
			n += 16 - (m ? mask16_count(m) : 0);   /* mostly ASCII */
		}
		if (i < len) {
			unsigned m = utf8_cont16(load16(s + len - 16)) >> (16 - (len - i));
			n += len - i - (m ? mask16_count(m) : 0);
		}
		return n;
	}
#endif
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		n += utf8_starts8(w);
	}
	for (; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}

size_t utf8_count_cp(const char *s, size_t len)
{
	return count_cp((const unsigned char *)s, len);
}

void cp_cursor_init(struct cp_cursor *c, const char *s)
{
	c->s = s;
	c->byte = 0;
	c->cp = 0;
}

size_t cp_cursor_at(struct cp_cursor *c, size_t byte)
{
	if (byte < c->byte) {
		c->byte = 0;
		c->cp = 0;
	}
	c->cp += count_cp((const unsigned char *)c->s + c->byte, byte - c->byte);
	c->byte = byte;
	return c->cp;
}

size_t utf8_byte_offset(const char *str, size_t len, size_t cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n = 0;

	while (i < len) {
		if ((s[i] & 0xC0) != 0x80) {
			if (n == cp)
				return i;
			n++;
		}
		i++;
	}
	return len;
}
