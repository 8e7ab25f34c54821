// What the contract checks share in a run, computed once: which edges the
// `ignore` entries take out (and which entries matched anything), the files
// each side of each contract stands for, and the reachability the
// transitive contracts ask (graph/graph_reach.h), one per set of scopes.
//
// A transitive contract is a list of questions "does a chain lead from the
// files F to the files T?": one per `forbidden` entry with `transitive`,
// one per ordered pair of an `independence` entry's components.
#ifndef STRATA_CONTRACTS_H
#define STRATA_CONTRACTS_H

#include "config.h"
#include "graph.h"
#include "graph_reach.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum contract_kind {
  CONTRACT_FORBIDDEN,    // config->forbidden[entry], transitive
  CONTRACT_INDEPENDENCE, // config->independence[entry]: side from_side may not reach to_side
} contract_kind;

typedef struct contract_question {
  contract_kind kind;
  size_t entry;
  size_t from_side, to_side; // independence: indices into the entry's components
  uint32_t scopes;
  const bool *from; // F: the files the chain starts at (not owned)
  const bool *to;   // T: the files it must not reach (not owned)
  bool *stop;       // F and T, no chain passes through them: contracts_question_stop
  // T and the files with a forbidden unresolved dependency: to, or
  // owned_targets when there are such files.
  const bool *targets;
  bool *owned_targets;
  // The `to` selectors, for unresolved dependencies (forbidden only).
  const config_selector *to_selectors;
  size_t to_selector_count;
  graph_reach *reach;    // shared by the questions of one set of scopes
  uint64_t *mask;        // targets, for reach
  uint64_t *shared_mask; // mask when another question's (not owned)
} contract_question;

typedef struct contracts {
  const graph *graph;
  const strata_config *config;
  bool *ignored;            // per edge: an `ignore` entry takes it out
  bool *unresolved_ignored; // per unresolved dependency: the same
  bool *ignore_used;        // per ignore entry: it matched an edge
  contract_question *questions;
  size_t question_count;
  graph_reach **reaches;
  size_t reach_count;
  // unresolved_start[f] .. unresolved_start[f + 1]: the unresolved
  // dependencies of file f (graph->unresolved is sorted by file).
  size_t *unresolved_start;
  // Per forbidden entry (direct or transitive): the files of each side.
  bool **forbidden_from;
  bool **forbidden_to;
  bool *any_forbidden_from; // per file: on the from side of some entry
  // The files each selector of the config stands for, matched once.
  bool sorted; // the graph's files are in path order
  const config_selector **selector_keys;
  bool **selector_files;
  size_t selector_count;
  // The files with an unresolved dependency a selector matches, per set of
  // scopes, found once.
  const config_selector **external_keys;
  uint32_t *external_scopes;
  bool **external_files;
  size_t external_count;
} contracts;

// Computes what the contracts of config (may be NULL: none) need over
// dependency_graph; both must outlive the result, which the caller frees
// with contracts_delete.
contracts *contracts_new(const graph *dependency_graph, const strata_config *config);
void contracts_delete(contracts *self);

// The files no chain of question passes through (F and T), made on first
// use: only a question that a chain answers needs them.
const bool *contracts_question_stop(const contracts *self, contract_question *question);

// Whether an `ignore` entry takes edge out of every contract. self may be
// NULL (none does).
bool contracts_edge_ignored(const contracts *self, size_t edge);

// The first forbidden entry that edge (an index into the graph's edges)
// breaks, counting its scope and `ignore`; NULL when none does.
const config_forbidden *contracts_forbidden_entry(const contracts *self, size_t edge);

// Whether an `ignore` entry takes the unresolved dependency (an index into
// the graph's unresolved) out of every contract. self may be NULL.
bool contracts_unresolved_ignored(const contracts *self, size_t unresolved);

// Whether file matches one of selectors (component, path or module).
bool contracts_file_matches(const config_selector *selectors, size_t count, const graph_file *file);
// Marks in out (file_count entries) the files that match one of selectors.
void contracts_mark_files(const graph *dependency_graph, const config_selector *selectors,
                          size_t count, bool *out);
// Whether the unresolved dependency matches one of selectors and its scope
// is in scopes.
bool contracts_unresolved_matches(const graph *dependency_graph, const graph_unresolved *unresolved,
                                  const config_selector *selectors, size_t count, uint32_t scopes);

#endif
