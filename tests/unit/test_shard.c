/* Unit tests for pipelines/zeef/shard_plan.c and shard_task.c: the hash,
 * the cut on line boundaries, a plan made again after a fix, records and
 * corpus lines, messages, the plan file and the shards' state. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check_main.h"
#include "../../pipelines/zeef/shard.h"

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/zeef-test-shard.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void remove_dir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Write S to DIR/NAME; returns a descriptor open for reading. */
static int corpus_file(const char *name, const char *s)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(s, f);
	ck_assert_int_eq(fclose(f), 0);
	int fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	return fd;
}

static uint64_t hash_of(const char *s, size_t len)
{
	struct shard_hash sh;
	shard_hash_init(&sh);
	shard_hash_add(&sh, s, len);
	return shard_hash_end(&sh);
}

START_TEST(hash_does_not_depend_on_how_the_bytes_come)
{
	char text[301];
	for (int i = 0; i < 300; i++)
		text[i] = (char)('a' + (i * 7) % 26);
	text[300] = '\0';
	uint64_t whole = hash_of(text, 300);
	for (size_t step = 1; step <= 13; step++) {
		struct shard_hash sh;
		shard_hash_init(&sh);
		for (size_t at = 0; at < 300; at += step)
			shard_hash_add(&sh, text + at, at + step > 300 ? 300 - at : step);
		ck_assert_uint_eq(shard_hash_end(&sh), whole);
	}
	text[150] ^= 1;
	ck_assert_uint_ne(hash_of(text, 300), whole);
	/* a length the tail cannot hide: "a" and "a\0" differ */
	ck_assert_uint_ne(hash_of("a", 1), hash_of("a\0", 2));
}
END_TEST

static const char corpus_text[] =
	"{\"id\":\"a\",\"text\":\"een\"}\n"
	"{\"id\":\"b\",\"text\":\"twee\"}\r\n"
	"\n"
	"{\"id\":\"c\",\"text\":\"drie\"}\n"
	"   \n"
	"{\"id\":\"d\",\"text\":\"vier\"}\n"
	"{\"id\":\"e\",\"text\":\"vijf\"}\n"
	"{\"id\":\"f\",\"text\":\"zes zonder regeleinde\"}";

static void plan_for(struct shard_plan *p, size_t len, uint64_t shards)
{
	memset(p, 0, sizeof *p);
	p->corpus = strdup("/data/news.jsonl");
	p->pipeline = strdup("/p/nl-news.yaml");
	p->cut_shards = shards;
	p->corpus_bytes = len;
}

/* Every byte in exactly one shard, every shard starting a line, lines and
 * hashes as the bytes say. */
static void check_cut(const struct shard_plan *p, const char *text)
{
	uint64_t line = 1;
	ck_assert_uint_eq(p->shards[0].start, 0);
	for (size_t k = 0; k < p->nshards; k++) {
		const struct shard *s = &p->shards[k];
		if (k)
			ck_assert_uint_eq(s->start, p->shards[k - 1].end);
		if (s->start)
			ck_assert_int_eq(text[s->start - 1], '\n');
		ck_assert_uint_eq(s->first_line, line);
		uint64_t lines = 0;
		for (uint64_t i = s->start; i < s->end; i++)
			lines += text[i] == '\n' || (i + 1 == s->end && i + 1 == strlen(text));
		ck_assert_uint_eq(s->nlines, lines);
		ck_assert_uint_eq(s->hash, hash_of(text + s->start, (size_t)(s->end - s->start)));
		line += lines;
	}
	ck_assert_uint_eq(p->shards[p->nshards - 1].end, strlen(text));
}

START_TEST(cut_on_line_boundaries)
{
	make_dir();
	int fd = corpus_file("c.jsonl", corpus_text);
	struct shard_plan p;
	plan_for(&p, strlen(corpus_text), 3);
	ck_assert_int_eq(shard_cut(&p, fd, NULL, 0), 0);
	ck_assert_uint_eq(p.nshards, 3);
	check_cut(&p, corpus_text);
	ck_assert_uint_eq(p.shards[2].first_line + p.shards[2].nlines - 1, 8);   /* the last line */

	p.cut_shards = 50;   /* more shards than lines: one line each at most */
	ck_assert_int_eq(shard_cut(&p, fd, NULL, 0), 0);
	ck_assert_uint_le(p.nshards, 8);
	check_cut(&p, corpus_text);

	p.cut_shards = 0;    /* by size: shards of about 60 bytes */
	p.cut_bytes = 60;
	ck_assert_int_eq(shard_cut(&p, fd, NULL, 0), 0);
	ck_assert_uint_ge(p.nshards, 3);
	check_cut(&p, corpus_text);
	shard_plan_free(&p);
	close(fd);
	remove_dir();
}
END_TEST

