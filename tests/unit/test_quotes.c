/* Unit tests of quotation-mark pairing (filters/extract-quotes/quotes.c),
 * and of what the cue rules (cues.c) make of a pair in the sentence around
 * it: an item of a listing, a naming verb's forms, a source noun,
 * a reporting clause after the fragment, an aside in brackets; and how far a
 * dash-opened turn of dialogue runs (dialogue.c). The passages are written
 * for these tests. */
#include <string.h>
#include "check_main.h"
#include "../../filters/extract-quotes/attribution.h"
#include "../../filters/extract-quotes/quotes.h"

static struct quote_marks *qm;
static struct quote_list ql;
static char got[16][256];

static void setup(void)
{
	qm = quote_marks_load();
	ck_assert_ptr_nonnull(qm);
}

static void teardown(void)
{
	quote_marks_free(qm);
	quote_list_free(&ql);
}

/* The quoted texts of S, in got[]; returns how many. */
static size_t find(const char *s)
{
	size_t n = quotes_find(qm, s, strlen(s), &ql);
	ck_assert_uint_ne(n, (size_t)-1);
	for (size_t i = 0; i < n && i < 16; i++) {
		size_t len = ql.q[i].end - ql.q[i].start;
		ck_assert_uint_lt(len, sizeof got[i]);
		memcpy(got[i], s + ql.q[i].start, len);
		got[i][len] = 0;
	}
	return n;
}

START_TEST(every_dutch_style_pairs)
{
	ck_assert_uint_eq(find("Hij zei: „We gaan door.” Daarna niets."), 1);
	ck_assert_str_eq(got[0], "We gaan door.");
	ck_assert_uint_eq(find("“Dit is ernstig”, zegt Borrell."), 1);
	ck_assert_str_eq(got[0], "Dit is ernstig");
	ck_assert_uint_eq(find("\"Een\", zei ze. \"Twee.\""), 2);
	ck_assert_str_eq(got[0], "Een");
	ck_assert_str_eq(got[1], "Twee.");
	ck_assert_uint_eq(find("Jansen:,, Wij gaan voor de winst. ''"), 1);
	ck_assert_str_eq(got[0], "Wij gaan voor de winst.");
	ck_assert_uint_eq(find("Daar voegde hij aan toe: ‘Ik bluf niet.’"), 1);
	ck_assert_str_eq(got[0], "Ik bluf niet.");
	ck_assert_uint_eq(find("Ze riep 'kom terug' en liep weg."), 1);
	ck_assert_str_eq(got[0], "kom terug");
	ck_assert_uint_eq(find("Il dit « non » aux syndicats."), 1);
	ck_assert_str_eq(got[0], "non");
	ck_assert_uint_eq(find("Albums: « Het spook », « De sleutel » en meer."), 2);
	ck_assert_str_eq(got[1], "De sleutel");
}
END_TEST

/* Text where only the opening mark was curled (or typed low by hand):
 * „…" and ‚…' pair, and a straight mark after them still closes. */
START_TEST(a_low_mark_closed_by_a_straight_one_pairs)
{
	ck_assert_uint_eq(find("„Het talud is zacht\", zei ze. „We wachten niet.\""), 2);
	ck_assert_str_eq(got[0], "Het talud is zacht");
	ck_assert_str_eq(got[1], "We wachten niet.");
	ck_assert_uint_eq(find("Hij noemde het ‚overhaast' en ging."), 1);
	ck_assert_str_eq(got[0], "overhaast");
}
END_TEST

START_TEST(apostrophes_are_not_marks)
{
	/* Curly apostrophe in a genitive, elisions, a clipped year. */
	ck_assert_uint_eq(find("China’s rol groeit, zegt Li."), 0);
	ck_assert_uint_eq(find("Hij komt 's avonds met z'n auto, net als in '98."), 0);
	ck_assert_uint_eq(find("Hij liep 's avonds naar de Rabo's en zei 'genoeg'."), 1);
	ck_assert_str_eq(got[0], "genoeg");
	ck_assert_uint_eq(find("De term ‘China’s weg’ viel vaak."), 1);
	ck_assert_str_eq(got[0], "China’s weg");
}
END_TEST

