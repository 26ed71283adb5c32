/* groups.c — the process groups of a run's stages, and the watchdog that
 * ends them when zeef itself is killed (run_internal.h).
 *
 * Every stage (each worker) leads a process group of its own, so that a
 * signal zeef passes on, a `timeout:` or zeef's end reaches whatever the
 * stage started too. When zeef dies without cleaning up (SIGKILL, an
 * abort), the stages' pipes to zeef close, and two things more end them:
 * each stage asks the kernel for SIGTERM when zeef dies (PR_SET_PDEATHSIG,
 * Linux), and a small watchdog process, forked before the stages, holds
 * the read end of a pipe only zeef writes to: at its end of file without
 * a word that the run is over, it sends SIGTERM to every stage's group,
 * then SIGKILL to what is left 2 s later.
 */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run_internal.h"

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* --- a stage's group --------------------------------------------------- */

int zeef_group_alive(struct proc *p)
{
	if (!p->pid || p->group_gone)
		return 0;
	if (kill(-p->pid, 0) == 0 || errno == EPERM)
		return 1;
	/* empty: once its leader is reaped too, the number may be reused */
	if (p->reaped)
		p->group_gone = 1;
	return 0;
}

void zeef_group_signal(struct proc *p, int sig)
{
	if (zeef_group_alive(p))
		kill(-p->pid, sig);
}

void zeef_groups_signal(struct run *r, int sig)
{
	for (size_t s = 0; s < r->n; s++)
		for (int w = 0; w < r->stages[s].nprocs; w++)
			zeef_group_signal(&r->stages[s].procs[w], sig);
}

int zeef_groups_alive(struct run *r)
{
	int n = 0;
	for (size_t s = 0; s < r->n; s++)
		for (int w = 0; w < r->stages[s].nprocs; w++)
			n += zeef_group_alive(&r->stages[s].procs[w]);
	return n;
}

void zeef_groups_end(struct run *r, double grace_s)
{
	double until = zeef_now_s() + grace_s;
	while (zeef_groups_alive(r) && zeef_now_s() < until)
		nap_ms(20);
	zeef_groups_signal(r, SIGKILL);
}

/* --- the watchdog ------------------------------------------------------ */

static int watch_fd = -1;      /* zeef's end of the pipe, -1 without a watchdog */
static pid_t watch_pid;

/* The watchdog's life: collect group ids until the pipe says "done" (a 0)
 * or ends (zeef died); then end the groups. A read that fails (which a
 * pipe does not do, but a test's fault injection may) is tried again a
 * while, and then the watchdog leaves the stages alone. Never returns. */
static void watch(int fd)
{
	pid_t *groups = NULL, g;
	size_t n = 0, cap = 0, have = 0;
	int errors = 0;
	for (;;) {
		ssize_t got = read(fd, (char *)&g + have, sizeof g - have);
		if (got < 0 && errno != EINTR && ++errors > 100)
			_exit(0);
		if (got < 0) {
			nap_ms(10);
			continue;
		}
		if (got == 0)
			break;   /* zeef is gone without a word */
		if ((have += (size_t)got) < sizeof g)
			continue;
		have = 0;
		if (g == 0)
			_exit(0);   /* the run is over */
		if (n == cap) {
			size_t bigger = cap ? cap * 2 : 64;
			pid_t *more = realloc(groups, bigger * sizeof *more);
			if (!more)
				continue;
			groups = more;
			cap = bigger;
		}
		groups[n++] = g;
	}
	for (size_t i = 0; i < n; i++)
		kill(-groups[i], SIGTERM);
	for (int waited = 0; waited < 100; waited++) {
		size_t alive = 0;
		for (size_t i = 0; i < n; i++)
			alive += kill(-groups[i], 0) == 0;
		if (!alive)
			_exit(0);
		nap_ms(20);
	}
	for (size_t i = 0; i < n; i++)
		kill(-groups[i], SIGKILL);
	_exit(0);
}

void zeef_watchdog_start(void)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC))
		return;   /* run without: the stages still have PDEATHSIG */
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pid == 0) {
		/* its own group, so that what is sent to zeef's group (a
		 * terminal's ^C) does not end it; no end of zeef's pipes */
		setpgid(0, 0);
		close(fds[1]);
		int null = open("/dev/null", O_RDWR);
		for (int fd = 0; fd < 3; fd++)
			if (null >= 0)
				dup2(null, fd);
		signal(SIGINT, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		signal(SIGPIPE, SIG_IGN);
		signal(SIGTERM, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		watch(fds[0]);
	}
	close(fds[0]);
	watch_fd = fds[1];
	watch_pid = pid;
}

/* Tell the watchdog V (a group, or 0: the run is over). When that fails,
 * the watchdog is ended rather than left to read an end of file as zeef's
 * death; the stages still have PDEATHSIG. */
static void tell_watchdog(pid_t v)
{
	const char *p = (const char *)&v;
	size_t left = sizeof v;
	while (watch_fd >= 0 && left) {
		ssize_t k = write(watch_fd, p, left);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			kill(watch_pid, SIGKILL);
			close(watch_fd);
			watch_fd = -1;
			while (waitpid(watch_pid, NULL, 0) < 0 && errno == EINTR)
				;
			return;
		}
		p += k;
		left -= (size_t)k;
	}
}

void zeef_watchdog_add(pid_t group)
{
	tell_watchdog(group);
}

void zeef_watchdog_stop(void)
{
	tell_watchdog(0);
	if (watch_fd < 0)
		return;
	close(watch_fd);
	watch_fd = -1;
	while (waitpid(watch_pid, NULL, 0) < 0 && errno == EINTR)
		;
}
