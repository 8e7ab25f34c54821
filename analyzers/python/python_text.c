#include "python_text.h"

#include "source.h"
#include "xalloc.h"

#include <string.h>

static bool python_text__is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void python_text_fold(const char *bytes, size_t start, size_t end, strbuf *out) {
  size_t first = out->length;
  bool pending_space = false;
  size_t i = start;
  while (i < end) {
    char c = bytes[i];
    if (c == '#') {
      while (i < end && bytes[i] != '\n' && bytes[i] != '\r')
        i++;
      pending_space = true;
      continue;
    }
    if (c == '\\' && i + 1 < end && (bytes[i + 1] == '\n' || bytes[i + 1] == '\r')) {
      i++;
      pending_space = true;
      continue;
    }
    if (python_text__is_space(c)) {
      i++;
      pending_space = true;
      continue;
    }
    if (pending_space && out->length > first)
      strbuf_append_char(out, ' ');
    pending_space = false;
    size_t run = i;
    while (run < end && !python_text__is_space(bytes[run]) && bytes[run] != '#' &&
           bytes[run] != '\\')
      run++;
    if (run == i) // a lone backslash not before a newline: keep it as written
      run++;
    strbuf_append(out, bytes + i, run - i);
    i = run;
  }
}

void python_text_fold_plain(const char *bytes, size_t start, size_t end, strbuf *out) {
  size_t first = out->length;
  bool pending_space = false;
  for (size_t i = start; i < end; i++) {
    if (python_text__is_space(bytes[i])) {
      pending_space = true;
      continue;
    }
    if (pending_space && out->length > first)
      strbuf_append_char(out, ' ');
    pending_space = false;
    strbuf_append_char(out, bytes[i]);
  }
}

void python_text_dotted(const char *bytes, size_t start, size_t end, strbuf *out) {
  for (size_t i = start; i < end; i++)
    if (!python_text__is_space(bytes[i]) && bytes[i] != '\\')
      strbuf_append_char(out, bytes[i]);
}

static bool python_text__is_keyword(const char *part, size_t length) {
  static const char *const keywords[] = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
  };
  for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
    if (strlen(keywords[i]) == length && memcmp(keywords[i], part, length) == 0)
      return true;
  return false;
}

bool python_text_is_dotted_name(const char *text, size_t length) {
  size_t start = 0;
  for (size_t i = 0; i <= length; i++) {
    if (i < length && text[i] != '.') {
      // Identifier characters only (any byte of a UTF-8 sequence counts):
      // error recovery can hand over a span with comments and junk in it.
      unsigned char c = (unsigned char)text[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_' || c >= 0x80))
        return false;
      continue;
    }
    size_t part = i - start;
    if (part == 0 || (text[start] >= '0' && text[start] <= '9') ||
        python_text__is_keyword(text + start, part))
      return false;
    start = i + 1;
  }
  return true;
}

uint32_t python_text_column(source_columns *columns, const char *bytes, TSPoint point,
                            uint32_t start) {
  uint32_t line_start = start - point.column;
  if (line_start == 0 && point.column >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
    line_start = 3;
  if (!columns)
    return source_column(bytes, line_start, start);
  return source_columns_at(columns, line_start, start);
}

char *python_text_lone_cr_to_lf(const char *bytes, size_t length) {
  char *copy = NULL;
  const char *cr = memchr(bytes, '\r', length);
  while (cr) {
    size_t at = (size_t)(cr - bytes);
    if (at + 1 >= length || bytes[at + 1] != '\n') {
      if (!copy) {
        copy = xmalloc(length + 1);
        memcpy(copy, bytes, length + 1);
      }
      copy[at] = '\n';
    }
    cr = at + 1 < length ? memchr(cr + 1, '\r', length - at - 1) : NULL;
  }
  return copy;
}
