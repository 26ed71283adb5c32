/* Unit tests of who a mention stands for in extract-quotes (mentions.c,
 * people.c): descriptions linked to the named person they describe, what
 * is not a person. Run through the attribution with the built-in model, as
 * a user sees it. The passages are written for these tests. */
#include "check_main.h"
#include "attribution_check.h"

START_TEST(a_bare_role_after_a_copula_names_the_person)
{
	/* "Myriel was bisschop": a later "de bisschop" is Myriel, though
	 * another man was named since; and the director is not the bishop */
	ck_assert_uint_eq(run("In 1815 was Charles Myriel bisschop van Digne. Zijn zuster woonde bij "
	                      "hem. Pierre Gaultier was directeur van het hospitaal.\n\nOp een dag zat "
	                      "de bisschop in de tuin.\n\n\"Hoeveel zieken zijn er?\" vroeg de "
	                      "bisschop.\n\n\"Zes en twintig,\" zei de directeur."), 2);
	ck_assert_str_eq(speaker(0), "de bisschop");
	ck_assert_str_eq(name(0), "Charles Myriel");
	ck_assert_str_eq(name(1), "Pierre Gaultier");
	/* the copula before the name, with a title between ("was de heer
	 * Myriel bisschop") */
	ck_assert_uint_eq(run("In 1815 was de heer Charles Myriel bisschop van Digne. Pierre Gaultier "
	                      "woonde er ook.\n\n\"Kom binnen,\" zei de bisschop."), 1);
	ck_assert_str_eq(name(0), "Charles Myriel");
}
END_TEST

START_TEST(a_description_set_off_by_commas_names_the_person)
{
	/* after the name or before it: a later "de meid" is Anna Bos */
	ck_assert_uint_eq(run("Toen kwam Anna Bos, de meid, binnen met Jan Smit.\n\n\"Het eten is "
	                      "klaar,\" zei de meid."), 1);
	ck_assert_str_eq(speaker(0), "de meid");
	ck_assert_str_eq(name(0), "Anna Bos");
	ck_assert_uint_eq(run("Toen kwam de meid, Anna Bos, binnen met Jan Smit.\n\n\"Het eten is "
	                      "klaar,\" zei de meid."), 1);
	ck_assert_str_eq(name(0), "Anna Bos");
	/* a listing is no apposition: the maid is someone else than Jan */
	ck_assert_uint_eq(run("Toen kwamen Jan Smit, de meid en de knecht binnen.\n\n\"Het eten is "
	                      "klaar,\" zei de meid."), 1);
	ck_assert_str_ne(name(0), "Jan Smit");
}
END_TEST

START_TEST(a_description_before_a_name_in_commas_is_the_named_speaker)
{
	/* the description at the cue is the person the apposition names,
	 * also with the field of the role after it */
	ck_assert_uint_eq(run("Bij de opening sprak de wethouder van Sport, Ilse Kramer, van \"een "
	                      "dag om nooit te vergeten\"."), 1);
	ck_assert_str_eq(speaker(0), "de wethouder");
	ck_assert_str_eq(name(0), "Ilse Kramer");
	/* with a possessive, and a pronoun later on: the person named */
	ck_assert_uint_eq(run("Haar broer, Joost, is minder blij. \"Ik heb er geen zin in,\" zegt hij."), 1);
	ck_assert_str_eq(name(0), "Joost");
}
END_TEST

START_TEST(a_noun_we_do_not_list_with_its_body_before_the_verb_speaks)
{
	/* "recensent" is in no list: before the reporting verb, with "van" and
	 * the paper between, it is still the subject */
	ck_assert_uint_eq(run("Een recensent van het Dagblad noemde het werk \"rommelig en "
	                      "onaf\"."), 1);
	ck_assert_str_eq(speaker(0), "Een recensent");
}
END_TEST

START_TEST(a_listed_first_name_gives_a_full_name_its_gender_and_stays_in_it)
{
	/* "Griet" is a first name before it is a word for a girl */
	ck_assert_uint_eq(run("'We nemen geen enkel risico', zegt burgemeester Griet Vanhoutte."), 1);
	ck_assert_str_eq(name(0), "Griet Vanhoutte");
	/* "hij" is the man named just before, not the woman who spoke
	 * earlier (both names are in first-names.txt) */
	ck_assert_uint_eq(run("\"Zonder het dorpshuis zie ik mijn kleinkinderen nooit\", vertelt Geesje "
	                      "Mulder. Ook raadslid Lieven Bakker stemde tegen. Hij vindt dat andere "
	                      "dorpen nu \"met lege handen\" staan."), 2);
	ck_assert_str_eq(name(1), "Lieven Bakker");
}
END_TEST

