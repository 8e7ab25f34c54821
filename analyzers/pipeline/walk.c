#include "walk.h"

#include "gitignore.h"
#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct walk_folder {
  char *path; // relative; "" for the root
} walk_folder;

typedef struct walk_state {
  const char *root;
  const strata_config *config;
  notice_list *notices;
  walk_result *result;
  walk_folder *pending; // a stack: the walk is iterative, so depth costs no C stack
  size_t pending_count;
  size_t pending_capacity;
  // Folders already walked, by device and inode, so that a symlink loop or
  // a folder linked twice is walked once; a tree has thousands of folders.
  strmap *visited;
  uint64_t **visited_keys; // the map borrows its keys; they live here
  size_t visited_count;
  size_t visited_capacity;
  gitignore *ignored; // NULL when config says not to respect .gitignore
} walk_state;

static bool walk__visit_folder(walk_state *self, const struct stat *info) {
  uint64_t key[2] = {(uint64_t)info->st_dev, (uint64_t)info->st_ino};
  uint32_t unused;
  if (strmap_get(self->visited, (const char *)key, sizeof(key), &unused))
    return false;
  XGROW(self->visited_keys, self->visited_capacity, self->visited_count + 1);
  uint64_t *kept = xmalloc(sizeof(key));
  memcpy(kept, key, sizeof(key));
  self->visited_keys[self->visited_count++] = kept;
  strmap_put(self->visited, (const char *)kept, sizeof(key), 0);
  return true;
}

static void walk__push(walk_state *self, char *path) {
  XGROW(self->pending, self->pending_capacity, self->pending_count + 1);
  self->pending[self->pending_count++].path = path;
}

static void walk__notice(walk_state *self, const char *path, const char *format,
                         const char *detail) {
  char *message = xasprintf(format, detail);
  notice_list_add(self->notices, path, 0, 0, message);
  free(message);
}

// Whether the folder link (absolute path) leads to folder or one of the
// folders above it: a loop, rather than a second way into the tree.
static bool walk__is_loop(const walk_state *self, const char *folder, const char *link) {
  char *holder = folder[0] ? xasprintf("%s/%s", self->root, folder) : xstrdup(self->root);
  char *holder_real = realpath(holder, NULL);
  char *target_real = realpath(link, NULL);
  bool loop = false;
  if (holder_real && target_real) {
    size_t length = strlen(target_real);
    loop = strncmp(holder_real, target_real, length) == 0 &&
           (holder_real[length] == '\0' || holder_real[length] == '/' || length == 1);
  }
  free(holder);
  free(holder_real);
  free(target_real);
  return loop;
}

// Whether name is a file a build turns into a source (walk_result).
static bool walk__is_template(const char *name) {
  size_t length = strlen(name);
  return (length > 3 && strcmp(name + length - 3, ".in") == 0) ||
         (length > 6 && strcmp(name + length - 6, ".proto") == 0);
}

// Adds folder's .gitignore, if it has one, to the rules of the walk.
static void walk__read_gitignore(walk_state *self, const char *folder, const char *absolute) {
  char *path = xasprintf("%s/.gitignore", absolute);
  FILE *file = fopen(path, "rb");
  free(path);
  if (!file)
    return;
  strbuf text;
  strbuf_init(&text);
  char chunk[4096];
  size_t got;
  // A .gitignore is a few kilobytes; one of megabytes is no .gitignore.
  while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0 && text.length < (1u << 20))
    strbuf_append(&text, chunk, got);
  fclose(file);
  gitignore_add(self->ignored, folder, text.data ? text.data : "", text.length);
  strbuf_release(&text);
}

