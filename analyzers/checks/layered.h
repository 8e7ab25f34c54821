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

// The name of the member of container that path lies in, or NULL when path
// is not below container: the first path segment below it, a file's name
// without its extension (`torch/nn/init.py` is `init` of `torch/nn`).
// *length is set to the name's length; the name is not terminated.
const char *layered_member_name(const char *container, const char *path, size_t *length);

// Calls report once for each folder or module right below a container of an
// `exhaustive` entry that is in no layer of it nor in its
// exhaustive_ignores, with the first file of the tree found there, in the
// graph's file order.
typedef void (*layered_unlisted_report)(void *context, const config_layered *entry,
                                        const char *container, const char *name,
                                        const graph_file *first_file);
void layered_each_unlisted(const strata_config *config, const graph *dependency_graph,
                           layered_unlisted_report report, void *context);

#endif
