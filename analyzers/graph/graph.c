#include "graph.h"

#include "frontend.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

graph *graph_new(void) {
  graph *self = xcalloc(1, sizeof(graph));
  self->path_index = strmap_new();
  return self;
}

void graph_delete(graph *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->file_count; i++) {
    free(self->files[i].path);
    free(self->files[i].module);
    file_facts_delete(self->files[i].facts);
  }
  free(self->files);
  free(self->edges);
  for (size_t i = 0; i < self->unresolved_count; i++) {
    free(self->unresolved[i].target);
    free(self->unresolved[i].hint);
  }
  free(self->unresolved);
  for (size_t i = 0; i < self->template_count; i++)
    free(self->templates[i]);
  free(self->templates);
  free(self->out_start);
  strmap_delete(self->path_index);
  free(self);
}

uint32_t graph_add_file(graph *self, const char *path, strata_language language,
                        file_facts *facts) {
  XGROW(self->files, self->file_capacity, self->file_count + 1);
  uint32_t index = (uint32_t)self->file_count++;
  graph_file *file = &self->files[index];
  memset(file, 0, sizeof(*file));
  file->path = xstrdup(path);
  file->language = language;
  file->component = -1;
  file->facts = facts ? facts : file_facts_new();
  strmap_put(self->path_index, file->path, strlen(file->path), index);
  return index;
}

int64_t graph_find_file(const graph *self, const char *path) {
  uint32_t index;
  if (!strmap_get(self->path_index, path, strlen(path), &index))
    return -1;
  return index;
}

void graph_take_templates(graph *self, char **templates, size_t count) {
  for (size_t i = 0; i < self->template_count; i++)
    free(self->templates[i]);
  free(self->templates);
  self->templates = templates;
  self->template_count = count;
}

uint32_t graph_add_generated(graph *self, const char *path, const config_generated *entry,
                             const strata_config *config) {
  int64_t existing = graph_find_file(self, path);
  if (existing >= 0)
    return (uint32_t)existing;
  strata_language language = STRATA_LANG_CPP; // a header of no known extension
  frontend_for_path(path, &language);
  uint32_t index = graph_add_file(self, path, language, NULL);
  graph_file *file = &self->files[index];
  file->generated = true;
  file->generated_by = entry->by;
  file->component = entry->component >= 0 ? entry->component
                    : config              ? config_component_of(config, path, language)
                                          : -1;
  file->module =
      language == STRATA_LANG_PYTHON ? python_module_for_path(config, path) : xstrdup(path);
  return index;
}

void graph_add_edge(graph *self, const graph_edge *edge) {
  XGROW(self->edges, self->edge_capacity, self->edge_count + 1);
  self->edges[self->edge_count++] = *edge;
}

void graph_add_unresolved(graph *self, uint32_t from, const char *target, uint32_t line,
                          uint32_t column, const fact_dependency *origin) {
  XGROW(self->unresolved, self->unresolved_capacity, self->unresolved_count + 1);
  graph_unresolved *entry = &self->unresolved[self->unresolved_count++];
  memset(entry, 0, sizeof(*entry));
  entry->from = from;
  entry->target = xstrdup(target);
  entry->line = line;
  entry->column = column;
  entry->origin = origin;
  entry->category = GRAPH_UNRESOLVED_EXTERNAL;
  entry->hint = NULL;
}

static int graph__compare_edges(const void *left, const void *right) {
  const graph_edge *a = left, *b = right;
  if (a->from != b->from)
    return a->from < b->from ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->to != b->to)
    return a->to < b->to ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->scope != b->scope)
    return a->scope < b->scope ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  return 0;
}

static int graph__compare_unresolved(const void *left, const void *right) {
  const graph_unresolved *a = left, *b = right;
  if (a->from != b->from)
    return a->from < b->from ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  int order = strcmp(a->target, b->target);
  if (order)
    return order;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  return 0;
}

