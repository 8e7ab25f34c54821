// Shortest dependency chains, for `strata why FROM TO`: which files a name
// stands for, and the fewest import or include steps from one set of files
// to another.
#ifndef STRATA_GRAPH_PATH_H
#define STRATA_GRAPH_PATH_H

#include "config.h"
#include "graph.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum graph_selection_kind {
  GRAPH_SELECT_COMPONENT, // every file of a component
  GRAPH_SELECT_FILE,      // one file, by path or Python module
  GRAPH_SELECT_MODULE,    // a Python package or a folder, with everything below it
} graph_selection_kind;

// "component", "file" or "module".
const char *graph_selection_kind_name(graph_selection_kind kind);

// Marks in selected (file_count entries, cleared first) the files name
// stands for and sets *kind. name may say what it is ("component:torch",
// "file:torch/__init__.py", "module:torch.nn"); otherwise it is tried as a
// component, then a file path, then a Python module or package or a folder
// (with everything below it).
// Returns false when it names no file.
bool graph_path_select(const graph *dependency_graph, const strata_config *config, const char *name,
                       bool *selected, graph_selection_kind *kind);

// The shortest chain of one or more edges from a file marked in from to a
// file marked in to, over every import and include. Returns its length and
// sets *edges to its edge indices in order (the caller frees them), or
// returns 0 when there is none. Of equally short chains it picks the one
// through the files that sort first, so the answer is always the same.
size_t graph_path_shortest(const graph *dependency_graph, const bool *from, const bool *to,
                           uint32_t **edges);

#endif
