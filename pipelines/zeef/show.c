/* show.c — `zeef show` (the equivalent shell line) and `zeef list`. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "describe.h"
#include "pipeline.h"
#include "show.h"

static int safe_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("_@%+=:,./-", c);
}

void zeef_shell_quote(FILE *out, const char *word)
{
	int safe = *word != 0;
	for (const char *s = word; *s && safe; s++)
		safe = safe_char(*s);
	if (safe) {
		fputs(word, out);
		return;
	}
	fputc('\'', out);
	for (const char *s = word; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	}
	fputc('\'', out);
}

/* How to name a stage's program in a shell line: as written when that
 * finds the same program on PATH, else the path zeef found. */
static const char *shown_program(const struct zeef_stage *st)
{
	if (!st->path || strchr(st->run, '/'))
		return st->run;
	char *self = zeef_self_dir();
	int beside = 0;
	if (self) {
		size_t n = strlen(self);
		beside = !strncmp(st->path, self, n) && st->path[n] == '/';
		free(self);
	}
	if (!beside)
		return st->run;
	/* found next to zeef: is that what PATH finds too? */
	const char *path = getenv("PATH");
	while (path && *path) {
		size_t len = strcspn(path, ":");
		char cand[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
		snprintf(cand, sizeof cand, "%.*s/%s", (int)len, path, st->run);
		if (access(cand, X_OK) == 0)
			return realpath(cand, a) && realpath(st->path, b) && !strcmp(a, b) ? st->run : st->path;
		path += len;
		if (*path == ':')
			path++;
	}
	return st->path;
}

static void stage_words(FILE *out, const struct zeef_stage *st, char **files, size_t nfiles)
{
	for (size_t i = 0; i < st->nenv; i++) {
		fprintf(out, "%s=", st->env[i].name);
		zeef_shell_quote(out, st->env[i].value);
		fputc(' ', out);
	}
	if (st->timeout_s > 0)
		fprintf(out, "timeout -k 2 %g ", st->timeout_s);
	zeef_shell_quote(out, shown_program(st));
	for (size_t i = 0; i < st->nargs; i++) {
		fputc(' ', out);
		zeef_shell_quote(out, st->args[i]);
	}
	for (size_t i = 0; i < nfiles; i++) {
		fputc(' ', out);
		zeef_shell_quote(out, files[i]);
	}
}

static void parallel_prefix(FILE *out, int jobs)
{
	fprintf(out, "parallel --pipe --keep-order -j%d --block 1M --halt now,fail=1 ", jobs);
}

/* Stages FROM..TO as one string for parallel, quoted once more. */
static void quoted_chain(FILE *out, const struct zeef_pipeline *p, size_t from, size_t to)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem)
		return;
	if (to > from)
		fputs("set -o pipefail; ", mem);
	for (size_t i = from; i <= to; i++) {
		if (i > from)
			fputs(" | ", mem);
		stage_words(mem, &p->stages[i], NULL, 0);
	}
	fclose(mem);
	zeef_shell_quote(out, text);
	free(text);
}

void zeef_show(FILE *out, const struct zeef_pipeline *p, char **files, size_t nfiles,
               int parallel_jobs)
{
	fputs("set -o pipefail; ", out);
	if (parallel_jobs > 0) {
		size_t first = 0;
		if (nfiles) {
			stage_words(out, &p->stages[0], files, nfiles);
			first = 1;
			if (first < p->nstages)
				fputs(" | ", out);
		}
		if (first < p->nstages) {
			parallel_prefix(out, parallel_jobs);
			quoted_chain(out, p, first, p->nstages - 1);
		}
		fputc('\n', out);
		return;
	}
	for (size_t i = 0; i < p->nstages; i++) {
		const struct zeef_stage *st = &p->stages[i];
		if (i)
			fputs(" | ", out);
		if (st->workers > 1) {
			parallel_prefix(out, st->workers);
			quoted_chain(out, p, i, i);
		} else
			stage_words(out, st, i == 0 ? files : NULL, i == 0 ? nfiles : 0);
	}
	fputc('\n', out);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the regular files in DIR (NULL-terminated), or NULL. */
static char **dir_names(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	size_t n = 0, cap = 16;
	char **names = calloc(cap + 1, sizeof *names);
	struct dirent *e;
	while (names && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **bigger = realloc(names, (cap * 2 + 1) * sizeof *names);
			if (!bigger)
				break;
			names = bigger;
			cap *= 2;
		}
		names[n++] = strdup(e->d_name);
		names[n] = NULL;
	}
	closedir(d);
	if (names)
		qsort(names, n, sizeof *names, by_name);
	return names;
}

