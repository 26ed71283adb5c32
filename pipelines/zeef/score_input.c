/* score_input.c — the scorers' JSON Lines input (see score.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "esc.h"
#include "filter.h"
#include "score.h"

int score_open(struct score_input *in, const char *kind, const char *path)
{
	memset(in, 0, sizeof *in);
	in->kind = kind;
	in->path = path;
	in->fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
	if (in->fd < 0) {
		fprintf(stderr, "zeef score %s: %s: %s\n", kind, zeef_esc(path), strerror(errno));
		return EXIT_NOINPUT;
	}
	lines_init(&in->lr, in->fd, 0);
	return 0;
}

zjson *score_next(struct score_input *in, int *rc)
{
	char *line;
	size_t len, k;
	int r;

	*rc = 0;
	while ((r = lines_next(&in->lr, &line, &len)) != LINE_EOF) {
		if (r == LINE_ERROR || r == LINE_TOO_LONG) {
			fprintf(stderr, "zeef score %s: %s:%ld: %s\n", in->kind, zeef_esc(in->path), in->lr.line,
			        r == LINE_ERROR ? strerror(errno) : "line too long");
			*rc = r == LINE_ERROR ? EXIT_IOERR : EXIT_DATAERR;
			return NULL;
		}
		for (k = 0; k < len && (line[k] == ' ' || line[k] == '\t'); k++)
			;
		if (k == len)
			continue;
		zjson *o = zj_parse(line, len);
		if (zj_type(o) != ZJ_OBJECT) {
			fprintf(stderr, "zeef score %s: %s:%ld: not a JSON object\n",
			        in->kind, zeef_esc(in->path), in->lr.line);
			zj_free(o);
			*rc = EXIT_DATAERR;
			return NULL;
		}
		return o;
	}
	return NULL;
}

void score_close(struct score_input *in)
{
	lines_free(&in->lr);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
}
