/* shard_task.c — one shard's task: its bytes of the corpus fed to
 * `zeef run`, its messages passed on naming corpus lines (shard_lines.c),
 * and the output and done marker kept only when the run succeeded
 * (shard.h). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"
#include "grow.h"
#include "pipeline.h"
#include "shard.h"

/* --- the task ---------------------------------------------------------- */

/* S as messages show it (escape.h), malloc'ed; NULL when out of memory. */
static char *shown(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	escape_fputs(f, s);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The run, to pass SIGTERM, SIGINT and SIGHUP on to (scancel and Slurm's
 * time limit send SIGTERM); zeef run passes them on to its stages. */
static volatile sig_atomic_t run_pid;
static const int passed_on[] = { SIGTERM, SIGINT, SIGHUP };
enum { NPASSED = sizeof passed_on / sizeof passed_on[0] };

static void pass_signal(int sig)
{
	if (run_pid > 0)
		kill((pid_t)run_pid, sig);
}

struct task {
	const char *dir;
	const struct shard_plan *p;
	size_t k;
	const struct shard *s;
	char *corpus;            /* its path as messages show it */
	int corpus_fd;
	struct shard_cursor cursor;
	char **labels;
	size_t nlabels;
	int named_record;        /* a stage said which of its input lines was bad */
	char *note;              /* the run's messages, for DIR/failed/K */
	size_t note_len, note_cap;
	int note_lines;
};

static uint64_t task_line_of_record(void *ctx, uint64_t n)
{
	struct task *t = ctx;
	return shard_line_of_record(t->corpus_fd, t->s, &t->cursor, n, NULL);
}

static void write_err(const char *s, size_t n)
{
	fwrite(s, 1, n, stderr);   /* unbuffered; SA_RESTART: not cut short by a signal */
}

static void keep_in_note(struct task *t, const char *s, size_t n)
{
	enum { NOTE_LINES = 20 };
	if (t->note_lines >= NOTE_LINES ||
	    grow_array((void **)&t->note, &t->note_cap, t->note_len + n + 2, 1))
		return;
	memcpy(t->note + t->note_len, s, n);
	t->note_len += n;
	if (!n || s[n - 1] != '\n')
		t->note[t->note_len++] = '\n';
	t->note[t->note_len] = '\0';
	t->note_lines++;
}

/* One line of the run's stderr: name corpus lines, pass it on, keep it. */
static void pass_message(struct task *t, const char *s, size_t n)
{
	char *re = shard_relabel(s, n, t->labels, t->nlabels, t->corpus, t->s->first_line,
	                         task_line_of_record, t);
	const char *out = re ? re : s;
	if (re)
		t->named_record = 1;
	size_t len = re ? strlen(re) : n;
	write_err(out, len);
	if (len && out[len - 1] != '\n')
		write_err("\n", 1);
	keep_in_note(t, out, len);
	free(re);
}

/* Record why shard K failed: SUMMARY (one line) on stderr, and with the
 * run's messages in DIR/failed/K. */
static void failed(struct task *t, const char *summary)
{
	char key[160];
	write_err(summary, strlen(summary));
	shard_key_line(t->p, t->k, key, sizeof key);
	size_t n = strlen(key) + strlen(summary) + t->note_len + 1;
	char *text = malloc(n), name[32], *sub = malloc(strlen(t->dir) + 8);
	if (text && sub) {
		snprintf(text, n, "%s%s%s", key, summary, t->note ? t->note : "");
		snprintf(sub, strlen(t->dir) + 8, "%s/failed", t->dir);
		snprintf(name, sizeof name, "%zu", t->k + 1);
		if (shard_write_atomic(sub, name, text, strlen(text)))
			fprintf(stderr, "zeef shard: %s/%s: cannot write: %s\n", sub, name, strerror(errno));
	}
	free(text);
	free(sub);
}

/* The "[NAME] " labels of the stages the plan's options run, in order. */
static int make_labels(struct task *t)
{
	int rc;
	struct zeef_pipeline *pl = zeef_pipeline_load(t->p->pipeline, stderr, &rc);
	if (!pl)
		return rc;
	long from = 0, to = (long)pl->nstages - 1;
	for (size_t i = 0; i < t->p->noptions; i++) {
		const char *o = t->p->options[i];
		if (!strncmp(o, "--from=", 7))
			from = zeef_stage_find(pl, o + 7);
		else if (!strncmp(o, "--to=", 5))
			to = zeef_stage_find(pl, o + 5);
	}
	rc = 0;
	if (from < 0 || to < from)
		rc = 65;   /* zeef run says why */
	else if (!(t->labels = calloc((size_t)(to - from + 1), sizeof *t->labels)))
		rc = 70;
	for (long i = from; !rc && i <= to; i++) {
		size_t n = strlen(pl->stages[i].name) + 4;
		if (!(t->labels[t->nlabels] = malloc(n)))
			rc = 70;
		else
			snprintf(t->labels[t->nlabels++], n, "[%s] ", pl->stages[i].name);
	}
	zeef_pipeline_free(pl);
	return rc;
}

/* Start `zeef run OPTIONS PIPELINE` reading IN_FD, writing OUT_FD and
 * ERR_FD. Returns its pid, or -1. */
static pid_t start_run(const struct shard_plan *p, int in_fd, int out_fd, int err_fd)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char **argv = calloc(p->noptions + 4, sizeof *argv);
	if (n <= 0 || !argv) {
		free(argv);
		return -1;
	}
	self[n] = '\0';
	size_t a = 0;
	argv[a++] = "zeef";
	argv[a++] = "run";
	for (size_t i = 0; i < p->noptions; i++)
		argv[a++] = p->options[i];
	argv[a++] = p->pipeline;
	sigset_t block, saved;
	sigemptyset(&block);
	for (int i = 0; i < NPASSED; i++)
		sigaddset(&block, passed_on[i]);
	sigprocmask(SIG_BLOCK, &block, &saved);   /* no signal before run_pid is known */
	pid_t pid = fork();
	if (pid > 0)
		run_pid = pid;
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		signal(SIGPIPE, SIG_DFL);
		if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
			_exit(70);
		execv(self, argv);
		fprintf(stderr, "zeef shard: cannot run %s: %s\n", self, strerror(errno));
		_exit(70);
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	free(argv);
	return pid;
}

