/* features.c — what speaks for each candidate speaker of a quotation: the
 * features of the speaker ranker, their names and numbers in the model
 * file. Who the candidates are, and what the text around the quotation
 * says of them (vocatives, narration, the people named lately), is
 * candidates.c's.
 *
 * A feature is a template (what is measured: "is the person at the cue",
 * "spoke the quotation before", "mentioned N sentences ago") with a small
 * value, counted twice: once on its own and once within the quotation's
 * context (how it is cued: after, before, colon, the sentence before, none;
 * and what stands at the cue: a name, a description, a pronoun, "ik").
 * Feature numbers are dense, so a model is an array of weights; a feature's
 * name is "TEMPLATE CONTEXT VALUE" ("prev1 none-none 3", "cue after-pron
 * 1", context "any" for the plain one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attrib.h"
#include "grow.h"
#include "wordclass.h"

enum { MAX_CAND = CANDIDATES_MAX };

enum cue_kind { CK_NONE, CK_AFTER, CK_BEFORE, CK_COLON, CK_PREV, NCK };
enum subj_kind { SK_NONE, SK_NAME, SK_DEFINITE, SK_INDEFINITE, SK_PRONOUN, SK_PLURAL, SK_FIRST,
                 SK_BODY, NSK };
static const char *const cue_names[NCK] = { "none", "after", "before", "colon", "prev" };
static const char *const subj_names[NSK] = { "none", "name", "def", "indef", "pron", "plural",
                                             "first", "body" };
enum { NCTX = NCK * NSK };

/* The templates, each with its number of values. */
enum template {
	F_CUE, F_AGREE, F_RANK, F_ARANK, F_PREV1, F_PREV2, F_PREV3, F_VOC_PREV, F_VOC_HERE,
	F_DIST_SENT, F_DIST_PARA, F_SUBJ_DIST, F_KIND, F_COUNT, F_QUOTES, F_NEXT_SUBJ,
	F_PARA_BEFORE, F_SAME_SENT, F_EVIDENCE, F_GENDER, F_TURN, F_BETWEEN, F_DASH, F_AGENT,
	F_PROMINENT, F_TURN1, F_TURN2, F_QUESTION, F_SALIENCE, F_SALIENCE_RANK, F_VOC_NARRATOR,
	F_ALTERNATE, F_NARRATION, F_AHEAD_NARRATOR, F_NAMED, F_BEAT, NTEMPLATES
};
_Static_assert(2 * NTEMPLATES <= FEATURES_MAX, "features per candidate");
static const struct { const char *name; unsigned n; } templates[NTEMPLATES] = {
	[F_CUE] = { "cue", 2 },              /* the person at the cue */
	[F_AGREE] = { "agree", 3 },          /* a pronoun at the cue agrees: n/a, yes, no */
	[F_RANK] = { "rank", 7 },            /* place in the recency list (6: not in it) */
	[F_ARANK] = { "arank", 7 },          /* the same among people who agree */
	[F_PREV1] = { "prev1", 10 },         /* spoke the quotation before x where it is */
	[F_PREV2] = { "prev2", 10 },         /* spoke the one before that x where */
	[F_PREV3] = { "prev3", 2 },
	[F_VOC_PREV] = { "vocprev", 4 },     /* addressed by the quotation before x where */
	[F_VOC_HERE] = { "vochere", 2 },     /* addressed by this one */
	[F_DIST_SENT] = { "dsent", 7 },      /* sentences since its latest mention */
	[F_DIST_PARA] = { "dpara", 5 },      /* paragraphs since */
	[F_SUBJ_DIST] = { "dsubj", 7 },      /* sentences since it was a subject */
	[F_KIND] = { "kind", 5 },            /* named, described, narrator, body, place */
	[F_COUNT] = { "count", 5 },          /* mentions so far */
	[F_QUOTES] = { "quotes", 4 },        /* quotations so far */
	[F_NEXT_SUBJ] = { "nextsubj", 2 },   /* a subject of the next sentence */
	[F_PARA_BEFORE] = { "parabefore", 2 }, /* named in the paragraph before it */
	[F_SAME_SENT] = { "samesent", 2 },   /* named in its sentence before it */
	[F_EVIDENCE] = { "person", 2 },      /* known to be a person */
	[F_GENDER] = { "gender", 20 },       /* its gender x the pronoun's */
	[F_TURN] = { "turn", 8 },            /* opens a paragraph x turn1 x turn2 */
	[F_BETWEEN] = { "between", 10 },     /* words since the quotation before x prev1 */
	[F_DASH] = { "dash", 4 },            /* a dash dialogue x prev1 */
	[F_AGENT] = { "agent", 2 },          /* its latest mention is "door X" */
	[F_PROMINENT] = { "prominent", 4 },  /* among the names used most (3: not) */
	[F_TURN1] = { "turn1", 7 },          /* spoke the last turn before this paragraph
	                                        x paragraphs since (0: no turn) */
	[F_TURN2] = { "turn2", 7 },          /* spoke the turn before that (another person) */
	[F_QUESTION] = { "question", 6 },    /* the last turn asked x turn1 / turn2 */
	[F_SALIENCE] = { "salience", 5 },    /* mentions lately, decaying by sentence */
	[F_SALIENCE_RANK] = { "salrank", 4 }, /* its place among the candidates by it */
	[F_VOC_NARRATOR] = { "vocnarr", 9 }, /* the narrator x whom this quotation and the
	                                        one before address (none, someone
	                                        named, a name not met) */
	[F_ALTERNATE] = { "alternate", 13 }, /* the two quotations before are by two
	                                        people: 1 + (spoke the one two back,
	                                        the one before, neither) + 3 x each
	                                        in its own paragraph in turn + 6 x
	                                        the one three back by the first of
	                                        them (A-B-A: B next); 0 otherwise */
	[F_NARRATION] = { "narration", 6 },  /* a subject of the narration between
	                                        the quotation before and this one
	                                        (not its cue's): no, the last one,
	                                        an earlier one + 3 x in this
	                                        quotation's paragraph */
	[F_AHEAD_NARRATOR] = { "aheadnarr", 13 }, /* the narrator says one of the
	                                        next two quotations at a cue right
	                                        after it ("zei ik"): 0 neither,
	                                        else 1 + 6 x (the second) + 2 x its
	                                        paragraph from this one's (0, 1,
	                                        further) + (is the narrator) */
	[F_NAMED] = { "named", 10 },         /* no one at the cue: its place among
	                                        the people named lately by name (4:
	                                        not) + 5 x many words since the
	                                        quotation before */
	[F_BEAT] = { "beat", 6 },            /* the subject of an action beat: 0 not,
	                                        1 the sentence right before in its
	                                        paragraph, 2 the paragraph right
	                                        before it opens + 3 x the clause
	                                        right after in its paragraph */
};

