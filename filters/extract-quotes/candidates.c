/* candidates.c — who may have said a quotation, and what the text around
 * it says of them: the candidate people of the speaker ranker, the person
 * a quotation addresses (its vocative), the subjects of the narration
 * between turns, the narrator's turns ahead and the people named lately.
 * features.c turns these into features.
 *
 * Candidates are people: the one at the cue (named, described, or the
 * person a pronoun there was resolved to), the speakers of the three
 * latest quotations, the people mentioned most recently, the narrator,
 * the people the text names most and the one the quotation before
 * addressed. At most CANDIDATES_MAX.
 */
#include <stdlib.h>
#include <string.h>
#include "attrib.h"
#include "tokenize.h"
#include "wordclass.h"

enum { MAX_CAND = CANDIDATES_MAX };

/* --- vocatives ------------------------------------------------------------ */

static struct token_list voc_tokens;

/* The bytes [A, B) hold what a vocative needs on SIDE: a comma at the end
 * (1), one of the stops strchr(",?!.", c) accepts at the start (0: NUL
 * included). */
static int may_address(const char *text, size_t a, size_t b, int side)
{
	if (side == 1)
		return memchr(text + a, ',', b - a) != NULL;
	for (size_t i = a; i < b; i++) {
		char c = text[i];
		if (c == ',' || c == '?' || c == '!' || c == '.' || c == '\0')
			return 1;
	}
	return 0;
}

static int name_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '-' || c == '\'';
}

/* The capitalised words (at most three) from byte P on, spaces skipped,
 * before E: the last one's bytes in [*A, *B), the first byte after them
 * and their spaces in *J; how many. */
static int names_after(const char *x, size_t p, size_t e, size_t *a, size_t *b, size_t *j)
{
	int words = 0;
	while (p < e && x[p] == ' ')
		p++;
	while (p < e && words < 3) {
		size_t k = p;
		while (k < e && name_byte((unsigned char)x[k]))
			k++;
		if (k == p || !wordclass_is_upper(x + p, k - p))
			break;
		*a = p, *b = k, words++;
		p = k;
		while (p < e && x[p] == ' ')
			p++;
	}
	*j = p;
	return words;
}

/* The same backwards from byte P (exclusive) down to S: the capitalised
 * words right before P, the last one in [*A, *B); the byte before them
 * and their spaces in *J (S - 1 as none); how many. */
static int names_before(const char *x, size_t s, size_t p, size_t *a, size_t *b, long *j)
{
	int words = 0;
	while (p > s && x[p - 1] == ' ')
		p--;
	while (p > s && words < 3) {
		size_t k = p;
		while (k > s && name_byte((unsigned char)x[k - 1]))
			k--;
		if (k == p || !wordclass_is_upper(x + k, p - k))
			break;
		if (!words)
			*a = k, *b = p;
		words++;
		p = k;
		while (p > s && x[p - 1] == ' ')
			p--;
	}
	*j = (long)p - 1;
	return words;
}

/* The person a vocative's last word [A, B) names, VOCATIVE_UNKNOWN when
 * no one, -1 when it is a function word or a title. */
static int32_t addressed(struct doc *d, size_t a, size_t b)
{
	char low[64];
	if (b - a > sizeof low)
		return -1;
	wordclass_fold(d->text + a, b - a, low);
	if (quotes_word_class(d->lx, low, b - a, 1) & (LX_FUNCTION | LX_TITLE))
		return -1;
	int32_t found = doc_person_by_key(d, wordclass_hash(low, b - a));
	return found >= 0 ? found : VOCATIVE_UNKNOWN;
}

/* One to three capitalised words set off inside the quoted text [S, E)
 * by a comma on one side at least: after a comma, before a comma, '?' or
 * '!' (", Holmes, maar"), or after a sentence's end before a comma
 * ("centen. Koekebakker, jong,"): the person addressed when the text has
 * named them; a name not met counts only between two commas (a
 * capitalised word opening a sentence is seldom a name). Only the bytes
 * around each comma are read. */
