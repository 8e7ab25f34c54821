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
    // A finding its check made a note below its rule's level (a dynamic
    // deprecation message; in exact mode, an include the build never takes)
    // stays a note: the check knows it is not a certain violation.
    rule_level level;
    if (config_rule_level(config, item->rule->id, &level) &&
        !(item->level == RULE_LEVEL_NOTE && item->rule->level > RULE_LEVEL_NOTE))
      item->level = level;
  }
  finding_list_keep(findings, keep);
  free(keep);
}
