/* describe.h — what a stage says about itself (`PROGRAM --describe`), and the
 * order check of `zeef check` built on it.
 *
 * A Zeef filter answers --describe with one JSON line
 *   {"name":"summarize","requires":["text"],"uses":["sentences"],"provides":["summary"]}
 * A program that does not (exits non-zero, prints something else, or takes
 * longer than two seconds) is opaque: zeef runs it but cannot check what
 * comes after it.
 */
#ifndef ZEEF_DESCRIBE_H
#define ZEEF_DESCRIBE_H

#include <stdio.h>
#include "pipeline.h"

struct zeef_describe {
	char *name;          /* "" when absent */
	char *purpose;       /* "" when absent ("purpose" or "description") */
	char **requires;     /* NULL-terminated lists of field names */
	char **uses;
	char **provides;
};

/* Parse one --describe line (LEN bytes). Returns 0 and fills *D (free it
 * with zeef_describe_free), or -1 when it is not such a JSON object. */
int zeef_describe_parse(const char *line, size_t len, struct zeef_describe *d);

/* 1 when PATH is a regular executable file holding filter_marker (filter.h):
 * one of Zeef's own programs, safe to ask --describe when scanning a folder
 * that holds other programs too. */
int zeef_is_filter_program(const char *path);

/* Run PATH --describe with the stage's ENV (may be NULL). 0 on success. */
int zeef_describe_run(const char *path, const struct zeef_stage *st, struct zeef_describe *d);

void zeef_describe_free(struct zeef_describe *d);

/* The one-line purpose of filter PATH: the line after "Usage: …" in its
 * --help (malloc'ed), or NULL. */
char *zeef_purpose_run(const char *path);

/* 1 when LIST (NULL-terminated, may be NULL) holds FIELD. */
int zeef_field_in(char *const *list, const char *field);

/* Check stages FROM..TO (inclusive; their programs resolved) in order:
 * records start with id, text and meta; each stage's `requires` must be
 * provided before it. Prints "FILE:LINE:COL: …" errors (and notes about
 * opaque stages when VERBOSE) on ERR; returns the number of errors. */
int zeef_check_order(const struct zeef_pipeline *p, size_t from, size_t to, int verbose, FILE *err);

/* `zeef run PIPELINE --describe`: stages FROM..TO as one stage would
 * describe itself: it requires what some stage requires and no earlier one
 * provides, uses likewise, and provides what any stage provides. Prints one
 * JSON line on OUT and returns 0; when a stage does not describe itself,
 * prints a message on stderr instead and returns 65. */
int zeef_describe_chain(const struct zeef_pipeline *p, size_t from, size_t to, FILE *out);

#endif
