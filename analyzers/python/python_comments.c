#include "python_comments.h"

#include "python_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void python_comments_init(python_comments *self) {
  memset(self, 0, sizeof(*self));
}

void python_comments_release(python_comments *self) {
  free(self->items);
  memset(self, 0, sizeof(*self));
}

void python_comments_clear(python_comments *self) {
  self->count = 0;
}

static bool python_comments__blank(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

void python_comments_add(python_comments *self, TSNode node, const char *bytes) {
  TSPoint point = ts_node_start_point(node);
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  while (end > start && python_comments__blank(bytes[end - 1]))
    end--;
  uint32_t line_start = start - point.column;
  uint32_t text_start = line_start;
  if (line_start == 0 && start >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
    text_start = 3; // a byte order mark is no text
  bool own_line = true;
  for (uint32_t b = text_start; b < start; b++)
    if (!python_comments__blank(bytes[b]))
      own_line = false;
  XGROW(self->items, self->capacity, self->count + 1);
  python_comment *comment = &self->items[self->count++];
  comment->line = point.row + 1;
  comment->column = python_text_column(NULL, bytes, point, start); // one a line
  comment->start = start;
  comment->end = end;
  comment->own_line = own_line;
}

void python_comments_merge(python_comments *self, const python_comments *other) {
  if (other->count == 0)
    return;
  size_t total = self->count + other->count;
  XGROW(self->items, self->capacity, total);
  // From the back, so that nothing is overwritten before it is moved.
  size_t mine = self->count, theirs = other->count, to = total;
  while (theirs > 0) {
    if (mine > 0 && self->items[mine - 1].line > other->items[theirs - 1].line)
      self->items[--to] = self->items[--mine];
    else
      self->items[--to] = other->items[--theirs];
  }
  self->count = total;
}

void python_comments_drop_in_strings(python_comments *self, TSSymbol string,
                                     TSSymbol string_content, const TSTree *tree) {
  TSNode root = ts_tree_root_node(tree);
  size_t kept = 0;
  for (size_t i = 0; i < self->count; i++) {
    uint32_t start = self->items[i].start;
    TSNode node = ts_node_descendant_for_byte_range(root, start, start + 1);
    TSSymbol symbol = ts_node_symbol(node);
    if (symbol != string && symbol != string_content)
      self->items[kept++] = self->items[i];
  }
  self->count = kept;
}

// The index of the first comment on line or after it.
static size_t python_comments__lower_bound(const python_comments *self, uint32_t line) {
  size_t low = 0;
  size_t high = self->count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (self->items[middle].line < line)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

const python_comment *python_comments_on_line(const python_comments *self, uint32_t line) {
  size_t at = python_comments__lower_bound(self, line);
  return at < self->count && self->items[at].line == line ? &self->items[at] : NULL;
}

bool python_comments_around(const python_comments *self, uint32_t line, const char *bytes,
                            strbuf *out) {
  size_t at = python_comments__lower_bound(self, line);
  size_t first = at;
  uint32_t expected = line;
  while (first > 0 && self->items[first - 1].own_line &&
         self->items[first - 1].line + 1 == expected) {
    first--;
    expected--;
  }
  size_t last = at < self->count && self->items[at].line == line ? at + 1 : at;
  for (size_t i = first; i < last; i++) {
    if (i > first)
      strbuf_append_char(out, '\n');
    strbuf_append(out, bytes + self->items[i].start, self->items[i].end - self->items[i].start);
  }
  return last > first;
}
