/* normalize.c — the normalize pipeline, step 3 (layout), the date tag and
 * document decoding. See normalize.h. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "line_units.h"
#include "normalize_impl.h"
#include "utf8.h"

int normalize_nb_reserve(struct nbuf *b, size_t extra)
{
	if (b->cap > b->len && b->cap - b->len > extra)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

void normalize_out_init(struct nout *o, const char *src, struct nbuf *buf)
{
	o->src = src;
	o->same = 0;
	o->copied = 0;
	o->buf = buf;
	buf->len = 0;
}

int normalize_out_add(struct nout *o, const char *s, size_t n)
{
	if (!o->copied) {
		if (s == o->src + o->same) {
			o->same += n;
			return 0;
		}
		if (normalize_nb_reserve(o->buf, o->same + n) != 0)
			return -1;
		memcpy(o->buf->p, o->src, o->same);
		o->buf->len = o->same;
		o->copied = 1;
	}
	if (normalize_nb_reserve(o->buf, n) != 0)
		return -1;
	memcpy(o->buf->p + o->buf->len, s, n);
	o->buf->len += n;
	o->buf->p[o->buf->len] = '\0';
	return 0;
}

/* Take back the last N bytes written. Returns 0 or -1 (out of memory). */
static int out_drop(struct nout *o, size_t n)
{
	if (!o->copied) {
		/* The output leaves the input here: it is no longer a prefix. */
		if (normalize_nb_reserve(o->buf, o->same) != 0)
			return -1;
		memcpy(o->buf->p, o->src, o->same);
		o->buf->len = o->same;
		o->copied = 1;
	}
	o->buf->len -= n;
	o->buf->p[o->buf->len] = '\0';
	return 0;
}

const char *normalize_out_bytes(const struct nout *o, size_t *len)
{
	if (!o->copied) {
		*len = o->same;
		return o->src;
	}
	*len = o->buf->len;
	return o->buf->p;
}

void normalize_defaults(struct normalize_options *opt)
{
	*opt = (struct normalize_options){
		.form = NORMALIZE_NFC, .mojibake = 1, .entities = 1, .html = 0,
		.invisible = 1, .spaces = 1, .breaks = 1, .lines = NORMALIZE_LINES_UNITS,
		.dehyphenate = 1};
}

struct normalizer *normalizer_new(const struct normalize_options *opt)
{
	struct normalizer *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->opt = *opt;
	if (!n->opt.breaks)
		n->opt.lines = NORMALIZE_LINES_KEEP;
	if (n->opt.lines == NORMALIZE_LINES_KEEP)
		n->opt.dehyphenate = 0;
	if (n->opt.entities && normalize_load_entities(n) != 0) {
		normalizer_free(n);
		return NULL;
	}
	if (n->opt.dehyphenate) {
		n->coordinators = wordset_load("nl/hyphen-coordinators.txt");
		if (!n->coordinators) {
			normalizer_free(n);
			return NULL;
		}
	}
	return n;
}

void normalizer_free(struct normalizer *n)
{
	if (!n)
		return;
	free(n->entities);
	wordset_free(n->coordinators);
	free(n->markup[0].p);
	free(n->markup[1].p);
	free(n->chars.p);
	free(n->layout.p);
	free(n->probe.p);
	free(n->utf8.p);
	free(n->cps);
	free(n->cps2);
	free(n->cps3);
	free(n);
}

/* --- step 3: layout ----------------------------------------------------- */

static const unsigned char line_byte[256] = {['\n'] = 1, ['\r'] = 1};
static const unsigned char blank_byte[256] = {['\n'] = 1, ['\r'] = 1, [' '] = 1, ['\t'] = 1};

