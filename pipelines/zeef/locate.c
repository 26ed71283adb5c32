/* locate.c — where zeef finds its filters and pipelines, and how it opens a
 * pipeline file (pipeline.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "esc.h"
#include "pipeline.h"

/* Out of memory while looking must not read as "not found". */
static char *checked(char *p)
{
	if (!p) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	return p;
}

static char *join(const char *dir, const char *name, const char *ext)
{
	size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
	char *p = checked(malloc(n));
	snprintf(p, n, "%s/%s%s", dir, name, ext);
	return p;
}

static int is_program(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

char *zeef_self_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = 0;
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = 0;
	return checked(strdup(slash == buf ? "/" : buf));
}

char *zeef_resolve_program(const char *run)
{
	if (strchr(run, '/'))
		return is_program(run) ? checked(strdup(run)) : NULL;
	char *self = zeef_self_dir();
	if (self) {
		char *p = join(self, run, "");
		free(self);
		if (p && is_program(p))
			return p;
		free(p);
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t len = strcspn(path, ":");
		char *dir = checked(strndup(path, len));
		char *p = dir ? join(len ? dir : ".", run, "") : NULL;
		free(dir);
		if (p && is_program(p))
			return p;
		free(p);
		path += len;
		if (*path == ':')
			path++;
	}
	return NULL;
}

int zeef_resolve_stages(struct zeef_pipeline *p, FILE *err)
{
	int missing = 0;
	for (size_t i = 0; i < p->nstages; i++) {
		struct zeef_stage *st = &p->stages[i];
		free(st->path);
		st->path = zeef_resolve_program(st->run);
		if (st->path)
			continue;
		missing++;
		if (strchr(st->run, '/'))
			fprintf(err, "%s:%d:%d: stage '%s': program '%s' not found or not executable\n",
			        zeef_esc(p->file), st->run_at.line, st->run_at.col, zeef_esc(st->name),
			        zeef_esc(st->run));
		else
			fprintf(err, "%s:%d:%d: stage '%s': program '%s' not found "
			        "(looked next to zeef, then on PATH)\n",
			        zeef_esc(p->file), st->run_at.line, st->run_at.col, zeef_esc(st->name),
			        zeef_esc(st->run));
	}
	return missing;
}

/* Exists and is not a directory (a FIFO or a link elsewhere is found
 * here, to be refused by name when loaded). */
