#include "python_syntax.h"

#include "python_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// The innermost problem node of tree: go down through the first child that
// holds an error at each level (a node starts no later than its children,
// and error recovery often wraps a long run of good code, even the whole
// file, in an ERROR node whose start says nothing about the problem).
static bool python_syntax__problem(const TSTree *tree, TSNode *out) {
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root))
    return false;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  TSNode problem = root;
  for (;;) {
    problem = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_missing(problem) || !ts_tree_cursor_goto_first_child(&cursor))
      break;
    bool found = false;
    do {
      if (ts_node_has_error(ts_tree_cursor_current_node(&cursor))) {
        found = true;
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
    if (!found)
      break; // no child holds it: the problem is this node (an ERROR of tokens)
  }
  ts_tree_cursor_delete(&cursor);
  *out = problem;
  return true;
}

bool python_syntax_first_problem(const TSTree *tree, const char *bytes, uint32_t *line,
                                 uint32_t *column) {
  TSNode problem;
  if (!python_syntax__problem(tree, &problem))
    return false;
  TSPoint point = ts_node_start_point(problem);
  *line = point.row + 1;
  *column = python_text_column(NULL, bytes, point, ts_node_start_byte(problem));
  return true;
}

static bool python_syntax__first_problem_offset(const TSTree *tree, uint32_t *offset) {
  TSNode problem;
  if (!python_syntax__problem(tree, &problem))
    return false;
  *offset = ts_node_start_byte(problem);
  return true;
}

// The line and column (1-based, column in code points) of offset in bytes.
static void python_syntax__position(const char *bytes, uint32_t offset, uint32_t *line,
                                    uint32_t *column) {
  TSPoint point = {0, 0};
  uint32_t line_start = 0;
  for (uint32_t i = 0; i < offset; i++) {
    if (bytes[i] == '\n') {
      point.row++;
      line_start = i + 1;
    }
  }
  point.column = offset - line_start;
  *line = point.row + 1;
  *column = python_text_column(NULL, bytes, point, offset);
}

// The end of the string literal that starts at quote (a ' or "), or length
// when it does not end; triple quotes and backslash escapes as Python reads
// them (a prefix before the quote changes nothing that matters here).
static size_t python_syntax__string_end(const char *bytes, size_t length, size_t quote) {
  char mark = bytes[quote];
  bool triple = quote + 2 < length && bytes[quote + 1] == mark && bytes[quote + 2] == mark;
  size_t i = quote + (triple ? 3 : 1);
  while (i < length) {
    if (bytes[i] == '\\') {
      i += 2;
      continue;
    }
    if (!triple && bytes[i] == '\n')
      return i;
    if (bytes[i] == mark &&
        (!triple || (i + 2 < length && bytes[i + 1] == mark && bytes[i + 2] == mark)))
      return i + (triple ? 3 : 1);
    i++;
  }
  return length;
}

static bool python_syntax__name_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

// The end of the bracketed group that opens at open, or 0 when it does not
// close on the same line (a multi-line operand is left as it is).
static size_t python_syntax__group_end(const char *bytes, size_t length, size_t open) {
  int depth = 0;
  for (size_t i = open; i < length; i++) {
    char c = bytes[i];
    if (c == '\n')
      return 0;
    if (c == '\'' || c == '"') {
      i = python_syntax__string_end(bytes, length, i);
      if (i >= length || bytes[i - 1] == '\n')
        return 0;
      i--;
      continue;
    }
    depth += (c == '(' || c == '[' || c == '{') ? 1 : (c == ')' || c == ']' || c == '}') ? -1 : 0;
    if (depth == 0)
      return i + 1;
  }
  return 0;
}

