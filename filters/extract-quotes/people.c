/* people.c — the people a text names, describes or lets speak, and which
 * person each mention stands for (see doc.h): names linked by their last
 * word (a surname, or a first name alone to a full name before it),
 * descriptions by their head noun and role (pronouns are pronouns.c's);
 * salience with decay. People are found by the hash of a
 * word (a name's last word, a description's head) in one open-addressing
 * table, at most KEY_CHAIN of them compared, so each mention costs bounded
 * time.
 */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "grow.h"
#include "lang.h"
#include "wordclass.h"

enum { KEY_CHAIN = 8 };

static const uint32_t NOUN = LX_ROLE | LX_PERSON | LX_GROUP | LX_ORG;

/* The hash of token T's folded word. */
static uint64_t token_key(const struct doc *d, size_t t)
{
	char low[64];
	size_t n = doc_fold(d, t, low, sizeof low);
	return wordclass_hash(low, n);
}

/* Words of a byte span, split at spaces: up to MAX_NAME_WORDS. */
static size_t split_words(const char *s, size_t a, size_t b, size_t w[][2])
{
	size_t n = 0, i = a;
	while (i < b && n < MAX_NAME_WORDS) {
		while (i < b && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
			i++;
		size_t e = i;
		while (e < b && s[e] != ' ' && s[e] != '\n' && s[e] != '\t')
			e++;
		if (e > i) {
			w[n][0] = i;
			w[n++][1] = e;
		}
		i = e;
	}
	return n;
}

static int same_word(const char *s, const size_t x[2], const size_t y[2])
{
	size_t n = x[1] - x[0];
	if (n != y[1] - y[0] || n > 64)
		return 0;
	char a[64], b[64];
	wordclass_fold(s + x[0], n, a);
	wordclass_fold(s + y[0], n, b);
	return memcmp(a, b, n) == 0;
}

/* An initial ("K.") and a word starting with its letter. */
static int initial_of(const char *s, const size_t x[2], const size_t y[2])
{
	return x[1] - x[0] == 2 && s[x[0] + 1] == '.' && y[1] - y[0] > 2 && s[x[0]] == s[y[0]];
}

/* X is the first part of the hyphenated given names Y ("Charles" of
 * "Charles-François-Bienvenu"). */
static int first_part_of(const char *s, const size_t x[2], const size_t y[2])
{
	size_t n = x[1] - x[0];
	if (n < 2 || y[1] - y[0] <= n || s[y[0] + n] != '-')
		return 0;
	size_t z[2] = { y[0], y[0] + n };
	return same_word(s, x, z);
}

/* One of the names [A0, A1) and [B0, B1) ends with all the words of the
 * other, or both have the same surname and given names that fit: initials
 * ("K. de Wit" and "Karin de Wit"), or the first of hyphenated ones
 * ("Charles Myriel" and "Charles-François-Bienvenu Myriel"). */
static int names_match(const char *s, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t wa[MAX_NAME_WORDS][2], wb[MAX_NAME_WORDS][2];
	size_t na = split_words(s, a0, a1, wa), nb = split_words(s, b0, b1, wb);
	if (!na || !nb)
		return 0;
	size_t n = na < nb ? na : nb, i = 0;
	while (i < n && same_word(s, wa[na - 1 - i], wb[nb - 1 - i]))
		i++;
	if (i == n)
		return 1;
	if (i == 0 || na != nb)
		return 0;
	for (size_t k = 0; k < na - i; k++)
		if (!same_word(s, wa[k], wb[k]) && !initial_of(s, wa[k], wb[k]) && !initial_of(s, wb[k], wa[k]) &&
		    !first_part_of(s, wa[k], wb[k]) && !first_part_of(s, wb[k], wa[k]))
			return 0;
	return 1;
}

static int grow_keys(struct doc *d)
{
	size_t cap = d->keycap ? d->keycap * 2 : 1024;
	uint64_t *ko = calloc(cap, sizeof *ko);
	int32_t *kh = malloc(cap * sizeof *kh);
	if (!ko || !kh) {
		free(ko);
		free(kh);
		return -1;
	}
	for (size_t i = 0; i < d->keycap; i++) {
		if (!d->key_of[i])
			continue;
		size_t j = (size_t)d->key_of[i] & (cap - 1);
		while (ko[j])
			j = (j + 1) & (cap - 1);
		ko[j] = d->key_of[i];
		kh[j] = d->key_head[i];
	}
	free(d->key_of);
	free(d->key_head);
	d->key_of = ko;
	d->key_head = kh;
	d->keycap = cap;
	return 0;
}

/* The map slot of KEY (kinds are told apart by the key's hash). */
static int32_t *key_slot(struct doc *d, uint64_t key, int make)
{
	if (make && 2 * (d->nkeys + 1) > d->keycap && grow_keys(d) < 0)
		return NULL;
	if (!d->keycap)
		return NULL;
	size_t mask = d->keycap - 1;
	for (size_t i = (size_t)key & mask;; i = (i + 1) & mask) {
		if (d->key_of[i] == key)
			return &d->key_head[i];
		if (!d->key_of[i]) {
			if (!make)
				return NULL;
			d->key_of[i] = key;
			d->key_head[i] = -1;
			d->nkeys++;
			return &d->key_head[i];
		}
	}
}

static int32_t new_person(struct doc *d, enum person_kind kind, uint64_t key)
{
	if (grow_array((void **)&d->per, &d->percap, d->nper + 1, sizeof *d->per) < 0)
		return -2;
	int32_t p = (int32_t)d->nper++;
	d->per[p] = (struct person){ .kind = kind, .key = key, .next_same_key = -1,
	                             .last_mention = -1, .last_subject_sent = -1,
	                             .last_quote = -1, .newer = -1, .older = -1 };
	if (key) {
		int32_t *head = key_slot(d, key, 1);
		if (!head)
			return -2;
		d->per[p].next_same_key = *head;
		*head = p;
	}
	return p;
}

enum { SALIENCE_DECAY_PERCENT = 85 };

float doc_salience(const struct doc *d, int32_t p, uint32_t sent)
{
	/* DECAY^k for k < 64, and nothing worth counting after that */
	static float decay[64];
	if (!decay[0]) {
		decay[0] = 1;
		for (int k = 1; k < 64; k++)
			decay[k] = decay[k - 1] * (SALIENCE_DECAY_PERCENT / 100.0f);
	}
	const struct person *x = &d->per[p];
	uint32_t k = sent > x->salience_sent ? sent - x->salience_sent : 0;
	return k < 64 ? x->salience * decay[k] : 0;
}

void doc_unlink_person(struct doc *d, int32_t p)
{
	struct person *x = &d->per[p];
	if (x->newer >= 0)
		d->per[x->newer].older = x->older;
	else if (d->newest == p)
		d->newest = x->older;
	if (x->older >= 0)
		d->per[x->older].newer = x->newer;
	x->newer = x->older = -1;
}

void doc_touch(struct doc *d, int32_t p, size_t m)
{
	struct person *x = &d->per[p];
	const struct mention *mm = doc_men(d, m);
	const struct qtoken *a = doc_tok(d, (size_t)mm->first), *b = doc_tok(d, (size_t)mm->last);
	x->salience = doc_salience(d, p, a->sent) + (mm->subject ? 2.0f : 1.0f);
	x->salience_sent = a->sent;
	if (mm->place && x->places < 60000)
		x->places++;
	x->count++;
	x->last_mention = (int32_t)m;
	x->last_start = a->start;
	x->last_end = b->end;
	x->last_start_cp = a->cp;
	x->last_end_cp = doc_cp_of(d, (size_t)mm->last, b->end);
	x->last_sent = a->sent;
	x->last_para = a->para;
	if (mm->type == M_DESCRIPTION)
		x->described = (struct xspan){ a->start, b->end, a->cp, x->last_end_cp };
	if (mm->subject || mm->agent) {
		x->last_subject_sent = (int32_t)a->sent;
		if (x->subjects < 60000)
			x->subjects++;
	}
	if (mm->type != M_PRONOUN && mm->gender && !x->lex_gender)
		x->lex_gender = mm->gender;
	else if (mm->type == M_PRONOUN && mm->gender == GENDER_MALE && x->pron_male < 60000)
		x->pron_male++;
	else if (mm->type == M_PRONOUN && mm->gender == GENDER_FEMALE && x->pron_female < 60000)
		x->pron_female++;
	if (d->newest == p)
		return;
	/* unlink, then put in front */
	doc_unlink_person(d, p);
	x->older = d->newest;
	if (d->newest >= 0)
		d->per[d->newest].newer = p;
	d->newest = p;
}

/* The key of a noun for descriptions and roles: the longest listed noun
 * it ends in ("NAVO-chef": chef), apart from names' keys. */
static uint64_t noun_key(const struct doc *d, size_t t, uint64_t kind)
{
	char low[64];
	size_t n = doc_fold(d, t, low, sizeof low);
	size_t e = doc_noun_ending(d, t, low, n);
	if (!e)
		e = n;
	return wordclass_hash(low + n - e, e) ^ kind;
}

static const uint64_t KEY_DESCRIPTION = 0x5bd1e9955bd1e995ULL, KEY_ROLE = 0x27d4eb2f165667c5ULL,
                      KEY_FIRST = 0x9e3779b97f4a7c15ULL;

int32_t *doc_key_slot(struct doc *d, uint64_t key, int make)
{
	return key_slot(d, key, make);
}

uint64_t doc_noun_key(const struct doc *d, size_t t, int role)
{
	return noun_key(d, t, role ? KEY_ROLE : KEY_DESCRIPTION);
}

/* The key of the first name of a name of two or more words that starts at
 * token T ("Kees" of "Kees de Boer"), or 0 when it starts with an initial,
 * a particle or a title. */
static uint64_t first_name_key(const struct doc *d, size_t t)
{
	if ((doc_tok(d, t)->flags & TK_INITIAL) || doc_is(d, t, LX_PARTICLE | LX_TITLE))
		return 0;
	uint64_t k = token_key(d, t) ^ KEY_FIRST;
	return k ? k : 1;
}

/* The person named most recently with the role noun whose key is KEY. */
static int32_t role_person(struct doc *d, uint64_t key)
{
	int32_t *slot = key_slot(d, key, 0);
	return slot ? *slot : -1;
}

/* A definite description met for the first time right after a named
 * person was the subject ("Schaatser Kjeld Nuis won de 1500 meter. ...,
 * zei de 30-jarige Fries"): that person, when the description's gender
 * does not say otherwise; -1 when it names someone new, and always for a
 * description by whom the person belongs to ("zei zijn zus": the subject
 * before is whose sister she is). */
static int32_t refers_back(const struct doc *d, const struct mention *m)
{
	if (doc_is(d, (size_t)m->first, LX_POSSESSIVE))
		return -1;
	uint32_t sent = doc_tok(d, (size_t)m->first)->sent;
	uint64_t role = 0;   /* the key of its noun as a role, read when first asked */
	int seen = 0;
	for (int32_t c = d->newest; c >= 0 && seen < 3; c = d->per[c].older, seen++) {
		const struct person *x = &d->per[c];
		if (x->kind != P_NAMED || !x->evidence || x->places || x->last_subject_sent < 0 ||
		    (long)x->last_subject_sent + 1 < (long)sent)
			continue;
		int g = doc_gender(x);
		if (m->gender && g && m->gender != g)
			continue;
		/* "de bisschop" is not "de directeur" */
		if (x->role_noun && doc_is(d, (size_t)m->last, LX_ROLE)) {
			if (!role)
				role = noun_key(d, (size_t)m->last, KEY_ROLE);
			if (role != x->role_noun)
				continue;
		}
		return c;
	}
	return -1;
}

/* A person met for the first time by a full name (P: "Marieke de Jong")
 * whose first name was seeded alone as one of the names the text uses
 * most (prepass.c: "Marieke", from the same place or a later "zei
 * Marieke") and never mentioned since: the seed is that person, so P
 * takes its place among the prominent and the seed leaves the table of
 * its key, and a later "Marieke" alone finds P by its first name. A seed
 * already mentioned keeps its mentions and stays. */
static void take_over_seed(struct doc *d, uint64_t first_key, int32_t p)
{
	int32_t *link = key_slot(d, first_key, 0);
	for (int tried = 0; link && *link >= 0 && tried < KEY_CHAIN; tried++) {
		struct person *s = &d->per[*link];
		if (s->kind == P_NAMED && s->prominence && !s->count && s->name_words == 1 &&
		    s->key == first_key) {
			int32_t seed = *link;
			*link = s->next_same_key;
			s->next_same_key = -1;
			d->per[p].prominence = s->prominence;
			s->prominence = 0;
			for (int k = 0; k < PROMINENT; k++)
				if (d->prominent[k] == seed)
					d->prominent[k] = p;
			return;
		}
		link = &s->next_same_key;
	}
}

int32_t doc_person_of(struct doc *d, size_t mi)
{
	struct mention *m = doc_men(d, mi);
	int32_t p = -1;
	if (m->type == M_NAME) {
		const struct qtoken *a = doc_tok(d, (size_t)m->first), *b = doc_tok(d, (size_t)m->last);
		uint64_t key = token_key(d, (size_t)m->last);
		int32_t *head = key_slot(d, key, 0);
		int tried = 0;
		for (int32_t c = head ? *head : -1; c >= 0 && tried < KEY_CHAIN; c = d->per[c].next_same_key, tried++) {
			const struct person *x = &d->per[c];
			/* "Kapitein Morstan" is not "Miss Morstan": a title or a
			 * first name of the other sex names another person */
			if (x->kind == P_NAMED && !(m->gender && x->lex_gender && m->gender != x->lex_gender) &&
			    names_match(d->text, a->start, b->end, x->name_start, x->name_end)) {
				p = c;
				break;
			}
		}
		int surname = p >= 0 && d->per[p].name_words > 1;
		/* a first name alone is the person named with it in full
		 * before ("Kees de Boer ... vroeg Kees") */
		uint64_t fk = first_name_key(d, (size_t)m->first);
		if (p < 0 && m->first == m->last && fk) {
			int32_t *slot = key_slot(d, fk, 0);
			if (slot && *slot >= 0 && d->per[*slot].kind == P_NAMED)
				p = *slot;
		}
		uint16_t words = (uint16_t)(m->last - m->first + 1);
		if (p < 0) {
			if ((p = new_person(d, P_NAMED, key)) < 0)
				return -2;
			if (words >= 2 && fk)
				take_over_seed(d, token_key(d, (size_t)m->first), p);
		}
		struct person *x = &d->per[p];
		/* a listed first name alone ("Eva", "vroeg Thijs") says its
		 * person's sex, unless it is the surname of someone named in
		 * full ("zei Thomas" for Anna Thomas) */
		if (words == 1 && !m->gender && !surname && !x->name_gender) {
			int f = doc_is(d, (size_t)m->first, LX_FEMALE), ma = doc_is(d, (size_t)m->first, LX_MALE);
			if (f != ma)
				x->name_gender = f ? GENDER_FEMALE : GENDER_MALE;
		}
		if (words >= 2 && fk) {
			int32_t *slot = key_slot(d, fk, 1);
			if (!slot)
				return -2;
			*slot = p;
		}
		int initials = (a->flags & TK_INITIAL) != 0;
		if (words > x->name_words || (words == x->name_words && x->name_initials && !initials)) {
			x->name_start = a->start;
			x->name_end = b->end;
			x->name_words = words;
			x->name_initials = (uint8_t)initials;
		}
		if (m->role || words >= 2 || m->from_entity)
			x->evidence = 1;
		/* "minister Bos": a later "de minister" is Bos */
		if (m->role && m->first > 0 && doc_has(d, (size_t)m->first - 1) &&
		    doc_is(d, (size_t)m->first - 1, NOUN)) {
			int32_t *slot = key_slot(d, noun_key(d, (size_t)m->first - 1, KEY_ROLE), 1);
			if (!slot)
				return -2;
			*slot = p;
		}
		if (a->flags & TK_ALLCAPS)
			x->kind = P_NAMED;
		if (doc_name_predicates(d, p, m) < 0)
			return -2;
	} else if (m->type == M_DESCRIPTION) {
		uint64_t key = noun_key(d, (size_t)m->last, KEY_DESCRIPTION);
		/* "Myriel, de bisschop van Digne,": Myriel */
		if ((p = doc_apposition_of(d, m)) >= 0 && doc_link_noun(d, p, (size_t)m->last) < 0)
			return -2;
		if (p < 0 && m->definite && !m->plural) {
			/* the same description before names the same one; a role
			 * names the person named with it ("de Amerikaanse
			 * president" after "President Biden"), the newer of the
			 * two */
			int32_t *head = key_slot(d, key, 0);
			int32_t r = role_person(d, noun_key(d, (size_t)m->last, KEY_ROLE));
			if (head && *head >= 0)
				p = *head;
			if (r >= 0 && (p < 0 || d->per[r].last_sent >= d->per[p].last_sent))
				p = r;
		}
		/* not a spokesperson ("de NS-woordvoerder" speaks for a body,
		 * not for the person named before) nor a group or an object */
		if (p < 0 && m->definite && !m->plural && !m->body && m->subject &&
		    !doc_is(d, (size_t)m->last, LX_ORG | LX_GROUP))
			p = refers_back(d, m);
		if (p < 0 && !m->definite && !m->plural && !m->body && (p = doc_predicate_of(d, m)) >= 0) {
			/* and "de jonge dame" later is the same person */
			int32_t *slot = key_slot(d, key, 1);
			if (!slot)
				return -2;
			*slot = p;
		}
		if (p < 0) {
			p = new_person(d, m->body ? P_BODY : P_DESCRIBED, key);
			if (p < 0)
				return -2;
			d->per[p].plural = m->plural;
			d->per[p].evidence = 1;
			/* a described person's "name" is its description (never
			 * written as a name: see attribution.c) */
			d->per[p].name_start = doc_tok(d, (size_t)m->first)->start;
			d->per[p].name_end = doc_tok(d, (size_t)m->last)->end;
			/* a body named by its capitalised word after the
			 * article ("het Hof", "De Süddeutsche"): that word */
			if (m->body && m->last == m->first + 1 && (doc_tok(d, (size_t)m->last)->flags & TK_CAP))
				d->per[p].name_start = doc_tok(d, (size_t)m->last)->start;
		}
		if (d->per[p].kind == P_NAMED && doc_is(d, (size_t)m->last, LX_ROLE))
			d->per[p].role_noun = noun_key(d, (size_t)m->last, KEY_ROLE);
		if (doc_is(d, (size_t)m->last, LX_PERSON | LX_ROLE))
			d->per[p].person_noun = 1;
	} else {
		return -1;
	}
	m->person = p;
	doc_touch(d, p, mi);
	return p;
}

int32_t doc_seed_person(struct doc *d, size_t a, size_t b)
{
	char low[64];
	if (b - a > sizeof low || b == a)
		return -1;
	wordclass_fold(d->text + a, b - a, low);
	int32_t p = new_person(d, P_NAMED, wordclass_hash(low, b - a));
	if (p < 0)
		return -2;
	d->per[p].name_start = (uint32_t)a;
	d->per[p].name_end = (uint32_t)b;
	d->per[p].name_words = 1;
	return p;
}

int32_t doc_person_by_key(struct doc *d, uint64_t key)
{
	int32_t *head = key_slot(d, key, 0);
	int tried = 0;
	for (int32_t c = head ? *head : -1; c >= 0 && tried < KEY_CHAIN; c = d->per[c].next_same_key, tried++)
		if (d->per[c].kind == P_NAMED)
			return c;
	/* "Anna" for Anna de Vries */
	int32_t *slot = key_slot(d, key ^ KEY_FIRST, 0);
	return slot && *slot >= 0 && d->per[*slot].kind == P_NAMED ? *slot : -1;
}

int32_t doc_narrator(struct doc *d)
{
	if (d->narrator < 0) {
		d->narrator = new_person(d, P_NARRATOR, 0);
		if (d->narrator < 0)
			return -2;
		d->per[d->narrator].evidence = 1;
	}
	return d->narrator;
}
