// The map as Graphviz DOT. Layers are clusters with one rank each, chained
// top down by invisible edges; edges that point up a layer do not take part
// in ranking, so a violation cannot turn the picture upside down.
#include "report_graph_common.h"
#include "report_graphs.h"
#include "report_util.h"
#include "xalloc.h"

#include <stdlib.h>

// A DOT quoted string: '"' and '\' escaped, control bytes as spaces.
static void report_dot__quote(strbuf *out, const char *text) {
  strbuf valid;
  strbuf_init(&valid);
  report_graph_append_utf8(&valid, text);
  strbuf_append_char(out, '"');
  for (const char *p = valid.data; *p; p++) {
    if (*p == '"' || *p == '\\')
      strbuf_append_char(out, '\\');
    strbuf_append_char(out, (unsigned char)*p < 0x20 ? ' ' : *p);
  }
  strbuf_append_char(out, '"');
  strbuf_release(&valid);
}

static void report_dot__node(strbuf *out, const graph_view *view, const graph_view_node *node,
                             const char *indent) {
  strbuf label;
  strbuf_init(&label);
  strbuf_append_str(&label, node->name);
  strbuf caption;
  strbuf_init(&caption);
  report_graph_node_caption(&caption, view, node);
  strbuf_append_str(out, indent);
  report_dot__quote(out, node->name);
  strbuf_append_str(out, " [label=");
  report_dot__quote(out, label.data);
  // "\n" is DOT's centred line break; it must not be escaped, so it is
  // added after quoting.
  if (caption.length > 0) {
    out->length--;
    out->data[out->length] = '\0';
    strbuf_printf(out, "\\n%s\"", caption.data);
  }
  if (node->unassigned)
    strbuf_append_str(out, ", style=\"rounded,dashed,filled\", fillcolor=\"#f4f4f4\"");
  if (node->in_cycle)
    strbuf_append_str(out, ", color=\"" REPORT_GRAPH_CYCLE_COLOR "\"");
  if (node->focus)
    strbuf_append_str(out, ", fillcolor=\"" REPORT_GRAPH_FOCUS_FILL "\"");
  if (node->focus || node->in_cycle)
    strbuf_printf(out, ", penwidth=%s", node->focus ? "2.5" : "2");
  strbuf_append_str(out, "];\n");
  strbuf_release(&label);
  strbuf_release(&caption);
}

static bool report_dot__upward(const graph_view *view, const graph_view_edge *edge) {
  if (view->focused) // bands: only what the focus depends on lies below it
    return view->nodes[edge->from].band > view->nodes[edge->to].band;
  int from_layer = view->nodes[edge->from].layer;
  int to_layer = view->nodes[edge->to].layer;
  return from_layer >= 0 && to_layer >= 0 && from_layer > to_layer;
}

// Groups of up to this many nodes are never wrapped.
#define REPORT_DOT_MIN_ROW 8

// Past this many edges dot's layout takes minutes: a large map gets cheaper
// layout settings and external labels (xlabel), which cost no layout.
#define REPORT_DOT_LARGE 200

static void report_dot__edge(strbuf *out, const graph_view *view, const graph_view_edge *edge,
                             bool large) {
  strbuf label;
  strbuf_init(&label);
  report_graph_edge_label(&label, edge);
  strbuf_append_str(out, "  ");
  report_dot__quote(out, view->nodes[edge->from].name);
  strbuf_append_str(out, " -> ");
  report_dot__quote(out, view->nodes[edge->to].name);
  strbuf_printf(out, " [%s=\"%s\"", large ? "xlabel" : "label", label.data);
  if (edge->violations > 0)
    strbuf_printf(out, ", color=\"%s\", fontcolor=\"%s\", penwidth=2.5, style=\"%s\"",
                  REPORT_GRAPH_VIOLATION_COLOR, REPORT_GRAPH_VIOLATION_COLOR,
                  edge->in_cycle ? "bold,dashed" : "bold");
  else if (edge->in_cycle)
    strbuf_printf(out, ", color=\"%s\", fontcolor=\"%s\", penwidth=1.5, style=\"dashed\"",
                  REPORT_GRAPH_CYCLE_COLOR, REPORT_GRAPH_CYCLE_COLOR);
  else if (edge->bridge_lines > 0)
    strbuf_printf(out, ", color=\"%s\", fontcolor=\"%s\"", REPORT_GRAPH_BRIDGE_COLOR,
                  REPORT_GRAPH_BRIDGE_COLOR);
  // Across the bridge the arrow is hollow, whatever the colour says.
  if (edge->bridge_lines > 0)
    strbuf_append_str(out, ", arrowhead=\"onormal\"");
  if (report_dot__upward(view, edge))
    strbuf_append_str(out, ", constraint=false");
  strbuf_append_str(out, "];\n");
  strbuf_release(&label);
}

