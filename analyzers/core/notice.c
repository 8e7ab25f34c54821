#include "notice.h"

#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

notice_list *notice_list_new(void) {
  notice_list *self = xcalloc(1, sizeof(notice_list));
  self->seen = strmap_new();
  return self;
}

void notice_list_delete(notice_list *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    free(self->items[i].path);
    free(self->items[i].message);
  }
  free(self->items);
  for (size_t i = 0; i < self->seen_count; i++)
    free(self->seen_keys[i]);
  free(self->seen_keys);
  strmap_delete(self->seen);
  free(self);
}

static int notice__strcmp(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int notice__compare(const void *left, const void *right) {
  const notice *a = left, *b = right;
  int order = notice__strcmp(a->path, b->path);
  if (order)
    return order;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  return strcmp(a->message, b->message);
}

void notice_list_add(notice_list *self, const char *path, uint32_t line, uint32_t column,
                     const char *message) {
  // The key spells every field, with a NUL byte between them; a path of
  // NULL (the run as a whole) is told apart from "" by its first byte.
  strbuf key;
  strbuf_init(&key);
  strbuf_append_char(&key, path ? 'p' : '-');
  strbuf_append_str(&key, path ? path : "");
  strbuf_append_char(&key, '\0');
  strbuf_printf(&key, "%u:%u", line, column);
  strbuf_append_char(&key, '\0');
  strbuf_append_str(&key, message);
  size_t key_length = key.length;
  uint32_t unused;
  if (strmap_get(self->seen, key.data, key_length, &unused)) {
    strbuf_release(&key);
    return;
  }
  XGROW(self->seen_keys, self->seen_capacity, self->seen_count + 1);
  char *kept = strbuf_detach(&key);
  self->seen_keys[self->seen_count++] = kept;
  strmap_put(self->seen, kept, key_length, 0);
  XGROW(self->items, self->capacity, self->count + 1);
  notice *added = &self->items[self->count++];
  added->path = xstrdup(path);
  added->line = line;
  added->column = column;
  added->message = xstrdup(message);
}

void notice_list_sort(notice_list *self) {
  if (self->count > 1)
    qsort(self->items, self->count, sizeof(notice), notice__compare);
}
