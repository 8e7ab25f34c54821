// The module boundary map and its coupling table, written from a graph_view:
// Graphviz DOT, SVG (laid out in-process by Graphviz's own libraries), a
// Mermaid flowchart that GitHub renders in markdown, and the metrics as a
// markdown table or JSON. They draw what the view marks and decide nothing.
#ifndef STRATA_REPORT_GRAPHS_H
#define STRATA_REPORT_GRAPHS_H

#include "graph_metrics.h"
#include "graph_view.h"
#include "report.h"
#include "strbuf.h"

#include <stdbool.h>
#include <stdio.h>

// DOT for `dot -Tsvg`: one cluster and one rank per layer, highest on top.
// Returns false when writing failed.
bool report_dot(FILE *out, const graph_view *view);
// The same DOT, appended to out.
void report_dot_text(strbuf *out, const graph_view *view);
// The same graph as SVG, laid out with Graphviz's dot, appended to out.
// Returns false and sets *error (the caller frees it) when Graphviz refused.
bool report_svg_text(strbuf *out, const graph_view *view, char **error);

// Mermaid's default limits (mermaid.initialize maxEdges and maxTextSize,
// which a diagram cannot raise itself): past them GitHub shows an error
// instead of the graph.
#define REPORT_MERMAID_MAX_EDGES 500
#define REPORT_MERMAID_MAX_TEXT 50000
// Appends a Mermaid flowchart of view to out: one subgraph per layer,
// styled violation and cycle edges, a legend. Sets *link_count to the
// number of links it holds, to compare with REPORT_MERMAID_MAX_EDGES.
void report_mermaid(strbuf *out, const graph_view *view, size_t *link_count);

// The architecture explorer (strata graph --format html): one self-contained
// HTML page with the graph as data, modules cut to depth (0: 2), and the
// script that draws it. Appends it to out; false and *error (the caller
// frees it) when it cannot be made.
bool report_html_text(strbuf *out, const report_context *context, unsigned depth, char **error);

typedef enum report_metrics_format {
  REPORT_METRICS_MARKDOWN,
  REPORT_METRICS_JSON,
} report_metrics_format;

// The coupling table of view's nodes (metrics: one entry per node). Returns
// false when writing failed.
bool report_metrics(FILE *out, const graph_view *view, const graph_metrics *metrics,
                    report_metrics_format format);

#endif
