// Sorts unresolved dependencies into what they name (docs/unresolved.md):
// the standard library or the platform (system_names.h), a file the build
// makes from a template of the tree (generated), a file of the tree that no
// include dir or python root reaches (in_tree, with the folder that would
// reach it when one would), something strata cannot name (unknown), or
// else code outside the tree (external). The in-tree ones are what the user
// can fix: they become notices, one per folder to add.
#include "graph.h"

#include "strbuf.h"
#include "strmap.h"
#include "system_names.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *graph_unresolved_category_name(graph_unresolved_category category) {
  switch (category) {
  case GRAPH_UNRESOLVED_SYSTEM:
    return "system";
  case GRAPH_UNRESOLVED_EXTERNAL:
    return "external";
  case GRAPH_UNRESOLVED_GENERATED:
    return "generated";
  case GRAPH_UNRESOLVED_IN_TREE:
    return "in_tree";
  case GRAPH_UNRESOLVED_UNKNOWN:
  case GRAPH_UNRESOLVED_CATEGORY_COUNT:
    break;
  }
  return "unknown";
}

// Two files end in the same tail: the tail names no one folder.
#define UNRESOLVED_AMBIGUOUS UINT32_MAX

typedef struct unresolved_index {
  // Every '/'-aligned tail of every file's path ("c.h", "b/c.h", "a/b/c.h")
  // -> the file, or UNRESOLVED_AMBIGUOUS. Keys point into the paths.
  strmap *tails;
  // The tails of what the build makes from each template: "x/config.h" of
  // "x/config.h.in", "p/m.pb.h" and "p/m_pb2.py" of "p/m.proto" -> the
  // template's index. Keys live in names.
  strmap *made;
  char **names;
  size_t name_count;
  size_t name_capacity;
} unresolved_index;

static void unresolved__add_tails(strmap *map, const char *path, uint32_t value) {
  size_t length = strlen(path);
  for (size_t start = 0;;) {
    uint32_t existing;
    if (strmap_get(map, path + start, length - start, &existing))
      value = existing == value ? value : UNRESOLVED_AMBIGUOUS;
    strmap_put(map, path + start, length - start, value);
    const char *slash = strchr(path + start, '/');
    if (!slash)
      break;
    start = (size_t)(slash - path) + 1;
  }
}

static void unresolved__add_made(unresolved_index *self, char *name, uint32_t template_index) {
  XGROW(self->names, self->name_capacity, self->name_count + 1);
  self->names[self->name_count++] = name;
  unresolved__add_tails(self->made, name, template_index);
}

static void unresolved__index_build(unresolved_index *self, const graph *files) {
  self->tails = strmap_new();
  self->made = strmap_new();
  for (size_t i = 0; i < files->file_count; i++)
    if (!files->files[i].generated)
      unresolved__add_tails(self->tails, files->files[i].path, (uint32_t)i);
  for (size_t t = 0; t < files->template_count; t++) {
    const char *path = files->templates[t];
    size_t length = strlen(path);
    if (length > 3 && strcmp(path + length - 3, ".in") == 0) {
      unresolved__add_made(self, xstrndup(path, length - 3), (uint32_t)t);
    } else if (length > 6 && strcmp(path + length - 6, ".proto") == 0) {
      unresolved__add_made(self, xasprintf("%.*s.pb.h", (int)(length - 6), path), (uint32_t)t);
      unresolved__add_made(self, xasprintf("%.*s_pb2.py", (int)(length - 6), path), (uint32_t)t);
    }
  }
}

static void unresolved__index_release(unresolved_index *self) {
  strmap_delete(self->tails);
  strmap_delete(self->made);
  for (size_t i = 0; i < self->name_count; i++)
    free(self->names[i]);
  free(self->names);
}

// The folder of path that, put before tail, names it: "a/b" of "a/b/c/d.h"
// for "c/d.h"; "." for the root.
static char *unresolved__folder_of(const char *path, const char *tail) {
  size_t length = strlen(path) - strlen(tail);
  return length == 0 ? xstrdup(".") : xstrndup(path, length - 1);
}

