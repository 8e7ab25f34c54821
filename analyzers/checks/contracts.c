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

// The files selector stands for (file_count entries), matched on first
// use and kept: selectors written alike in several entries are matched once.
static const bool *contracts__selector_files(contracts *self, const config_selector *selector) {
  for (size_t i = 0; i < self->selector_count; i++)
    if (strcmp(self->selector_keys[i]->text, selector->text) == 0)
      return self->selector_files[i];
  const graph *g = self->graph;
  bool *files = xcalloc(g->file_count + 1, sizeof(bool));
  size_t first = 0, end = g->file_count;
  if (selector->path_glob && self->sorted) {
    // Files are in path order: those starting with the glob's literal
    // folders are one run of them, found by bisection.
    const char *prefix = glob_pattern(selector->path_glob);
    size_t length = glob_literal_prefix(selector->path_glob);
    size_t low = 0, high = g->file_count;
    while (low < high) {
      size_t middle = low + (high - low) / 2;
      if (strncmp(g->files[middle].path, prefix, length) < 0)
        low = middle + 1;
      else
        high = middle;
    }
    first = low;
    high = g->file_count;
    while (low < high) {
      size_t middle = low + (high - low) / 2;
      if (strncmp(g->files[middle].path, prefix, length) <= 0)
        low = middle + 1;
      else
        high = middle;
    }
    end = low;
  }
  for (size_t f = first; f < end; f++)
    files[f] = contracts_file_matches(selector, 1, &g->files[f]);
  self->selector_keys =
      xrealloc(self->selector_keys, (self->selector_count + 1) * sizeof(*self->selector_keys));
  self->selector_files =
      xrealloc(self->selector_files, (self->selector_count + 1) * sizeof(*self->selector_files));
  self->selector_keys[self->selector_count] = selector;
  self->selector_files[self->selector_count++] = files;
  return files;
}

// The files with an unresolved dependency in scopes that selector matches
// (file_count entries), found on first use and kept.
static const bool *contracts__selector_external(contracts *self, const config_selector *selector,
                                                uint32_t scopes) {
  for (size_t i = 0; i < self->external_count; i++)
    if (self->external_scopes[i] == scopes &&
        strcmp(self->external_keys[i]->text, selector->text) == 0)
      return self->external_files[i];
  const graph *g = self->graph;
  bool *files = xcalloc(g->file_count + 1, sizeof(bool));
  for (size_t u = 0; u < g->unresolved_count; u++)
    if (!files[g->unresolved[u].from] && !contracts_unresolved_ignored(self, u) &&
        contracts_unresolved_matches(g, &g->unresolved[u], selector, 1, scopes))
      files[g->unresolved[u].from] = true;
  size_t n = self->external_count + 1;
  self->external_keys = xrealloc(self->external_keys, n * sizeof(*self->external_keys));
  self->external_scopes = xrealloc(self->external_scopes, n * sizeof(*self->external_scopes));
  self->external_files = xrealloc(self->external_files, n * sizeof(*self->external_files));
  self->external_keys[self->external_count] = selector;
  self->external_scopes[self->external_count] = scopes;
  self->external_files[self->external_count++] = files;
  return files;
}

// out[f]: file f matches one of selectors (cached sets, OR-ed).
static void contracts__mark(contracts *self, const config_selector *selectors, size_t count,
                            bool *out) {
  size_t n = self->graph->file_count;
  memset(out, 0, n * sizeof(bool));
  for (size_t i = 0; i < count; i++) {
    const bool *files = contracts__selector_files(self, &selectors[i]);
    for (size_t f = 0; f < n; f++)
      out[f] = out[f] || files[f];
  }
}

