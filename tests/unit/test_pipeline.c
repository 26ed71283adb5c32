/* Unit tests for the zeef runner's pure parts: the pipeline loader and its
 * messages, message escaping, --replace, the --describe parser, shell and
 * GNU parallel quoting for `zeef show`, and the blank-line rule used when
 * records are spread over workers. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "../../pipelines/zeef/describe.h"
#include "../../pipelines/zeef/esc.h"
#include "escape.h"
#include "../../pipelines/zeef/pipeline.h"
#include "../../pipelines/zeef/run_internal.h"
#include "../../pipelines/zeef/show.h"

/* Parse TEXT as "t.yaml"; *msgs gets every message (caller frees). */
static struct zeef_pipeline *parse(const char *text, char **msgs)
{
	size_t len;
	FILE *err = open_memstream(msgs, &len);
	struct zeef_pipeline *p = zeef_pipeline_parse("t.yaml", text, strlen(text), err);
	fclose(err);
	return p;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

START_TEST(test_good_pipeline)
{
	char *msgs;
	struct zeef_pipeline *p = parse(
		"# a comment\n"
		"zeef: 1\n"
		"description: two stages\n"
		"stages:\n"
		"  - run: split-sentences\n"
		"  - run: ./bin/summarize\n"
		"    name: sum\n"
		"    args: [--sentences, 3, 'two words']\n"
		"    env: {LC_ALL: C, EMPTY: }\n"
		"    workers: 4\n", &msgs);
	ck_assert_str_eq(msgs, "");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->name, "t");
	ck_assert_str_eq(p->description, "two stages");
	ck_assert_uint_eq(p->nstages, 2);
	ck_assert_str_eq(p->stages[0].name, "split-sentences");
	ck_assert_int_eq(p->stages[0].workers, 1);
	ck_assert_uint_eq(p->stages[0].nargs, 0);
	ck_assert_ptr_null(p->stages[0].args[0]);
	ck_assert_int_eq(p->stages[0].run_at.line, 5);
	ck_assert_int_eq(p->stages[0].run_at.col, 10);
	const struct zeef_stage *s = &p->stages[1];
	ck_assert_str_eq(s->name, "sum");
	ck_assert_str_eq(s->run, "./bin/summarize");
	ck_assert_uint_eq(s->nargs, 3);
	ck_assert_str_eq(s->args[1], "3");
	ck_assert_str_eq(s->args[2], "two words");
	ck_assert_ptr_null(s->args[3]);
	ck_assert_uint_eq(s->nenv, 2);
	ck_assert_str_eq(s->env[0].name, "LC_ALL");
	ck_assert_str_eq(s->env[1].value, "");
	ck_assert_int_eq(s->workers, 4);
	ck_assert_int_eq(s->at.line, 6);
	ck_assert_int_eq(s->at.col, 5);
	ck_assert_int_eq(zeef_stage_find(p, "sum"), 1);
	ck_assert_int_eq(zeef_stage_find(p, "1"), 0);
	ck_assert_int_eq(zeef_stage_find(p, "3"), -1);
	ck_assert_int_eq(zeef_stage_find(p, "summarize"), -1);
	zeef_pipeline_free(p);
	free(msgs);
}
END_TEST

