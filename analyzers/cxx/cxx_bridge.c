#include "cxx_bridge.h"

#include "cxx_directives.h"
#include "dotted_name.h"
#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool cxx_bridge_possible(const char *bytes, size_t length) {
  static const char *const words[] = {
      "PyModule_Create", "PYBIND11_MODULE", "PyInit_", "def_submodule",
      "TORCH_LIBRARY",   "import",          NULL};
  for (size_t i = 0; words[i]; i++)
    if (cxx_text_find(bytes, length, 0, words[i], false) != SIZE_MAX)
      return true;
  return false;
}

// How many PyModuleDef variables and def_submodule variables a file's walk
// remembers: real files hold a few; each form looks through them, so a file
// of nothing else costs this many comparisons a form, not its length.
#define CXX_BRIDGE__MAX_REMEMBERED 64

// A variable the file assigned from def_submodule: what it holds.
typedef struct cxx_bridge_variable {
  size_t name; // token index of the variable's name
  char *chain; // "cpp" or "cpp.nn"
  char *parent;
} cxx_bridge_variable;

// A PyModuleDef the file defines, by the name of its variable.
typedef struct cxx_bridge_def {
  size_t variable; // token index
  size_t literal;  // token index of the module's name
  char *name;
} cxx_bridge_def;

typedef struct cxx_bridge {
  const char *bytes;
  cxx_token_list *list;
  const cxx_token *tokens;
  size_t *code; // indices of the code tokens
  size_t count; // of code
  cxx_lines *lines;
  source_columns columns;
  file_facts *facts;
  cxx_bridge_variable *variables;
  size_t variable_count, variable_capacity;
  cxx_bridge_def *defs;
  size_t def_count, def_capacity;
  // match[i]: the code token closing the '(' or '{' at i, or opening the
  // ')' or '}' at i; count when there is none. Found once for the file, so
  // that every form costs the same however the brackets nest.
  size_t *match;
  // The TORCH_LIBRARY or _FRAGMENT block the walk is in: its namespace, the
  // code token naming its library variable, and its closing '}'.
  char *block_ns;
  size_t block_variable;
  size_t block_end;
  size_t last_submodule_close; // code index of the ')' of the last def_submodule call
  char *last_submodule_chain;  // and what it made
  char *last_submodule_parent;
} cxx_bridge;

static const cxx_token *cxx_bridge__token(const cxx_bridge *self, size_t at) {
  return &self->tokens[self->code[at]];
}

// Whether code token at is the identifier or keyword name.
static bool cxx_bridge__is(const cxx_bridge *self, size_t at, const char *name) {
  if (at >= self->count)
    return false;
  const cxx_token *token = cxx_bridge__token(self, at);
  if (token->kind != CXX_TOKEN_IDENTIFIER && token->kind != CXX_TOKEN_KEYWORD)
    return false;
  size_t length = strlen(name);
  const char *text = self->bytes + token->begin;
  return strncmp(text, name, length) == 0 &&
         !cxx_text_is_identifier_char((unsigned char)text[length]);
}

// Whether code token at is the punctuator punct, and not a longer one it
// starts ("=" is not "==", "." not "...", "&" not "&&").
static bool cxx_bridge__punct(const cxx_bridge *self, size_t at, const char *punct) {
  if (at >= self->count)
    return false;
  const cxx_token *token = cxx_bridge__token(self, at);
  size_t length = strlen(punct);
  const char *text = self->bytes + token->begin;
  if (token->kind != CXX_TOKEN_PUNCTUATION || strncmp(text, punct, length) != 0)
    return false;
  if (length == 1 && strchr("(){},;", punct[0]))
    return true;
  return text[length] == '\0' || !strchr("=.&*:<>|+-", text[length]);
}

// The identifier at code token at, or NULL (the caller frees it).
static char *cxx_bridge__identifier(const cxx_bridge *self, size_t at) {
  if (at >= self->count || cxx_bridge__token(self, at)->kind != CXX_TOKEN_IDENTIFIER)
    return NULL;
  const char *text = self->bytes + cxx_bridge__token(self, at)->begin;
  size_t length = 0;
  while (cxx_text_is_identifier_char((unsigned char)text[length]))
    length++;
  return xstrndup(text, length);
}