// The one folder that, as an include dir, would make name reach a file of
// the tree other than those the includer's own folder holds (an angled
// include skips that folder on purpose: <numa.h> in c10/util/numa.cpp is
// not c10/util/numa.h). Sets *hint; false when no file ends in name, or the
// files that do lie in more than one folder (*hint stays NULL then, and the
// answer is still true).
static bool unresolved__tree_folder(const graph *files, const unresolved_index *index,
                                    const graph_file *includer, const char *name, bool angled,
                                    char **hint) {
  uint32_t found;
  if (!strmap_get(index->tails, name, strlen(name), &found))
    return false;
  const char *slash = strrchr(includer->path, '/');
  size_t own_length = slash ? (size_t)(slash - includer->path) : 0;
  if (found != UNRESOLVED_AMBIGUOUS) {
    char *folder = unresolved__folder_of(files->files[found].path, name);
    bool own = strlen(folder) == own_length && strncmp(folder, includer->path, own_length) == 0;
    if (own && angled) {
      free(folder);
      return false;
    }
    *hint = folder;
    return true;
  }
  // Several files end in name: a slow look, rare, for the one folder that
  // is not the includer's own.
  size_t name_length = strlen(name);
  char *only = NULL;
  bool several = false;
  for (size_t i = 0; i < files->file_count && !several; i++) {
    const char *path = files->files[i].path;
    size_t length = strlen(path);
    if (files->files[i].generated || length <= name_length ||
        strcmp(path + length - name_length, name) != 0 || path[length - name_length - 1] != '/')
      continue;
    char *folder = unresolved__folder_of(path, name);
    bool own = strlen(folder) == own_length && strncmp(folder, includer->path, own_length) == 0;
    if ((own && angled) || (only && strcmp(only, folder) == 0)) {
      free(folder);
      continue;
    }
    several = only != NULL;
    free(several ? folder : only);
    if (!several)
      only = folder;
  }
  if (!several)
    *hint = only;
  else
    free(only);
  return several || only;
}

// An include no file answered: the platform's, a well-known library's, a
// template's product, or a file of the tree.
static graph_unresolved_category
unresolved__header(const graph *files, const unresolved_index *index, const graph_file *includer,
                   const fact_dependency *origin, const char *name, char **hint) {
  uint32_t found;
  if (system_names_header(name))
    return GRAPH_UNRESOLVED_SYSTEM;
  if (system_names_external_header(name))
    return GRAPH_UNRESOLVED_EXTERNAL;
  if (strmap_get(index->made, name, strlen(name), &found)) {
    if (found != UNRESOLVED_AMBIGUOUS)
      *hint = xstrdup(files->templates[found]);
    return GRAPH_UNRESOLVED_GENERATED;
  }
  // An #include_next that found nothing has passed the tree's files of
  // that name already: what it means lies beyond the tree.
  bool next = origin && origin->statement && strncmp(origin->statement, "#include_next", 13) == 0;
  if (!next &&
      unresolved__tree_folder(files, index, includer, name, origin && origin->angled, hint))
    return GRAPH_UNRESOLVED_IN_TREE;
  return GRAPH_UNRESOLVED_EXTERNAL;
}

// Whether folder ("" for the root) is a Python package: it holds an
// __init__.py (or a stub of one).
static bool unresolved__is_package(const graph *files, const char *folder, size_t length) {
  strbuf path;
  strbuf_init(&path);
  bool package = false;
  static const char *const inits[] = {"__init__.py", "__init__.pyi"};
  for (size_t i = 0; i < 2 && !package; i++) {
    strbuf_clear(&path);
    if (length)
      strbuf_printf(&path, "%.*s/", (int)length, folder);
    strbuf_append_str(&path, inits[i]);
    package = graph_find_file(files, path.data) >= 0;
  }
  strbuf_release(&path);
  return package;
}

