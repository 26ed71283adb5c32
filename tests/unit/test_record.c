/* Unit tests for common/record.c: parsing, key order, fields passed through
 * byte for byte, duplicate keys, values read back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "json_scan.h"
#include "record.h"

static char written[1 << 16];

/* R as record_write writes it, without the line end. */
static const char *write_out(struct record *r)
{
	FILE *f = fmemopen(written, sizeof written, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(record_write(r, f), 0);
	long n = ftell(f);
	fclose(f);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(written[n - 1], '\n');
	written[n - 1] = '\0';
	return written;
}

static const char *roundtrip(struct record *r, const char *json)
{
	memset(r, 0, sizeof *r);
	ck_assert_int_eq(record_parse(r, json, strlen(json)), 0);
	return write_out(r);
}

START_TEST(unknown_fields_keep_their_bytes)
{
	struct record r;
	/* Numbers past 64 bits, fractions as written, escapes as written,
	 * white space inside a value: the fields come out as they came in. */
	const char *in = "{\"z\":1,\"text\":\"a / b\",\"n\":[2.50,1e400,-7,"
	                 "123456789012345678901234567890,-98765432109876543210,"
	                 "9223372036854775807, -0],\"s\":\"\\u00e9\\ud83d\\ude00\\/\","
	                 "\"o\":{ \"k\" : [ 1 , 2 ] }}";
	ck_assert_str_eq(roundtrip(&r, in), in);
	record_clear(&r);
	/* Framing white space between members goes; the members stay. */
	ck_assert_str_eq(roundtrip(&r, " { \"a\" : 1 ,\t\"b\":\"x\" } "), "{\"a\":1,\"b\":\"x\"}");
	record_clear(&r);
}
END_TEST

START_TEST(duplicate_keys_pass_through_and_do_not_shift_values)
{
	struct record r;
	/* The two records of the report that lost digits and moved values. */
	const char *a = "{\"a\":\"x\",\"b\":18446744073709551616,\"a\":1,\"text\":\"t\"}";
	ck_assert_str_eq(roundtrip(&r, a), a);
	record_set(&r, "sentences", zj_array());
	ck_assert_str_eq(write_out(&r),
	                 "{\"a\":\"x\",\"b\":18446744073709551616,\"a\":1,\"text\":\"t\",\"sentences\":[]}");
	/* A reader takes the last occurrence. */
	int ok;
	ck_assert_int_eq(zj_intval(record_get(&r, "a"), &ok), 1);
	ck_assert(ok);
	record_clear(&r);

	const char *b = "{\"text\":\"t\",\"a\":1,\"a\":\"s\",\"b\":[2,18446744073709551616]}";
	ck_assert_str_eq(roundtrip(&r, b), b);
	ck_assert_str_eq(zj_str(record_get(&r, "a"), NULL), "s");
	record_clear(&r);

	/* A field the filter writes is written once, where it first stood. */
	roundtrip(&r, "{\"text\":\"t\",\"sentences\":1,\"x\":2,\"sentences\":3}");
	record_set(&r, "sentences", zj_array());
	ck_assert_str_eq(write_out(&r), "{\"text\":\"t\",\"sentences\":[],\"x\":2}");
	record_clear(&r);

	/* Keys written with escapes are the same keys. */
	roundtrip(&r, "{\"t\\u0065xt\":\"a\",\"id\":\"1\"}");
	ck_assert_str_eq(record_text(&r, NULL), "a");
	record_set_text(&r, "b", 1);
	ck_assert_str_eq(write_out(&r), "{\"t\\u0065xt\":\"b\",\"id\":\"1\"}");
	record_clear(&r);
}
END_TEST

START_TEST(set_replaces_in_place_or_appends)
{
	struct record r;
	roundtrip(&r, "{\"id\":\"x\",\"sentences\":[],\"text\":\"t\"}");
	zjson *list = zj_array();
	zj_push(list, zj_span(0, 1, "t", 1));
	record_set(&r, "sentences", list);
	record_set(&r, "summary", zj_object());
	record_set_text(&r, "u", 1);
	ck_assert_str_eq(write_out(&r),
	                 "{\"id\":\"x\",\"sentences\":[{\"start\":0,\"end\":1,\"text\":\"t\"}],"
	                 "\"text\":\"u\",\"summary\":{}}");
	ck_assert_str_eq(record_id(&r), "x");
	ck_assert_str_eq(record_text(&r, NULL), "u");
	record_clear(&r);
}
END_TEST

START_TEST(member_set_keeps_the_other_members)
{
	struct record r;
	roundtrip(&r, "{\"text\":\"t\",\"meta\":{\"n\":18446744073709551616, \"date\":1,\"k\":\"\\u00e9\",\"date\":2}}");
	ck_assert_int_eq(record_set_member(&r, "meta", "date", zj_cstring("2024-05")), 0);
	ck_assert_str_eq(write_out(&r),
	                 "{\"text\":\"t\",\"meta\":{\"n\":18446744073709551616,\"date\":\"2024-05\","
	                 "\"k\":\"\\u00e9\"}}");
	record_clear(&r);

	roundtrip(&r, "{\"text\":\"t\"}");
	ck_assert_int_eq(record_set_member(&r, "meta", "date", zj_cstring("2024")), 0);
	ck_assert_str_eq(write_out(&r), "{\"text\":\"t\",\"meta\":{\"date\":\"2024\"}}");
	record_clear(&r);

	roundtrip(&r, "{\"text\":\"t\",\"meta\":[1]}");
	ck_assert_int_eq(record_set_member(&r, "meta", "date", zj_cstring("2024")), -1);
	ck_assert_str_eq(write_out(&r), "{\"text\":\"t\",\"meta\":[1]}");
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
	ck_assert_str_eq(r.error, "not JSON: unexpected end of line");
	record_clear(&r);
	ck_assert_int_eq(record_parse(&r, "{} {}", 5), 65);
	ck_assert_str_eq(r.error, "not JSON: unexpected text after the value at byte 4");
	record_clear(&r);
	/* What json-c let through: raw control characters, NaN, leading
	 * zeros, single quotes. */
	const char *bad[] = {"{\"a\":\"x\ty\"}", "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":01}",
	                     "{'a':1}", "{\"a\":1,}", "{\"a\":\"\\x\"}", "{\"a\":tru}", "{\"a\":1.}"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(record_parse(&r, bad[i], strlen(bad[i])), 65);
		ck_assert_ptr_nonnull(strstr(r.error, "not JSON"));
		record_clear(&r);
	}
	/* Nesting past the limit is an error, not a crash. */
	char deep[20001];
	memset(deep, '[', 10000);
	memset(deep + 10000, ']', 10000);
	deep[20000] = 0;
	char line[20100];
	snprintf(line, sizeof line, "{\"a\":%s}", deep);
	ck_assert_int_eq(record_parse(&r, line, strlen(line)), 65);
	ck_assert_ptr_nonnull(strstr(r.error, "nesting too deep"));
	record_clear(&r);
}
END_TEST

