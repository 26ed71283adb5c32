/* Unit tests for common/sentence.c: one test per rule family of the Dutch
 * splitter, plus the invariants every split must keep. The fixtures are
 * written for these tests in the style of Dutch news. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "record.h"
#include "sentence.h"
#include "sentence_check.h"


START_TEST(full_stops_questions_exclamations)
{
	SPLITS("Het kabinet valt. De Kamer debatteert morgen.",
	       "Het kabinet valt. | De Kamer debatteert morgen.");
	SPLITS("Komt er een akkoord? Niemand weet het! Morgen meer.",
	       "Komt er een akkoord? | Niemand weet het! | Morgen meer.");
	SPLITS("Wat nu?! Het is laat.", "Wat nu?! | Het is laat.");
	/* a lowercase word after the mark continues the sentence */
	SPLITS("Hij riep nee! en liep weg.", "Hij riep nee! en liep weg.");
	SPLITS("Geen punt aan het eind", "Geen punt aan het eind");
}
END_TEST

START_TEST(abbreviations)
{
	SPLITS("Er kwamen o.a. ministers en dhr. Jansen. Ook mr. De Vries en dr. Smit waren er.",
	       "Er kwamen o.a. ministers en dhr. Jansen. | Ook mr. De Vries en dr. Smit waren er.");
	SPLITS("Prof. Bakker sprak ca. tien minuten, bijv. over de begroting.",
	       "Prof. Bakker sprak ca. tien minuten, bijv. over de begroting.");
	SPLITS("Het gaat m.b.t. de zorg i.p.v. het onderwijs. Dat is nieuw.",
	       "Het gaat m.b.t. de zorg i.p.v. het onderwijs. | Dat is nieuw.");
	SPLITS("Zie nr. 4 op blz. 12 van het rapport van 3 maart jl. De minister reageert.",
	       "Zie nr. 4 op blz. 12 van het rapport van 3 maart jl. | De minister reageert.");
	SPLITS("Ze verkopen brood, melk, kaas enz. De winkel is open.",
	       "Ze verkopen brood, melk, kaas enz. | De winkel is open.");
	SPLITS("Het artikel (red.) verscheen gisteren.", "Het artikel (red.) verscheen gisteren.");
	/* units after a number may end a sentence */
	SPLITS("De winst steeg met 5 pct. De omzet daalde.", "De winst steeg met 5 pct. | De omzet daalde.");
	/* a capitalised abbreviation at the start of a sentence */
	SPLITS("Het regent. Bijv. in Utrecht valt veel.", "Het regent. | Bijv. in Utrecht valt veel.");
	/* a name that looks like a month abbreviation is a word */
	SPLITS("De prijs ging naar Jan. Hij was blij.", "De prijs ging naar Jan. | Hij was blij.");
}
END_TEST

START_TEST(initials)
{
	SPLITS("Oud-premier J.P. Balkenende en W. Kok spraken elkaar.",
	       "Oud-premier J.P. Balkenende en W. Kok spraken elkaar.");
	SPLITS("Het gaat om A. De Graaf uit Delft.", "Het gaat om A. De Graaf uit Delft.");
	/* a single capital that ends a sentence, before a pronoun */
	SPLITS("Het beste scenario is plan B. Het kost wel meer.",
	       "Het beste scenario is plan B. | Het kost wel meer.");
}
END_TEST

