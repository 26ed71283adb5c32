/* zeef — run, check and show Zeef pipelines; score stages; render records. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "esc.h"
#include "output.h"
#include "parallel.h"
#include "pipeline.h"
#include "run.h"
#include "score.h"
#include "shard.h"
#include "show.h"
#if defined(__has_include)
#if __has_include("render.h")
#include "render.h"
#define ZEEF_HAVE_RENDER_H 1
#endif
#endif
#ifndef ZEEF_HAVE_RENDER_H
int render_main(int argc, char **argv);
#endif

#ifndef ZEEF_VERSION
#define ZEEF_VERSION "0.0.0"
#endif

static const char usage_text[] =
"Usage: zeef COMMAND [OPTION]... [ARGUMENT]...\n"
"Run, check and show Zeef pipelines; score a stage against gold data.\n"
"\n"
"A pipeline is a YAML file listing programs (stages) that read JSON Lines\n"
"records on stdin and write one record per record on stdout. zeef starts them\n"
"with fork/exec, joined by pipes: no shell is ever involved.\n"
"\n"
"Commands:\n"
"  run PIPELINE [FILE]...   run the pipeline; FILEs go to the first stage as\n"
"                           arguments (normalize reads each as a document),\n"
"                           else it reads stdin; records go to stdout\n"
"  check PIPELINE...        validate without running: YAML syntax, the schema\n"
"                           (unknown keys, wrong types, empty stages), every\n"
"                           program found, and the stage order against what\n"
"                           each stage requires and provides (--describe)\n"
"  show PIPELINE [FILE]...  print the equivalent `bash -o pipefail` line\n"
"  list                     the pipelines and filters zeef can see\n"
"  score KIND [OPTION]... GOLD PRED\n"
"                           score a stage: KIND is sentences, entities, quotes\n"
"                           or summary (`zeef score KIND --help`)\n"
"  render [OPTION]... [FILE]...\n"
"                           records to one HTML page (`zeef render --help`)\n"
"  shard plan|run|status|todo|merge DIR ...\n"
"                           a big corpus as a job array (Slurm): cut it into\n"
"                           shards, run one per task, merge the outputs in\n"
"                           order once all succeeded (`zeef shard --help`)\n"
"\n"
"PIPELINE is a path, or a name looked up as NAME or NAME.yaml in ./pipelines,\n"
"then in ../pipelines and ../share/zeef/pipelines next to the zeef binary.\n"
"A stage's `run` is a Zeef filter found next to the zeef binary first, then on\n"
"PATH, or any program path.\n"
"\n"
"Options of run:\n"
"      --from=STAGE         start at STAGE (a name, or a number from 1)\n"
"      --to=STAGE           stop after STAGE\n"
"      --replace=STAGE=COMMAND\n"
"                           run COMMAND instead of STAGE: words split at\n"
"                           blanks, '...' and \"...\" group (\\\" and \\\\ inside\n"
"                           \"...\"), no other shell syntax; the stage keeps\n"
"                           its name, env and workers; may be repeated\n"
"      --tee=DIR            also write each stage's output to DIR/NN-NAME.jsonl\n"
"                           (NN its number in the pipeline); DIR is created\n"
"      --stats              after the run, print per stage on stderr: records\n"
"                           and bytes in and out, CPU and wall seconds, peak\n"
"                           RSS (MiB)\n"
"      --progress=WHEN      a live line on stderr with records, records/s and\n"
"                           MB/s: auto (default: only when stderr is a\n"
"                           terminal), always, or never\n"
"      --on-error=fail|skip|pass\n"
"                           given to every stage that is a Zeef filter (one\n"
"                           that answers --describe): what to do with bad input;\n"
"                           skip is refused (64) when a stage has workers\n"
"  -u, --unbuffered         likewise: every filter flushes after each record\n"
"      --parallel[=JOBS]    run the chain JOBS times side by side (default 2),\n"
"                           after a first stage that reads the FILEs: records\n"
"                           spread in blocks, output merged in input order,\n"
"                           byte-identical; not with --tee or --on-error=skip\n"
"      --describe           print what the chain requires, uses and provides,\n"
"                           as one JSON line (as a filter's --describe does),\n"
"                           so a zeef run chain can stand in for one stage\n"
"  Options may come before or after PIPELINE; put FILEs whose name starts\n"
"  with '-' after '--'.\n"
"Options of check:\n"
"  -q, --quiet              no notes about stages that do not describe\n"
"                           themselves\n"
"Options of show:\n"
"      --parallel[=JOBS]    print `zeef run --parallel=JOBS PIPELINE FILE...`:\n"
"                           the whole chain JOBS times side by side (default 2)\n"
"      --block=SIZE         GNU parallel's --block (k, M, G; default 25M): with\n"
"                           --parallel, the chain under one GNU parallel instead\n"
"                           (after a first stage that reads the FILEs), each job\n"
"                           on about SIZE bytes of records\n"
"  The line quotes every value for bash and for GNU parallel: nothing in a\n"
"  pipeline runs as code, and it runs what zeef run runs.\n"
"Common options:\n"
"  -h, --help               this help, then exit\n"
"  -V, --version            version, then exit\n"
"\n"
"Pipeline keys: zeef: 1, name, description, stages; per stage: run (required),\n"
"name, args (a list), env (a mapping), workers (1-256), timeout (seconds).\n"
"\n"
"Running: each stage's stderr is passed on with \"[NAME] \" before each line\n"
"(\"[NAME:W] \" for worker W). When a stage exits non-zero or is killed by a\n"
"signal, zeef names it on stderr, as in\n"
"  zeef: stage 'tag-entities' (3 of 5) exited with status 65\n"
"and exits with the status of the first failing stage in pipeline order\n"
"(128+N for signal N), as bash -o pipefail would. A stage killed by SIGPIPE\n"
"because a later stage, or the reader of zeef's output, stopped early is not\n"
"a failure; when zeef's own output is closed (zeef run ... | head) it ends\n"
"quietly, killed by SIGPIPE as cat(1) is.\n"
"Each stage leads its own process group, so what a stage started ends with\n"
"it. A stage past its `timeout:` is ended (SIGTERM, then SIGKILL 2 s later)\n"
"and zeef exits 124. SIGINT, SIGTERM and SIGHUP are passed on to every stage,\n"
"and zeef exits 128+N (of the first signal) once the stages have ended; what\n"
"they leave running gets SIGKILL 2 s later, and a second signal sends SIGKILL\n"
"to all at once. ^Z stops the stages with zeef. When zeef dies (SIGKILL), its\n"
"stages get SIGTERM (PR_SET_PDEATHSIG, and a watchdog process for what they\n"
"started). zeef reads a terminal on its stdin for the first stage (with\n"
"FILEs, that stage gets /dev/null).\n"
"A stage with `workers: N` runs N copies; zeef spreads the records over them\n"
"and merges their output in input order, byte-identical to one copy. Such a\n"
"stage must write exactly one line per non-blank input line. When a worker\n"
"fails, the output ends (after a whole line) where one copy's would, and zeef\n"
"says which input record the worker's own <stdin>:N is.\n"
"A stage zeef counts (with --stats or --tee, or next to workers) that writes\n"
"fewer or more records than it read fails the run with 70.\n"
"\n"
"Exit status:\n"
"  0    success\n"
"  64   bad command line\n"
"  65   the pipeline is not valid (check: any error found)\n"
"  66   the pipeline file cannot be read (missing, not a regular file, or a\n"
"       symbolic link out of its folder)\n"
"  70   internal error, out of memory, a counted stage broke the one-record\n"
"       rule, or score or render when that part is not built in\n"
"  74   an I/O error (writing the output, --tee)\n"
"  N    run: the status of the first failing stage (128+S: killed by signal S)\n"
"  124  run: a stage ran past its timeout\n"
"\n"
"Examples:\n"
"  zeef run nl-news tests/samples/*.txt | jq .summary.text\n"
"  zeef check pipelines/nl-news.yaml\n"
"  zeef run --replace split-sentences='my-splitter --strict' nl-sentences a.txt\n"
"  zeef run --tee out/ --stats nl-news a.txt > records.jsonl\n"
"  zeef run --from tag-entities nl-news < out/02-split-sentences.jsonl\n"
"  zeef show --parallel=4 nl-news\n"
"  zeef score sentences gold.jsonl predicted.jsonl\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zeef: ", stderr);
	fprintf(stderr, fmt, zeef_esc(arg));
	fputs("\nTry 'zeef --help' for more information.\n", stderr);
	return 64;
}

/* getopt_long returned '?' (an unknown option) or ':' (one missing its
 * argument) for ARGV: say which, escaped (getopt's own message, turned off
 * with opterr = 0, would print the option raw). */
