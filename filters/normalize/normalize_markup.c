/* normalize_markup.c — step 1 of normalize: HTML character references and,
 * with --html, tags. See normalize.h. */
#include <stdlib.h>
#include <string.h>
#include "normalize_impl.h"
#include "utf8.h"

static uint32_t name_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static const struct normalize_entity *entity_find(const struct normalizer *n,
                                                  const char *name, size_t len)
{
	uint32_t i = name_hash(name, len) & (NORMALIZE_ENTITY_SLOTS - 1);
	for (;;) {
		const struct normalize_entity *e = &n->entities[i];
		if (e->name_len == 0)
			return NULL;
		if (e->name_len == len && memcmp(e->name, name, len) == 0)
			return e;
		i = (i + 1) & (NORMALIZE_ENTITY_SLOTS - 1);
	}
}

struct entity_load {
	struct normalize_entity *table;
	size_t count;
};

/* One line of html-entities.txt: "NAME HEX [HEX]". Malformed lines are
 * ignored (the file is ours and tested). */
static void entity_line(const char *line, size_t len, void *ctx)
{
	struct entity_load *el = ctx;
	struct normalize_entity e = {0};
	size_t i = 0;

	while (i < len && line[i] != ' ')
		i++;
	if (i == 0 || i >= sizeof e.name || el->count >= NORMALIZE_ENTITY_SLOTS / 2)
		return;
	memcpy(e.name, line, i);
	e.name_len = (unsigned char)i;
	while (i < len) {
		while (i < len && line[i] == ' ')
			i++;
		int32_t cp = 0;
		size_t start = i;
		while (i < len && line[i] != ' ') {
			char c = line[i++];
			int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0 || cp > 0x10FFFF)
				return;
			cp = cp * 16 + d;
		}
		if (i == start)
			break;
		if ((size_t)e.value_len + 4 > sizeof e.value)
			return;
		int k = utf8_encode(cp, e.value + e.value_len);
		if (k == 0)
			return;
		e.value_len += (unsigned char)k;
	}
	if (e.value_len == 0)
		return;
	uint32_t h = name_hash(e.name, e.name_len) & (NORMALIZE_ENTITY_SLOTS - 1);
	while (el->table[h].name_len)
		h = (h + 1) & (NORMALIZE_ENTITY_SLOTS - 1);
	el->table[h] = e;
	el->count++;
}

int normalize_load_entities(struct normalizer *n)
{
	struct entity_load el = {calloc(NORMALIZE_ENTITY_SLOTS, sizeof *el.table), 0};
	if (!el.table)
		return -1;
	if (lang_each_line("html-entities.txt", entity_line, &el) < 0 || el.count == 0) {
		free(el.table);
		return -1;
	}
	n->entities = el.table;
	return 0;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A reference without its '&' at S: "name;", "#123;" or "#x7B;". Puts the
 * UTF-8 it stands for in VALUE and returns the bytes used, or 0. */
static size_t reference(const struct normalizer *n, const char *s, size_t len,
                        char value[8], size_t *value_len)
{
	size_t i = 0;

	if (len > 1 && s[0] == '#') {
		int hex = s[1] == 'x' || s[1] == 'X';
		int32_t cp = 0;
		size_t digits = 0;
		i = hex ? 2 : 1;
		for (; i < len && digits < 9; i++, digits++) {
			char c = s[i];
			int d = c >= '0' && c <= '9' ? c - '0'
			      : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
			      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (d < 0)
				break;
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16 : 10) + d;
		}
		if (digits == 0 || i >= len || s[i] != ';')
			return 0;
		/* As HTML does: C1 numbers mean Windows-1252, the rest U+FFFD. */
		if (cp >= 0x80 && cp <= 0x9F)
			cp = normalize_cp1252_char((unsigned char)cp);
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		*value_len = (size_t)utf8_encode(cp, value);
		return i + 1;
	}
	while (i < len && i < 32 && is_alnum(s[i]))
		i++;
	if (i == 0 || i >= len || s[i] != ';')
		return 0;
	const struct normalize_entity *e = entity_find(n, s, i);
	if (!e)
		return 0;
	memcpy(value, e->value, e->value_len);
	*value_len = e->value_len;
	return i + 1;
}

