#include "python_bridge.h"

#include "python_literal.h"
#include "python_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void python_bridge_init(python_bridge *self, const python_grammar *grammar) {
  memset(self, 0, sizeof(*self));
  self->grammar = grammar;
  python_hits_init(&self->hits);
  strbuf_init(&self->text);
}

void python_bridge_release(python_bridge *self) {
  free(self->scopes);
  python_hits_release(&self->hits);
  strbuf_release(&self->text);
}

static bool python_bridge__text_is(TSNode node, const char *bytes, const char *text) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  size_t length = strlen(text);
  return end - start == length && memcmp(bytes + start, text, length) == 0;
}

static bool python_bridge__is_identifier(const python_grammar *grammar, TSNode node,
                                         const char *bytes, const char *text) {
  return !ts_node_is_null(node) && ts_node_symbol(node) == grammar->identifier &&
         python_bridge__text_is(node, bytes, text);
}

// Whether node is `torch.ops`, spelled so.
static bool python_bridge__is_torch_ops(const python_grammar *grammar, TSNode node,
                                        const char *bytes) {
  if (ts_node_is_null(node) || ts_node_symbol(node) != grammar->attribute)
    return false;
  TSNode object = ts_node_child_by_field_id(node, grammar->field_object);
  TSNode attribute = ts_node_child_by_field_id(node, grammar->field_attribute);
  return python_bridge__is_identifier(grammar, object, bytes, "torch") &&
         python_bridge__is_identifier(grammar, attribute, bytes, "ops");
}

// What `torch.ops` itself offers besides namespaces (torch/_ops.py's _Ops).
static bool python_bridge__ops_method(const char *name) {
  static const char *const methods[] = {"load_library", "import_module", "loaded_libraries", NULL};
  for (size_t i = 0; methods[i]; i++)
    if (strcmp(name, methods[i]) == 0)
      return true;
  return name[0] == '_' && name[1] == '_';
}

static void python_bridge__position(python_bridge *self, const source_text *source, TSNode node,
                                    uint32_t *line, uint32_t *column) {
  TSPoint point = ts_node_start_point(node);
  *line = point.row + 1;
  *column = python_text_column(&self->columns, source->bytes, point, ts_node_start_byte(node));
}

static bool python_bridge__name_ok(const char *text);

// node is `torch.ops.<ns>` (its object is `torch.ops`): a use of ns, and of
// op when whole is `torch.ops.<ns>.<op>` (else op is null and whole node).
static void python_bridge__use(python_bridge *self, TSNode node, TSNode op, TSNode whole,
                               fact_scope scope, const source_text *source, file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  TSNode ns = ts_node_child_by_field_id(node, grammar->field_attribute);
  if (ts_node_is_null(ns) || ts_node_symbol(ns) != grammar->identifier)
    return;
  char *target = xstrndup(source->bytes + ts_node_start_byte(ns),
                          ts_node_end_byte(ns) - ts_node_start_byte(ns));
  // Names of ASCII identifiers only, as C++ spells a namespace.
  if (python_bridge__ops_method(target) || !python_bridge__name_ok(target)) {
    free(target);
    return;
  }
  bool ascii = !ts_node_is_null(op) && ts_node_symbol(op) == grammar->identifier;
  for (uint32_t b = ascii ? ts_node_start_byte(op) : 0; ascii && b < ts_node_end_byte(op); b++)
    ascii = (unsigned char)source->bytes[b] < 0x80;
  if (!ascii) {
    op = (TSNode){0};
    whole = node;
  }
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_OP;
  dependency->scope = scope;
  python_bridge__position(self, source, node, &dependency->line, &dependency->column);
  TSPoint end = ts_node_end_point(whole);
  dependency->end_line = end.row + 1;
  dependency->end_column =
      python_text_column(&self->columns, source->bytes, end, ts_node_end_byte(whole));
  dependency->target = target;
  if (!ts_node_is_null(op))
    fact_dependency_add_name(dependency, source->bytes + ts_node_start_byte(op),
                             ts_node_end_byte(op) - ts_node_start_byte(op));
  strbuf_clear(&self->text);
  python_text_dotted(source->bytes, ts_node_start_byte(whole), ts_node_end_byte(whole),
                     &self->text);
  dependency->statement = xstrdup(self->text.data ? self->text.data : "torch.ops");
}

