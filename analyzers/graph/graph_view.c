#include "graph_view.h"

#include "json_text.h"

#include "cycles.h"
#include "strmap.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

// One line of the file graph, seen between two nodes; sorted so that the
// lines of one node edge, and the edges of one line, come together.
typedef struct view_line {
  uint32_t from_node;
  uint32_t to_node;
  uint32_t from_file;
  uint32_t line;
  bool violation;
  bool in_cycle;
  bool bridge;
} view_line;

const char *graph_view_level_name(graph_view_level level) {
  switch (level) {
  case GRAPH_VIEW_COMPONENT:
    return "component";
  case GRAPH_VIEW_MODULE:
    return "module";
  case GRAPH_VIEW_FILE:
    return "file";
  }
  return "component";
}

bool graph_view_level_parse(const char *text, graph_view_level *level) {
  for (int candidate = GRAPH_VIEW_COMPONENT; candidate <= GRAPH_VIEW_FILE; candidate++)
    if (strcmp(text, graph_view_level_name((graph_view_level)candidate)) == 0) {
      *level = (graph_view_level)candidate;
      return true;
    }
  return false;
}

char *graph_view_module_name(const graph_file *file, unsigned depth) {
  if (depth == 0)
    depth = 1;
  if (file->language == STRATA_LANG_PYTHON && file->module) {
    const char *end = file->module;
    for (unsigned part = 0; part < depth; part++) {
      end = strchr(end, '.');
      if (!end)
        return xstrdup(file->module);
      if (part + 1 < depth)
        end++;
    }
    return xstrndup(file->module, (size_t)(end - file->module));
  }
  const char *last_slash = strrchr(file->path, '/');
  if (!last_slash)
    return xstrdup(file->path);
  const char *end = file->path;
  for (unsigned part = 0; part < depth; part++) {
    const char *slash = strchr(end, '/');
    if (!slash || slash > last_slash)
      break;
    end = slash + 1;
  }
  return xstrndup(file->path, (size_t)(end - file->path - 1));
}

char *graph_view_node_name(const graph_file *file, const strata_config *config,
                           graph_view_level level, unsigned depth) {
  switch (level) {
  case GRAPH_VIEW_COMPONENT:
    if (config && file->component >= 0)
      return xstrdup(config->components[file->component].name);
    return xstrdup(GRAPH_VIEW_UNASSIGNED);
  case GRAPH_VIEW_MODULE:
    return graph_view_module_name(file, depth);
  case GRAPH_VIEW_FILE:
    break;
  }
  return xstrdup(file->path);
}

uint32_t graph_view_focus_file(const graph_view *self) {
  for (size_t i = 0; i < self->file_count; i++)
    if (self->file_node[i] != GRAPH_VIEW_NONE && self->nodes[self->file_node[i]].focus)
      return (uint32_t)i;
  return GRAPH_VIEW_NONE;
}

static json_t *graph_view__end_path(const json_t *properties, const char *end) {
  json_t *side = json_object_get(properties, end);
  return side ? json_object_get(side, "path") : NULL;
}

bool graph_view_finding_is_about(const graph *dependency_graph, size_t edge_index,
                                 const finding *item) {
  const graph_edge *edge = &dependency_graph->edges[edge_index];
  // The properties hold the paths as JSON strings, bytes that are not UTF-8
  // and all (json_text_string).
  const json_t *from_path = graph_view__end_path(item->properties, "from");
  const json_t *to_path = graph_view__end_path(item->properties, "to");
  if (!from_path || !to_path || !item->location.path)
    return false;
  return edge->line == item->location.line && edge->column == item->location.column &&
         strcmp(item->location.path, dependency_graph->files[edge->from].path) == 0 &&
         json_text_string_is(from_path, dependency_graph->files[edge->from].path) &&
         json_text_string_is(to_path, dependency_graph->files[edge->to].path);
}

