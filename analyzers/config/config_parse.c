// The shared helpers of the key handlers (config_parse.h), and the walk of
// a mapping with a key table, which also drives the unknown-key and
// duplicate-key errors and their "did you mean" suggestions.
#include "config_parse.h"

#include "config_keys.h"
#include "config_suggest.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool config__fail(config__parser *parser, const config_node *node, const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(parser->error->message, sizeof(parser->error->message), format, args);
  va_end(args);
  parser->error->position = node->position;
  return false;
}

// ---------------------------------------------------------------------------
// Value shapes shared by several keys.

bool config__is_string(const config_node *node) {
  return node->kind == CONFIG_NODE_SCALAR && !config_node_is_null(node);
}

// A list (or, when single_ok, one string standing for a list of one).
// Items are checked by the caller. A null value is an empty list.
bool config__expect_list(config__parser *parser, const config_node *node, const char *name,
                         const char *what, bool single_ok) {
  if (node->kind == CONFIG_NODE_SEQUENCE || config_node_is_null(node))
    return true;
  if (single_ok && config__is_string(node))
    return true;
  return config__fail(parser, node, "'%s' must be %s, not %s", name, what,
                      config_node_kind_name(node));
}

bool config__expect_item(config__parser *parser, const config_node *item, const char *name,
                         const char *what) {
  if (config__is_string(item))
    return true;
  return config__fail(parser, item, "each item of '%s' must be %s, not %s", name, what,
                      config_node_kind_name(item));
}

bool config__glob(config__parser *parser, const config_node *node, glob **out) {
  const char *message = NULL;
  size_t offset = 0;
  *out = glob_new(node->value, &message, &offset);
  if (*out)
    return true;
  if (offset == 0 || node->value[offset] == '\0')
    return config__fail(parser, node, "invalid glob '%s': %s", node->value, message);
  return config__fail(parser, node, "invalid glob '%s': %s, at '%s'", node->value, message,
                      node->value + offset);
}

void config_free_strings(char **strings, size_t count) {
  for (size_t i = 0; i < count; i++)
    free(strings[i]);
  free(strings);
}

void config_free_globs(glob **globs, size_t count) {
  for (size_t i = 0; i < count; i++)
    glob_delete(globs[i]);
  free(globs);
}

// Replaces *globs with the list of globs in node; null keeps the default.
bool config__glob_list(config__parser *parser, const config_node *node, const char *name,
                       glob ***globs, size_t *count) {
  if (config_node_is_null(node))
    return true;
  if (!config__expect_list(parser, node, name, "a list of globs", false))
    return false;
  config_free_globs(*globs, *count);
  *globs = NULL;
  *count = 0;
  *globs = xcalloc(node->child_count, sizeof(**globs));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (!config__expect_item(parser, item, name, "a glob") ||
        !config__glob(parser, item, &(*globs)[*count]))
      return false;
    (*count)++;
  }
  return true;
}