// The text of node when it is one plain string literal (no f-string
// field, no concatenation), in out; false otherwise.
static bool python_bridge__plain_string(python_bridge *self, TSNode node, const char *bytes,
                                        strbuf *out) {
  const python_grammar *grammar = self->grammar;
  if (ts_node_is_null(node) || ts_node_symbol(node) != grammar->string || ts_node_has_error(node))
    return false;
  uint32_t count = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < count; i++) {
    TSSymbol symbol = ts_node_symbol(ts_node_named_child(node, i));
    if (symbol != grammar->string_start && symbol != grammar->string_content &&
        symbol != grammar->string_end)
      return false; // an f-string's field
  }
  strbuf_clear(out);
  return python_literal_text(grammar, node, bytes, out) && out->data;
}

// The n-th positional argument of a call's argument list, or a null node.
static TSNode python_bridge__argument(const python_grammar *grammar, TSNode arguments, uint32_t n) {
  uint32_t count = ts_node_named_child_count(arguments);
  uint32_t seen = 0;
  for (uint32_t i = 0; i < count; i++) {
    TSNode child = ts_node_named_child(arguments, i);
    TSSymbol symbol = ts_node_symbol(child);
    if (symbol == grammar->comment)
      continue;
    if (symbol == grammar->keyword_argument || symbol == grammar->list_splat ||
        symbol == grammar->dictionary_splat)
      return (TSNode){0};
    if (seen++ == n)
      return child;
  }
  return (TSNode){0};
}

static bool python_bridge__name_ok(const char *text) {
  if (!text[0])
    return false;
  for (const char *c = text; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
          *c == '_'))
      return false;
  return true;
}

static void python_bridge__add(python_bridge *self, const source_text *source, TSNode at,
                               fact_scope scope, fact_bridge_kind kind, const char *name,
                               size_t name_length, const char *parent, size_t parent_length,
                               file_facts *facts) {
  fact_bridge *bridge = file_facts_add_bridge(facts);
  bridge->kind = kind;
  bridge->scope = scope;
  python_bridge__position(self, source, at, &bridge->line, &bridge->column);
  bridge->name = xstrndup(name, name_length);
  bridge->parent = parent ? xstrndup(parent, parent_length) : NULL;
}

// Whether the callee is `Library`, `library.Library` or
// `torch.library.Library`, or ends in `custom_op` (`custom_op`,
// `torch.library.custom_op`, `torch._custom_ops.custom_op`).
static bool python_bridge__callee(const python_grammar *grammar, TSNode function, const char *bytes,
                                  const char *name) {
  if (python_bridge__is_identifier(grammar, function, bytes, name))
    return true;
  if (ts_node_is_null(function) || ts_node_symbol(function) != grammar->attribute)
    return false;
  if (!python_bridge__is_identifier(
          grammar, ts_node_child_by_field_id(function, grammar->field_attribute), bytes, name))
    return false;
  if (strcmp(name, "custom_op") == 0)
    return true;
  TSNode object = ts_node_child_by_field_id(function, grammar->field_object);
  if (python_bridge__is_identifier(grammar, object, bytes, "library"))
    return true;
  return !ts_node_is_null(object) && ts_node_symbol(object) == grammar->attribute &&
         python_bridge__is_identifier(
             grammar, ts_node_child_by_field_id(object, grammar->field_object), bytes, "torch") &&
         python_bridge__is_identifier(grammar,
                                      ts_node_child_by_field_id(object, grammar->field_attribute),
                                      bytes, "library");
}