/* A reference at S (s[0] == '&'): append what it stands for and return the
 * bytes used, or 0 when it is not one. A decoded '&' is read again together
 * with what follows, so "&amp;eacute;" is "é" in one pass. */
static size_t entity(const struct normalizer *n, const char *s, size_t len,
                     struct nout *out, int *again, int html)
{
	char value[8];
	size_t vlen, used = 0, k;

	while ((k = reference(n, s + used + 1, len - used - 1, value, &vlen)) > 0) {
		used += k;
		if (!(vlen == 1 && value[0] == '&'))
			break;
	}
	if (used == 0)
		return 0;
	if (vlen == 1 && value[0] == '&')
		; /* the chain ended on a plain '&' */
	else if (html && (memchr(value, '<', vlen) || memchr(value, '>', vlen)))
		*again = 1;
	if (normalize_out_add(out, value, vlen) != 0)
		return (size_t)-1;
	return used + 1;
}

static int name_is(const char *s, size_t len, const char *lower)
{
	size_t i;
	for (i = 0; i < len && lower[i]; i++)
		if ((s[i] | 0x20) != lower[i])
			return 0;
	return i == len && lower[i] == '\0';
}

/* What a tag leaves in the text: block elements separate paragraphs. */
static const char *tag_break(const char *name, size_t len)
{
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "caption", "dd", "div", "dl",
		"dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
		"h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
		"section", "table", "title", "tr", "ul", NULL};
	if (name_is(name, len, "br"))
		return "\n";
	if (name_is(name, len, "td") || name_is(name, len, "th"))
		return " ";
	for (size_t i = 0; blocks[i]; i++)
		if (name_is(name, len, blocks[i]))
			return "\n\n";
	return "";
}

/* Case-insensitive search for "</NAME" in S; returns its offset or LEN. */
static size_t find_close(const char *s, size_t len, const char *name)
{
	size_t nlen = strlen(name);
	for (size_t i = 0; i + 2 + nlen <= len; i++) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (i + 2 + nlen <= len && s[i + 1] == '/' && name_is(s + i + 2, nlen, name))
			return i;
	}
	return len;
}

/* A tag, comment or declaration at S (s[0] == '<'): append its break and
 * return the bytes it covers, or 0 when '<' is just a character. *no_gt is
 * set once no '>' is left in S, so that text full of '<' stays linear. */
static size_t tag(const char *s, size_t len, struct nout *out, int *no_gt)
{
	size_t k = 1, name_start, name_len, end;
	int closing = 0;

	if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
		for (k = 4; k + 3 <= len; k++) {
			const char *dash = memchr(s + k, '-', len - k);
			if (!dash)
				break;
			k = (size_t)(dash - s);
			if (k + 3 <= len && memcmp(s + k, "-->", 3) == 0)
				return k + 3;
		}
		return len;
	}
	if (*no_gt)
		return 0;
	if (k < len && s[k] == '/') {
		closing = 1;
		k++;
	}
	if (k >= len || !(is_alpha(s[k]) || (!closing && (s[k] == '!' || s[k] == '?'))))
		return 0;
	name_start = k;
	while (k < len && (is_alnum(s[k]) || s[k] == '!' || s[k] == '?'))
		k++;
	name_len = k - name_start;
	/* The end: the first '>' outside a quoted attribute value, or, when
	 * quotes do not balance within 4 KiB, simply the first '>' (which
	 * keeps text full of unbalanced tags linear). */
	end = len;
	for (char q = 0; k < len && k < name_start + 4096; k++) {
		char c = s[k];
		if (q) {
			if (c == q)
				q = 0;
		} else if ((c == '"' || c == '\'') && s[k - 1] == '=') {
			q = c;
		} else if (c == '>') {
			end = k;
			break;
		}
	}
	if (end == len) {
		const char *gt = memchr(s + name_start, '>', len - name_start);
		if (!gt) {
			*no_gt = 1;
			return 0;
		}
		end = (size_t)(gt - s);
	}
	end++;
	if (!closing && s[end - 2] != '/') {
		const char *raw = name_is(s + name_start, name_len, "script") ? "script"
		                : name_is(s + name_start, name_len, "style") ? "style" : NULL;
		if (raw) {
			size_t c = end + find_close(s + end, len - end, raw);
			const char *gt = c < len ? memchr(s + c, '>', len - c) : NULL;
			return gt ? (size_t)(gt - s) + 1 : len;
		}
	}
	const char *brk = tag_break(s + name_start, name_len);
	if (*brk && normalize_out_add(out, brk, strlen(brk)) != 0)
		return (size_t)-1;
	return end;
}

