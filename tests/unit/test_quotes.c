/* Unit tests of quotation-mark pairing (filters/extract-quotes/quotes.c). */
#include <string.h>
#include "check_main.h"
#include "../../filters/extract-quotes/quotes.h"

static struct quote_marks *qm;
static struct quote_list ql;
static char got[16][256];

static void setup(void)
{
	qm = quote_marks_load();
	ck_assert_ptr_nonnull(qm);
}

static void teardown(void)
{
	quote_marks_free(qm);
	quote_list_free(&ql);
}

/* The quoted texts of S, in got[]; returns how many. */
static size_t find(const char *s)
{
	size_t n = quotes_find(qm, s, strlen(s), &ql);
	ck_assert_uint_ne(n, (size_t)-1);
	for (size_t i = 0; i < n && i < 16; i++) {
		size_t len = ql.q[i].end - ql.q[i].start;
		ck_assert_uint_lt(len, sizeof got[i]);
		memcpy(got[i], s + ql.q[i].start, len);
		got[i][len] = 0;
	}
	return n;
}

START_TEST(every_dutch_style_pairs)
{
	ck_assert_uint_eq(find("Hij zei: „We gaan door.” Daarna niets."), 1);
	ck_assert_str_eq(got[0], "We gaan door.");
	ck_assert_uint_eq(find("“Dit is ernstig”, zegt Borrell."), 1);
	ck_assert_str_eq(got[0], "Dit is ernstig");
	ck_assert_uint_eq(find("\"Een\", zei ze. \"Twee.\""), 2);
	ck_assert_str_eq(got[0], "Een");
	ck_assert_str_eq(got[1], "Twee.");
	ck_assert_uint_eq(find("Jansen:,, Wij gaan voor de winst. ''"), 1);
	ck_assert_str_eq(got[0], "Wij gaan voor de winst.");
	ck_assert_uint_eq(find("Daar voegde hij aan toe: ‘Ik bluf niet.’"), 1);
	ck_assert_str_eq(got[0], "Ik bluf niet.");
	ck_assert_uint_eq(find("Ze riep 'kom terug' en liep weg."), 1);
	ck_assert_str_eq(got[0], "kom terug");
	ck_assert_uint_eq(find("Il dit « non » aux syndicats."), 1);
	ck_assert_str_eq(got[0], "non");
	ck_assert_uint_eq(find("Albums: « Het spook », « De sleutel » en meer."), 2);
	ck_assert_str_eq(got[1], "De sleutel");
}
END_TEST

START_TEST(apostrophes_are_not_marks)
{
	/* Curly apostrophe in a genitive, elisions, a clipped year. */
	ck_assert_uint_eq(find("China’s rol groeit, zegt Li."), 0);
	ck_assert_uint_eq(find("Hij komt 's avonds met z'n auto, net als in '98."), 0);
	ck_assert_uint_eq(find("Hij liep 's avonds naar de Rabo's en zei 'genoeg'."), 1);
	ck_assert_str_eq(got[0], "genoeg");
	ck_assert_uint_eq(find("De term ‘China’s weg’ viel vaak."), 1);
	ck_assert_str_eq(got[0], "China’s weg");
}
END_TEST

START_TEST(nested_quotations_give_the_outer_one)
{
	ck_assert_uint_eq(find("„Zij noemde het ‘onzin’, en terecht.”"), 1);
	ck_assert_str_eq(got[0], "Zij noemde het ‘onzin’, en terecht.");
	ck_assert_uint_eq(find(",,Hij zei 'nee'.'' Toen ging hij."), 1);
	ck_assert_str_eq(got[0], "Hij zei 'nee'.");
}
END_TEST

START_TEST(comma_runs_open_after_the_comma)
{
	/* An inserted cue written "gisteren,,,maar": a comma, then the mark. */
	ck_assert_uint_eq(find(",,Ik kom terug'', zei hij gisteren,,,maar niet nu.''"), 2);
	ck_assert_str_eq(got[0], "Ik kom terug");
	ck_assert_str_eq(got[1], "maar niet nu.");
}
END_TEST

START_TEST(unpaired_marks_are_ignored)
{
	ck_assert_uint_eq(find("Een \"los teken en verder niets.\n\nNieuwe alinea \"wel\" dicht."), 1);
	ck_assert_str_eq(got[0], "wel");
	ck_assert_uint_eq(find("Leeg: \"\" en \"  \" tellen niet."), 0);
}
END_TEST

START_TEST(a_quotation_runs_over_paragraphs)
{
	const char *s = "\"Eerste alinea van het citaat.\n\n\"Tweede alinea.\" Einde.";
	ck_assert_uint_eq(find(s), 2);
	ck_assert_str_eq(got[0], "Eerste alinea van het citaat.");
	ck_assert_int_eq(ql.q[0].continued, 1);
	ck_assert_str_eq(got[1], "Tweede alinea.");
	/* Offsets are bytes: the span and the marks around it. */
	ck_assert_uint_eq(ql.q[1].open, strlen("\"Eerste alinea van het citaat.\n\n"));
	ck_assert_uint_eq(ql.q[1].close_end, strlen(s) - strlen(" Einde."));
}
END_TEST

START_TEST(marks_from_a_custom_table)
{
	struct quote_marks *m = quote_marks_from("# test\n< >\n", "");
	ck_assert_ptr_nonnull(m);
	const char *s = "a <b c> d";
	ck_assert_uint_eq(quotes_find(m, s, strlen(s), &ql), 1);
	ck_assert_uint_eq(ql.q[0].start, 3);
	ck_assert_uint_eq(ql.q[0].end, 6);
	quote_marks_free(m);
	ck_assert_ptr_null(quote_marks_from("# no pairs\n", ""));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("quotes");
	TCase *tc = tcase_create("pairing");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_dutch_style_pairs);
	tcase_add_test(tc, apostrophes_are_not_marks);
	tcase_add_test(tc, nested_quotations_give_the_outer_one);
	tcase_add_test(tc, comma_runs_open_after_the_comma);
	tcase_add_test(tc, unpaired_marks_are_ignored);
	tcase_add_test(tc, a_quotation_runs_over_paragraphs);
	tcase_add_test(tc, marks_from_a_custom_table);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
