/* pipeline.h — a Zeef pipeline file: loading, checking, finding programs.
 *
 * A pipeline is a YAML mapping (README, "zeef: pipelines"):
 *
 *   zeef: 1                      schema version, required
 *   name: nl-news                optional; default: the file name
 *   description: one line        optional
 *   stages:                      a non-empty list of stages:
 *     - run: split-sentences     a Zeef filter name, or any program
 *       name: split              optional, unique; default: run's base name
 *       args: [--max, "3"]       optional list of arguments (never a shell line)
 *       env: {LC_ALL: C}         optional environment additions
 *       workers: 2               optional, 1..ZEEF_MAX_WORKERS
 *       timeout: 600             optional: seconds before the stage is ended
 *
 * The loader reads YAML with libyaml's event parser and refuses anchors,
 * aliases, tags, several documents, files over ZEEF_MAX_PIPELINE_BYTES and
 * nesting deeper than the schema. Every message it prints is
 * "FILE:LINE:COL: MESSAGE" (1-based line and column from libyaml's marks).
 *
 * All strings in these structs are malloc'ed and owned by the pipeline.
 */
#ifndef ZEEF_PIPELINE_H
#define ZEEF_PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#define ZEEF_MAX_PIPELINE_BYTES (1L << 20)  /* a pipeline file, bytes */
#define ZEEF_MAX_STAGES 256
#define ZEEF_MAX_ARGS 4096                  /* per stage */
#define ZEEF_MAX_SCALAR_BYTES 65536         /* one YAML value */
#define ZEEF_MAX_WORKERS 256

struct zeef_mark {
	int line, col;   /* 1-based */
};

struct zeef_env {
	char *name, *value;
};

struct zeef_stage {
	char *name;               /* unique within the pipeline */
	char *run;                /* as written, or as --replace gave it */
	char **args;              /* nargs strings, then NULL */
	size_t nargs;
	struct zeef_env *env;
	size_t nenv;
	int workers;              /* >= 1 */
	double timeout_s;         /* seconds; 0 for none */
	struct zeef_mark at;      /* where the stage's mapping starts */
	struct zeef_mark run_at;  /* where its `run` value is */
	char *path;               /* program found by zeef_resolve, or NULL */
	int spread_cpus;          /* --parallel's copies: each worker runs on its
	                             own share of the CPUs (parallel.h) */
};

struct zeef_pipeline {
	char *file;               /* the path it was read from */
	char *name;
	char *description;        /* "" when absent */
	struct zeef_stage *stages;
	size_t nstages;
};

/* Parse the LEN bytes at TEXT as the pipeline file named FILE (used in
 * messages only). Prints every problem found on ERR and returns NULL when
 * there was any; else returns a pipeline the caller frees. */
struct zeef_pipeline *zeef_pipeline_parse(const char *file, const char *text,
                                          size_t len, FILE *err);

/* Read and parse PATH. NULL with a message on ERR when it cannot be read
 * (*rc = 66) or is not a valid pipeline (*rc = 65). PATH must be a regular
 * file, or a symbolic link to one in the link's own folder: a FIFO, a
 * device, a directory or a link elsewhere is refused (66) without reading
 * it. A mapping without `zeef:` gets one message that quotes nothing of it
 * (it may be any file); messages escape what they quote (escape.h). */
struct zeef_pipeline *zeef_pipeline_load(const char *path, FILE *err, int *rc);

void zeef_pipeline_free(struct zeef_pipeline *p);
/* Free what one stage holds (not the stage itself). */
void zeef_stage_free(struct zeef_stage *st);

/* Edit distance (insertions, deletions, substitutions) of two short
 * strings, for "did you mean"; 99 when either is 63 bytes or longer. */
size_t zeef_edit_distance(const char *a, const char *b);

/* Index of the stage called NAME, or given as a 1-based number; -1 when
 * there is none. */
long zeef_stage_find(const struct zeef_pipeline *p, const char *name);

/* --replace STAGE=COMMAND: COMMAND is split on blanks ('…' and "…" group
 * words, \" and \\ inside "…"; no other shell syntax). The stage keeps its name, env and workers.
 * Returns 0, or -1 with a message on ERR. */
int zeef_stage_replace(struct zeef_pipeline *p, const char *spec, FILE *err);

/* Append a copy of ARG to ST's arguments. */
void zeef_stage_add_arg(struct zeef_stage *st, const char *arg);

/* --- finding things (locate.c) ---------------------------------------- */

/* The directory holding the running zeef binary (malloc'ed, no trailing
 * slash), or NULL when unknown. */
char *zeef_self_dir(void);

/* Find program RUN: a path when it contains '/', else a Zeef filter next to
 * zeef, else the first match on PATH. Returns a malloc'ed path, or NULL. */
char *zeef_resolve_program(const char *run);

/* Resolve every stage's program into stage->path. Prints
 * "FILE:LINE:COL: stage 'NAME': program 'RUN' not found …" on ERR for each
 * one missing and returns their number. */
int zeef_resolve_stages(struct zeef_pipeline *p, FILE *err);

/* Find a pipeline given as an argument: an existing path (anything but a
 * directory: zeef_pipeline_load says what is wrong with it), else NAME or
 * NAME.yaml in ./pipelines, next to zeef in ../pipelines and in
 * ../share/zeef/pipelines. Returns a malloc'ed path, or NULL. */
char *zeef_find_pipeline(const char *arg);

/* The name of the pipeline in those folders nearest to ARG (edit distance
 * at most 2, or a third of ARG's length), for "did you mean"; malloc'ed,
 * or NULL when none is that near. */
char *zeef_nearest_pipeline(const char *arg);

#endif
