#include "cli_paths.h"

#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cli_named_files {
  char *root; // absolute real path, no trailing '/' (but "/" itself)
  char *cwd;  // absolute real path of the current folder; NULL when unknown
  bool absolute;
  char **given;    // the caller's spelling, one per named file
  char **relative; // the same file relative to the root
  size_t count;
  strmap *by_relative;         // relative -> index; keys borrowed from relative
  notice_list *left_out_notes; // paths that name no file of the tree
  bool all;                    // every finding involves a named file
};

static void cli_paths__push(cli_path_list *self, const char *path, size_t length,
                            const char *from_file, uint32_t from_line) {
  size_t capacity = self->capacity;
  XGROW(self->items, self->capacity, self->count + 1);
  if (self->capacity != capacity) {
    self->from_file = xrealloc(self->from_file, self->capacity * sizeof(*self->from_file));
    self->from_line = xrealloc(self->from_line, self->capacity * sizeof(*self->from_line));
  }
  self->from_file[self->count] = from_file;
  self->from_line[self->count] = from_line;
  self->items[self->count++] = xstrndup(path, length);
}

static bool cli_paths__read_list(const char *path, cli_path_list *out, char **error,
                                 bool *positioned) {
  FILE *in = fopen(path, "r");
  if (!in) {
    *error = xasprintf("cannot read paths file '%s': %s", path, strerror(errno));
    return false;
  }
  out->files = xrealloc(out->files, (out->file_count + 1) * sizeof(*out->files));
  const char *name = out->files[out->file_count++] = xstrdup(path);
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  uint32_t number = 0;
  bool ok = true;
  while ((length = getline(&line, &capacity, in)) >= 0) {
    number++;
    const char *nul = memchr(line, '\0', (size_t)length);
    if (nul) {
      *error = xasprintf("%s:%u:%zu: error: a NUL byte in a path", path, number,
                         (size_t)(nul - line) + 1);
      *positioned = true;
      ok = false;
      break;
    }
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
      length--;
    if (length > 0)
      cli_paths__push(out, line, (size_t)length, name, number);
  }
  if (ok && ferror(in)) {
    ok = false;
    *error = xasprintf("cannot read paths file '%s': %s", path, strerror(errno ? errno : EIO));
  }
  free(line);
  fclose(in);
  return ok;
}

bool cli_paths_expand(char *const *arguments, size_t count, cli_path_list *out, char **error,
                      bool *positioned) {
  *positioned = false;
  for (size_t i = 0; i < count; i++) {
    if (arguments[i][0] == '@') {
      if (!cli_paths__read_list(arguments[i] + 1, out, error, positioned))
        return false;
    } else {
      cli_paths__push(out, arguments[i], strlen(arguments[i]), NULL, 0);
    }
  }
  return true;
}

void cli_path_list_release(cli_path_list *self) {
  for (size_t i = 0; i < self->count; i++)
    free(self->items[i]);
  free(self->items);
  free(self->from_file);
  free(self->from_line);
  for (size_t i = 0; i < self->file_count; i++)
    free(self->files[i]);
  free(self->files);
  memset(self, 0, sizeof(*self));
}

bool cli_paths_reject_folders(const cli_path_list *paths, char **error, bool *positioned) {
  *positioned = false;
  for (size_t i = 0; i < paths->count; i++) {
    struct stat info;
    if (stat(paths->items[i], &info) == 0 && S_ISDIR(info.st_mode)) {
      const char *file = paths->from_file ? paths->from_file[i] : NULL;
      *positioned = file != NULL;
      *error =
          file ? xasprintf("%s:%u:1: error: '%s' is a folder: give one folder alone, or "
                           "files",
                           file, paths->from_line[i], paths->items[i])
               : xasprintf("'%s' is a folder: give one folder alone, or files", paths->items[i]);
      return false;
    }
  }
  return true;
}

// Splits path into the real path of its folder and its last component, so
// that a symbolic link keeps the name the tree lists it under. Returns the
// joined absolute path (the caller frees it), or NULL when the folder cannot
// be resolved.
static char *cli_paths__resolve(const char *path) {
  const char *slash = strrchr(path, '/');
  char *folder = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
  const char *base = slash ? slash + 1 : path;
  char resolved[PATH_MAX];
  char *result = NULL;
  if (realpath(folder, resolved))
    result =
        strcmp(resolved, "/") == 0 ? xasprintf("/%s", base) : xasprintf("%s/%s", resolved, base);
  free(folder);
  return result;
}

// Shortens *common (an absolute path) to the deepest folder that holds both
// it and path.
static void cli_paths__common_folder(char *common, const char *path) {
  size_t i = 0;
  while (common[i] && common[i] == path[i])
    i++;
  if (common[i] == '\0' && (path[i] == '/' || path[i] == '\0'))
    return;
  // Back up to the '/' before the first differing component.
  while (i > 0 && common[i] != '/')
    i--;
  common[i == 0 ? 1 : i] = '\0';
}

