/* pipeline.c — the pipeline schema over the YAML tree (see pipeline.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "esc.h"
#include "pipeline.h"
#include "yaml_tree.h"

struct schema {
	const char *file;
	FILE *err;
	int errors;
};

__attribute__((format(printf, 3, 4)))
static void serr(struct schema *s, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	fprintf(s->err, "%s:%d:%d: ", zeef_esc(s->file), at ? at->line : 1, at ? at->col : 1);
	va_start(ap, fmt);
	vfprintf(s->err, fmt, ap);
	va_end(ap);
	fputc('\n', s->err);
	s->errors++;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	return d;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	return p;
}

size_t zeef_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];
	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void unknown_key(struct schema *s, const struct ynode *key, const char *where,
                        const char *const *known)
{
	const char *near = NULL;
	size_t best = 3;
	for (size_t i = 0; known[i]; i++) {
		size_t d = zeef_edit_distance(key->text, known[i]);
		if (d < best) {
			best = d;
			near = known[i];
		}
	}
	char list[256] = "";
	for (size_t i = 0; known[i]; i++) {
		strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
		strncat(list, known[i], sizeof list - strlen(list) - 1);
	}
	if (near)
		serr(s, key, "unknown key '%s' in %s (did you mean '%s'?)", zeef_esc(key->text), where, near);
	else
		serr(s, key, "unknown key '%s' in %s (known keys: %s)", zeef_esc(key->text), where, list);
}

/* A scalar string value that must not be empty; NULL after a message. */
static const char *want_string(struct schema *s, const struct ynode *v, const char *what)
{
	if (v->kind != YN_SCALAR) {
		serr(s, v, "'%s' must be a string, not %s", what, zeef_ytree_kind_name(v));
		return NULL;
	}
	if (zeef_ytree_is_null(v)) {
		serr(s, v, "'%s' must not be empty", what);
		return NULL;
	}
	return v->text;
}

/* Check mapping M's keys: scalars, no duplicates, all in KNOWN. Returns 0
 * when every key is fine. */
static int check_keys(struct schema *s, const struct ynode *m, const char *where,
                      const char *const *known)
{
	int bad = 0;
	for (size_t i = 0; i < m->n; i += 2) {
		const struct ynode *k = m->kids[i];
		if (k->kind != YN_SCALAR) {
			serr(s, k, "keys in %s must be plain words, not %s", where, zeef_ytree_kind_name(k));
			bad = 1;
			continue;
		}
		size_t j;
		for (j = 0; known[j] && strcmp(known[j], k->text); j++)
			;
		if (!known[j]) {
			unknown_key(s, k, where, known);
			bad = 1;
			continue;
		}
		for (size_t p = 0; p < i; p += 2)
			if (m->kids[p]->kind == YN_SCALAR && !strcmp(m->kids[p]->text, k->text)) {
				serr(s, k, "duplicate key '%s' in %s (first at line %d)", zeef_esc(k->text), where,
				     m->kids[p]->line);
				bad = 1;
			}
	}
	return bad;
}

static const struct ynode *lookup(const struct ynode *m, const char *key)
{
	for (size_t i = 0; i < m->n; i += 2)
		if (m->kids[i]->kind == YN_SCALAR && !strcmp(m->kids[i]->text, key))
			return m->kids[i + 1];
	return NULL;
}