// The text of code token at when it is a plain string literal ("...", no
// prefix, no escape), or NULL (the caller frees it).
static char *cxx_bridge__string(const cxx_bridge *self, size_t at) {
  if (at >= self->count)
    return NULL;
  size_t index = self->code[at];
  const cxx_token *token = &self->tokens[index];
  if (token->kind != CXX_TOKEN_LITERAL || self->bytes[token->begin] != '"')
    return NULL;
  uint32_t end = cxx_token_end(self->list, index);
  if (end < token->begin + 2 || self->bytes[end - 1] != '"')
    return NULL;
  const char *text = self->bytes + token->begin + 1;
  size_t length = end - token->begin - 2;
  if (memchr(text, '\\', length) || memchr(text, '\n', length))
    return NULL;
  return xstrndup(text, length);
}

static void cxx_bridge__position(cxx_bridge *self, size_t at, uint32_t *line, uint32_t *column) {
  size_t offset = cxx_bridge__token(self, at)->begin;
  *line = cxx_lines_line(self->lines, offset);
  *column = source_columns_at(&self->columns, cxx_lines_start(self->lines, *line), offset);
}

// Takes name and parent.
static void cxx_bridge__add(cxx_bridge *self, size_t at, fact_bridge_kind kind, char *name,
                            char *parent) {
  fact_bridge *bridge = file_facts_add_bridge(self->facts);
  bridge->kind = kind;
  cxx_bridge__position(self, at, &bridge->line, &bridge->column);
  bridge->name = name;
  bridge->parent = parent;
}

// The ')' or '}' matching the opener at code token open, or count.
static size_t cxx_bridge__close(const cxx_bridge *self, size_t open) {
  return open < self->count ? self->match[open] : self->count;
}

// Pairs each '(' with its ')' and each '{' with its '}', in one pass.
static void cxx_bridge__match(cxx_bridge *self) {
  self->match = xmalloc((self->count + 1) * sizeof(size_t));
  size_t *open = xmalloc((self->count + 1) * sizeof(size_t));
  size_t parens = 0, braces = 0; // open[0..parens) and, from the top, braces
  for (size_t at = 0; at < self->count; at++) {
    self->match[at] = self->count;
    const cxx_token *token = cxx_bridge__token(self, at);
    if (token->kind != CXX_TOKEN_PUNCTUATION)
      continue;
    char c = self->bytes[token->begin];
    if (c == '(') {
      open[parens++] = at;
    } else if (c == '{') {
      open[self->count - ++braces] = at;
    } else if (c == ')' && parens > 0) {
      size_t opener = open[--parens];
      self->match[opener] = at;
      self->match[at] = opener;
    } else if (c == '}' && braces > 0) {
      size_t opener = open[self->count - braces--];
      self->match[opener] = at;
      self->match[at] = opener;
    }
  }
  free(open);
}

// `PyModuleDef name = {PyModuleDef_HEAD_INIT, "x", ...}` or with
// `.m_name = "x"` inside: remembered until PyModule_Create(&name) uses it.
static void cxx_bridge__module_def(cxx_bridge *self, size_t at) {
  if (!cxx_bridge__punct(self, at + 2, "=") || !cxx_bridge__punct(self, at + 3, "{"))
    return;
  size_t literal = self->count;
  if (cxx_bridge__is(self, at + 4, "PyModuleDef_HEAD_INIT") && cxx_bridge__punct(self, at + 5, ","))
    literal = at + 6;
  size_t close = cxx_bridge__close(self, at + 3);
  for (size_t i = at + 4; literal == self->count && i + 3 < close; i++)
    if (cxx_bridge__punct(self, i, ".") && cxx_bridge__is(self, i + 1, "m_name") &&
        cxx_bridge__punct(self, i + 2, "="))
      literal = i + 3;
  char *name = cxx_bridge__string(self, literal);
  if (!name || !dotted_name_valid(name, DOTTED_NAME_DOTS) ||
      !(cxx_bridge__punct(self, literal + 1, ",") || cxx_bridge__punct(self, literal + 1, "}"))) {
    free(name);
    return;
  }
  if (self->def_count == CXX_BRIDGE__MAX_REMEMBERED) {
    free(name);
    return;
  }
  XGROW(self->defs, self->def_capacity, self->def_count + 1);
  self->defs[self->def_count++] = (cxx_bridge_def){at + 1, literal, name};
}

