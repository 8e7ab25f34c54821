// What the edge checks (layer-violation, forbidden-dependency) share: the
// verb of an edge and a finding's fingerprint and properties.
#ifndef STRATA_EDGE_FINDING_H
#define STRATA_EDGE_FINDING_H

#include "check.h"
#include "strbuf.h"

// "imports" or "includes".
const char *edge_verb(const graph_edge *edge);
// The preprocessor condition the edge's include sits under, or NULL.
const char *edge_condition(const graph_edge *edge);
// Appends " under '#if CONDITION'" to out when the include is conditional.
void edge_condition_append(const graph_edge *edge, strbuf *out);

// Exact mode (docs/cxx.md): appends " (no translation unit of the build
// takes it)" or " (taken by N of M translation units)"; nothing for an
// include whose file no unit opens, or without exact mode.
void edge_taken_append(const check_context *context, const graph_edge *edge, strbuf *out);
// What cxx.untaken_findings says of findings on includes no unit of the
// build takes (CONFIG_UNTAKEN_REPORT without exact mode).
config_untaken edge_untaken_policy(const check_context *context);
// Whether a finding on edge is reported at all (not when no unit takes it
// and the policy drops such findings); sets *demote when it is to be a note.
bool edge_untaken_keep(const check_context *context, const graph_edge *edge, bool *demote);

// The component name of file, or "no component".
const char *edge_component_name(const strata_config *config, const graph_file *file);

// Sets the fingerprint (rule, both files, the statement) and the properties
// every edge finding carries: from/to path, component and, when known, layer.
void edge_finding_describe(finding *item, const check_context *context, const graph_edge *edge);

#endif