static int bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	fprintf(stderr, "%s: ", argv[0]);
	if (c == ':')
		fprintf(stderr, "option '%s' needs an argument\n", zeef_esc(arg));
	else if (optopt && strncmp(arg, "--", 2)) {
		char opt = (char)optopt;
		fprintf(stderr, "unknown option '-%s'\n", zeef_esc_n(&opt, 1));
	} else
		fprintf(stderr, "unknown option '%s'\n", zeef_esc(arg));
	fputs("Try 'zeef --help' for more information.\n", stderr);
	return 64;
}

static int flush_stdout(int rc)
{
	return zeef_flush_stdout("zeef", rc);
}

static int help(void)
{
	fputs(usage_text, stdout);
	return flush_stdout(0);
}

static int version(void)
{
	printf("zeef (Zeef) %s\n", ZEEF_VERSION);
	return flush_stdout(0);
}

static struct zeef_pipeline *open_pipeline(const char *arg, int *rc)
{
	char *path = zeef_find_pipeline(arg);
	if (!path) {
		char *near = strchr(arg, '/') ? NULL : zeef_nearest_pipeline(arg);
		fprintf(stderr, "zeef: no pipeline '%s' (not a file, nor in ./pipelines or the "
		        "installed pipelines)", zeef_esc(arg));
		if (near)
			fprintf(stderr, "; did you mean '%s'?", zeef_esc(near));
		fputc('\n', stderr);
		free(near);
		*rc = 66;
		return NULL;
	}
	struct zeef_pipeline *p = zeef_pipeline_load(path, stderr, rc);
	free(path);
	return p;
}

