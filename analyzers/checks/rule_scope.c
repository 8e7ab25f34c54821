#include "rule_scope.h"

#include "xalloc.h"

#include <stdlib.h>

void rule_scope_apply(const strata_config *config, finding_list *findings) {
  if (!config)
    return;
  bool *keep = xcalloc(findings->count + 1, sizeof(bool));
  for (size_t i = 0; i < findings->count; i++) {
    finding *item = &findings->items[i];
    keep[i] = config_rule_applies(config, item->rule->id, item->location.path);
    config_rule_level(config, item->rule->id, &item->level);
  }
  finding_list_keep(findings, keep);
  free(keep);
}
