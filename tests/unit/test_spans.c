/* Unit tests for common/spans.c: span fields read as text, checked. */
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "spans.h"

static struct field_span *spans;
static size_t cap;

static long read_field(struct record *r, const char *json, const char *field)
{
	memset(r, 0, sizeof *r);
	ck_assert_int_eq(record_parse(r, json, strlen(json)), 0);
	return spans_from_record(r, field, "entity", "tag-entities", &spans, &cap);
}

START_TEST(entities_in_bytes_and_code_points)
{
	struct record r;
	/* "é" is two bytes: code points 3..5 are bytes 4..6. */
	long n = read_field(&r, "{\"text\":\"Één Jan X\",\"entities\":["
	                    "{\"start\":4,\"end\":7,\"text\":\"Jan\",\"type\":\"PER\",\"sentence\":0},"
	                    "{\"type\":\"LOC\",\"end\":9,\"start\":8}]}", "entities");
	ck_assert_int_eq(n, 2);
	ck_assert_uint_eq(spans[0].start_byte, 6);
	ck_assert_uint_eq(spans[0].end_byte, 9);
	ck_assert(span_type_is(&spans[0], "PER"));
	ck_assert_int_eq(spans[0].sentence, 0);
	ck_assert(span_type_is(&spans[1], "LOC"));
	ck_assert_int_eq(spans[1].sentence, -1);
	ck_assert_uint_eq(spans[1].end_byte, 11);
	record_clear(&r);
	/* Absent or null: none. */
	ck_assert_int_eq(read_field(&r, "{\"text\":\"a\"}", "entities"), 0);
	record_clear(&r);
	ck_assert_int_eq(read_field(&r, "{\"text\":\"a\",\"entities\":null}", "entities"), 0);
	record_clear(&r);
}
END_TEST

START_TEST(nested_spans_end_out_of_order)
{
	struct record r;
	/* Ends that go back: [0,9) holds [2,5) holds [3,4). */
	long n = read_field(&r, "{\"text\":\"ééééééééé\",\"quotes\":[{\"start\":0,\"end\":9},"
	                    "{\"start\":2,\"end\":5},{\"start\":3,\"end\":4},{\"start\":8,\"end\":9}]}",
	                    "quotes");
	ck_assert_int_eq(n, 4);
	ck_assert_uint_eq(spans[0].end_byte, 18);
	ck_assert_uint_eq(spans[1].start_byte, 4);
	ck_assert_uint_eq(spans[1].end_byte, 10);
	ck_assert_uint_eq(spans[2].end_byte, 8);
	ck_assert_uint_eq(spans[3].start_byte, 16);
	record_clear(&r);
}
END_TEST

START_TEST(malformed_fields_are_bad_input)
{
	struct record r;
	const char *bad[] = {
		"{\"text\":\"abc\",\"entities\":{}}",                          /* not an array */
		"{\"text\":\"abc\",\"entities\":[1]}",                         /* not an object */
		"{\"text\":\"abc\",\"entities\":[{\"start\":0}]}",             /* no end */
		"{\"text\":\"abc\",\"entities\":[{\"start\":2,\"end\":1}]}",   /* end before start */
		"{\"text\":\"abc\",\"entities\":[{\"start\":0,\"end\":4}]}",   /* past the text */
		"{\"text\":\"abc\",\"entities\":[{\"start\":-1,\"end\":1}]}",
		"{\"text\":\"abc\",\"entities\":[{\"start\":0.5,\"end\":1}]}",
		"{\"text\":\"abc\",\"entities\":[{\"start\":0,\"end\":18446744073709551616}]}",
		"{\"text\":\"abc\",\"entities\":[{\"start\":2,\"end\":3},{\"start\":1,\"end\":2}]}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(read_field(&r, bad[i], "entities"), -1);
		ck_assert_ptr_nonnull(r.error);
		ck_assert_ptr_nonnull(strstr(r.error, i == 0 ? "run tag-entities" : "entity "));
		record_clear(&r);
	}
}
END_TEST

