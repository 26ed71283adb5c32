/* extract.c — see extract.h. */
#include <stdlib.h>
#include <string.h>
#include "attribution.h"
#include "extract.h"
#include "filter.h"
#include "grow.h"
#include "record.h"
#include "sentence.h"
#include "spans.h"
#include "utf8.h"

struct extractor {
	struct attributor *attr;
	struct sentence_span *spans;
	size_t spancap;
	size_t *starts;
	size_t nstarts, startcap;
	struct entity_hint *ent;
	size_t nent, entcap;
	struct field_span *espans;
	size_t espancap;
	struct zj_text out;
};

struct extractor *extractor_new(void)
{
	struct extractor *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->attr = attributor_new();
	if (!x->attr) {
		extractor_free(x);
		return NULL;
	}
	return x;
}

void extractor_free(struct extractor *x)
{
	if (!x)
		return;
	attributor_free(x->attr);
	free(x->spans);
	free(x->starts);
	free(x->ent);
	free(x->espans);
	zj_text_free(&x->out);
	free(x);
}

void extractor_set_indirect(struct extractor *x, int on)
{
	attributor_set_indirect(x->attr, on);
}

int extractor_set_model(struct extractor *x, const char *text, size_t len, const char **why,
                        long *line)
{
	return attributor_set_model(x->attr, text, len, why, line);
}

int extract_read_sentences(struct record *r, struct sentence_span **spans, size_t *spancap,
                           size_t **starts, size_t *nstarts, size_t *startcap)
{
	*nstarts = 0;
	long n = sentences_from_record(r, spans, spancap);
	if (n < 0)
		return EXIT_DATAERR;
	if (grow_array((void **)starts, startcap, (size_t)n + 1, sizeof **starts) < 0)
		return EXIT_SOFTWARE;
	for (long i = 0; i < n; i++)
		(*starts)[(*nstarts)++] = (*spans)[i].start;
	return 0;
}

int extract_read_entities(struct record *r, struct field_span **spans, size_t *spancap,
                          struct entity_hint **ent, size_t *nent, size_t *entcap)
{
	*nent = 0;
	long n = spans_from_record(r, "entities", "entity", "tag-entities", spans, spancap);
	if (n < 0)
		return EXIT_DATAERR;
	if (grow_array((void **)ent, entcap, (size_t)n + 1, sizeof **ent) < 0)
		return EXIT_SOFTWARE;
	for (long i = 0; i < n; i++) {
		const struct field_span *s = &(*spans)[i];
		(*ent)[(*nent)++] = (struct entity_hint){ s->start_byte, s->end_byte, span_type_is(s, "PER") };
	}
	return 0;
}

/* The output is written twice over: once to count its bytes, once into a
 * buffer of exactly that size, so that a record with a million quotations
 * holds its "quotes" once, not in a buffer grown by doubling. */
struct out {
	char *s;      /* NULL: count only */
	size_t len;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->s)
		memcpy(o->s + o->len, s, n);
	o->len += n;
}

static void put_int(struct out *o, uint32_t v)
{
	char buf[ZJ_COUNT_ROOM];
	put(o, buf, (size_t)(zj_put_count(buf, v) - buf));
}

/* S (N bytes of valid UTF-8) as a JSON string, escaped as the record
 * writer escapes (record.h). */
static void put_string(struct out *o, const char *s, size_t n)
{
	size_t i = 0, run;
	put(o, "\"", 1);
	while ((run = zj_escape_stop(s, i, n)) < n) {
		char esc[6];
		put(o, s + i, run - i);
		put(o, esc, zj_escape_byte((unsigned char)s[run], esc));
		i = run + 1;
	}
	put(o, s + i, n - i);
	put(o, "\"", 1);
}

/* {"start":S,"end":E,"text":T (without the closing brace). */
static void put_span(struct out *o, const char *text, const struct xspan *s)
{
	put(o, "{\"start\":", 9);
	put_int(o, s->start_cp);
	put(o, ",\"end\":", 7);
	put_int(o, s->end_cp);
	put(o, ",\"text\":", 8);
	put_string(o, text + s->start, s->end - s->start);
}

static void put_quotes(struct out *o, const char *text, const struct attributed_quote *q, size_t n)
{
	static const char *const kinds[] = { "", "direct", "partial", "indirect" };
	put(o, "[", 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			put(o, ",", 1);
		put_span(o, text, &q[i].quote);
		put(o, ",\"kind\":", 8);
		put_string(o, kinds[q[i].kind], strlen(kinds[q[i].kind]));
		put(o, ",\"speaker\":", 11);
		if (q[i].has_speaker) {
			put_span(o, text, &q[i].speaker);
			put(o, ",\"name\":", 8);
			if (q[i].name_end > q[i].name_start)
				put_string(o, text + q[i].name_start, q[i].name_end - q[i].name_start);
			else
				put(o, "null", 4);
			put(o, "}", 1);
		} else {
			put(o, "null", 4);
		}
		put(o, ",\"cue\":", 7);
		if (q[i].cue_pos != CUE_NONE) {
			put_span(o, text, &q[i].cue);
			put(o, "}", 1);
		} else {
			put(o, "null", 4);
		}
		put(o, "}", 1);
	}
	put(o, "]", 1);
}

int extract_quotes(struct extractor *x, struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	int rc;
	if ((rc = extract_read_sentences(r, &x->spans, &x->spancap, &x->starts, &x->nstarts,
	                                 &x->startcap)) != 0 ||
	    (rc = extract_read_entities(r, &x->espans, &x->espancap, &x->ent, &x->nent, &x->entcap)) != 0)
		return rc;
	size_t n;
	const struct attributed_quote *q = attribute_text(x->attr, text, len, x->starts, x->nstarts,
	                                                  x->ent, x->nent, &n);
	if (!q)
		return EXIT_SOFTWARE;
	struct out count = { NULL, 0 };
	put_quotes(&count, text, q, n);
	struct zj_text *o = &x->out;
	if (o->cap < count.len) {
		/* exactly this size: the text is handed over once, by copy */
		zj_text_free(o);
		if (!(o->s = malloc(count.len)))
			return EXIT_SOFTWARE;
		o->cap = count.len;
	}
	struct out fill = { o->s, 0 };
	put_quotes(&fill, text, q, n);
	o->len = fill.len;
	/* give back the memory of an unusually large record before the
	 * record holds its copy of the text */
	attribution_release(x->attr);
	record_set(r, "quotes", zj_text_value(o));
	if (o->cap > ((size_t)1 << 20))
		zj_text_free(o);
	return 0;
}
