/* exec.c — run a chain: signals, the poll loop, reporting (run.h). The
 * processes are started in start.c, the bytes zeef relays are handled in
 * relay.c, the stages' process groups in groups.c. */
#define _GNU_SOURCE /* strsignal */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"
#include "run_internal.h"
#include "stats.h"

/* --- signals ---------------------------------------------------------- */

static int wake_fd[2] = { -1, -1 };
static volatile sig_atomic_t got_signal;     /* the first SIGINT/TERM/HUP */
static volatile sig_atomic_t signals_seen;   /* how many of them */
static volatile sig_atomic_t got_stop;       /* SIGTSTP (^Z): stop the stages, then zeef */

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGTSTP)
		got_stop = 1;
	else if (sig != SIGCHLD) {
		if (!got_signal)
			got_signal = sig;
		signals_seen++;
	}
	while (write(wake_fd[1], "x", 1) < 0 && errno == EINTR)
		;   /* else the pipe is full: a wake-up is already pending */
	errno = saved;
}

/* --- processes -------------------------------------------------------- */

static void reap(struct run *r)
{
	for (;;) {
		int status;
		struct rusage ru;
		pid_t pid = wait4(-1, &status, WNOHANG, &ru);
		if (pid <= 0)
			return;
		for (size_t s = 0; s < r->n; s++)
			for (int w = 0; w < r->stages[s].nprocs; w++) {
				struct proc *p = &r->stages[s].procs[w];
				if (p->pid == pid && !p->reaped) {
					p->reaped = 1;
					p->status = status;
					p->ru = ru;
					p->t_end = zeef_now_s();
				}
			}
	}
}

/* --- the loop --------------------------------------------------------- */

enum slot_kind { SLOT_WAKE, SLOT_ERR, SLOT_SRC, SLOT_DST, SLOT_WIN, SLOT_WOUT };
struct slot {
	enum slot_kind kind;
	size_t a;   /* boundary or stage */
	int w;      /* worker */
};

static int all_done(const struct run *r)
{
	int open = 0;
	for (size_t s = 0; s < r->n; s++)
		for (int w = 0; w < r->stages[s].nprocs; w++) {
			const struct proc *p = &r->stages[s].procs[w];
			if (p->pid && !p->reaped)
				return 0;
			open |= p->err_fd >= 0;
		}
	/* Interrupted and every stage reaped: what a stage started and left
	 * behind (holding its pipes open) is not waited for. */
	if (got_signal)
		return 1;
	if (open)
		return 0;
	for (size_t bi = 0; bi <= r->n; bi++)
		if (r->b[bi].relayed && !(r->b[bi].src_done && r->b[bi].dst_done))
			return 0;
	return 1;
}

/* `timeout:`: SIGTERM to a stage past its time, SIGKILL 2 s later.
 * Returns how long poll may wait (ms) before the next deadline, or -1. */
static int enforce_timeouts(struct run *r)
{
	double now = zeef_now_s();
	int wait_ms = -1;
	for (size_t s = 0; s < r->n; s++) {
		struct rstage *st = &r->stages[s];
		int running = 0;
		for (int w = 0; w < st->nprocs; w++)
			running |= (st->procs[w].pid && !st->procs[w].reaped) || st->procs[w].err_fd >= 0;
		if (st->def->timeout_s <= 0 || !running)
			continue;
		double deadline = st->timed_out ? st->kill_at : st->t_start + st->def->timeout_s;
		if (now >= deadline) {
			if (!st->timed_out) {
				st->timed_out = 1;
				st->kill_at = now + 2;
				deadline = st->kill_at;
			} else
				deadline = now + 3600;
			/* the group: what the stage started, even after it ended */
			for (int w = 0; w < st->nprocs; w++)
				zeef_group_signal(&st->procs[w], deadline == st->kill_at ? SIGTERM : SIGKILL);
		}
		/* timeout: allows 10^7 s, past what an int of ms holds */
		double left_ms = (deadline - now) * 1000;
		int ms = left_ms >= INT_MAX - 1 ? INT_MAX : (int)left_ms + 1;
		if (wait_ms < 0 || ms < wait_ms)
			wait_ms = ms;
	}
	return wait_ms;
}

