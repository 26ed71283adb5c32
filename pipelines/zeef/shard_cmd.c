/* shard_cmd.c — `zeef shard`: plan, run, status, todo, merge (shard.h). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline.h"
#include "shard.h"

static const char shard_usage[] =
"Usage: zeef shard plan [OPTION]... DIR CORPUS PIPELINE\n"
"       zeef shard run DIR [K]\n"
"       zeef shard status DIR\n"
"       zeef shard todo DIR\n"
"       zeef shard merge DIR OUTPUT\n"
"Run a pipeline over a large JSON Lines corpus as a job array (Slurm's\n"
"sbatch --array, or any other way of running N tasks), one task per shard,\n"
"and merge the outputs into one file byte-identical to `zeef run PIPELINE\n"
"CORPUS`. DIR is the work folder (on a file system every node sees).\n"
"\n"
"  plan     cut CORPUS into shards on line boundaries, by byte ranges (the\n"
"           corpus is read once and never copied); write DIR/plan; print the\n"
"           number of shards N. Planning again with the same options (after\n"
"           fixing bad records) keeps each shard's lines, and every shard\n"
"           whose bytes did not change stays done\n"
"  run      run shard K (1..N; default $SLURM_ARRAY_TASK_ID) through the\n"
"           pipeline into DIR/out/K.jsonl; only when that succeeded on the\n"
"           planned bytes is the shard marked done (DIR/done/K, written\n"
"           atomically after the output). Messages of the stages name lines\n"
"           of the whole CORPUS, not of the shard; a failed task says which\n"
"           shard failed and its first bad record (CORPUS:LINE: id=ID), also\n"
"           in DIR/failed/K. Exits with the status zeef run exited with\n"
"  status   one line per shard: done, failed (and why) or to do\n"
"  todo     the shards not done, as a list for sbatch --array (\"3,5-7\");\n"
"           nothing when every shard is done\n"
"  merge    write the shards' outputs in order into OUTPUT (\"-\": stdout),\n"
"           only when every shard is done: else nothing is written, the\n"
"           shards not done are named, and the exit status is 65. OUTPUT\n"
"           appears whole or not at all (written under a temporary name)\n"
"\n"
"Options of plan:\n"
"      --shards=N           cut into N shards of about equal bytes\n"
"      --shard-size=SIZE    shards of about SIZE bytes (K, M or G: KiB, MiB,\n"
"                           GiB); the default is 256M\n"
"      --from=STAGE, --to=STAGE, --replace=STAGE=COMMAND,\n"
"      --on-error=fail|pass\n"
"                           given to zeef run in every task (`zeef --help`);\n"
"                           skip is refused: a task that drops records could\n"
"                           not name its first bad record\n"
"  -h, --help               this help, then exit\n"
"\n"
"Exit status: 0 success; 64 bad command line; 65 merge: a shard is not done,\n"
"or the corpus or the pipeline changed since the plan; 66 a file cannot be\n"
"read; 70 internal error; 74 I/O error; run: the status of zeef run.\n"
"\n"
"On Slurm (pipelines/README.md has the whole recipe):\n"
"  n=$(zeef shard plan --shards=16 \"$work\" news.jsonl nl-news)\n"
"  tasks=$(sbatch --parsable --array=1-$n --wrap=\"zeef shard run '$work'\")\n"
"  sbatch --dependency=afterany:$tasks --wrap=\"zeef shard merge '$work' out.jsonl\"\n";

static int shard_usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "zeef shard: %s%s%s\nTry 'zeef shard --help' for more information.\n",
	        what, arg ? arg : "", arg ? "'" : "");
	return 64;
}

static int show_usage(void)
{
	fputs(shard_usage, stdout);
	return fflush(stdout) || ferror(stdout) ? 74 : 0;
}

/* SIZE with an optional K, M or G; 0 when it is not one. */
static uint64_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	int shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (errno || end == s || *s == '-' || (shift && end[1]) || (!shift && *end) ||
	    v > (UINT64_MAX >> shift))
		return 0;
	return (uint64_t)v << shift;
}

