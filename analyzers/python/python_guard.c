#include "python_guard.h"

#include "xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

// The guard estimates the parser's stack as an operator-precedence parser
// would hold it: every open bracket, and at each bracket level the operators
// still waiting for their right operand. Left-associative chains (`a + b +
// c`) and comma-separated elements reduce as they go and cost nothing;
// prefix operators (`- - x`, `not not x`, `lambda: lambda:`), right-
// associative ones (`**`, `=`, `if ... else`) and brackets pile up. Each
// waiting operator or bracket stands for at most two stack entries (itself
// and the operand before it).

enum {
  PREC_STATEMENT = 0, // prefix: return, del, import, def, ...; only a newline ends them
  PREC_ASSIGN = 1,    // right: = += := ->
  PREC_COMMA = 2,     // outside brackets, a comma ends every operator above this
  PREC_FOR = 3,       // left: for, as, and prefix yield
  PREC_COLON = 4,     // right: dict, slice, annotation and lambda colons
  PREC_LAMBDA = 4,    // prefix: stays under its own colon
  PREC_TERNARY = 5,   // right: if, else
  PREC_OR = 6,
  PREC_AND = 7,
  PREC_NOT = 8, // prefix
  PREC_COMPARE = 9,
  PREC_BIT_OR = 10,
  PREC_BIT_XOR = 11,
  PREC_BIT_AND = 12,
  PREC_SHIFT = 13,
  PREC_ADD = 14,
  PREC_MUL = 15,
  PREC_UNARY = 16, // prefix: - + ~ and unpacking * **
  PREC_POWER = 17, // right
  PREC_AWAIT = 18, // prefix
  PREC_DOT = 19,
};

typedef struct python_guard {
  const char *bytes;
  size_t length;
  size_t at;
  uint32_t line;
  // Waiting operators of every open bracket level, innermost last.
  unsigned char *ops;
  size_t op_count;
  size_t op_capacity;
  size_t *levels; // levels[i]: op_count when bracket i opened
  size_t level_count;
  size_t level_capacity;
  bool after_operand; // decides `-` unary or binary, `if` ternary or not
  size_t deepest;     // the estimate's maximum over the current logical line
  char *copy;
  uint32_t first_line;
  uint32_t line_count;
  // The physical line being read: where it starts, and whether it holds a
  // token, a comment with only blanks before it, or a continuation
  // backslash with only blanks before it.
  size_t physical_start;
  bool physical_code;
  bool physical_comment;
  bool physical_backslash;
  size_t mark_at; // that comment's '#', or that backslash
  // The run the current line belongs to: the comment lines and backslash
  // lines since the last line that held a token.
  python_comments run_comments;
  size_t *run_backslashes;
  uint32_t *run_backslash_lines;
  size_t run_backslash_count;
  size_t run_backslash_capacity;
  // What python_guard_apply blanks in the parsable text.
  size_t *blank_starts;
  size_t *blank_ends;
  size_t blank_count;
  size_t blank_capacity;
  python_guard_result *result;
} python_guard;

static size_t python_guard__level_start(const python_guard *self) {
  return self->level_count ? self->levels[self->level_count - 1] : 0;
}

static void python_guard__measure(python_guard *self, size_t extra) {
  size_t estimate = 2 * (self->op_count + self->level_count + extra);
  if (estimate > self->deepest)
    self->deepest = estimate;
}

// Ends the waiting operators of the current level that bind tighter than
// prec (or as tight, for a left-associative operator).
static void python_guard__reduce(python_guard *self, int prec, bool right) {
  size_t start = python_guard__level_start(self);
  while (self->op_count > start) {
    int top = self->ops[self->op_count - 1];
    if (top < prec || (right && top == prec))
      break;
    self->op_count--;
  }
}

static void python_guard__push(python_guard *self, int prec) {
  XGROW(self->ops, self->op_capacity, self->op_count + 1);
  self->ops[self->op_count++] = (unsigned char)prec;
  python_guard__measure(self, 0);
}

static void python_guard__binary(python_guard *self, int prec, bool right) {
  python_guard__reduce(self, prec, right);
  python_guard__push(self, prec);
  self->after_operand = false;
}

