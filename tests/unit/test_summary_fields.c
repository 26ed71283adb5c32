/* Unit tests of summarize's upstream-field readers (filters/summarize/
 * fields.h) and of its ranking model (model.h): entity counts and quoted
 * shares per sentence, every malformed field refused with its name, a
 * quotation over many sentences read in linear time, and the model's
 * fit and file format. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "lang.h"
#include "record.h"
#include "../../filters/summarize/fields.h"
#include "../../filters/summarize/model.h"

/* Three sentences over 30 code points: [0,10) [11,20) [21,30). */
static size_t starts[3] = { 0, 11, 21 }, ends[3] = { 10, 20, 30 };
static struct field_sentences three = { starts, ends, 3, 30 };

/* Parse JSON into R; its text is 31 characters (sentences as in THREE). */
static void parse(struct record *r, const char *fields)
{
	static char line[4096];
	snprintf(line, sizeof line, "{\"id\":\"t\",\"text\":\"%s\"%s%s}",
	         "aaaaaaaaa. bbbbbbbb. ccccccccc.", *fields ? "," : "", fields);
	memset(r, 0, sizeof *r);
	r->file = "<test>";
	r->line = 1;
	ck_assert_int_eq(record_parse(r, line, strlen(line)), 0);
}

START_TEST(entities_counted_per_sentence)
{
	struct record r;
	unsigned per[3];
	parse(&r, "\"entities\":[{\"start\":0,\"end\":3,\"sentence\":0},{\"start\":12,\"end\":15},"
	          "{\"start\":16,\"end\":19},{\"start\":20,\"end\":21}]");
	ck_assert_int_eq(fields_entities(&r, &three, per), 1);
	ck_assert_uint_eq(per[0], 1);
	ck_assert_uint_eq(per[1], 2);
	ck_assert_uint_eq(per[2], 0);   /* [20,21) starts between sentences */
	record_clear(&r);
	parse(&r, "");
	ck_assert_int_eq(fields_entities(&r, &three, per), 0);
	record_clear(&r);
}
END_TEST

START_TEST(quoted_share_per_sentence)
{
	struct record r;
	float share[3];
	/* Half of sentence 0; sentence 1 twice over (overlapping quotes count
	 * once); a quote from inside sentence 1 to the end of sentence 2. */
	parse(&r, "\"quotes\":[{\"start\":5,\"end\":10},{\"start\":11,\"end\":20},"
	          "{\"start\":11,\"end\":18},{\"start\":15,\"end\":30}]");
	ck_assert_int_eq(fields_quotes(&r, &three, share), 1);
	ck_assert_float_eq_tol(share[0], 0.5, 1e-6);
	ck_assert_float_eq_tol(share[1], 1.0, 1e-6);
	ck_assert_float_eq_tol(share[2], 1.0, 1e-6);
	record_clear(&r);
	parse(&r, "\"quotes\":[]");
	ck_assert_int_eq(fields_quotes(&r, &three, share), 1);
	ck_assert_float_eq(share[0], 0);
	record_clear(&r);
}
END_TEST

/* FIELDS is refused: 65, and the message names FIELD. */
static void refused(const char *fields, const char *field, int quotes)
{
	struct record r;
	unsigned per[3];
	float share[3];
	parse(&r, fields);
	int rc = quotes ? fields_quotes(&r, &three, share) : fields_entities(&r, &three, per);
	ck_assert_int_eq(rc, 65);
	ck_assert_ptr_nonnull(r.error);
	ck_assert_msg(strstr(r.error, field) != NULL, "message '%s' does not name %s", r.error, field);
	record_clear(&r);
}

START_TEST(malformed_fields_are_bad_input)
{
	refused("\"entities\":{}", "\"entities\"", 0);
	refused("\"entities\":[3]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":5}]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":-1,\"end\":2}]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":5,\"end\":2}]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":5,\"end\":32}]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":5,\"end\":6},{\"start\":1,\"end\":2}]", "\"entities\"", 0);
	refused("\"entities\":[{\"start\":5,\"end\":6,\"sentence\":3}]", "\"entities\"", 0);
	refused("\"quotes\":\"x\"", "\"quotes\"", 1);
	refused("\"quotes\":[{\"start\":1.5,\"end\":4}]", "\"quotes\"", 1);
	refused("\"quotes\":[{\"start\":0,\"end\":300}]", "\"quotes\"", 1);
	refused("\"quotes\":[{\"start\":12,\"end\":14},{\"start\":2,\"end\":4}]", "\"quotes\"", 1);
}
END_TEST