bool *graph_view_violating_edges(const graph *dependency_graph, const finding_list *findings) {
  bool *violating = xcalloc(dependency_graph->edge_count + 1, sizeof(bool));
  for (size_t f = 0; findings && f < findings->count; f++) {
    const finding *item = &findings->items[f];
    if (!item->location.path)
      continue;
    int64_t from = graph_find_file(dependency_graph, item->location.path);
    if (from < 0)
      continue;
    for (size_t e = dependency_graph->out_start[from]; e < dependency_graph->out_start[from + 1];
         e++)
      if (graph_view_finding_is_about(dependency_graph, e, item))
        violating[e] = true;
  }
  return violating;
}

bool *graph_view_cycle_edges(const graph *dependency_graph, bool *file_in_cycle) {
  cycle_edge_filter *filters[] = {cycles_import_edge, cycles_include_edge};
  bool *in_cycle = xcalloc(dependency_graph->edge_count + 1, sizeof(bool));
  for (size_t k = 0; k < 2; k++) {
    uint32_t component_count = 0;
    uint32_t *ids = cycles_component_ids(dependency_graph, filters[k], &component_count);
    uint32_t *sizes = xcalloc((size_t)component_count + 1, sizeof(uint32_t));
    for (size_t i = 0; i < dependency_graph->file_count; i++)
      sizes[ids[i]]++;
    for (size_t i = 0; i < dependency_graph->file_count; i++)
      if (sizes[ids[i]] >= 2)
        file_in_cycle[i] = true;
    for (size_t e = 0; e < dependency_graph->edge_count; e++) {
      const graph_edge *edge = &dependency_graph->edges[e];
      if (filters[k](edge) && ids[edge->from] == ids[edge->to] && sizes[ids[edge->from]] >= 2)
        in_cycle[e] = true;
    }
    free(sizes);
    free(ids);
  }
  return in_cycle;
}

static int graph_view__group_key(const graph_view_node *node) {
  if (node->unassigned)
    return INT_MAX;
  return node->layer >= 0 ? node->layer : INT_MAX - 1;
}

// A node with the index it had before sorting, so file_node can follow it.
typedef struct view_sorted_node {
  graph_view_node node;
  uint32_t old_index;
} view_sorted_node;

static int graph_view__compare_nodes(const void *a, const void *b) {
  const graph_view_node *left = &((const view_sorted_node *)a)->node;
  const graph_view_node *right = &((const view_sorted_node *)b)->node;
  int left_group = graph_view__group_key(left);
  int right_group = graph_view__group_key(right);
  if (left_group != right_group)
    return left_group < right_group ? -1 : 1;
  return strcmp(left->name, right->name);
}

static int graph_view__compare_lines(const void *a, const void *b) {
  const view_line *left = a;
  const view_line *right = b;
  if (left->from_node != right->from_node)
    return left->from_node < right->from_node ? -1 : 1;
  if (left->to_node != right->to_node)
    return left->to_node < right->to_node ? -1 : 1;
  if (left->from_file != right->from_file)
    return left->from_file < right->from_file ? -1 : 1;
  if (left->line != right->line)
    return left->line < right->line ? -1 : 1;
  return 0;
}

// The number of parts of text[0, length) between separators.
static size_t graph_view__parts_by(const char *text, size_t length, char separator) {
  size_t parts = length > 0;
  for (size_t i = 0; i < length; i++)
    parts += text[i] == separator;
  return parts;
}

static size_t graph_view__parts(const char *path, size_t length) {
  return graph_view__parts_by(path, length, '/');
}

// The length of the first `parts` parts of path (the whole path when it has
// no more).
static size_t graph_view__prefix(const char *path, size_t parts) {
  const char *end = path;
  for (size_t part = 0; part < parts; part++) {
    const char *slash = strchr(end, '/');
    if (!slash)
      return strlen(path);
    end = slash + 1;
  }
  return (size_t)(end - path - 1);
}