// Whether code tokens a and b are the same identifier.
static bool cxx_bridge__same_identifier(const cxx_bridge *self, size_t a, size_t b) {
  if (a >= self->count || b >= self->count ||
      cxx_bridge__token(self, a)->kind != CXX_TOKEN_IDENTIFIER ||
      cxx_bridge__token(self, b)->kind != CXX_TOKEN_IDENTIFIER)
    return false;
  const char *left = self->bytes + cxx_bridge__token(self, a)->begin;
  const char *right = self->bytes + cxx_bridge__token(self, b)->begin;
  size_t i = 0;
  while (cxx_text_is_identifier_char((unsigned char)left[i]) && left[i] == right[i])
    i++;
  return !cxx_text_is_identifier_char((unsigned char)left[i]) &&
         !cxx_text_is_identifier_char((unsigned char)right[i]);
}

// PyModule_Create(&def) or PyModule_Create2(&def, ...): the module named by
// def, where the file defines def.
static void cxx_bridge__module_create(cxx_bridge *self, size_t at) {
  if (!cxx_bridge__punct(self, at + 1, "(") || !cxx_bridge__punct(self, at + 2, "&"))
    return;
  for (size_t d = self->def_count; d-- > 0;) {
    if (!cxx_bridge__same_identifier(self, self->defs[d].variable, at + 3))
      continue;
    if (self->defs[d].name) {
      cxx_bridge__add(self, self->defs[d].literal, FACT_BRIDGE_MODULE, self->defs[d].name, NULL);
      self->defs[d].name = NULL; // one fact per definition
    }
    return;
  }
}

// Whether name is spelled like a macro (all capitals, digits and '_').
static bool cxx_bridge__macro_like(const char *name) {
  for (const char *c = name; *c; c++)
    if ((*c >= 'a' && *c <= 'z'))
      return false;
  return true;
}

// PYBIND11_MODULE(name, m)
static void cxx_bridge__pybind11_module(cxx_bridge *self, size_t at) {
  if (!cxx_bridge__punct(self, at + 1, "(") || !cxx_bridge__punct(self, at + 3, ","))
    return;
  char *name = cxx_bridge__identifier(self, at + 2);
  if (!name || cxx_bridge__macro_like(name) || !dotted_name_valid(name, DOTTED_NAME_IDENTIFIER)) {
    free(name);
    return;
  }
  cxx_bridge__add(self, at + 2, FACT_BRIDGE_MODULE, name, NULL);
}

// PyInit_<name>(...) { : the entry point's definition, not a declaration.
static void cxx_bridge__entry_point(cxx_bridge *self, size_t at) {
  char *identifier = cxx_bridge__identifier(self, at);
  if (!identifier || strncmp(identifier, "PyInit_", 7) != 0 || !identifier[7] ||
      !cxx_bridge__punct(self, at + 1, "(")) {
    free(identifier);
    return;
  }
  size_t close = cxx_bridge__close(self, at + 1);
  if (!cxx_bridge__punct(self, close + 1, "{") ||
      !dotted_name_valid(identifier + 7, DOTTED_NAME_IDENTIFIER)) {
    free(identifier);
    return;
  }
  cxx_bridge__add(self, at, FACT_BRIDGE_MODULE, xstrdup(identifier + 7), NULL);
  free(identifier);
}

static const cxx_bridge_variable *cxx_bridge__variable(const cxx_bridge *self, size_t at) {
  for (size_t v = self->variable_count; v-- > 0;)
    if (cxx_bridge__same_identifier(self, self->variables[v].name, at))
      return &self->variables[v];
  return NULL;
}

