/* Unit tests of speaker and cue attribution (extract-quotes/attribution.c
 * and what it drives: cues, mentions, people, the ranker with the built-in
 * model). The passages are written for these tests. */
#include <stdio.h>
#include <string.h>
#include "check_main.h"
#include "attribution_check.h"

START_TEST(cue_after_the_quotation)
{
	ck_assert_uint_eq(run("Robert van de Roer volgt de NAVO al jaren. \"Dit is een keerpunt\", "
	                      "zegt Van de Roer."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_AFTER);
	ck_assert_str_eq(cue(0), "zegt");
	ck_assert_str_eq(speaker(0), "Van de Roer");
	ck_assert_str_eq(name(0), "Robert van de Roer");

	run("\"Wij wachten af\", aldus minister Kaag.");
	ck_assert_str_eq(cue(0), "aldus");
	ck_assert_str_eq(speaker(0), "Kaag");
}
END_TEST

/* "zei hij" never goes to a woman the text has named, nor "zei ze" to a
 * man: when no one of that sex is in view, the pronoun speaks for someone
 * unnamed (the speaker is the pronoun, with no name). */
/* A capitalised word of a people before a noun for a person is its
 * adjective, at the start of a sentence too: the noun heads the
 * description ("De Britse premier", not "De Britse"); alone it is the
 * noun ("zei de Britse"). */
START_TEST(a_capitalised_adjective_of_a_people_before_a_role)
{
	run("De Britse premier zei dat hij \"geen spijt\" heeft.");
	ck_assert_str_eq(speaker(0), "De Britse premier");
	/* "'er" makes a person of what it follows: a member, a pupil */
	run("Guy Verwilghen zweeg. \"Dit is erger dan vroeger\", aldus een VLD'er uit de omgeving van "
	    "Verwilghen.");
	ck_assert_str_eq(speaker(0), "een VLD'er");
	run("\"We stemmen tegen,\" zeggen de CDA\u2019ers in de raad.");
	ck_assert_str_eq(speaker(0), "de CDA\u2019ers");
	run("\"Ik blijf,\" zei de Britse.");
	ck_assert_str_eq(speaker(0), "de Britse");
	run("Een Duitse toerist zei: \"Prachtig.\"");
	ck_assert_str_eq(speaker(0), "Een Duitse toerist");
	/* an adjective of a place that ends the phrase is someone from there */
	run("\"Ik ben blij dat het voorbij is,\" zegt de 42-jarige Utrechtse, die bij het bedrijf werkte.");
	ck_assert_str_eq(speaker(0), "de 42-jarige Utrechtse");
}
END_TEST

/* Headlines drop the article: a role noun right after the reporting
 * verb is the speaker, and the person named with that role before. */
START_TEST(a_role_without_its_article_after_the_verb)
{
	run("'Dit was de laatste keer', zegt burgemeester na nieuwe rellen");
	ck_assert_str_eq(speaker(0), "burgemeester");
	run("Minister Bos was boos. \"Het is genoeg geweest,\" zegt minister.");
	ck_assert_str_eq(name(0), "Bos");
}
END_TEST

/* Dialogue written one turn a line, without blank lines, reads as the
 * same dialogue with them: the same quotations, the same speakers. */
static void same_with_single_line_breaks(const char *blank)
{
	char one[2048], got[16][2][128];
	size_t n = run(blank);
	ck_assert_uint_gt(n, 2);
	ck_assert_uint_le(n, 16);
	for (size_t i = 0; i < n; i++) {
		snprintf(got[i][0], sizeof got[i][0], "%s", quote(i));
		snprintf(got[i][1], sizeof got[i][1], "%s", name(i));
	}
	size_t k = 0;
	for (const char *p = blank; *p && k + 1 < sizeof one; p++)
		if (!(p[0] == '\n' && p[1] == '\n'))
			one[k++] = *p;
	one[k] = 0;
	ck_assert_uint_eq(run(one), n);
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(quote(i), got[i][0]);
		ck_assert_str_eq(name(i), got[i][1]);
	}
}

