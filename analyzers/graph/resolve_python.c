// Resolves Python imports to files of the tree.
//
// Modules are named from python roots: ROOT/a/b/c.py is a.b.c and
// ROOT/a/b/__init__.py is a.b, under the deepest root that holds the file.
// `import a.b.c` goes to the longest prefix of a.b.c that is a module of the
// tree (or that config's `generated` declares: a generated node); `from a.b
// import c` to a.b.c when that is a module, else to the longest prefix of
// a.b; relative imports count from the importer's package. A file that
// python.scripts says is run as a script finds modules beside it first, as
// Python puts a script's folder first on sys.path.
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

// The dotted module of a path below a root ("a/b/c.py" is a.b.c,
// "a/b/__init__.py" is a.b), or NULL for no module (the root's own
// __init__.py, a file that is no Python). The caller frees it.
static char *resolve__module_below(const char *below) {
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
  return below ? resolve__module_below(below) : NULL;
}

typedef struct resolver {
  graph *graph;
  const strata_config *config;
  strmap *modules; // dotted name -> file index
  // The names files have under roots other than their deepest (the map's
  // keys for them live here).
  char **other_names;
  size_t other_name_count;
  size_t other_name_capacity;
} resolver;

// A file under two roots is importable by two names (test/jit/x.py is
// jit.x from root test, test.jit.x from root "."): the deepest root names
// it, and the others' names reach it too, unless a file holds that name
// already.
static void resolve__other_names(resolver *self) {
  const strata_config *config = self->config;
  for (size_t i = 0; config && config->python_root_count > 1 && i < self->graph->file_count; i++) {
    const graph_file *file = &self->graph->files[i];
    if (file->language != STRATA_LANG_PYTHON || !file->module || file->generated)
      continue;
    for (size_t r = 0; r < config->python_root_count; r++) {
      const char *below;
      if (!resolve__root_holds(config->python_roots[r], file->path, &below))
        continue;
      char *name = resolve__module_below(below);
      uint32_t existing;
      if (!name || strcmp(name, file->module) == 0 ||
          strmap_get(self->modules, name, strlen(name), &existing)) {
        free(name);
        continue;
      }
      XGROW(self->other_names, self->other_name_capacity, self->other_name_count + 1);
      self->other_names[self->other_name_count++] = name;
      strmap_put(self->modules, name, strlen(name), (uint32_t)i);
    }
  }
}

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

// Longest prefix of name[0..length) (cut at dots) that is a module; its
// length in *found (when not NULL).
static bool resolve__longest_prefix(const resolver *self, const char *name, size_t length,
                                    uint32_t *file, size_t *found) {
  while (length > 0) {
    if (strmap_get(self->modules, name, length, file) ||
        resolve__generated(self, name, length, file)) {
      if (found)
        *found = length;
      return true;
    }
    while (length > 0 && name[length - 1] != '.')
      length--;
    if (length > 0)
      length--; // the dot
  }
  return false;
}

// The scope of an import from file from: a stub's imports never run, only
// type checkers follow them.
static fact_scope resolve__scope(const resolver *self, uint32_t from,
                                 const fact_dependency *dependency) {
  return python_path_is_stub(self->graph->files[from].path) ? FACT_SCOPE_TYPE_CHECKING
                                                            : dependency->scope;
}