// Replaces *strings with the list of strings in node, each passed through
// check; null keeps the default.
bool config__string_list(config__parser *parser, const config_node *node, const char *name,
                         const char *what, const char *item_what, config__string_check check,
                         char ***strings, size_t *count) {
  if (config_node_is_null(node))
    return true;
  if (!config__expect_list(parser, node, name, what, false))
    return false;
  config_free_strings(*strings, *count);
  *strings = NULL;
  *count = 0;
  *strings = xcalloc(node->child_count, sizeof(**strings));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (!config__expect_item(parser, item, name, item_what))
      return false;
    (*strings)[*count] = xstrdup(item->value);
    (*count)++;
    if (check && !check(parser, item, &(*strings)[*count - 1]))
      return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Walking a mapping with a key table.

static const config__key *config__find_key(const config__key *table, size_t count,
                                           const char *name) {
  for (size_t i = 0; i < count; i++) {
    if (strcmp(table[i].name, name) == 0)
      return &table[i];
  }
  return NULL;
}

// The earlier key of mapping equal to key i, or NULL.
static const config_node *config__earlier_key(const config_node *mapping, size_t i) {
  const config_node *key = mapping->children[2 * i];
  for (size_t j = 0; j < i; j++) {
    const config_node *other = mapping->children[2 * j];
    if (other->kind == CONFIG_NODE_SCALAR && strcmp(other->value, key->value) == 0)
      return other;
  }
  return NULL;
}

static bool config__check_key(config__parser *parser, const config_node *mapping, size_t i,
                              const config__key *table, size_t count, const char *where) {
  const config_node *key = mapping->children[2 * i];
  if (key->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, key, "keys must be strings, not %s", config_node_kind_name(key));
  const config_node *earlier = config__earlier_key(mapping, i);
  if (earlier)
    return config__fail(parser, key, "duplicate key '%s' (first given at line %u)", key->value,
                        earlier->position.line);
  if (config__find_key(table, count, key->value))
    return true;
  config_suggest suggest;
  config_suggest_init(&suggest, key->value);
  for (size_t k = 0; k < count; k++)
    config_suggest_offer(&suggest, table[k].name);
  char hint[128] = "";
  if (suggest.best)
    snprintf(hint, sizeof(hint), "; did you mean '%s'?", suggest.best);
  if (where)
    return config__fail(parser, key, "unknown key '%s' in %s%s", key->value, where, hint);
  return config__fail(parser, key, "unknown key '%s'%s", key->value, hint);
}

// Checks every key of mapping against table, then runs the handlers phase by
// phase, each in document order. where names the mapping in messages (NULL
// for the top level).
bool config__run_table(config__parser *parser, const config_node *mapping, const config__key *table,
                       size_t count, const char *where, void *target) {
  size_t pairs = mapping->child_count / 2;
  for (int phase = 0; phase < CONFIG_PHASE_COUNT; phase++) {
    if (phase == CONFIG_PHASE_MAIN) {
      // Unknown and duplicate keys are reported before the other handlers run.
      for (size_t i = 0; i < pairs; i++) {
        if (!config__check_key(parser, mapping, i, table, count, where))
          return false;
      }
    }
    for (size_t i = 0; i < pairs; i++) {
      const config_node *key = mapping->children[2 * i];
      if (key->kind != CONFIG_NODE_SCALAR || config__earlier_key(mapping, i))
        continue;
      const config__key *entry = config__find_key(table, count, key->value);
      if (entry && (int)entry->phase == phase &&
          !entry->handler(parser, mapping->children[2 * i + 1], target))
        return false;
    }
  }
  return true;
}

// A mapping value of a nested table (python, cxx); null is an empty one.
bool config__nested(config__parser *parser, const config_node *node, const char *name,
                    const config__key *table, size_t count) {
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_MAPPING)
    return config__fail(parser, node, "'%s' must be a mapping, not %s", name,
                        config_node_kind_name(node));
  char where[64];
  snprintf(where, sizeof(where), "'%s'", name);
  return config__run_table(parser, node, table, count, where, NULL);
}

// YAML 1.2's core schema booleans.
bool config__boolean(config__parser *parser, const config_node *node, const char *name, bool *out) {
  static const char *const yes[] = {"true", "True", "TRUE"};
  static const char *const no[] = {"false", "False", "FALSE"};
  if (node->kind == CONFIG_NODE_SCALAR && node->plain) {
    for (size_t i = 0; i < 3; i++) {
      if (strcmp(node->value, yes[i]) == 0 || strcmp(node->value, no[i]) == 0) {
        *out = strcmp(node->value, yes[i]) == 0;
        return true;
      }
    }
  }
  if (node->kind == CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'%s' must be true or false, not '%s'", name, node->value);
  return config__fail(parser, node, "'%s' must be true or false, not %s", name,
                      config_node_kind_name(node));
}

int config__component_index(const strata_config *config, const char *name) {
  for (size_t i = 0; i < config->component_count; i++) {
    if (strcmp(config->components[i].name, name) == 0)
      return (int)i;
  }
  return -1;
}

// "; did you mean 'aten'?" when a component name is close to name, else "".
void config__component_hint(const strata_config *config, const char *name, char *hint,
                            size_t size) {
  config_suggest suggest;
  config_suggest_init(&suggest, name);
  for (size_t i = 0; i < config->component_count; i++)
    config_suggest_offer(&suggest, config->components[i].name);
  hint[0] = '\0';
  if (suggest.best)
    snprintf(hint, size, "; did you mean '%s'?", suggest.best);
}
