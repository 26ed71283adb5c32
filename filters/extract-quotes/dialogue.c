/* dialogue.c — reporting verbs and dialogue opened by a dash: whether a
 * token is a reporting verb (a separable one with its particle later in
 * its clause) or ends a clause, where the next paragraph opening with a
 * dash is (so that the window knows how far a block may reach), and the
 * turning of such a paragraph into quotations: the speech segments
 * between its reporting clauses ("--Kom je? vroeg hij.", "– Morgen, zei
 * ze, kom ik terug."), one turn continued across them. The window and its
 * tokens are tokens.c's.
 */
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "wordclass.h"

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A dash that may open dialogue at byte I: -, --, an en or em dash or a
 * horizontal bar. */
static int dash_at(const char *s, size_t len, size_t i)
{
	return i < len && (s[i] == '-' || (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
	                                   (unsigned char)s[i + 1] == 0x80 &&
	                                   (unsigned char)s[i + 2] >= 0x93 &&
	                                   (unsigned char)s[i + 2] <= 0x95));
}

/* The line before byte END (line break excluded) ends a sentence: . ! ?
 * or an ellipsis last; or, when MARKS, a closing quotation mark. */
static int line_ends_sentence(const char *s, size_t end, int marks)
{
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
		end--;
	if (end == 0)
		return 0;
	unsigned char c = (unsigned char)s[end - 1];
	int e2 = end >= 3 && (unsigned char)s[end - 3] == 0xE2 && (unsigned char)s[end - 2] == 0x80;
	if (c == '.' || c == '!' || c == '?' || (e2 && c == 0xA6))
		return 1;
	/* " ' ” ’ » */
	return marks && (c == '"' || c == '\'' || (e2 && (c == 0x9D || c == 0x99)) ||
	                 (end >= 2 && (unsigned char)s[end - 2] == 0xC2 && c == 0xBB));
}

/* A quotation mark that opens: " ' “ ‘ „ ‚ « or ,, at byte I. */
static int opening_mark_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)s[i];
	if (c == '"' || c == '\'' || (c == ',' && i + 1 < len && s[i + 1] == ','))
		return 1;
	if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
		unsigned char e = (unsigned char)s[i + 2];
		return e == 0x9C || e == 0x98 || e == 0x9E || e == 0x9A;
	}
	return c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xAB;
}

int doc_para_break(const char *s, size_t len, size_t nl)
{
	size_t k = nl + 1;
	while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
		k++;
	if (k >= len || s[k] == '\n')
		return 1;
	/* a list item may end in a quotation ("bijgenaamd 'de stille boer'"):
	 * a dash opens a turn only after a sentence's end */
	if ((dash_at(s, len, k) && line_ends_sentence(s, nl, 0)) ||
	    (opening_mark_at(s, len, k) && line_ends_sentence(s, nl, 1)))
		return 1;
	/* a turn opened by a dash ends with its line ("– Thuis.\nDe man
	 * zweeg.") */
	size_t b = nl;
	while (b > 0 && s[b - 1] != '\n')
		b--;
	while (b < nl && (s[b] == ' ' || s[b] == '\t'))
		b++;
	return dash_at(s, len, b) && line_ends_sentence(s, nl, 0);
}

/* The first byte of the next paragraph at or after FROM that opens with a
 * dash, or SIZE_MAX; remembered, so that the text is scanned once. */