static void python_bridge__call(python_bridge *self, TSNode call, fact_scope scope,
                                const source_text *source, file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  TSNode function = ts_node_child_by_field_id(call, grammar->field_function);
  TSNode arguments = ts_node_child_by_field_id(call, grammar->field_arguments);
  if (ts_node_is_null(arguments) || ts_node_symbol(arguments) != grammar->argument_list)
    return;
  strbuf first;
  strbuf_init(&first);
  TSNode name_node = python_bridge__argument(grammar, arguments, 0);
  if (python_bridge__callee(grammar, function, source->bytes, "Library")) {
    strbuf second;
    strbuf_init(&second);
    if (python_bridge__plain_string(self, name_node, source->bytes, &first) &&
        python_bridge__name_ok(first.data) &&
        python_bridge__plain_string(self, python_bridge__argument(grammar, arguments, 1),
                                    source->bytes, &second)) {
      fact_bridge_kind kind = FACT_BRIDGE_LIBRARY;
      bool known = true;
      if (strcmp(second.data, "DEF") == 0)
        kind = FACT_BRIDGE_LIBRARY;
      else if (strcmp(second.data, "FRAGMENT") == 0)
        kind = FACT_BRIDGE_FRAGMENT;
      else if (strcmp(second.data, "IMPL") == 0)
        kind = FACT_BRIDGE_IMPL;
      else
        known = false;
      if (known)
        python_bridge__add(self, source, name_node, scope, kind, first.data, first.length, NULL, 0,
                           facts);
    }
    strbuf_release(&second);
  } else if (python_bridge__callee(grammar, function, source->bytes, "custom_op")) {
    const char *colons = NULL;
    if (python_bridge__plain_string(self, name_node, source->bytes, &first) &&
        (colons = strstr(first.data, "::")) != NULL) {
      size_t ns_length = (size_t)(colons - first.data);
      char *ns = xstrndup(first.data, ns_length);
      const char *op = colons + 2;
      size_t op_length = strcspn(op, ".(");
      char *op_name = xstrndup(op, op_length);
      if (python_bridge__name_ok(ns) && python_bridge__name_ok(op_name))
        python_bridge__add(self, source, name_node, scope, FACT_BRIDGE_OP, op_name, op_length, ns,
                           ns_length, facts);
      free(ns);
      free(op_name);
    }
  }
  strbuf_release(&first);
}

void python_bridge_extract(python_bridge *self, const TSTree *tree, const source_text *source,
                           file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  python_hits_clear(&self->hits);
  python_hits_add_word(&self->hits, source->bytes, source->length, "ops.", 4);
  python_hits_add_word(&self->hits, source->bytes, source->length, "Library", 7);
  python_hits_add_word(&self->hits, source->bytes, source->length, "custom_op", 9);
  if (self->hits.count == 0)
    return;
  python_hits_sort(&self->hits);
  source_columns_init(&self->columns, source->bytes);
  self->has_done = false;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t depth = 0;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (!python_hits_within(&self->hits, ts_node_start_byte(node), ts_node_end_byte(node)))
      goto next;
    TSSymbol symbol = ts_node_symbol(node);
    fact_scope scope = depth > 0 ? self->scopes[depth - 1] : FACT_SCOPE_MODULE;
    if (symbol == grammar->comment || symbol == grammar->string)
      goto next;
    if (symbol == grammar->attribute) {
      // `torch.ops.ns.op` is met before the `torch.ops.ns` inside it: the
      // use is recorded there, and its inner node remembered to skip.
      TSNode object = ts_node_child_by_field_id(node, grammar->field_object);
      if (python_bridge__is_torch_ops(grammar, object, source->bytes)) {
        if (!(self->has_done && ts_node_eq(node, self->done)))
          python_bridge__use(self, node, (TSNode){0}, node, scope, source, facts);
      } else if (!ts_node_is_null(object) && ts_node_symbol(object) == grammar->attribute &&
                 python_bridge__is_torch_ops(
                     grammar, ts_node_child_by_field_id(object, grammar->field_object),
                     source->bytes)) {
        python_bridge__use(self, object, ts_node_child_by_field_id(node, grammar->field_attribute),
                           node, scope, source, facts);
        self->done = object;
        self->has_done = true;
      }
    } else if (symbol == grammar->call)
      python_bridge__call(self, node, scope, source, facts);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      XGROW(self->scopes, self->scope_capacity, depth + 1);
      self->scopes[depth++] = symbol == grammar->function_definition || symbol == grammar->lambda
                                  ? FACT_SCOPE_FUNCTION
                                  : scope;
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