static bool cli_paths__has(const char *folder, const char *name) {
  char *candidate =
      strcmp(folder, "/") == 0 ? xasprintf("/%s", name) : xasprintf("%s/%s", folder, name);
  struct stat info;
  bool found = lstat(candidate, &info) == 0;
  free(candidate);
  return found;
}

// The nearest folder from start upwards holding one of names, or NULL.
static char *cli_paths__find_upwards(const char *start, const char *const *names,
                                     size_t name_count) {
  char *folder = xstrdup(start);
  for (;;) {
    for (size_t i = 0; i < name_count; i++)
      if (cli_paths__has(folder, names[i]))
        return folder;
    char *slash = strrchr(folder, '/');
    if (!slash || strcmp(folder, "/") == 0)
      break;
    slash[slash == folder ? 1 : 0] = '\0';
  }
  free(folder);
  return NULL;
}

char *cli_paths_find_root(const cli_path_list *paths, char **error) {
  char *start = NULL;
  for (size_t i = 0; i < paths->count; i++) {
    struct stat info;
    if (stat(paths->items[i], &info) != 0)
      continue;
    char *resolved = cli_paths__resolve(paths->items[i]);
    if (!resolved)
      continue;
    // The file's folder: everything before its last '/'.
    char *slash = strrchr(resolved, '/');
    slash[slash == resolved ? 1 : 0] = '\0';
    if (!start) {
      start = resolved;
    } else {
      cli_paths__common_folder(start, resolved);
      free(resolved);
    }
  }
  if (!start) {
    char here[PATH_MAX];
    if (!realpath(".", here)) {
      *error = xasprintf("cannot find the current folder: %s", strerror(errno));
      return NULL;
    }
    start = xstrdup(here);
  }
  static const char *const configs[] = {"strata.yaml", ".strata.yaml"};
  static const char *const git[] = {".git"};
  char *root = cli_paths__find_upwards(start, configs, 2);
  if (!root)
    root = cli_paths__find_upwards(start, git, 1);
  if (!root)
    *error = xasprintf("cannot find the tree of '%s': no strata.yaml, .strata.yaml or git work "
                       "tree above it; give --root DIR",
                       start);
  free(start);
  return root;
}

cli_named_files *cli_named_files_new(const char *root, const cli_path_list *paths) {
  cli_named_files *self = xcalloc(1, sizeof(*self));
  self->root = xstrdup(root);
  char here[PATH_MAX];
  self->cwd = realpath(".", here) ? xstrdup(here) : NULL;
  self->absolute = paths->count > 0;
  self->given = xcalloc(paths->count + 1, sizeof(char *));
  self->relative = xcalloc(paths->count + 1, sizeof(char *));
  self->by_relative = strmap_new();
  self->left_out_notes = notice_list_new();
  size_t root_length = strcmp(root, "/") == 0 ? 0 : strlen(root);
  for (size_t i = 0; i < paths->count; i++) {
    const char *path = paths->items[i];
    if (path[0] != '/')
      self->absolute = false;
    struct stat info;
    if (stat(path, &info) != 0) {
      char *message = xasprintf("cannot check '%s': %s", path, strerror(errno));
      notice_list_add(self->left_out_notes, NULL, 0, 0, message);
      free(message);
      continue;
    }
    char *resolved = cli_paths__resolve(path);
    if (!resolved || strncmp(resolved, root, root_length) != 0 || resolved[root_length] != '/') {
      char *message =
          xasprintf("cannot check '%s': it is outside the analyzed tree '%s'", path, root);
      notice_list_add(self->left_out_notes, NULL, 0, 0, message);
      free(message);
      free(resolved);
      continue;
    }
    const char *relative = resolved + root_length + 1;
    uint32_t index;
    if (!strmap_get(self->by_relative, relative, strlen(relative), &index)) {
      self->given[self->count] = xstrdup(path);
      self->relative[self->count] = xstrdup(relative);
      strmap_put(self->by_relative, self->relative[self->count], strlen(relative),
                 (uint32_t)self->count);
      self->count++;
    }
    free(resolved);
  }
  notice_list_sort(self->left_out_notes);
  return self;
}

void cli_named_files_delete(cli_named_files *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    free(self->given[i]);
    free(self->relative[i]);
  }
  free(self->given);
  free(self->relative);
  strmap_delete(self->by_relative);
  notice_list_delete(self->left_out_notes);
  free(self->root);
  free(self->cwd);
  free(self);
}

bool cli_named_files_has(const cli_named_files *self, const char *relative) {
  uint32_t index;
  return strmap_get(self->by_relative, relative, strlen(relative), &index);
}

