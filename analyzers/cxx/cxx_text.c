#include "cxx_text.h"

#include "source.h"
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

// Where a letter c next is in bytes[from, end), in either case; NULL when
// nowhere. memchr for each case is far faster than a loop over the bytes.
static const char *cxx_text__next_either_case(const char *bytes, size_t from, size_t end, char c) {
  const char *hit = memchr(bytes + from, c, end - from);
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
  if (!any_case)
    return source_find(bytes, length, from, needle, size);
  if (size == 0 || size > length)
    return SIZE_MAX;
  size_t end = length - size + 1; // a match starts before this
  for (size_t i = from; i < end; i++) {
    const char *hit = cxx_text__next_either_case(bytes, i, end, needle[0]);
    if (!hit)
      return SIZE_MAX;
    i = (size_t)(hit - bytes);
    if (strncasecmp(hit, needle, size) == 0)
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

bool cxx_text_is_identifier_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c >= 0x80;
}
