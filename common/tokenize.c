/* tokenize.c — Dutch word tokens with byte offsets (see tokenize.h).
 *
 * One left-to-right scan. ASCII goes through a class table; other code
 * points are classed by their Unicode category (utf8proc). The rules are
 * about characters only, no word lists:
 *   - a word is a run of letters, marks and digits; a hyphen or an
 *     apostrophe between two such runs joins them (compounds, plural `'s`),
 *     and a hyphen after a word and before a space stays with it (the first
 *     half of a shared compound);
 *   - a number is a run of digits with `.`, `,`, `:` or `/` between digits;
 *   - letters separated by dots with a final dot (`o.a.`) are one token, and
 *     so is one capital letter with its dot (an initial);
 *   - an apostrophe before one lower-case letter or two digits that end a
 *     word (`'s`, `'t`, `'81`) starts that word;
 *   - a run of the same punctuation mark (`...`, `,,`, `''`) is one token;
 *   - a web address (http://, https://, www.) or e-mail address is one
 *     token of kind TOK_OTHER, without the punctuation after it.
 */
#include "tokenize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum cls { C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_OTHER };

/* The class of each ASCII character: white space and control characters
 * are space; $ + < = > ^ ` | ~ are symbols (other); the rest of the marks
 * are punctuation. Built once from those rules (ascii_init). */
static unsigned char ascii_cls[128];
static int ascii_ready;

static void ascii_init(void)
{
	for (int c = 0; c < 128; c++) {
		enum cls k = C_PUNCT;
		if (c < 0x20 || c == ' ' || c == 0x7f)
			k = C_SPACE;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			k = C_LETTER;
		else if (c >= '0' && c <= '9')
			k = C_DIGIT;
		else if (strchr("$+<=>^`|~", c))
			k = C_OTHER;
		ascii_cls[c] = (unsigned char)k;
	}
	ascii_ready = 1;
}

/* Class and length of the character at S[I] (I < LEN), code point in *CP. */
static enum cls char_class(const char *s, size_t len, size_t i, int32_t *cp, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		*n = 1;
		return (enum cls)ascii_cls[c];
	}
	utf8proc_int32_t u;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	                                      (utf8proc_ssize_t)(len - i), &u);
	if (k <= 0) {
		*cp = 0xFFFD;
		*n = 1;
		return C_OTHER;
	}
	*cp = u;
	*n = (size_t)k;
	switch (utf8proc_category(u)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	default:
		return C_OTHER;
	}
}

static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Class of the character at I, or C_SPACE past the end. */
static enum cls class_at(const char *s, size_t len, size_t i, int32_t *cp, size_t *n)
{
	if (i >= len) {
		*cp = 0;
		*n = 0;
		return C_SPACE;
	}
	if ((unsigned char)s[i] < 0x80) {   /* ASCII: without a call */
		*cp = (unsigned char)s[i];
		*n = 1;
		return (enum cls)ascii_cls[(unsigned char)s[i]];
	}
	return char_class(s, len, i, cp, n);
}

static int wordish(enum cls c) { return c == C_LETTER || c == C_DIGIT; }

/* End of the run of letters/digits starting at I; *digits_only, *letters
 * (cleared when a letter is seen) and *letters (letters counted) describe it. */
static size_t scan_run(const char *s, size_t len, size_t i, int *digits_only, size_t *letters)
{
	int32_t cp;
	size_t n;
	enum cls c;
	for (;;) {
		/* ASCII letters and digits from the table, without a call */
		while (i < len && (unsigned char)s[i] < 0x80) {
			unsigned char k = ascii_cls[(unsigned char)s[i]];
			if (k == C_LETTER) {
				*digits_only = 0;
				++*letters;
			} else if (k != C_DIGIT) {
				return i;
			}
			i++;
		}
		if ((c = class_at(s, len, i, &cp, &n)) != C_LETTER && c != C_DIGIT)
			break;
		if (c == C_LETTER) {
			*digits_only = 0;
			++*letters;
		}
		i += n;
	}
	return i;
}

