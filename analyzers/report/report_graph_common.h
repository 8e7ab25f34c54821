// What the map writers (DOT, Mermaid) share: colours, captions and labels,
// so the two drawings of one graph say the same thing.
#ifndef STRATA_REPORT_GRAPH_COMMON_H
#define STRATA_REPORT_GRAPH_COMMON_H

#include "graph_view.h"
#include "strbuf.h"

#define REPORT_GRAPH_EDGE_COLOR "#555555"
#define REPORT_GRAPH_VIOLATION_COLOR "#d62728"
// Orange, told apart from the red by people with red-green colour blindness.
#define REPORT_GRAPH_CYCLE_COLOR "#e69f00"
// Edges that cross the bridge between Python and C/C++ (docs/bridge.md).
#define REPORT_GRAPH_BRIDGE_COLOR "#1f77b4"
#define REPORT_GRAPH_NODE_FILL "#eef3fb"
#define REPORT_GRAPH_NODE_BORDER "#4a6fa5"
#define REPORT_GRAPH_FOCUS_FILL "#fff2c2"

// Appends text with each byte that is not valid UTF-8 as U+FFFD: Graphviz
// and browsers want UTF-8, file names may hold any bytes.
void report_graph_append_utf8(strbuf *out, const char *text);
// "13 files", "1 file", "no files"; empty at file level, where a node is one
// file.
void report_graph_node_caption(strbuf *out, const graph_view *view, const graph_view_node *node);
// "3", or "3 (1 violation)" for an edge that breaks a rule; "3 (2 across
// the bridge)" when lines cross between Python and C/C++.
void report_graph_edge_label(strbuf *out, const graph_view_edge *edge);
// The title of a rank group: "layer 1: torch", "no layer", or NULL for the
// files in no component (they get no frame); in a focused view "depend on
// X", "X (and what it shares a cycle with)", "X depends on".
char *report_graph_group_title(const graph_view *view, size_t group);
// "component", "module" or "file" map title: "module boundaries: components".
const char *report_graph_title(const graph_view *view);
// The legend's lines, in order, NULL-terminated.
extern const char *const report_graph_legend[];

#endif
