// What the edge checks (layer-violation, forbidden-dependency) share: how an
// edge is described, whether it breaks the layers or a forbidden entry, and
// a finding's fingerprint and properties.
#ifndef STRATA_EDGE_FINDING_H
#define STRATA_EDGE_FINDING_H

#include "check.h"
#include "strbuf.h"

// "imports" or "includes".
const char *edge_verb(const graph_edge *edge);
// The preprocessor condition the edge's include sits under, or NULL.
const char *edge_condition(const graph_edge *edge);

// The component name of file, or "no component".
const char *edge_component_name(const strata_config *config, const graph_file *file);

// Whether edge goes from a layered component up to a higher layer; sets the
// layers (indices into config->layers) when it does.
bool edge_breaks_layers(const strata_config *config, const graph *dependency_graph,
                        const graph_edge *edge, int *from_layer, int *to_layer);
// The first forbidden entry edge matches, or NULL.
const config_forbidden *edge_forbidden_entry(const strata_config *config,
                                             const graph *dependency_graph, const graph_edge *edge);

// Appends "'FROM' (component[, layer I of N]) includes 'TO' (component[,
// layer J of N][, generated])[ under '#if CONDITION']": both ends of edge,
// with their layers when with_layers.
void edge_describe(const strata_config *config, const graph *dependency_graph,
                   const graph_edge *edge, bool with_layers, strbuf *out);
// Appends "which strata.yaml forbids" (or the built-in default) and the
// entry's why.
void edge_describe_forbidden(const strata_config *config, const config_forbidden *entry,
                             strbuf *out);
// Appends "layer 'X' must not depend on the higher layer 'Y'".
void edge_describe_layers(const strata_config *config, int from_layer, int to_layer, strbuf *out);

// Sets the fingerprint (rule, both files, the statement) and the properties
// every edge finding carries: from/to path, component and, when known, layer.
void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge);

#endif
