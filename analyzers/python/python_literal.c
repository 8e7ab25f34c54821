#include "python_literal.h"

#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
  PYTHON_LITERAL_RAW = 1,
  PYTHON_LITERAL_BYTES = 2,
  PYTHON_LITERAL_FORMAT = 4,
};

void python_literal_append_utf8(strbuf *out, uint32_t code_point) {
  if (code_point < 0x80) {
    strbuf_append_char(out, (char)code_point);
  } else if (code_point < 0x800) {
    strbuf_append_char(out, (char)(0xc0 | (code_point >> 6)));
    strbuf_append_char(out, (char)(0x80 | (code_point & 0x3f)));
  } else if (code_point < 0x10000) {
    strbuf_append_char(out, (char)(0xe0 | (code_point >> 12)));
    strbuf_append_char(out, (char)(0x80 | ((code_point >> 6) & 0x3f)));
    strbuf_append_char(out, (char)(0x80 | (code_point & 0x3f)));
  } else {
    strbuf_append_char(out, (char)(0xf0 | (code_point >> 18)));
    strbuf_append_char(out, (char)(0x80 | ((code_point >> 12) & 0x3f)));
    strbuf_append_char(out, (char)(0x80 | ((code_point >> 6) & 0x3f)));
    strbuf_append_char(out, (char)(0x80 | (code_point & 0x3f)));
  }
}

static int python_literal__hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// The value of the `digits` hex digits at bytes[at..end), or -1.
static int64_t python_literal__hex_value(const char *bytes, size_t at, size_t end, int digits) {
  if (end - at < (size_t)digits)
    return -1;
  int64_t value = 0;
  for (int i = 0; i < digits; i++) {
    int digit = python_literal__hex(bytes[at + (size_t)i]);
    if (digit < 0)
      return -1;
    value = value * 16 + digit;
  }
  return value;
}

