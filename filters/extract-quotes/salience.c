/* salience.c — see salience.h. Whom a mention stands for (a pronoun or a
 * definite description resolved to an earlier mention), and whom a stretch
 * of text is about: the two questions behind every quotation whose speaker
 * is not named beside it.
 */
#include "salience.h"
#include <string.h>

/* The mention the text is about just before mention FROM (inclusive): in
 * the nearest sentence that has subject-like mentions of people, the first
 * of them (the subject of its main clause, usually); people are mentions
 * that are not bare names, or names with evidence of being people. Within
 * MAX_BACK sentences of SENT and, when PARA >= 0, within that paragraph;
 * failing that, the nearest mention of a person in any position, then the
 * nearest subject-like name of anything. Returns a mention index or -1. */
int salience_before(struct doc *d, const int *quote_person, int from, int sent, int max_back,
                    int para)
{
	int best = -1, best_sent = -1, fallback = -1, weak = -1;
	for (int j = from; j >= 0; j--) {
		struct mention *c = &d->men[j];
		int s = d->tok[c->first].sent;
		if (sent - s > max_back || (para >= 0 && d->tok[c->first].para != para))
			break;
		if (best >= 0 && s != best_sent)
			return best;
		int p = salience_person(d, quote_person, j);
		if (p < 0)
			continue;
		int person_like = c->type != M_NAME || d->per[p].evidence;
		if (!person_like) {
			if (weak < 0 && c->subject)
				weak = j;
			continue;
		}
		if (c->subject && !c->object_pronoun) {
			best = j;
			best_sent = s;
		} else if (fallback < 0) {
			fallback = j;
		}
	}
	return best >= 0 ? best : fallback >= 0 ? fallback : weak;
}

/* Across a paragraph break the nearest subject is a weak guide: a reader
 * takes the person the article is about. When mention M lies in an earlier
 * paragraph than HERE_PARA, a person named more often in the document
 * and mentioned in the same window wins. */
int salience_topic(struct doc *d, const int *quote_person, int m, int from, int sent,
                   int max_back, int here_para)
{
	if (m < 0 || d->tok[d->men[m].first].para == here_para)
		return m;
	int pm = salience_person(d, quote_person, m), best = m;
	int best_count = pm >= 0 ? d->per[pm].count : 0;
	for (int j = from; j >= 0; j--) {
		struct mention *c = &d->men[j];
		if (sent - d->tok[c->first].sent > max_back)
			break;
		int p = salience_person(d, quote_person, j);
		if (p < 0 || c->object_pronoun || (c->type == M_NAME && !d->per[p].evidence))
			continue;
		if (d->per[p].count > best_count) {
			best = j;
			best_count = d->per[p].count;
		}
	}
	return best;
}

/* The person a pronoun or a definite description right after mention FROM
 * stands for: the salient mention before it, as above, within 6 sentences. */
static int resolve_back(struct doc *d, const int *quote_person, int from, int sent)
{
	int here = from + 1 < (int)d->nmen ? d->tok[d->men[from + 1].first].para : -1;
	int m = salience_before(d, quote_person, from, sent, 6, -1);
	m = salience_topic(d, quote_person, m, from, sent, 6, here);
	return m >= 0 ? salience_person(d, quote_person, m) : -1;
}

static int roles_match(const struct doc *d, size_t a, size_t b)
{
	char x[64], y[64];
	size_t nx = quotes_tok_lower(d, &d->tok[a], x, sizeof x), ny = quotes_tok_lower(d, &d->tok[b], y, sizeof y);
	if (!nx || !ny)
		return 0;
	if (nx >= ny)
		return memcmp(x + nx - ny, y, ny) == 0;
	return memcmp(y + ny - nx, x, nx) == 0;
}

int salience_person(struct doc *d, const int *quote_person, int m)
{
	struct mention *x = &d->men[m];
	if (x->type == M_QUOTE)
		return quote_person[x->quote];
	if (x->resolved)
		return x->person;
	x->resolved = 1;
	if (x->type == M_PRONOUN) {
		x->person = resolve_back(d, quote_person, m - 1, d->tok[x->first].sent);
	} else if (x->type == M_DESCRIPTION) {
		/* "de Amerikaanse president": the last person named with that
		 * role; "een raadslid" is someone new. */
		for (int j = m - 1; j >= 0 && x->definite; j--)
			if (d->men[j].type == M_NAME && d->men[j].role >= 0 &&
			    roles_match(d, (size_t)d->men[j].role, (size_t)x->last)) {
				x->person = d->men[j].person;
				break;
			}
		/* "de rijder": someone named before, like a pronoun. */
		if (x->person < 0 && x->definite && !x->body)
			x->person = resolve_back(d, quote_person, m - 1, d->tok[x->first].sent);
	}
	return x->person;
}