START_TEST(hyphenated_given_names_are_one_person)
{
	ck_assert_uint_eq(run("Het was Charles-François Myriel die kwam. Toen kwam Pierre Myriel."
	                      "\n\n\"Ja,\" zei Charles Myriel."), 1);
	ck_assert_str_eq(name(0), "Charles-François Myriel");
}
END_TEST

START_TEST(adjectives_separated_by_commas_describe_one_person)
{
	ck_assert_uint_eq(run("Bij de deur stond een klein, donker, levendig man als koetsier gekleed. "
	                      "Holmes keek op.\n\n\"Bent u de heren van Miss Morstan?\" vroeg hij."), 1);
	ck_assert_str_eq(name(0), "een klein, donker, levendig man");
}
END_TEST

START_TEST(a_count_of_an_unknown_noun_is_not_a_speaker)
{
	/* "zei enkele malen": how often, not who */
	ck_assert_uint_eq(run("Jan de Vries keek rond, zei enkele malen: \"Nee, nee.\""), 1);
	ck_assert_str_eq(name(0), "Jan de Vries");
	/* a listed plural still is */
	ck_assert_uint_eq(run("Toen kwamen de buren. Daarna zeiden enkele bewoners: \"Nee.\""), 1);
	ck_assert_str_eq(speaker(0), "enkele bewoners");
}
END_TEST

START_TEST(a_pronoun_stands_for_the_described_subject_just_before)
{
	/* the bishop (a role of no known gender) was the subject of the
	 * sentence before "vroeg hij", the man (a man) two sentences back */
	ck_assert_uint_eq(run("De vrouw had de man aangeklaagd. De man was verloren en zou te Aix "
	                      "gevonnist worden. De bisschop hoorde dit alles zwijgend aan. Toen het "
	                      "verhaal ten einde was, vroeg hij:\n\n\"Waar zal die man gevonnist "
	                      "worden?\""), 1);
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "De bisschop");
}
END_TEST

START_TEST(a_title_of_the_other_sex_names_another_person)
{
	/* Miss Morstan is not her father Arthur Morstan, and "zij" is her */
	ck_assert_uint_eq(run("In 1878 verdween Arthur Morstan. Tien jaar later kwam Miss Morstan bij "
	                      "Holmes.\n\n\"Mijn vader is nooit teruggekomen,\" zei Miss Morstan."), 1);
	ck_assert_str_eq(name(0), "Morstan");
	ck_assert_uint_eq(run("In 1878 verdween Arthur Morstan. Tien jaar later kwam Miss Morstan bij "
	                      "Holmes.\n\n\"Mijn vader is nooit teruggekomen,\" zei zij."), 1);
	ck_assert_str_eq(name(0), "Morstan");
}
END_TEST

START_TEST(a_capitalised_adjective_is_no_name)
{
	/* "een Hindoesch bediende": a description of the servant who opened,
	 * not a person called Hindoesch, nor Jan, who knocked */
	ck_assert_uint_eq(run("Jan de Vries klopte aan. De deur werd geopend door een Hindoesch "
	                      "bediende in het wit.\n\n\"De heer verwacht u,\" zei hij."), 1);
	ck_assert_str_eq(name(0), "een Hindoesch bediende");
}
END_TEST

START_TEST(a_pronoun_subject_goes_on_with_the_named_subject_before)
{
	/* Bekker (of no known gender) was the subject of the sentence before;
	 * Hoyer, known to be a man, of three sentences back */
	ck_assert_uint_eq(run("Meneer Hoyer kwam binnen. Hij ging bij het raam zitten. Een uur later "
	                      "kwam ook Bekker. Aan den wijn is Bekker niet gegaan. Hij stak een pijp "
	                      "op.\n\n\"Het is koud,\" zei hij."), 1);
	ck_assert_str_eq(name(0), "Bekker");
	/* in one sentence, a pronoun subject after a named one of no known
	 * gender is someone else: "zij" is not Holmes */
	ck_assert_uint_eq(run("Miss Morstan kwam binnen. Toen zij ging zitten op den stoel, dien "
	                      "Holmes haar aanbood, beefde zij.\n\n\"Ik ben bang,\" zei zij."), 1);
	ck_assert_str_eq(name(0), "Morstan");
}
END_TEST

START_TEST(a_name_in_a_relative_clause_is_no_subject)
{
	/* Holmes asks in a relative clause: the subject before "zeide zij" is
	 * Miss Morstan, not Holmes */
	ck_assert_uint_eq(run("Miss Morstan beantwoordde kort de vragen, die Sherlock Holmes haar stelde."
	                      "\n\n\"Mijn vader was zijn vriend,\" zeide zij."), 1);
	ck_assert_str_eq(name(0), "Morstan");
}
END_TEST

