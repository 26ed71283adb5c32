/* shard.h — a JSON Lines corpus cut into shards for a job array (`zeef
 * shard`), each shard run through a pipeline by its own task, the outputs
 * put back together in input order.
 *
 * A work folder DIR holds everything a job needs; it must be on a file
 * system every node of the cluster sees:
 *   DIR/plan          the corpus, the pipeline and its run options, and the
 *                     shards: byte ranges on line boundaries (nothing of
 *                     the corpus is copied)
 *   DIR/out/K.jsonl   the output of shard K (1-based), whole: it is written
 *                     under a temporary name and renamed when the task
 *                     succeeded
 *   DIR/done/K        the done marker of shard K, written (atomically, after
 *                     the output) only when its task succeeded on exactly the
 *                     bytes the plan names
 *   DIR/failed/K      why shard K's last task failed, its first bad record
 *                     named by its line in the WHOLE corpus
 *   DIR/log/          for the job's own logs (sbatch --output)
 * A marker or failure note belongs to one plan: it starts with the shard's
 * key line "K FIRST-LINE LINES HASH PLAN-KEY", so that a new plan (another
 * pipeline, other options, changed bytes) makes it stale by itself. Merging
 * takes a shard only with a marker of the current plan.
 *
 * Units: byte offsets and sizes in bytes; lines are the corpus's physical
 * lines (blank ones included), 1-based; a record is a line that is not
 * blank (spaces and tabs, maybe "\r"), as the filters count them.
 */
#ifndef ZEEF_SHARD_H
#define ZEEF_SHARD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A 64-bit hash of a byte stream, the same however the stream is cut into
 * calls. Not cryptographic: it tells a changed shard from an unchanged one. */
struct shard_hash {
	uint64_t h, len_bytes;
	unsigned char tail[8];
	unsigned ntail;
};
void shard_hash_init(struct shard_hash *sh);
void shard_hash_add(struct shard_hash *sh, const void *s, size_t len_bytes);
uint64_t shard_hash_end(const struct shard_hash *sh);
/* The hash of the whole file at PATH; -1 with errno set when unreadable. */
int shard_hash_file(const char *path, uint64_t *hash);

struct shard {
	uint64_t start, end;     /* corpus bytes [start, end) */
	uint64_t first_line;     /* corpus line of its first line */
	uint64_t nlines;         /* lines in it */
	uint64_t hash;           /* shard_hash of its bytes */
};

struct shard_plan {
	char *corpus;            /* absolute path */
	char *pipeline;          /* absolute path */
	uint64_t pipeline_hash;  /* of the pipeline file's bytes */
	char **options;          /* zeef run options, as "--from=STAGE" */
	size_t noptions;
	uint64_t cut_shards;     /* the cut asked for: so many shards, */
	uint64_t cut_bytes;      /* or shards of about so many bytes */
	uint64_t corpus_bytes;   /* the corpus's size and modification time */
	int64_t mtime_s;         /* when it was planned */
	long mtime_ns;
	struct shard *shards;
	size_t nshards;
};

#define SHARD_MAX 100000     /* shards in one plan */

/* Free what P owns; P can be reused. */
void shard_plan_free(struct shard_plan *p);

/* The plan's fingerprint: corpus and pipeline paths, the pipeline's hash,
 * the options and the cut asked for (not the corpus's bytes: a plan made
 * again after a record was fixed keeps its key, and the shards that did not
 * change keep their markers). */
uint64_t shard_plan_key(const struct shard_plan *p);

/* Cut the corpus open on FD (P->corpus_bytes long) into P->shards. With
 * KEEP (NKEEP shards of an earlier plan) shard K starts at KEEP[K]'s first
 * line again, so that shards whose lines did not change keep their hash;
 * shards past the end of the corpus are empty then. Without KEEP the cut is
 * P->cut_shards shards of about equal bytes, or shards of about
 * P->cut_bytes, each starting at the first line that starts at or after
 * its share; a corpus with too few lines gives fewer shards. Every line is
 * in exactly one shard. Returns 0, or -1 with errno set. */