START_TEST(a_plan_made_again_keeps_the_unchanged_shards)
{
	make_dir();
	int fd = corpus_file("c.jsonl", corpus_text);
	struct shard_plan before, after;
	plan_for(&before, strlen(corpus_text), 3);
	ck_assert_int_eq(shard_cut(&before, fd, NULL, 0), 0);
	close(fd);

	/* a record of the second shard gets longer: its bytes and every later
	 * offset change, the other shards' lines do not */
	char *fixed = malloc(sizeof corpus_text + 16);
	const char *at = corpus_text + before.shards[1].start;
	const char *q = strstr(at, "\"text\":\"") + 8;
	snprintf(fixed, sizeof corpus_text + 16, "%.*sLANGER %s", (int)(q - corpus_text), corpus_text, q);
	fd = corpus_file("c.jsonl", fixed);
	plan_for(&after, strlen(fixed), 3);
	ck_assert_int_eq(shard_cut(&after, fd, before.shards, before.nshards), 0);
	ck_assert_uint_eq(after.nshards, 3);
	check_cut(&after, fixed);
	for (size_t k = 0; k < 3; k++) {
		ck_assert_uint_eq(after.shards[k].first_line, before.shards[k].first_line);
		ck_assert_uint_eq(after.shards[k].nlines, before.shards[k].nlines);
	}
	ck_assert_uint_eq(after.shards[0].hash, before.shards[0].hash);
	ck_assert_uint_ne(after.shards[1].hash, before.shards[1].hash);
	ck_assert_uint_eq(after.shards[2].hash, before.shards[2].hash);
	ck_assert_uint_eq(after.shards[2].start, before.shards[2].start + 7);
	close(fd);

	/* the corpus lost its last lines: the count of shards stays, the last
	 * ones are empty */
	fd = corpus_file("c.jsonl", "{\"id\":\"a\",\"text\":\"een\"}\n");
	after.corpus_bytes = 25;
	ck_assert_int_eq(shard_cut(&after, fd, before.shards, before.nshards), 0);
	ck_assert_uint_eq(after.nshards, 3);
	ck_assert_uint_eq(after.shards[2].start, after.shards[2].end);
	ck_assert_uint_eq(after.shards[2].nlines, 0);
	close(fd);
	free(fixed);
	shard_plan_free(&before);
	shard_plan_free(&after);
	remove_dir();
}
END_TEST

START_TEST(records_map_to_corpus_lines)
{
	make_dir();
	int fd = corpus_file("c.jsonl", corpus_text);
	struct shard whole = { .start = 0, .end = strlen(corpus_text), .first_line = 1, .nlines = 8 };
	struct shard_cursor c = { 0 };
	char *id;
	/* records: a=1 b=2 (blank 3) c=4 (blank 5) d=6 e=7 f=8 */
	static const uint64_t line_of[] = { 0, 1, 2, 4, 6, 7, 8 };
	static const char *const ids[] = { NULL, "a", "b", "c", "d", "e", "f" };
	for (uint64_t r = 1; r <= 6; r++) {
		ck_assert_uint_eq(shard_line_of_record(fd, &whole, &c, r, &id), line_of[r]);
		ck_assert_str_eq(id, ids[r]);
		free(id);
	}
	ck_assert_uint_eq(shard_line_of_record(fd, &whole, &c, 7, &id), 0);   /* past the end */
	ck_assert_ptr_null(id);
	ck_assert_uint_eq(shard_line_of_record(fd, &whole, &c, 3, NULL), 4);   /* going back */

	/* a shard that starts at the blank line 3: its record 2 is line 6 */
	const char *l3 = strstr(corpus_text, "\n\n") + 1;
	struct shard mid = { .start = (uint64_t)(l3 - corpus_text), .end = strlen(corpus_text),
	                     .first_line = 3, .nlines = 6 };
	c = (struct shard_cursor){ 0 };
	ck_assert_uint_eq(shard_line_of_record(fd, &mid, &c, 2, &id), 6);
	ck_assert_str_eq(id, "d");
	free(id);
	close(fd);
	remove_dir();
}
END_TEST

static uint64_t record_line_times_ten(void *ctx, uint64_t n)
{
	(void)ctx;
	return n * 10;
}

static char *relabel(const char *line)
{
	static char first[] = "[normalize] ", second[] = "[split-sentences] ";
	char *labels[] = { first, second };
	return shard_relabel(line, strlen(line), labels, 2, "/data/news.jsonl", 501,
	                     record_line_times_ten, NULL);
}

START_TEST(messages_name_corpus_lines)
{
	char *s = relabel("[normalize] normalize: <stdin>:17: id=x: \"text\" is not a string\n");
	ck_assert_str_eq(s, "[normalize] normalize: /data/news.jsonl:517: id=x: \"text\" is not a string\n");
	free(s);
	s = relabel("[split-sentences] split-sentences: <stdin>:4: bad\n");   /* record 4 */
	ck_assert_str_eq(s, "[split-sentences] split-sentences: /data/news.jsonl:40: bad\n");
	free(s);
	s = relabel("zeef: stage 'split-sentences' worker 2: its <stdin>:3 is input record 7\n");
	ck_assert_str_eq(s, "zeef: stage 'split-sentences' worker 2: its <stdin>:3 is input record 7"
	                 " (/data/news.jsonl:70)\n");
	free(s);
	/* left as they are: a worker's own lines, other programs' text, lines
	 * without a line number */
	ck_assert_ptr_null(relabel("[split-sentences:2] split-sentences: <stdin>:3: bad\n"));
	ck_assert_ptr_null(relabel("zeef: stage 'normalize' (1 of 5) exited with status 65\n"));
	ck_assert_ptr_null(relabel("[normalize] normalize: <stdin>: read error\n"));
	ck_assert_ptr_null(relabel("[other] <stdin>:3: x\n"));
}
END_TEST

