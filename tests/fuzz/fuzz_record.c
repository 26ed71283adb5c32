/* fuzz_record.c — libFuzzer harness for the record reader: the input is a
 * byte stream read by lines.c (with a small line limit, so that too-long
 * lines are met too), each line parsed by record_parse and written by
 * record_write. Checked: a written record parses again and serialises to the
 * same bytes (the round trip is stable).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lines.h"
#include "record.h"
#include "utf8.h"

static int fd = -1;
static FILE *sink;
static char *out_buf;
static size_t out_len;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct line_reader lr;
	char *line;
	size_t len;
	int st;

	if (fd < 0 && (fd = memfd_create("fuzz-record", 0)) < 0)
		abort();
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size ||
	    lseek(fd, 0, SEEK_SET) != 0)
		abort();
	lines_init(&lr, fd, 4096);
	while ((st = lines_next(&lr, &line, &len)) != LINE_EOF) {
		if (st == LINE_ERROR)
			abort();
		if (st != LINE_OK || !utf8_valid(line, len))
			continue;
		struct record r = {.file = "<fuzz>", .line = lr.line};
		if (record_parse(&r, line, len) == 0) {
			if (!sink && !(sink = open_memstream(&out_buf, &out_len)))
				abort();
			rewind(sink);
			if (record_write(&r, sink) != 0 || fflush(sink) != 0)
				abort();
			/* out_buf holds "JSON\n" */
			size_t n = out_len - 1;
			char *copy = malloc(n + 1);
			memcpy(copy, out_buf, n);
			copy[n] = '\0';
			/* What is written reads again, and is written the same. */
			struct record again = {.file = "<fuzz>", .line = 1};
			if (record_parse(&again, copy, n) != 0)
				abort();
			rewind(sink);
			if (record_write(&again, sink) != 0 || fflush(sink) != 0)
				abort();
			if (out_len != n + 1 || memcmp(out_buf, copy, n) != 0)
				abort();
			record_clear(&again);
			free(copy);
		}
		record_clear(&r);
	}
	lines_free(&lr);
	return 0;
}
