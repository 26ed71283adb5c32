/* test_tag_entities.c — the tagger's parts: features, BIO decoding, the
 * model file, CoNLL reading, training on a tiny corpus, and whole texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "../../filters/tag-entities/entities.h"
#include "../../filters/tag-entities/ner.h"
#include "filter.h"

#define FIXTURE "tests/fixtures/ner-tiny.iob"

/* Words of the space-separated sentence S, kept in one of a few static
 * buffers (so the words of several sentences can be alive at once). */
static size_t words_of(const char *s, struct ner_word *w)
{
	static char bufs[4][256];
	static int next;
	char *buf = bufs[next++ % 4];
	strcpy(buf, s);
	size_t n = 0;
	for (char *p = strtok(buf, " "); p; p = strtok(NULL, " "))
		w[n++] = (struct ner_word){ p, strlen(p) };
	return n;
}

static int has_feature(const uint32_t *f, uint32_t key)
{
	for (size_t k = 0; k < NER_MAX_FEATS && f[k]; k++)
		if (f[k] == key)
			return 1;
	return 0;
}

/* Number of features of token I in A that token J in B lacks. */
static int features_missing(const struct ner_scratch *a, size_t i, const struct ner_scratch *b, size_t j)
{
	int missing = 0;
	const uint32_t *fa = a->feats + i * NER_MAX_FEATS, *fb = b->feats + j * NER_MAX_FEATS;
	for (size_t k = 0; k < NER_MAX_FEATS && fa[k]; k++)
		missing += !has_feature(fb, fa[k]);
	return missing;
}

START_TEST(features_depend_on_word_context_and_position)
{
	struct ner_word w1[16], w2[16];
	size_t n1 = words_of("Rutte sprak met Biden .", w1);
	size_t n2 = words_of("Daarna sprak Rutte met Biden .", w2);
	struct ner_scratch a = {0}, b = {0}, c = {0};
	ck_assert_int_eq(ner_features(&a, NULL, NULL, w1, n1), 0);
	ck_assert_int_eq(ner_features(&b, NULL, NULL, w2, n2), 0);
	ck_assert_int_eq(ner_features(&c, NULL, NULL, w1, n1), 0);
	/* deterministic */
	ck_assert_int_eq(memcmp(a.feats, c.feats, n1 * NER_MAX_FEATS * sizeof *a.feats), 0);
	/* "Biden" after "met" with a full stop after it: same neighbours, but
	 * the words two away differ */
	int d = features_missing(&a, 3, &b, 4);
	ck_assert_int_gt(d, 0);
	ck_assert_int_lt(d, 10);
	/* "Rutte" at the start differs from "Rutte" inside a sentence */
	ck_assert_int_gt(features_missing(&a, 0, &b, 2), 5);
	/* different words share few features */
	ck_assert_int_gt(features_missing(&a, 0, &a, 3), 10);
	ner_scratch_free(&a);
	ner_scratch_free(&b);
	ner_scratch_free(&c);
}
END_TEST