START_TEST(numbers_and_dates)
{
	SPLITS("De trein vertrekt om 21.30 uur en kost 1.000,50 euro.",
	       "De trein vertrekt om 21.30 uur en kost 1.000,50 euro.");
	SPLITS("Op 1 jan. 2022 ging de wet in. Sindsdien is het rustig.",
	       "Op 1 jan. 2022 ging de wet in. | Sindsdien is het rustig.");
	SPLITS("De brug werd gebouwd in 1995. Daarna kwam de tunnel.",
	       "De brug werd gebouwd in 1995. | Daarna kwam de tunnel.");
	SPLITS("Het werd 3. 4 ploegen vielen af.", "Het werd 3. 4 ploegen vielen af.");
	/* a day abbreviation before a date; any other word before a number
	 * ends its sentence */
	SPLITS("De raad vergadert op di. 14 mrt. in het stadhuis.",
	       "De raad vergadert op di. 14 mrt. in het stadhuis.");
	SPLITS("De schutters raakten vaak. 81 procent was raak.",
	       "De schutters raakten vaak. | 81 procent was raak.");
	SPLITS("Het was zo. Zij ging.", "Het was zo. | Zij ging.");
	SPLITS("Het werd 2-1. 12.000 fans juichten.", "Het werd 2-1. 12.000 fans juichten.");
	/* a number that starts a sentence is a list marker */
	SPLITS("Wat moet er gebeuren?\n\n1. Meer geld voor de zorg.\n\n2. Kortere wachtlijsten.",
	       "Wat moet er gebeuren? | 1. Meer geld voor de zorg. | 2. Kortere wachtlijsten.");
	/* a list run into one line: each marker starts an item */
	SPLITS("1. Meer geld voor de zorg 2. Kortere wachtlijsten 3. Minder regels",
	       "1. Meer geld voor de zorg | 2. Kortere wachtlijsten | 3. Minder regels");
}
END_TEST

START_TEST(urls_and_email)
{
	SPLITS("Lees meer op https://www.voorbeeld.nl/Nieuws.Html?id=3 of mail naar tips@krant.nl. Wij reageren snel.",
	       "Lees meer op https://www.voorbeeld.nl/Nieuws.Html?id=3 of mail naar tips@krant.nl. | Wij reageren snel.");
	SPLITS("De site www.Gemeente.nl ligt plat.", "De site www.Gemeente.nl ligt plat.");
	/* a host name at the end of a sentence is no abbreviation */
	SPLITS("Zie ook www.nu.nl. Daar staat meer.", "Zie ook www.nu.nl. | Daar staat meer.");
}
END_TEST

START_TEST(ellipses)
{
	SPLITS("Hij aarzelde... en ging toch. Zij niet.", "Hij aarzelde... en ging toch. | Zij niet.");
	SPLITS("We wachten af… Morgen weten we meer.", "We wachten af… | Morgen weten we meer.");
	SPLITS("‘Ik hoop dat onze (...) voorstellen werken’, aldus de minister.",
	       "‘Ik hoop dat onze (...) voorstellen werken’, aldus de minister.");
	SPLITS("Het plan is goed (...) Het moet snel.", "Het plan is goed (...) | Het moet snel.");
}
END_TEST

START_TEST(clitics_at_sentence_start)
{
	SPLITS("De markt sluit om zes uur. 's Avonds is het stil.",
	       "De markt sluit om zes uur. | 's Avonds is het stil.");
	SPLITS("Hij twijfelt. 't Is ook lastig. ’n Mooie dag.",
	       "Hij twijfelt. | 't Is ook lastig. | ’n Mooie dag.");
}
END_TEST

START_TEST(quotes_every_style)
{
	SPLITS(",,Het is voorbij.'' Daarna zweeg hij.", ",,Het is voorbij.'' | Daarna zweeg hij.");
	SPLITS(",, Het is voorbij. Echt waar. '' Daarna zweeg hij.",
	       ",, Het is voorbij. | Echt waar. '' | Daarna zweeg hij.");
	SPLITS("„Wij gaan door.” Zo sprak de burgemeester.", "„Wij gaan door.” | Zo sprak de burgemeester.");
	SPLITS("“Wij gaan door.” Zo sprak zij.", "“Wij gaan door.” | Zo sprak zij.");
	SPLITS("\"Wij gaan door.\" Zo sprak zij.", "\"Wij gaan door.\" | Zo sprak zij.");
	SPLITS("‘Wij gaan door.’ Zo sprak zij.", "‘Wij gaan door.’ | Zo sprak zij.");
	SPLITS("'Wij gaan door.' Zo sprak zij.", "'Wij gaan door.' | Zo sprak zij.");
	SPLITS("«Wij gaan door.» Zo sprak zij.", "«Wij gaan door.» | Zo sprak zij.");
	/* a straight quote standing alone: closing when one is open */
	SPLITS("\"Wij gaan door. \" Zo sprak zij.", "\"Wij gaan door. \" | Zo sprak zij.");
}
END_TEST

