// The config's say over which rules report where (`rules` in strata.yaml,
// --select and --ignore): applied to every finding of a run, once the checks
// and the adoption stage have made them.
#ifndef STRATA_RULE_SCOPE_H
#define STRATA_RULE_SCOPE_H

#include "config.h"
#include "finding.h"

// Drops the findings of rules that are off or do not apply where the
// finding is, and gives the rest the level `rules` sets, if it sets one.
// config may be NULL (nothing changes).
void rule_scope_apply(const strata_config *config, finding_list *findings);

#endif
