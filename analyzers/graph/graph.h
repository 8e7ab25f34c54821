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
  // Exact mode: how many translation units of the build open the file.
  uint32_t opened_by;
} graph_file;

// Exact mode (docs/cxx.md): whether the build compiles an include.
typedef enum graph_taken {
  GRAPH_TAKEN_UNKNOWN, // no compile commands, or no unit opens the including file
  GRAPH_TAKEN_NO,      // units open the including file; none takes this include
  GRAPH_TAKEN_YES,     // some unit takes it (taken_by says how many)
} graph_taken;

typedef struct graph_edge {
  uint32_t from; // file index
  uint32_t to;   // file index
  fact_dep_kind kind;
  fact_scope scope;
  uint32_t line;
  uint32_t column;
  const fact_dependency *origin; // the fact it was resolved from
  graph_taken taken;
  uint32_t taken_by; // translation units that take it
  // Bridge edges (kind binding, op or cxx_import; docs/bridge.md): where on
  // the other side the name is defined, 0 when the file as a whole is (a
  // module file, or a file bridge.extension_modules names), and the
  // definition itself (NULL then).
  uint32_t to_line;
  uint32_t to_column;
  const fact_bridge *bound;
} graph_edge;

// Whether edge crosses the bridge between Python and C/C++ (binding, op or
// cxx_import).
bool graph_edge_is_bridge(const graph_edge *edge);
// The name a bridge edge binds: the extension module or submodule
// ("torch._C._nn", "_jit" for a submodule whose parent the code does not
// say), "ns.op" or "ns" of a torch.ops use, the module a C++ file imports.
// NULL for other edges. The caller frees it.
char *graph_edge_bridge_name(const graph_edge *edge);

// What an unresolved dependency names (docs/unresolved.md).
typedef enum graph_unresolved_category {
  GRAPH_UNRESOLVED_SYSTEM,    // the standard library or the platform's SDK
  GRAPH_UNRESOLVED_EXTERNAL,  // third-party code outside the tree
  GRAPH_UNRESOLVED_GENERATED, // a file the build makes from a template of the tree
  GRAPH_UNRESOLVED_IN_TREE,   // a file of the tree no include dir or python root reaches
  GRAPH_UNRESOLVED_UNKNOWN,   // a computed include, a relative import above the top
  GRAPH_UNRESOLVED_CATEGORY_COUNT,
} graph_unresolved_category;

// "system", "external", "generated", "in_tree" or "unknown".
const char *graph_unresolved_category_name(graph_unresolved_category category);

typedef struct graph_unresolved {
  uint32_t from;
  char *target; // dotted module or spelled header name
  uint32_t line;
  uint32_t column;
  const fact_dependency *origin;
  graph_unresolved_category category;
  // in_tree: the include dir or python root that would resolve it, when
  // one folder would; generated: the template it is made from; else NULL.
  char *hint;
  graph_taken taken;
  uint32_t taken_by;
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
  // The tree's build templates (walk_result), owned by the graph.
  char **templates;
  size_t template_count;
  struct strmap *path_index; // path -> file index
  // Exact mode: the build's translation units were read (graph_mark_taken),
  // and how many there were.
  bool exact;
  size_t exact_units;
  // What the two languages define for each other (graph/graph_bridge.c),
  // made by graph_build before the resolvers, which bind through it.
  struct graph_bridge *bridge;
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

// Hands the tree's build templates (`*.in`, `*.proto` paths) to the graph,
// which takes them and the array.
void graph_take_templates(graph *self, char **templates, size_t count);

// Names modules, assigns components, resolves every dependency fact to edges
// or unresolved entries, sorts and indexes edges, and sorts the unresolved
// ones into categories. Problems that concern the run rather than one file
// (an include dir that does not exist, in-tree files no include dir
// reaches) go to notices.
void graph_build(graph *self, const strata_config *config, notice_list *notices);
// Sorts, de-duplicates and indexes the edges again, after edges were added
// to a built graph.
void graph_finish_edges(graph *self);

// One include the build's translation units take, from a file of the tree
// (exact mode, analyzers/exact/).
typedef struct graph_taken_include {
  const char *from; // relative path of the including file
  uint32_t line;    // of the directive
  const char *to;   // relative path of the file it opens; NULL when that is no file of the tree
  uint32_t units;   // how many translation units take it
} graph_taken_include;

// What exact mode learned from the build, joined onto the graph by
// graph_mark_taken.
typedef struct graph_taken_build {
  const graph_taken_include *includes;
  size_t include_count;
  const char *const *opened; // relative paths of the tree's files the units open
  const uint32_t *opened_units;
  size_t opened_count;
  size_t unit_count;
} graph_taken_build;

// Marks every include edge and unresolved include of a file some unit opens
// taken or not; those of other files stay unknown. An include the compiler
// took to a file of the tree where the every-branch resolution found
// another (or none) becomes an edge of its own, taken, with the same
// origin. Call after graph_build.
void graph_mark_taken(graph *self, const graph_taken_build *build);

// Keeps of the include edges only those the build takes (imports stay):
// for `strata graph --taken-only`.
void graph_keep_taken(graph *self);

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
// The bridge between the languages (graph/graph_bridge.c, docs/bridge.md).
typedef struct graph_bridge graph_bridge;
// Indexes the extension modules, submodules, torch.ops namespaces and ops
// the files define, and the files bridge.extension_modules names. The
// graph owns the result (graph_delete frees it).
graph_bridge *graph_bridge_new(const graph *files, const strata_config *config);
void graph_bridge_delete(graph_bridge *self);
// The length of the longest prefix of the dotted name[0..length) (cut at
// dots) that an extension module or one of its submodules answers, 0 for
// none; with whole, only name itself counts.
size_t graph_bridge_longest(const graph_bridge *self, const char *name, size_t length, bool whole);
// Adds an edge of kind (binding, or cxx_import for C++ importing an
// extension module) from file from to every definition of the module
// name[0..length) (graph_bridge_longest gave length), for dependency.
void graph_bridge_bind(graph *self, uint32_t from, const char *name, size_t length,
                       const fact_dependency *dependency, fact_dep_kind kind, fact_scope scope);
// Binds every torch.ops use to the definitions of its op or namespace.
void resolve_ops(graph *self);
// Sorts the unresolved entries into categories, with hints, and notices
// what the user can fix (graph/unresolved.c).
void classify_unresolved(graph *self, const strata_config *config, notice_list *notices);

#endif
