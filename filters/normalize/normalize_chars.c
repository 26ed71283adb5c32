/* normalize_chars.c — step 2 of normalize: the non-ASCII stretches of a
 * text (mojibake, invisible characters, Unicode spaces, NFC). See
 * normalize.h. ASCII text is copied as it is: printable ASCII is already in
 * NFC and NFKC and none of it is removed. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "normalize_impl.h"
#include "utf8.h"

/* Windows-1252 bytes 0x80-0x9F; 0 where the code page leaves a byte
 * undefined (decoders then use the C1 control of the same number). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int32_t normalize_cp1252_char(unsigned char b)
{
	if (b >= 0x80 && b <= 0x9F && cp1252_high[b - 0x80])
		return cp1252_high[b - 0x80];
	return b;
}

int normalize_cp1252_byte(int32_t cp)
{
	if (cp >= 0x80 && cp <= 0xFF)
		return cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Bytes that end an ASCII run: everything but printable ASCII, tab, LF, CR. */
static const unsigned char fast_byte[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
	[' '] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x7F DEL is not */
};

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The end of the run of fast bytes at S[I..LEN): eight bytes at a time
 * while none is a control, DEL or non-ASCII (tab and line ends, which are
 * fast, drop to the byte loop). */
static size_t ascii_run(const char *s, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t w, del;
		memcpy(&w, s + i, 8);
		del = w ^ (ONES * 0x7F);
		if ((w & HIGHS) | ((w - ONES * 0x20) & ~w & HIGHS) | ((del - ONES) & ~del & HIGHS))
			break;
		i += 8;
	}
	while (i < len && fast_byte[(unsigned char)s[i]])
		i++;
	return i;
}

static int is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Windows-1252 bytes that are punctuation typically written right after a
 * word: ‚ „ … ‹ ‘ ’ “ ” • – — › « ». */
static int after_word_punct(int b)
{
	switch (b) {
	case 0x82: case 0x84: case 0x85: case 0x8B: case 0x91: case 0x92: case 0x93:
	case 0x94: case 0x95: case 0x96: case 0x97: case 0x9B: case 0xAB: case 0xBB:
		return 1;
	}
	return 0;
}

/* Is decoding the UTF-8 bytes B[0..len) (read as Windows-1252, giving
 * characters between PREV and NEXT) to R more plausible than leaving them?
 * "Ã«" and "â€™" are never written on purpose; "É”" after "CAF" is. */
static int plausible(const unsigned char *b, int len, int32_t r, int32_t prev, int32_t next)
{
	utf8proc_category_t cat = utf8proc_category(r);
	if ((r >= 0x80 && r <= 0x9F) || cat == UTF8PROC_CATEGORY_CN ||
	    cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CS)
		return 0;
	if (len == 2 && b[0] >= 0xC4) {
		/* An uppercase accented letter before punctuation: real text,
		 * unless it sits inside a lowercase word ("WrocÅ‚aw"). */
		if (r >= 0x250 && r <= 0x2FF)
			return 0;
		if (after_word_punct(b[1]) && !is_lower(prev) && !is_lower(next))
			return 0;
	} else if (len >= 3 && b[0] != 0xE2) {
		/* "café”…" is a word, a quote and an ellipsis. */
		for (int i = 1; i < len; i++)
			if (after_word_punct(b[i]))
				return 0;
	}
	return 1;
}

/* Repair UTF-8 sequences that were decoded as Windows-1252 or Latin-1, in
 * place, until none is left ("ÃƒÂ«" → "Ã«" → "ë"). PREV and NEXT are the
 * characters around the stretch. Returns the new count. */
static size_t repair_mojibake(int32_t *cp, size_t n, int32_t prev, int32_t next)
{
	int changed = 1;
	while (changed) {
		size_t w = 0, i = 0;
		changed = 0;
		while (i < n) {
			int b0 = normalize_cp1252_byte(cp[i]);
			int len = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3
			        : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
			if (len && i + (size_t)len <= n) {
				unsigned char b[4] = {(unsigned char)b0};
				int k;
				for (k = 1; k < len; k++) {
					int bk = normalize_cp1252_byte(cp[i + k]);
					if (bk < 0x80 || bk > 0xBF)
						break;
					b[k] = (unsigned char)bk;
				}
				int32_t r;
				if (k == len && utf8_decode((const char *)b, (size_t)len, &r) == len &&
				    plausible(b, len, r, w ? cp[w - 1] : prev,
				              i + len < n ? cp[i + len] : next)) {
					cp[w++] = r;
					i += (size_t)len;
					changed = 1;
					continue;
				}
			}
			cp[w++] = cp[i++];
		}
		n = w;
	}
	return n;
}