START_TEST(nested_quotations_give_the_outer_one)
{
	ck_assert_uint_eq(find("„Zij noemde het ‘onzin’, en terecht.”"), 1);
	ck_assert_str_eq(got[0], "Zij noemde het ‘onzin’, en terecht.");
	ck_assert_uint_eq(find(",,Hij zei 'nee'.'' Toen ging hij."), 1);
	ck_assert_str_eq(got[0], "Hij zei 'nee'.");
}
END_TEST

START_TEST(comma_runs_open_after_the_comma)
{
	/* An inserted cue written "gisteren,,,maar": a comma, then the mark. */
	ck_assert_uint_eq(find(",,Ik kom terug'', zei hij gisteren,,,maar niet nu.''"), 2);
	ck_assert_str_eq(got[0], "Ik kom terug");
	ck_assert_str_eq(got[1], "maar niet nu.");
}
END_TEST

START_TEST(unpaired_marks_are_ignored)
{
	ck_assert_uint_eq(find("Een \"los teken en verder niets.\n\nNieuwe alinea \"wel\" dicht."), 1);
	ck_assert_str_eq(got[0], "wel");
	ck_assert_uint_eq(find("Leeg: \"\" en \"  \" tellen niet."), 0);
}
END_TEST

START_TEST(a_quotation_runs_over_paragraphs)
{
	const char *s = "\"Eerste alinea van het citaat.\n\n\"Tweede alinea.\" Einde.";
	ck_assert_uint_eq(find(s), 2);
	ck_assert_str_eq(got[0], "Eerste alinea van het citaat.");
	ck_assert_int_eq(ql.q[0].continued, 1);
	ck_assert_str_eq(got[1], "Tweede alinea.");
	/* Offsets are bytes: the span and the marks around it. */
	ck_assert_uint_eq(ql.q[1].open, strlen("\"Eerste alinea van het citaat.\n\n"));
	ck_assert_uint_eq(ql.q[1].close_end, strlen(s) - strlen(" Einde."));
}
END_TEST

START_TEST(marks_from_a_custom_table)
{
	struct quote_marks *m = quote_marks_from("# test\n< >\n", "");
	ck_assert_ptr_nonnull(m);
	const char *s = "a <b c> d";
	ck_assert_uint_eq(quotes_find(m, s, strlen(s), &ql), 1);
	ck_assert_uint_eq(ql.q[0].start, 3);
	ck_assert_uint_eq(ql.q[0].end, 6);
	quote_marks_free(m);
	ck_assert_ptr_null(quote_marks_from("# no pairs\n", ""));
}
END_TEST

/* --- speech or not: the cue rules ---------------------------------------- */

static struct attributor *at;
static const struct attributed_quote *res;
static size_t nres;
static const char *text;

static void at_setup(void)
{
	at = attributor_new();
	ck_assert_ptr_nonnull(at);
}

static void at_teardown(void)
{
	attributor_free(at);
}

static size_t run(const char *s)
{
	text = s;
	res = attribute_text(at, s, strlen(s), NULL, 0, NULL, 0, &nres);
	ck_assert_ptr_nonnull(res);
	return nres;
}

/* The text of span SP of the last run (its first 255 bytes). */
static const char *bytes_of(struct xspan sp)
{
	static char b[4][256];
	static int nb;
	char *o = b[nb++ % 4];
	size_t len = sp.end - sp.start < 255 ? sp.end - sp.start : 255;
	memcpy(o, text + sp.start, len);
	o[len] = 0;
	return o;
}

/* S holds one quotation, whose text, cue and speaker are QUOTE, CUE and
 * SPEAKER (NULL: not checked; "-": none); returns its kind. */
static int one(const char *s, const char *quote, const char *cue, const char *speaker)
{
	ck_assert_uint_eq(run(s), 1);
	const struct xspan *sp[3] = { &res[0].quote, res[0].cue_pos != CUE_NONE ? &res[0].cue : NULL,
	                              res[0].has_speaker ? &res[0].speaker : NULL };
	const char *want[3] = { quote, cue, speaker };
	for (int k = 0; k < 3; k++) {
		size_t len = sp[k] ? sp[k]->end - sp[k]->start : 0;
		ck_assert_uint_lt(len, sizeof got[k]);
		memcpy(got[k], sp[k] ? text + sp[k]->start : "-", sp[k] ? len : (len = 1));
		got[k][len] = 0;
		if (want[k])
			ck_assert_str_eq(got[k], want[k]);
	}
	return res[0].kind;
}

