// import-cycle: see rules/import-cycle.md.
#include "cycles.h"

// Function-level and TYPE_CHECKING imports run late or never: they break no
// import and make no cycle. The bridge's edges take part (docs/bridge.md):
// a module-level import of an extension module binds to the C/C++ file
// defining it, whose imports of Python modules close a cycle across the
// bridge.
bool cycles_import_edge(const graph_edge *edge) {
  return (edge->kind == FACT_DEP_IMPORT || graph_edge_is_bridge(edge)) &&
         edge->scope == FACT_SCOPE_MODULE;
}

void check_import_cycle(const check_context *context) {
  cycles_report(context, cycles_import_edge, "imports", "import");
}
