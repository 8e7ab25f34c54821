#include "cxx_text.h"

#include "xalloc.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

void cxx_text_append(const char *bytes, size_t begin, size_t end, strbuf *out) {
  for (size_t i = begin; i < end; i++) {
    if (bytes[i] == '\\') {
      size_t next = i + 1;
      if (next < end && bytes[next] == '\r')
        next++;
      if (next < end && bytes[next] == '\n') {
        i = next;
        continue;
      }
    }
    strbuf_append_char(out, bytes[i]);
  }
}

// Where c (the first byte of a needle) next is in bytes[from, end), in either
// case when any_case; NULL when nowhere. memchr is far faster than a loop
// over the bytes, so any case looks for both forms.
static const char *cxx_text__next_first(const char *bytes, size_t from, size_t end, char c,
                                        bool any_case) {
  const char *hit = memchr(bytes + from, c, end - from);
  if (!any_case)
    return hit;
  char other = c >= 'a' && c <= 'z'   ? (char)(c - 'a' + 'A')
               : c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a')
                                      : c;
  if (other == c)
    return hit;
  size_t until = hit ? (size_t)(hit - bytes) : end;
  const char *other_hit = memchr(bytes + from, other, until - from);
  return other_hit ? other_hit : hit;
}

size_t cxx_text_find(const char *bytes, size_t length, size_t from, const char *needle,
                     bool any_case) {
  size_t size = strlen(needle);
  if (size == 0 || size > length || from > length - size)
    return SIZE_MAX;
  size_t end = length - size + 1; // a match starts before this
  for (size_t i = from; i < end; i++) {
    const char *hit = cxx_text__next_first(bytes, i, end, needle[0], any_case);
    if (!hit)
      return SIZE_MAX;
    i = (size_t)(hit - bytes);
    if (any_case ? strncasecmp(hit, needle, size) == 0 : memcmp(hit, needle, size) == 0)
      return i;
  }
  return SIZE_MAX;
}

void cxx_lines_init(cxx_lines *self, const char *bytes, size_t length) {
  *self = (cxx_lines){.bytes = bytes, .length = length};
}

void cxx_lines_release(cxx_lines *self) {
  free(self->starts);
  self->starts = NULL;
  self->count = 0;
}

static void cxx_lines__index(cxx_lines *self) {
  size_t capacity = 0;
  XGROW(self->starts, capacity, 1);
  self->starts[self->count++] = 0;
  for (const char *at = self->bytes, *end = self->bytes + self->length;
       (at = memchr(at, '\n', (size_t)(end - at))) != NULL; at++) {
    XGROW(self->starts, capacity, self->count + 1);
    self->starts[self->count++] = (size_t)(at - self->bytes) + 1;
  }
}

uint32_t cxx_lines_line(cxx_lines *self, size_t offset) {
  if (!self->starts)
    cxx_lines__index(self);
  // The last line that starts at or before offset.
  size_t low = 0, high = self->count;
  while (high - low > 1) {
    size_t middle = low + (high - low) / 2;
    if (self->starts[middle] <= offset)
      low = middle;
    else
      high = middle;
  }
  return (uint32_t)(low + 1);
}

size_t cxx_lines_start(cxx_lines *self, uint32_t line) {
  if (!self->starts)
    cxx_lines__index(self);
  return line >= 1 && line <= self->count ? self->starts[line - 1] : self->length;
}