START_TEST(titles_in_a_listing_are_not_speech)
{
	/* a title that a comma continues with dates and places, no reporting
	 * verb: an item of a listing */
	ck_assert_uint_eq(run("Te zien deze zomer.\n\n'Glas en licht uit Venetie 1950 - 2000', tot 12 / 9, "
	                      "Museum voor Sierkunst, tel. 09 / 123.45.67"), 0);
	ck_assert_uint_eq(run("Het affiche zegt genoeg: 'Dansen op de dijk', 'Stemmen uit het veen', "
	                      "'Water en wind'."), 0);
	/* every item of the series, also with a subject that may speak */
	ck_assert_uint_eq(run("De reeks van het festival zegt genoeg: 'Dansen op de dijk', 'Stemmen uit "
	                      "het veen' en 'Water en wind'."), 0);
	/* an item with its own reporting verb after a title is speech */
	one("De film 'Zomer', \"een prachtige film over verlies\", aldus de recensent, draait nu.", NULL,
	    "aldus", "de recensent");
	one("Het woord 'crisis', 'een te groot woord', zegt Jansen, valt vaak.", NULL, "zegt", "Jansen");
	/* a series of fragments that a verb attributes stays speech */
	ck_assert_uint_eq(run("Hij noemde het plan 'duur', 'traag' en 'niet haalbaar'."), 3);
	/* the same shape with a reporting verb after the comma is speech, also
	 * when the verb is in no list: the subject follows it */
	one("'Wij gaan hier nooit meer weg uit dit dorp', mokte Anna Verbeke.",
	    "Wij gaan hier nooit meer weg uit dit dorp", NULL, NULL);
	one("'Wij gaan hier nooit meer weg uit dit dorp', zei Anna Verbeke.", NULL, "zei", "Anna Verbeke");
}
END_TEST

START_TEST(dated_sayings_are_speech_and_dated_titles_are_not)
{
	/* a list of someone's sayings, each dated in brackets: sentences,
	 * not titles of works */
	ck_assert_uint_eq(run("Uitspraken\n\n'Een doek is af als ik er niet meer naar wil kijken.' (1962)\n\n"
	                      "'Kritiek lees ik pas na een jaar.' (interview in de krant, 1988)"),
	                  2);
	ck_assert_str_eq(bytes_of(res[1].quote), "Kritiek lees ik pas na een jaar.");
	/* a title with its year stays out, also when a sentence goes on
	 * after it */
	ck_assert_uint_eq(run("Hij speelde de hoofdrol in 'De lange winter' (1986)."), 0);
	ck_assert_uint_eq(run("'Zeven zomers' (1990) is haar beste boek."), 0);
}
END_TEST

START_TEST(the_first_person_present_reports_with_ik)
{
	/* "vraag ik", "zeg ik": the stem reports only with "ik" after it */
	one("\"Waarom juist bijen?\" vraag ik.", "Waarom juist bijen?", "vraag", "ik");
	one("\"Nee,\" zeg ik tegen de buurman.", "Nee,", "zeg", "ik");
}
END_TEST

START_TEST(a_relative_clause_keeps_its_reporting_verb)
{
	/* the verb of a relative clause set off by commas reports nothing
	 * of the main clause after it */
	ck_assert_uint_eq(run("Jansen, die de fout bekende, kreeg 'clementie' van de rechter."), 0);
	/* the main clause's own verb after it does */
	one("De minister, die gisteren in de Kamer sprak, noemde het plan 'onhaalbaar'.", "onhaalbaar",
	    "noemde", "De minister");
}
END_TEST

START_TEST(her_before_a_verb_is_no_possessive)
{
	/* "haar" before a copula is the pronoun, the source of the fragment;
	 * before a noun it stays a possessive */
	one("Volgens haar is de sterfte onder bijen \"niet meer normaal\".", "niet meer normaal", "Volgens",
	    "haar");
	one("Haar buurman zei: \"Het valt wel mee.\"", NULL, "zei", "Haar buurman");
}
END_TEST