static void python_guard__prefix(python_guard *self, int prec) {
  python_guard__push(self, prec);
  self->after_operand = false;
}

static void python_guard__open(python_guard *self) {
  XGROW(self->levels, self->level_capacity, self->level_count + 1);
  self->levels[self->level_count++] = self->op_count;
  python_guard__measure(self, 0);
  self->after_operand = false;
}

static void python_guard__close(python_guard *self) {
  if (self->level_count > 0)
    self->op_count = self->levels[--self->level_count];
  self->after_operand = true;
}

static void python_guard__end_line(python_guard *self, size_t line_start, uint32_t start_line) {
  if (self->deepest > PYTHON_GUARD_MAX_DEPTH) {
    if (!self->copy) {
      self->copy = xmalloc(self->length + 1);
      memcpy(self->copy, self->bytes, self->length + 1);
      self->first_line = start_line;
    }
    for (size_t i = line_start; i < self->at; i++)
      if (self->copy[i] != '\n')
        self->copy[i] = ' ';
    self->line_count++;
  }
  self->op_count = 0;
  self->level_count = 0;
  self->after_operand = false;
  self->deepest = 0;
}

static bool python_guard__name_byte(unsigned char c) {
  // (c | 0x20) folds A-Z onto a-z and nothing else onto them.
  return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c == '_' || c >= 0x80;
}

// What a keyword does to the estimate.
typedef enum python_guard_role {
  ROLE_NAME, // not a keyword: an operand
  ROLE_IF_ELSE,
  ROLE_OR,
  ROLE_AND,
  ROLE_NOT,
  ROLE_COMPARE, // in, is
  ROLE_FOR,     // for, as
  ROLE_YIELD,
  ROLE_LAMBDA,
  ROLE_AWAIT,
  ROLE_STATEMENT, // a prefix that only a newline ends
} python_guard_role;

// Whether the word of length bytes at word is the literal keyword.
#define PYTHON_GUARD_IS(keyword)                                                                   \
  (length == sizeof(keyword) - 1 && memcmp(word, keyword, sizeof(keyword) - 1) == 0)

// Every word of a file comes here, so the keywords are sorted by their first
// byte, and most words are told apart by it and their length alone.
static python_guard_role python_guard__role(const char *word, size_t length) {
  if (length < 2 || length > 8) // no keyword is shorter or longer
    return ROLE_NAME;
  switch (word[0]) {
  case 'a':
    return PYTHON_GUARD_IS("and")                                  ? ROLE_AND
           : PYTHON_GUARD_IS("as")                                 ? ROLE_FOR
           : PYTHON_GUARD_IS("await")                              ? ROLE_AWAIT
           : PYTHON_GUARD_IS("assert") || PYTHON_GUARD_IS("async") ? ROLE_STATEMENT
                                                                   : ROLE_NAME;
  case 'b':
    return PYTHON_GUARD_IS("break") ? ROLE_STATEMENT : ROLE_NAME;
  case 'c':
    return PYTHON_GUARD_IS("class") || PYTHON_GUARD_IS("continue") ? ROLE_STATEMENT : ROLE_NAME;
  case 'd':
    return PYTHON_GUARD_IS("def") || PYTHON_GUARD_IS("del") ? ROLE_STATEMENT : ROLE_NAME;
  case 'e':
    return PYTHON_GUARD_IS("else")                                ? ROLE_IF_ELSE
           : PYTHON_GUARD_IS("elif") || PYTHON_GUARD_IS("except") ? ROLE_STATEMENT
                                                                  : ROLE_NAME;
  case 'f':
    return PYTHON_GUARD_IS("for")                                  ? ROLE_FOR
           : PYTHON_GUARD_IS("from") || PYTHON_GUARD_IS("finally") ? ROLE_STATEMENT
                                                                   : ROLE_NAME;
  case 'g':
    return PYTHON_GUARD_IS("global") ? ROLE_STATEMENT : ROLE_NAME;
  case 'i':
    return PYTHON_GUARD_IS("if")                            ? ROLE_IF_ELSE
           : PYTHON_GUARD_IS("in") || PYTHON_GUARD_IS("is") ? ROLE_COMPARE
           : PYTHON_GUARD_IS("import")                      ? ROLE_STATEMENT
                                                            : ROLE_NAME;
  case 'l':
    return PYTHON_GUARD_IS("lambda") ? ROLE_LAMBDA : ROLE_NAME;
  case 'n':
    return PYTHON_GUARD_IS("not")        ? ROLE_NOT
           : PYTHON_GUARD_IS("nonlocal") ? ROLE_STATEMENT
                                         : ROLE_NAME;
  case 'o':
    return PYTHON_GUARD_IS("or") ? ROLE_OR : ROLE_NAME;
  case 'p':
    return PYTHON_GUARD_IS("pass") ? ROLE_STATEMENT : ROLE_NAME;
  case 'r':
    return PYTHON_GUARD_IS("return") || PYTHON_GUARD_IS("raise") ? ROLE_STATEMENT : ROLE_NAME;
  case 't':
    return PYTHON_GUARD_IS("try") ? ROLE_STATEMENT : ROLE_NAME;
  case 'w':
    return PYTHON_GUARD_IS("while") || PYTHON_GUARD_IS("with") ? ROLE_STATEMENT : ROLE_NAME;
  case 'y':
    return PYTHON_GUARD_IS("yield") ? ROLE_YIELD : ROLE_NAME;
  default:
    return ROLE_NAME;
  }
}

