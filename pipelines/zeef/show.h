/* show.h — `zeef show` and `zeef list` (show.c). */
#ifndef ZEEF_SHOW_H
#define ZEEF_SHOW_H

#include <stddef.h>
#include <stdio.h>
#include "pipeline.h"

/* How zeef_shell_quote quotes a word (flags). */
#define QUOTE_COMMAND 1    /* it names the command: quote "A=b" and "time" too */
#define QUOTE_PARALLEL 2   /* inside a GNU parallel command: no '{' followed by
                              anything but a quote, so no replacement string */

/* GNU parallel's --block in `zeef show` for a stage with workers: records
 * cut into blocks of this size, each block one job (README, "Scaling out":
 * measured on 2 cores). */
#define ZEEF_PARALLEL_BLOCK "25M"

/* Write WORD as one bash word: as is when it is plain, else in '…', with
 * ' as \' and each control character as $'\xHH' outside the quotes, so that
 * the line stays one line. */
void zeef_shell_quote(FILE *out, const char *word, int how);

/* The bash line equivalent to `zeef run P FILE…`, one line on OUT:
 * "set -o pipefail; A FILE… | B | …". A stage with workers: N becomes
 * GNU parallel --pipe --keep-order -jN. PARALLEL_JOBS > 0 runs the whole
 * chain JOBS times side by side: as `zeef run --parallel=JOBS PIPELINE_ARG
 * FILE…` (PIPELINE_ARG as the user gave it), or, when BLOCK is given, under
 * one GNU parallel with blocks of BLOCK (after a first stage that reads
 * FILEs). Nothing in the pipeline reaches the shell or GNU parallel as code:
 * the line runs the same programs with the same arguments as zeef run. */
void zeef_show(FILE *out, const struct zeef_pipeline *p, const char *pipeline_arg,
               char **files, size_t nfiles, int parallel_jobs, const char *block);

/* 1 when SIZE is a GNU parallel --block size zeef show passes on: digits
 * (not 0) and an optional k, M or G (either case). BLOCK above: NULL for
 * ZEEF_PARALLEL_BLOCK. */
int zeef_block_size_ok(const char *size);

/* The pipelines and filters zeef can see, one line each. Returns 0. */
int zeef_list(FILE *out);

#endif