// The string literal argument of `import(` at open ('(') when it is the
// whole argument, or NULL.
static char *cxx_bridge__sole_string(const cxx_bridge *self, size_t open) {
  if (!cxx_bridge__punct(self, open, "(") || !cxx_bridge__punct(self, open + 2, ")"))
    return NULL;
  char *name = cxx_bridge__string(self, open + 1);
  if (name && !dotted_name_valid(name, DOTTED_NAME_DOTS)) {
    free(name);
    return NULL;
  }
  return name;
}

// `<receiver>.def_submodule("name"...)` at the '.' before def_submodule.
static void cxx_bridge__submodule(cxx_bridge *self, size_t dot) {
  size_t at = dot + 1;
  char *name = NULL;
  if (!cxx_bridge__punct(self, at + 1, "(") || !(name = cxx_bridge__string(self, at + 2)) ||
      !dotted_name_valid(name, DOTTED_NAME_IDENTIFIER)) {
    free(name);
    return;
  }
  char *chain = NULL, *parent = NULL;
  if (dot > 0 && cxx_bridge__punct(self, dot - 1, ")")) {
    // m.def_submodule("a").def_submodule("b"), or
    // py::module::import("pkg").def_submodule("b")
    if (dot - 1 == self->last_submodule_close && self->last_submodule_chain) {
      chain = xasprintf("%s.%s", self->last_submodule_chain, name);
      parent = self->last_submodule_parent ? xstrdup(self->last_submodule_parent) : NULL;
    } else {
      size_t open = self->match[dot - 1];
      if (open < self->count && open >= 3 && cxx_bridge__is(self, open - 1, "import") &&
          cxx_bridge__punct(self, open - 2, "::") &&
          (cxx_bridge__is(self, open - 3, "module") || cxx_bridge__is(self, open - 3, "module_")))
        parent = cxx_bridge__sole_string(self, open);
    }
  } else if (dot > 0) {
    const cxx_bridge_variable *variable = cxx_bridge__variable(self, dot - 1);
    if (variable) {
      chain = xasprintf("%s.%s", variable->chain, name);
      parent = variable->parent ? xstrdup(variable->parent) : NULL;
    }
  }
  if (!chain)
    chain = xstrdup(name);
  free(name);
  size_t close = cxx_bridge__close(self, at + 1);
  // `auto x = m.def_submodule(...)` or `py::module x = ...`: x holds it.
  size_t start = dot > 0 ? dot - 1 : 0;
  if (start >= 2 && cxx_bridge__punct(self, start - 1, "=") &&
      cxx_bridge__token(self, start - 2)->kind == CXX_TOKEN_IDENTIFIER &&
      self->variable_count < CXX_BRIDGE__MAX_REMEMBERED) {
    XGROW(self->variables, self->variable_capacity, self->variable_count + 1);
    self->variables[self->variable_count++] =
        (cxx_bridge_variable){start - 2, xstrdup(chain), parent ? xstrdup(parent) : NULL};
  }
  free(self->last_submodule_chain);
  free(self->last_submodule_parent);
  self->last_submodule_close = close;
  self->last_submodule_chain = xstrdup(chain);
  self->last_submodule_parent = parent ? xstrdup(parent) : NULL;
  cxx_bridge__add(self, at + 2, FACT_BRIDGE_SUBMODULE, chain, parent);
}

// The op a schema names: "aten::add.Tensor(Tensor self) -> Tensor" is add.
static char *cxx_bridge__op_name(const char *schema, const char *ns) {
  const char *start = schema;
  const char *colons = strstr(schema, "::");
  const char *paren = strchr(schema, '(');
  if (colons && (!paren || colons < paren)) {
    size_t ns_length = strlen(ns);
    if ((size_t)(colons - schema) != ns_length || strncmp(schema, ns, ns_length) != 0)
      return NULL; // another namespace's op
    start = colons + 2;
  }
  char *op = xstrndup(start, strcspn(start, ".( "));
  if (!dotted_name_valid(op, DOTTED_NAME_IDENTIFIER)) {
    free(op);
    return NULL;
  }
  return op;
}

