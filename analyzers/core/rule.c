#include "rule.h"

#include <string.h>

const char *rule_level_name(rule_level level) {
  switch (level) {
  case RULE_LEVEL_NOTE:
    return "note";
  case RULE_LEVEL_WARNING:
    return "warning";
  case RULE_LEVEL_ERROR:
    return "error";
  }
  return "none";
}

const rule_doc *rule_find(const char *id) {
  for (size_t i = 0; i < strata_rule_count; i++)
    if (strcmp(strata_rules[i].id, id) == 0)
      return &strata_rules[i];
  return NULL;
}

size_t rule_index(const rule_doc *rule) {
  return (size_t)(rule - strata_rules);
}
