/* render.h — `zeef render`: records to one self-contained HTML page.
 *
 * Reads Zeef records (JSON Lines) from FILE arguments or stdin and writes a
 * single HTML page (no network, no external assets) to stdout or -o FILE:
 * per document the text with its sentences, entities, quotes (speaker, cue)
 * and summary marked, a side panel of speakers and entities, and a filtered
 * list of all documents. Streams: memory is bounded by the largest record.
 */
#ifndef ZEEF_RENDER_H
#define ZEEF_RENDER_H

/* The `zeef render` command. ARGV[0] is "render"; returns the exit code
 * (0, 64 usage, 65 a record that is not a JSON object with a valid text,
 * 66 an input that cannot be opened, 74 a read or write error). */
int render_main(int argc, char **argv);

#endif