/* ^Z: stop every stage's group, then zeef; when zeef is continued
 * (fg, SIGCONT), continue them. */
static void stop_all(struct run *r)
{
	got_stop = 0;
	zeef_relay_clear_progress(r);
	zeef_groups_signal(r, SIGTSTP);
	struct sigaction dfl = { 0 }, was;
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &was);
	raise(SIGTSTP);
	sigaction(SIGTSTP, &was, NULL);
	zeef_groups_signal(r, SIGCONT);
}

/* Every process of stage ST has been reaped. */
static int stage_ended(const struct rstage *st)
{
	for (int w = 0; w < st->nprocs; w++)
		if (!st->procs[w].reaped)
			return 0;
	return 1;
}

static void loop(struct run *r, int show_progress)
{
	size_t cap = 8;
	for (size_t s = 0; s < r->n; s++)
		cap += (size_t)r->stages[s].nprocs * 3 + 2;
	struct pollfd *pfd = calloc(cap, sizeof *pfd);
	struct slot *slot = calloc(cap, sizeof *slot);
	if (!pfd || !slot) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	double t0 = zeef_now_s(), shown = t0;
	int forwarded = 0;
	while (!all_done(r)) {
		size_t k = 0;
#define ADD(fd_, ev_, kind_, a_, w_) \
		(pfd[k] = (struct pollfd){ (fd_), (ev_), 0 }, slot[k++] = (struct slot){ (kind_), (a_), (w_) })
		ADD(wake_fd[0], POLLIN, SLOT_WAKE, 0, 0);
		for (size_t s = 0; s < r->n; s++)
			for (int w = 0; w < r->stages[s].nprocs; w++) {
				struct proc *p = &r->stages[s].procs[w];
				if (p->err_fd >= 0)
					ADD(p->err_fd, POLLIN, SLOT_ERR, s, w);
				if (r->stages[s].nprocs > 1 && zeef_workers_want_read(r, s, w))
					ADD(p->out_fd, POLLIN, SLOT_WOUT, s, w);
			}
		for (size_t bi = 0; bi <= r->n; bi++) {
			struct boundary *b = &r->b[bi];
			if (!b->relayed)
				continue;
			if (b->src_fd >= 0 && !b->src_done && b->buf.len < RUN_BOUNDARY_CAP)
				ADD(b->src_fd, POLLIN, SLOT_SRC, bi, 0);
			if (b->dst_done)
				continue;
			if (b->feeds_workers) {
				int w = zeef_workers_want_write(r, bi);
				if (w >= 0)
					ADD(r->stages[bi].procs[w].in_fd, POLLOUT, SLOT_WIN, bi, w);
			} else if (b->dst_fd >= 0 && b->buf.len)
				ADD(b->dst_fd, POLLOUT, SLOT_DST, bi, 0);
		}
#undef ADD
		int timeout = enforce_timeouts(r);
		if (show_progress && (timeout < 0 || timeout > 250))
			timeout = 250;
		/* A lost wake-up (the self-pipe write failing in on_signal) must
		 * not hang the run: look for ended stages at least once a second. */
		if (timeout < 0 || timeout > 1000)
			timeout = 1000;
		int ready = poll(pfd, k, timeout);
		if (ready < 0 && errno != EINTR) {
			perror("zeef: poll");
			exit(70);
		}
		if (ready == 0)
			reap(r);
		if (got_signal && !forwarded) {
			zeef_groups_signal(r, got_signal);
			forwarded = 1;
		}
		if (got_stop)
			stop_all(r);
		/* Once the first stage has ended, nothing more can go to it: do
		 * not wait for the end of an input (a terminal) it never read. */
		if (r->b[0].relayed && !r->b[0].src_done && stage_ended(&r->stages[0]))
			zeef_run_abort_boundary(r, 0);
		/* A second signal (Ctrl-C again) ends stages that ignore the first. */
		if (signals_seen > 1 && forwarded < 2) {
			zeef_groups_signal(r, SIGKILL);
			forwarded = 2;
		}
		for (size_t i = 0; i < k; i++) {
			if (!pfd[i].revents)
				continue;
			struct slot *sl = &slot[i];
			switch (sl->kind) {
			case SLOT_WAKE: {
				char drain[64];
				while (read(wake_fd[0], drain, sizeof drain) > 0)
					;
				reap(r);
				break;
			}
			case SLOT_ERR:
				if (r->stages[sl->a].procs[sl->w].err_fd >= 0)
					zeef_relay_read_stderr(r, &r->stages[sl->a].procs[sl->w]);
				break;
			case SLOT_SRC:
				if (r->b[sl->a].src_fd >= 0)
					zeef_relay_read_source(r, sl->a);
				break;
			case SLOT_DST:
				if (r->b[sl->a].dst_fd >= 0 && !r->b[sl->a].dst_done)
					zeef_relay_write_dest(r, sl->a);
				break;
			case SLOT_WIN:
				if (!r->b[sl->a].dst_done)
					zeef_workers_write(r, sl->a);
				break;
			case SLOT_WOUT:
				if (r->stages[sl->a].procs[sl->w].out_fd >= 0)
					zeef_workers_read(r, sl->a, sl->w);
				break;
			}
		}
		zeef_relay_settle(r);
		if (show_progress && zeef_now_s() - shown >= 0.5) {
			shown = zeef_now_s();
			zeef_stats_progress(r, shown - t0);
		}
	}
	zeef_relay_clear_progress(r);
	free(pfd);
	free(slot);
}

