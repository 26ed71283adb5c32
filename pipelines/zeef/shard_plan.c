/* shard_plan.c — cutting a corpus into shards, the plan file, and the
 * state of each shard's task (shard.h). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grow.h"
#include "shard.h"

/* --- the hash ---------------------------------------------------------- */

#define HASH_MUL 0x9e3779b97f4a7c15ULL

static uint64_t load_le64(const unsigned char *b)
{
	uint64_t w = 0;
	for (int i = 7; i >= 0; i--)
		w = w << 8 | b[i];
	return w;
}

static uint64_t mix_word(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= HASH_MUL;
	return h ^ (h >> 32);
}

void shard_hash_init(struct shard_hash *sh)
{
	memset(sh, 0, sizeof *sh);
	sh->h = 0x5a656566ULL;   /* any start; fixed, so that hashes are stable */
}

void shard_hash_add(struct shard_hash *sh, const void *s, size_t len_bytes)
{
	const unsigned char *p = s;
	sh->len_bytes += len_bytes;
	if (sh->ntail) {
		size_t take = 8 - sh->ntail < len_bytes ? 8 - sh->ntail : len_bytes;
		memcpy(sh->tail + sh->ntail, p, take);
		sh->ntail += (unsigned)take;
		p += take;
		len_bytes -= take;
		if (sh->ntail < 8)
			return;
		sh->h = mix_word(sh->h, load_le64(sh->tail));
		sh->ntail = 0;
	}
	for (; len_bytes >= 8; p += 8, len_bytes -= 8)
		sh->h = mix_word(sh->h, load_le64(p));
	memcpy(sh->tail, p, len_bytes);
	sh->ntail = (unsigned)len_bytes;
}

uint64_t shard_hash_end(const struct shard_hash *sh)
{
	unsigned char last[8] = { 0 };
	memcpy(last, sh->tail, sh->ntail);
	uint64_t h = mix_word(sh->h, load_le64(last));
	h = mix_word(h, sh->len_bytes);
	h ^= h >> 33;   /* the finaliser of MurmurHash3 */
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

int shard_hash_file(const char *path, uint64_t *hash)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	struct shard_hash sh;
	shard_hash_init(&sh);
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		shard_hash_add(&sh, buf, (size_t)n);
	}
	close(fd);
	*hash = shard_hash_end(&sh);
	return 0;
}

/* --- the plan ---------------------------------------------------------- */

void shard_plan_free(struct shard_plan *p)
{
	free(p->corpus);
	free(p->pipeline);
	for (size_t i = 0; i < p->noptions; i++)
		free(p->options[i]);
	free(p->options);
	free(p->shards);
	memset(p, 0, sizeof *p);
}

uint64_t shard_plan_key(const struct shard_plan *p)
{
	struct shard_hash sh;
	char num[64];
	shard_hash_init(&sh);
	/* each part with its NUL, so that no two lists of parts read alike */
	shard_hash_add(&sh, p->corpus, strlen(p->corpus) + 1);
	shard_hash_add(&sh, p->pipeline, strlen(p->pipeline) + 1);
	snprintf(num, sizeof num, "%" PRIx64 " %" PRIu64 " %" PRIu64, p->pipeline_hash,
	         p->cut_shards, p->cut_bytes);
	shard_hash_add(&sh, num, strlen(num) + 1);
	for (size_t i = 0; i < p->noptions; i++)
		shard_hash_add(&sh, p->options[i], strlen(p->options[i]) + 1);
	return shard_hash_end(&sh);
}

static int add_shard(struct shard_plan *p, size_t *cap, const struct shard *s)
{
	if (grow_array((void **)&p->shards, cap, p->nshards + 1, sizeof *p->shards))
		return errno = ENOMEM, -1;
	p->shards[p->nshards++] = *s;
	return 0;
}

/* Does shard NEXT (0-based) start at the line that starts at byte AT and
 * is corpus line LINE? */
