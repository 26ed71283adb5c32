/* sentence_words.c — word lists and word shapes for the sentence splitter
 * (see sentence_words.h). */
#include "sentence_words.h"

#include <string.h>

#include "filter.h"
#include "lang.h"
#include "sentence_chars.h"

/* Is the LEN bytes at W in list L, exactly or (when CAP_OK) with its first
 * letter lowercased? */
int sentence_in_list(const struct word_list *l, const char *w, size_t len, int cap_ok)
{
	if (len < l->min_len || len > l->max_len || !l->first[(unsigned char)w[0]])
		return 0;
	if (wordset_has(l->set, w, len))
		return 1;
	if (cap_ok && w[0] >= 'A' && w[0] <= 'Z' && len < 64) {
		char buf[64];
		memcpy(buf, w, len);
		buf[0] = (char)(buf[0] - 'A' + 'a');
		return wordset_has(l->set, buf, len);
	}
	return 0;
}

/* Dotted letters: segments of 1-2 letters separated by single dots, with at
 * least one dot or a single letter ("J", "J.P", "m.b.t"). Uppercase-only
 * single letters count as initials; other dotted forms as abbreviations. */
static enum word_kind dotted_kind(const char *t, size_t s, size_t e)
{
	size_t seg = 0, segs = 1, letters = 0;
	int upper = 1;
	for (size_t i = s; i < e;) {
		if (t[i] == '.') {
			if (seg == 0) return W_WORD;
			seg = 0; segs++; i++;
			continue;
		}
		enum ccase k = char_case(t, i, e);
		if (k != C_UPPER && k != C_LOWER) return W_WORD;
		if (k != C_UPPER) upper = 0;
		if (++seg > 2) return W_WORD;     /* "nos.nl" is no abbreviation */
		letters++;
		i++;
		while (i < e && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
	}
	if (seg == 0) return W_WORD;
	if (segs == 1)
		return letters == 1 && upper ? W_INITIALS : W_WORD;
	return upper ? W_INITIALS : W_ABBR;
}

enum word_kind sentence_word_kind(const struct word_list *abbr,
                                  const struct word_list *abbr_final,
                                  const char *t, size_t s, size_t e, int first)
{
	s = skip_openers(t, s, e);
	e = skip_closers(t, s, e);
	if (s >= e) return W_EMPTY;
	if (sentence_in_list(abbr_final, t + s, e - s, first)) return W_ABBR_FINAL;
	if (sentence_in_list(abbr, t + s, e - s, first)) return W_ABBR;
	unsigned char c = (unsigned char)t[s];
	if (c >= '0' && c <= '9') {
		for (size_t i = s; i < e; i++)
			if (!((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ',' ||
			      t[i] == ':' || t[i] == '-' || t[i] == '/'))
				return W_WORD;
		return W_NUMBER;
	}
	return dotted_kind(t, s, e);
}

static void add_word(const char *w, size_t len, void *ctx)
{
	struct word_list *l = ctx;
	wordset_add(l->set, w, len);
	if (len < l->min_len) l->min_len = len;
	if (len > l->max_len) l->max_len = len;
	unsigned char c = (unsigned char)w[0];
	l->first[c] = 1;
	if (c >= 'a' && c <= 'z')
		l->first[c - 'a' + 'A'] = 1;       /* capitalised at a sentence start */
}

int sentence_load_list(struct word_list *l, const char *name)
{
	l->set = wordset_new();
	l->min_len = (size_t)-1;
	l->max_len = 0;
	if (!l->set || lang_each_line(name, add_word, l) < 0) {
		filter_warn("language file %s is missing", name);
		return -1;
	}
	return 0;
}
