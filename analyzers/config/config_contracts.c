// The contracts beside `layers` and `forbidden` (docs/config.md):
// `independence`, `protected`, `ignore`, `layered` and `acyclic_siblings`,
// and what their
// entries share: external selectors and `scopes`.
#include "config_parse.h"

#include "config_keys.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool config__external_selector(config__parser *parser, const config_node *item, const char *name,
                               bool headers, config_selector *selector) {
  const char *value = item->value;
  const char *message = NULL;
  size_t offset = 0;
  if (value[0] == '<') {
    size_t length = strlen(value);
    if (!headers)
      return config__fail(parser, item,
                          "'%s' names files of the tree; a header such as '%s' may only be a "
                          "target (a 'to' side)",
                          name, value);
    if (length < 3 || value[length - 1] != '>')
      return config__fail(parser, item,
                          "invalid header '%s': write an include name in angle brackets, such as "
                          "'<Python.h>' or '<pybind11/**>'",
                          value);
    char *inner = xstrndup(value + 1, length - 2);
    selector->header_glob = glob_new(inner, &message, &offset);
    free(inner);
    if (!selector->header_glob)
      return config__fail(parser, item, "invalid header '%s': %s, at '%s'", value, message,
                          value + 1 + offset);
    return true;
  }
  const char *dotted = value + strlen("module:");
  size_t length = strlen(dotted);
  bool valid = length > 0 && dotted[0] != '.' && dotted[length - 1] != '.' && !strstr(dotted, "..");
  for (size_t i = 0; valid && i < length; i++) {
    unsigned char c = (unsigned char)dotted[i];
    valid = c == '.' || c == '_' || c == '*' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  if (!valid)
    return config__fail(parser, item,
                        "invalid module '%s': write a dotted Python module such as "
                        "'module:numpy' or 'module:torch.*.functional'",
                        value);
  char *slashed = xstrdup(dotted);
  for (char *c = slashed; *c; c++)
    if (*c == '.')
      *c = '/';
  selector->module_glob = glob_new(slashed, &message, &offset);
  free(slashed);
  if (!selector->module_glob)
    return config__fail(parser, item, "invalid module '%s': %s", value, message);
  selector->module_below = strchr(dotted, '*') == NULL;
  return true;
}

bool config__scopes(config__parser *parser, const config_node *node, const char *name,
                    uint32_t *scopes) {
  static const char what[] = "a list of scopes (module, function, type_checking)";
  if (config_node_is_null(node))
    return true;
  if (!config__expect_list(parser, node, name, what, true))
    return false;
  size_t count = node->kind == CONFIG_NODE_SEQUENCE ? node->child_count : 1;
  if (count == 0)
    return config__fail(parser, node, "'%s' must name at least one scope", name);
  uint32_t set = 0;
  for (size_t i = 0; i < count; i++) {
    const config_node *item = node->kind == CONFIG_NODE_SEQUENCE ? node->children[i] : node;
    if (!config__expect_item(parser, item, name, "a scope"))
      return false;
    bool known = false;
    for (int scope = FACT_SCOPE_MODULE; scope <= FACT_SCOPE_TYPE_CHECKING; scope++) {
      if (strcmp(item->value, fact_scope_name((fact_scope)scope)) == 0) {
        set |= 1u << scope;
        known = true;
      }
    }
    if (!known)
      return config__fail(parser, item,
                          "unknown scope '%s'; scopes are module (import time), function and "
                          "type_checking",
                          item->value);
  }
  *scopes = set;
  return true;
}

// A `why` value: a string, or with required a non-empty one.
static bool config__why(config__parser *parser, const config_node *node, const char *name,
                        bool required, char **out) {
  if (!required && config_node_is_null(node))
    return true;
  if (!config__is_string(node) || (required && node->value[0] == '\0'))
    return config__fail(parser, node, "'%s' must be %s, not %s", name,
                        required ? "a reason" : "a string", config_node_kind_name(node));
  free(*out);
  *out = xstrdup(node->value);
  return true;
}

// Checks an entry once its keys are read (required keys, defaults) and
// sets its position.
typedef bool (*config__entry_finish)(config__parser *parser, const config_node *item, void *entry);

// Reads list node (`name`) of mappings: one slot of size bytes in *entries
// per item (the caller frees them, *count of them, even on failure), filled
// by keys and checked by finish.
static bool config__entries_started(config__parser *parser, const config_node *node,
                                    const char *name, const char *shape, const config__key *keys,
                                    size_t key_count, size_t size, void **entries, size_t *count,
                                    config__entry_finish start, config__entry_finish finish);

static bool config__entries(config__parser *parser, const config_node *node, const char *name,
                            const char *shape, const config__key *keys, size_t key_count,
                            size_t size, void **entries, size_t *count,
                            config__entry_finish finish) {
  return config__entries_started(parser, node, name, shape, keys, key_count, size, entries, count,
                                 NULL, finish);
}

// config__entries, with start run on each entry before its keys (defaults).
static bool config__entries_started(config__parser *parser, const config_node *node,
                                    const char *name, const char *shape, const config__key *keys,
                                    size_t key_count, size_t size, void **entries, size_t *count,
                                    config__entry_finish start, config__entry_finish finish) {
  char what[160];
  snprintf(what, sizeof(what), "a list of %s entries", shape);
  if (!config__expect_list(parser, node, name, what, false))
    return false;
  if (node->kind != CONFIG_NODE_SEQUENCE)
    return true;
  *entries = xcalloc(node->child_count + 1, size);
  char where[100];
  snprintf(where, sizeof(where), "an '%s' entry", name);
  if (strchr("aeiou", name[0]) == NULL)
    snprintf(where, sizeof(where), "a '%s' entry", name);
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (item->kind != CONFIG_NODE_MAPPING)
      return config__fail(parser, item, "each item of '%s' must be a mapping %s, not %s", name,
                          shape, config_node_kind_name(item));
    void *entry = (char *)*entries + size * (*count)++;
    if ((start && !start(parser, item, entry)) ||
        !config__run_table(parser, item, keys, key_count, where, entry) ||
        !finish(parser, item, entry))
      return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// independence

static bool config__independence_components(config__parser *parser, const config_node *node,
                                            void *target) {
  config_independence *entry = target;
  return config__selectors(parser, node, "independence.components", false, &entry->components,
                           &entry->component_count);
}

static bool config__independence_why(config__parser *parser, const config_node *node,
                                     void *target) {
  config_independence *entry = target;
  return config__why(parser, node, "independence.why", false, &entry->why);
}

static bool config__independence_scopes(config__parser *parser, const config_node *node,
                                        void *target) {
  config_independence *entry = target;
  return config__scopes(parser, node, "independence.scopes", &entry->scopes);
}

static bool config__independence_finish(config__parser *parser, const config_node *item,
                                        void *target) {
  config_independence *entry = target;
  entry->position = item->position;
  if (!entry->components)
    return config__fail(parser, item, "an 'independence' entry needs 'components'");
  if (entry->component_count < 2)
    return config__fail(parser, item,
                        "an 'independence' entry needs at least two components, not %zu",
                        entry->component_count);
  if (!entry->scopes)
    entry->scopes = CONFIG_SCOPES_IMPORT_TIME;
  return true;
}

bool config__independence(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"components", config__independence_components, CONFIG_PHASE_MAIN},
      {"why", config__independence_why, CONFIG_PHASE_MAIN},
      {"scopes", config__independence_scopes, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  void *entries = NULL;
  bool ok = config__entries(parser, node, "independence", "with 'components' (and 'why')", keys,
                            sizeof(keys) / sizeof(keys[0]), sizeof(config_independence), &entries,
                            &config->independence_count, config__independence_finish);
  config->independence = entries;
  return ok;
}

// ---------------------------------------------------------------------------
// protected

static bool config__protected_components(config__parser *parser, const config_node *node,
                                         void *target) {
  config_protected *entry = target;
  return config__selectors(parser, node, "protected.components", false, &entry->components,
                           &entry->component_count);
}

static bool config__protected_importers(config__parser *parser, const config_node *node,
                                        void *target) {
  config_protected *entry = target;
  if (config_node_is_null(node) || (node->kind == CONFIG_NODE_SEQUENCE && node->child_count == 0))
    return true; // nobody outside may depend on it
  return config__selectors(parser, node, "protected.allowed_importers", false, &entry->importers,
                           &entry->importer_count);
}

static bool config__protected_why(config__parser *parser, const config_node *node, void *target) {
  config_protected *entry = target;
  return config__why(parser, node, "protected.why", false, &entry->why);
}

static bool config__protected_scopes(config__parser *parser, const config_node *node,
                                     void *target) {
  config_protected *entry = target;
  return config__scopes(parser, node, "protected.scopes", &entry->scopes);
}

static bool config__protected_finish(config__parser *parser, const config_node *item,
                                     void *target) {
  config_protected *entry = target;
  entry->position = item->position;
  if (!entry->components)
    return config__fail(parser, item, "a 'protected' entry needs 'components'");
  if (!entry->scopes)
    entry->scopes = CONFIG_SCOPES_ALL;
  return true;
}

bool config__protected(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"components", config__protected_components, CONFIG_PHASE_MAIN},
      {"allowed_importers", config__protected_importers, CONFIG_PHASE_MAIN},
      {"why", config__protected_why, CONFIG_PHASE_MAIN},
      {"scopes", config__protected_scopes, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  void *entries = NULL;
  bool ok = config__entries(parser, node, "protected", "with 'components' and 'allowed_importers'",
                            keys, sizeof(keys) / sizeof(keys[0]), sizeof(config_protected),
                            &entries, &config->protected_count, config__protected_finish);
  config->protected_entries = entries;
  return ok;
}

// ---------------------------------------------------------------------------
// ignore

static bool config__ignore_from(config__parser *parser, const config_node *node, void *target) {
  config_ignore *entry = target;
  return config__selectors(parser, node, "ignore.from", false, &entry->from, &entry->from_count);
}

static bool config__ignore_to(config__parser *parser, const config_node *node, void *target) {
  config_ignore *entry = target;
  return config__selectors(parser, node, "ignore.to", true, &entry->to, &entry->to_count);
}

static bool config__ignore_why(config__parser *parser, const config_node *node, void *target) {
  config_ignore *entry = target;
  return config__why(parser, node, "ignore.why", true, &entry->why);
}

static bool config__ignore_finish(config__parser *parser, const config_node *item, void *target) {
  config_ignore *entry = target;
  entry->position = item->position;
  // An exception for good says why; one for a while is an `allow` entry.
  static const char *const required[] = {"from", "to", "why"};
  bool present[] = {entry->from != NULL, entry->to != NULL, entry->why != NULL};
  for (size_t k = 0; k < 3; k++)
    if (!present[k])
      return config__fail(parser, item, "an 'ignore' entry needs '%s'", required[k]);
  return true;
}

bool config__ignore(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"from", config__ignore_from, CONFIG_PHASE_MAIN},
      {"to", config__ignore_to, CONFIG_PHASE_MAIN},
      {"why", config__ignore_why, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  void *entries = NULL;
  bool ok = config__entries(parser, node, "ignore", "with 'from', 'to' and 'why'", keys,
                            sizeof(keys) / sizeof(keys[0]), sizeof(config_ignore), &entries,
                            &config->ignore_entry_count, config__ignore_finish);
  config->ignore_entries = entries;
  return ok;
}

// ---------------------------------------------------------------------------
// layered

// A container: a folder path of the tree, canonical (no '.', '..' or empty
// segments, no wildcards).
static bool config__container(config__parser *parser, const config_node *item, char **text) {
  const char *path = *text;
  size_t length = strlen(path);
  while (length > 1 && path[length - 1] == '/')
    length--;
  (*text)[length] = '\0';
  bool valid = length > 0 && path[0] != '/' && path[strcspn(path, "*?[")] == '\0' &&
               strcmp(path, ".") != 0 && strncmp(path, "./", 2) != 0 && !strstr(path, "//") &&
               !strstr(path, "/./") && strncmp(path, "../", 3) != 0 && !strstr(path, "/../") &&
               strcmp(path, "..") != 0;
  if (!valid)
    return config__fail(
        parser, item,
        "invalid folder '%s': write a folder of the tree, without wildcards, such as 'torch/nn'",
        path);
  return true;
}

static bool config__layered_containers(config__parser *parser, const config_node *node,
                                       void *target) {
  config_layered *entry = target;
  return config__string_list(parser, node, "layered.containers", "a list of folder paths",
                             "a folder path", config__container, &entry->containers,
                             &entry->container_count);
}

// One layer: a name, or siblings `a | b` (must not depend on each other) or
// `a : b` (may), as import-linter writes them.
static bool config__layered_layer(config__parser *parser, const config_node *item,
                                  config_layered *entry, size_t layer, strbuf *text) {
  const char *value = item->value;
  bool bar = strchr(value, '|') != NULL;
  if (bar && strchr(value, ':'))
    return config__fail(parser, item,
                        "layer '%s' mixes ':' and '|'; siblings either may depend on each other "
                        "(':') or must not ('|')",
                        value);
  entry->layer_independent[layer] = bar;
  strbuf_clear(text);
  for (const char *at = value;;) {
    size_t length = strcspn(at, ":|");
    const char *start = at;
    while (length && (*start == ' ' || *start == '\t'))
      start++, length--;
    while (length && (start[length - 1] == ' ' || start[length - 1] == '\t'))
      length--;
    char *name = xstrndup(start, length);
    bool valid = length > 0 && name[strcspn(name, "/*?[ \t")] == '\0';
    for (size_t k = 0; valid && k < entry->name_count; k++)
      if (strcmp(entry->names[k], name) == 0) {
        free(name);
        return config__fail(parser, item, "duplicate layer '%s'", entry->names[k]);
      }
    if (!valid) {
      bool ok = config__fail(parser, item,
                             "invalid layer '%s' in '%s': a layer is the name of a folder or "
                             "module right below each container",
                             name, value);
      free(name);
      return ok;
    }
    entry->names = xrealloc(entry->names, (entry->name_count + 1) * sizeof(char *));
    entry->name_layer = xrealloc(entry->name_layer, (entry->name_count + 1) * sizeof(uint32_t));
    entry->names[entry->name_count] = name;
    entry->name_layer[entry->name_count++] = (uint32_t)layer;
    if (text->length)
      strbuf_append_str(text, bar ? " | " : " : ");
    strbuf_append(text, start, length);
    at += strcspn(at, ":|");
    if (!*at)
      break;
    at++;
  }
  free(entry->layers[layer]);
  entry->layers[layer] = xstrdup(text->data);
  return true;
}

static bool config__layered_layers(config__parser *parser, const config_node *node, void *target) {
  config_layered *entry = target;
  if (!config__string_list(parser, node, "layered.layers", "a list of layer names", "a layer name",
                           NULL, &entry->layers, &entry->layer_count))
    return false;
  free(entry->layer_independent);
  entry->layer_independent = xcalloc(entry->layer_count + 1, sizeof(bool));
  strbuf text;
  strbuf_init(&text);
  bool ok = true;
  for (size_t i = 0; i < entry->layer_count && ok; i++)
    ok = config__layered_layer(parser, node->children[i], entry, i, &text);
  strbuf_release(&text);
  return ok;
}

static bool config__layered_why(config__parser *parser, const config_node *node, void *target) {
  config_layered *entry = target;
  return config__why(parser, node, "layered.why", false, &entry->why);
}

static bool config__layered_scopes(config__parser *parser, const config_node *node, void *target) {
  config_layered *entry = target;
  return config__scopes(parser, node, "layered.scopes", &entry->scopes);
}

static bool config__layered_exhaustive(config__parser *parser, const config_node *node,
                                       void *target) {
  config_layered *entry = target;
  return config__boolean(parser, node, "layered.exhaustive", &entry->exhaustive);
}

// A name left out of an exhaustive entry: a folder or module right below
// each container, as a layer is named.
static bool config__exhaustive_ignore(config__parser *parser, const config_node *item,
                                      char **text) {
  const char *name = *text;
  if (name[0] == '\0' || name[strcspn(name, "/*?[ \t|:")] != '\0')
    return config__fail(parser, item,
                        "invalid name '%s' in 'layered.exhaustive_ignores': a folder or module "
                        "right below each container",
                        name);
  return true;
}

static bool config__layered_exhaustive_ignores(config__parser *parser, const config_node *node,
                                               void *target) {
  config_layered *entry = target;
  return config__string_list(parser, node, "layered.exhaustive_ignores", "a list of names",
                             "a name", config__exhaustive_ignore, &entry->exhaustive_ignores,
                             &entry->exhaustive_ignore_count);
}

static bool config__layered_finish(config__parser *parser, const config_node *item, void *target) {
  config_layered *entry = target;
  entry->position = item->position;
  if (entry->container_count == 0)
    return config__fail(parser, item, "a 'layered' entry needs 'containers'");
  if (entry->layer_count < 2)
    return config__fail(parser, item, "a 'layered' entry needs at least two 'layers'");
  if (!entry->scopes)
    entry->scopes = CONFIG_SCOPES_ALL;
  for (size_t i = 0; i < entry->exhaustive_ignore_count; i++)
    for (size_t k = 0; k < entry->name_count; k++)
      if (strcmp(entry->exhaustive_ignores[i], entry->names[k]) == 0)
        return config__fail(parser, item,
                            "'%s' is both a layer and in 'exhaustive_ignores'; keep one",
                            entry->names[k]);
  if (entry->exhaustive_ignore_count && !entry->exhaustive)
    return config__fail(parser, item,
                        "'exhaustive_ignores' needs 'exhaustive: true' (it names what an "
                        "exhaustive entry leaves out)");
  return true;
}

bool config__layered(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"containers", config__layered_containers, CONFIG_PHASE_MAIN},
      {"layers", config__layered_layers, CONFIG_PHASE_MAIN},
      {"why", config__layered_why, CONFIG_PHASE_MAIN},
      {"scopes", config__layered_scopes, CONFIG_PHASE_MAIN},
      {"exhaustive", config__layered_exhaustive, CONFIG_PHASE_MAIN},
      {"exhaustive_ignores", config__layered_exhaustive_ignores, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  void *entries = NULL;
  bool ok = config__entries(parser, node, "layered", "with 'containers' and 'layers'", keys,
                            sizeof(keys) / sizeof(keys[0]), sizeof(config_layered), &entries,
                            &config->layered_count, config__layered_finish);
  config->layered = entries;
  return ok;
}

// ---------------------------------------------------------------------------
// acyclic_siblings

static bool config__acyclic_ancestors(config__parser *parser, const config_node *node,
                                      void *target) {
  config_acyclic_siblings *entry = target;
  return config__string_list(parser, node, "acyclic_siblings.ancestors", "a list of folder paths",
                             "a folder path", config__container, &entry->ancestors,
                             &entry->ancestor_count);
}

static bool config__acyclic_skip(config__parser *parser, const config_node *node, void *target) {
  config_acyclic_siblings *entry = target;
  return config__string_list(parser, node, "acyclic_siblings.skip_descendants",
                             "a list of folder paths", "a folder path", config__container,
                             &entry->skip_descendants, &entry->skip_count);
}

static bool config__acyclic_depth(config__parser *parser, const config_node *node, void *target) {
  config_acyclic_siblings *entry = target;
  const char *text = config__is_string(node) ? node->value : "";
  size_t digits = strspn(text, "0123456789");
  if (digits == 0 || digits > 4 || text[digits] != '\0')
    return config__fail(parser, node,
                        "'acyclic_siblings.depth' must be a whole number of generations from 0 "
                        "to 9999, not %s",
                        config__is_string(node) ? text : config_node_kind_name(node));
  entry->depth = (uint32_t)strtoul(text, NULL, 10);
  return true;
}

static bool config__acyclic_why(config__parser *parser, const config_node *node, void *target) {
  config_acyclic_siblings *entry = target;
  return config__why(parser, node, "acyclic_siblings.why", false, &entry->why);
}

static bool config__acyclic_scopes(config__parser *parser, const config_node *node, void *target) {
  config_acyclic_siblings *entry = target;
  return config__scopes(parser, node, "acyclic_siblings.scopes", &entry->scopes);
}

static bool config__acyclic_finish(config__parser *parser, const config_node *item, void *target) {
  config_acyclic_siblings *entry = target;
  entry->position = item->position;
  if (entry->ancestor_count == 0)
    return config__fail(parser, item, "an 'acyclic_siblings' entry needs 'ancestors'");
  if (!entry->scopes)
    entry->scopes = CONFIG_SCOPES_ALL;
  return true;
}

// Before the keys run: the default depth, which import-linter uses too.
static bool config__acyclic_start(config__parser *parser, const config_node *item, void *target) {
  (void)parser;
  (void)item;
  config_acyclic_siblings *entry = target;
  entry->depth = 10;
  return true;
}

bool config__acyclic_siblings(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"ancestors", config__acyclic_ancestors, CONFIG_PHASE_MAIN},
      {"depth", config__acyclic_depth, CONFIG_PHASE_MAIN},
      {"skip_descendants", config__acyclic_skip, CONFIG_PHASE_MAIN},
      {"why", config__acyclic_why, CONFIG_PHASE_MAIN},
      {"scopes", config__acyclic_scopes, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  void *entries = NULL;
  bool ok = config__entries_started(parser, node, "acyclic_siblings", "with 'ancestors'", keys,
                                    sizeof(keys) / sizeof(keys[0]), sizeof(config_acyclic_siblings),
                                    &entries, &config->acyclic_siblings_count,
                                    config__acyclic_start, config__acyclic_finish);
  config->acyclic_siblings = entries;
  return ok;
}
