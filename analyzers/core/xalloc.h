// Allocation that cannot fail quietly: strata aborts with a message when memory
// runs out, rather than threading ENOMEM through every caller.
#ifndef STRATA_XALLOC_H
#define STRATA_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
// Returns a copy the caller frees; xstrdup(NULL) is NULL.
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t length);
// printf into a new string the caller frees.
char *xasprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));
// The same with a va_list, which it leaves for the caller to end.
char *xvasprintf(const char *format, va_list args) __attribute__((format(printf, 1, 0)));

// Grows *items (of *capacity elements of item_size) so that it holds at least
// `needed` elements.
void xgrow(void **items, size_t *capacity, size_t needed, size_t item_size);
#define XGROW(items, capacity, needed)                                                             \
  xgrow((void **)&(items), &(capacity), (needed), sizeof(*(items)))

#endif