START_TEST(members_read_in_one_pass)
{
	struct record r;
	/* White space, nested values holding brackets and escaped quotes, a
	 * member given twice (the last counts), a fraction where the sentence
	 * goes: each span read where it lies. */
	long n = read_field(&r, "{\"text\":\"ab é cd\",\"quotes\": [ {\"start\" : 0 , "
	                    "\"speaker\":{\"text\":\"}]\\\"{\",\"cue\":[1,{\"a\":\"]\"}]},\"end\":1,"
	                    "\"end\":2, \"sentence\":1.5 } ,\n{\"type\":\"x\\\"y\",\"start\":3,"
	                    "\"end\":6,\"sentence\":-1e2}]}", "quotes");
	ck_assert_int_eq(n, 2);
	ck_assert_uint_eq(spans[0].end, 2);
	ck_assert_uint_eq(spans[0].end_byte, 2);
	ck_assert_int_eq(spans[0].sentence, -1);
	ck_assert_uint_eq(spans[1].start_byte, 3);
	ck_assert_uint_eq(spans[1].end_byte, 7);
	ck_assert_uint_eq(spans[1].type_len, 4);   /* x\"y as written */
	ck_assert_int_eq(spans[1].sentence, -1);
	record_clear(&r);
	/* After an end that went back, a later end past the text is still
	 * caught; a span that both goes back and runs past the text is
	 * reported as past the text. */
	ck_assert_int_eq(read_field(&r, "{\"text\":\"abcd\",\"entities\":[{\"start\":0,\"end\":3},"
	                            "{\"start\":1,\"end\":2},{\"start\":2,\"end\":5}]}", "entities"), -1);
	ck_assert_ptr_nonnull(strstr(r.error, "entity 2: needs integer"));
	record_clear(&r);
	ck_assert_int_eq(read_field(&r, "{\"text\":\"abcd\",\"entities\":[{\"start\":2,\"end\":3},"
	                            "{\"start\":1,\"end\":9}]}", "entities"), -1);
	ck_assert_ptr_nonnull(strstr(r.error, "entity 1: needs integer"));
	record_clear(&r);
}
END_TEST

START_TEST(offsets_over_mixed_widths)
{
	/* Characters of 1 to 4 bytes in every mix, spans of every length in
	 * text order (some nested): each offset as a byte against a count made
	 * one character at a time. */
	static const char *chars[] = {"a", "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80"};
	char text[2048], json[16384];
	size_t at[600], n = 0, len = 0;
	unsigned seed = 12345;
	for (; n < 500; n++) {
		seed = seed * 1103515245u + 12345u;
		const char *c = chars[(seed >> 16) % ((seed >> 8) % 3 ? 2 : 4)];
		at[n] = len;
		memcpy(text + len, c, strlen(c));
		len += strlen(c);
	}
	at[n] = len;
	text[len] = 0;
	int k = snprintf(json, sizeof json, "{\"text\":\"%s\",\"entities\":[", text);
	size_t starts[100], ends[100];
	for (size_t i = 0; i < 100; i++) {
		seed = seed * 1103515245u + 12345u;
		starts[i] = i * 5;
		ends[i] = starts[i] + (seed >> 16) % 40;
		if (ends[i] > n)
			ends[i] = n;
		k += snprintf(json + k, sizeof json - (size_t)k, "%s{\"start\":%zu,\"end\":%zu}",
		              i ? "," : "", starts[i], ends[i]);
	}
	snprintf(json + k, sizeof json - (size_t)k, "]}");
	struct record r;
	ck_assert_int_eq(read_field(&r, json, "entities"), 100);
	for (size_t i = 0; i < 100; i++) {
		ck_assert_uint_eq(spans[i].start_byte, at[starts[i]]);
		ck_assert_uint_eq(spans[i].end_byte, at[ends[i]]);
	}
	record_clear(&r);
}
END_TEST