// Sorts edges and keeps one per (from, to, line, kind, scope): `from a import
// b, c` where neither is a module names a twice on one line, but it is one
// dependency. The first column wins.
static void graph__sort_and_dedupe(graph *self) {
  if (self->edge_count > 1)
    qsort(self->edges, self->edge_count, sizeof(graph_edge), graph__compare_edges);
  size_t kept = 0;
  for (size_t i = 0; i < self->edge_count; i++) {
    const graph_edge *edge = &self->edges[i];
    if (kept > 0) {
      const graph_edge *last = &self->edges[kept - 1];
      if (last->from == edge->from && last->to == edge->to && last->line == edge->line &&
          last->kind == edge->kind && last->scope == edge->scope)
        continue;
    }
    self->edges[kept++] = *edge;
  }
  self->edge_count = kept;

  if (self->unresolved_count > 1)
    qsort(self->unresolved, self->unresolved_count, sizeof(graph_unresolved),
          graph__compare_unresolved);
  kept = 0;
  for (size_t i = 0; i < self->unresolved_count; i++) {
    graph_unresolved *entry = &self->unresolved[i];
    if (kept > 0) {
      const graph_unresolved *last = &self->unresolved[kept - 1];
      if (last->from == entry->from && last->line == entry->line &&
          strcmp(last->target, entry->target) == 0) {
        free(entry->target);
        free(entry->hint);
        continue;
      }
    }
    self->unresolved[kept++] = *entry;
  }
  self->unresolved_count = kept;
}

typedef struct graph__ranked_file {
  const char *path;
  uint32_t index;
} graph__ranked_file;

static int graph__compare_ranked_files(const void *left, const void *right) {
  return strcmp(((const graph__ranked_file *)left)->path,
                ((const graph__ranked_file *)right)->path);
}

// Puts files back in path order once resolution has added generated nodes
// at the end, renumbering edges and unresolved entries to match.
static void graph__sort_files(graph *self, size_t tree_files) {
  if (self->file_count == tree_files)
    return;
  graph__ranked_file *order = xmalloc(self->file_count * sizeof(graph__ranked_file));
  for (size_t i = 0; i < self->file_count; i++)
    order[i] = (graph__ranked_file){self->files[i].path, (uint32_t)i};
  qsort(order, self->file_count, sizeof(graph__ranked_file), graph__compare_ranked_files);
  uint32_t *new_index = xmalloc(self->file_count * sizeof(uint32_t));
  graph_file *sorted = xmalloc(self->file_count * sizeof(graph_file));
  for (size_t i = 0; i < self->file_count; i++) {
    new_index[order[i].index] = (uint32_t)i;
    sorted[i] = self->files[order[i].index];
  }
  memcpy(self->files, sorted, self->file_count * sizeof(graph_file));
  for (size_t i = 0; i < self->edge_count; i++) {
    self->edges[i].from = new_index[self->edges[i].from];
    self->edges[i].to = new_index[self->edges[i].to];
  }
  for (size_t i = 0; i < self->unresolved_count; i++)
    self->unresolved[i].from = new_index[self->unresolved[i].from];
  for (size_t i = 0; i < self->file_count; i++)
    strmap_put(self->path_index, self->files[i].path, strlen(self->files[i].path), (uint32_t)i);
  free(sorted);
  free(new_index);
  free(order);
}

static void graph__index_edges(graph *self) {
  free(self->out_start);
  self->out_start = xcalloc(self->file_count + 1, sizeof(size_t));
  size_t edge = 0;
  for (size_t file = 0; file <= self->file_count; file++) {
    while (edge < self->edge_count && self->edges[edge].from < file)
      edge++;
    self->out_start[file] = edge;
  }
}

void graph_build(graph *self, const strata_config *config, notice_list *notices) {
  config_component_index *components = config ? config_component_index_new(config) : NULL;
  for (size_t i = 0; i < self->file_count; i++) {
    graph_file *file = &self->files[i];
    file->component =
        components ? config_component_index_of(components, file->path, file->language) : -1;
    free(file->module);
    file->module = file->language == STRATA_LANG_PYTHON ? python_module_for_path(config, file->path)
                                                        : xstrdup(file->path);
  }
  config_component_index_delete(components);
  size_t tree_files = self->file_count;
  // The bridge's index holds file indices, which sorting generated nodes in
  // changes: it lives while the resolvers bind through it.
  self->bridge = graph_bridge_new(self, config);
  resolve_python(self, config, notices);
  resolve_cxx(self, config, notices);
  resolve_ops(self);
  graph_bridge_delete(self->bridge);
  self->bridge = NULL;
  graph__sort_files(self, tree_files);
  graph_finish_edges(self);
  classify_unresolved(self, config, notices);
}

void graph_finish_edges(graph *self) {
  graph__sort_and_dedupe(self);
  graph__index_edges(self);
}
