// include-cycle: see rules/include-cycle.md.
#include "cycles.h"

// Every include counts: #pragma once and include guards let the
// preprocessor survive a cycle, but the design problem stays.
bool cycles_include_edge(const graph_edge *edge) {
  return edge->kind == FACT_DEP_INCLUDE;
}

void check_include_cycle(const check_context *context) {
  cycles_report(context, cycles_include_edge, "includes", "include");
}
