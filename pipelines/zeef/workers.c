/* workers.c — `workers: N`: N copies of a stage, output in input order.
 *
 * Records are one line in, one line out, so order is recoverable without
 * touching the JSON: the input is cut into chunks of whole lines (about
 * RUN_CHUNK_BYTES each), each chunk goes to one worker, and a queue remembers
 * which worker got how many lines. The merge takes that many lines from that
 * worker's output before moving to the next chunk. The output is therefore
 * byte-identical to one worker's.
 *
 * No deadlock: the worker at the head of the queue and the one being fed
 * are always read (their stdio buffers may hold a chunk's last lines until
 * they get more input); others are read up to RUN_WORKER_CAP. A new chunk
 * starts only while the merged stream has room, and goes to the head worker
 * when the others hold too much. Memory stays bounded by about N times
 * RUN_WORKER_CAP plus the longest record.
 *
 * A worker that fails (stops reading, or ends with lines still owed) stops
 * the stage: no new chunk starts, the worker being fed gets the rest of the
 * line it is in and then its end of input, and the merge goes on in order
 * up to the failing chunk, hands on the lines of it that were written
 * whole, and ends the stage's output there, cleanly, after a whole line.
 * The workers' statuses then say why (exec.c reports them).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include "grow.h"
#include "esc.h"
#include "run_internal.h"

static struct chunk *queue_tail(struct rstage *st)
{
	return st->qlen ? &st->q[st->qhead + st->qlen - 1] : NULL;
}

static void queue_push(struct rstage *st, int worker)
{
	struct proc *p = &st->procs[worker];
	if (st->qhead > 0 && st->qhead + st->qlen == st->qcap) {
		memmove(st->q, st->q + st->qhead, st->qlen * sizeof *st->q);
		st->qhead = 0;
	}
	if (grow_array((void **)&st->q, &st->qcap, st->qhead + st->qlen + 1, sizeof *st->q) != 0 ||
	    grow_array((void **)&p->map, &p->capmap, p->nmap + 1, sizeof *p->map) != 0) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	st->q[st->qhead + st->qlen++] = (struct chunk){ .worker = worker };
	p->map[p->nmap++] = (struct wmap){ .wline = p->given + 1, .record = st->given + 1 };
}

uint64_t zeef_workers_record_of(const struct run *r, size_t si, int w, uint64_t n)
{
	const struct proc *p = &r->stages[si].procs[w];
	if (n == 0 || n > p->given)
		return 0;
	size_t lo = 0, hi = p->nmap;   /* the last entry with wline <= n */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->map[mid].wline <= n)
			lo = mid;
		else
			hi = mid;
	}
	if (!p->nmap || p->map[lo].wline > n)
		return 0;
	return p->map[lo].record + (n - p->map[lo].wline);
}

/* Stage SI cannot go on as it was (worker DEAD, or -1, failed): start no
 * new chunk, let the worker being fed finish the line it is in, close the
 * other workers' input, and once nobody is fed, stop the input boundary
 * (the stage before gets SIGPIPE, which is not a failure). */
static void stop_feeding(struct run *r, size_t si, int dead)
{
	struct rstage *st = &r->stages[si];
	st->stopping = 1;
	int fed = 0;
	for (int w = 0; w < st->nprocs; w++) {
		struct proc *p = &st->procs[w];
		if (p->in_fd < 0)
			continue;
		if (w != dead && w == st->cur && p->in_mid_line) {
			fed = 1;
			continue;
		}
		close(p->in_fd);
		p->in_fd = -1;
	}
	if (!fed && !r->b[si].dst_done)
		zeef_run_abort_boundary(r, si);
}

static void queue_pop(struct rstage *st)
{
	st->qhead++;
	if (--st->qlen == 0)
		st->qhead = 0;
}

static int head_worker(const struct rstage *st)
{
	return st->qlen ? st->q[st->qhead].worker : -1;
}

