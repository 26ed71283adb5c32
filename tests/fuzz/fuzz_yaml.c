/* fuzz_yaml.c — libFuzzer harness for the pipeline loader
 * (zeef_pipeline_parse): any bytes are either a pipeline or refused with
 * messages, never a crash or a leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "pipeline.h"

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	struct zeef_pipeline *p = zeef_pipeline_parse("fuzz.yaml", (const char *)data, size, devnull);
	if (p) {
		if (p->nstages == 0)
			abort();
		zeef_pipeline_free(p);
	}
	return 0;
}