size_t doc_next_dash_paragraph(struct doc *d, size_t from)
{
	if (d->next_dash != SIZE_MAX && d->next_dash >= from)
		return d->next_dash;
	if (d->dash_from > from && d->next_dash == SIZE_MAX)
		return SIZE_MAX;   /* scanned to the end already */
	const char *s = d->text;
	size_t len = d->len, i = from > d->dash_from ? from : d->dash_from;
	size_t found = SIZE_MAX;
	if (i == 0) {
		size_t k = 0;
		while (k < len && is_space((unsigned char)s[k]))
			k++;
		if (dash_at(s, len, k))
			found = k;
	}
	while (found == SIZE_MAX && i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		if (!nl)
			break;
		size_t k = (size_t)(nl - s) + 1;
		i = k;
		if (!doc_para_break(s, len, (size_t)(nl - s)))
			continue;   /* no paragraph ends here */
		while (k < len && is_space((unsigned char)s[k]))
			k++;
		if (dash_at(s, len, k))
			found = k;
		i = k;
	}
	d->next_dash = found;
	d->dash_from = found == SIZE_MAX ? len + 1 : found;
	return found;
}

/* Token T ends a clause: a quotation, . ! ? ; : */
int doc_clause_stop(const struct doc *d, size_t t)
{
	if (!doc_has(d, t))
		return 1;
	const struct qtoken *k = doc_tok(d, t);
	if (k->flags & TK_QUOTE)
		return 1;
	if (!(k->flags & TK_PUNCT))
		return 0;
	char c = d->text[k->start];
	return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

enum { SEPARABLE_REACH = 12 };

unsigned doc_clause_word(const struct doc *d, size_t t)
{
	/* every word of these classes is a function word: the others are
	 * turned away without a look-up */
	if (!doc_is(d, t, LX_FUNCTION))
		return 0;
	return (unsigned)doc_word_in(d, t, d->lx->clause_words);
}

/* Token T, a reporting verb's form, follows an article: a noun ("dreven de
 * spot met", "een vraag"). */
static int after_article(const struct doc *d, size_t t)
{
	return t > 0 && doc_has(d, t - 1) && doc_same_sentence(d, t - 1, t) &&
	       (doc_clause_word(d, t - 1) & CW_ARTICLE);
}

int doc_cue_verb(const struct doc *d, size_t t)
{
	if (!doc_is(d, t, LX_CUE | LX_CUE_SEP) || after_article(d, t))
		return 0;
	if (doc_is(d, t, LX_CUE))
		return 1;
	const struct qtoken *v = doc_tok(d, t);
	size_t fl = v->end - v->start;
	char pair[160];
	if (fl >= 64)
		return 0;
	wordclass_fold(d->text + v->start, fl, pair);
	pair[fl] = ' ';
	/* a fragment may stand between as the verb's object ("kondigde 'een
	 * doorbraak' aan"), not a colon or the sentence's end */
	for (size_t p = t + 1; p < doc_end(d) && p <= t + SEPARABLE_REACH && doc_same_sentence(d, t, p) &&
	                       (!doc_clause_stop(d, p) || (doc_tok(d, p)->flags & TK_QUOTE)); p++) {
		const struct qtoken *k = doc_tok(d, p);
		size_t pl = k->end - k->start;
		if (!(k->flags & TK_WORD) || fl + 1 + pl > sizeof pair)
			continue;
		wordclass_fold(d->text + k->start, pl, pair + fl + 1);
		if (wordclass_get(d->lx->wc, pair, fl + 1 + pl) & LX_CUE_PAIR)
			return 1;
	}
	return 0;
}

/* A reporting clause at token C of a dialogue paragraph ending before
 * token END: a reporting verb after a punctuation mark or a dash, with a
 * subject within three words (a pronoun, a capitalised word, an article),
 * ending at a punctuation mark or the paragraph's end within eight
 * tokens ("vroeg hij", "zeide nu Miss Morstan", "riep ik"). Returns the
 * clause's last token, or -1. */
static long reporting_clause(const struct doc *d, size_t c, size_t end)
{
	if (c == 0 || !doc_has(d, c - 1))
		return -1;
	const struct qtoken *p = doc_tok(d, c - 1);
	if (!(p->flags & (TK_PUNCT | TK_QUOTE)) || !doc_cue_verb(d, c))
		return -1;
	char pc = d->text[p->start];
	if (!(p->flags & TK_DASH) && !(p->flags & TK_QUOTE) && pc != ',' && pc != '?' && pc != '!' &&
	    pc != '.' && (unsigned char)pc != 0xE2)
		return -1;
	int subject = 0;
	for (size_t t = c + 1; t < end && t <= c + 8; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->flags & (TK_PUNCT | TK_QUOTE))
			return subject ? (long)t - 1 : -1;
		if (t <= c + 3 && ((k->pron & PR_SUBJ) || (k->flags & TK_CAP) || (k->lex & LX_DET)))
			subject = 1;
	}
	return subject && end <= c + 9 ? (long)end - 1 : -1;
}

