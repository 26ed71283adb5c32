/* render_panel.c — a document's counts, its side panel (summary, speakers
 * with their quotes, entities by frequency) and its document list entry. */
#include <stdlib.h>
#include <string.h>
#include "render_doc.h"
#include "render_int.h"

enum { QUOTE_EXCERPT_CP = 120, LIST_EXCERPT_CP = 90, MAX_ENTITY_GROUPS = 40 };

static void plural(FILE *f, size_t n, const char *one, const char *many)
{
	fprintf(f, "%zu %s", n, n == 1 ? one : many);
}

static void put_counts(FILE *f, const size_t *count, int sentences)
{
	if (sentences) {
		plural(f, count[K_SENTENCE], "sentence", "sentences");
		fputs(" · ", f);
	}
	plural(f, count[K_ENTITY], "entity", "entities");
	fputs(" · ", f);
	plural(f, count[K_QUOTE], "quote", "quotes");
}

void render_counts(struct render *r)
{
	memset(r->count, 0, sizeof r->count);
	for (size_t i = 0; i < r->nels; i++)
		r->count[r->els[i].kind]++;
	fputs("<p class=\"counts\">", r->page);
	put_counts(r->page, r->count, 1);
	fputs("</p>", r->page);
}

/* The text from START, at most MAX_CP code points, with every run of white
 * space as one space, escaped; "…" when cut short. */
static void put_excerpt(struct render *r, FILE *f, int64_t start, int64_t end,
                        int64_t max_cp)
{
	int64_t stop = end - start > max_cp ? start + max_cp : end;
	size_t b0 = render_byte_at(r, start), b1 = render_byte_at(r, stop);
	size_t run = b0;
	for (size_t b = b0; b < b1; b++) {
		char c = r->text[b];
		if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
			continue;
		size_t e = b;
		while (e < b1 && (r->text[e] == ' ' || r->text[e] == '\n' ||
		                  r->text[e] == '\t' || r->text[e] == '\r'))
			e++;
		render_escape(f, r->text + run, b - run);
		if (b > b0 && e < b1)
			fputc(' ', f);
		run = e;
		b = e - 1;
	}
	render_escape(f, r->text + run, b1 - run);
	if (stop < end)
		fputs("…", f);
}

static int key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	if (!a || !b)
		return !a - !b;
	int c = memcmp(a, b, alen < blen ? alen : blen);
	return c ? c : (alen > blen) - (alen < blen);
}

static int item_order(const void *pa, const void *pb)
{
	const struct panel_item *a = pa, *b = pb;
	int c = key_cmp(a->key, a->key_len, b->key, b->key_len);
	if (!c)
		c = key_cmp(a->key2, a->key2_len, b->key2, b->key2_len);
	if (!c)
		c = (a->start > b->start) - (a->start < b->start);
	return c;
}

static const struct panel_item *order_items;

/* Most frequent first; ties by first appearance in the text. */
static int group_order(const void *pa, const void *pb)
{
	const struct panel_group *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	int64_t sa = order_items[a->first].start, sb = order_items[b->first].start;
	return (sa > sb) - (sa < sb);
}

/* Sort the N items of R->items, group equal keys into R->groups, sort the
 * groups; returns their number. */
static size_t group_items(struct render *r, size_t n)
{
	size_t ng = 0;
	qsort(r->items, n, sizeof *r->items, item_order);
	for (size_t i = 0; i < n; i++) {
		const struct panel_item *a = &r->items[i];
		if (ng && key_cmp(a->key, a->key_len, r->items[i - 1].key, r->items[i - 1].key_len) == 0 &&
		    key_cmp(a->key2, a->key2_len, r->items[i - 1].key2, r->items[i - 1].key2_len) == 0) {
			r->groups[ng - 1].n++;
			continue;
		}
		r->groups = render_grow(r->groups, &r->groups_cap, ng + 1, sizeof *r->groups);
		r->groups[ng++] = (struct panel_group){ .first = i, .n = 1 };
	}
	order_items = r->items;
	qsort(r->groups, ng, sizeof *r->groups, group_order);
	return ng;
}

