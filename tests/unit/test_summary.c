/* Unit tests of the summarizer (filters/summarize/summary.h): words,
 * sentence kinds, back-pointers and their antecedents, the article type,
 * the shipped model's main tendencies, repetition and length limits. Texts
 * are small Dutch news-style fixtures written for these tests. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "../../filters/summarize/summary.h"

static struct summarizer *sz;

static void setup(void)
{
	int status;
	sz = summarizer_new("nl", &status);
	ck_assert_ptr_nonnull(sz);
	ck_assert_int_eq(status, 0);
}

static void teardown(void)
{
	summarizer_free(sz);
}

/* A document made of SENTENCES joined by one space (or a blank line where a
 * sentence starts with "\n"), with their byte spans. */
struct fixture {
	char text[8192];
	struct sentence_span span[64];
	size_t n;
};

static void make(struct fixture *f, const char *const *sentences)
{
	size_t at = 0;
	f->n = 0;
	for (; *sentences; sentences++) {
		const char *s = *sentences;
		if (f->n)
			f->text[at++] = ' ';
		if (*s == '\n') {
			f->text[at - 1] = '\n';
			f->text[at++] = '\n';
			s++;
		}
		size_t l = strlen(s);
		memcpy(f->text + at, s, l);
		f->span[f->n].start = at;
		f->span[f->n++].end = at + l;
		at += l;
	}
	f->text[at] = '\0';
}

static size_t run(struct fixture *f, enum summary_method m, long sentences, double ratio,
                  long words, const size_t **picked)
{
	struct summary_doc d = { f->text, strlen(f->text), f->span, f->n, NULL, NULL };
	struct summary_limits l = { sentences, ratio, words };
	size_t k = summarizer_run(sz, &d, m, &l, picked);
	ck_assert_uint_ne(k, (size_t)-1);
	return k;
}

static int has(const size_t *p, size_t k, size_t i)
{
	for (size_t j = 0; j < k; j++)
		if (p[j] == i)
			return 1;
	return 0;
}

static const char *const news[] = {
	"Beeld ANP",
	"\nHet kabinet trekt volgend jaar 2 miljard euro uit voor de bouw van nieuwe woningen in Utrecht en Zwolle.",
	"Minister Jansen van Volkshuisvesting maakte het plan dinsdag bekend in Den Haag.",
	"Gemeenten krijgen het geld om bouwgrond bouwrijp te maken.",
	"\nBouwgrond duur",
	"\nDe prijs van bouwgrond is de afgelopen jaren sterk gestegen, vooral in de Randstad.",
	"Hij hoopt dat de woningen binnen vijf jaar klaar zijn.",
	"Een flinke klus.",
	NULL
};

START_TEST(words_split_on_punctuation_and_quotes)
{
	const char *t = "\xE2\x80\x9C" "Caf\xC3\xA9-eigenaar,, zei: 'n\xC3\xA9\xC3\xA9'\xE2\x80\x94 8,5%";
	size_t pos = 0, s, e, n = 0;
	char got[8][32];
	while (summary_word_next(t, strlen(t), &pos, &s, &e) && n < 8) {
		memcpy(got[n], t + s, e - s);
		got[n++][e - s] = '\0';
	}
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(got[0], "Caf\xC3\xA9");
	ck_assert_str_eq(got[1], "eigenaar");
	ck_assert_str_eq(got[2], "zei");
	ck_assert_str_eq(got[3], "n\xC3\xA9\xC3\xA9");
	ck_assert_str_eq(got[4], "8");
	ck_assert_str_eq(got[5], "5");
	char out[16];
	const char *w = "\xC3\x89\xC3\xA9nMAAL";   /* ÉénMAAL */
	summary_word_fold(w, strlen(w), out);
	out[strlen(w)] = '\0';
	ck_assert_str_eq(out, "\xC3\xA9\xC3\xA9nmaal");
}
END_TEST

