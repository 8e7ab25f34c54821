// The bridge between Python and C/C++ (docs/bridge.md): what one language
// defines for the other, indexed by name, and the binders that turn the
// other side's uses into edges of their own kinds.
//
// - binding: a Python import of an extension module or a submodule goes to
//   the C/C++ files that define it (the PyModuleDef's name, the
//   def_submodule call, PYBIND11_MODULE, PyInit_), or that
//   bridge.extension_modules says build it; never to a parent package's
//   __init__.py, nor to a stub that only describes it. A submodule whose
//   parent the code does not say binds under every extension module.
// - op: `torch.ops.ns.op` goes to the files defining the op when one is
//   written literally, else to those defining the namespace
//   (TORCH_LIBRARY, Library("ns", "DEF")), else to those adding to it
//   (TORCH_LIBRARY_FRAGMENT; a Python Library("ns", "FRAGMENT") adds at run
//   time and binds nothing), C/C++ definitions before Python ones at each
//   step.
//   TORCH_LIBRARY_IMPL only adds kernels: no use binds to it.
// - cxx_import: resolved with the Python modules (graph/resolve_python.c).
#include "graph.h"

#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct bridge_site {
  uint32_t file;
  const fact_bridge *fact; // NULL: a file bridge.extension_modules names
} bridge_site;

typedef struct bridge_list {
  bridge_site *sites;
  size_t count;
  size_t capacity;
} bridge_list;

struct graph_bridge {
  strmap *modules;    // full dotted name -> list
  strmap *relative;   // submodule chain whose parent the code does not say -> list
  strmap *namespaces; // torch.ops namespace (TORCH_LIBRARY, DEF) -> list
  strmap *fragments;  // namespace (TORCH_LIBRARY_FRAGMENT, FRAGMENT) -> list
  strmap *ops;        // "ns.op" -> list
  bridge_list *lists;
  size_t list_count;
  size_t list_capacity;
  char **keys; // the maps' keys, owned here
  size_t key_count;
  size_t key_capacity;
};

bool graph_edge_is_bridge(const graph_edge *edge) {
  return edge->kind == FACT_DEP_BINDING || edge->kind == FACT_DEP_OP ||
         edge->kind == FACT_DEP_CXX_IMPORT;
}

char *graph_edge_bridge_name(const graph_edge *edge) {
  if (!graph_edge_is_bridge(edge) || !edge->origin)
    return NULL;
  const fact_dependency *use = edge->origin;
  if (edge->kind == FACT_DEP_OP)
    return use->name_count == 1 ? xasprintf("%s.%s", use->target, use->names[0])
                                : xstrdup(use->target);
  const fact_bridge *bound = edge->bound;
  if (edge->kind == FACT_DEP_BINDING && bound && bound->parent)
    return xasprintf("%s.%s", bound->parent, bound->name);
  if (edge->kind == FACT_DEP_BINDING && bound)
    return xstrdup(bound->name);
  return xstrdup(use->target);
}

static void graph_bridge__put(graph_bridge *self, strmap *map, const char *key, uint32_t file,
                              const fact_bridge *fact) {
  size_t length = strlen(key);
  uint32_t list;
  if (!strmap_get(map, key, length, &list)) {
    XGROW(self->lists, self->list_capacity, self->list_count + 1);
    list = (uint32_t)self->list_count++;
    self->lists[list] = (bridge_list){0};
    XGROW(self->keys, self->key_capacity, self->key_count + 1);
    char *owned = xstrdup(key);
    self->keys[self->key_count++] = owned;
    strmap_put(map, owned, length, list);
  }
  bridge_list *sites = &self->lists[list];
  // One site per file: a file that defines a name twice binds once.
  for (size_t i = 0; i < sites->count; i++)
    if (sites->sites[i].file == file)
      return;
  XGROW(sites->sites, sites->capacity, sites->count + 1);
  sites->sites[sites->count++] = (bridge_site){file, fact};
}

