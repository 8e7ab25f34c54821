#include "cxx_directives.h"

#include "cxx_text.h"
#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// One open conditional (#if ... #endif).
typedef struct cxx_branch {
  bool dead;        // the branch the walk is in sits under #if 0 / #elif 0
  bool parent_dead; // the whole conditional sits in dead code
  bool guard;       // the file's include guard, whose condition is no condition
  uint32_t line;    // of the opening directive
  uint32_t column;
  const char *opener; // "if", "ifdef" or "ifndef"
  strbuf earlier;     // the conditions of the branches before this one, joined by " || "
  strbuf clause;      // the condition of the branch the walk is in
} cxx_branch;

typedef struct cxx_walk {
  const char *bytes;
  size_t length;
  cxx_token_list *list;
  const cxx_token *tokens; // list->items
  size_t token_count;
  file_facts *facts;
  cxx_macros *macros;
  // Where line counting stopped: directives come in order, so one pass.
  size_t counted;
  size_t line_start;
  uint32_t line;
  cxx_branch *branches;
  size_t depth;
  size_t capacity;
  bool reported_stray;
  // An include guard is an #ifndef (or `#if !defined`) before any code or
  // other directive, followed at once by the #define of its macro.
  bool guard_possible;
  strbuf guard_macro; // set while the #define that makes a guard is awaited
  strbuf name;        // the directive's name
  strbuf operand;     // scratch for targets and replacement text
  strbuf statement;
  unsigned char *roles; // see cxx_directives_extract; may be NULL
  const char *const *own_macros;
  size_t own_macro_count;
  // The condition of the last include, which the includes after it share
  // (facts.h) until a conditional directive changes what they are under.
  char *condition;
  bool condition_known;
} cxx_walk;

// How much of its conditions an include records: the outermost levels, up
// to this many bytes, then " && ...". Real conditions are a few dozen bytes;
// a file nested thousands of levels deep, or under an #elif chain thousands
// long, would otherwise give each include a copy of all of them.
enum { CXX_WALK__CONDITION_MAX = 512, CXX_WALK__CONDITION_LEVELS = 32 };

static uint32_t cxx_walk__end(const cxx_walk *self, size_t index) {
  return cxx_token_end(self->list, index);
}

// Whether a new logical line starts between token index - 1 and index: a
// newline in the white space between them that no backslash splices away.
// Newlines inside a comment do not count (the comment is one token), as in
// the preprocessor, where a block comment does not end a directive.
static bool cxx_walk__line_starts_at(const cxx_walk *self, size_t index) {
  if (index == 0)
    return true;
  size_t from = cxx_token_may_span_lines(&self->tokens[index - 1], self->bytes)
                    ? cxx_walk__end(self, index - 1)
                    : self->tokens[index - 1].begin;
  size_t to = self->tokens[index].begin;
  for (size_t i = from; i < to; i++) {
    if (self->bytes[i] != '\n')
      continue;
    size_t back = i;
    while (back > from && (self->bytes[back - 1] == '\r' || self->bytes[back - 1] == ' ' ||
                           self->bytes[back - 1] == '\t'))
      back--;
    if (back == from || self->bytes[back - 1] != '\\')
      return true;
  }
  return false;
}

// Whether token index is the first code on its line: only comments and
// white space stand between it and the last line break ("/* x */ #define").
static bool cxx_walk__first_on_line(const cxx_walk *self, size_t index) {
  for (;;) {
    if (cxx_walk__line_starts_at(self, index))
      return true;
    if (self->tokens[--index].kind != CXX_TOKEN_COMMENT)
      return false;
  }
}

// The first token in [index, end) that is not a comment, or end.
static size_t cxx_walk__code(const cxx_walk *self, size_t index, size_t end) {
  while (index < end && self->tokens[index].kind == CXX_TOKEN_COMMENT)
    index++;
  return index;
}

static void cxx_walk__append(const cxx_walk *self, size_t begin, size_t end, strbuf *out) {
  cxx_text_append(self->bytes, begin, end, out);
}

static void cxx_walk__token_text(const cxx_walk *self, size_t index, strbuf *out) {
  strbuf_clear(out);
  cxx_walk__append(self, self->tokens[index].begin, cxx_walk__end(self, index), out);
}

