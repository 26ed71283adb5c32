/* attribution_check.h — what the unit tests of extract-quotes' attribution
 * share (test_attribution.c, test_quote_people.c): one attributor per test,
 * run() over a text of the test's own, and the bytes of each result's
 * quotation, cue, speaker mention and name. The helpers are static inline,
 * so a test file need not use them all. */
#ifndef ZEEF_ATTRIBUTION_CHECK_H
#define ZEEF_ATTRIBUTION_CHECK_H

#include <check.h>
#include <string.h>
#include "../../filters/extract-quotes/attribution.h"

static struct attributor *at;
static const struct attributed_quote *res;
static size_t nres;
static const char *text;
static char buf[4][256];
static int nb;

static void setup(void)
{
	at = attributor_new();
	ck_assert_ptr_nonnull(at);
}

static void teardown(void)
{
	attributor_free(at);
}

static inline size_t run_with(const char *s, const struct entity_hint *ent, size_t nent)
{
	text = s;
	res = attribute_text(at, s, strlen(s), NULL, 0, ent, nent, &nres);
	ck_assert_ptr_nonnull(res);
	return nres;
}

static inline size_t run(const char *s)
{
	return run_with(s, NULL, 0);
}

/* The text of bytes [START, END), or "-" when empty (four buffers, so that
 * one assertion can compare two). */
static inline const char *bytes(size_t start, size_t end)
{
	char *b = buf[nb++ % 4];
	if (end <= start)
		return "-";
	ck_assert_uint_lt(end - start, sizeof buf[0]);
	memcpy(b, text + start, end - start);
	b[end - start] = 0;
	return b;
}

static inline const char *quote(size_t i) { return bytes(res[i].quote.start, res[i].quote.end); }
static inline const char *cue(size_t i)
{
	return res[i].cue_pos == CUE_NONE ? "-" : bytes(res[i].cue.start, res[i].cue.end);
}
static inline const char *speaker(size_t i)
{
	return res[i].has_speaker ? bytes(res[i].speaker.start, res[i].speaker.end) : "-";
}
static inline const char *name(size_t i) { return bytes(res[i].name_start, res[i].name_end); }

/* Quotation I has the mention SPK at its speaker and the name NM. */
static inline void said(size_t i, const char *spk, const char *nm)
{
	ck_assert_str_eq(speaker(i), spk);
	ck_assert_str_eq(name(i), nm);
}

#endif
