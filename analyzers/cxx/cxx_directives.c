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
  uint32_t line;    // of the opening directive
  uint32_t column;
  const char *opener; // "if", "ifdef" or "ifndef"
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
  strbuf name;    // the directive's name
  strbuf operand; // scratch for targets and replacement text
  strbuf statement;
} cxx_walk;

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

// #if, #ifdef, #ifndef, #elif*, #else, #endif. Returns false for any other.
static bool cxx_walk__conditional(cxx_walk *self, size_t hash, size_t name_index, size_t end) {
  const char *name = self->name.data;
  static const char *const openers[] = {"if", "ifdef", "ifndef"};
  for (size_t i = 0; i < sizeof(openers) / sizeof(*openers); i++) {
    if (strcmp(name, openers[i]) != 0)
      continue;
    XGROW(self->branches, self->capacity, self->depth + 1);
    cxx_branch *branch = &self->branches[self->depth];
    branch->parent_dead = cxx_walk__dead(self);
    branch->dead = branch->parent_dead || (i == 0 && cxx_walk__literal_zero(self, name_index, end));
    branch->opener = openers[i];
    cxx_walk__position(self, self->tokens[hash].begin, &branch->line, &branch->column);
    self->depth++;
    return true;
  }
  bool is_elif = strcmp(name, "elif") == 0;
  if (is_elif || strcmp(name, "elifdef") == 0 || strcmp(name, "elifndef") == 0 ||
      strcmp(name, "else") == 0) {
    if (self->depth == 0) {
      cxx_walk__stray(self, hash, name);
      return true;
    }
    cxx_branch *branch = &self->branches[self->depth - 1];
    branch->dead =
        branch->parent_dead || (is_elif && cxx_walk__literal_zero(self, name_index, end));
    return true;
  }
  if (strcmp(name, "endif") == 0) {
    if (self->depth == 0)
      cxx_walk__stray(self, hash, name);
    else
      self->depth--;
    return true;
  }
  return false;
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
  if (after < end && self->tokens[after].begin == cxx_walk__end(self, macro) &&
      self->bytes[self->tokens[after].begin] == '(') {
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
  if (first == '"') {
    size_t token_end = cxx_walk__end(self, operand);
    if (token_end - token->begin < 2 || self->bytes[token_end - 1] != '"') {
      file_facts_add_notice(self->facts, line, column, "unterminated header name in '#%s'",
                            self->name.data);
      return;
    }
    cxx_walk__append(self, token->begin + 1, token_end - 1, &self->operand);
    strbuf_printf(&self->statement, "\"%s\"", self->operand.data);
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
  } else {
    cxx_walk__fold(self, operand, end, &self->operand);
    strbuf_append(&self->statement, self->operand.data, self->operand.length);
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
  dependency->target = xstrndup(self->operand.data, self->operand.length);
  dependency->angled = angled;
  dependency->computed = computed;
  dependency->statement = xstrndup(self->statement.data, self->statement.length);
}

static void cxx_walk__directive(cxx_walk *self, size_t hash, size_t end) {
  size_t name_index = cxx_walk__code(self, hash + 1, end);
  if (name_index == end) // the null directive
    return;
  const cxx_token *name = &self->tokens[name_index];
  if (name->kind != CXX_TOKEN_IDENTIFIER && name->kind != CXX_TOKEN_KEYWORD)
    return; // "# 12 "file.c"" line markers and the like
  cxx_walk__token_text(self, name_index, &self->name);
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
                            const cxx_macros *defines, file_facts *facts, bool *live) {
  cxx_walk walk = {
      .bytes = bytes,
      .length = length,
      .list = tokens,
      .tokens = tokens->items,
      .token_count = tokens->count,
      .facts = facts,
      .macros = cxx_macros_new(defines),
      .line = 1,
  };
  strbuf_init(&walk.name);
  strbuf_init(&walk.operand);
  strbuf_init(&walk.statement);
  for (size_t i = 0; i < walk.token_count;) {
    if (!cxx_walk__is_hash(&walk, i) || !cxx_walk__first_on_line(&walk, i)) {
      if (live)
        live[i] = !cxx_walk__dead(&walk);
      i++;
      continue;
    }
    size_t end = i + 1;
    while (end < walk.token_count && !cxx_walk__line_starts_at(&walk, end))
      end++;
    cxx_walk__directive(&walk, i, end);
    if (live)
      memset(live + i, 0, (end - i) * sizeof(*live));
    i = end;
  }
  if (walk.depth > 0) {
    const cxx_branch *open = &walk.branches[0];
    file_facts_add_notice(facts, open->line, open->column, "'#%s' without a matching '#endif'",
                          open->opener);
  }
  free(walk.branches);
  strbuf_release(&walk.name);
  strbuf_release(&walk.operand);
  strbuf_release(&walk.statement);
  cxx_macros_delete(walk.macros);
}
