#include "python_imports.h"

#include "python_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void python_imports_init(python_imports *self, const python_grammar *grammar) {
  memset(self, 0, sizeof(*self));
  self->grammar = grammar;
  python_hits_init(&self->hits);
  strbuf_init(&self->text);
}

void python_imports_release(python_imports *self) {
  free(self->frames);
  self->frames = NULL;
  self->frame_capacity = 0;
  python_hits_release(&self->hits);
  strbuf_release(&self->text);
}

static bool python_imports__text_is(TSNode node, const char *bytes, const char *text) {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  size_t length = strlen(text);
  return end - start == length && memcmp(bytes + start, text, length) == 0;
}

// Whether the condition of an if or elif is exactly `TYPE_CHECKING` or
// `typing.TYPE_CHECKING`; an alias such as `t.TYPE_CHECKING` is not.
static bool python_imports__is_type_checking(const python_grammar *grammar, TSNode conditional,
                                             const char *bytes) {
  TSNode condition = python_grammar_unparenthesize(
      grammar, ts_node_child_by_field_id(conditional, grammar->field_condition));
  if (ts_node_is_null(condition) || ts_node_has_error(condition))
    return false;
  TSSymbol symbol = ts_node_symbol(condition);
  if (symbol == grammar->identifier)
    return python_imports__text_is(condition, bytes, "TYPE_CHECKING");
  if (symbol != grammar->attribute)
    return false;
  TSNode object = python_grammar_unparenthesize(
      grammar, ts_node_child_by_field_id(condition, grammar->field_object));
  TSNode attribute = ts_node_child_by_field_id(condition, grammar->field_attribute);
  return !ts_node_is_null(object) && ts_node_symbol(object) == grammar->identifier &&
         python_imports__text_is(object, bytes, "typing") && !ts_node_is_null(attribute) &&
         python_imports__text_is(attribute, bytes, "TYPE_CHECKING");
}

// A dotted name that error recovery left whole: no ERROR or MISSING part.
static bool python_imports__dotted_ok(const python_grammar *grammar, TSNode node) {
  return !ts_node_is_null(node) && ts_node_symbol(node) == grammar->dotted_name &&
         !ts_node_is_missing(node) && !ts_node_has_error(node) &&
         ts_node_end_byte(node) > ts_node_start_byte(node);
}

// The dotted name an import list entry (`a.b` or `a.b as c`) imports, or a
// null node.
static TSNode python_imports__entry_name(const python_grammar *grammar, TSNode entry) {
  TSSymbol symbol = ts_node_symbol(entry);
  if (symbol == grammar->aliased_import)
    entry = ts_node_child_by_field_id(entry, grammar->field_name);
  else if (symbol != grammar->dotted_name)
    return (TSNode){{0}, NULL, NULL};
  if (!python_imports__dotted_ok(grammar, entry))
    return (TSNode){{0}, NULL, NULL};
  return entry;
}

typedef struct python_statement {
  fact_scope scope;
  uint32_t line;
  uint32_t column;
  uint32_t end_line;
  uint32_t end_column;
  const char *text; // folded
  // The copy the statement's first fact holds; the others share it (facts.h),
  // so `import a0, a1, ...` costs its text once, not once per name.
  char *shared;
} python_statement;

// Adds a fact for statement whose target is self->text.
static fact_dependency *python_imports__add(python_imports *self, python_statement *statement,
                                            file_facts *facts) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_IMPORT;
  dependency->scope = statement->scope;
  dependency->line = statement->line;
  dependency->column = statement->column;
  dependency->end_line = statement->end_line;
  dependency->end_column = statement->end_column;
  dependency->target = xstrndup(self->text.data, self->text.length);
  if (!statement->shared)
    statement->shared = xstrdup(statement->text);
  dependency->statement = statement->shared;
  return dependency;
}

