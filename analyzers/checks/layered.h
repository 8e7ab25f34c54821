// `layered` entries (docs/config.md): one list of layers applied inside
// each of several container folders, as import-linter's layers contract with
// containers. The layer-violation check asks here beside the component
// layers of `layers`.
#ifndef STRATA_LAYERED_H
#define STRATA_LAYERED_H

#include "config.h"
#include "graph.h"
#include "strbuf.h"

#include <stdbool.h>

// Whether edge breaks a `layered` entry: both files are in one container,
// and it goes up to a higher layer there, or to an independent sibling
// (`a | b`). When it does and out is not NULL, appends how: "layer
// 'functional' of 'torch/nn' must not depend on the higher layer
// 'modules'".
bool layered_edge_breaks(const strata_config *config, const graph *dependency_graph,
                         const graph_edge *edge, strbuf *out);

#endif
