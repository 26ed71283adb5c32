/* relay.c — the bytes zeef moves itself (run_internal.h): byte queues,
 * stages' stderr with their labels, and the boundaries it relays (reading a
 * source, counting, --tee, writing a destination, closing when done). */
#define _GNU_SOURCE /* F_GETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "esc.h"
#include "run_internal.h"
#include "stdin_line.h"

/* --- byte queues ------------------------------------------------------ */

void zeef_buf_add(struct zeef_buf *b, const void *s, size_t n)
{
	if (!n)
		return;
	if (b->off + b->len + n > b->cap) {
		if (b->off) {
			memmove(b->p, b->p + b->off, b->len);
			b->off = 0;
		}
		if (b->len + n > b->cap) {
			size_t cap = b->cap ? b->cap : 4096;
			while (cap < b->len + n)
				cap *= 2;
			char *p = realloc(b->p, cap);
			if (!p) {
				fputs("zeef: out of memory\n", stderr);
				exit(70);
			}
			b->p = p;
			b->cap = cap;
		}
	}
	memcpy(b->p + b->off + b->len, s, n);
	b->len += n;
}

void zeef_buf_drop(struct zeef_buf *b, size_t n)
{
	b->off += n;
	b->len -= n;
	if (!b->len)
		b->off = 0;
}

