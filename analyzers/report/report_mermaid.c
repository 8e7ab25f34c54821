// The map as a Mermaid flowchart, for a markdown file GitHub renders: one
// subgraph per layer, violation edges thick and red, cycle edges dotted and
// orange, a legend node. Violations inside a node are said in the node. Links are styled by their
// index (linkStyle), so the drawn edges come first and in view order.
#include "report_graph_common.h"
#include "report_graphs.h"
#include "xalloc.h"

#include <stdlib.h>

// Label text inside "...": characters Mermaid or HTML would read as syntax
// become Mermaid's entity codes (#NN;), which it turns back into text.
static void report_mermaid__text(strbuf *out, const char *text) {
  strbuf valid;
  strbuf_init(&valid);
  report_graph_append_utf8(&valid, text);
  for (const char *p = valid.data; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x20)
      strbuf_append_char(out, ' ');
    else if (c == '"' || c == '#' || c == '<' || c == '>' || c == '&' || c == '`')
      strbuf_printf(out, "#%u;", c);
    else
      strbuf_append_char(out, (char)c);
  }
  strbuf_release(&valid);
}

// The violations on the lines inside node: Mermaid draws a loop on a node
// inside a subgraph badly, so they are said in the node instead.
static size_t report_mermaid__inside(const graph_view *view, size_t node) {
  for (size_t e = 0; e < view->edge_count; e++)
    if (view->edges[e].from == node && view->edges[e].to == node)
      return view->edges[e].violations;
  return 0;
}

static void report_mermaid__node(strbuf *out, const graph_view *view, size_t index,
                                 const char *indent) {
  const graph_view_node *node = &view->nodes[index];
  strbuf_printf(out, "%sn%zu[\"", indent, index);
  report_mermaid__text(out, node->name);
  strbuf caption;
  strbuf_init(&caption);
  report_graph_node_caption(&caption, view, node);
  if (caption.length > 0)
    strbuf_printf(out, "<br/>%s", caption.data);
  size_t inside = report_mermaid__inside(view, index);
  if (inside > 0)
    strbuf_printf(out, "<br/>%zu violation%s inside", inside, inside == 1 ? "" : "s");
  strbuf_append_str(out, "\"]\n");
  strbuf_release(&caption);
}

// Sets group_shown[group] for every group drawn as a subgraph.
static void report_mermaid__groups(strbuf *out, const graph_view *view, bool *group_shown) {
  size_t layer_count = view->config ? view->config->layer_count : 0;
  size_t n = 0;
  for (size_t group = 0; group < graph_view_group_count(view); group++) {
    size_t end = n;
    while (end < view->node_count && graph_view_group(view, &view->nodes[end]) == group)
      end++;
    if (end == n)
      continue;
    char *title = layer_count > 0 || view->focused ? report_graph_group_title(view, group) : NULL;
    group_shown[group] = title != NULL;
    if (title) {
      strbuf_printf(out, "  subgraph group_%zu[\"", group + 1);
      report_mermaid__text(out, title);
      strbuf_append_str(out, "\"]\n");
    }
    for (; n < end; n++)
      report_mermaid__node(out, view, n, title ? "    " : "  ");
    if (title)
      strbuf_append_str(out, "  end\n");
    free(title);
  }
}

// Appends "linkStyle i,j,... style" for the links marked in chosen.
static void report_mermaid__link_style(strbuf *out, const size_t *links, size_t count,
                                       const char *style) {
  if (count == 0)
    return;
  strbuf_append_str(out, "  linkStyle ");
  for (size_t i = 0; i < count; i++)
    strbuf_printf(out, "%s%zu", i ? "," : "", links[i]);
  strbuf_printf(out, " %s\n", style);
}