/* --- reporting -------------------------------------------------------- */

static int report(struct run *r)
{
	int rc = 0;
	if (got_signal) {
		fprintf(stderr, "zeef: interrupted by signal %d (%s)\n", (int)got_signal, strsignal(got_signal));
		return 128 + got_signal;
	}
	for (size_t s = 0; s < r->n; s++) {
		struct rstage *st = &r->stages[s];
		if (st->timed_out) {
			fprintf(stderr, "zeef: stage '%s' (%zu of %zu) timed out after %g s\n",
			        zeef_esc(st->def->name), st->index + 1, r->p->nstages, st->def->timeout_s);
			if (!rc)
				rc = 124;
			continue;
		}
		for (int w = 0; w < st->nprocs; w++) {
			int status = st->procs[w].status;
			char who[64] = "";
			if (st->nprocs > 1)
				snprintf(who, sizeof who, " worker %d of %d", w + 1, st->nprocs);
			if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
				fprintf(stderr, "zeef: stage '%s' (%zu of %zu)%s exited with status %d\n",
				        zeef_esc(st->def->name), st->index + 1, r->p->nstages, who, WEXITSTATUS(status));
				if (!rc)
					rc = WEXITSTATUS(status);
			} else if (WIFSIGNALED(status) && WTERMSIG(status) != SIGPIPE) {
				fprintf(stderr, "zeef: stage '%s' (%zu of %zu)%s was killed by signal %d (%s)\n",
				        zeef_esc(st->def->name), st->index + 1, r->p->nstages, who, WTERMSIG(status),
				        strsignal(WTERMSIG(status)));
				if (!rc)
					rc = 128 + WTERMSIG(status);
			}
		}
	}
	if (!rc && r->contract_error) {
		const struct rstage *st = &r->stages[r->contract_stage];
		fprintf(stderr, "zeef: stage '%s' (%zu of %zu): worker %d of %d wrote %s records than it "
		        "read; a stage with workers must write exactly one record per record\n",
		        zeef_esc(st->def->name), st->index + 1, r->p->nstages, r->contract_worker + 1, st->nprocs,
		        r->contract_what);
		rc = 70;
	}
	if (!rc)
		rc = zeef_relay_check_counts(r);
	if (!rc && r->io_error)
		rc = 74;
	return rc;
}