START_TEST(gazetteer_and_document_features)
{
	struct ner_word w[16];
	size_t n = words_of("Zij woont in Nieuw Amsterdam sinds maart .", w);
	struct ner_gazetteer *g = ner_gazetteer_new();
	const char *list = "# plaatsen\nNieuw Amsterdam\n\nZwolle\n";
	struct ner_file_error err;
	ck_assert_int_eq(ner_gazetteer_add_list(g, list, strlen(list), 1, &err), 2);
	struct ner_scratch plain = {0}, gaz = {0};
	ck_assert_int_eq(ner_features(&plain, NULL, NULL, w, n), 0);
	ck_assert_int_eq(ner_features(&gaz, g, NULL, w, n), 0);
	ck_assert_int_gt(features_missing(&gaz, 3, &plain, 3), 0);   /* Nieuw */
	ck_assert_int_gt(features_missing(&gaz, 4, &plain, 4), 0);   /* Amsterdam */
	ck_assert_int_eq(features_missing(&gaz, 5, &plain, 5), 0);   /* sinds */
	ck_assert_int_eq(features_missing(&gaz, 0, &plain, 0), 0);   /* Zij */

	/* a document that tagged "Roer" as PER before gives it new features */
	struct ner_doc *doc = ner_doc_new();
	struct ner_word first[16], later[16];
	size_t n1 = words_of("Analist Robert van de Roer is kritisch .", first);
	size_t n2 = words_of("Van de Roer verwacht weinig .", later);
	uint8_t labels[16] = { 0, 1, 2, 2, 2, 0, 0, 0 };
	struct ner_scratch before = {0}, after = {0};
	ck_assert_int_eq(ner_features(&before, NULL, doc, later, n2), 0);
	ck_assert_int_eq(ner_doc_learn(doc, first, n1, labels), 0);
	ck_assert_int_eq(ner_features(&after, NULL, doc, later, n2), 0);
	ck_assert_int_gt(features_missing(&after, 0, &before, 0), 0);  /* Van */
	ck_assert_int_gt(features_missing(&after, 2, &before, 2), 0);  /* Roer */
	ck_assert_int_eq(features_missing(&after, 3, &before, 3), 0);  /* verwacht */
	ner_doc_reset(doc);
	ner_scratch_free(&after);
	ck_assert_int_eq(ner_features(&after, NULL, doc, later, n2), 0);
	ck_assert_int_eq(features_missing(&after, 2, &before, 2), 0);
	ner_doc_free(doc);
	ner_gazetteer_free(g);
	ner_scratch_free(&plain);
	ner_scratch_free(&gaz);
	ner_scratch_free(&before);
	ner_scratch_free(&after);
}
END_TEST

static const char hand_model[] =
	"# a model written by hand\n"
	"zeef-ner-model 1\n"
	"labels O B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC\n"
	"quantum 0.5\n"
	"transitions\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n"
	"features 3\n"
	"1111 1:400\n"
	"2222 4:200 2:100\n"
	"3333 2:200\n";

static void set_feats(struct ner_scratch *s, const uint32_t *keys, size_t n)
{
	s->feats = calloc(n * NER_MAX_FEATS, sizeof *s->feats);
	s->feats_cap = n;
	for (size_t i = 0; i < n; i++)
		s->feats[i * NER_MAX_FEATS] = keys[i];
}

START_TEST(decoding_respects_bio)
{
	struct ner_file_error err;
	struct ner_model *m = ner_model_parse(hand_model, strlen(hand_model), &err);
	ck_assert_msg(m != NULL, "%ld: %s", err.line, err.message);
	ck_assert_uint_eq(ner_model_features(m), 3);
	uint8_t l[4];
	struct ner_scratch s = {0};
	/* B-PER then a token preferring I-LOC: I-LOC may not follow B-PER,
	 * and B-LOC I-LOC scores less than B-PER I-PER */
	set_feats(&s, (const uint32_t[]){ 0x1111, 0x2222 }, 2);
	ck_assert_int_eq(ner_decode(m, &s, 2, l), 0);
	ck_assert_int_eq(l[0], ner_label_parse("B-PER", 5));
	ck_assert_int_eq(l[1], ner_label_parse("I-PER", 5));
	ner_scratch_free(&s);
	/* a sentence never starts inside an entity */
	set_feats(&s, (const uint32_t[]){ 0x3333 }, 1);
	ck_assert_int_eq(ner_decode(m, &s, 1, l), 0);
	ck_assert_int_ne(l[0], ner_label_parse("I-PER", 5));
	ner_scratch_free(&s);
	/* unknown features: all O */
	set_feats(&s, (const uint32_t[]){ 0x4444, 0x5555, 0x6666 }, 3);
	ck_assert_int_eq(ner_decode(m, &s, 3, l), 0);
	ck_assert(l[0] == 0 && l[1] == 0 && l[2] == 0);
	ner_scratch_free(&s);
	ner_model_free(m);
}
END_TEST

static char *model_text(const struct ner_weights *w, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(ner_weights_write(w, f, "test\nmodel", 1), 0);
	fclose(f);
	return buf;
}

