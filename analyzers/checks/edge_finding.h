// What the edge checks (layer-violation, forbidden-dependency) share: the
// verb of an edge and a finding's fingerprint and properties.
#ifndef STRATA_EDGE_FINDING_H
#define STRATA_EDGE_FINDING_H

#include "check.h"

// "imports" or "includes".
const char *edge_verb(const graph_edge *edge);
// The component name of file, or "no component".
const char *edge_component_name(const strata_config *config, const graph_file *file);

// Sets the fingerprint (rule, both files, the statement) and the properties
// every edge finding carries: from/to path, component and, when known, layer.
void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge);

#endif