int zeef_run(const struct zeef_pipeline *p, const struct zeef_run_opts *o)
{
	struct run run = { .p = p, .o = o, .n = o->to - o->from + 1 };
	struct run *r = &run;
	int broken = 0;
	int show_progress = o->progress == PROGRESS_ALWAYS ||
	                    (o->progress == PROGRESS_AUTO && isatty(2));
	int rc = 0;
	r->stages = calloc(r->n, sizeof *r->stages);
	r->b = calloc(r->n + 1, sizeof *r->b);
	if (!r->stages || !r->b) {
		fputs("zeef: out of memory\n", stderr);
		rc = 70;
		goto out;
	}
	for (size_t bi = 0; bi <= r->n; bi++)
		r->b[bi].tee_fd = -1;
	for (size_t s = 0; s < r->n; s++) {
		struct rstage *st = &r->stages[s];
		st->def = &p->stages[o->from + s];
		st->index = o->from + s;
		st->nprocs = st->def->workers;
		st->cur = -1;
		st->procs = calloc((size_t)st->nprocs, sizeof *st->procs);
		if (!st->procs) {
			fputs("zeef: out of memory\n", stderr);
			rc = 70;
			goto out;
		}
		for (int w = 0; w < st->nprocs; w++)
			st->procs[w].in_fd = st->procs[w].out_fd = st->procs[w].err_fd = -1;
	}
	if (o->nfiles && r->stages[0].nprocs > 1) {
		fprintf(stderr, "zeef: stage '%s' has workers: %d but reads the FILE arguments; "
		        "workers read records from a pipe: put a stage before it, or give records on stdin\n",
		        zeef_esc(r->stages[0].def->name), r->stages[0].nprocs);
		rc = 64;
		goto out;
	}
	if (o->tee_dir && mkdir(o->tee_dir, 0777) && errno != EEXIST) {
		fprintf(stderr, "zeef: --tee: %s: %s\n", zeef_esc(o->tee_dir), strerror(errno));
		rc = 74;
		goto out;
	}
	/* before any handler, pipe or stage: the watchdog holds none of them */
	zeef_watchdog_start();
	if (zeef_pipe(wake_fd)) {
		rc = 70;
		goto out;
	}
	zeef_set_nonblock(wake_fd[0]);
	zeef_set_nonblock(wake_fd[1]);
	struct sigaction sa = { 0 };
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	rc = zeef_start(r, show_progress);
	if (rc) {
		/* some stages may be running: end them, then give up */
		zeef_groups_signal(r, SIGTERM);
		for (size_t s = 0; s < r->n; s++)
			for (int w = 0; w < r->stages[s].nprocs; w++)
				if (r->stages[s].procs[w].pid)
					waitpid(r->stages[s].procs[w].pid, NULL, 0);
		goto out;
	}
	reap(r);
	loop(r, show_progress);
	/* interrupted: what a stage started and left running gets 2 s, as
	 * after `timeout:`, then SIGKILL */
	if (got_signal)
		zeef_groups_end(r, 2.0);
	rc = report(r);
	if (o->stats)
		zeef_stats_print(r);
	broken = r->stdout_broken;
	if (!broken && !r->b[r->n].relayed) {
		/* the last stage wrote to our stdout itself: SIGPIPE there means
		 * our reader went away */
		struct rstage *last = &r->stages[r->n - 1];
		broken = WIFSIGNALED(last->procs[0].status) && WTERMSIG(last->procs[0].status) == SIGPIPE;
	}
out:
	for (size_t bi = 0; r->b && bi <= r->n; bi++) {
		if (r->b[bi].tee_fd >= 0 && close(r->b[bi].tee_fd)) {
			fprintf(stderr, "zeef: --tee: %s\n", strerror(errno));
			if (!rc)
				rc = 74;
		}
		zeef_buf_free(&r->b[bi].buf);
		zeef_buf_free(&r->b[bi].held);
	}
	for (size_t s = 0; r->stages && s < r->n; s++) {
		for (int w = 0; r->stages[s].procs && w < r->stages[s].nprocs; w++) {
			free(r->stages[s].procs[w].label);
			zeef_buf_free(&r->stages[s].procs[w].err);
			zeef_buf_free(&r->stages[s].procs[w].out);
			free(r->stages[s].procs[w].map);
		}
		free(r->stages[s].procs);
		free(r->stages[s].q);
	}
	free(r->stages);
	free(r->b);
	zeef_watchdog_stop();
	if (!rc && broken) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return rc;
}