/* One left-to-right pass. *again is set when a decoded '<' or '>' may
 * make a tag (html only), which another pass must strip. */
static int markup_pass(struct normalizer *n, const char *s, size_t len, struct nbuf *buf,
                       const char **res, size_t *res_len, int *again)
{
	const struct normalize_options *o = &n->opt;
	struct nout out;
	size_t i = 0;
	int no_gt = 0;

	normalize_out_init(&out, s, buf);
	while (i < len) {
		size_t j = i, used = 0;
		if (o->html) {
			while (j < len && s[j] != '&' && s[j] != '<')
				j++;
		} else {
			const char *amp = memchr(s + i, '&', len - i);
			j = amp ? (size_t)(amp - s) : len;
		}
		if (normalize_out_add(&out, s + i, j - i) != 0)
			return -1;
		if (j == len)
			break;
		if (s[j] == '&' && o->entities)
			used = entity(n, s + j, len - j, &out, again, o->html);
		else if (s[j] == '<')
			used = tag(s + j, len - j, &out, &no_gt);
		if (used == (size_t)-1)
			return -1;
		if (used == 0) {
			if (normalize_out_add(&out, s + j, 1) != 0)
				return -1;
			used = 1;
		}
		i = j + used;
	}
	*res = normalize_out_bytes(&out, res_len);
	return 0;
}

int normalize_markup(struct normalizer *n, const char *s, size_t len,
                     const char **out, size_t *out_len)
{
	const struct normalize_options *o = &n->opt;
	int again = 1, which = 0;

	*out = s;
	*out_len = len;
	/* Decoded "&lt;b&gt;" is a tag for the next pass; a few passes reach
	 * the fixed point for any real text. */
	for (int round = 0; again && round < 8; round++) {
		again = 0;
		if (!(o->entities && memchr(*out, '&', *out_len)) &&
		    !(o->html && memchr(*out, '<', *out_len)))
			break;
		/* Never write into the buffer being read: S may be one of ours
		 * (normalize_text calls again on a result of this function). */
		const struct nbuf *w = &n->markup[which];
		if (w->p && *out >= w->p && *out < w->p + w->cap)
			which = !which;
		if (markup_pass(n, *out, *out_len, &n->markup[which], out, out_len, &again) != 0)
			return -1;
		which = !which;
	}
	return 0;
}

/* Element names that only HTML writes between < and > (lowercase). */
static int html_name(const char *s, size_t n)
{
	static const char *const names[] = {
		"a", "b", "body", "br", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
		"head", "html", "i", "img", "li", "link", "meta", "ol", "p", "script",
		"section", "span", "strong", "style", "table", "td", "title", "tr", "ul", NULL};
	for (size_t i = 0; names[i]; i++)
		if (name_is(s, n, names[i]))
			return 1;
	return 0;
}

int normalize_looks_like_html(const char *s, size_t len)
{
	int tags = 0;
	for (const char *p = memchr(s, '<', len); p; p = memchr(p, '<', len - (size_t)(p - s))) {
		size_t i = (size_t)(++p - s);
		if (i < len && s[i] == '!' && len - i >= 8 && name_is(s + i + 1, 7, "doctype"))
			return 1;
		if (i < len && s[i] == '/')
			i++;
		size_t k = i;
		while (k < len && k - i < 8 && is_alnum(s[k]))
			k++;
		if (k > i && k < len && (s[k] == '>' || s[k] == ' ' || s[k] == '/') &&
		    html_name(s + i, k - i) && ++tags >= 2)
			return 1;
	}
	return 0;
}