// The length of the escape sequence at bytes[i] (a backslash) and its code
// point in *code_point, or 0 when it is not one Python decodes (or one kept
// as written); a continuation gives *code_point UINT32_MAX: nothing.
static size_t python_literal__escape(const char *bytes, size_t i, size_t end, unsigned flags,
                                     uint32_t *code_point) {
  if (i + 1 >= end)
    return 0;
  static const char simple_from[] = "\\'\"abfnrtv";
  static const char simple_to[] = "\\'\"\a\b\f\n\r\t\v";
  char c = bytes[i + 1];
  const char *simple = strchr(simple_from, c);
  if (c != '\0' && simple) {
    *code_point = (unsigned char)simple_to[simple - simple_from];
    return 2;
  }
  if (c == '\n') {
    *code_point = UINT32_MAX;
    return 2;
  }
  if (c == '\r') {
    *code_point = UINT32_MAX;
    return i + 2 < end && bytes[i + 2] == '\n' ? 3 : 2;
  }
  int64_t value = -1;
  size_t length = 0;
  if (c >= '0' && c <= '7') {
    value = 0;
    length = 1;
    while (length <= 3 && i + length < end && bytes[i + length] >= '0' && bytes[i + length] <= '7')
      value = value * 8 + (bytes[i + length++] - '0');
    if (flags & PYTHON_LITERAL_BYTES)
      value &= 0xff;
  } else if (c == 'x') {
    value = python_literal__hex_value(bytes, i + 2, end, 2);
    length = 4;
  } else if (c == 'u' && !(flags & PYTHON_LITERAL_BYTES)) {
    value = python_literal__hex_value(bytes, i + 2, end, 4);
    length = 6;
  } else if (c == 'U' && !(flags & PYTHON_LITERAL_BYTES)) {
    value = python_literal__hex_value(bytes, i + 2, end, 8);
    length = 10;
  }
  // NUL would end the C string; a surrogate is no UTF-8.
  if (value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
    return 0;
  *code_point = (uint32_t)value;
  return length;
}

// Appends the decoded text of the literal bytes[start..end) of a string
// whose prefix gave flags.
static void python_literal__decode(const char *bytes, size_t start, size_t end, unsigned flags,
                                   strbuf *out) {
  size_t i = start;
  while (i < end) {
    char c = bytes[i];
    if ((flags & PYTHON_LITERAL_FORMAT) && (c == '{' || c == '}') && i + 1 < end &&
        bytes[i + 1] == c) {
      strbuf_append_char(out, c);
      i += 2;
      continue;
    }
    if (c == '\r' && i + 1 < end && bytes[i + 1] == '\n') {
      strbuf_append_char(out, '\n');
      i += 2;
      continue;
    }
    if (c == '\\' && !(flags & PYTHON_LITERAL_RAW)) {
      uint32_t code_point;
      size_t length = python_literal__escape(bytes, i, end, flags, &code_point);
      if (length > 0) {
        if (code_point != UINT32_MAX)
          python_literal_append_utf8(out, code_point);
        i += length;
        continue;
      }
      // Kept as written; what follows is read as usual (in an f-string
      // `\{{` is a backslash and one brace).
      strbuf_append_char(out, '\\');
      i++;
      continue;
    }
    if ((flags & PYTHON_LITERAL_BYTES) && (unsigned char)c >= 0x80) {
      python_literal_append_utf8(out, (unsigned char)c);
      i++;
      continue;
    }
    strbuf_append_char(out, c);
    i++;
  }
}

static unsigned python_literal__flags(TSNode start, const char *bytes) {
  unsigned flags = 0;
  for (uint32_t b = ts_node_start_byte(start); b < ts_node_end_byte(start); b++) {
    switch (bytes[b]) {
    case 'r':
    case 'R':
      flags |= PYTHON_LITERAL_RAW;
      break;
    case 'b':
    case 'B':
      flags |= PYTHON_LITERAL_BYTES;
      break;
    case 'f':
    case 'F':
      flags |= PYTHON_LITERAL_FORMAT;
      break;
    default:
      break;
    }
  }
  return flags;
}

// A string literal: its content parts, decoded (an f-string's replacement
// fields are not content).
static void python_literal__string(const python_grammar *grammar, TSNode string, const char *bytes,
                                   strbuf *out) {
  unsigned flags = 0;
  uint32_t count = ts_node_child_count(string);
  for (uint32_t i = 0; i < count; i++) {
    TSNode child = ts_node_child(string, i);
    TSSymbol symbol = ts_node_symbol(child);
    if (symbol == grammar->string_start)
      flags = python_literal__flags(child, bytes);
    else if (symbol == grammar->string_content)
      python_literal__decode(bytes, ts_node_start_byte(child), ts_node_end_byte(child), flags, out);
  }
}

static bool python_literal__operator_is(const python_grammar *grammar, TSNode binary,
                                        const char *text) {
  TSNode sign = ts_node_child_by_field_id(binary, grammar->field_operator);
  return !ts_node_is_null(sign) && strcmp(ts_node_type(sign), text) == 0;
}

// The object of `object.format(...)`, or a null node when call is another
// call.
static TSNode python_literal__format_object(const python_grammar *grammar, TSNode call,
                                            const char *bytes) {
  TSNode function = python_grammar_unparenthesize(
      grammar, ts_node_child_by_field_id(call, grammar->field_function));
  if (ts_node_is_null(function) || ts_node_symbol(function) != grammar->attribute)
    return (TSNode){{0}, NULL, NULL};
  TSNode attribute = ts_node_child_by_field_id(function, grammar->field_attribute);
  if (ts_node_is_null(attribute) ||
      ts_node_end_byte(attribute) - ts_node_start_byte(attribute) != 6 ||
      memcmp(bytes + ts_node_start_byte(attribute), "format", 6) != 0)
    return (TSNode){{0}, NULL, NULL};
  return ts_node_child_by_field_id(function, grammar->field_object);
}

static bool python_literal__eval(const python_grammar *grammar, TSNode node, const char *bytes,
                                 strbuf *out, unsigned depth);

// `a + b + (c + d)`: the operands that are no sum, left to right, each
// evaluated on its own. Walked with a stack of its own, so a long chain
// costs heap, not C stack.
static bool python_literal__sum(const python_grammar *grammar, TSNode sum, const char *bytes,
                                strbuf *out, unsigned depth) {
  bool literal = false;
  TSNode *stack = NULL;
  size_t capacity = 0;
  size_t count = 0;
  XGROW(stack, capacity, 1);
  stack[count++] = sum;
  while (count > 0) {
    TSNode node = python_grammar_unparenthesize(grammar, stack[--count]);
    if (ts_node_is_null(node))
      continue;
    if (ts_node_symbol(node) == grammar->binary_operator &&
        python_literal__operator_is(grammar, node, "+")) {
      XGROW(stack, capacity, count + 2);
      stack[count++] = ts_node_child_by_field_id(node, grammar->field_right);
      stack[count++] = ts_node_child_by_field_id(node, grammar->field_left);
      continue;
    }
    if (python_literal__eval(grammar, node, bytes, out, depth + 1))
      literal = true;
  }
  free(stack);
  return literal;
}

// Appends nothing unless it returns true.
static bool python_literal__eval(const python_grammar *grammar, TSNode node, const char *bytes,
                                 strbuf *out, unsigned depth) {
  if (depth > PYTHON_LITERAL_MAX_DEPTH)
    return false;
  for (;;) {
    node = python_grammar_unparenthesize(grammar, node);
    if (ts_node_is_null(node))
      return false;
    TSSymbol symbol = ts_node_symbol(node);
    if (symbol == grammar->string) {
      python_literal__string(grammar, node, bytes, out);
      return true;
    }
    if (symbol == grammar->concatenated_string) {
      uint32_t count = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < count; i++) {
        TSNode part = ts_node_named_child(node, i);
        if (ts_node_symbol(part) == grammar->string)
          python_literal__string(grammar, part, bytes, out);
      }
      return true;
    }
    if (symbol == grammar->binary_operator && python_literal__operator_is(grammar, node, "%")) {
      node = ts_node_child_by_field_id(node, grammar->field_left);
      continue;
    }
    if (symbol == grammar->binary_operator && python_literal__operator_is(grammar, node, "+"))
      return python_literal__sum(grammar, node, bytes, out, depth);
    if (symbol == grammar->call) {
      node = python_literal__format_object(grammar, node, bytes);
      continue;
    }
    return false;
  }
}

bool python_literal_text(const python_grammar *grammar, TSNode node, const char *bytes,
                         strbuf *out) {
  return python_literal__eval(grammar, node, bytes, out, 0);
}