// Appends the code tokens of [index, end), one space where white space or a
// comment stood between two of them.
static void cxx_walk__fold(const cxx_walk *self, size_t index, size_t end, strbuf *out) {
  size_t previous_end = SIZE_MAX;
  for (index = cxx_walk__code(self, index, end); index < end;
       index = cxx_walk__code(self, index + 1, end)) {
    const cxx_token *token = &self->tokens[index];
    if (previous_end != SIZE_MAX && token->begin != previous_end)
      strbuf_append_char(out, ' ');
    previous_end = cxx_walk__end(self, index);
    cxx_walk__append(self, token->begin, previous_end, out);
  }
}

static void cxx_walk__position(cxx_walk *self, size_t offset, uint32_t *line, uint32_t *column) {
  for (; self->counted < offset; self->counted++) {
    if (self->bytes[self->counted] == '\n') {
      self->line++;
      self->line_start = self->counted + 1;
    }
  }
  *line = self->line;
  *column = source_column(self->bytes, self->line_start, offset);
}

static bool cxx_walk__dead(const cxx_walk *self) {
  return self->depth > 0 && self->branches[self->depth - 1].dead;
}

// Whether the directive's condition after name_index is the literal 0.
static bool cxx_walk__literal_zero(cxx_walk *self, size_t name_index, size_t end) {
  size_t value = cxx_walk__code(self, name_index + 1, end);
  if (value == end || cxx_walk__code(self, value + 1, end) != end)
    return false;
  cxx_walk__token_text(self, value, &self->operand);
  return strcmp(self->operand.data, "0") == 0;
}

static void cxx_walk__stray(cxx_walk *self, size_t hash, const char *directive) {
  if (self->reported_stray)
    return;
  self->reported_stray = true;
  uint32_t line, column;
  cxx_walk__position(self, self->tokens[hash].begin, &line, &column);
  file_facts_add_notice(self->facts, line, column, "'#%s' without a matching '#if'", directive);
}

// Whether text is one term, which negates without parentheses: a name or a
// call such as defined(NAME) or AT_CUDNN_ENABLED(), negated or not.
static bool cxx_walk__single_term(const char *text) {
  if (*text == '!')
    text++;
  const char *name = text;
  while (cxx_text_is_identifier_char((unsigned char)*text))
    text++;
  if (text == name)
    return false;
  if (*text == '\0')
    return true;
  if (*text != '(')
    return false;
  int depth = 0;
  for (; *text; text++) {
    depth += *text == '(' ? 1 : *text == ')' ? -1 : 0;
    if (depth == 0)
      return text[1] == '\0';
  }
  return false;
}

// Whether condition must be parenthesized to be joined by &&: it holds ||
// or ?: outside parentheses.
static bool cxx_walk__needs_parentheses(const char *condition) {
  int depth = 0;
  for (const char *c = condition; *c; c++) {
    depth += *c == '(' ? 1 : *c == ')' ? -1 : 0;
    if (depth == 0 && ((c[0] == '|' && c[1] == '|') || c[0] == '?'))
      return true;
  }
  return false;
}

// Appends the negation of condition, as a reader would write it.
static void cxx_walk__negate(const char *condition, strbuf *out) {
  if (condition[0] == '!' && cxx_walk__single_term(condition))
    strbuf_append_str(out, condition + 1);
  else if (cxx_walk__single_term(condition))
    strbuf_printf(out, "!%s", condition);
  else
    strbuf_printf(out, "!(%s)", condition);
}

// The condition text of `#if`/`#elif` (folded), `#ifdef M`/`#elifdef M`
// ("defined(M)") or `#ifndef M`/`#elifndef M` ("!defined(M)"), in out.
static void cxx_walk__condition_text(const cxx_walk *self, const char *directive, size_t name_index,
                                     size_t end, strbuf *out) {
  strbuf_clear(out);
  size_t length = strlen(directive);
  bool is_def = length >= 3 && strcmp(directive + length - 3, "def") == 0;
  if (!is_def) {
    cxx_walk__fold(self, name_index + 1, end, out);
    return;
  }
  bool negated = length >= 4 && strcmp(directive + length - 4, "ndef") == 0;
  strbuf_append_str(out, negated ? "!defined(" : "defined(");
  cxx_walk__fold(self, name_index + 1, end, out);
  strbuf_append_char(out, ')');
}

