/* line_units.c — single line breaks: units or wrapped prose (see
 * line_units.h). Only characters are looked at, no word lists. */
#include "line_units.h"

#include <stdint.h>
#include <utf8proc.h>

#include "utf8.h"

static int digit(char c);

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

void line_measure_add(struct line_measure *m, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_blank(c)) {
			m->gap = m->any;
		} else if ((c & 0xC0) != 0x80) {
			m->cp += 1 + (size_t)m->gap;
			m->gap = 0;
			m->any = 1;
		}
	}
}

size_t line_units_length(const char *s, size_t n)
{
	struct line_measure m = {0};
	line_measure_add(&m, s, n);
	return m.cp;
}

static int letter_case(const char *s, size_t n);

void line_units_paragraph(const char *s, size_t len, size_t start, size_t *end,
                          struct line_para *p)
{
	size_t i = start, breaks = 0;
	int lower = 0, hyphen = 0;
	*p = (struct line_para){0, 0};
	/* lines end at "\n", "\r\n" or "\r", as normalize reads them */
	while (i < len) {
		size_t ls = i;
		struct line_measure m = {0};
		while (i < len && s[i] != '\n' && s[i] != '\r')
			i++;
		line_measure_add(&m, s + ls, i - ls);
		if (!m.any && ls > start) {
			*end = ls;            /* a blank line ends the paragraph */
			break;
		}
		if (ls > start) {
			size_t f = ls;
			while (is_blank((unsigned char)s[f]))
				f++;
			int c = letter_case(s + f, i - f);
			lower |= c == -1;
			if (!(hyphen && (c != 0 || digit(s[f]))))
				breaks++;
		}
		size_t e = i;
		while (e > ls && is_blank((unsigned char)s[e - 1]))
			e--;
		hyphen = e - ls >= 2 && s[e - 1] == '-' && !is_blank((unsigned char)s[e - 2]);
		if (m.cp > p->width)
			p->width = m.cp;
		if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		if (i < len)
			i++;
	}
	if (i >= len)
		*end = len;
	p->list = breaks >= 3 && !lower;
}

size_t line_units_bullet(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c == '-' || c == '*')
		return 1;
	if (n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xB7)
		return 2;                                  /* · */
	if (n >= 3 && c == 0xE2) {
		unsigned char c1 = (unsigned char)s[1], c2 = (unsigned char)s[2];
		if (c1 == 0x80 && (c2 == 0x93 || c2 == 0x94 || c2 == 0xA2 || c2 == 0xA3))
			return 3;                          /* – — • ‣ */
		if (c1 == 0x96 && (c2 == 0xAA || c2 == 0xBA || c2 == 0xA0))
			return 3;                          /* ▪ ► ■ */
		if (c1 == 0x97 && (c2 == 0x8F || c2 == 0xA6))
			return 3;                          /* ● ◦ */
		if (c1 == 0x86 && c2 == 0x92)
			return 3;                          /* → */
	}
	return 0;
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* First letter of the word at S: its case (1 upper, -1 lower, 0 neither). */
static int letter_case(const char *s, size_t n)
{
	int32_t cp;
	if (utf8_decode(s, n, &cp) < 0)
		return 0;
	utf8proc_category_t k = utf8proc_category(cp);
	if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT)
		return 1;
	if (k == UTF8PROC_CATEGORY_LL)
		return -1;
	return 0;
}

/* A year (four digits) or a range of years at S; returns its byte length
 * or 0. "1985", "1987-1989", "1995-...", "2004-heden" are all years. */
static size_t year_at(const char *s, size_t n)
{
	if (n < 4 || !digit(s[0]) || !digit(s[1]) || !digit(s[2]) || !digit(s[3]) ||
	    (s[0] != '1' && s[0] != '2') || (n > 4 && digit(s[4])))
		return 0;
	size_t i = 4;
	if (i < n && s[i] == '-') {
		size_t j = i + 1;
		while (j < n && !is_blank((unsigned char)s[j]) && s[j] != ':' && s[j] != ')')
			j++;
		i = j;
	}
	return i;
}

/* An enumerator at S: 1. 12) (3) a. a) (b), followed by a space; its byte
 * length or 0. An uppercase letter with a full stop is an initial. */
static size_t enumerator_at(const char *s, size_t n)
{
	size_t i = 0;
	int paren = 0;
	if (n > 0 && s[0] == '(') {
		paren = 1;
		i = 1;
	}
	size_t d = i;
	while (d < n && d - i < 3 && digit(s[d]))
		d++;
	if (d == i && d < n && s[d] >= 'a' && s[d] <= 'z' && !(d + 1 < n && s[d + 1] >= 'a' && s[d + 1] <= 'z'))
		d++;
	else if (d == i)
		return 0;
	if (d >= n)
		return 0;
	if (paren ? s[d] != ')' : (s[d] != '.' && s[d] != ')'))
		return 0;
	d++;
	return d < n && is_blank((unsigned char)s[d]) ? d : 0;
}