static size_t offset[NTEMPLATES][2];   /* [t][0] plain, [t][1] in context */
static size_t total;

static void init_offsets(void)
{
	if (total)
		return;
	size_t o = 0;
	for (int t = 0; t < NTEMPLATES; t++) {
		offset[t][0] = o;
		o += templates[t].n;
		offset[t][1] = o;
		o += templates[t].n * NCTX;
	}
	total = o;
}

size_t features_speaker_count(void)
{
	init_offsets();
	return total;
}

size_t features_count(void)
{
	init_offsets();
	return total + speech_features_count();
}

void features_name(size_t i, char *buf, size_t cap, void *ctx)
{
	(void)ctx;
	init_offsets();
	if (i >= total) {
		speech_feature_name(i - total, buf, cap);
		return;
	}
	for (int t = NTEMPLATES - 1; t >= 0; t--) {
		if (i < offset[t][0])
			continue;
		size_t r = i - offset[t][0];
		if (r < templates[t].n) {
			snprintf(buf, cap, "%s any %zu", templates[t].name, r);
		} else {
			r -= templates[t].n;
			size_t c = r / templates[t].n;
			snprintf(buf, cap, "%s %s-%s %zu", templates[t].name, cue_names[c / NSK],
			         subj_names[c % NSK], r % templates[t].n);
		}
		return;
	}
	snprintf(buf, cap, "?");
}

