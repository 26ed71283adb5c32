/* extract.c — see extract.h. */
#include <stdlib.h>
#include <string.h>
#include "attribution.h"
#include "extract.h"
#include "filter.h"
#include "grow.h"
#include "sentence.h"
#include "utf8.h"

struct extractor {
	struct attributor *attr;
	struct sentence_span *spans;
	size_t spancap;
	size_t *starts;
	size_t nstarts, startcap;
	struct entity_hint *ent;
	size_t nent, entcap;
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

int extract_read_entities(struct record *r, const char *text, size_t len,
                          struct entity_hint **ent, size_t *nent, size_t *entcap)
{
	*nent = 0;
	zjson *e = record_get(r, "entities");
	if (!e)
		return 0;
	if (zj_type(e) != ZJ_ARRAY)
		return record_error(r, "\"entities\" is not an array (run tag-entities to make it)");
	size_t n = zj_len(e);
	if (grow_array((void **)ent, entcap, n + 1, sizeof **ent) < 0)
		return EXIT_SOFTWARE;
	/* code points to bytes in one forward walk: the spans are in order */
	size_t byte = 0, cp = 0;
	int64_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		zjson *o = zj_at(e, i);
		int ok1 = 0, ok2 = 0;
		int64_t s = zj_intval(zj_get(o, "start"), &ok1), t = zj_intval(zj_get(o, "end"), &ok2);
		size_t tl;
		const char *type = zj_str(zj_get(o, "type"), &tl);
		if (zj_type(o) != ZJ_OBJECT || !ok1 || !ok2 || s < 0 || t < s || !type)
			return record_error(r, "entity %zu needs \"start\" <= \"end\" in the text and a \"type\"", i);
		if (s < prev_end)
			return record_error(r, "entity %zu starts before the entity before it ends "
			                    "(entities must be in text order, not overlapping)", i);
		prev_end = t;
		size_t b[2];
		int64_t want[2] = { s, t };
		for (int k = 0; k < 2; k++) {
			while ((int64_t)cp < want[k] && byte < len) {
				byte++;
				while (byte < len && ((unsigned char)text[byte] & 0xC0) == 0x80)
					byte++;
				cp++;
			}
			if ((int64_t)cp < want[k])
				return record_error(r, "entity %zu needs \"start\" <= \"end\" in the text and a \"type\"", i);
			b[k] = byte;
		}
		(*ent)[(*nent)++] = (struct entity_hint){ b[0], b[1], tl == 3 && memcmp(type, "PER", 3) == 0 };
	}
	return 0;
}

static void span_json(struct zj_text *o, const char *text, const struct xspan *s)
{
	zj_text_raw(o, "{\"start\":", 9);
	zj_text_int(o, s->start_cp);
	zj_text_raw(o, ",\"end\":", 7);
	zj_text_int(o, s->end_cp);
	zj_text_raw(o, ",\"text\":", 8);
	zj_text_string(o, text + s->start, s->end - s->start);
}

int extract_quotes(struct extractor *x, struct record *r)
{
	size_t len;
	const char *text = record_text(r, &len);
	int rc;
	if ((rc = extract_read_sentences(r, &x->spans, &x->spancap, &x->starts, &x->nstarts,
	                                 &x->startcap)) != 0 ||
	    (rc = extract_read_entities(r, text, len, &x->ent, &x->nent, &x->entcap)) != 0)
		return rc;
	size_t n;
	const struct attributed_quote *q = attribute_text(x->attr, text, len, x->starts, x->nstarts,
	                                                  x->ent, x->nent, &n);
	if (!q)
		return EXIT_SOFTWARE;
	static const char *const kinds[] = { "", "direct", "partial", "indirect" };
	struct zj_text *o = &x->out;
	zj_text_reset(o);
	zj_text_raw(o, "[", 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			zj_text_raw(o, ",", 1);
		span_json(o, text, &q[i].quote);
		zj_text_raw(o, ",\"kind\":", 8);
		zj_text_string(o, kinds[q[i].kind], strlen(kinds[q[i].kind]));
		zj_text_raw(o, ",\"speaker\":", 11);
		if (q[i].has_speaker) {
			span_json(o, text, &q[i].speaker);
			zj_text_raw(o, ",\"name\":", 8);
			if (q[i].name_end > q[i].name_start)
				zj_text_string(o, text + q[i].name_start, q[i].name_end - q[i].name_start);
			else
				zj_text_raw(o, "null", 4);
			zj_text_raw(o, "}", 1);
		} else {
			zj_text_raw(o, "null", 4);
		}
		zj_text_raw(o, ",\"cue\":", 7);
		if (q[i].cue_pos != CUE_NONE) {
			span_json(o, text, &q[i].cue);
			zj_text_raw(o, "}", 1);
		} else {
			zj_text_raw(o, "null", 4);
		}
		zj_text_raw(o, "}", 1);
	}
	zj_text_raw(o, "]", 1);
	record_set(r, "quotes", zj_text_value(o));
	/* give back the memory of an unusually large record */
	if (o->cap > ((size_t)16 << 20))
		zj_text_free(o);
	return 0;
}