START_TEST(plan_file_and_shard_state)
{
	make_dir();
	int fd = corpus_file("c.jsonl", corpus_text);
	struct shard_plan p, back;
	plan_for(&p, strlen(corpus_text), 4);
	p.options = calloc(2, sizeof *p.options);
	p.options[p.noptions++] = strdup("--from=split-sentences");
	p.pipeline_hash = 0xabc;
	p.mtime_s = 1700000000;
	p.mtime_ns = 5;
	ck_assert_int_eq(shard_cut(&p, fd, NULL, 0), 0);
	close(fd);
	ck_assert_int_eq(shard_plan_write(&p, dir), 0);
	ck_assert_int_eq(shard_plan_read(dir, &back, stderr), 0);
	ck_assert_str_eq(back.corpus, p.corpus);
	ck_assert_str_eq(back.options[0], "--from=split-sentences");
	ck_assert_uint_eq(back.nshards, p.nshards);
	ck_assert_uint_eq(back.shards[3].hash, p.shards[3].hash);
	ck_assert_int_eq(back.mtime_ns, 5);
	ck_assert_uint_eq(shard_plan_key(&back), shard_plan_key(&p));
	free(back.options[0]);
	back.options[0] = strdup("--from=normalize");   /* other options: another plan */
	ck_assert_uint_ne(shard_plan_key(&back), shard_plan_key(&p));
	shard_plan_free(&back);

	char sub[128], key[160], text[256];
	for (const char *s = "out\0done\0failed\0"; *s; s += strlen(s) + 1) {
		snprintf(sub, sizeof sub, "%s/%s", dir, s);
		ck_assert_int_eq(mkdir(sub, 0777), 0);
	}
	/* shard 1 done, 2 failed, 3 with a marker of another plan, 4 with an
	 * output shorter than its marker says */
	snprintf(sub, sizeof sub, "%s/out", dir);
	ck_assert_int_eq(shard_write_atomic(sub, "1.jsonl", "{}\n", 3), 0);
	ck_assert_int_eq(shard_write_atomic(sub, "4.jsonl", "{}\n", 3), 0);
	snprintf(sub, sizeof sub, "%s/done", dir);
	shard_key_line(&p, 0, key, sizeof key);
	snprintf(text, sizeof text, "%sout-bytes 3\n", key);
	ck_assert_int_eq(shard_write_atomic(sub, "1", text, strlen(text)), 0);
	ck_assert_int_eq(shard_write_atomic(sub, "3", "3 1 1 0000000000000000 0000000000000000\nout-bytes 0\n", 51), 0);
	shard_key_line(&p, 3, key, sizeof key);
	snprintf(text, sizeof text, "%sout-bytes 99\n", key);
	ck_assert_int_eq(shard_write_atomic(sub, "4", text, strlen(text)), 0);
	snprintf(sub, sizeof sub, "%s/failed", dir);
	shard_key_line(&p, 1, key, sizeof key);
	snprintf(text, sizeof text, "%szeef shard: why\n", key);
	ck_assert_int_eq(shard_write_atomic(sub, "2", text, strlen(text)), 0);

	char *note;
	uint64_t bytes = 0;
	ck_assert_int_eq(shard_state(dir, &p, 0, &note, &bytes), SHARD_DONE);
	ck_assert_uint_eq(bytes, 3);
	ck_assert_int_eq(shard_state(dir, &p, 1, &note, NULL), SHARD_FAILED);
	ck_assert_str_eq(note, "zeef shard: why\n");
	free(note);
	ck_assert_int_eq(shard_state(dir, &p, 2, NULL, NULL), SHARD_TODO);
	ck_assert_int_eq(shard_state(dir, &p, 3, NULL, NULL), SHARD_TODO);
	char *todo = shard_todo_list(dir, &p);
	ck_assert_str_eq(todo, "2-4");
	free(todo);

	snprintf(text, sizeof text, "%s/plan", dir);   /* not a plan */
	FILE *f = fopen(text, "w");
	fputs("zeef shard plan 1\ncorpus /x\nshard 2 0 1 1 1 0\n", f);
	fclose(f);
	FILE *quiet = fopen("/dev/null", "w");
	ck_assert_int_eq(shard_plan_read(dir, &back, quiet), 65);
	fclose(quiet);
	shard_plan_free(&p);
	remove_dir();
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("shard");
	tcase_add_test(tc, hash_does_not_depend_on_how_the_bytes_come);
	tcase_add_test(tc, cut_on_line_boundaries);
	tcase_add_test(tc, a_plan_made_again_keeps_the_unchanged_shards);
	tcase_add_test(tc, records_map_to_corpus_lines);
	tcase_add_test(tc, messages_name_corpus_lines);
	tcase_add_test(tc, plan_file_and_shard_state);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
