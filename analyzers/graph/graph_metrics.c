#include "graph_metrics.h"

#include "xalloc.h"

graph_metrics *graph_metrics_new(const graph_view *view, const size_t *file_lines) {
  graph_metrics *metrics = xcalloc(view->node_count + 1, sizeof(graph_metrics));
  for (size_t n = 0; n < view->node_count; n++) {
    metrics[n].files = view->nodes[n].file_count;
    metrics[n].in_cycle = view->nodes[n].in_cycle;
  }
  for (size_t i = 0; file_lines && i < view->file_count; i++)
    if (view->file_node[i] != GRAPH_VIEW_NONE)
      metrics[view->file_node[i]].lines_of_code += file_lines[i];
  for (size_t e = 0; e < view->edge_count; e++) {
    const graph_view_edge *edge = &view->edges[e];
    metrics[edge->from].violations_out += edge->violations;
    metrics[edge->to].violations_in += edge->violations;
    if (edge->from == edge->to)
      continue;
    metrics[edge->from].outgoing_nodes++;
    metrics[edge->from].outgoing_lines += edge->lines;
    metrics[edge->to].incoming_nodes++;
    metrics[edge->to].incoming_lines += edge->lines;
  }
  for (size_t n = 0; n < view->node_count; n++) {
    size_t coupled = metrics[n].incoming_nodes + metrics[n].outgoing_nodes;
    metrics[n].instability = coupled ? (double)metrics[n].outgoing_nodes / (double)coupled : -1.0;
  }
  return metrics;
}

size_t graph_metrics_count_lines(const char *text, size_t length) {
  size_t lines = 0;
  bool blank = true;
  for (size_t i = 0; i < length; i++) {
    char c = text[i];
    if (c == '\n') {
      lines += !blank;
      blank = true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      blank = false;
    }
  }
  return lines + !blank;
}
