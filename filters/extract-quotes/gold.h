/* gold.h — internal to extract-quotes' training (gold.c, train.c): the
 * gold quotations and the records they belong to, read from files, and
 * the rules that match a predicted quotation and a candidate person to
 * them (the rules of the dev scorers).
 */
#ifndef ZEEF_QUOTES_GOLD_H
#define ZEEF_QUOTES_GOLD_H

#include <stddef.h>
#include "doc.h"
#include "filter.h"

struct gold_quote {
	char *doc;
	long start, end;          /* code points, marks left out (after load) */
	char **speakers;          /* speaker, aliases, names */
	size_t nspeakers;
};

struct gold_doc {
	struct gold_quote *q;     /* this record's, by start */
	size_t n, at;             /* at: the next one to match */
	struct gold_quote *scare; /* its marks that quote no one, by start */
	size_t nscare, scare_at;
};

struct gold_set {
	struct gold_quote *q;
	size_t n, cap;
};

/* A record read for training, with its gold. */
struct sample {
	struct record rec;
	char *line;
	size_t len;
	struct gold_doc gold;
};

/* Add the gold quotations of file PATH (one JSON object a line) to GS.
 * Returns 0 or an exit code (a message said). */
int gold_load(struct gold_set *gs, const char *path);
/* Sort GS by record, then start, as gold_of_doc needs. */
void gold_sort(struct gold_set *gs);
/* The quotations of GS (sorted) of record ID: [*LO, returned). */
size_t gold_of_doc(const struct gold_set *gs, const char *id, size_t *lo);
void gold_free(struct gold_set *gs);
/* Leave quotation marks, dashes and spaces out of gold span [*S, *E) of
 * TEXT (code points). */
void gold_trim_marks(const char *text, size_t len, long *s, long *e);
/* Candidate X is the speaker of gold quotation G (by name, on whole
 * words, ignoring case; the narrator by "ik"). */
int gold_person_matches(const struct doc *d, const struct person *x, const struct gold_quote *g);
/* The quotation of Q (N, by start; *AT the first that may still match)
 * that predicted [S, E) (code points) is, or NULL. */
const struct gold_quote *gold_match_span(const struct gold_quote *q, size_t n, size_t *at,
                                         long s, long e);
/* Append the records of file PATH to *SV (*N of *CAP), leaving out those
 * whose id starts with one of EXCLUDE. Returns 0 or an exit code. */
int gold_load_records(struct sample **sv, size_t *n, size_t *cap, const char *path,
                      char *const *exclude, size_t nexclude);

#endif
