/* Unit tests of common/line_units.c: the measures, item shapes and each
 * rule that tells a line break between units from wrapped prose. */
#include <stdio.h>
#include <string.h>
#include "check_main.h"
#include "line_units.h"

/* Is the break between the two lines of the paragraph A "\n" B kept? A
 * is the text since the last kept break, as one line. */
static int keep(const char *a, const char *b)
{
	char para[1024];
	struct line_para p;
	size_t end;
	snprintf(para, sizeof para, "%s\n%s", a, b);
	line_units_paragraph(para, strlen(para), 0, &end, &p);
	size_t cp = line_units_length(a, strlen(a));
	return line_units_keep(a, strlen(a), cp, cp, b, strlen(b), &p);
}

START_TEST(lengths_and_paragraphs)
{
	ck_assert_uint_eq(line_units_length("  twee   woorden \t", 18), 12);
	ck_assert_uint_eq(line_units_length("\xc3\xa9\xc3\xa9n", 5), 3);
	struct line_measure m = {0};
	line_measure_add(&m, "een ", 4);
	line_measure_add(&m, "  zin", 5);
	ck_assert_uint_eq(m.cp, 7);
	/* a paragraph ends at a blank line; its width is its longest line */
	const char *t = "kort\nwat langer\r\n \nvolgende";
	struct line_para p;
	size_t end;
	line_units_paragraph(t, strlen(t), 0, &end, &p);
	ck_assert_uint_eq(p.width, 10);
	ck_assert_uint_eq(end, 17);
	ck_assert_int_eq(p.list, 0);
	/* three lines or more, none starting lowercase: a list */
	t = "Gent\nAntwerpen\nLeuven\nBrugge";
	line_units_paragraph(t, strlen(t), 0, &end, &p);
	ck_assert_int_eq(p.list, 1);
	t = "Gent\nAntwerpen\nen\nBrugge";
	line_units_paragraph(t, strlen(t), 0, &end, &p);
	ck_assert_int_eq(p.list, 0);
}
END_TEST

START_TEST(item_shapes)
{
	size_t words, mark;
	ck_assert_int_eq(line_units_item("- wonen", 7, 0, NULL, &mark), ITEM_BULLET);
	ck_assert_uint_eq(mark, 1);
	ck_assert_int_eq(line_units_item("\xe2\x80\xa2 zorg", 8, 0, NULL, NULL), ITEM_BULLET);
	ck_assert_int_eq(line_units_item("-wonen", 6, 0, NULL, NULL), ITEM_NONE);
	ck_assert_int_eq(line_units_item("12. Slot", 8, 0, NULL, NULL), ITEM_ENUM);
	ck_assert_int_eq(line_units_item("(3) Slot", 8, 0, NULL, NULL), ITEM_ENUM);
	ck_assert_int_eq(line_units_item("b) trein", 8, 0, NULL, NULL), ITEM_ENUM);
	ck_assert_int_eq(line_units_item("A. Jansen", 9, 0, NULL, NULL), ITEM_NONE);
	ck_assert_int_eq(line_units_item("Inwoners: 52.000", 16, 0, &words, &mark), ITEM_KEY);
	ck_assert_uint_eq(words, 1);
	ck_assert_uint_eq(mark, 9);
	ck_assert_int_eq(line_units_item("Wet der commutativiteit: a", 26, 0, NULL, NULL), ITEM_NONE);
	ck_assert_int_eq(line_units_item("Bart De Wever: voorzitter", 25, 0, &words, NULL), ITEM_KEY);
	ck_assert_uint_eq(words, 3);
	ck_assert_int_eq(line_units_item("oppervlakte: 12", 15, 0, NULL, NULL), ITEM_NONE);
	ck_assert_int_eq(line_units_item("oppervlakte: 12", 15, 1, NULL, NULL), ITEM_KEY);
	ck_assert_int_eq(line_units_item("Om 10:30 uur", 12, 0, NULL, NULL), ITEM_NONE);
	ck_assert_int_eq(line_units_item("1985 - studie", 13, 0, NULL, &mark), ITEM_YEAR);
	ck_assert_uint_eq(mark, 6);
	ck_assert_int_eq(line_units_item("1987-1989: raadslid", 19, 0, NULL, NULL), ITEM_YEAR);
	ck_assert_int_eq(line_units_item("1985 studie", 11, 0, NULL, NULL), ITEM_NONE);
}
END_TEST

START_TEST(rules)
{
	/* 1, 2: bullets; a dash or number only where a list can be */
	ck_assert(keep("Een heel lange regel die tot aan de rand van de pagina doorloopt en",
	               "\xe2\x80\xa2 punt"));
	ck_assert(keep("De partijen willen onder meer:", "- wonen"));
	ck_assert(keep("- wonen", "- zorg"));
	ck_assert(!keep("Een heel lange regel die tot aan de rand van de pagina doorloopt en",
	                "- zo zei hij - verder"));
	/* 3: a word broken at its hyphen */
	ck_assert(!keep("Noord-", "Holland"));
	/* 4: a lowercase start goes on */
	ck_assert(!keep("Kort", "en dan verder met de tekst van deze lange regel hier"));
	/* 6: a line that ends a sentence */
	ck_assert(keep("Het regent.", "Morgen zon en een heel lange regel tot aan de rand van de pagina"));
	ck_assert(keep("\"Ga weg!\"", "Hij ging en een heel lange regel tot aan de rand van de pagina"));
	/* 7: a line too long to be wrapped */
	char longline[200];
	memset(longline, 'x', 150);
	longline[150] = 0;
	ck_assert(keep(longline, "Volgende"));
	/* 8: the same item shape */
	ck_assert(keep("Inwoners: 52.000 en een heel lange waarde tot aan de rand van de pagina",
	               "Oppervlakte: 12 km2"));
	/* 9: room for the next word */
	ck_assert(keep("Nieuw beleid", "De gemeente wil de komende jaren meer woningen bouwen in de stad."));
	ck_assert(!keep("De gemeente wil de komende jaren meer woningen bouwen, zei wethouder",
	                "Jansen gisteren."));
	/* narrow lines are a list: 40 code points at least */
	ck_assert(keep("Gent", "Antwerpen"));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("line_units");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, lengths_and_paragraphs);
	tcase_add_test(tc, item_shapes);
	tcase_add_test(tc, rules);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
