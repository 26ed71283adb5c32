/* esc.c — escaped text for zeef's messages (esc.h).
 *
 * The rule is common/escape.h's; escape_fput writes to a FILE, and a string
 * is built here without stdio, so that building one cannot fail but for
 * want of memory (tests/unit/test_pipeline.c checks that both agree). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc.h"
#include "utf8.h"

/* Write the escaped form of the N bytes at S at OUT (room for 4 * N bytes:
 * no byte takes more than its "\xHH"); returns its length. */
static size_t escape_into(char *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char *o = out;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		int k;
		if (c >= 0x20 && c < 0x7f && c != '\\') {
			*o++ = (char)c;
			i++;
		} else if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
			*o++ = '\\';
			*o++ = c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			i++;
		} else if (c < 0x80 || (k = utf8_decode(s + i, n - i, &cp)) < 0) {
			*o++ = '\\';   /* other controls, and bytes that are not UTF-8 */
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
			i++;
		} else if (cp < 0xA0) {   /* C1 controls: two bytes, six characters */
			memcpy(o, "\\u00", 4);
			o[4] = hex[cp >> 4];
			o[5] = hex[cp & 15];
			o += 6;
			i += (size_t)k;
		} else {
			memcpy(o, s + i, (size_t)k);
			o += k;
			i += (size_t)k;
		}
	}
	return (size_t)(o - out);
}

const char *zeef_esc_n(const char *s, size_t n)
{
	static char *slot[ZEEF_ESC_SLOTS];
	static unsigned next;
	int saved = errno;
	if (!s)
		n = 0;
	char *out = malloc(4 * n + 1);
	if (!out) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	out[n ? escape_into(out, s, n) : 0] = 0;
	free(slot[next]);
	slot[next] = out;
	next = (next + 1) % ZEEF_ESC_SLOTS;
	errno = saved;
	return out;
}

const char *zeef_esc(const char *s)
{
	return zeef_esc_n(s, s ? strlen(s) : 0);
}