// Where the prefix dotted[0..length) would be a file of the tree, as a
// module (a/b.py, .pyi) or a package (a/b/__init__.py): beside a script
// importer (Python puts a script's folder first on sys.path), or below a
// folder that is no package itself, so could be a root (so `import onnx`
// in caffe2/python/onnx is not caffe2/python/onnx: caffe2/python is a
// package). Sets *hint to the folder when one is found; returns the
// category.
static graph_unresolved_category unresolved__module_prefix(const graph *files,
                                                           const unresolved_index *index,
                                                           const graph_file *importer,
                                                           const char *dotted, size_t length,
                                                           strbuf *candidate, char **hint) {
  static const char *const shapes[] = {".py", ".pyi", "/__init__.py", "/__init__.pyi"};
  const char *slash = strrchr(importer->path, '/');
  size_t folder = slash ? (size_t)(slash - importer->path) : 0;
  bool script = !unresolved__is_package(files, importer->path, folder);
  for (size_t s = 0; s < 4; s++) {
    strbuf_clear(candidate);
    if (folder)
      strbuf_append(candidate, importer->path, folder + 1);
    size_t tail_start = candidate->length;
    for (size_t i = 0; i < length; i++)
      strbuf_append_char(candidate, dotted[i] == '.' ? '/' : dotted[i]);
    strbuf_append_str(candidate, shapes[s]);
    const char *tail = candidate->data + tail_start;
    size_t tail_length = candidate->length - tail_start;
    uint32_t found;
    if (strmap_get(index->made, tail, tail_length, &found)) {
      if (found != UNRESOLVED_AMBIGUOUS)
        *hint = xstrdup(files->templates[found]);
      return GRAPH_UNRESOLVED_GENERATED;
    }
    if (script && graph_find_file(files, candidate->data) >= 0) {
      *hint = folder ? xstrndup(importer->path, folder) : xstrdup(".");
      return GRAPH_UNRESOLVED_IN_TREE;
    }
    // A one-part name anywhere else is too common a name to tell ("utils").
    if (memchr(dotted, '.', length) == NULL || !strmap_get(index->tails, tail, tail_length, &found))
      continue;
    if (found == UNRESOLVED_AMBIGUOUS)
      return GRAPH_UNRESOLVED_IN_TREE;
    const char *path = files->files[found].path;
    size_t root = strlen(path) - tail_length;
    if (found != (uint32_t)(importer - files->files) &&
        !unresolved__is_package(files, path, root ? root - 1 : 0)) {
      *hint = root ? xstrndup(path, root - 1) : xstrdup(".");
      return GRAPH_UNRESOLVED_IN_TREE;
    }
  }
  return GRAPH_UNRESOLVED_EXTERNAL;
}

// A module no file answered. `import a.b.c` may name a.b.c or a.b (and take
// c from it): each prefix is tried, longest first.
static graph_unresolved_category unresolved__module(const graph *files,
                                                    const unresolved_index *index,
                                                    const graph_file *importer, const char *dotted,
                                                    char **hint) {
  if (dotted[0] == '.')
    return GRAPH_UNRESOLVED_UNKNOWN; // climbs above the top-level package
  if (system_names_module(dotted))
    return GRAPH_UNRESOLVED_SYSTEM;
  strbuf candidate;
  strbuf_init(&candidate);
  graph_unresolved_category category = GRAPH_UNRESOLVED_EXTERNAL;
  for (size_t length = strlen(dotted); length > 0 && category == GRAPH_UNRESOLVED_EXTERNAL;) {
    category = unresolved__module_prefix(files, index, importer, dotted, length, &candidate, hint);
    while (length > 0 && dotted[length - 1] != '.')
      length--;
    if (length > 0)
      length--;
  }
  strbuf_release(&candidate);
  return category;
}

// One notice per folder that would reach in-tree files (or per name, when
// no one folder would): what the user can fix, with how.
typedef struct unresolved_group {
  bool python;
  const char *hint; // NULL: grouped by name instead
  const graph_unresolved *first;
  size_t count;
} unresolved_group;

static int unresolved__compare_groups(const void *left, const void *right) {
  const unresolved_group *a = left, *b = right;
  if (a->python != b->python)
    return a->python ? 1 : -1;
  const char *a_key = a->hint ? a->hint : a->first->target;
  const char *b_key = b->hint ? b->hint : b->first->target;
  if ((a->hint == NULL) != (b->hint == NULL))
    return a->hint ? -1 : 1;
  return strcmp(a_key, b_key);
}