static void free_names(char **names)
{
	for (size_t i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a > b && !strcmp(s + a - b, suffix);
}

static void list_pipelines(FILE *out, const char *dir, char **seen, size_t *nseen)
{
	char **names = dir_names(dir);
	for (size_t i = 0; names && names[i]; i++) {
		if (!has_suffix(names[i], ".yaml") && !has_suffix(names[i], ".yml"))
			continue;
		char path[PATH_MAX], real[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (!realpath(path, real))
			continue;
		size_t k;
		for (k = 0; k < *nseen && strcmp(seen[k], real); k++)
			;
		if (k < *nseen || *nseen >= 256)
			continue;
		seen[(*nseen)++] = strdup(real);
		FILE *quiet = fopen("/dev/null", "w");
		int rc;
		struct zeef_pipeline *p = zeef_pipeline_load(path, quiet ? quiet : stderr, &rc);
		if (quiet)
			fclose(quiet);
		if (p)
			fprintf(out, "  %-22s %s (%s)\n", p->name, p->description, path);
		else
			fprintf(out, "  %-22s (not a valid pipeline: zeef check %s) (%s)\n", names[i], path, path);
		zeef_pipeline_free(p);
	}
	free_names(names);
}

static void print_fields(FILE *out, const char *what, char **list)
{
	if (!list || !list[0])
		return;
	fprintf(out, "; %s", what);
	for (size_t i = 0; list[i]; i++)
		fprintf(out, "%s%s", i ? ", " : " ", list[i]);
}

int zeef_list(FILE *out)
{
	char *self = zeef_self_dir();
	char *seen[256];
	size_t nseen = 0;
	fputs("pipelines:\n", out);
	list_pipelines(out, "pipelines", seen, &nseen);
	if (self) {
		char dir[PATH_MAX];
		snprintf(dir, sizeof dir, "%s/../pipelines", self);
		list_pipelines(out, dir, seen, &nseen);
		snprintf(dir, sizeof dir, "%s/../share/zeef/pipelines", self);
		list_pipelines(out, dir, seen, &nseen);
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	fputs("filters:\n", out);
	char **names = self ? dir_names(self) : NULL;
	for (size_t i = 0; names && names[i]; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", self, names[i]);
		if (!strcmp(names[i], "zeef") || !zeef_is_filter_program(path))
			continue;
		struct zeef_describe d;
		if (zeef_describe_run(path, NULL, &d))
			continue;
		fprintf(out, "  %-22s", d.name[0] ? d.name : names[i]);
		char *purpose = d.purpose[0] ? NULL : zeef_purpose_run(path);
		if (d.purpose[0] || purpose)
			fprintf(out, " %s", d.purpose[0] ? d.purpose : purpose);
		free(purpose);
		fputs(" (", out);
		fprintf(out, "requires");
		for (size_t k = 0; d.requires[k]; k++)
			fprintf(out, "%s%s", k ? ", " : " ", d.requires[k]);
		if (!d.requires[0])
			fputs(" nothing", out);
		print_fields(out, "uses", d.uses);
		print_fields(out, "provides", d.provides);
		fputs(")\n", out);
		zeef_describe_free(&d);
	}
	free_names(names);
	free(self);
	return 0;
}
