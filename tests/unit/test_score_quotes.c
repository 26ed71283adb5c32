/* Unit tests of `zeef score quotes` (pipelines/zeef/score_quotes.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "../../pipelines/zeef/score.h"

static char dir[] = "/tmp/zeef-score-quotes-XXXXXX";
static char out[8192];

static void write_file(const char *name, const char *content)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	fclose(f);
}

/* Run score_quotes on ARGS (paths relative to dir), capturing stdout. */
static int score(int argc, const char **args)
{
	char *argv[16], paths[16][256];
	argv[0] = "quotes";
	for (int i = 0; i < argc; i++) {
		if (args[i][0] == '-' && args[i][1] == '-')
			argv[i + 1] = (char *)args[i];
		else {
			snprintf(paths[i], sizeof paths[i], "%s/%s", dir, args[i]);
			argv[i + 1] = paths[i];
		}
	}
	fflush(stdout);
	int saved = dup(1);
	FILE *cap = tmpfile();
	ck_assert_ptr_nonnull(cap);
	dup2(fileno(cap), 1);
	int rc = score_quotes(argc + 1, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(cap);
	size_t n = fread(out, 1, sizeof out - 1, cap);
	out[n] = 0;
	fclose(cap);
	return rc;
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file("gold.jsonl",
		"{\"doc\":\"a\",\"start\":1,\"end\":10,\"speaker\":\"Robert van de Roer\",\"cue_pos\":\"after\"}\n"
		"{\"doc\":\"a\",\"start\":20,\"end\":30,\"speaker\":\"Anna Smit\",\"cue_pos\":\"before\"}\n"
		"{\"doc\":\"b\",\"start\":5,\"end\":15,\"speaker\":\"Ben Ali\",\"cue_pos\":\"none\"}\n");
	write_file("pred.jsonl",
		"{\"id\":\"a\",\"text\":\"x\",\"quotes\":["
		"{\"start\":1,\"end\":10,\"speaker\":{\"start\":0,\"end\":1,\"text\":\"hij\",\"name\":\"VAN DE ROER\"}},"
		"{\"start\":20,\"end\":30,\"speaker\":{\"start\":0,\"end\":1,\"text\":\"Smit\",\"name\":null}},"
		"{\"start\":40,\"end\":44,\"speaker\":null}]}\n"
		"{\"id\":\"b\",\"quotes\":[{\"start\":6,\"end\":15,\"speaker\":null},"
		"{\"start\":30,\"end\":40,\"kind\":\"indirect\",\"speaker\":null}]}\n");
	write_file("scare.jsonl", "{\"doc\":\"a\",\"start\":41,\"end\":43,\"text\":\"xy\"}\n");
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir + strlen(dir) - 6, "XXXXXX");
}

START_TEST(spans_speakers_and_scare_quotes)
{
	const char *args[] = { "--json", "--scare", "scare.jsonl", "gold.jsonl", "pred.jsonl" };
	ck_assert_int_eq(score(5, args), 0);
	/* 2 of 4 predictions exact (the indirect one is left out), 2 of 3
	 * gold found; the third overlaps. */
	ck_assert_ptr_nonnull(strstr(out, "\"gold\":3,\"predicted\":4,\"matched\":2"));
	ck_assert_ptr_nonnull(strstr(out, "\"exact\":{\"precision\":0.5000,\"recall\":0.6667,\"f1\":0.5714}"));
	ck_assert_ptr_nonnull(strstr(out, "\"overlap\":{\"precision\":0.7500,\"recall\":1.0000"));
	/* Surname part with its particles, any case; or the mention's text. */
	ck_assert_ptr_nonnull(strstr(out, "\"speaker\":{\"correct\":2,\"accuracy\":1.0000}"));
	ck_assert_ptr_nonnull(strstr(out, "\"none\":{\"gold\":1,\"found\":0,\"recall\":0.0000"));
	ck_assert_ptr_nonnull(strstr(out, "\"scare\":{\"listed\":1,\"reported\":1}"));
}
END_TEST

START_TEST(table_report)
{
	const char *args[] = { "gold.jsonl", "pred.jsonl" };
	ck_assert_int_eq(score(2, args), 0);
	ck_assert_ptr_nonnull(strstr(out, "span exact     P 0.500  R 0.667  F1 0.571"));
	ck_assert_ptr_nonnull(strstr(out, "  after             1      1   1.000  1/1 1.000"));
}
END_TEST

START_TEST(wrong_speaker_is_counted_wrong)
{
	write_file("pred2.jsonl", "{\"id\":\"a\",\"quotes\":["
		"{\"start\":1,\"end\":10,\"speaker\":{\"start\":0,\"end\":1,\"text\":\"Robert\",\"name\":\"Robert\"}}]}\n");
	const char *args[] = { "--json", "gold.jsonl", "pred2.jsonl" };
	ck_assert_int_eq(score(3, args), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"speaker\":{\"correct\":0,"));
}
END_TEST

START_TEST(usage_and_input_errors)
{
	const char *one[] = { "gold.jsonl" };
	ck_assert_int_eq(score(1, one), 64);
	const char *missing[] = { "gold.jsonl", "nothere.jsonl" };
	ck_assert_int_eq(score(2, missing), 66);
	write_file("bad.jsonl", "{\"doc\":\"a\"}\n");
	const char *bad[] = { "bad.jsonl", "pred.jsonl" };
	ck_assert_int_eq(score(2, bad), 65);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("score_quotes");
	TCase *tc = tcase_create("score");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, spans_speakers_and_scare_quotes);
	tcase_add_test(tc, table_report);
	tcase_add_test(tc, wrong_speaker_is_counted_wrong);
	tcase_add_test(tc, usage_and_input_errors);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
