// The module dependency graph over every language: files are nodes, resolved
// imports and includes are edges. Checks read it; only the graph's own
// builders write it.
#ifndef STRATA_GRAPH_H
#define STRATA_GRAPH_H

#include "config.h"
#include "facts.h"
#include "notice.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct graph_file {
  char *path; // relative to the root, '/'-separated
  strata_language language;
  // Python: the dotted module name (NULL when the file lies under no python
  // root); C/C++: the path itself.
  char *module;
  int component;     // index into config components, -1 for none
  file_facts *facts; // owned by the graph
  // A file the build makes, which the tree does not hold (config `generated`):
  // it has no facts, only the edges that lead to it. generated_by is what
  // makes it, as the config says, or NULL.
  bool generated;
  const char *generated_by;
} graph_file;

typedef struct graph_edge {
  uint32_t from; // file index
  uint32_t to;   // file index
  fact_dep_kind kind;
  fact_scope scope;
  uint32_t line;
  uint32_t column;
  const fact_dependency *origin; // the fact it was resolved from
} graph_edge;

typedef struct graph_unresolved {
  uint32_t from;
  char *target; // dotted module or spelled header name
  uint32_t line;
  uint32_t column;
  const fact_dependency *origin;
} graph_unresolved;

typedef struct graph {
  graph_file *files;
  size_t file_count;
  size_t file_capacity;
  graph_edge *edges; // sorted by (from, line, column, to) once built
  size_t edge_count;
  size_t edge_capacity;
  graph_unresolved *unresolved;
  size_t unresolved_count;
  size_t unresolved_capacity;
  // out_start[i] .. out_start[i + 1] are the edges of file i, once built.
  size_t *out_start;
  struct strmap *path_index; // path -> file index
} graph;

graph *graph_new(void);
void graph_delete(graph *self);

// Adds a file; the graph takes facts. Files must be added in sorted path
// order so that indices do not depend on file-system order. Returns its index.
uint32_t graph_add_file(graph *self, const char *path, strata_language language, file_facts *facts);
// Index of the file with relative path, or -1.
int64_t graph_find_file(const graph *self, const char *path);

// The generated node at path (relative to the root), made when first asked
// for: language from its name, component from entry or else config's
// components, no facts. Returns its index. Generated nodes come after the
// tree's files until graph_build sorts them in.
uint32_t graph_add_generated(graph *self, const char *path, const config_generated *entry,
                             const strata_config *config);

void graph_add_edge(graph *self, const graph_edge *edge);
void graph_add_unresolved(graph *self, uint32_t from, const char *target, uint32_t line,
                          uint32_t column, const fact_dependency *origin);

// Names modules, assigns components, resolves every dependency fact to edges
// or unresolved entries, sorts and indexes edges. Problems that concern the
// run rather than one file (an include dir that does not exist) go to notices.
void graph_build(graph *self, const strata_config *config, notice_list *notices);

// The dotted Python module of relative path under the deepest python root
// that holds it, or NULL when no root holds it (or it is the root's own
// __init__.py). The caller frees it.
char *python_module_for_path(const strata_config *config, const char *path);

// Whether path is a Python stub (.pyi).
bool python_path_is_stub(const char *path);

// Language-specific resolution, called by graph_build after modules and
// components are set: each adds edges and unresolved entries for the
// dependency facts of its own languages.
void resolve_python(graph *self, const strata_config *config, notice_list *notices);
void resolve_cxx(graph *self, const strata_config *config, notice_list *notices);

#endif