enum { OPT_FROM = 1000, OPT_TO, OPT_REPLACE, OPT_TEE, OPT_STATS, OPT_PROGRESS, OPT_PARALLEL,
       OPT_DESCRIBE, OPT_ON_ERROR, OPT_BLOCK };

/* Give ARG to every stage FROM..TO that describes itself (a Zeef filter). */
static void forward_to_filters(struct zeef_pipeline *p, long from, long to, const char *arg)
{
	for (long i = from; i <= to; i++) {
		struct zeef_describe d;
		if (zeef_describe_run(p->stages[i].path, &p->stages[i], &d) == 0) {
			zeef_stage_add_arg(&p->stages[i], arg);
			zeef_describe_free(&d);
		}
	}
}

/* run --parallel=JOBS: stages F..*T, after a first one that reads the FILEs
 * (FILES), become one stage of JOBS copies of the chain, each an inner
 * `zeef run` told the options it must repeat (--replace, --on-error, -u).
 * Returns 0, or 64 for options that cannot go with it. */
static int fold_parallel(struct zeef_pipeline *p, long f, long *t, int files, int jobs,
                         char **replace, size_t nreplace, const char *on_error, int unbuffered,
                         const char *tee_dir)
{
	if (tee_dir)
		return usage_error("%s", "--parallel cannot be used with --tee (the copies' stages "
		                   "are not zeef's to keep): run without one of them");
	if (on_error && !strcmp(on_error, "skip"))
		return usage_error("%s", "--on-error=skip cannot be used with --parallel (a copy "
		                   "that leaves a record out would shift the merge); use "
		                   "--on-error=pass");
	size_t g = (size_t)f + (files ? 1 : 0);
	if (g > (size_t)*t)
		return 0;   /* nothing after the stage that reads the FILEs */
	char *args[2 * nreplace + 2], on_error_arg[32], u[] = "-u";
	size_t n = 0;
	for (size_t i = 0; i < nreplace; i++) {
		args[n++] = (char *)"--replace";
		args[n++] = replace[i];
	}
	if (on_error) {
		snprintf(on_error_arg, sizeof on_error_arg, "--on-error=%s", on_error);
		args[n++] = on_error_arg;
	}
	if (unbuffered)
		args[n++] = u;
	zeef_parallel_fold(p, g, (size_t)*t, jobs, args, n);
	*t = (long)g;
	return 0;
}

