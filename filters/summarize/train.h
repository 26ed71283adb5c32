/* train.h — `summarize --train`: fit the ranking model (model.h) on
 * reference extracts, choose its parameters by cross-validation, and write
 * it as a language file.
 *
 * Training records are JSON Lines: "id", "text", optionally "sentences",
 * "entities", "quotes" (as for the filter) and "source" (a group name for
 * the report, e.g. "alpino-dev"), and "references": one object per
 * annotator, {"pick":[I,...],"text":T}: the indices (into the record's
 * sentences) of the sentences the annotator picked, and the reference text
 * the ROUGE figures are computed against.
 */
#ifndef ZEEF_SUMMARY_TRAIN_H
#define ZEEF_SUMMARY_TRAIN_H

/* Run training: parse ARGV, read the training files, cross-validate the
 * grid of parameters, fit the model on all documents with the best ones,
 * report on stdout, write --model-out. Returns an exit code. */
int summary_train_main(int argc, char **argv);

#endif