static int is_letter(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	utf8proc_category_t k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int is_lower(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* The code point that ends at byte END of S (a character boundary). */
static int32_t cp_before(const char *s, size_t end)
{
	size_t st = end;
	int32_t c = 0;
	while (st > 0 && end - st < 4 && ((unsigned char)s[st - 1] & 0xC0) == 0x80)
		st--;
	if (st > 0)
		st--;
	if (utf8_decode(s + st, end - st, &c) < 0)
		return 0;
	return c;
}

/* How a line that ends in "-" (at O[olen-1]) joins the line at S[i..]:
 * returns 0 to glue with the hyphen, 1 to drop the hyphen, 2 to put a
 * space back ("Oost- en"). */
static int hyphen_join(const struct normalizer *n, const char *o, size_t olen,
                       const char *s, size_t i, size_t len)
{
	size_t w = i;
	while (w < len && !blank_byte[(unsigned char)s[w]] && !strchr(",.;:!?)", s[w]))
		w++;
	if (w > i && wordset_has(n->coordinators, s + i, w - i))
		return 2;
	int32_t next = 0;
	if (utf8_decode(s + i, len - i, &next) < 0 || !is_lower(next))
		return 0;
	if (!is_letter(cp_before(o, olen - 1)))
		return 0;
	/* The part before the hyphen: an acronym keeps it ("NAVO-chef"). */
	size_t st = olen - 1;
	while (st > 0 && olen - st < 64 && !blank_byte[(unsigned char)o[st - 1]])
		st--;
	while (st < olen && ((unsigned char)o[st] & 0xC0) == 0x80)
		st++;
	for (size_t k = st; k < olen - 1;) {
		int32_t c;
		int used = utf8_decode(o + k, olen - 1 - k, &c);
		if (used < 0)
			break;
		if (is_lower(c))
			return 1;
		k += (size_t)used;
	}
	return 0;
}

/* Emit the white space between two runs of text: REPL (N bytes), taken
 * from S when the input has exactly those bytes there. */
static int gap(struct nout *out, const char *s, size_t from, size_t to, const char *repl, size_t n)
{
	if (to - from == n && memcmp(s + from, repl, n) == 0)
		return normalize_out_add(out, s + from, n);
	return normalize_out_add(out, repl, n);
}

/* Line breaks as written (--keep-breaks): only spaces are tidied. */
static int layout_as_written(struct normalizer *n, const char *s, size_t len, struct nout *out)
{
	size_t i = 0, ws = 0;
	int line_start = 1;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			i++;
			continue;
		}
		if (c == '\n' || c == '\r') {
			if (normalize_out_add(out, s + i, 1) != 0)
				return -1;
			line_start = 1;
			ws = ++i;
			continue;
		}
		size_t j = i + 1;
		while (j < len && !blank_byte[(unsigned char)s[j]])
			j++;
		if (!line_start && i > ws && gap(out, s, ws, i, " ", 1) != 0)
			return -1;
		if (normalize_out_add(out, s + i, j - i) != 0)
			return -1;
		line_start = 0;
		ws = i = j;
	}
	(void)n;
	return 0;
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The end of the run of text at S[J..LEN): up to the next byte that SPECIAL
 * marks, going on over single spaces between words when SPACES (those
 * stay as they are, so a run is usually a whole line). Eight bytes at a
 * time while they hold no byte below 0x0E (tab, line ends) and no two
 * spaces in a row; the byte loop decides the rest. */
static size_t text_run(const char *s, size_t j, size_t len, const unsigned char *special, int spaces)
{
	for (;;) {
		while (j + 9 <= len) {
			uint64_t w, v, sp, ctl;
			memcpy(&w, s + j, 8);
			ctl = (w - ONES * 0x0E) & ~w & HIGHS;
			if (spaces) {
				v = w ^ (ONES * 0x20);
				sp = (v - ONES) & ~v & HIGHS;
				if (ctl | (sp & (sp << 8)) | ((sp >> 63) & special[(unsigned char)s[j + 8]]))
					break;
			} else if (ctl) {
				break;
			}
			j += 8;
		}
		while (j < len && !special[(unsigned char)s[j]])
			j++;
		if (spaces && j + 1 < len && s[j] == ' ' && !special[(unsigned char)s[j + 1]])
			j += 2;
		else
			return j;
	}
}

/* Where the current paragraph's single line breaks are judged
 * (line_units.h): its width, and the logical line since the last kept
 * break, measured on the output as it is written. */
struct units {
	size_t para_end;       /* input end of the paragraph measured, or 0 */
	struct line_para para; /* its width and list-ness */
	size_t line_out;       /* output offset where the logical line starts */
	size_t counted;        /* output measured so far, from line_out */
	struct line_measure m; /* of output [line_out, counted) */
};

/* Is the single line break before the line at S[I..] one between units?
 * The line before it starts at input byte LINE (its text ends at WS);
 * the paragraph at PARA; OUT holds the output so far. */
static int unit_break(struct units *u, const char *s, size_t len, size_t para, size_t line,
                      size_t ws, size_t i, const struct nout *out)
{
	if (u->para_end <= i)   /* a new paragraph (or, with --keep-spaces, a
	                           line of spaces read as blank): measure on */
		line_units_paragraph(s, len, u->para_end > para ? line : para, &u->para_end, &u->para);
	size_t olen;
	const char *ob = normalize_out_bytes(out, &olen);
	if (u->counted < u->line_out)
		u->counted = u->line_out;
	line_measure_add(&u->m, ob + u->counted, olen - u->counted);
	u->counted = olen;
	size_t e = i;
	while (e < len && s[e] != '\n' && s[e] != '\r')
		e++;
	while (e > i && blank_byte[(unsigned char)s[e - 1]])
		e--;
	return line_units_keep(ob + u->line_out, olen - u->line_out, u->m.cp,
	                       line_units_length(s + line, ws - line), s + i, e - i, &u->para);
}

static int layout(struct normalizer *n, const char *s, size_t len, const char **res, size_t *res_len)
{
	const struct normalize_options *o = &n->opt;
	const unsigned char *special = o->spaces ? blank_byte : line_byte;
	struct nout out;
	struct units u = {0};
	size_t i = 0, ws = 0, para = 0, line = 0;
	int nl = 0, started = 0;

	normalize_out_init(&out, s, &n->layout);
	if (!o->breaks) {
		if (o->spaces && layout_as_written(n, s, len, &out) != 0)
			return -1;
		if (!o->spaces && normalize_out_add(&out, s, len) != 0)
			return -1;
		*res = normalize_out_bytes(&out, res_len);
		return 0;
	}
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			nl++;
			i++;
			continue;
		}
		if (o->spaces && (c == ' ' || c == '\t')) {
			i++;
			continue;
		}
		/* A run of text goes on over single spaces between words, which
		 * stay as they are: usually a run is a whole line. */
		size_t j = text_run(s, i + 1, len, special, o->spaces);
		int rc = 0, kept = 0;
		if (!started) {
			para = line = i;
		} else if (nl >= 2) {
			rc = gap(&out, s, ws, i, "\n\n", 2);
			para = line = i;
			kept = 1;
		} else if (nl == 1 && (o->lines == NORMALIZE_LINES_KEEP ||
		                       (o->lines == NORMALIZE_LINES_UNITS &&
		                        unit_break(&u, s, len, para, line, ws, i, &out)))) {
			rc = gap(&out, s, ws, i, "\n", 1);
			line = i;
			kept = 1;
		} else if (nl == 1) {
			size_t olen;
			const char *ob = normalize_out_bytes(&out, &olen);
			int how = -1;
			if (o->dehyphenate && olen >= 2 && ob[olen - 1] == '-' && ob[olen - 2] != ' ')
				how = hyphen_join(n, ob, olen, s, i, len);
			if (how == 1)
				rc = out_drop(&out, 1);
			else if (how != 0)
				rc = gap(&out, s, ws, i, " ", 1);
			line = i;
		} else if (i > ws) {
			rc = gap(&out, s, ws, i, " ", 1);
		}
		if (kept) {
			size_t olen;
			normalize_out_bytes(&out, &olen);
			u.line_out = u.counted = olen;
			u.m = (struct line_measure){0};
		}
		if (rc != 0 || normalize_out_add(&out, s + i, j - i) != 0)
			return -1;
		started = 1;
		nl = 0;
		ws = i = j;
	}
	*res = normalize_out_bytes(&out, res_len);
	return 0;
}

