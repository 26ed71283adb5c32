/* records.c — the property test's two halves (tests/cli/property.sh).
 *
 *   records gen N SEED      write N records: "id", "text" (Dutch-like
 *                           sentences with quotes and names) and fields no
 *                           filter knows, holding what JSON readers trip on:
 *                           duplicate keys (also a duplicate "text"),
 *                           integers past 64 bits, -0, 1e400, fractions as
 *                           written, escapes (\u00e9, surrogate pairs, \/),
 *                           deep nesting, empty containers, white space
 *   records check IN OUT [FIELD]...
 *                           IN and OUT hold the same number of records; in
 *                           each, the members of OUT whose keys are not one
 *                           of the FIELDs (what the filter provides) are
 *                           those of IN, in order, byte for byte
 *
 * Deterministic: the same N and SEED give the same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_scan.h"
#include "lines.h"
#include "record.h"
#include <fcntl.h>
#include <unistd.h>

static uint64_t rng;

static uint32_t next(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

static int pick(int n)
{
	return (int)(next() % (uint32_t)n);
}

static const char *const words[] = {
	"de", "het", "een", "minister", "zei", "dinsdag", "dat", "plan", "Jansen", "Den", "Haag",
	"later", "komt", "burgemeester", "van", "Zwolle", "was", "er", "niet", "mee", "eens",
	"NAVO", "kabinet", "Europese", "Commissie", "wil", "geld", "voor", "Rijn", "Italië",
	"café", "één", "zo'n", "’s", "avonds", "2,5", "miljoen", "euro", "prof.", "dr.",
};

static void put_sentence(FILE *f)
{
	int n = 3 + pick(12), quoted = pick(4) == 0;
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(' ', f);
		if (quoted && i == 1)
			fputs(pick(2) ? "\\\"" : "„", f);
		const char *w = words[pick((int)(sizeof words / sizeof words[0]))];
		if (i == 0)
			fprintf(f, "%c%s", w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0], w + 1);
		else
			fputs(w, f);
		if (quoted && i == n - 2)
			fputs(pick(2) ? "\\\"" : "”", f);
	}
	fputs(pick(5) ? "." : "?", f);
}

static void put_text(FILE *f)
{
	int paragraphs = 1 + pick(3);
	fputc('"', f);
	for (int p = 0; p < paragraphs; p++) {
		if (p)
			fputs("\\n\\n", f);
		int sentences = 1 + pick(4);
		for (int s = 0; s < sentences; s++) {
			if (s)
				fputc(' ', f);
			put_sentence(f);
		}
	}
	fputc('"', f);
}

static const char *const odd_numbers[] = {
	"18446744073709551616", "-98765432109876543210", "9223372036854775807",
	"-9223372036854775808", "-0", "1e400", "2.50", "0.1e-5", "1E+2", "0", "123456789012345678901234567890",
	"-0.0", "3.14159265358979323846264338327950288",
};

static const char *const odd_strings[] = {
	"\"\"", "\"\\u00e9\\ud83d\\ude00\"", "\"a\\/b\"", "\"tab\\there\"", "\"\\\"quoted\\\"\"",
	"\"\\u0000nul\"", "\"caf\xc3\xa9\"", "\"\\ud800\"", "\"line\\nbreak\"", "\"\\\\\"",
};

static void put_value(FILE *f, int depth);

static void put_key(FILE *f)
{
	static const char *const keys[] = {"a", "b", "meta", "x", "\\u0061", "n", "k e y", "é", ""};
	fprintf(f, "\"%s\"", keys[pick((int)(sizeof keys / sizeof keys[0]))]);
}

static void put_value(FILE *f, int depth)
{
	int k = depth > 6 ? pick(4) : pick(7);
	switch (k) {
	case 0:
		fputs(odd_numbers[pick((int)(sizeof odd_numbers / sizeof odd_numbers[0]))], f);
		break;
	case 1:
		fputs(odd_strings[pick((int)(sizeof odd_strings / sizeof odd_strings[0]))], f);
		break;
	case 2:
		fputs(pick(3) == 0 ? "null" : pick(2) ? "true" : "false", f);
		break;
	case 3:
		fprintf(f, "%d", pick(1000) - 500);
		break;
	case 4:
	case 5: {
		int n = pick(4);
		fputc('[', f);
		for (int i = 0; i < n; i++) {
			fputs(i ? (pick(4) ? "," : " , ") : "", f);
			put_value(f, depth + 1);
		}
		fputc(']', f);
		break;
	}
	default: {
		int n = pick(4);
		fputc('{', f);
		for (int i = 0; i < n; i++) {
			fputs(i ? (pick(4) ? "," : ", ") : "", f);
			put_key(f);
			fputs(pick(4) ? ":" : " : ", f);
			put_value(f, depth + 1);
		}
		fputc('}', f);
	}
	}
}

static void put_deep(FILE *f)
{
	int d = 20 + pick(200);
	for (int i = 0; i < d; i++)
		fputs(i % 2 ? "{\"d\":" : "[", f);
	fputs("18446744073709551617", f);
	for (int i = d; i-- > 0;)
		fputs(i % 2 ? "}" : "]", f);
}

static void gen(long n)
{
	for (long r = 0; r < n; r++) {
		int members = 1 + pick(5), text_at = pick(members + 1), dup_text = pick(8) == 0;
		printf("{\"id\":\"p%ld\"", r);
		for (int m = 0; m <= members; m++) {
			if (m == text_at) {
				fputs(",\"text\":", stdout);
				if (dup_text) {
					put_text(stdout);
					fputs(",\"text\":", stdout);
				}
				put_text(stdout);
			}
			if (m == members)
				break;
			fputc(',', stdout);
			put_key(stdout);
			fputc(':', stdout);
			if (pick(10) == 0)
				put_deep(stdout);
			else
				put_value(stdout, 0);
		}
		fputs("}\n", stdout);
	}
}

/* --- check -------------------------------------------------------------- */

