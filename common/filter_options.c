/* filter_options.c — see filter_options.h: the command line every filter
 * shares, its --help, --version and --describe. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "filter_options.h"
#include "lang.h"

enum { OPT_DESCRIBE = 900, OPT_ON_ERROR, OPT_DATA, OPT_MAX_RECORD, OPT_TEXT };

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

int filter_mode_asked(int argc, char **argv, const char *option)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], option) == 0)
			return 1;
	return 0;
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

static void usage(const struct filter_spec *spec)
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

static void describe(const struct filter_spec *spec)
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

int filter_parse_options(const struct filter_spec *spec, int argc, char **argv,
                         struct filter_options *opt)
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
			usage(spec);
			rc = -1;
			break;
		case 'V':
			printf("%s (Zeef) %s\n", spec->name, ZEEF_VERSION);
			if (spec->version_note)
				printf("%s\n", spec->version_note);
			rc = -1;
			break;
		case 'u':
			opt->unbuffered = 1;
			break;
		case OPT_DESCRIBE:
			describe(spec);
			rc = -1;
			break;
		case OPT_ON_ERROR:
			if (strcmp(optarg, "fail") == 0)
				opt->on_error = ON_ERROR_FAIL;
			else if (strcmp(optarg, "skip") == 0)
				opt->on_error = ON_ERROR_SKIP;
			else if (strcmp(optarg, "pass") == 0)
				opt->on_error = ON_ERROR_PASS;
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
				opt->max_record_bytes = (size_t)v;
			break;
		}
		case OPT_TEXT:
			opt->text_mode = 1;
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