/* Each bad file gives exactly the expected messages, in line order. */
static const struct {
	const char *yaml, *msgs;
} bad[] = {
	{ "zeef: 1\nstages:\n  - run: cat\n    agrs: [x]\n",
	  "t.yaml:4:5: unknown key 'agrs' in stage 1 (did you mean 'args'?)\n" },
	{ "zeef: 1\nstages:\n  - run: cat\n    args: -n\n",
	  "t.yaml:4:11: 'args' must be a list of strings, not a string (zeef runs no shell: "
	  "write args: [--opt, value])\n" },
	{ "zeef: 1\nstages:\n  - &a {run: cat}\n",
	  "t.yaml:3:5: anchors (&NAME) are not allowed in a pipeline\n" },
	{ "zeef: 1\nstages:\n  - *a\n",
	  "t.yaml:3:5: aliases (*NAME) are not allowed in a pipeline\n" },
	{ "zeef: 1\nstages:\n  - {run: cat, workers: 0}\n  - {run: sort, workers: 1.5}\n",
	  "t.yaml:3:25: 'workers' must be a whole number from 1 to 256\n"
	  "t.yaml:4:26: 'workers' must be a whole number from 1 to 256\n" },
	{ "zeef: 1\nstages:\n  - run:\n",
	  "t.yaml:3:9: 'run' must not be empty\n" },
	{ "stages:\n  - run: cat\n",
	  "t.yaml:1:1: missing 'zeef: 1' (the pipeline schema version)\n" },
	{ "zeef: 1\n",
	  "t.yaml:1:1: missing 'stages:' (the list of programs to run)\n" },
	{ "zeef: 1\nstages:\n  - run: cat\n    name: ../x\n",
	  "t.yaml:4:11: a stage name is letters, digits, '-', '_' and '.': '../x'\n" },
	{ "zeef: 1\nstages:\n  - run: [cat]\n",
	  "t.yaml:3:10: 'run' must be a string, not a list\n" },
	{ "zeef: 1\nstages: {run: cat}\n",
	  "t.yaml:2:9: 'stages' must be a list of stages, not a mapping\n" },
	{ "zeef: 1\nstages:\n  - cat\n",
	  "t.yaml:3:5: stage 1 must be a mapping with at least 'run: PROGRAM', not a scalar\n" },
	{ "zeef: 1\nstages:\n  - run: \"cat\n",
	  "t.yaml:4:1: YAML syntax error: found unexpected end of stream while scanning a "
	  "quoted scalar (line 3)\n" },
	{ "zeef: 1\nstages:\n  - run: c\xff" "at\n",
	  "t.yaml:3:11: not valid UTF-8 text: invalid leading UTF-8 octet\n" },
	{ "zeef: 1\nstages:\n  - {run: cat, env: {A: [1], A: x}}\n",
	  "t.yaml:3:25: the value of 'A' must be a string, not a list\n"
	  "t.yaml:3:30: duplicate key 'A' in env\n" },
};

START_TEST(test_bad_pipeline)
{
	char *msgs;
	struct zeef_pipeline *p = parse(bad[_i].yaml, &msgs);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(msgs, bad[_i].msgs);
	free(msgs);
}
END_TEST

START_TEST(test_many_errors_all_reported)
{
	char *msgs;
	struct zeef_pipeline *p = parse("zeef: 3\nnmae: x\nstages:\n  - {run: a, x: 1}\n"
	                                "  - {name: b}\n  - {run: a}\n", &msgs);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(count_lines(msgs), 5);
	ck_assert_ptr_nonnull(strstr(msgs, "t.yaml:1:7: 'zeef' must be 1"));
	ck_assert_ptr_nonnull(strstr(msgs, "t.yaml:2:1: unknown key 'nmae' in the pipeline (did you mean 'name'?)"));
	ck_assert_ptr_nonnull(strstr(msgs, "t.yaml:4:14: unknown key 'x' in stage 1"));
	ck_assert_ptr_nonnull(strstr(msgs, "t.yaml:5:5: stage 2 has no 'run: PROGRAM'"));
	ck_assert_ptr_nonnull(strstr(msgs, "t.yaml:6:5: two stages are called 'a' (stages 1 and 3)"));
	free(msgs);
}
END_TEST

START_TEST(test_alias_bomb_refused)
{
	/* the classic billion-laughs shape: refused at the first anchor */
	char *msgs;
	struct zeef_pipeline *p = parse("zeef: 1\na: &a [x, x, x, x, x, x, x, x, x]\n"
	                                "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	                                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", &msgs);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(msgs, "t.yaml:2:4: anchors (&NAME) are not allowed in a pipeline\n");
	free(msgs);
}
END_TEST

START_TEST(test_deep_nesting_refused)
{
	char text[400] = "zeef: 1\nstages: ";
	for (int i = 0; i < 40; i++)
		strcat(text, "[");
	char *msgs;
	struct zeef_pipeline *p = parse(text, &msgs);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(msgs, "nested too deeply for a pipeline"));
	free(msgs);
}
END_TEST