START_TEST(model_file_round_trip)
{
	struct ner_file_error err;
	struct ner_model *m = ner_model_parse(hand_model, strlen(hand_model), &err);
	ck_assert_ptr_nonnull(m);
	uint8_t l[2];
	struct ner_scratch s = {0};
	set_feats(&s, (const uint32_t[]){ 0x1111, 0x2222 }, 2);
	ck_assert_int_eq(ner_decode(m, &s, 2, l), 0);
	ck_assert_int_eq(l[1], ner_label_parse("I-PER", 5));
	ner_scratch_free(&s);
	/* damaged files are refused with a reason */
	ck_assert_ptr_null(ner_model_parse("hello\n", 6, &err));
	ck_assert_ptr_nonnull(strstr(err.message, "not a tag-entities model"));
	ner_model_free(m);
}
END_TEST

START_TEST(corpus_reading)
{
	char err[256];
	struct ner_corpus c = {0};
	ck_assert_int_eq(ner_corpus_load(&c, FIXTURE, err, sizeof err), 0);
	ck_assert_uint_eq(c.ndoc, 3);
	ck_assert_uint_eq(c.nsent, 14);
	ck_assert_str_eq(c.word[1].s, "Karin");
	ck_assert_int_eq(c.label[1], ner_label_parse("B-PER", 5));
	ck_assert_int_eq(c.label[3], ner_label_parse("I-PER", 5));
	ner_corpus_free(&c);

	FILE *f = fopen("test-iob1.tmp", "w");
	fputs("Jan I-PER\nKok I-PER\nen O\nPiet I-PER\n\nfout X-PER\n", f);
	fclose(f);
	ck_assert_int_eq(ner_corpus_load(&c, "test-iob1.tmp", err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "test-iob1.tmp:6: unknown tag 'X-PER'"));
	ner_corpus_free(&c);
	f = fopen("test-iob1.tmp", "w");
	fputs("Jan I-PER\nKok I-PER\nen O\nPiet I-PER\n", f);
	fclose(f);
	ck_assert_int_eq(ner_corpus_load(&c, "test-iob1.tmp", err, sizeof err), 0);
	remove("test-iob1.tmp");
	/* IOB1 becomes IOB2: an I- that starts an entity is a B- */
	ck_assert_int_eq(c.label[0], ner_label_parse("B-PER", 5));
	ck_assert_int_eq(c.label[1], ner_label_parse("I-PER", 5));
	ck_assert_int_eq(c.label[3], ner_label_parse("B-PER", 5));
	ner_corpus_free(&c);
	ck_assert_int_eq(ner_corpus_load(&c, "no/such/file.iob", err, sizeof err), -1);
	ner_corpus_free(&c);
}
END_TEST

START_TEST(entity_counts_follow_conlleval)
{
	/* gold: [Jan Kok]PER woont in [Gent]LOC ; pred: [Jan]PER [Kok]PER ... [Gent]LOC */
	const uint8_t gold[] = { 1, 2, 0, 0, 3 }, pred[] = { 1, 1, 0, 0, 3 };
	struct ner_counts k = {0};
	ner_count_sentence(&k, gold, pred, 5);
	ck_assert_int_eq(k.gold[NER_NTYPES], 2);
	ck_assert_int_eq(k.pred[NER_NTYPES], 3);
	ck_assert_int_eq(k.correct[NER_NTYPES], 1);
	ck_assert_int_eq(k.correct[1], 1);
	ck_assert(ner_f1(&k, NER_NTYPES) > 0.39 && ner_f1(&k, NER_NTYPES) < 0.41);
}
END_TEST