START_TEST(dialogue_one_turn_a_line)
{
	same_with_single_line_breaks("\"Waar ga je heen?\" vroeg Jonas aan zijn zus.\n\n"
	                             "\"Naar buiten,\" antwoordde Eline.\n\n\"Met dit weer?\"\n\n"
	                             "\"Ja, met dit weer.\"");
	same_with_single_line_breaks("Inspecteur Sandra Verbeek keek de man aan.\n\n"
	                             "\u2013 Waar was u gisteravond? vroeg ze.\n\n\u2013 Thuis.\n\n"
	                             "De man keek weg.\n\n\u2013 Alleen?\n\n\u2013 Met mijn vrouw, zei hij.");
	/* a list whose item ends in a quotation is still a list */
	ck_assert_uint_eq(run("Burgemeesters\n - 1895-1921: Roelof Hessels, bijgenaamd 'de stille boer'\n"
	                      " - 1921-1946: Albertus Kwant\nKwant zei: \"Lezen is alles.\""), 1);
	ck_assert_str_eq(quote(0), "Lezen is alles.");
}
END_TEST

/* With tag-entities' hints, "van" before an organisation parts a surname
 * alone from it too; a person's "van" stays in the name. */
START_TEST(a_surname_alone_is_not_glued_to_its_organisation)
{
	const char *s = "\"Staal groeit snel\", zegt woordvoerder Verstraete van Sidmar.";
	const char *v = strstr(s, "Verstraete"), *o = strstr(s, "Sidmar");
	struct entity_hint h[2] = { { (size_t)(v - s), (size_t)(v - s) + 10, 1 },
	                            { (size_t)(o - s), (size_t)(o - s) + 6, 0 } };
	run_with(s, h, 2);
	ck_assert_str_eq(name(0), "Verstraete");
	const char *s2 = "\"Dat klopt\", zei Ruud van Nistelrooy.";
	const char *r = strstr(s2, "Ruud");
	struct entity_hint p = { (size_t)(r - s2), (size_t)(r - s2) + 19, 1 };
	run_with(s2, &p, 1);
	ck_assert_str_eq(name(0), "Ruud van Nistelrooy");
}
END_TEST

/* The passive agent of a fragment's verb is the one before it, not the
 * next clause's after a coordinator. */
START_TEST(the_agent_of_a_passive_is_in_its_own_clause)
{
	run("De jurken worden door vrouwen meestal als 'erg mooi' omschreven en door mannen sexy "
	    "gevonden.");
	ck_assert_str_eq(speaker(0), "vrouwen");
	run("De jurken worden door de vrouwen als 'erg mooi' omschreven en door de mannen sexy "
	    "gevonden.");
	ck_assert_str_eq(speaker(0), "de vrouwen");
}
END_TEST

START_TEST(a_pronoun_never_speaks_for_someone_of_the_other_sex)
{
	run("Anna Vos en Lotte de Wit wachtten bij de deur. Lotte keek op haar horloge.\n\n"
	    "\"Het is al laat,\" zei hij.");
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "-");

	run("Kees de Boer en Pieter Bakker stonden bij de auto.\n\n\"Rijden jullie mee?\" vroeg ze.");
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "-");

	/* nor "hij" for a body */
	run("Geschiedenis\n\nHij liet een school bouwen. Later zei hij: \"Een dorp dat leest, wint.\"");
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "-");

	/* nor "hij" for a group */
	run("Hij noemde zichzelf \"een gewone jongen\", maar zijn buren denken daar anders over.");
	ck_assert_str_eq(speaker(0), "Hij");
	ck_assert_str_eq(name(0), "-");

	/* with a woman in view, she speaks */
	run("Kees de Boer en Anna Vos stonden bij de auto.\n\n\"Rijden jullie mee?\" vroeg ze.");
	ck_assert_str_eq(name(0), "Anna Vos");
}
END_TEST

