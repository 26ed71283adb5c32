/* render.c — `zeef render`: options, the inputs, the page's output. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "esc.h"
#include "lines.h"
#include "render.h"
#include "output.h"
#include "render_doc.h"

#ifndef ZEEF_VERSION
#define ZEEF_VERSION "unknown"
#endif

static const char help_text[] =
"Usage: zeef render [OPTION]... [FILE]...\n"
"Draw Zeef records as one self-contained HTML page.\n"
"\n"
"Reads records (JSON Lines, as the Zeef filters write them) from each FILE, or\n"
"from standard input when there is none or FILE is -, and writes one HTML page\n"
"to standard output or to the -o file. The page needs nothing but itself: no\n"
"network, no external files; open it in any browser.\n"
"\n"
"For every record the page shows its id and its text, with\n"
"  - sentences (\"sentences\") delimited by a thin mark,\n"
"  - entities (\"entities\") highlighted in a colour per type, PER, LOC, ORG,\n"
"    MISC (other types in grey), with the type as a small label,\n"
"  - quotes (\"quotes\") shaded, with the speaker's name (speaker.name, else\n"
"    speaker.text, else \"unattributed\") beside them, the speaker's words\n"
"    dotted and the cue underlined (a speaker without start and end is\n"
"    named but not marked in the text),\n"
"  - the summary's sentences (\"summary\".sentences, indices into sentences)\n"
"    emphasised, and the summary text in the side panel,\n"
"and a side panel listing the speakers with their quotes, and the entities\n"
"by frequency. A list of all documents with a filter box runs down the left\n"
"(type / to filter; a link to PAGE.html#q=WORDS opens the page filtered).\n"
"Fields that are absent are simply not drawn, so the output of any stage\n"
"can be rendered.\n"
"\n"
"Offsets are Unicode code points into \"text\", half-open [start,end). Every\n"
"string from the records is escaped: text such as <script> is shown, never run\n"
"(the page also forbids any script but its own). A span that cannot be drawn\n"
"is reported on standard error as\n"
"  zeef render: FILE:LINE: id=ID: entity 3: end 120 is past the end of the\n"
"  text (95 code points); left out\n"
"and left out of the page: a start or end that is not an integer, a negative\n"
"start, a start not before its end, an end past the text, a \"text\" that\n"
"differs from the text at the offsets, a span that overlaps an earlier span\n"
"of its own kind (sentences, quotes, entities; speakers and cues together),\n"
"a summary index that names no sentence. Such problems do not change the\n"
"exit status. A line that is not a JSON object with a UTF-8 string \"text\" is\n"
"reported and left out, and makes the exit status 65; blank lines are skipped.\n"
"\n"
"Documents are written as they are read, so memory is bounded by the largest\n"
"record, whatever the size of the input.\n"
"\n"
"Options:\n"
"  -o, --output=FILE   write the page to FILE instead of standard output\n"
"      --title=TEXT    the page's title (default: Zeef)\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"
"\n"
"Examples:\n"
"  normalize news/*.txt | split-sentences | tag-entities | extract-quotes \\\n"
"    | summarize | zeef render -o news.html\n"
"  zeef run pipelines/nl-news.yaml article.txt | zeef render > article.html\n"
"\n"
"Exit status:\n"
"  0   the page was written\n"
"  64  bad command line\n"
"  65  a line was not a record with a text (the page is still complete)\n"
"  66  an input file could not be opened (the others are still rendered)\n"
"  74  reading an input or writing the page failed\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zeef render: ", stderr);
	fprintf(stderr, fmt, zeef_esc(arg));
	fputs("\nTry 'zeef render --help' for more information.\n", stderr);
	return 64;
}

/* Render every line of FD (named NAME); returns 0, 65 or 74. */
static int render_input(struct render *r, int fd, const char *name)
{
	struct line_reader lr;
	char *line;
	size_t len;
	int got, rc = 0;
	lines_init(&lr, fd, 0);
	while ((got = lines_next(&lr, &line, &len)) != LINE_EOF) {
		if (got == LINE_ERROR) {
			fprintf(stderr, "zeef render: %s: read error: %s\n", zeef_esc(name), strerror(errno));
			rc = 74;
			break;
		}
		if (got == LINE_TOO_LONG) {
			fprintf(stderr, "zeef render: %s:%ld: line too long; left out\n", zeef_esc(name), lr.line);
			rc = 65;
			continue;
		}
		size_t i = 0;
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i < len && render_record(r, line, len, name, lr.line) != 0)
			rc = 65;
	}
	lines_free(&lr);
	return rc;
}

static int worse(int a, int b)
{
	static const int rank[] = { 0, 65, 66, 74 };
	int ra = 0, rb = 0;
	for (int i = 0; i < 4; i++) {
		if (rank[i] == a)
			ra = i;
		if (rank[i] == b)
			rb = i;
	}
	return ra >= rb ? a : b;
}

int render_main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "title", required_argument, NULL, 1000 },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *title = "Zeef";
	int opt;
	signal(SIGPIPE, SIG_DFL);   /* a closed pipe (| head) ends us quietly */
	optind = 0;   /* glibc: start afresh, whatever parsed options before */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:hV", options, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case 1000:
			title = optarg;
			break;
		case 'h':
			fputs(help_text, stdout);
			return zeef_flush_stdout("zeef render", 0);
		case 'V':
			printf("zeef (Zeef) %s\n", ZEEF_VERSION);
			return zeef_flush_stdout("zeef render", 0);
		default:
			if (optopt == 'o')
				return usage_error("option -o needs a FILE%s", "");
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}

	FILE *page = stdout;
	if (output && !(page = fopen(output, "w"))) {
		fprintf(stderr, "zeef render: cannot write %s: %s\n", zeef_esc(output), strerror(errno));
		return 74;
	}
	struct render *r = render_open(page, stderr, title);
	if (!r) {
		fprintf(stderr, "zeef render: cannot make a temporary file: %s\n", strerror(errno));
		if (page != stdout)
			fclose(page);
		return 74;
	}
	int rc = 0;
	if (optind == argc)
		rc = render_input(r, 0, "<stdin>");
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			rc = worse(rc, render_input(r, 0, "<stdin>"));
			continue;
		}
		int in = open(argv[i], O_RDONLY);
		if (in < 0) {
			fprintf(stderr, "zeef render: cannot open %s: %s\n", zeef_esc(argv[i]), strerror(errno));
			rc = worse(rc, 66);
			continue;
		}
		rc = worse(rc, render_input(r, in, argv[i]));
		close(in);
	}
	if (render_close(r) != 0) {
		fprintf(stderr, "zeef render: write error on the temporary document list: %s\n", strerror(errno));
		rc = 74;
	}
	int failed = fflush(page) != 0 || ferror(page);
	if (page != stdout && fclose(page) != 0)
		failed = 1;
	if (failed) {
		/* ferror() may outlive the errno of the write that failed */
		fprintf(stderr, "zeef render: write error on %s: %s\n",
		        output ? zeef_esc(output) : "standard output", strerror(errno ? errno : EIO));
		return 74;
	}
	return rc;
}