// TORCH_LIBRARY(ns, m) { ... m.def("op...") ... }, _FRAGMENT, _IMPL.
static size_t cxx_bridge__library(cxx_bridge *self, size_t at, fact_bridge_kind kind) {
  if (!cxx_bridge__punct(self, at + 1, "(") || !cxx_bridge__punct(self, at + 3, ","))
    return at;
  char *ns = cxx_bridge__identifier(self, at + 2);
  if (!ns || !dotted_name_valid(ns, DOTTED_NAME_IDENTIFIER)) {
    free(ns);
    return at;
  }
  size_t close = cxx_bridge__close(self, at + 1);
  if (close >= self->count) {
    free(ns);
    return at;
  }
  cxx_bridge__add(self, at + 2, kind, xstrdup(ns), NULL);
  if (kind == FACT_BRIDGE_IMPL || !cxx_bridge__punct(self, close + 1, "{")) {
    free(ns);
    return close;
  }
  // The walk goes on into the block, where cxx_bridge__op finds its ops.
  free(self->block_ns);
  self->block_ns = ns;
  self->block_variable = close - 1;
  self->block_end = cxx_bridge__close(self, close + 1);
  return close;
}

// `m.def("op...")` at def, in the block of the library whose variable m is.
static void cxx_bridge__op(cxx_bridge *self, size_t at) {
  if (!self->block_ns || at >= self->block_end || at < 2 || !cxx_bridge__punct(self, at - 1, ".") ||
      !cxx_bridge__same_identifier(self, at - 2, self->block_variable) ||
      !cxx_bridge__punct(self, at + 1, "("))
    return;
  size_t literal = at + 2;
  if (cxx_bridge__is(self, literal, "TORCH_SELECTIVE_SCHEMA") &&
      cxx_bridge__punct(self, literal + 1, "("))
    literal += 2;
  char *schema = cxx_bridge__string(self, literal);
  char *op = schema ? cxx_bridge__op_name(schema, self->block_ns) : NULL;
  if (op)
    cxx_bridge__add(self, literal, FACT_BRIDGE_OP, op, xstrdup(self->block_ns));
  free(schema);
}

// The folded text of code tokens [first, last].
static char *cxx_bridge__statement(cxx_bridge *self, size_t first, size_t last) {
  strbuf text;
  strbuf_init(&text);
  size_t begin = cxx_bridge__token(self, first)->begin;
  size_t end = cxx_token_end(self->list, self->code[last]);
  strbuf raw;
  strbuf_init(&raw);
  cxx_text_append(self->bytes, begin, end, &raw);
  bool space = false;
  for (size_t i = 0; i < raw.length; i++) {
    char c = raw.data[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = text.length > 0;
      continue;
    }
    if (space)
      strbuf_append_char(&text, ' ');
    space = false;
    strbuf_append_char(&text, c);
  }
  strbuf_release(&raw);
  return strbuf_detach(&text);
}

// An import of a Python module by name: at is `import` of
// `module::import(` or `PyImport_ImportModule`; first the call's first
// token.
static void cxx_bridge__import(cxx_bridge *self, size_t at, size_t first) {
  char *target = cxx_bridge__sole_string(self, at + 1);
  if (!target)
    return;
  fact_dependency *dependency = file_facts_add_dependency(self->facts);
  dependency->kind = FACT_DEP_CXX_IMPORT;
  dependency->scope = FACT_SCOPE_MODULE;
  cxx_bridge__position(self, first, &dependency->line, &dependency->column);
  size_t close = at + 3;
  uint32_t end = cxx_token_end(self->list, self->code[close]);
  dependency->end_line = cxx_lines_line(self->lines, end - 1);
  dependency->end_column =
      source_columns_at(&self->columns, cxx_lines_start(self->lines, dependency->end_line), end);
  dependency->target = target;
  dependency->statement = cxx_bridge__statement(self, first, close);
}

