// compile_commands.json: the compilations of a real build, as CMake
// (CMAKE_EXPORT_COMPILE_COMMANDS), Bazel's exporters and bear write it.
//
// An entry names its working folder (`directory`), its translation unit
// (`file`) and its command, either as one shell-quoted string (`command`) or
// as an argument array (`arguments`). Relative paths are resolved here: a
// relative `directory` against the folder of the JSON file, a relative
// `file` against `directory`, so the rest of exact mode sees absolute paths
// only. Read with jansson; nothing here prints.
#ifndef STRATA_COMPILE_DB_H
#define STRATA_COMPILE_DB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct compile_db_entry {
  size_t index;     // 0-based position in the file's array
  char *directory;  // absolute, lexically normalised
  char *file;       // absolute, lexically normalised
  char **arguments; // the command as the build runs it, argv[0] the compiler
  size_t argument_count;
} compile_db_entry;

typedef struct compile_db {
  char *path; // the JSON file, as given
  compile_db_entry *entries;
  size_t count;
  // Entries left out, one message each ("entry 3 has no 'file'"): the
  // caller reports them as notices.
  char **problems;
  size_t problem_count;
} compile_db;

// Reads path (a compile_commands.json, or a folder holding one). Returns
// NULL and sets *error (a message the caller frees) when the file cannot be
// read or is not a JSON array. The caller frees the result with
// compile_db_delete.
compile_db *compile_db_load(const char *path, char **error);
void compile_db_delete(compile_db *self);

// Splits a command line the way a POSIX shell splits words (clang's
// JSONCompilationDatabase does the same): blanks separate, '...' is literal,
// "..." keeps blanks and lets a backslash escape " \ $ `, and a backslash
// outside quotes escapes the next character. Returns the words (the caller
// frees each and the array) and sets *count.
char **compile_db_split_command(const char *command, size_t *count);

// base/path made absolute and lexically normalised ("a/./b/../c" is
// "a/c"); path is returned normalised when already absolute. The caller
// frees it.
char *compile_db_absolute(const char *base, const char *path);

#endif
