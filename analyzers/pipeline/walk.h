// Lists the files of the analyzed tree that some front end reads.
#ifndef STRATA_WALK_H
#define STRATA_WALK_H

#include "config.h"
#include "frontend.h"
#include "notice.h"

#include <stddef.h>

typedef struct walk_file {
  char *path; // relative to the root, '/'-separated
  strata_language language;
  const frontend *frontend;
} walk_file;

typedef struct walk_result {
  walk_file *files; // sorted by path (strcmp), whatever order the file system gave
  size_t count;
  size_t capacity;
  // Files no front end reads that a build turns into sources: CMake
  // configure_file templates (`*.in`) and protobuf definitions (`*.proto`),
  // sorted; they tell a missing generated header from a missing one.
  char **templates;
  size_t template_count;
  size_t template_capacity;
} walk_result;

// Walks root (an absolute folder path), skipping excluded paths, what the
// tree's .gitignore files ignore (unless config turns that off), and
// folders named .git or .strata-cache. Problems (an unreadable folder, a
// symbolic link loop) go to notices, once each. The caller releases the
// result with walk_result_release.
void walk_tree(const char *root, const strata_config *config, notice_list *notices,
               walk_result *result);
void walk_result_release(walk_result *result);

#endif
