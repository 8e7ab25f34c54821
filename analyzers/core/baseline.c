#include "baseline.h"

#include "atomic_file.h"
#include "json_position.h"
#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BASELINE_VERSION = 1 };

// ---------------------------------------------------------------------------
// Reading

static char *baseline__slurp(const char *path, size_t *length) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return NULL;
  char *text = NULL;
  size_t capacity = 0;
  *length = 0;
  for (;;) {
    XGROW(text, capacity, *length + 65536 + 1);
    size_t got = fread(text + *length, 1, capacity - *length - 1, file);
    *length += got;
    if (got == 0)
      break;
  }
  bool failed = ferror(file);
  int saved = errno;
  fclose(file);
  if (failed) {
    free(text);
    errno = saved;
    return NULL;
  }
  text[*length] = '\0';
  return text;
}

// Where the problem of a baseline that is no baseline is: the value at path
// (depth steps down from the top), or the deepest value on the way there.
static void baseline__point(const char *text, size_t length, const json_path_step *path,
                            size_t depth, uint32_t *line, uint32_t *column) {
  size_t offset = json_position_find(text, length, path, depth, NULL);
  unsigned at_line, at_column;
  json_position_line_column(text, offset, &at_line, &at_column);
  *line = at_line;
  *column = at_column;
}

// A string member of entry index: NULL when absent or null; false (with
// *error, and *bad_member saying whether the member is there) when it is
// there but not a string, or required and missing.
static bool baseline__member(json_t *entry, const char *key, bool required, size_t index,
                             char **out, char **error, bool *bad_member) {
  json_t *value = json_object_get(entry, key);
  *out = NULL;
  if (json_is_string(value) && json_string_length(value) > 0) {
    *out = xstrdup(json_string_value(value));
    return true;
  }
  if (!required && (!value || json_is_null(value)))
    return true;
  *error = xasprintf("entry %zu of 'findings' needs '%s' as a non-empty string", index + 1, key);
  *bad_member = value != NULL;
  return false;
}

typedef struct baseline__fingerprints {
  size_t *offsets; // offsets[i]: where entry i's fingerprint is, or SIZE_MAX
  size_t count;
} baseline__fingerprints;

static bool baseline__visit(void *context, const json_path_step *path, size_t depth,
                            size_t offset) {
  baseline__fingerprints *self = context;
  if (depth == 3 && path[0].key && strcmp(path[0].key, "findings") == 0 && !path[1].key &&
      path[1].index < self->count && path[2].key && strcmp(path[2].key, "fingerprint") == 0)
    self->offsets[path[1].index] = offset;
  return true;
}

// Places each entry at the line of its fingerprint, at the line's first
// non-blank character (the '{' of a one-line entry), in one walk of the
// text.
static void baseline__locate(baseline *self, const char *text, size_t length) {
  baseline__fingerprints found = {xmalloc((self->count + 1) * sizeof(size_t)), self->count};
  for (size_t i = 0; i < self->count; i++)
    found.offsets[i] = SIZE_MAX;
  json_position_walk(text, length, baseline__visit, &found);
  // Entries come in file order: the line count goes forward with them.
  size_t counted = 0;
  uint32_t line = 1;
  for (size_t i = 0; i < self->count; i++) {
    baseline_entry *entry = &self->entries[i];
    entry->line = 1;
    entry->column = 1;
    size_t offset = found.offsets[i];
    if (offset == SIZE_MAX || offset < counted)
      continue;
    for (const char *newline; (newline = memchr(text + counted, '\n', offset - counted));) {
      line++;
      counted = (size_t)(newline - text) + 1;
    }
    size_t line_start = counted;
    size_t first = line_start;
    while (first < offset && (text[first] == ' ' || text[first] == '\t'))
      first++;
    entry->line = line;
    entry->column = source_column(text, line_start, first);
  }
  free(found.offsets);
}

typedef struct baseline__key {
  const char *fingerprint;
  size_t index;
} baseline__key;

static int baseline__compare_keys(const void *left, const void *right) {
  const baseline__key *a = left, *b = right;
  int order = strcmp(a->fingerprint, b->fingerprint);
  if (order)
    return order;
  return a->index < b->index ? -1 : a->index > b->index;
}