/* Replace tokens [A, B] (B inclusive; quotations among them dropped) by one
 * quotation token over [OPEN, end of B]. Returns 0 or -1. */
static int make_dash_quote(struct doc *d, size_t a, size_t b, size_t open, int merged_into)
{
	const struct qtoken *ka = doc_tok(d, a), *kb = doc_tok(d, b);
	struct quote_span q = { open, ka->start, kb->end, kb->end, 0 };
	while (q.start < q.end && (dash_at(d->text, q.end, q.start) || is_space((unsigned char)d->text[q.start])))
		q.start += d->text[q.start] == '-' || is_space((unsigned char)d->text[q.start]) ? 1 : 3;
	if (q.start >= q.end)
		return 0;
	/* quotations inside go: they are the last ones pushed after index
	 * doc_tok(a) — find and remove them */
	size_t qfirst = d->q_base + d->nq;
	for (size_t t = a; t <= b; t++)
		if ((doc_tok(d, t)->flags & TK_QUOTE) && (size_t)doc_tok(d, t)->quote < qfirst)
			qfirst = (size_t)doc_tok(d, t)->quote;
	size_t ndrop = 0;
	for (size_t t = a; t <= b; t++)
		ndrop += (doc_tok(d, t)->flags & TK_QUOTE) != 0;
	/* quotations after B (none are, except in the clause) shift down */
	if (ndrop) {
		size_t qi = qfirst - d->q_base;
		memmove(&d->q[qi], &d->q[qi + ndrop], (d->nq - qi - ndrop) * sizeof *d->q);
		d->nq -= ndrop;
	} else {
		qfirst = d->q_base + d->nq;
		for (size_t t = b + 1; t < doc_end(d); t++)
			if (doc_tok(d, t)->flags & TK_QUOTE) {
				qfirst = (size_t)doc_tok(d, t)->quote;
				break;
			}
	}
	/* insert the new quotation at qfirst */
	if (grow_array((void **)&d->q, &d->qcap, d->nq + 1, sizeof *d->q) < 0)
		return -1;
	size_t qi = qfirst - d->q_base;
	memmove(&d->q[qi + 1], &d->q[qi], (d->nq - qi) * sizeof *d->q);
	d->nq++;
	d->q[qi] = (struct wquote){ .span = q, .dash = 1, .subject = -1, .person = -1,
	                            .vocative = -1, .merged_into = merged_into };
	/* tokens: A becomes the quotation, (A, B] go */
	struct qtoken *k = doc_tok(d, a);
	k->start = (uint32_t)open;
	k->end = (uint32_t)q.close_end;
	k->flags = TK_QUOTE | (k->flags & (TK_SENT | TK_PARA));
	k->lex = 0;
	k->pron = 0;
	k->quote = (int32_t)qfirst;
	size_t gone = b - a;
	memmove(doc_tok(d, a + 1), doc_tok(d, b + 1), (doc_end(d) - b - 1) * sizeof *d->tok);
	d->ntok -= gone;
	/* renumber the quotation of every token after A */
	size_t qn = qfirst + 1;
	for (size_t t = a + 1; t < doc_end(d); t++)
		if (doc_tok(d, t)->flags & TK_QUOTE)
			doc_tok(d, t)->quote = (int32_t)qn++;
	for (size_t i = qfirst - d->q_base; i < d->nq; i++) {
		d->q[i].tok = -1;
	}
	for (size_t t = a; t < doc_end(d); t++)
		if (doc_tok(d, t)->flags & TK_QUOTE)
			doc_quote(d, (size_t)doc_tok(d, t)->quote)->tok = (int32_t)t;
	return 0;
}

