/* Unit tests of action beats in dialogue (extract-quotes:
 * candidates.c's beat_subjects and the ranker's "beat" feature with the
 * built-in model; a first name opening a sentence, mentions.c). The
 * dialogues are written for these tests. */
#include <stdio.h>
#include "check_main.h"
#include "attribution_check.h"

START_TEST(a_beat_before_a_bare_turn_names_its_speaker)
{
	/* both ways round: whoever acts right before the quotation in its
	 * paragraph says it, whoever spoke last */
	static const char *const two[2][2] = { { "Marloes de Wit", "Daan Verbeek" },
	                                       { "Daan Verbeek", "Marloes de Wit" } };
	for (int k = 0; k < 2; k++) {
		char passage[512], first[16];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(two[k][1], " "), two[k][1]);
		snprintf(passage, sizeof passage,
		         "%s en %s zaten aan tafel.\n\n\"Het is koud,\" zei %s.\n\n"
		         "%s schoof een bord naar het midden van de tafel. \"Eet eerst maar wat.\"",
		         two[k][0], two[k][1], two[k][0], first);
		ck_assert_uint_eq(run(passage), 2);
		ck_assert_int_eq(res[1].cue_pos, CUE_NONE);
		ck_assert_str_eq(name(1), two[k][1]);
	}
}
END_TEST

START_TEST(a_first_name_opening_a_sentence_is_the_person_named_in_full)
{
	/* "Marloes" opens every sentence it stands in: no capitalised first
	 * word, once Marloes de Wit has been named */
	ck_assert_uint_eq(run("Marloes de Wit kwam thuis. Haar broer Joost Bakker zat al te eten.\n\n"
	                      "Marloes hing haar jas op. \"Is er nog iets over?\""),
	                  1);
	ck_assert_str_eq(name(0), "Marloes de Wit");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("beats");
	TCase *tc = tcase_create("beats");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_beat_before_a_bare_turn_names_its_speaker);
	tcase_add_test(tc, a_first_name_opening_a_sentence_is_the_person_named_in_full);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
