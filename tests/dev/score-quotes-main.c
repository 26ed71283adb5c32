/* score-quotes-main.c — dev only: `zeef score quotes` as a program of its
 * own, for tests/dev/eval-quotes.sh while bin/zeef is not built. */
#include "score.h"

int main(int argc, char **argv)
{
	return score_quotes(argc - 1, argv + 1);   /* argv[1] is the KIND, "quotes" */
}
