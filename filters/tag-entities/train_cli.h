/* train_cli.h — the training mode of tag-entities (train_cli.c). */
#ifndef ZEEF_TRAIN_CLI_H
#define ZEEF_TRAIN_CLI_H

/* Run training: parse ARGV, read the CoNLL/IOB files, train, write the
 * model, report per-epoch dev F1 on stdout. Returns an exit code. */
int train_cli_main(int argc, char **argv);

#endif