/* --- the pipeline --------------------------------------------------------- */

const char *normalize_text(struct normalizer *n, const char *s, size_t len, size_t *out_len)
{
	const struct normalize_options *o = &n->opt;
	const char *p = s;
	size_t plen = len;

	if (normalize_markup(n, p, plen, &p, &plen) != 0 ||
	    normalize_chars(n, p, plen, &p, &plen) != 0 ||
	    layout(n, p, plen, &p, &plen) != 0)
		return NULL;
	/* Later steps can make new markup: NFKC turns fullwidth and small
	 * forms into '&' and '<', and a removed soft hyphen can close up
	 * "&am\u00adp;". The text is only done when step 1 finds nothing more
	 * in it. Step 1 writes to its own buffers, so P can be read as is. */
	for (int round = 0; (o->entities || o->html) && round < 4; round++) {
		const char *q;
		size_t qlen;
		if (!memchr(p, '&', plen) && !(o->html && (memchr(p, '<', plen) || memchr(p, '>', plen))))
			break;
		if (normalize_markup(n, p, plen, &q, &qlen) != 0)
			return NULL;
		if (q == p && qlen == plen)
			break;
		if (normalize_chars(n, q, qlen, &p, &plen) != 0 || layout(n, p, plen, &p, &plen) != 0)
			return NULL;
	}
	*out_len = plen;
	return p;
}

