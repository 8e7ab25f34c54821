#include "python_deprecations.h"

#include "python_literal.h"
#include "python_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

void python_deprecations_init(python_deprecations *self, const python_grammar *grammar,
                              char *const *names, size_t count) {
  memset(self, 0, sizeof(*self));
  self->grammar = grammar;
  python_comments_init(&self->comments);
  python_hits_init(&self->hits);
  strbuf_init(&self->name);
  strbuf_init(&self->text);
  self->extra_names = xcalloc(count + 1, sizeof(char *));
  for (size_t i = 0; i < count; i++) {
    const char *name = names[i];
    if (!name)
      continue;
    if (name[0] == '@') // a decorator name written as one
      name++;
    self->extra_names[self->extra_count++] = xstrdup(name);
  }
}

static void python_deprecations__free_names(char **names, size_t *count) {
  for (size_t i = 0; i < *count; i++)
    free(names[i]);
  *count = 0;
}

void python_deprecations_release(python_deprecations *self) {
  python_deprecations__free_names(self->extra_names, &self->extra_count);
  free(self->extra_names);
  python_deprecations__free_names(self->module_aliases, &self->module_alias_count);
  free(self->module_aliases);
  python_deprecations__free_names(self->warn_aliases, &self->warn_alias_count);
  free(self->warn_aliases);
  python_comments_release(&self->comments);
  free(self->candidates);
  python_hits_release(&self->hits);
  free(self->parts);
  strbuf_release(&self->name);
  strbuf_release(&self->text);
  memset(self, 0, sizeof(*self));
}

static bool python_deprecations__text_is(TSNode node, const char *bytes, const char *text) {
  if (ts_node_is_null(node))
    return false;
  uint32_t start = ts_node_start_byte(node);
  size_t length = strlen(text);
  return ts_node_end_byte(node) - start == length && memcmp(bytes + start, text, length) == 0;
}

static bool python_deprecations__listed(char *const *names, size_t count, const char *name) {
  for (size_t i = 0; i < count; i++)
    if (strcmp(names[i], name) == 0)
      return true;
  return false;
}

// Sets self->name to the dotted name node spells (`a.b.c`, parentheses and
// white space left out) and returns true, or returns false when node is
// not a name or a chain of attributes of one.
static bool python_deprecations__dotted(python_deprecations *self, TSNode node, const char *bytes) {
  const python_grammar *grammar = self->grammar;
  strbuf_clear(&self->name);
  size_t count = 0;
  node = python_grammar_unparenthesize(grammar, node);
  while (!ts_node_is_null(node) && ts_node_symbol(node) == grammar->attribute) {
    XGROW(self->parts, self->part_capacity, count + 1);
    self->parts[count++] = ts_node_child_by_field_id(node, grammar->field_attribute);
    node = python_grammar_unparenthesize(grammar,
                                         ts_node_child_by_field_id(node, grammar->field_object));
  }
  if (ts_node_is_null(node) || ts_node_symbol(node) != grammar->identifier)
    return false;
  XGROW(self->parts, self->part_capacity, count + 1);
  self->parts[count++] = node;
  for (size_t i = count; i-- > 0;) {
    TSNode part = self->parts[i];
    if (ts_node_is_null(part) || ts_node_symbol(part) != grammar->identifier)
      return false;
    if (i + 1 < count)
      strbuf_append_char(&self->name, '.');
    strbuf_append(&self->name, bytes + ts_node_start_byte(part),
                  ts_node_end_byte(part) - ts_node_start_byte(part));
  }
  return true;
}

static void python_deprecations__add_alias(char ***names, size_t *count, size_t *capacity,
                                           TSNode alias, const char *bytes) {
  XGROW(*names, *capacity, *count + 1);
  (*names)[(*count)++] = xstrndup(bytes + ts_node_start_byte(alias),
                                  ts_node_end_byte(alias) - ts_node_start_byte(alias));
}

// Whether the dotted_name node spells text (white space around dots aside).
static bool python_deprecations__dotted_is(python_deprecations *self, TSNode node,
                                           const char *bytes, const char *text) {
  if (ts_node_is_null(node) || ts_node_symbol(node) != self->grammar->dotted_name)
    return false;
  strbuf_clear(&self->text);
  python_text_dotted(bytes, ts_node_start_byte(node), ts_node_end_byte(node), &self->text);
  return strcmp(self->text.data, text) == 0;
}

