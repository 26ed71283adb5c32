/* Unit tests for pipelines/zeef/score_sentences.c (`zeef score sentences`):
 * the figures a user reads off the report, from small files written here. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "record.h"
#include "../../pipelines/zeef/score.h"

static char dir[] = "/tmp/zeef-score-XXXXXX";

static const char *write_file(const char *name, const char *content)
{
	static char path[8][256];
	static int k;
	char *p = path[k++ % 8];
	snprintf(p, 256, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	fclose(f);
	return p;
}

static char last_out[4096];   /* what the last run() printed */

/* Run score_sentences with ARGS, stdout captured (in last_out); returns the
 * exit code and the parsed --json report in *report (NULL if none). */
static int run(zjson **report, const char *gold, const char *pred, int json)
{
	char out[300];
	snprintf(out, sizeof out, "%s/out", dir);
	fflush(stdout);
	int saved = dup(1);
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	dup2(fd, 1);
	close(fd);
	char *argv[] = { "sentences", json ? "--json" : "--", (char *)gold, (char *)pred, NULL };
	int rc = score_sentences(4, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	*report = NULL;
	FILE *in = fopen(out, "r");
	char buf[4096] = "";
	size_t n = fread(buf, 1, sizeof buf - 1, in);
	fclose(in);
	buf[n] = 0;
	memcpy(last_out, buf, n + 1);
	if (json && rc == 0)
		*report = zj_parse(buf, n);
	return rc;
}

static double num(zjson *r, const char *group, const char *key)
{
	zjson *g = group ? zj_get(r, group) : r;
	ck_assert_ptr_nonnull(zj_get(g, key));
	return zj_num(zj_get(g, key));
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir, "/tmp/zeef-score-XXXXXX");
}

/* "Eén. Twee. Drie." — three sentences, code points (é is one). */
#define GOLD "{\"id\":\"a\",\"text\":\"Eén. Twee. Drie.\",\"sentences\":[" \
	"{\"start\":0,\"end\":4},{\"start\":5,\"end\":10},{\"start\":11,\"end\":16}]}\n"

START_TEST(perfect)
{
	zjson *r;
	const char *g = write_file("gold", GOLD);
	ck_assert_int_eq(run(&r, g, g, 1), 0);
	ck_assert_double_eq(num(r, "sentences", "f1"), 1.0);
	ck_assert_double_eq(num(r, "boundaries", "f1"), 1.0);
	ck_assert_double_eq(num(r, "boundaries", "gold"), 2);   /* the text end is no boundary */
	ck_assert_double_eq(num(r, NULL, "exact_documents"), 1);
	zj_free(r);
}
END_TEST

START_TEST(white_space_insensitive)
{
	zjson *r;
	const char *g = write_file("gold", GOLD);
	/* the same sentences in a text with other white space */
	const char *p = write_file("pred",
		"{\"id\":\"a\",\"text\":\"Eén.\\n\\nTwee.   Drie.\",\"sentences\":["
		"{\"start\":0,\"end\":4},{\"start\":6,\"end\":11},{\"start\":14,\"end\":19}]}\n");
	ck_assert_int_eq(run(&r, g, p, 1), 0);
	ck_assert_double_eq(num(r, "sentences", "f1"), 1.0);
	zj_free(r);
}
END_TEST

START_TEST(merged_sentences)
{
	zjson *r;
	const char *g = write_file("gold", GOLD);
	const char *p = write_file("pred",
		"{\"id\":\"a\",\"text\":\"Eén. Twee. Drie.\",\"sentences\":["
		"{\"start\":0,\"end\":10},{\"start\":11,\"end\":16}]}\n");
	ck_assert_int_eq(run(&r, g, p, 1), 0);
	ck_assert_double_eq(num(r, "sentences", "correct"), 1);
	ck_assert_double_eq_tol(num(r, "sentences", "precision"), 0.5, 1e-4);
	ck_assert_double_eq_tol(num(r, "sentences", "recall"), 1.0 / 3, 1e-4);
	ck_assert_double_eq_tol(num(r, "sentences", "f1"), 0.4, 1e-4);
	ck_assert_double_eq(num(r, "boundaries", "precision"), 1.0);
	ck_assert_double_eq_tol(num(r, "boundaries", "recall"), 0.5, 1e-4);
	ck_assert_double_eq(num(r, NULL, "exact_documents"), 0);
	zj_free(r);
}
END_TEST

START_TEST(documents_matched_by_id)
{
	zjson *r;
	const char *g = write_file("gold", GOLD
		"{\"id\":\"b\",\"text\":\"Vier.\",\"sentences\":[{\"start\":0,\"end\":5}]}\n");
	/* b comes first and a is missing: a's three sentences are missed */
	const char *p = write_file("pred",
		"{\"id\":\"b\",\"text\":\"Vier.\",\"sentences\":[{\"start\":0,\"end\":5}]}\n"
		"{\"id\":\"c\",\"text\":\"Vijf.\",\"sentences\":[{\"start\":0,\"end\":5}]}\n");
	ck_assert_int_eq(run(&r, g, p, 1), 0);
	ck_assert_double_eq(num(r, "sentences", "gold"), 4);
	ck_assert_double_eq(num(r, "sentences", "correct"), 1);
	ck_assert_double_eq(num(r, NULL, "missing"), 1);
	ck_assert_double_eq(num(r, NULL, "unmatched"), 1);
	ck_assert_double_eq(num(r, NULL, "exact_documents"), 1);
	zj_free(r);
}
END_TEST

START_TEST(errors)
{
	zjson *r;
	const char *g = write_file("gold", GOLD);
	const char *bad = write_file("bad", "{\"id\":\"a\",\"text\":\"Eén.\"}\n");
	ck_assert_int_eq(run(&r, g, bad, 1), 65);
	bad = write_file("bad2", "{\"id\":\"a\",\"text\":\"Eén.\",\"sentences\":[{\"start\":0,\"end\":9}]}\n");
	ck_assert_int_eq(run(&r, g, bad, 1), 65);
	ck_assert_int_eq(run(&r, g, "/nonexistent/pred.jsonl", 1), 66);
	char *argv[] = { "sentences", (char *)g, NULL };
	ck_assert_int_eq(score_sentences(2, argv), 64);
	/* the table form: a row per measure, counts then P, R and F1 */
	ck_assert_int_eq(run(&r, g, g, 0), 0);
	ck_assert_msg(strstr(last_out, "\nsentences           3        3        3    1.0000    1.0000    1.0000\n"),
	              "table: %s", last_out);
	ck_assert_msg(strstr(last_out, "\nboundaries          2        2        2    1.0000"), "table: %s", last_out);
	ck_assert_msg(strstr(last_out, "exact documents: 1 of 1 (1.0000)"), "table: %s", last_out);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("score_sentences");
	TCase *tc = tcase_create("score");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, perfect);
	tcase_add_test(tc, white_space_insensitive);
	tcase_add_test(tc, merged_sentences);
	tcase_add_test(tc, documents_matched_by_id);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
