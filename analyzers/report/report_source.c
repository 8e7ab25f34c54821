#include "report_source.h"

#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// A file bigger than this is not shown: a finding's line is not worth it.
#define REPORT_SOURCE_MAX_BYTES ((size_t)16 * 1024 * 1024)

struct report_source {
  char *root;
  char *path; // the file held, as asked for; NULL when none
  bool readable;
  source_buffer buffer;
  size_t *line_starts; // line_starts[i]: the offset of line i + 1
  size_t line_count;
};

report_source *report_source_new(const char *root) {
  report_source *self = xcalloc(1, sizeof(report_source));
  self->root = root ? xstrdup(root) : NULL;
  return self;
}

static void report_source__drop(report_source *self) {
  if (self->readable)
    source_buffer_release(&self->buffer);
  free(self->path);
  free(self->line_starts);
  self->path = NULL;
  self->line_starts = NULL;
  self->line_count = 0;
  self->readable = false;
}

void report_source_delete(report_source *self) {
  if (!self)
    return;
  report_source__drop(self);
  free(self->root);
  free(self);
}

static bool report_source__load(report_source *self, const char *path) {
  if (self->path && strcmp(self->path, path) == 0)
    return self->readable;
  report_source__drop(self);
  self->path = xstrdup(path);
  char *absolute =
      path[0] == '/' || !self->root ? xstrdup(path) : xasprintf("%s/%s", self->root, path);
  self->readable = source_read(absolute, REPORT_SOURCE_MAX_BYTES, &self->buffer) == SOURCE_OK;
  free(absolute);
  if (!self->readable)
    return false;
  size_t capacity = 0;
  const char *bytes = self->buffer.bytes;
  size_t length = self->buffer.length;
  for (size_t start = 0; start <= length;) {
    XGROW(self->line_starts, capacity, self->line_count + 1);
    self->line_starts[self->line_count++] = start;
    const char *newline = memchr(bytes + start, '\n', length - start);
    if (!newline)
      break;
    start = (size_t)(newline - bytes) + 1;
  }
  return true;
}

const char *report_source_line(report_source *self, const char *path, uint32_t line,
                               size_t *length) {
  if (!path || line == 0 || !report_source__load(self, path) || line > self->line_count)
    return NULL;
  size_t start = self->line_starts[line - 1];
  size_t end = line < self->line_count ? self->line_starts[line] - 1 : self->buffer.length;
  if (line == self->line_count && start == end && line > 1)
    return NULL; // the empty "line" after a final newline
  if (end > start && self->buffer.bytes[end - 1] == '\r')
    end--;
  *length = end - start;
  return self->buffer.bytes + start;
}

size_t report_source_column_offset(const char *text, size_t length, uint32_t column) {
  size_t offset = 0;
  for (uint32_t seen = 1; seen < column && offset < length; seen++) {
    offset++;
    // A multi-byte character is one column, as for source_column.
    while (offset < length && ((unsigned char)text[offset] & 0xC0) == 0x80)
      offset++;
  }
  return offset;
}

char *report_source_region(report_source *self, const char *path, uint32_t line, uint32_t column,
                           uint32_t end_line, uint32_t end_column) {
  if (line == 0 || column == 0 || end_line < line || end_column == 0 ||
      (end_line == line && end_column <= column))
    return NULL;
  strbuf out;
  strbuf_init(&out);
  for (uint32_t at = line; at <= end_line; at++) {
    size_t length;
    const char *text = report_source_line(self, path, at, &length);
    if (!text) {
      strbuf_release(&out);
      return NULL;
    }
    size_t from = at == line ? report_source_column_offset(text, length, column) : 0;
    size_t to = at == end_line ? report_source_column_offset(text, length, end_column) : length;
    if (at > line)
      strbuf_append_char(&out, '\n');
    if (to > from)
      strbuf_append(&out, text + from, to - from);
  }
  return strbuf_detach(&out);
}
