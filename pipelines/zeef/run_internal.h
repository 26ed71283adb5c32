/* run_internal.h — the running chain's state, shared by exec.c (processes,
 * the poll loop, relays, reports) and workers.c (spreading records over a
 * stage's workers and merging their output in order). Not for other code.
 *
 * Boundary b sits in front of stage b: boundary 0 is zeef's input, boundary
 * n (n stages) is zeef's output. All sizes are bytes.
 */
#ifndef ZEEF_RUN_INTERNAL_H
#define ZEEF_RUN_INTERNAL_H

#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "run.h"

#define RUN_BOUNDARY_CAP (256 * 1024)   /* ordered stream: stop filling above */
#define RUN_WORKER_CAP (1024 * 1024)    /* one worker's unmerged output */
#define RUN_CHUNK_BYTES (64 * 1024)     /* records given to one worker in a row */
#define RUN_READ_BYTES (64 * 1024)

/* A byte queue: data at p[off, off + len). */
struct zeef_buf {
	char *p;
	size_t off, len, cap;
};
void zeef_buf_add(struct zeef_buf *b, const void *s, size_t n);  /* exits 70 when out of memory */
void zeef_buf_drop(struct zeef_buf *b, size_t n);
void zeef_buf_free(struct zeef_buf *b);

struct proc {
	pid_t pid;               /* also its process group's id (groups.c) */
	int group_gone;          /* that group is empty and its leader reaped */
	size_t stage;            /* index into run->stages */
	int worker;              /* 0-based; 0 for a single process */
	char *label;             /* "[name] " or "[name:W] " */
	int err_fd;              /* read end of its stderr, -1 once closed */
	struct zeef_buf err;         /* a partial stderr line */
	int in_fd;               /* workers: our write end of its stdin */
	int out_fd;              /* workers: our read end of its stdout */
	struct zeef_buf out;         /* workers: output not merged yet */
	int out_eof;
	uint64_t owed;           /* workers: lines given, not yet merged */
	uint64_t given;          /* workers: lines given in all */
	int in_mid_line;         /* workers: the last byte given was not '\n' */
	struct wmap *map;        /* workers: where each chunk started, nmap of them */
	size_t nmap, capmap;
	int reaped, status;
	struct rusage ru;
	double t_end;
};

/* Lines given to one worker in a row; merged back in queue order. */
struct chunk {
	int worker;
	uint64_t lines, merged;
	int closed;              /* no more lines will be added */
};

/* A worker's line WLINE (1-based, its own <stdin>) is record RECORD of
 * the stage's input (1-based, blank lines not counted); the lines after it
 * follow on, up to the next entry. */
struct wmap {
	uint64_t wline, record;
};

struct rstage {
	const struct zeef_stage *def;
	size_t index;            /* in the pipeline (messages, tee file names) */
	struct proc *procs;      /* def->workers of them */
	int nprocs;
	struct chunk *q;         /* workers: chunks not fully merged, from qhead */
	size_t qhead, qlen, qcap;
	int cur;                 /* workers: the one being fed, -1 for none */
	size_t cur_bytes;
	uint64_t given;          /* workers: records given in all */
	int stopping;            /* workers: one failed: no new chunks */
	int ended;               /* workers: merged up to the failure: no more */
	double t_start;
	int timed_out;           /* `timeout:` passed: SIGTERM sent */
	double kill_at;          /* then SIGKILL at this time */
};

/* A filter skips a blank line: only spaces and tabs once the one '\r'
 * before its '\n' is cut off (lines.h). zeef counts records and feeds
 * workers by that rule, in one pass, a byte at a time while a line may be
 * blank. */
enum line_state { LINE_START = 0, LINE_CR, LINE_RECORD };