START_TEST(quotes_before_attribution)
{
	SPLITS("'Is Jan thuis?', vroeg Piet. Niemand antwoordde.",
	       "'Is Jan thuis?', vroeg Piet. | Niemand antwoordde.");
	SPLITS("\"Wat een dag!\" riep de trainer. De spelers juichten.",
	       "\"Wat een dag!\" riep de trainer. | De spelers juichten.");
	SPLITS(",,Waarom nu?'' vroeg de voorzitter zich af.",
	       ",,Waarom nu?'' vroeg de voorzitter zich af.");
	SPLITS("“Dit is ernstig”, zegt Borrell. “We nemen het serieus.”",
	       "“Dit is ernstig”, zegt Borrell. | “We nemen het serieus.”");
}
END_TEST

START_TEST(multi_sentence_quotes)
{
	SPLITS("De coach was kort: \"We speelden slecht. Dat moet beter. Zaterdag wil ik winst.\" Daarna vertrok hij.",
	       "De coach was kort: \"We speelden slecht. | Dat moet beter. | Zaterdag wil ik winst.\" | Daarna vertrok hij.");
	/* a quotation without final mark, then a new sentence */
	SPLITS("Zijn reactie: ,,Dat hoort eigenlijk niet'' De wedstrijd ging door.",
	       "Zijn reactie: ,,Dat hoort eigenlijk niet'' | De wedstrijd ging door.");
}
END_TEST

START_TEST(paragraphs)
{
	SPLITS("Nieuwe ronde gesprekken\n\nDe partijen praten vandaag verder.",
	       "Nieuwe ronde gesprekken | De partijen praten vandaag verder.");
	SPLITS("De minister bij aankomst in Den Haag. Beeld ANP\n\nHet overleg duurde lang.",
	       "De minister bij aankomst in Den Haag. | Beeld ANP | Het overleg duurde lang.");
	SPLITS("Wat de partijen willen:\n\nmeer woningen\n\nlagere lasten",
	       "Wat de partijen willen: | meer woningen | lagere lasten");
	/* a paragraph break ends a sentence even after an abbreviation */
	SPLITS("Met dank aan o.a.\n\nDe redactie", "Met dank aan o.a. | De redactie");
	/* blank lines with spaces, and white space at both ends */
	SPLITS("  Eerste alinea\n \t\nTweede alinea.  \n", "Eerste alinea | Tweede alinea.");
	/* a single newline is white space inside a paragraph */
	SPLITS("Een zin die\ndoorloopt.", "Een zin die\ndoorloopt.");
}
END_TEST

START_TEST(missing_space_after_stop)
{
	SPLITS("Dat rechtvaardigt alles.Inclusief de kosten.",
	       "Dat rechtvaardigt alles. | Inclusief de kosten.");
	SPLITS("Hij zei \"nee.\"Daarna bleef het stil.", "Hij zei \"nee.\" | Daarna bleef het stil.");
	/* not after an abbreviation, not inside a file or domain name */
	SPLITS("Neem bijv.Jan als voorbeeld.", "Neem bijv.Jan als voorbeeld.");
	SPLITS("Ik weet het niet...Misschien morgen.", "Ik weet het niet... | Misschien morgen.");
	SPLITS("Ik weet het niet…Misschien morgen.", "Ik weet het niet… | Misschien morgen.");
	SPLITS("Echt?!Ja, echt.", "Echt?! | Ja, echt.");
	SPLITS("Het bestand heet rapport.pdf en is klein.", "Het bestand heet rapport.pdf en is klein.");
	SPLITS("Kijk op nieuws.Gemeente.nl voor meer.", "Kijk op nieuws.Gemeente.nl voor meer.");
}
END_TEST

