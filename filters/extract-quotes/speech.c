/* speech.c — is a fragment in quotation marks someone's words, or a term, a
 * title, a word held at a distance? The rules of cues.c find a reporting
 * verb and its speaker in the sentence; a long reporting-verb list finds one
 * in many sentences whose marks quote no one ("België vroeg om problemen
 * toen het koos voor een 'constitutionele monarchie'"). A linear classifier
 * (the same averaged perceptron, the same model file as the speaker ranker)
 * weighs what tells the two apart: how the verb governs the fragment (right
 * after it, after "dat", "als X bestempelen", "van X spreken", far away),
 * the verb itself, the fragment's length and shape, the word before it (an
 * article makes a noun phrase of it) and after it (a noun after it makes it
 * an adjective), the speaker.
 *
 * Features are numbered after the speaker ranker's (features.c), named
 * "speech TEMPLATE VALUE" in the model file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attrib.h"
#include "wordclass.h"

enum template {
	S_BIAS, S_CUE, S_GAP, S_DAT, S_WORDS, S_WORDS_CUE, S_FIRST, S_END, S_BEFORE, S_AFTER,
	S_SUBJECT, S_OPINION, S_VERB, S_SEPARABLE, S_DISTANCE_CUE, S_CLAUSE, S_ROLE, S_ROLE_WORDS, NTEMPLATES
};
/* The fragment's place in the reporting clause, a class of its own beside
 * the verb's form: what it is to the verb. */
enum role {
	ROLE_OBJECT,     /* right after the verb: "zei 'geschokt'" */
	ROLE_PREP,       /* after a preposition: "spreekt van '…'", "vroeg om '…'" */
	ROLE_ALS,        /* after "als": "omschreef het als '…'" */
	ROLE_PREDICATE,  /* what a naming verb calls its object: "noemde het plan '…'" */
	ROLE_CLAUSE,     /* in the clause after "dat" */
	ROLE_OTHER,      /* further on in the verb's clause */
	ROLE_AFTER,      /* the verb after it */
	NROLES
};
enum { VERB_BUCKETS = 512 };
static const struct { const char *name; unsigned n; } templates[NTEMPLATES] = {
	[S_BIAS] = { "bias", 1 },
	[S_CUE] = { "cue", 6 },          /* after, before (verb), before (phrase), colon, end, none */
	[S_GAP] = { "gap", 6 },          /* tokens between cue and quotation: 0, 1, 2, 3-5, 6-10, 11+ */
	[S_DAT] = { "dat", 3 },          /* a complementizer between: no, yes, n/a */
	[S_WORDS] = { "words", 6 },      /* words quoted: 1, 2, 3, 4-6, 7-12, 13+ */
	[S_WORDS_CUE] = { "wordscue", 36 },  /* words x cue */
	[S_FIRST] = { "first", 3 },      /* its first letter: lower, upper, other */
	[S_END] = { "end", 3 },          /* ends in . ! ? or …, in another mark, in a letter */
	[S_BEFORE] = { "before", 7 },    /* the word before: article, "als", "van", other
	                                    word, comma or colon, other mark, nothing */
	[S_AFTER] = { "after", 5 },      /* after: a lower-case word, a capitalised word, a
	                                    comma, . ! ?, other */
	[S_SUBJECT] = { "subject", 5 },  /* at the cue: name, description, pronoun, body, none */
	[S_OPINION] = { "opinion", 2 },  /* an opinion verb */
	[S_VERB] = { "verb", VERB_BUCKETS }, /* the verb's form, hashed */
	[S_SEPARABLE] = { "separable", 2 },
	[S_DISTANCE_CUE] = { "gapcue", 36 }, /* gap x cue */
	[S_CLAUSE] = { "clause", 3 },    /* a comma between cue and quotation: no, yes, n/a */
	[S_ROLE] = { "role", NROLES },   /* enum role */
	[S_ROLE_WORDS] = { "rolewords", NROLES * 6 },  /* role x words */
};