START_TEST(training_round_trip)
{
	char err[256];
	struct ner_corpus c = {0};
	ck_assert_int_eq(ner_corpus_load(&c, FIXTURE, err, sizeof err), 0);
	struct ner_train_options o = { .epochs = 8, .seed = 7, .log = NULL };
	struct ner_weights *w = ner_train(&c, NULL, NULL, &o);
	ck_assert_ptr_nonnull(w);
	struct ner_file_error ferr;
	struct ner_model *m = ner_weights_model(w, 1, &ferr);
	ck_assert_ptr_nonnull(m);
	struct ner_gazetteer *g = ner_gazetteer_new();
	ck_assert_int_eq(ner_model_names(m, g), 21);   /* distinct names in the fixture */
	struct ner_counts k = {0};
	struct ner_tagger t = { .model = m, .gaz = g };
	ck_assert_int_eq(ner_evaluate(&t, &c, &k, NULL), 0);
	ck_assert_msg(ner_f1(&k, NER_NTYPES) > 0.99, "training F1 %.3f", ner_f1(&k, NER_NTYPES));

	/* the written model, read back, tags as the float weights in memory:
	 * quantized to integers, rows stored minus their O weight */
	size_t len;
	char *text = model_text(w, &len);
	const char *head = "# test\n# model\n# format: zeef-ner-model 2";
	ck_assert(strncmp(text, head, strlen(head)) == 0);
	struct ner_model *back = ner_model_parse(text, len, &ferr);
	ck_assert_msg(back != NULL, "%ld: %s", ferr.line, ferr.message);
	ck_assert_uint_eq(ner_model_features(back), ner_model_features(m));
	uint8_t *p1 = malloc(c.n), *p2 = malloc(c.n);
	struct ner_tagger tw = { .weights = w, .gaz = g }, tb = { .model = back, .gaz = g };
	ck_assert_int_eq(ner_evaluate(&tw, &c, NULL, p1), 0);
	ck_assert_int_eq(ner_evaluate(&tb, &c, NULL, p2), 0);
	ck_assert_int_eq(memcmp(p1, p2, c.n), 0);

	/* same data and seed: the same model, byte for byte */
	struct ner_weights *again = ner_train(&c, NULL, NULL, &o);
	size_t len2;
	char *text2 = model_text(again, &len2);
	ck_assert_str_eq(text, text2);

	/* it generalises a little: a new sentence in the same style */
	t.doc = ner_doc_new();
	struct ner_word words[16];
	size_t n = words_of("Trainer Anna Visser zei dat Feyenoord in Brussel won .", words);
	uint8_t l[16];
	ck_assert_int_eq(ner_tag_sentence(&t, words, n, l), 0);
	ck_assert_int_eq(l[0], 0);
	ck_assert_int_eq(l[1], ner_label_parse("B-PER", 5));
	ck_assert_int_eq(l[2], ner_label_parse("I-PER", 5));
	ck_assert_int_eq(l[5], ner_label_parse("B-ORG", 5));
	ck_assert_int_eq(l[6], 0);
	ck_assert_int_eq(l[7], ner_label_parse("B-LOC", 5));
	ner_doc_free(t.doc);
	ner_scratch_free(&t.scratch);
	ner_scratch_free(&tw.scratch);
	ner_scratch_free(&tb.scratch);
	ner_gazetteer_free(g);
	free(p1);
	free(p2);
	free(text);
	free(text2);
	ner_model_free(m);
	ner_model_free(back);
	ner_weights_free(w);
	ner_weights_free(again);
	ner_corpus_free(&c);
}
END_TEST

START_TEST(texts_with_the_builtin_model)
{
	struct entities_tagger t;
	ck_assert_int_eq(entities_open(&t, NULL, "test"), EXIT_OK);
	const char *text = "De NAVO-chef sprak in Brussel.\n\nDaarna vertrok hij.";
	struct sentence_span sp[2] = { { 0, 30 }, { 32, 51 } };
	/* by default a compound holding a name is one MISC, as in CoNLL-2002 */
	ck_assert_int_eq(entities_tag(&t, text, strlen(text), sp, 2), 0);
	ck_assert_uint_eq(t.n_ent, 2);
	ck_assert_uint_eq(t.ent[0].start, 3);
	ck_assert_uint_eq(t.ent[0].end, 12);
	ck_assert_str_eq(ner_type_names[t.ent[0].type], "MISC");
	t.split_compounds = 1;
	ck_assert_int_eq(entities_tag(&t, text, strlen(text), sp, 2), 0);
	ck_assert_uint_eq(t.n_ent, 2);
	/* the name inside the compound, as bytes */
	ck_assert_uint_eq(t.ent[0].start, 3);
	ck_assert_uint_eq(t.ent[0].end, 7);
	ck_assert_str_eq(ner_type_names[t.ent[0].type], "ORG");
	ck_assert_uint_eq(t.ent[1].start, 22);
	ck_assert_uint_eq(t.ent[1].end, 29);
	ck_assert_str_eq(ner_type_names[t.ent[1].type], "LOC");
	ck_assert_uint_eq(t.ent[1].sentence, 0);
	/* a "sentence" far longer than one tagging run: names all the way */
	size_t reps = 3 * ENTITIES_MAX_RUN / 5 + 7, one = strlen("in Gent en ");
	char *big = malloc(reps * one + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * one, "in Gent en ", one);
	big[reps * one] = 0;
	struct sentence_span whole = { 0, reps * one - 1 };
	ck_assert_int_eq(entities_tag(&t, big, reps * one - 1, &whole, 1), 0);
	ck_assert_uint_ge(t.n_ent, reps - 2);
	ck_assert_uint_eq(t.ent[t.n_ent - 1].start, (reps - 1) * one + 3);
	free(big);
	/* reused for the next text: nothing left over */
	ck_assert_int_eq(entities_tag(&t, "", 0, sp, 0), 0);
	ck_assert_uint_eq(t.n_ent, 0);
	entities_close(&t);
	ck_assert_int_eq(entities_open(&t, "no/such/model", "test"), EXIT_NOINPUT);
}
END_TEST