static int starts_shard(const struct shard_plan *p, const struct shard *keep, size_t nkeep,
                        size_t next, uint64_t at, uint64_t line)
{
	if (keep)
		return next < nkeep && line >= keep[next].first_line;
	if (p->cut_bytes)
		return at / p->cut_bytes >= next;
	uint64_t n = p->cut_shards, size = p->corpus_bytes;
	if (next >= n)
		return 0;
	/* at >= size * next / n, without overflow */
	uint64_t share = size / n * next + size % n * next / n;
	return at >= share;
}

int shard_cut(struct shard_plan *p, int fd, const struct shard *keep, size_t nkeep)
{
	enum { BLOCK = 1 << 20 };
	char *buf = malloc(BLOCK);
	size_t cap = 0;
	if (!buf)
		return errno = ENOMEM, -1;
	free(p->shards);
	p->shards = NULL;
	p->nshards = 0;
	struct shard cur = { .first_line = 1 };
	struct shard_hash sh;
	shard_hash_init(&sh);
	uint64_t off = 0, newlines = 0;
	char last = '\n';
	while (off < p->corpus_bytes) {
		uint64_t want = p->corpus_bytes - off < BLOCK ? p->corpus_bytes - off : BLOCK;
		ssize_t n = pread(fd, buf, (size_t)want, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (n == 0)
			break;   /* shorter than it was: cut what is there */
		const char *at = buf, *end = buf + n, *seg = buf, *nl;
		while ((nl = memchr(at, '\n', (size_t)(end - at)))) {
			at = nl + 1;
			newlines++;
			cur.nlines++;
			uint64_t next_at = off + (uint64_t)(at - buf);
			if (next_at < p->corpus_bytes &&
			    starts_shard(p, keep, nkeep, p->nshards + 1, next_at, newlines + 1)) {
				shard_hash_add(&sh, seg, (size_t)(at - seg));
				seg = at;
				cur.end = next_at;
				cur.hash = shard_hash_end(&sh);
				if (add_shard(p, &cap, &cur))
					goto fail;
				cur = (struct shard){ .start = next_at, .first_line = newlines + 1 };
				shard_hash_init(&sh);
			}
		}
		shard_hash_add(&sh, seg, (size_t)(end - seg));
		last = end[-1];
		off += (uint64_t)n;
	}
	p->corpus_bytes = off;
	cur.end = off;
	if (off > cur.start && last != '\n')
		cur.nlines++;
	cur.hash = shard_hash_end(&sh);
	if (add_shard(p, &cap, &cur))
		goto fail;
	while (p->nshards < nkeep) {   /* the corpus lost lines: keep the count */
		cur = (struct shard){ .start = off, .end = off, .first_line = keep[p->nshards].first_line };
		shard_hash_init(&sh);
		cur.hash = shard_hash_end(&sh);
		if (add_shard(p, &cap, &cur))
			goto fail;
	}
	free(buf);
	return 0;
fail:
	free(buf);
	return -1;
}

int shard_mkstemp(char *template)
{
	int fd = mkstemp(template);
	if (fd >= 0) {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	return fd;
}

void shard_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);   /* not every file system can: then there is nothing more to do */
		close(fd);
	}
}

int shard_write_atomic(const char *dir, const char *name, const char *text, size_t len)
{
	size_t n = strlen(dir) + strlen(name) + 16;
	char *tmp = malloc(n), *path = malloc(n);
	int fd = -1, e = 0;
	if (!tmp || !path) {
		e = ENOMEM;
		goto out;
	}
	snprintf(tmp, n, "%s/.%s.XXXXXX", dir, name);
	snprintf(path, n, "%s/%s", dir, name);
	if ((fd = shard_mkstemp(tmp)) < 0) {
		e = errno;
		goto out;
	}
	for (size_t done = 0; done < len;) {
		ssize_t k = write(fd, text + done, len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			e = k < 0 ? errno : EIO;
			break;
		}
		done += (size_t)k;
	}
	if (!e && fsync(fd))
		e = errno;
	if (close(fd) && !e)
		e = errno;
	if (!e && rename(tmp, path))
		e = errno;
	if (e)
		unlink(tmp);
	else
		shard_sync_dir(dir);
out:
	free(tmp);
	free(path);
	errno = e;
	return e ? -1 : 0;
}

/* A growing text, for the plan and the markers. */
struct text {
	char *s;
	size_t len, cap;
	int oom;
};

