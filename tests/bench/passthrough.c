/* passthrough — the bench's reference stage: every record is read,
 * validated and written back unchanged, through the same loop as every
 * filter. What a filter costs is its time minus this one's. */
#include "filter.h"

static int keep(struct record *r)
{
	(void)r;
	return 0;
}

static const struct filter_spec spec = {
	.name = "passthrough",
	.purpose = "Read records and write them back unchanged (the bench's reference).",
	.requires = "text",
	.record = keep,
};

int main(int argc, char **argv)
{
	return filter_main(&spec, argc, argv);
}