static long index_of(const char *const *names, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return (long)i;
	return -1;
}

long features_number(const char *name, size_t len, void *ctx)
{
	(void)ctx;
	init_offsets();
	long sp = speech_feature_number(name, len);
	if (sp >= 0)
		return (long)total + sp;
	const char *sp1 = memchr(name, ' ', len);
	if (!sp1)
		return -1;
	const char *sp2 = memchr(sp1 + 1, ' ', (size_t)(name + len - sp1 - 1));
	if (!sp2)
		return -1;
	int t = -1;
	for (int k = 0; k < NTEMPLATES; k++)
		if (strlen(templates[k].name) == (size_t)(sp1 - name) &&
		    memcmp(templates[k].name, name, (size_t)(sp1 - name)) == 0)
			t = k;
	char num[16];
	size_t nl = (size_t)(name + len - sp2 - 1);
	if (t < 0 || nl == 0 || nl >= sizeof num)
		return -1;
	memcpy(num, sp2 + 1, nl);
	num[nl] = 0;
	char *e;
	long v = strtol(num, &e, 10);
	if (*e || v < 0 || (unsigned long)v >= templates[t].n)
		return -1;
	const char *c = sp1 + 1;
	size_t cl = (size_t)(sp2 - c);
	if (cl == 3 && memcmp(c, "any", 3) == 0)
		return (long)(offset[t][0] + (size_t)v);
	const char *dash = memchr(c, '-', cl);
	if (!dash)
		return -1;
	long ck = index_of(cue_names, NCK, c, (size_t)(dash - c));
	long sk = index_of(subj_names, NSK, dash + 1, (size_t)(c + cl - dash - 1));
	if (ck < 0 || sk < 0)
		return -1;
	return (long)(offset[t][1] + (size_t)(ck * NSK + sk) * templates[t].n + (size_t)v);
}

/* --- the quotation's context ------------------------------------------------ */

static enum cue_kind cue_kind_of(const struct doc *d, const struct wquote *w)
{
	switch (w->cue_pos) {
	case CUE_AFTER:
		return CK_AFTER;
	case CUE_PREV_SENTENCE:
		return CK_PREV;
	case CUE_BEFORE:
		return w->cue.end - w->cue.start == 1 && d->text[w->cue.start] == ':' ? CK_COLON : CK_BEFORE;
	default:
		return CK_NONE;
	}
}

static enum subj_kind subj_kind_of(const struct doc *d, const struct wquote *w)
{
	if (w->subject < 0)
		return SK_NONE;
	const struct mention *m = doc_men(d, (size_t)w->subject);
	switch (m->type) {
	case M_NAME:
		return SK_NAME;
	case M_PRONOUN:
		return (m->pron & PR_FIRST) ? SK_FIRST : m->plural ? SK_PLURAL : SK_PRONOUN;
	default:
		return m->body ? SK_BODY : m->definite ? SK_DEFINITE : SK_INDEFINITE;
	}
}

/* --- candidates and features ----------------------------------------------- */

struct ctx {
	size_t ctx;               /* cue kind x subject kind */
	uint32_t *f;
	size_t n;
};

static void add(struct ctx *c, enum template t, size_t v)
{
	if (v >= templates[t].n)
		v = templates[t].n - 1;
	c->f[c->n++] = (uint32_t)(offset[t][0] + v);
	c->f[c->n++] = (uint32_t)(offset[t][1] + c->ctx * templates[t].n + v);
}

/* Where quotation H of the history is, seen from quotation W: in its
 * paragraph (0), the one before (1), two before (2), further (3). */