struct member {
	struct zj_view key, value;
};

static size_t members_of(const char *line, size_t len, struct member **out, size_t *cap,
                         char **provided, int nprovided)
{
	struct json_iter it;
	struct zj_view k, v;
	size_t n = 0;

	json_iter_init(&it, (struct zj_view){line, len});
	while (json_next_member(&it, &k, &v)) {
		int skip = 0;
		for (int i = 0; i < nprovided; i++)
			skip |= json_key_is(k, provided[i], strlen(provided[i]));
		if (skip)
			continue;
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = realloc(*out, *cap * sizeof **out);
			if (!*out)
				exit(70);
		}
		(*out)[n++] = (struct member){k, v};
	}
	return n;
}

static int check(const char *in_path, const char *out_path, char **provided, int nprovided)
{
	struct line_reader a, b;
	int fa = open(in_path, O_RDONLY), fb = open(out_path, O_RDONLY);
	char *la, *lb;
	size_t na, nb, capa = 0, capb = 0;
	struct member *ma = NULL, *mb = NULL;
	long records = 0, bad = 0;

	if (fa < 0 || fb < 0) {
		perror("records check");
		return 2;
	}
	lines_init(&a, fa, 0);
	lines_init(&b, fb, 0);
	for (;;) {
		int sa = lines_next(&a, &la, &na), sb = lines_next(&b, &lb, &nb);
		if (sa != LINE_OK || sb != LINE_OK) {
			if (sa != sb) {
				fprintf(stderr, "records check: %s has %s records than %s (after %ld)\n",
				        out_path, sa == LINE_OK ? "fewer" : "more", in_path, records);
				return 1;
			}
			break;
		}
		records++;
		struct json_error err;
		if (json_validate(lb, nb, ZJ_MAX_DEPTH, &err) != 0) {
			fprintf(stderr, "records check: %s:%ld: not JSON: %s at byte %zu\n", out_path,
			        records, err.what, err.at + 1);
			return 1;
		}
		size_t ka = members_of(la, na, &ma, &capa, provided, nprovided);
		size_t kb = members_of(lb, nb, &mb, &capb, provided, nprovided);
		size_t i = 0;
		while (i < ka && i < kb && ma[i].key.len == mb[i].key.len && ma[i].value.len == mb[i].value.len &&
		       memcmp(ma[i].key.json, mb[i].key.json, ma[i].key.len) == 0 &&
		       memcmp(ma[i].value.json, mb[i].value.json, ma[i].value.len) == 0)
			i++;
		if (i < ka || i < kb) {
			if (bad++ < 5) {
				fprintf(stderr, "records check: record %ld: member %zu differs\n  in:  ", records, i);
				if (i < ka)
					fprintf(stderr, "\"%.*s\":%.*s", (int)ma[i].key.len, ma[i].key.json,
					        (int)(ma[i].value.len > 200 ? 200 : ma[i].value.len), ma[i].value.json);
				fputs("\n  out: ", stderr);
				if (i < kb)
					fprintf(stderr, "\"%.*s\":%.*s", (int)mb[i].key.len, mb[i].key.json,
					        (int)(mb[i].value.len > 200 ? 200 : mb[i].value.len), mb[i].value.json);
				fputc('\n', stderr);
			}
		}
	}
	printf("records check: %ld records, %ld with a pass-through field changed\n", records, bad);
	free(ma);
	free(mb);
	lines_free(&a);
	lines_free(&b);
	close(fa);
	close(fb);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "gen") == 0) {
		rng = strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15ULL + 1;
		gen(strtol(argv[2], NULL, 10));
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 74;
	}
	if (argc >= 4 && strcmp(argv[1], "check") == 0)
		return check(argv[2], argv[3], argv + 4, argc - 4);
	fprintf(stderr, "usage: records gen N SEED | records check IN OUT [FIELD]...\n");
	return 64;
}