// tree-sitter can take a name continued past a comment and a line break
// (`import a.  # x` and then `b` on the next line) as one dotted name, which
// CPython rejects: said once, as the syntax error it is, and not a fact.
static void python_imports__not_a_name(python_imports *self, TSNode name, const source_text *source,
                                       file_facts *facts) {
  if (self->said_not_a_name)
    return;
  self->said_not_a_name = true;
  TSPoint point = ts_node_start_point(name);
  file_facts_add_notice(
      facts, point.row + 1,
      python_text_column(&self->columns, source->bytes, point, ts_node_start_byte(name)),
      "syntax error: not a module name (it runs on into a comment or past "
      "the end of its line), so this import is left out");
}

// `import a.b, c as d`: one fact per entry. The cursor is on the statement
// and is left there.
static void python_imports__import(python_imports *self, TSTreeCursor *cursor,
                                   const source_text *source, python_statement *statement,
                                   file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  if (!ts_tree_cursor_goto_first_child(cursor))
    return;
  do {
    TSNode name = python_imports__entry_name(grammar, ts_tree_cursor_current_node(cursor));
    if (ts_node_is_null(name))
      continue;
    strbuf_clear(&self->text);
    python_text_dotted(source->bytes, ts_node_start_byte(name), ts_node_end_byte(name),
                       &self->text);
    if (python_text_is_dotted_name(self->text.data, self->text.length))
      python_imports__add(self, statement, facts);
    else
      python_imports__not_a_name(self, name, source, facts);
  } while (ts_tree_cursor_goto_next_sibling(cursor));
  ts_tree_cursor_goto_parent(cursor);
}

// The module part of `from ..a.b import c`: sets *level and self->text.
// False when error recovery left it incomplete.
static bool python_imports__from_module(python_imports *self, TSNode module,
                                        const source_text *source, uint32_t *level) {
  const python_grammar *grammar = self->grammar;
  strbuf_clear(&self->text);
  *level = 0;
  if (ts_node_is_missing(module) || ts_node_has_error(module))
    return false;
  TSNode dotted = module;
  if (ts_node_symbol(module) == grammar->relative_import) {
    dotted = (TSNode){{0}, NULL, NULL};
    uint32_t count = ts_node_named_child_count(module);
    for (uint32_t i = 0; i < count; i++) {
      TSNode child = ts_node_named_child(module, i);
      TSSymbol symbol = ts_node_symbol(child);
      if (symbol == grammar->import_prefix) {
        for (uint32_t b = ts_node_start_byte(child); b < ts_node_end_byte(child); b++)
          *level += source->bytes[b] == '.';
      } else if (symbol == grammar->dotted_name) {
        dotted = child;
      }
    }
    if (*level == 0)
      return false;
    if (ts_node_is_null(dotted))
      return true; // `from . import x`: target ""
  }
  if (!python_imports__dotted_ok(grammar, dotted))
    return false;
  python_text_dotted(source->bytes, ts_node_start_byte(dotted), ts_node_end_byte(dotted),
                     &self->text);
  return python_text_is_dotted_name(self->text.data, self->text.length);
}

// `from m import a, b as c`, `from . import *`, `from __future__ import x`:
// one fact holding every name. The cursor is on the statement and is left
// there.
static void python_imports__from(python_imports *self, TSTreeCursor *cursor, bool future,
                                 const source_text *source, python_statement *statement,
                                 file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  fact_dependency *dependency = NULL;
  uint32_t level = 0;
  if (future) {
    strbuf_clear(&self->text);
    strbuf_append_str(&self->text, "__future__");
    dependency = python_imports__add(self, statement, facts);
    dependency->is_from = true;
  }
  if (!ts_tree_cursor_goto_first_child(cursor))
    return;
  do {
    TSNode child = ts_tree_cursor_current_node(cursor);
    TSFieldId field = ts_tree_cursor_current_field_id(cursor);
    if (!dependency) {
      // Names come after the module: until it is known, only it counts.
      if (field != grammar->field_module_name)
        continue;
      if (!python_imports__from_module(self, child, source, &level)) {
        if (self->text.length)
          python_imports__not_a_name(self, child, source, facts);
        break;
      }
      dependency = python_imports__add(self, statement, facts);
      dependency->level = level;
      dependency->is_from = true;
    } else if (field == grammar->field_name) {
      TSNode name = python_imports__entry_name(grammar, child);
      if (ts_node_is_null(name))
        continue;
      strbuf_clear(&self->text);
      python_text_dotted(source->bytes, ts_node_start_byte(name), ts_node_end_byte(name),
                         &self->text);
      if (python_text_is_dotted_name(self->text.data, self->text.length))
        fact_dependency_add_name(dependency, self->text.data, self->text.length);
      else
        python_imports__not_a_name(self, name, source, facts);
    } else if (ts_node_symbol(child) == grammar->wildcard_import) {
      fact_dependency_add_name(dependency, "*", 1);
    }
  } while (ts_tree_cursor_goto_next_sibling(cursor));
  ts_tree_cursor_goto_parent(cursor);
}

