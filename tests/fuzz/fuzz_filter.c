/* fuzz_filter.c — libFuzzer harness for one filter's record callback.
 *
 * Linked with the filter's own main.c compiled with -Dmain=fuzz_filter_real_main
 * and -Dfilter_main=fuzz_capture_spec (Makefile, "reliability" block): running
 * that main once hands us its filter_spec, then every input goes through the
 * same steps as the record loop in common/filter.c: parse, validate, call
 * spec->record, serialise. An input that is a JSON object line is used as
 * the record; any other bytes are a document, as a FILE argument is read
 * (common/filter.c, read_document): a filter with its own document decoder
 * (normalize: UTF-16, Windows-1252) gets the raw bytes, whose decoded text
 * must be valid UTF-8; for the others the bytes become the "text" of
 * {"id":"fuzz","text":…} (invalid UTF-8 repaired). So the JSON layer, the
 * document decoder and the filter's text rules are all reached.
 *
 * ZEEF_FUZZ_ARGS, if set, holds the filter's own options, split at spaces
 * ("--html --keep-lines"), so paths behind a switch are fuzzed too
 * (`make fuzz FUZZ_ARGS=...`, and tests/cli/fuzz-smoke.sh).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "filter.h"
#include "record.h"
#include "utf8.h"

int fuzz_filter_real_main(int argc, char **argv);

static const struct filter_spec *spec;

/* Stands in for filter_main: keeps the spec and applies the filter's own
 * options (ZEEF_FUZZ_ARGS) through its option callback; a bad one aborts. */
int fuzz_capture_spec(const struct filter_spec *s, int argc, char **argv)
{
	char shortopts[64];
	int c;

	spec = s;
	snprintf(shortopts, sizeof shortopts, ":%s", s->shortopts ? s->shortopts : "");
	while ((c = getopt_long(argc, argv, shortopts, s->options, NULL)) != -1)
		if (c == '?' || c == ':' || !s->option || s->option(c, optarg) != 0) {
			fprintf(stderr, "fuzz: bad ZEEF_FUZZ_ARGS option '%s'\n", argv[optind - 1]);
			abort();
		}
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char *args[64] = {"fuzz"};
	int n = 1;
	const char *env = getenv("ZEEF_FUZZ_ARGS");
	char *opts = env ? strdup(env) : NULL; /* kept: args point into it */
	(void)argc;
	(void)argv;
	for (char *t = opts ? strtok(opts, " ") : NULL; t && n < 63; t = strtok(NULL, " "))
		args[n++] = t;
	fuzz_filter_real_main(n, args);
	if (!spec || (spec->start && spec->start() != 0))
		abort();
	return 0;
}

static FILE *sink;
static char *out_buf;
static size_t out_len;

static void run(struct record *r)
{
	if (!(spec->flags & FILTER_TEXT_OPTIONAL)) {
		size_t tlen;
		const char *t = record_text(r, &tlen);
		if (!t || !utf8_valid(t, tlen))
			return;
	}
	if (spec->record(r) == 0) {
		struct json_error err;
		if (!sink && !(sink = open_memstream(&out_buf, &out_len)))
			abort();
		rewind(sink);
		if (record_write(r, sink) != 0 || fflush(sink) != 0)
			abort();
		/* The output is one line of valid UTF-8 JSON. */
		size_t n = out_len - 1;
		if (out_buf[n] != '\n' || memchr(out_buf, '\n', n) || !utf8_valid(out_buf, n) ||
		    json_validate(out_buf, n, ZJ_MAX_DEPTH, &err) != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record r = {0};
	const char *s = (const char *)data;

	r.file = "<fuzz>";
	r.line = 1;
	if (size > 0 && data[0] == '{' && !memchr(s, '\n', size) && utf8_valid(s, size)) {
		if (record_parse(&r, s, size) == 0)
			run(&r);
		record_clear(&r);
		return 0;
	}
	size_t tlen = size;
	int repairs = 0;
	char *fixed = NULL;
	const char *t = s;
	if (spec->decode_document) {
		if (spec->decode_document(s, size, &fixed, &tlen) != 0)
			return 0; /* out of memory */
		if (!fixed)
			return 0; /* refused (normalize --strict-utf8) */
		if (!utf8_valid(fixed, tlen))
			abort();
		t = fixed;
	} else if (!utf8_valid(s, size)) {
		fixed = utf8_repair(s, size, &tlen, &repairs);
		if (!fixed)
			return 0;
		t = fixed;
	}
	record_set(&r, "id", zj_cstring("fuzz"));
	record_set_text(&r, t, tlen);
	run(&r);
	record_clear(&r);
	free(fixed);
	return 0;
}
