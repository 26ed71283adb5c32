/* show.h — `zeef show` and `zeef list` (show.c). */
#ifndef ZEEF_SHOW_H
#define ZEEF_SHOW_H

#include <stddef.h>
#include <stdio.h>
#include "pipeline.h"

/* Write WORD for a POSIX shell: as is when it is plain, else in '…'. */
void zeef_shell_quote(FILE *out, const char *word);

/* The bash line equivalent to `zeef run P FILE…`, one line on OUT:
 * "set -o pipefail; A FILE… | B | …". A stage with workers: N becomes
 * GNU parallel --pipe --keep-order -jN. PARALLEL_JOBS > 0 runs the whole
 * chain (after a first stage that reads FILEs) under one GNU parallel. */
void zeef_show(FILE *out, const struct zeef_pipeline *p, char **files, size_t nfiles,
               int parallel_jobs);

/* The pipelines and filters zeef can see, one line each. Returns 0. */
int zeef_list(FILE *out);

#endif
