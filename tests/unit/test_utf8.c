/* Unit tests for common/utf8.c: validation, repair, code-point offsets. */
#include <string.h>
#include <stdlib.h>
#include "check_main.h"
#include "utf8.h"

#define S(x) x, sizeof(x) - 1

START_TEST(valid_accepts_well_formed)
{
	ck_assert(utf8_valid(S("")));
	ck_assert(utf8_valid(S("plain ASCII text, longer than eight bytes")));
	ck_assert(utf8_valid(S("Oekra\xc3\xafne \xe2\x80\x9equote\xe2\x80\x9d \xf0\x9f\x98\x80")));
	ck_assert(utf8_valid(S("\xf4\x8f\xbf\xbf")));          /* U+10FFFF */
	ck_assert(utf8_valid(S("nul\0inside")));
}
END_TEST

START_TEST(valid_rejects_ill_formed)
{
	ck_assert(!utf8_valid(S("\xc0\xaf")));                 /* overlong "/" */
	ck_assert(!utf8_valid(S("\xe0\x80\xaf")));             /* overlong */
	ck_assert(!utf8_valid(S("\xed\xa0\x80")));             /* surrogate D800 */
	ck_assert(!utf8_valid(S("\xf4\x90\x80\x80")));         /* past U+10FFFF */
	ck_assert(!utf8_valid(S("abcdefgh\x80")));             /* lone continuation */
	ck_assert(!utf8_valid(S("\xc3")));                     /* truncated */
	ck_assert(!utf8_valid(S("\xff")));
}
END_TEST

START_TEST(repair_replaces_maximal_subparts)
{
	size_t n;
	int fixed;
	/* "a" + truncated 3-byte seq (2 bytes, one U+FFFD) + "b" + 2 bad bytes. */
	char *out = utf8_repair(S("a\xe2\x80" "b\xff\xfe" "c"), &n, &fixed);
	ck_assert_str_eq(out, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c");
	ck_assert_int_eq(fixed, 3);
	ck_assert(utf8_valid(out, n));
	free(out);
	out = utf8_repair(S("already fine \xc3\xab"), &n, &fixed);
	ck_assert_int_eq(fixed, 0);
	ck_assert_str_eq(out, "already fine \xc3\xab");
	free(out);
}
END_TEST

START_TEST(decode_and_encode_round_trip)
{
	int32_t cps[] = {0x41, 0xEB, 0x201E, 0x1F600};
	for (size_t i = 0; i < 4; i++) {
		char buf[4];
		int32_t back;
		int n = utf8_encode(cps[i], buf);
		ck_assert_int_gt(n, 0);
		ck_assert_int_eq(utf8_decode(buf, (size_t)n, &back), n);
		ck_assert_int_eq(back, cps[i]);
	}
	char buf[4];
	ck_assert_int_eq(utf8_encode(0xD800, buf), 0);
	int32_t cp;
	ck_assert_int_eq(utf8_decode(S("\xed\xa0\x80"), &cp), -1);
	ck_assert_int_eq(cp, 0xFFFD);
}
END_TEST

START_TEST(code_point_offsets)
{
	const char *t = "\xe2\x80\x9e" "Ja\xe2\x80\x9d, zei Ren\xc3\xa9" "e.";   /* „Ja”, zei Renée. */
	size_t len = strlen(t);
	ck_assert_uint_eq(utf8_count_cp(t, len), 16);
	struct cp_cursor c;
	cp_cursor_init(&c, t);
	ck_assert_uint_eq(cp_cursor_at(&c, 3), 1);       /* after „ */
	ck_assert_uint_eq(cp_cursor_at(&c, 8), 4);       /* after ” */
	ck_assert_uint_eq(cp_cursor_at(&c, len), 16);
	ck_assert_uint_eq(cp_cursor_at(&c, 0), 0);       /* going back restarts */
	ck_assert_uint_eq(utf8_byte_offset(t, len, 4), 8);
	ck_assert_uint_eq(utf8_byte_offset(t, len, 99), len);
}
END_TEST

/* Code points are counted sixteen and eight bytes at a time: a text of
 * every length with a two- or three-byte character at every place, and a
 * bad byte at every place, read as they would one byte at a time. */
START_TEST(counts_at_every_block_edge)
{
	static const char *const wide[] = {"\xc3\xa9", "\xe2\x80\x9e"};   /* é „ */
	char t[64];
	for (size_t w = 0; w < 2; w++)
		for (size_t len = 0; len <= 40; len++)
			for (size_t p = 0; p <= len; p++) {
				size_t wl = strlen(wide[w]), n = 0;
				memset(t, 'a', len);
				memcpy(t + p, wide[w], wl);
				for (size_t i = p + wl; i < len + wl; i++)
					t[i] = 'b';
				for (size_t i = 0; i < len + wl; i++)
					n += ((unsigned char)t[i] & 0xC0) != 0x80;
				ck_assert_uint_eq(utf8_count_cp(t, len + wl), n);
				ck_assert(utf8_valid(t, len + wl));
				t[p] = (char)0xFF;
				ck_assert(!utf8_valid(t, len + wl));
			}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");
	tcase_add_test(tc, valid_accepts_well_formed);
	tcase_add_test(tc, valid_rejects_ill_formed);
	tcase_add_test(tc, repair_replaces_maximal_subparts);
	tcase_add_test(tc, decode_and_encode_round_trip);
	tcase_add_test(tc, code_point_offsets);
	tcase_add_test(tc, counts_at_every_block_edge);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
