/* escape.h — text from input, quoted in a message, made safe for a terminal.
 *
 * A record id, a file name or a YAML key comes from whoever wrote the input.
 * Printed raw, a "\n" in it forges a message line of its own, and an escape
 * byte drives the terminal. In messages every such text goes through
 * escape_fput: control characters (C0, DEL, the C1 range U+0080-U+009F) and
 * bytes that are not UTF-8 are written as escapes, "\\" as "\\\\"; all other
 * text, accented letters included, is written as it is.
 *   "\n" "\r" "\t" -> \n \r \t; other controls -> \xHH (bytes) or \u00HH (C1)
 */
#ifndef ZEEF_ESCAPE_H
#define ZEEF_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Write the LEN bytes at S to F, escaped. */
void escape_fput(FILE *f, const char *s, size_t len);

/* The same for a NUL-terminated string; NULL prints nothing. */
void escape_fputs(FILE *f, const char *s);

#endif