/* --- date tag and documents ------------------------------------------- */

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

size_t normalize_date_tag(const char *s, size_t len, char date[11])
{
	size_t i = 0, d;
	while (i < len && blank_byte[(unsigned char)s[i]])
		i++;
	if (len - i < 12 || memcmp(s + i, "date ", 5) != 0)
		return 0;
	d = i + 5;
	if (!digits(s + d, 4) || s[d + 4] != '-' || !digits(s + d + 5, 2) ||
	    two(s + d + 5) < 1 || two(s + d + 5) > 12)
		return 0;
	size_t end = d + 7;
	if (len - end >= 3 && s[end] == '-' && digits(s + end + 1, 2)) {
		if (two(s + end + 1) < 1 || two(s + end + 1) > 31)
			return 0;
		end += 3;
	}
	if (end < len && !blank_byte[(unsigned char)s[end]])
		return 0;
	memcpy(date, s + d, end - d);
	date[end - d] = '\0';
	while (end < len && blank_byte[(unsigned char)s[end]])
		end++;
	return end;
}

/* A text with a UTF-16 byte order mark (kept: the invisible-character step
 * removes it). Unpaired surrogates and an odd last byte become U+FFFD. */
static int decode_utf16(const char *in, size_t len, char **out, size_t *out_len, int *repairs)
{
	const unsigned char *b = (const unsigned char *)in;
	int le = b[0] == 0xFF;
	char *buf = malloc(len / 2 * 3 + 4);
	size_t w = 0, i;
	if (!buf)
		return -1;
	for (i = 0; i + 1 < len; i += 2) {
		int32_t u = le ? b[i] | b[i + 1] << 8 : b[i] << 8 | b[i + 1];
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			int32_t lo = le ? b[i + 2] | b[i + 3] << 8 : b[i + 2] << 8 | b[i + 3];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
			(*repairs)++;
		}
		w += (size_t)utf8_encode(u, buf + w);
	}
	if (i < len) {
		w += (size_t)utf8_encode(0xFFFD, buf + w);
		(*repairs)++;
	}
	buf[w] = '\0';
	*out = buf;
	*out_len = w;
	return 0;
}

int normalize_decode_document(const char *in, size_t len, char **out, size_t *out_len,
                              int *repairs, int *cp1252)
{
	size_t valid_multi = 0, invalid = 0, i = 0;

	*repairs = 0;
	*cp1252 = 0;
	if (len >= 2 && (((unsigned char)in[0] == 0xFF && (unsigned char)in[1] == 0xFE) ||
	                 ((unsigned char)in[0] == 0xFE && (unsigned char)in[1] == 0xFF)))
		return decode_utf16(in, len, out, out_len, repairs);
	if (utf8_valid(in, len)) {
		*out = malloc(len + 1);
		if (!*out)
			return -1;
		memcpy(*out, in, len);
		(*out)[len] = '\0';
		*out_len = len;
		return 0;
	}
	while (i < len) {
		if ((unsigned char)in[i] < 0x80) {
			i++;
			continue;
		}
		int32_t c;
		int used = utf8_decode(in + i, len - i, &c);
		if (used < 0) {
			invalid++;
			i++;
		} else {
			valid_multi++;
			i += (size_t)used;
		}
	}
	if (valid_multi > invalid) {
		*out = utf8_repair(in, len, out_len, repairs);
		return *out ? 0 : -1;
	}
	/* Not UTF-8 at all: Windows-1252, the usual encoding of such files. */
	char *buf = malloc(len * 3 + 1);
	size_t w = 0;
	if (!buf)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned char b = (unsigned char)in[i];
		if (b < 0x80)
			buf[w++] = (char)b;
		else
			w += (size_t)utf8_encode(normalize_cp1252_char(b), buf + w);
	}
	buf[w] = '\0';
	*out = buf;
	*out_len = w;
	*cp1252 = 1;
	return 0;
}