int shard_cut(struct shard_plan *p, int fd, const struct shard *keep, size_t nkeep);

/* Write P to DIR/plan (atomically). Returns 0, or -1 with errno set. */
int shard_plan_write(const struct shard_plan *p, const char *dir);

/* Read DIR/plan into P (zeroed first). Returns 0; 66 when it cannot be
 * read, 65 when it is not a plan; with a message on ERR. */
int shard_plan_read(const char *dir, struct shard_plan *p, FILE *err);

/* Shard K's (0-based) key line, "K FIRST-LINE LINES HASH PLAN-KEY\n", in
 * BUF of SIZE bytes (64 is always enough with 128). */
void shard_key_line(const struct shard_plan *p, size_t k, char *buf, size_t size);

/* Write the LEN bytes at TEXT to DIR/NAME atomically: a temporary file in
 * DIR, flushed to disk, renamed. Returns 0, or -1 with errno set. */
int shard_write_atomic(const char *dir, const char *name, const char *text, size_t len);

/* Flush DIR's entries to disk (the names a rename gave), where the file
 * system can. */
void shard_sync_dir(const char *dir);

/* mkstemp(3), the file then given the mode a new file would have (0666
 * less the umask) rather than 0600: outputs are for others to read too. */
int shard_mkstemp(char *template);

enum shard_state { SHARD_TODO, SHARD_DONE, SHARD_FAILED };

/* The state of shard K (0-based) in DIR under plan P: done (a marker of
 * this plan, and its output as long as the marker says), failed (a failure
 * note of this plan; *NOTE gets its text after the key line, malloc'ed), or
 * to do. *OUT_BYTES gets a done shard's output size. */
enum shard_state shard_state(const char *dir, const struct shard_plan *p, size_t k,
                             char **note, uint64_t *out_bytes);

/* Shards to do (not done) in sbatch --array syntax, 1-based: "3,5-7";
 * "" when none. Malloc'ed. */
char *shard_todo_list(const char *dir, const struct shard_plan *p);

/* --- a shard's records and its run's messages (shard_lines.c) -------- */

/* Where the records of a shard are: the corpus line of its Nth record,
 * found by reading forward from the last answer (or from the start). */
struct shard_cursor {
	uint64_t record, line, offset;   /* record RECORD ends just before OFFSET */
};
/* The corpus line of record N (1-based) of shard S in the corpus on FD,
 * or 0 when the shard has fewer records. *ID (when ID is not NULL) gets
 * the record's "id" string, malloc'ed, or NULL. */
uint64_t shard_line_of_record(int fd, const struct shard *s, struct shard_cursor *c,
                              uint64_t n, char **id);

/* Messages of `zeef run` on one shard name lines of the shard's input
 * ("[NAME] NAME: <stdin>:N: ..."); say the corpus line instead. LABELS are
 * the "[NAME] " labels of the stages run, in order: for the first,
 * <stdin>:N is line N of the shard; for a later one, the Nth record, and
 * LINE_OF_RECORD(CTX, N) says its corpus line (0: unknown). zeef's own note
 * about a worker ("... is input record R") gets the line of record R.
 * Returns the new line, malloc'ed, or NULL when LINE (LEN bytes, with its
 * "\n" if any) stays as it is. */
char *shard_relabel(const char *line, size_t len, char *const *labels, size_t nlabels,
                    const char *corpus, uint64_t first_line,
                    uint64_t (*line_of_record)(void *ctx, uint64_t n), void *ctx);

/* --- a shard's task (shard_task.c) ---------------------------------- */

/* Run shard K (0-based) of plan P in DIR (see `zeef shard --help`):
 * returns the exit status (0 when the shard is done). */
int shard_run(const char *dir, const struct shard_plan *p, size_t k);

/* `zeef shard ...` (shard_cmd.c); ARGV[0] is "shard". */
int shard_main(int argc, char **argv);

#endif
