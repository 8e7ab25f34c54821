#include "python_guard.h"

#include "xalloc.h"

#include <stdbool.h>
#include <string.h>

// A lexer just good enough to find logical lines and count openers: it
// knows comments, strings (so that brackets and '#' inside them do not
// count), brackets and line continuations. It overcounts rather than
// undercounts: every operator byte is an opener.

typedef struct python_guard {
  const char *bytes;
  size_t length;
  size_t at;
  uint32_t line;
  char *copy;
  uint32_t first_line;
  uint32_t line_count;
} python_guard;

static bool python_guard__name_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c >= 0x80;
}

static bool python_guard__is_operator_keyword(const char *word, size_t length) {
  static const char *const keywords[] = {
      "and",    "as",       "assert", "async", "await",  "class",  "def",    "del",  "elif",
      "else",   "except",   "for",    "from",  "global", "if",     "import", "in",   "is",
      "lambda", "nonlocal", "not",    "or",    "raise",  "return", "while",  "with", "yield",
  };
  for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
    if (strlen(keywords[i]) == length && memcmp(keywords[i], word, length) == 0)
      return true;
  return false;
}

// Skips a string literal whose quote is at self->at; returns the openers it
// may hold (an f-string's replacement fields hold expressions).
static size_t python_guard__string(python_guard *self, bool formatted) {
  char quote = self->bytes[self->at];
  bool triple = self->at + 2 < self->length && self->bytes[self->at + 1] == quote &&
                self->bytes[self->at + 2] == quote;
  self->at += triple ? 3 : 1;
  size_t openers = 0;
  while (self->at < self->length) {
    char c = self->bytes[self->at];
    if (c == '\\' && self->at + 1 < self->length) {
      if (self->bytes[self->at + 1] == '\n')
        self->line++;
      self->at += 2;
      continue;
    }
    if (c == '\n') {
      if (!triple)
        return openers; // unterminated: the newline ends the line as usual
      self->line++;
    } else if (c == quote) {
      if (!triple) {
        self->at++;
        return openers;
      }
      if (self->at + 2 < self->length && self->bytes[self->at + 1] == quote &&
          self->bytes[self->at + 2] == quote) {
        self->at += 3;
        return openers;
      }
    } else if (formatted && !python_guard__name_byte((unsigned char)c) && c != ' ') {
      openers++;
    }
    self->at++;
  }
  return openers;
}

static void python_guard__blank(python_guard *self, size_t start, size_t end, uint32_t line) {
  if (!self->copy) {
    self->copy = xmalloc(self->length + 1);
    memcpy(self->copy, self->bytes, self->length + 1);
    self->first_line = line;
  }
  for (size_t i = start; i < end; i++)
    if (self->copy[i] != '\n')
      self->copy[i] = ' ';
  self->line_count++;
}

char *python_guard_blank_deep_lines(const char *bytes, size_t length, uint32_t *first_line,
                                    uint32_t *line_count) {
  *first_line = 0;
  *line_count = 0;
  if (length <= PYTHON_GUARD_MAX_OPENERS)
    return NULL; // every opener is at least one byte
  python_guard self = {bytes, length, 0, 1, NULL, 0, 0};
  size_t line_start = 0;
  uint32_t start_line = 1;
  size_t openers = 0;
  size_t depth = 0; // brackets open: newlines inside do not end the line
  while (self.at <= length) {
    unsigned char c = self.at < length ? (unsigned char)bytes[self.at] : '\n';
    if (c == '\n') {
      if (self.at < length && depth > 0) {
        self.line++;
        self.at++;
        continue;
      }
      if (openers > PYTHON_GUARD_MAX_OPENERS)
        python_guard__blank(&self, line_start, self.at, start_line);
      if (self.at == length)
        break;
      self.at++;
      self.line++;
      line_start = self.at;
      start_line = self.line;
      openers = 0;
      continue;
    }
    if (c == '\\' && self.at + 1 < length &&
        (bytes[self.at + 1] == '\n' ||
         (bytes[self.at + 1] == '\r' && self.at + 2 < length && bytes[self.at + 2] == '\n'))) {
      self.at += bytes[self.at + 1] == '\n' ? 2 : 3;
      self.line++;
      continue;
    }
    if (c == '#') {
      while (self.at < length && bytes[self.at] != '\n')
        self.at++;
      continue;
    }
    if (c == '\'' || c == '"') {
      openers += python_guard__string(&self, false);
      continue;
    }
    if (python_guard__name_byte(c)) {
      size_t start = self.at;
      while (self.at < length && python_guard__name_byte((unsigned char)bytes[self.at]))
        self.at++;
      size_t word = self.at - start;
      if (self.at < length && (bytes[self.at] == '\'' || bytes[self.at] == '"') && word <= 2 &&
          strspn(bytes + start, "rRbBuUfF") >= word) {
        bool formatted = memchr(bytes + start, 'f', word) || memchr(bytes + start, 'F', word);
        openers += python_guard__string(&self, formatted);
      } else if (python_guard__is_operator_keyword(bytes + start, word)) {
        openers++;
      }
      continue;
    }
    self.at++;
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\f':
    case '\v':
    case ',':
    case ';':
    case '.':
      break;
    case '(':
    case '[':
    case '{':
      depth++;
      openers++;
      break;
    case ')':
    case ']':
    case '}':
      if (depth > 0)
        depth--;
      break;
    case '-':
    case '+':
      // A sign before a number literal is done as soon as the number is.
      if (self.at < length && bytes[self.at] >= '0' && bytes[self.at] <= '9')
        break;
      openers++;
      break;
    default:
      openers++;
      break;
    }
  }
  *first_line = self.first_line;
  *line_count = self.line_count;
  return self.copy;
}
