// bridge: which files build the extension modules whose C/C++ side only the
// build names (docs/config.md, docs/bridge.md).
#include "config_parse.h"

#include "config_keys.h"
#include "dotted_name.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// extension_modules: {module: glob or [globs]}.
static bool config__bridge_modules(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_MAPPING)
    return config__fail(parser, node,
                        "'bridge.extension_modules' must be a mapping of dotted module names to "
                        "globs of the files that build them, not %s",
                        config_node_kind_name(node));
  config_bridge_release(config);
  size_t count = node->child_count / 2;
  config->extension_modules = xcalloc(count + 1, sizeof(*config->extension_modules));
  for (size_t i = 0; i + 1 < node->child_count; i += 2) {
    const config_node *key = node->children[i], *value = node->children[i + 1];
    if (!dotted_name_valid(key->value, DOTTED_NAME_DOTS))
      return config__fail(parser, key,
                          "'bridge.extension_modules' keys must be dotted module names such as "
                          "'functorch._C', not '%s'",
                          key->value);
    for (size_t k = 0; k < config->extension_module_count; k++)
      if (strcmp(config->extension_modules[k].module, key->value) == 0)
        return config__fail(parser, key, "extension module '%s' is mapped twice", key->value);
    config_extension_module *entry = &config->extension_modules[config->extension_module_count++];
    *entry = (config_extension_module){.module = xstrdup(key->value), .position = key->position};
    if (config__is_string(value)) {
      entry->files = xcalloc(1, sizeof(*entry->files));
      if (!config__glob(parser, value, &entry->files[0]))
        return false;
      entry->file_count = 1;
      continue;
    }
    if (value->kind != CONFIG_NODE_SEQUENCE || value->child_count == 0)
      return config__fail(
          parser, value, "'bridge.extension_modules.%s' must be a glob or a list of globs, not %s",
          key->value,
          value->kind == CONFIG_NODE_SEQUENCE ? "an empty list" : config_node_kind_name(value));
    if (!config__glob_list(parser, value, "bridge.extension_modules", &entry->files,
                           &entry->file_count))
      return false;
  }
  return true;
}

bool config__bridge(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"extension_modules", config__bridge_modules, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "bridge", keys, sizeof(keys) / sizeof(keys[0]));
}

void config_bridge_release(strata_config *config) {
  for (size_t i = 0; i < config->extension_module_count; i++) {
    free(config->extension_modules[i].module);
    config_free_globs(config->extension_modules[i].files, config->extension_modules[i].file_count);
  }
  free(config->extension_modules);
  config->extension_modules = NULL;
  config->extension_module_count = 0;
}
