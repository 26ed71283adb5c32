/* parallel.c — see parallel.h. */
#define _GNU_SOURCE /* sched_setaffinity */
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallel.h"

static void *checked(void *p)
{
	if (!p) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	return p;
}

/* This zeef's own program: the workers run it again. */
static char *self_path(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return checked(strdup("zeef"));   /* found on PATH */
	buf[n] = 0;
	return checked(strdup(buf));
}

void zeef_parallel_fold(struct zeef_pipeline *p, size_t from, size_t to, int jobs,
                        char *const *args, size_t nargs)
{
	struct zeef_stage st = { 0 };
	const char *first = p->stages[from].name, *last = p->stages[to].name;
	size_t n = strlen(first) + strlen(last) + 3;

	st.name = checked(malloc(n));
	snprintf(st.name, n, "%s..%s", first, last);
	st.path = self_path();
	st.run = checked(strdup(st.path));
	st.workers = jobs;
	st.spread_cpus = 1;
	st.at = p->stages[from].at;
	st.run_at = p->stages[from].run_at;
	const char *head[] = { "run", "--progress=never", "--from", first, "--to", last };
	size_t nhead = sizeof head / sizeof head[0];
	st.args = checked(calloc(nhead + nargs + 3, sizeof *st.args));
	for (size_t i = 0; i < nhead; i++)
		st.args[st.nargs++] = checked(strdup(head[i]));
	for (size_t i = 0; i < nargs; i++)
		st.args[st.nargs++] = checked(strdup(args[i]));
	st.args[st.nargs++] = checked(strdup("--"));
	st.args[st.nargs++] = checked(strdup(p->file));

	for (size_t i = from; i <= to; i++)
		zeef_stage_free(&p->stages[i]);
	p->stages[from] = st;
	memmove(p->stages + from + 1, p->stages + to + 1, (p->nstages - to - 1) * sizeof *p->stages);
	p->nstages -= to - from;
}

int zeef_parallel_pin(int worker, int nworkers)
{
	cpu_set_t all, mine;
	if (sched_getaffinity(0, sizeof all, &all))
		return -1;
	int m = CPU_COUNT(&all);
	if (m < 2 || nworkers < 2)
		return 0;
	long lo, hi;   /* indexes into the list of allowed CPUs */
	if (m >= nworkers) {
		lo = (long)worker * m / nworkers;
		hi = (long)(worker + 1) * m / nworkers;
	} else {
		lo = worker % m;
		hi = lo + 1;
	}
	CPU_ZERO(&mine);
	for (int cpu = 0, k = 0; cpu < CPU_SETSIZE && k < hi; cpu++)
		if (CPU_ISSET(cpu, &all)) {
			if (k >= lo)
				CPU_SET(cpu, &mine);
			k++;
		}
	return sched_setaffinity(0, sizeof mine, &mine);
}