static int32_t vocative_inside(struct doc *d, size_t s, size_t e)
{
	const char *x = d->text;
	int unknown = 0;
	for (const char *q = memchr(x + s, ',', e - s); q;
	     q = q + 1 < x + e ? memchr(q + 1, ',', (size_t)(x + e - q - 1)) : NULL) {
		size_t i = (size_t)(q - x), a = 0, b = 0, j;
		long before;
		if (names_after(x, i + 1, e, &a, &b, &j) && j < e &&
		    (x[j] == ',' || x[j] == '?' || x[j] == '!')) {
			int32_t p = addressed(d, a, b);
			if (p >= 0)
				return p;
			unknown |= p == VOCATIVE_UNKNOWN && x[j] == ',';
		}
		if (names_before(x, s, i, &a, &b, &before) && before >= (long)s &&
		    (x[before] == '.' || x[before] == '?' || x[before] == '!')) {
			int32_t p = addressed(d, a, b);
			if (p >= 0)
				return p;
		}
	}
	return unknown ? VOCATIVE_UNKNOWN : -1;
}

/* A capitalised word of the quoted text [S, E) set off by a comma at its
 * start or end ("Magloire, breng mij", "gelijk, Watson,", "Mr. Holmes?"):
 * the person addressed, when the text has named them. */
int32_t quote_vocative(struct doc *d, size_t s, size_t e)
{
	int unknown = 0;
	/* only the first and the last few words are looked at */
	size_t spans[2][2] = { { s, e - s > 80 ? s + 80 : e }, { e - s > 80 ? e - 80 : s, e } };
	for (int side = 0; side < 2; side++) {
		voc_tokens.n = 0;
		size_t a = spans[side][0], b = spans[side][1];
		while (side == 1 && a > s && a < b && ((unsigned char)d->text[a] & 0xC0) == 0x80)
			a++;
		if (!may_address(d->text, a, b, side))
			continue;   /* no token of the stops below: nothing to tokenize */
		if (tokenize(d->text + a, b - a, a, &voc_tokens) == (size_t)-1)
			return -1;
		const struct token *t = voc_tokens.tok;
		size_t n = voc_tokens.n;
		for (size_t i = 0; i < n; i++) {
			if (t[i].kind != TOK_WORD || !wordclass_is_upper(d->text + t[i].start, t[i].end - t[i].start))
				continue;
			int at_start = side == 0 && i == 0;   /* the quotation's first word */
			size_t j = i;
			while (j + 1 < n && t[j + 1].kind == TOK_WORD &&
			       wordclass_is_upper(d->text + t[j + 1].start, t[j + 1].end - t[j + 1].start))
				j++;
			int before_stop = j + 1 < n && strchr(",?!.", d->text[t[j + 1].start]);
			int at_end = side == 1 && ((i > 0 && d->text[t[i - 1].start] == ',') ||
			                           (i > 1 && d->text[t[i - 2].start] == ',')) &&
			             (j + 1 == n || before_stop);
			if (!((at_start && before_stop) || at_end))
				continue;
			char low[64];
			size_t ln = t[j].end - t[j].start;
			if (ln > sizeof low)
				continue;
			wordclass_fold(d->text + t[j].start, ln, low);
			if (quotes_word_class(d->lx, low, ln, 1) & (LX_FUNCTION | LX_TITLE))
				continue;
			int32_t found = doc_person_by_key(d, wordclass_hash(low, ln));
			if (found >= 0)
				return found;
			unknown = 1;
		}
	}
	if (!unknown) {
		int32_t inside = vocative_inside(d, s, e);
		if (inside != -1)
			return inside;
	}
	return unknown ? VOCATIVE_UNKNOWN : -1;
}

/* --- candidates ------------------------------------------------------------- */