// target relative to base, both absolute real paths: "../" for each
// component of base below their common folder, then the rest of target.
static char *cli_paths__relative_to(const char *target, const char *base) {
  if (strcmp(base, "/") == 0)
    return xstrdup(target + 1);
  size_t common = 0; // length of the common folder, at a component boundary
  size_t i = 0;
  while (target[i] && target[i] == base[i]) {
    i++;
    if (target[i] == '/' || target[i] == '\0')
      if (base[i] == '/' || base[i] == '\0')
        common = i;
  }
  strbuf out;
  strbuf_init(&out);
  for (const char *p = base + common; *p; p++)
    if (*p == '/')
      strbuf_append_str(&out, "../");
  const char *rest = target + common;
  if (*rest == '/')
    rest++;
  strbuf_append_str(&out, rest);
  if (out.length == 0)
    strbuf_append_char(&out, '.');
  return strbuf_detach(&out);
}

char *cli_named_files_display(const cli_named_files *self, const char *relative) {
  uint32_t index;
  if (strmap_get(self->by_relative, relative, strlen(relative), &index))
    return xstrdup(self->given[index]);
  char *absolute = strcmp(self->root, "/") == 0 ? xasprintf("/%s", relative)
                                                : xasprintf("%s/%s", self->root, relative);
  if (self->absolute || !self->cwd)
    return absolute;
  char *shown = cli_paths__relative_to(absolute, self->cwd);
  free(absolute);
  return shown;
}

void cli_named_files_involve_all(cli_named_files *self) {
  self->all = true;
}

bool cli_named_files_involves_all(const cli_named_files *self) {
  return self->all;
}

bool cli_named_files_has_file(const cli_named_files *self, const char *path) {
  char resolved[PATH_MAX];
  if (!path || !realpath(path, resolved))
    return false;
  size_t length = strcmp(self->root, "/") == 0 ? 0 : strlen(self->root);
  if (strncmp(resolved, self->root, length) != 0 || resolved[length] != '/')
    return false;
  return cli_named_files_has(self, resolved + length + 1);
}

static bool cli_named_files__involved(const cli_named_files *self, const finding *item) {
  if (self->all)
    return true;
  for (size_t i = 0; i < item->involved_count; i++)
    if (cli_named_files_has(self, item->involved[i]))
      return true;
  return false;
}

static char *cli_named_files__path(const cli_named_files *self, const char *relative,
                                   bool display) {
  if (!relative)
    return NULL;
  return display ? cli_named_files_display(self, relative) : xstrdup(relative);
}

finding_list *cli_named_files_findings(const cli_named_files *self, const finding_list *all,
                                       bool display) {
  finding_list *kept = finding_list_new();
  for (size_t i = 0; i < all->count; i++) {
    const finding *item = &all->items[i];
    if (!cli_named_files__involved(self, item))
      continue;
    char *path = cli_named_files__path(self, item->location.path, display);
    finding *copy = finding_list_add(kept, item->rule, path, item->location.line,
                                     item->location.column, "%s", item->message);
    free(path);
    copy->level = item->level;
    copy->occurrence = item->occurrence;
    copy->advice_start = item->advice_start;
    finding_location_set_end(&copy->location, item->location.end_line, item->location.end_column);
    copy->location.message = xstrdup(item->location.message);
    copy->fingerprint = xstrdup(item->fingerprint);
    copy->summary = xstrdup(item->summary);
    copy->baselined = item->baselined;
    for (size_t r = 0; r < item->related_count; r++) {
      const finding_location *related = &item->related[r];
      char *related_path = cli_named_files__path(self, related->path, display);
      finding_add_related(copy, related_path, related->line, related->column, related->message);
      finding_location_set_end(&copy->related[copy->related_count - 1], related->end_line,
                               related->end_column);
      free(related_path);
    }
    copy->properties = json_incref(item->properties);
    for (size_t k = 0; k < item->involved_count; k++)
      finding_add_involved(copy, item->involved[k]);
  }
  return kept;
}

notice_list *cli_named_files_notices(const cli_named_files *self, const notice_list *all,
                                     bool display) {
  notice_list *kept = notice_list_new();
  for (size_t i = 0; i < all->count; i++) {
    const notice *item = &all->items[i];
    if (item->path && !cli_named_files_has(self, item->path))
      continue;
    char *path = cli_named_files__path(self, item->path, display);
    notice_list_add(kept, path, item->line, item->column, item->message);
    free(path);
  }
  for (size_t i = 0; i < self->left_out_notes->count; i++)
    notice_list_add(kept, NULL, 0, 0, self->left_out_notes->items[i].message);
  notice_list_sort(kept);
  return kept;
}
