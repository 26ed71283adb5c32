/* filter_options.h — the command line every filter shares (filter.h lists
 * the common options): filter_main's first half, kept apart from the
 * record loop (filter.c). Not for filters: they describe their own options
 * in their filter_spec.
 */
#ifndef ZEEF_FILTER_OPTIONS_H
#define ZEEF_FILTER_OPTIONS_H

#include <stddef.h>
#include "filter.h"

enum { ON_ERROR_FAIL, ON_ERROR_SKIP, ON_ERROR_PASS };

/* What the common options set; filter_parse_options changes only the
 * members it is given options for. */
struct filter_options {
	int on_error;              /* ON_ERROR_*, --on-error */
	int unbuffered;            /* -u */
	int text_mode;             /* --text (FILTER_DOCUMENTS filters) */
	size_t max_record_bytes;   /* --max-record-bytes */
};

/* Parse ARGV (getopt_long: optind is left at the first FILE) with SPEC's
 * own options and the common ones into *OPT, calling SPEC->option for the
 * filter's own. --help, --version and --describe are printed here and
 * return -1 (done, exit 0); 0 when the program goes on; else the exit code
 * after a message (EXIT_USAGE for a bad option, EXIT_SOFTWARE out of
 * memory). --data is handed to lang.h at once. */
int filter_parse_options(const struct filter_spec *spec, int argc, char **argv,
                         struct filter_options *opt);

#endif