static size_t where(const struct spoken *h, uint32_t para)
{
	long d = (long)para - (long)h->para;
	return d <= 0 ? 0 : d == 1 ? 1 : d == 2 ? 2 : 3;
}

/* The candidate's gender (unknown, male, female, plural) x the pronoun's
 * at the cue (none, hij, zij, plural, first person). Without a pronoun it
 * is a prior of which sex speaks more (see README.md: dropping it was
 * tried). */
static size_t gender_value(const struct person *x, const struct mention *subj)
{
	size_t p = 0;
	if (subj && subj->type == M_PRONOUN)
		p = (subj->pron & PR_FIRST) ? 4 : subj->plural ? 3 : subj->gender == GENDER_MALE ? 1 : 2;
	/* the prior sees no first name's sex: the novels it is learnt from
	 * name their people by surname, and a woman known by her first name
	 * then took the bare turns of modern dialogue */
	size_t g = x->plural ? 3 : (size_t)(p ? doc_gender(x) : doc_gender_told(x));
	return g * 5 + p;
}

long features_of_quote(struct attributor *a, size_t qi)
{
	struct doc *d = &a->d;
	struct wquote *w = doc_quote(d, qi);
	init_offsets();
	if (!a->feat) {
		a->feat = malloc(MAX_CAND * FEATURES_MAX * sizeof *a->feat);
		a->nfeat = malloc(MAX_CAND * sizeof *a->nfeat);
		a->cand = malloc(MAX_CAND * sizeof *a->cand);
		if (!a->feat || !a->nfeat || !a->cand)
			return -1;
	}
	const struct qtoken *qt = doc_tok(d, (size_t)w->tok);
	const struct mention *subj = w->subject >= 0 ? doc_men(d, (size_t)w->subject) : NULL;
	int32_t sp = subj ? subj->person : -1;
	w->vocative = quote_vocative(d, w->span.start, w->span.end);

	int32_t ranked[CANDIDATES_RECENT];
	size_t nranked = 0;
	size_t nc = candidates_of_quote(a, subj, ranked, &nranked);
	if (!nc)
		return 0;

	struct ctx c = { (size_t)cue_kind_of(d, w) * NSK + (size_t)subj_kind_of(d, w), NULL, 0 };
	uint32_t sent = qt->sent, para = qt->para;
	int opens_para = (qt->flags & TK_PARA) != 0;
	/* the words since the quotation before */
	size_t between = 4;   /* no quotation before */
	if (a->nhist > 0) {
		long words = 0;
		if (doc_has(d, (size_t)a->hist[0].tok)) {
			for (size_t t = (size_t)a->hist[0].tok + 1; t < (size_t)w->tok && words < 12; t++)
				words += (doc_tok(d, t)->flags & TK_WORD) != 0;
		} else {
			words = 12;
		}
		static const long e[] = { 0, 3, 10 };
		between = feature_bucket(words, e, 3);
	}
	/* subjects of the next sentence (a lead quotation's speaker) */
	int32_t next_subj[4];
	size_t nnext = 0;
	for (size_t t = (size_t)w->tok + 1; t < (size_t)w->tok + 40 && doc_has(d, t) && nnext < 4; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->sent > sent + 1)
			break;
		if (k->sent == sent + 1 && k->mention >= 0 && (size_t)k->mention >= d->men_base &&
		    (size_t)k->mention < d->men_base + d->nmen) {
			const struct mention *m = doc_men(d, (size_t)k->mention);
			if (m->subject && m->person >= 0)
				next_subj[nnext++] = m->person;
		}
	}
	/* the dialogue: the last turn before this paragraph, and the turn of
	 * the other person before it */
	int t1 = 0;
	while (t1 < a->nturns && a->turns[t1].para >= para)
		t1++;
	int32_t turn1 = t1 < a->nturns ? a->turns[t1].person : -1, turn2 = -1;
	size_t gap1 = 0, gap2 = 0;
	for (int k = t1 + 1; turn1 >= 0 && k < a->nturns && turn2 < 0; k++)
		if (a->turns[k].person != turn1 && a->turns[k].person >= 0) {
			turn2 = a->turns[k].person;
			long g = (long)para - (long)a->turns[k].para;
			gap2 = g <= 2 ? 1 : g <= 4 ? 2 : 3;
		}
	if (turn1 >= 0) {
		long g = (long)para - (long)a->turns[t1].para;
		gap1 = g <= 1 ? 1 : g == 2 ? 2 : 3;
	}
	int asked = turn1 >= 0 && a->turns[t1].question;
	struct narration nar;
	narration_subjects(a, w, &nar);
	/* the two quotations before by two people (a dialogue in turns) */
	int32_t alt0 = -1, alt1 = -1;
	size_t alt_base = 0;
	if (a->nhist >= 2 && a->hist[0].person >= 0 && a->hist[1].person >= 0 &&
	    a->hist[0].person != a->hist[1].person) {
		alt0 = a->hist[0].person;
		alt1 = a->hist[1].person;
		alt_base = 1 + 3 * (size_t)(a->hist[0].para + 1 == para && a->hist[1].para + 2 == para) +
		           6 * (size_t)(a->nhist >= 3 && a->hist[2].person == alt0);
	}
	size_t ahead_where = 0, ahead = d->narrator >= 0 ? narrator_ahead(d, w, &ahead_where) : 0;
	int32_t named[NAMED];
	size_t nnamed = named_lately(a, w, named);
	struct beats beat;
	beat_subjects(d, w, &beat);
	float salience[MAX_CAND];
	for (size_t i = 0; i < nc; i++)
		salience[i] = doc_salience(d, a->cand[i], sent);
	for (size_t i = 0; i < nc; i++) {
		int32_t p = a->cand[i];
		const struct person *x = &d->per[p];
		c.f = a->feat + i * FEATURES_MAX;
		c.n = 0;
		add(&c, F_CUE, p == sp);
		size_t ag = 0;
		if (subj && subj->type == M_PRONOUN)
			ag = doc_agrees(subj, x) ? 1 : 2;
		add(&c, F_AGREE, ag);
		size_t rank = 6, arank = 6, r = 0, ar = 0;
		for (size_t k = 0; k < nranked; k++) {
			int ok = !subj || subj->type != M_PRONOUN || doc_agrees(subj, &d->per[ranked[k]]);
			if (ranked[k] == p) {
				rank = r;
				arank = ok ? ar : 6;
				break;
			}
			r++;
			ar += ok;
		}
		add(&c, F_RANK, rank);
		add(&c, F_ARANK, arank);
		for (int h = 0; h < 2; h++)
			add(&c, h == 0 ? F_PREV1 : F_PREV2,
			    a->nhist > h ? where(&a->hist[h], para) * 2 + (a->hist[h].person == p) : 8);
		add(&c, F_PREV3, a->nhist > 2 && a->hist[2].person == p);
		add(&c, F_VOC_PREV, a->nhist > 0 && a->hist[0].vocative == p
		                    ? 1 + (where(&a->hist[0], para) > 0) : 0);
		add(&c, F_VOC_HERE, w->vocative == p);
		if (x->kind == P_NARRATOR) {
			int32_t pv = a->nhist > 0 ? a->hist[0].vocative : -1;
			add(&c, F_VOC_NARRATOR, (size_t)(w->vocative == VOCATIVE_UNKNOWN ? 2 : w->vocative >= 0) * 3 +
			                        (size_t)(pv == VOCATIVE_UNKNOWN ? 2 : pv >= 0));
		}
		static const long ds[] = { 0, 1, 2, 5, 10 };
		long dsent = (long)sent - (long)x->last_sent;
		add(&c, F_DIST_SENT, x->count ? feature_bucket(dsent < 0 ? 0 : dsent, ds, 5) : 6);
		static const long dp[] = { 0, 1, 2, 4 };
		long dpara = (long)para - (long)x->last_para;
		add(&c, F_DIST_PARA, feature_bucket(dpara < 0 ? 0 : dpara, dp, 4));
		long dsub = x->last_subject_sent >= 0 ? (long)sent - x->last_subject_sent : -1;
		add(&c, F_SUBJ_DIST, dsub < 0 ? 6 : feature_bucket(dsub, ds, 5));
		add(&c, F_KIND, x->kind == P_NAMED && x->places && !x->evidence ? 4 : (size_t)x->kind);
		float sal = salience[i];
		add(&c, F_SALIENCE, sal < 0.3f ? 0 : sal < 1 ? 1 : sal < 2 ? 2 : sal < 4 ? 3 : 4);
		size_t above = 0;
		for (size_t k = 0; k < nc; k++)
			above += k != i && salience[k] > sal;
		add(&c, F_SALIENCE_RANK, above < 3 ? above : 3);
		static const long cn[] = { 1, 2, 5, 10 };
		add(&c, F_COUNT, feature_bucket((long)x->count, cn, 4));
		static const long qn[] = { 0, 1, 4 };
		add(&c, F_QUOTES, feature_bucket((long)x->quotes, qn, 3));
		int next = 0;
		for (size_t k = 0; k < nnext; k++)
			next |= next_subj[k] == p;
		add(&c, F_NEXT_SUBJ, next && beat.after != p);   /* a beat: its own feature */
		add(&c, F_PARA_BEFORE, x->count && x->last_para == para && x->last_start < w->span.open);
		add(&c, F_SAME_SENT, x->count && x->last_sent == sent && x->last_start < w->span.open);
		add(&c, F_EVIDENCE, x->evidence);
		add(&c, F_GENDER, gender_value(x, subj));
		int p1 = a->nhist > 0 && a->hist[0].person == p;
		int u1 = turn1 >= 0 && turn1 == p, u2 = turn2 >= 0 && turn2 == p;
		add(&c, F_TURN, (size_t)(opens_para * 4 + u1 * 2 + u2));
		add(&c, F_TURN1, gap1 ? (gap1 - 1) * 2 + 1 + (size_t)u1 : 0);
		add(&c, F_TURN2, gap2 ? (gap2 - 1) * 2 + 1 + (size_t)u2 : 0);
		add(&c, F_QUESTION, (size_t)(asked * 3 + (u1 ? 1 : u2 ? 2 : 0)));
		add(&c, F_BETWEEN, between * 2 + (size_t)p1);
		add(&c, F_DASH, (size_t)(w->dash * 2 + p1));
		add(&c, F_ALTERNATE, alt0 < 0 ? 0 : alt_base + (p == alt1 ? 0 : p == alt0 ? 1 : 2));
		size_t nv = 0;
		for (size_t k = 0; k < nar.n && !nv; k++)
			if (nar.person[k] == p)
				nv = k == 0 ? 1 : 2;
		add(&c, F_NARRATION, nv ? nv + 3 * (size_t)nar.same_para : 0);
		add(&c, F_AHEAD_NARRATOR, ahead ? 1 + (ahead - 1) * 6 + ahead_where * 2 + (size_t)(p == d->narrator) : 0);
		size_t nr = 0;
		while (nr < nnamed && named[nr] != p)
			nr++;
		if (!subj)
			add(&c, F_NAMED, (nr < nnamed ? nr : 4) + 5 * (size_t)(between >= 2));
		add(&c, F_BEAT, (beat.before == p ? 1 + (size_t)beat.before_para : 0) + 3 * (size_t)(beat.after == p));
		add(&c, F_PROMINENT, x->prominence ? x->prominence - 1u : 3u);
		add(&c, F_AGENT, x->last_mention >= 0 && (size_t)x->last_mention >= d->men_base &&
		                 doc_men(d, (size_t)x->last_mention)->agent);
		a->nfeat[i] = c.n;
	}
	return (long)nc;
}