/* --parallel[=JOBS]: 2 when ARG is NULL; -1 when it is no number of jobs. */
static int parallel_jobs(const char *arg)
{
	if (!arg)
		return 2;
	char *end;
	long j = strtol(arg, &end, 10);
	return *end || j < 1 || j > ZEEF_MAX_WORKERS ? -1 : (int)j;
}

static int cmd_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "replace", required_argument, NULL, OPT_REPLACE },
		{ "tee", required_argument, NULL, OPT_TEE },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "progress", required_argument, NULL, OPT_PROGRESS },
		{ "describe", no_argument, NULL, OPT_DESCRIBE },
		{ "on-error", required_argument, NULL, OPT_ON_ERROR },
		{ "unbuffered", no_argument, NULL, 'u' },
		{ "parallel", optional_argument, NULL, OPT_PARALLEL },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct zeef_run_opts o = { 0 };
	const char *from = NULL, *to = NULL, *on_error = NULL;
	int describe = 0, unbuffered = 0, jobs = 1;
	char **replace = calloc((size_t)argc + 1, sizeof *replace);
	size_t nreplace = 0;
	int c;
	if (!replace) {
		fputs("zeef: out of memory\n", stderr);
		return 70;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":huV", opts, NULL)) != -1) {
		switch (c) {
		case OPT_DESCRIBE: describe = 1; break;
		case 'u': unbuffered = 1; break;
		case 'V': free(replace); return version();
		case OPT_ON_ERROR:
			if (strcmp(optarg, "fail") && strcmp(optarg, "skip") && strcmp(optarg, "pass")) {
				free(replace);
				return usage_error("--on-error takes fail, skip or pass, not '%s'", optarg);
			}
			on_error = optarg;
			break;
		case OPT_FROM: from = optarg; break;
		case OPT_TO: to = optarg; break;
		case OPT_PARALLEL:
			if ((jobs = parallel_jobs(optarg)) < 0) {
				free(replace);
				return usage_error("--parallel takes a number of jobs, not '%s'",
				                   optarg);
			}
			break;
		case OPT_REPLACE: replace[nreplace++] = optarg; break;
		case OPT_TEE: o.tee_dir = optarg; break;
		case OPT_STATS: o.stats = 1; break;
		case OPT_PROGRESS:
			if (!strcmp(optarg, "auto"))
				o.progress = PROGRESS_AUTO;
			else if (!strcmp(optarg, "always"))
				o.progress = PROGRESS_ALWAYS;
			else if (!strcmp(optarg, "never"))
				o.progress = PROGRESS_NEVER;
			else {
				free(replace);
				return usage_error("--progress takes auto, always or never, not '%s'", optarg);
			}
			break;
		case 'h': free(replace); return help();
		default: free(replace); return bad_option(c, argv);
		}
	}
	if (optind >= argc) {
		free(replace);
		return usage_error("%s", "run: which pipeline?");
	}
	int rc;
	struct zeef_pipeline *p = open_pipeline(argv[optind], &rc);
	if (!p) {
		free(replace);
		return rc;
	}
	for (size_t i = 0; i < nreplace; i++)
		if (zeef_stage_replace(p, replace[i], stderr)) {
			free(replace);
			zeef_pipeline_free(p);
			return 64;
		}
	long f = 0, t = (long)p->nstages - 1;
	if (from && (f = zeef_stage_find(p, from)) < 0)
		rc = usage_error("--from: no such stage '%s'", from);
	else if (to && (t = zeef_stage_find(p, to)) < 0)
		rc = usage_error("--to: no such stage '%s'", to);
	else if (t < f)
		rc = usage_error("--to '%s' comes before --from", to);
	else if (zeef_resolve_stages(p, stderr))
		rc = 65;
	else if (describe) {
		rc = zeef_describe_chain(p, (size_t)f, (size_t)t, stdout);
		if (!rc)
			rc = flush_stdout(0);
		zeef_pipeline_free(p);
		return rc;
	} else if (f == 0 && zeef_check_order(p, 0, (size_t)t, 0, stderr))
		rc = 65;
	if (!rc && on_error && !strcmp(on_error, "skip")) {
		/* a worker that leaves a record out would shift every later
		 * record of the merge onto the wrong chunk */
		for (long i = f; i <= t && !rc; i++)
			if (p->stages[i].workers > 1) {
				fprintf(stderr, "zeef: --on-error=skip cannot be used with workers: (stage '%s' has "
				        "workers: %d); use --on-error=pass, or run without workers\n",
				        zeef_esc(p->stages[i].name), p->stages[i].workers);
				rc = 64;
			}
		o.records_may_drop = 1;
	}
	if (!rc && on_error) {
		char arg[32];
		snprintf(arg, sizeof arg, "--on-error=%s", on_error);
		forward_to_filters(p, f, t, arg);
	}
	if (!rc && unbuffered)
		forward_to_filters(p, f, t, "--unbuffered");
	if (!rc && jobs > 1)
		rc = fold_parallel(p, f, &t, argc - optind > 1, jobs, replace, nreplace, on_error,
		                   unbuffered, o.tee_dir);
	free(replace);
	if (!rc) {
		o.from = (size_t)f;
		o.to = (size_t)t;
		o.files = argv + optind + 1;
		o.nfiles = (size_t)(argc - optind - 1);
		rc = zeef_run(p, &o);
	}
	zeef_pipeline_free(p);
	return rc;
}

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int quiet = 0, c, worst = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:qh", opts, NULL)) != -1) {
		if (c == 'q')
			quiet = 1;
		else if (c == 'h')
			return help();
		else
			return bad_option(c, argv);
	}
	if (optind >= argc)
		return usage_error("%s", "check: which pipeline?");
	for (int i = optind; i < argc; i++) {
		int rc;
		struct zeef_pipeline *p = open_pipeline(argv[i], &rc);
		if (p) {
			int missing = zeef_resolve_stages(p, stderr);
			int order = zeef_check_order(p, 0, p->nstages - 1, !quiet, stderr);
			rc = missing || order ? 65 : 0;
			if (!rc && !quiet)
				printf("%s: ok: %zu stage%s\n", zeef_esc(p->file), p->nstages,
				       p->nstages == 1 ? "" : "s");
		}
		if (rc && (!worst || rc == 66))
			worst = rc;
		zeef_pipeline_free(p);
	}
	return flush_stdout(worst);
}

