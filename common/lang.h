/* lang.h — language data (word lists, rules, model weights).
 *
 * Everything under common/lang/ is compiled into every binary at build time
 * (common/tools/embed.c makes the table), so one binary is all a remote
 * worker needs. Names are paths relative to common/lang/, e.g.
 * "nl/abbreviations.txt". With `--data DIR` (lang_set_dir), a file
 * DIR/<name without its language folder> is read instead when it exists, so
 * a copy of common/lang/nl/ can be edited and tried without rebuilding.
 *
 * Word-list convention: UTF-8, one entry per line, `#` starts a comment line,
 * blank lines are ignored, surrounding spaces are trimmed.
 */
#ifndef ZEEF_LANG_H
#define ZEEF_LANG_H

#include <stddef.h>

/* Use DIR for overrides. Returns 0, or -1 when DIR is not a directory;
 * out of memory, it prints a message and exits 70. */
int lang_set_dir(const char *dir);

/* Contents of language file NAME and its length in bytes, or NULL when no
 * such file exists (embedded or in the --data DIR). The memory belongs to
 * this module and lives until exit; it is NUL-terminated. Reading an
 * override that exists but cannot be read prints a message and exits 66. */
const char *lang_file(const char *name, size_t *len_bytes);

/* The file of the --data DIR that language file NAME was read from, for
 * messages; NULL when NAME is the built-in one (or missing). */
const char *lang_file_origin(const char *name);

/* Call FN(line, len_bytes, ctx) for each entry of word list NAME (comments
 * and blank lines skipped, spaces trimmed). Returns the number of entries,
 * or -1 when the file does not exist. */
int lang_each_line(const char *name,
                   void (*fn)(const char *line, size_t len_bytes, void *ctx),
                   void *ctx);

/* A set of strings (exact bytes) loaded from a word list. */
struct wordset;

/* Load word list NAME into a new set; NULL when the file does not exist.
 * The set lives until wordset_free. */
struct wordset *wordset_load(const char *name);
/* Out of memory in wordset_new or wordset_add ends the program with
 * "NAME: out of memory" and exit 70: a NULL set always means a missing file. */
struct wordset *wordset_new(void);
void wordset_add(struct wordset *ws, const char *s, size_t len_bytes);
int wordset_has(const struct wordset *ws, const char *s, size_t len_bytes);
size_t wordset_size(const struct wordset *ws);
void wordset_free(struct wordset *ws);

#endif
