/* test_render.c — `zeef render`'s drawing of one record: escaping, code-point
 * offsets, spans that cross, and a page that stays well formed and shows the
 * text exactly, whatever spans a record brings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "../../pipelines/zeef/render_doc.h"

struct page {
	char *html, *messages;
	size_t html_len, messages_len;
	int rc;
};

/* Render the records LINES (one per line) and keep the page and messages. */
static struct page render_lines(const char *lines)
{
	struct page p = { 0 };
	FILE *html = open_memstream(&p.html, &p.html_len);
	FILE *msg = open_memstream(&p.messages, &p.messages_len);
	struct render *r = render_open(html, msg, "t");
	ck_assert_ptr_nonnull(r);
	long no = 0;
	for (const char *s = lines; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		p.rc |= render_record(r, s, len, "in", ++no);
		s += len + (nl != NULL);
	}
	ck_assert_int_eq(render_close(r), 0);
	fclose(html);
	fclose(msg);
	return p;
}

static void page_free(struct page *p)
{
	free(p->html);
	free(p->messages);
}

/* The <div class="text"> of the first document. */
static char *text_div(const struct page *p)
{
	const char *a = strstr(p->html, "<div class=\"text\">");
	ck_assert_ptr_nonnull(a);
	a += strlen("<div class=\"text\">");
	const char *b = strstr(a, "</div>\n<aside>");
	ck_assert_ptr_nonnull(b);
	return strndup(a, (size_t)(b - a));
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

/* Tags of HTML balanced (span and mark only), and the text shown once the
 * labels (type, speaker) are taken out and entities decoded. */
static char *shown_text(const char *html)
{
	char *out = malloc(strlen(html) + 1), *o = out;
	char stack[64];
	int depth = 0, skip = 0;
	for (const char *s = html; *s;) {
		if (*s == '<') {
			const char *end = strchr(s, '>');
			ck_assert_ptr_nonnull(end);
			int closing = s[1] == '/';
			char tag = closing ? s[2] : s[1];
			if (closing) {
				ck_assert_int_gt(depth, 0);
				ck_assert_int_eq(stack[--depth], tag);
				if (skip == depth + 1)
					skip = 0;
			} else {
				ck_assert_int_lt(depth, 64);
				stack[depth++] = tag;
				if (!skip && (strncmp(s, "<span class=\"t\"", 15) == 0 ||
				              strncmp(s, "<span class=\"who", 16) == 0))
					skip = depth;
			}
			s = end + 1;
			continue;
		}
		if (skip) {
			s++;
			continue;
		}
		static const char *const ent[][2] = {
			{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
			{ "&quot;", "\"" }, { "&#39;", "'" }
		};
		int done = 0;
		for (size_t i = 0; i < 5 && !done; i++)
			if (strncmp(s, ent[i][0], strlen(ent[i][0])) == 0) {
				*o++ = ent[i][1][0];
				s += strlen(ent[i][0]);
				done = 1;
			}
		if (!done)
			*o++ = *s++;
	}
	ck_assert_int_eq(depth, 0);
	*o = 0;
	return out;
}

START_TEST(escapes_markup_and_bad_bytes)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	render_escape(f, "<script>a&b \"c\" 'd'</script>", 28);
	render_escape(f, "x\xC3(y\0z", 6);
	fclose(f);
	ck_assert_str_eq(buf, "&lt;script&gt;a&amp;b &quot;c&quot; &#39;d&#39;&lt;/script&gt;"
	                      "x\xEF\xBF\xBD(y\xEF\xBF\xBDz");
	free(buf);
}
END_TEST

START_TEST(offsets_are_code_points)
{
	/* "Café in Zürich": Zürich starts at code point 8, byte 9. */
	struct page p = render_lines(
		"{\"id\":\"a\",\"text\":\"Café in Zürich.\",\"entities\":"
		"[{\"start\":8,\"end\":14,\"text\":\"Zürich\",\"type\":\"LOC\"}]}");
	char *t = text_div(&p);
	ck_assert_str_eq(t, "Café in <mark class=\"e e-LOC\" data-e=\"0\">Zürich"
	                    "<span class=\"t\">LOC</span></mark>.");
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_eq(p.messages_len, 0);
	free(t);
	page_free(&p);
}
END_TEST

START_TEST(crossing_spans_are_split_into_pieces)
{
	/* The quote runs from inside sentence 0 into sentence 1: the sentence is
	 * closed and reopened as a piece; the speaker label shows once. */
	struct page p = render_lines(
		"{\"id\":\"a\",\"text\":\"Hij zei: ja. Nee zo.\","
		"\"sentences\":[{\"start\":0,\"end\":12},{\"start\":13,\"end\":20}],"
		"\"quotes\":[{\"start\":9,\"end\":16,\"kind\":\"direct\","
		"\"speaker\":{\"start\":0,\"end\":3,\"text\":\"Hij\",\"name\":\"Piet\"},"
		"\"cue\":{\"start\":4,\"end\":7,\"text\":\"zei\"}}]}");
	char *t = text_div(&p);
	ck_assert_int_eq(count(t, "<span class=\"who\">Piet</span>"), 1);
	ck_assert_int_eq(count(t, "class=\"q"), 2);
	ck_assert_int_eq(count(t, "class=\"q cont\""), 1);
	ck_assert_int_eq(count(t, "<span class=\"s cont\">"), 1);
	ck_assert_int_eq(count(t, "<span class=\"cue\" data-q=\"0\">zei</span>"), 1);
	char *shown = shown_text(t);
	ck_assert_str_eq(shown, "Hij zei: ja. Nee zo.");
	free(shown);
	free(t);
	page_free(&p);
}
END_TEST

START_TEST(a_quote_without_speaker_is_unattributed)
{
	struct page p = render_lines(
		"{\"id\":\"a\",\"text\":\"Er werd 'nee' geroepen.\",\"quotes\":"
		"[{\"start\":8,\"end\":13,\"kind\":\"direct\",\"speaker\":null,\"cue\":null}]}");
	char *t = text_div(&p);
	ck_assert_int_eq(count(t, "<span class=\"who none\">unattributed</span>"), 1);
	ck_assert_int_eq(count(p.html, "<span class=\"name none\">unattributed</span>"), 1);
	free(t);
	page_free(&p);
}
END_TEST

START_TEST(a_speaker_known_by_name_only_is_named_not_marked)
{
	struct page p = render_lines(
		"{\"id\":\"a\",\"text\":\"'Nee', klonk het.\",\"quotes\":"
		"[{\"start\":0,\"end\":5,\"kind\":\"direct\",\"speaker\":{\"name\":\"Anna de Wit\"},"
		"\"cue\":null}]}");
	char *t = text_div(&p);
	ck_assert_int_eq(count(t, "<span class=\"who\">Anna de Wit</span>"), 1);
	ck_assert_int_eq(count(t, "class=\"spk"), 0);
	ck_assert_uint_eq(p.messages_len, 0);
	free(t);
	page_free(&p);
}
END_TEST

START_TEST(bad_spans_are_reported_and_left_out)
{
	struct page p = render_lines(
		"{\"id\":\"x\",\"text\":\"Piet en Jan.\",\"entities\":["
		"{\"start\":0,\"end\":4,\"type\":\"PER\"},"
		"{\"start\":2,\"end\":6,\"type\":\"PER\"},"
		"{\"start\":8,\"end\":99,\"type\":\"PER\"}]}");
	char *t = text_div(&p);
	ck_assert_int_eq(count(t, "<mark"), 1);
	ck_assert_ptr_nonnull(strstr(p.messages, "zeef render: in:1: id=x: entity 2: end 99 "
	                                          "is past the end of the text (12 code points)"));
	ck_assert_ptr_nonnull(strstr(p.messages, "entity 1 [2,6) overlaps entity 0 [0,4)"));
	ck_assert_int_eq(p.rc, 0);
	free(t);
	page_free(&p);
}
END_TEST

START_TEST(a_bad_line_is_left_out_and_the_page_completed)
{
	struct page p = render_lines("{\"text\":\n{\"id\":\"b\",\"text\":\"Goed.\"}");
	ck_assert_int_eq(p.rc, 65);
	ck_assert_int_eq(count(p.html, "<article"), 1);
	ck_assert_ptr_nonnull(strstr(p.html, "</html>\n"));
	ck_assert_ptr_nonnull(strstr(p.messages, "in:1: not valid JSON"));
	page_free(&p);
}
END_TEST

/* Any spans at all (random, overlapping, out of range): the tags stay
 * balanced and the page shows exactly the record's text. */
START_TEST(any_spans_keep_the_page_well_formed)
{
	static const char text[] = "Één „quote” & <b>vet</b>, zei Zoë.\n\nNog één zin.";
	const int len_cp = 48;
	unsigned seed = 12345;
	char *rec = malloc(1 << 16);
	for (int round = 0; round < 200; round++) {
		int n = sprintf(rec, "{\"id\":\"r\",\"text\":\"Één „quote” & <b>vet</b>, zei Zoë.\\n\\n"
		                     "Nog één zin.\"");
		static const char *const arrays[] = { "sentences", "entities", "quotes" };
		for (int a = 0; a < 3; a++) {
			n += sprintf(rec + n, ",\"%s\":[", arrays[a]);
			for (int k = 0; k < 6; k++) {
				seed = seed * 1103515245u + 12345u;
				int s = (int)(seed >> 16) % (len_cp + 3) - 1;
				seed = seed * 1103515245u + 12345u;
				int e = s + (int)(seed >> 16) % 20;
				n += sprintf(rec + n, "%s{\"start\":%d,\"end\":%d,\"type\":\"PER\","
				             "\"speaker\":{\"start\":%d,\"end\":%d,\"name\":\"X\"},"
				             "\"cue\":{\"start\":%d,\"end\":%d}}",
				             k ? "," : "", s, e, e - 3, e + 2, s / 2, s / 2 + 2);
			}
			n += sprintf(rec + n, "]");
		}
		sprintf(rec + n, ",\"summary\":{\"sentences\":[0,3,9]}}");
		struct page p = render_lines(rec);
		ck_assert_int_eq(p.rc, 0);
		char *t = text_div(&p);
		char *shown = shown_text(t);
		ck_assert_str_eq(shown, text);
		free(shown);
		free(t);
		page_free(&p);
	}
	free(rec);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");
	tcase_add_test(tc, escapes_markup_and_bad_bytes);
	tcase_add_test(tc, offsets_are_code_points);
	tcase_add_test(tc, crossing_spans_are_split_into_pieces);
	tcase_add_test(tc, a_quote_without_speaker_is_unattributed);
	tcase_add_test(tc, a_speaker_known_by_name_only_is_named_not_marked);
	tcase_add_test(tc, bad_spans_are_reported_and_left_out);
	tcase_add_test(tc, a_bad_line_is_left_out_and_the_page_completed);
	tcase_add_test(tc, any_spans_keep_the_page_well_formed);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
