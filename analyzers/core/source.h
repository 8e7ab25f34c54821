// The bytes of one file of the tree, read and vetted before a front end sees
// them, so that every front end gets the same guarantees: the text is in
// memory, NUL-terminated, not binary, not over the size limit.
#ifndef STRATA_SOURCE_H
#define STRATA_SOURCE_H

#include "facts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct source_text {
  const char *path;          // relative to the analyzed root, '/'-separated
  const char *absolute_path; // as given to open(2)
  strata_language language;
  const char *bytes; // NUL-terminated; may hold invalid UTF-8 (see valid_utf8)
  size_t length;
  bool valid_utf8;
} source_text;

typedef enum source_status {
  SOURCE_OK,
  SOURCE_UNREADABLE, // open or read failed; errno_value says why
  SOURCE_TOO_LARGE,  // over the limit; not read
  SOURCE_BINARY,     // holds a NUL byte
} source_status;

typedef struct source_buffer {
  char *bytes;
  size_t length;
  int errno_value;
  size_t first_invalid_utf8; // byte offset, or SIZE_MAX when the text is valid
} source_buffer;

// Reads absolute_path into buffer (the caller releases it with
// source_buffer_release) unless it is larger than max_bytes.
source_status source_read(const char *absolute_path, size_t max_bytes, source_buffer *buffer);
void source_buffer_release(source_buffer *buffer);

// Byte offset of the first invalid UTF-8 sequence, or SIZE_MAX.
size_t utf8_first_invalid(const char *bytes, size_t length);

// 1-based column in Unicode code points of byte_offset, counting from
// line_start (the byte offset where its line begins).
uint32_t source_column(const char *bytes, size_t line_start, size_t byte_offset);

// Columns of many offsets of one text: each is counted on from the offset
// asked for before it when both are on the same line and it comes later, so
// a line of n sites costs its length once, not n times. Offsets asked for
// out of order cost their distance from the line's start, as source_column.
typedef struct source_columns {
  const char *bytes;
  size_t line_start; // of the last offset asked for; SIZE_MAX before the first
  size_t offset;
  uint32_t column;
} source_columns;

void source_columns_init(source_columns *self, const char *bytes);
// The 1-based column in code points of byte_offset, whose line begins at
// line_start (as source_column).
uint32_t source_columns_at(source_columns *self, size_t line_start, size_t byte_offset);

// 1-based line of byte_offset.
uint32_t source_line_of(const char *bytes, size_t byte_offset);

// The offset of the first word (of word_length > 0 bytes) in bytes[from,
// length), or SIZE_MAX. memchr finds the candidates (memmem is not in C17 or
// POSIX), so it is fast where the word's first byte is rare.
size_t source_find(const char *bytes, size_t length, size_t from, const char *word,
                   size_t word_length);

#endif