graph_bridge *graph_bridge_new(const graph *files, const strata_config *config) {
  graph_bridge *self = xcalloc(1, sizeof(graph_bridge));
  self->modules = strmap_new();
  self->relative = strmap_new();
  self->namespaces = strmap_new();
  self->fragments = strmap_new();
  self->ops = strmap_new();
  strbuf key;
  strbuf_init(&key);
  for (size_t i = 0; i < files->file_count; i++) {
    const graph_file *file = &files->files[i];
    bool python = file->language == STRATA_LANG_PYTHON;
    for (size_t b = 0; file->facts && b < file->facts->bridge_count; b++) {
      const fact_bridge *fact = &file->facts->bridges[b];
      // What a Python function defines exists only while it runs (a test's
      // Library("prim", "DEF") inside assertRaises): no other file's use
      // can mean it.
      if (python && fact->scope != FACT_SCOPE_MODULE)
        continue;
      switch (fact->kind) {
      case FACT_BRIDGE_MODULE:
        if (!python)
          graph_bridge__put(self, self->modules, fact->name, (uint32_t)i, fact);
        break;
      case FACT_BRIDGE_SUBMODULE:
        if (python)
          break;
        if (fact->parent) {
          strbuf_clear(&key);
          strbuf_printf(&key, "%s.%s", fact->parent, fact->name);
          graph_bridge__put(self, self->modules, key.data, (uint32_t)i, fact);
        } else {
          graph_bridge__put(self, self->relative, fact->name, (uint32_t)i, fact);
        }
        break;
      case FACT_BRIDGE_LIBRARY:
        graph_bridge__put(self, self->namespaces, fact->name, (uint32_t)i, fact);
        break;
      case FACT_BRIDGE_FRAGMENT:
        // Python adds to a namespace at run time, a test to aten or prim
        // most of all: that defines no name another file could mean.
        if (!python)
          graph_bridge__put(self, self->fragments, fact->name, (uint32_t)i, fact);
        break;
      case FACT_BRIDGE_IMPL:
        break;
      case FACT_BRIDGE_OP:
        strbuf_clear(&key);
        strbuf_printf(&key, "%s.%s", fact->parent, fact->name);
        graph_bridge__put(self, self->ops, key.data, (uint32_t)i, fact);
        break;
      }
    }
  }
  // The modules only the build names: the files of the tree its globs match.
  for (size_t m = 0; config && m < config->extension_module_count; m++) {
    const config_extension_module *entry = &config->extension_modules[m];
    for (size_t i = 0; i < files->file_count; i++) {
      const graph_file *file = &files->files[i];
      if (file->language == STRATA_LANG_PYTHON || file->generated)
        continue;
      for (size_t g = 0; g < entry->file_count; g++) {
        if (glob_match(entry->files[g], file->path)) {
          graph_bridge__put(self, self->modules, entry->module, (uint32_t)i, NULL);
          break;
        }
      }
    }
  }
  strbuf_release(&key);
  return self;
}

void graph_bridge_delete(graph_bridge *self) {
  if (!self)
    return;
  strmap_delete(self->modules);
  strmap_delete(self->relative);
  strmap_delete(self->namespaces);
  strmap_delete(self->fragments);
  strmap_delete(self->ops);
  for (size_t i = 0; i < self->list_count; i++)
    free(self->lists[i].sites);
  free(self->lists);
  for (size_t i = 0; i < self->key_count; i++)
    free(self->keys[i]);
  free(self->keys);
  free(self);
}

// The sites of the module name[0..length): an extension module or a
// submodule of one by its full name, or a submodule whose parent the code
// does not say below the longest extension module that prefixes it. NULL
// when nothing defines it.
static const bridge_list *graph_bridge__lookup(const graph_bridge *self, const char *name,
                                               size_t length) {
  uint32_t list;
  if (strmap_get(self->modules, name, length, &list))
    return &self->lists[list];
  if (strmap_count(self->relative) == 0)
    return NULL;
  for (size_t dot = length; dot-- > 1;) {
    if (name[dot] != '.')
      continue;
    uint32_t relative;
    if (strmap_get(self->relative, name + dot + 1, length - dot - 1, &relative) &&
        graph_bridge__lookup(self, name, dot) != NULL)
      return &self->lists[relative];
  }
  return NULL;
}

