// Resolves C, C++ and CUDA #include facts to files of the tree.
//
// `#include "x.h"` is looked up in the including file's folder, then in
// cxx.include_dirs in order; `#include <x.h>` in cxx.include_dirs only.
// `#include_next` skips the own folder and starts after the include dir
// through which the including file itself is reached by the same name.
// Candidates are normalised ("a/./b", "a/../b") relative to the root; the
// first that is a file of the analyzed tree wins. A name no file answers
// that config's `generated` declares goes to a generated node, DIR/NAME.
// Anything else (system and third-party headers, excluded files, names
// leaving the root, computed includes strata could not expand) is
// unresolved under its spelled name.
#include "graph.h"

#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct resolve_cxx_dirs {
  char **paths; // normalised, "" for the root itself
  size_t count;
} resolve_cxx_dirs;

// Sets out to the normalised form of base/name (base may be ""; "." gives
// ""). Returns false when the path leaves the root or name is absolute.
static bool resolve_cxx__join(const char *base, const char *name, strbuf *out) {
  strbuf_clear(out);
  if (name[0] == '/')
    return false;
  const char *parts[2] = {base, name};
  for (int p = 0; p < 2; p++) {
    const char *segment = parts[p];
    while (*segment) {
      const char *slash = strchr(segment, '/');
      size_t length = slash ? (size_t)(slash - segment) : strlen(segment);
      if (length == 2 && segment[0] == '.' && segment[1] == '.') {
        if (out->length == 0)
          return false;
        char *last = strrchr(out->data, '/');
        out->length = last ? (size_t)(last - out->data) : 0;
        out->data[out->length] = '\0';
      } else if (length > 0 && !(length == 1 && segment[0] == '.')) {
        if (out->length > 0)
          strbuf_append_char(out, '/');
        strbuf_append(out, segment, length);
      }
      segment += length + (slash ? 1 : 0);
    }
  }
  return true;
}

// Whether some file of the tree lies under folder ("" is the root).
static bool resolve_cxx__folder_holds_files(const graph *self, const char *folder) {
  size_t length = strlen(folder);
  if (length == 0)
    return true;
  for (size_t i = 0; i < self->file_count; i++) {
    const char *path = self->files[i].path;
    if (strncmp(path, folder, length) == 0 && path[length] == '/')
      return true;
  }
  return false;
}

// cxx.include_dirs, normalised; NULL for those that cannot hold a file of
// the tree. Absolute ones are system folders (a CUDA toolkit's include/),
// quietly. A relative one that holds no analyzed file is reported once (in
// a tree with C-family files at all): the
// graph stage judges from the walked tree, not the disk, and for resolution
// a folder without files and a missing folder are the same.
static void resolve_cxx__dirs(const graph *self, const strata_config *config, notice_list *notices,
                              resolve_cxx_dirs *dirs) {
  dirs->count = config ? config->cxx_include_dir_count : 0;
  dirs->paths = xcalloc(dirs->count + 1, sizeof(char *));
  // A tree without C-family files has nothing to resolve: the default
  // config's PyTorch include dirs are no news in a pure Python tree.
  bool has_includers = false;
  for (size_t i = 0; i < self->file_count && !has_includers; i++)
    has_includers = self->files[i].language != STRATA_LANG_PYTHON;
  strbuf path;
  strbuf_init(&path);
  for (size_t i = 0; i < dirs->count; i++) {
    const char *spelled = config->cxx_include_dirs[i];
    if (spelled[0] == '/')
      continue; // a system folder: what is found there is outside the tree anyway
    bool inside = resolve_cxx__join("", spelled, &path);
    dirs->paths[i] = xstrdup(inside ? path.data : "");
    if (has_includers && (!inside || !resolve_cxx__folder_holds_files(self, path.data))) {
      strbuf_clear(&path);
      strbuf_printf(&path, "include dir '%s' does not exist under the root", spelled);
      notice_list_add(notices, NULL, 0, 0, path.data);
      free(dirs->paths[i]);
      dirs->paths[i] = NULL; // never matches
    }
  }
  strbuf_release(&path);
}