START_TEST(colon_before_and_roles_outside_the_name)
{
	run("EU-correspondent Sanne de Wit: \"Drie toppen op een dag, dat is veel.\"");
	ck_assert_int_eq(res[0].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_BEFORE);
	ck_assert_str_eq(cue(0), ":");
	ck_assert_str_eq(speaker(0), "Sanne de Wit");

	run("Premier Jansen zei: \"We houden vol.\"");
	ck_assert_str_eq(cue(0), "zei");
	ck_assert_str_eq(speaker(0), "Jansen");

	/* a title is no part of the name, an initial is */
	run("Dhr. P. de Boer zei: \"Het plan deugt niet.\"");
	ck_assert_str_eq(name(0), "P. de Boer");
}
END_TEST

START_TEST(separable_and_opinion_verbs)
{
	run("Minister Bakker sprak het parlement toe. Daar voegde hij aan toe: \"Ik twijfel niet.\"");
	ck_assert_str_eq(cue(0), "voegde");
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "Bakker");

	run("\"Dat was te weinig\", vond trainer Pieters.");
	ck_assert_str_eq(cue(0), "vond");
	ck_assert_str_eq(speaker(0), "Pieters");

	/* Without its particle the verb form is no cue: the quotation is
	 * still a full sentence, and its speaker the person the text is
	 * about. */
	run("Bakker voegde de stukken bij het dossier. \"Alles is nu compleet.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_NONE);
	ck_assert_str_eq(name(0), "Bakker");
}
END_TEST

