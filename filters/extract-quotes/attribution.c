/* attribution.c — see attribution.h. The loop over a text: read a block
 * ahead, attribute the quotations of the block before it in text order
 * (cues, then the ranker's choice of speaker), remember who spoke, forget
 * what lies two blocks back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attrib.h"
#include "grow.h"
#include "lang.h"

static const char MODEL_FILE[] = "nl/speakers-model.txt";

int attributor_set_model(struct attributor *a, const char *text, size_t len,
                         const char **why, long *line)
{
	return perceptron_parse(&a->model, text, len, "zeef-speakers-model", 1, features_number,
	                        NULL, why, line);
}

struct attributor *attributor_new(void)
{
	struct attributor *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	if (quotes_lexicon_load(&a->lx) < 0 || !(a->marks = quote_marks_load())) {
		attributor_free(a);
		return NULL;
	}
	if (perceptron_init(&a->model, features_count(), 0) < 0) {
		attributor_free(a);
		return NULL;
	}
	size_t len;
	const char *text = lang_file(MODEL_FILE, &len);
	const char *why;
	long line;
	if (!text) {
		fprintf(stderr, "extract-quotes: language file %s is missing\n", MODEL_FILE);
		attributor_free(a);
		return NULL;
	}
	if (attributor_set_model(a, text, len, &why, &line) < 0) {
		fprintf(stderr, "extract-quotes: %s:%ld: %s\n", MODEL_FILE, line, why);
		attributor_free(a);
		return NULL;
	}
	return a;
}

void attributor_free(struct attributor *a)
{
	if (!a)
		return;
	quotes_lexicon_free(&a->lx);
	quote_marks_free(a->marks);
	doc_free(&a->d);
	perceptron_free(&a->model);
	free(a->res);
	free(a->turn_of);
	free(a->feat);
	free(a->nfeat);
	free(a->cand);
	free(a);
}

void attribution_release(struct attributor *a)
{
	enum { KEEP = 1 << 12 };
	if (a->rescap > KEEP) {
		free(a->res);
		a->res = NULL;
		a->rescap = a->nres = 0;
		free(a->turn_of);
		a->turn_of = NULL;
		a->turn_of_cap = a->nturn_of = 0;
	}
	doc_release(&a->d);
}

void attributor_set_indirect(struct attributor *a, int on)
{
	a->indirect = on;
}

/* "hij" or "zij" at the cue cannot stand for candidate X: a person
 * known to be of the other sex, nor for a group or a body when it is
 * "hij" (Dutch calls those "ze" or "het") or a "ze" of a verb in the
 * singular ("vroeg ze": people.c). */
static int other_sex(const struct mention *subj, const struct person *x)
{
	if (!subj || subj->type != M_PRONOUN || subj->plural || !subj->gender || (subj->pron & PR_FIRST))
		return 0;
	if (x->plural || x->kind == P_BODY)
		return subj->gender == GENDER_MALE || !(subj->pron & PR_PLURAL);
	int g = doc_gender(x);
	return g && g != subj->gender;
}

/* The speaker of quotation QI: the best-scoring candidate that the
 * pronoun at its cue can stand for; none when no candidate can (the
 * pronoun speaks for someone the text has not named: "vroeg ze" in a
 * scene of men). */
