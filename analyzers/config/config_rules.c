// rules: the level of each rule and the files it speaks about
// (docs/config.md), and --select/--ignore from the command line.
#include "config_parse.h"

#include "config_keys.h"
#include "config_suggest.h"
#include "rule.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// "; did you mean 'layer-violation'?" when a rule id is close to id, else "".
static void config__rule_hint(const char *id, char *hint, size_t size) {
  config_suggest suggest;
  config_suggest_init(&suggest, id);
  for (size_t i = 0; i < strata_rule_count; i++)
    config_suggest_offer(&suggest, strata_rules[i].id);
  hint[0] = '\0';
  if (suggest.best)
    snprintf(hint, size, "; did you mean '%s'?", suggest.best);
}

// error, warning, note or off.
static bool config__rule_level_value(config__parser *parser, const config_node *node,
                                     config_rule *rule) {
  static const char what[] = "error, warning, note or off";
  if (!config__is_string(node))
    return config__fail(parser, node, "the level of rule '%s' must be %s, not %s", rule->id, what,
                        config_node_kind_name(node));
  static const struct {
    const char *name;
    int level;
  } levels[] = {{"error", RULE_LEVEL_ERROR},
                {"warning", RULE_LEVEL_WARNING},
                {"note", RULE_LEVEL_NOTE},
                {"off", CONFIG_RULE_OFF}};
  for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
    if (strcmp(node->value, levels[i].name) == 0) {
      rule->level = levels[i].level;
      return true;
    }
  }
  return config__fail(parser, node, "the level of rule '%s' must be %s, not '%s'", rule->id, what,
                      node->value);
}

static bool config__rule_level(config__parser *parser, const config_node *node, void *target) {
  return config__rule_level_value(parser, node, target);
}

static bool config__rule_paths(config__parser *parser, const config_node *node, void *target) {
  config_rule *rule = target;
  char name[160];
  snprintf(name, sizeof(name), "rules.%s.paths", rule->id);
  return config__glob_list(parser, node, name, &rule->paths, &rule->path_count);
}

static bool config__rule_exclude(config__parser *parser, const config_node *node, void *target) {
  config_rule *rule = target;
  char name[160];
  snprintf(name, sizeof(name), "rules.%s.exclude", rule->id);
  return config__glob_list(parser, node, name, &rule->exclude, &rule->exclude_count);
}

static bool config__rule(config__parser *parser, const config_node *key, const config_node *value) {
  strata_config *config = parser->config;
  if (!config__is_string(key))
    return config__fail(parser, key, "rule names must be strings, not %s",
                        config_node_kind_name(key));
  if (!rule_find(key->value)) {
    char hint[128];
    config__rule_hint(key->value, hint, sizeof(hint));
    return config__fail(parser, key, "unknown rule '%s'%s", key->value, hint);
  }
  for (size_t i = 0; i < config->rule_count; i++)
    if (strcmp(config->rules[i].id, key->value) == 0)
      return config__fail(parser, key, "duplicate key '%s' (first given at line %u)", key->value,
                          config->rules[i].position.line);
  config_rule *rule = &config->rules[config->rule_count++];
  *rule = (config_rule){
      .id = xstrdup(key->value), .level = CONFIG_RULE_DEFAULT, .position = key->position};
  if (value->kind != CONFIG_NODE_MAPPING)
    return config__rule_level_value(parser, value, rule);
  static const config__key keys[] = {
      {"level", config__rule_level, CONFIG_PHASE_MAIN},
      {"paths", config__rule_paths, CONFIG_PHASE_MAIN},
      {"exclude", config__rule_exclude, CONFIG_PHASE_MAIN},
  };
  char where[160];
  snprintf(where, sizeof(where), "rule '%s'", key->value);
  return config__run_table(parser, value, keys, sizeof(keys) / sizeof(keys[0]), where, rule);
}

bool config__rules(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_MAPPING)
    return config__fail(parser, node, "'rules' must be a mapping of rule names to settings, not %s",
                        config_node_kind_name(node));
  // One slot per key, so rule pointers stay put while reading.
  parser->config->rules = xcalloc(node->child_count / 2 + 1, sizeof(*parser->config->rules));
  for (size_t i = 0; i + 1 < node->child_count; i += 2) {
    if (!config__rule(parser, node->children[i], node->children[i + 1]))
      return false;
  }
  return true;
}

void config_rules_release(strata_config *config) {
  for (size_t i = 0; i < config->rule_count; i++) {
    free(config->rules[i].id);
    config_free_globs(config->rules[i].paths, config->rules[i].path_count);
    config_free_globs(config->rules[i].exclude, config->rules[i].exclude_count);
  }
  free(config->rules);
  config_free_strings(config->select, config->select_count);
  config_free_strings(config->ignore, config->ignore_count);
}

// The entry of rules for id, or NULL.
static const config_rule *config__rule_entry(const strata_config *self, const char *id) {
  for (size_t i = 0; i < self->rule_count; i++)
    if (strcmp(self->rules[i].id, id) == 0)
      return &self->rules[i];
  return NULL;
}

static bool config__listed(char *const *ids, size_t count, const char *id) {
  for (size_t i = 0; i < count; i++)
    if (strcmp(ids[i], id) == 0)
      return true;
  return false;
}

bool config_rule_enabled(const strata_config *self, const char *id) {
  if (!self)
    return true;
  if (config__listed(self->ignore, self->ignore_count, id))
    return false;
  if (self->select_count)
    return config__listed(self->select, self->select_count, id);
  const config_rule *entry = config__rule_entry(self, id);
  return !entry || entry->level != CONFIG_RULE_OFF;
}

bool config_rule_applies(const strata_config *self, const char *id, const char *path) {
  if (!config_rule_enabled(self, id))
    return false;
  const config_rule *entry = self ? config__rule_entry(self, id) : NULL;
  if (!entry || !path)
    return true;
  bool inside = entry->path_count == 0;
  for (size_t i = 0; i < entry->path_count && !inside; i++)
    inside = glob_match(entry->paths[i], path);
  for (size_t i = 0; i < entry->exclude_count && inside; i++)
    inside = !glob_match(entry->exclude[i], path);
  return inside;
}

bool config_rule_level(const strata_config *self, const char *id, rule_level *level) {
  const config_rule *entry = self ? config__rule_entry(self, id) : NULL;
  if (!entry || entry->level < 0)
    return false;
  *level = (rule_level)entry->level;
  return true;
}

// Checks and copies one list of rule ids given on the command line.
static bool config__rule_ids(const char *const *ids, size_t count, const char *option, char ***out,
                             size_t *out_count, char **error) {
  for (size_t i = 0; i < count; i++) {
    if (!rule_find(ids[i])) {
      char hint[128];
      config__rule_hint(ids[i], hint, sizeof(hint));
      *error = xasprintf("%s: unknown rule '%s'%s", option, ids[i], hint);
      return false;
    }
  }
  for (size_t i = 0; i < count; i++) {
    if (config__listed(*out, *out_count, ids[i]))
      continue;
    *out = xrealloc(*out, (*out_count + 1) * sizeof(**out));
    (*out)[(*out_count)++] = xstrdup(ids[i]);
  }
  return true;
}

bool config_select_rules(strata_config *self, const char *const *select, size_t select_count,
                         const char *const *ignore, size_t ignore_count, char **error) {
  return config__rule_ids(select, select_count, "--select", &self->select, &self->select_count,
                          error) &&
         config__rule_ids(ignore, ignore_count, "--ignore", &self->ignore, &self->ignore_count,
                          error);
}
