/* Unit tests of which reporting verb attributes a quotation when the
 * sentence does not open with its reporting clause (extract-quotes/cues.c,
 * cuewords.c): a fronted subordinate clause, an apposition set off by
 * commas before the verb, "volgens X" after a verb that has its subject,
 * a noun for what was said as the verb's subject ("luidde de verklaring
 * van X").
 * The passages are written for these tests. */
#include <string.h>
#include "check_main.h"
#include "attribution_check.h"

/* Exactly one quotation, QUOTE, with cue CUE and speaker mention SPK. */
static void one(const char *s, const char *quote_text, const char *cue_text, const char *spk)
{
	ck_assert_uint_eq(run(s), 1);
	ck_assert_str_eq(quote(0), quote_text);
	ck_assert_str_eq(cue(0), cue_text);
	ck_assert_str_eq(speaker(0), spk);
}

START_TEST(the_main_clause_after_a_fronted_subordinate_clause_reports)
{
	/* the verb of the clause before the comma is not the cue: the main
	 * clause's, right after the comma, is */
	one("Hoewel de brandweer het niet wil bevestigen, verklaarde een woordvoerder van de gemeente dat "
	    "\"de schade aanzienlijk is\".",
	    "de schade aanzienlijk is", "verklaarde", "een woordvoerder");
	one("Omdat de oppositie het plan heeft afgekeurd, zei de wethouder dat het \"een gemiste kans\" is.",
	    "een gemiste kans", "zei", "de wethouder");
	/* and for a quotation after a colon: the one who answers speaks */
	one("Toen de journalist vroeg of het klopte, antwoordde de minister: \"Daar ga ik niet over.\"",
	    "Daar ga ik niet over.", "antwoordde", "de minister");
	/* the same for a quotation that takes the cue of the sentence before */
	ck_assert_uint_eq(run("Nadat de vakbond het akkoord had verworpen, schreef de directeur een brief. "
	                      "\"Wij gaan niet verder onderhandelen.\""), 1);
	ck_assert_str_eq(cue(0), "schreef");
	ck_assert_str_eq(speaker(0), "de directeur");
	/* a quotation in the fronted clause keeps its own verb */
	one("Toen de minister zei dat hij \"geen enkele fout\" had gemaakt, lachte de zaal.", "geen enkele fout",
	    "zei", "de minister");
}
END_TEST

START_TEST(an_apposition_before_the_verb_is_no_inversion)
{
	/* "X, Y, verb": the comma before the verb closes an apposition, the
	 * subject stands before the verb and the noun after it is its object */
	one("De burgemeester van Utrecht, Sharon Dijksma, vroeg de minister om \"een beter plan voor de stad\".",
	    "een beter plan voor de stad", "vroeg", "Sharon Dijksma");
	one("Haar advocaat, Karel de Wit, vroeg de rechter \"een eerlijk proces\" te waarborgen.",
	    "een eerlijk proces", "vroeg", "Karel de Wit");
	/* after a fronted adverbial a comma still marks an inversion */
	one("Na afloop van het debat, in Den Haag, vroeg de minister om \"een beter plan\".", "een beter plan",
	    "vroeg", "de minister");
}
END_TEST

START_TEST(the_source_after_volgens_is_not_the_verbs_subject)
{
	/* "volgens X" between the verb and its subject names the source the
	 * words came through: the subject after it speaks */
	one("\"Wij trekken ons terug uit de coalitie\", zei volgens De Standaard de woordvoerder van de partij.",
	    "Wij trekken ons terug uit de coalitie", "zei", "de woordvoerder");
	/* the phrase's own noun need be no one: the subject follows it */
	one("\"Komt u morgen terug?\" riep volgens de overlevering een bezoeker de burgemeester toe.",
	    "Komt u morgen terug?", "riep", "een bezoeker");
	/* after the subject it changes nothing */
	one("\"Wij trekken ons terug uit de coalitie\", zei de woordvoerder gisteren volgens De Standaard.",
	    "Wij trekken ons terug uit de coalitie", "zei", "de woordvoerder");
}
END_TEST

START_TEST(a_noun_for_what_was_said_after_the_verb_names_its_speaker)
{
	/* the verb's subject is a noun for the words, whose speaker follows
	 * "van", after an adjective too */
	one("De zaal viel stil. \"Ik heb mijn best gedaan\", luidde de verklaring van de minister.",
	    "Ik heb mijn best gedaan", "verklaring van", "de minister");
	one("De zaal viel stil. \"Ik heb mijn best gedaan\", waren de laatste woorden van de minister.",
	    "Ik heb mijn best gedaan", "woorden van", "de minister");
	/* not when someone stands between: the verb's subject speaks */
	one("De zaal viel stil. \"Ik heb mijn best gedaan\", zei de minister in een verklaring van gisteren.",
	    "Ik heb mijn best gedaan", "zei", "de minister");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("cue_choice");
	TCase *tc = tcase_create("cues");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_main_clause_after_a_fronted_subordinate_clause_reports);
	tcase_add_test(tc, an_apposition_before_the_verb_is_no_inversion);
	tcase_add_test(tc, the_source_after_volgens_is_not_the_verbs_subject);
	tcase_add_test(tc, a_noun_for_what_was_said_after_the_verb_names_its_speaker);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