START_TEST(glued_headings)
{
	SPLITS("\"Het is een waarschuwing aan Poetin.\" Militaire steun Wat levert het Westen?",
	       "\"Het is een waarschuwing aan Poetin.\" | Militaire steun | Wat levert het Westen?");
	SPLITS("Dat bleef uit. Sancties Ook bij de top ging het erover.",
	       "Dat bleef uit. | Sancties | Ook bij de top ging het erover.");
	/* names with a capitalised article are no headings */
	SPLITS("Het bleef stil. Bart De Wever zweeg.", "Het bleef stil. | Bart De Wever zweeg.");
	/* a sentence that starts with a function word is no heading */
	SPLITS("Ze lazen het boek De avond van gisteren.", "Ze lazen het boek De avond van gisteren.");
	/* a caption that lost its line break, before a starter and a lowercase word */
	SPLITS("De oogst op een terrasveld in Zwitserland In ontwikkelingslanden werkt men met de hand.",
	       "De oogst op een terrasveld in Zwitserland | In ontwikkelingslanden werkt men met de hand.");
	SPLITS("Zij las het boek Het diner in een nacht.", "Zij las het boek Het diner in een nacht.");
	SPLITS("Hij won het programma Wie is de Mol in 2020.", "Hij won het programma Wie is de Mol in 2020.");
	SPLITS("Dat bleef uit. Zijn programma Wie is de Mol trok veel kijkers.",
	       "Dat bleef uit. | Zijn programma Wie is de Mol trok veel kijkers.");
	/* sentence adverbs and "behalve" are capitalised only at a sentence
	 * start, so a caption or heading before them ends there */
	SPLITS("Een sikkel Vroeger leefden alle mensen van de jacht.",
	       "Een sikkel | Vroeger leefden alle mensen van de jacht.");
	SPLITS("Het bleef stil. Graangewassen Ongeveer 15 % van de grond is akker.",
	       "Het bleef stil. | Graangewassen | Ongeveer 15 % van de grond is akker.");
	SPLITS("Een viskwekerij in Slovenië Behalve de koe zijn er andere dieren.",
	       "Een viskwekerij in Slovenië | Behalve de koe zijn er andere dieren.");
	/* a starter, a name and a finite verb: Dutch puts the verb second */
	SPLITS("Een rooier met voorraadbunker In Europa waren er eerst hakken.",
	       "Een rooier met voorraadbunker | In Europa waren er eerst hakken.");
	SPLITS("Hij werd ten slotte prof. Volgens Van Dam was hij gelukkig.",
	       "Hij werd ten slotte prof. | Volgens Van Dam was hij gelukkig.");
	SPLITS("Ze zag de film Na Parijs was alles anders.", "Ze zag de film Na Parijs was alles anders.");
	SPLITS("Ze zag prof. De Vries is daar.", "Ze zag prof. De Vries is daar.");
	/* a heading repeated as the next sentence's first word, a comma after it */
	SPLITS("Dat moet ook. Pluimvee Pluimvee, zoals kippen, wordt veel gehouden.",
	       "Dat moet ook. | Pluimvee | Pluimvee, zoals kippen, wordt veel gehouden.");
	/* "dat dat" is Dutch, not a repeated heading */
	SPLITS("Pas nu zie ik dat dat fout is.", "Pas nu zie ik dat dat fout is.");
}
END_TEST

START_TEST(line_breaks_between_units)
{
	/* a list, one item a line, after a heading */
	SPLITS("Kernen\nGent\nAntwerpen\nLeuven", "Kernen | Gent | Antwerpen | Leuven");
	/* wrapped prose: lines that run on are one sentence, also before a
	 * name at the start of a line */
	SPLITS("De gemeenteraad van Zwolle heeft donderdagavond besloten om de\n"
	       "fietsenstalling bij het station duurder te maken, zei wethouder\n"
	       "Jansen na afloop van de vergadering in het stadhuis.",
	       "De gemeenteraad van Zwolle heeft donderdagavond besloten om de\n"
	       "fietsenstalling bij het station duurder te maken, zei wethouder\n"
	       "Jansen na afloop van de vergadering in het stadhuis.");
	/* a heading before prose, key: value rows, CV rows */
	SPLITS("Nieuw beleid\nDe gemeente wil meer woningen bouwen.",
	       "Nieuw beleid | De gemeente wil meer woningen bouwen.");
	SPLITS("Inwoners: 52.000\nOppervlakte: 12 km²\nBurgemeester: Jan de Vries",
	       "Inwoners: 52.000 | Oppervlakte: 12 km² | Burgemeester: Jan de Vries");
	SPLITS("Loopbaan\n1985 - studie rechten in Leiden\n1990 - advocaat in Den Haag",
	       "Loopbaan | 1985 - studie rechten in Leiden | 1990 - advocaat in Den Haag");
	/* a signature; but not after an abbreviation that cannot end a
	 * sentence */
	SPLITS("Met vriendelijke groet,\nJan de Vries\nWethouder", "Met vriendelijke groet, | Jan de Vries | Wethouder");
	SPLITS("Aanwezig waren dhr.\nJansen en mevr.\nDe Boer.", "Aanwezig waren dhr.\nJansen en mevr.\nDe Boer.");
}
END_TEST

