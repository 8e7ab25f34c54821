// The symbols and fields of tree-sitter-python that the front end's walks
// need, looked up by name once per worker so that the walks compare
// integers, never strings.
#ifndef STRATA_PYTHON_GRAMMAR_H
#define STRATA_PYTHON_GRAMMAR_H

#include <tree_sitter/api.h>

#include <stdbool.h>
#include <stdint.h>

const TSLanguage *tree_sitter_python(void);

// ts_builtin_sym_error, which api.h does not export: the kind of ERROR nodes.
#define PYTHON_SYMBOL_ERROR ((TSSymbol)-1)

typedef struct python_grammar {
  const TSLanguage *language;
  TSSymbol import_statement;
  TSSymbol import_from_statement;
  TSSymbol future_import_statement;
  TSSymbol aliased_import;
  TSSymbol dotted_name;
  TSSymbol relative_import;
  TSSymbol import_prefix;
  TSSymbol wildcard_import;
  TSSymbol function_definition;
  TSSymbol lambda;
  TSSymbol if_statement;
  TSSymbol elif_clause;
  TSSymbol identifier;
  TSSymbol attribute;
  TSSymbol parenthesized_expression;
  TSSymbol comment;
  // Deprecation sites and their messages (python_deprecations.c,
  // python_literal.c).
  TSSymbol call;
  TSSymbol decorator;
  TSSymbol argument_list;
  TSSymbol keyword_argument;
  TSSymbol list_splat;
  TSSymbol dictionary_splat;
  TSSymbol string;
  TSSymbol concatenated_string;
  TSSymbol string_start;
  TSSymbol string_content;
  TSSymbol string_end;
  TSSymbol binary_operator;
  TSFieldId field_condition;
  TSFieldId field_consequence;
  TSFieldId field_name;
  TSFieldId field_module_name;
  TSFieldId field_object;
  TSFieldId field_attribute;
  TSFieldId field_alias;
  TSFieldId field_function;
  TSFieldId field_arguments;
  TSFieldId field_value;
  TSFieldId field_left;
  TSFieldId field_operator;
  TSFieldId field_right;
  // holds_statements[symbol]: whether a node of that kind can have a
  // statement below it (module, blocks, compound statements). The walk
  // skips every other subtree (expressions), which is most of the tree.
  bool *holds_statements;
  uint32_t symbol_count;
} python_grammar;

// Fills self from tree-sitter-python. Returns false (and leaves nothing to
// release) when a name is missing from the grammar, i.e. the grammar is not
// the one strata was written against. Release with python_grammar_release.
bool python_grammar_init(python_grammar *self);
void python_grammar_release(python_grammar *self);

// Whether a node of kind symbol may hold statements; ERROR nodes do.
bool python_grammar_holds_statements(const python_grammar *self, TSSymbol symbol);

// The expression inside any number of parentheses around node, as Python's
// own parser sees it (`(a).b` is `a.b`); a null node when the parentheses
// hold nothing but comments.
TSNode python_grammar_unparenthesize(const python_grammar *self, TSNode node);

#endif