START_TEST(test_replace)
{
	char *msgs;
	struct zeef_pipeline *p = parse("zeef: 1\nstages:\n  - {run: a, name: first, args: [-x], "
	                                "env: {K: v}, workers: 2}\n  - {run: b}\n", &msgs);
	ck_assert_ptr_nonnull(p);
	FILE *devnull = fopen("/dev/null", "w");
	ck_assert_int_eq(zeef_stage_replace(p, "first=my-prog --opt 'two words' \"say \\\"hi\\\"\"", devnull), 0);
	const struct zeef_stage *s = &p->stages[0];
	ck_assert_str_eq(s->run, "my-prog");
	ck_assert_str_eq(s->name, "first");
	ck_assert_uint_eq(s->nargs, 3);
	ck_assert_str_eq(s->args[0], "--opt");
	ck_assert_str_eq(s->args[1], "two words");
	ck_assert_str_eq(s->args[2], "say \"hi\"");
	ck_assert_ptr_null(s->args[3]);
	ck_assert_int_eq(s->workers, 2);
	ck_assert_uint_eq(s->nenv, 1);
	ck_assert_int_eq(zeef_stage_replace(p, "2=cat", devnull), 0);
	ck_assert_str_eq(p->stages[1].run, "cat");
	ck_assert_int_eq(zeef_stage_replace(p, "nosuch=cat", devnull), -1);
	ck_assert_int_eq(zeef_stage_replace(p, "first=", devnull), -1);
	ck_assert_int_eq(zeef_stage_replace(p, "first='open", devnull), -1);
	ck_assert_int_eq(zeef_stage_replace(p, "first", devnull), -1);
	fclose(devnull);
	zeef_pipeline_free(p);
	free(msgs);
}
END_TEST

START_TEST(test_describe_parse)
{
	struct zeef_describe d;
	const char *line = "{\"name\":\"summarize\",\"requires\":[\"text\"],\"uses\":[\"sentences\"],"
	                   "\"provides\":[\"summary\"]}";
	ck_assert_int_eq(zeef_describe_parse(line, strlen(line), &d), 0);
	ck_assert_str_eq(d.name, "summarize");
	ck_assert_str_eq(d.purpose, "");
	ck_assert_str_eq(d.requires[0], "text");
	ck_assert_ptr_null(d.requires[1]);
	ck_assert(zeef_field_in(d.uses, "sentences"));
	ck_assert(!zeef_field_in(d.uses, "text"));
	ck_assert(zeef_field_in(d.provides, "summary"));
	zeef_describe_free(&d);

	line = " { \"purpose\" : \"a \\\"quoted\\\" word\", \"version\": 2, \"extra\": [\"x\"],"
	       " \"requires\": [] } ";
	ck_assert_int_eq(zeef_describe_parse(line, strlen(line), &d), 0);
	ck_assert_str_eq(d.purpose, "a \"quoted\" word");
	ck_assert_ptr_null(d.requires[0]);
	ck_assert_ptr_null(d.provides[0]);
	zeef_describe_free(&d);

	static const char *const not_describe[] = {
		"", "usage: cat [OPTION]", "[\"text\"]", "{\"requires\":\"text\"}",
		"{\"requires\":[\"text\"]", "{\"name\":\"x\"} trailing", "{\"name\":\"x\",}",
	};
	for (size_t i = 0; i < sizeof not_describe / sizeof *not_describe; i++)
		ck_assert_msg(zeef_describe_parse(not_describe[i], strlen(not_describe[i]), &d) == -1,
		              "accepted: %s", not_describe[i]);
}
END_TEST

START_TEST(test_shell_quote)
{
	char *out;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	const char *words[] = { "plain-word_1.txt", "two words", "it's", "", "$HOME", "a|b" };
	for (size_t i = 0; i < 6; i++) {
		zeef_shell_quote(f, words[i], 0);
		fputc(' ', f);
	}
	fclose(f);
	ck_assert_str_eq(out, "plain-word_1.txt 'two words' 'it'\\''s' '' '$HOME' 'a|b' ");
	free(out);
}
END_TEST

/* Records spread over workers: blank lines are dropped (a filter writes
 * nothing for them: spaces and tabs, at most one '\r' before the '\n',
 * however many) and the last line is ended, however the bytes arrive. A
 * line that only looks blank ("\r\t") goes on, for the filter to refuse. */
/* Inside a GNU parallel command no '{' is followed by anything but a
 * quote (no replacement string); control characters become $'\xHH', so the
 * line stays one line; a command word that bash would read as syntax
 * (time, A=b) is quoted. */