void zeef_buf_free(struct zeef_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

/* --- messages and stderr ---------------------------------------------- */

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

void zeef_relay_clear_progress(struct run *r)
{
	if (r->progress_shown) {
		write_all(2, "\r\033[K", 4);
		r->progress_shown = 0;
	}
}

void zeef_run_message(struct run *r, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	zeef_relay_clear_progress(r);
	write_all(2, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* A worker's "<stdin>:N" counts its own lines; say which input record
 * that is (the first "<stdin>:N:" in the line, if any). */
static void note_worker_line(struct run *r, const struct proc *p, const char *s, size_t n)
{
	const struct rstage *st = &r->stages[p->stage];
	uint64_t line;
	const char *after;
	if (st->nprocs > 1 && zeef_stdin_line(s, n, &line, &after)) {
		uint64_t rec = zeef_workers_record_of(r, p->stage, p->worker, line);
		if (rec)
			zeef_run_message(r, "zeef: stage '%s' worker %d: its <stdin>:%llu is input record %llu\n",
			                 zeef_esc(st->def->name), p->worker + 1, (unsigned long long)line,
			                 (unsigned long long)rec);
	}
}

/* Hand on the complete lines of a stage's stderr, each after its label;
 * at EOF (or past 4 KiB without a newline) the rest too. */
static void flush_stderr(struct run *r, struct proc *p, int eof)
{
	while (p->err.len) {
		char *s = p->err.p + p->err.off;
		char *nl = memchr(s, '\n', p->err.len);
		size_t n = nl ? (size_t)(nl - s) + 1 : p->err.len;
		if (!nl && !(eof && n) && n < 4096)
			return;
		zeef_relay_clear_progress(r);
		write_all(2, p->label, strlen(p->label));
		write_all(2, s, n);
		if (!nl)
			write_all(2, "\n", 1);
		note_worker_line(r, p, s, n);
		zeef_buf_drop(&p->err, n);
	}
}

void zeef_relay_read_stderr(struct run *r, struct proc *p)
{
	char tmp[4096];
	ssize_t n = read(p->err_fd, tmp, sizeof tmp);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0) {
		zeef_buf_add(&p->err, tmp, (size_t)n);
		flush_stderr(r, p, 0);
		return;
	}
	close(p->err_fd);
	p->err_fd = -1;
	flush_stderr(r, p, 1);
}

/* --- boundaries ------------------------------------------------------- */

static void tee_write(struct run *r, struct boundary *b, const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(b->tee_fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			zeef_run_message(r, "zeef: --tee: write error: %s\n", k < 0 ? strerror(errno) : "short write");
			r->io_error = 1;
			close(b->tee_fd);
			b->tee_fd = -1;
			return;
		}
		s += k;
		n -= (size_t)k;
	}
}

/* The state of a line after its next byte C (not '\n'), from LINE_START or
 * LINE_CR: blank so far, or a record. */
static enum line_state line_step(int state, char c)
{
	if (state == LINE_START && (c == ' ' || c == '\t'))
		return LINE_START;
	if (state == LINE_START && c == '\r')
		return LINE_CR;
	return LINE_RECORD;
}

/* Count lines, and records: the lines a filter does not skip as blank.
 * For workers the same pass drops the blank lines (a filter writes nothing
 * for them), so that every line given to a worker comes back as one line:
 * a line's first bytes are held back while it may still be blank. */
void zeef_run_ingest(struct run *r, struct boundary *b, const char *s, size_t n)
{
	if (!n)
		return;
	b->bytes += n;
	b->ends_in_newline = s[n - 1] == '\n';
	if (b->tee_fd >= 0)
		tee_write(r, b, s, n);
	if (!b->feeds_workers)
		zeef_buf_add(&b->buf, s, n);
	for (const char *at = s, *end = s + n; at < end;) {
		if (b->count_state != LINE_RECORD) {
			char c = *at++;
			if (c == '\n') {
				b->lines++;
				b->count_state = LINE_START;
				b->held.off = b->held.len = 0;
				continue;
			}
			b->count_state = line_step(b->count_state, c);
			if (b->feeds_workers) {
				zeef_buf_add(&b->held, &c, 1);
				if (b->count_state == LINE_RECORD) {
					zeef_buf_add(&b->buf, b->held.p + b->held.off, b->held.len);
					b->held.off = b->held.len = 0;
				}
			}
			continue;
		}
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		const char *stop = nl ? nl + 1 : end;
		if (b->feeds_workers)
			zeef_buf_add(&b->buf, at, (size_t)(stop - at));
		if (nl) {
			b->lines++;
			b->records++;
			b->count_state = LINE_START;
		}
		at = stop;
	}
}

/* The source ended: a last record without its '\n' is ended for the
 * workers (count_state still says it was open, for the record count). */
void zeef_run_ingest_end(struct run *r, struct boundary *b)
{
	(void)r;
	if (b->feeds_workers && b->count_state == LINE_RECORD)
		zeef_buf_add(&b->buf, "\n", 1);
	b->held.off = b->held.len = 0;
}

void zeef_run_abort_boundary(struct run *r, size_t bi)
{
	struct boundary *b = &r->b[bi];
	b->cut = 1;
	b->buf.off = b->buf.len = 0;
	if (!b->dst_done) {
		if (b->dst_fd > 1)
			close(b->dst_fd);
		b->dst_fd = -1;
		if (bi < r->n && r->stages[bi].def->workers > 1)
			zeef_workers_finish_input(r, bi);
		b->dst_done = 1;
	}
	if (!b->src_done) {
		if (b->src_fd > 0)
			close(b->src_fd);
		b->src_fd = -1;
		if (bi > 0 && r->stages[bi - 1].def->workers > 1) {
			struct rstage *st = &r->stages[bi - 1];
			for (int w = 0; w < st->nprocs; w++) {
				if (st->procs[w].out_fd >= 0)
					close(st->procs[w].out_fd);
				st->procs[w].out_fd = -1;
				st->procs[w].out_eof = 1;
				st->procs[w].out.off = st->procs[w].out.len = 0;
			}
			st->qlen = st->qhead = 0;
			b->src_done = 1;
			/* nothing can be merged any more: stop feeding the workers */
			zeef_run_abort_boundary(r, bi - 1);
		}
		b->src_done = 1;
	}
}

void zeef_relay_read_source(struct run *r, size_t bi)
{
	static char tmp[RUN_READ_BYTES];
	struct boundary *b = &r->b[bi];
	ssize_t n = read(b->src_fd, tmp, sizeof tmp);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0) {
		zeef_run_ingest(r, b, tmp, (size_t)n);
		return;
	}
	if (n < 0) {
		zeef_run_message(r, "zeef: %s: read error: %s\n", bi ? zeef_esc(r->stages[bi - 1].def->name) : "<stdin>",
		            strerror(errno));
		r->io_error = 1;
	}
	if (b->src_fd > 0)
		close(b->src_fd);
	b->src_fd = -1;
	b->src_done = 1;
	zeef_run_ingest_end(r, b);
}

