/* lang.c — see lang.h. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "escape.h"
#include "filter.h"
#include "lang.h"

struct lang_entry {
	const char *name;
	const char *bytes;
	size_t len;
};
extern const struct lang_entry lang_embedded[];   /* build/…/lang_data.c */

struct loaded {
	char *name, *bytes, *path;
	size_t len;
	struct loaded *next;
};

static char *data_dir;
static struct loaded *overrides;

int lang_set_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	free(data_dir);
	data_dir = strdup(dir);
	if (!data_dir) 
		filter_out_of_memory();
	return 0;
}

/* Read DIR/<NAME without its first folder> when it exists. */
static const struct loaded *load_override(const char *name)
{
	for (struct loaded *l = overrides; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return l;

	const char *rel = strchr(name, '/');
	rel = rel ? rel + 1 : name;
	size_t plen = strlen(data_dir) + strlen(rel) + 2;
	char *path = malloc(plen);
	if (!path) 
		filter_out_of_memory();
	snprintf(path, plen, "%s/%s", data_dir, rel);

	/* Only a regular file: a FIFO or a device would hold start-up forever
	 * (O_NONBLOCK lets open return, fstat then tells). */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 && errno == ENOENT) {
		free(path);
		return NULL;
	}
	if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		fprintf(stderr, "%s: ", filter_name());
		escape_fputs(stderr, path);
		fprintf(stderr, ": cannot open: %s\n", errno == EINVAL ? "not a regular file" : strerror(errno));
		exit(EXIT_NOINPUT);
	}
	struct loaded *l = calloc(1, sizeof *l);
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	int lost = !l || !buf;   /* out of memory: the file must not load in part */
	while (!lost && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				lost = 1;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (lost && !ferror(f))
		filter_out_of_memory();
	if (ferror(f)) {
		fprintf(stderr, "%s: ", filter_name());
		escape_fputs(stderr, path);
		fprintf(stderr, ": cannot read: %s\n", strerror(errno));
		exit(EXIT_NOINPUT);
	}
	fclose(f);
	buf[n] = '\0';
	l->path = path;
	l->name = strdup(name);
	if (!l->name) 
		filter_out_of_memory();
	l->bytes = buf;
	l->len = n;
	l->next = overrides;
	overrides = l;
	return l;
}

const char *lang_file(const char *name, size_t *len_bytes)
{
	if (data_dir) {
		const struct loaded *l = load_override(name);
		if (l) {
			if (len_bytes)
				*len_bytes = l->len;
			return l->bytes;
		}
	}
	for (const struct lang_entry *e = lang_embedded; e->name; e++) {
		if (strcmp(e->name, name) == 0) {
			if (len_bytes)
				*len_bytes = e->len;
			return e->bytes;
		}
	}
	return NULL;
}

const char *lang_file_origin(const char *name)
{
	const struct loaded *l = data_dir ? load_override(name) : NULL;
	return l ? l->path : NULL;
}

int lang_each_line(const char *name,
                   void (*fn)(const char *line, size_t len_bytes, void *ctx), void *ctx)
{
	size_t len;
	const char *s = lang_file(name, &len);
	const char *end, *p, *q;
	int n = 0;

	if (!s)
		return -1;
	end = s + len;
	for (p = s; p < end; p = q + 1) {
		q = memchr(p, '\n', (size_t)(end - p));
		if (!q)
			q = end;
		const char *a = p, *b = q;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (a == b || *a == '#')
			continue;
		fn(a, (size_t)(b - a), ctx);
		n++;
	}
	return n;
}

/* --- wordset: open addressing, FNV-1a, power-of-two table -------------- */

struct wordset {
	char **key;
	size_t *klen;
	size_t cap, n;
};

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void out_of_memory(void)
{
	filter_out_of_memory();
}

/* Out of memory is not "file missing": it ends the program with its own
 * message (callers take NULL to mean a missing word list). */
struct wordset *wordset_new(void)
{
	struct wordset *ws = calloc(1, sizeof *ws);
	if (!ws)
		out_of_memory();
	ws->cap = 64;
	ws->key = calloc(ws->cap, sizeof *ws->key);
	ws->klen = calloc(ws->cap, sizeof *ws->klen);
	if (!ws->key || !ws->klen)
		out_of_memory();
	return ws;
}

static size_t slot(const struct wordset *ws, const char *s, size_t len)
{
	size_t i = (size_t)hash(s, len) & (ws->cap - 1);
	while (ws->key[i] && !(ws->klen[i] == len && memcmp(ws->key[i], s, len) == 0))
		i = (i + 1) & (ws->cap - 1);
	return i;
}

static void grow(struct wordset *ws)
{
	struct wordset big = {0};
	big.cap = ws->cap * 2;
	big.key = calloc(big.cap, sizeof *big.key);
	big.klen = calloc(big.cap, sizeof *big.klen);
	if (!big.key || !big.klen) 
		filter_out_of_memory();
	for (size_t i = 0; i < ws->cap; i++) {
		if (!ws->key[i])
			continue;
		size_t j = slot(&big, ws->key[i], ws->klen[i]);
		big.key[j] = ws->key[i];
		big.klen[j] = ws->klen[i];
	}
	free(ws->key);
	free(ws->klen);
	ws->key = big.key;
	ws->klen = big.klen;
	ws->cap = big.cap;
}

void wordset_add(struct wordset *ws, const char *s, size_t len)
{
	if ((ws->n + 1) * 2 > ws->cap)
		grow(ws);
	size_t i = slot(ws, s, len);
	if (ws->key[i])
		return;
	ws->key[i] = malloc(len + 1);
	if (!ws->key[i]) 
		filter_out_of_memory();
	memcpy(ws->key[i], s, len);
	ws->key[i][len] = '\0';
	ws->klen[i] = len;
	ws->n++;
}

int wordset_has(const struct wordset *ws, const char *s, size_t len)
{
	return ws && ws->key[slot(ws, s, len)] != NULL;
}

size_t wordset_size(const struct wordset *ws)
{
	return ws ? ws->n : 0;
}

void wordset_free(struct wordset *ws)
{
	if (!ws)
		return;
	if (ws->key)
		for (size_t i = 0; i < ws->cap; i++)
			free(ws->key[i]);
	free(ws->key);
	free(ws->klen);
	free(ws);
}

static void add_line(const char *line, size_t len, void *ctx)
{
	wordset_add(ctx, line, len);
}

struct wordset *wordset_load(const char *name)
{
	if (!lang_file(name, NULL))
		return NULL;
	struct wordset *ws = wordset_new();
	lang_each_line(name, add_line, ws);
	return ws;
}
