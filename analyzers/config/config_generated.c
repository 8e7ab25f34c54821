// generated: the files a build makes, which the source tree does not hold,
// and where the graph places them (docs/config.md, docs/generated.md).
#include "config_parse.h"

#include "config_keys.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool config__generated_headers(config__parser *parser, const config_node *node,
                                      void *target) {
  config_generated *entry = target;
  return config__glob_list(parser, node, "generated.headers", &entry->headers,
                           &entry->header_count);
}

// Module patterns are dotted ("torch.testing._internal.generated.*") and
// matched as paths, a dot standing for a slash, so that `*` stops at a dot
// and `**` crosses them.
static bool config__generated_modules(config__parser *parser, const config_node *node,
                                      void *target) {
  config_generated *entry = target;
  static const char what[] = "a list of dotted module patterns";
  if (!config__expect_list(parser, node, "generated.modules", what, false))
    return false;
  if (node->kind != CONFIG_NODE_SEQUENCE)
    return true;
  entry->modules = xcalloc(node->child_count + 1, sizeof(*entry->modules));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (!config__expect_item(parser, item, "generated.modules", "a dotted module pattern"))
      return false;
    char *as_path = xstrdup(item->value);
    for (char *c = as_path; *c; c++)
      if (*c == '.')
        *c = '/';
    const char *message = NULL;
    size_t offset = 0;
    entry->modules[entry->module_count] = glob_new(as_path, &message, &offset);
    free(as_path);
    if (!entry->modules[entry->module_count])
      return config__fail(parser, item, "invalid module pattern '%s': %s", item->value, message);
    entry->module_count++;
  }
  return true;
}

static bool config__generated_dir(config__parser *parser, const config_node *node, void *target) {
  config_generated *entry = target;
  if (!config__is_string(node))
    return config__fail(parser, node, "'generated.dir' must be a folder path, not %s",
                        config_node_kind_name(node));
  const char *text = node->value;
  if (text[0] == '/' || strcmp(text, "..") == 0 || strncmp(text, "../", 3) == 0 ||
      strstr(text, "/../") || (strlen(text) >= 3 && strcmp(text + strlen(text) - 3, "/..") == 0))
    return config__fail(parser, node, "'generated.dir' must be a folder of the tree, not '%s'",
                        text);
  size_t length = strlen(text);
  while (length > 0 && text[length - 1] == '/')
    length--;
  free(entry->dir);
  entry->dir = strcmp(text, ".") == 0 ? xstrdup("") : xstrndup(text, length);
  return true;
}

static bool config__generated_component(config__parser *parser, const config_node *node,
                                        void *target) {
  config_generated *entry = target;
  if (!config__is_string(node))
    return config__fail(parser, node, "'generated.component' must be a component name, not %s",
                        config_node_kind_name(node));
  entry->component = config__component_index(parser->config, node->value);
  if (entry->component < 0) {
    char hint[128];
    config__component_hint(parser->config, node->value, hint, sizeof(hint));
    return config__fail(parser, node, "unknown component '%s'%s", node->value, hint);
  }
  return true;
}

static bool config__generated_by(config__parser *parser, const config_node *node, void *target) {
  config_generated *entry = target;
  if (!config__is_string(node) || node->value[0] == '\0')
    return config__fail(parser, node, "'generated.by' must be a text, not %s",
                        config_node_kind_name(node));
  free(entry->by);
  entry->by = xstrdup(node->value);
  return true;
}

bool config__generated(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"headers", config__generated_headers, CONFIG_PHASE_MAIN},
      {"modules", config__generated_modules, CONFIG_PHASE_MAIN},
      {"dir", config__generated_dir, CONFIG_PHASE_MAIN},
      {"component", config__generated_component, CONFIG_PHASE_MAIN},
      {"by", config__generated_by, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  if (!config__expect_list(parser, node, "generated",
                           "a list of {headers, modules, dir, component, by} entries", false))
    return false;
  if (node->kind != CONFIG_NODE_SEQUENCE)
    return true;
  config->generated = xcalloc(node->child_count + 1, sizeof(*config->generated));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (item->kind != CONFIG_NODE_MAPPING)
      return config__fail(parser, item,
                          "each item of 'generated' must be a mapping with 'headers' or "
                          "'modules', not %s",
                          config_node_kind_name(item));
    config_generated *entry = &config->generated[config->generated_count++];
    *entry = (config_generated){.component = -1, .position = item->position};
    if (!config__run_table(parser, item, keys, sizeof(keys) / sizeof(keys[0]),
                           "a 'generated' entry", entry))
      return false;
    if (entry->header_count == 0 && entry->module_count == 0)
      return config__fail(parser, item, "a 'generated' entry needs 'headers' or 'modules'");
    if (!entry->dir)
      entry->dir = xstrdup("");
  }
  return true;
}

void config_generated_release(strata_config *config) {
  for (size_t i = 0; i < config->generated_count; i++) {
    config_generated *entry = &config->generated[i];
    config_free_globs(entry->headers, entry->header_count);
    config_free_globs(entry->modules, entry->module_count);
    free(entry->dir);
    free(entry->by);
  }
  free(config->generated);
}

// The entry whose globs match name (a spelled header name, or a dotted
// module written as a path), or NULL.
static const config_generated *config__generated_match(const strata_config *self, const char *name,
                                                       bool module) {
  for (size_t i = 0; self && i < self->generated_count; i++) {
    const config_generated *entry = &self->generated[i];
    glob *const *globs = module ? entry->modules : entry->headers;
    size_t count = module ? entry->module_count : entry->header_count;
    for (size_t k = 0; k < count; k++)
      if (glob_match(globs[k], name))
        return entry;
  }
  return NULL;
}

const config_generated *config_generated_header(const strata_config *self, const char *name) {
  return config__generated_match(self, name, false);
}

const config_generated *config_generated_module(const strata_config *self, const char *dotted,
                                                size_t length) {
  if (!self || self->generated_count == 0)
    return NULL;
  char *as_path = xstrndup(dotted, length);
  for (char *c = as_path; *c; c++)
    if (*c == '.')
      *c = '/';
  const config_generated *entry = config__generated_match(self, as_path, true);
  free(as_path);
  return entry;
}
