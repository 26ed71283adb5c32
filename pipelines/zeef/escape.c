/* escape.c — zeef's message escaping (escape.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Bytes of S's escaped form: 1 per byte, 2 for \n \t \\, 4 for \xHH. */
static size_t escaped_len(const unsigned char *s, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += s[i] == '\n' || s[i] == '\t' || s[i] == '\\' ? 2 : s[i] < 0x20 || s[i] == 0x7f ? 4 : 1;
	return len;
}

/* Write S's escaped form at OUT (escaped_len bytes, no NUL). */
static void escape_into(char *out, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '\n' || c == '\t' || c == '\\') {
			*out++ = '\\';
			*out++ = c == '\n' ? 'n' : c == '\t' ? 't' : '\\';
		} else if (c < 0x20 || c == 0x7f) {
			*out++ = '\\';
			*out++ = 'x';
			*out++ = hex[c >> 4];
			*out++ = hex[c & 15];
		} else
			*out++ = (char)c;
	}
}

void zeef_put_escaped(FILE *out, const char *s, size_t n)
{
	char buf[256];
	size_t at = 0;
	while (at < n) {
		/* at most 64 input bytes (256 escaped) at a time */
		size_t take = n - at < 64 ? n - at : 64;
		size_t len = escaped_len((const unsigned char *)s + at, take);
		escape_into(buf, (const unsigned char *)s + at, take);
		fwrite(buf, 1, len, out);
		at += take;
	}
}

const char *zeef_esc_n(const char *s, size_t n)
{
	static char *slot[ZEEF_ESC_SLOTS];
	static unsigned next;
	int saved = errno;   /* a message may print strerror(errno) after this */
	if (!s)
		s = "", n = 0;
	size_t len = escaped_len((const unsigned char *)s, n);
	char *out = malloc(len + 1);
	if (!out) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	escape_into(out, (const unsigned char *)s, n);
	out[len] = 0;
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