int zeef_workers_want_write(const struct run *r, size_t bi)
{
	const struct boundary *b = &r->b[bi];
	const struct rstage *st = &r->stages[bi];
	if (b->dst_done || b->buf.len == 0)
		return -1;
	if (st->cur >= 0)
		return st->procs[st->cur].in_fd >= 0 ? st->cur : -1;
	if (st->stopping)
		return -1;
	if (r->b[bi + 1].buf.len >= RUN_BOUNDARY_CAP)
		return -1;
	size_t held = 0;
	for (int w = 0; w < st->nprocs; w++)
		held += st->procs[w].out.len;
	int head = head_worker(st);
	if (head >= 0 && held > (size_t)st->nprocs * RUN_WORKER_CAP)
		return st->procs[head].in_fd >= 0 ? head : -1;
	int best = -1;
	for (int w = 0; w < st->nprocs; w++)
		if (st->procs[w].in_fd >= 0 && (best < 0 || st->procs[w].owed < st->procs[best].owed))
			best = w;
	return best;
}

static uint64_t count_lines(const char *s, size_t n)
{
	uint64_t lines = 0;
	const char *end = s + n;
	while (s < end && (s = memchr(s, '\n', (size_t)(end - s)))) {
		lines++;
		s++;
	}
	return lines;
}

void zeef_workers_write(struct run *r, size_t bi)
{
	struct boundary *b = &r->b[bi];
	struct rstage *st = &r->stages[bi];
	int w = zeef_workers_want_write(r, bi);
	if (w < 0)
		return;
	if (st->cur < 0) {
		queue_push(st, w);
		st->cur = w;
		st->cur_bytes = 0;
	}
	struct proc *p = &st->procs[w];
	const char *data = b->buf.p + b->buf.off;
	size_t limit = b->buf.len;
	int ends_chunk = 0;
	if (st->stopping) {
		/* only the rest of the line the worker is in */
		const char *nl = memchr(data, '\n', limit);
		if (nl)
			limit = (size_t)(nl - data) + 1;
	} else if (st->cur_bytes + limit >= RUN_CHUNK_BYTES) {
		size_t from = RUN_CHUNK_BYTES > st->cur_bytes + 1 ? RUN_CHUNK_BYTES - st->cur_bytes - 1 : 0;
		const char *nl = from < limit ? memchr(data + from, '\n', limit - from) : NULL;
		if (nl) {
			limit = (size_t)(nl - data) + 1;
			ends_chunk = 1;
		}
	}
	ssize_t n = write(p->in_fd, data, limit);
	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		/* EPIPE: the worker is gone, its status tells why; any other
		 * error loses records and is a failure of its own */
		if (errno != EPIPE) {
			zeef_run_message(r, "zeef: write error into stage '%s' (worker %d): %s\n",
			                 zeef_esc(st->def->name), w + 1, strerror(errno));
			r->io_error = 1;
		}
		stop_feeding(r, bi, w);
		return;
	}
	uint64_t lines = count_lines(data, (size_t)n);
	if (queue_tail(st))   /* none once the merge ended at a failure */
		queue_tail(st)->lines += lines;
	p->owed += lines;
	p->given += lines;
	st->given += lines;
	p->in_mid_line = n > 0 && data[n - 1] != '\n';
	st->cur_bytes += (size_t)n;
	zeef_buf_drop(&b->buf, (size_t)n);
	if (st->stopping && !p->in_mid_line)
		stop_feeding(r, bi, -1);
	else if (ends_chunk && (size_t)n == limit && queue_tail(st)) {
		queue_tail(st)->closed = 1;
		st->cur = -1;
	}
}

void zeef_workers_finish_input(struct run *r, size_t bi)
{
	struct rstage *st = &r->stages[bi];
	if (st->cur >= 0 && queue_tail(st))
		queue_tail(st)->closed = 1;
	st->cur = -1;
	for (int w = 0; w < st->nprocs; w++)
		if (st->procs[w].in_fd >= 0) {
			close(st->procs[w].in_fd);
			st->procs[w].in_fd = -1;
		}
	r->b[bi].dst_done = 1;
}

int zeef_workers_want_read(const struct run *r, size_t si, int w)
{
	const struct rstage *st = &r->stages[si];
	const struct proc *p = &st->procs[w];
	if (p->out_fd < 0)
		return 0;
	return st->ended || w == head_worker(st) || w == st->cur || p->out.len < RUN_WORKER_CAP;
}

