/* Unit tests for common/record.c: parsing, key order, values kept. */
#include <string.h>
#include "check_main.h"
#include "record.h"

static const char *roundtrip(struct record *r, const char *json)
{
	memset(r, 0, sizeof *r);
	ck_assert_int_eq(record_parse(r, json, strlen(json)), 0);
	return zj_serialize(r->obj, NULL);
}

START_TEST(unknown_fields_keep_value_and_order)
{
	struct record r;
	const char *in = "{\"z\":1,\"text\":\"a / b\",\"n\":[2.50,1e400,-7,"
	                 "123456789012345678901234567890,-98765432109876543210,"
	                 "9223372036854775807],\"s\":\"\\u00e9\\ud83d\\ude00\"}";
	ck_assert_str_eq(roundtrip(&r, in),
	                 "{\"z\":1,\"text\":\"a / b\",\"n\":[2.50,1e400,-7,"
	                 "123456789012345678901234567890,-98765432109876543210,"
	                 "9223372036854775807],\"s\":\"\xc3\xa9\xf0\x9f\x98\x80\"}");
	record_clear(&r);
}
END_TEST

START_TEST(set_replaces_in_place_or_appends)
{
	struct record r;
	roundtrip(&r, "{\"id\":\"x\",\"sentences\":[],\"text\":\"t\"}");
	record_set(&r, "sentences", zj_array());
	zj_push(record_get(&r, "sentences"), zj_span(0, 1, "t", 1));
	record_set(&r, "summary", zj_object());
	record_set_text(&r, "u", 1);
	ck_assert_str_eq(zj_serialize(r.obj, NULL),
	                 "{\"id\":\"x\",\"sentences\":[{\"start\":0,\"end\":1,\"text\":\"t\"}],"
	                 "\"text\":\"u\",\"summary\":{}}");
	ck_assert_str_eq(record_id(&r), "x");
	record_clear(&r);
}
END_TEST

START_TEST(bad_lines_are_described)
{
	struct record r = {0};
	ck_assert_int_eq(record_parse(&r, "[1]", 3), 65);
	ck_assert_str_eq(r.error, "not a JSON object");
	record_clear(&r);
	ck_assert_int_eq(record_parse(&r, "{\"a\":", 5), 65);
	ck_assert_ptr_nonnull(strstr(r.error, "not JSON"));
	record_clear(&r);
	ck_assert_int_eq(record_parse(&r, "{} {}", 5), 65);
	ck_assert_ptr_nonnull(strstr(r.error, "not JSON"));
	record_clear(&r);
	/* Nesting past the limit is an error, not a crash. */
	char deep[20001];
	memset(deep, '[', 10000);
	memset(deep + 10000, ']', 10000);
	deep[20000] = 0;
	char line[20100];
	snprintf(line, sizeof line, "{\"a\":%s}", deep);
	ck_assert_int_eq(record_parse(&r, line, strlen(line)), 65);
	record_clear(&r);
}
END_TEST

START_TEST(values_read_back)
{
	struct record r;
	roundtrip(&r, "{\"text\":\"caf\\u00e9\",\"n\":7,\"d\":1.5,\"a\":[1,\"x\"],\"o\":{\"k\":true}}");
	size_t len;
	ck_assert_str_eq(record_text(&r, &len), "caf\xc3\xa9");
	ck_assert_uint_eq(len, 5);
	int ok;
	ck_assert_int_eq(zj_intval(record_get(&r, "n"), &ok), 7);
	ck_assert(ok);
	zj_intval(record_get(&r, "d"), &ok);
	ck_assert(!ok);
	ck_assert(zj_num(record_get(&r, "d")) == 1.5);
	ck_assert_uint_eq(zj_len(record_get(&r, "a")), 2);
	ck_assert_str_eq(zj_str(zj_at(record_get(&r, "a"), 1), NULL), "x");
	ck_assert_int_eq(zj_type(zj_get(record_get(&r, "o"), "k")), ZJ_BOOL);
	ck_assert_ptr_null(record_get(&r, "missing"));
	ck_assert_ptr_null(record_id(&r));
	record_clear(&r);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");
	tcase_add_test(tc, unknown_fields_keep_value_and_order);
	tcase_add_test(tc, set_replaces_in_place_or_appends);
	tcase_add_test(tc, bad_lines_are_described);
	tcase_add_test(tc, values_read_back);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