START_TEST(kinds_of_lines)
{
	static const char *const doc[] = {
		"Beeld AP",
		"Door Anna de Vries",
		"Storm in het noorden",
		"Een zware storm boven zee.",
		"De storm trok dinsdag over Groningen en Friesland.",
		"Dat meldt het KNMI.",
		"\nMinister Jansen bij aankomst op het provinciehuis in Leeuwarden.",
		"Foto ANP",
		"\nAMSTERDAM -",
		"\nDe schade loopt volgens de provincie in de miljoenen.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, doc);
	run(&f, SUMMARY_RANK, 1, 0, 0, &p);
	ck_assert_int_eq(summarizer_kind(sz, 0), SUMMARY_CAPTION);
	ck_assert_int_eq(summarizer_kind(sz, 1), SUMMARY_BYLINE);
	ck_assert_int_eq(summarizer_kind(sz, 2), SUMMARY_HEADING);
	ck_assert_int_eq(summarizer_kind(sz, 3), SUMMARY_FRAGMENT);
	ck_assert_int_eq(summarizer_kind(sz, 4), SUMMARY_SENTENCE);
	ck_assert_int_eq(summarizer_kind(sz, 5), SUMMARY_ATTRIBUTION);
	/* The caption text above its credit line, in the same paragraph. */
	ck_assert_int_eq(summarizer_kind(sz, 6), SUMMARY_CAPTION);
	ck_assert_int_eq(summarizer_kind(sz, 7), SUMMARY_CAPTION);
	ck_assert_int_eq(summarizer_kind(sz, 8), SUMMARY_HEADING);   /* a dateline alone */
	ck_assert_int_eq(summarizer_kind(sz, 9), SUMMARY_SENTENCE);
}
END_TEST

START_TEST(never_picks_captions_or_headings_while_sentences_remain)
{
	struct fixture f;
	const size_t *p;
	make(&f, news);
	size_t k = run(&f, SUMMARY_RANK, 5, 0, 0, &p);
	ck_assert_uint_eq(k, 5);
	ck_assert(!has(p, k, 0));   /* Beeld ANP */
	ck_assert(!has(p, k, 4));   /* heading */
	ck_assert(!has(p, k, 7));   /* fragment without a verb */
	k = run(&f, SUMMARY_LEAD, 2, 0, 0, &p);
	ck_assert_uint_eq(k, 2);
	ck_assert_uint_eq(p[0], 1);
	ck_assert_uint_eq(p[1], 2);
	/* Only when nothing else is left. */
	k = run(&f, SUMMARY_RANK, 8, 0, 0, &p);
	ck_assert_uint_eq(k, 8);
}
END_TEST

START_TEST(indices_ascending_and_lead_sentence_first)
{
	struct fixture f;
	const size_t *p;
	make(&f, news);
	size_t k = run(&f, SUMMARY_RANK, 3, 0, 0, &p);
	ck_assert_uint_eq(k, 3);
	ck_assert_uint_lt(p[0], p[1]);
	ck_assert_uint_lt(p[1], p[2]);
	ck_assert_uint_eq(p[0], 1);
	ck_assert_int_eq(summarizer_type(sz), SUMMARY_NEWS);
}
END_TEST

/* 1 when sentence S, as the second of a small document, points back. */
static int points_back(const char *s)
{
	const char *doc[] = { "De gemeenteraad van Utrecht vergaderde dinsdag over de begroting.", s,
	                      NULL };
	struct fixture f;
	const size_t *p;
	make(&f, doc);
	run(&f, SUMMARY_RANK, 1, 0, 0, &p);
	return summarizer_points_back(sz, 1);
}

START_TEST(sentences_that_point_back)
{
	ck_assert(points_back("Hij ontkent alle beschuldigingen van de oppositie."));
	ck_assert(points_back("Dat meldt de gemeente in een verklaring aan de pers."));
	ck_assert(points_back("Daarmee is het tekort van dit jaar gedekt."));
	ck_assert(points_back("Maar de oppositie wil meer geld voor de wijken, zeggen ze."));
	ck_assert(points_back("Zo komt er geld voor nieuwe fietspaden in de binnenstad."));
	ck_assert(points_back("Volgens hem is de begroting nu sluitend."));
	ck_assert(points_back("Zijn partij stemde als enige tegen."));
	ck_assert(points_back("Ook de provincie betaalt mee aan het plan."));
	/* Not pointing back: an article, a name, "zo'n" (about), a possessive
	 * after a preposition that points forward to the name after it. */
	ck_assert(!points_back("Het college wil de lasten niet verhogen."));
	ck_assert(!points_back("Wethouder De Vries noemde de begroting solide."));
	ck_assert(!points_back("Zo'n 300 inwoners volgden het debat op de publieke tribune."));
	ck_assert(!points_back("In zijn woonplaats Utrecht is zaterdag oud-wethouder Jan Smit overleden."));
}
END_TEST

START_TEST(back_pointer_only_with_its_antecedent)
{
	static const char *const a[] = {
		"De munitievoorraden van de NAVO-landen slinken snel, meldt het bondgenootschap in Brussel.",
		"Die raken sneller op dan de fabrieken in Europa en Amerika nieuwe munitie kunnen maken.",
		"Het weer in Brussel was dinsdag goed.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, a);
	/* "Die" is taken with the sentence it points back to. */
	size_t k = run(&f, SUMMARY_LEAD, 2, 0, 0, &p);
	ck_assert_uint_eq(k, 2);
	ck_assert_uint_eq(p[0], 0);
	ck_assert_uint_eq(p[1], 1);
	/* Without it, a sentence that reads on its own comes first. */
	static const char *const b[] = { a[1], a[2], NULL };
	make(&f, b);
	k = run(&f, SUMMARY_LEAD, 1, 0, 0, &p);
	ck_assert_uint_eq(k, 1);
	ck_assert_uint_eq(p[0], 1);
	k = run(&f, SUMMARY_RANK, 1, 0, 0, &p);
	ck_assert_uint_eq(p[0], 1);
	/* ... and it is taken only when nothing else is left. */
	k = run(&f, SUMMARY_RANK, 2, 0, 0, &p);
	ck_assert_uint_eq(k, 2);
}
END_TEST

/* The article type of a document that opens with OPENING. */
static enum summary_type type_of(const char *opening, const unsigned *entities)
{
	const char *doc[] = {
		opening,
		"De gemeente Zwolle wil dat er in het voorjaar een besluit ligt over de fietsenstalling.",
		"Reizigers betalen vanaf april 1,50 euro per dag voor een plek.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, doc);
	struct summary_doc d = { f.text, strlen(f.text), f.span, f.n, entities, NULL };
	struct summary_limits l = { 1, 0, 0 };
	ck_assert_uint_ne(summarizer_run(sz, &d, SUMMARY_RANK, &l, &p), (size_t)-1);
	return summarizer_type(sz);
}

START_TEST(article_type_from_the_opening)
{
	/* News: a real sentence with a name, a number or a time word. */
	ck_assert_int_eq(type_of("De gemeenteraad van Zwolle heeft donderdag ingestemd met een "
	                         "nieuw tarief voor de stalling.", NULL), SUMMARY_NEWS);
	ck_assert_int_eq(type_of("Ruim 1800 fietsen zijn vorig jaar uit de stalling weggehaald.", NULL),
	                 SUMMARY_NEWS);
	/* Features: a quotation, a question, a scene without news facts, a
	 * pronoun before any name, the reader addressed. */
	ck_assert_int_eq(type_of(",,Dit is gewoon een nieuwe belasting.''", NULL), SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("Wie betaalt er straks voor een plek in de stalling?", NULL),
	                 SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("Het is stil in de fietsenkelder onder het station.", NULL),
	                 SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("Hij zet zijn fiets al twintig jaar bij het station van Zwolle.", NULL),
	                 SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("Wilt u uw fiets langer dan een dag in Zwolle stallen?", NULL),
	                 SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("Je fiets staat veilig in de nieuwe stalling van Zwolle.", NULL),
	                 SUMMARY_FEATURE);
	/* Names from "entities" count as news facts too. */
	unsigned ents[3] = { 1, 0, 0 };
	ck_assert_int_eq(type_of("het college wil de lasten niet verhogen.", NULL), SUMMARY_FEATURE);
	ck_assert_int_eq(type_of("het college wil de lasten niet verhogen.", ents), SUMMARY_NEWS);
	ck_assert_str_eq(summary_type_name(SUMMARY_NEWS), "news");
	ck_assert_str_eq(summary_type_name(SUMMARY_FEATURE), "feature");
}
END_TEST

START_TEST(feature_need_not_start_at_its_opening)
{
	/* A feature that opens with a scene: its news comes later, and the
	 * best single sentence is that news, not the scene (which the lead
	 * method would take). */
	static const char *const doc[] = {
		"Het is stil in de kantine.",
		"De voetballers van VV Rijnvogels uit Leiden hebben woensdagavond de KNVB-beker "
		"gewonnen met een 2-1 zege op FC Twente in een uitverkocht stadion.",
		"Ruim 3000 toeschouwers zagen hoe spits Daan de Jong in de laatste minuut scoorde "
		"na een voorzet van Mo Amrani.",
		"Trainer Kees van der Wal sprak van de mooiste avond uit de geschiedenis van de club.",
		"De club ontvangt 40.000 euro aan premies van de KNVB voor het bereiken van de finale.",
		"Voorzitter Ingrid de Wit wil dat geld gebruiken voor de jeugdopleiding van de club.",
		"De loting voor de volgende ronde is donderdag in Zeist.",
		"De spelers vieren het feest tot diep in de nacht in de kantine.",
		"Vrijdag moeten de meeste spelers gewoon weer aan het werk.",
		"Trainer Van der Wal geeft ze zaterdag vrij.",
		"De selectie traint dinsdag weer op het eigen sportpark in Leiden.",
		"Daar ligt sinds deze zomer een nieuw kunstgrasveld.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, doc);
	size_t k = run(&f, SUMMARY_RANK, 1, 0, 0, &p);
	ck_assert_int_eq(summarizer_type(sz), SUMMARY_FEATURE);
	ck_assert_uint_eq(k, 1);
	ck_assert_uint_eq(p[0], 1);
	k = run(&f, SUMMARY_LEAD, 1, 0, 0, &p);
	ck_assert_uint_eq(p[0], 0);
}
END_TEST

START_TEST(short_news_report_gets_its_lead)
{
	static const char *const doc[] = {
		"Bij een brand in een woning in Almelo is zaterdag een 80-jarige vrouw om het leven gekomen.",
		"De brandweer kon haar niet meer redden.",
		"De oorzaak van de brand wordt onderzocht door de politie en de brandweer van Almelo.",
		"Buren hoorden rond drie uur 's nachts een harde klap in de straat.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, doc);
	size_t k = run(&f, SUMMARY_RANK, 0, 0, 0, &p);
	ck_assert_int_eq(summarizer_type(sz), SUMMARY_NEWS);
	ck_assert_uint_eq(k, 2);
	ck_assert_uint_eq(p[0], 0);
	ck_assert_uint_eq(p[1], 1);
}
END_TEST

START_TEST(quoted_speech_scores_lower)
{
	static const char *const a[] = {
		"De politie in Arnhem heeft drie verdachten opgepakt na de overval op een juwelier.",
		"De politie in Arnhem heeft drie verdachten opgepakt na de overval op een juwelier.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, a);
	/* The quotes field: the second sentence is all quotation. */
	float share[2] = { 0.0f, 1.0f };
	struct summary_doc d = { f.text, strlen(f.text), f.span, f.n, NULL, NULL };
	struct summary_limits l = { 1, 0, 0 };
	summarizer_run(sz, &d, SUMMARY_RANK, &l, &p);
	double same = summarizer_score(sz, 1) - summarizer_score(sz, 0);
	d.quoted = share;
	summarizer_run(sz, &d, SUMMARY_RANK, &l, &p);
	ck_assert(summarizer_score(sz, 1) - summarizer_score(sz, 0) < same - 0.3);
	/* Without the field, quotation marks stand in. */
	static const char *const b[] = {
		"De politie in Arnhem heeft drie verdachten opgepakt na de overval op een juwelier.",
		",,De politie in Arnhem heeft drie verdachten opgepakt na de overval op een juwelier.''",
		NULL
	};
	make(&f, b);
	run(&f, SUMMARY_RANK, 1, 0, 0, &p);
	ck_assert(summarizer_score(sz, 1) - summarizer_score(sz, 0) < same - 0.3);
}
END_TEST

START_TEST(repeated_sentence_is_not_picked_twice)
{
	static const char *const a[] = {
		"Het water in de Maas stijgt snel door de hevige regen in de Ardennen.",
		"Het water in de Maas stijgt snel door de hevige regen in de Ardennen.",
		"Bewoners van Venlo zetten zandzakken voor hun deuren.",
		"Rijkswaterstaat houdt de dijken bij Roermond in de gaten.",
		NULL
	};
	struct fixture f;
	const size_t *p;
	make(&f, a);
	size_t k = run(&f, SUMMARY_RANK, 2, 0, 0, &p);
	ck_assert_uint_eq(k, 2);
	ck_assert(!(has(p, k, 0) && has(p, k, 1)));
	k = run(&f, SUMMARY_LEAD, 2, 0, 0, &p);
	ck_assert(!(has(p, k, 0) && has(p, k, 1)));
}
END_TEST
START_TEST(length_limits)
{
	struct fixture f;
	const size_t *p;
	make(&f, news);
	/* Default: a third of 8 sentences is 2. */
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 0, 0, 0, &p), 2);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 4, 0, 0, &p), 4);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 0, 0.5, 0, &p), 4);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 0, 0.01, 0, &p), 1);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 100, 0, 0, &p), 8);
	/* Words: the best sentences that fit, 25 words in all at most. */
	size_t k = run(&f, SUMMARY_RANK, 0, 0, 25, &p);
	ck_assert_uint_ge(k, 1);
	size_t words = 0;
	for (size_t i = 0; i < k; i++) {
		size_t pos = f.span[p[i]].start, s, e;
		while (summary_word_next(f.text, f.span[p[i]].end, &pos, &s, &e))
			words++;
	}
	ck_assert_uint_le(words, 25);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 0, 0, 1, &p), 0);   /* nothing fits */
	ck_assert_uint_eq(run(&f, SUMMARY_LEAD, 0, 0, 20, &p), 1);
	ck_assert_uint_eq(p[0], 1);
	/* Default on a long document: 3. */
	static const char *const one[] = { "Het regent in Utrecht en Amersfoort.", NULL };
	make(&f, one);
	ck_assert_uint_eq(run(&f, SUMMARY_RANK, 0, 0, 0, &p), 1);
}
END_TEST

