/* run.h — running a pipeline: processes, pipes, relays (exec.c, workers.c).
 *
 * Stages are started with fork/exec, connected by pipes, never through a
 * shell. Where nothing needs to see the bytes, a stage writes straight into
 * the next one's pipe. zeef relays a boundary between two stages itself (in
 * one poll loop, never blocking) only when it has to: to count it (--stats,
 * progress), to keep a copy (--tee), or to spread records over the workers
 * of a `workers: N` stage and merge their output back in input order.
 *
 * Failure rules (README, "zeef"): every stage's stderr is prefixed with
 * "[NAME] "; after the chain ends, each stage that exited non-zero or was
 * killed by a signal other than SIGPIPE is reported as
 *   zeef: stage 'NAME' (I of N) exited with status S
 *   zeef: stage 'NAME' (I of N) was killed by signal S (DESCRIPTION)
 * and zeef exits with the first one's status (128+S for a signal), as
 * `bash -o pipefail` would. SIGPIPE means a later stage or the reader of
 * zeef's output stopped early, which is not a failure; when zeef's own
 * output was closed it ends quietly by SIGPIPE too, as cat(1) does.
 * Where zeef relays both sides of a stage it counts records, and a stage
 * that wrote fewer or more than it read (and was not cut short by a later
 * one stopping) fails with 70; pipe-to-pipe stages are not counted.
 */
#ifndef ZEEF_RUN_H
#define ZEEF_RUN_H

#include <stddef.h>
#include "pipeline.h"

enum zeef_progress { PROGRESS_AUTO, PROGRESS_ALWAYS, PROGRESS_NEVER };

struct zeef_run_opts {
	char **files;            /* handed to the first stage run as arguments */
	size_t nfiles;
	size_t from, to;         /* stages to run, 0-based, inclusive */
	const char *tee_dir;     /* keep each stage's output here, or NULL */
	int stats;               /* print the per-stage table on stderr */
	enum zeef_progress progress;
	int records_may_drop;    /* --on-error=skip: stages may leave records out */
};

/* Run stages o->from..o->to of P (programs resolved). Returns the exit
 * code; may end the process by SIGPIPE when stdout was closed early. */
int zeef_run(const struct zeef_pipeline *p, const struct zeef_run_opts *o);

#endif
