/* esc.c — escaped text for zeef's messages (esc.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc.h"
#include "escape.h"

const char *zeef_esc_n(const char *s, size_t n)
{
	static char *slot[ZEEF_ESC_SLOTS];
	static unsigned next;
	int saved = errno;
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	if (mem) {
		if (s)
			escape_fput(mem, s, n);
		if (fclose(mem))
			out = NULL;
	}
	if (!out) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
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