START_TEST(empty_document)
{
	struct summary_doc d = { "", 0, NULL, 0, NULL, NULL };
	const size_t *p;
	ck_assert_uint_eq(summarizer_run(sz, &d, SUMMARY_RANK, NULL, &p), 0);
}
END_TEST

START_TEST(large_document_default_three)
{
	/* 20,000 sentences: the default still gives 3, --ratio 0.25 gives 5,000
	 * (that the time is linear is measured in make bench, at 1 and 10 MB). */
	size_t n = 20000, at = 0;
	char *text = malloc(n * 80);
	struct sentence_span *sp = malloc(n * sizeof *sp);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < n; i++) {
		int l = sprintf(text + at, "Stad %zu kreeg op dag %zu een nieuwe burgemeester uit Breda. ",
		                i % 97, i % 31);
		sp[i].start = at;
		sp[i].end = at + (size_t)l - 1;
		at += (size_t)l;
	}
	struct summary_doc d = { text, at, sp, n, NULL, NULL };
	const size_t *p;
	ck_assert_uint_eq(summarizer_run(sz, &d, SUMMARY_RANK, NULL, &p), 3);
	struct summary_limits l = { 0, 0.25, 0 };
	ck_assert_uint_eq(summarizer_run(sz, &d, SUMMARY_RANK, &l, &p), 5000);
	free(text);
	free(sp);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, words_split_on_punctuation_and_quotes);
	tcase_add_test(tc, kinds_of_lines);
	tcase_add_test(tc, never_picks_captions_or_headings_while_sentences_remain);
	tcase_add_test(tc, indices_ascending_and_lead_sentence_first);
	tcase_add_test(tc, sentences_that_point_back);
	tcase_add_test(tc, back_pointer_only_with_its_antecedent);
	tcase_add_test(tc, article_type_from_the_opening);
	tcase_add_test(tc, feature_need_not_start_at_its_opening);
	tcase_add_test(tc, short_news_report_gets_its_lead);
	tcase_add_test(tc, quoted_speech_scores_lower);
	tcase_add_test(tc, repeated_sentence_is_not_picked_twice);
	tcase_add_test(tc, length_limits);
	tcase_add_test(tc, empty_document);
	tcase_add_test(tc, large_document_default_three);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