/* Token T is a full stop, a question or an exclamation mark. */
static int sentence_end(const struct doc *d, size_t t)
{
	return doc_punct(d, t, '.') || doc_punct(d, t, '?') || doc_punct(d, t, '!');
}

/* After the reporting clause [C, CE] of a dash turn has closed its
 * sentence, tokens [FROM, END) to the paragraph's end are still the
 * speaker's words ("– Dat weet ik niet, zei de agent. Maar ik zoek het
 * uit."), not the narrator's ("– Ja, zei hij. Hij stond op."): they hold
 * no quotation marks of their own, and address someone or speak of the
 * speaker (a second-person pronoun; a first-person one when the clause's
 * subject is not "ik" itself), or they end in a question or an
 * exclamation. */
static int speech_goes_on(const struct doc *d, size_t c, size_t ce, size_t from, size_t end)
{
	if (from >= end)
		return 0;
	int narrator = 0, first = 0, second = 0;
	for (size_t t = c + 1; t <= ce; t++)
		narrator |= (doc_tok(d, t)->pron & PR_FIRST) != 0;
	for (size_t t = from; t < end; t++) {
		const struct qtoken *k = doc_tok(d, t);
		if (k->flags & TK_QUOTE)
			return 0;
		first |= (k->pron & PR_FIRST) != 0;
		second |= (k->pron & PR_SECOND) != 0;
	}
	return second || (first && !narrator) || doc_punct(d, end - 1, '?') || doc_punct(d, end - 1, '!');
}

/* The speech segments of the dash turn [FIRST, END) (FIRST its dash), split
 * by reporting clauses, into SEG (at most 16); returns how many and sets
 * *CLAUSE when there was a reporting clause. */
static size_t turn_segments(const struct doc *d, size_t first, size_t end, size_t seg[16][2], int *clause)
{
	size_t nseg = 0, s0 = first + 1;
	for (size_t t = first + 2; t < end && nseg < 15; t++) {
		long ce = reporting_clause(d, t, end);
		if (ce < 0)
			continue;
		*clause = 1;
		seg[nseg][0] = s0;
		seg[nseg++][1] = t - 1;
		/* speech goes on after the clause's comma or dash, or after
		 * its full stop when what follows speaks */
		size_t n = (size_t)ce + 1;
		if (n < end && (doc_punct(d, n, ',') || (doc_tok(d, n)->flags & TK_DASH) ||
		                (sentence_end(d, n) && speech_goes_on(d, t, (size_t)ce, n + 1, end))))
			n++;
		else
			n = end;   /* the clause ends the speech */
		s0 = n;
		t = n;
	}
	if (s0 < end && nseg < 16) {
		seg[nseg][0] = s0;
		seg[nseg++][1] = end - 1;
	}
	return nseg;
}

/* Replace the segments SEG (NSEG) of the dash turn at token FIRST by
 * quotations, the first opening at the dash, the later ones continuing it.
 * Returns 0 or -1. */
static int make_turn(struct doc *d, size_t first, size_t seg[16][2], size_t nseg)
{
	size_t open0 = doc_tok(d, first)->start;
	/* from the last segment back, so that token indexes stay valid */
	for (size_t i = nseg; i-- > 0;) {
		size_t open = i == 0 ? open0 : doc_tok(d, seg[i][0])->start;
		size_t a = i == 0 ? first : seg[i][0];
		if (make_dash_quote(d, a, seg[i][1], open, i == 0 ? -1 : 0) < 0)
			return -1;
	}
	return 0;
}

