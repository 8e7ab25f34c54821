#include "rule.h"

#include "config_suggest.h"

#include <ctype.h>
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

// word in lowercase with '_' and ' ' as '-', cut to size - 1 bytes.
static void rule__normalize(const char *word, char *out, size_t size) {
  size_t i = 0;
  for (; word[i] && i + 1 < size; i++) {
    char c = (char)tolower((unsigned char)word[i]);
    out[i] = c == '_' || c == ' ' ? '-' : c;
  }
  out[i] = '\0';
}

const rule_doc *rule_suggest(const char *word) {
  char normal[128];
  rule__normalize(word, normal, sizeof(normal));
  for (size_t i = 0; i < strata_rule_count; i++)
    if (strcmp(strata_rules[i].name, word) == 0 || strcmp(strata_rules[i].id, normal) == 0)
      return &strata_rules[i];
  config_suggest suggest;
  config_suggest_init(&suggest, normal);
  for (size_t i = 0; i < strata_rule_count; i++)
    config_suggest_offer(&suggest, strata_rules[i].id);
  return suggest.best ? rule_find(suggest.best) : NULL;
}
