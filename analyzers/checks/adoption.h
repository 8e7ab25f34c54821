// Adoption on a codebase with existing findings: the stage after the checks
// that applies inline suppressions, reports on suppressions and allowances,
// and compares the findings with the baseline (docs/suppressions.md).
#ifndef STRATA_ADOPTION_H
#define STRATA_ADOPTION_H

#include "baseline.h"
#include "config.h"
#include "finding.h"
#include "graph.h"
#include "waivers.h"

#include <stdbool.h>

typedef struct adoption_input {
  const graph *graph;
  const strata_config *config;
  const char *root;   // absolute, no trailing '/'
  waivers *waivers;   // what the checks consulted; NULL: nothing is waived
  baseline *baseline; // NULL: none; its entries are marked as they match
  // Report entries that matched nothing as stale-baseline-entry findings.
  bool report_stale;
} adoption_input;

// Drops the findings a suppression covers (one naming the finding's rule on
// its line), adds the findings about the waivers, marks every finding the
// baseline holds as baselined and, with report_stale, adds a finding for
// each baseline entry that matched none. Sorts findings.
void adoption_apply(const adoption_input *input, finding_list *findings);

// Whether findings of rule go into a baseline: all but those about strata's
// own configuration (allowances) and about the baseline itself, which are
// fixed there, not recorded.
bool adoption_baselinable(const rule_doc *rule);

// path (absolute, or relative to the current folder) as findings show it:
// relative to root when it lies inside root, else absolute. The caller
// frees it.
char *adoption_path_from_root(const char *root, const char *path);

#endif