static int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "parallel", optional_argument, NULL, OPT_PARALLEL },
		{ "block", required_argument, NULL, OPT_BLOCK },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int jobs = 0, c;
	const char *block = NULL;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		if (c == OPT_PARALLEL) {
			if ((jobs = parallel_jobs(optarg)) < 0)
				return usage_error("--parallel takes a number of jobs, not '%s'", optarg);
		} else if (c == OPT_BLOCK) {
			if (!zeef_block_size_ok(optarg))
				return usage_error("--block takes a size such as 10M (digits, then k, M or G), "
				                   "not '%s'", optarg);
			block = optarg;
		} else if (c == 'h')
			return help();
		else
			return bad_option(c, argv);
	}
	if (optind >= argc)
		return usage_error("%s", "show: which pipeline?");
	int rc;
	struct zeef_pipeline *p = open_pipeline(argv[optind], &rc);
	if (!p)
		return rc;
	if (!jobs && argc - optind > 1 && p->stages[0].workers > 1) {
		/* as zeef run refuses it: workers read records from a pipe */
		fprintf(stderr, "zeef: stage '%s' has workers: %d but reads the FILE arguments; "
		        "put a stage before it, or give records on stdin\n", zeef_esc(p->stages[0].name),
		        p->stages[0].workers);
		zeef_pipeline_free(p);
		return 64;
	}
	FILE *quiet = fopen("/dev/null", "w");
	zeef_resolve_stages(p, quiet ? quiet : stderr);   /* show what it can */
	if (quiet)
		fclose(quiet);
	zeef_show(stdout, p, argv[optind], argv + optind + 1, (size_t)(argc - optind - 1), jobs,
	          block);
	zeef_pipeline_free(p);
	return flush_stdout(0);
}