// The macro an include guard would define: M of `#ifndef M` or of
// `#if !defined(M)` / `#if !defined M`; false for any other condition.
static bool cxx_walk__guard_macro(const cxx_walk *self, const char *directive, size_t name_index,
                                  size_t end, strbuf *macro) {
  strbuf_clear(macro);
  size_t index = cxx_walk__code(self, name_index + 1, end);
  if (strcmp(directive, "if") == 0) {
    static const char *const prefix[] = {"!", "defined"};
    for (size_t i = 0; i < 2; i++, index = cxx_walk__code(self, index + 1, end)) {
      if (index == end)
        return false;
      strbuf_clear(macro);
      cxx_walk__append(self, self->tokens[index].begin, cxx_walk__end(self, index), macro);
      if (strcmp(macro->data, prefix[i]) != 0)
        return false;
    }
    bool parenthesized = index < end && self->bytes[self->tokens[index].begin] == '(';
    if (parenthesized)
      index = cxx_walk__code(self, index + 1, end);
    if (index == end || self->tokens[index].kind != CXX_TOKEN_IDENTIFIER)
      return false;
    size_t after = cxx_walk__code(self, index + 1, end);
    if (parenthesized) {
      if (after == end || self->bytes[self->tokens[after].begin] != ')')
        return false;
      after = cxx_walk__code(self, after + 1, end);
    }
    if (after != end)
      return false;
  } else if (strcmp(directive, "ifndef") != 0 || index == end ||
             self->tokens[index].kind != CXX_TOKEN_IDENTIFIER ||
             cxx_walk__code(self, index + 1, end) != end) {
    return false;
  }
  strbuf_clear(macro);
  cxx_walk__append(self, self->tokens[index].begin, cxx_walk__end(self, index), macro);
  return true;
}

// #if, #ifdef, #ifndef, #elif*, #else, #endif. Returns false for any other.
static bool cxx_walk__conditional(cxx_walk *self, size_t hash, size_t name_index, size_t end) {
  const char *name = self->name.data;
  self->condition_known = false;
  static const char *const openers[] = {"if", "ifdef", "ifndef"};
  for (size_t i = 0; i < sizeof(openers) / sizeof(*openers); i++) {
    if (strcmp(name, openers[i]) != 0)
      continue;
    XGROW(self->branches, self->capacity, self->depth + 1);
    cxx_branch *branch = &self->branches[self->depth];
    branch->parent_dead = cxx_walk__dead(self);
    branch->dead = branch->parent_dead || (i == 0 && cxx_walk__literal_zero(self, name_index, end));
    branch->guard = false;
    branch->opener = openers[i];
    cxx_walk__position(self, self->tokens[hash].begin, &branch->line, &branch->column);
    strbuf_init(&branch->clause);
    strbuf_init(&branch->earlier);
    cxx_walk__condition_text(self, name, name_index, end, &branch->clause);
    // A literal 0 is false: it adds nothing to what the later branches negate.
    if (!branch->dead || branch->parent_dead)
      strbuf_append(&branch->earlier, branch->clause.data, branch->clause.length);
    if (self->guard_possible && self->depth == 0 &&
        cxx_walk__guard_macro(self, name, name_index, end, &self->guard_macro))
      self->guard_possible = true; // decided by the next directive
    else
      self->guard_possible = false;
    self->depth++;
    return true;
  }
  bool is_else = strcmp(name, "else") == 0;
  if (is_else || strcmp(name, "elif") == 0 || strcmp(name, "elifdef") == 0 ||
      strcmp(name, "elifndef") == 0) {
    if (self->depth == 0) {
      cxx_walk__stray(self, hash, name);
      return true;
    }
    cxx_branch *branch = &self->branches[self->depth - 1];
    bool zero = strcmp(name, "elif") == 0 && cxx_walk__literal_zero(self, name_index, end);
    branch->dead = branch->parent_dead || zero;
    branch->guard = false;
    strbuf_clear(&branch->clause);
    if (branch->earlier.length)
      cxx_walk__negate(branch->earlier.data, &branch->clause);
    if (!is_else && !zero) {
      cxx_walk__condition_text(self, name, name_index, end, &self->operand);
      bool wrap = branch->clause.length && cxx_walk__needs_parentheses(self->operand.data);
      strbuf_printf(&branch->clause,
                    wrap                    ? " && (%s)"
                    : branch->clause.length ? " && %s"
                                            : "%s",
                    self->operand.data);
      // An #elif chain thousands long would make each branch's negation of
      // those before it as long: past the limit, " || ..." stands for them.
      if (branch->earlier.length < CXX_WALK__CONDITION_MAX)
        strbuf_printf(&branch->earlier, branch->earlier.length ? " || %s" : "%s",
                      self->operand.data);
      else if (!strstr(branch->earlier.data + branch->earlier.length - 8, " || ..."))
        strbuf_append_str(&branch->earlier, " || ...");
    }
    return true;
  }
  if (strcmp(name, "endif") == 0) {
    if (self->depth == 0) {
      cxx_walk__stray(self, hash, name);
    } else {
      self->depth--;
      strbuf_release(&self->branches[self->depth].clause);
      strbuf_release(&self->branches[self->depth].earlier);
    }
    return true;
  }
  return false;
}

