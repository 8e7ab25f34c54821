// A build's compiler command line turned into libclang's: what a GCC,
// Clang or nvcc command says about how the preprocessor reads the
// translation unit (include dirs, defines, language, standard, target, GPU
// architectures) is kept or translated; what says what to write (-o, -c,
// -MD) is dropped quietly; what clang has no counterpart for (nvcc's own
// options, precompiled headers) is dropped with a reason, one notice per
// distinct flag. Warning flags never change which includes are taken, so
// they are all left out of the parse; the ones clang does not know are
// reported too (exact_probe.h finds which). Pure: no file is read here
// except response files (@FILE, nvcc's --options-file).
#ifndef STRATA_EXACT_FLAGS_H
#define STRATA_EXACT_FLAGS_H

#include "compile_db.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum exact_dialect {
  EXACT_DIALECT_C,
  EXACT_DIALECT_CXX,
  EXACT_DIALECT_CUDA,
} exact_dialect;

// "c", "c++" or "cuda".
const char *exact_dialect_name(exact_dialect dialect);

// A growable, NULL-terminated list of strings it owns.
typedef struct exact_words {
  char **items;
  size_t count;
  size_t capacity;
} exact_words;

void exact_words_push(exact_words *self, const char *word);
void exact_words_release(exact_words *self);
bool exact_words_contains(const exact_words *self, const char *word);

// A flag dropped with a reason worth a notice.
typedef struct exact_dropped_flag {
  char *flag;   // as spelled, without its value: "--expt-relaxed-constexpr", "-Xcudafe"
  char *reason; // "nvcc's own; clang has no such option"
} exact_dropped_flag;

typedef struct exact_command {
  exact_dialect dialect;
  bool cxx_driver; // g++, c++, clang++, nvcc: a .c file is C++ to it
  bool nvcc;       // the command is nvcc's
  // The arguments every parse of the unit takes, in order; no compiler, no
  // input file.
  exact_words common;
  // CUDA only: host-compiler flags (nvcc's -Xcompiler), for the host side.
  exact_words host_only;
  // CUDA only: the GPU architectures the build compiles for ("sm_80"), one
  // device-side parse each; empty for clang's default.
  exact_words gpu_archs;
  // -W flags as written (dropped from the parse), for the probe.
  exact_words warnings;
  // Flags clang does not get, with why; distinct by flag.
  exact_dropped_flag *dropped;
  size_t dropped_count;
  char *cuda_path;  // the command's own --cuda-path, or NULL
  bool no_cuda_inc; // the command says -nocudainc (or -nogpuinc) itself
  // When set, the unit is not parsed at all (an assembly file, an MSVC
  // command line), and this says why.
  char *skip_reason;
} exact_command;

// Translates entry's command into out (zeroed first; release it with
// exact_command_release).
void exact_command_translate(const compile_db_entry *entry, exact_command *out);
void exact_command_release(exact_command *self);

#endif