static void resolve__edge(resolver *self, uint32_t from, uint32_t to,
                          const fact_dependency *dependency) {
  if (from == to)
    return; // an import of the importing module itself is no edge
  fact_scope scope = resolve__scope(self, from, dependency);
  graph_edge edge = {.from = from,
                     .to = to,
                     .kind = dependency->kind == FACT_DEP_CXX_IMPORT ? FACT_DEP_CXX_IMPORT
                                                                     : FACT_DEP_IMPORT,
                     .scope = scope,
                     .line = dependency->line,
                     .column = dependency->column,
                     .origin = dependency};
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

// Whether file is run as a script (python.scripts).
static bool resolve__is_script(const resolver *self, const graph_file *file) {
  for (size_t i = 0; self->config && i < self->config->python_script_count; i++)
    if (glob_match(self->config->python_scripts[i], file->path))
      return true;
  return false;
}

// The file of the tree beside script that the dotted name[0..length) names
// (a module or a package), or -1.
static int64_t resolve__beside(const resolver *self, const graph_file *script, const char *name,
                               size_t length, strbuf *scratch) {
  const char *slash = strrchr(script->path, '/');
  size_t folder = slash ? (size_t)(slash - script->path) + 1 : 0;
  static const char *const shapes[] = {"/__init__.py", ".py"};
  for (size_t s = 0; s < 2; s++) {
    strbuf_clear(scratch);
    strbuf_append(scratch, script->path, folder);
    for (size_t i = 0; i < length; i++)
      strbuf_append_char(scratch, name[i] == '.' ? '/' : name[i]);
    strbuf_append_str(scratch, shapes[s]);
    int64_t found = graph_find_file(self->graph, scratch->data);
    if (found >= 0)
      return found;
  }
  return -1;
}

// The file beside script that the longest prefix of the dotted name names,
// or -1 (a folder without __init__.py is a namespace package: a.b is
// a/b.py whether or not a/__init__.py exists).
static int64_t resolve__beside_prefix(const resolver *self, const graph_file *script,
                                      const char *name, strbuf *scratch) {
  for (size_t length = strlen(name); length > 0;) {
    int64_t found = resolve__beside(self, script, name, length, scratch);
    if (found >= 0)
      return found;
    while (length > 0 && name[length - 1] != '.')
      length--;
    if (length > 0)
      length--;
  }
  return -1;
}

// Resolves an absolute import of a script when what it names lies beside
// it: the script's folder is first on sys.path, so it answers for that name
// as a python root would (longest prefix, `from a import b` as a.b when that
// is a module). Returns false, adding nothing, for any other import.
static bool resolve__script(resolver *self, uint32_t from, const fact_dependency *dependency,
                            strbuf *scratch) {
  const graph_file *script = &self->graph->files[from];
  const char *name = dependency->target;
  if (dependency->level != 0 || !resolve__is_script(self, script))
    return false;
  // `from a import b` is a.b when that is a module beside the script, even
  // where a is a folder without __init__.py (a namespace package).
  size_t name_count = dependency->is_from ? dependency->name_count : 0;
  int64_t *named = xcalloc(name_count + 1, sizeof(int64_t));
  bool any = false;
  strbuf joined;
  strbuf_init(&joined);
  for (uint32_t n = 0; n < name_count; n++) {
    named[n] = -1;
    if (strcmp(dependency->names[n], "*") == 0)
      continue;
    strbuf_clear(&joined);
    strbuf_printf(&joined, "%s.%s", name, dependency->names[n]);
    named[n] = resolve__beside(self, script, joined.data, joined.length, scratch);
    any = any || named[n] >= 0;
  }
  strbuf_release(&joined);
  int64_t prefix = resolve__beside_prefix(self, script, name, scratch);
  bool beside = any || prefix >= 0;
  bool fell_back = name_count == 0;
  for (uint32_t n = 0; beside && n < name_count; n++) {
    if (named[n] >= 0)
      resolve__edge(self, from, (uint32_t)named[n], dependency);
    else
      fell_back = true;
  }
  if (beside && fell_back && prefix >= 0)
    resolve__edge(self, from, (uint32_t)prefix, dependency);
  free(named);
  return beside;
}

static void resolve__bound_or_prefix(resolver *self, uint32_t from, const strbuf *absolute,
                                     const fact_dependency *dependency);

static void resolve__dependency(resolver *self, uint32_t from, const fact_dependency *dependency,
                                strbuf *absolute, strbuf *candidate) {
  if (resolve__script(self, from, dependency, candidate))
    return;
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
        // An extension module's submodule is the module Python imports,
        // whatever stub describes it.
        if (graph_bridge_longest(self->graph->bridge, candidate->data, candidate->length, true)) {
          graph_bridge_bind(self->graph, from, candidate->data, candidate->length, dependency,
                            FACT_DEP_BINDING, resolve__scope(self, from, dependency));
          continue;
        }
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
  resolve__bound_or_prefix(self, from, absolute, dependency);
}

// Resolves the dotted absolute for dependency to the longest prefix a
// module or an extension module answers: the extension module wins a tie
// (Python's finders try extension modules first, and torch/_C/*.pyi only
// describe them), and a longer Python module wins over it.
static void resolve__bound_or_prefix(resolver *self, uint32_t from, const strbuf *absolute,
                                     const fact_dependency *dependency) {
  uint32_t to;
  size_t module_length = 0;
  bool module =
      resolve__longest_prefix(self, absolute->data, absolute->length, &to, &module_length);
  size_t bound = graph_bridge_longest(self->graph->bridge, absolute->data, absolute->length, false);
  if (bound && bound >= module_length) {
    graph_bridge_bind(self->graph, from, absolute->data, bound, dependency,
                      dependency->kind == FACT_DEP_CXX_IMPORT ? FACT_DEP_CXX_IMPORT
                                                              : FACT_DEP_BINDING,
                      resolve__scope(self, from, dependency));
    return;
  }
  if (module)
    resolve__edge(self, from, to, dependency);
  else
    graph_add_unresolved(self->graph, from, absolute->data, dependency->line, dependency->column,
                         dependency);
}

void resolve_python(graph *self, const strata_config *config, notice_list *notices) {
  (void)notices;
  resolver state = {.graph = self, .config = config, .modules = strmap_new()};
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
  resolve__other_names(&state);
  strbuf absolute, candidate;
  strbuf_init(&absolute);
  strbuf_init(&candidate);
  // Generated nodes are added as the walk goes: files[] may move, so each
  // file is looked up by index, and the nodes added have no facts to walk.
  size_t tree_files = self->file_count;
  for (size_t i = 0; i < tree_files; i++) {
    const file_facts *facts = self->files[i].facts;
    bool python = self->files[i].language == STRATA_LANG_PYTHON;
    for (size_t d = 0; d < facts->dependency_count; d++) {
      const fact_dependency *dependency = &facts->dependencies[d];
      if (python && dependency->kind == FACT_DEP_IMPORT) {
        resolve__dependency(&state, (uint32_t)i, dependency, &absolute, &candidate);
      } else if (!python && dependency->kind == FACT_DEP_CXX_IMPORT) {
        // C/C++ importing a Python module by name: an absolute import.
        strbuf_clear(&absolute);
        strbuf_append_str(&absolute, dependency->target);
        resolve__bound_or_prefix(&state, (uint32_t)i, &absolute, dependency);
      }
    }
  }
  strbuf_release(&absolute);
  strbuf_release(&candidate);
  strmap_delete(state.modules);
  for (size_t i = 0; i < state.other_name_count; i++)
    free(state.other_names[i]);
  free(state.other_names);
}