void cxx_bridge_extract(const char *bytes, cxx_token_list *tokens, const unsigned char *roles,
                        cxx_lines *lines, file_facts *facts) {
  cxx_bridge self = {.bytes = bytes,
                     .list = tokens,
                     .tokens = tokens->items,
                     .lines = lines,
                     .facts = facts,
                     .last_submodule_close = SIZE_MAX};
  self.code = xmalloc((tokens->count + 1) * sizeof(size_t));
  for (size_t i = 0; i < tokens->count; i++)
    if (roles[i] == CXX_ROLE_CODE && tokens->items[i].kind != CXX_TOKEN_COMMENT)
      self.code[self.count++] = i;
  source_columns_init(&self.columns, bytes);
  cxx_bridge__match(&self);
  for (size_t at = 0; at < self.count; at++) {
    const cxx_token *token = cxx_bridge__token(&self, at);
    if (token->kind != CXX_TOKEN_IDENTIFIER && token->kind != CXX_TOKEN_KEYWORD)
      continue;
    const char *text = bytes + token->begin;
    switch (text[0]) {
    case 'P':
      if (cxx_bridge__is(&self, at, "PyModuleDef"))
        cxx_bridge__module_def(&self, at);
      else if (cxx_bridge__is(&self, at, "PyModule_Create") ||
               cxx_bridge__is(&self, at, "PyModule_Create2"))
        cxx_bridge__module_create(&self, at);
      else if (cxx_bridge__is(&self, at, "PYBIND11_MODULE"))
        cxx_bridge__pybind11_module(&self, at);
      else if (cxx_bridge__is(&self, at, "PyImport_ImportModule"))
        cxx_bridge__import(&self, at,
                           at > 0 && cxx_bridge__punct(&self, at - 1, "::") ? at - 1 : at);
      else if (strncmp(text, "PyInit_", 7) == 0)
        cxx_bridge__entry_point(&self, at);
      break;
    case 'T':
      if (cxx_bridge__is(&self, at, "TORCH_LIBRARY"))
        at = cxx_bridge__library(&self, at, FACT_BRIDGE_LIBRARY);
      else if (cxx_bridge__is(&self, at, "TORCH_LIBRARY_FRAGMENT"))
        at = cxx_bridge__library(&self, at, FACT_BRIDGE_FRAGMENT);
      else if (cxx_bridge__is(&self, at, "TORCH_LIBRARY_IMPL"))
        at = cxx_bridge__library(&self, at, FACT_BRIDGE_IMPL);
      break;
    case 'd':
      if (cxx_bridge__is(&self, at, "def"))
        cxx_bridge__op(&self, at);
      else if (cxx_bridge__is(&self, at, "def_submodule") && at > 0 &&
               (cxx_bridge__punct(&self, at - 1, ".") || cxx_bridge__punct(&self, at - 1, "->")))
        cxx_bridge__submodule(&self, at - 1);
      break;
    case 'i':
      if (cxx_bridge__is(&self, at, "import") && at >= 2 &&
          cxx_bridge__punct(&self, at - 1, "::") &&
          (cxx_bridge__is(&self, at - 2, "module") || cxx_bridge__is(&self, at - 2, "module_"))) {
        size_t first = at - 2;
        if (first >= 2 && cxx_bridge__punct(&self, first - 1, "::") &&
            cxx_bridge__token(&self, first - 2)->kind == CXX_TOKEN_IDENTIFIER)
          first -= 2;
        cxx_bridge__import(&self, at, first);
      }
      break;
    default:
      break;
    }
  }
  for (size_t v = 0; v < self.variable_count; v++) {
    free(self.variables[v].chain);
    free(self.variables[v].parent);
  }
  free(self.variables);
  for (size_t d = 0; d < self.def_count; d++)
    free(self.defs[d].name);
  free(self.defs);
  free(self.last_submodule_chain);
  free(self.last_submodule_parent);
  free(self.block_ns);
  free(self.match);
  free(self.code);
}