// `import warnings as w` and `from warnings import warn [as x]`: the names
// they bind. The other import forms bind none that matter here.
static void python_deprecations__import(python_deprecations *self, TSNode statement,
                                        const char *bytes) {
  const python_grammar *grammar = self->grammar;
  bool from = ts_node_symbol(statement) == grammar->import_from_statement;
  if (from && !python_deprecations__dotted_is(
                  self, ts_node_child_by_field_id(statement, grammar->field_module_name), bytes,
                  "warnings"))
    return;
  TSTreeCursor cursor = ts_tree_cursor_new(statement);
  if (!ts_tree_cursor_goto_first_child(&cursor))
    goto cleanup;
  do {
    if (ts_tree_cursor_current_field_id(&cursor) != grammar->field_name)
      continue;
    TSNode entry = ts_tree_cursor_current_node(&cursor);
    if (!from) {
      if (ts_node_symbol(entry) == grammar->aliased_import &&
          python_deprecations__dotted_is(
              self, ts_node_child_by_field_id(entry, grammar->field_name), bytes, "warnings"))
        python_deprecations__add_alias(
            &self->module_aliases, &self->module_alias_count, &self->module_alias_capacity,
            ts_node_child_by_field_id(entry, grammar->field_alias), bytes);
    } else if (python_deprecations__dotted_is(self, entry, bytes, "warn")) {
      python_deprecations__add_alias(&self->warn_aliases, &self->warn_alias_count,
                                     &self->warn_alias_capacity, entry, bytes);
    } else if (ts_node_symbol(entry) == grammar->aliased_import &&
               python_deprecations__dotted_is(
                   self, ts_node_child_by_field_id(entry, grammar->field_name), bytes, "warn")) {
      python_deprecations__add_alias(&self->warn_aliases, &self->warn_alias_count,
                                     &self->warn_alias_capacity,
                                     ts_node_child_by_field_id(entry, grammar->field_alias), bytes);
    }
  } while (ts_tree_cursor_goto_next_sibling(&cursor));
cleanup:
  ts_tree_cursor_delete(&cursor);
}

// Whether self->name (a call's dotted name) is warnings.warn.
static bool python_deprecations__is_warn(const python_deprecations *self) {
  const char *name = self->name.data;
  if (strcmp(name, "warnings.warn") == 0)
    return true;
  const char *dot = strchr(name, '.');
  if (!dot)
    return python_deprecations__listed(self->warn_aliases, self->warn_alias_count, name);
  if (strcmp(dot, ".warn") != 0)
    return false;
  for (size_t i = 0; i < self->module_alias_count; i++) {
    size_t length = strlen(self->module_aliases[i]);
    if ((size_t)(dot - name) == length && memcmp(name, self->module_aliases[i], length) == 0)
      return true;
  }
  return false;
}

// The arguments of a call that a site's message and category come from.
typedef struct python_arguments {
  TSNode positional[2]; // the first two positional arguments
  size_t positional_count;
  TSNode message, msg, reason, category; // keyword argument values
  bool double_star;                      // a `**mapping` argument
} python_arguments;

static void python_deprecations__arguments(const python_deprecations *self, TSNode arguments,
                                           const char *bytes, python_arguments *out) {
  const python_grammar *grammar = self->grammar;
  memset(out, 0, sizeof(*out));
  if (ts_node_is_null(arguments))
    return;
  if (ts_node_symbol(arguments) != grammar->argument_list) {
    out->positional[out->positional_count++] = arguments; // f(x for x in y)
    return;
  }
  uint32_t count = ts_node_named_child_count(arguments);
  for (uint32_t i = 0; i < count; i++) {
    TSNode argument = ts_node_named_child(arguments, i);
    TSSymbol symbol = ts_node_symbol(argument);
    if (symbol == grammar->comment)
      continue;
    if (symbol == grammar->dictionary_splat) {
      out->double_star = true;
    } else if (symbol == grammar->keyword_argument) {
      TSNode name = ts_node_child_by_field_id(argument, grammar->field_name);
      TSNode value = ts_node_child_by_field_id(argument, grammar->field_value);
      if (python_deprecations__text_is(name, bytes, "message"))
        out->message = value;
      else if (python_deprecations__text_is(name, bytes, "msg"))
        out->msg = value;
      else if (python_deprecations__text_is(name, bytes, "reason"))
        out->reason = value;
      else if (python_deprecations__text_is(name, bytes, "category"))
        out->category = value;
    } else if (out->positional_count < 2) {
      out->positional[out->positional_count++] = argument; // *args too: not literal
    }
  }
}

