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

int score_sentences(int argc, char **argv);  /* span F1, boundary P/R/F1, exact docs */
int score_entities(int argc, char **argv);   /* conlleval-style P/R/F1, per type */
int score_quotes(int argc, char **argv);     /* span P/R/F1, speaker accuracy */
int score_summary(int argc, char **argv);    /* ROUGE-1/2 F1, several references */

#endif