size_t candidates_of_quote(struct attributor *a, const struct mention *subj, int32_t *ranked,
                           size_t *nrankedp)
{
	const struct doc *d = &a->d;
	int32_t sp = subj ? subj->person : -1;
	size_t nc = 0;
	int32_t want[MAX_CAND + 8 + PROMINENT];
	size_t nw = 0;
	if (sp >= 0)
		want[nw++] = sp;
	for (int h = 0; h < a->nhist && h < 3; h++)
		want[nw++] = a->hist[h].person;
	size_t nranked = 0;
	for (int32_t p = d->newest; p >= 0 && nranked < CANDIDATES_RECENT; p = d->per[p].older)
		ranked[nranked++] = p;
	*nrankedp = nranked;
	for (size_t i = 0; i < nranked; i++)
		want[nw++] = ranked[i];
	if (d->narrator >= 0)
		want[nw++] = d->narrator;
	for (int k = 0; k < PROMINENT; k++)
		want[nw++] = d->prominent[k];
	if (a->nhist > 0)
		want[nw++] = a->hist[0].vocative;
	for (size_t i = 0; i < nw && nc < MAX_CAND; i++) {
		if (want[i] < 0)
			continue;
		size_t k = 0;
		while (k < nc && a->cand[k] != want[i])
			k++;
		if (k == nc)
			a->cand[nc++] = want[i];
	}
	/* a pronoun at the cue speaks for someone it agrees with, when there
	 * is anyone: "zij" not for a man, "hij" not for the narrator (a
	 * pronoun that agrees with no candidate keeps them all but the
	 * narrator: an unnamed person of its own scored worse, leave-one-
	 * novel-out; with none left, attribution.c looks again once the
	 * whole text is read) */
	if (subj && subj->type == M_PRONOUN) {
		size_t ok = 0;
		for (size_t i = 0; i < nc; i++)
			ok += doc_agrees(subj, &d->per[a->cand[i]]) != 0;
		int third = !(subj->pron & PR_FIRST);
		if (ok < nc && (ok > 0 || third)) {
			size_t k = 0;
			for (size_t i = 0; i < nc; i++)
				if (ok ? doc_agrees(subj, &d->per[a->cand[i]]) != 0
				       : d->per[a->cand[i]].kind != P_NARRATOR)
					a->cand[k++] = a->cand[i];
			nc = k;
		}
	}
	a->ncand = nc;
	return nc;
}

/* --- the narration around a quotation ---------------------------------------- */

/* How far back the narration is read for its subjects. */
enum { NARRATION_TOKENS = 80 };

void narration_subjects(const struct attributor *a, const struct wquote *w,
                        struct narration *out)
{
	const struct doc *d = &a->d;
	out->n = 0;
	out->same_para = 0;
	uint32_t para = doc_tok(d, (size_t)w->tok)->para;
	int32_t skip = a->nhist > 0 ? a->hist[0].subject : -1;
	for (size_t t = (size_t)w->tok, steps = 0; t > 0 && steps < NARRATION_TOKENS; steps++) {
		t--;
		if (!doc_has(d, t))
			break;
		const struct qtoken *k = doc_tok(d, t);
		if ((k->flags & TK_QUOTE) || k->para + 1 < para)
			break;
		if (!(k->flags & TK_SENT) || k->mention < 0 || (size_t)k->mention < d->men_base ||
		    (size_t)k->mention >= d->men_base + d->nmen || k->mention == skip)
			continue;
		const struct mention *m = doc_men(d, (size_t)k->mention);
		if (!m->subject || m->person < 0 || m->in_quote ||
		    (m->type == M_DESCRIPTION && d->per[m->person].kind != P_NAMED))
			continue;
		size_t j = 0;
		while (j < out->n && out->person[j] != m->person)
			j++;
		if (j < out->n)
			continue;
		if (out->n == 0)
			out->same_para = k->para == para;
		out->person[out->n++] = m->person;
		if (out->n == NARRATION)
			break;
	}
}

enum { AHEAD = 2, AHEAD_TOKENS = 160 };
size_t narrator_ahead(const struct doc *d, const struct wquote *w, size_t *where)
{
	uint32_t para = doc_tok(d, (size_t)w->tok)->para;
	size_t n = 0;
	for (size_t t = (size_t)w->tok + 1; n < AHEAD && t < (size_t)w->tok + AHEAD_TOKENS && doc_has(d, t); t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (!(k->flags & TK_QUOTE))
			continue;
		n++;
		size_t u = t + 1;
		if (doc_punct(d, u, ','))
			u++;
		if (!doc_has(d, u + 1) || !doc_same_sentence(d, t, u + 1) || !doc_cue_verb(d, u))
			continue;
		unsigned pr = doc_tok(d, u + 1)->pron;
		if ((pr & PR_FIRST) && (pr & PR_SUBJ) && !(pr & PR_PLURAL)) {
			long g = (long)k->para - (long)para;
			*where = g <= 0 ? 0 : g == 1 ? 1 : 2;
			return n;
		}
	}
	return 0;
}