// The conditions the walk is under, joined by " && " (the include guard
// left out); NULL when there are none. The caller frees it. Only the
// outermost CXX_WALK__CONDITION_LEVELS levels and CXX_WALK__CONDITION_MAX
// bytes are read, " && ..." standing for the rest, so an include costs no
// more however deep it sits.
static char *cxx_walk__condition(const cxx_walk *self) {
  size_t levels =
      self->depth < CXX_WALK__CONDITION_LEVELS ? self->depth : CXX_WALK__CONDITION_LEVELS;
  size_t clauses = 0;
  for (size_t i = 0; i < levels && clauses < 2; i++)
    clauses += !self->branches[i].guard && self->branches[i].clause.length;
  bool more = self->depth > levels;
  if (clauses == 0 && !more)
    return NULL;
  strbuf out;
  strbuf_init(&out);
  for (size_t i = 0; i < levels; i++) {
    const cxx_branch *branch = &self->branches[i];
    if (branch->guard || !branch->clause.length)
      continue;
    if (out.length >= CXX_WALK__CONDITION_MAX) {
      more = true;
      break;
    }
    if (out.length)
      strbuf_append_str(&out, " && ");
    bool wrap = (clauses > 1 || more) && cxx_walk__needs_parentheses(branch->clause.data);
    strbuf_printf(&out, wrap ? "(%s)" : "%s", branch->clause.data);
  }
  if (more)
    strbuf_append_str(&out, out.length ? " && ..." : "...");
  return strbuf_detach(&out);
}

static void cxx_walk__define(cxx_walk *self, size_t name_index, size_t end) {
  size_t macro = cxx_walk__code(self, name_index + 1, end);
  if (macro == end || (self->tokens[macro].kind != CXX_TOKEN_IDENTIFIER &&
                       self->tokens[macro].kind != CXX_TOKEN_KEYWORD))
    return;
  strbuf macro_name;
  strbuf_init(&macro_name);
  cxx_walk__token_text(self, macro, &macro_name);
  if (strcmp(self->name.data, "undef") == 0) {
    cxx_macros_undefine(self->macros, macro_name.data, macro_name.length);
    goto cleanup;
  }
  size_t after = macro + 1;
  // A '(' right after the name, with no white space, makes it function-like.
  bool function_like = after < end && self->tokens[after].begin == cxx_walk__end(self, macro) &&
                       self->bytes[self->tokens[after].begin] == '(';
  if (self->roles) {
    size_t body = after;
    if (function_like) {
      while (body < end && self->bytes[self->tokens[body].begin] != ')')
        body++;
      body++;
    }
    body = cxx_walk__code(self, body, end);
    bool own = false;
    for (size_t i = 0; i < self->own_macro_count && !own; i++)
      own = strcmp(self->own_macros[i], macro_name.data) == 0;
    for (size_t i = body; !own && i < end; i++)
      self->roles[i] = i == body ? CXX_ROLE_BODY_START : CXX_ROLE_BODY;
  }
  if (function_like) {
    cxx_macros_define(self->macros, macro_name.data, macro_name.length, NULL, 0);
    goto cleanup;
  }
  strbuf_clear(&self->operand);
  cxx_walk__fold(self, after, end, &self->operand);
  cxx_macros_define(self->macros, macro_name.data, macro_name.length, self->operand.data,
                    self->operand.length);
cleanup:
  strbuf_release(&macro_name);
}

