/* Unit tests of the normalize core (filters/normalize/normalize.h): each
 * step, and the option that switches it off. */
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "../../filters/normalize/normalize.h"

static struct normalize_options opt;

static void setup(void)
{
	normalize_defaults(&opt);
}

/* Normalize S with the current options; returns a malloc'ed copy. */
static char *norm(const char *s)
{
	struct normalizer *n = normalizer_new(&opt);
	size_t len;
	ck_assert_ptr_nonnull(n);
	const char *out = normalize_text(n, s, strlen(s), &len);
	ck_assert_ptr_nonnull(out);
	char *copy = malloc(len + 1);
	memcpy(copy, out, len);
	copy[len] = '\0';
	normalizer_free(n);
	return copy;
}

#define CHECK_NORM(in, want) do { \
		char *got_ = norm(in); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

/* Normalizing the output again changes nothing. */
#define CHECK_FIXED(in) do { \
		char *once_ = norm(in); \
		char *twice_ = norm(once_); \
		ck_assert_str_eq(twice_, once_); \
		free(once_); \
		free(twice_); \
	} while (0)

START_TEST(nfc_composes)
{
	CHECK_NORM("Italie\xcc\x88 en cafe\xcc\x81", "Itali\xc3\xab en caf\xc3\xa9");
	/* Combining marks are put in canonical order too. */
	CHECK_NORM("q\xcc\x87\xcc\xa3", "q\xcc\xa3\xcc\x87");
	/* NFC keeps compatibility characters: the fi ligature stays. */
	CHECK_NORM("\xef\xac\x81nale", "\xef\xac\x81nale");
}
END_TEST

START_TEST(nfkc_and_none)
{
	opt.form = NORMALIZE_NFKC;
	CHECK_NORM("\xef\xac\x81nale op 2\xc2\xb2", "finale op 22");
	/* A fullwidth ampersand becomes '&' and the reference it starts is
	 * decoded, so the result is still a fixed point. */
	CHECK_NORM("AT\xef\xbc\x86" "amp;T", "AT&T");
	opt.form = NORMALIZE_NONE;
	CHECK_NORM("cafe\xcc\x81", "cafe\xcc\x81");
}
END_TEST

START_TEST(mojibake_repaired)
{
	CHECK_NORM("Belgi\xc3\x83\xc2\xab", "Belgi\xc3\xab");                      /* BelgiÃ« */
	CHECK_NORM("het kabinet\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s plan",            /* â€™ */
	           "het kabinet\xe2\x80\x99s plan");
	CHECK_NORM("\xc3\xa2\xe2\x82\xac\xc5\x93Nee\xc3\xa2\xe2\x82\xac\xc2\x9d",  /* â€œ…â€ + U+009D */
	           "\xe2\x80\x9cNee\xe2\x80\x9d");
	/* Twice mis-decoded: ÃƒÂ« */
	CHECK_NORM("Belgi\xc3\x83\xc6\x92\xc3\x82\xc2\xab", "Belgi\xc3\xab");
	/* Inside a lowercase word: WrocÅ‚aw */
	CHECK_NORM("Wroc\xc3\x85\xe2\x80\x9a" "aw", "Wroc\xc5\x82" "aw");
}
END_TEST

START_TEST(mojibake_left_when_implausible)
{
	/* CAFÉ” is a word and a closing quote. */
	CHECK_NORM("\xe2\x80\x9c" "CAF\xc3\x89\xe2\x80\x9d", "\xe2\x80\x9c" "CAF\xc3\x89\xe2\x80\x9d");
	/* café”… is a word, a quote and an ellipsis. */
	CHECK_NORM("caf\xc3\xa9\xe2\x80\x9d\xe2\x80\xa6", "caf\xc3\xa9\xe2\x80\x9d\xe2\x80\xa6");
	opt.mojibake = 0;
	CHECK_NORM("Belgi\xc3\x83\xc2\xab", "Belgi\xc3\x83\xc2\xab");
}
END_TEST

