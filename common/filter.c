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
		       "  {\"id\": its name without folder and extension, \"text\": its contents}.\n\n");
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
static int bad_line(const struct record *r, const char *line, size_t len, const char *unpassable)
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
			record_error(r, "invalid UTF-8");
			return bad_line(r, line, len, NULL);
		}
		fixed = utf8_repair(line, len, &jlen, &r->utf8_repairs);
		if (!fixed) {
			filter_warn("out of memory");
			exit(EXIT_SOFTWARE);
		}
		json = fixed;
	}
	if (record_parse(r, json, jlen) != 0) {
		free(fixed);
		return bad_line(r, line, len, NULL);
	}
	if (!(spec->flags & FILTER_TEXT_OPTIONAL)) {
		zjson *text = record_get(r, "text");
		const char *t = zj_str(text, NULL);
		/* No second UTF-8 check of the text: the line was valid (or
		 * repaired), and json-c decodes escapes to valid UTF-8 (a lone
		 * surrogate to U+FFFD), so the text is valid too. */
		if (!text)
			record_error(r, "no \"text\" field");
		else if (!t)
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
	if (errno == ENOMEM) {
		filter_warn("%s:%ld: out of memory", r->file, r->line);
		exit(EXIT_SOFTWARE);
	}
	if (rc == 0) {
		emit_record(r);
	} else if (r->error) {
		rc = bad_line(r, line, len, NULL);
	} else {
		filter_warn("%s:%ld: internal error %d", r->file, r->line, rc);
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

static int read_records(int fd, const char *name)
{
	struct line_reader lr;
	struct record r = {0};
	char *line;
	size_t len;
	int st, rc = 0;

	lines_init(&lr, fd, max_record_bytes);
	r.file = name;
	while (rc == 0 && (st = lines_next(&lr, &line, &len)) != LINE_EOF) {
		r.line = lr.line;
		if (st == LINE_ERROR) {
			fprintf(stderr, "%s: %s: read error: %s\n", spec->name, name, strerror(errno));
			rc = EXIT_IOERR;
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
	lines_free(&lr);
	return rc;
}

/* Read all of FD; NULL on error (errno set). */
static char *slurp(int fd, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	ssize_t got;

	while (buf) {
		if (cap - n < 4096) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max_record_bytes) {
			free(buf);
			errno = EFBIG;
			return NULL;
		}
	}
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/* One whole file as one record {"id": ID, "text": contents}. */
static int read_document(int fd, const char *name, const char *id)
{
	struct record r = {0};
	size_t len, tlen;
	char *bytes = slurp(fd, &len), *text = NULL;
	int rc;

	r.file = name;
	r.line = 1;
	if (!bytes) {
		if (errno == EFBIG) {
			record_error(&r, "document longer than %zu bytes (see --max-record-bytes)", max_record_bytes);
			rc = bad_line(&r, NULL, 0, "a document is not a line");
			record_clear(&r);
			return rc;
		}
		fprintf(stderr, "%s: %s: read error: %s\n", spec->name, name, strerror(errno));
		return EXIT_IOERR;
	}
	if (spec->decode_document) {
		if (spec->decode_document(bytes, len, &text, &tlen) != 0) {
			filter_warn("out of memory");
			exit(EXIT_SOFTWARE);
		}
	} else if (utf8_valid(bytes, len)) {
		text = bytes;
		tlen = len;
		bytes = NULL;
	}
	r.obj = zj_object();
	zj_add(r.obj, "id", zj_cstring(id));
	if (!text) {
		record_error(&r, "document is not valid UTF-8");
		rc = bad_line(&r, NULL, 0, "a document is not a line");
	} else {
		zj_add(r.obj, "text", zj_string(text, tlen));
		errno = 0;
		rc = spec->record(&r);
		if (errno == ENOMEM) {
			filter_warn("%s: out of memory", name);
			exit(EXIT_SOFTWARE);
		}
		if (rc == 0)
			emit_record(&r);
		else if (r.error)
			rc = bad_line(&r, NULL, 0, "a document is not a line");
	}
	record_clear(&r);
	free(bytes);
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
		return NULL;
	char *dot = strrchr(id, '.');
	if (dot && dot != id)
		*dot = '\0';
	return id;
}

static int read_input(const char *path)
{
	int fd, rc;

	if (strcmp(path, "-") == 0) {
		if (text_mode)
			return read_document(STDIN_FILENO, "<stdin>", "stdin");
		return read_records(STDIN_FILENO, "<stdin>");
	}
	fd = open(path, O_RDONLY);
	struct stat sb;
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(fd);   /* open(2) takes a folder; reading it would fail (74) */
		fd = -1;
		errno = EISDIR;
	}
	if (fd < 0) {
		fprintf(stderr, "%s: %s: cannot open: %s\n", spec->name, path, strerror(errno));
		return EXIT_NOINPUT;
	}
	if ((spec->flags & FILTER_DOCUMENTS) && !ends_with(path, ".jsonl")) {
		char *id = document_id(path);
		if (!id)
			filter_warn("out of memory");
		rc = id ? read_document(fd, path, id) : EXIT_SOFTWARE;
		free(id);
	} else {
		rc = read_records(fd, path);
	}
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
