/* filter.h — what every Zeef filter shares: options, the record loop, the
 * error policy and exit codes.
 *
 * A filter's main.c describes itself in a `struct filter_spec` and hands
 * control to filter_main(), which
 *   - parses the common options (below) and the filter's own ones,
 *   - answers --help, --version and --describe,
 *   - reads records from the FILE arguments or stdin, validates them (JSON
 *     object, `text` a valid UTF-8 string unless the filter says otherwise),
 *   - calls spec->record() once per good record and writes the record,
 *   - applies --on-error to bad ones, and checks every write.
 *
 * Common options of every filter:
 *   -h, --help                 usage and options, then exit 0
 *   -V, --version              version (and spec->version_note), exit 0
 *       --describe             one JSON line: name, requires, uses, provides
 *       --on-error=fail|skip|pass
 *                              fail (default): write the records before the
 *                              bad one, then exit 65; skip: warn, drop it;
 *                              pass: warn, write the line through unchanged
 *   -u, --unbuffered           flush after every record
 *       --data=DIR             read language files from DIR first (lang.h)
 *       --max-record-bytes=N   longest accepted line (default 256 MiB); a
 *                              longer one is bad input, read past in bounded
 *                              memory
 *
 * Messages go to stderr as "NAME: FILE:LINE: id=ID: MESSAGE" (id= left out
 * when the record has no string id). A closed stdout pipe ends the program
 * by SIGPIPE, quietly, as for cat(1).
 */
#ifndef ZEEF_FILTER_H
#define ZEEF_FILTER_H

#include <getopt.h>
#include <stddef.h>
#include "record.h"

/* Exit codes, from sysexits(3). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 64,     /* bad command line */
	EXIT_DATAERR = 65,   /* bad input record (with --on-error=fail) */
	EXIT_NOINPUT = 66,   /* an input file cannot be opened */
	EXIT_SOFTWARE = 70,  /* internal error, out of memory */
	EXIT_IOERR = 74      /* read or write failed (e.g. stdout is /dev/full) */
};

/* Flags of a filter_spec. */
enum {
	/* FILE arguments not ending in .jsonl are documents: one record each,
	 * {"id": file name without directory and extension, "text": contents};
	 * --text reads stdin as one document (id "stdin"). */
	FILTER_DOCUMENTS = 1 << 0,
	/* Invalid UTF-8 in an input line is replaced by U+FFFD before parsing
	 * and counted in record.utf8_repairs, instead of being bad input. */
	FILTER_REPAIR_UTF8 = 1 << 1,
	/* Records without a "text" string are accepted (record_text() NULL). */
	FILTER_TEXT_OPTIONAL = 1 << 2
};

struct filter_spec {
	const char *name;         /* program name, as in messages: "normalize" */
	const char *purpose;      /* one line for --help and `zeef list` */
	const char *help;         /* man-page style description of the filter
	                             and its own options; printed by --help
	                             between the synopsis and the common options */
	const char *version_note; /* extra --version lines, or NULL */
	/* --describe: space-separated field names. */
	const char *requires;     /* fields that must be present: "text" */
	const char *uses;         /* fields read when present: "sentences" */
	const char *provides;     /* fields written: "sentences" */
	unsigned flags;           /* FILTER_* */

	/* The filter's own options (NULL-terminated, may be NULL) and their
	 * getopt short-option string (may be NULL). Values must not clash with
	 * the common options: use letters for short ones and values >= 1000 for
	 * long-only ones. option() returns 0, or EXIT_USAGE after calling
	 * filter_usage_error(). */
	const struct option *options;
	const char *shortopts;
	int (*option)(int opt, const char *arg);

	/* Called once after the options, before the first record (load data,
	 * check option combinations). Returns 0 or an exit code. May be NULL. */
	int (*start)(void);
	/* Called for each good record. Returns 0, or the value of
	 * record_error() when the record is bad input, or EXIT_SOFTWARE. */
	int (*record)(struct record *r);
	/* FILTER_DOCUMENTS only: turn a document's raw bytes (any encoding)
	 * into malloc'ed valid UTF-8 in *out and *out_len. Returns 0 or -1 (out of
	 * memory); returning 0 with *out NULL rejects the document as bad input
	 * ("document is not valid UTF-8"). NULL: documents must already be UTF-8. */
	int (*decode_document)(const char *in, size_t len, char **out, size_t *out_len);
	/* Called once after the last record. May be NULL. */
	void (*finish)(void);
};

/* Run the filter; returns the process exit code. */
int filter_main(const struct filter_spec *spec, int argc, char **argv);

/* Print "NAME: MESSAGE" and "Try 'NAME --help' for more information." on
 * stderr. Returns EXIT_USAGE. */
int filter_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "NAME: MESSAGE" on stderr (NAME of the running filter). */
void filter_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Say "NAME: FILE:LINE: id=ID: out of memory" (the record being read, when
 * there is one; else "NAME: out of memory") and exit 70. */
void filter_out_of_memory(void) __attribute__((noreturn));
/* P, an allocation's result; filter_out_of_memory when it is NULL. */
static inline void *filter_checked(void *p)
{
	if (!p)
		filter_out_of_memory();
	return p;
}

/* 1 when OPTION (such as "--train") is one of ARGV's words before any
 * "--": a program with a mode of its own asks this before filter_main. */
int filter_mode_asked(int argc, char **argv, const char *option);

/* Parse a whole non-negative decimal number; -1 when ARG is not one. */
long long filter_parse_count(const char *arg);

/* The running filter's name ("zeef" before filter_main). */
const char *filter_name(void);

/* A string compiled into every filter (it is linked with filter.c): zeef
 * finds Zeef's programs in a folder by it (`zeef list`) without running
 * anything else that lives there, such as the rest of /usr/local/bin. */
extern const char filter_marker[];

#endif