START_TEST(prepositional_cue_and_previous_sentence)
{
	run("Volgens hoogleraar Eva Mulder is de top geslaagd. \"Het Westen toont eenheid.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_PREV_SENTENCE);
	ck_assert_str_eq(cue(0), "Volgens");
	ck_assert_str_eq(speaker(0), "Eva Mulder");

	run("Daar is geduld voor nodig, zegt Visser. \"Dit duurt jaren.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_PREV_SENTENCE);
	ck_assert_str_eq(speaker(0), "Visser");
}
END_TEST

START_TEST(pronouns_resolve_and_a_pronoun_inside_is_not_the_speaker)
{
	run("President Biden sprak gisteren in Brussel. \"Hij heeft zich vergist\", zei hij over "
	    "Poetin.");
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(name(0), "Biden");

	/* A capitalised adjective is no name, and a name in a prepositional
	 * phrase is no subject: "hij" is Simeon, not the newspaper. */
	run("De ex-koning Simeon meent dat hij premier wordt. Tegen de Spaanse krant El Pais "
	    "zei hij dat ,,het volk erom vraagt''.");
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(name(0), "Simeon");

	/* "zij" is a woman (or a group), never a man */
	run("Miss Morstan keek Holmes aan. \"Ik kom morgen terug\", zei zij.");
	ck_assert_str_eq(speaker(0), "zij");
	ck_assert_str_eq(name(0), "Morstan");
}
END_TEST

START_TEST(a_following_quotation_continues_its_speaker)
{
	ck_assert_uint_eq(run("Ook premier Rutte bleef niet achter: \"Er was eenheid\", zei hij. "
	                      "\"We moeten die bewaren.\""), 2);
	ck_assert_str_eq(name(0), "Rutte");
	ck_assert_int_eq(res[1].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[1].cue_pos, CUE_NONE);
	ck_assert_str_eq(name(1), "Rutte");

	/* A quotation split by an inserted cue. */
	ck_assert_uint_eq(run(",,Ik kom terug'', zei Trimble gisteren,,,maar niet zomaar.''"), 2);
	ck_assert_int_eq(res[1].kind, QUOTE_DIRECT);
	ck_assert_str_eq(speaker(1), "Trimble");
}
END_TEST

START_TEST(fragments_need_a_cue_and_terms_are_dropped)
{
	ck_assert_uint_eq(run("NAVO-chef Jens Stoltenberg waarschuwde voor een ‘groot "
	                      "offensief’ in het oosten."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(speaker(0), "Jens Stoltenberg");

	/* Scare quotes and terms: no reporting verb governs them. */
	ck_assert_uint_eq(run("Russen omzeilen de regels via 'mazen' in de wet. Het is geen "
	                      "'gamechanger'."), 0);

	/* A name or title in quotation marks is no fragment of speech. */
	ck_assert_uint_eq(run("Spielberg gaf toe dat Indiana Jones op de avonturen van "
	                      "\"Kuifje\" gebaseerd was."), 0);

	/* Titles of works: a year in brackets after them. */
	ck_assert_uint_eq(run("Hij schreef vele platen, waaronder 'Zomeravond' (1961) en 'Stad' "
	                      "(1970)."), 0);
}
END_TEST

START_TEST(person_entities_are_used_when_given)
{
	const char *s = "Mertens keek tevreden terug. \"Dit was ons beste duel.\"";
	run(s);
	ck_assert_str_eq(name(0), "-");   /* a capitalised first word only */
	struct entity_hint per = { 0, 7, 1 };
	run_with(s, &per, 1);
	ck_assert_str_eq(speaker(0), "Mertens");
	ck_assert_str_eq(name(0), "Mertens");
}
END_TEST

START_TEST(indirect_speech_only_when_asked)
{
	const char *s = "Premier Rutte zei gisteren dat het kabinet gewoon doorgaat. Bos vindt dat "
	                "het beter kan.";
	ck_assert_uint_eq(run(s), 0);
	attributor_set_indirect(at, 1);
	ck_assert_uint_eq(run(s), 1);   /* an opinion verb is no report */
	ck_assert_int_eq(res[0].kind, QUOTE_INDIRECT);
	ck_assert_str_eq(quote(0), "het kabinet gewoon doorgaat");
	ck_assert_str_eq(speaker(0), "Rutte");
	ck_assert_str_eq(cue(0), "zei");
}
END_TEST

START_TEST(dialogue_opened_by_a_dash)
{
	/* the reporting clause after the speech is not part of it */
	ck_assert_uint_eq(run("--Kom je morgen, Anna? vroeg hij.\n\n– Ja, zegt ze."), 2);
	ck_assert_str_eq(quote(0), "Kom je morgen, Anna?");
	ck_assert_str_eq(cue(0), "vroeg");
	ck_assert_str_eq(speaker(0), "hij");
	ck_assert_str_eq(quote(1), "Ja,");
	ck_assert_str_eq(cue(1), "zegt");

	/* speech going on after an inserted cue is one quotation */
	ck_assert_uint_eq(run("--Wel zeker, zeide hij, dat was ik. En hoe gaat het?"), 1);
	ck_assert_str_eq(quote(0), "Wel zeker, zeide hij, dat was ik. En hoe gaat het?");

	/* a list of points opened by hyphens is no dialogue */
	ck_assert_uint_eq(run("De gemeente wil drie dingen:\n\n- meer woningen\n\n- minder "
	                      "auto's\n\n- een nieuw station"), 0);
}
END_TEST

START_TEST(names_without_titles_and_affiliations)
{
	run("\"De wachtlijsten zijn te lang\", zegt huisarts Mehmet Yilmaz.");
	ck_assert_str_eq(name(0), "Mehmet Yilmaz");

	run("\"We gaan door\", zei Sophie Hermans van Economische Zaken.");
	ck_assert_str_eq(speaker(0), "Sophie Hermans");
	ck_assert_str_eq(name(0), "Sophie Hermans");

	/* every quotation of one person carries its fullest name */
	run("Karin de Wit opende de vergadering. \"Welkom\", zei K. de Wit. \"Tot straks\", "
	    "zei De Wit.");
	ck_assert_str_eq(name(0), "Karin de Wit");
	ck_assert_str_eq(name(1), "Karin de Wit");
}
END_TEST

START_TEST(the_narrator_speaks)
{
	run("Ik keek hem aan. \"Wat bedoelt u?\" vroeg ik.");
	ck_assert_str_eq(speaker(0), "ik");
	ck_assert_str_eq(name(0), "-");
}
END_TEST

START_TEST(a_reporting_clause_after_the_whole_clause)
{
	ck_assert_uint_eq(run("Hij wil het 'onrecht' ter sprake brengen, zegt de pastoor."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(cue(0), "zegt");
	ck_assert_str_eq(speaker(0), "de pastoor");
}
END_TEST

START_TEST(a_quotation_split_by_its_cue_keeps_its_speaker)
{
	ck_assert_uint_eq(run("Anna de Wit en Piet Smit liepen samen naar huis. \"Ik kom morgen,\" "
	                      "zei ze, \"als het niet regent.\""), 2);
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "Anna de Wit");
	ck_assert_str_eq(speaker(1), "ze");
	ck_assert_str_eq(name(1), "Anna de Wit");
}
END_TEST

START_TEST(a_first_name_alone_is_the_person_named_in_full)
{
	ck_assert_uint_eq(run("Marie Jansen en Kees de Boer zaten aan tafel. \"Kom je morgen?\" "
	                      "vroeg Kees."), 1);
	ck_assert_str_eq(speaker(0), "Kees");
	ck_assert_str_eq(name(0), "Kees de Boer");
}
END_TEST

/* A first name the text uses often is seeded as a person before the text
 * is read (prepass.c); the full name that introduces her is still the
 * same person, and every quotation of hers carries that name. */
START_TEST(a_first_name_used_often_is_still_the_person_named_in_full)
{
	ck_assert_uint_eq(run("In de keuken stond Ilse Vermeulen af te wassen. Haar zoon Daan kwam "
	                      "binnen.\n\n\"Waar is de krant?\" vroeg hij.\n\n\"Op tafel,\" zei "
	                      "Ilse.\n\nDaan keek. Toen riep Ilse hem terug. Ilse lachte.\n\n\"En "
	                      "je schoenen?\" vroeg Ilse."), 3);
	said(1, "Ilse", "Ilse Vermeulen");
	said(2, "Ilse", "Ilse Vermeulen");
	ck_assert_str_eq(name(0), "Daan");
}
END_TEST

/* A name that ends like an adjective of origin (Franse, Russische) is a
 * name at the end of a clause and when it is a listed first name. */
START_TEST(names_that_end_like_adjectives_of_origin)
{
	ck_assert_uint_eq(run("Het was stil in huis.\n\n\"Ben je daar?\" riep Denise."), 1);
	said(0, "Denise", "Denise");
	ck_assert_uint_eq(run("Het was stil.\n\n\"Nee,\" zei Ilse zacht."), 1);
	said(0, "Ilse", "Ilse");
}
END_TEST

START_TEST(a_first_name_tells_the_gender_a_pronoun_agrees_with)
{
	/* "ze" is the woman, whom only her first name shows to be one, though
	 * the man was named last and is the subject of the sentence before */
	run("Volgens voorzitter Ingrid de Wit kost de wedstrijd veel geld. Trainer Kees van der "
	    "Wal vond het prachtig. 'We hebben meer bier verkocht dan ooit', zei ze lachend.");
	ck_assert_str_eq(speaker(0), "ze");
	ck_assert_str_eq(name(0), "Ingrid de Wit");
	run("Volgens voorzitter Kees van der Wal kost de wedstrijd veel geld. Trainer Ingrid de "
	    "Wit vond het prachtig. 'We hebben meer bier verkocht dan ooit', zei hij lachend.");
	ck_assert_str_eq(name(0), "Kees van der Wal");
}
END_TEST

START_TEST(a_capitalised_article_inside_a_sentence_starts_a_surname)
{
	/* "De Graaf" after the verb is the minister, not a count ("graaf"),
	 * however far back his full name stood */
	run("Minister Ruben de Graaf kwam dinsdag aan in Brussel. Het overleg duurde lang. De "
	    "fabrieken draaien overuren.\n\n\"Dit is een begin\", zei De Graaf na afloop.");
	ck_assert_str_eq(speaker(0), "De Graaf");
	ck_assert_str_eq(name(0), "Ruben de Graaf");
}
END_TEST

START_TEST(a_described_person_is_named_by_the_description)
{
	/* every quotation of one unnamed person carries the same name */
	ck_assert_uint_eq(run("Een raadslid stond op. \"Dit kost te veel\", merkte een raadslid op. "
	                      "\"En het helpt niemand\", zei zij daarna."), 2);
	ck_assert_str_eq(speaker(0), "een raadslid");
	ck_assert_str_eq(name(0), "een raadslid");
	ck_assert_str_eq(speaker(1), "zij");
	ck_assert_str_eq(name(1), "een raadslid");
	/* "zijn zus" is not the man whose sister she is */
	ck_assert_uint_eq(run("Jan Bos keek op. \"Waar is Els?\" vroeg hij. \"Ze is weg,\" zei zijn "
	                      "zus."), 2);
	ck_assert_str_eq(name(0), "Jan Bos");
	ck_assert_str_eq(speaker(1), "zijn zus");
	ck_assert_str_eq(name(1), "zijn zus");
}
END_TEST

START_TEST(a_fragment_is_not_the_words_of_a_verb_before_a_subordinate_clause)
{
	ck_assert_uint_eq(run("De partij zei niets toen het bestuur koos voor een 'frisse start'."), 0);
	ck_assert_uint_eq(run("De voorzitter zei dat het bestuur koos voor een 'frisse start'."), 1);
	ck_assert_str_eq(cue(0), "zei");
	ck_assert_str_eq(speaker(0), "De voorzitter");
	/* a reporting verb with its preposition */
	ck_assert_uint_eq(run("De minister schermde met 'nieuwe cijfers over de wachtlijsten'."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(cue(0), "schermde");
}
END_TEST

START_TEST(plural_person_nouns_speak)
{
	/* plurals of listed nouns by the Dutch plural endings */
	ck_assert_uint_eq(run("Volgens de vrouwen ging het om een \"complete ramp\"."), 1);
	ck_assert_str_eq(speaker(0), "de vrouwen");
	ck_assert_uint_eq(run("\"Het is genoeg\", riepen de leraren."), 1);
	ck_assert_str_eq(speaker(0), "de leraren");
	ck_assert_uint_eq(run("De kinderen noemden het een \"heel gek idee\"."), 1);
	ck_assert_str_eq(speaker(0), "De kinderen");
}
END_TEST

START_TEST(a_reporting_verb_last_in_its_clause)
{
	ck_assert_uint_eq(run("De wethouder aarzelde niet om het plan een \"ramp voor de wijk\" te "
	                      "noemen."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(cue(0), "noemen");
	ck_assert_str_eq(speaker(0), "De wethouder");
}
END_TEST

START_TEST(arabic_name_particles_and_the_press)
{
	ck_assert_uint_eq(run("\"We gaan door\", zei wethouder Yasmina el Idrissi."), 1);
	ck_assert_str_eq(name(0), "Yasmina el Idrissi");
	/* a newspaper or magazine speaks */
	ck_assert_uint_eq(run("Volgens het weekblad Elsevier is het \"een gemiste kans\"."), 1);
	ck_assert_str_eq(cue(0), "Volgens");
	ck_assert_str_eq(name(0), "Elsevier");
}
END_TEST

/* Dialogue: the passages below are written for these tests. */
START_TEST(bare_turns_alternate_between_the_two_people_talking)
{
	ck_assert_uint_eq(run("Kees de Boer en Lotte Visser zaten op het terras.\n\n"
	                      "\"Wil je nog koffie?\" vroeg Kees.\n\n\"Graag, met melk.\"\n\n"
	                      "\"Suiker ook?\"\n\n\"Nee, dank je.\""), 4);
	static const char *const turns[] = { "Kees de Boer", "Lotte Visser", "Kees de Boer",
	                                     "Lotte Visser" };
	for (size_t i = 0; i < 4; i++) {
		ck_assert_int_eq(res[i].cue_pos, i ? CUE_NONE : CUE_AFTER);
		ck_assert_str_eq(name(i), turns[i]);
	}
}
END_TEST

START_TEST(the_person_addressed_is_not_the_speaker)
{
	/* a vocative inside the quotation, by first name, names the one
	 * spoken to, even right after a sentence about them; both ways round */
	static const char *const walk[2][2] = { { "Anna de Vries", "Bram Smit" },
	                                        { "Bram Smit", "Anna de Vries" } };
	for (int k = 0; k < 2; k++) {
		char passage[256], first[16];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(walk[k][0], " "), walk[k][0]);
		snprintf(passage, sizeof passage, "%s liep met %s naar huis. Het regende hard. %s keek "
		         "naar de lucht.\n\n\"Kom op, %s, het wordt al donker.\"", walk[k][0], walk[k][1],
		         walk[k][0], first);
		ck_assert_uint_eq(run(passage), 1);
		ck_assert_str_eq(name(0), walk[k][1]);
	}
}
END_TEST

START_TEST(a_text_that_starts_in_the_middle_of_a_dialogue)
{
	/* nobody is named before the first two turns: once the text is read,
	 * they alternate back from the named ones */
	ck_assert_uint_eq(run("\"Is de trein al weg?\"\n\n\"Al tien minuten.\" Buiten blies de wind "
	                      "door de lege hal en het begon al te schemeren boven de rails.\n\n"
	                      "\"Wanneer gaat de volgende?\" vroeg Karel Jansen.\n\n"
	                      "\"Om acht uur,\" zei Els Bakker."), 4);
	ck_assert_str_eq(name(0), "Karel Jansen");
	ck_assert_str_eq(name(1), "Els Bakker");
	/* "hij" is never the narrator, the only one met so far: the man who
	 * speaks later */
	ck_assert_uint_eq(run("Ik keek op van mijn boek.\n\n\"Dat weet ik niet,\" antwoordde hij.\n\n"
	                      "\"Dan vraag ik het morgen,\" zei ik.\n\nPieter Smit stond op en liep "
	                      "naar het raam. \"Doe dat,\" zei Pieter Smit."), 3);
	said(0, "hij", "Pieter Smit");
	said(1, "ik", "-");
}
END_TEST

START_TEST(a_description_after_a_copula_names_its_subject)
{
	/* "Zij was een ... vrouw" says who she is: the later "de jonge vrouw"
	 * is Marleen Vos, not someone new */
	ck_assert_uint_eq(run("Marleen Vos kwam de kamer binnen. Zij was een lange jonge vrouw met "
	                      "rood haar.\n\nIk stond op. \"Ik zoek de eigenaar,\" zei de jonge vrouw."), 1);
	said(0, "de jonge vrouw", "Marleen Vos");
	/* not after another verb: she saw someone else */
	ck_assert_uint_eq(run("Marleen Vos kwam de kamer binnen. Zij zag een lange jonge vrouw met "
	                      "rood haar.\n\nIk stond op. \"Ik zoek de eigenaar,\" zei de jonge vrouw."), 1);
	ck_assert_str_ne(name(0), "Marleen Vos");
}
END_TEST

START_TEST(the_turn_before_the_narrators_is_the_other_ones)
{
	/* a bare turn right before one the narrator says ("zei ik") is said
	 * by the other one talking, though the narration before it is the
	 * narrator's ("Ik schonk koffie in.") */
	static const char *const talk[][2] = {
		{ "Ik zat aan tafel met Pieter Smit. Ik schonk koffie in.", "Is er nog melk?" },
		{ "Ik stond met Bram Smit op het perron. Ik keek op de klok.", "Is de trein te laat?" },
		{ "Ik zat aan tafel met Anna de Vries. Ik schonk thee in.", "Heb je nog suiker?" },
	};
	static const char *const other[] = { "Pieter Smit", "Bram Smit", "Anna de Vries" };
	for (size_t k = 0; k < sizeof talk / sizeof talk[0]; k++) {
		char passage[256];
		snprintf(passage, sizeof passage, "%s\n\n\"%s\"\n\n\"Nee,\" zei ik.", talk[k][0],
		         talk[k][1]);
		ck_assert_uint_eq(run(passage), 2);
		ck_assert_str_eq(name(0), other[k]);
		said(1, "ik", "-");
	}
}
END_TEST

START_TEST(a_bare_turn_after_narration_is_the_one_named_there)
{
	/* after a stretch of narration that names someone and then talks of
	 * passers-by as "hij" or "zij", a bare quotation is the named one's */
	static const char *const scene[][3] = {
		{ "Karel Jansen", "Een man met een lamp kwam ons tegen, en hij keek naar een conducteur",
		  "Zie je die trein?" },
		{ "Bram Smit", "Een vrouw met een fiets kwam ons tegen, en zij keek naar een jongen",
		  "Is dat de maan?" },
		{ "Els Bakker", "Een man met een hond kwam ons tegen, en hij keek naar een agent",
		  "Zie je dat licht?" },
	};
	for (size_t k = 0; k < sizeof scene / sizeof scene[0]; k++) {
		char passage[256];
		snprintf(passage, sizeof passage, "%s was moe. Wij liepen naar het eind van de straat. "
		         "%s die daar stond.\n\nWij bleven staan en keken om ons heen. \"%s\"",
		         scene[k][0], scene[k][1], scene[k][2]);
		ck_assert_uint_eq(run(passage), 1);
		ck_assert_str_eq(name(0), scene[k][0]);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("attribution");
	TCase *tc = tcase_create("speakers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, cue_after_the_quotation);
	tcase_add_test(tc, colon_before_and_roles_outside_the_name);
	tcase_add_test(tc, separable_and_opinion_verbs);
	tcase_add_test(tc, prepositional_cue_and_previous_sentence);
	tcase_add_test(tc, pronouns_resolve_and_a_pronoun_inside_is_not_the_speaker);
	tcase_add_test(tc, a_following_quotation_continues_its_speaker);
	tcase_add_test(tc, fragments_need_a_cue_and_terms_are_dropped);
	tcase_add_test(tc, person_entities_are_used_when_given);
	tcase_add_test(tc, indirect_speech_only_when_asked);
	tcase_add_test(tc, dialogue_opened_by_a_dash);
	tcase_add_test(tc, names_without_titles_and_affiliations);
	tcase_add_test(tc, the_narrator_speaks);
	tcase_add_test(tc, a_reporting_clause_after_the_whole_clause);
	tcase_add_test(tc, a_quotation_split_by_its_cue_keeps_its_speaker);
	tcase_add_test(tc, a_first_name_alone_is_the_person_named_in_full);
	tcase_add_test(tc, a_first_name_tells_the_gender_a_pronoun_agrees_with);
	tcase_add_test(tc, a_capitalised_article_inside_a_sentence_starts_a_surname);
	tcase_add_test(tc, a_described_person_is_named_by_the_description);
	tcase_add_test(tc, a_fragment_is_not_the_words_of_a_verb_before_a_subordinate_clause);
	tcase_add_test(tc, plural_person_nouns_speak);
	tcase_add_test(tc, a_reporting_verb_last_in_its_clause);
	tcase_add_test(tc, arabic_name_particles_and_the_press);
	tcase_add_test(tc, bare_turns_alternate_between_the_two_people_talking);
	tcase_add_test(tc, the_person_addressed_is_not_the_speaker);
	tcase_add_test(tc, the_turn_before_the_narrators_is_the_other_ones);
	tcase_add_test(tc, a_bare_turn_after_narration_is_the_one_named_there);
	tcase_add_test(tc, a_text_that_starts_in_the_middle_of_a_dialogue);
	tcase_add_test(tc, a_description_after_a_copula_names_its_subject);
	tcase_add_test(tc, a_first_name_used_often_is_still_the_person_named_in_full);
	tcase_add_test(tc, names_that_end_like_adjectives_of_origin);
	tcase_add_test(tc, a_pronoun_never_speaks_for_someone_of_the_other_sex);
	tcase_add_test(tc, the_agent_of_a_passive_is_in_its_own_clause);
	tcase_add_test(tc, a_surname_alone_is_not_glued_to_its_organisation);
	tcase_add_test(tc, dialogue_one_turn_a_line);
	tcase_add_test(tc, a_role_without_its_article_after_the_verb);
	tcase_add_test(tc, a_capitalised_adjective_of_a_people_before_a_role);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
