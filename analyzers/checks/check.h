// A check reads the graph and the config and adds findings. It never parses
// and never prints. Every check is registered once, in checks.def.
#ifndef STRATA_CHECK_H
#define STRATA_CHECK_H

#include "config.h"
#include "finding.h"
#include "graph.h"
#include "notice.h"
#include "waivers.h"

typedef struct check_context {
  const graph *graph;
  const strata_config *config;
  const rule_doc *rule; // the rule this check reports under
  finding_list *findings;
  // The analyzed root (absolute), for the files a check reads beside the
  // graph (deprecations.version_file); NULL when there is none.
  const char *root;
  // Problems with the run the check noticed (a version file it cannot
  // read); NULL when nobody listens.
  notice_list *notices;
  // Suppressions and allowances: a check that reports dependencies asks
  // whether each one is waived before reporting it. NULL: nothing is.
  waivers *waivers;
  // What the contract checks share in the run (ignored edges,
  // reachability); NULL: each contract check computes its own.
  struct contracts *contracts;
} check_context;

typedef void check_function(const check_context *context);

#define STRATA_CHECK(id, function) check_function function;
#include "checks.def"
#undef STRATA_CHECK

typedef struct check_entry {
  const char *rule_id;
  check_function *run;
} check_entry;

// Every check, in checks.def order.
extern const check_entry strata_checks[];
extern const size_t strata_check_count;

// Runs every check over graph into findings, then sorts them. root (may be
// NULL) is the analyzed root; notices (may be NULL) collects what the checks
// notice about the run.
void checks_run_all(const graph *dependency_graph, const strata_config *config, const char *root,
                    notice_list *notices, finding_list *findings);
// The same, with the checks asking waived (may be NULL) about dependencies.
void checks_run_waived(const graph *dependency_graph, const strata_config *config, const char *root,
                       notice_list *notices, waivers *waived, finding_list *findings);

#endif
