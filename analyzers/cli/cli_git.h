// The files git says changed, for `strata check --git-changed`: what a
// pre-commit hook is about, found in one call however many files there are.
#ifndef STRATA_CLI_GIT_H
#define STRATA_CLI_GIT_H

#include "cli_paths.h"

#include <stdbool.h>

// Appends to out the files changed and not deleted, relative to the current
// folder (git's --relative: files outside it are left out): those between
// $PRE_COMMIT_FROM_REF and $PRE_COMMIT_TO_REF when pre-commit sets both
// (pre-push, `pre-commit run --from-ref A --to-ref B`), else those staged
// for commit. *source says which ("staged", or "FROM...TO"; the caller
// frees it). Returns false and sets *error (the caller frees it) when git
// cannot be run or fails, as outside a work tree.
bool cli_git_changed_files(cli_path_list *out, char **source, char **error);

#endif