static int choose(struct attributor *a, size_t qi)
{
	struct doc *d = &a->d;
	struct wquote *w = doc_quote(d, qi);
	long n = features_of_quote(a, qi);
	if (n < 0)
		return -1;
	const struct mention *subj = w->subject >= 0 ? doc_men(d, (size_t)w->subject) : NULL;
	size_t best = 0;
	float best_score = 0;
	int any = 0;
	for (size_t i = 0; i < (size_t)n; i++) {
		if (other_sex(subj, &d->per[a->cand[i]]))
			continue;
		float s = perceptron_score(&a->model, a->feat + i * FEATURES_MAX, a->nfeat[i]);
		if (!any || s > best_score) {
			best = i;
			best_score = s;
			any = 1;
		}
	}
	if (!any)
		n = 0;
	/* A name at the cue, or an indefinite description ("merkte een
	 * raadslid op": someone new), is who spoke: nothing to rank. */
	int given = subj && subj->person >= 0 &&
	            (subj->type == M_NAME || (subj->type == M_DESCRIPTION && !subj->definite));
	/* the second part of a quotation split by its cue ("…," zei zij,
	 * "…") has the speaker of the first */
	int32_t again = subj && a->nhist > 0 && a->hist[0].subject == w->subject ? a->hist[0].person : -1;
	if (again >= 0 && !given) {
		for (size_t i = 0; i < (size_t)n; i++)
			if (a->cand[i] == again)
				best = i, given = 1;
	}
	if (given) {
		for (size_t i = 0; i < (size_t)n; i++)
			if (a->cand[i] == subj->person)
				best = i;
	} else if (a->gold && n > 0 && train_step(a, qi, &best) < 0) {
		return -1;
	}
	int32_t p = given ? (again >= 0 ? again : subj->person) : n > 0 ? a->cand[best] : -1;
	/* A description at the cue may stand for a person named before ("zei
	 * de oude man"), never for another description; a body or its
	 * spokesperson, and a person described by whom they belong to ("zei
	 * zijn zus"), never for anyone else. */
	if (subj && subj->type == M_DESCRIPTION && subj->person >= 0 && p != subj->person &&
	    (p < 0 || d->per[p].kind != P_NAMED || subj->body || subj->plural ||
	     doc_is(d, (size_t)subj->first, LX_POSSESSIVE)))
		p = subj->person;
	w->person = p;
	if (subj && (subj->person == p || subj->type != M_NAME)) {
		const struct qtoken *f = doc_tok(d, (size_t)subj->first), *l = doc_tok(d, (size_t)subj->last);
		w->speaker = (struct xspan){ f->start, l->end, f->cp, doc_cp_of(d, (size_t)subj->last, l->end) };
		w->has_speaker = 1;
		if (subj->person != p && p >= 0 && subj->type == M_PRONOUN) {
			/* the pronoun stands for the ranker's choice */
			doc_men(d, (size_t)w->subject)->person = p;
			doc_touch(d, p, (size_t)w->subject);
		}
	} else if (p >= 0 && d->per[p].count) {
		const struct person *x = &d->per[p];
		w->speaker = (struct xspan){ x->last_start, x->last_end, x->last_start_cp, x->last_end_cp };
		w->has_speaker = 1;
	}
	if (p >= 0) {
		d->per[p].quotes++;
		d->per[p].last_quote = (int32_t)qi;
	}
	memmove(&a->hist[1], &a->hist[0], (HISTORY - 1) * sizeof a->hist[0]);
	const struct qtoken *k = doc_tok(d, (size_t)w->tok);
	a->hist[0] = (struct spoken){ (int32_t)qi, p, w->vocative, w->tok, w->subject, k->para, k->sent };
	if (a->nhist < HISTORY)
		a->nhist++;
	int question = w->span.end > w->span.start && d->text[w->span.end - 1] == '?';
	if (a->nturns && a->turns[0].para == k->para && a->turns[0].person == p) {
		a->turns[0].question = question;
	} else {
		memmove(&a->turns[1], &a->turns[0], (HISTORY - 1) * sizeof a->turns[0]);
		a->turns[0] = (struct turn){ p, k->para, question };
		if (a->nturns < HISTORY)
			a->nturns++;
	}
	return 0;
}

/* Room in a->turn_of for N results, and a turn of no paragraph for each
 * result before a->nres that has none (indirect speech, cues.c, has no
 * turn). */
static int turns_up_to(struct attributor *a, size_t n)
{
	if (grow_array((void **)&a->turn_of, &a->turn_of_cap, n, sizeof *a->turn_of) < 0)
		return -1;
	while (a->nturn_of < a->nres)
		a->turn_of[a->nturn_of++] = (struct result_turn){ NO_PARA, PRONOUN_NONE };
	return 0;
}

