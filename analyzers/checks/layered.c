#include "layered.h"

#include <string.h>

// The index into entry->names of the layer path lies in, inside container,
// or -1: the first path segment below the container, a file's name without
// its extension.
static int layered__name(const config_layered *entry, const char *container, const char *path) {
  size_t length = strlen(container);
  if (strncmp(path, container, length) != 0 || path[length] != '/')
    return -1;
  const char *rest = path + length + 1;
  size_t segment = strcspn(rest, "/");
  if (rest[segment] == '\0') { // a file right in the container: its name less the extension
    const char *dot = strrchr(rest, '.');
    if (dot && dot != rest)
      segment = (size_t)(dot - rest);
  }
  for (size_t i = 0; i < entry->name_count; i++)
    if (strlen(entry->names[i]) == segment && strncmp(entry->names[i], rest, segment) == 0)
      return (int)i;
  return -1;
}

bool layered_edge_breaks(const strata_config *config, const graph *dependency_graph,
                         const graph_edge *edge, strbuf *out) {
  if (!config)
    return false;
  const char *from = dependency_graph->files[edge->from].path;
  const char *to = dependency_graph->files[edge->to].path;
  for (size_t r = 0; r < config->layered_count; r++) {
    const config_layered *entry = &config->layered[r];
    for (size_t c = 0; c < entry->container_count; c++) {
      const char *container = entry->containers[c];
      int from_name = layered__name(entry, container, from);
      int to_name = from_name < 0 ? -1 : layered__name(entry, container, to);
      if (to_name < 0 || from_name == to_name)
        continue;
      uint32_t from_layer = entry->name_layer[from_name], to_layer = entry->name_layer[to_name];
      // Layers are listed highest first: a smaller index is a higher layer.
      bool up = to_layer < from_layer;
      bool sibling = to_layer == from_layer && entry->layer_independent[from_layer];
      if (!up && !sibling)
        continue;
      if (out && up)
        strbuf_printf(out, "layer '%s' of '%s' must not depend on the higher layer '%s'",
                      entry->names[from_name], container, entry->names[to_name]);
      else if (out)
        strbuf_printf(out,
                      "'%s' and '%s' share the layer '%s' of '%s' and must not depend on each "
                      "other",
                      entry->names[from_name], entry->names[to_name], entry->layers[from_layer],
                      container);
      if (out && entry->why)
        strbuf_printf(out, " (\"%s\")", entry->why);
      return true;
    }
  }
  return false;
}
