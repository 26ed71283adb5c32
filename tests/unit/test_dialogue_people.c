/* Unit tests of who speaks in fiction dialogue (extract-quotes, issue 14,
 * the dialogue6 round): the sex a first name used alone says (people.c),
 * "ze" of a verb in the singular, which is she and never a body or a group
 * (people.c, attribution.c), "hen" that stands for people, not a body
 * (people.c), and "niemand", who names no one (speakers-words.txt). The
 * texts are written for these tests. */
#include "check_main.h"
#include "attribution_check.h"

START_TEST(a_first_name_alone_says_its_persons_sex)
{
	/* the man was the subject just before: "ze" is still the woman */
	ck_assert_uint_eq(run("Marieke stond in de keuken. Thijs kwam binnen met natte haren. "
	                      "\"Wat doe jij hier?\" vroeg ze."), 1);
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "Marieke");
	/* and the other way round */
	ck_assert_uint_eq(run("Thijs stond in de keuken. Marieke kwam binnen met natte haren. "
	                      "\"Wat doe jij hier?\" vroeg hij."), 1);
	ck_assert_str_eq(name(0), "Thijs");
	/* one pronoun of each: the two people keep their turns */
	ck_assert_uint_eq(run("Sanne zat op het bed. Daan bleef in de deur staan. "
	                      "\"Kom je mee?\" vroeg ze. \"Nee,\" zei hij."), 2);
	ck_assert_str_eq(name(0), "Sanne");
	ck_assert_str_eq(name(1), "Daan");
}
END_TEST

START_TEST(a_first_name_that_is_a_surname_says_no_sex)
{
	/* "Thomas" is a man's first name, but here Wies Thomas's surname:
	 * "ze" may still be her */
	ck_assert_uint_eq(run("Wies Thomas kwam binnen. \"Dag,\" zei Thomas. Ze ging zitten. "
	                      "\"Is er koffie?\" vroeg ze."), 2);
	ck_assert_str_eq(name(0), "Wies Thomas");
	ck_assert_str_eq(speaker(1), "ze");
	ck_assert_str_eq(name(1), "Wies Thomas");
}
END_TEST

START_TEST(ze_of_a_verb_in_the_singular_is_no_body)
{
	/* "vroeg", not "vroegen": she, not the bank mentioned last */
	ck_assert_uint_eq(run("Hij gaf Wies een envelop met het logo van de bank. "
	                      "\"Wat doe jij hier?\" vroeg ze."), 1);
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "Wies");
	/* with no one else, she is someone the text has not named */
	ck_assert_uint_eq(run("Op tafel lag een brief van de bank. \"Wat willen ze nu weer?\" vroeg ze."), 1);
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "-");
	/* a verb in the plural: they */
	ck_assert_uint_eq(run("De buren stonden op de stoep. \"Wat doe jij hier?\" vroegen ze."), 1);
	ck_assert_str_eq(name(0), "De buren");
}
END_TEST

START_TEST(hen_is_no_body)
{
	/* "boven hen": above the two of them, not the paper read before,
	 * which then took the bare turn */
	ck_assert_uint_eq(run("Mijn vader vouwde de krant dicht. \"Heb je het haar al verteld?\" vroeg hij.\n\n"
	                      "\"Nog niet.\"\n\nDe man keek naar de lucht boven hen."), 2);
	ck_assert_str_ne(speaker(1), "hen");
	ck_assert_str_ne(name(1), "de krant");
}
END_TEST

START_TEST(nobody_is_no_speaker)
{
	/* "Niemand zei iets." names no one who could say the bare turn */
	ck_assert_uint_eq(run("Fatima en Martin zaten aan tafel. Niemand zei iets. "
	                      "\"Wat als ze nee zeggen?\""), 1);
	ck_assert_str_ne(speaker(0), "Niemand");
	ck_assert_str_ne(name(0), "Niemand");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("dialogue_people");
	TCase *tc = tcase_create("dialogue_people");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_first_name_alone_says_its_persons_sex);
	tcase_add_test(tc, a_first_name_that_is_a_surname_says_no_sex);
	tcase_add_test(tc, ze_of_a_verb_in_the_singular_is_no_body);
	tcase_add_test(tc, hen_is_no_body);
	tcase_add_test(tc, nobody_is_no_speaker);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