START_TEST(naming_verbs_in_every_form)
{
	/* omschrijven is strong and inseparable: omschreef, omschreven */
	one("Hij omschreef zijn rol bescheiden: 'Ik ben maar een klein radertje in het geheel.'", NULL,
	    "omschreef", "Hij");
	ck_assert_int_eq(one("Zij noemde het plan 'een sprong in het duister'.", NULL, "noemde", "Zij"),
	                 QUOTE_PARTIAL);
}
END_TEST

START_TEST(chanting_and_cheering_verbs_report)
{
	/* verbs of calling out together (scanderen, joelen, juichen): not in
	 * Open Dutch WordNet, so the hand list names the class */
	one("\"Weg met de kolencentrale\", scandeerden de demonstranten bij het hek.",
	    "Weg met de kolencentrale", "scandeerden", "de demonstranten");
	one("\"Nog één jaar!\", joelden de supporters.", NULL, "joelden", "de supporters");
	one("Kees de Boer juichte: \"We hebben gewonnen.\"", NULL, "juichte", "Kees de Boer");
}
END_TEST

START_TEST(sources_and_broadcasters_speak)
{
	/* a source we do not list after "Volgens" opening the sentence: the
	 * finite verb and its subject follow it, the subject is not the
	 * source */
	one("Volgens het museum behoort ze tot \"de beste schilders van haar tijd\".", NULL, "Volgens",
	    "het museum");
	one("Volgens sommige bronnen gaat het om \"minstens tweeduizend dossiers\".", NULL, "Volgens",
	    "sommige bronnen");
	/* a press noun as the last part of a compound */
	one("Hij bleef de \"jongen van hiernaast\", zoals een tv-tijdschrift hem omschreef.", NULL, NULL,
	    "een tv-tijdschrift");
}
END_TEST

START_TEST(a_reporting_clause_after_the_fragment)
{
	ck_assert_int_eq(one("Hij bleef de \"jongen van hiernaast\", zoals de krant hem treffend omschreef.",
	                     "jongen van hiernaast", "omschreef", "de krant"), QUOTE_PARTIAL);
	ck_assert_int_eq(res[0].cue_pos, CUE_AFTER);
	/* a clause with a verb that reports nothing attributes nothing */
	ck_assert_uint_eq(run("Hij bleef de \"jongen van hiernaast\", zoals de krant hem vaak fotografeerde."), 0);
}
END_TEST

START_TEST(an_aside_in_brackets_is_a_term)
{
	/* the cue outside the brackets does not reach into them */
	ck_assert_uint_eq(run("De minister denkt dat de handel tussen de gemeenten (de 'interne markt') al "
	                      "veel oplost."), 0);
	one("De minister denkt dat de handel tussen de gemeenten 'de interne markt' al veel oplost.",
	    "de interne markt", "denkt", "De minister");
}
END_TEST

START_TEST(a_reporting_verb_right_after_the_fragment_closes_its_clause)
{
	/* verb last in a perfect tense or a subordinate clause: the fragment is
	 * its object and the clause's subject, before it, speaks */
	ck_assert_int_eq(one("Zij heeft het plan altijd als 'onuitvoerbaar' bestempeld.", "onuitvoerbaar",
	                     "bestempeld", "Zij"), QUOTE_PARTIAL);
	one("De supporters hebben de hele avond 'Nooit meer tweede' geroepen.", "Nooit meer tweede",
	    "geroepen", "De supporters");
	one("De bewoners hebben het nieuwe plein 'een kale vlakte' genoemd.", NULL, "genoemd", "De bewoners");
	one("De wethouder, die het voorstel als 'een gevaarlijk experiment' omschrijft, stapt op.", NULL,
	    "omschrijft", "De wethouder");
	/* in the passive the agent speaks, not the subject */
	one("Het plan werd door de wethouder als 'onhaalbaar' bestempeld.", "onhaalbaar", "bestempeld",
	    "de wethouder");
	/* not when a preposition governs the fragment, nor with a verb of
	 * opinion: a phrase spoken about, a judgement, not words said */
	ck_assert_uint_eq(run("Zij heeft over 'een nieuwe start voor de stad' gesproken."), 0);
	ck_assert_uint_eq(run("Hij heeft met 'een knipoog naar het verleden' geantwoord."), 0);
	ck_assert_uint_eq(run("Het was duidelijk dat hij het eten zo 'verdomd lekker' vond."), 0);
}
END_TEST