const config_forbidden *contracts_forbidden_entry(const contracts *self, size_t edge) {
  if (!self->config || contracts_edge_ignored(self, edge))
    return NULL;
  const graph_edge *at = &self->graph->edges[edge];
  if (!self->any_forbidden_from[at->from])
    return NULL;
  for (size_t r = 0; r < self->config->forbidden_count; r++) {
    const config_forbidden *entry = &self->config->forbidden[r];
    if ((entry->scopes & (1u << at->scope)) && self->forbidden_from[r][at->from] &&
        self->forbidden_to[r][at->to])
      return entry;
  }
  return NULL;
}

bool contracts_edge_ignored(const contracts *self, size_t edge) {
  return self && self->ignored && self->ignored[edge];
}

bool contracts_unresolved_ignored(const contracts *self, size_t unresolved) {
  return self && self->unresolved_ignored && self->unresolved_ignored[unresolved];
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
  self->unresolved_ignored = xcalloc(g->unresolved_count + 1, sizeof(bool));
  bool *from = xcalloc(g->file_count + 1, sizeof(bool));
  bool *to = xcalloc(g->file_count + 1, sizeof(bool));
  for (size_t i = 0; i < count; i++) {
    const config_ignore *entry = &config->ignore_entries[i];
    contracts__mark(self, entry->from, entry->from_count, from);
    contracts__mark(self, entry->to, entry->to_count, to);
    for (size_t e = 0; e < g->edge_count; e++) {
      if (from[g->edges[e].from] && to[g->edges[e].to]) {
        self->ignored[e] = true;
        self->ignore_used[i] = true;
      }
    }
    // `to` may name what is outside the tree, as a forbidden target does.
    for (size_t u = 0; u < g->unresolved_count; u++) {
      if (from[g->unresolved[u].from] &&
          contracts_unresolved_matches(g, &g->unresolved[u], entry->to, entry->to_count,
                                       CONFIG_SCOPES_ALL)) {
        self->unresolved_ignored[u] = true;
        self->ignore_used[i] = true;
      }
    }
  }
  free(from);
  free(to);
}

static contract_question *contracts__add(contracts *self, contract_kind kind, size_t entry,
                                         uint32_t scopes) {
  self->questions =
      xrealloc(self->questions, (self->question_count + 1) * sizeof(contract_question));
  contract_question *question = &self->questions[self->question_count++];
  *question = (contract_question){.kind = kind, .entry = entry, .scopes = scopes};
  return question;
}

// The targets: the files of T, and those with a forbidden unresolved
// dependency (a set of its own only when the entry names such targets).
static void contracts__finish_question(contracts *self, contract_question *question) {
  const graph *g = self->graph;
  question->targets = question->to;
  for (size_t i = 0; i < question->to_selector_count; i++) {
    const config_selector *selector = &question->to_selectors[i];
    if (!config_selector_is_external(selector))
      continue;
    if (!question->owned_targets) {
      question->owned_targets = xcalloc(g->file_count + 1, sizeof(bool));
      memcpy(question->owned_targets, question->to, g->file_count * sizeof(bool));
      question->targets = question->owned_targets;
    }
    const bool *files = contracts__selector_external(self, selector, question->scopes);
    for (size_t f = 0; f < g->file_count; f++)
      question->owned_targets[f] = question->owned_targets[f] || files[f];
  }
}

const bool *contracts_question_stop(const contracts *self, contract_question *question) {
  if (!question->stop) {
    size_t n = self->graph->file_count;
    question->stop = xcalloc(n + 1, sizeof(bool));
    for (size_t f = 0; f < n; f++)
      question->stop[f] = question->from[f] || question->to[f];
  }
  return question->stop;
}

