// Cycles of the dependency graph: strongly connected components of the
// edges a check cares about, and a shortest cycle through each.
#ifndef STRATA_CYCLES_H
#define STRATA_CYCLES_H

#include "check.h"

#include <stdbool.h>

// Which edges form cycles (import-cycle: module-scope imports; include-cycle:
// includes).
typedef bool cycle_edge_filter(const graph_edge *edge);

// Reports one finding under context->rule for every strongly connected
// component of two or more files of the filtered graph: at the first edge of
// a shortest cycle through it, the cycle shown as `a -> b -> a` with the
// files' module names, related locations for every edge on the cycle, and
// properties.members (the component's sorted module names) and
// properties.cycle. verb is "imports" or "includes", noun "import" or
// "include", for the messages.
void cycles_report(const check_context *context, cycle_edge_filter *filter, const char *verb,
                   const char *noun);

// The strongly connected component of every file of the filtered graph: an
// array of file_count ids (the caller frees it) and their number. Two files
// are in one cycle when they share an id and that id has two or more files.
uint32_t *cycles_component_ids(const graph *dependency_graph, cycle_edge_filter *filter,
                               uint32_t *component_count);

// The edge filters of import-cycle and include-cycle.
bool cycles_import_edge(const graph_edge *edge);
bool cycles_include_edge(const graph_edge *edge);

#endif