// The parts of the deepest python root that holds path ("." has none), or 0.
static size_t graph_view__root_parts(const strata_config *config, const char *path) {
  size_t best = 0;
  for (size_t r = 0; config && r < config->python_root_count; r++) {
    const char *root = config->python_roots[r];
    size_t length = strlen(root);
    if (strcmp(root, ".") == 0 || length == 0)
      continue;
    if (strncmp(path, root, length) == 0 && path[length] == '/') {
      size_t parts = graph_view__parts(root, length);
      best = parts > best ? parts : best;
    }
  }
  return best;
}

// Where a file sits at module level, so that a folder is one node whatever
// the languages of its files: the folder cut to depth parts (below the
// python root that holds it), or for a Python module that is a file of its
// own at that depth ("torch.functional"), NULL. *dotted is the Python name
// of the place (NULL for a file under no python root or not Python).
typedef struct view_place {
  char *folder; // NULL for a Python module file node
  char *dotted;
} view_place;

static view_place graph_view__place(const graph_file *file, const strata_config *config,
                                    unsigned depth) {
  view_place place = {NULL, NULL};
  if (file->language == STRATA_LANG_PYTHON && file->module) {
    place.dotted = graph_view_module_name(file, depth);
    size_t module_parts = graph_view__parts_by(file->module, strlen(file->module), '.');
    size_t kept = graph_view__parts_by(place.dotted, strlen(place.dotted), '.');
    const char *slash = strrchr(file->path, '/');
    bool package = strcmp(slash ? slash + 1 : file->path, "__init__.py") == 0;
    // torch/nn/modules/linear.py at torch.nn drops modules/linear.py.
    size_t dropped = module_parts - kept + package;
    size_t parts = graph_view__parts(file->path, strlen(file->path));
    if (dropped > 0 && dropped < parts)
      place.folder = xstrndup(file->path, graph_view__prefix(file->path, parts - dropped));
    return place;
  }
  const char *last_slash = strrchr(file->path, '/');
  if (!last_slash) {
    place.folder = xstrdup(file->path); // a file in the top folder is its own node
    return place;
  }
  size_t folders = graph_view__parts(file->path, (size_t)(last_slash - file->path));
  size_t kept = graph_view__root_parts(config, file->path) + (depth ? depth : 1);
  place.folder =
      xstrndup(file->path, graph_view__prefix(file->path, kept < folders ? kept : folders));
  return place;
}

// Module-level names, one per place: a folder that holds Python modules and
// other files is one node, named as most of its files would be (its Python
// name, "torch._inductor", or its path, "aten/src"; a tie goes to Python).
// names[i] is the node name of file i and aliases[i] the other name of its
// place (or NULL); the caller frees both arrays and their strings.
static void graph_view__module_names(const graph *dependency_graph, const strata_config *config,
                                     unsigned depth, char **names, char **aliases) {
  size_t count = dependency_graph->file_count;
  view_place *places = xcalloc(count + 1, sizeof(view_place));
  strmap *by_folder = strmap_new();
  // Per folder: the Python files and the others, and a Python name.
  size_t *python = xcalloc(count + 1, sizeof(size_t));
  size_t *other = xcalloc(count + 1, sizeof(size_t));
  uint32_t *dotted_of = xcalloc(count + 1, sizeof(uint32_t)); // a file whose name it takes
  uint32_t *slot_of = xcalloc(count + 1, sizeof(uint32_t));
  uint32_t slots = 0;
  for (size_t i = 0; i < count; i++) {
    places[i] = graph_view__place(&dependency_graph->files[i], config, depth);
    if (!places[i].folder)
      continue;
    uint32_t slot;
    if (!strmap_get(by_folder, places[i].folder, strlen(places[i].folder), &slot)) {
      slot = slots++;
      strmap_put(by_folder, places[i].folder, strlen(places[i].folder), slot);
      dotted_of[slot] = UINT32_MAX;
    }
    slot_of[i] = slot;
    if (places[i].dotted) {
      python[slot]++;
      if (dotted_of[slot] == UINT32_MAX)
        dotted_of[slot] = (uint32_t)i;
    } else {
      other[slot]++;
    }
  }
  for (size_t i = 0; i < count; i++) {
    if (!places[i].folder) {
      names[i] = places[i].dotted;
      aliases[i] = NULL;
      continue;
    }
    uint32_t slot = slot_of[i];
    const char *dotted = dotted_of[slot] != UINT32_MAX ? places[dotted_of[slot]].dotted : NULL;
    bool pythonic = dotted && python[slot] >= other[slot];
    names[i] = xstrdup(pythonic ? dotted : places[i].folder);
    aliases[i] = dotted && strcmp(dotted, places[i].folder) != 0
                     ? xstrdup(pythonic ? places[i].folder : dotted)
                     : NULL;
  }
  for (size_t i = 0; i < count; i++) {
    // A module file node's dotted name went to names[i].
    if (places[i].folder)
      free(places[i].dotted);
    free(places[i].folder);
  }
  strmap_delete(by_folder);
  free(places);
  free(python);
  free(other);
  free(dotted_of);
  free(slot_of);
}

