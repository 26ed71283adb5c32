/* perceptron.h — an averaged perceptron over numbered features: the
 * weights, the update that moves them from a wrong choice toward the right
 * one, and their average over all updates (the "averaged perceptron" of
 * Collins 2002, with the usual trick of keeping the sum of clock * change
 * so that averaging costs one pass at the end).
 *
 * A feature is a number in [0, n). An example is a list of features; a
 * score is the sum of their weights. A ranker scores each candidate of a
 * choice and takes the best; training rewards the features of the right
 * candidate and penalises those of the chosen wrong one.
 *
 * The weights are floats; the update steps are +1 and -1, so training is
 * exact integer arithmetic until the average, and a run is repeatable to
 * the bit. Memory: three arrays of n (weights, sums, and the model file's
 * copy while writing).
 */
#ifndef ZEEF_PERCEPTRON_H
#define ZEEF_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The repeatable random numbers that shuffle the training order of every
 * trained model (xorshift64; STATE must not be 0): the same seed, the same
 * order, the same model bytes. */
static inline uint64_t perceptron_random(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

struct perceptron {
	float *w;          /* n weights */
	double *acc;       /* training only: sum of clock * change, or NULL */
	size_t n;
	double clock;      /* examples seen */
};

/* Zeroed weights for N features (and the training sums when TRAINING).
 * Returns 0 or -1 (out of memory). */
int perceptron_init(struct perceptron *p, size_t n, int training);
void perceptron_free(struct perceptron *p);

/* The sum of the weights of the NF features F (each < n). */
static inline float perceptron_score(const struct perceptron *p, const uint32_t *f, size_t nf)
{
	float s = 0;
	for (size_t i = 0; i < nf; i++)
		s += p->w[f[i]];
	return s;
}

/* One step: +1 to every feature of GOOD, -1 to every feature of BAD. */
void perceptron_update(struct perceptron *p, const uint32_t *good, size_t ngood,
                       const uint32_t *bad, size_t nbad);
/* One more example seen (call once per example, updated or not). */
void perceptron_tick(struct perceptron *p);
/* Replace the weights by their average over all ticks (end of training). */
void perceptron_average(struct perceptron *p);

/* --- the text file --------------------------------------------------------
 *
 *   # comment lines (what the model is, its training data and licence)
 *   MAGIC VERSION
 *   quantum Q            weights are integers times Q
 *   features N           then N lines "NAME VALUE" (NAME a feature template,
 *                        VALUE an integer): nonzero weights only
 *
 * Feature numbers are given names by the caller: NAME(i) writes the name
 * of feature i into a buffer, and the reader maps a name back to a number
 * (-1: not a feature of this program, an error).
 */
int perceptron_write(const struct perceptron *p, FILE *f, const char *magic, int version,
                     const char *header, void (*name)(size_t i, char *buf, size_t cap, void *ctx),
                     void *ctx);
/* Parse a model file of LEN bytes at TEXT into P (n features, zeroed
 * first). Returns 0, or -1 with *WHY a static message and *LINE the line
 * it is about (1-based). */
int perceptron_parse(struct perceptron *p, const char *text, size_t len, const char *magic,
                     int version, long (*number)(const char *name, size_t len, void *ctx),
                     void *ctx, const char **why, long *line);

#endif
