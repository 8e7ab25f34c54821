// One run over a tree: walk it, extract facts from every file (in parallel),
// build the graph, run the checks. The CLI commands share it.
#ifndef STRATA_ANALYSIS_H
#define STRATA_ANALYSIS_H

#include "baseline.h"
#include "config.h"
#include "finding.h"
#include "graph.h"
#include "notice.h"

#include <stdbool.h>

// Commands fill this with designated initializers, so a new field defaults
// to zero/false/NULL in every caller.
typedef struct analysis_options {
  unsigned jobs;         // worker threads; 0 means one per online core
  bool run_checks;       // false for `strata graph`
  bool use_cache;        // read and write the fact cache
  const char *cache_dir; // NULL: ROOT/.strata-cache
  // --compile-commands: the build's compile_commands.json (or its folder),
  // relative to the current folder; NULL: cxx.compile_commands, if set.
  // With one, exact mode marks which includes the build takes (docs/cxx.md).
  const char *compile_commands;
  // Called about ten times a second from another thread once reading files
  // has taken a second, and once more with finished set when it is done (only
  // if it was called before). NULL: no progress.
  void (*progress)(void *context, size_t done, size_t total, bool finished);
  void *progress_context;
  // With the checks: the baseline to compare the findings with (its entries
  // are marked as they match; findings it holds are marked baselined), or
  // NULL. report_stale adds a stale-baseline-entry finding for each entry
  // that matched nothing.
  baseline *baseline;
  bool report_stale;
} analysis_options;

typedef struct analysis {
  char *root; // absolute, no trailing '/'
  graph *graph;
  notice_list *notices; // sorted
  // Sorted; empty when checks did not run. Suppressed and allowed findings
  // are not in it; baselined ones are, marked.
  finding_list *findings;
  size_t files_analyzed;
  size_t files_parsed; // files a front end read this run (the rest came from the cache)
  size_t units_parsed; // exact mode: translation units parsed this run (the rest cached)
} analysis;

// Analyzes the tree at root under config. Returns NULL and sets *error (a
// message the caller frees) when the root cannot be analyzed at all. The
// caller frees the result with analysis_delete.
analysis *analysis_run(const char *root, const strata_config *config,
                       const analysis_options *options, char **error);
void analysis_delete(analysis *self);

#endif
