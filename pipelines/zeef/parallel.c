/* parallel.c — see parallel.h. */
#include <limits.h>
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
