/* output.c — zeef's standard output and its write errors (output.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

void zeef_hold_stdout(void)
{
	static char buf[1 << 18];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
}

int zeef_flush_stdout(const char *prog, int rc)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno ? errno : EIO));
	return 74;
}
