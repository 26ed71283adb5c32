/* stdin_line.h — where a stage's message names a line of its standard
 * input: filters say "PROGRAM: <stdin>:N: ..." (common/record.c). zeef says
 * which input record a worker's line is (relay.c); zeef shard says which
 * corpus line a shard's line is (shard_task.c). */
#ifndef ZEEF_STDIN_LINE_H
#define ZEEF_STDIN_LINE_H

#include <stddef.h>
#include <stdint.h>

/* The first "<stdin>:N:" in the LEN bytes at S (N up to 19 digits): returns
 * where it starts, *N the number and *AFTER the ':' that ends it; NULL when
 * there is none. */
const char *zeef_stdin_line(const char *s, size_t len, uint64_t *n, const char **after);

#endif
