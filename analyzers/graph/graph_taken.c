// Joins exact mode's facts onto the every-branch graph: which include edges
// the build's translation units take.
#include "graph.h"

#include <string.h>

// The first edge of from at line (edges are sorted by from, line, to), or
// edge_count when there is none.
static size_t graph_taken__first_edge(const graph *self, uint32_t from, uint32_t line) {
  size_t low = self->out_start[from], high = self->out_start[from + 1];
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (self->edges[middle].line < line)
      low = middle + 1;
    else
      high = middle;
  }
  return low < self->out_start[from + 1] && self->edges[low].line == line ? low : self->edge_count;
}

// The include fact of file at line: the directive the compiler took.
static const fact_dependency *graph_taken__directive(const graph_file *file, uint32_t line) {
  for (size_t d = 0; d < file->facts->dependency_count; d++) {
    const fact_dependency *dependency = &file->facts->dependencies[d];
    if (dependency->kind == FACT_DEP_INCLUDE && dependency->line == line)
      return dependency;
  }
  return NULL;
}

// Marks the unresolved includes of from at line taken (they are sorted by
// from, line, target).
static void graph_taken__unresolved(graph *self, uint32_t from, uint32_t line, uint32_t units) {
  size_t low = 0, high = self->unresolved_count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    const graph_unresolved *entry = &self->unresolved[middle];
    if (entry->from < from || (entry->from == from && entry->line < line))
      low = middle + 1;
    else
      high = middle;
  }
  for (size_t i = low; i < self->unresolved_count; i++) {
    graph_unresolved *entry = &self->unresolved[i];
    if (entry->from != from || entry->line != line)
      break;
    entry->taken = GRAPH_TAKEN_YES;
    entry->taken_by += units;
  }
}

// Marks the edges of from at line into generated nodes (config
// `generated`) taken.
static void graph_taken__generated(graph *self, uint32_t from, uint32_t line, size_t built_edges,
                                   uint32_t units) {
  for (size_t e = graph_taken__first_edge(self, from, line);
       e < built_edges && self->edges[e].from == from && self->edges[e].line == line; e++) {
    graph_edge *edge = &self->edges[e];
    if (edge->kind == FACT_DEP_INCLUDE && self->files[edge->to].generated) {
      edge->taken = GRAPH_TAKEN_YES;
      edge->taken_by += units;
    }
  }
}

void graph_mark_taken(graph *self, const graph_taken_build *build) {
  self->exact = true;
  self->exact_units = build->unit_count;
  for (size_t i = 0; i < build->opened_count; i++) {
    int64_t file = graph_find_file(self, build->opened[i]);
    if (file >= 0)
      self->files[file].opened_by = build->opened_units[i];
  }
  // What a file some unit opens holds is not taken unless shown taken.
  for (size_t e = 0; e < self->edge_count; e++)
    if (self->edges[e].kind == FACT_DEP_INCLUDE && self->files[self->edges[e].from].opened_by)
      self->edges[e].taken = GRAPH_TAKEN_NO;
  for (size_t u = 0; u < self->unresolved_count; u++) {
    graph_unresolved *entry = &self->unresolved[u];
    if (entry->origin && entry->origin->kind == FACT_DEP_INCLUDE &&
        self->files[entry->from].opened_by)
      entry->taken = GRAPH_TAKEN_NO;
  }
  size_t built_edges = self->edge_count;
  for (size_t i = 0; i < build->include_count; i++) {
    const graph_taken_include *include = &build->includes[i];
    int64_t from = graph_find_file(self, include->from);
    if (from < 0)
      continue; // excluded, or no file strata reads
    // An unresolved include the build takes is taken, wherever it leads.
    graph_taken__unresolved(self, (uint32_t)from, include->line, include->units);
    int64_t to = include->to ? graph_find_file(self, include->to) : -1;
    if (to < 0) {
      // A header outside the tree (a build folder), or not made yet: the
      // edge to the generated node that stands for it is taken.
      graph_taken__generated(self, (uint32_t)from, include->line, built_edges, include->units);
      continue;
    }
    bool marked = false;
    for (size_t e = graph_taken__first_edge(self, (uint32_t)from, include->line);
         e < built_edges && self->edges[e].from == from && self->edges[e].line == include->line;
         e++) {
      if (self->edges[e].to == to && self->edges[e].kind == FACT_DEP_INCLUDE) {
        self->edges[e].taken = GRAPH_TAKEN_YES;
        self->edges[e].taken_by += include->units;
        marked = true;
      }
    }
    if (marked)
      continue;
    // The build's include dirs found another file than strata's
    // cxx.include_dirs did (or strata found none): the build's is an edge.
    const fact_dependency *origin = graph_taken__directive(&self->files[from], include->line);
    if (!origin)
      continue;
    graph_edge edge = {.from = (uint32_t)from,
                       .to = (uint32_t)to,
                       .kind = FACT_DEP_INCLUDE,
                       .scope = FACT_SCOPE_MODULE,
                       .line = include->line,
                       .column = origin->column,
                       .origin = origin,
                       .taken = GRAPH_TAKEN_YES,
                       .taken_by = include->units};
    graph_add_edge(self, &edge);
  }
  if (self->edge_count != built_edges)
    graph_finish_edges(self);
}

void graph_keep_taken(graph *self) {
  size_t kept = 0;
  for (size_t e = 0; e < self->edge_count; e++)
    if (self->edges[e].kind != FACT_DEP_INCLUDE || self->edges[e].taken == GRAPH_TAKEN_YES)
      self->edges[kept++] = self->edges[e];
  self->edge_count = kept;
  graph_finish_edges(self);
}
