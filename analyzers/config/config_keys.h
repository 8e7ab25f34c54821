// The keys of strata.yaml: one table entry and one handler per key, each
// handler checking its value's shape and filling strata_config. Private to
// analyzers/config.
#ifndef STRATA_CONFIG_KEYS_H
#define STRATA_CONFIG_KEYS_H

#include "config.h"
#include "config_node.h"

#include <stdbool.h>

// Fills config, which already holds the defaults, from the document's root
// node (NULL for an empty document). Returns false with error->position and
// error->message set at the first problem; config then holds what was read
// so far and is still safe to pass to config_delete.
bool config_keys_parse(const config_node *root, strata_config *config, config_error *error);

// Frees what config_rules.c reads into config (rules, select, ignore).
void config_rules_release(strata_config *config);
// Frees config->generated.
void config_generated_release(strata_config *config);
// Frees config->extension_modules (config_bridge.c).
void config_bridge_release(strata_config *config);

// Frees count strings (or globs) and the array that holds them.
void config_free_strings(char **strings, size_t count);
void config_free_globs(glob **globs, size_t count);

#endif