void zeef_workers_read(struct run *r, size_t si, int w)
{
	static char tmp[RUN_READ_BYTES];
	struct proc *p = &r->stages[si].procs[w];
	ssize_t n = read(p->out_fd, tmp, sizeof tmp);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0) {
		if (!r->stages[si].ended)   /* else nothing more is merged */
			zeef_buf_add(&p->out, tmp, (size_t)n);
		return;
	}
	if (n < 0) {
		zeef_run_message(r, "zeef: read error from stage '%s' (worker %d): %s\n",
		                 zeef_esc(r->stages[si].def->name), w + 1, strerror(errno));
		r->io_error = 1;
	}
	close(p->out_fd);
	p->out_fd = -1;
	p->out_eof = 1;
	/* lines still owed that will never come: the worker failed */
	if (p->owed > count_lines(p->out.p + p->out.off, p->out.len) && !r->stages[si].stopping)
		stop_feeding(r, si, w);
}

/* Reported after the run (exec.c), unless the worker failed anyway. */
static void contract_error(struct run *r, size_t si, int w, const char *what)
{
	if (!r->contract_error) {
		r->contract_error = 1;
		r->contract_stage = si;
		r->contract_worker = w;
		r->contract_what = what;
	}
}

/* The merge of stage SI's output ends here: what boundary BI holds (whole
 * lines) is still handed on, then the next stage gets its end of input. */
static void end_merge(struct run *r, size_t si, size_t bi)
{
	struct rstage *st = &r->stages[si];
	st->ended = 1;
	st->qlen = st->qhead = 0;
	for (int w = 0; w < st->nprocs; w++)
		st->procs[w].out.off = st->procs[w].out.len = 0;
	if (!st->stopping)
		stop_feeding(r, si, -1);
	r->b[bi].src_done = 1;
	r->b[bi].cut = 1;
}

void zeef_workers_merge(struct run *r, size_t bi)
{
	size_t si = bi - 1;
	struct rstage *st = &r->stages[si];
	struct boundary *b = &r->b[bi];
	if (b->src_done)
		return;
	while (st->qlen && b->buf.len < RUN_BOUNDARY_CAP) {
		struct chunk *c = &st->q[st->qhead];
		struct proc *p = &st->procs[c->worker];
		const char *s = p->out.p + p->out.off, *end = s + p->out.len, *at = s;
		uint64_t took = 0;
		while (c->merged + took < c->lines && at < end) {
			const char *nl = memchr(at, '\n', (size_t)(end - at));
			if (!nl)
				break;
			at = nl + 1;
			took++;
			if ((size_t)(at - s) >= RUN_BOUNDARY_CAP)
				break;
		}
		if (took) {
			zeef_run_ingest(r, b, s, (size_t)(at - s));
			zeef_buf_drop(&p->out, (size_t)(at - s));
			c->merged += took;
			p->owed -= took;
			continue;
		}
		if (c->merged == c->lines && c->closed) {
			queue_pop(st);
			continue;
		}
		if (c->merged < c->lines && p->out_eof) {
			/* A last line without its '\n' counts only from a
			 * worker that ends well: wait for its status. */
			int partial = p->out.len && p->owed == 1 && c->closed;
			if (partial && !p->reaped)
				break;
			if (partial && WIFEXITED(p->status) && WEXITSTATUS(p->status) == 0) {
				zeef_buf_add(&p->out, "\n", 1);
				continue;
			}
			contract_error(r, si, c->worker, "fewer");
			end_merge(r, si, bi);
			return;
		}
		break;
	}
	if (st->qlen || !r->b[si].dst_done)
		return;
	for (int w = 0; w < st->nprocs; w++)
		if (!st->procs[w].out_eof)
			return;
	for (int w = 0; w < st->nprocs; w++)
		if (st->procs[w].out.len) {
			contract_error(r, si, w, "more");
			end_merge(r, si, bi);
			return;
		}
	b->src_done = 1;
}
