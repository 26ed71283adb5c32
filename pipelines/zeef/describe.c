/* describe.c — `--describe` lines and the stage-order check (describe.h).
 *
 * zeef passes records through as bytes and parses no JSON of its own except
 * this one small object, so a tiny parser for it lives here.
 */
#define _GNU_SOURCE /* pipe2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "describe.h"
#include "esc.h"
#include "filter.h"

#define DESCRIBE_MAX_BYTES 65536
#define DESCRIBE_TIMEOUT_MS 2000

struct jp {
	const char *s, *end;
};

static void ws(struct jp *j)
{
	while (j->s < j->end && (*j->s == ' ' || *j->s == '\t' || *j->s == '\r' || *j->s == '\n'))
		j->s++;
}

/* A JSON string; escapes other than \" \\ \/ are kept as written (field
 * names are plain ASCII). Returns a malloc'ed copy or NULL. */
static char *jstring(struct jp *j)
{
	ws(j);
	if (j->s >= j->end || *j->s != '"')
		return NULL;
	const char *start = ++j->s;
	char *out = malloc((size_t)(j->end - start) + 1), *o = out;
	if (!out)
		return NULL;
	while (j->s < j->end && *j->s != '"') {
		if (*j->s == '\\' && j->s + 1 < j->end) {
			char c = j->s[1];
			if (c == '"' || c == '\\' || c == '/') {
				*o++ = c;
				j->s += 2;
				continue;
			}
			*o++ = *j->s++;
		}
		*o++ = *j->s++;
	}
	if (j->s >= j->end) {
		free(out);
		return NULL;
	}
	j->s++;
	*o = 0;
	return out;
}

static void free_list(char **l)
{
	for (size_t i = 0; l && l[i]; i++)
		free(l[i]);
	free(l);
}

/* ["a","b"] as a NULL-terminated list. */
static char **jlist(struct jp *j)
{
	ws(j);
	if (j->s >= j->end || *j->s != '[')
		return NULL;
	j->s++;
	size_t n = 0, cap = 4;
	char **l = calloc(cap + 1, sizeof *l);
	if (!l)
		return NULL;
	ws(j);
	if (j->s < j->end && *j->s == ']') {
		j->s++;
		return l;
	}
	for (;;) {
		char *v = jstring(j);
		if (!v)
			goto bad;
		if (n == cap) {
			char **bigger = realloc(l, (cap * 2 + 1) * sizeof *l);
			if (!bigger) {
				free(v);
				goto bad;
			}
			l = bigger;
			cap *= 2;
		}
		l[n++] = v;
		l[n] = NULL;
		ws(j);
		if (j->s < j->end && *j->s == ',') {
			j->s++;
			continue;
		}
		if (j->s < j->end && *j->s == ']') {
			j->s++;
			return l;
		}
		goto bad;
	}
bad:
	free_list(l);
	return NULL;
}

/* Skip a scalar value we do not need (number, true, false, null). */
static int jskip(struct jp *j)
{
	ws(j);
	const char *start = j->s;
	while (j->s < j->end && *j->s != ',' && *j->s != '}' && *j->s != ' ')
		j->s++;
	return j->s > start ? 0 : -1;
}

int zeef_describe_parse(const char *line, size_t len, struct zeef_describe *d)
{
	struct jp j = { line, line + len };
	memset(d, 0, sizeof *d);
	ws(&j);
	if (j.s >= j.end || *j.s++ != '{')
		return -1;
	ws(&j);
	if (j.s < j.end && *j.s == '}')
		j.s++;
	else
		for (;;) {
			char *key = jstring(&j);
			if (!key)
				goto bad;
			ws(&j);
			if (j.s >= j.end || *j.s++ != ':') {
				free(key);
				goto bad;
			}
			ws(&j);
			int ok = 0;
			char ***list = !strcmp(key, "requires") ? &d->requires
			             : !strcmp(key, "uses") ? &d->uses
			             : !strcmp(key, "provides") ? &d->provides : NULL;
			char **str = !strcmp(key, "name") ? &d->name
			           : !strcmp(key, "purpose") || !strcmp(key, "description") ? &d->purpose
			           : NULL;
			free(key);
			if (list && !*list)
				ok = (*list = jlist(&j)) != NULL;
			else if (str && !*str)
				ok = (*str = jstring(&j)) != NULL;
			else if (j.s < j.end && *j.s == '"') {
				char *skip = jstring(&j);
				ok = skip != NULL;
				free(skip);
			} else if (j.s < j.end && *j.s == '[') {
				char **skip = jlist(&j);
				ok = skip != NULL;
				free_list(skip);
			} else
				ok = jskip(&j) == 0;
			if (!ok)
				goto bad;
			ws(&j);
			if (j.s < j.end && *j.s == ',') {
				j.s++;
				continue;
			}
			if (j.s < j.end && *j.s == '}') {
				j.s++;
				break;
			}
			goto bad;
		}
	ws(&j);
	if (j.s != j.end)
		goto bad;
	if (!d->name)
		d->name = strdup("");
	if (!d->purpose)
		d->purpose = strdup("");
	if (!d->requires)
		d->requires = calloc(1, sizeof(char *));
	if (!d->uses)
		d->uses = calloc(1, sizeof(char *));
	if (!d->provides)
		d->provides = calloc(1, sizeof(char *));
	if (!d->name || !d->purpose || !d->requires || !d->uses || !d->provides)
		goto bad;
	return 0;
bad:
	zeef_describe_free(d);
	return -1;
}

