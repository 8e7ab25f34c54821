#include "check.h"

#include "contracts.h"

#include <stdio.h>
#include <stdlib.h>

const check_entry strata_checks[] = {
#define STRATA_CHECK(id, function) {id, function},
#include "checks.def"
#undef STRATA_CHECK
};
const size_t strata_check_count = sizeof(strata_checks) / sizeof(strata_checks[0]);

void checks_run_all(const graph *dependency_graph, const strata_config *config, const char *root,
                    notice_list *notices, finding_list *findings) {
  checks_run_waived(dependency_graph, config, root, notices, NULL, findings);
}

void checks_run_waived(const graph *dependency_graph, const strata_config *config, const char *root,
                       notice_list *notices, waivers *waived, finding_list *findings) {
  // Ignored edges and reachability: computed once for every contract check.
  contracts *shared = contracts_new(dependency_graph, config);
  for (size_t i = 0; i < strata_check_count; i++) {
    const rule_doc *rule = rule_find(strata_checks[i].rule_id);
    if (!rule) {
      // A check without its rules/<id>.md is a build mistake, caught by the tests.
      fprintf(stderr, "strata: internal error: no rule document for '%s'\n",
              strata_checks[i].rule_id);
      abort();
    }
    check_context context = {dependency_graph, config, rule,  findings, root,
                             notices,          waived, shared};
    strata_checks[i].run(&context);
  }
  contracts_delete(shared);
  finding_list_sort(findings);
}