static void contracts__questions(contracts *self) {
  const strata_config *config = self->config;
  for (size_t r = 0; r < config->forbidden_count; r++) {
    const config_forbidden *entry = &config->forbidden[r];
    if (!entry->transitive)
      continue;
    contract_question *question = contracts__add(self, CONTRACT_FORBIDDEN, r, entry->scopes);
    question->from = self->forbidden_from[r];
    question->to = self->forbidden_to[r];
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
        question->from = contracts__selector_files(self, &entry->components[a]);
        question->to = contracts__selector_files(self, &entry->components[b]);
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
    // Questions share target sets (each component of an independence
    // entry is the target of the others): each set is added, and its mask
    // made, once.
    for (size_t k = q; k < self->question_count; k++) {
      const contract_question *question = &self->questions[k];
      bool seen = false;
      for (size_t j = q; j < k && !seen; j++)
        seen =
            self->questions[j].scopes == scopes && self->questions[j].targets == question->targets;
      if (question->scopes != scopes || seen)
        continue;
      for (size_t f = 0; f < g->file_count; f++)
        targets[f] = targets[f] || question->targets[f];
    }
    graph_reach *reach = graph_reach_new(g, scopes, self->ignored, targets);
    self->reaches = xrealloc(self->reaches, (self->reach_count + 1) * sizeof(graph_reach *));
    self->reaches[self->reach_count++] = reach;
    for (size_t k = q; k < self->question_count; k++) {
      contract_question *question = &self->questions[k];
      if (question->scopes != scopes)
        continue;
      done[k] = true;
      question->reach = reach;
      for (size_t j = q; j < k && !question->mask; j++)
        if (self->questions[j].scopes == scopes && self->questions[j].targets == question->targets)
          question->shared_mask = question->mask = self->questions[j].mask;
      if (!question->mask)
        question->mask = graph_reach_mask(reach, question->targets);
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
  self->sorted = true;
  for (size_t f = 1; f < g->file_count && self->sorted; f++)
    self->sorted = strcmp(g->files[f - 1].path, g->files[f].path) < 0;
  self->unresolved_start = xcalloc(g->file_count + 2, sizeof(size_t));
  for (size_t u = 0; u < g->unresolved_count; u++)
    self->unresolved_start[g->unresolved[u].from + 1]++;
  for (size_t f = 0; f < g->file_count; f++)
    self->unresolved_start[f + 1] += self->unresolved_start[f];
  if (!config)
    return self;
  self->any_forbidden_from = xcalloc(g->file_count + 1, sizeof(bool));
  self->forbidden_from = xcalloc(config->forbidden_count + 1, sizeof(bool *));
  self->forbidden_to = xcalloc(config->forbidden_count + 1, sizeof(bool *));
  for (size_t r = 0; r < config->forbidden_count; r++) {
    const config_forbidden *entry = &config->forbidden[r];
    self->forbidden_from[r] = xcalloc(g->file_count + 1, sizeof(bool));
    self->forbidden_to[r] = xcalloc(g->file_count + 1, sizeof(bool));
    contracts__mark(self, entry->from, entry->from_count, self->forbidden_from[r]);
    contracts__mark(self, entry->to, entry->to_count, self->forbidden_to[r]);
    for (size_t f = 0; f < g->file_count; f++)
      self->any_forbidden_from[f] = self->any_forbidden_from[f] || self->forbidden_from[r][f];
  }
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
    free(question->stop);
    free(question->owned_targets);
    if (!question->shared_mask)
      free(question->mask);
  }
  free(self->questions);
  for (size_t r = 0; r < self->reach_count; r++)
    graph_reach_delete(self->reaches[r]);
  free(self->reaches);
  for (size_t r = 0; self->config && r < self->config->forbidden_count; r++) {
    free(self->forbidden_from[r]);
    free(self->forbidden_to[r]);
  }
  free(self->forbidden_from);
  free(self->forbidden_to);
  free(self->any_forbidden_from);
  for (size_t i = 0; i < self->selector_count; i++)
    free(self->selector_files[i]);
  free(self->selector_keys);
  free(self->selector_files);
  for (size_t i = 0; i < self->external_count; i++)
    free(self->external_files[i]);
  free(self->external_keys);
  free(self->external_scopes);
  free(self->external_files);
  free(self->ignored);
  free(self->unresolved_ignored);
  free(self->ignore_used);
  free(self->unresolved_start);
  free(self);
}
