#include "notice.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

notice_list *notice_list_new(void) {
  return xcalloc(1, sizeof(notice_list));
}

void notice_list_delete(notice_list *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    free(self->items[i].path);
    free(self->items[i].message);
  }
  free(self->items);
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
  notice candidate = {(char *)path, line, column, (char *)message};
  for (size_t i = 0; i < self->count; i++)
    if (notice__compare(&self->items[i], &candidate) == 0)
      return;
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
