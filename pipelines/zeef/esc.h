/* esc.h — text quoted in zeef's messages (file names, YAML keys and values,
 * stage names, record ids, options), escaped by the rule all of Zeef's
 * messages share (common/escape.h), as a string to hand to printf.
 */
#ifndef ZEEF_ESC_H
#define ZEEF_ESC_H

#include <stddef.h>

/* S (NUL-terminated; NULL reads as "") escaped as escape_fputs writes it,
 * in a buffer owned here that stays valid for the next ZEEF_ESC_SLOTS - 1
 * calls: enough for one message quoting several things. Keeps errno (a
 * message may print strerror(errno) after it). Exits 70 when out of
 * memory. */
#define ZEEF_ESC_SLOTS 8
const char *zeef_esc(const char *s);

/* Likewise for N bytes that may hold NUL (written \x00). */
const char *zeef_esc_n(const char *s, size_t n);

#endif