START_TEST(a_noun_for_what_was_said_attributes)
{
	/* a noun for what someone said (quotes-speech-nouns.txt, from WordNet)
	 * and "van": its speaker follows, after the quotation with a copula */
	ck_assert_int_eq(one("\"Wie niet waagt, die niet wint,\" is een uitspraak van Anna Verbeke.", NULL,
	                     "uitspraak van", "Anna Verbeke"), QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_AFTER);
	one("\"Wij gaan door\", was de reactie van Kees de Boer.", "Wij gaan door", "reactie van",
	    "Kees de Boer");
	/* a noun for an act is no cue: the fragment stays a term */
	ck_assert_uint_eq(run("De vervolging van Kees de Boer wegens \"oplichting\" begint morgen."), 0);
}
END_TEST

START_TEST(naar_eigen_zeggen_attributes_to_its_own_subject)
{
	/* the speaker stands before the phrase, and it outranks a verb before
	 * it ("Zoals verwacht") */
	ck_assert_int_eq(one("Zoals verwacht is burgemeester Anna Verbeke, naar eigen zeggen een 'geboren "
	                     "optimist', herkozen.", "geboren optimist", "naar eigen zeggen", "Anna Verbeke"),
	                 QUOTE_PARTIAL);
	one("De minister is naar eigen zeggen 'zeer tevreden' over het akkoord.", NULL, "naar eigen zeggen",
	    "De minister");
	/* after the quotation it names no one after it */
	ck_assert_uint_eq(run("Het werd een 'stille revolutie', naar eigen zeggen van Anna Verbeke."), 0);
	/* it reaches a fragment of its own clause, not one further on */
	ck_assert_uint_eq(run("Hij was naar eigen zeggen boos over de manier waarop de ambtenaren van het "
	                      "ministerie toen door de 'inquisiteurs' werden behandeld."), 0);
}
END_TEST

START_TEST(an_inserted_clause_does_not_cut_the_verb_from_its_fragment)
{
	/* a subordinate clause set off by commas between the reporting verb
	 * and the fragment: after it the words are the verb's again */
	ck_assert_int_eq(one("De demonstranten beweerden, hoewel niemand hen geloofde, \"gewone toeristen "
	                     "op doorreis\" te zijn.", "gewone toeristen op doorreis", "beweerden",
	                     "De demonstranten"), QUOTE_PARTIAL);
	one("Achteraf noemde zij de staking, waarin haar bond een grote rol speelde, \"een keerpunt\".",
	    "een keerpunt", "noemde", "zij");
	/* a subordinate clause still open holds the fragment: not the verb's */
	ck_assert_uint_eq(run("De regering vroeg om moeilijkheden toen zij koos voor een 'harde lijn' in het "
	                      "overleg."), 0);
}
END_TEST

START_TEST(a_verb_after_the_fragment_without_a_speaker_is_the_next_clauses)
{
	/* the fragment closes the first of two clauses of one subject: the
	 * verb after it, with no subject of its own, reports the second */
	ck_assert_int_eq(one("De vakbonden noemden het voorstel \"een sprong in het duister\", en "
	                     "verklaarden dat ze zouden staken.", "een sprong in het duister", "noemden",
	                     "De vakbonden"), QUOTE_PARTIAL);
	ck_assert_int_eq(res[0].cue_pos, CUE_BEFORE);
}
END_TEST

START_TEST(what_a_naming_verb_calls_it_after_als)
{
	/* "als" right before the fragment introduces what the verb calls
	 * something: it opens no clause */
	ck_assert_int_eq(one("Met enige ironie omschreef hij zich als \"de laatste echte socialist van het "
	                     "land\".", "de laatste echte socialist van het land", "omschreef", "hij"),
	                 QUOTE_PARTIAL);
	one("De oppositie bestempelde hem als \"een gevaar voor de democratie\".", NULL, "bestempelde",
	    "De oppositie");
	/* afdoen als: a qualifying verb, separable */
	one("Zelf deed de burgemeester het af als \"geklets van jaloerse buren\".", "geklets van jaloerse buren",
	    "deed", "de burgemeester");
	/* "als" after a noun gives examples: no verb names them */
	ck_assert_uint_eq(run("De band speelde nummers als \"Zwarte Zee\" en \"Witte Wolken\"."), 0);
	/* after a reporting verb that names nothing it gives a role or a term */
	ck_assert_uint_eq(run("Zij vertelde over haar tijd als \"au pair\" in Londen."), 0);
	ck_assert_uint_eq(run("Hij sprak als \"ervaringsdeskundige\" op het congres."), 0);
}
END_TEST