static void put_speakers(struct render *r)
{
	FILE *f = r->page;
	size_t n = 0;
	for (size_t i = 0; i < r->nels; i++) {
		const struct el *x = &r->els[i];
		if (x->kind != K_QUOTE)
			continue;
		r->items = render_grow(r->items, &r->items_cap, n + 1, sizeof *r->items);
		struct panel_item *it = &r->items[n++];
		*it = (struct panel_item){ .start = x->start, .end = x->end, .idx = x->idx };
		it->key = render_speaker_label(zj_at(r->quotes, x->idx), &it->key_len);
	}
	if (!n)
		return;
	size_t ng = group_items(r, n);
	fputs("<section><h3>Speakers</h3><ul class=\"speakers\">\n", f);
	for (size_t g = 0; g < ng; g++) {
		const struct panel_group *gr = &r->groups[g];
		const struct panel_item *first = &r->items[gr->first];
		fputs("<li><span class=\"name", f);
		if (first->key) {
			fputs("\">", f);
			render_escape(f, first->key, first->key_len);
		} else {
			fputs(" none\">unattributed", f);
		}
		fprintf(f, "</span> <span class=\"n\">%zu</span><ol>", gr->n);
		for (size_t i = gr->first; i < gr->first + gr->n; i++) {
			const struct panel_item *it = &r->items[i];
			fprintf(f, "<li><a href=\"#d%ld-q%zu\">", r->ordinal, it->idx);
			put_excerpt(r, f, it->start, it->end, QUOTE_EXCERPT_CP);
			fputs("</a></li>", f);
		}
		fputs("</ol></li>\n", f);
	}
	fputs("</ul></section>\n", f);
}

static void put_entities(struct render *r)
{
	FILE *f = r->page;
	size_t n = 0;
	for (size_t i = 0; i < r->nels; i++) {
		const struct el *x = &r->els[i];
		if (x->kind != K_ENTITY)
			continue;
		r->items = render_grow(r->items, &r->items_cap, n + 1, sizeof *r->items);
		struct panel_item *it = &r->items[n++];
		*it = (struct panel_item){ .start = x->start, .end = x->end, .idx = x->idx };
		it->key = zj_str(zj_get(zj_at(r->entities, x->idx), "type"), &it->key_len);
		size_t b0 = render_byte_at(r, x->start);
		it->key2 = r->text + b0;
		it->key2_len = render_byte_at(r, x->end) - b0;
	}
	if (!n)
		return;
	size_t ng = group_items(r, n);
	fputs("<section><h3>Entities</h3><ul class=\"ents\">\n", f);
	for (size_t g = 0; g < ng && g < MAX_ENTITY_GROUPS; g++) {
		const struct panel_item *it = &r->items[r->groups[g].first];
		fprintf(f, "<li class=\"e-%s\"><span class=\"t\">", render_type_class(it->key));
		if (it->key)
			render_escape(f, it->key, it->key_len);
		fputs("</span> ", f);
		put_excerpt(r, f, it->start, it->end, QUOTE_EXCERPT_CP);
		fprintf(f, " <span class=\"n\">%zu</span></li>\n", r->groups[g].n);
	}
	if (ng > MAX_ENTITY_GROUPS)
		fprintf(f, "<li class=\"more\">and %zu more</li>\n", ng - MAX_ENTITY_GROUPS);
	fputs("</ul></section>\n", f);
}

void render_panel(struct render *r, zjson *rec)
{
	FILE *f = r->page;
	size_t len;
	const char *summary = zj_str(zj_get(zj_get(rec, "summary"), "text"), &len);
	fputs("<aside>\n", f);
	if (summary) {
		fputs("<section class=\"summary\"><h3>Summary</h3><p>", f);
		render_escape(f, summary, len);
		fputs("</p></section>\n", f);
	}
	put_speakers(r);
	put_entities(r);
	fputs("</aside>", f);
}

void render_list_entry(struct render *r)
{
	FILE *f = r->list;
	fprintf(f, "<li><a href=\"#d%ld\"><b>", r->ordinal);
	if (r->id)
		render_escape(f, r->id, strlen(r->id));
	else
		render_escape(f, r->file, strlen(r->file)), fprintf(f, ":%ld", r->line_no);
	fputs("</b> <span class=\"n\">", f);
	put_counts(f, r->count, 0);
	fputs("</span><small>", f);
	put_excerpt(r, f, 0, r->len_cp, LIST_EXCERPT_CP);
	fputs("</small></a></li>\n", f);
}