/* A valid model of format 2, and damaged copies of it. */
static const char good_model[] =
	"# comment\n"
	"zeef-ner-model 2\n"
	"labels O B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC\n"
	"quantum 0.5\n"
	"transitions\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0\n"
	"0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 1\n"
	"features 2\n"
	"1111 1:400\n"
	"2222 0:-3 4:200\n"
	"names 1\n"
	"0\tJan Kok\n"
	"end\n";

/* GOOD_MODEL with its first FROM replaced by TO (malloc'ed). */
static char *damaged(const char *from, const char *to, size_t *len)
{
	const char *at = strstr(good_model, from);
	ck_assert_ptr_nonnull(at);
	size_t a = (size_t)(at - good_model), f = strlen(from), t = strlen(to);
	*len = strlen(good_model) - f + t;
	char *s = malloc(*len + 1);
	memcpy(s, good_model, a);
	memcpy(s + a, to, t);
	strcpy(s + a + t, at + f);
	return s;
}

START_TEST(model_files_are_validated)
{
	struct ner_file_error err;
	struct ner_model *m = ner_model_parse(good_model, strlen(good_model), &err);
	ck_assert_msg(m != NULL, "%ld: %s", err.line, err.message);
	ck_assert_uint_eq(ner_model_features(m), 2);
	struct ner_gazetteer *g = ner_gazetteer_new();
	ck_assert_int_eq(ner_model_names(m, g), 1);
	ner_gazetteer_free(g);
	ner_model_free(m);
	static const struct {
		const char *from, *to;
		long line;
		const char *why;
	} cases[] = {
		{ "features 2", "features 1", 18, "more feature lines than the 1 declared" },
		{ "features 2", "features 3", 19, "expected a feature line" },
		{ "features 2", "features 99999999999999", 16, "declares more lines than the file has" },
		{ "features 2", "features -1", 16, "expected 'features COUNT'" },
		{ "quantum 0.5", "quantum nan", 4, "finite number above 0" },
		{ "quantum 0.5", "quantum inf", 4, "finite number above 0" },
		{ "quantum 0.5", "quantum -1", 4, "finite number above 0" },
		{ "quantum 0.5", "quantum 0.5x", 4, "finite number above 0" },
		{ "1111 1:400", "1111 1:400 1:3", 17, "label 1 appears twice" },
		{ "1111 1:400", "1111 1:16384", 17, "WEIGHT from -16383 to 16383" },
		{ "1111 1:400", "1111 9:4", 17, "LABEL 0 to 8" },
		{ "1111 1:400", "1111 1:", 17, "LABEL:WEIGHT" },
		{ "1111 1:400", "1111 1:4x", 17, "LABEL:WEIGHT" },
		{ "2222 0:-3", "1111 0:-3", 18, "feature 1111 appears twice" },
		{ "1111 1:400", "0 1:400", 17, "not 0" },
		{ "1111 1:400", "123456789 1:400", 17, "1 to 8 hex digits" },
		{ "0 0 0 0 0 0 0 0 1\n", "0 0 0 0 0 0 0 0 1 2\n", 15, "more than 9 numbers" },
		{ "0 0 0 0 0 0 0 0 1\n", "0 0 0 0 0 0 0 0\n", 15, "expected 9 integers" },
		{ "0 0 0 0 0 0 0 0 1\n", "0 0 0 0 0 0 0 0 20000\n", 15, "expected 9 integers" },
		{ "names 1", "names 2", 21, "expected a name line" },
		{ "names 1\n0\tJan Kok\n", "names 1\n0\tJan Kok\n1\tGent\n", 21,
		  "more name lines than the 1 declared" },
		{ "0\tJan Kok", "7\tJan Kok", 20, "TYPE 0 to 3" },
		{ "0\tJan Kok", "0\tA B C D E F G", 20, "more than 6 words" },
		{ "0\tJan Kok", "0\tJan  Kok", 20, "an empty word" },
		{ "0\tJan Kok", "0\tJan\x01Kok", 20, "control character" },
		{ "end\n", "", 20, "without its 'end' line" },
		{ "end\n", "end\nmeer\n", 22, "text after the 'end' line" },
		{ "zeef-ner-model 2", "zeef-ner-model 3", 2, "not one this program reads" },
		{ "zeef-ner-model 2", "zeef-ner-mode1 2", 2, "not a tag-entities model" },
		{ "labels O B-PER", "labels O B-PERSON", 3, "labels differ" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		size_t len;
		char *text = damaged(cases[c].from, cases[c].to, &len);
		m = ner_model_parse(text, len, &err);
		ck_assert_msg(m == NULL, "case %zu (%s) was accepted", c, cases[c].to);
		ck_assert_msg(err.line == cases[c].line && strstr(err.message, cases[c].why),
		              "case %zu: line %ld: %s", c, err.line, err.message);
		free(text);
	}
	/* a NUL byte, named with its line */
	char nul[sizeof good_model];
	memcpy(nul, good_model, sizeof nul);
	nul[strstr(good_model, "2222") - good_model] = 0;
	ck_assert_ptr_null(ner_model_parse(nul, sizeof nul - 1, &err));
	ck_assert_int_eq(err.line, 18);
	/* format 1: no 'end' line, no names needed */
	size_t len;
	char *v1 = damaged("zeef-ner-model 2", "zeef-ner-model 1", &len);
	len -= 4;
	v1[len] = 0;
	m = ner_model_parse(v1, len, &err);
	ck_assert_msg(m != NULL, "%ld: %s", err.line, err.message);
	ner_model_free(m);
	free(v1);
	/* word lists are checked too */
	g = ner_gazetteer_new();
	const char *list = "# plaatsen\nGent\nBr\xfcgge\n";
	ck_assert_int_eq(ner_gazetteer_add_list(g, list, strlen(list), 1, &err), -2);
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.message, "not valid UTF-8");
	const char *particles = "van\nvan der\n";
	ck_assert_int_eq(ner_gazetteer_add_list(g, particles, strlen(particles), NER_PARTICLES, &err), -2);
	ck_assert_int_eq(err.line, 2);
	ner_gazetteer_free(g);
}
END_TEST

