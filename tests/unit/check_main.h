/* check_main.h — the main() every unit-test program shares.
 *
 * A test file defines `static Suite *make_suite(void)` and ends with
 * CHECK_MAIN(make_suite). The program exits 0 only when every check passed. */
#ifndef ZEEF_CHECK_MAIN_H
#define ZEEF_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

#define CHECK_MAIN(make) \
	int main(void) \
	{ \
		SRunner *sr = srunner_create(make()); \
		srunner_run_all(sr, CK_NORMAL); \
		int failed = srunner_ntests_failed(sr); \
		srunner_free(sr); \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS; \
	}

#endif