static int make_dirs(const char *dir)
{
	static const char *const sub[] = { "", "/out", "/done", "/failed", "/log" };
	char path[PATH_MAX];
	for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
		snprintf(path, sizeof path, "%s%s", dir, sub[i]);
		if (mkdir(path, 0777) && errno != EEXIST) {
			fprintf(stderr, "zeef shard: %s: cannot create: %s\n", path, strerror(errno));
			return 74;
		}
	}
	return 0;
}

static char *option_copy(const char *name, const char *value)
{
	size_t n = strlen(name) + strlen(value) + 4;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "--%s=%s", name, value);
	return s;
}

/* Check PIPELINE as zeef run would with the plan's options: it loads, the
 * stages named exist, the programs are found. */
static int check_pipeline(const struct shard_plan *np)
{
	int rc;
	struct zeef_pipeline *pl = zeef_pipeline_load(np->pipeline, stderr, &rc);
	if (!pl)
		return rc;
	rc = 0;
	for (size_t i = 0; i < np->noptions && !rc; i++) {
		const char *o = np->options[i];
		if (!strncmp(o, "--replace=", 10) && zeef_stage_replace(pl, o + 10, stderr))
			rc = 64;
		else if ((!strncmp(o, "--from=", 7) && zeef_stage_find(pl, o + 7) < 0) ||
		         (!strncmp(o, "--to=", 5) && zeef_stage_find(pl, o + 5) < 0))
			rc = shard_usage_error("no such stage: '", strchr(o, '=') + 1);
	}
	if (!rc && zeef_resolve_stages(pl, stderr))
		rc = 65;
	zeef_pipeline_free(pl);
	return rc;
}