static int is_entry(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* The folders a pipeline NAME is looked up in (pipeline.h), NULL-ended;
 * free with free_dirs. */
static char **pipeline_dirs(void)
{
	char **dirs = calloc(4, sizeof *dirs);
	if (!dirs) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	char *self = zeef_self_dir();
	dirs[0] = checked(strdup("pipelines"));
	if (self) {
		dirs[1] = join(self, "..", "/pipelines");
		dirs[2] = join(self, "..", "/share/zeef/pipelines");
	}
	free(self);
	return dirs;
}

static void free_dirs(char **dirs)
{
	for (int d = 0; dirs[d]; d++)
		free(dirs[d]);
	free(dirs);
}

char *zeef_find_pipeline(const char *arg)
{
	if (is_entry(arg))
		return checked(strdup(arg));
	if (strchr(arg, '/') || !*arg)
		return NULL;
	char **dirs = pipeline_dirs();
	char *found = NULL;
	for (int d = 0; dirs[d] && !found; d++) {
		static const char *const exts[] = { ".yaml", ".yml", "" };
		for (int e = 0; e < 3 && !found; e++) {
			char *p = join(dirs[d], arg, exts[e]);
			if (is_entry(p))
				found = p;
			else
				free(p);
		}
	}
	free_dirs(dirs);
	return found;
}

char *zeef_nearest_pipeline(const char *arg)
{
	char **dirs = pipeline_dirs();
	char *best = NULL;
	size_t best_d = strlen(arg) / 3 > 2 ? strlen(arg) / 3 : 2;
	best_d++;
	for (int d = 0; dirs[d]; d++) {
		DIR *dir = opendir(dirs[d]);
		struct dirent *e;
		while (dir && (e = readdir(dir))) {
			char *dot = strrchr(e->d_name, '.');
			if (e->d_name[0] == '.' || !dot || (strcmp(dot, ".yaml") && strcmp(dot, ".yml")))
				continue;
			*dot = 0;
			size_t dist = zeef_edit_distance(arg, e->d_name);
			if (dist < best_d || (dist == best_d && best && strcmp(e->d_name, best) < 0)) {
				free(best);
				best = checked(strdup(e->d_name));
				best_d = dist;
			}
		}
		if (dir)
			closedir(dir);
	}
	free_dirs(dirs);
	return best;
}

/* What a file that is not a regular file is, for messages. */
static const char *file_kind(mode_t mode)
{
	return S_ISDIR(mode) ? "a directory" : S_ISFIFO(mode) ? "a FIFO" : S_ISSOCK(mode) ? "a socket"
	       : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" : "not a regular file";
}

/* The directory part of PATH, resolved (malloc'ed), or NULL. */
static char *real_dir(const char *path)
{
	char *copy = checked(strdup(path)), *slash = strrchr(copy, '/');
	const char *dir = !slash ? "." : slash == copy ? "/" : (*slash = 0, copy);
	char *real = realpath(dir, NULL);
	free(copy);
	return real;
}

/* Open PATH for reading as a pipeline: a regular file, or a symbolic link
 * to one in the link's own folder. Never blocks (a FIFO is refused, not
 * waited on). Returns the descriptor, or -1 after a message (*rc = 66). */
static int open_pipeline_file(const char *path, FILE *err, int *rc)
{
	struct stat sb;
	char *target = NULL;
	*rc = 66;
	if (lstat(path, &sb)) {
		fprintf(err, "zeef: %s: %s\n", zeef_esc(path), strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		/* A link is followed only within its folder: a pipeline folder
		 * in a stranger's repository must not make zeef read (and quote
		 * in a CI log) a file from anywhere else. */
		char *here = real_dir(path);
		target = realpath(path, NULL);
		char *there = target ? real_dir(target) : NULL;
		int same = here && there && !strcmp(here, there);
		if (!target)
			fprintf(err, "zeef: %s: %s\n", zeef_esc(path), strerror(errno));
		else if (!same)
			fprintf(err, "zeef: %s: a symbolic link to a file outside its folder; zeef follows a "
			        "pipeline link only to a file beside it (give the file's own path)\n",
			        zeef_esc(path));
		free(here);
		free(there);
		if (!same) {
			free(target);
			return -1;
		}
	}
	int fd = open(target ? target : path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	int saved = errno;
	free(target);
	if (fd < 0) {
		fprintf(err, "zeef: %s: %s\n", zeef_esc(path), strerror(saved));
		return -1;
	}
	if (fstat(fd, &sb)) {
		fprintf(err, "zeef: %s: %s\n", zeef_esc(path), strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		fprintf(err, "zeef: %s: %s; a pipeline is a regular file\n", zeef_esc(path),
		        file_kind(sb.st_mode));
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

struct zeef_pipeline *zeef_pipeline_load(const char *path, FILE *err, int *rc)
{
	int fd = open_pipeline_file(path, err, rc);
	if (fd < 0)
		return NULL;
	char *text = malloc(ZEEF_MAX_PIPELINE_BYTES + 1);
	if (!text) {
		close(fd);
		fputs("zeef: out of memory\n", err);
		*rc = 70;
		return NULL;
	}
	size_t len = 0;
	int bad = 0;
	while (len <= ZEEF_MAX_PIPELINE_BYTES) {
		ssize_t n = read(fd, text + len, ZEEF_MAX_PIPELINE_BYTES + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			bad = errno;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (bad) {
		fprintf(err, "zeef: %s: read error: %s\n", zeef_esc(path), strerror(bad));
		free(text);
		*rc = 66;
		return NULL;
	}
	if (len > ZEEF_MAX_PIPELINE_BYTES) {
		fprintf(err, "%s:1:1: pipeline file larger than %ld bytes\n", zeef_esc(path),
		        (long)ZEEF_MAX_PIPELINE_BYTES);
		free(text);
		*rc = 65;
		return NULL;
	}
	struct zeef_pipeline *p = zeef_pipeline_parse(path, text, len, err);
	free(text);
	*rc = p ? 0 : 65;
	return p;
}
