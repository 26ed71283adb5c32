/* score.h — `zeef score KIND [OPTION]... GOLD PRED`: scoring a stage
 * against gold data, one module per KIND (score_KIND.c).
 *
 * Each function takes the arguments after KIND (argv[0] is KIND itself,
 * getopt-style), reads the files, prints its report on stdout, and returns
 * an exit code (0, 64 usage, 65 bad data, 66 cannot open). `--json` makes
 * the report one JSON object instead of a table.
 */
#ifndef ZEEF_SCORE_H
#define ZEEF_SCORE_H

#include "lines.h"
#include "record.h"

int score_sentences(int argc, char **argv);  /* span F1, boundary P/R/F1, exact docs */
int score_entities(int argc, char **argv);   /* conlleval-style P/R/F1, per type */
int score_quotes(int argc, char **argv);     /* span P/R/F1, speaker accuracy */
int score_summary(int argc, char **argv);    /* ROUGE-1/2 F1, several references */

/* A scorer's JSON Lines input, read one record at a time in memory bounded
 * by the longest line (lines.h); blank lines are skipped. Messages name
 * "zeef score KIND: PATH:LINE". */
struct score_input {
	const char *kind, *path;   /* borrowed; PATH "-" is standard input */
	int fd;
	struct line_reader lr;     /* lr.line: the line of the record last read */
};
/* Open PATH. Returns 0, or EXIT_NOINPUT (66) after a message; score_close
 * is safe either way. */
int score_open(struct score_input *in, const char *kind, const char *path);
/* The next record, which the caller frees with zj_free; NULL at the end
 * (*rc 0), or after a message when a line is not a JSON object or is too
 * long (*rc 65) or cannot be read (*rc 74). */
zjson *score_next(struct score_input *in, int *rc);
void score_close(struct score_input *in);

#endif
