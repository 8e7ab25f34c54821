// `strata check FILE...`: the files a linter hands over, the tree they
// belong to, and their paths spelled the way the caller spelled them.
//
// The whole tree is analyzed either way (a cycle or a layering violation is
// a property of the graph, not of one file); these helpers pick out the
// findings that involve the named files and say how to show paths.
#ifndef STRATA_CLI_PATHS_H
#define STRATA_CLI_PATHS_H

#include "finding.h"
#include "notice.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cli_path_list {
  char **items;
  // Where each item came from: the paths file (as given after '@') and the
  // line in it, or NULL and 0 for a command-line argument.
  const char **from_file;
  uint32_t *from_line;
  size_t count;
  size_t capacity;
  char **files; // the paths files read, which from_file points into
  size_t file_count;
} cli_path_list;

// Appends each argument to out, and for an argument @PATHSFILE every line of
// PATHSFILE instead (one path per line, as lintrunner writes {{PATHSFILE}};
// empty lines are skipped and a trailing CR dropped). Returns false and sets
// *error (the caller frees it) when a paths file cannot be read or holds a
// NUL byte, which no path can (then *error starts `PATHSFILE:LINE:COL:
// error:` and *positioned is true).
bool cli_paths_expand(char *const *arguments, size_t count, cli_path_list *out, char **error,
                      bool *positioned);
void cli_path_list_release(cli_path_list *self);

// False, with *error (the caller frees it), when a path is a folder: files
// mode takes files only. A path from a paths file is placed there
// (`PATHSFILE:LINE:1: error: ...`, and *positioned is true).
bool cli_paths_reject_folders(const cli_path_list *paths, char **error, bool *positioned);

// The root of the tree the paths belong to: from the deepest folder holding
// every path that exists (the current folder when none does) upwards, the
// first folder with strata.yaml or .strata.yaml, else the first with .git (a
// git work tree's top). Returns its absolute real path (the caller frees
// it), or NULL and sets *error when there is none.
char *cli_paths_find_root(const cli_path_list *paths, char **error);

// The files the caller named, resolved against the analyzed root.
typedef struct cli_named_files cli_named_files;

// Resolves each path against root (an absolute real path). A path that does
// not exist or lies outside root is left out with a run-level notice (see
// cli_named_files_notices). The caller frees the result with
// cli_named_files_delete.
cli_named_files *cli_named_files_new(const char *root, const cli_path_list *paths);
void cli_named_files_delete(cli_named_files *self);

// Whether relative (to the root) is one of the named files.
bool cli_named_files_has(const cli_named_files *self, const char *relative);

// Whether path (as it can be opened) is one of the named files.
bool cli_named_files_has_file(const cli_named_files *self, const char *path);
// Makes every finding count as involving a named file: a change to the
// config or the baseline concerns them all.
void cli_named_files_involve_all(cli_named_files *self);
bool cli_named_files_involves_all(const cli_named_files *self);

// How to show the root-relative path relative: the caller's own spelling for
// a named file; for any other file its absolute path when every path the
// caller gave was absolute, else its path relative to the current folder.
// The caller frees the result.
char *cli_named_files_display(const cli_named_files *self, const char *relative);

// Copies of the findings of all that involve a named file (finding_involves),
// in order. With display, their location and related paths are shown as
// cli_named_files_display says; without, they stay relative to the root (as
// SARIF needs). The caller frees the list with finding_list_delete.
finding_list *cli_named_files_findings(const cli_named_files *self, const finding_list *all,
                                       bool display);

// Copies of the notices of all about a named file or the run as a whole, and
// the notices about paths that were left out, sorted; paths shown as for
// cli_named_files_findings. The caller frees the list with
// notice_list_delete.
notice_list *cli_named_files_notices(const cli_named_files *self, const notice_list *all,
                                     bool display);

#endif
