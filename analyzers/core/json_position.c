#include "json_position.h"

#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct json_walker {
  const char *text;
  size_t length;
  size_t at;
  // One entry per open object or array, outermost first.
  bool *objects;
  size_t open;
  size_t open_capacity;
  json_path_step *path; // path[d]: the step from the value open at depth d
  size_t path_capacity;
  strbuf *keys; // keys[d]: the decoded key of path[d], for an object
  size_t key_capacity;
} json_walker;

static void json_walker__blank(json_walker *self) {
  while (self->at < self->length && strchr(" \t\r\n", self->text[self->at]) &&
         self->text[self->at] != '\0')
    self->at++;
}

static int json_walker__hex(const char *text) {
  int value = 0;
  for (int i = 0; i < 4; i++) {
    char c = text[i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0)
      return -1;
    value = value * 16 + digit;
  }
  return value;
}

static void json_walker__utf8(strbuf *out, uint32_t code) {
  char bytes[4];
  size_t count;
  if (code < 0x80) {
    bytes[0] = (char)code;
    count = 1;
  } else if (code < 0x800) {
    bytes[0] = (char)(0xC0 | code >> 6);
    bytes[1] = (char)(0x80 | (code & 0x3F));
    count = 2;
  } else if (code < 0x10000) {
    bytes[0] = (char)(0xE0 | code >> 12);
    bytes[1] = (char)(0x80 | ((code >> 6) & 0x3F));
    bytes[2] = (char)(0x80 | (code & 0x3F));
    count = 3;
  } else {
    bytes[0] = (char)(0xF0 | code >> 18);
    bytes[1] = (char)(0x80 | ((code >> 12) & 0x3F));
    bytes[2] = (char)(0x80 | ((code >> 6) & 0x3F));
    bytes[3] = (char)(0x80 | (code & 0x3F));
    count = 4;
  }
  strbuf_append(out, bytes, count);
}

// Passes the string whose '"' is at self->at, decoding it into out unless
// out is NULL. False when it does not end.
static bool json_walker__string(json_walker *self, strbuf *out) {
  const char *text = self->text;
  size_t at = self->at + 1;
  while (at < self->length && text[at] != '"') {
    if (text[at] != '\\') {
      size_t run = at;
      while (run < self->length && text[run] != '"' && text[run] != '\\')
        run++;
      if (out)
        strbuf_append(out, text + at, run - at);
      at = run;
      continue;
    }
    if (at + 1 >= self->length)
      return false;
    char escape = text[at + 1];
    at += 2;
    if (!out)
      continue;
    static const char plain[] = "\"\\/bfnrt";
    static const char meaning[] = "\"\\/\b\f\n\r\t";
    const char *known = escape ? strchr(plain, escape) : NULL;
    if (known) {
      strbuf_append_char(out, meaning[known - plain]);
    } else if (escape == 'u' && at + 4 <= self->length) {
      int code = json_walker__hex(text + at);
      at += 4;
      if (code >= 0xD800 && code < 0xDC00 && at + 6 <= self->length && text[at] == '\\' &&
          text[at + 1] == 'u') {
        int low = json_walker__hex(text + at + 2);
        if (low >= 0xDC00 && low < 0xE000) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          at += 6;
        }
      }
      if (code >= 0)
        json_walker__utf8(out, (uint32_t)code);
    }
  }
  if (at >= self->length)
    return false;
  self->at = at + 1;
  return true;
}

// Opens a level below the current depth.
static void json_walker__push(json_walker *self, bool object) {
  XGROW(self->objects, self->open_capacity, self->open + 1);
  XGROW(self->path, self->path_capacity, self->open + 1);
  if (self->open + 1 > self->key_capacity) {
    size_t old = self->key_capacity;
    XGROW(self->keys, self->key_capacity, self->open + 1);
    for (size_t i = old; i < self->key_capacity; i++)
      strbuf_init(&self->keys[i]);
  }
  self->objects[self->open] = object;
  self->path[self->open] = (json_path_step){NULL, 0};
  self->open++;
}

// Reads `"key" :` of the innermost object into its path step.
static bool json_walker__key(json_walker *self) {
  size_t level = self->open - 1;
  if (self->at >= self->length || self->text[self->at] != '"')
    return false;
  strbuf_clear(&self->keys[level]);
  if (!json_walker__string(self, &self->keys[level]))
    return false;
  self->path[level].key = self->keys[level].data;
  json_walker__blank(self);
  if (self->at >= self->length || self->text[self->at] != ':')
    return false;
  self->at++;
  return true;
}

