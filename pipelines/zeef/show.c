/* show.c — `zeef show` (the equivalent shell line) and `zeef list`. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "describe.h"
#include "esc.h"
#include "pipeline.h"
#include "show.h"

static int safe_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("_@%+=:,./-", c);
}

/* Words bash reads as syntax in the place of a command. */
static int reserved_word(const char *w)
{
	static const char *const words[] = { "case", "coproc", "do", "done", "elif", "else", "esac",
	                                     "fi", "for", "function", "if", "in", "select", "then",
	                                     "time", "until", "while", NULL };
	for (size_t i = 0; words[i]; i++)
		if (!strcmp(w, words[i]))
			return 1;
	return 0;
}

void zeef_shell_quote(FILE *out, const char *word, int how)
{
	int safe = *word != 0;
	for (const char *s = word; *s && safe; s++)
		safe = safe_char(*s);
	if (safe && (how & QUOTE_COMMAND))
		safe = !strchr(word, '=') && !reserved_word(word);
	if (safe) {
		fputs(word, out);
		return;
	}
	if (!*word) {
		fputs("''", out);
		return;
	}
	int open = 0;   /* inside '…' */
	for (const char *s = word; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f || c == '\'') {
			if (open)
				fputc('\'', out);
			open = 0;
			if (c == '\'')
				fputs("\\'", out);
			else
				fprintf(out, "$'\\x%02x'", c);
			continue;
		}
		if (!open)
			fputc('\'', out);
		open = 1;
		fputc(c, out);
		/* "{" then a quote: GNU parallel sees no replacement string
		 * ({}, {.}, {#}, {= perl =}) starting here */
		if (c == '{' && (how & QUOTE_PARALLEL))
			fputs("''", out);
	}
	if (open)
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

static void file_words(FILE *out, char **files, size_t nfiles, int how);

/* ST as shell words: its environment, its time limit, its program and
 * arguments, then FILES (after "--" when one starts with '-', as zeef run
 * does). HOW: QUOTE_PARALLEL inside a GNU parallel command. */
static void stage_words(FILE *out, const struct zeef_stage *st, char **files, size_t nfiles, int how)
{
	for (size_t i = 0; i < st->nenv; i++) {
		fprintf(out, "%s=", st->env[i].name);   /* a NAME is [A-Za-z_][A-Za-z0-9_]* */
		zeef_shell_quote(out, st->env[i].value, how);
		fputc(' ', out);
	}
	if (st->timeout_s > 0)
		fprintf(out, "timeout -k 2 %g ", st->timeout_s);
	zeef_shell_quote(out, shown_program(st), how | QUOTE_COMMAND);
	for (size_t i = 0; i < st->nargs; i++) {
		fputc(' ', out);
		zeef_shell_quote(out, st->args[i], how);
	}
	file_words(out, files, nfiles, how);
}

/* GNU parallel with nothing of the user's configuration: --plain ignores
 * $PARALLEL and ~/.parallel/config (which could add replacement strings
 * that need no '{'), and PARALLEL_SHELL=bash runs the command in the shell
 * it is quoted for whatever started the line. Each job runs the chain on
 * one block of whole records (BLOCK, default ZEEF_PARALLEL_BLOCK);
 * --keep-order writes each job's output, in input order, once it ends
 * (--line-buffer would stream it, for a quarter more CPU: README). */
static void parallel_prefix(FILE *out, int jobs, const char *block)
{
	fprintf(out, "PARALLEL_SHELL=bash parallel --plain --pipe --keep-order -j%d --block %s "
	        "--halt now,fail=1 ", jobs, block ? block : ZEEF_PARALLEL_BLOCK);
}

/* Stages FROM..TO as one command for parallel, quoted for it, then quoted
 * once more for the shell that runs parallel. */
static void quoted_chain(FILE *out, const struct zeef_pipeline *p, size_t from, size_t to)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	if (to > from)
		fputs("set -o pipefail; ", mem);
	for (size_t i = from; i <= to; i++) {
		if (i > from)
			fputs(" | ", mem);
		stage_words(mem, &p->stages[i], NULL, 0, QUOTE_PARALLEL);
	}
	if (fclose(mem)) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	zeef_shell_quote(out, text, 0);
	free(text);
}

/* FILES as words after the others (after "--" when one starts with '-', as
 * zeef run takes them). */
static void file_words(FILE *out, char **files, size_t nfiles, int how)
{
	int dashes = 0;
	for (size_t i = 0; i < nfiles; i++)
		dashes |= files[i][0] == '-' && files[i][1];
	if (dashes)
		fputs(" --", out);
	for (size_t i = 0; i < nfiles; i++) {
		fputc(' ', out);
		zeef_shell_quote(out, files[i], how);
	}
}

void zeef_show(FILE *out, const struct zeef_pipeline *p, const char *pipeline_arg,
               char **files, size_t nfiles, int parallel_jobs, const char *block)
{
	if (parallel_jobs > 0 && !block) {
		/* zeef's own spreader: GNU parallel --pipe costs more CPU than a
		 * second core wins (parallel.h) */
		fprintf(out, "zeef run --parallel=%d ", parallel_jobs);
		zeef_shell_quote(out, pipeline_arg, 0);
		file_words(out, files, nfiles, 0);
		fputc('\n', out);
		return;
	}
	fputs("set -o pipefail; ", out);
	if (parallel_jobs > 0) {
		size_t first = 0;
		if (nfiles) {
			stage_words(out, &p->stages[0], files, nfiles, 0);
			first = 1;
			if (first < p->nstages)
				fputs(" | ", out);
		}
		if (first < p->nstages) {
			parallel_prefix(out, parallel_jobs, block);
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
			parallel_prefix(out, st->workers, block);
			quoted_chain(out, p, i, i);
		} else
			stage_words(out, st, i == 0 ? files : NULL, i == 0 ? nfiles : 0, 0);
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
			fprintf(out, "  %-22s %s (%s)\n", zeef_esc(p->name), zeef_esc(p->description), zeef_esc(path));
		else
			fprintf(out, "  %-22s (not a valid pipeline: zeef check %s) (%s)\n", zeef_esc(names[i]),
			        zeef_esc(path), zeef_esc(path));
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
		fprintf(out, "%s%s", i ? ", " : " ", zeef_esc(list[i]));
}

int zeef_block_size_ok(const char *size)
{
	const char *s = size;
	while (*s >= '0' && *s <= '9')
		s++;
	if (s == size || s - size > 12 || (*size == '0' && s - size == 1))
		return 0;
	return !*s || (strchr("kKmMgG", *s) && !s[1]);
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
		fprintf(out, "  %-22s", zeef_esc(d.name[0] ? d.name : names[i]));
		char *purpose = d.purpose[0] ? NULL : zeef_purpose_run(path);
		if (d.purpose[0] || purpose)
			fprintf(out, " %s", zeef_esc(d.purpose[0] ? d.purpose : purpose));
		free(purpose);
		fputs(" (", out);
		fprintf(out, "requires");
		for (size_t k = 0; d.requires[k]; k++)
			fprintf(out, "%s%s", k ? ", " : " ", zeef_esc(d.requires[k]));
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