// The message fact of node: its literal text, NULL when it is not a literal
// form. With no node: NULL when a ** argument may hold it, else "".
static char *python_deprecations__message(python_deprecations *self, TSNode node,
                                          const python_arguments *arguments, const char *bytes) {
  if (ts_node_is_null(node))
    return arguments->double_star ? NULL : xstrdup("");
  strbuf_clear(&self->text);
  if (!python_literal_text(self->grammar, node, bytes, &self->text))
    return NULL;
  return xstrndup(self->text.data, self->text.length);
}

// Whether message holds phrase (lowercase letters and blanks) in any case.
static bool python_deprecations__says(const char *message, const char *phrase) {
  size_t length = strlen(phrase);
  for (const char *at = message; *at; at++) {
    size_t i = 0;
    while (i < length && at[i] && (at[i] | 0x20) == phrase[i])
      i++;
    if (i == length)
      return true;
  }
  return false;
}

// Whether a warning's message announces a deprecation: it says "deprecat",
// or that something "will be removed" (TORCH_WARN("x() will be removed in
// PyTorch 1.6") is one, whatever its category).
static bool python_deprecations__says_deprecat(const char *message) {
  return python_deprecations__says(message, "deprecat") ||
         python_deprecations__says(message, "will be removed");
}

// Whether node names DeprecationWarning or PendingDeprecationWarning (as
// the last part of a dotted name: `builtins.DeprecationWarning` too).
static bool python_deprecations__deprecation_category(const python_deprecations *self, TSNode node,
                                                      const char *bytes) {
  const python_grammar *grammar = self->grammar;
  node = python_grammar_unparenthesize(grammar, node);
  if (ts_node_is_null(node))
    return false;
  if (ts_node_symbol(node) == grammar->attribute)
    node = ts_node_child_by_field_id(node, grammar->field_attribute);
  else if (ts_node_symbol(node) != grammar->identifier)
    return false;
  return python_deprecations__text_is(node, bytes, "DeprecationWarning") ||
         python_deprecations__text_is(node, bytes, "PendingDeprecationWarning");
}

static TSNode python_deprecations__first(TSNode a, TSNode b, TSNode c) {
  return !ts_node_is_null(a) ? a : !ts_node_is_null(b) ? b : c;
}

// The message of a configured function or decorator: its first positional
// argument, else the first of message=, msg= and reason=.
static char *python_deprecations__configured_message(python_deprecations *self,
                                                     const python_arguments *arguments,
                                                     const char *bytes) {
  TSNode node =
      arguments->positional_count > 0
          ? arguments->positional[0]
          : python_deprecations__first(arguments->message, arguments->msg, arguments->reason);
  return python_deprecations__message(self, node, arguments, bytes);
}

// Adds the fact of the site at node; takes kind and message.
static void python_deprecations__record(python_deprecations *self, TSNode site, char *kind,
                                        char *message, const source_text *source,
                                        file_facts *facts) {
  const char *bytes = source->bytes;
  TSPoint point = ts_node_start_point(site);
  uint32_t start = ts_node_start_byte(site);
  fact_deprecation *deprecation = file_facts_add_deprecation(facts);
  deprecation->line = point.row + 1;
  deprecation->column = python_text_column(&self->columns, bytes, point, start);
  deprecation->kind = kind;
  deprecation->message = message;
  if (deprecation->line == self->last_line) {
    deprecation->comments = self->last_comments;
    deprecation->statement = self->last_statement;
    return;
  }
  strbuf_clear(&self->text);
  if (python_comments_around(&self->comments, deprecation->line, bytes, &self->text))
    deprecation->comments = xstrndup(self->text.data, self->text.length);
  // The statement: the site's whole first line, without its comment.
  size_t line_start = start - point.column;
  const char *newline = memchr(bytes + start, '\n', source->length - start);
  size_t line_end = newline ? (size_t)(newline - bytes) : source->length;
  const python_comment *comment = python_comments_on_line(&self->comments, deprecation->line);
  if (comment && comment->start >= start && comment->start < line_end)
    line_end = comment->start;
  strbuf_clear(&self->text);
  python_text_fold_plain(bytes, line_start, line_end, &self->text);
  deprecation->statement = xstrndup(self->text.data, self->text.length);
  self->last_line = deprecation->line;
  self->last_comments = deprecation->comments;
  self->last_statement = deprecation->statement;
}