void zeef_describe_free(struct zeef_describe *d)
{
	free(d->name);
	free(d->purpose);
	free_list(d->requires);
	free_list(d->uses);
	free_list(d->provides);
	memset(d, 0, sizeof *d);
}

int zeef_field_in(char *const *list, const char *field)
{
	for (size_t i = 0; list && list[i]; i++)
		if (!strcmp(list[i], field))
			return 1;
	return 0;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Run PATH FLAG (stdin /dev/null, stderr discarded) with ST's env; its
 * stdout (up to DESCRIBE_MAX_BYTES) in a malloc'ed *OUT. 0 when it exited 0
 * within DESCRIBE_TIMEOUT_MS. */
static int capture(const char *path, const char *flag, const struct zeef_stage *st,
                   char **out, size_t *out_len)
{
	int fds[2];
	*out = NULL;
	if (pipe2(fds, O_CLOEXEC))
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null < 0 || dup2(null, 0) < 0 || dup2(fds[1], 1) < 0 || dup2(null, 2) < 0)
			_exit(127);
		signal(SIGPIPE, SIG_DFL);
		for (size_t i = 0; st && i < st->nenv; i++)
			setenv(st->env[i].name, st->env[i].value, 1);
		char *argv[] = { (char *)path, (char *)flag, NULL };
		execv(path, argv);
		_exit(127);
	}
	close(fds[1]);
	char *buf = malloc(DESCRIBE_MAX_BYTES + 1);
	size_t len = 0;
	long deadline = now_ms() + DESCRIBE_TIMEOUT_MS;
	int timed_out = 0;
	while (buf && len < DESCRIBE_MAX_BYTES) {
		long left = deadline - now_ms();
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		if (left <= 0 || poll(&pfd, 1, (int)left) == 0) {
			timed_out = 1;
			break;
		}
		ssize_t n = read(fds[0], buf + len, DESCRIBE_MAX_BYTES - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fds[0]);
	if (timed_out || len >= DESCRIBE_MAX_BYTES)
		kill(pid, SIGKILL);
	/* A program may close its output and go on running: it gets what is
	 * left of the time limit, then SIGKILL. */
	int status;
	pid_t got;
	while ((got = waitpid(pid, &status, WNOHANG)) == 0 || (got < 0 && errno == EINTR)) {
		if (got == 0 && now_ms() >= deadline) {
			kill(pid, SIGKILL);
			timed_out = 1;
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			break;
		}
		nanosleep(&(struct timespec){ 0, 2000000 }, NULL);
	}
	if (!buf || timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		return -1;
	}
	buf[len] = 0;
	*out = buf;
	*out_len = len;
	return 0;
}

int zeef_is_filter_program(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) || !S_ISREG(sb.st_mode) || access(path, X_OK))
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	/* Read in blocks; the last MLEN - 1 bytes of a block are kept in
	 * front of the next, so a marker across two blocks is found. The
	 * marker sits in a Zeef program's read-only data, within its first
	 * few hundred KiB; past 16 MiB the file is not one of ours. */
	size_t mlen = strlen(filter_marker), have = 0, total = 0;
	char buf[1 << 16];
	int found = 0;
	while (total < (size_t)16 << 20) {
		ssize_t n = read(fd, buf + have, sizeof buf - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		total += (size_t)n;
		if (memmem(buf, have, filter_marker, mlen)) {
			found = 1;
			break;
		}
		if (have >= mlen) {
			memmove(buf, buf + have - (mlen - 1), mlen - 1);
			have = mlen - 1;
		}
	}
	close(fd);
	return found;
}