START_TEST(code_points_only_same_checks)
{
	/* spans_from_record_cp (no walk over the text) gives the code points
	 * and refuses what spans_from_record refuses, with the same message,
	 * given the text's length in code points. */
	const char *cases[] = {
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":[{\"start\":1,\"end\":3,\"sentence\":2}]}",
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":{}}",
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":[{\"start\":0,\"end\":4}]}",
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":[{\"start\":0,\"end\":9223372036854775808}]}",
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":[{\"start\":2,\"end\":3},{\"start\":1,\"end\":2}]}",
		"{\"text\":\"\xc3\xa9\xc3\xa9n\",\"entities\":[{\"start\":0,\"end\":1},{\"start\":1,\"end\":5}]}",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct record r;
		long n = read_field(&r, cases[i], "entities");
		char *error = r.error ? strdup(r.error) : NULL;
		size_t start = n > 0 ? spans[0].start : 0, end = n > 0 ? spans[0].end : 0;
		record_clear(&r);
		memset(&r, 0, sizeof r);
		ck_assert_int_eq(record_parse(&r, cases[i], strlen(cases[i])), 0);
		ck_assert_int_eq(spans_from_record_cp(&r, "entities", "entity", "tag-entities", &spans,
		                                      &cap, 3), n);
		if (error)
			ck_assert_str_eq(r.error, error);
		else
			ck_assert_ptr_null(r.error);
		if (n > 0) {
			ck_assert_uint_eq(spans[0].start, start);
			ck_assert_uint_eq(spans[0].end, end);
			ck_assert_int_eq(spans[0].sentence, 2);
		}
		free(error);
		record_clear(&r);
	}
}
END_TEST

START_TEST(compact_spans_as_written_and_otherwise)
{
	/* As Zeef writes them (read without key look-ups), and near misses
	 * that the general reader takes: a member twice (the last counts), a
	 * member after "sentence", an escaped quote in "text", a negative
	 * "sentence", a fraction. */
	struct record r;
	long n = read_field(&r, "{\"text\":\"abcdefgh\",\"entities\":["
	                    "{\"start\":0,\"end\":2,\"text\":\"a\\\"}\",\"type\":\"PER\",\"sentence\":1},"
	                    "{\"start\":1,\"end\":2,\"end\":3},"
	                    "{\"start\":2,\"end\":4,\"type\":\"LOC\",\"sentence\":0,\"type\":\"ORG\"},"
	                    "{\"start\":3,\"end\":5,\"sentence\":-2},"
	                    "{\"start\":4,\"end\":6,\"text\":\"ef\",\"sentence\":2.0},"
	                    "{\"start\":5,\"end\":8,\"text\":\"fgh\",\"sentence\":12345678901234567890}]}",
	                    "entities");
	ck_assert_int_eq(n, 6);
	ck_assert_uint_eq(spans[0].end, 2);
	ck_assert(span_type_is(&spans[0], "PER"));
	ck_assert_int_eq(spans[0].sentence, 1);
	ck_assert_uint_eq(spans[1].end, 3);
	ck_assert_uint_eq(spans[1].end_byte, 3);
	ck_assert(span_type_is(&spans[2], "ORG"));
	ck_assert_int_eq(spans[2].sentence, 0);
	ck_assert_int_eq(spans[3].sentence, -1);
	ck_assert_int_eq(spans[4].sentence, -1);
	ck_assert_int_eq(spans[5].sentence, -1);
	ck_assert_uint_eq(spans[5].end_byte, 8);
	record_clear(&r);
	/* compact but end before start: still refused */
	ck_assert_int_eq(read_field(&r, "{\"text\":\"abc\",\"entities\":[{\"start\":2,\"end\":1,"
	                            "\"text\":\"\",\"type\":\"PER\",\"sentence\":0}]}", "entities"), -1);
	ck_assert_ptr_nonnull(strstr(r.error, "entity 0: needs integer"));
	record_clear(&r);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("spans");
	TCase *tc = tcase_create("spans");
	tcase_add_test(tc, entities_in_bytes_and_code_points);
	tcase_add_test(tc, nested_spans_end_out_of_order);
	tcase_add_test(tc, malformed_fields_are_bad_input);
	tcase_add_test(tc, members_read_in_one_pass);
	tcase_add_test(tc, offsets_over_mixed_widths);
	tcase_add_test(tc, code_points_only_same_checks);
	tcase_add_test(tc, compact_spans_as_written_and_otherwise);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