/* The tagger's cache of word types gives the label scores that the plain
 * path (every feature looked up) gives, sentence after sentence of one
 * document, and whatever it held before. */
START_TEST(cached_scores_equal_plain_scores)
{
	struct entities_tagger e;
	ck_assert_int_eq(entities_open(&e, NULL, "test"), EXIT_OK);
	static const char *const doc[] = {
		"Premier Mark Rutte sprak dinsdag in Brussel met de NAVO-top .",
		"Rutte zei dat Nederland , België en Duitsland het eens waren .",
		"\" Het was een goede dag \" , aldus de minister van Buitenlandse Zaken .",
		"Analist Robert van de Roer van ING verwacht weinig van de EU .",
		"Van de Roer noemde 2024 een overgangsjaar voor Philips en ASML .",
		"de Tweede Kamer debatteert donderdag over het plan van Rutte .",
	};
	size_t ns = sizeof doc / sizeof doc[0];
	struct ner_word w[ns][32];
	size_t n[ns];
	static char buf[sizeof doc / sizeof doc[0]][256];
	for (size_t s = 0; s < ns; s++) {
		strcpy(buf[s], doc[s]);
		n[s] = 0;
		for (char *p = strtok(buf[s], " "); p; p = strtok(NULL, " "))
			w[s][n[s]++] = (struct ner_word){ p, strlen(p) };
	}
	struct ner_tagger fast = { .model = e.model, .gaz = e.gaz, .doc = ner_doc_new() };
	struct ner_doc *plain_doc = ner_doc_new();
	struct ner_scratch plain = {0};
	for (int round = 0; round < 2; round++) {   /* the second with a warm cache */
		ner_doc_reset(fast.doc);
		ner_doc_reset(plain_doc);
		for (size_t s = 0; s < ns; s++) {
			ck_assert_int_eq(ner_tagger_scan(&fast, w[s], n[s]), 0);
			ck_assert_int_eq(ner_doc_scan(plain_doc, w[s], n[s]), 0);
		}
		for (size_t s = 0; s < ns; s++) {
			ck_assert_int_eq(ner_features(&plain, e.gaz, plain_doc, w[s], n[s]), 0);
			ck_assert_int_eq(ner_label_scores(e.model, &plain, n[s]), 0);
			ck_assert_int_eq(ner_tagger_scores(&fast, w[s], n[s]), 0);
			for (size_t i = 0; i < n[s]; i++)
				for (int l = 0; l < NER_NLABELS; l++)
					ck_assert_msg(plain.emit[i * NER_VLABELS + l] == fast.scratch.emit[i * NER_VLABELS + l],
					              "round %d, sentence %zu, token %zu (%.*s), label %d: %g != %g",
					              round, s, i, (int)w[s][i].len, w[s][i].s, l,
					              (double)plain.emit[i * NER_VLABELS + l],
					              (double)fast.scratch.emit[i * NER_VLABELS + l]);
			uint8_t labels[32];
			ck_assert_int_eq(ner_decode(e.model, &plain, n[s], labels), 0);
			ck_assert_int_eq(ner_doc_learn(plain_doc, w[s], n[s], labels), 0);
			ck_assert_int_eq(ner_doc_learn(fast.doc, w[s], n[s], labels), 0);
		}
	}
	ner_doc_free(fast.doc);
	ner_doc_free(plain_doc);
	ner_scratch_free(&fast.scratch);
	ner_scratch_free(&plain);
	entities_close(&e);
}
END_TEST