static void python_deprecations__call(python_deprecations *self, TSNode call,
                                      const source_text *source, file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  const char *bytes = source->bytes;
  if (!python_deprecations__dotted(self, ts_node_child_by_field_id(call, grammar->field_function),
                                   bytes))
    return;
  bool warn = python_deprecations__is_warn(self);
  bool extra = python_deprecations__listed(self->extra_names, self->extra_count, self->name.data);
  if (!warn && !extra)
    return;
  char *kind = xstrdup(warn ? "warnings.warn" : self->name.data);
  python_arguments arguments;
  python_deprecations__arguments(self, ts_node_child_by_field_id(call, grammar->field_arguments),
                                 bytes, &arguments);
  if (warn) {
    TSNode message_node =
        arguments.positional_count > 0 ? arguments.positional[0] : arguments.message;
    TSNode category = arguments.positional_count > 1 ? arguments.positional[1] : arguments.category;
    char *message = python_deprecations__message(self, message_node, &arguments, bytes);
    if (python_deprecations__deprecation_category(self, category, bytes) ||
        (message && python_deprecations__says_deprecat(message))) {
      python_deprecations__record(self, call, kind, message, source, facts);
      return;
    }
    free(message);
    free(kind);
    if (!extra)
      return;
    // A configured name makes every call of it a site, warnings.warn too.
    kind = xstrdup(self->name.data);
  }
  python_deprecations__record(self, call, kind,
                              python_deprecations__configured_message(self, &arguments, bytes),
                              source, facts);
}

static bool python_deprecations__is_decorator_name(const python_deprecations *self) {
  static const char *const builtin[] = {"deprecated", "typing_extensions.deprecated",
                                        "warnings.deprecated"};
  for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
    if (strcmp(self->name.data, builtin[i]) == 0)
      return true;
  return python_deprecations__listed(self->extra_names, self->extra_count, self->name.data);
}

// The expression of a decorator (after the '@'), or a null node.
static TSNode python_deprecations__decorator_expression(const python_grammar *grammar,
                                                        TSNode decorator) {
  uint32_t count = ts_node_named_child_count(decorator);
  for (uint32_t i = 0; i < count; i++) {
    TSNode child = ts_node_named_child(decorator, i);
    if (ts_node_symbol(child) != grammar->comment)
      return python_grammar_unparenthesize(grammar, child);
  }
  return (TSNode){{0}, NULL, NULL};
}

static void python_deprecations__decorator(python_deprecations *self, TSNode decorator,
                                           const source_text *source, file_facts *facts) {
  const python_grammar *grammar = self->grammar;
  const char *bytes = source->bytes;
  TSNode expression = python_deprecations__decorator_expression(grammar, decorator);
  if (ts_node_is_null(expression))
    return;
  TSNode callee = expression;
  TSNode argument_list = {{0}, NULL, NULL};
  if (ts_node_symbol(expression) == grammar->call) {
    callee = ts_node_child_by_field_id(expression, grammar->field_function);
    argument_list = ts_node_child_by_field_id(expression, grammar->field_arguments);
  }
  if (!python_deprecations__dotted(self, callee, bytes) ||
      !python_deprecations__is_decorator_name(self))
    return;
  char *kind = xasprintf("@%s", self->name.data);
  python_arguments arguments;
  python_deprecations__arguments(self, argument_list, bytes, &arguments);
  python_deprecations__record(self, decorator, kind,
                              python_deprecations__configured_message(self, &arguments, bytes),
                              source, facts);
}

// The last part of a dotted name: spelled as is wherever the name is, even
// when white space splits the name at its dots.
static const char *python_deprecations__last_part(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot ? dot + 1 : name;
}