// The offset of the '>' closing the header name that starts at open, on the
// same line; SIZE_MAX when there is none.
static size_t cxx_walk__angle_close(const cxx_walk *self, size_t open) {
  for (size_t i = open + 1; i < self->length; i++) {
    if (self->bytes[i] == '>')
      return i;
    if (self->bytes[i] == '\n')
      break;
  }
  return SIZE_MAX;
}

static void cxx_walk__include(cxx_walk *self, size_t hash, size_t name_index, size_t end) {
  uint32_t line, column;
  cxx_walk__position(self, self->tokens[hash].begin, &line, &column);
  size_t operand = cxx_walk__code(self, name_index + 1, end);
  if (operand == end) {
    file_facts_add_notice(self->facts, line, column, "'#%s' without a header name",
                          self->name.data);
    return;
  }
  const cxx_token *token = &self->tokens[operand];
  char first = self->bytes[token->begin];
  strbuf_clear(&self->operand);
  strbuf_clear(&self->statement);
  strbuf_printf(&self->statement, "#%s ", self->name.data);
  bool angled = false, computed = false;
  size_t last = 0; // the offset just after the directive's last token
  if (first == '"') {
    size_t token_end = cxx_walk__end(self, operand);
    if (token_end - token->begin < 2 || self->bytes[token_end - 1] != '"') {
      file_facts_add_notice(self->facts, line, column, "unterminated header name in '#%s'",
                            self->name.data);
      return;
    }
    cxx_walk__append(self, token->begin + 1, token_end - 1, &self->operand);
    strbuf_printf(&self->statement, "\"%s\"", self->operand.data);
    last = token_end;
  } else if (first == '<') {
    // A header name is not lexed as tokens ("<a//b.h>" holds no comment):
    // it runs from '<' to the next '>' on the line.
    size_t close = cxx_walk__angle_close(self, token->begin);
    if (close == SIZE_MAX) {
      file_facts_add_notice(self->facts, line, column, "unterminated header name in '#%s'",
                            self->name.data);
      return;
    }
    cxx_walk__append(self, token->begin + 1, close, &self->operand);
    strbuf_printf(&self->statement, "<%s>", self->operand.data);
    angled = true;
    last = close + 1;
  } else {
    cxx_walk__fold(self, operand, end, &self->operand);
    strbuf_append(&self->statement, self->operand.data, self->operand.length);
    for (size_t i = cxx_walk__code(self, operand, end); i < end;
         i = cxx_walk__code(self, i + 1, end))
      last = cxx_walk__end(self, i);
    char *expansion = NULL;
    bool lone_name = (token->kind == CXX_TOKEN_IDENTIFIER || token->kind == CXX_TOKEN_KEYWORD) &&
                     cxx_walk__code(self, operand + 1, end) == end;
    if (lone_name && cxx_macros_expand_header(self->macros, self->operand.data,
                                              self->operand.length, &expansion, &angled)) {
      strbuf_clear(&self->operand);
      strbuf_append_str(&self->operand, expansion);
      free(expansion);
    } else {
      computed = true;
    }
  }
  fact_dependency *dependency = file_facts_add_dependency(self->facts);
  dependency->kind = FACT_DEP_INCLUDE;
  dependency->scope = FACT_SCOPE_MODULE;
  dependency->line = line;
  dependency->column = column;
  cxx_walk__position(self, last, &dependency->end_line, &dependency->end_column);
  dependency->target = xstrndup(self->operand.data, self->operand.length);
  dependency->angled = angled;
  dependency->computed = computed;
  dependency->statement = xstrndup(self->statement.data, self->statement.length);
  if (!self->condition_known) {
    self->condition = cxx_walk__condition(self);
    self->condition_known = true;
  }
  // Owned by the first include under it, shared by those after it (facts.h).
  dependency->condition = self->condition;
}