START_TEST(values_read_back)
{
	struct record r;
	roundtrip(&r, "{\"text\":\"caf\\u00e9\\ud800!\",\"n\":7,\"d\":1.5,\"a\":[1,\"x\"],\"o\":{\"k\":true}}");
	size_t len;
	/* A lone surrogate escape reads as U+FFFD. */
	ck_assert_str_eq(record_text(&r, &len), "caf\xc3\xa9\xef\xbf\xbd!");
	ck_assert_uint_eq(len, 9);
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
	struct zj_view v;
	ck_assert(record_view(&r, "a", &v));
	ck_assert_uint_eq(v.len, 7);
	ck_assert(!record_view(&r, "missing", &v));
	record_clear(&r);
}
END_TEST

START_TEST(views_walk_without_parsing)
{
	const char *s = "{\"x\":[{\"start\":1,\"end\":-2,\"t\":\"a\\\"]}\"},{\"start\":9223372036854775807}],"
	                "\"y\":18446744073709551616}";
	struct zj_view obj = {s, strlen(s)}, arr, e, k, v;
	struct json_iter it;
	int64_t n;
	ck_assert(json_member(obj, "x", &arr));
	json_iter_init(&it, arr);
	ck_assert(json_next_element(&it, &e));
	ck_assert(json_member(e, "end", &v));
	ck_assert(json_int(v, &n));
	ck_assert_int_eq(n, -2);
	ck_assert(json_member(e, "t", &v));
	ck_assert_uint_eq(v.len, 7);
	ck_assert(json_next_element(&it, &e));
	ck_assert(json_member(e, "start", &v));
	ck_assert(json_int(v, &n));
	ck_assert_int_eq(n, INT64_MAX);
	ck_assert(!json_next_element(&it, &e));
	ck_assert(json_member(obj, "y", &v));
	ck_assert(!json_int(v, &n));   /* past 64 bits */
	json_iter_init(&it, obj);
	ck_assert(json_next_member(&it, &k, &v));
	ck_assert(json_next_member(&it, &k, &v));
	ck_assert_uint_eq(k.len, 1);
	ck_assert_int_eq(k.json[0], 'y');
	ck_assert(!json_next_member(&it, &k, &v));
}
END_TEST