static void report_dot__legend(strbuf *out) {
  static const char *const colors[] = {"#333333", REPORT_GRAPH_VIOLATION_COLOR,
                                       REPORT_GRAPH_CYCLE_COLOR, REPORT_GRAPH_CYCLE_COLOR};
  strbuf_append_str(out,
                    "  \"(legend)\" [shape=plaintext, style=\"\", fontsize=10, label=<<table "
                    "border=\"1\" color=\"#9a9a9a\" cellborder=\"0\" cellspacing=\"0\" "
                    "cellpadding=\"3\">\n    <tr><td align=\"left\"><b>legend</b></td></tr>\n");
  for (size_t i = 0; report_graph_legend[i]; i++)
    strbuf_printf(out, "    <tr><td align=\"left\"><font color=\"%s\">%s</font></td></tr>\n",
                  colors[i], report_graph_legend[i]);
  // Mermaid says this in the node instead (report_mermaid.c).
  strbuf_printf(out, "    <tr><td align=\"left\"><font color=\"%s\">%s</font></td></tr>\n",
                REPORT_GRAPH_VIOLATION_COLOR,
                "red loop on a node: lines inside it that break a rule (how many in brackets)");
  strbuf_append_str(out, "  </table>>];\n");
}

// How many nodes a row holds when a group of count nodes is wrapped into
// rows (see report_dot__wrap): about the square root of count, and at least
// REPORT_DOT_MIN_ROW. A square of nodes makes a page wider than high, nodes
// being wider than tall.
static size_t report_dot__row_width(size_t count) {
  size_t width = REPORT_DOT_MIN_ROW;
  while (width * width < count)
    width++;
  return width;
}

// Module and file nodes of a group rank by their own dependencies, and
// those that have none among them would sit in one endless row: invisible
// edges from each node to the one a row further chain them into rows.
static void report_dot__wrap(strbuf *out, const graph_view *view, size_t first, size_t end,
                             const char *indent) {
  size_t width = report_dot__row_width(end - first);
  if ((view->level == GRAPH_VIEW_COMPONENT && !view->focused) || end - first <= width)
    return;
  for (size_t n = first; n + width < end; n++) {
    strbuf_append_str(out, indent);
    report_dot__quote(out, view->nodes[n].name);
    strbuf_append_str(out, " -> ");
    report_dot__quote(out, view->nodes[n + width].name);
    strbuf_append_str(out, " [style=invis];\n");
  }
}