static void cxx_walk__directive(cxx_walk *self, size_t hash, size_t end) {
  size_t name_index = cxx_walk__code(self, hash + 1, end);
  if (name_index == end) // the null directive
    return;
  const cxx_token *name = &self->tokens[name_index];
  if (name->kind != CXX_TOKEN_IDENTIFIER && name->kind != CXX_TOKEN_KEYWORD)
    return; // "# 12 "file.c"" line markers and the like
  cxx_walk__token_text(self, name_index, &self->name);
  if (self->guard_macro.length > 0) {
    // The directive after the guard's #ifndef: a #define of its macro
    // makes it the guard.
    size_t macro = cxx_walk__code(self, name_index + 1, end);
    if (strcmp(self->name.data, "define") == 0 && macro < end) {
      cxx_walk__token_text(self, macro, &self->operand);
      self->branches[0].guard =
          self->depth == 1 && strcmp(self->operand.data, self->guard_macro.data) == 0;
      self->condition_known = false;
    }
    strbuf_clear(&self->guard_macro);
    self->guard_possible = false;
  } else if (strcmp(self->name.data, "pragma") != 0 && strcmp(self->name.data, "if") != 0 &&
             strcmp(self->name.data, "ifndef") != 0) {
    self->guard_possible = false;
  }
  if (cxx_walk__conditional(self, hash, name_index, end) || cxx_walk__dead(self))
    return;
  const char *text = self->name.data;
  if (strcmp(text, "include") == 0 || strcmp(text, "include_next") == 0 ||
      strcmp(text, "import") == 0)
    cxx_walk__include(self, hash, name_index, end);
  else if (strcmp(text, "define") == 0 || strcmp(text, "undef") == 0)
    cxx_walk__define(self, name_index, end);
}

static bool cxx_walk__is_hash(const cxx_walk *self, size_t index) {
  const cxx_token *token = &self->tokens[index];
  char first = self->bytes[token->begin];
  if (token->kind != CXX_TOKEN_PUNCTUATION || (first != '#' && first != '%'))
    return false;
  size_t length = cxx_walk__end(self, index) - token->begin;
  const char *text = self->bytes + token->begin;
  return (length == 1 && first == '#') || (length == 2 && first == '%' && text[1] == ':');
}

void cxx_directives_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                            const cxx_macros *defines, file_facts *facts, unsigned char *roles,
                            const char *const *own_macros, size_t own_macro_count) {
  cxx_walk walk = {
      .bytes = bytes,
      .length = length,
      .list = tokens,
      .tokens = tokens->items,
      .token_count = tokens->count,
      .facts = facts,
      .macros = cxx_macros_new(defines),
      .line = 1,
      .guard_possible = true,
      .roles = roles,
      .own_macros = own_macros,
      .own_macro_count = own_macro_count,
  };
  strbuf_init(&walk.guard_macro);
  strbuf_init(&walk.name);
  strbuf_init(&walk.operand);
  strbuf_init(&walk.statement);
  for (size_t i = 0; i < walk.token_count;) {
    if (!cxx_walk__is_hash(&walk, i) || !cxx_walk__first_on_line(&walk, i)) {
      if (walk.tokens[i].kind != CXX_TOKEN_COMMENT) {
        walk.guard_possible = false;
        strbuf_clear(&walk.guard_macro);
      }
      if (roles)
        roles[i] = cxx_walk__dead(&walk) ? CXX_ROLE_NONE : CXX_ROLE_CODE;
      i++;
      continue;
    }
    size_t end = i + 1;
    while (end < walk.token_count && !cxx_walk__line_starts_at(&walk, end))
      end++;
    // A directive is no code; a #define marks its own body again.
    if (roles)
      memset(roles + i, CXX_ROLE_NONE, end - i);
    cxx_walk__directive(&walk, i, end);
    i = end;
  }
  if (walk.depth > 0) {
    const cxx_branch *open = &walk.branches[0];
    file_facts_add_notice(facts, open->line, open->column, "'#%s' without a matching '#endif'",
                          open->opener);
  }
  for (size_t i = 0; i < walk.depth; i++) {
    strbuf_release(&walk.branches[i].clause);
    strbuf_release(&walk.branches[i].earlier);
  }
  free(walk.branches);
  strbuf_release(&walk.guard_macro);
  strbuf_release(&walk.name);
  strbuf_release(&walk.operand);
  strbuf_release(&walk.statement);
  cxx_macros_delete(walk.macros);
}
