/* fuzz_render.c — libFuzzer harness for `zeef render`'s per-document
 * rendering: each input line goes to render_record on one page. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "render_doc.h"

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	struct render *r = render_open(devnull, devnull, "fuzz");
	if (!r)
		abort();
	const char *s = (const char *)data, *end = s + size;
	long n = 0;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = malloc(len + 1);    /* NUL-terminated, as lines.c gives */
		memcpy(line, s, len);
		line[len] = '\0';
		render_record(r, line, len, "<fuzz>", ++n);
		free(line);
		s += len + (nl != NULL);
	}
	render_close(r);
	return 0;
}