static void text_add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || t->oom || grow_array((void **)&t->s, &t->cap, t->len + (size_t)n + 1, 1)) {
		t->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

#define PLAN_MAGIC "zeef shard plan 1"

int shard_plan_write(const struct shard_plan *p, const char *dir)
{
	struct text t = { 0 };
	text_add(&t, "%s\ncorpus %s\npipeline %s\npipeline-hash %016" PRIx64 "\n", PLAN_MAGIC,
	         p->corpus, p->pipeline, p->pipeline_hash);
	for (size_t i = 0; i < p->noptions; i++)
		text_add(&t, "option %s\n", p->options[i]);
	if (p->cut_bytes)
		text_add(&t, "cut bytes %" PRIu64 "\n", p->cut_bytes);
	else
		text_add(&t, "cut shards %" PRIu64 "\n", p->cut_shards);
	text_add(&t, "corpus-bytes %" PRIu64 "\ncorpus-mtime %" PRId64 ".%09ld\nshards %zu\n",
	         p->corpus_bytes, p->mtime_s, p->mtime_ns, p->nshards);
	text_add(&t, "# shard K: START END (corpus bytes) FIRST-LINE LINES HASH\n");
	for (size_t k = 0; k < p->nshards; k++) {
		const struct shard *s = &p->shards[k];
		text_add(&t, "shard %zu %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %016" PRIx64 "\n",
		         k + 1, s->start, s->end, s->first_line, s->nlines, s->hash);
	}
	int rc = t.oom ? (errno = ENOMEM, -1) : shard_write_atomic(dir, "plan", t.s, t.len);
	free(t.s);
	return rc;
}

static char *path_in(const char *dir, const char *a, const char *b)
{
	size_t n = strlen(dir) + strlen(a) + (b ? strlen(b) : 0) + 3;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, b ? "%s/%s/%s" : "%s/%s", dir, a, b);
	return s;
}

/* One line of a plan file into P; 0, or -1 when it is not one. */
static int plan_line(struct shard_plan *p, char *line, size_t *cap, size_t *optcap)
{
	char *v;
	if (!strncmp(line, "corpus ", 7) && !p->corpus)
		return (p->corpus = strdup(line + 7)) ? 0 : -1;
	if (!strncmp(line, "pipeline ", 9) && !p->pipeline)
		return (p->pipeline = strdup(line + 9)) ? 0 : -1;
	if (sscanf(line, "pipeline-hash %" SCNx64, &p->pipeline_hash) == 1)
		return 0;
	if (!strncmp(line, "option ", 7)) {
		if (!(v = strdup(line + 7)) ||
		    grow_array((void **)&p->options, optcap, p->noptions + 1, sizeof *p->options)) {
			free(v);
			return -1;
		}
		p->options[p->noptions++] = v;
		return 0;
	}
	if (sscanf(line, "cut bytes %" SCNu64, &p->cut_bytes) == 1 ||
	    sscanf(line, "cut shards %" SCNu64, &p->cut_shards) == 1 ||
	    sscanf(line, "corpus-bytes %" SCNu64, &p->corpus_bytes) == 1 ||
	    sscanf(line, "corpus-mtime %" SCNd64 ".%ld", &p->mtime_s, &p->mtime_ns) == 2 ||
	    line[0] == '#')
		return 0;
	size_t n;
	if (sscanf(line, "shards %zu", &n) == 1)
		return n >= 1 && n <= SHARD_MAX ? 0 : -1;
	struct shard s;
	size_t k;
	if (sscanf(line, "shard %zu %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNx64,
	           &k, &s.start, &s.end, &s.first_line, &s.nlines, &s.hash) == 6) {
		if (k != p->nshards + 1 || k > SHARD_MAX || s.end < s.start ||
		    (p->nshards && s.start != p->shards[p->nshards - 1].end))
			return -1;
		return add_shard(p, cap, &s);
	}
	return -1;
}

