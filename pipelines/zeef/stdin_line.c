/* stdin_line.c — see stdin_line.h. */
#include <string.h>

#include "stdin_line.h"

const char *zeef_stdin_line(const char *s, size_t len, uint64_t *n, const char **after)
{
	static const char tag[] = "<stdin>:";
	const char *end = s + len;
	for (const char *at = s; (at = memchr(at, '<', (size_t)(end - at))); at++) {
		if ((size_t)(end - at) < sizeof tag || memcmp(at, tag, sizeof tag - 1))
			continue;
		const char *d = at + sizeof tag - 1;
		uint64_t v = 0;
		int digits = 0;
		for (; d < end && *d >= '0' && *d <= '9' && digits < 19; d++, digits++)
			v = v * 10 + (uint64_t)(*d - '0');
		if (digits && d < end && *d == ':') {
			*n = v;
			*after = d;
			return at;
		}
	}
	return NULL;
}
