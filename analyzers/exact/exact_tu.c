#include "exact_tu.h"

#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

exact_tu *exact_tu_new(void) {
  exact_tu *self = xcalloc(1, sizeof(exact_tu));
  self->file_index = strmap_new();
  return self;
}

void exact_tu_delete(exact_tu *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->file_count; i++)
    free(self->files[i]);
  free(self->files);
  for (size_t i = 0; i < self->inclusion_count; i++)
    free(self->inclusions[i].spelled);
  free(self->inclusions);
  for (size_t i = 0; i < self->problem_count; i++)
    free(self->problems[i].message);
  free(self->problems);
  for (size_t i = 0; i < self->unknown_flag_count; i++)
    free(self->unknown_flags[i]);
  free(self->unknown_flags);
  strmap_delete(self->file_index);
  free(self);
}

uint32_t exact_tu_file(exact_tu *self, const char *path) {
  uint32_t index;
  if (strmap_get(self->file_index, path, strlen(path), &index))
    return index;
  XGROW(self->files, self->file_capacity, self->file_count + 1);
  index = (uint32_t)self->file_count++;
  self->files[index] = xstrdup(path);
  strmap_put(self->file_index, self->files[index], strlen(path), index);
  return index;
}

void exact_tu_add_inclusion(exact_tu *self, uint32_t includer, uint32_t line, uint32_t column,
                            uint32_t included, const char *spelled) {
  XGROW(self->inclusions, self->inclusion_capacity, self->inclusion_count + 1);
  self->inclusions[self->inclusion_count++] =
      (exact_inclusion){includer, line, column, included, xstrdup(spelled ? spelled : "")};
}

void exact_tu_add_problem(exact_tu *self, uint32_t file, uint32_t line, uint32_t column,
                          const char *message) {
  for (size_t i = 0; i < self->problem_count; i++) {
    const exact_problem *problem = &self->problems[i];
    if (problem->file == file && problem->line == line && strcmp(problem->message, message) == 0)
      return;
  }
  XGROW(self->problems, self->problem_capacity, self->problem_count + 1);
  self->problems[self->problem_count++] = (exact_problem){file, line, column, xstrdup(message)};
}

void exact_tu_add_unknown_flag(exact_tu *self, const char *flag) {
  for (size_t i = 0; i < self->unknown_flag_count; i++)
    if (strcmp(self->unknown_flags[i], flag) == 0)
      return;
  self->unknown_flags =
      xrealloc(self->unknown_flags, (self->unknown_flag_count + 1) * sizeof(char *));
  self->unknown_flags[self->unknown_flag_count++] = xstrdup(flag);
}

static int exact_tu__compare(const void *left, const void *right) {
  const exact_inclusion *a = left, *b = right;
  if (a->includer != b->includer)
    return a->includer < b->includer ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->included != b->included)
    return a->included < b->included ? -1 : 1;
  return strcmp(a->spelled, b->spelled);
}

void exact_tu_finish(exact_tu *self) {
  if (self->inclusion_count > 1)
    qsort(self->inclusions, self->inclusion_count, sizeof(exact_inclusion), exact_tu__compare);
  size_t kept = 0;
  for (size_t i = 0; i < self->inclusion_count; i++) {
    if (kept > 0 && exact_tu__compare(&self->inclusions[kept - 1], &self->inclusions[i]) == 0) {
      free(self->inclusions[i].spelled);
      continue;
    }
    self->inclusions[kept++] = self->inclusions[i];
  }
  self->inclusion_count = kept;
}

// The encoding: little-endian u32 counts and numbers, strings as a u32
// length and their bytes. Decoding checks every length and index.

static void exact_tu__u32(strbuf *out, uint32_t value) {
  char bytes[4];
  for (int i = 0; i < 4; i++)
    bytes[i] = (char)(value >> (8 * i));
  strbuf_append(out, bytes, 4);
}

static void exact_tu__string(strbuf *out, const char *text) {
  size_t length = strlen(text);
  exact_tu__u32(out, (uint32_t)length);
  strbuf_append(out, text, length);
}

