/* Unit tests for common/wordclass.c: loading a list once for several
 * classes and tables, classes copied above a shift, a table made at its
 * size up front, endings of every length. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "lang.h"
#include "wordclass.h"

static const char *const probes[] = { "vader", "moeder", "leraar", "bewoners", "chef", "buurman",
                                      "ploegleraar", "afdelingschef", "hoofdredacteur", "x" };

START_TEST(one_pass_loads_what_separate_loads_do)
{
	char dir[] = "/tmp/zeef-wordclass-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/zz-nouns.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("# person nouns\nvader m kin\nmoeder f kin\nleraar role\nbewoners pl\nchef role m\n"
	      "redacteur role\n",
	      f);
	fclose(f);
	ck_assert_int_eq(lang_set_dir(dir), 0);
	const char *name = "nl/zz-nouns.txt";

	struct wordclass *apart = wordclass_new(), *once = wordclass_new(), *kin = wordclass_new();
	ck_assert_int_eq(wordclass_load(apart, name, NULL, 1), 6);
	ck_assert_int_eq(wordclass_load(apart, name, "m", 2), 2);
	ck_assert_int_eq(wordclass_load_endings(apart, name, "role", 4), 3);
	struct wordclass *kin_apart = wordclass_new();
	ck_assert_int_eq(wordclass_load(kin_apart, name, "kin", 1), 2);

	const struct wordclass_use uses[] = {
		{ once, NULL, 1, 0 }, { once, "m", 2, 0 }, { once, "role", 4, 1 }, { kin, "kin", 1, 0 },
	};
	ck_assert_int_eq(wordclass_load_uses(name, uses, 4), 6);   /* the list's entries */
	ck_assert_int_eq(wordclass_load_uses("nl/zz-absent.txt", uses, 4), -1);

	for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
		const char *w = probes[i];
		size_t n = strlen(w);
		ck_assert_uint_eq(wordclass_get(once, w, n), wordclass_get(apart, w, n));
		ck_assert_uint_eq(wordclass_get(kin, w, n), wordclass_get(kin_apart, w, n));
		wc_bits fa, fo;
		ck_assert_uint_eq(wordclass_ending(once, w, n, 4, 0, &fo), wordclass_ending(apart, w, n, 4, 0, &fa));
		ck_assert_uint_eq(fo, fa);
	}
	ck_assert_uint_eq(wordclass_get(once, "chef", 4), 1 | 2);
	ck_assert_uint_eq(wordclass_get(kin, "moeder", 6), 1);
	ck_assert_uint_eq(wordclass_get(kin, "leraar", 6), 0);
	ck_assert_uint_eq(wordclass_ending(once, "ploegleraar", 11, 4, 0, NULL), 6);   /* leraar */
	ck_assert_uint_eq(wordclass_ending(once, "hoofdredacteur", 14, 4, 1, NULL), 9);

	wordclass_free(apart);
	wordclass_free(once);
	wordclass_free(kin);
	wordclass_free(kin_apart);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(classes_copied_above_a_shift)
{
	struct wordclass *small = wordclass_new(), *main_table = wordclass_new();
	wordclass_add(small, "door", 4, 1);
	wordclass_add(small, "Als", 3, 2);   /* folded on the way in */
	wordclass_add(main_table, "door", 4, 8);
	wordclass_add_all(main_table, small, 32);
	ck_assert_uint_eq(wordclass_get(main_table, "door", 4), 8 | (wc_bits)1 << 32);
	ck_assert_uint_eq(wordclass_get(main_table, "als", 3), (wc_bits)2 << 32);
	ck_assert_uint_eq(wordclass_get(main_table, "dat", 3), 0);
	wordclass_free(small);
	wordclass_free(main_table);
}
END_TEST

START_TEST(a_reserved_table_finds_what_a_grown_one_does)
{
	struct wordclass *grown = wordclass_new(), *made = wordclass_new();
	wordclass_add(made, "eerst", 5, 1);
	wordclass_reserve(made, 5000, 100);
	wordclass_add(grown, "eerst", 5, 1);
	char w[16];
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(w, sizeof w, "w%d", i);
		wordclass_add(grown, w, (size_t)n, (wc_bits)(i % 7 + 1));
		wordclass_add(made, w, (size_t)n, (wc_bits)(i % 7 + 1));
	}
	for (int i = 0; i < 5100; i++) {
		int n = snprintf(w, sizeof w, "w%d", i);
		ck_assert_uint_eq(wordclass_get(made, w, (size_t)n), wordclass_get(grown, w, (size_t)n));
	}
	ck_assert_uint_eq(wordclass_get(made, "eerst", 5), 1);
	ck_assert_uint_eq(wordclass_get(made, "w4999", 5), 4999 % 7 + 1);
	wordclass_free(grown);
	wordclass_free(made);
}
END_TEST

START_TEST(endings_of_every_length)
{
	struct wordclass *wc = wordclass_new();
	wordclass_add_ending(wc, "er", 2, 2);
	wordclass_add_ending(wc, "verslaggever", 12, 1);
	wordclass_add_ending(wc, "woordvoerder", 12, 1);
	ck_assert_uint_eq(wordclass_ending(wc, "sportverslaggever", 17, 1, 0, NULL), 12);
	ck_assert_uint_eq(wordclass_ending(wc, "sportverslaggever", 17, 2, 0, NULL), 2);
	ck_assert_uint_eq(wordclass_ending(wc, "verslaggever", 12, 1, 1, NULL), 0);   /* no rest */
	ck_assert_uint_eq(wordclass_ending(wc, "politiewoordvoerder", 19, 1, 0, NULL), 12);
	ck_assert_uint_eq(wordclass_ending(wc, "computerprogramma", 17, 1 | 2, 0, NULL), 0);
	ck_assert_uint_eq(wordclass_ending(wc, "computer", 8, 1 | 2, 0, NULL), 2);
	wordclass_free(wc);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("wordclass");
	TCase *tc = tcase_create("wordclass");
	tcase_add_test(tc, one_pass_loads_what_separate_loads_do);
	tcase_add_test(tc, classes_copied_above_a_shift);
	tcase_add_test(tc, a_reserved_table_finds_what_a_grown_one_does);
	tcase_add_test(tc, endings_of_every_length);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