START_TEST(bullets_and_numbered_items)
{
	/* items one a line: the marker stays with its item */
	SPLITS("Wat gaan we doen?\n- meer woningen\n- betere zorg\n• lagere lasten",
	       "Wat gaan we doen? | - meer woningen | - betere zorg | • lagere lasten");
	SPLITS("Planning\n1. Voorbereiding\n2) Uitvoering\n(3) Evaluatie",
	       "Planning | 1. Voorbereiding | 2) Uitvoering | (3) Evaluatie");
	/* run into running text: a dash after a colon starts a list */
	SPLITS("Het college investeert in onder meer: - wonen - zorg - onderwijs. Dat kost geld.",
	       "Het college investeert in onder meer: | - wonen | - zorg | - onderwijs. | Dat kost geld.");
	SPLITS("Bezienswaardigheden * Grieks-Romeins Museum * Pilaar van Pompeius",
	       "Bezienswaardigheden | * Grieks-Romeins Museum | * Pilaar van Pompeius");
	/* a numbered list separated by semicolons */
	SPLITS("De speerpunten zijn: 1 preventie en voorlichting; 2 betere zorg; 3 meer woningen.",
	       "De speerpunten zijn: | 1 preventie en voorlichting; | 2 betere zorg; | 3 meer woningen.");
	SPLITS("Kies: a) de trein; b) de bus; c) de fiets.",
	       "Kies: | a) de trein; | b) de bus; | c) de fiets.");
	/* an enumeration inside one sentence, items after commas, stays */
	SPLITS("Ze vallen uiteen in groepen: (1) Nederlandstaligen, (2) Franstaligen, en (3) anderen. Klaar.",
	       "Ze vallen uiteen in groepen: (1) Nederlandstaligen, (2) Franstaligen, en (3) anderen. | Klaar.");
	/* dashes and numbers inside prose stay */
	SPLITS("De minister – die net terug was – zei dat 3 van de 10 - 12 plannen klaar zijn; 4 niet.",
	       "De minister – die net terug was – zei dat 3 van de 10 - 12 plannen klaar zijn; 4 niet.");
	SPLITS("Hij won in 2-1; 3 spelers scoorden.", "Hij won in 2-1; 3 spelers scoorden.");
}
END_TEST