static void python_imports__statement(python_imports *self, TSTreeCursor *cursor, TSNode node,
                                      TSSymbol symbol, fact_scope scope, const source_text *source,
                                      file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  TSPoint point = ts_node_start_point(node);
  uint32_t start = ts_node_start_byte(node);
  strbuf folded;
  strbuf_init(&folded);
  python_text_fold(source->bytes, start, ts_node_end_byte(node), &folded);
  TSPoint end_point = ts_node_end_point(node);
  python_statement statement = {
      .scope = scope,
      .line = point.row + 1,
      .column = python_text_column(&self->columns, source->bytes, point, start),
      .end_line = end_point.row + 1,
      .end_column =
          python_text_column(&self->columns, source->bytes, end_point, ts_node_end_byte(node)),
      .text = folded.data,
      .shared = NULL};
  if (symbol == grammar->import_statement) {
    python_imports__import(self, cursor, source, &statement, facts);
  } else {
    python_imports__from(self, cursor, symbol == grammar->future_import_statement, source,
                         &statement, facts);
  }
  strbuf_release(&folded);
}

void python_imports_extract(python_imports *self, const TSTree *tree, const source_text *source,
                            file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  // Every import statement spells "import": the walk goes only into nodes
  // whose bytes do, which leaves out most function bodies.
  python_hits_clear(&self->hits);
  // A tree with errors gets its syntax-error notice elsewhere: one a file.
  self->said_not_a_name = ts_node_has_error(ts_tree_root_node(tree));
  source_columns_init(&self->columns, source->bytes);
  python_hits_add_word(&self->hits, source->bytes, source->length, "import", 6);
  if (self->hits.count == 0)
    return;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  // depth counts the open levels above the cursor's node; frames[d] says how
  // the children of the open node at level d are scoped.
  size_t depth = 0;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (!python_hits_within(&self->hits, ts_node_start_byte(node), ts_node_end_byte(node)))
      goto next; // nothing here spells "import"
    TSSymbol symbol = ts_node_symbol(node);
    fact_scope scope = FACT_SCOPE_MODULE;
    if (depth > 0) {
      const python_frame *parent = &self->frames[depth - 1];
      scope = parent->child_scope;
      if (parent->type_checking_if && scope == FACT_SCOPE_MODULE &&
          ts_tree_cursor_current_field_id(&cursor) == grammar->field_consequence)
        scope = FACT_SCOPE_TYPE_CHECKING;
    }
    bool descend = false;
    if (symbol == grammar->import_statement || symbol == grammar->import_from_statement ||
        symbol == grammar->future_import_statement) {
      python_imports__statement(self, &cursor, node, symbol, scope, source, facts);
    } else if (python_grammar_holds_statements(grammar, symbol) || ts_node_has_error(node)) {
      // Expressions hold no statements, unless error recovery put one there.
      descend = true;
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      XGROW(self->frames, self->frame_capacity, depth + 1);
      python_frame *frame = &self->frames[depth++];
      frame->child_scope = symbol == grammar->function_definition || symbol == grammar->lambda
                               ? FACT_SCOPE_FUNCTION
                               : scope;
      frame->type_checking_if =
          (symbol == grammar->if_statement || symbol == grammar->elif_clause) &&
          scope != FACT_SCOPE_FUNCTION &&
          python_imports__is_type_checking(grammar, node, source->bytes);
      continue;
    }
  next:
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor))
        goto cleanup;
      depth--;
    }
  }
cleanup:
  ts_tree_cursor_delete(&cursor);
}
