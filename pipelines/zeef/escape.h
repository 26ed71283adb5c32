/* escape.h — text quoted in zeef's messages (file names, YAML keys and
 * values, stage names, record ids), made safe to print on one line.
 *
 * The rule (shared with the filters' "PROGRAM: FILE:LINE: id=ID:" prefix):
 * bytes below 0x20 and 0x7f become C escapes, \n and \t by name, the others
 * as \xHH (two lower-case hex digits); a backslash becomes \\ so that an
 * escape cannot be forged; every other byte (UTF-8 included) is kept as is.
 * An id holding a newline therefore cannot start a line of its own, and no
 * escape sequence reaches the terminal.
 */
#ifndef ZEEF_ESCAPE_H
#define ZEEF_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Write the N bytes at S escaped to OUT. */
void zeef_put_escaped(FILE *out, const char *s, size_t n);

/* S (NUL-terminated; NULL reads as "") escaped, in a buffer owned here that
 * stays valid for the next ZEEF_ESC_SLOTS - 1 calls: enough for one message
 * quoting several things. Exits 70 when out of memory. */
#define ZEEF_ESC_SLOTS 8
const char *zeef_esc(const char *s);

/* Likewise for N bytes that may hold NUL (written \x00). */
const char *zeef_esc_n(const char *s, size_t n);

#endif
