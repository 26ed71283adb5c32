/* render_doc.h — the pieces of `zeef render` (render.h) that tests call.
 *
 * A `struct render` writes one page: render_open() writes the head, each
 * render_record() one <article>, render_close() the document list and the
 * end of the page. Memory is the largest record's plus a few small arrays
 * per document; the document list is kept in a temporary file, not memory.
 *
 * Offsets in records are code points (utf8.h); lengths here are bytes.
 */
#ifndef ZEEF_RENDER_DOC_H
#define ZEEF_RENDER_DOC_H

#include <stddef.h>
#include <stdio.h>

struct render;

/* Start a page titled TITLE (escaped) on PAGE; messages about records go to
 * MESSAGES as "zeef render: FILE:LINE: id=ID: …". NULL when the temporary
 * file for the document list cannot be made (errno set). Both streams stay
 * the caller's. */
struct render *render_open(FILE *page, FILE *messages, const char *title);

/* Render one input line of LEN bytes (no line end) read from FILE at LINE.
 * A line that is not a JSON object with a valid UTF-8 string `text` is
 * reported and left out: returns 65. Bad spans are reported and left out
 * and still return 0. */
int render_record(struct render *r, const char *line, size_t len,
                  const char *file, long line_no);

/* Number of messages about records written so far. */
long render_message_count(const struct render *r);

/* Write the document list, the script and the end of the page, and free R.
 * Returns 0, or -1 when the document list could not be read back. Write
 * errors on PAGE are left for the caller to find with ferror(). */
int render_close(struct render *r);

/* Write the LEN bytes at S to F escaped for HTML text and attribute values
 * (& < > " '). Invalid UTF-8 and control characters other than tab, line
 * feed and carriage return become U+FFFD, so the page is always valid. */
void render_escape(FILE *f, const char *s, size_t len);

/* The parts of the page that do not depend on the records
 * (render_assets.c). */
extern const char render_css[];
extern const char render_js[];
/* CSP source for render_js: 'sha256-<base64 of its SHA-256>'. */
extern const char render_js_csp[];

#endif
