#include "python_hits.h"

#include "source.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void python_hits_init(python_hits *self) {
  memset(self, 0, sizeof(*self));
}

void python_hits_release(python_hits *self) {
  free(self->offsets);
  memset(self, 0, sizeof(*self));
}

void python_hits_clear(python_hits *self) {
  self->count = 0;
}

void python_hits_add_word(python_hits *self, const char *bytes, size_t length, const char *word,
                          size_t word_length) {
  size_t at = 0;
  while ((at = source_find(bytes, length, at, word, word_length)) != SIZE_MAX) {
    XGROW(self->offsets, self->capacity, self->count + 1);
    self->offsets[self->count++] = (uint32_t)at;
    at += word_length;
  }
}

static int python_hits__compare(const void *a, const void *b) {
  uint32_t left = *(const uint32_t *)a, right = *(const uint32_t *)b;
  return left < right ? -1 : left > right;
}

void python_hits_sort(python_hits *self) {
  qsort(self->offsets, self->count, sizeof(uint32_t), python_hits__compare);
}

bool python_hits_within(const python_hits *self, uint32_t start, uint32_t end) {
  size_t low = 0, high = self->count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (self->offsets[middle] < start)
      low = middle + 1;
    else
      high = middle;
  }
  return low < self->count && self->offsets[low] < end;
}