void zeef_relay_write_dest(struct run *r, size_t bi)
{
	struct boundary *b = &r->b[bi];
	size_t n = b->buf.len;
	if (b->dst_small_writes && n > PIPE_BUF) {
		/* a blocking pipe: write only what fits now (Linux tells), else
		 * PIPE_BUF, which POLLOUT promises */
		int used = 0, size = fcntl(b->dst_fd, F_GETPIPE_SZ);
		size_t room = PIPE_BUF;
		if (size > 0 && ioctl(b->dst_fd, FIONREAD, &used) == 0 && size - used > PIPE_BUF)
			room = (size_t)(size - used);
		if (n > room)
			n = room;
	}
	ssize_t k = write(b->dst_fd, b->buf.p + b->buf.off, n);
	if (k < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (k > 0) {
		zeef_buf_drop(&b->buf, (size_t)k);
		return;
	}
	if (bi == r->n) {
		if (errno == EPIPE)
			r->stdout_broken = 1;
		else {
			zeef_run_message(r, "zeef: write error: %s\n", k < 0 ? strerror(errno) : "short write");
			r->io_error = 1;
		}
	} else if (k < 0 && errno != EPIPE) {
		/* not a stage that stopped reading: records would be lost */
		zeef_run_message(r, "zeef: write error into stage '%s': %s\n",
		                 zeef_esc(r->stages[bi].def->name), strerror(errno));
		r->io_error = 1;
	}
	/* else the next stage stopped reading: its status says why */
	zeef_run_abort_boundary(r, bi);
}

/* Close destinations whose source has ended and whose data is written. */
void zeef_relay_settle(struct run *r)
{
	for (size_t bi = 0; bi <= r->n; bi++) {
		struct boundary *b = &r->b[bi];
		if (!b->relayed)
			continue;
		if (bi > 0 && r->stages[bi - 1].def->workers > 1)
			zeef_workers_merge(r, bi);
		if (b->src_done && !b->buf.len && !b->dst_done) {
			if (bi < r->n && r->stages[bi].def->workers > 1)
				zeef_workers_finish_input(r, bi);
			else {
				if (b->dst_fd > 1)
					close(b->dst_fd);
				b->dst_fd = -1;
				b->dst_done = 1;
			}
		}
	}
}

int zeef_relay_check_counts(struct run *r)
{
	if (r->stdout_broken || r->o->records_may_drop)
		return 0;
	for (size_t s = 0; s < r->n; s++) {
		const struct boundary *in = &r->b[s], *out = &r->b[s + 1];
		/* a stage whose output was cut short (a later one stopped
		 * reading) may have been ended by SIGPIPE before it wrote all */
		if (!in->relayed || !out->relayed || out->cut || (s == 0 && r->o->nfiles))
			continue;
		uint64_t got = in->records + (in->count_state == LINE_RECORD),
		         gave = out->records + (out->count_state == LINE_RECORD);
		if (got == gave)
			continue;
		const struct rstage *st = &r->stages[s];
		zeef_run_message(r, "zeef: stage '%s' (%zu of %zu) read %llu records and wrote %llu; "
		                 "a stage must write exactly one record per record\n",
		                 zeef_esc(st->def->name), st->index + 1, r->p->nstages, (unsigned long long)got,
		                 (unsigned long long)gave);
		return 70;
	}
	return 0;
}
