/* Unit tests of news quotations (extract-quotes): a capitalised noun of a
 * people spelt as an adjective before a plural the lists do not know
 * (mentions.c); a "volgens" phrase opening the sentence against a bare
 * plural subject (cues.c); a term marker that a naming verb's object is
 * (forms.c); a Flemish surname spelt like an adjective after a capitalised
 * particle (names.c); a role, "van", its portfolio and the person's name
 * (names.c, mentions.c); a clause of its own with a reporting verb after a
 * quotation (cues.c). The passages are written for these tests. */
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

START_TEST(an_adjective_of_a_people_before_an_unknown_noun_is_no_name)
{
	/* "Servische" is also a noun for a Serbian woman; before, the
	 * description stopped there */
	one("De Servische autoriteiten beweren drie smokkelaars te hebben opgepakt \"die wapens naar Kosovo "
	    "brachten\".",
	    "die wapens naar Kosovo brachten", "beweren", "De Servische autoriteiten", "De Servische autoriteiten");
	one("\"De grens blijft dicht\", zeggen de Turkse douaniers.", "De grens blijft dicht", "zeggen",
	    "de Turkse douaniers", "de Turkse douaniers");
	/* the noun of a people alone still speaks */
	one("\"De grens blijft dicht\", zegt de Servische.", "De grens blijft dicht", "zegt", "de Servische",
	    "de Servische");
}
END_TEST

START_TEST(a_source_opening_the_sentence_outranks_a_bare_plural)
{
	/* before, the bare plural after the verb was the speaker */
	one("Volgens havenschepen Tom Wauters dreigen schippers \"hun boten te moeten verkopen\".",
	    "hun boten te moeten verkopen", "Volgens", "Tom Wauters", "Tom Wauters");
	one("Volgens de vakbond klagen boze chauffeurs \"elke dag risico te lopen\" op de weg.", "elke dag risico te lopen",
	    "Volgens", "de vakbond", "de vakbond");
	/* a definite subject speaks for itself */
	one("Volgens de krant noemde de minister het plan \"een grote fout\".", "een grote fout", "noemde",
	    "de minister", "de minister");
}
END_TEST

START_TEST(what_a_naming_verb_calls_a_book_is_no_title)
{
	/* before, "het boek" and "het project" made titles of them */
	one("De recensent noemde het boek \"een meesterwerk van de eerste orde\".",
	    "een meesterwerk van de eerste orde", "noemde", "De recensent", "De recensent");
	one("Gedeputeerde Anna Visser wil eerst het advies afwachten. Ze noemde het project \"kansrijk, maar "
	    "niet zonder voorwaarden\".",
	    "kansrijk, maar niet zonder voorwaarden", "noemde", "Ze", "Anna Visser");
	/* a title stays one: capitalised, or without a naming verb, or
	 * glued to a word */
	ck_assert_uint_eq(run("De recensent noemde het boek \"De kleine prins\" een meesterwerk."), 0);
	ck_assert_uint_eq(run("De recensent las het boek \"een jaar in de Provence\" twee keer."), 0);
	ck_assert_uint_eq(run("Hij noemde het zogenaamde \"elk wat wils\"-plan een vergissing."), 0);
}
END_TEST

START_TEST(a_surname_after_a_capitalised_particle_may_end_like_an_adjective)
{
	/* before, "Bossche" (like "Franse") was read as an affiliation */
	one("\"Het vuur sloeg al uit het dak\", zegt brandweerkapitein Dirk Van den Bossche.",
	    "Het vuur sloeg al uit het dak", "zegt", "Dirk Van den Bossche", "Dirk Van den Bossche");
	/* an affiliation after a full name stays out */
	one("\"Het vuur sloeg al uit het dak\", zegt Anna de Vries van Binnenlandse Zaken.",
	    "Het vuur sloeg al uit het dak", "zegt", "Anna de Vries", "Anna de Vries");
}
END_TEST

START_TEST(a_role_and_its_portfolio_before_a_name_are_no_name)
{
	/* before: "Volksgezondheid Frank Vandenbroucke", "Minister van
	 * Volksgezondheid Frank Vandenbroucke", "minister", "de minister" */
	one("Vlaams minister van Volksgezondheid Frank Vandenbroucke zei: \"Ik volg het dossier van nabij.\"",
	    "Ik volg het dossier van nabij.", "zei", "Frank Vandenbroucke", "Frank Vandenbroucke");
	one("Minister van Justitie Petra de Sutter zei: \"Ik volg het dossier van nabij.\"",
	    "Ik volg het dossier van nabij.", "zei", "Petra de Sutter", "Petra de Sutter");
	one("\"Ik volg het dossier van nabij\", zei minister van Defensie Petra de Sutter.",
	    "Ik volg het dossier van nabij", "zei", "Petra de Sutter", "Petra de Sutter");
	one("\"Ik volg het dossier van nabij\", zei de minister van Defensie Petra de Sutter.",
	    "Ik volg het dossier van nabij", "zei", "Petra de Sutter", "Petra de Sutter");
	/* without a name the role speaks */
	one("\"Ik volg het dossier van nabij\", zei de minister van Defensie.", "Ik volg het dossier van nabij",
	    "zei", "de minister", "de minister");
}
END_TEST

START_TEST(a_clause_of_its_own_after_a_quotation_has_its_own_speaker)
{
	/* before, every fragment of the sentence went to its first verb */
	ck_assert_uint_eq(run("De minister noemde het plan \"een goede stap\", maar de oppositie vindt het "
	                      "\"veel te weinig\"."), 2);
	ck_assert_str_eq(cue(0), "noemde");
	said(0, "De minister", "De minister");
	ck_assert_str_eq(cue(1), "vindt");
	said(1, "de oppositie", "de oppositie");
	ck_assert_uint_eq(run("De wethouder noemde het plan \"een goede stap\" en de bewoners spraken van \"een "
	                      "gemiste kans\"."), 2);
	ck_assert_str_eq(cue(1), "spraken");
	said(1, "de bewoners", "de bewoners");
	/* a pronoun there goes on with the subject before */
	ck_assert_uint_eq(run("Anna Jansen noemde het plan \"een goede stap\", al vindt ze het tweede deel \"wat "
	                      "mager\"."), 2);
	said(1, "Anna Jansen", "Anna Jansen");
	/* a quotation inside the first clause stays its verb's */
	ck_assert_uint_eq(run("De minister noemde het plan \"een goede stap\" en \"een kans voor iedereen\"."), 2);
	ck_assert_str_eq(cue(1), "noemde");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("news_quotes");
	TCase *tc = tcase_create("news");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, an_adjective_of_a_people_before_an_unknown_noun_is_no_name);
	tcase_add_test(tc, a_source_opening_the_sentence_outranks_a_bare_plural);
	tcase_add_test(tc, what_a_naming_verb_calls_a_book_is_no_title);
	tcase_add_test(tc, a_surname_after_a_capitalised_particle_may_end_like_an_adjective);
	tcase_add_test(tc, a_role_and_its_portfolio_before_a_name_are_no_name);
	tcase_add_test(tc, a_clause_of_its_own_after_a_quotation_has_its_own_speaker);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