#undef PYTHON_GUARD_IS

static void python_guard__word(python_guard *self, const char *word, size_t length) {
  switch (python_guard__role(word, length)) {
  case ROLE_IF_ELSE:
    if (self->after_operand)
      python_guard__binary(self, PREC_TERNARY, true);
    else
      python_guard__prefix(self, PREC_STATEMENT);
    return;
  case ROLE_OR:
    python_guard__binary(self, PREC_OR, false);
    return;
  case ROLE_AND:
    python_guard__binary(self, PREC_AND, false);
    return;
  case ROLE_NOT:
    if (self->after_operand) // `a not in b`: the `in` counts
      self->after_operand = false;
    else
      python_guard__prefix(self, PREC_NOT);
    return;
  case ROLE_COMPARE:
    python_guard__binary(self, PREC_COMPARE, false);
    return;
  case ROLE_FOR:
    python_guard__binary(self, PREC_FOR, false);
    return;
  case ROLE_YIELD:
    python_guard__prefix(self, PREC_FOR);
    return;
  case ROLE_LAMBDA:
    python_guard__prefix(self, PREC_LAMBDA);
    return;
  case ROLE_AWAIT:
    python_guard__prefix(self, PREC_AWAIT);
    return;
  case ROLE_STATEMENT:
    python_guard__prefix(self, PREC_STATEMENT);
    return;
  case ROLE_NAME:
    break;
  }
  self->after_operand = true; // a name, a number, True, None, a soft keyword
}

// Skips a string literal whose quote is at self->at. An f-string's
// replacement fields hold expressions: their brackets count.
static void python_guard__string(python_guard *self, bool formatted) {
  char quote = self->bytes[self->at];
  bool triple = self->at + 2 < self->length && self->bytes[self->at + 1] == quote &&
                self->bytes[self->at + 2] == quote;
  self->at += triple ? 3 : 1;
  size_t depth = 0;
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
        break; // unterminated: the newline ends the line as usual
      self->line++;
    } else if (c == quote) {
      if (!triple) {
        self->at++;
        break;
      }
      if (self->at + 2 < self->length && self->bytes[self->at + 1] == quote &&
          self->bytes[self->at + 2] == quote) {
        self->at += 3;
        break;
      }
    } else if (formatted && (c == '{' || c == '(' || c == '[')) {
      depth++;
      python_guard__measure(self, depth);
    } else if (formatted && (c == '}' || c == ')' || c == ']') && depth > 0) {
      depth--;
    }
    self->at++;
  }
  self->after_operand = true;
}

