#include "python_grammar.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static TSSymbol python_grammar__symbol(const TSLanguage *language, const char *name, bool *ok) {
  TSSymbol symbol = ts_language_symbol_for_name(language, name, (uint32_t)strlen(name), true);
  if (symbol == 0)
    *ok = false;
  return symbol;
}

static TSFieldId python_grammar__field(const TSLanguage *language, const char *name, bool *ok) {
  TSFieldId field = ts_language_field_id_for_name(language, name, (uint32_t)strlen(name));
  if (field == 0)
    *ok = false;
  return field;
}

bool python_grammar_init(python_grammar *self) {
  memset(self, 0, sizeof(*self));
  const TSLanguage *language = tree_sitter_python();
  bool ok = true;
  self->language = language;
  self->import_statement = python_grammar__symbol(language, "import_statement", &ok);
  self->import_from_statement = python_grammar__symbol(language, "import_from_statement", &ok);
  self->future_import_statement = python_grammar__symbol(language, "future_import_statement", &ok);
  self->aliased_import = python_grammar__symbol(language, "aliased_import", &ok);
  self->dotted_name = python_grammar__symbol(language, "dotted_name", &ok);
  self->relative_import = python_grammar__symbol(language, "relative_import", &ok);
  self->import_prefix = python_grammar__symbol(language, "import_prefix", &ok);
  self->wildcard_import = python_grammar__symbol(language, "wildcard_import", &ok);
  self->function_definition = python_grammar__symbol(language, "function_definition", &ok);
  self->lambda = python_grammar__symbol(language, "lambda", &ok);
  self->if_statement = python_grammar__symbol(language, "if_statement", &ok);
  self->elif_clause = python_grammar__symbol(language, "elif_clause", &ok);
  self->identifier = python_grammar__symbol(language, "identifier", &ok);
  self->attribute = python_grammar__symbol(language, "attribute", &ok);
  self->parenthesized_expression =
      python_grammar__symbol(language, "parenthesized_expression", &ok);
  self->comment = python_grammar__symbol(language, "comment", &ok);
  self->call = python_grammar__symbol(language, "call", &ok);
  self->decorator = python_grammar__symbol(language, "decorator", &ok);
  self->argument_list = python_grammar__symbol(language, "argument_list", &ok);
  self->keyword_argument = python_grammar__symbol(language, "keyword_argument", &ok);
  self->list_splat = python_grammar__symbol(language, "list_splat", &ok);
  self->dictionary_splat = python_grammar__symbol(language, "dictionary_splat", &ok);
  self->string = python_grammar__symbol(language, "string", &ok);
  self->concatenated_string = python_grammar__symbol(language, "concatenated_string", &ok);
  self->string_start = python_grammar__symbol(language, "string_start", &ok);
  self->string_content = python_grammar__symbol(language, "string_content", &ok);
  self->string_end = python_grammar__symbol(language, "string_end", &ok);
  self->binary_operator = python_grammar__symbol(language, "binary_operator", &ok);
  self->field_condition = python_grammar__field(language, "condition", &ok);
  self->field_consequence = python_grammar__field(language, "consequence", &ok);
  self->field_name = python_grammar__field(language, "name", &ok);
  self->field_module_name = python_grammar__field(language, "module_name", &ok);
  self->field_object = python_grammar__field(language, "object", &ok);
  self->field_attribute = python_grammar__field(language, "attribute", &ok);
  self->field_alias = python_grammar__field(language, "alias", &ok);
  self->field_function = python_grammar__field(language, "function", &ok);
  self->field_arguments = python_grammar__field(language, "arguments", &ok);
  self->field_value = python_grammar__field(language, "value", &ok);
  self->field_left = python_grammar__field(language, "left", &ok);
  self->field_operator = python_grammar__field(language, "operator", &ok);
  self->field_right = python_grammar__field(language, "right", &ok);

  // Every node that can have a statement somewhere below it. Statements sit
  // in blocks, blocks in compound statements and their clauses.
  static const char *const containers[] = {
      "module",
      "block",
      "if_statement",
      "elif_clause",
      "else_clause",
      "for_statement",
      "while_statement",
      "try_statement",
      "except_clause",
      "except_group_clause",
      "finally_clause",
      "with_statement",
      "function_definition",
      "class_definition",
      "decorated_definition",
      "match_statement",
      "case_clause",
  };
  self->symbol_count = ts_language_symbol_count(language);
  self->holds_statements = xcalloc(self->symbol_count, sizeof(bool));
  for (size_t i = 0; i < sizeof(containers) / sizeof(containers[0]); i++) {
    TSSymbol symbol = python_grammar__symbol(language, containers[i], &ok);
    if (symbol < self->symbol_count)
      self->holds_statements[symbol] = true;
  }
  if (!ok) {
    python_grammar_release(self);
    return false;
  }
  return true;
}

void python_grammar_release(python_grammar *self) {
  free(self->holds_statements);
  self->holds_statements = NULL;
}

bool python_grammar_holds_statements(const python_grammar *self, TSSymbol symbol) {
  if (symbol == PYTHON_SYMBOL_ERROR) // error recovery may put anything inside
    return true;
  return symbol < self->symbol_count && self->holds_statements[symbol];
}

TSNode python_grammar_unparenthesize(const python_grammar *self, TSNode node) {
  while (!ts_node_is_null(node) && ts_node_symbol(node) == self->parenthesized_expression) {
    TSNode inner = {{0}, NULL, NULL};
    uint32_t count = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < count; i++) {
      TSNode child = ts_node_named_child(node, i);
      if (ts_node_symbol(child) != self->comment) {
        inner = child;
        break;
      }
    }
    node = inner;
  }
  return node;
}