START_TEST(long_quotes_over_many_sentences)
{
	/* 20,000 sentences and 20,000 quotations that each cover all of them:
	 * every sentence is all quotation. (The reader this replaced visited
	 * every sentence of every quotation: 400 million steps here.) */
	size_t n = 20000;
	struct field_sentences fs = { malloc(n * sizeof(size_t)), malloc(n * sizeof(size_t)), n,
	                              n * 10 };
	for (size_t k = 0; k < n; k++) {
		fs.start[k] = k * 10;
		fs.end[k] = k * 10 + 9;
	}
	char *json = malloc(n * 50 + 64), *p = json;
	p += sprintf(p, "{\"text\":\"");
	memset(p, 'x', n * 10);   /* the quotations must lie within the text */
	p += n * 10;
	p += sprintf(p, "\",\"quotes\":[");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s{\"start\":0,\"end\":%zu}", i ? "," : "", n * 10);
	p += sprintf(p, "]}");
	struct record r = { .file = "<test>", .line = 1 };
	ck_assert_int_eq(record_parse(&r, json, (size_t)(p - json)), 0);
	float *share = malloc(n * sizeof *share);
	ck_assert_int_eq(fields_quotes(&r, &fs, share), 1);
	for (size_t k = 0; k < n; k++)
		ck_assert_float_eq_tol(share[k], 1.0, 1e-6);
	record_clear(&r);
	free(share);
	free(json);
	free(fs.start);
	free(fs.end);
}
END_TEST

START_TEST(model_fit_ranks_the_picked_sentences_first)
{
	/* Two documents of three candidates; the picked one has feature
	 * "centrality" set, the others "quoted". */
	enum { F = SUMMARY_NFEATURES };
	double x[2][3 * F] = {{0}}, y[2][3] = {{1, 0, 0}, {0, 0, 1}};
	x[0][0 * F + SF_CENTRALITY] = 1;
	x[0][1 * F + SF_QUOTED] = 1;
	x[0][2 * F + SF_QUOTED] = 1;
	x[1][2 * F + SF_CENTRALITY] = 1;
	x[1][0 * F + SF_QUOTED] = 1;
	size_t nsent[2] = { 3, 3 };
	const double *xs[2] = { x[0], x[1] }, *ys[2] = { y[0], y[1] };
	struct summary_train_set t = { 2, nsent, xs, ys };
	struct summary_model a, b;
	ck_assert_int_eq(summary_model_fit(&a, &t, 1.0), 0);
	ck_assert(a.w[SF_CENTRALITY] > 0.1);
	ck_assert(a.w[SF_QUOTED] < -0.1);
	ck_assert(fabs(a.w[SF_LENGTH]) < 1e-12);   /* no evidence, no weight */
	ck_assert_int_eq(summary_model_fit(&b, &t, 1.0), 0);
	ck_assert_mem_eq(a.w, b.w, sizeof a.w);   /* deterministic */
	/* Stronger regularisation, smaller weights. */
	ck_assert_int_eq(summary_model_fit(&b, &t, 10.0), 0);
	ck_assert(b.w[SF_CENTRALITY] < a.w[SF_CENTRALITY]);
}
END_TEST

START_TEST(model_file_round_trip)
{
	struct summary_model m = { .short_news = 7, .redundancy = 0.25 };
	for (int f = 0; f < SUMMARY_NFEATURES; f++)
		m.w[f] = f - 3.5;
	char dir[] = "/tmp/zeef-summary-model-XXXXXX", path[64];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/summary-model.txt", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(summary_model_write(&m, f, "a test model\nsecond line"), 0);
	fclose(f);
	ck_assert_int_eq(lang_set_dir(dir), 0);
	struct summary_model back;
	ck_assert_int_eq(summary_model_load(&back, "nl/summary-model.txt"), 0);
	ck_assert_int_eq(back.short_news, 7);
	ck_assert_double_eq_tol(back.redundancy, 0.25, 1e-9);
	for (int k = 0; k < SUMMARY_NFEATURES; k++)
		ck_assert_double_eq_tol(back.w[k], k - 3.5, 1e-6);
	/* An unknown feature, or no first line, is a malformed file (exit 66:
	 * an edited --data copy); a missing one an internal error. */
	char bad[64];
	snprintf(bad, sizeof bad, "%s/bad-model.txt", dir);
	f = fopen(bad, "w");
	fputs("zeef-summary-model 1\nweight loudness 1\n", f);
	fclose(f);
	ck_assert_int_eq(summary_model_load(&back, "nl/bad-model.txt"), 66);
	snprintf(bad, sizeof bad, "%s/headless-model.txt", dir);
	f = fopen(bad, "w");
	fputs("weight quoted 1\n", f);
	fclose(f);
	ck_assert_int_eq(summary_model_load(&back, "nl/headless-model.txt"), 66);
	ck_assert_int_eq(summary_model_load(&back, "nl/no-such-model.txt"), 70);
	remove(path);
	snprintf(bad, sizeof bad, "%s/bad-model.txt", dir);
	remove(bad);
	snprintf(bad, sizeof bad, "%s/headless-model.txt", dir);
	remove(bad);
	rmdir(dir);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("summary_fields");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, entities_counted_per_sentence);
	tcase_add_test(tc, quoted_share_per_sentence);
	tcase_add_test(tc, malformed_fields_are_bad_input);
	tcase_add_test(tc, long_quotes_over_many_sentences);
	tcase_add_test(tc, model_fit_ranks_the_picked_sentences_first);
	tcase_add_test(tc, model_file_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
