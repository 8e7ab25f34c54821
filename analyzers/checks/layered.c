#include "layered.h"

#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *layered_member_name(const char *container, const char *path, size_t *length) {
  size_t container_length = strlen(container);
  if (strncmp(path, container, container_length) != 0 || path[container_length] != '/')
    return NULL;
  const char *rest = path + container_length + 1;
  size_t segment = strcspn(rest, "/");
  if (rest[segment] == '\0') { // a file right in the container: its name less the extension
    const char *dot = strrchr(rest, '.');
    if (dot && dot != rest)
      segment = (size_t)(dot - rest);
  }
  *length = segment;
  return rest;
}

static int layered__find(char *const *names, size_t count, const char *name, size_t length) {
  for (size_t i = 0; i < count; i++)
    if (strlen(names[i]) == length && strncmp(names[i], name, length) == 0)
      return (int)i;
  return -1;
}

// The index into entry->names of the layer path lies in, inside container,
// or -1.
static int layered__name(const config_layered *entry, const char *container, const char *path) {
  size_t length;
  const char *name = layered_member_name(container, path, &length);
  return name ? layered__find(entry->names, entry->name_count, name, length) : -1;
}

bool layered_edge_breaks(const strata_config *config, const graph *dependency_graph,
                         const graph_edge *edge, strbuf *out) {
  if (!config)
    return false;
  const char *from = dependency_graph->files[edge->from].path;
  const char *to = dependency_graph->files[edge->to].path;
  for (size_t r = 0; r < config->layered_count; r++) {
    const config_layered *entry = &config->layered[r];
    if (!(entry->scopes & (1u << edge->scope)))
      continue; // the entry does not count dependencies of this scope
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

void layered_each_unlisted(const strata_config *config, const graph *dependency_graph,
                           layered_unlisted_report report, void *context) {
  if (!config)
    return;
  strmap *seen = strmap_new();
  for (size_t r = 0; r < config->layered_count; r++) {
    const config_layered *entry = &config->layered[r];
    if (!entry->exhaustive)
      continue;
    for (size_t c = 0; c < entry->container_count; c++) {
      const char *container = entry->containers[c];
      strmap_delete(seen);
      seen = strmap_new();
      for (size_t f = 0; f < dependency_graph->file_count; f++) {
        const graph_file *file = &dependency_graph->files[f];
        size_t length;
        const char *name =
            file->generated ? NULL : layered_member_name(container, file->path, &length);
        // The container's own __init__ is no member of it.
        if (!name || length == 0 || (length == 8 && strncmp(name, "__init__", 8) == 0))
          continue;
        if (layered__find(entry->names, entry->name_count, name, length) >= 0 ||
            layered__find(entry->exhaustive_ignores, entry->exhaustive_ignore_count, name,
                          length) >= 0 ||
            strmap_get(seen, name, length, &(uint32_t){0}))
          continue;
        strmap_put(seen, name, length, (uint32_t)f);
        char *owned = xstrndup(name, length);
        report(context, entry, container, owned, file);
        free(owned);
      }
    }
  }
  strmap_delete(seen);
}