START_TEST(an_adjective_of_a_people_is_not_one_of_the_people_the_text_is_about)
{
	/* "Oostersche" stands free three times, but before a noun: the text is
	 * about Thaddeus, who says the first line before he is named */
	ck_assert_uint_eq(run("\"Welkom, mijne heeren,\" riep hij.\n\nHet vertrek was vol Oostersche "
	                      "tapijten, met Oostersche lampen en Oostersche beelden. Wij gingen zitten, "
	                      "en Thaddeus schonk thee. Later sprak Thaddeus over zijn vader, en Thaddeus "
	                      "zuchtte."), 1);
	ck_assert_str_eq(name(0), "Thaddeus");
}
END_TEST

START_TEST(a_bare_plural_for_people_is_a_group_speaker)
{
	/* a plural person noun without an article speaks as a group: after
	 * the reporting verb, as a passive agent, after "volgens" (the
	 * plural of a noun in -e: ingewijde), opening the sentence */
	ck_assert_uint_eq(run("\"De wachttijden zijn veel te lang\", zeggen critici."), 1);
	ck_assert_str_eq(speaker(0), "critici");
	ck_assert_uint_eq(run("Het nieuwe rooster werd door verpleegkundigen als \"onwerkbaar\" omschreven."), 1);
	ck_assert_str_eq(speaker(0), "verpleegkundigen");
	ck_assert_uint_eq(run("Volgens ingewijden is de fusie \"zo goed als rond\"."), 1);
	ck_assert_str_eq(speaker(0), "ingewijden");
	ck_assert_uint_eq(run("Onderzoekers van de universiteit hebben het rapport \"een keerpunt in de "
	                      "zorg\" genoemd."), 1);
	ck_assert_str_eq(speaker(0), "Onderzoekers");
	/* opening a clause after a coordinator, with a subject before it */
	ck_assert_uint_eq(run("De gemeente is tevreden, maar critici noemen het plan \"een gemiste kans "
	                      "voor de regio\"."), 1);
	ck_assert_str_eq(speaker(0), "critici");
	ck_assert_uint_eq(run("De gemeente is tevreden en boze bewoners noemen het plan \"een gemiste "
	                      "kans voor de regio\"."), 1);
	ck_assert_str_eq(speaker(0), "boze bewoners");
	/* before a name the names are the mention */
	ck_assert_uint_eq(run("\"We gaan door\", zeiden ministers Jansen en De Boer."), 1);
	ck_assert_str_eq(name(0), "Jansen");
}
END_TEST

START_TEST(a_surname_with_a_lower_case_particle_is_a_name)
{
	/* Dutch and Flemish text write "van Dijk" without the first name in
	 * lower case: after a reporting verb or "volgens" it is the person */
	ck_assert_uint_eq(run("Wethouder Karel van der Meer en Lotte de Groot spraken de raad toe. "
	                      "\"Het budget is op\", zei van der Meer."), 1);
	ck_assert_str_eq(speaker(0), "van der Meer");
	ck_assert_str_eq(name(0), "Karel van der Meer");
	ck_assert_uint_eq(run("Volgens ten Brink is de dijk \"niet langer veilig\"."), 1);
	ck_assert_str_eq(speaker(0), "ten Brink");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("quote_people");
	TCase *tc = tcase_create("people");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_bare_role_after_a_copula_names_the_person);
	tcase_add_test(tc, a_description_set_off_by_commas_names_the_person);
	tcase_add_test(tc, a_description_before_a_name_in_commas_is_the_named_speaker);
	tcase_add_test(tc, a_noun_we_do_not_list_with_its_body_before_the_verb_speaks);
	tcase_add_test(tc, a_listed_first_name_gives_a_full_name_its_gender_and_stays_in_it);
	tcase_add_test(tc, hyphenated_given_names_are_one_person);
	tcase_add_test(tc, adjectives_separated_by_commas_describe_one_person);
	tcase_add_test(tc, a_count_of_an_unknown_noun_is_not_a_speaker);
	tcase_add_test(tc, a_pronoun_stands_for_the_described_subject_just_before);
	tcase_add_test(tc, a_title_of_the_other_sex_names_another_person);
	tcase_add_test(tc, a_capitalised_adjective_is_no_name);
	tcase_add_test(tc, a_pronoun_subject_goes_on_with_the_named_subject_before);
	tcase_add_test(tc, a_name_in_a_relative_clause_is_no_subject);
	tcase_add_test(tc, an_adjective_of_a_people_is_not_one_of_the_people_the_text_is_about);
	tcase_add_test(tc, a_bare_plural_for_people_is_a_group_speaker);
	tcase_add_test(tc, a_surname_with_a_lower_case_particle_is_a_name);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