START_TEST(test_parallel_quote)
{
	static const struct {
		const char *word;
		int how;
		const char *want;
	} cases[] = {
		{ "{= `touch x` =}", QUOTE_PARALLEL, "'{''= `touch x` =}'" },
		{ "{}{#}", QUOTE_PARALLEL, "'{''}{''#}'" },
		{ "{}", 0, "'{}'" },
		{ "a\nb", 0, "'a'$'\\x0a''b'" },
		{ "\x1b[2J", 0, "$'\\x1b''[2J'" },
		{ "it's", QUOTE_PARALLEL, "'it'\\''s'" },
		{ "", QUOTE_PARALLEL, "''" },
		{ "time", QUOTE_COMMAND, "'time'" },
		{ "time", 0, "time" },
		{ "A=b", QUOTE_COMMAND, "'A=b'" },
		{ "--opt=3", 0, "--opt=3" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out;
		size_t len;
		FILE *f = open_memstream(&out, &len);
		zeef_shell_quote(f, cases[i].word, cases[i].how);
		fclose(f);
		ck_assert_msg(!strcmp(out, cases[i].want), "case %zu: %s, want %s", i, out, cases[i].want);
		free(out);
	}
	ck_assert(zeef_block_size_ok("10M") && zeef_block_size_ok("512k") && zeef_block_size_ok("1000"));
	ck_assert(!zeef_block_size_ok("0") && !zeef_block_size_ok("") && !zeef_block_size_ok("1M;x") &&
	          !zeef_block_size_ok("M") && !zeef_block_size_ok("-1") && !zeef_block_size_ok("10MB"));
}
END_TEST

/* The escaping rule of every message (common/escape.h), as zeef quotes
 * with it: \n \t \r \\ by name, other control bytes and bytes that are not
 * UTF-8 as \xHH; accented letters as they are. */
START_TEST(test_escape)
{
	ck_assert_str_eq(zeef_esc("a\nzeef: all good\t\\\x1b[2J\x7f\xc3\xa9\xff"),
	                 "a\\nzeef: all good\\t\\\\\\x1b[2J\\x7f\xc3\xa9\\xff");
	ck_assert_str_eq(zeef_esc_n("a\0b", 3), "a\\x00b");
	ck_assert_str_eq(zeef_esc(NULL), "");
	ck_assert_str_eq(zeef_esc("\xc2\x85 \xc2\xa0"), "\\u0085 \xc2\xa0");
	/* results stay valid for the next ZEEF_ESC_SLOTS - 1 calls */
	const char *first = zeef_esc("\r");
	for (int i = 0; i < ZEEF_ESC_SLOTS - 1; i++)
		zeef_esc("x");
	ck_assert_str_eq(first, "\\r");
	/* the same as escape_fput writes, whatever the bytes */
	unsigned seed = 7;
	for (int round = 0; round < 5000; round++) {
		char in[24];
		size_t n = (size_t)round % sizeof in;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			static const char pick[] = "a\\\n\r\t\x01\x1b\x7f\x80\x85\xc2\xc3\xa9\xe2\x82\xac\xf0\x9f\xff\xfe ";
			in[i] = pick[(seed >> 16) % (sizeof pick - 1)];
		}
		char *want;
		size_t len;
		FILE *f = open_memstream(&want, &len);
		escape_fput(f, in, n);
		fclose(f);
		ck_assert_msg(!strcmp(zeef_esc_n(in, n), want), "round %d: %s, want %s", round,
		              zeef_esc_n(in, n), want);
		free(want);
	}
}
END_TEST

/* What a pipeline file must not do: hold NUL in a string (an argument would
 * be cut short), indent with tabs (named as such), or be some other file
 * whose lines the messages would quote. */
START_TEST(test_untrusted_files)
{
	char *msgs;
	static const char nul[] = "zeef: 1\nstages:\n  - run: cat\n    args: [\"a\\0b\", c]\n";
	struct zeef_pipeline *p = parse(nul, &msgs);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(msgs, "t.yaml:4:12: a NUL character (\\0) cannot be part of a program's "
	                       "argument, name or environment\n");
	free(msgs);
	p = parse("zeef: 1\nstages:\n\t- run: cat\n", &msgs);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(msgs, "t.yaml:3:1: tabs are not allowed for indentation in YAML; use spaces\n");
	free(msgs);
	/* shadow-like lines are YAML keys and values: one message, none quoted */
	p = parse("root:$6$s3cret:19000:0:99999:7:::\nstages: x\nbin:*:19000::::::\n", &msgs);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(msgs, "t.yaml:1:1: missing 'zeef: 1' (the pipeline schema version)\n");
	free(msgs);
	/* a key with a newline cannot forge a line */
	p = parse("zeef: 1\n\"x\\nzeef: all good\": 1\nstages:\n  - run: cat\n", &msgs);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(count_lines(msgs), 1);
	ck_assert_ptr_nonnull(strstr(msgs, "unknown key 'x\\nzeef: all good'"));
	free(msgs);
	ck_assert_uint_eq(zeef_edit_distance("nl-nws", "nl-news"), 1);
	ck_assert_uint_eq(zeef_edit_distance("", "abc"), 3);
}
END_TEST

