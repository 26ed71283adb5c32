/* extract.c — see extract.h. */
#include <stdlib.h>
#include <string.h>
#include "attribution.h"
#include "extract.h"
#include "filter.h"
#include "quotes.h"
#include "sentence.h"
#include "utf8.h"
#include "grow.h"

struct offset_ref {
	size_t from;   /* offset in the source unit */
	size_t *to;    /* where the converted offset goes */
};

struct extractor {
	struct quote_marks *marks;
	struct attributor *attr;
	struct quote_list quotes;
	struct sentence_span *spans;
	size_t spancap;
	size_t *sentence_starts;
	size_t nsent, sentcap;
	struct entity_hint *ent;
	size_t nent, entcap;
	struct offset_ref *refs;
	size_t nref, refcap;
	size_t *out_cp;      /* converted output offsets, 6 per quotation */
	size_t outcap;
};

struct extractor *extractor_new(void)
{
	struct extractor *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->marks = quote_marks_load();
	x->attr = x->marks ? attributor_new() : NULL;
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
	quote_marks_free(x->marks);
	attributor_free(x->attr);
	free(x->spans);
	quote_list_free(&x->quotes);
	free(x->sentence_starts);
	free(x->ent);
	free(x->refs);
	free(x->out_cp);
	free(x);
}


static int add_ref(struct extractor *x, size_t from, size_t *to)
{
	if (grow_array((void **)&x->refs, &x->refcap, x->nref + 1, sizeof *x->refs) < 0)
		return -1;
	x->refs[x->nref++] = (struct offset_ref){ from, to };
	return 0;
}

static int by_from(const void *a, const void *b)
{
	size_t x = ((const struct offset_ref *)a)->from, y = ((const struct offset_ref *)b)->from;
	return x < y ? -1 : x > y;
}

/* Convert every pending reference, code points to bytes (TO_BYTES) or
 * bytes to code points, in one pass over TEXT. */
static void convert_refs(struct extractor *x, const char *text, size_t len, int to_bytes)
{
	if (x->nref == 0)
		return;
	qsort(x->refs, x->nref, sizeof *x->refs, by_from);
	size_t byte = 0, cp = 0;
	for (size_t i = 0; i < x->nref; i++) {
		size_t want = x->refs[i].from;
		if (to_bytes) {
			while (cp < want && byte < len) {
				byte++;
				while (byte < len && ((unsigned char)text[byte] & 0xC0) == 0x80)
					byte++;
				cp++;
			}
			*x->refs[i].to = byte;
		} else {
			while (byte < want && byte < len) {
				if (((unsigned char)text[byte] & 0xC0) != 0x80)
					cp++;
				byte++;
			}
			*x->refs[i].to = cp;
		}
	}
	x->nref = 0;
}

static int span_field(const zjson *o, const char *key, size_t ncp, size_t *v)
{
	int ok;
	int64_t n = zj_intval(zj_get(o, key), &ok);
	if (!ok || n < 0 || (size_t)n > ncp)
		return -1;
	*v = (size_t)n;
	return 0;
}

/* Sentence starts in bytes, from the record's "sentences" when present
 * (read by the shared reader, which also checks them). Without them the
 * attribution finds its own boundaries, with each quotation as one unit of
 * its sentence, so the splitter is not run here. */