/* Count the lines of the file on FD. */
static uint64_t count_lines(int fd)
{
	char buf[65536];
	uint64_t lines = 0;
	ssize_t n;
	off_t off = 0;
	while ((n = pread(fd, buf, sizeof buf, off)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		for (const char *at = buf, *end = buf + n; (at = memchr(at, '\n', (size_t)(end - at))); at++)
			lines++;
		off += n;
	}
	return lines;
}

/* Feed the shard's bytes to the run on IN (non-blocking), pass its
 * messages on from ERR, until both are done. *HASH gets the hash of the
 * bytes fed; returns the bytes fed. */
static uint64_t feed_and_relay(struct task *t, int in, int err, uint64_t *hash)
{
	enum { BLOCK = 1 << 20 };
	char *buf = malloc(BLOCK);
	struct { char *p; size_t len, cap; } line = { 0 };
	struct shard_hash sh;
	shard_hash_init(&sh);
	uint64_t pos = t->s->start;
	size_t blen = 0, boff = 0;
	int cut_short = 0;
	if (!buf) {
		close(in);
		in = -1;
		cut_short = 1;
	}
	while (in >= 0 || err >= 0) {
		if (in >= 0 && boff == blen) {
			ssize_t n = 0;
			if (pos < t->s->end) {
				size_t want = t->s->end - pos < BLOCK ? (size_t)(t->s->end - pos) : BLOCK;
				n = pread(t->corpus_fd, buf, want, (off_t)pos);
				if (n < 0 && errno == EINTR)
					continue;
			}
			if (n <= 0) {   /* all of it, or the corpus is shorter now */
				close(in);
				in = -1;
				continue;
			}
			shard_hash_add(&sh, buf, (size_t)n);
			pos += (uint64_t)n;
			blen = (size_t)n;
			boff = 0;
		}
		struct pollfd fds[2] = { { in, POLLOUT, 0 }, { err, POLLIN, 0 } };
		if (poll(fds, 2, -1) < 0)
			continue;   /* EINTR: a signal was passed on */
		if (in >= 0 && fds[0].revents) {
			ssize_t n = write(in, buf + boff, blen - boff);
			if (n > 0)
				boff += (size_t)n;
			else if (n < 0 && errno != EAGAIN && errno != EINTR) {
				close(in);   /* the run stopped reading: it failed */
				in = -1;
				cut_short = 1;
			}
		}
		if (err >= 0 && fds[1].revents) {
			if (grow_array((void **)&line.p, &line.cap, line.len + 65536, 1)) {
				close(err);
				err = -1;
				continue;
			}
			ssize_t n = read(err, line.p + line.len, 65536);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n > 0)
				line.len += (size_t)n;
			size_t used = 0;
			for (char *nl; (nl = memchr(line.p + used, '\n', line.len - used)); used = (size_t)(nl - line.p) + 1)
				pass_message(t, line.p + used, (size_t)(nl - line.p) + 1 - used);
			if (n <= 0 || line.len - used > 65536) {   /* the end, or a line too long to hold */
				if (line.len > used)
					pass_message(t, line.p + used, line.len - used);
				used = line.len;
			}
			memmove(line.p, line.p + used, line.len - used);
			line.len -= used;
			if (n <= 0) {
				close(err);
				err = -1;
			}
		}
	}
	free(buf);
	free(line.p);
	*hash = shard_hash_end(&sh);
	return cut_short ? 0 : pos - t->s->start;
}

