/* filter.c — see filter.h: the record loop, the error policy, checked
 * output; the command line is filter_options.c. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "filter.h"
#include "filter_options.h"
#include "escape.h"
#include "json_scan.h"
#include "lines.h"
#include "utf8.h"

static const struct filter_spec *spec;
static struct filter_options opt = { ON_ERROR_FAIL, 0, 0, (size_t)256 << 20 };

const char filter_marker[] = "zeef filter: answers --describe with one JSON line";

const char *filter_name(void)
{
	return spec ? spec->name : "zeef";
}

static long warnings;   /* filter_warn calls, to know whether start() said why */
static struct record *current;   /* the record being read, for messages */

void filter_out_of_memory(void)
{
	if (current) {
		record_print_prefix(current, stderr);
		fputs("out of memory\n", stderr);
	} else {
		fprintf(stderr, "%s: out of memory\n", filter_name());
	}
	exit(EXIT_SOFTWARE);
}

void filter_warn(const char *fmt, ...)
{
	va_list ap;

	warnings++;
	fprintf(stderr, "%s: ", filter_name());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void write_failed(void)
{
	int e = errno;
	fprintf(stderr, "%s: write error: %s\n", filter_name(), strerror(e ? e : EIO));
	exit(EXIT_IOERR);
}

/* Output: checked writes. */
static void emit_record(const struct record *r)
{
	if (record_write(r, stdout) != 0)
		write_failed();
	if (opt.unbuffered && fflush(stdout) != 0)
		write_failed();
}

static void emit_raw(const char *line, size_t len)
{
	if (fwrite(line, 1, len, stdout) != len || putc('\n', stdout) == EOF)
		write_failed();
	if (opt.unbuffered && fflush(stdout) != 0)
		write_failed();
}

/* A bad line: apply --on-error. UNPASSABLE is NULL, or why LINE cannot be
 * written through (it was never held, or is no line); with pass that ends
 * the run, as with fail: nothing is lost without a failing exit status.
 * Returns 0 to go on, or the exit code. */
static int bad_line(struct record *r, const char *line, size_t len, const char *unpassable)
{
	char why[96];

	if (fflush(stdout) != 0)
		write_failed();
	switch (opt.on_error) {
	case ON_ERROR_SKIP:
		record_print_error(r, " (skipped)");
		return 0;
	case ON_ERROR_PASS:
		if (!unpassable) {
			record_print_error(r, " (passed through)");
			emit_raw(line, len);
			return 0;
		}
		snprintf(why, sizeof why, " (cannot be passed through: %s)", unpassable);
		record_print_error(r, why);
		return EXIT_DATAERR;
	default:
		record_print_error(r, "");
		return EXIT_DATAERR;
	}
}

/* After the first line that is not a JSON object, once per run and only
 * when no good record came before it (input that is not JSON Lines at all):
 * what this program expects, and how to get there from what the line looks
 * like. ERROR is the line's message. */
static long good_records;

static void hint(const char *line, size_t len, const char *error)
{
	static int hinted;
	const char *why = NULL;
	size_t i = 0;

	if (hinted || good_records)
		return;
	hinted = 1;
	if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	char c = i < len ? line[i] : 0;
	if (c == '[')
		why = "a JSON array? Records are JSON objects, one per line (JSON Lines); "
		      "jq -c '.[]' turns an array into them";
	else if ((c == '{' && error && strstr(error, "end of line")) || c == '"' || c == '}')
		why = "pretty-printed JSON? Records are JSON objects, one per line (JSON Lines); "
		      "jq -c . puts each object on one line";
	else if (c != '{' && (spec->flags & FILTER_DOCUMENTS))
		why = "plain text? Give it as a FILE (not named .jsonl), or on standard input "
		      "with --text";
	else if (c != '{')
		why = "plain text? Records are JSON objects, one per line (JSON Lines); "
		      "normalize turns text into them: normalize FILE | ...";
	if (why)
		fprintf(stderr, "%s: hint: %s\n", filter_name(), why);
}

/* The id of a line that is not valid UTF-8, for its message: read from a
 * repaired copy (R gets the id only; the line stays bad input). */
static void note_id_of_bad_line(struct record *r, const char *line, size_t len)
{
	size_t flen;
	char *fixed = utf8_repair(line, len, &flen, NULL);

	if (!fixed)
		filter_out_of_memory();
	struct record probe = {0};
	if (record_parse(&probe, fixed, flen) == 0) {
		const char *id = record_id(&probe);
		if (id)
			record_set(r, "id", zj_string(id, probe.id_len));
	}
	record_clear(&probe);
	free(fixed);
}

/* Validate and process one record whose JSON text is LINE. */
static int process(struct record *r, char *line, size_t len)
{
	char *fixed = NULL;
	const char *json = line;
	size_t jlen = len;
	int rc;

	r->raw = line;
	r->raw_len = len;
	if (!utf8_valid(line, len)) {
		if (!(spec->flags & FILTER_REPAIR_UTF8)) {
			note_id_of_bad_line(r, line, len);
			record_error(r, "invalid UTF-8");
			return bad_line(r, line, len, NULL);
		}
		fixed = utf8_repair(line, len, &jlen, &r->utf8_repairs);
		if (!fixed)
			filter_out_of_memory();
		json = fixed;
	}
	if (record_parse(r, json, jlen) != 0) {
		free(fixed);
		rc = bad_line(r, line, len, NULL);
		hint(line, len, r->error);
		return rc;
	}
	if (!(spec->flags & FILTER_TEXT_OPTIONAL)) {
		struct zj_view text;
		/* No second UTF-8 check of the text: the line was valid (or
		 * repaired), and escapes decode to valid UTF-8 (a lone
		 * surrogate to U+FFFD), so the text is valid too. */
		if (!record_view(r, "text", &text))
			record_error(r, "no \"text\" field");
		else if (json_first(text) != '"')
			record_error(r, "\"text\" is not a string");
		if (r->error) {
			free(fixed);
			return bad_line(r, line, len, NULL);
		}
	}
	/* A failed allocation the filter did not notice (or a library hid)
	 * must not pass for a good record: malloc leaves errno at ENOMEM. */
	errno = 0;
	rc = spec->record(r);
	if (errno == ENOMEM)
		filter_out_of_memory();
	if (rc == 0) {
		emit_record(r);
		good_records++;
	} else if (r->error) {
		rc = bad_line(r, line, len, NULL);
	} else {
		record_print_prefix(r, stderr);
		fprintf(stderr, "internal error %d\n", rc);
		exit(rc);
	}
	free(fixed);
	return rc;
}

static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int read_error(const char *name)
{
	if (errno == ENOMEM)
		filter_out_of_memory();
	fprintf(stderr, "%s: ", spec->name);
	escape_fputs(stderr, name);
	fprintf(stderr, ": read error: %s\n", strerror(errno));
	return EXIT_IOERR;
}

static int read_records(struct line_reader *lr, const char *name)
{
	struct record r = {0};
	char *line;
	size_t len;
	int st, rc = 0;

	r.file = name;
	current = &r;
	while (rc == 0 && (st = lines_next(lr, &line, &len)) != LINE_EOF) {
		r.line = lr->line;
		if (st == LINE_ERROR) {
			rc = read_error(name);
			break;
		}
		if (st == LINE_TOO_LONG) {
			record_error(&r, "line longer than %zu bytes (see --max-record-bytes)", opt.max_record_bytes);
			rc = bad_line(&r, NULL, 0, "too long to hold");
		} else if (!is_blank(line, len)) {
			rc = process(&r, line, len);
		}
		record_clear(&r);
	}
	current = NULL;
	return rc;
}

/* The rest of LR as one record {"id": ID, "text": contents}. */
static int read_document(struct line_reader *lr, const char *name, const char *id)
{
	struct record r = {.file = name, .line = 1};
	size_t len, tlen = 0;
	char *bytes, *text = NULL;
	int rc, st = lines_rest(lr, &bytes, &len);

	if (st == LINE_ERROR)
		return read_error(name);
	current = &r;
	record_set(&r, "id", zj_cstring(id));
	if (st == LINE_TOO_LONG) {
		record_error(&r, "document longer than %zu bytes (see --max-record-bytes)", opt.max_record_bytes);
		rc = bad_line(&r, NULL, 0, "a document is not a line");
		record_clear(&r);
		current = NULL;
		return rc;
	}
	if (spec->decode_document) {
		if (spec->decode_document(bytes, len, &text, &tlen) != 0)
			filter_out_of_memory();
	} else if (utf8_valid(bytes, len)) {
		text = bytes;
		tlen = len;
	}
	if (!text) {
		record_error(&r, "document is not valid UTF-8");
		rc = bad_line(&r, NULL, 0, "a document is not a line");
	} else {
		record_set_text(&r, text, tlen);
		errno = 0;
		rc = spec->record(&r);
		if (errno == ENOMEM)
			filter_out_of_memory();
		if (rc == 0)
			emit_record(&r);
		else if (r.error)
			rc = bad_line(&r, NULL, 0, "a document is not a line");
	}
	record_clear(&r);
	current = NULL;
	if (text != bytes)
		free(text);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The document id of PATH: its name without folder and extension. */
static char *document_id(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *id = strdup(base);
	if (!id)
		filter_out_of_memory();
	char *dot = strrchr(id, '.');
	if (dot && dot != id)
		*dot = '\0';
	return id;
}

/* For a filter that takes documents: is the input at LR (named NAME) one
 * document rather than JSON Lines? Standard input and FILEs named .json
 * hold records when they start with '{' or '['; other FILEs not named
 * .jsonl are documents. Returns 1, 0, or -1 on a read error. */
static int is_document(struct line_reader *lr, const char *name, int is_stdin)
{
	if (!(spec->flags & FILTER_DOCUMENTS))
		return 0;
	if (is_stdin && opt.text_mode)
		return 1;
	if (!is_stdin && ends_with(name, ".jsonl"))
		return 0;
	if (!is_stdin && !ends_with(name, ".json"))
		return 1;
	int c = lines_peek(lr);
	if (c == LINE_ERROR)
		return -1;
	if (c == LINE_EOF || c == '{' || c == '[')
		return 0;
	if (is_stdin) {
		fprintf(stderr, "%s: <stdin>: not JSON Lines: read as one plain-text document "
		        "(--text says so)\n", spec->name);
	}
	return 1;
}

static int read_input(const char *path)
{
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	int fd = STDIN_FILENO, rc;

	if (!is_stdin) {
		fd = open(path, O_RDONLY);
		struct stat sb;
		if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			close(fd);   /* open(2) takes a folder; reading it would fail (74) */
			fd = -1;
			errno = EISDIR;
		}
		if (fd < 0) {
			fprintf(stderr, "%s: ", spec->name);
			escape_fputs(stderr, path);
			fprintf(stderr, ": cannot open: %s\n", strerror(errno));
			return EXIT_NOINPUT;
		}
	}
	struct line_reader lr;
	lines_init(&lr, fd, opt.max_record_bytes);
	int doc = is_document(&lr, name, is_stdin);
	if (doc < 0) {
		rc = read_error(name);
	} else if (doc) {
		char *id = is_stdin ? NULL : document_id(path);
		rc = read_document(&lr, name, id ? id : "stdin");
		free(id);
	} else {
		rc = read_records(&lr, name);
	}
	lines_free(&lr);
	if (!is_stdin)
		close(fd);
	return rc;
}

int filter_main(const struct filter_spec *s, int argc, char **argv)
{
	static char outbuf[1 << 16];
	int rc;

	spec = s;
	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

	rc = filter_parse_options(spec, argc, argv, &opt);
	if (rc == 0 && opt.text_mode && optind < argc)
		rc = filter_usage_error("--text reads standard input; it takes no FILE");
	if (rc == 0 && spec->start) {
		long before = warnings;
		errno = 0;
		rc = spec->start();
		/* A start-up that fails says why, even when the filter did not;
		 * one that lost an allocation on the way (a word list callback
		 * cannot fail) is not allowed to run with part of its data. */
		if (rc == EXIT_SOFTWARE && warnings == before)
			filter_warn("%s", errno == ENOMEM ? "out of memory" : "cannot start: internal error");
		else if (rc == 0 && errno == ENOMEM) {
			filter_warn("out of memory");
			rc = EXIT_SOFTWARE;
		}
	}
	if (rc == 0) {
		if (optind >= argc)
			rc = read_input("-");
		for (int i = optind; rc == 0 && i < argc; i++)
			rc = read_input(argv[i]);
		if (spec->finish)
			spec->finish();
	}
	if (rc < 0)    /* --help, --version, --describe */
		rc = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed();
	if (fclose(stdout) != 0)
		write_failed();
	return rc;
}