static int is_space(int32_t c)
{
	return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Zero-width and other format characters that only steer rendering. */
static int is_invisible(int32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x061C ||
	       c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) ||
	       c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

/* Is the text after a stretch (REST) a line end, after spaces? */
static int line_end_follows(const char *rest, size_t len)
{
	size_t i = 0;
	while (i < len && (rest[i] == ' ' || rest[i] == '\t'))
		i++;
	return i < len && (rest[i] == '\n' || rest[i] == '\r');
}

static int grow_cps(int32_t **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	int32_t *q = realloc(*p, c * sizeof *q);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

/* Everything that may pass NFC unchanged without asking utf8proc: no
 * combining marks, no singleton decompositions. */
static int nfc_stable(int32_t c)
{
	return c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	       c == 0x20AC;
}

static int is_joiner(int32_t c)
{
	return c == 0x200C || c == 0x200D;
}

/* One round over the CNT code points in n->cps (after the character PREV,
 * or 0, and before REST): the result goes to *res (n->cps2 or n->cps3), *res_cnt long. */
static int stretch_round(struct normalizer *n, size_t cnt, int32_t prev, const char *rest,
                         size_t rest_len, int32_t **res, size_t *res_cnt)
{
	const struct normalize_options *o = &n->opt;
	int32_t next = rest_len ? (unsigned char)rest[0] : 0;
	int32_t *cp = n->cps, *w;
	size_t m = 0, i;
	int simple = 1;

	if (o->mojibake)
		cnt = repair_mojibake(cp, cnt, prev, next);
	if (grow_cps(&n->cps2, &n->cps2_cap, cnt * 2 + 1) != 0)
		return -1;
	w = n->cps2;
	for (i = 0; i < cnt; i++) {
		int32_t c = cp[i];
		if (o->breaks && (c == 0x85 || c == 0x2028)) {
			w[m++] = '\n';
			continue;
		}
		if (o->breaks && c == 0x2029) {
			w[m++] = '\n';
			w[m++] = '\n';
			continue;
		}
		if (o->invisible && is_invisible(c) && !is_joiner(c)) {
			if (c == 0xAD && i + 1 == cnt && o->dehyphenate && o->lines != NORMALIZE_LINES_KEEP &&
			    o->breaks && line_end_follows(rest, rest_len))
				w[m++] = '-';    /* a hyphenation point at a line end */
			continue;
		}
		if (o->spaces && is_space(c))
			c = ' ';
		w[m++] = c;
	}
	/* ZWJ and ZWNJ shape emoji and non-Latin scripts: one is kept between
	 * two such characters, any other goes. */
	if (o->invisible) {
		size_t k = 0;
		for (i = 0; i < m; i++) {
			int32_t c = w[i];
			if (is_joiner(c)) {
				int32_t after = i + 1 < m ? w[i + 1] : next;
				if (!(k && w[k - 1] >= 0x300 && !is_joiner(w[k - 1]) &&
				      after >= 0x300 && !is_joiner(after)))
					continue;
			}
			w[k++] = c;
		}
		m = k;
	}
	for (i = 0; i < m && simple; i++)
		if (!nfc_stable(w[i]))
			simple = 0;
	if (o->form == NORMALIZE_NONE || (o->form == NORMALIZE_NFC && simple)) {
		*res = w;
		*res_cnt = m;
		return 0;
	}
	/* utf8proc reorders and composes over a buffer of code points; it is
	 * given the stretch as UTF-8 and a buffer we keep, so nothing is
	 * allocated per stretch once the buffers have grown. */
	n->utf8.len = 0;
	if (normalize_nb_reserve(&n->utf8, m * 4) != 0)
		return -1;
	for (i = 0; i < m; i++)
		n->utf8.len += (size_t)utf8_encode(w[i], n->utf8.p + n->utf8.len);
	utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                         (o->form == NORMALIZE_NFKC ? UTF8PROC_COMPAT : 0);
	utf8proc_ssize_t got;
	for (;;) {
		got = utf8proc_decompose((const utf8proc_uint8_t *)n->utf8.p, (utf8proc_ssize_t)n->utf8.len,
		                         n->cps3, (utf8proc_ssize_t)n->cps3_cap, opts);
		if (got < 0)
			return -1;
		if ((size_t)got <= n->cps3_cap)
			break;
		if (grow_cps(&n->cps3, &n->cps3_cap, (size_t)got) != 0)
			return -1;
	}
	got = utf8proc_normalize_utf32(n->cps3, got, opts);
	if (got < 0)
		return -1;
	*res = n->cps3;
	*res_cnt = (size_t)got;
	return 0;
}

/* One stretch of CNT code points in n->cps, followed in the text by REST.
 * The steps can enable each other (a removed character joins mojibake, NFC
 * composes a lead byte's letter), so rounds go on until the stretch no
 * longer changes: that makes normalize idempotent. */
static int stretch(struct normalizer *n, size_t cnt, int32_t prev, const char *rest,
                   size_t rest_len, struct nout *out)
{
	int32_t *res;
	size_t res_cnt;

	for (int round = 0;; round++) {
		if (stretch_round(n, cnt, prev, rest, rest_len, &res, &res_cnt) != 0)
			return -1;
		if (round == 5 || res_cnt == 0 ||
		    (res_cnt == cnt && memcmp(res, n->cps, cnt * sizeof *res) == 0))
			break;
		if (grow_cps(&n->cps, &n->cps_cap, res_cnt + 1) != 0)
			return -1;
		memcpy(n->cps, res, res_cnt * sizeof *res);
		cnt = res_cnt;
	}
	for (size_t i = 0; i < res_cnt; i++) {
		char u[4];
		if (normalize_out_add(out, u, (size_t)utf8_encode(res[i], u)) != 0)
			return -1;
	}
	return 0;
}

/* Would no step change these CNT code points? The usual case in news
 * ("één", curly quotes), decided without utf8proc. */
static int stretch_is_clean(const struct normalize_options *o, const int32_t *cp, size_t cnt)
{
	if (o->form == NORMALIZE_NFKC)
		return 0;
	for (size_t i = 0; i < cnt; i++) {
		int32_t c = cp[i];
		if (c < 0xA0) {
			if (c < 0x80 && c >= 0x20 && c != 0x7F)
				continue;
			return 0;
		}
		if (!nfc_stable(c) || is_invisible(c) || is_space(c) || c == 0x2028 || c == 0x2029)
			return 0;
		if (o->mojibake && c >= 0xC2 && c <= 0xF4 && i + 1 < cnt) {
			int b = normalize_cp1252_byte(cp[i + 1]);
			if (b >= 0x80 && b <= 0xBF)
				return 0;
		}
	}
	return 1;
}

/* The code point that ends at byte END of S (0 at the start). */
static int32_t char_before(const char *s, size_t end)
{
	size_t st = end;
	int32_t c = 0;
	while (st > 0 && end - st < 3 && ((unsigned char)s[st - 1] & 0xC0) == 0x80)
		st--;
	if (st == 0 || utf8_decode(s + st - 1, end - st + 1, &c) < 0)
		return 0;
	return c;
}

int normalize_chars(struct normalizer *n, const char *s, size_t len,
                    const char **res, size_t *res_len)
{
	struct nout out;
	size_t i = 0;

	normalize_out_init(&out, s, &n->chars);
	while (i < len) {
		size_t j = ascii_run(s, i, len);
		if (j == len) {
			if (normalize_out_add(&out, s + i, j - i) != 0)
				return -1;
			break;
		}
		/* The stretch starts at the ASCII character before it, which a
		 * combining mark may compose with ("e" + U+0301). */
		size_t start = j > i && s[j - 1] > ' ' ? j - 1 : j;
		if (normalize_out_add(&out, s + i, start - i) != 0)
			return -1;
		size_t cnt = 0, k = start;
		while (k < len && (k == start || !fast_byte[(unsigned char)s[k]])) {
			if (grow_cps(&n->cps, &n->cps_cap, cnt + 1) != 0)
				return -1;
			int32_t c;
			int used = utf8_decode(s + k, len - k, &c);
			if (used < 0) {   /* cannot happen: the text is valid UTF-8 */
				c = 0xFFFD;
				used = 1;
			}
			n->cps[cnt++] = c;
			k += (size_t)used;
		}
		if (stretch_is_clean(&n->opt, n->cps, cnt)) {
			if (normalize_out_add(&out, s + start, k - start) != 0)
				return -1;
			i = k;
			continue;
		}
		/* An unchanged stretch is appended from S, keeping the output
		 * a plain copy as long as possible. */
		struct nout probe;
		size_t plen;
		const char *p;
		normalize_out_init(&probe, s + start, &n->probe);
		if (stretch(n, cnt, char_before(s, start), s + k, len - k, &probe) != 0)
			return -1;
		p = normalize_out_bytes(&probe, &plen);
		if (plen == k - start && memcmp(p, s + start, plen) == 0)
			p = s + start;
		if (normalize_out_add(&out, p, plen) != 0)
			return -1;
		i = k;
	}
	*res = normalize_out_bytes(&out, res_len);
	return 0;
}
