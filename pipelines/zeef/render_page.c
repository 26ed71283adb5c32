/* render_page.c — the page around the documents: head, document list,
 * script; and HTML escaping. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"
#include "render_doc.h"
#include "render_int.h"

/* Replacement for each byte that HTML text or an attribute value cannot
 * hold as it is; NULL for bytes copied as they are. */
static const char *const escape_as[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;",
	[0x00] = "\xEF\xBF\xBD", [0x01] = "\xEF\xBF\xBD", [0x02] = "\xEF\xBF\xBD",
	[0x03] = "\xEF\xBF\xBD", [0x04] = "\xEF\xBF\xBD", [0x05] = "\xEF\xBF\xBD",
	[0x06] = "\xEF\xBF\xBD", [0x07] = "\xEF\xBF\xBD", [0x08] = "\xEF\xBF\xBD",
	[0x0B] = "\xEF\xBF\xBD", [0x0C] = "\xEF\xBF\xBD", [0x0E] = "\xEF\xBF\xBD",
	[0x0F] = "\xEF\xBF\xBD", [0x10] = "\xEF\xBF\xBD", [0x11] = "\xEF\xBF\xBD",
	[0x12] = "\xEF\xBF\xBD", [0x13] = "\xEF\xBF\xBD", [0x14] = "\xEF\xBF\xBD",
	[0x15] = "\xEF\xBF\xBD", [0x16] = "\xEF\xBF\xBD", [0x17] = "\xEF\xBF\xBD",
	[0x18] = "\xEF\xBF\xBD", [0x19] = "\xEF\xBF\xBD", [0x1A] = "\xEF\xBF\xBD",
	[0x1B] = "\xEF\xBF\xBD", [0x1C] = "\xEF\xBF\xBD", [0x1D] = "\xEF\xBF\xBD",
	[0x1E] = "\xEF\xBF\xBD", [0x1F] = "\xEF\xBF\xBD",
};

static void escape_valid(FILE *f, const char *s, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep = escape_as[(unsigned char)s[i]];
		if (!rep)
			continue;
		fwrite(s + run, 1, i - run, f);
		fputs(rep, f);
		run = i + 1;
	}
	fwrite(s + run, 1, len - run, f);
}

void render_escape(FILE *f, const char *s, size_t len)
{
	if (utf8_valid(s, len)) {
		escape_valid(f, s, len);
		return;
	}
	size_t fixed_len;
	char *fixed = utf8_repair(s, len, &fixed_len, NULL);
	if (!fixed) {
		fputs("zeef render: out of memory\n", stderr);
		exit(70);
	}
	escape_valid(f, fixed, fixed_len);
	free(fixed);
}

struct render *render_open(FILE *page, FILE *messages, const char *title)
{
	struct render *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->page = page;
	r->messages = messages;
	r->title = title;
	r->list = tmpfile();
	if (!r->list) {
		free(r);
		return NULL;
	}
	fputs("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; script-src ", page);
	fputs(render_js_csp, page);
	fputs("; base-uri 'none'; form-action 'none'\">\n<title>", page);
	render_escape(page, title, strlen(title));
	fputs("</title>\n<style>\n", page);
	fputs(render_css, page);
	fputs("</style>\n</head>\n<body>\n<main>\n", page);
	return r;
}

long render_message_count(const struct render *r)
{
	return r->messages_count;
}

static const char legend[] =
	"<p class=\"legend\"><mark class=\"e e-PER\">person<span class=\"t\">PER</span></mark>"
	" <mark class=\"e e-LOC\">place<span class=\"t\">LOC</span></mark>"
	" <mark class=\"e e-ORG\">organisation<span class=\"t\">ORG</span></mark>"
	" <mark class=\"e e-MISC\">other name<span class=\"t\">MISC</span></mark>"
	" <span class=\"q\"><span class=\"who\">speaker</span>quote</span>"
	" <span class=\"cue\">cue</span>"
	" <span class=\"s sum\">summary sentence</span></p>\n";

int render_close(struct render *r)
{
	FILE *f = r->page;
	int rc = 0;
	if (r->ordinal == 0)
		fputs("<p class=\"empty\">No documents.</p>\n", f);
	fputs("</main>\n<nav id=\"docs\">\n<h1>", f);
	render_escape(f, r->title, strlen(r->title));
	fputs("</h1>\n", f);
	fprintf(f, "<p class=\"shown\"><span id=\"shown\">%ld</span> document%s</p>\n",
	        r->ordinal, r->ordinal == 1 ? "" : "s");
	fputs("<input type=\"search\" id=\"filter\" placeholder=\"Filter documents\""
	      " aria-label=\"Filter documents\" autocomplete=\"off\">\n", f);
	fputs(legend, f);
	fputs("<ol id=\"doclist\">\n", f);
	char buf[1 << 15];
	size_t n;
	int err = 0;
	if (ferror(r->list) || fflush(r->list) != 0 || fseek(r->list, 0, SEEK_SET) != 0) {
		rc = -1;
		err = errno;
	}
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, r->list)) > 0)
		fwrite(buf, 1, n, f);
	if (rc == 0 && ferror(r->list)) {
		rc = -1;
		err = errno;
	}
	fputs("</ol>\n</nav>\n<script>", f);
	fputs(render_js, f);
	fputs("</script>\n</body>\n</html>\n", f);
	fclose(r->list);
	free(r->cp_index);
	free(r->els);
	free(r->items);
	free(r->groups);
	free(r->picked);
	free(r);
	errno = err ? err : EIO;   /* for the caller's message when rc != 0 */
	return rc;
}
