// Text of a C-family file the way the walks over its tokens need it: bytes
// with line splices taken out, and line numbers of byte offsets.
#ifndef STRATA_CXX_TEXT_H
#define STRATA_CXX_TEXT_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Appends bytes [begin, end) to out with backslash-newline splices taken
// out.
void cxx_text_append(const char *bytes, size_t begin, size_t end, strbuf *out);

// The offset of the first needle in bytes [from, length), ASCII letters
// compared in any case when any_case; SIZE_MAX when there is none.
size_t cxx_text_find(const char *bytes, size_t length, size_t from, const char *needle,
                     bool any_case);

// Whether c may be part of an identifier ('$' and any byte of a UTF-8
// sequence included, as clang takes them).
bool cxx_text_is_identifier_char(unsigned char c);

// The physical lines of a file, indexed when first asked.
typedef struct cxx_lines {
  const char *bytes;
  size_t length;
  size_t *starts; // offset where each line begins; NULL until indexed
  size_t count;
} cxx_lines;

void cxx_lines_init(cxx_lines *self, const char *bytes, size_t length);
void cxx_lines_release(cxx_lines *self);
// The 1-based line of offset.
uint32_t cxx_lines_line(cxx_lines *self, size_t offset);
// The offset where 1-based line begins.
size_t cxx_lines_start(cxx_lines *self, uint32_t line);

#endif
