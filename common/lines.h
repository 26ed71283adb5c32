/* lines.h — reading input line by line in memory bounded by the longest
 * accepted line.
 *
 * Lines end at "\n"; a "\r" before it is dropped; the last line needs no
 * "\n". A line longer than the limit is read past without being stored and
 * reported as too long, so a hostile 1 GB line costs no more memory than the
 * limit. Reads with read(2) into one buffer that grows up to the limit.
 */
#ifndef ZEEF_LINES_H
#define ZEEF_LINES_H

#include <stddef.h>

struct line_reader {
	int fd;
	char *buf;
	size_t cap, start, end, scan;
	size_t max_bytes;   /* longest accepted line, without its line end */
	long line;          /* number of the line last returned, 1-based */
	int eof;
};

enum { LINE_OK = 1, LINE_EOF = 0, LINE_ERROR = -1, LINE_TOO_LONG = -2 };

/* Start reading FD; MAX_BYTES of 0 means the default (256 MiB). */
void lines_init(struct line_reader *lr, int fd, size_t max_bytes);

/* Next line: LINE_OK with *line and *len set (borrowed until the next call; the
 * byte after it is writable and set to NUL), LINE_EOF at the end,
 * LINE_ERROR when read(2) failed (errno set), LINE_TOO_LONG when the line
 * was longer than the limit (it has been skipped; lr->line is its number). */
int lines_next(struct line_reader *lr, char **line, size_t *len);

/* The first byte of the unread input that is not white space (" ", "\t",
 * "\r", "\n") or a UTF-8 byte order mark, without taking anything: 0-255;
 * LINE_EOF when there is none; LINE_ERROR when read(2) failed. */
int lines_peek(struct line_reader *lr);

/* All the unread input at once (up to the end of the file), for a reader
 * that takes a whole document: LINE_OK with *data and *len set (borrowed
 * like a line, NUL after it), LINE_TOO_LONG when it is longer than the
 * limit (nothing is kept), LINE_ERROR when read(2) failed. */
int lines_rest(struct line_reader *lr, char **data, size_t *len);

/* Free the buffer (the file descriptor is the caller's). */
void lines_free(struct line_reader *lr);

#endif
