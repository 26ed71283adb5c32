/* gold.c — the gold of extract-quotes' training: reading gold quotations
 * and records from files, and matching predictions to them.
 *
 * Gold lines (JSON, one quotation a line) hold "doc" (the record's "id"),
 * "start" and "end" (code points into its text; quotation marks at either
 * end are left out, so both the news gold, which leaves them out, and the
 * OpenBoek gold, which keeps them, work), and the speaker: "speaker" and,
 * when present, "aliases" and "names" (other ways the text refers to them).
 * A predicted quotation is the gold one when they overlap by 60% of the
 * longer; a candidate person is right when its name (or description, or
 * "ik" for the narrator) contains or is contained in one of those strings,
 * on whole words, ignoring case. These are the rules the dev scorers use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gold.h"
#include "grow.h"
#include "utf8.h"
#include "wordclass.h"

/* --- gold quotations --------------------------------------------------------- */

static char *dup_str(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}

static int add_speaker(struct gold_quote *g, zjson *v)
{
	size_t n;
	const char *s = zj_str(v, &n);
	if (!s || !n)
		return 0;
	char **sp = realloc(g->speakers, (g->nspeakers + 1) * sizeof *sp);
	if (!sp)
		return -1;
	g->speakers = sp;
	if (!(sp[g->nspeakers] = dup_str(s, n)))
		return -1;
	g->nspeakers++;
	return 0;
}

static int by_doc_start(const void *a, const void *b)
{
	const struct gold_quote *x = a, *y = b;
	int c = strcmp(x->doc, y->doc);
	return c ? c : x->start < y->start ? -1 : x->start > y->start;
}


/* Call FN(LINE, LEN, NO, CTX) for each non-blank line of file PATH (its
 * end of line left out; NO counts from 1) until FN returns an exit code.
 * Returns that code, 0, or EXIT_NOINPUT when PATH cannot be opened. */
static int each_line(const char *path, int (*fn)(char *, size_t, long, void *), void *ctx)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "extract-quotes: %s: cannot open\n", path);
		return EXIT_NOINPUT;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long no = 0;
	int rc = 0;
	while (rc == 0 && (len = getline(&line, &cap, f)) > 0) {
		no++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len > 0)
			rc = fn(line, (size_t)len, no, ctx);
	}
	free(line);
	fclose(f);
	return rc;
}

struct gold_load {
	struct gold_set *gs;
	const char *path;
};

static int gold_line(char *line, size_t len, long no, void *ctx)
{
	struct gold_load *gl = ctx;
	struct gold_set *gs = gl->gs;
	const char *path = gl->path;
	int rc = 0;
	zjson *o = zj_parse(line, len);
	int ok1 = 0, ok2 = 0;
	size_t dl;
	const char *doc = o ? zj_str(zj_get(o, "doc"), &dl) : NULL;
	int64_t s = zj_intval(zj_get(o, "start"), &ok1), e = zj_intval(zj_get(o, "end"), &ok2);
	if (!doc || !ok1 || !ok2 || s < 0 || e < s) {
		fprintf(stderr, "extract-quotes: %s:%ld: a gold quotation needs \"doc\", "
		        "\"start\" <= \"end\"\n", path, no);
		rc = EXIT_DATAERR;
	} else if (grow_array((void **)&gs->q, &gs->cap, gs->n + 1, sizeof *gs->q) < 0) {
		rc = EXIT_SOFTWARE;
	} else {
		struct gold_quote *g = &gs->q[gs->n++];
		*g = (struct gold_quote){ dup_str(doc, dl), (long)s, (long)e, NULL, 0 };
		zjson *al = zj_get(o, "aliases"), *nm = zj_get(o, "names");
		if (!g->doc || add_speaker(g, zj_get(o, "speaker")) < 0)
			rc = EXIT_SOFTWARE;
		for (size_t i = 0; rc == 0 && i < zj_len(al); i++)
			if (add_speaker(g, zj_at(al, i)) < 0)
				rc = EXIT_SOFTWARE;
		for (size_t i = 0; rc == 0 && i < zj_len(nm); i++)
			if (add_speaker(g, zj_at(nm, i)) < 0)
				rc = EXIT_SOFTWARE;
	}
	zj_free(o);
	return rc;
}

int gold_load(struct gold_set *gs, const char *path)
{
	struct gold_load gl = { gs, path };
	return each_line(path, gold_line, &gl);
}

/* The quotations of GS (sorted by doc) of record ID: [*LO, returned). */
size_t gold_of_doc(const struct gold_set *gs, const char *id, size_t *lo)
{
	size_t a = 0, b = gs->n;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (strcmp(gs->q[mid].doc, id) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	size_t e = a;
	while (e < gs->n && !strcmp(gs->q[e].doc, id))
		e++;
	*lo = a;
	return e;
}

void gold_free(struct gold_set *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		free(gs->q[i].doc);
		for (size_t k = 0; k < gs->q[i].nspeakers; k++)
			free(gs->q[i].speakers[k]);
		free(gs->q[i].speakers);
	}
	free(gs->q);
}

/* Leave quotation marks, dashes and spaces out of gold span [*S, *E) of
 * TEXT (code points). */
void gold_trim_marks(const char *text, size_t len, long *s, long *e)
{
	static const char *const marks[] = { "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
	                                     "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
	                                     "-", "\xE2\x80\x93", "\xE2\x80\x94", " ", "\n", "," };
	size_t bs = utf8_byte_offset(text, len, (size_t)*s), be = utf8_byte_offset(text, len, (size_t)*e);
	for (int changed = 1; changed && bs < be;) {
		changed = 0;
		for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
			size_t ml = strlen(marks[i]);
			if (i == sizeof marks / sizeof marks[0] - 1)
				break;   /* a comma only at the end */
			if (be - bs >= ml && memcmp(text + bs, marks[i], ml) == 0) {
				bs += ml, ++*s, changed = 1;
			}
			if (be - bs >= ml && memcmp(text + be - ml, marks[i], ml) == 0) {
				be -= ml, --*e, changed = 1;
			}
		}
	}
}