// Fills self->by_fingerprint.
static void baseline__index(baseline *self) {
  baseline__key *keys = xcalloc(self->count + 1, sizeof(baseline__key));
  for (size_t i = 0; i < self->count; i++)
    keys[i] = (baseline__key){self->entries[i].fingerprint, i};
  qsort(keys, self->count, sizeof(baseline__key), baseline__compare_keys);
  self->by_fingerprint = xcalloc(self->count + 1, sizeof(size_t));
  for (size_t i = 0; i < self->count; i++)
    self->by_fingerprint[i] = keys[i].index;
  free(keys);
}

baseline *baseline_read(const char *path, char **error, uint32_t *line, uint32_t *column) {
  *error = NULL;
  *line = 0;
  *column = 0;
  size_t length = 0;
  char *text = baseline__slurp(path, &length);
  if (!text) {
    *error = xasprintf("cannot read the baseline '%s': %s", path, strerror(errno));
    return NULL;
  }
  baseline *self = baseline_read_text(text, length, path, error, line, column);
  free(text);
  return self;
}

baseline *baseline_read_text(const char *text, size_t length, const char *path, char **error,
                             uint32_t *line, uint32_t *column) {
  *error = NULL;
  *line = 0;
  *column = 0;
  baseline *self = xcalloc(1, sizeof(baseline));
  self->path = xstrdup(path);
  json_error_t json_error;
  json_t *root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &json_error);
  // From here on every problem has a place in the file: the value that is
  // wrong, or the one that lacks what is missing.
  json_path_step where[3] = {{"findings", 0}, {NULL, 0}, {NULL, 0}};
  size_t depth = 0;
  if (!root) {
    *error = xasprintf("invalid baseline: %s", json_error.text);
    unsigned at_line, at_column;
    json_position_line_column(text, json_position_of_error(text, length, &json_error), &at_line,
                              &at_column);
    *line = at_line;
    *column = at_column;
    goto fail;
  }
  json_t *version = json_object_get(root, "version");
  json_t *findings = json_object_get(root, "findings");
  if (!json_is_object(root) || !json_is_array(findings)) {
    *error = xstrdup("not a strata baseline: it needs 'version' and a 'findings' list");
    depth = json_is_object(root) && findings ? 1 : 0;
    goto positioned;
  }
  if (!json_is_integer(version) || json_integer_value(version) != BASELINE_VERSION) {
    *error =
        xasprintf("unsupported baseline version; this strata reads version %d", BASELINE_VERSION);
    where[0].key = "version";
    depth = version ? 1 : 0;
    goto positioned;
  }
  size_t count = json_array_size(findings);
  self->entries = xcalloc(count + 1, sizeof(baseline_entry));
  for (size_t i = 0; i < count; i++) {
    json_t *item = json_array_get(findings, i);
    baseline_entry *entry = &self->entries[self->count];
    where[1].index = i;
    depth = 2;
    if (!json_is_object(item)) {
      *error = xasprintf("entry %zu of 'findings' must be an object", i + 1);
      goto positioned;
    }
    self->count++;
    static const char *const members[] = {"fingerprint", "rule", "path", "summary"};
    char **slots[] = {&entry->fingerprint, &entry->rule, &entry->path, &entry->summary};
    for (size_t m = 0; m < 4; m++) {
      bool bad_member = false;
      if (!baseline__member(item, members[m], m < 3, i, slots[m], error, &bad_member)) {
        where[2].key = members[m];
        depth = bad_member ? 3 : 2;
        goto positioned;
      }
    }
  }
  baseline__locate(self, text, length);
  baseline__index(self);
  json_decref(root);
  return self;
positioned:
  baseline__point(text, length, where, depth, line, column);
fail:
  json_decref(root);
  baseline_delete(self);
  return NULL;
}

void baseline_delete(baseline *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    free(self->entries[i].path);
    free(self->entries[i].rule);
    free(self->entries[i].summary);
    free(self->entries[i].fingerprint);
  }
  free(self->entries);
  free(self->by_fingerprint);
  free(self->path);
  free(self);
}

bool baseline_match(baseline *self, const char *fingerprint) {
  if (!fingerprint)
    return false;
  size_t low = 0, high = self->count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (strcmp(self->entries[self->by_fingerprint[middle]].fingerprint, fingerprint) < 0)
      low = middle + 1;
    else
      high = middle;
  }
  for (size_t i = low; i < self->count; i++) {
    baseline_entry *entry = &self->entries[self->by_fingerprint[i]];
    if (strcmp(entry->fingerprint, fingerprint) != 0)
      break;
    if (!entry->matched) {
      entry->matched = true;
      return true;
    }
  }
  return false;
}