static int read_sentences(struct extractor *x, struct record *r)
{
	x->nsent = 0;
	long n = sentences_from_record(r, &x->spans, &x->spancap);
	if (n < 0)
		return EXIT_DATAERR;
	if (grow_array((void **)&x->sentence_starts, &x->sentcap, (size_t)n, sizeof *x->sentence_starts) < 0)
		return EXIT_SOFTWARE;
	for (long i = 0; i < n; i++)
		x->sentence_starts[x->nsent++] = x->spans[i].start;
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct entity_hint *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* "entities": spans in bytes, PER or not, sorted by start. */
static int read_entities(struct extractor *x, struct record *r, const char *text, size_t len,
                         size_t ncp)
{
	x->nent = 0;
	zjson *e = record_get(r, "entities");
	if (!e)
		return 0;
	if (zj_type(e) != ZJ_ARRAY)
		return record_error(r, "\"entities\" is not an array");
	size_t n = zj_len(e);
	if (grow_array((void **)&x->ent, &x->entcap, n, sizeof *x->ent) < 0)
		return EXIT_SOFTWARE;
	for (size_t i = 0; i < n; i++) {
		zjson *o = zj_at(e, i);
		size_t s, t, tl;
		const char *type = zj_str(zj_get(o, "type"), &tl);
		if (span_field(o, "start", ncp, &s) < 0 || span_field(o, "end", ncp, &t) < 0 || s > t ||
		    !type)
			return record_error(r, "entity %zu needs \"start\" <= \"end\" in the text and a \"type\"", i);
		struct entity_hint *h = &x->ent[x->nent++];
		h->start = s;
		h->end = t;
		h->person = tl == 3 && memcmp(type, "PER", 3) == 0;
		if (add_ref(x, s, &h->start) < 0 || add_ref(x, t, &h->end) < 0)
			return EXIT_SOFTWARE;
	}
	convert_refs(x, text, len, 1);
	if (x->nent > 1)
		qsort(x->ent, x->nent, sizeof *x->ent, by_start);
	return 0;
}

static zjson *span_object(const char *text, size_t b0, size_t b1, size_t c0, size_t c1)
{
	return zj_span((int64_t)c0, (int64_t)c1, text + b0, b1 - b0);
}

void extractor_set_indirect(struct extractor *x, int on)
{
	attributor_set_indirect(x->attr, on);
}

int extract_quotes(struct extractor *x, struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	size_t ncp = utf8_count_cp(text, len);
	int rc;
	size_t nq = quotes_find(x->marks, text, len, &x->quotes);
	if (nq == (size_t)-1)
		return EXIT_SOFTWARE;
	if ((rc = read_sentences(x, r)) != 0 ||
	    (rc = read_entities(x, r, text, len, ncp)) != 0)
		return rc;
	const struct attributed_quote *aq = attribute_quotes(x->attr, text, len, x->quotes.q, nq,
		x->sentence_starts, x->nsent, x->ent, x->nent);
	if (!aq)
		return EXIT_SOFTWARE;
	size_t nind;
	const struct attributed_quote *ind = attribution_indirect(x->attr, &nind);

	/* Byte offsets of each quotation, speaker, name and cue, to code
	 * points: 8 per result, the quotations first, then indirect speech. */
	if (grow_array((void **)&x->out_cp, &x->outcap, (nq + nind) * 8 + 1, sizeof *x->out_cp) < 0)
		return EXIT_SOFTWARE;
	for (size_t i = 0; i < nq + nind; i++) {
		const struct attributed_quote *q = i < nq ? &aq[i] : &ind[i - nq];
		size_t *o = x->out_cp + i * 8;
		size_t from[8] = { q->quote.start, q->quote.end, q->speaker.start, q->speaker.end,
		                   q->cue.start, q->cue.end, q->name.start, q->name.end };
		if (q->kind == QUOTE_DROPPED)
			continue;
		for (int k = 0; k < 8; k++)
			if (add_ref(x, from[k], &o[k]) < 0)
				return EXIT_SOFTWARE;
	}
	convert_refs(x, text, len, 0);

	/* Both lists are in text order and never overlap: merge them. */
	static const char *const kinds[] = { "", "direct", "partial", "indirect" };
	zjson *list = zj_array();
	for (size_t i = 0, j = 0; i < nq || j < nind;) {
		int take_quote = j >= nind || (i < nq && aq[i].quote.start <= ind[j].quote.start);
		size_t k = take_quote ? i++ : nq + j++;
		const struct attributed_quote *q = k < nq ? &aq[k] : &ind[k - nq];
		const size_t *o = x->out_cp + k * 8;
		if (q->kind == QUOTE_DROPPED)
			continue;
		zjson *obj = span_object(text, q->quote.start, q->quote.end, o[0], o[1]);
		zj_add(obj, "kind", zj_cstring(kinds[q->kind]));
		zjson *speaker = NULL;
		if (q->speaker.end > q->speaker.start) {
			speaker = span_object(text, q->speaker.start, q->speaker.end, o[2], o[3]);
			zj_add(speaker, "name", q->name.end > q->name.start
			       ? zj_string(text + q->name.start, q->name.end - q->name.start) : NULL);
		}
		zj_add(obj, "speaker", speaker);
		zj_add(obj, "cue", q->cue.end > q->cue.start
		       ? span_object(text, q->cue.start, q->cue.end, o[4], o[5]) : NULL);
		zj_push(list, obj);
	}
	record_set(r, "quotes", list);
	return 0;
}
