/* A suite of sentence-splitting rules, one case each, for the Dutch splitter
 * (common/sentence.c and its rule files): the cases a general test of
 * sentence splitting holds — numbers, dates, times, abbreviations at the
 * end of a sentence or inside it, initials, URLs, quotes and brackets after
 * the stop, enumerations, emoticons, headings — each with the split a
 * reader expects. Written for these tests; " | " separates sentences. */
#include <check.h>

#include "check_main.h"
#include "sentence_check.h"

static const struct rule_case {
	const char *rule, *text, *expected;
} cases[] = {
	/* numbers */
	{"ordinal", "Hij werd 3e in de race. Daarna stopte hij.", "Hij werd 3e in de race. | Daarna stopte hij."},
	{"ordinal -de", "De 2de plaats ging naar hem. De 1ste naar haar.",
	 "De 2de plaats ging naar hem. | De 1ste naar haar."},
	{"decimal comma", "De groei was 3,5 procent. Dat viel tegen.", "De groei was 3,5 procent. | Dat viel tegen."},
	{"thousands", "De stad telt 1.250.000 inwoners. Dat is veel.",
	 "De stad telt 1.250.000 inwoners. | Dat is veel."},
	{"number ends", "Hij belde 112. De politie kwam.", "Hij belde 112. | De politie kwam."},
	{"percent", "Het is 50%. Dat is de helft.", "Het is 50%. | Dat is de helft."},
	{"money", "Het kost € 3,50. Dat is duur.", "Het kost € 3,50. | Dat is duur."},
	{"score", "De score was 2-1. Ajax won.", "De score was 2-1. | Ajax won."},
	{"phone", "U kunt bellen naar 020-1234567. We zijn open.", "U kunt bellen naar 020-1234567. | We zijn open."},
	{"unit", "De temperatuur was -5 °C. Het vroor.", "De temperatuur was -5 °C. | Het vroor."},
	{"sentence starts with a year", "Hij won in 2004. In 2008 verloor hij.", "Hij won in 2004. | In 2008 verloor hij."},
	/* dates and times */
	{"date with month abbreviation", "Op 1 jan. 2000 begon het. Niemand wist ervan.",
	 "Op 1 jan. 2000 begon het. | Niemand wist ervan."},
	{"month abbreviation ends", "Het gebeurde in jan. Niemand wist het.", "Het gebeurde in jan. | Niemand wist het."},
	{"month abbreviation before a word", "Vanaf 1 jan. betalen we meer. Dat is duur.",
	 "Vanaf 1 jan. betalen we meer. | Dat is duur."},
	{"weekday abbreviation", "Hij kwam op zo. 3 april. Niemand wist het.",
	 "Hij kwam op zo. 3 april. | Niemand wist het."},
	{"time with a stop", "Het begon om 14.30 uur. Iedereen was er.", "Het begon om 14.30 uur. | Iedereen was er."},
	{"time with a colon", "Het gebeurde om 12:00 uur. Daarna niet.", "Het gebeurde om 12:00 uur. | Daarna niet."},
	/* abbreviations */
	{"o.a.", "Er waren o.a. appels en peren. Ook bananen.", "Er waren o.a. appels en peren. | Ook bananen."},
	{"m.a.w. first", "M.a.w. het kan niet. Wij stoppen.", "M.a.w. het kan niet. | Wij stoppen."},
	{"bv.", "Neem bv. een appel. Of een peer.", "Neem bv. een appel. | Of een peer."},
	{"dhr. mevr.", "Dhr. Jansen kwam binnen. Mevr. De Vries ook.", "Dhr. Jansen kwam binnen. | Mevr. De Vries ook."},
	{"nr.", "Het staat in nr. 5 van het blad. Lees het.", "Het staat in nr. 5 van het blad. | Lees het."},
	{"nr. at the end", "Hij was nr. 1. Zij was nr. 2.", "Hij was nr. 1. | Zij was nr. 2."},
	{"blz.", "Zie blz. 12 voor details. Dank u.", "Zie blz. 12 voor details. | Dank u."},
	{"ca.", "Er kwamen ca. 500 mensen. Het was druk.", "Er kwamen ca. 500 mensen. | Het was druk."},
	{"enz. at the end", "Hij kocht appels, peren enz. Daarna ging hij naar huis.",
	 "Hij kocht appels, peren enz. | Daarna ging hij naar huis."},
	{"St.", "Hij woont in St. Petersburg. Het is er koud.", "Hij woont in St. Petersburg. | Het is er koud."},
	{"e.g.", "Dit is e.g. een voorbeeld. Nog een.", "Dit is e.g. een voorbeeld. | Nog een."},
	{"art. in brackets", "De wet (art. 5) zegt het. Meer niet.", "De wet (art. 5) zegt het. | Meer niet."},
	{"dr.", "Hij sprak met dr. Smit. Die gaf advies.", "Hij sprak met dr. Smit. | Die gaf advies."},
	{"mw.", "Vraag het aan mw. Jansen. Zij weet het.", "Vraag het aan mw. Jansen. | Zij weet het."},
	{"B.V. at the end", "Het bedrijf heet Albert Heijn B.V. Het zit in Zaandam.",
	 "Het bedrijf heet Albert Heijn B.V. | Het zit in Zaandam."},
	{"acronym at the end", "Ze kwamen uit de VS. De reis duurde lang.", "Ze kwamen uit de VS. | De reis duurde lang."},
	{"p.c. at the end", "Het was ongeveer 5 p.c. Niet meer.", "Het was ongeveer 5 p.c. | Niet meer."},
	{"abbreviation before a starter", "Hij werd ten slotte prof. Daarna ging hij met pensioen.",
	 "Hij werd ten slotte prof. | Daarna ging hij met pensioen."},
	/* initials */
	{"initials together", "Th.J. Smit schreef het boek. Het verscheen in 1990.",
	 "Th.J. Smit schreef het boek. | Het verscheen in 1990."},
	{"initial and particle", "De heer A. de Vries kwam. Hij bleef lang.", "De heer A. de Vries kwam. | Hij bleef lang."},
	{"initial after a role", "Premier M. Rutte sprak. Het was kort.", "Premier M. Rutte sprak. | Het was kort."},
	/* URLs and e-mail */
	{"host and e-mail", "Zie www.zeef.nl voor meer. Of mail naar info@zeef.nl voor vragen.",
	 "Zie www.zeef.nl voor meer. | Of mail naar info@zeef.nl voor vragen."},
	{"URL at the end", "Ga naar http://www.example.com/a.b. Daar staat meer.",
	 "Ga naar http://www.example.com/a.b. | Daar staat meer."},
	/* marks */
	{"ellipsis inside", "Hij wachtte... en wachtte. Toen ging hij weg.", "Hij wachtte... en wachtte. | Toen ging hij weg."},
	{"?!", "Wat nu?! Niemand wist het.", "Wat nu?! | Niemand wist het."},
	{"??", "Is dit waar?? Ja.", "Is dit waar?? | Ja."},
	{"question then answer", "Waarom? Omdat het moet.", "Waarom? | Omdat het moet."},
	{"question after a colon", "Hij vroeg: waarom? Niemand antwoordde.", "Hij vroeg: waarom? | Niemand antwoordde."},
	{"no space after the stop", "Een zin.Nog een zin.", "Een zin. | Nog een zin."},
	/* quotes and brackets after the stop */
	{"quote after the stop", "\"Ik kom morgen.\" Hij ging weg.", "\"Ik kom morgen.\" | Hij ging weg."},
	{"Dutch low quote", "Hij zei: „Nee.” Toen ging hij.", "Hij zei: „Nee.” | Toen ging hij."},
	{",, ''", "Hij zei het. ,,Ik kom niet.'' Zij knikte.", "Hij zei het. | ,,Ik kom niet.'' | Zij knikte."},
	{"single quotes", "Ze riep: 'Help!' Niemand kwam.", "Ze riep: 'Help!' | Niemand kwam."},
	{"bracket after the stop", "Hij ging weg (voor altijd.) Toen kwam zij.", "Hij ging weg (voor altijd.) | Toen kwam zij."},
	{"stop after the bracket", "Hij ging (zie hoofdstuk 2). Toen kwam zij.", "Hij ging (zie hoofdstuk 2). | Toen kwam zij."},
	{"clitic start", "Het was 's nachts. 's Morgens was het voorbij.", "Het was 's nachts. | 's Morgens was het voorbij."},
	/* enumerations, dialogue, emoticons, headings */
	{"letters in a sentence", "De opties zijn: a. wachten, b. gaan. Hij koos b.",
	 "De opties zijn: a. wachten, b. gaan. | Hij koos b."},
	{"numbers in a sentence", "Er zijn drie punten: 1) geld, 2) tijd. Meer niet.",
	 "Er zijn drie punten: 1) geld, 2) tijd. | Meer niet."},
	{"numbered items", "1. Inleiding 2. Methode", "1. Inleiding | 2. Methode"},
	{"dialogue dashes", "– Kom je mee? – Nee, ik blijf thuis.", "– Kom je mee? | – Nee, ik blijf thuis."},
	{"emoticon", "Ik ben blij :-) Jij ook?", "Ik ben blij :-) | Jij ook?"},
	{"emoticon without nose", "Jammer :( Volgende keer beter.", "Jammer :( | Volgende keer beter."},
	{"emoticon mid-sentence", "Haha :D echt waar.", "Haha :D echt waar."},
	{"heading without punctuation", "Inleiding Dit rapport beschrijft de stand van zaken.",
	 "Inleiding | Dit rapport beschrijft de stand van zaken."},
	{"title with an article", "Koen De Graeve speelde in De helaasheid der dingen. Dat was in 2009.",
	 "Koen De Graeve speelde in De helaasheid der dingen. | Dat was in 2009."},
};

START_TEST(rule)
{
	const struct rule_case *c = &cases[_i];
	ck_assert_msg(strcmp(split(c->text), c->expected) == 0, "%s: \"%s\" gives \"%s\", not \"%s\"",
	              c->rule, c->text, split(c->text), c->expected);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("sentence rules");
	TCase *tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, rule, 0, (int)(sizeof cases / sizeof cases[0]));
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
