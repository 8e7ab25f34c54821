// The dependency graph as a map: files collapsed into components, into
// modules (Python packages and C/C++ folders, cut to a depth) or left as
// files, with the import and include lines behind every edge, how many of
// them break a layer or forbidden rule, and whether they lie on an import or
// include cycle. The DOT, SVG, Mermaid and metrics writers draw it; what is
// marked is decided here, once.
#ifndef STRATA_GRAPH_VIEW_H
#define STRATA_GRAPH_VIEW_H

#include "config.h"
#include "finding.h"
#include "graph.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum graph_view_level {
  GRAPH_VIEW_COMPONENT, // one node per component, one for the files in none
  // Python modules and C/C++ folders cut to `depth` parts; a folder with
  // both is one node, named as most of its files are.
  GRAPH_VIEW_MODULE,
  GRAPH_VIEW_FILE, // one node per file
} graph_view_level;

// "component", "module" or "file".
const char *graph_view_level_name(graph_view_level level);
// Parses one of those names; false when text is none of them.
bool graph_view_level_parse(const char *text, graph_view_level *level);

// The name of the node that holds the files of no component.
#define GRAPH_VIEW_UNASSIGNED "(no component)"
// A file that a focused view leaves out.
#define GRAPH_VIEW_NONE UINT32_MAX

typedef struct graph_view_options {
  graph_view_level level;
  unsigned depth;    // module level: dotted parts or folders kept, at least 1
  const char *focus; // NULL, or a node kept with its direct neighbours only
} graph_view_options;

typedef struct graph_view_node {
  char *name; // component name, module or folder, file path
  // Module level: the place's other name, its folder for a node named as a
  // Python package or the reverse; NULL when it has none. --focus takes it.
  char *alias;
  // The component most of its files belong to (ties: the first in the
  // config), -1 for none; a component node's own component.
  int component;
  int layer;       // index into the config's layers (0 = highest), -1 for none
  bool unassigned; // component level: the node of the files in no component
  size_t file_count;
  bool in_cycle; // holds a file of an import or include cycle
  bool focus;    // the node --focus named
  // A focused view: GRAPH_VIEW_BAND_* (what depends on the focus, the focus
  // and what it shares a cycle with, what it depends on).
  int band;
} graph_view_node;

// The bands of a focused view, drawn top down instead of the layers.
enum {
  GRAPH_VIEW_BAND_DEPENDENTS,
  GRAPH_VIEW_BAND_FOCUS,
  GRAPH_VIEW_BAND_DEPENDENCIES,
  GRAPH_VIEW_BAND_COUNT
};

typedef struct graph_view_edge {
  uint32_t from; // node index
  uint32_t to;   // node index; equal to from for the lines inside one node
  size_t lines;  // import and include lines behind it
  // Of those, the lines that a layer-violation or forbidden-dependency
  // finding is about.
  size_t violations;
  bool in_cycle; // one of its lines lies on an import or include cycle
  // Of the lines, those that cross the bridge between Python and C/C++
  // (binding, op, cxx_import: docs/bridge.md).
  size_t bridge_lines;
} graph_view_edge;

typedef struct graph_view {
  graph_view_level level;
  unsigned depth;
  bool focused;                // --focus: nodes are grouped in bands, not layers
  const strata_config *config; // borrowed
  // Highest layer first, then the components in no layer, then the files in
  // none; by name within each.
  graph_view_node *nodes;
  size_t node_count;
  graph_view_edge *edges; // sorted by (from, to)
  size_t edge_count;
  uint32_t *file_node; // the node of every file of the graph, or GRAPH_VIEW_NONE
  size_t file_count;
} graph_view;

// Builds the view of dependency_graph at options->level. findings (may be
// NULL) are the run's findings: edge findings mark their edges as
// violations. Returns NULL and sets *error (a message the caller frees) when
// options->focus names no node. The caller frees the view with
// graph_view_delete; it borrows config, which must outlive it.
graph_view *graph_view_new(const graph *dependency_graph, const strata_config *config,
                           const finding_list *findings, const graph_view_options *options,
                           char **error);
void graph_view_delete(graph_view *self);

// The rank group of node: its layer, or the layer count for a node in no
// layer, one more for the files in no component; in a focused view its band.
// Groups are drawn top down.
size_t graph_view_group(const graph_view *self, const graph_view_node *node);
// The number of groups (layers, plus the two groups for no layer; or the
// bands).
size_t graph_view_group_count(const graph_view *self);
// Whether edge is drawn: every edge between two nodes, and the lines inside
// a node only when some of them break a rule (a red mark never disappears).
bool graph_view_edge_drawn(const graph_view_edge *edge);

// The module-level name of file cut to depth parts: the first depth dotted
// parts of its Python module, or else its first depth folders (the file's
// own path when it lies in the root folder). The caller frees it.
char *graph_view_module_name(const graph_file *file, unsigned depth);

// The name of the node that holds file at level (module level: cut to
// depth). The caller frees it.
char *graph_view_node_name(const graph_file *file, const strata_config *config,
                           graph_view_level level, unsigned depth);
// A file of the focus node of a focused view (GRAPH_VIEW_NONE when the view
// is not focused), to name the same place at another level.
uint32_t graph_view_focus_file(const graph_view *self);

// One flag per edge of dependency_graph: whether an edge finding of
// findings (may be NULL) is about it. The caller frees the array.
bool *graph_view_violating_edges(const graph *dependency_graph, const finding_list *findings);
// One flag per edge: whether it lies inside a strongly connected component
// of two or more files of its kind (module-scope imports, includes); sets
// file_in_cycle[i] (file_count flags) for the files in one. The caller frees
// the array.
bool *graph_view_cycle_edges(const graph *dependency_graph, bool *file_in_cycle);

// Whether item is an edge finding (properties.from.path and to.path) about
// the edge at edge_index: its location is the edge's line and column in the
// importing file and it names the imported file.
bool graph_view_finding_is_about(const graph *dependency_graph, size_t edge_index,
                                 const finding *item);

#endif
