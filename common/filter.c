/* filter.c — see filter.h: options, the record loop, the error policy. */
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
#include "lang.h"
#include "escape.h"
#include "json_scan.h"
#include "lines.h"
#include "utf8.h"

enum { ON_ERROR_FAIL, ON_ERROR_SKIP, ON_ERROR_PASS };
enum { OPT_DESCRIBE = 900, OPT_ON_ERROR, OPT_DATA, OPT_MAX_RECORD, OPT_TEXT };

static const struct filter_spec *spec;
static int on_error = ON_ERROR_FAIL;
static int unbuffered;
static int text_mode;
static size_t max_record_bytes = (size_t)256 << 20;

static const struct option common_options[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"unbuffered", no_argument, NULL, 'u'},
	{"describe", no_argument, NULL, OPT_DESCRIBE},
	{"on-error", required_argument, NULL, OPT_ON_ERROR},
	{"data", required_argument, NULL, OPT_DATA},
	{"max-record-bytes", required_argument, NULL, OPT_MAX_RECORD},
};

static const char common_help[] =
	"Common options:\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"      --describe        print one JSON line saying which record fields this\n"
	"                        program requires, uses when present, and provides\n"
	"      --on-error=POLICY what to do with a bad input line (not JSON, not an\n"
	"                        object, no \"text\" string, invalid UTF-8, too long):\n"
	"                          fail  write the records before it, then exit 65\n"
	"                                (the default)\n"
	"                          skip  warn on stderr and drop the line\n"
	"                          pass  warn on stderr and write the line unchanged;\n"
	"                                a line over --max-record-bytes (never held)\n"
	"                                or a bad document FILE (not a line) cannot\n"
	"                                be passed, so it ends the run as with fail\n"
	"  -u, --unbuffered      flush the output after every record\n"
	"      --data=DIR        read language files from DIR before the built-in ones\n"
	"      --max-record-bytes=N\n"
	"                        longest input line accepted, in bytes (default\n"
	"                        268435456); a longer one is bad input\n"
	"\n"
	"Input and output:\n"
	"  Records are JSON objects, one per line (JSON Lines), read from the FILEs\n"
	"  or from standard input when there are none or a FILE is \"-\". Blank lines\n"
	"  are skipped and \"\\r\\n\" line ends accepted. Exactly one line is written\n"
	"  per record, in input order; fields this program does not provide are\n"
	"  kept unchanged and in place. Offsets are Unicode code points into \"text\".\n"
	"\n"
	"Messages:\n"
	"  Errors and warnings go to standard error as\n"
	"    PROGRAM: FILE:LINE: id=ID: MESSAGE\n"
	"  where FILE is \"<stdin>\" for standard input.\n"
	"\n"
	"Exit status:\n"
	"  0   success (also when --on-error=skip or pass dropped or passed lines)\n"
	"  64  bad command line\n"
	"  65  bad input record, with --on-error=fail (or pass, when it cannot be\n"
	"      passed through)\n"
	"  66  an input file cannot be opened\n"
	"  70  internal error (out of memory)\n"
	"  74  read or write error (such as a full disk)\n"
	"  A closed output pipe ends the program quietly, by SIGPIPE.\n";

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

int filter_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", filter_name());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", filter_name());
	return EXIT_USAGE;
}

long long filter_parse_count(const char *arg)
{
	char *end;
	long long v;

	if (!arg || *arg < '0' || *arg > '9')
		return -1;
	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || *end)
		return -1;
	return v;
}

static void write_failed(void)
{
	int e = errno;
	fprintf(stderr, "%s: write error: %s\n", filter_name(), strerror(e ? e : EIO));
	exit(EXIT_IOERR);
}

static void usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n%s\n\n", spec->name, spec->purpose);
	if (spec->help)
		printf("%s\n", spec->help);
	if (spec->flags & FILTER_DOCUMENTS)
		printf("Documents:\n"
		       "      --text            read standard input as one document (id \"stdin\")\n"
		       "  A FILE whose name does not end in \".jsonl\" is one document: a record\n"
		       "  {\"id\": its name without folder and extension, \"text\": its contents};\n"
		       "  but a FILE named \".json\" that starts with '{' or '[' holds records.\n"
		       "  Standard input that does not start with '{' or '[' is read as one\n"
		       "  document too (id \"stdin\"), with a note on standard error.\n\n");
	fputs(common_help, stdout);
}

static void print_fields(const char *key, const char *list, int last)
{
	printf("\"%s\":[", key);
	const char *p = list ? list : "";
	int first = 1;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n) {
			printf("%s\"%.*s\"", first ? "" : ",", (int)n, p);
			first = 0;
		}
		p += n;
	}
	printf("]%s", last ? "" : ",");
}

