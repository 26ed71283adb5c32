/* Unit tests of speakers that are no single person (extract-quotes/
 * mentions.c, people.c). A body named by a capitalised word after an
 * article: a court, a paper, a prosecution service after "het" right after
 * the reporting verb, or after the article that opens the sentence right
 * before the verb; the speaker's mention keeps the article, its name is
 * the capitalised word. Surnames with an article ("De Graaf") and people
 * of a country ("de Belg") are not bodies. A share of a group as the
 * subject right before the verb ("Dertig procent van de kinderen zegt").
 * The passages are written for these tests. */
#include <string.h>
#include "check_main.h"
#include "attribution_check.h"

/* Exactly one quotation, QUOTE, with cue CUE, speaker mention SPK and
 * name NM. */
static void one(const char *s, const char *quote_text, const char *cue_text, const char *spk, const char *nm)
{
	ck_assert_uint_eq(run(s), 1);
	ck_assert_str_eq(quote(0), quote_text);
	ck_assert_str_eq(cue(0), cue_text);
	said(0, spk, nm);
}

START_TEST(a_capitalised_word_after_het_at_the_verb_is_a_body)
{
	/* an adverb after it too; before, the subject of the sentence
	 * before was taken */
	one("De rechtbank had de man vrijgesproken. \"De straf is te licht\", oordeelde het Hof gisteren.",
	    "De straf is te licht", "oordeelde", "het Hof", "Hof");
	one("\"Er is geen bewijs gevonden\", meldde het Kantongerecht.", "Er is geen bewijs gevonden", "meldde",
	    "het Kantongerecht", "Kantongerecht");
}
END_TEST

START_TEST(an_article_and_a_capitalised_word_before_the_verb_is_a_body)
{
	one("De brug is al weken dicht. Het Parool meldde: \"De brug blijft tot maart dicht.\"",
	    "De brug blijft tot maart dicht.", "meldde", "Het Parool", "Parool");
	/* an adjective that names a paper, named in full before */
	one("Volgens de Frankfurter Allgemeine is het kabinet verdeeld. Kohl zweeg. De Frankfurter schreef "
	    "nog: \"Dit toont aan wat macht met iemand doet.\"",
	    "Dit toont aan wat macht met iemand doet.", "schreef", "De Frankfurter", "Frankfurter");
}
END_TEST

START_TEST(surnames_and_people_are_no_bodies)
{
	/* a surname the text used bare is a name, all of it ("Graaf" as a
	 * body's name would be wrong) */
	one("Jan de Graaf is voorzitter van de club. Kritiek noemt hij onzin. De Graaf zei: \"Wij gaan "
	    "door.\"",
	    "Wij gaan door.", "zei", "De Graaf", "De Graaf");
	/* after "de" and the verb, a capitalised word is someone of a country */
	one("\"Wij gaan door\", zei de Belg.", "Wij gaan door", "zei", "de Belg", "de Belg");
	/* an acronym after "het" stays a name of its own */
	one("\"Er is geen bewijs\", aldus het OM.", "Er is geen bewijs", "aldus", "OM", "OM");
}
END_TEST

START_TEST(a_share_of_a_group_before_the_verb_speaks)
{
	/* before, the object after the verb was taken for the subject */
	one("Veertig procent van de ondervraagde leraren noemt de nieuwe regels \"onwerkbaar\".", "onwerkbaar",
	    "noemt", "Veertig procent van de ondervraagde leraren", "Veertig procent van de ondervraagde leraren");
	/* after a coordinator, and without the group */
	ck_assert_uint_eq(run("Een kwart wil niets veranderen en 25 procent vraagt \"een kleinere klas\"."), 1);
	ck_assert_str_eq(cue(0), "vraagt");
	ck_assert_str_eq(speaker(0), "25 procent");
	/* inside a sentence after other words it is no subject of ours */
	ck_assert_uint_eq(run("Volgens de bond noemt dertig procent van de leraren het plan \"onwerkbaar\"."), 1);
	ck_assert_str_eq(speaker(0), "de bond");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("quote_collectives");
	TCase *tc = tcase_create("bodies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_capitalised_word_after_het_at_the_verb_is_a_body);
	tcase_add_test(tc, an_article_and_a_capitalised_word_before_the_verb_is_a_body);
	tcase_add_test(tc, surnames_and_people_are_no_bodies);
	tcase_add_test(tc, a_share_of_a_group_before_the_verb_speaks);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
