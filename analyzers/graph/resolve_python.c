// Resolves Python imports to files of the tree.
//
// Modules are named from python roots: ROOT/a/b/c.py is a.b.c and
// ROOT/a/b/__init__.py is a.b, under the deepest root that holds the file.
// `import a.b.c` goes to the longest prefix of a.b.c that is a module of the
// tree (or that config's `generated` declares: a generated node); `from a.b
// import c` to a.b.c when that is a module, else to the longest prefix of
// a.b; relative imports count from the importer's package.
#include "graph.h"

#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

// The length of path's Python suffix: 3 for ".py", 4 for a ".pyi" stub, 0
// for anything else.
static size_t resolve__suffix(const char *path) {
  size_t length = strlen(path);
  if (length >= 3 && strcmp(path + length - 3, ".py") == 0)
    return 3;
  if (length >= 4 && strcmp(path + length - 4, ".pyi") == 0)
    return 4;
  return 0;
}

bool python_path_is_stub(const char *path) {
  return resolve__suffix(path) == 4;
}

// Whether path is a package's __init__.py (or __init__.pyi).
static bool resolve__is_init(const char *path) {
  size_t suffix = resolve__suffix(path);
  size_t length = strlen(path) - suffix;
  return suffix && length >= 8 && strncmp(path + length - 8, "__init__", 8) == 0 &&
         (length == 8 || path[length - 9] == '/');
}

// Whether root (relative, "." for the whole tree) holds path; sets *rest to
// the part of path below it.
static bool resolve__root_holds(const char *root, const char *path, const char **rest) {
  while (root[0] == '.' && root[1] == '/')
    root += 2;
  size_t length = strlen(root);
  while (length > 0 && root[length - 1] == '/')
    length--;
  if (length == 0 || (length == 1 && root[0] == '.')) {
    *rest = path;
    return true;
  }
  if (strncmp(root, path, length) != 0 || path[length] != '/')
    return false;
  *rest = path + length + 1;
  return true;
}

char *python_module_for_path(const strata_config *config, const char *path) {
  const char *below = NULL;
  size_t best_depth = 0;
  static const char *const default_roots[] = {"."};
  const char *const *roots = config ? (const char *const *)config->python_roots : default_roots;
  size_t root_count = config ? config->python_root_count : 1;
  for (size_t i = 0; i < root_count; i++) {
    const char *rest;
    if (!resolve__root_holds(roots[i], path, &rest))
      continue;
    size_t depth = (size_t)(rest - path);
    if (!below || depth > best_depth) {
      below = rest;
      best_depth = depth;
    }
  }
  if (!below)
    return NULL;
  size_t suffix = resolve__suffix(below);
  if (!suffix)
    return NULL;
  size_t length = strlen(below) - suffix;
  if (resolve__is_init(below))
    length = length >= 9 ? length - 9 : 0; // drop "/__init__"
  if (length == 0)
    return NULL;
  char *module = xstrndup(below, length);
  for (char *c = module; *c; c++)
    if (*c == '/')
      *c = '.';
  return module;
}

typedef struct resolver {
  graph *graph;
  const strata_config *config;
  strmap *modules; // dotted name -> file index
} resolver;

// The generated node of the dotted module name[0..length), when config
// declares one.
static bool resolve__generated(const resolver *self, const char *name, size_t length,
                               uint32_t *file) {
  const config_generated *entry = config_generated_module(self->config, name, length);
  if (!entry)
    return false;
  strbuf path;
  strbuf_init(&path);
  if (entry->dir[0])
    strbuf_printf(&path, "%s/", entry->dir);
  for (size_t i = 0; i < length; i++)
    strbuf_append_char(&path, name[i] == '.' ? '/' : name[i]);
  strbuf_append_str(&path, ".py");
  *file = graph_add_generated(self->graph, path.data, entry, self->config);
  strbuf_release(&path);
  return true;
}

// Longest prefix of name[0..length) (cut at dots) that is a module.
static bool resolve__longest_prefix(const resolver *self, const char *name, size_t length,
                                    uint32_t *file) {
  while (length > 0) {
    if (strmap_get(self->modules, name, length, file) ||
        resolve__generated(self, name, length, file))
      return true;
    while (length > 0 && name[length - 1] != '.')
      length--;
    if (length > 0)
      length--; // the dot
  }
  return false;
}

static void resolve__edge(resolver *self, uint32_t from, uint32_t to,
                          const fact_dependency *dependency) {
  if (from == to)
    return; // an import of the importing module itself is no edge
  // A stub's imports never run: only type checkers follow them.
  fact_scope scope = python_path_is_stub(self->graph->files[from].path) ? FACT_SCOPE_TYPE_CHECKING
                                                                        : dependency->scope;
  graph_edge edge = {from,      to, FACT_DEP_IMPORT, scope, dependency->line, dependency->column,
                     dependency};
  graph_add_edge(self->graph, &edge);
}