static void unresolved__notices(const graph *files, notice_list *notices) {
  unresolved_group *groups = NULL;
  char **keys = NULL; // the map's keys, one a group
  size_t count = 0, capacity = 0, key_capacity = 0;
  strmap *by_key = strmap_new();
  strbuf key;
  strbuf_init(&key);
  for (size_t i = 0; i < files->unresolved_count; i++) {
    const graph_unresolved *entry = &files->unresolved[i];
    if (entry->category != GRAPH_UNRESOLVED_IN_TREE)
      continue;
    bool python = files->files[entry->from].language == STRATA_LANG_PYTHON ||
                  (entry->origin && entry->origin->kind == FACT_DEP_CXX_IMPORT);
    strbuf_clear(&key);
    strbuf_printf(&key, "%c%c%s", python ? 'p' : 'c', entry->hint ? 'h' : 'n',
                  entry->hint ? entry->hint : entry->target);
    uint32_t group;
    if (!strmap_get(by_key, key.data, key.length, &group)) {
      XGROW(groups, capacity, count + 1);
      XGROW(keys, key_capacity, count + 1);
      groups[count] = (unresolved_group){python, entry->hint, entry, 0};
      keys[count] = xstrdup(key.data);
      group = (uint32_t)count++;
      strmap_put(by_key, keys[group], key.length, group);
    }
    groups[group].count++;
  }
  if (count > 1)
    qsort(groups, count, sizeof(*groups), unresolved__compare_groups);
  for (size_t g = 0; g < count; g++) {
    const unresolved_group *group = &groups[g];
    const graph_unresolved *first = group->first;
    const char *what = group->python ? "import" : "include";
    strbuf message;
    strbuf_init(&message);
    if (group->count == 1)
      strbuf_printf(&message, "'%s' (%s:%u) names", first->target, files->files[first->from].path,
                    first->line);
    else
      strbuf_printf(&message, "%zu %ss name", group->count, what);
    strbuf_printf(&message, " %s of the tree that no %s reaches",
                  group->count == 1 ? (group->python ? "a module" : "a file")
                                    : (group->python ? "modules" : "files"),
                  group->python ? "python root" : "include dir");
    if (group->count > 1)
      strbuf_printf(&message, ", such as '%s' (%s:%u)", first->target,
                    files->files[first->from].path, first->line);
    if (group->hint)
      strbuf_printf(&message, "; add '%s' to %s", group->hint,
                    group->python ? "python.roots" : "cxx.include_dirs");
    else
      strbuf_append_str(&message, "; more than one folder of the tree holds such a file");
    notice_list_add(notices, NULL, 0, 0, message.data);
    strbuf_release(&message);
  }
  strbuf_release(&key);
  strmap_delete(by_key);
  for (size_t g = 0; g < count; g++)
    free(keys[g]);
  free(keys);
  free(groups);
}

void classify_unresolved(graph *self, const strata_config *config, notice_list *notices) {
  (void)config;
  if (self->unresolved_count == 0)
    return;
  unresolved_index index = {0};
  unresolved__index_build(&index, self);
  for (size_t i = 0; i < self->unresolved_count; i++) {
    graph_unresolved *entry = &self->unresolved[i];
    const graph_file *from = &self->files[entry->from];
    free(entry->hint);
    entry->hint = NULL;
    if (entry->origin && entry->origin->kind == FACT_DEP_OP)
      entry->category = GRAPH_UNRESOLVED_UNKNOWN; // a torch.ops namespace no source defines
    else if (from->language == STRATA_LANG_PYTHON ||
             (entry->origin && entry->origin->kind == FACT_DEP_CXX_IMPORT))
      entry->category = unresolved__module(self, &index, from, entry->target, &entry->hint);
    else if ((entry->origin && entry->origin->computed) || strstr(entry->target, "${"))
      entry->category = GRAPH_UNRESOLVED_UNKNOWN; // or a template's placeholder
    else
      entry->category =
          unresolved__header(self, &index, from, entry->origin, entry->target, &entry->hint);
  }
  unresolved__index_release(&index);
  if (notices)
    unresolved__notices(self, notices);
}
