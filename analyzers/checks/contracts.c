#include "contracts.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

bool contracts_file_matches(const config_selector *selectors, size_t count,
                            const graph_file *file) {
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches_file(&selectors[i], file->component, file->path, file->module))
      return true;
  return false;
}

void contracts_mark_files(const graph *dependency_graph, const config_selector *selectors,
                          size_t count, bool *out) {
  for (size_t f = 0; f < dependency_graph->file_count; f++)
    out[f] = contracts_file_matches(selectors, count, &dependency_graph->files[f]);
}

bool contracts_unresolved_matches(const graph *dependency_graph, const graph_unresolved *unresolved,
                                  const config_selector *selectors, size_t count, uint32_t scopes) {
  fact_scope scope = unresolved->origin ? unresolved->origin->scope : FACT_SCOPE_MODULE;
  if (!(scopes & (1u << scope)))
    return false;
  const graph_file *from = &dependency_graph->files[unresolved->from];
  bool is_import = unresolved->origin ? unresolved->origin->kind == FACT_DEP_IMPORT
                                      : from->language == STRATA_LANG_PYTHON;
  bool outside = unresolved->category == GRAPH_UNRESOLVED_SYSTEM ||
                 unresolved->category == GRAPH_UNRESOLVED_EXTERNAL;
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches_external(&selectors[i], unresolved->target, is_import, outside))
      return true;
  return false;
}

bool contracts_edge_ignored(const contracts *self, size_t edge) {
  return self && self->ignored && self->ignored[edge];
}

// Marks the edges an `ignore` entry matches, and the entries that match.
static void contracts__ignore(contracts *self) {
  const graph *g = self->graph;
  const strata_config *config = self->config;
  size_t count = config->ignore_entry_count;
  self->ignore_used = xcalloc(count + 1, sizeof(bool));
  if (count == 0)
    return;
  self->ignored = xcalloc(g->edge_count + 1, sizeof(bool));
  bool *from = xcalloc(g->file_count + 1, sizeof(bool));
  bool *to = xcalloc(g->file_count + 1, sizeof(bool));
  for (size_t i = 0; i < count; i++) {
    const config_ignore *entry = &config->ignore_entries[i];
    contracts_mark_files(g, entry->from, entry->from_count, from);
    contracts_mark_files(g, entry->to, entry->to_count, to);
    for (size_t e = 0; e < g->edge_count; e++) {
      if (from[g->edges[e].from] && to[g->edges[e].to]) {
        self->ignored[e] = true;
        self->ignore_used[i] = true;
      }
    }
  }
  free(from);
  free(to);
}

static contract_question *contracts__add(contracts *self, contract_kind kind, size_t entry,
                                         uint32_t scopes) {
  size_t n = self->graph->file_count + 1;
  self->questions =
      xrealloc(self->questions, (self->question_count + 1) * sizeof(contract_question));
  contract_question *question = &self->questions[self->question_count++];
  *question = (contract_question){.kind = kind, .entry = entry, .scopes = scopes};
  question->from = xcalloc(n, sizeof(bool));
  question->to = xcalloc(n, sizeof(bool));
  question->stop = xcalloc(n, sizeof(bool));
  question->targets = xcalloc(n, sizeof(bool));
  return question;
}

// stop and targets from from and to, and the files with a forbidden
// unresolved dependency.
static void contracts__finish_question(contracts *self, contract_question *question) {
  const graph *g = self->graph;
  for (size_t f = 0; f < g->file_count; f++) {
    question->stop[f] = question->from[f] || question->to[f];
    question->targets[f] = question->to[f];
    for (size_t u = self->unresolved_start[f];
         !question->targets[f] && question->to_selector_count && u < self->unresolved_start[f + 1];
         u++)
      question->targets[f] =
          contracts_unresolved_matches(g, &g->unresolved[u], question->to_selectors,
                                       question->to_selector_count, question->scopes);
  }
}

static void contracts__questions(contracts *self) {
  const strata_config *config = self->config;
  const graph *g = self->graph;
  for (size_t r = 0; r < config->forbidden_count; r++) {
    const config_forbidden *entry = &config->forbidden[r];
    if (!entry->transitive)
      continue;
    contract_question *question = contracts__add(self, CONTRACT_FORBIDDEN, r, entry->scopes);
    contracts_mark_files(g, entry->from, entry->from_count, question->from);
    contracts_mark_files(g, entry->to, entry->to_count, question->to);
    question->to_selectors = entry->to;
    question->to_selector_count = entry->to_count;
    contracts__finish_question(self, question);
  }
  for (size_t r = 0; r < config->independence_count; r++) {
    const config_independence *entry = &config->independence[r];
    for (size_t a = 0; a < entry->component_count; a++) {
      for (size_t b = 0; b < entry->component_count; b++) {
        if (a == b)
          continue;
        contract_question *question = contracts__add(self, CONTRACT_INDEPENDENCE, r, entry->scopes);
        question->from_side = a;
        question->to_side = b;
        contracts_mark_files(g, &entry->components[a], 1, question->from);
        contracts_mark_files(g, &entry->components[b], 1, question->to);
        contracts__finish_question(self, question);
      }
    }
  }
}

// One reachability per set of scopes the questions use, towards every
// target of those questions: computed once, asked by each.
static void contracts__reaches(contracts *self) {
  const graph *g = self->graph;
  bool *done = xcalloc(self->question_count + 1, sizeof(bool));
  for (size_t q = 0; q < self->question_count; q++) {
    if (done[q])
      continue;
    uint32_t scopes = self->questions[q].scopes;
    bool *targets = xcalloc(g->file_count + 1, sizeof(bool));
    for (size_t k = q; k < self->question_count; k++)
      if (self->questions[k].scopes == scopes)
        for (size_t f = 0; f < g->file_count; f++)
          targets[f] = targets[f] || self->questions[k].targets[f];
    graph_reach *reach = graph_reach_new(g, scopes, self->ignored, targets);
    self->reaches = xrealloc(self->reaches, (self->reach_count + 1) * sizeof(graph_reach *));
    self->reaches[self->reach_count++] = reach;
    for (size_t k = q; k < self->question_count; k++) {
      if (self->questions[k].scopes != scopes)
        continue;
      done[k] = true;
      self->questions[k].reach = reach;
      self->questions[k].mask = graph_reach_mask(reach, self->questions[k].targets);
    }
    free(targets);
  }
  free(done);
}

contracts *contracts_new(const graph *dependency_graph, const strata_config *config) {
  contracts *self = xcalloc(1, sizeof(contracts));
  self->graph = dependency_graph;
  self->config = config;
  const graph *g = dependency_graph;
  self->unresolved_start = xcalloc(g->file_count + 2, sizeof(size_t));
  for (size_t u = 0; u < g->unresolved_count; u++)
    self->unresolved_start[g->unresolved[u].from + 1]++;
  for (size_t f = 0; f < g->file_count; f++)
    self->unresolved_start[f + 1] += self->unresolved_start[f];
  if (!config)
    return self;
  contracts__ignore(self);
  contracts__questions(self);
  contracts__reaches(self);
  return self;
}

void contracts_delete(contracts *self) {
  if (!self)
    return;
  for (size_t q = 0; q < self->question_count; q++) {
    contract_question *question = &self->questions[q];
    free(question->from);
    free(question->to);
    free(question->stop);
    free(question->targets);
    free(question->mask);
  }
  free(self->questions);
  for (size_t r = 0; r < self->reach_count; r++)
    graph_reach_delete(self->reaches[r]);
  free(self->reaches);
  free(self->ignored);
  free(self->ignore_used);
  free(self->unresolved_start);
  free(self);
}