// Creates the nodes and sets file_node: component nodes for every
// configured component (an empty one is part of the map too), otherwise one
// node per distinct name.
static void graph_view__make_nodes(graph_view *self, const graph *dependency_graph) {
  const strata_config *config = self->config;
  size_t capacity = 0;
  strmap *by_name = strmap_new();
  if (self->level == GRAPH_VIEW_COMPONENT) {
    size_t component_count = config ? config->component_count : 0;
    self->nodes = xcalloc(component_count + 1, sizeof(graph_view_node));
    for (size_t c = 0; c < component_count; c++)
      self->nodes[c] =
          (graph_view_node){.name = xstrdup(config->components[c].name), .component = (int)c};
    self->node_count = component_count;
    capacity = component_count + 1;
  }
  char **names = NULL, **aliases = NULL;
  if (self->level == GRAPH_VIEW_MODULE) {
    names = xcalloc(dependency_graph->file_count + 1, sizeof(char *));
    aliases = xcalloc(dependency_graph->file_count + 1, sizeof(char *));
    graph_view__module_names(dependency_graph, config, self->depth, names, aliases);
  }
  for (size_t i = 0; i < dependency_graph->file_count; i++) {
    const graph_file *file = &dependency_graph->files[i];
    if (self->level == GRAPH_VIEW_COMPONENT && file->component >= 0) {
      self->file_node[i] = (uint32_t)file->component;
      continue;
    }
    char *name = names ? names[i] : graph_view_node_name(file, config, self->level, self->depth);
    char *alias = aliases ? aliases[i] : NULL;
    uint32_t index;
    if (strmap_get(by_name, name, strlen(name), &index)) {
      free(name);
      free(alias);
    } else {
      XGROW(self->nodes, capacity, self->node_count + 1);
      index = (uint32_t)self->node_count++;
      self->nodes[index] = (graph_view_node){.name = name,
                                             .alias = alias,
                                             .component = -1,
                                             .unassigned = self->level == GRAPH_VIEW_COMPONENT};
      strmap_put(by_name, name, strlen(name), index);
    }
    self->file_node[i] = index;
  }
  free(names);
  free(aliases);
  strmap_delete(by_name);
}

// Module and file nodes sit with the component most of their files are in.
static void graph_view__assign_components(graph_view *self, const graph *dependency_graph) {
  if (self->level == GRAPH_VIEW_COMPONENT || !self->config)
    return;
  size_t slots = self->config->component_count + 1; // slot 0: no component
  size_t *counts = xcalloc(self->node_count * slots + 1, sizeof(size_t));
  for (size_t i = 0; i < dependency_graph->file_count; i++)
    counts[self->file_node[i] * slots + (size_t)(dependency_graph->files[i].component + 1)]++;
  for (size_t n = 0; n < self->node_count; n++) {
    size_t best = 0;
    for (size_t slot = 1; slot < slots; slot++)
      if (counts[n * slots + slot] > counts[n * slots + best])
        best = slot;
    self->nodes[n].component = (int)best - 1;
  }
  free(counts);
}