static int push(struct token_list *l, size_t start, size_t end, enum token_kind kind)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct token *t = realloc(l->tok, cap * sizeof *t);
		if (!t)
			return -1;
		l->tok = t;
		l->cap = cap;
	}
	l->tok[l->n].start = start;
	l->tok[l->n].end = end;
	l->tok[l->n].kind = kind;
	l->n++;
	return 0;
}

/* Scan a word or number starting at I (a letter or digit, or the
 * apostrophe of a clitic). Returns its end; *kind its kind. */
static size_t scan_word(const char *s, size_t len, size_t i, enum token_kind *kind)
{
	int digits_only = 1, seg_digits = 1;
	size_t letters = 0, seg_letters = 0, segments = 1;
	int32_t cp, cp2;
	size_t n, n2;
	size_t start = i;
	size_t j = scan_run(s, len, i, &seg_digits, &seg_letters);
	if (j == i) { /* apostrophe of a clitic or year: take it and its run */
		class_at(s, len, i, &cp, &n);
		j = scan_run(s, len, i + n, &seg_digits, &seg_letters);
	}
	digits_only = seg_digits;
	letters = seg_letters;
	size_t first_len = j - start;
	for (;;) {
		enum cls c = class_at(s, len, j, &cp, &n);
		if (c != C_PUNCT)
			break;
		enum cls c2 = class_at(s, len, j + n, &cp2, &n2);
		if (is_hyphen(cp) && wordish(c2)) {
			int d = 1;
			size_t le = 0;
			j = scan_run(s, len, j + n, &d, &le);
			digits_only = 0;
			letters += le;
			segments++;
			continue;
		}
		if (is_apostrophe(cp) && c2 == C_LETTER && letters > 0) {
			int d = 1;
			size_t le = 0;
			j = scan_run(s, len, j + n, &d, &le);
			letters += le;
			segments++;
			continue;
		}
		if ((cp == '.' || cp == ',' || cp == ':' || cp == '/') && digits_only && c2 == C_DIGIT) {
			int d = 1;
			size_t le = 0;
			size_t k = scan_run(s, len, j + n, &d, &le);
			if (!d)
				break;
			j = k;
			continue;
		}
		if (is_hyphen(cp) && c2 == C_SPACE && letters > 0 && j + n < len) {
			j += n;
			break;
		}
		if (cp == '.' && letters > 0 && !digits_only && segments == 1) {
			/* letters with dots: every segment short, a dot after each */
			size_t k = j, nseg = 0;
			int ok = first_len <= 4;
			while (ok) {
				int32_t a;
				size_t an;
				if (class_at(s, len, k, &a, &an) != C_PUNCT || a != '.')
					break;
				k += an;
				nseg++;
				int d = 1;
				size_t le = 0;
				size_t e = scan_run(s, len, k, &d, &le);
				if (e == k || d || e - k > 4)
					break;
				int32_t b;
				size_t bn;
				if (class_at(s, len, e, &b, &bn) != C_PUNCT || b != '.')
					break;
				k = e;
			}
			if (ok && nseg >= 2) {
				j = k;
				break;
			}
			/* one capital letter and a dot: an initial */
			if (letters == 1 && j - start <= 2) {
				int32_t a;
				size_t an;
				class_at(s, len, start, &a, &an);
				if (utf8proc_category(a) == UTF8PROC_CATEGORY_LU) {
					j += n;
					break;
				}
			}
		}
		break;
	}
	*kind = digits_only ? TOK_NUMBER : TOK_WORD;
	return j;
}

static int starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if ((s[k] | 0x20) != prefix[k])
			return 0;
	return 1;
}

/* Length of the web address or e-mail address at S[I] (a URL starting
 * with http:// https:// or www., or name@host.tld), without the
 * punctuation that ends it; 0 when there is none. */
