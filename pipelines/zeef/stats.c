/* stats.c — per-stage figures and the progress line (stats.h). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "esc.h"
#include "run_internal.h"
#include "stats.h"

void zeef_stats_progress(struct run *r, double elapsed_s)
{
	const struct boundary *out = &r->b[r->n];
	char line[160];
	double secs = elapsed_s > 0 ? elapsed_s : 1e-9;
	int n = snprintf(line, sizeof line, "\r\033[Kzeef: %llu records, %.0f records/s, %.1f MB/s",
	                 (unsigned long long)out->lines, out->lines / secs, out->bytes / 1e6 / secs);
	if (n > 0 && write(2, line, (size_t)n) == n)
		r->progress_shown = 1;
}

static unsigned long long records_of(const struct boundary *b)
{
	return b->lines + (b->bytes && !b->ends_in_newline);
}

void zeef_stats_print(const struct run *r)
{
	fprintf(stderr, "%-3s %-20s %11s %11s %13s %13s %8s %8s %9s\n", "#", "stage", "records-in",
	        "records-out", "bytes-in", "bytes-out", "cpu-s", "wall-s", "rss-MiB");
	for (size_t s = 0; s < r->n; s++) {
		const struct rstage *st = &r->stages[s];
		const struct boundary *in = &r->b[s], *out = &r->b[s + 1];
		double cpu = 0, end = st->t_start;
		long rss_kib = 0;
		for (int w = 0; w < st->nprocs; w++) {
			const struct proc *p = &st->procs[w];
			cpu += p->ru.ru_utime.tv_sec + p->ru.ru_utime.tv_usec / 1e6 +
			       p->ru.ru_stime.tv_sec + p->ru.ru_stime.tv_usec / 1e6;
			if (p->ru.ru_maxrss > rss_kib)
				rss_kib = p->ru.ru_maxrss;
			if (p->t_end > end)
				end = p->t_end;
		}
		char rec_in[32], bytes_in[32];
		if (s == 0 && r->o->nfiles) {
			unsigned long long total = 0;
			for (size_t i = 0; i < r->o->nfiles; i++) {
				struct stat sb;
				if (stat(r->o->files[i], &sb) == 0)
					total += (unsigned long long)sb.st_size;
			}
			snprintf(rec_in, sizeof rec_in, "%zu files", r->o->nfiles);
			snprintf(bytes_in, sizeof bytes_in, "%llu", total);
		} else {
			snprintf(rec_in, sizeof rec_in, "%llu", records_of(in));
			snprintf(bytes_in, sizeof bytes_in, "%llu", (unsigned long long)in->bytes);
		}
		char name[64];
		if (st->nprocs > 1)
			snprintf(name, sizeof name, "%s (x%d)", zeef_esc(st->def->name), st->nprocs);
		else
			snprintf(name, sizeof name, "%s", zeef_esc(st->def->name));
		fprintf(stderr, "%-3zu %-20s %11s %11llu %13s %13llu %8.2f %8.2f %9.1f\n", st->index + 1,
		        name, rec_in, records_of(out), bytes_in, (unsigned long long)out->bytes, cpu,
		        end - st->t_start, rss_kib / 1024.0);
	}
}
