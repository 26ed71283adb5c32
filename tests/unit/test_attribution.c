/* Unit tests of speaker and cue attribution (extract-quotes/attribution.c).
 * The passages are written for these tests. */
#include <string.h>
#include "check_main.h"
#include "../../filters/extract-quotes/attribution.h"
#include "../../filters/extract-quotes/quotes.h"

static struct quote_marks *qm;
static struct attributor *at;
static struct quote_list ql;
static const struct attributed_quote *res;
static const char *text;
static char buf[256];

static void setup(void)
{
	qm = quote_marks_load();
	at = attributor_new();
	ck_assert_ptr_nonnull(qm);
	ck_assert_ptr_nonnull(at);
}

static void teardown(void)
{
	quote_marks_free(qm);
	attributor_free(at);
	quote_list_free(&ql);
}

static size_t run_with(const char *s, const struct entity_hint *ent, size_t nent)
{
	text = s;
	size_t n = quotes_find(qm, s, strlen(s), &ql);
	res = attribute_quotes(at, s, strlen(s), ql.q, n, NULL, 0, ent, nent);
	ck_assert_ptr_nonnull(res);
	return n;
}

static size_t run(const char *s)
{
	return run_with(s, NULL, 0);
}

/* The text of a span, or "-" when absent. */
static const char *span(struct byte_span b)
{
	if (b.end <= b.start)
		return "-";
	memcpy(buf, text + b.start, b.end - b.start);
	buf[b.end - b.start] = 0;
	return buf;
}