size_t baseline_unmatched_count(const baseline *self) {
  size_t count = 0;
  for (size_t i = 0; i < self->count; i++)
    count += !self->entries[i].matched;
  return count;
}

// ---------------------------------------------------------------------------
// Writing

// A JSON string of text with each invalid UTF-8 byte as U+FFFD (jansson
// refuses invalid UTF-8, and paths may hold any bytes).
static json_t *baseline__string(const char *text) {
  size_t length = strlen(text);
  strbuf fixed;
  strbuf_init(&fixed);
  size_t start = 0;
  for (size_t bad; (bad = utf8_first_invalid(text + start, length - start)) != SIZE_MAX;) {
    strbuf_append(&fixed, text + start, bad);
    strbuf_append_str(&fixed, "\xef\xbf\xbd");
    start += bad + 1;
  }
  strbuf_append(&fixed, text + start, length - start);
  json_t *value = json_stringn(fixed.data, fixed.length);
  strbuf_release(&fixed);
  return value;
}

static int baseline__compare_entries(const void *left, const void *right) {
  const baseline_entry *a = *(const baseline_entry *const *)left;
  const baseline_entry *b = *(const baseline_entry *const *)right;
  int order = strcmp(a->path, b->path);
  if (!order)
    order = strcmp(a->rule, b->rule);
  if (!order)
    order = strcmp(a->summary ? a->summary : "", b->summary ? b->summary : "");
  if (!order)
    order = strcmp(a->fingerprint, b->fingerprint);
  return order;
}

// Writes entries, sorted, to path whole or not at all.
static bool baseline__write(const char *path, const baseline_entry **entries, size_t count,
                            char **error) {
  qsort(entries, count, sizeof(*entries), baseline__compare_entries);
  strbuf text;
  strbuf_init(&text);
  strbuf_printf(&text, "{\n  \"version\": %d,\n  \"findings\": [", BASELINE_VERSION);
  for (size_t i = 0; i < count; i++) {
    const baseline_entry *entry = entries[i];
    json_t *object = json_object();
    json_object_set_new(object, "path", baseline__string(entry->path));
    json_object_set_new(object, "rule", baseline__string(entry->rule));
    if (entry->summary)
      json_object_set_new(object, "summary", baseline__string(entry->summary));
    json_object_set_new(object, "fingerprint", baseline__string(entry->fingerprint));
    char *line = json_dumps(object, 0);
    strbuf_printf(&text, "%s\n    %s", i ? "," : "", line);
    free(line);
    json_decref(object);
  }
  strbuf_append_str(&text, count ? "\n  ]\n}\n" : "]\n}\n");
  int error_number = 0;
  bool ok = false;
  atomic_file *file = atomic_file_open(path, &error_number);
  if (file) {
    FILE *stream = atomic_file_stream(file);
    if (fwrite(text.data, 1, text.length, stream) == text.length)
      ok = atomic_file_commit(file, &error_number);
    else
      atomic_file_abort(file);
  }
  if (!ok)
    *error = xasprintf("cannot write the baseline '%s': %s", path,
                       strerror(error_number ? error_number : EIO));
  strbuf_release(&text);
  return ok;
}

bool baseline_write_findings(const char *path, const finding_list *findings, const bool *include,
                             char **error) {
  baseline_entry *entries = xcalloc(findings->count + 1, sizeof(baseline_entry));
  const baseline_entry **order = xcalloc(findings->count + 1, sizeof(baseline_entry *));
  size_t count = 0;
  for (size_t i = 0; i < findings->count; i++) {
    const finding *item = &findings->items[i];
    if ((include && !include[i]) || !item->fingerprint)
      continue;
    // Borrowed strings: entries only live for the write.
    entries[count] = (baseline_entry){.path = item->location.path,
                                      .rule = (char *)item->rule->id,
                                      .summary = item->summary ? item->summary : item->message,
                                      .fingerprint = item->fingerprint};
    order[count] = &entries[count];
    count++;
  }
  bool ok = baseline__write(path, order, count, error);
  free(order);
  free(entries);
  return ok;
}

bool baseline_write_matched(const baseline *self, char **error) {
  const baseline_entry **order = xcalloc(self->count + 1, sizeof(baseline_entry *));
  size_t count = 0;
  for (size_t i = 0; i < self->count; i++)
    if (self->entries[i].matched)
      order[count++] = &self->entries[i];
  bool ok = baseline__write(self->path, order, count, error);
  free(order);
  return ok;
}
