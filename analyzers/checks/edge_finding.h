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

// Exact mode (docs/cxx.md): what `rules.<id>.untaken` says of findings on
// includes no translation unit of the build takes (CONFIG_UNTAKEN_REPORT
// without exact mode).
config_untaken edge_untaken_policy(const check_context *context);
// Whether a finding on edge is reported at all (not when no unit takes it
// and the rule drops such findings); sets *demote when it is to be a note.
bool edge_untaken_keep(const check_context *context, const graph_edge *edge, bool *demote);

// The component name of file, or "no component".
const char *edge_component_name(const strata_config *config, const graph_file *file);

// Whether edge breaks the layers: it goes from a layered component up to a
// higher layer, or to an independent sibling in its own layer (`a | b`);
// or it does so inside a container of a `layered` entry.
bool edge_breaks_layers(const strata_config *config, const graph *dependency_graph,
                        const graph_edge *edge);
// The first forbidden entry edge matches, or NULL.
const config_forbidden *edge_forbidden_entry(const strata_config *config,
                                             const graph *dependency_graph, const graph_edge *edge);

// Appends "'FROM' (component[, layer I of N]) includes 'TO' (component[,
// layer J of N][, generated])[ under '#if CONDITION'][ (taken by N of M
// translation units)]": both ends of edge, with their layers when
// with_layers, and in exact mode whether the build takes the include.
void edge_describe(const strata_config *config, const graph *dependency_graph,
                   const graph_edge *edge, bool with_layers, strbuf *out);
// Appends "which strata.yaml forbids" (or the built-in default) and the
// entry's why.
void edge_describe_forbidden(const strata_config *config, const config_forbidden *entry,
                             strbuf *out);
// Appends how edge breaks the layers: "layer 'X' must not depend on the
// higher layer 'Y'", or "'X' and 'Y' share the layer 'X | Y' and must not
// depend on each other".
void edge_describe_layers(const strata_config *config, const graph *dependency_graph,
                          const graph_edge *edge, strbuf *out);

// Appends "'PATH' (component[, layer I of N][, generated])": one end of a
// dependency.
void edge_describe_file(const strata_config *config, const graph_file *file, bool with_layers,
                        strbuf *out);
// One end of a dependency as finding properties: path, module, component,
// layer (and generated). The caller owns the result.
json_t *edge_finding_end(const strata_config *config, const graph_file *file);

// Sets the fingerprint (rule, both files, the statement) and the properties
// every edge finding carries: from/to path, component and, when known, layer,
// and the chain of one dependency (properties.chain).
void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge);

#endif
