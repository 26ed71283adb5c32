/* Unit tests of pipelines/zeef/score_summary.c: ROUGE-1/2 F1 and the
 * `zeef score summary` report over several reference files. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "../../pipelines/zeef/score.h"
#include "../../pipelines/zeef/score_summary.h"

#define NEAR(a, b) ck_assert_msg((a) > (b) - 1e-9 && (a) < (b) + 1e-9, "%f != %f", (a), (b))

START_TEST(rouge_values)
{
	NEAR(score_summary_rouge("De kat zat op de mat.", "de kat zat op de mat", 1), 1.0);
	NEAR(score_summary_rouge("De kat zat op de mat.", "de kat zat op de mat", 2), 1.0);
	NEAR(score_summary_rouge("regen in Zwolle", "zon boven Urk", 1), 0.0);
	/* 2 of 3 words, 1 of 2 bigrams. */
	NEAR(score_summary_rouge("de kat zat", "de kat lag", 1), 2.0 / 3.0);
	NEAR(score_summary_rouge("de kat zat", "de kat lag", 2), 0.5);
	/* Clipped counts: "de" matches once; P = 1/3, R = 1. */
	NEAR(score_summary_rouge("de de de", "de", 1), 0.5);
	/* Case, quote marks and accents: ,,Één'' is "één". */
	NEAR(score_summary_rouge(",,\xC3\x89\xC3\xA9n ronde.''", "\xC3\xA9\xC3\xA9n ronde", 1), 1.0);
	NEAR(score_summary_rouge("", "iets", 1), 0.0);
	NEAR(score_summary_rouge("een", "een", 2), 0.0);   /* no bigram */
}
END_TEST

static char dir[64];

static const char *write_file(const char *name, const char *body)
{
	static char path[8][128];
	static int next;
	char *p = path[next++ % 8];
	snprintf(p, 128, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(body, f);
	fclose(f);
	return p;
}

/* Run score_summary on ARGV with stdout captured into OUT. */
static int run_score(char **argv, int argc, char *out, size_t cap)
{
	char path[128];
	snprintf(path, sizeof path, "%s/stdout", dir);
	fflush(stdout);
	int saved = dup(1), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	close(fd);
	int rc = score_summary(argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	FILE *f = fopen(path, "r");
	size_t n = fread(out, 1, cap - 1, f);
	out[n] = '\0';
	fclose(f);
	return rc;
}

static void setup(void)
{
	strcpy(dir, "/tmp/zeef-score-summary-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(report_over_two_references)
{
	const char *a = write_file("a.jsonl",
		"{\"doc\":\"n1\",\"source\":\"krant\",\"pick_text\":[\"De kat zat op de mat.\"]}\n"
		"{\"doc\":\"n2.txt\",\"source\":\"web\",\"pick_text\":[\"Regen in Zwolle.\",\"Zon in Urk.\"]}\n"
		"{\"doc\":\"n3\",\"source\":\"web\",\"pick_text\":[\"Storm op zee.\"]}\n");
	const char *b = write_file("b.jsonl",
		"{\"doc\":\"n1\",\"source\":\"krant\",\"pick_text\":[\"De hond lag op de mat.\"]}\n");
	const char *p = write_file("p.jsonl",
		"{\"id\":\"n1\",\"text\":\"x\",\"summary\":{\"sentences\":[0],\"text\":\"De kat zat op de mat.\"}}\n"
		"{\"id\":\"n2\",\"text\":\"x\",\"summary\":{\"sentences\":[0,1],\"text\":\"Regen in Zwolle. Zon in Urk.\"}}\n");
	char *argv[] = { "summary", "--json", (char *)a, (char *)b, (char *)p, NULL };
	char out[2048];
	ck_assert_int_eq(run_score(argv, 5, out, sizeof out), 0);
	/* n1: R1 (1 + 4/6) / 2; n2: 1 (matched without ".txt"); n3 missing: 0. */
	double n1 = (1.0 + 4.0 / 6.0) / 2;
	char want[256];
	snprintf(want, sizeof want, "{\"documents\":3,\"references\":2,\"missing\":1,\"rouge1_f1\":%.4f,",
	         (n1 + 1.0 + 0.0) / 3);
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "got %s, want %s", out, want);
	ck_assert_ptr_nonnull(strstr(out, "\"web\":{\"documents\":2,\"missing\":1,\"rouge1_f1\":0.5000"));
	/* The table names every source. */
	char *argv2[] = { "summary", (char *)a, (char *)p, NULL };
	ck_assert_int_eq(run_score(argv2, 3, out, sizeof out), 0);
	ck_assert_ptr_nonnull(strstr(out, "krant"));
	ck_assert_ptr_nonnull(strstr(out, "web"));
	ck_assert_ptr_nonnull(strstr(out, "ROUGE-2 F1"));
}
END_TEST

START_TEST(errors)
{
	char out[512];
	const char *good = write_file("g.jsonl", "{\"doc\":\"n1\",\"pick_text\":[\"Iets.\"]}\n");
	const char *bad = write_file("bad.jsonl", "{\"doc\":\"n1\"}\n");
	const char *nosum = write_file("ns.jsonl", "{\"id\":\"n1\",\"text\":\"Iets.\"}\n");
	char *one[] = { "summary", (char *)good, NULL };
	ck_assert_int_eq(run_score(one, 2, out, sizeof out), 64);
	char *opt[] = { "summary", "--bogus", (char *)good, (char *)good, NULL };
	ck_assert_int_eq(run_score(opt, 4, out, sizeof out), 64);
	char *missing[] = { "summary", "/nonexistent/gold.jsonl", (char *)good, NULL };
	ck_assert_int_eq(run_score(missing, 3, out, sizeof out), 66);
	char *badgold[] = { "summary", (char *)bad, (char *)nosum, NULL };
	ck_assert_int_eq(run_score(badgold, 3, out, sizeof out), 65);
	char *badpred[] = { "summary", (char *)good, (char *)nosum, NULL };
	ck_assert_int_eq(run_score(badpred, 3, out, sizeof out), 65);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("score_summary");
	TCase *tc = tcase_create("rouge");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, rouge_values);
	tcase_add_test(tc, report_over_two_references);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
