// The coupling table of an architecture document, computed: for every node
// of a graph_view, its size, its incoming and outgoing dependencies, its
// instability, the rule-breaking lines at either end, and whether it holds
// a cycle.
#ifndef STRATA_GRAPH_METRICS_H
#define STRATA_GRAPH_METRICS_H

#include "graph_view.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct graph_metrics {
  size_t files;
  size_t lines_of_code; // non-blank lines of its files
  // Dependencies between this node and others; lines inside the node are
  // not coupling and count in neither.
  size_t incoming_nodes; // distinct nodes that depend on it
  size_t incoming_lines;
  size_t outgoing_nodes; // distinct nodes it depends on
  size_t outgoing_lines;
  // outgoing_nodes / (incoming_nodes + outgoing_nodes): 0 for a node only
  // depended on, 1 for one that only depends; negative when it has neither.
  double instability;
  // Lines that break a layer or forbidden rule, from and into the node
  // (a line inside the node counts in both).
  size_t violations_out;
  size_t violations_in;
  bool in_cycle;
} graph_metrics;

// One entry per node of view, in its order. file_lines (may be NULL) holds
// the lines of code of every file of the graph. The caller frees the array.
graph_metrics *graph_metrics_new(const graph_view *view, const size_t *file_lines);

// The non-blank lines of text.
size_t graph_metrics_count_lines(const char *text, size_t length);

#endif
