// Exact mode: the includes a real build compiles (docs/cxx.md).
//
// Reads the build's compile_commands.json (compile_db.h), turns each
// command into libclang's (exact_flags.h), parses every translation unit
// on a pool of threads (exact_parse.h; CUDA units once for the host side
// and once per GPU architecture), reuses the units whose files did not
// change (exact_cache.h), and gathers what the graph needs: which include
// directives of the tree's files some unit takes, to which file, and how
// many units take each. The graph joins that onto its every-branch edges
// (graph_mark_taken). Problems go to notices; nothing here prints.
#ifndef STRATA_EXACT_RUN_H
#define STRATA_EXACT_RUN_H

#include "graph.h"
#include "notice.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct exact_options {
  const char *root;             // the analyzed tree: absolute, symbolic links resolved
  const char *compile_commands; // the JSON file or the folder holding it
  const char *cuda_path;        // the CUDA toolkit; NULL: the one the system has
  unsigned jobs;                // threads; 0 means one per online core
  const char *cache_dir;        // NULL: no cache
} exact_options;

typedef struct exact_result exact_result;

// Runs exact mode. Returns NULL and sets *error (a message the caller
// frees) when the compilation database cannot be read at all; anything
// less is a notice. The caller frees the result with exact_result_delete.
exact_result *exact_run(const exact_options *options, notice_list *notices, char **error);
void exact_result_delete(exact_result *self);

// What graph_mark_taken joins onto the graph; it borrows from self.
graph_taken_build exact_result_taken(const exact_result *self);
// Units parsed this run (the rest came from the cache).
size_t exact_result_units_parsed(const exact_result *self);

// The CUDA toolkit exact mode uses when cxx.cuda_path is not set: the first
// of /usr/local/cuda, /usr/lib/cuda (Debian's nvidia-cuda-toolkit) and /usr
// (Debian's nvidia-cuda-dev puts the headers in /usr/include) that holds
// include/cuda_runtime.h; NULL when none does.
const char *exact_default_cuda_path(void);

#endif