// An operator or other punctuation starting at self->at.
static void python_guard__punctuation(python_guard *self) {
  const char *p = self->bytes + self->at;
  size_t left = self->length - self->at;
  char c = p[0];
  char next = left > 1 ? p[1] : '\0';
  char third = left > 2 ? p[2] : '\0';
  size_t width = 1;
  if ((c == '*' && next == '*') || (c == '/' && next == '/') || (c == '<' && next == '<') ||
      (c == '>' && next == '>'))
    width = third == '=' ? 3 : 2;
  else if (next == '=' && strchr("+-*/%@&|^<>=!:", c))
    width = 2;
  else if (c == '-' && next == '>')
    width = 2;
  else if (c == '.' && next == '.' && third == '.')
    width = 3;
  bool assigns = width >= 2 && p[width - 1] == '=' && c != '=' && c != '!' &&
                 !((c == '<' || c == '>') && width == 2);
  self->at += width;
  if (assigns || (c == '=' && width == 1) || (c == '-' && next == '>')) {
    python_guard__binary(self, PREC_ASSIGN, true); // = += := -> <<= **=
    return;
  }
  if (width == 3 && c == '.') { // ...
    self->after_operand = true;
    return;
  }
  switch (c) {
  case '(':
  case '[':
  case '{':
    python_guard__open(self);
    return;
  case ')':
  case ']':
  case '}':
    python_guard__close(self);
    return;
  case ',':
    // Inside brackets a comma ends the element, keyword argument and all;
    // outside, `a, b = c, d` keeps the `=` waiting.
    python_guard__reduce(self, self->level_count ? PREC_STATEMENT : PREC_COMMA + 1, false);
    self->after_operand = false;
    return;
  case ';':
    python_guard__reduce(self, self->level_count ? PREC_COMMA + 1 : PREC_STATEMENT, false);
    self->after_operand = false;
    return;
  case ':':
    python_guard__binary(self, PREC_COLON, true);
    return;
  case '.':
    if (!self->after_operand && next >= '0' && next <= '9')
      return; // `.5`: the digits that follow are the operand
    python_guard__binary(self, PREC_DOT, false);
    return;
  case '=':
  case '!':
  case '<':
  case '>':
    python_guard__binary(self, width == 2 && next == c ? PREC_SHIFT : PREC_COMPARE, false);
    return;
  case '|':
    python_guard__binary(self, PREC_BIT_OR, false);
    return;
  case '^':
    python_guard__binary(self, PREC_BIT_XOR, false);
    return;
  case '&':
    python_guard__binary(self, PREC_BIT_AND, false);
    return;
  case '~':
    python_guard__prefix(self, PREC_UNARY);
    return;
  case '-':
  case '+':
  case '*':
    if (!self->after_operand)
      python_guard__prefix(self, PREC_UNARY);
    else if (width == 2) // **
      python_guard__binary(self, PREC_POWER, true);
    else
      python_guard__binary(self, c == '*' ? PREC_MUL : PREC_ADD, false);
    return;
  case '/':
  case '%':
  case '@':
    if (c == '@' && !self->after_operand)
      python_guard__prefix(self, PREC_STATEMENT); // a decorator
    else
      python_guard__binary(self, PREC_MUL, false);
    return;
  default:
    self->after_operand = true; // `$`, `?`, a backtick: an error, not a nesting
    return;
  }
}

// ---------------------------------------------------------------------------
// Runs of comment lines and backslash lines

static void python_guard__blank_span(python_guard *self, size_t start, size_t end) {
  size_t capacity = self->blank_capacity;
  XGROW(self->blank_starts, self->blank_capacity, self->blank_count + 1);
  if (capacity != self->blank_capacity)
    self->blank_ends = xrealloc(self->blank_ends, self->blank_capacity * sizeof(size_t));
  self->blank_starts[self->blank_count] = start;
  self->blank_ends[self->blank_count++] = end;
}

// The run ends (a line holds a token, or the file ends): a run of more than
// PYTHON_GUARD_MAX_RUN comment and backslash lines has its comment lines
// blanked (their comments kept aside), and more than that many backslash
// lines their backslashes.
static void python_guard__end_run(python_guard *self) {
  python_comments *run = &self->run_comments;
  if (run->count + self->run_backslash_count > PYTHON_GUARD_MAX_RUN) {
    python_comments *hidden = &self->result->hidden;
    for (size_t i = 0; i < run->count; i++) {
      const python_comment *comment = &run->items[i];
      XGROW(hidden->items, hidden->capacity, hidden->count + 1);
      hidden->items[hidden->count++] = *comment;
      python_guard__blank_span(self, comment->start, comment->end);
    }
    if (self->run_backslash_count > PYTHON_GUARD_MAX_RUN) {
      if (self->result->backslash_count == 0)
        self->result->backslash_line = self->run_backslash_lines[0];
      self->result->backslash_count += (uint32_t)self->run_backslash_count;
      for (size_t i = 0; i < self->run_backslash_count; i++)
        python_guard__blank_span(self, self->run_backslashes[i], self->run_backslashes[i] + 1);
    }
  }
  python_comments_clear(run);
  self->run_backslash_count = 0;
}