static int push_result(struct attributor *a, const struct wquote *w, size_t qi)
{
	if (grow_array((void **)&a->res, &a->rescap, a->nres + 1, sizeof *a->res) < 0 ||
	    turns_up_to(a, a->nres + 1) < 0)
		return -1;
	const struct mention *m = w->subject >= 0 ? doc_men(&a->d, (size_t)w->subject) : NULL;
	a->turn_of[a->nturn_of++] = (struct result_turn){
		doc_tok(&a->d, (size_t)w->tok)->para,
		m && m->type == M_PRONOUN && !(m->pron & PR_FIRST) && !m->plural ? m->gender : PRONOUN_NONE };
	struct attributed_quote *r = &a->res[a->nres++];
	*r = (struct attributed_quote){
		.kind = w->kind, .cue_pos = w->cue_pos,
		.quote = { (uint32_t)w->span.start, (uint32_t)w->span.end, w->start_cp, w->end_cp },
		.cue = w->cue, .speaker = w->speaker, .has_speaker = w->has_speaker,
		.person = w->person, .quote_index = (int32_t)qi };
	return 0;
}

static int attribute_quote(struct attributor *a, size_t qi)
{
	struct doc *d = &a->d;
	struct wquote *w = doc_quote(d, qi);
	if (w->merged_into >= 0) {
		/* a dash dialogue goes on after an inserted cue: one quotation */
		w->kind = QUOTE_DROPPED;
		if (a->nres && a->res[a->nres - 1].quote_index == w->merged_into) {
			a->res[a->nres - 1].quote.end = (uint32_t)w->span.end;
			a->res[a->nres - 1].quote.end_cp = w->end_cp;
		}
		return 0;
	}
	if (doc_mentions_until(d, (size_t)w->tok + 12) < 0 || cues_of_quote(a, qi) < 0)
		return -1;
	if (w->kind == QUOTE_DROPPED)
		return 0;
	if (choose(a, qi) < 0)
		return -1;
	return push_result(a, w, qi);
}

/* Indirect speech: the sentence that ends before token T, when it held no
 * quotation. */
struct sentence_walk {
	size_t first;
	int quoted, open;
};

static int end_sentence(struct attributor *a, struct sentence_walk *s, size_t t)
{
	if (s->open && !s->quoted && s->first >= a->d.tok_base &&
	    (doc_mentions_until(&a->d, t + 6) < 0 || cues_indirect(a, s->first, t) < 0))
		return -1;
	s->open = 0;
	return 0;
}

static void give_speaker(struct attributor *a, struct attributed_quote *r, int32_t p)
{
	const struct person *x = &a->d.per[p];
	r->person = p;
	if (!r->has_speaker && x->count) {
		r->speaker = (struct xspan){ x->last_start, x->last_end, x->last_start_cp, x->last_end_cp };
		r->has_speaker = 1;
	}
}

/* Quotations for which no one could be found while reading (a text that
 * starts in the middle of a dialogue, before anyone is named), once the
 * whole text is read. Read backwards, a bare turn whose paragraph is
 * followed by a turn of A has the speaker of the next quotation (of the
 * FILL_AHEAD after that) by someone else than A, the other one of the two
 * (A-B-A-B); a pronoun at the cue stands for the person of its gender who
 * says the most quotations of the text. */
enum { FILL_AHEAD = 6 };
/* The person who says the most quotations of the text and agrees with a
 * pronoun of each gender (GENDER_*: BEST[GENDER_UNKNOWN] any), -1 when
 * none: never the narrator, a body or a group. One pass over the people. */
static void most_quoted(const struct doc *d, int32_t best[3])
{
	best[0] = best[1] = best[2] = -1;
	for (size_t p = 0; p < d->nper; p++) {
		const struct person *x = &d->per[p];
		if (x->kind == P_NARRATOR || x->kind == P_BODY || x->plural || !x->quotes)
			continue;
		int g = doc_gender(x);
		for (int k = 0; k < 3; k++)
			if ((!k || !g || g == k) && (best[k] < 0 || x->quotes > d->per[best[k]].quotes))
				best[k] = (int32_t)p;
	}
}

