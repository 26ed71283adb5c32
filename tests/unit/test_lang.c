/* Unit tests for common/lang.c: --data overrides, word lists, word sets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "lang.h"

static void count(const char *line, size_t len, void *ctx)
{
	(void)line;
	(void)len;
	(*(int *)ctx)++;
}

START_TEST(override_dir_and_word_lists)
{
	char dir[] = "/tmp/zeef-lang-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/words.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("# a comment line\n  bijv.  \n\nenz.\r\no.a.\n", f);
	fclose(f);

	ck_assert_ptr_null(lang_file("nl/words.txt", NULL));
	ck_assert_int_eq(lang_set_dir("/nonexistent/dir"), -1);
	ck_assert_int_eq(lang_set_dir(dir), 0);
	size_t len;
	ck_assert_ptr_nonnull(lang_file("nl/words.txt", &len));
	int n = 0;
	ck_assert_int_eq(lang_each_line("nl/words.txt", count, &n), 3);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(lang_each_line("nl/absent.txt", count, &n), -1);

	struct wordset *ws = wordset_load("nl/words.txt");
	ck_assert_ptr_nonnull(ws);
	ck_assert_uint_eq(wordset_size(ws), 3);
	ck_assert(wordset_has(ws, "bijv.", 5));     /* spaces trimmed */
	ck_assert(wordset_has(ws, "enz.", 4));      /* \r trimmed */
	ck_assert(!wordset_has(ws, "bijv", 4));
	ck_assert(!wordset_has(ws, "# a comment line", 16));
	wordset_free(ws);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(wordset_grows)
{
	struct wordset *ws = wordset_new();
	char w[16];
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(w, sizeof w, "w%d", i);
		wordset_add(ws, w, (size_t)n);
		wordset_add(ws, w, (size_t)n);
	}
	ck_assert_uint_eq(wordset_size(ws), 5000);
	ck_assert(wordset_has(ws, "w4999", 5));
	ck_assert(!wordset_has(ws, "w5000", 5));
	wordset_free(ws);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("lang");
	tcase_add_test(tc, override_dir_and_word_lists);
	tcase_add_test(tc, wordset_grows);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