enum item_shape line_units_item(const char *s, size_t n, int lower_keys,
                                size_t *words, size_t *mark)
{
	size_t k, w = 0, i = 0;
	if (words) *words = 0;
	if (mark) *mark = 0;
	if (n == 0)
		return ITEM_NONE;
	if ((k = line_units_bullet(s, n)) > 0 && k < n && is_blank((unsigned char)s[k])) {
		if (mark) *mark = k;
		return ITEM_BULLET;
	}
	if ((k = enumerator_at(s, n)) > 0) {
		if (mark) *mark = k;
		return ITEM_ENUM;
	}
	if ((k = year_at(s, n)) > 0) {
		size_t j = k;
		if (j < n && s[j] == ':' && (j + 1 == n || is_blank((unsigned char)s[j + 1]))) {
			if (mark) *mark = j + 1;
			return ITEM_YEAR;
		}
		while (j < n && is_blank((unsigned char)s[j]))
			j++;
		/* a dash: - – — */
		size_t b = j < n && s[j] == '-' ? 1 :
		           j + 2 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
		           ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94) ? 3 : 0;
		if (j > k && b > 0 && j + b < n && is_blank((unsigned char)s[j + b])) {
			if (mark) *mark = j + b;
			return ITEM_YEAR;
		}
	}
	/* a key: up to four words and a colon */
	for (w = 0; w < 4 && i < n; w++) {
		size_t ws = i;
		int c = letter_case(s + i, n - i);
		if (w == 0 ? !(c == 1 || digit(s[i]) || (lower_keys && c == -1))
		           : !(c == 1 || digit(s[i]) || c == -1))
			return ITEM_NONE;
		while (i < n && !is_blank((unsigned char)s[i])) {
			char ch = s[i];
			if (ch == ',' || ch == ';' || ch == '.' || ch == '!' || ch == '?' || ch == '"' ||
			    ch == '(' || ch == ')')
				return ITEM_NONE;
			if (ch == ':')
				break;
			i++;
		}
		/* a lowercase word inside a key is short: "van", "der" */
		if (w > 0 && c == -1 && !lower_keys && utf8_count_cp(s + ws, i - ws) > 3)
			return ITEM_NONE;
		if (i < n && s[i] == ':') {
			if (i == ws || !(i + 1 == n || is_blank((unsigned char)s[i + 1])))
				return ITEM_NONE;
			if (words) *words = w + 1;
			if (mark) *mark = i + 1;
			return ITEM_KEY;
		}
		while (i < n && is_blank((unsigned char)s[i]))
			i++;
	}
	return ITEM_NONE;
}

/* Byte length of the first word of S (up to white space). */
static size_t first_word(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !is_blank((unsigned char)s[i]))
		i++;
	return i;
}

/* Does the line A end a sentence: . ! ? or an ellipsis, then perhaps
 * closing quotes and brackets? */
static int ends_sentence(const char *a, size_t n)
{
	for (;;) {
		unsigned char c = (unsigned char)a[n - 1];
		if (c == '.' || c == '!' || c == '?')
			return 1;
		if (n >= 3 && (unsigned char)a[n - 3] == 0xE2 && (unsigned char)a[n - 2] == 0x80) {
			if (c == 0xA6)
				return 1;                          /* … */
			if (c == 0x9D || c == 0x99 || c == 0xBA) {  /* ” ’ › */
				n -= 3;
			} else {
				return 0;
			}
		} else if (n >= 2 && c == 0xBB && (unsigned char)a[n - 2] == 0xC2) {
			n -= 2;                                    /* » */
		} else if (c == '"' || c == '\'' || c == ')' || c == ']') {
			n--;
		} else {
			return 0;
		}
		if (n == 0)
			return 0;
	}
}

/* Is the bullet at S a dash (- – —), which running prose uses too? */
static int dash(const char *s)
{
	return s[0] == '-' || ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	                       ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

int line_units_keep(const char *a, size_t a_len, size_t a_cp, size_t last_cp,
                    const char *b, size_t b_len, const struct line_para *p)
{
	if (a_len == 0 || b_len == 0)
		return 0;
	enum item_shape sb = line_units_item(b, b_len, 0, NULL, NULL);
	if (sb == ITEM_BULLET && !dash(b))
		return 1;                                          /* 1 */
	enum item_shape sa = line_units_item(a, a_len, 0, NULL, NULL);
	size_t w = p->width > LINE_UNITS_MIN_WIDTH ? p->width : LINE_UNITS_MIN_WIDTH;
	/* B's first word, unless it is all of B and ends in a hyphen: a
	 * joined break after it would make it longer */
	size_t fw = first_word(b, b_len);
	int fits = !(fw == b_len && b[b_len - 1] == '-') &&
	           8 * (a_cp + 1 + utf8_count_cp(b, fw)) <= 7 * w;
	if (sb == ITEM_BULLET || sb == ITEM_ENUM)                  /* 2 */
		return sa == ITEM_BULLET || sa == ITEM_ENUM || a[a_len - 1] == ':' || p->list || fits;
	int bc = letter_case(b, b_len);
	if (a[a_len - 1] == '-' && a_len >= 2 && !is_blank((unsigned char)a[a_len - 2]) &&
	    (bc != 0 || digit(b[0])))
		return 0;                                          /* 3 */
	if (bc == -1)
		return 0;                                          /* 4 */
	if (p->list || ends_sentence(a, a_len) || last_cp > LINE_UNITS_LONG ||
	    (sb != ITEM_NONE && sa == sb))
		return 1;                                          /* 5-8 */
	return fits;                                               /* 9 */
}
