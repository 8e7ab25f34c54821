#include "finding.h"

#include "strmap.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

finding_list *finding_list_new(void) {
  return xcalloc(1, sizeof(finding_list));
}

static void finding__location_release(finding_location *location) {
  free(location->path);
  free(location->message);
}

static void finding__release(finding *item) {
  finding__location_release(&item->location);
  free(item->message);
  free(item->fingerprint);
  for (size_t r = 0; r < item->related_count; r++)
    finding__location_release(&item->related[r]);
  free(item->related);
  json_decref(item->properties);
  for (size_t n = 0; n < item->involved_count; n++)
    free(item->involved[n]);
  free(item->involved);
  free(item->summary);
}

void finding_list_delete(finding_list *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++)
    finding__release(&self->items[i]);
  free(self->items);
  free(self);
}

void finding_list_keep(finding_list *self, const bool *keep) {
  size_t kept = 0;
  for (size_t i = 0; i < self->count; i++) {
    if (!keep[i]) {
      finding__release(&self->items[i]);
      continue;
    }
    if (kept != i)
      self->items[kept] = self->items[i];
    kept++;
  }
  self->count = kept;
}

finding *finding_list_add(finding_list *self, const rule_doc *rule, const char *path, uint32_t line,
                          uint32_t column, const char *format, ...) {
  XGROW(self->items, self->capacity, self->count + 1);
  finding *item = &self->items[self->count++];
  memset(item, 0, sizeof(*item));
  item->rule = rule;
  item->level = rule->level;
  item->location.path = xstrdup(path);
  item->location.line = line;
  item->location.column = column;
  va_list args;
  va_start(args, format);
  char *message = xvasprintf(format, args);
  va_end(args);
  item->message = message;
  return item;
}

void finding_add_related(finding *self, const char *path, uint32_t line, uint32_t column,
                         const char *message) {
  self->related = xrealloc(self->related, (self->related_count + 1) * sizeof(*self->related));
  finding_location *location = &self->related[self->related_count++];
  location->path = xstrdup(path);
  location->line = line;
  location->column = column;
  location->message = xstrdup(message);
}

void finding_add_involved(finding *self, const char *path) {
  if (finding_involves(self, path))
    return;
  self->involved = xrealloc(self->involved, (self->involved_count + 1) * sizeof(char *));
  self->involved[self->involved_count++] = xstrdup(path);
}

bool finding_involves(const finding *self, const char *path) {
  for (size_t i = 0; i < self->involved_count; i++)
    if (strcmp(self->involved[i], path) == 0)
      return true;
  return false;
}

void finding_set_fingerprint(finding *self, const char *const *parts, size_t part_count) {
  XXH3_state_t *state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, self->rule->id, strlen(self->rule->id) + 1);
  for (size_t i = 0; i < part_count; i++) {
    const char *part = parts[i] ? parts[i] : "";
    // The terminating NUL separates parts, so ("ab","c") != ("a","bc").
    XXH3_128bits_update(state, part, strlen(part) + 1);
  }
  XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  free(self->fingerprint);
  self->fingerprint =
      xasprintf("%016llx%016llx", (unsigned long long)hash.high64, (unsigned long long)hash.low64);
}

void finding_set_advice(finding *self, const char *advice) {
  size_t length = strlen(self->message);
  size_t advice_length = strlen(advice);
  if (advice_length == 0 || length < advice_length + 2)
    return;
  size_t start = length - advice_length - 2;
  const char *separator = self->message + start;
  if ((separator[0] == ':' || separator[0] == ';') && separator[1] == ' ' &&
      strcmp(separator + 2, advice) == 0)
    self->advice_start = start;
}

const char *finding_advice(const finding *self) {
  return self->advice_start ? self->message + self->advice_start + 2 : NULL;
}

size_t finding_message_length(const finding *self) {
  return self->advice_start ? self->advice_start : strlen(self->message);
}

void finding_location_set_end(finding_location *location, uint32_t end_line, uint32_t end_column) {
  // An end before the start is no end.
  bool after =
      end_line > location->line || (end_line == location->line && end_column > location->column);
  location->end_line = after ? end_line : 0;
  location->end_column = after ? end_column : 0;
}

void finding_list_number_occurrences(finding_list *self) {
  strmap *seen = strmap_new();
  for (size_t i = 0; i < self->count; i++) {
    finding *item = &self->items[i];
    item->occurrence = 0;
    if (!item->fingerprint)
      continue;
    uint32_t count = 0;
    strmap_get(seen, item->fingerprint, strlen(item->fingerprint), &count);
    item->occurrence = count + 1;
    strmap_put(seen, item->fingerprint, strlen(item->fingerprint), count + 1);
  }
  strmap_delete(seen);
}

static int finding__compare(const void *left, const void *right) {
  const finding *a = left, *b = right;
  int order = strcmp(a->location.path, b->location.path);
  if (order)
    return order;
  if (a->location.line != b->location.line)
    return a->location.line < b->location.line ? -1 : 1;
  if (a->location.column != b->location.column)
    return a->location.column < b->location.column ? -1 : 1;
  order = strcmp(a->rule->id, b->rule->id);
  if (order)
    return order;
  return strcmp(a->message, b->message);
}

void finding_list_sort(finding_list *self) {
  if (self->count > 1)
    qsort(self->items, self->count, sizeof(finding), finding__compare);
}

size_t finding_list_error_count(const finding_list *self) {
  size_t errors = 0;
  for (size_t i = 0; i < self->count; i++)
    if (self->items[i].level == RULE_LEVEL_ERROR)
      errors++;
  return errors;
}
