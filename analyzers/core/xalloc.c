#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void xalloc__die(size_t size) {
  fprintf(stderr, "strata: out of memory allocating %zu bytes\n", size);
  abort();
}

void *xmalloc(size_t size) {
  void *ptr = malloc(size ? size : 1);
  if (!ptr)
    xalloc__die(size);
  return ptr;
}

void *xcalloc(size_t count, size_t size) {
  void *ptr = calloc(count ? count : 1, size ? size : 1);
  if (!ptr)
    xalloc__die(count * size);
  return ptr;
}

void *xrealloc(void *ptr, size_t size) {
  void *grown = realloc(ptr, size ? size : 1);
  if (!grown)
    xalloc__die(size);
  return grown;
}

char *xstrdup(const char *text) {
  return text ? xstrndup(text, strlen(text)) : NULL;
}

char *xstrndup(const char *text, size_t length) {
  char *copy = xmalloc(length + 1);
  memcpy(copy, text, length);
  copy[length] = '\0';
  return copy;
}

char *xvasprintf(const char *format, va_list args) {
  va_list again;
  va_copy(again, args);
  int length = vsnprintf(NULL, 0, format, args);
  if (length < 0)
    length = 0;
  char *text = xmalloc((size_t)length + 1);
  vsnprintf(text, (size_t)length + 1, format, again);
  va_end(again);
  return text;
}

char *xasprintf(const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *text = xvasprintf(format, args);
  va_end(args);
  return text;
}

void xgrow(void **items, size_t *capacity, size_t needed, size_t item_size) {
  if (needed <= *capacity)
    return;
  size_t grown = *capacity ? *capacity * 2 : 8;
  while (grown < needed)
    grown *= 2;
  *items = xrealloc(*items, grown * item_size);
  *capacity = grown;
}
