/* test_tokenize.c — the shared tokenizer: what a reader would call a word. */
#include <string.h>
#include "check_main.h"
#include "tokenize.h"

/* Tokens of S joined by '|'. */
static const char *joined(const char *s)
{
	static char out[1024];
	struct token_list l = {0};
	size_t n = tokenize(s, strlen(s), 0, &l);
	ck_assert_uint_eq(n, l.n);
	size_t o = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			out[o++] = '|';
		memcpy(out + o, s + l.tok[i].start, l.tok[i].end - l.tok[i].start);
		o += l.tok[i].end - l.tok[i].start;
	}
	out[o] = 0;
	token_list_free(&l);
	return out;
}

START_TEST(words_and_punctuation)
{
	ck_assert_str_eq(joined("Rutte sprak, en de NAVO zweeg."),
	                 "Rutte|sprak|,|en|de|NAVO|zweeg|.");
	ck_assert_str_eq(joined("  Wat nu?!  "), "Wat|nu|?|!");
	ck_assert_str_eq(joined(""), "");
	ck_assert_str_eq(joined(" \n\t "), "");
}
END_TEST

START_TEST(hyphenated_compounds_are_one_token)
{
	ck_assert_str_eq(joined("de NAVO-chef en de G7-bijeenkomsten in Noord-Holland"),
	                 "de|NAVO-chef|en|de|G7-bijeenkomsten|in|Noord-Holland");
	ck_assert_str_eq(joined("EU- en NAVO-landen"), "EU-|en|NAVO-landen");
	ck_assert_str_eq(joined("oud - nieuw"), "oud|-|nieuw");
}
END_TEST

START_TEST(apostrophes)
{
	ck_assert_str_eq(joined("auto's in 's-Hertogenbosch"), "auto's|in|'s-Hertogenbosch");
	ck_assert_str_eq(joined("'t is de zomer van '81."), "'t|is|de|zomer|van|'81|.");
	ck_assert_str_eq(joined("'Nee', zei ze."), "'|Nee|'|,|zei|ze|.");
}
END_TEST

START_TEST(numbers)
{
	struct token_list l = {0};
	const char *s = "Ruim 1.250,50 euro om 12:30 uur, 24/7 open.";
	tokenize(s, strlen(s), 0, &l);
	ck_assert_str_eq(joined(s), "Ruim|1.250,50|euro|om|12:30|uur|,|24/7|open|.");
	ck_assert_int_eq(l.tok[1].kind, TOK_NUMBER);
	ck_assert_int_eq(l.tok[0].kind, TOK_WORD);
	ck_assert_int_eq(l.tok[9].kind, TOK_PUNCT);
	token_list_free(&l);
	ck_assert_str_eq(joined("Het jaar 2022."), "Het|jaar|2022|.");
}
END_TEST

START_TEST(abbreviations_and_initials)
{
	ck_assert_str_eq(joined("o.a. J. de Vries en d.w.z. niets."),
	                 "o.a.|J.|de|Vries|en|d.w.z.|niets|.");
	ck_assert_str_eq(joined("in de VS. Daarna"), "in|de|VS|.|Daarna");
	ck_assert_str_eq(joined("J.R. Tolkien"), "J.R.|Tolkien");
}
END_TEST

START_TEST(quotes_and_repeated_marks)
{
	ck_assert_str_eq(joined(",,Nooit meer'', zei hij..."), ",,|Nooit|meer|''|,|zei|hij|...");
	ck_assert_str_eq(joined("\xe2\x80\x9cJa\xe2\x80\x9d"), "\xe2\x80\x9c|Ja|\xe2\x80\x9d");
}
END_TEST

START_TEST(non_ascii_letters_and_offsets)
{
	const char *s = "In Oekra\xc3\xafne \xe2\x82\xac 5 miljoen.";
	ck_assert_str_eq(joined(s), "In|Oekra\xc3\xafne|\xe2\x82\xac|5|miljoen|.");
	struct token_list l = {0};
	ck_assert_uint_eq(tokenize(s, strlen(s), 100, &l), 6);
	ck_assert_uint_eq(l.tok[1].start, 103);
	ck_assert_uint_eq(l.tok[1].end, 112); /* bytes, not code points */
	ck_assert_int_eq(l.tok[2].kind, TOK_OTHER);
	/* appending keeps earlier tokens */
	ck_assert_uint_eq(tokenize("en", 2, 200, &l), 1);
	ck_assert_uint_eq(l.n, 7);
	ck_assert_uint_eq(l.tok[6].start, 200);
	token_list_free(&l);
	/* non-breaking space separates words */
	ck_assert_str_eq(joined("10\xc2\xa0km"), "10|km");
}
END_TEST

START_TEST(web_and_mail_addresses)
{
	ck_assert_str_eq(joined("Zie www.nos.nl/artikel/123, of mail info@zeef.nl."),
	                 "Zie|www.nos.nl/artikel/123|,|of|mail|info@zeef.nl|.");
	ck_assert_str_eq(joined("(https://example.org/a?b=1)"), "(|https://example.org/a?b=1|)");
	struct token_list l = {0};
	tokenize("via info@zeef.nl", 16, 0, &l);
	ck_assert_int_eq(l.tok[1].kind, TOK_OTHER);
	token_list_free(&l);
	/* not addresses */
	ck_assert_str_eq(joined("Jan@home en www"), "Jan|@|home|en|www");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("tokenize");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, words_and_punctuation);
	tcase_add_test(tc, hyphenated_compounds_are_one_token);
	tcase_add_test(tc, apostrophes);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, abbreviations_and_initials);
	tcase_add_test(tc, quotes_and_repeated_marks);
	tcase_add_test(tc, non_ascii_letters_and_offsets);
	tcase_add_test(tc, web_and_mail_addresses);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