// The end of the operand after a unary star at offset star (a primary: a
// name or bracketed group, then calls, subscripts and attributes), or 0
// when the operand is a plain name, attribute or subscript chain the
// grammar takes already, or is no operand this rewrite can handle.
static size_t python_syntax__operand_end(const char *bytes, size_t length, size_t star,
                                         bool *needs_rewrite) {
  size_t i = star + 1;
  while (i < length && (bytes[i] == ' ' || bytes[i] == '\t'))
    i++;
  if (i >= length)
    return 0;
  *needs_rewrite = false;
  char c = bytes[i];
  if (c == '(' || c == '[' || c == '{') {
    *needs_rewrite = true;
    i = python_syntax__group_end(bytes, length, i);
  } else if (python_syntax__name_char(c)) {
    while (i < length && python_syntax__name_char(bytes[i]))
      i++;
  } else {
    return 0;
  }
  while (i > 0 && i < length) {
    if (bytes[i] == '(') {
      *needs_rewrite = true; // a call
      i = python_syntax__group_end(bytes, length, i);
    } else if (bytes[i] == '[') {
      i = python_syntax__group_end(bytes, length, i);
    } else if (bytes[i] == '.' && i + 1 < length && python_syntax__name_char(bytes[i + 1])) {
      i++;
      while (i < length && python_syntax__name_char(bytes[i]))
        i++;
    } else {
      break;
    }
  }
  return i;
}

// Whether the star at offset star is unary: what stands before it (blanks
// aside) opens an expression: a comma, '=', a bracket, ':', or a keyword
// that an expression list follows.
static bool python_syntax__unary_star(const char *bytes, size_t star) {
  size_t i = star;
  while (i > 0 && (bytes[i - 1] == ' ' || bytes[i - 1] == '\t'))
    i--;
  if (i == 0)
    return true;
  char c = bytes[i - 1];
  if (c == ',' || c == '=' || c == '(' || c == '[' || c == '{' || c == ':' || c == '\n')
    return !(c == '=' && i >= 2 && strchr("=!<>", bytes[i - 2]));
  static const char *const keywords[] = {"return", "yield", "in"};
  for (size_t k = 0; k < 3; k++) {
    size_t length = strlen(keywords[k]);
    if (i >= length && strncmp(bytes + i - length, keywords[k], length) == 0 &&
        (i == length || !python_syntax__name_char(bytes[i - length - 1])))
      return true;
  }
  return false;
}

// Rewrites, in copy, what the grammar lacks: every starred operand it does
// not take, and the line breaks inside brackets, which Python joins
// (implicit line joining) and the grammar's indentation scanner does not
// always (`(bar.` then a less indented `baz)`), with the comments there.
// Returns how many rewrites it made.
static size_t python_syntax__bridge(char *copy, size_t length) {
  size_t rewritten = 0;
  size_t depth = 0;
  for (size_t i = 0; i < length; i++) {
    char c = copy[i];
    if (c == '#') {
      size_t start = i;
      while (i < length && copy[i] != '\n')
        i++;
      if (depth > 0)
        memset(copy + start, ' ', i - start);
      i--;
      continue;
    }
    if (c == '\'' || c == '"') {
      i = python_syntax__string_end(copy, length, i) - 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{')
      depth++;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0)
      depth--;
    else if ((c == '\n' || c == '\r') && depth > 0) {
      copy[i] = ' ';
      rewritten++;
    }
    if (c != '*' || (i + 1 < length && copy[i + 1] == '*') || (i > 0 && copy[i - 1] == '*') ||
        !python_syntax__unary_star(copy, i))
      continue;
    bool needs_rewrite = false;
    size_t end = python_syntax__operand_end(copy, length, i, &needs_rewrite);
    if (end == 0 || !needs_rewrite)
      continue;
    size_t start = i + 1;
    while (copy[start] == ' ' || copy[start] == '\t')
      start++;
    memset(copy + start, '_', end - start);
    rewritten++;
    i = end - 1;
  }
  return rewritten;
}

bool python_syntax_confirm(TSParser *parser, const char *bytes, size_t length, uint32_t *line,
                           uint32_t *column) {
  char *copy = xmalloc(length + 1);
  memcpy(copy, bytes, length);
  copy[length] = '\0';
  bool stands = true;
  if (python_syntax__bridge(copy, length) > 0) {
    ts_parser_reset(parser);
    TSTree *tree = ts_parser_parse_string(parser, NULL, copy, (uint32_t)length);
    // The tree lives in the caller's arena, as the first one does. Offsets
    // are the same in both texts, lines are not (joined): the problem's
    // place is read off the original.
    uint32_t offset;
    stands = !tree || python_syntax__first_problem_offset(tree, &offset);
    if (tree && stands)
      python_syntax__position(bytes, offset, line, column);
  }
  free(copy);
  return stands;
}