static void resolve_cxx__dirs_release(resolve_cxx_dirs *dirs) {
  for (size_t i = 0; i < dirs->count; i++)
    free(dirs->paths[i]);
  free(dirs->paths);
}

// The index of the file base/name names, or -1.
static int64_t resolve_cxx__lookup(const graph *self, const char *base, const char *name,
                                   strbuf *scratch) {
  if (!base || !resolve_cxx__join(base, name, scratch))
    return -1;
  return graph_find_file(self, scratch->data);
}

static int64_t resolve_cxx__include(const graph *self, uint32_t from,
                                    const fact_dependency *dependency, const resolve_cxx_dirs *dirs,
                                    strbuf *scratch) {
  const char *from_path = self->files[from].path;
  bool next = strncmp(dependency->statement, "#include_next", 13) == 0;
  size_t first_dir = 0;
  if (next) {
    for (size_t i = 0; i < dirs->count; i++) {
      if (resolve_cxx__lookup(self, dirs->paths[i], dependency->target, scratch) == from) {
        first_dir = i + 1;
        break;
      }
    }
  } else if (!dependency->angled) {
    const char *slash = strrchr(from_path, '/');
    char *folder = xstrndup(from_path, slash ? (size_t)(slash - from_path) : 0);
    int64_t found = resolve_cxx__lookup(self, folder, dependency->target, scratch);
    free(folder);
    if (found >= 0)
      return found;
  }
  for (size_t i = first_dir; i < dirs->count; i++) {
    int64_t found = resolve_cxx__lookup(self, dirs->paths[i], dependency->target, scratch);
    if (found >= 0 && !(next && found == from))
      return found;
  }
  return -1;
}

// The generated node a header name no file answers stands for, or -1.
static int64_t resolve_cxx__generated(graph *self, const strata_config *config, const char *name,
                                      strbuf *scratch) {
  const config_generated *entry = config_generated_header(config, name);
  if (!entry || !resolve_cxx__join(entry->dir, name, scratch))
    return -1;
  return graph_add_generated(self, scratch->data, entry, config);
}

void resolve_cxx(graph *self, const strata_config *config, notice_list *notices) {
  resolve_cxx_dirs dirs;
  resolve_cxx__dirs(self, config, notices, &dirs);
  strbuf scratch;
  strbuf_init(&scratch);
  // Generated nodes are added as the walk goes: files[] may move, so each
  // file is looked up by index, and the nodes added have no facts to walk.
  size_t tree_files = self->file_count;
  for (size_t i = 0; i < tree_files; i++) {
    const file_facts *facts = self->files[i].facts;
    if (self->files[i].language == STRATA_LANG_PYTHON)
      continue;
    for (size_t d = 0; d < facts->dependency_count; d++) {
      const fact_dependency *dependency = &facts->dependencies[d];
      if (dependency->kind != FACT_DEP_INCLUDE)
        continue;
      int64_t found = dependency->computed
                          ? -1
                          : resolve_cxx__include(self, (uint32_t)i, dependency, &dirs, &scratch);
      if (found < 0 && !dependency->computed)
        found = resolve_cxx__generated(self, config, dependency->target, &scratch);
      if (found < 0) {
        graph_add_unresolved(self, (uint32_t)i, dependency->target, dependency->line,
                             dependency->column, dependency);
        continue;
      }
      graph_edge edge = {
          .from = (uint32_t)i,
          .to = (uint32_t)found,
          .kind = FACT_DEP_INCLUDE,
          .scope = FACT_SCOPE_MODULE,
          .line = dependency->line,
          .column = dependency->column,
          .origin = dependency,
      };
      graph_add_edge(self, &edge);
    }
  }
  strbuf_release(&scratch);
  resolve_cxx__dirs_release(&dirs);
}
