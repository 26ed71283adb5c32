/* Unit tests for common/lines.c: line ends, limits, bounded memory. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"
#include "lines.h"

/* A reader over the LEN bytes at S, through a pipe filled by a child. */
static int feed(const char *s, size_t len)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	if (fork() == 0) {
		close(p[0]);
		while (len > 0) {
			ssize_t n = write(p[1], s, len > 4096 ? 4096 : len);
			if (n <= 0)
				_exit(1);
			s += n;
			len -= (size_t)n;
		}
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

START_TEST(line_ends)
{
	const char in[] = "one\r\ntwo\n\nlast";
	struct line_reader lr;
	char *line;
	size_t len;
	int fd = feed(in, sizeof in - 1);
	lines_init(&lr, fd, 0);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_str_eq(line, "one");
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_str_eq(line, "two");
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_str_eq(line, "last");
	ck_assert_int_eq(lr.line, 4);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_EOF);
	lines_free(&lr);
	close(fd);
}
END_TEST

START_TEST(too_long_lines_are_skipped_in_bounded_memory)
{
	size_t big = 3 << 20;
	char *in = malloc(big + 32);
	memset(in, 'x', big);
	memcpy(in + big, "\nshort\n", 7);
	struct line_reader lr;
	char *line;
	size_t len;
	int fd = feed(in, big + 7);
	lines_init(&lr, fd, 1000);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_TOO_LONG);
	ck_assert_int_eq(lr.line, 1);
	ck_assert_uint_lt(lr.cap, 1 << 20);      /* never held the 3 MB line */
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_str_eq(line, "short");
	ck_assert_int_eq(lr.line, 2);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_EOF);
	lines_free(&lr);
	close(fd);
	free(in);
}
END_TEST

START_TEST(limit_is_exact)
{
	const char in[] = "12345\n123456\r\n1234567";
	struct line_reader lr;
	char *line;
	size_t len;
	int fd = feed(in, sizeof in - 1);
	lines_init(&lr, fd, 6);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_OK);   /* \r not counted */
	ck_assert_str_eq(line, "123456");
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_TOO_LONG);
	ck_assert_int_eq(lines_next(&lr, &line, &len), LINE_EOF);
	lines_free(&lr);
	close(fd);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *tc = tcase_create("lines");
	tcase_add_test(tc, line_ends);
	tcase_add_test(tc, too_long_lines_are_skipped_in_bounded_memory);
	tcase_add_test(tc, limit_is_exact);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(make_suite)