/* The text is read for them once, from where the quotation before left
 * off (a->named_to), so a text dense with quotations costs no more. */
enum { NAMED_TOKENS = 400 };
size_t named_lately(struct attributor *a, const struct wquote *w, int32_t *out)
{
	const struct doc *d = &a->d;
	size_t t = a->named_to, end = (size_t)w->tok;
	if (end > NAMED_TOKENS && t < end - NAMED_TOKENS)
		t = end - NAMED_TOKENS;
	if (t < d->tok_base)
		t = d->tok_base;
	for (; t < end; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->mention < 0 || (size_t)k->mention < d->men_base ||
		    (size_t)k->mention >= d->men_base + d->nmen)
			continue;
		const struct mention *m = doc_men(d, (size_t)k->mention);
		if (m->type != M_NAME || m->person < 0 || m->place)
			continue;
		int j = 0;
		while (j < a->nnamed && a->named[j].person != m->person)
			j++;
		if (j == a->nnamed && a->nnamed < NAMED)
			a->nnamed++;
		if (j == a->nnamed)
			j--;
		memmove(&a->named[1], &a->named[0], (size_t)j * sizeof a->named[0]);
		a->named[0] = (struct named){ m->person, t };
	}
	if (end > a->named_to)
		a->named_to = end;
	size_t n = 0;
	for (int j = 0; j < a->nnamed; j++)
		if (a->named[j].tok + NAMED_TOKENS >= end && a->named[j].tok >= d->tok_base)
			out[n++] = a->named[j].person;
	return n;
}

/* --- action beats ------------------------------------------------------------- */

/* The person of mention slot K of token T when it is a subject of the
 * narration (not inside a quotation), else -1. */
static int32_t narration_subject(const struct doc *d, const struct qtoken *k)
{
	if (k->mention < 0 || (size_t)k->mention < d->men_base ||
	    (size_t)k->mention >= d->men_base + d->nmen)
		return -1;
	const struct mention *m = doc_men(d, (size_t)k->mention);
	return m->subject && !m->in_quote ? m->person : -1;
}

/* How far a beat is looked for, in tokens: before the quotation, and after
 * it (within the mentions attribution.c has found past it). */
enum { BEAT_BEFORE_TOKENS = 60, BEAT_AFTER_TOKENS = 12 };

void beat_subjects(const struct doc *d, const struct wquote *w, struct beats *out)
{
	out->before = out->after = -1;
	out->before_para = 0;
	size_t q = (size_t)w->tok;
	const struct qtoken *qt = doc_tok(d, q);
	/* before: the first subject of the sentence of narration right before
	 * W, in its paragraph; when W opens its paragraph, of the last
	 * sentence of a paragraph of narration only right before */
	uint32_t para = (qt->flags & TK_PARA) ? qt->para - 1 : qt->para;
	int prev = para != qt->para, seen = 0;
	int32_t subj = -1, last = -1;
	for (size_t t = q, steps = 0; t > 0 && steps < BEAT_BEFORE_TOKENS; steps++) {
		t--;
		if (!doc_has(d, t))
			break;
		const struct qtoken *k = doc_tok(d, t);
		if ((k->flags & TK_QUOTE) || k->para != para)
			break;   /* the paragraph before holds a quotation: no beat */
		int32_t p = narration_subject(d, k);
		if (p >= 0)
			subj = p;
		if (!(k->flags & TK_SENT))
			continue;
		if (!prev) {
			out->before = subj;
			break;
		}
		if (!seen)
			last = subj, seen = 1;   /* the last sentence of the paragraph before */
		subj = -1;
		if (k->flags & TK_PARA) {
			out->before = last;   /* a paragraph of narration only */
			out->before_para = last >= 0;
			break;
		}
	}
	/* after: the first subject of the clause right after W, in its
	 * paragraph, before another quotation or sentence */
	for (size_t t = q + 1; t <= q + BEAT_AFTER_TOKENS && doc_has(d, t); t++) {
		const struct qtoken *k = doc_tok(d, t);
		if ((k->flags & TK_QUOTE) || k->para != qt->para || ((k->flags & TK_SENT) && t > q + 1))
			break;
		int32_t p = narration_subject(d, k);
		if (p >= 0) {
			out->after = p;
			break;
		}
	}
}