int zeef_describe_run(const char *path, const struct zeef_stage *st, struct zeef_describe *d)
{
	char *buf;
	size_t len;
	if (capture(path, "--describe", st, &buf, &len))
		return -1;
	char *nl = memchr(buf, '\n', len);
	int rc = zeef_describe_parse(buf, nl ? (size_t)(nl - buf) : len, d);
	free(buf);
	return rc;
}

char *zeef_purpose_run(const char *path)
{
	char *buf, *purpose = NULL;
	size_t len;
	if (capture(path, "--help", NULL, &buf, &len))
		return NULL;
	char *nl = strchr(buf, '\n');
	if (!strncmp(buf, "Usage: ", 7) && nl) {
		char *end = strchr(nl + 1, '\n');
		if (end)
			*end = 0;
		if (nl[1])
			purpose = strdup(nl + 1);
	}
	free(buf);
	return purpose;
}

static const char *const initial_fields[] = { "id", "text", "meta", NULL };

/* Print " (X does)" or " (X or Y do)" naming the filters next to zeef that
 * provide FIELD; nothing when none does. */
static void print_providers(FILE *err, const char *field)
{
	char *self = zeef_self_dir();
	DIR *dir = self ? opendir(self) : NULL;
	struct dirent *e;
	int found = 0;
	char names[512] = "";
	while (dir && (e = readdir(dir))) {
		char path[4096];
		struct zeef_describe d;
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "zeef"))
			continue;
		snprintf(path, sizeof path, "%s/%s", self, e->d_name);
		if (!zeef_is_filter_program(path) || zeef_describe_run(path, NULL, &d))
			continue;
		if (zeef_field_in(d.provides, field) && strlen(names) + strlen(e->d_name) + 8 < sizeof names) {
			if (found)
				strcat(names, " or ");
			strcat(names, e->d_name);
			found++;
		}
		zeef_describe_free(&d);
	}
	if (dir)
		closedir(dir);
	free(self);
	if (found)
		fprintf(err, ": %s %s", zeef_esc(names), found > 1 ? "do" : "does");
}

int zeef_check_order(const struct zeef_pipeline *p, size_t from, size_t to, int verbose, FILE *err)
{
	size_t n = to - from + 1;
	struct zeef_describe *d = calloc(n, sizeof *d);
	int *known = calloc(n, sizeof *known);
	int errors = 0;
	if (!d || !known) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	for (size_t i = 0; i < n; i++) {
		const struct zeef_stage *st = &p->stages[from + i];
		known[i] = st->path && zeef_describe_run(st->path, st, &d[i]) == 0;
	}
	const struct zeef_stage *opaque = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct zeef_stage *st = &p->stages[from + i];
		if (!known[i]) {
			if (!opaque && verbose && st->path)
				fprintf(err, "%s:%d:%d: note: stage '%s' does not describe itself "
				        "(%s --describe); fields after it are not checked\n", zeef_esc(p->file),
				        st->run_at.line, st->run_at.col, zeef_esc(st->name), zeef_esc(st->run));
			if (!opaque)
				opaque = st;
			continue;
		}
		for (size_t r = 0; d[i].requires[r]; r++) {
			const char *field = d[i].requires[r];
			int have = zeef_field_in((char *const *)initial_fields, field);
			for (size_t k = 0; k < i && !have; k++)
				have = known[k] && zeef_field_in(d[k].provides, field);
			if (have || opaque)
				continue;
			errors++;
			fprintf(err, "%s:%d:%d: stage '%s' requires '%s', which no earlier stage provides",
			        zeef_esc(p->file), st->run_at.line, st->run_at.col, zeef_esc(st->name),
			        zeef_esc(field));
			size_t k;
			for (k = i + 1; k < n; k++)
				if (known[k] && zeef_field_in(d[k].provides, field))
					break;
			if (k < n)
				fprintf(err, " (stage '%s' provides it but runs later: move it before '%s')\n",
				        zeef_esc(p->stages[from + k].name), zeef_esc(st->name));
			else {
				fprintf(err, " (add a stage that provides it before '%s'", zeef_esc(st->name));
				print_providers(err, field);
				fputs(")\n", err);
			}
		}
	}
	/* A field a stage reads (required or used when present) must not be
	 * written again by a later stage: the later one would rewrite what the
	 * earlier one's output refers to (split-sentences before normalize
	 * leaves offsets into the old text; summarize before split-sentences
	 * picks sentences the record does not end up with). */
	for (size_t i = 0; i < n && !opaque; i++) {
		char *const *lists[2] = {d[i].requires, d[i].uses};
		for (int l = 0; l < 2; l++) {
			for (size_t r = 0; lists[l] && lists[l][r]; r++) {
				const char *field = lists[l][r];
				int had = zeef_field_in((char *const *)initial_fields, field);
				for (size_t k = 0; k < i && !had; k++)
					had = known[k] && zeef_field_in(d[k].provides, field);
				if (l == 0 && !had)
					continue;    /* reported above as missing */
				for (size_t k = i + 1; k < n; k++) {
					if (!known[k] || !zeef_field_in(d[k].provides, field))
						continue;
					const struct zeef_stage *st = &p->stages[from + i];
					errors++;
					fprintf(err, "%s:%d:%d: stage '%s' reads '%s', which stage '%s' writes later: "
					        "move '%s' before '%s'\n", zeef_esc(p->file), st->run_at.line,
					        st->run_at.col, zeef_esc(st->name), zeef_esc(field),
					        zeef_esc(p->stages[from + k].name), zeef_esc(p->stages[from + k].name),
					        zeef_esc(st->name));
					break;
				}
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		if (known[i])
			zeef_describe_free(&d[i]);
	free(d);
	free(known);
	return errors;
}

/* Append FIELD to the NULL-terminated LIST of N (no duplicates). */
static void add_field(const char **list, size_t *n, const char *field)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(list[i], field))
			return;
	list[(*n)++] = field;
}

