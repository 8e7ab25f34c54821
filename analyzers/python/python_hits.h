// Where words start in a file's text, sorted, and whether a range of bytes
// holds one. The walks over a tree go only into nodes whose bytes hold a
// word that what they look for must spell: a subtree without one holds
// nothing for them, and skipping it leaves the facts the same.
#ifndef STRATA_PYTHON_HITS_H
#define STRATA_PYTHON_HITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct python_hits {
  uint32_t *offsets; // sorted once python_hits_sort has run
  size_t count;
  size_t capacity;
} python_hits;

void python_hits_init(python_hits *self);
void python_hits_release(python_hits *self);
void python_hits_clear(python_hits *self);

// Records every offset in bytes[0, length) where word (of word_length > 0
// bytes) starts; occurrences do not overlap.
void python_hits_add_word(python_hits *self, const char *bytes, size_t length, const char *word,
                          size_t word_length);
// Sorts what was added; python_hits_within needs it.
void python_hits_sort(python_hits *self);

// Whether a word starts in [start, end).
bool python_hits_within(const python_hits *self, uint32_t start, uint32_t end);

#endif