static int cmd_plan(int argc, char **argv)
{
	enum { O_SHARDS = 1, O_SIZE, O_FROM, O_TO, O_REPLACE, O_ON_ERROR };
	static const struct option opts[] = {
		{ "shards", required_argument, NULL, O_SHARDS },
		{ "shard-size", required_argument, NULL, O_SIZE },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "replace", required_argument, NULL, O_REPLACE },
		{ "on-error", required_argument, NULL, O_ON_ERROR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct shard_plan np = { 0 }, old;
	int c, rc = 0;
	np.options = calloc((size_t)argc, sizeof *np.options);
	if (!np.options)
		return 70;
	while (!rc && (c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		const char *name = c > 0 && c <= O_ON_ERROR ? opts[c - 1].name : NULL;
		switch (c) {
		case O_SHARDS: {
			uint64_t n = parse_size(optarg);
			if (!n || n > SHARD_MAX || strpbrk(optarg, "KkMmGg"))
				rc = shard_usage_error("--shards takes a number from 1 to 100000, not '", optarg);
			np.cut_shards = n;
			break;
		}
		case O_SIZE:
			if (!(np.cut_bytes = parse_size(optarg)))
				rc = shard_usage_error("--shard-size takes a size such as 256M, not '", optarg);
			break;
		case O_ON_ERROR:
			if (strcmp(optarg, "fail") && strcmp(optarg, "pass")) {
				rc = shard_usage_error("--on-error takes fail or pass (skip would leave the "
				                       "first bad record of a task unknown), not '", optarg);
				break;
			}
			/* fall through */
		case O_FROM: case O_TO: case O_REPLACE:
			if (!(np.options[np.noptions++] = option_copy(name, optarg)))
				rc = 70;
			break;
		case 'h':
			rc = -1;
			break;
		default:   /* getopt said why */
			fputs("Try 'zeef shard --help' for more information.\n", stderr);
			rc = 64;
		}
	}
	if (rc < 0) {
		shard_plan_free(&np);
		return show_usage();
	}
	if (!rc && argc - optind != 3)
		rc = shard_usage_error("plan takes DIR CORPUS PIPELINE", NULL);
	if (!rc && np.cut_shards && np.cut_bytes)
		rc = shard_usage_error("give --shards or --shard-size, not both", NULL);
	if (rc) {
		shard_plan_free(&np);
		return rc;
	}
	if (!np.cut_shards && !np.cut_bytes)
		np.cut_bytes = 256 << 20;
	const char *dir = argv[optind], *corpus = argv[optind + 1];
	char *found = zeef_find_pipeline(argv[optind + 2]);
	if (!found) {
		fprintf(stderr, "zeef shard: no pipeline '%s' (not a file, nor in ./pipelines or the "
		        "installed pipelines)\n", argv[optind + 2]);
		shard_plan_free(&np);
		return 66;
	}
	np.pipeline = realpath(found, NULL);
	free(found);
	int fd = open(corpus, O_RDONLY);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) || !S_ISREG(sb.st_mode) || !(np.corpus = realpath(corpus, NULL))) {
		fprintf(stderr, "zeef shard: %s: %s\n", corpus, fd < 0 || S_ISREG(sb.st_mode) ? strerror(errno)
		        : "not a regular file (the tasks read it at byte offsets)");
		rc = 66;
	} else if (!np.pipeline || shard_hash_file(np.pipeline, &np.pipeline_hash)) {
		fprintf(stderr, "zeef shard: %s: cannot read: %s\n", argv[optind + 2], strerror(errno));
		rc = 66;
	} else if (strchr(np.corpus, '\n') || strchr(np.pipeline, '\n')) {
		rc = shard_usage_error("a path with a line break cannot go into the plan", NULL);
	}
	if (!rc)
		rc = check_pipeline(&np);
	if (!rc)
		rc = make_dirs(dir);
	if (rc) {
		if (fd >= 0)
			close(fd);
		shard_plan_free(&np);
		return rc;
	}
	np.corpus_bytes = (uint64_t)sb.st_size;
	np.mtime_s = (int64_t)sb.st_mtim.tv_sec;
	np.mtime_ns = sb.st_mtim.tv_nsec;
	FILE *quiet = fopen("/dev/null", "w");
	int had_plan = shard_plan_read(dir, &old, quiet ? quiet : stderr) == 0;
	if (quiet)
		fclose(quiet);
	int same = had_plan && shard_plan_key(&old) == shard_plan_key(&np);
	if (shard_cut(&np, fd, same ? old.shards : NULL, same ? old.nshards : 0)) {
		fprintf(stderr, "zeef shard: %s: %s\n", corpus, strerror(errno));
		rc = errno == ENOMEM ? 70 : 74;
	} else if (np.nshards > SHARD_MAX) {
		fprintf(stderr, "zeef shard: %s: %zu shards, more than %d: give a larger --shard-size\n",
		        corpus, np.nshards, SHARD_MAX);
		rc = 64;
	} else if (shard_plan_write(&np, dir)) {
		fprintf(stderr, "zeef shard: %s/plan: %s\n", dir, strerror(errno));
		rc = errno == ENOMEM ? 70 : 74;
	}
	close(fd);
	if (!rc && same) {
		char *todo = shard_todo_list(dir, &np);
		fprintf(stderr, "zeef shard: %s: the same plan again: each shard keeps its lines; to run: %s\n",
		        dir, todo && *todo ? todo : "none");
		free(todo);
	}
	if (!rc)
		printf("%zu\n", np.nshards);
	if (had_plan)
		shard_plan_free(&old);
	shard_plan_free(&np);
	if (!rc && (fflush(stdout) || ferror(stdout)))
		rc = 74;
	return rc;
}

/* Read DIR's plan for a command taking DIR and NEXTRA more arguments. */
static int open_plan(int argc, char **argv, int nextra, struct shard_plan *p)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return -1;
	if (argc < 2 || argc > 2 + nextra || (nextra == 1 && !strcmp(argv[0], "merge") && argc != 3)) {
		fprintf(stderr, "zeef shard: %s: wrong number of arguments\n"
		        "Try 'zeef shard --help' for more information.\n", argv[0]);
		return 64;
	}
	return shard_plan_read(argv[1], p, stderr);
}