static void graph_view__sort_nodes(graph_view *self) {
  size_t count = self->node_count;
  view_sorted_node *sorted = xmalloc((count + 1) * sizeof(view_sorted_node));
  for (size_t n = 0; n < count; n++)
    sorted[n] = (view_sorted_node){self->nodes[n], (uint32_t)n};
  qsort(sorted, count, sizeof(view_sorted_node), graph_view__compare_nodes);
  uint32_t *new_index_of = xmalloc((count + 1) * sizeof(uint32_t));
  for (size_t n = 0; n < count; n++) {
    self->nodes[n] = sorted[n].node;
    new_index_of[sorted[n].old_index] = (uint32_t)n;
  }
  for (size_t i = 0; i < self->file_count; i++)
    self->file_node[i] = new_index_of[self->file_node[i]];
  free(sorted);
  free(new_index_of);
}

// Collapses the file edges into node edges: lines are distinct (file, line)
// pairs, so `import a, b` is one line.
static void graph_view__make_edges(graph_view *self, const graph *dependency_graph,
                                   const bool *violating, const bool *edge_in_cycle) {
  view_line *lines = xmalloc((dependency_graph->edge_count + 1) * sizeof(view_line));
  for (size_t e = 0; e < dependency_graph->edge_count; e++) {
    const graph_edge *edge = &dependency_graph->edges[e];
    lines[e] = (view_line){self->file_node[edge->from],
                           self->file_node[edge->to],
                           edge->from,
                           edge->line,
                           violating[e],
                           edge_in_cycle[e],
                           graph_edge_is_bridge(edge)};
  }
  qsort(lines, dependency_graph->edge_count, sizeof(view_line), graph_view__compare_lines);
  size_t capacity = 0;
  for (size_t e = 0; e < dependency_graph->edge_count;) {
    size_t end = e;
    graph_view_edge edge = {lines[e].from_node, lines[e].to_node, 0, 0, false, 0};
    while (end < dependency_graph->edge_count && lines[end].from_node == edge.from &&
           lines[end].to_node == edge.to) {
      size_t line_end = end;
      bool violation = false, bridge = false;
      while (line_end < dependency_graph->edge_count &&
             graph_view__compare_lines(&lines[end], &lines[line_end]) == 0) {
        violation |= lines[line_end].violation;
        bridge |= lines[line_end].bridge;
        edge.in_cycle |= lines[line_end].in_cycle;
        line_end++;
      }
      edge.lines++;
      edge.violations += violation;
      edge.bridge_lines += bridge;
      end = line_end;
    }
    XGROW(self->edges, capacity, self->edge_count + 1);
    self->edges[self->edge_count++] = edge;
    e = end;
  }
  free(lines);
}

static int64_t graph_view__find_focus(const graph_view *self, const graph *dependency_graph,
                                      const char *name) {
  for (size_t n = 0; n < self->node_count; n++)
    if (strcmp(self->nodes[n].name, name) == 0)
      return (int64_t)n;
  // A place by its other name: "aten/src" for the node "aten.src".
  for (size_t n = 0; n < self->node_count; n++)
    if (self->nodes[n].alias && strcmp(self->nodes[n].alias, name) == 0)
      return (int64_t)n;
  // A file may also be named by its Python module.
  if (self->level == GRAPH_VIEW_FILE)
    for (size_t i = 0; i < dependency_graph->file_count; i++)
      if (dependency_graph->files[i].module && strcmp(dependency_graph->files[i].module, name) == 0)
        return self->file_node[i];
  return -1;
}