/* S as a JSON string: '"', '\\' and control characters escaped. */
static void put_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void print_list(FILE *out, const char *key, const char **list, size_t n, int last)
{
	fprintf(out, "\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		put_json_string(out, list[i]);
	}
	fprintf(out, "]%s", last ? "" : ",");
}

int zeef_describe_chain(const struct zeef_pipeline *p, size_t from, size_t to, FILE *out)
{
	size_t n = to - from + 1, total = 0;
	struct zeef_describe *d = calloc(n, sizeof *d);
	int *known = calloc(n, sizeof *known);
	if (!d || !known) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	for (size_t i = 0; i < n; i++) {
		const struct zeef_stage *st = &p->stages[from + i];
		known[i] = st->path && zeef_describe_run(st->path, st, &d[i]) == 0;
		for (size_t k = 0; known[i] && d[i].requires[k]; k++)
			total++;
		for (size_t k = 0; known[i] && d[i].uses[k]; k++)
			total++;
		for (size_t k = 0; known[i] && d[i].provides[k]; k++)
			total++;
	}
	for (size_t i = 0; i < n; i++)
		if (!known[i]) {
			fprintf(stderr, "zeef: stage '%s' does not describe itself (%s --describe), "
			        "so neither does the chain\n", zeef_esc(p->stages[from + i].name),
			        zeef_esc(p->stages[from + i].run));
			for (size_t k = 0; k < n; k++)
				if (known[k])
					zeef_describe_free(&d[k]);
			free(d);
			free(known);
			return 65;
		}
	const char **req = calloc(total + 1, sizeof *req), **use = calloc(total + 1, sizeof *use),
	           **prov = calloc(total + 1, sizeof *prov);
	size_t nreq = 0, nuse = 0, nprov = 0;
	if (!req || !use || !prov) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	for (size_t i = 0; i < n; i++) {
		if (!known[i])
			continue;
		for (size_t k = 0; d[i].requires[k]; k++)
			if (!zeef_field_in((char *const *)prov, d[i].requires[k]))
				add_field(req, &nreq, d[i].requires[k]);
		for (size_t k = 0; d[i].uses[k]; k++)
			if (!zeef_field_in((char *const *)prov, d[i].uses[k]))
				add_field(use, &nuse, d[i].uses[k]);
		for (size_t k = 0; d[i].provides[k]; k++)
			add_field(prov, &nprov, d[i].provides[k]);
	}
	fputs("{\"name\":", out);
	put_json_string(out, p->name);
	fputc(',', out);
	print_list(out, "requires", req, nreq, 0);
	print_list(out, "uses", use, nuse, 0);
	print_list(out, "provides", prov, nprov, 1);
	fputs("}\n", out);
	free(req);
	free(use);
	free(prov);
	for (size_t i = 0; i < n; i++)
		if (known[i])
			zeef_describe_free(&d[i]);
	free(d);
	free(known);
	return 0;
}