size_t graph_bridge_longest(const graph_bridge *self, const char *name, size_t length, bool whole) {
  if (!self)
    return 0;
  while (length > 0) {
    if (graph_bridge__lookup(self, name, length))
      return length;
    if (whole)
      return 0;
    while (length > 0 && name[length - 1] != '.')
      length--;
    if (length > 0)
      length--;
  }
  return 0;
}

static void graph_bridge__edges(graph *self, uint32_t from, const bridge_list *sites,
                                fact_dep_kind kind, const fact_dependency *dependency,
                                fact_scope scope) {
  for (size_t i = 0; i < sites->count; i++) {
    const bridge_site *site = &sites->sites[i];
    if (site->file == from)
      continue;
    graph_edge edge = {.from = from,
                       .to = site->file,
                       .kind = kind,
                       .scope = scope,
                       .line = dependency->line,
                       .column = dependency->column,
                       .origin = dependency,
                       .to_line = site->fact ? site->fact->line : 0,
                       .to_column = site->fact ? site->fact->column : 0,
                       .bound = site->fact};
    graph_add_edge(self, &edge);
  }
}

void graph_bridge_bind(graph *self, uint32_t from, const char *name, size_t length,
                       const fact_dependency *dependency, fact_dep_kind kind, fact_scope scope) {
  const bridge_list *sites = graph_bridge__lookup(self->bridge, name, length);
  if (sites)
    graph_bridge__edges(self, from, sites, kind, dependency, scope);
}

void resolve_ops(graph *self) {
  const graph_bridge *bridge = self->bridge;
  if (!bridge)
    return;
  strbuf key;
  strbuf_init(&key);
  size_t tree_files = self->file_count;
  for (size_t i = 0; i < tree_files; i++) {
    const file_facts *facts = self->files[i].facts;
    for (size_t d = 0; facts && d < facts->dependency_count; d++) {
      const fact_dependency *use = &facts->dependencies[d];
      if (use->kind != FACT_DEP_OP)
        continue;
      // The op where it is defined, else the namespace's definition, else
      // what adds to it; at each step C/C++ definitions first: a Python one
      // (a test's Library("aten", "FRAGMENT")) answers only for a name C++
      // does not define.
      const bridge_list *sites[3] = {NULL, NULL, NULL};
      uint32_t list;
      if (use->name_count == 1) {
        strbuf_clear(&key);
        strbuf_printf(&key, "%s.%s", use->target, use->names[0]);
        if (strmap_get(bridge->ops, key.data, key.length, &list))
          sites[0] = &bridge->lists[list];
      }
      if (strmap_get(bridge->namespaces, use->target, strlen(use->target), &list))
        sites[1] = &bridge->lists[list];
      if (strmap_get(bridge->fragments, use->target, strlen(use->target), &list))
        sites[2] = &bridge->lists[list];
      fact_scope scope =
          python_path_is_stub(self->files[i].path) ? FACT_SCOPE_TYPE_CHECKING : use->scope;
      bool bound = false;
      for (int python = 0; python < 2 && !bound; python++) {
        for (size_t s = 0; s < 3 && !bound; s++) {
          if (!sites[s])
            continue;
          bridge_list chosen = {0};
          for (size_t n = 0; n < sites[s]->count; n++) {
            const bridge_site *site = &sites[s]->sites[n];
            if ((self->files[site->file].language == STRATA_LANG_PYTHON) == (python == 1)) {
              XGROW(chosen.sites, chosen.capacity, chosen.count + 1);
              chosen.sites[chosen.count++] = *site;
            }
          }
          bound = chosen.count > 0;
          graph_bridge__edges(self, (uint32_t)i, &chosen, FACT_DEP_OP, use, scope);
          free(chosen.sites);
        }
      }
      if (!bound) {
        // No source defines the namespace by a literal (prim's operators
        // are registered through RegisterOperators, a test's namespace by
        // a library it loads): an unresolved dependency, so it is seen.
        strbuf_clear(&key);
        strbuf_printf(&key, "torch.ops.%s", use->target);
        if (use->name_count == 1)
          strbuf_printf(&key, ".%s", use->names[0]);
        graph_add_unresolved(self, (uint32_t)i, key.data, use->line, use->column, use);
      }
    }
  }
  strbuf_release(&key);
}
