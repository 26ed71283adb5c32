/* Unit tests of fiction speakers (extract-quotes, issue 14, sixth round):
 * kinship nouns used as names (mentions.c's kin_name_at), first names:
 * those the generated noun lists no longer hold, one before a noun that is
 * also a verb (names.c). The texts are written for
 * these tests. */
#include <stdio.h>
#include "check_main.h"
#include "attribution_check.h"

START_TEST(a_kinship_noun_opening_a_sentence_is_a_name)
{
	/* "Moeder" has no article: the narration names her, and her action
	 * beat gives her the bare turn */
	ck_assert_uint_eq(run("Het was stil in huis. Moeder zette de thee op tafel. \"Wie wil er suiker?\""), 1);
	ck_assert_str_eq(name(0), "Moeder");
}
END_TEST

START_TEST(a_kinship_noun_in_lower_case_after_a_reporting_verb_speaks)
{
	ck_assert_uint_eq(run("Het was laat. \"Wie wil er suiker?\" vroeg moeder."), 1);
	ck_assert_str_eq(speaker(0), "moeder");
	ck_assert_str_eq(name(0), "moeder");
}
END_TEST

START_TEST(a_kinship_name_has_the_gender_of_its_noun)
{
	/* "ze" is Moeder, not Vader who spoke last */
	ck_assert_uint_eq(run("\"Wie wil er suiker?\" vroeg Moeder. \"Ik,\" zei Vader. \"Wat?\" vroeg ze."), 3);
	ck_assert_str_eq(name(1), "Vader");
	ck_assert_str_eq(speaker(2), "ze");
	ck_assert_str_eq(name(2), "Moeder");
}
END_TEST

START_TEST(a_kinship_noun_with_an_article_or_before_a_name_is_no_name)
{
	ck_assert_uint_eq(run("\"Dag,\" zei de vader van Piet. \"Kom binnen,\" zei Oom Piet."), 2);
	ck_assert_str_eq(speaker(0), "de vader");
	ck_assert_str_eq(name(1), "Piet");
}
END_TEST

START_TEST(a_first_name_that_is_also_a_noun_starts_a_name)
{
	/* Peter (a godfather), Koen, Rob, Michiel, Bob: first names the
	 * generated noun lists once held, so "Peter Jansen" was a noun and a
	 * surname, and "zegt Jansen" someone else */
	static const char *const names[] = { "Peter Jansen", "Koen Jansen", "Rob Jansen",
	                                     "Michiel Jansen", "Bob Jansen" };
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		char passage[256];
		snprintf(passage, sizeof passage,
		         "Gisteren sprak %s de raad toe. \"Het kan niet anders,\" zegt Jansen.", names[k]);
		ck_assert_uint_eq(run(passage), 1);
		ck_assert_str_eq(name(0), names[k]);
	}
}
END_TEST

START_TEST(a_first_name_before_a_noun_that_is_also_a_verb_is_a_name)
{
	/* "wees" (pointed; an orphan) after "Bram": Bram is the subject, not
	 * a word qualifying a role ("Joegoslavisch minister Matic") */
	ck_assert_uint_eq(run("Het was eb. Bram wees naar een paal. \"Kijk,\" zei hij."), 1);
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "Bram");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("narrator");
	TCase *tc = tcase_create("narrator");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_kinship_noun_opening_a_sentence_is_a_name);
	tcase_add_test(tc, a_kinship_noun_in_lower_case_after_a_reporting_verb_speaks);
	tcase_add_test(tc, a_kinship_name_has_the_gender_of_its_noun);
	tcase_add_test(tc, a_kinship_noun_with_an_article_or_before_a_name_is_no_name);
	tcase_add_test(tc, a_first_name_that_is_also_a_noun_starts_a_name);
	tcase_add_test(tc, a_first_name_before_a_noun_that_is_also_a_verb_is_a_name);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
