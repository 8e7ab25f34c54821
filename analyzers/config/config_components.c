// components and layers: which files form each component, and the order of
// the layers they make (docs/config.md).
#include "config_parse.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  char name[300];
  snprintf(name, sizeof(name), "components.%s", key->value);
  if (!config__is_string(value) && value->kind != CONFIG_NODE_SEQUENCE)
    return config__fail(parser, value, "component '%s' must be a glob or a list of globs, not %s",
                        key->value, config_node_kind_name(value));
  size_t count = value->kind == CONFIG_NODE_SEQUENCE ? value->child_count : 1;
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
