#include "graph_path.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *graph_selection_kind_name(graph_selection_kind kind) {
  switch (kind) {
  case GRAPH_SELECT_COMPONENT:
    return "component";
  case GRAPH_SELECT_FILE:
    return "file";
  case GRAPH_SELECT_MODULE:
    return "module";
  }
  return "file";
}

static bool graph_path__mark_component(const graph *dependency_graph, const strata_config *config,
                                       const char *name, bool *selected) {
  for (size_t c = 0; config && c < config->component_count; c++) {
    if (strcmp(config->components[c].name, name) != 0)
      continue;
    bool any = false;
    for (size_t i = 0; i < dependency_graph->file_count; i++)
      if (dependency_graph->files[i].component == (int)c)
        any = selected[i] = true;
    return any;
  }
  return false;
}

static bool graph_path__mark_file(const graph *dependency_graph, const char *name, bool *selected) {
  int64_t index = graph_find_file(dependency_graph, name);
  if (index >= 0) {
    selected[index] = true;
    return true;
  }
  for (size_t i = 0; i < dependency_graph->file_count; i++) {
    const char *module = dependency_graph->files[i].module;
    if (dependency_graph->files[i].language == STRATA_LANG_PYTHON && module &&
        strcmp(module, name) == 0) {
      selected[i] = true;
      return true;
    }
  }
  return false;
}

// A text equal to prefix or starting with prefix and then separator.
static bool graph_path__under(const char *text, const char *prefix, char separator) {
  size_t length = strlen(prefix);
  return text && strncmp(text, prefix, length) == 0 &&
         (text[length] == '\0' || text[length] == separator);
}

static bool graph_path__mark_module(const graph *dependency_graph, const char *name,
                                    bool *selected) {
  bool any = false;
  for (size_t i = 0; i < dependency_graph->file_count; i++) {
    const graph_file *file = &dependency_graph->files[i];
    bool python_module = file->language == STRATA_LANG_PYTHON && file->module;
    if ((python_module && graph_path__under(file->module, name, '.')) ||
        graph_path__under(file->path, name, '/'))
      any = selected[i] = true;
  }
  return any;
}

bool graph_path_select(const graph *dependency_graph, const strata_config *config, const char *name,
                       bool *selected, graph_selection_kind *kind) {
  memset(selected, 0, dependency_graph->file_count * sizeof(bool));
  static const struct {
    const char *prefix;
    graph_selection_kind kind;
  } qualifiers[] = {{"component:", GRAPH_SELECT_COMPONENT},
                    {"file:", GRAPH_SELECT_FILE},
                    {"module:", GRAPH_SELECT_MODULE}};
  for (size_t q = 0; q < sizeof(qualifiers) / sizeof(qualifiers[0]); q++) {
    size_t length = strlen(qualifiers[q].prefix);
    if (strncmp(name, qualifiers[q].prefix, length) != 0)
      continue;
    *kind = qualifiers[q].kind;
    const char *rest = name + length;
    switch (qualifiers[q].kind) {
    case GRAPH_SELECT_COMPONENT:
      return graph_path__mark_component(dependency_graph, config, rest, selected);
    case GRAPH_SELECT_FILE:
      return graph_path__mark_file(dependency_graph, rest, selected);
    case GRAPH_SELECT_MODULE:
      return graph_path__mark_module(dependency_graph, rest, selected);
    }
  }
  // Unqualified: the layering question ("why does c10 reach torch?") is the
  // common one, so components come first.
  *kind = GRAPH_SELECT_COMPONENT;
  if (graph_path__mark_component(dependency_graph, config, name, selected))
    return true;
  // A Python module name is taken as the module with everything below it,
  // so `torch.nn` means the package, not only its __init__.py.
  *kind = GRAPH_SELECT_FILE;
  int64_t index = graph_find_file(dependency_graph, name);
  if (index >= 0) {
    selected[index] = true;
    return true;
  }
  *kind = GRAPH_SELECT_MODULE;
  return graph_path__mark_module(dependency_graph, name, selected);
}

size_t graph_path_shortest(const graph *dependency_graph, const bool *from, const bool *to,
                           uint32_t **edges) {
  *edges = NULL;
  size_t count = dependency_graph->file_count;
  // Breadth first from every start file at once; parent_edge leads back.
  uint32_t *queue = xmalloc((count + 1) * sizeof(uint32_t));
  uint32_t *parent_edge = xmalloc((count + 1) * sizeof(uint32_t));
  bool *seen = xcalloc(count + 1, sizeof(bool));
  size_t head = 0, tail = 0;
  for (size_t i = 0; i < count; i++)
    if (from[i]) {
      seen[i] = true;
      parent_edge[i] = UINT32_MAX;
      queue[tail++] = (uint32_t)i;
    }
  size_t found = SIZE_MAX; // the last edge of the chain
  while (head < tail && found == SIZE_MAX) {
    uint32_t file = queue[head++];
    for (size_t e = dependency_graph->out_start[file]; e < dependency_graph->out_start[file + 1];
         e++) {
      uint32_t target = dependency_graph->edges[e].to;
      if (to[target]) {
        found = e;
        break;
      }
      if (seen[target])
        continue;
      seen[target] = true;
      parent_edge[target] = (uint32_t)e;
      queue[tail++] = target;
    }
  }
  size_t length = 0;
  if (found != SIZE_MAX) {
    length = 1;
    for (uint32_t file = dependency_graph->edges[found].from; parent_edge[file] != UINT32_MAX;
         file = dependency_graph->edges[parent_edge[file]].from)
      length++;
    *edges = xmalloc(length * sizeof(uint32_t));
    size_t slot = length;
    (*edges)[--slot] = (uint32_t)found;
    for (uint32_t file = dependency_graph->edges[found].from; parent_edge[file] != UINT32_MAX;
         file = dependency_graph->edges[parent_edge[file]].from)
      (*edges)[--slot] = parent_edge[file];
  }
  free(queue);
  free(parent_edge);
  free(seen);
  return length;
}