START_TEST(a_passive_reporting_verb_has_only_its_agent_as_speaker)
{
	/* the subject of a passive is the one spoken of */
	ck_assert_uint_eq(run("De burgemeester wordt in de stad omschreven als \"de laatste echte socialist "
	                      "van het land\"."), 0);
	ck_assert_uint_eq(run("Hij wil niet afgeschilderd worden als \"de schuldige van de crisis\"."), 0);
	one("De burgemeester wordt door zijn tegenstanders omschreven als \"de laatste echte socialist van "
	    "het land\".", NULL, "omschreven", "zijn tegenstanders");
	/* a form of "worden" in a clause of its own makes no passive, nor does
	 * one before a finite verb */
	one("De minister werd kwaad en riep: \"Dit is de laatste keer.\"", NULL, "riep", "De minister");
	one("Toen hem werd gevraagd naar zijn plannen zei hij: \"Ik ga eerst op vakantie.\"", NULL, "zei", "hij");
	one("Toen het nieuws bekend werd reageerde de minister: \"Dit is een zwarte dag.\"", NULL, "reageerde",
	    "de minister");
}
END_TEST

START_TEST(a_reporting_verbs_form_after_an_article_is_a_noun)
{
	ck_assert_uint_eq(run("De fans dreven de spot met de trainer en zijn \"nieuwe aanpak\" van het spel."),
	                  0);
}
END_TEST

START_TEST(als_before_a_role_opens_no_clause)
{
	/* the role its subject speaks in ("als voorzitter") */
	one("Gisteren vroeg Anna de Vries als voorzitter van de commissie aan de minister om \"snel "
	    "duidelijkheid te geven\" over de zaak.", "snel duidelijkheid te geven", "vroeg", "Anna de Vries");
}
END_TEST

START_TEST(a_separable_verbs_particle_after_the_fragment)
{
	/* the fragment is the object, between the verb and its particle */
	one("De minister gaf gisteren \"enkele fouten\" toe in het dossier.", "enkele fouten", "gaf",
	    "De minister");
}
END_TEST

START_TEST(the_media_speak)
{
	one("De Duitse media hebben gisteren verontwaardigd gereageerd op \"de onaanvaardbare arrogantie\" "
	    "van de oud-kanselier.", NULL, "gereageerd", "De Duitse media");
}
END_TEST

START_TEST(a_name_that_is_the_subject_of_a_reporting_clause_is_a_person)
{
	/* only words between the name and the verb closing its clause: the
	 * name is its subject, so someone who speaks */
	one("Het ambt is vooral ceremonieel en Brouwers heeft na zijn verkiezing ook al verklaard zijn "
	    "politieke voorkeur \"voorgoed op te bergen\", omdat hij iedereen wil vertegenwoordigen.",
	    "voorgoed op te bergen", "verklaard", "Brouwers");
}
END_TEST

START_TEST(verbs_of_accusing_report)
{
	/* beschuldigen beside verwijten, hekelen, bekritiseren */
	one("Tijdens het debat beschuldigde Wilders de premier van \"een schandalige doofpot\".",
	    "een schandalige doofpot", "beschuldigde", "Wilders");
}
END_TEST

START_TEST(a_verb_after_a_relative_clause_follows_its_subject)
{
	/* the comma closes a relative clause, it marks no inversion: the
	 * subject stands before it and the noun after the verb is the object */
	one("De minister, die gisteren werd herkozen, noemde de uitslag \"een opsteker\".", "een opsteker",
	    "noemde", "De minister");
}
END_TEST

START_TEST(door_after_a_finite_verb_names_no_speaker)
{
	/* "door de gemeente" after the fragment's own verb belongs to the
	 * quoted words: the verb before the fragment attributes it */
	one("Zij verklaarde dat ze zich \"volledig in de steek gelaten\" voelde door de gemeente.",
	    "volledig in de steek gelaten", "verklaarde", "Zij");
}
END_TEST