// The absolute dotted name a relative import names, in *absolute; false when
// it climbs above the top-level package.
static bool resolve__absolute(const graph_file *file, const fact_dependency *dependency,
                              strbuf *absolute) {
  strbuf_clear(absolute);
  if (dependency->level == 0) {
    strbuf_append_str(absolute, dependency->target);
    return true;
  }
  if (!file->module)
    return false;
  // The importer's package: a package's __init__.py is its own package, a
  // plain module's package is its parent.
  size_t package = strlen(file->module);
  if (!resolve__is_init(file->path)) {
    while (package > 0 && file->module[package - 1] != '.')
      package--;
    if (package == 0)
      return false;
    package--;
  }
  for (uint32_t up = 1; up < dependency->level; up++) {
    while (package > 0 && file->module[package - 1] != '.')
      package--;
    if (package == 0)
      return false;
    package--;
  }
  if (package == 0)
    return false;
  strbuf_append(absolute, file->module, package);
  if (dependency->target[0]) {
    strbuf_append_char(absolute, '.');
    strbuf_append_str(absolute, dependency->target);
  }
  return true;
}

static void resolve__dependency(resolver *self, uint32_t from, const fact_dependency *dependency,
                                strbuf *absolute, strbuf *candidate) {
  const graph_file *file = &self->graph->files[from];
  if (!resolve__absolute(file, dependency, absolute)) {
    strbuf_clear(candidate);
    for (uint32_t i = 0; i < dependency->level; i++)
      strbuf_append_char(candidate, '.');
    strbuf_append_str(candidate, dependency->target);
    graph_add_unresolved(self->graph, from, candidate->data, dependency->line, dependency->column,
                         dependency);
    return;
  }
  uint32_t to;
  bool fell_back = !dependency->is_from || dependency->name_count == 0;
  if (dependency->is_from) {
    for (uint32_t n = 0; n < dependency->name_count; n++) {
      const char *name = dependency->names[n];
      if (strcmp(name, "*") != 0) {
        strbuf_clear(candidate);
        strbuf_append(candidate, absolute->data, absolute->length);
        if (absolute->length)
          strbuf_append_char(candidate, '.');
        strbuf_append_str(candidate, name);
        if (strmap_get(self->modules, candidate->data, candidate->length, &to) ||
            resolve__generated(self, candidate->data, candidate->length, &to)) {
          resolve__edge(self, from, to, dependency);
          continue;
        }
      }
      fell_back = true;
    }
  }
  if (!fell_back)
    return;
  if (resolve__longest_prefix(self, absolute->data, absolute->length, &to))
    resolve__edge(self, from, to, dependency);
  else
    graph_add_unresolved(self->graph, from, absolute->data, dependency->line, dependency->column,
                         dependency);
}

void resolve_python(graph *self, const strata_config *config, notice_list *notices) {
  (void)notices;
  resolver state = {self, config, strmap_new()};
  // Two files can name one module (a/ and a.py, a.py and its stub a.pyi, or
  // the same name under two roots): what runs wins over a stub, then the
  // package, then the first path, as files are in path order.
  for (size_t i = 0; i < self->file_count; i++) {
    const graph_file *file = &self->files[i];
    if (file->language != STRATA_LANG_PYTHON || !file->module)
      continue;
    uint32_t existing;
    size_t length = strlen(file->module);
    if (strmap_get(state.modules, file->module, length, &existing)) {
      const char *kept = self->files[existing].path;
      bool kept_stub = python_path_is_stub(kept), stub = python_path_is_stub(file->path);
      if (kept_stub != stub ? stub : resolve__is_init(kept) || !resolve__is_init(file->path))
        continue;
    }
    strmap_put(state.modules, file->module, length, (uint32_t)i);
  }
  strbuf absolute, candidate;
  strbuf_init(&absolute);
  strbuf_init(&candidate);
  // Generated nodes are added as the walk goes: files[] may move, so each
  // file is looked up by index, and the nodes added have no facts to walk.
  size_t tree_files = self->file_count;
  for (size_t i = 0; i < tree_files; i++) {
    const file_facts *facts = self->files[i].facts;
    if (self->files[i].language != STRATA_LANG_PYTHON)
      continue;
    for (size_t d = 0; d < facts->dependency_count; d++) {
      const fact_dependency *dependency = &facts->dependencies[d];
      if (dependency->kind == FACT_DEP_IMPORT)
        resolve__dependency(&state, (uint32_t)i, dependency, &absolute, &candidate);
    }
  }
  strbuf_release(&absolute);
  strbuf_release(&candidate);
  strmap_delete(state.modules);
}