int shard_plan_read(const char *dir, struct shard_plan *p, FILE *err)
{
	memset(p, 0, sizeof *p);
	char *path = path_in(dir, "plan", NULL);
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f) {
		fprintf(err, "zeef shard: %s: cannot read the plan: %s\n", path ? path : dir,
		        path ? strerror(errno) : "out of memory");
		free(path);
		return 66;
	}
	char *line = NULL;
	size_t linecap = 0, cap = 0, optcap = 0;
	ssize_t n;
	long lineno = 0, bad = 0;
	while (!bad && (n = getline(&line, &linecap, f)) > 0) {
		lineno++;
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (lineno == 1 ? strcmp(line, PLAN_MAGIC) != 0 : plan_line(p, line, &cap, &optcap) != 0)
			bad = lineno;
	}
	free(line);
	int rerr = ferror(f);
	fclose(f);
	if (!bad && (!p->corpus || !p->pipeline || !p->nshards || (!p->cut_bytes && !p->cut_shards)))
		bad = lineno + 1;
	if (rerr || bad) {
		if (rerr)
			fprintf(err, "zeef shard: %s: read error\n", path);
		else
			fprintf(err, "zeef shard: %s:%ld: not a plan of zeef shard (make it again with "
			        "'zeef shard plan')\n", path, bad);
		free(path);
		shard_plan_free(p);
		return rerr ? 74 : 65;
	}
	free(path);
	return 0;
}

void shard_key_line(const struct shard_plan *p, size_t k, char *buf, size_t size)
{
	const struct shard *s = &p->shards[k];
	snprintf(buf, size, "%zu %" PRIu64 " %" PRIu64 " %016" PRIx64 " %016" PRIx64 "\n", k + 1,
	         s->first_line, s->nlines, s->hash, shard_plan_key(p));
}

/* The first 64 KiB of DIR/SUB/K+1, NUL-terminated, or NULL. */
static char *read_small(const char *dir, const char *sub, size_t k)
{
	char name[32];
	snprintf(name, sizeof name, "%zu", k + 1);
	char *path = path_in(dir, sub, name);
	int fd = path ? open(path, O_RDONLY) : -1;
	free(path);
	if (fd < 0)
		return NULL;
	enum { MAX = 65536 };
	char *s = malloc(MAX + 1);
	size_t len = 0;
	ssize_t n;
	while (s && len < MAX && (n = read(fd, s + len, MAX - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(s);
			s = NULL;
			break;
		}
		len += (size_t)n;
	}
	close(fd);
	if (s)
		s[len] = '\0';
	return s;
}

enum shard_state shard_state(const char *dir, const struct shard_plan *p, size_t k,
                             char **note, uint64_t *out_bytes)
{
	char key[160];
	shard_key_line(p, k, key, sizeof key);
	size_t keylen = strlen(key);
	enum shard_state st = SHARD_TODO;
	if (note)
		*note = NULL;
	char *s = read_small(dir, "done", k);
	uint64_t bytes;
	if (s && !strncmp(s, key, keylen) && sscanf(s + keylen, "out-bytes %" SCNu64, &bytes) == 1) {
		char name[32];
		snprintf(name, sizeof name, "%zu.jsonl", k + 1);
		char *out = path_in(dir, "out", name);
		struct stat sb;
		if (out && stat(out, &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size == bytes) {
			st = SHARD_DONE;
			if (out_bytes)
				*out_bytes = bytes;
		}
		free(out);
	}
	free(s);
	if (st == SHARD_DONE)
		return st;
	s = read_small(dir, "failed", k);
	if (s && !strncmp(s, key, keylen)) {
		st = SHARD_FAILED;
		if (note)
			*note = strdup(s + keylen);
	}
	free(s);
	return st;
}

char *shard_todo_list(const char *dir, const struct shard_plan *p)
{
	struct text t = { 0 };
	text_add(&t, "%s", "");
	for (size_t k = 0; k < p->nshards; k++) {
		if (shard_state(dir, p, k, NULL, NULL) == SHARD_DONE)
			continue;
		size_t last = k;
		while (last + 1 < p->nshards && shard_state(dir, p, last + 1, NULL, NULL) != SHARD_DONE)
			last++;
		if (last > k)
			text_add(&t, "%s%zu-%zu", t.len ? "," : "", k + 1, last + 1);
		else
			text_add(&t, "%s%zu", t.len ? "," : "", k + 1);
		k = last;
	}
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	return t.s;
}
