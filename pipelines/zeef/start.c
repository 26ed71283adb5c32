/* start.c — start a chain (run_internal.h): the pipes between stages, the
 * boundaries zeef relays, and each stage's processes, every one leading its
 * own process group (groups.c). */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "esc.h"
#include "parallel.h"
#include "run_internal.h"

double zeef_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int zeef_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) == 0)
		return 0;
	fprintf(stderr, "zeef: cannot make a pipe: %s\n", strerror(errno));
	return -1;
}

void zeef_set_nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static int spawn(struct run *r, struct rstage *st, struct proc *p, int in, int out, int first)
{
	int errp[2];
	if (zeef_pipe(errp))
		return -1;
	const struct zeef_stage *def = st->def;
	size_t nfiles = first ? r->o->nfiles : 0, k = 0;
	char **argv = calloc(def->nargs + nfiles + 3, sizeof *argv);
	if (!argv) {
		fputs("zeef: out of memory\n", stderr);
		close(errp[0]);
		close(errp[1]);
		return -1;
	}
	argv[k++] = def->path;
	for (size_t i = 0; i < def->nargs; i++)
		argv[k++] = def->args[i];
	int dashes = 0;   /* a FILE named "-x" must not be taken for an option */
	for (size_t i = 0; i < nfiles; i++)
		dashes |= r->o->files[i][0] == '-' && r->o->files[i][1];
	if (dashes)
		argv[k++] = "--";
	for (size_t i = 0; i < nfiles; i++)
		argv[k++] = r->o->files[i];
	/* Signals wait until the child has its default handlers back: a
	 * SIGTERM landing between fork and exec would otherwise run zeef's
	 * handler in the child and be lost, and the stage would never end. */
	sigset_t block, saved;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGTSTP);
	sigprocmask(SIG_BLOCK, &block, &saved);
	/* Every stage leads its own process group, so that ending it ends
	 * whatever it started too (groups.c). It never reads the terminal:
	 * zeef relays a terminal on its stdin (a background group reading it
	 * would be stopped by SIGTTIN). */
	pid_t zeef_pid = getpid();
	pid_t pid = fork();
	if (pid != 0)
		sigprocmask(SIG_SETMASK, &saved, NULL);
	if (pid < 0) {
		fprintf(stderr, "zeef: cannot start stage '%s': %s\n", zeef_esc(def->name), strerror(errno));
		free(argv);
		close(errp[0]);
		close(errp[1]);
		return -1;
	}
	if (pid == 0) {
		setpgid(0, 0);
#ifdef __linux__
		/* when zeef dies, SIGTERM, even if zeef had no time to pass
		 * anything on (SIGKILL) */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && getppid() != zeef_pid)
			_exit(128 + SIGTERM);
#endif
		if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(errp[1], 2) < 0)
			_exit(127);
		if (in > 2)
			fcntl(0, F_SETFL, fcntl(0, F_GETFL) & ~O_NONBLOCK);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGTSTP, SIG_DFL);
		signal(SIGCONT, SIG_DFL);
		sigprocmask(SIG_SETMASK, &saved, NULL);
		for (size_t i = 0; i < def->nenv; i++)
			setenv(def->env[i].name, def->env[i].value, 1);
		if (def->spread_cpus && st->nprocs > 1)
			zeef_parallel_pin(p->worker, st->nprocs);   /* else it runs anywhere */
		execv(def->path, argv);
		fprintf(stderr, "cannot run %s: %s\n", zeef_esc(def->path), strerror(errno));
		_exit(127);
	}
	free(argv);
	close(errp[1]);
	setpgid(pid, pid);   /* also here: kill(-pid) must work once fork returns */
	zeef_watchdog_add(pid);
	p->pid = pid;
	p->err_fd = errp[0];
	zeef_set_nonblock(p->err_fd);
	return 0;
}

static char *make_label(const char *name, int worker, int nworkers)
{
	size_t n = strlen(name) + 32;
	char *s = malloc(n);
	if (!s) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	if (nworkers > 1)
		snprintf(s, n, "[%s:%d] ", name, worker + 1);
	else
		snprintf(s, n, "[%s] ", name);
	return s;
}

static int open_tee(struct run *r, size_t bi)
{
	const struct rstage *st = &r->stages[bi - 1];
	const char *dir = r->o->tee_dir;
	size_t len = strlen(dir) + strlen(st->def->name) + 32;
	char *path = malloc(len), *at;
	if (!path) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	int k = snprintf(path, len, "%s/%02zu-", dir, st->index + 1);
	at = path + k;
	snprintf(at, len - (size_t)k, "%s.jsonl", st->def->name);
	for (; *at; at++)
		if (*at == '/' || *at == ' ')
			*at = '_';
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		fprintf(stderr, "zeef: --tee: %s: %s\n", zeef_esc(path), strerror(errno));
	free(path);
	return fd;
}