static int fill_unattributed(struct attributor *a)
{
	const struct doc *d = &a->d;
	int32_t best[3];
	int best_done = 0;
	if (a->nres && turns_up_to(a, a->nres) < 0)
		return -1;
	for (size_t i = a->nres; i-- > 0;) {
		struct attributed_quote *r = &a->res[i];
		const struct result_turn *t = &a->turn_of[i];
		if (r->person >= 0 && !r->has_speaker) {
			/* said by one of the people the text names most
			 * before the window met them */
			give_speaker(a, r, r->person);
			continue;
		}
		if (r->person >= 0 || t->para == NO_PARA)
			continue;
		if (r->cue_pos == CUE_NONE && i + 1 < a->nres) {
			int32_t next = r[1].person, other = -1;
			for (size_t k = i + 2; next >= 0 && k < a->nres && k < i + 2 + FILL_AHEAD && other < 0; k++)
				if (a->res[k].person >= 0 && a->res[k].person != next)
					other = a->res[k].person;
			if (other >= 0 && t[1].para == t->para + 1)
				give_speaker(a, r, other);
		} else if (t->pronoun != PRONOUN_NONE && t->pronoun <= GENDER_FEMALE) {
			if (!best_done) {
				most_quoted(d, best);
				best_done = 1;
			}
			if (best[t->pronoun] >= 0)
				give_speaker(a, r, best[t->pronoun]);
		}
	}
	return 0;
}

const struct attributed_quote *attribute_text(struct attributor *a, const char *text,
	size_t len, const size_t *sentences, size_t nsentences,
	const struct entity_hint *entities, size_t nentities, size_t *n)
{
	struct doc *d = &a->d;
	a->nres = 0;
	a->nturn_of = 0;
	a->nhist = 0;
	a->nturns = 0;
	a->nnamed = 0;
	a->named_to = 0;
	a->memo = (struct cue_memo){ .sent = UINT32_MAX };
	*n = 0;
	if (doc_begin(d, &a->lx, a->marks, text, len, sentences, nsentences, entities, nentities,
	              a->indirect) < 0)
		return NULL;
	long got = doc_feed(d);
	if (got < 0)
		return NULL;
	size_t done = 0, keep = 0;
	struct sentence_walk sw = {0};
	while (got > 0) {
		size_t block = d->block_start;
		long more = doc_feed(d);
		if (more < 0)
			return NULL;
		size_t limit = more > 0 ? d->block_start : doc_end(d);
		for (size_t t = done; t < limit; t++) {
			const struct qtoken *k = doc_tok(d, t);
			if (a->indirect && (k->flags & TK_SENT)) {
				if (end_sentence(a, &sw, t) < 0)
					return NULL;
				sw = (struct sentence_walk){ t, 0, 1 };
			}
			if (k->flags & TK_QUOTE) {
				sw.quoted = 1;
				if (attribute_quote(a, (size_t)k->quote) < 0)
					return NULL;
			}
		}
		if (a->indirect && more == 0 && end_sentence(a, &sw, limit) < 0)
			return NULL;
		if (doc_mentions_until(d, limit) < 0)
			return NULL;
		done = limit;
		doc_drop(d, keep);
		keep = block;
		got = more;
	}
	if (fill_unattributed(a) < 0)
		return NULL;
	/* the fullest names, now that the whole text has been read; a person
	 * the text only describes goes by its description ("de woordvoerder"),
	 * the narrator by none */
	for (size_t i = 0; i < a->nres; i++) {
		struct attributed_quote *r = &a->res[i];
		if (r->person >= 0 && d->per[r->person].kind != P_NARRATOR) {
			r->name_start = d->per[r->person].name_start;
			r->name_end = d->per[r->person].name_end;
		}
	}
	*n = a->nres;
	if (!a->res && grow_array((void **)&a->res, &a->rescap, 1, sizeof *a->res) < 0)
		return NULL;
	return a->res;
}