static int name_ok(const char *s)
{
	if (!*s || *s == '.' || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

static int env_name_ok(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return 0;
	return 1;
}

static void stage_args(struct schema *s, struct zeef_stage *st, const struct ynode *v)
{
	if (v->kind != YN_SEQ) {
		if (v->kind == YN_SCALAR && !zeef_ytree_is_null(v))
			serr(s, v, "'args' must be a list of strings, not a string "
			     "(zeef runs no shell: write args: [--opt, value])");
		else
			serr(s, v, "'args' must be a list of strings, not %s", zeef_ytree_kind_name(v));
		return;
	}
	if (v->n > ZEEF_MAX_ARGS) {
		serr(s, v, "too many arguments (at most %d)", ZEEF_MAX_ARGS);
		return;
	}
	st->args = xcalloc(v->n + 1, sizeof *st->args);
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *a = v->kids[i];
		if (a->kind != YN_SCALAR) {
			serr(s, a, "each of 'args' must be a string, not %s", zeef_ytree_kind_name(a));
			continue;
		}
		st->args[st->nargs++] = xstrdup(a->text);
	}
}

static void stage_env(struct schema *s, struct zeef_stage *st, const struct ynode *v)
{
	if (v->kind != YN_MAP) {
		serr(s, v, "'env' must be a mapping of NAME: value, not %s", zeef_ytree_kind_name(v));
		return;
	}
	st->env = xcalloc(v->n / 2 + 1, sizeof *st->env);
	for (size_t i = 0; i < v->n; i += 2) {
		const struct ynode *k = v->kids[i], *val = v->kids[i + 1];
		if (k->kind != YN_SCALAR || !env_name_ok(k->text)) {
			serr(s, k, "environment variable names are letters, digits and _");
			continue;
		}
		if (val->kind != YN_SCALAR) {
			serr(s, val, "the value of '%s' must be a string, not %s", zeef_esc(k->text),
			     zeef_ytree_kind_name(val));
			continue;
		}
		st->env[st->nenv].name = xstrdup(k->text);
		st->env[st->nenv].value = xstrdup(zeef_ytree_is_null(val) ? "" : val->text);
		st->nenv++;
	}
	for (size_t i = 0; i < v->n; i += 2)
		for (size_t p = 0; p < i; p += 2)
			if (v->kids[i]->kind == YN_SCALAR && v->kids[p]->kind == YN_SCALAR &&
			    !strcmp(v->kids[i]->text, v->kids[p]->text))
				serr(s, v->kids[i], "duplicate key '%s' in env", zeef_esc(v->kids[i]->text));
}

static int parse_workers(struct schema *s, const struct ynode *v)
{
	char *end;
	long n = 0;
	if (v->kind == YN_SCALAR && v->plain && v->text[0] >= '0' && v->text[0] <= '9') {
		errno = 0;
		n = strtol(v->text, &end, 10);
		if (!*end && !errno && n >= 1 && n <= ZEEF_MAX_WORKERS)
			return (int)n;
	}
	serr(s, v, "'workers' must be a whole number from 1 to %d", ZEEF_MAX_WORKERS);
	return 1;
}

static double parse_timeout(struct schema *s, const struct ynode *v)
{
	char *end;
	if (v->kind == YN_SCALAR && v->plain && v->text[0] >= '0' && v->text[0] <= '9') {
		double t = strtod(v->text, &end);
		if (!*end && t > 0 && t <= 1e7)
			return t;
	}
	serr(s, v, "'timeout' must be a number of seconds above 0");
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

static void parse_stage(struct schema *s, struct zeef_stage *st, const struct ynode *m, size_t idx)
{
	static const char *const keys[] = { "run", "name", "args", "env", "workers", "timeout", NULL };
	char where[64];
	snprintf(where, sizeof where, "stage %zu", idx + 1);
	st->at.line = m->line;
	st->at.col = m->col;
	st->workers = 1;
	if (m->kind != YN_MAP) {
		serr(s, m, "stage %zu must be a mapping with at least 'run: PROGRAM', not %s", idx + 1,
		     zeef_ytree_kind_name(m));
		return;
	}
	check_keys(s, m, where, keys);
	/* values in the order written, so messages come in line order */
	for (size_t i = 0; i < m->n; i += 2) {
		const struct ynode *k = m->kids[i], *v = m->kids[i + 1];
		if (k->kind != YN_SCALAR || lookup(m, k->text) != v)
			continue;
		if (!strcmp(k->text, "run")) {
			const char *run = want_string(s, v, "run");
			st->run_at.line = v->line;
			st->run_at.col = v->col;
			if (run)
				st->run = xstrdup(run);
		} else if (!strcmp(k->text, "name")) {
			const char *name = want_string(s, v, "name");
			if (name && !name_ok(name))
				serr(s, v, "a stage name is letters, digits, '-', '_' and '.': '%s'", zeef_esc(name));
			else if (name)
				st->name = xstrdup(name);
		} else if (!strcmp(k->text, "args"))
			stage_args(s, st, v);
		else if (!strcmp(k->text, "env"))
			stage_env(s, st, v);
		else if (!strcmp(k->text, "workers"))
			st->workers = parse_workers(s, v);
		else if (!strcmp(k->text, "timeout"))
			st->timeout_s = parse_timeout(s, v);
	}
	if (!lookup(m, "run"))
		serr(s, m, "stage %zu has no 'run: PROGRAM'", idx + 1);
	if (!st->name && st->run)
		st->name = xstrdup(base_name(st->run));
	if (!st->args)
		st->args = xcalloc(1, sizeof *st->args);
}

static void parse_stages(struct schema *s, struct zeef_pipeline *p, const struct ynode *v)
{
	if (v->kind != YN_SEQ) {
		serr(s, v, "'stages' must be a list of stages, not %s", zeef_ytree_kind_name(v));
		return;
	}
	if (v->n == 0) {
		serr(s, v, "'stages' is empty: a pipeline needs at least one stage");
		return;
	}
	if (v->n > ZEEF_MAX_STAGES) {
		serr(s, v, "too many stages (at most %d)", ZEEF_MAX_STAGES);
		return;
	}
	p->stages = xcalloc(v->n, sizeof *p->stages);
	p->nstages = v->n;
	for (size_t i = 0; i < v->n; i++)
		parse_stage(s, &p->stages[i], v->kids[i], i);
	for (size_t i = 0; i < v->n; i++)
		for (size_t j = 0; j < i; j++)
			if (p->stages[i].name && p->stages[j].name &&
			    !strcmp(p->stages[i].name, p->stages[j].name)) {
				const struct ynode *m = v->kids[i];
				const struct ynode *at = m->kind == YN_MAP && lookup(m, "name")
				                         ? lookup(m, "name") : m;
				serr(s, at, "two stages are called '%s' (stages %zu and %zu): "
				     "give one a 'name:'", zeef_esc(p->stages[i].name), j + 1, i + 1);
				break;
			}
}

static char *file_stem(const char *path)
{
	char *d = xstrdup(base_name(path));
	char *dot = strrchr(d, '.');
	if (dot && dot != d && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		*dot = 0;
	return d;
}

struct zeef_pipeline *zeef_pipeline_parse(const char *file, const char *text, size_t len,
                                          FILE *err)
{
	static const char *const keys[] = { "zeef", "name", "description", "stages", NULL };
	struct schema s = { .file = file, .err = err };
	struct ynode *root = zeef_ytree_parse(file, text, len, err);
	if (!root)
		return NULL;
	struct zeef_pipeline *p = xcalloc(1, sizeof *p);
	p->file = xstrdup(file);
	const struct ynode *v;
	if (root->kind != YN_MAP) {
		if (zeef_ytree_is_null(root))
			serr(&s, root, "empty pipeline file");
		else
			serr(&s, root, "a pipeline is a mapping with 'zeef: 1' and 'stages:', not %s",
			     zeef_ytree_kind_name(root));
		goto done;
	}
	/* A mapping without `zeef:` may be any file at all (a password file
	 * reads as YAML keys and values): say only that, and quote nothing
	 * from it. */
	if (!(v = lookup(root, "zeef"))) {
		serr(&s, root, "missing 'zeef: 1' (the pipeline schema version)");
		goto done;
	}
	check_keys(&s, root, "the pipeline", keys);
	if (v->kind != YN_SCALAR || !v->plain || strcmp(v->text, "1"))
		serr(&s, v, "'zeef' must be 1: this zeef reads pipeline schema version 1");
	if ((v = lookup(root, "name"))) {
		const char *name = want_string(&s, v, "name");
		if (name)
			p->name = xstrdup(name);
	}
	if (!p->name)
		p->name = file_stem(file);
	if ((v = lookup(root, "description")) && v->kind != YN_SCALAR)
		serr(&s, v, "'description' must be a string, not %s", zeef_ytree_kind_name(v));
	p->description = xstrdup(v && v->kind == YN_SCALAR && !zeef_ytree_is_null(v) ? v->text : "");
	if (!(v = lookup(root, "stages")))
		serr(&s, root, "missing 'stages:' (the list of programs to run)");
	else
		parse_stages(&s, p, v);
done:
	zeef_ytree_free(root);
	if (s.errors) {
		zeef_pipeline_free(p);
		return NULL;
	}
	return p;
}

void zeef_stage_free(struct zeef_stage *st)
{
	free(st->name);
	free(st->run);
	for (size_t j = 0; j < st->nargs; j++)
		free(st->args[j]);
	free(st->args);
	for (size_t j = 0; j < st->nenv; j++) {
		free(st->env[j].name);
		free(st->env[j].value);
	}
	free(st->env);
	free(st->path);
}

void zeef_pipeline_free(struct zeef_pipeline *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nstages; i++)
		zeef_stage_free(&p->stages[i]);
	free(p->stages);
	free(p->file);
	free(p->name);
	free(p->description);
	free(p);
}

long zeef_stage_find(const struct zeef_pipeline *p, const char *name)
{
	for (size_t i = 0; i < p->nstages; i++)
		if (!strcmp(p->stages[i].name, name))
			return (long)i;
	char *end;
	long n = strtol(name, &end, 10);
	if (*name >= '0' && *name <= '9' && !*end && n >= 1 && (size_t)n <= p->nstages)
		return n - 1;
	return -1;
}

/* Split COMMAND into words: blanks separate, '…' and "…" group; inside
 * "…", \" and \\ stand for " and \. */
static char **split_words(const char *cmd, size_t *n)
{
	size_t cap = strlen(cmd) + 2;
	char **w = xcalloc(cap, sizeof *w);
	char *buf = xcalloc(strlen(cmd) + 1, 1);
	*n = 0;
	const char *s = cmd;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		size_t len = 0;
		while (*s && *s != ' ' && *s != '\t') {
			if (*s == '\'' || *s == '"') {
				char q = *s++;
				while (*s && *s != q) {
					if (q == '"' && *s == '\\' && (s[1] == '"' || s[1] == '\\'))
						s++;
					buf[len++] = *s++;
				}
				if (!*s) {
					free(buf);
					for (size_t i = 0; i < *n; i++)
						free(w[i]);
					free(w);
					return NULL;
				}
				s++;
			} else
				buf[len++] = *s++;
		}
		buf[len] = 0;
		w[(*n)++] = xstrdup(buf);
	}
	free(buf);
	return w;
}

int zeef_stage_replace(struct zeef_pipeline *p, const char *spec, FILE *err)
{
	const char *eq = strchr(spec, '=');
	if (!eq || eq == spec) {
		fprintf(err, "zeef: --replace wants STAGE=COMMAND, not '%s'\n", zeef_esc(spec));
		return -1;
	}
	char *name = xstrdup(spec);
	name[eq - spec] = 0;
	long i = zeef_stage_find(p, name);
	if (i < 0) {
		fprintf(err, "zeef: --replace: no stage '%s' in %s\n", zeef_esc(name), zeef_esc(p->file));
		free(name);
		return -1;
	}
	free(name);
	size_t n;
	char **words = split_words(eq + 1, &n);
	if (!words || n == 0) {
		fprintf(err, "zeef: --replace: %s '%s'\n", words ? "empty command for" : "unbalanced quote in",
		        zeef_esc(spec));
		free(words);
		return -1;
	}
	struct zeef_stage *st = &p->stages[i];
	free(st->run);
	for (size_t j = 0; j < st->nargs; j++)
		free(st->args[j]);
	free(st->args);
	free(st->path);
	st->path = NULL;
	st->run = words[0];
	st->args = xcalloc(n, sizeof *st->args);
	for (size_t j = 1; j < n; j++)
		st->args[j - 1] = words[j];
	st->nargs = n - 1;
	free(words);
	return 0;
}

void zeef_stage_add_arg(struct zeef_stage *st, const char *arg)
{
	char **args = realloc(st->args, (st->nargs + 2) * sizeof *args);
	if (!args) {
		fputs("zeef: out of memory\n", stderr);
		exit(70);
	}
	st->args = args;
	st->args[st->nargs++] = xstrdup(arg);
	st->args[st->nargs] = NULL;
}
