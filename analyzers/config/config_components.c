// components and layers: which files form each component, and the order of
// the layers they make (docs/config.md).
#include "config_parse.h"

#include "config_keys.h"
#include "strbuf.h"
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

static bool config__component_exclude(config__parser *parser, const config_node *value,
                                      void *target) {
  config_component *component = target;
  char name[300];
  snprintf(name, sizeof(name), "components.%s.exclude", component->name);
  return config__glob_list(parser, value, name, &component->exclude, &component->exclude_count);
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
      {"exclude", config__component_exclude, CONFIG_PHASE_MAIN},
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

// One name of a layer entry, name[0..length): a component not yet layered.
static bool config__layer_member(config__parser *parser, const config_node *item, const char *name,
                                 size_t length, size_t layer) {
  strata_config *config = parser->config;
  char *member = xstrndup(name, length);
  int component = config__component_index(config, member);
  bool ok = true;
  if (length == 0) {
    ok = config__fail(parser, item, "layer '%s' has an empty name", item->value);
  } else if (component < 0) {
    char hint[128];
    config__component_hint(config, member, hint, sizeof(hint));
    ok = config__fail(parser, item, "layer '%s' names no component%s", member, hint);
  } else if (config->components[component].layer >= 0) {
    ok = config__fail(parser, item, "duplicate layer '%s'", member);
  } else {
    config->components[component].layer = (int)layer;
  }
  free(member);
  return ok;
}

// A layer is a component, or siblings sharing it as import-linter writes
// them: `a : b` may depend on each other, `a | b` must not.
static bool config__layer(config__parser *parser, const config_node *item, size_t layer,
                          strbuf *text) {
  strata_config *config = parser->config;
  const char *value = item->value;
  bool colon = strchr(value, ':') != NULL, bar = strchr(value, '|') != NULL;
  if (colon && bar)
    return config__fail(parser, item,
                        "layer '%s' mixes ':' and '|'; siblings either may depend on each other "
                        "(':') or must not ('|')",
                        value);
  config->layer_independent[layer] = bar;
  strbuf_clear(text);
  for (const char *at = value;;) {
    size_t length = strcspn(at, ":|");
    const char *start = at;
    while (length && (*start == ' ' || *start == '\t'))
      start++, length--;
    while (length && (start[length - 1] == ' ' || start[length - 1] == '\t'))
      length--;
    if (!config__layer_member(parser, item, start, length, layer))
      return false;
    if (text->length)
      strbuf_append_str(text, bar ? " | " : " : ");
    strbuf_append(text, start, length);
    at += strcspn(at, ":|");
    if (!*at)
      break;
    at++;
  }
  free(config->layers[layer]);
  config->layers[layer] = xstrdup(text->data);
  return true;
}

bool config__layers(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  if (!config__string_list(parser, node, "layers", "a list of component names", "a component name",
                           NULL, &config->layers, &config->layer_count))
    return false;
  free(config->layer_independent);
  config->layer_independent = xcalloc(config->layer_count + 1, sizeof(bool));
  strbuf text;
  strbuf_init(&text);
  bool ok = true;
  for (size_t i = 0; i < config->layer_count && ok; i++)
    ok = config__layer(parser, node->children[i], i, &text);
  strbuf_release(&text);
  return ok;
}