/* A text is tagged the same after 20 000 other words went through the
 * cache (so that it was emptied and filled again). */
START_TEST(tags_do_not_depend_on_earlier_texts)
{
	const char *text = "Minister Kaag sprak in Den Haag met Jan de Vries van Shell.";
	struct sentence_span sp = { 0, strlen(text) };
	struct entities_tagger a, b;
	ck_assert_int_eq(entities_open(&a, NULL, "test"), EXIT_OK);
	ck_assert_int_eq(entities_open(&b, NULL, "test"), EXIT_OK);
	ck_assert_int_eq(entities_tag(&a, text, strlen(text), &sp, 1), 0);
	size_t len = 20000 * 32;
	char *noise = malloc(len + 1), *p = noise;
	for (int i = 0; i < 20000; i++)
		p += sprintf(p, "Naam%05d zag woord%05d ", i, i);
	struct sentence_span nsp = { 0, (size_t)(p - noise) };
	ck_assert_int_eq(entities_tag(&b, noise, (size_t)(p - noise), &nsp, 1), 0);
	ck_assert_int_eq(entities_tag(&b, text, strlen(text), &sp, 1), 0);
	ck_assert_uint_eq(a.n_ent, b.n_ent);
	ck_assert_uint_ge(a.n_ent, 3);
	for (size_t i = 0; i < a.n_ent; i++)
		ck_assert(a.ent[i].start == b.ent[i].start && a.ent[i].end == b.ent[i].end &&
		          a.ent[i].type == b.ent[i].type && a.ent[i].sentence == b.ent[i].sentence);
	free(noise);
	entities_close(&a);
	entities_close(&b);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("tag-entities");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, features_depend_on_word_context_and_position);
	tcase_add_test(tc, gazetteer_and_document_features);
	tcase_add_test(tc, decoding_respects_bio);
	tcase_add_test(tc, model_file_round_trip);
	tcase_add_test(tc, model_files_are_validated);
	tcase_add_test(tc, cached_scores_equal_plain_scores);
	tcase_add_test(tc, tags_do_not_depend_on_earlier_texts);
	tcase_add_test(tc, corpus_reading);
	tcase_add_test(tc, entity_counts_follow_conlleval);
	tcase_add_test(tc, training_round_trip);
	tcase_add_test(tc, texts_with_the_builtin_model);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
