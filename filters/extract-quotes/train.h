/* train.h — the training mode of extract-quotes (train.c). */
#ifndef ZEEF_QUOTES_TRAIN_H
#define ZEEF_QUOTES_TRAIN_H

/* `extract-quotes --train ...`: the exit code. */
int train_main(int argc, char **argv);

#endif
