// The command line each C-family dialect is parsed with.
//
// strata never lets libclang evaluate a condition or open a header (every
// branch counts, and headers are read one at a time), so the arguments only
// pick the dialect, which decides how the text is lexed (raw strings, digit
// separators, CUDA's <<< >>>), plus cxx.defines for the record.
#ifndef STRATA_CXX_ARGS_H
#define STRATA_CXX_ARGS_H

#include "config.h"
#include "facts.h"

#include <stddef.h>

typedef enum cxx_dialect {
  CXX_DIALECT_C,
  CXX_DIALECT_CPP,
  CXX_DIALECT_CUDA,
  CXX_DIALECT_COUNT,
} cxx_dialect;

cxx_dialect cxx_dialect_of(strata_language language);

typedef struct cxx_args {
  char **items; // each owned
  size_t count;
} cxx_args;

// Fills args for dialect from config (cxx.std, cxx.defines); config may be
// NULL for the defaults. Release with cxx_args_release.
void cxx_args_build(cxx_args *args, const strata_config *config, cxx_dialect dialect);
void cxx_args_release(cxx_args *args);

// The -std= value for dialect: cxx.std (default "c++17") for C++ and CUDA;
// C files get gnu11 or c11 unless cxx.std itself names a C standard ("c11",
// "gnu17": starts with "c" or "gnu" and has no "++"), which they then use
// while C++ keeps c++17. Returns static or config-owned text.
const char *cxx_std_for(const strata_config *config, cxx_dialect dialect);

#endif
