/* shard_lines.c — a shard's records and the corpus lines they are on; the
 * messages of a shard's run made to name those lines (shard.h). */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "shard.h"
#include "stdin_line.h"

/* --- where a shard's records are --------------------------------------- */

enum { AT_START, AT_CR, IN_RECORD };   /* a line so far: blank, blank then "\r", a record */

static int line_step(int state, char c)
{
	if (state == AT_START && (c == ' ' || c == '\t'))
		return AT_START;
	if (state == AT_START && c == '\r')
		return AT_CR;
	return IN_RECORD;
}

/* The "id" string of the line at corpus bytes [START, END), or NULL. */
static char *id_of_line(int fd, uint64_t start, uint64_t end)
{
	enum { MAX_LINE = 16 << 20 };   /* a longer line is not read for its id */
	if (end <= start || end - start > MAX_LINE)
		return NULL;
	size_t len = (size_t)(end - start);
	char *s = malloc(len);
	if (!s || pread(fd, s, len, (off_t)start) != (ssize_t)len) {
		free(s);
		return NULL;
	}
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	zjson *obj = zj_parse(s, len);
	const char *id = zj_str(zj_get(obj, "id"), NULL);
	char *copy = id ? strdup(id) : NULL;
	zj_free(obj);
	free(s);
	return copy;
}

uint64_t shard_line_of_record(int fd, const struct shard *s, struct shard_cursor *c,
                              uint64_t n, char **id)
{
	if (id)
		*id = NULL;
	if (n == 0)
		return 0;
	if (n <= c->record || c->offset < s->start || c->offset > s->end || c->line < s->first_line - 1)
		*c = (struct shard_cursor){ .record = 0, .line = s->first_line - 1, .offset = s->start };
	char buf[65536];
	uint64_t pos = c->offset, line_start = c->offset;
	int state = AT_START;
	while (pos < s->end) {
		size_t want = s->end - pos < sizeof buf ? (size_t)(s->end - pos) : sizeof buf;
		ssize_t got = pread(fd, buf, want, (off_t)pos);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			c->record = 0;   /* start again next time */
			return 0;
		}
		for (size_t i = 0; i < (size_t)got;) {
			if (state != IN_RECORD) {
				char ch = buf[i++];
				if (ch == '\n') {
					c->line++;
					line_start = pos + i;
					state = AT_START;
				} else {
					state = line_step(state, ch);
				}
				continue;
			}
			const char *nl = memchr(buf + i, '\n', (size_t)got - i);
			if (!nl) {
				i = (size_t)got;
				continue;
			}
			i = (size_t)(nl - buf) + 1;
			c->line++;
			c->record++;
			c->offset = pos + i;
			if (c->record == n) {
				if (id)
					*id = id_of_line(fd, line_start, c->offset);
				return c->line;
			}
			line_start = c->offset;
			state = AT_START;
		}
		pos += (uint64_t)got;
	}
	c->offset = s->end;
	if (pos > line_start)   /* a last line without "\n" */
		c->line++;
	if (state == IN_RECORD && ++c->record == n) {
		if (id)
			*id = id_of_line(fd, line_start, s->end);
		return c->line;
	}
	return 0;
}

/* --- messages ---------------------------------------------------------- */

static char *joined(const char *a, size_t alen, const char *mid, const char *b, size_t blen)
{
	size_t mlen = strlen(mid);
	char *s = malloc(alen + mlen + blen + 1);
	if (!s)
		return NULL;
	memcpy(s, a, alen);
	memcpy(s + alen, mid, mlen);
	memcpy(s + alen + mlen, b, blen);
	s[alen + mlen + blen] = '\0';
	return s;
}

char *shard_relabel(const char *line, size_t len, char *const *labels, size_t nlabels,
                    const char *corpus, uint64_t first_line,
                    uint64_t (*line_of_record)(void *ctx, uint64_t n), void *ctx)
{
	const char *end = line + len;
	char mid[PATH_MAX + 64];
	for (size_t i = 0; i < nlabels; i++) {
		size_t ll = strlen(labels[i]);
		if (len < ll || memcmp(line, labels[i], ll))
			continue;
		uint64_t n;
		const char *after, *at = zeef_stdin_line(line + ll, (size_t)(end - line - ll), &n, &after);
		if (!at || n == 0)
			return NULL;
		uint64_t corpus_line = i == 0 ? first_line + n - 1 : line_of_record(ctx, n);
		if (!corpus_line)
			return NULL;
		snprintf(mid, sizeof mid, "%s:%" PRIu64, corpus, corpus_line);
		return joined(line, (size_t)(at - line), mid, after, (size_t)(end - after));
	}
	/* zeef's note: "zeef: stage 'S' worker W: its <stdin>:N is input record R" */
	static const char note[] = "zeef: stage '", rec[] = " is input record ";
	size_t body = len && line[len - 1] == '\n' ? len - 1 : len;
	if (body < sizeof note || memcmp(line, note, sizeof note - 1))
		return NULL;
	const char *d = line + body;
	while (d > line && d[-1] >= '0' && d[-1] <= '9')
		d--;
	if (d == line + body || (size_t)(d - line) < sizeof rec - 1 ||
	    memcmp(d - (sizeof rec - 1), rec, sizeof rec - 1))
		return NULL;
	uint64_t r = strtoull(d, NULL, 10), corpus_line = line_of_record(ctx, r);
	if (!corpus_line)
		return NULL;
	snprintf(mid, sizeof mid, " (%s:%" PRIu64 ")", corpus, corpus_line);
	return joined(line, body, mid, line + body, len - body);
}