START_TEST(rows_run_together)
{
	/* key: value rows whose line breaks were lost */
	SPLITS("Inwoners: 52.000 Oppervlakte: 12 km² Burgemeester: Jan de Vries",
	       "Inwoners: 52.000 | Oppervlakte: 12 km² | Burgemeester: Jan de Vries");
	SPLITS("Partijleiding Bart De Wever: voorzitter (sinds 2004) Frieda Brepoels: ondervoorzitter "
	       "Louis Ide: secretaris",
	       "Partijleiding | Bart De Wever: voorzitter (sinds 2004) | Frieda Brepoels: ondervoorzitter | "
	       "Louis Ide: secretaris");
	SPLITS("2007: 21 februari 2008: 6 februari 2009: 25 februari",
	       "2007: 21 februari | 2008: 6 februari | 2009: 25 februari");
	/* a table of counts: after a value of one number the words up to the
	 * next colon are the key, of any length, lowercase or with punctuation */
	SPLITS("CD&V: 22 VLD: 21 sp.a: 12 Vlaams Belang: 10 Groen!: 8 UF: 6",
	       "CD&V: 22 | VLD: 21 | sp.a: 12 | Vlaams Belang: 10 | Groen!: 8 | UF: 6");
	SPLITS("Zetels: PvdA: 9 VVD: 7 D66: 4 Partij voor de Dieren: 2",
	       "Zetels: | PvdA: 9 | VVD: 7 | D66: 4 | Partij voor de Dieren: 2");
	/* but a unit after the number is no key ("12 km² Burgemeester:") */
	SPLITS("Bevolking: 52.000 Oppervlakte: 12 km² Burgemeester: Jan de Vries",
	       "Bevolking: 52.000 | Oppervlakte: 12 km² | Burgemeester: Jan de Vries");
	/* a key that ends in lowercase words starts at its capital */
	SPLITS("Hoofdplaats: Leuven Hoogste punt: Walshoutem Aantal inwoners: 1.040.261",
	       "Hoofdplaats: Leuven | Hoogste punt: Walshoutem | Aantal inwoners: 1.040.261");
	/* works in quotes with their years */
	SPLITS("« Suske en Wiske » 1945-heden « De familie Snoek » 1945-1972 « Bessy » 1952-1995",
	       "« Suske en Wiske » 1945-heden | « De familie Snoek » 1945-1972 | « Bessy » 1952-1995");
	/* a value with a finite verb is prose: no rows */
	SPLITS("Conclusie: Nederland moet meer doen, aldus Rutte: dat is duidelijk.",
	       "Conclusie: Nederland moet meer doen, aldus Rutte: dat is duidelijk.");
	/* rows of a CV: a year or span in brackets before a capital */
	SPLITS("Voorzitter Jongeren (1987-1989) Partijbestuurslid (1987-2004) Senator (2004-...) Burgemeester",
	       "Voorzitter Jongeren (1987-1989) | Partijbestuurslid (1987-2004) | Senator (2004-...) | Burgemeester");
	SPLITS("De film Amélie (2001) werd een succes.", "De film Amélie (2001) werd een succes.");
	/* runs of place names and of people's names are lists */
	SPLITS("Provincies Antwerpen Limburg Oost-Vlaanderen Vlaams-Brabant West-Vlaanderen",
	       "Provincies | Antwerpen | Limburg | Oost-Vlaanderen | Vlaams-Brabant | West-Vlaanderen");
	SPLITS("Kris Van Dijck Mark Demesmaeker Bart De Wever Helga Stevens",
	       "Kris Van Dijck | Mark Demesmaeker | Bart De Wever | Helga Stevens");
	SPLITS("Zij reisde van Utrecht naar Gent en Antwerpen.", "Zij reisde van Utrecht naar Gent en Antwerpen.");
	SPLITS("Oud-premier Jan Peter Balkenende sprak met Mark Rutte.",
	       "Oud-premier Jan Peter Balkenende sprak met Mark Rutte.");
}
END_TEST

START_TEST(section_headings_and_subjects)
{
	/* known section headings stand alone */
	SPLITS("Er rijden weer wagens in de Ardennen. Externe link Officiële website",
	       "Er rijden weer wagens in de Ardennen. | Externe link | Officiële website");
	SPLITS("Lijst van gemeenten Vlaamse vlaggen Externe links Dag Vlaanderen",
	       "Lijst van gemeenten Vlaamse vlaggen | Externe links | Dag Vlaanderen");
	/* a heading before a subject with a name and its verb: Dutch puts
	 * the verb second */
	SPLITS("Hij maakte het bewijs hard. Jeugdjaren De Morgan werd geboren in India.",
	       "Hij maakte het bewijs hard. | Jeugdjaren | De Morgan werd geboren in India.");
	SPLITS("Het bleef stil. Premier De Croo zei niets.", "Het bleef stil. | Premier De Croo zei niets.");
	SPLITS("Het bleef stil. Frank De Boosere zei niets.", "Het bleef stil. | Frank De Boosere zei niets.");
	/* a heading has no finite verb and does not end in a function word */
	SPLITS("Koen De Graeve speelde in De helaasheid der dingen.",
	       "Koen De Graeve speelde in De helaasheid der dingen.");
	SPLITS("Het was 2009. Daarna speelde hij in De helaasheid der dingen.",
	       "Het was 2009. | Daarna speelde hij in De helaasheid der dingen.");
	/* a heading before a bare subject and its verb: after two words or
	 * more ending lowercase, or after a known place */
	SPLITS("Dat kost geld. Ongedierte en ziektes Vee is vatbaar voor ziektes.",
	       "Dat kost geld. | Ongedierte en ziektes | Vee is vatbaar voor ziektes.");
	SPLITS("Hij kreeg gelijk. Azië Japan had de Duitsers verslagen.",
	       "Hij kreeg gelijk. | Azië | Japan had de Duitsers verslagen.");
	/* but a capitalised word or a role before a name belongs to it */
	SPLITS("Het was koud. Zeilster Carolijn Brouwer is sterk gestart.",
	       "Het was koud. | Zeilster Carolijn Brouwer is sterk gestart.");
	SPLITS("Hij zweeg. Tegen de Spaanse krant El Pais zei hij meer.",
	       "Hij zweeg. | Tegen de Spaanse krant El Pais zei hij meer.");
	SPLITS("Het werd stil. Nieuwe Titaantjes zijn al weer bezig.",
	       "Het werd stil. | Nieuwe Titaantjes zijn al weer bezig.");
	SPLITS("Hij zweeg. \"In den prediker Salomo heet gij de Almachtige.\"",
	       "Hij zweeg. | \"In den prediker Salomo heet gij de Almachtige.\"");
	SPLITS("Hij zweeg. Minister van Financiën Zalm was boos.",
	       "Hij zweeg. | Minister van Financiën Zalm was boos.");
	/* "Van" before a lowercase word starts a sentence, before a particle a name */
	SPLITS("Economische activiteiten Van oudsher werd hier gekweekt.",
	       "Economische activiteiten | Van oudsher werd hier gekweekt.");
	SPLITS("Het was laat. Van der Wal bleef.", "Het was laat. | Van der Wal bleef.");
}
END_TEST