/* The turns made of the paragraph from token FIRST: each turn is one
 * sentence, whose later quotations continue its first (a turn's first
 * quotation continues nothing). */
static void join_turns(struct doc *d, size_t first)
{
	int32_t head = -1;
	uint32_t sent = doc_tok(d, first)->sent;
	size_t from = first;
	for (size_t t = first; t < doc_end(d); t++) {
		struct qtoken *k = doc_tok(d, t);
		struct wquote *w = (k->flags & TK_QUOTE) ? doc_quote(d, (size_t)k->quote) : NULL;
		if (w && w->dash && w->merged_into < 0) {
			head = k->quote;
			if (t > first && (k->flags & TK_SENT)) {
				sent = k->sent;
				from = t;
			}
		} else if (w && w->dash) {
			w->merged_into = head;
		}
		k->sent = sent;
		k->sent_first = (uint32_t)from;
		if (t > from)
			k->flags &= ~(uint32_t)TK_SENT;
	}
}

enum { TURNS_MAX = 16 };

/* How many paragraphs of narration may stand between two turns of one
 * dash dialogue. A list's points follow one another, so a list after a
 * dialogue is still read as a list unless it comes this close. */
enum { DIALOGUE_GAP = 2 };

int doc_dash_dialogue(struct doc *d, size_t first)
{
	size_t end = doc_end(d);
	const struct qtoken *k0 = doc_tok(d, first);
	/* a paragraph whose dash opens quotation marks ("-- 'Titel' verveelt
	 * …": an item, a review) is quoted by its marks, not a turn */
	if (!(k0->flags & TK_DASH) || first + 1 >= end || (doc_tok(d, first + 1)->flags & TK_QUOTE))
		return 0;
	const char *ds = d->text + k0->start;
	size_t dn = k0->end - k0->start;
	/* "--", an em dash or a horizontal bar open dialogue by themselves; a
	 * single hyphen or an en dash (also list bullets) need more */
	int strong = (dn >= 2 && ds[0] == '-') ||
	             (dn >= 3 && (unsigned char)ds[2] >= 0x94 && (unsigned char)ds[2] <= 0x95);
	/* a hyphen or an en dash also opens the points of a list (after a
	 * colon, often): dialogue only with a reporting clause, a question or
	 * an exclamation, or when the scene is dialogue already: a turn at
	 * most DIALOGUE_GAP paragraphs back, the paragraphs between them
	 * narration (a beat: "De Backer bladerde in de map.") */
	int prev_dialogue = d->last_dash_para >= 0 &&
	                    (long)k0->para - d->last_dash_para <= DIALOGUE_GAP + 1;
	/* the turns: a dash after a sentence's end opens the next speaker's
	 * ("– Kom je mee? vroeg Jan. – Nee, zei Piet.") */
	size_t turn[TURNS_MAX + 1], nturn = 0;
	turn[nturn++] = first;
	for (size_t t = first + 2; t + 1 < end && nturn < TURNS_MAX; t++)
		if ((doc_tok(d, t)->flags & TK_DASH) && sentence_end(d, t - 1))
			turn[nturn++] = t;
	turn[nturn] = end;
	size_t seg[TURNS_MAX][16][2], nseg[TURNS_MAX];
	int clause = 0, asks = 0;
	for (size_t i = 0; i < nturn; i++) {
		nseg[i] = turn_segments(d, turn[i], turn[i + 1], seg[i], &clause);
		const struct qtoken *last = doc_tok(d, seg[i][nseg[i] - 1][1]);
		char lc = d->text[last->end - 1];
		asks |= lc == '?' || lc == '!';
	}
	if (!(strong || clause || prev_dialogue || asks))
		return 0;
	d->last_dash_para = (long)k0->para;
	/* from the last turn back, so that token indexes stay valid */
	for (size_t i = nturn; i-- > 0;)
		if (make_turn(d, turn[i], seg[i], nseg[i]) < 0)
			return -1;
	join_turns(d, first);
	return 0;
}