static int graph_view__compare_edges(const void *a, const void *b) {
  const graph_view_edge *left = a;
  const graph_view_edge *right = b;
  if (left->from != right->from)
    return left->from < right->from ? -1 : 1;
  if (left->to != right->to)
    return left->to < right->to ? -1 : 1;
  return 0;
}

static int graph_view__compare_bands(const void *a, const void *b) {
  const graph_view_node *left = &((const view_sorted_node *)a)->node;
  const graph_view_node *right = &((const view_sorted_node *)b)->node;
  if (left->band != right->band)
    return left->band < right->band ? -1 : 1;
  if (left->focus != right->focus)
    return left->focus ? -1 : 1;
  return strcmp(left->name, right->name);
}

// Sorts the nodes of a focused view by band (the focus first in its own),
// then by name, renumbering edges and file_node.
static void graph_view__sort_bands(graph_view *self) {
  size_t count = self->node_count;
  view_sorted_node *sorted = xmalloc((count + 1) * sizeof(view_sorted_node));
  for (size_t n = 0; n < count; n++)
    sorted[n] = (view_sorted_node){self->nodes[n], (uint32_t)n};
  qsort(sorted, count, sizeof(view_sorted_node), graph_view__compare_bands);
  uint32_t *new_index_of = xmalloc((count + 1) * sizeof(uint32_t));
  for (size_t n = 0; n < count; n++) {
    self->nodes[n] = sorted[n].node;
    new_index_of[sorted[n].old_index] = (uint32_t)n;
  }
  for (size_t e = 0; e < self->edge_count; e++) {
    self->edges[e].from = new_index_of[self->edges[e].from];
    self->edges[e].to = new_index_of[self->edges[e].to];
  }
  qsort(self->edges, self->edge_count, sizeof(graph_view_edge), graph_view__compare_edges);
  for (size_t i = 0; i < self->file_count; i++)
    if (self->file_node[i] != GRAPH_VIEW_NONE)
      self->file_node[i] = new_index_of[self->file_node[i]];
  free(sorted);
  free(new_index_of);
}

// Keeps the focus node, its direct neighbours and the edges that touch it,
// in bands: what depends on the focus above it, what it depends on below,
// what goes both ways beside it.
static void graph_view__focus(graph_view *self, uint32_t focus) {
  uint32_t *new_index_of = xmalloc((self->node_count + 1) * sizeof(uint32_t));
  bool *keep = xcalloc(self->node_count + 1, sizeof(bool));
  bool *depends = xcalloc(self->node_count + 1, sizeof(bool)); // on the focus
  bool *needed = xcalloc(self->node_count + 1, sizeof(bool));  // by the focus
  keep[focus] = true;
  for (size_t e = 0; e < self->edge_count; e++) {
    if (self->edges[e].from == focus)
      keep[self->edges[e].to] = needed[self->edges[e].to] = true;
    if (self->edges[e].to == focus)
      keep[self->edges[e].from] = depends[self->edges[e].from] = true;
  }
  for (size_t n = 0; n < self->node_count; n++)
    self->nodes[n].band = n == focus || (depends[n] && needed[n]) ? GRAPH_VIEW_BAND_FOCUS
                          : depends[n]                            ? GRAPH_VIEW_BAND_DEPENDENTS
                                                                  : GRAPH_VIEW_BAND_DEPENDENCIES;
  size_t kept = 0;
  for (size_t n = 0; n < self->node_count; n++) {
    if (!keep[n]) {
      free(self->nodes[n].name);
      free(self->nodes[n].alias);
      new_index_of[n] = GRAPH_VIEW_NONE;
      continue;
    }
    new_index_of[n] = (uint32_t)kept;
    self->nodes[kept++] = self->nodes[n];
  }
  self->node_count = kept;
  self->nodes[new_index_of[focus]].focus = true;
  size_t kept_edges = 0;
  for (size_t e = 0; e < self->edge_count; e++) {
    graph_view_edge edge = self->edges[e];
    if (edge.from != focus && edge.to != focus)
      continue;
    edge.from = new_index_of[edge.from];
    edge.to = new_index_of[edge.to];
    self->edges[kept_edges++] = edge;
  }
  self->edge_count = kept_edges;
  for (size_t i = 0; i < self->file_count; i++)
    self->file_node[i] = new_index_of[self->file_node[i]];
  self->focused = true;
  graph_view__sort_bands(self);
  free(keep);
  free(depends);
  free(needed);
  free(new_index_of);
}