START_TEST(test_blank_lines_for_workers)
{
	char input[256];
	static const char want[] = "{\"a\":1}\n{\"b\":2}\r\n   x \n\r\t\n{\"c\":3}\n";
	int len = snprintf(input, sizeof input, "%s%*s\n%s",
	                   "{\"a\":1}\n\n  \t\n{\"b\":2}\r\n \r\n   x \n", 70, "",
	                   "\r\t\n{\"c\":3}");
	for (size_t step = 1; step <= (size_t)len; step++) {
		struct run r = { 0 };
		struct boundary b = { .feeds_workers = 1, .tee_fd = -1 };
		for (size_t at = 0; at < (size_t)len; at += step)
			zeef_run_ingest(&r, &b, input + at, at + step <= (size_t)len ? step : (size_t)len - at);
		ck_assert_uint_eq(b.records, 4);   /* a, b, x, \r\t; c is not ended */
		ck_assert_int_eq(b.count_state, LINE_RECORD);
		zeef_run_ingest_end(&r, &b);
		ck_assert_uint_eq(b.buf.len, sizeof want - 1);
		ck_assert_msg(!memcmp(b.buf.p + b.buf.off, want, sizeof want - 1), "step %zu", step);
		ck_assert_uint_eq(b.bytes, (size_t)len);
		ck_assert_uint_eq(b.lines, 8);
		zeef_buf_free(&b.buf);
		zeef_buf_free(&b.held);
	}
}
END_TEST

/* Thousands of damaged pipeline files: each is either loaded or refused
 * with at least one "t.yaml:LINE:COL: " message; never a crash (the suite
 * also runs under ASan+UBSan). */
START_TEST(test_damaged_files_explained)
{
	static const char good[] =
		"zeef: 1\nname: x\nstages:\n  - run: a\n    args: [-n, '3', \"b c\"]\n"
		"    env: {K: v}\n  - {run: b, workers: 2, timeout: 1.5}\n";
	static const char noise[] = "-:[]{}&*!|>'\"#%@` \t\n\xff\xc3" "a0";
	unsigned seed = 12345;
	char text[256];
	for (int round = 0; round < 4000; round++) {
		size_t len = sizeof good - 1;
		memcpy(text, good, len);
		int edits = 1 + round % 4;
		for (int e = 0; e < edits; e++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			char c = noise[(seed >> 20) % (sizeof noise - 1)];
			switch ((seed >> 4) % 3) {
			case 0: text[at] = c; break;                            /* replace */
			case 1: memmove(text + at, text + at + 1, len - at - 1); /* delete */
				len--;
				break;
			default: if (len < sizeof text - 1) {                   /* insert */
					memmove(text + at + 1, text + at, len - at);
					text[at] = c;
					len++;
				}
			}
		}
		char *msgs;
		size_t msgs_len;
		FILE *err = open_memstream(&msgs, &msgs_len);
		struct zeef_pipeline *p = zeef_pipeline_parse("t.yaml", text, len, err);
		fclose(err);
		if (p) {
			ck_assert_uint_ge(p->nstages, 1);
			for (size_t i = 0; i < p->nstages; i++)
				ck_assert(p->stages[i].run && p->stages[i].name && p->stages[i].args);
		} else
			ck_assert_msg(!strncmp(msgs, "t.yaml:", 7), "refused without a message: round %d", round);
		zeef_pipeline_free(p);
		free(msgs);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("pipeline");
	TCase *tc = tcase_create("core");
	/* thousands of parses under ASan on a busy machine take more than Check's 4 s */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_good_pipeline);
	tcase_add_loop_test(tc, test_bad_pipeline, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_many_errors_all_reported);
	tcase_add_test(tc, test_alias_bomb_refused);
	tcase_add_test(tc, test_deep_nesting_refused);
	tcase_add_test(tc, test_replace);
	tcase_add_test(tc, test_describe_parse);
	tcase_add_test(tc, test_shell_quote);
	tcase_add_test(tc, test_parallel_quote);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_untrusted_files);
	tcase_add_test(tc, test_blank_lines_for_workers);
	tcase_add_test(tc, test_damaged_files_explained);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