static void describe(void)
{
	printf("{\"name\":\"%s\",", spec->name);
	print_fields("requires", spec->requires, 0);
	print_fields("uses", spec->uses, 0);
	print_fields("provides", spec->provides, 1);
	printf("}\n");
}

/* The message for an option getopt refused: ARG is the word it was in. */
static int bad_option(const struct option *all, const char *arg)
{
	if (strncmp(arg, "--", 2) != 0)
		return filter_usage_error("invalid option -- '%c'", optopt > 0 && optopt < 128 ? optopt : '?');
	const char *name = arg + 2;
	size_t n = strcspn(name, "="), matches = 0;
	for (const struct option *o = all; o->name; o++) {
		if (strncmp(o->name, name, n) != 0)
			continue;
		if (strlen(o->name) == n && name[n] == '=' && o->has_arg == no_argument)
			return filter_usage_error("option '--%s' takes no argument", o->name);
		matches++;
	}
	if (matches > 1)
		return filter_usage_error("option '%.*s' is ambiguous", (int)n + 2, arg);
	return filter_usage_error("unrecognized option '%s'", arg);
}

static int parse_options(int argc, char **argv)
{
	size_t ncommon = sizeof common_options / sizeof common_options[0];
	size_t nown = 0, i;
	struct option *all;
	char shortopts[128];
	int c, rc;

	while (spec->options && spec->options[nown].name)
		nown++;
	all = calloc(ncommon + nown + 2, sizeof *all);
	if (!all) {
		filter_warn("out of memory");
		return EXIT_SOFTWARE;
	}
	memcpy(all, common_options, sizeof common_options);
	for (i = 0; i < nown; i++)
		all[ncommon + i] = spec->options[i];
	if (spec->flags & FILTER_DOCUMENTS)
		all[ncommon + nown++] = (struct option){"text", no_argument, NULL, OPT_TEXT};
	opterr = 0;
	snprintf(shortopts, sizeof shortopts, ":hVu%s", spec->shortopts ? spec->shortopts : "");

	rc = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, shortopts, all, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			rc = -1;
			break;
		case 'V':
			printf("%s (Zeef) %s\n", spec->name, ZEEF_VERSION);
			if (spec->version_note)
				printf("%s\n", spec->version_note);
			rc = -1;
			break;
		case 'u':
			unbuffered = 1;
			break;
		case OPT_DESCRIBE:
			describe();
			rc = -1;
			break;
		case OPT_ON_ERROR:
			if (strcmp(optarg, "fail") == 0)
				on_error = ON_ERROR_FAIL;
			else if (strcmp(optarg, "skip") == 0)
				on_error = ON_ERROR_SKIP;
			else if (strcmp(optarg, "pass") == 0)
				on_error = ON_ERROR_PASS;
			else
				rc = filter_usage_error("--on-error: expected fail, skip or pass, not '%s'", optarg);
			break;
		case OPT_DATA:
			if (lang_set_dir(optarg) != 0)
				rc = filter_usage_error("--data: '%s' is not a directory", optarg);
			break;
		case OPT_MAX_RECORD: {
			long long v = filter_parse_count(optarg);
			if (v < 1 || v > (1LL << 31) - 2)
				rc = filter_usage_error("--max-record-bytes: expected a number from 1 to 2147483646, not '%s'", optarg);
			else
				max_record_bytes = (size_t)v;
			break;
		}
		case OPT_TEXT:
			text_mode = 1;
			break;
		case '?':
			rc = bad_option(all, argv[optind - 1]);
			break;
		case ':':
			rc = filter_usage_error("option '%s' requires an argument", argv[optind - 1]);
			break;
		default:
			rc = spec->option ? spec->option(c, optarg) : EXIT_USAGE;
			break;
		}
	}
	free(all);
	return rc;
}

/* Output: checked writes. */
static void emit_record(const struct record *r)
{
	if (record_write(r, stdout) != 0)
		write_failed();
	if (unbuffered && fflush(stdout) != 0)
		write_failed();
}

static void emit_raw(const char *line, size_t len)
{
	if (fwrite(line, 1, len, stdout) != len || putc('\n', stdout) == EOF)
		write_failed();
	if (unbuffered && fflush(stdout) != 0)
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
	switch (on_error) {
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
			record_error(&r, "line longer than %zu bytes (see --max-record-bytes)", max_record_bytes);
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
		record_error(&r, "document longer than %zu bytes (see --max-record-bytes)", max_record_bytes);
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
	if (is_stdin && text_mode)
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
	lines_init(&lr, fd, max_record_bytes);
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

	rc = parse_options(argc, argv);
	if (rc == 0 && text_mode && optind < argc)
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
