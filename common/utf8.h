/* utf8.h — UTF-8 checks, repair, and code-point offsets.
 *
 * Records carry offsets in Unicode code points; C code works in bytes. These
 * helpers convert between the two. All lengths are bytes unless the name
 * ends in _cp. Functions never read past LEN and never allocate unless said.
 */
#ifndef ZEEF_UTF8_H
#define ZEEF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if the LEN bytes at S are valid UTF-8 (no overlongs, no surrogates, no
 * code points past U+10FFFF), else 0. NUL bytes are valid. ASCII is checked
 * eight bytes at a time. */
int utf8_valid(const char *s, size_t len);

/* Copy S to a new buffer with every invalid sequence replaced by U+FFFD
 * (one per maximal invalid subpart, as Unicode recommends). *out_len gets the
 * new length, *repairs (may be NULL) the number of replacements. The result
 * is malloc'ed and NUL-terminated; NULL only when out of memory. */
char *utf8_repair(const char *s, size_t len, size_t *out_len, int *repairs);

/* Decode one code point at S (LEN bytes available). Returns the number of
 * bytes used (1..4) and sets *cp; returns -1 on an invalid sequence (then
 * *cp is 0xFFFD and the caller should skip one byte). */
int utf8_decode(const char *s, size_t len, int32_t *cp);

/* Encode CP at OUT (room for 4 bytes); returns bytes written (0 if invalid). */
int utf8_encode(int32_t cp, char *out);

/* Number of code points in the LEN valid UTF-8 bytes at S. */
size_t utf8_count_cp(const char *s, size_t len);

/* Walks a valid UTF-8 string forward, turning increasing byte offsets into
 * code-point offsets in amortised O(1): the usual way to emit spans while
 * scanning text once. */
struct cp_cursor {
	const char *s;
	size_t byte;   /* current byte offset */
	size_t cp;     /* code points before it */
};
void cp_cursor_init(struct cp_cursor *c, const char *s);
/* Code-point offset of byte offset BYTE (>= the previous call's BYTE, else
 * the cursor restarts from 0). BYTE must be on a character boundary. */
size_t cp_cursor_at(struct cp_cursor *c, size_t byte);

/* Byte offset of code point CP in S (LEN bytes); LEN if CP is past the end. */
size_t utf8_byte_offset(const char *s, size_t len, size_t cp);

#endif