START_TEST(the_subject_after_a_verb_stands_after_no_preposition)
{
	/* a participle opening the sentence reports nothing of its own: the
	 * noun after "naar" is no subject, the verb after the comma speaks */
	one("Gevraagd naar het genoegen dat hij schepte in de zege, repliceerde hij: \"Dat zijn vragen die me "
	    "niet interesseren.\"", NULL, "repliceerde", "hij");
}
END_TEST

START_TEST(an_inverted_clause_reports_with_any_verb)
{
	/* ", VERB SUBJECT" after a quotation that opens its sentence: the
	 * verb reports it, listed or not */
	ck_assert_int_eq(one("De zon scheen. \"Dat klopt niet\", pruilde Anna.", "Dat klopt niet", "pruilde",
	                     "Anna"), QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_AFTER);
	one("\"Een eerlijke strijd\", blikt Bové terug op die dag.", "Een eerlijke strijd", "blikt", "Bové");
	/* after an auxiliary, the reporting verb closing the clause is the cue */
	one("\"Ik win vandaag\", had hij gisteren op zijn blog geschreven.", "Ik win vandaag", "geschreven",
	    "hij");
	/* a denied inverted clause reports nothing */
	ck_assert_uint_eq(run("\"Dat is onzin\", schrijven de kranten niet."), 0);
	/* "dixit", like "volgens", names the speaker after it */
	one("Hij is, dixit Anna Verbeke, 'onuitstaanbaar'.", "onuitstaanbaar", "dixit", "Anna Verbeke");
	/* a subordinate clause is no inverted one; a listing has no subject */
	ck_assert_uint_eq(run("'Mijnheer tien procent', zoals men hem ook wel noemde, werd veroordeeld."), 0);
	ck_assert_uint_eq(run("'Zomerzon', verschijnt morgen bij uitgeverij Prometheus."), 0);
}
END_TEST

START_TEST(a_dash_turn_goes_on_after_its_reporting_clause)
{
	/* the speaker's words after the clause's full stop: they address
	 * someone, speak of the speaker, ask or exclaim */
	one("– Dat weet ik niet, zei de agent. Maar ik zoek het uit.",
	    "Dat weet ik niet, zei de agent. Maar ik zoek het uit.", "zei", "de agent");
	one("--Kom je? vroeg ze. Je bent laat.", "Kom je? vroeg ze. Je bent laat.", "vroeg", "ze");
	one("— Nee, riep Piet. Echt niet!", "Nee, riep Piet. Echt niet!", "riep", "Piet");
	/* the cue inside a sentence: the sentence goes on (as before) */
	one("– Morgen, zei ze, kom ik terug.", "Morgen, zei ze, kom ik terug.", "zei", "ze");
	/* the narrator's words after the clause are not the turn's */
	one("– Ja, zei hij. Hij stond op en liep naar de deur.", "Ja,", "zei", "hij");
	/* "ik" after "zei ik" is the narrator going on */
	one("– Ja, zei ik. Ik stond op.", "Ja,", "zei", "ik");
	/* a dash opening quotation marks is no turn: the marks quote */
	ck_assert_uint_eq(run("-- 'Zomerzon' verveelt eerder dan het ontroert."), 0);
	/* quotation marks of their own after the clause stay their own */
	ck_assert_uint_eq(run("– Ja, zei hij. Zijn vrouw riep: \"Kom je nu?\""), 2);
}
END_TEST