static int cmd_run(int argc, char **argv)
{
	struct shard_plan p;
	int rc = open_plan(argc, argv, 1, &p);
	if (rc)
		return rc < 0 ? show_usage() : rc;
	const char *ks = argc > 2 ? argv[2] : getenv("SLURM_ARRAY_TASK_ID");
	char *end = NULL;
	unsigned long k = ks ? strtoul(ks, &end, 10) : 0;
	if (!ks)
		rc = shard_usage_error("run: which shard? (give K, or run it as an array task)", NULL);
	else if (*end || k < 1 || k > p.nshards) {
		fprintf(stderr, "zeef shard: run: no shard '%s': the plan has shards 1 to %zu\n", ks, p.nshards);
		rc = 64;
	} else {
		rc = shard_run(argv[1], &p, k - 1);
	}
	shard_plan_free(&p);
	return rc;
}

/* Say what shard K is; with NOTE (its failure), the note's lines after. */
static void print_state(FILE *f, const struct shard_plan *p, size_t k, enum shard_state st,
                        const char *note, uint64_t out_bytes)
{
	const struct shard *s = &p->shards[k];
	fprintf(f, "shard %zu of %zu: %s (lines %" PRIu64 "-%" PRIu64, k + 1, p->nshards,
	        st == SHARD_DONE ? "done" : st == SHARD_FAILED ? "failed" : "to do", s->first_line,
	        s->nlines ? s->first_line + s->nlines - 1 : s->first_line);
	if (st == SHARD_DONE)
		fprintf(f, ", %" PRIu64 " bytes out", out_bytes);
	fputs(")\n", f);
	for (const char *at = note; at && *at;) {
		size_t n = strcspn(at, "\n");
		fprintf(f, "  %.*s\n", (int)n, at);
		at += n + (at[n] == '\n');
	}
}

static int cmd_status(int argc, char **argv)
{
	struct shard_plan p;
	int rc = open_plan(argc, argv, 0, &p);
	if (rc)
		return rc < 0 ? show_usage() : rc;
	size_t count[3] = { 0 };
	for (size_t k = 0; k < p.nshards; k++) {
		char *note;
		uint64_t bytes = 0;
		enum shard_state st = shard_state(argv[1], &p, k, &note, &bytes);
		count[st]++;
		print_state(stdout, &p, k, st, note, bytes);
		free(note);
	}
	printf("%zu shard%s: %zu done, %zu failed, %zu to do\n", p.nshards, p.nshards == 1 ? "" : "s",
	       count[SHARD_DONE], count[SHARD_FAILED], count[SHARD_TODO]);
	shard_plan_free(&p);
	return fflush(stdout) || ferror(stdout) ? 74 : 0;
}

static int cmd_todo(int argc, char **argv)
{
	struct shard_plan p;
	int rc = open_plan(argc, argv, 0, &p);
	if (rc)
		return rc < 0 ? show_usage() : rc;
	char *todo = shard_todo_list(argv[1], &p);
	if (!todo)
		rc = 70;
	else if (*todo)
		printf("%s\n", todo);
	free(todo);
	shard_plan_free(&p);
	return rc ? rc : fflush(stdout) || ferror(stdout) ? 74 : 0;
}