// A token at self->at: its line holds code, which ends the run before it.
static void python_guard__token(python_guard *self) {
  if (self->physical_code)
    return;
  self->physical_code = true;
  if (self->run_comments.count || self->run_backslash_count)
    python_guard__end_run(self);
}

static bool python_guard__blank(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

// The physical line ends at the newline at offset: a comment line or a
// backslash line joins the run (a blank one leaves it as it is).
static void python_guard__end_physical(python_guard *self, size_t newline) {
  if (!self->physical_code && self->physical_comment) {
    size_t end = newline;
    while (end > self->mark_at && python_guard__blank(self->bytes[end - 1]))
      end--;
    python_comments *run = &self->run_comments;
    XGROW(run->items, run->capacity, run->count + 1);
    // As the parser would give the comment (python_comments_add): its line,
    // its column (only blanks, each a column, come before it), its bytes.
    run->items[run->count++] = (python_comment){
        .line = self->line,
        .column = (uint32_t)(self->mark_at - self->physical_start) + 1,
        .start = (uint32_t)self->mark_at,
        .end = (uint32_t)end,
        .own_line = true,
    };
  } else if (!self->physical_code && self->physical_backslash) {
    size_t capacity = self->run_backslash_capacity;
    XGROW(self->run_backslashes, self->run_backslash_capacity, self->run_backslash_count + 1);
    if (capacity != self->run_backslash_capacity)
      self->run_backslash_lines =
          xrealloc(self->run_backslash_lines, self->run_backslash_capacity * sizeof(uint32_t));
    self->run_backslashes[self->run_backslash_count] = self->mark_at;
    self->run_backslash_lines[self->run_backslash_count++] = self->line;
  }
  self->physical_start = newline + 1;
  self->physical_code = false;
  self->physical_comment = false;
  self->physical_backslash = false;
}

// Whether bytes may hold a run the guard would blank: a line-by-line look
// that knows nothing of strings, so it errs high, at a memchr a line.
static bool python_guard__may_have_long_run(const char *bytes, size_t length) {
  size_t extras = 0;
  for (size_t at = 0; at < length;) {
    const char *newline = memchr(bytes + at, '\n', length - at);
    size_t end = newline ? (size_t)(newline - bytes) : length;
    size_t first = at;
    while (first < end && python_guard__blank(bytes[first]))
      first++;
    bool backslash_only = first < end && bytes[first] == '\\';
    for (size_t b = first + 1; backslash_only && b < end; b++)
      backslash_only = bytes[b] == '\r';
    if (first < end && (bytes[first] == '#' || backslash_only))
      extras++;
    else if (first < end)
      extras = 0; // a line of code ends the run
    if (extras > PYTHON_GUARD_MAX_RUN)
      return true;
    at = end + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The walk

// Reads bytes once, blanking deep statements into self->copy and noting
// long runs (python_guard.h).
static void python_guard__walk(python_guard *self) {
  const char *bytes = self->bytes;
  size_t length = self->length;
  size_t line_start = 0;
  uint32_t start_line = 1;
  while (self->at < length) {
    unsigned char c = (unsigned char)bytes[self->at];
    if (c == '\n') {
      python_guard__end_physical(self, self->at);
      if (self->level_count > 0) { // inside brackets a newline is white space
        self->line++;
        self->at++;
        continue;
      }
      python_guard__end_line(self, line_start, start_line);
      self->at++;
      self->line++;
      line_start = self->at;
      start_line = self->line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      self->at++;
      continue;
    }
    if (c == '\\' && self->at + 1 < length &&
        (bytes[self->at + 1] == '\n' ||
         (bytes[self->at + 1] == '\r' && self->at + 2 < length && bytes[self->at + 2] == '\n'))) {
      if (!self->physical_code && !self->physical_comment) {
        self->physical_backslash = true;
        self->mark_at = self->at;
      }
      self->at += bytes[self->at + 1] == '\n' ? 2 : 3;
      python_guard__end_physical(self, self->at - 1);
      self->line++;
      continue;
    }
    if (c == '#') {
      if (!self->physical_code) {
        self->physical_comment = true;
        self->mark_at = self->at;
      }
      const char *newline = memchr(bytes + self->at, '\n', length - self->at);
      self->at = newline ? (size_t)(newline - bytes) : length;
      continue;
    }
    python_guard__token(self);
    if (c == '\'' || c == '"') {
      python_guard__string(self, false);
      continue;
    }
    if (python_guard__name_byte(c)) {
      size_t start = self->at;
      while (self->at < length && python_guard__name_byte((unsigned char)bytes[self->at]))
        self->at++;
      size_t word = self->at - start;
      if (self->at < length && (bytes[self->at] == '\'' || bytes[self->at] == '"') && word <= 2 &&
          strspn(bytes + start, "rRbBuUfF") >= word) {
        bool formatted = memchr(bytes + start, 'f', word) || memchr(bytes + start, 'F', word);
        python_guard__string(self, formatted);
      } else {
        python_guard__word(self, bytes + start, word);
      }
      continue;
    }
    python_guard__punctuation(self);
  }
  python_guard__end_physical(self, length);
  python_guard__end_run(self);
  python_guard__end_line(self, line_start, start_line);
}

void python_guard_result_init(python_guard_result *self) {
  memset(self, 0, sizeof(*self));
  python_comments_init(&self->hidden);
}

void python_guard_result_clear(python_guard_result *self) {
  free(self->readable);
  free(self->parsable);
  self->readable = NULL;
  self->parsable = NULL;
  self->deep_line = self->deep_count = 0;
  self->backslash_line = self->backslash_count = 0;
  python_comments_clear(&self->hidden);
}

void python_guard_result_release(python_guard_result *self) {
  python_guard_result_clear(self);
  python_comments_release(&self->hidden);
}

void python_guard_apply(const char *bytes, size_t length, python_guard_result *result) {
  python_guard_result_clear(result);
  // Every bracket or operator is at least one byte and stands for at most
  // two stack entries: a short file cannot get near the depth limit, and
  // most files have no long run.
  if (length <= PYTHON_GUARD_MAX_DEPTH / 2 && !python_guard__may_have_long_run(bytes, length))
    return;
  python_guard self = {.bytes = bytes, .length = length, .line = 1, .result = result};
  python_comments_init(&self.run_comments);
  python_guard__walk(&self);
  result->readable = self.copy;
  result->deep_line = self.first_line;
  result->deep_count = self.line_count;
  // A comment inside a deep statement went with it.
  if (self.copy) {
    python_comments *hidden = &result->hidden;
    size_t kept = 0;
    for (size_t i = 0; i < hidden->count; i++)
      if (self.copy[hidden->items[i].start] == '#')
        hidden->items[kept++] = hidden->items[i];
    hidden->count = kept;
  }
  if (self.blank_count) {
    const char *from = self.copy ? self.copy : bytes;
    result->parsable = xmalloc(length + 1);
    memcpy(result->parsable, from, length + 1);
    for (size_t i = 0; i < self.blank_count; i++)
      for (size_t b = self.blank_starts[i]; b < self.blank_ends[i]; b++)
        if (result->parsable[b] != '\n' && result->parsable[b] != '\r')
          result->parsable[b] = ' ';
  }
  free(self.ops);
  free(self.levels);
  python_comments_release(&self.run_comments);
  free(self.run_backslashes);
  free(self.run_backslash_lines);
  free(self.blank_starts);
  free(self.blank_ends);
}

char *python_guard_blank_deep_lines(const char *bytes, size_t length, uint32_t *first_line,
                                    uint32_t *line_count) {
  python_guard_result result;
  python_guard_result_init(&result);
  python_guard_apply(bytes, length, &result);
  char *copy = result.readable;
  result.readable = NULL;
  *first_line = result.deep_line;
  *line_count = result.deep_count;
  python_guard_result_release(&result);
  return copy;
}