// Draws the nodes of each group: layers as clusters, the components in no
// layer as a cluster, the files in no component bare.
// Sets first_of[group] to the first node of each group (or UINT32_MAX).
static void report_dot__groups(strbuf *out, const graph_view *view, uint32_t *first_of) {
  size_t group_count = graph_view_group_count(view);
  size_t layer_count = view->config ? view->config->layer_count : 0;
  size_t n = 0;
  for (size_t group = 0; group < group_count; group++) {
    first_of[group] = UINT32_MAX;
    size_t end = n;
    while (end < view->node_count && graph_view_group(view, &view->nodes[end]) == group)
      end++;
    if (end == n)
      continue;
    first_of[group] = (uint32_t)n;
    char *title = layer_count > 0 || view->focused ? report_graph_group_title(view, group) : NULL;
    // A component layer is one rank. Modules and files of a layer rank by
    // their own dependencies inside its frame: one row of a hundred modules
    // would be unreadable.
    bool same_rank = group < layer_count && view->level == GRAPH_VIEW_COMPONENT && !view->focused;
    const char *indent = "  ";
    if (title) {
      strbuf_printf(out, "  subgraph \"cluster_group_%zu\" {\n    label=", group + 1);
      report_dot__quote(out, title);
      strbuf_append_str(out, ";\n    style=\"rounded,dashed\";\n    color=\"#9a9a9a\";\n"
                             "    fontcolor=\"#555555\";\n");
      indent = "    ";
      if (same_rank) {
        strbuf_append_str(out, "    {\n      rank=same;\n");
        indent = "      ";
      }
    }
    size_t first = n;
    for (; n < end; n++)
      report_dot__node(out, view, &view->nodes[n], indent);
    report_dot__wrap(out, view, first, end, indent);
    if (title && same_rank)
      strbuf_append_str(out, "    }\n");
    if (title)
      strbuf_append_str(out, "  }\n");
    free(title);
  }
}

void report_dot_text(strbuf *out, const graph_view *view) {
  size_t drawn = 0;
  for (size_t e = 0; e < view->edge_count; e++)
    drawn += graph_view_edge_drawn(&view->edges[e]);
  bool large = drawn > REPORT_DOT_LARGE;
  strbuf_printf(out,
                "// strata graph --format dot --level %s: draw it with `dot -Tsvg`.\n"
                "digraph strata {\n"
                "  graph [label=\"%s\", labelloc=t, fontname=\"Helvetica\", fontsize=16, "
                "newrank=true, rankdir=TB, nodesep=0.4, ranksep=0.6%s];\n"
                "  node [shape=box, style=\"rounded,filled\", fillcolor=\"%s\", color=\"%s\", "
                "fontname=\"Helvetica\", fontsize=12];\n"
                "  edge [color=\"%s\", fontcolor=\"#333333\", fontname=\"Helvetica\", "
                "fontsize=10, arrowsize=0.7];\n",
                graph_view_level_name(view->level), report_graph_title(view),
                large ? ", nslimit=2, nslimit1=2, mclimit=0.2" : "", REPORT_GRAPH_NODE_FILL,
                REPORT_GRAPH_NODE_BORDER, REPORT_GRAPH_EDGE_COLOR);
  size_t group_count = graph_view_group_count(view);
  uint32_t *first_of = xmalloc(group_count * sizeof(uint32_t));
  report_dot__groups(out, view, first_of);
  for (size_t e = 0; e < view->edge_count; e++)
    if (graph_view_edge_drawn(&view->edges[e]))
      report_dot__edge(out, view, &view->edges[e], large);
  report_dot__legend(out);
  // Layer order: each layer one rank below the one above it; the legend
  // under the lowest group.
  size_t layer_count = view->config ? view->config->layer_count : 0;
  uint32_t above = UINT32_MAX;
  for (size_t group = 0; group < group_count; group++) {
    if (first_of[group] == UINT32_MAX)
      continue;
    if (above != UINT32_MAX && (group < layer_count || view->focused)) {
      strbuf_append_str(out, "  ");
      report_dot__quote(out, view->nodes[above].name);
      strbuf_append_str(out, " -> ");
      report_dot__quote(out, view->nodes[first_of[group]].name);
      strbuf_append_str(out, " [style=invis];\n");
    }
    above = first_of[group];
  }
  if (above != UINT32_MAX) {
    strbuf_append_str(out, "  ");
    report_dot__quote(out, view->nodes[above].name);
    strbuf_append_str(out, " -> \"(legend)\" [style=invis];\n");
  }
  strbuf_append_str(out, "}\n");
  free(first_of);
}

bool report_dot(FILE *out, const graph_view *view) {
  strbuf text;
  strbuf_init(&text);
  report_dot_text(&text, view);
  bool ok = fwrite(text.data, 1, text.length, out) == text.length;
  strbuf_release(&text);
  return ok && report_flush(out);
}
