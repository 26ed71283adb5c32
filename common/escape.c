/* escape.c — see escape.h. */
#include "escape.h"

#include <string.h>
#include "utf8.h"

void escape_fput(FILE *f, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t run = i;
		/* Plain printable ASCII in one write. */
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f &&
		       s[run] != '\\')
			run++;
		if (run > i) {
			fwrite(s + i, 1, run - i, f);
			i = run;
			continue;
		}
		if (c == '\\') {
			fputs("\\\\", f);
			i++;
		} else if (c == '\n' || c == '\r' || c == '\t') {
			fputc('\\', f);
			fputc(c == '\n' ? 'n' : c == '\r' ? 'r' : 't', f);
			i++;
		} else if (c < 0x80) {
			fprintf(f, "\\x%c%c", hex[c >> 4], hex[c & 15]);
			i++;
		} else {
			int32_t cp;
			int n = utf8_decode(s + i, len - i, &cp);
			if (n < 0) {
				fprintf(f, "\\x%c%c", hex[c >> 4], hex[c & 15]);
				i++;
			} else if (cp < 0xA0) {   /* C1 controls */
				fprintf(f, "\\u00%c%c", hex[cp >> 4], hex[cp & 15]);
				i += (size_t)n;
			} else {
				fwrite(s + i, 1, (size_t)n, f);
				i += (size_t)n;
			}
		}
	}
}

void escape_fputs(FILE *f, const char *s)
{
	if (s)
		escape_fput(f, s, strlen(s));
}
