/* parallel.h — `zeef run --parallel[=JOBS]`: the whole chain JOBS times side
 * by side, as one stage with workers (workers.c spreads the records over the
 * copies and merges their output in input order).
 *
 * Why zeef and not GNU parallel: on the 2-core build machine `parallel
 * --pipe` alone costs about 3 s of CPU per 100 MB of input (perl cutting
 * blocks and feeding them), more than a second core can win from a chain
 * that already runs its stages side by side; zeef moves the same records
 * through its poll loop for a tenth of that (pipelines/README.md, "What 2
 * cores can give").
 *
 * Each copy runs on its own share of the CPUs (zeef_parallel_pin): ten
 * processes free to move between two cores cost 20-40% more CPU per MB
 * than the serial chain, one copy per core 0-7% more (zeef/README.md,
 * "--parallel on 2 cores").
 */
#ifndef ZEEF_PARALLEL_H
#define ZEEF_PARALLEL_H

#include <stddef.h>
#include "pipeline.h"

/* Replace stages FROM..TO of P by one stage named "FIRST..LAST" with JOBS
 * workers, each a `zeef run --progress=never --from FIRST --to LAST ARGS...
 * -- P->file` of this same zeef (ARGS: the options the inner runs must
 * repeat: --replace, --on-error, -u). The new stage is resolved; it stands
 * at index FROM. Out of memory exits 70. */
void zeef_parallel_fold(struct zeef_pipeline *p, size_t from, size_t to, int jobs,
                        char *const *args, size_t nargs);

/* In copy WORKER (0-based) of NWORKERS, before it starts its chain: keep
 * only its share of the CPUs this process may run on, so that each copy's
 * stages hand their records on within one core's caches and do not
 * migrate. With M CPUs, copy W gets CPUs [W*M/N, (W+1)*M/N) of the list
 * when M >= N, else CPU W mod M; with one CPU nothing changes. Returns 0,
 * or -1 (errno set) when the CPUs cannot be read or set: the copy then
 * runs on all of them. */
int zeef_parallel_pin(int worker, int nworkers);

#endif