START_TEST(entities_decoded)
{
	CHECK_NORM("Ajax &amp; PSV", "Ajax & PSV");
	CHECK_NORM("caf&eacute; &#8217;t &#x2019;s", "caf\xc3\xa9 \xe2\x80\x99t \xe2\x80\x99s");
	/* C1 numbers mean Windows-1252, as in browsers: &#150; is a dash. */
	CHECK_NORM("1990&#150;2000", "1990\xe2\x80\x93" "2000");
	/* Escaped twice. */
	CHECK_NORM("caf&amp;eacute;", "caf\xc3\xa9");
	/* Not references: left alone. */
	CHECK_NORM("AT&T, &foo; en &amp zonder puntkomma", "AT&T, &foo; en &amp zonder puntkomma");
	CHECK_NORM("&#0; &#xD800; &#99999999;", "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
	opt.entities = 0;
	CHECK_NORM("Ajax &amp; PSV", "Ajax &amp; PSV");
}
END_TEST

START_TEST(html_stripped)
{
	opt.html = 1;
	CHECK_NORM("<h1>Kop</h1><p>Een <b>vette</b> zin.</p><p>Twee</p>",
	           "Kop\n\nEen vette zin.\n\nTwee");
	CHECK_NORM("Tekst<script>var a = '<p>';</script> en<style>p{}</style> meer", "Tekst en meer");
	CHECK_NORM("regel<br>regel<!-- weg --> <a href=\"x?a=1&amp;b=2\" title='a>b'>link</a>",
	           "regel regel link");
	/* A '<' that starts no tag is text; escaped tags are tags too. */
	CHECK_NORM("3 < 4 en a<b", "3 < 4 en a<b");
	CHECK_NORM("&lt;i&gt;schuin&lt;/i&gt;", "schuin");
	CHECK_FIXED("&amp;lt;b&amp;gt;x&lt;p&gt;");
	opt.html = 0;
	CHECK_NORM("<p>Een</p>", "<p>Een</p>");
	CHECK_NORM("&lt;p&gt;", "<p>");
}
END_TEST

START_TEST(invisible_removed)
{
	CHECK_NORM("\xef\xbb\xbf" "De\xe2\x80\x8b kop", "De kop");        /* BOM, ZWSP */
	CHECK_NORM("ge\xc2\xadzamen\x01lijk\x7f", "gezamenlijk");          /* SHY, C0, DEL */
	CHECK_NORM("a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9" "d", "a b c\n\nd"); /* NEL, LS, PS */
	CHECK_NORM("\xe2\x80\x8e" "links\xe2\x80\xae", "links");          /* LRM, RLO */
	/* ZWJ inside an emoji sequence stays. */
	CHECK_NORM("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	opt.invisible = 0;
	CHECK_NORM("ge\xc2\xadzamen\xe2\x80\x8blijk", "ge\xc2\xadzamen\xe2\x80\x8blijk");
}
END_TEST

START_TEST(spaces_tidied)
{
	CHECK_NORM("  21.30\xc2\xa0uur,\tin   Den\xe2\x80\xafHaag  ", "21.30 uur, in Den Haag");
	CHECK_NORM("eind   \nvan de regel", "eind van de regel");
	opt.spaces = 0;
	CHECK_NORM("21.30\xc2\xa0uur,\tin  Den", "21.30\xc2\xa0uur,\tin  Den");
}
END_TEST

START_TEST(paragraphs_and_lines)
{
	CHECK_NORM("Een\r\nzin.\r\n\r\nTwee", "Een zin.\n\nTwee");
	CHECK_NORM("Een\rzin.", "Een zin.");
	CHECK_NORM("Een zin.\n", "Een zin.");
	CHECK_NORM("\n\nEen\n\n\n\n  \n\nTwee\n\n", "Een\n\nTwee");
	opt.lines = NORMALIZE_LINES_KEEP;
	CHECK_NORM("Een\nzin.\n\n\n\nTwee\n  drie", "Een\nzin.\n\nTwee\ndrie");
	setup();
	opt.breaks = 0;
	CHECK_NORM("Een  \r\nzin.\r\n\r\n\r\nTwee", "Een\r\nzin.\r\n\r\n\r\nTwee");
}
END_TEST

START_TEST(line_units)
{
	/* lines that are units of their own stay lines: a list, a heading, key:
	 * value rows, bullets, a line that ends a sentence */
	const char *kept[] = {
		"Kernen\nGent\nAntwerpen\nLeuven",
		"Nieuw beleid\nDe gemeente wil de komende jaren meer woningen bouwen in alle wijken van de stad.",
		"Inwoners: 52.000\nOppervlakte: 12 km\xc2\xb2",
		"De partijen willen onder meer:\n- wonen\n- zorg\n\xe2\x80\xa2 onderwijs",
		"Planning\n1. Voorbereiding\n2. Uitvoering",
		"Het regent vandaag.\nMorgen schijnt de zon.",
		"Kernen\nOnze-Lieve-Vrouw-Waver\nSint-Katelijne-Waver\nBerlaar"};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		CHECK_NORM(kept[i], kept[i]);
		CHECK_FIXED(kept[i]);
	}
	/* wrapped prose is joined, also before a name or a dash that the
	 * wrapping put at a line start */
	const char *wrapped =
		"De gemeenteraad van Zwolle heeft donderdagavond besloten om de\n"
		"fietsenstalling bij het station duurder te maken, zei wethouder\n"
		"Jansen na afloop van de vergadering, die tot laat in de avond\n"
		"\xe2\x80\x93 zoals vaker \xe2\x80\x93 doorliep.";
	CHECK_NORM(wrapped,
	           "De gemeenteraad van Zwolle heeft donderdagavond besloten om de "
	           "fietsenstalling bij het station duurder te maken, zei wethouder "
	           "Jansen na afloop van de vergadering, die tot laat in de avond "
	           "\xe2\x80\x93 zoals vaker \xe2\x80\x93 doorliep.");
	/* a list after wrapped prose, in one paragraph */
	const char *mixed =
		"De gemeente heeft besloten om de weg te verbreden en een nieuwe\n"
		"rotonde aan te leggen bij de kruising met de Hoofdstraat.\n"
		"Gent\nAntwerpen";
	CHECK_NORM(mixed,
	           "De gemeente heeft besloten om de weg te verbreden en een nieuwe "
	           "rotonde aan te leggen bij de kruising met de Hoofdstraat.\nGent\nAntwerpen");
	CHECK_FIXED(mixed);
	/* --join-lines joins every line, --keep-lines keeps every line */
	opt.lines = NORMALIZE_LINES_JOIN;
	CHECK_NORM(kept[0], "Kernen Gent Antwerpen Leuven");
	opt.lines = NORMALIZE_LINES_KEEP;
	CHECK_NORM("Een zin die\ndoorloopt.", "Een zin die\ndoorloopt.");
}
END_TEST

START_TEST(dehyphenation)
{
	CHECK_NORM("een gezamen-\nlijke verklaring", "een gezamenlijke verklaring");
	CHECK_NORM("de NAVO-\nchef", "de NAVO-chef");
	CHECK_NORM("in Noord-\nHolland", "in Noord-Holland");
	CHECK_NORM("de G7-\ntop in 2022-\n2023", "de G7-top in 2022-2023");
	CHECK_NORM("Oost-\nen West-Europa", "Oost- en West-Europa");
	CHECK_NORM("nu -\ndenk ik", "nu - denk ik");
	CHECK_NORM("\xc3\xa9\xc3\xa9n-\n\xc3\xa9\xc3\xa9n", "\xc3\xa9\xc3\xa9n\xc3\xa9\xc3\xa9n");
	/* A soft hyphen at a line end is a hyphenation point. */
	CHECK_NORM("gezamen\xc2\xad\nlijk", "gezamenlijk");
	opt.dehyphenate = 0;
	CHECK_NORM("een gezamen-\nlijke", "een gezamen- lijke");
	CHECK_NORM("gezamen\xc2\xad\nlijk", "gezamen lijk");
}
END_TEST

START_TEST(quotes_left_as_written)
{
	const char *q = "\xe2\x80\x9e" "a\xe2\x80\x9d \xe2\x80\x9c" "b\xe2\x80\x9d \"c\" ,,d'' "
	                "\xe2\x80\x98" "e\xe2\x80\x99 'f' \xc2\xab" "g\xc2\xbb";
	CHECK_NORM(q, q);
}
END_TEST

START_TEST(clean_text_is_not_copied)
{
	const char *s = "Een schone tekst, met \xc3\xa9\xc3\xa9n zin.\n\nEn een tweede alinea.";
	struct normalizer *n = normalizer_new(&opt);
	size_t len;
	ck_assert_ptr_eq(normalize_text(n, s, strlen(s), &len), s);
	ck_assert_uint_eq(len, strlen(s));
	normalizer_free(n);
}
END_TEST

START_TEST(idempotent)
{
	CHECK_FIXED(" date 2022-03 \xef\xbb\xbf" "Kop\r\n\r\n\r\n\"Het is\xc2\xa0 een  gezamen-\n"
	            "lijk besluit\", zegt De Graaf.\xe2\x80\x8b Belgi\xc3\x83\xc2\xab &amp;eacute; "
	            "e\xcc\x81 ,,x'' NAVO-\nchef\t\n\n  \n");
	/* Found by fuzzing: one step enabling another on the next run. */
	CHECK_FIXED("\xc3\x85\xe2\x80\x8b\xe2\x82\xac");              /* Å ZWSP € */
	CHECK_FIXED("Ea" "E\xcc\x81\xe2\x80\xa6<p>");                   /* É… after "a" */
	CHECK_FIXED("\xe2\x80\x9e\xe2\x80\x8d\xe3\x80\x80\xe2\x82\xac"); /* ZWJ before U+3000 */
	CHECK_FIXED("e\xcc\x81\xe2\x84\xa2\xe2\x84\xa2");             /* é™™ */
	CHECK_FIXED("&am\xc2\xadp;");
	opt.form = NORMALIZE_NFKC;
	opt.html = 1;
	CHECK_FIXED("<p>\xef\xbc\x86lt;b\xef\xbc\x9e x &lt;b&gt;y</b></p>\xef\xac\x81");
	CHECK_FIXED("<<\xc2\xad" "en&gt;");
	CHECK_FIXED("&amp;<date 2022-03 x&gt;");
}
END_TEST

START_TEST(date_tag)
{
	char date[11];
	const char *s = " date 2025-10-14 De ministers";
	ck_assert_uint_eq(normalize_date_tag(s, strlen(s), date), 17);
	ck_assert_str_eq(date, "2025-10-14");
	s = "date 2022-03\n\nBrussel";
	ck_assert_uint_eq(normalize_date_tag(s, strlen(s), date), 14);
	ck_assert_str_eq(date, "2022-03");
	s = "date 2022-03";
	ck_assert_uint_eq(normalize_date_tag(s, strlen(s), date), 12);
	const char *bad[] = {"date 2022-13 x", "date 2022-03-32 x", "date 2022-3 x",
	                     "date 2022-03x", "date: 2022-03 x", "Het date 2022-03", "date 22-03-01"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_uint_eq(normalize_date_tag(bad[i], strlen(bad[i]), date), 0);
}
END_TEST

START_TEST(document_decoding)
{
	char *out;
	size_t len;
	int repairs, cp1252;
	/* Windows-1252: "café “x” €5" */
	const char w[] = "caf\xe9 \x93x\x94 \x80" "5";
	ck_assert_int_eq(normalize_decode_document(w, sizeof w - 1, &out, &len, &repairs, &cp1252), 0);
	ck_assert_int_eq(cp1252, 1);
	ck_assert_str_eq(out, "caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d \xe2\x82\xac" "5");
	free(out);
	/* UTF-8 with one stray byte: U+FFFD, counted. */
	const char u[] = "\xc3\xa9\xc3\xa9n en \xe2\x80\x9c" "twee\xe2\x80\x9d \xff.";
	ck_assert_int_eq(normalize_decode_document(u, sizeof u - 1, &out, &len, &repairs, &cp1252), 0);
	ck_assert_int_eq(cp1252, 0);
	ck_assert_int_eq(repairs, 1);
	ck_assert_str_eq(out, "\xc3\xa9\xc3\xa9n en \xe2\x80\x9c" "twee\xe2\x80\x9d \xef\xbf\xbd.");
	free(out);
	/* UTF-16 with a byte order mark, both byte orders: "é€😀" */
	const char le[] = "\xff\xfe\xe9\x00\xac\x20\x3d\xd8\x00\xde";
	const char be[] = "\xfe\xff\x00\xe9\x20\xac\xd8\x3d\xde\x00\xd8";
	ck_assert_int_eq(normalize_decode_document(le, sizeof le - 1, &out, &len, &repairs, &cp1252), 0);
	ck_assert_int_eq(repairs + cp1252, 0);
	ck_assert_str_eq(out, "\xef\xbb\xbf\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	free(out);
	ck_assert_int_eq(normalize_decode_document(be, sizeof be - 1, &out, &len, &repairs, &cp1252), 0);
	ck_assert_int_eq(repairs, 1);   /* the odd last byte */
	ck_assert_str_eq(out, "\xef\xbb\xbf\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbd");
	free(out);
	ck_assert_int_eq(normalize_decode_document("ok", 2, &out, &len, &repairs, &cp1252), 0);
	ck_assert_int_eq(repairs + cp1252, 0);
	ck_assert_str_eq(out, "ok");
	free(out);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, nfc_composes);
	tcase_add_test(tc, nfkc_and_none);
	tcase_add_test(tc, mojibake_repaired);
	tcase_add_test(tc, mojibake_left_when_implausible);
	tcase_add_test(tc, entities_decoded);
	tcase_add_test(tc, html_stripped);
	tcase_add_test(tc, invisible_removed);
	tcase_add_test(tc, spaces_tidied);
	tcase_add_test(tc, paragraphs_and_lines);
	tcase_add_test(tc, line_units);
	tcase_add_test(tc, dehyphenation);
	tcase_add_test(tc, quotes_left_as_written);
	tcase_add_test(tc, clean_text_is_not_copied);
	tcase_add_test(tc, idempotent);
	tcase_add_test(tc, date_tag);
	tcase_add_test(tc, document_decoding);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