/* Strings are tested and copied sixteen and eight bytes at a time: a byte
 * to escape at every place of strings of every length is written as one
 * byte at a time would write it, and a raw control character there makes
 * the line bad at that byte. */
START_TEST(strings_at_every_block_edge)
{
	static const char stops[] = {'"', '\\', '\n', 0x01, 'x'};   /* 'x': none */
	static const char *const escaped[] = {"\\\"", "\\\\", "\\n", "\\u0001", "x"};
	char s[48], want[128], line[128];
	struct zj_text t = {0};
	for (size_t k = 0; k < sizeof stops; k++)
		for (size_t len = 1; len <= 40; len++)
			for (size_t p = 0; p < len; p++) {
				for (size_t i = 0; i < len; i++)
					s[i] = (char)('a' + i % 26);
				s[p] = stops[k];
				zj_text_reset(&t);
				zj_text_string(&t, s, len);
				int n = snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)p, s, escaped[k],
				                 (int)(len - p - 1), s + p + 1);
				ck_assert_uint_eq(t.len, (size_t)n);
				ck_assert(memcmp(t.s, want, t.len) == 0);
				ck_assert_uint_eq(zj_escape_stop(s, 0, len), stops[k] == 'x' ? len : p);
				n = snprintf(line, sizeof line, "{\"t\":\"%.*s\"}", (int)len, s);
				struct json_error err;
				int rc = json_validate(line, (size_t)n, 8, &err);
				if (stops[k] == 'x')
					ck_assert_int_eq(rc, 0);
				else if (stops[k] != '\\')   /* (a backslash may start an escape) */
					ck_assert_int_ne(rc, 0);
				if (stops[k] == '\n' || stops[k] == 0x01)
					ck_assert_uint_eq(err.at, 6 + p);
			}
	zj_text_free(&t);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");
	tcase_add_test(tc, unknown_fields_keep_their_bytes);
	tcase_add_test(tc, duplicate_keys_pass_through_and_do_not_shift_values);
	tcase_add_test(tc, set_replaces_in_place_or_appends);
	tcase_add_test(tc, member_set_keeps_the_other_members);
	tcase_add_test(tc, bad_lines_are_described);
	tcase_add_test(tc, values_read_back);
	tcase_add_test(tc, views_walk_without_parsing);
	tcase_add_test(tc, strings_at_every_block_edge);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