START_TEST(a_dash_after_a_full_stop_opens_the_next_turn)
{
	/* two speakers in one paragraph: each turn its own quotation, the
	 * second not joined to the first */
	ck_assert_uint_eq(run("– Kom je mee? vroeg Jan. – Nee, zei Piet, ik blijf thuis."), 2);
	ck_assert_str_eq(bytes_of(res[0].quote), "Kom je mee?");
	ck_assert_str_eq(bytes_of(res[0].speaker), "Jan");
	ck_assert_str_eq(bytes_of(res[1].quote), "Nee, zei Piet, ik blijf thuis.");
	ck_assert_str_eq(bytes_of(res[1].speaker), "Piet");
	/* turns without a reporting clause, a question opening them */
	ck_assert_uint_eq(run("Ze stonden bij de deur.\n\n– Kom je mee? – Nee, ik blijf thuis."), 2);
	ck_assert_str_eq(bytes_of(res[0].quote), "Kom je mee?");
	ck_assert_str_eq(bytes_of(res[1].quote), "Nee, ik blijf thuis.");
	/* a turn after a beat of narration, ending in a full stop, with no
	 * reporting clause: the scene is dialogue already */
	ck_assert_uint_eq(run("– Waar was u? vroeg Jan.\n\nPiet keek weg.\n\n– Thuis. Ik was thuis."), 2);
	ck_assert_str_eq(bytes_of(res[1].quote), "Thuis. Ik was thuis.");
	/* the points of a list far from any dialogue stay a list */
	ck_assert_uint_eq(run("– Waar was u? vroeg Jan.\n\nEen.\n\nTwee.\n\nDrie.\n\nDe regels:\n\n– de huur gaat omhoog.\n\n– de tuin wordt kleiner."), 1);
	/* a dash inside a sentence opens no turn */
	ck_assert_uint_eq(run("--Pardon, zei ik--want ik ben beleefd--ik ben Droogstoppel."), 1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("quotes");
	TCase *tc = tcase_create("pairing");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_dutch_style_pairs);
	tcase_add_test(tc, a_low_mark_closed_by_a_straight_one_pairs);
	tcase_add_test(tc, apostrophes_are_not_marks);
	tcase_add_test(tc, nested_quotations_give_the_outer_one);
	tcase_add_test(tc, comma_runs_open_after_the_comma);
	tcase_add_test(tc, unpaired_marks_are_ignored);
	tcase_add_test(tc, a_quotation_runs_over_paragraphs);
	tcase_add_test(tc, marks_from_a_custom_table);
	suite_add_tcase(s, tc);
	TCase *sp = tcase_create("speech");
	tcase_add_checked_fixture(sp, at_setup, at_teardown);
	tcase_add_test(sp, titles_in_a_listing_are_not_speech);
	tcase_add_test(sp, dated_sayings_are_speech_and_dated_titles_are_not);
	tcase_add_test(sp, the_first_person_present_reports_with_ik);
	tcase_add_test(sp, her_before_a_verb_is_no_possessive);
	tcase_add_test(sp, a_relative_clause_keeps_its_reporting_verb);
	tcase_add_test(sp, naming_verbs_in_every_form);
	tcase_add_test(sp, chanting_and_cheering_verbs_report);
	tcase_add_test(sp, sources_and_broadcasters_speak);
	tcase_add_test(sp, a_reporting_clause_after_the_fragment);
	tcase_add_test(sp, an_aside_in_brackets_is_a_term);
	tcase_add_test(sp, a_reporting_verb_right_after_the_fragment_closes_its_clause);
	tcase_add_test(sp, a_noun_for_what_was_said_attributes);
	tcase_add_test(sp, naar_eigen_zeggen_attributes_to_its_own_subject);
	tcase_add_test(sp, an_inserted_clause_does_not_cut_the_verb_from_its_fragment);
	tcase_add_test(sp, a_verb_after_the_fragment_without_a_speaker_is_the_next_clauses);
	tcase_add_test(sp, what_a_naming_verb_calls_it_after_als);
	tcase_add_test(sp, a_passive_reporting_verb_has_only_its_agent_as_speaker);
	tcase_add_test(sp, a_reporting_verbs_form_after_an_article_is_a_noun);
	tcase_add_test(sp, als_before_a_role_opens_no_clause);
	tcase_add_test(sp, a_separable_verbs_particle_after_the_fragment);
	tcase_add_test(sp, the_media_speak);
	tcase_add_test(sp, a_name_that_is_the_subject_of_a_reporting_clause_is_a_person);
	tcase_add_test(sp, verbs_of_accusing_report);
	tcase_add_test(sp, a_verb_after_a_relative_clause_follows_its_subject);
	tcase_add_test(sp, door_after_a_finite_verb_names_no_speaker);
	tcase_add_test(sp, the_subject_after_a_verb_stands_after_no_preposition);
	tcase_add_test(sp, an_inverted_clause_reports_with_any_verb);
	tcase_add_test(sp, a_dash_turn_goes_on_after_its_reporting_clause);
	tcase_add_test(sp, a_dash_after_a_full_stop_opens_the_next_turn);
	suite_add_tcase(s, sp);
	return s;
}

CHECK_MAIN(make_suite)
