/* sentence_check.h — what the splitter's unit tests share
 * (test_sentence.c, test_sentence_rules.c): one splitter per test, and
 * split(), which returns the sentences of a text joined with " | " after
 * checking the invariants every split must keep. */
#ifndef ZEEF_SENTENCE_CHECK_H
#define ZEEF_SENTENCE_CHECK_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"

static struct splitter *sp;

static void setup(void)
{
	sp = splitter_new();
	ck_assert_ptr_nonnull(sp);
}

static void teardown(void)
{
	splitter_free(sp);
}

/* The sentences of TEXT joined with " | ", after checking the invariants:
 * spans in order, trimmed, not overlapping, only white space between them
 * and around them (so nothing is lost or duplicated). */
static char *split(const char *text)
{
	static char out[8192];
	const struct sentence_span *s;
	size_t len = strlen(text), n = splitter_split(sp, text, len, &s), prev = 0;
	out[0] = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_le(prev, s[i].start);
		ck_assert_uint_lt(s[i].start, s[i].end);
		ck_assert_uint_le(s[i].end, len);
		for (size_t k = prev; k < s[i].start; k++)
			ck_assert_msg(strchr(" \n\t\r", text[k]) || (unsigned char)text[k] >= 0x80,
			              "non-space byte %zu lost between sentences in: %s", k, text);
		ck_assert_msg(!strchr(" \n\t\r", text[s[i].start]) &&
		              !strchr(" \n\t\r", text[s[i].end - 1]), "span not trimmed");
		if (i) strcat(out, " | ");
		strncat(out, text + s[i].start, s[i].end - s[i].start);
		prev = s[i].end;
	}
	for (size_t k = prev; k < len; k++)
		ck_assert_msg(strchr(" \n\t\r", text[k]), "text after the last sentence lost");
	return out;
}

#define SPLITS(text, expected) ck_assert_str_eq(split(text), expected)

#endif