static void walk__entry(walk_state *self, const char *folder, const char *name,
                        unsigned char type) {
  char *path = folder[0] ? xasprintf("%s/%s", folder, name) : xstrdup(name);
  char *absolute = xasprintf("%s/%s", self->root, path);
  bool is_folder = type == DT_DIR;
  bool is_file = type == DT_REG;
  strata_language language;
  const frontend *reader = frontend_for_path(path, &language);
  if (type == DT_LNK || type == DT_UNKNOWN) {
    struct stat info;
    if (stat(absolute, &info) != 0) {
      // A dangling link to nothing a front end reads is no concern of ours;
      // a loop of links, or a dangling source file, is worth saying.
      if (errno == ELOOP)
        walk__notice(self, path, "%s", "symbolic link loop: not followed");
      else if (reader)
        walk__notice(self, path, "cannot read: %s", strerror(errno));
      goto cleanup;
    }
    is_folder = S_ISDIR(info.st_mode);
    is_file = S_ISREG(info.st_mode);
    if (is_folder && type == DT_LNK && !walk__visit_folder(self, &info)) {
      walk__notice(self, path, "%s",
                   walk__is_loop(self, folder, absolute)
                       ? "symbolic link loop: it leads back to a folder that holds it; not followed"
                       : "symbolic link to a folder already analyzed through another path: not "
                         "followed");
      goto cleanup;
    }
  } else if (is_folder) {
    struct stat info;
    if (stat(absolute, &info) == 0 && !walk__visit_folder(self, &info))
      goto cleanup;
  }
  if (is_folder) {
    if (strcmp(name, ".git") == 0 || strcmp(name, ".strata-cache") == 0)
      goto cleanup;
    if (self->config && config_folder_is_excluded(self->config, path))
      goto cleanup;
    if (self->ignored && gitignore_ignores(self->ignored, path, true))
      goto cleanup;
    walk__push(self, path);
    path = NULL; // the stack owns it now
    goto cleanup;
  }
  if (!is_file || (!reader && !walk__is_template(name)))
    goto cleanup;
  if (self->config && config_is_excluded(self->config, path))
    goto cleanup;
  if (self->ignored && gitignore_ignores(self->ignored, path, false))
    goto cleanup;
  if (!reader) {
    walk_result *result = self->result;
    XGROW(result->templates, result->template_capacity, result->template_count + 1);
    result->templates[result->template_count++] = path;
    path = NULL;
    goto cleanup;
  }
  XGROW(self->result->files, self->result->capacity, self->result->count + 1);
  walk_file *file = &self->result->files[self->result->count++];
  file->path = path;
  file->language = language;
  file->frontend = reader;
  path = NULL;
cleanup:
  free(path);
  free(absolute);
}

static int walk__compare_names(const void *left, const void *right) {
  return strcmp(*(char *const *)left, *(char *const *)right);
}

static void walk__folder(walk_state *self, const char *folder) {
  char *absolute = folder[0] ? xasprintf("%s/%s", self->root, folder) : xstrdup(self->root);
  DIR *dir = opendir(absolute);
  if (!dir) {
    walk__notice(self, folder[0] ? folder : NULL, "cannot read folder: %s", strerror(errno));
    free(absolute);
    return;
  }
  if (self->ignored)
    walk__read_gitignore(self, folder, absolute);
  // Entries in name order: which of two ways into one folder is walked, and
  // which is reported as a duplicate, must not depend on the file system.
  typedef struct walk_entry {
    char *name;
    unsigned char type;
  } walk_entry;
  walk_entry *entries = NULL;
  size_t count = 0, capacity = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
      continue;
    XGROW(entries, capacity, count + 1);
    entries[count].name = xstrdup(entry->d_name);
    entries[count++].type = entry->d_type;
  }
  if (count > 1)
    qsort(entries, count, sizeof(walk_entry), walk__compare_names);
  for (size_t i = 0; i < count; i++) {
    walk__entry(self, folder, entries[i].name, entries[i].type);
    free(entries[i].name);
  }
  free(entries);
  closedir(dir);
  free(absolute);
}

static int walk__compare(const void *left, const void *right) {
  return strcmp(((const walk_file *)left)->path, ((const walk_file *)right)->path);
}

void walk_tree(const char *root, const strata_config *config, notice_list *notices,
               walk_result *result) {
  memset(result, 0, sizeof(*result));
  walk_state state = {.root = root,
                      .config = config,
                      .notices = notices,
                      .result = result,
                      .visited = strmap_new(),
                      .ignored = !config || config->respect_gitignore ? gitignore_new() : NULL};
  struct stat info;
  if (stat(root, &info) == 0)
    walk__visit_folder(&state, &info);
  walk__push(&state, xstrdup(""));
  while (state.pending_count > 0) {
    char *folder = state.pending[--state.pending_count].path;
    walk__folder(&state, folder);
    free(folder);
  }
  free(state.pending);
  for (size_t i = 0; i < state.visited_count; i++)
    free(state.visited_keys[i]);
  free(state.visited_keys);
  strmap_delete(state.visited);
  gitignore_delete(state.ignored);
  if (result->count > 1)
    qsort(result->files, result->count, sizeof(walk_file), walk__compare);
  if (result->template_count > 1)
    qsort(result->templates, result->template_count, sizeof(char *), walk__compare_names);
}

void walk_result_release(walk_result *result) {
  for (size_t i = 0; i < result->count; i++)
    free(result->files[i].path);
  free(result->files);
  for (size_t i = 0; i < result->template_count; i++)
    free(result->templates[i]);
  free(result->templates);
  memset(result, 0, sizeof(*result));
}