static int cmd_score(int argc, char **argv)
{
	static const struct {
		const char *kind;
		int (*fn)(int, char **);
	} kinds[] = {
		{ "sentences", score_sentences },
		{ "entities", score_entities },
		{ "quotes", score_quotes },
		{ "summary", score_summary },
	};
	if (argc < 2)
		return usage_error("%s", "score: which KIND? sentences, entities, quotes or summary");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs("Usage: zeef score KIND [OPTION]... GOLD PRED\n"
		      "Score a stage's records against gold data. KIND is sentences, entities,\n"
		      "quotes or summary; `zeef score KIND --help` tells what each reads.\n", stdout);
		return flush_stdout(0);
	}
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(argv[1], kinds[i].kind)) {
			optind = 1;
			return kinds[i].fn(argc - 1, argv + 1);
		}
	return usage_error("score: no KIND '%s' (sentences, entities, quotes, summary)", argv[1]);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "which command? run, check, show, list, score, render or shard");
	const char *cmd = argv[1];
	zeef_hold_stdout();
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help"))
		return help();
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version"))
		return version();
	/* getopt in each command sees "zeef CMD ..." as its own argv, and
	 * names it so in its messages */
	optind = 1;
	static char run_name[] = "zeef run", check_name[] = "zeef check", show_name[] = "zeef show";
	if (!strcmp(cmd, "run"))
		argv[1] = run_name;
	else if (!strcmp(cmd, "check"))
		argv[1] = check_name;
	else if (!strcmp(cmd, "show"))
		argv[1] = show_name;
	if (argv[1] == run_name)
		return cmd_run(argc - 1, argv + 1);
	if (argv[1] == check_name)
		return cmd_check(argc - 1, argv + 1);
	if (argv[1] == show_name)
		return cmd_show(argc - 1, argv + 1);
	if (!strcmp(cmd, "list")) {
		if (argc > 2)
			return !strcmp(argv[2], "--help") || !strcmp(argv[2], "-h") ? help()
			       : usage_error("list takes no arguments: '%s'", argv[2]);
		zeef_list(stdout);
		return flush_stdout(0);
	}
	if (!strcmp(cmd, "score"))
		return cmd_score(argc - 1, argv + 1);
	if (!strcmp(cmd, "render"))
		return render_main(argc - 1, argv + 1);
	if (!strcmp(cmd, "shard"))
		return shard_main(argc - 1, argv + 1);
	return usage_error("no command '%s' (run, check, show, list, score, render, shard)", cmd);
}