static char *graph_view__no_focus(const graph_view *self, const char *name) {
  switch (self->level) {
  case GRAPH_VIEW_COMPONENT:
    return xasprintf("no component named '%s'", name);
  case GRAPH_VIEW_MODULE:
    return xasprintf("no module or folder '%s' at depth %u", name, self->depth);
  case GRAPH_VIEW_FILE:
    break;
  }
  return xasprintf("no file or Python module '%s'", name);
}

graph_view *graph_view_new(const graph *dependency_graph, const strata_config *config,
                           const finding_list *findings, const graph_view_options *options,
                           char **error) {
  graph_view *self = xcalloc(1, sizeof(graph_view));
  self->level = options->level;
  self->depth = options->depth ? options->depth : 1;
  self->config = config;
  self->file_count = dependency_graph->file_count;
  self->file_node = xcalloc(self->file_count + 1, sizeof(uint32_t));
  bool *file_in_cycle = xcalloc(self->file_count + 1, sizeof(bool));
  bool *violating = graph_view_violating_edges(dependency_graph, findings);
  bool *edge_in_cycle = graph_view_cycle_edges(dependency_graph, file_in_cycle);

  graph_view__make_nodes(self, dependency_graph);
  graph_view__assign_components(self, dependency_graph);
  for (size_t n = 0; n < self->node_count; n++) {
    graph_view_node *node = &self->nodes[n];
    node->layer = config && node->component >= 0 ? config->components[node->component].layer : -1;
  }
  graph_view__sort_nodes(self);
  for (size_t i = 0; i < self->file_count; i++) {
    self->nodes[self->file_node[i]].file_count++;
    self->nodes[self->file_node[i]].in_cycle |= file_in_cycle[i];
  }
  graph_view__make_edges(self, dependency_graph, violating, edge_in_cycle);
  if (options->focus) {
    int64_t focus = graph_view__find_focus(self, dependency_graph, options->focus);
    if (focus < 0) {
      *error = graph_view__no_focus(self, options->focus);
      graph_view_delete(self);
      self = NULL;
      goto cleanup;
    }
    graph_view__focus(self, (uint32_t)focus);
  }
cleanup:
  free(file_in_cycle);
  free(violating);
  free(edge_in_cycle);
  return self;
}

void graph_view_delete(graph_view *self) {
  if (!self)
    return;
  for (size_t n = 0; n < self->node_count; n++) {
    free(self->nodes[n].name);
    free(self->nodes[n].alias);
  }
  free(self->nodes);
  free(self->edges);
  free(self->file_node);
  free(self);
}

size_t graph_view_group(const graph_view *self, const graph_view_node *node) {
  if (self->focused)
    return (size_t)node->band;
  size_t layer_count = self->config ? self->config->layer_count : 0;
  if (node->unassigned)
    return layer_count + 1;
  return node->layer >= 0 ? (size_t)node->layer : layer_count;
}

size_t graph_view_group_count(const graph_view *self) {
  if (self->focused)
    return GRAPH_VIEW_BAND_COUNT;
  return (self->config ? self->config->layer_count : 0) + 2;
}

bool graph_view_edge_drawn(const graph_view_edge *edge) {
  return edge->from != edge->to || edge->violations > 0;
}