void exact_tu_encode(const exact_tu *self, strbuf *out) {
  exact_tu__u32(out, (uint32_t)self->inclusion_count);
  for (size_t i = 0; i < self->inclusion_count; i++) {
    const exact_inclusion *inclusion = &self->inclusions[i];
    exact_tu__u32(out, inclusion->includer);
    exact_tu__u32(out, inclusion->line);
    exact_tu__u32(out, inclusion->column);
    exact_tu__u32(out, inclusion->included);
    exact_tu__string(out, inclusion->spelled);
  }
  exact_tu__u32(out, (uint32_t)self->problem_count);
  for (size_t i = 0; i < self->problem_count; i++) {
    const exact_problem *problem = &self->problems[i];
    exact_tu__u32(out, problem->file);
    exact_tu__u32(out, problem->line);
    exact_tu__u32(out, problem->column);
    exact_tu__string(out, problem->message);
  }
  exact_tu__u32(out, (uint32_t)self->unknown_flag_count);
  for (size_t i = 0; i < self->unknown_flag_count; i++)
    exact_tu__string(out, self->unknown_flags[i]);
}

typedef struct exact_tu_reader {
  const char *at;
  const char *end;
  bool ok;
} exact_tu_reader;

static uint32_t exact_tu__read_u32(exact_tu_reader *self) {
  if (!self->ok || self->end - self->at < 4) {
    self->ok = false;
    return 0;
  }
  uint32_t value = 0;
  for (int i = 0; i < 4; i++)
    value |= (uint32_t)(unsigned char)self->at[i] << (8 * i);
  self->at += 4;
  return value;
}

// A copy the caller frees, or NULL when the bytes run out or hold a NUL.
static char *exact_tu__read_string(exact_tu_reader *self) {
  uint32_t length = exact_tu__read_u32(self);
  if (!self->ok || (size_t)(self->end - self->at) < length ||
      memchr(self->at, '\0', length) != NULL) {
    self->ok = false;
    return NULL;
  }
  char *text = xstrndup(self->at, length);
  self->at += length;
  return text;
}

// A count that the remaining bytes can hold (each item takes at least
// item_bytes), else 0 with the reader failed.
static uint32_t exact_tu__read_count(exact_tu_reader *self, size_t item_bytes) {
  uint32_t count = exact_tu__read_u32(self);
  if (self->ok && (size_t)(self->end - self->at) / item_bytes < count)
    self->ok = false;
  return self->ok ? count : 0;
}

exact_tu *exact_tu_decode(const char *bytes, size_t length, const char *const *files,
                          size_t file_count) {
  exact_tu_reader reader = {bytes, bytes + length, true};
  exact_tu *self = exact_tu_new();
  for (size_t i = 0; reader.ok && i < file_count; i++)
    if (exact_tu_file(self, files[i]) != i)
      reader.ok = false; // a path twice
  uint32_t inclusions = exact_tu__read_count(&reader, 20);
  for (uint32_t i = 0; reader.ok && i < inclusions; i++) {
    uint32_t includer = exact_tu__read_u32(&reader);
    uint32_t line = exact_tu__read_u32(&reader);
    uint32_t column = exact_tu__read_u32(&reader);
    uint32_t included = exact_tu__read_u32(&reader);
    char *spelled = exact_tu__read_string(&reader);
    if (reader.ok &&
        (includer >= file_count || (included >= file_count && included != EXACT_NO_FILE)))
      reader.ok = false;
    if (reader.ok)
      exact_tu_add_inclusion(self, includer, line, column, included, spelled);
    free(spelled);
  }
  uint32_t problems = exact_tu__read_count(&reader, 16);
  for (uint32_t i = 0; reader.ok && i < problems; i++) {
    uint32_t file = exact_tu__read_u32(&reader);
    uint32_t line = exact_tu__read_u32(&reader);
    uint32_t column = exact_tu__read_u32(&reader);
    char *message = exact_tu__read_string(&reader);
    if (reader.ok && file >= file_count && file != EXACT_NO_FILE)
      reader.ok = false;
    if (reader.ok)
      exact_tu_add_problem(self, file, line, column, message);
    free(message);
  }
  uint32_t flags = exact_tu__read_count(&reader, 4);
  for (uint32_t i = 0; reader.ok && i < flags; i++) {
    char *flag = exact_tu__read_string(&reader);
    if (reader.ok)
      exact_tu_add_unknown_flag(self, flag);
    free(flag);
  }
  if (!reader.ok || reader.at != reader.end) {
    exact_tu_delete(self);
    return NULL;
  }
  return self;
}