/* --- matching ------------------------------------------------------------------ */

/* Folded words of S (N bytes) into W (each a start and a length in BUF). */
static size_t fold_words(const char *s, size_t n, char *buf, size_t w[][2], size_t max)
{
	size_t nw = 0, i = 0;
	if (n > 255)
		n = 255;
	wordclass_fold(s, n, buf);
	while (i < n && nw < max) {
		while (i < n && !((unsigned char)buf[i] >= 0x80 || (buf[i] >= 'a' && buf[i] <= 'z') ||
		                  (buf[i] >= '0' && buf[i] <= '9')))
			i++;
		size_t b = i;
		while (i < n && ((unsigned char)buf[i] >= 0x80 || (buf[i] >= 'a' && buf[i] <= 'z') ||
		                 (buf[i] >= '0' && buf[i] <= '9')))
			i++;
		if (i > b) {
			w[nw][0] = b;
			w[nw++][1] = i - b;
		}
	}
	return nw;
}

/* The words of A contain those of B in a row, or the other way round. */
static int words_match(const char *a, size_t an, const char *b, size_t bn)
{
	char ba[256], bb[256];
	size_t wa[32][2], wb[32][2];
	size_t na = fold_words(a, an, ba, wa, 32), nb = fold_words(b, bn, bb, wb, 32);
	if (!na || !nb)
		return 0;
	if (na < nb)
		return words_match(b, bn, a, an);
	for (size_t i = 0; i + nb <= na; i++) {
		size_t k = 0;
		while (k < nb && wa[i + k][1] == wb[k][1] && memcmp(ba + wa[i + k][0], bb + wb[k][0], wb[k][1]) == 0)
			k++;
		if (k == nb)
			return 1;
	}
	return 0;
}

/* The gold speaker S names the narrator: one of its words is the
 * first-person singular subject pronoun of speakers-pronouns.txt ("ik"). */
static int names_narrator(const struct doc *d, const char *s)
{
	char buf[256];
	size_t w[32][2], nw = fold_words(s, strlen(s), buf, w, 32);
	for (size_t i = 0; i < nw; i++) {
		unsigned long pr = (unsigned long)wordclass_get(d->lx->pron, buf + w[i][0], w[i][1]);
		if ((pr & PR_FIRST) && (pr & PR_SUBJ) && (pr & PR_SINGULAR))
			return 1;
	}
	return 0;
}

int gold_person_matches(const struct doc *d, const struct person *x, const struct gold_quote *g)
{
	size_t n = x->name_end - x->name_start;
	for (size_t i = 0; i < g->nspeakers; i++)
		if (x->kind == P_NARRATOR ? names_narrator(d, g->speakers[i])
		                          : n && words_match(d->text + x->name_start, n, g->speakers[i],
		                                             strlen(g->speakers[i])))
			return 1;
	return 0;
}

/* The quotation of Q (N, by start; *AT the first that may still match)
 * that predicted [S, E) (code points) is, or NULL. */
const struct gold_quote *gold_match_span(const struct gold_quote *q, size_t n, size_t *at,
                                         long s, long e)
{
	while (*at < n && q[*at].end <= s)
		++*at;
	for (size_t i = *at; i < n && q[i].start < e; i++) {
		long o = (e < q[i].end ? e : q[i].end) - (s > q[i].start ? s : q[i].start);
		long longer = e - s > q[i].end - q[i].start ? e - s : q[i].end - q[i].start;
		if (o > 0 && 10 * o >= 6 * longer)
			return &q[i];
	}
	return NULL;
}

/* --- records -------------------------------------------------------------------- */

struct record_load {
	struct sample **sv;
	size_t *n, *cap;
	const char *path;
	char *const *exclude;
	size_t nexclude;
};

static int record_line(char *line, size_t len, long no, void *ctx)
{
	struct record_load *rl = ctx;
	/* the record reads its fields from the line: each keeps its own */
	struct sample s = { .rec = { .file = rl->path, .line = no }, .line = dup_str(line, len),
	                    .len = len };
	if (!s.line)
		return EXIT_SOFTWARE;
	int rc = 0, skip = 0;
	if (!utf8_valid(s.line, s.len) || record_parse(&s.rec, s.line, s.len) != 0 ||
	    !record_text(&s.rec, NULL) || !record_id(&s.rec)) {
		fprintf(stderr, "extract-quotes: %s:%ld: not a record with \"id\" and \"text\"\n",
		        rl->path, no);
		rc = EXIT_DATAERR;
	} else {
		for (size_t i = 0; i < rl->nexclude; i++)
			skip |= strncmp(record_id(&s.rec), rl->exclude[i], strlen(rl->exclude[i])) == 0;
		if (!skip && grow_array((void **)rl->sv, rl->cap, *rl->n + 1, sizeof **rl->sv) < 0)
			rc = EXIT_SOFTWARE;
	}
	if (rc || skip) {
		record_clear(&s.rec);
		free(s.line);
		return rc;
	}
	(*rl->sv)[(*rl->n)++] = s;
	return 0;
}

int gold_load_records(struct sample **sv, size_t *n, size_t *cap, const char *path,
                      char *const *exclude, size_t nexclude)
{
	struct record_load rl = { sv, n, cap, path, exclude, nexclude };
	return each_line(path, record_line, &rl);
}

void gold_sort(struct gold_set *gs)
{
	if (gs->n)
		qsort(gs->q, gs->n, sizeof *gs->q, by_doc_start);
}