void report_mermaid(strbuf *out, const graph_view *view, size_t *link_count) {
  strbuf_printf(out,
                "%%%% strata graph --format mermaid --level %s: %s\n"
                "flowchart TB\n",
                graph_view_level_name(view->level), report_graph_title(view));
  size_t group_count = graph_view_group_count(view);
  bool *group_shown = xcalloc(group_count, sizeof(bool));
  report_mermaid__groups(out, view, group_shown);

  size_t links = 0;
  size_t *violations = xmalloc((view->edge_count + 1) * sizeof(size_t));
  size_t *violations_in_cycle = xmalloc((view->edge_count + 1) * sizeof(size_t));
  size_t *cycles = xmalloc((view->edge_count + 1) * sizeof(size_t));
  size_t *bridges = xmalloc((view->edge_count + 1) * sizeof(size_t));
  size_t violation_count = 0, violation_cycle_count = 0, cycle_count = 0, bridge_count = 0;
  strbuf label;
  strbuf_init(&label);
  for (size_t e = 0; e < view->edge_count; e++) {
    const graph_view_edge *edge = &view->edges[e];
    if (edge->from == edge->to)
      continue;
    const char *arrow = "-->";
    if (edge->violations > 0) {
      arrow = "==>";
      if (edge->in_cycle)
        violations_in_cycle[violation_cycle_count++] = links;
      else
        violations[violation_count++] = links;
    } else if (edge->in_cycle) {
      arrow = "-.->";
      cycles[cycle_count++] = links;
    } else if (edge->bridge_lines > 0) {
      bridges[bridge_count++] = links;
    }
    strbuf_clear(&label);
    report_graph_edge_label(&label, edge);
    strbuf_printf(out, "  n%u %s|\"%s\"| n%u\n", edge->from, arrow, label.data, edge->to);
    links++;
  }
  report_mermaid__link_style(out, violations, violation_count,
                             "stroke:" REPORT_GRAPH_VIOLATION_COLOR
                             ",stroke-width:3px,color:" REPORT_GRAPH_VIOLATION_COLOR);
  report_mermaid__link_style(
      out, violations_in_cycle, violation_cycle_count,
      "stroke:" REPORT_GRAPH_VIOLATION_COLOR
      ",stroke-width:3px,stroke-dasharray:6 4,color:" REPORT_GRAPH_VIOLATION_COLOR);
  report_mermaid__link_style(out, cycles, cycle_count,
                             "stroke:" REPORT_GRAPH_CYCLE_COLOR
                             ",stroke-width:2px,color:" REPORT_GRAPH_CYCLE_COLOR);
  report_mermaid__link_style(out, bridges, bridge_count,
                             "stroke:" REPORT_GRAPH_BRIDGE_COLOR
                             ",stroke-width:2px,color:" REPORT_GRAPH_BRIDGE_COLOR);

  // Keep the layers in order, top down, with invisible links between them.
  size_t above = SIZE_MAX;
  for (size_t group = 0; group < group_count; group++) {
    if (!group_shown[group])
      continue;
    if (above != SIZE_MAX) {
      strbuf_printf(out, "  group_%zu ~~~ group_%zu\n", above + 1, group + 1);
      links++;
    }
    above = group;
  }

  strbuf_append_str(out, "  legend[\"<b>legend</b>");
  for (size_t i = 0; report_graph_legend[i]; i++) {
    strbuf_append_str(out, "<br/>");
    report_mermaid__text(out, report_graph_legend[i]);
  }
  strbuf_append_str(out, "<br/>red frame: a node with lines inside it that break a rule");
  strbuf_append_str(out, "\"]\n");
  strbuf_printf(out,
                "  classDef default fill:%s,stroke:%s\n"
                "  classDef unassigned fill:#f4f4f4,stroke:%s,stroke-dasharray:5 3\n"
                "  classDef cycle stroke:%s,stroke-width:2px\n"
                "  classDef inside stroke:%s,stroke-width:3px\n"
                "  classDef focus fill:%s,stroke-width:3px\n"
                "  classDef legendbox fill:#ffffff,stroke:#9a9a9a,text-align:left\n"
                "  class legend legendbox\n",
                REPORT_GRAPH_NODE_FILL, REPORT_GRAPH_NODE_BORDER, REPORT_GRAPH_NODE_BORDER,
                REPORT_GRAPH_CYCLE_COLOR, REPORT_GRAPH_VIOLATION_COLOR, REPORT_GRAPH_FOCUS_FILL);
  for (size_t n = 0; n < view->node_count; n++) {
    if (view->nodes[n].unassigned)
      strbuf_printf(out, "  class n%zu unassigned\n", n);
    if (view->nodes[n].in_cycle)
      strbuf_printf(out, "  class n%zu cycle\n", n);
    if (view->nodes[n].focus)
      strbuf_printf(out, "  class n%zu focus\n", n);
    // Last, so that red wins over orange.
    if (report_mermaid__inside(view, n) > 0)
      strbuf_printf(out, "  class n%zu inside\n", n);
  }
  *link_count = links;
  strbuf_release(&label);
  free(violations);
  free(violations_in_cycle);
  free(cycles);
  free(bridges);
  free(group_shown);
}
