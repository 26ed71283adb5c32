/* stats.h — `zeef run --stats` and the progress line (stats.c).
 *
 * Records are counted as lines at the boundaries zeef relays; zeef never
 * parses them. CPU seconds (user + system), peak RSS and wall seconds come
 * from wait4(2) for each stage's processes (summed CPU, largest RSS over a
 * stage's workers).
 */
#ifndef ZEEF_STATS_H
#define ZEEF_STATS_H

struct run;

/* One line on stderr: records, records/s, MB/s of zeef's output so far
 * (ELAPSED_S seconds since the start), over itself with "\r". */
void zeef_stats_progress(struct run *r, double elapsed_s);

/* The per-stage table on stderr, after the run. */
void zeef_stats_print(const struct run *r);

#endif
