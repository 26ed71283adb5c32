/* output.h — zeef's own standard output (help, reports, show, list): a
 * failed write is an error with a message, never a silent exit status.
 *
 * stdio forgets the errno of a write that fails while its buffer fills, so
 * what zeef prints is held in one buffer (256 KiB; not when stdout is a
 * terminal) and written at zeef_flush_stdout, where the error is seen.
 */
#ifndef ZEEF_OUTPUT_H
#define ZEEF_OUTPUT_H

/* Hold stdout back until zeef_flush_stdout; call before printing. */
void zeef_hold_stdout(void);

/* Flush stdout. Returns RC, or 74 after "PROG: write error: REASON" on
 * stderr when a write failed (`zeef list > /dev/full`: "zeef: write error:
 * No space left on device"). */
int zeef_flush_stdout(const char *prog, int rc);

#endif