START_TEST(abbreviations_and_initials_at_sentence_end)
{
	/* an abbreviation ends a sentence before a function word and a
	 * lowercase word, not before a name */
	SPLITS("Na jaren werd hij ten slotte prof. Daarna ging hij met pensioen.",
	       "Na jaren werd hij ten slotte prof. | Daarna ging hij met pensioen.");
	SPLITS("Ze sprak met prof. De Vries over bijv. De avonden van Reve.",
	       "Ze sprak met prof. De Vries over bijv. De avonden van Reve.");
	/* initials written together, and with a vowelless first part */
	SPLITS("De schilder Th.J. Smit exposeert in Delft.", "De schilder Th.J. Smit exposeert in Delft.");
	SPLITS("Het boek is van Th. Smit en Ph. Jansen. Het is dik.",
	       "Het boek is van Th. Smit en Ph. Jansen. | Het is dik.");
	/* an acronym at the end is a word */
	SPLITS("Hij vloog met KLM. Jansen bleef thuis.", "Hij vloog met KLM. | Jansen bleef thuis.");
}
END_TEST

START_TEST(unicode_and_edges)
{
	SPLITS("", "");
	SPLITS(" \n\n \n", "");
	SPLITS("Één zin. Ëén zin.", "Één zin. | Ëén zin.");
	SPLITS("Het weer\xc2\xa0is goed. Zon.", "Het weer\xc2\xa0is goed. | Zon.");
	SPLITS("Ze komt uit Zürich. Öztürk ook.", "Ze komt uit Zürich. | Öztürk ook.");
	/* the array is reused: a second call forgets the first */
	const struct sentence_span *s;
	ck_assert_uint_eq(splitter_split(sp, "Een. Twee. Drie.", 16, &s), 3);
	ck_assert_uint_eq(splitter_split(sp, "Een.", 4, &s), 1);
	ck_assert_uint_eq(s[0].start, 0);
	ck_assert_uint_eq(s[0].end, 4);
	/* only LEN bytes are read */
	ck_assert_uint_eq(splitter_split(sp, "Een. Twee.", 4, &s), 1);
}
END_TEST

START_TEST(long_text_linear)
{
	/* many sentences in one paragraph and many paragraphs: counts must be exact */
	size_t reps = 20000;
	const char *unit = "Dhr. Jansen zei o.a. dit. \"Komt hij?\" vroeg ze.\n\n";
	size_t ul = strlen(unit);
	char *big = malloc(ul * reps + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * ul, unit, ul);
	big[ul * reps] = 0;
	const struct sentence_span *s;
	ck_assert_uint_eq(splitter_split(sp, big, ul * reps, &s), 2 * reps);
	free(big);

	/* a megabyte without white space is one sentence, found in linear time
	 * (Check's timeout fails a quadratic scan) */
	size_t n = 1000000;
	big = malloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = "xx.Yy"[i % 5];
	ck_assert_uint_eq(splitter_split(sp, big, n, &s), 1);
	ck_assert_uint_eq(s[0].end, n);
	free(big);
}
END_TEST

static struct record parse(const char *json)
{
	struct record r = {0};
	ck_assert_int_eq(record_parse(&r, json, strlen(json)), 0);
	return r;
}