/* The first stage may read zeef's stdin: no FILE is given, or one is
 * "-". With FILEs, a terminal on stdin is not the stage's to read: it
 * gets /dev/null (zeef reading the terminal for it would stop zeef run in
 * the background by SIGTTIN as soon as anything is typed). */
static int reads_stdin(const struct zeef_run_opts *o)
{
	for (size_t i = 0; i < o->nfiles; i++)
		if (!strcmp(o->files[i], "-"))
			return 1;
	return !o->nfiles;
}

/* Create pipes and processes. Returns 0, or an exit code. */
int zeef_start(struct run *r, int show_progress)
{
	size_t n = r->n;
	int *child_in = calloc(n, sizeof *child_in), *child_out = calloc(n, sizeof *child_out);
	int rc = 0;
	if (!child_in || !child_out) {
		fputs("zeef: out of memory\n", stderr);
		rc = 70;
		goto out;
	}
	for (size_t bi = 0; bi <= n; bi++) {
		struct boundary *b = &r->b[bi];
		b->src_fd = b->dst_fd = b->tee_fd = -1;
		int workers_before = bi > 0 && r->stages[bi - 1].def->workers > 1;
		int workers_after = bi < n && r->stages[bi].def->workers > 1;
		if (bi == 0)
			b->relayed = workers_after || (r->o->stats && !r->o->nfiles) ||
			             (isatty(0) && reads_stdin(r->o));
		else if (bi < n)
			b->relayed = r->o->stats || r->o->tee_dir || workers_before || workers_after;
		else
			b->relayed = r->o->stats || r->o->tee_dir || show_progress || workers_before;
		b->feeds_workers = workers_after;
		if (!b->relayed) {
			if (bi == 0) {
				child_in[0] = isatty(0) ? open("/dev/null", O_RDONLY | O_CLOEXEC) : 0;
				if (child_in[0] < 0) {
					fprintf(stderr, "zeef: /dev/null: %s\n", strerror(errno));
					rc = 70;
					goto out;
				}
			} else if (bi == n)
				child_out[n - 1] = 1;
			else {
				int fds[2];
				if (zeef_pipe(fds)) {
					rc = 70;
					goto out;
				}
				child_out[bi - 1] = fds[1];
				child_in[bi] = fds[0];
			}
			b->src_done = b->dst_done = 1;
			continue;
		}
		if (bi > 0 && r->o->tee_dir && (b->tee_fd = open_tee(r, bi)) < 0) {
			rc = 74;
			goto out;
		}
		if (bi == 0)
			b->src_fd = 0;
		else if (!workers_before) {
			int fds[2];
			if (zeef_pipe(fds)) {
				rc = 70;
				goto out;
			}
			child_out[bi - 1] = fds[1];
			b->src_fd = fds[0];
			zeef_set_nonblock(b->src_fd);
		}
		if (bi == n) {
			struct stat sb;
			b->dst_fd = 1;
			b->dst_small_writes = fstat(1, &sb) == 0 && (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode));
		} else if (!workers_after) {
			int fds[2];
			if (zeef_pipe(fds)) {
				rc = 70;
				goto out;
			}
			child_in[bi] = fds[0];
			b->dst_fd = fds[1];
			zeef_set_nonblock(b->dst_fd);
		}
	}
	for (size_t s = 0; s < n && !rc; s++) {
		struct rstage *st = &r->stages[s];
		st->t_start = zeef_now_s();
		for (int w = 0; w < st->nprocs && !rc; w++) {
			struct proc *p = &st->procs[w];
			int in = child_in[s], out = child_out[s], ip[2] = { -1, -1 }, op[2] = { -1, -1 };
			p->in_fd = p->out_fd = p->err_fd = -1;
			p->stage = s;
			p->worker = w;
			p->label = make_label(st->def->name, w, st->nprocs);
			if (st->nprocs > 1) {
				if (zeef_pipe(ip) || zeef_pipe(op)) {
					rc = 70;
					goto out;
				}
				in = ip[0];
				out = op[1];
				p->in_fd = ip[1];
				p->out_fd = op[0];
				zeef_set_nonblock(p->in_fd);
				zeef_set_nonblock(p->out_fd);
			}
			if (spawn(r, st, p, in, out, s == 0))
				rc = 70;
			if (ip[0] >= 0) {
				close(ip[0]);
				close(op[1]);
			}
		}
		if (child_in[s] > 2)
			close(child_in[s]);
		if (child_out[s] > 2)
			close(child_out[s]);
	}
out:
	free(child_in);
	free(child_out);
	return rc;
}