/* Append the file at PATH, which must be BYTES long, to OUT_FD. */
static int append_file(int out_fd, const char *path, uint64_t bytes, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	uint64_t copied = 0;
	ssize_t n = 0;
	while (fd >= 0 && (n = read(fd, buf, size)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		for (ssize_t done = 0, k; done < n; done += k)
			if ((k = write(out_fd, buf + done, (size_t)(n - done))) < 0) {
				if (errno == EINTR)
					k = 0;
				else {
					fprintf(stderr, "zeef shard: merge: write error: %s\n", strerror(errno));
					close(fd);
					return 74;
				}
			}
		copied += (uint64_t)n;
	}
	if (fd < 0 || n < 0 || copied != bytes) {
		fprintf(stderr, "zeef shard: %s: %s\n", path, fd < 0 || n < 0 ? strerror(errno)
		        : "not as long as its done marker says: run the shard again");
		if (fd >= 0)
			close(fd);
		return fd < 0 ? 66 : 74;
	}
	close(fd);
	return 0;
}

static int merge_into(const char *dir, const struct shard_plan *p, const uint64_t *bytes, int out_fd)
{
	enum { BLOCK = 1 << 20 };
	char *buf = malloc(BLOCK), path[PATH_MAX];
	int rc = buf ? 0 : 70;
	for (size_t k = 0; !rc && k < p->nshards; k++) {
		snprintf(path, sizeof path, "%s/out/%zu.jsonl", dir, k + 1);
		rc = append_file(out_fd, path, bytes[k], buf, BLOCK);
	}
	free(buf);
	return rc;
}

static int cmd_merge(int argc, char **argv)
{
	struct shard_plan p;
	int rc = open_plan(argc, argv, 1, &p);
	if (rc)
		return rc < 0 ? show_usage() : rc;
	const char *dir = argv[1], *output = argv[2];
	struct stat sb;
	uint64_t *bytes = calloc(p.nshards, sizeof *bytes);
	if (!bytes)
		rc = 70;
	else if (stat(p.corpus, &sb) || (uint64_t)sb.st_size != p.corpus_bytes ||
	         (int64_t)sb.st_mtim.tv_sec != p.mtime_s || sb.st_mtim.tv_nsec != p.mtime_ns) {
		fprintf(stderr, "zeef shard: %s: the corpus changed since the plan: make the plan again "
		        "(zeef shard plan) and run the shards it names\n", p.corpus);
		rc = 65;
	}
	size_t missing = 0;
	for (size_t k = 0; !rc && k < p.nshards; k++) {
		char *note;
		enum shard_state st = shard_state(dir, &p, k, &note, &bytes[k]);
		if (st != SHARD_DONE) {
			print_state(stderr, &p, k, st, note, 0);
			missing++;
		}
		free(note);
	}
	if (!rc && missing) {
		char *todo = shard_todo_list(dir, &p);
		fprintf(stderr, "zeef shard: nothing merged: %zu of %zu shards not done (to run: %s)\n",
		        missing, p.nshards, todo ? todo : "?");
		free(todo);
		rc = 65;
	}
	if (!rc && !strcmp(output, "-")) {
		rc = merge_into(dir, &p, bytes, 1);
	} else if (!rc) {
		size_t n = strlen(output) + 16;
		char *tmp = malloc(n), *slash = strrchr(output, '/');
		if (tmp && slash)
			snprintf(tmp, n, "%.*s/.%s.XXXXXX", (int)(slash - output), output, slash + 1);
		else if (tmp)
			snprintf(tmp, n, ".%s.XXXXXX", output);
		int fd = tmp ? shard_mkstemp(tmp) : -1;
		if (fd < 0) {
			fprintf(stderr, "zeef shard: %s: cannot create: %s\n", output, strerror(errno));
			rc = 74;
		} else {
			rc = merge_into(dir, &p, bytes, fd);
			if (!rc && (fsync(fd) || rename(tmp, output))) {
				fprintf(stderr, "zeef shard: %s: %s\n", output, strerror(errno));
				rc = 74;
			}
			close(fd);
			if (rc)
				unlink(tmp);
		}
		free(tmp);
	}
	free(bytes);
	shard_plan_free(&p);
	return rc;
}

int shard_main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "plan", cmd_plan }, { "run", cmd_run }, { "status", cmd_status },
		{ "todo", cmd_todo }, { "merge", cmd_merge },
	};
	if (argc < 2)
		return shard_usage_error("which? plan, run, status, todo or merge", NULL);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return show_usage();
	static char plan_name[] = "zeef shard plan";
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (!strcmp(argv[1], cmds[i].name)) {
			optind = 1;
			if (cmds[i].fn == cmd_plan)
				argv[1] = plan_name;   /* as getopt's messages name it */
			return cmds[i].fn(argc - 1, argv + 1);
		}
	return shard_usage_error("no command '", argv[1]);
}