START_TEST(cue_after_the_quotation)
{
	ck_assert_uint_eq(run("Robert van de Roer volgt de NAVO al jaren. \"Dit is een keerpunt\", "
	                      "zegt Van de Roer."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_AFTER);
	ck_assert_str_eq(span(res[0].cue), "zegt");
	ck_assert_str_eq(span(res[0].speaker), "Van de Roer");
	ck_assert_str_eq(span(res[0].name), "Robert van de Roer");

	run("\"Wij wachten af\", aldus minister Kaag.");
	ck_assert_str_eq(span(res[0].cue), "aldus");
	ck_assert_str_eq(span(res[0].speaker), "Kaag");
}
END_TEST

START_TEST(colon_before_and_roles_outside_the_name)
{
	run("EU-correspondent Sanne de Wit: \"Drie toppen op een dag, dat is veel.\"");
	ck_assert_int_eq(res[0].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[0].cue_pos, CUE_BEFORE);
	ck_assert_str_eq(span(res[0].cue), ":");
	ck_assert_str_eq(span(res[0].speaker), "Sanne de Wit");

	run("Premier Jansen zei: \"We houden vol.\"");
	ck_assert_str_eq(span(res[0].cue), "zei");
	ck_assert_str_eq(span(res[0].speaker), "Jansen");
}
END_TEST

START_TEST(separable_and_opinion_verbs)
{
	run("Minister Bakker sprak het parlement toe. Daar voegde hij aan toe: \"Ik twijfel niet.\"");
	ck_assert_str_eq(span(res[0].cue), "voegde");
	ck_assert_str_eq(span(res[0].speaker), "hij");
	ck_assert_str_eq(span(res[0].name), "Bakker");

	run("\"Dat was te weinig\", vond trainer Pieters.");
	ck_assert_str_eq(span(res[0].cue), "vond");
	ck_assert_str_eq(span(res[0].speaker), "Pieters");

	/* Without its particle the verb form is no cue: the quotation is
	 * still a full sentence, attributed to the person the text is about. */
	run("Bakker voegde de stukken bij het dossier. \"Alles is nu compleet.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_NONE);
	ck_assert_str_eq(span(res[0].speaker), "Bakker");
}
END_TEST

START_TEST(prepositional_cue_and_previous_sentence)
{
	run("Volgens hoogleraar Eva Mulder is de top geslaagd. \"Het Westen toont eenheid.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_PREV_SENTENCE);
	ck_assert_str_eq(span(res[0].cue), "Volgens");
	ck_assert_str_eq(span(res[0].speaker), "Eva Mulder");

	run("Daar is geduld voor nodig, zegt Visser. \"Dit duurt jaren.\"");
	ck_assert_int_eq(res[0].cue_pos, CUE_PREV_SENTENCE);
	ck_assert_str_eq(span(res[0].speaker), "Visser");
}
END_TEST

START_TEST(pronouns_resolve_and_a_pronoun_inside_is_not_the_speaker)
{
	run("President Biden sprak gisteren in Brussel. \"Hij heeft zich vergist\", zei hij over "
	    "Poetin.");
	ck_assert_str_eq(span(res[0].speaker), "hij");
	ck_assert_str_eq(span(res[0].name), "Biden");

	/* A capitalised adjective is no name, and a name in a prepositional
	 * phrase is no subject: "hij" is Simeon, not the newspaper. */
	run("De ex-koning Simeon meent dat hij premier wordt. Tegen de Spaanse krant El Pais "
	    "zei hij dat ,,het volk erom vraagt''.");
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(span(res[0].name), "Simeon");

	/* "de Amerikaanse president" is the person named with that role. */
	run("President Biden sprak in Brussel. Dat kan niet, zei de Amerikaanse president. "
	    "\"Wij reageren als het moet.\"");
	ck_assert_str_eq(span(res[0].name), "Biden");
}
END_TEST

START_TEST(a_following_quotation_continues_its_speaker)
{
	ck_assert_uint_eq(run("Ook premier Rutte bleef niet achter: \"Er was eenheid\", zei hij. "
	                      "\"We moeten die bewaren.\""), 2);
	ck_assert_str_eq(span(res[0].name), "Rutte");
	ck_assert_int_eq(res[1].kind, QUOTE_DIRECT);
	ck_assert_int_eq(res[1].cue_pos, CUE_NONE);
	ck_assert_str_eq(span(res[1].name), "Rutte");

	/* A quotation split by an inserted cue. */
	ck_assert_uint_eq(run(",,Ik kom terug'', zei Trimble gisteren,,,maar niet zomaar.''"), 2);
	ck_assert_int_eq(res[1].kind, QUOTE_DIRECT);
	ck_assert_str_eq(span(res[1].speaker), "Trimble");
}
END_TEST

START_TEST(fragments_need_a_cue_and_terms_are_dropped)
{
	ck_assert_uint_eq(run("NAVO-chef Jens Stoltenberg waarschuwde voor een ‘groot "
	                      "offensief’ in het oosten."), 1);
	ck_assert_int_eq(res[0].kind, QUOTE_PARTIAL);
	ck_assert_str_eq(span(res[0].speaker), "Jens Stoltenberg");

	/* Scare quotes and terms: no reporting verb governs them. */
	ck_assert_uint_eq(run("Russen omzeilen de regels via 'mazen' in de wet. Het is geen "
	                      "'gamechanger'."), 2);
	ck_assert_int_eq(res[0].kind, QUOTE_DROPPED);
	ck_assert_int_eq(res[1].kind, QUOTE_DROPPED);

	/* A name or title in quotation marks is no fragment of speech. */
	run("Spielberg gaf toe dat Indiana Jones op de avonturen van \"Kuifje\" gebaseerd was.");
	ck_assert_int_eq(res[0].kind, QUOTE_DROPPED);

	/* Titles of works: a year in brackets after them. */
	run("Hij schreef vele platen, waaronder 'Zomeravond' (1961) en 'Stad' (1970).");
	ck_assert_int_eq(res[0].kind, QUOTE_DROPPED);
	ck_assert_int_eq(res[1].kind, QUOTE_DROPPED);
}
END_TEST

START_TEST(person_entities_are_used_when_given)
{
	const char *s = "Mertens keek tevreden terug. \"Dit was ons beste duel.\"";
	run(s);
	ck_assert_str_eq(span(res[0].speaker), "-");   /* a capitalised first word only */
	struct entity_hint per = { 0, 7, 1 };
	run_with(s, &per, 1);
	ck_assert_str_eq(span(res[0].speaker), "Mertens");
	ck_assert_str_eq(span(res[0].name), "Mertens");
}
END_TEST

START_TEST(indirect_speech_only_when_asked)
{
	const char *s = "Premier Rutte zei gisteren dat het kabinet gewoon doorgaat. Bos vindt dat "
	                "het beter kan.";
	size_t n;
	run(s);
	attribution_indirect(at, &n);
	ck_assert_uint_eq(n, 0);
	attributor_set_indirect(at, 1);
	run(s);
	const struct attributed_quote *ind = attribution_indirect(at, &n);
	ck_assert_uint_eq(n, 1);   /* an opinion verb is no report */
	ck_assert_int_eq(ind[0].kind, QUOTE_INDIRECT);
	ck_assert_str_eq(span((struct byte_span){ ind[0].quote.start, ind[0].quote.end }),
	                 "het kabinet gewoon doorgaat");
	ck_assert_str_eq(span(ind[0].speaker), "Rutte");
	ck_assert_str_eq(span(ind[0].cue), "zei");
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
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