struct boundary {
	int relayed;
	int src_fd;              /* single source; -1 when merging workers */
	int src_done;            /* nothing more will enter buf */
	struct zeef_buf buf;         /* the ordered stream, ready to hand on */
	int dst_fd;              /* single destination; -1 when feeding workers */
	int dst_done;
	int dst_small_writes;    /* a blocking pipe (zeef's stdout): PIPE_BUF at a time */
	int feeds_workers;       /* drop blank lines, end the last line */
	struct zeef_buf held;    /* workers: the line's bytes while it may be blank */
	int tee_fd;              /* -1 for none */
	uint64_t bytes, lines;   /* what the source wrote */
	uint64_t records;        /* its lines that are not blank (ended by '\n') */
	int count_state;         /* enum line_state of the line coming in;
	                            LINE_RECORD: a record not ended yet */
	int cut;                 /* stopped early: not all that entered was handed on */
	int ends_in_newline;
};

struct run {
	const struct zeef_pipeline *p;
	const struct zeef_run_opts *o;
	struct rstage *stages;
	size_t n;
	struct boundary *b;      /* n + 1 */
	int stdout_broken;       /* the reader of zeef's output went away */
	int io_error;            /* 74 after a failed read or write */
	int contract_error;      /* 70: a worker's records did not line up: */
	size_t contract_stage;   /* in which stage, */
	int contract_worker;     /* which worker, */
	const char *contract_what;   /* "fewer" or "more" records */
	int progress_shown;
};

/* Add N bytes from a source to boundary B: count, tee, and (when it feeds
 * workers) drop blank lines. ingest_end finishes the last line. */
void zeef_run_ingest(struct run *r, struct boundary *b, const char *s, size_t n);
void zeef_run_ingest_end(struct run *r, struct boundary *b);

/* Stop a boundary early: discard its data, close its destination, and
 * close its source so the stage before it gets SIGPIPE. */
void zeef_run_abort_boundary(struct run *r, size_t bi);

/* workers.c: boundary BI feeds stage BI's workers / merges stage BI-1's. */
int zeef_workers_want_write(const struct run *r, size_t bi);   /* worker index or -1 */
void zeef_workers_write(struct run *r, size_t bi);
int zeef_workers_want_read(const struct run *r, size_t si, int w);
void zeef_workers_read(struct run *r, size_t si, int w);
void zeef_workers_merge(struct run *r, size_t bi);
void zeef_workers_finish_input(struct run *r, size_t bi);
/* After stage SI's worker W wrote line N of its stderr naming "<stdin>:N":
 * the input record it is, or 0 when not known. */
uint64_t zeef_workers_record_of(const struct run *r, size_t si, int w, uint64_t n);

/* start.c: pipes, relays and processes of the chain. Returns 0, or an
 * exit code after a message (some stages may be running then). */
int zeef_start(struct run *r, int show_progress);
int zeef_pipe(int fds[2]);            /* O_CLOEXEC; 0, or -1 after a message */
void zeef_set_nonblock(int fd);
double zeef_now_s(void);              /* monotonic seconds */

/* groups.c: each stage process leads its own process group. */
int zeef_group_alive(struct proc *p);       /* a process of its group is left */
void zeef_group_signal(struct proc *p, int sig);
void zeef_groups_signal(struct run *r, int sig);   /* every stage's group */
int zeef_groups_alive(struct run *r);       /* how many groups have a process */
/* Wait up to GRACE_S seconds for the groups to end, then SIGKILL the rest. */
void zeef_groups_end(struct run *r, double grace_s);
/* The watchdog: a process that ends the groups registered with it when
 * zeef dies without saying the run is over (zeef_watchdog_stop). Without
 * one (fork failed), the stages still get SIGTERM by PR_SET_PDEATHSIG. */
void zeef_watchdog_start(void);
void zeef_watchdog_add(pid_t group);
void zeef_watchdog_stop(void);

/* relay.c: one step each, never blocking. */
void zeef_relay_read_stderr(struct run *r, struct proc *p);   /* label its lines */
void zeef_relay_read_source(struct run *r, size_t bi);
void zeef_relay_write_dest(struct run *r, size_t bi);
void zeef_relay_settle(struct run *r);   /* merge workers, close finished ends */
void zeef_relay_clear_progress(struct run *r);
/* After a run that succeeded: a stage zeef relayed on both sides (counted)
 * must have written as many records as it read. Returns 0, or 70 after
 * saying which stage did not. */
int zeef_relay_check_counts(struct run *r);

/* Print "MSG" on stderr, clearing a progress line first. */
void zeef_run_message(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
