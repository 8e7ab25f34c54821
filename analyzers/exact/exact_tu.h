// Exact mode's facts: what one translation unit of the build took.
//
// Every file the unit opened (the unit, its headers, a CUDA toolkit's) by
// its real path, and every include directive the preprocessor processed:
// the file and line it sits on, and the file it named, or none when the
// header was not found. A directive whose header was already read (an
// include guard, #pragma once) still counts: the compiler took it. Facts of
// both sides of a CUDA unit are one unit's.
#ifndef STRATA_EXACT_TU_H
#define STRATA_EXACT_TU_H

#include "strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXACT_NO_FILE UINT32_MAX

typedef struct exact_inclusion {
  uint32_t includer; // index into files
  uint32_t line;     // 1-based line of the directive's '#'
  uint32_t column;   // 1-based byte column of the '#'
  uint32_t included; // index into files, EXACT_NO_FILE when not found
  char *spelled;     // the header name as written, without quotes or brackets
} exact_inclusion;

// What went wrong with a unit that the run reports once (the message is a
// notice's): a header not found, a command line clang rejects.
typedef struct exact_problem {
  uint32_t file; // index into files, EXACT_NO_FILE for the unit as a whole
  uint32_t line;
  uint32_t column;
  char *message;
} exact_problem;

typedef struct exact_tu {
  char **files; // real paths; files[0] is the unit itself
  size_t file_count;
  size_t file_capacity;
  exact_inclusion *inclusions;
  size_t inclusion_count;
  size_t inclusion_capacity;
  exact_problem *problems;
  size_t problem_count;
  size_t problem_capacity;
  // Flags clang did not know, as spelled: the run gives one notice each.
  char **unknown_flags;
  size_t unknown_flag_count;
  struct strmap *file_index; // path -> index into files; private
} exact_tu;

exact_tu *exact_tu_new(void);
void exact_tu_delete(exact_tu *self);

// The index of path in files, added when new.
uint32_t exact_tu_file(exact_tu *self, const char *path);
void exact_tu_add_inclusion(exact_tu *self, uint32_t includer, uint32_t line, uint32_t column,
                            uint32_t included, const char *spelled);
void exact_tu_add_problem(exact_tu *self, uint32_t file, uint32_t line, uint32_t column,
                          const char *message);
void exact_tu_add_unknown_flag(exact_tu *self, const char *flag);
// Sorts the inclusions by (includer, line, included) and keeps one of each:
// the two sides of a CUDA unit take most directives alike, and a header
// read twice (an X-macro file) takes its directives twice.
void exact_tu_finish(exact_tu *self);

// Bytes for the cache, and back: everything but the file list, which the
// cache keeps itself (files[i] of the decoded unit is files[i] given).
// decode returns NULL for bytes that are not a whole, well-formed encoding.
void exact_tu_encode(const exact_tu *self, strbuf *out);
exact_tu *exact_tu_decode(const char *bytes, size_t length, const char *const *files,
                          size_t file_count);

#endif
