/* locate.c — where zeef finds its filters and pipelines (pipeline.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
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
			        p->file, st->run_at.line, st->run_at.col, st->name, st->run);
		else
			fprintf(err, "%s:%d:%d: stage '%s': program '%s' not found "
			        "(looked next to zeef, then on PATH)\n",
			        p->file, st->run_at.line, st->run_at.col, st->name, st->run);
	}
	return missing;
}

char *zeef_find_pipeline(const char *arg)
{
	if (is_file(arg))
		return checked(strdup(arg));
	if (strchr(arg, '/'))
		return NULL;
	char *self = zeef_self_dir();
	char *dirs[3] = { checked(strdup("pipelines")), NULL, NULL };
	if (self) {
		dirs[1] = join(self, "..", "/pipelines");
		dirs[2] = join(self, "..", "/share/zeef/pipelines");
	}
	free(self);
	char *found = NULL;
	for (int d = 0; d < 3 && !found; d++) {
		if (!dirs[d])
			continue;
		static const char *const exts[] = { ".yaml", ".yml", "" };
		for (int e = 0; e < 3 && !found; e++) {
			char *p = join(dirs[d], arg, exts[e]);
			if (p && is_file(p))
				found = p;
			else
				free(p);
		}
	}
	for (int d = 0; d < 3; d++)
		free(dirs[d]);
	return found;
}