static bool json_walker__run(json_walker *self, json_position_visit visit, void *context) {
  json_walker__blank(self);
  for (;;) {
    // A value starts at self->at.
    json_walker__blank(self);
    if (self->at >= self->length)
      return false;
    if (!visit(context, self->path, self->open, self->at))
      return false;
    char c = self->text[self->at];
    bool opened = false;
    if (c == '{' || c == '[') {
      self->at++;
      json_walker__push(self, c == '{');
      json_walker__blank(self);
      if (self->at < self->length && self->text[self->at] == (c == '{' ? '}' : ']')) {
        self->at++;
        self->open--; // empty
      } else if (c == '{') {
        if (!json_walker__key(self))
          return false;
        opened = true;
      } else {
        opened = true; // the first element, index 0
      }
    } else if (c == '"') {
      if (!json_walker__string(self, NULL))
        return false;
    } else {
      size_t start = self->at;
      while (self->at < self->length && self->text[self->at] != '\0' &&
             strchr("+-0123456789.eEtrueflasn", self->text[self->at]))
        self->at++;
      if (self->at == start)
        return false;
    }
    if (opened)
      continue;
    // After a value: a comma, or the end of the levels it closes.
    for (;;) {
      json_walker__blank(self);
      if (self->open == 0)
        return true;
      size_t level = self->open - 1;
      bool object = self->objects[level];
      if (self->at >= self->length)
        return false;
      char next = self->text[self->at];
      if (next == ',') {
        self->at++;
        json_walker__blank(self);
        if (object) {
          if (!json_walker__key(self))
            return false;
        } else {
          self->path[level].index++;
        }
        break;
      }
      if (next != (object ? '}' : ']'))
        return false;
      self->at++;
      self->open--;
    }
  }
}

bool json_position_walk(const char *text, size_t length, json_position_visit visit, void *context) {
  json_walker self = {.text = text, .length = length};
  bool ok = json_walker__run(&self, visit, context);
  for (size_t i = 0; i < self.key_capacity; i++)
    strbuf_release(&self.keys[i]);
  free(self.keys);
  free(self.objects);
  free(self.path);
  return ok;
}

typedef struct json_find {
  const json_path_step *path;
  size_t depth;
  size_t best_offset;
  size_t best_depth;
} json_find;

static bool json_position__same_step(const json_path_step *a, const json_path_step *b) {
  if (!a->key || !b->key)
    return !a->key && !b->key && a->index == b->index;
  return strcmp(a->key, b->key) == 0;
}

static bool json_position__find_visit(void *context, const json_path_step *path, size_t depth,
                                      size_t offset) {
  json_find *self = context;
  if (depth > self->depth)
    return true;
  for (size_t i = 0; i < depth; i++)
    if (!json_position__same_step(&path[i], &self->path[i]))
      return true;
  // A value on the way: the deepest so far.
  if (depth >= self->best_depth) {
    self->best_depth = depth;
    self->best_offset = offset;
  }
  return depth < self->depth; // found: stop
}

size_t json_position_find(const char *text, size_t length, const json_path_step *path, size_t depth,
                          size_t *matched) {
  json_find self = {path, depth, 0, 0};
  json_position_walk(text, length, json_position__find_visit, &self);
  if (matched)
    *matched = self.best_depth;
  return self.best_offset;
}

size_t json_position_of_error(const char *text, size_t length, const json_error_t *error) {
  size_t position = error->position > 0 ? (size_t)error->position : 0;
  if (position > length)
    position = length;
  if (strstr(error->text, "near end of file"))
    return length;
  // "... near 'TOKEN'": jansson stopped right after the token it names.
  const char *near = strstr(error->text, " near '");
  if (near) {
    const char *token = near + 7;
    size_t token_length = strlen(token);
    if (token_length > 0 && token[token_length - 1] == '\'') {
      token_length--;
      if (token_length <= position &&
          memcmp(text + position - token_length, token, token_length) == 0)
        return position - token_length;
    }
  }
  return position > 0 ? position - 1 : 0;
}

void json_position_line_column(const char *text, size_t offset, unsigned *line, unsigned *column) {
  size_t line_start = offset;
  while (line_start > 0 && text[line_start - 1] != '\n')
    line_start--;
  *line = source_line_of(text, offset);
  *column = source_column(text, line_start, offset);
}