START_TEST(sentences_field)
{
	struct sentence_span *spans = NULL;
	size_t cap = 0;
	/* code points in the record, bytes out: é is two bytes */
	struct record r = parse("{\"text\":\"Één. Twee.\",\"sentences\":["
	                        "{\"start\":0,\"end\":4,\"text\":\"Één.\"},"
	                        "{\"start\":5,\"end\":10,\"text\":\"Twee.\"}]}");
	ck_assert_int_eq(sentences_from_record(&r, &spans, &cap), 2);
	ck_assert_uint_eq(spans[0].end, 6);
	ck_assert_uint_eq(spans[1].start, 7);
	ck_assert_uint_eq(spans[1].end, 12);
	record_clear(&r);

	/* absent: 0 from the field, computed by sentences_of */
	r = parse("{\"text\":\"Één. Twee. Drie.\"}");
	ck_assert_int_eq(sentences_from_record(&r, &spans, &cap), 0);
	ck_assert_int_eq(sentences_of(&r, sp, &spans, &cap), 3);
	ck_assert_uint_eq(spans[2].end, 18);
	record_clear(&r);

	/* malformed: an error naming the stage to run */
	r = parse("{\"text\":\"Een.\",\"sentences\":[{\"start\":0,\"end\":9}]}");
	ck_assert_int_eq(sentences_of(&r, sp, &spans, &cap), -1);
	ck_assert_ptr_nonnull(r.error);
	record_clear(&r);
	r = parse("{\"text\":\"Een.\",\"sentences\":\"Een.\"}");
	ck_assert_int_eq(sentences_from_record(&r, &spans, &cap), -1);
	ck_assert_ptr_nonnull(strstr(r.error, "split-sentences"));
	record_clear(&r);
	free(spans);
}
END_TEST

START_TEST(sentences_as_json)
{
	/* the pre-serialised field is byte for byte what zj_span objects give,
	 * also for quotes, backslashes, control characters and non-ASCII */
	const char *text = "\"Één\\twee/drie.\" Tab\tnu.\n\nCtrl\x01\x1f\x7f en \xe2\x80\xa8 “klaar”.";
	size_t len = strlen(text);
	const struct sentence_span *s;
	size_t n = splitter_split(sp, text, len, &s);
	ck_assert_uint_eq(n, 3);
	zjson *want = zj_array();
	size_t cp = 0, at = 0;
	for (size_t i = 0; i < n; i++) {
		for (; at < s[i].start; at++) cp += ((unsigned char)text[at] & 0xC0) != 0x80;
		size_t start = cp;
		for (; at < s[i].end; at++) cp += ((unsigned char)text[at] & 0xC0) != 0x80;
		zj_push(want, zj_span((int64_t)start, (int64_t)cp, text + s[i].start, s[i].end - s[i].start));
	}
	zjson *got = sentences_json(text, len, s, n);
	ck_assert_str_eq(zj_serialize(got, NULL), zj_serialize(want, NULL));
	zj_free(got);
	zj_free(want);
	got = sentences_json("", 0, s, 0);
	ck_assert_str_eq(zj_serialize(got, NULL), "[]");
	zj_free(got);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("sentence");
	TCase *tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, full_stops_questions_exclamations);
	tcase_add_test(tc, abbreviations);
	tcase_add_test(tc, initials);
	tcase_add_test(tc, numbers_and_dates);
	tcase_add_test(tc, urls_and_email);
	tcase_add_test(tc, ellipses);
	tcase_add_test(tc, clitics_at_sentence_start);
	tcase_add_test(tc, quotes_every_style);
	tcase_add_test(tc, quotes_before_attribution);
	tcase_add_test(tc, multi_sentence_quotes);
	tcase_add_test(tc, paragraphs);
	tcase_add_test(tc, missing_space_after_stop);
	tcase_add_test(tc, glued_headings);
	tcase_add_test(tc, line_breaks_between_units);
	tcase_add_test(tc, bullets_and_numbered_items);
	tcase_add_test(tc, rows_run_together);
	tcase_add_test(tc, section_headings_and_subjects);
	tcase_add_test(tc, abbreviations_and_initials_at_sentence_end);
	tcase_add_test(tc, unicode_and_edges);
	tcase_add_test(tc, long_text_linear);
	tcase_add_test(tc, sentences_field);
	tcase_add_test(tc, sentences_as_json);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
