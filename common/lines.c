/* lines.c — see lines.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lines.h"

#define DEFAULT_MAX ((size_t)256 << 20)
#define CHUNK ((size_t)1 << 17)

void lines_init(struct line_reader *lr, int fd, size_t max_bytes)
{
	memset(lr, 0, sizeof *lr);
	lr->fd = fd;
	lr->max_bytes = max_bytes ? max_bytes : DEFAULT_MAX;
}

void lines_free(struct line_reader *lr)
{
	free(lr->buf);
	lr->buf = NULL;
}

/* Read more bytes after lr->end, making room first. Returns bytes read, 0 at
 * end of input, -1 on error. */
static long fill(struct line_reader *lr)
{
	if (lr->start > 0) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->scan -= lr->start;
		lr->start = 0;
	}
	if (lr->cap - lr->end < CHUNK) {
		size_t ncap = lr->cap ? lr->cap * 2 : CHUNK * 2;
		while (ncap - lr->end < CHUNK)
			ncap *= 2;
		char *nb = realloc(lr->buf, ncap);
		if (!nb) {
			errno = ENOMEM;
			return -1;
		}
		lr->buf = nb;
		lr->cap = ncap;
	}
	for (;;) {
		/* Leave one byte for the NUL written after a line. */
		ssize_t n = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0)
			lr->end += (size_t)n;
		return (long)n;
	}
}

/* Discard input up to and including the next "\n". */
static int skip_line(struct line_reader *lr)
{
	for (;;) {
		char *nl = memchr(lr->buf + lr->start, '\n', lr->end - lr->start);
		if (nl) {
			lr->start = lr->scan = (size_t)(nl - lr->buf) + 1;
			return LINE_TOO_LONG;
		}
		lr->start = lr->scan = lr->end;
		long n = fill(lr);
		if (n < 0)
			return LINE_ERROR;
		if (n == 0) {
			lr->eof = 1;
			return LINE_TOO_LONG;
		}
	}
}

int lines_next(struct line_reader *lr, char **line, size_t *len)
{
	for (;;) {
		char *nl = lr->end > lr->scan ? memchr(lr->buf + lr->scan, '\n', lr->end - lr->scan) : NULL;
		size_t stop = nl ? (size_t)(nl - lr->buf) : lr->end;
		size_t n = stop - lr->start;
		int complete = nl || (lr->eof && n > 0);

		if (complete && n > 0 && lr->buf[stop - 1] == '\r')
			n--;
		if (n > lr->max_bytes + (complete ? 0 : 1)) {
			/* Too long: drop it, and the rest of it when unread. */
			lr->line++;
			if (complete) {
				lr->start = lr->scan = nl ? stop + 1 : stop;
				return LINE_TOO_LONG;
			}
			return skip_line(lr);
		}
		if (complete) {
			*line = lr->buf + lr->start;
			(*line)[n] = '\0';
			*len = n;
			lr->start = lr->scan = nl ? stop + 1 : stop;
			lr->line++;
			return LINE_OK;
		}
		if (lr->eof)
			return LINE_EOF;
		lr->scan = lr->end;
		long got = fill(lr);
		if (got < 0)
			return LINE_ERROR;
		if (got == 0)
			lr->eof = 1;
	}
}

int lines_peek(struct line_reader *lr)
{
	size_t i = lr->start;

	for (;;) {
		for (; i < lr->end; i++) {
			unsigned char c = (unsigned char)lr->buf[i];
			if (c == 0xEF && lr->end - i >= 3 && (unsigned char)lr->buf[i + 1] == 0xBB &&
			    (unsigned char)lr->buf[i + 2] == 0xBF) {
				i += 2;
				continue;
			}
			if (c == 0xEF && lr->end - i < 3 && !lr->eof)
				break;   /* perhaps a byte order mark: read on */
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
				return c;
		}
		if (lr->eof)
			return LINE_EOF;
		size_t at = i - lr->start;
		long got = fill(lr);
		if (got < 0)
			return LINE_ERROR;
		if (got == 0)
			lr->eof = 1;
		i = lr->start + at;
	}
}

int lines_rest(struct line_reader *lr, char **data, size_t *len)
{
	int too_long = 0;

	while (!lr->eof) {
		if (lr->end - lr->start > lr->max_bytes) {
			/* Too long: hold none of it, but read on to the end. */
			too_long = 1;
			lr->start = lr->scan = lr->end;
		}
		long got = fill(lr);
		if (got < 0)
			return LINE_ERROR;
		if (got == 0)
			lr->eof = 1;
	}
	if (too_long || lr->end - lr->start > lr->max_bytes) {
		lr->start = lr->scan = lr->end;
		return LINE_TOO_LONG;
	}
	*data = lr->buf ? lr->buf + lr->start : (char *)"";
	*len = lr->end - lr->start;
	if (lr->buf)
		lr->buf[lr->end] = '\0';
	lr->start = lr->scan = lr->end;
	return LINE_OK;
}