static size_t offset[NTEMPLATES], total;

static void init(void)
{
	if (total)
		return;
	for (int t = 0; t < NTEMPLATES; t++) {
		offset[t] = total;
		total += templates[t].n;
	}
}

size_t speech_features_count(void)
{
	init();
	return total;
}

void speech_feature_name(size_t i, char *buf, size_t cap)
{
	init();
	for (int t = NTEMPLATES - 1; t >= 0; t--)
		if (i >= offset[t]) {
			snprintf(buf, cap, "speech %s %zu", templates[t].name, i - offset[t]);
			return;
		}
	snprintf(buf, cap, "?");
}

long speech_feature_number(const char *name, size_t len)
{
	init();
	if (len < 8 || memcmp(name, "speech ", 7) != 0)
		return -1;
	const char *t = name + 7, *sp = memchr(t, ' ', (size_t)(name + len - t));
	if (!sp)
		return -1;
	char num[16];
	size_t nl = (size_t)(name + len - sp - 1);
	if (nl == 0 || nl >= sizeof num)
		return -1;
	memcpy(num, sp + 1, nl);
	num[nl] = 0;
	char *e;
	long v = strtol(num, &e, 10);
	for (int k = 0; k < NTEMPLATES; k++)
		if (strlen(templates[k].name) == (size_t)(sp - t) && !memcmp(templates[k].name, t, (size_t)(sp - t)))
			return *e || v < 0 || (unsigned long)v >= templates[k].n ? -1 : (long)(offset[k] + (size_t)v);
	return -1;
}

struct fv {
	uint32_t f[NTEMPLATES];
	size_t n;
	size_t base;   /* speech features' first number in the model */
};

static void add(struct fv *v, enum template t, size_t value)
{
	if (value >= templates[t].n)
		value = templates[t].n - 1;
	v->f[v->n++] = (uint32_t)(v->base + offset[t] + value);
}

