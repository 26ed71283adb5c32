/* normalize_impl.h — internals shared by the files of the normalize module
 * (not for other modules). Lengths are bytes. */
#ifndef ZEEF_NORMALIZE_IMPL_H
#define ZEEF_NORMALIZE_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include "lang.h"
#include "normalize.h"

/* A growable byte buffer; p is NUL-terminated after every append. */
struct nbuf {
	char *p;
	size_t len, cap;
};

/* Output of a pass that copies most of its input unchanged: while nothing
 * has changed it only counts how much of SRC it would have copied (`same`),
 * so an already clean text costs no copy at all. */
struct nout {
	const char *src;
	size_t same;      /* output == src[0, same) while !copied */
	int copied;       /* output is in buf */
	struct nbuf *buf;
};

int normalize_nb_reserve(struct nbuf *b, size_t extra);
void normalize_out_init(struct nout *o, const char *src, struct nbuf *buf);
/* Append N bytes at S (which may point into src). -1 when out of memory. */
int normalize_out_add(struct nout *o, const char *s, size_t n);
/* The output so far. */
const char *normalize_out_bytes(const struct nout *o, size_t *len);

struct normalize_entity {
	char name[32];
	unsigned char name_len, value_len;
	char value[8];
};

#define NORMALIZE_ENTITY_SLOTS 4096   /* power of two, > 2 x the entities */

struct normalizer {
	struct normalize_options opt;
	struct normalize_entity *entities;    /* open addressing, NULL if off */
	struct wordset *coordinators;         /* words after a suspended hyphen */
	struct nbuf markup[2], chars, layout;  /* each step's output */
	struct nbuf probe;                    /* one stretch */
	int32_t *cps, *cps2, *cps3;           /* one stretch: in, filtered, NFC */
	size_t cps_cap, cps2_cap, cps3_cap;
	struct nbuf utf8;                     /* one stretch re-encoded */
};

/* Step 1: HTML references (and tags with opt.html). Returns 0 or -1 (out of
 * memory); the result is in *out (which may be S itself). */
int normalize_markup(struct normalizer *n, const char *s, size_t len,
                     const char **out, size_t *out_len);
int normalize_load_entities(struct normalizer *n);

/* Step 2: the non-ASCII stretches. Same conventions. */
int normalize_chars(struct normalizer *n, const char *s, size_t len,
                    const char **out, size_t *out_len);

/* Windows-1252 byte of code point CP (C1 controls map to themselves, as in
 * Latin-1), or -1. */
int normalize_cp1252_byte(int32_t cp);
/* Code point of Windows-1252 byte B (>= 0x80); undefined bytes map to the C1
 * control of the same number. */
int32_t normalize_cp1252_char(unsigned char b);

#endif
