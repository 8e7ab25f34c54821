// Reachability for the transitive contracts (`forbidden` with `transitive`,
// `independence`): which files a chain of dependencies leads to, computed
// once per run over the strongly connected components of the graph, and the
// shortest chains behind a violation.
//
// Only the edges a contract counts take part: those whose scope is in a set
// of scopes and that no `ignore` entry removed. Any edge kind counts.
#ifndef STRATA_GRAPH_REACH_H
#define STRATA_GRAPH_REACH_H

#include "graph.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct graph_reach graph_reach;

// Computes, for every file, which of the files marked in targets
// (file_count entries) a chain of one or more counted edges leads to: the
// edges whose scope is in scopes (bits 1u << fact_scope) and that skip
// (edge_count entries; NULL: none) does not mark. dependency_graph and
// skip must outlive the result, which the caller frees with
// graph_reach_delete; targets is read here only. Costs one pass over the
// edges, each OR-ing a bit set of one bit per target.
graph_reach *graph_reach_new(const graph *dependency_graph, uint32_t scopes, const bool *skip,
                             const bool *targets);
void graph_reach_delete(graph_reach *self);

// A set of targets as graph_reach_leads_to reads it: the files marked in
// files (file_count entries) that are targets of self. The caller frees it.
uint64_t *graph_reach_mask(const graph_reach *self, const bool *files);
// Whether a chain of one or more counted edges leads from file to a file of
// mask.
bool graph_reach_leads_to(const graph_reach *self, uint32_t file, const uint64_t *mask);
// Whether edge is counted.
bool graph_reach_counts(const graph_reach *self, size_t edge);

// One shortest chain: its edges in order, from the start to the target.
typedef struct graph_chain {
  uint32_t target; // the file it ends at
  uint32_t *edges; // length edge indices
  size_t length;
} graph_chain;

// Every file of targets (a subset of self's targets, and mask the same set
// as a mask) that a chain of counted edges from file `from` reaches without
// passing through a file of stop, and the shortest such chain to each (of
// equally short ones, the one whose edges come first in the graph's order).
// Chains continue through targets not in stop. Appends them to *chains
// (*count of them, grown with realloc); the caller frees each chain's
// edges and the array. Not safe to call from two threads at once.
void graph_reach_chains(graph_reach *self, uint32_t from, const bool *stop, const bool *targets,
                        const uint64_t *mask, graph_chain **chains, size_t *count);

#endif