size_t speech_features(const struct attributor *a, size_t qi, int cue_kind, size_t cue_first,
                       size_t cue_last, uint32_t *out)
{
	const struct doc *d = &a->d;
	const struct wquote *w = doc_quote(d, qi);
	size_t qt = (size_t)w->tok;
	init();
	struct fv v = { .n = 0, .base = features_speaker_count() };
	add(&v, S_BIAS, 0);
	add(&v, S_CUE, (size_t)cue_kind);
	int has_cue = cue_kind != SPEECH_CUE_NONE;
	size_t gap = 0, dat = 2, comma = 2;
	if (has_cue) {
		size_t lo = cue_last < qt ? cue_last + 1 : qt + 1, hi = cue_last < qt ? qt : cue_first;
		dat = comma = 0;
		for (size_t t = lo; t < hi && t < lo + 40; t++) {
			gap++;
			dat |= doc_is(d, t, LX_COMPLEMENTIZER);
			comma |= doc_punct(d, t, ',');
		}
	}
	static const long gaps[] = { 0, 1, 2, 5, 10 };
	size_t g = has_cue ? feature_bucket((long)gap, gaps, 5) : 5;
	add(&v, S_GAP, g);
	add(&v, S_DISTANCE_CUE, g * 6 + (size_t)cue_kind);
	add(&v, S_DAT, dat);
	add(&v, S_CLAUSE, comma);
	/* the quoted words */
	size_t words = 0;
	int in = 0;
	for (size_t i = w->span.start; i < w->span.end && words < 14; i++) {
		int space = d->text[i] == ' ' || d->text[i] == '\n' || d->text[i] == '\t';
		words += !space && !in;
		in = !space;
	}
	static const long ws[] = { 1, 2, 3, 6, 12 };
	size_t wb = feature_bucket((long)words, ws, 5);
	add(&v, S_WORDS, wb);
	add(&v, S_WORDS_CUE, wb * 6 + (size_t)cue_kind);
	unsigned char c0 = (unsigned char)d->text[w->span.start];
	add(&v, S_FIRST, wordclass_is_upper(d->text + w->span.start, w->span.end - w->span.start) ? 1
	                 : (c0 >= 'a' && c0 <= 'z') || c0 >= 0xC0 ? 0 : 2);
	char last = d->text[w->span.end - 1];
	add(&v, S_END, strchr(".!?", last) || (w->span.end - w->span.start >= 3 &&
	                                        !memcmp(d->text + w->span.end - 3, "\xE2\x80\xA6", 3)) ? 0
	               : (unsigned char)last < 0x80 && !((last | 0x20) >= 'a' && (last | 0x20) <= 'z') &&
	                 !(last >= '0' && last <= '9') ? 1 : 2);
	/* the words around it */
	size_t before = 6;
	if (qt > 0 && doc_has(d, qt - 1)) {
		const struct qtoken *p = doc_tok(d, qt - 1);
		if (p->flags & TK_WORD)
			before = doc_is(d, qt - 1, LX_DET) ? 0 : doc_is(d, qt - 1, LX_PREP) ? 2 : 3;
		else if (doc_punct(d, qt - 1, ',') || doc_punct(d, qt - 1, ':'))
			before = 4;
		else
			before = 5;
		if (doc_word_in(d, qt - 1, d->lx->naming))
			before = 1;   /* "als 'ludiek' bestempelen": a name for it */
	}
	add(&v, S_BEFORE, before);
	size_t after = 4;
	if (doc_has(d, qt + 1)) {
		const struct qtoken *n = doc_tok(d, qt + 1);
		if (n->flags & TK_WORD)
			after = (n->flags & TK_CAP) ? 1 : 0;
		else if (doc_punct(d, qt + 1, ','))
			after = 2;
		else if (doc_punct(d, qt + 1, '.') || doc_punct(d, qt + 1, '!') || doc_punct(d, qt + 1, '?'))
			after = 3;
	}
	add(&v, S_AFTER, after);
	size_t subj = 4;
	if (w->subject >= 0) {
		const struct mention *m = doc_men(d, (size_t)w->subject);
		subj = m->type == M_NAME ? 0 : m->type == M_PRONOUN ? 2 : m->body ? 3 : 1;
	}
	add(&v, S_SUBJECT, subj);
	int naming = has_cue && cue_kind != SPEECH_CUE_COLON && doc_word_in(d, cue_first, d->lx->naming_verbs) != 0;
	enum role role = cue_kind == SPEECH_CUE_AFTER || cue_kind == SPEECH_CUE_END ? ROLE_AFTER
	                 : gap == 0 ? ROLE_OBJECT
	                 : dat == 1 ? ROLE_CLAUSE
	                 : before == 1 ? ROLE_ALS
	                 : before == 2 ? ROLE_PREP
	                 : naming && comma == 0 && gap <= 6 ? ROLE_PREDICATE
	                 : ROLE_OTHER;
	if (has_cue) {
		add(&v, S_ROLE, role);
		add(&v, S_ROLE_WORDS, (size_t)role * 6 + wb);
	}
	if (has_cue && cue_kind != SPEECH_CUE_COLON) {
		const struct qtoken *k = doc_tok(d, cue_first);
		char low[64];
		size_t n = k->end - k->start;
		if (n < sizeof low) {
			wordclass_fold(d->text + k->start, n, low);
			add(&v, S_VERB, (size_t)(wordclass_hash(low, n) % VERB_BUCKETS));
		}
		add(&v, S_OPINION, doc_is(d, cue_first, LX_OPINION));
		add(&v, S_SEPARABLE, doc_is(d, cue_first, LX_CUE_SEP) && !doc_is(d, cue_first, LX_CUE));
	}
	memcpy(out, v.f, v.n * sizeof *out);
	return v.n;
}