static size_t web_address(const char *s, size_t len, size_t i, int may_mail)
{
	const char *w = s + i;
	char first = (char)(w[0] | 0x20);
	int url = (first == 'h' && (starts_with(w, len - i, "http://") ||
	                            starts_with(w, len - i, "https://"))) ||
	          (first == 'w' && starts_with(w, len - i, "www."));
	if (!url && !may_mail)
		return 0;   /* no '@' in the text: no e-mail address */
	/* an e-mail address is looked for in the next 254 bytes only, so that
	 * a long run without spaces stays linear */
	size_t e = i, max = url ? len : (len - i > 254 ? i + 255 : len);
	while (e < max && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != '\r')
		e++;
	if (!url && e == i + 255)
		return 0;
	size_t n = e - i;
	if (url && n <= 4)
		return 0;
	if (!url) {
		const char *at = memchr(w, '@', n);
		if (!at || at == w || !memchr(at, '.', (size_t)(w + n - at)))
			return 0;
		for (const char *p = w; p < w + n; p++) {   /* name@host.tld: no quotes, brackets */
			unsigned char c = (unsigned char)*p;
			if (!(c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
			      c == '.' || c == '-' || c == '_' || c == '+' || c == '@'))
				return 0;
		}
	}
	while (n > 0 && strchr(".,;:!?)]}'\"", w[n - 1]))
		n--;
	/* closing quotes outside ASCII: ” ’ » */
	while (n >= 3 && (unsigned char)w[n - 3] == 0xE2 && (unsigned char)w[n - 2] == 0x80 &&
	       ((unsigned char)w[n - 1] == 0x9D || (unsigned char)w[n - 1] == 0x99))
		n -= 3;
	return n;
}

size_t tokenize(const char *text, size_t len, size_t base, struct token_list *l)
{
	size_t added = 0, i = 0;
	int prev_space = 1;
	/* an e-mail address needs an '@': looked for once, not at each token */
	int may_mail = memchr(text, '@', len) != NULL;
	if (!ascii_ready)
		ascii_init();
	while (i < len) {
		int32_t cp, cp2;
		size_t n, n2;
		enum cls c;
		if ((unsigned char)text[i] < 0x80) {   /* ASCII: without a call */
			cp = (unsigned char)text[i];
			n = 1;
			c = (enum cls)ascii_cls[cp];
		} else {
			c = char_class(text, len, i, &cp, &n);
		}
		if (c == C_SPACE) {
			i += n;
			prev_space = 1;
			continue;
		}
		size_t end;
		enum token_kind kind;
		size_t web = c == C_SPACE ? 0 : web_address(text, len, i, may_mail);
		if (web) {
			end = i + web;
			kind = TOK_OTHER;
		} else if (wordish(c)) {
			end = scan_word(text, len, i, &kind);
		} else if (is_apostrophe(cp) && prev_space &&
		           wordish(class_at(text, len, i + n, &cp2, &n2))) {
			/* `'s`, `'t`: one lower-case letter; `'81`: two digits */
			int d = 1;
			size_t le = 0;
			size_t e = scan_run(text, len, i + n, &d, &le);
			int32_t first;
			size_t fn;
			char_class(text, len, i + n, &first, &fn);
			int clitic = (!d && le == 1 && e - (i + n) == fn &&
			              utf8proc_category(first) == UTF8PROC_CATEGORY_LL) ||
			             (d && e - (i + n) == 2);
			if (clitic) {
				end = scan_word(text, len, i, &kind);
			} else {
				end = i + n;
				kind = TOK_PUNCT;
			}
		} else {
			/* a run of the same mark */
			end = i + n;
			for (;;) {
				int32_t nx;
				size_t nn;
				if (end >= len || class_at(text, len, end, &nx, &nn) != c || nx != cp)
					break;
				end += nn;
			}
			kind = c == C_PUNCT ? TOK_PUNCT : TOK_OTHER;
		}
		if (push(l, base + i, base + end, kind) < 0)
			return (size_t)-1;
		added++;
		i = end;
		prev_space = 0;
	}
	return added;
}

void token_list_free(struct token_list *l)
{
	free(l->tok);
	l->tok = NULL;
	l->n = l->cap = 0;
}
