/* grow.h — growable arrays.
 *
 * grow_array makes the array *P (of *CAP elements of SIZE bytes) hold at
 * least NEED elements, doubling its capacity (from 16) so that appending
 * one element at a time costs amortised O(1). Elements already there are
 * kept. Returns 0, or -1 when out of memory or when the size would overflow;
 * then *P and *CAP are unchanged and still owned by the caller.
 */
#ifndef ZEEF_GROW_H
#define ZEEF_GROW_H

#include <stddef.h>

int grow_array(void **p, size_t *cap, size_t need, size_t size);

#endif