static int wait_run(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 70;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The output is whole: make it DIR/out/K.jsonl, then the done marker. */
static int keep_output(struct task *t, int out_fd, const char *tmp, const char *out)
{
	struct stat sb;
	char key[160], name[32], *marker = NULL, *done = malloc(strlen(t->dir) + 8);
	int rc = 74;
	if (fsync(out_fd) || fstat(out_fd, &sb) || rename(tmp, out)) {
		fprintf(stderr, "zeef shard: %s: cannot keep the output: %s\n", out, strerror(errno));
		free(done);
		return 74;
	}
	shard_key_line(t->p, t->k, key, sizeof key);
	size_t n = strlen(key) + 48;
	if (done && (marker = malloc(n))) {
		snprintf(done, strlen(t->dir) + 8, "%s/out", t->dir);
		shard_sync_dir(done);   /* the output's name on disk before the marker's */
		snprintf(marker, n, "%sout-bytes %" PRIu64 "\n", key, (uint64_t)sb.st_size);
		snprintf(done, strlen(t->dir) + 8, "%s/done", t->dir);
		snprintf(name, sizeof name, "%zu", t->k + 1);
		if (shard_write_atomic(done, name, marker, strlen(marker)) == 0)
			rc = 0;
		else
			fprintf(stderr, "zeef shard: %s/%s: cannot write the done marker: %s\n", done, name,
			        strerror(errno));
	}
	free(marker);
	free(done);
	return rc;
}

/* Say why the run failed, naming the first record it did not write. */
static void explain_failure(struct task *t, int rc, int out_fd)
{
	char summary[PATH_MAX + 512], where[PATH_MAX + 64];
	const struct shard *s = t->s;
	uint64_t last = s->nlines ? s->first_line + s->nlines - 1 : s->first_line;
	snprintf(where, sizeof where, "shard %zu of %zu (lines %" PRIu64 "-%" PRIu64 ")",
	         t->k + 1, t->p->nshards, s->first_line, last);
	uint64_t written = count_lines(out_fd);
	char *raw_id = NULL, *id;
	uint64_t line = shard_line_of_record(t->corpus_fd, s, &t->cursor, written + 1, &raw_id);
	id = raw_id ? shown(raw_id) : NULL;
	free(raw_id);
	char how[64];
	if (rc > 128)
		snprintf(how, sizeof how, "was ended by signal %d", rc - 128);
	else
		snprintf(how, sizeof how, "failed with status %d", rc);
	if (line)
		snprintf(summary, sizeof summary, "zeef shard: %s:%" PRIu64 ": %s%s%s%s of %s; the task %s\n",
		         t->corpus, line, id ? "id=" : "", id ? id : "", id ? ": " : "",
		         rc == 65 && t->named_record ? "first bad record" : "first record without output",
		         where, how);
	else
		snprintf(summary, sizeof summary, "zeef shard: %s of %s: the task %s after its last record\n",
		         where, t->corpus, how);
	free(id);
	failed(t, summary);
}

int shard_run(const char *dir, const struct shard_plan *p, size_t k)
{
	struct task t = { .dir = dir, .p = p, .k = k, .s = &p->shards[k], .corpus_fd = -1 };
	char summary[PATH_MAX + 256];
	int rc = 0, out_fd = -1, in[2] = { -1, -1 }, err[2] = { -1, -1 };
	size_t n = strlen(dir) + 48;
	char *out = malloc(n), *tmp = malloc(n);
	t.corpus = shown(p->corpus);
	if (!out || !tmp || !t.corpus) {
		fputs("zeef shard: out of memory\n", stderr);
		rc = 70;
		goto end;
	}
	snprintf(out, n, "%s/out/%zu.jsonl", dir, k + 1);
	snprintf(tmp, n, "%s/out/.%zu.jsonl.XXXXXX", dir, k + 1);
	/* a new attempt: whatever the last one left says nothing any more
	 * (the marker first: an output without one is never merged) */
	char *stale = malloc(n);
	if (stale) {
		snprintf(stale, n, "%s/done/%zu", dir, k + 1);
		unlink(stale);
		snprintf(stale, n, "%s/failed/%zu", dir, k + 1);
		unlink(stale);
		free(stale);
	}
	unlink(out);
	uint64_t hash;
	int unreadable = shard_hash_file(p->pipeline, &hash);
	if (unreadable || hash != p->pipeline_hash) {
		char *pipeline = shown(p->pipeline);
		snprintf(summary, sizeof summary, "zeef shard: %s: the pipeline %s since the plan: make "
		         "the plan again (zeef shard plan)\n", pipeline ? pipeline : "?",
		         unreadable ? "cannot be read" : "changed");
		free(pipeline);
		failed(&t, summary);
		rc = 65;
		goto end;
	}
	struct stat sb;
	if ((t.corpus_fd = open(p->corpus, O_RDONLY | O_CLOEXEC)) < 0 || fstat(t.corpus_fd, &sb)) {
		fprintf(stderr, "zeef shard: %s: cannot open: %s\n", t.corpus, strerror(errno));
		rc = 66;
		goto end;
	}
	if ((uint64_t)sb.st_size != p->corpus_bytes || (int64_t)sb.st_mtim.tv_sec != p->mtime_s ||
	    sb.st_mtim.tv_nsec != p->mtime_ns) {
		snprintf(summary, sizeof summary, "zeef shard: %s: the corpus changed since the plan: "
		         "make the plan again (zeef shard plan)\n", t.corpus);
		failed(&t, summary);
		rc = 65;
		goto end;
	}
	if ((rc = make_labels(&t)))
		goto end;
	if ((out_fd = shard_mkstemp(tmp)) < 0 || pipe(in) || pipe(err)) {
		fprintf(stderr, "zeef shard: %s: %s\n", out_fd < 0 ? tmp : "pipe", strerror(errno));
		rc = out_fd < 0 ? 74 : 70;
		goto end;
	}
	/* the run gets them as 0, 1 and 2 only */
	int own[5] = { out_fd, in[0], in[1], err[0], err[1] };
	for (int i = 0; i < 5; i++)
		fcntl(own[i], F_SETFD, FD_CLOEXEC);
	struct sigaction sa = { .sa_handler = pass_signal, .sa_flags = SA_RESTART }, old[NPASSED];
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < NPASSED; i++)
		sigaction(passed_on[i], &sa, &old[i]);
	signal(SIGPIPE, SIG_IGN);
	pid_t pid = start_run(p, in[0], out_fd, err[1]);
	close(in[0]);
	close(err[1]);
	if (pid < 0) {
		for (int i = 0; i < NPASSED; i++)
			sigaction(passed_on[i], &old[i], NULL);
		fprintf(stderr, "zeef shard: cannot start zeef run: %s\n", strerror(errno));
		close(in[1]);
		close(err[0]);
		rc = 70;
		goto end;
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	uint64_t fed = feed_and_relay(&t, in[1], err[0], &hash);
	rc = wait_run(pid);
	run_pid = 0;
	for (int i = 0; i < NPASSED; i++)
		sigaction(passed_on[i], &old[i], NULL);
	if (rc == 0 && (fed != t.s->end - t.s->start || hash != t.s->hash)) {
		snprintf(summary, sizeof summary, "zeef shard: %s: shard %zu of %zu changed since the plan "
		         "(its bytes differ): make the plan again (zeef shard plan)\n", t.corpus, k + 1,
		         p->nshards);
		failed(&t, summary);
		rc = 65;
	} else if (rc == 0) {
		rc = keep_output(&t, out_fd, tmp, out);
	} else {
		explain_failure(&t, rc, out_fd);
	}
end:
	if (out_fd >= 0) {
		close(out_fd);
		if (rc)
			unlink(tmp);
	}
	if (t.corpus_fd >= 0)
		close(t.corpus_fd);
	for (size_t i = 0; i < t.nlabels; i++)
		free(t.labels[i]);
	free(t.labels);
	free(t.note);
	free(t.corpus);
	free(out);
	free(tmp);
	return rc;
}
