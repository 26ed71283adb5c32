/* train_corpus.c — see train_corpus.h: the training records of
 * `summarize --train` read into memory. */
#include "train_corpus.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fields.h"
#include "filter.h"
#include "lines.h"
#include "utf8.h"

void *train_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		fprintf(stderr, "summarize: out of memory\n");
		exit(EXIT_SOFTWARE);
	}
	return p;
}

static char *dup_bytes(const char *s, size_t n)
{
	char *d = train_calloc(n + 1, 1);
	memcpy(d, s, n);
	return d;
}

/* One training record into D. Returns 0, or EXIT_DATAERR with a message. */
static int read_doc(struct record *r, struct splitter *sp, struct tdoc *d)
{
	size_t len, cap = 0;
	const char *text = record_text(r, &len);
	if (!text)
		return record_error(r, "no \"text\" string");
	struct sentence_span *spans = NULL;
	long n = sentences_of(r, sp, &spans, &cap);
	if (n < 0)
		return EXIT_DATAERR;
	d->text = dup_bytes(text, len);
	d->len = len;
	d->spans = spans;
	d->n = (size_t)n;
	const char *id = record_id(r), *src = zj_str(record_get(r, "source"), NULL);
	d->id = dup_bytes(id ? id : "", id ? strlen(id) : 0);
	d->source = dup_bytes(src ? src : "", src ? strlen(src) : 0);
	struct field_sentences fs = { train_calloc(d->n + 1, sizeof(size_t)),
	                              train_calloc(d->n + 1, sizeof(size_t)), 0, 0 };
	fields_sentences(&fs, text, len, spans, d->n);
	d->entities = train_calloc(d->n + 1, sizeof *d->entities);
	d->quoted = train_calloc(d->n + 1, sizeof *d->quoted);
	int re = fields_entities(r, &fs, d->entities), rq = fields_quotes(r, &fs, d->quoted);
	free(fs.start);
	free(fs.end);
	if (re > 1 || rq > 1)
		return EXIT_DATAERR;
	if (!re) {
		free(d->entities);
		d->entities = NULL;
	}
	if (!rq) {
		free(d->quoted);
		d->quoted = NULL;
	}
	zjson *refs = record_get(r, "references");
	if (zj_type(refs) != ZJ_ARRAY || zj_len(refs) == 0)
		return record_error(r, "\"references\" must be a non-empty array of "
		                    "{\"pick\":[I,...],\"text\":T}");
	d->nref = zj_len(refs);
	d->ref = train_calloc(d->nref, sizeof *d->ref);
	d->y = train_calloc(d->n + 1, sizeof *d->y);
	for (size_t j = 0; j < d->nref; j++) {
		zjson *o = zj_at(refs, j), *pick = zj_get(o, "pick");
		size_t tl;
		const char *t = zj_str(zj_get(o, "text"), &tl);
		if (!t || zj_type(pick) != ZJ_ARRAY)
			return record_error(r, "reference %zu needs \"pick\" (an array) and \"text\"", j);
		d->ref[j] = dup_bytes(t, tl);
		for (size_t i = 0; i < zj_len(pick); i++) {
			int ok = 0;
			int64_t k = zj_intval(zj_at(pick, i), &ok);
			if (!ok || k < 0 || (uint64_t)k >= d->n)
				return record_error(r, "reference %zu: pick %zu is not a sentence index", j, i);
			d->y[k] += 1.0 / (double)d->nref;
		}
	}
	return 0;
}

int train_read_corpus(const char *path, struct splitter *sp, struct corpus *c)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return EXIT_NOINPUT;
	}
	struct line_reader lr;
	lines_init(&lr, fd, 0);
	char *line;
	size_t len;
	int rc = 0, st;
	while (rc == 0 && (st = lines_next(&lr, &line, &len)) != LINE_EOF) {
		if (st != LINE_OK) {
			fprintf(stderr, "summarize: %s:%ld: %s\n", path, lr.line,
			        st == LINE_TOO_LONG ? "line too long" : "read error");
			rc = st == LINE_TOO_LONG ? EXIT_DATAERR : EXIT_IOERR;
			break;
		}
		if (len == 0)
			continue;
		struct record r = { .file = path, .line = lr.line, .raw = line, .raw_len = len };
		if (!utf8_valid(line, len)) {
			fprintf(stderr, "summarize: %s:%ld: invalid UTF-8\n", path, lr.line);
			rc = EXIT_DATAERR;
			break;
		}
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->doc = realloc(c->doc, c->cap * sizeof *c->doc);
			if (!c->doc) {
				fprintf(stderr, "summarize: out of memory\n");
				exit(EXIT_SOFTWARE);
			}
		}
		struct tdoc *d = &c->doc[c->n];
		memset(d, 0, sizeof *d);
		rc = record_parse(&r, line, len);
		if (rc == 0)
			rc = read_doc(&r, sp, d);
		if (rc) {
			record_print_error(&r, "");
		} else {
			c->n++;
		}
		record_clear(&r);
	}
	lines_free(&lr);
	close(fd);
	return rc;
}

void train_free_doc(struct tdoc *d)
{
	free(d->id);
	free(d->source);
	free(d->text);
	free(d->spans);
	free(d->entities);
	free(d->quoted);
	free(d->y);
	for (size_t j = 0; j < d->nref; j++)
		free(d->ref[j]);
	free(d->ref);
	free(d->x);
	free(d->ycand);
}
