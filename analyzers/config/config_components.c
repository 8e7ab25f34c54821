// components and layers: which files form each component, and the order of
// the layers they make (docs/config.md).
#include "config_parse.h"

#include "config_keys.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The globs of a component: one glob or a list of them.
static bool config__component_paths(config__parser *parser, const config_node *value,
                                    void *target) {
  config_component *component = target;
  char name[300];
  snprintf(name, sizeof(name), "components.%s.paths", component->name);
  if (!config__is_string(value) && value->kind != CONFIG_NODE_SEQUENCE)
    return config__fail(parser, value, "'%s' must be a glob or a list of globs, not %s", name,
                        config_node_kind_name(value));
  size_t count = value->kind == CONFIG_NODE_SEQUENCE ? value->child_count : 1;
  if (count == 0)
    return config__fail(parser, value, "'%s' must hold at least one glob", name);
  config_free_globs(component->globs, component->glob_count);
  component->glob_count = 0;
  component->globs = xcalloc(count, sizeof(*component->globs));
  for (size_t i = 0; i < count; i++) {
    const config_node *item = value->kind == CONFIG_NODE_SEQUENCE ? value->children[i] : value;
    if (!config__expect_item(parser, item, name, "a glob") ||
        !config__glob(parser, item, &component->globs[component->glob_count]))
      return false;
    component->glob_count++;
  }
  return true;
}

// The languages a component takes: names as the graph JSON spells them, and
// `cxx` for every C-family language.
static bool config__component_languages(config__parser *parser, const config_node *value,
                                        void *target) {
  config_component *component = target;
  char name[300];
  snprintf(name, sizeof(name), "components.%s.languages", component->name);
  static const char what[] = "a list of languages (python, c, cpp, cuda, objcpp, hip, cxx)";
  if (!config__expect_list(parser, value, name, what, true))
    return false;
  size_t count = value->kind == CONFIG_NODE_SEQUENCE ? value->child_count : 1;
  if (count == 0 || config_node_is_null(value))
    return config__fail(parser, value, "'%s' must name at least one language", name);
  component->languages = 0;
  for (size_t i = 0; i < count; i++) {
    const config_node *item = value->kind == CONFIG_NODE_SEQUENCE ? value->children[i] : value;
    if (!config__expect_item(parser, item, name, "a language"))
      return false;
    strata_language language;
    if (strcmp(item->value, "cxx") == 0)
      component->languages |= CONFIG_LANGUAGES_CXX;
    else if (strata_language_from_name(item->value, &language))
      component->languages |= 1u << language;
    else
      return config__fail(parser, item,
                          "unknown language '%s'; languages are python, c, cpp, cuda, objcpp, hip "
                          "and cxx (every C-family one)",
                          item->value);
  }
  return true;
}

static bool config__component(config__parser *parser, const config_node *key,
                              const config_node *value) {
  strata_config *config = parser->config;
  if (!config__is_string(key))
    return config__fail(parser, key, "component names must be strings, not %s",
                        config_node_kind_name(key));
  if (key->value[strcspn(key->value, "/*?[")] != '\0')
    return config__fail(parser, key,
                        "component name '%s' cannot hold '/', '*', '?' or '[' (those mark globs)",
                        key->value);
  int earlier = config__component_index(config, key->value);
  if (earlier >= 0)
    return config__fail(parser, key, "duplicate key '%s' (first given at line %u)", key->value,
                        config->components[earlier].position.line);
  config_component *component = &config->components[config->component_count++];
  *component =
      (config_component){.name = xstrdup(key->value), .layer = -1, .position = key->position};
  if (value->kind != CONFIG_NODE_MAPPING) {
    if (!config__is_string(value) && value->kind != CONFIG_NODE_SEQUENCE)
      return config__fail(parser, value,
                          "component '%s' must be a glob, a list of globs or a mapping with "
                          "'paths', not %s",
                          key->value, config_node_kind_name(value));
    return config__component_paths(parser, value, component);
  }
  static const config__key keys[] = {
      {"paths", config__component_paths, CONFIG_PHASE_MAIN},
      {"languages", config__component_languages, CONFIG_PHASE_MAIN},
  };
  char where[300];
  snprintf(where, sizeof(where), "component '%s'", key->value);
  if (!config__run_table(parser, value, keys, sizeof(keys) / sizeof(keys[0]), where, component))
    return false;
  if (!component->globs)
    return config__fail(parser, value, "component '%s' needs 'paths'", key->value);
  return true;
}

bool config__components(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_MAPPING)
    return config__fail(parser, node, "'components' must be a mapping of names to globs, not %s",
                        config_node_kind_name(node));
  // One slot per key, so component pointers stay put while reading.
  parser->config->components = xcalloc(node->child_count / 2, sizeof(*parser->config->components));
  for (size_t i = 0; i + 1 < node->child_count; i += 2) {
    if (!config__component(parser, node->children[i], node->children[i + 1]))
      return false;
  }
  return true;
}

bool config__layers(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  if (!config__string_list(parser, node, "layers", "a list of component names", "a component name",
                           NULL, &config->layers, &config->layer_count))
    return false;
  for (size_t i = 0; i < config->layer_count; i++) {
    const config_node *item = node->children[i];
    int component = config__component_index(config, item->value);
    if (component < 0) {
      char hint[128];
      config__component_hint(config, item->value, hint, sizeof(hint));
      return config__fail(parser, item, "layer '%s' names no component%s", item->value, hint);
    }
    if (config->components[component].layer >= 0)
      return config__fail(parser, item, "duplicate layer '%s'", item->value);
    config->components[component].layer = (int)i;
  }
  return true;
}