// Every place the walk can find something starts with a word it needs: a
// comment with '#', an import of warnings and the calls of warnings.warn
// with "warn" (unless an alias names it: see python_deprecations__collect),
// the decorators with "deprecat", the configured names with their last part.
// A subtree with none of these in its bytes holds nothing for the walk.
// Returns false, with no hits, when the file spells no site's word and no
// "strata:": then no walk can find a site or a suppression.
static bool python_deprecations__find_hits(python_deprecations *self, const source_text *source) {
  python_hits *hits = &self->hits;
  python_hits_clear(hits);
  python_hits_add_word(hits, source->bytes, source->length, "warn", 4);
  python_hits_add_word(hits, source->bytes, source->length, "deprecat", 8);
  for (size_t i = 0; i < self->extra_count; i++) {
    const char *part = python_deprecations__last_part(self->extra_names[i]);
    if (*part)
      python_hits_add_word(hits, source->bytes, source->length, part, strlen(part));
  }
  // The bytes hold no NUL (binary files never reach a front end).
  if (hits->count == 0 && !strstr(source->bytes, "strata:"))
    return false;
  python_hits_add_word(hits, source->bytes, source->length, "#", 1);
  python_hits_sort(hits);
  return true;
}

// Whether an alias of warn is spelled without "warn": then its calls are
// no hits, and the walk must look again with the alias among them.
static bool python_deprecations__alias_hides(const python_deprecations *self) {
  for (size_t i = 0; i < self->warn_alias_count; i++)
    if (!strstr(self->warn_aliases[i], "warn"))
      return true;
  return false;
}

// One walk over the tree (calls and comments are everywhere): the comments,
// the names imports bind, and the calls and decorators that may be sites.
// The decorator's own call is the decorator's business. The walk goes into a
// node only when one of self->hits starts in its bytes.
static void python_deprecations__collect(python_deprecations *self, const TSTree *tree,
                                         const char *bytes) {
  const python_grammar *grammar = self->grammar;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  uint32_t decorator_call = UINT32_MAX; // start byte of the last decorator's call
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (!python_hits_within(&self->hits, ts_node_start_byte(node), ts_node_end_byte(node)))
      goto next;
    TSSymbol symbol = ts_node_symbol(node);
    bool candidate = false;
    if (symbol == grammar->comment) {
      python_comments_add(&self->comments, node, bytes);
    } else if (symbol == grammar->import_statement || symbol == grammar->import_from_statement) {
      python_deprecations__import(self, node, bytes);
    } else if (symbol == grammar->decorator) {
      candidate = true;
      TSNode expression = python_deprecations__decorator_expression(grammar, node);
      if (!ts_node_is_null(expression) && ts_node_symbol(expression) == grammar->call)
        decorator_call = ts_node_start_byte(expression);
    } else if (symbol == grammar->call) {
      candidate = ts_node_start_byte(node) != decorator_call;
    }
    if (candidate) {
      XGROW(self->candidates, self->candidate_capacity, self->candidate_count + 1);
      self->candidates[self->candidate_count++] = node;
    }
    if (ts_tree_cursor_goto_first_child(&cursor))
      continue;
  next:
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor))
        goto cleanup;
    }
  }
cleanup:
  ts_tree_cursor_delete(&cursor);
}

static void python_deprecations__reset(python_deprecations *self) {
  python_comments_clear(&self->comments);
  self->candidate_count = 0;
  python_deprecations__free_names(self->module_aliases, &self->module_alias_count);
  python_deprecations__free_names(self->warn_aliases, &self->warn_alias_count);
}

void python_deprecations_extract(python_deprecations *self, const TSTree *tree,
                                 const source_text *source, const python_comments *hidden,
                                 file_facts *facts) {
  python_deprecations__reset(self);
  // A full walk of the tree costs as much as a tenth of the parse. Without
  // the words every site and suppression is spelled with, the walk cannot
  // find anything: skip it, and the facts are the same.
  if (!python_deprecations__find_hits(self, source))
    return;
  python_deprecations__collect(self, tree, source->bytes);
  if (python_deprecations__alias_hides(self)) {
    // `from warnings import warn as say`: calls of say are sites too. The
    // aliases become hits, and the walk starts over.
    for (size_t i = 0; i < self->warn_alias_count; i++)
      python_hits_add_word(&self->hits, source->bytes, source->length, self->warn_aliases[i],
                           strlen(self->warn_aliases[i]));
    python_hits_sort(&self->hits);
    python_deprecations__reset(self);
    python_deprecations__collect(self, tree, source->bytes);
  }
  if (hidden)
    python_comments_merge(&self->comments, hidden);
  source_columns_init(&self->columns, source->bytes);
  self->last_line = 0;
  for (size_t i = 0; i < self->candidate_count; i++) {
    TSNode node = self->candidates[i];
    if (ts_node_symbol(node) == self->grammar->decorator)
      python_deprecations__decorator(self, node, source, facts);
    else
      python_deprecations__call(self, node, source, facts);
  }
}
